#pragma once

// Junos route tables in XML (`show route receive-protocol|advertising-protocol bgp N | display
// xml`, `show route X | display xml`, NETCONF <get-route-information>) read in one pass over
// the bytes: a full table is hundreds of megabytes of XML, and QXmlStreamReader alone (UTF-16
// tokens, whitespace text nodes) reads about 70,000 routes per CPU-second.
//
// The scanner knows the subset of XML Junos writes: elements, attributes, character data with
// the five predefined entities and character references, comments and the XML declaration.
// Anything else (CDATA, a DOCTYPE, an rpc-error, mismatched or unclosed tags, a document cut
// short) is not read here: the caller then reads the text with QXmlStreamReader, which names
// the error and its line. Pure function from text to records.

#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>

#include <optional>

namespace rl::junosXml {

// The records of the first route-information in `xml` (several routing engines: the first
// engine's), or nullopt when the text is not a well-formed reply this scanner reads.
std::optional<RecordSet> readRouteTable(QueryKind kind, const QByteArray &xml);

} // namespace rl::junosXml
