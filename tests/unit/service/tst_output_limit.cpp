// The output limit per command: tens of MiB by default (32 routers at once must not take the
// machine's memory), settable for every router in the engine settings and per router in the
// inventory; an answer over it is output-too-large with a sentence that says how to raise it.
#include "scripted_translator.h"

#include "engine/inventory/inventory.h"
#include "engine/service/router_data_service.h"
#include "engine/storage/memory_result_store.h"
#include "engine/transport/scripted_transport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;
using namespace rl::testing;

namespace {

const ScriptedTranslator &translator()
{
    static const ScriptedTranslator t;
    return t;
}

Router router(const QString &name, qint64 maxOutputBytes = 0)
{
    Router r;
    r.name = name;
    r.host = QStringLiteral("127.0.0.1");
    r.platform = QStringLiteral("frr");
    r.maxOutputBytes = maxOutputBytes;
    return r;
}

QByteArray bgpOutput(int bytes)
{
    QByteArray out;
    for (int i = 0; out.size() < bytes; ++i)
        out += "10.0." + QByteArray::number(i / 250) + '.' + QByteArray::number(i % 250 + 1) + " Established\n";
    return out;
}

} // namespace

class TestOutputLimit final : public QObject
{
    Q_OBJECT

private:
    // Asks bgp-status of each router; the error code of each part, by router.
    QHash<QString, ErrorCode> ask(const EngineSettings &base, const QList<Router> &routers, const QByteArray &output,
                                  QString *firstMessage = nullptr)
    {
        EngineSettings settings = base;
        settings.throttle.perClient = RateLimit{};
        settings.throttle.perRouter = RateLimit{};
        settings.throttle.network = RateLimit{};
        auto transports = std::make_shared<ScriptedTransportFactory>();
        ScriptedAnswer a;
        a.output = output;
        transports->setDefaultAnswer(a);
        RouterDataService::Backends b;
        b.transports = transports;
        b.store = std::make_shared<MemoryResultStore>();
        b.translators = [](const QString &) -> const Translator * { return &translator(); };
        RouterDataService service(settings, b);
        Inventory inv;
        QStringList names;
        for (const Router &r : routers) {
            if (inv.addRouter(r))
                return {};
            names << r.name;
        }
        service.setInventory(inv);
        QSignalSpy done(&service, &RouterDataService::responseReady);
        Request req;
        req.routers = names;
        req.kind = QueryKind::BgpStatus;
        service.submit(req);
        if (!done.wait(10000))
            return {};
        QHash<QString, ErrorCode> codes;
        for (const RouterResult &part : done.at(0).at(0).value<Response>().results) {
            codes.insert(part.router, part.error.code);
            if (firstMessage && part.error && firstMessage->isEmpty())
                *firstMessage = part.error.message;
        }
        return codes;
    }

private Q_SLOTS:
    void defaultIsTensOfMiB()
    {
        QCOMPARE(EngineSettings::defaults().maxOutputBytes, 64LL * 1024 * 1024);
        QCOMPARE(ExecOptions().maxOutputBytes, 64LL * 1024 * 1024);
        // 32 routers at once stay within 2 GiB of output between them.
        const EngineSettings s = EngineSettings::defaults();
        QVERIFY(s.maxOutputBytes * s.maxInFlightTotal <= 2LL * 1024 * 1024 * 1024);
    }

    void settingsKeepASaneLimit()
    {
        QTemporaryDir dir;
        for (const QVariant &v : {QVariant(0), QVariant(-5), QVariant(QStringLiteral("lots"))}) {
            QSettings s(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("engine/maxOutputBytes"), v);
            QCOMPARE(EngineSettings::load(s).maxOutputBytes, DefaultMaxOutputBytes);
        }
        QSettings s(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("engine/maxOutputBytes"), 1048576);
        QCOMPARE(EngineSettings::load(s).maxOutputBytes, 1048576);
    }

