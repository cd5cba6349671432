#include "core/quant/awq_quantizer.h"

#include "core/quant/group_scan.h"
#include "core/util/error.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace qb {

namespace {

// The dequantized value of x on the grid p: (clamp(round(x / scale) + zero, 0, maxq) − zero) ·
// scale.
inline float fakeQuantize(float x, const GridParams& p, float maxCode)
{
    return dequantizeCode(quantizeToCode(x, p, maxCode), p);
}

void checkScheme(const QString& name, const QuantScheme& scheme)
{
    const QString problem = scheme.validationError();
    if (!problem.isEmpty())
        throw Error(AwqQuantizer::tr("%1: %2").arg(name, problem));
}

} // namespace

GridParams awqGridParamsForRange(float lo, float hi, int bits, bool symmetric)
{
    GridParams p;
    if (symmetric) {
        const float maxAbs = std::max(std::max(std::abs(lo), std::abs(hi)), 1e-5f);
        p.scale = maxAbs / static_cast<float>((1 << (bits - 1)) - 1);
        p.zero = static_cast<float>(1 << (bits - 1));
        return p;
    }
    const float maxCode = static_cast<float>((1 << bits) - 1);
    p.scale = std::max(hi - lo, 1e-5f) / maxCode;
    p.zero = std::clamp(-std::nearbyint(lo / p.scale), 0.0f, maxCode);
    return p;
}

GridParams awqGridParams(const float* values, std::int64_t count, int bits, bool symmetric)
{
    float lo = 0.0f;
    float hi = 0.0f;
    if (count > 0)
        minMax(values, count, lo, hi);
    return awqGridParamsForRange(lo, hi, bits, symmetric);
}

QuantizedTensor quantizeAwqGrid(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                                const QuantScheme& scheme)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    const GroupLayout layout(scheme, cols);
    QuantizedTensor result = QuantizedTensor::allocate(scheme, rows, cols);
    if (rows == 0 || cols == 0)
        return result;

    GridParams tensorParams;
    if (layout.perTensor) {
        float lo = 0.0f;
        float hi = 0.0f;
        matrixMinMax(weight, rows, cols, lo, hi);
        tensorParams = awqGridParamsForRange(lo, hi, scheme.bits, scheme.symmetric);
    }
    const float maxCode = static_cast<float>(scheme.maxCode());
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                const float* values = weight.data() + r * cols + layout.first(g);
                const std::int64_t count = layout.count(g, cols);
                const GridParams p =
                    layout.perTensor ? tensorParams
                                     : awqGridParams(values, count, scheme.bits, scheme.symmetric);
                result.params[static_cast<std::size_t>(r * layout.groups + g)] = p;
                std::uint8_t* codes = result.codes.data() + r * cols + layout.first(g);
                for (std::int64_t c = 0; c < count; ++c)
                    codes[c] = static_cast<std::uint8_t>(quantizeToCode(values[c], p, maxCode));
            }
        }
    });
    return result;
}

// ----------------------------------------------------------------------------- scale search

std::vector<float> AwqQuantizer::scalesForRatio(const Eigen::VectorXd& absMean, double ratio)
{
    // The reference holds x̄ and s in float32 and raises them to the ratio as a float32 scalar.
    const auto n = static_cast<std::size_t>(absMean.size());
    std::vector<float> s(n);
    const auto exponent = static_cast<float>(ratio);
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<float>(absMean[static_cast<Eigen::Index>(i)]);
        s[i] = std::max(std::pow(x, exponent), kMinScale);
    }
    if (n == 0)
        return s;
    const float largest = *std::max_element(s.begin(), s.end());
    const float smallest = *std::min_element(s.begin(), s.end());
    const float norm = std::sqrt(largest * smallest);
    for (float& v : s)
        v /= norm;
    return s;
}

Eigen::VectorXd AwqQuantizer::tiedAbsMean(const Eigen::VectorXd& absMean,
                                          std::span<const std::int64_t> tie)
{
    if (tie.empty())
        return absMean;
    Q_ASSERT(static_cast<Eigen::Index>(tie.size()) == absMean.size());
    std::map<std::int64_t, std::pair<double, int>> sets; // id -> (Σ x̄, channels)
    for (Eigen::Index c = 0; c < absMean.size(); ++c) {
        auto& [sum, count] = sets[tie[static_cast<std::size_t>(c)]];
        sum += absMean[c];
        ++count;
    }
    Eigen::VectorXd tied(absMean.size());
    for (Eigen::Index c = 0; c < absMean.size(); ++c) {
        const auto& [sum, count] = sets.at(tie[static_cast<std::size_t>(c)]);
        tied[c] = sum / count;
    }
    return tied;
}

