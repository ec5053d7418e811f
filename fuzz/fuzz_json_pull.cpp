// The JSON pull reader (engine/vendors/common/json_pull.h) on any bytes.
// Two walks of the same text: the structured one a route-table reader does (enter, member,
// item, string, number, literal, wrappedString) and skip() of the whole value. They must agree
// on whether the text is one valid JSON document, and neither may read outside it (the text
// is libFuzzer's own buffer, an allocation of exactly its size: ASan sees any over-read).

#include "fuzz/fuzz_support.h"

#include "engine/vendors/common/json_pull.h"

#include <string_view>

using namespace rl;
using jsonpull::Kind;
using jsonpull::Reader;

namespace {

// Reads the value at the cursor with the structured calls. False on an error.
bool walk(Reader &r, int depth)
{
    const Kind k = r.peek();
    if ((k == Kind::Object || k == Kind::Array) && depth == 1024)
        return false; // skip()'s bound: deeper documents are refused
    switch (k) {
    case Kind::Bad:
        return false;
    case Kind::Object: {
        r.enter();
        bool first = true;
        std::string_view key;
        while (r.member(first, key)) {
            std::string_view text;
            // Junos wraps every value as [{"data": "text"}]; try that shape first.
            if (key.size() % 2 == 0 && r.wrappedString("data", text))
                continue;
            if (!r.ok() || !walk(r, depth + 1))
                return false;
        }
        return r.ok();
    }
    case Kind::Array: {
        r.enter();
        bool first = true;
        while (r.item(first))
            if (!walk(r, depth + 1))
                return false;
        return r.ok();
    }
    case Kind::String: {
        std::string_view s;
        return r.string(s);
    }
    case Kind::Number: {
        qint64 v = 0;
        bool integral = false;
        return r.number(v, integral);
    }
    default:
        return r.literal(k);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // libFuzzer's buffer is an allocation of exactly `size` bytes.
    const char *begin = reinterpret_cast<const char *>(data), *end = begin + size;

    Reader walked(begin, end), skipped(begin, end);
    const bool walkOk = walk(walked, 0) && walked.atEnd();
    const bool skipOk = skipped.skip() && skipped.atEnd();
    if (walkOk != skipOk) {
        fuzz::broken("the structured walk and skip() disagree on validity",
                     QStringLiteral("walk %1 (%2), skip %3 (%4)")
                         .arg(walkOk)
                         .arg(QString::fromUtf8(walked.error() ? walked.error() : ""))
                         .arg(skipOk)
                         .arg(QString::fromUtf8(skipped.error() ? skipped.error() : "")));
    }
    for (const Reader *r : {&walked, &skipped}) {
        if (!r->ok())
            RL_FUZZ_CHECK(r->errorAt() >= begin && r->errorAt() <= end, QStringLiteral("error position outside the text"));
        RL_FUZZ_CHECK(r->pos() >= begin && r->pos() <= end, QStringLiteral("cursor outside the text"));
    }
    return 0;
}
