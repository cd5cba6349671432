#include "core/quant/plan_weight_hooks.h"

#include "core/model/loaded_model.h"
#include "core/quant/layer_quantizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"

namespace qb {

PlanWeightHooks::PlanWeightHooks(std::shared_ptr<const LoadedModel> model, QuantPlan plan,
                                 std::shared_ptr<const ComputeBackend> backend, Retention retention)
    : QuantizedLayerHooks(model->inventory(), layers)
    , m_model(std::move(model))
    , m_plan(std::move(plan))
    , m_backend(backend ? std::move(backend) : ComputeBackend::cpu())
    , m_retention(retention)
{
    if (const LinearLayer* layer = m_plan.firstLayerNeedingCalibration(m_model->inventory()))
        throw Error(tr("%1: %2 needs calibration data")
                        .arg(layer->name, m_plan.resolve(layer->name).describe()));
}

void PlanWeightHooks::prepareBlock(int block)
{
    if (m_retention == Retention::OneBlock)
        layers.clear();
    else if (!m_quantizedBlocks.insert(block).second)
        return;              // its codes are kept
    SilentProgress progress; // these methods take well under a second per layer
    for (const LinearLayer& layer : m_model->inventory().layers()) {
        if (layer.block != block)
            continue;
        const LayerQuantConfig config = m_plan.resolve(layer.name);
        if (config.method == QuantMethod::None)
            continue;
        const std::vector<float> weight = m_model->readWeight(layer);
        if (LayerQuantizer::unquantizableReason(layer, weight))
            continue; // the checkpoint's weight is used, as in the pipeline
        QuantizedLayer quantized =
            LayerQuantizer::quantize(layer, config, weight, LayerInputs{}, *m_backend, progress);
        if (m_retention == Retention::AllBlocks) {
            // Codes only, as a pipeline run keeps them: QuantizedLayerHooks dequantizes per visit.
            quantized.weight.clear();
            quantized.weight.shrink_to_fit();
        }
        layers.emplace(layer.name, std::move(quantized));
    }
}

std::unique_ptr<ForwardHooks> planForwardHooks(std::shared_ptr<const QuantizedModel> run,
                                               std::shared_ptr<const LoadedModel> model,
                                               const QuantPlan& plan,
                                               std::shared_ptr<const ComputeBackend> backend,
                                               PlanWeightHooks::Retention retention)
{
    if (run)
        return std::make_unique<QuantizedModelHooks>(std::move(run));
    return std::make_unique<PlanWeightHooks>(std::move(model), plan, std::move(backend), retention);
}

} // namespace qb
