#include "ui/dialogs/known_host_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rl {

KnownHostDialog::KnownHostDialog(const QString &router, const QString &keyType, const QString &fingerprint, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Unknown host key — %1").arg(router));
    setObjectName(QStringLiteral("knownHostDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("RouterLens has not seen <b>%1</b>'s SSH host key before. Compare the fingerprint below "
                                "with the one its owner published. Trust it only if they match: a different key "
                                "can mean someone is in between.").arg(router.toHtmlEscaped()), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(tr("Key type: %1").arg(keyType), this));
    auto *fp = new QLineEdit(fingerprint, this);
    fp->setReadOnly(true);
    fp->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fp->setObjectName(QStringLiteral("fingerprint"));
    layout->addWidget(fp);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Trust and remember"), QDialogButtonBox::AcceptRole);
    auto *no = buttons->addButton(tr("Do not trust"), QDialogButtonBox::RejectRole);
    no->setDefault(true); // a reflexive Return must not trust a key
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace rl
