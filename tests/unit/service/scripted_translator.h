#pragma once

#include "engine/vendors/translator.h"

#include <stdexcept>

namespace rl::testing {

// A made-up platform "scripted" for service tests:
//   bgp-status -> "show bgp summary", lines "<neighbor> <state>" (the neighbor parameter filters)
//   arp-table  -> "show arp", lines "<ip> <mac> <interface>"
//   facts      -> "show version", the output is the hostname
//   received-routes -> "show sessions" (lines "<neighbor> <session name>"), then a second round
//              "show routes from <session name>" (lines "<prefix>"); an unknown neighbor is invalid-request
//   anything else is unsupported; output "garbage" is a parse error; output "throw" makes the
//   reader throw (a fault in RouterLens, not in the router).
class ScriptedTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("scripted"); }
    QString vendor() const override { return QStringLiteral("Test"); }
    SessionProfile sessionProfile() const override { return {}; }

    Result<QStringList> commands(QueryKind kind, const QueryParams &) const override
    {
        switch (kind) {
        case QueryKind::BgpStatus: return QStringList{QStringLiteral("show bgp summary")};
        case QueryKind::ArpTable: return QStringList{QStringLiteral("show arp")};
        case QueryKind::Facts: return QStringList{QStringLiteral("show version")};
        case QueryKind::ReceivedRoutes: return QStringList{QStringLiteral("show sessions")};
        default:
            return Error(ErrorCode::UnsupportedQuery, QStringLiteral("The scripted platform cannot answer this."));
        }
    }

    bool hasFollowUps(QueryKind kind) const override { return kind == QueryKind::ReceivedRoutes; }

    Result<QStringList> followUpCommands(QueryKind kind, const QueryParams &params,
                                         const QList<CommandOutput> &firstRound) const override
    {
        if (kind != QueryKind::ReceivedRoutes)
            return QStringList{};
        for (const QByteArray &line : firstRound.value(0).output.split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() == 2 && QString::fromUtf8(f[0]) == params.neighbor)
                return QStringList{QStringLiteral("show routes from ") + QString::fromUtf8(f[1])};
        }
        return Error(ErrorCode::InvalidRequest, QStringLiteral("No session with %1.").arg(params.neighbor));
    }

    Result<RecordSet> parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const override
    {
        if (kind == QueryKind::ReceivedRoutes) {
            if (outputs.size() != 2 || !outputs[1].command.startsWith(QLatin1String("show routes from ")))
                return Error(ErrorCode::ParseError, QStringLiteral("expected the sessions and one session's routes"));
            QList<RouteRecord> rows;
            for (const QByteArray &line : outputs[1].output.split('\n')) {
                if (line.isEmpty())
                    continue;
                const auto prefix = IpPrefix::parse(std::string_view(line.constData(), size_t(line.size())));
                if (!prefix)
                    return Error(ErrorCode::ParseError, QStringLiteral("bad prefix: %1").arg(QString::fromUtf8(line)));
                RouteRecord r;
                r.prefix = *prefix;
                rows.append(r);
            }
            return RecordSet(kind, rows);
        }
        if (outputs.size() != 1)
            return Error(ErrorCode::ParseError, QStringLiteral("expected one output"));
        const QString text = QString::fromUtf8(outputs.first().output);
        if (text == u"garbage")
            return Error(ErrorCode::ParseError, QStringLiteral("line 1: not understood"));
        if (text == u"throw")
            throw std::logic_error("scripted reader fault");
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        switch (kind) {
        case QueryKind::BgpStatus: {
            QList<BgpNeighborRecord> rows;
            for (const QString &l : lines) {
                const QStringList f = l.split(QLatin1Char(' '));
                if (f.size() != 2)
                    return Error(ErrorCode::ParseError, QStringLiteral("bad line: %1").arg(l));
                if (!params.neighbor.isEmpty() && f[0] != params.neighbor)
                    continue;
                BgpNeighborRecord r;
                r.neighbor = f[0];
                r.state = bgpStateFromName(f[1]);
                rows.append(r);
            }
            return RecordSet(kind, rows);
        }
        case QueryKind::ArpTable: {
            QList<ArpRecord> rows;
            for (const QString &l : lines) {
                const QStringList f = l.split(QLatin1Char(' '));
                if (f.size() != 3)
                    return Error(ErrorCode::ParseError, QStringLiteral("bad line: %1").arg(l));
                ArpRecord r;
                r.ip = f[0];
                r.mac = f[1];
                r.interfaceName = f[2];
                rows.append(r);
            }
            return RecordSet(kind, rows);
        }
        case QueryKind::Facts: {
            FactsRecord f;
            f.hostname = text.trimmed();
            return RecordSet(kind, QList<FactsRecord>{f});
        }
        default:
            return Error(ErrorCode::UnsupportedQuery, QStringLiteral("unsupported"));
        }
    }
};

} // namespace rl::testing
