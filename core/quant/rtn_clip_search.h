#pragma once

#include "core/quant/quant_plan.h"
#include "core/quant/quantized_layer.h"
#include "core/quant/quantized_tensor.h"

#include <QCoreApplication>
#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace qb {

class Progress;

// Round-to-nearest with a clip search (the plan's clip_search for method rtn): for each (row,
// group) the range [min, max] of the group is shrunk to [min·f, max·f] for f = 1, 0.95, …, 0.5,
// the group is clamped to it and rounded on the reference min/max grid of that clamped range
// (minmax_grid.h, so the result stays on the grid RTN and GPTQ use), and the f with the smallest
// output error of the group wins (the first strict minimum, so ties keep the wider range):
//   e_g = Δ_g H_gg Δ_gᵀ,   Δ_g = ŵ_g − w_g (the original, unclamped weights), H = Σ x xᵀ
// H_gg is the diagonal block of the group's columns: the error is exact for the group alone and
// ignores the cross terms with the row's other groups, as AWQ's clip search does. Per channel the
// group is the row (the full H); per tensor one f for the whole tensor minimises Σ over the rows.
//
// Threading: every function runs on the calling thread and spreads its work with parallelFor;
// reentrant. Precondition for all: finite weights [rows, cols] row-major, a valid scheme, H
// [cols, cols] symmetric positive semi-definite.
class RtnClipSearch {
    Q_DECLARE_TR_FUNCTIONS(RtnClipSearch)

public:
    static constexpr int kSteps = 11; // f = 1 − step/20, step = 0..10 (down to 0.5)

    // The chosen step per (row, group) [rows, groupsPerRow] (per tensor: the same in every row).
    // Errors in double; each group's candidates are one GEMM with its block of H.
    static std::vector<std::uint8_t> search(std::span<const float> weight, std::int64_t rows,
                                            std::int64_t cols, const QuantScheme& scheme,
                                            const Eigen::MatrixXd& xtx, Progress& progress);

    // The same search by plain loops over groupErrors: the reference `search` is tested against.
    static std::vector<std::uint8_t> searchReference(std::span<const float> weight,
                                                     std::int64_t rows, std::int64_t cols,
                                                     const QuantScheme& scheme,
                                                     const Eigen::MatrixXd& xtx);

    // e_g of every (row, group) [rows, groupsPerRow] when group (row, g) uses steps[row, g] (per
    // tensor: steps[0] for the whole tensor, and each row's Δ H Δᵀ). Plain loops, in double; not
    // divided by the number of tokens.
    static std::vector<double> groupErrors(std::span<const float> weight, std::int64_t rows,
                                           std::int64_t cols, const QuantScheme& scheme,
                                           const Eigen::MatrixXd& xtx,
                                           std::span<const std::uint8_t> steps);

    // RTN of the weights clamped per (row, group) as `steps` say; all steps 0 is quantizeRtn.
    static QuantizedTensor quantizeWithSteps(std::span<const float> weight, std::int64_t rows,
                                             std::int64_t cols, const QuantScheme& scheme,
                                             std::span<const std::uint8_t> steps);

    // The whole method for one layer: search, then quantize. Needs inputs.xtx ([cols, cols]);
    // the result has no input scale; its details say how many groups were shrunk. Throws Error
    // (naming the layer) when xtx is missing or does not fit, or the scheme is invalid;
    // Cancelled when cancelled.
    static QuantizedLayer quantize(const QString& name, std::span<const float> weight,
                                   std::int64_t rows, std::int64_t cols,
                                   const LayerQuantConfig& config, const LayerInputs& inputs,
                                   Progress& progress);
};

} // namespace qb
