// The layer-sequential quantization pipeline on the demo model: with the golden calibration
// protocol and full-precision inputs it reproduces the single-layer reference results (GPTQ,
// SmoothQuant, W8A8) inside a whole-model run; held-out windows; true-sequential calibration;
// cancellation keeping finished layers; evaluation of the result (input scaling and int8
// activations included); AWQ's tied o_proj scales under grouped-query attention (the fold keeps
// the function; multi-head attention unchanged); non-finite weights; runs without calibration
// data.

#include "core/calib/calibration_set.h"
#include "core/metrics/output_error.h"
#include "core/metrics/perplexity.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/quant/plan_weight_hooks.h"
#include "core/quant/quantization_pipeline.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/golden_layers.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

using namespace qb;
using qb::test::GoldenLayers;

namespace {

QuantPlan planFor(QuantMethod method, const QString& tag, double holdout = 0.0)
{
    QuantPlan plan;
    plan.defaults.method = method;
    plan.defaults.scheme = *test::schemeFromTag(tag);
    plan.calibration.sequenceLength = 256;
    plan.calibration.holdoutFraction = holdout;
    return plan;
}

// Cancels once the pipeline reported `reports` times.
class CancelAfter final : public Progress {
public:
    explicit CancelAfter(int reports)
        : m_left(reports)
    {
    }

protected:
    void deliver(double, const QString&) override { --m_left; }
    bool cancelRequested() const override { return m_left <= 0; }

private:
    int m_left;
};

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<GoldenLayers> m_golden;
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    QStringList m_calibration;
    std::vector<std::vector<int>> m_windows; // the golden calibration protocol: 19 × ≤ 256

    PipelineOptions fullPrecisionInputs() const
    {
        PipelineOptions options;
        options.trueSequential = false;
        return options;
    }

    std::shared_ptr<const QuantizedModel> run(const QuantPlan& plan,
                                              const PipelineOptions& options = {})
    {
        SilentProgress progress;
        return QuantizationPipeline::run(m_model, plan, m_windows, options, progress);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_golden = std::make_unique<GoldenLayers>();
        m_model = LoadedModel::open(test::demoModelDir());
        m_tokenizer = Tokenizer::load(test::demoModelDir(), m_model->spec());
        m_calibration = TextDocuments::fromFile(
            QDir(test::dataDir())
                .filePath(QStringLiteral("tinystories/TinyStories-valid-subset.txt")));
        CalibrationOptions options;
        options.sequenceLength = 256;
        m_windows = CalibrationSet::build(*m_tokenizer, m_calibration, options);
        QCOMPARE(m_windows.size(), std::size_t(19));
    }

