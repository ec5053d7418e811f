#pragma once

#include "engine/vendors/common/big_list.h"

#include <QString>

#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace rl {

// Hands out one implicitly shared QString per distinct text: a full table repeats the same
// AS paths and communities hundreds of thousands of times, and every copy of a shared
// QString costs only its pointer in the record.
//
// Open addressing over one flat slot array. A slot holds the text's hash and the QString
// itself, and a lookup compares the text against the QString's own UTF-16 characters: with
// 300,000 distinct paths in a full table every lookup lands on memory no cache holds, and
// this way it touches two places (the slot, then the string, whose reference count the
// record's copy increments next to the characters just read) instead of four (slot, entry,
// byte arena, string).
//
// Texts are ASCII in practice (AS paths, communities, interface names). A text with a byte
// above 0x7f is decoded and returned without being interned, so the widened comparison never
// has to reason about UTF-8.
class StringInterner final
{
public:
    // The returned reference is valid until the next call; copy it (cheap) into the record.
    const QString &intern(std::string_view text)
    {
        if (text.empty())
            return m_empty;
        bool ascii = true;
        const quint64 h = hash(text, ascii);
        if (!ascii) {
            m_scratch = QString::fromUtf8(text.data(), qsizetype(text.size()));
            return m_scratch;
        }
        return find(text.data(), text.size(), h);
    }

    // Deferred interning, for tables of many rows. push() hashes the text and asks the CPU
    // for its slot; the lookup itself runs some pushes later, when the slot (and, asked for
    // halfway, the string it points at) has arrived, and hands the string to
    // assign(row, string). Up to kDepth lookups wait at once, so their memory latencies
    // overlap instead of stalling one after the other. flush() finishes the waiting ones;
    // call it before reading the rows. The texts must stay valid until then.
    template<typename Assign>
    void push(std::string_view text, quint32 row, Assign &&assign)
    {
        if (text.empty()) {
            assign(row, m_empty);
            return;
        }
        bool ascii = true;
        const quint64 h = hash(text, ascii);
        if (!ascii) {
            assign(row, QString::fromUtf8(text.data(), qsizetype(text.size())));
            return;
        }
        if (m_slots.empty())
            grow();
        __builtin_prefetch(&m_slots[size_t(h) & (m_slots.size() - 1)]);
        m_pending[(m_head + m_waiting) % kDepth] = {text.data(), quint32(text.size()), row, h};
        ++m_waiting;
        if (m_waiting > kDepth / 2) {
            // The one pushed kDepth/2 ago: its slot should be here; ask for its string.
            const Pending &half = m_pending[(m_head + m_waiting - 1 - kDepth / 2) % kDepth];
            const Slot &s = m_slots[size_t(half.hash) & (m_slots.size() - 1)];
            if (s.hash == half.hash) {
                const char *chars = reinterpret_cast<const char *>(s.value.constData());
                __builtin_prefetch(chars - 16); // the reference count the record's copy updates
                __builtin_prefetch(chars + 48);
            }
        }
        if (m_waiting == kDepth)
            complete(assign);
    }
    template<typename Assign>
    void flush(Assign &&assign)
    {
        while (m_waiting)
            complete(assign);
    }

    // Distinct texts held.
    size_t size() const { return m_count; }

private:
    static constexpr unsigned kDepth = 16;
    struct Pending {
        const char *text;
        quint32 size;
        quint32 row;
        quint64 hash;
    };

    template<typename Assign>
    void complete(Assign &assign)
    {
        const Pending &e = m_pending[m_head];
        m_head = (m_head + 1) % kDepth;
        --m_waiting;
        assign(e.row, find(e.text, e.size, e.hash));
    }

    // The string for an ASCII text with hash h, added when new.
    const QString &find(const char *text, size_t n, quint64 h)
    {
        if (m_slots.empty())
            grow();
        size_t mask = m_slots.size() - 1;
        size_t i = size_t(h) & mask;
        for (;; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.hash == 0)
                break;
            if (s.hash == h && size_t(s.value.size()) == n && sameText(reinterpret_cast<const char16_t *>(s.value.constData()), text, n))
                return s.value;
        }
        // A new text: the table grows (and the free slot moves) only here, not on every lookup.
        if ((m_count + 1) * 4 > m_slots.size() * 3) {
            grow();
            mask = m_slots.size() - 1;
            for (i = size_t(h) & mask; m_slots[i].hash != 0; i = (i + 1) & mask) {
            }
        }
        Slot &s = m_slots[i];
        s.hash = h;
        s.value = QString::fromLatin1(text, qsizetype(n));
        ++m_count;
        return s.value;
    }

    struct Slot {
        quint64 hash = 0; // 0: empty (hash() never returns 0)
        QString value;
    };

    static quint64 load8(const char *p)
    {
        quint64 v;
        std::memcpy(&v, p, 8);
        return v;
    }

    // The ASCII text against the string's UTF-16 characters, 8 at a time (the last 8
    // overlapping), inline: most texts are 10-60 bytes.
    static bool sameText(const char16_t *u, const char *b, size_t n)
    {
#ifdef __SSE2__
        if (n >= 8) {
            const __m128i zero = _mm_setzero_si128();
            auto same8 = [&](size_t at) {
                const __m128i wide = _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(b + at)), zero);
                const __m128i have = _mm_loadu_si128(reinterpret_cast<const __m128i *>(u + at));
                return _mm_movemask_epi8(_mm_cmpeq_epi16(wide, have)) == 0xffff;
            };
            for (size_t i = 0; i + 8 <= n; i += 8) {
                if (!same8(i))
                    return false;
            }
            return same8(n - 8);
        }
#endif
        for (size_t i = 0; i < n; ++i) {
            if (u[i] != char16_t(quint8(b[i])))
                return false;
        }
        return true;
    }

    // One multiply per word; the final fold brings the high bits, which every input bit
    // reaches, down to the low bits the slot index uses. Also tells whether the text is ASCII.
    static quint64 hash(std::string_view s, bool &ascii)
    {
        const char *p = s.data();
        const size_t n = s.size();
        quint64 h = 0x9e3779b97f4a7c15ULL ^ n;
        quint64 high = 0;
        if (n >= 8) {
            size_t i = 0;
            for (; i + 8 <= n; i += 8) {
                const quint64 w = load8(p + i);
                high |= w;
                h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
            }
            if (i != n) {
                const quint64 w = load8(p + n - 8);
                high |= w;
                h = (h ^ w) * 0x94d049bb133111ebULL;
            }
        } else {
            quint64 v = 0;
            for (size_t i = 0; i < n; ++i)
                v = v << 8 | quint8(p[i]);
            high = v;
            h = (h ^ v) * 0x94d049bb133111ebULL;
        }
        ascii = (high & 0x8080808080808080ULL) == 0;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
        return h ? h : 1;
    }

    void grow()
    {
        std::vector<Slot, HugePageAllocator<Slot>> table(m_slots.empty() ? 1024 : m_slots.size() * 2);
        const size_t mask = table.size() - 1;
        for (Slot &s : m_slots) {
            if (s.hash == 0)
                continue;
            size_t i = size_t(s.hash) & mask;
            while (table[i].hash != 0)
                i = (i + 1) & mask;
            table[i] = std::move(s);
        }
        m_slots.swap(table);
    }

    std::vector<Slot, HugePageAllocator<Slot>> m_slots; // 16 MB for a full table's paths
    size_t m_count = 0;
    QString m_empty;
    QString m_scratch;
    Pending m_pending[kDepth];
    unsigned m_head = 0, m_waiting = 0;
};

} // namespace rl
