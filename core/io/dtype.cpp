#include "core/io/dtype.h"

#include <QStringList>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace qb {

static_assert(std::endian::native == std::endian::little,
              "safetensors data are little-endian; a big-endian host would need byte swaps");

QString dtypeName(DType type)
{
    return QString::fromLatin1(traitsOf(type).name);
}

std::optional<DType> dtypeFromName(QStringView name)
{
    for (const DTypeTraits& traits : kDTypeTraits) {
        if (name == QLatin1String(traits.name))
            return traits.type;
    }
    return std::nullopt;
}

QString knownDTypeNames()
{
    QStringList names;
    for (const DTypeTraits& traits : kDTypeTraits)
        names << QString::fromLatin1(traits.name);
    return names.join(QStringLiteral(", "));
}

namespace {

// The conversions' bodies, with internal linkage so that the loops below inline them: calls to
// the exported functions go through the PLT in a shared-object build (-fPIC keeps them
// interposable), one call per weight.
inline float halfBitsToFloat(std::uint16_t h)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1Fu;
    std::uint32_t mantissa = h & 0x3FFu;
    std::uint32_t bits;
    if (exponent == 0x1F) { // infinity or NaN
        bits = sign | 0x7F800000u | (mantissa << 13);
    } else if (exponent != 0) { // normal
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) { // signed zero
        bits = sign;
    } else { // subnormal: normalise
        int shift = 0;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            ++shift;
        }
        mantissa &= 0x3FFu;
        bits = sign | (static_cast<std::uint32_t>(113 - shift) << 23) | (mantissa << 13);
    }
    return std::bit_cast<float>(bits);
}

inline float bfloat16BitsToFloat(std::uint16_t bits)
{
    return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

} // namespace

float halfToFloat(std::uint16_t h)
{
    return halfBitsToFloat(h);
}

std::uint16_t floatToHalf(float value)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    const std::uint16_t sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
    const std::uint32_t absBits = bits & 0x7FFFFFFFu;
    if (absBits > 0x7F800000u) // NaN: keep it quiet
        return static_cast<std::uint16_t>(sign | 0x7E00u | ((absBits >> 13) & 0x3FFu));
    if (absBits >= 0x477FF000u) // rounds to >= 65520: infinity
        return static_cast<std::uint16_t>(sign | 0x7C00u);
    if (absBits < 0x38800000u) {
        // Result is subnormal or zero: add the implicit bit and shift into place with
        // round-to-nearest-even on the bits shifted out.
        if (absBits < 0x33000000u) // below half the smallest subnormal: zero
            return sign;
        const std::uint32_t exponent = absBits >> 23;
        const std::uint32_t mantissa = (absBits & 0x7FFFFFu) | 0x800000u;
        const std::uint32_t shift = 126 - exponent; // 14..24
        std::uint32_t result = mantissa >> shift;
        const std::uint32_t remainder = mantissa & ((1u << shift) - 1);
        const std::uint32_t halfway = 1u << (shift - 1);
        if (remainder > halfway || (remainder == halfway && (result & 1u)))
            ++result;
        return static_cast<std::uint16_t>(sign | result);
    }
    // Normal: rebias the exponent and round the 13 dropped mantissa bits to nearest even.
    std::uint32_t result = absBits - 0x38000000u;
    const std::uint32_t remainder = result & 0x1FFFu;
    result >>= 13;
    if (remainder > 0x1000u || (remainder == 0x1000u && (result & 1u)))
        ++result; // may carry into the exponent, which is the correct rounding
    return static_cast<std::uint16_t>(sign | result);
}

float bfloat16ToFloat(std::uint16_t bits)
{
    return bfloat16BitsToFloat(bits);
}

std::uint16_t floatToBfloat16(float value)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    if ((bits & 0x7FFFFFFFu) > 0x7F800000u) // NaN: keep it quiet
        return static_cast<std::uint16_t>((bits >> 16) | 0x0040u);
    const std::uint32_t roundingBias = 0x7FFFu + ((bits >> 16) & 1u);
    return static_cast<std::uint16_t>((bits + roundingBias) >> 16);
}

namespace {

// The 256 values of FP8 E4M3, by bit pattern (a table: conversions read whole tensors).
const std::array<float, 256>& fp8E4M3Values()
{
    static const std::array<float, 256> values = [] {
        std::array<float, 256> table{};
        for (int bits = 0; bits < 256; ++bits) {
            const int exponent = (bits >> 3) & 0xF;
            const int mantissa = bits & 0x7;
            float magnitude;
            if (exponent == 0xF && mantissa == 0x7)
                magnitude = std::numeric_limits<float>::quiet_NaN();
            else if (exponent == 0) // subnormal: mantissa / 8 × 2^−6
                magnitude = std::ldexp(static_cast<float>(mantissa), -9);
            else // (1 + mantissa / 8) × 2^(exponent − 7)
                magnitude = std::ldexp(static_cast<float>(8 + mantissa), exponent - 10);
            table[static_cast<std::size_t>(bits)] = (bits & 0x80) ? -magnitude : magnitude;
        }
        return table;
    }();
    return values;
}

} // namespace

