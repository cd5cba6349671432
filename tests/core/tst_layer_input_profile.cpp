// LayerInputProfile against independent computations: a full-precision measurement of every
// golden input site against tests/data/golden/stories260K/calib.safetensors (diag(XᵀX), mean and
// max |x|, the act-order the golden diagonal implies, dead channels), the weight's column
// statistics against the checkpoint, the condition estimate against the exact eigenvalues of the
// damped golden H; and the statistics a GPTQ / AWQ pipeline run keeps against a measurement of
// block 0's q_proj (which sees full-precision inputs either way), with the run's damping,
// permutation, condition estimate and AWQ scales carried into the profile.

#include "core/analysis/layer_input_profile.h"
#include "core/calib/calibration_set.h"
#include "core/io/safetensors_file.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/quant/gptq_quantizer.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/quant/smooth_quant.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QTest>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

using namespace qb;

namespace {

QString dataFile(const char* relative)
{
    return QDir(test::dataDir()).filePath(QLatin1String(relative));
}

double relativeMaxError(const std::vector<double>& actual, const Eigen::VectorXd& expected)
{
    double worst = 0.0;
    for (std::size_t i = 0; i < actual.size(); ++i)
        worst = std::max(worst, std::abs(actual[i] - expected[Eigen::Index(i)]));
    return worst / expected.cwiseAbs().maxCoeff();
}

double relativeMaxError(const std::vector<double>& actual, const std::vector<double>& expected)
{
    return relativeMaxError(
        actual, Eigen::Map<const Eigen::VectorXd>(expected.data(), Eigen::Index(expected.size())));
}

} // namespace

class TestLayerInputProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        const auto tokenizer = Tokenizer::load(test::demoModelDir(), m_model->spec());
        // The golden calibration protocol: 19 documents, 256 tokens each.
        CalibrationOptions options;
        options.sequenceLength = 256;
        m_windows = CalibrationSet::build(
            *tokenizer,
            TextDocuments::fromFile(dataFile("tinystories/TinyStories-valid-subset.txt")), options);
        QCOMPARE(m_windows.size(), std::size_t(19));
    }

    void measurementMatchesGoldenStatistics_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("golden");
        QTest::newRow("q_proj 0") << "model.layers.0.self_attn.q_proj"
                                  << "l0.attn_in";
        QTest::newRow("o_proj 3") << "model.layers.3.self_attn.o_proj"
                                  << "l3.o_in";
        QTest::newRow("up_proj 4") << "model.layers.4.mlp.up_proj"
                                   << "l4.mlp_in";
        QTest::newRow("down_proj 2") << "model.layers.2.mlp.down_proj"
                                     << "l2.down_in";
    }

    void measurementMatchesGoldenStatistics()
    {
        QFETCH(QString, layer);
        QFETCH(QString, golden);
        const auto file = SafetensorsFile::open(dataFile("golden/stories260K/calib.safetensors"));
        const TensorInfo* xtxInfo = file->find(golden + ".xtx");
        QVERIFY(xtxInfo);
        const auto k = Eigen::Index(xtxInfo->shape[0]);
        Eigen::MatrixXd xtx(k, k);
        std::memcpy(xtx.data(), file->bytes(*xtxInfo).data(), std::size_t(k * k) * sizeof(double));
        const std::vector<float> mean = file->readFloat(*file->find(golden + ".absmean"));
        const std::vector<float> max = file->readFloat(*file->find(golden + ".absmax"));

        const LinearLayer* linear = m_model->inventory().find(layer);
        QVERIFY(linear);
        SilentProgress progress;
        const double damp = 0.01;
        const auto measurement =
            LayerInputProfiler::measureSite(m_model, linear->inputGroup, m_windows, damp, progress);
        LayerQuantConfig config;
        config.method = QuantMethod::Gptq;
        const auto profile =
            LayerInputProfiler::fromMeasurement(*m_model, layer, *measurement, config);
        QCOMPARE(profile->source, LayerInputProfile::Source::FullPrecisionCalibration);
        QCOMPARE(profile->layerName, layer);
        QCOMPARE(profile->site, golden.section('.', 1));
        QCOMPARE(profile->rows, std::int64_t(4864));
        QCOMPARE(profile->channels(), int(k));

        // The Hessian diagonal is the golden XᵀX's diagonal (not scaled by 2/n).
        const Eigen::VectorXd diagonal = xtx.diagonal();
        QVERIFY2(relativeMaxError(profile->hessianDiagonal, diagonal) < 1e-6,
                 qPrintable(QString::number(relativeMaxError(profile->hessianDiagonal, diagonal))));
        QVERIFY(relativeMaxError(profile->absMean,
                                 Eigen::Map<const Eigen::VectorXf>(mean.data(), k).cast<double>())
                < 1e-5);
        QVERIFY(relativeMaxError(profile->absMax,
                                 Eigen::Map<const Eigen::VectorXf>(max.data(), k).cast<double>())
                < 1e-5);

        // Act-order: GPTQ's order of the golden diagonal (descending, stable, dead as 1).
        std::vector<int> expectedOrder(static_cast<std::size_t>(k));
        std::iota(expectedOrder.begin(), expectedOrder.end(), 0);
        Eigen::VectorXd key = diagonal;
        std::vector<int> expectedDead;
        for (Eigen::Index i = 0; i < k; ++i) {
            if (key[i] == 0.0) {
                key[i] = 1.0;
                expectedDead.push_back(int(i));
            }
        }
        std::stable_sort(expectedOrder.begin(), expectedOrder.end(),
                         [&](int a, int b) { return key[a] > key[b]; });
        QCOMPARE(profile->actOrder, expectedOrder);
        QCOMPARE(profile->deadChannels, expectedDead);

        // The weight's columns, straight from the checkpoint.
        const std::vector<float> weight = m_model->readWeight(*linear);
        for (Eigen::Index j = 0; j < k; ++j) {
            double squares = 0.0, largest = 0.0;
            for (std::int64_t r = 0; r < linear->outFeatures; ++r) {
                const double w = weight[std::size_t(r * k + j)];
                squares += w * w;
                largest = std::max(largest, std::abs(w));
            }
            QCOMPARE(profile->weightColumnNorm[std::size_t(j)], std::sqrt(squares));
            QCOMPARE(profile->weightColumnMaxAbs[std::size_t(j)], largest);
        }

        // The condition estimate against the exact extreme eigenvalues of GPTQ's damped H. The
        // estimate is a lower bound; on these Hessians it is within a few per cent.
        Eigen::MatrixXd h = xtx;
        for (Eigen::Index i = 0; i < k; ++i)
            h(i, i) = h(i, i) == 0.0 ? 1.0 : h(i, i);
        h.diagonal().array() += damp * h.diagonal().mean();
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(h, Eigen::EigenvaluesOnly);
        const double exact = eigen.eigenvalues().maxCoeff() / eigen.eigenvalues().minCoeff();
        qInfo("condition estimate %.10g, exact %.10g", profile->conditionEstimate, exact);
        QCOMPARE(profile->conditionDamp, damp);
        // (Up to the difference between the measured and the golden XᵀX, ≤ 1e-6 relative.)
        QVERIFY(profile->conditionEstimate <= exact * (1.0 + 1e-4));
        QVERIFY(profile->conditionEstimate >= exact * 0.9);
        QVERIFY(!profile->quantizedWith);
        QVERIFY(profile->inputScale.empty());
    }

    void conditionEstimateOfAKnownMatrix()
    {
        // A = Q diag(λ) Qᵀ with λ from 1 to 1000: the estimate approaches 1000 from below.
        const Eigen::Index n = 40;
        Eigen::VectorXd lambda(n);
        for (Eigen::Index i = 0; i < n; ++i)
            lambda[i] = i == 0 ? 1000.0 : (i == 1 ? 1.0 : 5.0 + double(i));
        Eigen::MatrixXd random = Eigen::MatrixXd::Zero(n, n);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = 0; j < n; ++j)
                random(i, j) = std::sin(double(7 * i + 3 * j + 1));
        const Eigen::HouseholderQR<Eigen::MatrixXd> qr(random);
        const Eigen::MatrixXd q = qr.householderQ();
        const Eigen::MatrixXd a = q * lambda.asDiagonal() * q.transpose();
        const Eigen::LLT<Eigen::MatrixXd> llt(a);
        QCOMPARE(llt.info(), Eigen::Success);
        const double estimate = GptqQuantizer::conditionEstimate(llt.matrixLLT());
        QVERIFY2(estimate <= 1000.0 * (1 + 1e-9) && estimate > 990.0,
                 qPrintable(QString::number(estimate)));
        QCOMPARE(GptqQuantizer::dampedConditionEstimate(a, 0.0), estimate);
    }

    // A GPTQ run keeps per-channel statistics of every site; block 0's q_proj saw full-precision
    // inputs, so they equal a measurement on the windows the run fitted on.
    void runStatisticsEqualMeasurement()
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::Gptq;
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        plan.defaults.actOrder = true;
        plan.calibration.sequenceLength = 256;
        SilentProgress progress;
        const auto run = QuantizationPipeline::run(m_model, plan, m_windows, {}, progress);
        QVERIFY(run->report.complete);
        // Every site of the model (4 per block; lm_head is tied and not quantized).
        QCOMPARE(run->inputChannels.size(), std::size_t(4 * m_model->spec().numHiddenLayers));
        QVERIFY(run->finished.isValid());

        const QString name = "model.layers.0.self_attn.q_proj";
        const auto fromRun = LayerInputProfiler::fromRun(*run, name);
        QVERIFY(fromRun);
        QCOMPARE(fromRun->source, LayerInputProfile::Source::QuantizationRun);
        QCOMPARE(fromRun->computedAt, run->finished);
        const QuantizedLayer* quantized = run->find(name);
        QVERIFY(quantized);
        QCOMPARE(fromRun->quantizedWith, std::optional<QuantMethod>(QuantMethod::Gptq));
        QCOMPARE(fromRun->dampingUsed, quantized->dampingUsed);
        QCOMPARE(fromRun->conditionEstimate, quantized->conditionEstimate);
        QVERIFY(quantized->conditionEstimate > 1.0);
        QCOMPARE(fromRun->actOrder,
                 std::vector<int>(quantized->permutation.begin(), quantized->permutation.end()));

        const auto windows =
            LayerInputProfiler::fittingWindows(m_windows, plan.calibration.holdoutFraction);
        QCOMPARE(int(windows.size()), run->report.calibration.fitWindows);
        const auto measurement = LayerInputProfiler::measureSite(
            m_model, m_model->inventory().find(name)->inputGroup, windows, 0.01, progress);
        const auto measured =
            LayerInputProfiler::fromMeasurement(*m_model, name, *measurement, plan.resolve(name));
        QCOMPARE(fromRun->rows, measured->rows);
        QCOMPARE(fromRun->rows, run->report.calibration.fitTokens);
        QVERIFY(relativeMaxError(fromRun->absMean, measured->absMean) < 1e-6);
        QVERIFY(relativeMaxError(fromRun->absMax, measured->absMax) < 1e-6);
        QVERIFY(relativeMaxError(fromRun->hessianDiagonal, measured->hessianDiagonal) < 1e-6);
        // The run's permutation is the one the measured diagonal implies.
        QCOMPARE(measured->actOrder, fromRun->actOrder);
        // The run's estimate (its factor of the permuted H) equals the measured one (of H).
        QVERIFY2(std::abs(fromRun->conditionEstimate / measured->conditionEstimate - 1.0) < 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(fromRun->conditionEstimate)
                                .arg(measured->conditionEstimate)));
        QCOMPARE(fromRun->weightColumnNorm, measured->weightColumnNorm);

        // A later site is in the run too, but from the quantized model's inputs.
        QVERIFY(LayerInputProfiler::fromRun(*run, "model.layers.3.mlp.down_proj"));
    }

    void runWithoutStatisticsGivesNoProfile()
    {
        QuantPlan plan; // plain RTN: nothing calibrated
        SilentProgress progress;
        const auto run = QuantizationPipeline::run(m_model, plan, {}, {}, progress);
        QVERIFY(run->inputChannels.empty());
        QVERIFY(!LayerInputProfiler::fromRun(*run, "model.layers.0.self_attn.q_proj"));
        QVERIFY_THROWS_EXCEPTION(Error, LayerInputProfiler::fromRun(*run, "no.such.layer"));
    }

    void awqScalesReachTheProfile()
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::Awq;
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        plan.calibration.sequenceLength = 256;
        PipelineOptions options;
        options.layers = {"model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.k_proj",
                          "model.layers.0.self_attn.v_proj"};
        SilentProgress progress;
        const auto run = QuantizationPipeline::run(m_model, plan, m_windows, options, progress);
        const QString name = "model.layers.0.self_attn.k_proj";
        const auto profile = LayerInputProfiler::fromRun(*run, name);
        QVERIFY(profile);
        QCOMPARE(profile->scaleKind, LayerInputProfile::ScaleKind::Awq);
        const QuantizedLayer* quantized = run->find(name);
        QVERIFY(!quantized->inputScale.empty());
        QCOMPARE(profile->inputScale,
                 std::vector<double>(quantized->inputScale.begin(), quantized->inputScale.end()));
        QCOMPARE(profile->quantizedWith, std::optional<QuantMethod>(QuantMethod::Awq));
        QCOMPARE(profile->conditionEstimate, 0.0); // AWQ keeps no XᵀX
    }

    // SmoothQuant's factors reach the profile (for the outlier view's overlay), equal to
    // smoothingScales of the run's own activation maxima and the group's full-precision weights.
    void smoothQuantFactorsReachTheProfile()
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::SmoothQuant;
        plan.defaults.alpha = 0.5;
        plan.calibration.sequenceLength = 256;
        const QStringList group = {"model.layers.0.self_attn.q_proj",
                                   "model.layers.0.self_attn.k_proj",
                                   "model.layers.0.self_attn.v_proj"};
        PipelineOptions options;
        options.layers = group;
        SilentProgress progress;
        const auto run = QuantizationPipeline::run(m_model, plan, m_windows, options, progress);
        const auto profile = LayerInputProfiler::fromRun(*run, group[1]);
        QVERIFY(profile);
        QCOMPARE(profile->scaleKind, LayerInputProfile::ScaleKind::SmoothQuant);
        QCOMPARE(profile->quantizedWith, std::optional<QuantMethod>(QuantMethod::SmoothQuant));

        std::vector<std::vector<float>> weights;
        std::vector<LayerWeightView> views;
        for (const QString& name : group) {
            const LinearLayer* layer = m_model->inventory().find(name);
            weights.push_back(m_model->readWeight(*layer));
            views.push_back(
                {name, plan.defaults, weights.back(), layer->outFeatures, layer->inFeatures});
        }
        const std::vector<float> activationMax(profile->absMax.begin(), profile->absMax.end());
        const std::vector<float> expected =
            smoothingScales(activationMax, groupWeightColumnAbsMax(views), 0.5);
        QCOMPARE(profile->inputScale.size(), expected.size());
        for (std::size_t j = 0; j < expected.size(); ++j)
            QCOMPARE(float(profile->inputScale[j]), expected[j]);
    }

    void topChannelsAndMedians()
    {
        LayerInputProfile profile;
        profile.absMean = {1.0, 5.0, 3.0, 5.0, 2.0};
        profile.absMax = {10.0, 1.0, 2.0, 3.0, 4.0};
        QCOMPARE(profile.topChannels(3, false), std::vector<int>({1, 3, 2}));
        QCOMPARE(profile.topChannels(2, true), std::vector<int>({0, 4}));
        QCOMPARE(profile.topChannels(99, true).size(), std::size_t(5));
        QCOMPARE(profile.medianAbsMean(), 3.0);
        profile.absMax.pop_back();
        profile.absMax = {4.0, 1.0, 2.0, 3.0};
        QCOMPARE(profile.medianAbsMax(), 2.5);
    }

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::vector<std::vector<int>> m_windows;
};

QTEST_GUILESS_MAIN(TestLayerInputProfile)
#include "tst_layer_input_profile.moc"
