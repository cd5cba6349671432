#pragma once

#include "core/calib/input_stats.h"
#include "core/model/forward_hooks.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quant_report.h"
#include "core/quant/quantized_layer.h"

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>

namespace qb {

class LayerInventory;
class LoadedModel;

// A model quantized by a plan: every quantized layer (codes, grid, input scale) and the report.
// Built once by QuantizationPipeline and then only read, by evaluation, the views and the
// exporters, so it is shared as std::shared_ptr<const QuantizedModel>.
struct QuantizedModel {
    std::shared_ptr<const LoadedModel> model;
    // Every layer of the model, in model order. When the run was cancelled (report.complete is
    // false) the layers it finished are here and usable; the others have LayerStatus::NotRun.
    QuantReport report;
    // The quantized layers by name. Their `weight` is left empty to keep the model small (one
    // byte per weight for the codes): QuantizedLayer::dequantizedWeight() rebuilds it.
    std::map<QString, QuantizedLayer> layers;
    // Per-channel statistics of every input site the run calibrated (by input group; O(in)
    // each, never X^T X), over the fitting windows, as that site saw its inputs in the run (with
    // true-sequential, after the earlier layers were quantized). Sites calibrated for nothing
    // (plain RTN, kept layers) are absent.
    std::map<int, InputChannelStats> inputChannels;
    QDateTime finished; // when the run ended (local time)

    const QuantizedLayer* find(const QString& layerName) const;
};

// A forward pass as quantized layers compute it: each quantized linear gets its dequantized
// weight, and the input of its input site is divided by the input scale (AWQ, SmoothQuant,
// smoothing; the division stands for the scale folded into the operation before the site) and
// rounded per token to int8 (W8A8, SmoothQuant). Layers not in the map keep the checkpoint's
// weights. A plan gives every layer of an input site the same input treatment
// (QuantPlan::problemsFor), so the site's first quantized layer decides it.
//
// Dequantized weights are made when a block first asks for them and dropped when the pass moves
// to another block. Not thread-safe: one forward pass at a time.
class QuantizedLayerHooks : public ForwardHooks {
public:
    // `layers` is borrowed and may grow between block runs (the pipeline adds each stage's).
    QuantizedLayerHooks(const LayerInventory& inventory,
                        const std::map<QString, QuantizedLayer>& layers);

    void onInput(int inputGroup, RowMatrix& input) override;
    const float* weightFor(const LinearLayer& layer) override;
    // The layer's codes when it is kept as codes only (as runs keep their layers), so that a
    // generation step reads them instead of dequantizing the block.
    const QuantizedTensor* codesFor(const LinearLayer& layer) override;

protected:
    // Called before a block's layers are looked up: lets a subclass fill the map on demand.
    virtual void prepareBlock(int block) { (void)block; }

private:
    const QuantizedLayer* firstQuantizedOf(int inputGroup) const;
    void enterBlock(int block);

    const LayerInventory& m_inventory;
    const std::map<QString, QuantizedLayer>& m_layers;
    int m_block = -2; // the block whose weights m_weights holds
    std::map<QString, std::vector<float>> m_weights;
};

// QuantizedLayerHooks over a finished QuantizedModel, which it keeps alive.
class QuantizedModelHooks final : public QuantizedLayerHooks {
public:
    explicit QuantizedModelHooks(std::shared_ptr<const QuantizedModel> model);

private:
    std::shared_ptr<const QuantizedModel> m_model;
};

} // namespace qb
