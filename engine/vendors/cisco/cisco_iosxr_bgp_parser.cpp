#include "engine/vendors/cisco/cisco_iosxr_bgp_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"

namespace rl {

using namespace clitext;
using iosxr::isNoise;

namespace {

// "IPv4 Unicast" -> "ipv4-unicast"; "VPNv4 Unicast (VRF X)" -> "vpnv4-unicast".
QString familyName(std::string_view text)
{
    text = trimmed(text.substr(0, text.find_first_of("(,")));
    QString s = latin1(trimmed(text)).toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('-'));
    return s;
}

// "10.0.0.2", "2001:db8::2"; nullopt otherwise.
std::optional<QString> neighborAddress(std::string_view text)
{
    const auto a = IpAddress::parse(text);
    if (!a)
        return std::nullopt;
    return a->toString();
}

// The AS number after `label` in "... local AS number 65000.100" / "Remote AS 64512, ...".
qint64 asAfter(std::string_view t, std::string_view label)
{
    const size_t at = t.find(label);
    if (at == std::string_view::npos)
        return -1;
    std::string_view v = trimmed(t.substr(at + label.size()));
    v = v.substr(0, v.find_first_of(", "));
    return parseAsn(v).value_or(-1);
}

} // namespace

// ---- show bgp ... summary -------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<BgpNeighborRecord>> CiscoIosxrBgpParser::summary(const QByteArray &text, const QString &vrfIn, const QString &afIn)
{
    const QString what = QStringLiteral("show bgp summary");
    if (Error e = cliError(what, text))
        return e;
    QList<BgpNeighborRecord> out;
    QString vrf = vrfIn.isEmpty() ? QStringLiteral("default") : vrfIn;
    QString af = afIn.isEmpty() ? QStringLiteral("ipv4-unicast") : afIn;
    qint64 localAs = -1;
    bool inTable = false, sawBanner = false, sawTable = false;
    std::string_view pending; // a long IPv6 neighbor whose counters are on the next line
    Line pendingLine;
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty() || isPromptLine(l.text)) {
            if (!pending.empty())
                return lineError(what, pendingLine, QStringLiteral("a neighbor address without its counters; the output may be truncated"));
            inTable = false;
            continue;
        }
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "% BGP instance") || startsWith(t, "% BGP not active") || startsWith(t, "BGP instance ")) {
            sawBanner = true; // "BGP instance 0: 'default'" heads "show bgp all all summary"
            continue;
        }
        if (startsWith(t, "Address Family:")) {
            af = familyName(t.substr(15));
            inTable = false, sawBanner = true;
            continue;
        }
        if (startsWith(t, "VRF:")) {
            vrf = latin1(trimmed(t.substr(4)));
            inTable = false, sawBanner = true;
            continue;
        }
        if (startsWith(t, "BGP VRF ")) { // "BGP VRF CUST-A, state: Active"
            const std::string_view name = t.substr(8);
            vrf = latin1(trimmed(name.substr(0, name.find(','))));
            inTable = false, sawBanner = true;
            continue;
        }
        if (startsWith(t, "BGP router identifier")) {
            localAs = asAfter(t, "local AS number");
            inTable = false, sawBanner = true;
            continue;
        }
        if (startsWith(t, "Neighbor") && contains(t, "MsgRcvd") && contains(t, "Up/Down")) {
            inTable = true, sawTable = true;
            continue;
        }
        if (!inTable)
            continue; // banner lines, the "Process RcvTblVer" table, "Some configured eBGP neighbors..."

        tokenize(t, tok);
        if (tok.size() == 1 && pending.empty() && neighborAddress(tok[0].text)) {
            pending = tok[0].text;
            pendingLine = l;
            continue;
        }
        std::string_view neighbor;
        size_t i = 0;
        if (!pending.empty()) {
            neighbor = pending;
            pending = {};
        } else {
            neighbor = tok[0].text;
            i = 1;
        }
        // Spk AS MsgRcvd MsgSent TblVer InQ OutQ Up/Down St/PfxRcd
        if (tok.size() < i + 9)
            return lineError(what, l, QStringLiteral("the neighbor row has too few columns; the output may be truncated"));
        const auto address = neighborAddress(neighbor);
        if (!address)
            return lineError(what, l, QStringLiteral("\"%1\" is not a neighbor address").arg(latin1(neighbor)));
        if (!isDigits(tok[i].text))
            return lineError(what, l, QStringLiteral("\"%1\" is not a speaker number").arg(latin1(tok[i].text)));
        BgpNeighborRecord r;
        r.vrf = vrf;
        r.addressFamily = af;
        r.neighbor = *address;
        r.localAs = localAs;
        const auto remoteAs = parseAsn(tok[i + 1].text);
        if (!remoteAs)
            return lineError(what, l, QStringLiteral("\"%1\" is not an AS number").arg(latin1(tok[i + 1].text)));
        r.remoteAs = *remoteAs;
        for (size_t k = i + 2; k < i + 7; ++k)
            if (!isDigits(tok[k].text))
                return lineError(what, l, QStringLiteral("\"%1\" is not a message or queue counter").arg(latin1(tok[k].text)));
        const auto up = parseDuration(tok[i + 7].text);
        if (!up)
            return lineError(what, l, QStringLiteral("\"%1\" is not an up/down time").arg(latin1(tok[i + 7].text)));
        r.uptimeSeconds = *up;
        std::string_view st = trimmed(t.substr(size_t(tok[i + 8].column)));
        // Neighbors without both inbound and outbound policy are "marked with '!'" (the
        // paragraph above the table says so): the mark is not part of the state.
        if (st.size() > 1 && st.back() == '!')
            st = trimmed(st.substr(0, st.size() - 1));
        if (isDigits(st)) {
            r.state = BgpState::Established;
            r.stateDetail = QStringLiteral("Established");
            r.prefixesReceived = *toInt(st);
        } else {
            r.stateDetail = latin1(st);
            r.state = bgpStateFromName(r.stateDetail);
            if (r.state == BgpState::Unknown)
                return lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(r.stateDetail));
            r.adminEnabled = !contains(st, "Admin");
        }
        out.append(std::move(r));
    }
    if (!pending.empty())
        return lineError(what, pendingLine, QStringLiteral("a neighbor address without its counters; the output may be truncated"));
    if (!sawBanner && !sawTable)
        return formatError(what, text, QStringLiteral("it has no \"BGP router identifier\" banner and no \"Neighbor Spk AS MsgRcvd\" table"));
    if (sawBanner && !sawTable && !contains(text.constData(), "not active") && out.isEmpty()) {
        // The banner always ends in the neighbor table header (even with no neighbors).
        return formatError(what, text, QStringLiteral("it has the BGP banner but no \"Neighbor Spk AS MsgRcvd\" table; the output may be truncated"));
    }
    return out;
}

