#include "ui/export/table_exporter.h"

#include "engine/api/record_export.h"

#include <QAbstractItemModel>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace rl {

QString TableExporter::csvField(const QString &text)
{
    // The engine's one CSV writer: RFC 4180 quoting, formulas neutralised, controls shown.
    return RecordExport::csvField(text);
}

QByteArray TableExporter::toCsv(const QAbstractItemModel &model)
{
    const int rows = model.rowCount();
    const int cols = model.columnCount();
    QString out;
    auto line = [&](auto cell) {
        for (int c = 0; c < cols; ++c) {
            if (c > 0)
                out += QLatin1Char(',');
            out += csvField(cell(c));
        }
        out += QLatin1String("\r\n");
    };
    line([&](int c) { return model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(); });
    for (int r = 0; r < rows; ++r)
        line([&](int c) { return model.data(model.index(r, c), Qt::DisplayRole).toString(); });
    return out.toUtf8();
}

QByteArray TableExporter::toJson(const QAbstractItemModel &model, int rawValueRole, int columnKeyRole)
{
    const int rows = model.rowCount();
    const int cols = model.columnCount();
    QStringList keys;
    for (int c = 0; c < cols; ++c) {
        const QVariant key = columnKeyRole >= 0 ? model.headerData(c, Qt::Horizontal, columnKeyRole) : QVariant();
        keys << (key.isValid() && !key.toString().isEmpty() ? key.toString()
                                                             : model.headerData(c, Qt::Horizontal).toString());
    }
    QJsonArray array;
    for (int r = 0; r < rows; ++r) {
        QJsonObject obj;
        for (int c = 0; c < cols; ++c) {
            const QModelIndex idx = model.index(r, c);
            const QVariant v = rawValueRole >= 0 ? model.data(idx, rawValueRole) : model.data(idx);
            obj.insert(keys[c], v.isValid() ? QJsonValue::fromVariant(v) : QJsonValue(QJsonValue::Null));
        }
        array.append(obj);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString TableExporter::toTabSeparated(const QAbstractItemModel &model)
{
    QString out;
    const int rows = model.rowCount();
    const int cols = model.columnCount();
    // Pasted into a spreadsheet, a cell is read as a formula just as in a CSV file.
    for (int c = 0; c < cols; ++c)
        out += (c ? QStringLiteral("\t") : QString()) + RecordExport::formulaSafe(model.headerData(c, Qt::Horizontal).toString());
    out += QLatin1Char('\n');
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c)
            out += (c ? QStringLiteral("\t") : QString()) + RecordExport::formulaSafe(model.data(model.index(r, c)).toString());
        out += QLatin1Char('\n');
    }
    return out;
}

Error TableExporter::writeFile(const QString &path, const QByteArray &data)
{
    // QSaveFile: a failed export never leaves half a file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::InternalError,
                     QStringLiteral("Cannot write %1: %2. Choose another folder.").arg(QFileInfo(path).fileName(), file.errorString()));
    file.write(data);
    if (!file.commit())
        return Error(ErrorCode::InternalError,
                     QStringLiteral("Writing %1 failed: %2.").arg(QFileInfo(path).fileName(), file.errorString()));
    return {};
}

Error TableExporter::writeCsv(const QAbstractItemModel &model, const QString &path)
{
    return writeFile(path, toCsv(model));
}

Error TableExporter::writeJson(const QAbstractItemModel &model, const QString &path, int rawValueRole, int columnKeyRole)
{
    return writeFile(path, toJson(model, rawValueRole, columnKeyRole));
}

} // namespace rl
