#pragma once

// Juniper Junos JSON (`| display json`): the XML schema's elements rendered as
// {"name": [{"data": "x", "attributes": {...}}]}. Route tables stream through RouteTableJson;
// every other answer becomes the element tree the XML readers read (junos_xml_readers.h), so
// JSON and XML are read by the same function per command.

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl::junosJson {

// Reads one command's output. `command` is the command that printed it when known, else
// empty. `logicalWanted` (ge-0/0/2.410) adds that logical unit to a link-status answer.
Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body, const QString &logicalWanted = {});

// The command that most likely printed `body` (no prompt line pasted), or empty.
QString guessCommand(QueryKind kind, const QByteArray &body);

} // namespace rl::junosJson
