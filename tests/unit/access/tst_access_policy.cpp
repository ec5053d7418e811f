#include "engine/access/access_policy.h"

#include <QTest>

using namespace rl;

namespace {

// acme has one connection pe1 eth1.100 <-> cpe-acme eth0.100 (and a v6 one); globex one on
// pe1 eth1.200; hooli one on pe1 eth1.300 in VRF HOOLI, with the same addresses as acme's.
const char *const kInventory = R"({"version": 1,
 "routers": [
  {"name": "pe1", "host": "198.18.0.11", "platform": "frr"},
  {"name": "pe2", "host": "198.18.0.12", "platform": "bird"},
  {"name": "cpe-acme", "host": "198.18.0.14", "platform": "linux"}
 ],
 "connections": [
  {"id": "acme-100", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth1.100", "vlan": 100,
   "providerAddress": "198.19.0.1", "customerAddress": "198.19.0.2", "customerRouter": "cpe-acme",
   "customerInterface": "eth0.100", "expectedPrefixes": ["203.0.113.0/26"]},
  {"id": "acme-v6", "customer": "acme", "providerRouter": "pe1", "providerInterface": "eth1.101", "vlan": 101,
   "providerAddress": "2001:db8:10::1", "customerAddress": "2001:db8:10::2"},
  {"id": "globex-200", "customer": "globex", "providerRouter": "pe1", "providerInterface": "eth1.200",
   "vlan": 200, "providerAddress": "198.19.0.5", "customerAddress": "198.19.0.6",
   "expectedPrefixes": ["203.0.113.64/26"]},
  {"id": "hooli-300", "customer": "hooli", "providerRouter": "pe1", "providerInterface": "eth1.300",
   "vlan": 300, "vrf": "HOOLI", "providerAddress": "198.19.0.1", "customerAddress": "198.19.0.2"}
 ]})";

Inventory inventory()
{
    auto inv = Inventory::loadJson(kInventory, QStringLiteral("access.json"));
    Q_ASSERT(inv.ok());
    return inv.value();
}

ClientIdentity client(Role role, const QString &customer = {})
{
    ClientIdentity c;
    c.id = QStringLiteral("tester");
    c.role = role;
    c.customer = customer;
    return c;
}

Request request(const ClientIdentity &who, const QStringList &routers, QueryKind kind, const QString &ifname = {},
                const QString &neighbor = {}, const QString &vrf = {}, const QString &destination = {})
{
    Request r;
    r.client = who;
    r.routers = routers;
    r.kind = kind;
    r.params.interfaceName = ifname;
    r.params.neighbor = neighbor;
    r.params.vrf = vrf;
    r.params.destination = destination;
    return r;
}

RouteRecord route(const char *prefix, const char *nextHop, const char *ifname = "")
{
    RouteRecord r;
    r.prefix = *IpPrefix::parse(QString::fromLatin1(prefix));
    if (*nextHop)
        r.nextHop = *IpAddress::parse(QString::fromLatin1(nextHop));
    r.interfaceName = QString::fromLatin1(ifname);
    return r;
}

QStringList prefixes(const RecordSet &set)
{
    QStringList out;
    for (const RouteRecord &r : set.rows<RouteRecord>())
        out << r.prefix.toString();
    return out;
}

} // namespace

class TestAccessPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void visibleRouters();
    void visibleConnections();
    void configurableKinds();
    void filterRecords();
    void filterBgpByVrfAndPeer();
    void interfaceSpellings();
    void filterRoutes();
    void internalSeesEverything();
    void throttlePolicies();
};

