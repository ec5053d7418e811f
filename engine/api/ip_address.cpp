#include "engine/api/ip_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace rl {

namespace {

// Hand-written parsers with inet_pton's rules (no copy, no NUL terminator, no locale): routing
// tables parse millions of addresses. Dotted quad: exactly four decimal parts of 1-3 digits,
// each <= 255, no leading zeros ("01" is rejected, as inet_pton does).
bool parseV4(const char *p, const char *end, quint8 *out)
{
    int parts = 0;
    while (true) {
        if (p == end || unsigned(*p - '0') > 9)
            return false;
        unsigned v = unsigned(*p++ - '0');
        int digits = 1;
        while (p != end && unsigned(*p - '0') <= 9) {
            if (v == 0 || ++digits > 3) // leading zero, or too long
                return false;
            v = v * 10 + unsigned(*p++ - '0');
        }
        if (v > 255)
            return false;
        out[parts++] = quint8(v);
        if (parts == 4)
            return p == end;
        if (p == end || *p != '.')
            return false;
        ++p;
    }
}

int hexValue(char c)
{
    if (unsigned(c - '0') <= 9)
        return c - '0';
    const unsigned l = unsigned((c | 0x20) - 'a');
    return l <= 5 ? int(l) + 10 : -1;
}

// RFC 4291 text: up to eight groups of 1-4 hex digits, at most one "::" standing for at least
// one zero group, and optionally a dotted quad in place of the last two groups.
bool parseV6(const char *p, const char *end, quint8 *out)
{
    quint16 groups[8];
    int n = 0, gap = -1;
    if (p != end && *p == ':') {
        if (end - p < 2 || p[1] != ':')
            return false;
        gap = 0;
        p += 2;
        if (p == end)
            goto expand;
    }
    while (true) {
        const char *start = p;
        unsigned v = 0;
        int digits = 0;
        for (int h; p != end && (h = hexValue(*p)) >= 0; ++p) {
            if (++digits > 4)
                return false;
            v = (v << 4) | unsigned(h);
        }
        if (p != end && *p == '.') {
            // Embedded IPv4: the rest of the text, in the last two groups.
            quint8 q[4];
            if (n > 6 || !parseV4(start, end, q))
                return false;
            groups[n++] = quint16(q[0] << 8 | q[1]);
            groups[n++] = quint16(q[2] << 8 | q[3]);
            break;
        }
        if (digits == 0 || n == 8)
            return false;
        groups[n++] = quint16(v);
        if (p == end)
            break;
        if (*p != ':')
            return false;
        ++p;
        if (p != end && *p == ':') {
            if (gap >= 0)
                return false;
            gap = n;
            ++p;
            if (p == end)
                break;
        } else if (p == end) {
            return false; // a single trailing colon
        }
    }
expand:
    if (gap >= 0) {
        if (n == 8)
            return false; // "::" must stand for at least one group
        const int tail = n - gap;
        for (int i = 0; i < tail; ++i)
            groups[7 - i] = groups[n - 1 - i];
        for (int i = gap; i < 8 - tail; ++i)
            groups[i] = 0;
    } else if (n != 8) {
        return false;
    }
    for (int i = 0; i < 8; ++i) {
        out[2 * i] = quint8(groups[i] >> 8);
        out[2 * i + 1] = quint8(groups[i]);
    }
    return true;
}

} // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    if (text.empty() || text.size() > INET6_ADDRSTRLEN)
        return std::nullopt;
    const char *p = text.data(), *end = p + text.size();
    IpAddress a;
    if (std::memchr(p, ':', text.size()) == nullptr) {
        if (!parseV4(p, end, a.m_bytes.data()))
            return std::nullopt;
        a.m_family = Family::V4;
    } else {
        if (!parseV6(p, end, a.m_bytes.data()))
            return std::nullopt;
        a.m_family = Family::V6;
    }
    return a;
}

std::optional<IpAddress> IpAddress::parse(QStringView text)
{
    if (text.size() > INET6_ADDRSTRLEN)
        return std::nullopt;
    char buf[INET6_ADDRSTRLEN + 1];
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 127)
            return std::nullopt;
        buf[i] = static_cast<char>(c);
    }
    return parse(std::string_view(buf, static_cast<size_t>(text.size())));
}

