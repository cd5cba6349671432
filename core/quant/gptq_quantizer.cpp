#include "core/quant/gptq_quantizer.h"

#include "core/util/parallel.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace qb {

namespace {

// Columns per task of the triangular inverse: wide enough for Eigen's blocked solver.
constexpr Eigen::Index kInverseColumnBlock = 64;

// Rows per worker at least, so that small layers stay on one thread.
constexpr std::int64_t kMinRowsPerWorker = 64;

// Where a column's grid parameters are in QuantizedTensor::params of a row, for column position
// `position` in quantization order (original column `column`).
struct GroupLookup {
    bool grouped = false;
    bool staticGroups = false;
    std::int64_t width = 1;

    std::int64_t groupOf(std::int64_t position, std::int64_t column) const
    {
        if (!grouped)
            return 0;
        return (staticGroups ? column : position) / width;
    }
};

} // namespace

bool GptqQuantizer::inverseCholeskyUpper(const Eigen::MatrixXd& h, Eigen::MatrixXd& upper)
{
    // With J reversing the order, J H J = L Lᵀ gives H⁻¹ = (J L⁻¹ J)ᵀ (J L⁻¹ J), and J L⁻¹ J is
    // upper triangular with a positive diagonal: the Cholesky factor the reference obtains with
    // two more factorisations.
    const Eigen::Index n = h.rows();
    const Eigen::MatrixXd reversed = h.reverse();
    const Eigen::LLT<Eigen::MatrixXd> llt(reversed);
    if (llt.info() != Eigen::Success)
        return false;
    const Eigen::MatrixXd& factor = llt.matrixLLT(); // L in the lower triangle
    if (!factor.diagonal().allFinite() || (factor.diagonal().array() <= 0.0).any())
        return false;

    // L⁻¹ column block by column block: the columns [a, b) of L⁻¹ are zero above row a and solve
    // the trailing system L[a:, a:] X = I[a:, a:b]. Blocks are dealt to the threads round-robin
    // so that the expensive first ones (largest systems) are spread evenly.
    Eigen::MatrixXd inverse = Eigen::MatrixXd::Zero(n, n);
    const Eigen::Index blocks = (n + kInverseColumnBlock - 1) / kInverseColumnBlock;
    const int threads = workerThreadCount();
    parallelFor(std::min<std::int64_t>(threads, blocks), 1,
                [&](std::int64_t firstThread, std::int64_t endThread) {
                    for (std::int64_t t = firstThread; t < endThread; ++t) {
                        for (Eigen::Index b = t; b < blocks; b += threads) {
                            const Eigen::Index a = b * kInverseColumnBlock;
                            const Eigen::Index width = std::min(kInverseColumnBlock, n - a);
                            auto columns = inverse.block(a, a, n - a, width);
                            columns.topRows(width).setIdentity();
                            factor.block(a, a, n - a, n - a)
                                .triangularView<Eigen::Lower>()
                                .solveInPlace(columns);
                        }
                    }
                });
    upper = inverse.reverse();
    return upper.allFinite();
}