void TestAccessPolicy::check_data()
{
    QTest::addColumn<Request>("req");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QStringList>("fragments");

    const ClientIdentity acme = client(Role::External, QStringLiteral("acme"));
    const QStringList pe1{QStringLiteral("pe1")};
    QTest::newRow("internal anything") << request(client(Role::Internal), {"pe2"}, QueryKind::Facts) << true
                                       << QStringList{};
    QTest::newRow("admin anything") << request(client(Role::Admin), {"pe1", "pe2"}, QueryKind::Optics, "eth9")
                                    << true << QStringList{};
    QTest::newRow("external own router") << request(acme, pe1, QueryKind::BgpStatus) << true << QStringList{};
    QTest::newRow("external customer router")
        << request(acme, {"cpe-acme"}, QueryKind::LinkStatus, "eth0.100") << true << QStringList{};
    QTest::newRow("external own interface")
        << request(acme, pe1, QueryKind::VlanErrors, "eth1.101") << true << QStringList{};
    QTest::newRow("external own neighbor")
        << request(acme, pe1, QueryKind::ReceivedRoutes, {}, "198.19.0.2") << true << QStringList{};
    QTest::newRow("external own v6 neighbor, other spelling")
        << request(acme, pe1, QueryKind::AdvertisedRoutes, {}, "2001:DB8:10:0::2") << true << QStringList{};
    QTest::newRow("external neighbor on customer side")
        << request(acme, {"cpe-acme"}, QueryKind::ReceivedRoutes, {}, "198.19.0.1") << true << QStringList{};

    QTest::newRow("external other router")
        << request(acme, {"pe2"}, QueryKind::BgpStatus) << false
        << QStringList{"Router \"pe2\"", "customer \"acme\"", "pe1, cpe-acme"};
    QTest::newRow("external unknown router")
        << request(acme, {"ghost"}, QueryKind::BgpStatus) << false << QStringList{"Router \"ghost\""};
    QTest::newRow("external one bad router of two")
        << request(acme, {"pe1", "pe2"}, QueryKind::ArpTable) << false << QStringList{"\"pe2\""};
    QTest::newRow("external kind facts") << request(acme, pe1, QueryKind::Facts) << false
                                         << QStringList{"\"facts\"", "link-status", "route-lookup"};
    QTest::newRow("external kind optics") << request(acme, pe1, QueryKind::Optics) << false
                                          << QStringList{"\"optics\""};
    QTest::newRow("external other customer's interface")
        << request(acme, pe1, QueryKind::LinkStatus, "eth1.200") << false
        << QStringList{"Interface \"eth1.200\"", "eth1.100, eth1.101"};
    QTest::newRow("external parent interface")
        << request(acme, pe1, QueryKind::LinkStatus, "eth1") << false << QStringList{"Interface \"eth1\""};
    QTest::newRow("external interface of the other side")
        << request(acme, pe1, QueryKind::LinkStatus, "eth0.100") << false << QStringList{"\"eth0.100\""};
    QTest::newRow("external other customer's neighbor")
        << request(acme, pe1, QueryKind::ReceivedRoutes, {}, "198.19.0.6") << false
        << QStringList{"BGP neighbor \"198.19.0.6\"", "198.19.0.2"};
    QTest::newRow("external own address as neighbor on provider")
        << request(acme, pe1, QueryKind::BgpStatus, {}, "198.19.0.1") << false << QStringList{"198.19.0.1"};
    QTest::newRow("external without customer")
        << request(client(Role::External), pe1, QueryKind::BgpStatus) << false << QStringList{"no customer"};
    QTest::newRow("external of another customer")
        << request(client(Role::External, QStringLiteral("initech")), pe1, QueryKind::BgpStatus) << false
        << QStringList{"\"pe1\"", "(none)"};

    // Route lookups: only inside the customer's own addresses and expected prefixes.
    QTest::newRow("external lookup inside own expected prefix")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "203.0.113.10") << true << QStringList{};
    QTest::newRow("external lookup of own prefix")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "203.0.113.0/27") << true << QStringList{};
    QTest::newRow("external lookup of own link address")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "198.19.0.2") << true << QStringList{};
    QTest::newRow("external lookup of another customer's prefix")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "203.0.113.70") << false
        << QStringList{"destination \"203.0.113.70\"", "203.0.113.0/26"};
    QTest::newRow("external lookup of a prefix wider than its own")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "203.0.113.0/24") << false
        << QStringList{"\"203.0.113.0/24\""};
    QTest::newRow("external lookup of another customer's address")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "198.19.0.6") << false << QStringList{"198.19.0.6"};
    QTest::newRow("external lookup of an address nobody has")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "192.0.2.1") << false << QStringList{"192.0.2.1"};
    QTest::newRow("external lookup with another customer's v6")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "2001:db8:10::/48") << false
        << QStringList{"2001:db8:10::/48"};
    QTest::newRow("external lookup of own v6 link address")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, {}, "2001:db8:10:0::2") << true << QStringList{};

    // VRFs: another VRF is another customer's table.
    const ClientIdentity hooli = client(Role::External, QStringLiteral("hooli"));
    QTest::newRow("external names another customer's VRF")
        << request(acme, pe1, QueryKind::BgpStatus, {}, {}, "HOOLI") << false
        << QStringList{"VRF \"HOOLI\"", "the global table (no VRF)"};
    QTest::newRow("external names a VRF nobody has")
        << request(acme, pe1, QueryKind::ArpTable, {}, {}, "INITECH-VRF") << false << QStringList{"VRF \"INITECH-VRF\""};
    QTest::newRow("external names the default VRF") << request(acme, pe1, QueryKind::BgpStatus, {}, {}, "default")
                                                    << true << QStringList{};
    QTest::newRow("external in a VRF names it") << request(hooli, pe1, QueryKind::BgpStatus, {}, {}, "HOOLI") << true
                                                << QStringList{};
    QTest::newRow("external in a VRF asks the global table")
        << request(hooli, pe1, QueryKind::BgpStatus) << false << QStringList{"global table", "HOOLI"};
    QTest::newRow("external neighbor in its own VRF")
        << request(hooli, pe1, QueryKind::ReceivedRoutes, {}, "198.19.0.2", "HOOLI") << true << QStringList{};
    QTest::newRow("external same address, another customer's VRF")
        << request(acme, pe1, QueryKind::ReceivedRoutes, {}, "198.19.0.2", "HOOLI") << false
        << QStringList{"VRF \"HOOLI\""};
    QTest::newRow("external lookup in another customer's VRF")
        << request(acme, pe1, QueryKind::RouteLookup, {}, {}, "HOOLI", "198.19.0.2") << false
        << QStringList{"VRF \"HOOLI\""};
}

