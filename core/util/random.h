#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>

namespace qb {

// The splitmix64 finaliser: a bijective 64-bit mix, neighbouring inputs give unrelated outputs.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// splitmix64's increment (2^64 / golden ratio).
constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

// xoshiro256** (Blackman and Vigna), state filled by splitmix64 from the key as its authors
// recommend. Small and fast enough to give every chunk of parallel work its own; deterministic
// per key on every platform.
class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t key)
    {
        for (std::uint64_t& word : m_state) {
            key += kGolden;
            word = mix64(key);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = std::rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform in [0, n). The bias of scaling a 53-bit fraction is below 2^-30 for n < 2^23.
    std::int64_t index(std::int64_t n)
    {
        return std::min(n - 1, static_cast<std::int64_t>(uniform() * static_cast<double>(n)));
    }

private:
    std::uint64_t m_state[4];
};

} // namespace qb
