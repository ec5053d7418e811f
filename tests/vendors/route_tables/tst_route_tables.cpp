// The full-table route readers: streaming JSON for EOS, NX-OS, Junos and FRR (RouteTableJson) and
// the fixed-column Cisco text reader (CiscoIosParser::bgpTable). Edge cases of each, and the
// rule that damaged or cut-short output is parse-error, never a shorter table.

#include "engine/vendors/cisco/cisco_ios_parser.h"
#include "engine/vendors/common/route_table_json.h"

#include <QTest>

using namespace rl;

namespace {

enum class Vendor { Eos, Nxos, Junos, Frr };

Result<RecordSet> readJson(Vendor v, const QByteArray &text)
{
    const QString cmd = QStringLiteral("show routes | json");
    switch (v) {
    case Vendor::Eos: return RouteTableJson::eos(QueryKind::ReceivedRoutes, cmd, text);
    case Vendor::Nxos: return RouteTableJson::nxos(QueryKind::ReceivedRoutes, cmd, text);
    case Vendor::Junos: return RouteTableJson::junos(QueryKind::ReceivedRoutes, cmd, text);
    case Vendor::Frr: return RouteTableJson::frr(QueryKind::ReceivedRoutes, cmd, text);
    }
    return Error(ErrorCode::ParseError, QStringLiteral("no vendor"));
}

// Two routes each: an IPv4 one (best, MED, local preference, 4-byte asdot ASN) and an IPv6 one
// with two paths (the second neither best nor carrying MED or local preference).
const QByteArray kEos = R"({"vrfs": {"default": {"routerId": "10.0.0.1", "asn": "65000", "bgpRouteEntries": {
 "198.51.100.0/24": {"address": "198.51.100.0", "maskLength": 24, "totalPaths": 1, "bgpRoutePaths": [
   {"nextHop": "192.0.2.1", "asPathEntry": {"asPathType": null, "asPath": "65001 65000.100 i"}, "med": 10,
    "localPreference": 200, "weight": 0, "routeType": {"valid": true, "active": true, "origin": "Igp", "suppressed": false}}]},
 "2001:db8:1::/48": {"address": "2001:db8:1::", "maskLength": 48, "totalPaths": 2, "bgpRoutePaths": [
   {"nextHop": "2001:db8::1", "asPathEntry": {"asPath": "65002 i"}, "routeType": {"valid": true, "active": true, "origin": "Igp"}},
   {"nextHop": "2001:db8::2", "asPathEntry": {"asPath": "65003 65002 ?"}, "routeType": {"valid": true, "active": false, "origin": "Incomplete"}}]}
}}}}
)";

// NX-OS: the second prefix row names its prefix after its paths, and its path rows are an array.
const QByteArray kNxos = R"({"TABLE_vrf": {"ROW_vrf": {"vrf-name-out": "default", "TABLE_afi": {"ROW_afi": {"afi": 1,
 "TABLE_safi": {"ROW_safi": {"safi": 1, "TABLE_rd": {"ROW_rd": {"TABLE_prefix": {"ROW_prefix": [
  {"ipprefix": "198.51.100.0/24", "TABLE_path": {"ROW_path": {"pathnr": 0, "status": "*", "best": ">", "type": "e",
    "ipnexthop": "192.0.2.1", "weight": 0, "metric": 10, "localpref": 200, "aspath": "65001 65000.100", "origin": "i"}}},
  {"TABLE_path": {"ROW_path": [
    {"pathnr": 0, "status": "*", "best": ">", "ipv6nexthop": "2001:db8::1", "aspath": "65002", "origin": "i"},
    {"pathnr": 1, "status": "*", "best": "", "ipv6nexthop": "2001:db8::2", "aspath": "65003 65002", "origin": "?"}]},
   "ipv6prefix": "2001:db8:1::/48"}
 ]}}}}}}}}}}
)";