void TestAccessPolicy::check()
{
    QFETCH(Request, req);
    QFETCH(bool, allowed);
    QFETCH(QStringList, fragments);
    const AccessPolicy policy;
    const Error e = policy.check(inventory(), req);
    if (allowed) {
        QVERIFY2(!e, qPrintable(e.toString()));
        return;
    }
    QCOMPARE(e.code, ErrorCode::Forbidden);
    for (const QString &f : fragments)
        QVERIFY2(e.message.contains(f), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(f, e.message)));
}

void TestAccessPolicy::visibleRouters()
{
    const AccessPolicy policy;
    const Inventory inv = inventory();
    QCOMPARE(policy.visibleRouters(inv, client(Role::External, QStringLiteral("acme"))),
             QStringList({QStringLiteral("pe1"), QStringLiteral("cpe-acme")}));
    QCOMPARE(policy.visibleRouters(inv, client(Role::External, QStringLiteral("globex"))),
             QStringList{QStringLiteral("pe1")});
    QVERIFY(policy.visibleRouters(inv, client(Role::External)).isEmpty());
    QCOMPARE(policy.visibleRouters(inv, client(Role::Internal)), inv.routerNames());
    QCOMPARE(policy.visibleRouters(inv, client(Role::Admin)), inv.routerNames());
}

void TestAccessPolicy::visibleConnections()
{
    // globex shares pe1 with acme: it sees its own connection only, never acme's.
    const AccessPolicy policy;
    const Inventory inv = inventory();
    auto ids = [](const QList<Connection> &cs) {
        QStringList out;
        for (const Connection &c : cs)
            out << c.id;
        return out;
    };
    QCOMPARE(ids(policy.visibleConnections(inv, client(Role::External, QStringLiteral("globex")))), QStringList{"globex-200"});
    QCOMPARE(ids(policy.visibleConnections(inv, client(Role::External, QStringLiteral("acme")))),
             (QStringList{"acme-100", "acme-v6"}));
    QVERIFY(policy.visibleConnections(inv, client(Role::External)).isEmpty());
    QCOMPARE(ids(policy.visibleConnections(inv, client(Role::Internal))),
             (QStringList{"acme-100", "acme-v6", "globex-200", "hooli-300"}));
}

void TestAccessPolicy::configurableKinds()
{
    AccessPolicy policy;
    QVERIFY(policy.externalQueryKinds().contains(QueryKind::RouteLookup));
    QVERIFY(!policy.externalQueryKinds().contains(QueryKind::Facts));
    policy.setExternalQueryKinds({QueryKind::Facts});
    const ClientIdentity acme = client(Role::External, QStringLiteral("acme"));
    const Inventory inv = inventory();
    QVERIFY(!policy.check(inv, request(acme, {"pe1"}, QueryKind::Facts)));
    const Error e = policy.check(inv, request(acme, {"pe1"}, QueryKind::BgpStatus));
    QCOMPARE(e.code, ErrorCode::Forbidden);
    QVERIFY(e.message.contains(QStringLiteral("they may run: facts.")));
}

