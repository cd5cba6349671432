#pragma once

#include "core/export/model_card.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace qb {

class LoadedModel;
class Progress;

// The checkpoint formats QuantBench writes, and the one dispatch from a format to its exporter,
// shared by `quantbench-cli quantize --format` and File › Export….
enum class CheckpointFormat : std::uint8_t { Fake, Gptq, Awq, CompressedTensors, Gguf };

struct CheckpointExportOptions {
    CheckpointFormat format = CheckpointFormat::Fake;
    bool replaceExisting = false; // replace an existing output folder once the new one is complete
    bool gptqV1 = false;          // GPTQ: the v1 layout (zero points minus one; symmetric only)
    bool trueSequential = true;   // GPTQ: recorded in quantize_config.json
    ModelCardFacts card;          // the model card's measurements (perplexity before/after)
};

class CheckpointExport {
    Q_DECLARE_TR_FUNCTIONS(CheckpointExport)

public:
    // "fake", "gptq", "awq", "compressed-tensors", "gguf": the --format values, in this order.
    static QStringList formatKeys();
    static std::optional<CheckpointFormat> formatFromKey(const QString& key);
    static QString formatKey(CheckpointFormat format);
    // For people: "GPTQ (packed integer weights: transformers, vLLM, GPTQModel)".
    static QString describe(CheckpointFormat format);

    // Why `plan` cannot be written in the format, one line per layer (empty: it can). Checked
    // before a run, so that nothing is quantized for an export that would be refused.
    static QStringList problemsFor(const CheckpointExportOptions& options, const QuantPlan& plan,
                                   const LoadedModel& model);

    // Whether the format writes one file (GGUF: `out` is a .gguf path) rather than a folder.
    static bool writesSingleFile(CheckpointFormat format);

    // Writes `quantized` to outDir in the format (staged beside it, renamed when complete); for
    // GGUF outDir is the .gguf file, with its recipe, report and card beside it.
    // Returns what the checkpoint will not reproduce (the format's limitations). Throws Error,
    // Cancelled.
    static QStringList run(const CheckpointExportOptions& options, const QuantizedModel& quantized,
                           const QString& outDir, Progress& progress);
};

} // namespace qb
