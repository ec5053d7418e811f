// A paste (the paste box, `routerlens-cli parse`) is read up to a stated size, the same as a
// live command's default output limit; a larger one is refused before it is read, with a
// sentence a person can act on.
#include "engine/vendors/offline_parser.h"

#include <QTest>

using namespace rl;

class TestOfflineLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void largePasteRefused()
    {
        QCOMPARE(OfflineParser::MaxTextBytes, 64LL * 1024 * 1024);
        // A real table, repeated past the limit.
        const QByteArray row("Internet  10.0.0.1               25   0011.2233.4455  ARPA   GigabitEthernet0/1\n");
        QByteArray text("pe1#show ip arp\nProtocol  Address          Age (min)  Hardware Addr   Type   Interface\n");
        text += row.repeated(OfflineParser::MaxTextBytes / row.size() + 1);
        QVERIFY(text.size() > OfflineParser::MaxTextBytes);
        for (const char *platform : {"cisco-ios", "frr", "juniper-junos"}) {
            const auto r = OfflineParser::parse(QString::fromLatin1(platform), QueryKind::ArpTable, text);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::OutputTooLarge);
            QVERIFY2(r.error().message.contains(QStringLiteral("at most 64 MiB")), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QStringLiteral("one command at a time")), qPrintable(r.error().message));
        }
        // The same text, shorter, is read (the benchmark reads one of the full size).
        const QByteArray small = text.left(text.indexOf('\n', 4096) + 1);
        const auto ok = OfflineParser::parse(QStringLiteral("cisco-ios"), QueryKind::ArpTable, small);
        QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
        QVERIFY(ok->records.size() > 40);
    }
};

QTEST_GUILESS_MAIN(TestOfflineLimits)
#include "tst_offline_limits.moc"