void TestAccessPolicy::filterRecords()
{
    const AccessPolicy policy;
    const Inventory inv = inventory();
    const ClientIdentity acme = client(Role::External, QStringLiteral("acme"));

    QList<InterfaceRecord> ifs;
    for (const char *n : {"eth1", "eth1.100", "eth1.101", "eth1.200", "lo"}) {
        InterfaceRecord r;
        r.name = QString::fromLatin1(n);
        ifs.append(r);
    }
    const RecordSet links = policy.filterRecords(inv, acme, QStringLiteral("pe1"), {},
                                                 RecordSet(QueryKind::LinkStatus, ifs));
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.rows<InterfaceRecord>()[0].name, QStringLiteral("eth1.100"));
    QCOMPARE(links.rows<InterfaceRecord>()[1].name, QStringLiteral("eth1.101"));

    QList<VlanRecord> vlans(3);
    vlans[0].interfaceName = QStringLiteral("eth1.100");
    vlans[1].interfaceName = QStringLiteral("eth1.200");
    vlans[2].interfaceName = QStringLiteral("eth1.300");
    const RecordSet v = policy.filterRecords(inv, acme, QStringLiteral("pe1"), {}, RecordSet(QueryKind::VlanErrors, vlans));
    QCOMPARE(v.size(), 1);
    QCOMPARE(v.rows<VlanRecord>()[0].interfaceName, QStringLiteral("eth1.100"));

    QList<ArpRecord> arp(3);
    arp[0].interfaceName = QStringLiteral("eth1.100");
    arp[0].ip = QStringLiteral("198.19.0.2");
    arp[1].interfaceName = QStringLiteral("eth1.200");
    arp[1].ip = QStringLiteral("198.19.0.6");
    arp[2].interfaceName = QStringLiteral("eth0");
    const RecordSet a = policy.filterRecords(inv, acme, QStringLiteral("pe1"), {}, RecordSet(QueryKind::ArpTable, arp));
    QCOMPARE(a.size(), 1);
    QCOMPARE(a.rows<ArpRecord>()[0].ip, QStringLiteral("198.19.0.2"));

    QList<BgpNeighborRecord> bgp(4);
    bgp[0].neighbor = QStringLiteral("198.19.0.2");
    bgp[1].neighbor = QStringLiteral("198.19.0.6");
    bgp[2].neighbor = QStringLiteral("2001:db8:10::2");
    bgp[3].neighbor = QStringLiteral("198.18.0.12");
    const RecordSet b = policy.filterRecords(inv, acme, QStringLiteral("pe1"), {}, RecordSet(QueryKind::BgpStatus, bgp));
    QCOMPARE(b.size(), 2);
    QCOMPARE(b.rows<BgpNeighborRecord>()[0].neighbor, QStringLiteral("198.19.0.2"));
    QCOMPARE(b.rows<BgpNeighborRecord>()[1].neighbor, QStringLiteral("2001:db8:10::2"));

    // On the customer's own router, its side of the connection.
    const RecordSet cpeBgp = policy.filterRecords(inv, acme, QStringLiteral("cpe-acme"), {},
                                                  RecordSet(QueryKind::BgpStatus, bgp));
    QCOMPARE(cpeBgp.size(), 0);
    bgp[3].neighbor = QStringLiteral("198.19.0.1");
    QCOMPARE(policy.filterRecords(inv, acme, QStringLiteral("cpe-acme"), {}, RecordSet(QueryKind::BgpStatus, bgp)).size(),
             1);

    // Routes stay: they were asked for per the client's own neighbor.
    QList<RouteRecord> routes(3);
    const RecordSet r = policy.filterRecords(inv, acme, QStringLiteral("pe1"), {},
                                             RecordSet(QueryKind::ReceivedRoutes, routes));
    QCOMPARE(r.size(), 3);

    // A router the client may not see yields nothing at all.
    QCOMPARE(policy.filterRecords(inv, acme, QStringLiteral("pe2"), {}, RecordSet(QueryKind::ReceivedRoutes, routes))
                 .size(),
             0);
    QCOMPARE(policy.filterRecords(inv, acme, QStringLiteral("pe2"), {}, RecordSet(QueryKind::ReceivedRoutes, routes))
                 .kind(),
             QueryKind::ReceivedRoutes);
}

