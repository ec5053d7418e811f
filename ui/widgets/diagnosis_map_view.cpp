#include "ui/widgets/diagnosis_map_view.h"

#include "ui/models/diagnosis_model.h"
#include "ui/models/state_colors.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace rl {
namespace {

constexpr int Pad = 8;
constexpr int HeaderLines = 5;

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

DiagnosisMapView::DiagnosisMapView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Diagnosis map"));
}

void DiagnosisMapView::setModel(DiagnosisModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        auto relayout = [this] {
            updateGeometry();
            update();
        };
        connect(m_model, &QAbstractItemModel::modelReset, this, relayout);
        connect(m_model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
    }
    updateGeometry();
    update();
}

DiagnosisModel *DiagnosisMapView::model() const
{
    return m_model;
}

DiagnosisMapView::Geometry DiagnosisMapView::geometry() const
{
    Geometry g;
    const QFontMetrics fm = fontMetrics();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    int labelWidth = bfm.horizontalAdvance(DiagnosisModel::layerTitle(QStringLiteral("routes-ipv6")));
    if (m_model)
        for (int r = 0; r < m_model->rowCount(); ++r)
            labelWidth = qMax(labelWidth, bfm.horizontalAdvance(m_model->index(r, 0).data().toString()));
    g.label = Pad;
    g.customer = Pad + labelWidth + 2 * Pad;
    g.right = qMax(g.customer + 300, width() - Pad);
    const int avail = g.right - g.customer;
    const int endWidth = int(avail * 0.37);
    g.link = g.customer + endWidth;
    g.provider = g.right - endWidth;
    g.headerHeight = HeaderLines * fm.height() + 3 * Pad;
    g.bandTop = g.headerHeight + Pad / 2;
    g.bandHeight = qMax(fm.height() + 8, 22);
    g.gap = 3;
    return g;
}

QSize DiagnosisMapView::sizeHint() const
{
    const Geometry g = geometry();
    const int rows = m_model ? m_model->rowCount() : 0;
    return {g.customer + 520, g.bandTop + rows * (g.bandHeight + g.gap) + Pad};
}

QSize DiagnosisMapView::minimumSizeHint() const
{
    const Geometry g = geometry();
    return {g.customer + 320, g.bandTop + Pad};
}

QRect DiagnosisMapView::cellRect(const QModelIndex &index) const
{
    if (!m_model || !index.isValid() || index.model() != m_model || index.column() == DiagnosisModel::LayerColumn)
        return {};
    const Geometry g = geometry();
    const int y = g.bandTop + index.row() * (g.bandHeight + g.gap);
    if (m_model->spansEnds(index.row()))
        return index.column() == DiagnosisModel::LinkColumn ? QRect(g.customer, y, g.right - g.customer, g.bandHeight) : QRect();
    switch (index.column()) {
    case DiagnosisModel::CustomerColumn: return {g.customer, y, g.link - g.customer - g.gap, g.bandHeight};
    case DiagnosisModel::LinkColumn: return {g.link, y, g.provider - g.link, g.bandHeight};
    case DiagnosisModel::ProviderColumn: return {g.provider + g.gap, y, g.right - g.provider - g.gap, g.bandHeight};
    default: return {};
    }
}

QModelIndex DiagnosisMapView::indexAt(const QPoint &pos) const
{
    if (!m_model)
        return {};
    for (int r = 0; r < m_model->rowCount(); ++r)
        for (int c = DiagnosisModel::CustomerColumn; c <= DiagnosisModel::ProviderColumn; ++c) {
            const QModelIndex i = m_model->index(r, c);
            if (m_model->stepAt(i) >= 0 && cellRect(i).contains(pos))
                return i;
        }
    return {};
}

void DiagnosisMapView::setCurrentIndex(const QModelIndex &index)
{
    const QModelIndex wanted = m_model && m_model->stepAt(index) >= 0 ? index : QModelIndex();
    if (wanted == QModelIndex(m_current))
        return;
    m_current = wanted;
    update();
    Q_EMIT currentChanged(wanted);
}

void DiagnosisMapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Geometry g = geometry();
    paintHeader(p, g);
    if (!m_model)
        return;
    if (m_model->rowCount() == 0) {
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        p.drawText(QRect(g.customer, g.bandTop, g.right - g.customer, g.bandHeight * 2), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("The layers appear here when the diagnosis has run."));
        return;
    }
    for (int r = 0; r < m_model->rowCount(); ++r)
        paintBand(p, g, r);
}

void DiagnosisMapView::paintRouterBox(QPainter &p, const QRect &box, const QStringList &lines, bool missing) const
{
    const QColor text = palette().color(QPalette::Text);
    p.setBrush(palette().color(QPalette::AlternateBase));
    QPen border(withAlpha(text, 110), 1.5, missing ? Qt::DashLine : Qt::SolidLine);
    p.setPen(border);
    p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QFontMetrics fm = fontMetrics();
    int y = box.top() + Pad;
    for (int i = 0; i < lines.size(); ++i) {
        QFont f = font();
        f.setBold(i == 0);
        p.setFont(f);
        p.setPen(i == 0 || !missing ? text : palette().color(QPalette::Disabled, QPalette::Text));
        const QRect line(box.left() + Pad, y, box.width() - 2 * Pad, fm.height());
        p.drawText(line, Qt::AlignHCenter | Qt::AlignVCenter, QFontMetrics(f).elidedText(lines.at(i), Qt::ElideMiddle, line.width()));
        y += fm.height();
    }
    p.setFont(font());
}

