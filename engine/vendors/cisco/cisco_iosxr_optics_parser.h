#pragma once

#include "engine/api/error.h"
#include "engine/api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rl {

// IOS-XR "show controllers optics R/S/I/P": optics are read per controller, not per interface.
// Reads the lane table (laser bias, Tx and Rx power per lane), the single-lane form
// ("Actual TX Power = ...", "RX Power = ..."), the module temperature and voltage, and the
// THRESHOLD VALUES table; several controllers separated by "Port: Optics..." headers too.
// One record per lane; module values and thresholds are repeated on every lane's record.
// Pure function from text to records; unreadable or cut-short text is parse-error naming the line.
class CiscoIosxrOpticsParser final
{
public:
    // `controllerName` names the records when the text carries no "Port:" header of its own.
    static Result<QList<OpticsRecord>> parse(const QByteArray &text, const QString &controllerName);
    // The controller location of an interface: "HundredGigE0/0/0/0" and "TenGigE0/0/0/0/1.100"
    // give "0/0/0/0"; empty for interfaces without an optics controller (Loopback0, Bundle-Ether1).
    static QString location(const QString &interfaceName);
};

} // namespace rl
