#pragma once

#include <QMetaType>
#include <QString>

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rl {

// A compact IPv4/IPv6 address (18 bytes, no heap): routing tables hold millions of them.
class IpAddress
{
public:
    enum class Family : quint8 { None, V4, V6 };

    IpAddress() = default;
    static std::optional<IpAddress> parse(std::string_view text);
    static std::optional<IpAddress> parse(QStringView text);
    static IpAddress fromV4(quint32 hostOrder);
    static IpAddress fromBytes(Family family, const std::array<quint8, 16> &bytes); // v4 in the first 4 bytes

    Family family() const { return m_family; }
    bool isNull() const { return m_family == Family::None; }
    bool isV4() const { return m_family == Family::V4; }
    bool isV6() const { return m_family == Family::V6; }
    int bitLength() const { return isV4() ? 32 : isV6() ? 128 : 0; }
    const std::array<quint8, 16> &bytes() const { return m_bytes; } // v4 in the first 4 bytes

    QString toString() const;
    // True when the first `bits` bits of both addresses are equal (same family).
    bool matchesPrefix(const IpAddress &network, int bits) const;

    friend auto operator<=>(const IpAddress &, const IpAddress &) = default;
    friend bool operator==(const IpAddress &, const IpAddress &) = default;

private:
    std::array<quint8, 16> m_bytes{};
    Family m_family = Family::None;
};

// A network prefix: address and length ("203.0.113.0/24", "2001:db8::/32").
class IpPrefix
{
public:
    IpPrefix() = default;
    IpPrefix(IpAddress address, quint8 length) : m_address(address), m_length(length) {}
    // Accepts "a.b.c.d/len", "v6/len" and a bare address (host prefix).
    static std::optional<IpPrefix> parse(std::string_view text);
    static std::optional<IpPrefix> parse(QStringView text);

    const IpAddress &address() const { return m_address; }
    quint8 length() const { return m_length; }
    bool isNull() const { return m_address.isNull(); }
    bool contains(const IpAddress &addr) const { return addr.matchesPrefix(m_address, m_length); }
    // The first host address: the one after the network address (the network address itself
    // when the prefix has fewer than four addresses). A route lookup of it finds where traffic
    // for the prefix goes.
    IpAddress firstHost() const;
    QString toString() const;

    friend auto operator<=>(const IpPrefix &, const IpPrefix &) = default;
    friend bool operator==(const IpPrefix &, const IpPrefix &) = default;

private:
    IpAddress m_address;
    quint8 m_length = 0;
};

// MAC addresses in one form everywhere: lowercase, colon separated ("00:1b:21:3a:4f:5e").
// Accepts colon, dash, dotted Cisco (001b.213a.4f5e) and bare hex forms; empty on garbage.
QString normalizeMac(QStringView text);

} // namespace rl

Q_DECLARE_METATYPE(rl::IpAddress)
Q_DECLARE_METATYPE(rl::IpPrefix)
