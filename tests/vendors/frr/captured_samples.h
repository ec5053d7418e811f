#pragma once

// Runs a translator against outputs captured from the real lab (tests/vendors/data/<platform>/
// <state>/, written by lab/capture.sh with a commands.txt of "<file>\t<command>"), and checks
// the records. Shared by the FRR, BIRD, GoBGP and Linux translator tests.

#include "engine/api/records.h"
#include "engine/vendors/translator.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

namespace rltest {

struct Capture {
    QHash<QString, QString> fileOf;  // command as sent on the wire -> file
    QHash<QString, int> exitOf;      // file -> exit status
    qint64 capturedAtEpoch = -1;     // from the header, for platforms that need the router's clock
    QString dir;
};

inline Capture loadCapture(const QString &platform, const QString &state)
{
    Capture c;
    c.dir = QStringLiteral(TOPSRCDIR "tests/vendors/data/%1/%2/").arg(platform, state);
    QFile f(c.dir + QStringLiteral("commands.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return c;
    static const QRegularExpression when(QStringLiteral("captured (\\S+Z)"));
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1Char('#'))) {
            if (auto m = when.match(line); m.hasMatch())
                c.capturedAtEpoch = QDateTime::fromString(m.captured(1), Qt::ISODate).toSecsSinceEpoch();
            continue;
        }
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab > 0)
            c.fileOf.insert(line.mid(tab + 1), line.left(tab));
    }
    QFile e(c.dir + QStringLiteral("exit_status.txt"));
    if (e.open(QIODevice::ReadOnly)) {
        for (const QByteArray &raw : e.readAll().split('\n')) {
            const QList<QByteArray> parts = raw.split('\t');
            if (parts.size() == 2 && !raw.startsWith('#'))
                c.exitOf.insert(QString::fromUtf8(parts.at(0)), parts.at(1).trimmed().toInt());
        }
    }
    return c;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The outputs a router printed for the translator's commands. `date +%s` was not captured:
// the capture time stands in for the router's clock.
inline bool outputsFor(const Capture &cap, const rl::SessionProfile &profile, const QStringList &commands,
                       QList<rl::CommandOutput> &outputs, QString &missing)
{
    for (const QString &cmd : commands) {
        rl::CommandOutput o;
        o.command = cmd;
        if (cmd == QLatin1String("date +%s")) {
            o.output = QByteArray::number(cap.capturedAtEpoch) + '\n';
            outputs.append(o);
            continue;
        }
        const QString wire = profile.execWrapper.isEmpty() ? cmd : profile.execWrapper.arg(cmd);
        const QString file = cap.fileOf.value(wire);
        if (file.isEmpty()) {
            missing = wire;
            return false;
        }
        o.output = readFile(cap.dir + file);
        // Exec channels return stderr too: what a failing command said is in the .stderr file.
        o.output += readFile(cap.dir + QString(file).replace(QLatin1String(".txt"), QLatin1String(".stderr")));
        o.exitStatus = cap.exitOf.value(file, 0);
        outputs.append(o);
    }
    return true;
}

// "key=value;key=value" -> pairs
inline QList<QPair<QString, QString>> pairs(const QString &spec)
{
    QList<QPair<QString, QString>> out;
    for (const QString &p : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        out.append({p.section(QLatin1Char('='), 0, 0), p.section(QLatin1Char('='), 1)});
    return out;
}

inline QString cell(const rl::RecordSet &set, qsizetype row, const QString &key)
{
    const int col = set.columnIndex(key);
    if (col < 0)
        return QStringLiteral("<no column %1>").arg(key);
    const QVariant v = set.value(row, col);
    return v.isValid() ? v.toString() : QString();
}

inline void addColumns()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("params");     // "neighbor=...;interfaceName=...;destination=...;addressFamily=..."
    QTest::addColumn<int>("count");          // expected record count; -1: an error is expected
    QTest::addColumn<QString>("errorCode");  // expected error code name when count is -1
    QTest::addColumn<QString>("match");      // selects one row: "key=value;..."
    QTest::addColumn<QString>("expect");     // fields of that row: "key=value;..." (value "" = unknown)
}

