#pragma once

#include "core/calib/calibration_set.h"
#include "core/calib/input_stats.h"

#include <QCoreApplication>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace qb {

class ForwardHooks;
class LoadedModel;
class Progress;

// The statistics of one block's input sites, by input group.
struct BlockStats {
    int block = -1;
    std::map<int, InputStats> sites;
};

struct CaptureSummary {
    int windows = 0;
    std::int64_t tokens = 0;
    double seconds = 0.0;
    double tokensPerSecond() const { return seconds > 0.0 ? double(tokens) / seconds : 0.0; }
};

// Calibration capture, block by block (layer-sequential, as GPTQ does it): the calibration windows
// are embedded once; then for each block in order, the block runs over every window while its
// input sites are recorded, and the visitor receives the statistics. Only one block's activations
// (the residual stream of all windows, plus its copy) are alive at a time.
//
// The visitor may return hooks (for instance the block's weights, quantized from these very
// statistics): the block is then run again from the same inputs with those hooks, and its outputs
// — not the full-precision ones — feed the next block, so each block is calibrated on the inputs
// the quantized model will really give it.
class LayerSequentialCapture {
    Q_DECLARE_TR_FUNCTIONS(LayerSequentialCapture)

public:
    // Returns hooks to re-run the block with, or nullptr to keep its full-precision outputs.
    // The hooks must live until the visitor is called for the next block.
    using BlockVisitor = std::function<ForwardHooks*(BlockStats& stats)>;

    // Runs every block (throws Cancelled when cancelled, Error when a window does not fit the
    // model). maxBatchTokens bounds the activations of one block run (0: a default budget).
    static CaptureSummary run(const std::shared_ptr<const LoadedModel>& model,
                              const std::vector<std::vector<int>>& windows,
                              const CalibrationOptions& options, const BlockVisitor& visitor,
                              Progress& progress, std::int64_t maxBatchTokens = 0);
};

} // namespace qb
