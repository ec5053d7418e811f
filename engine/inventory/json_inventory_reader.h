#pragma once

#include "engine/inventory/inventory.h"
#include "engine/inventory/json_position_index.h"

#include <QJsonObject>

#include <optional>

namespace rl {

class InventoryBuilder;

// Reads RouterLens's own inventory format (JSON, version 1; resources/examples/inventory.json).
// Fields are typed strictly and unknown fields are refused, so a typo such as "platfrom"
// is reported instead of silently ignored.
class JsonInventoryReader
{
public:
    static Result<Inventory> read(const QByteArray &data, const QString &fileName);

private:
    JsonInventoryReader(const QByteArray &data, const QString &fileName) : m_data(data), m_fileName(fileName) {}

    Result<Inventory> run();
    Error readRoot(const InventoryBuilder &builder, QJsonObject *root);
    Error readCredentials(const QJsonObject &root, InventoryBuilder &builder);
    Error readRouters(const QJsonObject &root, InventoryBuilder &builder);
    Error readRouter(const QJsonValue &value, qsizetype index, Router *out);
    Error readConnections(const QJsonObject &root, InventoryBuilder &builder);
    Error readConnection(const QJsonValue &value, qsizetype index, Connection *out);
    int line(const QString &path);
    Error fail(const QString &path, const QString &problem);
    Error checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed, const QString &what);
    Error readString(const QJsonObject &obj, const QString &path, const char *key, QString *out);
    Error readBool(const QJsonObject &obj, const QString &path, const char *key, bool *out);
    Error readInt(const QJsonObject &obj, const QString &path, const char *key, qint64 *out);

    const QByteArray &m_data;
    QString m_fileName;
    std::optional<JsonPositionIndex> m_positions;
};

} // namespace rl
