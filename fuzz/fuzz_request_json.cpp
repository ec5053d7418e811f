// The request JSON decoder (Request::fromJson, the form front ends and the API send) and the
// response decoder (Response::fromJson) behind Qt's JSON parser. Byte 0 picks: even = a
// request, odd = a response; the rest is the JSON text.
//
// Promises checked: a refused request has a code and a sentence; a decoded request encodes
// and decodes to itself; the validator answers every decoded request (valid or an error with
// a sentence).

#include "fuzz/fuzz_support.h"

#include "engine/api/request.h"
#include "engine/api/request_validator.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace rl;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::Input in(data, size);
    const bool response = in.byte() & 1;
    const QJsonDocument doc = QJsonDocument::fromJson(in.rest());
    if (!doc.isObject())
        return 0;
    if (response) {
        const auto r = Response::fromJson(doc.object());
        if (!r)
            fuzz::checkError(r.error());
        else
            (void)r->toJson();
        return 0;
    }
    const auto r = Request::fromJson(doc.object());
    if (!r) {
        fuzz::checkError(r.error());
        return 0;
    }
    const auto again = Request::fromJson(r->toJson());
    RL_FUZZ_CHECK(again.ok(), again.error().toString());
    RL_FUZZ_CHECK(*again == *r, QString::fromUtf8(QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact)));
    if (const Error e = RequestValidator::validate(*r))
        fuzz::checkError(e);
    return 0;
}
