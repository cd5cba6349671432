#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>

#include <map>
#include <memory>

namespace qb {

class LoadedModel;

namespace detail {
// Holds the map PlanWeightHooks fills, constructed before the QuantizedLayerHooks base that
// borrows it.
struct PlanLayerStore {
    std::map<QString, QuantizedLayer> layers;
};
} // namespace detail

// A forward pass of the model as a plan that needs no calibration (round to nearest, plain W8A8,
// keep) quantizes it, without storing the quantized model: a block's layers are quantized when
// the pass reaches the block and dropped when it moves on, so only one block is in memory.
// Layers with non-finite weights keep the checkpoint's, as the pipeline does. Plans that need
// calibration go through QuantizationPipeline and QuantizedModelHooks instead.
//
// Not thread-safe: one forward pass at a time.
class PlanWeightHooks final : private detail::PlanLayerStore, public QuantizedLayerHooks {
    Q_DECLARE_TR_FUNCTIONS(PlanWeightHooks)

public:
    // Throws Error when a layer of the plan needs calibration (naming it). The layers are
    // quantized on `backend` (null: the CPU).
    PlanWeightHooks(std::shared_ptr<const LoadedModel> model, QuantPlan plan,
                    std::shared_ptr<const ComputeBackend> backend = nullptr);

private:
    void prepareBlock(int block) override;

    std::shared_ptr<const LoadedModel> m_model;
    QuantPlan m_plan;
    std::shared_ptr<const ComputeBackend> m_backend;
};

// The forward hooks of `model` as `plan` quantizes it: `run`'s quantized layers when there is a run
// (a plan that needs calibration must come with one), else PlanWeightHooks (which throws Error
// for such a plan). For evaluation and generation, in the GUI and the CLI.
std::unique_ptr<ForwardHooks> planForwardHooks(std::shared_ptr<const QuantizedModel> run,
                                               std::shared_ptr<const LoadedModel> model,
                                               const QuantPlan& plan,
                                               std::shared_ptr<const ComputeBackend> backend);

} // namespace qb
