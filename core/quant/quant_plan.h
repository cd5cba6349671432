#pragma once

#include "core/calib/calibration_set.h"
#include "core/quant/quant_scheme.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace qb {

class LayerInventory;
struct LinearLayer;

// What to do with a layer's weights.
enum class QuantMethod : std::uint8_t {
    None,        // keep full precision
    Rtn,         // round to nearest on the min/max grid (optionally with a clip search)
    Gptq,        // GPTQ (IST-DASLab/gptq): error-compensating rounding with the inputs' Hessian
    Awq,         // AWQ (mit-han-lab/llm-awq): activation-aware scales, then a clip search
    SmoothQuant, // SmoothQuant (mit-han-lab/smoothquant) smoothing, then W8A8
    W8A8,        // int8 per-channel weights and int8 per-token activations, without smoothing
};

QString methodKey(QuantMethod method); // "none", "rtn", …: the recipe spelling
std::optional<QuantMethod> methodFromKey(QStringView key);
QString methodDisplayName(QuantMethod method); // translated: "Keep", "RTN", "GPTQ", …
std::vector<QuantMethod> allMethods();
// Methods that need calibration data whatever their settings: GPTQ, AWQ, SmoothQuant.
bool methodNeedsCalibration(QuantMethod method);
// Methods whose weights use the plan's bits / group size / symmetry (SmoothQuant and W8A8 always
// use int8 per-channel symmetric weights).
bool methodUsesScheme(QuantMethod method);
// Methods that scale the layer's input channels and fold the scale into the operation before it.
bool methodScalesInputs(QuantMethod method);

// The resolved settings of one layer. Which fields matter depends on the method (see the recipe
// keys in QuantPlan).
struct LayerQuantConfig {
    QuantMethod method = QuantMethod::Rtn;
    QuantScheme scheme;
    bool actOrder = false;     // GPTQ: quantize columns in descending diag(H) order
    bool staticGroups = false; // GPTQ: group parameters from the unpermuted weights, up front
    double damp = 0.01;        // GPTQ: damping = damp × mean(diag H)
    double alpha = 0.5;        // SmoothQuant (and `smooth`): migration strength in [0, 1]
    bool clipSearch = false;   // RTN: search each group's clipping range against the inputs
    bool smooth = false;       // RTN, GPTQ: SmoothQuant smoothing (alpha) before quantizing
    // AWQ: scale a layer whose inputs only take tied scales — o_proj under grouped-query
    // attention (FoldTarget::sharedBy) — with one scale per key/value head channel, folded into
    // v_proj. false leaves such a layer unscaled, as llm-awq does.
    bool tiedScales = true;

    // Whether quantizing with these settings needs calibration data (the method, or RTN's clip
    // search, or smoothing).
    bool needsCalibration() const;
    // The grid the weights are quantized on: `scheme`, or for W8A8 and SmoothQuant (whose
    // weights are always int8 per channel) w8a8WeightScheme().
    QuantScheme weightScheme() const;
    // Every field, under its recipe key.
    QJsonObject toJson() const;
    // For people: "GPTQ, 4-bit asymmetric, groups of 128, act-order" or "Keep".
    QString describe() const;
    // Whether a and b quantize a layer the same way: fields the method does not use are ignored.
    friend bool operator==(const LayerQuantConfig& a, const LayerQuantConfig& b);
};

// One override of a recipe: the fields it sets, for the layers its `match` selects (an exact
// module name, or with the "re:" prefix a regular expression that must match the whole name).
struct PlanOverride {
    QString match;
    std::optional<QuantMethod> method;
    std::optional<int> bits;
    std::optional<int> groupSizeCode; // G > 0, -1 per channel, 0 per tensor
    std::optional<bool> symmetric;
    std::optional<bool> actOrder;
    std::optional<bool> staticGroups;
    std::optional<double> damp;
    std::optional<double> alpha;
    std::optional<bool> clipSearch;
    std::optional<bool> smooth;
    std::optional<bool> tiedScales;

    bool isRegex() const { return match.startsWith(QLatin1String("re:")); }
    bool matches(const QString& layerName) const;
    bool isEmpty() const; // sets no field
    void applyTo(LayerQuantConfig& config) const;

private:
    friend class QuantPlan;
    QRegularExpression m_regex; // compiled once for "re:" matches
};

