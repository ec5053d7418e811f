#include "engine/vendors/cisco/cisco_iosxr_interface_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"

#include <QHash>

namespace rl {

using namespace clitext;
using iosxr::isNoise;

namespace {

struct Block {
    InterfaceRecord rec;
    VlanRecord vlan;
    bool tagged = false;
    qint64 unknownProtocolDrops = -1;
};

// "up", "down", "administratively down" as the block's first line prints them; a remark in
// parentheses after the state ("down (Dampened)") is not part of it.
std::optional<LinkState> stateWords(std::string_view s)
{
    s = trimmed(s.substr(0, s.find('(')));
    if (s == "up")
        return LinkState::Up;
    if (s == "down")
        return LinkState::Down;
    if (s == "administratively down")
        return LinkState::AdminDown;
    return std::nullopt;
}

// "<name> is <state>, line protocol is <state>"
bool readHeadLine(std::string_view t, InterfaceRecord &r, bool &bad)
{
    bad = false;
    const size_t is = t.find(" is ");
    const size_t lp = t.find(", line protocol is ");
    if (is == std::string_view::npos || lp == std::string_view::npos || is > lp || t.substr(0, is).find(' ') != std::string_view::npos)
        return false;
    const auto admin = stateWords(t.substr(is + 4, lp - is - 4));
    const auto proto = stateWords(t.substr(lp + 19));
    if (!admin || !proto) {
        bad = true;
        return true;
    }
    r.name = latin1(t.substr(0, is));
    r.adminState = *admin == LinkState::AdminDown ? LinkState::AdminDown : LinkState::Up;
    r.operState = *admin == LinkState::AdminDown || *proto != LinkState::Up ? LinkState::Down : LinkState::Up;
    return true;
}

Result<QList<Block>> readBlocks(const QByteArray &text)
{
    const QString what = QStringLiteral("show interfaces");
    if (Error e = cliError(what, text))
        return e;
    QList<Block> out;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        InterfaceRecord head;
        bool bad = false;
        if (readHeadLine(t, head, bad)) {
            if (bad)
                return lineError(what, l, QStringLiteral("expected \"<interface> is up|down|administratively down, line protocol is ...\""));
            out.append(Block{head, {}, false, -1});
            continue;
        }
        if (out.isEmpty())
            return lineError(what, l, QStringLiteral("expected \"<interface> is <state>, line protocol is <state>\""));
        Block &b = out.last();
        InterfaceRecord &r = b.rec;
        if (startsWith(t, "Description:")) {
            r.description = toQString(trimmed(t.substr(12)));
        } else if (startsWith(t, "Hardware is ")) {
            const size_t at = t.find("address is ");
            if (at != std::string_view::npos) {
                std::string_view mac = trimmed(t.substr(at + 11));
                mac = mac.substr(0, mac.find(' '));
                r.mac = normalizeMac(latin1(mac));
            }
        } else if (startsWith(t, "MTU ")) {
            // "MTU 1514 bytes, BW 1000000 Kbit (Max: 1000000 Kbit)"
            r.mtu = numberAfter(t, "MTU");
            const qint64 bw = numberAfter(t, "BW");
            if (r.mtu < 0 || bw < 0)
                return lineError(what, l, QStringLiteral("expected \"MTU <bytes> bytes, BW <n> Kbit\""));
            r.speedBps = bw > 0 ? bw * 1000 : -1; // Kbit/s; loopbacks and Null0 print BW 0: no speed
        } else if (startsWith(t, "Encapsulation 802.1Q") || startsWith(t, "Encapsulation 802.1ad")) {
            // L3: "Encapsulation 802.1Q Virtual LAN, VLAN Id 100,  loopback not set,"
            // QinQ: "..., VLAN Id 100, 2nd VLAN Id 200,"
            b.tagged = true;
            b.vlan.vlanId = numberAfter(t, "VLAN Id");
            const qint64 inner = numberAfter(t, "2nd VLAN Id");
            b.vlan.innerVlanId = inner;
            b.vlan.encapsulation = inner >= 0 || startsWith(t, "Encapsulation 802.1ad") ? QStringLiteral("qinq") : QStringLiteral("dot1q");
        } else if (startsWith(t, "Outer Match:")) {
            // l2transport: "Outer Match: Dot1Q VLAN 12" / "Outer Match: Dot1ad VLAN 100"
            b.tagged = true;
            b.vlan.vlanId = numberAfter(t, "VLAN");
            if (b.vlan.encapsulation.isEmpty())
                b.vlan.encapsulation = contains(t, "Dot1ad") ? QStringLiteral("qinq") : QStringLiteral("dot1q");
        } else if (startsWith(t, "Inner Match:")) {
            b.vlan.innerVlanId = numberAfter(t, "VLAN");
            b.vlan.encapsulation = QStringLiteral("qinq");
        } else if (startsWith(t, "Last link flapped ")) {
            const auto d = parseDuration(trimmed(t.substr(18)));
            if (!d)
                return lineError(what, l, QStringLiteral("\"%1\" is not a duration").arg(latin1(trimmed(t.substr(18)))));
            r.lastChangeSeconds = *d;
        } else if (contains(t, "packets input")) {
            r.inPackets = numberBefore(t, "packets input");
            if (contains(t, "total input drops"))
                r.inDiscards = numberBefore(t, "total input drops");
        } else if (contains(t, "packets output")) {
            r.outPackets = numberBefore(t, "packets output");
            if (contains(t, "total output drops"))
                r.outDiscards = numberBefore(t, "total output drops");
        } else if (contains(t, "drops for unrecognized upper-level protocol")) {
            b.unknownProtocolDrops = numberBefore(t, "drops for unrecognized");
        } else if (contains(t, "input errors")) {
            // "0 input errors, 0 CRC, 0 frame, ..." or, on subinterfaces,
            // "0 input drops, 0 queue drops, 0 input errors"
            r.inErrors = numberBefore(t, "input errors");
            if (contains(t, " CRC"))
                r.crcErrors = numberBefore(t, "CRC");
            if (contains(t, "input drops"))
                r.inDiscards = numberBefore(t, "input drops");
        } else if (contains(t, "output errors")) {
            r.outErrors = numberBefore(t, "output errors");
            if (contains(t, "output drops"))
                r.outDiscards = numberBefore(t, "output drops");
        }
    }
    if (out.isEmpty() && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"<interface> is <state>, line protocol is <state>\" line"));
    return out;
}

} // namespace

