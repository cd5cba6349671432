#pragma once

#include "core/export/model_card.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace qb {

class Progress;

// Writes a "fake-quant" checkpoint: the same tensor names, shapes, dtypes and shard layout as the
// input, with each quantized linear's weight replaced by its dequantized values in the original
// input space (Ŵ / s for the layers whose inputs AWQ or smoothing scales: the same function as the
// scale folded into the operation before them), stored in the source dtype, so any evaluator that
// loads the original model loads this one and sees the rounding. What the format cannot hold is
// said, not hidden: int8 activations (W8A8, SmoothQuant) are not applied by a loader of plain
// weights (see limitations()). config.json, the tokenizer and the other small companion files
// are copied; the plan (quant_recipe.json) and the per-layer report (quant_report.json) are
// written beside them.
//
// The output is staged in a temporary folder beside `outDir` and renamed into place when complete;
// the input folder is never written.
class FakeQuantExporter {
    Q_DECLARE_TR_FUNCTIONS(FakeQuantExporter)

public:
    struct Options {
        bool replaceExisting = false; // replace an existing outDir (the CLI's --force)
        ModelCardFacts card;          // what README.md says beyond the run (perplexities)
    };

    // Writes `quantized` (a QuantizationPipeline result) to outDir and returns the limitations()
    // written into its report. Throws Error when the output cannot be written, Cancelled when
    // cancelled (nothing is left behind).
    static QStringList run(const QuantizedModel& quantized, const QString& outDir,
                           const Options& options, Progress& progress);

    // What a fake-quant checkpoint of `quantized` will not reproduce, for people (empty: nothing).
    static QStringList limitations(const QuantizedModel& quantized);
};

} // namespace qb
