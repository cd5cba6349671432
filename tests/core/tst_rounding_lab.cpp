// The rounding lab and the GPTQ step-through against the project's reference quantizers: the
// lab's rounded values are quantizeRtn's dequantized output for the same scheme on the same
// vector (bit for bit), a clip ratio is RtnClipSearch's shrink of the same factor, α = 0 is no
// scaling, the output error is (ŵ − w)ᵀ H (ŵ − w) / tokens; the step-through's codes are
// GptqQuantizer's on the same slice and Hessian.

#include "core/analysis/gptq_step_through.h"
#include "core/analysis/rounding_lab.h"
#include "core/model/loaded_model.h"
#include "core/quant/awq_quantizer.h"
#include "core/quant/gptq_quantizer.h"
#include "core/quant/group_scan.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_tensor.h"
#include "core/quant/rtn_clip_search.h"
#include "core/util/error.h"
#include "tests/support/golden_layers.h"

#include <QTest>

#include <cmath>
#include <cstring>

using namespace qb;
using qb::test::GoldenLayers;

namespace {

bool sameBits(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// The rows of the demo model's golden q_proj of block 0 with its recorded calibration inputs.
struct GoldenSlice {
    std::vector<float> weight; // [out, in]
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    Eigen::MatrixXd xtx;
    std::int64_t tokens = 0;
};

const GoldenSlice& goldenSlice()
{
    static const GoldenSlice slice = [] {
        GoldenSlice s;
        const GoldenLayers golden;
        const auto& c = test::goldenLayerCases().front();
        s.weight = golden.weight(c.layer, &s.rows, &s.cols);
        const RowMatrix inputs = golden.inputs(c.site, QStringLiteral("calib"));
        s.xtx = GoldenLayers::gram(inputs);
        s.tokens = inputs.rows();
        return s;
    }();
    return slice;
}

} // namespace

class TestRoundingLab : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundedEqualsRtn_data();
    void roundedEqualsRtn();
    void oneGroupEqualsItsSliceOfRtn();
    void clipRatioIsTheClipSearchShrink();
    void alphaZeroIsNoScaling();
    void alphaScalesThenDividesOut();
    void outputErrorIsTheQuadraticForm();
    void syntheticOutlier();
    void realLayerRows();
    void stepThroughCodesEqualGptq_data();
    void stepThroughCodesEqualGptq();
    void stepThroughRecordsEachStep();
    void stepThroughRefusesLargeSlices();
};

void TestRoundingLab::roundedEqualsRtn_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("group");
    QTest::addColumn<bool>("symmetric");
    for (int bits : {2, 3, 4, 8}) {
        for (int group : {8, 16, 24, QuantScheme::kPerChannel}) {
            for (bool symmetric : {false, true}) {
                QTest::addRow("n61-%s%dg%d", symmetric ? "s" : "a", bits, group)
                    << 61 << bits << group << symmetric;
            }
        }
    }
    QTest::addRow("n64-a4g16") << 64 << 4 << 16 << false;
}

