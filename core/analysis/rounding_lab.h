#pragma once

#include "core/quant/minmax_grid.h"
#include "core/quant/quant_scheme.h"

#include <QCoreApplication>
#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace qb {

class LoadedModel;
class Progress;
struct CalibrationOptions;

// What is known of a layer's inputs, per input channel of the layer: from calibration (the
// layer's site recorded over calibration windows), or generated with a synthetic source.
struct LabActivations {
    Eigen::VectorXd meanAbs; // [in] mean |x_j| over the tokens
    Eigen::MatrixXd xtx;     // [in, in] Σ x xᵀ over the tokens
    std::int64_t tokens = 0;
    bool synthetic = false;
};

// The weights the lab works on: a few consecutive rows of a layer (or of a synthetic matrix) and,
// when known, the activations of its input channels. Immutable once built; shared between the
// worker that reads it and the view as std::shared_ptr<const RoundingLabSource>.
struct RoundingLabSource {
    QString description;        // for people: "model.layers.0.self_attn.q_proj, rows 3–10"
    QString layerName;          // empty for a synthetic source
    std::int64_t firstRow = 0;  // the layer's row that row 0 of `weight` is
    std::int64_t layerRows = 0; // rows of the whole layer (of the synthetic matrix: rows)
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::vector<float> weight; // [rows, cols] row-major, in the layer's weight units
    std::shared_ptr<const LabActivations> activations; // null: unknown
    // Synthetic sources: where the generator put its outliers (−1 otherwise).
    std::int64_t outlierColumn = -1;            // the large weight of row 0
    std::int64_t outlierActivationChannel = -1; // the input channel with large activations

    const float* row(std::int64_t r) const { return weight.data() + r * cols; }
};

// The lab's knobs. groupSize: G > 0 for groups of G columns, QuantScheme::kPerChannel (−1) for one
// grid over the whole vector ("per row").
struct RoundingLabSettings {
    int bits = 4;
    bool symmetric = false;
    int groupSize = 16;
    double clipRatio = 1.0; // each group's [min, max] shrunk to [min·c, max·c], 0.5 … 1.0
    double awqAlpha = 0.0;  // AWQ-style channel scale s_j ∝ (mean |x_j|)^α, 0 … 1
    std::int64_t row = 0;   // the source's row the vector is taken from
    int onlyGroup = -1;     // ≥ 0: the vector is only this group of the row

    QuantScheme scheme() const;
    friend bool operator==(const RoundingLabSettings&, const RoundingLabSettings&) = default;
};

// One group's grid, in the units the grid applies to (the scaled weights w·s).
struct RoundingLabGroup {
    std::int64_t first = 0; // first column of the group, in vector positions
    std::int64_t count = 0;
    float min = 0.0f; // the group's min and max before clipping
    float max = 0.0f;
    float clipLow = 0.0f; // the range kept: [min·c, max·c]
    float clipHigh = 0.0f;
    GridParams params;
    std::vector<float> levels; // [2^bits] the value code k stands for: scale · (k − zero)
    int clipped = 0;           // values of the group outside [clipLow, clipHigh]
};

// The lab's immutable result for one setting: everything the view draws.
struct RoundingLabResult {
    RoundingLabSettings settings;
    QuantScheme scheme;
    std::int64_t firstColumn = 0;     // column of the layer's row that position 0 is
    std::vector<float> original;      // [n] w
    std::vector<float> scales;        // [n] s_j (all 1 for α = 0 or unknown activations)
    std::vector<float> scaled;        // [n] w_j · s_j: the values the grid rounds
    std::vector<std::uint8_t> codes;  // [n]
    std::vector<float> roundedScaled; // [n] the grid level of each code (scaled units)
    std::vector<float> rounded;       // [n] ŵ_j = level / s_j, back in weight units
    std::vector<float> error;         // [n] ŵ − w
    std::vector<RoundingLabGroup> groups;
    double mse = 0.0;      // mean (ŵ − w)²
    double maxError = 0.0; // max |ŵ − w|
    int clipped = 0;
    bool usesScales = false; // α > 0 and activations known: the grid rounds w·s, not w
    // (ŵ − w)ᵀ H (ŵ − w) / tokens over the vector's columns: this row's mean squared output error
    // over the calibration (or synthetic) tokens; absent when no activations are known.
    std::optional<double> outputError;

