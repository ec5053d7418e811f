#include "engine/vendors/cisco/cisco_iosxr_optics_parser.h"

#include "engine/vendors/common/cli_text.h"

#include <QRegularExpression>

#include <cmath>

namespace rl {

using namespace clitext;

namespace {

struct Lane {
    qint64 number = -1;
    double biasMa = NAN;
    double txDbm = NAN;
    double rxDbm = NAN;
};

// One controller's readings, turned into records when its section ends.
struct Section {
    QString name;
    bool hasOptics = false;     // "Optics Status" seen: an optic is plugged and reports
    bool notPresent = false;    // "Optics not present"
    bool laneHeader = false;
    bool thresholdHeader = false;
    int thresholdRows = 0;
    bool temperatureSeen = false;
    Line laneHeaderLine, thresholdHeaderLine;
    QList<Lane> lanes;
    Lane single;                // the single-lane form
    bool singleSeen = false;
    double temperatureC = NAN;
    double rxLowWarn = NAN, rxHighWarn = NAN, txLowWarn = NAN, txHighWarn = NAN;
};

bool isUnavailable(std::string_view v) { return v == "N/A" || v == "n/a" || v == "Unavailable" || v == "NA"; }

} // namespace

QString CiscoIosxrOpticsParser::location(const QString &interfaceName)
{
    // Type, then rack/slot/instance/port; a breakout lane and a subinterface may follow.
    static const QRegularExpression re(QStringLiteral(
        "^(?:[A-Za-z][A-Za-z-]{0,30})?([0-9]{1,2}/[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,3})(?:/[0-9]{1,2})?(?:\\.[0-9]{1,10})?$"));
    const auto m = re.match(interfaceName);
    return m.hasMatch() ? m.captured(1) : QString();
}

// Long on purpose: one pass over the output's lines; the pass's state (header, pending row) is its locals.
Result<QList<OpticsRecord>> CiscoIosxrOpticsParser::parse(const QByteArray &text, const QString &controllerName)
{
    const QString what = QStringLiteral("show controllers optics");
    if (Error e = cliError(what, text))
        return e;
    QList<OpticsRecord> out;
    enum class Table { None, ThresholdDashes, ThresholdRows, LaneDashes, LaneRows } table = Table::None;
    bool recognized = false, vendorDetails = false;
    Section s;
    s.name = controllerName;
    Line last;
    std::vector<Token> tok;

    // Closes a section: records for its lanes, or errors for readings cut short.
    auto finish = [&](bool atEnd) -> Error {
        if (s.notPresent || !s.hasOptics)
            return {};
        if (s.thresholdHeader && s.thresholdRows == 0)
            return lineError(what, s.thresholdHeaderLine, QStringLiteral("the threshold table has no rows"));
        if (s.laneHeader && s.lanes.isEmpty())
            return lineError(what, s.laneHeaderLine, QStringLiteral("the lane table has no rows"));
        // A pluggable with a lane table always reports its temperature after it.
        if (atEnd && !vendorDetails && !s.lanes.isEmpty() && !s.temperatureSeen)
            return lineError(what, last, QStringLiteral("the output ends after the lane table, before the module temperature"));
        if (atEnd && !vendorDetails && s.lanes.isEmpty() && !s.singleSeen)
            return lineError(what, last, QStringLiteral("the output ends before the optics readings"));
        QList<Lane> lanes = s.lanes;
        if (lanes.isEmpty())
            lanes.append(s.single);
        for (const Lane &l : lanes) {
            OpticsRecord r;
            r.interfaceName = s.name;
            r.lane = l.number;
            r.biasMa = l.biasMa;
            r.txPowerDbm = l.txDbm;
            r.rxPowerDbm = l.rxDbm;
            r.temperatureC = s.temperatureC;
            r.rxLowWarnDbm = s.rxLowWarn;
            r.rxHighWarnDbm = s.rxHighWarn;
            r.txLowWarnDbm = s.txLowWarn;
            r.txHighWarnDbm = s.txHighWarn;
            out.append(r);
        }
        return {};
    };

    // "<number> <unit>" or "N/A" at tok[i]; advances i. False when neither.
    auto reading = [&](size_t &i, std::string_view unit, double &into) {
        if (i >= tok.size())
            return false;
        if (isUnavailable(tok[i].text)) {
            ++i;
            if (i < tok.size() && tok[i].text == unit)
                ++i;
            into = NAN;
            return true;
        }
        const auto d = toReal(tok[i].text);
        if (!d || i + 1 >= tok.size() || tok[i + 1].text != unit)
            return false;
        into = *d;
        i += 2;
        return true;
    };

    for (const Line &l : splitLines(text)) {
        const std::string_view t = trimmed(l.text);
        if (t.empty()) {
            if (table == Table::ThresholdRows || table == Table::LaneRows)
                table = Table::None;
            continue;
        }
        if (isPromptLine(l.text))
            continue;
        last = l;
        if (startsWith(t, "Port:")) { // "show controllers optics *": one section per controller
            recognized = true;
            if (Error e = finish(false))
                return e;
            tokenize(t, tok);
            s = Section();
            s.name = tok.size() > 1 ? latin1(tok[1].text) : controllerName;
            table = Table::None;
            vendorDetails = false;
            continue;
        }
        if (startsWith(t, "---")) {
            if (table == Table::ThresholdDashes)
                table = Table::ThresholdRows;
            else if (table == Table::LaneDashes)
                table = Table::LaneRows;
            continue;
        }
        if (startsWith(t, "Controller State")) {
            recognized = true;
            continue;
        }
        if (startsWith(t, "Optics not present")) {
            recognized = s.notPresent = true;
            continue;
        }
        if (t == "Optics Status") {
            recognized = s.hasOptics = true;
            continue;
        }
        if (startsWith(t, "Transceiver Vendor Details")) {
            vendorDetails = true;
            table = Table::None;
            continue;
        }
        if (startsWith(t, "Parameter") && contains(t, "High Alarm")) {
            s.thresholdHeader = true;
            s.thresholdHeaderLine = l;
            table = Table::ThresholdDashes;
            continue;
        }
        if (startsWith(t, "Lane") && contains(t, "Laser Bias")) {
            s.laneHeader = true;
            s.laneHeaderLine = l;
            table = Table::LaneDashes;
            continue;
        }
        if (table == Table::ThresholdRows) {
            // "Rx Power Threshold(dBm)   3.4  -18.4  0.4  -14.4": high alarm, low alarm, high warning, low warning
            const size_t close = t.find(')');
            if (close == std::string_view::npos)
                return lineError(what, l, QStringLiteral("expected \"<parameter>(<unit>) <high alarm> <low alarm> <high warning> <low warning>\""));
            const std::string_view label = t.substr(0, close + 1);
            tokenize(t.substr(close + 1), tok);
            if (tok.size() != 4)
                return lineError(what, l, QStringLiteral("a threshold row needs four values, it has %1").arg(tok.size()));
            double v[4];
            for (size_t k = 0; k < 4; ++k) {
                if (isUnavailable(tok[k].text)) {
                    v[k] = NAN;
                    continue;
                }
                const auto d = toReal(tok[k].text);
                if (!d)
                    return lineError(what, l, QStringLiteral("\"%1\" is not a threshold").arg(latin1(tok[k].text)));
                v[k] = *d;
            }
            ++s.thresholdRows;
            // Voltage, temperature and bias thresholds are read but have no column in OpticsRecord.
            if (label == "Rx Power Threshold(dBm)") {
                s.rxHighWarn = v[2];
                s.rxLowWarn = v[3];
            } else if (label == "Tx Power Threshold(dBm)") {
                s.txHighWarn = v[2];
                s.txLowWarn = v[3];
            }
            continue;
        }
        if (table == Table::LaneRows) {
            // "0   2.1 mA   -1.20 dBm   -3.40 dBm   N/A"
            tokenize(t, tok);
            Lane lane;
            size_t i = 1;
            const auto n = tok.empty() ? std::nullopt : toInt(tok[0].text);
            if (!n || !reading(i, "mA", lane.biasMa) || !reading(i, "dBm", lane.txDbm) || !reading(i, "dBm", lane.rxDbm))
                return lineError(what, l, QStringLiteral("expected \"<lane> <bias> mA <tx power> dBm <rx power> dBm\""));
            lane.number = *n;
            s.lanes.append(lane);
            continue;
        }
        // "Key = value unit" lines of the status part.
        const size_t eq = t.find('=');
        if (eq == std::string_view::npos || vendorDetails)
            continue;
        const std::string_view key = trimmed(t.substr(0, eq));
        tokenize(t.substr(eq + 1), tok);
        size_t i = 0;
        auto need = [&](std::string_view unit, double &into) -> Error {
            i = 0;
            if (!reading(i, unit, into))
                return lineError(what, l, QStringLiteral("expected a value in %1").arg(latin1(unit)));
            return {};
        };
        if (key == "Temperature") {
            if (Error e = need("Celsius", s.temperatureC))
                return e;
            s.temperatureSeen = true;
        } else if (key == "Voltage") {
            double volts = NAN; // read for validation; OpticsRecord has no voltage column
            if (Error e = need("V", volts))
                return e;
        } else if (key == "Actual TX Power" || key == "TX Power") {
            if (Error e = need("dBm", s.single.txDbm))
                return e;
            s.singleSeen = true;
        } else if (key == "RX Power") {
            if (Error e = need("dBm", s.single.rxDbm))
                return e;
            s.singleSeen = true;
        } else if (key == "Laser Bias Current") {
            // Coherent DWDM optics report the bias in percent of the maximum: no mA to give.
            if (!tok.empty() && tok.size() >= 2 && tok[1].text == "mA")
                if (Error e = need("mA", s.single.biasMa))
                    return e;
        }
    }
    if (!recognized) {
        if (text.trimmed().isEmpty() || last.number == 0)
            return out;
        // A timestamp line alone ("Wed Jul  9 06:44:33.173 UTC"): XR prints it before any answer.
        static const QRegularExpression stamp(QStringLiteral("^[A-Z][a-z]{2} [A-Z][a-z]{2} +[0-9]{1,2} [0-9:.]{8,15} [A-Z]{2,5}$"));
        bool onlyNoise = true;
        for (const Line &l : splitLines(text))
            onlyNoise = onlyNoise && (isBlank(l.text) || isPromptLine(l.text) || stamp.match(latin1(trimmed(l.text))).hasMatch());
        if (!onlyNoise)
            return formatError(what, text, QStringLiteral("it has no \"Controller State\" or \"Port:\" line of an optics controller"));
        return out;
    }
    if (Error e = finish(true))
        return e;
    return out;
}

} // namespace rl
