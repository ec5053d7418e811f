#include "engine/inventory/inventory_document.h"

#include "engine/inventory/inventory_builder.h"
#include "engine/inventory/inventory_json_writer.h"
#include "engine/inventory/json_inventory_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace rl {

namespace {

InventoryProblem problem(const QString &field, const QString &message)
{
    if (message.isEmpty())
        return {};
    // The readers' sentences start lower case after "file, line n: "; alone they start a sentence.
    QString sentence = message;
    sentence[0] = sentence[0].toUpper();
    return {field, sentence};
}

QString rowText(qsizetype index, const char *list)
{
    return QStringLiteral("row %1 of the %2 list").arg(index + 1).arg(QLatin1String(list));
}

} // namespace

const QStringList &InventoryDocument::routerKeyOrder()
{
    static const QStringList keys{QStringLiteral("name"),        QStringLiteral("host"),
                                  QStringLiteral("port"),        QStringLiteral("platform"),
                                  QStringLiteral("transport"),   QStringLiteral("credentials"),
                                  QStringLiteral("knownHosts"),  QStringLiteral("caFile"),
                                  QStringLiteral("pinnedCertSha256"), QStringLiteral("tlsVerify"),
                                  QStringLiteral("maxOutputBytes"), QStringLiteral("tags")};
    return keys;
}

const QStringList &InventoryDocument::connectionKeyOrder()
{
    static const QStringList keys{
        QStringLiteral("id"),               QStringLiteral("customer"),         QStringLiteral("providerRouter"),
        QStringLiteral("providerInterface"), QStringLiteral("vlan"),            QStringLiteral("innerVlan"),
        QStringLiteral("providerAddress"),  QStringLiteral("customerAddress"),  QStringLiteral("providerAddress6"),
        QStringLiteral("customerAddress6"), QStringLiteral("providerAs"),       QStringLiteral("customerAs"),
        QStringLiteral("customerRouter"),   QStringLiteral("customerInterface"), QStringLiteral("mtu"),
        QStringLiteral("prefixLimit"),      QStringLiteral("expectedPrefixes"), QStringLiteral("vrf"),
        QStringLiteral("customerVrf")};
    return keys;
}

Result<InventoryDocument> InventoryDocument::fromJson(const QByteArray &data, const QString &fileName)
{
    Result<Inventory> inv = JsonInventoryReader::read(data, fileName);
    if (!inv.ok())
        return inv.error();
    std::optional<OrderedJson> root = OrderedJson::parse(data);
    if (!root || root->kind() != OrderedJson::Kind::Object)
        return Error(ErrorCode::InventoryError, QStringLiteral("%1: the file could not be read for editing.").arg(fileName));
    InventoryDocument doc;
    doc.m_fileName = fileName;
    doc.m_root = std::move(*root);
    // The reader keeps the file's order and refuses duplicates: index i is element i.
    doc.m_routers = inv->routers();
    doc.m_connections = inv->connections();
    doc.m_credentials = inv->credentials();
    return doc;
}

InventoryDocument InventoryDocument::fromInventory(const Inventory &inventory, const QString &fileName)
{
    InventoryDocument doc;
    doc.m_fileName = fileName;
    const QJsonObject root = QJsonDocument::fromJson(inventoryToJson(inventory)).object();
    doc.m_root = OrderedJson::fromValue(root, {QStringLiteral("version"), QStringLiteral("comment"),
                                               QStringLiteral("credentials"), QStringLiteral("routers"),
                                               QStringLiteral("connections")});
    // Each router and connection in the writer's order, not sorted.
    if (OrderedJson *routers = doc.array(QStringLiteral("routers")))
        for (size_t i = 0; i < routers->items().size(); ++i)
            routers->items()[i] = OrderedJson::fromValue(routerToJson(inventory.routers()[qsizetype(i)]), routerKeyOrder());
    if (OrderedJson *conns = doc.array(QStringLiteral("connections")))
        for (size_t i = 0; i < conns->items().size(); ++i)
            conns->items()[i] =
                OrderedJson::fromValue(connectionToJson(inventory.connections()[qsizetype(i)]), connectionKeyOrder());
    doc.m_routers = inventory.routers();
    doc.m_connections = inventory.connections();
    doc.m_credentials = inventory.credentials();
    return doc;
}

QStringList InventoryDocument::credentialProfiles() const
{
    QStringList names = m_credentials.keys();
    names.sort();
    return names;
}

OrderedJson *InventoryDocument::array(const QString &key)
{
    OrderedJson *a = m_root.member(key);
    return a && a->kind() == OrderedJson::Kind::Array ? a : nullptr;
}

