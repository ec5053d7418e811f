#include "engine/vendors/cisco/cisco_iosxr_lldp_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"

namespace rl {

using namespace clitext;
using iosxr::isNoise;

namespace {

// "R", "B,R", "P,B,R": the capability letters the legend lists.
bool isCapabilities(std::string_view s)
{
    if (s.empty())
        return false;
    bool letter = false;
    for (char c : s) {
        if (c == ',') {
            if (!letter)
                return false;
            letter = false;
            continue;
        }
        if (std::string_view("RBTCWPSO").find(c) == std::string_view::npos || letter)
            return false;
        letter = true;
    }
    return letter;
}

// A local interface as the summary prints it: letters then a slot/port ("Te0/0/0/0", "Mg0/RP0/CPU0/0", "BE10").
bool looksLikeInterface(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
        ++i;
    return i > 0 && i < s.size() && s[i] >= '0' && s[i] <= '9';
}

// "- not advertised" stands for an empty value.
QString advertised(std::string_view v)
{
    v = trimmed(v);
    if (startsWith(v, "- not advertised") || startsWith(v, "not advertised"))
        return {};
    return toQString(v);
}

// "% LLDP is not enabled": the router keeps no neighbor table at all, which is not "no neighbors".
Error lldpDisabled(const QString &what, const QByteArray &text)
{
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (startsWith(t, "% LLDP is not enabled") || startsWith(t, "% LLDP is not running"))
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("LLDP is not enabled on the router, so it keeps no neighbor table for %1; enable it with the global \"lldp\" command.").arg(what),
                         toQString(t));
        if (!iosxr::isNoise(l.text))
            break;
    }
    return {};
}

} // namespace

Result<QList<LldpNeighborRecord>> CiscoIosxrLldpParser::summary(const QByteArray &text)
{
    const QString what = QStringLiteral("show lldp neighbors");
    if (Error e = cliError(what, text))
        return e;
    if (Error e = lldpDisabled(what, text))
        return e;
    QList<LldpNeighborRecord> out;
    bool inTable = false, sawHeader = false, sawTotal = false;
    std::string_view pendingName; // a device ID on a line of its own
    std::vector<Token> tok;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (isNoise(l.text)) {
            continue;
        }
        if (startsWith(t, "Capability codes:") || startsWith(t, "(R) Router") || startsWith(t, "(W) WLAN"))
            continue;
        if (startsWith(t, "Device ID") && contains(t, "Local Intf")) {
            inTable = sawHeader = true;
            continue;
        }
        if (startsWith(t, "Total entries displayed")) {
            const qint64 n = numberAfter(t, "Total entries displayed");
            if (n != out.size())
                return lineError(what, l, QStringLiteral("the router counts %1 entries but %2 rows were read; the output may be truncated").arg(n).arg(out.size()));
            inTable = false, sawTotal = true;
            continue;
        }
        if (!inTable)
            return lineError(what, l, QStringLiteral("expected the \"Device ID  Local Intf  Hold-time  Capability  Port ID\" header"));
        tokenize(t, tok);
        if (tok.size() == 1 && pendingName.empty()) {
            pendingName = tok[0].text;
            continue;
        }
        // The hold time is the first number after an interface name.
        size_t h = 0;
        for (size_t k = pendingName.empty() ? 2 : 1; k < tok.size(); ++k) {
            if (isDigits(tok[k].text) && looksLikeInterface(tok[k - 1].text)) {
                h = k;
                break;
            }
        }
        if (h == 0 || h + 1 >= tok.size())
            return lineError(what, l, QStringLiteral("expected \"<device id> <local interface> <hold time> <capabilities> <port id>\""));
        LldpNeighborRecord r;
        if (!pendingName.empty()) {
            if (h != 1)
                return lineError(what, l, QStringLiteral("expected the rest of the row of %1").arg(latin1(pendingName)));
            r.remoteSystemName = toQString(pendingName);
            pendingName = {};
        } else {
            r.remoteSystemName = toQString(trimmed(t.substr(0, size_t(tok[h - 1].column))));
        }
        r.localInterface = latin1(tok[h - 1].text);
        size_t p = h + 1;
        if (isCapabilities(tok[p].text) && p + 1 < tok.size()) {
            r.capabilities = latin1(tok[p].text);
            ++p;
        }
        r.remotePortId = toQString(trimmed(t.substr(size_t(tok[p].column))));
        out.append(r);
    }
    if (!pendingName.empty())
        return formatError(what, text, QStringLiteral("the row of %1 is cut short; the output may be truncated").arg(latin1(pendingName)));
    if (!sawHeader && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Device ID  Local Intf  Hold-time\" header"));
    if (sawHeader && !sawTotal)
        return formatError(what, text, QStringLiteral("it ends before the \"Total entries displayed\" line; the output may be truncated"));
    return out;
}

