// The connection diagnosis against the real lab: each fault of issue 11's list is injected with
// lab/fault.sh on the customer connection acme-vlan100 (lab-frr cust0 <-> lab-host uplink0), the
// lab is left to settle, ConnectionDiagnoser runs on it, and the likely cause must name the layer
// and the end where the fault is, with the words a person acts on. After each scenario the fault
// is undone and the connection must diagnose OK again before the next one.
//
// This machine's kernel has no 802.1Q: the VLAN scenario is emulated (see vlanMismatch and
// lab/README.md), and says so in the test output.

#include "lab_fixture.h"

#include "engine/service/connection_diagnoser.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace rl;

namespace {

const QString kConnection = QStringLiteral("acme-vlan100");

QString stepName(const DiagnosisStep &s)
{
    return s.layer + u'/' + connectionEndName(s.end);
}

// The whole diagnosis in a few lines, for failure messages and the test log.
QString describe(const DiagnosisResult &d)
{
    QStringList lines{QStringLiteral("overall %1").arg(verdictName(d.overall()))};
    for (const DiagnosisStep &s : d.steps)
        lines << QStringLiteral("  %1 %2%3: %4").arg(stepName(s), verdictName(s.verdict), s.likelyCause ? QStringLiteral(" <- likely cause") : QString(), s.finding);
    return lines.join(u'\n');
}

const DiagnosisStep *findStep(const DiagnosisResult &d, const QString &layer, ConnectionEnd end)
{
    for (const DiagnosisStep &s : d.steps)
        if (s.layer == layer && s.end == end)
            return &s;
    return nullptr;
}

Verdict verdictOf(const DiagnosisResult &d, const QString &layer, ConnectionEnd end)
{
    const DiagnosisStep *s = findStep(d, layer, end);
    return s ? s->verdict : Verdict::CannotCheck;
}

} // namespace

class TestLabDiagnosis final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void baseline();
    void linkDown();
    void bgpAdministrativelyDown();
    void wrongPeerAsOnTheProvider();
    void wrongPeerAsOnTheCustomer();
    void arpBroken();
    void vlanMismatch();
    void mtuMismatch();
    void prefixLimitExceeded();
    void prefixFilteredByPolicy();
    void managementUnreachable();
    void routeWithdrawn();
    void cleanup();
    void cleanupTestCase();

private:
    // One diagnosis of acme-vlan100, fresh answers (maxAge 0).
    DiagnosisResult diagnose(RouterDataService &service, int secondReadMs = 0);
    DiagnosisResult diagnose() { return diagnose(m_lab.service()); }
    // Diagnoses about once a second until `settled` holds or timeoutMs pass; the last result in *last.
    bool settle(RouterDataService &service, const std::function<bool(const DiagnosisResult &)> &settled, int timeoutMs,
                DiagnosisResult *last);
    bool settle(const std::function<bool(const DiagnosisResult &)> &settled, int timeoutMs, DiagnosisResult *last)
    {
        return settle(m_lab.service(), settled, timeoutMs, last);
    }
    // Asserts the likely cause: layer, end, verdict and words in its finding.
    static bool causeIs(const DiagnosisResult &d, const QString &layer, ConnectionEnd end, Verdict verdict,
                        const QStringList &words, QString *why);
    static void undoAll();

    LabFixture m_lab;
    Connection m_connection;
    QElapsedTimer m_scenario;
};

#define INJECT(...)                                                                                                    \
    do {                                                                                                               \
        const QString injectError = LabFixture::fault({__VA_ARGS__});                                                  \
        QVERIFY2(injectError.isEmpty(), qPrintable(injectError));                                                      \
    } while (false)

#define VERIFY_CAUSE(d, layer, end, verdict, ...)                                                                      \
    do {                                                                                                               \
        QString causeWhy;                                                                                              \
        QVERIFY2(causeIs(d, QStringLiteral(layer), end, verdict, {__VA_ARGS__}, &causeWhy),                           \
                 qPrintable(causeWhy + QStringLiteral("\n") + describe(d)));                                           \
    } while (false)

