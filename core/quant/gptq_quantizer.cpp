#include "core/quant/gptq_quantizer.h"

#include "core/util/parallel.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <numeric>

namespace qb {

namespace {

// Columns per block of the Cholesky factorisation: a matrix of at most this many columns is one
// Eigen LLT, as before the factorisation was blocked (the golden layers all are), larger ones
// are factored block by block with the solve and the trailing update spread over the workers.
constexpr Eigen::Index kCholeskyBlock = 256;

// Columns per task of the trailing update and of the triangular inverse: wide enough for Eigen's
// blocked products, narrow enough to spread the work evenly.
constexpr Eigen::Index kColumnStrip = 64;

// Rows per task of the Cholesky panel solve.
constexpr Eigen::Index kSolveRows = 128;

// Rows per task of the column loop at least, so that small layers stay on one thread; larger
// layers are cut into about kRowTasksPerThread tasks per thread, handed out one at a time.
constexpr std::int64_t kMinRowsPerTask = 64;
constexpr std::int64_t kRowTasksPerThread = 2;

// A = L Lᵀ in place: the lower triangle of `a` [n, n] (the only part read) becomes L; the strictly
// upper triangle is left as it was. false when A is not positive definite. Right-looking by
// blocks of kCholeskyBlock columns: the diagonal block by Eigen's LLT (in place), the panel below
// it by a triangular solve split over rows, the trailing lower triangle updated by strips of
// columns (a GEMM each, Eigen single-threaded inside) spread over the workers.
bool choleskyInPlace(Eigen::MatrixXd& a)
{
    const Eigen::Index n = a.rows();
    for (Eigen::Index k0 = 0; k0 < n; k0 += kCholeskyBlock) {
        const Eigen::Index kb = std::min(kCholeskyBlock, n - k0);
        Eigen::Ref<Eigen::MatrixXd> diagonal = a.block(k0, k0, kb, kb);
        const Eigen::LLT<Eigen::Ref<Eigen::MatrixXd>> llt(diagonal);
        if (llt.info() != Eigen::Success)
            return false;
        const Eigen::Index rest = n - k0 - kb;
        if (rest == 0)
            break;
        // L21 = A21 · L11⁻ᵀ.
        auto panel = a.block(k0 + kb, k0, rest, kb);
        const auto l11 = a.block(k0, k0, kb, kb).triangularView<Eigen::Lower>();
        parallelTasks((rest + kSolveRows - 1) / kSolveRows, [&](std::int64_t task) {
            const Eigen::Index r0 = task * kSolveRows;
            auto rows = panel.middleRows(r0, std::min(kSolveRows, rest - r0));
            l11.transpose().solveInPlace<Eigen::OnTheRight>(rows);
        });
        // A22 -= L21 L21ᵀ, the lower triangle by strips (a strip's diagonal square in full).
        parallelTasks((rest + kColumnStrip - 1) / kColumnStrip, [&](std::int64_t task) {
            const Eigen::Index c0 = task * kColumnStrip;
            const Eigen::Index width = std::min(kColumnStrip, rest - c0);
            a.block(k0 + kb + c0, k0 + kb + c0, rest - c0, width).noalias() -=
                panel.bottomRows(rest - c0) * panel.middleRows(c0, width).transpose();
        });
    }
    return true;
}

// From `a` [n, n] whose lower triangle holds J (H + damping) J (J reversing the order), the
// upper Cholesky factor U of (H + damping)⁻¹ as a function of (row, column) → value, or false
// when H + damping is not positive definite. With J H J = L Lᵀ, H⁻¹ = (J L⁻¹ J)ᵀ (J L⁻¹ J) and
// J L⁻¹ J is upper triangular with a positive diagonal: the Cholesky factor the reference gets
// with two more factorisations. `a` is overwritten (L); `inverse` receives L⁻¹ in its lower
// triangle (its strictly upper triangle is not written): U(i, j) = L⁻¹(n−1−i, n−1−j), i <= j.
bool inverseCholeskyFactor(Eigen::MatrixXd& a, Eigen::MatrixXd& inverse)
{
    const Eigen::Index n = a.rows();
    if (!choleskyInPlace(a))
        return false;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!std::isfinite(a(i, i)) || a(i, i) <= 0.0)
            return false;
    }
    // L⁻¹ by strips of columns: the columns [c, c + w) of L⁻¹ are zero above row c and solve the
    // trailing system L[c:, c:] X = I[c:, c:c+w]. The first strips (largest systems) go first.
    inverse.resize(n, n);
    parallelTasks((n + kColumnStrip - 1) / kColumnStrip, [&](std::int64_t task) {
        const Eigen::Index c = task * kColumnStrip;
        const Eigen::Index width = std::min(kColumnStrip, n - c);
        auto columns = inverse.block(c, c, n - c, width);
        columns.setZero();
        columns.topRows(width).setIdentity();
        a.block(c, c, n - c, n - c).triangularView<Eigen::Lower>().solveInPlace(columns);
    });
    return true;
}

