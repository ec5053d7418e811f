#include "engine/scheduling/response_aggregator.h"

namespace rl {

void ResponseAggregator::begin(const QString &requestId, QueryKind kind, const QueryParams &params,
                               const QStringList &routers)
{
    Pending p;
    p.response.requestId = requestId;
    p.response.kind = kind;
    p.response.params = params;
    p.response.results.reserve(routers.size());
    for (const QString &r : routers) {
        RouterResult part;
        part.router = r;
        part.records = RecordSet(kind);
        p.response.results.append(part);
    }
    p.done = QList<bool>(routers.size(), false);
    m_pending.insert(requestId, std::move(p));
}

bool ResponseAggregator::add(const QString &requestId, int index, RouterResult part, std::optional<Response> *complete)
{
    auto it = m_pending.find(requestId);
    if (it == m_pending.end() || index < 0 || index >= it->done.size() || it->done[index])
        return false;
    it->done[index] = true;
    ++it->doneCount;
    it->response.results[index] = std::move(part);
    if (it->doneCount == it->done.size()) {
        it->response.completedAt = QDateTime::currentDateTimeUtc();
        if (complete)
            *complete = std::move(it->response);
        m_pending.erase(it);
    }
    return true;
}

std::pair<int, int> ResponseAggregator::progress(const QString &requestId) const
{
    auto it = m_pending.constFind(requestId);
    if (it == m_pending.cend())
        return {-1, -1};
    return {it->doneCount, int(it->done.size())};
}

std::optional<Response> ResponseAggregator::finish(const QString &requestId, const Error &error)
{
    auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return std::nullopt;
    for (qsizetype i = 0; i < it->done.size(); ++i) {
        if (!it->done[i])
            it->response.results[i].error = error;
    }
    Response r = std::move(it->response);
    r.completedAt = QDateTime::currentDateTimeUtc();
    m_pending.erase(it);
    return r;
}

QList<int> ResponseAggregator::openParts(const QString &requestId) const
{
    QList<int> open;
    auto it = m_pending.constFind(requestId);
    if (it == m_pending.cend())
        return open;
    for (qsizetype i = 0; i < it->done.size(); ++i) {
        if (!it->done[i])
            open.append(int(i));
    }
    return open;
}

} // namespace rl
