#include "engine/transport/http_api_codec.h"

#include "engine/inventory/inventory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace rl {

namespace {

QByteArray compactJson(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isString())
        return v.toString().toUtf8();
    return {};
}

QString firstBytes(const QByteArray &body)
{
    QString s = QString::fromUtf8(body.left(160)).simplified();
    if (body.size() > 160)
        s += QStringLiteral("...");
    return s;
}

Error notJsonRpc(const QString &api, const QString &who, const QString &why, const QByteArray &body)
{
    return Error(ErrorCode::ParseError,
                 QStringLiteral("The %1 answer of %2 is not a JSON-RPC 2.0 response (%3): check that the port "
                                "serves %1.")
                     .arg(api, who, why),
                 firstBytes(body));
}

// The device's words from a JSON-RPC error object: message plus whatever detail it carries.
QString deviceText(const QJsonObject &error)
{
    QStringList parts;
    const QString message = error.value(QLatin1String("message")).toString().trimmed();
    if (!message.isEmpty())
        parts.append(message);
    const QJsonValue data = error.value(QLatin1String("data"));
    auto addErrors = [&](const QJsonObject &o) {
        // eAPI: {"errors": ["Invalid input (at token 1: 'foo')"]}; NX-API: {"msg": "..."}
        for (const QJsonValue &e : o.value(QLatin1String("errors")).toArray())
            if (!e.toString().trimmed().isEmpty())
                parts.append(e.toString().trimmed());
        const QString msg = o.value(QLatin1String("msg")).toString().trimmed();
        if (!msg.isEmpty())
            parts.append(msg);
    };
    if (data.isObject())
        addErrors(data.toObject());
    else if (data.isArray())
        for (const QJsonValue &d : data.toArray())
            addErrors(d.toObject());
    else if (data.isString() && !data.toString().trimmed().isEmpty())
        parts.append(data.toString().trimmed());
    parts.removeDuplicates();
    return parts.join(QLatin1String("; "));
}

// eAPI 1002 invalid command, 1003 no JSON form, 1004 incompatible version; JSON-RPC
// -32601 method not found, -32602 invalid params (NX-API: a command it does not know).
bool isRefusedCommand(qint64 code)
{
    return code == 1002 || code == 1003 || code == 1004 || code == -32601 || code == -32602;
}

Error deviceError(const QString &api, const QString &who, const QJsonObject &error, const QString &command)
{
    // JSON-RPC codes are integers; another number (1e30, 2.5) is no code (a conversion of a
    // double outside qint64 is undefined behaviour).
    const qint64 code = error.value(QLatin1String("code")).toInteger(0);
    const QString text = deviceText(error);
    const QString detail = QStringLiteral("JSON-RPC error %1: %2").arg(code).arg(text);
    if (isRefusedCommand(code))
        return Error(ErrorCode::UnsupportedQuery,
                     command.isEmpty()
                         ? QStringLiteral("%1 refused the %2 request: %3").arg(who, api, text)
                         : QStringLiteral("%1 refused the command \"%2\" over %3: %4. Its OS version may not "
                                          "offer this command in JSON.")
                               .arg(who, command, api, text),
                     detail);
    return Error(ErrorCode::ParseError,
                 QStringLiteral("%1 answered the %2 request with an error instead of results: %3")
                     .arg(who, api, text.isEmpty() ? QStringLiteral("(no message)") : text),
                 detail);
}

Result<QJsonValue> parseBody(const QByteArray &body, const QString &api, const QString &who)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return notJsonRpc(api, who, QStringLiteral("%1 at offset %2").arg(pe.errorString()).arg(pe.offset), body);
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (doc.isArray())
        return QJsonValue(doc.array());
    return notJsonRpc(api, who, QStringLiteral("empty document"), body);
}

} // namespace

QString HttpApiCodec::apiCommand(const QString &command)
{
    static const QRegularExpression jsonFilter(QStringLiteral(R"(\s*\|\s*json(?:-pretty)?\s*$)"));
    QString c = command;
    c.remove(jsonFilter);
    return c.trimmed();
}

