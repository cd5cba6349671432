#pragma once

#include "core/export/model_card.h"
#include "core/io/dtype.h"
#include "core/io/safetensors_writer.h"
#include "core/model/layer_inventory.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <span>
#include <utility>
#include <vector>

namespace qb {

class Progress;

// What the exporters of packed integer checkpoints (GptqExporter, AwqExporter,
// CompressedTensorsExporter) share: folding the run's input scales into the model, writing the
// folder (shards, index, config.json, companions, recipe and report, staged), and the facts about
// a run's or a plan's layers that decide what a format can hold.
class PackedExport {
    Q_DECLARE_TR_FUNCTIONS(PackedExport)

public:
    // Where the input scales s of a run (AWQ, SmoothQuant, smoothing) go, since packed kernels
    // multiply the unscaled input: folded into the operation before the layer's input site — a
    // norm's weight divided by s elementwise, or a preceding linear's output rows (its scales when
    // it is quantized, else its weight rows, and its bias) divided by s; under grouped-query
    // attention (o_proj after v_proj, FoldTarget::sharedBy) each v_proj row by the one tied s of
    // the query-head channels reading it. The model then computes what the run's model computes.
    struct Folds {
        // Quantized layer -> [N]: each output row's scales are divided by it before rounding.
        std::map<QString, std::vector<float>> outputDivisor;
        // Tensor name -> divisor along its dimension 0 (norm channel or output row).
        std::map<QString, std::vector<float>> tensorDivisor;

        // The divisor of quantized layer `layer`'s output rows, or empty.
        std::span<const float> outputDivisorOf(const QString& layer) const;
    };
    // The folds of `quantized`. `formatName` ("GPTQ") names the format in messages. Throws Error
    // when layers reading the same input have different scales (one fold cannot serve both), a
    // scale has nothing before it to fold into, or a scale over grouped-query heads is not tied.
    static Folds planFolds(const QuantizedModel& quantized, const QString& formatName);

    using TensorSink = std::function<void(std::span<const std::byte>)>;
    // What a format stores for a quantized layer and in config.json.
    struct Format {
        QString metadataTag; // safetensors __metadata__ "quantization": "gptq_v2", "awq", …
        // The tensors that replace quantized layer `layer`'s weight, in the order written.
        std::function<std::vector<TensorHeader>(const LinearLayer& layer,
                                                const QuantizedTensor& tensor)>
            tensorsOf;
        // Writes those tensors' bytes, in that order, through `sink`. `outputDivisor`: empty or
        // [N] (Folds::outputDivisor).
        std::function<void(const LinearLayer& layer, const QuantizedTensor& tensor,
                           std::span<const float> outputDivisor, const TensorSink& sink)>
            writeTensors;
        QJsonObject quantizationConfig; // config.json's quantization_config
        // Further JSON files written beside config.json (file name, contents), e.g. GPTQ's
        // quantize_config.json; an input file of the same name is not copied.
        std::vector<std::pair<QString, QJsonObject>> extraJsonFiles;
        QString displayName; // "GPTQ", for the model card
        ModelCardFacts card; // the model card's measurements
    };

    // Writes `quantized` to outDir in `format`: every shard of the input under its own name, with
    // each quantized layer's weight replaced by the format's tensors, folded tensors divided (in
    // float32, stored back in their dtype), everything else byte for byte; a new shard index;
    // config.json with `quantization_config`; the companion files, recipe and report (with
    // `limitations`). Staged beside outDir and renamed into place when complete; the input folder
    // is never written. Throws Error when the output cannot be written, Cancelled when cancelled
    // (nothing is left behind).
    static void write(const QuantizedModel& quantized, const QString& outDir, bool replaceExisting,
                      const Folds& folds, const Format& format, const QStringList& limitations,
                      Progress& progress);

    // Bytes of `values` (a vector or array) as written to a tensor: as they are in memory, which
    // is little-endian.
    template <typename Values> static std::span<const std::byte> bytesOf(const Values& values)
    {
        return std::as_bytes(std::span(values));
    }

    // ---- facts about layers -----------------------------------------------------------------

    // A layer a plan quantizes, with the weight grid the plan gives it.
    struct PlannedLayer {
        const LinearLayer* layer = nullptr;
        LayerQuantConfig config;
        QuantScheme weightScheme; // plannedWeightScheme(config)
    };
    // The layers of `inventory` that `plan` quantizes (any method but none), in model order.
    static std::vector<PlannedLayer> plannedLayers(const QuantPlan& plan,
                                                   const LayerInventory& inventory);

