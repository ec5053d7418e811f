#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace rl {

// Where each value of a JSON text starts, by path ("routers/2/port"), so a semantic error
// found in a QJsonDocument can name the line a person has to fix. QJsonDocument keeps no
// positions.
//
// Linear in the text: one pass records the line of every value two levels deep (each router,
// each connection, each credentials profile, and the root's members) as it counts newlines;
// a deeper path ("routers/2/tags/site") is found by reading only that router's text. A reader
// that asks the line of every router of a million-router file reads the file once, not once
// per router.
class JsonPositionIndex
{
public:
    // `json` must be text QJsonDocument already accepted, and must outlive the index.
    explicit JsonPositionIndex(const QByteArray &json);

    // 1-based line of the member's key (or the array element); 0 when unknown.
    int line(const QString &path) const;
    // 1-based line of a byte offset (one pass: for a single error position).
    static int lineOfOffset(const QByteArray &text, qsizetype offset);
    // Bytes read so far, building the index and answering lookups: what the tests and the
    // benchmark count instead of timing.
    qint64 work() const { return m_work; }

private:
    struct Cursor {
        qsizetype pos = 0;
        int line = 1;
    };
    // A value: where its key (or the element itself) is, and where the value starts.
    struct Pos {
        int line = 0;
        Cursor value;
    };
    struct Children {
        QList<Pos> elements;          // of an array
        QHash<QString, Pos> members;  // of an object
    };

    void skipSpace(Cursor &c) const;
    QString readString(Cursor &c) const;   // at the opening quote; decoded
    void skipValue(Cursor &c) const;       // any value, nested ones included (no recursion)
    // The child `step` (member name or element index) of the container value at `at`.
    bool findChild(const Cursor &at, QStringView step, Pos *out) const;
    // Reads the members or elements of the container at `at`, calling
    // visit(key or index, pos, &resume); visit returns false to stop, or sets resume to where
    // it finished reading the child itself. Returns the cursor after the container.
    template<typename Visit>
    Cursor forEachChild(Cursor at, Visit &&visit) const;

    const QByteArray &m_text;
    mutable qint64 m_work = 0;
    Pos m_root;
    QHash<QString, Pos> m_top;             // the root's children, by key or index
    QHash<QString, Children> m_second;     // their children
};

} // namespace rl