const QByteArray kJunos = R"({"route-information" : [{"route-table" : [{"table-name" : [{"data" : "inet.0"}], "rt" : [
 {"rt-destination" : [{"data" : "198.51.100.0/24"}], "rt-entry" : [{"active-tag" : [{"data" : "*"}],
   "nh" : [{"to" : [{"data" : "192.0.2.1"}]}], "med" : [{"data" : "10"}], "local-preference" : [{"data" : "200"}],
   "as-path" : [{"data" : "65001 65000.100 I"}]}]},
 {"rt-destination" : [{"data" : "2001:db8:1::"}], "rt-prefix-length" : [{"data" : "48"}], "rt-entry" : [
   {"active-tag" : [{"data" : "*"}], "nh" : [{"to" : [{"data" : "2001:db8::1"}]}], "as-path" : [{"data" : "65002 I"}]},
   {"nh" : [{"to" : [{"data" : "2001:db8::2"}]}], "as-path" : [{"data" : "65003 65002 ?"}]}]}
]}]}]}
)";

// FRR 8.x: one path per prefix as an object, several as an array.
const QByteArray kFrr = R"({"bgpTableVersion":7,"bgpLocalRouterId":"10.0.0.1","defaultLocPrf":100,"localAS":65000,"receivedRoutes":{
"198.51.100.0/24":{"addrPrefix":"198.51.100.0","prefixLen":24,"network":"198.51.100.0/24","nextHop":"192.0.2.1","metric":10,
 "locPrf":200,"weight":0,"path":"65001 65000.100","bgpOriginCode":"i","appliedStatusSymbols":{"*":true,">":true}},
"2001:db8:1::/48":[{"addrPrefix":"2001:db8:1::","prefixLen":48,"network":"2001:db8:1::/48","nextHop":"2001:db8::1","weight":0,
 "path":"65002","bgpOriginCode":"i","appliedStatusSymbols":{"*":true,">":true}},
 {"network":"2001:db8:1::/48","nextHop":"2001:db8::2","weight":0,"path":"65003 65002","bgpOriginCode":"?","appliedStatusSymbols":{"*":true}}]
}}
)";

QByteArray sample(Vendor v)
{
    return v == Vendor::Eos ? kEos : v == Vendor::Nxos ? kNxos : v == Vendor::Junos ? kJunos : kFrr;
}

// The same bytes in an array with no spare capacity (the reader must copy) or with plenty
// (read in place).
QByteArray withCapacity(const QByteArray &text, bool spare)
{
    QByteArray out;
    out.reserve(text.size() + (spare ? 256 : 0));
    out.append(text);
    if (!spare)
        out.squeeze();
    return out;
}

const QByteArray kHeader = "BGP table version is 9, local router ID is 10.0.0.1\n"
                           "Status codes: s suppressed, d damped, h history, * valid, > best, i - internal,\n"
                           "Origin codes: i - IGP, e - EGP, ? - incomplete\n\n"
                           "     Network          Next Hop            Metric LocPrf Weight Path\n";

} // namespace

class TestRouteTables final : public QObject
{
    Q_OBJECT

private slots:
    void jsonTable_data();
    void jsonTable();
    void jsonCutAnywhereIsAnError_data();
    void jsonCutAnywhereIsAnError();
    void jsonRefuses_data();
    void jsonRefuses();
    void jsonEmptyTables_data();
    void jsonEmptyTables();
    void junosFirstRoutingEngine();
    void frrWarningIsUnsupported();
    void ciscoRows_data();
    void ciscoRows();
    void ciscoRefuses_data();
    void ciscoRefuses();
};

