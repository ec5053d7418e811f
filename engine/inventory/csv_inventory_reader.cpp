#include "engine/inventory/csv_inventory_reader.h"

#include "engine/inventory/inventory_builder.h"

#include <QHash>

#include <climits>

namespace rl {
namespace {

// More columns than any inventory needs; a binary file read as CSV stops here.
constexpr int kMaxColumns = 256;

struct Row {
    int line = 0; // where the row starts
    QStringList cells;
};

struct CsvFailure {
    int line;
    QString problem;
};

// RFC 4180 records, one at a time. Quoted fields may span lines; the line count follows them.
class CsvParser
{
public:
    CsvParser(const QString &text, QChar delimiter) : m_text(text), m_delimiter(delimiter) {}

    bool atEnd() const { return m_pos >= m_text.size(); }

    Row next()
    {
        Row row;
        row.line = m_line;
        QString cell;
        bool quoted = false; // this cell was quoted
        int quoteLine = 0;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c == u'"' && cell.isEmpty() && !quoted) {
                quoted = true;
                quoteLine = m_line;
                ++m_pos;
                // Inside quotes until a lone quote.
                while (true) {
                    if (m_pos >= m_text.size())
                        throw CsvFailure{quoteLine, QStringLiteral("a quoted cell starts here and is never closed; "
                                                                   "add the closing \" (a \" inside a cell is "
                                                                   "written \"\").")};
                    const QChar q = m_text[m_pos];
                    if (q == u'"') {
                        if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'"') {
                            cell += u'"';
                            m_pos += 2;
                            continue;
                        }
                        ++m_pos;
                        break;
                    }
                    if (q == u'\n')
                        ++m_line;
                    cell += q;
                    ++m_pos;
                }
                continue;
            }
            if (c == m_delimiter) {
                push(row, cell, quoted);
                ++m_pos;
                continue;
            }
            if (c == u'\r' || c == u'\n') {
                if (c == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n')
                    ++m_pos;
                ++m_pos;
                ++m_line;
                push(row, cell, quoted);
                return row;
            }
            if (quoted)
                throw CsvFailure{m_line, QStringLiteral("text follows a quoted cell before the next %1; quote the "
                                                        "whole cell, and write a \" inside it as \"\".")
                                             .arg(delimiterName())};
            cell += c;
            ++m_pos;
        }
        push(row, cell, quoted);
        return row;
    }

    QString delimiterName() const
    {
        return m_delimiter == u',' ? QStringLiteral("comma")
                                   : (m_delimiter == u';' ? QStringLiteral("semicolon") : QStringLiteral("tab"));
    }

private:
    void push(Row &row, QString &cell, bool &quoted)
    {
        if (row.cells.size() >= kMaxColumns)
            throw CsvFailure{m_line, QStringLiteral("a row has more than %1 cells; is this a CSV inventory?")
                                         .arg(kMaxColumns)};
        row.cells.append(quoted ? cell : cell.trimmed());
        cell.clear();
        quoted = false;
    }

    const QString &m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
};

// "Host Name", "host-name" and "HOST_NAME" all read as host_name.
QString columnKey(const QString &header)
{
    QString k = header.trimmed().toLower();
    k.replace(u' ', u'_').replace(u'-', u'_');
    return k;
}

enum class Column { Name, Host, Platform, Port, Transport, Username, Secret, KeyFile, KnownHosts, Tag, SecretLike };

Column columnKind(const QString &key)
{
    static const QHash<QString, Column> known{
        {QStringLiteral("name"), Column::Name},
        {QStringLiteral("host"), Column::Host},
        {QStringLiteral("hostname"), Column::Host},
        {QStringLiteral("host_name"), Column::Host},
        {QStringLiteral("address"), Column::Host},
        {QStringLiteral("ip"), Column::Host},
        {QStringLiteral("platform"), Column::Platform},
        {QStringLiteral("port"), Column::Port},
        {QStringLiteral("transport"), Column::Transport},
        {QStringLiteral("username"), Column::Username},
        {QStringLiteral("user"), Column::Username},
        {QStringLiteral("secret"), Column::Secret},
        {QStringLiteral("password"), Column::Secret},
        {QStringLiteral("key_file"), Column::KeyFile},
        {QStringLiteral("keyfile"), Column::KeyFile},
        {QStringLiteral("known_hosts"), Column::KnownHosts},
        {QStringLiteral("knownhosts"), Column::KnownHosts},
    };
    const auto it = known.constFind(key);
    if (it != known.constEnd())
        return *it;
    return looksLikeSecretKey(key) ? Column::SecretLike : Column::Tag;
}

