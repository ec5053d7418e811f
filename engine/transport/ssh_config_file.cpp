#include "engine/transport/ssh_config_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace rl {

namespace {

constexpr int kMaxIncludeDepth = 16;      // OpenSSH's own limit
constexpr qint64 kMaxFileBytes = 4 << 20; // a config is a few KiB; anything larger is a wrong path

const QString kIncludeBegin = QStringLiteral("\x01include-begin");
const QString kIncludeEnd = QStringLiteral("\x01include-end");

// Splits "keyword value", "keyword=value", "keyword = \"a b\" c" as OpenSSH does.
QStringList tokenize(const QString &line)
{
    QStringList out;
    QString cur;
    bool inQuote = false;
    bool have = false;
    bool sawEquals = false;
    for (const QChar c : line) {
        if (inQuote) {
            if (c == u'"')
                inQuote = false;
            else
                cur += c;
            continue;
        }
        if (c == u'"') {
            inQuote = true;
            have = true;
        } else if (c.isSpace() || (c == u'=' && out.isEmpty() && !sawEquals)) {
            if (c == u'=')
                sawEquals = true;
            if (have) {
                out << cur;
                cur.clear();
                have = false;
            }
        } else {
            cur += c;
            have = true;
        }
    }
    if (have)
        out << cur;
    return out;
}

// One glob pattern (* and ?) against a host, case-insensitive as OpenSSH.
bool globMatch(QStringView s, QStringView p)
{
    qsizetype si = 0, pi = 0, star = -1, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == u'?' || p[pi].toLower() == s[si].toLower())) {
            ++si;
            ++pi;
        } else if (pi < p.size() && p[pi] == u'*') {
            star = pi++;
            mark = si;
        } else if (star >= 0) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == u'*')
        ++pi;
    return pi == p.size();
}

QString localUser()
{
    const QString u = qEnvironmentVariable("USER");
    return u.isEmpty() ? qEnvironmentVariable("LOGNAME") : u;
}

// ~ and OpenSSH's %d %h %r %u %% in file names.
QString expandPath(QString path, const QString &host, const QString &user)
{
    if (path == u'~' || path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    QString out;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] != u'%' || i + 1 == path.size()) {
            out += path[i];
            continue;
        }
        const QChar t = path[++i];
        if (t == u'd')
            out += QDir::homePath();
        else if (t == u'h')
            out += host;
        else if (t == u'r')
            out += user.isEmpty() ? localUser() : user;
        else if (t == u'u')
            out += localUser();
        else if (t == u'%')
            out += u'%';
        else
            out += u'%', out += t;
    }
    return out;
}

bool yesNo(const QString &v, bool *out)
{
    const QString l = v.toLower();
    if (l == QLatin1String("yes") || l == QLatin1String("true")) {
        *out = true;
        return true;
    }
    if (l == QLatin1String("no") || l == QLatin1String("false")) {
        *out = false;
        return true;
    }
    return false;
}

} // namespace

QString SshConfigFile::defaultPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

Result<SshConfigFile> SshConfigFile::load(const QString &path)
{
    SshConfigFile cfg;
    cfg.m_fileName = path;
    QFile f(path);
    if (!f.exists())
        return cfg;
    if (f.size() > kMaxFileBytes || !f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidRequest,
                     QStringLiteral("The SSH client config %1 could not be read: check that it is a readable file "
                                    "(or name another one in the settings).")
                         .arg(path),
                     f.errorString());
    cfg.parseInto(f.readAll(), path, 0);
    return cfg;
}

SshConfigFile SshConfigFile::parse(const QByteArray &text, const QString &fileName)
{
    SshConfigFile cfg;
    cfg.m_fileName = fileName;
    cfg.parseInto(text, fileName, 0);
    return cfg;
}

void SshConfigFile::parseInto(const QByteArray &text, const QString &fileName, int depth)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList tokens = tokenize(line);
        if (tokens.isEmpty())
            continue;
        const QString where = QStringLiteral("%1:%2").arg(fileName).arg(i + 1);
        const QString keyword = tokens.takeFirst().toLower();
        // A trailing comment after the arguments ends them.
        for (qsizetype t = 0; t < tokens.size(); ++t) {
            if (tokens[t].startsWith(u'#')) {
                tokens = tokens.mid(0, t);
                break;
            }
        }
        if (keyword != QLatin1String("include")) {
            m_lines.append({keyword, tokens, where});
            continue;
        }
        if (depth >= kMaxIncludeDepth) {
            m_warnings << QStringLiteral("%1: Include nested deeper than %2 files; not followed.").arg(where).arg(kMaxIncludeDepth);
            continue;
        }
        m_lines.append({kIncludeBegin, {}, where});
        for (const QString &arg : std::as_const(tokens)) {
            QString path = expandPath(arg, QString(), QString());
            if (QFileInfo(path).isRelative())
                path = QDir::homePath() + QStringLiteral("/.ssh/") + path;
            const QFileInfo info(path);
            QStringList files;
            if (info.fileName().contains(u'*') || info.fileName().contains(u'?')) {
                const QDir dir = info.absoluteDir();
                for (const QString &name : dir.entryList({info.fileName()}, QDir::Files, QDir::Name))
                    files << dir.filePath(name);
            } else if (info.exists()) {
                files << path;
            }
            for (const QString &file : std::as_const(files)) {
                QFile f(file);
                if (f.size() > kMaxFileBytes || !f.open(QIODevice::ReadOnly)) {
                    m_warnings << QStringLiteral("%1: the included file %2 could not be read.").arg(where, file);
                    continue;
                }
                parseInto(f.readAll(), file, depth + 1);
            }
        }
        m_lines.append({kIncludeEnd, {}, where});
    }
}

