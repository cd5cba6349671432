#include "core/model/model_spec.h"

#include "core/io/json_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>
#include <limits>

namespace qb {

namespace {

// Typed access to config.json fields; every failure names the file and the field.
class ConfigFields {
public:
    ConfigFields(const QJsonObject& object, const QString& source)
        : m_object(object)
        , m_source(source)
    {
    }

    bool has(const char* key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        return !v.isUndefined() && !v.isNull();
    }

    [[noreturn]] void fail(const char* key, const QString& expected) const
    {
        throw Error(ModelSpec::tr("%1: field \"%2\" must be %3, but it is %4")
                        .arg(m_source, QLatin1String(key), expected,
                             JsonText::describe(m_object.value(QLatin1String(key)))));
    }

    int positiveInt(const char* key) const
    {
        if (!has(key))
            throw Error(ModelSpec::tr("%1: required field \"%2\" is missing")
                            .arg(m_source, QLatin1String(key)));
        return positiveIntOr(key, 0);
    }

    int positiveIntOr(const char* key, int fallback) const
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = m_object.value(QLatin1String(key));
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < 1 || d > std::numeric_limits<int>::max())
            fail(key, ModelSpec::tr("a positive integer"));
        return static_cast<int>(d);
    }

    std::optional<int> optionalTokenId(const char* key) const
    {
        if (!has(key))
            return std::nullopt;
        const QJsonValue v = m_object.value(QLatin1String(key));
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < 0 || d > std::numeric_limits<int>::max())
            fail(key, ModelSpec::tr("a non-negative integer token id"));
        return static_cast<int>(d);
    }

    std::vector<int> tokenIdList(const char* key) const
    {
        if (!has(key))
            return {};
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isArray())
            return {*optionalTokenId(key)};
        std::vector<int> ids;
        for (const QJsonValue& item : v.toArray()) {
            const double d = item.toDouble();
            if (!item.isDouble() || std::floor(d) != d || d < 0
                || d > std::numeric_limits<int>::max())
                fail(key, ModelSpec::tr("a token id or a list of token ids"));
            ids.push_back(static_cast<int>(d));
        }
        return ids;
    }

    double positiveDoubleOr(const char* key, double fallback) const
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isDouble() || !(v.toDouble() > 0) || !std::isfinite(v.toDouble()))
            fail(key, ModelSpec::tr("a positive number"));
        return v.toDouble();
    }

    bool boolOr(const char* key, bool fallback) const
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isBool())
            fail(key, ModelSpec::tr("true or false"));
        return v.toBool();
    }

    QString stringOr(const char* key, const QString& fallback) const
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isString())
            fail(key, ModelSpec::tr("a string"));
        return v.toString();
    }

    QJsonObject objectOrEmpty(const char* key) const
    {
        if (!has(key))
            return {};
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isObject())
            fail(key, ModelSpec::tr("an object or null"));
        return v.toObject();
    }

private:
    const QJsonObject& m_object;
    const QString& m_source;
};

} // namespace

QString SyntheticLabel::describe() const
{
    return seed ? ModelSpec::tr("%1 preset, seed %2").arg(preset).arg(*seed)
                : ModelSpec::tr("%1 preset").arg(preset);
}

QJsonObject SyntheticLabel::toJson() const
{
    QJsonObject json{{QStringLiteral("preset"), preset}};
    if (seed)
        json.insert(QStringLiteral("seed"), *seed);
    return json;
}

QStringList ModelSpec::supportedModelTypes()
{
    return {QStringLiteral("llama"), QStringLiteral("mistral"), QStringLiteral("qwen2")};
}

ModelSpec ModelSpec::fromConfigFile(const QString& directory)
{
    const QString path = QDir(directory).filePath(QLatin1String(kConfigFileName));
    const QString shownPath = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile())
        throw Error(tr("%1: config.json is missing; a Hugging Face checkpoint folder needs it to "
                       "describe the model")
                        .arg(shownPath));
    return fromJson(JsonFile::readObject(path), shownPath);
}

