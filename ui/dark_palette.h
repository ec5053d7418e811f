#pragma once

#include <QPalette>

namespace rl {

// What a dark desktop theme hands Qt: the screenshot tour's dark shots and the widget tests
// that check the views stay readable in it use this one palette.
QPalette darkPalette();

} // namespace rl
