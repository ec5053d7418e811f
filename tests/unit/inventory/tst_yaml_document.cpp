// YamlDocument reads a text as yaml-cpp's own node tree does: the same values, types, lines
// and scalar readings, compared here against YAML::Load for each case.
#include "engine/inventory/yaml_document.h"

#include <QFile>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace rl;

namespace {

// Whether `mine` is the same tree as yaml-cpp's `theirs`; why not in *why.
bool same(const YamlNode &mine, const YAML::Node &theirs, QString *why, const QString &at = QStringLiteral("/"))
{
    const auto fail = [&](const QString &what) {
        *why = at + QStringLiteral(": ") + what;
        return false;
    };
    if (mine.line() != theirs.Mark().line + 1 && !theirs.IsNull())
        return fail(QStringLiteral("line %1, yaml-cpp %2").arg(mine.line()).arg(theirs.Mark().line + 1));
    if (mine.IsNull() != theirs.IsNull() || mine.IsScalar() != theirs.IsScalar() || mine.IsMap() != theirs.IsMap()
        || mine.IsSequence() != theirs.IsSequence())
        return fail(QStringLiteral("another type"));
    if (theirs.IsScalar())
        return std::string(mine.Scalar()) == theirs.Scalar() ? true : fail(QStringLiteral("another text"));
    if (theirs.IsSequence()) {
        size_t i = 0;
        for (const auto &e : mine) {
            if (i >= theirs.size() || !same(e, theirs[i], why, at + QString::number(i) + QLatin1Char('/')))
                return why->isEmpty() ? fail(QStringLiteral("more elements")) : false;
            ++i;
        }
        return i == theirs.size() ? true : fail(QStringLiteral("fewer elements"));
    }
    if (theirs.IsMap()) {
        auto it = theirs.begin();
        for (const auto &kv : mine) {
            if (it == theirs.end())
                return fail(QStringLiteral("more members"));
            const QString key = QString::fromStdString(it->first.IsScalar() ? it->first.Scalar() : std::string("?"));
            if (!same(kv.first, it->first, why, at + QStringLiteral("(key)")) || !same(kv.second, it->second, why, at + key + QLatin1Char('/')))
                return false;
            ++it;
        }
        return it == theirs.end() ? true : fail(QStringLiteral("fewer members"));
    }
    return true;
}

} // namespace

class TestYamlDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameTreeAsYamlCpp_data()
    {
        QTest::addColumn<QByteArray>("text");
        QFile example(QStringLiteral(TOPSRCDIR "resources/examples/hosts.yaml"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QTest::newRow("the example hosts.yaml") << example.readAll();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comment only") << QByteArray("# nothing\n");
        QTest::newRow("flow and block") << QByteArray("a: {b: [1, 2, {c: d}], e: ~}\nf:\n  - g\n  - h: i\n    j: null\n  -\n");
        QTest::newRow("quoted and folded") << QByteArray("a: \"x: y\"\nb: 'it''s'\nc: |\n  one\n  two\nd: >\n  three\n  four\n");
        QTest::newRow("anchors shared") << QByteArray("base: &b {site: ams, role: pe}\nr1: *b\nr2: {x: *b, y: [*b, *b]}\n");
        QTest::newRow("complex key") << QByteArray("? [a, b]\n: c\n");
        QTest::newRow("two documents: the first") << QByteArray("a: 1\n---\nb: 2\n");
        QTest::newRow("tags") << QByteArray("a: !!str 12\nb: !custom {c: 1}\n");
    }
    void sameTreeAsYamlCpp()
    {
        QFETCH(QByteArray, text);
        const YamlDocument doc = YamlDocument::parse(text, {});
        const YAML::Node theirs = YAML::Load(text.toStdString());
        QString why;
        QVERIFY2(same(doc.root(), theirs, &why), qPrintable(why));
    }

    void scalarReadings()
    {
        // Every spelling read as yaml-cpp's convert<long long> and convert<bool> read it.
        const QList<QByteArray> scalars{"0",    "12",   "-7",  "+5",   "0x1f", "017",   "1e3",  "12abc", "",     "9223372036854775807",
                                        "9223372036854775808", "y", "Y", "yes", "Yes", "YES", "yEs", "true", "True", "TRUE",
                                        "tRUE", "on", "On", "ON", "n", "no", "No", "NO", "false", "False", "off", "OFF",
                                        "oFF", "1", "maybe", "\"12\"", "'yes'"};
        for (const QByteArray &s : scalars) {
            const QByteArray text = "v: " + (s.isEmpty() ? QByteArray("''") : s) + '\n';
            const YamlDocument doc = YamlDocument::parse(text, {});
            const YamlNode mine = doc.root()["v"];
            const YAML::Node theirs = YAML::Load(text.toStdString())["v"];
            long long theirInt = 0;
            const bool theirsIsInt = YAML::convert<long long>::decode(theirs, theirInt);
            const auto myInt = mine.toInteger();
            QVERIFY2(bool(myInt) == theirsIsInt && (!myInt || *myInt == theirInt), s.constData());
            bool theirBool = false;
            const bool theirsIsBool = YAML::convert<bool>::decode(theirs, theirBool);
            const auto myBool = mine.toBool();
            QVERIFY2(bool(myBool) == theirsIsBool && (!myBool || *myBool == theirBool), s.constData());
        }
    }

    void lookups()
    {
        const YamlDocument doc = YamlDocument::parse("a: 1\nb: {c: 2}\na: 3\n", {});
        QCOMPARE(doc.root()["a"].Scalar(), std::string_view("1")); // the first of a repeated key
        QCOMPARE(doc.root()["b"]["c"].Scalar(), std::string_view("2"));
        QVERIFY(!doc.root()["z"]);
        QVERIFY(!doc.root()["a"]["x"]); // a scalar has no members
        int n = 0;
        for (const auto &e : doc.root()["a"]) // nor elements
            n += e.IsDefined();
        QCOMPARE(n, 0);
    }
};

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yaml_document.moc"
