#include "engine/vendors/arista/arista_eos_text_parsers.h"

#include "engine/vendors/arista/arista_eos_interface_status.h"
#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/common/string_interner.h"

#include <QHash>

#include <cmath>

namespace rl::eosText {

using namespace clitext;

namespace {

// ---- small readers ----------------------------------------------------------------------

QString longName(std::string_view s) { return EosInterfaceStatus::longName(latin1(s)); }

// "2 weeks, 3 days, 4 hours and 5 minutes", "21 minutes, 40 seconds", "1 hour and 5 minutes",
// "5 days, 3:04:05": EOS's uptime and interface state ages.
std::optional<qint64> wordsDuration(std::string_view s)
{
    s = trimmed(s);
    if (s.empty())
        return std::nullopt;
    qint64 total = 0;
    bool any = false;
    size_t b = 0;
    while (b < s.size()) {
        size_t e = s.find(',', b);
        const size_t andAt = s.find(" and ", b);
        size_t next;
        if (andAt != std::string_view::npos && (e == std::string_view::npos || andAt < e)) {
            e = andAt;
            next = andAt + 5;
        } else {
            next = e == std::string_view::npos ? s.size() : e + 1;
        }
        if (e == std::string_view::npos)
            e = s.size();
        const std::string_view part = trimmed(s.substr(b, e - b));
        b = next;
        if (part.empty())
            continue;
        if (part.find(':') != std::string_view::npos) {
            const auto clock = parseDuration(part);
            if (!clock)
                return std::nullopt;
            total += *clock;
            any = true;
            continue;
        }
        const size_t sp = part.find(' ');
        if (sp == std::string_view::npos)
            return std::nullopt;
        const auto n = toInt(part.substr(0, sp));
        const std::string_view unit = trimmed(part.substr(sp + 1));
        if (!n)
            return std::nullopt;
        qint64 mult = 0;
        if (startsWith(unit, "week")) mult = 7 * 86400;
        else if (startsWith(unit, "day")) mult = 86400;
        else if (startsWith(unit, "hour")) mult = 3600;
        else if (startsWith(unit, "minute")) mult = 60;
        else if (startsWith(unit, "second")) mult = 1;
        else return std::nullopt;
        total += *n * mult;
        any = true;
    }
    if (!any)
        return std::nullopt;
    return total;
}

// "N/A", "NA" and "-" are EOS's "no value".
bool isNa(std::string_view s) { return s == "N/A" || s == "NA" || s == "-" || s == "n/a"; }

double realOrNan(std::string_view s)
{
    if (isNa(s))
        return NAN;
    return toReal(s).value_or(NAN);
}

// The rest of a "Key: value" line after the first ':' (trimmed), or empty.
std::string_view afterColon(std::string_view l)
{
    const size_t c = l.find(':');
    return c == std::string_view::npos ? std::string_view() : trimmed(l.substr(c + 1));
}

// A quoted LLDP value without its quotes: "\"Ethernet1\"" -> Ethernet1.
QString unquoted(std::string_view s)
{
    s = trimmed(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = s.substr(1, s.size() - 2);
    return toQString(s);
}

// Column where a header word starts, or -1.
int columnOf(std::string_view header, std::string_view word)
{
    const size_t at = header.find(word);
    return at == std::string_view::npos ? -1 : int(at);
}

// The lines to look at when recognising a form: the first few significant ones.
bool headHas(const QByteArray &body, std::string_view needle, int maxLines = 60)
{
    LineReader reader(body);
    Line l;
    for (int n = 0; n < maxLines && reader.next(l);) {
        if (isBlank(l.text))
            continue;
        ++n;
        if (contains(l.text, needle))
            return true;
    }
    return false;
}

bool headStartsWith(const QByteArray &body, std::string_view prefix, int maxLines = 60)
{
    LineReader reader(body);
    Line l;
    for (int n = 0; n < maxLines && reader.next(l);) {
        if (isBlank(l.text))
            continue;
        ++n;
        if (startsWith(trimmed(l.text), prefix))
            return true;
    }
    return false;
}

// "Ethernet1 is up, line protocol is up (connected)": the first line of an interface.
bool isInterfaceHeadline(std::string_view l, std::string_view *name = nullptr)
{
    if (l.empty() || l[0] == ' ')
        return false;
    const size_t is = l.find(" is ");
    if (is == std::string_view::npos || l.find(", line protocol is ") == std::string_view::npos)
        return false;
    if (name)
        *name = l.substr(0, is);
    return true;
}

Error emptyOutput(const QString &what)
{
    return Error(ErrorCode::ParseError,
                 QStringLiteral("RouterLens could not read the %1 output: it is empty. Paste the whole output, with the prompt line if you can.").arg(what));
}

// An unknown line inside a table: parse-error naming it, never silently dropped.
Error badRow(const QString &what, const Line &line, const char *expected)
{
    return lineError(what, line, QStringLiteral("expected %1").arg(QLatin1String(expected)));
}

// ---- shared pieces of the BGP forms -------------------------------------------------------

// "Router identifier 10.0.1.0, local AS number 65100" (asdot "62222.4003" too).
qint64 localAsOf(std::string_view l)
{
    const size_t at = l.find("local AS number ");
    if (at == std::string_view::npos)
        return -1;
    std::string_view rest = trimmed(l.substr(at + 16));
    const size_t sp = rest.find_first_of(" ,");
    if (sp != std::string_view::npos)
        rest = rest.substr(0, sp);
    return parseAsn(rest).value_or(-1);
}

// "BGP summary information for VRF CUST-A" -> CUST-A
QString vrfAfter(std::string_view l, std::string_view label)
{
    const size_t at = l.find(label);
    if (at == std::string_view::npos)
        return {};
    std::string_view v = trimmed(l.substr(at + label.size()));
    const size_t sp = v.find_first_of(" ,");
    return toQString(sp == std::string_view::npos ? v : v.substr(0, sp));
}

// EOS abbreviates states in the summary: "Estab", "Idle(Admin)", "Idle(NoIf)",
// "Estab(NotNegotiated)". The record keeps the JSON spelling: "Established", "Idle (Admin)".
void setSummaryState(BgpNeighborRecord &r, const QString &state)
{
    QString word = state, reason;
    const qsizetype paren = state.indexOf(QLatin1Char('('));
    if (paren >= 0) {
        word = state.left(paren).trimmed();
        reason = state.mid(paren + 1);
        reason.remove(QLatin1Char(')'));
        reason = reason.trimmed();
    }
    if (word == QLatin1String("Estab"))
        word = QStringLiteral("Established");
    r.state = bgpStateFromName(word);
    r.stateDetail = reason.isEmpty() ? word : QStringLiteral("%1 (%2)").arg(word, reason);
    r.adminEnabled = reason != QLatin1String("Admin");
}

// A neighbor column value: an address, possibly with "%Et1" (link-local over an interface).
bool isPeerAddress(std::string_view s)
{
    const size_t pct = s.find('%');
    return IpAddress::parse(s.substr(0, pct)).has_value();
}

// ---- the recognisers --------------------------------------------------------------------

bool looksLikeVersion(const QByteArray &b) { return headHas(b, "Software image version:") || headHas(b, "Software image version :"); }
bool looksLikeHostname(const QByteArray &b) { return headStartsWith(b, "Hostname:"); }
bool looksLikeInterfaces(const QByteArray &b)
{
    LineReader reader(b);
    Line l;
    for (int n = 0; n < 40 && reader.next(l); ++n)
        if (isInterfaceHeadline(l.text))
            return true;
    return false;
}
bool looksLikeStatus(const QByteArray &b) { return headStartsWith(b, "Port") && headHas(b, "Status") && headHas(b, "Duplex"); }
bool looksLikeDescription(const QByteArray &b) { return headStartsWith(b, "Interface") && headHas(b, "Protocol") && headHas(b, "Description"); }
bool looksLikeIpBrief(const QByteArray &b) { return headStartsWith(b, "Interface") && headHas(b, "IP Address") && headHas(b, "Protocol"); }
bool looksLikeBgpSummary(const QByteArray &b) { return headStartsWith(b, "BGP summary information for VRF"); }
bool looksLikeBgpNeighbors(const QByteArray &b) { return headStartsWith(b, "BGP neighbor is "); }
bool looksLikeArp(const QByteArray &b) { return headStartsWith(b, "Address") && headHas(b, "Hardware Addr") && headHas(b, "Age ("); }
bool looksLikeNd(const QByteArray &b) { return headStartsWith(b, "IPv6 Address") && headHas(b, "Hardware Addr"); }
bool looksLikeLldpSummary(const QByteArray &b) { return headHas(b, "Neighbor Device ID"); }
bool looksLikeLldpDetail(const QByteArray &b) { return headHas(b, "LLDP neighbors:"); }
bool looksLikeBgpTable(const QByteArray &b) { return headStartsWith(b, "BGP routing table information for VRF") && headHas(b, "Network", 80) && headHas(b, "Next Hop", 80); }
bool looksLikeBgpEntry(const QByteArray &b) { return headStartsWith(b, "BGP routing table entry for"); }
bool looksLikeRoute(const QByteArray &b)
{
    if (headStartsWith(b, "Codes: C - connected") || headStartsWith(b, "Source Codes:") || headStartsWith(b, "Gateway of last resort")
        || (headStartsWith(b, "Displaying ") && headHas(b, "routing table entries")))
        return true;
    // A pasted lookup without the code legend: " B E      10.1.0.0/16 [20/0]"
    LineReader reader(b);
    Line l;
    std::vector<Token> t;
    for (int n = 0; n < 10 && reader.next(l); ++n) {
        tokenize(l.text, t);
        if (t.size() >= 2 && t[0].text.size() <= 2 && t[0].text != "VRF:"
            && (IpPrefix::parse(t[1].text) || (t.size() >= 3 && IpPrefix::parse(t[2].text))))
            return true;
    }
    return false;
}
bool looksLikeTransceiverDetail(const QByteArray &b) { return headHas(b, "Threshold") && headHas(b, "High Alarm"); }
bool looksLikeTransceiver(const QByteArray &b) { return headHas(b, "(Celsius)") && headHas(b, "Rx Power"); }

} // namespace

// ---- facts --------------------------------------------------------------------------------

Result<RecordSet> showVersion(const QByteArray &text)
{
    const QString what = QStringLiteral("EOS \"show version\"");
    FactsRecord f;
    f.vendor = QStringLiteral("Arista");
    f.platform = QStringLiteral("arista-eos");
    bool sawVersion = false;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view l = trimmed(line.text);
        if (l.empty() || isPromptLine(line.text))
            continue;
        if (f.model.isEmpty() && startsWith(l, "Arista ") && l.find(':') == std::string_view::npos) {
            f.model = toQString(trimmed(l.substr(7))); // "Arista DCS-7280SR-48C6-F", "Arista vEOS-lab"
        } else if (startsWith(l, "Serial number")) {
            f.serial = toQString(afterColon(l));
        } else if (startsWith(l, "Software image version")) {
            f.osVersion = toQString(afterColon(l));
            sawVersion = true;
        } else if (startsWith(l, "Uptime")) {
            const auto up = wordsDuration(afterColon(l));
            if (!up)
                return lineError(what, line, QStringLiteral("unreadable uptime"));
            f.uptimeSeconds = *up;
        }
    }
    if (!sawVersion)
        return formatError(what, text, QStringLiteral("it has no \"Software image version:\" line"));
    return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
}

Result<RecordSet> showHostname(const QByteArray &text)
{
    const QString what = QStringLiteral("EOS \"show hostname\"");
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view l = trimmed(line.text);
        if (startsWith(l, "Hostname:")) {
            FactsRecord f;
            f.vendor = QStringLiteral("Arista");
            f.platform = QStringLiteral("arista-eos");
            f.hostname = toQString(afterColon(l));
            return RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
        }
    }
    return formatError(what, text, QStringLiteral("it has no \"Hostname:\" line"));
}