void AwqQuantizer::candidateWeight(const float* weight, std::int64_t out, std::int64_t in,
                                   const QuantScheme& scheme, std::span<const float> scales,
                                   float* candidate)
{
    Q_ASSERT(static_cast<std::int64_t>(scales.size()) == in);
    const GroupLayout layout(scheme, in);
    const float maxCode = static_cast<float>(scheme.maxCode());
    // W·diag(s) in float32 (the reference scales the weight in place, then quantizes it).
    auto scaledRow = [&](std::int64_t r, float* row) {
        for (std::int64_t c = 0; c < in; ++c)
            row[c] = weight[r * in + c] * scales[static_cast<std::size_t>(c)];
    };

    GridParams tensorParams;
    if (layout.perTensor) {
        std::vector<float> los(static_cast<std::size_t>(out));
        std::vector<float> his(static_cast<std::size_t>(out));
        parallelFor(out, rowsPerChunk(in), [&](std::int64_t begin, std::int64_t end) {
            std::vector<float> row(static_cast<std::size_t>(in));
            for (std::int64_t r = begin; r < end; ++r) {
                scaledRow(r, row.data());
                minMax(row.data(), in, los[static_cast<std::size_t>(r)],
                       his[static_cast<std::size_t>(r)]);
            }
        });
        tensorParams = awqGridParamsForRange(*std::min_element(los.begin(), los.end()),
                                             *std::max_element(his.begin(), his.end()), scheme.bits,
                                             scheme.symmetric);
    }

    parallelFor(out, rowsPerChunk(in), [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> row(static_cast<std::size_t>(in));
        for (std::int64_t r = begin; r < end; ++r) {
            scaledRow(r, row.data());
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                const std::int64_t first = layout.first(g);
                const std::int64_t count = layout.count(g, in);
                const GridParams p =
                    layout.perTensor
                        ? tensorParams
                        : awqGridParams(row.data() + first, count, scheme.bits, scheme.symmetric);
                for (std::int64_t c = first; c < first + count; ++c)
                    candidate[r * in + c] =
                        fakeQuantize(row[static_cast<std::size_t>(c)], p, maxCode)
                        / scales[static_cast<std::size_t>(c)];
            }
        }
    });
}

AwqScaleSearchResult AwqQuantizer::searchScales(const std::vector<AwqLayer>& layers,
                                                const Eigen::VectorXd& absMean, const AwqLoss& loss,
                                                Progress& progress)
{
    if (layers.empty())
        throw Error(tr("AWQ's scale search was given no layers"));
    for (const AwqLayer& layer : layers) {
        checkScheme(layer.name, layer.config.scheme);
        if (!layer.weight || layer.out <= 0 || layer.in <= 0)
            throw Error(tr("%1: no weights to quantize").arg(layer.name));
        if (layer.in != absMean.size())
            throw Error(tr("%1: the layer has %2 input channels, its input statistics %3")
                            .arg(layer.name)
                            .arg(layer.in)
                            .arg(absMean.size()));
    }

    std::vector<std::vector<float>> candidates(layers.size());
    std::vector<const float*> pointers(layers.size());
    for (std::size_t l = 0; l < layers.size(); ++l) {
        candidates[l].resize(static_cast<std::size_t>(layers[l].out * layers[l].in));
        pointers[l] = candidates[l].data();
    }

    AwqScaleSearchResult result;
    result.bestStep = -1;
    double best = std::numeric_limits<double>::infinity();
    const QString text = tr("AWQ: searching input scales for %1").arg(layers.front().name);
    for (int step = 0; step < kScaleGrid; ++step) {
        progress.throwIfCancelled();
        const double ratio = step / double(kScaleGrid);
        std::vector<float> scales = scalesForRatio(absMean, ratio);
        for (std::size_t l = 0; l < layers.size(); ++l)
            candidateWeight(layers[l].weight, layers[l].out, layers[l].in, layers[l].config.scheme,
                            scales, candidates[l].data());
        const double value = loss(pointers);
        result.losses.push_back(value);
        if (value < best) { // the first strict minimum; NaN never compares less
            best = value;
            result.bestStep = step;
            result.ratio = ratio;
            result.scales = std::move(scales);
        }
        progress.report(double(step + 1) / kScaleGrid, text);
    }
    if (result.bestStep < 0)
        throw Error(tr("%1: AWQ's scale search found no ratio with a finite loss")
                        .arg(layers.front().name));
    return result;
}

