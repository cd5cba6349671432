#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>

namespace qb {

// How the weights of a row share quantization parameters.
enum class Granularity : std::uint8_t {
    PerTensor,  // one scale and zero point for the whole tensor
    PerChannel, // one per output channel (row)
    Group,      // one per run of groupSize input columns of a row; the last run may be shorter
};

// One description of an integer weight grid: bits, symmetry and grouping. Codes are unsigned
// 0 … 2^bits − 1 with a zero point (the symmetric grid fixes it at 2^(bits−1)), as in GPTQ.
//
// In recipes and on the command line the grouping is a single "group size" number: G > 0 for
// groups of G input columns, -1 for per-channel, 0 for per-tensor.
struct QuantScheme {
    Q_DECLARE_TR_FUNCTIONS(QuantScheme)

public:
    static constexpr int kMinBits = 2;
    static constexpr int kMaxBits = 8;
    static constexpr int kPerChannel = -1;
    static constexpr int kPerTensor = 0;

    int bits = 4;
    bool symmetric = false;
    Granularity granularity = Granularity::Group;
    int groupSize = 128; // meaningful only for Granularity::Group

    static QuantScheme fromGroupSizeCode(int bits, bool symmetric, int groupSizeCode);
    int groupSizeCode() const;

    int maxCode() const { return (1 << bits) - 1; }
    // Input columns per group for rows of `inFeatures` columns (the last group may be shorter).
    std::int64_t groupWidth(std::int64_t inFeatures) const;
    std::int64_t groupsPerRow(std::int64_t inFeatures) const;
    // Bits a [rows, cols] weight takes on this grid as checkpoints store it: rows·cols·bits of
    // codes plus, per group, one fp16 scale and one `bits`-bit zero point (counted for symmetric
    // grids too, since GPTQ checkpoints store it) — ⌈cols/g⌉ groups per row for groups of g, one
    // per row per channel, one per tensor. For groups of g dividing cols that is
    // bits + (16 + bits)/g bits per weight.
    std::int64_t storageBits(std::int64_t rows, std::int64_t cols) const;

    // Short tag as in the golden files: "a4g32", "s4pc", "a8pt".
    QString tag() const;
    // For people: "4-bit asymmetric, groups of 32".
    QString describe() const;
    // The group size for a table cell: "32", "per channel" or "per tensor" (translated).
    QString groupText() const;
    // Empty when valid, else why not ("bits must be between 2 and 8, not 9").
    QString validationError() const;

    friend bool operator==(const QuantScheme& a, const QuantScheme& b)
    {
        return a.bits == b.bits && a.symmetric == b.symmetric && a.granularity == b.granularity
               && (a.granularity != Granularity::Group || a.groupSize == b.groupSize);
    }
};

} // namespace qb
