#include "engine/inventory/inventory_json_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rl {
namespace {

void putText(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void putNumber(QJsonObject &o, const char *key, qint64 value)
{
    if (value != -1)
        o.insert(QLatin1String(key), value);
}

} // namespace

QJsonObject routerToJson(const Router &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("host"), r.host);
    o.insert(QStringLiteral("port"), r.port);
    o.insert(QStringLiteral("platform"), r.platform);
    o.insert(QStringLiteral("transport"), transportKindName(r.transport));
    putText(o, "credentials", r.credentials);
    putText(o, "knownHosts", r.knownHosts);
    putText(o, "proxyJump", r.proxyJump);
    putText(o, "caFile", r.caFile);
    putText(o, "pinnedCertSha256", r.pinnedCertSha256);
    if (!r.tlsVerify)
        o.insert(QStringLiteral("tlsVerify"), false);
    if (r.maxOutputBytes != 0)
        o.insert(QStringLiteral("maxOutputBytes"), r.maxOutputBytes);
    if (!r.tags.isEmpty()) {
        QJsonObject tags;
        for (auto it = r.tags.cbegin(); it != r.tags.cend(); ++it)
            tags.insert(it.key(), it.value());
        o.insert(QStringLiteral("tags"), tags);
    }
    return o;
}

QJsonObject connectionToJson(const Connection &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), c.id);
    putText(o, "customer", c.customer);
    putText(o, "providerRouter", c.providerRouter);
    putText(o, "providerInterface", c.providerInterface);
    putNumber(o, "vlan", c.vlan);
    putNumber(o, "innerVlan", c.innerVlan);
    putText(o, "providerAddress", c.providerAddress);
    putText(o, "customerAddress", c.customerAddress);
    putText(o, "providerAddress6", c.providerAddress6);
    putText(o, "customerAddress6", c.customerAddress6);
    putNumber(o, "providerAs", c.providerAs);
    putNumber(o, "customerAs", c.customerAs);
    putText(o, "customerRouter", c.customerRouter);
    putText(o, "customerInterface", c.customerInterface);
    putNumber(o, "mtu", c.mtu);
    putNumber(o, "prefixLimit", c.prefixLimit);
    if (!c.expectedPrefixes.isEmpty())
        o.insert(QStringLiteral("expectedPrefixes"), QJsonArray::fromStringList(c.expectedPrefixes));
    putText(o, "vrf", c.vrf);
    putText(o, "customerVrf", c.customerVrf);
    return o;
}

QByteArray inventoryToJson(const Inventory &inventory, const QString &comment)
{
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    if (!comment.isEmpty())
        root.insert(QStringLiteral("comment"), comment);

    QStringList names = inventory.credentials().keys();
    names.sort();
    QJsonObject credentials;
    for (const QString &name : names) {
        const CredentialProfile &p = inventory.credentials()[name];
        QJsonObject o;
        putText(o, "username", p.username);
        putText(o, "keyFile", p.keyFile);
        putText(o, "secret", p.secret);
        if (!p.useAgent)
            o.insert(QStringLiteral("useAgent"), false);
        credentials.insert(name, o);
    }
    if (!credentials.isEmpty())
        root.insert(QStringLiteral("credentials"), credentials);

    QJsonArray routers;
    for (const Router &r : inventory.routers())
        routers.append(routerToJson(r));
    root.insert(QStringLiteral("routers"), routers);

    QJsonArray connections;
    for (const Connection &c : inventory.connections())
        connections.append(connectionToJson(c));
    if (!connections.isEmpty())
        root.insert(QStringLiteral("connections"), connections);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace rl