// The lower triangle of J (H + damp · I) J into `a` [n, n] for the Hessian `xtx` in column order
// `order` (H(i, j) = xtx(order[i], order[j])), with `diagonal` [n] (in original column order) in
// place of xtx's diagonal. Only xtx's upper triangle in that order is read, as before.
void fillReversedDamped(const Eigen::MatrixXd& xtx, const std::vector<std::int32_t>& order,
                        const Eigen::VectorXd& diagonal, double damping, Eigen::MatrixXd& a)
{
    const Eigen::Index n = xtx.rows();
    a.resize(n, n);
    parallelFor(n, kColumnStrip, [&](std::int64_t begin, std::int64_t end) {
        for (Eigen::Index j = begin; j < end; ++j) {
            const std::int32_t column = order[static_cast<std::size_t>(n - 1 - j)];
            a(j, j) = diagonal[column] + damping;
            for (Eigen::Index i = j + 1; i < n; ++i)
                a(i, j) = xtx(order[static_cast<std::size_t>(n - 1 - i)], column);
        }
    });
}

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
    const Eigen::Index n = h.rows();
    Eigen::MatrixXd a = h.reverse();
    Eigen::MatrixXd inverse;
    if (!inverseCholeskyFactor(a, inverse))
        return false;
    inverse.triangularView<Eigen::StrictlyUpper>().setZero();
    upper = inverse.reverse();
    (void)n;
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
    result.tensor = QuantizedTensor::allocate(scheme, rows, cols);
    QuantizedTensor& tensor = result.tensor;

    GroupLookup lookup;
    lookup.grouped = scheme.granularity == Granularity::Group;
    lookup.staticGroups = lookup.grouped && config.staticGroups;
    lookup.width = tensor.groupWidth;

    // Per-channel and per-tensor parameters: from the original weights, before dead columns.
    if (!lookup.grouped)
        tensor.params = minMaxGridForMatrix(weight, rows, cols, scheme);

    // Dead inputs (never non-zero in calibration) carry no information: their weights are zeroed
    // and their Hessian diagonal set to 1 so that H stays invertible.
    Eigen::VectorXd diagonal = xtx.diagonal();
    std::vector<float> working(weight.begin(), weight.end());
    for (Eigen::Index i = 0; i < cols; ++i) {
        if (diagonal[i] != 0.0)
            continue;
        diagonal[i] = 1.0;
        for (std::int64_t r = 0; r < rows; ++r)
            working[static_cast<std::size_t>(r * cols + i)] = 0.0f;
    }

    // Static groups: every group's grid up front, from the weights with dead columns zeroed; the
    // other grouped layouts fill tensor.params (allocated) as the column loop reaches each group.
    if (lookup.grouped && config.staticGroups)
        tensor.params = minMaxGridForMatrix(working, rows, cols, scheme);

    // Act-order: the columns with the largest Hessian diagonal (the most input energy) first. H is
    // never permuted as a whole: the factorisation reads it through `order`.
    std::vector<std::int32_t> order(static_cast<std::size_t>(cols));
    std::iota(order.begin(), order.end(), 0);
    if (config.actOrder) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::int32_t a, std::int32_t b) { return diagonal[a] > diagonal[b]; });
        result.permutation = order;
        if (lookup.grouped && !config.staticGroups) {
            tensor.groupIndex.resize(static_cast<std::size_t>(cols));
            for (std::int64_t position = 0; position < cols; ++position)
                tensor.groupIndex[static_cast<std::size_t>(
                    order[static_cast<std::size_t>(position)])] =
                    static_cast<std::int32_t>(position / lookup.width);
        }
    }

    // Damping, raised ten-fold while H + damping is not positive definite. The mean is summed in
    // quantization order, one term after the other, as Eigen sums a matrix's diagonal.
    double diagonalSum = 0.0;
    for (std::int32_t column : order)
        diagonalSum += diagonal[column];
    const double meanDiagonal = diagonalSum / double(cols);
    double damp = config.damp;
    Eigen::MatrixXd factor;
    Eigen::MatrixXd inverse;
    bool factored = false;
    for (int raise = 0; raise <= kMaxDampingRaises && !factored; ++raise) {
        if (raise > 0)
            damp *= 10.0;
        if (std::isfinite(meanDiagonal)) {
            fillReversedDamped(xtx, order, diagonal, damp * meanDiagonal, factor);
            factored = inverseCholeskyFactor(factor, inverse);
        }
        if (factored)
            result.dampingRaises = raise;
    }
    factor = Eigen::MatrixXd(); // 8 n² bytes: not needed any more

    // U = J L⁻¹ J in float32 (its upper triangle; the loop reads nothing else), checked finite.
    Eigen::MatrixXf u;
    if (factored) {
        u.resize(cols, cols);
        std::atomic<bool> finite{true};
        parallelFor(cols, kColumnStrip, [&](std::int64_t begin, std::int64_t end) {
            bool ok = true;
            for (Eigen::Index j = begin; j < end; ++j) {
                for (Eigen::Index i = 0; i <= j; ++i) {
                    const double value = inverse(cols - 1 - i, cols - 1 - j);
                    ok = ok && std::isfinite(value);
                    u(i, j) = static_cast<float>(value);
                }
                u.col(j).tail(cols - 1 - j).setZero();
            }
            if (!ok)
                finite = false;
        });
        factored = finite;
    }
    inverse = Eigen::MatrixXd();
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
    const float maxCode = static_cast<float>(scheme.maxCode());
    const auto runRows = [&](std::int64_t firstRow, std::int64_t endRow) {
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
    };
    const std::int64_t tasks = std::clamp<std::int64_t>(
        rows / kMinRowsPerTask, 1, std::int64_t(workerThreadCount()) * kRowTasksPerThread);
    parallelTasks(
        tasks, [&](std::int64_t task) { runRows(rows * task / tasks, rows * (task + 1) / tasks); });

    result.weight = tensor.dequantize();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace qb
