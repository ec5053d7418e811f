#include "ui/widgets/topology_view.h"

#include "engine/service/router_data_service.h"
#include "ui/models/record_table_model.h"
#include "ui/models/state_colors.h"
#include "ui/widgets/topology_layout.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPushButton>
#include <QSplitter>
#include <QStyleOptionGraphicsItem>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace rl {
namespace {

constexpr qreal LinkWidth = 3.4;
constexpr qreal SessionWidth = 2.0;
constexpr qreal LaneSpacing = 24;     // between parallel edges of one pair of nodes
constexpr qreal LabelDistance = 24;   // the room between a node and its interface labels, times three
constexpr qreal ZoomStep = 1.25;
constexpr int NodeType = TopologyNodeItem::Type;
constexpr int TagType = QGraphicsItem::UserType + 72;

QPalette palette()
{
    return QApplication::palette();
}

// A small text on a translucent plate: interface names at link ends, the family of a session.
class TagItem final : public QGraphicsItem
{
public:
    TagItem(const QString &text, const QFont &font, QGraphicsItem *parent) : QGraphicsItem(parent), m_text(text), m_font(font)
    {
        const QFontMetricsF fm(m_font);
        m_rect = QRectF(0, 0, fm.horizontalAdvance(m_text) + 8, fm.height() + 2);
        m_rect.moveCenter(QPointF(0, 0));
        setAcceptedMouseButtons(Qt::NoButton); // a click goes to the edge under it
    }
    int type() const override { return TagType; }
    QString text() const { return m_text; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QPalette pal = palette();
        QColor plate = pal.color(QPalette::Base);
        plate.setAlpha(225);
        p->setPen(Qt::NoPen);
        p->setBrush(plate);
        p->drawRoundedRect(m_rect, 3, 3);
        p->setPen(pal.color(QPalette::Text));
        p->setFont(m_font);
        p->drawText(m_rect, Qt::AlignCenter, m_text);
    }

private:
    QString m_text;
    QFont m_font;
    QRectF m_rect;
};

// The point where the segment from a box's centre towards `toward` leaves the box.
QPointF clipToBox(QPointF centre, QPointF toward, QSizeF size)
{
    const QPointF v = toward - centre;
    const qreal hw = size.width() / 2 + 3, hh = size.height() / 2 + 3;
    qreal s = 1;
    if (std::abs(v.x()) > 1e-6)
        s = std::min(s, hw / std::abs(v.x()));
    if (std::abs(v.y()) > 1e-6)
        s = std::min(s, hh / std::abs(v.y()));
    return centre + v * s;
}

// Interface names as engineers write them on a drawing: "Gi0/0/0/1.210", "Te0/0/0/0".
QString shortInterface(const QString &name)
{
    static const std::pair<const char *, const char *> abbreviations[] = {
        {"HundredGigabitEthernet", "Hu"}, {"FortyGigabitEthernet", "Fo"}, {"TwentyFiveGigE", "Twe"},
        {"TenGigabitEthernet", "Te"}, {"GigabitEthernet", "Gi"}, {"FastEthernet", "Fa"}, {"HundredGigE", "Hu"},
        {"FortyGigE", "Fo"}, {"TenGigE", "Te"}, {"Bundle-Ether", "BE"}, {"Port-channel", "Po"}, {"Ethernet", "Eth"},
        {"Loopback", "Lo"}, {"Management", "Mgmt"}};
    for (const auto &[longName, shortName] : abbreviations) {
        const QLatin1String l(longName);
        if (name.startsWith(l, Qt::CaseInsensitive) && name.size() > l.size() && name.at(l.size()).isDigit())
            return QLatin1String(shortName) + name.mid(l.size());
    }
    return name;
}

QString familyTag(const TopologyEdge &e)
{
    QString tag = e.addressFamily.startsWith(QLatin1String("ipv4-unicast")) ? QStringLiteral("v4")
                : e.addressFamily.startsWith(QLatin1String("ipv6-unicast")) ? QStringLiteral("v6")
                                                                          : e.addressFamily;
    const QString vrf = !e.a.vrf.isEmpty() && e.a.vrf != u"default" ? e.a.vrf : e.b.vrf != u"default" ? e.b.vrf : QString();
    if (!vrf.isEmpty())
        tag += QStringLiteral(" · %1").arg(vrf);
    return tag;
}

QString stateWord(TopologyState s)
{
    switch (s) {
    case TopologyState::Up: return TopologyView::tr("up");
    case TopologyState::Down: return TopologyView::tr("down");
    case TopologyState::Unknown: break;
    }
    return TopologyView::tr("unknown");
}

QString matchedByText(const TopologyEdge &e)
{
    const QString far = e.b.node.startsWith(QLatin1String("external:")) ? e.a.node : e.b.node;
    if (e.matchedBy == u"connection")
        return TopologyView::tr("the inventory's connection %1").arg(e.connectionId);
    if (e.matchedBy == u"arp")
        return TopologyView::tr("ARP / neighbor discovery: the neighbor's MAC address is an interface of the other router");
    if (e.matchedBy == u"lldp")
        return TopologyView::tr("LLDP: the neighbor's management address");
    if (e.matchedBy == u"inventory-host")
        return TopologyView::tr("the inventory's address of %1").arg(far);
    if (e.matchedBy == u"router-id")
        return TopologyView::tr("its router id, seen on another session to the same router");
    if (e.matchedBy == u"connection-as")
        return TopologyView::tr("the AS numbers of connection %1 (it lists no address in this family)").arg(e.connectionId);
    if (e.matchedBy == u"as-numbers")
        return TopologyView::tr("AS numbers only: each router has one session towards the other's AS, on one subnet");
    return TopologyView::tr("not identified: a peer outside the inventory");
}

QString endLine(const TopologyEnd &end, const TopologyGraph &g, bool session)
{
    const TopologyNode *n = g.node(end.node);
    QString name = (n ? n->label : end.node).toHtmlEscaped();
    QStringList facts;
    if (session) {
        if (!end.address.isEmpty())
            facts << end.address;
        if (end.as >= 0)
            facts << QStringLiteral("AS %1").arg(end.as);
        if (!end.vrf.isEmpty())
            facts << TopologyView::tr("VRF %1").arg(end.vrf);
        if (!end.interfaceName.isEmpty())
            facts << TopologyView::tr("via %1").arg(end.interfaceName);
    } else if (!end.interfaceName.isEmpty()) {
        facts << end.interfaceName;
    }
    const QString color = TopologyView::stateColor(end.state).name();
    return QStringLiteral("<b>%1</b> %2: <span style='color:%3'>%4</span>")
        .arg(name, facts.isEmpty() ? QString() : QStringLiteral("(%1)").arg(facts.join(QStringLiteral(", ")).toHtmlEscaped()),
             color, end.stateText.toHtmlEscaped());
}

// Wheel zooms about the cursor; until the person zooms, the map follows the view's size.
class MapView final : public QGraphicsView
{
public:
    using QGraphicsView::QGraphicsView;
    std::function<void()> onZoom;
    std::function<void()> onResize;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        const int steps = event->angleDelta().y();
        if (steps == 0)
            return QGraphicsView::wheelEvent(event);
        const qreal factor = std::pow(ZoomStep, steps / 120.0);
        scale(factor, factor);
        if (onZoom)
            onZoom();
        event->accept();
    }
    void resizeEvent(QResizeEvent *event) override
    {
        QGraphicsView::resizeEvent(event);
        if (onResize)
            onResize();
    }
};

} // namespace

