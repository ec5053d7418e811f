#include "engine/api/request.h"

#include <QJsonArray>

namespace rl {

QString roleName(Role role)
{
    switch (role) {
    case Role::External: return QStringLiteral("external");
    case Role::Internal: return QStringLiteral("internal");
    case Role::Admin: return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    if (name == u"external")
        return Role::External;
    if (name == u"internal")
        return Role::Internal;
    if (name == u"admin")
        return Role::Admin;
    return std::nullopt;
}

bool QueryParams::isEmpty() const
{
    return neighbor.isEmpty() && vrf.isEmpty() && addressFamily.isEmpty() && interfaceName.isEmpty()
        && destination.isEmpty();
}

QString QueryParams::canonical() const
{
    // Validated parameters contain no '\x1f', so the join is unambiguous.
    const QChar sep(0x1f);
    return neighbor + sep + vrf + sep + addressFamily + sep + interfaceName + sep + destination;
}

QJsonObject QueryParams::toJson() const
{
    QJsonObject obj;
    auto put = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            obj.insert(QLatin1String(key), v);
    };
    put("neighbor", neighbor);
    put("vrf", vrf);
    put("addressFamily", addressFamily);
    put("interface", interfaceName);
    put("destination", destination);
    return obj;
}

QueryParams QueryParams::fromJson(const QJsonObject &obj)
{
    QueryParams p;
    p.neighbor = obj.value(QStringLiteral("neighbor")).toString();
    p.vrf = obj.value(QStringLiteral("vrf")).toString();
    p.addressFamily = obj.value(QStringLiteral("addressFamily")).toString();
    p.interfaceName = obj.value(QStringLiteral("interface")).toString();
    p.destination = obj.value(QStringLiteral("destination")).toString();
    return p;
}

QJsonObject Request::toJson() const
{
    QJsonObject obj{
        {QStringLiteral("version"), ApiVersion},
        {QStringLiteral("client"), QJsonObject{{QStringLiteral("id"), client.id}, {QStringLiteral("role"), roleName(client.role)},
                                          {QStringLiteral("customer"), client.customer}}},
        {QStringLiteral("routers"), QJsonArray::fromStringList(routers)},
        {QStringLiteral("query"), queryKindName(kind)},
        {QStringLiteral("params"), params.toJson()},
        {QStringLiteral("maxAgeSeconds"), maxAgeSeconds},
        {QStringLiteral("interactive"), urgency == Urgency::Interactive},
    };
    if (!id.isEmpty())
        obj.insert(QStringLiteral("id"), id);
    return obj;
}

Result<Request> Request::fromJson(const QJsonObject &obj)
{
    auto bad = [](const QString &what) {
        return Error(ErrorCode::InvalidRequest, QStringLiteral("The request is malformed: %1.").arg(what));
    };
    const QJsonValue version = obj.value(QStringLiteral("version"));
    if (!version.isUndefined() && version.toInt(-1) != ApiVersion)
        return bad(QStringLiteral("version %1 is not supported (this RouterLens speaks version %2)")
                       .arg(version.toVariant().toString()).arg(ApiVersion));
    Request r;
    r.id = obj.value(QStringLiteral("id")).toString();
    const QJsonValue client = obj.value(QStringLiteral("client"));
    if (client.isObject()) {
        const QJsonObject c = client.toObject();
        r.client.id = c.value(QStringLiteral("id")).toString(r.client.id);
        const QString role = c.value(QStringLiteral("role")).toString(QStringLiteral("internal"));
        const auto parsedRole = roleFromName(role);
        if (!parsedRole)
            return bad(QStringLiteral("unknown client role \"%1\" (use external, internal or admin)").arg(role));
        r.client.role = *parsedRole;
        r.client.customer = c.value(QStringLiteral("customer")).toString();
    } else if (!client.isUndefined()) {
        return bad(QStringLiteral("\"client\" must be an object with \"id\" and \"role\""));
    }
    const QJsonValue routers = obj.value(QStringLiteral("routers"));
    if (!routers.isArray())
        return bad(QStringLiteral("\"routers\" must be a list of router names"));
    for (const QJsonValue &v : routers.toArray()) {
        if (!v.isString())
            return bad(QStringLiteral("\"routers\" must contain only router names"));
        r.routers.append(v.toString());
    }
    const QJsonValue query = obj.value(QStringLiteral("query"));
    if (!query.isString())
        return bad(QStringLiteral("\"query\" must name a query kind such as \"bgp-status\""));
    const auto kind = queryKindFromName(query.toString());
    if (!kind)
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("\"%1\" is not a query RouterLens knows; use one of: facts, link-status, "
                                    "bgp-status, arp-table, vlan-errors, received-routes, advertised-routes, "
                                    "route-lookup, lldp-neighbors, optics.").arg(query.toString()));
    r.kind = *kind;
    const QJsonValue params = obj.value(QStringLiteral("params"));
    if (!params.isUndefined() && !params.isObject())
        return bad(QStringLiteral("\"params\" must be an object"));
    r.params = QueryParams::fromJson(params.toObject());
    const QJsonValue maxAge = obj.value(QStringLiteral("maxAgeSeconds"));
    if (!maxAge.isUndefined()) {
        if (!maxAge.isDouble() || maxAge.toDouble() < 0)
            return bad(QStringLiteral("\"maxAgeSeconds\" must be a number of seconds, 0 or more"));
        r.maxAgeSeconds = maxAge.toInteger();
    }
    const QJsonValue interactive = obj.value(QStringLiteral("interactive"));
    if (!interactive.isUndefined() && !interactive.isBool())
        return bad(QStringLiteral("\"interactive\" must be true or false"));
    r.urgency = interactive.toBool(true) ? Urgency::Interactive : Urgency::Background;
    return r;
}

