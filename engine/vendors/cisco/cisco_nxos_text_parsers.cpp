#include "engine/vendors/cisco/cisco_nxos_text_parsers.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/big_list.h"
#include "engine/vendors/common/string_interner.h"

#include <QHash>

#include <cmath>
#include <cstdlib>

namespace rl::nxos {

using namespace clitext;

namespace {

QString titleOr(const QString &command, const char *form)
{
    return command.isEmpty() ? QString::fromLatin1(form) : command;
}

// Lines of the text without an echoed prompt line (the paste may carry one, or a trailing
// bare prompt).
std::vector<Line> bodyLines(const QByteArray &text)
{
    std::vector<Line> out;
    for (const Line &l : splitLines(text))
        if (!isPromptLine(l.text))
            out.push_back(l);
    return out;
}

bool isDashes(std::string_view s)
{
    s = trimmed(s);
    if (s.size() < 5)
        return false;
    for (char c : s)
        if (c != '-')
            return false;
    return true;
}

std::string_view afterLabel(std::string_view line, std::string_view label)
{
    const size_t at = line.find(label);
    if (at == std::string_view::npos)
        return {};
    return trimmed(line.substr(at + label.size()));
}

// The text up to the first of `stops` (or the end).
std::string_view upTo(std::string_view s, std::string_view stops)
{
    const size_t at = s.find_first_of(stops);
    return at == std::string_view::npos ? s : s.substr(0, at);
}

QString familyName(std::string_view words)
{
    // "IPv4 Unicast" -> "ipv4-unicast", "L2VPN EVPN" -> "l2vpn-evpn"
    QString s = latin1(trimmed(words)).toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('-'));
    return s;
}

bool looksLikeIpv4(std::string_view s)
{
    int dots = 0;
    if (s.empty())
        return false;
    for (char c : s) {
        if (c == '.')
            ++dots;
        else if (c < '0' || c > '9')
            return false;
    }
    return dots == 3;
}
bool looksLikeIp(std::string_view s)
{
    return looksLikeIpv4(s) || IpAddress::parse(s).has_value();
}

// Short spellings the summary tables print, to the names the full forms print.
QString fullInterfaceName(std::string_view n)
{
    auto expand = [&](std::string_view shortName, const char *longName) -> std::optional<QString> {
        if (n.size() > shortName.size() && n.substr(0, shortName.size()) == shortName
            && n[shortName.size()] >= '0' && n[shortName.size()] <= '9')
            return QString::fromLatin1(longName) + latin1(n.substr(shortName.size()));
        return std::nullopt;
    };
    if (auto s = expand("Eth", "Ethernet"))
        return *s;
    if (auto s = expand("Po", "port-channel"))
        return *s;
    if (auto s = expand("Lo", "loopback"))
        return *s;
    if (auto s = expand("Tu", "Tunnel"))
        return *s;
    return latin1(n);
}

// "10G(D)", "1000(D)", "100G", "auto(D)", "a-10G": bit/s, -1 when not a fixed speed.
qint64 briefSpeed(std::string_view s)
{
    s = upTo(s, "(");
    if (s.starts_with("a-"))
        s.remove_prefix(2);
    if (s.empty() || s == "auto" || s == "--")
        return -1;
    qint64 mult = 1000000; // a bare number is Mb/s
    if (s.back() == 'G') {
        mult = 1000000000;
        s.remove_suffix(1);
    } else if (s.back() == 'M') {
        s.remove_suffix(1);
    }
    const auto v = toInt(s);
    return v ? *v * mult : -1;
}

std::optional<qint64> weekDayDuration(std::string_view s)
{
    // "1week(s) 2day(s)", "3day(s) 4hour(s)"? NX-OS prints two units of week/day/hour/minute.
    qint64 total = 0;
    bool any = false;
    for (const Token &t : tokenize(s)) {
        std::string_view w = t.text;
        size_t i = 0;
        while (i < w.size() && w[i] >= '0' && w[i] <= '9')
            ++i;
        const auto n = toInt(w.substr(0, i));
        if (!n)
            return std::nullopt;
        std::string_view unit = w.substr(i);
        if (unit.ends_with("(s)"))
            unit.remove_suffix(3);
        qint64 mult = 0;
        if (unit == "week")
            mult = 7 * 86400;
        else if (unit == "day")
            mult = 86400;
        else if (unit == "hour")
            mult = 3600;
        else if (unit == "minute")
            mult = 60;
        else if (unit == "second")
            mult = 1;
        else
            return std::nullopt;
        total += *n * mult;
        any = true;
    }
    if (!any)
        return std::nullopt;
    return total;
}

RecordSet one(QueryKind kind, auto rows) { return RecordSet(kind, std::move(rows)); }

} // namespace

BgpState bgpState(QStringView detail)
{
    if (detail.trimmed().startsWith(u"Shut", Qt::CaseInsensitive))
        return BgpState::Idle;
    return bgpStateFromName(detail);
}

std::optional<qint64> flapDuration(std::string_view s)
{
    s = trimmed(s);
    if (s.find('(') != std::string_view::npos)
        return weekDayDuration(s);
    return parseDuration(s);
}

// ---- show version ----------------------------------------------------------------------

Result<RecordSet> versionText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show version");
    FactsRecord f;
    f.vendor = QStringLiteral("Cisco");
    f.platform = QStringLiteral("cisco-nxos");
    bool haveVersion = false, nexus = false, inHardware = false;
    QString systemVersion, kickstartVersion;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (contains(s, "Cisco Nexus Operating System") || contains(s, "Cisco NX-OS"))
            nexus = true;
        if (startsWith(s, "NXOS:") || startsWith(s, "system:") || startsWith(s, "kickstart:")) {
            const std::string_view v = afterLabel(s, "version");
            if (!v.empty()) {
                const QString ver = latin1(upTo(v, " "));
                if (startsWith(s, "kickstart:"))
                    kickstartVersion = ver;
                else
                    systemVersion = ver;
                haveVersion = true;
            }
        } else if (s == "Hardware") {
            inHardware = true;
            continue;
        } else if (inHardware && startsWith(s, "cisco ")) {
            std::string_view m = trimmed(s.substr(6));
            // Nexus 7000: 'cisco Nexus7000 C7010 (10 Slot) Chassis ("Supervisor Module-2")'
            if (const size_t q = m.find(" (\""); q != std::string_view::npos)
                m = trimmed(m.substr(0, q));
            f.model = latin1(m);
        } else if (startsWith(s, "Processor Board ID")) {
            f.serial = latin1(afterLabel(s, "Processor Board ID"));
        } else if (startsWith(s, "Device name:")) {
            f.hostname = latin1(afterLabel(s, "Device name:"));
        } else if (startsWith(s, "Kernel uptime is")) {
            // "Kernel uptime is 12 day(s), 3 hour(s), 48 minute(s), 41 second(s)"
            const qint64 d = numberBefore(s, "day(s)"), h = numberBefore(s, "hour(s)"),
                         m = numberBefore(s, "minute(s)"), sec = numberBefore(s, "second(s)");
            if (d < 0 || h < 0 || m < 0 || sec < 0)
                return lineError(what, l, QStringLiteral("the kernel uptime is not in days, hours, minutes and seconds"));
            f.uptimeSeconds = ((d * 24 + h) * 60 + m) * 60 + sec;
        }
        inHardware = inHardware && !s.empty();
    }
    if (!haveVersion || !nexus)
        return formatError(what, text, QStringLiteral("it has no \"Cisco Nexus Operating System\" banner with an \"NXOS: version\" or \"system: version\" line"));
    f.osVersion = systemVersion.isEmpty() ? kickstartVersion : systemVersion;
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

