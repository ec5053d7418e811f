#include "engine/vendors/juniper/junos_text_parsers.h"

#include "engine/vendors/common/cli_text.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

// Junos CLI text, one reader per command and form. Junos prints fields as "Key: value" pairs
// in blocks ("Physical interface: ...", "Peer: ...") and tables with fixed column starts; a
// line a reader does not know inside a table is parse-error naming it, never skipped.

namespace rl::junosText {

using clitext::Line;
using clitext::Token;
using clitext::contains;
using clitext::startsWith;
using clitext::trimmed;

namespace {

using sv = std::string_view;

QString qs(sv s) { return clitext::toQString(s); }

// The output's lines without what the CLI adds around it: "{master}" / "{master:0}" /
// "{backup}" banners, "---(more)---" pager marks and blank lines.
std::vector<Line> contentLines(const QByteArray &body)
{
    std::vector<Line> out;
    for (const Line &l : clitext::splitLines(body)) {
        const sv t = trimmed(l.text);
        if (t.empty())
            continue;
        if (t.front() == '{' && t.back() == '}' && t.find(' ') == sv::npos)
            continue;
        if (startsWith(t, "---(more"))
            continue;
        out.push_back(l);
    }
    return out;
}

int indentOf(sv s)
{
    int i = 0;
    while (i < int(s.size()) && (s[size_t(i)] == ' ' || s[size_t(i)] == '\t'))
        ++i;
    return i;
}

// The value after "key" in a line of "Key: value, Key: value" pairs, up to the next comma
// (or the end); empty when the key is absent.
sv fieldAfter(sv line, sv key)
{
    size_t at = line.find(key);
    while (at != sv::npos && at > 0 && line[at - 1] != ' ' && line[at - 1] != ',' && line[at - 1] != '\t')
        at = line.find(key, at + 1); // "Errors:" must not match inside "Framing errors:"
    if (at == sv::npos)
        return {};
    sv rest = line.substr(at + key.size());
    const size_t comma = rest.find(',');
    if (comma != sv::npos)
        rest = rest.substr(0, comma);
    return trimmed(rest);
}

qint64 intAfter(sv line, sv key) { return clitext::toInt(fieldAfter(line, key)).value_or(-1); }

// The first word of the text as a number ("   12940331    402 pps"), -1 when it is none.
qint64 firstNumber(sv s)
{
    s = trimmed(s);
    return clitext::toInt(s.substr(0, s.find_first_of(" \t"))).value_or(-1);
}

// "1000mbps", "10Gbps", "100Gbps", "800mbps"; "Unlimited", "Unspecified", "Auto" are unknown.
qint64 speedBps(sv s)
{
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    const auto n = clitext::toInt(s.substr(0, i));
    if (!n)
        return -1;
    const sv unit = s.substr(i);
    if (unit == "Gbps" || unit == "gbps") return *n * 1000000000;
    if (unit == "mbps" || unit == "Mbps") return *n * 1000000;
    if (unit == "kbps" || unit == "Kbps") return *n * 1000;
    if (unit == "bps") return *n;
    return -1;
}

// A duration inside "(... ago)": "29w6d 23:14" (weeks and days, then hh:mm), "03:17:16"
// (hh:mm:ss), "1d 02:03:04". Junos prints hh:mm after a day count, hh:mm:ss below a day.
std::optional<qint64> agoSeconds(sv line)
{
    const size_t open = line.rfind('(');
    const size_t ago = line.rfind(" ago)");
    if (open == sv::npos || ago == sv::npos || ago < open)
        return std::nullopt;
    sv s = trimmed(line.substr(open + 1, ago - open - 1));
    qint64 total = 0;
    if (const size_t sp = s.find(' '); sp != sv::npos) {
        const auto units = clitext::parseDuration(s.substr(0, sp));
        if (!units)
            return std::nullopt;
        total = *units;
        s = trimmed(s.substr(sp + 1));
    }
    qint64 parts[3];
    int n = 0;
    size_t b = 0;
    while (b <= s.size() && n < 3) {
        size_t e = s.find(':', b);
        if (e == sv::npos)
            e = s.size();
        const auto v = clitext::toInt(s.substr(b, e - b));
        if (!v || !clitext::isDigits(s.substr(b, e - b)))
            return std::nullopt;
        parts[n++] = *v;
        b = e + 1;
    }
    if (b <= s.size())
        return std::nullopt; // a fourth part
    if (n == 3)
        return total + parts[0] * 3600 + parts[1] * 60 + parts[2];
    if (n == 2)
        return total + parts[0] * 3600 + parts[1] * 60;
    return std::nullopt;
}

// "inet.0" -> default/ipv4-unicast, "CUST.inet6.0" -> CUST/ipv6-unicast, "bgp.l3vpn.0" ->
// vpnv4: the same names the JSON and XML readers give.
std::pair<QString, QString> ribContext(sv rib)
{
    QString s = qs(rib);
    QString vrf = QStringLiteral("default");
    const QStringList parts = s.split(QLatin1Char('.'));
    if (parts.size() >= 3 && parts.at(0) != u"bgp") {
        vrf = parts.at(0);
        s = parts.mid(1).join(QLatin1Char('.'));
    }
    if (s == u"inet.0") return {vrf, QStringLiteral("ipv4-unicast")};
    if (s == u"inet6.0") return {vrf, QStringLiteral("ipv6-unicast")};
    if (s == u"bgp.l3vpn.0") return {vrf, QStringLiteral("vpnv4-unicast")};
    if (s == u"bgp.l3vpn-inet6.0") return {vrf, QStringLiteral("vpnv6-unicast")};
    if (s == u"inet.2") return {vrf, QStringLiteral("ipv4-multicast")};
    return {vrf, s};
}

bool isRibName(sv s)
{
    // "inet.0", "inet6.0", "CUST-A.inet.0", "bgp.l3vpn.0", "inet.3", "mpls.0"
    if (s.size() < 3 || !(s.back() >= '0' && s.back() <= '9'))
        return false;
    const size_t dot = s.rfind('.');
    return dot != sv::npos && dot > 0 && clitext::isDigits(s.substr(dot + 1));
}

QString familyOfAddress(const QString &addr)
{
    return addr.contains(QLatin1Char(':')) ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
}

// The routing instance a command names ("show bgp summary instance CUST-A",
// "show arp no-resolve vpn CUST-A"), or "default".
QString wordAfter(const QString &command, QStringView word)
{
    const QStringList words = command.simplified().split(QLatin1Char(' '));
    for (qsizetype i = 0; i + 1 < words.size(); ++i)
        if (words.at(i) == word)
            return words.at(i + 1);
    return {};
}

bool commandHas(const QString &command, const char *word)
{
    return command.simplified().toLower().contains(QLatin1String(word));
}

// "re0:" / "fpc0:" / "node0:" headers of multi-engine output, each followed by a dashed
// rule: only the first engine's block is read (as the JSON reader does).
std::vector<Line> firstEngineBlock(const std::vector<Line> &lines)
{
    std::vector<Line> out;
    int blocks = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const sv t = trimmed(lines[i].text);
        const bool header = t.size() >= 3 && t.back() == ':' && t.find(' ') == sv::npos && i + 1 < lines.size()
                            && startsWith(trimmed(lines[i + 1].text), "-----");
        if (header) {
            if (++blocks > 1)
                break;
            ++i; // the dashed rule
            continue;
        }
        out.push_back(lines[i]);
    }
    return out;
}

Error emptyOutput(const QString &what, const QByteArray &body, const QString &expected)
{
    return clitext::formatError(what, body, QStringLiteral("it has no %1").arg(expected));
}

// ---- facts -----------------------------------------------------------------------------

FactsRecord newFacts()
{
    FactsRecord f;
    f.vendor = QStringLiteral("Juniper");
    f.platform = QStringLiteral("juniper-junos");
    return f;
}

Result<RecordSet> parseVersion(const QString &what, const std::vector<Line> &all, const QByteArray &body)
{
    FactsRecord f = newFacts();
    QString packageVersion;
    for (const Line &l : firstEngineBlock(all)) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "Hostname:"))
            f.hostname = qs(trimmed(t.substr(9)));
        else if (startsWith(t, "Model:"))
            f.model = qs(trimmed(t.substr(6)));
        else if (startsWith(t, "Junos:"))
            f.osVersion = qs(trimmed(t.substr(6)));
        else if (startsWith(t, "JUNOS") && t.back() == ']') {
            // Releases before 15.1 name no "Junos:" line: "JUNOS Base OS boot [12.3R12.4]".
            const size_t open = t.rfind('[');
            if (packageVersion.isEmpty() && open != sv::npos)
                packageVersion = qs(t.substr(open + 1, t.size() - open - 2));
        }
    }
    if (f.osVersion.isEmpty())
        f.osVersion = packageVersion;
    if (f.hostname.isEmpty() && f.model.isEmpty() && f.osVersion.isEmpty())
        return emptyOutput(what, body, QStringLiteral("Hostname:, Model: or Junos: line (show version)"));
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

Result<RecordSet> parseChassisHardware(const QString &what, const std::vector<Line> &all, const QByteArray &body)
{
    FactsRecord f = newFacts();
    int serialCol = -1;
    bool haveHeader = false;
    for (const Line &l : firstEngineBlock(all)) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "Item ") && contains(t, "Serial number")) {
            haveHeader = true;
            serialCol = int(l.text.find("Serial number"));
            continue;
        }
        if (haveHeader && startsWith(t, "Chassis") && f.serial.isEmpty()) {
            // "Chassis                                JN11AC0F4AFA      MX480": the serial
            // sits in its column; a virtual chassis without one leaves it unknown.
            for (const Token &tok : clitext::tokenize(l.text)) {
                if (tok.column >= serialCol - 1 && tok.column <= serialCol + 1) {
                    f.serial = qs(tok.text);
                    break;
                }
            }
        }
    }
    if (!haveHeader)
        return emptyOutput(what, body, QStringLiteral("\"Item  Version  Part number  Serial number\" header (show chassis hardware)"));
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