QuantizedLayer GptqQuantizer::quantize(std::span<const float> weight, std::int64_t rows,
                                       std::int64_t cols, const Eigen::MatrixXd& xtx,
                                       const LayerQuantConfig& config)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    Q_ASSERT(xtx.rows() == cols && xtx.cols() == cols);
    const auto started = std::chrono::steady_clock::now();
    const QuantScheme& scheme = config.scheme;

    QuantizedLayer result;
    result.config = config;
    QuantizedTensor& tensor = result.tensor;
    tensor.scheme = scheme;
    tensor.rows = rows;
    tensor.cols = cols;
    tensor.groupWidth = scheme.groupWidth(cols);
    tensor.groupsPerRow = scheme.groupsPerRow(cols);
    tensor.codes.resize(static_cast<std::size_t>(rows * cols));

    GroupLookup lookup;
    lookup.grouped = scheme.granularity == Granularity::Group;
    lookup.staticGroups = lookup.grouped && config.staticGroups;
    lookup.width = tensor.groupWidth;

    // Per-channel and per-tensor parameters: from the original weights, before dead columns.
    if (!lookup.grouped)
        tensor.params = minMaxGridForMatrix(weight, rows, cols, scheme);

    // Dead inputs (never non-zero in calibration) carry no information: their weights are zeroed
    // and their Hessian diagonal set to 1 so that H stays invertible.
    Eigen::MatrixXd h = xtx;
    std::vector<float> working(weight.begin(), weight.end());
    for (Eigen::Index i = 0; i < cols; ++i) {
        if (h(i, i) != 0.0)
            continue;
        h(i, i) = 1.0;
        for (std::int64_t r = 0; r < rows; ++r)
            working[static_cast<std::size_t>(r * cols + i)] = 0.0f;
    }

    if (lookup.grouped && config.staticGroups)
        tensor.params = minMaxGridForMatrix(working, rows, cols, scheme);
    else if (lookup.grouped)
        tensor.params.resize(static_cast<std::size_t>(rows * tensor.groupsPerRow));

    // Act-order: the columns with the largest Hessian diagonal (the most input energy) first.
    std::vector<std::int32_t> order(static_cast<std::size_t>(cols));
    std::iota(order.begin(), order.end(), 0);
    if (config.actOrder) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::int32_t a, std::int32_t b) { return h(a, a) > h(b, b); });
        Eigen::MatrixXd permuted(cols, cols);
        for (Eigen::Index j = 0; j < cols; ++j) {
            for (Eigen::Index i = 0; i < cols; ++i)
                permuted(i, j) =
                    h(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
        }
        h = std::move(permuted);
        result.permutation = order;
        if (lookup.grouped && !config.staticGroups) {
            tensor.groupIndex.resize(static_cast<std::size_t>(cols));
            for (std::int64_t position = 0; position < cols; ++position)
                tensor.groupIndex[static_cast<std::size_t>(
                    order[static_cast<std::size_t>(position)])] =
                    static_cast<std::int32_t>(position / lookup.width);
        }
    }

    // Damping, raised ten-fold while H + damping is not positive definite.
    const double meanDiagonal = h.diagonal().mean();
    double damp = config.damp;
    Eigen::MatrixXd upper;
    bool factored = false;
    for (int raise = 0; raise <= kMaxDampingRaises && !factored; ++raise) {
        if (raise > 0)
            damp *= 10.0;
        Eigen::MatrixXd damped = h;
        damped.diagonal().array() += damp * meanDiagonal;
        factored = std::isfinite(meanDiagonal) && inverseCholeskyUpper(damped, upper);
        if (factored)
            result.dampingRaises = raise;
    }
    if (!factored) {
        // Nothing GPTQ can do with this Hessian: round to nearest rather than abort the run.
        result = QuantizedLayer{};
        result.config = config;
        result.tensor = quantizeRtn(weight, rows, cols, scheme);
        result.weight = result.tensor.dequantize();
        result.fellBackToRtn = true;
        result.warning = tr("the inputs' Hessian is not positive definite even with %1 × its mean "
                            "diagonal added; rounded to nearest instead")
                             .arg(damp, 0, 'g', 3);
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    }
    result.dampingUsed = damp;
    if (result.dampingRaises > 0)
        result.warning =
            tr("damping raised to %1 × the mean Hessian diagonal to make it invertible")
                .arg(damp, 0, 'g', 3);

    // The column loop in float32, as the reference; every worker takes a slice of rows and runs
    // the whole loop on it, since GPTQ's updates never mix rows.
    const Eigen::MatrixXf u = upper.cast<float>();
    const float maxCode = static_cast<float>(scheme.maxCode());
    parallelFor(rows, kMinRowsPerWorker, [&](std::int64_t firstRow, std::int64_t endRow) {
        const Eigen::Index n = endRow - firstRow;
        // Column-major, in quantization order: a column's update is one contiguous axpy.
        Eigen::MatrixXf w(n, cols);
        for (Eigen::Index r = 0; r < n; ++r) {
            const float* source = working.data() + (firstRow + r) * cols;
            for (Eigen::Index p = 0; p < cols; ++p)
                w(r, p) = source[order[static_cast<std::size_t>(p)]];
        }
        Eigen::MatrixXf block(n, kBlockSize);
        Eigen::MatrixXf errors(n, kBlockSize);
        std::vector<float> groupValues(static_cast<std::size_t>(lookup.width));

        for (Eigen::Index i1 = 0; i1 < cols; i1 += kBlockSize) {
            const Eigen::Index count = std::min<Eigen::Index>(kBlockSize, cols - i1);
            block.leftCols(count) = w.middleCols(i1, count);
            for (Eigen::Index i = 0; i < count; ++i) {
                const Eigen::Index position = i1 + i;
                const std::int32_t column = order[static_cast<std::size_t>(position)];
                if (lookup.grouped && !lookup.staticGroups && position % lookup.width == 0) {
                    // As the reference: from the weights updated by the earlier blocks, not by
                    // this block's own column updates.
                    const std::int64_t width = std::min(lookup.width, cols - position);
                    const std::int64_t group = position / lookup.width;
                    for (Eigen::Index r = 0; r < n; ++r) {
                        for (std::int64_t c = 0; c < width; ++c)
                            groupValues[static_cast<std::size_t>(c)] = w(r, position + c);
                        tensor.params[static_cast<std::size_t>((firstRow + r) * tensor.groupsPerRow
                                                               + group)] =
                            minMaxGridParams(groupValues.data(), width, scheme.bits,
                                             scheme.symmetric);
                    }
                }
                const std::int64_t group = lookup.groupOf(position, column);
                const float diagonal = u(position, position);
                for (Eigen::Index r = 0; r < n; ++r) {
                    const std::int64_t row = firstRow + r;
                    const GridParams& p =
                        tensor.params[static_cast<std::size_t>(row * tensor.groupsPerRow + group)];
                    const float value = block(r, i);
                    const float code = quantizeToCode(value, p, maxCode);
                    tensor.codes[static_cast<std::size_t>(row * cols + column)] =
                        static_cast<std::uint8_t>(code);
                    errors(r, i) = (value - dequantizeCode(code, p)) / diagonal;
                }
                // Spread this column's error onto the block's later columns.
                const Eigen::Index later = count - i - 1;
                if (later > 0)
                    block.middleCols(i + 1, later).noalias() -=
                        errors.col(i) * u.row(position).segment(position + 1, later);
            }
            // The lazy update: the block's errors onto every column after it, as one product.
            const Eigen::Index rest = cols - i1 - count;
            if (rest > 0)
                w.rightCols(rest).noalias() -=
                    errors.leftCols(count) * u.block(i1, i1 + count, count, rest);
        }
    });

    result.weight = tensor.dequantize();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace qb
