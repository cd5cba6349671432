#include "core/quant/plan_weight_hooks.h"

#include "core/model/loaded_model.h"
#include "core/quant/layer_quantizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"

namespace qb {

PlanWeightHooks::PlanWeightHooks(std::shared_ptr<const LoadedModel> model, QuantPlan plan,
                                 std::shared_ptr<const ComputeBackend> backend)
    : QuantizedLayerHooks(model->inventory(), layers)
    , m_model(std::move(model))
    , m_plan(std::move(plan))
    , m_backend(backend ? std::move(backend) : ComputeBackend::cpu())
{
    if (const LinearLayer* layer = m_plan.firstLayerNeedingCalibration(m_model->inventory()))
        throw Error(tr("%1: %2 needs calibration data")
                        .arg(layer->name, m_plan.resolve(layer->name).describe()));
}

void PlanWeightHooks::prepareBlock(int block)
{
    layers.clear();
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
        layers.emplace(layer.name, LayerQuantizer::quantize(layer, config, weight, LayerInputs{},
                                                            *m_backend, progress));
    }
}

std::unique_ptr<ForwardHooks> planForwardHooks(std::shared_ptr<const QuantizedModel> run,
                                               std::shared_ptr<const LoadedModel> model,
                                               const QuantPlan& plan,
                                               std::shared_ptr<const ComputeBackend> backend)
{
    if (run)
        return std::make_unique<QuantizedModelHooks>(std::move(run));
    return std::make_unique<PlanWeightHooks>(std::move(model), plan, std::move(backend));
}

} // namespace qb
