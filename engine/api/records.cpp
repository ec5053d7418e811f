#include "engine/api/records.h"

#include "engine/api/display_text.h"

#include <QJsonObject>

#include <array>

namespace rl {
namespace {

QVariant optInt(qint64 v) { return v < 0 ? QVariant() : QVariant(v); }
QVariant optReal(double v) { return std::isnan(v) ? QVariant() : QVariant(v); }
QVariant optText(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }
qint64 toInt(const QVariant &v)
{
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? n : -1;
}
double toReal(const QVariant &v)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok && v.isValid() ? d : NAN;
}

template<typename E, size_t N>
QString enumName(E value, const std::array<const char *, N> &names)
{
    return QString::fromLatin1(names[static_cast<size_t>(value)]);
}

template<typename E, size_t N>
E enumFromName(QStringView name, const std::array<const char *, N> &names)
{
    for (size_t i = 0; i < N; ++i) {
        if (name.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return static_cast<E>(i);
    }
    return static_cast<E>(0);
}

constexpr std::array<const char *, 8> kLinkStates{"unknown", "up", "down", "admin-down", "testing", "dormant", "lower-layer-down", "not-present"};
constexpr std::array<const char *, 7> kBgpStates{"unknown", "idle", "connect", "active", "opensent", "openconfirm", "established"};
constexpr std::array<const char *, 10> kNeighborStates{"unknown", "complete", "incomplete", "reachable", "stale", "delay", "probe", "failed", "permanent", "noarp"};
constexpr std::array<const char *, 4> kOrigins{"unknown", "igp", "egp", "incomplete"};
constexpr std::array<const char *, 4> kTagChecks{"unknown", "match", "mismatch", "untagged"};

} // namespace

QString linkStateName(LinkState s) { return enumName(s, kLinkStates); }
LinkState linkStateFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("administratively down") || n == QLatin1String("admin down") || n == QLatin1String("disabled"))
        return LinkState::AdminDown;
    if (n == QLatin1String("lowerlayerdown") || n == QLatin1String("lower layer down"))
        return LinkState::LowerLayerDown;
    if (n == QLatin1String("notpresent"))
        return LinkState::NotPresent;
    if (n == QLatin1String("connected") || n == QLatin1String("enabled"))
        return LinkState::Up;
    return enumFromName<LinkState>(n, kLinkStates);
}

QString bgpStateName(BgpState s) { return enumName(s, kBgpStates); }
BgpState bgpStateFromName(QStringView name)
{
    QString n = name.trimmed().toString().toLower();
    // "Idle (Admin)", "Idle (PfxCt)", "Active*" ... : the state is the first word.
    qsizetype cut = 0;
    while (cut < n.size() && n[cut] >= QLatin1Char('a') && n[cut] <= QLatin1Char('z'))
        ++cut;
    if (cut > 0)
        n.truncate(cut);
    if (n == QLatin1String("estab") || n == QLatin1String("up"))
        return BgpState::Established;
    return enumFromName<BgpState>(n, kBgpStates);
}

QString neighborStateName(NeighborState s) { return enumName(s, kNeighborStates); }
NeighborState neighborStateFromName(QStringView name) { return enumFromName<NeighborState>(name.trimmed(), kNeighborStates); }

QString routeOriginName(RouteOrigin o) { return enumName(o, kOrigins); }
RouteOrigin routeOriginFromName(QStringView name)
{
    const QStringView n = name.trimmed();
    if (n == u"i")
        return RouteOrigin::Igp;
    if (n == u"e")
        return RouteOrigin::Egp;
    if (n == u"?")
        return RouteOrigin::Incomplete;
    return enumFromName<RouteOrigin>(n, kOrigins);
}

QString tagCheckName(TagCheck t) { return enumName(t, kTagChecks); }
TagCheck tagCheckFromName(QStringView name) { return enumFromName<TagCheck>(name.trimmed(), kTagChecks); }

// ---- FactsRecord

