#include "engine/vendors/arista/arista_eos_interface_status.h"

#include "engine/vendors/common/cli_text.h"

namespace rl {

using namespace clitext;

QString EosInterfaceStatus::longName(const QString &shortName)
{
    struct Abbrev { const char *shortForm; const char *longForm; };
    static const Abbrev abbrevs[] = {{"Et", "Ethernet"}, {"Po", "Port-Channel"}, {"Ma", "Management"},
                                     {"Vl", "Vlan"}, {"Lo", "Loopback"}, {"Vx", "Vxlan"}, {"Tu", "Tunnel"},
                                     {"Rec", "Recirc-Channel"}};
    for (const Abbrev &a : abbrevs) {
        const QLatin1String s(a.shortForm);
        // "Et1.100" but not "Ethernet1.100" (already long): a digit must follow the abbreviation.
        if (shortName.startsWith(s) && shortName.size() > s.size() && shortName.at(s.size()).isDigit())
            return QLatin1String(a.longForm) + shortName.mid(s.size());
    }
    return shortName;
}

LinkState EosInterfaceStatus::linkState(const QString &status)
{
    if (status == QLatin1String("connected"))
        return LinkState::Up;
    if (status == QLatin1String("disabled"))
        return LinkState::AdminDown;
    if (status.isEmpty())
        return LinkState::Unknown;
    return LinkState::Down; // notconnect, errdisabled, inactive, sfp-absent, ...
}

qint64 EosInterfaceStatus::speedBps(const QString &speed)
{
    QStringView s(speed);
    if (s.startsWith(u"a-"))
        s = s.mid(2); // auto-negotiated
    if (s.size() < 2)
        return -1;
    qint64 mult = 0;
    switch (s.back().unicode()) {
    case 'G': mult = 1000000000LL; break;
    case 'M': mult = 1000000LL; break;
    case 'K': case 'k': mult = 1000LL; break;
    default: return -1;
    }
    bool ok = false;
    const double v = s.chopped(1).toDouble(&ok); // "2.5G"
    return ok ? qint64(v * double(mult)) : -1;
}

VlanRecord EosInterfaceStatus::vlanRecord(const EosInterfaceStatusRow &s)
{
    VlanRecord v;
    v.interfaceName = s.port;
    v.parentInterface = s.port.section(QLatin1Char('.'), 0, 0);
    v.vlanId = s.vlanId;
    v.innerVlanId = s.innerVlanId;
    v.encapsulation = s.innerVlanId >= 0 ? QStringLiteral("qinq") : QStringLiteral("dot1q");
    v.operState = linkState(s.status);
    return v;
}

InterfaceRecord EosInterfaceStatus::interfaceRecord(const EosInterfaceStatusRow &s)
{
    InterfaceRecord r;
    r.name = s.port;
    r.description = s.description;
    // "disabled" is the administrative shutdown; every other status is of an enabled port.
    r.adminState = s.status == QLatin1String("disabled") ? LinkState::AdminDown : LinkState::Up;
    r.operState = s.status == QLatin1String("connected") ? LinkState::Up : LinkState::Down;
    r.speedBps = speedBps(s.speed);
    return r;
}

Result<QList<EosInterfaceStatusRow>> EosInterfaceStatus::parse(const QByteArray &text)
{
    const QString what = QStringLiteral("EOS \"show interfaces status\"");
    if (Error e = cliError(what, text))
        return e;
    QList<EosInterfaceStatusRow> rows;
    // Header word columns: Name, Status, Vlan, Duplex, Speed, Type, Flags, Encapsulation.
    enum Col { Name, Status, Vlan, Duplex, Speed, Type, Flags, Encap, ColCount };
    static constexpr std::string_view words[ColCount] = {"Name", "Status", "Vlan", "Duplex", "Speed", "Type", "Flags", "Encapsulation"};
    int col[ColCount];
    bool haveHeader = false;
    LineReader reader(text);
    Line line;
    std::vector<Token> tokens;
    while (reader.next(line)) {
        const std::string_view l = line.text;
        if (isBlank(l) || isPromptLine(l))
            continue;
        if (!haveHeader) {
            if (!startsWith(trimmed(l), "Port")) {
                if (line.number > 3)
                    return lineError(what, line, QStringLiteral("expected the header \"Port Name Status Vlan ...\""));
                continue;
            }
            tokenize(l, tokens);
            for (int c = 0; c < ColCount; ++c) {
                col[c] = -1;
                for (const Token &t : tokens)
                    if (t.text == words[c])
                        col[c] = t.column;
            }
            if (col[Name] < 0 || col[Status] < col[Name] || col[Vlan] < col[Status] || col[Type] < col[Vlan])
                return lineError(what, line, QStringLiteral("the header has no Name, Status, Vlan and Type columns"));
            haveHeader = true;
            continue;
        }
        if (int(l.size()) <= col[Status])
            return lineError(what, line, QStringLiteral("the line ends before the Status column"));
        EosInterfaceStatusRow r;
        r.port = longName(latin1(trimmed(l.substr(0, size_t(col[Name])))));
        r.description = toQString(trimmed(l.substr(size_t(col[Name]), size_t(col[Status] - col[Name]))));
        // EOS cuts descriptions to the Name column, so Status starts at the header's column.
        tokenize(l, tokens);
        QString value[ColCount];
        for (const Token &t : tokens) {
            if (t.column < col[Status])
                continue;
            int c = Status;
            for (int k = Status; k < ColCount; ++k)
                if (col[k] >= 0 && t.column >= col[k])
                    c = k;
            if (!value[c].isEmpty())
                value[c] += QLatin1Char(' ');
            value[c] += latin1(t.text);
        }
        r.status = value[Status];
        r.vlan = value[Vlan];
        r.duplex = value[Duplex];
        r.speed = value[Speed];
        r.type = value[Type];
        if (r.port.isEmpty() || r.status.contains(u' ') || r.vlan.isEmpty() || r.speed.isEmpty() || r.type.isEmpty())
            return lineError(what, line, QStringLiteral("expected port, status, vlan, duplex, speed and type"));
        const QString enc = value[Encap];
        if (r.type.contains(QLatin1String("encapsulation")) && !enc.isEmpty()) {
            // "100", or outer and inner tag of a QinQ subinterface: "100/20" or "100,20"
            const QByteArray e = enc.toLatin1();
            const std::string_view sv(e.constData(), size_t(e.size()));
            const size_t sep = sv.find_first_of("/,.");
            const auto outer = toInt(sv.substr(0, sep));
            if (!outer)
                return lineError(what, line, QStringLiteral("unreadable encapsulation \"%1\"").arg(enc));
            r.vlanId = *outer;
            if (sep != std::string_view::npos) {
                const auto inner = toInt(sv.substr(sep + 1));
                if (!inner)
                    return lineError(what, line, QStringLiteral("unreadable inner tag in \"%1\"").arg(enc));
                r.innerVlanId = *inner;
            }
        }
        rows.append(r);
    }
    if (!haveHeader)
        return formatError(what, text, QStringLiteral("it has no \"Port Name Status\" header"));
    return rows;
}

} // namespace rl