QString answerSourceName(AnswerSource s)
{
    switch (s) {
    case AnswerSource::Live: return QStringLiteral("live");
    case AnswerSource::Store: return QStringLiteral("store");
    case AnswerSource::Pasted: return QStringLiteral("pasted");
    case AnswerSource::File: return QStringLiteral("file");
    }
    return QStringLiteral("live");
}

AnswerSource answerSourceFromName(QStringView name)
{
    for (AnswerSource s : {AnswerSource::Store, AnswerSource::Pasted, AnswerSource::File})
        if (name == answerSourceName(s))
            return s;
    return AnswerSource::Live;
}

QJsonObject RouterResult::toJson() const
{
    QJsonObject obj{{QStringLiteral("router"), router}};
    if (error.isError()) {
        obj.insert(QStringLiteral("error"), error.toJson());
    } else {
        obj.insert(QStringLiteral("records"), records.toJson());
    }
    if (fetchedAt.isValid())
        obj.insert(QStringLiteral("fetchedAt"), fetchedAt.toUTC().toString(Qt::ISODateWithMs));
    obj.insert(QStringLiteral("source"), answerSourceName(source));
    if (latencyMs >= 0)
        obj.insert(QStringLiteral("latencyMs"), latencyMs);
    if (!commands.isEmpty())
        obj.insert(QStringLiteral("commands"), QJsonArray::fromStringList(commands));
    return obj;
}

RouterResult RouterResult::fromJson(QueryKind kind, const QJsonObject &obj)
{
    RouterResult r;
    r.router = obj.value(QStringLiteral("router")).toString();
    if (obj.contains(QStringLiteral("error")))
        r.error = Error::fromJson(obj.value(QStringLiteral("error")).toObject());
    r.records = RecordSet::fromJson(kind, obj.value(QStringLiteral("records")).toArray());
    r.fetchedAt = QDateTime::fromString(obj.value(QStringLiteral("fetchedAt")).toString(), Qt::ISODateWithMs);
    r.source = answerSourceFromName(obj.value(QStringLiteral("source")).toString());
    r.latencyMs = obj.value(QStringLiteral("latencyMs")).toInteger(-1);
    for (const QJsonValue &c : obj.value(QStringLiteral("commands")).toArray())
        r.commands.append(c.toString());
    return r;
}

bool Response::allOk() const
{
    return !error.isError() && failedCount() == 0;
}

int Response::failedCount() const
{
    int n = 0;
    for (const RouterResult &r : results)
        n += r.ok() ? 0 : 1;
    return n;
}

QJsonObject Response::toJson() const
{
    QJsonArray parts;
    for (const RouterResult &r : results)
        parts.append(r.toJson());
    QJsonObject obj{
        {QStringLiteral("version"), ApiVersion},
        {QStringLiteral("requestId"), requestId},
        {QStringLiteral("query"), queryKindName(kind)},
        {QStringLiteral("params"), params.toJson()},
        {QStringLiteral("results"), parts},
    };
    if (completedAt.isValid())
        obj.insert(QStringLiteral("completedAt"), completedAt.toUTC().toString(Qt::ISODateWithMs));
    if (error.isError())
        obj.insert(QStringLiteral("error"), error.toJson());
    return obj;
}

Result<Response> Response::fromJson(const QJsonObject &obj)
{
    if (obj.value(QStringLiteral("version")).toInt(-1) != ApiVersion)
        return Error(ErrorCode::InvalidRequest, QStringLiteral("The response has an unsupported version."));
    const auto kind = queryKindFromName(obj.value(QStringLiteral("query")).toString());
    if (!kind)
        return Error(ErrorCode::InvalidRequest, QStringLiteral("The response names no known query kind."));
    Response resp;
    resp.requestId = obj.value(QStringLiteral("requestId")).toString();
    resp.kind = *kind;
    resp.params = QueryParams::fromJson(obj.value(QStringLiteral("params")).toObject());
    for (const QJsonValue &v : obj.value(QStringLiteral("results")).toArray())
        resp.results.append(RouterResult::fromJson(resp.kind, v.toObject()));
    resp.completedAt = QDateTime::fromString(obj.value(QStringLiteral("completedAt")).toString(), Qt::ISODateWithMs);
    if (obj.contains(QStringLiteral("error")))
        resp.error = Error::fromJson(obj.value(QStringLiteral("error")).toObject());
    return resp;
}

} // namespace rl
