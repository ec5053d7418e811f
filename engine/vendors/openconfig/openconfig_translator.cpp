#include "engine/vendors/openconfig/openconfig_translator.h"

#include "engine/vendors/openconfig/openconfig_parser.h"

#include <QDateTime>
#include <QRegularExpression>

namespace rl {

namespace {

// A network instance name as it may appear as a RESTCONF list key without percent-encoding.
const QString kInstancePattern = QStringLiteral("[A-Za-z0-9._-]{1,64}");

QString instanceOf(const QueryParams &params)
{
    return params.vrf.isEmpty() ? QStringLiteral("default") : params.vrf;
}

Error unsupported(QueryKind kind)
{
    return Error(ErrorCode::UnsupportedQuery,
                 QStringLiteral("The openconfig platform answers link status and BGP status over RESTCONF; %1 has no "
                                "OpenConfig path in RouterLens yet. Reach the router over SSH with its vendor platform "
                                "for this query.")
                     .arg(queryKindTitle(kind)));
}

} // namespace

QString OpenConfigTranslator::interfacesPath()
{
    return QStringLiteral("/restconf/data/openconfig-interfaces:interfaces");
}

QString OpenConfigTranslator::bgpNeighborsPath(const QString &networkInstance)
{
    return QStringLiteral("/restconf/data/openconfig-network-instance:network-instances/network-instance=%1"
                          "/protocols/protocol=BGP,BGP/bgp/neighbors")
        .arg(networkInstance);
}

SessionProfile OpenConfigTranslator::sessionProfile() const
{
    SessionProfile p;
    p.mode = SessionProfile::Mode::Exec;
    p.guard = CommandGuard({QRegularExpression::escape(interfacesPath()),
                            QRegularExpression::escape(bgpNeighborsPath(QStringLiteral("INSTANCE0")))
                                .replace(QLatin1String("INSTANCE0"), kInstancePattern)});
    return p;
}

Result<QStringList> OpenConfigTranslator::commands(QueryKind kind, const QueryParams &params) const
{
    switch (kind) {
    case QueryKind::LinkStatus:
        // One GET for all interfaces, filtered here: names such as Ethernet1/1 would need
        // percent-encoding as list keys, and one GET is as cheap.
        return QStringList{interfacesPath()};
    case QueryKind::BgpStatus: {
        const QString instance = instanceOf(params);
        static const QRegularExpression ok(QRegularExpression::anchoredPattern(kInstancePattern)); // no final newline either
        if (!ok.match(instance).hasMatch())
            return Error(ErrorCode::InvalidRequest,
                         QStringLiteral("The VRF \"%1\" cannot be named in a RESTCONF path: use letters, digits, "
                                        "'.', '_' and '-' only.")
                             .arg(instance.left(64)));
        return QStringList{bgpNeighborsPath(instance)};
    }
    case QueryKind::Facts:
    case QueryKind::ArpTable:
    case QueryKind::VlanErrors:
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup:
    case QueryKind::LldpNeighbors:
    case QueryKind::Optics:
        return unsupported(kind);
    }
    return unsupported(kind);
}

Result<RecordSet> OpenConfigTranslator::parse(QueryKind kind, const QueryParams &params,
                                              const QList<CommandOutput> &outputs) const
{
    if (kind != QueryKind::LinkStatus && kind != QueryKind::BgpStatus)
        return unsupported(kind);
    if (outputs.size() != 1)
        return Error(ErrorCode::ParseError,
                     QStringLiteral("The openconfig %1 answer has %2 parts where 1 was expected.")
                         .arg(queryKindTitle(kind))
                         .arg(outputs.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (kind == QueryKind::LinkStatus) {
        auto rows = OpenConfigParser::interfaces(outputs.first().output, now);
        if (!rows)
            return rows.error();
        QList<InterfaceRecord> kept;
        for (const InterfaceRecord &r : *rows)
            if (params.interfaceName.isEmpty() || params.interfaceName.compare(r.name, Qt::CaseInsensitive) == 0)
                kept.append(r);
        return RecordSet(kind, kept);
    }
    auto rows = OpenConfigParser::bgpNeighbors(outputs.first().output, instanceOf(params), now);
    if (!rows)
        return rows.error();
    QList<BgpNeighborRecord> kept;
    for (const BgpNeighborRecord &r : *rows) {
        if (!params.neighbor.isEmpty() && params.neighbor.compare(r.neighbor, Qt::CaseInsensitive) != 0)
            continue;
        if (!params.addressFamily.isEmpty() && !r.addressFamily.startsWith(params.addressFamily + QLatin1Char('-'))
            && r.addressFamily != params.addressFamily)
            continue;
        kept.append(r);
    }
    return RecordSet(kind, kept);
}

Result<PastedParse> OpenConfigTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    // A pasted RESTCONF answer is the document itself; which GET produced it follows from the kind.
    const Result<QStringList> cmds = commands(kind, {});
    if (!cmds)
        return cmds.error();
    const Result<RecordSet> records = parse(kind, {}, {CommandOutput{cmds->first(), text, 0, 0}});
    if (!records)
        return records.error();
    return PastedParse{QStringLiteral("GET ") + cmds->first(), *records};
}

} // namespace rl
