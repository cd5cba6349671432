#pragma once

#include "core/io/dtype.h"
#include "core/metrics/output_error.h"
#include "core/metrics/weight_error.h"
#include "core/model/layer_inventory.h"
#include "core/quant/quant_plan.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace qb {

class ComputeBackend;
class JsonReader;

enum class LayerStatus : std::uint8_t {
    Quantized, // weights replaced by their quantized values
    Kept,      // the plan keeps this layer in full precision
    Skipped,   // could not be quantized (e.g. non-finite weights) and was kept as it was
    NotRun,    // a cancelled run stopped before this layer, which stays in full precision
};
QString layerStatusKey(LayerStatus status);         // "quantized", "kept", "skipped", "not_run"
QString layerStatusDisplayName(LayerStatus status); // translated: "quantized", …, "not run"
std::optional<LayerStatus> layerStatusFromKey(QStringView key);

// What happened to one layer in a quantization run.
struct LayerReport {
    QString name;
    LayerRole role = LayerRole::QProj;
    int block = -1;
    std::int64_t outFeatures = 0;
    std::int64_t inFeatures = 0;
    DType dtype = DType::F32;
    LayerQuantConfig config;
    LayerStatus status = LayerStatus::Kept;
    QString note;    // what was not as planned: why a layer was skipped, a GPTQ fallback, …
    QString details; // what the quantizer chose (AWQ's scale ratio, SmoothQuant's scales, …)
    WeightErrorMetrics metrics; // of the weights, in the original input space
    // Of the layer's output on held-out calibration rows (see CalibrationOptions::
    // holdoutFraction), or on the fitting rows when none were held out; rows == 0 when the run
    // had no calibration data.
    OutputErrorMetrics output;
    bool outputOnFitRows = false;
    double dampingUsed = 0.0; // GPTQ: the damping used, × mean diag(H)
    int dampingRaises = 0;    // GPTQ: how often it was raised ten-fold
    bool fellBackToRtn = false;
    double seconds = 0.0; // the quantizer's time
};

// Where a run's heavy work ran.
struct ComputeUse {
    QString deviceId;       // "cpu", "opencl:0:0"
    QString device;         // ComputeDevice::describe()
    QString fallbackReason; // why it continued on the CPU after a device error (empty: it did not)
    std::int64_t peakDeviceBytes = 0;

    // What `backend` reports of itself at the end of a run.
    static ComputeUse of(const ComputeBackend& backend);
    // The "backend" object of evaluation, scan and report files: {"device_id", "device",
    // "fallback"}; the report adds "peak_device_bytes".
    QJsonObject toJson() const;
    // Reads what toJson() wrote (and "peak_device_bytes" when present) from the object at
    // `where`; throws Error through `read` when it is not an object.
    static ComputeUse fromJson(const QJsonValue& value, const JsonReader& read,
                               const QString& where);
};

// What calibration data a pipeline run used.
struct CalibrationUse {
    int fitWindows = 0;     // windows the quantizers fitted on
    int heldOutWindows = 0; // windows kept out, on which the output errors are measured
    std::int64_t fitTokens = 0;
    std::int64_t heldOutTokens = 0;
};

// The result of a quantization run: a value snapshot handed from the worker to the GUI and
// written beside exported checkpoints as quant_report.json.
struct QuantReport {
    Q_DECLARE_TR_FUNCTIONS(QuantReport)

public:
    QString modelDirectory;
    QuantPlan plan;
    std::vector<LayerReport> layers; // in model order
    CalibrationUse calibration;
    ComputeUse compute;
    bool complete = true; // false: cancelled; layers it did not reach are NotRun
    double seconds = 0.0;

    const LayerReport* find(const QString& layerName) const;
    int countWithStatus(LayerStatus status) const;
    // The average bits per weight of the linear layers as a checkpoint stores them: a quantized
    // layer at its grid's QuantScheme::storageBits (scales and zero points included), any other
    // at its dtype's width. 0 without layers.
    double averageBitsPerWeight() const;
    // Findings about the run as a whole, translated, for the CLI, the GUI's Issues panel and the
    // HTML report: GPTQ layers with more input channels than the calibration tokens fitted on,
    // whose H = 2XᵀX is then singular (rank at most the token count), so that the damping rather
    // than the data decides much of GPTQ's updates. Derived from the layers and calibration, so
    // a report read back says the same.
    QStringList runWarnings() const;
    QJsonObject toJson() const;
    // The report toJson() wrote, for `inventory`'s model: every layer in model order, its
    // settings the recipe's resolution for it (checked against the layer's method, bits, group
    // and grid), the weight metrics' SQNR infinite where null. Throws Error naming `source` and
    // the field when a field is missing or mistyped or the layers are not the inventory's.
    static QuantReport fromJson(const QJsonObject& json, const LayerInventory& inventory,
                                const QString& source);
    // The layers as CSV (RFC 4180, a header row, then one row per layer in model order): the
    // fields of toJson()'s layer objects named by csvColumns(), empty where a layer has none
    // (a kept layer has no bits), numbers written in full precision, "shape" as OUTxIN.
    QByteArray toCsv() const;
    static QStringList csvColumns();
};

} // namespace qb
