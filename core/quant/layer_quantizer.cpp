#include "core/quant/layer_quantizer.h"

#include "core/metrics/weight_scan.h"
#include "core/model/layer_inventory.h"
#include "core/quant/gptq_quantizer.h"
#include "core/quant/rtn_clip_search.h"
#include "core/quant/smooth_quant.h"
#include "core/util/error.h"

#include <QElapsedTimer>

namespace qb {

bool LayerQuantizer::needsNoCalibration(const LayerQuantConfig& config)
{
    return config.method == QuantMethod::None || config.method == QuantMethod::W8A8
           || (config.method == QuantMethod::Rtn && !config.clipSearch && !config.smooth);
}

QuantizedLayer LayerQuantizer::quantize(const LinearLayer& layer, const LayerQuantConfig& config,
                                        std::span<const float> weight, const LayerInputs& inputs,
                                        Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    const std::int64_t rows = layer.outFeatures;
    const std::int64_t cols = layer.inFeatures;
    const bool needsGram = config.method == QuantMethod::Gptq
                           || (config.method == QuantMethod::Rtn && config.clipSearch);
    if (needsGram && (!inputs.xtx || inputs.xtx->rows() != cols))
        throw Error(tr("%1: %2 needs the calibration statistics of the layer's inputs")
                        .arg(layer.name, methodDisplayName(config.method)));

    QuantizedLayer result;
    switch (config.method) {
    case QuantMethod::Rtn:
        if (config.clipSearch) {
            result =
                RtnClipSearch::quantize(layer.name, weight, rows, cols, config, inputs, progress);
        } else {
            result.tensor = quantizeRtn(weight, rows, cols, config.scheme);
            result.weight = result.tensor.dequantize();
        }
        break;
    case QuantMethod::Gptq:
        result = GptqQuantizer::quantize(weight, rows, cols, *inputs.xtx, config);
        break;
    case QuantMethod::W8A8:
        result = w8a8Layer(LayerWeightView{layer.name, config, weight, rows, cols});
        break;
    case QuantMethod::None:
    case QuantMethod::Awq:
    case QuantMethod::SmoothQuant:
        Q_ASSERT_X(false, "LayerQuantizer::quantize", "not a single-layer method");
        throw Error(tr("%1: %2 is not quantized layer by layer")
                        .arg(layer.name, methodDisplayName(config.method)));
    }
    result.name = layer.name;
    result.config = config;
    result.seconds = timer.nsecsElapsed() * 1e-9;
    return result;
}

std::optional<QString> LayerQuantizer::unquantizableReason(const LinearLayer& layer,
                                                           std::span<const float> weight)
{
    const NonFiniteTensor nonFinite =
        WeightScan::scanValues(layer.weightName, {layer.outFeatures, layer.inFeatures},
                               weight.data(), static_cast<std::int64_t>(weight.size()));
    if (nonFinite.firstIndex < 0)
        return std::nullopt;
    return tr("not quantized: %1 NaN and %2 infinite weight(s), the first at %3")
        .arg(nonFinite.nanCount)
        .arg(nonFinite.infCount)
        .arg(nonFinite.firstPosition);
}

} // namespace qb