ModelSpec ModelSpec::fromJson(const QJsonObject& config, const QString& sourceName)
{
    const ConfigFields fields(config, sourceName);
    ModelSpec spec;

    if (!fields.has("model_type"))
        throw Error(tr("%1: required field \"model_type\" is missing").arg(sourceName));
    spec.modelType = fields.stringOr("model_type", {});
    if (spec.modelType == QLatin1String("llama"))
        spec.family = ModelFamily::Llama;
    else if (spec.modelType == QLatin1String("mistral"))
        spec.family = ModelFamily::Mistral;
    else if (spec.modelType == QLatin1String("qwen2"))
        spec.family = ModelFamily::Qwen2;
    else
        throw Error(
            tr("%1: model_type \"%2\" is not supported (supported: %3)")
                .arg(sourceName, spec.modelType, supportedModelTypes().join(QStringLiteral(", "))));

    spec.hiddenSize = fields.positiveInt("hidden_size");
    spec.intermediateSize = fields.positiveInt("intermediate_size");
    spec.numHiddenLayers = fields.positiveInt("num_hidden_layers");
    spec.numAttentionHeads = fields.positiveInt("num_attention_heads");
    spec.numKeyValueHeads = fields.positiveIntOr("num_key_value_heads", spec.numAttentionHeads);
    spec.vocabSize = fields.positiveInt("vocab_size");

    // Defaults are those of the transformers configuration classes of each family:
    // LlamaConfig 2048, MistralConfig 4096 * 32, Qwen2Config 32768.
    const int defaultMaxPositions = spec.family == ModelFamily::Llama     ? 2048
                                    : spec.family == ModelFamily::Mistral ? 131072
                                                                          : 32768;
    spec.maxPositionEmbeddings =
        fields.positiveIntOr("max_position_embeddings", defaultMaxPositions);
    spec.rmsNormEps = fields.positiveDoubleOr("rms_norm_eps", 1e-6);
    spec.ropeTheta = fields.positiveDoubleOr("rope_theta", 10000.0);
    spec.tieWordEmbeddings = fields.boolOr("tie_word_embeddings", false);
    spec.torchDtype = fields.stringOr("torch_dtype", {});

    if (spec.hiddenSize % spec.numAttentionHeads != 0 && !fields.has("head_dim"))
        throw Error(tr("%1: hidden_size %2 is not a multiple of num_attention_heads %3")
                        .arg(sourceName)
                        .arg(spec.hiddenSize)
                        .arg(spec.numAttentionHeads));
    spec.headDim = fields.positiveIntOr("head_dim", spec.hiddenSize / spec.numAttentionHeads);
    if (spec.numAttentionHeads % spec.numKeyValueHeads != 0)
        throw Error(tr("%1: num_attention_heads %2 is not a multiple of num_key_value_heads %3")
                        .arg(sourceName)
                        .arg(spec.numAttentionHeads)
                        .arg(spec.numKeyValueHeads));

    // As in transformers: Llama's attention_bias puts a bias on q, k, v and o; Qwen2 always has
    // q/k/v biases and never an o bias; Mistral's projections have no bias at all.
    const bool attentionBias = fields.boolOr("attention_bias", false);
    spec.qkvBias =
        spec.family == ModelFamily::Qwen2 || (spec.family == ModelFamily::Llama && attentionBias);
    spec.oBias = spec.family == ModelFamily::Llama && attentionBias;
    spec.mlpBias = spec.family == ModelFamily::Llama && fields.boolOr("mlp_bias", false);

    // transformers' Qwen2 applies its window only with use_sliding_window; Mistral whenever set.
    const bool windowApplies =
        spec.family == ModelFamily::Mistral
        || (spec.family == ModelFamily::Qwen2 && fields.boolOr("use_sliding_window", false));
    if (windowApplies)
        spec.slidingWindow = fields.positiveIntOr("sliding_window", 0);

    spec.bosTokenId = fields.optionalTokenId("bos_token_id");
    spec.eosTokenIds = fields.tokenIdList("eos_token_id");

    // The label SyntheticModel writes, so a synthetic checkpoint never passes for a trained one.
    const QJsonObject synthetic = fields.objectOrEmpty("quantbench_synthetic");
    if (!synthetic.isEmpty()) {
        const QString syntheticSource = sourceName + QStringLiteral(" quantbench_synthetic");
        const ConfigFields syntheticFields(synthetic, syntheticSource);
        SyntheticLabel label;
        label.preset = syntheticFields.stringOr("preset", QStringLiteral("?"));
        const QJsonValue seed = synthetic.value(QLatin1String("seed"));
        if (seed.isDouble())
            label.seed = seed.toInteger();
        spec.synthetic = label;
    }

    const QJsonObject rope = fields.objectOrEmpty("rope_scaling");
    if (!rope.isEmpty()) {
        const QString ropeSource = sourceName + QStringLiteral(" rope_scaling");
        const ConfigFields ropeFields(rope, ropeSource);
        RopeScaling scaling;
        scaling.type = ropeFields.stringOr("rope_type", ropeFields.stringOr("type", {}));
        if (scaling.type.isEmpty())
            throw Error(tr("%1: field \"rope_type\" is missing").arg(ropeSource));
        scaling.factor = ropeFields.positiveDoubleOr("factor", 1.0);
        scaling.lowFreqFactor = ropeFields.positiveDoubleOr("low_freq_factor", 1.0);
        scaling.highFreqFactor = ropeFields.positiveDoubleOr("high_freq_factor", 4.0);
        scaling.originalMaxPositionEmbeddings = ropeFields.positiveIntOr(
            "original_max_position_embeddings", spec.maxPositionEmbeddings);
        spec.ropeScaling = scaling;
    }
    return spec;
}

QJsonObject ModelSpec::toJson() const
{
    QJsonObject json{
        {QStringLiteral("model_type"), modelType},
        {QStringLiteral("hidden_size"), hiddenSize},
        {QStringLiteral("intermediate_size"), intermediateSize},
        {QStringLiteral("num_hidden_layers"), numHiddenLayers},
        {QStringLiteral("num_attention_heads"), numAttentionHeads},
        {QStringLiteral("num_key_value_heads"), numKeyValueHeads},
        {QStringLiteral("head_dim"), headDim},
        {QStringLiteral("vocab_size"), vocabSize},
        {QStringLiteral("max_position_embeddings"), maxPositionEmbeddings},
        {QStringLiteral("rms_norm_eps"), rmsNormEps},
        {QStringLiteral("rope_theta"), ropeTheta},
        {QStringLiteral("tie_word_embeddings"), tieWordEmbeddings},
    };
    if (ropeScaling)
        json.insert(QStringLiteral("rope_scaling"),
                    QJsonObject{{QStringLiteral("rope_type"), ropeScaling->type},
                                {QStringLiteral("factor"), ropeScaling->factor}});
    if (bosTokenId)
        json.insert(QStringLiteral("bos_token_id"), *bosTokenId);
    QJsonArray eos;
    for (int id : eosTokenIds)
        eos.append(id);
    json.insert(QStringLiteral("eos_token_ids"), eos);
    return json;
}

} // namespace qb
