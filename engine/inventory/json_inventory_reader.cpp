#include "engine/inventory/json_inventory_reader.h"

#include "engine/api/ip_address.h"
#include "engine/inventory/inventory_builder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <climits>
#include <cmath>

namespace rl {
namespace {

constexpr int kFormatVersion = 1;

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true/false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("text");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

int defaultPort(TransportKind t)
{
    switch (t) {
    case TransportKind::HttpEapi:
    case TransportKind::HttpNxapi:
    case TransportKind::Restconf:
        return 443;
    case TransportKind::Ssh:
    case TransportKind::Demo:
        break;
    }
    return 22;
}

QString plainPasswordProblem(const QString &where)
{
    return QStringLiteral("%1 has a \"password\" field. Passwords never go into inventory files: define a "
                          "credentials profile whose \"secret\" is a reference, \"env:<VARIABLE>\" or "
                          "\"keychain:<service>/<account>\".")
        .arg(where);
}

// Where the text first opens a container deeper than `maxDepth`, or -1. One pass; brackets
// inside strings do not count.
qsizetype offsetBeyondDepth(const QByteArray &text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    const char *p = text.constData();
    for (qsizetype i = 0, n = text.size(); i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return -1;
}

} // namespace

Result<Inventory> JsonInventoryReader::read(const QByteArray &data, const QString &fileName)
{
    JsonInventoryReader reader(data, fileName);
    return reader.run();
}

int JsonInventoryReader::line(const QString &path)
{
    if (!m_positions)
        m_positions.emplace(m_data);
    return m_positions->line(path);
}

Error JsonInventoryReader::fail(const QString &path, const QString &problem)
{
    return InventoryBuilder(m_fileName).error(line(path), problem);
}

Error JsonInventoryReader::checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed,
                                     const QString &what)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        // "x-…" fields are the file's own (an owner, a ticket, a note): RouterLens reads past
        // them, and its editor writes them back where they were. Any other name is a typo until
        // shown otherwise.
        if (allowed.contains(it.key()) || it.key().startsWith(QLatin1String("x-")))
            continue;
        const QString keyPath = path.isEmpty() ? it.key() : path + QLatin1Char('/') + it.key();
        if (it.key().compare(QLatin1String("password"), Qt::CaseInsensitive) == 0)
            return fail(keyPath, plainPasswordProblem(what));
        return fail(keyPath, QStringLiteral("%1 has the unknown field \"%2\"; known fields: %3 (a field of your own "
                                            "starts with \"x-\").")
                                 .arg(what, it.key().left(64), allowed.join(QLatin1String(", "))));
    }
    return {};
}

Error JsonInventoryReader::readString(const QJsonObject &obj, const QString &path, const char *key, QString *out)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        return fail(path + QLatin1Char('/') + QLatin1String(key),
                    QStringLiteral("\"%1\" must be text, not %2.").arg(QLatin1String(key), jsonTypeName(v)));
    *out = v.toString();
    return {};
}

Error JsonInventoryReader::readBool(const QJsonObject &obj, const QString &path, const char *key, bool *out)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isBool())
        return fail(path + QLatin1Char('/') + QLatin1String(key),
                    QStringLiteral("\"%1\" must be true or false, not %2.").arg(QLatin1String(key), jsonTypeName(v)));
    *out = v.toBool();
    return {};
}

Error JsonInventoryReader::readInt(const QJsonObject &obj, const QString &path, const char *key, qint64 *out)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    const double d = v.toDouble(NAN);
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e15)
        return fail(path + QLatin1Char('/') + QLatin1String(key),
                    QStringLiteral("\"%1\" must be a whole number, not %2.")
                        .arg(QLatin1String(key), v.isDouble() ? QString::number(d) : jsonTypeName(v)));
    *out = qint64(d);
    return {};
}

Result<Inventory> JsonInventoryReader::run()
{
    InventoryBuilder builder(m_fileName);
    QJsonObject root;
    if (Error e = readRoot(builder, &root))
        return e;
    if (Error e = readCredentials(root, builder))
        return e;
    if (Error e = readRouters(root, builder))
        return e;
    if (Error e = readConnections(root, builder))
        return e;
    return builder.finish();
}

