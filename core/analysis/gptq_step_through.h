#pragma once

#include "core/quant/minmax_grid.h"
#include "core/quant/quant_scheme.h"

#include <QCoreApplication>
#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace qb {

// One column of GPTQ's loop, as the step-through records it.
struct GptqStep {
    std::int64_t column = 0;
    std::vector<float> roundingError; // [rows] w − q of the column (weight units), before /U[i,i]
    std::vector<float> update;   // [rows, cols] what this step subtracted from each later column
                                 // (0 for this and the earlier columns)
    std::vector<float> weights;  // [rows, cols] the working weights after the step: the columns
                                 // up to `column` hold their rounded values, the later ones their
                                 // updated, not yet rounded values
    double outputError = 0.0;    // ‖X (W_now − W)ᵀ‖² / tokens after this step
    double rtnOutputError = 0.0; // the same with RTN's values in the columns up to `column` and the
                                 // original weights after it
};

// GPTQ run column by column on a small slice, every step kept: the immutable snapshot of the
// step-through. Columns are in their natural order (no act-order), one lazy-update block.
struct GptqTrace {
    QuantScheme scheme;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    double damp = 0.0; // the damping used, × mean(diag H)
    int dampingRaises = 0;
    bool factored = true;        // false: H was not invertible even with raised damping (no steps)
    std::vector<float> original; // [rows, cols]
    std::vector<GridParams> params;  // [rows, groupsPerRow] GPTQ's grids
    std::vector<std::uint8_t> codes; // [rows, cols] GPTQ's codes
    std::vector<float> rtnRounded;   // [rows, cols] RTN's dequantized values (quantizeRtn)
    std::vector<GptqStep> steps;     // [cols]

    double finalOutputError() const { return steps.empty() ? 0.0 : steps.back().outputError; }
    double finalRtnOutputError() const { return steps.empty() ? 0.0 : steps.back().rtnOutputError; }
};

// GPTQ's column loop one column at a time, for teaching: exactly the computation of
// GptqQuantizer::quantize with actOrder and staticGroups off on a slice of at most
// GptqQuantizer::kBlockSize columns (one block, so every column's update reaches the later
// columns at once and there are no lazy updates): dead columns zeroed, damping raised ten-fold
// while H is not positive definite (GptqQuantizer::inverseCholeskyUpper, the same factor), each
// group's grid from the slice's weights at the start (as GPTQ computes grids from the weights as
// the earlier blocks left them), each column rounded, its error / U[i,i] spread through row i of
// U. tests/core/tst_rounding_lab.cpp checks that the codes equal GptqQuantizer's.
class GptqStepThrough {
    Q_DECLARE_TR_FUNCTIONS(GptqStepThrough)

public:
    static constexpr std::int64_t kMaxColumns = 128;
    static constexpr std::int64_t kMaxRows = 16;

    // weight [rows, cols] row-major (rows ≤ kMaxRows, cols ≤ kMaxColumns), xtx [cols, cols] = Σ
    // x xᵀ over `tokens` rows. Throws Error when the sizes do not fit or the scheme is invalid.
    static GptqTrace run(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                         const Eigen::MatrixXd& xtx, std::int64_t tokens, const QuantScheme& scheme,
                         double damp = 0.01);
};

} // namespace qb
