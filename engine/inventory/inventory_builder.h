#pragma once

#include "engine/inventory/inventory.h"

#include <QList>
#include <QString>

#include <functional>

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

    // The checks of one item, shared by finish() and the window's inventory editor: why the
    // item is not valid, or empty when it is; `field` (when given) gets the JSON key at fault.
    // `where` of a duplicate is where the first one is ("line 12").
    static QString credentialsReferenceProblem(const Router &router, const QStringList &profiles,
                                               QString *field = nullptr);
    static QString duplicateRouterProblem(const QString &name, const QString &where);
    static QString duplicateConnectionProblem(const QString &id, const QString &where);
    static QString connectionProblem(const Connection &connection,
                                     const std::function<bool(const QString &)> &hasRouter,
                                     QString *field = nullptr);
    // The ranges the JSON reader also checks at the field's own line (-1, "none", is out of
    // range here: written out, it is a mistake). `what`: "connection \"x\"".
    static QString mtuProblem(const QString &what, qint64 mtu);
    static QString prefixLimitProblem(const QString &what, qint64 limit);

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
