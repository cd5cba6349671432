#pragma once

#include "core/export/model_card.h"
#include "core/io/gguf_format.h"
#include "core/quant/quantized_model.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace qb {

class LoadedModel;
class Progress;
struct LinearLayer;

// Writes a QuantizedModel as one GGUF v3 file that llama.cpp (and Ollama, LM Studio) load, with
// general.architecture "llama": the hyperparameters, the sentencepiece tokenizer
// (tokenizer.ggml.model "llama": tokens, scores, token types from tokenizer.model; BOS/EOS/UNK
// ids; add_bos_token) and llama.cpp's tensor names (token_embd, blk.N.attn_q …, output_norm,
// output). q_proj and k_proj rows are permuted as llama.cpp's convert_hf_to_gguf.py permutes them
// (from the HF rotate-half order to llama.cpp's interleaved pairs; n_head for q, n_head_kv for k).
//
// Each quantized layer's type (typeFor()):
//   - groups of 32 on rows whose length is a multiple of 32, without act-order: written FROM THE
//     CODES — 4-bit symmetric (zero point 8) Q4_0, 4-bit otherwise Q4_1 (m = −scale·zero),
//     5-bit Q5_0 / Q5_1 alike, 8-bit symmetric Q8_0; exact up to the fp16 rounding of d and m;
//   - any other quantized layer is re-quantized from its dequantized weight (a warning in the
//     report's limitations) to the k-quant of its width when its rows are a multiple of 256 —
//     2 bits Q2_K, 3 Q3_K, 4 Q4_K, 5 Q5_K, 6 Q6_K — else to Q4_1 (2–4 bits) or Q8_0 (5–6 bits,
//     and 7–8 bits always), which the warning says hold more bits than planned; a row length that
//     no block divides (down_proj's 172 in the demo model) is written as the dequantized weight
//     in F32, which is exact.
// Unquantized tensors keep F32, F16 or BF16 (F64 becomes F32); norms are F32. Input scales of
// AWQ / SmoothQuant are folded into the norm or previous linear as PackedExport folds them.
//
// The file is written beside the destination under a temporary name and renamed when complete;
// the plan, report and model card go beside it as <name>.recipe.json, <name>.report.json and
// <name>.README.md (a GGUF is one file, so they cannot share a folder's fixed names).
class GgufExporter {
    Q_DECLARE_TR_FUNCTIONS(GgufExporter)

public:
    struct Options {
        bool replaceExisting = false; // replace an existing file (the CLI's --force)
        ModelCardFacts card;          // what the model card says beyond the run (perplexities)
    };

    // How one quantized layer is stored.
    struct Storage {
        GgmlType type = GgmlType::F32;
        bool fromCodes = false; // packed from the run's codes (else from the dequantized weight)
    };
    // The storage of a layer of `cols` inputs on `scheme`. `symmetricGrid`: every zero point is
    // 2^(bits−1) (PackedExport::hasSymmetricGrid); `actOrder`: groups in another column order.
    static Storage storageFor(const QuantScheme& scheme, std::int64_t cols, bool symmetricGrid,
                              bool actOrder);

    // What stops a GGUF export of `model` (architecture, tokenizer, rope scaling), one line per
    // problem; empty when none. The plan itself never stops it: every layer has a storage.
    static QStringList problemsFor(const LoadedModel& model);

    // Writes `quantized` to `outFile` (a .gguf path). Throws Error, Cancelled (nothing left).
    // Returns limitations().
    static QStringList run(const QuantizedModel& quantized, const QString& outFile,
                           const Options& options, Progress& progress);

    // Every layer not written from its codes, and what else the file does not reproduce.
    static QStringList limitations(const QuantizedModel& quantized);

    // The llama.cpp file type (general.file_type) of the most common weight type: the "_M"
    // variant where llama.cpp has several (Q3_K_M, Q4_K_M, Q5_K_M).
    static std::uint32_t fileTypeOf(GgmlType type);
    // The bits of one quantized value of `type` (4 for Q4_K, 16 for F16), without the scales.
    static int codeBitsOf(GgmlType type);
};

} // namespace qb
