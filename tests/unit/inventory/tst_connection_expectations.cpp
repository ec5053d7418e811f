#include "engine/inventory/connection_expectations.h"

#include <QTest>

using namespace rl;

namespace {

// globex: the provider tags 210 on pe1's Gi0/0/0/1.210; the customer's subinterface is named for
// the tag it sends. lab: an untagged connection.
const char *const kInventory = R"({"version": 1,
 "routers": [
  {"name": "pe1", "host": "198.18.0.11", "platform": "cisco-iosxr"},
  {"name": "ce1", "host": "198.18.0.12", "platform": "cisco-ios"},
  {"name": "pe2", "host": "198.18.0.13", "platform": "frr"}
 ],
 "connections": [
  {"id": "globex-210", "customer": "globex", "providerRouter": "pe1", "providerInterface": "GigabitEthernet0/0/0/1.210",
   "vlan": 210, "providerAddress": "198.51.100.1", "customerAddress": "198.51.100.2", "customerRouter": "ce1",
   "customerInterface": "GigabitEthernet0/0/1.201"},
  {"id": "lab-untagged", "customer": "acme", "providerRouter": "pe2", "providerInterface": "cust0",
   "providerAddress": "198.19.0.65", "customerAddress": "198.19.0.66"}
 ]})";

VlanRecord vlan(const QString &name, qint64 tag)
{
    VlanRecord v;
    v.interfaceName = name;
    v.vlanId = tag;
    return v;
}

} // namespace

class TestConnectionExpectations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagsAgainstTheConnection_data()
    {
        QTest::addColumn<QString>("router");
        QTest::addColumn<QString>("interfaceName");
        QTest::addColumn<qint64>("tag");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<int>("check");
        QTest::newRow("provider end matches") << "pe1" << "GigabitEthernet0/0/0/1.210" << qint64(210) << qint64(210) << int(TagCheck::Match);
        QTest::newRow("case differs") << "pe1" << "gigabitethernet0/0/0/1.210" << qint64(210) << qint64(210) << int(TagCheck::Match);
        QTest::newRow("customer sends another tag") << "ce1" << "GigabitEthernet0/0/1.201" << qint64(201) << qint64(210) << int(TagCheck::Mismatch);
        QTest::newRow("not on a connection") << "pe1" << "GigabitEthernet0/0/0/2.300" << qint64(300) << qint64(-1) << int(TagCheck::Unknown);
        QTest::newRow("same name, other router") << "pe2" << "GigabitEthernet0/0/0/1.210" << qint64(210) << qint64(-1) << int(TagCheck::Unknown);
        QTest::newRow("untagged connection, untagged port") << "pe2" << "cust0" << qint64(-1) << qint64(-1) << int(TagCheck::Untagged);
        QTest::newRow("untagged connection, tagged port") << "pe2" << "cust0" << qint64(100) << qint64(-1) << int(TagCheck::Mismatch);
    }
    void tagsAgainstTheConnection()
    {
        QFETCH(QString, router);
        QFETCH(QString, interfaceName);
        QFETCH(qint64, tag);
        QFETCH(qint64, expected);
        QFETCH(int, check);
        const auto inv = Inventory::loadJson(kInventory, QStringLiteral("expectations.json"));
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        RecordSet set(QueryKind::VlanErrors, QList<VlanRecord>{vlan(interfaceName, tag)});
        applyConnectionExpectations(inv.value(), router, set);
        const VlanRecord &r = set.rows<VlanRecord>().first();
        QCOMPARE(r.expectedVlan, expected);
        QCOMPARE(int(r.tagCheck), check);
    }

    void otherKindsUntouched()
    {
        const auto inv = Inventory::loadJson(kInventory, QStringLiteral("expectations.json"));
        QVERIFY(inv.ok());
        InterfaceRecord i;
        i.name = QStringLiteral("GigabitEthernet0/0/0/1.210");
        RecordSet set(QueryKind::LinkStatus, QList<InterfaceRecord>{i});
        const RecordSet before = set;
        applyConnectionExpectations(inv.value(), QStringLiteral("pe1"), set);
        QCOMPARE(set, before);
    }
};

QTEST_GUILESS_MAIN(TestConnectionExpectations)
#include "tst_connection_expectations.moc"
