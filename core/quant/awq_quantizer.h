#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_layer.h"
#include "core/quant/quantized_tensor.h"

#include <QCoreApplication>
#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace qb {

class Progress;

// ---------------------------------------------------------------------------------------------
// AWQ's own grid: pseudo_quantize_tensor of mit-han-lab/llm-awq (awq/quantize/quantizer.py), in
// float32 with half-to-even rounding (std::nearbyint), like the reference.
//
// Asymmetric (the reference's zero_point=True, the only variant it uses):
//   scale = max(hi − lo, 1e-5) / (2^b − 1),  zero = clamp(−round(lo / scale), 0, 2^b − 1)
// where lo, hi are the group's min and max. Unlike the min/max grid of minmax_grid.h, 0 is NOT
// forced into the range: a group whose values all have one sign gets zero = 0 (or 2^b − 1) and
// its far end clips, and a group of equal values v (|v| above ~1e-5) becomes ≈ sign(v) · 1e-5 —
// both exactly what the reference does.
// Symmetric (zero_point=False, which the reference never runs): scale = max(max|w|, 1e-5) /
// (2^(b−1) − 1), signed levels q in [−2^(b−1), 2^(b−1) − 1], stored as codes q + 2^(b−1) with
// zero = 2^(b−1), so that quantizeToCode / dequantizeCode of minmax_grid.h apply to both grids.
// ---------------------------------------------------------------------------------------------

// The parameters of a group whose values span [lo, hi] (lo <= hi, finite). Only the range matters,
// which lets the clip search derive a clamped group's parameters without clamping it.
GridParams awqGridParamsForRange(float lo, float hi, int bits, bool symmetric);

// The parameters of `count` finite values.
GridParams awqGridParams(const float* values, std::int64_t count, int bits, bool symmetric);

// `weight` [rows, cols] on AWQ's grid per (row, group) of `scheme` (per channel: the row; per
// tensor: one parameter pair repeated in every row; groups: runs of groupSize columns, the last one
// shorter when groupSize does not divide cols). Precondition: finite weights, a valid scheme.
// Runs on all worker threads.
QuantizedTensor quantizeAwqGrid(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                                const QuantScheme& scheme);

// A loss of candidate weights for the scale search: one pointer per layer of the group, in the
// order of the layers given, each [out, in] row-major float32 in the ORIGINAL input space
// (Q(W·diag(s))·diag(s)⁻¹). Smaller is better; NaN never wins. Called on the thread running the
// search, once per ratio; the pointers are valid only during the call. May use parallelFor.
using AwqLoss = std::function<double(const std::vector<const float*>& candidateWeights)>;

// One linear layer of a group that shares an input (q/k/v, gate/up, or a single layer).
// `weight` is borrowed: it must stay valid (and unchanged) while the quantizer runs.
struct AwqLayer {
    QString name;                  // module name; decides whether the clip search runs
    const float* weight = nullptr; // [out, in] row-major, original input space, finite
    std::int64_t out = 0;
    std::int64_t in = 0;
    LayerQuantConfig config; // config.scheme is the grid of this layer
};

// What the scale search found.
struct AwqScaleSearchResult {
    int bestStep = 0;           // ratio = bestStep / kScaleGrid
    double ratio = 0.0;         // the chosen exponent of x̄
    std::vector<float> scales;  // [in] s of the chosen ratio (max(s) · min(s) = 1)
    std::vector<double> losses; // [kScaleGrid] the loss of every ratio, in order
};

// What the clip search found for one layer, per (row, group) of its scheme ([rows, groupsPerRow];
// per tensor: one group per row, all rows holding the same value).
struct AwqClipResult {
    std::vector<float> maxValues;    // the clamp bound: weights are clamped to [−m, m]
    std::vector<std::uint8_t> steps; // the shrink step chosen: m = max|w| · (1 − step / 20)
};