// ---- show interface --------------------------------------------------------------------

namespace {

struct NxInterface {
    InterfaceRecord rec;
    QString parent;
    qint64 vlanId = -1;
    qint64 badEtype = -1;
    bool tagged = false;
};

// "Ethernet1/1 is up", "Vlan100 is down (Administratively down), line protocol is down, ...",
// "port-channel10 is down (No operational members)": a block's first line, at column 0.
bool isInterfaceHead(std::string_view line)
{
    if (line.empty() || line[0] == ' ')
        return false;
    const auto t = tokenize(line);
    return t.size() >= 3 && t[1].text == "is" && (startsWith(t[2].text, "up") || startsWith(t[2].text, "down"))
           && t[0].text.find(':') == std::string_view::npos && t[0].text != "admin";
}

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<NxInterface>> readInterfaces(const QByteArray &text, const QString &what)
{
    QList<NxInterface> out;
    NxInterface *cur = nullptr;
    enum class Section { None, Rx, Tx } section = Section::None;
    bool svi = false, sviIn = false, sviOut = false;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (isInterfaceHead(l.text)) {
            out.append(NxInterface());
            cur = &out.last();
            section = Section::None;
            const auto t = tokenize(l.text);
            cur->rec.name = latin1(t[0].text);
            const bool adminDown = contains(s, "(Administratively down)");
            svi = contains(s, "line protocol is");
            sviIn = sviOut = false;
            std::string_view oper = upTo(t[2].text, ",");
            if (svi)
                oper = upTo(afterLabel(s, "line protocol is"), ", ");
            cur->rec.operState = oper == "up" ? LinkState::Up : LinkState::Down;
            // The reason in parentheses says whether it is shut; without one the port is enabled.
            cur->rec.adminState = adminDown ? LinkState::AdminDown : LinkState::Up;
            continue;
        }
        if (!cur) {
            if (s.empty())
                continue;
            return lineError(what, l, QStringLiteral("an interface block starts with \"<name> is up|down\""));
        }
        if (startsWith(l.text, "admin state is")) {
            const std::string_view a = upTo(afterLabel(l.text, "admin state is"), ", ");
            cur->rec.adminState = a == "down" ? LinkState::AdminDown : LinkState::Up;
            if (const std::string_view p = afterLabel(s, "[parent interface is "); !p.empty()) {
                cur->parent = latin1(upTo(p, "]"));
            }
            continue;
        }
        if (contains(s, "[parent interface is ")) {
            cur->parent = latin1(upTo(afterLabel(s, "[parent interface is "), "]"));
            continue;
        }
        if (startsWith(s, "Hardware")) {
            std::string_view a = afterLabel(s, "address:");
            if (a.empty())
                a = afterLabel(s, "address is");
            if (!a.empty())
                cur->rec.mac = normalizeMac(latin1(upTo(a, " ,")));
        } else if (startsWith(s, "Description:")) {
            cur->rec.description = toQString(afterLabel(s, "Description:"));
        } else if (startsWith(s, "MTU ") || contains(s, " BW ") || startsWith(s, "BW ")) {
            if (startsWith(s, "MTU "))
                cur->rec.mtu = numberAfter(s, "MTU");
            const qint64 bw = numberAfter(s, "BW");
            cur->rec.speedBps = bw < 0 ? -1 : bw * 1000; // "BW 10000000 Kbit"
        } else if (startsWith(s, "Encapsulation 802.1Q")) {
            cur->tagged = true;
            cur->vlanId = numberAfter(s, "Vlan ID");
        } else if (startsWith(s, "Last link flapped")) {
            const auto d = flapDuration(afterLabel(s, "Last link flapped"));
            if (!d)
                return lineError(what, l, QStringLiteral("the time since the last flap is not a duration"));
            cur->rec.lastChangeSeconds = *d;
        } else if (s == "RX" || s == "Rx") {
            section = Section::Rx;
        } else if (s == "TX" || s == "Tx") {
            section = Section::Tx;
        } else if (svi && startsWith(s, "L3 in Switched")) {
            sviIn = true;
        } else if (svi && startsWith(s, "L3 out Switched")) {
            sviOut = true;
        } else if ((sviIn || sviOut) && startsWith(s, "ucast:")) {
            // "ucast: 1203 pkts, 98234 bytes - mcast: 0 pkts, 0 bytes"
            (sviIn ? cur->rec.inPackets : cur->rec.outPackets) = numberAfter(s, "ucast:");
            sviIn = sviOut = false;
        } else if (section != Section::None && startsWith(s, "ucast:")) {
            // nve: "RX" / "TX" followed by "ucast: N pkts, M bytes - mcast: ..." (unicast, as for SVIs)
            (section == Section::Rx ? cur->rec.inPackets : cur->rec.outPackets) = numberAfter(s, "ucast:");
        } else {
            // Counters: Ethernet "RX"/"TX" blocks, mgmt0 "Rx"/"Tx", loopbacks' IOS-like lines.
            if (section == Section::Rx || contains(s, "packets input") || contains(s, "input errors")) {
                if (contains(s, "input packets"))
                    cur->rec.inPackets = numberBefore(s, "input packets");
                if (contains(s, "packets input"))
                    cur->rec.inPackets = numberBefore(s, "packets input");
                if (contains(s, "CRC"))
                    cur->rec.crcErrors = numberBefore(s, "CRC");
                if (contains(s, "input error"))
                    cur->rec.inErrors = numberBefore(s, "input error");
                if (contains(s, "input discard"))
                    cur->rec.inDiscards = numberBefore(s, "input discard");
                if (contains(s, "bad etype drop"))
                    cur->badEtype = numberBefore(s, "bad etype drop");
            }
            if (section == Section::Tx || contains(s, "packets output") || contains(s, "output errors")) {
                if (contains(s, "output packets"))
                    cur->rec.outPackets = numberBefore(s, "output packets");
                if (contains(s, "packets output"))
                    cur->rec.outPackets = numberBefore(s, "packets output");
                if (contains(s, "output error"))
                    cur->rec.outErrors = numberBefore(s, "output error");
                if (contains(s, "output discard"))
                    cur->rec.outDiscards = numberBefore(s, "output discard");
            }
        }
    }
    if (out.isEmpty())
        return formatError(what, text, QStringLiteral("it has no interface block (\"Ethernet1/1 is up\")"));
    return out;
}

} // namespace

Result<RecordSet> interfacesText(const QByteArray &text, const QString &command)
{
    auto all = readInterfaces(text, titleOr(command, "show interface"));
    if (!all)
        return all.error();
    QList<InterfaceRecord> rows;
    for (const NxInterface &i : *all)
        rows.append(i.rec);
    return one(QueryKind::LinkStatus, rows);
}

