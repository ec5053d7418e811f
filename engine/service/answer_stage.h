#pragma once

#include "engine/access/access_policy.h"
#include "engine/api/error.h"
#include "engine/api/request.h"
#include "engine/inventory/inventory.h"
#include "engine/scheduling/results_queue.h"
#include "engine/scheduling/scheduler.h"
#include "engine/service/engine_settings.h"
#include "engine/storage/result_store.h"
#include "engine/vendors/translator.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace rl {

// Every error in a router's part of an answer names that router ("Router r1: ..."), unless
// it already does.
Error errorNamingRouter(const QString &router, Error e);

// The second half of a router job, on the worker thread that ran it: from the router's raw
// output to one answer per waiter. For each query among the waiters (waiters asking the same
// thing share the work) it parses the output, applies the inventory's connection expectations
// and stores the answer; then it filters that answer for each waiter's client.
//
// Thread-safe: any number of workers may call answer() at once.
class AnswerStage
{
public:
    using TranslatorLookup = std::function<const Translator *(const QString &platform)>;

    // `access` must outlive the stage.
    AnswerStage(std::shared_ptr<ResultStore> store, TranslatorLookup translators, const AccessPolicy &access,
                const EngineSettings &settings);

    // The settings it reads (how long a stored answer stays fresh). Any thread.
    void setSettings(const EngineSettings &settings);

    // One part per waiter of a finished job, in the order of outcome.waiters.
    std::vector<FinishedPart> answer(const JobOutcome &outcome, const Inventory &inventory) const;
    // The second round of commands a job's waiters need after its first (the union of what
    // their parses will read).
    QStringList followUpCommands(const Inventory &inventory, const QString &router, const QList<Waiter> &waiters,
                                 const QList<CommandOutput> &firstRound) const;

    // Waiters with the same key ask the same thing: they share one parse and one stored answer.
    static QString queryKey(QueryKind kind, const QueryParams &params);

private:
    using Parsed = QHash<QString, Result<RecordSet>>;

    const Translator *translatorFor(const Inventory &inventory, const QString &router) const;
    void answerWaiter(const Translator &translator, const Inventory &inventory, const JobOutcome &o, const Waiter &w,
                      const QDateTime &fetchedAt, Parsed &parsed, RouterResult &part) const;
    Result<RecordSet> parseAndStore(const Translator &translator, const Inventory &inventory, const JobOutcome &o,
                                    const Waiter &w, const QList<CommandOutput> &outputs,
                                    const Result<QStringList> &followUps, const QStringList &commands,
                                    const QDateTime &fetchedAt) const;
    void store(const JobOutcome &o, const Waiter &w, const QStringList &commands, const RecordSet &records,
               const QDateTime &fetchedAt) const;
    static Result<QStringList> outputsFor(const Translator &translator, const Waiter &w, const JobOutcome &o,
                                          QList<CommandOutput> &outputs);
    static Error errorFor(const ClientIdentity &client, const QString &router, const Error &e);

    std::shared_ptr<ResultStore> m_store;
    TranslatorLookup m_translators;
    const AccessPolicy &m_access;
    mutable QMutex m_settingsMutex;
    std::shared_ptr<const EngineSettings> m_settings; // replaced whole; read under m_settingsMutex
};

} // namespace rl
