#include "ui/dialogs/connection_edit_dialog.h"

#include "engine/inventory/inventory_document.h"
#include "ui/widgets/field_problem_form.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace rl {

namespace {

QString numberText(qint64 n)
{
    return n == -1 ? QString() : QString::number(n);
}

const char *const kNumberKeys[] = {"vlan", "innerVlan", "providerAs", "customerAs", "mtu", "prefixLimit"};

} // namespace

ConnectionEditDialog::ConnectionEditDialog(const InventoryDocument &document, qsizetype index,
                                           const Connection &c, QWidget *parent)
    : QDialog(parent), m_document(document), m_index(index), m_base(c), m_form(new FieldProblemForm(this))
{
    setWindowTitle(index < 0 ? tr("Add connection") : tr("Edit connection %1").arg(c.id));
    setObjectName(QStringLiteral("connectionEditDialog"));

    addText(QStringLiteral("id"), tr("&Id:"), c.id, QStringLiteral("acme-par-100"));
    addText(QStringLiteral("customer"), tr("C&ustomer:"), c.customer);
    m_form->addSection(tr("Provider end"));
    m_providerRouter = addRouter(QStringLiteral("providerRouter"), tr("&Provider router:"), c.providerRouter, false);
    addText(QStringLiteral("providerInterface"), tr("Provider i&nterface:"), c.providerInterface, QStringLiteral("eth1.100"));
    addText(QStringLiteral("vlan"), tr("&VLAN:"), numberText(c.vlan), tr("none"));
    addText(QStringLiteral("innerVlan"), tr("Inn&er VLAN:"), numberText(c.innerVlan), tr("none"));
    addText(QStringLiteral("providerAddress"), tr("Provider IPv&4 address:"), c.providerAddress);
    addText(QStringLiteral("providerAddress6"), tr("Provider IPv&6 address:"), c.providerAddress6);
    addText(QStringLiteral("providerAs"), tr("Provider A&S:"), numberText(c.providerAs));
    addText(QStringLiteral("vrf"), tr("Provider V&RF:"), c.vrf, tr("global table"));
    m_form->addSection(tr("Customer end"));
    m_customerRouter = addRouter(QStringLiteral("customerRouter"), tr("Customer &router:"), c.customerRouter, true);
    addText(QStringLiteral("customerInterface"), tr("Customer in&terface:"), c.customerInterface);
    addText(QStringLiteral("customerAddress"), tr("Customer IPv4 a&ddress:"), c.customerAddress);
    addText(QStringLiteral("customerAddress6"), tr("Cust&omer IPv6 address:"), c.customerAddress6);
    addText(QStringLiteral("customerAs"), tr("Customer AS:"), numberText(c.customerAs));
    addText(QStringLiteral("customerVrf"), tr("Customer VRF:"), c.customerVrf, tr("global table"));
    m_form->addSection(tr("What to expect"));
    addText(QStringLiteral("mtu"), tr("&MTU both ends use:"), numberText(c.mtu), tr("not agreed"));
    addText(QStringLiteral("prefixLimit"), tr("Prefix &limit:"), numberText(c.prefixLimit), tr("none"));
    addText(QStringLiteral("expectedPrefixes"), tr("E&xpected prefixes:"), c.expectedPrefixes.join(QLatin1String(", ")),
            QStringLiteral("203.0.113.0/26, 2001:db8:100::/48"));

    // Nineteen fields do not fit a small screen: the form scrolls, the buttons stay.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(index < 0 ? tr("&Add") : tr("&Apply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    resize(620, qMin(820, m_form->sizeHint().height() + 90));
    m_form->field(QStringLiteral("id"))->setFocus();
}

QLineEdit *ConnectionEditDialog::addText(const QString &key, const QString &label, const QString &value,
                                         const QString &placeholder)
{
    auto *edit = new QLineEdit(value, m_form);
    edit->setPlaceholderText(placeholder);
    m_form->addField(key, label, edit);
    m_texts.insert(key, edit);
    return edit;
}

QComboBox *ConnectionEditDialog::addRouter(const QString &key, const QString &label, const QString &value, bool optional)
{
    auto *box = new QComboBox(m_form);
    box->setEditable(true); // a name can be typed; one not in the inventory is refused with a sentence
    if (optional)
        box->addItem(QString());
    for (const Router &r : m_document.routers())
        box->addItem(r.name);
    box->setCurrentText(value);
    if (optional)
        box->lineEdit()->setPlaceholderText(tr("not in the inventory"));
    m_form->addField(key, label, box);
    return box;
}

bool ConnectionEditDialog::readNumber(const QString &key, qint64 *out) const
{
    const QString text = m_texts.value(key)->text().trimmed();
    if (text.isEmpty()) {
        *out = -1;
        return true;
    }
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok;
}

Connection ConnectionEditDialog::connection() const
{
    Connection c = m_base;
    const auto text = [this](const char *key) { return m_texts.value(QLatin1String(key))->text().trimmed(); };
    c.id = text("id");
    c.customer = text("customer");
    c.providerRouter = m_providerRouter->currentText().trimmed();
    c.providerInterface = text("providerInterface");
    c.providerAddress = text("providerAddress");
    c.providerAddress6 = text("providerAddress6");
    c.vrf = text("vrf");
    c.customerRouter = m_customerRouter->currentText().trimmed();
    c.customerInterface = text("customerInterface");
    c.customerAddress = text("customerAddress");
    c.customerAddress6 = text("customerAddress6");
    c.customerVrf = text("customerVrf");
    // A text that is no number never gets here (accept() refuses it first); out of int's range
    // it stays out of range, so the check names the value typed.
    const auto number = [this](const char *key) {
        qint64 n = -1;
        return readNumber(QLatin1String(key), &n) ? n : -1;
    };
    const auto small = [&number](const char *key) { return int(std::clamp<qint64>(number(key), INT_MIN, INT_MAX)); };
    c.vlan = small("vlan");
    c.innerVlan = small("innerVlan");
    c.providerAs = number("providerAs");
    c.customerAs = number("customerAs");
    c.mtu = small("mtu");
    c.prefixLimit = number("prefixLimit");
    c.expectedPrefixes = text("expectedPrefixes").split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    return c;
}

void ConnectionEditDialog::accept()
{
    m_form->clearProblems();
    for (const char *key : kNumberKeys) {
        qint64 n = 0;
        if (!readNumber(QLatin1String(key), &n)) {
            m_form->showProblem(QLatin1String(key), tr("\"%1\" is not a whole number: write digits only, or leave the "
                                                       "field empty for none.")
                                                        .arg(m_texts.value(QLatin1String(key))->text().trimmed().left(32)));
            return;
        }
    }
    const InventoryProblem p = m_document.connectionProblem(connection(), m_index);
    if (p) {
        m_form->showProblem(p.field, p.message);
        return;
    }
    QDialog::accept();
}

} // namespace rl
