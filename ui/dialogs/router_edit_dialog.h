#pragma once

#include "engine/inventory/inventory.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace rl {

class FieldProblemForm;
class InventoryDocument;

// One router of the inventory editor: name, host, transport, port, platform, credentials
// profile, site, customer and role. OK checks the router as the readers do (the document's
// routerProblem) and, when it is refused, says why beside the field and stays open; what the
// form does not show (known_hosts file, TLS settings, other tags) is kept as it was.
class RouterEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouterEditDialog)

public:
    // index: the router's row in the document, -1 for a new one (then `router` is a template).
    RouterEditDialog(const InventoryDocument &document, qsizetype index, const Router &router,
                     QWidget *parent = nullptr);

    // The router as the form has it (valid once the dialog was accepted).
    Router router() const;
    FieldProblemForm *form() const { return m_form; }

    void accept() override;

private:
    void updatePortHint();

    const InventoryDocument &m_document;
    qsizetype m_index;
    Router m_base;
    FieldProblemForm *m_form;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QComboBox *m_transport;
    QLineEdit *m_port;
    QComboBox *m_platform;
    QComboBox *m_credentials;
    QLineEdit *m_site;
    QLineEdit *m_customer;
    QLineEdit *m_role;
};

} // namespace rl
