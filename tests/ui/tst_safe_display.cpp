// What routers say is shown, not obeyed, in the window: escape sequences and direction
// overrides in a description appear as "\x1b" / "\u202e" in the tables, and every CSV or
// clipboard copy a person may open in a spreadsheet has its formula cells neutralised.
#include "ui/export/session_report.h"
#include "ui/export/table_exporter.h"
#include "ui/models/comparison_model.h"
#include "ui/models/record_table_model.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

using namespace rl;

namespace {

RouterResult hostileLinkAnswer(const QString &router)
{
    InterfaceRecord i;
    i.name = QStringLiteral("GigabitEthernet0/0/0/1.210");
    i.description = QStringLiteral("globex\x1b[2J\x1b[31mPWNED\u202Etxt.exe");
    RouterResult part;
    part.router = router;
    part.records = RecordSet(QueryKind::LinkStatus, QList<InterfaceRecord>{i});
    return part;
}

RouterResult hostileLldpAnswer()
{
    LldpNeighborRecord l;
    l.localInterface = QStringLiteral("GigabitEthernet0/0/0/1");
    l.remoteSystemName = QStringLiteral("=HYPERLINK(\"http://198.51.100.99/\",\"ce-globex\")");
    RouterResult part;
    part.router = QStringLiteral("pe1-par");
    part.records = RecordSet(QueryKind::LldpNeighbors, QList<LldpNeighborRecord>{l});
    return part;
}

// Every display cell of a model, joined.
QString allCells(const QAbstractItemModel &m)
{
    QString out;
    for (int r = 0; r < m.rowCount(); ++r)
        for (int c = 0; c < m.columnCount(); ++c)
            out += m.index(r, c).data().toString() + QLatin1Char('|') + m.index(r, c).data(Qt::ToolTipRole).toString()
                + QLatin1Char('\n');
    return out;
}

bool hasRawControls(const QString &text, bool allowLineBreaks)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (allowLineBreaks && (u == '\n' || u == '\r' || u == '\t'))
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || (u >= 0x202a && u <= 0x202e))
            return true;
    }
    return false;
}

} // namespace

class TestSafeDisplay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableShowsEscapes()
    {
        RecordTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RouterResult failed;
        failed.router = QStringLiteral("pe2-ams");
        failed.error = Error(ErrorCode::ParseError, QStringLiteral("line 2 not understood: \"\x1b]0;owned\x07\""),
                             QStringLiteral("\x1b[8mhidden"));
        model.setResults(QueryKind::LinkStatus, {hostileLinkAnswer(QStringLiteral("pe1-par")), failed});
        const QString cells = allCells(model);
        QVERIFY2(cells.contains(QStringLiteral("globex\\x1b[2J\\x1b[31mPWNED\\u202etxt.exe")), qPrintable(cells));
        QVERIFY2(cells.contains(QStringLiteral("\\x1b]0;owned\\x07")), qPrintable(cells));
        QVERIFY2(cells.contains(QStringLiteral("\\x1b[8mhidden")), qPrintable(cells));
        QVERIFY2(!hasRawControls(cells, true), qPrintable(cells));
    }

    void comparisonShowsEscapes()
    {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RouterResult failed;
        failed.router = QStringLiteral("pe2-ams");
        failed.error = Error(ErrorCode::ParseError, QStringLiteral("not understood: \x1b[2K"));
        model.setSides(QueryKind::LinkStatus, {{QStringLiteral("pe1-par"), hostileLinkAnswer(QStringLiteral("pe1-par"))},
                                               {QStringLiteral("pe2-ams"), failed}});
        QString text = allCells(model);
        for (int c = 0; c < model.columnCount(); ++c)
            text += model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString() + QLatin1Char('\n');
        text += model.sideErrors().join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("\\x1b[31mPWNED")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("not understood: \\x1b[2K")), qPrintable(text));
        QVERIFY2(!hasRawControls(text, true), qPrintable(text));
    }

    void exportedCsvNeutralisesFormulas()
    {
        RecordTableModel model;
        model.setResults(QueryKind::LldpNeighbors, {hostileLldpAnswer()});
        const QString csv = QString::fromUtf8(TableExporter::toCsv(model));
        QVERIFY2(csv.contains(QStringLiteral(",\"'=HYPERLINK(")), qPrintable(csv));
        QVERIFY2(!csv.contains(QStringLiteral(",=HYPERLINK")) && !csv.contains(QStringLiteral(",\"=HYPERLINK")), qPrintable(csv));
        // The clipboard's rows are pasted into spreadsheets too.
        const QString tsv = TableExporter::toTabSeparated(model);
        QVERIFY2(tsv.contains(QStringLiteral("\t'=HYPERLINK(")), qPrintable(tsv));
        QVERIFY2(!tsv.contains(QStringLiteral("\t=HYPERLINK")), qPrintable(tsv));
    }

    void csvFieldOfAnyModel_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("formula") << "=1+1" << "'=1+1";
        QTest::newRow("at") << "@cmd" << "'@cmd";
        QTest::newRow("plus") << "+x" << "'+x";
        QTest::newRow("negative number stays") << "-12.5" << "-12.5";
        QTest::newRow("escape sequence shown") << "a\x1b[31m" << "a\\x1b[31m";
    }
    void csvFieldOfAnyModel()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(TableExporter::csvField(in), out);
        QStandardItemModel m(1, 1);
        m.setHorizontalHeaderLabels({QStringLiteral("Name")});
        m.setItem(0, 0, new QStandardItem(in));
        QCOMPARE(TableExporter::toCsv(m), (QStringLiteral("Name\r\n") + out + QStringLiteral("\r\n")).toUtf8());
    }

    void sessionReportCsvIsSafe()
    {
        SessionReport report;
        Response r;
        r.requestId = QStringLiteral("x");
        r.kind = QueryKind::LldpNeighbors;
        RouterResult bad;
        bad.router = QStringLiteral("pe2-ams");
        bad.error = Error(ErrorCode::ParseError, QStringLiteral("=cmd|' /C calc'!A0 \x1b[2J"));
        r.results = {hostileLldpAnswer(), bad};
        report.add(r);
        const QString csv = QString::fromUtf8(report.toCsv());
        QVERIFY2(csv.contains(QStringLiteral("'=cmd|")), qPrintable(csv));
        QVERIFY2(!csv.contains(QStringLiteral(",=cmd|")), qPrintable(csv));
        QVERIFY2(!hasRawControls(csv, true), qPrintable(csv));
    }
};

QTEST_MAIN(TestSafeDisplay)
#include "tst_safe_display.moc"