bool HttpApiCodec::wantsJson(const QString &command)
{
    return apiCommand(command) != command.trimmed();
}

HttpCall HttpApiCodec::eapiRequest(const QStringList &commands, const QString &id, const QString &path)
{
    QJsonArray cmds;
    for (const QString &c : commands)
        cmds.append(apiCommand(c));
    const bool json = commands.isEmpty() || wantsJson(commands.first());
    const QJsonObject params{{QStringLiteral("version"), 1},
                             {QStringLiteral("cmds"), cmds},
                             {QStringLiteral("format"), json ? QStringLiteral("json") : QStringLiteral("text")}};
    const QJsonObject rpc{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                          {QStringLiteral("method"), QStringLiteral("runCmds")},
                          {QStringLiteral("params"), params},
                          {QStringLiteral("id"), id}};
    return {"POST", path, "application/json", "application/json", QJsonDocument(rpc).toJson(QJsonDocument::Compact)};
}

HttpCall HttpApiCodec::nxapiRequest(const QStringList &commands, const QString &path)
{
    QJsonArray batch;
    int id = 0;
    for (const QString &c : commands) {
        const QJsonObject params{{QStringLiteral("cmd"), apiCommand(c)}, {QStringLiteral("version"), 1}};
        batch.append(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                 {QStringLiteral("method"), QStringLiteral("cli")},
                                 {QStringLiteral("params"), params},
                                 {QStringLiteral("id"), ++id}});
    }
    return {"POST", path, "application/json-rpc", "application/json-rpc",
            QJsonDocument(batch).toJson(QJsonDocument::Compact)};
}

HttpCall HttpApiCodec::restconfRequest(const QString &path, const QString &dataRoot)
{
    QString full = path;
    if (!full.startsWith(QLatin1Char('/'))) {
        QString root = dataRoot;
        if (!root.endsWith(QLatin1Char('/')))
            root += QLatin1Char('/');
        full = root + full;
    }
    return {"GET", full, {}, "application/yang-data+json", {}};
}

Result<QList<QByteArray>> HttpApiCodec::eapiResults(const QByteArray &body, const QStringList &commands,
                                                    const QString &id, const QString &who)
{
    const QString api = QStringLiteral("eAPI");
    Result<QJsonValue> parsed = parseBody(body, api, who);
    if (!parsed)
        return parsed.error();
    if (!parsed->isObject())
        return notJsonRpc(api, who, QStringLiteral("the top level is not an object"), body);
    const QJsonObject rpc = parsed->toObject();
    if (rpc.contains(QLatin1String("error"))) {
        const QJsonObject error = rpc.value(QLatin1String("error")).toObject();
        // "CLI command 2 of 3 'show foo' failed": the data array holds one entry per command
        // run so far, the last one being the failure.
        QString command;
        const QJsonArray data = error.value(QLatin1String("data")).toArray();
        if (!data.isEmpty() && data.size() <= commands.size())
            command = apiCommand(commands.at(data.size() - 1));
        return deviceError(api, who, error, command);
    }
    const QJsonValue answerId = rpc.value(QLatin1String("id"));
    if (!answerId.isUndefined() && !answerId.isNull() && answerId.toVariant().toString() != id)
        return notJsonRpc(api, who, QStringLiteral("it answers request %1, not %2").arg(answerId.toVariant().toString(), id),
                          body);
    const QJsonValue result = rpc.value(QLatin1String("result"));
    if (!result.isArray())
        return notJsonRpc(api, who, QStringLiteral("it has neither \"result\" nor \"error\""), body);
    const QJsonArray results = result.toArray();
    if (results.size() != commands.size())
        return Error(ErrorCode::ParseError,
                     QStringLiteral("%1 answered %2 results to %3 commands over eAPI: the answer cannot be matched "
                                    "to the commands.")
                         .arg(who)
                         .arg(results.size())
                         .arg(commands.size()));
    const bool json = commands.isEmpty() || wantsJson(commands.first());
    QList<QByteArray> out;
    out.reserve(results.size());
    for (const QJsonValue &r : results) {
        if (json) {
            out.append(compactJson(r));
            continue;
        }
        // format text: {"output": "<what the CLI prints>"}
        const QJsonValue text = r.toObject().value(QLatin1String("output"));
        if (!text.isString())
            return notJsonRpc(api, who, QStringLiteral("a text-format result has no \"output\" string"), body);
        out.append(text.toString().toUtf8());
    }
    return out;
}