Result<RecordSet> parseUptime(const QString &what, const std::vector<Line> &all, const QByteArray &body)
{
    FactsRecord f = newFacts();
    for (const Line &l : firstEngineBlock(all)) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "System booted:")) {
            const auto s = agoSeconds(t);
            if (!s)
                return clitext::lineError(what, l, QStringLiteral("the time since boot is not in a form RouterLens knows"));
            f.uptimeSeconds = *s;
        }
    }
    if (f.uptimeSeconds < 0)
        return emptyOutput(what, body, QStringLiteral("\"System booted:\" line (show system uptime)"));
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

// ---- interfaces ------------------------------------------------------------------------

struct Logical {
    InterfaceRecord rec;
    qint64 vlan = -1;
    qint64 innerVlan = -1;
    bool unitDown = false;  // "Flags: Down ...": the unit is disabled
    bool linkDown = false;  // "Flags: Device-Down ..." / "Hardware-Down" / "Link-Layer-Down"
    bool haveFlags = false;
};

struct Physical {
    InterfaceRecord rec;
    qint64 l2ChannelErrors = -1;
    qint64 l2MismatchTimeouts = -1;
    std::vector<Logical> units;
};

LinkState junosUpDown(sv s)
{
    if (s == "Up" || s == "up") return LinkState::Up;
    if (s == "Down" || s == "down") return LinkState::Down;
    return LinkState::Unknown;
}

// "VLAN-Tag [ 0x8100.410 ]" or "VLAN-Tag [ 0x8100.100 0x8100.200 ]" on a unit's Flags line.
void readVlanTag(sv line, Logical &u)
{
    const size_t at = line.find("VLAN-Tag [");
    if (at == sv::npos)
        return;
    const size_t close = line.find(']', at);
    const sv inside = line.substr(at + 10, close == sv::npos ? sv::npos : close - at - 10);
    int n = 0;
    for (const Token &tok : clitext::tokenize(inside)) {
        const size_t dot = tok.text.find('.');
        if (dot == sv::npos)
            continue;
        const auto id = clitext::toInt(tok.text.substr(dot + 1));
        if (!id || *id < 1 || *id > 4094)
            continue; // "0x0000.0" on the control unit 32767: untagged, no 802.1Q tag
        (n++ == 0 ? u.vlan : u.innerVlan) = *id;
    }
}

// The interface blocks of show interfaces [detail|extensive] [NAME].
// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> parseInterfaceBlocks(QueryKind kind, const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    std::vector<Physical> phys;
    std::vector<Logical> orphanUnits; // "show interfaces ge-0/0/1.0": a unit without its port
    enum class Section { None, Traffic, OtherStats, InputErrors, OutputErrors, MacStats };
    Section section = Section::None;
    int sectionIndent = 0;
    Logical *unit = nullptr;
    Physical *port = nullptr;
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        const int ind = indentOf(l.text);
        if (startsWith(t, "Physical interface:")) {
            // "Physical interface: ge-0/0/0, Enabled, Physical link is Up"
            Physical p;
            sv rest = trimmed(t.substr(19));
            const size_t c1 = rest.find(',');
            if (c1 == sv::npos)
                return clitext::lineError(what, l, QStringLiteral("no admin and link state after the name"));
            p.rec.name = qs(trimmed(rest.substr(0, c1)));
            const sv admin = trimmed(rest.substr(c1 + 1, rest.find(',', c1 + 1) - c1 - 1));
            if (admin == "Enabled")
                p.rec.adminState = LinkState::Up;
            else if (admin == "Administratively down" || admin == "Disabled")
                p.rec.adminState = LinkState::AdminDown;
            else
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not an admin state RouterLens knows").arg(qs(admin)));
            const size_t link = rest.find("Physical link is ");
            if (link == sv::npos)
                return clitext::lineError(what, l, QStringLiteral("no \"Physical link is\" state"));
            p.rec.operState = junosUpDown(trimmed(rest.substr(link + 17)));
            if (p.rec.operState == LinkState::Unknown)
                return clitext::lineError(what, l, QStringLiteral("the link state is neither Up nor Down"));
            phys.push_back(std::move(p));
            port = &phys.back();
            unit = nullptr;
            section = Section::None;
            continue;
        }
        if (startsWith(t, "Logical interface ")) {
            // "Logical interface ge-0/0/0.410 (Index 333) (SNMP ifIndex 606) (Generation 142)"
            Logical u;
            const auto toks = clitext::tokenize(t);
            if (toks.size() < 3)
                return clitext::lineError(what, l, QStringLiteral("no unit name"));
            u.rec.name = qs(toks[2].text);
            if (port) {
                port->units.push_back(std::move(u));
                unit = &port->units.back();
            } else {
                orphanUnits.push_back(std::move(u));
                unit = &orphanUnits.back();
            }
            section = Section::None;
            continue;
        }
        if (!port && !unit)
            return clitext::lineError(what, l, QStringLiteral("expected a \"Physical interface:\" or \"Logical interface\" line"));
        if (section != Section::None && ind <= sectionIndent)
            section = Section::None;
        if (unit) {
            Logical &u = *unit;
            if (startsWith(t, "Description:"))
                u.rec.description = qs(trimmed(t.substr(12)));
            else if (startsWith(t, "Flags:") && !u.haveFlags) {
                u.haveFlags = true;
                const auto toks = clitext::tokenize(t.substr(6));
                for (const Token &f : toks) {
                    u.unitDown = u.unitDown || f.text == "Down";
                    u.linkDown = u.linkDown || f.text == "Device-Down" || f.text == "Hardware-Down" || f.text == "Link-Layer-Down";
                }
                readVlanTag(t, u);
            } else if (startsWith(t, "Protocol ") && u.rec.mtu < 0) {
                u.rec.mtu = intAfter(t, "MTU:");
            } else if ((startsWith(t, "Input  packets:") || startsWith(t, "Input packets :")) && u.rec.inPackets < 0) {
                u.rec.inPackets = firstNumber(t.substr(15));
            } else if ((startsWith(t, "Output packets:")) && u.rec.outPackets < 0) {
                u.rec.outPackets = firstNumber(t.substr(15));
            } else if ((startsWith(t, "Input :") || startsWith(t, "Output:")) && t.size() > 7) {
                // An aggregate's unit: "Bundle:" then "Input :  packets pps bytes bps"; the
                // member links' rows follow under "Link:", so the first ones are the bundle's.
                qint64 &slot = t[0] == 'I' ? u.rec.inPackets : u.rec.outPackets;
                if (slot < 0)
                    slot = firstNumber(t.substr(7));
            }
            continue;
        }
        Physical &p = *port;
        InterfaceRecord &r = p.rec;
        if (startsWith(t, "Description:")) {
            r.description = qs(trimmed(t.substr(12)));
            continue;
        }
        if (startsWith(t, "Traffic statistics:")) {
            section = Section::Traffic, sectionIndent = ind;
            continue;
        }
        if (startsWith(t, "IPv6 transit statistics:") || startsWith(t, "Label-switched interface") || startsWith(t, "Dropped traffic statistics")
            || startsWith(t, "Local statistics:") || startsWith(t, "Transit statistics:")) {
            section = Section::OtherStats, sectionIndent = ind;
            continue;
        }
        if (t == "Input errors:") {
            section = Section::InputErrors, sectionIndent = ind;
            continue;
        }
        if (t == "Output errors:") {
            section = Section::OutputErrors, sectionIndent = ind;
            continue;
        }
        if (startsWith(t, "MAC statistics:")) {
            section = Section::MacStats, sectionIndent = ind;
            continue;
        }
        switch (section) {
        case Section::InputErrors:
            if (const qint64 v = intAfter(t, "Errors:"); v >= 0) r.inErrors = v;
            if (const qint64 v = intAfter(t, "Drops:"); v >= 0) r.inDiscards = v;
            if (const qint64 v = intAfter(t, "L2 channel errors:"); v >= 0) p.l2ChannelErrors = v;
            if (const qint64 v = intAfter(t, "L2 mismatch timeouts:"); v >= 0) p.l2MismatchTimeouts = v;
            continue;
        case Section::OutputErrors:
            if (const qint64 v = intAfter(t, "Errors:"); v >= 0) r.outErrors = v;
            if (const qint64 v = intAfter(t, "Drops:"); v >= 0) r.outDiscards = v;
            continue;
        case Section::MacStats:
            if (startsWith(t, "CRC/Align errors"))
                r.crcErrors = firstNumber(t.substr(16)); // the Receive column
            continue;
        case Section::OtherStats:
            continue;
        case Section::Traffic:
        case Section::None:
            break;
        }
        // Counters: under "Traffic statistics:" (extensive) or bare "Input packets :" (lo0
        // and the like in the default view); the first ones are the port's own.
        if ((startsWith(t, "Input  packets:") || startsWith(t, "Input packets :")) && r.inPackets < 0) {
            r.inPackets = firstNumber(t.substr(15));
            continue;
        }
        if (startsWith(t, "Output packets:") && r.outPackets < 0) {
            r.outPackets = firstNumber(t.substr(15));
            continue;
        }
        if (contains(t, "MTU:") && r.mtu < 0 && !startsWith(t, "Protocol "))
            r.mtu = intAfter(t, "MTU:"); // "Unlimited" on lo0 stays unknown
        if (contains(t, "Speed:") && r.speedBps < 0)
            r.speedBps = speedBps(fieldAfter(t, "Speed:"));
        if (startsWith(t, "Current address:"))
            r.mac = normalizeMac(qs(fieldAfter(t, "Current address:")));
        if (startsWith(t, "Last flapped")) {
            const sv v = trimmed(t.substr(t.find(':') + 1));
            if (v != "Never") {
                const auto s = agoSeconds(v);
                if (!s)
                    return clitext::lineError(what, l, QStringLiteral("the time since the last flap is not in a form RouterLens knows"));
                r.lastChangeSeconds = *s;
            }
        }
    }
    if (phys.empty() && orphanUnits.empty())
        return emptyOutput(what, body, QStringLiteral("\"Physical interface:\" block (show interfaces)"));

    // A unit printed without its port ("show interfaces ge-0/0/1.0"): its state from its Flags.
    auto unitRecord = [](const Logical &u) {
        InterfaceRecord r = u.rec;
        if (u.haveFlags) {
            r.adminState = u.unitDown ? LinkState::AdminDown : LinkState::Up;
            r.operState = u.unitDown || u.linkDown ? LinkState::Down : LinkState::Up;
        }
        return r;
    };

    if (kind == QueryKind::VlanErrors) {
        QList<VlanRecord> vlans;
        auto add = [&](const Logical &u, const Physical *p) {
            if (u.vlan < 0)
                return;
            VlanRecord v;
            v.interfaceName = u.rec.name;
            v.parentInterface = p ? p->rec.name : u.rec.name.section(QLatin1Char('.'), 0, 0);
            v.vlanId = u.vlan;
            v.innerVlanId = u.innerVlan;
            v.encapsulation = u.innerVlan >= 0 ? QStringLiteral("qinq") : QStringLiteral("dot1q");
            // The unit's own state: a disabled unit on an up port is down.
            v.operState = u.unitDown || u.linkDown ? LinkState::Down : p ? p->rec.operState : u.haveFlags ? LinkState::Up : LinkState::Unknown;
            v.inPackets = u.rec.inPackets;
            v.outPackets = u.rec.outPackets;
            if (p) {
                v.unknownTagDrops = p->l2ChannelErrors;
                v.mismatchedTagDrops = p->l2MismatchTimeouts;
                v.otherDrops = p->rec.inDiscards;
            }
            vlans.append(v);
        };
        for (const Physical &p : phys)
            for (const Logical &u : p.units)
                add(u, &p);
        for (const Logical &u : orphanUnits)
            add(u, nullptr);
        return RecordSet(kind, vlans);
    }
    QList<InterfaceRecord> ifs;
    for (const Physical &p : phys)
        ifs.append(p.rec);
    if (phys.empty())
        for (const Logical &u : orphanUnits)
            ifs.append(unitRecord(u));
    return RecordSet(kind, ifs);
}

