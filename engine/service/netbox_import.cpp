#include "engine/service/netbox_import.h"

#include "engine/inventory/netbox_inventory.h"
#include "engine/transport/https_connection.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace rl {
namespace {

constexpr qint64 kMaxPageBytes = 64LL * 1024 * 1024;
constexpr int kMaxPages = 10000;
constexpr int kMaxDevices = 1000000;

Error importError(const QString &text)
{
    return Error(ErrorCode::InventoryError, text);
}

// NetBox's device list at `base`: its own path when it names the device list, else the API's.
QUrl devicesUrl(const QUrl &base, int pageSize)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.contains(QLatin1String("/api/dcim/devices"))) {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (path.endsWith(QLatin1String("/api")))
            path.chop(4);
        url.setPath(path + QStringLiteral("/api/dcim/devices/"));
    }
    QUrlQuery q(url);
    if (!q.hasQueryItem(QStringLiteral("limit")))
        q.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    url.setQuery(q);
    return url;
}

QString describe(const HttpsOutcome &o, const QUrl &url)
{
    using F = HttpsOutcome::Failure;
    const QString at = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    switch (o.failure) {
    case F::ConnectTimeout:
        return QStringLiteral("NetBox at %1 did not answer the connection in time.").arg(at);
    case F::AnswerTimeout:
        return QStringLiteral("NetBox at %1 did not finish a page in time.").arg(at);
    case F::Unreachable:
        return QStringLiteral("NetBox at %1 cannot be reached: %2.").arg(at, o.socketError);
    case F::TlsFailed:
    case F::ClosedInHandshake:
    case F::PinMismatch: {
        QStringList why;
        for (const QSslError &e : o.sslErrors)
            why << e.errorString();
        return QStringLiteral("NetBox at %1 failed the TLS check (%2): give its CA with --netbox-ca if it has its own.")
            .arg(at, why.isEmpty() ? o.socketError : why.join(QStringLiteral("; ")));
    }
    case F::BodyTooLarge:
        return QStringLiteral("A page from NetBox at %1 is larger than %2 MiB: ask for smaller pages.").arg(at).arg(kMaxPageBytes >> 20);
    default:
        return QStringLiteral("NetBox at %1 sent no usable answer (%2).").arg(at, o.socketError.isEmpty() ? QStringLiteral("the connection broke") : o.socketError);
    }
}

} // namespace

Result<Inventory> importFromNetBox(const NetBoxSource &source, NetBoxImportReport *report)
{
    const QUrl base = source.url;
    if (!base.isValid() || base.scheme() != QLatin1String("https") || base.host().isEmpty())
        return importError(QStringLiteral("The NetBox address \"%1\" is not an https:// URL; the token goes over TLS only.")
                               .arg(base.toString(QUrl::RemoveUserInfo)));
    if (source.token.isEmpty())
        return importError(QStringLiteral("No NetBox API token: give --netbox-token-file FILE (or set NETBOX_TOKEN)."));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::SecureProtocols);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!source.caFile.isEmpty()) {
        QList<QSslCertificate> cas = QSslCertificate::fromPath(source.caFile, QSsl::Pem);
        if (cas.isEmpty())
            cas = QSslCertificate::fromPath(source.caFile, QSsl::Der);
        if (cas.isEmpty())
            return importError(QStringLiteral("The CA file \"%1\" cannot be read or holds no certificate.").arg(source.caFile));
        ssl.setCaCertificates(cas);
    }
    const int port = base.port(443);
    HttpsConnection connection(base.host(), quint16(port), ssl, {});
    NetBoxInventoryReader reader(source.credentials);
    QUrl url = devicesUrl(base, qBound(1, source.pageSize, 1000));
    int pages = 0;
    while (true) {
        if (++pages > kMaxPages)
            return importError(QStringLiteral("NetBox gave more than %1 pages; narrow the import with a filter.").arg(kMaxPages));
        HttpsRequest req;
        req.method = "GET";
        req.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        req.headers = {{"Authorization", "Token " + source.token}, {"Accept", "application/json"}};
        HttpsLimits limits;
        limits.connectTimeoutMs = std::min<qint64>(source.timeoutMs, 15000);
        limits.answerBudgetMs = source.timeoutMs;
        limits.maxBodyBytes = kMaxPageBytes;
        const HttpsOutcome o = connection.exchange(req, limits);
        if (o.failure == HttpsOutcome::Failure::TlsFailed || o.failure == HttpsOutcome::Failure::ClosedInHandshake)
            return Error(ErrorCode::TlsError, describe(o, url));
        if (o.failure == HttpsOutcome::Failure::ConnectTimeout || o.failure == HttpsOutcome::Failure::AnswerTimeout)
            return Error(ErrorCode::Timeout, describe(o, url));
        if (o.failure == HttpsOutcome::Failure::Unreachable)
            return Error(ErrorCode::Unreachable, describe(o, url));
        if (o.failure != HttpsOutcome::Failure::None)
            return importError(describe(o, url));
        const QString where = url.toString(QUrl::RemoveUserInfo);
        if (o.status == 401 || o.status == 403)
            return Error(ErrorCode::AuthFailed,
                         QStringLiteral("NetBox refused the token (HTTP %1 at %2): check that it is valid and may read "
                                        "dcim.devices.").arg(o.status).arg(where));
        if (o.status == 404)
            return importError(QStringLiteral("NetBox has no device list at %1 (HTTP 404): give NetBox's address, e.g. "
                                              "https://netbox.example.net.").arg(where));
        if (o.status != 200)
            return importError(QStringLiteral("NetBox answered HTTP %1 at %2.").arg(o.status).arg(where));
        if (const Error e = reader.addPage(o.body, where))
            return e;
        if (reader.devicesRead() > kMaxDevices)
            return importError(QStringLiteral("NetBox lists more than %1 devices; narrow the import with a filter.").arg(kMaxDevices));
        if (reader.next().isEmpty())
            break;
        // The next page is NetBox's own link; it must lead to the same server, or the token would follow it.
        const QUrl next(reader.next());
        if (next.scheme() != QLatin1String("https") || next.host().compare(base.host(), Qt::CaseInsensitive) != 0
            || next.port(443) != port)
            return importError(QStringLiteral("NetBox's next page is on another server (%1); refused, since the token "
                                              "goes only to %2. Check NetBox's BASE_PATH and proxy settings.")
                                   .arg(next.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), base.host()));
        url = next;
    }
    if (report) {
        report->pages = pages;
        report->devices = reader.devicesRead();
        report->count = reader.count();
    }
    return reader.finish();
}

} // namespace rl
