#include "ui/models/record_filter_proxy_model.h"
#include "ui/models/record_table_model.h"
#include "model_test_data.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rl;

class TestRecordFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noFilterPassesEverything();
    void textFilter_data();
    void textFilter();
    void typingOnNarrows();
    void columnFilters_data();
    void columnFilters();
    void sortGoesThroughTheSource();
    void sourceChangesRefilter();
    void internedColumnsFilterLikeTheirText_data();
    void internedColumnsFilterLikeTheirText();

private:
    QStringList routersShown() const;
    RecordTableModel *m_model = nullptr;
    RecordFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestRecordFilterProxyModel::init()
{
    m_model = new RecordTableModel(this);
    m_model->setResults(QueryKind::BgpStatus, testing::threeRouters());
    m_proxy = new RecordFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_tester = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestRecordFilterProxyModel::cleanup()
{
    delete m_tester;
    delete m_proxy;
    delete m_model;
}

QStringList TestRecordFilterProxyModel::routersShown() const
{
    QStringList out;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        out << m_proxy->index(r, 0).data().toString() + QLatin1Char('/') + m_proxy->index(r, 2).data().toString();
    return out;
}

void TestRecordFilterProxyModel::noFilterPassesEverything()
{
    QCOMPARE(m_proxy->rowCount(), 4);
    QCOMPARE(m_proxy->columnCount(), m_model->columnCount());
    QCOMPARE(m_proxy->index(3, 2).data().toString(), QStringLiteral("10.0.0.2"));
    QCOMPARE(m_proxy->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Neighbor"));
}

void TestRecordFilterProxyModel::textFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("address part") << "198.51" << QStringList{"edge-1/198.51.100.1", "edge-1/198.51.100.9"};
    QTest::newRow("case-insensitive state") << "IDLE" << QStringList{"edge-1/198.51.100.9"};
    QTest::newRow("router name") << "core" << QStringList{"core-1/10.0.0.2"};
    QTest::newRow("error sentence") << "did not answer" << QStringList{"edge-2/"};
    QTest::newRow("nothing") << "zzz" << QStringList{};
}

void TestRecordFilterProxyModel::textFilter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    m_proxy->setFilterText(text);
    QCOMPARE(routersShown(), expected);
    m_proxy->setFilterText(QString());
    QCOMPARE(m_proxy->rowCount(), 4);
}

void TestRecordFilterProxyModel::typingOnNarrows()
{
    const QString typed = QStringLiteral("198.51.100.9");
    for (int n = 1; n <= typed.size(); ++n)
        m_proxy->setFilterText(typed.left(n));
    QCOMPARE(routersShown(), QStringList{QStringLiteral("edge-1/198.51.100.9")});
    m_proxy->setFilterText(QStringLiteral("198.51.100")); // backspace widens again
    QCOMPARE(m_proxy->rowCount(), 2);
}

void TestRecordFilterProxyModel::columnFilters_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("state column") << 7 << "estab" << QStringList{"edge-1/198.51.100.1"};
    QTest::newRow("negated") << 7 << "!estab" << QStringList{"edge-1/198.51.100.9", "edge-2/", "core-1/10.0.0.2"};
    QTest::newRow("numeric greater") << 11 << ">10" << QStringList{"edge-1/198.51.100.1"};
    QTest::newRow("numeric equal") << 11 << "=0" << QStringList{"core-1/10.0.0.2"};
    QTest::newRow("router column") << 0 << "edge" << QStringList{"edge-1/198.51.100.1", "edge-1/198.51.100.9", "edge-2/"};
}

void TestRecordFilterProxyModel::columnFilters()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    m_proxy->setColumnFilter(column, text);
    QCOMPARE(routersShown(), expected);
    // Combined with the text box.
    m_proxy->setFilterText(QStringLiteral("zzz-nothing"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->clearFilters();
    QCOMPARE(m_proxy->rowCount(), 4);
}

void TestRecordFilterProxyModel::sortGoesThroughTheSource()
{
    m_proxy->setFilterText(QStringLiteral("198.51"));
    m_proxy->sort(2, Qt::DescendingOrder);
    QCOMPARE(m_model->sortColumn(), 2);
    QCOMPARE(routersShown(), (QStringList{"edge-1/198.51.100.9", "edge-1/198.51.100.1"}));
    const QModelIndex src = m_proxy->mapToSource(m_proxy->index(0, 2));
    QCOMPARE(src.data().toString(), QStringLiteral("198.51.100.9"));
    QCOMPARE(m_proxy->mapFromSource(src), m_proxy->index(0, 2));
    // A source row the filter hides maps to nothing.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, 0).data().toString() == QLatin1String("core-1"))
            QVERIFY(!m_proxy->mapFromSource(m_model->index(r, 0)).isValid());
    }
}