bool SshConfigFile::matchesPatternList(const QString &host, const QStringList &patterns)
{
    bool matched = false;
    for (const QString &pattern : patterns) {
        for (const QString &p : pattern.split(u',', Qt::SkipEmptyParts)) {
            if (p.startsWith(u'!')) {
                if (globMatch(host, QStringView(p).mid(1)))
                    return false; // a negated match rules the host out whatever else matches
            } else if (globMatch(host, p)) {
                matched = true;
            }
        }
    }
    return matched;
}

SshConfigHost SshConfigFile::lookup(const QString &host) const
{
    SshConfigHost out;
    bool active = true; // lines before the first Host apply to every host
    QList<bool> includeStack;
    int neverMatch = 0; // inside an Include that sat in a block not applying to this host
    QStringList warnings;
    for (const Line &line : m_lines) {
        if (line.keyword == kIncludeBegin) {
            includeStack.append(active);
            if (!active)
                ++neverMatch;
            continue;
        }
        if (line.keyword == kIncludeEnd) {
            if (!includeStack.isEmpty()) {
                active = includeStack.takeLast();
                if (!active)
                    --neverMatch;
            }
            continue;
        }
        if (line.keyword == QLatin1String("host")) {
            active = neverMatch == 0 && matchesPatternList(host, line.args);
            continue;
        }
        if (line.keyword == QLatin1String("match")) {
            // Only "Match all" is understood; other criteria (exec, user, ...) are not evaluated,
            // so their block is not applied rather than applied wrongly.
            active = neverMatch == 0 && line.args.size() == 1
                     && line.args.first().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
            continue;
        }
        if (!active || line.args.isEmpty())
            continue;
        const QString &v = line.args.first();
        const QString &k = line.keyword;
        if (k == QLatin1String("hostname")) {
            if (!out.hostName)
                out.hostName = SshConfigValue<QString>{QString(v).replace(QLatin1String("%h"), host), line.where};
        } else if (k == QLatin1String("user")) {
            if (!out.user)
                out.user = SshConfigValue<QString>{v, line.where};
        } else if (k == QLatin1String("port")) {
            if (!out.port) {
                bool ok = false;
                const int p = v.toInt(&ok);
                if (ok && p > 0 && p < 65536)
                    out.port = SshConfigValue<int>{p, line.where};
            }
        } else if (k == QLatin1String("identityfile")) {
            // expanded once the host name and user are known, below
            out.identityFiles.append({v, line.where});
        } else if (k == QLatin1String("identitiesonly")) {
            bool b = false;
            if (!out.identitiesOnly && yesNo(v, &b))
                out.identitiesOnly = SshConfigValue<bool>{b, line.where};
        } else if (k == QLatin1String("proxyjump")) {
            if (!out.proxyJump && !out.proxyCommand)
                out.proxyJump = SshConfigValue<QString>{v, line.where};
        } else if (k == QLatin1String("proxycommand")) {
            if (!out.proxyJump && !out.proxyCommand)
                out.proxyCommand = SshConfigValue<QString>{line.args.join(u' '), line.where};
        } else if (k == QLatin1String("connecttimeout")) {
            bool ok = false;
            const int s = v.toInt(&ok);
            if (!out.connectTimeoutSeconds && ok && s > 0)
                out.connectTimeoutSeconds = SshConfigValue<int>{s, line.where};
        } else if (k == QLatin1String("stricthostkeychecking")) {
            if (!out.strictHostKeyChecking)
                out.strictHostKeyChecking = SshConfigValue<QString>{v.toLower(), line.where};
        } else if (k == QLatin1String("userknownhostsfile")) {
            if (!out.userKnownHostsFile)
                out.userKnownHostsFile = SshConfigValue<QString>{v, line.where};
        }
    }
    const QString realHost = out.hostName ? out.hostName->value : host;
    const QString user = out.user ? out.user->value : QString();
    for (SshConfigValue<QString> &id : out.identityFiles)
        id.value = expandPath(id.value, realHost, user);
    if (out.userKnownHostsFile)
        out.userKnownHostsFile->value = expandPath(out.userKnownHostsFile->value, realHost, user);
    return out;
}

} // namespace rl
