#pragma once

#include "core/quant/quant_report.h"

#include <QCoreApplication>
#include <QString>

namespace qb {

class LoadedModel;
class Progress;

// Writes a "fake-quant" checkpoint: the same tensor names, shapes, dtypes and shard layout as the
// input, with each quantized linear's weight replaced by its dequantized values (stored in the
// source dtype), so any evaluator that loads the original model loads this one and sees the
// rounding. config.json, the tokenizer and the other small companion files are copied; the plan
// (quant_recipe.json) and the per-layer report (quant_report.json) are written beside them.
//
// The output is staged in a temporary folder beside `outDir` and renamed into place when complete;
// the input folder is never written.
class FakeQuantExporter {
    Q_DECLARE_TR_FUNCTIONS(FakeQuantExporter)

public:
    static constexpr const char* kReportFileName = "quant_report.json";
    static constexpr const char* kRecipeFileName = "quant_recipe.json";

    struct Options {
        bool replaceExisting = false; // replace an existing outDir (the CLI's --force)
    };

    static QuantReport run(const LoadedModel& model, const QuantPlan& plan, const QString& outDir,
                           const Options& options, Progress& progress);
};

} // namespace qb