// show interfaces terse: "Interface  Admin Link Proto  Local  Remote"; one row per port
// and unit, protocol and address lines under it. show interfaces descriptions has the same
// first columns and the description last. The record per port (units only when
// the output holds no port, as for "show interfaces ge-0/0/1.0 terse").
Result<RecordSet> parseInterfacesTerse(QueryKind kind, const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    if (kind == QueryKind::VlanErrors)
        return clitext::formatError(what, body, QStringLiteral("show interfaces terse prints no VLAN tags or error counters; paste show interfaces extensive"));
    QList<InterfaceRecord> ports, units;
    bool header = false;
    int descCol = -1; // show interfaces descriptions: "Interface  Admin Link Description"
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "Interface") && contains(t, "Admin") && contains(t, "Link")) {
            header = true;
            const size_t d = l.text.find("Description");
            descCol = d == sv::npos ? -1 : int(d);
            continue;
        }
        if (indentOf(l.text) > 0 && (!ports.isEmpty() || !units.isEmpty()))
            continue; // protocol / address continuation
        const auto toks = clitext::tokenize(t);
        if (toks.size() < 3)
            return clitext::lineError(what, l, QStringLiteral("expected an interface with its admin and link state"));
        InterfaceRecord r;
        r.name = qs(toks[0].text);
        const LinkState admin = junosUpDown(toks[1].text);
        const LinkState link = junosUpDown(toks[2].text);
        if (admin == LinkState::Unknown || link == LinkState::Unknown)
            return clitext::lineError(what, l, QStringLiteral("the admin and link states are not up/down"));
        r.adminState = admin == LinkState::Down ? LinkState::AdminDown : LinkState::Up;
        r.operState = link;
        if (descCol >= 0 && toks.size() > 3)
            r.description = qs(trimmed(t.substr(size_t(toks[3].column))));
        (r.name.contains(QLatin1Char('.')) ? units : ports).append(r);
    }
    if (!header && ports.isEmpty() && units.isEmpty())
        return emptyOutput(what, body, QStringLiteral("\"Interface  Admin Link Proto\" header (show interfaces terse or descriptions)"));
    return RecordSet(kind, ports.isEmpty() ? units : ports);
}

// ---- BGP -------------------------------------------------------------------------------

// "5/6/6/0": active/received/accepted/damped.
bool isRibCounts(sv s, qint64 *received = nullptr, qint64 *accepted = nullptr)
{
    qint64 v[4];
    int n = 0;
    size_t b = 0;
    while (b <= s.size()) {
        size_t e = s.find('/', b);
        if (e == sv::npos)
            e = s.size();
        const sv part = s.substr(b, e - b);
        if (n == 4 || !clitext::isDigits(part))
            return false;
        v[n++] = *clitext::toInt(part);
        b = e + 1;
    }
    if (n < 3)
        return false;
    if (received) *received = v[1];
    if (accepted) *accepted = v[2];
    return true;
}

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> parseBgpSummary(const QString &what, const QString &command, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<BgpNeighborRecord> rows;
    std::vector<sv> tables;
    enum class Part { Head, Tables, Peers } part = Part::Head;
    int peerIndent = 0;
    const QString instance = wordAfter(command, u"instance");
    BgpNeighborRecord pending; // the last peer row; its RIB lines may follow
    bool havePending = false;
    bool ribRows = false;
    bool sawGroups = false;
    auto flushPending = [&] {
        if (havePending && !ribRows) {
            // Established with no RIB line (no family negotiated yet) or not established.
            if (pending.vrf.isEmpty())
                pending.vrf = instance.isEmpty() ? QStringLiteral("default") : instance;
            if (pending.addressFamily.isEmpty())
                pending.addressFamily = familyOfAddress(pending.neighbor);
            rows.append(pending);
        }
        havePending = false;
        ribRows = false;
    };
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (part == Part::Head || part == Part::Tables) {
            // "Threading mode: BGP I/O", "TCP listen port: 179", "Default eBGP mode: ...",
            // "Groups: 4 Peers: 6 Down peers: 3": settings above the tables.
            if (part == Part::Head && contains(t, ": ")) {
                sawGroups = sawGroups || startsWith(t, "Groups:");
                continue;
            }
            if (startsWith(t, "Table") && contains(t, "Tot Paths")) {
                part = Part::Tables;
                continue;
            }
            if (startsWith(t, "Peer") && contains(t, "InPkt")) {
                part = Part::Peers;
                peerIndent = indentOf(l.text);
                continue;
            }
            if (part == Part::Tables) {
                const auto toks = clitext::tokenize(t);
                if (!toks.empty() && isRibName(toks[0].text)) {
                    tables.push_back(toks[0].text);
                    continue;
                }
                bool allNumbers = !toks.empty();
                for (const Token &tok : toks)
                    allNumbers = allNumbers && clitext::isDigits(tok.text);
                if (allNumbers)
                    continue; // the counts of a table whose name stood alone above
            }
            return clitext::lineError(what, l, QStringLiteral("expected the Groups/Table/Peer header of show bgp summary"));
        }
        const int ind = indentOf(l.text);
        const auto toks = clitext::tokenize(t);
        if (ind > peerIndent) {
            // "  inet.0: 682/684/684/0" under an Establ peer
            if (!havePending || toks.size() != 2 || toks[0].text.back() != ':')
                return clitext::lineError(what, l, QStringLiteral("expected a \"table: active/received/accepted/damped\" line under a peer"));
            BgpNeighborRecord r = pending;
            const sv rib = toks[0].text.substr(0, toks[0].text.size() - 1);
            const auto [vrf, af] = ribContext(rib);
            r.vrf = vrf;
            r.addressFamily = af;
            if (!isRibCounts(toks[1].text, &r.prefixesReceived, &r.prefixesAccepted))
                return clitext::lineError(what, l, QStringLiteral("the route counts are not active/received/accepted/damped"));
            rows.append(r);
            ribRows = true;
            continue;
        }
        flushPending();
        // Peer AS InPkt OutPkt OutQ Flaps Last-Up/Dwn State|#Active/Received/Accepted/Damped...
        if (toks.size() < 8)
            return clitext::lineError(what, l, QStringLiteral("a peer row has fewer columns than the header"));
        BgpNeighborRecord r;
        // A link-local peer carries its interface: "fe80::1%ge-0/0/1.0".
        if (!IpAddress::parse(toks[0].text.substr(0, toks[0].text.find('%'))))
            return clitext::lineError(what, l, QStringLiteral("a peer row must start with the peer's address"));
        r.neighbor = qs(toks[0].text);
        if (!clitext::isDigits(toks[2].text) || !clitext::isDigits(toks[5].text))
            return clitext::lineError(what, l, QStringLiteral("expected packet and flap counts after the peer and its AS"));
        const auto asn = clitext::parseAsn(toks[1].text);
        if (!asn)
            return clitext::lineError(what, l, QStringLiteral("\"%1\" is not an AS number").arg(qs(toks[1].text)));
        r.remoteAs = *asn;
        size_t i = 6;
        // "Last Up/Dwn": "9", "4:05", "1:02:03", "3w2d 4:19:15", "29w5d 22:42:36"
        sv up = toks[i].text;
        std::string joined;
        if (i + 1 < toks.size() && up.find(':') == sv::npos && !clitext::isDigits(up) && toks[i + 1].text.find(':') != sv::npos) {
            joined = std::string(up) + ' ' + std::string(toks[i + 1].text);
            up = joined;
            ++i;
        }
        const auto secs = clitext::parseDuration(up);
        if (!secs)
            return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a Last Up/Dwn time").arg(qs(up)));
        r.uptimeSeconds = *secs;
        ++i;
        if (i >= toks.size())
            return clitext::lineError(what, l, QStringLiteral("no state after the Last Up/Dwn time"));
        if (isRibCounts(toks[i].text)) {
            // Established, counts inline: one group per table of the header, in its order.
            r.state = BgpState::Established;
            r.stateDetail = QStringLiteral("Established");
            size_t k = 0;
            for (; i < toks.size(); ++i, ++k) {
                BgpNeighborRecord x = r;
                if (!isRibCounts(toks[i].text, &x.prefixesReceived, &x.prefixesAccepted))
                    return clitext::lineError(what, l, QStringLiteral("\"%1\" is not active/received/accepted/damped").arg(qs(toks[i].text)));
                if (k >= tables.size()) {
                    // Some releases print a trailing "0/0/0/0" group for a table the header
                    // does not list; an empty one says nothing, a non-empty one cannot be placed.
                    if (toks[i].text.find_first_not_of("0/") == sv::npos)
                        continue;
                    return clitext::lineError(what, l, QStringLiteral("more route counts than tables in the header"));
                }
                const auto [vrf, af] = ribContext(tables[k]);
                x.vrf = vrf;
                x.addressFamily = af;
                rows.append(x);
            }
            continue;
        }
        const QString detail = qs(t.substr(size_t(toks[i].column))).simplified(); // "Active", "Idle", "Connect"
        if (detail.startsWith(u"Establ")) {
            r.state = BgpState::Established;
            r.stateDetail = QStringLiteral("Established");
        } else {
            r.state = bgpStateFromName(detail);
            if (r.state == BgpState::Unknown)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(detail));
            r.stateDetail = detail;
        }
        r.adminEnabled = !detail.contains(u"Admin");
        pending = r;
        havePending = true;
    }
    flushPending();
    // "Groups: 0 Peers: 0 Down peers: 0" without a peer table is a router with no peers.
    if (part != Part::Peers && !sawGroups)
        return emptyOutput(what, body, QStringLiteral("\"Peer  AS  InPkt  OutPkt\" table (show bgp summary)"));
    return RecordSet(QueryKind::BgpStatus, rows);
}

