#pragma once

#include "core/io/checkpoint.h"
#include "core/io/gptq_format.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace qb {

// A GPTQ checkpoint folder read back: its quantization config and its packed tensors, dequantized
// on request to the float32 weights a GPTQ kernel computes with. The config comes from
// config.json's `quantization_config`, else from quantize_config.json; v1 and v2 zero points,
// 2/3/4/8 bits, act-order g_idx and `dynamic` rules (file order, first match wins, Python
// re.match) are understood.
//
// Everything read from the files is checked before use: open() refuses a config whose fields
// have the wrong type or range, dequantizedWeight() a module whose tensors are missing or have
// the wrong dtype or shape, or whose g_idx points outside its groups, with an Error naming the
// file, tensor or field.
//
// Immutable after open(); safe to read from several threads.
class GptqCheckpoint {
    Q_DECLARE_TR_FUNCTIONS(GptqCheckpoint)

public:
    static constexpr const char* kQuantizeConfigFileName = "quantize_config.json";

    static std::shared_ptr<const GptqCheckpoint> open(const QString& directory);

    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    GptqFormat format() const { return m_format; }

    // Modules stored quantized (a "<module>.qweight" tensor), sorted.
    QStringList quantizedModules() const;
    // The settings the config gives `module`: nullopt when a "-:" rule leaves it unquantized.
    std::optional<GptqLayerSettings> settingsFor(const QString& module) const;

    // The weight [N, K] of linear module `module`, row-major float32: for a quantized module
    // scales[g, n] * (q[k, n] - zero[g, n]) with g = g_idx[k] (float16 scales widened exactly),
    // for a module stored unquantized its "<module>.weight" converted to float32. Throws Error
    // for a module that is absent or stored inconsistently with the config.
    std::vector<float> dequantizedWeight(const QString& module) const;

private:
    GptqCheckpoint() = default;

    QString m_directory;
    QString m_configSource; // "…/config.json: quantization_config" for messages
    std::shared_ptr<const Checkpoint> m_checkpoint;
    GptqFormat m_format = GptqFormat::V1;
    GptqLayerSettings m_base; // what modules without a matching `dynamic` rule are stored with
    bool m_lmHead = false;
    GptqDynamicRules m_dynamic;
};

} // namespace qb