// ---- link-status --------------------------------------------------------------------------

Result<RecordSet> showInterfaces(const QByteArray &text)
{
    const QString what = QStringLiteral("EOS \"show interfaces\"");
    QList<InterfaceRecord> rows;
    InterfaceRecord *cur = nullptr;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        std::string_view name;
        if (isInterfaceHeadline(raw, &name)) {
            InterfaceRecord r;
            r.name = toQString(name);
            const size_t is = raw.find(" is ") + 4;
            const size_t comma = raw.find(", line protocol is ");
            const std::string_view admin = raw.substr(is, comma - is);
            r.adminState = admin == "administratively down" ? LinkState::AdminDown : LinkState::Up;
            std::string_view proto = raw.substr(comma + 19);
            const size_t paren = proto.find(" (");
            if (paren != std::string_view::npos)
                proto = proto.substr(0, paren);
            r.operState = linkStateFromName(latin1(trimmed(proto)));
            if (r.operState == LinkState::Unknown && trimmed(proto) != "unknown")
                return lineError(what, line, QStringLiteral("unknown line protocol state"));
            rows.append(r);
            cur = &rows.last();
            continue;
        }
        if (!cur) {
            if (raw[0] != ' ')
                return lineError(what, line, QStringLiteral("expected \"<interface> is up, line protocol is up\""));
            continue;
        }
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "Hardware is ")) {
            const size_t at = l.find("address is ");
            if (at != std::string_view::npos) {
                std::string_view mac = l.substr(at + 11);
                mac = mac.substr(0, mac.find(' '));
                cur->mac = normalizeMac(latin1(mac));
            }
        } else if (startsWith(l, "Description:")) {
            cur->description = toQString(trimmed(l.substr(12)));
        } else if (contains(l, " MTU ") && contains(l, " bytes")) {
            // "IP MTU 1500 bytes (default), BW 1000000 kbit", "Ethernet MTU 9214 bytes , BW 10000000 kbit"
            cur->mtu = numberAfter(l, "MTU ");
            const qint64 bw = numberAfter(l, "BW ");
            if (bw >= 0)
                cur->speedBps = bw * 1000; // kbit
        } else if (startsWith(l, "Up ") || startsWith(l, "Down ")) {
            const auto age = wordsDuration(l.substr(l.find(' ') + 1));
            if (age)
                cur->lastChangeSeconds = *age;
        } else if (contains(l, "packets input")) {
            cur->inPackets = numberBefore(l, "packets input");
        } else if (contains(l, "packets output")) {
            cur->outPackets = numberBefore(l, "packets output");
        } else if (contains(l, "input errors")) {
            cur->inErrors = numberBefore(l, "input errors");
            cur->crcErrors = numberBefore(l, "CRC");
            cur->inDiscards = numberBefore(l, "input discards");
        } else if (contains(l, "output errors")) {
            cur->outErrors = numberBefore(l, "output errors");
            if (contains(l, "output discards")) // port-channels: "0 output errors, 0 output discards"
                cur->outDiscards = numberBefore(l, "output discards");
        } else if (contains(l, "output discards")) {
            cur->outDiscards = numberBefore(l, "output discards");
        }
        // Other detail lines (addresses, rates, PAUSE, members of a port-channel) say nothing
        // the record holds.
    }
    if (rows.isEmpty())
        return formatError(what, text, QStringLiteral("it has no \"<interface> is up, line protocol is up\" line"));
    return RecordSet(QueryKind::LinkStatus, rows);
}

Result<RecordSet> showInterfacesStatus(const QByteArray &text)
{
    auto status = EosInterfaceStatus::parse(text);
    if (!status)
        return status.error();
    QList<InterfaceRecord> rows;
    for (const EosInterfaceStatusRow &s : std::as_const(*status))
        rows.append(EosInterfaceStatus::interfaceRecord(s));
    return RecordSet(QueryKind::LinkStatus, rows);
}

Result<RecordSet> showInterfacesDescription(const QByteArray &text)
{
    // Interface                      Status         Protocol           Description
    // Et1                            admin down     down               to spine1
    const QString what = QStringLiteral("EOS \"show interfaces description\"");
    QList<InterfaceRecord> rows;
    int statusCol = -1, protoCol = -1, descCol = -1;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view l = line.text;
        if (isBlank(l) || isPromptLine(l))
            continue;
        if (statusCol < 0) {
            if (!startsWith(l, "Interface"))
                return lineError(what, line, QStringLiteral("expected the header \"Interface Status Protocol Description\""));
            statusCol = columnOf(l, "Status");
            protoCol = columnOf(l, "Protocol");
            descCol = columnOf(l, "Description");
            if (statusCol < 0 || protoCol < statusCol || descCol < protoCol)
                return lineError(what, line, QStringLiteral("the header has no Status, Protocol and Description columns"));
            continue;
        }
        if (int(l.size()) <= protoCol)
            return badRow(what, line, "interface, status and protocol");
        InterfaceRecord r;
        r.name = longName(trimmed(l.substr(0, size_t(statusCol))));
        const std::string_view st = trimmed(l.substr(size_t(statusCol), size_t(protoCol - statusCol)));
        const std::string_view proto = trimmed(l.substr(size_t(protoCol), size_t(std::max(0, descCol - protoCol))));
        if (r.name.isEmpty() || st.empty() || proto.empty() || r.name.contains(u' '))
            return badRow(what, line, "interface, status and protocol");
        r.adminState = st == "admin down" ? LinkState::AdminDown : LinkState::Up;
        r.operState = linkStateFromName(latin1(proto));
        if (int(l.size()) > descCol)
            r.description = toQString(trimmed(l.substr(size_t(descCol))));
        rows.append(r);
    }
    if (statusCol < 0)
        return formatError(what, text, QStringLiteral("it has no \"Interface Status Protocol Description\" header"));
    return RecordSet(QueryKind::LinkStatus, rows);
}

