#include "engine/vendors/common/cli_text.h"

#include <algorithm>

#include <charconv>
#include <cstring>
#include <limits>
#include <cstdlib>

namespace rl::clitext {

std::vector<Line> splitLines(const QByteArray &text)
{
    std::vector<Line> lines;
    lines.reserve(size_t(text.size() / 60 + 4));
    const char *p = text.constData();
    const char *end = p + text.size();
    int number = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(memchr(p, '\n', size_t(end - p)));
        const char *e = nl ? nl : end;
        const char *t = e;
        while (t > p && (t[-1] == '\r'))
            --t;
        lines.push_back({std::string_view(p, size_t(t - p)), ++number});
        p = nl ? nl + 1 : end;
    }
    return lines;
}

void tokenize(std::string_view line, std::vector<Token> &out)
{
    out.clear();
    size_t i = 0;
    const size_t n = line.size();
    while (i < n) {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i >= n)
            break;
        const size_t start = i;
        while (i < n && line[i] != ' ' && line[i] != '\t')
            ++i;
        out.push_back({line.substr(start, i - start), int(start)});
    }
}

std::vector<Token> tokenize(std::string_view line)
{
    std::vector<Token> out;
    tokenize(line, out);
    return out;
}

bool isDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::optional<qint64> toInt(std::string_view s)
{
    s = trimmed(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ','))
        s.remove_suffix(1);
    if (s.empty() || s.size() > 19)
        return std::nullopt;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (v > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt; // 19 digits above 9223372036854775807: no number, never a wrapped one
        v = v * 10 + digit;
    }
    return v;
}

std::optional<double> toReal(std::string_view s)
{
    s = trimmed(s);
    if (s.empty() || s.size() > 30)
        return std::nullopt;
    char buf[32];
    std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = 0;
    char *end = nullptr;
    const double d = std::strtod(buf, &end);
    if (end != buf + s.size())
        return std::nullopt;
    return d;
}

qint64 numberBefore(std::string_view line, std::string_view label)
{
    const size_t at = line.find(label);
    if (at == std::string_view::npos)
        return -1;
    size_t e = at;
    while (e > 0 && line[e - 1] == ' ')
        --e;
    size_t b = e;
    while (b > 0 && line[b - 1] >= '0' && line[b - 1] <= '9')
        --b;
    return toInt(line.substr(b, e - b)).value_or(-1);
}

qint64 numberAfter(std::string_view line, std::string_view label)
{
    const size_t at = line.find(label);
    if (at == std::string_view::npos)
        return -1;
    size_t b = at + label.size();
    while (b < line.size() && (line[b] == ' ' || line[b] == ':'))
        ++b;
    size_t e = b;
    while (e < line.size() && line[e] >= '0' && line[e] <= '9')
        ++e;
    return toInt(line.substr(b, e - b)).value_or(-1);
}

std::optional<qint64> parseAsn(std::string_view s)
{
    s = trimmed(s);
    const size_t dot = s.find('.');
    if (dot == std::string_view::npos) {
        auto v = toInt(s);
        if (!v || *v > 4294967295LL || !isDigits(s))
            return std::nullopt;
        return v;
    }
    const std::string_view hi = s.substr(0, dot), lo = s.substr(dot + 1);
    if (!isDigits(hi) || !isDigits(lo))
        return std::nullopt;
    const auto h = toInt(hi), l = toInt(lo);
    if (!h || !l || *h > 65535 || *l > 65535)
        return std::nullopt;
    return (*h << 16) | *l;
}