void TestLabDiagnosis::initTestCase()
{
    const QString why = m_lab.setUp();
    if (!why.isEmpty())
        QFAIL(qPrintable(why));
    undoAll(); // whatever an interrupted run left behind
    const QList<Connection> visible = m_lab.service().visibleConnections({QStringLiteral("lab-test"), Role::Internal, {}});
    for (const Connection &c : visible)
        if (c.id == kConnection)
            m_connection = c;
    QVERIFY2(!m_connection.id.isEmpty(), "the lab inventory has no connection acme-vlan100");
    QVERIFY2(m_connection.customerRouter == QLatin1String("lab-host"), "acme-vlan100 has no managed customer router");
    QVERIFY2(m_connection.expectedPrefixes.size() == 4,
             "acme-vlan100 lists no expected prefixes: lab/up.sh is older than this test (run lab/down.sh and lab/up.sh)");
    // The lab may still be settling from an earlier test binary.
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return r.overall() == Verdict::Ok; }, 60000, &d),
             qPrintable(QStringLiteral("the lab never diagnosed healthy:\n") + describe(d)));
}

void TestLabDiagnosis::cleanup()
{
    // Every scenario undoes its fault (a scope guard, also when an assertion stopped it); the
    // next one starts only once the connection is healthy again.
    DiagnosisResult d;
    const bool healthy = settle([](const DiagnosisResult &r) { return r.overall() == Verdict::Ok; }, 60000, &d);
    qInfo("%s: %.1f s including the recovery", QTest::currentTestFunction(), double(m_scenario.elapsed()) / 1000.0);
    QVERIFY2(healthy, qPrintable(QStringLiteral("acme-vlan100 did not diagnose OK again after the fault was undone:\n") + describe(d)));
}

void TestLabDiagnosis::cleanupTestCase()
{
    undoAll();
}

void TestLabDiagnosis::undoAll()
{
    // Each undo is harmless when its fault is not there.
    const QList<QStringList> undo{
        {QStringLiteral("sshd-start"), QStringLiteral("host")},
        {QStringLiteral("link-up"), QStringLiteral("host"), QStringLiteral("uplink0")},
        {QStringLiteral("bgp-enable"), QStringLiteral("frr"), QStringLiteral("198.19.0.66")},
        {QStringLiteral("peer-as-restore"), QStringLiteral("frr")},
        {QStringLiteral("peer-as-restore"), QStringLiteral("host")},
        {QStringLiteral("arp-restore")},
        {QStringLiteral("vlan-restore")},
        {QStringLiteral("mtu-restore")},
        {QStringLiteral("policy-allow")},
        {QStringLiteral("announce-on"), QStringLiteral("host")},
    };
    for (const QStringList &args : undo)
        LabFixture::fault(args); // sshd-start fails when sshd runs: that is fine here
    // prefix-limit-off clears the session: only when a limit is configured.
    const QString limitOff = LabFixture::fault({QStringLiteral("prefix-limit-off")});
    Q_UNUSED(limitOff);
}

DiagnosisResult TestLabDiagnosis::diagnose(RouterDataService &service, int secondReadMs)
{
    // The connection as this service's inventory has it (the VLAN scenario uses another inventory).
    const ClientIdentity client{QStringLiteral("lab-test"), Role::Internal, {}};
    Connection connection = m_connection;
    for (const Connection &c : service.visibleConnections(client))
        if (c.id == kConnection)
            connection = c;
    ConnectionDiagnoser diagnoser(service);
    DiagnosisResult result;
    bool done = false;
    QEventLoop loop;
    connect(&diagnoser, &ConnectionDiagnoser::finished, &loop, [&](const QList<DiagnosisResult> &r) {
        if (!r.isEmpty())
            result = r.first();
        done = true;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    diagnoser.start({connection}, client, 0, secondReadMs);
    if (!done)
        loop.exec();
    if (!done) {
        diagnoser.cancel();
        result.connection = connection;
        DiagnosisStep s;
        s.layer = QStringLiteral("management");
        s.finding = QStringLiteral("The diagnosis did not finish within 120 s.");
        result.steps = {s};
    }
    return result;
}

bool TestLabDiagnosis::settle(RouterDataService &service, const std::function<bool(const DiagnosisResult &)> &settled,
                              int timeoutMs, DiagnosisResult *last)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        *last = diagnose(service);
        if (settled(*last))
            return true;
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(1000);
    }
}