Result<RecordSet> showIpInterfaceBrief(const QByteArray &text)
{
    //                                                                         Address
    // Interface       IP Address          Status     Protocol          MTU    Owner
    // --------------- ------------------- ---------- ------------- ---------- -------
    // Ethernet1       172.31.250.3/31     up         up               1500
    // Vlan10          unassigned          down       lowerlayerdown   1500
    const QString what = QStringLiteral("EOS \"show ip interface brief\"");
    QList<InterfaceRecord> rows;
    int statusCol = -1, protoCol = -1;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view l = line.text;
        if (isBlank(l) || isPromptLine(l))
            continue;
        if (statusCol < 0) {
            if (trimmed(l) == "Address")
                continue; // the upper half of the two-line "Address Owner" heading
            if (!startsWith(l, "Interface") || !contains(l, "IP Address"))
                return lineError(what, line, QStringLiteral("expected the header \"Interface IP Address Status Protocol MTU\""));
            statusCol = columnOf(l, "Status");
            protoCol = columnOf(l, "Protocol");
            if (statusCol < 0 || protoCol < statusCol)
                return lineError(what, line, QStringLiteral("the header has no Status and Protocol columns"));
            continue;
        }
        if (startsWith(l, "---"))
            continue;
        if (l[0] == ' ')
            continue; // a further address of the interface above, on its own line
        if (int(l.size()) <= protoCol)
            return badRow(what, line, "interface, address, status and protocol");
        InterfaceRecord r;
        tokenize(l.substr(0, size_t(statusCol)), t);
        if (t.size() != 2)
            return badRow(what, line, "interface and IP address");
        r.name = longName(t[0].text);
        const std::string_view st = trimmed(l.substr(size_t(statusCol), size_t(protoCol - statusCol)));
        tokenize(l.substr(size_t(protoCol)), t);
        if (st.empty() || t.empty())
            return badRow(what, line, "a status and a protocol");
        // "admin down" (or "administratively down") is the shutdown; "down" an enabled port without link.
        r.adminState = contains(st, "admin") ? LinkState::AdminDown : LinkState::Up;
        r.operState = linkStateFromName(latin1(t[0].text));
        if (t.size() >= 2) {
            const auto mtu = toInt(t[1].text);
            if (!mtu)
                return lineError(what, line, QStringLiteral("unreadable MTU \"%1\"").arg(latin1(t[1].text)));
            r.mtu = *mtu;
        }
        rows.append(r);
    }
    if (statusCol < 0)
        return formatError(what, text, QStringLiteral("it has no \"Interface IP Address Status Protocol\" header"));
    return RecordSet(QueryKind::LinkStatus, rows);
}

// ---- bgp-status ---------------------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> showBgpSummary(const QByteArray &text, bool ipv6)
{
    // BGP summary information for VRF default
    // Router identifier 10.0.1.0, local AS number 65100
    // Neighbor Status Codes: m - Under maintenance
    //   Description              Neighbor         V AS           MsgRcvd   MsgSent  InQ OutQ  Up/Down State   PfxRcd PfxAcc
    //   to-spine1                10.0.0.1         4 65001           1291      1284    0    0 18:09:41 Estab   21     21
    const QString what = QStringLiteral("EOS \"show %1 bgp summary\"").arg(ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ip"));
    const QString family = ipv6 ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
    QList<BgpNeighborRecord> rows;
    QString vrf;
    qint64 localAs = -1;
    bool inTable = false, sawHeader = false;
    int neighborCol = -1;
    bool descriptionCol = false;
    // A row whose neighbor is so long that the rest wrapped onto the next line.
    QString pendingDesc, pendingPeer;
    int pendingLine = 0;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    auto readRest = [&](const QString &desc, const QString &peer, const std::vector<Token> &tok, size_t from, const Line &at) -> Error {
        // V AS MsgRcvd MsgSent InQ OutQ Up/Down State [PfxRcd PfxAcc]
        if (tok.size() < from + 8)
            return badRow(what, at, "neighbor, V, AS, MsgRcvd, MsgSent, InQ, OutQ, Up/Down and State");
        BgpNeighborRecord r;
        r.vrf = vrf;
        r.neighbor = peer;
        r.description = desc;
        r.addressFamily = family;
        r.localAs = localAs;
        const auto as = parseAsn(tok[from + 1].text);
        const auto up = parseDuration(tok[from + 6].text);
        if (!as || !up || !isDigits(tok[from].text))
            return badRow(what, at, "the version, an AS number and an Up/Down time");
        r.remoteAs = *as;
        r.uptimeSeconds = *up;
        size_t i = from + 7;
        QString state = latin1(tok[i++].text);
        if (i < tok.size() && startsWith(tok[i].text, "(")) // "Idle (Admin)" printed with a blank
            state += latin1(tok[i++].text);
        setSummaryState(r, state);
        if (i < tok.size()) {
            const auto rcvd = toInt(tok[i].text);
            if (!rcvd)
                return badRow(what, at, "a PfxRcd count after the state");
            r.prefixesReceived = *rcvd;
            ++i;
        }
        if (i < tok.size()) {
            const auto acc = toInt(tok[i].text);
            if (!acc)
                return badRow(what, at, "a PfxAcc count");
            r.prefixesAccepted = *acc;
            ++i;
        }
        if (i != tok.size())
            return badRow(what, at, "nothing after PfxAcc");
        rows.append(r);
        return {};
    };
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "BGP summary information for VRF")) {
            if (!pendingPeer.isEmpty())
                return badRow(what, line, "the rest of the wrapped row above");
            vrf = vrfAfter(l, "for VRF ");
            localAs = -1;
            inTable = false;
            sawHeader = true;
            continue;
        }
        if (!sawHeader)
            return lineError(what, line, QStringLiteral("expected \"BGP summary information for VRF ...\""));
        if (startsWith(l, "Router identifier")) {
            localAs = localAsOf(l);
            continue;
        }
        if (startsWith(l, "Neighbor Status Codes"))
            continue;
        if ((startsWith(l, "Neighbor ") || startsWith(l, "Description ")) && contains(l, "MsgRcvd")) {
            neighborCol = columnOf(raw, "Neighbor");
            descriptionCol = startsWith(l, "Description ");
            inTable = true;
            continue;
        }
        if (!inTable)
            return lineError(what, line, QStringLiteral("expected the \"Neighbor V AS MsgRcvd ...\" header"));
        tokenize(raw, t);
        if (!pendingPeer.isEmpty()) {
            const QString desc = pendingDesc, peer = pendingPeer;
            pendingPeer.clear();
            if (Error e = readRest(desc, peer, t, 0, line))
                return e;
            continue;
        }
        // The neighbor is the first address; what stands before it is the description.
        size_t at = 0;
        while (at < t.size() && !(t[at].column >= neighborCol - 1 && isPeerAddress(t[at].text)))
            ++at;
        if (at == t.size())
            return badRow(what, line, "a neighbor address");
        // Without a Description column, what stands before the neighbor is its status code
        // ("m" under maintenance), not a description.
        const QString desc = at == 0 || !descriptionCol ? QString() : toQString(trimmed(raw.substr(0, size_t(t[at].column))));
        const QString peer = latin1(t[at].text);
        if (at + 1 == t.size()) {
            pendingDesc = desc;
            pendingPeer = peer;
            pendingLine = line.number;
            continue;
        }
        if (Error e = readRest(desc, peer, t, at + 1, line))
            return e;
    }
    if (!pendingPeer.isEmpty())
        return Error(ErrorCode::ParseError,
                     QStringLiteral("RouterLens could not read the %1 output: the row of neighbor %2 (line %3) ends before its columns; the output looks cut short.")
                         .arg(what, pendingPeer).arg(pendingLine));
    if (!sawHeader)
        return formatError(what, text, QStringLiteral("it has no \"BGP summary information for VRF\" line"));
    return RecordSet(QueryKind::BgpStatus, rows);
}

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> showBgpNeighbors(const QByteArray &text, bool ipv6)
{
    // BGP neighbor is 10.0.0.2, remote AS 65001, external link
    //  Description: to-isp-a
    //   BGP version 4, remote router ID 10.255.0.2, VRF default
    //   ...
    //   BGP state is Established, up for 5d02h
    //   ...
    //   Prefix Statistics:
    //                          Sent      Rcvd     Best Paths     Best ECMP Paths
    //     IPv4 Unicast:           5        12             12                   0
    // Local AS is 65000, local router ID 10.255.0.1
    const QString what = QStringLiteral("EOS \"show %1 bgp neighbors\"").arg(ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ip"));
    QList<BgpNeighborRecord> rows;
    BgpNeighborRecord *cur = nullptr;
    qint64 sentAge = -1, rcvdAge = -1;
    bool negotiated[2] = {false, false};                // IPv4, IPv6 unicast
    qint64 counts[2][2] = {{-1, -1}, {-1, -1}};         // [family][sent, received]
    QString sentNote, rcvdNote;
    auto finish = [&]() {
        if (!cur)
            return;
        // The most recent notification, sent or received, is the last error.
        if (!rcvdNote.isEmpty() && (sentNote.isEmpty() || (rcvdAge >= 0 && (sentAge < 0 || rcvdAge <= sentAge))))
            cur->lastError = QStringLiteral("received: %1").arg(rcvdNote);
        else if (!sentNote.isEmpty())
            cur->lastError = QStringLiteral("sent: %1").arg(sentNote);
        sentNote.clear();
        rcvdNote.clear();
        sentAge = rcvdAge = -1;
        // One record per negotiated unicast family, as the summaries give one per family: an
        // IPv6 peer may carry IPv4 routes (RFC 8950) and a peer both. A peer that never came up
        // negotiated nothing: it keeps the family of its address.
        const bool v4 = negotiated[0], v6 = negotiated[1];
        if (v4 || v6) {
            BgpNeighborRecord base = *cur;
            cur->addressFamily = v4 ? QStringLiteral("ipv4-unicast") : QStringLiteral("ipv6-unicast");
            cur->prefixesSent = counts[v4 ? 0 : 1][0];
            cur->prefixesReceived = counts[v4 ? 0 : 1][1];
            if (v4 && v6) {
                base.addressFamily = QStringLiteral("ipv6-unicast");
                base.prefixesSent = counts[1][0];
                base.prefixesReceived = counts[1][1];
                rows.append(base);
            }
        } else {
            const int f = cur->addressFamily == u"ipv6-unicast" ? 1 : 0;
            cur->prefixesSent = counts[f][0];
            cur->prefixesReceived = counts[f][1];
        }
        negotiated[0] = negotiated[1] = false;
        counts[0][0] = counts[0][1] = counts[1][0] = counts[1][1] = -1;
        cur = nullptr;
    };
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "BGP neighbor is ")) {
            finish();
            std::string_view rest = l.substr(16);
            const size_t comma = rest.find(',');
            BgpNeighborRecord r;
            r.neighbor = latin1(rest.substr(0, comma));
            const size_t ras = l.find("remote AS ");
            if (ras == std::string_view::npos || !isPeerAddress(rest.substr(0, comma)))
                return lineError(what, line, QStringLiteral("expected \"BGP neighbor is <address>, remote AS <n>\""));
            std::string_view as = l.substr(ras + 10);
            as = as.substr(0, as.find(','));
            const auto asn = parseAsn(as);
            if (!asn)
                return lineError(what, line, QStringLiteral("unreadable remote AS"));
            r.remoteAs = *asn;
            r.vrf = QStringLiteral("default");
            r.addressFamily = r.neighbor.contains(u':') ? QStringLiteral("ipv6-unicast") : QStringLiteral("ipv4-unicast");
            rows.append(r);
            cur = &rows.last();
            continue;
        }
        if (!cur)
            return lineError(what, line, QStringLiteral("expected \"BGP neighbor is ...\""));
        if (startsWith(l, "Description:")) {
            cur->description = toQString(trimmed(l.substr(12)));
        } else if (startsWith(l, "BGP version")) {
            const size_t id = l.find("remote router ID ");
            if (id != std::string_view::npos) {
                std::string_view rid = l.substr(id + 17);
                cur->remoteRouterId = latin1(rid.substr(0, rid.find(',')));
            }
            const QString v = vrfAfter(l, ", VRF ");
            if (!v.isEmpty())
                cur->vrf = v;
        } else if (startsWith(l, "BGP state is ")) {
            std::string_view st = l.substr(13);
            const size_t comma = st.find(',');
            const std::string_view word = trimmed(st.substr(0, comma));
            const std::string_view tail = comma == std::string_view::npos ? std::string_view() : trimmed(st.substr(comma + 1));
            cur->state = bgpStateFromName(latin1(word));
            cur->stateDetail = latin1(word);
            if (contains(tail, "Administratively shut down") || contains(tail, "administratively shut")) {
                cur->adminEnabled = false;
                cur->stateDetail = QStringLiteral("%1 (Admin)").arg(latin1(word));
            }
            for (std::string_view label : {std::string_view("up for "), std::string_view("down for "), std::string_view("since ")}) {
                const size_t at = tail.find(label);
                if (at != std::string_view::npos) {
                    std::string_view d = tail.substr(at + label.size());
                    d = d.substr(0, d.find(','));
                    if (const auto secs = parseDuration(trimmed(d)))
                        cur->uptimeSeconds = *secs;
                }
            }
        } else if (startsWith(l, "Last sent notification:") || startsWith(l, "Last rcvd notification:")) {
            const bool sent = startsWith(l, "Last sent");
            std::string_view note = l.substr(l.find(':') + 1);
            const size_t lt = note.find(", Last time ");
            qint64 age = -1;
            if (lt != std::string_view::npos) {
                std::string_view d = note.substr(lt + 12);
                d = d.substr(0, d.find(','));
                age = parseDuration(trimmed(d)).value_or(-1);
                note = note.substr(0, lt);
            }
            (sent ? sentNote : rcvdNote) = toQString(trimmed(note));
            (sent ? sentAge : rcvdAge) = age;
        } else if (startsWith(l, "IPv4 Unicast:") || startsWith(l, "IPv6 Unicast:")) {
            // In "Prefix Statistics" only: sent, received, best paths, best ECMP paths. The
            // capability lines ("IPv4 Unicast: advertised and received ...") have no numbers.
            tokenize(l, t);
            const int f = startsWith(l, "IPv6") ? 1 : 0;
            if (t.size() >= 4 && isDigits(t[2].text) && isDigits(t[3].text)) {
                counts[f][0] = *toInt(t[2].text);
                counts[f][1] = *toInt(t[3].text);
            }
        } else if (startsWith(l, "Multiprotocol IPv4 Unicast:") || startsWith(l, "Multiprotocol IPv6 Unicast:")) {
            if (contains(l, "negotiated"))
                negotiated[contains(l, "IPv6") ? 1 : 0] = true;
        } else if (startsWith(l, "Local AS is ")) {
            std::string_view as = l.substr(12);
            as = as.substr(0, as.find(','));
            cur->localAs = parseAsn(trimmed(as)).value_or(-1);
        }
    }
    finish();
    if (rows.isEmpty())
        return formatError(what, text, QStringLiteral("it has no \"BGP neighbor is\" line"));
    return RecordSet(QueryKind::BgpStatus, rows);
}

