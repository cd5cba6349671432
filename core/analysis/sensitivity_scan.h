#pragma once

#include "core/backend/compute_backend.h"
#include "core/calib/calibration_set.h"
#include "core/model/layer_inventory.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quant_report.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace qb {

class LayerInventory;
class LoadedModel;
class Progress;
class Tokenizer;

// What one measurement of a sensitivity scan quantizes (everything else stays in full precision).
enum class SensitivityUnitKind : std::uint8_t {
    Layer, // one linear layer
    Block, // every linear layer of one decoder block (lm_head, when separate, on its own)
    Role,  // one role (q_proj, …, down_proj) across every block (lm_head on its own)
};

QString sensitivityUnitKey(SensitivityUnitKind kind); // "layer", "block", "role"
std::optional<SensitivityUnitKind> sensitivityUnitFromKey(QStringView key);

struct SensitivityOptions {
    // The bit-widths to measure, each in [QuantScheme::kMinBits, kMaxBits]; measured in this
    // order (the scan sorts and deduplicates them).
    std::vector<int> bits{2, 3, 4, 8};
    // How a unit is quantized: method Rtn or Gptq (with its settings: grouping, symmetry, damping,
    // act-order, the RTN clip search); scheme.bits is replaced by each of `bits`. Smoothing is
    // refused (it would rescale the inputs of a whole input site).
    LayerQuantConfig quantization;
    // How the calibration windows handed to run() were made. Only recorded: in the result, and
    // by AutoBits in the recipe it writes, so that the recipe calibrates as the scan did.
    CalibrationOptions calibration;
    SensitivityUnitKind unit = SensitivityUnitKind::Layer;
    // The evaluation protocol of PerplexityEvaluator: tokens per window (0: the model's
    // max_position_embeddings) and between window starts (0: the context length).
    int contextLength = 0;
    int stride = 0;
    // Where the products, X^T X, the grids and GPTQ's column loop run (null: the CPU).
    std::shared_ptr<const ComputeBackend> backend;
};

// What the user asks a sensitivity scan for: the scan's options (bit-widths, grouping, method,
// unit; the owner fills in calibration, context and backend) and the evaluation text.
struct SensitivityScanRequest {
    SensitivityOptions options;
    QString evaluationText;
    int evaluationDocuments = 0; // the first N documents of the text; 0: all
};

// One measurement: the model with one unit quantized at `bits`, on the evaluation set.
struct SensitivityPoint {
    int bits = 0;
    double perplexity = 0.0;
    double deltaPerplexity = 0.0; // perplexity − the full-precision model's
    double kl = 0.0; // mean KL(P_fp ‖ P_quantized) of the next-token distributions, nats/token
};

// The layers quantized together in a measurement, and what was measured.
struct SensitivityUnitResult {
    QString name;       // a layer name, "model.layers.3" (a block) or a role ("q_proj", "lm_head")
    QStringList layers; // its layers, in model order
    // One per bit-width measured, in the order of SensitivityScanResult::bits; a cancelled scan
    // has fewer (or none) for the units it did not finish.
    std::vector<SensitivityPoint> points;

    const SensitivityPoint* find(int bits) const;
};

struct SensitivityLayer {
    QString name;
    LayerRole role = LayerRole::QProj;
    int block = -1; // -1: lm_head
    std::int64_t parameters = 0;
    int unit = -1; // index into SensitivityScanResult::units
    // Why the layer stayed in full precision in every measurement of its unit (non-finite
    // weights, as the pipeline skips them), or empty.
    QString note;
};