std::span<const ColumnInfo> FactsRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"hostname", QT_TRANSLATE_NOOP("rl::Records", "Hostname"), ColumnType::Text, true},
        {"vendor", QT_TRANSLATE_NOOP("rl::Records", "Vendor"), ColumnType::Text, false},
        {"platform", QT_TRANSLATE_NOOP("rl::Records", "Platform"), ColumnType::Text, false},
        {"osVersion", QT_TRANSLATE_NOOP("rl::Records", "OS version"), ColumnType::Text, false},
        {"model", QT_TRANSLATE_NOOP("rl::Records", "Model"), ColumnType::Text, false},
        {"serial", QT_TRANSLATE_NOOP("rl::Records", "Serial"), ColumnType::Text, false},
        {"uptimeSeconds", QT_TRANSLATE_NOOP("rl::Records", "Uptime"), ColumnType::Duration, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per FactsRecord::Column, in its order");
    return cols;
}

QVariant FactsRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Hostname: return optText(hostname);
    case Column::Vendor: return optText(vendor);
    case Column::Platform: return optText(platform);
    case Column::OsVersion: return optText(osVersion);
    case Column::Model: return optText(model);
    case Column::Serial: return optText(serial);
    case Column::UptimeSeconds: return optInt(uptimeSeconds);
    }
    return {};
}

void FactsRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Hostname: hostname = v.toString(); break;
    case Column::Vendor: vendor = v.toString(); break;
    case Column::Platform: platform = v.toString(); break;
    case Column::OsVersion: osVersion = v.toString(); break;
    case Column::Model: model = v.toString(); break;
    case Column::Serial: serial = v.toString(); break;
    case Column::UptimeSeconds: uptimeSeconds = toInt(v); break;
    }
}

// ---- InterfaceRecord

std::span<const ColumnInfo> InterfaceRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"name", QT_TRANSLATE_NOOP("rl::Records", "Interface"), ColumnType::Text, true},
        {"adminState", QT_TRANSLATE_NOOP("rl::Records", "Admin"), ColumnType::State, false},
        {"operState", QT_TRANSLATE_NOOP("rl::Records", "Oper"), ColumnType::State, false},
        {"speedBps", QT_TRANSLATE_NOOP("rl::Records", "Speed"), ColumnType::BitRate, false},
        {"mtu", QT_TRANSLATE_NOOP("rl::Records", "MTU"), ColumnType::Integer, false},
        {"mac", QT_TRANSLATE_NOOP("rl::Records", "MAC"), ColumnType::Text, false},
        {"description", QT_TRANSLATE_NOOP("rl::Records", "Description"), ColumnType::Text, false},
        {"lastChangeSeconds", QT_TRANSLATE_NOOP("rl::Records", "Last change"), ColumnType::Duration, false},
        {"inPackets", QT_TRANSLATE_NOOP("rl::Records", "In packets"), ColumnType::Counter, false},
        {"outPackets", QT_TRANSLATE_NOOP("rl::Records", "Out packets"), ColumnType::Counter, false},
        {"inErrors", QT_TRANSLATE_NOOP("rl::Records", "In errors"), ColumnType::Counter, false},
        {"outErrors", QT_TRANSLATE_NOOP("rl::Records", "Out errors"), ColumnType::Counter, false},
        {"crcErrors", QT_TRANSLATE_NOOP("rl::Records", "CRC errors"), ColumnType::Counter, false},
        {"inDiscards", QT_TRANSLATE_NOOP("rl::Records", "In discards"), ColumnType::Counter, false},
        {"outDiscards", QT_TRANSLATE_NOOP("rl::Records", "Out discards"), ColumnType::Counter, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per InterfaceRecord::Column, in its order");
    return cols;
}

QVariant InterfaceRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Name: return name;
    case Column::AdminState: return linkStateName(adminState);
    case Column::OperState: return linkStateName(operState);
    case Column::SpeedBps: return optInt(speedBps);
    case Column::Mtu: return optInt(mtu);
    case Column::Mac: return optText(mac);
    case Column::Description: return optText(description);
    case Column::LastChangeSeconds: return optInt(lastChangeSeconds);
    case Column::InPackets: return optInt(inPackets);
    case Column::OutPackets: return optInt(outPackets);
    case Column::InErrors: return optInt(inErrors);
    case Column::OutErrors: return optInt(outErrors);
    case Column::CrcErrors: return optInt(crcErrors);
    case Column::InDiscards: return optInt(inDiscards);
    case Column::OutDiscards: return optInt(outDiscards);
    }
    return {};
}

void InterfaceRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Name: name = v.toString(); break;
    case Column::AdminState: adminState = linkStateFromName(v.toString()); break;
    case Column::OperState: operState = linkStateFromName(v.toString()); break;
    case Column::SpeedBps: speedBps = toInt(v); break;
    case Column::Mtu: mtu = toInt(v); break;
    case Column::Mac: mac = v.toString(); break;
    case Column::Description: description = v.toString(); break;
    case Column::LastChangeSeconds: lastChangeSeconds = toInt(v); break;
    case Column::InPackets: inPackets = toInt(v); break;
    case Column::OutPackets: outPackets = toInt(v); break;
    case Column::InErrors: inErrors = toInt(v); break;
    case Column::OutErrors: outErrors = toInt(v); break;
    case Column::CrcErrors: crcErrors = toInt(v); break;
    case Column::InDiscards: inDiscards = toInt(v); break;
    case Column::OutDiscards: outDiscards = toInt(v); break;
    }
}

// ---- BgpNeighborRecord

std::span<const ColumnInfo> BgpNeighborRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"vrf", QT_TRANSLATE_NOOP("rl::Records", "VRF"), ColumnType::Text, true},
        {"neighbor", QT_TRANSLATE_NOOP("rl::Records", "Neighbor"), ColumnType::Address, true},
        {"addressFamily", QT_TRANSLATE_NOOP("rl::Records", "Address family"), ColumnType::Text, true},
        {"localAs", QT_TRANSLATE_NOOP("rl::Records", "Local AS"), ColumnType::Integer, false},
        {"remoteAs", QT_TRANSLATE_NOOP("rl::Records", "Remote AS"), ColumnType::Integer, false},
        {"remoteRouterId", QT_TRANSLATE_NOOP("rl::Records", "Remote router ID"), ColumnType::Address, false},
        {"state", QT_TRANSLATE_NOOP("rl::Records", "State"), ColumnType::State, false},
        {"stateDetail", QT_TRANSLATE_NOOP("rl::Records", "State detail"), ColumnType::Text, false},
        {"adminEnabled", QT_TRANSLATE_NOOP("rl::Records", "Admin enabled"), ColumnType::Bool, false},
        {"uptimeSeconds", QT_TRANSLATE_NOOP("rl::Records", "Up/down for"), ColumnType::Duration, false},
        {"prefixesReceived", QT_TRANSLATE_NOOP("rl::Records", "Received"), ColumnType::Integer, false},
        {"prefixesAccepted", QT_TRANSLATE_NOOP("rl::Records", "Accepted"), ColumnType::Integer, false},
        {"prefixesSent", QT_TRANSLATE_NOOP("rl::Records", "Sent"), ColumnType::Integer, false},
        {"description", QT_TRANSLATE_NOOP("rl::Records", "Description"), ColumnType::Text, false},
        {"lastError", QT_TRANSLATE_NOOP("rl::Records", "Last error"), ColumnType::Text, false},
        // Last, so that answers stored before it was added still decode (record_set_codec).
        {"localAddress", QT_TRANSLATE_NOOP("rl::Records", "Local address"), ColumnType::Address, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per BgpNeighborRecord::Column, in its order");
    return cols;
}

QVariant BgpNeighborRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Vrf: return vrf;
    case Column::Neighbor: return neighbor;
    case Column::AddressFamily: return optText(addressFamily);
    case Column::LocalAs: return optInt(localAs);
    case Column::RemoteAs: return optInt(remoteAs);
    case Column::RemoteRouterId: return optText(remoteRouterId);
    case Column::State: return bgpStateName(state);
    case Column::StateDetail: return optText(stateDetail);
    case Column::AdminEnabled: return adminEnabled;
    case Column::UptimeSeconds: return optInt(uptimeSeconds);
    case Column::PrefixesReceived: return optInt(prefixesReceived);
    case Column::PrefixesAccepted: return optInt(prefixesAccepted);
    case Column::PrefixesSent: return optInt(prefixesSent);
    case Column::Description: return optText(description);
    case Column::LastError: return optText(lastError);
    case Column::LocalAddress: return optText(localAddress);
    }
    return {};
}

void BgpNeighborRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Vrf: vrf = v.toString(); break;
    case Column::Neighbor: neighbor = v.toString(); break;
    case Column::AddressFamily: addressFamily = v.toString(); break;
    case Column::LocalAs: localAs = toInt(v); break;
    case Column::RemoteAs: remoteAs = toInt(v); break;
    case Column::RemoteRouterId: remoteRouterId = v.toString(); break;
    case Column::State: state = bgpStateFromName(v.toString()); break;
    case Column::StateDetail: stateDetail = v.toString(); break;
    case Column::AdminEnabled: adminEnabled = v.toBool(); break;
    case Column::UptimeSeconds: uptimeSeconds = toInt(v); break;
    case Column::PrefixesReceived: prefixesReceived = toInt(v); break;
    case Column::PrefixesAccepted: prefixesAccepted = toInt(v); break;
    case Column::PrefixesSent: prefixesSent = toInt(v); break;
    case Column::Description: description = v.toString(); break;
    case Column::LastError: lastError = v.toString(); break;
    case Column::LocalAddress: localAddress = v.toString(); break;
    }
}

// ---- ArpRecord

std::span<const ColumnInfo> ArpRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"vrf", QT_TRANSLATE_NOOP("rl::Records", "VRF"), ColumnType::Text, true},
        {"ip", QT_TRANSLATE_NOOP("rl::Records", "IP address"), ColumnType::Address, true},
        {"mac", QT_TRANSLATE_NOOP("rl::Records", "MAC"), ColumnType::Text, false},
        {"interface", QT_TRANSLATE_NOOP("rl::Records", "Interface"), ColumnType::Text, true},
        {"ageSeconds", QT_TRANSLATE_NOOP("rl::Records", "Age"), ColumnType::Duration, false},
        {"state", QT_TRANSLATE_NOOP("rl::Records", "State"), ColumnType::State, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per ArpRecord::Column, in its order");
    return cols;
}

QVariant ArpRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Vrf: return vrf;
    case Column::Ip: return ip;
    case Column::Mac: return optText(mac);
    case Column::Interface: return interfaceName;
    case Column::AgeSeconds: return optInt(ageSeconds);
    case Column::State: return neighborStateName(state);
    }
    return {};
}

void ArpRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Vrf: vrf = v.toString(); break;
    case Column::Ip: ip = v.toString(); break;
    case Column::Mac: mac = v.toString(); break;
    case Column::Interface: interfaceName = v.toString(); break;
    case Column::AgeSeconds: ageSeconds = toInt(v); break;
    case Column::State: state = neighborStateFromName(v.toString()); break;
    }
}

// ---- VlanRecord

std::span<const ColumnInfo> VlanRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"interface", QT_TRANSLATE_NOOP("rl::Records", "Interface"), ColumnType::Text, true},
        {"parentInterface", QT_TRANSLATE_NOOP("rl::Records", "Parent"), ColumnType::Text, false},
        {"vlanId", QT_TRANSLATE_NOOP("rl::Records", "VLAN"), ColumnType::Integer, false},
        {"innerVlanId", QT_TRANSLATE_NOOP("rl::Records", "Inner VLAN"), ColumnType::Integer, false},
        {"encapsulation", QT_TRANSLATE_NOOP("rl::Records", "Encapsulation"), ColumnType::Text, false},
        {"operState", QT_TRANSLATE_NOOP("rl::Records", "Oper"), ColumnType::State, false},
        {"inPackets", QT_TRANSLATE_NOOP("rl::Records", "In packets"), ColumnType::Counter, false},
        {"outPackets", QT_TRANSLATE_NOOP("rl::Records", "Out packets"), ColumnType::Counter, false},
        {"unknownTagDrops", QT_TRANSLATE_NOOP("rl::Records", "Unknown-tag drops"), ColumnType::Counter, false},
        {"mismatchedTagDrops", QT_TRANSLATE_NOOP("rl::Records", "Mismatched-tag drops"), ColumnType::Counter, false},
        {"otherDrops", QT_TRANSLATE_NOOP("rl::Records", "Other drops"), ColumnType::Counter, false},
        {"expectedVlan", QT_TRANSLATE_NOOP("rl::Records", "Expected VLAN"), ColumnType::Integer, false},
        {"tagCheck", QT_TRANSLATE_NOOP("rl::Records", "Tag check"), ColumnType::State, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per VlanRecord::Column, in its order");
    return cols;
}

