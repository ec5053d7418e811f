#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

namespace rl {

// What an interactive CLI prints is meant for a terminal: ANSI escapes, \r\n line ends, pager
// prompts erased with backspaces or \r. SshTerminalText replays those cursor moves line by line
// and keeps the text a person would have seen. Pure functions, no I/O.
class SshTerminalText
{
public:
    // Applies \r, \b and "erase line" escapes, drops every other escape sequence and control
    // character, and right-trims each line. Lines end with \n only.
    static QByteArray clean(const QByteArray &raw);

    // True when the (cleaned) last line is a pager prompt such as "--More--", " --More-- " or
    // "-- More --" that waits for a key.
    static bool isPagerPrompt(const QByteArray &cleanLine);
    // The prompt at the end of a line: a platform's prompt pattern anchored at the line end.
    static QRegularExpression promptExpression(const QString &pattern);
    // True when the (cleaned) last line is the shell's prompt: it matches, and it is the
    // session's first prompt again once one was seen (sessionPrompt empty before that).
    static bool isPrompt(const QRegularExpression &prompt, const QByteArray &cleanLine, const QString &sessionPrompt);
    // The answer in a shell's cleaned transcript of one command: without the prompt (the last
    // line) and the echoed command (the first line, when it holds the command).
    static QByteArray commandAnswer(QByteArray cleaned, const QByteArray &command);
};

} // namespace rl