bool TestLabDiagnosis::causeIs(const DiagnosisResult &d, const QString &layer, ConnectionEnd end, Verdict verdict,
                               const QStringList &words, QString *why)
{
    const DiagnosisStep *c = d.cause();
    if (!c) {
        *why = QStringLiteral("no likely cause named; expected %1/%2").arg(layer, connectionEndName(end));
        return false;
    }
    if (c->layer != layer || c->end != end || c->verdict != verdict) {
        *why = QStringLiteral("the likely cause is %1 %2, expected %3/%4 %5")
                   .arg(stepName(*c), verdictName(c->verdict), layer, connectionEndName(end), verdictName(verdict));
        return false;
    }
    for (const QString &w : words) {
        if (!c->finding.contains(w, Qt::CaseInsensitive)) {
            *why = QStringLiteral("the likely cause's finding does not say \"%1\": %2").arg(w, c->finding);
            return false;
        }
    }
    if (c->advice.isEmpty()) {
        *why = QStringLiteral("the likely cause gives no advice");
        return false;
    }
    return true;
}

// ---- the scenarios ------------------------------------------------------------------------------

void TestLabDiagnosis::baseline()
{
    m_scenario.start();
    // With the second read (errors rising?) as the CLI does it by default.
    const DiagnosisResult d = diagnose(m_lab.service(), 2000);
    qInfo("healthy lab:\n%s", qPrintable(describe(d)));
    QVERIFY2(d.overall() == Verdict::Ok, qPrintable(describe(d)));
    QVERIFY(!d.cause());
    // Every layer the lab can show is checked, on both ends where the platform answers it
    // (lab-host is plain Linux: no BGP or routes of its own; veths have no optics).
    const QList<std::pair<const char *, ConnectionEnd>> layers{
        {"management", ConnectionEnd::Provider}, {"management", ConnectionEnd::Customer},
                                     {"link", ConnectionEnd::Provider}, {"link", ConnectionEnd::Customer}, {"mtu", ConnectionEnd::Both},
                                     {"vlan", ConnectionEnd::Provider}, {"vlan", ConnectionEnd::Customer}, {"arp", ConnectionEnd::Provider},
                                     {"arp", ConnectionEnd::Customer}, {"nd", ConnectionEnd::Provider}, {"nd", ConnectionEnd::Customer},
                                     {"bgp-ipv4", ConnectionEnd::Provider}, {"bgp-ipv6", ConnectionEnd::Provider},
                                     {"routes-ipv4", ConnectionEnd::Both}, {"routes-ipv6", ConnectionEnd::Both},
                                     {"route-lookup-ipv4", ConnectionEnd::Provider}, {"route-lookup-ipv6", ConnectionEnd::Provider}};
    for (const auto &[layer, end] : layers) {
        const DiagnosisStep *s = findStep(d, QLatin1String(layer), end);
        QVERIFY2(s, qPrintable(QStringLiteral("no %1/%2 step:\n").arg(QLatin1String(layer), connectionEndName(end)) + describe(d)));
        QCOMPARE(s->verdict, Verdict::Ok);
    }
    // Each end resolves the other's address to the other end's own interface MAC.
    QVERIFY2(findStep(d, QStringLiteral("arp"), ConnectionEnd::Provider)->finding.contains(u"the other end's interface"),
             qPrintable(describe(d)));
    // The CPE announces two prefixes per family; all four are the connection's expected ones.
    QVERIFY2(findStep(d, QStringLiteral("routes-ipv4"), ConnectionEnd::Both)->finding.contains(u"2 prefixes"), qPrintable(describe(d)));
    QVERIFY2(findStep(d, QStringLiteral("routes-ipv6"), ConnectionEnd::Both)->finding.contains(u"2 prefixes"), qPrintable(describe(d)));
}

void TestLabDiagnosis::linkDown()
{
    m_scenario.start();
    // The customer shuts its uplink: its end is administratively down, the provider's port loses
    // the carrier, ARP and BGP follow. The cause is the customer's link.
    INJECT(QStringLiteral("link-down"), QStringLiteral("host"), QStringLiteral("uplink0"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("link-up"), QStringLiteral("host"), QStringLiteral("uplink0")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider) == Verdict::Fault; },
                    30000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "link", ConnectionEnd::Customer, Verdict::Fault, QStringLiteral("uplink0"), QStringLiteral("administratively down"));
    QCOMPARE(verdictOf(d, QStringLiteral("link"), ConnectionEnd::Provider), Verdict::Fault); // no carrier on cust0
    QCOMPARE(d.overall(), Verdict::Fault);
}