QVariant VlanRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Interface: return interfaceName;
    case Column::ParentInterface: return optText(parentInterface);
    case Column::VlanId: return optInt(vlanId);
    case Column::InnerVlanId: return optInt(innerVlanId);
    case Column::Encapsulation: return optText(encapsulation);
    case Column::OperState: return linkStateName(operState);
    case Column::InPackets: return optInt(inPackets);
    case Column::OutPackets: return optInt(outPackets);
    case Column::UnknownTagDrops: return optInt(unknownTagDrops);
    case Column::MismatchedTagDrops: return optInt(mismatchedTagDrops);
    case Column::OtherDrops: return optInt(otherDrops);
    case Column::ExpectedVlan: return optInt(expectedVlan);
    case Column::TagCheck: return tagCheckName(tagCheck);
    }
    return {};
}

void VlanRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Interface: interfaceName = v.toString(); break;
    case Column::ParentInterface: parentInterface = v.toString(); break;
    case Column::VlanId: vlanId = toInt(v); break;
    case Column::InnerVlanId: innerVlanId = toInt(v); break;
    case Column::Encapsulation: encapsulation = v.toString(); break;
    case Column::OperState: operState = linkStateFromName(v.toString()); break;
    case Column::InPackets: inPackets = toInt(v); break;
    case Column::OutPackets: outPackets = toInt(v); break;
    case Column::UnknownTagDrops: unknownTagDrops = toInt(v); break;
    case Column::MismatchedTagDrops: mismatchedTagDrops = toInt(v); break;
    case Column::OtherDrops: otherDrops = toInt(v); break;
    case Column::ExpectedVlan: expectedVlan = toInt(v); break;
    case Column::TagCheck: tagCheck = tagCheckFromName(v.toString()); break;
    }
}

// ---- RouteRecord

std::span<const ColumnInfo> RouteRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"prefix", QT_TRANSLATE_NOOP("rl::Records", "Prefix"), ColumnType::Prefix, true},
        {"nextHop", QT_TRANSLATE_NOOP("rl::Records", "Next hop"), ColumnType::Address, true},
        {"asPath", QT_TRANSLATE_NOOP("rl::Records", "AS path"), ColumnType::Text, false},
        {"origin", QT_TRANSLATE_NOOP("rl::Records", "Origin"), ColumnType::State, false},
        {"localPref", QT_TRANSLATE_NOOP("rl::Records", "Local pref"), ColumnType::Integer, false},
        {"med", QT_TRANSLATE_NOOP("rl::Records", "MED"), ColumnType::Integer, false},
        {"communities", QT_TRANSLATE_NOOP("rl::Records", "Communities"), ColumnType::Text, false},
        {"best", QT_TRANSLATE_NOOP("rl::Records", "Best"), ColumnType::Bool, false},
        {"valid", QT_TRANSLATE_NOOP("rl::Records", "Valid"), ColumnType::Bool, false},
        {"protocol", QT_TRANSLATE_NOOP("rl::Records", "Protocol"), ColumnType::Text, false},
        {"interface", QT_TRANSLATE_NOOP("rl::Records", "Interface"), ColumnType::Text, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per RouteRecord::Column, in its order");
    return cols;
}

