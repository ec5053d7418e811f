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
        {"hostname", "Hostname", ColumnType::Text, true},
        {"vendor", "Vendor", ColumnType::Text, false},
        {"platform", "Platform", ColumnType::Text, false},
        {"osVersion", "OS version", ColumnType::Text, false},
        {"model", "Model", ColumnType::Text, false},
        {"serial", "Serial", ColumnType::Text, false},
        {"uptimeSeconds", "Uptime", ColumnType::Duration, false},
    };
    return cols;
}

QVariant FactsRecord::value(int c) const
{
    switch (c) {
    case 0: return optText(hostname);
    case 1: return optText(vendor);
    case 2: return optText(platform);
    case 3: return optText(osVersion);
    case 4: return optText(model);
    case 5: return optText(serial);
    case 6: return optInt(uptimeSeconds);
    }
    return {};
}

void FactsRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: hostname = v.toString(); break;
    case 1: vendor = v.toString(); break;
    case 2: platform = v.toString(); break;
    case 3: osVersion = v.toString(); break;
    case 4: model = v.toString(); break;
    case 5: serial = v.toString(); break;
    case 6: uptimeSeconds = toInt(v); break;
    }
}

// ---- InterfaceRecord

std::span<const ColumnInfo> InterfaceRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"name", "Interface", ColumnType::Text, true},
        {"adminState", "Admin", ColumnType::State, false},
        {"operState", "Oper", ColumnType::State, false},
        {"speedBps", "Speed", ColumnType::BitRate, false},
        {"mtu", "MTU", ColumnType::Integer, false},
        {"mac", "MAC", ColumnType::Text, false},
        {"description", "Description", ColumnType::Text, false},
        {"lastChangeSeconds", "Last change", ColumnType::Duration, false},
        {"inPackets", "In packets", ColumnType::Counter, false},
        {"outPackets", "Out packets", ColumnType::Counter, false},
        {"inErrors", "In errors", ColumnType::Counter, false},
        {"outErrors", "Out errors", ColumnType::Counter, false},
        {"crcErrors", "CRC errors", ColumnType::Counter, false},
        {"inDiscards", "In discards", ColumnType::Counter, false},
        {"outDiscards", "Out discards", ColumnType::Counter, false},
    };
    return cols;
}

QVariant InterfaceRecord::value(int c) const
{
    switch (c) {
    case 0: return name;
    case 1: return linkStateName(adminState);
    case 2: return linkStateName(operState);
    case 3: return optInt(speedBps);
    case 4: return optInt(mtu);
    case 5: return optText(mac);
    case 6: return optText(description);
    case 7: return optInt(lastChangeSeconds);
    case 8: return optInt(inPackets);
    case 9: return optInt(outPackets);
    case 10: return optInt(inErrors);
    case 11: return optInt(outErrors);
    case 12: return optInt(crcErrors);
    case 13: return optInt(inDiscards);
    case 14: return optInt(outDiscards);
    }
    return {};
}

void InterfaceRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: name = v.toString(); break;
    case 1: adminState = linkStateFromName(v.toString()); break;
    case 2: operState = linkStateFromName(v.toString()); break;
    case 3: speedBps = toInt(v); break;
    case 4: mtu = toInt(v); break;
    case 5: mac = v.toString(); break;
    case 6: description = v.toString(); break;
    case 7: lastChangeSeconds = toInt(v); break;
    case 8: inPackets = toInt(v); break;
    case 9: outPackets = toInt(v); break;
    case 10: inErrors = toInt(v); break;
    case 11: outErrors = toInt(v); break;
    case 12: crcErrors = toInt(v); break;
    case 13: inDiscards = toInt(v); break;
    case 14: outDiscards = toInt(v); break;
    }
}

// ---- BgpNeighborRecord

