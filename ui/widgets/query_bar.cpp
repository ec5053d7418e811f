#include "ui/widgets/query_bar.h"

#include "engine/api/request_validator.h"
#include "ui/models/state_colors.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rl {

QueryBar::QueryBar(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_neighbor(new QLineEdit(this)), m_vrf(new QLineEdit(this)),
      m_family(new QComboBox(this)), m_interface(new QLineEdit(this)), m_destination(new QLineEdit(this)),
      m_maxAge(new QSpinBox(this)), m_run(new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("&Run"), this)),
      m_message(new QLabel(this))
{
    for (QueryKind k : allQueryKinds())
        m_kind->addItem(queryKindDisplayTitle(k), int(k));
    m_kind->setObjectName(QStringLiteral("queryKind"));
    m_neighbor->setPlaceholderText(tr("e.g. 198.51.100.1"));
    m_neighbor->setObjectName(QStringLiteral("paramNeighbor"));
    m_vrf->setPlaceholderText(tr("default"));
    m_vrf->setObjectName(QStringLiteral("paramVrf"));
    m_family->addItem(tr("any"), QString());
    m_family->addItem(QStringLiteral("IPv4"), QStringLiteral("ipv4"));
    m_family->addItem(QStringLiteral("IPv6"), QStringLiteral("ipv6"));
    m_interface->setPlaceholderText(tr("all"));
    m_interface->setObjectName(QStringLiteral("paramInterface"));
    m_destination->setPlaceholderText(tr("e.g. 203.0.113.7"));
    m_destination->setObjectName(QStringLiteral("paramDestination"));
    m_maxAge->setRange(0, 86400);
    m_maxAge->setSingleStep(30);
    m_maxAge->setSuffix(tr(" s"));
    m_maxAge->setSpecialValueText(tr("always ask"));
    m_maxAge->setToolTip(tr("The oldest stored answer accepted instead of asking the router"));
    m_run->setToolTip(tr("Run the query on the checked routers (Ctrl+Return)"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_message->setObjectName(QStringLiteral("queryMessage"));
    m_message->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    auto addField = [&](const QString &param, const QString &title, QWidget *editor) {
        auto *label = new QLabel(title, this);
        label->setBuddy(editor);
        row->addWidget(label);
        row->addWidget(editor, editor == m_family ? 0 : 1);
        m_fields.append({param, editor});
        m_labels.insert(editor, label);
    };
    auto *kindLabel = new QLabel(tr("&Query"), this);
    kindLabel->setBuddy(m_kind);
    row->addWidget(kindLabel);
    row->addWidget(m_kind);
    addField(QStringLiteral("neighbor"), tr("&Neighbor"), m_neighbor);
    addField(QStringLiteral("vrf"), tr("&VRF"), m_vrf);
    addField(QStringLiteral("addressFamily"), tr("&Family"), m_family);
    addField(QStringLiteral("interface"), tr("&Interface"), m_interface);
    addField(QStringLiteral("destination"), tr("&Destination"), m_destination);
    auto *ageLabel = new QLabel(tr("Max &age"), this);
    ageLabel->setBuddy(m_maxAge);
    row->addWidget(ageLabel);
    row->addWidget(m_maxAge);
    row->addWidget(m_run);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 0);
    outer->addLayout(row);
    outer->addWidget(m_message);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { updateFields(); });
    for (QLineEdit *e : {m_neighbor, m_vrf, m_interface, m_destination}) {
        connect(e, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(e, &QLineEdit::returnPressed, this, &QueryBar::run);
    }
    connect(m_family, &QComboBox::currentIndexChanged, this, [this] { validate(); });
    connect(m_run, &QPushButton::clicked, this, &QueryBar::run);
    m_kind->setCurrentIndex(m_kind->findData(int(QueryKind::BgpStatus)));
    updateFields();
}

QueryKind QueryBar::kind() const
{
    return QueryKind(m_kind->currentData().toInt());
}

void QueryBar::setKind(QueryKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

QueryParams QueryBar::params() const
{
    // Only what the kind takes: a hidden field's old text must not reach the request.
    QueryParams p;
    const QueryKind k = kind();
    if (RequestValidator::usesParam(k, u"neighbor"))
        p.neighbor = m_neighbor->text().trimmed();
    if (RequestValidator::usesParam(k, u"vrf"))
        p.vrf = m_vrf->text().trimmed();
    if (RequestValidator::usesParam(k, u"addressFamily"))
        p.addressFamily = m_family->currentData().toString();
    if (RequestValidator::usesParam(k, u"interface"))
        p.interfaceName = m_interface->text().trimmed();
    if (RequestValidator::usesParam(k, u"destination"))
        p.destination = m_destination->text().trimmed();
    return p;
}

void QueryBar::setParams(const QueryParams &p)
{
    m_neighbor->setText(p.neighbor);
    m_vrf->setText(p.vrf);
    m_family->setCurrentIndex(qMax(0, m_family->findData(p.addressFamily)));
    m_interface->setText(p.interfaceName);
    m_destination->setText(p.destination);
}

qint64 QueryBar::maxAgeSeconds() const
{
    return m_maxAge->value();
}

void QueryBar::setMaxAgeSeconds(qint64 seconds)
{
    m_maxAge->setValue(int(seconds));
}

void QueryBar::setRouterCount(int routers)
{
    m_routers = routers;
    validate();
}

void QueryBar::updateFields()
{
    const QueryKind k = kind();
    for (const auto &[param, editor] : std::as_const(m_fields)) {
        const bool used = RequestValidator::usesParam(k, param);
        const bool required = RequestValidator::requiresParam(k, param);
        editor->setVisible(used);
        QLabel *label = m_labels.value(editor);
        label->setVisible(used);
        QFont f = label->font();
        f.setBold(required);
        label->setFont(f);
        editor->setToolTip(required ? tr("Required for this query") : tr("Optional"));
    }
    validate();
}

void QueryBar::validate()
{
    m_error = RequestValidator::validateParams(kind(), params());
    QPalette pal = palette(); // ours follows the application's (light or dark)
    if (m_error.isError()) {
        pal.setColor(QPalette::WindowText, StateColors::foreground(StateColors::Tone::Bad));
        m_message->setText(m_error.message);
    } else if (m_routers == 0) {
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        m_message->setText(tr("Check one or more routers on the left."));
    } else {
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        m_message->setText(tr("%1 on %n router(s)", nullptr, m_routers).arg(queryKindDisplayTitle(kind())));
    }
    m_message->setPalette(pal);
    m_run->setEnabled(!m_error.isError() && m_routers > 0);
}

void QueryBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The message's colour was picked from the old palette: pick it again.
    if (event->type() == QEvent::PaletteChange)
        validate();
}

void QueryBar::run()
{
    validate();
    if (!m_run->isEnabled())
        return;
    Q_EMIT runRequested(kind(), params(), maxAgeSeconds());
}

} // namespace rl
