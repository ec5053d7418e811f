#pragma once

// Address and prefix reading for the full-table parsers: the dotted quads of nearly every
// row read in place, anything else (IPv6, refusals) handed to IpAddress / IpPrefix::parse,
// whose rules (inet_pton's) the fast path keeps.

#include "engine/api/ip_address.h"

#include <cstring>
#include <optional>
#include <string_view>

namespace rl::addressscan {

// 1-3 digits per part, no leading zero, each <= 255, exactly four parts; p is left after
// the last digit (the caller decides what may follow).
inline bool dottedQuadAt(const char *&p, const char *end, quint32 &out)
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
    out = a;
    return true;
}

inline bool dottedQuad(const char *p, const char *end, quint32 &out)
{
    return dottedQuadAt(p, end, out) && p == end;
}

// A token at p read without first finding its end (the text reader's columns): the dotted
// quad (with "/len", 1-2 digits, <= 32, for prefixAt) when one starts at p and is followed by
// a blank or the line's end; false for anything else, which the caller reads the general way.
inline bool addressAt(const char *&p, const char *end, quint32 &out)
{
    const char *q = p;
    if (!dottedQuadAt(q, end, out) || (q != end && *q != ' ' && *q != '\t'))
        return false;
    p = q;
    return true;
}

inline bool prefixAt(const char *&p, const char *end, IpPrefix &out)
{
    const char *q = p;
    quint32 v4;
    if (!dottedQuadAt(q, end, v4) || q == end || *q != '/')
        return false;
    ++q;
    if (q == end || unsigned(*q - '0') > 9)
        return false;
    unsigned len = unsigned(*q++ - '0');
    if (q != end && unsigned(*q - '0') <= 9)
        len = len * 10 + unsigned(*q++ - '0');
    if (len > 32 || (q != end && *q != ' ' && *q != '\t'))
        return false;
    out = IpPrefix(IpAddress::fromV4(v4), quint8(len));
    p = q;
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
    // An empty view may have no data at all; memchr() must not see a null pointer, even for
    // zero bytes (undefined behaviour; rows without a prefix hand over such views).
    if (text.empty())
        return std::nullopt;
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