QVariant RouteRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Prefix: return prefix.toString();
    case Column::NextHop: return nextHop.isNull() ? QVariant() : QVariant(nextHop.toString());
    case Column::AsPath: return asPath;
    case Column::Origin: return routeOriginName(origin);
    case Column::LocalPref: return optInt(localPref);
    case Column::Med: return optInt(med);
    case Column::Communities: return optText(communities);
    case Column::Best: return best;
    case Column::Valid: return valid;
    case Column::Protocol: return optText(protocol);
    case Column::Interface: return optText(interfaceName);
    }
    return {};
}

void RouteRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Prefix: prefix = IpPrefix::parse(QStringView(v.toString())).value_or(IpPrefix()); break;
    case Column::NextHop: nextHop = IpAddress::parse(QStringView(v.toString())).value_or(IpAddress()); break;
    case Column::AsPath: asPath = v.toString(); break;
    case Column::Origin: origin = routeOriginFromName(v.toString()); break;
    case Column::LocalPref: localPref = toInt(v); break;
    case Column::Med: med = toInt(v); break;
    case Column::Communities: communities = v.toString(); break;
    case Column::Best: best = v.toBool(); break;
    case Column::Valid: valid = v.toBool(); break;
    case Column::Protocol: protocol = v.toString(); break;
    case Column::Interface: interfaceName = v.toString(); break;
    }
}

// ---- LldpNeighborRecord

std::span<const ColumnInfo> LldpNeighborRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"localInterface", QT_TRANSLATE_NOOP("rl::Records", "Local interface"), ColumnType::Text, true},
        {"remoteSystemName", QT_TRANSLATE_NOOP("rl::Records", "Remote system"), ColumnType::Text, false},
        {"remoteChassisId", QT_TRANSLATE_NOOP("rl::Records", "Remote chassis ID"), ColumnType::Text, false},
        {"remotePortId", QT_TRANSLATE_NOOP("rl::Records", "Remote port"), ColumnType::Text, true},
        {"remotePortDescription", QT_TRANSLATE_NOOP("rl::Records", "Remote port description"), ColumnType::Text, false},
        {"remoteMgmtAddress", QT_TRANSLATE_NOOP("rl::Records", "Remote management address"), ColumnType::Address, false},
        {"capabilities", QT_TRANSLATE_NOOP("rl::Records", "Capabilities"), ColumnType::Text, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per LldpNeighborRecord::Column, in its order");
    return cols;
}

QVariant LldpNeighborRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::LocalInterface: return localInterface;
    case Column::RemoteSystemName: return optText(remoteSystemName);
    case Column::RemoteChassisId: return optText(remoteChassisId);
    case Column::RemotePortId: return optText(remotePortId);
    case Column::RemotePortDescription: return optText(remotePortDescription);
    case Column::RemoteMgmtAddress: return optText(remoteMgmtAddress);
    case Column::Capabilities: return optText(capabilities);
    }
    return {};
}

void LldpNeighborRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::LocalInterface: localInterface = v.toString(); break;
    case Column::RemoteSystemName: remoteSystemName = v.toString(); break;
    case Column::RemoteChassisId: remoteChassisId = v.toString(); break;
    case Column::RemotePortId: remotePortId = v.toString(); break;
    case Column::RemotePortDescription: remotePortDescription = v.toString(); break;
    case Column::RemoteMgmtAddress: remoteMgmtAddress = v.toString(); break;
    case Column::Capabilities: capabilities = v.toString(); break;
    }
}

// ---- OpticsRecord

