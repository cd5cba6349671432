#pragma once

#include "core/calib/calibration_set.h"
#include "core/calib/input_stats.h"
#include "core/quant/quant_plan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace qb {

class LoadedModel;
class Progress;
struct QuantizedLayer;
struct QuantizedModel;

// Everything the outlier-channel and Hessian views show about the input of one linear layer, per
// input channel: an immutable snapshot built on a worker (LayerInputProfiler) and only drawn by
// the views. Every vector has inFeatures entries, indexed by input channel.
struct LayerInputProfile {
    enum class Source : std::uint8_t {
        QuantizationRun,          // kept by the pipeline run that quantized the model
        FullPrecisionCalibration, // a full-precision pass over the calibration windows
    };
    // Which input scale the layer's run folded into the operation before it.
    enum class ScaleKind : std::uint8_t { None, Awq, SmoothQuant };

    QString layerName;
    int block = -1; // -1: lm_head
    QString site;   // "attn_in", "o_in", "mlp_in", "down_in", "lm_head_in"
    std::int64_t outFeatures = 0;
    std::int64_t inFeatures = 0;
    Source source = Source::FullPrecisionCalibration;
    QDateTime computedAt;  // the run's end, or when the calibration pass finished
    std::int64_t rows = 0; // input rows (tokens) the statistics are over

    std::vector<double> absMean; // mean |x|, in the input's units
    std::vector<double> absMax;  // max |x|
    // diag(XᵀX) = Σ x² over the rows (units of x²). GPTQ's Hessian is H = 2/n · XᵀX; the factor
    // changes neither the act-order nor the relative damping, so the views show XᵀX's diagonal.
    std::vector<double> hessianDiagonal;
    std::vector<double> weightColumnNorm;   // ‖W[:, j]‖₂ of the checkpoint's weight
    std::vector<double> weightColumnMaxAbs; // max over rows of |W[i, j]|
    // GPTQ's act-order: the channels by descending Hessian diagonal (stable; dead ones last). The
    // run's own permutation when GPTQ quantized the layer with act-order.
    std::vector<int> actOrder;
    std::vector<int>
        deadChannels; // channels with a zero Hessian diagonal (never non-zero), ascending

    // The layer's settings in the plan (method, percdamp = config.damp, …).
    LayerQuantConfig config;
    // Set when the layer was quantized in the run this profile comes from (or that was shown
    // beside a full-precision profile); the fields below are then the run's.
    std::optional<QuantMethod> quantizedWith;
    double dampingUsed = 0.0; // GPTQ: the damping that made H + damping invertible, × mean diag
    int dampingRaises = 0;
    bool fellBackToRtn = false;
    // λmax / λmin of GPTQ's damped H (dead diagonals 1, damping × mean diag added), estimated by
    // GptqQuantizer::conditionEstimate (a lower bound, close for separated extreme eigenvalues):
    // the run's when GPTQ quantized the layer, else computed from XᵀX with config.damp; 0 when
    // unknown (a run that did not use GPTQ keeps no XᵀX).
    double conditionEstimate = 0.0;
    double conditionDamp = 0.0;     // the damping (× mean diag) conditionEstimate is for
    std::vector<double> inputScale; // s: the layer's input divided by s (empty: none)
    ScaleKind scaleKind = ScaleKind::None;

    int channels() const { return static_cast<int>(absMean.size()); }
    double medianAbsMean() const;
    double medianAbsMax() const;
    // The k channels with the largest mean |x| (or max |x|), largest first (ties: lower index).
    std::vector<int> topChannels(int k, bool byMax) const;
};

// What a full-precision calibration pass measured at one input site: the per-channel statistics
// and the condition estimate of GPTQ's damped H for one damping. O(in): cached by the GUI per site.
struct InputSiteMeasurement {
    InputChannelStats channels;
    double damp = 0.0;
    double conditionEstimate = 0.0; // see LayerInputProfile::conditionEstimate
    QDateTime measuredAt;
};

class LayerInputProfiler {
    Q_DECLARE_TR_FUNCTIONS(LayerInputProfiler)

public:
    // The profile of `layerName` from a pipeline run that calibrated its input site, with the
    // run's damping, condition estimate, act-order and input scale; null when the run kept no
    // statistics for that site (e.g. plain RTN). Reads the layer's weight from the run's model.
    // Throws Error for an unknown layer.
    static std::shared_ptr<const LayerInputProfile> fromRun(const QuantizedModel& run,
                                                            const QString& layerName);

    // The windows a pipeline run fits on (the last holdoutFraction of `windows` held out, as
    // QuantizationPipeline does), so that a measurement sees the rows the run saw.
    static std::vector<std::vector<int>> fittingWindows(std::vector<std::vector<int>> windows,
                                                        double holdoutFraction);

    // Runs the full-precision model over `windows` up to the block of input site `inputGroup`
    // (every block, then the final norm, for lm_head) and measures that site: mean/max |x|, Σ x²
    // and, from its XᵀX, the condition estimate of H damped by `damp` (× mean diag). Throws
    // Cancelled (through progress), Error.
    static std::shared_ptr<const InputSiteMeasurement>
    measureSite(const std::shared_ptr<const LoadedModel>& model, int inputGroup,
                const std::vector<std::vector<int>>& windows, double damp, Progress& progress);

    // The profile of `layerName` from a site measurement and the layer's settings; `quantized`
    // (may be null) adds what a run did to the layer (damping, input scale, permutation).
    static std::shared_ptr<const LayerInputProfile>
    fromMeasurement(const LoadedModel& model, const QString& layerName,
                    const InputSiteMeasurement& measurement, const LayerQuantConfig& config,
                    const QuantizedLayer* quantized = nullptr);
};

} // namespace qb
