#pragma once

#include "engine/api/request.h"
#include "engine/diagnosis/topology.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QGraphicsView>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace rl {

class RecordTableModel;
class RouterDataService;
class TopologyEdgeItem;

// A router, an inventory router not asked, or an external peer: a box with its name and one
// line on what it is. Movable; its edges follow.
class TopologyNodeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 71 };
    TopologyNodeItem(const TopologyNode &node, const QFont &font);
    int type() const override { return Type; }
    const TopologyNode &node() const { return m_node; }
    QSizeF size() const { return m_size; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void addEdge(TopologyEdgeItem *edge) { m_edges << edge; }
    QString subtitle() const { return m_subtitle; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    TopologyNode m_node;
    QFont m_font;
    QFont m_small;
    QString m_subtitle;
    QSizeF m_size;
    QList<TopologyEdgeItem *> m_edges;
};

// A link (thick) or a BGP session (thin arc) between two nodes, coloured by its state; unknown
// is dotted. Its interface labels (links) or family tag (sessions) are its children.
class TopologyEdgeItem final : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 73 };
    TopologyEdgeItem(const TopologyEdge &edge, TopologyNodeItem *a, TopologyNodeItem *b, int lane,
                     const QFont &font);
    int type() const override { return Type; }
    const TopologyEdge &edge() const { return m_edge; }
    void updatePath();
    QPointF midpoint() const;
    QPainterPath shape() const override; // wider than the pen: easy to click
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void setClickHandler(std::function<void(const TopologyEdge &)> handler) { m_onClick = std::move(handler); }
    QStringList labels() const; // the texts of its labels

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    TopologyEdge m_edge;
    TopologyNodeItem *m_a;
    TopologyNodeItem *m_b;
    qreal m_bend;
    QList<QGraphicsItem *> m_labels; // a's label, b's label (links) or the family tag (sessions)
    std::function<void(const TopologyEdge &)> m_onClick;
};

// The topology map of some routers (or of a customer's connections): asks LLDP, BGP,
// interfaces and ARP/ND through RouterDataService as the client the window is, builds the
// graph in the engine (TopologyBuilder) as answers arrive, and draws it. Click a link of a
// connection to diagnose it; click any edge for both ends' rows.
class TopologyView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)

public:
    // service may be null: the view then only draws the graphs it is given (setGraph).
    TopologyView(RouterDataService *service, const ClientIdentity &client, QWidget *parent = nullptr);
    ~TopologyView() override; // cancels what it still waits for

    void showRouters(const QStringList &routers);
    void showCustomer(const QString &customer);
    void refresh();
    // Draws a graph as it is (no routers are asked).
    void setGraph(const TopologyGraph &graph);
    const TopologyGraph &graph() const { return m_graph; }
    bool isComplete() const { return m_pending.isEmpty(); }
    QString title() const;

    QGraphicsView *graphicsView() const { return m_view; }
    QGraphicsScene *scene() const { return m_scene; }
    QList<TopologyNodeItem *> nodeItems() const;
    QList<TopologyEdgeItem *> edgeItems() const;
    TopologyEdgeItem *edgeItem(const QString &edgeId) const;
    TopologyNodeItem *nodeItem(const QString &nodeId) const;
    QString selectedEdge() const { return m_selected; }
    QLabel *detailsTitle() const { return m_detailsTitle; }
    RecordTableModel *detailsModel(int index) const; // 0: sessions / interfaces, 1: LLDP

    // The colour an edge of this state is drawn in (the house colours, StateColors).
    static QColor stateColor(TopologyState state);

    void zoomIn();
    void zoomOut();
    void fitToView();
    void selectEdge(const QString &edgeId); // as a click does, without the diagnose signal

Q_SIGNALS:
    void diagnoseConnectionRequested(const QString &connectionId);
    // Every answer arrived and the map shows them.
    void graphReady();

protected:
    void changeEvent(QEvent *event) override;

private:
    // How old an answer may be when the inventory changed and the map asks again.
    static constexpr qint64 ReuseAnswersSeconds = 300;
    void ask(const QStringList &routers, const QString &customer, qint64 maxAgeSeconds);
    void onResponse(const Response &response);
    // The inventory was replaced (reloaded, edited): the map follows it at once.
    void onInventoryChanged();
    void rebuild();
    void draw(bool keepPositions);
    void onEdgeClicked(const TopologyEdge &edge);
    void onNodeClicked(const QString &nodeId);
    void showDetails(const TopologyEdge &edge);
    void showNodeDetails(const TopologyNode &node);
    void updateStatus();

    QPointer<RouterDataService> m_service;
    ClientIdentity m_client;
    QStringList m_routers;
    QString m_customer;
    TopologyInput m_input;
    QHash<QString, QueryKind> m_pending; // request id -> kind
    TopologyGraph m_graph;
    QHash<QString, QPointF> m_positions;
    QString m_selected;
    bool m_fitted = false;
    bool m_userZoomed = false; // until then the map is fitted to the view whenever it resizes

    QAction *m_refresh;
    QLabel *m_status;
    QLabel *m_legend;
    QSplitter *m_split;
    QGraphicsScene *m_scene;
    QGraphicsView *m_view;
    QLabel *m_detailsTitle;
    QLabel *m_detailsText;
    QPushButton *m_diagnose;
    QString m_diagnoseId;
    QTableView *m_tables[2];
    RecordTableModel *m_models[2];
    QLabel *m_tableTitles[2];
};

} // namespace rl
