// GPTQ: parity with the golden results of the reference implementation (IST-DASLab/gptq) on four
// layers of the demo model for every reference variant (groups, per channel, 3 bits, act-order,
// static groups), agreement with a plain single-threaded transcription of the reference algorithm
// on awkward shapes, the inverse Cholesky factor, dead inputs, and the damping fallbacks.

#include "core/metrics/output_error.h"
#include "core/model/linear_product.h"
#include "core/quant/gptq_quantizer.h"
#include "tests/support/golden_layers.h"

#include <QJsonObject>
#include <QTest>

#include <Eigen/Cholesky>
#include <Eigen/LU>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace qb;
using qb::test::GoldenLayers;

namespace {

LayerQuantConfig gptqConfig(const QuantScheme& scheme, bool actOrder, bool staticGroups)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Gptq;
    config.scheme = scheme;
    config.actOrder = actOrder;
    config.staticGroups = staticGroups;
    return config;
}

OutputErrorMetrics outputError(const RowMatrix& x, const std::vector<float>& weight,
                               const std::vector<float>& approx, std::int64_t rows)
{
    RowMatrix exact, quantized;
    linearProduct(x, weight.data(), rows, nullptr, exact);
    linearProduct(x, approx.data(), rows, nullptr, quantized);
    OutputErrorAccumulator accumulator;
    accumulator.add(exact, quantized);
    return accumulator.result();
}

// GPTQ written out as the reference's fasterquant reads, column by column in double, on one
// thread: H⁻¹ by an explicit inverse, then its upper Cholesky factor; no row slicing, no shared
// factorisation. Returns the dequantized weight.
std::vector<float> plainGptq(const std::vector<float>& weight, std::int64_t rows, std::int64_t cols,
                             Eigen::MatrixXd h, const LayerQuantConfig& config)
{
    const QuantScheme& scheme = config.scheme;
    const bool grouped = scheme.granularity == Granularity::Group;
    const std::int64_t g = scheme.groupWidth(cols);
    const float maxCode = float(scheme.maxCode());
    Eigen::MatrixXd w(rows, cols);
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c)
            w(r, c) = weight[std::size_t(r * cols + c)];

    std::vector<GridParams> fixed; // per channel / per tensor: from the original weights
    auto paramsOf = [&](const Eigen::MatrixXd& m, std::int64_t r, std::int64_t c0,
                        std::int64_t count) {
        std::vector<float> v(static_cast<std::size_t>(count));
        for (std::int64_t c = 0; c < count; ++c)
            v[std::size_t(c)] = float(m(r, c0 + c));
        return minMaxGridParams(v.data(), count, scheme.bits, scheme.symmetric);
    };
    if (!grouped) {
        if (scheme.granularity == Granularity::PerTensor) {
            fixed.assign(std::size_t(rows), minMaxGridParams(weight.data(), rows * cols,
                                                             scheme.bits, scheme.symmetric));
        } else {
            for (std::int64_t r = 0; r < rows; ++r)
                fixed.push_back(paramsOf(w, r, 0, cols));
        }
    }
    for (std::int64_t i = 0; i < cols; ++i) {
        if (h(i, i) == 0.0) {
            h(i, i) = 1.0;
            w.col(i).setZero();
        }
    }
    std::vector<GridParams> statics;
    if (grouped && config.staticGroups) {
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::int64_t c0 = 0; c0 < cols; c0 += g)
                statics.push_back(paramsOf(w, r, c0, std::min(g, cols - c0)));
    }
    std::vector<std::int64_t> perm(static_cast<std::size_t>(cols));
    std::iota(perm.begin(), perm.end(), 0);
    if (config.actOrder) {
        std::stable_sort(perm.begin(), perm.end(),
                         [&](std::int64_t a, std::int64_t b) { return h(a, a) > h(b, b); });
        Eigen::MatrixXd wp(rows, cols), hp(cols, cols);
        for (std::int64_t j = 0; j < cols; ++j) {
            wp.col(j) = w.col(perm[std::size_t(j)]);
            for (std::int64_t i = 0; i < cols; ++i)
                hp(i, j) = h(perm[std::size_t(i)], perm[std::size_t(j)]);
        }
        w = wp;
        h = hp;
    }
    h.diagonal().array() += config.damp * h.diagonal().mean();
    const Eigen::MatrixXd hinv = Eigen::MatrixXd(h.inverse());
    const Eigen::MatrixXd u = Eigen::LLT<Eigen::MatrixXd>(hinv).matrixU();

    Eigen::MatrixXd q(rows, cols);
    std::vector<GridParams> current(static_cast<std::size_t>(rows));
    const std::int64_t block = GptqQuantizer::kBlockSize;
    for (std::int64_t i1 = 0; i1 < cols; i1 += block) {
        const std::int64_t i2 = std::min(i1 + block, cols);
        Eigen::MatrixXd w1 = w.middleCols(i1, i2 - i1);
        Eigen::MatrixXd err1(rows, i2 - i1);
        for (std::int64_t i = 0; i < i2 - i1; ++i) {
            const std::int64_t idx = i1 + i;
            for (std::int64_t r = 0; r < rows; ++r) {
                GridParams p;
                if (!grouped) {
                    p = fixed[std::size_t(r)];
                } else if (config.staticGroups) {
                    p = statics[std::size_t(r * scheme.groupsPerRow(cols)
                                            + perm[std::size_t(idx)] / g)];
                } else {
                    if (idx % g == 0)
                        current[std::size_t(r)] = paramsOf(w, r, idx, std::min(g, cols - idx));
                    p = current[std::size_t(r)];
                }
                const float value = float(w1(r, i));
                q(r, idx) = dequantizeCode(quantizeToCode(value, p, maxCode), p);
                err1(r, i) = (w1(r, i) - q(r, idx)) / u(idx, idx);
            }
            w1.rightCols(i2 - i1 - i) -= err1.col(i) * u.row(idx).segment(idx, i2 - i1 - i);
        }
        w.rightCols(cols - i2) -= err1 * u.block(i1, i2, i2 - i1, cols - i2);
    }
    std::vector<float> result(static_cast<std::size_t>(rows * cols));
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t j = 0; j < cols; ++j)
            result[std::size_t(r * cols + perm[std::size_t(j)])] = float(q(r, j));
    return result;
}

