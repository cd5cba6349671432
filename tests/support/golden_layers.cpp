#include "tests/support/golden_layers.h"

#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "tests/support/test_paths.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace qb::test {

std::optional<QuantScheme> schemeFromTag(const QString& tag)
{
    static const QRegularExpression re(QStringLiteral("^([as])(\\d)(?:g(\\d+)|(pc)|(pt))$"));
    const QRegularExpressionMatch m = re.match(tag);
    if (!m.hasMatch())
        return std::nullopt;
    const bool symmetric = m.captured(1) == QLatin1String("s");
    const int bits = m.captured(2).toInt();
    const int code = !m.captured(3).isEmpty()   ? m.captured(3).toInt()
                     : !m.captured(4).isEmpty() ? QuantScheme::kPerChannel
                                                : QuantScheme::kPerTensor;
    return QuantScheme::fromGroupSizeCode(bits, symmetric, code);
}

const std::vector<GoldenLayerCase>& goldenLayerCases()
{
    static const std::vector<GoldenLayerCase> cases{
        {QStringLiteral("model.layers.0.self_attn.q_proj"), QStringLiteral("l0.attn_in")},
        {QStringLiteral("model.layers.3.self_attn.o_proj"), QStringLiteral("l3.o_in")},
        {QStringLiteral("model.layers.4.mlp.gate_proj"), QStringLiteral("l4.mlp_in")},
        {QStringLiteral("model.layers.2.mlp.down_proj"), QStringLiteral("l2.down_in")},
    };
    return cases;
}

GoldenLayers::GoldenLayers()
{
    const QString golden = dataDir() + QStringLiteral("/golden/stories260K/");
    m_model = LoadedModel::open(demoModelDir());
    m_inputs = SafetensorsFile::open(golden + QStringLiteral("layer_inputs.safetensors"));
    m_reference = SafetensorsFile::open(golden + QStringLiteral("reference_quant.safetensors"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        m_reference->metadata().value(QStringLiteral("results")).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(
            QStringLiteral("%1: metadata 'results' is not a JSON object").arg(m_reference->path()));
    m_results = doc.object();
}

GoldenLayers::~GoldenLayers() = default;

std::vector<float> GoldenLayers::weight(const QString& layer, std::int64_t* rows,
                                        std::int64_t* cols) const
{
    const LinearLayer* linear = m_model->inventory().find(layer);
    if (!linear)
        throw Error(QStringLiteral("the demo model has no layer %1").arg(layer));
    *rows = linear->outFeatures;
    *cols = linear->inFeatures;
    return m_model->readWeight(*linear);
}

RowMatrix GoldenLayers::inputs(const QString& site, const QString& part) const
{
    const QString name = site + QLatin1Char('.') + part;
    const TensorInfo* info = m_inputs->find(name);
    if (!info || info->shape.size() != 2)
        throw Error(QStringLiteral("%1: no 2-D tensor %2").arg(m_inputs->path(), name));
    const std::vector<float> values = m_inputs->readFloat(*info);
    return Eigen::Map<const RowMatrix>(values.data(), info->shape[0], info->shape[1]);
}

Eigen::MatrixXd GoldenLayers::gram(const RowMatrix& rows)
{
    const Eigen::MatrixXd x = rows.cast<double>();
    return x.transpose() * x;
}

QJsonObject GoldenLayers::result(const QString& layer, const QString& tag) const
{
    return m_results.value(layer + QLatin1Char('|') + tag).toObject();
}

std::vector<float> GoldenLayers::referenceWeight(const QString& layer, const QString& tag) const
{
    const TensorInfo* info = m_reference->find(layer + QLatin1Char('|') + tag);
    return info ? m_reference->readFloat(*info) : std::vector<float>{};
}

} // namespace qb::test
