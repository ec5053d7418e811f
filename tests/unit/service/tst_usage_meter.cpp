// UsageMeter: per client and router, per hour; percentiles from fixed buckets; old hours go;
// the Prometheus text is well formed and its histogram consistent.

#include "engine/service/usage_meter.h"

#include <QRegularExpression>
#include <QtTest>

using namespace rl;

namespace {

RouterResult part(const QString &router, qint64 latencyMs, AnswerSource source = AnswerSource::Live, ErrorCode error = ErrorCode::None)
{
    RouterResult r;
    r.router = router;
    r.latencyMs = latencyMs;
    r.source = source;
    if (error != ErrorCode::None)
        r.error = Error(error, QStringLiteral("it failed"));
    return r;
}

const QDateTime t0 = QDateTime(QDate(2026, 12, 7), QTime(10, 15), Qt::UTC);

} // namespace

class TestUsageMeter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentilesFromBuckets_data()
    {
        QTest::addColumn<QList<double>>("samples");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QList<double> hundred;
        for (int i = 1; i <= 100; ++i)
            hundred.append(i * 10.0); // 10 .. 1000 ms
        QTest::newRow("p50 of 10..1000") << hundred << 50.0 << 250.0 << 500.0;
        QTest::newRow("p99 of 10..1000") << hundred << 99.0 << 500.0 << 1000.0;
        QTest::newRow("one sample") << QList<double>{42} << 50.0 << 25.0 << 50.0;
        QTest::newRow("beyond the last bound") << QList<double>{120000, 130000} << 99.0 << 60000.0 << 60000.0;
    }
    void percentilesFromBuckets()
    {
        QFETCH(QList<double>, samples);
        QFETCH(double, p);
        QFETCH(double, low);
        QFETCH(double, high);
        LatencyHistogram h;
        for (double s : samples)
            h.add(s);
        const double v = h.percentile(p);
        QVERIFY2(v >= low && v <= high, qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(v).arg(low).arg(high)));
        QCOMPARE(h.count(), samples.size());
        QCOMPARE(h.cumulative(LatencyHistogram::kBoundsMs.size()), samples.size());
        QCOMPARE(LatencyHistogram().percentile(50), -1.0);
    }

    void countsPerClientRouterAndHour()
    {
        UsageMeter m;
        m.recordPart(QStringLiteral("globex"), part(QStringLiteral("pe1"), 120), t0);
        m.recordPart(QStringLiteral("globex"), part(QStringLiteral("pe1"), -1, AnswerSource::Store), t0.addSecs(60));
        m.recordPart(QStringLiteral("globex"), part(QStringLiteral("pe1"), -1, AnswerSource::Live, ErrorCode::Timeout), t0.addSecs(3600));
        m.recordPart(QStringLiteral("initech"), part(QStringLiteral("pe1"), 80), t0);
        m.recordRefusal(QStringLiteral("globex"), Error(ErrorCode::Throttled, QStringLiteral("slow down")), t0);
        m.recordRefusal(QStringLiteral("globex"), Error(ErrorCode::Forbidden, QStringLiteral("no")), t0);

        const QList<UsageMeter::Row> first = m.rows(t0.addSecs(-900), t0.addSecs(2700), QStringLiteral("globex"));
        QCOMPARE(first.size(), 2); // the refusals (no router) and pe1, in the 10:00 hour
        QCOMPARE(first.at(0).router, QString());
        QCOMPARE(first.at(0).counters.throttled, 1);
        QCOMPARE(first.at(0).counters.refused, 1);
        QCOMPARE(first.at(1).router, QStringLiteral("pe1"));
        QCOMPARE(first.at(1).counters.parts, 2);
        QCOMPARE(first.at(1).counters.cacheHits, 1);
        QCOMPARE(first.at(1).counters.latency.count(), 1);
        QCOMPARE(first.at(1).hour, QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));

        const QList<UsageMeter::Row> all = m.rows(t0.addSecs(-900), t0.addSecs(7200));
        QCOMPARE(all.size(), 4);
        const QList<UsageMeter::Row> totals = m.totals();
        for (const UsageMeter::Row &r : totals) {
            if (r.client == QLatin1String("globex") && r.router == QLatin1String("pe1")) {
                QCOMPARE(r.counters.parts, 3);
                QCOMPARE(r.counters.errors.value(QStringLiteral("timeout")), 1);
            }
        }
    }

    void oldHoursAreDropped()
    {
        UsageMeter m(2);
        m.recordPart(QStringLiteral("c"), part(QStringLiteral("r"), 10), t0);
        m.recordPart(QStringLiteral("c"), part(QStringLiteral("r"), 10), t0.addSecs(3 * 3600));
        QCOMPARE(m.rows(t0.addSecs(-3600), t0.addSecs(5 * 3600)).size(), 1);
    }

    void prometheusTextIsWellFormed()
    {
        UsageMeter m;
        m.recordPart(QStringLiteral("noc \"alice\"\n"), part(QStringLiteral("pe1"), 120), t0);
        m.recordPart(QStringLiteral("noc \"alice\"\n"), part(QStringLiteral("pe1"), 7000), t0);
        m.recordRefusal(QStringLiteral("globex"), Error(ErrorCode::Throttled, QStringLiteral("slow down")), t0);
        const QByteArray text = m.prometheusText();
        static const QRegularExpression sample(QStringLiteral("^[a-z_]+(\\{([a-z]+=\"([^\"\\\\]|\\\\.)*\",?)*\\})? [0-9.e+-]+$"));
        int samples = 0;
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "))
                continue;
            QVERIFY2(sample.match(QString::fromUtf8(line)).hasMatch(), line.constData());
            ++samples;
        }
        QVERIFY(samples > 10);
        const QByteArray client = "client=\"noc \\\"alice\\\"\\n\"";
        QVERIFY(text.contains(client));
        QVERIFY(text.contains("routerlens_answer_latency_seconds_bucket{" + client + ",router=\"pe1\",le=\"0.25\"} 1"));
        QVERIFY(text.contains("routerlens_answer_latency_seconds_bucket{" + client + ",router=\"pe1\",le=\"+Inf\"} 2"));
        QVERIFY(text.contains("routerlens_requests_refused_total{client=\"globex\",reason=\"throttled\"} 1"));
    }

    void coalescedAndThrottledParts()
    {
        UsageMeter m;
        m.recordPart(QStringLiteral("a"), part(QStringLiteral("pe1"), 30), t0);
        m.recordPart(QStringLiteral("b"), part(QStringLiteral("pe1"), 30), t0, /*coalesced*/ true);
        m.recordPart(QStringLiteral("b"), part(QStringLiteral("pe1"), -1, AnswerSource::Live, ErrorCode::Throttled), t0);
        m.recordRefusal(QStringLiteral("b"), Error(ErrorCode::Throttled, QStringLiteral("slow down")), t0);
        const QList<UsageMeter::Row> rows = m.rows(t0, t0.addSecs(1));
        QCOMPARE(rows.size(), 3);
        const UsageCounters &a = rows.at(0).counters;
        QCOMPARE(rows.at(1).router, QString()); // b's whole request
        const UsageCounters &bRefused = rows.at(1).counters;
        const UsageCounters &b = rows.at(2).counters;
        QCOMPARE(a.coalesced, 0);
        QCOMPARE(b.coalesced, 1);
        QCOMPARE(b.parts, 2);
        QCOMPARE(b.throttled, 1);
        QCOMPARE(b.errors.value(QStringLiteral("throttled")), 1);
        QCOMPARE(b.requests(), 2);
        QCOMPARE(bRefused.throttled, 1);
        QCOMPARE(bRefused.throttledRequests, 1);
        QCOMPARE(bRefused.requests(), 1);
        const QByteArray text = m.prometheusText();
        QVERIFY(text.contains("routerlens_coalesced_total{client=\"b\",router=\"pe1\"} 1"));
        QVERIFY(text.contains("routerlens_throttled_total{client=\"b\",router=\"pe1\"} 1"));
    }

    // The form both stores keep: named integer metrics, back to the same counters.
    void countersThroughMetrics()
    {
        UsageCounters c;
        c.parts = 9;
        c.cacheHits = 4;
        c.coalesced = 2;
        c.throttled = 3;
        c.throttledRequests = 1;
        c.refused = 5;
        c.errors[QStringLiteral("timeout")] = 2;
        c.errors[QStringLiteral("auth-failed")] = 1;
        for (double ms : {1.0, 7.0, 99.0, 240.0, 70000.0})
            c.latency.add(ms);
        UsageCounters back;
        for (const auto &[name, value] : c.toMetrics())
            QVERIFY2(back.addMetric(name, value), qPrintable(name));
        QVERIFY(back == c);
        QCOMPARE(back.latency.percentile(95), c.latency.percentile(95));
        QVERIFY(!back.addMetric(QStringLiteral("no-such-metric"), 1));
        QVERIFY(UsageCounters().toMetrics().isEmpty());
    }

    void takeAllEmptiesTheMeter()
    {
        UsageMeter m;
        m.recordPart(QStringLiteral("a"), part(QStringLiteral("pe1"), 30), t0);
        m.recordPart(QStringLiteral("a"), part(QStringLiteral("pe1"), 30), t0.addSecs(3600));
        const QList<UsageMeter::Row> taken = m.takeAll();
        QCOMPARE(taken.size(), 2);
        QVERIFY(m.isEmpty());
        UsageMeter again;
        for (const UsageMeter::Row &r : taken)
            again.add(r);
        again.add(taken.first());
        QCOMPARE(again.rows(t0, t0.addSecs(1)).first().counters.parts, 2);
    }
};

QTEST_GUILESS_MAIN(TestUsageMeter)
#include "tst_usage_meter.moc"
