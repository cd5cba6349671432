#include "core/io/awq_format.h"

#include <QtGlobal>

namespace qb {

void AwqPacking::pack(std::span<const std::uint8_t> values, std::span<std::uint32_t> words)
{
    Q_ASSERT(values.size() == words.size() * kValuesPerWord);
    for (std::size_t c = 0; c < words.size(); ++c) {
        std::uint32_t word = 0;
        for (int i = 0; i < kValuesPerWord; ++i) {
            const std::uint32_t value =
                values[c * kValuesPerWord + static_cast<std::size_t>(kOrder[std::size_t(i)])];
            Q_ASSERT(value < (1u << kBits));
            word |= value << (kBits * i);
        }
        words[c] = word;
    }
}

void AwqPacking::unpack(std::span<const std::uint32_t> words, std::span<std::uint8_t> values)
{
    Q_ASSERT(values.size() == words.size() * kValuesPerWord);
    constexpr std::uint32_t mask = (1u << kBits) - 1u;
    for (std::size_t c = 0; c < words.size(); ++c) {
        for (int i = 0; i < kValuesPerWord; ++i)
            values[c * kValuesPerWord + static_cast<std::size_t>(kOrder[std::size_t(i)])] =
                static_cast<std::uint8_t>((words[c] >> (kBits * i)) & mask);
    }
}

} // namespace qb