// The document itself: its size and depth, valid JSON, an object with the known keys, the
// format version this build reads.
Error JsonInventoryReader::readRoot(const InventoryBuilder &builder, QJsonObject *root)
{
    if (m_data.size() > Inventory::MaxFileBytes)
        return builder.error(0, QStringLiteral("the inventory is larger than the %1 MiB RouterLens reads; split it "
                                               "into several files.")
                                    .arg(Inventory::MaxFileBytes >> 20));
    // Before parsing: QJsonDocument would accept a thousand levels, each a recursion.
    if (const qsizetype deep = offsetBeyondDepth(m_data, Inventory::MaxNesting); deep >= 0)
        return builder.error(JsonPositionIndex::lineOfOffset(m_data, deep),
                             QStringLiteral("the file is nested more than %1 levels deep here; an inventory needs "
                                            "four. Look for a bracket opened too often, or a generated value that "
                                            "does not belong in the inventory.")
                                 .arg(Inventory::MaxNesting));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int ln = JsonPositionIndex::lineOfOffset(m_data, parseError.offset);
        return builder.error(ln, QStringLiteral("the file is not valid JSON (%1). Check for a missing comma, quote "
                                                "or bracket on this line or the one before.")
                                     .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return builder.error(1, QStringLiteral("the inventory must be a JSON object with \"version\", "
                                               "\"credentials\", \"routers\" and \"connections\"."));
    *root = doc.object();
    if (Error e = checkKeys(*root, QString(),
                            {QStringLiteral("version"), QStringLiteral("comment"), QStringLiteral("credentials"),
                             QStringLiteral("routers"), QStringLiteral("connections")},
                            QStringLiteral("the inventory")))
        return e;

    const QJsonValue version = root->value(QLatin1String("version"));
    if (version.isUndefined())
        return builder.error(1, QStringLiteral("the inventory has no \"version\"; add \"version\": %1.")
                                    .arg(kFormatVersion));
    if (!version.isDouble() || version.toDouble() != kFormatVersion)
        return fail(QStringLiteral("version"),
                    QStringLiteral("inventory format version %1 is not supported; this RouterLens reads version %2.")
                        .arg(version.isDouble() ? QString::number(version.toDouble()) : jsonTypeName(version))
                        .arg(kFormatVersion));
    return {};
}

// Credentials profiles: an object keyed by profile name.
Error JsonInventoryReader::readCredentials(const QJsonObject &root, InventoryBuilder &builder)
{
    const QJsonValue credsValue = root.value(QLatin1String("credentials"));
    if (!credsValue.isUndefined() && !credsValue.isObject())
        return fail(QStringLiteral("credentials"),
                    QStringLiteral("\"credentials\" must be an object of named profiles, not %1.")
                        .arg(jsonTypeName(credsValue)));
    const QJsonObject creds = credsValue.toObject();
    for (auto it = creds.begin(); it != creds.end(); ++it) {
        const QString path = QStringLiteral("credentials/") + it.key();
        const QString what = QStringLiteral("credentials profile \"%1\"").arg(it.key());
        if (!it.value().isObject())
            return fail(path, QStringLiteral("%1 must be an object, not %2.").arg(what, jsonTypeName(it.value())));
        const QJsonObject o = it.value().toObject();
        if (Error e = checkKeys(o, path,
                                {QStringLiteral("username"), QStringLiteral("keyFile"), QStringLiteral("secret"),
                                 QStringLiteral("useAgent")},
                                what))
            return e;
        CredentialProfile p;
        p.name = it.key();
        if (Error e = readString(o, path, "username", &p.username))
            return e;
        if (Error e = readString(o, path, "keyFile", &p.keyFile))
            return e;
        if (Error e = readString(o, path, "secret", &p.secret))
            return e;
        if (Error e = readBool(o, path, "useAgent", &p.useAgent))
            return e;
        builder.addCredentials(p, line(path));
    }
    return {};
}

Error JsonInventoryReader::readRouters(const QJsonObject &root, InventoryBuilder &builder)
{
    const QJsonValue routersValue = root.value(QLatin1String("routers"));
    if (routersValue.isUndefined())
        return builder.error(1, QStringLiteral("the inventory has no \"routers\" list."));
    if (!routersValue.isArray())
        return fail(QStringLiteral("routers"),
                    QStringLiteral("\"routers\" must be a list, not %1.").arg(jsonTypeName(routersValue)));
    const QJsonArray routers = routersValue.toArray();
    for (qsizetype i = 0; i < routers.size(); ++i) {
        Router r;
        if (Error e = readRouter(routers.at(i), i, &r))
            return e;
        builder.addRouter(r, line(QStringLiteral("routers/%1").arg(i)));
    }
    return {};
}

Error JsonInventoryReader::readRouter(const QJsonValue &v, qsizetype i, Router *out)
{
    static const QStringList keys{QStringLiteral("name"),        QStringLiteral("host"),
                                  QStringLiteral("port"),        QStringLiteral("platform"),
                                  QStringLiteral("transport"),   QStringLiteral("credentials"),
                                  QStringLiteral("knownHosts"),  QStringLiteral("tags"),
                                  QStringLiteral("caFile"),      QStringLiteral("pinnedCertSha256"),
                                  QStringLiteral("tlsVerify"),   QStringLiteral("maxOutputBytes"),
                                  QStringLiteral("proxyJump")};
    const QString path = QStringLiteral("routers/%1").arg(i);
    if (!v.isObject())
        return fail(path, QStringLiteral("router number %1 must be an object, not %2.")
                              .arg(i + 1)
                              .arg(jsonTypeName(v)));
    const QJsonObject o = v.toObject();
    Router &r = *out;
    if (Error e = readString(o, path, "name", &r.name))
        return e;
    const QString what = r.name.isEmpty() ? QStringLiteral("router number %1").arg(i + 1)
                                          : QStringLiteral("router \"%1\"").arg(r.name);
    if (Error e = checkKeys(o, path, keys, what))
        return e;
    QString transport;
    if (Error e = readString(o, path, "transport", &transport))
        return e;
    if (!transport.isEmpty()) {
        const auto kind = transportKindFromName(transport);
        if (!kind)
            return fail(path + QStringLiteral("/transport"),
                        QStringLiteral("%1 has the unknown transport \"%2\"; use one of %3.")
                            .arg(what, transport.left(64), transportKindNames().join(QLatin1String(", "))));
        r.transport = *kind;
    }
    qint64 port = defaultPort(r.transport);
    if (Error e = readInt(o, path, "port", &port))
        return e;
    r.port = int(std::clamp<qint64>(port, INT_MIN, INT_MAX)); // out of range is reported by the builder
    if (Error e = readString(o, path, "host", &r.host))
        return e;
    if (Error e = readString(o, path, "platform", &r.platform))
        return e;
    if (Error e = readString(o, path, "credentials", &r.credentials))
        return e;
    if (Error e = readString(o, path, "knownHosts", &r.knownHosts))
        return e;
    if (Error e = readString(o, path, "proxyJump", &r.proxyJump))
        return e;
    if (Error e = readString(o, path, "caFile", &r.caFile))
        return e;
    if (Error e = readString(o, path, "pinnedCertSha256", &r.pinnedCertSha256))
        return e;
    if (Error e = readBool(o, path, "tlsVerify", &r.tlsVerify))
        return e;
    if (Error e = readInt(o, path, "maxOutputBytes", &r.maxOutputBytes))
        return e;
    if (o.contains(QStringLiteral("maxOutputBytes"))) {
        if (const QString p = outputLimitProblem(r.name, r.maxOutputBytes); !p.isEmpty())
            return fail(path + QStringLiteral("/maxOutputBytes"), p);
    }
    const QJsonValue tags = o.value(QLatin1String("tags"));
    if (!tags.isUndefined() && !tags.isNull()) {
        if (!tags.isObject())
            return fail(path + QStringLiteral("/tags"),
                        QStringLiteral("the tags of %1 must be an object of names and texts.").arg(what));
        const QJsonObject t = tags.toObject();
        for (auto it = t.begin(); it != t.end(); ++it) {
            if (!it.value().isString() && !it.value().isDouble())
                return fail(path + QStringLiteral("/tags/") + it.key(),
                            QStringLiteral("tag \"%1\" of %2 must be text.").arg(it.key(), what));
            r.tags.insert(it.key(), it.value().isString() ? it.value().toString()
                                                          : QString::number(it.value().toDouble()));
        }
    }
    return {};
}

Error JsonInventoryReader::readConnections(const QJsonObject &root, InventoryBuilder &builder)
{
    const QJsonValue connsValue = root.value(QLatin1String("connections"));
    if (!connsValue.isUndefined() && !connsValue.isArray())
        return fail(QStringLiteral("connections"),
                    QStringLiteral("\"connections\" must be a list, not %1.").arg(jsonTypeName(connsValue)));
    const QJsonArray conns = connsValue.toArray();
    for (qsizetype i = 0; i < conns.size(); ++i) {
        Connection c;
        if (Error e = readConnection(conns.at(i), i, &c))
            return e;
        builder.addConnection(c, line(QStringLiteral("connections/%1").arg(i)));
    }
    return {};
}

Error JsonInventoryReader::readConnection(const QJsonValue &v, qsizetype i, Connection *out)
{
    static const QStringList keys{QStringLiteral("id"),
                                  QStringLiteral("customer"),
                                  QStringLiteral("providerRouter"),
                                  QStringLiteral("providerInterface"),
                                  QStringLiteral("vlan"),
                                  QStringLiteral("innerVlan"),
                                  QStringLiteral("providerAddress"),
                                  QStringLiteral("customerAddress"),
                                  QStringLiteral("providerAddress6"),
                                  QStringLiteral("customerAddress6"),
                                  QStringLiteral("providerAs"),
                                  QStringLiteral("customerAs"),
                                  QStringLiteral("customerRouter"),
                                  QStringLiteral("customerInterface"),
                                  QStringLiteral("mtu"),
                                  QStringLiteral("prefixLimit"),
                                  QStringLiteral("expectedPrefixes"),
                                  QStringLiteral("vrf"),
                                  QStringLiteral("customerVrf")};
    const QString path = QStringLiteral("connections/%1").arg(i);
    if (!v.isObject())
        return fail(path, QStringLiteral("connection number %1 must be an object, not %2.")
                              .arg(i + 1)
                              .arg(jsonTypeName(v)));
    const QJsonObject o = v.toObject();
    Connection &c = *out;
    if (Error e = readString(o, path, "id", &c.id))
        return e;
    const QString what = c.id.isEmpty() ? QStringLiteral("connection number %1").arg(i + 1)
                                        : QStringLiteral("connection \"%1\"").arg(c.id);
    if (Error e = checkKeys(o, path, keys, what))
        return e;
    qint64 vlan = -1, innerVlan = -1;
    for (const auto &[key, field] : {std::pair{"customer", &c.customer}, std::pair{"providerRouter", &c.providerRouter},
                                     std::pair{"providerInterface", &c.providerInterface},
                                     std::pair{"providerAddress", &c.providerAddress},
                                     std::pair{"customerAddress", &c.customerAddress},
                                     std::pair{"providerAddress6", &c.providerAddress6},
                                     std::pair{"customerAddress6", &c.customerAddress6},
                                     std::pair{"customerRouter", &c.customerRouter},
                                     std::pair{"customerInterface", &c.customerInterface},
                                     std::pair{"vrf", &c.vrf}, std::pair{"customerVrf", &c.customerVrf}}) {
        if (Error e = readString(o, path, key, field))
            return e;
    }
    if (Error e = readInt(o, path, "vlan", &vlan))
        return e;
    if (Error e = readInt(o, path, "innerVlan", &innerVlan))
        return e;
    if (Error e = readInt(o, path, "providerAs", &c.providerAs))
        return e;
    if (Error e = readInt(o, path, "customerAs", &c.customerAs))
        return e;
    qint64 mtu = -1;
    if (Error e = readInt(o, path, "mtu", &mtu))
        return e;
    if (o.contains(QStringLiteral("mtu"))) {
        if (const QString p = InventoryBuilder::mtuProblem(what, mtu); !p.isEmpty())
            return fail(path + QStringLiteral("/mtu"), p);
    }
    c.mtu = int(mtu);
    if (Error e = readInt(o, path, "prefixLimit", &c.prefixLimit))
        return e;
    if (o.contains(QStringLiteral("prefixLimit")) && c.prefixLimit < 1)
        return fail(path + QStringLiteral("/prefixLimit"), InventoryBuilder::prefixLimitProblem(what, 0));
    const QJsonValue prefixes = o.value(QStringLiteral("expectedPrefixes"));
    if (!prefixes.isUndefined()) {
        if (!prefixes.isArray())
            return fail(path + QStringLiteral("/expectedPrefixes"),
                        QStringLiteral("%1: \"expectedPrefixes\" must be a list of prefixes like \"203.0.113.0/24\".").arg(what));
        for (const QJsonValue &pv : prefixes.toArray()) {
            const QString text = pv.toString();
            if (!pv.isString() || !IpPrefix::parse(text))
                return fail(path + QStringLiteral("/expectedPrefixes"),
                            QStringLiteral("%1: \"%2\" in \"expectedPrefixes\" is not a prefix like \"203.0.113.0/24\".")
                                .arg(what, pv.isString() ? text.left(60) : jsonTypeName(pv)));
            c.expectedPrefixes.append(IpPrefix::parse(text)->toString());
        }
    }
    c.vlan = int(std::clamp<qint64>(vlan, INT_MIN, INT_MAX));
    c.innerVlan = int(std::clamp<qint64>(innerVlan, INT_MIN, INT_MAX));
    return {};
}

} // namespace rl