// ---- node ---------------------------------------------------------------------------------------

TopologyNodeItem::TopologyNodeItem(const TopologyNode &node, const QFont &font) : m_node(node), m_font(font), m_small(font)
{
    m_font.setBold(node.kind != TopologyNodeKind::External);
    m_font.setItalic(node.kind == TopologyNodeKind::External);
    m_small.setPointSizeF(font.pointSizeF() * 0.85);
    const QString as = node.as >= 0 ? QStringLiteral("AS %1").arg(node.as) : QString();
    switch (node.kind) {
    case TopologyNodeKind::Asked:
        if (!node.problem.isEmpty())
            m_subtitle = TopologyView::tr("could not be read");
        else
            m_subtitle = node.platform.isEmpty() || as.isEmpty() ? node.platform + as : node.platform + QStringLiteral(" · ") + as;
        break;
    case TopologyNodeKind::Inventory:
        m_subtitle = as.isEmpty() ? TopologyView::tr("not asked") : TopologyView::tr("not asked · %1").arg(as);
        break;
    case TopologyNodeKind::External:
        if (node.id.startsWith(QLatin1String("external:lldp:")))
            m_subtitle = TopologyView::tr("LLDP neighbor");
        else if (node.id.startsWith(QLatin1String("external:customer:")))
            m_subtitle = TopologyView::tr("customer router, not in the inventory");
        else if (!node.addresses.isEmpty())
            m_subtitle = node.addresses.size() == 1 ? node.addresses.first()
                                                    : TopologyView::tr("%1 +%2").arg(node.addresses.first()).arg(node.addresses.size() - 1);
        else
            m_subtitle = TopologyView::tr("external peer");
        break;
    }
    const QFontMetricsF big(m_font), small(m_small);
    const qreal w = std::max(big.horizontalAdvance(node.label), small.horizontalAdvance(m_subtitle)) + 24;
    m_size = QSizeF(std::max<qreal>(w, 96), big.height() + small.height() + 14);
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setZValue(2);
    setCursor(Qt::OpenHandCursor);

    QStringList tip{QStringLiteral("<b>%1</b>").arg(node.label.toHtmlEscaped())};
    if (node.kind == TopologyNodeKind::External)
        tip << TopologyView::tr("outside the inventory");
    else if (node.kind == TopologyNodeKind::Inventory)
        tip << TopologyView::tr("in the inventory, not asked for this map");
    if (!node.platform.isEmpty())
        tip << TopologyView::tr("platform: %1").arg(node.platform);
    if (!as.isEmpty())
        tip << as;
    if (!node.customer.isEmpty())
        tip << TopologyView::tr("customer: %1").arg(node.customer.toHtmlEscaped());
    if (!node.addresses.isEmpty())
        tip << TopologyView::tr("addresses: %1").arg(node.addresses.join(QStringLiteral(", ")));
    if (!node.detail.isEmpty())
        tip << node.detail.toHtmlEscaped();
    if (!node.problem.isEmpty())
        tip << TopologyView::tr("none of its answers could be read: %1").arg(node.problem.toHtmlEscaped());
    setToolTip(tip.join(QStringLiteral("<br>")));
}

QRectF TopologyNodeItem::boundingRect() const
{
    return QRectF(-m_size.width() / 2 - 3, -m_size.height() / 2 - 3, m_size.width() + 6, m_size.height() + 6);
}

void TopologyNodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = palette();
    const QRectF box(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height());
    p->setRenderHint(QPainter::Antialiasing);
    QColor fill = m_node.kind == TopologyNodeKind::Asked ? pal.color(QPalette::Button) : pal.color(QPalette::Base);
    QPen border(pal.color(QPalette::Text), m_node.kind == TopologyNodeKind::Asked ? 1.6 : 1.2);
    if (m_node.kind == TopologyNodeKind::Inventory)
        border.setStyle(Qt::DashLine);
    if (m_node.kind == TopologyNodeKind::External)
        border.setColor(pal.color(QPalette::Disabled, QPalette::Text));
    if (!m_node.problem.isEmpty()) {
        border = QPen(TopologyView::stateColor(TopologyState::Unknown), 2.2, Qt::DotLine);
        fill = StateColors::background(StateColors::Tone::Unknown);
    }
    if (option->state & QStyle::State_Selected)
        border = QPen(pal.color(QPalette::Highlight), 2.6);
    p->setPen(border);
    p->setBrush(fill);
    p->drawRoundedRect(box, 6, 6);
    const QFontMetricsF big(m_font);
    QRectF top = box.adjusted(6, 5, -6, 0);
    top.setHeight(big.height());
    p->setFont(m_font);
    p->setPen(pal.color(m_node.kind == TopologyNodeKind::External ? QPalette::Disabled : QPalette::Normal, QPalette::Text));
    if (m_node.kind == TopologyNodeKind::External)
        p->setPen(pal.color(QPalette::Text));
    p->drawText(top, Qt::AlignCenter, m_node.label);
    QRectF bottom = box.adjusted(6, 5 + big.height(), -6, -4);
    p->setFont(m_small);
    p->setPen(!m_node.problem.isEmpty() ? TopologyView::stateColor(TopologyState::Unknown)
                                        : pal.color(QPalette::PlaceholderText));
    p->drawText(bottom, Qt::AlignCenter, m_subtitle);
}

QVariant TopologyNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (TopologyEdgeItem *e : std::as_const(m_edges))
            e->updatePath();
    return QGraphicsItem::itemChange(change, value);
}

// ---- edge ---------------------------------------------------------------------------------------

TopologyEdgeItem::TopologyEdgeItem(const TopologyEdge &edge, TopologyNodeItem *a, TopologyNodeItem *b, int lane,
                                   const QFont &font)
    : m_edge(edge), m_a(a), m_b(b), m_bend(lane * LaneSpacing)
{
    const bool link = edge.kind == TopologyEdgeKind::Link;
    QPen pen(TopologyView::stateColor(edge.state), link ? LinkWidth : SessionWidth);
    pen.setCapStyle(Qt::RoundCap);
    if (edge.state == TopologyState::Unknown)
        pen.setDashPattern(link ? QList<qreal>{0.6, 1.8} : QList<qreal>{0.8, 2.4}); // dotted: nobody could say
    setPen(pen);
    setZValue(link ? 1 : 0.5);
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    QFont small(font);
    small.setPointSizeF(font.pointSizeF() * 0.82);
    if (link) {
        if (!edge.a.interfaceName.isEmpty())
            m_labels << new TagItem(shortInterface(edge.a.interfaceName), small, this);
        else
            m_labels << nullptr;
        if (!edge.b.interfaceName.isEmpty())
            m_labels << new TagItem(shortInterface(edge.b.interfaceName), small, this);
        else
            m_labels << nullptr;
    } else {
        m_labels << new TagItem(familyTag(edge), small, this);
    }

    // What hovering tells: the AS numbers and state of each end.
    QStringList tip;
    auto name = [](const TopologyEnd &e) { return e.node.startsWith(QLatin1String("external:")) ? QString() : e.node; };
    if (link) {
        tip << (edge.connectionId.isEmpty() ? TopologyView::tr("<b>Link</b>: %1").arg(stateWord(edge.state))
                                            : TopologyView::tr("<b>Link</b> of connection %1: %2").arg(edge.connectionId, stateWord(edge.state)));
        for (const TopologyEnd *e : {&edge.a, &edge.b})
            tip << QStringLiteral("%1 %2: %3").arg(name(*e), e->interfaceName, e->stateText.toHtmlEscaped());
        if (!edge.connectionId.isEmpty())
            tip << TopologyView::tr("Click to diagnose the connection.");
    } else {
        tip << TopologyView::tr("<b>BGP session</b> %1: %2").arg(edge.addressFamily, stateWord(edge.state));
        for (const TopologyEnd *e : {&edge.a, &edge.b})
            tip << QStringLiteral("%1 %2 %3: %4")
                       .arg(e->as >= 0 ? QStringLiteral("AS %1").arg(e->as) : TopologyView::tr("AS ?"), name(*e), e->address,
                            e->stateText.toHtmlEscaped());
        if (!edge.connectionId.isEmpty())
            tip << TopologyView::tr("connection %1").arg(edge.connectionId);
    }
    setToolTip(tip.join(QStringLiteral("<br>")));
    a->addEdge(this);
    b->addEdge(this);
    updatePath();
}

