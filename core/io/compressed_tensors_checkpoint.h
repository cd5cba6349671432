#pragma once

#include "core/io/checkpoint.h"
#include "core/io/compressed_tensors_format.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace qb {

// A compressed-tensors "pack-quantized" checkpoint folder read back: its quantization config
// (config.json's `quantization_config`) and its packed tensors, dequantized on request to the
// float32 weights the kernels compute with. Int weights of 1 to 8 bits in groups, per channel or
// per tensor, symmetric or with packed zero points, with or without act-order (weight_g_idx) are
// understood; other formats (naive-quantized, float, sparse) and activation quantization are
// refused.
//
// A module's config group is found as compressed-tensors finds it: `ignore` first, then the
// targets — an exact name before a "re:" regex (Python re.match) before a class name ("Linear",
// which names every linear layer asked about); two groups matching a module equally well are
// refused as ambiguous.
//
// Everything read from the files is checked before use: open() refuses a config whose fields
// have the wrong type or range, dequantizedWeight() a module whose tensors are missing or have
// the wrong dtype, shape or values, or whose storage disagrees with the config, with an Error
// naming the file, tensor or field.
//
// Immutable after open(); safe to read from several threads.
class CompressedTensorsCheckpoint {
    Q_DECLARE_TR_FUNCTIONS(CompressedTensorsCheckpoint)

public:
    // The `weights` arguments of a config group.
    struct Scheme {
        QString group;         // the config group's name, "group_0"
        int bits = 8;          // num_bits
        bool symmetric = true; // no zero point stored
        enum class Strategy : std::uint8_t { Tensor, Channel, Group } strategy = Strategy::Tensor;
        int groupSize = 0;     // strategy Group only
        bool actOrder = false; // actorder "group": weight_g_idx stored
    };

    static std::shared_ptr<const CompressedTensorsCheckpoint> open(const QString& directory);

    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    // Modules stored quantized (a "<module>.weight_packed" tensor), sorted.
    QStringList quantizedModules() const;
    // The scheme the config gives linear module `module`, or nullopt when `ignore` names it or no
    // target matches it. Throws Error when two config groups match it equally well.
    std::optional<Scheme> schemeFor(const QString& module) const;

    // The weight [N, K] of linear module `module`, row-major float32: for a quantized module
    // scale[n, g] * (u[n, k] − z[n, g]) with the stored (offset) values u and zero points z,
    // g = weight_g_idx[k] or k / group size (scales of any float dtype widened exactly); for a
    // module left unquantized its "<module>.weight" converted to float32. Throws Error for a
    // module that is absent or stored inconsistently with the config.
    std::vector<float> dequantizedWeight(const QString& module) const;

private:
    CompressedTensorsCheckpoint() = default;

    struct Group {
        Scheme scheme;
        std::vector<CompressedTensorsTarget> targets;
    };

    QString m_directory;
    QString m_configSource; // "…/config.json: quantization_config" for messages
    std::shared_ptr<const Checkpoint> m_checkpoint;
    std::vector<Group> m_groups; // in the config's key order (sorted by QJsonObject)
    std::vector<CompressedTensorsTarget> m_ignore;
};

} // namespace qb
