// The built-in demo through the real translators: every demo router answers every query kind its
// platform supports from its recordings (no "no recorded output"), with plausible records; both
// ends of each private connection tell the same story; the diagnosis names each fault's layer.

#include "engine/diagnosis/connection_diagnosis.h"
#include "engine/transport/demo_transport.h"
#include "engine/vendors/translator.h"

#include <QSet>
#include <QTest>

#include <cmath>

Q_DECLARE_METATYPE(rl::QueryParams)

using namespace rl;

namespace {

// Realistic parameters per router: a neighbor with routes both ways, a destination it has a
// route for, and the neighbor of the other address family.
struct DemoParams {
    QString neighbor;
    QString destination;
    QString neighbor6;
    QString destination6;
    QString interfaceName; // the router's end of its private connection (Junos: the physical port)
};

const QHash<QString, DemoParams> &demoParams()
{
    static const QHash<QString, DemoParams> p{
        {"pe1-par", {"198.51.100.6", "203.0.113.70", "2001:db8:300::2", "2001:db8:1300::1", "GigabitEthernet0/0/0/1.210"}},
        {"pe2-ams", {"198.51.100.10", "203.0.113.200", "2001:db8:410::2", "2001:db8:1410::1", "ge-0/0/2"}},
        {"ce-globex", {"10.20.255.2", "10.21.4.1", "2001:db8:20:ff::2", "", "GigabitEthernet0/0/1.201"}},
        {"ce-initech", {"198.51.100.5", "203.0.113.200", "2001:db8:300::1", "2001:db8:1410::1", "Ethernet1.300"}},
        {"ce-umbrella", {"198.51.100.9", "203.0.113.70", "2001:db8:410::1", "2001:db8:1300::1", "Ethernet1/1.410"}},
    };
    return p;
}

DemoScenario fastScenario()
{
    DemoScenario s = DemoScenario::load().value();
    for (DemoRouter &r : s.routers)
        r.latencyMs = 0;
    return s;
}

// One query on one demo router the way a worker runs it: translate, send, parse.
RouterResult ask(const DemoScenario &scenario, const QString &router, QueryKind kind, const QueryParams &params)
{
    RouterResult out;
    out.router = router;
    const DemoRouter *d = scenario.router(router);
    const Translator *t = d ? TranslatorRegistry::find(d->platform) : nullptr;
    if (!t) {
        out.error = Error(ErrorCode::UnknownRouter, QStringLiteral("%1 is not a demo router with a translator.").arg(router));
        return out;
    }
    const auto commands = t->commands(kind, params);
    if (!commands) {
        out.error = commands.error();
        return out;
    }
    out.commands = *commands;
    DemoTransportFactory factory(scenario);
    Router r;
    r.name = router;
    r.platform = d->platform;
    auto transport = factory.create(r, t->sessionProfile());
    const auto outputs = transport->run(*commands, ExecOptions{});
    if (!outputs) {
        out.error = outputs.error();
        return out;
    }
    const auto records = t->parse(kind, params, *outputs);
    if (!records) {
        out.error = records.error();
        return out;
    }
    out.records = *records;
    return out;
}

QSet<QString> prefixes(const RecordSet &set)
{
    QSet<QString> out;
    for (const RouteRecord &r : set.rows<RouteRecord>())
        out.insert(r.prefix.toString());
    return out;
}

const char *const commercialRouters[] = {"pe1-par", "pe2-ams", "ce-globex", "ce-initech", "ce-umbrella"};

} // namespace

class TestDemoPlatforms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKind_data();
    void everyKind();
    void bothEndsAgree();
    void diagnosisNamesTheFault();
};

