#pragma once

#include "core/export/model_card.h"
#include "core/io/compressed_tensors_format.h"
#include "core/io/dtype.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace qb {

class LayerInventory;
class Progress;

// Writes a QuantizedModel as a compressed-tensors checkpoint folder, the format llm-compressor
// writes and vLLM and transformers load (the formats: core/io/compressed_tensors_format.h). No
// layer is requantized: the run's codes and grid are stored as they are. Weight-only layers are
// "pack-quantized": per layer M, M.weight_packed, M.weight_scale (in the layer's weight dtype, as
// compressed-tensors keeps scales), M.weight_shape, M.weight_zero_point for asymmetric layers,
// M.weight_g_idx for GPTQ act-order layers. Layers whose input activations the run rounds per
// token (W8A8, SmoothQuant) are "int-quantized", llm-compressor's W8A8 scheme: M.weight int8
// [N, K] (the code − 128) and M.weight_scale [N, 1], with `input_activations` dynamic per-token
// int8, so a runtime rounds the activations as the run did. M.bias is kept when the layer has
// one. Everything else keeps its source dtype and the source's shard layout (PackedExport).
//
// What the export computes is exactly scale * (q − zero) with scale = the run's float32 scale
// (÷ the folded input scale of the next layer, see GptqExporter) rounded to the scale dtype
// (float16, bfloat16 or float32: exact for a float32 model).
//
// Mapping of the run onto the format:
//   - pack-quantized layers of 4 and 8 bits only (vLLM's WNA16 kernels; other widths are
//     "naive-quantized", which vLLM does not serve): 2- and 3-bit layers are refused — GPTQ
//     holds them;
//   - groups (strategy "group", whose size must divide K) or per-channel ("channel"); a
//     per-tensor grid is written as per-channel with its one scale and zero for every output,
//     which is exact;
//   - symmetric layers (every zero point 2^(bits−1)) store no zero point; GPTQ act-order groups
//     become actorder "group" with weight_g_idx;
//   - one config group per distinct setting (format, bits, symmetry, grouping, act-order,
//     activations), "group_0", … in model order, whose targets are "re:" regexes matching
//     exactly its layers (one per set of blocks, "\d+" when every block's layer of that role is
//     in it) — checked, before anything is written, against every module of the model as
//     compressed-tensors and vLLM match them (Python re.match): each quantized layer matches its
//     own group only, nothing else matches;
//   - the top-level `format` is the groups' one format, or "mixed-precision" with a `format` in
//     each group when a plan mixes weight-only and W8A8 layers;
//   - layers the run did not quantize stay M.weight and are listed by name in `ignore` (vLLM
//     refuses a linear layer that no target and no ignore entry names);
//   - input scales are folded as GptqExporter folds them;
//   - a quantized lm_head is refused: vLLM loads compressed-tensors' lm_head unquantized only.
// config.json is copied with `quantization_config` {quant_method "compressed-tensors", format,
// quantization_status "compressed", config_groups, ignore}.
//
// The output is staged in a temporary folder beside `outDir` and renamed into place when complete;
// the input folder is never written.
class CompressedTensorsExporter {
    Q_DECLARE_TR_FUNCTIONS(CompressedTensorsExporter)

public:
    struct Options {
        bool replaceExisting = false; // replace an existing outDir (the CLI's --force)
        ModelCardFacts card;          // what README.md says beyond the run (perplexities)
    };

    // How a layer is stored: its config group's format, `weights` and `input_activations`.
    struct Scheme {
        // The storage formats written, as compressed-tensors names them.
        enum class Format : std::uint8_t {
            PackQuantized, // "pack-quantized": codes packed into int32 words, weights only
            IntQuantized,  // "int-quantized": int8 values, activations int8 per token
        };
        Format format = Format::PackQuantized;
        int bits = 4;
        bool symmetric = true; // no zero point stored
        int groupSize = -1;    // > 0: strategy "group"; -1: "channel"
        bool actOrder = false; // actorder "group": weight_g_idx stored