void TestRouteTables::jsonTable_data()
{
    QTest::addColumn<int>("vendor");
    QTest::addColumn<bool>("spare");
    QTest::addColumn<QByteArray>("around"); // "%1" stands for the document
    for (const auto &[name, v] : {std::pair{"eos", Vendor::Eos}, std::pair{"nxos", Vendor::Nxos}, std::pair{"junos", Vendor::Junos},
                                  std::pair{"frr", Vendor::Frr}}) {
        for (bool spare : {true, false}) {
            const QByteArray tag = QByteArray(name) + (spare ? ", in place" : ", copied");
            QTest::newRow(tag.constData()) << int(v) << spare << QByteArray("%1");
            QTest::newRow((tag + ", prompts").constData()) << int(v) << spare << QByteArray("sw1# show routes | json\n%1\nsw1# ");
        }
    }
}

void TestRouteTables::jsonTable()
{
    QFETCH(int, vendor);
    QFETCH(bool, spare);
    QFETCH(QByteArray, around);
    QByteArray text = around;
    text.replace("%1", sample(Vendor(vendor)));
    const auto r = readJson(Vendor(vendor), withCapacity(text, spare));
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    const QList<RouteRecord> &rows = r->rows<RouteRecord>();
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows.capacity() <= 4); // sized from the row count, not grown by doubling

    QCOMPARE(rows[0].prefix.toString(), QStringLiteral("198.51.100.0/24"));
    QCOMPARE(rows[0].nextHop.toString(), QStringLiteral("192.0.2.1"));
    QCOMPARE(rows[0].asPath, QStringLiteral("65001 65000.100")); // asdot kept as printed
    QCOMPARE(rows[0].med, qint64(10));
    QCOMPARE(rows[0].localPref, qint64(200));
    QCOMPARE(rows[0].origin, RouteOrigin::Igp);
    QVERIFY(rows[0].best);
    QVERIFY(rows[0].valid);

    for (int i : {1, 2}) {
        QCOMPARE(rows[i].prefix.toString(), QStringLiteral("2001:db8:1::/48"));
        QCOMPARE(rows[i].med, qint64(-1)); // missing fields stay unset
        QCOMPARE(rows[i].localPref, qint64(-1));
    }
    QCOMPARE(rows[1].nextHop.toString(), QStringLiteral("2001:db8::1"));
    QCOMPARE(rows[1].asPath, QStringLiteral("65002"));
    QVERIFY(rows[1].best);
    QCOMPARE(rows[2].nextHop.toString(), QStringLiteral("2001:db8::2"));
    QCOMPARE(rows[2].asPath, QStringLiteral("65003 65002"));
    QCOMPARE(rows[2].origin, RouteOrigin::Incomplete);
    QVERIFY(!rows[2].best);
}

void TestRouteTables::jsonCutAnywhereIsAnError_data()
{
    QTest::addColumn<int>("vendor");
    QTest::addColumn<bool>("spare");
    QTest::newRow("eos, in place") << int(Vendor::Eos) << true;
    QTest::newRow("eos, copied") << int(Vendor::Eos) << false;
    QTest::newRow("nxos, in place") << int(Vendor::Nxos) << true;
    QTest::newRow("nxos, copied") << int(Vendor::Nxos) << false;
    QTest::newRow("junos, in place") << int(Vendor::Junos) << true;
    QTest::newRow("junos, copied") << int(Vendor::Junos) << false;
    QTest::newRow("frr, in place") << int(Vendor::Frr) << true;
    QTest::newRow("frr, copied") << int(Vendor::Frr) << false;
}

void TestRouteTables::jsonCutAnywhereIsAnError()
{
    QFETCH(int, vendor);
    QFETCH(bool, spare);
    const QByteArray full = sample(Vendor(vendor)).trimmed();
    // Cut after every byte, with and without a prompt after the cut: every shorter text is
    // refused (a connection dropped mid-table must never look like a smaller table).
    for (qsizetype n = 1; n < full.size(); ++n) {
        for (const QByteArray &tail : {QByteArray(), QByteArray("\nsw1# ")}) {
            const QByteArray text = withCapacity(full.left(n) + tail, spare);
            const auto r = readJson(Vendor(vendor), text);
            QVERIFY2(!r, qPrintable(QStringLiteral("cut at %1 read as a table of %2 routes").arg(n).arg(r ? r->size() : 0)));
            QCOMPARE(r.error().code, ErrorCode::ParseError);
        }
    }
}

