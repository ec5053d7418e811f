#pragma once

#include <QByteArray>
#include <QString>

namespace rl {

// Router-supplied text is shown, never obeyed: an interface description or an LLDP system name
// may carry terminal escape sequences (ESC [ 2 J clears a screen, OSC 0 retitles a window),
// carriage returns that overwrite a line, or Unicode direction overrides that show text in a
// different order than it is stored. Before such text reaches a terminal, a table cell or a
// report, DisplayText makes those characters visible:
//   C0 controls U+0000-U+001F, DEL U+007F and C1 controls U+0080-U+009F  -> "\x1b", "\x9b", ...
//   direction marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A-U+202E,
//   U+2066-U+2069) and the line / paragraph separators U+2028, U+2029  -> "\u202e", ...
// Everything else, letters of every script included, stays as it is.
namespace DisplayText {

enum class Keep : quint8 {
    Nothing,    // one cell or one line: every control character is escaped, tab and newline too
    LineBreaks, // terminal output: "\n" and "\r\n" line ends and "\t" stay, a lone "\r" is escaped
    Whitespace, // a field of a format that quotes them (CSV): "\t", "\r" and "\n" stay
};

// JSON text (as QJsonDocument writes it) made safe for a terminal without leaving JSON: the
// characters JSON may carry raw that terminals obey or reorder (DEL, C1 controls, direction
// overrides, line / paragraph separators) become \u escapes, which read back the same.
QByteArray jsonForTerminal(const QByteArray &json);

// True when `text` has a character escapeControls would change.
bool hasControls(QStringView text, Keep keep = Keep::Nothing);
QString escapeControls(const QString &text, Keep keep = Keep::Nothing);

} // namespace DisplayText
} // namespace rl
