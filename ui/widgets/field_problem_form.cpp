#include "ui/widgets/field_problem_form.h"

#include "ui/models/state_colors.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace rl {

FieldProblemForm::FieldProblemForm(QWidget *parent) : QWidget(parent), m_form(new QFormLayout), m_general(nullptr)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    m_general = newProblemLabel();
    m_general->setObjectName(QStringLiteral("formProblem"));
    layout->addWidget(m_general);
}

QLabel *FieldProblemForm::newProblemLabel()
{
    auto *label = new QLabel(this);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, StateColors::foreground(StateColors::Tone::Bad));
    label->setPalette(p);
    label->setVisible(false);
    return label;
}

void FieldProblemForm::addField(const QString &key, const QString &label, QWidget *field, const QString &hint)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    if (!hint.isEmpty())
        field->setToolTip(hint);
    QLabel *problem = newProblemLabel();
    problem->setObjectName(key + QStringLiteral("Problem"));
    v->addWidget(problem);
    m_form->addRow(label, box);
    if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(box)))
        l->setBuddy(field); // Alt+<letter> of the label reaches the field
    field->setObjectName(key);
    m_fields.insert(key, field);
    m_problems.insert(key, problem);
}

void FieldProblemForm::addSection(const QString &title)
{
    auto *heading = new QLabel(title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    if (m_form->rowCount() > 0)
        heading->setContentsMargins(0, 8, 0, 0);
    m_form->addRow(heading);
}

void FieldProblemForm::showProblem(const QString &key, const QString &message)
{
    QLabel *label = m_problems.value(key, m_general);
    label->setText(message);
    label->setVisible(true);
    QWidget *f = m_fields.value(key);
    // A layout does not ask a wrapped label for its height at the width it gets, so a sentence
    // of two lines would show one: give it the height it needs at its field's width.
    const int width = f ? f->width() : this->width();
    if (width > 0)
        label->setMinimumHeight(label->heightForWidth(width));
    if (QWidget *w = window(); w && w->isVisible()) {
        w->layout()->activate();
        w->resize(w->width(), qMax(w->height(), w->sizeHint().height()));
    }
    if (f) {
        f->setAccessibleDescription(message);
        f->setFocus(Qt::OtherFocusReason);
    }
}

void FieldProblemForm::clearProblems()
{
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        it.value()->clear();
        it.value()->setMinimumHeight(0);
        it.value()->setVisible(false);
        m_fields.value(it.key())->setAccessibleDescription({});
    }
    m_general->clear();
    m_general->setVisible(false);
}

QString FieldProblemForm::problem(const QString &key) const
{
    const QLabel *label = key.isEmpty() ? m_general : m_problems.value(key);
    return label && label->isVisibleTo(this) ? label->text() : QString();
}

} // namespace rl
