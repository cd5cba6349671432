#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <span>

// The AWQ GEMM checkpoint format ("awq", version "gemm") as AutoAWQ's WQLinear_GEMM writes it and
// transformers and vLLM load it — 4-bit codes only: per quantized module M
//   M.qweight int32 [K, N / 8]     codes packed along the OUTPUT dim (see AwqPacking)
//   M.qzeros  int32 [K / g, N / 8] zero points packed the same way, stored as they are
//   M.scales  float16 [K / g, N]
// with K inputs, N outputs and groups of g inputs (group_size -1: g = K, one group), and
// w[n, k] = scales[k / g, n] * (q[k, n] - zero[k / g, n]). There is no group index, so act-order
// groups cannot be stored, and K must be a multiple of g. Modules listed (by substring) in
// `modules_to_not_convert` stay M.weight.
//
// These pieces are shared by the exporter (core/export) and the reader (AwqCheckpoint).

namespace qb {

// The interleaved nibble order of AWQ GEMM: word c of a row holds the codes of outputs
// c * 8 + kOrder[i] at bits 4 * i, i = 0 … 7 (so output c * 8 + 1 sits at bits 16-19).
struct AwqPacking {
    static constexpr int kBits = 4;
    static constexpr int kValuesPerWord = 8;
    static constexpr std::array<int, kValuesPerWord> kOrder{0, 2, 4, 6, 1, 3, 5, 7};

    // Whether `outputs` values fill whole words (N % 8 == 0).
    static bool fillsWords(std::int64_t outputs) { return outputs % kValuesPerWord == 0; }
    static std::int64_t wordsFor(std::int64_t outputs) { return outputs / kValuesPerWord; }

    // Packs one row of values (each < 16, values.size() a multiple of 8) into
    // words.size() == values.size() / 8 words in the interleaved order.
    static void pack(std::span<const std::uint8_t> values, std::span<std::uint32_t> words);
    // The inverse: values.size() == words.size() * 8 codes in natural output order.
    static void unpack(std::span<const std::uint32_t> words, std::span<std::uint8_t> values);
};

// "gemm": the value of `version` in the config (AutoAWQ writes "GEMM" in quant_config.json).
inline QString awqGemmVersionKey()
{
    return QStringLiteral("gemm");
}

} // namespace qb
