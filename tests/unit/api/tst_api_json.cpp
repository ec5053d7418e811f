#include "engine/api/request.h"

#include <QJsonDocument>
#include <QTest>

using namespace rl;

class TestApiJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestRoundTrip();
    void malformedRequests_data();
    void malformedRequests();
    void everyRecordTypeRoundTrips_data();
    void everyRecordTypeRoundTrips();
    void responseRoundTripWithPerRouterError();
    void unknownValuesAreNull();
    void errorCodesAreStable();
    void cellsForPeople_data();
    void cellsForPeople();
    void answerSourcesRoundTrip();
};

void TestApiJson::requestRoundTrip()
{
    Request r;
    r.id = QStringLiteral("req-1");
    r.client = {QStringLiteral("acme-noc"), Role::External, QStringLiteral("acme")};
    r.routers = {QStringLiteral("pe1"), QStringLiteral("pe2")};
    r.kind = QueryKind::ReceivedRoutes;
    r.params.neighbor = QStringLiteral("198.51.100.2");
    r.params.addressFamily = QStringLiteral("ipv4");
    r.maxAgeSeconds = 60;
    r.urgency = Urgency::Background;
    const QJsonObject json = r.toJson();
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), ApiVersion);
    QCOMPARE(json.value(QStringLiteral("query")).toString(), QStringLiteral("received-routes"));
    const auto back = Request::fromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(*back, r);
}

void TestApiJson::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::newRow("routers not a list") << QByteArray(R"({"routers":"pe1","query":"facts"})") << "invalid-request";
    QTest::newRow("router not a string") << QByteArray(R"({"routers":[1],"query":"facts"})") << "invalid-request";
    QTest::newRow("no query") << QByteArray(R"({"routers":["pe1"]})") << "invalid-request";
    QTest::newRow("unknown query") << QByteArray(R"({"routers":["pe1"],"query":"reload"})") << "unsupported-query";
    QTest::newRow("future version") << QByteArray(R"({"version":2,"routers":["pe1"],"query":"facts"})") << "invalid-request";
    QTest::newRow("bad role") << QByteArray(R"({"client":{"id":"x","role":"root"},"routers":["pe1"],"query":"facts"})") << "invalid-request";
    QTest::newRow("negative age") << QByteArray(R"({"routers":["pe1"],"query":"facts","maxAgeSeconds":-1})") << "invalid-request";
    QTest::newRow("params not object") << QByteArray(R"({"routers":["pe1"],"query":"facts","params":[]})") << "invalid-request";
    QTest::newRow("interactive not bool") << QByteArray(R"({"routers":["pe1"],"query":"facts","interactive":"yes"})") << "invalid-request";
}

void TestApiJson::malformedRequests()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    const auto r = Request::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().codeName(), code);
    QVERIFY(!r.error().message.isEmpty());
}

void TestApiJson::everyRecordTypeRoundTrips_data()
{
    QTest::addColumn<RecordSet>("set");
    FactsRecord f{QStringLiteral("pe1.lab"), QStringLiteral("FRRouting"), QStringLiteral("frr"), QStringLiteral("8.4.4"), {}, {}, 12345};
    QTest::newRow("facts") << RecordSet(QueryKind::Facts, QList<FactsRecord>{f});
    InterfaceRecord i;
    i.name = QStringLiteral("eth1.100");
    i.adminState = LinkState::Up;
    i.operState = LinkState::LowerLayerDown;
    i.mtu = 1500;
    i.mac = QStringLiteral("02:00:00:00:00:01");
    i.crcErrors = 0;
    QTest::newRow("link") << RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{i});
    BgpNeighborRecord b;
    b.vrf = QStringLiteral("default");
    b.neighbor = QStringLiteral("198.19.0.2");
    b.addressFamily = QStringLiteral("ipv4-unicast");
    b.localAs = 65001;
    b.remoteAs = 4259840100;
    b.state = BgpState::Idle;
    b.stateDetail = QStringLiteral("Idle (Admin)");
    b.adminEnabled = false;
    b.prefixesReceived = 0;
    QTest::newRow("bgp") << RecordSet(QueryKind::BgpStatus, QList<BgpNeighborRecord>{b});
    ArpRecord a{QStringLiteral("default"), QStringLiteral("198.19.0.9"), {}, QStringLiteral("eth1"), -1, NeighborState::Incomplete};
    QTest::newRow("arp") << RecordSet(QueryKind::ArpTable, QList<ArpRecord>{a});
    VlanRecord v;
    v.interfaceName = QStringLiteral("eth1.100");
    v.vlanId = 100;
    v.expectedVlan = 101;
    v.tagCheck = TagCheck::Mismatch;
    v.unknownTagDrops = 42;
    QTest::newRow("vlan") << RecordSet(QueryKind::VlanErrors, QList<VlanRecord>{v});
    RouteRecord r;
    r.prefix = *IpPrefix::parse(std::string_view("203.0.113.0/24"));
    r.nextHop = *IpAddress::parse(std::string_view("198.19.0.2"));
    r.asPath = QStringLiteral("65002 65010");
    r.origin = RouteOrigin::Igp;
    r.localPref = 100;
    r.communities = QStringLiteral("65002:100 no-export");
    r.best = true;
    QTest::newRow("routes") << RecordSet(QueryKind::ReceivedRoutes, QList<RouteRecord>{r, RouteRecord{}});
    LldpNeighborRecord l{QStringLiteral("xe-0/0/0"), QStringLiteral("ce1"), {}, QStringLiteral("Gi0/1"), {}, {}, QStringLiteral("router")};
    QTest::newRow("lldp") << RecordSet(QueryKind::LldpNeighbors, QList<LldpNeighborRecord>{l});
    OpticsRecord o;
    o.interfaceName = QStringLiteral("Ethernet1");
    o.lane = 0;
    o.rxPowerDbm = -3.5;
    o.rxLowWarnDbm = -14.0;
    QTest::newRow("optics") << RecordSet(QueryKind::Optics, QList<OpticsRecord>{o});
}

