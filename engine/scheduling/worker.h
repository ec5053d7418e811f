#pragma once

#include "engine/scheduling/dispatcher.h"
#include "engine/scheduling/scheduler_state.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace rl {

// One worker thread: takes the next job from the dispatcher (under the scheduler's lock), runs
// it at the router with the lock released (the blocking transport call, and a second round of
// commands when the waiters need one), books the result under the lock again, and hands the
// outcome to the sink without the lock (parse and store happen there, on this thread).
class Worker
{
public:
    Worker(SchedulerState &state, Dispatcher &dispatcher);
    ~Worker(); // joins

    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    void start();
    // Waits for the loop to end (SchedulerState::stopping set and the workers woken).
    void join();
    // The loop has ended (retired after a wedge, or stopped): join() returns at once.
    bool finished() const { return m_finished.load(); }

private:
    // What a job needs at the router, copied under the lock.
    struct Assignment {
        QString router;
        QStringList commands;
        bool followUps = false;
        ExecOptions options;
        QString key;              // the work exchange's name for it
        qint64 queuedWallMs = 0;
        quint64 jobId = 0;
        double score = 0;         // the queue's rank of it, for the team's shared order at the router
        int routerLimit = 1;      // the per-router limit, as configured when it was assigned
    };

    void run();
    void waitForWork(std::unique_lock<std::mutex> &lock);
    Assignment assignment(const Job &job) const;
    // Called and returning without the lock.
    JobOutcome execute(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a,
                       std::unique_ptr<Transport> &transport);
    // Team mode: asks the work exchange until the work is ours to run, done elsewhere, or
    // cancelled (then Elsewhere comes back). Without the lock.
    WorkExchange::Claim claimShared(const Assignment &a);
    // Team mode: waits for one of the router's places shared by every process (the per-router
    // limit across processes) until given, cancelled (Busy comes back) or failed. Without the lock.
    WorkExchange::Slot takeSlot(const Assignment &a);
    // At the router, on this process's session.
    void runHere(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a,
                 std::unique_ptr<Transport> &transport, JobOutcome &outcome);
    void runRounds(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a, Transport &transport,
                   JobOutcome &outcome);
    void runFollowUps(std::unique_lock<std::mutex> &lock, Job &job, const Assignment &a, Transport &transport,
                      JobOutcome &outcome);
    // Hands the outcome to the sink; a sink that throws (a reader's fault) fails the job's
    // waiters with an internal error instead of ending the worker.
    void report(JobOutcome &&outcome);
    // With the lock: the job leaves the books (it is destroyed) and its waiters go to the
    // outcome. Returns whether the outcome is to be reported.
    // A job the housekeeper abandoned (wedged) reports nothing; its session is left in `transport`
    // to be dropped without the lock, and this worker retires (its replacement runs already).
    bool finish(Job &job, const Assignment &a, JobOutcome &outcome, std::unique_ptr<Transport> &transport,
                bool &retire);

    SchedulerState &m_state;
    Dispatcher &m_dispatcher;
    std::thread m_thread;
    std::atomic_bool m_finished = false;
};

} // namespace rl
