#pragma once

#include "engine/api/error.h"
#include "engine/api/request.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace rl {

// "neighbor=198.51.100.1 vrf=blue": the parameters that are set, for people.
QString paramsSummary(const QueryParams &params);

// Everything asked in this session with its answers, times and errors, to hand on:
// CSV (one line per router part) and a self-contained HTML page (one table per answer).
class SessionReport
{
public:
    void add(const Response &response);
    void clear() { m_responses.clear(); }
    const QList<Response> &responses() const { return m_responses; }
    bool isEmpty() const { return m_responses.isEmpty(); }

    QByteArray toCsv() const;
    QByteArray toHtml(const QString &title) const;

private:
    QList<Response> m_responses;
};

} // namespace rl