QString plainSecretProblem(const QString &router, const QString &column)
{
    return QStringLiteral("router \"%1\" has a plain password (or other secret) in the column \"%2\". Passwords "
                          "never go into inventory files: store it in the keychain and write "
                          "\"keychain:<service>/<account>\", or export it and write \"env:<VARIABLE>\".")
        .arg(router, column.left(64));
}

} // namespace

// Long on purpose: the header row, then one branch per known column, each checked next to its own
// message; splitting it would pass the row's state through every piece.
Result<Inventory> CsvInventoryReader::read(const QByteArray &data, const QString &fileName)
{
    InventoryBuilder builder(fileName);
    if (data.size() > Inventory::MaxFileBytes)
        return builder.error(0, QStringLiteral("the inventory is larger than the %1 MiB RouterLens reads; split it "
                                               "into several files.")
                                    .arg(Inventory::MaxFileBytes >> 20));
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff))) // the byte order mark spreadsheets write
        text.remove(0, 1);
    if (text.contains(QChar(0xfffd)) && !data.contains("\xef\xbf\xbd"))
        return builder.error(0, QStringLiteral("the file is not UTF-8 text; save the CSV as UTF-8."));

    const qsizetype headerEnd = text.indexOf(u'\n');
    const QStringView headerLine = QStringView(text).left(headerEnd < 0 ? text.size() : headerEnd);
    QChar delimiter = u',';
    if (!headerLine.contains(u',')) {
        if (headerLine.contains(u';'))
            delimiter = u';';
        else if (headerLine.contains(u'\t'))
            delimiter = u'\t';
    }

    try {
        CsvParser parser(text, delimiter);
        Row header;
        // Blank lines before the header are skipped.
        do {
            if (parser.atEnd())
                return builder.error(1, QStringLiteral("the file is empty; a CSV inventory starts with a header row "
                                                       "such as \"name,host,platform,site,customer\"."));
            header = parser.next();
        } while (header.cells.size() == 1 && header.cells[0].isEmpty());

        QList<Column> kinds;
        QStringList keys;
        QHash<QString, int> seen;
        for (const QString &h : header.cells) {
            const QString key = columnKey(h);
            if (key.isEmpty())
                throw CsvFailure{header.line, QStringLiteral("column %1 of the header row has no name; name every "
                                                             "column (name, host, platform, site, ...).")
                                                  .arg(keys.size() + 1)};
            if (seen.contains(key))
                throw CsvFailure{header.line, QStringLiteral("the header row names the column \"%1\" twice.")
                                                  .arg(key.left(64))};
            const Column kind = columnKind(key);
            for (int i = 0; i < kinds.size(); ++i) {
                if (kind != Column::Tag && kind != Column::SecretLike && kinds[i] == kind)
                    throw CsvFailure{header.line, QStringLiteral("the columns \"%1\" and \"%2\" mean the same; keep "
                                                                 "one of them.")
                                                      .arg(keys[i], key.left(64))};
            }
            seen.insert(key, int(keys.size()));
            keys.append(key);
            kinds.append(kind);
        }
        for (const auto &[kind, what] : {std::pair{Column::Name, "name"}, std::pair{Column::Host, "host"},
                                         std::pair{Column::Platform, "platform"}}) {
            if (!kinds.contains(kind))
                throw CsvFailure{header.line,
                                 QStringLiteral("the header row has no \"%1\" column (the %4 separated columns "
                                                "found: %2); a CSV inventory needs name, host and platform, "
                                                "and may have %3.")
                                     .arg(QLatin1String(what), keys.join(QLatin1String(", ")).left(300),
                                          QStringLiteral("port, transport, username, secret, key_file, "
                                                         "known_hosts and any tag (site, customer, role, ...)"),
                                          parser.delimiterName())};
        }

        while (!parser.atEnd()) {
            const Row row = parser.next();
            if (row.cells.size() == 1 && row.cells[0].isEmpty())
                continue; // a blank line
            if (row.cells.size() != keys.size())
                throw CsvFailure{row.line, QStringLiteral("this row has %1 cells but the header row names %2 "
                                                          "columns; every row needs one cell per column (an "
                                                          "empty cell is fine).")
                                               .arg(row.cells.size())
                                               .arg(keys.size())};
            Router r;
            CredentialProfile cred;
            bool hasCredentials = false;
            bool portGiven = false;
            for (int i = 0; i < keys.size(); ++i) {
                if (kinds[i] == Column::Name)
                    r.name = row.cells[i];
            }
            if (r.name.isEmpty())
                throw CsvFailure{row.line, QStringLiteral("this row has no name; every router needs a unique name.")};
            for (int i = 0; i < keys.size(); ++i) {
                const QString &cell = row.cells[i];
                switch (kinds[i]) {
                case Column::Name:
                    break;
                case Column::Host:
                    r.host = cell;
                    break;
                case Column::Platform:
                    r.platform = platformFromAnsibleName(cell);
                    if (r.platform.isEmpty() && !cell.isEmpty())
                        throw CsvFailure{row.line, QStringLiteral("router \"%1\" has the unknown platform \"%2\"; "
                                                                  "use one of %3 (or a Nornir/Ansible name such "
                                                                  "as ios or cisco.ios.ios).")
                                                       .arg(r.name, cell.left(64),
                                                            knownPlatforms().join(QLatin1String(", ")))};
                    break;
                case Column::Port:
                    if (!cell.isEmpty()) {
                        bool ok = false;
                        r.port = cell.toInt(&ok);
                        if (!ok)
                            throw CsvFailure{row.line, QStringLiteral("router \"%1\" has the port \"%2\": use a "
                                                                      "number from 1 to 65535.")
                                                           .arg(r.name, cell.left(64))};
                        portGiven = true;
                    }
                    break;
                case Column::Transport:
                    if (!cell.isEmpty()) {
                        const auto kind = transportKindFromName(cell);
                        if (!kind)
                            throw CsvFailure{row.line, QStringLiteral("router \"%1\" has the unknown transport "
                                                                      "\"%2\"; use one of %3.")
                                                           .arg(r.name, cell.left(64),
                                                                transportKindNames().join(QLatin1String(", ")))};
                        r.transport = *kind;
                    }
                    break;
                case Column::Username:
                    cred.username = cell;
                    hasCredentials = hasCredentials || !cell.isEmpty();
                    break;
                case Column::Secret:
                    if (!isSecretReference(cell))
                        throw CsvFailure{row.line, plainSecretProblem(r.name, keys[i])};
                    cred.secret = cell;
                    hasCredentials = hasCredentials || !cell.isEmpty();
                    break;
                case Column::KeyFile:
                    cred.keyFile = cell;
                    hasCredentials = hasCredentials || !cell.isEmpty();
                    break;
                case Column::KnownHosts:
                    r.knownHosts = cell;
                    break;
                case Column::SecretLike:
                    // Another tool's secret column: references pass, and never become tags.
                    if (!isSecretReference(cell))
                        throw CsvFailure{row.line, plainSecretProblem(r.name, keys[i])};
                    break;
                case Column::Tag:
                    if (!cell.isEmpty())
                        r.tags.insert(keys[i], cell);
                    break;
                }
            }
            if (!portGiven && r.transport != TransportKind::Ssh && r.transport != TransportKind::Demo)
                r.port = 443;
            if (hasCredentials) {
                cred.name = r.name;
                r.credentials = cred.name;
                builder.addCredentials(cred, row.line);
            }
            builder.addRouter(r, row.line);
        }
    } catch (const CsvFailure &f) {
        return builder.error(f.line, f.problem);
    }
    return builder.finish();
}

} // namespace rl
