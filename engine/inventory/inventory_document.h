#pragma once

#include "engine/inventory/inventory.h"
#include "engine/inventory/ordered_json.h"

#include <QByteArray>
#include <QString>

namespace rl {

// Why an edit is refused: the sentence, and the JSON key of the field at fault ("name",
// "port", "providerRouter", ...; empty when no one field is), for an editor to show it there.
struct InventoryProblem {
    QString field;
    QString message;
    bool isEmpty() const { return message.isEmpty(); }
    explicit operator bool() const { return !message.isEmpty(); }
};

// A RouterLens JSON inventory being edited: routers and connections added, changed and
// removed with the readers' own checks (Inventory::routerProblem, InventoryBuilder), written
// back with everything else the file holds as it was: keys the editor does not show, keys it
// does not know, their order, numbers and texts as written. Only changed members are touched.
class InventoryDocument
{
public:
    // A RouterLens JSON file's text, read as JsonInventoryReader reads it.
    static Result<InventoryDocument> fromJson(const QByteArray &data, const QString &fileName);
    // An inventory read from another form (YAML, Nornir, Ansible, CSV): its JSON form to start
    // from (inventoryToJson), to be saved as a new JSON file.
    static InventoryDocument fromInventory(const Inventory &inventory, const QString &fileName);

    const QList<Router> &routers() const { return m_routers; }
    const QList<Connection> &connections() const { return m_connections; }
    QStringList credentialProfiles() const;
    bool isModified() const { return m_modified; }

    // Why `router` cannot take the place of router `index` (-1: be added); empty when it can.
    InventoryProblem routerProblem(const Router &router, qsizetype index) const;
    InventoryProblem connectionProblem(const Connection &connection, qsizetype index) const;
    // The change, when routerProblem/connectionProblem allow it. A renamed router is renamed in
    // the connections that name it. Returns the index the item has now.
    Result<qsizetype> setRouter(qsizetype index, const Router &router);
    Result<qsizetype> setConnection(qsizetype index, const Connection &connection);
    // A router is not removed while a connection names it.
    InventoryProblem removeRouter(qsizetype index);
    void removeConnection(qsizetype index);

    QByteArray toJson() const;
    // toJson() read back by JsonInventoryReader: the last check before the text is written.
    Result<Inventory> reread() const;

    // The order new keys are written in (the JSON writer's).
    static const QStringList &routerKeyOrder();
    static const QStringList &connectionKeyOrder();

private:
    InventoryDocument() = default;
    OrderedJson *array(const QString &key);

    QString m_fileName;
    OrderedJson m_root;
    QList<Router> m_routers;         // the typed form of m_root's "routers", index for index
    QList<Connection> m_connections; // and "connections"
    QHash<QString, CredentialProfile> m_credentials;
    bool m_modified = false;
};

} // namespace rl
