#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace rl {

// Stable error codes. The wire names (errorCodeName) never change once released:
// scripts and the UI key on them.
enum class ErrorCode : quint8 {
    None,
    InvalidRequest,
    UnknownRouter,
    UnsupportedQuery,
    Forbidden,
    Throttled,
    Timeout,
    Unreachable,
    AuthFailed,
    ParseError,
    HostKeyUnknown,
    HostKeyMismatch,
    TlsError,          // HTTPS: the router's certificate failed verification or the handshake failed
    ForbiddenCommand,
    ConnectionLost,
    OutputTooLarge,
    Cancelled,
    InventoryError,
    StoreError,
    DatabaseUnreachable, // team mode: the PostgreSQL database cannot be reached or refused the login
    DatabaseSchemaNewer, // team mode: the database was set up by a newer RouterLens than this one
    InternalError,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(QStringView name);

// An error is a value: a stable code and a sentence a person can act on.
struct Error {
    ErrorCode code = ErrorCode::None;
    QString message;          // for people: what happened and what to do
    QString detail;           // optional technical detail (device text, line number, ...)
    qint64 retryAfterMs = -1; // for throttled: when a retry may succeed

    Error() = default;
    Error(ErrorCode c, QString msg, QString det = {})
        : code(c), message(std::move(msg)), detail(std::move(det)) {}

    bool isError() const { return code != ErrorCode::None; }
    explicit operator bool() const { return isError(); }
    QString codeName() const { return errorCodeName(code); }
    // "code: message (detail)" for logs and the CLI.
    QString toString() const;

    QJsonObject toJson() const;
    static Error fromJson(const QJsonObject &obj);

    friend bool operator==(const Error &, const Error &) = default;
};

// A value or an error, for functions whose failure a person must see.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace rl

Q_DECLARE_METATYPE(rl::Error)