// The per-layer quantization plan, stored as a recipe: default settings, then overrides applied
// in order, later ones winning field by field, and the calibration data to use. JSON:
//   {"default": {"method": "gptq", "bits": 4, "group_size": 128, "sym": true,
//                "act_order": false, "static_groups": false, "damp": 0.01, "alpha": 0.5,
//                "clip_search": false, "smooth": false, "tied_scales": true},
//    "overrides": [{"match": "re:.*mlp\\.down_proj", "bits": 8},
//                  {"match": "model.layers.0.self_attn.q_proj", "method": "none"}],
//    "calibration": {"mode": "documents", "samples": 128, "seqlen": 512, "seed": 0}}
// Methods: none, rtn, gptq, awq, smoothquant, w8a8. group_size: G columns, -1 per channel, 0 per
// tensor. tied_scales (AWQ): see LayerQuantConfig::tiedScales. A value type: copy it freely; the
// GUI keeps one per document and edits it through undo commands.
class QuantPlan {
    Q_DECLARE_TR_FUNCTIONS(QuantPlan)

public:
    LayerQuantConfig defaults;
    CalibrationOptions calibration;

    const std::vector<PlanOverride>& overrides() const { return m_overrides; }
    void addOverride(PlanOverride override); // throws Error on an invalid regular expression

    LayerQuantConfig resolve(const QString& layerName) const;
    // For people: the default settings and how many overrides follow them,
    // "RTN, 4-bit asymmetric, groups of 128 (+2 overrides)".
    QString describe() const;
    // Whether any layer of `inventory` uses a method that needs calibration data.
    bool needsCalibration(const LayerInventory& inventory) const;
    // Whether the plan changes any layer of `inventory` (a method other than none).
    bool quantizesAnyLayer(const LayerInventory& inventory) const;
    // The first layer of `inventory` (in model order) whose settings need calibration data, or
    // null: for messages that name it.
    const LinearLayer* firstLayerNeedingCalibration(const LayerInventory& inventory) const;
    // What an evaluation of this plan on `inventory`'s model depends on, as compact JSON: the
    // recipe, without its calibration settings when no layer needs calibration. Equal keys, equal
    // quantized models (for the same calibration text): an evaluation is current while the plan's
    // key is the one it was made with.
    QByteArray evaluationKey(const LayerInventory& inventory) const;

    // Makes `layerName` resolve to `config` with an exact-name override placed last, holding only
    // the fields that differ from what the rest of the plan gives (none when nothing differs).
    void setLayerConfig(const QString& layerName, const LayerQuantConfig& config);

    QJsonObject toJson() const;
    // `source` names the recipe in messages. Throws Error on unknown fields, wrong types, values
    // out of range and invalid regular expressions.
    static QuantPlan fromJson(const QJsonObject& json, const QString& source);
    static QuantPlan fromFile(const QString& path);

    // Problems of this plan for a given model, which stop a run: overrides naming no layer,
    // regular expressions matching none, invalid schemes, layers reading the same input that
    // disagree on its scaling or on int8 activations. Empty when the plan fits the model.
    QStringList problemsFor(const LayerInventory& inventory) const;
    // What the plan will do differently from what it says, which does not stop a run: AWQ or
    // smoothing asked for on layers with nothing before them to absorb their input scale (those
    // stay unscaled, as in the reference implementations): o_proj under grouped-query attention
    // for smoothing, and for AWQ with tied_scales off.
    QStringList warningsFor(const LayerInventory& inventory) const;

    // The families runtimes fuse into one matrix — a block's q/k/v, its gate/up — whose members
    // this plan quantizes differently: each family's layer names, in model order. vLLM refuses
    // checkpoints where a fused layer's shards are stored differently.
    std::vector<QStringList> fusedFamiliesThatDiffer(const LayerInventory& inventory) const;
    // This plan with each such family given the settings of its most precise member (full
    // precision first, then the most bits, then the smallest groups; the first in model order on
    // ties), through exact-name overrides: no layer loses precision.
    QuantPlan withFusedFamiliesAligned(const LayerInventory& inventory) const;

private:
    std::vector<PlanOverride> m_overrides;
};

} // namespace qb