void TestRouteTables::jsonRefuses_data()
{
    QTest::addColumn<int>("vendor");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("eos cut mid-route names the line and route")
        << int(Vendor::Eos) << kEos.left(kEos.indexOf("2001:db8::2")) + "\"}]}}}}" << "after route 2001:db8:1::/48";
    QTest::newRow("eos trailing document") << int(Vendor::Eos) << kEos.trimmed() + " {\"x\": 1}" << "damaged or cut short at line";
    QTest::newRow("eos bad prefix") << int(Vendor::Eos) << QByteArray(R"({"vrfs": {"default": {"bgpRouteEntries": {"300.0.0.0/8": {}}}}})") << "\"300.0.0.0/8\" is not a prefix";
    QTest::newRow("eos other command") << int(Vendor::Eos) << QByteArray(R"({"vrfs": {"default": {"peers": {}}}})") << "bgpRouteEntries";
    QTest::newRow("eos no vrfs") << int(Vendor::Eos) << QByteArray(R"({"version": "4.30"})") << "no \"vrfs\" member";
    QTest::newRow("eos array root") << int(Vendor::Eos) << QByteArray("[1, 2]") << "no \"vrfs\" member";
    QTest::newRow("eos cli error") << int(Vendor::Eos) << QByteArray("% Invalid input detected at '^' marker.\n") << "Invalid input";
    QTest::newRow("eos no json") << int(Vendor::Eos) << QByteArray("BGP routing table information\n") << "no JSON document";
    QTest::newRow("nxos no TABLE_vrf") << int(Vendor::Nxos) << QByteArray(R"({"TABLE_x": {}})") << "no TABLE_vrf";
    QTest::newRow("nxos row without prefix") << int(Vendor::Nxos)
                                             << QByteArray(R"({"TABLE_vrf": {"ROW_vrf": {"TABLE_prefix": {"ROW_prefix": {"TABLE_path": {}}}}}})")
                                             << "is not a prefix";
    QTest::newRow("nxos unclosed string") << int(Vendor::Nxos) << QByteArray("{\"TABLE_vrf\": {\"ROW_vrf\": \"x}}") << "damaged or cut short";
    QTest::newRow("junos no route-information") << int(Vendor::Junos) << QByteArray(R"({"bgp-information": []})") << "no route-information";
    QTest::newRow("frr other document") << int(Vendor::Frr) << QByteArray(R"({"ipv4Unicast": {}})") << "neither \"receivedRoutes\"";
    QTest::newRow("frr bad network") << int(Vendor::Frr) << QByteArray(R"({"receivedRoutes": {"x": {"network": "10.0.0.0/40"}}})")
                                     << "route \"x\" has no prefix";
    QTest::newRow("frr raw newline in a path") << int(Vendor::Frr)
                                               << QByteArray("{\"receivedRoutes\": {\"10.0.0.0/8\": {\"path\": \"65001\n65002\"}}}")
                                               << "after route 10.0.0.0/8 (a string holds a raw control character)";
    QTest::newRow("junos bad destination")
        << int(Vendor::Junos) << QByteArray(R"({"route-information": [{"route-table": [{"rt": [{"rt-destination": [{"data": "x/8"}]}]}]}]})")
        << "\"x/8\" is not a prefix";
}

void TestRouteTables::jsonRefuses()
{
    QFETCH(int, vendor);
    QFETCH(QByteArray, text);
    QFETCH(QString, says);
    const auto r = readJson(Vendor(vendor), withCapacity(text, true));
    QVERIFY(!r);
    if (!says.contains(u"Invalid input")) // a CLI error keeps the code the CLI text says
        QCOMPARE(r.error().code, ErrorCode::ParseError);
    QVERIFY2(r.error().toString().contains(says), qPrintable(r.error().toString()));
}

