#include "core/quant/plan_weight_hooks.h"

#include "core/model/loaded_model.h"
#include "core/quant/weight_quantization.h"

namespace qb {

PlanWeightHooks::PlanWeightHooks(std::shared_ptr<const LoadedModel> model, QuantPlan plan)
    : m_model(std::move(model))
    , m_plan(std::move(plan))
{
}

const float* PlanWeightHooks::weightFor(const LinearLayer& layer)
{
    if (layer.block != m_block) {
        m_weights.clear();
        m_block = layer.block;
    }
    const auto cached = m_weights.find(layer.name);
    if (cached != m_weights.end())
        return cached->second.empty() ? nullptr : cached->second.data();
    const LayerQuantConfig config = m_plan.resolve(layer.name);
    std::vector<float> values;
    if (config.method != QuantMethod::None) {
        const LayerReport report =
            WeightQuantization::quantizeLayer(*m_model, layer, config, &values);
        if (report.status != LayerStatus::Quantized)
            values.clear(); // skipped: the checkpoint's weight is used
    }
    // An empty entry remembers "use the checkpoint's" so the plan is not resolved again.
    auto& stored = m_weights[layer.name] = std::move(values);
    return stored.empty() ? nullptr : stored.data();
}

} // namespace qb
