#pragma once

#include "engine/inventory/inventory_document.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace rl {

// The window's inventory editor: the routers and the connections of the inventory shown, each
// in a table with Add…, Edit… and Remove. Each change is checked as the readers check a file
// (InventoryDocument); nothing is written until Save, and Cancel writes nothing. A RouterLens
// JSON file is saved in place (a new file renamed over it, so a reader never sees half of it)
// with what the editor does not show kept as it was; an inventory read from another form (YAML,
// Nornir, Ansible, CSV) is never overwritten: "Save as JSON…" writes a new file beside it.
class InventoryEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryEditorDialog)

public:
    // path: the inventory file shown. original: its text as read when `document` came from it
    // (saving checks the file still has it); empty for another form.
    InventoryEditorDialog(InventoryDocument document, const QString &path, const QByteArray &original,
                          QWidget *parent = nullptr);

    const InventoryDocument &document() const { return m_document; }
    bool savesInPlace() const { return !m_original.isEmpty(); }
    QTableWidget *routerTable() const { return m_routers; }
    QTableWidget *connectionTable() const { return m_connections; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *saveButton() const { return m_save; }
    // The sentence shown under the tables (a removal refused, a save that failed), or empty.
    QString problem() const;

    // Add or edit with the item dialog; index -1 adds. Returns whether the change was made.
    bool editRouter(qsizetype index);
    bool editConnection(qsizetype index);
    bool removeRouter(qsizetype index);
    bool removeConnection(qsizetype index);
    // Writes the document to `path` (checked by reading it back first) and closes the editor.
    bool saveTo(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // Written to `path`: the file shown (reloaded by the window's watcher) or a new JSON file.
    void saved(const QString &path);

private:
    void save();
    void saveAsJson();
    void fillRouters(qsizetype select = -1);
    void fillConnections(qsizetype select = -1);
    void showProblem(const QString &message);
    void updateButtons();
    qsizetype currentRow(QTableWidget *table) const;
    // Every item dialog goes through here: tests reach the dialog it opens.
    bool runItemDialog(QDialog *dialog);

    InventoryDocument m_document;
    QString m_path;
    QByteArray m_original;
    QLabel *m_intro;
    QTabWidget *m_tabs;
    QTableWidget *m_routers;
    QTableWidget *m_connections;
    QPushButton *m_editRouter;
    QPushButton *m_removeRouter;
    QPushButton *m_editConnection;
    QPushButton *m_removeConnection;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace rl
