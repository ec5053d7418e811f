#pragma once

// Shared helpers for the commercial platforms' CLI text parsers (Cisco IOS/IOS-XE, IOS-XR,
// and the text fallbacks of the others). Everything works on std::string_view lines of the
// raw output, so big tables parse without one QString or regular expression per line.

#include "engine/api/error.h"

#include <QByteArray>
#include <QString>

#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace rl::clitext {

struct Line {
    std::string_view text; // without the line break and trailing '\r'
    int number = 0;        // 1-based, as a person counts lines in the pasted text
};

// Splits text into lines. Cheap: no copies, views into text (which must outlive them).
std::vector<Line> splitLines(const QByteArray &text);

// Reads the same lines one at a time, without building a vector: for full tables.
class LineReader
{
public:
    explicit LineReader(const QByteArray &text) : m_p(text.constData()), m_end(m_p + text.size()) {}
    bool next(Line &line)
    {
        if (m_p >= m_end)
            return false;
        const char *nl = static_cast<const char *>(std::memchr(m_p, '\n', size_t(m_end - m_p)));
        const char *e = nl ? nl : m_end;
        const char *t = e;
        while (t > m_p && t[-1] == '\r')
            --t;
        line.text = std::string_view(m_p, size_t(t - m_p));
        line.number = ++m_number;
        m_p = nl ? nl + 1 : m_end;
        return true;
    }

private:
    const char *m_p;
    const char *m_end;
    int m_number = 0;
};

struct Token {
    std::string_view text;
    int column = 0; // where the token starts in its line
    int end() const { return column + int(text.size()); }
};
// Whitespace separated tokens with their columns.
void tokenize(std::string_view line, std::vector<Token> &out);
std::vector<Token> tokenize(std::string_view line);

// Inline: these run once or more per line of million-line tables.
inline std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}
inline bool startsWith(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
inline bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
inline bool isBlank(std::string_view s) { return trimmed(s).empty(); }
bool isDigits(std::string_view s);

// A decimal number; nullopt on anything else (an optional trailing "." or "," is tolerated,
// IOS writes "Vlan ID  100." and "0 input errors,").
std::optional<qint64> toInt(std::string_view s);
std::optional<double> toReal(std::string_view s);
// The number just before `label` ("12 input errors" with label "input errors"); -1 when absent.
qint64 numberBefore(std::string_view line, std::string_view label);
// The number right after `label` ("Unknown protocol drops: 0" style, or "Vlan ID  100").
qint64 numberAfter(std::string_view line, std::string_view label);

// An AS number in asplain ("4259840100") or asdot ("65000.100") notation; nullopt otherwise.
std::optional<qint64> parseAsn(std::string_view s);

// Uptimes as routers print them: "00:05:12", "1d02h", "5w2d", "1y3w", "2d03h04m",
// "1w2d 03:04:05", "3:04:05", "58" (seconds); "never" is -1. nullopt on anything else.
std::optional<qint64> parseDuration(std::string_view s);

// A prompt line echoed in pasted or captured text: "r1#show ip bgp summary",
// "RP/0/RSP0/CPU0:core-1.lab#", "user@mx1.lab> show bgp summary", "sw1.lab(s1)#".
// Returns true and sets command (possibly empty) when the line is one.
bool isPromptLine(std::string_view line, std::string_view *command = nullptr);

QString toQString(std::string_view s); // UTF-8
inline QString latin1(std::string_view s) { return QString::fromLatin1(s.data(), qsizetype(s.size())); }

// parse-error naming what was read, the line number and the line itself.
Error lineError(const QString &what, const Line &line, const QString &why = {});
// parse-error for text that does not look like the expected output at all.
Error formatError(const QString &what, const QByteArray &text, const QString &why);

// Error texts IOS-like CLIs print instead of output: "% Invalid input detected", ...
// Returns an error to pass on when the output is one, None otherwise. The CLI prints these
// instead of output, so only the first lines are read: a full table is not scanned twice.
Error cliError(const QString &what, const QByteArray &text);

// Allow-list fragments for validated parameters; with the guard's own ban on shell and
// quote characters they keep anything but an address or a name out of a command.
QString guardIp();
QString guardPrefix();
QString guardName();
// The shell prompt of the commercial CLIs, at the end of the received text.
QString promptPattern();

// Pasted text cut at every echoed prompt line: the command typed there and what followed.
// Text without a prompt is one chunk with an empty command. The bodies are views into `text`
// (no copy of a full table): they are valid while `text` is, and not zero-terminated.
struct PastedChunk {
    QString command;
    QByteArray body;
    int firstLine = 1; // the line of the paste the body starts on (1-based)
};
std::vector<PastedChunk> splitPasted(const QByteArray &text);

} // namespace rl::clitext