// ---- arp-table ----------------------------------------------------------------------------

Result<RecordSet> showIpArp(const QByteArray &text, const QString &commandVrf)
{
    // Address         Age (sec)  Hardware Addr   Interface
    // 10.0.1.2          0:01:12  001c.7300.0002  Ethernet1
    // 10.10.100.9           N/A  001c.7300.0009  Vlan100, not learned
    // Older EOS: "Age (min)" in whole minutes.
    const QString what = QStringLiteral("EOS \"show ip arp\"");
    QList<ArpRecord> rows;
    QString vrf = commandVrf.isEmpty() ? QStringLiteral("default") : commandVrf;
    bool header = false, minutes = false;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "VRF:")) {
            vrf = toQString(afterColon(l));
            continue;
        }
        if (startsWith(l, "Address") && contains(l, "Hardware Addr")) {
            header = true;
            minutes = contains(l, "(min)");
            continue;
        }
        if (!header)
            return lineError(what, line, QStringLiteral("expected the header \"Address Age (sec) Hardware Addr Interface\""));
        tokenize(l, t);
        if (t.size() < 4 || !IpAddress::parse(t[0].text))
            return badRow(what, line, "address, age, hardware address and interface");
        ArpRecord r;
        r.vrf = vrf;
        r.ip = latin1(t[0].text);
        if (!isNa(t[1].text)) {
            const auto age = minutes ? toInt(t[1].text) : parseDuration(t[1].text);
            if (!age)
                return lineError(what, line, QStringLiteral("unreadable age \"%1\"").arg(latin1(t[1].text)));
            r.ageSeconds = minutes ? *age * 60 : *age;
        }
        if (t[2].text == "(incomplete)" || t[2].text == "incomplete") {
            r.state = NeighborState::Incomplete;
        } else {
            r.mac = normalizeMac(latin1(t[2].text));
            if (r.mac.isEmpty())
                return lineError(what, line, QStringLiteral("unreadable hardware address \"%1\"").arg(latin1(t[2].text)));
            r.state = NeighborState::Complete;
        }
        // "Vlan100, Ethernet3": the routed interface, then the port the MAC was learned on.
        std::string_view ifname = t[3].text;
        if (!ifname.empty() && ifname.back() == ',')
            ifname.remove_suffix(1);
        r.interfaceName = longName(ifname);
        rows.append(r);
    }
    if (!header)
        return formatError(what, text, QStringLiteral("it has no \"Address Age Hardware Addr Interface\" header"));
    return RecordSet(QueryKind::ArpTable, rows);
}

Result<RecordSet> showIpv6Neighbors(const QByteArray &text, const QString &commandVrf)
{
    // IPv6 Address                                  Age Hardware Addr    State Interface
    // fe80::101:1                               0:00:02 5000.0072.8b31   REACH Et1
    const QString what = QStringLiteral("EOS \"show ipv6 neighbors\"");
    QList<ArpRecord> rows;
    QString vrf = commandVrf.isEmpty() ? QStringLiteral("default") : commandVrf;
    bool header = false;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "VRF:")) {
            vrf = toQString(afterColon(l));
            continue;
        }
        if (startsWith(l, "IPv6 Address") && contains(l, "Hardware Addr")) {
            header = true;
            continue;
        }
        if (!header)
            return lineError(what, line, QStringLiteral("expected the header \"IPv6 Address Age Hardware Addr State Interface\""));
        tokenize(l, t);
        if (t.size() < 5 || !IpAddress::parse(t[0].text))
            return badRow(what, line, "address, age, hardware address, state and interface");
        ArpRecord r;
        r.vrf = vrf;
        r.ip = latin1(t[0].text);
        if (!isNa(t[1].text)) {
            const auto age = parseDuration(t[1].text);
            if (!age)
                return lineError(what, line, QStringLiteral("unreadable age \"%1\"").arg(latin1(t[1].text)));
            r.ageSeconds = *age;
        }
        r.mac = normalizeMac(latin1(t[2].text));
        const std::string_view st = t[3].text;
        if (st == "REACH") r.state = NeighborState::Reachable;
        else if (st == "STALE") r.state = NeighborState::Stale;
        else if (st == "DELAY") r.state = NeighborState::Delay;
        else if (st == "PROBE") r.state = NeighborState::Probe;
        else if (st == "INCMP" || st == "INCOMPLETE") r.state = NeighborState::Incomplete;
        else if (st == "PERM" || st == "PERMANENT") r.state = NeighborState::Permanent;
        else if (st == "FAILED") r.state = NeighborState::Failed;
        else return lineError(what, line, QStringLiteral("unknown neighbor state \"%1\"").arg(latin1(st)));
        std::string_view ifname = t[4].text;
        if (!ifname.empty() && ifname.back() == ',')
            ifname.remove_suffix(1);
        r.interfaceName = longName(ifname);
        rows.append(r);
    }
    if (!header)
        return formatError(what, text, QStringLiteral("it has no \"IPv6 Address Age Hardware Addr State Interface\" header"));
    return RecordSet(QueryKind::ArpTable, rows);
}

