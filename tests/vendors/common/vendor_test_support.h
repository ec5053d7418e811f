#pragma once

// Helpers shared by the data-driven translator tests. Included by each test, so SRCDIR is that
// test's own folder.

#include "engine/vendors/translator.h"

#include <QFile>
#include <QTest>

namespace rl::testing {

// A sample from the test's data/ folder; a missing sample is a broken test, not a failure to skip.
inline QByteArray sample(const QString &name)
{
    QFile f(QStringLiteral(SRCDIR "data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(name));
    return f.readAll();
}

inline const Translator *registeredTranslator(const char *platform)
{
    const Translator *t = TranslatorRegistry::find(QLatin1String(platform));
    if (!t)
        qFatal("%s is not registered", platform);
    return t;
}

// "column=value;column=value" checks against one row, by column key.
inline void checkRow(const RecordSet &set, int row, const QString &checks)
{
    if (checks.isEmpty())
        return;
    QVERIFY2(row < set.size(), qPrintable(QStringLiteral("row %1 of %2").arg(row).arg(set.size())));
    for (const QString &check : checks.split(QLatin1Char(';'))) {
        const QString key = check.section(QLatin1Char('='), 0, 0);
        const QString want = check.section(QLatin1Char('='), 1);
        const int col = set.columnIndex(key);
        QVERIFY2(col >= 0, qPrintable(key));
        const QVariant v = set.value(row, col);
        const QString got = v.typeId() == QMetaType::Bool ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                          : v.toString();
        QCOMPARE(got, want);
    }
}

} // namespace rl::testing
