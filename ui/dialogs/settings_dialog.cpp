#include "ui/dialogs/settings_dialog.h"

#include "engine/inventory/inventory.h"

#include <qt6keychain/keychain.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rl {
namespace {

constexpr auto KeychainService = "RouterLens";

QDoubleSpinBox *rateBox(double v, double max)
{
    auto *s = new QDoubleSpinBox;
    s->setRange(0, max);
    s->setDecimals(1);
    s->setSpecialValueText(QObject::tr("unlimited"));
    s->setValue(v);
    return s;
}

QComboBox *actionBox(ThrottleAction a)
{
    auto *c = new QComboBox;
    c->addItem(QObject::tr("hold back"), int(ThrottleAction::HoldBack));
    c->addItem(QObject::tr("suspend client"), int(ThrottleAction::Suspend));
    c->addItem(QObject::tr("reject"), int(ThrottleAction::Reject));
    c->setCurrentIndex(c->findData(int(a)));
    return c;
}

} // namespace

SettingsDialog::SettingsDialog(const EngineSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_throttle(new QTableWidget(3, 4, this)), m_connect(new QSpinBox(this)),
      m_command(new QSpinBox(this)), m_request(new QSpinBox(this)), m_outputLimit(new QSpinBox(this)), m_sshConfig(new QLineEdit(this)), m_cache(new QTableWidget(QueryKindCount, 2, this)),
      m_role(new QComboBox(this)), m_customer(new QComboBox(this)), m_customerNote(new QLabel(this)), m_profile(new QComboBox(this)), m_credMethod(new QLabel(this)),
      m_keychainEntry(new QLabel(this)), m_password(new QLineEdit(this)), m_keychainStatus(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    resize(720, 520);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(throttlePage(settings), tr("Throttling"));
    tabs->addTab(generalPage(settings), tr("Timeouts and role"));
    tabs->addTab(cachePage(settings), tr("Cache ages"));
    tabs->addTab(credentialsPage(), tr("Credentials"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    updateCustomerField();
}

// Throttling: rate, burst and action of the three scopes.
QWidget *SettingsDialog::throttlePage(const EngineSettings &settings)
{
    m_throttle->setObjectName(QStringLiteral("throttleTable"));
    m_throttle->setHorizontalHeaderLabels({tr("Scope"), tr("Rate (/s)"), tr("Burst"), tr("Over the limit")});
    m_throttle->verticalHeader()->hide();
    const RateLimit *limits[] = {&settings.throttle.perClient, &settings.throttle.perRouter, &settings.throttle.network};
    const QString scopes[] = {tr("Per client"), tr("Per router"), tr("Network-wide")};
    for (int r = 0; r < 3; ++r) {
        auto *scope = new QTableWidgetItem(scopes[r]);
        scope->setFlags(Qt::ItemIsEnabled);
        m_throttle->setItem(r, 0, scope);
        m_throttle->setCellWidget(r, 1, rateBox(limits[r]->ratePerSecond, 100000));
        m_throttle->setCellWidget(r, 2, rateBox(limits[r]->burst, 100000));
        m_throttle->setCellWidget(r, 3, actionBox(limits[r]->action));
    }
    m_throttle->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Rows as tall as their editors, and the table as tall as its three rows: no spin box
    // squeezed, no empty grid below them.
    m_throttle->verticalHeader()->setDefaultSectionSize(m_throttle->cellWidget(0, 1)->sizeHint().height() + 6);
    m_throttle->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_throttle->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_throttle->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_throttle->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *thrPage = new QWidget;
    auto *tl = new QVBoxLayout(thrPage);
    auto *thrNote = new QLabel(tr("Token buckets: the rate is sustained, the burst allowed at once. "
                                  "Changing them needs the admin role."), thrPage);
    thrNote->setWordWrap(true);
    tl->addWidget(thrNote);
    tl->addWidget(m_throttle);
    tl->addStretch(1);
    return thrPage;
}

// Timeouts, the output limit, and the operator's role and customer.
QWidget *SettingsDialog::generalPage(const EngineSettings &settings)
{
    auto *general = new QWidget;
    auto *form = new QFormLayout(general);
    for (auto [box, value] : {std::pair{m_connect, settings.connectTimeoutMs}, {m_command, settings.commandTimeoutMs},
                              {m_request, settings.requestTimeoutMs}}) {
        box->setRange(100, 3600000);
        box->setSingleStep(1000);
        box->setSuffix(tr(" ms"));
        box->setValue(value);
    }
    m_connect->setObjectName(QStringLiteral("connectTimeout"));
    m_command->setObjectName(QStringLiteral("commandTimeout"));
    m_request->setObjectName(QStringLiteral("requestTimeout"));
    form->addRow(tr("Connect timeout"), m_connect);
    form->addRow(tr("Command timeout"), m_command);
    form->addRow(tr("Whole request timeout"), m_request);
    m_outputLimit->setObjectName(QStringLiteral("outputLimit"));
    m_outputLimit->setRange(1, int(MaxMaxOutputBytes >> 20));
    m_outputLimit->setSuffix(tr(" MiB"));
    m_outputLimit->setValue(int(qBound<qint64>(1, (settings.maxOutputBytes + (1 << 19)) >> 20, MaxMaxOutputBytes >> 20)));
    m_outputLimit->setToolTip(tr("The most one command may answer. A router's own \"maxOutputBytes\" in the inventory wins."));
    form->addRow(tr("Output limit per command"), m_outputLimit);
    m_sshConfig->setObjectName(QStringLiteral("sshConfigFile"));
    m_sshConfig->setText(settings.sshConfigFile);
    m_sshConfig->setPlaceholderText(QStringLiteral("~/.ssh/config"));
    m_sshConfig->setToolTip(tr("The OpenSSH client config SSH routers and their jump hosts read (Host, HostName, User, "
                               "Port, IdentityFile, ProxyJump, …). Empty: ~/.ssh/config; \"none\": none. The inventory "
                               "always wins. New sessions use it."));
    form->addRow(tr("SSH client config"), m_sshConfig);
    m_role->addItem(tr("internal"), QStringLiteral("internal"));
    m_role->addItem(tr("external"), QStringLiteral("external"));
    m_role->addItem(tr("admin"), QStringLiteral("admin"));
    m_role->setObjectName(QStringLiteral("operatorRole"));
    m_role->setCurrentIndex(qMax(0, m_role->findData(settings.operatorRole)));
    form->addRow(tr("Operator role"), m_role);
    // Editable: an operator may name a customer the loaded inventory does not list yet.
    m_customer->setEditable(true);
    m_customer->setObjectName(QStringLiteral("operatorCustomer"));
    m_customer->setInsertPolicy(QComboBox::NoInsert);
    m_customer->setEditText(settings.operatorCustomer);
    m_customerNote->setText(tr("An external operator works for one customer and sees only that customer's "
                               "routers and connections. Choose the customer here; internal and admin "
                               "operators see everything and need none."));
    m_customerNote->setWordWrap(true);
    form->addRow(tr("Customer"), m_customer);
    form->addRow(m_customerNote);
    connect(m_role, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateCustomerField);
    connect(m_customer, &QComboBox::editTextChanged, this, &SettingsDialog::updateCustomerField);
    return general;
}

// How long an answer of each query kind counts as fresh.
QWidget *SettingsDialog::cachePage(const EngineSettings &settings)
{
    m_cache->setObjectName(QStringLiteral("cacheAges"));
    m_cache->setHorizontalHeaderLabels({tr("Query"), tr("Fresh for (s)")});
    m_cache->verticalHeader()->hide();
    int row = 0;
    for (QueryKind k : allQueryKinds()) {
        auto *name = new QTableWidgetItem(queryKindDisplayTitle(k));
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, int(k));
        m_cache->setItem(row, 0, name);
        auto *spin = new QSpinBox;
        spin->setRange(0, 86400 * 7);
        spin->setValue(settings.cacheTtlFor(k));
        m_cache->setCellWidget(row, 1, spin);
        ++row;
    }
    m_cache->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    if (m_cache->rowCount() > 0)
        m_cache->verticalHeader()->setDefaultSectionSize(m_cache->cellWidget(0, 1)->sizeHint().height() + 6);
    return m_cache;
}

// The credential profiles: what each uses comes from the inventory (agent, key file, a secret
// reference); here a password or passphrase goes into the OS keychain entry the profile names.
QWidget *SettingsDialog::credentialsPage()
{
    auto *cred = new QWidget;
    auto *cf = new QFormLayout(cred);
    // Editable: a profile can be prepared before the inventory that uses it is loaded.
    m_profile->setEditable(true);
    m_profile->setInsertPolicy(QComboBox::NoInsert);
    m_profile->setObjectName(QStringLiteral("credentialProfile"));
    m_profile->lineEdit()->setPlaceholderText(tr("credential profile name from the inventory, e.g. lab"));
    m_credMethod->setObjectName(QStringLiteral("credentialMethod"));
    m_credMethod->setWordWrap(true);
    m_credMethod->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychainEntry->setObjectName(QStringLiteral("keychainEntry"));
    m_keychainEntry->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_password->setObjectName(QStringLiteral("credentialPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("stored in the OS keychain, never in a file"));
    auto *store = new QPushButton(tr("Store in keychain"), cred);
    store->setObjectName(QStringLiteral("storeInKeychain"));
    connect(store, &QPushButton::clicked, this, &SettingsDialog::storePassword);
    connect(m_profile, &QComboBox::editTextChanged, this, &SettingsDialog::updateCredentialInfo);
    cf->addRow(tr("Profile"), m_profile);
    cf->addRow(tr("Uses"), m_credMethod);
    cf->addRow(tr("Keychain entry"), m_keychainEntry);
    cf->addRow(tr("Password or passphrase"), m_password);
    cf->addRow(QString(), store);
    cf->addRow(m_keychainStatus);
    auto *note = new QLabel(tr("The inventory decides how a profile logs in (\"useAgent\", \"keyFile\", \"secret\"). "
                               "A secret written as keychain:RouterLens/<profile> is read from the OS keychain, "
                               "where this page stores it."),
                            cred);
    note->setWordWrap(true);
    cf->addRow(note);
    updateCredentialInfo();
    return cred;
}

void SettingsDialog::setCredentialProfiles(const QList<CredentialProfile> &profiles)
{
    const QString current = m_profile->currentText();
    m_profiles = profiles;
    std::sort(m_profiles.begin(), m_profiles.end(),
              [](const CredentialProfile &a, const CredentialProfile &b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    m_profile->clear();
    for (const CredentialProfile &p : std::as_const(m_profiles))
        m_profile->addItem(p.name);
    m_profile->setEditText(current.isEmpty() && !m_profiles.isEmpty() ? m_profiles.first().name : current);
    updateCredentialInfo();
}

QPair<QString, QString> SettingsDialog::keychainEntry() const
{
    const QString name = m_profile->currentText().trimmed();
    if (name.isEmpty())
        return {};
    for (const CredentialProfile &p : m_profiles) {
        if (p.name == name && p.secret.startsWith(QLatin1String("keychain:"))) {
            const QString rest = p.secret.mid(9);
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            if (slash > 0)
                return {rest.left(slash), rest.mid(slash + 1)};
        }
    }
    return {QLatin1String(KeychainService), name};
}

// What the profile in the Profile field uses, as the inventory says, and where its secret goes.
void SettingsDialog::updateCredentialInfo()
{
    const QString name = m_profile->currentText().trimmed();
    const auto entry = keychainEntry();
    m_keychainEntry->setText(entry.first.isEmpty() ? QString()
                                                   : QStringLiteral("keychain:%1/%2").arg(entry.first, entry.second));
    if (name.isEmpty()) {
        m_credMethod->setText(tr("Name a credential profile."));
        return;
    }
    const auto it = std::find_if(m_profiles.cbegin(), m_profiles.cend(),
                                 [&](const CredentialProfile &p) { return p.name == name; });
    if (it == m_profiles.cend()) {
        m_credMethod->setText(tr("No profile \"%1\" in the loaded inventory; its secret can still be stored for later.")
                                  .arg(name));
        return;
    }
    QStringList ways;
    if (it->useAgent)
        ways << tr("the SSH agent first");
    if (!it->keyFile.isEmpty())
        ways << tr("the key file %1").arg(it->keyFile);
    if (it->secret.startsWith(QLatin1String("keychain:")))
        ways << (it->keyFile.isEmpty() ? tr("a password from %1") : tr("its passphrase from %1")).arg(it->secret);
    else if (it->secret.startsWith(QLatin1String("env:")))
        ways << (it->keyFile.isEmpty() ? tr("a password from the environment variable %1")
                                       : tr("its passphrase from the environment variable %1"))
                    .arg(it->secret.mid(4));
    const QString user = it->username.isEmpty() ? tr("the login user") : it->username;
    m_credMethod->setText(ways.isEmpty() ? tr("%1; no key or secret: only the SSH agent could log in, and it is off.").arg(user)
                                         : tr("%1; %2.").arg(user, ways.join(QStringLiteral(", "))));
}

void SettingsDialog::setCustomers(const QStringList &customers)
{
    const QString current = m_customer->currentText();
    m_customer->clear();
    m_customer->addItems(customers);
    m_customer->setEditText(current); // the operator's choice stays, listed or not
}

void SettingsDialog::updateCustomerField()
{
    const bool external = m_role->currentData().toString() == QLatin1String("external");
    m_customer->setEnabled(external);
    // The engine refuses an external client without a customer: do not let one be saved.
    if (m_ok)
        m_ok->setEnabled(!external || !m_customer->currentText().trimmed().isEmpty());
}

void SettingsDialog::storePassword()
{
    const auto entry = keychainEntry();
    if (entry.first.isEmpty() || m_password->text().isEmpty()) {
        m_keychainStatus->setText(tr("Give a profile name and a password first."));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(entry.first, this);
    job->setAutoDelete(true);
    job->setKey(entry.second);
    job->setTextData(m_password->text());
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        m_keychainStatus->setText(j->error() ? tr("The keychain refused: %1").arg(j->errorString())
                                             : tr("Stored in the OS keychain."));
    });
    m_password->clear(); // the secret leaves this widget at once
    job->start();
}

EngineSettings SettingsDialog::settings() const
{
    EngineSettings s = m_settings;
    RateLimit *limits[] = {&s.throttle.perClient, &s.throttle.perRouter, &s.throttle.network};
    for (int r = 0; r < 3; ++r) {
        limits[r]->ratePerSecond = static_cast<QDoubleSpinBox *>(m_throttle->cellWidget(r, 1))->value();
        limits[r]->burst = static_cast<QDoubleSpinBox *>(m_throttle->cellWidget(r, 2))->value();
        limits[r]->action = ThrottleAction(static_cast<QComboBox *>(m_throttle->cellWidget(r, 3))->currentData().toInt());
    }
    s.connectTimeoutMs = m_connect->value();
    s.sshConfigFile = m_sshConfig->text().trimmed();
    s.commandTimeoutMs = m_command->value();
    s.requestTimeoutMs = m_request->value();
    const int shownMiB = int(qBound<qint64>(1, (m_settings.maxOutputBytes + (1 << 19)) >> 20, MaxMaxOutputBytes >> 20));
    if (m_outputLimit->value() != shownMiB)
        s.maxOutputBytes = qint64(m_outputLimit->value()) << 20;
    s.operatorRole = m_role->currentData().toString();
    s.operatorCustomer = m_customer->currentText().trimmed();
    for (int r = 0; r < m_cache->rowCount(); ++r)
        s.cacheTtlSeconds.insert(QueryKind(m_cache->item(r, 0)->data(Qt::UserRole).toInt()),
                                 static_cast<QSpinBox *>(m_cache->cellWidget(r, 1))->value());
    return s;
}

} // namespace rl
