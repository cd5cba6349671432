#pragma once

#include "core/backend/compute_backend.h"
#include "core/model/forward_hooks.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_tensor.h"

#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace qb {

// What calibration tells a layer's quantizer about the layer's inputs (all over the fitting
// rows; see InputStats). Pointers may be null when a method does not need them; a layer
// quantized without calibration (plain RTN) gets none.
struct LayerInputs {
    const Eigen::MatrixXd* xtx = nullptr; // [in, in] Σ x xᵀ: GPTQ's Hessian, output-error Gram
    std::int64_t tokens = 0;              // rows summed into xtx
    const Eigen::VectorXd* absMean = nullptr; // [in] mean |x| (AWQ's activation statistic)
    const Eigen::VectorXf* absMax = nullptr;  // [in] max |x| (SmoothQuant's)
    const RowMatrix* sample = nullptr;        // [n, in] input rows (AWQ's clip search)
};

// One layer as a quantizer left it: what evaluation, the metrics and export need.
//
// The layer computes y = x̃ · Ŵᵀ where x̃ is its input divided channel-wise by inputScale (when
// set: AWQ and SmoothQuant fold that division into the operation before the layer) and, with
// quantizedActivations, rounded per token to int8; Ŵ = tensor.dequantize() is `weight`, in that
// scaled input space. `weight` divided column-wise by inputScale is the equivalent weight in the
// original input space (what the golden reference stores for AWQ).
struct QuantizedLayer {
    QString name;
    LayerQuantConfig config;
    QuantizedTensor tensor;
    std::vector<float> weight;     // [out, in] dequantized, in the scaled input space (or empty)
    std::vector<float> inputScale; // [in] s, or empty (no scaling)
    bool quantizedActivations = false;
    std::vector<std::int32_t> permutation; // GPTQ act-order column order (empty: identity)

    // What the quantizer did beyond the plan, for the report.
    double dampingUsed = 0.0;   // GPTQ: the damping that made H positive definite (× mean diag)
    int dampingRaises = 0;      // GPTQ: how often the damping had to be raised
    bool fellBackToRtn = false; // GPTQ: H stayed singular; the layer was rounded to nearest
    // GPTQ: λmax / λmin of the damped H it factored (dead diagonals set to 1, dampingUsed × mean
    // diag added), as GptqQuantizer::conditionEstimate estimates it; 0 when not computed.
    double conditionEstimate = 0.0;
    QString details; // what the quantizer chose, for people ("scale ratio 0.45"); translated
    QString warning; // what was not as asked, and why (translated); empty when all went to plan
    double seconds = 0.0;

    // `weight`, or when it was dropped to save memory, tensor.dequantize().
    std::vector<float> dequantizedWeight() const;
    // The weight in the original input space: the dequantized weight / inputScale column-wise.
    std::vector<float> weightInOriginalSpace() const;
    // The input as the quantized layer sees it, in place: divided by inputScale, then rounded per
    // token to int8 with quantizedActivations. x: [rows, in] in the original input space.
    void prepareInput(RowMatrix& x) const;
    // The layer's output [rows, out] for original-space input rows x [rows, in] (no bias), the
    // product on `backend`.
    RowMatrix forward(const RowMatrix& x,
                      const ComputeBackend& backend = *ComputeBackend::cpu()) const;
};

} // namespace qb