std::span<const ColumnInfo> BgpNeighborRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"vrf", "VRF", ColumnType::Text, true},
        {"neighbor", "Neighbor", ColumnType::Address, true},
        {"addressFamily", "Address family", ColumnType::Text, true},
        {"localAs", "Local AS", ColumnType::Integer, false},
        {"remoteAs", "Remote AS", ColumnType::Integer, false},
        {"remoteRouterId", "Remote router ID", ColumnType::Address, false},
        {"state", "State", ColumnType::State, false},
        {"stateDetail", "State detail", ColumnType::Text, false},
        {"adminEnabled", "Admin enabled", ColumnType::Bool, false},
        {"uptimeSeconds", "Up/down for", ColumnType::Duration, false},
        {"prefixesReceived", "Received", ColumnType::Integer, false},
        {"prefixesAccepted", "Accepted", ColumnType::Integer, false},
        {"prefixesSent", "Sent", ColumnType::Integer, false},
        {"description", "Description", ColumnType::Text, false},
        {"lastError", "Last error", ColumnType::Text, false},
        // Last, so that answers stored before it was added still decode (record_set_codec).
        {"localAddress", "Local address", ColumnType::Address, false},
    };
    return cols;
}

QVariant BgpNeighborRecord::value(int c) const
{
    switch (c) {
    case 0: return vrf;
    case 1: return neighbor;
    case 2: return optText(addressFamily);
    case 3: return optInt(localAs);
    case 4: return optInt(remoteAs);
    case 5: return optText(remoteRouterId);
    case 6: return bgpStateName(state);
    case 7: return optText(stateDetail);
    case 8: return adminEnabled;
    case 9: return optInt(uptimeSeconds);
    case 10: return optInt(prefixesReceived);
    case 11: return optInt(prefixesAccepted);
    case 12: return optInt(prefixesSent);
    case 13: return optText(description);
    case 14: return optText(lastError);
    case 15: return optText(localAddress);
    }
    return {};
}

void BgpNeighborRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: vrf = v.toString(); break;
    case 1: neighbor = v.toString(); break;
    case 2: addressFamily = v.toString(); break;
    case 3: localAs = toInt(v); break;
    case 4: remoteAs = toInt(v); break;
    case 5: remoteRouterId = v.toString(); break;
    case 6: state = bgpStateFromName(v.toString()); break;
    case 7: stateDetail = v.toString(); break;
    case 8: adminEnabled = v.toBool(); break;
    case 9: uptimeSeconds = toInt(v); break;
    case 10: prefixesReceived = toInt(v); break;
    case 11: prefixesAccepted = toInt(v); break;
    case 12: prefixesSent = toInt(v); break;
    case 13: description = v.toString(); break;
    case 14: lastError = v.toString(); break;
    case 15: localAddress = v.toString(); break;
    }
}

// ---- ArpRecord

std::span<const ColumnInfo> ArpRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"vrf", "VRF", ColumnType::Text, true},
        {"ip", "IP address", ColumnType::Address, true},
        {"mac", "MAC", ColumnType::Text, false},
        {"interface", "Interface", ColumnType::Text, true},
        {"ageSeconds", "Age", ColumnType::Duration, false},
        {"state", "State", ColumnType::State, false},
    };
    return cols;
}

QVariant ArpRecord::value(int c) const
{
    switch (c) {
    case 0: return vrf;
    case 1: return ip;
    case 2: return optText(mac);
    case 3: return interfaceName;
    case 4: return optInt(ageSeconds);
    case 5: return neighborStateName(state);
    }
    return {};
}

void ArpRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: vrf = v.toString(); break;
    case 1: ip = v.toString(); break;
    case 2: mac = v.toString(); break;
    case 3: interfaceName = v.toString(); break;
    case 4: ageSeconds = toInt(v); break;
    case 5: state = neighborStateFromName(v.toString()); break;
    }
}

// ---- VlanRecord

