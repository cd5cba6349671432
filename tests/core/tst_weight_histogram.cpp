// WeightHistogramBuilder::fromWeights checked by brute force: counts, bin range, the grid of the
// chosen group, the clipped count, clamping of the chosen row and group, and non-finite weights.

#include "core/metrics/weight_histogram.h"
#include "core/quant/quantized_layer.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace qb;

Q_DECLARE_METATYPE(qb::HistogramScope)

namespace {

LayerQuantConfig rtn(int bits, int groupCode, bool symmetric)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Rtn;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return config;
}

// Normal weights with a few large outliers and an all-positive row, so symmetric grids clip.
std::vector<float> randomWeights(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 0.05f);
    std::vector<float> w(static_cast<std::size_t>(rows * cols));
    for (std::int64_t r = 0; r < rows; ++r) {
        for (std::int64_t c = 0; c < cols; ++c) {
            float v = normal(rng);
            if (r == 2)
                v = std::abs(v);
            if ((r * cols + c) % 29 == 3)
                v *= 12.0f;
            w[static_cast<std::size_t>(r * cols + c)] = v;
        }
    }
    return w;
}

struct Scope {
    std::int64_t rowBegin, rowEnd, colBegin, colEnd;
};

} // namespace

class TestWeightHistogram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bruteForce_data()
    {
        QTest::addColumn<HistogramScope>("scope");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<qint64>("chosenRow");
        QTest::addColumn<qint64>("chosenGroup");
        QTest::addColumn<int>("bins");
        const std::vector<std::pair<HistogramScope, const char*>> scopes{
            {HistogramScope::Layer, "layer"},
            {HistogramScope::Row, "row"},
            {HistogramScope::Group, "group"}};
        for (const auto& [scope, scopeName] : scopes) {
            QTest::addRow("%s a4 g32 r3 g2", scopeName)
                << scope << 4 << 32 << false << qint64(3) << qint64(2) << 64;
            QTest::addRow("%s s4 g32 r2 last", scopeName)
                << scope << 4 << 32 << true << qint64(2) << qint64(5) << 128;
            QTest::addRow("%s s3 pc r2", scopeName)
                << scope << 3 << -1 << true << qint64(2) << qint64(0) << 50;
            QTest::addRow("%s a2 g7 r0 g24", scopeName)
                << scope << 2 << 7 << false << qint64(0) << qint64(24) << 16;
            QTest::addRow("%s s8 pt r6", scopeName)
                << scope << 8 << 0 << true << qint64(6) << qint64(0) << 256;
            QTest::addRow("%s a3 g1 r1 g100", scopeName)
                << scope << 3 << 1 << false << qint64(1) << qint64(100) << 7;
            QTest::addRow("%s a4 g500 r4", scopeName)
                << scope << 4 << 500 << false << qint64(4) << qint64(0) << 1;
        }
    }

    void bruteForce()
    {
        QFETCH(HistogramScope, scope);
        QFETCH(int, bits);
        QFETCH(int, groupCode);
        QFETCH(bool, symmetric);
        QFETCH(qint64, chosenRow);
        QFETCH(qint64, chosenGroup);
        QFETCH(int, bins);
        const std::int64_t row = chosenRow;
        const std::int64_t group = chosenGroup;
        const std::int64_t rows = 7;
        const std::int64_t cols = 172; // g32: a last group of 12 columns
        const std::vector<float> w = randomWeights(rows, cols, 42);
        HistogramRequest request;
        request.layerName = QStringLiteral("model.layers.0.mlp.down_proj");
        request.config = rtn(bits, groupCode, symmetric);
        request.scope = scope;
        request.row = row;
        request.group = group;
        request.bins = bins;
        const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, rows, cols, request);

        const QuantScheme& scheme = request.config.scheme;
        const std::int64_t width = groupCode > 0 ? std::min<std::int64_t>(groupCode, cols) : cols;
        QVERIFY(group < (cols + width - 1) / width); // a row that needs no clamping
        QCOMPARE(h.rows, rows);
        QCOMPARE(h.cols, cols);
        QCOMPARE(h.request.row, row);
        QCOMPARE(h.request.group, group);
        QCOMPARE(h.groupFirstColumn, group * width);
        QCOMPARE(h.groupColumns, std::min(width, cols - group * width));

        Scope s{0, rows, 0, cols};
        if (scope != HistogramScope::Layer)
            s = {row, row + 1, 0, cols};
        if (scope == HistogramScope::Group)
            s = {row, row + 1, group * width, std::min(cols, (group + 1) * width)};
        const std::int64_t size = (s.rowEnd - s.rowBegin) * (s.colEnd - s.colBegin);

        // Counts: every weight of the scope once; the bins span exactly [min, max].
        QCOMPARE(h.total, size);
        QCOMPARE(h.nonFinite, std::int64_t(0));
        QCOMPARE(h.counts.size(), std::size_t(bins));
        double sum = 0;
        for (double c : h.counts)
            sum += c;
        QCOMPARE(sum, double(size));
        float lo = std::numeric_limits<float>::infinity();
        float hi = -lo;
        for (std::int64_t r = s.rowBegin; r < s.rowEnd; ++r) {
            for (std::int64_t c = s.colBegin; c < s.colEnd; ++c) {
                lo = std::min(lo, w[static_cast<std::size_t>(r * cols + c)]);
                hi = std::max(hi, w[static_cast<std::size_t>(r * cols + c)]);
            }
        }
        QCOMPARE(h.minValue, lo);
        QCOMPARE(h.maxValue, hi);
        if (lo == hi) {
            // A single value (a group of one column): the bins get a width around it.
            QVERIFY(h.lo < lo && h.hi > hi);
            QCOMPARE(*std::max_element(h.counts.begin(), h.counts.end()), double(size));
        } else {
            QCOMPARE(h.lo, double(lo));
            QCOMPARE(h.hi, double(hi));
            QCOMPARE(h.binWidth(), (double(hi) - double(lo)) / bins);
            // The extremes land in the first and last bins.
            QVERIFY(h.counts.front() >= 1.0);
            QVERIFY(h.counts.back() >= 1.0);
        }

        // Brute-force bin counts: bin k holds [lo + k·width, lo + (k+1)·width), the maximum goes
        // into the last bin.
        if (lo != hi) {
            std::vector<double> expectedCounts(static_cast<std::size_t>(bins), 0.0);
            const double perUnit = bins / (double(hi) - double(lo));
            for (std::int64_t r = s.rowBegin; r < s.rowEnd; ++r) {
                for (std::int64_t c = s.colBegin; c < s.colEnd; ++c) {
                    const double v = w[static_cast<std::size_t>(r * cols + c)];
                    const auto bin = std::min<std::int64_t>(
                        bins - 1, static_cast<std::int64_t>(std::floor((v - lo) * perUnit)));
                    expectedCounts[static_cast<std::size_t>(bin)] += 1.0;
                }
            }
            QCOMPARE(h.counts, expectedCounts);
        }

        // The grid: every level of the chosen (row, group)'s parameters, ascending.
        QVERIFY(h.hasGrid);
        std::vector<float> groupValues;
        if (groupCode == QuantScheme::kPerTensor) {
            groupValues = w;
        } else {
            for (std::int64_t c = h.groupFirstColumn; c < h.groupFirstColumn + h.groupColumns; ++c)
                groupValues.push_back(w[static_cast<std::size_t>(row * cols + c)]);
        }
        const GridParams p =
            minMaxGridParams(groupValues.data(), std::int64_t(groupValues.size()), bits, symmetric);
        QCOMPARE(h.grid.scale, p.scale);
        QCOMPARE(h.grid.zero, p.zero);
        QCOMPARE(h.gridLevels.size(), std::size_t(scheme.maxCode() + 1));
        for (int code = 0; code <= scheme.maxCode(); ++code)
            QCOMPARE(h.gridLevels[static_cast<std::size_t>(code)],
                     double(dequantizeCode(float(code), p)));
        QVERIFY(std::is_sorted(h.gridLevels.begin(), h.gridLevels.end()));

        // Clipped: weights of the scope whose unclamped code is outside [0, maxq], each judged by
        // its own group's grid.
        const QuantizedTensor q = quantizeRtn(w, rows, cols, scheme);
        std::int64_t clipped = 0;
        for (std::int64_t r = s.rowBegin; r < s.rowEnd; ++r) {
            for (std::int64_t c = s.colBegin; c < s.colEnd; ++c) {
                const GridParams& own = q.paramsAt(r, c);
                const float code =
                    std::nearbyint(w[static_cast<std::size_t>(r * cols + c)] / own.scale)
                    + own.zero;
                clipped += (code < 0.0f || code > float(scheme.maxCode())) ? 1 : 0;
            }
        }
        QCOMPARE(h.clipped, clipped);
        QCOMPARE(h.clippedFraction(), double(clipped) / double(size));
        if (symmetric && scope != HistogramScope::Group && groupCode != QuantScheme::kPerTensor)
            QVERIFY(clipped > 0); // the symmetric grid clips at least each row's positive extreme

        // After: round-to-nearest's values on the same bins, and the error ŵ − w on its own.
        QCOMPARE(int(h.afterSource), int(WeightHistogram::AfterSource::PlanRoundToNearest));
        const std::vector<float> after = q.dequantize();
        std::vector<double> expectedAfter(static_cast<std::size_t>(bins), 0.0);
        std::vector<double> errors;
        for (std::int64_t r = s.rowBegin; r < s.rowEnd; ++r) {
            for (std::int64_t c = s.colBegin; c < s.colEnd; ++c) {
                const auto i = static_cast<std::size_t>(r * cols + c);
                const auto bin = std::clamp<std::int64_t>(
                    static_cast<std::int64_t>(std::floor((after[i] - h.lo) / h.binWidth())), 0,
                    bins - 1);
                expectedAfter[static_cast<std::size_t>(bin)] += 1.0;
                errors.push_back(double(after[i]) - double(w[i]));
            }
        }
        if (lo != hi)
            QCOMPARE(h.afterCounts, expectedAfter);
        QCOMPARE(h.errorCounts.size(), std::size_t(bins));
        double mse = 0.0, maxAbs = 0.0, errorSum = 0.0;
        for (double e : errors) {
            mse += e * e;
            maxAbs = std::max(maxAbs, std::abs(e));
            QVERIFY(e >= h.errorLo && e <= h.errorHi);
        }
        for (double c : h.errorCounts)
            errorSum += c;
        QCOMPARE(errorSum, double(size));
        QVERIFY(std::abs(h.errorMse - mse / double(size)) <= 1e-12 * std::max(1.0, h.errorMse));
        QCOMPARE(h.errorMaxAbs, maxAbs);
    }

    // A run's layer replaces round-to-nearest: its weights are the "after", its own grid is drawn
    // (GPTQ's parameters are not the min/max of the original weights), and a run that scaled the
    // input channels (AWQ) is compared in the original space with no single grid.
    void afterFromRun()
    {
        const std::int64_t rows = 6, cols = 64;
        const std::vector<float> w = randomWeights(rows, cols, 11);
        // A stand-in for GPTQ: the codes of slightly different weights, hence other parameters.
        std::vector<float> shifted = w;
        for (float& v : shifted)
            v *= 0.9f;
        HistogramRequest request;
        request.config = rtn(3, 16, false);
        request.config.method = QuantMethod::Gptq;
        request.scope = HistogramScope::Row;
        request.row = 4;
        request.group = 2;
        request.bins = 32;
        QuantizedLayer run;
        run.name = QStringLiteral("layer");
        run.config = request.config;
        run.tensor = quantizeRtn(shifted, rows, cols, request.config.scheme);
        const std::vector<float> runWeight = run.tensor.dequantize();

        const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, rows, cols, request, &run);
        QCOMPARE(int(h.afterSource), int(WeightHistogram::AfterSource::Run));
        QVERIFY(h.hasGrid);
        QVERIFY(!h.scaledColumns);
        QCOMPARE(h.grid.scale, run.tensor.paramsAt(4, 32).scale);
        QCOMPARE(h.grid.zero, run.tensor.paramsAt(4, 32).zero);
        const WeightHistogram plain = WeightHistogramBuilder::fromWeights(w, rows, cols, request);
        QVERIFY(plain.grid.scale != h.grid.scale);
        double errorSquares = 0.0;
        for (std::int64_t c = 0; c < cols; ++c) {
            const auto i = static_cast<std::size_t>(4 * cols + c);
            errorSquares += std::pow(double(runWeight[i]) - double(w[i]), 2);
        }
        QVERIFY(std::abs(h.errorMse - errorSquares / cols) <= 1e-12);
        QVERIFY(h.errorMse != plain.errorMse);

        run.inputScale.assign(static_cast<std::size_t>(cols), 2.0f);
        const WeightHistogram scaled =
            WeightHistogramBuilder::fromWeights(w, rows, cols, request, &run);
        QVERIFY(scaled.scaledColumns);
        QVERIFY(!scaled.hasGrid);
        errorSquares = 0.0;
        for (std::int64_t c = 0; c < cols; ++c) {
            const auto i = static_cast<std::size_t>(4 * cols + c);
            errorSquares += std::pow(double(runWeight[i] / 2.0f) - double(w[i]), 2);
        }
        QVERIFY(std::abs(scaled.errorMse - errorSquares / cols) <= 1e-12);

        QuantizedLayer wrongShape = run;
        wrongShape.tensor = quantizeRtn(shifted, rows * 2, cols / 2, request.config.scheme);
        QVERIFY_THROWS_EXCEPTION(
            qb::Error, WeightHistogramBuilder::fromWeights(w, rows, cols, request, &wrongShape));
    }

    void rowAndGroupClamped_data()
    {
        QTest::addColumn<qint64>("row");
        QTest::addColumn<qint64>("group");
        QTest::addColumn<qint64>("clampedRow");
        QTest::addColumn<qint64>("clampedGroup");
        QTest::newRow("inside") << qint64(2) << qint64(1) << qint64(2) << qint64(1);
        QTest::newRow("negative") << qint64(-3) << qint64(-1) << qint64(0) << qint64(0);
        QTest::newRow("too large") << qint64(99) << qint64(99) << qint64(4) << qint64(5);
        QTest::newRow("just past") << qint64(5) << qint64(6) << qint64(4) << qint64(5);
    }

    void rowAndGroupClamped()
    {
        QFETCH(qint64, row);
        QFETCH(qint64, group);
        QFETCH(qint64, clampedRow);
        QFETCH(qint64, clampedGroup);
        const std::vector<float> w = randomWeights(5, 172, 3);
        HistogramRequest request;
        request.config = rtn(4, 32, false);
        request.scope = HistogramScope::Group;
        request.row = row;
        request.group = group;
        const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, 5, 172, request);
        QCOMPARE(h.request.row, std::int64_t(clampedRow));
        QCOMPARE(h.request.group, std::int64_t(clampedGroup));
        QCOMPARE(h.groupFirstColumn, clampedGroup * 32);
        QCOMPARE(h.groupColumns, clampedGroup == 5 ? std::int64_t(12) : std::int64_t(32));
        QCOMPARE(h.total, h.groupColumns);
        const GridParams p = minMaxGridParams(w.data() + clampedRow * 172 + h.groupFirstColumn,
                                              h.groupColumns, 4, false);
        QCOMPARE(h.grid.scale, p.scale);
        QCOMPARE(h.grid.zero, p.zero);
    }

    void methodNoneHasNoGrid()
    {
        const std::vector<float> w = randomWeights(4, 40, 5);
        HistogramRequest request;
        request.config.method = QuantMethod::None;
        request.config.scheme = QuantScheme::fromGroupSizeCode(4, true, 8);
        for (HistogramScope scope :
             {HistogramScope::Layer, HistogramScope::Row, HistogramScope::Group}) {
            request.scope = scope;
            request.group = 3; // no grid: the row is one group
            const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, 4, 40, request);
            QVERIFY(!h.hasGrid);
            QVERIFY(h.gridLevels.empty());
            QCOMPARE(h.clipped, std::int64_t(0));
            QCOMPARE(h.request.group, std::int64_t(0));
            const std::int64_t expected = scope == HistogramScope::Layer ? 160 : 40;
            QCOMPARE(h.total, expected);
            double sum = 0;
            for (double c : h.counts)
                sum += c;
            QCOMPARE(sum, double(expected));
        }
    }

    // A non-finite weight is counted, not binned, and the layer gets no grid (quantization skips
    // such a layer), whichever part of it the histogram shows.
    void nonFinite_data()
    {
        QTest::addColumn<HistogramScope>("scope");
        QTest::addColumn<qint64>("row");
        QTest::addColumn<float>("bad");
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        QTest::newRow("layer NaN") << HistogramScope::Layer << qint64(0) << nan;
        QTest::newRow("layer -Inf") << HistogramScope::Layer << qint64(0) << -inf;
        QTest::newRow("row with NaN") << HistogramScope::Row << qint64(1) << nan;
        QTest::newRow("group with NaN") << HistogramScope::Group << qint64(1) << nan;
        QTest::newRow("other row") << HistogramScope::Row << qint64(2) << nan;
        QTest::newRow("other group") << HistogramScope::Group << qint64(0) << inf;
    }

    void nonFinite()
    {
        QFETCH(HistogramScope, scope);
        QFETCH(qint64, row);
        QFETCH(float, bad);
        std::vector<float> w = randomWeights(3, 20, 9);
        w[1 * 20 + 4] = bad; // row 1, group 0
        HistogramRequest request;
        request.config = rtn(4, 8, false);
        request.scope = scope;
        request.row = row;
        request.group = 0;
        request.bins = 10;
        const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, 3, 20, request);
        const bool inScope = scope == HistogramScope::Layer || row == 1;
        const std::int64_t size = scope == HistogramScope::Layer ? 60
                                  : scope == HistogramScope::Row ? 20
                                                                 : 8;
        QCOMPARE(h.total, size);
        QCOMPARE(h.nonFinite, std::int64_t(inScope ? 1 : 0));
        double sum = 0;
        for (double c : h.counts)
            sum += c;
        QCOMPARE(sum, double(size - h.nonFinite));
        QVERIFY(std::isfinite(h.lo) && std::isfinite(h.hi));
        QVERIFY(std::isfinite(h.minValue) && std::isfinite(h.maxValue));
        QVERIFY(!h.hasGrid);
        QVERIFY(h.gridLevels.empty());
        QCOMPARE(h.clipped, std::int64_t(0));
    }

    void allNonFinite()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const std::vector<float> w(6, nan);
        HistogramRequest request;
        request.config = rtn(4, -1, false);
        request.bins = 4;
        const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, 2, 3, request);
        QCOMPARE(h.total, std::int64_t(6));
        QCOMPARE(h.nonFinite, std::int64_t(6));
        QCOMPARE(h.counts, std::vector<double>(4, 0.0));
        QVERIFY(!h.hasGrid);
    }

    // One distinct value: the bins get a width around it and it is counted once per weight.
    void singleValue()
    {
        const std::vector<float> w(12, 0.25f);
        HistogramRequest request;
        request.config = rtn(4, -1, true);
        request.bins = 9;
        const WeightHistogram h = WeightHistogramBuilder::fromWeights(w, 3, 4, request);
        QVERIFY(h.lo < 0.25 && h.hi > 0.25);
        QCOMPARE(h.minValue, 0.25f);
        QCOMPARE(h.maxValue, 0.25f);
        double sum = 0;
        for (double c : h.counts)
            sum += c;
        QCOMPARE(sum, 12.0);
        QCOMPARE(*std::max_element(h.counts.begin(), h.counts.end()), 12.0);
        QVERIFY(h.hasGrid);
        // All positive, symmetric: the reference grid keeps xmin = 0 and 0.25 clips.
        QCOMPARE(h.clipped, std::int64_t(12));
    }
};

QTEST_GUILESS_MAIN(TestWeightHistogram)
#include "tst_weight_histogram.moc"
