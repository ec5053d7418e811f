#include "engine/inventory/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <array>
#include <sstream>

namespace rl {

// Builds a YamlDocument from yaml-cpp's parser events, checking the bounds as it goes.
class YamlBuilder final : public YAML::EventHandler
{
public:
    YamlBuilder(YamlDocument &doc, const YamlDocument::Limits &limits) : m_doc(doc), m_limits(limits) {}

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        leaf(mark, anchor, YamlDocument::Item{YamlDocument::Type::Null, lineAt(mark), 0, 0});
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, const std::string &value) override
    {
        const quint32 offset = quint32(m_doc.m_text.size());
        m_doc.m_text += value;
        leaf(mark, anchor, YamlDocument::Item{YamlDocument::Type::Scalar, lineAt(mark), offset, quint32(value.size())});
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (anchor >= m_anchors.size() || !m_anchors[anchor].known)
            throw YamlDocument::Refused{lineAt(mark), QStringLiteral("an alias here names no anchor.")};
        const Anchor &a = m_anchors[anchor];
        if (a.open)
            throw YamlDocument::Refused{lineAt(mark), QStringLiteral("the alias here is inside the value it names, so "
                                                                     "it never ends; write the values out instead.")};
        count(mark, a.weight);
        m_pending.push_back(a.item); // shared, not copied
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor, YamlDocument::Type::Sequence);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, anchor, YamlDocument::Type::Map);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        quint32 item = 0;
        YAML::anchor_t anchor = 0;
        quint64 weight = 1;      // the values this one stands for, aliases expanded
        size_t pendingStart = 0; // where its children start in m_pending
    };
    struct Anchor {
        quint32 item = 0;
        quint64 weight = 1;
        bool known = false;
        bool open = false;
    };

    static int lineAt(const YAML::Mark &mark) { return mark.line >= 0 ? mark.line + 1 : 0; }

    void count(const YAML::Mark &mark, quint64 weight)
    {
        if (!m_stack.empty())
            m_stack.back().weight += weight;
        m_expanded += weight;
        if (m_expanded > m_limits.aliasAllowance + m_limits.aliasFactor * m_written)
            throw YamlDocument::Refused{
                lineAt(mark), QStringLiteral("the aliases (*name) of this file repeat more than %1 values from the %2 "
                                             "written ones, here. RouterLens reads at most %3 times the written values "
                                             "plus %4: write the values out, or nest fewer aliases.")
                                  .arg(m_expanded)
                                  .arg(m_written)
                                  .arg(m_limits.aliasFactor)
                                  .arg(m_limits.aliasAllowance)};
    }

    Anchor &anchorAt(YAML::anchor_t anchor)
    {
        if (anchor >= m_anchors.size())
            m_anchors.resize(anchor + 1);
        return m_anchors[anchor];
    }

    quint32 add(const YamlDocument::Item &item)
    {
        m_doc.m_items.push_back(item);
        return quint32(m_doc.m_items.size() - 1);
    }

    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor, const YamlDocument::Item &item)
    {
        ++m_written;
        count(mark, 1);
        const quint32 index = add(item);
        m_pending.push_back(index);
        if (anchor != 0)
            anchorAt(anchor) = Anchor{index, 1, true, false};
    }

    void open(const YAML::Mark &mark, YAML::anchor_t anchor, YamlDocument::Type type)
    {
        if (m_stack.size() >= size_t(m_limits.maxDepth))
            throw YamlDocument::Refused{lineAt(mark),
                                        QStringLiteral("the file is nested more than %1 levels deep here; a Nornir "
                                                       "hosts file needs five. Check the indentation and the brackets.")
                                            .arg(m_limits.maxDepth)};
        ++m_written;
        ++m_expanded;
        const quint32 index = add(YamlDocument::Item{type, lineAt(mark), 0, 0});
        m_pending.push_back(index);
        m_stack.push_back(Frame{index, anchor, 1, m_pending.size()});
        if (anchor != 0)
            anchorAt(anchor) = Anchor{index, 1, true, true};
    }

    void close()
    {
        if (m_stack.empty())
            return;
        const Frame done = m_stack.back();
        m_stack.pop_back();
        YamlDocument::Item &item = m_doc.m_items[done.item];
        item.first = quint32(m_doc.m_children.size());
        item.count = quint32(m_pending.size() - done.pendingStart);
        m_doc.m_children.insert(m_doc.m_children.end(), m_pending.begin() + qsizetype(done.pendingStart), m_pending.end());
        m_pending.resize(done.pendingStart);
        if (done.anchor != 0) {
            Anchor &a = anchorAt(done.anchor);
            a.open = false;
            a.weight = done.weight;
        }
        if (!m_stack.empty())
            m_stack.back().weight += done.weight;
    }

    YamlDocument &m_doc;
    const YamlDocument::Limits m_limits;
    std::vector<Frame> m_stack;
    std::vector<quint32> m_pending; // children of the open containers, innermost last
    std::vector<Anchor> m_anchors;  // by yaml-cpp's anchor number (1, 2, ...)
    quint64 m_written = 0;
    quint64 m_expanded = 0;
};