void TestDemoPlatforms::everyKind_data()
{
    QTest::addColumn<QString>("router");
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QueryParams>("params");
    const DemoScenario s = fastScenario();
    for (const char *name : commercialRouters) {
        const DemoRouter *d = s.router(QString::fromLatin1(name));
        QVERIFY2(d, name);
        const Translator *t = TranslatorRegistry::find(d->platform);
        QVERIFY2(t, qPrintable(d->platform));
        const DemoParams dp = demoParams().value(d->name);
        for (QueryKind kind : allQueryKinds()) {
            QList<std::pair<QString, QueryParams>> variants;
            QueryParams p;
            switch (kind) {
            case QueryKind::ReceivedRoutes:
            case QueryKind::AdvertisedRoutes:
                p.neighbor = dp.neighbor;
                variants.append({"ipv4", p});
                p.neighbor = dp.neighbor6;
                variants.append({"ipv6", p});
                break;
            case QueryKind::RouteLookup:
                p.destination = dp.destination;
                variants.append({"ipv4", p});
                if (!dp.destination6.isEmpty()) {
                    p.destination = dp.destination6;
                    p.addressFamily = QStringLiteral("ipv6");
                    variants.append({"ipv6", p});
                }
                break;
            case QueryKind::LinkStatus:
            case QueryKind::Optics:
                variants.append({"all", p});
                // IOS names ports in its transceiver table the short way ("Gi0/0/1"), and so must the filter.
                p.interfaceName = dp.interfaceName.section(u'.', 0, 0);
                if (kind == QueryKind::Optics && d->platform == u"cisco-ios")
                    p.interfaceName.replace(QStringLiteral("GigabitEthernet"), QStringLiteral("Gi"));
                if (kind == QueryKind::LinkStatus)
                    p.interfaceName = dp.interfaceName;
                variants.append({"one interface", p});
                break;
            default:
                variants.append({"", p});
            }
            for (const auto &[tag, params] : variants) {
                const auto commands = t->commands(kind, params);
                if (!commands && commands.error().code == ErrorCode::UnsupportedQuery)
                    continue; // the platform cannot answer this kind
                if (!commands && commands.error().code == ErrorCode::InvalidRequest && params.interfaceName.isEmpty())
                    continue; // the platform needs the interface for this kind (IOS-XR optics): the next variant names it
                QTest::addRow("%s %s %s", name, qPrintable(queryKindName(kind)), qPrintable(tag)) << d->name << kind << params;
            }
        }
    }
}

void TestDemoPlatforms::everyKind()
{
    QFETCH(QString, router);
    QFETCH(QueryKind, kind);
    QFETCH(QueryParams, params);
    const RouterResult r = ask(fastScenario(), router, kind, params);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY2(!r.records.isEmpty(), "a demo answer with no records");
    switch (kind) {
    case QueryKind::Facts: {
        const FactsRecord &f = r.records.rows<FactsRecord>().first();
        QCOMPARE(f.hostname, router);
        QVERIFY(!f.osVersion.isEmpty());
        QVERIFY(!f.model.isEmpty());
        QVERIFY(f.uptimeSeconds > 86400);
        break;
    }
    case QueryKind::LinkStatus:
        for (const InterfaceRecord &i : r.records.rows<InterfaceRecord>()) {
            QVERIFY(!i.name.isEmpty());
            QVERIFY2(i.operState != LinkState::Unknown, qPrintable(i.name));
        }
        break;
    case QueryKind::BgpStatus:
        for (const BgpNeighborRecord &n : r.records.rows<BgpNeighborRecord>()) {
            QVERIFY2(IpAddress::parse(n.neighbor), qPrintable(n.neighbor));
            QVERIFY2(n.remoteAs > 0 && n.state != BgpState::Unknown, qPrintable(n.neighbor));
            QVERIFY(n.addressFamily.startsWith(u"ipv"));
        }
        break;
    case QueryKind::ArpTable:
        for (const ArpRecord &a : r.records.rows<ArpRecord>())
            QVERIFY2(IpAddress::parse(a.ip) && (!a.mac.isEmpty() || a.state == NeighborState::Incomplete), qPrintable(a.ip));
        break;
    case QueryKind::VlanErrors:
        for (const VlanRecord &v : r.records.rows<VlanRecord>())
            QVERIFY2(v.vlanId > 0 && v.vlanId < 4095 && !v.parentInterface.isEmpty(), qPrintable(v.interfaceName));
        break;
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        for (const RouteRecord &x : r.records.rows<RouteRecord>())
            QVERIFY2(!x.prefix.isNull() && x.prefix.address().isV6() == params.neighbor.contains(u':'), qPrintable(x.prefix.toString()));
        break;
    case QueryKind::RouteLookup: {
        const auto dest = IpAddress::parse(params.destination);
        QVERIFY(dest);
        for (const RouteRecord &x : r.records.rows<RouteRecord>())
            QVERIFY2(x.prefix.contains(*dest), qPrintable(x.prefix.toString()));
        break;
    }
    case QueryKind::LldpNeighbors:
        for (const LldpNeighborRecord &n : r.records.rows<LldpNeighborRecord>())
            QVERIFY(!n.localInterface.isEmpty() && !n.remoteSystemName.isEmpty() && !n.remotePortId.isEmpty());
        break;
    case QueryKind::Optics:
        for (const OpticsRecord &o : r.records.rows<OpticsRecord>())
            QVERIFY2(std::isfinite(o.rxPowerDbm) && o.rxPowerDbm < 5 && o.rxPowerDbm > -40, qPrintable(o.interfaceName));
        break;
    }
}

