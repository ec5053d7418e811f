// The HTTP API codec (engine/transport/http_api_codec.*): what Arista eAPI, Cisco NX-API and
// RESTCONF devices answer, and pinned certificate digests from the inventory.
//   byte 0: 0 eAPI results, 1 NX-API results, 2 RESTCONF error text, 3 certificate pin
//   byte 1: how many commands were asked (1..4), from a fixed list of real ones
//   the rest: the HTTP body (or the pin text)
// Promises checked: an answer is one text per command, or an error with a code and a sentence.

#include "fuzz/fuzz_support.h"

#include "engine/transport/http_api_codec.h"

using namespace rl;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList kCommands = {
        QStringLiteral("show version | json"),
        QStringLiteral("show interfaces status"),
        QStringLiteral("show ip bgp summary vrf all | json"),
        QStringLiteral("show lldp neighbors detail | json"),
    };
    fuzz::Input in(data, size);
    const int what = in.byte() % 4;
    const QStringList commands = kCommands.mid(0, 1 + in.byte() % 4);
    const QByteArray body = in.rest();
    const QString who = QStringLiteral("router fuzz (198.18.0.1:443)");
    switch (what) {
    case 0:
    case 1: {
        QStringList apiCommands;
        for (const QString &c : commands) {
            apiCommands.append(HttpApiCodec::apiCommand(c));
            (void)HttpApiCodec::wantsJson(c);
        }
        const auto r = what == 0 ? HttpApiCodec::eapiResults(body, apiCommands, QStringLiteral("rl-1"), who)
                                 : HttpApiCodec::nxapiResults(body, apiCommands, who);
        if (!r)
            fuzz::checkError(r.error());
        else
            RL_FUZZ_CHECK(r->size() == commands.size(), QStringLiteral("%1 results").arg(r->size()));
        break;
    }
    case 2:
        (void)HttpApiCodec::restconfErrorText(body);
        break;
    default: {
        const auto pin = HttpApiCodec::parsePin(QString::fromUtf8(body));
        if (pin)
            RL_FUZZ_CHECK(pin->size() == 32, QString::fromLatin1(pin->toHex()));
        break;
    }
    }
    return 0;
}