// ---- lldp-neighbors -----------------------------------------------------------------------

Result<RecordSet> showLldpNeighbors(const QByteArray &text)
{
    // Last table change time   : 0:00:02 ago
    // ...
    // Port          Neighbor Device ID       Neighbor Port ID    TTL
    // ---------- ------------------------ ---------------------- ---
    // Et1           spine1.lab               Ethernet13          120
    const QString what = QStringLiteral("EOS \"show lldp neighbors\"");
    QList<LldpNeighborRecord> rows;
    int portIdCol = -1;
    bool header = false;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (!header) {
            if (startsWith(l, "Port") && contains(l, "Neighbor Device ID")) {
                header = true;
                portIdCol = columnOf(raw, "Neighbor Port ID");
                continue;
            }
            if (startsWith(l, "Last table change") || startsWith(l, "Number of table"))
                continue;
            return lineError(what, line, QStringLiteral("expected the header \"Port Neighbor Device ID Neighbor Port ID TTL\""));
        }
        if (startsWith(l, "---"))
            continue;
        tokenize(raw, t);
        if (t.size() < 4 || !isDigits(t.back().text))
            return badRow(what, line, "port, neighbor device ID, neighbor port ID and TTL");
        LldpNeighborRecord r;
        r.localInterface = longName(t[0].text);
        // The port ID starts under its header when the device ID fits its column; else it is
        // the last word before the TTL.
        size_t portAt = t.size() - 2;
        for (size_t i = 2; i + 1 < t.size(); ++i)
            if (t[i].column == portIdCol) {
                portAt = i;
                break;
            }
        const int devFrom = t[1].column, devTo = t[portAt - 1].end();
        r.remoteSystemName = toQString(raw.substr(size_t(devFrom), size_t(devTo - devFrom)));
        const int pFrom = t[portAt].column, pTo = t[t.size() - 2].end();
        r.remotePortId = toQString(raw.substr(size_t(pFrom), size_t(pTo - pFrom)));
        rows.append(r);
    }
    if (!header)
        return formatError(what, text, QStringLiteral("it has no \"Port Neighbor Device ID\" header"));
    return RecordSet(QueryKind::LldpNeighbors, rows);
}

Result<RecordSet> showLldpNeighborsDetail(const QByteArray &text)
{
    // Interface Ethernet1 detected 1 LLDP neighbors:
    //
    //   Neighbor 2cc2.6081.eaf9/"Ethernet1", age 12 seconds
    //   Discovered 0:01:11 ago; Last changed 0:01:11 ago
    //   - Chassis ID type: MAC address (4)
    //     Chassis ID     : 2cc2.6081.eaf9
    //   ...
    const QString what = QStringLiteral("EOS \"show lldp neighbors detail\"");
    QList<LldpNeighborRecord> rows;
    QString local;
    bool sawInterface = false;
    LldpNeighborRecord *cur = nullptr;
    auto capsText = [](std::string_view list) {
        // "Bridge, Router" -> "bridge,router"; "WLAN Access Point" -> "wlanAccessPoint" (the
        // JSON form's member names)
        QStringList out;
        for (const QString &c : toQString(list).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList words = c.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QString name;
            for (qsizetype i = 0; i < words.size(); ++i) {
                const QString w = words[i].toLower();
                name += i == 0 ? w : w.left(1).toUpper() + w.mid(1);
            }
            if (!name.isEmpty() && name != u"none")
                out << name;
        }
        return out.join(QLatin1Char(','));
    };
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        std::string_view l = trimmed(raw);
        if (startsWith(l, "Interface ") && contains(l, " LLDP neighbors")) {
            std::string_view n = l.substr(10);
            local = longName(n.substr(0, n.find(' ')));
            sawInterface = true;
            cur = nullptr;
            continue;
        }
        if (!sawInterface) {
            if (startsWith(l, "Last table change") || startsWith(l, "Number of table"))
                continue;
            return lineError(what, line, QStringLiteral("expected \"Interface <name> detected <n> LLDP neighbors:\""));
        }
        if (startsWith(l, "Neighbor ") && contains(l, ", age ")) {
            rows.append(LldpNeighborRecord{});
            cur = &rows.last();
            cur->localInterface = local;
            continue;
        }
        if (!cur)
            return lineError(what, line, QStringLiteral("expected \"Neighbor <chassis>/<port>, age <n> seconds\""));
        if (startsWith(l, "- "))
            l = trimmed(l.substr(2));
        if (startsWith(l, "Chassis ID") && !startsWith(l, "Chassis ID type")) {
            cur->remoteChassisId = unquoted(afterColon(l));
        } else if (startsWith(l, "Port ID") && !startsWith(l, "Port ID type") && cur->remotePortId.isEmpty()) {
            cur->remotePortId = unquoted(afterColon(l));
        } else if (startsWith(l, "Port Description:")) {
            cur->remotePortDescription = unquoted(afterColon(l));
        } else if (startsWith(l, "System Name:")) {
            cur->remoteSystemName = unquoted(afterColon(l));
        } else if (startsWith(l, "Enabled Capabilities")) {
            cur->capabilities = capsText(afterColon(l));
        } else if (startsWith(l, "Management Address") && !startsWith(l, "Management Address Subtype")) {
            if (cur->remoteMgmtAddress.isEmpty())
                cur->remoteMgmtAddress = toQString(afterColon(l));
        }
        // Everything else (TTL, VLAN, link aggregation, MAU, unknown TLVs in hex) is not in
        // the record.
    }
    if (!sawInterface)
        return formatError(what, text, QStringLiteral("it has no \"Interface ... detected ... LLDP neighbors\" line"));
    return RecordSet(QueryKind::LldpNeighbors, rows);
}

// ---- route-lookup -------------------------------------------------------------------------

namespace {

// The route codes of "show ip route", as the JSON form names the route types.
QString routeTypeOf(const QString &code)
{
    static const std::pair<const char *, const char *> codes[] = {
        {"C", "connected"}, {"S", "static"}, {"K", "kernel"}, {"B E", "eBGP"}, {"B I", "iBGP"}, {"B", "bgp"},
        {"O", "ospfIntraArea"}, {"O IA", "ospfInterArea"}, {"O E1", "ospfExternalType1"}, {"O E2", "ospfExternalType2"},
        {"O N1", "ospfNssaExternalType1"}, {"O N2", "ospfNssaExternalType2"}, {"O3", "ospfv3"},
        {"I L1", "isisLevel1"}, {"I L2", "isisLevel2"}, {"I", "isis"}, {"R", "rip"},
        {"A B", "bgpAggregate"}, {"A O", "ospfSummary"}, {"NG", "nexthopGroupStaticRoute"},
        {"V", "vcs"}, {"DH", "dhcp"}, {"M", "martian"}, {"DP", "dynamicPolicy"}, {"L", "vrfLeaked"},
        {"G", "gribi"}, {"RC", "routeCache"},
    };
    for (const auto &[c, name] : codes)
        if (code == QLatin1String(c))
            return QLatin1String(name);
    return code;
}

} // namespace

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<RecordSet> showIpRoute(const QByteArray &text)
{
    //  B E      10.1.0.0/16 [20/0]
    //            via 10.0.1.2, Ethernet1
    //            via 10.0.1.6, Ethernet2
    //  C        10.0.1.0/31 is directly connected, Ethernet1
    //  S        0.0.0.0/0 [1/0] via 10.73.254.253, Management1
    const QString what = QStringLiteral("EOS \"show ip route\"");
    QList<RouteRecord> rows;
    RouteRecord base;
    bool haveRoute = false, sawShape = false, viaSeen = false;
    std::vector<Token> t;
    // "via 10.0.1.2, Ethernet1" / "via Loopback0, directly connected" / "is directly connected, Et1"
    auto addVia = [&](std::string_view rest, const Line &at) -> Error {
        rest = trimmed(rest);
        RouteRecord r = base;
        bool backup = false;
        if (startsWith(rest, "backup via ")) { // a precomputed repair path (TI-LFA, FRR)
            backup = true;
            rest = rest.substr(7);
        }
        if (startsWith(rest, "is directly connected") || startsWith(rest, "directly connected")) {
            const size_t c = rest.find(',');
            if (c != std::string_view::npos)
                r.interfaceName = toQString(trimmed(rest.substr(c + 1)));
        } else if (startsWith(rest, "via VTEP ")) {
            // EVPN: "via VTEP 10.255.255.12 VNI 201 router-mac 00:0c:29:78:c5:2d"
            std::string_view v = rest.substr(9);
            if (const auto nh = IpAddress::parse(v.substr(0, v.find(' '))))
                r.nextHop = *nh;
            else
                return badRow(what, at, "the VTEP address after \"via VTEP\"");
            if (const size_t li = v.find("local-interface "); li != std::string_view::npos) {
                const std::string_view ifname = v.substr(li + 16);
                r.interfaceName = toQString(ifname.substr(0, ifname.find(' ')));
            }
        } else if (startsWith(rest, "via ")) {
            std::string_view v = rest.substr(4);
            const size_t c = v.find(',');
            const std::string_view first = trimmed(v.substr(0, c));
            const std::string_view second = c == std::string_view::npos ? std::string_view() : trimmed(v.substr(c + 1));
            if (const auto nh = IpAddress::parse(first)) {
                r.nextHop = *nh;
                r.interfaceName = toQString(second.substr(0, second.find_first_of(", "))); // "Ethernet1, label 16"
            } else {
                r.interfaceName = toQString(first); // "via Loopback0, directly connected"
            }
        } else {
            return badRow(what, at, "\"via <next hop>, <interface>\" or \"is directly connected\"");
        }
        r.best = !viaSeen && !backup;
        viaSeen = true;
        rows.append(r);
        return {};
    };
    LineReader reader(text);
    Line line;
    bool inCodes = false;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "VRF:") || startsWith(l, "Gateway of last resort") || startsWith(l, "! ")
            || (startsWith(l, "Displaying ") && contains(l, "routing table entries"))) {
            inCodes = false;
            sawShape = true;
            continue;
        }
        if (startsWith(l, "Codes:") || startsWith(l, "Source Codes:")) {
            inCodes = true;
            sawShape = true;
            continue;
        }
        if (inCodes && contains(l, " - ") && !startsWith(l, "via "))
            continue; // the legend's continuation lines
        inCodes = false;
        if (startsWith(l, "via ") || startsWith(l, "backup via ") || startsWith(l, "is directly connected")
            || startsWith(l, "directly connected")) {
            if (!haveRoute)
                return badRow(what, line, "a route before its next hops");
            if (Error e = addVia(l, line))
                return e;
            continue;
        }
        // The code starts in column 1 (older releases) or 0 (4.3x): "O        10.1.1.0/31 [110/20]".
        tokenize(l, t);
        size_t p = 0;
        while (p < t.size() && p < 3 && !IpPrefix::parse(t[p].text))
            ++p;
        if (p == 0 || p >= t.size() || p == 3)
            return badRow(what, line, "a route code and a prefix");
        if (haveRoute && !viaSeen)
            rows.append(base); // a route printed without any next hop
        base = RouteRecord();
        base.prefix = *IpPrefix::parse(t[p].text);
        base.protocol = routeTypeOf(toQString(l.substr(0, size_t(t[p - 1].end()))).simplified());
        haveRoute = true;
        sawShape = true;
        viaSeen = false;
        size_t next = p + 1;
        if (next < t.size() && startsWith(t[next].text, "[")) {
            std::string_view am = t[next].text; // "[20/0]"
            const size_t slash = am.find('/');
            if (slash == std::string_view::npos || am.back() != ']')
                return lineError(what, line, QStringLiteral("unreadable [distance/metric]"));
            base.med = toInt(am.substr(slash + 1, am.size() - slash - 2)).value_or(-1);
            ++next;
        }
        if (next < t.size()) {
            if (Error e = addVia(l.substr(size_t(t[next].column)), line))
                return e;
        }
    }
    if (haveRoute && !viaSeen)
        rows.append(base);
    if (!sawShape)
        return formatError(what, text, QStringLiteral("it has no route codes, \"VRF:\" or route lines"));
    return RecordSet(QueryKind::RouteLookup, rows);
}