// Correlated inputs with a few loud channels and (optionally) dead ones: what makes GPTQ differ
// from rounding to nearest.
RowMatrix correlatedInputs(std::int64_t n, std::int64_t cols, std::uint32_t seed,
                           std::int64_t deadEvery = 0)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    Eigen::MatrixXf mix(8, cols);
    for (Eigen::Index i = 0; i < mix.size(); ++i)
        mix.data()[i] = normal(rng);
    RowMatrix x(n, cols);
    for (std::int64_t r = 0; r < n; ++r) {
        Eigen::RowVectorXf z(8);
        for (int k = 0; k < 8; ++k)
            z(k) = normal(rng);
        for (std::int64_t c = 0; c < cols; ++c)
            x(r, c) = 0.5f * normal(rng) + (z * mix.col(c))(0) * 0.3f
                      + (c % 17 == 3 ? 6.0f * normal(rng) : 0.0f);
        if (deadEvery > 0)
            for (std::int64_t c = 1; c < cols; c += deadEvery)
                x(r, c) = 0.0f;
    }
    return x;
}

std::vector<float> normalWeights(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 0.02f);
    std::vector<float> w(static_cast<std::size_t>(rows * cols));
    for (float& v : w)
        v = normal(rng);
    return w;
}

} // namespace

class TestGptq : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<GoldenLayers> m_golden;

