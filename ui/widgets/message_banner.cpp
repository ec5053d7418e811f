#include "ui/widgets/message_banner.h"

#include "ui/models/state_colors.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace rl {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_buttonRow(new QHBoxLayout),
      m_close(new QToolButton(this))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 6, 6);
    row->setSpacing(8);
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setObjectName(QStringLiteral("bannerClose"));
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    m_buttonRow->setSpacing(4);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addLayout(m_buttonRow);
    row->addWidget(m_close, 0, Qt::AlignTop);
    setFrameShape(QFrame::StyledPanel);
    setVisible(false);
    applyLevel();
}

void MessageBanner::showMessage(Level level, const QString &title, const QString &text, const QString &details,
                                const QList<QAction *> &actions)
{
    m_level = level;
    m_plain = text.isEmpty() ? title : title + QLatin1Char(' ') + text;
    // File names and the readers' sentences may hold '<' or '&': escaped, never markup.
    QString html = QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped());
    if (!text.isEmpty())
        html += QLatin1Char(' ') + text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    m_text->setText(html);
    setToolTip(details);
    // Later: this may run from one of these buttons' own click (Reload, Open…).
    for (QToolButton *b : std::as_const(m_buttons)) {
        m_buttonRow->removeWidget(b);
        b->hide();
        b->deleteLater();
    }
    m_buttons.clear();
    m_actions = actions;
    for (QAction *a : actions) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_buttonRow->addWidget(b, 0, Qt::AlignTop);
        m_buttons.append(b);
    }
    applyLevel();
    setVisible(true);
}

void MessageBanner::dismiss()
{
    const bool shown = !isHidden();
    setVisible(false);
    m_plain.clear();
    if (shown)
        Q_EMIT dismissed();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyLevel(); // light or dark theme switched
}

void MessageBanner::applyLevel()
{
    const StateColors::Tone tone = m_level == Level::Error     ? StateColors::Tone::Bad
                                   : m_level == Level::Warning ? StateColors::Tone::Warning
                                                               : StateColors::Tone::Busy;
    const QStyle::StandardPixmap icon = m_level == Level::Error     ? QStyle::SP_MessageBoxCritical
                                        : m_level == Level::Warning ? QStyle::SP_MessageBoxWarning
                                                                    : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) + 4;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    const QColor back = StateColors::background(tone);
    const QColor edge = StateColors::foreground(tone);
    // By class name: the rule must not reach the buttons and labels inside.
    const QString sheet = QStringLiteral("rl--MessageBanner { background-color: %1; border: 1px solid %2; border-radius: 4px; }")
                              .arg(back.name(QColor::HexArgb), edge.name());
    if (sheet != styleSheet()) // a new style sheet changes the palette: never twice
        setStyleSheet(sheet);
}

} // namespace rl