void TopologyEdgeItem::updatePath()
{
    const QPointF ca = m_a->pos(), cb = m_b->pos();
    QPointF d = cb - ca;
    const qreal len = std::hypot(d.x(), d.y());
    if (len < 1e-3) {
        setPath({});
        return;
    }
    const QPointF normal(-d.y() / len, d.x() / len);
    // An edge whose straight line would cross another box bows around it, on the side where
    // it crosses fewer boxes (upwards, or leftwards, when that is a tie). Every edge of one pair
    // of nodes bows the same way, its lane on top.
    QList<QRectF> obstacles;
    if (scene()) {
        const QRectF span = QRectF(ca, cb).normalized().adjusted(-2, -2, 2, 2);
        for (QGraphicsItem *it : scene()->items(span))
            if (it->type() == NodeType && it != m_a && it != m_b)
                obstacles << it->sceneBoundingRect().adjusted(-8, -8, 8, 8);
    }
    qreal bow = 0;
    const QLineF chord(ca, cb);
    for (const QRectF &r : std::as_const(obstacles)) {
        const QLineF sides[] = {{r.topLeft(), r.topRight()}, {r.topRight(), r.bottomRight()},
                                {r.bottomRight(), r.bottomLeft()}, {r.bottomLeft(), r.topLeft()}};
        for (const QLineF &side : sides) {
            if (chord.intersects(side, nullptr) == QLineF::BoundedIntersection) {
                bow = std::max(bow, r.height() + 2 * std::abs(QPointF::dotProduct(r.center() - ca, normal)) + 24);
                break;
            }
        }
    }
    auto curve = [&](qreal bend) {
        const QPointF control = (ca + cb) / 2 + normal * (2 * bend); // a quadratic curve peaks at half its control offset
        QPainterPath p(clipToBox(ca, control, m_a->size()));
        p.quadTo(control, clipToBox(cb, control, m_b->size()));
        return p;
    };
    // The bow's side in one orientation for the pair (from the smaller node id).
    const qreal pairSign = m_edge.a.node <= m_edge.b.node ? 1 : -1;
    const QPointF pairNormal = normal * pairSign;
    qreal preferred = (std::abs(pairNormal.y()) > 1e-3 ? (pairNormal.y() < 0 ? 1 : -1) : (pairNormal.x() < 0 ? 1 : -1));
    if (bow > 0) {
        auto crossings = [&](qreal sign) {
            QPainterPathStroker stroker;
            stroker.setWidth(4);
            const QPainterPath stroke = stroker.createStroke(curve(sign * pairSign * bow + m_bend));
            int n = 0;
            for (const QGraphicsItem *it : scene()->items())
                if (it->type() == NodeType && it != m_a && it != m_b && stroke.intersects(it->sceneBoundingRect()))
                    ++n;
            return n;
        };
        const int mine = crossings(preferred), other = crossings(-preferred);
        if (other < mine)
            preferred = -preferred;
    }
    const QPainterPath path = curve(preferred * pairSign * bow + m_bend);
    setPath(path);
    if (m_edge.kind == TopologyEdgeKind::Link) {
        // Each end's interface near that end, clear of the middle where the sessions' tags sit.
        const qreal length = path.length();
        for (int i = 0; i < 2; ++i) {
            if (!m_labels.value(i))
                continue;
            // Far enough along the line that the label's box clears the node's.
            const qreal angle = qDegreesToRadians(path.angleAtPercent(i == 0 ? 0 : 1));
            const QRectF box = m_labels[i]->boundingRect();
            const qreal extent = std::abs(std::cos(angle)) * box.width() / 2 + std::abs(std::sin(angle)) * box.height() / 2;
            const qreal at = std::min(extent + LabelDistance / 3, length * 0.3);
            m_labels[i]->setPos(path.pointAtPercent(path.percentAtLength(i == 0 ? at : length - at)));
        }
    } else if (m_labels.value(0)) {
        m_labels[0]->setPos(path.pointAtPercent(0.5));
    }
}

QPointF TopologyEdgeItem::midpoint() const
{
    return path().pointAtPercent(0.5);
}

QStringList TopologyEdgeItem::labels() const
{
    QStringList out;
    for (QGraphicsItem *l : m_labels)
        if (l)
            out << static_cast<TagItem *>(l)->text();
    return out;
}

QPainterPath TopologyEdgeItem::shape() const
{
    QPainterPathStroker s;
    s.setWidth(12);
    return s.createStroke(path());
}

void TopologyEdgeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    p->setBrush(Qt::NoBrush);
    if (option->state & QStyle::State_Selected) {
        QColor halo = palette().color(QPalette::Highlight);
        halo.setAlpha(110);
        p->setPen(QPen(halo, pen().widthF() + 7, Qt::SolidLine, Qt::RoundCap));
        p->drawPath(path());
    }
    p->setPen(pen());
    p->drawPath(path());
}

void TopologyEdgeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsPathItem::mousePressEvent(event);
    if (event->button() == Qt::LeftButton && m_onClick)
        m_onClick(m_edge);
}

// ---- the view -----------------------------------------------------------------------------------

QColor TopologyView::stateColor(TopologyState state)
{
    switch (state) {
    case TopologyState::Up: return StateColors::foreground(StateColors::Tone::Good);
    case TopologyState::Down: return StateColors::foreground(StateColors::Tone::Bad);
    case TopologyState::Unknown: break;
    }
    return StateColors::foreground(StateColors::Tone::Unknown);
}