std::span<const ColumnInfo> OpticsRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"interface", QT_TRANSLATE_NOOP("rl::Records", "Interface"), ColumnType::Text, true},
        {"lane", QT_TRANSLATE_NOOP("rl::Records", "Lane"), ColumnType::Integer, true},
        {"rxPowerDbm", QT_TRANSLATE_NOOP("rl::Records", "Rx power (dBm)"), ColumnType::Real, false},
        {"txPowerDbm", QT_TRANSLATE_NOOP("rl::Records", "Tx power (dBm)"), ColumnType::Real, false},
        {"temperatureC", QT_TRANSLATE_NOOP("rl::Records", "Temperature (°C)"), ColumnType::Real, false},
        {"biasMa", QT_TRANSLATE_NOOP("rl::Records", "Bias (mA)"), ColumnType::Real, false},
        {"rxLowWarnDbm", QT_TRANSLATE_NOOP("rl::Records", "Rx low warning (dBm)"), ColumnType::Real, false},
        {"rxHighWarnDbm", QT_TRANSLATE_NOOP("rl::Records", "Rx high warning (dBm)"), ColumnType::Real, false},
        {"txLowWarnDbm", QT_TRANSLATE_NOOP("rl::Records", "Tx low warning (dBm)"), ColumnType::Real, false},
        {"txHighWarnDbm", QT_TRANSLATE_NOOP("rl::Records", "Tx high warning (dBm)"), ColumnType::Real, false},
    };
    static_assert(std::size(cols) == size_t(Column::Count), "one entry per OpticsRecord::Column, in its order");
    return cols;
}

QVariant OpticsRecord::value(int c) const
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Interface: return interfaceName;
    case Column::Lane: return optInt(lane);
    case Column::RxPowerDbm: return optReal(rxPowerDbm);
    case Column::TxPowerDbm: return optReal(txPowerDbm);
    case Column::TemperatureC: return optReal(temperatureC);
    case Column::BiasMa: return optReal(biasMa);
    case Column::RxLowWarnDbm: return optReal(rxLowWarnDbm);
    case Column::RxHighWarnDbm: return optReal(rxHighWarnDbm);
    case Column::TxLowWarnDbm: return optReal(txLowWarnDbm);
    case Column::TxHighWarnDbm: return optReal(txHighWarnDbm);
    }
    return {};
}

void OpticsRecord::setValue(int c, const QVariant &v)
{
    switch (Column(c)) {
    case Column::Count: break;
    case Column::Interface: interfaceName = v.toString(); break;
    case Column::Lane: lane = toInt(v); break;
    case Column::RxPowerDbm: rxPowerDbm = toReal(v); break;
    case Column::TxPowerDbm: txPowerDbm = toReal(v); break;
    case Column::TemperatureC: temperatureC = toReal(v); break;
    case Column::BiasMa: biasMa = toReal(v); break;
    case Column::RxLowWarnDbm: rxLowWarnDbm = toReal(v); break;
    case Column::RxHighWarnDbm: rxHighWarnDbm = toReal(v); break;
    case Column::TxLowWarnDbm: txLowWarnDbm = toReal(v); break;
    case Column::TxHighWarnDbm: txHighWarnDbm = toReal(v); break;
    }
}

bool OpticsRecord::operator==(const OpticsRecord &o) const
{
    // NaN means "not reported": two unreported values are equal.
    auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
    return interfaceName == o.interfaceName && lane == o.lane && same(rxPowerDbm, o.rxPowerDbm)
        && same(txPowerDbm, o.txPowerDbm) && same(temperatureC, o.temperatureC) && same(biasMa, o.biasMa)
        && same(rxLowWarnDbm, o.rxLowWarnDbm) && same(rxHighWarnDbm, o.rxHighWarnDbm)
        && same(txLowWarnDbm, o.txLowWarnDbm) && same(txHighWarnDbm, o.txHighWarnDbm);
}

// ---- RecordSet

namespace {

RecordSet::Lists emptyListsFor(QueryKind kind)
{
    switch (queryKindInfo(kind).records) {
    case RecordType::Facts: return QList<FactsRecord>();
    case RecordType::Interface: return QList<InterfaceRecord>();
    case RecordType::BgpNeighbor: return QList<BgpNeighborRecord>();
    case RecordType::Arp: return QList<ArpRecord>();
    case RecordType::Vlan: return QList<VlanRecord>();
    case RecordType::Route: return QList<RouteRecord>();
    case RecordType::LldpNeighbor: return QList<LldpNeighborRecord>();
    case RecordType::Optics: return QList<OpticsRecord>();
    }
    return QList<FactsRecord>();
}

} // namespace

RecordSet::RecordSet(QueryKind kind) : m_kind(kind), m_rows(emptyListsFor(kind)) {}

qsizetype RecordSet::size() const
{
    return std::visit([](const auto &list) { return list.size(); }, m_rows);
}

