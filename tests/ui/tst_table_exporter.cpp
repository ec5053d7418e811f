#include "ui/export/table_exporter.h"
#include "ui/models/record_filter_proxy_model.h"
#include "ui/models/record_table_model.h"
#include "model_test_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestTableExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvField_data();
    void csvField();
    void csvOfAModel();
    void csvFollowsTheFilter();
    void jsonUsesKeysAndTypes();
    void writesFiles();
};

void TestTableExporter::csvField_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "edge-1" << "edge-1";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "two\nlines" << "\"two\nlines\"";
    QTest::newRow("cr") << "x\ry" << "\"x\ry\"";
    QTest::newRow("empty") << "" << "";
}

void TestTableExporter::csvField()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(TableExporter::csvField(in), out);
}

void TestTableExporter::csvOfAModel()
{
    QStandardItemModel m(2, 2);
    m.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Note")});
    m.setItem(0, 0, new QStandardItem(QStringLiteral("a")));
    m.setItem(0, 1, new QStandardItem(QStringLiteral("x, y")));
    m.setItem(1, 0, new QStandardItem(QStringLiteral("b")));
    m.setItem(1, 1, new QStandardItem(QStringLiteral("\"q\"")));
    QCOMPARE(TableExporter::toCsv(m), QByteArray("Name,Note\r\na,\"x, y\"\r\nb,\"\"\"q\"\"\"\r\n"));
}

void TestTableExporter::csvFollowsTheFilter()
{
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    RecordFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(QStringLiteral("edge-2"));
    const QList<QByteArray> lines = TableExporter::toCsv(proxy).split('\n');
    QCOMPARE(lines.size(), 3); // header, one row, empty after the last CRLF
    QVERIFY(lines[0].startsWith("Router,VRF,Neighbor,"));
    QVERIFY(lines[1].startsWith("edge-2,unreachable: edge-2 did not answer on port 22; check that it is up.,"));
}

void TestTableExporter::jsonUsesKeysAndTypes()
{
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    const QJsonArray a = QJsonDocument::fromJson(
        TableExporter::toJson(model, RecordTableModel::RawValueRole, RecordTableModel::ColumnKeyRole)).array();
    QCOMPARE(a.size(), 4);
    const QJsonObject first = a[0].toObject();
    QCOMPARE(first.value(QStringLiteral("router")).toString(), QStringLiteral("edge-1"));
    QCOMPARE(first.value(QStringLiteral("prefixesReceived")).toInteger(), 120);
    QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("established"));
    QVERIFY(a[1].toObject().value(QStringLiteral("prefixesReceived")).isNull());
}

void TestTableExporter::writesFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RecordTableModel model;
    model.setResults(QueryKind::BgpStatus, testing::threeRouters());
    const QString path = dir.filePath(QStringLiteral("bgp.csv"));
    QVERIFY(!TableExporter::writeCsv(model, path).isError());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), TableExporter::toCsv(model));
    const Error e = TableExporter::writeCsv(model, dir.filePath(QStringLiteral("no/such/folder/x.csv")));
    QVERIFY(e.isError());
    QVERIFY(!e.message.isEmpty());
}

QTEST_MAIN(TestTableExporter)
#include "tst_table_exporter.moc"