std::span<const ColumnInfo> VlanRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"interface", "Interface", ColumnType::Text, true},
        {"parentInterface", "Parent", ColumnType::Text, false},
        {"vlanId", "VLAN", ColumnType::Integer, false},
        {"innerVlanId", "Inner VLAN", ColumnType::Integer, false},
        {"encapsulation", "Encapsulation", ColumnType::Text, false},
        {"operState", "Oper", ColumnType::State, false},
        {"inPackets", "In packets", ColumnType::Counter, false},
        {"outPackets", "Out packets", ColumnType::Counter, false},
        {"unknownTagDrops", "Unknown-tag drops", ColumnType::Counter, false},
        {"mismatchedTagDrops", "Mismatched-tag drops", ColumnType::Counter, false},
        {"otherDrops", "Other drops", ColumnType::Counter, false},
        {"expectedVlan", "Expected VLAN", ColumnType::Integer, false},
        {"tagCheck", "Tag check", ColumnType::State, false},
    };
    return cols;
}

QVariant VlanRecord::value(int c) const
{
    switch (c) {
    case 0: return interfaceName;
    case 1: return optText(parentInterface);
    case 2: return optInt(vlanId);
    case 3: return optInt(innerVlanId);
    case 4: return optText(encapsulation);
    case 5: return linkStateName(operState);
    case 6: return optInt(inPackets);
    case 7: return optInt(outPackets);
    case 8: return optInt(unknownTagDrops);
    case 9: return optInt(mismatchedTagDrops);
    case 10: return optInt(otherDrops);
    case 11: return optInt(expectedVlan);
    case 12: return tagCheckName(tagCheck);
    }
    return {};
}

void VlanRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: interfaceName = v.toString(); break;
    case 1: parentInterface = v.toString(); break;
    case 2: vlanId = toInt(v); break;
    case 3: innerVlanId = toInt(v); break;
    case 4: encapsulation = v.toString(); break;
    case 5: operState = linkStateFromName(v.toString()); break;
    case 6: inPackets = toInt(v); break;
    case 7: outPackets = toInt(v); break;
    case 8: unknownTagDrops = toInt(v); break;
    case 9: mismatchedTagDrops = toInt(v); break;
    case 10: otherDrops = toInt(v); break;
    case 11: expectedVlan = toInt(v); break;
    case 12: tagCheck = tagCheckFromName(v.toString()); break;
    }
}

// ---- RouteRecord

std::span<const ColumnInfo> RouteRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"prefix", "Prefix", ColumnType::Prefix, true},
        {"nextHop", "Next hop", ColumnType::Address, true},
        {"asPath", "AS path", ColumnType::Text, false},
        {"origin", "Origin", ColumnType::State, false},
        {"localPref", "Local pref", ColumnType::Integer, false},
        {"med", "MED", ColumnType::Integer, false},
        {"communities", "Communities", ColumnType::Text, false},
        {"best", "Best", ColumnType::Bool, false},
        {"valid", "Valid", ColumnType::Bool, false},
        {"protocol", "Protocol", ColumnType::Text, false},
        {"interface", "Interface", ColumnType::Text, false},
    };
    return cols;
}

QVariant RouteRecord::value(int c) const
{
    switch (c) {
    case 0: return prefix.toString();
    case 1: return nextHop.isNull() ? QVariant() : QVariant(nextHop.toString());
    case 2: return asPath;
    case 3: return routeOriginName(origin);
    case 4: return optInt(localPref);
    case 5: return optInt(med);
    case 6: return optText(communities);
    case 7: return best;
    case 8: return valid;
    case 9: return optText(protocol);
    case 10: return optText(interfaceName);
    }
    return {};
}

void RouteRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: prefix = IpPrefix::parse(QStringView(v.toString())).value_or(IpPrefix()); break;
    case 1: nextHop = IpAddress::parse(QStringView(v.toString())).value_or(IpAddress()); break;
    case 2: asPath = v.toString(); break;
    case 3: origin = routeOriginFromName(v.toString()); break;
    case 4: localPref = toInt(v); break;
    case 5: med = toInt(v); break;
    case 6: communities = v.toString(); break;
    case 7: best = v.toBool(); break;
    case 8: valid = v.toBool(); break;
    case 9: protocol = v.toString(); break;
    case 10: interfaceName = v.toString(); break;
    }
}

// ---- LldpNeighborRecord