double AwqQuantizer::gramOutputError(const Eigen::MatrixXd& xtx, std::int64_t tokens,
                                     const float* a, const float* b, std::int64_t out,
                                     std::int64_t in)
{
    Q_ASSERT(xtx.rows() == in && xtx.cols() == in);
    if (out <= 0 || in <= 0 || tokens <= 0)
        return 0.0;
    // Precision: double throughout. The search orders losses whose neighbouring ratios differ by
    // ~1e-3 relative at the optimum (8e-4 … 1e-2 measured on 4096 × 4096 layers). A float32 GEMM
    // measured 2e-7 … 9e-7 relative error there (also with massive outlier channels), so it
    // would order them correctly too, but the quadratic form can cancel (Σ|Δ_j||H_jk||Δ_k| up to
    // ~in × ΔᵀHΔ for inputs dominated by one direction), float32's bound grows with it, and
    // double keeps the loss equal to the row loss to ~1e-12 at a cost bench_quant reports (the
    // AWQ scale search row, 4096 × 4096 on two cores).
    //
    // Fixed blocks of rows whose partial sums are added in block order, so the result does not
    // depend on the number of threads. Each block is one GEMM (Δ_block · H) with H packed once
    // per block: blocks of 128 rows keep the packing cost below 1 % of the multiply-adds.
    constexpr std::int64_t kBlock = 128;
    const std::int64_t blocks = (out + kBlock - 1) / kBlock;
    std::vector<double> partial(static_cast<std::size_t>(blocks), 0.0);
    parallelFor(blocks, 1, [&](std::int64_t begin, std::int64_t end) {
        Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> delta;
        Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> product;
        for (std::int64_t blockIndex = begin; blockIndex < end; ++blockIndex) {
            const std::int64_t r0 = blockIndex * kBlock;
            const std::int64_t n = std::min(kBlock, out - r0);
            delta.resize(n, in);
            for (std::int64_t r = 0; r < n; ++r)
                for (std::int64_t c = 0; c < in; ++c)
                    delta(r, c) = double(a[(r0 + r) * in + c]) - double(b[(r0 + r) * in + c]);
            product.noalias() = delta * xtx;
            partial[static_cast<std::size_t>(blockIndex)] = product.cwiseProduct(delta).sum();
        }
    });
    double sum = 0.0;
    for (double p : partial)
        sum += p;
    return sum / (double(tokens) * double(out));
}

AwqLoss AwqQuantizer::singleLinearLoss(const Eigen::MatrixXd& xtx, std::int64_t tokens,
                                       const float* originalWeight, std::int64_t out,
                                       std::int64_t in,
                                       std::shared_ptr<const ComputeBackend> backend)
{
    // InputStats leaves xtx empty when it was not asked for: say so rather than fail later.
    if (xtx.rows() != in || xtx.cols() != in || tokens <= 0)
        throw Error(tr("AWQ's output loss needs Σ x xᵀ of the layer's inputs (%1 × %1 over at "
                       "least one row), not %2 × %3 over %4 rows")
                        .arg(in)
                        .arg(xtx.rows())
                        .arg(xtx.cols())
                        .arg(tokens));
    if (!backend || !backend->device().isOpenCl()) {
        return
            [&xtx, tokens, originalWeight, out, in](const std::vector<const float*>& candidates) {
                Q_ASSERT(candidates.size() == 1);
                return gramOutputError(xtx, tokens, originalWeight, candidates.front(), out, in);
            };
    }
    // On the device: H in float32 once, then per candidate P = Δ · H (H symmetric, so the
    // backend's x · Wᵀ with W = H) and Σ P ⊙ Δ in double.
    auto hessian = std::make_shared<const std::vector<float>>([&] {
        std::vector<float> h(static_cast<std::size_t>(in * in));
        for (std::int64_t r = 0; r < in; ++r)
            for (std::int64_t c = 0; c < in; ++c)
                h[static_cast<std::size_t>(r * in + c)] = static_cast<float>(xtx(r, c));
        return h;
    }());
    return [hessian, backend, tokens, originalWeight, out,
            in](const std::vector<const float*>& candidates) {
        Q_ASSERT(candidates.size() == 1);
        const float* candidate = candidates.front();
        RowMatrix delta(out, in);
        for (std::int64_t r = 0; r < out; ++r)
            for (std::int64_t c = 0; c < in; ++c)
                delta(r, c) = originalWeight[r * in + c] - candidate[r * in + c];
        RowMatrix product;
        backend->linear(delta, hessian->data(), in, nullptr, product);
        double sum = 0.0;
        for (Eigen::Index i = 0; i < product.size(); ++i)
            sum += double(product.data()[i]) * double(delta.data()[i]);
        return sum / (double(tokens) * double(out));
    };
}

