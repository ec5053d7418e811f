#include "engine/api/ip_address.h"

#include <arpa/inet.h>

#include <cstring>

namespace rl {

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    char buf[INET6_ADDRSTRLEN + 1];
    if (text.empty() || text.size() > INET6_ADDRSTRLEN)
        return std::nullopt;
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    IpAddress a;
    if (text.find(':') == std::string_view::npos) {
        if (inet_pton(AF_INET, buf, a.m_bytes.data()) != 1)
            return std::nullopt;
        a.m_family = Family::V4;
    } else {
        if (inet_pton(AF_INET6, buf, a.m_bytes.data()) != 1)
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
