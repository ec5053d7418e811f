#pragma once

#include "engine/scheduling/queue_backend.h"

#include <QHash>

#include <set>

namespace rl {

// Ordered sets per router, in memory: O(log n) push, remove and best.
class MemoryQueueBackend final : public QueueBackend
{
public:
    void push(const QString &router, const QueueEntry &entry) override;
    bool remove(const QString &router, const QueueEntry &entry) override;
    std::optional<QueueEntry> best(const QString &router) const override;
    void visit(const QString &router, int limit, const std::function<bool(const QueueEntry &)> &visit) const override;
    qsizetype size(const QString &router) const override;
    qsizetype totalSize() const override { return m_total; }
    void clear() override;

private:
    struct Before {
        bool operator()(const QueueEntry &a, const QueueEntry &b) const { return queueEntryBefore(a, b); }
    };
    using Queue = std::set<QueueEntry, Before>;
    QHash<QString, Queue> m_queues;
    qsizetype m_total = 0;
};

} // namespace rl
