#include "ui/models/diagnosis_model.h"

#include <QFont>

#include <algorithm>

namespace rl {

DiagnosisModel::DiagnosisModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiagnosisModel::setConnection(const Connection &connection)
{
    DiagnosisResult empty;
    empty.connection = connection;
    setResult(empty);
}

void DiagnosisModel::setResult(const DiagnosisResult &result)
{
    beginResetModel();
    m_result = result;
    m_changed.clear();
    m_bands.clear();
    // Bands in the engine's step order; a second step of one layer and end (not made today)
    // opens another band of that layer rather than hiding one of them.
    for (int i = 0; i < m_result.steps.size(); ++i) {
        const DiagnosisStep &s = m_result.steps.at(i);
        const int column = columnOf(s.end) - CustomerColumn;
        Band *band = nullptr;
        for (qsizetype b = m_bands.size() - 1; b >= 0 && !band; --b)
            if (m_bands[b].layer == s.layer && m_bands[b].steps[column] < 0)
                band = &m_bands[b];
        if (!band) {
            m_bands.append(Band{s.layer, {-1, -1, -1}});
            band = &m_bands.last();
        }
        band->steps[column] = i;
    }
    endResetModel();
}

void DiagnosisModel::setChangedSteps(const QSet<int> &steps)
{
    m_changed = steps;
    if (!m_bands.isEmpty())
        Q_EMIT dataChanged(index(0, CustomerColumn), index(rowCount() - 1, ProviderColumn), {ChangedRole, Qt::ToolTipRole});
}

int DiagnosisModel::stepAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.column() == LayerColumn || index.row() >= m_bands.size())
        return -1;
    return m_bands.at(index.row()).steps[index.column() - CustomerColumn];
}

QModelIndex DiagnosisModel::indexOfStep(int step) const
{
    for (int r = 0; r < m_bands.size(); ++r)
        for (int c = 0; c < 3; ++c)
            if (m_bands.at(r).steps[c] == step && step >= 0)
                return index(r, CustomerColumn + c);
    return {};
}

bool DiagnosisModel::spansEnds(int row) const
{
    if (row < 0 || row >= m_bands.size())
        return false;
    const Band &b = m_bands.at(row);
    return b.steps[1] >= 0 && b.steps[0] < 0 && b.steps[2] < 0;
}

bool DiagnosisModel::endChecked(ConnectionEnd end) const
{
    return std::any_of(m_result.steps.cbegin(), m_result.steps.cend(), [&](const DiagnosisStep &s) { return s.end == end; });
}

QString DiagnosisModel::layerKey(int row) const
{
    return row >= 0 && row < m_bands.size() ? m_bands.at(row).layer : QString();
}

QString DiagnosisModel::layerTitle(const QString &layer)
{
    if (layer == u"management") return tr("Management");
    if (layer == u"optics") return tr("Optics");
    if (layer == u"link") return tr("Link");
    if (layer == u"mtu") return tr("MTU");
    if (layer == u"vlan") return tr("VLAN");
    if (layer == u"arp") return tr("ARP");
    if (layer == u"nd") return tr("IPv6 ND");
    if (layer == u"bgp-ipv4") return tr("BGP IPv4");
    if (layer == u"bgp-ipv6") return tr("BGP IPv6");
    if (layer == u"routes-ipv4") return tr("Routes IPv4");
    if (layer == u"routes-ipv6") return tr("Routes IPv6");
    if (layer == u"route-lookup") return tr("Route lookup");
    if (layer == u"route-lookup-ipv4") return tr("Lookup IPv4");
    if (layer == u"route-lookup-ipv6") return tr("Lookup IPv6");
    return layer; // a layer this window does not know yet still shows, under the engine's name
}

QString DiagnosisModel::verdictTitle(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok: return tr("OK");
    case Verdict::Warn: return tr("WARN");
    case Verdict::Fault: return tr("FAULT");
    case Verdict::CannotCheck: break;
    }
    return tr("CANNOT-CHECK");
}