// Long on purpose: tool bar, scene and details pane wired together; the actions need their widgets.
TopologyView::TopologyView(RouterDataService *service, const ClientIdentity &client, QWidget *parent)
    : QWidget(parent), m_service(service), m_client(client), m_status(new QLabel(this)), m_legend(new QLabel(this)),
      m_split(new QSplitter(Qt::Horizontal, this)), m_scene(new QGraphicsScene(this)), m_view(new MapView(m_scene, this)),
      m_detailsTitle(new QLabel(this)), m_detailsText(new QLabel(this)), m_diagnose(new QPushButton(tr("&Diagnose connection"), this))
{
    setObjectName(QStringLiteral("topologyView"));
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh = bar->addAction(QIcon(QStringLiteral(":/icons/run.svg")), tr("&Refresh"), this, &TopologyView::refresh);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Ask the routers again (F5)"));
    auto *fit = bar->addAction(tr("&Fit"), this, &TopologyView::fitToView);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setToolTip(tr("Fit the map to the window (Ctrl+0)"));
    auto *in = bar->addAction(tr("Zoom &in"), this, &TopologyView::zoomIn);
    in->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    auto *out = bar->addAction(tr("Zoom &out"), this, &TopologyView::zoomOut);
    out->setShortcuts(QKeySequence::ZoomOut);
    // The shortcuts work wherever the focus is in the map's window, not only on the tool bar.
    for (QAction *a : {m_refresh, fit, in, out}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    bar->addSeparator();
    m_legend->setObjectName(QStringLiteral("topologyLegend"));
    bar->addWidget(m_legend);
    m_status->setObjectName(QStringLiteral("topologyStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setObjectName(QStringLiteral("topologyMap"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRenderHint(QPainter::TextAntialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_view->setResizeAnchor(QGraphicsView::AnchorViewCenter);
    m_view->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    auto *map = static_cast<MapView *>(m_view);
    map->onZoom = [this] { m_userZoomed = true; };
    map->onResize = [this] {
        if (!m_userZoomed)
            fitToView();
    };
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QList<QGraphicsItem *> sel = m_scene->selectedItems();
        if (sel.size() == 1 && sel.first()->type() == NodeType)
            onNodeClicked(static_cast<TopologyNodeItem *>(sel.first())->node().id);
    });

    auto *details = new QWidget(this);
    details->setObjectName(QStringLiteral("topologyDetails"));
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(6, 0, 0, 0);
    m_detailsTitle->setObjectName(QStringLiteral("topologyDetailsTitle"));
    m_detailsTitle->setWordWrap(true);
    m_detailsText->setWordWrap(true);
    m_detailsText->setTextFormat(Qt::RichText);
    m_detailsText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_diagnose->setObjectName(QStringLiteral("topologyDiagnose"));
    m_diagnose->setVisible(false);
    connect(m_diagnose, &QPushButton::clicked, this, [this] {
        if (!m_diagnoseId.isEmpty())
            Q_EMIT diagnoseConnectionRequested(m_diagnoseId);
    });
    dl->addWidget(m_detailsTitle);
    dl->addWidget(m_detailsText);
    dl->addWidget(m_diagnose, 0, Qt::AlignLeft);
    for (int i = 0; i < 2; ++i) {
        m_tableTitles[i] = new QLabel(details);
        m_models[i] = new RecordTableModel(this);
        m_tables[i] = new QTableView(details);
        m_tables[i]->setObjectName(QStringLiteral("topologyRows%1").arg(i));
        m_tables[i]->setModel(m_models[i]);
        m_tables[i]->verticalHeader()->hide();
        m_tables[i]->setWordWrap(false);
        m_tables[i]->setAlternatingRowColors(true);
        m_tables[i]->horizontalHeader()->setStretchLastSection(true);
        m_tables[i]->verticalHeader()->setDefaultSectionSize(m_tables[i]->fontMetrics().height() + 6);
        dl->addWidget(m_tableTitles[i]);
        dl->addWidget(m_tables[i], 1);
        m_tableTitles[i]->hide();
        m_tables[i]->hide();
    }
    dl->addStretch(0);
    m_detailsTitle->setText(tr("Click a link or a session to see both ends' rows; clicking a connection's link also opens its diagnosis."));

    m_split->addWidget(m_view);
    m_split->addWidget(details);
    details->hide(); // the map gets the room until something is clicked
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({900, 380});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(bar);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_status);

    if (m_service) {
        connect(m_service, &RouterDataService::responseReady, this, &TopologyView::onResponse);
        connect(m_service, &RouterDataService::inventoryChanged, this, &TopologyView::onInventoryChanged);
    }
    updateStatus();
}

TopologyView::~TopologyView()
{
    // The scene is a child: QWidget's destructor deletes it after this one has run, and clearing
    // its items emits selectionChanged into a TopologyView that no longer exists (UBSan: member
    // access within an object that is only a QWidget now).
    disconnect(m_scene, nullptr, this, nullptr);
    if (m_service)
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            m_service->cancel(it.key());
}

QString TopologyView::title() const
{
    if (!m_customer.isEmpty())
        return tr("Topology · customer %1").arg(m_customer);
    return m_routers.size() == 1 ? tr("Topology · %1").arg(m_routers.first())
                                 : tr("Topology · %n routers", nullptr, int(m_routers.size()));
}

void TopologyView::showRouters(const QStringList &routers)
{
    ask(routers, {}, 0);
}

void TopologyView::showCustomer(const QString &customer)
{
    if (!m_service)
        return;
    const QList<Connection> connections = m_service->visibleConnections(m_client);
    QList<Router> routers;
    for (const QString &name : m_service->visibleRouters(m_client))
        if (const Router *r = m_service->inventory().router(name))
            routers << *r;
    ask(TopologyBuilder::customerRouters(customer, connections, routers), customer, 0);
}