void TestLabDiagnosis::bgpAdministrativelyDown()
{
    m_scenario.start();
    INJECT(QStringLiteral("bgp-disable"), QStringLiteral("frr"), QStringLiteral("198.19.0.66"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("bgp-enable"), QStringLiteral("frr"), QStringLiteral("198.19.0.66")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider) == Verdict::Fault; },
                    20000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "bgp-ipv4", ConnectionEnd::Provider, Verdict::Fault, QStringLiteral("shut down"), QStringLiteral("198.19.0.66"));
    QVERIFY(d.cause()->direct);
    // Only the IPv4 session was shut: the link layers and the IPv6 session are fine.
    const QList<std::pair<const char *, ConnectionEnd>> fine{
        {"link", ConnectionEnd::Provider}, {"arp", ConnectionEnd::Provider}, {"bgp-ipv6", ConnectionEnd::Provider}, {"routes-ipv6", ConnectionEnd::Both}};
    for (const auto &[layer, end] : fine)
        QVERIFY2(verdictOf(d, QLatin1String(layer), end) == Verdict::Ok, qPrintable(QLatin1String(layer) + u'\n' + describe(d)));
}

void TestLabDiagnosis::wrongPeerAsOnTheProvider()
{
    m_scenario.start();
    // FRR expects AS 65099 from the customer (65010 in the inventory): FRR refuses the OPEN with
    // "Bad Peer AS". The configured AS itself is the direct finding.
    INJECT(QStringLiteral("peer-as-wrong"), QStringLiteral("frr"), QStringLiteral("65099"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("peer-as-restore"), QStringLiteral("frr")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider) == Verdict::Fault; },
                    20000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "bgp-ipv4", ConnectionEnd::Provider, Verdict::Fault, QStringLiteral("AS 65099"), QStringLiteral("AS 65010"));
    QCOMPARE(verdictOf(d, QStringLiteral("bgp-ipv6"), ConnectionEnd::Provider), Verdict::Ok);
}

void TestLabDiagnosis::wrongPeerAsOnTheCustomer()
{
    m_scenario.start();
    // The CPE expects AS 65099 from the provider: the CPE refuses FRR's OPEN and tells it so. Only
    // the provider's side of the session can be read (lab-host is plain Linux), and its last
    // error must be decoded into the cause and the end whose configuration is wrong.
    INJECT(QStringLiteral("peer-as-wrong"), QStringLiteral("host"), QStringLiteral("65099"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("peer-as-restore"), QStringLiteral("host")}); });
    DiagnosisResult d;
    // The first reset says "configuration change" (BIRD restarts the protocol); the refusal follows.
    QVERIFY2(settle([](const DiagnosisResult &r) {
                 const DiagnosisStep *b = findStep(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider);
                 return b && b->verdict == Verdict::Fault && b->finding.contains(u"wrong peer AS");
             }, 30000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "bgp-ipv4", ConnectionEnd::Provider, Verdict::Fault, QStringLiteral("wrong peer AS"),
                 QStringLiteral("198.19.0.66 refused the OPEN of lab-frr"), QStringLiteral("AS 65001"));
    QVERIFY(d.cause()->direct);
    QVERIFY2(d.cause()->advice.contains(u"198.19.0.66"), qPrintable(d.cause()->advice));
}

void TestLabDiagnosis::arpBroken()
{
    m_scenario.start();
    // The customer stops answering ARP/ND: the link is up, the provider cannot resolve the
    // customer, and the sessions drop after the hold time. ARP is the cause, not BGP.
    INJECT(QStringLiteral("arp-break"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("arp-restore")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider) == Verdict::Fault; },
                    30000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "arp", ConnectionEnd::Provider, Verdict::Fault, QStringLiteral("198.19.0.66"));
    QCOMPARE(verdictOf(d, QStringLiteral("link"), ConnectionEnd::Provider), Verdict::Ok);
    QCOMPARE(verdictOf(d, QStringLiteral("link"), ConnectionEnd::Customer), Verdict::Ok);
    QCOMPARE(verdictOf(d, QStringLiteral("nd"), ConnectionEnd::Provider), Verdict::Fault);
}