    // With every window fitted on and full-precision inputs, the statistics are the golden
    // calibration set's, so each golden layer comes out as the reference quantized it alone.
    void goldenLayersInsideTheModel_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::newRow("gptq.a4g32") << QStringLiteral("gptq.a4g32");
        QTest::newRow("gptq.a3g32") << QStringLiteral("gptq.a3g32");
        QTest::newRow("gptq_actorder.a4g32") << QStringLiteral("gptq_actorder.a4g32");
        QTest::newRow("plain.w8a8") << QStringLiteral("plain.w8a8");
    }

    void goldenLayersInsideTheModel()
    {
        QFETCH(QString, tag);
        const QString variant = tag.section(QLatin1Char('.'), 0, 0);
        const bool w8a8 = variant == QLatin1String("plain");
        QuantPlan plan = planFor(w8a8 ? QuantMethod::W8A8 : QuantMethod::Gptq,
                                 w8a8 ? QStringLiteral("s8pc") : tag.section(QLatin1Char('.'), 1));
        plan.defaults.actOrder = variant == QLatin1String("gptq_actorder");
        const auto result = run(plan, fullPrecisionInputs());
        QVERIFY(result->report.complete);
        QCOMPARE(result->report.calibration.fitWindows, 19);
        QCOMPARE(result->report.calibration.heldOutWindows, 0);
        QCOMPARE(result->report.countWithStatus(LayerStatus::Quantized), 35);

        for (const test::GoldenLayerCase& c : test::goldenLayerCases()) {
            const QuantizedLayer* layer = result->find(c.layer);
            QVERIFY(layer);
            const RowMatrix testRows = m_golden->inputs(c.site, QStringLiteral("test"));
            std::int64_t rows = 0, cols = 0;
            const std::vector<float> weight = m_golden->weight(c.layer, &rows, &cols);
            OutputErrorAccumulator error;
            RowMatrix exact =
                testRows * Eigen::Map<const RowMatrix>(weight.data(), rows, cols).transpose();
            error.add(exact, layer->forward(testRows));
            const double referenceMse =
                m_golden->result(c.layer, tag).value(QStringLiteral("mse")).toDouble();
            qInfo("%s|%s: output MSE %.6g, reference %.6g", qPrintable(c.layer), qPrintable(tag),
                  error.result().mse, referenceMse);
            QVERIFY(std::abs(error.result().mse - referenceMse) <= 1e-3 * referenceMse);
            if (!w8a8) {
                const std::vector<float> ours = layer->dequantizedWeight();
                const std::vector<float> reference = m_golden->referenceWeight(c.layer, tag);
                std::int64_t differing = 0;
                for (std::size_t i = 0; i < ours.size(); ++i)
                    if (std::abs(ours[i] - reference[i])
                        > 1e-4f * std::max(std::abs(reference[i]), 1e-3f))
                        ++differing;
                QVERIFY2(differing <= std::int64_t(ours.size()) / 1000,
                         qPrintable(QString::number(differing)));
            }
        }
    }

    // SmoothQuant of down_proj (alone at its input; folded into up_proj) matches the reference.
    void smoothQuantInsideTheModel()
    {
        // o_proj cannot be smoothed in this grouped-query model: plain W8A8 there, with a
        // warning, as the reference leaves it.
        const QuantPlan plan = planFor(QuantMethod::SmoothQuant, QStringLiteral("s8pc"));
        QVERIFY(plan.problemsFor(m_model->inventory()).isEmpty());
        const QStringList warnings = plan.warningsFor(m_model->inventory());
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QLatin1String("model.layers.4.self_attn.o_proj")));
        const auto result = run(plan, fullPrecisionInputs());
        const QString layer = QStringLiteral("model.layers.2.mlp.down_proj");
        const QuantizedLayer* down = result->find(layer);
        QVERIFY(down);
        QVERIFY(down->quantizedActivations);
        QCOMPARE(down->inputScale.size(), std::size_t(172));
        const RowMatrix testRows =
            m_golden->inputs(QStringLiteral("l2.down_in"), QStringLiteral("test"));
        std::int64_t rows = 0, cols = 0;
        const std::vector<float> weight = m_golden->weight(layer, &rows, &cols);
        OutputErrorAccumulator error;
        error.add(testRows * Eigen::Map<const RowMatrix>(weight.data(), rows, cols).transpose(),
                  down->forward(testRows));
        const double referenceMse = m_golden->result(layer, QStringLiteral("smoothquant.w8a8"))
                                        .value(QStringLiteral("mse"))
                                        .toDouble();
        QVERIFY2(std::abs(error.result().mse - referenceMse) <= 1e-4 * referenceMse,
                 qPrintable(QStringLiteral("%1 vs %2").arg(error.result().mse).arg(referenceMse)));
        // The layers sharing an input share its scale.
        QCOMPARE(result->find(QStringLiteral("model.layers.1.self_attn.k_proj"))->inputScale,
                 result->find(QStringLiteral("model.layers.1.self_attn.q_proj"))->inputScale);
        const QuantizedLayer* o = result->find(QStringLiteral("model.layers.1.self_attn.o_proj"));
        QVERIFY(o->inputScale.empty());
        QVERIFY(o->quantizedActivations);
        QCOMPARE(o->config.method, QuantMethod::SmoothQuant);
        QVERIFY(o->details.contains(QLatin1String("not smoothed")));
    }

    // AWQ in the model: one scale per input (q/k/v judged on the attention output, gate/up on the
    // MLP output, down_proj and o_proj on their own, folded into up_proj and v_proj); o_proj of
    // this grouped-query model (8 query heads of 8 dims, 4 key/value heads) takes a scale tied
    // over the two query heads reading each key/value head, or with tied_scales off none (only
    // clipped, as llm-awq does). The scaled layers compute what their weights in the original
    // input space compute.
    void awqInsideTheModel()
    {
        const auto awq = run(planFor(QuantMethod::Awq, QStringLiteral("a3g32"), 0.1));
        const auto rtn = run(planFor(QuantMethod::Rtn, QStringLiteral("a3g32"), 0.1));
        QuantPlan untiedPlan = planFor(QuantMethod::Awq, QStringLiteral("a3g32"), 0.1);
        untiedPlan.defaults.tiedScales = false;
        const auto untied = run(untiedPlan);
        QCOMPARE(awq->report.countWithStatus(LayerStatus::Quantized), 35);
        QCOMPARE(untied->report.countWithStatus(LayerStatus::Quantized), 35);
        int scaledOProj = 0;
        for (int b = 0; b < 5; ++b) {
            const QString prefix = QStringLiteral("model.layers.%1.").arg(b);
            auto layer = [&](const char* suffix) {
                return awq->find(prefix + QLatin1String(suffix));
            };
            QCOMPARE(layer("self_attn.q_proj")->inputScale.size(), std::size_t(64));
            QCOMPARE(layer("self_attn.k_proj")->inputScale, layer("self_attn.q_proj")->inputScale);
            QCOMPARE(layer("self_attn.v_proj")->inputScale, layer("self_attn.q_proj")->inputScale);
            QCOMPARE(layer("mlp.up_proj")->inputScale, layer("mlp.gate_proj")->inputScale);
            QCOMPARE(layer("mlp.down_proj")->inputScale.size(), std::size_t(172));
            // The tie: query heads 2k and 2k + 1 share key/value head k, so their scales agree.
            const QuantizedLayer* o = layer("self_attn.o_proj");
            QCOMPARE(o->inputScale.size(), std::size_t(64));
            QVERIFY2(o->details.contains(QLatin1String("key/value")), qPrintable(o->details));
            std::vector<float> vRows;
            test::vProjRowDivisor(m_model->spec(), o->inputScale, vRows);
            if (QTest::currentTestFailed())
                return;
            if (std::any_of(o->inputScale.begin(), o->inputScale.end(),
                            [](float s) { return s != 1.0f; }))
                ++scaledOProj;
            const QuantizedLayer* plain = untied->find(prefix + "self_attn.o_proj");
            QVERIFY(plain->inputScale.empty());
            QVERIFY(plain->details.contains(QLatin1String("not scaled")));
        }
        // The search chose a ratio above 0 somewhere, so the tied scales are exercised.
        QVERIFY(scaledOProj > 0);
        // Better than rounding to nearest where it counts: the held-out output error summed over
        // the layers.
        double awqError = 0.0, rtnError = 0.0;
        for (std::size_t i = 0; i < awq->report.layers.size(); ++i) {
            awqError += awq->report.layers[i].output.mse;
            rtnError += rtn->report.layers[i].output.mse;
        }
        qInfo("held-out output MSE summed over the layers: AWQ %.6g, RTN %.6g", awqError, rtnError);
        QVERIFY(awqError < rtnError);

        // Dividing the inputs by s (what folding does) and using Ŵ / s agree.
        struct OriginalSpace final : ForwardHooks {
            const QuantizedModel* model = nullptr;
            std::map<QString, std::vector<float>> weights;
            const float* weightFor(const LinearLayer& layer) override
            {
                auto& w = weights[layer.name];
                if (w.empty())
                    w = model->find(layer.name)->weightInOriginalSpace();
                return w.data();
            }
        } originalSpace;
        originalSpace.model = awq.get();
        QuantizedModelHooks folded(awq);
        PerplexityOptions options;
        SilentProgress progress;
        const QStringList documents = m_calibration.mid(0, 4);
        const EvaluationResult a = PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                                 options, &folded, progress);
        const EvaluationResult b = PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                                 options, &originalSpace, progress);
        QVERIFY(std::abs(a.modified->perplexity() - b.modified->perplexity())
                <= 1e-4 * b.modified->perplexity());
    }

    // The tied fold is exact: v_proj's output rows divided by s per key/value channel and o_proj's
    // columns multiplied by s — for every query head reading that channel — compute the same
    // function (before any quantization). A scale that is not tied does not fold: the same
    // construction then changes the logits, so the comparison can fail.
    void tiedFoldKeepsTheFunction()
    {
        const ModelSpec& spec = m_model->spec();
        QCOMPARE(spec.numAttentionHeads, 8);
        QCOMPARE(spec.numKeyValueHeads, 4);
        const std::int64_t width = std::int64_t(spec.numAttentionHeads) * spec.headDim;
        // Tied over each key/value head's query heads, spanning a factor 81, not powers of two (so
        // that the fold rounds).
        std::vector<float> tied(static_cast<std::size_t>(width));
        for (std::int64_t c = 0; c < width; ++c) {
            const std::int64_t kvChannel = (c / spec.headDim) / 2 * spec.headDim + c % spec.headDim;
            tied[static_cast<std::size_t>(c)] =
                std::pow(3.0f, static_cast<float>(kvChannel % 7 - 3) / 1.5f);
        }
        std::vector<float> untied = tied;
        untied[static_cast<std::size_t>(spec.headDim + 3)] *= 4.0f; // head 1 differs from head 0

        struct Folded final : ForwardHooks {
            std::map<QString, std::vector<float>> weights;
            const float* weightFor(const LinearLayer& layer) override
            {
                const auto it = weights.find(layer.name);
                return it == weights.end() ? nullptr : it->second.data();
            }
        };
        // v_proj's rows always take the tied values (an untied s has none to give them); o_proj's
        // columns take `s`, so an untied s breaks the function.
        auto fold = [&](const std::vector<float>& s, Folded& hooks) {
            std::vector<float> rows;
            test::vProjRowDivisor(spec, tied, rows);
            for (int b = 0; b < spec.numHiddenLayers; ++b) {
                const LinearLayer& v = m_model->inventory().blockLayer(b, LayerRole::VProj);
                const LinearLayer& o = m_model->inventory().blockLayer(b, LayerRole::OProj);
                std::vector<float> vw = m_model->readWeight(v);
                for (std::int64_t r = 0; r < v.outFeatures; ++r)
                    for (std::int64_t c = 0; c < v.inFeatures; ++c)
                        vw[static_cast<std::size_t>(r * v.inFeatures + c)] /=
                            rows[static_cast<std::size_t>(r)];
                std::vector<float> ow = m_model->readWeight(o);
                for (std::int64_t r = 0; r < o.outFeatures; ++r)
                    for (std::int64_t c = 0; c < o.inFeatures; ++c)
                        ow[static_cast<std::size_t>(r * o.inFeatures + c)] *=
                            s[static_cast<std::size_t>(c)];
                hooks.weights[v.name] = std::move(vw);
                hooks.weights[o.name] = std::move(ow);
            }
        };
        const std::vector<int> tokens(m_windows.front().begin(), m_windows.front().begin() + 96);
        const std::vector<float> original = test::logitsOf(m_model, tokens);
        double largest = 0.0;
        for (float v : original)
            largest = std::max(largest, double(std::abs(v)));

        Folded exact;
        fold(tied, exact);
        if (QTest::currentTestFailed())
            return;
        const double difference =
            test::maxAbsDifference(test::logitsOf(m_model, tokens, &exact), original);
        qInfo("tied fold: max |Δ logit| %.3g of max |logit| %.3g", difference, largest);
        QVERIFY2(difference <= 1e-5 * largest, qPrintable(QString::number(difference)));

        Folded wrong;
        fold(untied, wrong);
        const double wrongDifference =
            test::maxAbsDifference(test::logitsOf(m_model, tokens, &wrong), original);
        QVERIFY2(wrongDifference > 1e-3 * largest, qPrintable(QString::number(wrongDifference)));
    }

    // With as many key/value heads as query heads o_proj's scale folds into v_proj one to one:
    // AWQ scales it freely, as llm-awq does, and tied_scales changes nothing.
    void multiHeadAttentionUnchanged()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.numKvHeads = options.numHeads;
        test::writeTinyLlama(dir.path(), options);
        const auto model = LoadedModel::open(dir.path());
        const FoldTarget& fold = model->inventory().blockLayer(0, LayerRole::OProj).foldTarget;
        QVERIFY(fold.foldsAnyScale() && !fold.foldsTiedScale());
        QuantPlan plan = test::rtnPlan(3, 16, false);
        plan.defaults.method = QuantMethod::Awq;
        const std::vector<std::vector<int>> windows =
            test::tinyCalibrationWindows(options.vocabSize);
        SilentProgress progress;
        const auto tied = QuantizationPipeline::run(model, plan, windows, {}, progress);
        plan.defaults.tiedScales = false;
        QVERIFY(plan.warningsFor(model->inventory()).isEmpty());
        const auto untied = QuantizationPipeline::run(model, plan, windows, {}, progress);
        QCOMPARE(tied->layers.size(), untied->layers.size());
        for (const auto& [name, layer] : tied->layers) {
            const QuantizedLayer* other = untied->find(name);
            QVERIFY(other);
            QCOMPARE(layer.inputScale, other->inputScale);
            QCOMPARE(layer.tensor.codes, other->tensor.codes);
            QCOMPARE(layer.details, other->details);
            QVERIFY(!layer.inputScale.empty()); // o_proj too
        }
    }

    // Held-out windows: never fitted on, and where the output errors are measured.
    void heldOutWindows()
    {
        QCOMPARE(QuantizationPipeline::heldOutWindowCount(19, 0.1), 2);
        QCOMPARE(QuantizationPipeline::heldOutWindowCount(1, 0.1), 0);
        QCOMPARE(QuantizationPipeline::heldOutWindowCount(2, 0.1), 1);
        QCOMPARE(QuantizationPipeline::heldOutWindowCount(10, 0.99), 9);
        QCOMPARE(QuantizationPipeline::heldOutWindowCount(10, 0.0), 0);

        const auto result = run(planFor(QuantMethod::Gptq, QStringLiteral("a4g32"), 0.1));
        const CalibrationUse& use = result->report.calibration;
        QCOMPARE(use.fitWindows, 17);
        QCOMPARE(use.heldOutWindows, 2);
        std::int64_t held = 0;
        for (std::size_t w = 17; w < 19; ++w)
            held += std::int64_t(m_windows[w].size());
        QCOMPARE(use.heldOutTokens, held);
        QCOMPARE(use.fitTokens + use.heldOutTokens, std::int64_t(4864));
        for (const LayerReport& layer : result->report.layers) {
            QCOMPARE(layer.status, LayerStatus::Quantized);
            QCOMPARE(layer.output.rows, held);
            QVERIFY(!layer.outputOnFitRows);
            QVERIFY(layer.output.mse > 0.0 && std::isfinite(layer.output.mse));
            QVERIFY(layer.output.relativeError > 0.0 && layer.output.relativeError < 0.5);
            QVERIFY(std::abs(layer.output.sqnrDb + 20.0 * std::log10(layer.output.relativeError))
                    < 1e-9);
            QCOMPARE(layer.dampingRaises, 0);
            QVERIFY(!layer.fellBackToRtn);
        }
    }

    // True-sequential: block 0's q/k/v see the embeddings either way; o_proj then sees what the
    // quantized q/k/v give, and every later block what the quantized blocks give.
    void trueSequential()
    {
        const QuantPlan plan = planFor(QuantMethod::Gptq, QStringLiteral("a3g32"));
        const auto sequential = run(plan);
        const auto parallel = run(plan, fullPrecisionInputs());
        for (const char* name :
             {"model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj"})
            QCOMPARE(sequential->find(QLatin1String(name))->tensor.codes,
                     parallel->find(QLatin1String(name))->tensor.codes);
        for (const char* name : {"model.layers.0.self_attn.o_proj", "model.layers.0.mlp.gate_proj",
                                 "model.layers.1.self_attn.q_proj"})
            QVERIFY(sequential->find(QLatin1String(name))->tensor.codes
                    != parallel->find(QLatin1String(name))->tensor.codes);
    }

    // Cancel at a layer boundary: the finished layers are kept and usable, the rest not run.
    void cancelKeepsFinishedLayers()
    {
        CancelAfter progress(8);
        const auto result = QuantizationPipeline::run(
            m_model, planFor(QuantMethod::Gptq, QStringLiteral("a4g32")), m_windows, {}, progress);
        QVERIFY(!result->report.complete);
        const int quantized = result->report.countWithStatus(LayerStatus::Quantized);
        QVERIFY(quantized > 0);
        QVERIFY(result->report.countWithStatus(LayerStatus::NotRun) > 0);
        QCOMPARE(int(result->layers.size()), quantized);
        bool seenNotRun = false;
        for (const LayerReport& layer : result->report.layers) {
            // Layers finish in model order.
            if (layer.status == LayerStatus::NotRun)
                seenNotRun = true;
            else
                QVERIFY(!seenNotRun);
        }
        // The partial model evaluates.
        QuantizedModelHooks hooks(result);
        PerplexityOptions options;
        SilentProgress evaluation;
        const EvaluationResult scores = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, m_calibration.mid(0, 3), options, &hooks, evaluation);
        QVERIFY(scores.modified && std::isfinite(scores.modified->perplexity()));
    }

    // Evaluation applies what the quantized layers do to their inputs: a W8A8 model evaluated
    // through the hooks differs from one whose weights alone are swapped in.
    void evaluationAppliesActivationQuantization()
    {
        const auto result = run(planFor(QuantMethod::W8A8, QStringLiteral("s8pc")));
        struct WeightsOnly final : ForwardHooks {
            const QuantizedModel* model = nullptr;
            std::map<QString, std::vector<float>> weights;
            const float* weightFor(const LinearLayer& layer) override
            {
                auto& w = weights[layer.name];
                if (w.empty())
                    w = model->find(layer.name)->dequantizedWeight();
                return w.data();
            }
        } weightsOnly;
        weightsOnly.model = result.get();
        QuantizedModelHooks full(result);
        PerplexityOptions options;
        SilentProgress progress;
        const QStringList documents = m_calibration.mid(0, 4);
        const EvaluationResult a = PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                                 options, &full, progress);
        const EvaluationResult b = PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                                 options, &weightsOnly, progress);
        QVERIFY(a.modified->perplexity() != b.modified->perplexity());
        // And the plan evaluated without storing the model (PlanWeightHooks) agrees exactly.
        PlanWeightHooks streamed(m_model, planFor(QuantMethod::W8A8, QStringLiteral("s8pc")));
        const EvaluationResult c = PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                                 options, &streamed, progress);
        QCOMPARE(c.modified->perplexity(), a.modified->perplexity());
    }

    void withoutCalibration()
    {
        SilentProgress progress;
        const auto rtn = QuantizationPipeline::run(
            m_model, planFor(QuantMethod::Rtn, QStringLiteral("a4g32")), {}, {}, progress);
        QCOMPARE(rtn->report.countWithStatus(LayerStatus::Quantized), 35);
        for (const LayerReport& layer : rtn->report.layers)
            QCOMPARE(layer.output.rows, std::int64_t(0));
        try {
            QuantizationPipeline::run(m_model, planFor(QuantMethod::Gptq, QStringLiteral("a4g32")),
                                      {}, {}, progress);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QLatin1String("model.layers.0.self_attn.q_proj"))
                         && e.message().contains(QLatin1String("calibration")),
                     qPrintable(e.message()));
        }
    }

    // GPTQ fitted on fewer tokens than a layer's input channels (its XᵀX singular) is reported
    // once for the run, counting those layers and naming the widest; enough tokens, or a method
    // that solves no least squares over all the channels, report nothing.
    void fewerTokensThanChannelsAreReported()
    {
        const QuantPlan gptq = planFor(QuantMethod::Gptq, QStringLiteral("a4g32"));
        QVERIFY(run(gptq)->report.runWarnings().isEmpty());

        const std::vector<std::vector<int>> shortWindow{
            std::vector<int>(m_windows[0].begin(), m_windows[0].begin() + 100)};
        SilentProgress progress;
        const auto few = QuantizationPipeline::run(m_model, gptq, shortWindow, {}, progress);
        QCOMPARE(few->report.calibration.fitTokens, std::int64_t(100));
        const QStringList warnings = few->report.runWarnings();
        QCOMPARE(warnings.size(), 1);
        // The five down_proj (172 inputs) exceed 100 tokens; q/k/v, o_proj and gate/up (64) not.
        // (No translator is loaded here, so the count reads "5 layer(s)".)
        QVERIFY2(
            warnings[0].contains(QLatin1String("of 5 layer"))
                && warnings[0].contains(QLatin1String("model.layers.0.mlp.down_proj, has 172")),
            qPrintable(warnings[0]));

        const std::vector<std::vector<int>> tinyWindow{
            std::vector<int>(m_windows[0].begin(), m_windows[0].begin() + 40)};
        const auto tiny = QuantizationPipeline::run(m_model, gptq, tinyWindow, {}, progress);
        QVERIFY2(tiny->report.runWarnings().value(0).contains(QLatin1String("of 35 layer")),
                 qPrintable(tiny->report.runWarnings().value(0)));

        const auto awq = QuantizationPipeline::run(
            m_model, planFor(QuantMethod::Awq, QStringLiteral("a4g32")), tinyWindow, {}, progress);
        QVERIFY(awq->report.runWarnings().isEmpty());
    }

    // A layer with a NaN weight is kept as it is; layers sharing its input scale too.
    void nonFiniteWeights()
    {
        QTemporaryDir dir;
        test::TinyLlamaOptions options;
        options.numKvHeads = 4; // o_proj can be smoothed (folded into v_proj)
        std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
        for (test::RawTensor& tensor : tensors) {
            if (tensor.name == QLatin1String("model.layers.1.self_attn.k_proj.weight")) {
                float nan = std::numeric_limits<float>::quiet_NaN();
                std::memcpy(tensor.bytes.data() + 12, &nan, sizeof nan);
            }
        }
        test::writeSafetensors(dir.filePath(QStringLiteral("model.safetensors")), tensors);
        test::writeJson(dir.filePath(QStringLiteral("config.json")),
                        test::tinyLlamaConfig(options));
        const auto model = LoadedModel::open(dir.path());
        const std::vector<std::vector<int>> windows{{1, 5, 9, 3, 7, 2, 11, 4}, {1, 8, 6, 10, 12}};
        SilentProgress progress;
        for (QuantMethod method : {QuantMethod::Gptq, QuantMethod::SmoothQuant}) {
            QuantPlan plan;
            plan.defaults.method = method;
            plan.defaults.scheme = QuantScheme::fromGroupSizeCode(
                method == QuantMethod::Gptq ? 4 : 8, method != QuantMethod::Gptq, -1);
            plan.calibration.holdoutFraction = 0.0;
            const auto result = QuantizationPipeline::run(model, plan, windows, {}, progress);
            const LayerReport* k =
                result->report.find(QStringLiteral("model.layers.1.self_attn.k_proj"));
            const LayerReport* q =
                result->report.find(QStringLiteral("model.layers.1.self_attn.q_proj"));
            QCOMPARE(k->status, LayerStatus::Skipped);
            QVERIFY(k->note.contains(QLatin1String("NaN")));
            if (method == QuantMethod::Gptq) {
                QCOMPARE(q->status, LayerStatus::Quantized);
            } else {
                QCOMPARE(q->status, LayerStatus::Skipped);
                QVERIFY(q->note.contains(QLatin1String("k_proj")));
            }
            QCOMPARE(result->report.find(QStringLiteral("model.layers.0.self_attn.k_proj"))->status,
                     LayerStatus::Quantized);
        }
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
