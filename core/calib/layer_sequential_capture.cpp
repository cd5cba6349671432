#include "core/calib/layer_sequential_capture.h"

#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QElapsedTimer>

namespace qb {

CaptureSummary LayerSequentialCapture::run(const std::shared_ptr<const LoadedModel>& model,
                                           const std::vector<std::vector<int>>& windows,
                                           const CalibrationOptions& options,
                                           const BlockVisitor& visitor, Progress& progress,
                                           std::int64_t maxBatchTokens)
{
    QElapsedTimer timer;
    timer.start();
    if (windows.empty())
        throw Error(tr("there is no calibration window to run"));
    const TransformerRunner runner(model);
    if (maxBatchTokens <= 0)
        maxBatchTokens = runner.defaultBatchTokens();

    CaptureSummary summary;
    summary.windows = static_cast<int>(windows.size());
    progress.report(0.0, tr("Looking up the token embeddings of %n calibration window(s)", nullptr,
                            summary.windows));
    HiddenStates states = runner.embed(windows);
    summary.tokens = states.tokens();

    const int blocks = model->spec().numHiddenLayers;
    for (int b = 0; b < blocks; ++b) {
        progress.throwIfCancelled();
        progress.report(double(b) / blocks,
                        tr("Calibrating block %1 of %2").arg(b + 1).arg(blocks));
        InputStatsRecorder recorder(model->inventory(), b, options.sampleRows, options.seed);
        const RowMatrix inputs = states.values;
        runner.runBlock(b, states, &recorder, maxBatchTokens, &progress);
        BlockStats stats;
        stats.block = b;
        stats.sites = recorder.take();
        progress.throwIfCancelled();
        if (ForwardHooks* replacement = visitor(stats)) {
            // True-sequential: the next block sees what this block gives with the replacement.
            states.values = inputs;
            runner.runBlock(b, states, replacement, maxBatchTokens, &progress);
        }
    }
    summary.seconds = timer.nsecsElapsed() * 1e-9;
    progress.report(1.0);
    return summary;
}

} // namespace qb
