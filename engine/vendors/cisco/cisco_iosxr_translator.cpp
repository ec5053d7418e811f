#include "engine/vendors/cisco/cisco_iosxr_translator.h"

#include "engine/vendors/cisco/cisco_ios_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_advertised_parser.h"
#include "engine/vendors/cisco/cisco_iosxr_optics_parser.h"
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
                         QStringLiteral("Optics levels on cisco-iosxr needs the interface parameter: IOS-XR reports optics per "
                                        "controller (\"show controllers optics R/S/I/P\"), so name the port, e.g. HundredGigE0/0/0/0."));
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

Result<QList<ArpRecord>> CiscoIosxrTranslator::parseArp(const QByteArray &text, const QString &vrf)
{
    using namespace clitext;
    const QString what = QStringLiteral("show arp");
    if (Error e = cliError(what, text))
        return e;
    QList<ArpRecord> out;
    bool inTable = false, sawHeader = false;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text) || startsWith(t, "----"))
            continue;
        if (startsWith(t, "Address") && contains(t, "Hardware Addr")) {
            inTable = sawHeader = true;
            continue;
        }
        tokenize(t, tok);
        if (tok.size() == 1 && contains(t, "CPU")) { // node name: "0/0/CPU0", "0/RSP0/CPU0"
            inTable = false;
            continue;
        }
        if (!inTable)
            continue;
        if (tok.size() < 6)
            return lineError(what, l, QStringLiteral("expected \"<address> <age> <mac> <state> <type> <interface>\""));
        const auto ip = IpAddress::parse(tok[0].text);
        if (!ip)
            return lineError(what, l, QStringLiteral("\"%1\" is not an address").arg(latin1(tok[0].text)));
        ArpRecord r;
        r.vrf = vrf;
        r.ip = ip->toString();
        if (tok[1].text != "-")
            r.ageSeconds = parseDuration(tok[1].text).value_or(-1);
        r.mac = normalizeMac(latin1(tok[2].text));
        const std::string_view st = tok[3].text;
        r.state = st == "Interface" || st == "Static" ? NeighborState::Permanent
                  : st == "Dynamic" ? NeighborState::Complete
                  : st == "Incomplete" ? NeighborState::Incomplete : NeighborState::Unknown;
        if (r.mac.isEmpty() && r.state != NeighborState::Incomplete)
            return lineError(what, l, QStringLiteral("\"%1\" is not a MAC address").arg(latin1(tok[2].text)));
        r.interfaceName = latin1(tok[5].text);
        out.append(r);
    }
    if (!sawHeader && !text.trimmed().isEmpty()) {
        bool onlyNoise = true;
        for (const Line &l : splitLines(text))
            onlyNoise = onlyNoise && (isBlank(l.text) || isPromptLine(l.text) || startsWith(trimmed(l.text), "---")
                                      || contains(l.text, "CPU") || startsWith(trimmed(l.text), "Mon ") || contains(l.text, " UTC"));
        if (!onlyNoise)
            return formatError(what, text, QStringLiteral("it has no \"Address Age Hardware Addr\" header"));
    }
    return out;
}

namespace {

template<typename R>
Result<RecordSet> wrap(QueryKind kind, Result<QList<R>> r)
{
    if (!r)
        return r.error();
    return RecordSet(kind, std::move(r.value()));
}

Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &text)
{
    const QString vrf = vrfInCommand(command);
    // Advertised routes have a table of their own on IOS-XR (Network, Next Hop, From, AS Path).
    if (kind == QueryKind::AdvertisedRoutes)
        return wrap(kind, CiscoIosxrAdvertisedParser::parse(text));
    switch (kind) {
    case QueryKind::Facts: {
        auto f = CiscoIosParser::version(text);
        if (!f)
            return f.error();
        f->platform = QStringLiteral("cisco-iosxr");
        return RecordSet(kind, QList<FactsRecord>{*f});
    }
    case QueryKind::LinkStatus: return wrap(kind, CiscoIosParser::interfaces(text));
    case QueryKind::VlanErrors: return wrap(kind, CiscoIosParser::vlans(text));
    case QueryKind::BgpStatus: return wrap(kind, CiscoIosParser::bgpSummary(text, vrf, familyInCommand(command)));
    case QueryKind::ArpTable:
        if (command.contains(u"ipv6"))
            return wrap(kind, CiscoIosParser::ipv6Neighbors(text, vrf));
        return wrap(kind, CiscoIosxrTranslator::parseArp(text, vrf));
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes: return wrap(kind, CiscoIosParser::bgpTable(text));
    case QueryKind::RouteLookup: return wrap(kind, CiscoIosParser::routeLookup(text));
    case QueryKind::LldpNeighbors: return wrap(kind, CiscoIosParser::lldpDetail(text));
    case QueryKind::Optics: {
        const QString loc = CiscoIosxrOpticsParser::location(command.section(QLatin1Char(' '), -1));
        return wrap(kind, CiscoIosxrOpticsParser::parse(text, loc.isEmpty() ? QString() : QStringLiteral("Optics") + loc));
    }
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("RouterLens does not read IOS-XR output for %1 yet.").arg(queryKindTitle(kind)));
}

bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = cmd.simplified().toLower();
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return has("show int") && !has("brief");
    case QueryKind::BgpStatus: return has("bgp") && has("summ");
    case QueryKind::ArpTable: return has("show arp") || has("ipv6 nei");
    case QueryKind::ReceivedRoutes: return has("bgp") && has("routes") && !has("advertised");
    case QueryKind::AdvertisedRoutes: return has("bgp") && has("advertised");
    case QueryKind::RouteLookup: return has("show route");
    case QueryKind::LldpNeighbors: return has("lldp");
    case QueryKind::Optics: return has("controllers optics") || has("controller optics");
    default: return false;
    }
}

QString guess(QueryKind kind, const QByteArray &body)
{
    switch (kind) {
    case QueryKind::Facts: return QStringLiteral("show version");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces");
    case QueryKind::BgpStatus:
        if (body.contains("VRF: "))
            return QStringLiteral("show bgp vrf all ipv4 unicast summary");
        if (body.contains("Address Family: "))
            return QStringLiteral("show bgp all all summary");
        return QStringLiteral("show bgp ipv4 unicast summary");
    case QueryKind::ArpTable: return body.contains("Link-layer Addr") ? QStringLiteral("show ipv6 neighbors") : QStringLiteral("show arp");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show bgp neighbor <neighbor> routes");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show bgp neighbors <neighbor> advertised-routes");
    case QueryKind::RouteLookup: return QStringLiteral("show route <destination>");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors detail");
    case QueryKind::Optics: return QStringLiteral("show controllers optics <location>");
    default: return {};
    }
}

} // namespace

Result<RecordSet> CiscoIosxrTranslator::parse(QueryKind kind, const QueryParams &params,
                                              const QList<CommandOutput> &outputs) const
{
    const auto cmds = commands(kind, params);
    if (!cmds)
        return cmds.error();
    if (outputs.size() != cmds->size())
        return outputCountMismatch(kind, cmds->size(), outputs.size());
    RecordSet all(kind);
    for (const CommandOutput &o : outputs) {
        // Optics are named for the interface asked about, so the interface filter keeps them.
        auto part = kind == QueryKind::Optics ? wrap(kind, CiscoIosxrOpticsParser::parse(o.output, params.interfaceName))
                                              : parseOne(kind, o.command, o.output);
        if (!part)
            return part.error();
        appendRecords(all, *part);
    }
    return applyFilters(all, params);
}

Result<PastedParse> CiscoIosxrTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    return parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
}

} // namespace rl
