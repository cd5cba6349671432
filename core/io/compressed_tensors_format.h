#pragma once

#include <QRegularExpression>
#include <QString>

#include <cstdint>
#include <span>

// The compressed-tensors "pack-quantized" format (llm-compressor's output, loaded by vLLM and
// transformers) as compressed-tensors' pack_quantized.py writes it: per quantized module M
//   M.weight_packed     int32 [N, ceil(K / (32 / b))]  values packed along the input dim
//   M.weight_scale      [N, G] (strategy group) or [N, 1] (channel), in the weight's dtype
//   M.weight_zero_point int32 [ceil(N / (32 / b)), G]  only when asymmetric, packed along dim 0
//   M.weight_g_idx      int32 [K]                      only with actorder "group"
//   M.weight_shape      int64 [2] = [N, K]
// with b bits, K inputs, N outputs and G groups. compressed-tensors quantizes to signed values
// q in [−2^(b−1), 2^(b−1) − 1] with a signed zero point zp, w = scale * (q − zp), and stores
// q + 2^(b−1) and zp + 2^(b−1). Our unsigned codes u (0 … 2^b − 1, w = scale * (u − z)) are
// q + 2^(b−1) and z = zp + 2^(b−1): what is stored is u and z exactly as the grid has them. A
// symmetric grid (zp = 0) has z = 2^(b−1) and stores no zero point.
//
// These pieces are shared by the exporter (core/export) and the reader
// (CompressedTensorsCheckpoint).

namespace qb {

// pack_to_int32: 32 / b values per int32 word (4 bits: 8, 8 bits: 4; 3 bits: 10, the top two
// bits unused), value j of a run at bits b * (j % per word) of word j / per word, least
// significant first; the last word of a run is padded with zeros.
struct CompressedTensorsPacking {
    // What pack-quantized checkpoints that vLLM serves hold (its WNA16 kernels).
    static bool writesBits(int bits) { return bits == 4 || bits == 8; }
    // What pack_to_int32 can pack (and the reader reads).
    static bool readsBits(int bits) { return bits >= 1 && bits <= 8; }
    static int valuesPerWord(int bits) { return 32 / bits; }
    // Words that `count` values take, the last one padded.
    static std::int64_t wordsFor(std::int64_t count, int bits)
    {
        return (count + valuesPerWord(bits) - 1) / valuesPerWord(bits);
    }

    // Packs values (each < 2^bits) into words.size() == wordsFor(values.size(), bits) words.
    static void pack(std::span<const std::uint8_t> values, int bits,
                     std::span<std::uint32_t> words);
    // The first values.size() values of `words` (values.size() <= words.size() * per word).
    static void unpack(std::span<const std::uint32_t> words, int bits,
                       std::span<std::uint8_t> values);
};

// One entry of a compressed-tensors config's `targets` or `ignore`, matched as compressed-tensors
// and vLLM match them: a "re:" entry is Python's re.match of the rest against the module name
// (anchored at the start only); "Linear" (or "LinearBase") names the class of every linear layer;
// any other entry must equal the module name.
class CompressedTensorsTarget {
public:
    static constexpr const char* kRegexPrefix = "re:";

    // How an entry matched, strongest first: compressed-tensors prefers an exact name to a regex
    // and a regex to a class name.
    enum class Match : std::uint8_t { None, Name, Regex, Class };

    explicit CompressedTensorsTarget(const QString& target);
    const QString& text() const { return m_text; }
    // The regex's error for an invalid "re:" entry, else empty.
    QString regexError() const;
    // How this entry matches linear module `module`.
    Match match(const QString& module) const;

private:
    QString m_text;
    Match m_kind = Match::Name;
    QRegularExpression m_regex;
};

} // namespace qb
