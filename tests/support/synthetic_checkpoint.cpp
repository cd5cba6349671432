#include "tests/support/synthetic_checkpoint.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <random>
#include <stdexcept>

namespace qb::test {

QByteArray encodeFloats(const std::vector<float>& values, DType dtype)
{
    QByteArray bytes(static_cast<qsizetype>(values.size()) * dtypeSize(dtype), Qt::Uninitialized);
    convertFromFloat(dtype, values, reinterpret_cast<std::byte*>(bytes.data()));
    return bytes;
}

void writeRawSafetensors(const QString& path, const QByteArray& header, const QByteArray& data,
                         std::int64_t headerLength)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path.toStdString());
    const std::uint64_t length = headerLength >= 0 ? static_cast<std::uint64_t>(headerLength)
                                                   : static_cast<std::uint64_t>(header.size());
    file.write(reinterpret_cast<const char*>(&length), 8);
    file.write(header);
    file.write(data);
}

void writeSafetensors(const QString& path, const std::vector<RawTensor>& tensors,
                      const QJsonObject& metadata)
{
    QJsonObject header;
    if (!metadata.isEmpty())
        header.insert(QStringLiteral("__metadata__"), metadata);
    QByteArray data;
    for (const RawTensor& t : tensors) {
        QJsonArray shape;
        for (std::int64_t d : t.shape)
            shape.append(qint64(d));
        header.insert(t.name, QJsonObject{{QStringLiteral("dtype"), dtypeName(t.dtype)},
                                          {QStringLiteral("shape"), shape},
                                          {QStringLiteral("data_offsets"),
                                           QJsonArray{qint64(data.size()),
                                                      qint64(data.size() + t.bytes.size())}}});
        data.append(t.bytes);
    }
    writeRawSafetensors(path, QJsonDocument(header).toJson(QJsonDocument::Compact), data);
}

QJsonObject tinyLlamaConfig(const TinyLlamaOptions& o)
{
    return QJsonObject{
        {QStringLiteral("architectures"), QJsonArray{QStringLiteral("LlamaForCausalLM")}},
        {QStringLiteral("model_type"), o.modelType},
        {QStringLiteral("hidden_size"), o.hiddenSize},
        {QStringLiteral("intermediate_size"), o.intermediateSize},
        {QStringLiteral("num_hidden_layers"), o.numLayers},
        {QStringLiteral("num_attention_heads"), o.numHeads},
        {QStringLiteral("num_key_value_heads"), o.numKvHeads},
        {QStringLiteral("vocab_size"), o.vocabSize},
        {QStringLiteral("max_position_embeddings"), 128},
        {QStringLiteral("rms_norm_eps"), 1e-5},
        {QStringLiteral("rope_theta"), 10000.0},
        {QStringLiteral("tie_word_embeddings"), o.tieWordEmbeddings},
        {QStringLiteral("bos_token_id"), 1},
        {QStringLiteral("eos_token_id"), 2},
    };
}

std::vector<RawTensor> tinyLlamaTensors(const TinyLlamaOptions& o)
{
    std::mt19937 rng(o.seed);
    std::normal_distribution<float> normal(0.0f, 0.02f);
    auto random = [&](const QString& name, std::vector<std::int64_t> shape) {
        std::int64_t n = 1;
        for (std::int64_t d : shape)
            n *= d;
        std::vector<float> values(static_cast<std::size_t>(n));
        for (float& v : values)
            v = normal(rng);
        return RawTensor{name, o.dtype, std::move(shape), encodeFloats(values, o.dtype)};
    };
    auto ones = [&](const QString& name, std::int64_t n) {
        return RawTensor{
            name,
            o.dtype,
            {n},
            encodeFloats(std::vector<float>(static_cast<std::size_t>(n), 1.0f), o.dtype)};
    };
    const std::int64_t h = o.hiddenSize;
    const std::int64_t headDim = o.hiddenSize / o.numHeads;
    const std::int64_t kv = o.numKvHeads * headDim;
    const bool qkvBias = o.modelType == QLatin1String("qwen2");
    std::vector<RawTensor> tensors;
    tensors.push_back(random(QStringLiteral("model.embed_tokens.weight"), {o.vocabSize, h}));
    for (int b = 0; b < o.numLayers; ++b) {
        const QString p = QStringLiteral("model.layers.%1.").arg(b);
        tensors.push_back(ones(p + QStringLiteral("input_layernorm.weight"), h));
        tensors.push_back(random(p + QStringLiteral("self_attn.q_proj.weight"), {h, h}));
        tensors.push_back(random(p + QStringLiteral("self_attn.k_proj.weight"), {kv, h}));
        tensors.push_back(random(p + QStringLiteral("self_attn.v_proj.weight"), {kv, h}));
        if (qkvBias) {
            tensors.push_back(random(p + QStringLiteral("self_attn.q_proj.bias"), {h}));
            tensors.push_back(random(p + QStringLiteral("self_attn.k_proj.bias"), {kv}));
            tensors.push_back(random(p + QStringLiteral("self_attn.v_proj.bias"), {kv}));
        }
        tensors.push_back(random(p + QStringLiteral("self_attn.o_proj.weight"), {h, h}));
        tensors.push_back(ones(p + QStringLiteral("post_attention_layernorm.weight"), h));
        tensors.push_back(
            random(p + QStringLiteral("mlp.gate_proj.weight"), {o.intermediateSize, h}));
        tensors.push_back(
            random(p + QStringLiteral("mlp.up_proj.weight"), {o.intermediateSize, h}));
        tensors.push_back(
            random(p + QStringLiteral("mlp.down_proj.weight"), {h, o.intermediateSize}));
    }
    tensors.push_back(ones(QStringLiteral("model.norm.weight"), h));
    if (!o.tieWordEmbeddings)
        tensors.push_back(random(QStringLiteral("lm_head.weight"), {o.vocabSize, h}));
    return tensors;
}

void writeJson(const QString& path, const QJsonObject& json)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path.toStdString());
    file.write(QJsonDocument(json).toJson());
}

void writeTinyLlama(const QString& directory, const TinyLlamaOptions& options)
{
    QDir().mkpath(directory);
    const QDir dir(directory);
    writeJson(dir.filePath(QStringLiteral("config.json")), tinyLlamaConfig(options));
    const std::vector<RawTensor> tensors = tinyLlamaTensors(options);
    if (options.shards <= 1) {
        writeSafetensors(dir.filePath(QStringLiteral("model.safetensors")), tensors,
                         QJsonObject{{QStringLiteral("format"), QStringLiteral("pt")}});
        return;
    }
    QJsonObject weightMap;
    const std::size_t perShard = (tensors.size() + options.shards - 1) / options.shards;
    for (int s = 0; s < options.shards; ++s) {
        const QString shardName = QStringLiteral("model-%1-of-%2.safetensors")
                                      .arg(s + 1, 5, 10, QLatin1Char('0'))
                                      .arg(options.shards, 5, 10, QLatin1Char('0'));
        std::vector<RawTensor> part;
        for (std::size_t i = s * perShard; i < std::min(tensors.size(), (s + 1) * perShard); ++i) {
            part.push_back(tensors[i]);
            weightMap.insert(tensors[i].name, shardName);
        }
        writeSafetensors(dir.filePath(shardName), part,
                         QJsonObject{{QStringLiteral("format"), QStringLiteral("pt")}});
    }
    writeJson(dir.filePath(QStringLiteral("model.safetensors.index.json")),
              QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                          {QStringLiteral("weight_map"), weightMap}});
}

} // namespace qb::test
