#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/awq_quantizer.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_layer.h"

#include <QCoreApplication>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace qb {

struct FoldTarget;
struct LinearLayer;
class Progress;

// The one dispatch from a layer's settings to the quantizer that implements them, shared by the
// pipeline, the single-layer command and the evaluation of plans that need no calibration:
// quantize() for the methods that quantize a layer on its own (RTN with or without the clip
// search, GPTQ, plain W8A8), quantizeSite() for the layers reading one input (AWQ and SmoothQuant
// decide one input scale for all of them). RTN's grid and GPTQ's column loop run on `backend`;
// the grid searches (clip search, AWQ, SmoothQuant's scales) are elementwise work on the CPU, and
// their losses run wherever the caller's AwqLoss runs them.
class LayerQuantizer {
    Q_DECLARE_TR_FUNCTIONS(LayerQuantizer)

public:
    // Quantizes `weight` [layer.outFeatures, layer.inFeatures] as config.method says (Rtn, Gptq or
    // W8A8; precondition: one of those). inputs.xtx is required for GPTQ and the RTN clip search
    // (Error naming the layer otherwise). The result's name and config are set; inputScale is
    // left empty for the caller that scaled the weights to fill in. Throws Cancelled.
    static QuantizedLayer quantize(const LinearLayer& layer, const LayerQuantConfig& config,
                                   std::span<const float> weight, const LayerInputs& inputs,
                                   const ComputeBackend& backend, Progress& progress);

    // One layer of an input site and its full-precision weight [out, in] (borrowed).
    struct SiteLayer {
        const LinearLayer* layer = nullptr;
        LayerQuantConfig config;
        std::span<const float> weight;
    };

    // Which input scales the operation before a site can absorb (from its FoldTarget).
    struct InputScaling {
        bool allowed = true; // false: nothing before the site can absorb a scale
        // [in] or empty: channels with equal tie[c] may only be scaled alike (o_proj under
        // grouped-query attention: FoldTarget::sourceChannel). Only AWQ ties its scales.
        std::vector<std::int64_t> tie;

        static InputScaling free() { return {}; }
        static InputScaling none() { return {false, {}}; }
        // What `target` absorbs for a site of `in` input channels. A tied target gives a tie for
        // AWQ when `awqTied` (LayerQuantConfig::tiedScales), and nothing otherwise.
        static InputScaling of(const FoldTarget& target, std::int64_t in, bool awqTied);
    };

    // Quantizes the layers reading one input, one result per layer in order. AWQ, SmoothQuant
    // and the `smooth` flag give all of them one input scale (they must agree on it, see
    // QuantPlan::problemsFor; no layer may be method None); the other methods go layer by layer.
    // `inputs` holds what the methods need: xtx (GPTQ, clip search), absMean and sample (AWQ),
    // absMax (smoothing). `awqLoss` judges AWQ's candidate weights (the layer's own output, or a
    // sublayer's). With `scaling.allowed` false — nothing before the layers can absorb an input
    // scale — the inputs stay unscaled, as the reference implementations leave them there: AWQ
    // only searches the clipping, SmoothQuant is plain W8A8, the `smooth` flag is ignored; the
    // results' details say so. With a tie, AWQ searches tied scales (AwqQuantizer::tiedAbsMean)
    // and smoothing is not offered one (it stays off, as without scaling). Throws Error (naming
    // the layer) for missing statistics, Cancelled.
    static std::vector<QuantizedLayer>
    quantizeSite(const std::vector<SiteLayer>& layers, const LayerInputs& inputs,
                 const AwqLoss& awqLoss, const InputScaling& scaling, const ComputeBackend& backend,
                 Progress& progress);

    // Why `weight` cannot be quantized (NaN or infinite values, with the first position), or
    // nothing when it can.
    static std::optional<QString> unquantizableReason(const LinearLayer& layer,
                                                      std::span<const float> weight);
};

} // namespace qb
