// One conformance test for every platform and query kind, NAPALM style.
//
// The corpus lives in tests/vendors/data/<platform>/<kind>/<case>/:
//   output.txt | output.json | output.xml  the text exactly as the router printed it (a prompt
//                                          line with the command above it is allowed)
//   expected.json                          RecordSet::toJson of what the text says, checked by a
//                                          person field by field; or {"error": "<code>"} for
//                                          text that must be refused
//   source.txt                             what the sample was modeled on (document, version)
//   command.txt (optional)                 the command the recogniser must name
//
// RL_CONFORMANCE_DUMP=1 writes expected.json for cases that have none yet (to review by hand
// before committing); a case without expected.json fails otherwise.

#include "engine/vendors/offline_parser.h"
#include "engine/vendors/translator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rl;

namespace {

const QString kDataRoot = QStringLiteral(TOPSRCDIR "tests/vendors/data/");

// Platforms whose corpus must cover every kind they support.
const QStringList kCorpusPlatforms = {
    QStringLiteral("cisco-ios"), QStringLiteral("cisco-iosxr"), QStringLiteral("cisco-nxos"),
    QStringLiteral("juniper-junos"), QStringLiteral("arista-eos"),
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// The sample's output file, or empty when the case has none (or more than one).
QString outputFile(const QDir &dir)
{
    const QStringList found = dir.entryList({QStringLiteral("output.txt"), QStringLiteral("output.json"), QStringLiteral("output.xml")}, QDir::Files);
    return found.size() == 1 ? dir.filePath(found.first()) : QString();
}

struct Case {
    QString platform;
    QueryKind kind;
    QString dir;
};

QList<Case> allCases()
{
    QList<Case> cases;
    for (const QString &platform : TranslatorRegistry::platforms()) {
        const QDir pdir(kDataRoot + platform);
        for (QueryKind kind : allQueryKinds()) {
            const QDir kdir(pdir.filePath(queryKindName(kind)));
            if (!kdir.exists())
                continue;
            for (const QString &c : kdir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                cases.append({platform, kind, kdir.filePath(c)});
        }
    }
    return cases;
}

// Representative parameter sets: each kind's commands are built for all of them.
QList<QPair<QString, QueryParams>> parameterSets()
{
    QList<QPair<QString, QueryParams>> sets;
    sets.append({QStringLiteral("none"), QueryParams{}});
    QueryParams v4;
    v4.neighbor = QStringLiteral("198.51.100.1");
    v4.destination = QStringLiteral("203.0.113.0/24");
    v4.interfaceName = QStringLiteral("GigabitEthernet0/0/0/1.210"); // IOS-XR names its ports rack/slot/module/port
    sets.append({QStringLiteral("ipv4"), v4});
    QueryParams v6;
    v6.neighbor = QStringLiteral("2001:db8:100::1");
    v6.destination = QStringLiteral("2001:db8:200::/48");
    v6.addressFamily = QStringLiteral("ipv6");
    v6.vrf = QStringLiteral("CUST-A");
    v6.interfaceName = QStringLiteral("et-0/0/1.100");
    sets.append({QStringLiteral("ipv6 vrf"), v6});
    return sets;
}

// A short account of where two record lists first differ, for a failure message.
QString firstDifference(const QJsonArray &want, const QJsonArray &got)
{
    if (want.size() != got.size())
        return QStringLiteral("expected %1 rows, got %2; got:\n%3")
            .arg(want.size()).arg(got.size()).arg(QString::fromUtf8(QJsonDocument(got).toJson(QJsonDocument::Indented)).left(4000));
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QJsonObject w = want.at(i).toObject(), g = got.at(i).toObject();
        QStringList keys = w.keys();
        for (const QString &k : g.keys())
            if (!keys.contains(k))
                keys.append(k);
        for (const QString &k : keys) {
            if (w.value(k) != g.value(k))
                return QStringLiteral("row %1, field %2: expected %3, got %4")
                    .arg(i).arg(k,
                                QString::fromUtf8(QJsonDocument(QJsonArray{w.value(k)}).toJson(QJsonDocument::Compact)),
                                QString::fromUtf8(QJsonDocument(QJsonArray{g.value(k)}).toJson(QJsonDocument::Compact)));
        }
    }
    return QStringLiteral("(no difference found)");
}

} // namespace

class TestConformance final : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QueryKind>("kind");
        QTest::addColumn<QString>("dir");
        const QList<Case> cases = allCases();
        if (cases.isEmpty()) // a corpus that went missing fails, it does not pass on nothing
            QTest::newRow("no cases") << QString() << QueryKind::Facts << QString();
        for (const Case &c : cases)
            QTest::newRow(qPrintable(QDir(kDataRoot).relativeFilePath(c.dir))) << c.platform << c.kind << c.dir;
    }

    // Every case parses to exactly its expected records (or is refused with its error code).
    void corpus()
    {
        QFETCH(QString, platform);
        QFETCH(QueryKind, kind);
        QFETCH(QString, dir);
        QVERIFY2(!dir.isEmpty(), qPrintable(QStringLiteral("no conformance cases under %1").arg(kDataRoot)));
        const QDir d(dir);
        const QString output = outputFile(d);
        QVERIFY2(!output.isEmpty(), "a case holds exactly one of output.txt, output.json, output.xml");
        QVERIFY2(!readFile(d.filePath(QStringLiteral("source.txt"))).trimmed().isEmpty(),
                 "a case says in source.txt what it was modeled on");
        const QByteArray text = readFile(output);
        QVERIFY2(!text.isEmpty(), "the output file is empty");

        const auto parsed = OfflineParser::parse(platform, kind, text);
        const QString expectedPath = d.filePath(QStringLiteral("expected.json"));
        QByteArray expectedRaw = readFile(expectedPath);
        if (expectedRaw.isEmpty() && qEnvironmentVariableIntValue("RL_CONFORMANCE_DUMP")) {
            QJsonDocument doc = parsed ? QJsonDocument(parsed->records.toJson())
                                       : QJsonDocument(QJsonObject{{QStringLiteral("error"), parsed.error().codeName()},
                                                                   {QStringLiteral("message"), parsed.error().message}});
            QFile f(expectedPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(doc.toJson(QJsonDocument::Indented));
            f.close();
            qWarning("wrote %s: review it against the output before committing", qPrintable(expectedPath));
            expectedRaw = readFile(expectedPath);
        }
        QJsonParseError jerr;
        const QJsonDocument expected = QJsonDocument::fromJson(expectedRaw, &jerr);
        QVERIFY2(jerr.error == QJsonParseError::NoError,
                 qPrintable(QStringLiteral("expected.json: %1").arg(expectedRaw.isEmpty() ? QStringLiteral("missing") : jerr.errorString())));

        if (expected.isObject()) {
            const QString code = expected.object().value(QStringLiteral("error")).toString();
            QVERIFY2(!code.isEmpty(), "an object expected.json names the error code");
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("expected %1, but the text was read as %2 with %3 rows")
                                                 .arg(code, parsed ? parsed->command : QString()).arg(parsed ? parsed->records.size() : 0)));
            QCOMPARE(parsed.error().codeName(), code);
            // A refusal names what it tried, in words a person can act on.
            QVERIFY2(parsed.error().message.size() > 20, qPrintable(parsed.error().message));
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->records.kind(), kind);
        const QByteArray command = readFile(d.filePath(QStringLiteral("command.txt"))).trimmed();
        if (!command.isEmpty())
            QCOMPARE(parsed->command, QString::fromUtf8(command));
        const QJsonArray got = parsed->records.toJson();
        const QJsonArray want = expected.array();
        QVERIFY2(got == want, qPrintable(firstDifference(want, got)));
        // The normalized form survives a round trip (what the store and the API rely on).
        QCOMPARE(RecordSet::fromJson(kind, want).toJson(), want);
    }

    void commands_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QueryKind>("kind");
        for (const QString &platform : TranslatorRegistry::platforms())
            for (QueryKind kind : allQueryKinds())
                QTest::newRow(qPrintable(platform + u'/' + queryKindName(kind))) << platform << kind;
    }

    // Every command a translator produces passes its read-only guard; a kind the platform
    // cannot answer is unsupported-query with a sentence, never an empty command list.
    void commands()
    {
        QFETCH(QString, platform);
        QFETCH(QueryKind, kind);
        const Translator *t = TranslatorRegistry::find(platform);
        QVERIFY(t);
        const SessionProfile profile = t->sessionProfile();
        QVERIFY2(!profile.guard.isEmpty(), "every platform has a read-only allow-list");
        for (const auto &[name, params] : parameterSets()) {
            const auto cmds = t->commands(kind, params);
            if (!cmds) {
                const ErrorCode code = cmds.error().code;
                QVERIFY2(code == ErrorCode::UnsupportedQuery || code == ErrorCode::InvalidRequest,
                         qPrintable(name + QStringLiteral(": ") + cmds.error().toString()));
                QVERIFY2(cmds.error().message.size() > 20, qPrintable(cmds.error().message));
                continue;
            }
            QVERIFY2(!cmds->isEmpty(), qPrintable(name + QStringLiteral(": no commands")));
            for (const QString &c : *cmds) {
                const Error e = profile.guard.check(c);
                QVERIFY2(!e, qPrintable(QStringLiteral("%1: \"%2\" refused by the guard: %3").arg(name, c, e.message)));
            }
        }
        // A configuration command never passes.
        for (const char *w : {"configure terminal", "conf t", "reload", "write memory", "clear bgp *", "request system reboot"})
            QVERIFY2(profile.guard.check(QLatin1String(w)), w);
    }

    // Text that is no router output at all is refused by every platform and kind, with a
    // sentence: never "0 rows".
    void refusesForeignText_data() { commands_data(); }
    void refusesForeignText()
    {
        QFETCH(QString, platform);
        QFETCH(QueryKind, kind);
        const auto r = OfflineParser::parse(platform, kind, QByteArrayLiteral("Nothing here is router output.\nA parser must refuse it.\n"));
        QVERIFY2(!r.ok(), qPrintable(QStringLiteral("read as %1 with %2 rows").arg(r ? r->command : QString()).arg(r ? r->records.size() : 0)));
        QVERIFY2(r.error().code == ErrorCode::ParseError || r.error().code == ErrorCode::UnsupportedQuery,
                 qPrintable(r.error().toString()));
    }

    void coverage_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QueryKind>("kind");
        for (const QString &platform : kCorpusPlatforms)
            for (QueryKind kind : allQueryKinds())
                QTest::newRow(qPrintable(platform + u'/' + queryKindName(kind))) << platform << kind;
    }

    // Every kind a commercial platform supports has samples in the corpus.
    void coverage()
    {
        QFETCH(QString, platform);
        QFETCH(QueryKind, kind);
        const Translator *t = TranslatorRegistry::find(platform);
        QVERIFY(t);
        bool supported = false;
        for (const auto &[name, params] : parameterSets())
            supported = supported || t->commands(kind, params).ok();
        const QDir kdir(kDataRoot + platform + u'/' + queryKindName(kind));
        const qsizetype n = kdir.exists() ? kdir.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() : 0;
        if (supported)
            QVERIFY2(n > 0, "a supported kind has at least one sample in the corpus");
        else
            QCOMPARE(n, 0); // samples for a kind the platform refuses would never run
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
