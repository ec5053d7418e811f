#pragma once

// Helpers shared by the data-driven translator tests. Included by each test, so SRCDIR is that
// test's own folder. Each test keeps its own rows (samples and expectations); the bodies that
// run a row the same way on every platform live here, so a check added to one runs on all.
// The run*() functions read the current row with QFETCH and are called from the test slot.

#include "engine/vendors/translator.h"

#include <QFile>
#include <QList>
#include <QRegularExpression>
#include <QTest>

#include <optional>

namespace rl::testing {

// A sample from the test's data/ folder; a missing sample is a broken test, not a failure to skip.
inline QByteArray sample(const QString &name)
{
    QFile f(QStringLiteral(SRCDIR "data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(name));
    return f.readAll();
}

inline const Translator *registeredTranslator(const char *platform)
{
    const Translator *t = TranslatorRegistry::find(QLatin1String(platform));
    if (!t)
        qFatal("%s is not registered", platform);
    return t;
}

// "column=value;column=value" checks against one row, by column key.
inline void checkRow(const RecordSet &set, int row, const QString &checks)
{
    if (checks.isEmpty())
        return;
    QVERIFY2(row < set.size(), qPrintable(QStringLiteral("row %1 of %2").arg(row).arg(set.size())));
    for (const QString &check : checks.split(QLatin1Char(';'))) {
        const QString key = check.section(QLatin1Char('='), 0, 0);
        const QString want = check.section(QLatin1Char('='), 1);
        const int col = set.columnIndex(key);
        QVERIFY2(col >= 0, qPrintable(key));
        const QVariant v = set.value(row, col);
        const QString got = v.typeId() == QMetaType::Bool ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                          : v.toString();
        QCOMPARE(got, want);
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
    const auto r = t->parsePasted(kind, sample(file));
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
    const auto r = t->parsePasted(kind, sample(file));
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
        outs.append(CommandOutput{c, sample(file), 0, 1});
    const auto r = t->parse(kind, p, outs);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), rows);
    checkRow(*r, 0, checks);
}

} // namespace rl::testing
