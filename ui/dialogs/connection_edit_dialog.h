#pragma once

#include "engine/inventory/inventory.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace rl {

class FieldProblemForm;
class InventoryDocument;

// One private connection of the inventory editor: its id and customer, the provider end
// (router, interface, VLANs, addresses, AS, VRF), the customer end, and what to expect (MTU,
// prefix limit, prefixes). OK checks it as the readers do (the document's connectionProblem)
// and, when it is refused, says why beside the field and stays open.
class ConnectionEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionEditDialog)

public:
    ConnectionEditDialog(const InventoryDocument &document, qsizetype index, const Connection &connection,
                         QWidget *parent = nullptr);

    Connection connection() const;
    FieldProblemForm *form() const { return m_form; }

    void accept() override;

private:
    QLineEdit *addText(const QString &key, const QString &label, const QString &value, const QString &placeholder = {});
    QComboBox *addRouter(const QString &key, const QString &label, const QString &value, bool optional);
    // A whole number field: empty is -1 ("none"); a text that is no number is refused here.
    bool readNumber(const QString &key, qint64 *out) const;

    const InventoryDocument &m_document;
    qsizetype m_index;
    Connection m_base;
    FieldProblemForm *m_form;
    QHash<QString, QLineEdit *> m_texts;
    QComboBox *m_providerRouter = nullptr;
    QComboBox *m_customerRouter = nullptr;
};

} // namespace rl
