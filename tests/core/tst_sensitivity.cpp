// The sensitivity scan on the demo model: every figure equals an independent evaluation of the
// same single-unit plan (PlanWeightHooks for RTN; the pipeline restricted to the unit, on
// full-precision activations, for GPTQ); more bits hurt less; block and role units; cancelling
// keeps what was finished; the JSON round trip and its errors; the time of a full scan.

#include "core/analysis/sensitivity_scan.h"
#include "core/calib/calibration_set.h"
#include "core/metrics/perplexity.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/quant/plan_weight_hooks.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/cancel_on_text.h"
#include "tests/support/quick_check.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace qb;

namespace {

constexpr int kGroup = 32;

double relativeDifference(double a, double b)
{
    return std::abs(a - b) / std::max(std::abs(b), 1e-300);
}

} // namespace

class TestSensitivity : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    QStringList m_evaluation;                    // tinystories_sample.txt: 5 documents
    std::vector<std::vector<int>> m_calibration; // 19 windows of ≤ 256 tokens
    CalibrationOptions m_calibrationOptions;
    SensitivityScanResult m_rtn;      // every layer at 2, 3, 4, 8 bits, groups of 32
    double m_largestDifference = 0.0; // relative, of perplexity and KL, since init()
    int m_comparisons = 0;

    SensitivityOptions optionsFor(QuantMethod method, std::vector<int> bits,
                                  SensitivityUnitKind unit = SensitivityUnitKind::Layer) const
    {
        SensitivityOptions options;
        options.bits = std::move(bits);
        options.quantization.method = method;
        options.quantization.scheme = QuantScheme::fromGroupSizeCode(4, false, kGroup);
        options.calibration = m_calibrationOptions;
        options.unit = unit;
        return options;
    }

    SensitivityScanResult scan(const SensitivityOptions& options)
    {
        SilentProgress progress;
        return SensitivityScan::run(m_model, *m_tokenizer, m_calibration, m_evaluation, options,
                                    progress);
    }

    EvaluationResult evaluate(ForwardHooks* hooks) const
    {
        SilentProgress progress;
        return PerplexityEvaluator::evaluate(m_model, *m_tokenizer, m_evaluation, {}, hooks,
                                             progress);
    }

    // The model with only the layers `match` selects quantized by RTN at `bits`, evaluated as
    // `eval` evaluates a plan.
    EvaluationResult evaluateRtn(const QString& match, int bits) const
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::None;
        PlanOverride override;
        override.match = match;
        override.method = QuantMethod::Rtn;
        override.bits = bits;
        override.groupSizeCode = kGroup;
        override.symmetric = false;
        plan.addOverride(override);
        PlanWeightHooks hooks(m_model, plan);
        return evaluate(&hooks);
    }

    void comparePoint(const SensitivityPoint& point, const EvaluationResult& independent,
                      double tolerance, const QString& what)
    {
        QVERIFY(independent.modified && independent.meanKl);
        const double perplexity = independent.modified->perplexity();
        ++m_comparisons;
        m_largestDifference =
            std::max({m_largestDifference, relativeDifference(point.perplexity, perplexity),
                      relativeDifference(point.kl, *independent.meanKl)});
        QB_CHECK(relativeDifference(point.perplexity, perplexity) <= tolerance,
                 what + ": perplexity " + test::num(point.perplexity) + " vs "
                     + test::num(perplexity));
        QB_CHECK(relativeDifference(point.kl, *independent.meanKl) <= tolerance,
                 what + ": KL " + test::num(point.kl) + " vs " + test::num(*independent.meanKl));
        QB_CHECK(std::abs(point.deltaPerplexity - (perplexity - independent.reference.perplexity()))
                     <= tolerance * perplexity,
                 what + ": delta perplexity " + test::num(point.deltaPerplexity));
    }

