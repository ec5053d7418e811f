#include "engine/transport/ssh_terminal_text.h"

#include <QByteArrayView>

namespace rl {

namespace {

// Skips one escape sequence starting at raw[i] == ESC; returns the index after it and tells
// whether it was "erase to end of line" (CSI K / CSI 0K), the one a pager uses to wipe itself.
qsizetype skipEscape(const QByteArray &raw, qsizetype i, bool *eraseLine, bool *eraseWholeLine)
{
    *eraseLine = false;
    *eraseWholeLine = false;
    const qsizetype n = raw.size();
    if (i + 1 >= n)
        return n;
    const char kind = raw[i + 1];
    if (kind == '[') { // CSI: parameters, intermediates, one final byte
        qsizetype j = i + 2;
        while (j < n && (uchar(raw[j]) < 0x40 || uchar(raw[j]) > 0x7e))
            ++j;
        if (j < n && raw[j] == 'K') {
            const QByteArrayView params(raw.constData() + i + 2, j - i - 2);
            if (params.isEmpty() || params == "0")
                *eraseLine = true;
            else if (params == "2")
                *eraseWholeLine = true;
        }
        return j < n ? j + 1 : n;
    }
    if (kind == ']') { // OSC: up to BEL or ESC '\'
        qsizetype j = i + 2;
        while (j < n && raw[j] != '\a' && !(raw[j] == '\x1b' && j + 1 < n && raw[j + 1] == '\\'))
            ++j;
        if (j >= n)
            return n;
        return raw[j] == '\a' ? j + 1 : j + 2;
    }
    if (kind == '(' || kind == ')' || kind == '#') // charset designation: one more byte
        return qMin(i + 3, n);
    return i + 2; // ESC = , ESC >, ESC 7, ...
}

void commitLine(QByteArray &out, QByteArray &line)
{
    qsizetype end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        --end;
    out.append(line.constData(), end);
    line.clear();
}

} // namespace

QByteArray SshTerminalText::clean(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    QByteArray line;
    qsizetype cursor = 0;
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n;) {
        const char c = raw[i];
        if (c == '\n') {
            commitLine(out, line);
            out.append('\n');
            cursor = 0;
            ++i;
        } else if (c == '\r') {
            cursor = 0;
            ++i;
        } else if (c == '\b') {
            if (cursor > 0)
                --cursor;
            ++i;
        } else if (c == '\x1b') {
            bool erase = false, eraseAll = false;
            i = skipEscape(raw, i, &erase, &eraseAll);
            if (erase)
                line.truncate(cursor);
            if (eraseAll)
                line.fill(' ');
        } else if (c == '\t' || uchar(c) >= 0x20) {
            if (c == 0x7f) {
                ++i;
                continue;
            }
            if (cursor < line.size())
                line[cursor] = c;
            else
                line.append(c);
            ++cursor;
            ++i;
        } else {
            ++i; // BEL, NUL and other controls carry nothing to read
        }
    }
    commitLine(out, line);
    return out;
}

bool SshTerminalText::isPagerPrompt(const QByteArray &cleanLine)
{
    const QByteArray s = cleanLine.trimmed().toLower();
    if (s.isEmpty() || s.size() > 80)
        return false;
    // "--More--", "-- More --", "--More-- (12%)", "<--- More --->"
    const qsizetype at = s.indexOf("more");
    if (at < 0)
        return false;
    const QByteArray before = s.left(at).trimmed();
    return before.endsWith("--") || before.endsWith("-") || before == "<---";
}

QRegularExpression SshTerminalText::promptExpression(const QString &pattern)
{
    return QRegularExpression(QStringLiteral("(?:") + pattern + QStringLiteral(")\\s*$"));
}

bool SshTerminalText::isPrompt(const QRegularExpression &prompt, const QByteArray &cleanLine, const QString &sessionPrompt)
{
    const QString line = QString::fromUtf8(cleanLine);
    return prompt.match(line).hasMatch() && (sessionPrompt.isEmpty() || line.trimmed() == sessionPrompt);
}

QByteArray SshTerminalText::commandAnswer(QByteArray cleaned, const QByteArray &command)
{
    const qsizetype lastNl = cleaned.lastIndexOf('\n');
    cleaned.truncate(lastNl < 0 ? 0 : lastNl + 1);
    const qsizetype firstNl = cleaned.indexOf('\n');
    if (firstNl >= 0 && cleaned.left(firstNl).contains(command))
        cleaned.remove(0, firstNl + 1);
    return cleaned;
}

} // namespace rl