Result<RecordSet> showBgpEntryDetail(const QByteArray &text)
{
    // BGP routing table entry for 10.1.0.0/16
    //  Paths: 2 available
    //   65001 65002
    //     10.0.1.2 from 10.0.1.2 (10.255.0.2)
    //       Origin IGP, metric 0, localpref 100, IGP metric 1, weight 0, received 2d03h ago, valid, external, best
    //       Community: 65001:100 no-export
    const QString what = QStringLiteral("EOS \"show ip bgp <prefix>\"");
    QList<RouteRecord> rows;
    IpPrefix prefix;
    bool havePrefix = false;
    QString pendingPath;
    bool havePath = false, inAdvertised = false;
    RouteRecord *cur = nullptr;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "BGP routing table information") || startsWith(l, "Router identifier"))
            continue;
        if (startsWith(l, "BGP routing table entry for ")) {
            std::string_view p = trimmed(l.substr(28));
            p = p.substr(0, p.find(','));
            const auto pf = IpPrefix::parse(p);
            if (!pf)
                return lineError(what, line, QStringLiteral("unreadable prefix"));
            prefix = *pf;
            havePrefix = true;
            cur = nullptr;
            havePath = false;
            inAdvertised = false;
            continue;
        }
        if (startsWith(l, "Advertised to") || startsWith(l, "Not advertised")) {
            inAdvertised = true; // the peers (and peer groups) the entry went to, up to the next entry
            continue;
        }
        if (inAdvertised)
            continue;
        if (!havePrefix)
            return lineError(what, line, QStringLiteral("expected \"BGP routing table entry for <prefix>\""));
        if (startsWith(l, "Paths:") || startsWith(l, "Rx SAFI") || startsWith(l, "Rx path id") || startsWith(l, "Originator:")
            || startsWith(l, "Remote SRv6 SID") || startsWith(l, "Tunnel RIB"))
            continue;
        if (startsWith(l, "Origin ")) {
            if (!cur)
                return badRow(what, line, "a next hop line before the origin");
            // "Origin IGP, metric 0, localpref 100, IGP metric 1, weight 0, received ..., valid, external, best"
            std::string_view o = l.substr(7);
            cur->origin = routeOriginFromName(latin1(o.substr(0, o.find(','))).toLower());
            const size_t m = l.find(", metric ");
            if (m != std::string_view::npos)
                cur->med = toInt(l.substr(m + 9, l.find(',', m + 9) - m - 9)).value_or(-1);
            cur->localPref = numberAfter(l, "localpref ");
            cur->best = contains(l, ", best");
            cur->valid = contains(l, "valid");
            continue;
        }
        if (startsWith(l, "Received ") && cur) { // newer EOS moves "Received ... ago, valid, external, best" here
            cur->best = cur->best || contains(l, ", best");
            cur->valid = contains(l, "valid");
            continue;
        }
        if (startsWith(l, "Community:")) {
            if (cur)
                cur->communities = toQString(afterColon(l));
            continue;
        }
        if (startsWith(l, "Extended Community:") || startsWith(l, "Large Community:"))
            continue;
        if (contains(l, " from ")) {
            // "10.0.1.2 from 10.0.1.2 (10.255.0.2)"
            const std::string_view nh = l.substr(0, l.find(' '));
            RouteRecord r;
            r.prefix = prefix;
            r.protocol = QStringLiteral("bgp");
            if (const auto a = IpAddress::parse(nh.substr(0, nh.find('%'))))
                r.nextHop = *a;
            r.asPath = havePath ? pendingPath : QString();
            rows.append(r);
            cur = &rows.last();
            continue;
        }
        // The AS path line: "65001 65002", "Local", "Local (Received from a RR-client)"
        if (startsWith(l, "Local")) {
            pendingPath.clear();
        } else {
            pendingPath = toQString(l);
        }
        havePath = true;
    }
    if (!havePrefix)
        return formatError(what, text, QStringLiteral("it has no \"BGP routing table entry for\" line"));
    return RecordSet(QueryKind::RouteLookup, rows);
}