    std::int64_t size() const { return static_cast<std::int64_t>(original.size()); }
    // The group position `i` is in.
    int groupOf(std::int64_t i) const;
};

// The rounding lab (issue 6, view 7): one vector of weights rounded on the project's reference
// min/max grid (minmax_grid.h, the grid quantizeRtn uses) with a clip ratio and an AWQ-style
// channel scale, for teaching. Pure functions; O(n) per call plus O(n²) for the output error
// when activations are known (n = the vector's length). Reentrant.
class RoundingLab {
    Q_DECLARE_TR_FUNCTIONS(RoundingLab)

public:
    static constexpr int kSyntheticRows = 8;
    static constexpr std::int64_t kSyntheticTokens = 256;

    // Rounds row settings.row of `source` (or its group settings.onlyGroup):
    //   s = AwqQuantizer::scalesForRatio(mean |x|, α) over the vector's channels (1 when α = 0 or
    //       the activations are unknown); v = w · s;
    //   per group: [lo, hi] = [min v · c, max v · c]; the reference min/max grid of v clamped to
    //       [lo, hi] (group_scan.h shrunkGrid); code = round(clamp(v)/scale) + zero clamped;
    //   ŵ = level(code) / s.
    // With c = 1 and α = 0 this is exactly quantizeRtn's dequantized output for the same scheme.
    // Precondition: valid settings (bits 2–8, group > 0 or −1, row and group inside the source).
    static RoundingLabResult round(const RoundingLabSource& source,
                                   const RoundingLabSettings& settings);

    // A synthetic source: kSyntheticRows rows of `length` weights ~ N(0, 0.02²) from `seed`, with
    // row 0's weight at column length/2 + 3 set to outlierSize × 0.02 (its sign kept positive);
    // and synthetic activations: kSyntheticTokens tokens x_tj = m_j · z_tj (z ~ N(0, 1)) with
    // m_j = 1 except channel 5 (when length > 5), whose m is 10: one outlier input channel, as
    // real LLM activations have. H = Xᵀ X and mean |x| come from those tokens.
    static RoundingLabSource synthetic(std::int64_t length, double outlierSize,
                                       std::uint64_t seed = 1);

    // The synthetic activations alone, for `channels` input channels (what synthetic() uses, and
    // the step-through's X when a real layer has no calibration inputs).
    static std::shared_ptr<const LabActivations> syntheticActivations(std::int64_t channels,
                                                                      std::uint64_t seed = 1);

    // Rows [firstRow, firstRow + count) of `layerName`'s weight (count clamped to the layer; near
    // the end the rows start earlier so that there are still `count`: firstRow is then less), with
    // `activations` (may be null). Reads the layer's whole weight: call it off the GUI thread for
    // large layers. Throws Error when the layer does not exist.
    static RoundingLabSource fromLayer(const LoadedModel& model, const QString& layerName,
                                       std::int64_t firstRow, std::int64_t count,
                                       std::shared_ptr<const LabActivations> activations);

    // The inputs of `layerName` recorded over `windows` (full-precision forward pass up to the
    // layer's block): mean |x| and X^T X of its input channels. Throws Error when the layer does
    // not exist or is not in a decoder block; Cancelled when cancelled.
    static std::shared_ptr<const LabActivations>
    recordActivations(const std::shared_ptr<const LoadedModel>& model, const QString& layerName,
                      const std::vector<std::vector<int>>& windows, Progress& progress);
};

} // namespace qb