private Q_SLOTS:
    void init()
    {
        m_largestDifference = 0.0;
        m_comparisons = 0;
    }

    void cleanup()
    {
        if (m_comparisons > 0)
            qInfo("%d comparisons; largest relative difference from the independent "
                  "evaluation: %.3g",
                  m_comparisons, m_largestDifference);
    }

    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_tokenizer = Tokenizer::load(test::demoModelDir(), m_model->spec());
        const QDir data(test::dataDir());
        m_evaluation = TextDocuments::fromFile(
            data.filePath(QStringLiteral("tinystories/tinystories_sample.txt")));
        QCOMPARE(m_evaluation.size(), 5);
        m_calibrationOptions.sequenceLength = 256;
        m_calibration = CalibrationSet::build(*m_tokenizer,
                                              TextDocuments::fromFile(data.filePath(QStringLiteral(
                                                  "tinystories/TinyStories-valid-subset.txt"))),
                                              m_calibrationOptions);
        QCOMPARE(m_calibration.size(), std::size_t(19));

        QElapsedTimer timer;
        timer.start();
        m_rtn = scan(optionsFor(QuantMethod::Rtn, {2, 3, 4, 8}));
        qInfo("RTN scan, 35 layers x 4 widths: %.2f s", timer.nsecsElapsed() * 1e-9);
        QVERIFY(m_rtn.complete);
    }

    // One entry per linear layer in model order, each with a result at every width.
    void shape()
    {
        const std::vector<LinearLayer>& layers = m_model->inventory().layers();
        QCOMPARE(m_rtn.layers.size(), std::size_t(35));
        QCOMPARE(m_rtn.units.size(), std::size_t(35));
        QCOMPARE(m_rtn.bits, (std::vector<int>{2, 3, 4, 8}));
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const SensitivityLayer& layer = m_rtn.layers[i];
            QCOMPARE(layer.name, layers[i].name);
            QCOMPARE(layer.block, layers[i].block);
            QCOMPARE(layer.parameters, layers[i].parameterCount());
            QVERIFY(layer.note.isEmpty());
            const SensitivityUnitResult& unit = m_rtn.units[std::size_t(layer.unit)];
            QCOMPARE(unit.layers, QStringList{layer.name});
            QCOMPARE(unit.points.size(), std::size_t(4));
            for (std::size_t b = 0; b < 4; ++b)
                QCOMPARE(unit.points[b].bits, m_rtn.bits[b]);
        }
        QCOMPARE(m_rtn.evaluationDocuments, 5);
        QCOMPARE(m_rtn.calibrationWindows, 0); // RTN needs none
        QCOMPARE(m_rtn.referencePerplexity, evaluate(nullptr).reference.perplexity());
    }

    // Each point is what eval gives for the plan quantizing only that layer with RTN.
    void rtnEqualsIndependentEvaluation()
    {
        const std::vector<LinearLayer>& layers = m_model->inventory().layers();
        for (std::size_t i = 0; i < layers.size(); ++i) {
            // Every layer at 2 bits; every width for one layer per role.
            const bool allWidths = layers[i].block == 1;
            for (int bits : allWidths ? std::vector<int>{2, 3, 4, 8} : std::vector<int>{2}) {
                const SensitivityPoint* point = m_rtn.find(layers[i].name, bits);
                QVERIFY(point);
                comparePoint(*point, evaluateRtn(layers[i].name, bits), 1e-9,
                             QStringLiteral("%1 at %2 bits").arg(layers[i].name).arg(bits));
            }
        }
    }

    // The whole model at each width is what eval gives for the plan quantizing every layer.
    void wholeModelEqualsIndependentEvaluation()
    {
        QCOMPARE(m_rtn.uniform.size(), std::size_t(4));
        for (std::size_t b = 0; b < m_rtn.bits.size(); ++b) {
            QCOMPARE(m_rtn.uniform[b].bits, m_rtn.bits[b]);
            QCOMPARE(m_rtn.findUniform(m_rtn.bits[b]), &m_rtn.uniform[b]);
            comparePoint(m_rtn.uniform[b], evaluateRtn(QStringLiteral("re:.*"), m_rtn.bits[b]),
                         1e-9, QStringLiteral("every layer at %1 bits").arg(m_rtn.bits[b]));
        }
        QVERIFY(!m_rtn.findUniform(5));
        // Quantized together, the layers lose more than the sum of what each lost alone at 2 and
        // 3 bits (their errors compound): the reason AutoBits scales its prediction.
        for (int bits : {2, 3}) {
            double sum = 0.0;
            for (const SensitivityUnitResult& unit : m_rtn.units)
                sum += unit.find(bits)->kl;
            QVERIFY2(m_rtn.findUniform(bits)->kl > 1.5 * sum,
                     qPrintable(QStringLiteral("%1 bits: %2 vs %3")
                                    .arg(bits)
                                    .arg(m_rtn.findUniform(bits)->kl)
                                    .arg(sum)));
        }
    }

    // GPTQ calibrated on full-precision activations: the pipeline quantizing only that layer with
    // trueSequential off and nothing held out, then evaluated.
    void gptqEqualsPipelineOfTheLayer()
    {
        const QStringList names{
            QStringLiteral("model.layers.0.self_attn.q_proj"),
            QStringLiteral("model.layers.1.self_attn.v_proj"),
            QStringLiteral("model.layers.2.self_attn.o_proj"),
            QStringLiteral("model.layers.3.mlp.up_proj"),
            QStringLiteral("model.layers.4.mlp.down_proj"),
        };
        QElapsedTimer timer;
        timer.start();
        const SensitivityScanResult gptq = scan(optionsFor(QuantMethod::Gptq, {2, 3, 4, 8}));
        qInfo("GPTQ scan, 35 layers x 4 widths: %.2f s", timer.nsecsElapsed() * 1e-9);
        QVERIFY(gptq.complete);
        QCOMPARE(gptq.calibrationWindows, 19);
        for (const QString& name : names) {
            for (int bits : {2, 4}) {
                QuantPlan plan;
                plan.defaults.method = QuantMethod::Gptq;
                plan.defaults.scheme = QuantScheme::fromGroupSizeCode(bits, false, kGroup);
                plan.calibration = m_calibrationOptions;
                plan.calibration.holdoutFraction = 0.0;
                PipelineOptions options;
                options.trueSequential = false;
                options.layers = QStringList{name};
                SilentProgress progress;
                const auto quantized =
                    QuantizationPipeline::run(m_model, plan, m_calibration, options, progress);
                QuantizedModelHooks hooks(quantized);
                const SensitivityPoint* point = gptq.find(name, bits);
                QVERIFY(point);
                // The same X^T X and the same GPTQ: equal up to float rounding.
                comparePoint(*point, evaluate(&hooks), 1e-9,
                             QStringLiteral("%1 at %2 bits").arg(name).arg(bits));
            }
        }
        // Every layer at once: the same pipeline without the layer filter.
        {
            QuantPlan plan;
            plan.defaults.method = QuantMethod::Gptq;
            plan.defaults.scheme = QuantScheme::fromGroupSizeCode(3, false, kGroup);
            plan.calibration = m_calibrationOptions;
            plan.calibration.holdoutFraction = 0.0;
            PipelineOptions options;
            options.trueSequential = false;
            SilentProgress progress;
            const auto quantized =
                QuantizationPipeline::run(m_model, plan, m_calibration, options, progress);
            QuantizedModelHooks hooks(quantized);
            QVERIFY(gptq.findUniform(3));
            comparePoint(*gptq.findUniform(3), evaluate(&hooks), 1e-9,
                         QStringLiteral("every layer at 3 bits"));
        }
        // GPTQ compensates its rounding: at 2 bits it should hurt less than RTN on most layers.
        int better = 0;
        for (const SensitivityLayer& layer : gptq.layers)
            better += gptq.find(layer.name, 2)->kl < m_rtn.find(layer.name, 2)->kl;
        QVERIFY2(better >= 30, qPrintable(QString::number(better)));
    }

    // More bits, less damage: KL never grows from 2 to 8 bits, and the perplexity change at
    // 8 bits is at most the one at 2 bits for most layers (it is close to noise at 8 bits).
    void moreBitsHurtLess()
    {
        int ordered = 0;
        for (const SensitivityLayer& layer : m_rtn.layers) {
            const SensitivityPoint* two = m_rtn.find(layer.name, 2);
            const SensitivityPoint* eight = m_rtn.find(layer.name, 8);
            QVERIFY(two->kl >= 0.0 && eight->kl >= 0.0);
            QB_CHECK(eight->kl <= two->kl, layer.name + ": KL at 8 bits above 2 bits");
            ordered += eight->deltaPerplexity <= two->deltaPerplexity;
        }
        QVERIFY2(ordered >= 32, qPrintable(QString::number(ordered)));
    }

    // A block unit quantizes every layer of the block at once; a role unit one role everywhere.
    void blockAndRoleUnits()
    {
        const SensitivityScanResult blocks =
            scan(optionsFor(QuantMethod::Rtn, {3}, SensitivityUnitKind::Block));
        QCOMPARE(blocks.units.size(), std::size_t(5));
        QCOMPARE(blocks.layers.size(), std::size_t(35));
        QCOMPARE(blocks.units[2].name, QStringLiteral("model.layers.2"));
        QCOMPARE(blocks.units[2].layers.size(), 7);
        for (const SensitivityLayer& layer : blocks.layers)
            QCOMPARE(layer.unit, layer.block);
        comparePoint(blocks.units[2].points.at(0),
                     evaluateRtn(QStringLiteral("re:model\\.layers\\.2\\..*"), 3), 1e-9,
                     QStringLiteral("block 2"));

        const SensitivityScanResult roles =
            scan(optionsFor(QuantMethod::Rtn, {3}, SensitivityUnitKind::Role));
        QCOMPARE(roles.units.size(), std::size_t(7));
        QCOMPARE(roles.units[6].name, QStringLiteral("down_proj"));
        QCOMPARE(roles.units[6].layers.size(), 5);
        comparePoint(roles.units[6].points.at(0),
                     evaluateRtn(QStringLiteral("re:.*\\.down_proj"), 3), 1e-9,
                     QStringLiteral("down_proj"));
        // Whatever the unit, the whole model is the same plan.
        QCOMPARE(blocks.uniform.at(0).perplexity, m_rtn.findUniform(3)->perplexity);
        QCOMPARE(roles.uniform.at(0).kl, m_rtn.findUniform(3)->kl);
        // The block's damage is more than any one of its layers'.
        for (const QString& name : blocks.units[2].layers)
            QVERIFY(blocks.units[2].points[0].kl > m_rtn.find(name, 3)->kl);
    }

    // Cancelled in the middle: the points finished are kept (and equal the full scan's), the
    // rest missing, and the result is marked incomplete.
    void cancelKeepsWhatWasFinished()
    {
        test::CancelOnText progress(
            QStringLiteral("Measuring model.layers.2.self_attn.k_proj at 3"));
        const SensitivityScanResult partial =
            SensitivityScan::run(m_model, *m_tokenizer, m_calibration, m_evaluation,
                                 optionsFor(QuantMethod::Rtn, {2, 3, 4, 8}), progress);
        QVERIFY(progress.fired());
        QVERIFY(!partial.complete);
        QCOMPARE(partial.layers.size(), std::size_t(35));
        const int cut =
            m_model->inventory().indexOf(QStringLiteral("model.layers.2.self_attn.k_proj"));
        for (std::size_t u = 0; u < partial.units.size(); ++u) {
            const std::size_t expected = int(u) < cut ? 4 : int(u) == cut ? 1 : 0;
            QCOMPARE(partial.units[u].points.size(), expected);
            for (std::size_t b = 0; b < expected; ++b)
                QCOMPARE(partial.units[u].points[b].perplexity,
                         m_rtn.units[u].points[b].perplexity);
        }
        QCOMPARE(partial.toJson()[QStringLiteral("complete")].toBool(), false);
        // The whole model is measured after the last unit: not in a scan cancelled before.
        QVERIFY(partial.uniform.empty());
        QVERIFY(!partial.toJson().contains(QStringLiteral("uniform")));
    }

    void jsonRoundTrip()
    {
        const QJsonObject json = m_rtn.toJson();
        const QJsonArray layers = json[QStringLiteral("layers")].toArray();
        QCOMPARE(layers.size(), 35);
        const QJsonObject first = layers[0].toObject();
        QCOMPARE(first[QStringLiteral("name")].toString(),
                 QStringLiteral("model.layers.0.self_attn.q_proj"));
        QCOMPARE(first[QStringLiteral("role")].toString(), QStringLiteral("q_proj"));
        QCOMPARE(first[QStringLiteral("block")].toInt(), 0);
        QCOMPARE(first[QStringLiteral("parameters")].toInt(), 64 * 64);
        const QJsonArray results = first[QStringLiteral("results")].toArray();
        QCOMPARE(results.size(), 4);
        for (const char* key : {"bits", "perplexity", "delta_perplexity", "kl"})
            QVERIFY2(results[0].toObject().contains(QLatin1String(key)), key);
        QCOMPARE(json[QStringLiteral("method")].toString(), QStringLiteral("rtn"));
        QCOMPARE(json[QStringLiteral("unit")].toString(), QStringLiteral("layer"));
        QCOMPARE(json[QStringLiteral("group_size")].toInt(), kGroup);
        QCOMPARE(json[QStringLiteral("complete")].toBool(), true);
        QVERIFY(!json.contains(QStringLiteral("units")));
        QCOMPARE(json[QStringLiteral("uniform")].toArray().size(), 4);

        const SensitivityScanResult read = SensitivityScanResult::fromJson(json, "scan.json");
        QCOMPARE(read.toJson(), json);

        const SensitivityScanResult roles =
            scan(optionsFor(QuantMethod::Rtn, {2, 8}, SensitivityUnitKind::Role));
        const QJsonObject roleJson = roles.toJson();
        QCOMPARE(roleJson[QStringLiteral("units")].toArray().size(), 7);
        QCOMPARE(roleJson[QStringLiteral("layers")][4][QStringLiteral("unit")].toString(),
                 QStringLiteral("gate_proj"));
        QCOMPARE(SensitivityScanResult::fromJson(roleJson, "roles.json").toJson(), roleJson);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QString>("pointer"); // what to break: "field" or "layers/i/field"
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("no bits") << "bits" << QJsonValue() << "has no \"bits\"";
        QTest::newRow("bits out of range")
            << "bits" << QJsonValue(QJsonArray{2, 9}) << "bits must be";
        QTest::newRow("method") << "method" << QJsonValue("awq") << "method must be";
        QTest::newRow("unit") << "unit" << QJsonValue("head") << "unit must be";
        QTest::newRow("layer name") << "layers/3/name" << QJsonValue(7) << "layers[3].name must be";
        QTest::newRow("result kl") << "layers/1/results/2/kl" << QJsonValue("x")
                                   << "layers[1].results[2].kl must be a number";
        QTest::newRow("result bits")
            << "layers/1/results/0/bits" << QJsonValue(5) << "not among the scan's";
        QTest::newRow("uniform not an array") << "uniform" << QJsonValue(3) << "uniform must be";
        QTest::newRow("uniform bits")
            << "uniform"
            << QJsonValue(QJsonArray{QJsonObject{
                   {"bits", 5}, {"perplexity", 4.0}, {"delta_perplexity", 0.5}, {"kl", 0.1}}})
            << "uniform[0] is a result at 5 bits";
        QTest::newRow("uniform order")
            << "uniform"
            << QJsonValue(QJsonArray{
                   QJsonObject{
                       {"bits", 3}, {"perplexity", 4.0}, {"delta_perplexity", 0.5}, {"kl", 0.1}},
                   QJsonObject{
                       {"bits", 2}, {"perplexity", 9.0}, {"delta_perplexity", 5.5}, {"kl", 0.9}}})
            << "each width once, in ascending order";
    }

    void malformedJson()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject json = m_rtn.toJson();
        const QStringList path = pointer.split('/');
        if (path.size() == 1) {
            if (value.isUndefined() || value.isNull())
                json.remove(path[0]);
            else
                json[path[0]] = value;
        } else {
            QJsonArray layers = json["layers"].toArray();
            QJsonObject layer = layers[path[1].toInt()].toObject();
            if (path.size() == 3) {
                layer[path[2]] = value;
            } else {
                QJsonArray results = layer["results"].toArray();
                QJsonObject result = results[path[3].toInt()].toObject();
                result[path[4]] = value;
                results[path[3].toInt()] = result;
                layer["results"] = results;
            }
            layers[path[1].toInt()] = layer;
            json["layers"] = layers;
        }
        try {
            SensitivityScanResult::fromJson(json, "scan.json");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(e.message().startsWith("scan.json: ") && e.message().contains(message),
                     qPrintable(e.message()));
        }
    }

    // A separate lm_head is a unit of its own, measured after the last block: GPTQ calibrates it
    // on the final norm's output, as the pipeline does.
    void untiedHead()
    {
        QTemporaryDir dir;
        test::TinyLlamaOptions tiny;
        tiny.tieWordEmbeddings = false;
        tiny.vocabSize = 512; // the demo tokenizer's
        test::writeTinyLlama(dir.path(), tiny);
        for (const char* file : {"tokenizer.model", "tokenizer_config.json"})
            QVERIFY(QFile::copy(QDir(test::demoModelDir()).filePath(file), dir.filePath(file)));
        const auto model = LoadedModel::open(dir.path());
        const auto tokenizer = Tokenizer::load(dir.path(), model->spec());
        const QStringList documents = m_evaluation.mid(0, 2);
        SilentProgress progress;
        SensitivityOptions options = optionsFor(QuantMethod::Gptq, {3});
        options.quantization.scheme = QuantScheme::fromGroupSizeCode(3, false, 8);
        const SensitivityScanResult scan =
            SensitivityScan::run(model, *tokenizer, m_calibration, documents, options, progress);
        QCOMPARE(scan.layers.size(), std::size_t(15));
        QCOMPARE(scan.layers.back().name, QStringLiteral("lm_head"));
        QCOMPARE(scan.layers.back().block, -1);

        QuantPlan plan;
        plan.defaults.method = QuantMethod::Gptq;
        plan.defaults.scheme = options.quantization.scheme;
        plan.calibration.holdoutFraction = 0.0;
        PipelineOptions pipelineOptions;
        pipelineOptions.trueSequential = false;
        for (const QString& name :
             {QStringLiteral("lm_head"), QStringLiteral("model.layers.1.mlp.up_proj")}) {
            pipelineOptions.layers = QStringList{name};
            const auto quantized =
                QuantizationPipeline::run(model, plan, m_calibration, pipelineOptions, progress);
            QuantizedModelHooks hooks(quantized);
            comparePoint(
                *scan.find(name, 3),
                PerplexityEvaluator::evaluate(model, *tokenizer, documents, {}, &hooks, progress),
                1e-9, name);
        }

        // The whole model includes lm_head, applied through the logits.
        pipelineOptions.layers.clear();
        {
            const auto quantized =
                QuantizationPipeline::run(model, plan, m_calibration, pipelineOptions, progress);
            QuantizedModelHooks hooks(quantized);
            comparePoint(
                scan.uniform.at(0),
                PerplexityEvaluator::evaluate(model, *tokenizer, documents, {}, &hooks, progress),
                1e-9, QStringLiteral("every layer"));
        }

        options.unit = SensitivityUnitKind::Role;
        const SensitivityScanResult roles =
            SensitivityScan::run(model, *tokenizer, m_calibration, documents, options, progress);
        QCOMPARE(roles.units.size(), std::size_t(8));
        QCOMPARE(roles.units.back().name, QStringLiteral("lm_head"));
        QCOMPARE(roles.units.back().points.at(0).perplexity, scan.find("lm_head", 3)->perplexity);
    }

    void refusedOptions()
    {
        auto refused = [&](const SensitivityOptions& options,
                           const std::vector<std::vector<int>>& windows, const QString& words) {
            SilentProgress progress;
            try {
                SensitivityScan::run(m_model, *m_tokenizer, windows, m_evaluation, options,
                                     progress);
                QFAIL("no error");
            } catch (const Error& e) {
                QVERIFY2(e.message().contains(words), qPrintable(e.message()));
            }
        };
        refused(optionsFor(QuantMethod::Awq, {4}), m_calibration, "RTN or GPTQ");
        refused(optionsFor(QuantMethod::Gptq, {4}), {}, "calibration");
        refused(optionsFor(QuantMethod::Rtn, {9}), {}, "9");
        refused(optionsFor(QuantMethod::Rtn, {}), {}, "bit-width");
        SensitivityOptions smoothed = optionsFor(QuantMethod::Rtn, {4});
        smoothed.quantization.smooth = true;
        refused(smoothed, m_calibration, "smooth");
    }
};

QTEST_GUILESS_MAIN(TestSensitivity)
#include "tst_sensitivity.moc"
