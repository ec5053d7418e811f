#pragma once

#include "engine/storage/result_store.h"

#include <QWidget>

class QChartView;

namespace rl {

// Charts from the result store's history of one router and query: BGP prefixes received
// and sent per neighbor over time, interface error counters over time; and optics levels
// of the newest answer against their warning thresholds.
class HistoryChartWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryChartWidget)

public:
    explicit HistoryChartWidget(QWidget *parent = nullptr);
    // Oldest first or newest first: sorted by fetch time here.
    void setAnswers(const QString &router, QueryKind kind, QList<StoredAnswer> answers);
    int seriesCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QChartView *m_view;
    // What the chart shows, so that a palette change (light/dark) can draw it again.
    QString m_router;
    QueryKind m_kind = QueryKind::Facts;
    QList<StoredAnswer> m_answers;
};

} // namespace rl