Result<RecordSet> vlanErrorsText(const QByteArray &text, const QString &command)
{
    auto all = readInterfaces(text, titleOr(command, "show interface"));
    if (!all)
        return all.error();
    QHash<QString, qint64> parentDrops;
    for (const NxInterface &i : *all)
        if (!i.tagged)
            parentDrops.insert(i.rec.name, i.badEtype);
    QList<VlanRecord> rows;
    for (const NxInterface &i : *all) {
        if (!i.tagged)
            continue;
        VlanRecord v;
        v.interfaceName = i.rec.name;
        v.parentInterface = i.parent.isEmpty() ? i.rec.name.section(QLatin1Char('.'), 0, 0) : i.parent;
        v.vlanId = i.vlanId;
        v.encapsulation = QStringLiteral("dot1q");
        v.operState = i.rec.adminState == LinkState::AdminDown ? LinkState::AdminDown : i.rec.operState;
        v.inPackets = i.rec.inPackets;
        v.outPackets = i.rec.outPackets;
        v.otherDrops = i.rec.inDiscards;
        // A frame with a VLAN tag no subinterface takes is counted on the parent port.
        v.unknownTagDrops = parentDrops.value(v.parentInterface, i.badEtype);
        rows.append(v);
    }
    return one(QueryKind::VlanErrors, rows);
}

// ---- show interface brief --------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> interfacesBriefText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show interface brief");
    enum class Sec { None, Mgmt, Ethernet, PortChannel, Vlan, StatusDesc, Tunnel, Nve };
    Sec sec = Sec::None;
    bool inHeader = false; // between the dashed lines around a section's header
    bool any = false;
    QList<InterfaceRecord> rows;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (s.empty())
            continue;
        if (isDashes(s)) {
            inHeader = !inHeader;
            continue;
        }
        const auto t = tokenize(s);
        if (inHeader) {
            if (t[0].text == "Port" && t.size() > 1 && t[1].text == "VRF")
                sec = Sec::Mgmt;
            else if (t[0].text == "Port" && t.size() > 2 && t[1].text == "Status" && t[2].text == "Reason")
                sec = Sec::Nve;
            else if (t[0].text == "Ethernet" && t.size() > 1 && t[1].text == "VLAN")
                sec = Sec::Ethernet;
            else if (t[0].text == "Port-channel" && t.size() > 1 && t[1].text == "VLAN")
                sec = Sec::PortChannel;
            else if (t[0].text == "Interface" && t.size() > 1 && t[1].text == "Secondary")
                sec = Sec::Vlan;
            else if (t[0].text == "Interface" && t.size() > 2 && t[1].text == "Status" && t[2].text == "Description")
                sec = Sec::StatusDesc;
            else if (t[0].text == "Interface" && t.size() > 2 && t[1].text == "Status" && t[2].text == "IP")
                sec = Sec::Tunnel;
            else if ((t[0].text == "Interface" || t[0].text == "Ch") && sec != Sec::None)
                ; // the second header line of the Ethernet and Port-channel sections
            else
                return lineError(what, l, QStringLiteral("not a header of a show interface brief section"));
            any = true;
            continue;
        }
        if (sec == Sec::None)
            return lineError(what, l, QStringLiteral("a show interface brief section starts with a dashed line and its header"));
        InterfaceRecord r;
        r.name = fullInterfaceName(t[0].text);
        auto setStatus = [&](std::string_view status, std::string_view reason) {
            r.operState = status == "up" ? LinkState::Up : LinkState::Down;
            if (contains(reason, "Administratively down"))
                r.adminState = LinkState::AdminDown;
            else if (status == "up" || !reason.empty())
                r.adminState = LinkState::Up; // NX-OS names "Administratively down" when shut
        };
        switch (sec) {
        case Sec::None:
            break;
        case Sec::Mgmt: // Port VRF Status IP-Address Speed MTU
            if (t.size() != 6)
                return lineError(what, l, QStringLiteral("expected port, VRF, status, address, speed and MTU"));
            setStatus(t[2].text, {});
            r.speedBps = briefSpeed(t[4].text);
            r.mtu = toInt(t[5].text).value_or(-1);
            break;
        case Sec::Ethernet:
        case Sec::PortChannel: { // Name VLAN Type Mode Status Reason... Speed Port-Ch/Protocol
            if (t.size() < 8)
                return lineError(what, l, QStringLiteral("expected interface, VLAN, type, mode, status, reason, speed and port channel"));
            std::string_view reason(t[5].text.data(), size_t(t[t.size() - 3].end() - t[5].column));
            setStatus(t[4].text, reason == "none" ? std::string_view("none") : reason);
            r.speedBps = briefSpeed(t[t.size() - 2].text);
            break;
        }
        case Sec::Vlan: { // Interface Secondary-VLAN(Type) Status Reason
            if (t.size() < 3)
                return lineError(what, l, QStringLiteral("expected interface, secondary VLAN, status and reason"));
            const std::string_view reason = t.size() > 3 ? std::string_view(t[3].text.data(), size_t(t.back().end() - t[3].column)) : std::string_view();
            setStatus(t[2].text, reason == "--" ? std::string_view("--") : reason);
            break;
        }
        case Sec::StatusDesc: // Interface Status Description
            if (t.size() < 2)
                return lineError(what, l, QStringLiteral("expected interface and status"));
            setStatus(t[1].text, {});
            if (t.size() > 2) {
                const std::string_view d(t[2].text.data(), size_t(t.back().end() - t[2].column));
                if (d != "--")
                    r.description = toQString(d);
            }
            break;
        case Sec::Nve: { // Port Status Reason MTU (nve1)
            if (t.size() < 4)
                return lineError(what, l, QStringLiteral("expected port, status, reason and MTU"));
            const std::string_view reason(t[2].text.data(), size_t(t[t.size() - 2].end() - t[2].column));
            setStatus(t[1].text, reason);
            r.mtu = toInt(t.back().text).value_or(-1);
            break;
        }
        case Sec::Tunnel: // Interface Status IP-Address Encap-type MTU
            if (t.size() < 4)
                return lineError(what, l, QStringLiteral("expected interface, status, address, encapsulation and MTU"));
            setStatus(t[1].text, {});
            r.mtu = toInt(t.back().text).value_or(-1);
            break;
        }
        rows.append(r);
    }
    if (!any)
        return formatError(what, text, QStringLiteral("it has no show interface brief section header (\"Ethernet      VLAN    Type Mode   Status\")"));
    return one(QueryKind::LinkStatus, rows);
}

// ---- BGP summary -----------------------------------------------------------------------

