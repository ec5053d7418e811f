#pragma once

#include "engine/diagnosis/connection_diagnosis.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace rl {

// One difference between two runs of the diagnosis of one connection: what "Watch" shows.
struct DiagnosisChange {
    enum class Kind : quint8 {
        Verdict,      // the step's verdict changed (before/after: verdict names)
        Finding,      // same verdict, another finding (numbers that only count time ignored)
        CounterRose,  // an error or drop counter in the step's records rose (subject: row, field: column key)
        SessionReset, // a BGP session's up-time went back: it went down and came up between the runs
        Appeared,     // a step the earlier run did not have (before: empty)
        Vanished,     // a step the later run no longer has (after: empty)
        Cause,        // the likely cause moved to another step (before/after: "layer end" or empty)
    };
    Kind kind = Kind::Verdict;
    QString layer;            // the step's layer ("" for Cause)
    ConnectionEnd end = ConnectionEnd::Both;
    QString router;
    QString subject;          // CounterRose / SessionReset: the row (interface, neighbor)
    QString field;            // CounterRose: the column key ("inErrors", "unknownTagDrops")
    QString before;
    QString after;
    int step = -1;            // the step's index in the later result, -1 when it vanished
    friend bool operator==(const DiagnosisChange &, const DiagnosisChange &) = default;
};

class DiagnosisChanges
{
public:
    // What changed from `before` to `after` (two runs of the same connection), in the later
    // run's step order. Steps are matched by layer, end and their order within that pair.
    static QList<DiagnosisChange> between(const DiagnosisResult &before, const DiagnosisResult &after);
    // A finding with its numbers masked: "established (for 61 s)" and "(for 92 s)" read alike.
    static QString findingShape(const QString &finding);
    // An error or drop counter (a Counter column whose key names errors, drops or discards),
    // not a packet counter that rises on any healthy link.
    static bool isTroubleCounter(const ColumnInfo &column);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::DiagnosisChange)