void DiagnosisMapView::paintHeader(QPainter &p, const Geometry &g) const
{
    if (!m_model)
        return;
    const Connection &c = m_model->connection();
    const int boxHeight = HeaderLines * fontMetrics().height() + 2 * Pad;
    const QRect customerBox(g.customer, Pad, g.link - g.customer - g.gap, boxHeight);
    const QRect providerBox(g.provider + g.gap, Pad, g.right - g.provider - g.gap, boxHeight);
    auto as = [this](qint64 n) { return n >= 0 ? QStringLiteral("AS%1").arg(n) : tr("AS not set"); };
    const bool managed = !c.customerRouter.isEmpty();
    paintRouterBox(p, customerBox,
                   managed ? QStringList{c.customerRouter, tr("customer · %1").arg(as(c.customerAs)), c.customerInterface,
                                         c.customerAddress, c.customerAddress6}
                           : QStringList{tr("Customer router"), tr("not in the inventory"), tr("checked from the provider end only"),
                                         c.customerAddress, c.customerAddress6},
                   !managed);
    paintRouterBox(p, providerBox,
                   {c.providerRouter, tr("provider · %1").arg(as(c.providerAs)), c.providerInterface, c.providerAddress, c.providerAddress6},
                   false);
    // The link between them, with what both ends must agree on.
    const int mid = customerBox.center().y();
    const QColor text = palette().color(QPalette::Text);
    p.setPen(QPen(withAlpha(text, 150), 3));
    p.drawLine(customerBox.right() + 1, mid, providerBox.left() - 1, mid);
    const QRect linkArea(customerBox.right() + 4, customerBox.top(), providerBox.left() - customerBox.right() - 8, boxHeight);
    const QFontMetrics fm = fontMetrics();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    const QString vlan = c.vlan > 0 ? (c.innerVlan > 0 ? tr("VLAN %1.%2").arg(c.vlan).arg(c.innerVlan) : tr("VLAN %1").arg(c.vlan)) : tr("untagged");
    p.drawText(QRect(linkArea.left(), mid - fm.height() - 4, linkArea.width(), fm.height()), Qt::AlignCenter,
               QFontMetrics(bold).elidedText(vlan, Qt::ElideRight, linkArea.width()));
    p.setFont(font());
    QStringList below{c.mtu > 0 ? tr("MTU %1").arg(c.mtu) : tr("MTU: ends compared")};
    if (c.prefixLimit > 0)
        below << tr("prefix limit %1").arg(c.prefixLimit);
    for (int i = 0; i < below.size(); ++i)
        p.drawText(QRect(linkArea.left(), mid + 4 + i * fm.height(), linkArea.width(), fm.height()), Qt::AlignCenter,
                   fm.elidedText(below.at(i), Qt::ElideRight, linkArea.width()));
}

void DiagnosisMapView::paintBand(QPainter &p, const Geometry &g, int row) const
{
    const int y = g.bandTop + row * (g.bandHeight + g.gap);
    const QColor text = palette().color(QPalette::Text);
    // The band itself, so a row reads as one layer across the map.
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::AlternateBase));
    p.drawRoundedRect(QRect(g.label - 4, y - 1, g.right - g.label + 4, g.bandHeight + 2), 4, 4);
    const QModelIndex label = m_model->index(row, DiagnosisModel::LayerColumn);
    QFont f = font();
    f.setBold(label.data(DiagnosisModel::LikelyCauseRole).toBool());
    p.setFont(f);
    p.setPen(text);
    p.drawText(QRect(g.label, y, g.customer - g.label - Pad, g.bandHeight), Qt::AlignLeft | Qt::AlignVCenter, label.data().toString());
    p.setFont(font());
    if (m_model->spansEnds(row)) {
        paintCell(p, cellRect(m_model->index(row, DiagnosisModel::LinkColumn)), m_model->index(row, DiagnosisModel::LinkColumn));
        return;
    }
    const QModelIndex link = m_model->index(row, DiagnosisModel::LinkColumn);
    if (m_model->stepAt(link) >= 0) {
        paintCell(p, cellRect(link), link);
    } else {
        const QRect r = cellRect(link);
        p.setPen(QPen(withAlpha(text, 90), 2));
        p.drawLine(r.left(), r.center().y(), r.right(), r.center().y());
    }
    for (int c : {int(DiagnosisModel::CustomerColumn), int(DiagnosisModel::ProviderColumn)})
        paintCell(p, cellRect(m_model->index(row, c)), m_model->index(row, c));
}