// show bgp neighbor [ADDRESS]: one block per peer starting "Peer: ADDR[+port] AS N Local: ...".
// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> parseBgpNeighbor(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<BgpNeighborRecord> rows;
    struct Peer {
        BgpNeighborRecord base;
        QString instance;
        QList<BgpNeighborRecord> ribs;
        bool inTable = false;
    };
    std::vector<Peer> peers;
    auto stripPort = [](sv a) {
        const size_t plus = a.find('+');
        return plus == sv::npos ? a : a.substr(0, plus);
    };
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "Peer: ")) {
            // "Peer: 10.169.14.240+60606 AS 65151 Local: 10.189.5.252+179 AS 65171"
            const auto toks = clitext::tokenize(t);
            if (toks.size() < 4 || toks[2].text != "AS")
                return clitext::lineError(what, l, QStringLiteral("expected \"Peer: ADDRESS AS NUMBER\""));
            Peer p;
            p.base.neighbor = qs(stripPort(toks[1].text));
            const auto ras = clitext::parseAsn(toks[3].text);
            if (!ras)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not an AS number").arg(qs(toks[3].text)));
            p.base.remoteAs = *ras;
            for (size_t i = 4; i + 3 < toks.size(); ++i) {
                if (toks[i].text == "Local:" && toks[i + 2].text == "AS")
                    p.base.localAs = clitext::parseAsn(toks[i + 3].text).value_or(-1);
            }
            peers.push_back(p);
            continue;
        }
        if (peers.empty()) {
            if (startsWith(t, "Groups:") || startsWith(t, "Threading mode"))
                continue;
            return clitext::lineError(what, l, QStringLiteral("expected a \"Peer:\" line (show bgp neighbor)"));
        }
        Peer &p = peers.back();
        BgpNeighborRecord &b = p.base;
        if (startsWith(t, "Table ")) {
            // "Table inet.0 Bit: 20000"
            const auto toks = clitext::tokenize(t);
            BgpNeighborRecord r;
            const auto [vrf, af] = ribContext(toks.size() > 1 ? toks[1].text : sv());
            r.vrf = vrf;
            r.addressFamily = af;
            p.ribs.append(r);
            p.inTable = true;
            continue;
        }
        if (p.inTable && !p.ribs.isEmpty()) {
            BgpNeighborRecord &r = p.ribs.last();
            if (startsWith(t, "Received prefixes:")) { r.prefixesReceived = intAfter(t, "Received prefixes:"); continue; }
            if (startsWith(t, "Accepted prefixes:")) { r.prefixesAccepted = intAfter(t, "Accepted prefixes:"); continue; }
            if (startsWith(t, "Advertised prefixes:")) { r.prefixesSent = intAfter(t, "Advertised prefixes:"); continue; }
            if (startsWith(t, "Active prefixes:") || startsWith(t, "Suppressed due to damping:") || startsWith(t, "RIB State:")
                || startsWith(t, "Send state:") || startsWith(t, "Accepted") || startsWith(t, "Rejected") || startsWith(t, "Suppressed"))
                continue;
            p.inTable = false;
        }
        if (startsWith(t, "Description:")) {
            b.description = qs(trimmed(t.substr(12)));
        } else if (startsWith(t, "Group:")) {
            const sv inst = fieldAfter(t, "Routing-Instance:");
            p.instance = inst.empty() || inst == "master" ? QStringLiteral("default") : qs(inst);
        } else if (startsWith(t, "Type:") && contains(t, "State:")) {
            // "Type: External    State: Established    Flags: <Sync>"
            sv st = fieldAfter(t, "State:");
            const size_t cut = st.find_first_of(" \t(");
            if (cut != sv::npos)
                st = st.substr(0, cut);
            b.stateDetail = qs(st);
            b.state = bgpStateFromName(b.stateDetail);
            if (b.state == BgpState::Unknown)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(b.stateDetail));
        } else if (startsWith(t, "Last Error:")) {
            const sv e = trimmed(t.substr(11));
            if (e != "None")
                b.lastError = qs(e);
        } else if (startsWith(t, "Peer ID:")) {
            const auto toks = clitext::tokenize(t);
            if (toks.size() >= 3)
                b.remoteRouterId = qs(toks[2].text);
        } else if (startsWith(t, "Options:")) {
            // A peer shut by configuration carries the option "Shutdown" (not to be confused
            // with "GracefulShutdownRcv").
            for (const Token &tok : clitext::tokenize(t.substr(8))) {
                sv o = tok.text;
                if (!o.empty() && o.front() == '<') o.remove_prefix(1);
                if (!o.empty() && o.back() == '>') o.remove_suffix(1);
                if (o == "Shutdown")
                    b.adminEnabled = false;
            }
        }
    }
    if (peers.empty())
        return emptyOutput(what, body, QStringLiteral("\"Peer:\" block (show bgp neighbor)"));
    for (const Peer &p : peers) {
        if (p.base.state == BgpState::Unknown)
            return clitext::formatError(what, body, QStringLiteral("the block of peer %1 has no \"Type: ... State:\" line; the output may be cut").arg(p.base.neighbor));
        if (p.ribs.isEmpty()) {
            BgpNeighborRecord r = p.base;
            r.vrf = p.instance.isEmpty() ? QStringLiteral("default") : p.instance;
            r.addressFamily = familyOfAddress(r.neighbor);
            rows.append(r);
            continue;
        }
        for (const BgpNeighborRecord &rib : p.ribs) {
            BgpNeighborRecord r = p.base;
            r.vrf = rib.vrf;
            r.addressFamily = rib.addressFamily;
            r.prefixesReceived = rib.prefixesReceived;
            r.prefixesAccepted = rib.prefixesAccepted;
            r.prefixesSent = rib.prefixesSent;
            rows.append(r);
        }
    }
    return RecordSet(QueryKind::BgpStatus, rows);
}

// ---- ARP and IPv6 neighbors ------------------------------------------------------------

// "Total entries: 7" closes the table; a count that differs from the rows read means the
// paste was cut or edited.
Error checkTotal(const QString &what, const Line &l, qsizetype rows)
{
    const qint64 n = intAfter(trimmed(l.text), "Total entries:");
    if (n >= 0 && n != rows)
        return clitext::lineError(what, l, QStringLiteral("the router counted %1 entries, the text holds %2; it may be cut").arg(n).arg(rows));
    return {};
}

Result<RecordSet> parseArp(const QString &what, const QString &command, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<ArpRecord> rows;
    const QString vpn = wordAfter(command, u"vpn");
    const QString vrf = vpn.isEmpty() ? QStringLiteral("default") : vpn;
    // Output filtered with "| match" / "| except" loses its header: the command then says
    // whether the Name column is there.
    const bool filtered = commandHas(command, "| match") || commandHas(command, "| except") || commandHas(command, "| find");
    bool header = filtered, withName = filtered && !commandHas(command, "no-resolve");
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "MAC Address") && contains(t, "Interface")) {
            header = true;
            withName = contains(t, " Name ");
            continue;
        }
        if (startsWith(t, "Total entries:")) {
            if (Error e = checkTotal(what, l, rows.size()))
                return e;
            continue;
        }
        if (!header)
            return clitext::lineError(what, l, QStringLiteral("expected the \"MAC Address  Address  Interface  Flags\" header of show arp"));
        // MAC Address  Address  [Name]  Interface  Flags; the interface of an IRB entry
        // carries its member port: "irb.100 [xe-0/0/1.0]".
        const auto toks = clitext::tokenize(t);
        const size_t ifAt = withName ? 3 : 2;
        if (toks.size() < ifAt + 1)
            return clitext::lineError(what, l, QStringLiteral("an ARP row has fewer columns than the header"));
        ArpRecord r;
        r.vrf = vrf;
        r.mac = normalizeMac(qs(toks[0].text));
        if (r.mac.isEmpty() && toks[0].text != "incomplete")
            return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a MAC address").arg(qs(toks[0].text)));
        if (!IpAddress::parse(toks[1].text))
            return clitext::lineError(what, l, QStringLiteral("\"%1\" is not an IP address").arg(qs(toks[1].text)));
        r.ip = qs(toks[1].text);
        r.interfaceName = qs(toks[ifAt].text);
        size_t k = ifAt + 1;
        if (k < toks.size() && toks[k].text.front() == '[') {
            while (k < toks.size() && toks[k].text.back() != ']')
                ++k;
            ++k;
        }
        bool permanent = false;
        for (; k < toks.size(); ++k) {
            const sv f = toks[k].text;
            if (f == "permanent")
                permanent = true;
            else if (f != "none" && f != "remote" && f != "published" && f != "unicast" && f != "dynamic")
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not an ARP flag RouterLens knows").arg(qs(f)));
        }
        r.state = permanent ? NeighborState::Permanent : r.mac.isEmpty() ? NeighborState::Incomplete : NeighborState::Complete;
        rows.append(r);
    }
    if (!header)
        return emptyOutput(what, body, QStringLiteral("\"MAC Address  Address  Interface  Flags\" header (show arp)"));
    return RecordSet(QueryKind::ArpTable, rows);
}

