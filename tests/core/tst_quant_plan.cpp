// QuantPlan, the per-layer recipe: defaults, overrides and how they resolve, minimal overrides
// from setLayerConfig, JSON in and out, validation messages, the problems of a plan for a
// given model, and the fused families (q/k/v, gate/up) it plans differently and their alignment.

#include "core/model/loaded_model.h"
#include "core/quant/quant_plan.h"
#include "core/util/error.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/test_paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace qb;

namespace {

const QString kQ0 = QStringLiteral("model.layers.0.self_attn.q_proj");
const QString kK0 = QStringLiteral("model.layers.0.self_attn.k_proj");
const QString kDown2 = QStringLiteral("model.layers.2.mlp.down_proj");
const QString kGate4 = QStringLiteral("model.layers.4.mlp.gate_proj");

QJsonObject parseObject(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test JSON does not parse: %s\n%s", qPrintable(error.errorString()),
               text.constData());
    return doc.object();
}

LayerQuantConfig rtn(int bits, int groupCode, bool symmetric)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Rtn;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return config;
}

LayerQuantConfig keep()
{
    LayerQuantConfig config;
    config.method = QuantMethod::None;
    return config;
}

} // namespace

class TestQuantPlan : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;

private Q_SLOTS:
    void initTestCase() { m_model = LoadedModel::open(test::demoModelDir()); }

    void defaults()
    {
        const QuantPlan plan;
        QCOMPARE(plan.defaults.method, QuantMethod::Rtn);
        QCOMPARE(plan.defaults.scheme.bits, 4);
        QCOMPARE(plan.defaults.scheme.symmetric, false);
        QCOMPARE(plan.defaults.scheme.granularity, Granularity::Group);
        QCOMPARE(plan.defaults.scheme.groupSize, 128);
        QVERIFY(plan.overrides().empty());
        QVERIFY(plan.resolve(kQ0) == plan.defaults);
        QVERIFY(plan.problemsFor(m_model->inventory()).isEmpty());

        // An empty recipe and a partial default keep the built-in values for what they omit.
        const QuantPlan empty = QuantPlan::fromJson(QJsonObject{}, QStringLiteral("empty"));
        QVERIFY(empty.defaults == plan.defaults);
        QVERIFY(empty.overrides().empty());
        const QuantPlan partial =
            QuantPlan::fromJson(parseObject(R"({"default": {"bits": 3}})"), QStringLiteral("p"));
        QCOMPARE(partial.defaults.scheme.bits, 3);
        QCOMPARE(partial.defaults.scheme.groupSizeCode(), 128);
        QCOMPARE(partial.defaults.scheme.symmetric, false);
        QCOMPARE(partial.defaults.method, QuantMethod::Rtn);

        QCOMPARE(methodKey(QuantMethod::None), QStringLiteral("none"));
        QCOMPARE(methodKey(QuantMethod::Rtn), QStringLiteral("rtn"));
        QCOMPARE(methodFromKey(u"rtn"), std::optional<QuantMethod>(QuantMethod::Rtn));
        QVERIFY(!methodFromKey(u"RTN"));
    }

    void jsonRoundTrip()
    {
        const QJsonObject json = parseObject(R"({
            "default": {"method": "rtn", "bits": 3, "group_size": 32, "sym": true},
            "overrides": [
                {"match": "re:.*mlp\\.down_proj", "bits": 8, "group_size": -1},
                {"match": "model.layers.0.self_attn.q_proj", "method": "none"},
                {"match": "re:model\\.layers\\.[34]\\..*", "group_size": 0, "sym": false},
                {"match": "model.layers.4.mlp.gate_proj", "bits": 2}
            ]})");
        const QuantPlan plan = QuantPlan::fromJson(json, QStringLiteral("recipe"));
        QCOMPARE(plan.overrides().size(), std::size_t(4));
        QCOMPARE(plan.defaults, rtn(3, 32, true));
        // toJson writes every field of the default and the calibration section; the overrides
        // exactly as given.
        const QJsonObject written = plan.toJson();
        QCOMPARE(written.value("overrides"), json.value("overrides"));
        const QJsonObject writtenDefault = written.value("default").toObject();
        for (const QString& key : json.value("default").toObject().keys())
            QCOMPARE(writtenDefault.value(key), json.value("default").toObject().value(key));
        QCOMPARE(writtenDefault.value("act_order"), QJsonValue(false));
        QCOMPARE(writtenDefault.value("damp"), QJsonValue(0.01));
        QCOMPARE(written.value("calibration").toObject().value("samples"), QJsonValue(128));
        // And what it writes reads back to the same plan.
        QCOMPARE(QuantPlan::fromJson(written, QStringLiteral("again")).toJson(), written);

        // Through a file as well, and the copy resolves every layer the same way.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("recipe.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(plan.toJson()).toJson());
        file.close();
        const QuantPlan again = QuantPlan::fromFile(path);
        QCOMPARE(again.toJson(), written);
        for (const LinearLayer& layer : m_model->inventory().layers())
            QVERIFY2(again.resolve(layer.name) == plan.resolve(layer.name), qPrintable(layer.name));

        QCOMPARE(plan.resolve(kDown2), rtn(8, -1, true));
        QCOMPARE(plan.resolve(kQ0).method, QuantMethod::None);
        QCOMPARE(plan.resolve(QStringLiteral("model.layers.3.mlp.down_proj")), rtn(8, 0, false));
        QCOMPARE(plan.resolve(kGate4), rtn(2, 0, false));
        QCOMPARE(plan.resolve(kK0), rtn(3, 32, true));
    }

    // Later overrides win, field by field: an earlier one's other fields survive.
    void overridesAppliedInOrder()
    {
        QuantPlan plan;
        PlanOverride all = test::planOverride(QStringLiteral("re:.*"));
        all.bits = 8;
        all.symmetric = true;
        all.groupSizeCode = -1;
        plan.addOverride(all);
        PlanOverride mlp = test::planOverride(QStringLiteral("re:.*\\.mlp\\..*"));
        mlp.bits = 3;
        plan.addOverride(mlp);
        PlanOverride gate = test::planOverride(kGate4);
        gate.groupSizeCode = 64;
        gate.symmetric = false;
        plan.addOverride(gate);
        PlanOverride down = test::planOverride(QStringLiteral("re:.*down_proj"));
        down.method = QuantMethod::None;
        plan.addOverride(down);

        QCOMPARE(plan.resolve(kQ0), rtn(8, -1, true));
        QCOMPARE(plan.resolve(QStringLiteral("model.layers.1.mlp.up_proj")), rtn(3, -1, true));
        QCOMPARE(plan.resolve(kGate4), rtn(3, 64, false));
        QCOMPARE(plan.resolve(kDown2).method, QuantMethod::None);
        // The kept layer still carries the fields the overrides set (used if it is switched back).
        QCOMPARE(plan.resolve(kDown2).scheme, rtn(3, -1, true).scheme);

        // Reversed order: the broad override now wins over the narrow ones.
        QuantPlan reversed;
        reversed.addOverride(mlp);
        reversed.addOverride(all);
        QCOMPARE(reversed.resolve(kGate4), rtn(8, -1, true));
    }

    void matching_data()
    {
        QTest::addColumn<QString>("match");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << kQ0 << kQ0 << true;
        QTest::newRow("exact other layer") << kQ0 << kK0 << false;
        QTest::newRow("exact is not a prefix")
            << QStringLiteral("model.layers.0.self_attn") << kQ0 << false;
        QTest::newRow("exact is not a suffix") << QStringLiteral("q_proj") << kQ0 << false;
        QTest::newRow("exact dot is literal")
            << QStringLiteral("model.layers.0.self_attn.q.proj") << kQ0 << false;
        QTest::newRow("exact is case sensitive") << kQ0.toUpper() << kQ0 << false;
        QTest::newRow("re: partial does not match") << QStringLiteral("re:q_proj") << kQ0 << false;
        QTest::newRow("re: prefix does not match")
            << QStringLiteral("re:model\\.layers\\.0") << kQ0 << false;
        QTest::newRow("re: whole name") << QStringLiteral("re:.*q_proj") << kQ0 << true;
        QTest::newRow("re: whole name other layer")
            << QStringLiteral("re:.*q_proj") << kK0 << false;
        QTest::newRow("re: block") << QStringLiteral("re:model\\.layers\\.0\\..*") << kK0 << true;
        QTest::newRow("re: block 10 is not block 1")
            << QStringLiteral("re:model\\.layers\\.1\\..*")
            << QStringLiteral("model.layers.10.mlp.up_proj") << false;
        // Anchoring applies to the whole alternation, not only its last branch.
        QTest::newRow("re: alternation anchored")
            << QStringLiteral("re:q_proj|.*k_proj") << kQ0 << false;
        QTest::newRow("re: alternation second branch")
            << QStringLiteral("re:q_proj|.*k_proj") << kK0 << true;
        QTest::newRow("re: empty matches nothing") << QStringLiteral("re:") << kQ0 << false;
        QTest::newRow("re: exact text") << QStringLiteral("re:") + kQ0 << kQ0 << true;
    }

    void matching()
    {
        QFETCH(QString, match);
        QFETCH(QString, layer);
        QFETCH(bool, matches);
        QuantPlan plan;
        PlanOverride o = test::planOverride(match);
        o.bits = 7;
        plan.addOverride(o);
        QCOMPARE(plan.overrides().front().isRegex(), match.startsWith(QLatin1String("re:")));
        QCOMPARE(plan.overrides().front().matches(layer), matches);
        QCOMPARE(plan.resolve(layer).scheme.bits, matches ? 7 : 4);
        // A copy of the plan matches the same way.
        const QuantPlan copy = plan;
        QCOMPARE(copy.overrides().front().matches(layer), matches);
        // So does an override never added to a plan (its expression is compiled on the spot).
        QCOMPARE(o.matches(layer), matches);
    }

    void setLayerConfigMinimal()
    {
        QuantPlan plan;
        plan.defaults = rtn(4, 128, false);

        // Equal to what the plan gives: no override.
        plan.setLayerConfig(kQ0, rtn(4, 128, false));
        QVERIFY(plan.overrides().empty());

        // Only the fields that differ.
        plan.setLayerConfig(kQ0, rtn(8, 128, false));
        QCOMPARE(plan.overrides().size(), std::size_t(1));
        {
            const PlanOverride& o = plan.overrides().front();
            QCOMPARE(o.match, kQ0);
            QVERIFY(!o.isRegex());
            QCOMPARE(o.bits, std::optional<int>(8));
            QVERIFY(!o.method && !o.symmetric && !o.groupSizeCode);
        }
        // Replaced, not added to.
        plan.setLayerConfig(kQ0, rtn(8, -1, true));
        QCOMPARE(plan.overrides().size(), std::size_t(1));
        {
            const PlanOverride& o = plan.overrides().front();
            QCOMPARE(o.bits, std::optional<int>(8));
            QCOMPARE(o.symmetric, std::optional<bool>(true));
            QCOMPARE(o.groupSizeCode, std::optional<int>(-1));
            QVERIFY(!o.method);
        }
        QCOMPARE(plan.resolve(kQ0), rtn(8, -1, true));
        QCOMPARE(plan.resolve(kK0), rtn(4, 128, false));

        // Keeping a layer records the method only.
        plan.setLayerConfig(kQ0, keep());
        QCOMPARE(plan.overrides().size(), std::size_t(1));
        QCOMPARE(plan.overrides().front().method, std::optional<QuantMethod>(QuantMethod::None));
        QVERIFY(!plan.overrides().front().bits && !plan.overrides().front().symmetric
                && !plan.overrides().front().groupSizeCode);
        QCOMPARE(plan.resolve(kQ0).method, QuantMethod::None);

        // Back to the default: the override disappears.
        plan.setLayerConfig(kQ0, rtn(4, 128, false));
        QVERIFY(plan.overrides().empty());
        QCOMPARE(plan.toJson().value(QStringLiteral("overrides")).toArray().size(), 0);
    }

    void setLayerConfigWithRegexOverrides()
    {
        QuantPlan plan;
        PlanOverride exact = test::planOverride(kQ0);
        exact.bits = 8;
        plan.addOverride(exact);
        PlanOverride q = test::planOverride(QStringLiteral("re:.*q_proj"));
        q.bits = 3;
        plan.addOverride(q);
        QCOMPARE(plan.resolve(kQ0).scheme.bits, 3); // the later regex wins over the exact name

        // What the regex already gives needs no override; the stale exact one goes.
        plan.setLayerConfig(kQ0, rtn(3, 128, false));
        QCOMPARE(plan.overrides().size(), std::size_t(1));
        QVERIFY(plan.overrides().front().isRegex());

        // A different value lands after the regex, so it wins.
        plan.setLayerConfig(kQ0, rtn(8, 128, false));
        QCOMPARE(plan.overrides().size(), std::size_t(2));
        QCOMPARE(plan.overrides().back().match, kQ0);
        QCOMPARE(plan.overrides().back().bits, std::optional<int>(8));
        QCOMPARE(plan.resolve(kQ0), rtn(8, 128, false));
        QCOMPARE(plan.resolve(QStringLiteral("model.layers.1.self_attn.q_proj")).scheme.bits, 3);

        // Regex overrides are never removed by setLayerConfig.
        plan.setLayerConfig(kQ0, rtn(3, 128, false));
        QCOMPARE(plan.overrides().size(), std::size_t(1));
        QCOMPARE(plan.overrides().front().match, QStringLiteral("re:.*q_proj"));

        // Kept by default: switching one layer on records the method only, the scheme inherited.
        QuantPlan kept;
        kept.defaults = keep();
        kept.setLayerConfig(kQ0, rtn(4, 128, false));
        QCOMPARE(kept.overrides().size(), std::size_t(1));
        QCOMPARE(kept.overrides().front().method, std::optional<QuantMethod>(QuantMethod::Rtn));
        QVERIFY(!kept.overrides().front().bits);
        QCOMPARE(kept.resolve(kQ0), rtn(4, 128, false));
    }

    // Each invalid recipe is refused with a message that names the source and the field.
    void validation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected"); // substrings of the message
        QTest::newRow("unknown top-level field")
            << QByteArray(R"({"defaults": {"bits": 4}})")
            << QStringList{"my.json", "unknown field \"defaults\"", "default, overrides"};
        QTest::newRow("unknown default field")
            << QByteArray(R"({"default": {"bit": 4}})")
            << QStringList{"my.json: default", "unknown field \"bit\""};
        QTest::newRow("match in default")
            << QByteArray(R"({"default": {"match": "x"}})")
            << QStringList{"my.json: default", "unknown field \"match\""};
        QTest::newRow("unknown override field")
            << QByteArray(R"({"overrides": [{"match": "x", "bits": 4, "gruop_size": 32}]})")
            << QStringList{"my.json: overrides[0]", "unknown field \"gruop_size\"", "group_size"};
        QTest::newRow("bits 9") << QByteArray(R"({"default": {"bits": 9}})")
                                << QStringList{"my.json: default.bits", "from 2 to 8", "9"};
        QTest::newRow("bits 1") << QByteArray(R"({"default": {"bits": 1}})")
                                << QStringList{"my.json: default.bits", "from 2 to 8",
                                               "the number 1"};
        QTest::newRow("bits 4.5") << QByteArray(R"({"default": {"bits": 4.5}})")
                                  << QStringList{"default.bits", "integer", "4.5"};
        QTest::newRow("override bits 9")
            << QByteArray(R"({"overrides": [{"match": "x"}, {"match": "y", "bits": 9}]})")
            << QStringList{"my.json: overrides[1].bits", "9"};
        QTest::newRow("group_size -2")
            << QByteArray(R"({"default": {"group_size": -2}})")
            << QStringList{"default.group_size", "-1 (per channel)", "-2"};
        QTest::newRow("group_size string")
            << QByteArray(R"({"default": {"group_size": "128"}})")
            << QStringList{"default.group_size", "the string \"128\""};
        QTest::newRow("group_size 2.5")
            << QByteArray(R"({"overrides": [{"match": "x", "group_size": 2.5}]})")
            << QStringList{"overrides[0].group_size", "2.5"};
        QTest::newRow("method gptq2") << QByteArray(R"({"default": {"method": "gptq2"}})")
                                      << QStringList{"default.method", "none, rtn", "\"gptq2\""};
        QTest::newRow("method number")
            << QByteArray(R"({"overrides": [{"match": "x", "method": 1}]})")
            << QStringList{"overrides[0].method", "the number 1"};
        QTest::newRow("sym string")
            << QByteArray(R"({"default": {"sym": "true"}})")
            << QStringList{"default.sym", "true or false", "the string \"true\""};
        QTest::newRow("missing match") << QByteArray(R"({"overrides": [{"bits": 3}]})")
                                       << QStringList{"my.json: overrides[0]", "\"match\""};
        QTest::newRow("empty match") << QByteArray(R"({"overrides": [{"match": "", "bits": 3}]})")
                                     << QStringList{"overrides[0].match", "layer name"};
        QTest::newRow("invalid regex")
            // Not a raw string: moc 6.4 loses track of the class at the unbalanced parenthesis.
            << QByteArray("{\"overrides\": [{\"match\": \"re:.*(q_proj\", \"bits\": 3}]}")
            << QStringList{"my.json: overrides[0]", "\"re:.*(q_proj\"",
                           "not a valid regular expression"};
        QTest::newRow("damp 0") << QByteArray(R"({"default": {"damp": 0}})")
                                << QStringList{"my.json: default.damp", "above 0"};
        QTest::newRow("alpha 1.5") << QByteArray(R"({"overrides": [{"match": "x", "alpha": 1.5}]})")
                                   << QStringList{"overrides[0].alpha", "from 0 to 1", "1.5"};
        QTest::newRow("act_order string") << QByteArray(R"({"default": {"act_order": "yes"}})")
                                          << QStringList{"default.act_order", "true or false"};
        QTest::newRow("unknown calibration field")
            << QByteArray(R"({"calibration": {"sample": 4}})")
            << QStringList{"my.json: calibration", "unknown field \"sample\""};
        QTest::newRow("calibration samples 0") << QByteArray(R"({"calibration": {"samples": 0}})")
                                               << QStringList{"my.json: calibration", "samples"};
        QTest::newRow("calibration mode") << QByteArray(R"({"calibration": {"mode": "windows"}})")
                                          << QStringList{"my.json: calibration", "\"windows\""};
        QTest::newRow("default not an object")
            << QByteArray(R"({"default": [4]})")
            << QStringList{"my.json", "\"default\" must be an object", "an array"};
        QTest::newRow("overrides not an array")
            << QByteArray(R"({"overrides": {"match": "x"}})")
            << QStringList{"my.json", "\"overrides\" must be an array", "an object"};
        QTest::newRow("override not an object")
            << QByteArray(R"({"overrides": ["x"]})")
            << QStringList{"my.json: overrides[0]", "must be an object", "the string \"x\""};
    }

    void validation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        const QJsonObject object = parseObject(json);
        const QString message =
            test::errorOf([&] { QuantPlan::fromJson(object, QStringLiteral("my.json")); });
        QVERIFY2(!message.isNull(), "the recipe was accepted");
        for (const QString& part : expected)
            QVERIFY2(message.contains(part),
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, message)));
    }

    void addOverrideRefusesInvalidRegex()
    {
        QuantPlan plan;
        const QString message =
            test::errorOf([&] { plan.addOverride(test::planOverride(QStringLiteral("re:[a-"))); });
        QVERIFY(message.contains(QStringLiteral("\"re:[a-\" is not a valid regular expression")));
        QVERIFY(plan.overrides().empty());
    }

    void problemsFor()
    {
        const LayerInventory& inventory = m_model->inventory();
        QuantPlan plan;
        PlanOverride fine = test::planOverride(QStringLiteral("re:.*down_proj"));
        fine.bits = 8;
        plan.addOverride(fine);
        QVERIFY(plan.problemsFor(inventory).isEmpty());

        PlanOverride noRegexMatch = test::planOverride(QStringLiteral("re:.*o_projection"));
        noRegexMatch.bits = 3;
        plan.addOverride(noRegexMatch);
        PlanOverride noLayer =
            test::planOverride(QStringLiteral("model.layers.9.self_attn.q_proj"));
        noLayer.method = QuantMethod::None;
        plan.addOverride(noLayer);
        // A regex that would match only part of a name matches nothing.
        PlanOverride partial = test::planOverride(QStringLiteral("re:q_proj"));
        partial.bits = 3;
        plan.addOverride(partial);

        const QStringList problems = plan.problemsFor(inventory);
        QCOMPARE(problems.size(), 3);
        QVERIFY2(problems[0].contains(QStringLiteral("overrides[1]"))
                     && problems[0].contains(QStringLiteral("\".*o_projection\""))
                     && problems[0].contains(QStringLiteral("matches no layer")),
                 qPrintable(problems[0]));
        QVERIFY2(problems[1].contains(QStringLiteral("overrides[2]"))
                     && problems[1].contains(
                         QStringLiteral("no layer named \"model.layers.9.self_attn.q_proj\"")),
                 qPrintable(problems[1]));
        QVERIFY2(problems[2].contains(QStringLiteral("overrides[3]"))
                     && problems[2].contains(QStringLiteral("\"q_proj\"")),
                 qPrintable(problems[2]));

        // A scheme out of range set through the API is reported per layer that would use it.
        QuantPlan badBits;
        PlanOverride nine = test::planOverride(kQ0);
        nine.bits = 9;
        badBits.addOverride(nine);
        const QStringList bitProblems = badBits.problemsFor(inventory);
        QCOMPARE(bitProblems.size(), 1);
        QVERIFY2(bitProblems[0].contains(kQ0) && bitProblems[0].contains(QStringLiteral("bits")),
                 qPrintable(bitProblems[0]));
        // …but not when that layer is kept anyway.
        PlanOverride keepIt = test::planOverride(kQ0);
        keepIt.method = QuantMethod::None;
        badBits.addOverride(keepIt);
        QVERIFY(badBits.problemsFor(inventory).isEmpty());
    }

    // The methods of issue 4 and their settings: every field round-trips, and settings that do
    // not apply to a layer's method do not make two configs differ.
    void methodSettings()
    {
        const QJsonObject json = parseObject(R"({
            "default": {"method": "gptq", "bits": 4, "group_size": 128, "sym": true,
                        "act_order": true, "static_groups": true, "damp": 0.05},
            "overrides": [
                {"match": "re:.*mlp\\.(gate|up)_proj", "method": "awq", "sym": false},
                {"match": "re:.*layers\\.4\\.mlp\\.(gate|up)_proj", "tied_scales": false},
                {"match": "re:.*self_attn\\.[qkv]_proj", "method": "smoothquant", "alpha": 0.75},
                {"match": "re:.*o_proj", "method": "rtn", "clip_search": true},
                {"match": "re:.*down_proj", "method": "w8a8"}
            ],
            "calibration": {"mode": "random", "samples": 16, "seqlen": 64, "seed": 3,
                            "holdout": 0.25}})");
        const QuantPlan plan = QuantPlan::fromJson(json, QStringLiteral("r"));
        QCOMPARE(QuantPlan::fromJson(plan.toJson(), QStringLiteral("again")).toJson(),
                 plan.toJson());
        const LayerQuantConfig gptq = plan.resolve(QStringLiteral("lm_head"));
        QCOMPARE(gptq.method, QuantMethod::Gptq);
        QVERIFY(gptq.actOrder && gptq.staticGroups);
        QCOMPARE(gptq.damp, 0.05);
        QVERIFY(gptq.needsCalibration());
        const LayerQuantConfig sq = plan.resolve(kQ0);
        QCOMPARE(sq.method, QuantMethod::SmoothQuant);
        QCOMPARE(sq.alpha, 0.75);
        QVERIFY(sq.needsCalibration());
        QCOMPARE(plan.resolve(kGate4).method, QuantMethod::Awq);
        QVERIFY(!plan.resolve(kGate4).tiedScales); // AWQ's o_proj option, on by default
        QVERIFY(plan.resolve(QStringLiteral("model.layers.3.mlp.gate_proj")).tiedScales);
        QVERIFY(plan.resolve(kGate4).describe().contains(QStringLiteral("without tied scales")));
        QVERIFY(!(plan.resolve(kGate4)
                  == plan.resolve(QStringLiteral("model.layers.3.mlp.gate_proj"))));
        // …which the other methods do not use.
        LayerQuantConfig untiedRtn =
            plan.resolve(QStringLiteral("model.layers.1.self_attn.o_proj"));
        untiedRtn.tiedScales = !untiedRtn.tiedScales;
        QVERIFY(untiedRtn == plan.resolve(QStringLiteral("model.layers.1.self_attn.o_proj")));
        QVERIFY(plan.resolve(QStringLiteral("model.layers.1.self_attn.o_proj")).clipSearch);
        const LayerQuantConfig w8a8 = plan.resolve(kDown2);
        QCOMPARE(w8a8.method, QuantMethod::W8A8);
        QVERIFY(!w8a8.needsCalibration());
        // Fields the method ignores do not count: a W8A8 layer is a W8A8 layer.
        LayerQuantConfig other = w8a8;
        other.scheme.bits = 3;
        other.actOrder = false;
        other.alpha = 0.1;
        QVERIFY(other == w8a8);
        other.method = QuantMethod::Rtn;
        QVERIFY(!(other == w8a8));
        QCOMPARE(plan.calibration.mode, CalibrationOptions::Mode::RandomWindows);
        QCOMPARE(plan.calibration.samples, 16);
        QCOMPARE(plan.calibration.sequenceLength, 64);
        QCOMPARE(plan.calibration.seed, std::uint64_t(3));
        QCOMPARE(plan.calibration.holdoutFraction, 0.25);
        QVERIFY(plan.needsCalibration(m_model->inventory()));

        QuantPlan rtnOnly;
        rtnOnly.defaults.method = QuantMethod::Rtn;
        QVERIFY(!rtnOnly.needsCalibration(m_model->inventory()));
        rtnOnly.defaults.clipSearch = true;
        QVERIFY(rtnOnly.needsCalibration(m_model->inventory()));
        QVERIFY(rtnOnly.defaults.describe().contains(QStringLiteral("clip")));

        // A plan that keeps every layer but one quantizes that one.
        QuantPlan kept;
        kept.defaults.method = QuantMethod::None;
        QVERIFY(!kept.quantizesAnyLayer(m_model->inventory()));
        PlanOverride one;
        one.match = QStringLiteral("model.layers.4.mlp.down_proj");
        one.method = QuantMethod::Rtn;
        kept.addOverride(one);
        QVERIFY(kept.quantizesAnyLayer(m_model->inventory()));
        QVERIFY(rtnOnly.quantizesAnyLayer(m_model->inventory()));
    }

    // Layers reading one input must treat it alike; a scale with nowhere to go is a warning.
    void inputTreatment()
    {
        const LayerInventory& inventory = m_model->inventory();
        QuantPlan plan;
        plan.defaults.method = QuantMethod::Awq;
        QVERIFY(plan.problemsFor(inventory).isEmpty());
        // o_proj under grouped-query attention: AWQ scales it with tied scales, nothing to warn
        // about; with tied scales off it leaves it unscaled, as llm-awq, and says so.
        QVERIFY(plan.warningsFor(inventory).isEmpty());
        QuantPlan untied = plan;
        untied.defaults.tiedScales = false;
        const QStringList warnings = untied.warningsFor(inventory);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("model.layers.0.self_attn.o_proj"))
                     && !warnings[0].contains(QStringLiteral("model.layers.0.self_attn.q_proj"))
                     && warnings[0].contains(QStringLiteral("clipping"))
                     && warnings[0].contains(QStringLiteral("tied_scales")),
                 qPrintable(warnings[0]));

        PlanOverride k = test::planOverride(kK0);
        k.method = QuantMethod::Gptq; // q and v scaled by AWQ, k not: one norm, two treatments
        plan.addOverride(k);
        QStringList problems = plan.problemsFor(inventory);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0].contains(kQ0) && problems[0].contains(kK0)
                     && problems[0].contains(QStringLiteral("same input")),
                 qPrintable(problems[0]));

        QuantPlan w8a8;
        w8a8.defaults.method = QuantMethod::W8A8;
        PlanOverride up = test::planOverride(QStringLiteral("model.layers.4.mlp.up_proj"));
        up.method = QuantMethod::Rtn; // gate rounds its input to int8, up would not
        w8a8.addOverride(up);
        problems = w8a8.problemsFor(inventory);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems[0].contains(kGate4));

        QuantPlan smooth;
        smooth.defaults.method = QuantMethod::Gptq;
        smooth.defaults.smooth = true;
        PlanOverride alpha = test::planOverride(kQ0);
        alpha.alpha = 0.3; // q smoothed with another α than k and v
        smooth.addOverride(alpha);
        QCOMPARE(smooth.problemsFor(inventory).size(), 1);
        QCOMPARE(smooth.warningsFor(inventory).size(), 1); // o_proj cannot be smoothed
    }

    void fromFileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("missing.json"));
        QString message = test::errorOf([&] { QuantPlan::fromFile(missing); });
        QVERIFY2(message.contains(missing)
                     && message.contains(QStringLiteral("cannot open the file")),
                 qPrintable(message));

        auto write = [&](const QString& name, const QByteArray& text) {
            const QString path = dir.filePath(name);
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.write(text);
            return path;
        };
        const QString broken = write(QStringLiteral("broken.json"), R"({"default": {"bits": 4,}})");
        message = test::errorOf([&] { QuantPlan::fromFile(broken); });
        QVERIFY2(message.contains(broken) && message.contains(QStringLiteral("not valid JSON"))
                     && message.contains(QStringLiteral("at byte")),
                 qPrintable(message));

        const QString array = write(QStringLiteral("array.json"), "[1, 2]");
        message = test::errorOf([&] { QuantPlan::fromFile(array); });
        QVERIFY2(message.contains(array)
                     && message.contains(QStringLiteral("must hold a JSON object")),
                 qPrintable(message));

        // Field errors from a file name the file.
        const QString bad = write(QStringLiteral("bad.json"), R"({"default": {"bits": 9}})");
        message = test::errorOf([&] { QuantPlan::fromFile(bad); });
        QVERIFY2(message.startsWith(bad + QStringLiteral(": default.bits")), qPrintable(message));
    }

    void fusedFamiliesAligned()
    {
        const LayerInventory& inventory = m_model->inventory();
        QuantPlan plan;
        plan.defaults.method = QuantMethod::Gptq;
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, true, 32);
        QVERIFY(plan.fusedFamiliesThatDiffer(inventory).empty());
        // down_proj is alone at its input: 8 bits there splits no family.
        PlanOverride down;
        down.match = QStringLiteral("re:.*down_proj");
        down.bits = 8;
        plan.addOverride(down);
        QVERIFY(plan.fusedFamiliesThatDiffer(inventory).empty());

        LayerQuantConfig k = plan.resolve(kK0);
        k.scheme = QuantScheme::fromGroupSizeCode(8, true, 32);
        plan.setLayerConfig(kK0, k); // block 0: k at 8 bits
        LayerQuantConfig gate = plan.resolve(kGate4);
        gate.scheme = QuantScheme::fromGroupSizeCode(3, true, 16);
        plan.setLayerConfig(kGate4, gate); // block 4: gate at 3 bits g16
        const QString up4 = QStringLiteral("model.layers.4.mlp.up_proj");
        LayerQuantConfig up = plan.resolve(up4);
        up.scheme = QuantScheme::fromGroupSizeCode(3, true, 64);
        plan.setLayerConfig(up4, up); // … and up at 3 bits g64
        const QString v1 = QStringLiteral("model.layers.1.self_attn.v_proj");
        LayerQuantConfig kept;
        kept.method = QuantMethod::None;
        plan.setLayerConfig(v1, kept); // block 1: v kept in full precision

        const std::vector<QStringList> families = plan.fusedFamiliesThatDiffer(inventory);
        QCOMPARE(int(families.size()), 3);
        QCOMPARE(families[0],
                 (QStringList{kQ0, kK0, QStringLiteral("model.layers.0.self_attn.v_proj")}));
        QCOMPARE(families[1].size(), 3);
        QVERIFY(families[1].contains(v1));
        QCOMPARE(families[2], (QStringList{kGate4, up4}));

        const QuantPlan aligned = plan.withFusedFamiliesAligned(inventory);
        QVERIFY(aligned.fusedFamiliesThatDiffer(inventory).empty());
        QVERIFY(aligned.problemsFor(inventory).isEmpty());
        // The most precise member wins: 8 bits in block 0, full precision in block 1, and the
        // narrower groups of the two 3-bit settings in block 4.
        for (const QString& name : families[0])
            QCOMPARE(aligned.resolve(name), k);
        for (const QString& name : families[1])
            QCOMPARE(aligned.resolve(name).method, QuantMethod::None);
        for (const QString& name : families[2])
            QCOMPARE(aligned.resolve(name), gate);
        // Nothing else moved.
        for (const LinearLayer& layer : inventory.layers()) {
            const bool inFamily =
                std::any_of(families.begin(), families.end(),
                            [&](const QStringList& f) { return f.contains(layer.name); });
            if (!inFamily)
                QCOMPARE(aligned.resolve(layer.name), plan.resolve(layer.name));
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantPlan)
#include "tst_quant_plan.moc"
