#pragma once

#include "core/io/dtype.h"
#include "core/metrics/weight_error.h"
#include "core/model/layer_inventory.h"
#include "core/quant/quant_plan.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace qb {

enum class LayerStatus : std::uint8_t {
    Quantized, // weights replaced by their quantized values
    Kept,      // the plan keeps this layer in full precision
    Skipped,   // could not be quantized (e.g. non-finite weights) and was kept as it was
};
QString layerStatusKey(LayerStatus status); // "quantized", "kept", "skipped"

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
    QString note; // why a layer was skipped
    WeightErrorMetrics metrics;
    double seconds = 0.0;
};

// The result of a quantization run: a value snapshot handed from the worker to the GUI and
// written beside exported checkpoints as quant_report.json.
struct QuantReport {
    Q_DECLARE_TR_FUNCTIONS(QuantReport)

public:
    QString modelDirectory;
    QuantPlan plan;
    std::vector<LayerReport> layers; // in model order
    double seconds = 0.0;

    const LayerReport* find(const QString& layerName) const;
    int countWithStatus(LayerStatus status) const;
    QJsonObject toJson() const;
};

} // namespace qb
