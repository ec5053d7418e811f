// The paste box reads output offline: its rows must say where they came from ("pasted"),
// never "live", and carry no cache age.
#include "ui/dialogs/paste_box_dialog.h"
#include "ui/models/record_table_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTest>

using namespace rl;

class TestPasteBoxDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastedRowsSayPasted();
    void unreadableTextIsAnErrorRow();
};

namespace {

// `ip -j neigh show` as a Linux host prints it: one resolved neighbour, one that failed.
QString neighbours()
{
    return QStringLiteral("[{\"dst\":\"203.0.113.9\",\"dev\":\"eth2\",\"lladdr\":\"02:00:5e:10:00:01\",\"state\":[\"REACHABLE\"]},"
                          "{\"dst\":\"203.0.113.10\",\"dev\":\"eth2\",\"state\":[\"FAILED\"]}]\n");
}

} // namespace

void TestPasteBoxDialog::pastedRowsSayPasted()
{
    PasteBoxDialog dlg;
    QAbstractItemModelTester tester(dlg.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dlg.setPlatform(QStringLiteral("linux"));
    dlg.setKind(int(QueryKind::ArpTable));
    dlg.setText(neighbours());
    RecordTableModel *m = dlg.model();
    QCOMPARE(m->origin(), RecordTableModel::Origin::Pasted);
    QCOMPARE(m->rowCount(), 2);
    for (int r = 0; r < m->rowCount(); ++r) {
        QVERIFY2(!m->isErrorRow(r), qPrintable(dlg.status()));
        QCOMPARE(m->index(r, m->sourceColumn()).data().toString(), QStringLiteral("pasted"));
        QCOMPARE(m->index(r, m->sourceColumn()).data(RecordTableModel::RawValueRole).toString(), QStringLiteral("pasted"));
        QCOMPARE(m->index(r, m->ageColumn()).data().toString(), QString());
        QVERIFY(!m->index(r, m->ageColumn()).data(RecordTableModel::RawValueRole).isValid());
    }
}

void TestPasteBoxDialog::unreadableTextIsAnErrorRow()
{
    PasteBoxDialog dlg;
    dlg.setPlatform(QStringLiteral("linux"));
    dlg.setKind(int(QueryKind::ArpTable));
    dlg.setText(QStringLiteral("this is not the output of any command\n"));
    RecordTableModel *m = dlg.model();
    QCOMPARE(m->rowCount(), 1);
    QVERIFY(m->isErrorRow(0));
    QCOMPARE(m->index(0, m->sourceColumn()).data().toString(), QStringLiteral("error"));
    QVERIFY(!dlg.status().isEmpty());
}

QTEST_MAIN(TestPasteBoxDialog)
#include "tst_paste_box_dialog.moc"
