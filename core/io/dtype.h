#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace qb {

// Element types of the safetensors format. All are recognised when a file is read; the floating
// point ones QuantBench computes with (F32, F16, BF16, F64) can be converted to float32.
// F8_E4M3 (PyTorch's float8_e4m3fn) converts too, but its values are weights only once
// multiplied by the scale stored beside them (quantized checkpoints), so it is not
// `convertibleToFloat`: a checkpoint storing it without saying how it was quantized is refused
// rather than read at the wrong magnitude.
enum class DType : std::uint8_t {
    Bool,
    U8,
    I8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    F16,
    BF16,
    F32,
    F64,
    F8_E4M3,
    F8_E5M2
};

struct DTypeTraits {
    DType type;
    const char* name;        // as spelled in a safetensors header
    int bytes;               // size of one element
    bool convertibleToFloat; // readable as float32 by convertToFloat()
};

inline constexpr std::array<DTypeTraits, 15> kDTypeTraits{{
    {DType::Bool, "BOOL", 1, false},
    {DType::U8, "U8", 1, false},
    {DType::I8, "I8", 1, false},
    {DType::I16, "I16", 2, false},
    {DType::U16, "U16", 2, false},
    {DType::I32, "I32", 4, false},
    {DType::U32, "U32", 4, false},
    {DType::I64, "I64", 8, false},
    {DType::U64, "U64", 8, false},
    {DType::F16, "F16", 2, true},
    {DType::BF16, "BF16", 2, true},
    {DType::F32, "F32", 4, true},
    {DType::F64, "F64", 8, true},
    {DType::F8_E4M3, "F8_E4M3", 1, false},
    {DType::F8_E5M2, "F8_E5M2", 1, false},
}};

constexpr const DTypeTraits& traitsOf(DType type)
{
    return kDTypeTraits[static_cast<std::size_t>(type)];
}
constexpr int dtypeSize(DType type)
{
    return traitsOf(type).bytes;
}
QString dtypeName(DType type);
std::optional<DType> dtypeFromName(QStringView name);
// "BOOL, U8, …" for error messages.
QString knownDTypeNames();

// IEEE 754 binary16 and bfloat16 conversions. Narrowing rounds to nearest, ties to even; NaN
// stays NaN, overflow becomes infinity (as PyTorch's .half() / .bfloat16() do).
float halfToFloat(std::uint16_t bits);
std::uint16_t floatToHalf(float value);
float bfloat16ToFloat(std::uint16_t bits);
std::uint16_t floatToBfloat16(float value);

// OCP FP8 E4M3 as PyTorch's float8_e4m3fn holds it: sign, 4 exponent bits (bias 7), 3 mantissa
// bits, subnormals, no infinity, S.1111.111 NaN; the largest finite value is 448.
float fp8E4M3ToFloat(std::uint8_t bits);
// Rounds to nearest, ties to even. Saturating: beyond ±448 (infinity included) gives ±448, as
// quantizers clamp to the finite range before casting; NaN stays NaN.
std::uint8_t floatToFp8E4M3(float value);

// Converts `out.size()` little-endian elements of type `type` starting at `src` (any alignment)
// to float32. Precondition: traitsOf(type).convertibleToFloat, or F8_E4M3 (raw values: the
// caller applies the scale).
void convertToFloat(DType type, const std::byte* src, std::span<float> out);
// Converts float32 values to `type` (F32, F16, BF16, F64 or F8_E4M3) into `dst`, which must hold
// values.size() * dtypeSize(type) bytes.
void convertFromFloat(DType type, std::span<const float> values, std::byte* dst);

} // namespace qb
