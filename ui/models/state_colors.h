#pragma once

#include <QColor>
#include <QStringView>

namespace rl {

// Colours for states and differences that read on light and dark palettes alike: mid
// saturation foregrounds, translucent backgrounds. Chosen from the application palette, so
// they follow the system theme.
class StateColors
{
public:
    // Unknown: a state nobody could read ("could not ask"), distinct from good, bad and muted.
    enum class Tone : quint8 { None, Good, Bad, Warning, Muted, Busy, Unknown };

    // The tone of a state value in a column, by the column's stable key ("state",
    // "operState", "tagCheck", ...) and the state's stable name ("established", "down", ...).
    static Tone toneFor(const QString &columnKey, const QString &stateName);
    static QColor foreground(Tone tone);
    static QColor background(Tone tone);
    static bool isDarkPalette();
};

} // namespace rl