Result<QList<QByteArray>> HttpApiCodec::nxapiResults(const QByteArray &body, const QStringList &commands,
                                                     const QString &who)
{
    const QString api = QStringLiteral("NX-API");
    Result<QJsonValue> parsed = parseBody(body, api, who);
    if (!parsed)
        return parsed.error();
    // A batch of one may be answered with a bare object.
    QJsonArray answers;
    if (parsed->isArray())
        answers = parsed->toArray();
    else
        answers.append(parsed->toObject());

    QList<QByteArray> out(commands.size());
    QList<bool> seen(commands.size(), false);
    for (const QJsonValue &a : answers) {
        if (!a.isObject())
            return notJsonRpc(api, who, QStringLiteral("an answer in the batch is not an object"), body);
        const QJsonObject rpc = a.toObject();
        const QJsonValue idValue = rpc.value(QLatin1String("id"));
        const int id = idValue.isString() ? idValue.toString().toInt() : idValue.toInt(0);
        const bool validId = id >= 1 && id <= commands.size();
        if (rpc.contains(QLatin1String("error")))
            return deviceError(api, who, rpc.value(QLatin1String("error")).toObject(),
                               validId ? apiCommand(commands.at(id - 1)) : QString());
        if (!validId)
            return notJsonRpc(api, who, QStringLiteral("an answer carries the unknown id %1").arg(idValue.toVariant().toString()),
                              body);
        if (!rpc.contains(QLatin1String("result")))
            return notJsonRpc(api, who, QStringLiteral("answer %1 has neither \"result\" nor \"error\"").arg(id), body);
        const QJsonValue result = rpc.value(QLatin1String("result"));
        QByteArray text;
        if (result.isObject()) {
            const QJsonObject r = result.toObject();
            if (r.contains(QLatin1String("body")))
                text = compactJson(r.value(QLatin1String("body")));
            else if (r.contains(QLatin1String("msg")))
                text = compactJson(r.value(QLatin1String("msg")));
            else
                text = compactJson(result);
        } else if (!result.isNull()) {
            text = compactJson(result); // null: a command without output
        }
        out[id - 1] = text;
        seen[id - 1] = true;
    }
    for (int i = 0; i < seen.size(); ++i) {
        if (!seen.at(i))
            return Error(ErrorCode::ParseError,
                         QStringLiteral("%1 sent no NX-API answer for the command \"%2\".").arg(who, apiCommand(commands.at(i))));
    }
    return out;
}

QString HttpApiCodec::restconfErrorText(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject root = doc.object();
    QJsonObject errors = root.value(QLatin1String("ietf-restconf:errors")).toObject();
    if (errors.isEmpty())
        errors = root.value(QLatin1String("errors")).toObject();
    QStringList texts;
    for (const QJsonValue &e : errors.value(QLatin1String("error")).toArray()) {
        const QJsonObject o = e.toObject();
        QString t = o.value(QLatin1String("error-message")).toString().trimmed();
        if (t.isEmpty())
            t = o.value(QLatin1String("error-tag")).toString().trimmed();
        const QString where = o.value(QLatin1String("error-path")).toString().trimmed();
        if (!where.isEmpty())
            t += QStringLiteral(" (at %1)").arg(where);
        if (!t.isEmpty())
            texts.append(t);
    }
    return texts.join(QLatin1String("; "));
}

std::optional<QByteArray> HttpApiCodec::parsePin(const QString &text)
{
    // One reading of a pin: the inventory checks it with the same function when it loads.
    return parsePinnedCertificate(QStringView(text).trimmed());
}

} // namespace rl
