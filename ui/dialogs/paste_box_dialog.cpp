#include "ui/dialogs/paste_box_dialog.h"

#include "engine/service/router_data_service.h"
#include "ui/models/record_table_model.h"
#include "ui/models/state_colors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rl {

PasteBoxDialog::PasteBoxDialog(QWidget *parent)
    : QDialog(parent), m_platform(new QComboBox(this)), m_kind(new QComboBox(this)), m_text(new QPlainTextEdit(this)),
      m_status(new QLabel(this)), m_table(new QTableView(this)), m_model(new RecordTableModel(this))
{
    setWindowTitle(tr("Paste box — read a router's output offline"));
    setObjectName(QStringLiteral("pasteBox"));
    resize(1100, 700);
    m_platform->addItems(RouterDataService::platforms());
    for (QueryKind k : allQueryKinds())
        m_kind->addItem(queryKindDisplayTitle(k), int(k));
    m_kind->setCurrentIndex(m_kind->findData(int(QueryKind::BgpStatus)));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Paste the output of a show command here…"));
    m_text->setObjectName(QStringLiteral("pasteText"));
    m_model->setOrigin(RecordTableModel::Origin::Pasted);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Platform"), this));
    top->addWidget(m_platform);
    top->addWidget(new QLabel(tr("Query"), this));
    top->addWidget(m_kind);
    top->addStretch(1);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->addWidget(m_text);
    m_split->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // Parse shortly after typing stops: pasting a full table is one event, typing many.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, &PasteBoxDialog::parse);
    connect(m_text, &QPlainTextEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_platform, &QComboBox::currentIndexChanged, this, &PasteBoxDialog::parse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PasteBoxDialog::parse);

    // Size and split as the person left them last time.
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/pasteBox/geometry")).toByteArray());
    m_split->restoreState(settings.value(QStringLiteral("ui/pasteBox/split")).toByteArray());
}

void PasteBoxDialog::done(int result)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/pasteBox/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/pasteBox/split"), m_split->saveState());
    QDialog::done(result);
}

void PasteBoxDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
    parse();
}

void PasteBoxDialog::setPlatform(const QString &platform)
{
    m_platform->setCurrentText(platform);
}

void PasteBoxDialog::setKind(int kind)
{
    m_kind->setCurrentIndex(m_kind->findData(kind));
}

QString PasteBoxDialog::status() const
{
    return m_status->text();
}

void PasteBoxDialog::parse()
{
    const QueryKind kind = QueryKind(m_kind->currentData().toInt());
    const QString text = m_text->toPlainText();
    QPalette pal = m_status->palette();
    if (text.trimmed().isEmpty()) {
        m_model->setResults(kind, {});
        m_status->setText(tr("Paste some output to see it as a table."));
        return;
    }
    RouterResult part = RouterDataService::parseOffline(m_platform->currentText(), kind, text.toUtf8(), AnswerSource::Pasted);
    part.router = tr("pasted");
    if (part.ok()) {
        m_status->setText(tr("Read as the output of “%1”: %n row(s).", nullptr, int(part.records.size()))
                              .arg(part.commands.value(0)));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    } else {
        m_status->setText(part.error.message);
        pal.setColor(QPalette::WindowText, StateColors::foreground(StateColors::Tone::Bad));
    }
    m_status->setPalette(pal);
    m_model->setResults(kind, {part});
    // One pasted text, no router and no fetch time: those columns would only repeat "pasted"
    // and stay empty. Source stays, saying where the rows came from.
    m_table->setColumnHidden(m_model->routerColumn(), true);
    m_table->setColumnHidden(m_model->ageColumn(), true);
    m_table->resizeColumnsToContents();
}

} // namespace rl
