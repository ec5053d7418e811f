#include "engine/vendors/cisco/cisco_iosxr_translator.h"

#include "engine/vendors/cisco/cisco_ios_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_advertised_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_arp_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_bgp_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_interface_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_lldp_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_optics_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_route_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_version_parser.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"

namespace rl {

using namespace commercial;

SessionProfile CiscoIosxrTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("terminal length 0"), QStringLiteral("terminal width 512")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("terminal length 0"),
        QStringLiteral("terminal width 512"),
        QStringLiteral("show version"),
        QStringLiteral("show interfaces(?: %1)?").arg(name),
        QStringLiteral("show bgp(?: vrf %1)? (?:ipv4|ipv6) unicast summary").arg(name),
        QStringLiteral("show arp(?: vrf %1)?").arg(name),
        QStringLiteral("show ipv6 neighbors(?: vrf %1)?").arg(name),
        QStringLiteral("show bgp(?: vrf %1)? (?:ipv4|ipv6) unicast neighbor %2 routes").arg(name, ip),
        QStringLiteral("show bgp(?: vrf %1)? (?:ipv4|ipv6) unicast neighbors %2 advertised-routes").arg(name, ip),
        QStringLiteral("show route(?: vrf %1)? (?:ipv4|ipv6) %2").arg(name, prefix),
        QStringLiteral("show lldp neighbors detail"),
        // Only a rack/slot/instance/port location: nothing else can ride along.
        QStringLiteral("show controllers optics [0-9]{1,2}/[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,3}"),
    });
    return p;
}

Result<QStringList> CiscoIosxrTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString vrfPart = p.vrf.isEmpty() ? QString() : QStringLiteral(" vrf ") + p.vrf;
    const QString fam = familyFor(p);
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version")};
    case QueryKind::LinkStatus:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces") : QStringLiteral("show interfaces ") + p.interfaceName};
    case QueryKind::VlanErrors:
        return QStringList{QStringLiteral("show interfaces")};
    case QueryKind::BgpStatus: {
        QStringList c;
        for (const QString &f : {QStringLiteral("ipv4"), QStringLiteral("ipv6")})
            if (fam.isEmpty() || fam == f)
                c << QStringLiteral("show bgp%1 %2 unicast summary").arg(vrfPart, f);
        return c;
    }
    case QueryKind::ArpTable:
        return QStringList{QStringLiteral("show arp") + vrfPart, QStringLiteral("show ipv6 neighbors") + vrfPart};
    case QueryKind::ReceivedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        return QStringList{QStringLiteral("show bgp%1 %2 unicast neighbor %3 routes")
                               .arg(vrfPart, fam.isEmpty() ? QStringLiteral("ipv4") : fam, p.neighbor)};
    case QueryKind::AdvertisedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        return QStringList{QStringLiteral("show bgp%1 %2 unicast neighbors %3 advertised-routes")
                               .arg(vrfPart, fam.isEmpty() ? QStringLiteral("ipv4") : fam, p.neighbor)};
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show route%1 %2 %3").arg(vrfPart, fam == u"ipv6" ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), p.destination)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors detail")};
    case QueryKind::Optics: {
        // The documented form names one controller (R/S/I/P); the command reference documents
        // no "all" form, so the interface is required and its location picks the controller.
        if (p.interfaceName.isEmpty())
            return Error(ErrorCode::InvalidRequest,
                         QStringLiteral("Optics levels on cisco-iosxr needs the interface parameter (--interface in routerlens-cli): IOS-XR "
                                        "reports optics per controller (\"show controllers optics R/S/I/P\"), so name the port, "
                                        "e.g. --interface HundredGigE0/0/0/0."));
        const QString loc = CiscoIosxrOpticsParser::location(p.interfaceName);
        if (loc.isEmpty())
            return Error(ErrorCode::InvalidRequest,
                         QStringLiteral("%1 has no optics controller on IOS-XR: name a physical port such as HundredGigE0/0/0/0.")
                             .arg(p.interfaceName));
        return QStringList{QStringLiteral("show controllers optics ") + loc};
    }
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> r)
{
    if (!r)
        return r.error();
    return RecordSet(kind, std::move(r.value()));
}

