#include "engine/vendors/commercial_cli.h"

#include "engine/vendors/cli_text.h"

#include <QRegularExpression>

namespace rl::commercial {

QString familyFor(const QueryParams &params)
{
    if (!params.addressFamily.isEmpty())
        return params.addressFamily.startsWith(u"ipv6", Qt::CaseInsensitive) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    if (!params.neighbor.isEmpty())
        return params.neighbor.contains(QLatin1Char(':')) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    if (!params.destination.isEmpty())
        return params.destination.contains(QLatin1Char(':')) ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    return {};
}

QString vrfInCommand(const QString &command)
{
    static const QRegularExpression re(QStringLiteral("\\bvrf\\s+(\\S+)"));
    const auto m = re.match(command);
    if (!m.hasMatch() || m.captured(1) == u"all")
        return QStringLiteral("default");
    return m.captured(1);
}

QString familyInCommand(const QString &command)
{
    static const QRegularExpression v6(QStringLiteral("\\b(?:ipv6|vpnv6|inet6)\\b"));
    return v6.match(command).hasMatch() ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
}

Error needsParam(QueryKind kind, const char *param, const QString &platform)
{
    return Error(ErrorCode::InvalidRequest,
                 QStringLiteral("%1 on %2 needs the %3 parameter.").arg(queryKindTitle(kind), platform, QLatin1String(param)));
}

Error unsupported(QueryKind kind, const QString &platform, const QString &why)
{
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("%1 is not available on %2: %3").arg(queryKindTitle(kind), platform, why));
}

Error outputCountMismatch(QueryKind kind, qsizetype expected, qsizetype got)
{
    return Error(ErrorCode::InternalError,
                 QStringLiteral("%1 expected %2 command outputs but got %3.").arg(queryKindTitle(kind)).arg(expected).arg(got));
}

void appendRecords(RecordSet &into, const RecordSet &part)
{
    std::visit([&](const auto &src) {
        using L = std::decay_t<decltype(src)>;
        using R = typename L::value_type;
        if (!std::holds_alternative<L>(into.lists()))
            return;
        if (into.rows<R>().isEmpty())
            into.rows<R>() = src; // share, not copy: full tables are hundreds of megabytes
        else
            into.rows<R>().append(src);
    }, part.lists());
}

RecordSet applyFilters(RecordSet set, const QueryParams &p)
{
    auto keep = [](const QString &want, const QString &have) {
        return want.isEmpty() || want.compare(have, Qt::CaseInsensitive) == 0;
    };
    switch (set.kind()) {
    case QueryKind::BgpStatus: {
        auto &rows = set.rows<BgpNeighborRecord>();
        rows.removeIf([&](const BgpNeighborRecord &r) {
            return !keep(p.neighbor, r.neighbor) || !(p.addressFamily.isEmpty() || r.addressFamily.startsWith(p.addressFamily, Qt::CaseInsensitive));
        });
        break;
    }
    case QueryKind::LinkStatus: {
        auto &rows = set.rows<InterfaceRecord>();
        rows.removeIf([&](const InterfaceRecord &r) { return !keep(p.interfaceName, r.name); });
        break;
    }
    case QueryKind::VlanErrors: {
        auto &rows = set.rows<VlanRecord>();
        rows.removeIf([&](const VlanRecord &r) {
            return !p.interfaceName.isEmpty() && !keep(p.interfaceName, r.interfaceName) && !keep(p.interfaceName, r.parentInterface);
        });
        break;
    }
    case QueryKind::Optics: {
        auto &rows = set.rows<OpticsRecord>();
        rows.removeIf([&](const OpticsRecord &r) { return !keep(p.interfaceName, r.interfaceName); });
        break;
    }
    default:
        break;
    }
    return set;
}

Result<PastedParse> parsePastedChunks(QueryKind kind, const QByteArray &text, const CommandGuesser &guess,
                                      const CommandFilter &relevant, const ChunkParser &parseOne)
{
    PastedParse out;
    out.records = RecordSet(kind);
    QStringList taken;
    Error firstError;
    bool anyParsed = false;
    for (const clitext::PastedChunk &chunk : clitext::splitPasted(text)) {
        QString command = chunk.command;
        if (command.isEmpty())
            command = guess(chunk.body);
        if (command.isEmpty() || !relevant(command))
            continue; // another command's output pasted alongside
        auto part = parseOne(command, chunk.body);
        if (!part) {
            if (!firstError)
                firstError = part.error();
            continue;
        }
        appendRecords(out.records, *part);
        taken.append(command);
        anyParsed = true;
    }
    if (!anyParsed) {
        if (firstError)
            return firstError;
        return Error(ErrorCode::ParseError,
                     QStringLiteral("RouterLens found no output in the pasted text that answers %1; paste the output of one of the platform's commands for it, ideally with the prompt line.")
                         .arg(queryKindTitle(kind)));
    }
    out.command = taken.join(QStringLiteral("; "));
    return out;
}

} // namespace rl::commercial
