#include "engine/vendors/arista/arista_eos_translator.h"

#include "engine/vendors/arista/arista_eos_json_parsers.h"
#include "engine/vendors/arista/arista_eos_text_parsers.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/common/parse_util.h"
#include "engine/vendors/common/route_table_json.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>

namespace rl {

using namespace commercial;

SessionProfile AristaEosTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("terminal length 0"), QStringLiteral("terminal width 32767")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("terminal length 0"),
        QStringLiteral("terminal width 32767"),
        QStringLiteral("show (?:version|hostname) \\| json"),
        QStringLiteral("show interfaces(?: %1)?(?: transceiver)? \\| json").arg(name),
        QStringLiteral("show (?:ip|ipv6) bgp summary vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show ip arp vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show ipv6 neighbors vrf (?:all|%1) \\| json").arg(name),
        QStringLiteral("show (?:ip|ipv6) bgp neighbors %1 (?:received-routes|advertised-routes) vrf %2 \\| json").arg(ip, name),
        QStringLiteral("show (?:ip|ipv6) route vrf %1 %2 \\| json").arg(name, prefix),
        QStringLiteral("show lldp neighbors detail \\| json"),
        // text: its JSON form has no subinterface encapsulation (see VlanErrors)
        QStringLiteral("show interfaces status"),
    });
    return p;
}

Result<QStringList> AristaEosTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString vrf = p.vrf.isEmpty() ? QStringLiteral("default") : p.vrf;
    const QString vrfOrAll = p.vrf.isEmpty() ? QStringLiteral("all") : p.vrf;
    const QString fam = familyFor(p);
    const QString ipKw = fam == u"ipv6" ? QStringLiteral("ipv6") : QStringLiteral("ip");
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version | json"), QStringLiteral("show hostname | json")};
    case QueryKind::LinkStatus:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces | json")
                                                     : QStringLiteral("show interfaces %1 | json").arg(p.interfaceName)};
    case QueryKind::BgpStatus: {
        QStringList c;
        if (fam != u"ipv6")
            c << QStringLiteral("show ip bgp summary vrf %1 | json").arg(vrfOrAll);
        if (fam != u"ipv4")
            c << QStringLiteral("show ipv6 bgp summary vrf %1 | json").arg(vrfOrAll);
        return c;
    }
    case QueryKind::ArpTable:
        return QStringList{QStringLiteral("show ip arp vrf %1 | json").arg(vrfOrAll),
                           QStringLiteral("show ipv6 neighbors vrf %1 | json").arg(vrfOrAll)};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        return QStringList{QStringLiteral("show %1 bgp neighbors %2 %3 vrf %4 | json")
                               .arg(ipKw, p.neighbor,
                                    kind == QueryKind::ReceivedRoutes ? QStringLiteral("received-routes") : QStringLiteral("advertised-routes"),
                                    vrf)};
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show %1 route vrf %2 %3 | json").arg(ipKw, vrf, p.destination)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors detail | json")};
    case QueryKind::Optics:
        return QStringList{QStringLiteral("show interfaces transceiver | json")};
    case QueryKind::VlanErrors:
        // The tag a subinterface expects is documented only in the text table of "show
        // interfaces status" (Type dot1q-encapsulation, Encapsulation <tag>); the counters come
        // from the JSON of every interface. Over eAPI a command without "| json" is asked as text.
        return QStringList{QStringLiteral("show interfaces status"), QStringLiteral("show interfaces | json")};
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

bool isJson(const QByteArray &text) { return parse::firstJsonChar(text) == '{'; }

// One command's output: JSON when it is JSON, else the CLI text forms.
Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    if (!isJson(text))
        return eosText::parse(kind, command, text);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const bool v6 = command.contains(u"ipv6");
    switch (kind) {
    case QueryKind::Facts:
        return text.contains("\"hostname\"") && !text.contains("\"version\"") ? eosJson::showHostname(text)
                                                                             : eosJson::showVersion(text, now);
    case QueryKind::LinkStatus:
        return eosJson::showInterfaces(text, now);
    case QueryKind::BgpStatus:
        return eosJson::showBgpSummary(text, v6, now);
    case QueryKind::ArpTable:
        return eosJson::showArp(text, v6 || text.contains("ipV6Neighbors"), vrfInCommand(command));
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        // Route tables stream through the pull reader (no DOM of a full table).
        return RouteTableJson::eos(kind, command, text);
    case QueryKind::RouteLookup:
        return eosJson::showIpRoute(text);
    case QueryKind::LldpNeighbors:
        return eosJson::showLldpNeighbors(text);
    case QueryKind::Optics:
        return eosJson::showTransceiver(text);
    case QueryKind::VlanErrors:
        // Only a pasted JSON gets here: the tags are in the text table alone.
        return clitext::formatError(QStringLiteral("EOS vlan-errors"), text,
                                    QStringLiteral("the subinterface tags are only in the text of \"show interfaces status\"; paste that"));
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Arista EOS output for %1 is not read by RouterLens.").arg(queryKindTitle(kind)));
}