void TestDemoPlatforms::bothEndsAgree()
{
    const DemoScenario s = fastScenario();
    auto routes = [&](const char *router, QueryKind kind, const char *neighbor) {
        QueryParams p;
        p.neighbor = QString::fromLatin1(neighbor);
        const RouterResult r = ask(s, QString::fromLatin1(router), kind, p);
        [&] { QVERIFY2(r.ok(), qPrintable(r.error.toString())); }();
        return prefixes(r.records);
    };
    // healthy initech: what one end advertises the other receives, both ways and both families
    QCOMPARE(routes("pe1-par", QueryKind::ReceivedRoutes, "198.51.100.6"),
             routes("ce-initech", QueryKind::AdvertisedRoutes, "198.51.100.5"));
    QCOMPARE(routes("pe1-par", QueryKind::ReceivedRoutes, "2001:db8:300::2"),
             routes("ce-initech", QueryKind::AdvertisedRoutes, "2001:db8:300::1"));
    QCOMPARE(routes("ce-initech", QueryKind::ReceivedRoutes, "198.51.100.5"), QSet<QString>{"0.0.0.0/0"});
    // between the provider edges
    QCOMPARE(routes("pe1-par", QueryKind::ReceivedRoutes, "10.255.0.2"),
             routes("pe2-ams", QueryKind::AdvertisedRoutes, "10.255.0.1"));
    QCOMPARE(routes("ce-umbrella", QueryKind::ReceivedRoutes, "198.51.100.9"),
             routes("pe2-ams", QueryKind::AdvertisedRoutes, "198.51.100.10"));
    // umbrella: three advertised, all three received by pe2-ams, one of them rejected by its
    // import policy (Junos shows it with "hidden": received, not valid)
    const QSet<QString> sent = routes("ce-umbrella", QueryKind::AdvertisedRoutes, "198.51.100.9");
    QCOMPARE(sent.size(), 3);
    QCOMPARE(routes("pe2-ams", QueryKind::ReceivedRoutes, "198.51.100.10"), sent);
    QueryParams umbrellaRoutes;
    umbrellaRoutes.neighbor = QStringLiteral("198.51.100.10");
    const RouterResult received = ask(s, "pe2-ams", QueryKind::ReceivedRoutes, umbrellaRoutes);
    QSet<QString> accepted, rejected;
    for (const RouteRecord &r : received.records.rows<RouteRecord>())
        (r.valid ? accepted : rejected).insert(r.prefix.toString());
    QCOMPARE(accepted.size(), 2);
    QCOMPARE(rejected, QSet<QString>{QStringLiteral("198.51.100.128/25")});
    QueryParams umb;
    umb.neighbor = QStringLiteral("198.51.100.10");
    const RouterResult bgp = ask(s, "pe2-ams", QueryKind::BgpStatus, umb);
    QVERIFY2(bgp.ok() && bgp.records.size() == 1, qPrintable(bgp.error.toString()));
    const BgpNeighborRecord &n = bgp.records.rows<BgpNeighborRecord>().first();
    QCOMPARE(n.state, BgpState::Established);
    QCOMPARE(n.prefixesReceived, qint64(sent.size()));
    QCOMPARE(n.prefixesAccepted, qint64(accepted.size()));

    // globex: both ends tag, differently; neither resolves the other
    const RouterResult pv = ask(s, "pe1-par", QueryKind::VlanErrors, {});
    const RouterResult cv = ask(s, "ce-globex", QueryKind::VlanErrors, {});
    QVERIFY(pv.ok() && cv.ok());
    auto vlanOf = [](const RouterResult &r, const QString &ifName) {
        for (const VlanRecord &v : r.records.rows<VlanRecord>())
            if (v.interfaceName == ifName)
                return v;
        return VlanRecord{};
    };
    const VlanRecord pe = vlanOf(pv, "GigabitEthernet0/0/0/1.210"), ce = vlanOf(cv, "GigabitEthernet0/0/1.201");
    QCOMPARE(pe.vlanId, 210);
    QCOMPARE(ce.vlanId, 201);
    QVERIFY(pe.unknownTagDrops > 0 && ce.unknownTagDrops > 0);
    QueryParams globex;
    globex.neighbor = QStringLiteral("198.51.100.1");
    const RouterResult ceBgp = ask(s, "ce-globex", QueryKind::BgpStatus, globex);
    QVERIFY(ceBgp.ok() && ceBgp.records.size() == 1);
    QCOMPARE(ceBgp.records.rows<BgpNeighborRecord>().first().state, BgpState::Active);

    // optics: pe2-ams's port towards umbrella receives within 1 dB of its low warning
    const RouterResult optics = ask(s, "pe2-ams", QueryKind::Optics, {});
    QVERIFY(optics.ok());
    bool near = false;
    for (const OpticsRecord &o : optics.records.rows<OpticsRecord>())
        near = near || (o.interfaceName == u"ge-0/0/2" && o.rxPowerDbm > o.rxLowWarnDbm && o.rxPowerDbm - o.rxLowWarnDbm < 1.0);
    QVERIFY(near);
}

