#pragma once

// Juniper Junos XML (`| display xml` and NETCONF `<rpc-reply>`), read with QXmlStreamReader.
// Pure functions from the router's text to records; text in no known form is parse-error
// naming the form tried and the first line it could not read.

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl::junosXml {

// Reads one command's output. `command` is the command that printed it when known (from the
// prompt line or the live session), else empty: then the form is recognised from the text.
// `logicalWanted` (ge-0/0/2.410) adds that logical unit to a link-status answer.
Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body, const QString &logicalWanted = {});

// The command that most likely printed `body` (no prompt line pasted), or empty.
QString guessCommand(QueryKind kind, const QByteArray &body);

} // namespace rl::junosXml
