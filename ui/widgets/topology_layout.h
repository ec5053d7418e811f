#pragma once

#include "engine/diagnosis/topology.h"

#include <QHash>
#include <QPointF>
#include <QSizeF>

namespace rl {

// Where the nodes of a topology map go: deterministic (same graph, same picture), rows by role
// — the provider routers (and routers of no known side) on one row, the customer routers on
// the row below, external peers above their provider or below their customer — each row
// ordered to follow the row it hangs from, nodes never overlapping. Separate parts of the graph
// sit side by side, on shelves when that keeps the picture closer to a window's shape. Pure: sizes in, centres out.
class TopologyLayout
{
public:
    struct Options {
        qreal rowGap = 170;       // between the bottom of one row and the top of the next
        qreal nodeGap = 100;      // between two nodes of a row
        qreal linkedGap = 190;    // between two nodes of a row that an edge joins (room for its labels)
        qreal componentGap = 140; // between two separate parts of the graph
    };

    // The centre of every node of `graph`; `sizes` gives each node's box (missing: 120 x 40).
    static QHash<QString, QPointF> place(const TopologyGraph &graph, const QHash<QString, QSizeF> &sizes,
                                         const Options &options);
    static QHash<QString, QPointF> place(const TopologyGraph &graph, const QHash<QString, QSizeF> &sizes)
    {
        return place(graph, sizes, Options{});
    }
};

} // namespace rl
