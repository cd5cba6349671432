// Round-to-nearest on the reference min/max grid: parity with the golden results of the reference
// implementation (IST-DASLab/gptq Quantizer) on the demo model, properties on random data for every
// bits × granularity × symmetry combination, hand-computed corner cases (half-to-even rounding,
// the all-zero [-1, 1] range, the symmetric all-positive quirk), and the weight error metrics.

#include "core/io/safetensors_file.h"
#include "core/metrics/weight_error.h"
#include "core/model/loaded_model.h"
#include "core/quant/minmax_grid.h"
#include "core/quant/quantized_tensor.h"
#include "tests/support/golden_layers.h"
#include "tests/support/quick_check.h"
#include "tests/support/test_paths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace qb;
using qb::test::num;
using qb::test::schemeFromTag;

namespace {

QString goldenPath()
{
    return test::dataDir() + QStringLiteral("/golden/stories260K/reference_quant.safetensors");
}

const QStringList& rtnTags()
{
    static const QStringList tags{QStringLiteral("rtn.a4g32"), QStringLiteral("rtn.s4pc"),
                                  QStringLiteral("rtn.a3g32")};
    return tags;
}

// The grid parameters of one group. The formula itself (minMaxGridParams) is proven bit-exact
// against the published reference by goldenParity; here it serves to check that quantizeRtn
// applies it to the right columns, rows or tensor.
GridParams referenceParams(const std::vector<float>& values, int bits, bool symmetric)
{
    return minMaxGridParams(values.data(), static_cast<std::int64_t>(values.size()), bits,
                            symmetric);
}

// Random weights with the row patterns that stress a min/max grid: ordinary normal rows with
// exact zeros, all-positive rows, all-negative rows, all-zero rows, rows whose first 7 columns
// are zero (all-zero groups for small group sizes), and rows with large outliers.
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
                v = c < 7 ? 0.0f : normal(rng);
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

QString granularityName(int groupCode)
{
    if (groupCode == QuantScheme::kPerTensor)
        return QStringLiteral("pt");
    if (groupCode == QuantScheme::kPerChannel)
        return QStringLiteral("pc");
    return QStringLiteral("g%1").arg(groupCode);
}

} // namespace

