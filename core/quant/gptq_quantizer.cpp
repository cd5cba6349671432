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

} // namespace

bool GptqQuantizer::inverseCholeskyUpper(const Eigen::MatrixXd& h, Eigen::MatrixXd& upper)
{
    Eigen::MatrixXd a = h.reverse();
    Eigen::MatrixXd inverse;
    if (!inverseCholeskyFactor(a, inverse))
        return false;
    inverse.triangularView<Eigen::StrictlyUpper>().setZero();
    upper = inverse.reverse();
    return upper.allFinite();
}

double GptqQuantizer::conditionEstimate(const Eigen::MatrixXd& lower)
{
    const Eigen::Index n = lower.rows();
    if (n == 0)
        return 0.0;
    const auto l = lower.triangularView<Eigen::Lower>();
    // Power iteration: λ ≈ ‖A v‖ for a unit v, which is ≤ λmax.
    Eigen::VectorXd v = Eigen::VectorXd::Ones(n).normalized();
    double largest = 0.0;
    for (int i = 0; i < kConditionIterations; ++i) {
        Eigen::VectorXd next = l * (l.transpose() * v);
        const double previous = largest;
        largest = next.norm();
        if (!(largest > 0.0) || !std::isfinite(largest))
            return 0.0;
        v = next / largest;
        if (std::abs(largest - previous) <= kConditionTolerance * largest)
            break;
    }
    // Inverse iteration: μ ≈ ‖A⁻¹ v‖ ≤ 1 / λmin.
    v = Eigen::VectorXd::Ones(n).normalized();
    double inverseSmallest = 0.0;
    for (int i = 0; i < kConditionIterations; ++i) {
        Eigen::VectorXd next = l.solve(v);
        l.transpose().solveInPlace(next);
        const double previous = inverseSmallest;
        inverseSmallest = next.norm();
        if (!(inverseSmallest > 0.0) || !std::isfinite(inverseSmallest))
            return 0.0;
        v = next / inverseSmallest;
        if (std::abs(inverseSmallest - previous) <= kConditionTolerance * inverseSmallest)
            break;
    }
    return largest * inverseSmallest;
}

double GptqQuantizer::dampedConditionEstimate(const Eigen::MatrixXd& xtx, double damp)
{
    const Eigen::Index n = xtx.rows();
    if (n == 0)
        return 0.0;
    Eigen::MatrixXd h = xtx;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (h(i, i) == 0.0)
            h(i, i) = 1.0;
    }
    const double mean = h.diagonal().mean();
    if (!std::isfinite(mean))
        return 0.0;
    h.diagonal().array() += damp * mean;
    const Eigen::LLT<Eigen::MatrixXd> llt(h);
    if (llt.info() != Eigen::Success)
        return 0.0;
    return conditionEstimate(llt.matrixLLT());
}

QuantizedLayer GptqQuantizer::quantize(std::span<const float> weight, std::int64_t rows,
                                       std::int64_t cols, const Eigen::MatrixXd& xtx,
                                       const LayerQuantConfig& config,
                                       const ComputeBackend& backend)
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    Q_ASSERT(xtx.rows() == cols && xtx.cols() == cols);
    const auto started = std::chrono::steady_clock::now();
    const QuantScheme& scheme = config.scheme;

    QuantizedLayer result;
    result.config = config;
    result.tensor = QuantizedTensor::allocate(scheme, rows, cols);
    QuantizedTensor& tensor = result.tensor;

    const bool grouped = scheme.granularity == Granularity::Group;
    const bool staticGroups = grouped && config.staticGroups;

    // Per-channel and per-tensor parameters: from the original weights, before dead columns.
    if (!grouped)
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
    if (staticGroups)
        tensor.params = minMaxGridForMatrix(working, rows, cols, scheme);

    // Act-order: the columns with the largest Hessian diagonal (the most input energy) first. H is
    // never permuted as a whole: the factorisation reads it through `order`.
    std::vector<std::int32_t> order(static_cast<std::size_t>(cols));
    std::iota(order.begin(), order.end(), 0);
    if (config.actOrder) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::int32_t a, std::int32_t b) { return diagonal[a] > diagonal[b]; });
        result.permutation = order;
        if (grouped && !staticGroups) {
            tensor.groupIndex.resize(static_cast<std::size_t>(cols));
            for (std::int64_t position = 0; position < cols; ++position)
                tensor.groupIndex[static_cast<std::size_t>(
                    order[static_cast<std::size_t>(position)])] =
                    static_cast<std::int32_t>(position / tensor.groupWidth);
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
    if (factored)
        result.conditionEstimate = conditionEstimate(factor);
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
        result.tensor = backend.quantizeRtn(weight, rows, cols, scheme);
        result.weight = backend.dequantize(result.tensor);
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

    GptqColumnLoop loop;
    loop.weight = working;
    loop.rows = rows;
    loop.cols = cols;
    loop.order = order;
    loop.upper = &u;
    loop.blockSize = kBlockSize;
    loop.groupsInLoop = grouped && !staticGroups;
    backend.gptqColumnLoop(loop, tensor);

    result.weight = backend.dequantize(tensor);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace qb