QString DiagnosisModel::endTitle(ConnectionEnd end)
{
    switch (end) {
    case ConnectionEnd::Customer: return tr("customer end");
    case ConnectionEnd::Provider: return tr("provider end");
    case ConnectionEnd::Both: break;
    }
    return tr("both ends");
}

StateColors::Tone DiagnosisModel::toneOf(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok: return StateColors::Tone::Good;
    case Verdict::Warn: return StateColors::Tone::Warning;
    case Verdict::Fault: return StateColors::Tone::Bad;
    case Verdict::CannotCheck: break;
    }
    return StateColors::Tone::Muted;
}

DiagnosisModel::Column DiagnosisModel::columnOf(ConnectionEnd end)
{
    switch (end) {
    case ConnectionEnd::Customer: return CustomerColumn;
    case ConnectionEnd::Provider: return ProviderColumn;
    case ConnectionEnd::Both: break;
    }
    return LinkColumn;
}

int DiagnosisModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bands.size());
}

int DiagnosisModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosisModel::cellData(const Band &band, int column, int role) const
{
    const int i = band.steps[column - CustomerColumn];
    if (role == StepRole)
        return i;
    if (i < 0) {
        if (role != Qt::ToolTipRole || column == LinkColumn)
            return {};
        return endChecked(column == CustomerColumn ? ConnectionEnd::Customer : ConnectionEnd::Provider)
                   ? tr("This check is not made on this end.")
                   : tr("Not checked on this end: its router is not in the inventory, not visible to you, or was not asked.");
    }
    const DiagnosisStep &s = m_result.steps.at(i);
    switch (role) {
    case Qt::DisplayRole: return verdictTitle(s.verdict);
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1, %2 (%3): %4\n%5").arg(layerTitle(s.layer), endTitle(s.end), s.router, verdictTitle(s.verdict), s.finding);
        if (!s.advice.isEmpty())
            tip += QLatin1Char('\n') + tr("Advice: %1").arg(s.advice);
        if (m_changed.contains(i))
            tip += QLatin1Char('\n') + tr("Changed in the last run.");
        return tip;
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3").arg(layerTitle(s.layer), endTitle(s.end), verdictTitle(s.verdict));
    case Qt::BackgroundRole: return StateColors::background(toneOf(s.verdict));
    case VerdictRole: return int(s.verdict);
    case LikelyCauseRole: return s.likelyCause;
    case ChangedRole: return m_changed.contains(i);
    case LayerKeyRole: return s.layer;
    case ToneRole: return int(toneOf(s.verdict));
    default: return {};
    }
}

QVariant DiagnosisModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_bands.size() || index.column() >= ColumnCount)
        return {};
    const Band &band = m_bands.at(index.row());
    if (index.column() != LayerColumn)
        return cellData(band, index.column(), role);
    bool cause = false;
    for (int i : band.steps)
        cause = cause || (i >= 0 && m_result.steps.at(i).likelyCause);
    switch (role) {
    case Qt::DisplayRole: return layerTitle(band.layer);
    case Qt::ToolTipRole:
    case LayerKeyRole: return band.layer;
    case LikelyCauseRole: return cause;
    case Qt::FontRole: {
        QFont f;
        f.setBold(cause);
        return cause ? QVariant(f) : QVariant();
    }
    case StepRole: return -1;
    default: return {};
    }
}

QVariant DiagnosisModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const Connection &c = m_result.connection;
    switch (section) {
    case LayerColumn: return tr("Layer");
    case CustomerColumn: return c.customerRouter.isEmpty() ? tr("Customer router") : c.customerRouter;
    case LinkColumn: return tr("Link");
    case ProviderColumn: return c.providerRouter.isEmpty() ? tr("Provider router") : c.providerRouter;
    default: return {};
    }
}

Qt::ItemFlags DiagnosisModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return stepAt(index) >= 0 ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled;
}

} // namespace rl