Result<RecordSet> bgpSummaryText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show bgp summary");
    QList<BgpNeighborRecord> rows;
    QString vrf = QStringLiteral("default"), family = QStringLiteral("ipv4-unicast");
    qint64 localAs = -1;
    bool anyBlock = false, inTable = false;
    std::string_view pendingNeighbor;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "BGP summary information for VRF")) {
            // "BGP summary information for VRF default, address family IPv4 Unicast"
            const std::string_view rest = afterLabel(s, "for VRF");
            vrf = latin1(upTo(rest, ","));
            family = familyName(afterLabel(rest, "address family"));
            anyBlock = true;
            inTable = false;
            localAs = -1;
            continue;
        }
        if (!anyBlock) {
            if (s.empty())
                continue;
            return lineError(what, l, QStringLiteral("the summary starts with \"BGP summary information for VRF ...\""));
        }
        if (startsWith(s, "BGP router identifier")) {
            const auto as = parseAsn(afterLabel(s, "local AS number"));
            if (!as)
                return lineError(what, l, QStringLiteral("the local AS is not an AS number"));
            localAs = *as;
            continue;
        }
        if (startsWith(s, "Neighbor") && contains(s, "State/PfxRcd")) {
            inTable = true;
            continue;
        }
        if (!inTable || s.empty())
            continue; // table version, memory and dampening lines
        const auto t = tokenize(s);
        if (t.size() == 1 && looksLikeIp(t[0].text)) {
            pendingNeighbor = t[0].text; // an IPv6 neighbor; its row continues on the next line
            continue;
        }
        std::vector<Token> cols = t;
        if (!pendingNeighbor.empty())
            cols.insert(cols.begin(), Token{pendingNeighbor, 0});
        pendingNeighbor = {};
        if (cols.size() < 10 || !looksLikeIp(cols[0].text) || cols[1].text != "4")
            return lineError(what, l, QStringLiteral("expected neighbor, version, AS, messages, table version, queues, up/down and state"));
        BgpNeighborRecord r;
        r.vrf = vrf;
        r.addressFamily = family;
        r.neighbor = latin1(cols[0].text);
        r.localAs = localAs;
        const auto as = parseAsn(cols[2].text);
        const auto up = parseDuration(cols[8].text);
        if (!as)
            return lineError(what, l, QStringLiteral("\"%1\" is not an AS number").arg(latin1(cols[2].text)));
        if (!up)
            return lineError(what, l, QStringLiteral("\"%1\" is not an up/down time").arg(latin1(cols[8].text)));
        r.remoteAs = *as;
        r.uptimeSeconds = *up;
        const std::string_view state(cols[9].text.data(), size_t(cols.back().end() - cols[9].column));
        if (const auto n = toInt(state); n && isDigits(state)) {
            r.state = BgpState::Established;
            r.stateDetail = QStringLiteral("Established");
            r.prefixesReceived = *n;
        } else {
            r.stateDetail = latin1(state);
            r.state = bgpState(r.stateDetail);
            if (r.state == BgpState::Unknown)
                return lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(r.stateDetail));
            r.adminEnabled = !r.stateDetail.contains(u"Admin");
        }
        rows.append(r);
    }
    if (!anyBlock)
        return formatError(what, text, QStringLiteral("it has no \"BGP summary information for VRF\" line"));
    if (!pendingNeighbor.empty())
        return formatError(what, text, QStringLiteral("it ends inside the row of neighbor %1").arg(latin1(pendingNeighbor)));
    return one(QueryKind::BgpStatus, rows);
}

// ---- BGP neighbors (detail) ------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> bgpNeighborsText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show bgp neighbors");
    QList<BgpNeighborRecord> rows;
    const QString commandVrf = [&] {
        const qsizetype at = command.indexOf(QLatin1String("vrf "));
        if (at < 0)
            return QStringLiteral("default");
        const QString v = command.mid(at + 4).section(QLatin1Char(' '), 0, 0);
        return v == u"all" ? QStringLiteral("default") : v;
    }();
    const QString commandFamily = command.contains(u"ipv6") ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
    struct Peer {
        BgpNeighborRecord base;
        qint64 lastResetAgo = -1;
        QList<BgpNeighborRecord> families;
    };
    QList<Peer> peers;
    Peer *cur = nullptr;
    BgpNeighborRecord *fam = nullptr;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "BGP neighbor is ")) {
            // "BGP neighbor is 10.0.2.2, remote AS 65002, ebgp link, Peer index 3"
            peers.append(Peer());
            cur = &peers.last();
            fam = nullptr;
            cur->base.vrf = commandVrf;
            cur->base.neighbor = latin1(upTo(afterLabel(s, "BGP neighbor is"), ", "));
            const auto as = parseAsn(upTo(afterLabel(s, "remote AS"), ", "));
            if (!as)
                return lineError(what, l, QStringLiteral("the remote AS is not an AS number"));
            cur->base.remoteAs = *as;
            continue;
        }
        if (!cur) {
            if (s.empty())
                continue;
            return lineError(what, l, QStringLiteral("the neighbor detail starts with \"BGP neighbor is ...\""));
        }
        if (startsWith(s, "Description:")) {
            cur->base.description = toQString(afterLabel(s, "Description:"));
        } else if (startsWith(s, "BGP version") && contains(s, "remote router ID")) {
            const std::string_view id = upTo(afterLabel(s, "remote router ID"), " ,");
            if (id != "0.0.0.0") // a peer never established has no router ID yet
                cur->base.remoteRouterId = latin1(id);
        } else if (startsWith(s, "BGP state =")) {
            // "BGP state = Established, up for 5d02h" / "BGP state = Shut (Admin), down for 00:12:31, retry in ..."
            const std::string_view st = afterLabel(s, "BGP state =");
            cur->base.stateDetail = latin1(trimmed(upTo(st, ",")));
            cur->base.state = bgpState(cur->base.stateDetail);
            if (cur->base.state == BgpState::Unknown)
                return lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(cur->base.stateDetail));
            cur->base.adminEnabled = !cur->base.stateDetail.contains(u"Admin");
            std::string_view since = afterLabel(st, " for ");
            since = upTo(since, ",");
            if (!since.empty()) {
                const auto d = parseDuration(since);
                if (!d)
                    return lineError(what, l, QStringLiteral("\"%1\" is not a duration").arg(latin1(since)));
                cur->base.uptimeSeconds = *d;
            }
        } else if (startsWith(s, "Last reset by us") || startsWith(s, "Last reset by peer")) {
            // "Last reset by us 5d02h, due to holdtimer expired error": the latest reset's cause
            const std::string_view when = upTo(afterLabel(s, startsWith(s, "Last reset by us") ? "Last reset by us" : "Last reset by peer"), ",");
            const std::string_view why = afterLabel(s, "due to");
            const auto ago = parseDuration(when);
            if (ago && *ago >= 0 && !why.empty() && why != "No error" && (cur->lastResetAgo < 0 || *ago < cur->lastResetAgo)) {
                cur->lastResetAgo = *ago;
                cur->base.lastError = latin1(why);
            }
        } else if (startsWith(s, "Neighbor vrf:")) {
            cur->base.vrf = latin1(afterLabel(s, "Neighbor vrf:"));
        } else if (startsWith(s, "Local AS ") || startsWith(s, "Local-as ")) {
            // "Local AS 65001, ..." printed when local-as is set for this neighbor
            if (const auto as = parseAsn(upTo(afterLabel(s, startsWith(s, "Local AS") ? "Local AS" : "Local-as"), ", ")))
                cur->base.localAs = *as;
        } else if (startsWith(s, "For address family:")) {
            cur->families.append(cur->base);
            fam = &cur->families.last();
            fam->addressFamily = familyName(afterLabel(s, "For address family:"));
        } else if (fam && (contains(s, "accepted prefixes") || contains(s, "accepted paths"))) {
            fam->prefixesAccepted = numberBefore(s, contains(s, "accepted prefixes") ? "accepted prefixes" : "accepted paths");
        } else if (fam && (contains(s, "sent prefixes") || contains(s, "sent paths"))) {
            fam->prefixesSent = numberBefore(s, contains(s, "sent prefixes") ? "sent prefixes" : "sent paths");
        }
    }
    if (peers.isEmpty())
        return formatError(what, text, QStringLiteral("it has no \"BGP neighbor is\" line"));
    for (Peer &p : peers) {
        if (p.families.isEmpty()) {
            p.base.addressFamily = commandFamily;
            rows.append(p.base);
            continue;
        }
        for (BgpNeighborRecord &f : p.families) {
            // Lines after the family header (state, vrf) may have come later in the block.
            const QString af = f.addressFamily;
            const qint64 acc = f.prefixesAccepted, sent = f.prefixesSent;
            f = p.base;
            f.addressFamily = af;
            f.prefixesAccepted = acc;
            f.prefixesSent = sent;
            rows.append(f);
        }
    }
    return one(QueryKind::BgpStatus, rows);
}