// Long on purpose: the full-table hot path bench/parsers measures: one loop, its state in locals.
Result<RecordSet> showBgpTable(QueryKind kind, const QByteArray &text)
{
    //           Network                Next Hop              Metric  AIGP       LocPref Weight  Path
    //  * >      10.0.101.0/32          fe80::101:1%Et1       0       -          100     0       65101 i
    //  * >Ec    10.0.102.0/32          fe80::2:1%Et2         0       -          100     0       65100 65102 i
    const QString what = QStringLiteral("EOS BGP table (\"show ip bgp ...\")");
    QList<RouteRecord> rows;
    rows.reserve(text.size() / 96 + 8); // a row is about a hundred characters
    adviseHugePages(rows);              // see big_list.h: page faults cost more than the parse
    int networkCol = -1;
    int fixedCols = 0; // columns between Next Hop and Path: Metric [AIGP] LocPref Weight
    bool sawInfo = false;
    QString pendingStatus;
    std::optional<IpPrefix> pendingPrefix;
    std::vector<Token> t;
    // Full tables repeat the same paths: one shared string per distinct path.
    StringInterner paths;
    auto readRow = [&](std::string_view status, std::optional<IpPrefix> prefix, std::string_view raw,
                       const std::vector<Token> &tok, size_t from, const Line &at) -> Error {
        // Next Hop, Metric, [AIGP,] LocPref, Weight, Path..., origin
        if (tok.size() < from + size_t(fixedCols) + 2)
            return badRow(what, at, "next hop, metric, local preference, weight and path");
        RouteRecord &r = rows.emplaceBack(); // in place: full tables have a million rows
        r.prefix = *prefix;
        // As the JSON form of received/advertised routes: a route of a BGP table needs no
        // protocol; a lookup in the BGP table names it.
        if (kind == QueryKind::RouteLookup)
            r.protocol = QStringLiteral("bgp");
        r.valid = contains(status, "*");
        r.best = contains(status, ">");
        const std::string_view nh = tok[from].text;
        if (!isNa(nh)) {
            const size_t pct = nh.find('%');
            const auto a = IpAddress::parse(nh.substr(0, pct));
            if (!a)
                return lineError(what, at, QStringLiteral("unreadable next hop \"%1\"").arg(latin1(nh)));
            r.nextHop = *a;
            if (pct != std::string_view::npos)
                r.interfaceName = longName(nh.substr(pct + 1));
        }
        const std::string_view metric = tok[from + 1].text;
        const std::string_view lp = tok[from + size_t(fixedCols) - 1].text;
        if (!isNa(metric))
            r.med = toInt(metric).value_or(-1);
        if (!isNa(lp))
            r.localPref = toInt(lp).value_or(-1);
        const size_t pathFrom = from + size_t(fixedCols) + 1;
        // The path ends in the origin code; reflected routes carry their attributes after it
        // ("65001 i Or-ID: 10.255.0.2 C-LST: 10.255.0.1"), which the record does not hold.
        size_t originAt = tok.size() - 1;
        auto isOrigin = [](std::string_view o) { return o == "i" || o == "e" || o == "?"; };
        if (!isOrigin(tok[originAt].text)) {
            originAt = pathFrom;
            while (originAt < tok.size() && !isOrigin(tok[originAt].text))
                ++originAt;
            const bool attributes = originAt + 1 < tok.size()
                                    && (startsWith(tok[originAt + 1].text, "Or-ID") || startsWith(tok[originAt + 1].text, "C-LST")
                                        || startsWith(tok[originAt + 1].text, "LL"));
            if (!attributes)
                return lineError(what, at, QStringLiteral("the path does not end in an origin code (i, e or ?)"));
        }
        const std::string_view origin = tok[originAt].text;
        r.origin = origin == "i" ? RouteOrigin::Igp : origin == "e" ? RouteOrigin::Egp : RouteOrigin::Incomplete;
        if (pathFrom < originAt) // the path as printed, blanks between the ASNs
            r.asPath = paths.intern(raw.substr(size_t(tok[pathFrom].column), size_t(tok[originAt - 1].end() - tok[pathFrom].column)));
        return {};
    };
    LineReader reader(text);
    Line line;
    bool inLegend = false;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (startsWith(l, "BGP routing table information for VRF")) {
            sawInfo = true;
            inLegend = false;
            continue;
        }
        if (!sawInfo)
            return lineError(what, line, QStringLiteral("expected \"BGP routing table information for VRF ...\""));
        if (startsWith(l, "Router identifier") || startsWith(l, "Origin codes:") || startsWith(l, "RPKI Origin Validation codes")
            || startsWith(l, "AS Path Attributes:")) {
            inLegend = false;
            continue;
        }
        if (startsWith(l, "Route status codes:")) {
            inLegend = true;
            continue;
        }
        if (inLegend && contains(l, " - "))
            continue;
        inLegend = false;
        if (startsWith(l, "Network") && contains(l, "Next Hop")) {
            networkCol = columnOf(raw, "Network");
            const int nextHopCol = columnOf(raw, "Next Hop");
            const int pathCol = columnOf(raw, "Path");
            tokenize(raw.substr(size_t(nextHopCol), size_t(std::max(0, pathCol - nextHopCol))), t);
            fixedCols = int(t.size()) - 2; // "Next", "Hop", then Metric [AIGP] LocPref Weight
            if (pathCol < 0 || fixedCols < 3)
                return lineError(what, line, QStringLiteral("the header has no Metric, LocPref, Weight and Path columns"));
            continue;
        }
        if (networkCol < 0)
            return lineError(what, line, QStringLiteral("expected the \"Network Next Hop Metric LocPref Weight Path\" header"));
        tokenize(raw, t);
        if (pendingPrefix) {
            const auto p = pendingPrefix;
            pendingPrefix.reset();
            const QByteArray st = pendingStatus.toLatin1();
            if (Error e = readRow(std::string_view(st.constData(), size_t(st.size())), p, raw, t, 0, line))
                return e;
            continue;
        }
        // The status codes stand before the Network column.
        size_t at = 0;
        while (at < t.size() && t[at].column < networkCol - 1)
            ++at;
        const std::string_view status = raw.substr(0, at < t.size() ? size_t(t[at].column) : raw.size());
        if (at >= t.size())
            return badRow(what, line, "a prefix in the Network column");
        const auto prefix = IpPrefix::parse(t[at].text);
        if (!prefix)
            return lineError(what, line, QStringLiteral("unreadable prefix \"%1\"").arg(latin1(t[at].text)));
        if (at + 1 == t.size()) { // a long prefix: the rest of the row on the next line
            pendingPrefix = prefix;
            pendingStatus = latin1(status);
            continue;
        }
        if (Error e = readRow(status, prefix, raw, t, at + 1, line))
            return e;
    }
    if (pendingPrefix)
        return formatError(what, text, QStringLiteral("its last row ends after the prefix; the output looks cut short"));
    if (!sawInfo)
        return formatError(what, text, QStringLiteral("it has no \"BGP routing table information for VRF\" line"));
    return RecordSet(kind, rows);
}

// ---- optics -------------------------------------------------------------------------------

Result<RecordSet> showTransceiver(const QByteArray &text)
{
    //                                Bias      Optical   Optical
    //           Temp       Voltage   Current   Tx Power  Rx Power
    // Port      (Celsius)  (Volts)   (mA)      (dBm)     (dBm)     Last Update
    // -----     ---------  --------  --------  --------  --------  -------------------
    // Et3/1/1    27.92      3.23      19.94     N/A      -2.39     0:00:06 ago
    const QString what = QStringLiteral("EOS \"show interfaces transceiver\"");
    QList<OpticsRecord> rows;
    bool header = false, dashes = false;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (!header) {
            if (startsWith(l, "Port") && contains(l, "(Celsius)"))
                header = true;
            continue; // the legend and the first header lines
        }
        if (!dashes && startsWith(l, "---")) {
            dashes = true;
            continue;
        }
        tokenize(l, t);
        if (t.size() < 6)
            return badRow(what, line, "port, temperature, voltage, bias current, Tx power and Rx power");
        OpticsRecord r;
        r.interfaceName = longName(t[0].text);
        r.temperatureC = realOrNan(t[1].text);
        r.biasMa = realOrNan(t[3].text);
        r.txPowerDbm = realOrNan(t[4].text);
        r.rxPowerDbm = realOrNan(t[5].text);
        for (size_t i = 1; i <= 5; ++i)
            if (!isNa(t[i].text) && !toReal(t[i].text))
                return lineError(what, line, QStringLiteral("unreadable value \"%1\"").arg(latin1(t[i].text)));
        if (std::isnan(r.txPowerDbm) && std::isnan(r.rxPowerDbm))
            continue; // no optic, or one without diagnostics
        rows.append(r);
    }
    if (!header)
        return formatError(what, text, QStringLiteral("it has no \"Port (Celsius) (Volts) (mA) (dBm) (dBm)\" header"));
    return RecordSet(QueryKind::Optics, rows);
}

Result<RecordSet> showTransceiverDetail(const QByteArray &text)
{
    // One table per quantity, each with its alarm and warning thresholds:
    //                          High Alarm  High Warn   Low Alarm   Low Warn
    //            Rx Power      Threshold   Threshold   Threshold   Threshold
    // Port       (dBm)         (dBm)       (dBm)       (dBm)       (dBm)
    // -------    ------------  ----------  ----------  ----------  ----------
    // Et6/1      -0.90         4.40        3.40        -11.50      -10.50
    const QString what = QStringLiteral("EOS \"show interfaces transceiver detail\"");
    enum Quantity { None, Temperature, Voltage, Current, TxPower, RxPower };
    Quantity q = None;
    QList<OpticsRecord> rows;
    QHash<QString, qsizetype> index;
    bool inRows = false, sawTable = false;
    std::vector<Token> t;
    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::string_view raw = line.text;
        if (isBlank(raw) || isPromptLine(raw))
            continue;
        const std::string_view l = trimmed(raw);
        if (contains(l, "High Alarm") && contains(l, "Low Warn")) {
            inRows = false;
            q = None;
            continue;
        }
        if (contains(l, "Threshold") && !inRows) {
            q = contains(l, "Temperature") ? Temperature : contains(l, "Voltage") ? Voltage : contains(l, "Current") ? Current
                : contains(l, "Tx Power") ? TxPower : contains(l, "Rx Power") ? RxPower : None;
            if (q == None)
                return lineError(what, line, QStringLiteral("a table of an unknown quantity"));
            continue;
        }
        if (startsWith(l, "Port") && q != None) {
            continue;
        }
        if (startsWith(l, "---") && q != None) {
            inRows = true;
            sawTable = true;
            continue;
        }
        if (!inRows)
            continue; // the legend above the first table
        tokenize(l, t);
        // Value and four thresholds; EOS marks a value past a threshold with "++", "+", "-", "--".
        std::vector<std::string_view> v;
        for (size_t i = 1; i < t.size(); ++i)
            if (t[i].text != "++" && t[i].text != "+" && t[i].text != "-" && t[i].text != "--")
                v.push_back(t[i].text);
        if (v.size() != 5)
            return badRow(what, line, "port, value and four thresholds");
        for (auto s : v)
            if (!isNa(s) && !toReal(s))
                return lineError(what, line, QStringLiteral("unreadable value \"%1\"").arg(latin1(s)));
        const QString port = longName(t[0].text);
        auto it = index.find(port);
        if (it == index.end()) {
            OpticsRecord r;
            r.interfaceName = port;
            rows.append(r);
            it = index.insert(port, rows.size() - 1);
        }
        OpticsRecord &r = rows[*it];
        switch (q) {
        case Temperature: r.temperatureC = realOrNan(v[0]); break;
        case Current: r.biasMa = realOrNan(v[0]); break;
        case TxPower:
            r.txPowerDbm = realOrNan(v[0]);
            r.txHighWarnDbm = realOrNan(v[2]);
            r.txLowWarnDbm = realOrNan(v[4]);
            break;
        case RxPower:
            r.rxPowerDbm = realOrNan(v[0]);
            r.rxHighWarnDbm = realOrNan(v[2]);
            r.rxLowWarnDbm = realOrNan(v[4]);
            break;
        case Voltage:
        case None: break;
        }
    }
    if (!sawTable)
        return formatError(what, text, QStringLiteral("it has no \"High Alarm ... Threshold\" table"));
    // A port with no power readings at all has no optic diagnostics to show.
    rows.removeIf([](const OpticsRecord &r) { return std::isnan(r.rxPowerDbm) && std::isnan(r.txPowerDbm); });
    return RecordSet(QueryKind::Optics, rows);
}