class TestRtn : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const SafetensorsFile> m_golden;
    QJsonObject m_results;
    QMap<QString, double> m_worstRelative; // per tag, over every golden element compared

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_golden = SafetensorsFile::open(goldenPath());
        const QByteArray results = m_golden->metadata().value(QStringLiteral("results")).toUtf8();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(results, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isObject());
        m_results = doc.object();
    }

    void cleanupTestCase()
    {
        for (auto it = m_worstRelative.cbegin(); it != m_worstRelative.cend(); ++it)
            qInfo("golden %s: worst relative difference %g", qPrintable(it.key()), it.value());
    }

    // The golden file holds every RTN tag for the four reference layers, down_proj among them.
    void goldenCoverage()
    {
        QMap<QString, int> layersPerTag;
        QStringList layers;
        for (const TensorInfo& tensor : m_golden->tensors()) {
            const QStringList parts = tensor.name.split(QLatin1Char('|'));
            QCOMPARE(parts.size(), 2);
            if (rtnTags().contains(parts[1])) {
                ++layersPerTag[parts[1]];
                if (!layers.contains(parts[0]))
                    layers << parts[0];
            }
        }
        for (const QString& tag : rtnTags())
            QCOMPARE(layersPerTag.value(tag), 4);
        QVERIFY(layers.contains(QStringLiteral("model.layers.2.mlp.down_proj")));
    }

    void goldenParity_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("tag");
        const auto golden = SafetensorsFile::open(goldenPath());
        for (const TensorInfo& tensor : golden->tensors()) {
            const QStringList parts = tensor.name.split(QLatin1Char('|'));
            if (parts.size() == 2 && rtnTags().contains(parts[1]))
                QTest::newRow(qPrintable(tensor.name)) << parts[0] << parts[1];
        }
    }

    void goldenParity()
    {
        QFETCH(QString, layer);
        QFETCH(QString, tag);
        const QString key = layer + QLatin1Char('|') + tag;

        const std::optional<QuantScheme> scheme = schemeFromTag(tag.mid(4)); // after "rtn."
        QVERIFY(scheme);
        QCOMPARE(scheme->tag(), tag.mid(4));
        QVERIFY(scheme->validationError().isEmpty());

        // The metadata's settings must describe the same scheme. Its mse and rel_err are errors of
        // the layer OUTPUT on test activations that this test does not have, so they are not used.
        const QJsonObject result = m_results.value(key).toObject();
        QVERIFY2(!result.isEmpty(), qPrintable(key + QStringLiteral(" has no metadata results")));
        QCOMPARE(result.value(QStringLiteral("method")).toString(), QStringLiteral("rtn"));
        QCOMPARE(result.value(QStringLiteral("bits")).toInt(), scheme->bits);
        QCOMPARE(result.value(QStringLiteral("group")).toInt(), scheme->groupSizeCode());
        QCOMPARE(result.value(QStringLiteral("sym")).toBool(), scheme->symmetric);

        const LinearLayer* linear = m_model->inventory().find(layer);
        QVERIFY(linear);
        const TensorInfo* goldenInfo = m_golden->find(key);
        QVERIFY(goldenInfo);
        QCOMPARE(goldenInfo->shape,
                 (std::vector<std::int64_t>{linear->outFeatures, linear->inFeatures}));
        const std::vector<float> reference = m_golden->readFloat(*goldenInfo);
        const std::vector<float> weight = m_model->readWeight(*linear);

        const QuantizedTensor q =
            quantizeRtn(weight, linear->outFeatures, linear->inFeatures, *scheme);
        if (scheme->granularity == Granularity::Group && linear->inFeatures == 172) {
            // down_proj: groups start at multiples of 32, the last one holds 12 columns.
            QCOMPARE(q.groupWidth, std::int64_t(32));
            QCOMPARE(q.groupsPerRow, std::int64_t(6));
        }
        const std::vector<float> ours = q.dequantize();
        QCOMPARE(ours.size(), reference.size());

        // Tolerance: 1e-6 relative to the reference value, with the group's scale as the floor of
        // the magnitude. Every grid level is an integer multiple of the scale (scale · (code −
        // zero), zero an integer), so a non-zero level is never smaller than the scale: the floor
        // only matters where the reference value is exactly 0, and there it still asks for
        // agreement to a millionth of one quantization step rather than to an absolute epsilon
        // that means nothing at this layer's magnitude.
        double worst = 0.0;
        for (std::int64_t r = 0; r < q.rows; ++r) {
            for (std::int64_t c = 0; c < q.cols; ++c) {
                const auto i = static_cast<std::size_t>(r * q.cols + c);
                const double a = ours[i];
                const double b = reference[i];
                const double floor = q.paramsAt(r, c).scale;
                const double relative = std::abs(a - b) / std::max(std::abs(b), floor);
                worst = std::max(worst, relative);
                QB_CHECK(relative <= 1e-6, QStringLiteral("%1 [%2, %3]: ours %4, reference %5")
                                               .arg(key)
                                               .arg(r)
                                               .arg(c)
                                               .arg(num(a), num(b)));
            }
        }
        m_worstRelative[tag] = std::max(m_worstRelative.value(tag), worst);

        // Weight-space errors of the two results agree (what the metadata cannot give us).
        const WeightErrorMetrics oursError = measureWeightError(weight, ours);
        const WeightErrorMetrics referenceError = measureWeightError(weight, reference);
        QVERIFY(std::abs(oursError.mse - referenceError.mse) <= 1e-6 * referenceError.mse);
        QVERIFY(oursError.mse > 0.0);
    }

    // Every bits × granularity × symmetry combination on awkward shapes.
    void roundTripProperties_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<qint64>("shapeRows");
        QTest::addColumn<qint64>("shapeCols");
        const std::vector<std::pair<qint64, qint64>> shapes{{5, 37}, {1, 1}, {3, 128}, {17, 172}};
        for (const auto& [rows, cols] : shapes) {
            // Per tensor, per channel, groups of 1, 7, 32, 128 and one wider than the row.
            const std::vector<int> groupCodes{
                QuantScheme::kPerTensor,   QuantScheme::kPerChannel, 1, 7, 32, 128,
                static_cast<int>(cols) + 5};
            for (int bits = QuantScheme::kMinBits; bits <= QuantScheme::kMaxBits; ++bits) {
                for (int groupCode : groupCodes) {
                    for (bool symmetric : {false, true}) {
                        const QString name =
                            QStringLiteral("%1x%2 %3%4 %5")
                                .arg(rows)
                                .arg(cols)
                                .arg(symmetric ? 's' : 'a')
                                .arg(bits)
                                .arg(groupCode == int(cols) + 5 ? QStringLiteral("g>width")
                                                                : granularityName(groupCode));
                        QTest::newRow(qPrintable(name))
                            << bits << groupCode << symmetric << rows << cols;
                    }
                }
            }
        }
    }

    void roundTripProperties()
    {
        QFETCH(int, bits);
        QFETCH(int, groupCode);
        QFETCH(bool, symmetric);
        QFETCH(qint64, shapeRows);
        QFETCH(qint64, shapeCols);
        const std::int64_t rows = shapeRows;
        const std::int64_t cols = shapeCols;
        const QuantScheme scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
        QVERIFY(scheme.validationError().isEmpty());
        const auto seed =
            static_cast<std::uint32_t>(1000 * bits + 10 * (groupCode + 1) + rows * 7 + cols);
        const std::vector<float> w = awkwardWeights(rows, cols, seed);
        const QuantizedTensor q = quantizeRtn(w, rows, cols, scheme);

        // Geometry, computed here independently of QuantScheme.
        const std::int64_t width = groupCode > 0 ? std::min<std::int64_t>(groupCode, cols) : cols;
        const std::int64_t groups = (cols + width - 1) / width;
        QCOMPARE(q.rows, std::int64_t(rows));
        QCOMPARE(q.cols, std::int64_t(cols));
        QCOMPARE(q.groupWidth, width);
        QCOMPARE(q.groupsPerRow, groups);
        QCOMPARE(q.codes.size(), std::size_t(rows * cols));
        QCOMPARE(q.params.size(), std::size_t(rows * groups));

        const int maxCode = scheme.maxCode();
        QCOMPARE(maxCode, (1 << bits) - 1);
        const float maxq = static_cast<float>(maxCode);
        const std::vector<float> deq = q.dequantize();
        QCOMPARE(deq.size(), w.size());

        const GridParams tensorParams = referenceParams(w, bits, symmetric);
        const float tensorMin = *std::min_element(w.begin(), w.end());
        const float tensorMax = *std::max_element(w.begin(), w.end());
        const bool perTensor = groupCode == QuantScheme::kPerTensor;
        // What the data exercised, so that the checks below cannot pass vacuously.
        int allZeroGroups = 0;
        int positiveSymmetricGroups = 0;
        int clippedWeights = 0;
        for (std::int64_t r = 0; r < rows; ++r) {
            for (std::int64_t g = 0; g < groups; ++g) {
                const std::int64_t first = g * width;
                const std::int64_t last = std::min(cols, first + width);
                const std::vector<float> group(w.begin() + r * cols + first,
                                               w.begin() + r * cols + last);
                // The values the parameters come from: the group, or the whole tensor.
                const float lo =
                    perTensor ? tensorMin : *std::min_element(group.begin(), group.end());
                const float hi =
                    perTensor ? tensorMax : *std::max_element(group.begin(), group.end());
                const GridParams expected =
                    perTensor ? tensorParams : referenceParams(group, bits, symmetric);
                const GridParams& p = q.params[static_cast<std::size_t>(r * groups + g)];
                const QString where = QStringLiteral("row %1 group %2").arg(r).arg(g);
                QB_CHECK(p.scale == expected.scale && p.zero == expected.zero,
                         QStringLiteral("%1: scale %2 zero %3, reference scale %4 zero %5")
                             .arg(where, num(p.scale), num(p.zero), num(expected.scale),
                                  num(expected.zero)));
                // The zero point is an integer code inside the grid, so 0 is represented exactly.
                QB_CHECK(p.zero == std::nearbyint(p.zero) && p.zero >= 0.0f && p.zero <= maxq,
                         where + QStringLiteral(": zero point %1").arg(num(p.zero)));
                QB_CHECK(dequantizeCode(p.zero, p) == 0.0f,
                         where + QStringLiteral(": 0 not exact"));
                if (symmetric)
                    QB_CHECK(p.zero == float(1 << (bits - 1)),
                             where + QStringLiteral(": symmetric zero"));
                if (lo == 0.0f && hi == 0.0f) {
                    ++allZeroGroups;
                    // All zero: the reference's [-1, 1] range.
                    QB_CHECK(p.scale == 2.0f / maxq,
                             where + QStringLiteral(": all-zero scale %1").arg(num(p.scale)));
                }
                const bool positiveSymmetric = symmetric && lo >= 0.0f && hi > 0.0f;
                if (positiveSymmetric) {
                    ++positiveSymmetricGroups;
                    // The quirk: xmin stays 0, so the scale is xmax / maxq on a grid centred on 0.
                    QB_CHECK(p.scale == hi / maxq,
                             where + QStringLiteral(": all-positive scale %1").arg(num(p.scale)));
                }

                const float lowest = dequantizeCode(0.0f, p);
                const float highest = dequantizeCode(maxq, p);
                for (std::int64_t c = first; c < last; ++c) {
                    const auto i = static_cast<std::size_t>(r * cols + c);
                    const float x = w[i];
                    const float code = q.codes[i];
                    auto at = [&] {
                        return QStringLiteral("[%1, %2] w=%3 code=%4 deq=%5 scale=%6 zero=%7")
                            .arg(r)
                            .arg(c)
                            .arg(num(x), num(code), num(deq[i]), num(p.scale), num(p.zero));
                    };
                    QB_CHECK(q.codes[i] <= maxCode, at());
                    QB_CHECK(&q.paramsAt(r, c) == &p, at() + QStringLiteral(": wrong group"));
                    QB_CHECK(deq[i] == dequantizeCode(code, p) && deq[i] == q.dequantizedAt(r, c),
                             at());

                    const float unclamped = std::nearbyint(x / p.scale) + p.zero;
                    const float clamped = std::clamp(unclamped, 0.0f, maxq);
                    QB_CHECK(code == clamped,
                             at() + QStringLiteral(": reference code %1").arg(num(clamped)));
                    const double error = std::abs(double(deq[i]) - double(x));
                    // Half a step, plus the float rounding of x / scale and scale · (code − zero).
                    const double halfStep = 0.5 * p.scale + 1e-6 * (std::abs(x) + p.scale);
                    clippedWeights += unclamped != clamped ? 1 : 0;
                    if (unclamped == clamped) {
                        QB_CHECK(error <= halfStep,
                                 at() + QStringLiteral(": error %1 > scale/2").arg(num(error)));
                    } else if (positiveSymmetric) {
                        // The quirk's grid tops out near xmax / 2: the upper half clips.
                        QB_CHECK(unclamped > maxq && x > 0.0f, at());
                    } else if (symmetric) {
                        // The positive extreme lands on maxCode + 1 (xmax / scale = maxq / 2 rounds
                        // up to even) and is clipped by one step, still within half a step.
                        QB_CHECK(unclamped == maxq + 1.0f && x > 0.0f,
                                 at() + QStringLiteral(": symmetric clip"));
                        QB_CHECK(error <= halfStep,
                                 at() + QStringLiteral(": clipped error %1").arg(num(error)));
                    } else {
                        // Asymmetric: only a float tie at an extreme can cross by one code.
                        QB_CHECK((unclamped == -1.0f && x == lo)
                                     || (unclamped == maxq + 1.0f && x == hi),
                                 at() + QStringLiteral(": asymmetric clip"));
                    }
                    if (x >= lowest && x <= highest)
                        QB_CHECK(
                            error <= halfStep,
                            at() + QStringLiteral(": inside the grid, error %1").arg(num(error)));
                    if (x == 0.0f)
                        QB_CHECK(deq[i] == 0.0f, at() + QStringLiteral(": 0 not kept"));
                    // Re-quantizing the dequantized value with the same parameters is a fixed
                    // point.
                    QB_CHECK(quantizeToCode(deq[i], p, maxq) == code,
                             at() + QStringLiteral(": requantized"));
                    QB_CHECK(!isClipped(deq[i], p, maxq),
                             at() + QStringLiteral(": requantized clipped"));
                    QB_CHECK(isClipped(x, p, maxq) == (unclamped != clamped), at());
                }
            }
        }
        if (rows == 17 && !perTensor) { // every row pattern is present
            QVERIFY(allZeroGroups > 0);
            if (symmetric) {
                QVERIFY(positiveSymmetricGroups > 0);
                QVERIFY(clippedWeights > 0);
            }
        }
    }

    // A group at least as wide as the row is the same as per channel.
    void groupWiderThanRowIsPerChannel()
    {
        const std::vector<float> w = awkwardWeights(17, 172, 7);
        for (bool symmetric : {false, true}) {
            const QuantizedTensor pc =
                quantizeRtn(w, 17, 172, QuantScheme::fromGroupSizeCode(4, symmetric, -1));
            for (int groupSize : {172, 173, 4096}) {
                const QuantizedTensor g = quantizeRtn(
                    w, 17, 172, QuantScheme::fromGroupSizeCode(4, symmetric, groupSize));
                QCOMPARE(g.groupsPerRow, std::int64_t(1));
                QCOMPARE(g.codes, pc.codes);
                QCOMPARE(g.dequantize(), pc.dequantize());
            }
        }
    }

    // All-zero rows (per channel), groups and tensors use the range [-1, 1] and stay exactly zero.
    void allZeroUsesUnitRange_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<int>("groupCode");
        for (int bits : {2, 3, 4, 8})
            for (bool symmetric : {false, true})
                for (int groupCode : {QuantScheme::kPerTensor, QuantScheme::kPerChannel, 4})
                    QTest::addRow("%c%d %s", symmetric ? 's' : 'a', bits,
                                  qPrintable(granularityName(groupCode)))
                        << bits << symmetric << groupCode;
    }

    void allZeroUsesUnitRange()
    {
        QFETCH(int, bits);
        QFETCH(bool, symmetric);
        QFETCH(int, groupCode);
        const std::vector<float> w(3 * 10, 0.0f);
        const QuantizedTensor q =
            quantizeRtn(w, 3, 10, QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode));
        const float maxq = float((1 << bits) - 1);
        for (const GridParams& p : q.params) {
            QCOMPARE(p.scale, (1.0f - -1.0f) / maxq);
            QCOMPARE(p.zero, symmetric ? (maxq + 1.0f) / 2.0f : std::nearbyint(1.0f / p.scale));
        }
        for (float v : q.dequantize())
            QCOMPARE(v, 0.0f);
    }

    // The reference keeps xmin = 0 for an all-non-negative group in symmetric mode: the grid is
    // centred on zero with scale xmax / maxq, so values above about xmax / 2 clip.
    void symmetricAllPositiveKeepsZeroMin()
    {
        // xmax = 1.875 = 15 · 0.125: every division below is exact.
        const std::vector<float> w{0.0f, 0.25f, 0.5f, 1.0f, 1.875f};
        const QuantizedTensor sym =
            quantizeRtn(w, 1, 5, QuantScheme::fromGroupSizeCode(4, true, -1));
        QCOMPARE(sym.params[0].scale, 0.125f);
        QCOMPARE(sym.params[0].zero, 8.0f);
        QCOMPARE(sym.codes, (std::vector<std::uint8_t>{8, 10, 12, 15, 15}));
        QCOMPARE(sym.dequantize(), (std::vector<float>{0.0f, 0.25f, 0.5f, 0.875f, 0.875f}));

        // The asymmetric grid on the same values is exact.
        const QuantizedTensor asym =
            quantizeRtn(w, 1, 5, QuantScheme::fromGroupSizeCode(4, false, -1));
        QCOMPARE(asym.params[0].scale, 0.125f);
        QCOMPARE(asym.params[0].zero, 0.0f);
        QCOMPARE(asym.dequantize(), w);

        // With one negative value the symmetric grid is the ordinary [-xmax, xmax] one.
        const std::vector<float> mixed{-0.5f, 0.25f, 1.875f};
        const QuantizedTensor m =
            quantizeRtn(mixed, 1, 3, QuantScheme::fromGroupSizeCode(4, true, -1));
        QCOMPARE(m.params[0].scale, 0.25f);
        QCOMPARE(m.params[0].zero, 8.0f);
        // 1.875 / 0.25 = 7.5 rounds to 8 (even): code 16, clipped to 15.
        QCOMPARE(m.dequantize(), (std::vector<float>{-0.5f, 0.25f, 1.75f}));

        // An all-negative group is symmetric as usual.
        const std::vector<float> negative{-1.875f, -0.25f};
        const QuantizedTensor n =
            quantizeRtn(negative, 1, 2, QuantScheme::fromGroupSizeCode(4, true, -1));
        QCOMPARE(n.params[0].scale, 0.25f);
        QCOMPARE(n.dequantize(), (std::vector<float>{-2.0f, -0.25f}));
    }

    // Ties go to the even integer (torch.round), both for codes and for the asymmetric zero point.
    void roundsHalfToEven()
    {
        // Symmetric 4-bit, xmax = 7.5: scale = 15 / 15 = 1 exactly, zero 8, so x / scale = x.
        const std::vector<float> w{-7.5f, -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 3.5f, 7.5f};
        const QuantizedTensor s = quantizeRtn(w, 1, 9, QuantScheme::fromGroupSizeCode(4, true, -1));
        QCOMPARE(s.params[0].scale, 1.0f);
        QCOMPARE(s.params[0].zero, 8.0f);
        // std::round would give -8 -3 -2 -1 1 2 3 4 7.
        QCOMPARE(s.dequantize(), (std::vector<float>{-8, -2, -2, 0, 0, 2, 2, 4, 7}));

        // Asymmetric 4-bit on [-2.5, 12.5]: scale 1, zero = round(2.5) = 2 (std::round: 3).
        const std::vector<float> a{-2.5f, -1.5f, -0.5f, 0.0f, 0.5f, 1.5f, 10.5f, 12.5f};
        const QuantizedTensor q =
            quantizeRtn(a, 1, 8, QuantScheme::fromGroupSizeCode(4, false, -1));
        QCOMPARE(q.params[0].scale, 1.0f);
        QCOMPARE(q.params[0].zero, 2.0f);
        QCOMPARE(q.codes, (std::vector<std::uint8_t>{0, 0, 2, 2, 2, 4, 12, 14}));
        QCOMPARE(q.dequantize(), (std::vector<float>{-2, -2, 0, 0, 0, 2, 10, 12}));

        // A tie in a group of 32 columns of a wider row, through the same path as the model.
        std::vector<float> row(40, 0.0f);
        row[0] = -7.5f;
        row[1] = 7.5f;
        row[2] = 4.5f;  // 4.5 -> 4
        row[3] = -5.5f; // -5.5 -> -6
        row[33] = 1.0f;
        const QuantizedTensor g =
            quantizeRtn(row, 1, 40, QuantScheme::fromGroupSizeCode(4, true, 32));
        QCOMPARE(g.params[0].scale, 1.0f);
        QCOMPARE(g.dequantizedAt(0, 2), 4.0f);
        QCOMPARE(g.dequantizedAt(0, 3), -6.0f);
    }

    void weightError_data()
    {
        QTest::addColumn<std::vector<float>>("original");
        QTest::addColumn<std::vector<float>>("quantized");
        QTest::addColumn<double>("mse");
        QTest::addColumn<double>("relative");
        QTest::addColumn<double>("sqnrDb");
        QTest::addColumn<double>("maxAbs");
        const double inf = std::numeric_limits<double>::infinity();
        // Differences -0.5, 0, 1, 0: noise 1.25, signal 14.
        QTest::newRow("mixed") << std::vector<float>{1, -2, 3, 0}
                               << std::vector<float>{1.5f, -2, 2, 0} << 1.25 / 4
                               << std::sqrt(1.25 / 14) << 10 * std::log10(14 / 1.25) << 1.0;
        // Error of 1 % everywhere: relative 0.01, SQNR 40 dB.
        QTest::newRow("one percent")
            << std::vector<float>{2, -4, 8} << std::vector<float>{2.02f, -4.04f, 8.08f}
            << (0.0004 + 0.0016 + 0.0064) / 3 << 0.01 << 40.0 << 0.08;
        QTest::newRow("exact") << std::vector<float>{0.5f, -0.25f, 3}
                               << std::vector<float>{0.5f, -0.25f, 3} << 0.0 << 0.0 << inf << 0.0;
        // All-zero original: no signal, so the relative error is 0 by contract and SQNR −∞.
        QTest::newRow("zero original")
            << std::vector<float>{0, 0} << std::vector<float>{0.5f, -0.5f} << 0.25 << 0.0 << -inf
            << 0.5;
        QTest::newRow("zero both") << std::vector<float>{0, 0, 0} << std::vector<float>{0, 0, 0}
                                   << 0.0 << 0.0 << inf << 0.0;
        QTest::newRow("empty") << std::vector<float>{} << std::vector<float>{} << 0.0 << 0.0 << inf
                               << 0.0;
    }

    void weightError()
    {
        QFETCH(std::vector<float>, original);
        QFETCH(std::vector<float>, quantized);
        QFETCH(double, mse);
        QFETCH(double, relative);
        QFETCH(double, sqnrDb);
        QFETCH(double, maxAbs);
        const WeightErrorMetrics m = measureWeightError(original, quantized);
        // The float inputs (2.02f, …) are not the decimal values: allow their representation error.
        auto close = [](double a, double b) {
            if (std::isinf(b) || b == 0.0)
                return a == b;
            return std::abs(a - b) <= 1e-5 * std::abs(b);
        };
        QVERIFY2(close(m.mse, mse), qPrintable(num(m.mse)));
        QVERIFY2(close(m.relativeError, relative), qPrintable(num(m.relativeError)));
        QVERIFY2(close(m.sqnrDb, sqnrDb), qPrintable(num(m.sqnrDb)));
        QVERIFY2(close(m.maxAbsError, maxAbs), qPrintable(num(m.maxAbsError)));
    }

    // Accumulation is in double: a million tiny errors next to one large one do not vanish, as
    // they would in a float sum (1 + 2^-40 == 1 in float).
    void weightErrorAccumulatesInDouble()
    {
        const std::size_t n = std::size_t(1) << 20;
        std::vector<float> original(n + 1, 1.0f);
        std::vector<float> quantized(n + 1, 1.0f + 0x1p-20f);
        original[0] = 2.0f;
        quantized[0] = 1.0f;
        const WeightErrorMetrics m = measureWeightError(original, quantized);
        const double noise = 1.0 + std::ldexp(1.0, -20); // exact in double
        QCOMPARE(m.mse, noise / double(n + 1));
        QCOMPARE(m.maxAbsError, 1.0);
        QCOMPARE(m.relativeError, std::sqrt(noise / (4.0 + double(n))));
    }
};

QTEST_GUILESS_MAIN(TestRtn)
#include "tst_rtn.moc"
