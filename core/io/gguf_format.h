#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// The GGUF v3 container and the ggml block formats QuantBench reads and writes, from llama.cpp's
// ggml/src/ggml-common.h (block structs), ggml/src/ggml-quants.c (dequantize_row_*),
// gguf-py/gguf/constants.py (type ids, metadata value types, file types) and docs/gguf.md.
namespace qb {

// ggml tensor types (ggml.h enum ggml_type). Only those QuantBench handles are named; a file may
// hold others, which the reader refuses by number.
enum class GgmlType : std::uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    BF16 = 30,
};

// Blocks, little-endian, as ggml-common.h lays them out. fp16 fields hold IEEE binary16 bits.
// Q4_0: 32 values w = d * (q - 8); value j (0…15) in the low nibble of qs[j], j + 16 in the high.
struct BlockQ4_0 {
    std::uint16_t d;
    std::uint8_t qs[16];
};
// Q4_1: 32 values w = d * q + m, nibbles as Q4_0.
struct BlockQ4_1 {
    std::uint16_t d;
    std::uint16_t m;
    std::uint8_t qs[16];
};
// Q5_0: 32 values w = d * (q - 16); the low 4 bits as Q4_0, bit 4 of value j in bit j of qh
// (a little-endian uint32).
struct BlockQ5_0 {
    std::uint16_t d;
    std::uint8_t qh[4];
    std::uint8_t qs[16];
};
// Q5_1: 32 values w = d * q + m, bits as Q5_0.
struct BlockQ5_1 {
    std::uint16_t d;
    std::uint16_t m;
    std::uint8_t qh[4];
    std::uint8_t qs[16];
};
// Q8_0: 32 values w = d * q, q signed.
struct BlockQ8_0 {
    std::uint16_t d;
    std::int8_t qs[32];
};
// The k-quants hold QK_K = 256 values per block in sub-blocks with small integer scales that
// fp16 super-scales multiply. Q2_K and Q3_K share how 2-bit fields sit in `qs`: value v of the
// block (0 … 255) is bits 2·((v mod 128) / 32) … +1 of qs[32·(v / 128) + v mod 32].
//
// Q2_K: 16 sub-blocks of 16: w = d * (scales[s] & 0xF) * q - dmin * (scales[s] >> 4), q 2 bits.
struct BlockQ2_K {
    std::uint8_t scales[16];
    std::uint8_t qs[64];
    std::uint16_t d;
    std::uint16_t dmin;
};
// Q3_K: 16 sub-blocks of 16: w = d * (sc[s] - 32) * q, q in -4 … 3: the value's 2 bits in qs,
// minus 4 unless its bit in hmask (bit v / 32 of hmask[v mod 32]) is set. The 6-bit sc[s]
// are split over `scales`: the low 4 bits in the low (s < 8) or high (s ≥ 8) nibble of
// scales[s mod 8], the high 2 bits in bits 2·(s / 4) … +1 of scales[8 + s mod 4].
struct BlockQ3_K {
    std::uint8_t hmask[32];
    std::uint8_t qs[64];
    std::uint8_t scales[12];
    std::uint16_t d;
};
// Q4_K: 256 values in 8 sub-blocks of 32: w = d * sc[s] * q - dmin * mn[s], 6-bit sc and mn
// packed into `scales` (get_scale_min_k4), q 4 bits: sub-blocks 2i and 2i + 1 share qs[32i …
// 32i + 31], low and high nibble.
struct BlockQ4_K {
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[12];
    std::uint8_t qs[128];
};
// Q5_K: 8 sub-blocks of 32: w = d * sc[s] * q - dmin * mn[s], scales and mins packed as Q4_K's,
// q 5 bits: the low 4 as Q4_K's nibbles, the fifth of value 64c + l (c = 0 … 3, l = 0 … 63) in
// bit 2c + l / 32 of qh[l mod 32].
struct BlockQ5_K {
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[12];
    std::uint8_t qh[32];
    std::uint8_t qs[128];
};
// Q6_K: 256 values in 16 sub-blocks of 16: w = d * scales[s] * (q - 32), q 6 bits: low 4 in ql,
// high 2 in qh (see dequantizeQ6K for the interleaving).
struct BlockQ6_K {
    std::uint8_t ql[128];
    std::uint8_t qh[64];
    std::int8_t scales[16];
    std::uint16_t d;
};
static_assert(sizeof(BlockQ4_0) == 18);
static_assert(sizeof(BlockQ4_1) == 20);
static_assert(sizeof(BlockQ5_0) == 22);
static_assert(sizeof(BlockQ5_1) == 24);
static_assert(sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ2_K) == 84);
static_assert(sizeof(BlockQ3_K) == 110);
static_assert(sizeof(BlockQ4_K) == 144);
static_assert(sizeof(BlockQ5_K) == 176);
static_assert(sizeof(BlockQ6_K) == 210);

