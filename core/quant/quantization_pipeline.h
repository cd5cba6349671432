#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace qb {

class LoadedModel;
class Progress;

struct PipelineOptions {
    // On (the default, GPTQ's "true sequential"): every input site is calibrated on the inputs
    // the model gives with everything before it quantized — the earlier blocks and the earlier
    // sites of its own block (q/k/v, then o_proj, then gate/up, then down_proj), so each block
    // runs once per site and once more to pass its quantized outputs on. Off: every site is
    // calibrated on the full-precision model's activations, one run per block (what llm-awq does).
    bool trueSequential = true;
    // Tokens per block run (bounds the activations; 0: a budget of about 256 MiB).
    std::int64_t maxBatchTokens = 0;
    // Quantize only these layers (empty: every layer). The others stay in full precision during
    // the run and are left out of the report: "what if only these were quantized".
    QStringList layers;
    // Where the products, X^T X, the grids and GPTQ's column loop run (null: the CPU). The
    // report names its device and, when it fell back to the CPU, why.
    std::shared_ptr<const ComputeBackend> backend;
};

// Quantizes a whole model as a plan says, block by block:
//   for each decoder block (then lm_head when it is not tied):
//     run the block over the calibration windows, recording the statistics of its input sites
//     (Σ x xᵀ where GPTQ, the clip search or AWQ's loss need it; mean and max |x|; a row sample);
//     quantize every input site's layers — AWQ and SmoothQuant jointly for the layers sharing the
//     input (one scale, folded into the operation before them), the others layer by layer;
//     measure each layer's output error on the held-out windows;
//     run the block with its quantized layers so that the next block sees their outputs.
// AWQ judges q/k/v by the attention output and gate/up by the MLP output, as the reference does
// for Llama (o_proj, down_proj and lm_head by their own output).
//
// Memory: the residual stream of the windows, one block's recorded inputs and statistics, and the
// quantized layers (one byte per weight, plus the grid).
class QuantizationPipeline {
    Q_DECLARE_TR_FUNCTIONS(QuantizationPipeline)

public:
    // `windows`: the calibration windows (CalibrationSet::build). The last
    // plan.calibration.holdoutFraction of them (at least one, when there are two or more) are
    // held out: the quantizers never see them, the output errors are measured on them. `windows`
    // may be empty when no layer needs calibration; the report then has no output errors.
    // Throws Error when the plan does not fit the model (QuantPlan::problemsFor), needs
    // calibration that `windows` do not give, or options.layers names an unknown layer. Cancelling
    // returns the layers finished so far, with report.complete false.
    static std::shared_ptr<const QuantizedModel> run(std::shared_ptr<const LoadedModel> model,
                                                     const QuantPlan& plan,
                                                     const std::vector<std::vector<int>>& windows,
                                                     const PipelineOptions& options,
                                                     Progress& progress);

    // How many of `windows` windows are held out for a hold-out fraction.
    static int heldOutWindowCount(int windows, double holdoutFraction);
};

} // namespace qb
