#pragma once

#include "engine/inventory/inventory.h"
#include "engine/service/engine_settings.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rl {

// Throttle policies (per client, per router, network-wide: rate, burst, action), timeouts,
// cache age per query kind, the operator's role, and credentials: what each of the inventory's
// credential profiles uses (agent, key file, a secret reference; the inventory decides), and a
// password or passphrase stored in the OS keychain through QtKeychain (never in a plain file)
// under the entry the profile names.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const EngineSettings &settings, QWidget *parent = nullptr);
    EngineSettings settings() const;
    // The inventory's customers, offered in the Customer field (a name can still be typed).
    void setCustomers(const QStringList &customers);
    // The inventory's credential profiles, offered in the Profile field and described below it.
    void setCredentialProfiles(const QList<CredentialProfile> &profiles);
    // Where "Store in keychain" writes for the profile in the Profile field: the profile's own
    // keychain:<service>/<account> reference, or RouterLens/<profile>. Empty without a profile.
    QPair<QString, QString> keychainEntry() const;

private:
    QWidget *throttlePage(const EngineSettings &settings);
    QWidget *generalPage(const EngineSettings &settings);
    QWidget *cachePage(const EngineSettings &settings);
    QWidget *credentialsPage();
    void storePassword();
    void updateCustomerField();
    void updateCredentialInfo();

    EngineSettings m_settings;
    QTableWidget *m_throttle;
    QSpinBox *m_connect;
    QSpinBox *m_command;
    QSpinBox *m_request;
    QSpinBox *m_outputLimit; // MiB; the setting is kept in bytes and only rewritten when changed here
    QLineEdit *m_sshConfig;  // the OpenSSH client config: empty ~/.ssh/config, "none" none
    QTableWidget *m_cache;
    QComboBox *m_role;
    QComboBox *m_customer;
    QLabel *m_customerNote;
    QPushButton *m_ok = nullptr;
    QComboBox *m_profile;
    QLabel *m_credMethod;
    QLabel *m_keychainEntry;
    QList<CredentialProfile> m_profiles;
    QLineEdit *m_password;
    QLabel *m_keychainStatus;
};

} // namespace rl
