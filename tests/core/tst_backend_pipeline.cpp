// The whole pipeline on the demo model gives the same answer on the OpenCL backend as on the CPU,
// for plans that exercise every stage (calibration capture, RTN with and without the clip search,
// GPTQ with act-order, AWQ, SmoothQuant W8A8): per-layer output MSE to 1e-4 relative and
// perplexity to ±1e-3 for the GPTQ plans, 1e-2 and ±1e-2 for the search and W8A8 plans (see their
// rows). Skipped, with the reason, only where no OpenCL device exists; a device that is listed but
// cannot be set up, or a run that silently fell back to the CPU, fails.

#include "core/backend/backend_registry.h"
#include "core/calib/calibration_set.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/progress.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace qb;

namespace {

QuantPlan planFromJson(const char* json)
{
    return QuantPlan::fromJson(QJsonDocument::fromJson(QByteArray(json)).object(),
                               QStringLiteral("test recipe"));
}

} // namespace

class TestBackendPipeline : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    std::vector<std::vector<int>> m_windows;
    QStringList m_evaluation;
    std::shared_ptr<const ComputeBackend> m_openCl;

    double perplexity(const std::shared_ptr<const QuantizedModel>& run,
                      const std::shared_ptr<const ComputeBackend>& backend)
    {
        QuantizedModelHooks hooks(run);
        PerplexityOptions options;
        options.backend = backend;
        SilentProgress progress;
        const EvaluationResult result = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, m_evaluation, options, &hooks, progress);
        return result.modified->perplexity();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const BackendChoice choice = ComputeBackends::create(QStringLiteral("opencl"));
        if (!choice.fallbackReason.isEmpty()) {
            const std::vector<ComputeDevice> listed = ComputeBackends::list().devices;
            if (std::none_of(listed.begin(), listed.end(),
                             [](const ComputeDevice& device) { return device.isOpenCl(); }))
                QSKIP(qPrintable(QStringLiteral("no usable OpenCL device: ")
                                 + choice.fallbackReason));
            QFAIL(qPrintable(QStringLiteral("an OpenCL device is listed but not usable: ")
                             + choice.fallbackReason));
        }
        m_openCl = choice.backend;
        qInfo("OpenCL device: %s", qPrintable(m_openCl->device().describe()));

        m_model = LoadedModel::open(test::demoModelDir());
        m_tokenizer = Tokenizer::load(test::demoModelDir(), m_model->spec());
        const QDir data(test::dataDir());
        CalibrationOptions calibration;
        calibration.sequenceLength = 256;
        m_windows = CalibrationSet::build(*m_tokenizer,
                                          TextDocuments::fromFile(data.filePath(QStringLiteral(
                                              "tinystories/TinyStories-valid-subset.txt"))),
                                          calibration);
        m_evaluation = TextDocuments::fromFile(
            data.filePath(QStringLiteral("tinystories/tinystories_sample.txt")));
    }

    void sameResultOnBothBackends_data()
    {
        QTest::addColumn<QString>("recipe");
        // Whether each block is calibrated on the quantized model's activations.
        QTest::addColumn<bool>("trueSequential");
        // A layer's output MSE, OpenCL against CPU: at most this relative difference.
        QTest::addColumn<double>("mseTolerance");
        // The perplexity of the quantized model: at most this absolute difference.
        QTest::addColumn<double>("perplexityTolerance");

        // The issue's criterion, on the pipeline's own method: GPTQ, true-sequential.
        QTest::newRow("gptq a4g32") << QStringLiteral(
            R"({"default": {"method": "gptq", "bits": 4, "group_size": 32, "sym": false},
                "calibration": {"seqlen": 256, "holdout": 0.1}})")
                                    << true << 1e-4 << 1e-3;
        QTest::newRow("gptq a3g32 act-order static groups, rtn") << QStringLiteral(
            R"({"default": {"method": "gptq", "bits": 3, "group_size": 32, "sym": false,
                            "act_order": true, "static_groups": true},
                "overrides": [{"match": "re:.*self_attn\\.o_proj", "method": "rtn"}],
                "calibration": {"seqlen": 256, "holdout": 0.1}})")
                                                                 << true << 1e-4 << 1e-3;

        // Searches and int8 activations take discrete decisions: a clip step or an AWQ ratio
        // whose loss equals another's to float rounding, a token's int8 level on a rounding
        // boundary. The backends' sums differ in their last bits, so such a tie can go either
        // way, and the step it takes is far larger than float rounding. Measured on this model:
        // with full-precision activations, a clip search shrinking 54.1 % or 54.4 % of a layer's
        // groups (output MSE 5e-4 apart), W8A8 perplexities 3.5465 and 3.5497; true-sequential
        // passes each tie on to every later block (AWQ ratios 0.45 and 0.15 for one layer). These
        // plans are compared on full-precision activations, to the size of such ties.
        QTest::newRow("rtn + clip search, awq, gptq act-order") << QStringLiteral(
            R"({"default": {"method": "rtn", "bits": 4, "group_size": 32, "sym": false,
                            "clip_search": true},
                "overrides": [
                  {"match": "re:.*mlp\\.(gate|up)_proj", "method": "awq"},
                  {"match": "re:.*mlp\\.down_proj", "method": "gptq", "bits": 3,
                   "act_order": true},
                  {"match": "re:.*self_attn\\.o_proj", "method": "rtn", "clip_search": false}],
                "calibration": {"seqlen": 256, "holdout": 0.1}})")
                                                                << false << 1e-2 << 1e-2;
        QTest::newRow("smoothquant w8a8, w8a8") << QStringLiteral(
            R"({"default": {"method": "smoothquant", "alpha": 0.5},
                "overrides": [{"match": "re:.*self_attn\\.o_proj", "method": "w8a8"}],
                "calibration": {"seqlen": 256, "holdout": 0.1}})")
                                                << false << 1e-2 << 1e-2;
    }

    void sameResultOnBothBackends()
    {
        QFETCH(QString, recipe);
        QFETCH(bool, trueSequential);
        QFETCH(double, mseTolerance);
        QFETCH(double, perplexityTolerance);
        const QuantPlan plan = planFromJson(recipe.toUtf8().constData());
        QVERIFY(plan.problemsFor(m_model->inventory()).isEmpty());

        PipelineOptions onCpu;
        onCpu.backend = ComputeBackend::cpu();
        onCpu.trueSequential = trueSequential;
        PipelineOptions onOpenCl;
        onOpenCl.backend = m_openCl;
        onOpenCl.trueSequential = trueSequential;
        SilentProgress progress;
        const auto cpuRun = QuantizationPipeline::run(m_model, plan, m_windows, onCpu, progress);
        const auto clRun = QuantizationPipeline::run(m_model, plan, m_windows, onOpenCl, progress);

        // The OpenCL run really ran there: no fallback hides behind an equal answer.
        QCOMPARE(clRun->report.compute.deviceId, m_openCl->device().id);
        QVERIFY2(clRun->report.compute.fallbackReason.isEmpty(),
                 qPrintable(clRun->report.compute.fallbackReason));
        QVERIFY(clRun->report.compute.peakDeviceBytes > 0);
        QCOMPARE(cpuRun->report.compute.deviceId, QStringLiteral("cpu"));

        QCOMPARE(clRun->report.layers.size(), cpuRun->report.layers.size());
        double worst = 0.0;
        for (std::size_t i = 0; i < cpuRun->report.layers.size(); ++i) {
            const LayerReport& cpu = cpuRun->report.layers[i];
            const LayerReport& cl = clRun->report.layers[i];
            QCOMPARE(cl.name, cpu.name);
            QCOMPARE(cl.status, cpu.status);
            if (cpu.status != LayerStatus::Quantized)
                continue;
            QVERIFY2(cpu.output.rows > 0, qPrintable(cpu.name));
            const double relative =
                std::abs(cl.output.mse - cpu.output.mse) / std::max(cpu.output.mse, 1e-30);
            worst = std::max(worst, relative);
            QVERIFY2(relative <= mseTolerance,
                     qPrintable(QStringLiteral("%1: output MSE %2 (OpenCL) vs "
                                               "%3 (CPU)")
                                    .arg(cpu.name)
                                    .arg(cl.output.mse, 0, 'g', 9)
                                    .arg(cpu.output.mse, 0, 'g', 9)));
        }
        qInfo("worst relative difference of a layer's output MSE: %.3g", worst);

        const double cpuPerplexity = perplexity(cpuRun, ComputeBackend::cpu());
        const double clPerplexity = perplexity(clRun, m_openCl);
        qInfo("perplexity: CPU %.6f, OpenCL %.6f", cpuPerplexity, clPerplexity);
        QVERIFY(std::abs(clPerplexity - cpuPerplexity) <= perplexityTolerance);
        QVERIFY2(m_openCl->fallbackReason().isEmpty(), qPrintable(m_openCl->fallbackReason()));
    }
};

QTEST_GUILESS_MAIN(TestBackendPipeline)
#include "tst_backend_pipeline.moc"
