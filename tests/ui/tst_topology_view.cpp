// The topology map window: a fixed graph drawn (items, colours, clicks), the layout, and the
// real window against the demo lab (offscreen).
#include "engine/service/router_data_service.h"
#include "ui/main_window.h"
#include "ui/models/record_table_model.h"
#include "ui/dark_palette.h"
#include "ui/widgets/inventory_panel.h"
#include "ui/widgets/topology_layout.h"
#include "ui/widgets/topology_view.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStyle>
#include <QTest>
#include <QWheelEvent>

using namespace rl;

namespace {

TopologyNode node(const QString &id, TopologyNodeKind kind, TopologySide side = TopologySide::Unknown)
{
    TopologyNode n;
    n.id = id;
    n.label = id.startsWith("external:") ? QStringLiteral("AS 65099") : id;
    n.kind = kind;
    n.side = side;
    return n;
}

TopologyEnd end(const QString &node, const QString &iface, TopologyState state)
{
    TopologyEnd e;
    e.node = node;
    e.interfaceName = iface;
    e.state = state;
    e.stateText = topologyStateName(state);
    return e;
}

RouterResult bgpRow(const QString &router, const QString &neighbor)
{
    BgpNeighborRecord r;
    r.vrf = QStringLiteral("default");
    r.neighbor = neighbor;
    r.addressFamily = QStringLiteral("ipv4-unicast");
    r.state = BgpState::Established;
    RouterResult part;
    part.router = router;
    part.records = RecordSet(QueryKind::BgpStatus, QList<BgpNeighborRecord>{r});
    return part;
}

// pe1 and pe2 (provider), ce1 (customer, asked), an inventory router not asked, an external
// peer: a connection's link (up), a core link (down), a session (up) with both ends' rows, a
// session to the external peer (unknown).
TopologyGraph fixedGraph()
{
    TopologyGraph g;
    g.nodes = {node("pe1", TopologyNodeKind::Asked, TopologySide::Provider), node("ce1", TopologyNodeKind::Asked, TopologySide::Customer),
               node("pe2", TopologyNodeKind::Inventory, TopologySide::Provider),
               node("external:bgp:ce1:default:65099", TopologyNodeKind::External)};
    TopologyEdge link;
    link.id = QStringLiteral("link:pe1--ce1");
    link.kind = TopologyEdgeKind::Link;
    link.a = end("pe1", "GigabitEthernet0/0/1.100", TopologyState::Up);
    link.b = end("ce1", "eth1.100", TopologyState::Up);
    link.state = TopologyState::Up;
    link.connectionId = QStringLiteral("acme-100");
    link.sources = {"lldp", "connection"};
    TopologyEdge core;
    core.id = QStringLiteral("link:pe1--pe2");
    core.kind = TopologyEdgeKind::Link;
    core.a = end("pe1", "TenGigE0/0/0/0", TopologyState::Down);
    core.b = end("pe2", "xe-0/0/0", TopologyState::Unknown);
    core.state = TopologyState::Down;
    core.sources = {"lldp"};
    TopologyEdge session;
    session.id = QStringLiteral("session:pe1--pe2");
    session.kind = TopologyEdgeKind::Session;
    session.addressFamily = QStringLiteral("ipv4-unicast");
    session.a = end("pe1", {}, TopologyState::Up);
    session.a.as = 64500;
    session.a.address = QStringLiteral("10.255.0.1");
    session.a.evidence << bgpRow("pe1", "10.255.0.2");
    session.b = end("pe2", {}, TopologyState::Up);
    session.b.as = 64500;
    session.b.address = QStringLiteral("10.255.0.2");
    session.b.evidence << bgpRow("pe2", "10.255.0.1");
    session.state = TopologyState::Up;
    session.matchedBy = QStringLiteral("as-numbers");
    TopologyEdge external;
    external.id = QStringLiteral("session:ce1--external");
    external.kind = TopologyEdgeKind::Session;
    external.addressFamily = QStringLiteral("ipv6-unicast");
    external.a = end("ce1", {}, TopologyState::Unknown);
    external.b = end("external:bgp:ce1:default:65099", {}, TopologyState::Unknown);
    external.state = TopologyState::Unknown;
    g.edges = {link, core, session, external};
    return g;
}

QPoint viewportPoint(TopologyView &view, const QPointF &scenePoint)
{
    return view.graphicsView()->mapFromScene(scenePoint);
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsFollowTheGraph();
    void edgeColoursByState();
    void unknownIsItsOwnColourInTheDarkPaletteToo();
    void clickingAConnectionLinkAsksForItsDiagnosis();
    void clickingASessionShowsBothEnds();
    void nodesNeverOverlap();
    void zoomWithWheelAndKeys();
    void demoMapAndTheWindowsMenu();
    void redrawnWhenTheInventoryIsReloaded();
};

void TestTopologyView::itemsFollowTheGraph()
{
    TopologyView view(nullptr, ClientIdentity{});
    view.setGraph(fixedGraph());
    QCOMPARE(view.nodeItems().size(), 4);
    QCOMPARE(view.edgeItems().size(), 4);
    // Links carry both ends' interfaces (shortened as drawn), sessions their family.
    QCOMPARE(view.edgeItem("link:pe1--ce1")->labels(), (QStringList{"Gi0/0/1.100", "eth1.100"}));
    QCOMPARE(view.edgeItem("link:pe1--pe2")->labels(), (QStringList{"Te0/0/0/0", "xe-0/0/0"}));
    QCOMPARE(view.edgeItem("session:pe1--pe2")->labels(), QStringList{"v4"});
    QCOMPARE(view.edgeItem("session:ce1--external")->labels(), QStringList{"v6"});
    // Every edge ends at its two nodes' boxes.
    for (TopologyEdgeItem *e : view.edgeItems()) {
        const QPainterPath p = e->path();
        QVERIFY(!p.isEmpty());
        const QRectF a = view.nodeItem(e->edge().a.node)->sceneBoundingRect().adjusted(-6, -6, 6, 6);
        const QRectF b = view.nodeItem(e->edge().b.node)->sceneBoundingRect().adjusted(-6, -6, 6, 6);
        QVERIFY2(a.contains(p.pointAtPercent(0)), qPrintable(e->edge().id));
        QVERIFY2(b.contains(p.pointAtPercent(1)), qPrintable(e->edge().id));
    }
    // Hovering a session names both ends' AS numbers.
    QVERIFY(view.edgeItem("session:pe1--pe2")->toolTip().contains("AS 64500"));
    QVERIFY(view.nodeItem("pe2")->subtitle().contains("not asked"));
    // Drawing another graph replaces the items.
    TopologyGraph smaller = fixedGraph();
    smaller.edges.removeLast();
    smaller.nodes.removeLast();
    view.setGraph(smaller);
    QCOMPARE(view.nodeItems().size(), 3);
    QCOMPARE(view.edgeItems().size(), 3);
}

void TestTopologyView::edgeColoursByState()
{
    TopologyView view(nullptr, ClientIdentity{});
    view.setGraph(fixedGraph());
    const QColor up = TopologyView::stateColor(TopologyState::Up);
    const QColor down = TopologyView::stateColor(TopologyState::Down);
    const QColor unknown = TopologyView::stateColor(TopologyState::Unknown);
    QVERIFY(up != down && up != unknown && down != unknown);
    QCOMPARE(view.edgeItem("link:pe1--ce1")->pen().color(), up);
    QCOMPARE(view.edgeItem("link:pe1--pe2")->pen().color(), down);
    QCOMPARE(view.edgeItem("session:pe1--pe2")->pen().color(), up);
    QCOMPARE(view.edgeItem("session:ce1--external")->pen().color(), unknown);
    // Unknown is dotted as well: told apart without colour.
    QCOMPARE(view.edgeItem("link:pe1--pe2")->pen().style(), Qt::SolidLine);
    QCOMPARE(view.edgeItem("session:ce1--external")->pen().style(), Qt::CustomDashLine);
    // Links are drawn thicker than sessions.
    QVERIFY(view.edgeItem("link:pe1--ce1")->pen().widthF() > view.edgeItem("session:pe1--pe2")->pen().widthF());
}

void TestTopologyView::unknownIsItsOwnColourInTheDarkPaletteToo()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    TopologyView view(nullptr, ClientIdentity{});
    view.setGraph(fixedGraph());
    const QColor base = QApplication::palette().color(QPalette::Base);
    for (TopologyState s : {TopologyState::Up, TopologyState::Down, TopologyState::Unknown}) {
        const QColor c = TopologyView::stateColor(s);
        // Readable on the dark background: clearly lighter than it.
        QVERIFY2(c.lightness() - base.lightness() > 80, qPrintable(topologyStateName(s)));
    }
    QCOMPARE(view.edgeItem("session:ce1--external")->pen().color(), TopologyView::stateColor(TopologyState::Unknown));
    QVERIFY(TopologyView::stateColor(TopologyState::Unknown) != TopologyView::stateColor(TopologyState::Up));
    QApplication::setPalette(light);
}

