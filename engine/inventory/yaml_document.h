#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

class YamlDocument;

// One value of a YamlDocument. It offers the part of yaml-cpp's YAML::Node interface the Nornir
// reader uses, under the same names, so the reader reads as it would with YAML::Node.
class YamlNode
{
public:
    struct Entry;
    class Iterator;

    YamlNode() = default;

    bool IsDefined() const { return m_doc != nullptr; }
    explicit operator bool() const { return IsDefined(); }
    bool IsNull() const;
    bool IsScalar() const;
    bool IsSequence() const;
    bool IsMap() const;
    // The text of a scalar; empty for anything else.
    std::string_view Scalar() const;
    // 1-based line where the value starts; 0 when unknown.
    int line() const;
    // A map's member by its key (the first when a key repeats); undefined when there is none.
    YamlNode operator[](std::string_view key) const;
    // yaml-cpp's readings of a scalar: integers in C notation (0x1f, 017), booleans as
    // y/yes/true/on and n/no/false/off in lower, upper or capitalised case.
    std::optional<long long> toInteger() const;
    std::optional<bool> toBool() const;

    // Maps iterate over Entry{first: key, second: value}; sequences over their elements.
    Iterator begin() const;
    Iterator end() const;

private:
    friend class YamlDocument;
    YamlNode(const YamlDocument *doc, quint32 index) : m_doc(doc), m_index(index) {}

    const YamlDocument *m_doc = nullptr;
    quint32 m_index = 0;
};

struct YamlNode::Entry : YamlNode {
    YamlNode first;
    YamlNode second;
};

class YamlNode::Iterator
{
public:
    Entry operator*() const;
    Iterator &operator++()
    {
        m_pos += m_step;
        return *this;
    }
    bool operator!=(const Iterator &o) const { return m_pos != o.m_pos; }

private:
    friend class YamlNode;
    Iterator(const YamlDocument *doc, quint32 pos, quint32 step) : m_doc(doc), m_pos(pos), m_step(step) {}
    const YamlDocument *m_doc;
    quint32 m_pos;  // into the document's child list
    quint32 m_step; // 2 for maps (key, value), 1 for sequences
};

// The first YAML document of a text, parsed with yaml-cpp's event parser into one compact
// array (about 16 bytes per value plus its text; yaml-cpp's own node tree takes some 400), with
// bounds checked while it is read:
//   - nesting deeper than maxDepth is refused;
//   - an alias of an anchored value counts as every value under it, and the values the
//     aliases make may not exceed aliasAllowance plus aliasFactor times the values written
//     (a "billion laughs" of nested aliases is refused before anything walks it);
//   - an alias inside the value it names (a loop) is refused.
// Aliases share the anchored value; nothing is copied.
class YamlDocument
{
public:
    struct Limits {
        int maxDepth = 64;
        quint64 aliasAllowance = 100000;
        quint64 aliasFactor = 16;
    };
    // Thrown for input over a bound; yaml-cpp's YAML::Exception for input that is no YAML.
    struct Refused {
        int line; // 1-based
        QString problem;
    };

    static YamlDocument parse(const QByteArray &utf8, const Limits &limits);
    // The document's top value; a null one for an empty text.
    YamlNode root() const { return YamlNode(this, 0); }

private:
    friend class YamlNode;
    friend class YamlBuilder;
    enum class Type : quint8 { Null, Scalar, Sequence, Map };
    struct Item {
        Type type = Type::Null;
        int line = 0;
        quint32 first = 0; // scalar: offset in m_text; container: offset in m_children
        quint32 count = 0; // scalar: length; container: children (twice the members of a map)
    };

    std::vector<Item> m_items;
    std::vector<quint32> m_children;
    std::string m_text;
};

} // namespace rl