// A typed command with its abbreviations written out ("sh bgp sum" -> "show bgp summary",
// "sh int desc" -> "show interfaces description"), lowercase, so the form it asks for can be
// told by its keywords. The word after "vrf" is a name and stays as typed.
QString canonical(const QString &command)
{
    // Order matters where one keyword is a prefix of another: "route" before "routes".
    static const char *const kKeywords[] = {
        "show", "interfaces", "version", "bgp", "summary", "neighbors", "advertised-routes", "route", "routes",
        "arp", "ipv4", "ipv6", "lldp", "detail", "entry", "brief", "description", "controllers", "optics",
        "unicast", "all", "vpnv4", "vpnv6",
    };
    QStringList words = command.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &w = words[i];
        if ((i > 0 && words[i - 1] == u"vrf") || w.size() < 2 || !w.front().isLetter())
            continue;
        for (const char *k : kKeywords) {
            if (QLatin1String(k).startsWith(w)) {
                w = QLatin1String(k);
                break;
            }
        }
    }
    return words.join(QLatin1Char(' '));
}

// The address family a command asks about: "show bgp vpnv4 unicast summary" -> "vpnv4-unicast".
QString familyOf(const QString &command)
{
    const QString c = command.toLower();
    if (c.contains(u"vpnv4"))
        return QStringLiteral("vpnv4-unicast");
    if (c.contains(u"vpnv6"))
        return QStringLiteral("vpnv6-unicast");
    return familyInCommand(command);
}


Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    const QString vrf = vrfInCommand(command);
    const QString c = canonical(command);
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: {
        auto f = CiscoIosxrVersionParser::parse(text);
        if (!f)
            return f.error();
        return RecordSet(kind, QList<FactsRecord>{*f});
    }
    case QueryKind::LinkStatus:
        if (has("desc"))
            return wrap(kind, CiscoIosxrInterfaceParser::interfacesDescription(text));
        if (has("brief"))
            return wrap(kind, has("ipv4") || has("ip int") ? CiscoIosxrInterfaceParser::ipv4InterfaceBrief(text)
                                                           : CiscoIosxrInterfaceParser::interfacesBrief(text));
        return wrap(kind, CiscoIosxrInterfaceParser::interfaces(text));
    case QueryKind::VlanErrors: return wrap(kind, CiscoIosxrInterfaceParser::vlans(text));
    case QueryKind::BgpStatus:
        if (has("nei"))
            return wrap(kind, CiscoIosxrBgpParser::neighbors(text, vrf, familyOf(command)));
        return wrap(kind, CiscoIosxrBgpParser::summary(text, vrf, familyOf(command)));
    case QueryKind::ArpTable:
        if (has("ipv6"))
            return wrap(kind, CiscoIosxrArpParser::ipv6Neighbors(text, vrf));
        return wrap(kind, CiscoIosxrArpParser::arp(text, vrf));
    case QueryKind::ReceivedRoutes: {
        // The table layout is IOS's: its reader is the benchmarked fast path.
        auto rows = CiscoIosParser::bgpTable(text);
        if (!rows)
            return rows.error();
        return RecordSet(kind, std::move(rows.value()));
    }
    case QueryKind::AdvertisedRoutes:
    {
        // A table of its own on IOS-XR (Network, Next Hop, From, AS Path).
        auto rows = CiscoIosxrAdvertisedParser::parse(text);
        if (!rows)
            return rows.error();
        return RecordSet(kind, std::move(rows.value()));
    }
    case QueryKind::RouteLookup: return wrap(kind, CiscoIosxrRouteParser::lookup(text));
    case QueryKind::LldpNeighbors:
        if (has("detail") || has("entry"))
            return wrap(kind, CiscoIosxrLldpParser::detail(text));
        return wrap(kind, CiscoIosxrLldpParser::summary(text));
    case QueryKind::Optics: {
        const QString loc = CiscoIosxrOpticsParser::location(command.section(QLatin1Char(' '), -1));
        return wrap(kind, CiscoIosxrOpticsParser::parse(text, loc.isEmpty() ? QString() : QStringLiteral("Optics") + loc));
    }
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("RouterLens does not read IOS-XR output for %1 yet.").arg(queryKindTitle(kind)));
}

bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = canonical(cmd);
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver");
    case QueryKind::LinkStatus: return has("show int") || ((has("ipv4 int") || has("ip int")) && has("brief"));
    case QueryKind::VlanErrors: return has("show int") && !has("brief") && !has("desc");
    case QueryKind::BgpStatus: return has("bgp") && (has("summ") || has("nei")) && !has("routes");
    case QueryKind::ArpTable: return has("show arp") || has("ipv6 nei");
    case QueryKind::ReceivedRoutes: return has("bgp") && !has("summ") && !has("advertised") && (has("routes") || !has("nei"));
    case QueryKind::AdvertisedRoutes: return has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return has("show route");
    case QueryKind::LldpNeighbors: return has("lldp");
    case QueryKind::Optics: return has("controllers optics") || has("controller optics");
    }
    return false;
}

// The command that printed a text pasted without its prompt line, from its shape.
QString guess(QueryKind kind, const QByteArray &body)
{
    switch (kind) {
    case QueryKind::Facts: return QStringLiteral("show version");
    case QueryKind::LinkStatus:
        if (body.contains("LineP"))
            return QStringLiteral("show interfaces brief");
        if (body.contains("Description") && body.contains("Protocol") && !body.contains("line protocol is"))
            return QStringLiteral("show interfaces description");
        if (body.contains("IP-Address") && body.contains("Protocol"))
            return QStringLiteral("show ipv4 interface brief");
        return QStringLiteral("show interfaces");
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces");
    case QueryKind::BgpStatus:
        if (body.contains("BGP neighbor is "))
            return QStringLiteral("show bgp neighbors");
        if (body.contains("BGP VRF ") || body.contains("VRF: "))
            return QStringLiteral("show bgp vrf all summary");
        if (body.contains("Address Family: "))
            return QStringLiteral("show bgp all all summary");
        return QStringLiteral("show bgp summary");
    case QueryKind::ArpTable: return body.contains("Link-layer Add") ? QStringLiteral("show ipv6 neighbors") : QStringLiteral("show arp");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show bgp");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show bgp neighbors <neighbor> advertised-routes");
    case QueryKind::RouteLookup: return QStringLiteral("show route <destination>");
    case QueryKind::LldpNeighbors:
        return body.contains("Local Interface:") ? QStringLiteral("show lldp neighbors detail") : QStringLiteral("show lldp neighbors");
    case QueryKind::Optics: return QStringLiteral("show controllers optics <location>");
    }
    return {};
}

// The host name in the prompt above "show version" ("RP/0/RSP0/CPU0:pe1#show version"): the
// 64-bit "show version" names no host of its own.
QString hostFromPrompt(const QByteArray &text)
{
    for (const clitext::Line &l : clitext::splitLines(text)) {
        std::string_view cmd;
        if (!clitext::isPromptLine(l.text, &cmd) || !cmd.starts_with("sh"))
            continue;
        const std::string_view prompt = l.text.substr(0, l.text.find_first_of("#>"));
        const size_t colon = prompt.rfind(':');
        return clitext::latin1(colon == std::string_view::npos ? prompt : prompt.substr(colon + 1));
    }
    return {};
}

} // namespace

Result<RecordSet> CiscoIosxrTranslator::parse(QueryKind kind, const QueryParams &params,
                                              const QList<CommandOutput> &outputs) const
{
    auto all = parseOutputs(*this, kind, params, outputs, [&](const CommandOutput &o) {
        // Optics are named for the interface asked about, so the interface filter keeps them.
        return kind == QueryKind::Optics ? wrap(kind, CiscoIosxrOpticsParser::parse(o.output, params.interfaceName))
                                         : parseOne(kind, o.command, o.output);
    });
    if (!all)
        return all;
    return applyFilters(*all, params);
}

Result<PastedParse> CiscoIosxrTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    auto r = parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
    if (r && kind == QueryKind::Facts) {
        for (FactsRecord &f : r->records.rows<FactsRecord>())
            if (f.hostname.isEmpty())
                f.hostname = hostFromPrompt(text);
    }
    return r;
}

} // namespace rl
