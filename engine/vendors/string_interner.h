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
        if ((m_entries.size() + 1) * 2 > m_slots.size())
            grow();
        const quint64 h = hash(text);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
            Slot &s = m_slots[i];
            if (s.entry == 0) {
                const size_t offset = m_bytes.size();
                m_bytes.append(text.data(), text.size());
                m_entries.push_back({offset, text.size(), QString::fromUtf8(text.data(), qsizetype(text.size()))});
                s = {h, m_entries.size()};
                return m_entries.back().value;
            }
            if (s.hash == h) {
                const Entry &e = m_entries[s.entry - 1];
                if (e.size == text.size() && std::memcmp(m_bytes.data() + e.offset, text.data(), text.size()) == 0)
                    return e.value;
            }
        }
    }
    size_t size() const { return m_entries.size(); }

private:
    struct Slot {
        quint64 hash = 0;
        size_t entry = 0; // 1-based index into m_entries; 0: empty
    };
    struct Entry {
        size_t offset;
        size_t size;
        QString value;
    };

    static quint64 hash(std::string_view s)
    {
        quint64 h = 0x9e3779b97f4a7c15ULL ^ s.size();
        const char *p = s.data();
        size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            quint64 v;
            std::memcpy(&v, p, 8);
            h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 31;
        }
        if (n) {
            quint64 v = 0;
            std::memcpy(&v, p, n);
            h = (h ^ v) * 0x94d049bb133111ebULL;
        }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        return h ^ (h >> 33);
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
