#pragma once

#include "core/model/forward_hooks.h"
#include "core/quant/quant_plan.h"

#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace qb {

class LoadedModel;

// A forward pass of the model as the plan quantizes it: each linear the plan quantizes gets its
// quantized-then-dequantized weight (layers kept in full precision, and layers the quantizer
// skips for non-finite weights, keep the checkpoint's). Weights are quantized when a block first
// asks for them and dropped when the pass moves to another block, so only one block's quantized
// weights are in memory.
//
// Not thread-safe: one forward pass at a time.
class PlanWeightHooks final : public ForwardHooks {
public:
    PlanWeightHooks(std::shared_ptr<const LoadedModel> model, QuantPlan plan);

    const float* weightFor(const LinearLayer& layer) override;

private:
    std::shared_ptr<const LoadedModel> m_model;
    QuantPlan m_plan;
    int m_block = -2; // the block whose weights m_weights holds
    std::map<QString, std::vector<float>> m_weights;
};

} // namespace qb
