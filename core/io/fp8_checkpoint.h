#pragma once

#include "core/io/checkpoint.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace qb {

// A checkpoint folder in the "fp8" format of transformers (FineGrainedFP8Config) and vLLM
// (Fp8Config) — DeepSeek-V3's and Qwen3's FP8 releases, and AutoFP8's output — read back:
// config.json's `quantization_config` {"quant_method": "fp8", "activation_scheme": "dynamic" or
// "static", "weight_block_size": [rows, columns] (optional)} and per quantized module
//   M.weight            F8_E4M3 [N, K]
//   M.weight_scale_inv  float [⌈N / rows⌉, ⌈K / columns⌉]   with weight_block_size
//   M.weight_scale      float, one value (per tensor) or [N] / [N, 1] (per channel)   without
//   M.input_scale       float, one value                        static activations only
// Despite its name, weight_scale_inv multiplies: w = fp8(M.weight) · scale, in float32 (exact
// for FP8 values and 16-bit scales). A module is quantized when its weight is F8_E4M3; the
// others are read as they are stored.
//
// The activations are quantized to FP8 as the model runs (per token, or in groups of the block's
// columns, or with the static input_scale); QuantBench imports the weights only and says so in
// caveats().
//
// Everything read from the files is checked before use, with an Error naming the folder, tensor
// or field. Immutable after open(); safe to read from several threads.
class Fp8Checkpoint {
    Q_DECLARE_TR_FUNCTIONS(Fp8Checkpoint)

public:
    static std::shared_ptr<const Fp8Checkpoint> open(const QString& directory);

    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    // Modules stored in FP8 (a "<module>.weight" of dtype F8_E4M3), sorted.
    QStringList quantizedModules() const;
    // The tensor-name suffixes a quantized module's storage uses: what an import replaces by the
    // float32 weight.
    static QStringList storageSuffixes();
    // What runtimes do with this checkpoint that its dequantized weights do not show (the
    // activations quantized to FP8), for people.
    const QStringList& caveats() const { return m_caveats; }

    // The weight [N, K] of linear module `module`, row-major float32 (see above); for a module
    // not stored in FP8, its "<module>.weight" converted to float32. Throws Error for a module
    // that is absent or stored inconsistently with the config.
    std::vector<float> dequantizedWeight(const QString& module) const;

private:
    Fp8Checkpoint() = default;

    QString m_directory;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    int m_blockRows = 0; // weight_block_size, or 0: per-tensor or per-channel scales
    int m_blockColumns = 0;
    QStringList m_caveats;
};

} // namespace qb
