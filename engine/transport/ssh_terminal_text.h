#pragma once

#include <QByteArray>

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
};

} // namespace rl
