#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace rl {

// Where each value of a JSON text starts, by path ("routers/2/port"), so a semantic error
// found in a QJsonDocument can name the line a person has to fix. QJsonDocument keeps no
// positions; this scans the text once, only when an error needs a line.
class JsonPositionIndex
{
public:
    // `json` must be text QJsonDocument already accepted.
    explicit JsonPositionIndex(const QByteArray &json);

    // 1-based line of the member's key (or the array element); 0 when unknown.
    int line(const QString &path) const;
    // 1-based line of a byte offset.
    static int lineOfOffset(const QByteArray &text, qsizetype offset);

private:
    void scanValue(const QString &path, int depth);
    void skipSpace();
    QString scanString();

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_offsets;
};

} // namespace rl
