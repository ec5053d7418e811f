#pragma once

// A validating pull reader for one JSON document in a contiguous buffer, for the big route
// tables (route_table_json.cpp). The caller walks the document in order: it asks what the
// next value is, enters objects and arrays, reads the scalars it needs and skips the rest.
//
// Why not simdjson On-Demand: On-Demand first indexes the whole document (stage 1), into a
// buffer of one 32-bit index per input byte. For a 400 MB full table that buffer is 1.6 GB of
// address space, freshly faulted in on every parse (it is released after big documents so a
// worker does not keep it), and stage 1 plus those page faults were 40 % of the EOS parse.
// This reader keeps no index: one pass, nothing allocated but unescaped strings.
//
// Everything is checked as it is read, also in skipped values: structure and nesting, the
// string grammar (escapes, no raw control characters, UTF-8), numbers and literals. The first
// failure stops the reader; error() and errorAt() say what and where. No padding is needed
// after the document: 16-byte loads run only where 16 bytes remain.

#include <QtGlobal>

#include <charconv>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace rl::jsonpull {

enum class Kind : quint8 { Object, Array, String, Number, True, False, Null, Bad };

class Reader final
{
public:
    Reader() = default;
    Reader(const char *begin, const char *end) : m_p(begin), m_end(end) {}

    bool ok() const { return m_error == nullptr; }
    // What went wrong ("a string is not closed"), nullptr while all is well.
    const char *error() const { return m_error; }
    const char *errorAt() const { return m_errorAt; }
    // The cursor: a value that was read or skipped moves it.
    const char *pos() const { return m_p; }

    // The kind of the value at the cursor (blanks skipped). Bad, with an error, at the end of
    // the text or at a byte no value starts with.
    __attribute__((always_inline)) Kind peek()
    {
        blanks();
        if (m_p == m_end)
            return badValue();
        const Kind k = kindOf(*m_p);
        return k != Kind::Bad ? k : badValue();
    }

    // Opens the object or array at the cursor (peek() said so).
    void enter() { ++m_p; }

    // The next member of the object entered last: true with its name in key and the cursor at
    // its value; false after the closing brace, or on an error. `first` starts true and is
    // kept by the caller, one per object.
    __attribute__((always_inline)) bool member(bool &first, std::string_view &key)
    {
        if (!next(first, '}', "the document ends inside an object", "expected ',' or '}' after a member") || !memberName(key))
            return false;
        blanks();
        return true;
    }

    // The next item of the array entered last: true with the cursor at it; false after the
    // closing bracket, or on an error.
    __attribute__((always_inline)) bool item(bool &first)
    {
        return next(first, ']', "the document ends inside an array", "expected ',' or ']' after an item");
    }

    // The string at the cursor (peek() said String), unescaped. In place when it has no
    // escapes; else in the reader's own storage, which lives as long as the reader.
    __attribute__((always_inline)) bool string(std::string_view &out)
    {
        const char *start = ++m_p;
#ifdef __SSE2__
        const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
        while (m_end - m_p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_p));
            // Signed compare: below 0x20 are control characters, negative are non-ASCII bytes.
            const unsigned m = unsigned(_mm_movemask_epi8(
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)), _mm_cmplt_epi8(v, space))));
            if (m) {
                m_p += __builtin_ctz(m);
                if (*m_p == '"') {
                    out = std::string_view(start, size_t(m_p - start));
                    ++m_p;
                    return true;
                }
                return slowString(start, out);
            }
            m_p += 16;
        }
