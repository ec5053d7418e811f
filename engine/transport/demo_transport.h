#pragma once

#include "engine/inventory/inventory.h"
#include "engine/transport/transport.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace rl {

// One router of the built-in demo lab.
struct DemoRouter {
    enum class Fault : quint8 { None, Unreachable, AuthFailed, Timeout, Slow };
    QString name;
    QString platform;
    QString host;
    QMap<QString, QString> tags;
    int latencyMs = 150;
    Fault fault = Fault::None;
    int slowFactor = 10;       // Slow: latency times this
    QString captures;          // folder of recorded outputs: <capturesRoot>/<captures>/commands.txt
};

// The demo lab as described by a scenario file (resources/demo/scenario.json):
// {
//   "version": 1,
//   "capturesRoot": ":/demo/captures",
//   "routers": [ {"name": "demo-pe1", "platform": "frr", "host": "192.0.2.1" (never contacted),
//                 "tags": {...}, "latencyMs": 120, "fault": "none|unreachable|auth-failed|timeout|slow",
//                 "slowFactor": 10, "captures": "demo-pe1"} ],
//   "connections": [ the inventory's connection objects ]
// }
struct DemoScenario {
    QString capturesRoot = QStringLiteral(":/demo/captures");
    QList<DemoRouter> routers;
    QList<Connection> connections;

    static Result<DemoScenario> load(const QString &path = QStringLiteral(":/demo/scenario.json"));
    static Result<DemoScenario> parse(const QByteArray &json, const QString &fileName);
    // Routers (transport Demo) and connections of the lab.
    Inventory inventory() const;
    const DemoRouter *router(const QString &name) const;
    // Whether this router fails with this code because the scenario scripts it to (its fault:
    // unreachable, auth-failed, timeout). Any other failure of a demo router is a real one.
    bool faultExplains(const QString &router, ErrorCode code) const;
};

// Serves each command the recorded output listed in the router's commands.txt
// (lines "<file name>\t<exact command>"), after the router's latency, honouring its fault.
class DemoTransportFactory final : public TransportFactory
{
public:
    explicit DemoTransportFactory(DemoScenario scenario);
    std::unique_ptr<Transport> create(const Router &router, const SessionProfile &profile) override;
    const DemoScenario &scenario() const { return m_scenario; }

private:
    DemoScenario m_scenario;
};

} // namespace rl
