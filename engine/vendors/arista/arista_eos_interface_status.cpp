#include "engine/vendors/arista/arista_eos_interface_status.h"

#include "engine/vendors/common/cli_text.h"

namespace rl {

using namespace clitext;

QString EosInterfaceStatus::longName(const QString &shortName)
{
    struct Abbrev { const char *shortForm; const char *longForm; };
    static const Abbrev abbrevs[] = {{"Et", "Ethernet"}, {"Po", "Port-Channel"}, {"Ma", "Management"},
                                     {"Vl", "Vlan"}, {"Lo", "Loopback"}, {"Vx", "Vxlan"}};
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

Result<QList<EosInterfaceStatusRow>> EosInterfaceStatus::parse(const QByteArray &text)
{
    const QString what = QStringLiteral("EOS \"show interfaces status\"");
    if (Error e = cliError(what, text))
        return e;
    QList<EosInterfaceStatusRow> rows;
    int nameColumn = -1;
    int statusColumn = -1;
    bool encapColumn = false;
    LineReader reader(text);
    Line line;
    std::vector<Token> tokens;
    while (reader.next(line)) {
        const std::string_view l = line.text;
        if (isBlank(l) || isPromptLine(l))
            continue;
        if (statusColumn < 0) {
            if (!startsWith(trimmed(l), "Port")) {
                if (rows.isEmpty() && line.number > 3)
                    return lineError(what, line, QStringLiteral("expected the header \"Port Name Status Vlan ...\""));
                continue;
            }
            const size_t name = l.find("Name");
            const size_t status = l.find("Status");
            if (name == std::string_view::npos || status == std::string_view::npos || status < name)
                return lineError(what, line, QStringLiteral("the header has no Name and Status columns"));
            nameColumn = int(name);
            statusColumn = int(status);
            encapColumn = contains(l, "Encapsulation");
            continue;
        }
        if (int(l.size()) <= statusColumn)
            return lineError(what, line, QStringLiteral("the line ends before the Status column"));
        EosInterfaceStatusRow r;
        r.port = longName(latin1(trimmed(l.substr(0, size_t(nameColumn)))));
        r.description = toQString(trimmed(l.substr(size_t(nameColumn), size_t(statusColumn - nameColumn))));
        // EOS cuts descriptions to the Name column, so Status starts at the header's column.
        tokenize(l.substr(size_t(statusColumn)), tokens);
        if (r.port.isEmpty() || tokens.size() < 5)
            return lineError(what, line, QStringLiteral("expected port, status, vlan, duplex, speed and type"));
        r.status = latin1(tokens[0].text);
        r.type = latin1(tokens[4].text);
        if (encapColumn && r.type.contains(QLatin1String("encapsulation")) && tokens.size() >= 6) {
            // "100", or outer and inner tag of a QinQ subinterface: "100/20" or "100,20"
            const std::string_view enc = tokens.back().text;
            const size_t sep = enc.find_first_of("/,.");
            const auto outer = toInt(enc.substr(0, sep));
            if (!outer)
                return lineError(what, line, QStringLiteral("unreadable encapsulation \"%1\"").arg(latin1(enc)));
            r.vlanId = *outer;
            if (sep != std::string_view::npos) {
                const auto inner = toInt(enc.substr(sep + 1));
                if (!inner)
                    return lineError(what, line, QStringLiteral("unreadable inner tag in \"%1\"").arg(latin1(enc)));
                r.innerVlanId = *inner;
            }
        }
        rows.append(r);
    }
    if (statusColumn < 0 && !isBlank(std::string_view(text.constData(), size_t(text.size()))))
        return formatError(what, text, QStringLiteral("it has no \"Port Name Status\" header"));
    return rows;
}

} // namespace rl