// IOS-XR prints "GigabitEthernet0/0/0/2.300" in its ARP table and "Gi0/0/0/2.300" in its IPv6
// neighbor table: both are the customer's port (its ND entry was dropped, and the external
// diagnosis then reported "no IPv6 neighbor" where the internal one found it).
void TestAccessPolicy::interfaceSpellings()
{
    const AccessPolicy policy;
    auto inv = Inventory::loadJson(R"({"version": 1,
     "routers": [{"name": "pe1", "host": "198.18.0.11", "platform": "cisco-iosxr"}],
     "connections": [
      {"id": "initech-300", "customer": "initech", "providerRouter": "pe1",
       "providerInterface": "GigabitEthernet0/0/0/2.300", "vlan": 300,
       "providerAddress": "2001:db8:300::1", "customerAddress": "2001:db8:300::2"},
      {"id": "globex-210", "customer": "globex", "providerRouter": "pe1",
       "providerInterface": "GigabitEthernet0/0/0/1.210", "vlan": 210,
       "providerAddress": "2001:db8:210::1", "customerAddress": "2001:db8:210::2"}]})",
                                   QStringLiteral("spellings.json"));
    QVERIFY(inv.ok());
    const ClientIdentity initech = client(Role::External, QStringLiteral("initech"));

    QList<ArpRecord> nd(3);
    nd[0].interfaceName = QStringLiteral("Gi0/0/0/2.300");
    nd[0].ip = QStringLiteral("2001:db8:300::2");
    nd[1].interfaceName = QStringLiteral("Gi0/0/0/1.210");
    nd[1].ip = QStringLiteral("2001:db8:210::2");
    nd[2].interfaceName = QStringLiteral("Gi0/0/0/2.3000"); // another port, not a spelling
    nd[2].ip = QStringLiteral("2001:db8:3000::2");
    const RecordSet kept = policy.filterRecords(inv.value(), initech, QStringLiteral("pe1"), {},
                                                RecordSet(QueryKind::ArpTable, nd));
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.rows<ArpRecord>()[0].ip, QStringLiteral("2001:db8:300::2"));

    const Error own = policy.check(inv.value(), request(initech, {QStringLiteral("pe1")}, QueryKind::LinkStatus,
                                                        QStringLiteral("Gi0/0/0/2.300")));
    QVERIFY2(!own, qPrintable(own.toString()));
    const Error other = policy.check(inv.value(), request(initech, {QStringLiteral("pe1")}, QueryKind::LinkStatus,
                                                          QStringLiteral("Gi0/0/0/1.210")));
    QCOMPARE(other.code, ErrorCode::Forbidden);
}

// The same peer address in two VRFs is two customers' sessions.
void TestAccessPolicy::filterBgpByVrfAndPeer()
{
    const AccessPolicy policy;
    const Inventory inv = inventory();
    QList<BgpNeighborRecord> bgp(4);
    bgp[0].neighbor = QStringLiteral("198.19.0.2");
    bgp[0].vrf = QStringLiteral("default");
    bgp[1].neighbor = QStringLiteral("198.19.0.2");
    bgp[1].vrf = QStringLiteral("HOOLI");
    bgp[2].neighbor = QStringLiteral("198.19.0.2"); // a platform that names no VRF: the table asked for
    bgp[3].neighbor = QStringLiteral("198.19.0.6");
    bgp[3].vrf = QStringLiteral("HOOLI");
    const RecordSet all(QueryKind::BgpStatus, bgp);

    const RecordSet acme = policy.filterRecords(inv, client(Role::External, QStringLiteral("acme")), QStringLiteral("pe1"), {}, all);
    QCOMPARE(acme.size(), 2);
    QCOMPARE(acme.rows<BgpNeighborRecord>()[0].vrf, QStringLiteral("default"));
    QVERIFY(acme.rows<BgpNeighborRecord>()[1].vrf.isEmpty());

    QueryParams inHooli;
    inHooli.vrf = QStringLiteral("HOOLI");
    const RecordSet hooli = policy.filterRecords(inv, client(Role::External, QStringLiteral("hooli")), QStringLiteral("pe1"),
                                                 inHooli, all);
    QCOMPARE(hooli.size(), 2);
    QCOMPARE(hooli.rows<BgpNeighborRecord>()[0].vrf, QStringLiteral("HOOLI"));
    QVERIFY(hooli.rows<BgpNeighborRecord>()[1].vrf.isEmpty());
    // Read from the global table, a row that names no VRF is not hooli's; one naming HOOLI is.
    const RecordSet global = policy.filterRecords(inv, client(Role::External, QStringLiteral("hooli")), QStringLiteral("pe1"), {}, all);
    QCOMPARE(global.size(), 1);
    QCOMPARE(global.rows<BgpNeighborRecord>()[0].vrf, QStringLiteral("HOOLI"));

    // ARP entries of the client's own interface in another VRF's table are not its own either.
    QList<ArpRecord> arp(2);
    arp[0].interfaceName = QStringLiteral("eth1.300");
    arp[0].vrf = QStringLiteral("HOOLI");
    arp[1].interfaceName = QStringLiteral("eth1.300");
    arp[1].vrf = QStringLiteral("OTHER");
    QCOMPARE(policy.filterRecords(inv, client(Role::External, QStringLiteral("hooli")), QStringLiteral("pe1"), inHooli,
                                  RecordSet(QueryKind::ArpTable, arp)).size(), 1);
}

