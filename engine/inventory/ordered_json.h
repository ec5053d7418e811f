#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rl {

// A JSON value that keeps what QJsonObject loses: the order of an object's keys, and each
// number and text exactly as written. The inventory editor changes a few members of a file a
// person wrote and writes the rest back as it was read.
class OrderedJson
{
public:
    enum class Kind : quint8 { Scalar, Object, Array };

    OrderedJson() = default;
    // `text` must be JSON that QJsonDocument accepted (the reader checks it, and its depth).
    static std::optional<OrderedJson> parse(const QByteArray &text);
    // A new value; an object's keys in `keyOrder` first, then the others sorted.
    static OrderedJson fromValue(const QJsonValue &value, const QStringList &keyOrder = {});

    Kind kind() const { return m_kind; }
    QJsonValue toValue() const;
    QByteArray toJson() const; // indented by four spaces, as QJsonDocument::Indented

    // Objects
    QStringList keys() const { return {m_keys.cbegin(), m_keys.cend()}; }
    bool contains(const QString &key) const { return indexOf(key) >= 0; }
    OrderedJson *member(const QString &key);
    // Replaces in place, or inserts after the last key that comes before it in `keyOrder`
    // (at the end when none does).
    void set(const QString &key, const OrderedJson &value, const QStringList &keyOrder = {});
    void remove(const QString &key);
    // Changes only the members whose value differs between `before` and `after` (an object
    // inside both is patched the same way): what the file has beyond `before` stays as it is.
    void patch(const QJsonObject &before, const QJsonObject &after, const QStringList &keyOrder = {});

    // Arrays (and an object's values, in key order)
    std::vector<OrderedJson> &items() { return m_values; }
    const std::vector<OrderedJson> &items() const { return m_values; }

private:
    qsizetype indexOf(const QString &key) const;
    void write(QByteArray &out, int indent) const;

    Kind m_kind = Kind::Scalar;
    QByteArray m_raw = "null"; // a scalar as written
    std::vector<QString> m_keys;
    std::vector<OrderedJson> m_values;

    friend class OrderedJsonParser;
};

} // namespace rl