#endif
        for (; m_p < m_end; ++m_p) {
            const char c = *m_p;
            if (c == '"') {
                out = std::string_view(start, size_t(m_p - start));
                ++m_p;
                return true;
            }
            if (c == '\\' || quint8(c) < 0x20 || quint8(c) >= 0x80)
                return slowString(start, out);
        }
        return fail("a string is not closed");
    }

    // The number at the cursor (peek() said Number), checked against the JSON grammar. An
    // integer that fits is exact; others go through double.
    bool number(qint64 &out, bool &integral)
    {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || unsigned(*m_p - '0') > 9)
            return fail("a number has no digits");
        const char *digits = m_p;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && unsigned(*m_p - '0') <= 9)
                ++m_p;
        }
        const char *intEnd = m_p;
        integral = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || unsigned(*m_p - '0') > 9)
                return fail("a number has no digits after its point");
            while (m_p < m_end && unsigned(*m_p - '0') <= 9)
                ++m_p;
            integral = false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || unsigned(*m_p - '0') > 9)
                return fail("a number has no digits in its exponent");
            while (m_p < m_end && unsigned(*m_p - '0') <= 9)
                ++m_p;
            integral = false;
        }
        if (integral && intEnd - digits <= 18) {
            qint64 v = 0;
            for (const char *d = digits; d < intEnd; ++d)
                v = v * 10 + (*d - '0');
            out = *start == '-' ? -v : v;
            return true;
        }
        if (integral && *start != '-') {
            quint64 u = 0;
            if (std::from_chars(digits, intEnd, u).ec == std::errc() && u <= quint64(std::numeric_limits<qint64>::max())) {
                out = qint64(u);
                return true;
            }
        }
        double d = 0;
        std::from_chars(start, m_p, d); // out of range: d stays 0 or becomes inf; clamped below
        integral = false;
        if (!(d == d))
            out = -1;
        else if (d >= 9.2e18)
            out = std::numeric_limits<qint64>::max();
        else if (d <= -9.2e18)
            out = std::numeric_limits<qint64>::min();
        else
            out = qint64(d);
        return true;
    }

    // The wrapped string [{"<name>": "text"}] at the cursor (Junos prints every value so):
    // true with the text and the cursor after the "]". False with the cursor unmoved when the
    // value has another shape, for the general walk to read; false with an error when the
    // string itself is broken.
    template<size_t N>
    bool wrappedString(const char (&name)[N], std::string_view &out)
    {
        constexpr size_t n = N - 1;
        const char *const mark = m_p;
        auto expect = [&](char c) __attribute__((always_inline)) {
            blanks();
            if (m_p == m_end || *m_p != c)
                return false;
            ++m_p;
            return true;
        };
        if (!expect('[') || !expect('{') || !expect('"'))
            return restore(mark);
        if (size_t(m_end - m_p) <= n || std::memcmp(m_p, name, n) != 0 || m_p[n] != '"')
            return restore(mark);
        m_p += n + 1;
        if (!expect(':'))
            return restore(mark);
        blanks();
        if (m_p == m_end || *m_p != '"')
            return restore(mark);
        std::string_view text;
        if (!string(text))
            return false;
        if (!expect('}') || !expect(']'))
            return restore(mark);
        out = text;
        return true;
    }

    // true, false or null at the cursor (peek() said which).
    bool literal(Kind k)
    {
        const std::string_view word = k == Kind::True ? "true" : k == Kind::False ? "false" : "null";
        if (size_t(m_end - m_p) < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0)
            return fail("a word that is not true, false or null");
        m_p += word.size();
        return true;
    }

    // Skips the value at the cursor, whatever it is, checking all of it.
    bool skip()
    {
        // Open containers as bits, 1 for an object: deep enough for any router's answer.
        constexpr int kMaxDepth = 1024;
        quint64 open[kMaxDepth / 64];
        int depth = 0;
        std::string_view name;
        for (;;) {
            // A value.
            const Kind k = peek();
            switch (k) {
            case Kind::Bad:
                return false;
            case Kind::Object:
            case Kind::Array: {
                if (depth == kMaxDepth)
                    return fail("the document is nested more than 1024 levels deep");
                const bool object = k == Kind::Object;
                open[depth / 64] = (open[depth / 64] & ~(quint64(1) << (depth % 64))) | (quint64(object) << (depth % 64));
                ++depth;
                ++m_p;
                blanks();
                if (m_p == m_end)
                    return fail("the document ends inside an object or array");
                if (*m_p == (object ? '}' : ']')) {
                    ++m_p;
                    --depth;
                    break; // an empty container: a value read
                }
                if (object && !memberName(name))
                    return false;
                continue; // its first value
            }
            case Kind::String: {
                std::string_view s;
                if (!string(s))
                    return false;
                break;
            }
            case Kind::Number: {
                qint64 v;
                bool integral;
                if (!number(v, integral))
                    return false;
                break;
            }
            default:
                if (!literal(k))
                    return false;
                break;
            }
            // After a value: the next one in the open container, or its end.
            for (;;) {
                if (depth == 0)
                    return true;
                const bool object = open[(depth - 1) / 64] >> ((depth - 1) % 64) & 1;
                blanks();
                if (m_p == m_end)
                    return fail("the document ends inside an object or array");
                if (*m_p == ',') {
                    ++m_p;
                    if (object && !memberName(name))
                        return false;
                    break;
                }
                if (*m_p != (object ? '}' : ']'))
                    return fail(object ? "expected ',' or '}' after a member" : "expected ',' or ']' after an item");
                ++m_p;
                --depth;
            }
        }
    }

    // Blanks after the document's value: true when nothing else follows.
    bool atEnd()
    {
        blanks();
        if (m_p != m_end)
            return fail("something follows the document");
        return true;
    }

    bool restore(const char *mark)
    {
        m_p = mark;
        return false;
    }

    __attribute__((cold, noinline)) bool fail(const char *why)
    {
        if (!m_error) {
            m_error = why;
            m_errorAt = m_p;
        }
        m_p = m_end; // nothing more is read
        return false;
    }

