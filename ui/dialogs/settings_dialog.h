#pragma once

#include "engine/service/engine_settings.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
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

private:
    void storePassword();

    EngineSettings m_settings;
    QTableWidget *m_throttle;
    QSpinBox *m_connect;
    QSpinBox *m_command;
    QSpinBox *m_request;
    QTableWidget *m_cache;
    QComboBox *m_role;
    QLineEdit *m_profile;
    QComboBox *m_credMode;
    QLineEdit *m_keyFile;
    QLineEdit *m_password;
    QLabel *m_keychainStatus;
};

} // namespace rl
