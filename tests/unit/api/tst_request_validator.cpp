#include "engine/api/request_validator.h"

#include <QTest>

using namespace rl;

class TestRequestValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validRequests_data();
    void validRequests();
    void invalidRequests_data();
    void invalidRequests();
    void injectionNeverPasses_data();
    void injectionNeverPasses();
};

static Request makeRequest(QueryKind kind, QueryParams params = {})
{
    Request r;
    r.client = {QStringLiteral("alice"), Role::Internal, {}};
    r.routers = {QStringLiteral("pe1.lab")};
    r.kind = kind;
    r.params = params;
    return r;
}

void TestRequestValidator::validRequests_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QueryParams>("params");
    QTest::newRow("facts") << int(QueryKind::Facts) << QueryParams{};
    QTest::newRow("bgp all") << int(QueryKind::BgpStatus) << QueryParams{};
    QTest::newRow("bgp neighbor v6") << int(QueryKind::BgpStatus) << QueryParams{QStringLiteral("2001:db8::1"), {}, QStringLiteral("ipv6"), {}, {}};
    QTest::newRow("bgp vrf") << int(QueryKind::BgpStatus) << QueryParams{{}, QStringLiteral("CUST-A_1"), {}, {}, {}};
    QTest::newRow("received") << int(QueryKind::ReceivedRoutes) << QueryParams{QStringLiteral("198.51.100.1"), {}, {}, {}, {}};
    QTest::newRow("advertised vrf") << int(QueryKind::AdvertisedRoutes) << QueryParams{QStringLiteral("198.51.100.1"), QStringLiteral("blue"), QStringLiteral("ipv4"), {}, {}};
    QTest::newRow("lookup address") << int(QueryKind::RouteLookup) << QueryParams{{}, {}, {}, {}, QStringLiteral("203.0.113.9")};
    QTest::newRow("lookup prefix") << int(QueryKind::RouteLookup) << QueryParams{{}, {}, {}, {}, QStringLiteral("203.0.113.0/24")};
    QTest::newRow("link cisco iface") << int(QueryKind::LinkStatus) << QueryParams{{}, {}, {}, QStringLiteral("GigabitEthernet0/0/0.100"), {}};
    QTest::newRow("vlan junos iface") << int(QueryKind::VlanErrors) << QueryParams{{}, {}, {}, QStringLiteral("ge-0/0/1.100"), {}};
    QTest::newRow("arp v6") << int(QueryKind::ArpTable) << QueryParams{{}, {}, QStringLiteral("ipv6"), {}, {}};
}

void TestRequestValidator::validRequests()
{
    QFETCH(int, kind);
    QFETCH(QueryParams, params);
    const Error e = RequestValidator::validate(makeRequest(QueryKind(kind), params));
    QVERIFY2(!e.isError(), qPrintable(e.toString()));
}

void TestRequestValidator::invalidRequests_data()
{
    QTest::addColumn<Request>("request");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    Request noRouters = makeRequest(QueryKind::Facts);
    noRouters.routers.clear();
    QTest::newRow("no routers") << noRouters << "invalid-request" << "no router";

    Request badRouter = makeRequest(QueryKind::Facts);
    badRouter.routers = {QStringLiteral("pe1; reboot")};
    QTest::newRow("router name with shell chars") << badRouter << "invalid-request" << "not a valid router name";

    Request badClient = makeRequest(QueryKind::Facts);
    badClient.client.id = QStringLiteral("bob smith");
    QTest::newRow("client with space") << badClient << "invalid-request" << "client identity";

    Request negativeAge = makeRequest(QueryKind::Facts);
    negativeAge.maxAgeSeconds = -5;
    QTest::newRow("negative age") << negativeAge << "invalid-request" << "cache age";

    QTest::newRow("neighbor not an IP")
        << makeRequest(QueryKind::ReceivedRoutes, {QStringLiteral("198.51.100.300"), {}, {}, {}, {}})
        << "invalid-request" << "not an IP address";
    QTest::newRow("neighbor missing")
        << makeRequest(QueryKind::ReceivedRoutes) << "invalid-request" << "needs a \"neighbor\"";
    QTest::newRow("destination missing")
        << makeRequest(QueryKind::RouteLookup) << "invalid-request" << "needs a \"destination\"";
    QTest::newRow("destination garbage")
        << makeRequest(QueryKind::RouteLookup, {{}, {}, {}, {}, QStringLiteral("example.com")})
        << "invalid-request" << "not an IP address or prefix";
    QTest::newRow("prefix too long")
        << makeRequest(QueryKind::RouteLookup, {{}, {}, {}, {}, QStringLiteral("203.0.113.0/33")})
        << "invalid-request" << "not an IP address or prefix";
    QTest::newRow("vrf with space")
        << makeRequest(QueryKind::BgpStatus, {{}, QStringLiteral("cust a"), {}, {}, {}})
        << "invalid-request" << "VRF name";
    QTest::newRow("vrf too long")
        << makeRequest(QueryKind::BgpStatus, {{}, QString(65, QLatin1Char('v')), {}, {}, {}})
        << "invalid-request" << "VRF name";
    QTest::newRow("bad address family")
        << makeRequest(QueryKind::BgpStatus, {{}, {}, QStringLiteral("ipx"), {}, {}})
        << "invalid-request" << "ipv4 or ipv6";
    QTest::newRow("parameter the kind does not take")
        << makeRequest(QueryKind::Facts, {QStringLiteral("198.51.100.1"), {}, {}, {}, {}})
        << "invalid-request" << "takes no \"neighbor\"";
    QTest::newRow("interface with space")
        << makeRequest(QueryKind::LinkStatus, {{}, {}, {}, QStringLiteral("Gi0/1 extra"), {}})
        << "invalid-request" << "interface name";
}