// The body of a data-driven case.
inline void runCase(const rl::Translator &t)
{
    QFETCH(QString, state);
    QFETCH(QString, kind);
    QFETCH(QString, params);
    QFETCH(int, count);
    QFETCH(QString, errorCode);
    QFETCH(QString, match);
    QFETCH(QString, expect);

    const auto k = rl::queryKindFromName(kind);
    QVERIFY2(k.has_value(), qPrintable(kind));
    QJsonObject po;
    for (const auto &[key, value] : pairs(params))
        po.insert(key, value);
    const rl::QueryParams qp = rl::QueryParams::fromJson(po);

    const auto cmds = t.commands(*k, qp);
    if (!cmds) {
        QCOMPARE(count, -1);
        QCOMPARE(cmds.error().codeName(), errorCode);
        QVERIFY(!cmds.error().message.isEmpty());
        return;
    }
    const rl::SessionProfile profile = t.sessionProfile();
    for (const QString &c : *cmds)
        QVERIFY2(!profile.guard.check(c).isError(), qPrintable(profile.guard.check(c).toString()));

    const Capture cap = loadCapture(t.platform(), state);
    QVERIFY2(!cap.fileOf.isEmpty(), qPrintable(QStringLiteral("no capture in ") + cap.dir));
    QList<rl::CommandOutput> outputs;
    QString missing;
    QVERIFY2(outputsFor(cap, profile, *cmds, outputs, missing), qPrintable(QStringLiteral("not captured: ") + missing));

    // A second round, built from the first round's outputs (BIRD's protocol names), as the engine runs it.
    const auto more = t.followUpCommands(*k, qp, outputs);
    if (!more) {
        QVERIFY2(count < 0, qPrintable(more.error().toString()));
        QCOMPARE(more.error().codeName(), errorCode);
        QVERIFY(!more.error().message.isEmpty());
        return;
    }
    for (const QString &c : *more)
        QVERIFY2(!profile.guard.check(c).isError(), qPrintable(profile.guard.check(c).toString()));
    QVERIFY2(outputsFor(cap, profile, *more, outputs, missing), qPrintable(QStringLiteral("not captured: ") + missing));

    const auto res = t.parse(*k, qp, outputs);
    if (count < 0) {
        QVERIFY2(!res.ok(), "expected an error");
        QCOMPARE(res.error().codeName(), errorCode);
        return;
    }
    QVERIFY2(res.ok(), qPrintable(res.error().toString()));
    const rl::RecordSet &set = *res;
    QCOMPARE(set.kind(), *k);
    QCOMPARE(set.size(), qsizetype(count));
    if (match.isEmpty() && expect.isEmpty())
        return;
    qsizetype row = -1;
    for (qsizetype r = 0; r < set.size() && row < 0; ++r) {
        bool all = true;
        for (const auto &[key, value] : pairs(match))
            all = all && cell(set, r, key) == value;
        if (all)
            row = r;
    }
    QVERIFY2(row >= 0, qPrintable(QStringLiteral("no row matches ") + match));
    for (const auto &[key, value] : pairs(expect))
        QCOMPARE(cell(set, row, key), value);
}

// ---- parsePasted on captured outputs ----
// Columns: the captured state, the kind, the commands (as captured, "|" between them) whose outputs
// are pasted one after another, whether each comes with a prompt line ("rlab@lab-x:~$ <command>",
// the only handmade part), the record count (-1: an error is expected) and a part of the command
// the parser must say it recognised.
inline void addPastedColumns()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("commands");
    QTest::addColumn<bool>("prompt");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("recognised");
}

inline void runPasted(const rl::Translator &t)
{
    QFETCH(QString, state);
    QFETCH(QString, kind);
    QFETCH(QString, commands);
    QFETCH(bool, prompt);
    QFETCH(int, count);
    QFETCH(QString, recognised);
    const Capture cap = loadCapture(t.platform(), state);
    QByteArray text;
    for (const QString &cmd : commands.split(QLatin1Char('|'))) {
        const QString file = cap.fileOf.value(cmd);
        QVERIFY2(!file.isEmpty(), qPrintable(QStringLiteral("not captured: ") + cmd));
        if (prompt)
            text += "rlab@lab-" + t.platform().toUtf8() + ":~$ " + cmd.toUtf8() + '\n';
        text += readFile(cap.dir + file);
    }
    const auto k = rl::queryKindFromName(kind);
    QVERIFY(k);
    const auto r = t.parsePasted(*k, text);
    if (count < 0) {
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.isEmpty());
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->records.kind(), *k);
    QCOMPARE(r->records.size(), qsizetype(count));
    QVERIFY2(r->command.contains(recognised), qPrintable(r->command));
}

} // namespace rltest