Result<RecordSet> parseIpv6Neighbors(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<ArpRecord> rows;
    bool header = false;
    QString wrappedAddress; // a long address printed alone, the rest of its row below
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "IPv6 Address") && contains(t, "Linklayer Address")) {
            header = true;
            continue;
        }
        if (startsWith(t, "Total entries:")) {
            if (!wrappedAddress.isEmpty())
                return clitext::lineError(what, l, QStringLiteral("the row of %1 is missing").arg(wrappedAddress));
            if (Error e = checkTotal(what, l, rows.size()))
                return e;
            continue;
        }
        if (!header)
            return clitext::lineError(what, l, QStringLiteral("expected the \"IPv6 Address  Linklayer Address  State\" header of show ipv6 neighbors"));
        auto toks = clitext::tokenize(t);
        ArpRecord r;
        r.vrf = QStringLiteral("default");
        size_t k = 0;
        if (indentOf(l.text) > 0) {
            if (wrappedAddress.isEmpty())
                return clitext::lineError(what, l, QStringLiteral("a continuation line without the address above it"));
            r.ip = wrappedAddress;
            wrappedAddress.clear();
        } else {
            if (toks.empty() || !IpAddress::parse(toks[0].text))
                return clitext::lineError(what, l, QStringLiteral("a row must start with an IPv6 address"));
            if (toks.size() == 1) {
                wrappedAddress = qs(toks[0].text);
                continue;
            }
            r.ip = qs(toks[0].text);
            k = 1;
        }
        // Linklayer Address  State  Exp  Rtr  Secure  Interface
        if (toks.size() < k + 6)
            return clitext::lineError(what, l, QStringLiteral("an IPv6 neighbor row has fewer columns than the header"));
        r.mac = normalizeMac(qs(toks[k].text));
        r.state = neighborStateFromName(qs(toks[k + 1].text));
        if (toks[k + 1].text == "unreachable")
            r.state = NeighborState::Failed;
        if (r.state == NeighborState::Unknown)
            return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a neighbor state").arg(qs(toks[k + 1].text)));
        r.interfaceName = qs(toks[k + 5].text);
        rows.append(r);
    }
    if (!header)
        return emptyOutput(what, body, QStringLiteral("\"IPv6 Address  Linklayer Address\" header (show ipv6 neighbors)"));
    if (!wrappedAddress.isEmpty())
        return clitext::formatError(what, body, QStringLiteral("the row of %1 is missing; the output may be cut").arg(wrappedAddress));
    return RecordSet(QueryKind::ArpTable, rows);
}

// ---- routes ----------------------------------------------------------------------------

// "65001 65002 I" -> path "65001 65002", origin IGP.
std::pair<QString, RouteOrigin> pathAndOrigin(sv path)
{
    path = trimmed(path);
    RouteOrigin o = RouteOrigin::Unknown;
    if (!path.empty()) {
        const char c = path.back();
        if ((c == 'I' || c == 'E' || c == '?') && (path.size() == 1 || path[path.size() - 2] == ' ')) {
            o = c == 'I' ? RouteOrigin::Igp : c == 'E' ? RouteOrigin::Egp : RouteOrigin::Incomplete;
            path = trimmed(path.substr(0, path.size() - 1));
        }
    }
    return {qs(path), o};
}

bool isTableHeader(sv t)
{
    // "inet.0: 929 destinations, 1615 routes (929 active, 0 holddown, 0 hidden)"
    const size_t colon = t.find(": ");
    return colon != sv::npos && isRibName(t.substr(0, colon)) && contains(t, "destinations");
}

// show route receive-protocol / advertising-protocol bgp NEIGHBOR [hidden]:
//   "  Prefix                  Nexthop              MED     Lclpref    AS path"
//   "* 10.0.0.0/8              198.51.100.1         10      200        65001 I"
// Columns start at 2, 26, 47, 55 and 66 and shift right when a value overflows its width;
// MED and Lclpref may be empty, so a number is placed by where it starts. A prefix too
// long for its column stands alone on its line, the rest of the row on the next.
// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> parseBgpRouteTable(QueryKind kind, const QString &what, const QString &command, const std::vector<Line> &lines,
                                     const QByteArray &body)
{
    QList<RouteRecord> rows;
    const bool hidden = commandHas(command, " hidden");
    bool anyTable = false;
    int base = 0;         // where the header's "Prefix" column starts, minus 2
    int nhCol = 26, medCol = 47, lpCol = 55, pathCol = 66;
    std::optional<IpPrefix> wrapped;
    bool wrappedActive = false;
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (isTableHeader(t)) {
            if (wrapped)
                return clitext::lineError(what, l, QStringLiteral("the row of the prefix above is missing"));
            anyTable = true;
            continue;
        }
        if (t == "Restart Complete")
            continue;
        if (startsWith(t, "Prefix") && contains(t, "Nexthop")) {
            const size_t p = l.text.find("Prefix");
            base = int(p) - 2;
            nhCol = int(l.text.find("Nexthop"));
            medCol = int(l.text.find("MED"));
            lpCol = int(l.text.find("Lclpref"));
            pathCol = int(l.text.find("AS path"));
            if (medCol < 0 || lpCol < 0 || pathCol < 0)
                return clitext::lineError(what, l, QStringLiteral("the header lacks MED, Lclpref or AS path"));
            continue;
        }
        if (!anyTable)
            return clitext::lineError(what, l, QStringLiteral("expected a table header such as \"inet.0: 10 destinations, ...\""));
        const sv row = l.text.size() > size_t(std::max(base, 0)) ? l.text.substr(size_t(std::max(base, 0))) : sv();
        const auto toks = clitext::tokenize(row);
        if (toks.empty())
            continue;
        size_t k = 0;
        bool active = false;
        if (toks[0].text == "*" || toks[0].text == "+" || toks[0].text == "-") {
            active = toks[0].text != "-";
            k = 1;
        }
        RouteRecord r;
        r.valid = !hidden;
        if (k < toks.size() && toks[k].column < nhCol - base - 1 && toks[k].text.find('/') != sv::npos) {
            const auto p = IpPrefix::parse(toks[k].text);
            if (!p)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(qs(toks[k].text)));
            ++k;
            if (k == toks.size()) {
                if (wrapped)
                    return clitext::lineError(what, l, QStringLiteral("two prefixes without a next hop"));
                wrapped = *p;
                wrappedActive = active;
                continue;
            }
            if (wrapped)
                return clitext::lineError(what, l, QStringLiteral("the row of the prefix above is missing"));
            r.prefix = *p;
        } else {
            if (!wrapped)
                return clitext::lineError(what, l, QStringLiteral("a route row must start with its prefix"));
            r.prefix = *wrapped;
            active = active || wrappedActive;
            wrapped.reset();
        }
        if (k >= toks.size())
            return clitext::lineError(what, l, QStringLiteral("no next hop"));
        r.best = active && !hidden;
        const Token &nh = toks[k];
        if (nh.text != "Self") {
            const auto a = IpAddress::parse(nh.text);
            if (!a)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(qs(nh.text)));
            r.nextHop = *a;
        }
        ++k;
        // Columns relative to the row (the header's indentation removed).
        int med = medCol - base, lp = lpCol - base, path = pathCol - base;
        const int shift = std::max(0, nh.end() + 1 - med);
        med += shift, lp += shift, path += shift;
        if (k < toks.size() && toks[k].column < lp && clitext::isDigits(toks[k].text)) {
            r.med = *clitext::toInt(toks[k].text);
            const int s2 = std::max(0, toks[k].end() + 1 - lp);
            lp += s2, path += s2;
            ++k;
        }
        if (k < toks.size() && toks[k].column < path && clitext::isDigits(toks[k].text)) {
            r.localPref = *clitext::toInt(toks[k].text);
            ++k;
        }
        if (k < toks.size()) {
            const auto [asPath, origin] = pathAndOrigin(row.substr(size_t(toks[k].column)));
            r.asPath = asPath;
            r.origin = origin;
        }
        rows.append(r);
    }
    if (wrapped)
        return clitext::formatError(what, body, QStringLiteral("the last prefix has no row; the output may be cut"));
    if (!anyTable)
        return emptyOutput(what, body, QStringLiteral("table header such as \"inet.0: 10 destinations, ...\" (show route %1-protocol bgp)")
                                           .arg(kind == QueryKind::ReceivedRoutes ? QStringLiteral("receive") : QStringLiteral("advertising")));
    return RecordSet(kind, rows);
}