Result<QList<InterfaceRecord>> CiscoIosxrInterfaceParser::interfaces(const QByteArray &text)
{
    auto blocks = readBlocks(text);
    if (!blocks)
        return blocks.error();
    QList<InterfaceRecord> out;
    out.reserve(blocks->size());
    for (const Block &b : *blocks)
        out.append(b.rec);
    return out;
}

Result<QList<VlanRecord>> CiscoIosxrInterfaceParser::vlans(const QByteArray &text)
{
    auto blocks = readBlocks(text);
    if (!blocks)
        return blocks.error();
    QHash<QString, qint64> parentDrops;
    for (const Block &b : *blocks)
        if (!b.rec.name.contains(QLatin1Char('.')))
            parentDrops.insert(b.rec.name, b.unknownProtocolDrops);
    QList<VlanRecord> out;
    for (const Block &b : *blocks) {
        if (!b.tagged)
            continue;
        VlanRecord v = b.vlan;
        v.interfaceName = b.rec.name;
        v.parentInterface = b.rec.name.section(QLatin1Char('.'), 0, 0);
        v.operState = b.rec.operState;
        v.inPackets = b.rec.inPackets;
        v.outPackets = b.rec.outPackets;
        // Frames with a tag no subinterface accepts are counted on the parent, as
        // "drops for unrecognized upper-level protocol".
        v.unknownTagDrops = parentDrops.value(v.parentInterface, -1);
        v.otherDrops = b.rec.inDiscards;
        out.append(v);
    }
    return out;
}

Result<QList<InterfaceRecord>> CiscoIosxrInterfaceParser::interfacesBrief(const QByteArray &text)
{
    const QString what = QStringLiteral("show interfaces brief");
    if (Error e = cliError(what, text))
        return e;
    QList<InterfaceRecord> out;
    bool sawHeader = false, inRows = false;
    std::vector<Token> tok;
    auto state = [](std::string_view s) -> std::optional<LinkState> {
        if (s == "up")
            return LinkState::Up;
        if (s == "down")
            return LinkState::Down;
        if (s == "admin-down")
            return LinkState::AdminDown;
        return std::nullopt;
    };
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text) || iosxr::isTimestampLine(t))
            continue;
        if (startsWith(t, "Intf") && contains(t, "LineP")) {
            sawHeader = true;
            continue;
        }
        if (sawHeader && startsWith(t, "Name") && contains(t, "State")) // second header line
            continue;
        if (iosxr::isRule(t)) {
            inRows = sawHeader;
            continue;
        }
        if (!inRows)
            return lineError(what, l, QStringLiteral("expected the \"Intf Name  Intf State  LineP State\" header"));
        // Name, Intf State, LineP State, Encap Type, MTU, BW
        tokenize(t, tok);
        if (tok.size() != 6)
            return lineError(what, l, QStringLiteral("expected \"<name> <state> <line protocol> <encapsulation> <mtu> <bandwidth>\""));
        const auto admin = state(tok[1].text), proto = state(tok[2].text);
        const auto mtu = toInt(tok[4].text), bw = toInt(tok[5].text);
        if (!admin || !proto || !mtu || !bw)
            return lineError(what, l, QStringLiteral("expected \"<name> up|down|admin-down up|down|admin-down <encapsulation> <mtu> <bandwidth>\""));
        InterfaceRecord r;
        r.name = latin1(tok[0].text);
        r.adminState = *admin == LinkState::AdminDown ? LinkState::AdminDown : LinkState::Up;
        r.operState = *admin == LinkState::AdminDown || *proto != LinkState::Up ? LinkState::Down : LinkState::Up;
        r.mtu = *mtu;
        r.speedBps = *bw > 0 ? *bw * 1000 : -1; // Kbps
        out.append(r);
    }
    if (!sawHeader && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Intf Name  Intf State  LineP State\" header"));
    return out;
}

