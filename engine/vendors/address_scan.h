#pragma once

// Address and prefix reading for the full-table parsers: the dotted quads of nearly every
// row read in place, anything else (IPv6, refusals) handed to IpAddress / IpPrefix::parse,
// whose rules (inet_pton's) the fast path keeps.

#include "engine/api/ip_address.h"

#include <cstring>
#include <optional>
#include <string_view>

namespace rl::addressscan {

// 1-3 digits per part, no leading zero, each <= 255, exactly four parts.
inline bool dottedQuad(const char *p, const char *end, quint32 &out)
{
    quint32 a = 0;
    for (int part = 0; part < 4; ++part) {
        if (p == end || unsigned(*p - '0') > 9)
            return false;
        unsigned v = unsigned(*p++ - '0');
        for (int digits = 1; p != end && unsigned(*p - '0') <= 9; ++digits) {
            if (v == 0 || digits == 3)
                return false;
            v = v * 10 + unsigned(*p++ - '0');
        }
        if (v > 255)
            return false;
        a = a << 8 | v;
        if (part < 3) {
            if (p == end || *p != '.')
                return false;
            ++p;
        }
    }
    if (p != end)
        return false;
    out = a;
    return true;
}

inline std::optional<IpAddress> address(std::string_view text)
{
    quint32 v4;
    if (dottedQuad(text.data(), text.data() + text.size(), v4))
        return IpAddress::fromV4(v4);
    return IpAddress::parse(text);
}

// "a.b.c.d/len" in place; anything else through IpPrefix::parse.
inline std::optional<IpPrefix> prefix(std::string_view text)
{
    const char *p = text.data(), *end = p + text.size();
    const char *slash = static_cast<const char *>(std::memchr(p, '/', text.size()));
    quint32 v4;
    if (slash && (end - slash == 2 || end - slash == 3) && dottedQuad(p, slash, v4)) {
        unsigned len = unsigned(slash[1] - '0');
        if (len <= 9 && end - slash == 3) {
            const unsigned d = unsigned(slash[2] - '0');
            len = d <= 9 ? len * 10 + d : 99;
        }
        if (len <= 32)
            return IpPrefix(IpAddress::fromV4(v4), quint8(len));
        return std::nullopt;
    }
    return IpPrefix::parse(text);
}

} // namespace rl::addressscan
