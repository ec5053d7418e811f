// The Diagnosis tab fed a diagnosis built here: its bands, the cause, the evidence of a clicked
// band, what a second run changed, the exports, and CANNOT-CHECK drawn apart from OK.
#include "tests/unit/diagnosis/diagnosis_test_data.h"
#include "ui/models/diagnosis_model.h"
#include "ui/models/record_table_model.h"
#include "ui/dark_palette.h"
#include "ui/widgets/diagnosis_map_view.h"
#include "ui/widgets/diagnosis_tab.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

namespace {

struct Mean {
    int r = 0, g = 0, b = 0;
};

// The mean colour of a cell as drawn, without its outline.
Mean meanColour(const QImage &image, const QRect &rect)
{
    qint64 r = 0, g = 0, b = 0, n = 0;
    for (int y = rect.top() + 3; y < rect.bottom() - 2; ++y)
        for (int x = rect.left() + 6; x < rect.right() - 2; ++x) {
            const QColor c = image.pixelColor(x, y);
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    return n ? Mean{int(r / n), int(g / n), int(b / n)} : Mean{};
}

DiagnosisStep routesStep()
{
    RouteRecord accepted;
    accepted.prefix = *IpPrefix::parse(std::string_view("203.0.113.0/26"));
    RouteRecord rejected = accepted;
    rejected.prefix = *IpPrefix::parse(std::string_view("198.51.100.128/25"));
    rejected.valid = false;
    const RouterResult received = testing::answer(QStringLiteral("pe1"), QueryKind::ReceivedRoutes, QList<RouteRecord>{accepted, rejected});
    const RouterResult announced = testing::answer(QStringLiteral("ce1"), QueryKind::AdvertisedRoutes, QList<RouteRecord>{accepted, rejected});
    return testing::makeStep(QStringLiteral("routes-ipv4"), ConnectionEnd::Both, QStringLiteral("pe1, ce1"), Verdict::Warn,
                              QStringLiteral("pe1 rejects 198.51.100.128/25 from the customer."), {received, announced});
}

} // namespace

class TestDiagnosisTab final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(ui); }

    void bandsFollowTheEnginesSteps()
    {
        DiagnosisModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnection(testing::diagnosedConnection());
        QCOMPARE(model.rowCount(), 0);
        DiagnosisResult d = testing::vlanMismatch();
        // A layer this window has no name for yet, and one it has: both get their band, in order.
        d.steps << testing::makeStep(QStringLiteral("route-lookup"), ConnectionEnd::Provider, QStringLiteral("pe1"), Verdict::Ok, QStringLiteral("found"))
                << testing::makeStep(QStringLiteral("frobnicate"), ConnectionEnd::Both, QStringLiteral("pe1, ce1"), Verdict::Warn, QStringLiteral("hm"));
        model.setResult(d);
        QStringList layers;
        for (int r = 0; r < model.rowCount(); ++r)
            layers << model.layerKey(r);
        QCOMPARE(layers, (QStringList{QStringLiteral("management"), QStringLiteral("optics"), QStringLiteral("link"), QStringLiteral("mtu"),
                                      QStringLiteral("vlan"), QStringLiteral("bgp-ipv4"), QStringLiteral("route-lookup"), QStringLiteral("frobnicate")}));
        QCOMPARE(model.index(6, DiagnosisModel::LayerColumn).data().toString(), QStringLiteral("Route lookup"));
        QCOMPARE(model.index(7, DiagnosisModel::LayerColumn).data().toString(), QStringLiteral("frobnicate"));
        // Both ends of management; the customer's optics only; MTU and the unknown both-ends layer fill their band.
        QCOMPARE(model.index(0, DiagnosisModel::CustomerColumn).data(DiagnosisModel::StepRole).toInt(), 1);
        QCOMPARE(model.index(0, DiagnosisModel::ProviderColumn).data(DiagnosisModel::StepRole).toInt(), 0);
        QCOMPARE(model.index(1, DiagnosisModel::ProviderColumn).data(DiagnosisModel::StepRole).toInt(), -1);
        QVERIFY(!(model.flags(model.index(1, DiagnosisModel::ProviderColumn)) & Qt::ItemIsSelectable));
        // The provider was checked (its optics only were not): not the same as an end never asked.
        QVERIFY(model.endChecked(ConnectionEnd::Provider));
        QVERIFY(model.index(1, DiagnosisModel::ProviderColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("not made on this end")));
        QVERIFY(model.spansEnds(3));
        QVERIFY(model.spansEnds(7));
        QVERIFY(!model.spansEnds(0));
        QCOMPARE(model.index(3, DiagnosisModel::LinkColumn).data(DiagnosisModel::StepRole).toInt(), 4);
        // Verdicts: CANNOT-CHECK is its own word and tone, never OK's.
        const QModelIndex optics = model.index(1, DiagnosisModel::CustomerColumn);
        const QModelIndex mgmt = model.index(0, DiagnosisModel::CustomerColumn);
        QCOMPARE(optics.data().toString(), QStringLiteral("CANNOT-CHECK"));
        QCOMPARE(Verdict(optics.data(DiagnosisModel::VerdictRole).toInt()), Verdict::CannotCheck);
        QCOMPARE(mgmt.data().toString(), QStringLiteral("OK"));
        QVERIFY(optics.data(DiagnosisModel::ToneRole) != mgmt.data(DiagnosisModel::ToneRole));
        // The cause: its cell and its band say so.
        const QModelIndex vlan = model.index(4, DiagnosisModel::CustomerColumn);
        QVERIFY(vlan.data(DiagnosisModel::LikelyCauseRole).toBool());
        QVERIFY(model.index(4, DiagnosisModel::LayerColumn).data(DiagnosisModel::LikelyCauseRole).toBool());
        QVERIFY(!model.index(5, DiagnosisModel::LayerColumn).data(DiagnosisModel::LikelyCauseRole).toBool());
        QCOMPARE(model.indexOfStep(5), vlan);
        QVERIFY(vlan.data(Qt::ToolTipRole).toString().contains(QLatin1String("tagged 201")));
        QCOMPARE(model.headerData(DiagnosisModel::CustomerColumn, Qt::Horizontal).toString(), QStringLiteral("ce1"));
        QCOMPARE(model.headerData(DiagnosisModel::ProviderColumn, Qt::Horizontal).toString(), QStringLiteral("pe1"));
        model.setChangedSteps({5});
        QVERIFY(vlan.data(DiagnosisModel::ChangedRole).toBool());
        QVERIFY(!mgmt.data(DiagnosisModel::ChangedRole).toBool());
        // An end never asked (its router not in the inventory) reads differently.
        DiagnosisResult providerOnly = d;
        providerOnly.steps.removeIf([](const DiagnosisStep &s) { return s.end == ConnectionEnd::Customer; });
        providerOnly.likelyCause = -1;
        model.setResult(providerOnly);
        QVERIFY(!model.endChecked(ConnectionEnd::Customer));
        QVERIFY(model.index(0, DiagnosisModel::CustomerColumn).data(Qt::ToolTipRole).toString().startsWith(QLatin1String("Not checked on this end")));
    }

    void opensOnTheCauseWithItsEvidence()
    {
        DiagnosisTab tab(nullptr, testing::diagnosedConnection(), {});
        QVERIFY(!tab.hasResult());
        QVERIFY(!tab.run()); // no service: nothing to run
        tab.setResult(testing::vlanMismatch());
        QCOMPARE(tab.selectedStep(), 5);
        const QString summary = tab.summaryLabel()->text();
        QVERIFY2(summary.contains(QLatin1String("FAULT")), qPrintable(summary));
        QVERIFY(summary.contains(QLatin1String("Likely cause: VLAN, customer end (ce1): Gi0/0/1.201 on ce1 is tagged 201 but the connection uses VLAN 210.")));
        QVERIFY(summary.contains(QLatin1String("<b>Advice:</b> Change the subinterface's encapsulation to dot1q 210.")));
        QCOMPARE(tab.evidenceModel()->kind(), QueryKind::VlanErrors);
        QCOMPARE(tab.evidenceModel()->rowCount(), 1);
        QCOMPARE(tab.evidenceModel()->index(0, 1).data().toString(), QStringLiteral("Gi0/0/1.201"));
        QVERIFY(tab.findChild<QLabel *>(QStringLiteral("diagnosisDetail"))->text().contains(QLatin1String("Advice:")));
    }

    void clickingABandShowsItsRecords()
    {
        DiagnosisTab tab(nullptr, testing::diagnosedConnection(), {});
        tab.resize(1200, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.setResult(testing::vlanMismatch());
        DiagnosisMapView *map = tab.mapView();
        DiagnosisModel *model = tab.model();
        // The provider's link.
        const QRect link = map->cellRect(model->index(2, DiagnosisModel::ProviderColumn));
        QVERIFY(!link.isEmpty());
        QTest::mouseClick(map, Qt::LeftButton, {}, link.center());
        QCOMPARE(tab.selectedStep(), 3);
        QCOMPARE(tab.evidenceModel()->kind(), QueryKind::LinkStatus);
        QCOMPARE(tab.evidenceModel()->rowCount(), 2);
        QCOMPARE(tab.evidenceModel()->index(0, 0).data().toString(), QStringLiteral("pe1"));
        QVERIFY(tab.findChild<QLabel *>(QStringLiteral("diagnosisDetail"))->text().contains(QLatin1String("Gi0/0/0/1.210 is up on pe1.")));
        // The MTU band spans both ends: a click on its customer side selects it.
        const QRect mtu = map->cellRect(model->index(3, DiagnosisModel::LinkColumn));
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(mtu.left() + 20, mtu.center().y()));
        QCOMPARE(tab.selectedStep(), 4);
        // A cell that was not checked (the provider's optics) keeps the choice.
        const QRect none = map->cellRect(model->index(1, DiagnosisModel::ProviderColumn));
        QTest::mouseClick(map, Qt::LeftButton, {}, none.center());
        QCOMPARE(tab.selectedStep(), 4);
        // Keys: down to the VLAN band, right to the provider's BGP (reading order).
        map->setFocus();
        QTest::keyClick(map, Qt::Key_Down);
        QCOMPARE(tab.selectedStep(), 5);
        QTest::keyClick(map, Qt::Key_Right);
        QCOMPARE(tab.selectedStep(), 6);
        QCOMPARE(tab.evidenceModel()->kind(), QueryKind::BgpStatus);
    }

    void recordsOfEachKindAndOpenable()
    {
        ClientIdentity customer;
        customer.id = QStringLiteral("x");
        customer.role = Role::External;
        customer.customer = QStringLiteral("globex");
        DiagnosisTab tab(nullptr, testing::diagnosedConnection(), customer);
        DiagnosisResult d = testing::vlanMismatch();
        d.steps << routesStep();
        tab.setResult(d);
        tab.selectStep(int(d.steps.size()) - 1);
        auto *kinds = tab.findChild<QComboBox *>(QStringLiteral("evidenceKind"));
        QCOMPARE(kinds->count(), 2);
        QVERIFY(kinds->isEnabled());
        QCOMPARE(tab.evidenceModel()->kind(), QueryKind::ReceivedRoutes);
        QCOMPARE(tab.evidenceModel()->rowCount(), 2);
        kinds->setCurrentIndex(1);
        QCOMPARE(tab.evidenceModel()->kind(), QueryKind::AdvertisedRoutes);
        QCOMPARE(tab.evidenceModel()->index(0, 0).data().toString(), QStringLiteral("ce1"));
        // "Open in a result tab" hands the records on, as this client.
        QSignalSpy open(&tab, &DiagnosisTab::openRecordsRequested);
        QTest::mouseClick(tab.findChild<QPushButton *>(QStringLiteral("openEvidence")), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        const auto request = open.first().at(0).value<Request>();
        const auto parts = open.first().at(1).value<QList<RouterResult>>();
        QCOMPARE(request.kind, QueryKind::AdvertisedRoutes);
        QCOMPARE(request.routers, QStringList{QStringLiteral("ce1")});
        QCOMPARE(request.client.customer, QStringLiteral("globex"));
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts.first().records.size(), 2);
        // A step that could not be checked shows the router's error as its record.
        tab.selectStep(2);
        QCOMPARE(tab.evidenceModel()->rowCount(), 1);
        QVERIFY(tab.evidenceModel()->isErrorRow(0));
    }

    void aSecondRunMarksWhatChanged()
    {
        DiagnosisTab tab(nullptr, testing::diagnosedConnection(), {});
        tab.setResult(testing::vlanMismatch(5));
        QCOMPARE(tab.changeLog()->rowCount(), 0);
        tab.selectStep(3); // the provider's link: stays chosen across runs
        DiagnosisResult fixed = testing::vlanMismatch(9);
        fixed.steps[5].verdict = Verdict::Ok;
        fixed.steps[5].likelyCause = false;
        fixed.steps[6].likelyCause = true;
        fixed.likelyCause = 6;
        tab.setResult(fixed);
        QCOMPARE(tab.selectedStep(), 3);
        QStringList log;
        for (int r = 0; r < tab.changeLog()->rowCount(); ++r)
            log << tab.changeLog()->item(r, 1)->text() + QLatin1Char('|') + tab.changeLog()->item(r, 2)->text() + QLatin1Char('|')
                       + tab.changeLog()->item(r, 3)->text();
        QCOMPARE(log, (QStringList{QStringLiteral("Link|provider end|In errors on Gi0/0/0/1 rose: 5 → 9"),
                                   QStringLiteral("VLAN|customer end|FAULT → OK"),
                                   QStringLiteral("—||likely cause: VLAN, customer end → BGP IPv4, provider end")}));
        QCOMPARE(tab.pages()->tabText(1), QStringLiteral("Changes (3)"));
        const DiagnosisModel *m = tab.model();
        QVERIFY(m->indexOfStep(5).data(DiagnosisModel::ChangedRole).toBool());
        QVERIFY(m->indexOfStep(3).data(DiagnosisModel::ChangedRole).toBool());
        QVERIFY(!m->indexOfStep(0).data(DiagnosisModel::ChangedRole).toBool());
        // A third run with nothing new clears the marks and adds no line.
        tab.setResult(fixed);
        QCOMPARE(tab.changeLog()->rowCount(), 3);
        QVERIFY(!m->indexOfStep(5).data(DiagnosisModel::ChangedRole).toBool());
    }

    void exportsHtmlAndCsv()
    {
        DiagnosisTab tab(nullptr, testing::diagnosedConnection(), {});
        QTemporaryDir dir;
        QString error;
        QVERIFY(!tab.exportHtml(dir.filePath(QStringLiteral("early.html")), &error));
        QVERIFY(error.contains(QLatin1String("not finished")));
        DiagnosisResult d = testing::vlanMismatch();
        d.steps[5].finding = QStringLiteral("tagged <201> & wrong");
        tab.setResult(d);
        QVERIFY2(tab.exportHtml(dir.filePath(QStringLiteral("d.html")), &error), qPrintable(error));
        QVERIFY2(tab.exportCsv(dir.filePath(QStringLiteral("d.csv")), &error), qPrintable(error));
        QFile html(dir.filePath(QStringLiteral("d.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString h = QString::fromUtf8(html.readAll());
        QVERIFY(h.contains(QLatin1String("<title>Diagnosis of globex-test-210</title>")));
        QVERIFY(h.contains(QLatin1String("<b>Likely cause:</b> vlan, customer end (ce1): tagged &lt;201&gt; &amp; wrong")));
        QFile csv(dir.filePath(QStringLiteral("d.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("step,globex-test-210,globex,vlan,customer,ce1,fault,true,tagged <201> & wrong"));
        QVERIFY(!tab.exportCsv(dir.filePath(QStringLiteral("no/such/dir/d.csv")), &error));
        QVERIFY(error.contains(QLatin1String("Cannot write")));
    }

    void cannotCheckIsDrawnApartFromOk_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void cannotCheckIsDrawnApartFromOk()
    {
        QFETCH(bool, dark);
        const QPalette before = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        DiagnosisModel model;
        model.setResult(testing::vlanMismatch());
        DiagnosisMapView map;
        map.setPalette(QApplication::palette());
        map.setModel(&model);
        map.resize(map.sizeHint());
        QImage image(map.size(), QImage::Format_RGB32);
        map.render(&image);
        QApplication::setPalette(before);
        const Mean ok = meanColour(image, map.cellRect(model.index(0, DiagnosisModel::CustomerColumn)));
        const Mean unknown = meanColour(image, map.cellRect(model.index(1, DiagnosisModel::CustomerColumn)));
        const Mean fault = meanColour(image, map.cellRect(model.index(4, DiagnosisModel::CustomerColumn)));
        const QString seen = QStringLiteral("ok %1,%2,%3 unknown %4,%5,%6 fault %7,%8,%9")
                                 .arg(ok.r).arg(ok.g).arg(ok.b).arg(unknown.r).arg(unknown.g).arg(unknown.b).arg(fault.r).arg(fault.g).arg(fault.b);
        QVERIFY2(ok.g > ok.r + 8 && ok.g > ok.b + 8, qPrintable(seen));             // green
        QVERIFY2(fault.r > fault.g + 8 && fault.r > fault.b + 8, qPrintable(seen));  // red
        QVERIFY2(std::abs(unknown.r - unknown.g) < 10 && std::abs(unknown.g - unknown.b) < 10, qPrintable(seen)); // grey
    }
};

QTEST_MAIN(TestDiagnosisTab)
#include "tst_diagnosis_tab.moc"