Result<QList<InterfaceRecord>> CiscoIosxrInterfaceParser::interfacesDescription(const QByteArray &text)
{
    const QString what = QStringLiteral("show interfaces description");
    if (Error e = cliError(what, text))
        return e;
    QList<InterfaceRecord> out;
    bool sawHeader = false;
    size_t descColumn = 0;
    std::vector<Token> tok;
    auto state = [](std::string_view s) -> std::optional<LinkState> {
        if (s == "up")
            return LinkState::Up;
        if (s == "down")
            return LinkState::Down;
        if (s == "admin-down")
            return LinkState::AdminDown;
        return std::nullopt;
    };
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "Interface") && contains(t, "Protocol") && contains(t, "Description")) {
            sawHeader = true;
            descColumn = l.text.find("Description");
            continue;
        }
        if (!sawHeader)
            return lineError(what, l, QStringLiteral("expected the \"Interface Status Protocol Description\" header"));
        tokenize(l.text, tok);
        if (tok.size() < 3)
            return lineError(what, l, QStringLiteral("expected \"<interface> <status> <protocol> [<description>]\""));
        const auto admin = state(tok[1].text), proto = state(tok[2].text);
        if (!admin || !proto)
            return lineError(what, l, QStringLiteral("expected \"up\", \"down\" or \"admin-down\" as status and protocol"));
        InterfaceRecord r;
        r.name = latin1(tok[0].text);
        r.adminState = *admin == LinkState::AdminDown ? LinkState::AdminDown : LinkState::Up;
        r.operState = *admin == LinkState::AdminDown || *proto != LinkState::Up ? LinkState::Down : LinkState::Up;
        // The description starts at its header's column; a long name or state may push it
        // right, never left of the protocol.
        const size_t from = std::max<size_t>(descColumn, size_t(tok[2].end()));
        if (from < l.text.size())
            r.description = toQString(trimmed(l.text.substr(from)));
        out.append(r);
    }
    if (!sawHeader && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Interface Status Protocol Description\" header"));
    return out;
}

Result<QList<InterfaceRecord>> CiscoIosxrInterfaceParser::ipv4InterfaceBrief(const QByteArray &text)
{
    const QString what = QStringLiteral("show ipv4 interface brief");
    if (Error e = cliError(what, text))
        return e;
    QList<InterfaceRecord> out;
    bool sawHeader = false;
    std::vector<Token> tok;
    auto state = [](std::string_view s) -> std::optional<LinkState> {
        if (s == "Up")
            return LinkState::Up;
        if (s == "Down")
            return LinkState::Down;
        if (s == "Shutdown")
            return LinkState::AdminDown;
        return std::nullopt;
    };
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "Interface") && contains(t, "IP-Address") && contains(t, "Protocol")) {
            sawHeader = true;
            continue;
        }
        if (!sawHeader)
            return lineError(what, l, QStringLiteral("expected the \"Interface IP-Address Status Protocol\" header"));
        tokenize(t, tok);
        if (tok.size() < 4)
            return lineError(what, l, QStringLiteral("expected \"<interface> <address> <status> <protocol> [<vrf>]\""));
        const auto admin = state(tok[2].text), proto = state(tok[3].text);
        if (!admin || !proto)
            return lineError(what, l, QStringLiteral("expected \"Up\", \"Down\" or \"Shutdown\" as status and protocol"));
        InterfaceRecord r;
        r.name = latin1(tok[0].text);
        r.adminState = *admin == LinkState::AdminDown ? LinkState::AdminDown : LinkState::Up;
        r.operState = *admin == LinkState::AdminDown || *proto != LinkState::Up ? LinkState::Down : LinkState::Up;
        out.append(r);
    }
    if (!sawHeader && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Interface IP-Address Status Protocol\" header"));
    return out;
}

} // namespace rl
