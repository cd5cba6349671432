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

// Converts `out.size()` little-endian elements of type `type` starting at `src` (any alignment)
// to float32. Precondition: traitsOf(type).convertibleToFloat.
void convertToFloat(DType type, const std::byte* src, std::span<float> out);
// Converts float32 values to `type` (F32, F16, BF16 or F64) into `dst`, which must hold
// values.size() * dtypeSize(type) bytes.
void convertFromFloat(DType type, std::span<const float> values, std::byte* dst);

} // namespace qb
