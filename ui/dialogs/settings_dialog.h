#pragma once

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
// cache age per query kind, the operator's role, and credentials: SSH agent, a key file,
// or a password kept in the OS keychain through QtKeychain (never in a plain file).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const EngineSettings &settings, QWidget *parent = nullptr);
    EngineSettings settings() const;
    // The inventory's customers, offered in the Customer field (a name can still be typed).
    void setCustomers(const QStringList &customers);

private:
    QWidget *throttlePage(const EngineSettings &settings);
    QWidget *generalPage(const EngineSettings &settings);
    QWidget *cachePage(const EngineSettings &settings);
    QWidget *credentialsPage();
    void storePassword();
    void updateCustomerField();

    EngineSettings m_settings;
    QTableWidget *m_throttle;
    QSpinBox *m_connect;
    QSpinBox *m_command;
    QSpinBox *m_request;
    QSpinBox *m_outputLimit; // MiB; the setting is kept in bytes and only rewritten when changed here
    QTableWidget *m_cache;
    QComboBox *m_role;
    QComboBox *m_customer;
    QLabel *m_customerNote;
    QPushButton *m_ok = nullptr;
    QLineEdit *m_profile;
    QComboBox *m_credMode;
    QLineEdit *m_keyFile;
    QLineEdit *m_password;
    QLabel *m_keychainStatus;
};

} // namespace rl
