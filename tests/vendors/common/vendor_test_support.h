#pragma once

// Helpers shared by the translator tests (namespace rl::testing). Each test keeps its own rows
// (samples and expectations); the bodies that run a row the same way on every platform live
// here, so a check added to one runs on all. The run*() functions read the current row with
// QFETCH and are called from the test slot.
//
// Every sample lives in one tree, tests/vendors/data/<platform>/ (platform as registered:
// "cisco-ios", "frr"):
//   <kind>/<case>/   the conformance corpus, one sample per folder with its expected.json and
//                    source.txt (tests/vendors/conformance reads it)
//   <state>/         outputs captured from the lab with a commands.txt (lab/capture.sh):
//                    loadCapture(), runCaptured(), runCapturedPasted()
//   fixtures/<file>  single outputs a translator's own test names in its rows: fixture()

#include "engine/api/records.h"
#include "engine/vendors/translator.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QTest>

#include <optional>

namespace rl::testing {

// tests/vendors/data/<platform>/
inline QString dataDir(const QString &platform)
{
    return QStringLiteral(TOPSRCDIR "tests/vendors/data/") + platform + u'/';
}

// A file's bytes; empty when it cannot be read (callers that need it check).
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A sample from tests/vendors/data/<platform>/fixtures/; a missing sample is a broken test,
// not a failure to skip.
inline QByteArray fixture(const QString &platform, const QString &file)
{
    QFile f(dataDir(platform) + QStringLiteral("fixtures/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(f.fileName()));
    return f.readAll();
}

inline const Translator *registeredTranslator(const char *platform)
{
    const Translator *t = TranslatorRegistry::find(QLatin1String(platform));
    if (!t)
        qFatal("%s is not registered", platform);
    return t;
}

// "key=value;key=value" -> pairs
inline QList<QPair<QString, QString>> pairs(const QString &spec)
{
    QList<QPair<QString, QString>> out;
    for (const QString &p : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        out.append({p.section(QLatin1Char('='), 0, 0), p.section(QLatin1Char('='), 1)});
    return out;
}

// One cell as text, by column key ("true"/"false" for a bool, "" when unknown).
inline QString cell(const RecordSet &set, qsizetype row, const QString &key)
{
    const int col = set.columnIndex(key);
    if (col < 0)
        return QStringLiteral("<no column %1>").arg(key);
    const QVariant v = set.value(row, col);
    return v.isValid() ? v.toString() : QString();
}

// "column=value;column=value" checks against one row, by column key.
inline void checkRow(const RecordSet &set, qsizetype row, const QString &checks)
{
    if (checks.isEmpty())
        return;
    QVERIFY2(row < set.size(), qPrintable(QStringLiteral("row %1 of %2").arg(row).arg(set.size())));
    for (const auto &[key, want] : pairs(checks)) {
        QVERIFY2(set.columnIndex(key) >= 0, qPrintable(key));
        QCOMPARE(cell(set, row, key), want);
    }
}

// --- pasted(): a sample pasted as-is parses to the command it came from, the kind asked for,
// the row count, and two rows' checks (row2/checks2 may repeat row or be empty).
inline void addPastedColumns()
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("checks");
    QTest::addColumn<int>("row2");
    QTest::addColumn<QString>("checks2");
}

inline void runPasted(const Translator *t)
{
    QFETCH(QueryKind, kind);
    QFETCH(QString, file);
    QFETCH(QString, command);
    QFETCH(int, rows);
    QFETCH(int, row);
    QFETCH(QString, checks);
    QFETCH(int, row2);
    QFETCH(QString, checks2);
    const auto r = t->parsePasted(kind, fixture(t->platform(), file));
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->command, command);
    QCOMPARE(r->records.kind(), kind);
    QCOMPARE(r->records.size(), rows);
    checkRow(r->records, row, checks);
    checkRow(r->records, row2, checks2);
}

// --- errors(): a bad sample is an error value with a stable code, a detail naming the place
// (a substring; empty matches any) and a sentence for a person.
inline void addErrorsColumns()
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detail");
}

inline void runErrors(const Translator *t)
{
    QFETCH(QueryKind, kind);
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, detail);
    const auto r = t->parsePasted(kind, fixture(t->platform(), file));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().codeName(), code);
    QVERIFY2(r.error().detail.contains(detail), qPrintable(r.error().detail));
    QVERIFY(!r.error().message.isEmpty());
}

// --- commandsPassGuard(): every query kind, without and with a VRF / IPv6 parameters, gives
// commands the platform's own guard lets through (and so do the session's setup commands).
// interfaceName: a subinterface spelled the platform's way, used in the "vrf v6" rows.
inline void addCommandsPassGuardRows(const char *interfaceName)
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QString>("vrf");
    QTest::addColumn<QString>("neighbor");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("interfaceName");
    for (QueryKind k : allQueryKinds()) {
        const QByteArray n = queryKindName(k).toLatin1();
        QTest::newRow(n + " default") << k << "" << "192.0.2.1" << "10.1.2.3" << "";
        QTest::newRow(n + " vrf v6") << k << "CUST-A" << "2001:db8::1" << "2001:db8::/32" << interfaceName;
    }
}

