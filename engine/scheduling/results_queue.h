#pragma once

#include "engine/api/request.h"

#include <QList>
#include <QString>

#include <functional>
#include <mutex>
#include <vector>

namespace rl {

// One finished router part waiting for delivery.
struct FinishedPart {
    QString requestId;
    quint64 tag = 0;        // the caller's reference (the router's index in the request)
    double priority = 0;    // higher first
    quint64 seq = 0;        // then first finished, first delivered
    bool coalesced = false; // answered by joining identical work already queued or running
    RouterResult result;
};

// Finished parts from any thread, delivered in priority order in batches: the receiver is
// woken once when the queue stops being empty and takes everything in one go, so a storm of
// answers costs one cross-thread wake-up, not one per part.
class ResultsQueue
{
public:
    // Called (from the pushing thread) when the queue goes from empty to non-empty.
    explicit ResultsQueue(std::function<void()> wake = {}) : m_wake(std::move(wake)) {}
    void setWake(std::function<void()> wake);

    void push(FinishedPart part);
    void push(std::vector<FinishedPart> parts);
    // Everything queued, best first.
    std::vector<FinishedPart> takeAll();
    qsizetype size() const;

private:
    mutable std::mutex m_mutex;
    std::vector<FinishedPart> m_parts;
    std::function<void()> m_wake;
    quint64 m_seq = 0;
    bool m_wakePending = false;
};

} // namespace rl