struct GgmlTypeTraits {
    GgmlType type;
    const char* name;  // as llama.cpp prints it: "Q4_0"
    int blockSize;     // values per block (1 for plain floats)
    int bytesPerBlock; // bytes per block
    int codeBits;      // bits of each value's code (16/32 for plain floats), scales not counted
    // llama.cpp's llama_ftype (gguf-py LlamaFileType) of a file mostly of this type; the k-quants
    // Q3_K, Q4_K and Q5_K as their "_M" mixes.
    std::uint32_t llamaFileType;
};

inline constexpr std::array<GgmlTypeTraits, 13> kGgmlTypeTraits{{
    {GgmlType::F32, "F32", 1, 4, 32, 0},
    {GgmlType::F16, "F16", 1, 2, 16, 1},
    {GgmlType::BF16, "BF16", 1, 2, 16, 32},
    {GgmlType::Q4_0, "Q4_0", 32, sizeof(BlockQ4_0), 4, 2},
    {GgmlType::Q4_1, "Q4_1", 32, sizeof(BlockQ4_1), 4, 3},
    {GgmlType::Q5_0, "Q5_0", 32, sizeof(BlockQ5_0), 5, 8},
    {GgmlType::Q5_1, "Q5_1", 32, sizeof(BlockQ5_1), 5, 9},
    {GgmlType::Q8_0, "Q8_0", 32, sizeof(BlockQ8_0), 8, 7},
    {GgmlType::Q2_K, "Q2_K", 256, sizeof(BlockQ2_K), 2, 10},
    {GgmlType::Q3_K, "Q3_K", 256, sizeof(BlockQ3_K), 3, 12},
    {GgmlType::Q4_K, "Q4_K", 256, sizeof(BlockQ4_K), 4, 15},
    {GgmlType::Q5_K, "Q5_K", 256, sizeof(BlockQ5_K), 5, 17},
    {GgmlType::Q6_K, "Q6_K", 256, sizeof(BlockQ6_K), 6, 18},
}};

// The traits of a type id read from a file, or nullptr for a type QuantBench does not handle.
constexpr const GgmlTypeTraits* ggmlTraitsOf(std::uint32_t type)
{
    for (const GgmlTypeTraits& traits : kGgmlTypeTraits) {
        if (static_cast<std::uint32_t>(traits.type) == type)
            return &traits;
    }
    return nullptr;
}
constexpr const GgmlTypeTraits& ggmlTraits(GgmlType type)
{
    return *ggmlTraitsOf(static_cast<std::uint32_t>(type));
}
QString ggmlTypeName(GgmlType type);

// GGUF metadata value types (gguf-py GGUFValueType).
enum class GgufValueType : std::uint32_t {
    U8 = 0,
    I8 = 1,
    U16 = 2,
    I16 = 3,
    U32 = 4,
    I32 = 5,
    F32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    U64 = 10,
    I64 = 11,
    F64 = 12,
};
QString ggufValueTypeName(GgufValueType type);

// llama.cpp's name of a Llama tensor, as convert_hf_to_gguf.py maps it
// ("model.layers.3.self_attn.q_proj.weight" → "blk.3.attn_q.weight", model.embed_tokens →
// token_embd, model.norm → output_norm, lm_head → output), or empty for a tensor llama.cpp does
// not load.
QString llamaGgufTensorName(const QString& hfName);
// The inverse of llamaGgufTensorName(), or empty.
QString llamaHfTensorName(const QString& ggufName);
// The HF row stored at GGUF row `row` of a q_proj or k_proj weight (or bias) of `rows` rows in
// `heads` heads (n_head for q, n_head_kv for k): convert_hf_to_gguf.py permutes the rows from
// the HF rotate-half order to llama.cpp's interleaved pairs, GGUF row (h, 2i + j) = HF row
// (h, j · headRows / 2 + i).
std::int64_t llamaHfRowOfGgufRow(std::int64_t row, std::int64_t rows, int heads);

