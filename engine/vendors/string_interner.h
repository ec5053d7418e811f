#pragma once

#include <QString>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

// Hands out one implicitly shared QString per distinct text: a full table repeats the same
// AS paths and communities hundreds of thousands of times, and every copy of a shared
// QString costs only its pointer in the record.
//
// Open addressing keyed by the raw bytes (a flat slot array and one byte arena) rather than a
// node-based map: a full table makes millions of lookups, and each node hop is a cache miss.
class StringInterner final
{
public:
    // The returned reference is valid until the next call; copy it (cheap) into the record.
    const QString &intern(std::string_view text)
    {
        if (text.empty())
            return m_empty;
        if (m_slots.empty())
            grow();
        const quint64 h = hash(text);
        size_t mask = m_slots.size() - 1;
        size_t i = size_t(h) & mask;
        for (;; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.entry == 0)
                break;
            if (s.hash == h && s.size == text.size() && sameBytes(m_bytes.data() + m_entries[s.entry - 1].offset, text.data(), text.size()))
                return m_entries[s.entry - 1].value;
        }
        // A new text: the table grows (and the free slot moves) only here, not on every lookup.
        if ((m_entries.size() + 1) * 2 > m_slots.size()) {
            grow();
            mask = m_slots.size() - 1;
            for (i = size_t(h) & mask; m_slots[i].entry != 0; i = (i + 1) & mask) {
            }
        }
        const size_t offset = m_bytes.size();
        m_bytes.append(text.data(), text.size());
        m_entries.push_back({offset, QString::fromUtf8(text.data(), qsizetype(text.size()))});
        m_slots[i] = {h, quint32(m_entries.size()), quint32(text.size())};
        return m_entries.back().value;
    }
    size_t size() const { return m_entries.size(); }

private:
    struct Slot {
        quint64 hash = 0;
        quint32 entry = 0; // 1-based index into m_entries; 0: empty
        quint32 size = 0;  // the text's length (texts are AS paths and names, far below 4 GiB)
    };
    struct Entry {
        size_t offset;
        QString value;
    };

    static quint64 load8(const char *p)
    {
        quint64 v;
        std::memcpy(&v, p, 8);
        return v;
    }

    // Inline word compare: most texts are 10-60 bytes, where a call to memcmp costs more than
    // the comparison.
    static bool sameBytes(const char *a, const char *b, size_t n)
    {
        if (n >= 8) {
            for (size_t i = 0; i + 8 <= n; i += 8) {
                if (load8(a + i) != load8(b + i))
                    return false;
            }
            return load8(a + n - 8) == load8(b + n - 8); // the last, overlapping word
        }
        for (size_t i = 0; i < n; ++i) {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }

    // One multiply per word; the final fold brings the high bits, which every input bit
    // reaches, down to the low bits the slot index uses.
    static quint64 hash(std::string_view s)
    {
        const char *p = s.data();
        const size_t n = s.size();
        quint64 h = 0x9e3779b97f4a7c15ULL ^ n;
        if (n >= 8) {
            size_t i = 0;
            for (; i + 8 <= n; i += 8)
                h = (h ^ load8(p + i)) * 0xbf58476d1ce4e5b9ULL;
            if (i != n)
                h = (h ^ load8(p + n - 8)) * 0x94d049bb133111ebULL;
        } else {
            quint64 v = 0;
            for (size_t i = 0; i < n; ++i)
                v = v << 8 | quint8(p[i]);
            h = (h ^ v) * 0x94d049bb133111ebULL;
        }
        h *= 0xff51afd7ed558ccdULL;
        return h ^ (h >> 32);
    }

    void grow()
    {
        std::vector<Slot> table(m_slots.empty() ? 1024 : m_slots.size() * 2);
        const size_t mask = table.size() - 1;
        for (const Slot &s : m_slots) {
            if (s.entry == 0)
                continue;
            size_t i = size_t(s.hash) & mask;
            while (table[i].entry != 0)
                i = (i + 1) & mask;
            table[i] = s;
        }
        m_slots.swap(table);
    }

    std::vector<Slot> m_slots;
    std::vector<Entry> m_entries;
    std::string m_bytes;
    QString m_empty;
};

} // namespace rl
