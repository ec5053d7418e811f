#pragma once

#include "engine/vendors/translator.h"

namespace rl::test {

// A made-up platform "scripted" for service tests:
//   bgp-status -> "show bgp summary", lines "<neighbor> <state>" (the neighbor parameter filters)
//   arp-table  -> "show arp", lines "<ip> <mac> <interface>"
//   facts      -> "show version", the output is the hostname
//   anything else is unsupported; output "garbage" is a parse error.
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
        default:
            return Error(ErrorCode::UnsupportedQuery, QStringLiteral("The scripted platform cannot answer this."));
        }
    }

    Result<RecordSet> parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const override
    {
        if (outputs.size() != 1)
            return Error(ErrorCode::ParseError, QStringLiteral("expected one output"));
        const QString text = QString::fromUtf8(outputs.first().output);
        if (text == u"garbage")
            return Error(ErrorCode::ParseError, QStringLiteral("line 1: not understood"));
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

} // namespace rl::test