// ---- vlan-errors --------------------------------------------------------------------------

Result<RecordSet> vlanErrorsFromStatus(const QByteArray &text)
{
    auto status = EosInterfaceStatus::parse(text);
    if (!status)
        return status.error();
    QList<VlanRecord> rows;
    for (const EosInterfaceStatusRow &s : std::as_const(*status))
        if (s.vlanId >= 0)
            rows.append(EosInterfaceStatus::vlanRecord(s));
    return RecordSet(QueryKind::VlanErrors, rows);
}

// ---- recognition --------------------------------------------------------------------------

namespace {

Error noForm(QueryKind kind, const QByteArray &body, const char *forms)
{
    // Name the first line that is none of the forms: what a person looks at first.
    LineReader reader(body);
    Line l;
    while (reader.next(l)) {
        if (!isBlank(l.text) && !isPromptLine(l.text))
            return lineError(QStringLiteral("EOS %1").arg(queryKindTitle(kind)), l,
                             QStringLiteral("it is none of the forms RouterLens reads for it (%1)").arg(QLatin1String(forms)));
    }
    return emptyOutput(QStringLiteral("EOS %1").arg(queryKindTitle(kind)));
}

// Whether every neighbor row of a BGP summary starts with a global IPv6 address.
bool summaryNeighborsAllV6(const QByteArray &body)
{
    LineReader reader(body);
    Line l;
    std::vector<Token> t;
    bool inTable = false, any = false;
    while (reader.next(l)) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "BGP summary information")) {
            inTable = false;
            continue;
        }
        if ((startsWith(s, "Neighbor ") || startsWith(s, "Description ")) && contains(s, "MsgRcvd")) {
            inTable = true;
            continue;
        }
        if (!inTable || s.empty())
            continue;
        tokenize(s, t);
        for (const Token &tok : t) {
            if (!isPeerAddress(tok.text))
                continue;
            if (tok.text.find(':') == std::string_view::npos || tok.text.find('%') != std::string_view::npos)
                return false;
            any = true;
            break;
        }
    }
    return any;
}

bool commandIsV6(const QString &command) { return command.contains(QLatin1String("ipv6")); }

} // namespace

Result<RecordSet> parse(QueryKind kind, const QString &givenCommand, const QByteArray &givenBody)
{
    const QString title = QStringLiteral("EOS %1").arg(queryKindTitle(kind));
    if (Error e = cliError(title, givenBody))
        return e;
    // A command echoed without a prompt ("show ipv6 neighbors vrf all" as the first line of a
    // script log) names the command; the output follows it.
    QString command = givenCommand;
    QByteArray body = givenBody;
    {
        LineReader reader(givenBody);
        Line first;
        while (reader.next(first) && isBlank(first.text)) {
        }
        const std::string_view f = trimmed(first.text);
        if (startsWith(f, "show ") || startsWith(f, "sh ")) {
            if (command.isEmpty() || command.contains(u'<'))
                command = latin1(f);
            const qsizetype end = (first.text.data() - givenBody.constData()) + qsizetype(first.text.size());
            body = givenBody.mid(std::min<qsizetype>(givenBody.size(), end + 1));
        }
    }
    if (isBlank(std::string_view(body.constData(), size_t(body.size()))))
        return emptyOutput(command.isEmpty() ? title : QStringLiteral("\"%1\"").arg(command));
    const bool v6 = commandIsV6(command);
    const QString vrf = command.contains(QLatin1String(" vrf ")) ? commercial::vrfInCommand(command) : QString();
    switch (kind) {
    case QueryKind::Facts:
        if (looksLikeVersion(body))
            return showVersion(body);
        if (looksLikeHostname(body))
            return showHostname(body);
        return noForm(kind, body, "show version, show hostname");
    case QueryKind::LinkStatus:
        if (looksLikeInterfaces(body))
            return showInterfaces(body);
        if (looksLikeStatus(body))
            return showInterfacesStatus(body);
        if (looksLikeDescription(body))
            return showInterfacesDescription(body);
        if (looksLikeIpBrief(body))
            return showIpInterfaceBrief(body);
        return noForm(kind, body, "show interfaces, show interfaces status, show interfaces description, show ip interface brief");
    case QueryKind::BgpStatus:
        if (looksLikeBgpSummary(body)) {
            auto r = showBgpSummary(body, v6);
            // "show bgp evpn summary" prints the same table; its peers are EVPN sessions.
            if (r && command.contains(QLatin1String("evpn"))) {
                RecordSet set = *r;
                for (BgpNeighborRecord &n : set.rows<BgpNeighborRecord>())
                    n.addressFamily = QStringLiteral("l2vpn-evpn");
                return set;
            }
            return r;
        }
        if (looksLikeBgpNeighbors(body))
            return showBgpNeighbors(body, v6);
        return noForm(kind, body, "show ip|ipv6 bgp summary [vrf all], show ip bgp neighbors");
    case QueryKind::ArpTable:
        if (looksLikeArp(body))
            return showIpArp(body, vrf);
        if (looksLikeNd(body))
            return showIpv6Neighbors(body, vrf);
        return noForm(kind, body, "show ip arp [vrf V|all], show arp, show ipv6 neighbors");
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (looksLikeBgpTable(body))
            return showBgpTable(kind, body);
        return noForm(kind, body, kind == QueryKind::ReceivedRoutes ? "show ip|ipv6 bgp neighbors X received-routes"
                                                                   : "show ip|ipv6 bgp neighbors X advertised-routes");
    case QueryKind::RouteLookup:
        if (looksLikeBgpEntry(body))
            return showBgpEntryDetail(body);
        if (looksLikeBgpTable(body))
            return showBgpTable(kind, body);
        if (looksLikeRoute(body))
            return showIpRoute(body);
        return noForm(kind, body, "show ip|ipv6 route [vrf V] X, show ip bgp X");
    case QueryKind::LldpNeighbors:
        if (looksLikeLldpDetail(body))
            return showLldpNeighborsDetail(body);
        if (looksLikeLldpSummary(body))
            return showLldpNeighbors(body);
        return noForm(kind, body, "show lldp neighbors, show lldp neighbors detail");
    case QueryKind::Optics:
        if (looksLikeTransceiverDetail(body))
            return showTransceiverDetail(body);
        if (looksLikeTransceiver(body))
            return showTransceiver(body);
        return noForm(kind, body, "show interfaces transceiver, show interfaces transceiver detail");
    case QueryKind::VlanErrors:
        if (looksLikeStatus(body))
            return vlanErrorsFromStatus(body);
        return noForm(kind, body, "show interfaces status");
    }
    return Error(ErrorCode::UnsupportedQuery, QStringLiteral("Arista EOS text for %1 is not read by RouterLens.").arg(queryKindTitle(kind)));
}

QString guessCommand(QueryKind kind, const QByteArray &body)
{
    switch (kind) {
    case QueryKind::Facts:
        return looksLikeHostname(body) && !looksLikeVersion(body) ? QStringLiteral("show hostname") : QStringLiteral("show version");
    case QueryKind::LinkStatus:
        if (looksLikeStatus(body) && !looksLikeInterfaces(body))
            return QStringLiteral("show interfaces status");
        if (looksLikeDescription(body) && !looksLikeInterfaces(body))
            return QStringLiteral("show interfaces description");
        if (looksLikeIpBrief(body) && !looksLikeInterfaces(body))
            return QStringLiteral("show ip interface brief");
        return QStringLiteral("show interfaces");
    case QueryKind::BgpStatus:
        if (looksLikeBgpNeighbors(body))
            return QStringLiteral("show ip bgp neighbors");
        // Without the command, a table of global IPv6 neighbors only is taken for the IPv6
        // family. (IPv4 over link-local peers, "fe80::1%Et1", is printed by "show ip bgp
        // summary": those do not count.)
        return summaryNeighborsAllV6(body) ? QStringLiteral("show ipv6 bgp summary") : QStringLiteral("show ip bgp summary");
    case QueryKind::ArpTable:
        return looksLikeNd(body) ? QStringLiteral("show ipv6 neighbors") : QStringLiteral("show ip arp");
    case QueryKind::ReceivedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> received-routes");
    case QueryKind::AdvertisedRoutes: return QStringLiteral("show ip bgp neighbors <neighbor> advertised-routes");
    case QueryKind::RouteLookup:
        if (looksLikeBgpEntry(body) || looksLikeBgpTable(body))
            return QStringLiteral("show ip bgp <destination>");
        return QStringLiteral("show ip route <destination>");
    case QueryKind::LldpNeighbors:
        return looksLikeLldpDetail(body) ? QStringLiteral("show lldp neighbors detail") : QStringLiteral("show lldp neighbors");
    case QueryKind::Optics:
        return looksLikeTransceiverDetail(body) ? QStringLiteral("show interfaces transceiver detail") : QStringLiteral("show interfaces transceiver");
    case QueryKind::VlanErrors: return QStringLiteral("show interfaces status");
    }
    return {};
}

} // namespace rl::eosText
