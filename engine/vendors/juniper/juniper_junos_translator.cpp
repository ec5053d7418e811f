#include "engine/vendors/juniper/juniper_junos_translator.h"

#include "engine/vendors/common/cli_text.h"
#include "engine/vendors/common/commercial_cli.h"
#include "engine/vendors/juniper/junos_json_parsers.h"
#include "engine/vendors/juniper/junos_text_parsers.h"
#include "engine/vendors/juniper/junos_xml_parsers.h"

#include <QRegularExpression>

namespace rl {

using namespace commercial;

SessionProfile JuniperJunosTranslator::sessionProfile() const
{
    const QString ip = clitext::guardIp(), name = clitext::guardName(), prefix = clitext::guardPrefix();
    const QString table = QStringLiteral("(?:%1\\.)?inet6?\\.0").arg(QStringLiteral("[A-Za-z0-9_-]{1,64}"));
    SessionProfile p;
    p.mode = SessionProfile::Mode::Shell;
    p.setupCommands = {QStringLiteral("set cli screen-length 0"), QStringLiteral("set cli screen-width 0")};
    p.promptPattern = clitext::promptPattern();
    p.guard = CommandGuard({
        QStringLiteral("set cli screen-length 0"),
        QStringLiteral("set cli screen-width 0"),
        QStringLiteral("show (?:version|chassis hardware|system uptime) \\| display json"),
        QStringLiteral("show interfaces(?: %1)? extensive \\| display json").arg(name),
        QStringLiteral("show interfaces diagnostics optics(?: %1)? \\| display json").arg(name),
        QStringLiteral("show bgp summary(?: instance %1)? \\| display json").arg(name),
        QStringLiteral("show arp no-resolve(?: vpn %1)? \\| display json").arg(name),
        QStringLiteral("show ipv6 neighbors \\| display json"),
        QStringLiteral("show route (?:receive-protocol|advertising-protocol) bgp %1 table %2 \\| display json").arg(ip, table),
        // the routes the import policy rejected, which the neighbor sent all the same
        QStringLiteral("show route receive-protocol bgp %1 table %2 hidden \\| display json").arg(ip, table),
        QStringLiteral("show route %1 table %2 \\| display json").arg(prefix, table),
        QStringLiteral("show lldp neighbors \\| display json"),
    });
    return p;
}

Result<QStringList> JuniperJunosTranslator::commands(QueryKind kind, const QueryParams &p) const
{
    const QString fam = familyFor(p);
    const QString table = (p.vrf.isEmpty() ? QString() : p.vrf + QLatin1Char('.'))
                          + (fam == u"ipv6" ? QStringLiteral("inet6.0") : QStringLiteral("inet.0"));
    switch (kind) {
    case QueryKind::Facts:
        return QStringList{QStringLiteral("show version | display json"), QStringLiteral("show chassis hardware | display json"),
                           QStringLiteral("show system uptime | display json")};
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces extensive | display json")
                                                     : QStringLiteral("show interfaces %1 extensive | display json").arg(p.interfaceName.section(QLatin1Char('.'), 0, 0))};
    case QueryKind::BgpStatus:
        return QStringList{p.vrf.isEmpty() ? QStringLiteral("show bgp summary | display json")
                                           : QStringLiteral("show bgp summary instance %1 | display json").arg(p.vrf)};
    case QueryKind::ArpTable:
        return QStringList{p.vrf.isEmpty() ? QStringLiteral("show arp no-resolve | display json")
                                           : QStringLiteral("show arp no-resolve vpn %1 | display json").arg(p.vrf),
                           QStringLiteral("show ipv6 neighbors | display json")};
    case QueryKind::ReceivedRoutes:
    case QueryKind::AdvertisedRoutes:
        if (p.neighbor.isEmpty())
            return needsParam(kind, "neighbor", platform());
        if (kind == QueryKind::AdvertisedRoutes)
            return QStringList{QStringLiteral("show route advertising-protocol bgp %1 table %2 | display json").arg(p.neighbor, table)};
        // what the neighbor sent: the routes accepted, then those the import policy rejected
        // (kept as hidden routes; parse() marks them not valid)
        return QStringList{QStringLiteral("show route receive-protocol bgp %1 table %2 | display json").arg(p.neighbor, table),
                           QStringLiteral("show route receive-protocol bgp %1 table %2 hidden | display json").arg(p.neighbor, table)};
    case QueryKind::RouteLookup:
        if (p.destination.isEmpty())
            return needsParam(kind, "destination", platform());
        return QStringList{QStringLiteral("show route %1 table %2 | display json").arg(p.destination, table)};
    case QueryKind::LldpNeighbors:
        return QStringList{QStringLiteral("show lldp neighbors | display json")};
    case QueryKind::Optics:
        return QStringList{p.interfaceName.isEmpty() ? QStringLiteral("show interfaces diagnostics optics | display json")
                                                     : QStringLiteral("show interfaces diagnostics optics %1 | display json").arg(p.interfaceName)};
    }
    return unsupported(kind, platform(), QStringLiteral("RouterLens does not know this query."));
}