void TestRoundingLab::roundedEqualsRtn()
{
    QFETCH(int, length);
    QFETCH(int, bits);
    QFETCH(int, group);
    QFETCH(bool, symmetric);
    for (double outlier : {0.0, 4.0, 25.0}) {
        const RoundingLabSource source = RoundingLab::synthetic(length, outlier, 7);
        for (std::int64_t row : {0, 3}) {
            RoundingLabSettings settings;
            settings.bits = bits;
            settings.groupSize = group;
            settings.symmetric = symmetric;
            settings.row = row;
            const RoundingLabResult result = RoundingLab::round(source, settings);
            const std::span<const float> vector(source.row(row), std::size_t(length));
            const QuantizedTensor rtn = quantizeRtn(vector, 1, length, settings.scheme());
            QVERIFY(sameBits(result.rounded, rtn.dequantize()));
            QCOMPARE(result.codes, rtn.codes);
            QCOMPARE(qsizetype(result.groups.size()), qsizetype(rtn.groupsPerRow));
            for (std::size_t g = 0; g < result.groups.size(); ++g) {
                QCOMPARE(result.groups[g].params.scale, rtn.params[g].scale);
                QCOMPARE(result.groups[g].params.zero, rtn.params[g].zero);
                // Every rounded value is one of its group's levels.
                for (std::int64_t i = result.groups[g].first;
                     i < result.groups[g].first + result.groups[g].count; ++i)
                    QCOMPARE(result.roundedScaled[std::size_t(i)],
                             result.groups[g].levels[result.codes[std::size_t(i)]]);
            }
            double squares = 0.0;
            double worst = 0.0;
            for (int i = 0; i < length; ++i) {
                const double e = double(rtn.dequantizedAt(0, i)) - double(vector[std::size_t(i)]);
                squares += e * e;
                worst = std::max(worst, std::abs(e));
            }
            QCOMPARE(result.mse, squares / length);
            QCOMPARE(result.maxError, worst);
            QCOMPARE(result.clipped, 0);
        }
    }
}

void TestRoundingLab::oneGroupEqualsItsSliceOfRtn()
{
    const RoundingLabSource source = RoundingLab::synthetic(70, 12.0, 3);
    RoundingLabSettings settings;
    settings.bits = 3;
    settings.groupSize = 16;
    const QuantizedTensor rtn = quantizeRtn(std::span(source.row(0), 70), 1, 70, settings.scheme());
    const std::vector<float> whole = rtn.dequantize();
    for (int g = 0; g < 5; ++g) { // the last group holds 6 columns
        settings.onlyGroup = g;
        const RoundingLabResult result = RoundingLab::round(source, settings);
        QCOMPARE(result.firstColumn, std::int64_t(16 * g));
        QCOMPARE(result.size(), g < 4 ? std::int64_t(16) : std::int64_t(6));
        QCOMPARE(result.groups.size(), std::size_t(1));
        QVERIFY(
            sameBits(result.rounded, std::vector<float>(whole.begin() + 16 * g,
                                                        whole.begin() + 16 * g + result.size())));
    }
}

void TestRoundingLab::clipRatioIsTheClipSearchShrink()
{
    const RoundingLabSource source = RoundingLab::synthetic(64, 20.0, 5);
    RoundingLabSettings settings;
    settings.bits = 4;
    settings.groupSize = 32;
    const std::span<const float> vector(source.row(0), 64);
    for (int step : {0, 1, 4, 10}) {
        settings.clipRatio = double(clipShrinkFactor(step));
        const RoundingLabResult result = RoundingLab::round(source, settings);
        const std::vector<std::uint8_t> steps(2, std::uint8_t(step));
        const QuantizedTensor expected =
            RtnClipSearch::quantizeWithSteps(vector, 1, 64, settings.scheme(), steps);
        QVERIFY(sameBits(result.rounded, expected.dequantize()));
        if (step == 0)
            QVERIFY(sameBits(result.rounded,
                             quantizeRtn(vector, 1, 64, settings.scheme()).dequantize()));
        // The group holding the outlier (column 35) loses it to the clip.
        if (step > 0)
            QVERIFY(result.groups[1].clipped >= 1);
    }
}

void TestRoundingLab::alphaZeroIsNoScaling()
{
    RoundingLabSource withActivations = RoundingLab::synthetic(64, 10.0, 9);
    QVERIFY(withActivations.activations);
    RoundingLabSource without = withActivations;
    without.activations.reset();
    RoundingLabSettings settings;
    settings.awqAlpha = 0.0;
    const RoundingLabResult a = RoundingLab::round(withActivations, settings);
    const RoundingLabResult b = RoundingLab::round(without, settings);
    QVERIFY(!a.usesScales);
    QVERIFY(sameBits(a.rounded, b.rounded));
    QVERIFY(sameBits(a.scales, std::vector<float>(64, 1.0f)));
    // Unknown activations: α has nothing to scale by.
    settings.awqAlpha = 0.7;
    QVERIFY(sameBits(RoundingLab::round(without, settings).rounded, b.rounded));
}

