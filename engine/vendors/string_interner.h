#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>

namespace rl {

// Hands out one implicitly shared QString per distinct text: a full table repeats the same
// AS paths and communities hundreds of thousands of times, and every copy of a shared
// QString costs only its pointer in the record.
class StringInterner final
{
public:
    const QString &intern(std::string_view text)
    {
        if (text.empty())
            return m_empty;
        const auto it = m_map.find(text);
        if (it != m_map.end())
            return it->second;
        return m_map.emplace(std::string(text), QString::fromUtf8(text.data(), qsizetype(text.size())))
            .first->second;
    }
    size_t size() const { return m_map.size(); }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_map;
    QString m_empty;
};

} // namespace rl
