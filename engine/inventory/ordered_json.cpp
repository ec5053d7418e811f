#include "engine/inventory/ordered_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace rl {

namespace {

QJsonValue scalarValue(const QByteArray &raw)
{
    return QJsonDocument::fromJson("[" + raw + "]").array().at(0);
}

QByteArray scalarText(const QJsonValue &v)
{
    const QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

} // namespace

// A recursive descent over text QJsonDocument already accepted: no error handling beyond
// stopping, and no deeper than the reader allowed (Inventory::MaxNesting).
class OrderedJsonParser
{
public:
    explicit OrderedJsonParser(const QByteArray &text) : m_text(text) {}

    bool value(OrderedJson *out)
    {
        space();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '{' || c == '[') {
            out->m_kind = c == '{' ? OrderedJson::Kind::Object : OrderedJson::Kind::Array;
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            space();
            if (peek() == close) {
                ++m_pos;
                return true;
            }
            for (;;) {
                if (out->m_kind == OrderedJson::Kind::Object) {
                    space();
                    const QByteArray key = stringToken();
                    out->m_keys.push_back(key.contains('\\') ? scalarValue(key).toString()
                                                             : QString::fromUtf8(key.mid(1, key.size() - 2)));
                    space();
                    if (peek() != ':')
                        return false;
                    ++m_pos;
                }
                OrderedJson child;
                if (!value(&child))
                    return false;
                out->m_values.push_back(std::move(child));
                space();
                const char next = peek();
                ++m_pos;
                if (next == close)
                    return true;
                if (next != ',')
                    return false;
            }
        }
        out->m_kind = OrderedJson::Kind::Scalar;
        if (c == '"') {
            out->m_raw = stringToken();
            return true;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text[m_pos]))
            ++m_pos;
        out->m_raw = m_text.mid(start, m_pos - start);
        return !out->m_raw.isEmpty();
    }

    bool atEnd()
    {
        space();
        return m_pos >= m_text.size();
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void space()
    {
        while (m_pos < m_text.size() && QByteArrayView(" \t\r\n").contains(m_text[m_pos]))
            ++m_pos;
    }
    QByteArray stringToken()
    {
        const qsizetype start = m_pos;
        ++m_pos; // the opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

std::optional<OrderedJson> OrderedJson::parse(const QByteArray &text)
{
    OrderedJsonParser parser(text);
    OrderedJson root;
    if (!parser.value(&root) || !parser.atEnd())
        return std::nullopt;
    return root;
}

OrderedJson OrderedJson::fromValue(const QJsonValue &value, const QStringList &keyOrder)
{
    OrderedJson out;
    if (value.isObject()) {
        out.m_kind = Kind::Object;
        const QJsonObject o = value.toObject();
        QStringList keys = o.keys(); // sorted
        std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
            const qsizetype ia = keyOrder.indexOf(a), ib = keyOrder.indexOf(b);
            return (ia < 0 ? keyOrder.size() : ia) < (ib < 0 ? keyOrder.size() : ib);
        });
        for (const QString &k : keys) {
            out.m_keys.push_back(k);
            out.m_values.push_back(fromValue(o.value(k)));
        }
    } else if (value.isArray()) {
        out.m_kind = Kind::Array;
        for (const QJsonValue &v : value.toArray())
            out.m_values.push_back(fromValue(v));
    } else {
        out.m_raw = scalarText(value);
    }
    return out;
}

QJsonValue OrderedJson::toValue() const
{
    switch (m_kind) {
    case Kind::Scalar:
        return scalarValue(m_raw);
    case Kind::Object: {
        QJsonObject o;
        for (size_t i = 0; i < m_keys.size(); ++i)
            o.insert(m_keys[i], m_values[i].toValue());
        return o;
    }
    case Kind::Array: {
        QJsonArray a;
        for (const OrderedJson &v : m_values)
            a.append(v.toValue());
        return a;
    }
    }
    return {};
}

qsizetype OrderedJson::indexOf(const QString &key) const
{
    const auto it = std::find(m_keys.cbegin(), m_keys.cend(), key);
    return it == m_keys.cend() ? -1 : qsizetype(it - m_keys.cbegin());
}

OrderedJson *OrderedJson::member(const QString &key)
{
    const qsizetype i = indexOf(key);
    return i < 0 ? nullptr : &m_values[size_t(i)];
}

void OrderedJson::set(const QString &key, const OrderedJson &value, const QStringList &keyOrder)
{
    if (const qsizetype i = indexOf(key); i >= 0) {
        m_values[size_t(i)] = value;
        return;
    }
    size_t at = m_keys.size();
    const qsizetype rank = keyOrder.indexOf(key);
    if (rank >= 0) {
        // After the last member that the order puts before this key.
        for (size_t i = m_keys.size(); i-- > 0;) {
            const qsizetype r = keyOrder.indexOf(m_keys[i]);
            if (r >= 0 && r < rank) {
                at = i + 1;
                break;
            }
            if (r > rank)
                at = i;
        }
    }
    m_keys.insert(m_keys.begin() + qsizetype(at), key);
    m_values.insert(m_values.begin() + qsizetype(at), value);
}

void OrderedJson::remove(const QString &key)
{
    if (const qsizetype i = indexOf(key); i >= 0) {
        m_keys.erase(m_keys.begin() + i);
        m_values.erase(m_values.begin() + i);
    }
}

void OrderedJson::patch(const QJsonObject &before, const QJsonObject &after, const QStringList &keyOrder)
{
    QStringList keys = before.keys();
    for (const QString &k : after.keys())
        if (!keys.contains(k))
            keys.append(k);
    for (const QString &k : std::as_const(keys)) {
        const QJsonValue was = before.value(k), now = after.value(k);
        if (was == now)
            continue;
        OrderedJson *mine = member(k);
        if (now.isUndefined())
            remove(k);
        else if (mine && mine->kind() == Kind::Object && was.isObject() && now.isObject())
            mine->patch(was.toObject(), now.toObject());
        else
            set(k, fromValue(now), keyOrder);
    }
}

QByteArray OrderedJson::toJson() const
{
    QByteArray out;
    write(out, 0);
    out += '\n';
    return out;
}

void OrderedJson::write(QByteArray &out, int indent) const
{
    if (m_kind == Kind::Scalar) {
        out += m_raw;
        return;
    }
    const bool object = m_kind == Kind::Object;
    if (m_values.empty()) {
        out += object ? "{}" : "[]";
        return;
    }
    out += object ? "{\n" : "[\n";
    const QByteArray pad(indent + 4, ' ');
    for (size_t i = 0; i < m_values.size(); ++i) {
        out += pad;
        if (object)
            out += scalarText(m_keys[i]) + ": ";
        m_values[i].write(out, indent + 4);
        out += i + 1 < m_values.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ');
    out += object ? '}' : ']';
}

} // namespace rl
