#pragma once

#include "core/quant/quant_plan.h"
#include "core/quant/quantized_layer.h"

#include <QCoreApplication>

#include <cstdint>
#include <optional>
#include <span>

namespace qb {

struct LinearLayer;
class Progress;

// The methods that quantize one layer on its own: RTN (with or without the clip search), GPTQ and
// plain W8A8, applied to weights that may already be scaled by a smoothing step. (AWQ and
// SmoothQuant decide one scale for all the layers reading an input; QuantizationPipeline runs
// them.) Shared by the pipeline and by evaluation of plans that need no calibration.
class LayerQuantizer {
    Q_DECLARE_TR_FUNCTIONS(LayerQuantizer)

public:
    // Whether a layer with this config can be quantized from its weights alone.
    static bool needsNoCalibration(const LayerQuantConfig& config);

    // Quantizes `weight` [layer.outFeatures, layer.inFeatures] as config.method says (Rtn, Gptq or
    // W8A8; precondition: one of those). inputs.xtx is required for GPTQ and the RTN clip search
    // (Error naming the layer otherwise). The result's name and config are set; inputScale is
    // left empty for the caller that scaled the weights to fill in. Throws Cancelled.
    static QuantizedLayer quantize(const LinearLayer& layer, const LayerQuantConfig& config,
                                   std::span<const float> weight, const LayerInputs& inputs,
                                   Progress& progress);

    // Why `weight` cannot be quantized (NaN or infinite values, with the first position), or
    // nothing when it can.
    static std::optional<QString> unquantizableReason(const LinearLayer& layer,
                                                      std::span<const float> weight);
};

} // namespace qb