void TestLabDiagnosis::vlanMismatch()
{
    m_scenario.start();
    QJsonObject inv = QJsonDocument::fromJson(m_lab.inventoryJson()).object();
    QJsonArray connections = inv.value(QStringLiteral("connections")).toArray();
    QJsonObject acme = connections.at(0).toObject();
    const int labVlan = acme.value(QStringLiteral("vlan")).toInt(-1);
    std::unique_ptr<RouterDataService> tagged;
    if (labVlan <= 0) {
        // No CONFIG_VLAN_8021Q in this kernel: no interface can carry a tag. Emulated: the
        // connection is meant to be VLAN 100 (this inventory says so) while both ends are
        // untagged, and fault.sh takes every frame of the customer away at the provider's
        // ingress, as a foreign tag would. With 802.1Q, fault.sh retags the customer's
        // subinterface to VLAN 200 instead and the lab's own inventory is used.
        qInfo("802.1Q is missing in this kernel: VLAN tag mismatch EMULATED - the inventory expects VLAN 100 on untagged "
              "cust0/uplink0, and lab/fault.sh vlan-mismatch drops the customer's frames at lab-frr's cust0 (tc ingress)");
        acme.insert(QStringLiteral("vlan"), 100);
        connections[0] = acme;
        inv.insert(QStringLiteral("connections"), connections);
        tagged = m_lab.serviceWithInventory(QJsonDocument(inv).toJson());
        QVERIFY(tagged);
    }
    RouterDataService &service = tagged ? *tagged : m_lab.service();
    INJECT(QStringLiteral("vlan-mismatch"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("vlan-restore")}); });
    DiagnosisResult d;
    QVERIFY2(settle(service, [](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider) == Verdict::Fault; },
                    30000, &d),
             qPrintable(describe(d)));
    qInfo("VLAN mismatch:\n%s", qPrintable(describe(d)));
    if (labVlan <= 0) {
        // The provider's end has no subinterface tagged 100: the direct finding at the VLAN layer,
        // below the ARP and BGP faults it causes.
        VERIFY_CAUSE(d, "vlan", ConnectionEnd::Provider, Verdict::Fault, QStringLiteral("VLAN 100"), QStringLiteral("cust0"));
    } else {
        VERIFY_CAUSE(d, "vlan", ConnectionEnd::Customer, Verdict::Fault, QStringLiteral("tagged 200"));
    }
    QCOMPARE(verdictOf(d, QStringLiteral("arp"), ConnectionEnd::Provider), Verdict::Fault);
}

void TestLabDiagnosis::mtuMismatch()
{
    m_scenario.start();
    // The customer's uplink drops to MTU 1400. BGP stays up (TCP's MSS keeps it within the
    // smaller MTU) while 1500-byte packets are lost: a warning at the MTU layer, named as the cause.
    INJECT(QStringLiteral("mtu-mismatch"), QStringLiteral("1400"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("mtu-restore")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("mtu"), ConnectionEnd::Both) != Verdict::Ok; }, 15000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "mtu", ConnectionEnd::Both, Verdict::Warn, QStringLiteral("1400"), QStringLiteral("1500"), QStringLiteral("uplink0"));
    QCOMPARE(d.overall(), Verdict::Warn);
    QCOMPARE(verdictOf(d, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider), Verdict::Ok);
}

void TestLabDiagnosis::prefixLimitExceeded()
{
    m_scenario.start();
    // FRR accepts one IPv4 prefix from the customer, who announces two: FRR tears the session
    // down with "Maximum Number of Prefixes Reached" and keeps it down.
    INJECT(QStringLiteral("prefix-limit"), QStringLiteral("1"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("prefix-limit-off")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider) == Verdict::Fault; },
                    20000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "bgp-ipv4", ConnectionEnd::Provider, Verdict::Fault, QStringLiteral("maximum prefixes"));
    QVERIFY(d.cause()->direct);
    QCOMPARE(verdictOf(d, QStringLiteral("bgp-ipv6"), ConnectionEnd::Provider), Verdict::Ok);
}