void DiagnosisMapView::paintCell(QPainter &p, const QRect &rect, const QModelIndex &index) const
{
    const QColor text = palette().color(QPalette::Text);
    const QRectF r = QRectF(rect).adjusted(1, 1, -1, -1);
    if (m_model->stepAt(index) < 0) {
        const bool endChecked = m_model->endChecked(index.column() == DiagnosisModel::CustomerColumn ? ConnectionEnd::Customer
                                                                                                     : ConnectionEnd::Provider);
        p.setPen(QPen(withAlpha(text, endChecked ? 50 : 80), 1, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r, 4, 4);
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        // A check made on the other end only, or an end that was not checked at all.
        p.drawText(rect, Qt::AlignCenter, endChecked ? tr("not on this end") : tr("not checked"));
        return;
    }
    const auto verdict = Verdict(index.data(DiagnosisModel::VerdictRole).toInt());
    const auto tone = StateColors::Tone(index.data(DiagnosisModel::ToneRole).toInt());
    const bool cause = index.data(DiagnosisModel::LikelyCauseRole).toBool();
    QColor accent = verdict == Verdict::CannotCheck ? withAlpha(text, 140) : StateColors::foreground(tone);
    QPainterPath shape;
    shape.addRoundedRect(r, 4, 4);
    p.setPen(Qt::NoPen);
    if (verdict == Verdict::CannotCheck) {
        // Unknown is not fine: grey, hatched, with a question mark.
        p.fillPath(shape, QColor(128, 128, 128, 45));
        p.fillPath(shape, QBrush(withAlpha(text, 70), Qt::BDiagPattern));
    } else {
        p.fillPath(shape, StateColors::background(tone));
    }
    p.fillRect(QRectF(r.left(), r.top() + 2, 4, r.height() - 4), accent);
    p.setPen(cause ? QPen(accent, 3) : QPen(withAlpha(accent, 160), 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);
    QString label = index.data().toString();
    if (verdict == Verdict::CannotCheck)
        label = QStringLiteral("? ") + label;
    QFont f = font();
    f.setBold(true);
    const QFontMetrics bfm(f);
    const QRect textRect = rect.adjusted(10, 0, -10, 0);
    if (cause) {
        // The longest form that fits: a narrow cell still says "cause" (the outline marks it too).
        for (const QString &candidate : {tr("%1 · likely cause").arg(label), tr("%1 · cause").arg(label)}) {
            if (bfm.horizontalAdvance(candidate) <= textRect.width()) {
                label = candidate;
                break;
            }
        }
    }
    p.setFont(f);
    p.setPen(text);
    p.drawText(textRect, Qt::AlignCenter, bfm.elidedText(label, Qt::ElideRight, textRect.width()));
    p.setFont(font());
    if (index.data(DiagnosisModel::ChangedRole).toBool()) {
        p.setPen(Qt::NoPen);
        p.setBrush(StateColors::foreground(StateColors::Tone::Busy));
        p.drawEllipse(QPointF(r.right() - 8, r.top() + 8), 4.5, 4.5);
    }
    if (index == QModelIndex(m_current)) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(rect).adjusted(-2, -2, 2, 2), 5, 5);
    }
}

void DiagnosisMapView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex i = indexAt(event->position().toPoint());
    if (i.isValid())
        setCurrentIndex(i);
    QWidget::mousePressEvent(event);
}

void DiagnosisMapView::moveCurrent(int rows, int columns)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    QList<QModelIndex> cells; // reading order
    for (int r = 0; r < m_model->rowCount(); ++r)
        for (int c = DiagnosisModel::CustomerColumn; c <= DiagnosisModel::ProviderColumn; ++c)
            if (m_model->stepAt(m_model->index(r, c)) >= 0)
                cells << m_model->index(r, c);
    if (cells.isEmpty())
        return;
    const QModelIndex cur = m_current;
    if (!cur.isValid()) {
        setCurrentIndex(cells.first());
        return;
    }
    if (columns != 0) {
        const qsizetype at = cells.indexOf(cur);
        setCurrentIndex(cells.at(qBound<qsizetype>(0, at + columns, cells.size() - 1)));
        return;
    }
    const int row = qBound(0, cur.row() + rows, m_model->rowCount() - 1);
    QModelIndex best;
    for (const QModelIndex &i : std::as_const(cells))
        if (i.row() == row && (!best.isValid() || std::abs(i.column() - cur.column()) < std::abs(best.column() - cur.column())))
            best = i;
    if (best.isValid())
        setCurrentIndex(best);
}

void DiagnosisMapView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up: moveCurrent(-1, 0); break;
    case Qt::Key_Down: moveCurrent(1, 0); break;
    case Qt::Key_Left: moveCurrent(0, -1); break;
    case Qt::Key_Right: moveCurrent(0, 1); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

bool DiagnosisMapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex i = indexAt(help->pos());
        const QString tip = i.isValid() ? i.data(Qt::ToolTipRole).toString() : QString();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this, cellRect(i));
        return true;
    }
    return QWidget::event(event);
}

} // namespace rl