// Activation-aware weight quantization (AWQ, mit-han-lab/llm-awq commit d6e797a4), step by step
// as the reference does it: scale search → apply the scales → clip search → apply the clip → the
// final quantization on AWQ's grid. The pieces are public so that each can be tested on its own.
//
// Threading: every function runs on the calling thread and spreads its work with parallelFor; the
// functions are reentrant (no shared state). Cancellation is polled per ratio and per row block.
class AwqQuantizer {
    Q_DECLARE_TR_FUNCTIONS(AwqQuantizer)

public:
    static constexpr int kScaleGrid = 20;            // ratios 0, 0.05, …, 0.95
    static constexpr int kClipSteps = 10;            // shrink 1 − i/20, i = 0..9 (down to 0.55)
    static constexpr std::int64_t kClipTokens = 512; // the clip search's token budget
    static constexpr float kMinScale = 1e-4f;        // x̄^r is clamped at this before normalising

    // s for `ratio` from the mean |x| per input channel: s = max(x̄^ratio, 1e-4), divided by
    // sqrt(max(s) · min(s)), in float32 as the reference. ratio 0 gives s = 1 exactly.
    static std::vector<float> scalesForRatio(const Eigen::VectorXd& absMean, double ratio);

    // x̄ made equal over the input channels that must share one scale, so that scalesForRatio
    // gives a tied s (it maps each channel alone, then divides all by one norm): channel c gets
    // the mean of x̄ over the channels of its set tie[c]. tie: [absMean.size()] set ids (under
    // grouped-query attention, FoldTarget::sourceChannel: the v_proj output an o_proj input
    // reads), or empty (absMean unchanged).
    //
    // Why the mean of x̄: AWQ scales a channel by how much its input magnitude amplifies its
    // weights' rounding error. One tied s divides the rounding error of all the set's columns,
    // whose output contributions scale with their own x̄, so the set's salience is their sum —
    // the same ranking as their mean, which is x̄ of the set's channels pooled into one (its
    // definition applied to the set) and keeps the values on x̄'s scale for the 1e-4 clamp. A
    // max would let one head's outlier scale its neighbours' columns too.
    static Eigen::VectorXd tiedAbsMean(const Eigen::VectorXd& absMean,
                                       std::span<const std::int64_t> tie);

    // Q(W·diag(s))·diag(s)⁻¹ of one layer into `candidate` [out, in]: the weight the scale search
    // scores, in the original input space.
    static void candidateWeight(const float* weight, std::int64_t out, std::int64_t in,
                                const QuantScheme& scheme, std::span<const float> scales,
                                float* candidate);

    // The grid search over the ratios for a group of layers sharing one input of absMean.size()
    // channels (= every layer's `in`). The first strict minimum of `loss` wins, so ties keep the
    // smaller ratio. Throws Error when a layer does not fit or no ratio gives a finite loss,
    // Cancelled when cancelled.
    static AwqScaleSearchResult searchScales(const std::vector<AwqLayer>& layers,
                                             const Eigen::VectorXd& absMean, const AwqLoss& loss,
                                             Progress& progress);

    // The loss AWQ uses when a linear layer is inspected alone: the mean over rows and outputs of
    // (X Wᵀ − X Ŵᵀ)², from the inputs' Gram matrix instead of the rows (exact, see
    // gramOutputError). `xtx` [in, in] = Σ x xᵀ over `tokens` rows and `originalWeight` [out, in]
    // are borrowed: they must outlive the returned loss, which expects exactly one candidate.
    // Throws Error when xtx is not [in, in] (e.g. not recorded) or tokens is not positive.
    // With a device backend (not the CPU's), the quadratic form ΔW · H runs there as a float32
    // product (a GPU may have no double precision; see gramOutputError for why float32 orders
    // the ratios correctly), summed in double; on the CPU it stays in double (gramOutputError).
    static AwqLoss singleLinearLoss(const Eigen::MatrixXd& xtx, std::int64_t tokens,
                                    const float* originalWeight, std::int64_t out, std::int64_t in,
                                    std::shared_ptr<const ComputeBackend> backend = nullptr);

