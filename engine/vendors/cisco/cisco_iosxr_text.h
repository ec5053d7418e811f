#pragma once

// Small line tests the IOS-XR text parsers share. IOS-XR prints a time stamp before the
// output of every command ("Mon Dec  7 10:11:12.345 UTC") and frames per-node and per-VRF
// blocks with rules of dashes and equals signs; these are read as noise, not as rows.

#include "engine/vendors/common/cli_text.h"

#include <string_view>

namespace rl::iosxr {

// "Mon Dec  7 10:11:12.345 UTC", "Thu Jan 26 17:47:49.149 EST".
inline bool isTimestampLine(std::string_view t)
{
    t = clitext::trimmed(t);
    static constexpr std::string_view days[] = {"Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "};
    bool day = false;
    for (auto d : days)
        day = day || t.starts_with(d);
    if (!day || t.size() < 20 || t.size() > 40)
        return false;
    // "hh:mm:ss" somewhere after the date.
    const size_t colon = t.find(':');
    return colon != std::string_view::npos && colon + 3 < t.size() && t[colon + 3] == ':';
}

// "-----", "=====" rules, alone on their line.
inline bool isRule(std::string_view t)
{
    t = clitext::trimmed(t);
    if (t.size() < 3)
        return false;
    for (char c : t)
        if (c != '-' && c != '=')
            return false;
    return true;
}

// Lines around any IOS-XR output that carry nothing: blank, prompt, time stamp, rule.
inline bool isNoise(std::string_view line)
{
    const std::string_view t = clitext::trimmed(line);
    return t.empty() || clitext::isPromptLine(line) || isTimestampLine(t) || isRule(t);
}

// A whole text of nothing but noise (an empty answer).
inline bool onlyNoise(const QByteArray &text)
{
    for (const clitext::Line &l : clitext::splitLines(text))
        if (!isNoise(l.text))
            return false;
    return true;
}

} // namespace rl::iosxr
