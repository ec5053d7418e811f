#pragma once

// The big BGP route tables of EOS, NX-OS, Junos and FRR read from their JSON in one streaming pass
// (jsonpull::Reader, json_pull.h): routes become records in document order, with no DOM tree
// and no structural index of the whole table in between. A full table is hundreds of
// megabytes of JSON; the DOM parse alone cost more than everything else the parser does.
//
// Pure functions from text to records. Text that is not the expected document, and JSON that
// is damaged or cut short anywhere (also inside fields the parser does not read), is
// parse-error naming the line and the route it was at, never a short table.

#include "engine/api/error.h"
#include "engine/api/query_kind.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QString>

namespace rl {

class RouteTableJson final
{
public:
    // EOS "show ip|ipv6 bgp neighbors X received-routes|advertised-routes vrf V | json".
    static Result<RecordSet> eos(QueryKind kind, const QString &command, const QByteArray &text);
    // NX-OS "show bgp vrf V ipv4|ipv6 unicast neighbors X received-routes|advertised-routes | json".
    static Result<RecordSet> nxos(QueryKind kind, const QString &command, const QByteArray &text);
    // FRR "show bgp [vrf V] ipv4|ipv6 unicast neighbors X received-routes|advertised-routes json".
    // {} (nothing to show) is an empty table; {"warning": ...} unsupported-query.
    static Result<RecordSet> frr(QueryKind kind, const QString &command, const QByteArray &text);
    // Junos "show route receive-protocol|advertising-protocol bgp X | display json".
    static Result<RecordSet> junos(QueryKind kind, const QString &command, const QByteArray &text);
};

} // namespace rl