std::span<const ColumnInfo> LldpNeighborRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"localInterface", "Local interface", ColumnType::Text, true},
        {"remoteSystemName", "Remote system", ColumnType::Text, false},
        {"remoteChassisId", "Remote chassis ID", ColumnType::Text, false},
        {"remotePortId", "Remote port", ColumnType::Text, true},
        {"remotePortDescription", "Remote port description", ColumnType::Text, false},
        {"remoteMgmtAddress", "Remote management address", ColumnType::Address, false},
        {"capabilities", "Capabilities", ColumnType::Text, false},
    };
    return cols;
}

QVariant LldpNeighborRecord::value(int c) const
{
    switch (c) {
    case 0: return localInterface;
    case 1: return optText(remoteSystemName);
    case 2: return optText(remoteChassisId);
    case 3: return optText(remotePortId);
    case 4: return optText(remotePortDescription);
    case 5: return optText(remoteMgmtAddress);
    case 6: return optText(capabilities);
    }
    return {};
}

void LldpNeighborRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: localInterface = v.toString(); break;
    case 1: remoteSystemName = v.toString(); break;
    case 2: remoteChassisId = v.toString(); break;
    case 3: remotePortId = v.toString(); break;
    case 4: remotePortDescription = v.toString(); break;
    case 5: remoteMgmtAddress = v.toString(); break;
    case 6: capabilities = v.toString(); break;
    }
}

// ---- OpticsRecord

std::span<const ColumnInfo> OpticsRecord::columns()
{
    static constexpr ColumnInfo cols[] = {
        {"interface", "Interface", ColumnType::Text, true},
        {"lane", "Lane", ColumnType::Integer, true},
        {"rxPowerDbm", "Rx power (dBm)", ColumnType::Real, false},
        {"txPowerDbm", "Tx power (dBm)", ColumnType::Real, false},
        {"temperatureC", "Temperature (°C)", ColumnType::Real, false},
        {"biasMa", "Bias (mA)", ColumnType::Real, false},
        {"rxLowWarnDbm", "Rx low warning (dBm)", ColumnType::Real, false},
        {"rxHighWarnDbm", "Rx high warning (dBm)", ColumnType::Real, false},
        {"txLowWarnDbm", "Tx low warning (dBm)", ColumnType::Real, false},
        {"txHighWarnDbm", "Tx high warning (dBm)", ColumnType::Real, false},
    };
    return cols;
}

QVariant OpticsRecord::value(int c) const
{
    switch (c) {
    case 0: return interfaceName;
    case 1: return optInt(lane);
    case 2: return optReal(rxPowerDbm);
    case 3: return optReal(txPowerDbm);
    case 4: return optReal(temperatureC);
    case 5: return optReal(biasMa);
    case 6: return optReal(rxLowWarnDbm);
    case 7: return optReal(rxHighWarnDbm);
    case 8: return optReal(txLowWarnDbm);
    case 9: return optReal(txHighWarnDbm);
    }
    return {};
}

void OpticsRecord::setValue(int c, const QVariant &v)
{
    switch (c) {
    case 0: interfaceName = v.toString(); break;
    case 1: lane = toInt(v); break;
    case 2: rxPowerDbm = toReal(v); break;
    case 3: txPowerDbm = toReal(v); break;
    case 4: temperatureC = toReal(v); break;
    case 5: biasMa = toReal(v); break;
    case 6: rxLowWarnDbm = toReal(v); break;
    case 7: rxHighWarnDbm = toReal(v); break;
    case 8: txLowWarnDbm = toReal(v); break;
    case 9: txHighWarnDbm = toReal(v); break;
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
    switch (kind) {
    case QueryKind::Facts: return QList<FactsRecord>();
    case QueryKind::LinkStatus: return QList<InterfaceRecord>();
    case QueryKind::BgpStatus: return QList<BgpNeighborRecord>();
    case QueryKind::ArpTable: return QList<ArpRecord>();
    case QueryKind::VlanErrors: return QList<VlanRecord>();
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
    case QueryKind::RouteLookup: return QList<RouteRecord>();
    case QueryKind::LldpNeighbors: return QList<LldpNeighborRecord>();
    case QueryKind::Optics: return QList<OpticsRecord>();
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