namespace {

// "h:m:s" or "m:s" or "d:h:m:s"
std::optional<qint64> colonDuration(std::string_view s)
{
    qint64 parts[4];
    int n = 0;
    size_t b = 0;
    while (b <= s.size()) {
        size_t e = s.find(':', b);
        if (e == std::string_view::npos)
            e = s.size();
        std::string_view part = s.substr(b, e - b);
        if (const size_t dot = part.find('.'); dot != std::string_view::npos) // fractional seconds
            part = part.substr(0, dot);
        if (n == 4 || !isDigits(part))
            return std::nullopt;
        parts[n++] = *toInt(part);
        b = e + 1;
    }
    if (n < 2)
        return std::nullopt;
    qint64 total = 0;
    static constexpr qint64 mult3[] = {3600, 60, 1};
    if (n == 4)
        return ((parts[0] * 24 + parts[1]) * 60 + parts[2]) * 60 + parts[3];
    for (int i = 0; i < n; ++i)
        total += parts[i] * mult3[3 - n + i];
    return total;
}

// "1y3w", "5w2d", "1d02h", "2d03h04m", "3h12m", "45s"
std::optional<qint64> unitDuration(std::string_view s)
{
    qint64 total = 0, num = 0;
    bool haveNum = false, any = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            // More than nine digits in one field is no uptime a router prints (and num * 10
            // would overflow further on).
            if (num > 99999999)
                return std::nullopt;
            num = num * 10 + (c - '0');
            haveNum = true;
            continue;
        }
        if (!haveNum)
            return std::nullopt;
        qint64 mult = 0;
        switch (c) {
        case 'y': mult = 365 * 86400; break;
        case 'w': mult = 7 * 86400; break;
        case 'd': mult = 86400; break;
        case 'h': mult = 3600; break;
        case 'm': mult = 60; break;
        case 's': mult = 1; break;
        default: return std::nullopt;
        }
        total += num * mult;
        if (total > 1000000LL * 365 * 86400) // a million years: no duration, and no overflow
            return std::nullopt;
        num = 0;
        haveNum = false;
        any = true;
    }
    if (haveNum || !any)
        return std::nullopt;
    return total;
}

} // namespace

std::optional<qint64> parseDuration(std::string_view s)
{
    s = trimmed(s);
    if (s.empty())
        return std::nullopt;
    if (s == "never" || s == "Never")
        return -1;
    if (isDigits(s))
        return toInt(s);
    // Junos "1w2d 03:04:05" / "1d 2:03:04": a unit part and a clock part.
    if (const size_t sp = s.find(' '); sp != std::string_view::npos) {
        const auto a = unitDuration(trimmed(s.substr(0, sp)));
        const auto b = colonDuration(trimmed(s.substr(sp + 1)));
        if (a && b)
            return *a + *b;
        return std::nullopt;
    }
    if (s.find(':') != std::string_view::npos)
        return colonDuration(s);
    return unitDuration(s);
}

bool isPromptLine(std::string_view line, std::string_view *command)
{
    // A prompt starts at column 0 with a host part free of spaces, ends in '#' or '>',
    // and is followed by nothing, or by a CLI command.
    if (line.empty() || line[0] == ' ' || line[0] == '*' || line[0] == '\t')
        return false;
    size_t i = 0;
    while (i < line.size() && line[i] != ' ' && line[i] != '#' && line[i] != '>')
        ++i;
    if (i == 0 || i >= line.size() || (line[i] != '#' && line[i] != '>'))
        return false;
    for (size_t k = 0; k < i; ++k) {
        const char c = line[k];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                        || c == '-' || c == '_' || c == '(' || c == ')' || c == '/' || c == ':' || c == '@';
        if (!ok)
            return false;
    }
    const std::string_view rest = trimmed(line.substr(i + 1));
    static constexpr std::string_view verbs[] = {"show ", "sh ", "terminal ", "term ", "set cli", "display "};
    bool isCommand = rest.empty() || rest == "show" || rest == "sh";
    for (auto v : verbs)
        isCommand = isCommand || startsWith(rest, v);
    if (!isCommand)
        return false;
    if (command)
        *command = rest;
    return true;
}

QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

Error lineError(const QString &what, const Line &line, const QString &why)
{
    QString msg = QStringLiteral("RouterLens could not read line %1 of the %2 output").arg(line.number).arg(what);
    msg += why.isEmpty() ? QStringLiteral(".") : QStringLiteral(": %1.").arg(why);
    msg += QStringLiteral(" The device may print a format this version does not know; please report it with the raw output.");
    return Error(ErrorCode::ParseError, msg,
                 QStringLiteral("line %1: %2").arg(line.number).arg(toQString(line.text.substr(0, 200))));
}

Error formatError(const QString &what, const QByteArray &text, const QString &why)
{
    const QByteArray head = text.left(160).trimmed();
    return Error(ErrorCode::ParseError,
                 QStringLiteral("RouterLens could not read the %1 output: %2.").arg(what, why),
                 head.isEmpty() ? QStringLiteral("the output was empty") : QStringLiteral("output begins: %1").arg(QString::fromUtf8(head)));
}