    // A block layer's name on either side of ".<block>.": {"model.layers", "mlp.down_proj"} for
    // model.layers.3.mlp.down_proj. For layers of a block only (block >= 0).
    struct BlockNameParts {
        QString prefix;
        QString suffix;
    };
    static BlockNameParts blockNameParts(const LinearLayer& layer);

    // The name of the fused layer vLLM builds from a Llama block's shards (q/k/v: "qkv_proj",
    // gate/up: "gate_up_proj"), or empty for roles it does not fuse.
    static QString fusedName(LayerRole role);
    // The blocks' fused families (q/k/v; gate/up) whose members a format stores differently:
    // "model.layers.0.self_attn" for each, in model order. `storageOf` describes how a layer is
    // stored (equal strings: stored alike). vLLM refuses such checkpoints.
    static QStringList
    fusedFamiliesThatDiffer(const QuantizedModel& quantized,
                            const std::function<QString(const LinearLayer&)>& storageOf);
    // Layers whose input activations the run rounds to int8 (W8A8, SmoothQuant): formats that
    // store only weights (packed or fake-quant) do not hold that rounding.
    static int activationRoundingLayers(const QuantizedModel& quantized);
    // Whether every zero point of `tensor` is 2^(bits−1) on a symmetric scheme: what symmetric
    // kernels assume without reading zero points.
    static bool hasSymmetricGrid(const QuantizedTensor& tensor);
    // Whether `tensor` has GPTQ act-order groups: a group index that is not column / group width.
    static bool hasActOrderGroups(const QuantizedTensor& tensor);
    // group_size as the formats write it: the group width, or -1 for per-channel and per-tensor
    // grids (one group of all K inputs per row).
    static int groupSizeOf(const QuantScheme& scheme);
    // Whether `zero` is a whole code from 0 to 2^bits − 1: what the formats store zero points as.
    static bool isCode(float zero, int bits);
    // Whether every code of `tensor` is below 2^bits.
    static bool codesFit(const QuantizedTensor& tensor, int bits);
    // The scale stored for output row `row`: `scale` divided by the row's fold divisor
    // (Folds::outputDivisor, empty or [N]) when there is one.
    static float dividedScale(float scale, std::span<const float> outputDivisor, std::int64_t row)
    {
        return outputDivisor.empty() ? scale : scale / outputDivisor[static_cast<std::size_t>(row)];
    }
    // Calls check(p, scale) for every grid parameter p of `tensor`, row by row, with the scale
    // stored for it (dividedScale()): what an exporter checks before it writes anything.
    template <typename Check>
    static void forEachGridParam(const QuantizedTensor& tensor,
                                 std::span<const float> outputDivisor, Check&& check)
    {
        for (std::int64_t n = 0; n < tensor.rows; ++n) {
            for (std::int64_t g = 0; g < tensor.groupsPerRow; ++g) {
                const GridParams& p =
                    tensor.params[static_cast<std::size_t>(n * tensor.groupsPerRow + g)];
                check(p, dividedScale(p.scale, outputDivisor, n));
            }
        }
    }
    // What checkGrid() says, in an exporter's own words (its tr() context).
    struct GridMessages {
        std::function<QString(float zero)> zeroNotCode;
        std::function<QString(float scale)> scaleOverflows;
        // Optional: why the format refuses a zero point that is a code, or empty.
        std::function<QString(float zero)> zeroRefused;
        // Empty: the codes are not checked here.
        QString codeTooWide;
    };
    // Checks the grid of `tensor` before anything is written, for a format that stores `bits`-bit
    // zero points and each scale (dividedScale()) as `scaleType`: throws Error with `messages`
    // for the first grid parameter whose zero point is not a code (or is refused) or whose scale
    // overflows, then for a code of `bits` bits or more.
    static void checkGrid(const QuantizedTensor& tensor, int bits, DType scaleType,
                          std::span<const float> outputDivisor, const GridMessages& messages);
    // The weight grid a plan gives a layer (SmoothQuant and W8A8: int8 per-channel symmetric).
    static QuantScheme plannedWeightScheme(const LayerQuantConfig& config);
    // Whether a plan gives a layer act-order groups (GPTQ act-order without static groups, on
    // groups).
    static bool plannedActOrderGroups(const LayerQuantConfig& config);
    // `value` as a float of `dtype` (F16, BF16, F32 or F64) holds it: rounded to nearest even.
    static float roundedTo(DType dtype, float value);
    // `problems` (one per layer) for one Error message: the first `shown`, then "… and N more
    // layer(s)".
    static QString summarize(const QStringList& problems, int shown = 3);
};

} // namespace qb
