#pragma once

#include "core/export/model_card.h"
#include "core/io/awq_checkpoint.h"
#include "core/io/awq_format.h"
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

// Writes a QuantizedModel as an AWQ GEMM checkpoint folder ("awq", version "gemm") that
// transformers (through AutoAWQ's WQLinear_GEMM) and vLLM load (the format: core/io/awq_format.h).
// Per quantized layer M the run's codes and grid are packed as they are — no requantization:
// M.qweight, M.qzeros, M.scales (float16), and M.bias when the layer has one. Everything else
// keeps its source dtype and the source's shard layout, as GptqExporter does (PackedExport).
//
// What the export computes is exactly scales16 * (q - zero): the run's codes and zero points,
// with its float32 scale (÷ the folded input scale of the next layer, see GptqExporter) rounded
// to float16.
//
// What AWQ GEMM can hold, and so what run() and problemsFor() refuse otherwise, naming the layers:
//   - 4-bit codes only (AutoAWQ and vLLM implement no other width): 2, 3 and 8-bit layers, W8A8
//     and SmoothQuant included, are refused — GPTQ holds them;
//   - one group_size for the whole model: groups of g inputs (g must divide every quantized
//     layer's K), or -1 for per-channel layers; a per-tensor grid is written as per-channel with
//     its one scale and zero for every output, which is exact;
//   - N a multiple of 8 (eight outputs per word);
//   - no act-order groups: the format has no group index;
//   - no quantized lm_head: transformers never converts lm_head and vLLM's AWQ serves it only in
//     some kernels.
// Symmetric layers are written with their zero point 2^(bits−1) = 8 (zero_point true), which is
// exact: w = s * (q − 8). Layers the run did not quantize stay M.weight and are listed in
// `modules_to_not_convert` (loaders match it by substring; checked against every quantized layer).
// Input scales are folded as GptqExporter folds them. config.json gets `quantization_config`
// {quant_method "awq", bits 4, group_size, zero_point true, version "gemm",
// modules_to_not_convert}; quant_config.json holds the same in AutoAWQ's own keys (w_bit,
// q_group_size, version "GEMM"), which AutoAWQ's and vLLM's older readers look for.
//
// The output is staged in a temporary folder beside `outDir` and renamed into place when complete;
// the input folder is never written.
class AwqExporter {
    Q_DECLARE_TR_FUNCTIONS(AwqExporter)

public:
    static constexpr const char* kQuantConfigFileName = AwqCheckpoint::kQuantConfigFileName;

    struct Options {
        bool replaceExisting = false; // replace an existing outDir (the CLI's --force)
        ModelCardFacts card;          // what README.md says beyond the run (perplexities)
    };

    // One layer in the format's layout.
    struct PackedLayer {
        std::int64_t groups = 0;            // G = K / group size
        std::vector<std::uint32_t> qweight; // [K, N / 8]
        std::vector<std::uint32_t> qzeros;  // [G, N / 8]
        std::vector<std::uint16_t> scales;  // [G, N] float16 bits
    };

    // Packs one quantized tensor [N, K]. `outputDivisor` (empty, or [N]) divides each output
    // row's scales before they are rounded to float16. `name` names the layer in messages. Throws
    // Error when the layer cannot be stored (see above), a zero point is not a code, or a scale
    // overflows float16.
    static PackedLayer pack(const QuantizedTensor& tensor, const QString& name,
                            std::span<const float> outputDivisor = {});

    // Writes `quantized` (a QuantizationPipeline result) to outDir. Everything is checked before
    // the output folder is created. Throws Error naming the layers otherwise or when the output
    // cannot be written, Cancelled when cancelled (nothing is left behind). Returns the
    // limitations() written into the report.
    static QStringList run(const QuantizedModel& quantized, const QString& outDir,
                           const Options& options, Progress& progress);

    // What would stop run() for a result of `plan` on `inventory`, found from the plan alone so
    // that a caller can refuse before a long quantization run. Empty when none.
    static QStringList problemsFor(const QuantPlan& plan, const LayerInventory& inventory);

    // What an AWQ checkpoint of `quantized` will not reproduce, or where a runtime will refuse it,
    // for people (empty: nothing).
    static QStringList limitations(const QuantizedModel& quantized);

private:
    struct Plan;
    // How a layer is stored, as problemsFor() and run() both see it.
    struct LayerShape {
        QString name;
        std::int64_t outFeatures = 0; // N
        std::int64_t inFeatures = 0;  // K
        int bits = 4;
        int groupSize = -1; // the config's group_size: g, or -1 for per-channel and per-tensor
        bool actOrder = false;
        bool isLmHead = false;
    };
    // Why one layer cannot be stored, or empty (the group size shared by the model is checked
    // apart, by groupSizeProblems()).
    static QString layerProblem(const LayerShape& layer);
    // The layers whose group size differs from the most common one, or none; `groupSize` gets
    // the most common (the config's group_size).
    static QStringList groupSizeProblems(const std::vector<LayerShape>& layers, int* groupSize);
    // "groups of 32", "per-channel (group_size -1)".
    static QString describeGroupSize(int groupSize);
    // Checks the grid of `tensor` for pack(): codes and zero points that are 4-bit codes, scales
    // (÷ the divisor) that fit float16.
    static void checkGrid(const QuantizedTensor& tensor, const QString& name,
                          std::span<const float> outputDivisor);
    static Plan makePlan(const QuantizedModel& quantized);
};

} // namespace qb
