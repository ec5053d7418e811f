#pragma once

#include "engine/api/error.h"

#include <QByteArray>
#include <QString>

class QAbstractItemModel;
class QIODevice;

namespace rl {

// Writes any table model as it is shown (after filters and sorting): CSV per RFC 4180
// (comma, CRLF, fields with comma, quote or line break quoted, quotes doubled; header row;
// the engine's RecordExport::csvField, so cells that would start a formula are neutralised)
// and JSON (an array of objects keyed by the column's stable key when the model gives one).
class TableExporter
{
public:

    static QByteArray toCsv(const QAbstractItemModel &model);
    static QByteArray toJson(const QAbstractItemModel &model, int rawValueRole = -1, int columnKeyRole = -1);
    static QString toTabSeparated(const QAbstractItemModel &model); // for the clipboard
    static QString csvField(const QString &text);

    static Error writeCsv(const QAbstractItemModel &model, const QString &path);
    static Error writeJson(const QAbstractItemModel &model, const QString &path, int rawValueRole = -1,
                           int columnKeyRole = -1);
    static Error writeFile(const QString &path, const QByteArray &data);
};

} // namespace rl
