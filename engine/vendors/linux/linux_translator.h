#pragma once

#include "engine/vendors/translator.h"

namespace rl {

// A plain Linux host (iproute2, lldpd). Its host commands also serve the BIRD and GoBGP
// translators, whose routers are Linux hosts, through hostCommands() / parseHost().
class LinuxTranslator final : public Translator
{
public:
    QString platform() const override { return QStringLiteral("linux"); }
    QString vendor() const override { return QStringLiteral("Linux"); }
    SessionProfile sessionProfile() const override;
    Result<QStringList> commands(QueryKind kind, const QueryParams &params) const override;
    Result<RecordSet> parse(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs) const override;
    Result<PastedParse> parsePasted(QueryKind kind, const QByteArray &text) const override;

    // Host-level kinds: facts, link-status, arp-table, vlan-errors, route-lookup, lldp-neighbors.
    static bool isHostKind(QueryKind kind);
    static Result<QStringList> hostCommands(QueryKind kind, const QueryParams &params);
    static Result<RecordSet> parseHost(QueryKind kind, const QueryParams &params, const QList<CommandOutput> &outputs);
    // The allow-list patterns of hostCommands().
    static QStringList hostPatterns();
    // Pasted output of the host commands (BIRD and GoBGP routers too): nullopt when the piece does
    // not answer the kind. Facts joins the hostname, uname -srm and /proc/uptime pieces.
    static std::optional<Result<RecordSet>> readPastedHost(QueryKind kind, const QString &command, const QByteArray &body);
    static Result<PastedParse> parsePastedHost(QueryKind kind, const QByteArray &text);
    // The sentence for optics on hosts whose interfaces are virtual.
    static Error opticsUnsupported(const QString &platform);
};

} // namespace rl
