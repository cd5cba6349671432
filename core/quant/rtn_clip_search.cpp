#include "core/quant/rtn_clip_search.h"

#include "core/quant/awq_quantizer.h"
#include "core/quant/group_scan.h"
#include "core/quant/minmax_grid.h"
#include "core/util/error.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace qb {

namespace {

inline float roundOnGrid(float x, const ShrunkGrid& grid, float maxCode)
{
    return dequantizeCode(codeOnShrunkGrid(x, grid, maxCode), grid.params);
}

} // namespace

QuantizedTensor RtnClipSearch::quantizeWithSteps(std::span<const float> weight, std::int64_t rows,
                                                 std::int64_t cols, const QuantScheme& scheme,
                                                 std::span<const std::uint8_t> steps)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    const GroupLayout layout(scheme, cols);
    Q_ASSERT(static_cast<std::int64_t>(steps.size()) == rows * layout.groups);
    QuantizedTensor result = QuantizedTensor::allocate(scheme, rows, cols);
    if (rows == 0 || cols == 0)
        return result;

    float tensorMin = 0.0f;
    float tensorMax = 0.0f;
    if (layout.perTensor)
        matrixMinMax(weight, rows, cols, tensorMin, tensorMax);
    const float maxCode = static_cast<float>(scheme.maxCode());
    parallelFor(rows, rowsPerChunk(cols), [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                const float* values = weight.data() + r * cols + layout.first(g);
                const std::int64_t count = layout.count(g, cols);
                float lo = tensorMin;
                float hi = tensorMax;
                if (!layout.perTensor)
                    minMax(values, count, lo, hi);
                const int step = layout.perTensor
                                     ? steps[0]
                                     : steps[static_cast<std::size_t>(r * layout.groups + g)];
                const ShrunkGrid grid = shrunkGrid(lo, hi, clipShrinkFactor(step), scheme);
                result.params[static_cast<std::size_t>(r * layout.groups + g)] = grid.params;
                std::uint8_t* codes = result.codes.data() + r * cols + layout.first(g);
                for (std::int64_t c = 0; c < count; ++c)
                    codes[c] =
                        static_cast<std::uint8_t>(codeOnShrunkGrid(values[c], grid, maxCode));
            }
        }
    });
    return result;
}

std::vector<double> RtnClipSearch::groupErrors(std::span<const float> weight, std::int64_t rows,
                                               std::int64_t cols, const QuantScheme& scheme,
                                               const Eigen::MatrixXd& xtx,
                                               std::span<const std::uint8_t> steps)
{
    const GroupLayout layout(scheme, cols);
    const std::vector<float> quantized =
        quantizeWithSteps(weight, rows, cols, scheme, steps).dequantize();
    std::vector<double> errors(static_cast<std::size_t>(rows * layout.groups), 0.0);
    parallelFor(rows, 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<double> delta(static_cast<std::size_t>(cols));
        for (std::int64_t r = begin; r < end; ++r) {
            for (std::int64_t c = 0; c < cols; ++c)
                delta[static_cast<std::size_t>(c)] =
                    double(quantized[static_cast<std::size_t>(r * cols + c)])
                    - double(weight[static_cast<std::size_t>(r * cols + c)]);
            for (std::int64_t g = 0; g < layout.groups; ++g) {
                const std::int64_t first = layout.first(g);
                const std::int64_t last = first + layout.count(g, cols);
                double sum = 0.0;
                for (std::int64_t j = first; j < last; ++j)
                    for (std::int64_t k = first; k < last; ++k)
                        sum += delta[static_cast<std::size_t>(j)] * xtx(j, k)
                               * delta[static_cast<std::size_t>(k)];
                errors[static_cast<std::size_t>(r * layout.groups + g)] = sum;
            }
        }
    });
    return errors;
}

std::vector<std::uint8_t> RtnClipSearch::searchReference(std::span<const float> weight,
                                                         std::int64_t rows, std::int64_t cols,
                                                         const QuantScheme& scheme,
                                                         const Eigen::MatrixXd& xtx)
{
    const GroupLayout layout(scheme, cols);
    const auto slotCount = static_cast<std::size_t>(rows * layout.groups);
    std::vector<std::uint8_t> chosen(slotCount, 0);
    std::vector<double> best(slotCount, std::numeric_limits<double>::infinity());
    double bestTotal = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kSteps; ++step) {
        const std::vector<std::uint8_t> steps(slotCount, static_cast<std::uint8_t>(step));
        const std::vector<double> errors = groupErrors(weight, rows, cols, scheme, xtx, steps);
        if (layout.perTensor) {
            double total = 0.0;
            for (double e : errors)
                total += e;
            if (total < bestTotal) {
                bestTotal = total;
                chosen = steps;
            }
            continue;
        }
        for (std::size_t i = 0; i < slotCount; ++i) {
            if (errors[i] < best[i]) {
                best[i] = errors[i];
                chosen[i] = static_cast<std::uint8_t>(step);
            }
        }
    }
    return chosen;
}

