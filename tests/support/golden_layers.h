#pragma once

#include "core/model/forward_hooks.h"
#include "core/quant/quant_scheme.h"

#include <QJsonObject>
#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace qb {
class LoadedModel;
class SafetensorsFile;
} // namespace qb

namespace qb::test {

// "a4g32" -> 4-bit asymmetric groups of 32; "s4pc" -> 4-bit symmetric per channel; "a8pt" -> per
// tensor: the golden files' scheme tags, parsed independently of QuantScheme::tag().
std::optional<QuantScheme> schemeFromTag(const QString& tag);

// One single-layer case of the golden data: a linear of the demo model and the input site
// ("l0.attn_in") whose recorded rows feed it.
struct GoldenLayerCase {
    QString layer;
    QString site;
};
// q_proj of block 0, o_proj of block 3, gate_proj of block 4, down_proj of block 2 (K = 172).
const std::vector<GoldenLayerCase>& goldenLayerCases();

// The golden single-layer data (tests/data/golden/stories260K): the demo model's weights, the
// recorded input rows of each case (layer_inputs.safetensors) and the reference implementations'
// results (reference_quant.safetensors). Throws qb::Error when a file is missing or broken.
class GoldenLayers {
public:
    GoldenLayers();
    ~GoldenLayers();

    const LoadedModel& model() const { return *m_model; }

    // The layer's full-precision weight [out, in] row-major.
    std::vector<float> weight(const QString& layer, std::int64_t* rows, std::int64_t* cols) const;
    // The input rows of a site: part "calib" (4864 rows) or "test" (1809 rows).
    RowMatrix inputs(const QString& site, const QString& part) const;
    // Σ x xᵀ over rows, in double.
    static Eigen::MatrixXd gram(const RowMatrix& rows);

    // The metadata of LAYER|TAG (method, bits, group, sym, mse, rel_err); empty when absent.
    QJsonObject result(const QString& layer, const QString& tag) const;
    // The reference's dequantized weight of LAYER|TAG in the original input space; empty for
    // W8A8 tags and absent results.
    std::vector<float> referenceWeight(const QString& layer, const QString& tag) const;

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const SafetensorsFile> m_inputs;
    std::shared_ptr<const SafetensorsFile> m_reference;
    QJsonObject m_results;
};

} // namespace qb::test