Error cliError(const QString &what, const QByteArray &text)
{
    // Errors come first (after at most an echoed command, a banner or a prompt), never
    // after a table: 64 lines are plenty and keep a million-line answer from a second scan.
    LineReader reader(text);
    Line l;
    for (int read = 0; read < 64 && reader.next(l); ++read) {
        const std::string_view s = trimmed(l.text);
        if (startsWith(s, "% Invalid input") || startsWith(s, "% Incomplete command") || startsWith(s, "% Ambiguous command")
            || startsWith(s, "syntax error") || startsWith(s, "unknown command") || startsWith(s, "% Invalid command")
            || startsWith(s, "error: syntax error"))
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("The router did not accept the command for %1; its software version may not support it.").arg(what),
                         toQString(s));
        if (startsWith(s, "% No such neighbor") || startsWith(s, "% No BGP neighbor") || startsWith(s, "% Neighbor not found"))
            return Error(ErrorCode::InvalidRequest,
                         QStringLiteral("The router has no such BGP neighbor for %1; check the neighbor address and VRF.").arg(what),
                         toQString(s));
        if (contains(s, "soft reconfiguration not enabled") || contains(s, "soft-reconfiguration inbound"))
            return Error(ErrorCode::UnsupportedQuery,
                         QStringLiteral("The router keeps no copy of the routes as received from this neighbor (soft-reconfiguration inbound is off), so it cannot show %1.").arg(what),
                         toQString(s));
        if (startsWith(s, "% Permission denied") || startsWith(s, "% Authorization failed") || startsWith(s, "permission denied"))
            return Error(ErrorCode::Forbidden,
                         QStringLiteral("The router refused the command for %1 for this account; ask for a read-only role that may run show commands.").arg(what),
                         toQString(s));
    }
    return {};
}

QString guardIp() { return QStringLiteral("[0-9A-Fa-f:.]{2,45}"); }
QString guardPrefix() { return QStringLiteral("[0-9A-Fa-f:.]{2,45}(?:/[0-9]{1,3})?"); }
QString guardName() { return QStringLiteral("[A-Za-z0-9._:/-]{1,64}"); }

QString promptPattern()
{
    // Host names with dots, parentheses, slashes and colons: "RP/0/RSP0/CPU0:core-1.lab#",
    // "user@mx1.lab>", "sw1.lab(s1)#", "sw1.lab(config)#" is never reached as we only read.
    return QStringLiteral("[A-Za-z0-9_.()/:@~-]{1,160}[>#%] ?$");
}

std::vector<PastedChunk> splitPasted(const QByteArray &text)
{
    std::vector<PastedChunk> chunks;
    const char *base = text.constData();
    qsizetype bodyStart = 0;
    QString command;
    bool havePrompt = false;
    auto blank = [](const QByteArray &b) {
        return std::all_of(b.cbegin(), b.cend(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    };
    int bodyLine = 1;
    auto flush = [&](qsizetype end) {
        const QByteArray body = bodyStart == 0 && end == text.size() ? text // shared, not copied
                                                                      : QByteArray::fromRawData(base + bodyStart, end - bodyStart);
        if (havePrompt || !blank(body))
            chunks.push_back({command, body, bodyLine});
    };
    LineReader lines(text); // a full table is not split into a vector of lines up front
    for (Line l; lines.next(l);) {
        std::string_view cmd;
        if (!isPromptLine(l.text, &cmd))
            continue;
        const qsizetype lineStart = l.text.data() - base;
        const qsizetype lineEnd = lineStart + qsizetype(l.text.size());
        flush(lineStart);
        havePrompt = true;
        command = latin1(cmd).simplified();
        bodyStart = std::min<qsizetype>(text.size(), lineEnd + 1);
        bodyLine = l.number + 1;
    }
    flush(text.size());
    // A trailing bare prompt leaves an empty chunk: drop those.
    std::vector<PastedChunk> out;
    for (auto &c : chunks)
        if (!blank(c.body) || !c.command.isEmpty())
            out.push_back(std::move(c));
    return out;
}

} // namespace rl::clitext