// show route receive-protocol / advertising-protocol bgp NEIGHBOR detail | extensive: per
// route "* 10.0.0.0/24 (1 entry, 1 announced)" then "Key: value" lines (Nexthop, MED,
// Localpref, AS path, Communities) and flags: "Accepted" for a route the import policy took,
// "Hidden reason: ..." for one it rejected (with the hidden or all option).
Result<RecordSet> parseBgpRouteDetail(QueryKind kind, const QString &what, const QString &command, const std::vector<Line> &lines,
                                      const QByteArray &body)
{
    QList<RouteRecord> rows;
    const bool hiddenOnly = commandHas(command, " hidden");
    bool anyTable = false, haveRoute = false;
    RouteRecord r;
    auto flush = [&] {
        if (haveRoute)
            rows.append(r);
        haveRoute = false;
    };
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (isTableHeader(t)) {
            flush();
            anyTable = true;
            continue;
        }
        if (!anyTable)
            return clitext::lineError(what, l, QStringLiteral("expected a table header such as \"inet.0: 10 destinations, ...\""));
        if (contains(t, " entr") && contains(t, " announced)")) {
            // "* 10.36.255.252/32 (1 entry, 1 announced)"
            flush();
            sv rest = t;
            bool active = false;
            if (startsWith(rest, "*") || startsWith(rest, "+")) {
                active = true;
                rest = trimmed(rest.substr(1));
            }
            const sv pfx = rest.substr(0, rest.find(' '));
            const auto p = IpPrefix::parse(pfx);
            if (!p)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(qs(pfx)));
            r = RouteRecord();
            r.prefix = *p;
            r.best = active && !hiddenOnly;
            r.valid = !hiddenOnly;
            haveRoute = true;
            continue;
        }
        if (!haveRoute)
            return clitext::lineError(what, l, QStringLiteral("expected \"PREFIX (N entries, M announced)\""));
        if (startsWith(t, "Nexthop:")) {
            const sv nh = trimmed(t.substr(8));
            if (nh != "Self") {
                const auto a = IpAddress::parse(nh);
                if (!a)
                    return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(qs(nh)));
                r.nextHop = *a;
            }
        } else if (startsWith(t, "MED:")) {
            r.med = clitext::toInt(trimmed(t.substr(4))).value_or(-1);
        } else if (startsWith(t, "Localpref:")) {
            r.localPref = clitext::toInt(trimmed(t.substr(10))).value_or(-1);
        } else if (startsWith(t, "AS path:")) {
            const auto [asPath, origin] = pathAndOrigin(t.substr(8));
            r.asPath = asPath;
            r.origin = origin;
        } else if (startsWith(t, "Communities:")) {
            r.communities = qs(trimmed(t.substr(12)));
        } else if (startsWith(t, "Hidden reason:")) {
            r.valid = false;
            r.best = false;
        }
    }
    flush();
    if (!anyTable)
        return emptyOutput(what, body, QStringLiteral("table header such as \"inet.0: 10 destinations, ...\" (show route %1-protocol bgp detail)")
                                           .arg(kind == QueryKind::ReceivedRoutes ? QStringLiteral("receive") : QStringLiteral("advertising")));
    return RecordSet(kind, rows);
}

// show route DESTINATION: per prefix one or more entries "*[BGP/170] 1w2d 03:04:05, MED 10,
// localpref 100, from 198.51.100.1", an "AS path:" line, and next hops "> to A via IF".
// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> parseRouteLookup(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<RouteRecord> rows;
    bool anyTable = false;
    std::optional<IpPrefix> prefix;
    RouteRecord entry;
    bool haveEntry = false, entryHasNh = false;
    auto flush = [&] {
        if (haveEntry && !entryHasNh)
            rows.append(entry);
        haveEntry = false;
        entryHasNh = false;
    };
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (isTableHeader(t)) {
            flush();
            prefix.reset();
            anyTable = true;
            continue;
        }
        if (startsWith(t, "+ = Active Route") || t == "Restart Complete")
            continue;
        if (!anyTable)
            return clitext::lineError(what, l, QStringLiteral("expected a table header such as \"inet.0: 10 destinations, ...\""));
        sv rest = t;
        if (indentOf(l.text) == 0) {
            // a prefix, alone when long, else followed by its first entry
            const size_t sp = t.find_first_of(" \t");
            const sv pfx = t.substr(0, sp);
            const auto p = IpPrefix::parse(pfx);
            if (!p)
                return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a prefix").arg(qs(pfx)));
            flush();
            prefix = *p;
            if (sp == sv::npos)
                continue;
            rest = trimmed(t.substr(sp));
        }
        if (!prefix)
            return clitext::lineError(what, l, QStringLiteral("an entry without a prefix above it"));
        const size_t bracket = rest.find('[');
        if (bracket != sv::npos && bracket <= 2 && rest.find(']') != sv::npos) {
            // "*[BGP/170] 1w2d 03:04:05, MED 10, localpref 100, from 198.51.100.1"
            flush();
            entry = RouteRecord();
            entry.prefix = *prefix;
            const sv flags = rest.substr(0, bracket);
            entry.best = contains(flags, "*") || contains(flags, "+");
            const size_t close = rest.find(']');
            sv proto = rest.substr(bracket + 1, close - bracket - 1);
            proto = proto.substr(0, proto.find('/'));
            entry.protocol = qs(proto).toLower();
            if (entry.protocol == u"direct")
                entry.protocol = QStringLiteral("connected");
            const sv attrs = rest.substr(close + 1);
            if (const qint64 v = intAfter(attrs, "MED "); v >= 0)
                entry.med = v;
            if (const qint64 v = intAfter(attrs, "localpref "); v >= 0)
                entry.localPref = v;
            haveEntry = true;
            continue;
        }
        if (!haveEntry)
            return clitext::lineError(what, l, QStringLiteral("expected a \"[Protocol/preference]\" entry"));
        if (startsWith(rest, "AS path:")) {
            sv p = trimmed(rest.substr(8));
            if (const size_t c = p.find(','); c != sv::npos)
                p = p.substr(0, c); // ", validation-state: unverified"
            const auto [asPath, origin] = pathAndOrigin(p);
            entry.asPath = asPath;
            entry.origin = origin;
            continue;
        }
        sv hop = rest;
        if (startsWith(hop, ">"))
            hop = trimmed(hop.substr(1));
        if (startsWith(hop, "to ") || startsWith(hop, "via ") || startsWith(hop, "Local via ")) {
            RouteRecord x = entry;
            if (startsWith(hop, "to ")) {
                const auto toks = clitext::tokenize(hop);
                sv addr = toks.size() > 1 ? toks[1].text : sv();
                const auto a = IpAddress::parse(addr);
                if (!a)
                    return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(qs(addr)));
                x.nextHop = *a;
            }
            if (const size_t via = hop.find("via "); via != sv::npos) {
                sv ifn = trimmed(hop.substr(via + 4));
                ifn = ifn.substr(0, ifn.find_first_of(" ,"));
                x.interfaceName = qs(ifn);
            }
            rows.append(x);
            entryHasNh = true;
            continue;
        }
        if (hop == "Discard" || hop == "Reject" || hop == "Receive" || hop == "MultiRecv" || startsWith(hop, "Table ")
            || startsWith(hop, "Indirect") || startsWith(hop, "Multipath"))
            continue; // no next-hop address to show
        return clitext::lineError(what, l, QStringLiteral("not a next hop, AS path or entry line RouterLens knows"));
    }
    flush();
    if (!anyTable && !lines.empty())
        return emptyOutput(what, body, QStringLiteral("table header such as \"inet.0: 10 destinations, ...\" (show route)"));
    return RecordSet(QueryKind::RouteLookup, rows);
}

// show route DESTINATION detail: "203.0.113.0/24 (2 entries, 1 announced)", then per entry
// "*BGP    Preference: 170/-101" and indented "Key: value" lines: "Next hop: A via IF,
// selected", "AS path: 64500 I", "Localpref: 100", "Age: 4w1d 22:15:09   Metric: 10",
// "Communities: 65000:100". Lines of other keys (Task, State, Announcement bits...) are
// not kept.
// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> parseRouteDetail(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<RouteRecord> rows;
    bool anyTable = false;
    std::optional<IpPrefix> prefix;
    RouteRecord entry;
    bool haveEntry = false;
    QList<RouteRecord> hops;
    auto flush = [&] {
        if (haveEntry) {
            if (hops.isEmpty())
                rows.append(entry);
            for (RouteRecord h : hops) {
                h.asPath = entry.asPath, h.origin = entry.origin, h.localPref = entry.localPref;
                h.med = entry.med, h.communities = entry.communities;
                rows.append(h);
            }
        }
        haveEntry = false;
        hops.clear();
    };
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (isTableHeader(t)) {
            flush();
            prefix.reset();
            anyTable = true;
            continue;
        }
        if (t == "Restart Complete" || startsWith(t, "+ = Active Route"))
            continue;
        if (!anyTable)
            return clitext::lineError(what, l, QStringLiteral("expected a table header such as \"inet.0: 10 destinations, ...\""));
        if (indentOf(l.text) == 0) {
            // "203.0.113.0/24 (2 entries, 1 announced)"
            const sv pfx = t.substr(0, t.find(' '));
            const auto p = IpPrefix::parse(pfx);
            if (!p || !contains(t, " entr"))
                return clitext::lineError(what, l, QStringLiteral("expected \"PREFIX (N entries, M announced)\""));
            flush();
            prefix = *p;
            continue;
        }
        if (!prefix)
            return clitext::lineError(what, l, QStringLiteral("an entry without a prefix above it"));
        const size_t pref = t.find(" Preference:");
        if (pref != sv::npos && t.find(':') == pref + 11) {
            // "*BGP    Preference: 170/-101": flags, then the protocol
            flush();
            entry = RouteRecord();
            entry.prefix = *prefix;
            sv head = trimmed(t.substr(0, pref));
            size_t f = 0;
            while (f < head.size() && (head[f] == '*' || head[f] == '+' || head[f] == '-' || head[f] == ' '))
                ++f;
            entry.best = contains(head.substr(0, f), "*") || contains(head.substr(0, f), "+");
            entry.protocol = qs(head.substr(f)).toLower();
            if (entry.protocol == u"direct")
                entry.protocol = QStringLiteral("connected");
            haveEntry = true;
            continue;
        }
        if (!haveEntry)
            return clitext::lineError(what, l, QStringLiteral("expected a \"Protocol  Preference:\" entry"));
        if (startsWith(t, "Next hop:")) {
            // "Next hop: 198.51.100.9 via xe-0/0/0.0, selected" or "Next hop: via irb.100"
            RouteRecord h = entry;
            sv rest = trimmed(t.substr(9));
            if (const size_t c = rest.find(','); c != sv::npos)
                rest = rest.substr(0, c);
            const auto toks = clitext::tokenize(rest);
            size_t k = 0;
            if (k < toks.size() && toks[k].text != "via") {
                const auto a = IpAddress::parse(toks[k].text);
                if (!a)
                    return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a next hop").arg(qs(toks[k].text)));
                h.nextHop = *a;
                ++k;
            }
            if (k + 1 < toks.size() && toks[k].text == "via")
                h.interfaceName = qs(toks[k + 1].text);
            hops.append(h);
        } else if (startsWith(t, "AS path:")) {
            sv p = trimmed(t.substr(8));
            if (const size_t paren = p.find(" ("); paren != sv::npos)
                p = p.substr(0, paren); // "(Originator)", "(Atomic)"
            const auto [asPath, origin] = pathAndOrigin(p);
            entry.asPath = asPath;
            entry.origin = origin;
        } else if (startsWith(t, "Localpref:")) {
            entry.localPref = clitext::toInt(trimmed(t.substr(10))).value_or(-1);
        } else if (startsWith(t, "Age:") && entry.protocol == u"bgp") {
            // For BGP the "Metric:" after the age is the MED.
            if (const size_t m = t.find("Metric:"); m != sv::npos) {
                const auto toks = clitext::tokenize(t.substr(m + 7));
                if (!toks.empty())
                    entry.med = clitext::toInt(toks[0].text).value_or(-1);
            }
        } else if (startsWith(t, "Communities:")) {
            entry.communities = qs(trimmed(t.substr(12)));
        }
    }
    flush();
    if (!anyTable)
        return emptyOutput(what, body, QStringLiteral("table header such as \"inet.0: 10 destinations, ...\" (show route detail)"));
    return RecordSet(QueryKind::RouteLookup, rows);
}