void TestDemoPlatforms::diagnosisNamesTheFault()
{
    const DemoScenario s = fastScenario();
    const Inventory inv = s.inventory();
    // Both ends of every commercial connection are in the demo inventory and both are asked.
    const QHash<QString, QString> causeOf{{"globex-par-210", "vlan/customer"}, {"initech-par-300", ""}, {"umbrella-ams-410", "routes-ipv4/both"}};
    for (auto it = causeOf.cbegin(); it != causeOf.cend(); ++it) {
        const Connection *c = inv.connection(it.key());
        QVERIFY2(c, qPrintable(it.key()));
        QVERIFY(!c->customerAddress6.isEmpty());
        ConnectionEvidence e;
        e.provider.router = c->providerRouter;
        e.customer.router = c->customerRouter;
        for (const PlannedRequest &p : ConnectionDiagnosis::plan(*c, ClientIdentity{}, true))
            ConnectionDiagnosis::slot(e, p.end, p.slot) = ask(s, p.request.routers.first(), p.request.kind, p.request.params);
        // then the route lookups the first round asks for
        for (const PlannedRequest &p : ConnectionDiagnosis::followUp(*c, e, ClientIdentity{})) {
            ConnectionDiagnosis::slot(e, p.end, p.slot) = ask(s, p.request.routers.first(), p.request.kind, p.request.params);
            (p.slot == EvidenceSlot::Lookup6 ? e.provider.lookupPrefix6 : e.provider.lookupPrefix) = p.about;
        }
        const DiagnosisResult d = ConnectionDiagnosis::evaluate(*c, e);
        QStringList verdicts;
        for (const DiagnosisStep &step : d.steps) {
            verdicts << step.layer + "/" + connectionEndName(step.end) + "=" + verdictName(step.verdict);
            // every layer both platforms can answer was checked
            QVERIFY2(step.verdict != Verdict::CannotCheck || step.layer.startsWith(u"routes"), qPrintable(it.key() + ": " + step.finding));
        }
        const DiagnosisStep *cause = d.cause();
        QCOMPARE(cause ? cause->layer + "/" + connectionEndName(cause->end) : QString(), it.value());
        QVERIFY2(verdicts.contains(QStringLiteral("bgp-ipv6/provider=") + QString(it.key() == u"globex-par-210" ? "fault" : "ok")), qPrintable(verdicts.join(' ')));
        if (it.key() == u"globex-par-210")
            QVERIFY2(cause->finding.contains(u"tagged 201") && cause->finding.contains(u"210"), qPrintable(cause->finding));
        if (it.key() == u"umbrella-ams-410") {
            QVERIFY2(cause->finding.contains(u"198.51.100.128/25"), qPrintable(cause->finding)); // the prefix the provider drops
            // ... and pe2-ams has no route for it: the lookup confirms, without being the cause
            QVERIFY2(verdicts.contains(QStringLiteral("route-lookup-ipv4/provider=warn")), qPrintable(verdicts.join(' ')));
            QVERIFY2(verdicts.contains(QStringLiteral("route-lookup-ipv6/provider=ok")), qPrintable(verdicts.join(' ')));
        }
        if (it.key() == u"initech-par-300") {
            QCOMPARE(d.overall(), Verdict::Ok);
            QVERIFY2(verdicts.contains(QStringLiteral("route-lookup-ipv4/provider=ok")), qPrintable(verdicts.join(' ')));
        }
        if (it.key() == u"globex-par-210") // nothing received, no expected prefixes: nothing to look up
            QVERIFY2(!verdicts.join(' ').contains(u"route-lookup"), qPrintable(verdicts.join(' ')));
    }
}

QTEST_GUILESS_MAIN(TestDemoPlatforms)
#include "tst_demo_platforms.moc"