namespace {

enum class JunosForm { Json, Xml, Text };

// Junos answers the same command as JSON (| display json), XML (| display xml, NETCONF) or
// CLI text; the first character that is not blank tells which.
JunosForm formOf(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{' || c == '[')
            return JunosForm::Json;
        if (c == '<')
            return JunosForm::Xml;
        // a NETCONF 1.1 chunk header ("#954") before the reply
        if (c == '#' && text.mid(i, 24).contains("\n<"))
            return JunosForm::Xml;
        return JunosForm::Text;
    }
    return JunosForm::Text;
}

// What the CLI prints instead of output when it refuses a command, whatever "| display" was
// asked for: "syntax error, expecting <command>.", "error: the bgp subsystem is not running".
Error cliRefusal(const QString &what, const QByteArray &text)
{
    if (Error e = clitext::cliError(what, text))
        return e;
    int seen = 0;
    clitext::LineReader lines(text); // a full table is not split up front: only its first lines matter
    for (clitext::Line l; lines.next(l);) {
        const std::string_view t = clitext::trimmed(l.text);
        if (t.empty() || clitext::isPromptLine(l.text))
            continue;
        if (clitext::startsWith(t, "error:"))
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("The router answered %1 with an error instead of output.").arg(what), clitext::toQString(t));
        if (++seen >= 3)
            break;
    }
    return {};
}

// Dual routing engines and chassis clusters print a banner line before every prompt:
// "{master}", "{backup}", "{master:0}", "{primary:node0}". In a paste it ends the output of
// the command before it, after the JSON or XML document: not part of the answer.
QByteArray withoutTrailingBanner(const QByteArray &text)
{
    qsizetype end = text.size();
    qsizetype cut = text.size(); // where the last banner found starts
    for (;;) {
        while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t'))
            --end;
        if (end == 0)
            break;
        // A banner is a short line; a compact JSON answer is one line of the whole table, which
        // must not be copied (or searched backwards for its start) to find that out.
        qsizetype start = end;
        while (start > 0 && end - start <= 40 && text[start - 1] != '\n')
            --start;
        if (start > 0 && text[start - 1] != '\n')
            break;
        const QByteArray line = text.mid(start, end - start).trimmed();
        static const QRegularExpression banner(QStringLiteral("^\\{[a-z]+(?::[a-z]*\\d+)?\\}$"));
        if (line.isEmpty() || !banner.match(QString::fromLatin1(line)).hasMatch())
            break;
        end = start;
        cut = start;
    }
    return cut == text.size() ? text : text.left(cut); // a copy only when a banner was there
}

// "show route receive-protocol bgp N hidden": the routes the import policy rejected.
bool asksHidden(const QString &command)
{
    static const QRegularExpression hidden(QStringLiteral("\\bhidden\\b"));
    return hidden.match(command.section(QLatin1Char('|'), 0, 0)).hasMatch();
}

Result<RecordSet> parseOne(QueryKind kind, const QString &command, const QByteArray &output, const QString &logicalWanted = {})
{
    const QByteArray text = withoutTrailingBanner(output);
    if (const Error e = cliRefusal(command.isEmpty() ? queryKindTitle(kind) : command, text))
        return e;
    Result<RecordSet> r = Error(ErrorCode::InternalError, QStringLiteral("Unknown output form."));
    switch (formOf(text)) {
    case JunosForm::Xml: r = junosXml::parse(kind, command, text, logicalWanted); break;
    case JunosForm::Json: r = junosJson::parse(kind, command, text, logicalWanted); break;
    case JunosForm::Text: r = junosText::parse(kind, command, text); break;
    }
    // Hidden routes were sent by the neighbor but not accepted: shown, marked invalid.
    if (r && kind == QueryKind::ReceivedRoutes && asksHidden(command)) {
        RecordSet marked = *r;
        for (RouteRecord &row : marked.rows<RouteRecord>()) {
            row.valid = false;
            row.best = false;
        }
        return marked;
    }
    return r;
}

bool answers(QueryKind kind, const QString &cmd)
{
    const QString c = cmd.simplified().toLower();
    auto has = [&](const char *w) { return c.contains(QLatin1String(w)); };
    switch (kind) {
    case QueryKind::Facts: return has("show ver") || has("chassis hardware") || has("system uptime");
    case QueryKind::LinkStatus:
    case QueryKind::VlanErrors: return has("show interfaces") && !has("diagnostics");
    case QueryKind::BgpStatus: return has("bgp summary") || has("bgp neighbor");
    case QueryKind::ArpTable: return has("show arp") || has("ipv6 neighbors");
    case QueryKind::ReceivedRoutes: return has("receive-protocol");
    case QueryKind::AdvertisedRoutes: return has("advertising-protocol");
    case QueryKind::RouteLookup: return has("show route") && !has("receive-protocol") && !has("advertising-protocol");
    case QueryKind::LldpNeighbors: return has("lldp");
    case QueryKind::Optics: return has("diagnostics optics");
    }
    return false;
}

QString guess(QueryKind kind, const QByteArray &output)
{
    const QByteArray body = withoutTrailingBanner(output);
    switch (formOf(body)) {
    case JunosForm::Xml: return junosXml::guessCommand(kind, body);
    case JunosForm::Json: return junosJson::guessCommand(kind, body);
    case JunosForm::Text: break;
    }
    return junosText::guessCommand(kind, body);
}

} // namespace

