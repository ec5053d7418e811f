// The settings dialog's output limit: shown in MiB, written back in bytes only when changed
// (a limit set in bytes elsewhere is not rounded away by opening the dialog).
#include "ui/dialogs/settings_dialog.h"

#include <QSpinBox>
#include <QTest>

using namespace rl;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputLimit()
    {
        EngineSettings s = EngineSettings::defaults();
        {
            SettingsDialog dialog(s);
            auto *box = dialog.findChild<QSpinBox *>(QStringLiteral("outputLimit"));
            QVERIFY(box);
            QCOMPARE(box->value(), 64);
            QCOMPARE(dialog.settings().maxOutputBytes, 64LL << 20);
            box->setValue(16);
            QCOMPARE(dialog.settings().maxOutputBytes, 16LL << 20);
        }
        s.maxOutputBytes = 1500000; // set in the settings file, not a whole MiB
        SettingsDialog dialog(s);
        auto *box = dialog.findChild<QSpinBox *>(QStringLiteral("outputLimit"));
        QCOMPARE(box->value(), 1);
        QCOMPARE(dialog.settings().maxOutputBytes, 1500000);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