void TestTopologyView::clickingAConnectionLinkAsksForItsDiagnosis()
{
    TopologyView view(nullptr, ClientIdentity{});
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setGraph(fixedGraph());
    QSignalSpy diagnose(&view, &TopologyView::diagnoseConnectionRequested);
    TopologyEdgeItem *link = view.edgeItem("link:pe1--ce1");
    QTest::mouseClick(view.graphicsView()->viewport(), Qt::LeftButton, {}, viewportPoint(view, link->midpoint()));
    QCOMPARE(diagnose.size(), 1);
    QCOMPARE(diagnose.first().first().toString(), QStringLiteral("acme-100"));
    QCOMPARE(view.selectedEdge(), QStringLiteral("link:pe1--ce1"));
    // A link of no connection only shows its details.
    TopologyEdgeItem *core = view.edgeItem("link:pe1--pe2");
    QTest::mouseClick(view.graphicsView()->viewport(), Qt::LeftButton, {}, viewportPoint(view, core->midpoint()));
    QCOMPARE(diagnose.size(), 1);
    QCOMPARE(view.selectedEdge(), QStringLiteral("link:pe1--pe2"));
    QVERIFY(view.detailsTitle()->text().contains("Link"));
}

void TestTopologyView::clickingASessionShowsBothEnds()
{
    TopologyView view(nullptr, ClientIdentity{});
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setGraph(fixedGraph());
    QSignalSpy diagnose(&view, &TopologyView::diagnoseConnectionRequested);
    TopologyEdgeItem *session = view.edgeItem("session:pe1--pe2");
    QTest::mouseClick(view.graphicsView()->viewport(), Qt::LeftButton, {}, viewportPoint(view, session->midpoint()));
    QCOMPARE(diagnose.size(), 0);
    QCOMPARE(view.selectedEdge(), QStringLiteral("session:pe1--pe2"));
    QVERIFY(view.detailsTitle()->text().contains("BGP session"));
    // Both ends' rows, one each.
    RecordTableModel *rows = view.detailsModel(0);
    QCOMPARE(rows->kind(), QueryKind::BgpStatus);
    QCOMPARE(rows->rowCount(), 2);
    QCOMPARE(rows->data(rows->index(0, rows->routerColumn())).toString(), QStringLiteral("pe1"));
    QCOMPARE(rows->data(rows->index(1, rows->routerColumn())).toString(), QStringLiteral("pe2"));
}