// ---- ARP and IPv6 neighbors ------------------------------------------------------------

namespace {

bool isArpFlag(std::string_view f)
{
    // "*" non-active FHRP router, "+" synced via CFSoE, "#" throttled for glean,
    // "CP"/"PS"/"RO" learnt via L2RIB, "D" static on a down interface.
    for (std::string_view k : {"*", "+", "#", "CP", "PS", "RO", "D", "G", "R", "**", "*+", "+*"})
        if (f == k)
            return true;
    return false;
}

// Reads both tables: v6 names the IPv6 adjacency table (Pref and Source columns).
// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> neighborTable(const QByteArray &text, const QString &what, bool v6)
{
    QList<ArpRecord> rows;
    QString vrf;
    bool haveTable = false, inLegend = false, inRows = false, physicalColumn = false, vrfColumn = false;
    std::string_view pendingIp;
    int pendingLine = 0;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "Flags:")) {
            inLegend = true;
            continue;
        }
        if (inLegend) {
            // The legend's lines are indented (by blanks, or a tab in some captures) and end
            // at a blank line.
            if (s.empty() || l.text[0] == ' ' || l.text[0] == '\t') {
                inLegend = !s.empty();
                continue;
            }
            inLegend = false;
        }
        if (s.empty())
            continue;
        if (!v6 && startsWith(s, "IP ARP Table")) {
            // "IP ARP Table for context default", "IP ARP Table for all contexts"
            const std::string_view ctx = afterLabel(s, "for context");
            vrf = ctx.empty() ? QString() : latin1(ctx);
            haveTable = true;
            inRows = false;
            continue;
        }
        if (v6 && startsWith(s, "IPv6 Adjacency Table")) {
            // "IPv6 Adjacency Table for VRF default", "... for all VRFs"
            const std::string_view ctx = afterLabel(s, "for VRF");
            vrf = ctx.empty() ? QString() : latin1(ctx);
            haveTable = true;
            inRows = false;
            continue;
        }
        if (!haveTable)
            return lineError(what, l, v6 ? QStringLiteral("the table starts with \"IPv6 Adjacency Table for VRF ...\"")
                                         : QStringLiteral("the table starts with \"IP ARP Table for context ...\""));
        if (startsWith(s, "Total number of entries"))
            continue;
        if (startsWith(s, "Address") && contains(s, "MAC Address")) {
            inRows = true;
            // "show ip arp detail": the member port behind an SVI; later releases add "VRF Name".
            physicalColumn = contains(s, "Physical Interface");
            vrfColumn = contains(s, "VRF Name");
            continue;
        }
        if (!inRows)
            return lineError(what, l, QStringLiteral("expected the \"Address  Age  MAC Address\" header"));
        auto t = tokenize(s);
        if (v6 && t.size() == 1 && !pendingIp.data() && IpAddress::parse(t[0].text)) {
            pendingIp = t[0].text; // a long IPv6 address; the row goes on below it
            pendingLine = l.number;
            continue;
        }
        if (pendingIp.data()) {
            t.insert(t.begin(), Token{pendingIp, 0});
            pendingIp = {};
        }
        const size_t need = v6 ? 6 : 4;
        if (t.size() < need || !looksLikeIp(t[0].text))
            return lineError(what, l, v6 ? QStringLiteral("expected address, age, MAC address, preference, source and interface")
                                         : QStringLiteral("expected address, age, MAC address and interface"));
        ArpRecord r;
        r.vrf = vrf;
        r.ip = latin1(t[0].text);
        const std::string_view age = t[1].text;
        if (age != "-") {
            const auto a = parseDuration(age);
            if (!a)
                return lineError(what, l, QStringLiteral("\"%1\" is not an age").arg(latin1(age)));
            r.ageSeconds = *a;
        }
        const std::string_view mac = t[2].text;
        // "0000.0000.0000": an IPv6 adjacency still being resolved (throttled for glean, '#').
        if (mac == "INCOMPLETE" || mac == "incomplete" || mac == "Incomplete" || mac == "0000.0000.0000") {
            r.state = NeighborState::Incomplete;
        } else {
            r.mac = normalizeMac(latin1(mac));
            if (r.mac.isEmpty())
                return lineError(what, l, QStringLiteral("\"%1\" is not a MAC address").arg(latin1(mac)));
            r.state = NeighborState::Complete;
        }
        size_t k = 3;
        if (v6)
            k = 5; // Pref, Source
        r.interfaceName = latin1(t[k].text);
        ++k;
        size_t end = t.size();
        if (vrfColumn) {
            if (end <= k)
                return lineError(what, l, QStringLiteral("expected the VRF name at the end of the row"));
            r.vrf = latin1(t[--end].text);
        }
        if (physicalColumn && k < end && !isArpFlag(t[k].text))
            ++k; // the member port behind an SVI
        for (; k < end; ++k)
            if (!isArpFlag(t[k].text))
                return lineError(what, l, QStringLiteral("\"%1\" is not an adjacency flag").arg(latin1(t[k].text)));
        rows.append(r);
    }
    if (!haveTable)
        return formatError(what, text, v6 ? QStringLiteral("it has no \"IPv6 Adjacency Table\" line") : QStringLiteral("it has no \"IP ARP Table\" line"));
    if (pendingIp.data())
        return formatError(what, text, QStringLiteral("it ends inside the row of %1 (line %2)").arg(latin1(pendingIp)).arg(pendingLine));
    return one(QueryKind::ArpTable, rows);
}

} // namespace

Result<RecordSet> arpText(const QByteArray &text, const QString &command)
{
    return neighborTable(text, titleOr(command, "show ip arp"), false);
}

Result<RecordSet> ipv6NeighborText(const QByteArray &text, const QString &command)
{
    return neighborTable(text, titleOr(command, "show ipv6 neighbor"), true);
}

