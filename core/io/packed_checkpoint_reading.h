#pragma once

#include "core/io/checkpoint.h"
#include "core/io/dtype.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

namespace qb {

// What the readers of packed integer checkpoints (GptqCheckpoint, AwqCheckpoint,
// CompressedTensorsCheckpoint) share: finding the quantization config, and checked access to a
// module's tensors, every message naming the folder, file, tensor or field.
class PackedCheckpointReading {
    Q_DECLARE_TR_FUNCTIONS(PackedCheckpointReading)

public:
    // Where a checkpoint's quantization config was found.
    struct ConfigSource {
        QJsonObject config;
        QByteArray text;        // the bytes of the file read (for what a parse drops: key order)
        QStringList pathInFile; // object keys from the file's top to the config ({} or
                                // {"quantization_config"})
        QString where;          // "…/config.json: quantization_config", for messages
    };
    // config.json's `quantization_config`, else the side file `sideFileName` of `directory` (a
    // loader's own file, e.g. quantize_config.json; empty: none). `formatName` ("GPTQ") names
    // the format in messages. Throws Error when quantization_config is not an object, or neither
    // is there.
    static ConfigSource findConfig(const QString& directory, const QString& sideFileName,
                                   const QString& formatName);
    // The config's quant_method when it is there and names another method than `expected`
    // (compared case-insensitively), else an undefined value.
    static QJsonValue unexpectedQuantMethod(const QJsonObject& config, QLatin1String expected);

    // The modules stored quantized: those with a tensor "<module><packedSuffix>" (".qweight"),
    // in the checkpoint's (sorted) tensor order.
    static QStringList modulesWithTensor(const Checkpoint& checkpoint, QLatin1String packedSuffix);
    // Whether `module` is the output layer (lm_head), which loaders treat apart.
    static bool isLmHead(const QString& module);

    // The tensor `name` of `checkpoint`: present, of one of `dtypes` (the first is named in the
    // message as the one expected) and of `rank` dimensions. `folder` names the checkpoint.
    static Checkpoint::TensorRef require(const Checkpoint& checkpoint, const QString& folder,
                                         const QString& name, std::initializer_list<DType> dtypes,
                                         std::size_t rank);
    // Throws Error unless `ref` has shape `expected`; `layout` says what needs it ("K=64 N=32 …").
    static void requireShape(const Checkpoint::TensorRef& ref, const QString& folder,
                             const std::vector<std::int64_t>& expected, const QString& layout);
    // The 2-D floating-point weight "<module>.weight" of a module stored unquantized, as float32.
    // Throws Error naming it and `packedName` (the tensor a quantized module would have) when it
    // is absent, or when it is not a 2-D floating-point tensor.
    static std::vector<float> unquantizedWeight(const Checkpoint& checkpoint, const QString& folder,
                                                const QString& module, const QString& packedName);
    // The little-endian 32-bit words of a tensor (any alignment).
    static std::vector<std::uint32_t> words(const Checkpoint::TensorRef& ref);
    // The values of an I32 or I64 tensor, widened.
    static std::vector<std::int64_t> integers(const Checkpoint::TensorRef& ref);
    // A JSON number that is an integer (of at most 1e9 in magnitude), or nullopt.
    static std::optional<int> integerOf(const QJsonValue& value);
};

} // namespace qb
