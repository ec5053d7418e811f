#include "engine/vendors/juniper/junos_xml_parsers.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/juniper/junos_xml_readers.h"
#include "engine/vendors/juniper/junos_xml_route_table.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace rl::junosXml {

namespace {

// The XML of a reply without its transport framing: NETCONF 1.0 ends each message with
// "]]>]]>", NETCONF 1.1 cuts it into chunks headed "#<length>" and ends it with "##". A
// capture of a session also holds the <hello> exchange: the document kept is the first
// message that is an <rpc-reply>, else the first one.
QByteArray unframed(const QByteArray &body)
{
    // The end-of-message mark closes the reply (its last bytes) and a <hello> before it (its
    // first kilobytes): a full table without framing is not searched through for it.
    constexpr qsizetype kHead = 65536, kTail = 256;
    QByteArray chosen = body;
    if (body.left(kHead).contains("]]>]]>") || body.right(kTail).contains("]]>]]>")) {
        chosen.clear();
        qsizetype from = 0;
        while (from < body.size()) {
            qsizetype end = body.indexOf("]]>]]>", from);
            if (end < 0)
                end = body.size();
            qsizetype first = from;
            while (first < end && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t'))
                ++first;
            if (first < end) {
                const bool reply = body.mid(first, qMin<qsizetype>(4096, end - first)).contains("<rpc-reply");
                if (chosen.isNull() || reply)
                    chosen = body.mid(from, end - from);
                if (reply)
                    break;
            }
            from = end + 6;
        }
    }
    // NETCONF 1.1 (RFC 6242): each chunk is LF '#' length LF data, the message ends LF "##" LF.
    // The data runs on across chunk boundaries, even mid-line: the headers are cut out exactly.
    static const QRegularExpression chunkStart(QStringLiteral("^\\s*#\\d+\\r?\\n"));
    if (chunkStart.match(QString::fromLatin1(chosen.left(32))).hasMatch()) {
        static const QRegularExpression header(QStringLiteral("(?:^|\\n)#(?:\\d+|#)\\r?\\n"));
        return QString::fromUtf8(chosen).trimmed().replace(header, QString()).toUtf8();
    }
    return chosen;
}

// Reads the document into the element tree. Text after the document's root element (a
// prompt, a second reply) is not read. With `elementLimit`, reading stops after that many
// elements and the partial tree is returned: recognising the answer needs only its head, not
// the whole of a full table.
Result<junos::Node> readTree(const QString &what, const QByteArray &xml, qsizetype elementLimit = -1)
{
    qsizetype elements = 0;
    QXmlStreamReader r(xml);
    // Junos prefixes attributes with junos: and a pasted fragment may lack the declaration
    r.setNamespaceProcessing(false);
    junos::Node document;
    std::vector<junos::Node *> open{&document};
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (elementLimit >= 0 && ++elements > elementLimit)
                return document;
            junos::Node &n = open.back()->children.emplace_back();
            n.name = r.qualifiedName().toString();
            for (const QXmlStreamAttribute &a : r.attributes())
                n.attributes.append({a.qualifiedName().toString(), a.value().toString()});
            open.push_back(&n);
        } else if (token == QXmlStreamReader::EndElement) {
            junos::Node *n = open.back();
            n->text = n->text.trimmed();
            open.pop_back();
            if (open.size() == 1)
                break; // the root element is complete
        } else if (token == QXmlStreamReader::Characters && open.size() > 1) {
            open.back()->text += r.text();
        }
    }
    if (r.hasError() && !(open.size() == 1 && !document.children.empty())) {
        const int lineNo = int(r.lineNumber());
        const auto lines = clitext::splitLines(xml);
        const QString why = r.error() == QXmlStreamReader::PrematureEndOfDocumentError
                                ? QStringLiteral("the XML ends before its elements are closed (the output was cut short)")
                                : QStringLiteral("it is not well-formed XML: %1").arg(r.errorString().chopped(r.errorString().endsWith(u'.') ? 1 : 0));
        if (lineNo >= 1 && size_t(lineNo) <= lines.size())
            return clitext::lineError(what, lines[size_t(lineNo - 1)], why);
        return clitext::formatError(what, xml, why);
    }
    if (document.children.empty())
        return clitext::formatError(what, xml, QStringLiteral("it holds no XML element"));
    return document;
}