private Q_SLOTS:
    void initTestCase() { m_golden = std::make_unique<GoldenLayers>(); }

    void goldenParity_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("tag");
        const QStringList tags{QStringLiteral("gptq.a4g32"), QStringLiteral("gptq.s4pc"),
                               QStringLiteral("gptq.a3g32"), QStringLiteral("gptq_actorder.a4g32"),
                               QStringLiteral("gptq_actorder_static.a4g32")};
        for (const test::GoldenLayerCase& c : test::goldenLayerCases())
            for (const QString& tag : tags)
                QTest::newRow(qPrintable(c.layer + QLatin1Char('|') + tag))
                    << c.layer << c.site << tag;
    }

    // Output error within 1 % of the reference's, and the dequantized weights equal to it but for
    // rare rounding ties: the reference runs in float32 on its own summation order, so a weight
    // landing within float noise of a grid midpoint may round the other way, and GPTQ then
    // carries the difference onto later columns of the row.
    void goldenParity()
    {
        QFETCH(QString, layer);
        QFETCH(QString, site);
        QFETCH(QString, tag);
        const QString variant = tag.section(QLatin1Char('.'), 0, 0);
        const std::optional<QuantScheme> scheme =
            test::schemeFromTag(tag.section(QLatin1Char('.'), 1));
        QVERIFY(scheme);
        const QJsonObject result = m_golden->result(layer, tag);
        QVERIFY2(!result.isEmpty(), qPrintable(tag));
        QCOMPARE(result.value(QStringLiteral("bits")).toInt(), scheme->bits);
        QCOMPARE(result.value(QStringLiteral("group")).toInt(), scheme->groupSizeCode());

        std::int64_t rows = 0, cols = 0;
        const std::vector<float> weight = m_golden->weight(layer, &rows, &cols);
        const RowMatrix calib = m_golden->inputs(site, QStringLiteral("calib"));
        const RowMatrix testRows = m_golden->inputs(site, QStringLiteral("test"));
        const LayerQuantConfig config =
            gptqConfig(*scheme, variant != QLatin1String("gptq"),
                       variant == QLatin1String("gptq_actorder_static"));
        const QuantizedLayer quantized =
            GptqQuantizer::quantize(weight, rows, cols, GoldenLayers::gram(calib), config);
        QVERIFY(!quantized.fellBackToRtn);
        QCOMPARE(quantized.dampingRaises, 0);
        QCOMPARE(quantized.permutation.empty(), !config.actOrder);

        const double referenceMse = result.value(QStringLiteral("mse")).toDouble();
        const OutputErrorMetrics ours = outputError(testRows, weight, quantized.weight, rows);
        // The metric itself, on the reference's own weights, reproduces the reference's figure.
        const std::vector<float> reference = m_golden->referenceWeight(layer, tag);
        QCOMPARE(reference.size(), weight.size());
        const OutputErrorMetrics theirs = outputError(testRows, weight, reference, rows);
        QVERIFY2(
            std::abs(theirs.mse - referenceMse) <= 1e-4 * referenceMse,
            qPrintable(
                QStringLiteral("metric %1 vs reference %2").arg(theirs.mse).arg(referenceMse)));
        QVERIFY2(
            std::abs(ours.mse - referenceMse) <= 0.01 * referenceMse,
            qPrintable(
                QStringLiteral("output MSE %1, reference %2").arg(ours.mse).arg(referenceMse)));

        std::int64_t differing = 0;
        double worst = 0.0;
        for (std::int64_t r = 0; r < rows; ++r) {
            for (std::int64_t c = 0; c < cols; ++c) {
                const auto i = std::size_t(r * cols + c);
                const double step = quantized.tensor.paramsAt(r, c).scale;
                const double relative = std::abs(double(quantized.weight[i]) - reference[i])
                                        / std::max(std::abs(double(reference[i])), step);
                worst = std::max(worst, relative);
                if (relative > 1e-4)
                    ++differing;
            }
        }
        qInfo("%s: output MSE %.6g (reference %.6g), %lld of %lld weights differ (worst %.3g)",
              qPrintable(layer + QLatin1Char('|') + tag), ours.mse, referenceMse,
              static_cast<long long>(differing), static_cast<long long>(rows * cols), worst);
        QVERIFY2(differing <= rows * cols / 1000,
                 qPrintable(QStringLiteral("%1 weights differ from the reference by more than "
                                           "1e-4")
                                .arg(differing)));
    }

    // The multi-threaded, blocked implementation against the plain transcription on shapes that
    // exercise every edge: widths that are not multiples of the block, groups wider than a block,
    // per channel and per tensor, act-order with and without static groups, dead inputs, and
    // enough rows to be split over the workers.
    void plainAgreement_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<bool>("actOrder");
        QTest::addColumn<bool>("staticGroups");
        QTest::addColumn<int>("deadEvery");
        QTest::newRow("300 wide, g128") << 150 << 300 << 128 << 4 << false << false << false << 0;
        QTest::newRow("act-order g32 3-bit")
            << 150 << 300 << 32 << 3 << false << true << false << 0;
        QTest::newRow("act-order static sym") << 150 << 300 << 32 << 4 << true << true << true << 0;
        QTest::newRow("g256 > block") << 140 << 260 << 256 << 4 << false << false << false << 0;
        QTest::newRow("per channel act-order")
            << 140 << 200 << -1 << 4 << true << true << false << 0;
        QTest::newRow("per tensor 8-bit") << 140 << 200 << 0 << 8 << false << false << false << 0;
        QTest::newRow("dead inputs 2-bit") << 150 << 140 << 32 << 2 << false << true << false << 7;
    }

    void plainAgreement()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, groupCode);
        QFETCH(int, bits);
        QFETCH(bool, symmetric);
        QFETCH(bool, actOrder);
        QFETCH(bool, staticGroups);
        QFETCH(int, deadEvery);
        const LayerQuantConfig config = gptqConfig(
            QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode), actOrder, staticGroups);
        const std::vector<float> weight = normalWeights(rows, cols, 11);
        // One distribution: fit on the first 2000 rows, measure on the last 500.
        const RowMatrix all = correlatedInputs(2500, cols, 12, deadEvery);
        const RowMatrix calib = all.topRows(2000);
        const RowMatrix held = all.bottomRows(500);
        const Eigen::MatrixXd h = GoldenLayers::gram(calib);

        const QuantizedLayer ours = GptqQuantizer::quantize(weight, rows, cols, h, config);
        const std::vector<float> plain = plainGptq(weight, rows, cols, h, config);
        QCOMPARE(ours.weight, ours.tensor.dequantize());
        if (config.actOrder && !config.staticGroups && groupCode > 0) {
            // Act-order groups are runs of the permuted columns (g_idx).
            QCOMPARE(ours.tensor.groupIndex.size(), std::size_t(cols));
            for (int p = 0; p < cols; ++p)
                QCOMPARE(ours.tensor.groupIndex[std::size_t(ours.permutation[std::size_t(p)])],
                         p / groupCode);
        } else {
            QVERIFY(ours.tensor.groupIndex.empty());
        }

        std::int64_t differing = 0;
        for (std::size_t i = 0; i < weight.size(); ++i)
            if (std::abs(ours.weight[i] - plain[i]) > 1e-4 * std::max(std::abs(plain[i]), 1e-3f))
                ++differing;
        const double oursMse = outputError(held, weight, ours.weight, rows).mse;
        const double plainMse = outputError(held, weight, plain, rows).mse;
        qInfo("%lld of %zu weights differ; output MSE %.6g vs plain %.6g",
              static_cast<long long>(differing), weight.size(), oursMse, plainMse);
        // float32 against double: rare ties at grid midpoints round differently.
        QVERIFY(differing <= std::int64_t(weight.size()) / 200);
        QVERIFY(std::abs(oursMse - plainMse) <= 0.01 * plainMse);
        if (deadEvery > 0) {
            for (int r = 0; r < rows; ++r)
                for (int c = 1; c < cols; c += deadEvery)
                    QCOMPARE(ours.weight[std::size_t(r * cols + c)], 0.0f);
        }
        // And the point of GPTQ: less output error than rounding to nearest.
        const std::vector<float> rtn = quantizeRtn(weight, rows, cols, config.scheme).dequantize();
        QVERIFY(oursMse < outputError(held, weight, rtn, rows).mse);
    }

    void inverseCholeskyFactor()
    {
        const Eigen::Index n = 300; // not a multiple of the solver's column blocks
        const RowMatrix x = correlatedInputs(1000, n, 5);
        Eigen::MatrixXd h = GoldenLayers::gram(x);
        h.diagonal().array() += 0.01 * h.diagonal().mean();
        Eigen::MatrixXd upper;
        QVERIFY(GptqQuantizer::inverseCholeskyUpper(h, upper));
        QVERIFY(upper.isUpperTriangular());
        QVERIFY((upper.diagonal().array() > 0.0).all());
        const Eigen::MatrixXd identity = upper.transpose() * upper * h;
        QVERIFY((identity - Eigen::MatrixXd::Identity(n, n)).cwiseAbs().maxCoeff() < 1e-8);

        Eigen::MatrixXd indefinite = Eigen::MatrixXd::Identity(3, 3);
        indefinite(0, 1) = indefinite(1, 0) = 2.0;
        QVERIFY(!GptqQuantizer::inverseCholeskyUpper(indefinite, upper));
    }

    // An indefinite H gets more damping, ten-fold at a time, and the report says so; one beyond
    // repair is rounded to nearest with a note, never an abort or a NaN weight.
    void dampingRaisedThenFallback()
    {
        const std::int64_t rows = 8, cols = 4;
        const std::vector<float> weight = normalWeights(rows, cols, 3);
        LayerQuantConfig config =
            gptqConfig(QuantScheme::fromGroupSizeCode(4, false, -1), false, false);
        Eigen::MatrixXd h = Eigen::MatrixXd::Identity(cols, cols);
        h(0, 1) = h(1, 0) = 1.5; // eigenvalue -0.5: needs damping of at least 0.5 × mean diag 1
        const QuantizedLayer raised = GptqQuantizer::quantize(weight, rows, cols, h, config);
        QVERIFY(!raised.fellBackToRtn);
        QCOMPARE(raised.dampingRaises, 2);
        QCOMPARE(raised.dampingUsed, 1.0);
        QVERIFY(!raised.warning.isEmpty());

        h(0, 1) = h(1, 0) = 100.0; // eigenvalue -99: beyond 10 × mean diag
        const QuantizedLayer fallback = GptqQuantizer::quantize(weight, rows, cols, h, config);
        QVERIFY(fallback.fellBackToRtn);
        QVERIFY(!fallback.warning.isEmpty());
        QCOMPARE(fallback.weight, quantizeRtn(weight, rows, cols, config.scheme).dequantize());

        h(2, 2) = std::numeric_limits<double>::quiet_NaN();
        const QuantizedLayer nan = GptqQuantizer::quantize(weight, rows, cols, h, config);
        QVERIFY(nan.fellBackToRtn);
        for (float v : nan.weight)
            QVERIFY(std::isfinite(v));
    }
};

QTEST_GUILESS_MAIN(TestGptq)
#include "tst_gptq.moc"
