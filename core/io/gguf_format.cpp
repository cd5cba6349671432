#include "core/io/gguf_format.h"

#include "core/io/dtype.h"

#include <QRegularExpression>
#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace qb {

static_assert(std::endian::native == std::endian::little,
              "GGUF blocks are little-endian and are read and written as they are in memory");

namespace {

struct LayerNames {
    const char* hf;
    const char* gguf;
};
// Inside a block: model.layers.N.<hf> ↔ blk.N.<gguf> (convert_hf_to_gguf's tensor map for llama).
constexpr LayerNames kBlockNames[] = {
    {"self_attn.q_proj", "attn_q"},
    {"self_attn.k_proj", "attn_k"},
    {"self_attn.v_proj", "attn_v"},
    {"self_attn.o_proj", "attn_output"},
    {"mlp.gate_proj", "ffn_gate"},
    {"mlp.up_proj", "ffn_up"},
    {"mlp.down_proj", "ffn_down"},
    {"input_layernorm", "attn_norm"},
    {"post_attention_layernorm", "ffn_norm"},
};
constexpr LayerNames kModelNames[] = {
    {"model.embed_tokens", "token_embd"},
    {"model.norm", "output_norm"},
    {"lm_head", "output"},
};

} // namespace

QString llamaGgufTensorName(const QString& hfName)
{
    static const QRegularExpression block(
        QStringLiteral("^model\\.layers\\.(\\d+)\\.(.+)\\.(weight|bias)$"));
    if (const auto match = block.match(hfName); match.hasMatch()) {
        for (const LayerNames& names : kBlockNames) {
            if (match.captured(2) == QLatin1String(names.hf))
                return QStringLiteral("blk.%1.%2.%3")
                    .arg(match.captured(1), QLatin1String(names.gguf), match.captured(3));
        }
        return {};
    }
    for (const LayerNames& names : kModelNames) {
        const QString prefix = QLatin1String(names.hf) + QLatin1Char('.');
        if (hfName.startsWith(prefix)) {
            const QString suffix = hfName.mid(prefix.size());
            if (suffix == QLatin1String("weight") || suffix == QLatin1String("bias"))
                return QLatin1String(names.gguf) + QLatin1Char('.') + suffix;
        }
    }
    return {};
}

QString llamaHfTensorName(const QString& ggufName)
{
    static const QRegularExpression block(QStringLiteral("^blk\\.(\\d+)\\.(.+)\\.(weight|bias)$"));
    if (const auto match = block.match(ggufName); match.hasMatch()) {
        for (const LayerNames& names : kBlockNames) {
            if (match.captured(2) == QLatin1String(names.gguf))
                return QStringLiteral("model.layers.%1.%2.%3")
                    .arg(match.captured(1), QLatin1String(names.hf), match.captured(3));
        }
        return {};
    }
    for (const LayerNames& names : kModelNames) {
        const QString prefix = QLatin1String(names.gguf) + QLatin1Char('.');
        if (ggufName.startsWith(prefix)) {
            const QString suffix = ggufName.mid(prefix.size());
            if (suffix == QLatin1String("weight") || suffix == QLatin1String("bias"))
                return QLatin1String(names.hf) + QLatin1Char('.') + suffix;
        }
    }
    return {};
}

std::int64_t llamaHfRowOfGgufRow(std::int64_t row, std::int64_t rows, int heads)
{
    // convert_hf_to_gguf: w.reshape(n_head, 2, rows / n_head / 2, …).swapaxes(1, 2): GGUF row
    // (h, 2i + j) is HF row (h, j · half + i).
    const std::int64_t headRows = rows / heads;
    const std::int64_t half = headRows / 2;
    const std::int64_t head = row / headRows;
    const std::int64_t t = row % headRows;
    return head * headRows + (t % 2) * half + t / 2;
}

QString ggmlTypeName(GgmlType type)
{
    return QLatin1String(ggmlTraits(type).name);
}

QString ggufValueTypeName(GgufValueType type)
{
    static const char* const names[] = {"UINT8",  "INT8",    "UINT16", "INT16",  "UINT32",
                                        "INT32",  "FLOAT32", "BOOL",   "STRING", "ARRAY",
                                        "UINT64", "INT64",   "FLOAT64"};
    const auto index = static_cast<std::size_t>(type);
    return index < std::size(names) ? QLatin1String(names[index])
                                    : QStringLiteral("type %1").arg(index);
}

GgufValue GgufValue::u32(std::uint32_t value)
{
    GgufValue v;
    v.type = GgufValueType::U32;
    v.integer = value;
    return v;
}

