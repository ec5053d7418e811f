#include "ui/widgets/topology_layout.h"

#include <QMap>
#include <QRectF>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rl {
namespace {

constexpr int RowCount = 4; // externals above, providers, customers, externals below

// Positions as close to `desired` as the order and the spacing allow (pool adjacent violators:
// with x_i = y_i + offset_i the spacing constraints say y is non-decreasing, and the closest
// non-decreasing y is found block by block).
// gaps[i]: the room between node i - 1 and node i.
QList<qreal> spread(const QList<qreal> &desired, const QList<qreal> &widths, const QList<qreal> &gaps)
{
    const qsizetype n = desired.size();
    QList<qreal> offset(n, 0);
    for (qsizetype i = 1; i < n; ++i)
        offset[i] = offset[i - 1] + (widths[i - 1] + widths[i]) / 2 + gaps[i];
    struct Block {
        qreal sum;
        int count;
        qreal mean() const { return sum / count; }
    };
    QList<Block> blocks;
    for (qsizetype i = 0; i < n; ++i) {
        blocks.append({desired[i] - offset[i], 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.last().mean()) {
            const Block last = blocks.takeLast();
            blocks.last().sum += last.sum;
            blocks.last().count += last.count;
        }
    }
    QList<qreal> out;
    out.reserve(n);
    for (const Block &b : std::as_const(blocks))
        for (int k = 0; k < b.count; ++k)
            out.append(b.mean() + offset[out.size()]);
    return out;
}

struct Component {
    QStringList nodes;
    QList<QStringList> rows{RowCount};
};

} // namespace

// Long on purpose: its stages (parts, layers, shelves) share the adjacency built at the top.
QHash<QString, QPointF> TopologyLayout::place(const TopologyGraph &graph, const QHash<QString, QSizeF> &sizes,
                                              const Options &o)
{
    auto size = [&](const QString &id) { return sizes.value(id, QSizeF(120, 40)); };
    QHash<QString, QStringList> adjacent;
    for (const TopologyEdge &e : graph.edges) {
        if (e.a.node == e.b.node)
            continue;
        if (!adjacent[e.a.node].contains(e.b.node))
            adjacent[e.a.node] << e.b.node;
        if (!adjacent[e.b.node].contains(e.a.node))
            adjacent[e.b.node] << e.a.node;
    }
    for (auto &list : adjacent)
        list.sort();

    // Separate parts of the graph, in the graph's node order (asked routers first).
    QList<Component> components;
    QSet<QString> seen;
    for (const TopologyNode &n : graph.nodes) {
        if (seen.contains(n.id))
            continue;
        Component c;
        QStringList queue{n.id};
        seen.insert(n.id);
        while (!queue.isEmpty()) {
            const QString id = queue.takeFirst();
            c.nodes << id;
            for (const QString &m : adjacent.value(id))
                if (!seen.contains(m)) {
                    seen.insert(m);
                    queue << m;
                }
        }
        components << c;
    }

    QHash<QString, int> rowOf;
    for (const TopologyNode &n : graph.nodes) {
        int row = 1;
        if (n.side == TopologySide::Customer)
            row = 2;
        else if (n.kind == TopologyNodeKind::External && n.side == TopologySide::Unknown) {
            // Above a provider, below a customer: next to the router that sees it.
            bool onlyCustomers = true, any = false;
            for (const QString &m : adjacent.value(n.id)) {
                const TopologyNode *peer = graph.node(m);
                if (!peer || peer->kind == TopologyNodeKind::External)
                    continue;
                any = true;
                onlyCustomers = onlyCustomers && peer->side == TopologySide::Customer;
            }
            row = any && onlyCustomers ? 3 : 0;
        }
        rowOf.insert(n.id, row);
    }

    // Each part laid out on its own, its top-left corner at (0, 0).
    QList<QHash<QString, QPointF>> parts;
    QList<QSizeF> extents;
    for (Component &c : components) {
        QStringList sorted = c.nodes;
        sorted.sort();
        for (const QString &id : std::as_const(sorted))
            c.rows[rowOf.value(id, 1)] << id;
        QHash<QString, qreal> x;
        // The mean position of a node's neighbours in the given rows, or its own when it has none there.
        auto pull = [&](const QString &id, std::initializer_list<int> rows, qreal own) {
            qreal sum = 0;
            int count = 0;
            for (const QString &m : adjacent.value(id)) {
                if (!x.contains(m) || std::find(rows.begin(), rows.end(), rowOf.value(m)) == rows.end())
                    continue;
                sum += x.value(m);
                ++count;
            }
            return count ? sum / count : own;
        };
        auto placeRow = [&](int row, std::initializer_list<int> towards) {
            QStringList &ids = c.rows[row];
            if (ids.isEmpty())
                return;
            QList<std::pair<qreal, QString>> wanted;
            qreal fallback = 0;
            for (const QString &id : std::as_const(ids)) {
                const qreal own = x.contains(id) ? x.value(id) : fallback;
                const qreal d = pull(id, towards, own);
                wanted.append({d, id});
                fallback = d + size(id).width() + o.nodeGap;
            }
            std::stable_sort(wanted.begin(), wanted.end(), [](const auto &p, const auto &q) { return p.first < q.first; });
            QList<qreal> desired, widths, gaps;
            ids.clear();
            for (const auto &[d, id] : std::as_const(wanted)) {
                // Two neighbours joined by an edge get room for its two interface labels.
                gaps << (!ids.isEmpty() && adjacent.value(id).contains(ids.last()) ? o.linkedGap : o.nodeGap);
                ids << id;
                desired << d;
                widths << size(id).width();
            }
            const QList<qreal> placed = spread(desired, widths, gaps);
            for (qsizetype i = 0; i < ids.size(); ++i)
                x[ids[i]] = placed[i];
        };
        // The core row first, then the rows hanging from it, then each row towards all its
        // neighbours, twice: rows settle under the nodes they connect to.
        placeRow(1, {});
        placeRow(2, {1});
        placeRow(0, {1});
        placeRow(3, {2});
        for (int pass = 0; pass < 2; ++pass) {
            placeRow(2, {1, 3});
            placeRow(1, {0, 2});
            placeRow(0, {1});
            placeRow(3, {2});
        }
        qreal minX = 0, maxX = 0;
        bool first = true;
        for (const QStringList &ids : std::as_const(c.rows)) {
            for (const QString &id : ids) {
                const qreal w = size(id).width() / 2;
                minX = first ? x[id] - w : std::min(minX, x[id] - w);
                maxX = first ? x[id] + w : std::max(maxX, x[id] + w);
                first = false;
            }
        }
        QHash<QString, QPointF> part;
        qreal top = 0, bottom = 0;
        for (const QStringList &ids : std::as_const(c.rows)) {
            if (ids.isEmpty())
                continue;
            qreal height = 0;
            for (const QString &id : ids)
                height = std::max(height, size(id).height());
            for (const QString &id : ids)
                part.insert(id, QPointF(x[id] - minX, top + height / 2));
            bottom = top + height;
            top += height + o.rowGap;
        }
        parts << part;
        extents << QSizeF(maxX - minX, bottom);
    }

    // Parts on shelves, left to right, a new shelf when the picture would get much wider than
    // high (a map is looked at in a window, not on a strip).
    qreal area = 0, widest = 0;
    for (const QSizeF &e : std::as_const(extents)) {
        area += (e.width() + o.componentGap) * (e.height() + o.componentGap);
        widest = std::max(widest, e.width());
    }
    const qreal shelfWidth = std::max(widest, std::sqrt(area * 1.5));
    QHash<QString, QPointF> out;
    qreal left = 0, top = 0, shelfHeight = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QSizeF e = extents[i];
        if (left > 0 && left + e.width() > shelfWidth) {
            left = 0;
            top += shelfHeight + o.componentGap;
            shelfHeight = 0;
        }
        for (auto it = parts[i].cbegin(); it != parts[i].cend(); ++it)
            out.insert(it.key(), it.value() + QPointF(left, top));
        left += e.width() + o.componentGap;
        shelfHeight = std::max(shelfHeight, e.height());
    }
    return out;
}

} // namespace rl