void TestRoundingLab::alphaScalesThenDividesOut()
{
    const RoundingLabSource source = RoundingLab::synthetic(64, 3.0, 2);
    RoundingLabSettings settings;
    settings.awqAlpha = 0.5;
    settings.groupSize = 16;
    const RoundingLabResult result = RoundingLab::round(source, settings);
    QVERIFY(result.usesScales);
    QVERIFY(
        sameBits(result.scales, AwqQuantizer::scalesForRatio(source.activations->meanAbs, 0.5)));
    // The scaled vector is rounded like RTN, then divided by s.
    std::vector<float> scaled(64);
    for (int i = 0; i < 64; ++i)
        scaled[std::size_t(i)] = source.row(0)[i] * result.scales[std::size_t(i)];
    QVERIFY(sameBits(result.scaled, scaled));
    const std::vector<float> rounded = quantizeRtn(scaled, 1, 64, settings.scheme()).dequantize();
    for (int i = 0; i < 64; ++i)
        QCOMPARE(result.rounded[std::size_t(i)],
                 rounded[std::size_t(i)] / result.scales[std::size_t(i)]);
    // The outlier activation channel (5) gets the largest scale: its weight is rounded finer.
    const auto largest = std::max_element(result.scales.begin(), result.scales.end());
    QCOMPARE(largest - result.scales.begin(), source.outlierActivationChannel);
}

void TestRoundingLab::outputErrorIsTheQuadraticForm()
{
    const RoundingLabSource source = RoundingLab::synthetic(40, 8.0, 4);
    RoundingLabSettings settings;
    settings.bits = 3;
    settings.groupSize = 8;
    settings.onlyGroup = 2;
    const RoundingLabResult result = RoundingLab::round(source, settings);
    QVERIFY(result.outputError.has_value());
    const LabActivations& a = *source.activations;
    double expected = 0.0;
    for (int j = 0; j < 8; ++j)
        for (int k = 0; k < 8; ++k)
            expected += double(result.error[std::size_t(j)]) * a.xtx(16 + j, 16 + k)
                        * double(result.error[std::size_t(k)]);
    expected /= double(a.tokens);
    QVERIFY(std::abs(*result.outputError - expected) <= 1e-12 * std::abs(expected) + 1e-300);
    RoundingLabSource without = source;
    without.activations.reset();
    QVERIFY(!RoundingLab::round(without, settings).outputError.has_value());
}

void TestRoundingLab::syntheticOutlier()
{
    const RoundingLabSource small = RoundingLab::synthetic(64, 1.0, 11);
    const RoundingLabSource large = RoundingLab::synthetic(64, 30.0, 11);
    QCOMPARE(small.outlierColumn, std::int64_t(35));
    QCOMPARE(large.row(0)[35], float(30.0 * 0.02));
    // Only the outlier moves with the slider.
    for (std::size_t i = 0; i < small.weight.size(); ++i)
        if (i != 35)
            QCOMPARE(small.weight[i], large.weight[i]);
    // A larger outlier stretches the per-row grid: every other weight is rounded worse.
    RoundingLabSettings settings;
    settings.groupSize = QuantScheme::kPerChannel;
    QVERIFY(RoundingLab::round(large, settings).mse
            > 4.0 * RoundingLab::round(small, settings).mse);
    // The outlier channel of the activations is ten times the others.
    const Eigen::VectorXd& m = large.activations->meanAbs;
    QVERIFY(m[5] > 7.0 * m[4] && m[5] > 7.0 * m[6]);
}

