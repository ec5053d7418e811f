#include "engine/transport/ssh_terminal_text.h"

#include <QTest>

using namespace rl;

class TestSshTerminalText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clean_data();
    void clean();
    void pager_data();
    void pager();
};

void TestSshTerminalText::clean_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n");
    QTest::newRow("ansi colour") << QByteArray("\x1b[1;32mup\x1b[0m\n") << QByteArray("up\n");
    QTest::newRow("osc title") << QByteArray("\x1b]0;core-1\x07prompt#") << QByteArray("prompt#");
    QTest::newRow("cisco pager erase") << QByteArray(" --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bnext line\n")
                                       << QByteArray("next line\n");
    QTest::newRow("cr overwrite") << QByteArray("--More--\r        \rline\n") << QByteArray("line\n");
    QTest::newRow("erase line") << QByteArray("--More--\r\x1b[Kline\n") << QByteArray("line\n");
    QTest::newRow("trailing spaces") << QByteArray("x   \n") << QByteArray("x\n");
    QTest::newRow("bell and nul") << QByteArray("a\x07\0" "b\n", 5) << QByteArray("ab\n");
    QTest::newRow("charset") << QByteArray("\x1b(Bok\n") << QByteArray("ok\n");
    QTest::newRow("truncated escape") << QByteArray("ok\x1b[") << QByteArray("ok");
    QTest::newRow("prompt with parens") << QByteArray("\x1b[1mcore-1.lab(vrf-a)#\x1b[0m") << QByteArray("core-1.lab(vrf-a)#");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestSshTerminalText::clean()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, expected);
    QCOMPARE(SshTerminalText::clean(raw), expected);
}

void TestSshTerminalText::pager_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("isPager");
    QTest::newRow("cisco") << QByteArray(" --More-- ") << true;
    QTest::newRow("plain") << QByteArray("--More--") << true;
    QTest::newRow("spaced") << QByteArray("-- More --") << true;
    QTest::newRow("percent") << QByteArray("--More-- (42%)") << true;
    QTest::newRow("prompt") << QByteArray("core-1.lab#") << false;
    QTest::newRow("text with more") << QByteArray("more routes follow") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestSshTerminalText::pager()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, isPager);
    QCOMPARE(SshTerminalText::isPagerPrompt(line), isPager);
}

QTEST_GUILESS_MAIN(TestSshTerminalText)
#include "tst_ssh_terminal_text.moc"