// ---- LLDP ------------------------------------------------------------------------------

// show lldp neighbors:
// "Local Interface    Parent Interface    Chassis Id          Port info          System Name"
Result<RecordSet> parseLldp(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<LldpNeighborRecord> rows;
    int parentCol = -1, sysCol = -1;
    bool header = false;
    for (const Line &l : lines) {
        if (startsWith(trimmed(l.text), "Local Interface") && contains(l.text, "Chassis Id")) {
            header = true;
            parentCol = int(l.text.find("Parent Interface"));
            sysCol = int(l.text.find("System Name"));
            if (l.text.find("Port info") == sv::npos)
                return clitext::lineError(what, l, QStringLiteral("the header lacks Port info"));
            if (sysCol < 0)
                sysCol = std::numeric_limits<int>::max(); // EX releases without the System Name column
            continue;
        }
        if (!header)
            return clitext::lineError(what, l, QStringLiteral("expected the \"Local Interface  Chassis Id  Port info  System Name\" header of show lldp neighbors"));
        const auto toks = clitext::tokenize(l.text);
        const size_t fixed = parentCol >= 0 ? 3 : 2; // local, [parent,] chassis
        if (toks.size() < fixed + 1)
            return clitext::lineError(what, l, QStringLiteral("an LLDP row has fewer columns than the header"));
        LldpNeighborRecord r;
        r.localInterface = qs(toks[0].text);
        r.remoteChassisId = qs(toks[fixed - 1].text);
        if (const QString mac = normalizeMac(r.remoteChassisId); !mac.isEmpty())
            r.remoteChassisId = mac;
        // Port info runs until the first word that starts in the System Name column (it
        // may overflow into it: then the name starts after it).
        size_t k = fixed;
        int portEnd = -1;
        int portStart = toks[k].column;
        while (k < toks.size() && (k == fixed || toks[k].column < sysCol)) {
            portEnd = toks[k].end();
            ++k;
        }
        r.remotePortId = qs(trimmed(l.text.substr(size_t(portStart), size_t(portEnd - portStart))));
        if (k < toks.size())
            r.remoteSystemName = qs(trimmed(l.text.substr(size_t(toks[k].column))));
        rows.append(r);
    }
    if (!header)
        return emptyOutput(what, body, QStringLiteral("\"Local Interface  Chassis Id  Port info  System Name\" header (show lldp neighbors)"));
    return RecordSet(QueryKind::LldpNeighbors, rows);
}

// show lldp neighbors interface NAME (detail): per neighbor "LLDP Neighbor Information:",
// "Local Interface    : xe-0/1/0", then "Neighbour Information:" with Chassis ID, Port ID,
// Port description, System name, capabilities and "Management Info" (or "Management address").
Result<RecordSet> parseLldpDetail(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<LldpNeighborRecord> rows;
    enum class Section { Local, Neighbor, Capabilities, Management, Other } section = Section::Other;
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "LLDP Neighbor Information:")) {
            rows.append(LldpNeighborRecord());
            section = Section::Other;
            continue;
        }
        if (rows.isEmpty()) {
            if (startsWith(t, "LLDP Neighbor Information"))
                continue;
            return clitext::lineError(what, l, QStringLiteral("expected \"LLDP Neighbor Information:\" (show lldp neighbors interface)"));
        }
        LldpNeighborRecord &r = rows.last();
        if (t == "Local Information:") { section = Section::Local; continue; }
        if (t == "Neighbour Information:" || t == "Neighbor Information:") { section = Section::Neighbor; continue; }
        if (startsWith(t, "System capabilities")) { section = Section::Capabilities; continue; }
        if (startsWith(t, "Management Info") || startsWith(t, "Management address")) { section = Section::Management; continue; }
        if (startsWith(t, "Organization Info") || startsWith(t, "Media Endpoint")) { section = Section::Other; continue; }
        const size_t colon = t.find(':');
        if (colon == sv::npos)
            continue; // continuation of a long system description
        const sv key = trimmed(t.substr(0, colon));
        const sv val = trimmed(t.substr(colon + 1));
        if (key == "Local Interface") {
            r.localInterface = qs(val);
            continue;
        }
        switch (section) {
        case Section::Neighbor:
            if (key == "Chassis ID") {
                r.remoteChassisId = qs(val);
                if (const QString mac = normalizeMac(r.remoteChassisId); !mac.isEmpty())
                    r.remoteChassisId = mac;
            } else if (key == "Port ID") {
                r.remotePortId = qs(val);
            } else if (key == "Port description") {
                r.remotePortDescription = qs(val);
            } else if (key == "System name") {
                r.remoteSystemName = qs(val);
            }
            break;
        case Section::Capabilities:
            if (key == "Enabled")
                r.capabilities = qs(val);
            break;
        case Section::Management:
            if (key == "Address" && r.remoteMgmtAddress.isEmpty())
                r.remoteMgmtAddress = qs(val);
            break;
        case Section::Local:
        case Section::Other:
            break;
        }
    }
    if (rows.isEmpty())
        return emptyOutput(what, body, QStringLiteral("\"LLDP Neighbor Information:\" block (show lldp neighbors interface)"));
    for (const LldpNeighborRecord &r : rows)
        if (r.localInterface.isEmpty() || r.remoteChassisId.isEmpty())
            return clitext::formatError(what, body, QStringLiteral("a neighbor block has no Local Interface or Chassis ID; the output may be cut"));
    return RecordSet(QueryKind::LldpNeighbors, rows);
}

// ---- optics ----------------------------------------------------------------------------

// "0.6560 mW / -1.83 dBm" -> -1.83; "0.6560 mW" -> 10*log10(0.656); "0.0000 mW / - Inf dBm"
// (no light) is NaN: a number cannot say minus infinity. nullopt for text in none of these
// forms (a reading cut in the paste).
std::optional<double> dbmOf(sv v)
{
    if (const size_t slash = v.find('/'); slash != sv::npos) {
        sv d = trimmed(v.substr(slash + 1));
        if (d.size() < 4 || d.substr(d.size() - 3) != "dBm")
            return std::nullopt;
        d = trimmed(d.substr(0, d.size() - 3));
        if (d == "- Inf" || d == "-Inf")
            return NAN;
        return clitext::toReal(d);
    }
    if (v.size() > 2 && v.substr(v.size() - 2) == "mW") {
        const auto mw = clitext::toReal(trimmed(v.substr(0, v.size() - 2)));
        if (!mw)
            return std::nullopt;
        return *mw > 0 ? 10.0 * std::log10(*mw) : NAN;
    }
    if (v.size() > 3 && v.substr(v.size() - 3) == "dBm")
        return clitext::toReal(trimmed(v.substr(0, v.size() - 3)));
    return std::nullopt;
}

// "37.682 mA", "36 degrees C / 97 degrees F": the number before the given unit.
std::optional<double> valueWithUnit(sv v, sv unit)
{
    const auto toks = clitext::tokenize(v);
    if (toks.size() < 2 || toks[1].text != unit)
        return std::nullopt;
    return clitext::toReal(toks[0].text);
}