// ---- show bgp neighbors ---------------------------------------------------------------

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<BgpNeighborRecord>> CiscoIosxrBgpParser::neighbors(const QByteArray &text, const QString &vrfIn, const QString &afIn)
{
    const QString what = QStringLiteral("show bgp neighbors");
    if (Error e = cliError(what, text))
        return e;
    const QString defaultVrf = vrfIn.isEmpty() ? QStringLiteral("default") : vrfIn;
    const QString defaultAf = afIn.isEmpty() ? QStringLiteral("ipv4-unicast") : afIn;
    QList<BgpNeighborRecord> out;
    BgpNeighborRecord base; // the neighbor-wide part, copied into each address family
    bool inNeighbor = false, haveAf = false;
    qsizetype firstOfNeighbor = 0;
    Line neighborLine;

    // Fields printed after the address-family sections (reset reason) apply to all of them.
    auto finishNeighbor = [&]() {
        if (!inNeighbor)
            return;
        if (!haveAf) {
            BgpNeighborRecord r = base;
            r.addressFamily = defaultAf;
            out.append(r);
        }
        for (qsizetype k = firstOfNeighbor; k < out.size(); ++k)
            out[k].lastError = base.lastError;
        inNeighbor = false;
    };

    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "BGP neighbor is ")) {
            finishNeighbor();
            std::string_view rest = t.substr(16);
            const size_t comma = rest.find(',');
            const std::string_view addr = trimmed(rest.substr(0, comma));
            const auto a = IpAddress::parse(addr);
            if (!a)
                return lineError(what, l, QStringLiteral("\"%1\" is not a neighbor address").arg(latin1(addr)));
            base = BgpNeighborRecord();
            base.neighbor = a->toString();
            base.vrf = defaultVrf;
            if (comma != std::string_view::npos) {
                const std::string_view more = trimmed(rest.substr(comma + 1));
                if (startsWith(more, "vrf "))
                    base.vrf = latin1(trimmed(more.substr(4)));
            }
            inNeighbor = true, haveAf = false;
            firstOfNeighbor = out.size();
            neighborLine = l;
            continue;
        }
        if (!inNeighbor)
            return lineError(what, l, QStringLiteral("expected \"BGP neighbor is <address>\""));
        if (startsWith(t, "Remote AS ")) {
            base.remoteAs = asAfter(t, "Remote AS");
            base.localAs = asAfter(t, "local AS");
            if (base.remoteAs < 0)
                return lineError(what, l, QStringLiteral("no remote AS number"));
        } else if (startsWith(t, "Description:")) {
            base.description = toQString(trimmed(t.substr(12)));
        } else if (startsWith(t, "Remote router ID")) {
            const std::string_view id = trimmed(t.substr(16));
            if (id != "0.0.0.0") // not learned yet: unknown, not an address
                base.remoteRouterId = latin1(id);
        } else if (startsWith(t, "BGP state = ")) {
            std::string_view st = trimmed(t.substr(12));
            const size_t upFor = st.find(", up for ");
            if (upFor != std::string_view::npos) {
                const std::string_view dur = trimmed(st.substr(upFor + 9));
                const auto up = parseDuration(dur);
                if (!up)
                    return lineError(what, l, QStringLiteral("\"%1\" is not an up time").arg(latin1(dur)));
                base.uptimeSeconds = *up;
                st = st.substr(0, upFor);
            }
            base.stateDetail = latin1(st);
            base.state = bgpStateFromName(base.stateDetail);
            if (base.state == BgpState::Unknown)
                return lineError(what, l, QStringLiteral("\"%1\" is not a BGP state").arg(base.stateDetail));
            base.adminEnabled = !contains(st, "Admin") && !contains(st, "admin");
        } else if (startsWith(t, "For Address Family:")) {
            BgpNeighborRecord r = base;
            r.addressFamily = familyName(t.substr(19));
            out.append(r);
            haveAf = true;
        } else if (haveAf && contains(t, "accepted prefixes")) {
            // "13 accepted prefixes, 0 are bestpaths"
            out.last().prefixesAccepted = numberBefore(t, "accepted prefixes");
        } else if (haveAf && startsWith(t, "Prefix advertised ")) {
            // "Prefix advertised 113, suppressed 0, withdrawn 8"
            out.last().prefixesSent = numberAfter(t, "Prefix advertised");
        } else if (startsWith(t, "Last reset ")) {
            // "Last reset 1w1d, due to BGP Notification sent: hold time expired"
            const size_t due = t.find("due to ");
            if (due != std::string_view::npos)
                base.lastError = toQString(trimmed(t.substr(due + 7)));
        }
    }
    finishNeighbor();
    if (out.isEmpty() && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"BGP neighbor is\" entry"));
    return out;
}

} // namespace rl