YamlDocument YamlDocument::parse(const QByteArray &utf8, const Limits &limits)
{
    YamlDocument doc;
    std::istringstream in(std::string(utf8.constData(), size_t(utf8.size())));
    YAML::Parser parser(in);
    YamlBuilder builder(doc, limits);
    parser.HandleNextDocument(builder);
    if (doc.m_items.empty())
        doc.m_items.push_back(Item{}); // an empty text: a null root, as yaml-cpp's Load gives
    return doc;
}

bool YamlNode::IsNull() const
{
    return m_doc && m_doc->m_items[m_index].type == YamlDocument::Type::Null;
}

bool YamlNode::IsScalar() const
{
    return m_doc && m_doc->m_items[m_index].type == YamlDocument::Type::Scalar;
}

bool YamlNode::IsSequence() const
{
    return m_doc && m_doc->m_items[m_index].type == YamlDocument::Type::Sequence;
}

bool YamlNode::IsMap() const
{
    return m_doc && m_doc->m_items[m_index].type == YamlDocument::Type::Map;
}

std::string_view YamlNode::Scalar() const
{
    if (!IsScalar())
        return {};
    const YamlDocument::Item &item = m_doc->m_items[m_index];
    return std::string_view(m_doc->m_text).substr(item.first, item.count);
}

int YamlNode::line() const
{
    return m_doc ? m_doc->m_items[m_index].line : 0;
}

YamlNode YamlNode::operator[](std::string_view key) const
{
    if (!IsMap())
        return {};
    for (const Entry &kv : *this) {
        if (kv.first.IsScalar() && kv.first.Scalar() == key)
            return kv.second;
    }
    return {};
}

std::optional<long long> YamlNode::toInteger() const
{
    if (!IsScalar())
        return std::nullopt;
    const std::string_view s = Scalar();
    bool ok = false;
    const long long v = QByteArray(s.data(), qsizetype(s.size())).toLongLong(&ok, 0);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<bool> YamlNode::toBool() const
{
    if (!IsScalar())
        return std::nullopt;
    const QString s = QString::fromUtf8(Scalar().data(), qsizetype(Scalar().size()));
    // yaml-cpp's spellings: all lower case, all upper case, or capitalised.
    const QString lower = s.toLower();
    const bool spelled = s == lower || s == s.toUpper() || (s.size() > 1 && s == s.left(1).toUpper() + lower.mid(1));
    if (!spelled)
        return std::nullopt;
    static const std::array<const char *, 4> yes{"y", "yes", "true", "on"};
    static const std::array<const char *, 4> no{"n", "no", "false", "off"};
    for (const char *w : yes) {
        if (lower == QLatin1String(w))
            return true;
    }
    for (const char *w : no) {
        if (lower == QLatin1String(w))
            return false;
    }
    return std::nullopt;
}

YamlNode::Iterator YamlNode::begin() const
{
    if (!IsMap() && !IsSequence())
        return Iterator(m_doc, 0, 1);
    const YamlDocument::Item &item = m_doc->m_items[m_index];
    return Iterator(m_doc, item.first, IsMap() ? 2 : 1);
}

YamlNode::Iterator YamlNode::end() const
{
    if (!IsMap() && !IsSequence())
        return Iterator(m_doc, 0, 1);
    const YamlDocument::Item &item = m_doc->m_items[m_index];
    // A map with an odd child count cannot happen (keys and values alternate).
    return Iterator(m_doc, item.first + item.count, IsMap() ? 2 : 1);
}

YamlNode::Entry YamlNode::Iterator::operator*() const
{
    Entry e;
    if (m_step == 2) {
        e.first = YamlNode(m_doc, m_doc->m_children[m_pos]);
        e.second = YamlNode(m_doc, m_doc->m_children[m_pos + 1]);
    } else {
        static_cast<YamlNode &>(e) = YamlNode(m_doc, m_doc->m_children[m_pos]);
    }
    return e;
}

} // namespace rl
