#include "core/quant/layer_quantizer.h"

#include "core/metrics/weight_scan.h"
#include "core/model/layer_inventory.h"
#include "core/quant/gptq_quantizer.h"
#include "core/quant/rtn_clip_search.h"
#include "core/quant/smooth_quant.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QElapsedTimer>
#include <QLocale>

namespace qb {

QuantizedLayer LayerQuantizer::quantize(const LinearLayer& layer, const LayerQuantConfig& config,
                                        std::span<const float> weight, const LayerInputs& inputs,
                                        const ComputeBackend& backend, Progress& progress)
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
            result.tensor = backend.quantizeRtn(weight, rows, cols, config.scheme);
            result.weight = backend.dequantize(result.tensor);
        }
        break;
    case QuantMethod::Gptq:
        result = GptqQuantizer::quantize(weight, rows, cols, *inputs.xtx, config, backend);
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

LayerQuantizer::InputScaling LayerQuantizer::InputScaling::of(const FoldTarget& target,
                                                              std::int64_t in, bool awqTied)
{
    if (!target.takesAwqScale(awqTied))
        return none();
    if (target.foldsAnyScale())
        return free();
    InputScaling scaling;
    scaling.tie.resize(static_cast<std::size_t>(in));
    for (std::int64_t c = 0; c < in; ++c)
        scaling.tie[static_cast<std::size_t>(c)] = target.sourceChannel(c);
    return scaling;
}

std::vector<QuantizedLayer>
LayerQuantizer::quantizeSite(const std::vector<SiteLayer>& layers, const LayerInputs& inputs,
                             const AwqLoss& awqLoss, const InputScaling& scaling,
                             const ComputeBackend& backend, Progress& progress)
{
    std::vector<QuantizedLayer> results;
    if (layers.empty())
        return results;
    const LayerQuantConfig& lead = layers.front().config;
    const bool smoothing =
        lead.method == QuantMethod::SmoothQuant
        || ((lead.method == QuantMethod::Rtn || lead.method == QuantMethod::Gptq) && lead.smooth);
    // Smoothing's scales are not tied: a site that takes only tied scales is not smoothed.
    const bool scaleInputs =
        scaling.allowed && (lead.method == QuantMethod::Awq || scaling.tie.empty());
    if (lead.method == QuantMethod::Awq) {
        std::vector<AwqLayer> awqLayers;
        for (const SiteLayer& l : layers)
            awqLayers.push_back(AwqLayer{l.layer->name, l.weight.data(), l.layer->outFeatures,
                                         l.layer->inFeatures, l.config});
        Eigen::VectorXd tiedMean;
        LayerInputs tiedInputs = inputs;
        if (scaleInputs && !scaling.tie.empty() && inputs.absMean) {
            tiedMean = AwqQuantizer::tiedAbsMean(*inputs.absMean, scaling.tie);
            tiedInputs.absMean = &tiedMean;
        }
        results = AwqQuantizer::quantizeGroup(awqLayers, tiedInputs,
                                              scaleInputs ? awqLoss : AwqLoss{}, progress);
        if (scaleInputs && !scaling.tie.empty()) {
            for (QuantizedLayer& result : results)
                result.details += tr("; one scale per key/value head channel, shared by the "
                                     "query heads reading it");
        }
    } else if (smoothing && !scaleInputs) {
        // Nothing can absorb a smoothing scale: the reference smooths only the layers after a
        // norm and runs the others as they are.
        for (const SiteLayer& l : layers) {
            LayerQuantConfig config = l.config;
            if (config.method == QuantMethod::SmoothQuant)
                config.method = QuantMethod::W8A8;
            QuantizedLayer result = quantize(*l.layer, config, l.weight, inputs, backend, progress);
            result.details = tr("not smoothed: nothing before the layer can absorb a scale");
            results.push_back(std::move(result));
        }
    } else if (smoothing) {
        std::vector<LayerWeightView> views;
        for (const SiteLayer& l : layers)
            views.push_back(LayerWeightView{l.layer->name, l.config, l.weight, l.layer->outFeatures,
                                            l.layer->inFeatures});
        if (lead.method == QuantMethod::SmoothQuant) {
            results = smoothQuantGroup(views, inputs, lead.alpha);
        } else {
            // Smoothing, then a weight-only method on W · diag(s) with the inputs X / s.
            const std::vector<float> s = groupSmoothingScales(views, inputs, lead.alpha);
            Eigen::MatrixXd scaledXtx;
            LayerInputs scaledInputs = inputs;
            if (inputs.xtx) {
                scaledXtx = *inputs.xtx;
                rescaleXtxForInputScale(scaledXtx, s);
                scaledInputs.xtx = &scaledXtx;
            }
            for (const SiteLayer& l : layers) {
                std::vector<float> scaled(l.weight.begin(), l.weight.end());
                scaleWeightColumns(scaled, l.layer->outFeatures, l.layer->inFeatures, s);
                QuantizedLayer result =
                    quantize(*l.layer, l.config, scaled, scaledInputs, backend, progress);
                result.inputScale = s;
                result.details =
                    tr("smoothed with α = %1").arg(QLocale().toString(lead.alpha, 'g', 3));
                results.push_back(std::move(result));
            }
        }
    } else {
        for (const SiteLayer& l : layers) {
            results.push_back(quantize(*l.layer, l.config, l.weight, inputs, backend, progress));
            progress.throwIfCancelled();
        }
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        results[i].name = layers[i].layer->name;
        results[i].config = layers[i].config;
    }
    return results;
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