private:
    static bool blank(char c)
    {
        // One compare and one bit test: space, tab, newline, carriage return.
        return quint8(c) <= ' ' && ((quint64(1) << quint8(c)) & ((quint64(1) << ' ') | (1u << '\t') | (1u << '\n') | (1u << '\r')));
    }
    static Kind kindOf(char c)
    {
        switch (c) {
        case '{': return Kind::Object;
        case '[': return Kind::Array;
        case '"': return Kind::String;
        case 't': return Kind::True;
        case 'f': return Kind::False;
        case 'n': return Kind::Null;
        case '-':
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            return Kind::Number;
        default:
            return Kind::Bad;
        }
    }
    __attribute__((cold, noinline)) Kind badValue()
    {
        fail(m_p == m_end ? "the document ends where a value should follow" : "a value was expected here");
        return Kind::Bad;
    }

    // Inline for the common cases, no blank at all or one space ("a": 1); runs of blanks
    // out of line.
    __attribute__((always_inline)) void blanks()
    {
        if (m_p == m_end || !blank(*m_p))
            return;
        if (*m_p == ' ' && m_end - m_p > 1 && !blank(m_p[1])) {
            ++m_p;
            return;
        }
#ifdef __SSE2__
        // A line break and its indentation: the first 32 blanks here, longer runs out of line.
        if (m_end - m_p > 33) {
            const __m128i sp = _mm_set1_epi8(' ');
            const char *p = m_p + 1;
            for (int i = 0; i < 2; ++i, p += 16) {
                const unsigned other = ~unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), sp))) & 0xffffu;
                if (other) {
                    p += __builtin_ctz(other);
                    if (!blank(*p)) {
                        m_p = p;
                        return;
                    }
                    break;
                }
            }
            if (p == m_p + 33)
                m_p = p - 1; // 32 spaces read: the rest of the run from there
        }
#endif
        blankRun();
    }
    __attribute__((noinline)) void blankRun() { m_p = blankRunAt(m_p + 1, m_end); }

    // Pretty-printed tables indent every line: runs of blanks are long, and nearly all spaces.
    // Blocks compare spaces only; a run's other blanks (the next line's newline) are stepped
    // over one at a time. 32-byte blocks where the CPU has AVX2 (chosen at run time: the
    // build targets baseline x86-64).
    static const char *blankRunAt(const char *p, const char *end)
    {
#if defined(__x86_64__) && defined(__GNUC__)
        if (s_avx2)
            return blankRunAvx2(p, end);
#endif
        return blankRunSse2(p, end);
    }

public:
    // The end of the blanks from p (public for the tests, which run both on any CPU with AVX2).
    static const char *blankRunSse2(const char *p, const char *end)
    {
#ifdef __SSE2__
        const __m128i sp = _mm_set1_epi8(' ');
        while (end - p >= 16) {
            const unsigned m = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), sp)));
            if (m == 0xffff) {
                p += 16;
                continue;
            }
            p += __builtin_ctz(~m);
            if (!blank(*p))
                return p;
            ++p;
        }
#endif
        while (p < end && blank(*p))
            ++p;
        return p;
    }
#if defined(__x86_64__) && defined(__GNUC__)
    __attribute__((target("avx2"))) static const char *blankRunAvx2(const char *p, const char *end)
    {
        const __m256i sp = _mm256_set1_epi8(' ');
        while (end - p >= 32) {
            const unsigned m = unsigned(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(p)), sp)));
            if (m == 0xffffffffu) {
                p += 32;
                continue;
            }
            p += __builtin_ctz(~m);
            if (!blank(*p))
                return p;
            ++p;
        }
        while (p < end && blank(*p))
            ++p;
        return p;
    }
#endif

private:
#if defined(__x86_64__) && defined(__GNUC__)
    static inline const bool s_avx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));