// Route records are filtered too: another customer's prefixes, next hops and interfaces never
// reach an external client, and a lookup shows only routes into its own connection.
void TestAccessPolicy::filterRoutes()
{
    const AccessPolicy policy;
    const Inventory inv = inventory();
    const ClientIdentity acme = client(Role::External, QStringLiteral("acme"));
    const QList<RouteRecord> routes{
        route("203.0.113.0/26", "198.19.0.2"),            // acme's prefix from acme
        route("203.0.113.64/26", "198.19.0.6"),           // globex's prefix from globex
        route("203.0.113.96/27", "10.255.0.2"),           // inside globex's expected prefix
        route("198.19.0.0/30", "", "eth1.100"),           // acme's link
        route("198.19.0.4/30", "", "eth1.200"),           // globex's link
        route("0.0.0.0/0", "10.255.0.2"),                 // the provider's default route
        route("10.20.0.0/16", "198.19.0.2"),              // acme announces something unexpected
        route("10.30.0.0/16", "198.19.0.6"),              // via globex
    };
    QCOMPARE(prefixes(policy.filterRecords(inv, acme, QStringLiteral("pe1"), {}, RecordSet(QueryKind::RouteLookup, routes))),
             (QStringList{"203.0.113.0/26", "198.19.0.0/30", "10.20.0.0/16"}));
    // Received from / advertised to its own neighbor: everything but other customers' routes.
    QCOMPARE(prefixes(policy.filterRecords(inv, acme, QStringLiteral("pe1"), {},
                                           RecordSet(QueryKind::ReceivedRoutes, routes))),
             (QStringList{"203.0.113.0/26", "198.19.0.0/30", "0.0.0.0/0", "10.20.0.0/16"}));
    QCOMPARE(prefixes(policy.filterRecords(inv, acme, QStringLiteral("pe1"), {},
                                           RecordSet(QueryKind::AdvertisedRoutes, routes))),
             (QStringList{"203.0.113.0/26", "198.19.0.0/30", "0.0.0.0/0", "10.20.0.0/16"}));
    // hooli shares acme's addresses in its own VRF: acme's next hop is not "foreign" to it.
    QueryParams inHooli;
    inHooli.vrf = QStringLiteral("HOOLI");
    QCOMPARE(prefixes(policy.filterRecords(inv, client(Role::External, QStringLiteral("hooli")), QStringLiteral("pe1"),
                                           inHooli, RecordSet(QueryKind::RouteLookup, QList<RouteRecord>{route("198.19.0.0/30", "", "eth1.300")}))),
             QStringList{"198.19.0.0/30"});
}

void TestAccessPolicy::internalSeesEverything()
{
    const AccessPolicy policy;
    const Inventory inv = inventory();
    QList<InterfaceRecord> ifs(4);
    const RecordSet in(QueryKind::LinkStatus, ifs);
    QCOMPARE(policy.filterRecords(inv, client(Role::Internal), QStringLiteral("pe2"), {}, in), in);
    QCOMPARE(policy.filterRecords(inv, client(Role::Admin), QStringLiteral("pe1"), {}, in), in);
}

void TestAccessPolicy::throttlePolicies()
{
    const AccessPolicy policy;
    QVERIFY(policy.mayChangeThrottlePolicies(client(Role::Admin)));
    QVERIFY(!policy.mayChangeThrottlePolicies(client(Role::Internal)));
    QVERIFY(!policy.mayChangeThrottlePolicies(client(Role::External, QStringLiteral("acme"))));
}

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_access_policy.moc"
