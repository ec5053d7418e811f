// HttpResponseReader: HTTP/1.1 answers as routers' API servers send them, whole and in pieces,
// and the ways they go wrong. Every answer is also fed one byte at a time: the result must not
// depend on how the bytes arrived.

#include "engine/transport/http_response_reader.h"

#include <QtTest>

using namespace rl;
using Problem = HttpResponseReader::Problem;

Q_DECLARE_METATYPE(Problem)

namespace {

constexpr HttpResponseReader::Limits kLimits{1024, 4096};

HttpResponseReader read(const QByteArray &bytes, qsizetype piece, bool close, bool head = false)
{
    HttpResponseReader r(kLimits, head);
    for (qsizetype at = 0; at < bytes.size(); at += piece)
        r.feed(QByteArrayView(bytes).sliced(at, std::min(piece, bytes.size() - at)));
    if (close && !r.done() && !r.failed())
        r.peerClosed();
    return r;
}

} // namespace

class TestHttpResponseReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("closeAfter"); // the router closes once it has sent the bytes
        QTest::addColumn<int>("status");      // 0: the answer fails
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<bool>("keepAlive");

        QTest::newRow("length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}")
                                << false << 200 << QByteArray("{\"a\":1}") << Problem::None << true;
        QTest::newRow("length, bytes after it ignored")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}GARBAGE") << false << 200 << QByteArray("{}")
            << Problem::None << true;
        QTest::newRow("chunked with extension and trailer")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;name=v\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-T: 1\r\n\r\n")
            << false << 200 << QByteArray("{\"a\":1}") << Problem::None << true;
        QTest::newRow("chunked upper-case hex") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n")
                                                << false << 200 << QByteArray("0123456789") << Problem::None << true;
        QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it") << true << 200
                                     << QByteArray("all of it") << Problem::None << false;
        QTest::newRow("HTTP/1.0 closes") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false << 200
                                         << QByteArray("ok") << Problem::None << false;
        QTest::newRow("HTTP/1.0 keep-alive") << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok")
                                             << false << 200 << QByteArray("ok") << Problem::None << true;
        QTest::newRow("connection close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << false
                                          << 200 << QByteArray("ok") << Problem::None << false;
        QTest::newRow("100 Continue first") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
                                            << false << 401 << QByteArray() << Problem::None << true;
        QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << 204 << QByteArray()
                                         << Problem::None << true;
        QTest::newRow("bare LF line ends") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\n{}") << false << 200 << QByteArray("{}")
                                           << Problem::None << true;
        QTest::newRow("status without reason") << QByteArray("HTTP/1.1 503\r\nContent-Length: 0\r\n\r\n") << false << 503
                                               << QByteArray() << Problem::None << true;

        QTest::newRow("ssh banner") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << false << 0 << QByteArray() << Problem::NotHttp << true;
        QTest::newRow("html without status") << QByteArray("<html>hello</html>") << false << 0 << QByteArray() << Problem::NotHttp << true;
        QTest::newRow("no status code") << QByteArray("HTTP/1.1 OK\r\n\r\n") << false << 0 << QByteArray() << Problem::NotHttp << true;
        QTest::newRow("HTTP/2 preface") << QByteArray("HTTP/2 200\r\n\r\n") << false << 0 << QByteArray() << Problem::NotHttp << true;
        QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n") << false << 0 << QByteArray()
                                              << Problem::NotHttp << true;
        QTest::newRow("head too large") << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(2000, 'x') + "\r\n\r\n") << false << 0
                                        << QByteArray() << Problem::HeadTooLarge << true;
        QTest::newRow("announced body too large") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n") << false << 0
                                                  << QByteArray() << Problem::BodyTooLarge << true;
        QTest::newRow("chunks too large") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + QByteArray(0x800, 'a')
                                                        + "\r\n800\r\n" + QByteArray(0x800, 'b') + "\r\n1\r\n")
                                          << false << 0 << QByteArray() << Problem::BodyTooLarge << true;
        QTest::newRow("until close too large") << QByteArray("HTTP/1.1 200 OK\r\n\r\n" + QByteArray(5000, 'z')) << false << 0
                                               << QByteArray() << Problem::BodyTooLarge << true;
        QTest::newRow("conflicting lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc")
                                             << false << 0 << QByteArray() << Problem::BadFraming << true;
        // Found by fuzz_http_response: "Content-Length:" inside another header's name was taken
        // for a length that then was not there (an empty optional read: undefined behaviour).
        QTest::newRow("a name that ends in content-length") << QByteArray("HTTP/1.1 200 OK\r\nX-Content-Length: 2\r\n\r\nabc") << true << 200
                                                           << QByteArray("abc") << Problem::None << false;
        QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << 0 << QByteArray()
                                         << Problem::BadFraming << true;
        QTest::newRow("chunk size not hex") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false << 0
                                            << QByteArray() << Problem::BadFraming << true;
        QTest::newRow("chunk without its CRLF") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n")
                                                << false << 0 << QByteArray() << Problem::BadFraming << true;
        QTest::newRow("chunk size line endless") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray(2000, '0'))
                                                 << false << 0 << QByteArray() << Problem::BadFraming << true;
        QTest::newRow("closed before the end of the length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << true << 0 << QByteArray() << Problem::ClosedEarly << true;
        QTest::newRow("closed mid head") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << true << 0 << QByteArray()
                                         << Problem::ClosedEarly << true;
        QTest::newRow("closed before the last chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n") << true << 0 << QByteArray()
            << Problem::ClosedEarly << true;
        QTest::newRow("closed with nothing sent") << QByteArray() << true << 0 << QByteArray() << Problem::ClosedEarly << true;
    }
    void answers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, closeAfter);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Problem, problem);
        QFETCH(bool, keepAlive);
        for (qsizetype piece : {bytes.size() + 1, qsizetype(1), qsizetype(7)}) {
            const HttpResponseReader r = read(bytes, piece, closeAfter);
            QCOMPARE(r.problem(), problem);
            if (status == 0) {
                QVERIFY2(r.failed(), qPrintable(QStringLiteral("pieces of %1").arg(piece)));
                QVERIFY(r.body().size() <= kLimits.maxBodyBytes);
                continue;
            }
            QVERIFY2(r.done(), qPrintable(QStringLiteral("pieces of %1").arg(piece)));
            QCOMPARE(r.status(), status);
            QCOMPARE(r.body(), body);
            QCOMPARE(r.keepAlive(), keepAlive);
        }
    }

    void headRequestHasNoBody()
    {
        const HttpResponseReader r = read("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", 3, false, true);
        QVERIFY(r.done());
        QVERIFY(r.body().isEmpty());
    }

    void headersAreFoundByLowerCaseName()
    {
        const HttpResponseReader r = read("HTTP/1.1 301 Moved\r\nLOCATION:  https://198.18.0.9/x \r\nContent-Length: 0\r\n\r\n", 5, false);
        QVERIFY(r.done());
        QCOMPARE(r.header("location"), QByteArray("https://198.18.0.9/x"));
        QVERIFY(r.header("missing").isEmpty());
    }

    void notHttpIsSeenFromTheFirstBytes()
    {
        // No need to wait for a line end: five bytes that are not "HTTP/" decide it.
        HttpResponseReader r(kLimits);
        r.feed("SSH-2");
        QCOMPARE(r.problem(), Problem::NotHttp);
        QCOMPARE(r.preview(), QByteArray("SSH-2"));
    }

    void keepsNoMoreThanItsLimits()
    {
        // 1 MiB of header lines in 4 KiB reads: refused at the head limit, having kept little.
        HttpResponseReader r(kLimits);
        r.feed("HTTP/1.1 200 OK\r\n");
        const QByteArray line = "X-Junk: " + QByteArray(4088, 'j') + "\r\n";
        int fed = 0;
        while (!r.failed() && fed < 256) {
            r.feed(line);
            ++fed;
        }
        QCOMPARE(r.problem(), Problem::HeadTooLarge);
        QVERIFY2(fed <= 1, qPrintable(QStringLiteral("%1 reads before the refusal").arg(fed)));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseReader)
#include "tst_http_response_reader.moc"