void TestRoundingLab::realLayerRows()
{
    const GoldenLayers golden;
    const auto& c = test::goldenLayerCases().front();
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    const std::vector<float> weight = golden.weight(c.layer, &rows, &cols);
    const RoundingLabSource source = RoundingLab::fromLayer(golden.model(), c.layer, 5, 4, nullptr);
    QCOMPARE(source.firstRow, std::int64_t(5));
    QCOMPARE(source.rows, std::int64_t(4));
    QCOMPARE(source.cols, cols);
    QVERIFY(std::equal(source.weight.begin(), source.weight.end(), weight.begin() + 5 * cols));
    // Near the end: the rows start earlier.
    const RoundingLabSource last =
        RoundingLab::fromLayer(golden.model(), c.layer, rows - 2, 8, nullptr);
    QCOMPARE(last.rows, std::int64_t(8));
    QCOMPARE(last.firstRow, rows - 8);
    QCOMPARE(last.layerRows, rows);
    QVERIFY_THROWS_EXCEPTION(
        Error,
        RoundingLab::fromLayer(golden.model(), QStringLiteral("no.such.layer"), 0, 1, nullptr));
    RoundingLabSettings settings;
    settings.groupSize = 32;
    settings.row = 2;
    const RoundingLabResult result = RoundingLab::round(source, settings);
    QVERIFY(
        sameBits(result.rounded, quantizeRtn(std::span(weight.data() + 7 * cols, std::size_t(cols)),
                                             1, cols, settings.scheme())
                                     .dequantize()));
}

void TestRoundingLab::stepThroughCodesEqualGptq_data()
{
    QTest::addColumn<bool>("real");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("group");
    QTest::addColumn<bool>("symmetric");
    QTest::addColumn<bool>("deadColumn");
    QTest::addRow("real-a4g16") << true << 8 << 32 << 4 << 16 << false << false;
    QTest::addRow("real-s3g32") << true << 6 << 64 << 3 << 32 << true << false;
    QTest::addRow("real-a2pc") << true << 16 << 64 << 2 << -1 << false << false;
    QTest::addRow("real-a4g24-partial") << true << 4 << 60 << 4 << 24 << false << false;
    QTest::addRow("synthetic-a4g16") << false << 8 << 64 << 4 << 16 << false << false;
    QTest::addRow("synthetic-a8g32-dead") << false << 8 << 64 << 8 << 32 << false << true;
    QTest::addRow("synthetic-s4g64-128cols") << false << 8 << 128 << 4 << 64 << true << false;
}

void TestRoundingLab::stepThroughCodesEqualGptq()
{
    QFETCH(bool, real);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, bits);
    QFETCH(int, group);
    QFETCH(bool, symmetric);
    QFETCH(bool, deadColumn);
    std::vector<float> weight(std::size_t(rows * cols));
    Eigen::MatrixXd xtx;
    std::int64_t tokens = 0;
    if (real) {
        const GoldenSlice& s = goldenSlice();
        QVERIFY(cols <= s.cols && rows <= s.rows);
        for (int r = 0; r < rows; ++r)
            std::copy_n(s.weight.data() + (r + 3) * s.cols, cols,
                        weight.data() + std::size_t(r * cols));
        xtx = s.xtx.topLeftCorner(cols, cols);
        tokens = s.tokens;
    } else {
        const RoundingLabSource source = RoundingLab::synthetic(cols, 15.0, 21);
        weight.assign(source.weight.begin(), source.weight.begin() + rows * cols);
        xtx = source.activations->xtx;
        tokens = source.activations->tokens;
    }
    if (deadColumn) {
        xtx.row(7).setZero();
        xtx.col(7).setZero();
    }
    LayerQuantConfig config;
    config.method = QuantMethod::Gptq;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, group);
    const QuantizedLayer gptq = GptqQuantizer::quantize(weight, rows, cols, xtx, config);
    QVERIFY(!gptq.fellBackToRtn);
    const GptqTrace trace =
        GptqStepThrough::run(weight, rows, cols, xtx, tokens, config.scheme, config.damp);
    QVERIFY(trace.factored);
    QCOMPARE(trace.codes, gptq.tensor.codes);
    QCOMPARE(trace.params.size(), gptq.tensor.params.size());
    for (std::size_t i = 0; i < trace.params.size(); ++i) {
        QCOMPARE(trace.params[i].scale, gptq.tensor.params[i].scale);
        QCOMPARE(trace.params[i].zero, gptq.tensor.params[i].zero);
    }
    // After the last step the working weights are GPTQ's dequantized weights.
    QVERIFY(sameBits(trace.steps.back().weights, gptq.weight));
    // RTN's curve ends at RTN's output error, GPTQ's at GPTQ's.
    const auto direct = [&](const std::vector<float>& w) {
        double sum = 0.0;
        for (int r = 0; r < rows; ++r) {
            Eigen::VectorXd d(cols);
            for (int c = 0; c < cols; ++c)
                d[c] = double(w[std::size_t(r * cols + c)])
                       - double(weight[std::size_t(r * cols + c)]);
            sum += d.dot(xtx * d);
        }
        return sum / double(tokens);
    };
    const std::vector<float> rtn = quantizeRtn(weight, rows, cols, config.scheme).dequantize();
    QVERIFY(sameBits(trace.rtnRounded, rtn));
    QVERIFY(std::abs(trace.finalRtnOutputError() - direct(rtn)) <= 1e-9 * direct(rtn));
    QVERIFY(std::abs(trace.finalOutputError() - direct(gptq.weight)) <= 1e-9 * direct(rtn));
    if (real && !deadColumn)
        QVERIFY(trace.finalOutputError() < trace.finalRtnOutputError());
}

