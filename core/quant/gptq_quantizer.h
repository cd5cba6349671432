#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/quantized_layer.h"

#include <QCoreApplication>

#include <Eigen/Core>

#include <cstdint>
#include <span>

namespace qb {

// GPTQ (Frantar et al.), exactly as the reference implementation IST-DASLab/gptq (gptq.py,
// fasterquant) computes it, see tests/data/golden/stories260K/README.md:
//   - H = Σ x xᵀ of the layer's inputs (any positive scale: GPTQ is invariant to it);
//   - dead columns (H[i,i] = 0): H[i,i] = 1 and the weight column zeroed; per-channel parameters
//     come from the original weights, static groups from the weights after that;
//   - act-order: columns in descending diag(H) order (taken before damping);
//   - damping: damp × mean(diag H) added to the diagonal;
//   - U = the upper Cholesky factor of H⁻¹; columns in blocks of 128: each column rounded on its
//     group's grid, its error (w − q) / U[i,i] spread onto the block's later columns through row i
//     of U, and each block's errors onto all later columns at the block's end ("lazy" updates);
//   - a group's parameters (min/max grid) are computed at its first column from the weights as
//     updated by all earlier blocks (not by the current block's own updates, as the reference).
// Beyond the reference: when H + damping is not positive definite, the damping is raised ten-fold
// (up to kMaxDampingRaises times) and the raise recorded; if it still fails the layer is rounded to
// nearest, with a note — a run never aborts on one layer.
//
// Speed: U comes from one Cholesky factorisation of the reversed H and one triangular inverse
// (U = J · inv(chol(J H J)) · J, J reversing the order), not the reference's three
// factorisations; and since GPTQ's column loop never mixes rows, every worker thread runs the
// whole loop on its own slice of rows, with no synchronisation.
class GptqQuantizer {
    Q_DECLARE_TR_FUNCTIONS(GptqQuantizer)

public:
    static constexpr int kBlockSize = 128;
    static constexpr int kMaxDampingRaises = 3;

    // Quantizes `weight` [rows = out, cols = in] (row-major) with inputs' Gram matrix `xtx`
    // [cols, cols]. config: scheme (bits, symmetry, grouping), actOrder, staticGroups, damp.
    // Thread-safe. The factorisation runs on the CPU's worker threads (double precision), the
    // column loop and the lazy updates on `backend`.
    static QuantizedLayer quantize(std::span<const float> weight, std::int64_t rows,
                                   std::int64_t cols, const Eigen::MatrixXd& xtx,
                                   const LayerQuantConfig& config,
                                   const ComputeBackend& backend = *ComputeBackend::cpu());

    // The upper Cholesky factor U of (H + damping)⁻¹ (H⁻¹ = Uᵀ U), in double, or false when H plus
    // that damping is not positive definite. Exposed for tests.
    static bool inverseCholeskyUpper(const Eigen::MatrixXd& h, Eigen::MatrixXd& upper);

    // An estimate of the 2-norm condition number λmax / λmin of A = L Lᵀ from its Cholesky factor
    // L [n, n] (lower triangle of `lower`; the rest is not read): λmax by at most
    // kConditionIterations power iterations on A (A v = L (Lᵀ v)), λmin by as many inverse
    // iterations (A⁻¹ v by two triangular solves), both from the all-ones vector, each stopping
    // once its estimate moves by less than kConditionTolerance (relative). Each estimate
    // approaches its eigenvalue from inside the spectrum, so the ratio never exceeds the true
    // condition number and is close to it when the extreme eigenvalues are separated from the
    // rest. Every iteration streams the factor (memory-bound, 2 n² reads), which is why it stops
    // early: it runs inside every GPTQ layer. Invariant to a symmetric permutation of A, so GPTQ's
    // reversed act-order factor and a plain one give the same value.
    static constexpr int kConditionIterations = 30;
    static constexpr double kConditionTolerance = 1e-3;
    static double conditionEstimate(const Eigen::MatrixXd& lower);

    // conditionEstimate() of GPTQ's damped H for the Gram matrix `xtx` [n, n]: dead diagonals
    // (0) set to 1 and damp × mean(diag) added, as quantize() does; 0 when it is not positive
    // definite. O(n³): for views, not the run.
    static double dampedConditionEstimate(const Eigen::MatrixXd& xtx, double damp);
};

} // namespace qb
