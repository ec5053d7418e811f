#pragma once

#include <QString>
#include <QtGlobal>

#include <functional>
#include <optional>

namespace rl {

// One queued unit of work as the queue orders it: a higher score goes first, then the lower
// sequence number (the one that has waited longest).
struct QueueEntry {
    quint64 jobId = 0;
    double score = 0;
    quint64 seq = 0;
    friend bool operator==(const QueueEntry &, const QueueEntry &) = default;
};

inline bool queueEntryBefore(const QueueEntry &a, const QueueEntry &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.seq != b.seq)
        return a.seq < b.seq;
    return a.jobId < b.jobId;
}

// The per-router priority queues. Behind an interface so that a shared backend (PostgreSQL,
// DESIGN.md "Scale") can replace the in-memory one without touching the scheduler.
// Calls are serialized by the scheduler.
class QueueBackend
{
public:
    virtual ~QueueBackend() = default;
    virtual void push(const QString &router, const QueueEntry &entry) = 0;
    virtual bool remove(const QString &router, const QueueEntry &entry) = 0;
    virtual std::optional<QueueEntry> best(const QString &router) const = 0;
    // Visits up to `limit` entries of a router's queue, best first, until `visit` returns false.
    virtual void visit(const QString &router, int limit, const std::function<bool(const QueueEntry &)> &visit) const = 0;
    virtual qsizetype size(const QString &router) const = 0;
    virtual qsizetype totalSize() const = 0;
    virtual void clear() = 0;
};

} // namespace rl
