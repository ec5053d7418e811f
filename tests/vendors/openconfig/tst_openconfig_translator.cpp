// The openconfig translator on RESTCONF answers written in the OpenConfig models' RFC 7951
// JSON shape: module-qualified names, 64-bit counters as strings, identities as "module:NAME".

#include "engine/vendors/openconfig/openconfig_parser.h"
#include "engine/vendors/openconfig/openconfig_translator.h"
#include "tests/vendors/common/vendor_test_support.h"

#include <QtTest>

using namespace rl;

namespace {

QByteArray sample(const QString &file)
{
    return rl::testing::fixture(QStringLiteral("openconfig"), file);
}

QueryParams paramsOf(const QString &text)
{
    QueryParams p;
    for (const QString &kv : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString k = kv.section(QLatin1Char('='), 0, 0), v = kv.section(QLatin1Char('='), 1);
        if (k == QLatin1String("interface"))
            p.interfaceName = v;
        else if (k == QLatin1String("vrf"))
            p.vrf = v;
        else if (k == QLatin1String("neighbor"))
            p.neighbor = v;
        else if (k == QLatin1String("family"))
            p.addressFamily = v;
    }
    return p;
}

} // namespace

class TestOpenConfigTranslator final : public QObject
{
    Q_OBJECT

    OpenConfigTranslator m_t;

private Q_SLOTS:
    void registered()
    {
        const Translator *t = TranslatorRegistry::find(QStringLiteral("openconfig"));
        QVERIFY(t);
        QCOMPARE(t->platform(), QStringLiteral("openconfig"));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("params");
        QTest::addColumn<int>("rows");        // -1: an error is expected
        QTest::addColumn<QString>("error");   // its code
        QTest::addColumn<QStringList>("checks"); // "row.column=cell text"

        QTest::newRow("interfaces")
            << "interfaces.json" << "link-status" << "" << 4 << ""
            << QStringList{"0.name=Ethernet1", "0.adminState=up", "0.operState=up", "0.speedBps=10 Gb/s",
                           "0.mtu=9214", "0.mac=00:1c:73:0a:0b:01", "0.description=to cust-a pe1 xe-0/0/1",
                           "0.inPackets=1204558812", "0.outPackets=998877665", "0.inErrors=17", "0.outErrors=0",
                           "0.crcErrors=12", "0.inDiscards=0", "0.outDiscards=3",
                           "1.name=Ethernet2/1", "1.adminState=admin-down", "1.operState=down", "1.speedBps=100 Gb/s",
                           "1.mtu=1500", "1.inPackets=123", "1.outPackets=55", "1.crcErrors=",
                           "2.operState=lower-layer-down", "2.speedBps=2.5 Gb/s", "2.lastChangeSeconds=",
                           "3.name=Management1", "3.adminState=up", "3.operState=not-present", "3.description=oob",
                           "3.speedBps=", "3.inPackets="};
        QTest::newRow("interfaces filtered") << "interfaces.json" << "link-status" << "interface=ethernet2/1" << 1 << ""
                                             << QStringList{"0.name=Ethernet2/1"};
        QTest::newRow("interface list only") << "interfaces_list_only.json" << "link-status" << "" << 1 << ""
                                             << QStringList{"0.name=et-0/0/0", "0.operState=dormant", "0.mtu=1514"};
        QTest::newRow("interfaces empty") << "interfaces_empty.json" << "link-status" << "" << 0 << "" << QStringList{};
        QTest::newRow("interfaces truncated") << "interfaces_truncated.json" << "link-status" << "" << -1 << "parse-error"
                                              << QStringList{};
        QTest::newRow("interface without name") << "interfaces_no_name.json" << "link-status" << "" << -1
                                                << "parse-error" << QStringList{};
        QTest::newRow("another model") << "interfaces_wrong_document.json" << "link-status" << "" << -1 << "parse-error"
                                       << QStringList{};
        QTest::newRow("html instead of json") << "not_json.txt" << "link-status" << "" << -1 << "parse-error"
                                              << QStringList{};

        QTest::newRow("bgp")
            << "bgp_neighbors.json" << "bgp-status" << "" << 4 << ""
            << QStringList{"0.vrf=default", "0.neighbor=198.51.100.1", "0.addressFamily=ipv4-unicast", "0.localAs=64500",
                           "0.remoteAs=65001", "0.state=established", "0.prefixesReceived=125",
                           "0.prefixesAccepted=120", "0.prefixesSent=8", "0.description=cust-a primary",
                           "1.neighbor=2001:db8:40::1", "1.addressFamily=ipv6-unicast", "1.remoteAs=4200000001",
                           "1.state=active", "1.prefixesReceived=0", "1.prefixesAccepted=0", "1.lastError=CEASE",
                           "1.uptimeSeconds=",
                           "2.neighbor=198.51.100.9", "2.state=idle", "2.stateDetail=IDLE (admin disabled)",
                           "2.addressFamily=ipv4-unicast", "2.localAs=",
                           "3.state=openconfirm", "3.remoteAs=65013", "3.addressFamily=l3vpn-ipv4-unicast",
                           "3.prefixesReceived=7"};
        QTest::newRow("bgp in a vrf") << "bgp_neighbors.json" << "bgp-status" << "vrf=cust-a" << 4 << ""
                                      << QStringList{"0.vrf=cust-a", "3.vrf=cust-a"};
        QTest::newRow("bgp one neighbor") << "bgp_neighbors.json" << "bgp-status" << "neighbor=198.51.100.9" << 1 << ""
                                          << QStringList{"0.neighbor=198.51.100.9"};
        QTest::newRow("bgp ipv6 only") << "bgp_neighbors.json" << "bgp-status" << "family=ipv6" << 1 << ""
                                       << QStringList{"0.neighbor=2001:db8:40::1"};
        QTest::newRow("bgp empty") << "bgp_neighbors_empty.json" << "bgp-status" << "" << 0 << "" << QStringList{};
        QTest::newRow("bgp unknown state") << "bgp_neighbors_bad_state.json" << "bgp-status" << "" << -1 << "parse-error"
                                           << QStringList{};
        QTest::newRow("bgp neighbor not a list") << "bgp_neighbors_not_list.json" << "bgp-status" << "" << -1
                                                 << "parse-error" << QStringList{};
        QTest::newRow("bgp given interfaces") << "interfaces.json" << "bgp-status" << "" << -1 << "parse-error"
                                              << QStringList{};
    }
    void parse()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, params);
        QFETCH(int, rows);
        QFETCH(QString, error);
        QFETCH(QStringList, checks);
        const QueryKind k = *queryKindFromName(kind);
        const QueryParams p = paramsOf(params);
        const Result<QStringList> cmds = m_t.commands(k, p);
        QVERIFY(cmds.ok());
        const auto r = m_t.parse(k, p, {CommandOutput{cmds->first(), sample(file), 0, 0}});
        if (rows < 0) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().codeName(), error);
            QVERIFY(!r.error().message.isEmpty());
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->size(), rows);
        for (const QString &check : checks) {
            const qsizetype dot = check.indexOf(QLatin1Char('.')), eq = check.indexOf(QLatin1Char('='));
            const int row = check.left(dot).toInt();
            const QString key = check.mid(dot + 1, eq - dot - 1);
            const int column = r->columnIndex(key);
            QVERIFY2(column >= 0, qPrintable(key));
            const QString cell = cellText(r->value(row, column), r->columns()[column].type);
            QVERIFY2(cell == check.mid(eq + 1), qPrintable(QStringLiteral("%1: got \"%2\"").arg(check, cell)));
        }
    }

    void agesFromTimeticks64()
    {
        // 1767225600 s is 2026-01-01T00:00:00Z, the samples' last change / last established.
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600 + 3725, Qt::UTC);
        const auto ifs = OpenConfigParser::interfaces(sample(QStringLiteral("interfaces.json")), now);
        QVERIFY(ifs.ok());
        QCOMPARE(ifs->at(0).lastChangeSeconds, 3725);
        QCOMPARE(ifs->at(2).lastChangeSeconds, -1); // old-style timeticks: no epoch, no age
        const auto nbrs = OpenConfigParser::bgpNeighbors(sample(QStringLiteral("bgp_neighbors.json")), QString(), now);
        QVERIFY(nbrs.ok());
        QCOMPARE(nbrs->at(0).uptimeSeconds, 3725);
        QCOMPARE(nbrs->at(0).vrf, QStringLiteral("default"));
    }

    void commandsAreGuardedPaths_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("path");
        QTest::newRow("link") << "link-status" << "interface=Ethernet1/1"
                              << "/restconf/data/openconfig-interfaces:interfaces";
        QTest::newRow("bgp default")
            << "bgp-status" << ""
            << "/restconf/data/openconfig-network-instance:network-instances/network-instance=default/protocols/"
               "protocol=BGP,BGP/bgp/neighbors";
        QTest::newRow("bgp vrf")
            << "bgp-status" << "vrf=cust-a.1"
            << "/restconf/data/openconfig-network-instance:network-instances/network-instance=cust-a.1/protocols/"
               "protocol=BGP,BGP/bgp/neighbors";
    }
    void commandsAreGuardedPaths()
    {
        QFETCH(QString, kind);
        QFETCH(QString, params);
        QFETCH(QString, path);
        const auto cmds = m_t.commands(*queryKindFromName(kind), paramsOf(params));
        QVERIFY(cmds.ok());
        QCOMPARE(*cmds, QStringList{path});
        QVERIFY(!m_t.sessionProfile().guard.check(path));
    }

    void guardRefusesOtherPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("operation") << "/restconf/operations/openconfig-system:reboot";
        QTest::newRow("other instance form")
            << "/restconf/data/openconfig-network-instance:network-instances/network-instance=a/b/protocols/protocol=BGP,BGP/bgp/neighbors";
        QTest::newRow("config subtree") << "/restconf/data/openconfig-interfaces:interfaces/interface=Ethernet1/config";
        QTest::newRow("cli text") << "show version";
    }
    void guardRefusesOtherPaths()
    {
        QFETCH(QString, path);
        QCOMPARE(m_t.sessionProfile().guard.check(path).code, ErrorCode::ForbiddenCommand);
    }

    void badVrfIsRefused()
    {
        const auto cmds = m_t.commands(QueryKind::BgpStatus, paramsOf(QStringLiteral("vrf=a/../../x")));
        QVERIFY(!cmds.ok());
        QCOMPARE(cmds.error().code, ErrorCode::InvalidRequest);
    }

    void otherKindsAreUnsupported_data()
    {
        QTest::addColumn<int>("kind");
        for (QueryKind k : allQueryKinds())
            if (k != QueryKind::LinkStatus && k != QueryKind::BgpStatus)
                QTest::newRow(qPrintable(queryKindName(k))) << int(k);
    }
    void otherKindsAreUnsupported()
    {
        QFETCH(int, kind);
        const auto cmds = m_t.commands(QueryKind(kind), {});
        QVERIFY(!cmds.ok());
        QCOMPARE(cmds.error().code, ErrorCode::UnsupportedQuery);
        QVERIFY(cmds.error().message.contains(queryKindTitle(QueryKind(kind))));
        QCOMPARE(m_t.parse(QueryKind(kind), {}, {}).error().code, ErrorCode::UnsupportedQuery);
    }

    void pastedDocument()
    {
        const auto r = m_t.parsePasted(QueryKind::BgpStatus, sample(QStringLiteral("bgp_neighbors.json")));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(r->command.startsWith(QLatin1String("GET /restconf/data/openconfig-network-instance:")));
        QCOMPARE(r->records.size(), 4);
    }

    void speedsAndFamilies()
    {
        QCOMPARE(OpenConfigParser::speedMbps(QStringLiteral("openconfig-if-ethernet:SPEED_400GB")), 400000);
        QCOMPARE(OpenConfigParser::speedMbps(QStringLiteral("SPEED_10MB")), 10);
        QCOMPARE(OpenConfigParser::speedMbps(QStringLiteral("SPEED_UNKNOWN")), -1);
        QCOMPARE(OpenConfigParser::addressFamily(QStringLiteral("openconfig-bgp-types:IPV6_UNICAST")),
                 QStringLiteral("ipv6-unicast"));
    }
};

QTEST_GUILESS_MAIN(TestOpenConfigTranslator)
#include "tst_openconfig_translator.moc"