        // "pack-quantized" or "int-quantized".
        QString formatName() const;
        // The config group's `weights` object: num_bits, type, symmetric, group_size, strategy,
        // block_structure, dynamic, actorder.
        QJsonObject toJson() const;
        // The config group's `input_activations`: null, or for int-quantized dynamic per-token
        // symmetric int8 (what vLLM serves as W8A8 with dynamic token scales).
        QJsonValue inputActivationsJson() const;
        friend bool operator==(const Scheme&, const Scheme&) = default;
    };
    // "4-bit asymmetric, groups of 32, act-order" for messages.
    static QString describe(const Scheme& scheme);
    // The scheme `layer` is stored with: int-quantized when its activations are rounded (W8A8,
    // SmoothQuant), else pack-quantized.
    static Scheme schemeOf(const QuantizedLayer& layer);
    // The dtype of a layer's weight_scale: its weight dtype when that is F16, BF16, F32 or F64,
    // else F16 (what compressed-tensors does).
    static DType scaleDTypeFor(DType weightDType);

    // One layer in the format's layout.
    struct PackedLayer {
        Scheme scheme;
        std::int64_t groups = 0;                    // G (1 per channel)
        std::vector<std::uint32_t> weightPacked;    // [N, ceil(K / (32 / bits))]
        std::vector<std::byte> weightScale;         // [N, G] of the scale dtype
        std::array<std::int64_t, 2> weightShape{};  // [N, K]
        std::vector<std::uint32_t> weightZeroPoint; // [ceil(N / (32 / bits)), G], or empty
        std::vector<std::int32_t> gIdx;             // [K], or empty
    };

    // Packs one quantized tensor [N, K]. `outputDivisor` (empty, or [N]) divides each output
    // row's scales before they are rounded to `scaleDType`. `name` names the layer in messages.
    // Throws Error when the layer cannot be stored (see above), a zero point is not a code, or a
    // scale overflows the scale dtype.
    static PackedLayer pack(const QuantizedTensor& tensor, DType scaleDType, const QString& name,
                            std::span<const float> outputDivisor = {});

    // One int-quantized layer: M.weight int8 [N, K] (code − 128) and M.weight_scale [N, 1].
    struct Int8Layer {
        std::vector<std::int8_t> weight;    // [N, K]
        std::vector<std::byte> weightScale; // [N, 1] of the scale dtype
    };
    // Stores one W8A8 tensor [N, K] (8 bits, symmetric, per channel, every zero point 128) as
    // int8 values; `outputDivisor` as for pack(). Throws Error naming `name` when the tensor is
    // not such a grid or a scale overflows the scale dtype.
    static Int8Layer storeInt8(const QuantizedTensor& tensor, DType scaleDType, const QString& name,
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

    // What a compressed-tensors checkpoint of `quantized` will not reproduce, or where a runtime
    // will refuse it, for people (empty: nothing).
    static QStringList limitations(const QuantizedModel& quantized);

    // "re:" targets matching exactly the layers `modules` of `inventory` (Python re.match, anchored
    // at both ends by "$"): one per set of blocks, with "\d+" for a role whose every block is in
    // `modules`, alternatives for the roles sharing a set of blocks; exact patterns for layers
    // outside the blocks.
    static QStringList targetsFor(const QStringList& modules, const LayerInventory& inventory);

private:
    struct Plan;
    // The pack-quantized scheme of `tensor`'s grid.
    static Scheme weightSchemeOf(const QuantizedTensor& tensor);
    // Why a layer [N, K] of `bits` with `groupSize` (-1: per channel) cannot be stored, or empty.
    static QString layerProblem(const QString& name, std::int64_t outFeatures,
                                std::int64_t inFeatures, int bits, int groupSize, bool isLmHead);
    static void checkGrid(const QuantizedTensor& tensor, DType scaleDType, const QString& name,
                          std::span<const float> outputDivisor);
    static Plan makePlan(const QuantizedModel& quantized);
};

} // namespace qb