// ------------------------------------------------------------------------------- clip search

bool AwqQuantizer::skipsClip(const QString& layerName)
{
    for (const char* marker : {"q_", "k_", "query", "key", "Wqkv"}) {
        if (layerName.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

RowMatrix AwqQuantizer::clipSearchRows(const RowMatrix& sample, std::span<const float> scales)
{
    const std::int64_t n = sample.rows();
    const std::int64_t in = sample.cols();
    Q_ASSERT(scales.empty() || static_cast<std::int64_t>(scales.size()) == in);
    const std::int64_t stride = std::max<std::int64_t>(1, n / kClipTokens);
    const std::int64_t m = (n + stride - 1) / stride;
    RowMatrix rows(m, in);
    for (std::int64_t i = 0; i < m; ++i) {
        for (std::int64_t c = 0; c < in; ++c) {
            const float x = sample(i * stride, c);
            rows(i, c) = scales.empty() ? x : x / scales[static_cast<std::size_t>(c)];
        }
    }
    return rows;
}

void AwqQuantizer::applyClip(std::span<float> weight, std::int64_t out, std::int64_t in,
                             const QuantScheme& scheme, std::span<const float> maxValues)
{
    const GroupLayout layout(scheme, in);
    Q_ASSERT(static_cast<std::int64_t>(maxValues.size()) == out * layout.groups);
    parallelFor(out, rowsPerChunk(in), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                const float bound = maxValues[static_cast<std::size_t>(r * layout.groups + g)];
                float* values = weight.data() + r * in + layout.first(g);
                for (std::int64_t c = 0; c < layout.count(g, in); ++c)
                    values[c] = std::clamp(values[c], -bound, bound);
            }
        }
    });
}

std::vector<double> AwqQuantizer::clipErrors(std::span<const float> weight, std::int64_t out,
                                             std::int64_t in, const QuantScheme& scheme,
                                             const RowMatrix& rows,
                                             std::span<const float> maxValues)
{
    // The definition, by plain loops: clamp, quantize on AWQ's grid, then per (row, group) the
    // mean over the rows of the squared output difference the group causes.
    const GroupLayout layout(scheme, in);
    std::vector<float> clamped(weight.begin(), weight.end());
    applyClip(clamped, out, in, scheme, maxValues);
    const std::vector<float> quantized = quantizeAwqGrid(clamped, out, in, scheme).dequantize();
    const std::int64_t m = rows.rows();
    std::vector<double> errors(static_cast<std::size_t>(out * layout.groups), 0.0);
    parallelFor(out, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                double sum = 0.0;
                for (std::int64_t t = 0; t < m; ++t) {
                    double dot = 0.0;
                    for (std::int64_t c = layout.first(g);
                         c < layout.first(g) + layout.count(g, in); ++c)
                        dot += double(rows(t, c))
                               * (double(quantized[static_cast<std::size_t>(r * in + c)])
                                  - double(weight[static_cast<std::size_t>(r * in + c)]));
                    sum += dot * dot;
                }
                errors[static_cast<std::size_t>(r * layout.groups + g)] = m > 0 ? sum / m : 0.0;
            }
        }
    });
    return errors;
}

