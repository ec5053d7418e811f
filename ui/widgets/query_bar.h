#pragma once

#include "engine/api/request.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rl {

// The query: its kind, the parameters that kind takes (validated as you type, with the
// validator's own sentence), how old a cached answer may be, and Run (Ctrl+Return).
class QueryBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryBar)

public:
    explicit QueryBar(QWidget *parent = nullptr);

    QueryKind kind() const;
    void setKind(QueryKind kind);
    QueryParams params() const;
    void setParams(const QueryParams &params);
    qint64 maxAgeSeconds() const;
    void setMaxAgeSeconds(qint64 seconds);
    void setRouterCount(int routers);
    Error validationError() const { return m_error; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void runRequested(rl::QueryKind kind, const rl::QueryParams &params, qint64 maxAgeSeconds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFields();
    void validate();

    QComboBox *m_kind;
    QLineEdit *m_neighbor;
    QLineEdit *m_vrf;
    QComboBox *m_family;
    QLineEdit *m_interface;
    QLineEdit *m_destination;
    QSpinBox *m_maxAge;
    QPushButton *m_run;
    QLabel *m_message;
    QList<QPair<QString, QWidget *>> m_fields; // parameter name -> its editor (label follows)
    QHash<QWidget *, QLabel *> m_labels;
    int m_routers = 0;
    Error m_error;
};

} // namespace rl
