#include "ui/models/state_colors.h"

#include <QGuiApplication>
#include <QPalette>

namespace rl {

StateColors::Tone StateColors::toneFor(const QString &columnKey, const QString &s)
{
    if (s.isEmpty() || s == u"unknown")
        return Tone::None;
    if (columnKey == u"state" && (s == u"established"))
        return Tone::Good;
    if (columnKey == u"state") {
        // BGP: anything short of established is a session that is not up.
        if (s == u"idle" || s == u"active" || s == u"connect")
            return Tone::Bad;
        if (s == u"opensent" || s == u"openconfirm")
            return Tone::Warning;
        // ARP / neighbor discovery
        if (s == u"incomplete" || s == u"probe" || s == u"delay")
            return Tone::Warning;
        if (s == u"failed")
            return Tone::Bad;
        if (s == u"stale")
            return Tone::Muted;
        if (s == u"complete" || s == u"reachable" || s == u"permanent")
            return Tone::Good;
        return Tone::None;
    }
    if (columnKey == u"operState" || columnKey == u"adminState") {
        if (s == u"up")
            return Tone::Good;
        if (s == u"admin-down")
            return Tone::Muted;
        if (s == u"down" || s == u"lower-layer-down" || s == u"not-present")
            return Tone::Bad;
        return Tone::Warning;
    }
    if (columnKey == u"tagCheck") {
        if (s == u"match")
            return Tone::Good;
        if (s == u"mismatch")
            return Tone::Bad;
        if (s == u"untagged")
            return Tone::Warning;
    }
    return Tone::None;
}

bool StateColors::isDarkPalette()
{
    const QPalette pal = QGuiApplication::palette();
    return pal.color(QPalette::Base).lightness() < 128;
}

QColor StateColors::foreground(Tone tone)
{
    const bool dark = isDarkPalette();
    switch (tone) {
    case Tone::Good: return dark ? QColor(0x5c, 0xd1, 0x7a) : QColor(0x1e, 0x8a, 0x3c);
    case Tone::Bad: return dark ? QColor(0xff, 0x6b, 0x61) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning: return dark ? QColor(0xff, 0xb3, 0x4d) : QColor(0xc0, 0x62, 0x00);
    case Tone::Busy: return dark ? QColor(0x6f, 0xb4, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Tone::Muted: return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    // A blue-grey neither green nor red nor the disabled grey, readable on white and on dark.
    case Tone::Unknown: return dark ? QColor(0x9d, 0xa9, 0xc4) : QColor(0x5b, 0x67, 0x85);
    case Tone::None: break;
    }
    return {};
}

QColor StateColors::background(Tone tone)
{
    // Translucent, so the palette's own base shows through on either theme.
    switch (tone) {
    case Tone::Good: return QColor(0x2e, 0xb8, 0x50, 60);
    case Tone::Bad: return QColor(0xe0, 0x3c, 0x32, 70);
    case Tone::Warning: return QColor(0xff, 0xa5, 0x00, 70);
    case Tone::Busy: return QColor(0x3c, 0x8c, 0xff, 60);
    case Tone::Muted: return QColor(0x80, 0x80, 0x80, 50);
    case Tone::Unknown: return QColor(0x6a, 0x7a, 0xa0, 55);
    case Tone::None: break;
    }
    return {};
}

} // namespace rl