void TestRouteTables::jsonEmptyTables_data()
{
    QTest::addColumn<int>("vendor");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("eos") << int(Vendor::Eos) << QByteArray(R"({"vrfs": {"default": {"routerId": "10.0.0.1", "bgpRouteEntries": {}}}})");
    QTest::newRow("eos no vrf") << int(Vendor::Eos) << QByteArray(R"({"vrfs": {}})");
    QTest::newRow("nxos") << int(Vendor::Nxos) << QByteArray(R"({"TABLE_vrf": {"ROW_vrf": {"vrf-name-out": "default"}}})");
    QTest::newRow("junos") << int(Vendor::Junos) << QByteArray(R"({"route-information": [{"route-table": [{"table-name": [{"data": "inet.0"}]}]}]})");
    QTest::newRow("frr nothing to show") << int(Vendor::Frr) << QByteArray("{\n}\n");
    QTest::newRow("frr empty table") << int(Vendor::Frr) << QByteArray(R"({"bgpTableVersion":1,"receivedRoutes":{}})");
}

void TestRouteTables::jsonEmptyTables()
{
    QFETCH(int, vendor);
    QFETCH(QByteArray, text);
    const auto r = readJson(Vendor(vendor), text);
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 0);
}

void TestRouteTables::junosFirstRoutingEngine()
{
    QByteArray text = "{\"multi-routing-engine-results\": [{\"multi-routing-engine-item\": [{\"re-name\": \"re0\", %1}, {\"re-name\": \"re1\", %1}]}]}";
    QByteArray inner = kJunos.trimmed();
    inner = inner.mid(1, inner.size() - 2); // the members of the root object
    text.replace("%1", inner);
    const auto r = readJson(Vendor::Junos, text);
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 3); // only the first engine's table
}

// FRR without soft-reconfiguration inbound answers a warning instead of the table: the
// operator is told what to configure, with a code that is not a parse error.
void TestRouteTables::frrWarningIsUnsupported()
{
    const auto r = readJson(Vendor::Frr, R"({"warning": "Inbound soft reconfiguration not enabled"})");
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::UnsupportedQuery);
    QVERIFY2(r.error().toString().contains(u"soft-reconfiguration inbound"), qPrintable(r.error().toString()));
    QVERIFY2(r.error().toString().contains(u"Inbound soft reconfiguration not enabled"), qPrintable(r.error().toString()));
    // A warning in a damaged document is still a parse error.
    const auto cut = readJson(Vendor::Frr, R"({"warning": "Inbound soft reconfiguration not enabled", "x": [})");
    QVERIFY(!cut);
    QCOMPARE(cut.error().code, ErrorCode::ParseError);
}

