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
QByteArray toCsv(const Response &response);
QString csvField(const QString &value);

// The versioned JSON form (Response::toJson), indented.
QByteArray toJson(const Response &response);

// A plain-text table per router for terminals: columns that are empty for every row are left
// out; a router that failed shows its error sentence.
QString toTable(const Response &response);

} // namespace RecordExport
} // namespace rl