void TopologyView::refresh()
{
    if (!m_routers.isEmpty())
        ask(m_routers, m_customer, 0);
}

void TopologyView::ask(const QStringList &routers, const QString &customer, qint64 maxAgeSeconds)
{
    m_routers = routers;
    m_customer = customer;
    setWindowTitle(title());
    if (!m_service)
        return;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        m_service->cancel(it.key());
    m_pending.clear();
    m_input = TopologyInput{};
    m_input.routers = routers;
    m_input.customer = customer;
    // Only what this client may see: a customer's map shows none of the other customers.
    for (const QString &name : m_service->visibleRouters(m_client))
        if (const Router *r = m_service->inventory().router(name))
            m_input.inventory << *r;
    m_input.connections = m_service->visibleConnections(m_client);
    if (routers.isEmpty()) {
        rebuild();
        updateStatus();
        Q_EMIT graphReady();
        return;
    }
    static int counter = 0;
    QList<Request> requests;
    for (QueryKind kind : TopologyBuilder::queries()) {
        Request r;
        r.id = QStringLiteral("topology-%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
        r.client = m_client;
        r.routers = routers;
        r.kind = kind;
        r.maxAgeSeconds = maxAgeSeconds;
        r.urgency = Urgency::Interactive;
        m_pending.insert(r.id, kind);
        requests << r;
    }
    rebuild(); // the routers at once, their edges as answers come
    updateStatus();
    for (const Request &r : std::as_const(requests))
        m_service->submit(r); // may answer at once (a refused request): pending is set already
}

void TopologyView::onInventoryChanged()
{
    if (!m_service || (m_routers.isEmpty() && m_customer.isEmpty()))
        return;
    QStringList routers;
    if (!m_customer.isEmpty()) {
        QList<Router> visible;
        for (const QString &name : m_service->visibleRouters(m_client))
            if (const Router *r = m_service->inventory().router(name))
                visible << *r;
        routers = TopologyBuilder::customerRouters(m_customer, m_service->visibleConnections(m_client), visible);
    } else {
        const QStringList visible = m_service->visibleRouters(m_client);
        for (const QString &name : std::as_const(m_routers))
            if (visible.contains(name))
                routers << name;
    }
    const bool onlyFewer = std::all_of(routers.cbegin(), routers.cend(), [this](const QString &r) { return m_routers.contains(r); });
    if (!onlyFewer) {
        // A router the map has no answers for: ask them all again, from the store when fresh.
        ask(routers, m_customer, ReuseAnswersSeconds);
        return;
    }
    // The same routers or fewer: their answers stand; hosts, platforms and connections are new.
    m_routers = routers;
    m_input.routers = routers;
    for (auto it = m_input.answers.begin(); it != m_input.answers.end();)
        it = routers.contains(it.key()) ? std::next(it) : m_input.answers.erase(it);
    m_input.inventory.clear();
    for (const QString &name : m_service->visibleRouters(m_client))
        if (const Router *r = m_service->inventory().router(name))
            m_input.inventory << *r;
    m_input.connections = m_service->visibleConnections(m_client);
    setWindowTitle(title());
    rebuild();
    updateStatus();
}

void TopologyView::onResponse(const Response &response)
{
    const auto it = m_pending.constFind(response.requestId);
    if (it == m_pending.cend())
        return;
    const QueryKind kind = it.value();
    m_pending.erase(it);
    for (const RouterResult &part : response.results) {
        if (!m_routers.contains(part.router))
            continue; // left the inventory while it was asked
        TopologyAnswers &a = m_input.answers[part.router];
        switch (kind) {
        case QueryKind::LldpNeighbors: a.lldp = part; break;
        case QueryKind::BgpStatus: a.bgp = part; break;
        case QueryKind::LinkStatus: a.links = part; break;
        case QueryKind::ArpTable: a.arp = part; break;
        default: break;
        }
    }
    if (response.error.isError()) {
        // Refused as a whole (forbidden, throttled, invalid): each router's answer is that error.
        for (const QString &router : std::as_const(m_routers)) {
            RouterResult r;
            r.router = router;
            r.records = RecordSet(kind);
            r.error = response.error;
            TopologyAnswers &a = m_input.answers[router];
            RouterResult &slot = kind == QueryKind::LldpNeighbors ? a.lldp : kind == QueryKind::BgpStatus ? a.bgp
                               : kind == QueryKind::LinkStatus  ? a.links : a.arp;
            if (slot.router.isEmpty())
                slot = r;
        }
    }
    rebuild();
    updateStatus();
    if (m_pending.isEmpty())
        Q_EMIT graphReady();
}

void TopologyView::rebuild()
{
    const TopologyGraph g = TopologyBuilder::build(m_input);
    QStringList before, after;
    for (const TopologyNode &n : m_graph.nodes)
        before << n.id;
    for (const TopologyNode &n : g.nodes)
        after << n.id;
    m_graph = g;
    // The same routers as before keep the places the person may have dragged them to.
    draw(before == after);
}

void TopologyView::setGraph(const TopologyGraph &graph)
{
    m_graph = graph;
    m_positions.clear();
    m_fitted = false;
    draw(false);
    updateStatus();
}

void TopologyView::draw(bool keepPositions)
{
    if (keepPositions)
        for (TopologyNodeItem *n : nodeItems())
            m_positions.insert(n->node().id, n->pos());
    m_scene->clear();
    m_scene->setBackgroundBrush(palette().color(QPalette::Base));
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.1); // the map is usually seen scaled down a little
    QHash<QString, TopologyNodeItem *> items;
    QHash<QString, QSizeF> sizes;
    for (const TopologyNode &n : std::as_const(m_graph.nodes)) {
        auto *item = new TopologyNodeItem(n, font);
        items.insert(n.id, item);
        sizes.insert(n.id, item->size());
        m_scene->addItem(item);
    }
    const QHash<QString, QPointF> laid = TopologyLayout::place(m_graph, sizes);
    for (auto it = items.cbegin(); it != items.cend(); ++it)
        it.value()->setPos(keepPositions && m_positions.contains(it.key()) ? m_positions.value(it.key()) : laid.value(it.key()));
    // Parallel edges of one pair of nodes side by side: links in the middle, sessions on
    // alternate sides (lanes 0, +1, -1, +2, ...).
    QHash<QString, QList<int>> lanes;
    for (int i = 0; i < m_graph.edges.size(); ++i) {
        const TopologyEdge &e = m_graph.edges[i];
        const QString key = e.a.node < e.b.node ? e.a.node + QLatin1Char('\n') + e.b.node : e.b.node + QLatin1Char('\n') + e.a.node;
        lanes[key] << i;
    }
    for (auto it = lanes.cbegin(); it != lanes.cend(); ++it) {
        const QList<int> &idx = it.value();
        for (int k = 0; k < idx.size(); ++k) {
            const TopologyEdge &e = m_graph.edges[idx[k]];
            TopologyNodeItem *a = items.value(e.a.node), *b = items.value(e.b.node);
            if (!a || !b)
                continue;
            // Lanes measured in one orientation for the pair, so that they do not cross.
            const int side = (k % 2 == 1) ? 1 : -1;
            int lane = k == 0 ? 0 : side * ((k + 1) / 2);
            if (e.a.node > e.b.node)
                lane = -lane;
            auto *item = new TopologyEdgeItem(e, a, b, lane, font);
            m_scene->addItem(item);
            item->updatePath(); // now that it can see the other boxes
            item->setClickHandler([this](const TopologyEdge &edge) { onEdgeClicked(edge); });
        }
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40));

    const auto hex = [](TopologyState s) { return stateColor(s).name(); };
    m_legend->setText(tr("<span style='color:%1'>━━</span> up &nbsp; <span style='color:%2'>━━</span> down &nbsp; "
                         "<span style='color:%3'>┅┅</span> unknown (could not be read) &nbsp;·&nbsp; thick: link, "
                         "thin arc: BGP session &nbsp;·&nbsp; dashed box: not asked, grey: outside the inventory")
                          .arg(hex(TopologyState::Up), hex(TopologyState::Down), hex(TopologyState::Unknown)));
    if (!m_selected.isEmpty()) {
        if (TopologyEdgeItem *e = edgeItem(m_selected)) {
            e->setSelected(true);
            showDetails(e->edge());
        }
    }
    // A new picture is fitted to the window, unless the person has zoomed in on one.
    if (!m_fitted || (!keepPositions && !m_userZoomed)) {
        fitToView();
        m_fitted = true;
    }
}

