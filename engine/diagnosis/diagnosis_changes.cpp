#include "engine/diagnosis/diagnosis_changes.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace rl {
namespace {

// layer|end|n: the n-th step of that layer and end.
QList<QString> stepKeys(const DiagnosisResult &d)
{
    QHash<QString, int> seen;
    QList<QString> keys;
    for (const DiagnosisStep &s : d.steps) {
        const QString base = s.layer + QLatin1Char('|') + connectionEndName(s.end);
        keys << base + QLatin1Char('|') + QString::number(seen[base]++);
    }
    return keys;
}

// Is the management step of this end answering in this run? (Steps of an end that cannot be
// asked vanish; the management step's own change says so once.)
bool endReachable(const DiagnosisResult &d, ConnectionEnd end)
{
    for (const DiagnosisStep &s : d.steps)
        if (s.layer == u"management" && s.end == end)
            return s.verdict == Verdict::Ok;
    return true;
}

// Parts of a step by router, kind and order, so a link read and its second read pair up.
QHash<QString, const RouterResult *> partsByKey(const DiagnosisStep &s)
{
    QHash<QString, const RouterResult *> out;
    QHash<QString, int> seen;
    for (const RouterResult &r : s.records) {
        const QString base = r.router + QLatin1Char('|') + queryKindName(r.records.kind());
        out.insert(base + QLatin1Char('|') + QString::number(seen[base]++), &r);
    }
    return out;
}

struct Emitter {
    QList<DiagnosisChange> &out;
    QSet<QString> counters; // router|row|field already reported (the link and mtu steps share rows)
};

void rowChanges(Emitter &e, const DiagnosisStep &s, int step, const RouterResult &was, const RouterResult &now)
{
    if (!was.ok() || !now.ok() || was.records.kind() != now.records.kind())
        return;
    QHash<QString, qsizetype> before;
    for (qsizetype r = 0; r < was.records.size(); ++r)
        before.insert(was.records.rowKey(r), r);
    const auto cols = now.records.columns();
    const int uptime = now.records.kind() == QueryKind::BgpStatus ? now.records.columnIndex(u"uptimeSeconds") : -1;
    const int state = now.records.columnIndex(u"state");
    for (qsizetype r = 0; r < now.records.size(); ++r) {
        const QString key = now.records.rowKey(r);
        const auto it = before.constFind(key);
        if (it == before.cend())
            continue;
        auto change = [&](DiagnosisChange::Kind kind, const QString &field, const QString &from, const QString &to) {
            const QString id = now.router + QLatin1Char('|') + key + QLatin1Char('|') + field;
            if (e.counters.contains(id))
                return;
            e.counters.insert(id);
            e.out.append({kind, s.layer, s.end, now.router, key, field, from, to, step});
        };
        for (int c = 0; c < int(cols.size()); ++c) {
            if (!DiagnosisChanges::isTroubleCounter(cols[c]))
                continue;
            const QVariant a = was.records.value(*it, c), b = now.records.value(r, c);
            if (a.isValid() && b.isValid() && b.toLongLong() > a.toLongLong())
                change(DiagnosisChange::Kind::CounterRose, QString::fromLatin1(cols[c].key), a.toString(), b.toString());
        }
        if (uptime >= 0 && state >= 0 && now.records.value(r, state).toString() == u"established") {
            const QVariant a = was.records.value(*it, uptime), b = now.records.value(r, uptime);
            if (a.isValid() && b.isValid() && b.toLongLong() < a.toLongLong())
                change(DiagnosisChange::Kind::SessionReset, QStringLiteral("uptimeSeconds"), a.toString(), b.toString());
        }
    }
}

void stepChanges(Emitter &e, const DiagnosisStep &was, const DiagnosisStep &now, int step)
{
    if (was.verdict != now.verdict)
        e.out.append({DiagnosisChange::Kind::Verdict, now.layer, now.end, now.router, {}, {}, verdictName(was.verdict),
                      verdictName(now.verdict), step});
    else if (DiagnosisChanges::findingShape(was.finding) != DiagnosisChanges::findingShape(now.finding))
        e.out.append({DiagnosisChange::Kind::Finding, now.layer, now.end, now.router, {}, {}, was.finding, now.finding, step});
    const auto before = partsByKey(was);
    const auto after = partsByKey(now);
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (const RouterResult *w = before.value(it.key()))
            rowChanges(e, now, step, *w, *it.value());
}

QString causeText(const DiagnosisResult &d)
{
    const DiagnosisStep *s = d.cause();
    return s ? s->layer + QLatin1Char(' ') + connectionEndName(s->end) : QString();
}

} // namespace

QString DiagnosisChanges::findingShape(const QString &finding)
{
    // Values that move on a healthy connection: durations ("for 61 s", "in 3 s"), light levels
    // and counts of errors seen between two reads. Tags, addresses and prefixes stay.
    static const QRegularExpression volatileNumber(
        QStringLiteral("(?<![\\w.:/])-?\\d+(?:\\.\\d+)?(?=\\s*(?:s\\b|ms\\b|dBm\\b|more\\b))"));
    QString out = finding;
    out.replace(volatileNumber, QStringLiteral("#"));
    return out;
}

bool DiagnosisChanges::isTroubleCounter(const ColumnInfo &column)
{
    if (column.type != ColumnType::Counter)
        return false;
    const QString key = QString::fromLatin1(column.key).toLower();
    return key.contains(u"error") || key.contains(u"drop") || key.contains(u"discard");
}

QList<DiagnosisChange> DiagnosisChanges::between(const DiagnosisResult &before, const DiagnosisResult &after)
{
    QList<DiagnosisChange> out;
    Emitter e{out, {}};
    const QList<QString> oldKeys = stepKeys(before), newKeys = stepKeys(after);
    QHash<QString, int> oldIndex;
    for (int i = 0; i < oldKeys.size(); ++i)
        oldIndex.insert(oldKeys.at(i), i);
    for (int i = 0; i < newKeys.size(); ++i) {
        const DiagnosisStep &now = after.steps.at(i);
        const auto it = oldIndex.constFind(newKeys.at(i));
        if (it != oldIndex.cend())
            stepChanges(e, before.steps.at(*it), now, i);
        else if (endReachable(before, now.end))
            out.append({DiagnosisChange::Kind::Appeared, now.layer, now.end, now.router, {}, {}, {}, verdictName(now.verdict), i});
    }
    const QSet<QString> present(newKeys.cbegin(), newKeys.cend());
    for (int i = 0; i < oldKeys.size(); ++i) {
        const DiagnosisStep &was = before.steps.at(i);
        if (!present.contains(oldKeys.at(i)) && endReachable(after, was.end))
            out.append({DiagnosisChange::Kind::Vanished, was.layer, was.end, was.router, {}, {}, verdictName(was.verdict), {}, -1});
    }
    const QString causeBefore = causeText(before), causeAfter = causeText(after);
    if (causeBefore != causeAfter)
        out.append({DiagnosisChange::Kind::Cause, {}, ConnectionEnd::Both, {}, {}, {}, causeBefore, causeAfter, after.likelyCause});
    return out;
}

} // namespace rl
