#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;

namespace rl {

class RecordTableModel;

// Paste a router's output, choose its platform and the query, see the normalized table.
class PasteBoxDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasteBoxDialog)

public:
    explicit PasteBoxDialog(QWidget *parent = nullptr);
    void setText(const QString &text);
    void setPlatform(const QString &platform);
    void setKind(int kind);
    RecordTableModel *model() const { return m_model; }
    QString status() const;

public Q_SLOTS:
    void parse();
    void done(int result) override;

private:
    QSplitter *m_split;
    QComboBox *m_platform;
    QComboBox *m_kind;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QTableView *m_table;
    RecordTableModel *m_model;
};

} // namespace rl
