// SmoothQuant and W8A8: output-error parity with the published reference (mit-han-lab/smoothquant,
// tests/data/golden/stories260K/reference_quant.safetensors) on the four reference layers, the
// closed forms of the smoothing scales, the invariance of X Wᵀ under smoothing, the per-token and
// per-channel int8 grids, and the Hessian rescaling for smoothing followed by GPTQ.

#include "core/io/safetensors_file.h"
#include "core/model/activation_rounding.h"
#include "core/model/loaded_model.h"
#include "core/quant/smooth_quant.h"
#include "core/util/error.h"
#include "tests/support/quick_check.h"
#include "tests/support/test_paths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace qb;
using qb::test::num;

namespace {

// float32's unit roundoff.
constexpr double kFloatU = 0x1p-24;

QString goldenFile(const char* name)
{
    return test::dataDir() + QStringLiteral("/golden/stories260K/") + QLatin1String(name);
}

RowMatrix readRows(const SafetensorsFile& file, const QString& name)
{
    const TensorInfo* info = file.find(name);
    if (!info || info->shape.size() != 2)
        qFatal("%s: missing or not 2-D", qPrintable(name));
    RowMatrix m(info->shape[0], info->shape[1]);
    file.readFloat(*info, 0, {m.data(), static_cast<std::size_t>(m.size())});
    return m;
}

// A matrix [rows, cols] whose columns have very different ranges (the activation outliers
// SmoothQuant is about): column c is normal with standard deviation 10^((c % 7) − 3), and one
// column in 13 carries rare spikes 100× larger.
RowMatrix outlierRows(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    RowMatrix x(rows, cols);
    for (std::int64_t r = 0; r < rows; ++r) {
        for (std::int64_t c = 0; c < cols; ++c) {
            float v = normal(rng) * std::pow(10.0f, float(c % 7) - 3.0f);
            if (c % 13 == 5 && unit(rng) < 0.02f)
                v *= 100.0f;
            x(r, c) = v;
        }
    }
    return x;
}

std::vector<float> normalWeights(std::int64_t rows, std::int64_t cols, float sigma,
                                 std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, sigma);
    std::vector<float> w(static_cast<std::size_t>(rows * cols));
    for (float& v : w)
        v = normal(rng);
    return w;
}

// Y = X Wᵀ in double from float operands: X [n, in], W [out, in] row-major.
Eigen::MatrixXd outputs(const RowMatrix& x, const std::vector<float>& w, std::int64_t out)
{
    const Eigen::Map<const RowMatrix> wm(w.data(), out, x.cols());
    return x.cast<double>() * wm.cast<double>().transpose();
}

LayerWeightView view(const QString& name, const std::vector<float>& w, std::int64_t out,
                     std::int64_t in)
{
    LayerQuantConfig config;
    config.method = QuantMethod::SmoothQuant;
    return LayerWeightView{name, config, w, out, in};
}

} // namespace