// The result of a sensitivity scan: an immutable snapshot handed from the worker to the views,
// written and read as JSON:
//   {"layers": [{"name", "role", "block", "parameters", "unit", "results": [{"bits",
//    "perplexity", "delta_perplexity", "kl"}, …]}, …],
//    "units": [{"name", "layers": [...], "results": [...]}, …]   (block and role scans only),
//    "uniform": [{"bits", "perplexity", "delta_perplexity", "kl"}, …]   (when measured),
//    "reference_perplexity", "bits", "group_size", "sym", "method", "unit", "complete",
//    "recipe" (the quantization settings and calibration options as a recipe), "evaluation",
//    "calibration", "model", "seconds", "backend"}
// Every linear layer of the model is listed, in model order, with the results of its unit.
struct SensitivityScanResult {
    Q_DECLARE_TR_FUNCTIONS(SensitivityScanResult)

public:
    QString modelDirectory;
    std::vector<int> bits; // ascending
    LayerQuantConfig quantization;
    CalibrationOptions calibration;
    SensitivityUnitKind unit = SensitivityUnitKind::Layer;
    std::vector<SensitivityLayer> layers; // every linear layer, in model order
    std::vector<SensitivityUnitResult> units;
    // The whole model at each width — every layer the scan quantizes, at once — measured the same
    // way, in the order of `bits`: what the units' figures add up to once they interact. Empty in
    // scans that did not record it (files written before it existed; a scan cancelled before the
    // last unit).
    std::vector<SensitivityPoint> uniform;
    double referencePerplexity = 0.0;
    // The evaluation set: documents, windows, tokens scored per measurement.
    int evaluationDocuments = 0;
    int evaluationWindows = 0;
    std::int64_t evaluationTokens = 0;
    int contextLength = 0;
    int stride = 0;
    // Calibration windows and their tokens (0 for RTN without the clip search: none needed).
    int calibrationWindows = 0;
    std::int64_t calibrationTokens = 0;
    bool complete = true; // false: cancelled; units have only the points finished
    double seconds = 0.0;
    ComputeUse compute; // where the products ran

    const SensitivityLayer* findLayer(const QString& name) const;
    // The measurement of the unit holding `layerName` at `bits`, or null.
    const SensitivityPoint* find(const QString& layerName, int bits) const;
    // The whole model's measurement at `bits`, or null.
    const SensitivityPoint* findUniform(int bits) const;

    // Why the scan does not fit `inventory` (a layer it lacks or the model lacks, a layer of
    // another size), one message per problem; empty when it fits.
    QStringList problemsFor(const LayerInventory& inventory) const;

    QJsonObject toJson() const;
    // `source` names the file in messages. Throws Error naming the field that is missing or
    // malformed, or a layer whose unit or results do not fit.
    static SensitivityScanResult fromJson(const QJsonObject& json, const QString& source);
    static SensitivityScanResult fromFile(const QString& path);
};

// How much a model's perplexity suffers when only part of it is quantized: for every unit (a
// layer, a block or a role across blocks) and every bit-width, the unit is quantized alone —
// everything else stays in full precision — and the model is scored on the evaluation documents
// by PerplexityEvaluator's protocol: perplexity, its change from the full-precision model and the
// mean KL divergence from the full-precision model's next-token distributions. A point equals
// PerplexityEvaluator::evaluate of the same single-unit plan (PlanWeightHooks for RTN; for GPTQ
// QuantizationPipeline with options.layers = the unit, trueSequential off, nothing held out),
// because it runs the same forward passes on the same batches and sums in the same order.
//
// What makes it fast:
//  - the full-precision model is scored once: its logits are kept (when they fit 256 MiB; else
//    the final hidden states, and the lm_head is run again per measurement);
//  - a measurement starts from the full-precision residual stream at its unit's first block (the
//    blocks before it are unchanged), kept as the scan advances through the blocks in order;
//  - GPTQ (and the RTN clip search) get X^T X of every input site from one full-precision pass
//    over the calibration windows, block by block, and quantize every layer at every bit-width
//    from it: the usual sensitivity protocol (each layer calibrated on full-precision activations)
//    instead of one pipeline run per measurement.
// Memory: the evaluation set's residual stream (twice, and once more per bit-width for the whole
// model's measurements) with the reference logits, the calibration windows' residual stream and
// one block's X^T X; the quantized layers of the units
// not yet measured — one block's for layer and block units, every layer at every bit-width (one
// byte per weight and width) for role units, which span all blocks.
class SensitivityScan {
    Q_DECLARE_TR_FUNCTIONS(SensitivityScan)

public:
    // The units of `kind` for `inventory`, in the order the scan measures them, each with its
    // layers in model order; results empty.
    static std::vector<SensitivityUnitResult> units(const LayerInventory& inventory,
                                                    SensitivityUnitKind kind);

    // Scans `model`. `calibrationWindows` (CalibrationSet::build) are needed by GPTQ and the clip
    // search, and may be empty for plain RTN; all of them are used (nothing is held out: the
    // measurements are made on the evaluation documents). Reports progress per (unit, bit-width)
    // and polls cancellation inside each; a cancelled scan returns the points it finished with
    // complete false. Throws Error for options that do not fit the model or text with nothing to
    // score.
    static SensitivityScanResult run(const std::shared_ptr<const LoadedModel>& model,
                                     const Tokenizer& tokenizer,
                                     const std::vector<std::vector<int>>& calibrationWindows,
                                     const QStringList& evaluationDocuments,
                                     const SensitivityOptions& options, Progress& progress);
};

} // namespace qb
