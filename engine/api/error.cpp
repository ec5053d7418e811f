#include "engine/api/error.h"

#include <array>

namespace rl {
namespace {

constexpr std::array<const char *, 22> kCodeNames{
    "ok",
    "invalid-request",
    "unknown-router",
    "unsupported-query",
    "forbidden",
    "throttled",
    "timeout",
    "unreachable",
    "auth-failed",
    "parse-error",
    "host-key-unknown",
    "host-key-mismatch",
    "tls-error",
    "forbidden-command",
    "connection-lost",
    "output-too-large",
    "cancelled",
    "inventory-error",
    "store-error",
    "database-unreachable",
    "database-schema-newer",
    "internal-error",
};
static_assert(kCodeNames.size() == static_cast<size_t>(ErrorCode::InternalError) + 1);

} // namespace

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(kCodeNames[static_cast<size_t>(code)]);
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (size_t i = 0; i < kCodeNames.size(); ++i) {
        if (name == QLatin1String(kCodeNames[i]))
            return static_cast<ErrorCode>(i);
    }
    return std::nullopt;
}

QString Error::toString() const
{
    QString s = codeName() + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        s += QStringLiteral(" (") + detail + QLatin1Char(')');
    return s;
}

QJsonObject Error::toJson() const
{
    QJsonObject obj{{QStringLiteral("code"), codeName()}, {QStringLiteral("message"), message}};
    if (!detail.isEmpty())
        obj.insert(QStringLiteral("detail"), detail);
    if (retryAfterMs >= 0)
        obj.insert(QStringLiteral("retryAfterMs"), retryAfterMs);
    return obj;
}

Error Error::fromJson(const QJsonObject &obj)
{
    Error e;
    e.code = errorCodeFromName(obj.value(QStringLiteral("code")).toString()).value_or(ErrorCode::InternalError);
    e.message = obj.value(QStringLiteral("message")).toString();
    e.detail = obj.value(QStringLiteral("detail")).toString();
    e.retryAfterMs = obj.value(QStringLiteral("retryAfterMs")).toInteger(-1);
    return e;
}

} // namespace rl
