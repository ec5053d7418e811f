#pragma once

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace rl {

// A form whose fields can each show why their value is refused, right under the field, in the
// house's "bad" colour; the field takes the focus and the sentence as its accessible
// description, so a screen reader reads it too. Fields are keyed by the JSON key the engine's
// checks name (InventoryProblem::field). Tab order is the order fields are added in.
class FieldProblemForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldProblemForm)

public:
    explicit FieldProblemForm(QWidget *parent = nullptr);

    void addField(const QString &key, const QString &label, QWidget *field, const QString &hint = {});
    // A heading over the fields that follow ("Provider end", ...).
    void addSection(const QString &title);
    // Shows the sentence under the field `key` (under the form when no field has that key) and
    // focuses the field.
    void showProblem(const QString &key, const QString &message);
    void clearProblems();
    // The sentence shown under `key` ("" for the form's own line), empty when none.
    QString problem(const QString &key) const;
    QWidget *field(const QString &key) const { return m_fields.value(key); }

private:
    QLabel *newProblemLabel();

    QFormLayout *m_form;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_problems;
    QLabel *m_general;
};

} // namespace rl