#endif

    // Past the comma before the next element of the open object or array (none before the
    // first): true at the element, false after the closer or on an error. (A closer right
    // after a comma is refused by what reads the element.)
    __attribute__((always_inline)) bool next(bool &first, char closer, const char *cut, const char *noComma)
    {
        blanks();
        if (m_p == m_end)
            return fail(cut);
        if (*m_p == closer) {
            ++m_p;
            return false;
        }
        if (!first) {
            if (*m_p != ',')
                return fail(noComma);
            ++m_p;
            blanks();
        }
        first = false;
        return true;
    }

    // A member name and its colon, the cursor then just after the colon.
    __attribute__((always_inline)) bool memberName(std::string_view &key)
    {
        blanks();
        if (m_p == m_end || *m_p != '"')
            return fail(m_p == m_end ? "the document ends inside an object" : "expected a member name in quotes");
        if (!string(key))
            return false;
        blanks();
        if (m_p == m_end || *m_p != ':')
            return fail("expected ':' after a member name");
        ++m_p;
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool hex4(const char *p, unsigned &v)
    {
        if (m_end - p < 4)
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(p[i]);
            if (h < 0)
                return false;
            v = v << 4 | unsigned(h);
        }
        return true;
    }

    // Length of the valid UTF-8 sequence at p (first byte >= 0x80), 0 when invalid:
    // no overlong forms, no surrogates, nothing above U+10FFFF.
    size_t utf8Sequence(const char *p) const
    {
        const quint8 b0 = quint8(p[0]);
        auto cont = [&](ptrdiff_t i) { return m_end - p > i && (quint8(p[i]) & 0xc0) == 0x80; };
        if (b0 >= 0xc2 && b0 <= 0xdf)
            return cont(1) ? 2 : 0;
        if (b0 >= 0xe0 && b0 <= 0xef) {
            if (!cont(1) || !cont(2))
                return 0;
            const quint8 b1 = quint8(p[1]);
            if ((b0 == 0xe0 && b1 < 0xa0) || (b0 == 0xed && b1 >= 0xa0))
                return 0;
            return 3;
        }
        if (b0 >= 0xf0 && b0 <= 0xf4) {
            if (!cont(1) || !cont(2) || !cont(3))
                return 0;
            const quint8 b1 = quint8(p[1]);
            if ((b0 == 0xf0 && b1 < 0x90) || (b0 == 0xf4 && b1 >= 0x90))
                return 0;
            return 4;
        }
        return 0;
    }

    static void appendUtf8(std::string &s, unsigned cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xc0 | cp >> 6);
            s += char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            s += char(0xe0 | cp >> 12);
            s += char(0x80 | (cp >> 6 & 0x3f));
            s += char(0x80 | (cp & 0x3f));
        } else {
            s += char(0xf0 | cp >> 18);
            s += char(0x80 | (cp >> 12 & 0x3f));
            s += char(0x80 | (cp >> 6 & 0x3f));
            s += char(0x80 | (cp & 0x3f));
        }
    }

    // A string with escapes, control characters or non-ASCII bytes, from its first character.
    __attribute__((noinline)) bool slowString(const char *start, std::string_view &out)
    {
        std::string decoded;
        bool escaped = false;
        const char *p = start;
        while (p < m_end) {
            const char c = *p;
            if (c == '"') {
                m_p = p + 1;
                if (!escaped) {
                    out = std::string_view(start, size_t(p - start));
                    return true;
                }
                m_strings.push_back(std::make_unique<std::string>(std::move(decoded)));
                out = *m_strings.back();
                return true;
            }
            if (quint8(c) < 0x20) {
                m_p = p;
                return fail("a string holds a raw control character");
            }
            if (quint8(c) >= 0x80) {
                const size_t n = utf8Sequence(p);
                if (!n) {
                    m_p = p;
                    return fail("a string is not valid UTF-8");
                }
                if (escaped)
                    decoded.append(p, n);
                p += n;
                continue;
            }
            if (c != '\\') {
                if (escaped)
                    decoded += c;
                ++p;
                continue;
            }
            if (!escaped) {
                decoded.assign(start, size_t(p - start));
                escaped = true;
            }
            if (m_end - p < 2)
                break;
            const char e = p[1];
            p += 2;
            switch (e) {
            case '"': decoded += '"'; break;
            case '\\': decoded += '\\'; break;
            case '/': decoded += '/'; break;
            case 'b': decoded += '\b'; break;
            case 'f': decoded += '\f'; break;
            case 'n': decoded += '\n'; break;
            case 'r': decoded += '\r'; break;
            case 't': decoded += '\t'; break;
            case 'u': {
                unsigned cp;
                if (!hex4(p, cp)) {
                    m_p = p;
                    return fail("a \\u escape without four hex digits");
                }
                p += 4;
                if (cp >= 0xdc00 && cp <= 0xdfff) {
                    m_p = p;
                    return fail("a \\u escape is a lone low surrogate");
                }
                if (cp >= 0xd800 && cp <= 0xdbff) {
                    unsigned low;
                    if (m_end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, low) || low < 0xdc00 || low > 0xdfff) {
                        m_p = p;
                        return fail("a \\u escape is a high surrogate without its low half");
                    }
                    p += 6;
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                }
                appendUtf8(decoded, cp);
                break;
            }
            default:
                m_p = p - 1;
                return fail("a string holds an unknown escape");
            }
        }
        m_p = m_end;
        return fail("a string is not closed");
    }

    const char *m_p = nullptr;
    const char *m_end = nullptr;
    const char *m_error = nullptr;
    const char *m_errorAt = nullptr;
    // Unescaped strings: each its own allocation, so views handed out stay valid.
    std::vector<std::unique_ptr<std::string>> m_strings;
};

} // namespace rl::jsonpull