// An error the router answered with instead of output: NETCONF <rpc-error> and the
// <xnm:error> of "| display xml". Warnings are not errors.
Error routerError(const QString &what, const junos::Node &n)
{
    for (const junos::Node &c : n.children) {
        if (c.name == u"rpc-error" || c.name == u"xnm:error") {
            if (c.value(u"error-severity") == u"warning")
                continue;
            QString message = c.value(u"error-message");
            if (message.isEmpty())
                message = c.value(u"message");
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("The router answered %1 with an error instead of output: %2").arg(what, message.simplified()),
                         c.value(u"bad-element").isEmpty() ? QStringLiteral("%1: %2").arg(c.name, message.simplified())
                                                           : QStringLiteral("%1: %2 (bad element: %3)").arg(c.name, message.simplified(), c.value(u"bad-element")));
        }
        if (c.name == u"rpc-reply" || c.name == u"multi-routing-engine-results" || c.name == u"multi-routing-engine-item")
            if (const Error e = routerError(what, c))
                return e;
    }
    return {};
}

} // namespace

Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body, const QString &logicalWanted)
{
    const QString what = command.isEmpty() || command.startsWith(u'<') ? queryKindTitle(kind) : command;
    const QByteArray xml = unframed(body);
    if (kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes || kind == QueryKind::RouteLookup)
        if (auto fast = readRouteTable(kind, xml)) // full tables: no element tree
            return *std::move(fast);
    const auto tree = readTree(what, xml);
    if (!tree)
        return tree.error();
    if (const Error e = routerError(what, *tree))
        return e;
    // Commands without an XML rendering, and protocols that are not running, answer with
    // their CLI sentence wrapped in <output>: "BGP is not running", "LLDP is disabled".
    if (const junos::Node *a = junos::firstAnswer(*tree); a && a->name == u"output")
        return Error(ErrorCode::UnsupportedQuery,
                     QStringLiteral("The router answered %1 with a message instead of a table: %2").arg(what, a->text.simplified().left(200)),
                     QStringLiteral("output: %1").arg(a->text.simplified().left(200)));
    return junos::read(kind, command, *tree, body, logicalWanted);
}

QString guessCommand(QueryKind kind, const QByteArray &body)
{
    const QString suffix = QStringLiteral(" | display xml");
    // enough for the first physical interface of an extensive answer, or the first BGP peer
    constexpr qsizetype kHeadElements = 4000;
    const auto tree = readTree(queryKindTitle(kind), unframed(body), kHeadElements);
    if (tree) {
        if (routerError(queryKindTitle(kind), *tree))
            return QStringLiteral("<rpc-error>"); // parse() names the router's error
        if (const junos::Node *a = junos::firstAnswer(*tree); a && a->name == u"output")
            return QStringLiteral("<output>");
        return junos::commandFor(kind, *tree, suffix);
    }
    // Damaged or cut short: guessed from its first answer element so that parse() can name
    // the line where it breaks.
    static const char *const answers[] = {"software-information", "chassis-inventory", "system-uptime-information",
                                          "interface-information", "bgp-information", "arp-table-information",
                                          "ipv6-nd-information", "route-information", "lldp-neighbors-information"};
    qsizetype best = -1;
    junos::Node guessed;
    for (const char *a : answers) {
        const qsizetype at = body.indexOf(QByteArray("<") + a);
        if (at >= 0 && (best < 0 || at < best)) {
            best = at;
            guessed.children.clear();
            guessed.children.emplace_back().name = QString::fromLatin1(a);
        }
    }
    return best < 0 ? QString() : junos::commandFor(kind, guessed, suffix);
}

} // namespace rl::junosXml