void TestRoundingLab::stepThroughRecordsEachStep()
{
    const RoundingLabSource source = RoundingLab::synthetic(32, 10.0, 8);
    const int rows = 4;
    const int cols = 32;
    const std::span<const float> weight(source.weight.data(), std::size_t(rows * cols));
    const QuantScheme scheme = QuantScheme::fromGroupSizeCode(3, false, 16);
    const GptqTrace trace = GptqStepThrough::run(weight, rows, cols, source.activations->xtx,
                                                 source.activations->tokens, scheme);
    QCOMPARE(trace.steps.size(), std::size_t(cols));
    std::vector<float> before(weight.begin(), weight.end());
    for (int i = 0; i < cols; ++i) {
        const GptqStep& step = trace.steps[std::size_t(i)];
        QCOMPARE(step.column, std::int64_t(i));
        for (int r = 0; r < rows; ++r) {
            const auto at = [&](int c) { return std::size_t(r * cols + c); };
            // The rounding error is the working value minus its rounded value.
            QCOMPARE(step.roundingError[std::size_t(r)], before[at(i)] - step.weights[at(i)]);
            // Earlier columns stay; later columns move by the recorded update.
            for (int c = 0; c < cols; ++c) {
                if (c < i) {
                    QCOMPARE(step.weights[at(c)], before[at(c)]);
                    QCOMPARE(step.update[at(c)], 0.0f);
                } else if (c > i) {
                    QVERIFY(std::abs(before[at(c)] - step.update[at(c)] - step.weights[at(c)])
                            <= 1e-6f * (1.0f + std::abs(before[at(c)])));
                }
            }
        }
        // With the first column's error spread onto the others, GPTQ is already below RTN.
        if (i == 0)
            QVERIFY(step.outputError <= step.rtnOutputError);
        before = step.weights;
    }
}

void TestRoundingLab::stepThroughRefusesLargeSlices()
{
    const std::vector<float> weight(std::size_t(2 * 200), 0.1f);
    const Eigen::MatrixXd xtx = Eigen::MatrixXd::Identity(200, 200);
    QVERIFY_THROWS_EXCEPTION(Error,
                             GptqStepThrough::run(weight, 2, 200, xtx, 10,
                                                  QuantScheme::fromGroupSizeCode(4, false, 32)));
}

QTEST_GUILESS_MAIN(TestRoundingLab)
#include "tst_rounding_lab.moc"
