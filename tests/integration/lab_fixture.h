#pragma once

#include "engine/service/router_data_service.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// The running lab (lab/up.sh) as the tests see it: its inventory, a service wired to it, and
// lab/fault.sh to break and repair things.
class LabFixture
{
public:
    // Empty string when the lab is usable, else a sentence saying why not.
    QString setUp(rl::EngineSettings settings = rl::EngineSettings::defaults());

    rl::RouterDataService &service() { return *m_service; }
    QString inventoryPath() const { return m_inventoryPath; }
    QString stateDir() const;
    QString tempPath(const QString &name) const { return m_temp.filePath(name); }

    // Submits and waits for the whole response (up to timeoutMs).
    rl::Response ask(const QStringList &routers, rl::QueryKind kind, const rl::QueryParams &params = {},
                     qint64 maxAgeSeconds = 0, int timeoutMs = 90000);
    rl::Response ask(rl::RouterDataService &service, const QStringList &routers, rl::QueryKind kind,
                     const rl::QueryParams &params = {}, qint64 maxAgeSeconds = 0, int timeoutMs = 90000);

    // Runs lab/fault.sh with the arguments; returns its stderr+stdout on failure, empty on success.
    static QString fault(const QStringList &args);

    // After lab/fault.sh hostkey-rotate NODE: replaces address's entries in the lab's known_hosts
    // with NODE's new host keys. Empty on success, else why not.
    QString acceptRotatedHostKeys(const QString &node, const QString &address) const;

    // A service on a modified copy of the lab inventory (e.g. other credentials or known_hosts).
    std::unique_ptr<rl::RouterDataService> serviceWithInventory(const QByteArray &inventoryJson,
                                                                rl::EngineSettings settings = rl::EngineSettings::defaults());
    QByteArray inventoryJson() const;

private:
    QTemporaryDir m_temp;
    QString m_inventoryPath;
    std::unique_ptr<rl::RouterDataService> m_service;
    int m_copies = 0;
};