void TestTopologyView::nodesNeverOverlap()
{
    // A provider edge with many customers, each with peers of its own: rows get crowded.
    TopologyGraph g;
    g.nodes << node("pe1", TopologyNodeKind::Asked, TopologySide::Provider) << node("pe2", TopologyNodeKind::Asked, TopologySide::Provider);
    auto addEdge = [&](const QString &a, const QString &b) {
        TopologyEdge e;
        e.id = a + "--" + b;
        e.a = end(a, "x", TopologyState::Up);
        e.b = end(b, "y", TopologyState::Up);
        g.edges << e;
    };
    addEdge("pe1", "pe2");
    QHash<QString, QSizeF> sizes;
    for (int i = 0; i < 12; ++i) {
        const QString ce = QStringLiteral("ce%1").arg(i);
        g.nodes << node(ce, TopologyNodeKind::Asked, TopologySide::Customer);
        addEdge(i % 3 ? "pe1" : "pe2", ce);
        for (int k = 0; k < 2; ++k) {
            const QString ext = QStringLiteral("external:%1:%2").arg(ce).arg(k);
            g.nodes << node(ext, TopologyNodeKind::External);
            addEdge(ce, ext);
            sizes.insert(ext, QSizeF(90 + 20 * k, 36));
        }
        sizes.insert(ce, QSizeF(100 + 7 * i, 40));
    }
    g.nodes << node("lonely", TopologyNodeKind::Asked); // a router with no edge
    const QHash<QString, QPointF> at = TopologyLayout::place(g, sizes);
    QCOMPARE(at.size(), g.nodes.size());
    auto box = [&](const QString &id) {
        const QSizeF s = sizes.value(id, QSizeF(120, 40));
        return QRectF(at.value(id) - QPointF(s.width() / 2, s.height() / 2), s);
    };
    for (qsizetype i = 0; i < g.nodes.size(); ++i)
        for (qsizetype j = i + 1; j < g.nodes.size(); ++j)
            QVERIFY2(!box(g.nodes[i].id).intersects(box(g.nodes[j].id)), qPrintable(g.nodes[i].id + " / " + g.nodes[j].id));
    // Providers above their customers, customers' peers below them.
    QVERIFY(at["pe1"].y() < at["ce0"].y());
    QVERIFY(at["ce0"].y() < at["external:ce0:0"].y());
    // Deterministic: the same graph gives the same picture.
    QCOMPARE(TopologyLayout::place(g, sizes), at);

    // And in the view, with the boxes its items really have.
    TopologyView view(nullptr, ClientIdentity{});
    view.setGraph(g);
    const QList<TopologyNodeItem *> items = view.nodeItems();
    for (qsizetype i = 0; i < items.size(); ++i)
        for (qsizetype j = i + 1; j < items.size(); ++j)
            QVERIFY(!items[i]->sceneBoundingRect().intersects(items[j]->sceneBoundingRect()));
}

