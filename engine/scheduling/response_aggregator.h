#pragma once

#include "engine/api/request.h"

#include <QHash>
#include <QString>

#include <optional>

namespace rl {

// Joins the per-router parts of multi-router requests into one Response each, in the
// order the request named the routers. Used from one thread (the service's).
class ResponseAggregator
{
public:
    // Starts a request; its parts are indexed by the position of the router in `routers`.
    void begin(const QString &requestId, QueryKind kind, const QueryParams &params, const QStringList &routers);
    bool contains(const QString &requestId) const { return m_pending.contains(requestId); }
    qsizetype pendingCount() const { return m_pending.size(); }

    // Records a part; a part for a finished or unknown request, or a second part for the
    // same router, is ignored (returns false). `complete` gets the response when it was the last.
    bool add(const QString &requestId, int index, RouterResult part, std::optional<Response> *complete);
    // Parts done / total, or {-1, -1} for an unknown request.
    std::pair<int, int> progress(const QString &requestId) const;
    // Ends a request now: every part not yet answered gets `error`.
    std::optional<Response> finish(const QString &requestId, const Error &error);
    // Routers of a request not yet answered.
    QList<int> openParts(const QString &requestId) const;

private:
    struct Pending {
        Response response;
        QList<bool> done;
        int doneCount = 0;
    };
    QHash<QString, Pending> m_pending;
};

} // namespace rl
