#pragma once

#include "core/quant/quant_report.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace qb {

class LoadedModel;
class Progress;

// Weight-only quantization of whole layers as a plan says (round-to-nearest for now). Used by the
// GUI's Quantize action, which wants the errors, and by the exporters, which want the weights.
class WeightQuantization {
    Q_DECLARE_TR_FUNCTIONS(WeightQuantization)

public:
    // Quantizes one layer as `config` says and measures its weight error. When `dequantized` is
    // given it receives the weights to store: the quantized values, or the originals for a layer
    // that is kept or skipped. A layer with non-finite weights is skipped with a note.
    static LayerReport quantizeLayer(const LoadedModel& model, const LinearLayer& layer,
                                     const LayerQuantConfig& config,
                                     std::vector<float>* dequantized = nullptr);

    // Runs the plan on the named layers (every layer when `layerNames` is empty) and returns the
    // report; keeps no weights. Throws Error for an unknown layer name or a plan that does not fit
    // the model, Cancelled when cancelled.
    static QuantReport run(const LoadedModel& model, const QuantPlan& plan,
                           const QStringList& layerNames, Progress& progress);
};

} // namespace qb