Result<QList<LldpNeighborRecord>> CiscoIosxrLldpParser::detail(const QByteArray &text)
{
    const QString what = QStringLiteral("show lldp neighbors detail");
    if (Error e = cliError(what, text))
        return e;
    if (Error e = lldpDisabled(what, text))
        return e;
    QList<LldpNeighborRecord> out;
    bool inMgmt = false, inSysDesc = false, sawTotal = false;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty()) {
            inSysDesc = false; // the free-text description ends at a blank line
            continue;
        }
        if (isNoise(l.text))
            continue;
        if (startsWith(t, "Local Interface:")) {
            LldpNeighborRecord r;
            r.localInterface = latin1(trimmed(t.substr(16)));
            out.append(r);
            inMgmt = inSysDesc = false;
            continue;
        }
        if (startsWith(t, "Total entries displayed")) {
            const qint64 n = numberAfter(t, "Total entries displayed");
            if (n != out.size())
                return lineError(what, l, QStringLiteral("the router counts %1 entries but %2 were read; the output may be truncated").arg(n).arg(out.size()));
            sawTotal = true;
            continue;
        }
        if (out.isEmpty()) {
            if (startsWith(t, "Capability codes:") || startsWith(t, "(R) Router") || startsWith(t, "(W) WLAN"))
                continue;
            return lineError(what, l, QStringLiteral("expected \"Local Interface: <interface>\""));
        }
        if (inSysDesc)
            continue;
        LldpNeighborRecord &r = out.last();
        if (startsWith(t, "Chassis id:"))
            r.remoteChassisId = latin1(trimmed(t.substr(11)));
        else if (startsWith(t, "Port id:"))
            r.remotePortId = advertised(t.substr(8));
        else if (startsWith(t, "Port Description:"))
            r.remotePortDescription = advertised(t.substr(17));
        else if (startsWith(t, "System Name:"))
            r.remoteSystemName = advertised(t.substr(12));
        else if (startsWith(t, "System Description:")) {
            inSysDesc = trimmed(t.substr(19)).empty(); // the text follows on its own lines
        } else if (startsWith(t, "Enabled Capabilities:"))
            r.capabilities = advertised(t.substr(21));
        else if (startsWith(t, "Management Addresses:") || startsWith(t, "Management Address:"))
            inMgmt = true;
        else if (startsWith(t, "Management Addresses -"))
            inMgmt = false; // "- not advertised"
        else if (inMgmt && (startsWith(t, "IPv4 address:") || startsWith(t, "IPv6 address:"))) {
            if (r.remoteMgmtAddress.isEmpty())
                r.remoteMgmtAddress = latin1(trimmed(t.substr(13)));
        } else if (inMgmt)
            inMgmt = false;
    }
    if (out.isEmpty() && !sawTotal && !iosxr::onlyNoise(text))
        return formatError(what, text, QStringLiteral("it has no \"Local Interface:\" entry"));
    if (!out.isEmpty() && !sawTotal)
        return formatError(what, text, QStringLiteral("it ends before the \"Total entries displayed\" line; the output may be truncated"));
    return out;
}

} // namespace rl
