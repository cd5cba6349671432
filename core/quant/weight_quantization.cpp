#include "core/quant/weight_quantization.h"

#include "core/metrics/weight_scan.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QElapsedTimer>

namespace qb {

LayerReport WeightQuantization::quantizeLayer(const LoadedModel& model, const LinearLayer& layer,
                                              const LayerQuantConfig& config,
                                              std::vector<float>* dequantized)
{
    QElapsedTimer timer;
    timer.start();
    LayerReport report;
    report.name = layer.name;
    report.role = layer.role;
    report.block = layer.block;
    report.outFeatures = layer.outFeatures;
    report.inFeatures = layer.inFeatures;
    report.dtype = layer.dtype;
    report.config = config;

    if (config.method == QuantMethod::None) {
        report.status = LayerStatus::Kept;
        if (dequantized)
            *dequantized = model.readWeight(layer);
        report.seconds = timer.nsecsElapsed() * 1e-9;
        return report;
    }
    const QString schemeError = config.scheme.validationError();
    if (!schemeError.isEmpty())
        throw Error(tr("%1: %2").arg(layer.name, schemeError));

    std::vector<float> weight = model.readWeight(layer);
    const NonFiniteTensor nonFinite =
        WeightScan::scanValues(layer.weightName, {layer.outFeatures, layer.inFeatures},
                               weight.data(), static_cast<std::int64_t>(weight.size()));
    if (nonFinite.firstIndex >= 0) {
        report.status = LayerStatus::Skipped;
        report.note = tr("not quantized: %1 NaN and %2 infinite weight(s), the first at %3")
                          .arg(nonFinite.nanCount)
                          .arg(nonFinite.infCount)
                          .arg(nonFinite.firstPosition);
        if (dequantized)
            *dequantized = std::move(weight);
        report.seconds = timer.nsecsElapsed() * 1e-9;
        return report;
    }

    const QuantizedTensor quantized =
        quantizeRtn(weight, layer.outFeatures, layer.inFeatures, config.scheme);
    std::vector<float> values = quantized.dequantize();
    report.metrics = measureWeightError(weight, values);
    report.status = LayerStatus::Quantized;
    if (dequantized)
        *dequantized = std::move(values);
    report.seconds = timer.nsecsElapsed() * 1e-9;
    return report;
}

QuantReport WeightQuantization::run(const LoadedModel& model, const QuantPlan& plan,
                                    const QStringList& layerNames, Progress& progress)
{
    const LayerInventory& inventory = model.inventory();
    const QStringList problems = plan.problemsFor(inventory);
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));

    std::vector<const LinearLayer*> chosen;
    if (layerNames.isEmpty()) {
        for (const LinearLayer& layer : inventory.layers())
            chosen.push_back(&layer);
    } else {
        for (const QString& name : layerNames) {
            const LinearLayer* layer = inventory.find(name);
            if (!layer)
                throw Error(tr("the model has no linear layer named \"%1\"").arg(name));
            chosen.push_back(layer);
        }
    }

    QElapsedTimer timer;
    timer.start();
    QuantReport report;
    report.modelDirectory = model.directory();
    report.plan = plan;
    double totalWork = 0;
    for (const LinearLayer* layer : chosen)
        totalWork += static_cast<double>(layer->parameterCount());
    double doneWork = 0;
    for (const LinearLayer* layer : chosen) {
        progress.throwIfCancelled();
        progress.report(doneWork / std::max(totalWork, 1.0), tr("Quantizing %1").arg(layer->name));
        report.layers.push_back(quantizeLayer(model, *layer, plan.resolve(layer->name)));
        doneWork += static_cast<double>(layer->parameterCount());
    }
    progress.report(1.0, tr("Quantized %n layer(s)", nullptr, static_cast<int>(chosen.size())));
    report.seconds = timer.nsecsElapsed() * 1e-9;
    return report;
}

} // namespace qb