// ---- LLDP ------------------------------------------------------------------------------

QString lldpCapabilityLetters(QStringView letters)
{
    QStringList out;
    for (QChar c : letters)
        if (c.isLetter())
            out << QString(c);
    return out.join(QStringLiteral(", "));
}

bool isDottedMac(QStringView s)
{
    if (s.size() != 14 || s[4] != u'.' || s[9] != u'.')
        return false;
    for (qsizetype i = 0; i < s.size(); ++i)
        if (i != 4 && i != 9 && !isxdigit(s[i].toLatin1()))
            return false;
    return true;
}

namespace {
// The capability legend above both LLDP forms.
bool isLldpLegend(std::string_view s)
{
    return startsWith(s, "Capability codes:") || startsWith(s, "(R) Router") || startsWith(s, "(W) WLAN");
}
} // namespace

Result<RecordSet> lldpSummaryText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show lldp neighbors");
    QList<LldpNeighborRecord> rows;
    bool header = false, total = false;
    std::string_view pendingId;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (s.empty() || isLldpLegend(s))
            continue;
        if (startsWith(s, "Device ID") && contains(s, "Local Intf")) {
            header = true;
            continue;
        }
        if (!header)
            return lineError(what, l, QStringLiteral("the table starts with the \"Device ID  Local Intf  Hold-time\" header"));
        if (startsWith(s, "Total entries displayed")) {
            total = true;
            continue;
        }
        const auto t = tokenize(l.text);
        if (t.size() == 1 && t[0].column == 0) {
            pendingId = t[0].text; // a Device ID too long for its column: the row goes on below
            continue;
        }

        // Device-ID Local-Intf Hold-time Capability Port-ID; the capability may be blank.
        size_t i = 0;
        LldpNeighborRecord r;
        if (!pendingId.empty()) {
            r.remoteSystemName = latin1(pendingId);
            pendingId = {};
            if (t.empty() || t[0].column == 0)
                return lineError(what, l, QStringLiteral("expected the local interface under a wrapped Device ID"));
        } else {
            r.remoteSystemName = latin1(t[0].text);
            i = 1;
        }
        if (t.size() < i + 3 || !isDigits(t[i + 1].text))
            return lineError(what, l, QStringLiteral("expected device ID, local interface, hold time, capability and port ID"));
        r.localInterface = latin1(t[i].text);
        const size_t rest = i + 2;
        if (t.size() - rest == 2) {
            r.capabilities = latin1(t[rest].text);
            r.remotePortId = latin1(t[rest + 1].text);
        } else if (t.size() - rest == 1) {
            r.remotePortId = latin1(t[rest].text);
        } else {
            // A port ID with blanks ("GigabitEthernet 1/0/1" on some neighbors): capability first.
            r.capabilities = latin1(t[rest].text);
            r.remotePortId = latin1(std::string_view(t[rest + 1].text.data(), size_t(t.back().end() - t[rest + 1].column)));
        }
        // The summary's letters ("BR") written as the detail form lists them ("B, R").
        r.capabilities = lldpCapabilityLetters(r.capabilities);
        // A neighbor that sends no system name is listed by its chassis MAC.
        if (isDottedMac(r.remoteSystemName))
            std::swap(r.remoteSystemName, r.remoteChassisId);
        rows.append(r);
    }
    if (!header)
        return formatError(what, text, QStringLiteral("it has no \"Device ID  Local Intf\" header"));
    if (!pendingId.empty() || !total)
        return formatError(what, text, QStringLiteral("it ends before \"Total entries displayed\" (cut short?)"));
    return one(QueryKind::LldpNeighbors, rows);
}

Result<RecordSet> lldpDetailText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show lldp neighbors detail");
    QList<LldpNeighborRecord> rows;
    LldpNeighborRecord *cur = nullptr;
    bool total = false, inDescription = false;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "Chassis id:")) {
            rows.append(LldpNeighborRecord());
            cur = &rows.last();
            cur->remoteChassisId = latin1(afterLabel(s, "Chassis id:"));
            inDescription = false;
            continue;
        }
        if (startsWith(s, "Total entries displayed")) {
            total = true;
            continue;
        }
        if (!cur) {
            if (s.empty() || isLldpLegend(s) || (startsWith(s, "Device ID") && contains(s, "Local Intf")))
                continue;
            return lineError(what, l, QStringLiteral("a neighbor starts with \"Chassis id:\""));
        }
        auto field = [&](std::string_view label) { return startsWith(s, label); };
        auto value = [&](std::string_view label) {
            const std::string_view v = afterLabel(s, label);
            return v == "null" || v == "not advertised" ? QString() : toQString(v);
        };
        if (inDescription && !field("Time remaining:"))
            continue; // the peer's banner text, whatever it holds, until "Time remaining:"
        if (field("Port id:")) {
            cur->remotePortId = value("Port id:");
            inDescription = false;
        } else if (field("Local Port id:")) {
            cur->localInterface = value("Local Port id:");
            inDescription = false;
        } else if (field("Port Description:")) {
            cur->remotePortDescription = value("Port Description:");
            inDescription = false;
        } else if (field("System Name:")) {
            cur->remoteSystemName = value("System Name:");
            inDescription = false;
        } else if (field("System Description:")) {
            inDescription = true; // may go on over several lines (the NX-OS banner)
        } else if (field("Enabled Capabilities:")) {
            cur->capabilities = value("Enabled Capabilities:");
            inDescription = false;
        } else if (field("Management Address:")) {
            cur->remoteMgmtAddress = value("Management Address:");
            inDescription = false;
        } else if (field("Management Address IPV6:")) {
            if (cur->remoteMgmtAddress.isEmpty())
                cur->remoteMgmtAddress = value("Management Address IPV6:");
            inDescription = false;
        } else if (field("Time remaining:")) {
            inDescription = false; // the line after the (possibly multi-line) description
        }
        // Other TLV lines (System Capabilities, Vlan ID, Max Frame Size, MED ...) and the
        // description's continuation lines carry nothing the record holds.
    }
    if (rows.isEmpty() && !total)
        return formatError(what, text, QStringLiteral("it has no \"Chassis id:\" line"));
    if (!total)
        return formatError(what, text, QStringLiteral("it ends before \"Total entries displayed\" (cut short?)"));
    return one(QueryKind::LldpNeighbors, rows);
}

// ---- route lookup ----------------------------------------------------------------------

