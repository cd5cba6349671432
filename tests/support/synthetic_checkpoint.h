#pragma once

#include "core/io/dtype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace qb::test {

// One tensor to write: name, dtype, shape and its raw little-endian bytes.
struct RawTensor {
    QString name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    QByteArray bytes;
};

// Float values as raw bytes of `dtype` (F32, F16, BF16 or F64).
QByteArray encodeFloats(const std::vector<float>& values, DType dtype);

// Writes a well-formed safetensors file holding `tensors` in the given order.
void writeSafetensors(const QString& path, const std::vector<RawTensor>& tensors,
                      const QJsonObject& metadata = {});
// Writes a safetensors file from an explicit header (any JSON text, even broken) and data bytes:
// for hostile-input tests. `headerLength` overrides the 8-byte length field when >= 0.
void writeRawSafetensors(const QString& path, const QByteArray& header, const QByteArray& data,
                         std::int64_t headerLength = -1);

// A tiny Llama-family checkpoint with random weights (normal, σ = 0.02; norms 1).
struct TinyLlamaOptions {
    QString modelType = QStringLiteral("llama");
    int hiddenSize = 16;
    int intermediateSize = 24;
    int numLayers = 2;
    int numHeads = 4;
    int numKvHeads = 2;
    int vocabSize = 32;
    bool tieWordEmbeddings = true;
    DType dtype = DType::F32;
    int shards = 1; // > 1: model-0000i-of-0000n.safetensors + index
    std::uint32_t seed = 1;
};

// The config.json object the options describe.
QJsonObject tinyLlamaConfig(const TinyLlamaOptions& options);
// The tensors the options describe, in model order (embeddings, blocks, norm, lm_head).
std::vector<RawTensor> tinyLlamaTensors(const TinyLlamaOptions& options);
// Writes config.json and the weights into `directory` (created if needed).
void writeTinyLlama(const QString& directory, const TinyLlamaOptions& options = {});
void writeJson(const QString& path, const QJsonObject& json);

} // namespace qb::test
