#include "ui/dialogs/inventory_editor_dialog.h"

#include "ui/dialogs/connection_edit_dialog.h"
#include "ui/dialogs/router_edit_dialog.h"
#include "ui/models/state_colors.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rl {

namespace {

QTableWidget *newTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAlternatingRowColors(true);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QString number(qint64 n)
{
    return n == -1 ? QString() : QString::number(n);
}

} // namespace

InventoryEditorDialog::InventoryEditorDialog(InventoryDocument document, const QString &path, const QByteArray &original,
                                             QWidget *parent)
    : QDialog(parent), m_document(std::move(document)), m_path(path), m_original(original), m_intro(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_routers(newTable({tr("Name"), tr("Host"), tr("Port"), tr("Platform"), tr("Site"), tr("Customer"),
                          tr("Credentials")},
                         this)),
      m_connections(newTable({tr("Id"), tr("Customer"), tr("Provider router"), tr("Interface"), tr("VLAN"),
                              tr("Customer router"), tr("Provider AS"), tr("Customer AS")},
                             this)),
      m_editRouter(new QPushButton(tr("&Edit…"), this)), m_removeRouter(new QPushButton(tr("&Remove"), this)),
      m_editConnection(new QPushButton(tr("&Edit…"), this)), m_removeConnection(new QPushButton(tr("&Remove"), this)),
      m_problem(new QLabel(this)), m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("inventoryEditorDialog"));
    const QString file = QFileInfo(path).fileName();
    setWindowTitle(tr("Edit inventory · %1").arg(file));
    m_intro->setWordWrap(true);
    m_intro->setText(savesInPlace()
                         ? tr("Changes are checked as RouterLens reads the file, and written to %1 when you save. "
                              "What this editor does not show (comments, credentials, TLS settings, other tags) is "
                              "kept as it is.")
                               .arg(file)
                         : tr("%1 is not a RouterLens JSON file, so it is not overwritten: save your changes as a new "
                              "JSON file, which the window then opens.")
                               .arg(file));

    auto *addRouter = new QPushButton(tr("&Add…"), this);
    auto *addConnection = new QPushButton(tr("&Add…"), this);
    addRouter->setObjectName(QStringLiteral("addRouter"));
    m_editRouter->setObjectName(QStringLiteral("editRouter"));
    m_removeRouter->setObjectName(QStringLiteral("removeRouter"));
    addConnection->setObjectName(QStringLiteral("addConnection"));
    m_editConnection->setObjectName(QStringLiteral("editConnection"));
    m_removeConnection->setObjectName(QStringLiteral("removeConnection"));
    m_routers->setObjectName(QStringLiteral("routerTable"));
    m_connections->setObjectName(QStringLiteral("connectionTable"));

    const auto page = [this](QTableWidget *table, QPushButton *add, QPushButton *edit, QPushButton *remove) {
        auto *w = new QWidget(m_tabs);
        auto *h = new QHBoxLayout(w);
        h->addWidget(table, 1);
        auto *v = new QVBoxLayout;
        v->addWidget(add);
        v->addWidget(edit);
        v->addWidget(remove);
        v->addStretch();
        h->addLayout(v);
        return w;
    };
    m_tabs->addTab(page(m_routers, addRouter, m_editRouter, m_removeRouter), tr("Ro&uters"));
    m_tabs->addTab(page(m_connections, addConnection, m_editConnection, m_removeConnection), tr("Co&nnections"));

    m_problem->setObjectName(QStringLiteral("editorProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, StateColors::foreground(StateColors::Tone::Bad));
    m_problem->setPalette(p);
    m_problem->setVisible(false);

    m_save->setObjectName(QStringLiteral("saveInventory"));
    m_save->setText(savesInPlace() ? tr("&Save") : tr("Save as &JSON…"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // ApplyRole, not AcceptRole: a button box makes its first accept button the dialog's default,
    // and Enter on a table row must edit the row, never save the file.
    buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    // Enter belongs to the tables (it edits the row) and the item dialogs; saving is Ctrl+S or
    // Alt+S, so no key press meant for a row saves the file by accident.
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);
    m_save->setAutoDefault(false);
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, m_save, &QPushButton::click);
    connect(m_save, &QPushButton::clicked, this, [this] { savesInPlace() ? save() : saveAsJson(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(addRouter, &QPushButton::clicked, this, [this] { editRouter(-1); });
    connect(m_editRouter, &QPushButton::clicked, this, [this] { editRouter(currentRow(m_routers)); });
    connect(m_removeRouter, &QPushButton::clicked, this, [this] { removeRouter(currentRow(m_routers)); });
    connect(m_routers, &QTableWidget::cellActivated, this, [this](int row) { editRouter(row); });
    connect(addConnection, &QPushButton::clicked, this, [this] { editConnection(-1); });
    connect(m_editConnection, &QPushButton::clicked, this, [this] { editConnection(currentRow(m_connections)); });
    connect(m_removeConnection, &QPushButton::clicked, this, [this] { removeConnection(currentRow(m_connections)); });
    connect(m_connections, &QTableWidget::cellActivated, this, [this](int row) { editConnection(row); });
    for (QTableWidget *t : {m_routers, m_connections}) {
        connect(t, &QTableWidget::itemSelectionChanged, this, &InventoryEditorDialog::updateButtons);
        t->installEventFilter(this); // Delete removes the selected row, as in a file manager
    }
    for (QPushButton *b : buttons->findChildren<QPushButton *>())
        b->setAutoDefault(false);
    setTabOrder(m_tabs, m_routers);
    fillRouters(0);
    fillConnections(0);
    updateButtons();
    resize(980, 560);
    m_routers->setFocus();
}

bool InventoryEditorDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        if (watched == m_routers) {
            removeRouter(currentRow(m_routers));
            return true;
        }
        if (watched == m_connections) {
            removeConnection(currentRow(m_connections));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

qsizetype InventoryEditorDialog::currentRow(QTableWidget *table) const
{
    const QList<QTableWidgetSelectionRange> ranges = table->selectedRanges();
    return ranges.isEmpty() ? -1 : ranges.first().topRow();
}

void InventoryEditorDialog::fillRouters(qsizetype select)
{
    const QList<Router> &routers = m_document.routers();
    m_routers->setRowCount(int(routers.size()));
    for (int i = 0; i < routers.size(); ++i) {
        const Router &r = routers[i];
        setRow(m_routers, i, {r.name, r.host, QString::number(r.port), r.platform, r.tags.value(QStringLiteral("site")),
                              r.tags.value(QStringLiteral("customer")), r.credentials});
    }
    m_routers->resizeColumnsToContents();
    if (select >= 0 && select < routers.size())
        m_routers->selectRow(int(select));
}

void InventoryEditorDialog::fillConnections(qsizetype select)
{
    const QList<Connection> &conns = m_document.connections();
    m_connections->setRowCount(int(conns.size()));
    for (int i = 0; i < conns.size(); ++i) {
        const Connection &c = conns[i];
        const QString vlan = c.innerVlan == -1 ? number(c.vlan) : QStringLiteral("%1.%2").arg(c.vlan).arg(c.innerVlan);
        setRow(m_connections, i, {c.id, c.customer, c.providerRouter, c.providerInterface, vlan, c.customerRouter,
                                  number(c.providerAs), number(c.customerAs)});
    }
    m_connections->resizeColumnsToContents();
    if (select >= 0 && select < conns.size())
        m_connections->selectRow(int(select));
}

void InventoryEditorDialog::updateButtons()
{
    const bool router = currentRow(m_routers) >= 0, connection = currentRow(m_connections) >= 0;
    m_editRouter->setEnabled(router);
    m_removeRouter->setEnabled(router);
    m_editConnection->setEnabled(connection);
    m_removeConnection->setEnabled(connection);
    // A file shown can be saved once it changed; another form can always be saved as JSON.
    m_save->setEnabled(m_document.isModified() || !savesInPlace());
}

void InventoryEditorDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

QString InventoryEditorDialog::problem() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

bool InventoryEditorDialog::runItemDialog(QDialog *dialog)
{
    return dialog->exec() == QDialog::Accepted;
}

bool InventoryEditorDialog::editRouter(qsizetype index)
{
    if (index >= m_document.routers().size())
        return false;
    showProblem({});
    Router start;
    if (index >= 0)
        start = m_document.routers()[index];
    RouterEditDialog dlg(m_document, index, start, this);
    if (!runItemDialog(&dlg))
        return false;
    const Result<qsizetype> at = m_document.setRouter(index, dlg.router());
    if (!at.ok()) {
        showProblem(at.error().message);
        return false;
    }
    fillRouters(at.value());
    fillConnections(currentRow(m_connections)); // a renamed router is renamed in its connections
    updateButtons();
    return true;
}

bool InventoryEditorDialog::editConnection(qsizetype index)
{
    if (index >= m_document.connections().size())
        return false;
    showProblem({});
    Connection start;
    if (index >= 0)
        start = m_document.connections()[index];
    ConnectionEditDialog dlg(m_document, index, start, this);
    if (!runItemDialog(&dlg))
        return false;
    const Result<qsizetype> at = m_document.setConnection(index, dlg.connection());
    if (!at.ok()) {
        showProblem(at.error().message);
        return false;
    }
    m_tabs->setCurrentIndex(1);
    fillConnections(at.value());
    updateButtons();
    return true;
}

bool InventoryEditorDialog::removeRouter(qsizetype index)
{
    if (index < 0 || index >= m_document.routers().size())
        return false;
    showProblem({});
    if (const InventoryProblem p = m_document.removeRouter(index)) {
        showProblem(p.message);
        return false;
    }
    fillRouters(qMin(index, m_document.routers().size() - 1));
    updateButtons();
    return true;
}

bool InventoryEditorDialog::removeConnection(qsizetype index)
{
    if (index < 0 || index >= m_document.connections().size())
        return false;
    showProblem({});
    m_document.removeConnection(index);
    fillConnections(qMin(index, m_document.connections().size() - 1));
    updateButtons();
    return true;
}

void InventoryEditorDialog::save()
{
    saveTo(m_path);
}

void InventoryEditorDialog::saveAsJson()
{
    const QFileInfo source(m_path);
    const QString suggested = source.absoluteDir().filePath(source.completeBaseName() + QStringLiteral(".json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save inventory as JSON"), suggested,
                                                      tr("RouterLens JSON (*.json)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool InventoryEditorDialog::saveTo(const QString &path)
{
    showProblem({});
    const QString target = QFileInfo(path).absoluteFilePath();
    if (!savesInPlace() && target == QFileInfo(m_path).absoluteFilePath()) {
        showProblem(tr("%1 is the file the inventory was read from, in another form; choose a new file name ending "
                       "in .json.")
                        .arg(QFileInfo(path).fileName()));
        return false;
    }
    const Result<Inventory> check = m_document.reread();
    if (!check.ok()) {
        showProblem(tr("Not saved: %1").arg(check.error().message));
        return false;
    }
    if (savesInPlace() && target == QFileInfo(m_path).absoluteFilePath()) {
        // Someone else may have saved the file since the editor read it: do not undo their work.
        QFile now(target);
        if (!now.open(QIODevice::ReadOnly) || now.readAll() != m_original) {
            showProblem(tr("Not saved: %1 changed on disk since the editor opened it. Cancel, and open the editor "
                           "again to edit the file as it is now.")
                            .arg(QFileInfo(path).fileName()));
            return false;
        }
    }
    QSaveFile out(target);
    const QByteArray text = m_document.toJson();
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit()) {
        showProblem(tr("Not saved: cannot write %1 (%2).").arg(target, out.errorString()));
        return false;
    }
    Q_EMIT saved(target);
    QDialog::accept();
    return true;
}

} // namespace rl