void TestRequestValidator::invalidRequests()
{
    QFETCH(Request, request);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const Error e = RequestValidator::validate(request);
    QCOMPARE(e.codeName(), code);
    QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
    QVERIFY(e.message.endsWith(QLatin1Char('.')));
}

// Every parameter is held to a pattern that no command separator or quote can pass.
void TestRequestValidator::injectionNeverPasses_data()
{
    QTest::addColumn<QString>("payload");
    for (const char *p : {"; reboot", "| tee /tmp/x", "\nreload", "`reboot`", "$(reboot)", "' ; reload '",
                          "\" && reload", "> /dev/sda", "\r\nconfigure terminal", "a\tb", "\\x3b"}) {
        QTest::newRow(p) << QString::fromLatin1(p);
    }
    // A pattern's "$" also matches before a final newline: "red\n" must not pass as "red".
    QTest::newRow("trailing newline") << QStringLiteral("\n");
    QTest::newRow("trailing CR LF") << QStringLiteral("\r\n");
}

void TestRequestValidator::injectionNeverPasses()
{
    QFETCH(QString, payload);
    const QString base = QStringLiteral("198.51.100.1");
    const QList<QPair<QueryKind, QueryParams>> cases = {
        {QueryKind::ReceivedRoutes, {base + payload, {}, {}, {}, {}}},
        {QueryKind::BgpStatus, {{}, QStringLiteral("blue") + payload, {}, {}, {}}},
        {QueryKind::BgpStatus, {{}, {}, QStringLiteral("ipv4") + payload, {}, {}}},
        {QueryKind::LinkStatus, {{}, {}, {}, QStringLiteral("eth0") + payload, {}}},
        {QueryKind::RouteLookup, {{}, {}, {}, {}, base + payload}},
    };
    for (const auto &[kind, params] : cases) {
        const Error e = RequestValidator::validate(makeRequest(kind, params));
        QVERIFY2(e.code == ErrorCode::InvalidRequest, qPrintable(queryKindName(kind) + QStringLiteral(" let through: ") + payload));
    }
    Request r = makeRequest(QueryKind::Facts);
    r.routers = {QStringLiteral("pe1") + payload};
    QCOMPARE(RequestValidator::validate(r).code, ErrorCode::InvalidRequest);
    Request c = makeRequest(QueryKind::Facts);
    c.client.id += payload;
    QCOMPARE(RequestValidator::validate(c).code, ErrorCode::InvalidRequest);
    QVERIFY(!RequestValidator::isValidVrfName(QStringLiteral("red") + payload));
    QVERIFY(!RequestValidator::isValidInterfaceName(QStringLiteral("eth0") + payload));
    QVERIFY(!RequestValidator::isValidRouterName(QStringLiteral("pe1") + payload));
}

QTEST_GUILESS_MAIN(TestRequestValidator)
#include "tst_request_validator.moc"