void TestLabDiagnosis::prefixFilteredByPolicy()
{
    m_scenario.start();
    // FRR's import prefix-list drops 198.51.100.192/27; 203.0.113.224/27 passes. The session is
    // up, so the routes layer must name the dropped prefix (FRR's received-routes alone still
    // marks it valid and best).
    INJECT(QStringLiteral("policy-deny"), QStringLiteral("198.51.100.192/27"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("policy-allow")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("routes-ipv4"), ConnectionEnd::Both) != Verdict::Ok; },
                    15000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "routes-ipv4", ConnectionEnd::Both, Verdict::Warn, QStringLiteral("198.51.100.192/27"), QStringLiteral("import policy"));
    QVERIFY2(!d.cause()->finding.contains(u"203.0.113.224/27"), qPrintable(d.cause()->finding));
    QCOMPARE(d.overall(), Verdict::Warn);
    QCOMPARE(verdictOf(d, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider), Verdict::Ok);
    QCOMPARE(verdictOf(d, QStringLiteral("routes-ipv6"), ConnectionEnd::Both), Verdict::Ok);
    // The lookup of the prefix in doubt shows its consequence: lab-frr has no route for it.
    const DiagnosisStep *lookup = findStep(d, QStringLiteral("route-lookup-ipv4"), ConnectionEnd::Provider);
    QVERIFY2(lookup && lookup->verdict == Verdict::Warn && lookup->finding.contains(u"198.51.100.192/27"), qPrintable(describe(d)));
}

void TestLabDiagnosis::managementUnreachable()
{
    m_scenario.start();
    // lab-host's sshd is stopped. A service with no session open yet (the lab's own keeps its
    // session to lab-host alive) cannot ask that end: CANNOT-CHECK, never OK, and no cause.
    INJECT(QStringLiteral("sshd-stop"), QStringLiteral("host"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("sshd-start"), QStringLiteral("host")}); });
    auto fresh = m_lab.serviceWithInventory(m_lab.inventoryJson());
    QVERIFY(fresh);
    const DiagnosisResult d = diagnose(*fresh);
    const DiagnosisStep *m = findStep(d, QStringLiteral("management"), ConnectionEnd::Customer);
    QVERIFY2(m, qPrintable(describe(d)));
    QCOMPARE(m->verdict, Verdict::CannotCheck);
    QVERIFY2(m->finding.contains(u"lab-host") && m->finding.contains(u"cannot be asked"), qPrintable(m->finding));
    QCOMPARE(d.overall(), Verdict::CannotCheck);
    QVERIFY2(!d.cause(), qPrintable(describe(d)));
    for (const DiagnosisStep &s : d.steps) // nothing on the customer's end is claimed
        QVERIFY2(s.end != ConnectionEnd::Customer || s.layer == u"management", qPrintable(describe(d)));
    QCOMPARE(verdictOf(d, QStringLiteral("management"), ConnectionEnd::Provider), Verdict::Ok);
    QCOMPARE(verdictOf(d, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider), Verdict::Ok);
}

void TestLabDiagnosis::routeWithdrawn()
{
    m_scenario.start();
    // The CPE withdraws 198.51.100.192/27 (one of its expected prefixes); the session stays up.
    INJECT(QStringLiteral("announce-off"), QStringLiteral("host"), QStringLiteral("198.51.100.192/27"));
    auto undo = qScopeGuard([] { LabFixture::fault({QStringLiteral("announce-on"), QStringLiteral("host"), QStringLiteral("198.51.100.192/27")}); });
    DiagnosisResult d;
    QVERIFY2(settle([](const DiagnosisResult &r) { return verdictOf(r, QStringLiteral("routes-ipv4"), ConnectionEnd::Both) != Verdict::Ok; },
                    15000, &d),
             qPrintable(describe(d)));
    VERIFY_CAUSE(d, "routes-ipv4", ConnectionEnd::Both, Verdict::Warn, QStringLiteral("198.51.100.192/27"), QStringLiteral("does not announce"));
    QCOMPARE(verdictOf(d, QStringLiteral("bgp-ipv4"), ConnectionEnd::Provider), Verdict::Ok);
}

QTEST_GUILESS_MAIN(TestLabDiagnosis)
#include "tst_lab_diagnosis.moc"
