#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>

#include <map>
#include <memory>
#include <set>

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
// the pass reaches the block and dropped when it moves on, so only one block is in memory
// (Retention::OneBlock). Generation passes over every block once per token: with
// Retention::AllBlocks each block is quantized once and its codes kept (one byte per weight),
// the float weights made again as passes visit the block.
// Layers with non-finite weights keep the checkpoint's, as the pipeline does. Plans that need
// calibration go through QuantizationPipeline and QuantizedModelHooks instead.
//
// Not thread-safe: one forward pass at a time.
class PlanWeightHooks final : private detail::PlanLayerStore, public QuantizedLayerHooks {
    Q_DECLARE_TR_FUNCTIONS(PlanWeightHooks)

public:
    enum class Retention { OneBlock, AllBlocks };

    // Throws Error when a layer of the plan needs calibration (naming it). The layers are
    // quantized on `backend` (null: the CPU).
    PlanWeightHooks(std::shared_ptr<const LoadedModel> model, QuantPlan plan,
                    std::shared_ptr<const ComputeBackend> backend = nullptr,
                    Retention retention = Retention::OneBlock);

private:
    void prepareBlock(int block) override;

    std::shared_ptr<const LoadedModel> m_model;
    QuantPlan m_plan;
    std::shared_ptr<const ComputeBackend> m_backend;
    Retention m_retention;
    std::set<int> m_quantizedBlocks; // Retention::AllBlocks: the blocks whose codes are kept
};

// The forward hooks of `model` as `plan` quantizes it: `run`'s quantized layers when there is a run
// (a plan that needs calibration must come with one), else PlanWeightHooks with `retention`
// (which throws Error for such a plan). For evaluation (OneBlock) and generation (AllBlocks), in
// the GUI and the CLI.
std::unique_ptr<ForwardHooks>
planForwardHooks(std::shared_ptr<const QuantizedModel> run,
                 std::shared_ptr<const LoadedModel> model, const QuantPlan& plan,
                 std::shared_ptr<const ComputeBackend> backend,
                 PlanWeightHooks::Retention retention = PlanWeightHooks::Retention::OneBlock);

} // namespace qb