InventoryProblem InventoryDocument::routerProblem(const Router &router, qsizetype index) const
{
    QString field;
    if (const QString p = Inventory::routerProblem(router, &field); !p.isEmpty())
        return problem(field, p);
    for (qsizetype i = 0; i < m_routers.size(); ++i) {
        if (i != index && m_routers[i].name == router.name)
            return problem(QStringLiteral("name"), InventoryBuilder::duplicateRouterProblem(router.name, rowText(i, "router")));
    }
    if (const QString p = InventoryBuilder::credentialsReferenceProblem(router, credentialProfiles(), &field); !p.isEmpty())
        return problem(field, p);
    return {};
}

InventoryProblem InventoryDocument::connectionProblem(const Connection &connection, qsizetype index) const
{
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        if (i != index && !connection.id.isEmpty() && m_connections[i].id == connection.id)
            return problem(QStringLiteral("id"),
                           InventoryBuilder::duplicateConnectionProblem(connection.id, rowText(i, "connection")));
    }
    const auto hasRouter = [this](const QString &name) {
        return std::any_of(m_routers.cbegin(), m_routers.cend(), [&](const Router &r) { return r.name == name; });
    };
    QString field;
    const QString p = InventoryBuilder::connectionProblem(connection, hasRouter, &field);
    return problem(field, p);
}

Result<qsizetype> InventoryDocument::setRouter(qsizetype index, const Router &router)
{
    if (const InventoryProblem p = routerProblem(router, index))
        return Error(ErrorCode::InventoryError, p.message);
    OrderedJson *routers = array(QStringLiteral("routers"));
    if (!routers)
        return Error(ErrorCode::InventoryError, QStringLiteral("The inventory has no router list."));
    if (index < 0 || index >= m_routers.size()) {
        routers->items().push_back(OrderedJson::fromValue(routerToJson(router), routerKeyOrder()));
        m_routers.append(router);
        index = m_routers.size() - 1;
    } else {
        const Router before = m_routers[index];
        routers->items()[size_t(index)].patch(routerToJson(before), routerToJson(router), routerKeyOrder());
        m_routers[index] = router;
        if (before.name != router.name) {
            for (qsizetype i = 0; i < m_connections.size(); ++i) {
                Connection c = m_connections[i];
                if (c.providerRouter != before.name && c.customerRouter != before.name)
                    continue;
                if (c.providerRouter == before.name)
                    c.providerRouter = router.name;
                if (c.customerRouter == before.name)
                    c.customerRouter = router.name;
                (void)setConnection(i, c);
            }
        }
    }
    m_modified = true;
    return index;
}

Result<qsizetype> InventoryDocument::setConnection(qsizetype index, const Connection &connection)
{
    if (const InventoryProblem p = connectionProblem(connection, index))
        return Error(ErrorCode::InventoryError, p.message);
    OrderedJson *conns = array(QStringLiteral("connections"));
    if (!conns) {
        OrderedJson empty = OrderedJson::fromValue(QJsonArray());
        m_root.set(QStringLiteral("connections"), empty,
                   {QStringLiteral("version"), QStringLiteral("comment"), QStringLiteral("credentials"),
                    QStringLiteral("routers"), QStringLiteral("connections")});
        conns = array(QStringLiteral("connections"));
    }
    if (index < 0 || index >= m_connections.size()) {
        conns->items().push_back(OrderedJson::fromValue(connectionToJson(connection), connectionKeyOrder()));
        m_connections.append(connection);
        index = m_connections.size() - 1;
    } else {
        conns->items()[size_t(index)].patch(connectionToJson(m_connections[index]), connectionToJson(connection),
                                            connectionKeyOrder());
        m_connections[index] = connection;
    }
    m_modified = true;
    return index;
}

InventoryProblem InventoryDocument::removeRouter(qsizetype index)
{
    if (index < 0 || index >= m_routers.size())
        return {};
    const QString name = m_routers[index].name;
    for (const Connection &c : std::as_const(m_connections)) {
        if (c.providerRouter == name || c.customerRouter == name)
            return {QString(), QStringLiteral("Router \"%1\" is an end of connection \"%2\": remove that connection or "
                                              "give it another router first.")
                                   .arg(name, c.id)};
    }
    OrderedJson *routers = array(QStringLiteral("routers"));
    routers->items().erase(routers->items().begin() + index);
    m_routers.removeAt(index);
    m_modified = true;
    return {};
}

void InventoryDocument::removeConnection(qsizetype index)
{
    OrderedJson *conns = array(QStringLiteral("connections"));
    if (!conns || index < 0 || index >= m_connections.size())
        return;
    conns->items().erase(conns->items().begin() + index);
    m_connections.removeAt(index);
    m_modified = true;
}

QByteArray InventoryDocument::toJson() const
{
    return m_root.toJson();
}

Result<Inventory> InventoryDocument::reread() const
{
    return JsonInventoryReader::read(toJson(), m_fileName);
}

} // namespace rl