namespace {

// max |w| per (row, group) [out, groups]; per tensor the tensor's max |w| in every row.
std::vector<float> originalMaxValues(std::span<const float> weight, std::int64_t out,
                                     std::int64_t in, const GroupLayout& layout)
{
    std::vector<float> maxValues(static_cast<std::size_t>(out * layout.groups));
    parallelFor(out, rowsPerChunk(in), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                const float* values = weight.data() + r * in + layout.first(g);
                float largest = 0.0f;
                for (std::int64_t c = 0; c < layout.count(g, in); ++c)
                    largest = std::max(largest, std::abs(values[c]));
                maxValues[static_cast<std::size_t>(r * layout.groups + g)] = largest;
            }
        }
    });
    if (layout.perTensor && !maxValues.empty())
        std::fill(maxValues.begin(), maxValues.end(),
                  *std::max_element(maxValues.begin(), maxValues.end()));
    return maxValues;
}

} // namespace

AwqClipResult AwqQuantizer::searchClipReference(std::span<const float> weight, std::int64_t out,
                                                std::int64_t in, const QuantScheme& scheme,
                                                const RowMatrix& rows)
{
    const GroupLayout layout(scheme, in);
    const std::vector<float> original = originalMaxValues(weight, out, in, layout);
    AwqClipResult result;
    result.maxValues = original;
    result.steps.assign(original.size(), 0);
    std::vector<double> best(original.size(), std::numeric_limits<double>::infinity());
    double bestTotal = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kClipSteps; ++step) {
        std::vector<float> bounds(original.size());
        for (std::size_t i = 0; i < bounds.size(); ++i)
            bounds[i] = original[i] * clipShrinkFactor(step);
        const std::vector<double> errors = clipErrors(weight, out, in, scheme, rows, bounds);
        if (layout.perTensor) {
            double total = 0.0;
            for (double e : errors)
                total += e;
            if (total < bestTotal) {
                bestTotal = total;
                result.maxValues = bounds;
                std::fill(result.steps.begin(), result.steps.end(), std::uint8_t(step));
            }
            continue;
        }
        for (std::size_t i = 0; i < errors.size(); ++i) {
            if (errors[i] < best[i]) {
                best[i] = errors[i];
                result.maxValues[i] = bounds[i];
                result.steps[i] = static_cast<std::uint8_t>(step);
            }
        }
    }
    return result;
}

