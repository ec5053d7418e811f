#include "ui/dialogs/router_edit_dialog.h"

#include "engine/inventory/inventory_document.h"
#include "ui/widgets/field_problem_form.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rl {

namespace {

int defaultPort(TransportKind t)
{
    return t == TransportKind::HttpEapi || t == TransportKind::HttpNxapi || t == TransportKind::Restconf ? 443 : 22;
}

void setTag(Router &r, const QString &key, const QString &value)
{
    if (value.trimmed().isEmpty())
        r.tags.remove(key);
    else
        r.tags.insert(key, value.trimmed());
}

} // namespace

RouterEditDialog::RouterEditDialog(const InventoryDocument &document, qsizetype index, const Router &router,
                                   QWidget *parent)
    : QDialog(parent), m_document(document), m_index(index), m_base(router), m_form(new FieldProblemForm(this)),
      m_name(new QLineEdit(router.name, this)), m_host(new QLineEdit(router.host, this)),
      m_transport(new QComboBox(this)), m_port(new QLineEdit(this)), m_platform(new QComboBox(this)),
      m_credentials(new QComboBox(this)), m_site(new QLineEdit(router.tags.value(QStringLiteral("site")), this)),
      m_customer(new QLineEdit(router.tags.value(QStringLiteral("customer")), this)),
      m_role(new QLineEdit(router.tags.value(QStringLiteral("role")), this))
{
    setWindowTitle(index < 0 ? tr("Add router") : tr("Edit router %1").arg(router.name));
    setObjectName(QStringLiteral("routerEditDialog"));

    for (const QString &t : transportKindNames())
        m_transport->addItem(t);
    m_transport->setCurrentText(transportKindName(router.transport));
    if (router.port != defaultPort(router.transport) || index >= 0)
        m_port->setText(QString::number(router.port));
    // Editable: a platform RouterLens does not know can be typed, and is refused with the list.
    m_platform->setEditable(true);
    m_platform->addItems(knownPlatforms());
    m_platform->setCurrentText(router.platform);
    m_credentials->setEditable(true);
    m_credentials->addItem(QString());
    m_credentials->addItems(document.credentialProfiles());
    m_credentials->setCurrentText(router.credentials);
    m_credentials->lineEdit()->setPlaceholderText(tr("none: the SSH agent and ~/.ssh keys"));
    m_name->setPlaceholderText(QStringLiteral("pe1-par"));
    m_host->setPlaceholderText(tr("address or DNS name"));
    m_site->setPlaceholderText(tr("optional"));
    m_customer->setPlaceholderText(tr("optional"));
    m_role->setPlaceholderText(tr("optional"));

    m_form->addField(QStringLiteral("name"), tr("&Name:"), m_name, tr("Unique; letters, digits and . _ -"));
    m_form->addField(QStringLiteral("host"), tr("&Host:"), m_host);
    m_form->addField(QStringLiteral("transport"), tr("&Transport:"), m_transport);
    m_form->addField(QStringLiteral("port"), tr("&Port:"), m_port);
    m_form->addField(QStringLiteral("platform"), tr("P&latform:"), m_platform);
    m_form->addField(QStringLiteral("credentials"), tr("Cre&dentials profile:"), m_credentials,
                     tr("A profile of the inventory's \"credentials\"; passwords are never written into the file."));
    m_form->addField(QStringLiteral("tags/site"), tr("&Site:"), m_site);
    m_form->addField(QStringLiteral("tags/customer"), tr("C&ustomer:"), m_customer);
    m_form->addField(QStringLiteral("tags/role"), tr("&Role:"), m_role);
    connect(m_transport, &QComboBox::currentTextChanged, this, &RouterEditDialog::updatePortHint);
    updatePortHint();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(index < 0 ? tr("&Add") : tr("&Apply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RouterEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(520);
    m_name->setFocus();
}

void RouterEditDialog::updatePortHint()
{
    const auto kind = transportKindFromName(m_transport->currentText());
    m_port->setPlaceholderText(tr("%1 when empty").arg(defaultPort(kind.value_or(TransportKind::Ssh))));
}

Router RouterEditDialog::router() const
{
    Router r = m_base;
    r.name = m_name->text().trimmed();
    r.host = m_host->text().trimmed();
    r.transport = transportKindFromName(m_transport->currentText()).value_or(TransportKind::Ssh);
    bool ok = false;
    const int port = m_port->text().trimmed().toInt(&ok);
    r.port = m_port->text().trimmed().isEmpty() ? defaultPort(r.transport) : ok ? port : -1;
    r.platform = m_platform->currentText().trimmed();
    r.credentials = m_credentials->currentText().trimmed();
    setTag(r, QStringLiteral("site"), m_site->text());
    setTag(r, QStringLiteral("customer"), m_customer->text());
    setTag(r, QStringLiteral("role"), m_role->text());
    return r;
}

void RouterEditDialog::accept()
{
    m_form->clearProblems();
    const QString portText = m_port->text().trimmed();
    bool ok = false;
    (void)portText.toInt(&ok);
    if (!portText.isEmpty() && !ok) {
        m_form->showProblem(QStringLiteral("port"),
                            tr("\"%1\" is not a port number: write a number from 1 to 65535, or leave it empty for "
                               "the transport's usual port.")
                                .arg(portText.left(32)));
        return;
    }
    const InventoryProblem p = m_document.routerProblem(router(), m_index);
    if (p) {
        m_form->showProblem(p.field, p.message);
        return;
    }
    QDialog::accept();
}

} // namespace rl
