#pragma once

#include "core/io/awq_format.h"
#include "core/io/checkpoint.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace qb {

// An AWQ GEMM checkpoint folder read back: its quantization config and its packed tensors,
// dequantized on request to the float32 weights the AWQ kernels compute with. The config comes
// from config.json's `quantization_config` (bits, group_size, zero_point, version,
// modules_to_not_convert), else from AutoAWQ's quant_config.json (w_bit, q_group_size, …).
//
// Everything read from the files is checked before use: open() refuses a config whose fields
// have the wrong type or range (bits other than 4, a version other than "gemm"),
// dequantizedWeight() a module whose tensors are missing or have the wrong dtype or shape, or
// whose storage disagrees with modules_to_not_convert, with an Error naming the file, tensor or
// field.
//
// Immutable after open(); safe to read from several threads.
class AwqCheckpoint {
    Q_DECLARE_TR_FUNCTIONS(AwqCheckpoint)

public:
    static constexpr const char* kQuantConfigFileName = "quant_config.json";

    static std::shared_ptr<const AwqCheckpoint> open(const QString& directory);

    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    // g, or -1 for one group of all K inputs.
    int groupSize() const { return m_groupSize; }
    const QStringList& modulesNotConverted() const { return m_notConverted; }

    // Modules stored quantized (a "<module>.qweight" tensor), sorted.
    QStringList quantizedModules() const;
    // Whether loaders leave `module` unquantized: an entry of modules_to_not_convert is a
    // substring of its name (transformers' and vLLM's test), or it is lm_head, which transformers
    // never converts.
    bool leftUnquantized(const QString& module) const;

    // The weight [N, K] of linear module `module`, row-major float32: for a quantized module
    // scales[g, n] * (q[k, n] - zero[g, n]) with g = k / group size (float16 scales widened
    // exactly), for a module left unquantized its "<module>.weight" converted to float32. Throws
    // Error for a module that is absent or stored inconsistently with the config.
    std::vector<float> dequantizedWeight(const QString& module) const;

private:
    AwqCheckpoint() = default;

    QString m_directory;
    QString m_configSource; // "…/config.json: quantization_config" for messages
    std::shared_ptr<const Checkpoint> m_checkpoint;
    int m_groupSize = 128;
    QStringList m_notConverted;
};

} // namespace qb