void TestApiJson::everyRecordTypeRoundTrips()
{
    QFETCH(RecordSet, set);
    const QByteArray text = QJsonDocument(set.toJson()).toJson(QJsonDocument::Compact);
    const RecordSet back = RecordSet::fromJson(set.kind(), QJsonDocument::fromJson(text).array());
    QCOMPARE(back.size(), set.size());
    QVERIFY2(back == set, text.constData());
    // Every column has a stable key and a title.
    for (const ColumnInfo &c : set.columns()) {
        QVERIFY(QByteArray(c.key).size() > 0);
        QVERIFY(QByteArray(c.title).size() > 0);
    }
}

void TestApiJson::responseRoundTripWithPerRouterError()
{
    Response resp;
    resp.requestId = QStringLiteral("r-9");
    resp.kind = QueryKind::BgpStatus;
    RouterResult ok;
    ok.router = QStringLiteral("pe1");
    ok.records = RecordSet(QueryKind::BgpStatus);
    ok.fetchedAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    ok.source = AnswerSource::Store;
    RouterResult bad;
    bad.router = QStringLiteral("pe2");
    bad.records = RecordSet(QueryKind::BgpStatus);
    bad.error = Error(ErrorCode::Unreachable, QStringLiteral("pe2 did not answer on port 22."));
    resp.results = {ok, bad};
    QCOMPARE(resp.failedCount(), 1);
    QVERIFY(!resp.allOk());
    const auto back = Response::fromJson(resp.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->results.size(), 2);
    QCOMPARE(back->results[0], ok);
    QCOMPARE(back->results[1].error.code, ErrorCode::Unreachable);
    QCOMPARE(back->results[1].error.message, bad.error.message);
}

void TestApiJson::unknownValuesAreNull()
{
    RecordSet set(QueryKind::BgpStatus, QList<BgpNeighborRecord>{BgpNeighborRecord{}});
    const QJsonObject row = set.toJson().at(0).toObject();
    QVERIFY(row.value(QStringLiteral("prefixesReceived")).isNull());
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("unknown"));
}

void TestApiJson::errorCodesAreStable()
{
    // These names are part of the API: scripts key on them. Changing one breaks users.
    const QStringList expected = {QStringLiteral("ok"), QStringLiteral("invalid-request"), QStringLiteral("unknown-router"),
                                  QStringLiteral("unsupported-query"), QStringLiteral("forbidden"), QStringLiteral("throttled"),
                                  QStringLiteral("timeout"), QStringLiteral("unreachable"), QStringLiteral("auth-failed"),
                                  QStringLiteral("parse-error"), QStringLiteral("host-key-unknown"),
                                  QStringLiteral("host-key-mismatch"), QStringLiteral("tls-error")};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(errorCodeName(ErrorCode(i)), expected[i]);
        QCOMPARE(errorCodeFromName(expected[i]), std::optional<ErrorCode>(ErrorCode(i)));
    }
    QCOMPARE(bgpStateFromName(u"Idle (Admin)"), BgpState::Idle);
    QCOMPARE(bgpStateFromName(u"Established"), BgpState::Established);
    QCOMPARE(bgpStateFromName(u"OpenSent"), BgpState::OpenSent);
}

// One unit per field (bit/s, seconds), shown the way a person reads it.
void TestApiJson::cellsForPeople_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    QTest::newRow("10G") << qint64(10'000'000'000LL) << int(ColumnType::BitRate) << "10 Gb/s";
    QTest::newRow("2.5G") << qint64(2'500'000'000LL) << int(ColumnType::BitRate) << "2.5 Gb/s";
    QTest::newRow("100M") << qint64(100'000'000LL) << int(ColumnType::BitRate) << "100 Mb/s";
    QTest::newRow("400G") << qint64(400'000'000'000LL) << int(ColumnType::BitRate) << "400 Gb/s";
    QTest::newRow("64k") << qint64(64'000) << int(ColumnType::BitRate) << "64 kb/s";
    QTest::newRow("uptime") << qint64(93784) << int(ColumnType::Duration) << "1d02h03m";
}

void TestApiJson::cellsForPeople()
{
    QFETCH(qint64, value);
    QFETCH(int, type);
    QFETCH(QString, text);
    QCOMPARE(cellText(QVariant(value), ColumnType(type)), text);
}

// Pasted and file input keeps its label through JSON (the CLI's and the API's form).
void TestApiJson::answerSourcesRoundTrip()
{
    for (AnswerSource s : {AnswerSource::Live, AnswerSource::Store, AnswerSource::Pasted, AnswerSource::File}) {
        RouterResult r;
        r.router = QStringLiteral("r1");
        r.records = RecordSet(QueryKind::ArpTable);
        r.source = s;
        QCOMPARE(RouterResult::fromJson(QueryKind::ArpTable, r.toJson()).source, s);
        QCOMPARE(answerSourceFromName(answerSourceName(s)), s);
    }
    QCOMPARE(answerSourceName(AnswerSource::Pasted), QStringLiteral("pasted"));
}

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_api_json.moc"
