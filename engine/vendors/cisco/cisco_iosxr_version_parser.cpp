#include "engine/vendors/cisco/cisco_iosxr_version_parser.h"

#include "engine/vendors/cisco/cisco_iosxr_text.h"
#include "engine/vendors/common/cli_text.h"

namespace rl {

using namespace clitext;

namespace {

// "5 weeks 2 days 3 hours 4 minutes", "1 week, 1 day, 5 hours, 47 minutes", "5 days, 25 minutes".
std::optional<qint64> uptimeWords(std::string_view s)
{
    std::vector<Token> tok;
    tokenize(s, tok);
    if (tok.empty() || tok.size() % 2)
        return std::nullopt;
    qint64 total = 0;
    for (size_t i = 0; i + 1 < tok.size(); i += 2) {
        const auto n = toInt(tok[i].text);
        std::string_view unit = tok[i + 1].text;
        while (!unit.empty() && unit.back() == ',')
            unit.remove_suffix(1);
        if (!n)
            return std::nullopt;
        qint64 mult = 0;
        if (startsWith(unit, "year"))
            mult = 365 * 86400;
        else if (startsWith(unit, "week"))
            mult = 7 * 86400;
        else if (startsWith(unit, "day"))
            mult = 86400;
        else if (startsWith(unit, "hour"))
            mult = 3600;
        else if (startsWith(unit, "minute"))
            mult = 60;
        else if (startsWith(unit, "second"))
            mult = 1;
        else
            return std::nullopt;
        total += *n * mult;
    }
    return total;
}

} // namespace

Result<FactsRecord> CiscoIosxrVersionParser::parse(const QByteArray &text)
{
    const QString what = QStringLiteral("show version");
    if (Error e = cliError(what, text))
        return e;
    FactsRecord f;
    f.vendor = QStringLiteral("Cisco");
    f.platform = QStringLiteral("cisco-iosxr");
    bool sawXr = false;
    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (iosxr::isNoise(l.text))
            continue;
        if (startsWith(t, "Cisco IOS XR Software, Version ")) {
            // "Version 6.1.4.10I[Default]", "Version 7.3.2", "Version 7.5.2 LNT"
            std::string_view v = trimmed(t.substr(31));
            v = v.substr(0, v.find_first_of(" [("));
            f.osVersion = latin1(v);
            sawXr = true;
        } else if (startsWith(t, "cisco ") && (contains(t, ") processor") || contains(t, "() processor") || contains(t, " processor"))) {
            // "cisco ASR9K Series (Intel 686 F6M14S4) processor with ...", "cisco IOS-XRv 9000 () processor"
            std::string_view m = trimmed(t.substr(6));
            m = trimmed(m.substr(0, m.find(" (")));
            if (m.ends_with(" Series"))
                m.remove_suffix(7);
            if (f.model.isEmpty())
                f.model = latin1(m);
        } else if (startsWith(t, "System uptime is ")) {
            f.uptimeSeconds = uptimeWords(t.substr(17)).value_or(-1);
        } else if (const size_t at = t.find(" uptime is "); at != std::string_view::npos && t.substr(0, at).find(' ') == std::string_view::npos) {
            f.hostname = latin1(t.substr(0, at));
            f.uptimeSeconds = uptimeWords(t.substr(at + 11)).value_or(-1);
        }
    }
    if (!sawXr)
        return formatError(what, text, QStringLiteral("it has no \"Cisco IOS XR Software, Version\" line"));
    return f;
}

} // namespace rl