void TestRecordFilterProxyModel::sourceChangesRefilter()
{
    m_proxy->setFilterText(QStringLiteral("established"));
    QCOMPARE(m_proxy->rowCount(), 1);
    m_model->addPart(testing::bgpPart(QStringLiteral("edge-3"),
                                       {testing::neighbor(QStringLiteral("203.0.113.1"), BgpState::Established, 5)}));
    QCOMPARE(m_proxy->rowCount(), 2);
    m_model->clear();
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestRecordFilterProxyModel::internedColumnsFilterLikeTheirText_data()
{
    QTest::addColumn<bool>("uniquePaths");
    QTest::addColumn<int>("column"); // -1: the filter box
    QTest::addColumn<QString>("text");
    const int asPath = 3, communities = 7;
    for (bool unique : {false, true}) {
        const char *tag = unique ? "inline paths" : "interned paths";
        auto row = [&](const char *what) -> QTestData & { return QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(tag), QLatin1String(what)))); };
        row("path") << unique << -1 << "65020 65030";
        row("path middle") << unique << -1 << "64999";
        row("path set") << unique << -1 << "{65061";
        row("path prefix of a number") << unique << -1 << "6502";
        row("community, other case") << unique << -1 << "no-EXPORT";
        row("community pair") << unique << -1 << "65010:300 65010:1";
        row("state") << unique << -1 << "IGP";
        row("inline prefix") << unique << -1 << "10.0.1";
        row("router") << unique << -1 << "pe-b";
        row("error sentence") << unique << -1 << "port 22";
        row("nothing") << unique << -1 << "65030 65020";
        row("path column") << unique << asPath << "65030";
        row("path column negated") << unique << asPath << "!65030";
        row("community column") << unique << communities << "no-export";
        row("community column, empty ones") << unique << communities << "!65010";
        row("protocol column") << unique << 10 << "bgp";
    }
}

void TestRecordFilterProxyModel::internedColumnsFilterLikeTheirText()
{
    // The filter must match exactly the rows whose shown text contains the needle, whether a
    // column's text is interned (a table of distinct values) or kept per row.
    QFETCH(bool, uniquePaths);
    QFETCH(int, column);
    QFETCH(QString, text);
    m_model->setResults(QueryKind::ReceivedRoutes, testing::routeParts(400, uniquePaths));
    QCOMPARE(m_model->isColumnInterned(3), !uniquePaths); // AS path
    QVERIFY(m_model->isColumnInterned(7));                // communities
    QVERIFY(!m_model->isColumnInterned(1));               // prefixes are not text
    m_model->sort(6, Qt::DescendingOrder); // MED: rows no longer in slot order

    QStringList expected;
    const QString needle = text.startsWith(QLatin1Char('!')) ? text.mid(1) : text;
    const bool negate = text.startsWith(QLatin1Char('!'));
    for (int r = 0; r < m_model->rowCount(); ++r) {
        bool hit = false;
        if (column >= 0) {
            hit = m_model->index(r, column).data().toString().contains(needle, Qt::CaseInsensitive) != negate;
        } else {
            for (int c = 0; c <= m_model->recordColumnCount() && !hit; ++c)
                hit = m_model->index(r, c).data().toString().contains(needle, Qt::CaseInsensitive);
        }
        if (hit)
            expected << m_model->index(r, 0).data().toString() + QLatin1Char('/') + m_model->index(r, 1).data().toString();
    }
    if (column >= 0)
        m_proxy->setColumnFilter(column, text);
    else
        m_proxy->setFilterText(text);
    QStringList shown;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        shown << m_proxy->index(r, 0).data().toString() + QLatin1Char('/') + m_proxy->index(r, 1).data().toString();
    QCOMPARE(shown, expected);
    QVERIFY(!text.startsWith(QLatin1String("65030 65020")) || shown.isEmpty());
}

QTEST_MAIN(TestRecordFilterProxyModel)
#include "tst_record_filter_proxy_model.moc"
