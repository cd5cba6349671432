#pragma once

#include "core/model/forward_hooks.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quant_scheme.h"
#include "core/quant/quantized_layer.h"
#include "core/quant/quantized_tensor.h"

#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

// SmoothQuant (Xiao et al., mit-han-lab/smoothquant) and its W8A8 fake quantization, written to
// match the reference (commit c61476d7: smooth.py, fake_quant.py, calibration.py) in float32.
//
// Smoothing moves quantization difficulty from the activations to the weights. The linears of an
// input group (q/k/v after input_layernorm, gate/up after post_attention_layernorm, o_proj after
// v_proj, down_proj after up_proj) read one input X [tokens, in]; for each input channel j
//   s_j = max|X[:, j]|^α / max(max over the group's weights of |W[:, j]|, 1e-5)^(1 − α),
//   s_j = max(s_j, 1e-5)
// and the group then computes (X / s) (W · diag(s))ᵀ = X Wᵀ: X / s is folded into the operation
// before the group (the RMSNorm's weight, or the rows of the preceding linear), W · diag(s) is
// what gets quantized. α is the migration strength: α = 0 leaves the activations' ranges alone and
// flattens the weight columns (s = 1 / max|W[:, j]|), α = 1 moves all of an activation channel's
// range into the weights (s = max|X[:, j]|, the scaled activations have max 1 in every channel);
// the reference's default 0.5 balances the two.
//
// W8A8 then stores the weights as int8 per output row and quantizes every activation row (token)
// to int8 on the fly: symmetric absmax grids (scale = max|·| / 127), rounding half to even, no zero
// point, no clamping (the absmax grid cannot be left).
//
// All functions are reentrant. Those that say so run on all worker threads through parallelFor.

namespace qb {

// One linear layer's full-precision weight as the functions below read it.
struct LayerWeightView {
    QString name;                  // module name: the result's name, and messages
    LayerQuantConfig config;       // copied into the result
    std::span<const float> weight; // [outFeatures, inFeatures] row-major; not owned
    std::int64_t outFeatures = 0;
    std::int64_t inFeatures = 0;
};

// The weight grid of W8A8 and SmoothQuant: 8 bits, symmetric, one scale per output row.
QuantScheme w8a8WeightScheme();

// ---- Smoothing scales -------------------------------------------------------------------------

// [in] max over every layer and every row of |W[:, j]| (not clamped). All layers must have the
// same inFeatures (throws Error naming them otherwise) and finite weights.
std::vector<float> groupWeightColumnAbsMax(std::span<const LayerWeightView> layers);

// The smoothing scales s [in] from the activations' max |x| per channel and the group's weight
// column maxima (groupWeightColumnAbsMax), as the reference computes them in float32:
// w = max(weightAbsMax, 1e-5); s = max(a^α / w^(1 − α), 1e-5). Each power is evaluated in double
// and rounded to float once (for α = 0.5 that is the correctly rounded square root the reference's
// torch.pow gives). Throws Error when the sizes differ, α is outside [0, 1], or a scale is not
// finite (a non-finite activation statistic).
std::vector<float> smoothingScales(std::span<const float> activationAbsMax,
                                   std::span<const float> weightAbsMax, double alpha);

// The smoothing step alone, for "smoothing, then a weight-only method" (the plan's `smooth` flag
// on RTN or GPTQ): the scales s for the group reading `inputs`, from inputs.absMax (required;
// throws Error when it is missing or its size is not the layers' inFeatures). The caller then
//   - quantizes W · diag(s) (scaleWeightColumns) with RTN or GPTQ, GPTQ with the Hessian of X / s
//     (rescaleXtxForInputScale on a copy of inputs.xtx), an RTN clip search with the sample rows
//     divided by s (divideInputChannels);
//   - records QuantizedLayer::inputScale = s and `weight` = the dequantized W · diag(s);
//   - folds 1 / s into the operation before the group, as for SmoothQuant.
std::vector<float> groupSmoothingScales(std::span<const LayerWeightView> layers,
                                        const LayerInputs& inputs, double alpha);

// W[:, j] *= s[j] in float32 (the reference's `fc.weight.mul_(scales)`). weight: [rows, cols]
// row-major, s: [cols]. Runs on all worker threads.
void scaleWeightColumns(std::span<float> weight, std::int64_t rows, std::int64_t cols,
                        std::span<const float> s);

// X[:, j] /= s[j] in float32: the input the smoothed group sees. x: [rows, s.size()].
// Runs on all worker threads.
void divideInputChannels(RowMatrix& x, std::span<const float> s);

// Turns Σ x xᵀ into Σ (x / s)(x / s)ᵀ = diag(s)⁻¹ · xtx · diag(s)⁻¹ in place: the Hessian that
// GPTQ needs for the weights W · diag(s). Each element is divided by the product s_i s_j, which is
// exact in double, so the result is the correctly rounded quotient and stays exactly symmetric.
// Shapes: xtx [K, K], s [K]. Runs on all worker threads.
void rescaleXtxForInputScale(Eigen::MatrixXd& xtx, std::span<const float> s);

// ---- W8A8 quantizers --------------------------------------------------------------------------

// The reference's quantize_weight_per_channel_absmax: per output row, scale = max(max|w|, 1e-5) /
// 127 and q = round(w / scale) (half to even) in [−127, 127]; ŵ = q · scale. Stored as codes
// q + 128 in [1, 255] with GridParams{scale, zero = 128} under w8a8WeightScheme(), so
// dequantize() gives ŵ exactly. weight: [rows, cols] row-major, finite (throws Error naming `name`
// otherwise). Runs on all worker threads.
QuantizedTensor quantizeWeightInt8PerChannel(std::span<const float> weight, std::int64_t rows,
                                             std::int64_t cols, const QString& name);

// The activations of W8A8 layers are rounded by roundActivationsPerToken(x,
// ActivationRounding::Int8PerToken) (core/model/activation_rounding.h): the reference's
// quantize_activation_per_token_absmax. For a smoothed layer, divide by s first
// (divideInputChannels): rounding X / s per token is not rounding X per token and scaling.

// ---- Whole layers -----------------------------------------------------------------------------

// SmoothQuant of one input group: the smoothing scales (groupSmoothingScales with `alpha`), then
// every layer's W · diag(s) through quantizeWeightInt8PerChannel. One result per layer, in order:
// tensor, weight = its dequantization (in the scaled input space), inputScale = s (the same for
// every layer of the group), quantizedActivations = true, config as given, details with α and the
// range of s, and seconds (the layer's own work plus an equal share of the group's scales).
// Throws Error as the functions above do.
std::vector<QuantizedLayer> smoothQuantGroup(std::span<const LayerWeightView> layers,
                                             const LayerInputs& inputs, double alpha);

// Plain W8A8 of one layer (it needs no calibration and nothing from the other layers of its
// group): quantizeWeightInt8PerChannel of W, inputScale empty, quantizedActivations = true.
QuantizedLayer w8a8Layer(const LayerWeightView& layer);

} // namespace qb