GgufValue GgufValue::i32(std::int32_t value)
{
    GgufValue v;
    v.type = GgufValueType::I32;
    v.integer = value;
    return v;
}

GgufValue GgufValue::f32(float value)
{
    GgufValue v;
    v.type = GgufValueType::F32;
    v.real = value;
    return v;
}

GgufValue GgufValue::boolean(bool value)
{
    GgufValue v;
    v.type = GgufValueType::Bool;
    v.integer = value ? 1 : 0;
    return v;
}

GgufValue GgufValue::text(const QString& value)
{
    GgufValue v;
    v.type = GgufValueType::String;
    v.string = value.toUtf8();
    return v;
}

GgufValue GgufValue::textArray(QByteArrayList values)
{
    GgufValue v;
    v.type = GgufValueType::Array;
    v.elementType = GgufValueType::String;
    v.strings = std::move(values);
    return v;
}

GgufValue GgufValue::f32Array(std::vector<double> values)
{
    GgufValue v;
    v.type = GgufValueType::Array;
    v.elementType = GgufValueType::F32;
    v.reals = std::move(values);
    return v;
}

GgufValue GgufValue::i32Array(std::vector<std::int64_t> values)
{
    GgufValue v;
    v.type = GgufValueType::Array;
    v.elementType = GgufValueType::I32;
    v.integers = std::move(values);
    return v;
}

std::uint64_t GgufValue::arrayLength() const
{
    switch (elementType) {
    case GgufValueType::String:
        return static_cast<std::uint64_t>(strings.size());
    case GgufValueType::F32:
    case GgufValueType::F64:
        return reals.size();
    default:
        return integers.size();
    }
}

std::uint64_t ggmlBytes(GgmlType type, std::uint64_t values)
{
    const GgmlTypeTraits& traits = ggmlTraits(type);
    Q_ASSERT(values % static_cast<std::uint64_t>(traits.blockSize) == 0);
    return values / static_cast<std::uint64_t>(traits.blockSize)
           * static_cast<std::uint64_t>(traits.bytesPerBlock);
}