std::span<const ColumnInfo> RecordSet::columns() const
{
    return std::visit([](const auto &list) {
        using R = typename std::decay_t<decltype(list)>::value_type;
        return R::columns();
    }, m_rows);
}

std::span<const ColumnInfo> RecordSet::columnsFor(QueryKind kind)
{
    return RecordSet(kind).columns();
}

int RecordSet::columnIndex(QStringView key) const
{
    const auto cols = columns();
    for (size_t i = 0; i < cols.size(); ++i) {
        if (key == QLatin1String(cols[i].key))
            return int(i);
    }
    return -1;
}

QVariant RecordSet::value(qsizetype row, int column) const
{
    return std::visit([&](const auto &list) {
        return (row >= 0 && row < list.size()) ? list.at(row).value(column) : QVariant();
    }, m_rows);
}

QString RecordSet::rowKey(qsizetype row) const
{
    const auto cols = columns();
    QString key;
    for (size_t c = 0; c < cols.size(); ++c) {
        if (!cols[c].isKey)
            continue;
        if (!key.isEmpty())
            key += QLatin1Char('|');
        key += value(row, int(c)).toString();
    }
    return key;
}

QJsonArray RecordSet::toJson() const
{
    QJsonArray out;
    const auto cols = columns();
    const qsizetype n = size();
    for (qsizetype r = 0; r < n; ++r) {
        QJsonObject obj;
        for (size_t c = 0; c < cols.size(); ++c)
            obj.insert(QLatin1String(cols[c].key), QJsonValue::fromVariant(value(r, int(c))));
        out.append(obj);
    }
    return out;
}

RecordSet RecordSet::fromJson(QueryKind kind, const QJsonArray &array)
{
    RecordSet set(kind);
    std::visit([&](auto &list) {
        using R = typename std::decay_t<decltype(list)>::value_type;
        const auto cols = R::columns();
        list.reserve(array.size());
        for (const QJsonValue &v : array) {
            const QJsonObject obj = v.toObject();
            R rec;
            for (size_t c = 0; c < cols.size(); ++c) {
                const QJsonValue field = obj.value(QLatin1String(cols[c].key));
                if (!field.isUndefined() && !field.isNull())
                    rec.setValue(int(c), field.toVariant());
            }
            list.append(std::move(rec));
        }
    }, set.m_rows);
    return set;
}

QString cellText(const QVariant &value, ColumnType type)
{
    if (!value.isValid())
        return {};
    switch (type) {
    case ColumnType::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case ColumnType::Real:
        return QString::number(value.toDouble(), 'f', 2);
    case ColumnType::BitRate: {
        // 10000000000 -> "10 Gb/s", 2500000000 -> "2.5 Gb/s", 100000000 -> "100 Mb/s"
        const qint64 bps = value.toLongLong();
        static constexpr std::pair<qint64, const char *> units[] = {{1'000'000'000'000LL, "Tb/s"}, {1'000'000'000LL, "Gb/s"},
                                                                    {1'000'000LL, "Mb/s"}, {1'000LL, "kb/s"}};
        for (const auto &[scale, unit] : units)
            if (bps >= scale)
                return QStringLiteral("%1 %2").arg(QString::number(double(bps) / double(scale), 'g', 4), QLatin1String(unit));
        return QStringLiteral("%1 b/s").arg(bps);
    }
    case ColumnType::Duration: {
        qint64 s = value.toLongLong();
        const qint64 d = s / 86400; s %= 86400;
        const qint64 h = s / 3600; s %= 3600;
        const qint64 m = s / 60; s %= 60;
        if (d > 0)
            return QStringLiteral("%1d%2h%3m").arg(d).arg(h, 2, 10, QLatin1Char('0')).arg(m, 2, 10, QLatin1Char('0'));
        return QStringLiteral("%1:%2:%3").arg(h, 2, 10, QLatin1Char('0')).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    }
    default:
        // Router-supplied text: escape sequences and direction overrides are shown, not obeyed.
        return DisplayText::escapeControls(value.toString());
    }
}

} // namespace rl
