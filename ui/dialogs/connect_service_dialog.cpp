#include "ui/dialogs/connect_service_dialog.h"

#include "engine/service/remote_engine.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace rl {

namespace {

QWidget *withBrowse(QLineEdit *edit, const QString &caption, const QString &filter, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *l = new QHBoxLayout(row);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(edit, 1);
    auto *browse = new QPushButton(QObject::tr("Browse…"), row);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, caption, filter, row] {
        const QString path = QFileDialog::getOpenFileName(row, caption, QFileInfo(edit->text()).absolutePath(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    l->addWidget(browse);
    return row;
}

} // namespace

ConnectServiceDialog::ConnectServiceDialog(QWidget *parent)
    : QDialog(parent), m_server(new QLineEdit(this)), m_tokenFile(new QLineEdit(this)), m_caFile(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Connect to a RouterLens service"));
    setObjectName(QStringLiteral("connectServiceDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Use a routerlens-serve instead of this computer's engine: queries and diagnoses run "
                                "there, as the client your API token stands for, and you see the routers and "
                                "connections that client may see. The token stays in its file; only the file's name "
                                "is remembered."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(QStringLiteral("https://routerlens.example.net:8750"));
    m_tokenFile->setObjectName(QStringLiteral("tokenFileEdit"));
    m_tokenFile->setPlaceholderText(tr("a file holding the token, readable by you only (chmod 600)"));
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("optional: the CA certificate (PEM) of an https service"));
    form->addRow(tr("Service address:"), m_server);
    form->addRow(tr("Token file:"), withBrowse(m_tokenFile, tr("Token file"), tr("All files (*)"), this));
    form->addRow(tr("CA certificate:"), withBrowse(m_caFile, tr("CA certificate"), tr("PEM certificates (*.pem *.crt);;All files (*)"), this));
    layout->addLayout(form);
    m_problem->setObjectName(QStringLiteral("connectProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;"));
    m_problem->setVisible(false);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectServiceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

QString ConnectServiceDialog::serverText() const
{
    return m_server->text().trimmed();
}

QString ConnectServiceDialog::tokenFile() const
{
    return m_tokenFile->text().trimmed();
}

QString ConnectServiceDialog::caFile() const
{
    return m_caFile->text().trimmed();
}

void ConnectServiceDialog::setValues(const QString &server, const QString &tokenFile, const QString &caFile)
{
    m_server->setText(server);
    m_tokenFile->setText(tokenFile);
    m_caFile->setText(caFile);
}

void ConnectServiceDialog::load(const QSettings &settings)
{
    setValues(settings.value(QStringLiteral("remote/server")).toString(), settings.value(QStringLiteral("remote/tokenFile")).toString(),
              settings.value(QStringLiteral("remote/caFile")).toString());
}

void ConnectServiceDialog::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("remote/server"), serverText());
    settings.setValue(QStringLiteral("remote/tokenFile"), tokenFile());
    settings.setValue(QStringLiteral("remote/caFile"), caFile());
}

QString ConnectServiceDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ConnectServiceDialog::accept()
{
    auto refuse = [this](const QString &text) {
        m_problem->setText(text);
        m_problem->setVisible(true);
    };
    const Result<QUrl> base = RemoteEngine::parseBase(serverText());
    if (!base)
        return refuse(tr("The service address must look like https://routerlens.example.net:8750."));
    if (tokenFile().isEmpty())
        return refuse(tr("Name the file that holds your API token (an administrator makes one with "
                         "'routerlens-serve token create')."));
    const Result<QByteArray> token = RemoteEngine::readTokenFile(tokenFile());
    if (!token)
        return refuse(token.error().message);
    if (!caFile().isEmpty() && !QFileInfo(caFile()).isReadable())
        return refuse(tr("The CA certificate %1 cannot be read.").arg(caFile()));
    m_base = *base;
    m_token = *token;
    m_problem->setVisible(false);
    QDialog::accept();
}

} // namespace rl
