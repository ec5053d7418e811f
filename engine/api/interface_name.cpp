#include "engine/api/interface_name.h"

#include <QString>

#include <utility>

namespace rl {

namespace {

// Interface type names and the short forms the platforms print (IOS/IOS-XE, IOS-XR, NX-OS,
// EOS); entries with the same number are one type. A name in no entry only matches
// itself. "Tw" is TwoGigabitEthernet on IOS-XE, "Twe" TwentyFiveGigE.
struct InterfaceAlias {
    const char *name;
    int type;
};
constexpr InterfaceAlias kInterfaceAliases[] = {
    {"gigabitethernet", 0}, {"gi", 0}, {"gig", 0}, {"gige", 0},
    {"tengigabitethernet", 1}, {"tengige", 1}, {"te", 1}, {"ten", 1},
    {"twentyfivegige", 2}, {"twentyfivegigabitethernet", 2}, {"twe", 2},
    {"twogigabitethernet", 3}, {"tw", 3},
    {"fivegigabitethernet", 4}, {"fivegige", 4},
    {"fortygigabitethernet", 5}, {"fortygige", 5}, {"fo", 5},
    {"fiftygige", 6}, {"fiftygigabitethernet", 6},
    {"hundredgige", 7}, {"hundredgigabitethernet", 7}, {"hu", 7},
    {"fourhundredgige", 8}, {"fh", 8},
    {"fastethernet", 9}, {"fa", 9},
    {"ethernet", 10}, {"eth", 10}, {"et", 10},
    {"port-channel", 11}, {"portchannel", 11}, {"po", 11},
    {"bundle-ether", 12}, {"be", 12},
    {"loopback", 13}, {"lo", 13},
    {"vlan", 14}, {"vl", 14},
    {"tunnel", 15}, {"tu", 15},
    {"management", 16}, {"ma", 16},
    {"serial", 17}, {"se", 17},
};

// The type a name's letters spell, or -1.
int interfaceType(QStringView letters)
{
    for (const InterfaceAlias &a : kInterfaceAliases) {
        if (letters.compare(QLatin1String(a.name), Qt::CaseInsensitive) == 0)
            return a.type;
    }
    return -1;
}

// The type letters (with '-') and the port numbers after them, blanks between dropped.
std::pair<QStringView, QStringView> splitInterface(QStringView name)
{
    name = name.trimmed();
    qsizetype i = 0;
    while (i < name.size() && (name[i].isLetter() || name[i] == u'-'))
        ++i;
    return {name.left(i), name.mid(i).trimmed()};
}

} // namespace

bool sameInterface(QStringView a, QStringView b)
{
    if (a.compare(b, Qt::CaseInsensitive) == 0)
        return true;
    const auto [typeA, portA] = splitInterface(a);
    const auto [typeB, portB] = splitInterface(b);
    if (portA.isEmpty() || portA.compare(portB, Qt::CaseInsensitive) != 0)
        return false;
    if (typeA.compare(typeB, Qt::CaseInsensitive) == 0)
        return true;
    const int t = interfaceType(typeA);
    return t >= 0 && t == interfaceType(typeB);
}

} // namespace rl