Result<RecordSet> JuniperJunosTranslator::parse(QueryKind kind, const QueryParams &params,
                                                const QList<CommandOutput> &outputs) const
{
    const QString unit = params.interfaceName.contains(u'.') ? params.interfaceName : QString();
    auto all = parseOutputs(*this, kind, params, outputs, [&](const CommandOutput &o) { return parseOne(kind, o.command, o.output, unit); });
    if (!all)
        return all;
    if (kind == QueryKind::Facts)
        return mergeFacts(*all);
    return applyFilters(*all, params);
}

Result<PastedParse> JuniperJunosTranslator::parsePasted(QueryKind kind, const QByteArray &text) const
{
    auto r = parsePastedChunks(
        kind, text, [kind](const QByteArray &body) { return guess(kind, body); },
        [kind](const QString &cmd) { return cmd.contains(u'<') || answers(kind, cmd); },
        [kind](const QString &cmd, const QByteArray &body) { return parseOne(kind, cmd, body); });
    if (r && kind == QueryKind::Facts)
        r->records = mergeFacts(r->records);
    if (!r && r.error().detail.isEmpty()) {
        // Nothing answered the query: when the text is another command's output, say which.
        for (const clitext::PastedChunk &chunk : clitext::splitPasted(text)) {
            const QString cmd = chunk.command.isEmpty() ? guess(kind, chunk.body) : chunk.command;
            if (!cmd.isEmpty() && !cmd.contains(u'<') && !answers(kind, cmd))
                return Error(ErrorCode::ParseError,
                             QStringLiteral("RouterLens read this as the output of \"%1\", which does not answer %2; paste the output of a command for %2.")
                                 .arg(cmd, queryKindTitle(kind)),
                             QStringLiteral("output begins: %1").arg(QString::fromUtf8(chunk.body.trimmed().left(160))));
        }
    }
    return r;
}

} // namespace rl
