#include "engine/vendors/juniper/junos_json_parsers.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/json_dom.h"
#include "engine/vendors/common/route_table_json.h"
#include "engine/vendors/juniper/junos_xml_readers.h"

namespace rl::junosJson {

namespace {

using jsondom::Element;

// Elements still to convert: recognition needs the head of an answer, not a full table.
struct Budget {
    qsizetype left = -1; // -1: no limit
    bool spent() const { return left == 0; }
    void take() { if (left > 0) --left; }
};

void fill(junos::Node &node, Element object, Budget &budget);

// key: value as elements named key under parent. An array is the element repeated; [null]
// is an empty element (Junos flags: {"permanent": [null]}).
void appendElements(junos::Node &parent, std::string_view key, Element value, Budget &budget)
{
    if (key == "attributes") {
        jsondom::forEachMember(value, [&](std::string_view k, Element v) {
            parent.attributes.append({jsondom::toQString(k), jsondom::toQString(jsondom::asString(v)).trimmed()});
        });
        return;
    }
    if (key == "data") {
        parent.text = jsondom::toQString(jsondom::asString(value)).trimmed();
        return;
    }
    auto one = [&](Element item) {
        if (budget.spent())
            return;
        budget.take();
        junos::Node &n = parent.children.emplace_back();
        n.name = jsondom::toQString(key);
        if (item.is_object())
            fill(n, item, budget);
        else if (item.is_string())
            n.text = jsondom::toQString(jsondom::asString(item)).trimmed();
    };
    simdjson::dom::array a;
    if (value.get(a) == simdjson::SUCCESS) {
        for (Element item : a)
            one(item);
        return;
    }
    one(value);
}

void fill(junos::Node &node, Element object, Budget &budget)
{
    jsondom::forEachMember(object, [&](std::string_view k, Element v) { appendElements(node, k, v, budget); });
}

Result<junos::Node> readTree(const QString &what, const QByteArray &body, qsizetype elementLimit = -1)
{
    simdjson::dom::parser &parser = jsondom::threadParser();
    const jsondom::ParserRelease release(parser);
    const auto doc = jsondom::parse(parser, body, what);
    if (!doc)
        return doc.error();
    junos::Node document;
    Budget budget{elementLimit};
    fill(document, *doc, budget);
    return document;
}

} // namespace

Result<RecordSet> parse(QueryKind kind, const QString &command, const QByteArray &body, const QString &logicalWanted)
{
    // Received and advertised tables can be full tables: streamed, no tree.
    if (kind == QueryKind::ReceivedRoutes || kind == QueryKind::AdvertisedRoutes)
        return RouteTableJson::junos(kind, command, body);
    const QString what = command.isEmpty() ? queryKindTitle(kind) : command;
    const auto tree = readTree(what, body);
    if (!tree)
        return tree.error();
    // An ARP table with no entries prints an empty object on some releases.
    if (kind == QueryKind::ArpTable && tree->children.empty())
        return RecordSet(kind, QList<ArpRecord>{});
    return junos::read(kind, command, *tree, body, logicalWanted);
}

QString guessCommand(QueryKind kind, const QByteArray &body)
{
    const QString suffix = QStringLiteral(" | display json");
    // Recognition reads the head of the answer. Route tables are recognised from their first
    // bytes: a full table is not parsed twice.
    if (const qsizetype at = body.indexOf("\"route-information\""); at >= 0 && at < 4096) {
        junos::Node guessed;
        guessed.children.emplace_back().name = QStringLiteral("route-information");
        return junos::commandFor(kind, guessed, suffix);
    }
    constexpr qsizetype kHeadElements = 4000;
    if (const auto tree = readTree(queryKindTitle(kind), body, kHeadElements)) {
        if (const QString c = junos::commandFor(kind, *tree, suffix); !c.isEmpty())
            return c;
        if (tree->children.empty() && kind == QueryKind::ArpTable)
            return QStringLiteral("show arp no-resolve") + suffix;
        return {};
    }
    // Damaged or cut short: named after the answer it begins, so that parse() names the line.
    static const char *const answers[] = {"software-information", "chassis-inventory", "system-uptime-information",
                                          "interface-information", "bgp-information", "arp-table-information",
                                          "ipv6-nd-information", "route-information", "lldp-neighbors-information"};
    for (const char *a : answers) {
        if (body.contains(QByteArray("\"") + a + '"')) {
            junos::Node guessed;
            guessed.children.emplace_back().name = QString::fromLatin1(a);
            return junos::commandFor(kind, guessed, suffix);
        }
    }
    return {};
}

} // namespace rl::junosJson
