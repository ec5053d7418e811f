#include "engine/inventory/json_position_index.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rl {
namespace {
constexpr int kMaxDepth = 64; // inventories are shallow; deeper parts need no positions
}

JsonPositionIndex::JsonPositionIndex(const QByteArray &json) : m_text(json)
{
    scanValue(QString(), 0);
}

int JsonPositionIndex::line(const QString &path) const
{
    const auto it = m_offsets.constFind(path);
    return it == m_offsets.constEnd() ? 0 : lineOfOffset(m_text, *it);
}

int JsonPositionIndex::lineOfOffset(const QByteArray &text, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, text.size());
    return int(QByteArrayView(text).first(offset).count('\n')) + 1;
}

void JsonPositionIndex::skipSpace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        ++m_pos;
    }
}

QString JsonPositionIndex::scanString()
{
    // At the opening quote. Keys are decoded through QJsonDocument so escapes match.
    const qsizetype start = m_pos;
    ++m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
        if (m_text[m_pos] == '\\')
            ++m_pos;
        ++m_pos;
    }
    ++m_pos; // closing quote
    const QByteArray raw = m_text.mid(start, m_pos - start);
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw.mid(1, raw.size() - 2));
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']');
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first().toString() : QString();
}

void JsonPositionIndex::scanValue(const QString &path, int depth)
{
    skipSpace();
    if (m_pos >= m_text.size())
        return;
    if (!m_offsets.contains(path))
        m_offsets.insert(path, m_pos);
    const char c = m_text[m_pos];
    const QString prefix = path.isEmpty() ? QString() : path + QLatin1Char('/');
    if (c == '{' || c == '[') {
        const bool object = c == '{';
        const char close = object ? '}' : ']';
        ++m_pos;
        int index = 0;
        while (m_pos < m_text.size()) {
            skipSpace();
            if (m_pos >= m_text.size())
                return;
            if (m_text[m_pos] == close) {
                ++m_pos;
                return;
            }
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            QString childPath;
            if (object) {
                const qsizetype keyPos = m_pos;
                childPath = prefix + scanString();
                // The member's line is its key's line.
                m_offsets.insert(childPath, keyPos);
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ':')
                    ++m_pos;
            } else {
                childPath = prefix + QString::number(index++);
            }
            if (depth + 1 < kMaxDepth) {
                scanValue(childPath, depth + 1);
            } else {
                scanValue(QString(), depth + 1); // positions below the limit are not kept
            }
        }
        return;
    }
    if (c == '"') {
        scanString();
        return;
    }
    while (m_pos < m_text.size()) {
        const char d = m_text[m_pos];
        if (d == ',' || d == ']' || d == '}' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
            break;
        ++m_pos;
    }
}

} // namespace rl
