// AWQ: parity with the golden results of the reference implementation (mit-han-lab/llm-awq) on
// q_proj and o_proj of the demo model, the grid of its pseudo_quantize_tensor (asymmetric,
// symmetric, per channel, per tensor, partial last groups, one-sign and constant groups), the
// scale search (normalisation, ratio 0, first strict minimum, tied statistics), the Gram-matrix
// loss against the
// direct row loss, the clip search against its plain-loop reference, and the whole method on a
// q/k/v group.

#include "core/quant/awq_quantizer.h"
#include "core/quant/minmax_grid.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/golden_layers.h"
#include "tests/support/quick_check.h"

#include <QJsonObject>
#include <QLocale>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <random>

using namespace qb;
using qb::test::GoldenLayers;
using qb::test::num;

namespace {

LayerQuantConfig awqConfig(const QuantScheme& scheme)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Awq;
    config.scheme = scheme;
    return config;
}

// Rows that stress AWQ's grid: mixed signs with exact zeros, all positive, all negative, all zero,
// constant, and large outliers.
std::vector<float> awkwardWeights(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 0.05f);
    std::uniform_real_distribution<float> magnitude(0.001f, 0.3f);
    std::vector<float> w(static_cast<std::size_t>(rows * cols));
    for (std::int64_t r = 0; r < rows; ++r) {
        for (std::int64_t c = 0; c < cols; ++c) {
            float v = 0.0f;
            switch (r % 6) {
            case 0:
                v = c % 11 == 3 ? 0.0f : normal(rng);
                break;
            case 1:
                v = magnitude(rng);
                break;
            case 2:
                v = -magnitude(rng);
                break;
            case 3:
                v = 0.0f;
                break;
            case 4:
                v = 0.125f;
                break;
            case 5:
                v = normal(rng) * (c % 13 == 5 ? 20.0f : 1.0f);
                break;
            }
            w[static_cast<std::size_t>(r * cols + c)] = v;
        }
    }
    return w;
}

std::vector<float> normalWeights(std::int64_t rows, std::int64_t cols, std::uint32_t seed,
                                 float sigma = 0.05f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, sigma);
    std::vector<float> w(static_cast<std::size_t>(rows * cols));
    for (float& v : w)
        v = normal(rng);
    return w;
}

// Activations like an LLM's: a non-zero mean per channel and a few outlier channels, so that the
// quadratic forms cancel and the per-channel statistics vary over orders of magnitude.
RowMatrix activations(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> mean(static_cast<std::size_t>(cols));
    std::vector<float> spread(static_cast<std::size_t>(cols));
    for (std::int64_t c = 0; c < cols; ++c) {
        mean[static_cast<std::size_t>(c)] = 0.5f * normal(rng);
        spread[static_cast<std::size_t>(c)] = c % 17 == 4 ? 30.0f : 0.2f + std::abs(normal(rng));
    }
    RowMatrix x(rows, cols);
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c)
            x(r, c) = mean[static_cast<std::size_t>(c)]
                      + spread[static_cast<std::size_t>(c)] * normal(rng);
    return x;
}

Eigen::MatrixXd gram(const RowMatrix& x)
{
    const Eigen::MatrixXd d = x.cast<double>();
    return d.transpose() * d;
}

Eigen::VectorXd absMean(const RowMatrix& x)
{
    return x.cast<double>().cwiseAbs().colwise().sum().transpose() / double(x.rows());
}

// Mean over rows and outputs of (X Wᵀ − X Ŵᵀ)², straight from the rows, in double.
double rowOutputMse(const RowMatrix& x, const float* w, const float* wq, std::int64_t out,
                    std::int64_t in)
{
    Eigen::MatrixXd delta(out, in);
    for (std::int64_t r = 0; r < out; ++r)
        for (std::int64_t c = 0; c < in; ++c)
            delta(r, c) = double(w[r * in + c]) - double(wq[r * in + c]);
    const Eigen::MatrixXd y = x.cast<double>() * delta.transpose();
    return y.squaredNorm() / (double(x.rows()) * double(out));
}

std::vector<float> scaledCopy(const std::vector<float>& w, std::int64_t out, std::int64_t in,
                              const std::vector<float>& s)
{
    std::vector<float> scaled(w.size());
    for (std::int64_t r = 0; r < out; ++r)
        for (std::int64_t c = 0; c < in; ++c)
            scaled[static_cast<std::size_t>(r * in + c)] =
                w[static_cast<std::size_t>(r * in + c)] * s[static_cast<std::size_t>(c)];
    return scaled;
}

// The grid of pseudo_quantize_tensor restated from the reference, independently of the code.
GridParams restatedParams(const float* v, std::int64_t n, int bits, bool symmetric)
{
    float lo = v[0];
    float hi = v[0];
    float maxAbs = 0.0f;
    for (std::int64_t i = 0; i < n; ++i) {
        lo = std::min(lo, v[i]);
        hi = std::max(hi, v[i]);
        maxAbs = std::max(maxAbs, std::abs(v[i]));
    }
    GridParams p;
    if (symmetric) {
        p.scale = std::max(maxAbs, 1e-5f) / float((1 << (bits - 1)) - 1);
        p.zero = float(1 << (bits - 1));
    } else {
        const float maxq = float((1 << bits) - 1);
        p.scale = std::max(hi - lo, 1e-5f) / maxq;
        p.zero = std::clamp(-std::nearbyint(lo / p.scale), 0.0f, maxq);
    }
    return p;
}

} // namespace

class TestAwq : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<GoldenLayers> m_golden;