AwqClipResult AwqQuantizer::searchClip(std::span<const float> weight, std::int64_t out,
                                       std::int64_t in, const QuantScheme& scheme,
                                       const RowMatrix& rows, Progress& progress)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == out * in && rows.cols() == in);
    const GroupLayout layout(scheme, in);
    const float maxCode = static_cast<float>(scheme.maxCode());
    const std::int64_t m = rows.rows();
    const std::vector<float> original = originalMaxValues(weight, out, in, layout);
    AwqClipResult result;
    result.maxValues = original;
    result.steps.assign(original.size(), 0);
    if (out == 0 || in == 0 || m == 0)
        return result;

    // Every error is mean_t (Σ_k x_tk d_k)² for a difference d = q − w of one candidate: the rows
    // of the group times a matrix holding one candidate per column, a GEMM, then column sums of
    // squares. In double, so that the plain-loop reference picks the same steps (its cost is in
    // bench_quant's AWQ clip row); the reference's float32 sums differ from these by ~1e-7.
    const Eigen::MatrixXd x = rows.cast<double>(); // [m, in], column-major: groups are blocks

    // The group's range [lo, hi] per (row, group); clamping to ±b gives [clamp(lo), clamp(hi)],
    // which is all AWQ's grid needs.
    auto groupRange = [&](std::int64_t r, std::int64_t g, float& lo, float& hi) {
        minMax(weight.data() + r * in + layout.first(g), layout.count(g, in), lo, hi);
    };
    // Column `col` of `diff` := q − w of row r, group g, clamped to ±bound on grid p.
    auto fillDifference = [&](Eigen::MatrixXd& diff, Eigen::Index col, std::int64_t r,
                              std::int64_t g, float bound, const GridParams& p) {
        const float* values = weight.data() + r * in + layout.first(g);
        for (std::int64_t c = 0; c < layout.count(g, in); ++c) {
            const float clamped = std::clamp(values[c], -bound, bound);
            diff(c, col) = double(fakeQuantize(clamped, p, maxCode)) - double(values[c]);
        }
    };

    if (layout.perTensor) {
        // One shrink for the whole tensor: the errors of all rows summed, per step.
        float lo = 0.0f;
        float hi = 0.0f;
        matrixMinMax(weight, out, in, lo, hi);
        constexpr std::int64_t kBlock = 64;
        const std::int64_t blocks = (out + kBlock - 1) / kBlock;
        double bestTotal = std::numeric_limits<double>::infinity();
        for (int step = 0; step < kClipSteps; ++step) {
            progress.throwIfCancelled();
            const float bound = original.front() * clipShrinkFactor(step);
            const GridParams p =
                awqGridParamsForRange(std::clamp(lo, -bound, bound), std::clamp(hi, -bound, bound),
                                      scheme.bits, scheme.symmetric);
            std::vector<double> partial(static_cast<std::size_t>(blocks), 0.0);
            parallelFor(blocks, 1, [&](std::int64_t begin, std::int64_t end) {
                Eigen::MatrixXd diff;
                Eigen::MatrixXd product;
                for (std::int64_t b = begin; b < end; ++b) {
                    const std::int64_t r0 = b * kBlock;
                    const std::int64_t n = std::min(kBlock, out - r0);
                    diff.resize(in, n);
                    for (std::int64_t i = 0; i < n; ++i)
                        fillDifference(diff, i, r0 + i, 0, bound, p);
                    product.noalias() = x * diff;
                    partial[static_cast<std::size_t>(b)] = product.squaredNorm() / double(m);
                }
            });
            double total = 0.0;
            for (double v : partial)
                total += v;
            if (total < bestTotal) {
                bestTotal = total;
                std::fill(result.maxValues.begin(), result.maxValues.end(), bound);
                std::fill(result.steps.begin(), result.steps.end(), std::uint8_t(step));
            }
            progress.report(double(step + 1) / kClipSteps);
        }
        return result;
    }

    // Per (row, group): blocks of rows, every group of a block evaluated for all steps at once.
    constexpr std::int64_t kBlock = 32;
    const std::int64_t blocks = (out + kBlock - 1) / kBlock;
    // Waves of blocks between progress reports (report() belongs to this thread).
    const std::int64_t waveBlocks = std::max<std::int64_t>(1, blocks / 20);
    for (std::int64_t wave = 0; wave < blocks; wave += waveBlocks) {
        progress.throwIfCancelled();
        const std::int64_t waveEnd = std::min(blocks, wave + waveBlocks);
        parallelFor(waveEnd - wave, 1, [&](std::int64_t begin, std::int64_t end) {
            Eigen::MatrixXd diff;
            Eigen::MatrixXd product;
            for (std::int64_t b = wave + begin; b < wave + end; ++b) {
                progress.throwIfCancelled();
                const std::int64_t r0 = b * kBlock;
                const std::int64_t n = std::min(kBlock, out - r0);
                for (std::int64_t g = 0; g < layout.groups; ++g) {
                    const std::int64_t count = layout.count(g, in);
                    diff.resize(count, n * kClipSteps);
                    for (std::int64_t i = 0; i < n; ++i) {
                        const float orgMax =
                            original[static_cast<std::size_t>((r0 + i) * layout.groups + g)];
                        float lo = 0.0f;
                        float hi = 0.0f;
                        groupRange(r0 + i, g, lo, hi);
                        for (int step = 0; step < kClipSteps; ++step) {
                            const float bound = orgMax * clipShrinkFactor(step);
                            const GridParams p = awqGridParamsForRange(
                                std::clamp(lo, -bound, bound), std::clamp(hi, -bound, bound),
                                scheme.bits, scheme.symmetric);
                            fillDifference(diff, i * kClipSteps + step, r0 + i, g, bound, p);
                        }
                    }
                    product.noalias() = x.middleCols(layout.first(g), count) * diff;
                    for (std::int64_t i = 0; i < n; ++i) {
                        const auto slot = static_cast<std::size_t>((r0 + i) * layout.groups + g);
                        double best = std::numeric_limits<double>::infinity();
                        for (int step = 0; step < kClipSteps; ++step) {
                            const double error =
                                product.col(i * kClipSteps + step).squaredNorm() / double(m);
                            if (error < best) {
                                best = error;
                                result.steps[slot] = static_cast<std::uint8_t>(step);
                            }
                        }
                        result.maxValues[slot] =
                            original[slot] * clipShrinkFactor(result.steps[slot]);
                    }
                }
            }
        });
        progress.report(double(waveEnd) / blocks);
    }
    return result;
}

// ---------------------------------------------------------------------------- the whole method