QList<TopologyNodeItem *> TopologyView::nodeItems() const
{
    QList<TopologyNodeItem *> out;
    for (QGraphicsItem *i : m_scene->items(Qt::AscendingOrder))
        if (i->type() == NodeType)
            out << static_cast<TopologyNodeItem *>(i);
    return out;
}

QList<TopologyEdgeItem *> TopologyView::edgeItems() const
{
    QList<TopologyEdgeItem *> out;
    for (QGraphicsItem *i : m_scene->items(Qt::AscendingOrder))
        if (i->type() == TopologyEdgeItem::Type)
            out << static_cast<TopologyEdgeItem *>(i);
    return out;
}

TopologyEdgeItem *TopologyView::edgeItem(const QString &edgeId) const
{
    for (TopologyEdgeItem *e : edgeItems())
        if (e->edge().id == edgeId)
            return e;
    return nullptr;
}

TopologyNodeItem *TopologyView::nodeItem(const QString &nodeId) const
{
    for (TopologyNodeItem *n : nodeItems())
        if (n->node().id == nodeId)
            return n;
    return nullptr;
}

RecordTableModel *TopologyView::detailsModel(int index) const
{
    return index >= 0 && index < 2 ? m_models[index] : nullptr;
}

void TopologyView::zoomIn()
{
    m_view->scale(ZoomStep, ZoomStep);
    m_userZoomed = true;
}

void TopologyView::zoomOut()
{
    m_view->scale(1 / ZoomStep, 1 / ZoomStep);
    m_userZoomed = true;
}

void TopologyView::fitToView()
{
    const QRectF r = m_scene->sceneRect();
    if (r.isEmpty())
        return;
    m_userZoomed = false;
    m_view->fitInView(r, Qt::KeepAspectRatio);
    // A small map is not blown up past its natural size.
    if (m_view->transform().m11() > 1.0)
        m_view->resetTransform();
    m_view->centerOn(r.center());
}

void TopologyView::selectEdge(const QString &edgeId)
{
    if (TopologyEdgeItem *e = edgeItem(edgeId)) {
        m_scene->clearSelection();
        e->setSelected(true);
        m_selected = edgeId;
        showDetails(e->edge());
    }
}