private Q_SLOTS:
    void initTestCase() { m_golden = std::make_unique<GoldenLayers>(); }

    // ------------------------------------------------------------------------------ the grid

    void gridHandComputed()
    {
        // 2 bits, range [-1, 2]: scale 1, zero 1; 0.5 rounds half to even (to 0).
        {
            const std::vector<float> w{-1.0f, 0.5f, 2.0f};
            const QuantizedTensor q =
                quantizeAwqGrid(w, 1, 3, QuantScheme::fromGroupSizeCode(2, false, -1));
            QCOMPARE(q.params[0].scale, 1.0f);
            QCOMPARE(q.params[0].zero, 1.0f);
            QCOMPARE(q.codes, (std::vector<std::uint8_t>{0, 1, 3}));
            QCOMPARE(q.dequantize(), (std::vector<float>{-1.0f, 0.0f, 2.0f}));
        }
        // Symmetric 3 bits: max|w| = 3 → scale 3 / 3 = 1, zero 4, levels −4 … 3.
        {
            const std::vector<float> w{-1.0f, 0.3f, 3.0f, -2.5f};
            const QuantizedTensor q =
                quantizeAwqGrid(w, 1, 4, QuantScheme::fromGroupSizeCode(3, true, -1));
            QCOMPARE(q.params[0].scale, 1.0f);
            QCOMPARE(q.params[0].zero, 4.0f);
            QCOMPARE(q.codes, (std::vector<std::uint8_t>{3, 4, 7, 2}));
            QCOMPARE(q.dequantize(), (std::vector<float>{-1.0f, 0.0f, 3.0f, -2.0f}));
        }
        // 0 is not forced into the range: an all-positive group gets zero = 0 and clips at
        // maxq · scale = max − min (the reference's behaviour, quantizer.py).
        {
            const std::vector<float> w{1.0f, 1.25f, 1.5f};
            const QuantizedTensor q =
                quantizeAwqGrid(w, 1, 3, QuantScheme::fromGroupSizeCode(2, false, -1));
            QCOMPARE(q.params[0].zero, 0.0f);
            QCOMPARE(q.codes, (std::vector<std::uint8_t>{3, 3, 3}));
            const float level = 3.0f * (0.5f / 3.0f);
            QCOMPARE(q.dequantize(), (std::vector<float>{level, level, level}));
        }
    }

    // A constant group: the range clamps at 1e-5, so v > 0 becomes maxq · 1e-5 / maxq, v < 0 its
    // negative and 0 stays 0 (quantizer.py, asymmetric); symmetric keeps the value.
    void gridConstantGroups()
    {
        const QuantScheme asym = QuantScheme::fromGroupSizeCode(4, false, 4);
        const std::vector<float> w{0.3f,  0.3f,  0.3f, 0.3f, -0.3f, -0.3f,
                                   -0.3f, -0.3f, 0.0f, 0.0f, 0.0f,  0.0f};
        const std::vector<float> deq = quantizeAwqGrid(w, 1, 12, asym).dequantize();
        const float tiny = 15.0f * (1e-5f / 15.0f);
        for (int c = 0; c < 4; ++c) {
            QCOMPARE(deq[c], tiny);
            QCOMPARE(deq[4 + c], -tiny);
            QCOMPARE(deq[8 + c], 0.0f);
        }
        const QuantScheme sym = QuantScheme::fromGroupSizeCode(4, true, 4);
        const std::vector<float> symDeq = quantizeAwqGrid(w, 1, 12, sym).dequantize();
        for (int c = 0; c < 4; ++c) {
            QCOMPARE(symDeq[c], 0.3f / 7.0f * 7.0f);
            QCOMPARE(symDeq[4 + c], -0.3f / 7.0f * 7.0f);
            QCOMPARE(symDeq[8 + c], 0.0f);
        }
    }

    void gridProperties_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<qint64>("shapeRows");
        QTest::addColumn<qint64>("shapeCols");
        const std::vector<std::pair<qint64, qint64>> shapes{{5, 37}, {1, 1}, {18, 172}};
        for (const auto& [rows, cols] : shapes)
            for (int bits = 2; bits <= 8; ++bits)
                for (int groupCode : {QuantScheme::kPerTensor, QuantScheme::kPerChannel, 1, 7, 32,
                                      static_cast<int>(cols) + 5})
                    for (bool symmetric : {false, true})
                        QTest::addRow("%lldx%lld %c%d g%d", rows, cols, symmetric ? 's' : 'a', bits,
                                      groupCode)
                            << bits << groupCode << symmetric << rows << cols;
    }

    void gridProperties()
    {
        QFETCH(int, bits);
        QFETCH(int, groupCode);
        QFETCH(bool, symmetric);
        QFETCH(qint64, shapeRows);
        QFETCH(qint64, shapeCols);
        const std::int64_t rows = shapeRows;
        const std::int64_t cols = shapeCols;
        const QuantScheme scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
        const std::vector<float> w =
            awkwardWeights(rows, cols, static_cast<std::uint32_t>(bits * 97 + groupCode + cols));
        const QuantizedTensor q = quantizeAwqGrid(w, rows, cols, scheme);
        const std::vector<float> deq = q.dequantize();

        // Geometry, computed independently of QuantScheme.
        const std::int64_t width = groupCode > 0 ? std::min<std::int64_t>(groupCode, cols) : cols;
        const std::int64_t groups = (cols + width - 1) / width;
        QCOMPARE(q.groupWidth, width);
        QCOMPARE(q.groupsPerRow, groups);
        QCOMPARE(q.params.size(), std::size_t(rows * groups));
        const float maxq = float((1 << bits) - 1);
        const GridParams tensorParams = restatedParams(w.data(), rows * cols, bits, symmetric);
        int mixedGroups = 0;
        for (std::int64_t r = 0; r < rows; ++r) {
            for (std::int64_t g = 0; g < groups; ++g) {
                const std::int64_t first = g * width;
                const std::int64_t last = std::min(cols, first + width);
                const GridParams expected = groupCode == QuantScheme::kPerTensor
                                                ? tensorParams
                                                : restatedParams(w.data() + r * cols + first,
                                                                 last - first, bits, symmetric);
                const GridParams& p = q.params[static_cast<std::size_t>(r * groups + g)];
                QB_CHECK(
                    p.scale == expected.scale && p.zero == expected.zero,
                    QStringLiteral("row %1 group %2: scale %3 zero %4, expected %5 %6")
                        .arg(r)
                        .arg(g)
                        .arg(num(p.scale), num(p.zero), num(expected.scale), num(expected.zero)));
                const float lowest = dequantizeCode(0.0f, p);
                const float highest = dequantizeCode(maxq, p);
                bool negative = false;
                bool positive = false;
                for (std::int64_t c = first; c < last; ++c) {
                    negative |= w[static_cast<std::size_t>(r * cols + c)] < 0.0f;
                    positive |= w[static_cast<std::size_t>(r * cols + c)] > 0.0f;
                }
                const bool mixed = groupCode != QuantScheme::kPerTensor && negative && positive;
                mixedGroups += mixed ? 1 : 0;
                for (std::int64_t c = first; c < last; ++c) {
                    const auto i = static_cast<std::size_t>(r * cols + c);
                    const float x = w[i];
                    const float code = q.codes[i];
                    const QString at = QStringLiteral("[%1, %2] w=%3 code=%4 deq=%5")
                                           .arg(r)
                                           .arg(c)
                                           .arg(num(x), num(code), num(deq[i]));
                    QB_CHECK(q.codes[i] <= maxq, at);
                    QB_CHECK(code == std::clamp(std::nearbyint(x / p.scale) + p.zero, 0.0f, maxq),
                             at);
                    QB_CHECK(deq[i] == (code - p.zero) * p.scale, at);
                    // Within half a step of the value clamped to the grid's range, plus the float
                    // rounding of x / scale and scale · (code − zero).
                    const double slack = 0.5 * p.scale + 1e-6 * (std::abs(x) + p.scale);
                    const float inside = std::clamp(x, lowest, highest);
                    QB_CHECK(std::abs(double(deq[i]) - double(inside)) <= slack, at);
                    // A group of both signs spans its own range (asymmetric) or ±max|w|
                    // (symmetric, up to the one clipped top level): nothing is lost but rounding.
                    if (mixed && !symmetric)
                        QB_CHECK(std::abs(double(deq[i]) - double(x)) <= slack, at);
                    if (x == 0.0f && (symmetric || mixed))
                        QB_CHECK(deq[i] == 0.0f, at);
                }
            }
        }
        if (rows == 18 && groupCode != QuantScheme::kPerTensor && width > 1)
            QVERIFY(mixedGroups > 0);
    }

    // ----------------------------------------------------------------------- the scale search

    void scaleNormalisation()
    {
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> exponent(-6.0, 2.0);
        Eigen::VectorXd x(300);
        for (Eigen::Index i = 0; i < x.size(); ++i)
            x[i] = i % 50 == 7 ? 0.0 : std::pow(10.0, exponent(rng)); // dead channels too
        for (int step = 0; step < AwqQuantizer::kScaleGrid; ++step) {
            const double ratio = step / 20.0;
            const std::vector<float> s = AwqQuantizer::scalesForRatio(x, ratio);
            QCOMPARE(s.size(), std::size_t(300));
            const float hi = *std::max_element(s.begin(), s.end());
            const float lo = *std::min_element(s.begin(), s.end());
            QVERIFY2(
                std::abs(double(hi) * double(lo) - 1.0) < 1e-5,
                qPrintable(
                    QStringLiteral("ratio %1: max·min = %2").arg(ratio).arg(num(double(hi) * lo))));
            if (step == 0) {
                for (float v : s)
                    QCOMPARE(v, 1.0f);
                continue;
            }
            // Proportional to max(x̄^r, 1e-4): the order of the channels is kept.
            for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
                const double a = std::max(std::pow(x[i], ratio), 1e-4);
                const double b = std::max(std::pow(x[i + 1], ratio), 1e-4);
                const double ratioOfScales = double(s[i]) / double(s[i + 1]);
                QVERIFY(std::abs(ratioOfScales / (a / b) - 1.0) < 1e-5);
            }
        }
    }

    // Tied scales (o_proj under grouped-query attention): x̄ averaged over each set of channels,
    // so that every ratio's s is equal within a set; no tie leaves x̄ as it is.
    void tiedAbsMean()
    {
        // 4 query heads of 3 dims reading 2 key/value heads: channel (h, d) is in set (h / 2, d).
        Eigen::VectorXd x(12);
        x << 0.1, 2.0, 0.0, 0.3, 4.0, 0.5, 7.0, 1e-6, 0.2, 1.0, 3.0, 0.4;
        std::vector<std::int64_t> tie(12);
        for (std::int64_t c = 0; c < 12; ++c)
            tie[static_cast<std::size_t>(c)] = (c / 3) / 2 * 3 + c % 3;
        const Eigen::VectorXd tied = AwqQuantizer::tiedAbsMean(x, tie);
        const double expected[12] = {0.2, 3.0,       0.25, 0.2, 3.0,       0.25,
                                     4.0, 1.5000005, 0.3,  4.0, 1.5000005, 0.3};
        for (int c = 0; c < 12; ++c)
            QVERIFY2(std::abs(tied[c] - expected[c]) <= 1e-12,
                     qPrintable(QStringLiteral("channel %1: %2").arg(c).arg(num(tied[c]))));
        QCOMPARE(AwqQuantizer::tiedAbsMean(x, {}), x);
        for (int step = 1; step < AwqQuantizer::kScaleGrid; ++step) {
            const std::vector<float> s = AwqQuantizer::scalesForRatio(tied, step / 20.0);
            for (std::size_t c = 0; c < 12; ++c)
                for (std::size_t other = 0; other < 12; ++other)
                    if (tie[c] == tie[other])
                        QCOMPARE(s[c], s[other]);
            QVERIFY(s[0] != s[1]); // different sets still differ
        }
    }

    // The candidate of a ratio is Q(W·s)/s, with s = 1 at ratio 0 giving the plain quantizer.
    void candidateWeights_data()
    {
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("symmetric");
        for (int groupCode : {QuantScheme::kPerTensor, QuantScheme::kPerChannel, 16, 32})
            for (bool symmetric : {false, true})
                QTest::addRow("%c4 g%d", symmetric ? 's' : 'a', groupCode)
                    << groupCode << symmetric;
    }

    void candidateWeights()
    {
        QFETCH(int, groupCode);
        QFETCH(bool, symmetric);
        const QuantScheme scheme = QuantScheme::fromGroupSizeCode(4, symmetric, groupCode);
        const std::int64_t out = 23;
        const std::int64_t in = 70; // groups of 16: the last one has 6 columns
        const std::vector<float> w = normalWeights(out, in, 11);
        const Eigen::VectorXd x = absMean(activations(200, in, 12));
        std::vector<float> candidate(w.size());

        AwqQuantizer::candidateWeight(w.data(), out, in, scheme,
                                      AwqQuantizer::scalesForRatio(x, 0.0), candidate.data());
        QCOMPARE(candidate, quantizeAwqGrid(w, out, in, scheme).dequantize());

        const std::vector<float> s = AwqQuantizer::scalesForRatio(x, 0.55);
        AwqQuantizer::candidateWeight(w.data(), out, in, scheme, s, candidate.data());
        const std::vector<float> scaledDeq =
            quantizeAwqGrid(scaledCopy(w, out, in, s), out, in, scheme).dequantize();
        for (std::int64_t r = 0; r < out; ++r)
            for (std::int64_t c = 0; c < in; ++c) {
                const auto i = static_cast<std::size_t>(r * in + c);
                QCOMPARE(candidate[i], scaledDeq[i] / s[static_cast<std::size_t>(c)]);
            }
    }

    // The first strict minimum wins: ties keep the smaller ratio, NaN never wins, and no finite
    // loss at all is an error.
    void firstStrictMinimum()
    {
        const std::int64_t out = 8;
        const std::int64_t in = 32;
        const std::vector<float> w = normalWeights(out, in, 5);
        const Eigen::VectorXd x = absMean(activations(100, in, 6));
        const std::vector<AwqLayer> layers{
            {QStringLiteral("mlp.down_proj"), w.data(), out, in,
             awqConfig(QuantScheme::fromGroupSizeCode(4, false, 16))}};
        SilentProgress progress;

        auto table = [](std::vector<double> values) {
            auto calls = std::make_shared<int>(0);
            return [values, calls](const std::vector<const float*>&) {
                return values[static_cast<std::size_t>((*calls)++)];
            };
        };
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();

        AwqScaleSearchResult r =
            AwqQuantizer::searchScales(layers, x, table(std::vector<double>(20, 1.0)), progress);
        QCOMPARE(r.bestStep, 0);
        QCOMPARE(r.ratio, 0.0);
        QCOMPARE(r.losses.size(), std::size_t(20));

        std::vector<double> values{9, 8, 7, 6, 5, 4, 3, 2, 2, 1, 1, 1, 5, 5, 5, 5, 5, 5, 5, 5};
        r = AwqQuantizer::searchScales(layers, x, table(values), progress);
        QCOMPARE(r.bestStep, 9);
        QCOMPARE(r.ratio, 0.45);
        QCOMPARE(r.scales, AwqQuantizer::scalesForRatio(x, 0.45));
        QCOMPARE(r.losses, values);

        values.assign(20, nan);
        values[4] = 3.0;
        values[6] = 2.0;
        r = AwqQuantizer::searchScales(layers, x, table(values), progress);
        QCOMPARE(r.bestStep, 6);

        QVERIFY_THROWS_EXCEPTION(
            Error,
            AwqQuantizer::searchScales(layers, x, table(std::vector<double>(20, nan)), progress));
        QVERIFY_THROWS_EXCEPTION(
            Error,
            AwqQuantizer::searchScales(layers, x, table(std::vector<double>(20, inf)), progress));

        SilentProgress cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 AwqQuantizer::searchScales(layers, x, table(values), cancelled));
    }

    // The loss gets one candidate per layer, each Q(W·s)/s of that layer with its own scheme.
    void lossSeesEveryLayer()
    {
        const std::int64_t in = 40;
        const std::vector<float> q = normalWeights(24, in, 21);
        const std::vector<float> k = normalWeights(8, in, 22);
        const Eigen::VectorXd x = absMean(activations(100, in, 23));
        const QuantScheme a4 = QuantScheme::fromGroupSizeCode(4, false, 16);
        const QuantScheme s3 = QuantScheme::fromGroupSizeCode(3, true, -1);
        const std::vector<AwqLayer> layers{
            {QStringLiteral("q_proj"), q.data(), 24, in, awqConfig(a4)},
            {QStringLiteral("k_proj"), k.data(), 8, in, awqConfig(s3)}};
        int calls = 0;
        bool ok = true;
        const AwqLoss loss = [&](const std::vector<const float*>& candidates) {
            const std::vector<float> s = AwqQuantizer::scalesForRatio(x, calls / 20.0);
            std::vector<float> expectQ(q.size());
            std::vector<float> expectK(k.size());
            AwqQuantizer::candidateWeight(q.data(), 24, in, a4, s, expectQ.data());
            AwqQuantizer::candidateWeight(k.data(), 8, in, s3, s, expectK.data());
            ok = ok && candidates.size() == 2
                 && std::equal(expectQ.begin(), expectQ.end(), candidates[0])
                 && std::equal(expectK.begin(), expectK.end(), candidates[1]);
            return double(++calls);
        };
        SilentProgress progress;
        const AwqScaleSearchResult r = AwqQuantizer::searchScales(layers, x, loss, progress);
        QVERIFY(ok);
        QCOMPARE(calls, 20);
        QCOMPARE(r.bestStep, 0);
    }

    // ΔHΔᵀ from the Gram matrix is the mean squared output difference over the rows, to
    // double-precision rounding, on inputs whose quadratic forms cancel.
    void gramLossEqualsRowLoss_data()
    {
        QTest::addColumn<qint64>("out");
        QTest::addColumn<qint64>("in");
        QTest::newRow("300x70") << qint64(300) << qint64(70); // several row blocks, a partial one
        QTest::newRow("1x5") << qint64(1) << qint64(5);
        QTest::newRow("128x256") << qint64(128) << qint64(256);
    }

    void gramLossEqualsRowLoss()
    {
        QFETCH(qint64, out);
        QFETCH(qint64, in);
        const RowMatrix x = activations(500, in, 31);
        const std::vector<float> w = normalWeights(out, in, 32);
        const std::vector<float> wq =
            quantizeAwqGrid(w, out, in, QuantScheme::fromGroupSizeCode(3, false, 32)).dequantize();
        const Eigen::MatrixXd h = gram(x);
        const double direct = rowOutputMse(x, w.data(), wq.data(), out, in);
        const double fromGram =
            AwqQuantizer::gramOutputError(h, x.rows(), w.data(), wq.data(), out, in);
        qInfo("direct %.17g, from the Gram matrix %.17g", direct, fromGram);
        QVERIFY(direct > 0.0);
        QVERIFY2(std::abs(fromGram - direct) <= 1e-9 * direct,
                 qPrintable(QStringLiteral("relative difference %1")
                                .arg(num(std::abs(fromGram - direct) / direct))));
        const AwqLoss loss = AwqQuantizer::singleLinearLoss(h, x.rows(), w.data(), out, in);
        QCOMPARE(loss({wq.data()}), fromGram);
        QVERIFY_THROWS_EXCEPTION(
            Error, AwqQuantizer::singleLinearLoss(Eigen::MatrixXd(), x.rows(), w.data(), out, in));
        QVERIFY_THROWS_EXCEPTION(Error, AwqQuantizer::singleLinearLoss(h, 0, w.data(), out, in));
    }

    // ------------------------------------------------------------------------ the clip search

    void clipSkipsQueryAndKey()
    {
        for (const char* name :
             {"model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.k_proj", "q_proj",
              "self_attention.query_key_value", "attn.Wqkv", "attention.key"})
            QVERIFY2(AwqQuantizer::skipsClip(QString::fromLatin1(name)), name);
        for (const char* name :
             {"model.layers.0.self_attn.v_proj", "model.layers.3.self_attn.o_proj",
              "model.layers.4.mlp.gate_proj", "model.layers.4.mlp.up_proj",
              "model.layers.2.mlp.down_proj", "lm_head", "fc1", "mlp.dense_h_to_4h"})
            QVERIFY2(!AwqQuantizer::skipsClip(QString::fromLatin1(name)), name);
    }

    // rows[0::max(1, n // 512)], divided by s.
    void clipRows()
    {
        for (const auto& [n, stride] : std::vector<std::pair<std::int64_t, std::int64_t>>{
                 {4864, 9}, {100, 1}, {511, 1}, {1023, 1}, {1024, 2}, {1535, 2}, {65536, 128}}) {
            const RowMatrix sample = activations(n, 6, static_cast<std::uint32_t>(n));
            const std::vector<float> s{0.5f, 2.0f, 1.0f, 3.0f, 0.25f, 7.0f};
            const RowMatrix rows = AwqQuantizer::clipSearchRows(sample, s);
            QCOMPARE(rows.rows(), (n + stride - 1) / stride);
            for (Eigen::Index i = 0; i < rows.rows(); ++i)
                for (Eigen::Index c = 0; c < 6; ++c)
                    QCOMPARE(rows(i, c), sample(i * stride, c) / s[static_cast<std::size_t>(c)]);
            QCOMPARE(AwqQuantizer::clipSearchRows(sample, {}).row(1), sample.row(stride));
        }
    }

    void clipSearch_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("symmetric");
        for (int groupCode : {16, 32, 7, QuantScheme::kPerChannel, QuantScheme::kPerTensor})
            for (bool symmetric : {false, true})
                for (int bits : {3, 4})
                    QTest::addRow("%c%d g%d", symmetric ? 's' : 'a', bits, groupCode)
                        << bits << groupCode << symmetric;
    }

    // The fast search picks what the plain-loop reference picks, and the chosen clamp never has
    // a larger error than no clamp (shrink 1), for every (row, group).
    void clipSearch()
    {
        QFETCH(int, bits);
        QFETCH(int, groupCode);
        QFETCH(bool, symmetric);
        const QuantScheme scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
        const std::int64_t out = 70; // two blocks of 32 and a partial one
        const std::int64_t in = 37;
        std::vector<float> w = normalWeights(out, in, static_cast<std::uint32_t>(bits + groupCode));
        for (std::int64_t c = 0; c < in; ++c) {
            w[static_cast<std::size_t>(3 * in + c)] = 0.0f; // an all-zero row
            if (c % 9 == 2)
                w[static_cast<std::size_t>(5 * in + c)] = 0.6f; // a row with outliers
        }
        const RowMatrix rows = activations(150, in, 41);
        SilentProgress progress;
        const AwqClipResult fast = AwqQuantizer::searchClip(w, out, in, scheme, rows, progress);
        const AwqClipResult reference = AwqQuantizer::searchClipReference(w, out, in, scheme, rows);
        QCOMPARE(fast.steps, reference.steps);
        QCOMPARE(fast.maxValues, reference.maxValues);

        const std::int64_t groups = scheme.groupsPerRow(in);
        QCOMPARE(fast.steps.size(), std::size_t(out * groups));
        // The shrink-1 bound is max|w| of the group (of the whole tensor, per tensor).
        const std::int64_t width = scheme.groupWidth(in);
        float tensorMax = 0.0f;
        for (float value : w)
            tensorMax = std::max(tensorMax, std::abs(value));
        std::vector<float> unclipped(fast.maxValues.size());
        for (std::int64_t r = 0; r < out; ++r) {
            for (std::int64_t g = 0; g < groups; ++g) {
                float largest = 0.0f;
                for (std::int64_t c = g * width; c < std::min(in, (g + 1) * width); ++c)
                    largest = std::max(largest, std::abs(w[static_cast<std::size_t>(r * in + c)]));
                if (groupCode == QuantScheme::kPerTensor)
                    largest = tensorMax;
                const auto i = static_cast<std::size_t>(r * groups + g);
                QCOMPARE(fast.maxValues[i],
                         largest * static_cast<float>(1.0 - fast.steps[i] / 20.0));
                unclipped[i] = largest;
            }
        }
        const std::vector<double> chosen =
            AwqQuantizer::clipErrors(w, out, in, scheme, rows, fast.maxValues);
        const std::vector<double> plain =
            AwqQuantizer::clipErrors(w, out, in, scheme, rows, unclipped);
        int shrunk = 0;
        if (groupCode == QuantScheme::kPerTensor) {
            double a = 0.0;
            double b = 0.0;
            for (std::size_t i = 0; i < chosen.size(); ++i) {
                a += chosen[i];
                b += plain[i];
            }
            QVERIFY(a <= b);
        } else {
            for (std::size_t i = 0; i < chosen.size(); ++i) {
                QB_CHECK(
                    chosen[i] <= plain[i],
                    QStringLiteral("slot %1: %2 > %3").arg(i).arg(num(chosen[i]), num(plain[i])));
                shrunk += fast.steps[i] > 0 ? 1 : 0;
            }
            QVERIFY(shrunk > 0); // the search did something
            // The all-zero row: every candidate is exact, the first (no shrink) is kept.
            for (std::int64_t g = 0; g < groups; ++g)
                QCOMPARE(int(fast.steps[static_cast<std::size_t>(3 * groups + g)]), 0);
        }
    }

    // ----------------------------------------------------------------------- the whole method

    void quantizeGroupQkv()
    {
        const std::int64_t in = 40;
        const std::vector<float> q = normalWeights(48, in, 51);
        const std::vector<float> k = normalWeights(16, in, 52);
        const std::vector<float> v = normalWeights(16, in, 53);
        const RowMatrix x = activations(700, in, 54);
        const Eigen::MatrixXd h = gram(x);
        const Eigen::VectorXd mean = absMean(x);
        LayerInputs inputs;
        inputs.xtx = &h;
        inputs.tokens = x.rows();
        inputs.absMean = &mean;
        inputs.sample = &x;
        const QuantScheme a4 = QuantScheme::fromGroupSizeCode(4, false, 16);
        const QuantScheme a3 = QuantScheme::fromGroupSizeCode(3, false, 16);
        const std::vector<AwqLayer> layers{
            {QStringLiteral("model.layers.0.self_attn.q_proj"), q.data(), 48, in, awqConfig(a4)},
            {QStringLiteral("model.layers.0.self_attn.k_proj"), k.data(), 16, in, awqConfig(a4)},
            {QStringLiteral("model.layers.0.self_attn.v_proj"), v.data(), 16, in, awqConfig(a3)}};
        // A module loss stand-in: the three layers' output errors summed.
        const AwqLoss loss = [&](const std::vector<const float*>& c) {
            return AwqQuantizer::gramOutputError(h, x.rows(), q.data(), c[0], 48, in)
                   + AwqQuantizer::gramOutputError(h, x.rows(), k.data(), c[1], 16, in)
                   + AwqQuantizer::gramOutputError(h, x.rows(), v.data(), c[2], 16, in);
        };
        SilentProgress progress;
        const std::vector<QuantizedLayer> results =
            AwqQuantizer::quantizeGroup(layers, inputs, loss, progress);
        const AwqScaleSearchResult search =
            AwqQuantizer::searchScales(layers, mean, loss, progress);
        qInfo("q/k/v group: ratio %.2f", search.ratio);
        QCOMPARE(results.size(), std::size_t(3));
        const RowMatrix rows = AwqQuantizer::clipSearchRows(x, search.scales);
        for (std::size_t l = 0; l < 3; ++l) {
            const QuantizedLayer& result = results[l];
            const AwqLayer& layer = layers[l];
            QCOMPARE(result.name, layer.name);
            QVERIFY(result.config == layer.config);
            QCOMPARE(result.inputScale, search.scales);
            QCOMPARE(result.weight, result.tensor.dequantize());
            QVERIFY(result.details.contains(QLocale().toString(search.ratio, 'f', 2)));
            QVERIFY(result.seconds > 0.0);
            std::vector<float> scaled =
                scaledCopy(std::vector<float>(layer.weight, layer.weight + layer.out * in),
                           layer.out, in, search.scales);
            if (l < 2) {
                QVERIFY(AwqQuantizer::skipsClip(layer.name));
            } else {
                const AwqClipResult clip = AwqQuantizer::searchClip(
                    scaled, layer.out, in, layer.config.scheme, rows, progress);
                AwqQuantizer::applyClip(scaled, layer.out, in, layer.config.scheme, clip.maxValues);
            }
            const QuantizedTensor expected =
                quantizeAwqGrid(scaled, layer.out, in, layer.config.scheme);
            QCOMPARE(result.tensor.codes, expected.codes);
            QCOMPARE(result.tensor.scheme, layer.config.scheme);
            const std::vector<float> original = result.weightInOriginalSpace();
            for (std::int64_t r = 0; r < layer.out; ++r)
                for (std::int64_t c = 0; c < in; ++c)
                    QCOMPARE(original[r * in + c], result.weight[r * in + c] / search.scales[c]);
        }
    }

    void quantizeGroupNeedsStatistics()
    {
        const std::int64_t in = 16;
        const std::vector<float> w = normalWeights(8, in, 61);
        const RowMatrix x = activations(50, in, 62);
        const Eigen::MatrixXd h = gram(x);
        const Eigen::VectorXd mean = absMean(x);
        const AwqLoss loss = AwqQuantizer::singleLinearLoss(h, x.rows(), w.data(), 8, in);
        const QuantScheme scheme = QuantScheme::fromGroupSizeCode(4, false, 8);
        SilentProgress progress;
        LayerInputs inputs;
        inputs.absMean = &mean;
        // o_proj is clipped: without rows it cannot be.
        const std::vector<AwqLayer> o{
            {QStringLiteral("self_attn.o_proj"), w.data(), 8, in, awqConfig(scheme)}};
        QVERIFY_THROWS_EXCEPTION(Error, AwqQuantizer::quantizeGroup(o, inputs, loss, progress));
        // q_proj alone needs no rows.
        const std::vector<AwqLayer> qOnly{
            {QStringLiteral("self_attn.q_proj"), w.data(), 8, in, awqConfig(scheme)}};
        QCOMPARE(AwqQuantizer::quantizeGroup(qOnly, inputs, loss, progress).size(), std::size_t(1));
        inputs.absMean = nullptr;
        QVERIFY_THROWS_EXCEPTION(Error, AwqQuantizer::quantizeGroup(qOnly, inputs, loss, progress));
        // Statistics of another width.
        const Eigen::VectorXd narrow = mean.head(10);
        inputs.absMean = &narrow;
        QVERIFY_THROWS_EXCEPTION(Error, AwqQuantizer::quantizeGroup(qOnly, inputs, loss, progress));
        // An invalid scheme names the layer.
        inputs.absMean = &mean;
        std::vector<AwqLayer> bad = qOnly;
        bad[0].config.scheme.bits = 9;
        try {
            AwqQuantizer::quantizeGroup(bad, inputs, loss, progress);
            QFAIL("no error for 9 bits");
        } catch (const Error& error) {
            QVERIFY(error.message().contains(QStringLiteral("self_attn.q_proj")));
        }
        SilentProgress cancelled;
        cancelled.cancel();
        inputs.sample = &x;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 AwqQuantizer::quantizeGroup(o, inputs, loss, cancelled));
    }

    // ------------------------------------------------------------------- golden parity

    void goldenParity_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("tag");
        for (const auto& [layer, site] : std::vector<std::pair<const char*, const char*>>{
                 {"model.layers.0.self_attn.q_proj", "l0.attn_in"},
                 {"model.layers.3.self_attn.o_proj", "l3.o_in"}})
            for (const char* tag : {"awq.a4g32", "awq.a3g32"})
                QTest::addRow("%s|%s", layer, tag)
                    << QString::fromLatin1(layer) << QString::fromLatin1(site)
                    << QString::fromLatin1(tag);
    }

    // The reference's single-linear AWQ (scale search with the layer's own output MSE, clip search
    // on all calibration rows in order, final quantization), scored on the test rows.
    //
    // The golden q_proj results were produced WITH the clip search, although auto_clip_block
    // skips names containing "q_" (the generator evidently ran the clip on the lone layer under
    // another name): at the ratio we choose, every group of the reference's a4g32 q_proj (127 of
    // 128 for a3g32) is reproduced exactly by clamp + grid at one of the shrink steps, most of them
    // below 1, and the unclipped result misses the reference's mse by 16-20 %. So for q_proj the
    // procedure the generator ran is assembled from the public pieces (scale search, clip search,
    // apply, final grid) and compared with the golden mse, while quantizeGroup, which follows
    // auto_clip_block and skips the clip for q_proj, is checked to be exactly those pieces
    // without the clip; its mse is reported.
    void goldenParity()
    {
        QFETCH(QString, layer);
        QFETCH(QString, site);
        QFETCH(QString, tag);
        const QJsonObject result = m_golden->result(layer, tag);
        QVERIFY(!result.isEmpty());
        const std::optional<QuantScheme> scheme = test::schemeFromTag(tag.mid(4));
        QVERIFY(scheme);
        QCOMPARE(result.value(QStringLiteral("method")).toString(), QStringLiteral("awq"));
        QCOMPARE(result.value(QStringLiteral("bits")).toInt(), scheme->bits);
        QCOMPARE(result.value(QStringLiteral("group")).toInt(), scheme->groupSizeCode());
        QCOMPARE(result.value(QStringLiteral("sym")).toBool(), scheme->symmetric);
        const double referenceMse = result.value(QStringLiteral("mse")).toDouble();

        std::int64_t out = 0;
        std::int64_t in = 0;
        const std::vector<float> w = m_golden->weight(layer, &out, &in);
        const RowMatrix calib = m_golden->inputs(site, QStringLiteral("calib"));
        const RowMatrix testRows = m_golden->inputs(site, QStringLiteral("test"));
        QCOMPARE(calib.rows(), result.value(QStringLiteral("n_cal_tokens")).toInteger());
        QCOMPARE(testRows.rows(), result.value(QStringLiteral("n_test_tokens")).toInteger());
        const std::vector<float> reference = m_golden->referenceWeight(layer, tag);
        QCOMPARE(reference.size(), w.size());

        // Our measure of the reference's weights gives the metadata's mse: the metric below is the
        // reference's metric.
        const double referenceMeasured =
            rowOutputMse(testRows, w.data(), reference.data(), out, in);
        QVERIFY(std::abs(referenceMeasured - referenceMse) <= 1e-5 * referenceMse);

        const Eigen::MatrixXd h = gram(calib);
        const Eigen::VectorXd mean = absMean(calib);
        LayerInputs inputs;
        inputs.xtx = &h;
        inputs.tokens = calib.rows();
        inputs.absMean = &mean;
        inputs.sample = &calib; // every calibration row, in order, as the reference
        const std::vector<AwqLayer> layers{{layer, w.data(), out, in, awqConfig(*scheme)}};
        const AwqLoss loss = AwqQuantizer::singleLinearLoss(h, calib.rows(), w.data(), out, in);
        SilentProgress progress;
        const std::vector<QuantizedLayer> pipeline =
            AwqQuantizer::quantizeGroup(layers, inputs, loss, progress);
        QCOMPARE(pipeline.size(), std::size_t(1));

        // The same steps from the pieces, with the clip search whatever the name.
        const AwqScaleSearchResult search =
            AwqQuantizer::searchScales(layers, mean, loss, progress);
        QCOMPARE(pipeline[0].inputScale, search.scales);
        const std::vector<float> scaled = scaledCopy(w, out, in, search.scales);
        const AwqClipResult clip = AwqQuantizer::searchClip(
            scaled, out, in, *scheme, AwqQuantizer::clipSearchRows(calib, search.scales), progress);
        std::vector<float> clamped = scaled;
        AwqQuantizer::applyClip(clamped, out, in, *scheme, clip.maxValues);
        QuantizedLayer clipped;
        clipped.tensor = quantizeAwqGrid(clamped, out, in, *scheme);
        clipped.weight = clipped.tensor.dequantize();
        clipped.inputScale = search.scales;

        const bool skipped = AwqQuantizer::skipsClip(layer);
        QCOMPARE(skipped, layer.contains(QStringLiteral("q_proj")));
        QCOMPARE(pipeline[0].tensor.codes,
                 skipped ? quantizeAwqGrid(scaled, out, in, *scheme).codes : clipped.tensor.codes);
        const std::vector<float> ours = (skipped ? clipped : pipeline[0]).weightInOriginalSpace();
        const double ourMse = rowOutputMse(testRows, w.data(), ours.data(), out, in);

        // Diagnostics: groups equal to the reference (to 1e-5 of the group's largest weight: the
        // scales differ from the reference's in the last bits), the largest weight difference.
        const std::int64_t width = scheme->groupWidth(in);
        int equalGroups = 0;
        double worst = 0.0;
        for (std::int64_t r = 0; r < out; ++r)
            for (std::int64_t c0 = 0; c0 < in; c0 += width) {
                double largest = 0.0;
                double difference = 0.0;
                for (std::int64_t c = c0; c < std::min(in, c0 + width); ++c) {
                    const auto i = static_cast<std::size_t>(r * in + c);
                    largest = std::max(largest, std::abs(double(reference[i])));
                    difference =
                        std::max(difference, std::abs(double(ours[i]) - double(reference[i])));
                }
                equalGroups += difference <= 1e-5 * largest ? 1 : 0;
                worst = std::max(worst, difference);
            }
        const std::int64_t groups = out * scheme->groupsPerRow(in);
        qInfo("%s|%s: mse ours %.9g, reference %.9g (%+.3f %%); ratio %.2f; %d of %lld groups "
              "equal to the reference's, max |dw| %.3g%s",
              qPrintable(layer), qPrintable(tag), ourMse, referenceMse,
              100.0 * (ourMse - referenceMse) / referenceMse, search.ratio, equalGroups,
              static_cast<long long>(groups), worst,
              skipped ? " (clip search run as the golden generator did)" : "");
        if (skipped) {
            const std::vector<float> unclipped = pipeline[0].weightInOriginalSpace();
            const double unclippedMse = rowOutputMse(testRows, w.data(), unclipped.data(), out, in);
            qInfo("%s|%s: quantizeGroup (no clip search for q_proj, as auto_clip_block) mse %.9g "
                  "(%+.3f %% from the reference)",
                  qPrintable(layer), qPrintable(tag), unclippedMse,
                  100.0 * (unclippedMse - referenceMse) / referenceMse);
        }
        QVERIFY2(std::abs(ourMse - referenceMse) <= 0.02 * referenceMse,
                 qPrintable(
                     QStringLiteral("ours %1, reference %2").arg(num(ourMse), num(referenceMse))));
    }
};

QTEST_GUILESS_MAIN(TestAwq)
#include "tst_awq.moc"
