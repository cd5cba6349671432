#pragma once

#include "core/model/forward_hooks.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace qb {

// How a linear layer's input activations are rounded as the model runs, each row (token) on its
// own grid computed from that row alone ("dynamic per token"): what W8A8 and SmoothQuant
// evaluate, and what an imported checkpoint whose config quantizes its input activations that way
// (compressed-tensors W8A8 or FP8_DYNAMIC) has its runtime do.
enum class ActivationRounding : std::uint8_t {
    None,
    // scale = max(max|x|, 1e-5) / 127, x = round(x / scale) · scale, half to even, in float32:
    // the SmoothQuant reference's quantize_activation_per_token_absmax (fake_quant.py), which is
    // also vLLM's dynamic per-token int8 (bar the 1e-5 floor, which only all-but-zero rows meet).
    Int8PerToken,
    // scale = max(max|x| / 448, 1 / (448 · 512)), x = e4m3(x / scale) · scale with e4m3 the
    // nearest FP8 E4M3 value (floatToFp8E4M3: half to even, saturating at ±448): vLLM's dynamic
    // per-token FP8, floor included.
    Fp8E4M3PerToken,
};

struct ActivationRoundingText {
    Q_DECLARE_TR_FUNCTIONS(ActivationRoundingText)

public:
    // For people: "int8 per token", "FP8 E4M3 per token", or empty for None.
    static QString describe(ActivationRounding rounding);
};

// Rounds every row of x [tokens, channels] in place as `rounding` says (None: unchanged). The
// row's largest |x| lands on the grid's largest value; a row holding NaN or ±Inf becomes
// non-finite (the reference's max propagates NaN). Runs on all worker threads.
void roundActivationsPerToken(RowMatrix& x, ActivationRounding rounding);

} // namespace qb
