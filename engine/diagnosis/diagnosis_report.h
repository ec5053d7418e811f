#pragma once

#include "engine/diagnosis/connection_diagnosis.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rl {

// A diagnosis as a report for a ticket: the window's export and `routerlens-cli diagnose
// --format html` share it. Pure functions of value types; every text a router or the
// inventory supplied is escaped (HTML) or neutralised (CSV) before it is written.
namespace DiagnosisReport {

struct Options {
    QString title = QStringLiteral("RouterLens connection diagnosis");
    QDateTime generatedAt = QDateTime::currentDateTimeUtc();
    // Evidence rows per table in HTML; the rest are counted, not listed (a routes step can
    // carry a whole received table). 0: no limit. CSV always writes every row.
    int maxRowsPerTable = 1000;
};

// One self-contained HTML document (inline style, no scripts, no external resources) that
// prints well: per connection its facts, overall verdict, likely cause with its advice, a
// summary of every step, then each step with finding, advice, evidence and its records.
QByteArray toHtml(const QList<DiagnosisResult> &results, const Options &options = {});

// The JSON form (`routerlens-cli diagnose --format json` and the HTTP API's diagnoses):
// {"version", "diagnoses": [{connection, customer, verdict, steps: [...], likelyCause}]}, each
// step with its records.
QJsonObject toJson(const QList<DiagnosisResult> &results);
// One step; `withRecords` adds the answers it rests on.
QJsonObject stepJson(const DiagnosisStep &step, bool withRecords);

// RFC 4180 CSV. First column says what a row is: "step" rows (one per step, under a header
// row naming their columns), then per step and answer an "evidence-header" row naming the
// record columns and one "evidence" row per record (or one with the router's error).
QByteArray toCsv(const QList<DiagnosisResult> &results);

// A CSV field as a spreadsheet may open it safely: text starting with = + - @ (or a tab or
// CR) gets a leading apostrophe so it is never read as a formula; a plain number such as
// "-19.4" stays a number. Then quoted as RFC 4180 requires.
QString spreadsheetField(const QString &value);

// "VLAN 210", "VLAN 210.20" (QinQ) or "untagged".
QString vlanText(const Connection &connection);
// "customer end", "provider end", "both ends".
QString endText(ConnectionEnd end);

} // namespace DiagnosisReport
} // namespace rl
