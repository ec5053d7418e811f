#pragma once

#include "engine/inventory/inventory.h"

#include <QList>
#include <QString>

namespace rl {

// The checks every inventory format shares. A reader hands over what it parsed together
// with the line each item starts on; finish() checks names, references and ranges and
// reports the first problem as an inventory-error naming the file and the line.
class InventoryBuilder
{
public:
    explicit InventoryBuilder(QString fileName) : m_fileName(std::move(fileName)) {}

    void addCredentials(const CredentialProfile &profile, int line);
    void addRouter(const Router &router, int line);
    void addConnection(const Connection &connection, int line);

    Result<Inventory> finish() const;

    // "<file>, line <n>: <problem>" as an inventory-error; line <= 0 leaves the line out.
    Error error(int line, const QString &problem) const;
    const QString &fileName() const { return m_fileName; }

private:
    template<typename T>
    struct At {
        T item;
        int line = 0;
    };

    QString m_fileName;
    QList<At<CredentialProfile>> m_credentials;
    QList<At<Router>> m_routers;
    QList<At<Connection>> m_connections;
};

} // namespace rl
