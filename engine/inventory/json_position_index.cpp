#include "engine/inventory/json_position_index.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rl {

JsonPositionIndex::JsonPositionIndex(const QByteArray &json) : m_text(json)
{
    Cursor c;
    skipSpace(c);
    if (c.pos >= m_text.size())
        return;
    m_root = Pos{c.line, c};
    forEachChild(c, [&](const QString &name, const Pos &top, Cursor *resume) {
        m_top.insert(name, top);
        const char kind = top.value.pos < m_text.size() ? m_text[top.value.pos] : '\0';
        if (kind != '{' && kind != '[')
            return true;
        Children &children = m_second[name];
        // Read once: the outer walk resumes where this one ended.
        *resume = forEachChild(top.value, [&](const QString &childName, const Pos &child, Cursor *) {
            if (kind == '[')
                children.elements.append(child);
            else
                children.members.insert(childName, child);
            return true;
        });
        return true;
    });
}

int JsonPositionIndex::line(const QString &path) const
{
    if (path.isEmpty())
        return m_root.line;
    const QList<QStringView> steps = QStringView(path).split(QLatin1Char('/'));
    const auto top = m_top.constFind(steps[0].toString());
    if (top == m_top.constEnd())
        return 0;
    if (steps.size() == 1)
        return top->line;
    Pos at;
    const auto second = m_second.constFind(steps[0].toString());
    if (second == m_second.constEnd())
        return 0;
    if (!second->elements.isEmpty() || second->members.isEmpty()) {
        bool ok = false;
        const qsizetype i = steps[1].toLongLong(&ok);
        if (!ok || i < 0 || i >= second->elements.size())
            return 0;
        at = second->elements[i];
    } else {
        const auto m = second->members.constFind(steps[1].toString());
        if (m == second->members.constEnd())
            return 0;
        at = *m;
    }
    // Deeper paths are rare (an error in one router's field): read only that value's text.
    for (qsizetype i = 2; i < steps.size(); ++i) {
        if (!findChild(at.value, steps[i], &at))
            return 0;
    }
    return at.line;
}

int JsonPositionIndex::lineOfOffset(const QByteArray &text, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, text.size());
    return int(QByteArrayView(text).first(offset).count('\n')) + 1;
}

void JsonPositionIndex::skipSpace(Cursor &c) const
{
    const qsizetype start = c.pos;
    while (c.pos < m_text.size()) {
        const char ch = m_text[c.pos];
        if (ch == '\n')
            ++c.line;
        else if (ch != ' ' && ch != '\t' && ch != '\r')
            break;
        ++c.pos;
    }
    m_work += c.pos - start;
}

QString JsonPositionIndex::readString(Cursor &c) const
{
    // At the opening quote. Escaped keys are decoded through QJsonDocument so they match.
    const qsizetype start = c.pos;
    ++c.pos;
    bool escaped = false;
    while (c.pos < m_text.size() && m_text[c.pos] != '"') {
        if (m_text[c.pos] == '\\') {
            escaped = true;
            ++c.pos;
        }
        ++c.pos;
    }
    c.pos = qMin(c.pos + 1, m_text.size()); // the closing quote
    m_work += c.pos - start;
    const QByteArrayView raw = QByteArrayView(m_text).sliced(start, c.pos - start);
    if (!escaped)
        return QString::fromUtf8(raw.sliced(1, qMax(qsizetype(0), raw.size() - 2)));
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw.toByteArray() + ']');
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first().toString() : QString();
}

void JsonPositionIndex::skipValue(Cursor &c) const
{
    if (c.pos >= m_text.size())
        return;
    const qsizetype start = c.pos;
    const char first = m_text[c.pos];
    if (first == '"') {
        readString(c);
        return;
    }
    if (first != '{' && first != '[') {
        while (c.pos < m_text.size()) {
            const char d = m_text[c.pos];
            if (d == ',' || d == ']' || d == '}' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
                break;
            ++c.pos;
        }
        m_work += c.pos - start;
        return;
    }
    // A container: count brackets outside strings; the text is valid JSON, so they balance.
    qsizetype depth = 0;
    bool inString = false;
    while (c.pos < m_text.size()) {
        const char ch = m_text[c.pos++];
        if (inString) {
            if (ch == '\\')
                ++c.pos;
            else if (ch == '"')
                inString = false;
            continue;
        }
        if (ch == '\n') {
            ++c.line;
        } else if (ch == '"') {
            inString = true;
        } else if (ch == '{' || ch == '[') {
            ++depth;
        } else if (ch == '}' || ch == ']') {
            if (--depth == 0)
                break;
        }
    }
    c.pos = qMin(c.pos, m_text.size());
    m_work += c.pos - start;
}

template<typename Visit>
JsonPositionIndex::Cursor JsonPositionIndex::forEachChild(Cursor c, Visit &&visit) const
{
    if (c.pos >= m_text.size())
        return c;
    const char open = m_text[c.pos];
    if (open != '{' && open != '[') {
        skipValue(c);
        return c;
    }
    const bool object = open == '{';
    const char close = object ? '}' : ']';
    ++c.pos;
    ++m_work;
    qsizetype index = 0;
    while (c.pos < m_text.size()) {
        skipSpace(c);
        if (c.pos >= m_text.size())
            return c;
        if (m_text[c.pos] == close) {
            ++c.pos;
            ++m_work;
            return c;
        }
        if (m_text[c.pos] == ',') {
            ++c.pos;
            ++m_work;
            continue;
        }
        Pos child;
        QString name;
        if (object) {
            child.line = c.line; // a member's line is its key's line
            name = readString(c);
            skipSpace(c);
            if (c.pos < m_text.size() && m_text[c.pos] == ':') {
                ++c.pos;
                ++m_work;
            }
            skipSpace(c);
        } else {
            child.line = c.line;
            name = QString::number(index++);
        }
        child.value = c;
        Cursor resume{-1, 0};
        if (!visit(name, child, &resume))
            return c;
        if (resume.pos >= 0)
            c = resume;
        else
            skipValue(c);
    }
    return c;
}

bool JsonPositionIndex::findChild(const Cursor &at, QStringView step, Pos *out) const
{
    bool found = false;
    forEachChild(at, [&](const QString &name, const Pos &child, Cursor *) {
        if (name != step)
            return true;
        *out = child;
        found = true;
        return false;
    });
    return found;
}

} // namespace rl