IpAddress IpAddress::fromBytes(Family family, const std::array<quint8, 16> &bytes)
{
    IpAddress a;
    a.m_family = family;
    if (family == Family::None)
        return a;
    a.m_bytes = bytes;
    if (family == Family::V4)
        std::fill(a.m_bytes.begin() + 4, a.m_bytes.end(), quint8(0));
    return a;
}

IpAddress IpPrefix::firstHost() const
{
    const int bits = m_address.bitLength();
    if (bits == 0 || m_length + 2 > bits)
        return m_address;
    std::array<quint8, 16> b = m_address.bytes();
    b[size_t(bits / 8 - 1)] |= 1; // the network address has its host bits zero: no carry
    return IpAddress::fromBytes(m_address.family(), b);
}

IpAddress IpAddress::fromV4(quint32 hostOrder)
{
    IpAddress a;
    a.m_family = Family::V4;
    a.m_bytes[0] = quint8(hostOrder >> 24);
    a.m_bytes[1] = quint8(hostOrder >> 16);
    a.m_bytes[2] = quint8(hostOrder >> 8);
    a.m_bytes[3] = quint8(hostOrder);
    return a;
}

QString IpAddress::toString() const
{
    char buf[INET6_ADDRSTRLEN];
    switch (m_family) {
    case Family::V4:
        inet_ntop(AF_INET, m_bytes.data(), buf, sizeof buf);
        return QString::fromLatin1(buf);
    case Family::V6:
        inet_ntop(AF_INET6, m_bytes.data(), buf, sizeof buf);
        return QString::fromLatin1(buf);
    case Family::None:
        break;
    }
    return {};
}

bool IpAddress::matchesPrefix(const IpAddress &network, int bits) const
{
    if (m_family != network.m_family || bits < 0 || bits > bitLength())
        return false;
    const int whole = bits / 8;
    if (std::memcmp(m_bytes.data(), network.m_bytes.data(), size_t(whole)) != 0)
        return false;
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const quint8 mask = quint8(0xff << (8 - rest));
    return (m_bytes[size_t(whole)] & mask) == (network.m_bytes[size_t(whole)] & mask);
}

std::optional<IpPrefix> IpPrefix::parse(std::string_view text)
{
    const size_t slash = text.find('/');
    const auto addr = IpAddress::parse(text.substr(0, slash));
    if (!addr)
        return std::nullopt;
    int len = addr->bitLength();
    if (slash != std::string_view::npos) {
        const std::string_view lenText = text.substr(slash + 1);
        if (lenText.empty() || lenText.size() > 3)
            return std::nullopt;
        len = 0;
        for (char c : lenText) {
            if (c < '0' || c > '9')
                return std::nullopt;
            len = len * 10 + (c - '0');
        }
        if (len > addr->bitLength())
            return std::nullopt;
    }
    return IpPrefix(*addr, quint8(len));
}

std::optional<IpPrefix> IpPrefix::parse(QStringView text)
{
    if (text.size() > INET6_ADDRSTRLEN + 4)
        return std::nullopt;
    char buf[INET6_ADDRSTRLEN + 5];
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 127)
            return std::nullopt;
        buf[i] = static_cast<char>(c);
    }
    return parse(std::string_view(buf, static_cast<size_t>(text.size())));
}

QString IpPrefix::toString() const
{
    if (isNull())
        return {};
    return m_address.toString() + QLatin1Char('/') + QString::number(m_length);
}

QString normalizeMac(QStringView text)
{
    QString hex;
    hex.reserve(12);
    for (QChar c : text) {
        if (c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            hex.append(c.toLower());
        else if (c != QLatin1Char(':') && c != QLatin1Char('-') && c != QLatin1Char('.'))
            return {};
    }
    if (hex.size() != 12)
        return {};
    QString out;
    out.reserve(17);
    for (int i = 0; i < 12; i += 2) {
        if (i)
            out.append(QLatin1Char(':'));
        out.append(hex.mid(i, 2));
    }
    return out;
}

} // namespace rl
