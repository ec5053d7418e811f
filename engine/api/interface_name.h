#pragma once

// Interface names as the platforms spell them: the long and the short form of one port
// ("Gi0/0/1" = "GigabitEthernet0/0/1", "BE10" = "Bundle-Ether10") are one interface.

#include <QStringView>

namespace rl {

// Whether two interface names are the same port, the long and the short spelling alike,
// case-insensitively. A type spelling not in the table only matches itself.
bool sameInterface(QStringView a, QStringView b);

} // namespace rl