Result<RecordSet> parseOptics(const QString &what, const std::vector<Line> &lines, const QByteArray &body)
{
    QList<OpticsRecord> rows;
    struct Port {
        OpticsRecord base;
        QList<OpticsRecord> lanes;
        bool any = false;
    };
    std::vector<Port> ports;
    for (const Line &l : lines) {
        const sv t = trimmed(l.text);
        if (startsWith(t, "Physical interface:")) {
            // "Physical interface: xe-0/0/0" and nothing else; with ", Enabled, ..." after the
            // name it is show interfaces output.
            const sv name = trimmed(t.substr(19));
            if (name.empty() || name.find_first_of(" ,") != sv::npos)
                return clitext::lineError(what, l, QStringLiteral("this is show interfaces output, not show interfaces diagnostics optics"));
            Port p;
            p.base.interfaceName = qs(name);
            ports.push_back(p);
            continue;
        }
        if (ports.empty())
            return clitext::lineError(what, l, QStringLiteral("expected a \"Physical interface:\" line (show interfaces diagnostics optics)"));
        Port &p = ports.back();
        if (startsWith(t, "Lane ")) {
            OpticsRecord lane;
            lane.lane = clitext::toInt(trimmed(t.substr(5))).value_or(-1);
            p.lanes.append(lane);
            continue;
        }
        if (startsWith(t, "Optics does not support") || startsWith(t, "Optic diagnostics are not"))
            continue;
        const size_t colon = t.find(" : ") != sv::npos ? t.find(" : ") : t.find(':');
        if (colon == sv::npos)
            return clitext::lineError(what, l, QStringLiteral("expected \"name : value\""));
        const sv key = trimmed(t.substr(0, colon));
        const sv val = trimmed(t.substr(t.find(':', colon) + 1));
        OpticsRecord &r = (!p.lanes.isEmpty() && indentOf(l.text) > 2 && !contains(key, "threshold") && !startsWith(key, "Module"))
                              ? p.lanes.last()
                              : p.base;
        p.any = true;
        double *slot = nullptr;
        std::optional<double> v;
        if (key == "Laser bias current")
            slot = &r.biasMa, v = valueWithUnit(val, "mA");
        else if (key == "Laser output power")
            slot = &r.txPowerDbm, v = dbmOf(val);
        else if (key == "Receiver signal average optical power" || key == "Laser receiver power" || key == "Laser rx power")
            slot = &r.rxPowerDbm, v = dbmOf(val);
        else if (key == "Module temperature")
            slot = &p.base.temperatureC, v = valueWithUnit(val, "degrees");
        else if (key == "Laser rx power low warning threshold")
            slot = &p.base.rxLowWarnDbm, v = dbmOf(val);
        else if (key == "Laser rx power high warning threshold")
            slot = &p.base.rxHighWarnDbm, v = dbmOf(val);
        else if (key == "Laser output power low warning threshold")
            slot = &p.base.txLowWarnDbm, v = dbmOf(val);
        else if (key == "Laser output power high warning threshold")
            slot = &p.base.txHighWarnDbm, v = dbmOf(val);
        if (!slot)
            continue; // alarms, voltages, other thresholds: not kept
        if (!v)
            return clitext::lineError(what, l, QStringLiteral("\"%1\" is not a reading RouterLens knows (mW / dBm, mA, degrees C)").arg(qs(val)));
        *slot = *v;
    }
    if (ports.empty())
        return emptyOutput(what, body, QStringLiteral("\"Physical interface:\" block (show interfaces diagnostics optics)"));
    for (const Port &p : ports) {
        if (!p.any)
            continue; // a port without a transceiver that reports diagnostics
        if (p.lanes.isEmpty()) {
            rows.append(p.base);
            continue;
        }
        for (const OpticsRecord &lane : p.lanes) {
            OpticsRecord r = p.base;
            r.lane = lane.lane;
            r.rxPowerDbm = lane.rxPowerDbm;
            r.txPowerDbm = lane.txPowerDbm;
            r.biasMa = lane.biasMa;
            rows.append(r);
        }
    }
    return RecordSet(QueryKind::Optics, rows);
}

// Junos prints these instead of output: "error: syntax error, expecting <command>: arpp",
// "error: the routing subsystem is not running", "warning: BGP is not running".
Error junosError(const QString &what, const std::vector<Line> &lines)
{
    for (size_t i = 0; i < lines.size() && i < 4; ++i) {
        const sv t = trimmed(lines[i].text);
        if (startsWith(t, "error: ") && !contains(t, "syntax error"))
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("The router could not answer the command for %1.").arg(what), qs(t));
    }
    return {};
}

} // namespace

namespace {

// The Junos text forms read for each kind, named when a text without a prompt matches none.
QString formsFor(QueryKind kind)
{
    switch (kind) {
    case QueryKind::Facts: return QStringLiteral("show version, show chassis hardware, show system uptime");
    case QueryKind::LinkStatus: return QStringLiteral("show interfaces [extensive], show interfaces terse, show interfaces descriptions");
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces [extensive]");
    case QueryKind::BgpStatus: return QStringLiteral("show bgp summary, show bgp neighbor");
    case QueryKind::ArpTable: return QStringLiteral("show arp [no-resolve], show ipv6 neighbors");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show route receive-protocol bgp NEIGHBOR [hidden] [detail]");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show route advertising-protocol bgp NEIGHBOR [detail]");
    case QueryKind::RouteLookup: return QStringLiteral("show route DESTINATION [detail]");
    case QueryKind::LldpNeighbors: return QStringLiteral("show lldp neighbors, show lldp neighbors interface NAME");
    case QueryKind::Optics: return QStringLiteral("show interfaces diagnostics optics");
    }
    return {};
}

Result<RecordSet> parseForm(QueryKind kind, const QString &command, const QByteArray &body);

} // namespace

Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body)
{
    auto r = parseForm(kind, command, body);
    if (!r && r.error().code == ErrorCode::ParseError) {
        // Refused at its first line, or no header found: the text is in no form of this
        // command, so name the forms RouterLens reads for the kind.
        const std::vector<Line> lines = contentLines(body);
        const QString firstLine = lines.empty() ? QString() : QStringLiteral("line %1:").arg(lines.front().number);
        Error e = r.error();
        if ((!firstLine.isEmpty() && e.detail.startsWith(firstLine)) || e.message.contains(u": it has no ")) {
            e.message += QStringLiteral(" The Junos text forms RouterLens reads for %1 are: %2.").arg(queryKindTitle(kind), formsFor(kind));
            return e;
        }
    }
    return r;
}

namespace {

Result<RecordSet> parseForm(QueryKind kind, const QString &command, const QByteArray &body)
{
    const QString what = command.isEmpty() ? queryKindTitle(kind) : command;
    if (Error e = clitext::cliError(what, body))
        return e;
    const std::vector<Line> lines = contentLines(body);
    if (Error e = junosError(what, lines))
        return e;
    const QString cmd = command.isEmpty() ? guessCommand(kind, body) : command;
    const QString c = cmd.simplified().toLower();
    switch (kind) {
    case QueryKind::Facts:
        if (c.contains(u"chassis hardware"))
            return parseChassisHardware(what, lines, body);
        if (c.contains(u"system uptime"))
            return parseUptime(what, lines, body);
        return parseVersion(what, lines, body);
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors:
        if (c.contains(u" terse") || c.contains(u" descriptions"))
            return parseInterfacesTerse(kind, what, lines, body);
        return parseInterfaceBlocks(kind, what, lines, body);
    case QueryKind::BgpStatus:
        if (c.contains(u"bgp neighbor"))
            return parseBgpNeighbor(what, lines, body);
        return parseBgpSummary(what, cmd, lines, body);
    case QueryKind::ArpTable:
        if (c.contains(u"ipv6 neighbors"))
            return parseIpv6Neighbors(what, lines, body);
        return parseArp(what, cmd, lines, body);
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (c.contains(u" detail") || c.contains(u" extensive") || (command.isEmpty() && body.contains(" announced)")))
            return parseBgpRouteDetail(kind, what, cmd, lines, body);
        return parseBgpRouteTable(kind, what, cmd, lines, body);
    case QueryKind::RouteLookup:
        if (c.contains(u" detail") || c.contains(u" extensive") || (command.isEmpty() && body.contains(" Preference: ")))
            return parseRouteDetail(what, lines, body);
        return parseRouteLookup(what, lines, body);
    case QueryKind::LldpNeighbors:
        if (body.contains("LLDP Neighbor Information:"))
            return parseLldpDetail(what, lines, body);
        return parseLldp(what, lines, body);
    case QueryKind::Optics:
        return parseOptics(what, lines, body);
    }
    return Error(ErrorCode::InternalError, QStringLiteral("Unknown query kind."));
}

} // namespace

QString guessCommand(QueryKind kind, const QByteArray &body)
{
    switch (kind) {
    case QueryKind::Facts:
        if (body.contains("Hardware inventory:") || body.contains("Serial number"))
            return QStringLiteral("show chassis hardware");
        if (body.contains("System booted:") || body.contains("Current time:"))
            return QStringLiteral("show system uptime");
        return QStringLiteral("show version");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors:
        if (body.contains("Physical interface:") || body.contains("Logical interface "))
            return body.contains("Traffic statistics:") || body.contains("Input errors:") ? QStringLiteral("show interfaces extensive")
                                                                                          : QStringLiteral("show interfaces");
        if (body.contains("Description") && !body.contains("Proto"))
            return QStringLiteral("show interfaces descriptions");
        return QStringLiteral("show interfaces terse");
    case QueryKind::BgpStatus:
        if (body.contains("Peer: ") && !body.contains("InPkt"))
            return QStringLiteral("show bgp neighbor");
        return QStringLiteral("show bgp summary");
    case QueryKind::ArpTable:
        if (body.contains("Linklayer Address"))
            return QStringLiteral("show ipv6 neighbors");
        {
            const qsizetype at = body.indexOf("MAC Address");
            const QByteArray header = at < 0 ? QByteArray() : body.mid(at, body.indexOf('\n', at) - at);
            if (header.contains(" Name "))
                return QStringLiteral("show arp");
        }
        return QStringLiteral("show arp no-resolve");
    case QueryKind::ReceivedRoutes:
        return body.contains(" announced)") ? QStringLiteral("show route receive-protocol bgp <neighbor> detail")
                                            : QStringLiteral("show route receive-protocol bgp <neighbor>");
    case QueryKind::AdvertisedRoutes:
        return body.contains(" announced)") ? QStringLiteral("show route advertising-protocol bgp <neighbor> detail")
                                            : QStringLiteral("show route advertising-protocol bgp <neighbor>");
    case QueryKind::RouteLookup:
        if (body.contains(" Preference: "))
            return QStringLiteral("show route <destination> detail");
        return QStringLiteral("show route <destination>");
    case QueryKind::LldpNeighbors:
        if (body.contains("LLDP Neighbor Information:"))
            return QStringLiteral("show lldp neighbors interface <interface>");
        return QStringLiteral("show lldp neighbors");
    case QueryKind::Optics:
        return QStringLiteral("show interfaces diagnostics optics");
    }
    return {};
}

} // namespace rl::junosText