namespace {

// The block at `index` of a byte stream of any alignment.
template <typename Block> Block blockAt(const std::byte* src, std::size_t index)
{
    Block block;
    std::memcpy(&block, src + index * sizeof(Block), sizeof(Block));
    return block;
}

template <typename Block> void storeBlock(const Block& block, std::byte* dst, std::size_t index)
{
    std::memcpy(dst + index * sizeof(Block), &block, sizeof(Block));
}

// ggml's get_scale_min_k4: the 6-bit scale and min of sub-block j (0…7) of a Q4_K block.
void scaleMinK4(int j, const std::uint8_t* q, std::uint8_t* scale, std::uint8_t* min)
{
    if (j < 4) {
        *scale = q[j] & 63;
        *min = q[j + 4] & 63;
    } else {
        *scale = static_cast<std::uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        *min = static_cast<std::uint8_t>((q[j + 4] >> 4) | ((q[j - 0] >> 6) << 4));
    }
}

// The 256 values of a Q4_K or Q5_K block into y[0 … 255] (dequantize_row_q4_K / _q5_K): chunk
// c (0 … 3) of 64 values is sub-block 2c from the low nibbles of qs[32c …] then sub-block 2c + 1
// from the high nibbles, w = d·sc[s]·q − dmin·mn[s]. Q5_K's fifth bit of q is bit s of qh[l];
// `qh` is null for Q4_K (no fifth bit).
void dequantizeScaleMinK4(std::uint16_t dHalf, std::uint16_t dminHalf, const std::uint8_t* scales,
                          const std::uint8_t* qs, const std::uint8_t* qh, float* y)
{
    const float d = halfToFloat(dHalf);
    const float dmin = halfToFloat(dminHalf);
    for (int c = 0; c < 4; ++c, qs += 32) {
        for (int s = 2 * c; s < 2 * c + 2; ++s) {
            std::uint8_t sc = 0;
            std::uint8_t mn = 0;
            scaleMinK4(s, scales, &sc, &mn);
            const float dl = d * static_cast<float>(sc);
            const float ml = dmin * static_cast<float>(mn);
            for (int l = 0; l < 32; ++l) {
                const int low = s % 2 == 0 ? qs[l] & 0xF : qs[l] >> 4;
                const int high = qh != nullptr ? ((qh[l] >> s) & 1) << 4 : 0;
                *y++ = dl * static_cast<float>(low | high) - ml;
            }
        }
    }
}

// The inverse of scaleMinK4: 8 six-bit scales and mins into the 12 bytes of a Q4_K / Q5_K block.
void packScaleMinK4(const std::uint8_t* sc, const std::uint8_t* mn, std::uint8_t* q)
{
    for (int j = 0; j < 4; ++j) {
        q[j] = static_cast<std::uint8_t>((sc[j] & 63) | ((sc[j + 4] >> 4) << 6));
        q[j + 4] = static_cast<std::uint8_t>((mn[j] & 63) | ((mn[j + 4] >> 4) << 6));
        q[j + 8] = static_cast<std::uint8_t>((sc[j + 4] & 0xF) | ((mn[j + 4] & 0xF) << 4));
    }
}

// The 6-bit scale (0 … 63, stored + 32) of sub-block s (0 … 15) of a Q3_K block: low 4 bits in a
// nibble of scales[s mod 8], high 2 bits in scales[8 + s mod 4] (dequantize_row_q3_K unpacks the
// same with its kmask words).
int scaleQ3K(int s, const std::uint8_t* scales)
{
    const int low = s < 8 ? scales[s] & 0xF : scales[s - 8] >> 4;
    const int high = (scales[8 + s % 4] >> (2 * (s / 4))) & 3;
    return low | (high << 4);
}

void packScalesQ3K(const std::uint8_t* sc, std::uint8_t* scales)
{
    std::memset(scales, 0, 12);
    for (int s = 0; s < 16; ++s) {
        scales[s % 8] |= static_cast<std::uint8_t>((sc[s] & 0xF) << (s < 8 ? 0 : 4));
        scales[8 + s % 4] |= static_cast<std::uint8_t>((sc[s] >> 4) << (2 * (s / 4)));
    }
}

// The 2-bit field of value v (0 … 255) of Q2_K / Q3_K's qs: byte 32·(v / 128) + v mod 32, bits
// 2·((v mod 128) / 32) … +1.
int crumbAt(const std::uint8_t* qs, int v)
{
    return (qs[32 * (v / 128) + v % 32] >> (2 * ((v % 128) / 32))) & 3;
}

void packCrumbs(const std::uint8_t* q, std::uint8_t* qs)
{
    std::memset(qs, 0, 64);
    for (int v = 0; v < 256; ++v)
        qs[32 * (v / 128) + v % 32] |=
            static_cast<std::uint8_t>((q[v] & 3) << (2 * ((v % 128) / 32)));
}

// The high bits of 32 five-bit codes, bit j for value j.
std::uint32_t highBits(std::span<const std::uint8_t> codes)
{
    std::uint32_t qh = 0;
    for (std::size_t j = 0; j < 32; ++j)
        qh |= static_cast<std::uint32_t>((codes[j] >> 4) & 1) << j;
    return qh;
}

void packNibbles(std::span<const std::uint8_t> codes, std::uint8_t* qs)
{
    for (std::size_t j = 0; j < 16; ++j)
        qs[j] = static_cast<std::uint8_t>((codes[j] & 0x0F) | ((codes[j + 16] & 0x0F) << 4));
}

int nearestInt(float value)
{
    return static_cast<int>(std::nearbyint(value));
}

} // namespace