// What a platform may answer instead of commands; the defaults are the shell platforms'.
struct GuardExpectations
{
    // A kind the platform cannot answer may refuse with unsupported-query and a reason;
    // false: every kind must give commands.
    bool unsupportedAllowed = true;
    // The session profile must be the interactive shell.
    bool shellMode = true;
    // A kind that needs an interface to pick its commands (IOS-XR optics): without one it
    // refuses with invalid-request and a message naming the interface.
    std::optional<QueryKind> needsInterface;
};

inline void runCommandsPassGuard(const Translator *t, const GuardExpectations &expect = {})
{
    QFETCH(QueryKind, kind);
    QFETCH(QString, vrf);
    QFETCH(QString, neighbor);
    QFETCH(QString, destination);
    QFETCH(QString, interfaceName);
    QueryParams p;
    p.vrf = vrf;
    p.neighbor = neighbor;
    p.destination = destination;
    p.interfaceName = interfaceName;
    const auto cmds = t->commands(kind, p);
    if (!cmds.ok() && expect.needsInterface == kind && interfaceName.isEmpty()) {
        QCOMPARE(cmds.error().codeName(), QStringLiteral("invalid-request"));
        QVERIFY(cmds.error().message.contains(u"interface"));
        return;
    }
    if (!cmds.ok() && expect.unsupportedAllowed) {
        // A kind the platform cannot answer says so, with a reason.
        QCOMPARE(cmds.error().codeName(), QStringLiteral("unsupported-query"));
        QVERIFY(cmds.error().message.size() > 40);
        return;
    }
    QVERIFY2(cmds.ok(), qPrintable(cmds.error().toString()));
    QVERIFY(!cmds->isEmpty());
    const SessionProfile prof = t->sessionProfile();
    if (expect.shellMode)
        QCOMPARE(prof.mode, SessionProfile::Mode::Shell);
    for (const QString &c : *cmds)
        QVERIFY2(!prof.guard.check(c).isError(), qPrintable(c));
    for (const QString &c : prof.setupCommands)
        QVERIFY2(!prof.guard.check(c).isError(), qPrintable(c));
}

// --- guardRefusesWrites(): writes, config reads and chained commands every shell platform's
// guard refuses; a platform may pass its own list instead.
inline const QList<const char *> &shellWrites()
{
    static const QList<const char *> writes{"configure", "configure terminal", "reload", "request system reboot",
                                            "clear bgp neighbor all", "show running-config", "show configuration",
                                            "copy run start", "write memory", "show version ; reload",
                                            "show version | save /tmp/x", "start shell"};
    return writes;
}

inline void runGuardRefusesWrites(const Translator *t, const QList<const char *> &writes = shellWrites())
{
    const CommandGuard g = t->sessionProfile().guard;
    for (const char *c : writes)
        QVERIFY2(g.check(QString::fromLatin1(c)).isError(), c);
}

// --- prompt(): the prompt pattern is valid, finds the platform's prompt after output, and
// does not take a line of JSON for one.
inline void runPromptAfterOutput(const Translator *t, const QString &prompt)
{
    const QRegularExpression re(t->sessionProfile().promptPattern);
    QVERIFY(re.isValid());
    QVERIFY(re.match(QStringLiteral("output\r\n") + prompt).hasMatch());
    QVERIFY(!re.match(QStringLiteral("\"peers\": {")).hasMatch());
}

// --- interfaceFilterTakesShortNames(): the filter asked for one spelling of a port; the
// device's table prints the other. Row 0 is checked.
inline void addInterfaceFilterColumns()
{
    QTest::addColumn<QueryKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("checks");
}

inline void runInterfaceFilter(const Translator *t)
{
    QFETCH(QueryKind, kind);
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(int, rows);
    QFETCH(QString, checks);
    QueryParams p;
    p.interfaceName = name;
    const auto cmds = t->commands(kind, p);
    QVERIFY2(cmds.ok(), qPrintable(cmds.error().toString()));
    QList<CommandOutput> outs;
    for (const QString &c : *cmds)
        outs.append(CommandOutput{c, fixture(t->platform(), file), 0, 1});
    const auto r = t->parse(kind, p, outs);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), rows);
    checkRow(*r, 0, checks);
}

// --- captured(): a translator against outputs captured from the real lab.
// tests/vendors/data/<platform>/<state>/, written by lab/capture.sh with a commands.txt of
// "<file>\t<command>". Used by the FRR, BIRD, GoBGP and Linux translator tests.

struct Capture {
    QHash<QString, QString> fileOf;  // command as sent on the wire -> file
    QHash<QString, int> exitOf;      // file -> exit status
    qint64 capturedAtEpoch = -1;     // from the header, for platforms that need the router's clock
    QString dir;
};