class TestSmoothQuant : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const SafetensorsFile> m_inputs;
    std::shared_ptr<const SafetensorsFile> m_calib;
    QJsonObject m_results;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_inputs = SafetensorsFile::open(goldenFile("layer_inputs.safetensors"));
        m_calib = SafetensorsFile::open(goldenFile("calib.safetensors"));
        const auto golden = SafetensorsFile::open(goldenFile("reference_quant.safetensors"));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(
            golden->metadata().value(QStringLiteral("results")).toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        m_results = doc.object();
    }

    void goldenParity_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QStringList>("group"); // the layers sharing the input, model order
        QTest::addColumn<QString>("tag");
        struct Case {
            const char* layer;
            const char* site;
            QStringList group;
        };
        const std::vector<Case> cases{
            {"model.layers.0.self_attn.q_proj",
             "l0.attn_in",
             {"model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.k_proj",
              "model.layers.0.self_attn.v_proj"}},
            {"model.layers.3.self_attn.o_proj", "l3.o_in", {"model.layers.3.self_attn.o_proj"}},
            {"model.layers.4.mlp.gate_proj",
             "l4.mlp_in",
             {"model.layers.4.mlp.gate_proj", "model.layers.4.mlp.up_proj"}},
            {"model.layers.2.mlp.down_proj", "l2.down_in", {"model.layers.2.mlp.down_proj"}},
        };
        for (const Case& c : cases) {
            for (const char* tag : {"smoothquant.w8a8", "plain.w8a8"}) {
                QTest::addRow("%s|%s", c.layer, tag)
                    << QString::fromLatin1(c.layer) << QString::fromLatin1(c.site) << c.group
                    << QString::fromLatin1(tag);
            }
        }
    }

    // The reference's metric: mse = mean over test rows and outputs of (X Wᵀ − Y_w8a8)², where
    // Y_w8a8 is the W8A8 layer's output (per-token int8 activations of X / s, int8 weights).
    void goldenParity()
    {
        QFETCH(QString, layer);
        QFETCH(QString, site);
        QFETCH(QStringList, group);
        QFETCH(QString, tag);
        const bool smooth = tag == QLatin1String("smoothquant.w8a8");

        const QJsonObject reference = m_results.value(layer + QLatin1Char('|') + tag).toObject();
        QVERIFY(!reference.isEmpty());
        QCOMPARE(reference.value(QStringLiteral("method")).toString(),
                 smooth ? QStringLiteral("smoothquant-w8a8") : QStringLiteral("w8a8"));
        QCOMPARE(reference.value(QStringLiteral("bits")).toInt(), 8);
        QCOMPARE(reference.value(QStringLiteral("group")).toInt(), -1);
        QCOMPARE(reference.value(QStringLiteral("sym")).toBool(), true);

        const RowMatrix calib = readRows(*m_inputs, site + QStringLiteral(".calib"));
        const RowMatrix test = readRows(*m_inputs, site + QStringLiteral(".test"));
        QCOMPARE(qint64(calib.rows()), reference.value(QStringLiteral("n_cal_tokens")).toInteger());
        QCOMPARE(qint64(test.rows()), reference.value(QStringLiteral("n_test_tokens")).toInteger());

        // The activation statistic: the running max |x| over the calibration rows — the same as
        // the golden calibration statistics of the site.
        const Eigen::VectorXf absMax = calib.cwiseAbs().colwise().maxCoeff().transpose();
        const std::vector<float> goldenMax =
            m_calib->readFloat(*m_calib->find(site + QStringLiteral(".absmax")));
        QCOMPARE(std::vector<float>(absMax.data(), absMax.data() + absMax.size()), goldenMax);

        // The layers sharing the input, as the inventory groups them.
        const LayerInventory& inventory = m_model->inventory();
        const LinearLayer* linear = inventory.find(layer);
        QVERIFY(linear);
        QStringList groupNames;
        for (int index : inventory.inputGroups()[static_cast<std::size_t>(linear->inputGroup)])
            groupNames << inventory.layers()[static_cast<std::size_t>(index)].name;
        QCOMPARE(groupNames, group);
        std::vector<std::vector<float>> weights;
        std::vector<LayerWeightView> views;
        for (const QString& name : group) {
            const LinearLayer* l = inventory.find(name);
            weights.push_back(m_model->readWeight(*l));
        }
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const LinearLayer* l = inventory.find(group[int(i)]);
            views.push_back(view(l->name, weights[i], l->outFeatures, l->inFeatures));
        }
        const std::size_t self = static_cast<std::size_t>(group.indexOf(layer));

        // The layer's output error on the test rows: X Wᵀ against the W8A8 layer's output.
        const Eigen::MatrixXd y = outputs(test, weights[self], linear->outFeatures);
        struct OutputError {
            double mse = 0.0;
            double relErr = 0.0;
        };
        const auto outputError = [&](const QuantizedLayer& q) {
            RowMatrix quantizedInput = test;
            if (!q.inputScale.empty())
                divideInputChannels(quantizedInput, q.inputScale);
            roundActivationsPerToken(quantizedInput, ActivationRounding::Int8PerToken);
            const Eigen::MatrixXd yq = outputs(quantizedInput, q.weight, linear->outFeatures);
            return OutputError{(y - yq).squaredNorm() / double(y.size()),
                               (y - yq).norm() / y.norm()};
        };

        QuantizedLayer result;
        if (smooth) {
            LayerInputs inputs;
            inputs.absMax = &absMax;
            inputs.tokens = calib.rows();
            // The golden results smooth the scored layer ALONE: its own columns give the weight
            // statistic even for q_proj and gate_proj, whose norm q/k/v and gate/up share (with the
            // whole group, as smooth_lm does and the pipeline must, q_proj's and gate_proj's errors
            // come out ~2.4 % lower than the stored ones; with the layer alone they agree to
            // ~1e-6). So the parity check uses a group of one, and the real group is reported
            // beside it.
            std::vector<QuantizedLayer> alone =
                smoothQuantGroup(std::span(views).subspan(self, 1), inputs, 0.5);
            QCOMPARE(alone.size(), std::size_t(1));
            result = std::move(alone.front());
            QCOMPARE(result.inputScale.size(), std::size_t(linear->inFeatures));

            const std::vector<QuantizedLayer> grouped = smoothQuantGroup(views, inputs, 0.5);
            QCOMPARE(grouped.size(), views.size());
            for (const QuantizedLayer& member : grouped)
                QCOMPARE(member.inputScale, grouped.front().inputScale); // one s per input
            if (views.size() == 1) {
                QCOMPARE(grouped[self].inputScale, result.inputScale);
                QCOMPARE(grouped[self].weight, result.weight);
            } else {
                // Another layer of the group has the larger column maximum somewhere.
                QVERIFY(grouped[self].inputScale != result.inputScale);
                const OutputError e = outputError(grouped[self]);
                qInfo("%s|%s smoothed with its group of %d: mse %.6g, rel_err %.6g (not stored "
                      "in the golden file)",
                      qPrintable(layer), qPrintable(tag), int(views.size()), e.mse, e.relErr);
            }
        } else {
            result = w8a8Layer(views[self]);
            QVERIFY(result.inputScale.empty());
        }
        QCOMPARE(result.name, layer);
        QVERIFY(result.quantizedActivations);

        const OutputError ours = outputError(result);
        const double refMse = reference.value(QStringLiteral("mse")).toDouble();
        const double refRelErr = reference.value(QStringLiteral("rel_err")).toDouble();
        const double difference = (ours.mse - refMse) / refMse;
        qInfo("%s|%s: mse %.9g (reference %.9g, relative difference %+.2e), rel_err %.6g "
              "(reference %.6g)",
              qPrintable(layer), qPrintable(tag), ours.mse, refMse, difference, ours.relErr,
              refRelErr);
        // The issue asks for 1 %; the implementations agree to a few 1e-6, and 1e-4 still
        // catches a wrong rounding mode, which 1 % lets through.
        QVERIFY2(
            std::abs(difference) <= 1e-4,
            qPrintable(QStringLiteral("mse %1, reference %2").arg(num(ours.mse), num(refMse))));
    }

    // α = 0: s = 1 / max|W[:, j]|; α = 1: s = max|X[:, j]|; each with the clamps at 1e-5 (the
    // weight maximum before the power, s after). α = 0.5: √a / √w with correctly rounded square
    // roots, what torch.pow(x, 0.5) computes.
    void scalesClosedForms()
    {
        const std::int64_t in = 9;
        // Channel 0: no activation; 1: tiny activation (α = 1 clamps); 2: all-zero weight column
        // (weight clamp); 3: huge weight (α = 0 clamps); the rest ordinary.
        const std::vector<float> a{0.0f, 3e-7f, 2.0f, 0.75f, 1.5f, 10.0f, 0.03f, 7.0f, 123.0f};
        std::vector<float> w0 = normalWeights(4, in, 0.1f, 1);
        std::vector<float> w1 = normalWeights(6, in, 0.3f, 2);
        for (std::int64_t r = 0; r < 4; ++r)
            w0[std::size_t(r * in + 2)] = 0.0f;
        for (std::int64_t r = 0; r < 6; ++r)
            w1[std::size_t(r * in + 2)] = 0.0f;
        w1[std::size_t(5 * in + 3)] = -2e5f;
        const std::vector<LayerWeightView> group{view(QStringLiteral("a"), w0, 4, in),
                                                 view(QStringLiteral("b"), w1, 6, in)};

        // The group's weight statistic: max over both layers and all rows.
        const std::vector<float> weightMax = groupWeightColumnAbsMax(group);
        QCOMPARE(weightMax.size(), std::size_t(in));
        for (std::int64_t c = 0; c < in; ++c) {
            float expected = 0.0f;
            for (std::int64_t r = 0; r < 4; ++r)
                expected = std::max(expected, std::abs(w0[std::size_t(r * in + c)]));
            for (std::int64_t r = 0; r < 6; ++r)
                expected = std::max(expected, std::abs(w1[std::size_t(r * in + c)]));
            QCOMPARE(weightMax[std::size_t(c)], expected);
        }
        QCOMPARE(weightMax[2], 0.0f);
        QCOMPARE(weightMax[3], 2e5f);

        const Eigen::VectorXf absMax = Eigen::Map<const Eigen::VectorXf>(a.data(), in);
        LayerInputs inputs;
        inputs.absMax = &absMax;
        const std::vector<float> s0 = groupSmoothingScales(group, inputs, 0.0);
        const std::vector<float> s1 = groupSmoothingScales(group, inputs, 1.0);
        const std::vector<float> sHalf = groupSmoothingScales(group, inputs, 0.5);
        QCOMPARE(s0, smoothingScales(a, weightMax, 0.0));
        for (std::int64_t c = 0; c < in; ++c) {
            const auto j = std::size_t(c);
            const float w = std::max(weightMax[j], 1e-5f);
            QCOMPARE(s0[j], std::max(1.0f / w, 1e-5f));
            QCOMPARE(s1[j], std::max(a[j], 1e-5f));
            QCOMPARE(sHalf[j], std::max(std::sqrt(a[j]) / std::sqrt(w), 1e-5f));
        }
        // The clamps were exercised: the zero column's weight maximum, both ends of s.
        QCOMPARE(s0[2], 1e5f);
        QCOMPARE(s0[3], 1e-5f); // 1 / 2e5 = 5e-6 clamped
        QCOMPARE(s1[0], 1e-5f);
        QCOMPARE(s1[1], 1e-5f); // 3e-7 clamped
        QCOMPARE(sHalf[0], 1e-5f);
        QCOMPARE(s1[8], 123.0f);
    }

    void scalesRefuseBadInput()
    {
        const std::vector<float> w = normalWeights(3, 4, 0.1f, 3);
        const std::vector<float> w5 = normalWeights(3, 5, 0.1f, 4);
        const std::vector<LayerWeightView> group{view(QStringLiteral("x"), w, 3, 4)};
        LayerInputs none;
        QVERIFY_THROWS_EXCEPTION(Error, groupSmoothingScales(group, none, 0.5));
        Eigen::VectorXf wrongSize = Eigen::VectorXf::Ones(5);
        LayerInputs wrong;
        wrong.absMax = &wrongSize;
        QVERIFY_THROWS_EXCEPTION(Error, groupSmoothingScales(group, wrong, 0.5));
        const std::vector<LayerWeightView> mixed{view(QStringLiteral("x"), w, 3, 4),
                                                 view(QStringLiteral("y"), w5, 3, 5)};
        QVERIFY_THROWS_EXCEPTION(Error, groupWeightColumnAbsMax(mixed));
        const std::vector<float> ones(4, 1.0f);
        QVERIFY_THROWS_EXCEPTION(Error, smoothingScales(ones, ones, -0.1));
        QVERIFY_THROWS_EXCEPTION(Error, smoothingScales(ones, ones, 1.5));
        QVERIFY_THROWS_EXCEPTION(Error, smoothingScales(ones, std::vector<float>(3, 1.0f), 0.5));
        std::vector<float> nonFinite = ones;
        nonFinite[1] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(Error, smoothingScales(nonFinite, ones, 0.5));
        nonFinite[1] = std::numeric_limits<float>::infinity();
        QVERIFY_THROWS_EXCEPTION(Error, smoothingScales(nonFinite, ones, 0.5));
        std::vector<float> badWeight = w;
        badWeight[5] = std::numeric_limits<float>::infinity();
        QVERIFY_THROWS_EXCEPTION(Error, w8a8Layer(view(QStringLiteral("bad"), badWeight, 3, 4)));
    }

    // (X / s)(W · diag(s))ᵀ = X Wᵀ up to the two float roundings of each factor: every product
    // term x_k w_k carries a relative error of at most 2u + u², so |ΔY| ≤ (2u + u²) Σ_k |x_k w_k|,
    // plus at most K · 2⁻⁵³ Σ_k |x_k w_k| for summing the (exact) products in double.
    void smoothingPreservesProducts()
    {
        const std::int64_t n = 300, in = 96, out = 40;
        const RowMatrix x = outlierRows(n, in, 11);
        // Weight columns of different magnitudes too, so that every α gives far from uniform s.
        std::vector<float> w = normalWeights(out, in, 0.05f, 12);
        for (std::int64_t r = 0; r < out; ++r)
            for (std::int64_t c = 0; c < in; ++c)
                w[std::size_t(r * in + c)] *= std::pow(10.0f, float(c % 5) - 2.0f);
        const Eigen::VectorXf absMax = x.cwiseAbs().colwise().maxCoeff().transpose();
        LayerInputs inputs;
        inputs.absMax = &absMax;
        const std::vector<LayerWeightView> group{view(QStringLiteral("l"), w, out, in)};
        for (double alpha : {0.0, 0.5, 0.85, 1.0}) {
            const std::vector<float> s = groupSmoothingScales(group, inputs, alpha);
            const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
            QVERIFY(*hi / *lo > 100.0f); // the scales are far from uniform
            RowMatrix xs = x;
            divideInputChannels(xs, s);
            std::vector<float> ws = w;
            scaleWeightColumns(ws, out, in, s);
            for (std::int64_t c = 0; c < in; ++c) {
                QCOMPARE(xs(7, c), x(7, c) / s[std::size_t(c)]);
                QCOMPARE(ws[std::size_t(3 * in + c)],
                         w[std::size_t(3 * in + c)] * s[std::size_t(c)]);
            }
            const Eigen::MatrixXd y = outputs(x, w, out);
            const Eigen::MatrixXd ys = outputs(xs, ws, out);
            const Eigen::Map<const RowMatrix> wm(w.data(), out, in);
            const Eigen::MatrixXd bound =
                (2.0 * kFloatU + kFloatU * kFloatU + double(in) * 0x1p-53)
                * (x.cast<double>().cwiseAbs() * wm.cast<double>().cwiseAbs().transpose());
            double worst = 0.0;
            for (Eigen::Index i = 0; i < y.rows(); ++i) {
                for (Eigen::Index j = 0; j < y.cols(); ++j) {
                    const double e = std::abs(ys(i, j) - y(i, j));
                    worst = std::max(worst, e / bound(i, j));
                    QB_CHECK(e <= bound(i, j), QStringLiteral("α %1 [%2, %3]: %4 vs %5")
                                                   .arg(alpha)
                                                   .arg(i)
                                                   .arg(j)
                                                   .arg(num(ys(i, j)), num(y(i, j))));
                }
            }
            qInfo("α %.2f: largest |ΔY| is %.3f of the float rounding bound", alpha, worst);
        }
    }

    // Per-token int8: every output is an integer multiple q · scale with |q| ≤ 127 of its row's
    // scale = max(max|x|, 1e-5) / 127; the row's largest |x| lands on q = ±127; every element moves
    // by at most scale / 2 (plus the rounding of x / scale and q · scale); ties go to even.
    void perTokenActivationGrid()
    {
        RowMatrix x = outlierRows(50, 37, 21);
        x.row(1).setZero();
        x.row(2) = outlierRows(1, 37, 22) * 1e-9f; // max |x| < 1e-5: the clamp sets the scale
        x.row(3).setZero();
        x(3, 4) = -5.0f; // one non-zero element
        x.row(4) *= 1e6f;
        const RowMatrix original = x;
        roundActivationsPerToken(x, ActivationRounding::Int8PerToken);
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            const float maxAbs = original.row(r).cwiseAbs().maxCoeff();
            const float scale = std::max(maxAbs, 1e-5f) / 127.0f;
            int largestCode = 0;
            for (Eigen::Index c = 0; c < x.cols(); ++c) {
                const float in = original(r, c);
                const float out = x(r, c);
                const auto where = [&] {
                    return QStringLiteral("[%1, %2] x=%3 x̂=%4 scale=%5")
                        .arg(r)
                        .arg(c)
                        .arg(num(in), num(out), num(scale));
                };
                const float q = std::nearbyint(out / scale);
                QB_CHECK(std::abs(out / scale - q) <= 1e-4f && std::abs(q) <= 127.0f, where());
                QB_CHECK(out == q * scale, where());
                QB_CHECK(std::abs(double(out) - double(in))
                             <= 0.5 * scale * (1.0 + 4.0 * kFloatU) + kFloatU * std::abs(in),
                         where());
                if (std::abs(in) == maxAbs)
                    largestCode = std::max(largestCode, int(std::abs(q)));
                if (in == 0.0f)
                    QB_CHECK(out == 0.0f, where());
            }
            if (maxAbs >= 1e-5f)
                QCOMPARE(largestCode, 127);
            else
                QVERIFY(largestCode < 127);
        }
        QCOMPARE(x(3, 4), -127.0f * (5.0f / 127.0f)); // the lone element is the row's maximum
        QVERIFY(x.row(1).isZero(0.0));

        // Scale exactly 1 (max 127): halves round to even.
        RowMatrix ties(1, 9);
        ties << 127.0f, 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 3.5f, 126.5f;
        roundActivationsPerToken(ties, ActivationRounding::Int8PerToken);
        RowMatrix expected(1, 9);
        expected << 127.0f, 0.0f, 2.0f, 2.0f, -0.0f, -2.0f, -2.0f, 4.0f, 126.0f;
        QCOMPARE(ties, expected);

        // Non-finite rows become NaN, as in the reference (its max propagates them); other rows
        // are untouched by them.
        RowMatrix bad = outlierRows(3, 5, 23);
        const RowMatrix badOriginal = bad;
        bad(0, 2) = std::numeric_limits<float>::quiet_NaN();
        bad(1, 0) = std::numeric_limits<float>::infinity();
        roundActivationsPerToken(bad, ActivationRounding::Int8PerToken);
        QVERIFY(bad.row(0).array().isNaN().all());
        QVERIFY(bad.row(1).array().isNaN().all());
        RowMatrix good = badOriginal.row(2);
        roundActivationsPerToken(good, ActivationRounding::Int8PerToken);
        QCOMPARE(RowMatrix(bad.row(2)), good);
    }

    // Per-token FP8 E4M3 (an imported FP8_DYNAMIC checkpoint's activations): each output is
    // v · scale with scale = max(max|x| / 448, 1 / (448 · 512)) and v the FP8 E4M3 value nearest
    // to x / scale, found here by searching all 256 bit patterns (no library encoder); the row's
    // largest |x| lands on ±448; zero stays zero; a non-finite row becomes NaN.
    void perTokenFp8Grid()
    {
        std::vector<float> levels; // every finite FP8 E4M3 value, decoded by the definition
        for (int bits = 0; bits < 256; ++bits) {
            const int exponent = (bits >> 3) & 0xF;
            const int mantissa = bits & 7;
            if (exponent == 0xF && mantissa == 7)
                continue; // NaN
            const double magnitude = exponent == 0 ? std::ldexp(mantissa / 8.0, -6)
                                                   : std::ldexp(1.0 + mantissa / 8.0, exponent - 7);
            levels.push_back(float((bits & 0x80) ? -magnitude : magnitude));
        }
        RowMatrix x = outlierRows(40, 29, 24);
        x.row(1).setZero();
        x.row(2) = outlierRows(1, 29, 25) * 1e-12f; // below the floor: the floor sets the scale
        const RowMatrix original = x;
        roundActivationsPerToken(x, ActivationRounding::Fp8E4M3PerToken);
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            const float maxAbs = original.row(r).cwiseAbs().maxCoeff();
            const float scale = std::max(maxAbs / 448.0f, 1.0f / (448.0f * 512.0f));
            for (Eigen::Index c = 0; c < x.cols(); ++c) {
                const float target = original(r, c) / scale;
                float best = levels.front();
                for (float level : levels) {
                    if (std::abs(level - target) < std::abs(best - target))
                        best = level;
                }
                QB_CHECK(x(r, c) == best * scale,
                         QStringLiteral("[%1, %2] x=%3 x̂=%4 expected %5")
                             .arg(r)
                             .arg(c)
                             .arg(num(original(r, c)), num(x(r, c)), num(best * scale)));
            }
            if (maxAbs / 448.0f >= 1.0f / (448.0f * 512.0f))
                QCOMPARE(x.row(r).cwiseAbs().maxCoeff(), 448.0f * scale);
        }
        QVERIFY(x.row(1).isZero(0.0));
        RowMatrix bad = outlierRows(2, 5, 26);
        bad(0, 3) = std::numeric_limits<float>::infinity();
        roundActivationsPerToken(bad, ActivationRounding::Fp8E4M3PerToken);
        QVERIFY(bad.row(0).array().isNaN().all());
        QVERIFY(bad.row(1).array().isFinite().all());
    }

    // Enough rows for several parallel chunks: the same as quantizing each row on its own.
    void perTokenParallelMatchesRowByRow()
    {
        RowMatrix x = outlierRows(5000, 64, 31);
        RowMatrix rowByRow = x;
        roundActivationsPerToken(x, ActivationRounding::Int8PerToken);
        for (Eigen::Index r = 0; r < rowByRow.rows(); ++r) {
            RowMatrix row = rowByRow.row(r);
            roundActivationsPerToken(row, ActivationRounding::Int8PerToken);
            rowByRow.row(r) = row;
        }
        QCOMPARE(x, rowByRow);
    }

    // The int8 weight grid: codes q + 128 in [1, 255] with q = round(w / scale) (the reference's
    // formula, no clamp), zero point 128, the row's largest |w| at q = ±127.
    void int8WeightGrid()
    {
        const std::int64_t rows = 40, cols = 70;
        std::vector<float> w = normalWeights(rows, cols, 0.05f, 41);
        for (std::int64_t c = 0; c < cols; ++c) {
            w[std::size_t(1 * cols + c)] = 0.0f;                                   // all-zero row
            w[std::size_t(2 * cols + c)] *= 1e-6f;                                 // max below 1e-5
            w[std::size_t(3 * cols + c)] = std::abs(w[std::size_t(3 * cols + c)]); // all positive
        }
        w[std::size_t(5 * cols + 9)] = -3.0f; // outlier
        const QuantizedTensor q = quantizeWeightInt8PerChannel(w, rows, cols, QStringLiteral("w"));
        QCOMPARE(q.scheme, w8a8WeightScheme());
        QCOMPARE(q.scheme.tag(), QStringLiteral("s8pc"));
        QCOMPARE(q.groupsPerRow, std::int64_t(1));
        QCOMPARE(q.groupWidth, cols);
        QCOMPARE(q.params.size(), std::size_t(rows));
        const std::vector<float> deq = q.dequantize();
        for (std::int64_t r = 0; r < rows; ++r) {
            float maxAbs = 0.0f;
            for (std::int64_t c = 0; c < cols; ++c)
                maxAbs = std::max(maxAbs, std::abs(w[std::size_t(r * cols + c)]));
            const float scale = std::max(maxAbs, 1e-5f) / 127.0f;
            QCOMPARE(q.params[std::size_t(r)].scale, scale);
            QCOMPARE(q.params[std::size_t(r)].zero, 128.0f);
            int largestCode = 0;
            for (std::int64_t c = 0; c < cols; ++c) {
                const auto i = std::size_t(r * cols + c);
                const float code = q.codes[i];
                const float reference = std::nearbyint(w[i] / scale);
                QB_CHECK(code >= 1.0f && code <= 255.0f, QStringLiteral("code %1").arg(code));
                QB_CHECK(code - 128.0f == reference, QStringLiteral("[%1, %2]").arg(r).arg(c));
                QB_CHECK(deq[i] == reference * scale, QStringLiteral("[%1, %2]").arg(r).arg(c));
                QB_CHECK(std::abs(double(deq[i]) - w[i])
                             <= 0.5 * scale * (1.0 + 4.0 * kFloatU) + kFloatU * std::abs(w[i]),
                         QStringLiteral("[%1, %2]").arg(r).arg(c));
                if (std::abs(w[i]) == maxAbs)
                    largestCode = std::max(largestCode, int(std::abs(code - 128.0f)));
            }
            if (maxAbs >= 1e-5f)
                QCOMPARE(largestCode, 127);
        }
        QCOMPARE(q.dequantizedAt(5, 9), -3.0f); // −127 · (3 / 127)
        QCOMPARE(q.codes[std::size_t(5 * cols + 9)], std::uint8_t(1));
        for (std::int64_t c = 0; c < cols; ++c)
            QCOMPARE(q.codes[std::size_t(1 * cols + c)], std::uint8_t(128));
    }

    // The results of both entry points on the demo model's q/k/v group.
    void layerResults()
    {
        const LayerInventory& inventory = m_model->inventory();
        const QStringList names{QStringLiteral("model.layers.1.self_attn.q_proj"),
                                QStringLiteral("model.layers.1.self_attn.k_proj"),
                                QStringLiteral("model.layers.1.self_attn.v_proj")};
        std::vector<std::vector<float>> weights;
        for (const QString& name : names)
            weights.push_back(m_model->readWeight(*inventory.find(name)));
        std::vector<LayerWeightView> views;
        for (int i = 0; i < names.size(); ++i) {
            const LinearLayer* l = inventory.find(names[i]);
            views.push_back(view(names[i], weights[std::size_t(i)], l->outFeatures, l->inFeatures));
            views.back().config.alpha = 0.6;
        }
        const std::vector<float> absMaxValues =
            m_calib->readFloat(*m_calib->find(QStringLiteral("l1.attn_in.absmax")));
        const Eigen::VectorXf absMax = Eigen::Map<const Eigen::VectorXf>(
            absMaxValues.data(), Eigen::Index(absMaxValues.size()));
        LayerInputs inputs;
        inputs.absMax = &absMax;
        const std::vector<float> s = groupSmoothingScales(views, inputs, 0.6);
        const std::vector<QuantizedLayer> results = smoothQuantGroup(views, inputs, 0.6);
        QCOMPARE(results.size(), views.size());
        for (std::size_t i = 0; i < results.size(); ++i) {
            const QuantizedLayer& r = results[i];
            QCOMPARE(r.name, names[int(i)]);
            QCOMPARE(r.config.alpha, 0.6);
            QCOMPARE(r.config.method, QuantMethod::SmoothQuant);
            QCOMPARE(r.inputScale, s);
            QVERIFY(r.quantizedActivations);
            QVERIFY(r.details.contains(QStringLiteral("0.6")));
            QCOMPARE(r.weight, r.tensor.dequantize());
            // The tensor is W8A8 of W · diag(s).
            std::vector<float> scaled = weights[i];
            scaleWeightColumns(scaled, views[i].outFeatures, views[i].inFeatures, s);
            const QuantizedTensor direct = quantizeWeightInt8PerChannel(
                scaled, views[i].outFeatures, views[i].inFeatures, names[int(i)]);
            QCOMPARE(r.tensor.codes, direct.codes);
            // Back in the original space the weight is within half a step / s of W.
            const std::vector<float> original = r.weightInOriginalSpace();
            for (std::int64_t row = 0; row < views[i].outFeatures; ++row) {
                for (std::int64_t c = 0; c < views[i].inFeatures; ++c) {
                    const auto k = std::size_t(row * views[i].inFeatures + c);
                    const double step = r.tensor.params[std::size_t(row)].scale;
                    QB_CHECK(std::abs(double(original[k]) - weights[i][k])
                                 <= (0.5 * step * (1.0 + 1e-6)) / s[std::size_t(c)]
                                        + 1e-6 * std::abs(weights[i][k]),
                             QStringLiteral("%1 [%2, %3]").arg(names[int(i)]).arg(row).arg(c));
                }
            }
        }

        const QuantizedLayer plain = w8a8Layer(views[0]);
        QVERIFY(plain.inputScale.empty());
        QVERIFY(plain.quantizedActivations);
        QCOMPARE(plain.weight, plain.tensor.dequantize());
        QCOMPARE(plain.weightInOriginalSpace(), plain.weight);
        QCOMPARE(plain.tensor.codes, quantizeWeightInt8PerChannel(weights[0], views[0].outFeatures,
                                                                  views[0].inFeatures, names[0])
                                         .codes);
    }

    // Smoothing before GPTQ: the Hessian of X / s is diag(s)⁻¹ H diag(s)⁻¹, both as a matrix
    // product and as Σ (x / s)(x / s)ᵀ accumulated from the rows.
    void xtxRescaling()
    {
        const std::int64_t n = 500, k = 48;
        const RowMatrix x = outlierRows(n, k, 51);
        const Eigen::MatrixXd xd = x.cast<double>();
        const Eigen::MatrixXd h = xd.transpose() * xd;
        std::mt19937 rng(52);
        std::uniform_real_distribution<float> exponent(-3.0f, 3.0f);
        std::vector<float> s(static_cast<std::size_t>(k));
        for (float& v : s)
            v = std::pow(10.0f, exponent(rng));
        s[0] = 1e-5f; // the smallest scale smoothing produces

        Eigen::MatrixXd rescaled = h;
        rescaleXtxForInputScale(rescaled, s);

        Eigen::VectorXd inverse(k);
        for (std::int64_t i = 0; i < k; ++i)
            inverse[i] = 1.0 / double(s[std::size_t(i)]);
        const Eigen::MatrixXd direct = inverse.asDiagonal() * h * inverse.asDiagonal();
        // From the rows, in double: x / s with s exact in double.
        Eigen::MatrixXd xs = xd;
        for (std::int64_t i = 0; i < k; ++i)
            xs.col(i) /= double(s[std::size_t(i)]);
        const Eigen::MatrixXd fromRows = xs.transpose() * xs;

        double worstDirect = 0.0, worstRows = 0.0;
        for (std::int64_t i = 0; i < k; ++i) {
            for (std::int64_t j = 0; j < k; ++j) {
                QCOMPARE(rescaled(i, j), rescaled(j, i)); // exactly symmetric
                // Three roundings against one: a few units in the last place of a double.
                worstDirect = std::max(worstDirect, std::abs(rescaled(i, j) - direct(i, j))
                                                        / std::abs(direct(i, j)));
                // Off-diagonal sums cancel: compare relative to √(H_ii H_jj) (Cauchy–Schwarz).
                const double magnitude = std::sqrt(fromRows(i, i) * fromRows(j, j));
                worstRows =
                    std::max(worstRows, std::abs(rescaled(i, j) - fromRows(i, j)) / magnitude);
            }
        }
        qInfo(
            "rescaled X^T X: worst relative difference %.3g to diag(1/s) H diag(1/s), %.3g to the "
            "rows' sum",
            worstDirect, worstRows);
        QVERIFY(worstDirect <= 4 * std::numeric_limits<double>::epsilon());
        // Summing n products in double: at most about (n + 2) ε of Σ|x_i x_j| ≤ √(H_ii H_jj).
        QVERIFY(worstRows <= double(n + 2) * std::numeric_limits<double>::epsilon());
    }
};

QTEST_GUILESS_MAIN(TestSmoothQuant)
#include "tst_smooth_quant.moc"