std::vector<std::uint8_t> RtnClipSearch::search(std::span<const float> weight, std::int64_t rows,
                                                std::int64_t cols, const QuantScheme& scheme,
                                                const Eigen::MatrixXd& xtx, Progress& progress)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    Q_ASSERT(xtx.rows() == cols && xtx.cols() == cols);
    const GroupLayout layout(scheme, cols);
    const auto slotCount = static_cast<std::size_t>(rows * layout.groups);
    std::vector<std::uint8_t> chosen(slotCount, 0);
    if (rows == 0 || cols == 0)
        return chosen;

    if (layout.perTensor) {
        // One factor for the whole tensor: each candidate is a full output error, Σ_o Δ_o H Δ_oᵀ.
        double bestTotal = std::numeric_limits<double>::infinity();
        for (int step = 0; step < kSteps; ++step) {
            progress.throwIfCancelled();
            const std::vector<std::uint8_t> steps(slotCount, static_cast<std::uint8_t>(step));
            const std::vector<float> quantized =
                quantizeWithSteps(weight, rows, cols, scheme, steps).dequantize();
            // gramOutputError divides by tokens · rows; with tokens = 1 the factor 1/rows is the
            // same for every step, so the order of the candidates is that of the sums.
            const double total =
                AwqQuantizer::gramOutputError(xtx, 1, weight.data(), quantized.data(), rows, cols);
            if (total < bestTotal) {
                bestTotal = total;
                chosen = steps;
            }
            progress.report(double(step + 1) / kSteps);
        }
        return chosen;
    }

    // Per (row, group): blocks of rows; per group one GEMM H_gg · D with a column of D per
    // candidate (row, step). In double, like the plain-loop reference it must agree with.
    const float maxCode = static_cast<float>(scheme.maxCode());
    constexpr std::int64_t kBlock = 32;
    const std::int64_t blocks = (rows + kBlock - 1) / kBlock;
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
                const std::int64_t n = std::min(kBlock, rows - r0);
                for (std::int64_t g = 0; g < layout.groups; ++g) {
                    const std::int64_t first = layout.first(g);
                    const std::int64_t count = layout.count(g, cols);
                    diff.resize(count, n * kSteps);
                    for (std::int64_t i = 0; i < n; ++i) {
                        const float* values = weight.data() + (r0 + i) * cols + first;
                        float lo = 0.0f;
                        float hi = 0.0f;
                        minMax(values, count, lo, hi);
                        for (int step = 0; step < kSteps; ++step) {
                            const ShrunkGrid grid =
                                shrunkGrid(lo, hi, clipShrinkFactor(step), scheme);
                            for (std::int64_t c = 0; c < count; ++c)
                                diff(c, i * kSteps + step) =
                                    double(roundOnGrid(values[c], grid, maxCode))
                                    - double(values[c]);
                        }
                    }
                    product.noalias() = xtx.block(first, first, count, count) * diff;
                    for (std::int64_t i = 0; i < n; ++i) {
                        double best = std::numeric_limits<double>::infinity();
                        const auto slot = static_cast<std::size_t>((r0 + i) * layout.groups + g);
                        for (int step = 0; step < kSteps; ++step) {
                            const Eigen::Index col = i * kSteps + step;
                            const double error = diff.col(col).dot(product.col(col));
                            if (error < best) {
                                best = error;
                                chosen[slot] = static_cast<std::uint8_t>(step);
                            }
                        }
                    }
                }
            }
        });
        progress.report(double(waveEnd) / blocks);
    }
    return chosen;
}

QuantizedLayer RtnClipSearch::quantize(const QString& name, std::span<const float> weight,
                                       std::int64_t rows, std::int64_t cols,
                                       const LayerQuantConfig& config, const LayerInputs& inputs,
                                       Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    const QString problem = config.scheme.validationError();
    if (!problem.isEmpty())
        throw Error(tr("%1: %2").arg(name, problem));
    if (!inputs.xtx)
        throw Error(
            tr("%1: the clip search needs the Gram matrix of the layer's inputs").arg(name));
    if (inputs.xtx->rows() != cols || inputs.xtx->cols() != cols)
        throw Error(tr("%1: the layer has %2 input channels, its input statistics %3")
                        .arg(name)
                        .arg(cols)
                        .arg(inputs.xtx->rows()));
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);

    progress.report(0.0, tr("RTN: searching clipping ranges for %1").arg(name));
    const std::vector<std::uint8_t> steps =
        search(weight, rows, cols, config.scheme, *inputs.xtx, progress);
    QuantizedLayer result;
    result.name = name;
    result.config = config;
    result.tensor = quantizeWithSteps(weight, rows, cols, config.scheme, steps);
    result.weight = result.tensor.dequantize();
    const auto shrunk =
        std::count_if(steps.begin(), steps.end(), [](std::uint8_t step) { return step > 0; });
    result.details =
        tr("clip search shrank %1 % of the groups")
            .arg(QLocale().toString(
                100.0 * double(shrunk) / double(std::max<std::size_t>(1, steps.size())), 'f', 1));
    result.seconds = timer.nsecsElapsed() * 1e-9;
    return result;
}

} // namespace qb