void dequantizeGgml(GgmlType type, const std::byte* src, std::span<float> out)
{
    const std::size_t blockSize = static_cast<std::size_t>(ggmlTraits(type).blockSize);
    Q_ASSERT(out.size() % blockSize == 0);
    const std::size_t blocks = out.size() / blockSize;
    float* y = out.data();
    switch (type) {
    case GgmlType::F32:
        std::memcpy(y, src, out.size() * sizeof(float));
        return;
    case GgmlType::F16:
        convertToFloat(DType::F16, src, out);
        return;
    case GgmlType::BF16:
        convertToFloat(DType::BF16, src, out);
        return;
    case GgmlType::Q4_0:
        for (std::size_t i = 0; i < blocks; ++i, y += 32) {
            const auto b = blockAt<BlockQ4_0>(src, i);
            const float d = halfToFloat(b.d);
            for (int j = 0; j < 16; ++j) {
                y[j] = static_cast<float>((b.qs[j] & 0x0F) - 8) * d;
                y[j + 16] = static_cast<float>((b.qs[j] >> 4) - 8) * d;
            }
        }
        return;
    case GgmlType::Q4_1:
        for (std::size_t i = 0; i < blocks; ++i, y += 32) {
            const auto b = blockAt<BlockQ4_1>(src, i);
            const float d = halfToFloat(b.d);
            const float m = halfToFloat(b.m);
            for (int j = 0; j < 16; ++j) {
                y[j] = static_cast<float>(b.qs[j] & 0x0F) * d + m;
                y[j + 16] = static_cast<float>(b.qs[j] >> 4) * d + m;
            }
        }
        return;
    case GgmlType::Q5_0:
    case GgmlType::Q5_1:
        for (std::size_t i = 0; i < blocks; ++i, y += 32) {
            float d = 0.0f;
            float m = 0.0f;
            std::uint32_t qh = 0;
            const std::uint8_t* qs = nullptr;
            BlockQ5_0 b0;
            BlockQ5_1 b1;
            if (type == GgmlType::Q5_0) {
                b0 = blockAt<BlockQ5_0>(src, i);
                d = halfToFloat(b0.d);
                std::memcpy(&qh, b0.qh, sizeof(qh));
                qs = b0.qs;
            } else {
                b1 = blockAt<BlockQ5_1>(src, i);
                d = halfToFloat(b1.d);
                m = halfToFloat(b1.m);
                std::memcpy(&qh, b1.qh, sizeof(qh));
                qs = b1.qs;
            }
            const int offset = type == GgmlType::Q5_0 ? 16 : 0;
            for (int j = 0; j < 16; ++j) {
                const int high0 = static_cast<int>(((qh >> j) << 4) & 0x10);
                const int high1 = static_cast<int>((qh >> (j + 12)) & 0x10);
                const int x0 = ((qs[j] & 0x0F) | high0) - offset;
                const int x1 = ((qs[j] >> 4) | high1) - offset;
                if (type == GgmlType::Q5_0) {
                    y[j] = static_cast<float>(x0) * d;
                    y[j + 16] = static_cast<float>(x1) * d;
                } else {
                    y[j] = static_cast<float>(x0) * d + m;
                    y[j + 16] = static_cast<float>(x1) * d + m;
                }
            }
        }
        return;
    case GgmlType::Q8_0:
        for (std::size_t i = 0; i < blocks; ++i, y += 32) {
            const auto b = blockAt<BlockQ8_0>(src, i);
            const float d = halfToFloat(b.d);
            for (int j = 0; j < 32; ++j)
                y[j] = static_cast<float>(b.qs[j]) * d;
        }
        return;
    case GgmlType::Q2_K:
        for (std::size_t i = 0; i < blocks; ++i, y += 256) {
            const auto b = blockAt<BlockQ2_K>(src, i);
            const float d = halfToFloat(b.d);
            const float dmin = halfToFloat(b.dmin);
            for (int s = 0; s < 16; ++s) {
                const float dl = d * static_cast<float>(b.scales[s] & 0xF);
                const float ml = dmin * static_cast<float>(b.scales[s] >> 4);
                for (int v = 16 * s; v < 16 * s + 16; ++v)
                    y[v] = dl * static_cast<float>(crumbAt(b.qs, v)) - ml;
            }
        }
        return;
    case GgmlType::Q3_K:
        for (std::size_t i = 0; i < blocks; ++i, y += 256) {
            const auto b = blockAt<BlockQ3_K>(src, i);
            const float d = halfToFloat(b.d);
            for (int s = 0; s < 16; ++s) {
                const float dl = d * static_cast<float>(scaleQ3K(s, b.scales) - 32);
                for (int v = 16 * s; v < 16 * s + 16; ++v) {
                    const bool high = (b.hmask[v % 32] >> (v / 32)) & 1;
                    y[v] = dl * static_cast<float>(crumbAt(b.qs, v) - (high ? 0 : 4));
                }
            }
        }
        return;
    case GgmlType::Q4_K:
        for (std::size_t i = 0; i < blocks; ++i, y += 256) {
            const auto b = blockAt<BlockQ4_K>(src, i);
            dequantizeScaleMinK4(b.d, b.dmin, b.scales, b.qs, nullptr, y);
        }
        return;
    case GgmlType::Q5_K:
        for (std::size_t i = 0; i < blocks; ++i, y += 256) {
            const auto b = blockAt<BlockQ5_K>(src, i);
            dequantizeScaleMinK4(b.d, b.dmin, b.scales, b.qs, b.qh, y);
        }
        return;
    case GgmlType::Q6_K:
        for (std::size_t i = 0; i < blocks; ++i) {
            const auto b = blockAt<BlockQ6_K>(src, i);
            const float d = halfToFloat(b.d);
            const std::uint8_t* ql = b.ql;
            const std::uint8_t* qh = b.qh;
            const std::int8_t* sc = b.scales;
            for (int n = 0; n < 256; n += 128) {
                for (int l = 0; l < 32; ++l) {
                    const int is = l / 16;
                    const int q1 = ((ql[l + 0] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
                    const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
                    const int q3 = ((ql[l + 0] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                    const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                    y[l + 0] = d * static_cast<float>(sc[is + 0]) * static_cast<float>(q1);
                    y[l + 32] = d * static_cast<float>(sc[is + 2]) * static_cast<float>(q2);
                    y[l + 64] = d * static_cast<float>(sc[is + 4]) * static_cast<float>(q3);
                    y[l + 96] = d * static_cast<float>(sc[is + 6]) * static_cast<float>(q4);
                }
                y += 128;
                ql += 64;
                qh += 32;
                sc += 8;
            }
        }
        return;
    }
}

BlockQ4_0 packQ4_0(std::span<const std::uint8_t> codes, float scale)
{
    Q_ASSERT(codes.size() == 32);
    BlockQ4_0 b{};
    b.d = floatToHalf(scale);
    packNibbles(codes, b.qs);
    return b;
}

BlockQ4_1 packQ4_1(std::span<const std::uint8_t> codes, float scale, float zero)
{
    Q_ASSERT(codes.size() == 32);
    BlockQ4_1 b{};
    b.d = floatToHalf(scale);
    b.m = floatToHalf(-scale * zero);
    packNibbles(codes, b.qs);
    return b;
}

BlockQ5_0 packQ5_0(std::span<const std::uint8_t> codes, float scale)
{
    Q_ASSERT(codes.size() == 32);
    BlockQ5_0 b{};
    b.d = floatToHalf(scale);
    const std::uint32_t qh = highBits(codes);
    std::memcpy(b.qh, &qh, sizeof(qh));
    packNibbles(codes, b.qs);
    return b;
}

BlockQ5_1 packQ5_1(std::span<const std::uint8_t> codes, float scale, float zero)
{
    Q_ASSERT(codes.size() == 32);
    BlockQ5_1 b{};
    b.d = floatToHalf(scale);
    b.m = floatToHalf(-scale * zero);
    const std::uint32_t qh = highBits(codes);
    std::memcpy(b.qh, &qh, sizeof(qh));
    packNibbles(codes, b.qs);
    return b;
}

BlockQ8_0 packQ8_0(std::span<const std::uint8_t> codes, float scale)
{
    Q_ASSERT(codes.size() == 32);
    BlockQ8_0 b{};
    b.d = floatToHalf(scale);
    for (std::size_t j = 0; j < 32; ++j)
        b.qs[j] = static_cast<std::int8_t>(static_cast<int>(codes[j]) - 128);
    return b;
}

namespace {

BlockQ4_0 quantizeBlockQ4_0(const float* x)
{
    float amax = 0.0f;
    float max = 0.0f;
    for (int j = 0; j < 32; ++j) {
        if (std::fabs(x[j]) > amax) {
            amax = std::fabs(x[j]);
            max = x[j];
        }
    }
    const float d = max / -8.0f;
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    std::uint8_t codes[32];
    for (int j = 0; j < 32; ++j)
        codes[j] = static_cast<std::uint8_t>(
            std::min(15, static_cast<int>(static_cast<std::int8_t>(x[j] * id + 8.5f))));
    return packQ4_0(codes, d);
}

BlockQ4_1 quantizeBlockQ4_1(const float* x)
{
    float min = x[0];
    float max = x[0];
    for (int j = 1; j < 32; ++j) {
        min = std::min(min, x[j]);
        max = std::max(max, x[j]);
    }
    const float d = (max - min) / 15.0f;
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    BlockQ4_1 b{};
    b.d = floatToHalf(d);
    b.m = floatToHalf(min);
    std::uint8_t codes[32];
    for (int j = 0; j < 32; ++j)
        codes[j] = static_cast<std::uint8_t>(
            std::min(15, static_cast<int>(static_cast<std::int8_t>((x[j] - min) * id + 0.5f))));
    packNibbles(codes, b.qs);
    return b;
}

BlockQ8_0 quantizeBlockQ8_0(const float* x)
{
    float amax = 0.0f;
    for (int j = 0; j < 32; ++j)
        amax = std::max(amax, std::fabs(x[j]));
    const float d = amax / 127.0f;
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    BlockQ8_0 b{};
    b.d = floatToHalf(d);
    for (int j = 0; j < 32; ++j)
        b.qs[j] = static_cast<std::int8_t>(nearestInt(x[j] * id));
    return b;
}

// How many steps of `unit` reach `value` (≥ 0), at most `limit`.
int stepsCovering(float value, float unit, int limit)
{
    return unit > 0.0f ? std::clamp(static_cast<int>(std::ceil(value / unit)), 0, limit) : 0;
}

// Q4_K: each sub-block of 32 on its own min/max grid (min clamped to ≤ 0, as the format stores
// a subtracted min), the 8 scales and mins quantized to 6 bits against the super-block's fp16 d
// and dmin, then every value rounded on the grid those stored numbers give.
BlockQ4_K quantizeBlockQ4_K(const float* x)
{
    float scales[8];
    float mins[8];
    float maxScale = 0.0f;
    float maxMin = 0.0f;
    for (int s = 0; s < 8; ++s) {
        float lo = 0.0f;
        float hi = x[s * 32];
        for (int l = 0; l < 32; ++l) {
            lo = std::min(lo, x[s * 32 + l]);
            hi = std::max(hi, x[s * 32 + l]);
        }
        scales[s] = std::max(0.0f, (hi - lo) / 15.0f);
        mins[s] = -lo;
        maxScale = std::max(maxScale, scales[s]);
        maxMin = std::max(maxMin, mins[s]);
    }
    BlockQ4_K b{};
    b.d = floatToHalf(maxScale / 63.0f);
    b.dmin = floatToHalf(maxMin / 63.0f);
    const float d = halfToFloat(b.d);
    const float dmin = halfToFloat(b.dmin);
    std::uint8_t sc[8];
    std::uint8_t mn[8];
    for (int s = 0; s < 8; ++s) {
        sc[s] =
            static_cast<std::uint8_t>(d > 0.0f ? std::clamp(nearestInt(scales[s] / d), 0, 63) : 0);
        // Rounded up so that the grid still reaches the sub-block's minimum.
        mn[s] = static_cast<std::uint8_t>(stepsCovering(mins[s], dmin, 63));
    }
    packScaleMinK4(sc, mn, b.scales);
    std::uint8_t q[256];
    for (int s = 0; s < 8; ++s) {
        const float step = d * static_cast<float>(sc[s]);
        const float offset = dmin * static_cast<float>(mn[s]);
        for (int l = 0; l < 32; ++l) {
            const float value = x[s * 32 + l];
            q[s * 32 + l] = static_cast<std::uint8_t>(
                step > 0.0f ? std::clamp(nearestInt((value + offset) / step), 0, 15) : 0);
        }
    }
    for (int j = 0; j < 4; ++j) {
        for (int l = 0; l < 32; ++l)
            b.qs[32 * j + l] = static_cast<std::uint8_t>(q[64 * j + l] | (q[64 * j + 32 + l] << 4));
    }
    return b;
}

// The smallest fp16 not below `value` (≥ 0): a super-scale rounded up, so that the largest
// sub-block scale still fits its field.
std::uint16_t halfNotBelow(float value)
{
    std::uint16_t h = floatToHalf(value);
    if (halfToFloat(h) < value)
        ++h; // positive halves: the next bit pattern is the next larger value
    return h;
}

// An asymmetric k-quant block (Q2_K: 16 sub-blocks of 16, levels 0 … 3, 4-bit scales; Q5_K:
// 8 of 32, 0 … 31, 6-bit): w = d·sc[s]·q − dmin·mn[s]. Each sub-block's grid starts at or below
// its minimum (clamped to ≤ 0) and reaches at least its maximum, with d, dmin, sc and mn all
// rounded up; each value then goes to its nearest level, at most half a stored step away.
struct AsymmetricKQuant {
    std::uint16_t d = 0;
    std::uint16_t dmin = 0;
    std::uint8_t sc[16] = {};
    std::uint8_t mn[16] = {};
    std::uint8_t q[256] = {};
};
AsymmetricKQuant quantizeAsymmetricK(const float* x, int subBlocks, int levels, int maxScale)
{
    const int subSize = 256 / subBlocks;
    AsymmetricKQuant k;
    float mins[16];
    float maxs[16];
    float maxMin = 0.0f;
    for (int s = 0; s < subBlocks; ++s) {
        mins[s] = 0.0f;
        maxs[s] = x[s * subSize];
        for (int l = 0; l < subSize; ++l) {
            mins[s] = std::min(mins[s], x[s * subSize + l]);
            maxs[s] = std::max(maxs[s], x[s * subSize + l]);
        }
        mins[s] = -mins[s]; // subtracted by the format: ≥ 0
        maxMin = std::max(maxMin, mins[s]);
    }
    k.dmin = halfNotBelow(maxMin / static_cast<float>(maxScale));
    const float dmin = halfToFloat(k.dmin);
    // The step each sub-block needs from its stored minimum up to its maximum.
    float need[16];
    float maxNeed = 0.0f;
    for (int s = 0; s < subBlocks; ++s) {
        k.mn[s] = static_cast<std::uint8_t>(stepsCovering(mins[s], dmin, maxScale));
        const float offset = dmin * static_cast<float>(k.mn[s]);
        need[s] = std::max(0.0f, (maxs[s] + offset) / static_cast<float>(levels));
        maxNeed = std::max(maxNeed, need[s]);
    }
    k.d = halfNotBelow(maxNeed / static_cast<float>(maxScale));
    const float d = halfToFloat(k.d);
    for (int s = 0; s < subBlocks; ++s) {
        k.sc[s] = static_cast<std::uint8_t>(stepsCovering(need[s], d, maxScale));
        // The same float operations as the dequantizer's.
        const float step = d * static_cast<float>(k.sc[s]);
        const float offset = dmin * static_cast<float>(k.mn[s]);
        for (int l = 0; l < subSize; ++l) {
            const float value = x[s * subSize + l];
            k.q[s * subSize + l] = static_cast<std::uint8_t>(
                step > 0.0f ? std::clamp(nearestInt((value + offset) / step), 0, levels) : 0);
        }
    }
    return k;
}

BlockQ2_K quantizeBlockQ2_K(const float* x)
{
    const AsymmetricKQuant k = quantizeAsymmetricK(x, 16, 3, 15);
    BlockQ2_K b{};
    b.d = k.d;
    b.dmin = k.dmin;
    for (int s = 0; s < 16; ++s)
        b.scales[s] = static_cast<std::uint8_t>(k.sc[s] | (k.mn[s] << 4));
    packCrumbs(k.q, b.qs);
    return b;
}

BlockQ5_K quantizeBlockQ5_K(const float* x)
{
    const AsymmetricKQuant k = quantizeAsymmetricK(x, 8, 31, 63);
    BlockQ5_K b{};
    b.d = k.d;
    b.dmin = k.dmin;
    packScaleMinK4(k.sc, k.mn, b.scales);
    for (int c = 0; c < 4; ++c) {
        for (int l = 0; l < 32; ++l) {
            const int q1 = k.q[64 * c + l];
            const int q2 = k.q[64 * c + 32 + l];
            b.qs[32 * c + l] = static_cast<std::uint8_t>((q1 & 0xF) | ((q2 & 0xF) << 4));
            b.qh[l] |=
                static_cast<std::uint8_t>(((q1 >> 4) << (2 * c)) | ((q2 >> 4) << (2 * c + 1)));
        }
    }
    return b;
}

// Q3_K: each sub-block of 16 on a symmetric grid of levels −4 … 3. A step t > 0 covers
// [−4t, 3t], a step −t covers [−3t, 4t]: of the two, the one with the smaller t that reaches both
// the largest value P and the most negative −N. The super-scale d (fp16, > 0) and the 6-bit
// sub-block scales are rounded up in magnitude so that every stored grid still covers its
// sub-block; each value then goes to its nearest level, at most half a stored step away.
BlockQ3_K quantizeBlockQ3_K(const float* x)
{
    float steps[16]; // signed
    float maxPositive = 0.0f;
    float maxNegative = 0.0f;
    for (int s = 0; s < 16; ++s) {
        float p = 0.0f;
        float n = 0.0f;
        for (int l = 0; l < 16; ++l) {
            p = std::max(p, x[s * 16 + l]);
            n = std::max(n, -x[s * 16 + l]);
        }
        const float positiveStep = std::max(n / 4.0f, p / 3.0f);
        const float negativeStep = std::max(p / 4.0f, n / 3.0f);
        steps[s] = positiveStep <= negativeStep ? positiveStep : -negativeStep;
        if (steps[s] >= 0.0f)
            maxPositive = std::max(maxPositive, steps[s]);
        else
            maxNegative = std::max(maxNegative, -steps[s]);
    }
    // Stored scales are 6 bits minus 32: −32 … 31.
    BlockQ3_K b{};
    b.d = halfNotBelow(std::max(maxPositive / 31.0f, maxNegative / 32.0f));
    const float d = halfToFloat(b.d);
    std::uint8_t sc[16];
    std::uint8_t q[256];
    for (int s = 0; s < 16; ++s) {
        const int scale =
            steps[s] >= 0.0f ? stepsCovering(steps[s], d, 31) : -stepsCovering(-steps[s], d, 32);
        sc[s] = static_cast<std::uint8_t>(scale + 32);
        const float step = d * static_cast<float>(scale);
        for (int l = 0; l < 16; ++l) {
            const int v = s * 16 + l;
            const int level = step != 0.0f ? std::clamp(nearestInt(x[v] / step), -4, 3) : 0;
            // Levels 0 … 3 set the high bit ("4 not subtracted") and keep their 2 bits; −4 … −1
            // keep level + 4.
            if (level >= 0)
                b.hmask[v % 32] |= static_cast<std::uint8_t>(1 << (v / 32));
            q[v] = static_cast<std::uint8_t>(level >= 0 ? level : level + 4);
        }
    }
    packScalesQ3K(sc, b.scales);
    packCrumbs(q, b.qs);
    return b;
}

// Q6_K: each sub-block of 16 on a symmetric grid whose value of largest magnitude maps to -32,
// the 16 scales quantized to int8 against the super-block's fp16 d.
BlockQ6_K quantizeBlockQ6_K(const float* x)
{
    float scales[16];
    float maxAbsScale = 0.0f;
    for (int s = 0; s < 16; ++s) {
        float amax = 0.0f;
        float max = 0.0f;
        for (int l = 0; l < 16; ++l) {
            const float value = x[s * 16 + l];
            if (std::fabs(value) > amax) {
                amax = std::fabs(value);
                max = value;
            }
        }
        scales[s] = max / -32.0f;
        maxAbsScale = std::max(maxAbsScale, std::fabs(scales[s]));
    }
    BlockQ6_K b{};
    b.d = floatToHalf(maxAbsScale / 127.0f);
    const float d = halfToFloat(b.d);
    std::uint8_t q[256];
    for (int s = 0; s < 16; ++s) {
        const int sc = d > 0.0f ? std::clamp(nearestInt(scales[s] / d), -127, 127) : 0;
        b.scales[s] = static_cast<std::int8_t>(sc);
        const float step = d * static_cast<float>(sc);
        for (int l = 0; l < 16; ++l) {
            const int level =
                step != 0.0f ? std::clamp(nearestInt(x[s * 16 + l] / step), -32, 31) : 0;
            q[s * 16 + l] = static_cast<std::uint8_t>(level + 32);
        }
    }
    for (int n = 0; n < 2; ++n) {
        const std::uint8_t* chunk = q + 128 * n;
        for (int l = 0; l < 32; ++l) {
            const int q1 = chunk[l];
            const int q2 = chunk[l + 32];
            const int q3 = chunk[l + 64];
            const int q4 = chunk[l + 96];
            b.ql[64 * n + l] = static_cast<std::uint8_t>((q1 & 0xF) | ((q3 & 0xF) << 4));
            b.ql[64 * n + l + 32] = static_cast<std::uint8_t>((q2 & 0xF) | ((q4 & 0xF) << 4));
            b.qh[32 * n + l] = static_cast<std::uint8_t>((q1 >> 4) | ((q2 >> 4) << 2)
                                                         | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
        }
    }
    return b;
}

} // namespace

void quantizeGgml(GgmlType type, std::span<const float> values, std::byte* dst)
{
    const std::size_t blockSize = static_cast<std::size_t>(ggmlTraits(type).blockSize);
    Q_ASSERT(values.size() % blockSize == 0);
    const std::size_t blocks = values.size() / blockSize;
    const float* x = values.data();
    // Block i from values [blockSize·i, blockSize·(i + 1)) by `quantizeBlock` (float* → block).
    const auto eachBlock = [&](auto quantizeBlock) {
        for (std::size_t i = 0; i < blocks; ++i)
            storeBlock(quantizeBlock(x + blockSize * i), dst, i);
    };
    switch (type) {
    case GgmlType::F32:
        convertFromFloat(DType::F32, values, dst);
        return;
    case GgmlType::F16:
        convertFromFloat(DType::F16, values, dst);
        return;
    case GgmlType::BF16:
        convertFromFloat(DType::BF16, values, dst);
        return;
    case GgmlType::Q4_0:
        eachBlock(quantizeBlockQ4_0);
        return;
    case GgmlType::Q4_1:
        eachBlock(quantizeBlockQ4_1);
        return;
    case GgmlType::Q8_0:
        eachBlock(quantizeBlockQ8_0);
        return;
    case GgmlType::Q4_K:
        eachBlock(quantizeBlockQ4_K);
        return;
    case GgmlType::Q6_K:
        eachBlock(quantizeBlockQ6_K);
        return;
    case GgmlType::Q2_K:
        eachBlock(quantizeBlockQ2_K);
        return;
    case GgmlType::Q3_K:
        eachBlock(quantizeBlockQ3_K);
        return;
    case GgmlType::Q5_K:
        eachBlock(quantizeBlockQ5_K);
        return;
    case GgmlType::Q5_0:
    case GgmlType::Q5_1:
        break;
    }
    Q_ASSERT_X(false, "quantizeGgml", "Q5_0 and Q5_1 are written from codes only");
}

} // namespace qb