Result<RecordSet> routeLookupText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show ip route");
    QList<RouteRecord> rows;
    bool table = false;
    std::optional<IpPrefix> prefix;
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "IP Route Table for VRF") || startsWith(s, "IPv6 Routing Table for VRF")) {
            table = true;
            continue;
        }
        if (s.empty() || startsWith(s, "'"))
            continue; // the legend: "'*' denotes best ucast next-hop"
        if (!table)
            return lineError(what, l, QStringLiteral("the answer starts with \"IP Route Table for VRF\""));
        if (s == "Route not found" || startsWith(s, "Route not found"))
            continue;
        if (startsWith(s, "*via ") || startsWith(s, "via ") || startsWith(s, "**via ")) {
            if (!prefix)
                return lineError(what, l, QStringLiteral("a \"via\" line before its prefix"));
            // "*via 10.0.2.2, Eth1/1, [20/0], 5d02h, bgp-65001, external, tag 65002"
            RouteRecord r;
            r.prefix = *prefix;
            r.best = s[0] == '*';
            std::vector<std::string_view> parts;
            std::string_view rest = afterLabel(s, "via ");
            while (!rest.empty()) {
                const size_t c = rest.find(',');
                parts.push_back(trimmed(rest.substr(0, c)));
                if (c == std::string_view::npos)
                    break;
                rest = rest.substr(c + 1);
            }
            size_t k = 0;
            if (k < parts.size() && !parts[k].starts_with('[')) {
                std::string_view hop = upTo(parts[k], "%"); // "10.255.0.3%default": VRF of the next hop
                if (auto a = IpAddress::parse(hop)) {
                    r.nextHop = *a;
                    ++k;
                } else if (!hop.empty() && hop[0] >= 'A') {
                    r.interfaceName = latin1(hop); // "via Null0" / "via Eth1/1" only
                    ++k;
                }
            }
            if (k < parts.size() && !parts[k].starts_with('[')) {
                r.interfaceName = latin1(parts[k]); // as printed, like the JSON form's ifname
                ++k;
            }
            if (k >= parts.size() || !parts[k].starts_with('['))
                return lineError(what, l, QStringLiteral("expected [preference/metric] after the next hop"));
            const std::string_view pm = parts[k];
            const size_t slash = pm.find('/');
            r.med = slash == std::string_view::npos ? -1 : toInt(upTo(pm.substr(slash + 1), "]")).value_or(-1);
            k += 2; // the age
            if (k < parts.size())
                r.protocol = latin1(upTo(parts[k], "-"));
            rows.append(r);
            continue;
        }
        // "10.1.0.0/16, ubest/mbest: 2/0" (", attached" / ", pervasive" may follow)
        const std::string_view p = upTo(s, ",");
        prefix = IpPrefix::parse(p);
        if (!prefix || !contains(s, "ubest/mbest"))
            return lineError(what, l, QStringLiteral("expected \"<prefix>, ubest/mbest: n/m\" or a \"via\" line"));
    }
    if (!table)
        return formatError(what, text, QStringLiteral("it has no \"IP Route Table for VRF\" line"));
    return one(QueryKind::RouteLookup, rows);
}

// ---- BGP received / advertised routes --------------------------------------------------

namespace {
qsizetype countRowStarts(const char *p, const char *end)
{
    qsizetype n = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (p < end && *p != ' ' && *p != '\n' && *p != '\r')
            ++n;
        p = nl ? nl + 1 : end;
    }
    return n;
}
} // namespace

// Long on purpose: the full-table hot path bench/parsers measures: one loop, its state in locals.
Result<RecordSet> bgpRoutesText(QueryKind kind, const QByteArray &text, const QString &command)
{
    // A full table has hundreds of thousands of rows: one pass over the lines with a reused
    // token vector, AS paths interned, no per-row QString besides the shared path.
    const QString what = titleOr(command, kind == QueryKind::ReceivedRoutes ? "show bgp neighbors received-routes" : "show bgp neighbors advertised-routes");
    QList<RouteRecord> rows;
    StringInterner paths;
    bool header = false, peerLine = false;
    int hopCol = 0, metricEnd = 0, locEnd = 0, pathCol = 0;
    struct Pending {
        bool open = false;
        std::string_view status;
        std::string_view network;
        int line = 0;
    } pending;
    std::optional<IpPrefix> lastPrefix;
    std::vector<Token> t;
    t.reserve(32);
    LineReader reader(text);
    Line l;
    while (reader.next(l)) {
        const std::string_view line = l.text;
        if (!header) {
            const std::string_view s = trimmed(line);
            if (startsWith(s, "Peer ") && contains(s, "routes for address family")) {
                peerLine = true;
                continue;
            }
            if (startsWith(s, "Network") && contains(s, "Next Hop") && contains(s, "Path")) {
                header = true;
                hopCol = int(line.find("Next Hop"));
                metricEnd = int(line.find("Metric") + 6);
                locEnd = int(line.find("LocPrf") + 6);
                pathCol = int(line.find("Path"));
                // Sized once from a cheap count of the lines a row starts on (continuations
                // start with blanks): growing by doubling would copy every record.
                rows.reserve(countRowStarts(line.data() + line.size(), text.constData() + text.size()));
                adviseHugePages(rows);
                continue;
            }
            if (s.empty() || startsWith(s, "BGP table version") || startsWith(s, "Status:") || startsWith(s, "Path type:")
                || startsWith(s, "Origin codes:") || startsWith(s, "RPKI validation codes:") || isPromptLine(line))
                continue;
            return lineError(what, l, QStringLiteral("expected the \"Network  Next Hop  Metric  LocPrf  Weight Path\" header"));
        }
        if (line.empty() || isBlank(line))
            continue;
        // Rows start with their status characters ("*>e", "* i", "s>i") or, continuing a
        // wrapped row, with blanks; anything else is the next prompt or another command.
        const char c0 = line[0];
        if (c0 != '*' && c0 != ' ' && c0 != 's' && c0 != 'x' && c0 != 'S' && c0 != 'd' && c0 != 'h' && c0 != '>') {
            if (isPromptLine(line))
                continue;
            return lineError(what, l, QStringLiteral("not a route row"));
        }
        std::string_view status, network;
        if (pending.open) {
            // The continuation of a row whose network filled its column.
            status = pending.status;
            network = pending.network;
            pending.open = false;
            tokenize(line, t);
        } else {
            if (line.size() < 4)
                return lineError(what, l, QStringLiteral("not a route row"));
            status = line.substr(0, 3);
            tokenize(line.substr(3), t);
            for (Token &x : t)
                x.column += 3;
            if (t.empty())
                return lineError(what, l, QStringLiteral("not a route row"));
            if (t[0].column >= hopCol - 1) {
                if (!lastPrefix)
                    return lineError(what, l, QStringLiteral("a path without a prefix above it"));
                // another path of the prefix above: its network column is blank
            } else {
                network = t[0].text;
                if (t.size() == 1) {
                    pending = {true, status, network, l.number};
                    continue;
                }
            }
        }
        std::optional<IpPrefix> prefix = network.empty() ? lastPrefix : IpPrefix::parse(network);
        if (!prefix)
            return lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(latin1(network)));
        lastPrefix = prefix;
        size_t k = 0;
        while (k < t.size() && t[k].end() <= hopCol)
            ++k;
        if (k >= t.size())
            return lineError(what, l, QStringLiteral("no next hop"));
        RouteRecord r;
        r.prefix = *prefix;
        const auto hop = IpAddress::parse(t[k].text == "0::" ? std::string_view("::") : t[k].text);
        if (!hop)
            return lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(latin1(t[k].text)));
        r.nextHop = *hop;
        ++k;
        // Metric, LocPrf and Weight are right-aligned under their headers and may be blank;
        // the weight is always there and the path starts under "Path". Rows are read by
        // which side of the Path column a number starts on, and blank columns by how close
        // a number ends to its header: some releases shift a row by a column or two.
        const size_t firstAttr = k;
        while (k < t.size() && t[k].column < pathCol - 1) {
            if (!isDigits(t[k].text))
                return lineError(what, l, QStringLiteral("\"%1\" is not a metric, local preference or weight").arg(latin1(t[k].text)));
            ++k;
        }
        const size_t nAttrs = k - firstAttr;
        auto num = [&](size_t i) { return *toInt(t[i].text); };
        if (nAttrs == 3) {
            r.med = num(firstAttr);
            r.localPref = num(firstAttr + 1);
        } else if (nAttrs == 2) {
            const int e = t[firstAttr].end();
            if (std::abs(e - metricEnd) <= std::abs(e - locEnd))
                r.med = num(firstAttr);
            else
                r.localPref = num(firstAttr);
        } else if (nAttrs != 1) {
            return lineError(what, l, QStringLiteral("expected metric, local preference, weight and path"));
        }
        if (k >= t.size())
            return lineError(what, l, QStringLiteral("the row has no origin code"));
        const std::string_view origin = t.back().text;
        if (origin == "i")
            r.origin = RouteOrigin::Igp;
        else if (origin == "e")
            r.origin = RouteOrigin::Egp;
        else if (origin == "?")
            r.origin = RouteOrigin::Incomplete;
        else
            return lineError(what, l, QStringLiteral("\"%1\" is not an origin code").arg(latin1(origin)));
        if (k + 1 < t.size())
            r.asPath = paths.intern(std::string_view(t[k].text.data(), size_t(t[t.size() - 2].end() - t[k].column)));
        // status: "*>e", "* i", "*>i", "s>i", "x  ", "d e"; '>' best, '*' valid
        r.best = status.find('>') != std::string_view::npos;
        r.valid = status.find('*') != std::string_view::npos;
        rows.append(std::move(r));
    }
    if (!header) {
        if (peerLine)
            return one(kind, QList<RouteRecord>()); // a peer with nothing in that direction
        return formatError(what, text, QStringLiteral("it has no \"Network  Next Hop\" header"));
    }
    if (pending.open)
        return formatError(what, text, QStringLiteral("it ends inside the row of %1 (line %2)").arg(latin1(pending.network)).arg(pending.line));
    return one(kind, rows);
}

