#pragma once

#include "engine/api/error.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace rl {

// The read-only allow-list of one platform. A command passes only when it matches one of
// the patterns as a whole and contains no character that could chain or redirect commands.
// Translators declare it; transports check every command against it once more before sending.
class CommandGuard
{
public:
    CommandGuard() = default;
    // Each pattern is anchored (^...$) by the guard itself.
    explicit CommandGuard(const QStringList &patterns);

    Error check(const QString &command) const;
    bool isEmpty() const { return m_patterns.isEmpty(); }

private:
    QList<QRegularExpression> m_patterns;
};

} // namespace rl
