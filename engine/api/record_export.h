#pragma once

#include "engine/api/request.h"

#include <QByteArray>
#include <QString>

namespace rl {

// Text forms of a response for reports and the CLI. No widgets: the UI and the CLI share them.
namespace RecordExport {

// RFC 4180: CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled.
// Columns: router, the record type's columns, fetchedAt, source, error. A router that failed
// has one row with its error code and sentence.
// Every field is safe to open in a spreadsheet and to print: one that would start a formula
// (=, +, -, @, tab or CR first, and not a plain number such as -3.5) gets a leading single
// quote (OWASP's advice against CSV injection), and control characters other than tab, CR and
// LF are shown escaped (DisplayText). Every CSV writer of RouterLens uses csvField.
QByteArray toCsv(const Response &response);
QString csvField(const QString &value);
// The single-quote prefix alone, for other spreadsheet-bound text (the clipboard's tab-separated rows).
QString formulaSafe(const QString &value);

// The versioned JSON form (Response::toJson), indented.
QByteArray toJson(const Response &response);

// A plain-text table per router for terminals: columns that are empty for every row are left
// out; a router that failed shows its error sentence. Router-supplied text is shown with its
// control characters escaped (cellText, DisplayText).
QString toTable(const Response &response);

} // namespace RecordExport
} // namespace rl