    void engineSettingStopsLargeAnswers()
    {
        EngineSettings s = EngineSettings::defaults();
        s.maxOutputBytes = 4096;
        QString message;
        const auto codes = ask(s, {router(QStringLiteral("r1"))}, bgpOutput(10000), &message);
        QCOMPARE(codes.value(QStringLiteral("r1"), ErrorCode::InternalError), ErrorCode::OutputTooLarge);
        QVERIFY2(message.contains(QStringLiteral("larger than the limit of 4096 bytes per command")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("\"maxOutputBytes\" of the router in the inventory")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("engine/maxOutputBytes")), qPrintable(message));
        // Under the limit the same answer is read.
        s.maxOutputBytes = 20000;
        QCOMPARE(ask(s, {router(QStringLiteral("r1"))}, bgpOutput(10000)).value(QStringLiteral("r1")), ErrorCode::None);
    }

    void routerLimitWins()
    {
        // The router's own limit applies to it alone, below or above the engine's.
        EngineSettings s = EngineSettings::defaults();
        s.maxOutputBytes = 8192;
        const auto codes = ask(s,
                               {router(QStringLiteral("small"), 2048), router(QStringLiteral("plain")),
                                router(QStringLiteral("big"), 1 << 20)},
                               bgpOutput(5000));
        QCOMPARE(codes.value(QStringLiteral("small"), ErrorCode::InternalError), ErrorCode::OutputTooLarge);
        QCOMPARE(codes.value(QStringLiteral("plain"), ErrorCode::InternalError), ErrorCode::None);
        QCOMPARE(codes.value(QStringLiteral("big"), ErrorCode::InternalError), ErrorCode::None);
        const auto over = ask(s, {router(QStringLiteral("plain")), router(QStringLiteral("big"), 1 << 20)}, bgpOutput(20000));
        QCOMPARE(over.value(QStringLiteral("plain"), ErrorCode::InternalError), ErrorCode::OutputTooLarge);
        QCOMPARE(over.value(QStringLiteral("big"), ErrorCode::InternalError), ErrorCode::None);
    }

    void inventorySetsIt_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("yaml");
        QTest::addColumn<qint64>("expected"); // -1: refused
        const auto json = [](const char *value) {
            return QByteArray(R"({"version": 1, "routers": [
  {"name": "r1", "host": "198.18.0.11", "platform": "frr",
   "maxOutputBytes": )") + value + "}]}\n";
        };
        const auto yaml = [](const char *value) {
            return QByteArray("---\nr1:\n  hostname: 198.18.0.11\n  platform: frr\n  data:\n    maxOutputBytes: ") + value + '\n';
        };
        QTest::newRow("json 16 MiB") << json("16777216") << false << qint64(16777216);
        QTest::newRow("json 0") << json("0") << false << qint64(-1);
        QTest::newRow("json 100") << json("100") << false << qint64(-1);
        QTest::newRow("json 1 TiB") << json("1099511627776") << false << qint64(-1);
        QTest::newRow("json text") << json("\"64M\"") << false << qint64(-1);
        QTest::newRow("yaml 16 MiB") << yaml("16777216") << true << qint64(16777216);
        QTest::newRow("yaml 0") << yaml("0") << true << qint64(-1);
        QTest::newRow("yaml text") << yaml("lots") << true << qint64(-1);
    }

    void inventorySetsIt()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, yaml);
        QFETCH(qint64, expected);
        const QString file = yaml ? QStringLiteral("hosts.yaml") : QStringLiteral("inv.json");
        const auto inv = yaml ? Inventory::loadNornirYaml(text, file) : Inventory::loadJson(text, file);
        if (expected < 0) {
            QVERIFY(!inv.ok());
            QCOMPARE(inv.error().code, ErrorCode::InventoryError);
            QVERIFY2(inv.error().message.startsWith(file + (yaml ? QStringLiteral(", line 6: ") : QStringLiteral(", line 3: "))),
                     qPrintable(inv.error().message));
            QVERIFY2(inv.error().message.contains(QStringLiteral("maxOutputBytes")), qPrintable(inv.error().message));
            return;
        }
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        QCOMPARE(inv->router(QStringLiteral("r1"))->maxOutputBytes, expected);
        // A limit is no tag.
        QVERIFY(!inv->router(QStringLiteral("r1"))->tags.contains(QStringLiteral("maxOutputBytes")));
    }
};

QTEST_GUILESS_MAIN(TestOutputLimit)
#include "tst_output_limit.moc"
