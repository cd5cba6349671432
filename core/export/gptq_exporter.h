#pragma once

#include "core/export/model_card.h"
#include "core/io/gptq_checkpoint.h"
#include "core/io/gptq_format.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <span>
#include <vector>

namespace qb {

class Progress;

// Writes a QuantizedModel as a GPTQ checkpoint folder that transformers, vLLM and GPTQModel load
// (the format: core/io/gptq_format.h). Per quantized layer M the codes and grid of the run are
// packed as they are — no requantization: M.qweight, M.qzeros, M.scales (float16), M.g_idx, and
// M.bias when the layer has one. Everything else (embeddings, norms, unquantized layers as
// M.weight) keeps its source dtype; the source's shard layout is kept (model.safetensors, or the
// same shard files with a new index).
//
// What the export computes is exactly scales16 * (q - zero) with scales16 = the run's float32
// scale rounded to float16 (the format's type): the same codes and zero points, and weights that
// differ from the run's only by that rounding of the scale (of scale / s for a layer whose
// outputs absorb the next layer's input scale s, see below).
//
// Mapping of the run onto the format:
//   - per-channel schemes are one group of K (group_size -1); a per-tensor scheme is written as
//     per-channel with its one scale and zero for every output, which is exact;
//   - GPTQ act-order groups (QuantizedTensor::groupIndex) become g_idx with desc_act true; other
//     layers get g_idx = k / group_size and desc_act false (act-order with static groups too);
//   - an input scale s (AWQ, SmoothQuant, smoothing) is folded into the operation before the
//     layer's input site, since GPTQ kernels multiply the unscaled input: a norm's weight is
//     divided by s elementwise, a preceding linear's output rows (its scales when it is quantized,
//     else its weight rows, and its bias) are divided by s;
//   - W8A8 / SmoothQuant weights are 8-bit per-channel symmetric (zero 128), which GPTQ holds
//     exactly; their int8 activation rounding is not held (see limitations());
//   - layers the run did not quantize stay M.weight and get a "-:" rule in `dynamic`.
// config.json is copied with `quantization_config` added and quantize_config.json is written
// beside it: the top-level fields are the most common setting among the quantized layers and
// `dynamic` holds the fewest rules, matching no module twice (so dict order does not matter and
// vLLM and GPTQModel agree), that give every other layer its setting — one rule per role across
// the blocks where that is fewer than one per layer; the roles vLLM fuses (q/k/v, gate/up) share
// a rule that also names the fused layer (qkv_proj, gate_up_proj) when they agree in every
// block, since vLLM matches those names. The rules are checked against every layer before
// anything is written. The recipe and report are written as
// FakeQuantExporter writes them, and the tokenizer and other companion files are copied.
//
// The output is staged in a temporary folder beside `outDir` and renamed into place when complete;
// the input folder is never written.
class GptqExporter {
    Q_DECLARE_TR_FUNCTIONS(GptqExporter)

public:
    static constexpr const char* kQuantizeConfigFileName = GptqCheckpoint::kQuantizeConfigFileName;

    struct Options {
        bool replaceExisting = false; // replace an existing outDir (the CLI's --force)
        ModelCardFacts card;          // what README.md says beyond the run (perplexities)
        // V2 (zeros as they are) by default; V1 (zero − 1) only when every quantized layer is
        // symmetric, otherwise run() refuses.
        GptqFormat format = GptqFormat::V2;
        // Recorded as true_sequential in the config (PipelineOptions::trueSequential of the run).
        bool trueSequential = true;
    };

    // One layer in the format's layout (shapes in the header comment of gptq_format.h).
    struct PackedLayer {
        std::int64_t groups = 0;            // G
        std::vector<std::uint32_t> qweight; // [K * bits / 32, N]
        std::vector<std::uint32_t> qzeros;  // [G, N * bits / 32], v1: zero − 1
        std::vector<std::uint16_t> scales;  // [G, N] float16 bits
        std::vector<std::int32_t> gIdx;     // [K]
    };

    // Packs one quantized tensor [N, K]. `outputDivisor` (empty, or [N]) divides each output
    // row's scales before they are rounded to float16 (a fold of the next layer's input scale).
    // `name` names the layer in messages. Throws Error when the bits are not 2/3/4/8, K or N does
    // not fill whole words, a zero point is not a code, or a scale overflows float16.
    static PackedLayer pack(const QuantizedTensor& tensor, GptqFormat format, const QString& name,
                            std::span<const float> outputDivisor = {});

    // Writes `quantized` (a QuantizationPipeline result) to outDir. Everything that can be checked
    // is checked before the output folder is created: every quantized layer must be packable
    // (bits, shapes), v1 needs symmetric layers, input scales must fold. Throws Error naming the
    // layer otherwise or when the output cannot be written, Cancelled when cancelled (nothing is
    // left behind). Returns the limitations() written into the report.
    static QStringList run(const QuantizedModel& quantized, const QString& outDir,
                           const Options& options, Progress& progress);

    // What would stop run() for a result of `plan` on `inventory`, found from the plan alone so
    // that a caller can refuse before a long quantization run: bits GPTQ cannot pack, layer shapes
    // that do not fill whole words, asymmetric layers for v1. Empty when none.
    static QStringList problemsFor(const QuantPlan& plan, const LayerInventory& inventory,
                                   const Options& options);

    // What a GPTQ checkpoint of `quantized` will not reproduce, or where a runtime will refuse it,
    // for people (empty: nothing).
    static QStringList limitations(const QuantizedModel& quantized);

private:
    struct Plan;
    // Why a layer [rows, cols] of `bits` cannot be packed, or empty.
    static QString packingProblem(const QString& name, std::int64_t rows, std::int64_t cols,
                                  int bits);
    static QString v1Problem(const QString& name);
    // Everything run() decides before writing: the modules and their settings, the folds, the
    // config (with its self-checked `dynamic`). Throws Error as run() documents.
    static Plan makePlan(const QuantizedModel& quantized, const Options& options);
    // Checks the grid of `tensor` for pack(): zero points that are codes, scales (÷ the divisor)
    // that fit float16.
    static void checkGrid(const QuantizedTensor& tensor, GptqFormat format, const QString& name,
                          std::span<const float> outputDivisor);
};

} // namespace qb
