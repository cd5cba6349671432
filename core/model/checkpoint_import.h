#pragma once

#include "core/model/activation_rounding.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>

namespace qb {

class GgufFile;

// Checkpoints another tool (or QuantBench) wrote in a packed format, turned into the plain
// float32 Hugging Face folder LoadedModel opens, so that they can be inspected, evaluated and
// compared with the same views: a GGUF file (llama architecture), or a GPTQ, AWQ,
// compressed-tensors or FP8 (quant_method "fp8") folder (told apart by config.json's
// quantization_config, quantize_config.json or quant_config.json).
class CheckpointImport {
    Q_DECLARE_TR_FUNCTIONS(CheckpointImport)

public:
    // What the checkpoint has runtimes do beyond its weights.
    struct Imported {
        // Linear module -> how its input activations are rounded as the model runs, for the
        // modules whose checkpoint says so in a way the forward pass can reproduce (dynamic per
        // token, ActivationRounding); LoadedModel applies it.
        std::map<QString, ActivationRounding> activationRounding;
        // Everything else it has runtimes do that the float32 model leaves out (activations
        // quantized otherwise, a quantized KV cache), for people; empty when nothing is.
        QStringList caveats;
    };

    enum class Kind : std::uint8_t { Plain, Gguf, Gptq, Awq, CompressedTensors, Fp8 };

    // What `path` holds: Gguf for a file starting with the GGUF magic, a packed format for a
    // folder whose quantization config names it, Plain otherwise (including a plain folder or a
    // path that does not exist: LoadedModel then says what is wrong).
    static Kind detect(const QString& path);
    // "GGUF", "GPTQ", "AWQ", "compressed-tensors", "FP8".
    static QString kindName(Kind kind);

    // Writes the dequantized float32 model of `path` (of `kind`, not Plain) into the existing
    // empty folder `folder`: config.json (without quantization_config), model.safetensors with
    // every weight in float32 under its HF name (GGUF: q/k rows permuted back) and the other
    // tensors as they were, and the tokenizer (GGUF: a tokenizer.model rebuilt from
    // tokenizer.ggml.tokens/scores/token_type and a tokenizer_config.json with add_bos_token;
    // packed folders: their tokenizer files copied). Throws Error naming the file and field.
    // Returns what the checkpoint has runtimes do beyond its weights.
    static Imported dequantizeInto(const QString& path, Kind kind, const QString& folder);

private:
    static void ggufInto(const GgufFile& gguf, const QString& folder);
    static Imported packedInto(const QString& directory, Kind kind, const QString& folder);
};

} // namespace qb