// vlan-errors pasted: the tags come from "show interfaces status"; when the paste also holds
// "show interfaces" (text or JSON), its counters fill the subinterfaces, as on the live path.
PastedParse withPastedCounters(PastedParse parsed, const QByteArray &text)
{
    for (const clitext::PastedChunk &chunk : clitext::splitPasted(text)) {
        const QString c = chunk.command.simplified().toLower();
        const bool interfacesCommand = (c.startsWith(QLatin1String("show int")) || c.startsWith(QLatin1String("sh int")))
                                       && !c.contains(QLatin1String("status")) && !c.contains(QLatin1String("desc"))
                                       && !c.contains(QLatin1String("trans"));
        if (!interfacesCommand)
            continue;
        auto interfaces = isJson(chunk.body) ? eosJson::showInterfaces(chunk.body, QDateTime::currentSecsSinceEpoch())
                                             : eosText::showInterfaces(chunk.body);
        if (!interfaces)
            continue; // not the full form: the tags alone still answer
        QHash<QString, InterfaceRecord> byName;
        for (const InterfaceRecord &i : interfaces->rows<InterfaceRecord>())
            byName.insert(i.name, i);
        bool used = false;
        for (VlanRecord &v : parsed.records.rows<VlanRecord>()) {
            const auto it = byName.constFind(v.interfaceName);
            if (it == byName.cend())
                continue;
            v.inPackets = it->inPackets;
            v.outPackets = it->outPackets;
            v.otherDrops = it->inDiscards;
            if (v.operState != LinkState::AdminDown && it->operState != LinkState::Unknown)
                v.operState = it->operState;
            used = true;
        }
        if (used)
            parsed.command += QStringLiteral("; ") + chunk.command;
    }
    return parsed;
}

bool answers(QueryKind kind, const QString &cmd)
{
    QString c = cmd.simplified().toLower();
    if (c.startsWith(QLatin1String("sh "))) // EOS takes any unique abbreviation; "sh" is the usual one
        c = QStringLiteral("show ") + c.mid(3);
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver") || has("show hostname");
    case QueryKind::LinkStatus: return (has("show int") && !has("transceiver")) || has("show ip int");
    case QueryKind::BgpStatus: return has("bgp") && (has("summ") || (has("nei") && !has("routes")));
    case QueryKind::ArpTable: return has(" arp") || has("ipv6 nei");
    case QueryKind::ReceivedRoutes: return has("bgp") && has("received");
    case QueryKind::AdvertisedRoutes: return has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return has(" route") || (has("bgp") && !has("summ") && !has("nei"));
    case QueryKind::LldpNeighbors: return has("lldp");
    case QueryKind::Optics: return has("transceiver");
    case QueryKind::VlanErrors: return has("show int") && has("status");
    }
    return false;
}

QString guess(QueryKind kind, const QByteArray &body)
{
    if (!isJson(body))
        return eosText::guessCommand(kind, body);
    switch (kind) {
    case QueryKind::Facts: return body.contains("\"hostname\"") ? QStringLiteral("show hostname | json") : QStringLiteral("show version | json");
    case QueryKind::LinkStatus: return QStringLiteral("show interfaces | json");
    case QueryKind::BgpStatus:
        // IPv6 peers are keyed by their address: a colon inside a peer key says IPv6.
        return body.contains("\"peers\"") && QRegularExpression(QStringLiteral("\"[0-9a-fA-F]*:[0-9a-fA-F:]*\"\\s*:\\s*\\{")).match(QString::fromLatin1(body.left(1 << 20))).hasMatch()
                   ? QStringLiteral("show ipv6 bgp summary vrf all | json") : QStringLiteral("show ip bgp summary vrf all | json");
    case QueryKind::ArpTable: return body.contains("ipV6Neighbors") ? QStringLiteral("show ipv6 neighbors vrf all | json") : QStringLiteral("show ip arp vrf all | json");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> received-routes | json");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> advertised-routes | json");
    case QueryKind::RouteLookup: return QStringLiteral("show ip route <destination> | json");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors detail | json");
    case QueryKind::Optics: return QStringLiteral("show interfaces transceiver | json");
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces status");
    }
    return {};
}

} // namespace

Result<RecordSet> AristaEosTranslator::parse(QueryKind kind, const QueryParams &params,
                                             const QList<CommandOutput> &outputs) const
{
    if (kind == QueryKind::VlanErrors) {
        // The tags come from one command and the counters from the other: read as a pair.
        if (Error e = checkOutputs(*this, kind, params, outputs))
            return e;
        auto r = eosJson::vlanErrors(outputs.at(0).output, outputs.at(1).output);
        if (!r)
            return r.error();
        return applyFilters(*r, params);
    }
    auto all = parseOutputs(*this, kind, params, outputs, [kind](const CommandOutput &o) { return parseOne(kind, o.command, o.output); });
    if (!all)
        return all;
    if (kind == QueryKind::Facts)
        return mergeFacts(*all);
    return applyFilters(*all, params);
}

Result<PastedParse> AristaEosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    auto r = parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
    if (r && kind == QueryKind::Facts)
        r->records = mergeFacts(r->records);
    if (r && kind == QueryKind::VlanErrors)
        return withPastedCounters(*r, text);
    return r;
}

} // namespace rl