void TestRouteTables::ciscoRows_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QStringList>("expected"); // prefix|next hop|path|origin|med|locprf|best|valid per route
    QTest::newRow("4-byte asdot, MED and local preference")
        << QByteArray(" *>i 198.51.100.0/24  192.0.2.1               10    200      0 65001 65000.100 i\n")
        << QStringList{"198.51.100.0/24|192.0.2.1|65001 65000.100|1|10|200|1|1"};
    QTest::newRow("local preference only")
        << QByteArray(" *>i 198.51.100.0/24  192.0.2.1                     100      0 65001 i\n")
        << QStringList{"198.51.100.0/24|192.0.2.1|65001|1|-1|100|1|1"};
    QTest::newRow("best and multipath markers")
        << QByteArray(" *>  198.51.100.0/24  192.0.2.1                              0 65001 i\n"
                      " *m                   192.0.2.2                              0 65002 i\n"
                      " *                    192.0.2.3                              0 65003 e\n"
                      "  r                   192.0.2.4                              0 65004 ?\n")
        << QStringList{"198.51.100.0/24|192.0.2.1|65001|1|-1|-1|1|1", "198.51.100.0/24|192.0.2.2|65002|1|-1|-1|0|1",
                       "198.51.100.0/24|192.0.2.3|65003|2|-1|-1|0|1", "198.51.100.0/24|192.0.2.4|65004|3|-1|-1|0|0"};
    QTest::newRow("IPv6 wrapped over three lines")
        << QByteArray(" *>  2001:db8:1234:5678::/64\n"
                      "                      2001:db8:ffff:1:2:3:4:5\n"
                      "                                               0             0 65003 65002 i\n")
        << QStringList{"2001:db8:1234:5678::/64|2001:db8:ffff:1:2:3:4:5|65003 65002|1|0|-1|1|1"};
    QTest::newRow("wide metric pushes the columns right")
        << QByteArray(" *>  198.51.100.0/24  192.0.2.1           4294967295             0 65001 i\n")
        << QStringList{"198.51.100.0/24|192.0.2.1|65001|1|4294967295|-1|1|1"};
    QTest::newRow("route distinguisher line inside the table")
        << QByteArray("Route Distinguisher: 65000:1 (default for vrf A)\n"
                      " *>  198.51.100.0/24  192.0.2.1                              0 65001 i\n")
        << QStringList{"198.51.100.0/24|192.0.2.1|65001|1|-1|-1|1|1"};
    QTest::newRow("empty table") << QByteArray() << QStringList{};
}

void TestRouteTables::ciscoRows()
{
    QFETCH(QByteArray, rows);
    QFETCH(QStringList, expected);
    const auto r = CiscoIosParser::bgpTable(kHeader + rows + "\nTotal number of prefixes 1\n");
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QCOMPARE(r->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const RouteRecord &x = r->at(i);
        const QString got = QStringList{x.prefix.toString(), x.nextHop.toString(), x.asPath, QString::number(int(x.origin)),
                                        QString::number(x.med), QString::number(x.localPref), QString::number(int(x.best)),
                                        QString::number(int(x.valid))}
                                .join(u'|');
        QCOMPARE(got, expected[i]);
    }
}

void TestRouteTables::ciscoRefuses_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("line");
    QTest::newRow("cut after a wrapped network") << QByteArray(" *>  2001:db8:1234:5678::/64\n") << "line 6:";
    QTest::newRow("cut after a wrapped next hop") << QByteArray(" *>  2001:db8:1234:5678::/64\n                      2001:db8::1\n") << "line 6:";
    QTest::newRow("continuation in the network column")
        << QByteArray(" *>  2001:db8:1234:5678::/64\n  x                   2001:db8::1\n") << "line 7:";
    QTest::newRow("path row before any network") << QByteArray(" *                    192.0.2.3                              0 65003 e\n") << "line 6:";
    QTest::newRow("prefix length 33") << QByteArray(" *>  198.51.100.0/33  192.0.2.1                              0 65001 i\n") << "line 6:";
    QTest::newRow("letters in local preference") << QByteArray(" *>  198.51.100.0/24  192.0.2.1                      1x      0 65001 i\n") << "line 6:";
    QTest::newRow("leading zero in next hop") << QByteArray(" *>  198.51.100.0/24  192.0.2.01                             0 65001 i\n") << "line 6:";
    QTest::newRow("not a status code") << QByteArray(" #>  198.51.100.0/24  192.0.2.1                              0 65001 i\n") << "line 6:";
}

void TestRouteTables::ciscoRefuses()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, line);
    const auto r = CiscoIosParser::bgpTable(kHeader + rows);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::ParseError);
    QVERIFY2(r.error().toString().contains(line), qPrintable(r.error().toString()));
}

QTEST_GUILESS_MAIN(TestRouteTables)
#include "tst_route_tables.moc"