void TopologyView::onEdgeClicked(const TopologyEdge &edge)
{
    m_selected = edge.id;
    showDetails(edge);
    // A link of an inventory connection: diagnose that connection, both ends, every layer.
    if (edge.kind == TopologyEdgeKind::Link && !edge.connectionId.isEmpty())
        Q_EMIT diagnoseConnectionRequested(edge.connectionId);
}

void TopologyView::onNodeClicked(const QString &nodeId)
{
    if (const TopologyNode *n = m_graph.node(nodeId)) {
        m_selected.clear();
        showNodeDetails(*n);
    }
}

void TopologyView::showDetails(const TopologyEdge &edge)
{
    m_split->widget(1)->show();
    const bool session = edge.kind == TopologyEdgeKind::Session;
    const QString state = QStringLiteral("<span style='color:%1'>%2</span>").arg(stateColor(edge.state).name(), stateWord(edge.state));
    m_detailsTitle->setText(session ? tr("<b>BGP session</b> %1 · %2").arg(edge.addressFamily.toHtmlEscaped(), state)
                                    : tr("<b>Link</b> · %1").arg(state));
    QStringList lines{endLine(edge.a, m_graph, session), endLine(edge.b, m_graph, session)};
    if (!edge.connectionId.isEmpty())
        lines << tr("Connection: <b>%1</b>").arg(edge.connectionId.toHtmlEscaped());
    if (session)
        lines << tr("Ends matched by: %1").arg(matchedByText(edge).toHtmlEscaped());
    else
        lines << tr("Seen by: %1").arg(edge.sources.join(QStringLiteral(", ")).toHtmlEscaped());
    m_detailsText->setText(lines.join(QStringLiteral("<br>")));
    m_diagnoseId = edge.connectionId;
    m_diagnose->setVisible(!edge.connectionId.isEmpty());
    m_diagnose->setText(tr("&Diagnose %1").arg(edge.connectionId));

    // Both ends' rows: the sessions, or the interfaces and what LLDP saw on them.
    const QList<QueryKind> kinds = session ? QList<QueryKind>{QueryKind::BgpStatus}
                                           : QList<QueryKind>{QueryKind::LinkStatus, QueryKind::LldpNeighbors};
    for (int i = 0; i < 2; ++i) {
        const bool shown = i < kinds.size();
        m_tables[i]->setVisible(shown);
        m_tableTitles[i]->setVisible(shown);
        if (!shown) {
            m_models[i]->clear();
            continue;
        }
        QList<RouterResult> parts;
        for (const TopologyEnd *end : {&edge.a, &edge.b})
            for (const RouterResult &r : end->evidence)
                if (r.records.kind() == kinds[i])
                    parts << r;
        m_tableTitles[i]->setText(QStringLiteral("<b>%1</b>").arg(queryKindDisplayTitle(kinds[i]).toHtmlEscaped()));
        m_models[i]->setResults(kinds[i], parts);
        m_tables[i]->resizeColumnsToContents();
    }
}

void TopologyView::showNodeDetails(const TopologyNode &node)
{
    m_split->widget(1)->show();
    m_detailsTitle->setText(QStringLiteral("<b>%1</b> · %2").arg(node.label.toHtmlEscaped(),
                                                               node.kind == TopologyNodeKind::Asked ? tr("asked")
                                                               : node.kind == TopologyNodeKind::Inventory ? tr("not asked")
                                                                                                          : tr("outside the inventory")));
    QStringList lines;
    if (!node.platform.isEmpty())
        lines << tr("Platform: %1").arg(node.platform.toHtmlEscaped());
    if (node.as >= 0)
        lines << QStringLiteral("AS %1").arg(node.as);
    if (!node.customer.isEmpty())
        lines << tr("Customer: %1").arg(node.customer.toHtmlEscaped());
    if (!node.addresses.isEmpty())
        lines << tr("Addresses: %1").arg(node.addresses.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!node.detail.isEmpty())
        lines << node.detail.toHtmlEscaped();
    if (!node.problem.isEmpty())
        lines << tr("None of its answers could be read: %1").arg(node.problem.toHtmlEscaped());
    m_detailsText->setText(lines.join(QStringLiteral("<br>")));
    m_diagnose->setVisible(false);
    m_diagnoseId.clear();
    for (int i = 0; i < 2; ++i) {
        m_tables[i]->hide();
        m_tableTitles[i]->hide();
        m_models[i]->clear();
    }
}

void TopologyView::updateStatus()
{
    const int links = m_graph.count(TopologyEdgeKind::Link), sessions = m_graph.count(TopologyEdgeKind::Session);
    int down = 0, unknown = 0;
    for (const TopologyEdge &e : std::as_const(m_graph.edges)) {
        down += e.state == TopologyState::Down;
        unknown += e.state == TopologyState::Unknown;
    }
    QString text = tr("%n node(s)", nullptr, int(m_graph.nodes.size())) + QStringLiteral(" · ")
        + tr("%n link(s)", nullptr, links) + QStringLiteral(" · ") + tr("%n BGP session(s)", nullptr, sessions)
        + QStringLiteral(" · ") + tr("%1 down, %2 unknown").arg(down).arg(unknown);
    if (!m_pending.isEmpty())
        text += QStringLiteral(" · ") + tr("waiting for %n answer(s)…", nullptr, int(m_pending.size()));
    m_status->setText(text);
}

void TopologyView::changeEvent(QEvent *event)
{
    // The colours follow the palette (a dark desktop theme): draw again with the new one.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        draw(true);
    QWidget::changeEvent(event);
}

} // namespace rl
