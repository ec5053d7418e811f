#include "engine/api/request_validator.h"

#include "engine/api/ip_address.h"

#include <QRegularExpression>

namespace rl {
namespace {

// The whole text must match: anchoredPattern() wraps a pattern in \A(?:...)\z, whereas a
// "^...$" pattern also accepts a final newline ("red\n" would pass as a VRF name).
QRegularExpression wholeText(const QString &pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

bool matches(const QRegularExpression &re, QStringView text)
{
    return re.match(text).hasMatch();
}

Error badParam(const QString &sentence)
{
    return Error(ErrorCode::InvalidRequest, sentence);
}

} // namespace

bool RequestValidator::isValidRouterName(QStringView name)
{
    static const QRegularExpression re = wholeText(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}"));
    return matches(re, name);
}

bool RequestValidator::isValidVrfName(QStringView name)
{
    static const QRegularExpression re = wholeText(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}"));
    return matches(re, name);
}

bool RequestValidator::isValidInterfaceName(QStringView name)
{
    // Linux eth0.100, Cisco GigabitEthernet0/0/0.100, Junos ge-0/0/0.100, Port-Channel1.
    static const QRegularExpression re = wholeText(QStringLiteral("[A-Za-z0-9][A-Za-z0-9/._:-]{0,63}"));
    return matches(re, name);
}

bool RequestValidator::usesParam(QueryKind kind, QStringView param)
{
    const auto p = queryParamFromName(param);
    return p && queryKindInfo(kind).takes(*p);
}

bool RequestValidator::requiresParam(QueryKind kind, QStringView param)
{
    const auto p = queryParamFromName(param);
    return p && queryKindInfo(kind).needs(*p);
}

Error RequestValidator::validateParams(QueryKind kind, const QueryParams &p)
{
    const QString kindName = queryKindName(kind);
    auto unused = [&](QStringView param, const QString &value) -> Error {
        if (!value.isEmpty() && !usesParam(kind, param))
            return badParam(QStringLiteral("The %1 query takes no \"%2\" parameter; remove it.")
                                .arg(kindName, param.toString()));
        if (value.isEmpty() && requiresParam(kind, param))
            return badParam(QStringLiteral("The %1 query needs a \"%2\" parameter.").arg(kindName, param.toString()));
        return {};
    };
    for (auto [name, value] : {std::pair<QStringView, const QString &>{u"neighbor", p.neighbor},
                               {u"vrf", p.vrf},
                               {u"addressFamily", p.addressFamily},
                               {u"interface", p.interfaceName},
                               {u"destination", p.destination}}) {
        if (Error e = unused(name, value))
            return e;
    }
    if (!p.neighbor.isEmpty() && !IpAddress::parse(QStringView(p.neighbor)))
        return badParam(QStringLiteral("The neighbor \"%1\" is not an IP address; give the peer's IPv4 or IPv6 address, "
                                       "for example 198.51.100.1.").arg(p.neighbor.left(64)));
    if (!p.vrf.isEmpty() && !isValidVrfName(p.vrf))
        return badParam(QStringLiteral("The VRF name \"%1\" is not valid: use letters, digits and . _ : - only "
                                       "(at most 64 characters, no spaces).").arg(p.vrf.left(64)));
    if (!p.addressFamily.isEmpty() && p.addressFamily != QLatin1String("ipv4") && p.addressFamily != QLatin1String("ipv6"))
        return badParam(QStringLiteral("The address family \"%1\" is not valid: use ipv4 or ipv6.").arg(p.addressFamily.left(32)));
    if (!p.interfaceName.isEmpty() && !isValidInterfaceName(p.interfaceName))
        return badParam(QStringLiteral("The interface name \"%1\" is not valid: use the router's interface name, "
                                       "letters, digits and / . _ : - only, no spaces.").arg(p.interfaceName.left(64)));
    if (!p.destination.isEmpty() && !IpPrefix::parse(QStringView(p.destination)))
        return badParam(QStringLiteral("The destination \"%1\" is not an IP address or prefix; for example "
                                       "203.0.113.7 or 203.0.113.0/24.").arg(p.destination.left(64)));
    if (!p.neighbor.isEmpty() && !p.addressFamily.isEmpty() && kind == QueryKind::BgpStatus) {
        // A filter on both is fine: the neighbor's session in that family.
    }
    return {};
}

Error RequestValidator::validate(const Request &r)
{
    static const QRegularExpression clientRe = wholeText(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}"));
    if (!matches(clientRe, r.client.id))
        return badParam(QStringLiteral("The client identity \"%1\" is not valid: use letters, digits and . _ @ - only.")
                            .arg(r.client.id.left(64)));
    if (r.routers.isEmpty())
        return badParam(QStringLiteral("The request names no router; choose at least one."));
    for (const QString &name : r.routers) {
        if (!isValidRouterName(name))
            return badParam(QStringLiteral("\"%1\" is not a valid router name: use letters, digits and . _ - only.")
                                .arg(name.left(64)));
    }
    if (r.maxAgeSeconds < 0)
        return badParam(QStringLiteral("The accepted cache age must be 0 seconds or more."));
    return validateParams(r.kind, r.params);
}

} // namespace rl
