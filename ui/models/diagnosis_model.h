#pragma once

#include "engine/diagnosis/connection_diagnosis.h"
#include "ui/models/state_colors.h"

#include <QAbstractTableModel>
#include <QSet>

namespace rl {

// A connection's diagnosis as bands: one row per layer, in the order the engine gave its
// steps (a layer the engine adds later gets its own row without change here), and a cell per
// end: the customer's router, the link between them (checks of both ends together, such as
// MTU or routes), the provider's router. Drawn as the Diagnosis tab's map.
class DiagnosisModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosisModel)

public:
    enum Column { LayerColumn, CustomerColumn, LinkColumn, ProviderColumn, ColumnCount };
    enum Role {
        StepRole = Qt::UserRole + 1, // int: index into result().steps, -1 for an empty cell
        VerdictRole,                 // int(rl::Verdict), invalid for an empty cell
        LikelyCauseRole,             // bool
        ChangedRole,                 // bool: the step changed in the last watched run
        LayerKeyRole,                // the engine's stable layer name ("bgp-ipv4")
        ToneRole,                    // int(StateColors::Tone) of the verdict
    };

    explicit DiagnosisModel(QObject *parent = nullptr);

    // The connection alone (before the first run): no bands yet, the facts for the map.
    void setConnection(const Connection &connection);
    void setResult(const DiagnosisResult &result);
    void setChangedSteps(const QSet<int> &steps);
    const DiagnosisResult &result() const { return m_result; }
    const Connection &connection() const { return m_result.connection; }

    int stepAt(const QModelIndex &index) const;
    QModelIndex indexOfStep(int step) const;
    // A band holding only a check of both ends: its one cell fills the band.
    bool spansEnds(int row) const;
    QString layerKey(int row) const;
    // Whether any check ran on this end (not: its router is not in the inventory, not visible
    // to this client, or could not be asked). An empty cell on a checked end is a check that
    // does not apply there (a route lookup is made on the provider only).
    bool endChecked(ConnectionEnd end) const;

    static QString layerTitle(const QString &layer); // "bgp-ipv4" -> "BGP IPv4"; unknown names as they are
    static QString verdictTitle(Verdict verdict);    // "OK", "WARN", "FAULT", "CANNOT-CHECK"
    static QString endTitle(ConnectionEnd end);      // "customer end", ...
    static StateColors::Tone toneOf(Verdict verdict);
    static Column columnOf(ConnectionEnd end);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Band {
        QString layer;
        int steps[3] = {-1, -1, -1}; // by column: customer, link, provider
    };
    QVariant cellData(const Band &band, int column, int role) const;

    DiagnosisResult m_result;
    QList<Band> m_bands;
    QSet<int> m_changed;
};

} // namespace rl
