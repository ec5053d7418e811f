#include "engine/scheduling/memory_queue_backend.h"

namespace rl {

void MemoryQueueBackend::push(const QString &router, const QueueEntry &entry)
{
    if (m_queues[router].insert(entry).second)
        ++m_total;
}

bool MemoryQueueBackend::remove(const QString &router, const QueueEntry &entry)
{
    auto it = m_queues.find(router);
    if (it == m_queues.end())
        return false;
    const bool removed = it->erase(entry) > 0;
    if (removed)
        --m_total;
    if (it->empty())
        m_queues.erase(it);
    return removed;
}

std::optional<QueueEntry> MemoryQueueBackend::best(const QString &router) const
{
    auto it = m_queues.constFind(router);
    if (it == m_queues.cend() || it->empty())
        return std::nullopt;
    return *it->begin();
}

void MemoryQueueBackend::visit(const QString &router, int limit,
                               const std::function<bool(const QueueEntry &)> &visit) const
{
    auto it = m_queues.constFind(router);
    if (it == m_queues.cend())
        return;
    int n = 0;
    for (const QueueEntry &e : *it) {
        if (n++ >= limit || !visit(e))
            return;
    }
}

qsizetype MemoryQueueBackend::size(const QString &router) const
{
    auto it = m_queues.constFind(router);
    return it == m_queues.cend() ? 0 : qsizetype(it->size());
}

void MemoryQueueBackend::clear()
{
    m_queues.clear();
    m_total = 0;
}

} // namespace rl