float fp8E4M3ToFloat(std::uint8_t bits)
{
    return fp8E4M3Values()[bits];
}

std::uint8_t floatToFp8E4M3(float value)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    const auto sign = static_cast<std::uint8_t>((bits >> 24) & 0x80u);
    const std::uint32_t absBits = bits & 0x7FFFFFFFu;
    if (absBits > 0x7F800000u) // NaN
        return static_cast<std::uint8_t>(sign | 0x7Fu);
    if (absBits >= 0x43E00000u) // |value| >= 448 (infinity included): saturate
        return static_cast<std::uint8_t>(sign | 0x7Eu);
    if (absBits < 0x3C800000u) {
        // Below 2^−6, the smallest normal: a multiple of 2^−9, rounded to nearest even (exact
        // scaling by a power of two; a result of 8 is the smallest normal's pattern 0x08).
        const float units = std::nearbyint(std::bit_cast<float>(absBits) * 512.0f);
        return static_cast<std::uint8_t>(sign | static_cast<std::uint8_t>(units));
    }
    // Normal: rebias the exponent (127 → 7) and round the 20 dropped mantissa bits to nearest
    // even; a carry into the exponent is the correct rounding, and 448 is not exceeded (values
    // from 464 up were saturated above, and those below round to at most 448).
    std::uint32_t result = absBits - 0x3C000000u;
    const std::uint32_t remainder = result & 0xFFFFFu;
    result >>= 20;
    if (remainder > 0x80000u || (remainder == 0x80000u && (result & 1u)))
        ++result;
    return static_cast<std::uint8_t>(sign | result);
}

namespace {

template <typename Raw, typename Convert>
void convertElements(const std::byte* src, std::span<float> out, Convert convert)
{
    for (std::size_t i = 0; i < out.size(); ++i) {
        Raw raw;
        std::memcpy(&raw, src + i * sizeof(Raw), sizeof(Raw));
        out[i] = convert(raw);
    }
}

template <typename Raw, typename Convert>
void storeElements(std::span<const float> values, std::byte* dst, Convert convert)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Raw raw = convert(values[i]);
        std::memcpy(dst + i * sizeof(Raw), &raw, sizeof(Raw));
    }
}

} // namespace

void convertToFloat(DType type, const std::byte* src, std::span<float> out)
{
    // An empty span may have a null data(), and memcpy with a null pointer is undefined even
    // for zero bytes (zero-size tensors are legal in safetensors).
    if (out.empty())
        return;
    switch (type) {
    case DType::F32:
        std::memcpy(out.data(), src, out.size() * sizeof(float));
        return;
    // Inlined conversions, so that BF16's shift vectorizes (a forward pass converts every 16-bit
    // weight it reads).
    case DType::F16:
        convertElements<std::uint16_t>(src, out, halfBitsToFloat);
        return;
    case DType::BF16:
        convertElements<std::uint16_t>(src, out, bfloat16BitsToFloat);
        return;
    case DType::F64:
        convertElements<double>(src, out, [](double v) { return static_cast<float>(v); });
        return;
    case DType::F8_E4M3: {
        const std::array<float, 256>& values = fp8E4M3Values();
        convertElements<std::uint8_t>(src, out,
                                      [&values](std::uint8_t bits) { return values[bits]; });
        return;
    }
    default:
        Q_ASSERT_X(false, "convertToFloat", "dtype not convertible to float");
    }
}

void convertFromFloat(DType type, std::span<const float> values, std::byte* dst)
{
    if (values.empty()) // see convertToFloat
        return;
    switch (type) {
    case DType::F32:
        std::memcpy(dst, values.data(), values.size() * sizeof(float));
        return;
    case DType::F16:
        storeElements<std::uint16_t>(values, dst, floatToHalf);
        return;
    case DType::BF16:
        storeElements<std::uint16_t>(values, dst, floatToBfloat16);
        return;
    case DType::F64:
        storeElements<double>(values, dst, [](float v) { return static_cast<double>(v); });
        return;
    case DType::F8_E4M3:
        storeElements<std::uint8_t>(values, dst, floatToFp8E4M3);
        return;
    default:
        Q_ASSERT_X(false, "convertFromFloat", "dtype not writable from float");
    }
}

} // namespace qb
