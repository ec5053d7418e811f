#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QSettings;

namespace rl {

// File > Connect to a service…: the address of a routerlens-serve, the file holding this
// person's API token and, for https with a private CA, the CA certificate. What is typed is
// checked before the dialog closes (the address's form, the token file readable by its owner
// only). The address and the two file names are remembered; the token itself never leaves
// its file.
class ConnectServiceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectServiceDialog)

public:
    explicit ConnectServiceDialog(QWidget *parent = nullptr);

    QString serverText() const;
    QString tokenFile() const;
    QString caFile() const;
    void setValues(const QString &server, const QString &tokenFile, const QString &caFile);

    // The fields as remembered (remote/server, remote/tokenFile, remote/caFile), and remembering them.
    void load(const QSettings &settings);
    void save(QSettings &settings) const;

    // What was checked on accept: the address and the token read from its file.
    QUrl base() const { return m_base; }
    QByteArray token() const { return m_token; }

    // The problem shown under the fields, empty when none.
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit *m_server;
    QLineEdit *m_tokenFile;
    QLineEdit *m_caFile;
    QLabel *m_problem;
    QUrl m_base;
    QByteArray m_token;
};

} // namespace rl