inline Capture loadCapture(const QString &platform, const QString &state)
{
    Capture c;
    c.dir = dataDir(platform) + state + u'/';
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

// The outputs a router printed for the translator's commands. `date +%s` was not captured:
// the capture time stands in for the router's clock.
inline bool outputsFor(const Capture &cap, const SessionProfile &profile, const QStringList &commands,
                       QList<CommandOutput> &outputs, QString &missing)
{
    for (const QString &cmd : commands) {
        CommandOutput o;
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

inline void addCapturedColumns()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("params");     // "neighbor=...;interfaceName=...;destination=...;addressFamily=..."
    QTest::addColumn<int>("count");          // expected record count; -1: an error is expected
    QTest::addColumn<QString>("errorCode");  // expected error code name when count is -1
    QTest::addColumn<QString>("match");      // selects one row: "key=value;..."
    QTest::addColumn<QString>("expect");     // fields of that row: "key=value;..." (value "" = unknown)
}

inline void runCaptured(const Translator *t)
{
    QFETCH(QString, state);
    QFETCH(QString, kind);
    QFETCH(QString, params);
    QFETCH(int, count);
    QFETCH(QString, errorCode);
    QFETCH(QString, match);
    QFETCH(QString, expect);

    const auto k = queryKindFromName(kind);
    QVERIFY2(k.has_value(), qPrintable(kind));
    QJsonObject po;
    for (const auto &[key, value] : pairs(params))
        po.insert(key, value);
    const QueryParams qp = QueryParams::fromJson(po);

    const auto cmds = t->commands(*k, qp);
    if (!cmds) {
        QCOMPARE(count, -1);
        QCOMPARE(cmds.error().codeName(), errorCode);
        QVERIFY(!cmds.error().message.isEmpty());
        return;
    }
    const SessionProfile profile = t->sessionProfile();
    for (const QString &c : *cmds)
        QVERIFY2(!profile.guard.check(c).isError(), qPrintable(profile.guard.check(c).toString()));

    const Capture cap = loadCapture(t->platform(), state);
    QVERIFY2(!cap.fileOf.isEmpty(), qPrintable(QStringLiteral("no capture in ") + cap.dir));
    QList<CommandOutput> outputs;
    QString missing;
    QVERIFY2(outputsFor(cap, profile, *cmds, outputs, missing), qPrintable(QStringLiteral("not captured: ") + missing));

    // A second round, built from the first round's outputs (BIRD's protocol names), as the engine runs it.
    const auto more = t->followUpCommands(*k, qp, outputs);
    if (!more) {
        QVERIFY2(count < 0, qPrintable(more.error().toString()));
        QCOMPARE(more.error().codeName(), errorCode);
        QVERIFY(!more.error().message.isEmpty());
        return;
    }
    for (const QString &c : *more)
        QVERIFY2(!profile.guard.check(c).isError(), qPrintable(profile.guard.check(c).toString()));
    QVERIFY2(outputsFor(cap, profile, *more, outputs, missing), qPrintable(QStringLiteral("not captured: ") + missing));

    const auto res = t->parse(*k, qp, outputs);
    if (count < 0) {
        QVERIFY2(!res.ok(), "expected an error");
        QCOMPARE(res.error().codeName(), errorCode);
        return;
    }
    QVERIFY2(res.ok(), qPrintable(res.error().toString()));
    const RecordSet &set = *res;
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

// --- capturedPasted(): parsePasted on captured outputs.
// Columns: the captured state, the kind, the commands (as captured, "|" between them) whose outputs
// are pasted one after another, whether each comes with a prompt line ("rlab@lab-x:~$ <command>",
// the only handmade part), the record count (-1: an error is expected) and a part of the command
// the parser must say it recognised.
inline void addCapturedPastedColumns()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("commands");
    QTest::addColumn<bool>("prompt");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("recognised");
}

inline void runCapturedPasted(const Translator *t)
{
    QFETCH(QString, state);
    QFETCH(QString, kind);
    QFETCH(QString, commands);
    QFETCH(bool, prompt);
    QFETCH(int, count);
    QFETCH(QString, recognised);
    const Capture cap = loadCapture(t->platform(), state);
    QByteArray text;
    for (const QString &cmd : commands.split(QLatin1Char('|'))) {
        const QString file = cap.fileOf.value(cmd);
        QVERIFY2(!file.isEmpty(), qPrintable(QStringLiteral("not captured: ") + cmd));
        if (prompt)
            text += "rlab@lab-" + t->platform().toUtf8() + ":~$ " + cmd.toUtf8() + '\n';
        text += readFile(cap.dir + file);
    }
    const auto k = queryKindFromName(kind);
    QVERIFY(k);
    const auto r = t->parsePasted(*k, text);
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

} // namespace rl::testing
