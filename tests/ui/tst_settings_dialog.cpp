// The settings dialog: every control on every page changed, saved as the window saves it,
// loaded into a new dialog and found again; the credential page describes the inventory's
// profiles and names the keychain entry it writes; the output limit is shown in MiB and
// written back in bytes only when changed (a limit set in bytes elsewhere is not rounded away
// by opening the dialog).
#include "ui/dialogs/settings_dialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rl;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T *control(const SettingsDialog &dialog, const char *name)
    {
        auto *c = dialog.findChild<T *>(QLatin1String(name));
        if (!c)
            qFatal("the settings dialog has no %s", name);
        return c;
    }

private Q_SLOTS:
    void everyControlIsSavedAndReadBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        const EngineSettings defaults = EngineSettings::defaults();
        {
            SettingsDialog dialog(defaults);
            const auto pages = dialog.findChild<QTabWidget *>();
            QVERIFY(pages);
            QCOMPARE(pages->count(), 4);
            // Throttling: rate, burst and action of each scope.
            auto *throttle = control<QTableWidget>(dialog, "throttleTable");
            QCOMPARE(throttle->rowCount(), 3);
            for (int r = 0; r < 3; ++r) {
                static_cast<QDoubleSpinBox *>(throttle->cellWidget(r, 1))->setValue(11.5 + r);
                static_cast<QDoubleSpinBox *>(throttle->cellWidget(r, 2))->setValue(21 + r);
                auto *action = static_cast<QComboBox *>(throttle->cellWidget(r, 3));
                action->setCurrentIndex((action->currentIndex() + 1) % action->count());
            }
            // Timeouts, output limit, role and customer.
            control<QSpinBox>(dialog, "connectTimeout")->setValue(4321);
            control<QSpinBox>(dialog, "commandTimeout")->setValue(54321);
            control<QSpinBox>(dialog, "requestTimeout")->setValue(123456);
            control<QSpinBox>(dialog, "outputLimit")->setValue(7);
            control<QLineEdit>(dialog, "sshConfigFile")->setText(QStringLiteral("/etc/routerlens/ssh_config"));
            auto *role = control<QComboBox>(dialog, "operatorRole");
            role->setCurrentIndex(role->findData(QStringLiteral("external")));
            control<QComboBox>(dialog, "operatorCustomer")->setEditText(QStringLiteral("umbrella"));
            // Cache ages, every kind.
            auto *cache = control<QTableWidget>(dialog, "cacheAges");
            QCOMPARE(cache->rowCount(), int(allQueryKinds().size()));
            for (int r = 0; r < cache->rowCount(); ++r)
                static_cast<QSpinBox *>(cache->cellWidget(r, 1))->setValue(100 + r);
            QSettings s(file, QSettings::IniFormat);
            dialog.settings().save(s);
        }
        QSettings s(file, QSettings::IniFormat);
        const EngineSettings loaded = EngineSettings::load(s);
        SettingsDialog dialog(loaded);
        auto *throttle = control<QTableWidget>(dialog, "throttleTable");
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(static_cast<QDoubleSpinBox *>(throttle->cellWidget(r, 1))->value(), 11.5 + r);
            QCOMPARE(static_cast<QDoubleSpinBox *>(throttle->cellWidget(r, 2))->value(), 21.0 + r);
            auto *action = static_cast<QComboBox *>(throttle->cellWidget(r, 3));
            const RateLimit *before[] = {&defaults.throttle.perClient, &defaults.throttle.perRouter, &defaults.throttle.network};
            const int was = action->findData(int(before[r]->action));
            QCOMPARE(action->currentIndex(), (was + 1) % action->count());
        }
        QCOMPARE(loaded.throttle.perRouter.ratePerSecond, 12.5);
        QCOMPARE(control<QSpinBox>(dialog, "connectTimeout")->value(), 4321);
        QCOMPARE(control<QSpinBox>(dialog, "commandTimeout")->value(), 54321);
        QCOMPARE(control<QSpinBox>(dialog, "requestTimeout")->value(), 123456);
        QCOMPARE(control<QSpinBox>(dialog, "outputLimit")->value(), 7);
        QCOMPARE(loaded.maxOutputBytes, 7LL << 20);
        QCOMPARE(loaded.sshConfigFile, QStringLiteral("/etc/routerlens/ssh_config"));
        QCOMPARE(control<QLineEdit>(dialog, "sshConfigFile")->text(), QStringLiteral("/etc/routerlens/ssh_config"));
        QCOMPARE(control<QComboBox>(dialog, "operatorRole")->currentData().toString(), QStringLiteral("external"));
        QCOMPARE(control<QComboBox>(dialog, "operatorCustomer")->currentText(), QStringLiteral("umbrella"));
        auto *cache = control<QTableWidget>(dialog, "cacheAges");
        for (int r = 0; r < cache->rowCount(); ++r)
            QCOMPARE(static_cast<QSpinBox *>(cache->cellWidget(r, 1))->value(), 100 + r);
        // Unchanged, the dialog gives back what it was given.
        const EngineSettings again = dialog.settings();
        QCOMPARE(again.connectTimeoutMs, loaded.connectTimeoutMs);
        QCOMPARE(again.cacheTtlSeconds, loaded.cacheTtlSeconds);
        QCOMPARE(again.operatorCustomer, loaded.operatorCustomer);
    }

    void credentialProfilesComeFromTheInventory()
    {
        SettingsDialog dialog(EngineSettings::defaults());
        auto *profile = control<QComboBox>(dialog, "credentialProfile");
        auto *uses = control<QLabel>(dialog, "credentialMethod");
        auto *entry = control<QLabel>(dialog, "keychainEntry");
        QVERIFY(control<QLineEdit>(dialog, "credentialPassword")->echoMode() == QLineEdit::Password);
        QVERIFY(entry->text().isEmpty());
        QVERIFY(dialog.keychainEntry().first.isEmpty());

        CredentialProfile lab{QStringLiteral("lab"), QStringLiteral("noc"), QStringLiteral("/home/noc/.ssh/id_ed25519"),
                              QStringLiteral("keychain:Vault/lab ro"), true};
        CredentialProfile edge{QStringLiteral("edge"), QStringLiteral("netops"), QString(), QStringLiteral("env:RL_EDGE"), false};
        dialog.setCredentialProfiles({lab, edge});
        QCOMPARE(profile->count(), 2);
        QCOMPARE(profile->itemText(0), QStringLiteral("edge")); // sorted
        QCOMPARE(profile->currentText(), QStringLiteral("edge"));
        QVERIFY2(uses->text().contains(QLatin1String("netops")) && uses->text().contains(QLatin1String("RL_EDGE")),
                 qPrintable(uses->text()));
        QVERIFY2(!uses->text().contains(QLatin1String("agent")), qPrintable(uses->text()));

        profile->setEditText(QStringLiteral("lab"));
        QVERIFY2(uses->text().contains(QLatin1String("SSH agent")) && uses->text().contains(lab.keyFile)
                     && uses->text().contains(QLatin1String("passphrase from keychain:Vault/lab ro")),
                 qPrintable(uses->text()));
        // The entry the profile names is where its secret is stored, not RouterLens/<profile>.
        QCOMPARE(dialog.keychainEntry(), qMakePair(QStringLiteral("Vault"), QStringLiteral("lab ro")));
        QCOMPARE(entry->text(), QStringLiteral("keychain:Vault/lab ro"));

        profile->setEditText(QStringLiteral("later"));
        QVERIFY2(uses->text().contains(QLatin1String("No profile")), qPrintable(uses->text()));
        QCOMPARE(dialog.keychainEntry(), qMakePair(QStringLiteral("RouterLens"), QStringLiteral("later")));
        QCOMPARE(entry->text(), QStringLiteral("keychain:RouterLens/later"));
    }

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