// ---- show interface transceiver details ------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> opticsText(const QByteArray &text, const QString &command)
{
    const QString what = titleOr(command, "show interface transceiver details");
    QList<OpticsRecord> rows;
    QString port;
    bool present = false, anyPort = false, inTable = false, sawNote = true;
    qint64 lane = -1;
    OpticsRecord cur;
    bool haveCur = false;     // lane values (bias, tx, rx) read for `cur`
    double moduleTemp = NAN;  // QSFPs print the temperature once, above their lanes
    auto flush = [&] {
        if (haveCur) {
            cur.lane = lane < 0 ? 1 : lane; // a one-lane optic prints no "Lane Number"
            if (std::isnan(cur.temperatureC))
                cur.temperatureC = moduleTemp;
            rows.append(cur);
        }
        haveCur = false;
        cur = OpticsRecord();
        cur.interfaceName = port;
    };
    for (const Line &l : bodyLines(text)) {
        const std::string_view s = trimmed(l.text);
        if (!l.text.empty() && l.text[0] != ' ' && !s.empty()) {
            // "Ethernet1/1": a port's block
            const auto t = tokenize(s);
            if (t.size() != 1 || !(startsWith(s, "Ethernet") || startsWith(s, "Eth")))
                return lineError(what, l, QStringLiteral("a port's block starts with its name (\"Ethernet1/1\")"));
            flush();
            if (!sawNote && inTable)
                return lineError(what, l, QStringLiteral("the previous port's diagnostics table was cut short"));
            port = latin1(s);
            cur.interfaceName = port;
            present = false;
            inTable = false;
            lane = -1;
            moduleTemp = NAN;
            anyPort = true;
            continue;
        }
        if (!anyPort) {
            if (s.empty())
                continue;
            return lineError(what, l, QStringLiteral("expected a port name (\"Ethernet1/1\")"));
        }
        if (startsWith(s, "transceiver is present") || s == "transceiver is present") {
            present = true;
            continue;
        }
        if (startsWith(s, "transceiver is not present")) {
            present = false;
            continue;
        }
        if (!present)
            continue;
        if (startsWith(s, "Lane Number:")) {
            flush();
            lane = numberAfter(s, "Lane Number:");
            inTable = true;
            sawNote = false;
            continue;
        }
        if (contains(s, "Detail Diagnostics Information")) {
            inTable = true;
            sawNote = false;
            continue;
        }
        if (startsWith(s, "Note:")) {
            flush();
            sawNote = true;
            inTable = false;
            continue;
        }
        if (!inTable)
            continue;
        // "Rx Power     -14.87 dBm -     1.99 dBm  -13.90 dBm    0.49 dBm     -14.40 dBm"
        auto values = [&](std::string_view label, std::string_view unit) -> std::optional<std::vector<double>> {
            std::vector<double> v;
            for (const Token &t : tokenize(s.substr(label.size()))) {
                if (t.text == unit || t.text == "+" || t.text == "++" || t.text == "-" || t.text == "--")
                    continue;
                const auto d = toReal(t.text);
                if (!d)
                    return std::nullopt;
                v.push_back(*d);
            }
            if (v.size() != 5)
                return std::nullopt;
            return v;
        };
        struct Row {
            const char *label;
            const char *unit;
        };
        for (const Row &row : {Row{"Temperature", "C"}, Row{"Current", "mA"}, Row{"Tx Power", "dBm"}, Row{"Rx Power", "dBm"}}) {
            if (!startsWith(s, row.label) || contains(s, "Measurement") || contains(s, "Alarms"))
                continue;
            const std::string_view rest = trimmed(s.substr(strlen(row.label)));
            if (rest == "N/A" || startsWith(rest, "N/A"))
                break; // optics that do not measure it
            const auto v = values(row.label, row.unit);
            if (!v)
                return lineError(what, l, QStringLiteral("expected a value and four thresholds in %1").arg(QLatin1String(row.unit)));
            const std::string_view label(row.label);
            if (label == "Temperature") {
                moduleTemp = (*v)[0];
                break;
            }
            haveCur = true;
            if (label == "Current")
                cur.biasMa = (*v)[0];
            else if (label == "Tx Power") {
                cur.txPowerDbm = (*v)[0];
                cur.txHighWarnDbm = (*v)[3];
                cur.txLowWarnDbm = (*v)[4];
            } else {
                cur.rxPowerDbm = (*v)[0];
                cur.rxHighWarnDbm = (*v)[3];
                cur.rxLowWarnDbm = (*v)[4];
            }
            break;
        }
    }
    flush();
    if (!anyPort)
        return formatError(what, text, QStringLiteral("it has no port block"));
    if (inTable && !sawNote)
        return formatError(what, text, QStringLiteral("it ends inside a diagnostics table (cut short?)"));
    return one(QueryKind::Optics, rows);
}

} // namespace rl::nxos
