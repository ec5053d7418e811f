#include "engine/inventory/netbox_inventory.h"

#include "engine/api/ip_address.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <array>

namespace rl {
namespace {

struct Alias {
    const char *netbox;
    const char *platform;
};

// NetBox's own slugs as people make them (its demo data and common practice); NAPALM and Netmiko
// names go through platformFromNornirName.
constexpr std::array<Alias, 14> kNetBoxPlatforms{{
    {"cisco-ios-xe", "cisco-ios"},
    {"ios-xe", "cisco-ios"},
    {"iosxe", "cisco-ios"},
    {"cisco-nx-os", "cisco-nxos"},
    {"nx-os", "cisco-nxos"},
    {"cisco-nxos", "cisco-nxos"},
    {"cisco-ios-xr", "cisco-iosxr"},
    {"ios-xr", "cisco-iosxr"},
    {"juniper-junos", "juniper-junos"},
    {"junos-os", "juniper-junos"},
    {"arista-eos", "arista-eos"},
    {"frrouting", "frr"},
    {"bird2", "bird"},
    {"linux", "linux"},
}};

// "198.51.100.1/24" or "2001:db8::1/64" without its length; empty unless an address.
QString addressOf(const QJsonValue &ip)
{
    const QString text = ip.toObject().value(QStringLiteral("address")).toString();
    const QString address = text.section(QLatin1Char('/'), 0, 0);
    return IpAddress::parse(address) ? address : QString();
}

QString slugOf(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    const QString slug = o.value(QStringLiteral("slug")).toString();
    return slug.isEmpty() ? o.value(QStringLiteral("name")).toString() : slug;
}

} // namespace

NetBoxInventoryReader::NetBoxInventoryReader(CredentialProfile credentials) : m_credentials(std::move(credentials))
{
    if (!m_credentials.name.isEmpty())
        m_inventory.addCredentialProfile(m_credentials);
}

QString NetBoxInventoryReader::platformFromNetBox(QStringView slugOrName)
{
    const QString lower = slugOrName.trimmed().toString().toLower();
    for (const Alias &a : kNetBoxPlatforms) {
        if (lower == QLatin1String(a.netbox))
            return QString::fromLatin1(a.platform);
    }
    if (const QString p = platformFromNornirName(lower); !p.isEmpty())
        return p;
    // Names as people type them in NetBox's form: "Cisco IOS-XE", "Juniper Junos".
    QString squashed = lower;
    squashed.replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char('_'), QLatin1Char('-'));
    for (const Alias &a : kNetBoxPlatforms) {
        if (squashed == QLatin1String(a.netbox))
            return QString::fromLatin1(a.platform);
    }
    return platformFromNornirName(squashed);
}

Error NetBoxInventoryReader::addPage(const QByteArray &json, const QString &where)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    const auto bad = [&](const QString &why) {
        return Error(ErrorCode::InventoryError, QStringLiteral("NetBox's answer at %1 %2.").arg(where, why));
    };
    if (pe.error != QJsonParseError::NoError)
        return bad(QStringLiteral("is not JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject page = doc.object();
    const QJsonValue results = page.value(QStringLiteral("results"));
    if (!doc.isObject() || !results.isArray() || !page.contains(QStringLiteral("count")))
        return bad(QStringLiteral("is not a device list (no \"count\" and \"results\"): is the URL NetBox's, "
                                  "ending in /api/ or /api/dcim/devices/?"));
    if (m_pages++ == 0)
        m_count = qint64(page.value(QStringLiteral("count")).toDouble(-1));
    m_next = page.value(QStringLiteral("next")).toString();
    for (const QJsonValue &d : results.toArray()) {
        if (!d.isObject())
            return bad(QStringLiteral("lists something that is not a device"));
        addDevice(d.toObject());
    }
    return {};
}

void NetBoxInventoryReader::addDevice(const QJsonObject &device)
{
    ++m_devices;
    const qint64 id = qint64(device.value(QStringLiteral("id")).toDouble(-1));
    const QString name = device.value(QStringLiteral("name")).toString().trimmed();
    const QString who = name.isEmpty() ? QStringLiteral("NetBox device %1").arg(id)
                                       : QStringLiteral("NetBox device \"%1\" (id %2)").arg(name, QString::number(id));
    const auto skip = [&](const QString &why) { m_inventory.addWarning(QStringLiteral("%1 left out: %2.").arg(who, why)); };
    if (name.isEmpty())
        return skip(QStringLiteral("it has no name"));
    if (m_inventory.contains(name))
        return skip(QStringLiteral("another device has the same name (give each a unique name in NetBox)"));
    QString host = addressOf(device.value(QStringLiteral("primary_ip")));
    if (host.isEmpty())
        host = addressOf(device.value(QStringLiteral("primary_ip4")));
    if (host.isEmpty())
        host = addressOf(device.value(QStringLiteral("primary_ip6")));
    if (host.isEmpty())
        return skip(QStringLiteral("it has no primary IP to reach it on"));
    const QJsonValue platformValue = device.value(QStringLiteral("platform"));
    const QString netboxPlatform = slugOf(platformValue);
    if (netboxPlatform.isEmpty())
        return skip(QStringLiteral("it has no platform"));
    const QString platform = platformFromNetBox(netboxPlatform);
    if (platform.isEmpty())
        return skip(QStringLiteral("its platform \"%1\" is none RouterLens reads (%2)")
                        .arg(netboxPlatform.left(80), knownPlatforms().join(QStringLiteral(", "))));
    Router r;
    r.name = name;
    r.host = host;
    r.platform = platform;
    r.credentials = m_credentials.name;
    if (const QString site = slugOf(device.value(QStringLiteral("site"))); !site.isEmpty())
        r.tags.insert(QStringLiteral("site"), site);
    if (const QString tenant = slugOf(device.value(QStringLiteral("tenant"))); !tenant.isEmpty())
        r.tags.insert(QStringLiteral("customer"), tenant);
    QString role = slugOf(device.value(QStringLiteral("role")));
    if (role.isEmpty())
        role = slugOf(device.value(QStringLiteral("device_role")));
    if (!role.isEmpty())
        r.tags.insert(QStringLiteral("role"), role);
    if (const QString status = device.value(QStringLiteral("status")).toObject().value(QStringLiteral("value")).toString();
        !status.isEmpty())
        r.tags.insert(QStringLiteral("status"), status);
    if (id >= 0)
        r.tags.insert(QStringLiteral("netbox-id"), QString::number(id));
    if (const QString problem = Inventory::routerProblem(r); !problem.isEmpty())
        return skip(problem);
    if (const Error e = m_inventory.addRouter(r))
        return skip(e.message);
}

Result<Inventory> NetBoxInventoryReader::finish()
{
    if (m_pages == 0)
        return Error(ErrorCode::InventoryError, QStringLiteral("NetBox gave no page of devices."));
    if (m_inventory.routers().isEmpty())
        return Error(ErrorCode::InventoryError,
                     QStringLiteral("None of NetBox's %1 devices could be used: %2").arg(m_devices).arg(
                         m_inventory.warnings().isEmpty() ? QStringLiteral("the list is empty (check the filter).")
                                                          : m_inventory.warnings().first()));
    return m_inventory;
}

} // namespace rl
