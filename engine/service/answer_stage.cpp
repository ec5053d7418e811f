#include "engine/service/answer_stage.h"

#include "engine/inventory/connection_expectations.h"

#include <QMutexLocker>
#include <QSet>

#include <algorithm>

namespace rl {

Error errorNamingRouter(const QString &router, Error e)
{
    // Parsers do not know which router they read ("could not read the FRR ... output as JSON"),
    // nor does the scheduler's request time limit; in a log, the CLI's error lines or a copied
    // message the sentence must stand alone. "router NAME" exactly: a router's own output quoted
    // in the message ("Hostname is lab-bird") does not count.
    if (e.isError() && !router.isEmpty() && !e.message.contains(QStringLiteral("router ") + router, Qt::CaseInsensitive))
        e.message = QStringLiteral("Router %1: %2").arg(router, e.message);
    return e;
}

AnswerStage::AnswerStage(std::shared_ptr<ResultStore> store, TranslatorLookup translators, const AccessPolicy &access,
                         const EngineSettings &settings)
    : m_store(std::move(store)),
      m_translators(std::move(translators)),
      m_access(access),
      m_settings(std::make_shared<const EngineSettings>(settings))
{
}

void AnswerStage::setSettings(const EngineSettings &settings)
{
    auto next = std::make_shared<const EngineSettings>(settings);
    QMutexLocker lock(&m_settingsMutex);
    m_settings = std::move(next);
}

QString AnswerStage::queryKey(QueryKind kind, const QueryParams &params)
{
    return queryKindName(kind) + QLatin1Char('|') + params.canonical();
}

const Translator *AnswerStage::translatorFor(const Inventory &inventory, const QString &router) const
{
    const Router *r = inventory.router(router);
    return r ? m_translators(r->platform) : nullptr;
}

std::vector<FinishedPart> AnswerStage::answer(const JobOutcome &o, const Inventory &inventory) const
{
    const Translator *translator = translatorFor(inventory, o.router);
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    Parsed parsed; // by queryKey
    std::vector<FinishedPart> parts;
    parts.reserve(size_t(o.waiters.size()));
    for (const Waiter &w : o.waiters) {
        FinishedPart p;
        p.requestId = w.requestId;
        p.tag = w.tag;
        p.priority = w.priority;
        p.coalesced = w.coalesced;
        RouterResult &part = p.result;
        part.router = o.router;
        part.commands = o.commands.mid(0, o.firstRoundCount);
        part.fetchedAt = fetchedAt;
        part.latencyMs = o.latencyMs;
        part.records = RecordSet(w.kind);
        if (o.error) {
            part.error = errorNamingRouter(o.router, o.error);
        } else if (!translator) {
            part.error = Error(ErrorCode::UnsupportedQuery,
                               QStringLiteral("Router %1 is no longer in the inventory or its platform has no translator.")
                                   .arg(o.router));
        } else {
            answerWaiter(*translator, inventory, o, w, fetchedAt, parsed, part);
        }
        parts.push_back(std::move(p));
    }
    return parts;
}

void AnswerStage::answerWaiter(const Translator &translator, const Inventory &inventory, const JobOutcome &o,
                               const Waiter &w, const QDateTime &fetchedAt, Parsed &parsed, RouterResult &part) const
{
    const QString key = queryKey(w.kind, w.params);
    auto it = parsed.find(key);
    QList<CommandOutput> outputs;
    const Result<QStringList> followUps = outputsFor(translator, w, o, outputs);
    if (followUps.ok())
        part.commands += followUps.value();
    if (it == parsed.end())
        it = parsed.insert(key, parseAndStore(translator, inventory, o, w, outputs, followUps, part.commands, fetchedAt));
    if (it->ok())
        part.records = m_access.filterRecords(inventory, w.client, o.router, w.params, it->value());
    else
        part.error = errorNamingRouter(o.router, errorFor(w.client, o.router, it->error()));
}

Result<RecordSet> AnswerStage::parseAndStore(const Translator &translator, const Inventory &inventory,
                                             const JobOutcome &o, const Waiter &w, const QList<CommandOutput> &outputs,
                                             const Result<QStringList> &followUps, const QStringList &commands,
                                             const QDateTime &fetchedAt) const
{
    Result<RecordSet> records = followUps.ok() ? translator.parse(w.kind, w.params, outputs)
                                               : Result<RecordSet>(followUps.error());
    if (records.ok()) {
        applyConnectionExpectations(inventory, o.router, records.value());
        store(o, w, commands, records.value(), fetchedAt);
    }
    return records;
}

void AnswerStage::store(const JobOutcome &o, const Waiter &w, const QStringList &commands, const RecordSet &records,
                        const QDateTime &fetchedAt) const
{
    std::shared_ptr<const EngineSettings> settings;
    {
        QMutexLocker lock(&m_settingsMutex);
        settings = m_settings;
    }
    StoredAnswer a;
    a.router = o.router;
    a.kind = w.kind;
    a.params = w.params;
    a.fetchedAt = fetchedAt;
    a.expiresAt = fetchedAt.addSecs(settings->cacheTtlFor(w.kind));
    a.records = records;
    a.commands = commands;
    a.latencyMs = o.latencyMs;
    // A store that could not keep it says so itself (warnings, storeWarning, the log).
    m_store->put(a);
}

// An error found while reading a router's answer quotes what the router said: a parse error
// the line it could not read, a follow-up round the sessions it found. Those may be another
// customer's (a session, a route, an interface), so an external client learns only that the
// answer could not be used, with the same code; internal operators get the precise sentence.
Error AnswerStage::errorFor(const ClientIdentity &client, const QString &router, const Error &e)
{
    if (client.role != Role::External || !e.isError())
        return e;
    return Error(e.code, e.code == ErrorCode::ParseError
                             ? QStringLiteral("The answer of router %1 could not be read; the line it stopped at is shown "
                                              "to internal operators only. Ask your provider to look at it.")
                                   .arg(router)
                             : QStringLiteral("RouterLens could not use the answer of router %1 (%2); the details are shown "
                                              "to internal operators only. Ask your provider to look at it.")
                                   .arg(router, e.codeName()));
}

// The outputs one waiter's parse reads: the first round, then its own follow-ups (the job
// ran the follow-ups of every waiter). Returns those follow-up commands.
Result<QStringList> AnswerStage::outputsFor(const Translator &translator, const Waiter &w, const JobOutcome &o,
                                            QList<CommandOutput> &outputs)
{
    outputs = o.outputs.mid(0, o.firstRoundCount);
    Result<QStringList> more = translator.followUpCommands(w.kind, w.params, outputs);
    if (!more.ok())
        return more;
    for (const QString &command : more.value()) {
        const auto found = std::find_if(o.outputs.cbegin() + o.firstRoundCount, o.outputs.cend(),
                                        [&](const CommandOutput &out) { return out.command == command; });
        if (found == o.outputs.cend())
            return Error(ErrorCode::InternalError,
                         QStringLiteral("The second round of commands on %1 did not include \"%2\"; run the query again.")
                             .arg(o.router, command));
        outputs.append(*found);
    }
    return more;
}

QStringList AnswerStage::followUpCommands(const Inventory &inventory, const QString &router,
                                          const QList<Waiter> &waiters, const QList<CommandOutput> &firstRound) const
{
    const Translator *translator = translatorFor(inventory, router);
    if (!translator)
        return {};
    QStringList all;
    QSet<QString> asked;
    for (const Waiter &w : waiters) {
        const QString key = queryKey(w.kind, w.params);
        if (asked.contains(key))
            continue;
        asked.insert(key);
        // An error (no such neighbor, ...) is found again, and reported, when this waiter's answer is parsed.
        const Result<QStringList> more = translator->followUpCommands(w.kind, w.params, firstRound);
        if (!more.ok())
            continue;
        for (const QString &c : more.value()) {
            if (!all.contains(c))
                all.append(c);
        }
    }
    return all;
}

} // namespace rl