// One metadata value. Integers (and Bool) are held in `integer` (a U64 by its bits), floats in
// `real`; arrays keep their element type and their elements in the vector of their kind.
// Arrays of arrays are not used by llama.cpp's llama models and are refused by the reader.
struct GgufValue {
    GgufValueType type = GgufValueType::U32;
    GgufValueType elementType = GgufValueType::U8; // arrays only
    std::int64_t integer = 0;
    double real = 0.0;
    QByteArray string;                  // UTF-8
    std::vector<std::int64_t> integers; // arrays of integer types and Bool
    std::vector<double> reals;          // arrays of F32 and F64
    QByteArrayList strings;             // arrays of String

    static GgufValue u32(std::uint32_t value);
    static GgufValue i32(std::int32_t value);
    static GgufValue f32(float value);
    static GgufValue boolean(bool value);
    static GgufValue text(const QString& value);
    static GgufValue textArray(QByteArrayList values);
    static GgufValue f32Array(std::vector<double> values);
    static GgufValue i32Array(std::vector<std::int64_t> values);

    bool isArray() const { return type == GgufValueType::Array; }
    std::uint64_t arrayLength() const;
};

// Bytes of `values` elements of `type`. Precondition: values is a multiple of the block size.
std::uint64_t ggmlBytes(GgmlType type, std::uint64_t values);

// ---- reference dequantizers (ggml-quants.c dequantize_row_*, same float operations) ---------

// out.size() values of `type` at `src` (out.size() a multiple of the block size; any alignment
// of src) to float32.
void dequantizeGgml(GgmlType type, const std::byte* src, std::span<float> out);

// ---- packers from a quantizer's codes (exact up to the fp16 rounding of d and m) ----------

// 32 codes 0…15 of a symmetric 4-bit grid (zero point 8): w = scale * (q - 8).
BlockQ4_0 packQ4_0(std::span<const std::uint8_t> codes, float scale);
// 32 codes 0…15 of an asymmetric grid w = scale * (q - zero): d = scale, m = -scale * zero.
BlockQ4_1 packQ4_1(std::span<const std::uint8_t> codes, float scale, float zero);
// 32 codes 0…31, zero point 16.
BlockQ5_0 packQ5_0(std::span<const std::uint8_t> codes, float scale);
BlockQ5_1 packQ5_1(std::span<const std::uint8_t> codes, float scale, float zero);
// 32 codes 0…255 of a symmetric 8-bit grid (zero point 128): q = code - 128.
BlockQ8_0 packQ8_0(std::span<const std::uint8_t> codes, float scale);

// ---- reference quantizers (float → blocks), for weights without codes of the type ---------

// Quantizes values.size() floats (a multiple of the block size) into `dst`, which must hold
// ggmlBytes(type, values.size()) bytes. Q4_0, Q4_1 and Q8_0 as llama.cpp's quantize_row_*_ref
// compute them; the k-quants without llama.cpp's search (make_qkx2_quants, make_q3_quants), on
// a plain grid per sub-block, and as valid:
//   - Q4_K and Q6_K: the sub-block's min/max (Q4_K) or max-abs (Q6_K) grid, its scale rounded to
//     the nearest 6-/8-bit step of the super-scale (a value can clip by up to that rounding);
//   - Q2_K and Q5_K: a grid from the sub-block's minimum (clamped to ≤ 0: the format subtracts
//     it) to its maximum, Q3_K: a symmetric grid over the sub-block's largest value of either
//     sign, choosing which sign gets the extra level -4; the fp16 super-scales rounded up and the
//     4-/6-bit sub-block scales (and mins) rounded up so that the stored grid still covers every
//     value: the error of a value is at most half its sub-block's stored step.
// F32, F16 and BF16 by conversion.
void quantizeGgml(GgmlType type, std::span<const float> values, std::byte* dst);

} // namespace qb
