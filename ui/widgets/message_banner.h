#pragma once

#include <QFrame>
#include <QList>

class QAction;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace rl {

// A message across the top of the window that stays until it is dismissed or replaced (an
// inventory that failed to load, its warnings, a hint when nothing is open): unlike the status
// bar it is not overwritten by the next query's progress, and unlike a dialog it blocks nothing.
// Its text can be selected and copied; the full details are in its tooltip.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Level { Info, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `title` in bold, then `text`; `details` (when given) is the tooltip. The actions
    // become buttons beside the text; the banner does not own them.
    void showMessage(Level level, const QString &title, const QString &text, const QString &details = {},
                     const QList<QAction *> &actions = {});
    void dismiss();

    Level level() const { return m_level; }
    // What is shown, as plain text: the title, a space, the text.
    QString plainText() const { return m_plain; }
    QList<QAction *> buttonActions() const { return m_actions; }

Q_SIGNALS:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyLevel();

    Level m_level = Level::Info;
    QString m_plain;
    QList<QAction *> m_actions;
    QList<QToolButton *> m_buttons;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttonRow;
    QToolButton *m_close;
};

} // namespace rl
