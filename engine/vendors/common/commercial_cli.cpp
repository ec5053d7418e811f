#include "engine/vendors/common/commercial_cli.h"

#include "engine/vendors/common/cli_text.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

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

RecordSet mergeFacts(const RecordSet &all)
{
    FactsRecord f;
    for (const FactsRecord &r : all.rows<FactsRecord>()) {
        if (!r.hostname.isEmpty()) f.hostname = r.hostname;
        if (!r.osVersion.isEmpty()) f.osVersion = r.osVersion;
        if (!r.model.isEmpty()) f.model = r.model;
        if (!r.serial.isEmpty()) f.serial = r.serial;
        if (r.uptimeSeconds >= 0) f.uptimeSeconds = r.uptimeSeconds;
        f.vendor = r.vendor;
        f.platform = r.platform;
    }
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

Error checkOutputs(const Translator &t, QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs)
{
    const auto cmds = t.commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return outputCountMismatch(kind, cmds->size(), outputs.size());
    return {};
}

Result<RecordSet> parseOutputs(const Translator &t, QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs,
                               const OutputParser &parseOne)
{
    if (Error e = checkOutputs(t, kind, params, outputs))
        return e;
    RecordSet all(kind);
    for (const CommandOutput &o : outputs) {
        auto part = parseOne(o);
        if (!part)
            return part.error();
        appendRecords(all, *part);
    }
    return all;
}

namespace {

// AS paths in asdot ("65000.100 64512") rewritten in asplain, the unit of every AS number.
// Paths are shared between rows, so each distinct one is rewritten once.
void rewriteAsdotPaths(QList<RouteRecord> &rows)
{
    QHash<QString, QString> done;
    for (RouteRecord &r : rows) {
        if (!r.asPath.contains(QLatin1Char('.')))
            continue;
        auto it = done.constFind(r.asPath);
        if (it == done.cend()) {
            QStringList parts = r.asPath.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (QString &p : parts) {
                // "{65000.1,65000.2}" sets keep their braces and commas.
                QString outPart;
                QString num;
                auto flush = [&]() {
                    if (num.isEmpty())
                        return;
                    const QByteArray b = num.toLatin1();
                    const auto v = clitext::parseAsn(std::string_view(b.constData(), size_t(b.size())));
                    outPart += v ? QString::number(*v) : num;
                    num.clear();
                };
                for (QChar ch : p) {
                    if (ch.isDigit() || ch == u'.') {
                        num += ch;
                    } else {
                        flush();
                        outPart += ch;
                    }
                }
                flush();
                p = outPart;
            }
            it = done.insert(r.asPath, parts.join(QLatin1Char(' ')));
        }
        r.asPath = *it;
    }
}

void appendRows(RecordSet &into, const RecordSet &part)
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

} // namespace

void appendRecords(RecordSet &into, const RecordSet &part)
{
    // AS numbers are asplain everywhere (engine/api/records.h), AS paths too: a router in asdot
    // notation prints "65000.100", its neighbor in asplain "4259840100" for the same AS.
    if (part.kind() == QueryKind::ReceivedRoutes || part.kind() == QueryKind::AdvertisedRoutes || part.kind() == QueryKind::RouteLookup) {
        const QList<RouteRecord> &rows = part.rows<RouteRecord>();
        const bool anyAsdot = std::any_of(rows.cbegin(), rows.cend(), [](const RouteRecord &r) { return r.asPath.contains(QLatin1Char('.')); });
        if (anyAsdot) {
            // Rewritten once: a dotted word that is no AS number ("1.2.3") stays as printed,
            // so the rewritten path may still hold a dot.
            RecordSet plain = part;
            rewriteAsdotPaths(plain.rows<RouteRecord>());
            appendRows(into, plain);
            return;
        }
    }
    appendRows(into, part);
}



RecordSet applyFilters(RecordSet set, const QueryParams &p)
{
    auto keep = [](const QString &want, const QString &have) {
        return want.isEmpty() || sameInterface(want, have);
    };
    auto keepExact = [](const QString &want, const QString &have) {
        return want.isEmpty() || want.compare(have, Qt::CaseInsensitive) == 0;
    };
    switch (set.kind()) {
    case QueryKind::BgpStatus: {
        auto &rows = set.rows<BgpNeighborRecord>();
        rows.removeIf([&](const BgpNeighborRecord &r) {
            return !keepExact(p.neighbor, r.neighbor) || !(p.addressFamily.isEmpty() || r.addressFamily.startsWith(p.addressFamily, Qt::CaseInsensitive));
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
    case QueryKind::Facts:
    case QueryKind::ArpTable:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup:
    case QueryKind::LldpNeighbors:
        break;
    }
    return set;
}

namespace {

// A parser counts the lines of the piece it was given; a person counts the lines of the paste.
Error inPaste(Error e, int firstLine)
{
    if (firstLine <= 1)
        return e;
    static const QRegularExpression lineNumber(QStringLiteral("\\bline (\\d+)\\b"));
    auto shift = [&](QString &text) {
        QString out;
        qsizetype at = 0;
        for (auto it = lineNumber.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            out += text.mid(at, m.capturedStart(1) - at) + QString::number(m.captured(1).toInt() + firstLine - 1);
            at = m.capturedEnd(1);
        }
        text = out + text.mid(at);
    };
    shift(e.message);
    shift(e.detail);
    return e;
}

} // namespace

Result<PastedParse> parsePastedChunks(QueryKind kind, const QByteArray &text, const CommandGuesser &guess,
                                      const CommandFilter &relevant, const ChunkParser &parseOne)
{
    PastedParse out;
    out.records = RecordSet(kind);
    QStringList taken;
    // The error of a piece under a prompt line names what the person asked; a guessed piece
    // (a login banner, a note above the first prompt) only tells what it was taken for.
    Error firstError, firstGuessedError;
    bool anyParsed = false;
    for (const clitext::PastedChunk &chunk : clitext::splitPasted(text)) {
        QString command = chunk.command;
        if (command.isEmpty())
            command = guess(chunk.body);
        if (command.isEmpty() || !relevant(command))
            continue; // another command's output pasted alongside
        auto part = parseOne(command, chunk.body);
        if (!part) {
            Error &slot = chunk.command.isEmpty() ? firstGuessedError : firstError;
            if (!slot)
                slot = inPaste(part.error(), chunk.firstLine);
            continue;
        }
        appendRecords(out.records, *part);
        taken.append(command);
        anyParsed = true;
    }
    if (!anyParsed) {
        if (firstError)
            return firstError;
        if (firstGuessedError)
            return firstGuessedError;
        return Error(ErrorCode::ParseError,
                     QStringLiteral("RouterLens found no output in the pasted text that answers %1; paste the output of one of the platform's commands for it, ideally with the prompt line.")
                         .arg(queryKindTitle(kind)));
    }
    out.command = taken.join(QStringLiteral("; "));
    return out;
}

} // namespace rl::commercial