std::vector<QuantizedLayer> AwqQuantizer::quantizeGroup(const std::vector<AwqLayer>& layers,
                                                        const LayerInputs& inputs,
                                                        const AwqLoss& loss, Progress& progress)
{
    QElapsedTimer total;
    total.start();
    if (layers.empty())
        throw Error(tr("AWQ was given no layers to quantize"));
    const AwqLayer& first = layers.front();
    // Without a loss there is no scale search: the layers stay unscaled (s = 1), as llm-awq
    // leaves an o_proj whose inputs are mixed across shared key/value heads.
    const bool searching = static_cast<bool>(loss);
    if (searching && !inputs.absMean)
        throw Error(tr("%1: AWQ needs the mean |x| of the layer's inputs").arg(first.name));
    const bool anyClipped = std::any_of(layers.begin(), layers.end(),
                                        [](const AwqLayer& l) { return !skipsClip(l.name); });
    if (anyClipped && (!inputs.sample || inputs.sample->rows() == 0))
        throw Error(tr("%1: AWQ's clip search needs input rows of the layer").arg(first.name));
    if (anyClipped && inputs.sample->cols() != first.in)
        throw Error(tr("%1: the layer has %2 input channels, its input rows %3")
                        .arg(first.name)
                        .arg(first.in)
                        .arg(inputs.sample->cols()));

    ProgressRange scaleProgress(progress, 0.0, 0.6);
    AwqScaleSearchResult search;
    if (searching)
        search = searchScales(layers, *inputs.absMean, loss, scaleProgress);
    else
        search.scales.assign(static_cast<std::size_t>(first.in), 1.0f);
    const double searchSeconds = total.nsecsElapsed() * 1e-9;

    RowMatrix rows;
    if (anyClipped)
        rows = clipSearchRows(*inputs.sample, search.scales);

    const QLocale locale;
    std::vector<QuantizedLayer> results;
    results.reserve(layers.size());
    const double share = 0.4 / double(layers.size());
    for (std::size_t l = 0; l < layers.size(); ++l) {
        progress.throwIfCancelled();
        QElapsedTimer timer;
        timer.start();
        const AwqLayer& layer = layers[l];
        ProgressRange layerProgress(progress, 0.6 + share * double(l), 0.6 + share * double(l + 1));
        layerProgress.report(0.0, tr("AWQ: clipping and quantizing %1").arg(layer.name));

        // apply_scale: W·diag(s) in float32.
        std::vector<float> scaled(static_cast<std::size_t>(layer.out * layer.in));
        parallelFor(layer.out, rowsPerChunk(layer.in), [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t r = begin; r < end; ++r)
                for (std::int64_t c = 0; c < layer.in; ++c)
                    scaled[static_cast<std::size_t>(r * layer.in + c)] =
                        layer.weight[r * layer.in + c] * search.scales[static_cast<std::size_t>(c)];
        });

        QString clipNote;
        if (skipsClip(layer.name)) {
            clipNote = tr("no clip search (query/key layer)");
        } else {
            const AwqClipResult clip =
                searchClip(scaled, layer.out, layer.in, layer.config.scheme, rows, layerProgress);
            applyClip(scaled, layer.out, layer.in, layer.config.scheme, clip.maxValues);
            const auto shrunk = std::count_if(clip.steps.begin(), clip.steps.end(),
                                              [](std::uint8_t step) { return step > 0; });
            clipNote =
                tr("clip search shrank %1 % of the groups")
                    .arg(locale.toString(100.0 * double(shrunk)
                                             / double(std::max<std::size_t>(1, clip.steps.size())),
                                         'f', 1));
        }

        QuantizedLayer result;
        result.name = layer.name;
        result.config = layer.config;
        result.tensor = quantizeAwqGrid(scaled, layer.out, layer.in, layer.config.scheme);
        result.weight = result.tensor.dequantize();
        if (searching) {
            result.inputScale = search.scales;
            result.details =
                tr("AWQ scale ratio %1; %2").arg(locale.toString(search.ratio, 'f', 2), clipNote);
        } else {
            result.details =
                tr("not scaled (nothing before the layer to fold a scale into); %1").arg(clipNote);
        }
        result.seconds = searchSeconds / double(layers.size()) + timer.nsecsElapsed() * 1e-9;
        results.push_back(std::move(result));
        layerProgress.report(1.0);
    }
    return results;
}

} // namespace qb
