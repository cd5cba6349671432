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

// A compressed-tensors checkpoint folder (llm-compressor's output) read back: its quantization
// config (config.json's `quantization_config`) and its quantized weights, dequantized on request
// to the float32 weights the kernels compute with. Two storages are understood:
//  - "pack-quantized": int weights of 1 to 8 bits packed into int32 words (weight_packed), with
//    packed or int8 zero points;
//  - "float-quantized", "int-quantized" and "naive-quantized": the quantized values stored as they
//    are in `<module>.weight` — FP8 E4M3 for `type: float` (8 bits, symmetric), signed int8 for
//    `type: int` (with int8 zero points when asymmetric) — beside `<module>.weight_scale`;
// with scales per tensor, per channel, per group (with or without act-order, weight_g_idx) or per
// block (`block_structure` [rows, columns]); "mixed-precision" names the storage per config
// group. What dequantization gives: w = scale · (q − zero point), in float32, as
// compressed-tensors' dequantize computes it (exact for FP8 values and 16-bit scales).
//
// Activation quantization (`input_activations`, as in FP8 and W8A8 checkpoints) and a quantized
// KV cache are applied by runtimes as the model runs: dynamic per-token 8-bit activations are
// reported in Scheme::tokenActivations (an importer can round them the same way), everything
// else in caveats(). Output activations, sparsity and the other formats (nvfp4, marlin-24…)
// are refused.
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
    // The `weights` arguments of a config group, and how its weights are stored.
    struct Scheme {
        QString group;            // the config group's name, "group_0"
        bool packed = true;       // pack-quantized (weight_packed), else the values in `weight`
        bool floatValues = false; // type "float": FP8 E4M3 values (unpacked, 8-bit, symmetric)
        int bits = 8;             // num_bits
        bool symmetric = true;    // no zero point stored
        enum class Strategy : std::uint8_t {
            Tensor,
            Channel,
            Group,
            Block
        } strategy = Strategy::Tensor;
        int groupSize = 0; // strategy Group only
        int blockRows = 0; // strategy Block only: block_structure [rows, columns]
        int blockColumns = 0;
        bool actOrder = false; // actorder "group": weight_g_idx stored
        // The group's `input_activations` when they are 8-bit, symmetric, dynamic and per
        // token — W8A8 (int) and FP8_DYNAMIC (float): runtimes round each token's input on its
        // own grid as the model runs, which an importer can do too. Other activation schemes
        // (static input_scale, per tensor, groups, asymmetric) are in caveats() instead.
        enum class TokenActivations : std::uint8_t {
            None,
            Int8,
            Fp8E4M3
        } tokenActivations = TokenActivations::None;
    };

    static std::shared_ptr<const CompressedTensorsCheckpoint> open(const QString& directory);

    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    // Modules stored quantized (a "<module>.weight_packed" or "<module>.weight_scale" tensor),
    // sorted.
    QStringList quantizedModules() const;
    // The tensor-name suffixes a quantized module's storage uses ("weight_packed", "weight",
    // "weight_scale", "input_scale", …): what an import replaces by the float32 weight.
    static QStringList storageSuffixes();
    // What a runtime does with this checkpoint that neither its dequantized weights nor
    // Scheme::tokenActivations show (input activations quantized otherwise than dynamically per
    // token, a quantized KV cache), for people; empty when nothing is.
    const QStringList& caveats() const { return m_caveats; }
    // The scheme the config gives linear module `module`, or nullopt when `ignore` names it or no
    // target matches it. Throws Error when two config groups match it equally well.
    std::optional<Scheme> schemeFor(const QString& module) const;

    // The weight [N, K] of linear module `module`, row-major float32: for a quantized module
    // scale[p] * (u[n, k] − z[p]) with the stored values u (packed: offset by 2^(bits−1); int8:
    // signed; FP8: their float values), zero points z alike (0 for FP8) and p the parameter of
    // (n, k) by the strategy (group g = weight_g_idx[k] or k / group size; block (n / rows,
    // k / columns)), scales of any float dtype widened exactly; for a module left unquantized
    // its "<module>.weight" converted to float32. Throws Error for a module that is absent or
    // stored inconsistently with the config.
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
    QStringList m_caveats;
};

} // namespace qb