void TestTopologyView::zoomWithWheelAndKeys()
{
    TopologyView view(nullptr, ClientIdentity{});
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setGraph(fixedGraph());
    QGraphicsView *g = view.graphicsView();
    const qreal fitted = g->transform().m11();
    QVERIFY(fitted > 0);
    g->setFocus();
    QTest::keyClick(g, Qt::Key_Equal, Qt::ControlModifier);
    const qreal in = g->transform().m11();
    QVERIFY2(in > fitted * 1.2, qPrintable(QString::number(in / fitted)));
    QTest::keyClick(g, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(qAbs(g->transform().m11() - fitted) < 1e-6);
    // The wheel zooms too, about the cursor.
    const QPoint centre = g->viewport()->rect().center();
    QWheelEvent wheel(centre, g->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(g->viewport(), &wheel);
    QVERIFY(g->transform().m11() > fitted * 1.5);
    // Ctrl+0 fits again.
    QTest::keyClick(g, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(qAbs(g->transform().m11() - fitted) < 1e-6);
}

void TestTopologyView::demoMapAndTheWindowsMenu()
{
    Q_INIT_RESOURCE(ui);
    EngineSettings settings = EngineSettings::defaults();
    settings.storePath = QStringLiteral(":memory:");
    RouterDataService service(settings);
    service.useDemoLab();
    MainWindow window(&service);
    window.inventoryPanel()->setChecked({"pe1-par", "ce-globex"});
    TopologyView *map = window.openTopology();
    QVERIFY(map);
    QSignalSpy ready(map, &TopologyView::graphReady);
    QVERIFY(ready.wait(60000));
    QVERIFY(map->isComplete());
    QCOMPARE(map->edgeItems().size(), map->graph().edges.size());
    QCOMPARE(map->nodeItems().size(), map->graph().nodes.size());
    // The globex connection: its link is there, and its sessions are down (the VLAN fault).
    const TopologyEdge *link = nullptr;
    for (const TopologyEdge &e : map->graph().edges)
        if (e.kind == TopologyEdgeKind::Link && e.connectionId == u"globex-par-210")
            link = &e;
    QVERIFY(link);
    for (const TopologyEdge &e : map->graph().edges)
        if (e.kind == TopologyEdgeKind::Session && e.connectionId == u"globex-par-210")
            QCOMPARE(map->edgeItem(e.id)->pen().color(), TopologyView::stateColor(TopologyState::Down));
    // Clicking it hands the connection to the window's diagnosis (or says it cannot).
    map->resize(1200, 800);
    map->show();
    QVERIFY(QTest::qWaitForWindowExposed(map));
    map->fitToView();
    QSignalSpy diagnose(map, &TopologyView::diagnoseConnectionRequested);
    QTest::mouseClick(map->graphicsView()->viewport(), Qt::LeftButton, {},
                      map->graphicsView()->mapFromScene(map->edgeItem(link->id)->midpoint()));
    QCOMPARE(diagnose.size(), 1);
    QStringList status;
    for (QLabel *l : window.statusBar()->findChildren<QLabel *>())
        status << l->text();
    QVERIFY2(status.join('\n').contains("globex-par-210"), qPrintable(status.join('\n')));
    // ... and the window opened the connection's Diagnosis tab
    QVERIFY2(window.resultTabs()->tabText(window.resultTabs()->currentIndex()).contains("globex-par-210"),
             qPrintable(window.resultTabs()->tabText(window.resultTabs()->currentIndex())));
    // Nothing checked: no map, and the status bar says what to do.
    window.inventoryPanel()->setChecked({});
    QVERIFY(!window.openTopology());
    map->close();

    // A customer's map: its connection's two routers, not the provider's other customers.
    TopologyView *umbrella = window.openCustomerTopology("umbrella");
    QVERIFY(umbrella);
    QSignalSpy umbrellaReady(umbrella, &TopologyView::graphReady);
    QVERIFY(umbrellaReady.wait(60000));
    QVERIFY(umbrella->nodeItem("ce-umbrella"));
    QVERIFY(umbrella->nodeItem("pe2-ams"));
    QVERIFY(!umbrella->nodeItem("pe1-par"));
    QVERIFY(!umbrella->nodeItem("ce-globex"));
    QVERIFY(umbrella->title().contains("umbrella"));
    umbrella->close();
}

void TestTopologyView::redrawnWhenTheInventoryIsReloaded()
{
    Q_INIT_RESOURCE(ui);
    EngineSettings settings = EngineSettings::defaults();
    settings.storePath = QStringLiteral(":memory:");
    RouterDataService service(settings);
    service.useDemoLab();
    MainWindow window(&service);
    window.inventoryPanel()->setChecked({"pe1-par", "ce-globex"});
    TopologyView *map = window.openTopology();
    QVERIFY(map);
    QSignalSpy ready(map, &TopologyView::graphReady);
    QVERIFY(ready.wait(60000));
    QVERIFY(map->nodeItem("ce-globex"));
    QVERIFY(map->nodeItem("pe1-par"));
    const int itemsBefore = int(map->scene()->items().size());

    // The inventory read again without ce-globex (and its connection): the map follows at
    // once, from the answers it has, without asking the routers again.
    Inventory next;
    for (const Router &r : service.inventory().routers())
        if (r.name != u"ce-globex")
            QVERIFY(!next.addRouter(r));
    for (const Connection &c : service.inventory().connections())
        if (c.customerRouter != u"ce-globex" && c.providerRouter != u"ce-globex")
            next.addConnection(c);
    QSignalSpy submitted(&service, &RouterDataService::responseReady);
    service.setInventory(next);
    QVERIFY(!map->nodeItem("ce-globex")); // pe1-par's LLDP neighbor now, outside the inventory:
    bool neighbor = false;
    for (const TopologyNode &n : map->graph().nodes)
        neighbor = neighbor || (n.kind == TopologyNodeKind::External && n.label.startsWith(u"ce-globex"));
    QVERIFY(neighbor);
    QVERIFY(map->nodeItem("pe1-par"));
    QCOMPARE(map->nodeItems().size(), map->graph().nodes.size());
    QCOMPARE(map->edgeItems().size(), map->graph().edges.size());
    QVERIFY(map->scene()->items().size() < itemsBefore);
    for (const TopologyEdge &e : map->graph().edges)
        QVERIFY2(e.connectionId != u"globex-par-210", qPrintable(e.id));
    QVERIFY(map->isComplete());
    QCOMPARE(submitted.size(), 0);
    QVERIFY2(map->title().contains("pe1-par"), qPrintable(map->title()));
    map->close();
}

QTEST_MAIN(TestTopologyView)
#include "tst_topology_view.moc"
