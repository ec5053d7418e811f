#include "engine/scheduling/results_queue.h"

#include <algorithm>

namespace rl {

void ResultsQueue::setWake(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

void ResultsQueue::push(FinishedPart part)
{
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        part.seq = m_seq++;
        m_parts.push_back(std::move(part));
        if (!m_wakePending) {
            m_wakePending = true;
            wake = m_wake;
        }
    }
    if (wake)
        wake();
}

void ResultsQueue::push(std::vector<FinishedPart> parts)
{
    if (parts.empty())
        return;
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        for (FinishedPart &p : parts) {
            p.seq = m_seq++;
            m_parts.push_back(std::move(p));
        }
        if (!m_wakePending) {
            m_wakePending = true;
            wake = m_wake;
        }
    }
    if (wake)
        wake();
}

std::vector<FinishedPart> ResultsQueue::takeAll()
{
    std::vector<FinishedPart> out;
    {
        std::lock_guard lock(m_mutex);
        out.swap(m_parts);
        m_wakePending = false;
    }
    std::stable_sort(out.begin(), out.end(), [](const FinishedPart &a, const FinishedPart &b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        return a.seq < b.seq;
    });
    return out;
}

qsizetype ResultsQueue::size() const
{
    std::lock_guard lock(m_mutex);
    return qsizetype(m_parts.size());
}

} // namespace rl