    // (1 / (tokens · out)) Σ_o (a_o − b_o)ᵀ H (a_o − b_o) with H = xtx [in, in]: the mean squared
    // difference of the outputs X aᵀ and X bᵀ over the rows that H sums, for weights a, b [out,
    // in]. Computed in double as Σ of the rows of (Δ H) ⊙ Δ, Δ H a GEMM split over rows of Δ.
    static double gramOutputError(const Eigen::MatrixXd& xtx, std::int64_t tokens, const float* a,
                                  const float* b, std::int64_t out, std::int64_t in);

    // Whether the reference leaves the layer unclipped: its name contains q_, k_, query, key or
    // Wqkv (auto_clip.py:75; the query/key product makes a per-layer output error meaningless).
    static bool skipsClip(const QString& layerName);

    // The rows the clip search uses: rows[0::max(1, n / 512)] of `sample` [n, in], each divided
    // channel-wise by `scales` (the inputs of the scaled layer). Empty `scales`: no division.
    static RowMatrix clipSearchRows(const RowMatrix& sample, std::span<const float> scales);

    // The clip search on the (scaled) weight [out, in] with the (scaled, subsampled) rows [m, in]:
    // per (row, group) the shrink step whose clamp ±max|w|·shrink followed by AWQ's grid gives the
    // smallest mean over the rows of (Σ_{k in group} x_k (q_k − w_k))², the first strict minimum.
    // Per tensor, one step for the whole tensor minimises the sum of that error over the rows.
    // Errors are computed in double (a GEMM of the rows with the candidates' differences). The
    // reference starts from an error of 1e9 rather than +inf, which matters only for errors that
    // large. Note: a group clamped at both ends puts −lo/scale and the clamped weights exactly on
    // rounding ties ((2^b − 1)/2 steps), so which way they round — and then the step chosen —
    // follows the last bits of s; on the golden layers 124–128 of 128 groups match the reference.
    static AwqClipResult searchClip(std::span<const float> weight, std::int64_t out,
                                    std::int64_t in, const QuantScheme& scheme,
                                    const RowMatrix& rows, Progress& progress);

    // The same search by plain loops: the reference searchClip is tested against.
    static AwqClipResult searchClipReference(std::span<const float> weight, std::int64_t out,
                                             std::int64_t in, const QuantScheme& scheme,
                                             const RowMatrix& rows);

    // The error searchClip minimises, per (row, group) [out, groupsPerRow], when every group is
    // clamped to ±maxValues[row, group] (per tensor: each row's own contribution). Plain loops.
    static std::vector<double> clipErrors(std::span<const float> weight, std::int64_t out,
                                          std::int64_t in, const QuantScheme& scheme,
                                          const RowMatrix& rows, std::span<const float> maxValues);

    // Clamps every (row, group) of `weight` to ±maxValues[row, group], in place (apply_clip).
    static void applyClip(std::span<float> weight, std::int64_t out, std::int64_t in,
                          const QuantScheme& scheme, std::span<const float> maxValues);

    // The whole method for a group of layers sharing `inputs` (absMean for the scale search;
    // sample, the rows of the clip search, unless every layer skips it): one scale s for the group,
    // then per layer the clip search (skipped for query/key layers) and the final quantization.
    // Each result holds the tensor and `weight` in the scaled space, inputScale = s, the layer's
    // config, details with the chosen ratio, and seconds (the shared scale search divided evenly
    // over the group plus the layer's own work). Throws Error for missing statistics, mismatched
    // shapes or an invalid scheme (the message names the layer), Cancelled when cancelled.
    // An empty `loss` skips the scale search: the layers are clipped and quantized unscaled
    // (inputScale empty), what llm-awq does for a layer with nothing to fold a scale into.
    static std::vector<QuantizedLayer> quantizeGroup(const std::vector<AwqLayer>& layers,
                                                     const LayerInputs& inputs, const AwqLoss& loss,
                                                     Progress& progress);
};

} // namespace qb
