#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

// The GPTQ checkpoint format as transformers, vLLM and GPTQModel load it (the packing of AutoGPTQ's
// QuantLinear.pack, GPTQModel's v1/v2 zero points, vLLM's `dynamic` rules): per quantized module M
//   M.qweight int32 [K * bits / 32, N]   codes packed along the input dim
//   M.qzeros  int32 [G, N * bits / 32]   zero points packed along the output dim
//   M.scales  float16 [G, N]
//   M.g_idx   int32 [K]                  the group of each input channel
// with K inputs, N outputs and G = ceil(K / group_size) groups (one when group_size is -1), and
// w[n, k] = scales[g, n] * (q[k, n] - zero[g, n]) for g = g_idx[k].
//
// These pieces are shared by the exporter (core/export) and the reader (GptqCheckpoint).

namespace qb {

// How zero points are stored. V1 ("gptq", the original AutoGPTQ layout) stores zero − 1 and every
// loader adds 1 back, masked to the bit width: a zero point of 0 wraps and is lost, so V1 can only
// hold symmetric grids (zero 2^(bits−1)). V2 ("gptq_v2", GPTQModel) stores zeros as they are.
enum class GptqFormat : std::uint8_t { V1, V2 };

// "gptq" or "gptq_v2": the value of `checkpoint_format` / `format` in the config.
QString gptqFormatKey(GptqFormat format);
std::optional<GptqFormat> gptqFormatFromKey(const QString& key);

// Packing of unsigned codes into int32 words, as AutoGPTQ's QuantLinear.pack lays them out: value
// j of a run sits at bit offset bits * j of one little-endian bit stream, least significant bit
// first. For 2, 4 and 8 bits that is 32 / bits values per word, never straddling words; for 3 bits
// 32 values fill 3 words as one 96-bit stream, so value 10 straddles words 0 and 1 and value 21
// words 1 and 2.
struct GptqPacking {
    // GPTQ packs 2, 3, 4 and 8 bits only.
    static bool supportsBits(int bits) { return bits == 2 || bits == 3 || bits == 4 || bits == 8; }
    // Whether `count` values of `bits` fill whole words (for 3 bits: count % 32 == 0).
    static bool fillsWords(std::int64_t count, int bits) { return (count * bits) % 32 == 0; }
    // Words that `count` values take; precondition fillsWords(count, bits).
    static std::int64_t wordsFor(std::int64_t count, int bits) { return count * bits / 32; }

    // Packs values (each < 2^bits) into words.size() == wordsFor(values.size(), bits) words.
    static void pack(std::span<const std::uint8_t> values, int bits,
                     std::span<std::uint32_t> words);
    // The inverse: values.size() == words.size() * 32 / bits codes.
    static void unpack(std::span<const std::uint32_t> words, int bits,
                       std::span<std::uint8_t> values);
};

// What a GPTQ kernel needs to know about one module. groupSize is -1 for one group of all K
// inputs (per output channel). descAct: g_idx is not k / group_size (act-order groups), so
// kernels must gather by g_idx.
struct GptqLayerSettings {
    int bits = 4;
    int groupSize = 128;
    bool symmetric = true;
    bool descAct = false;

    // {"bits", "group_size", "sym", "desc_act"}: a `dynamic` override that sets every field.
    QJsonObject toJson() const;
    // "4-bit, group 32, asymmetric" for messages.
    QString describe() const;
    friend bool operator==(const GptqLayerSettings&, const GptqLayerSettings&) = default;
};

// The `dynamic` field of a GPTQ config: per-module rules keyed "+:REGEX" (or a bare REGEX) with
// an object of overrides, or "-:REGEX" (module left unquantized). A module takes the first rule,
// in the order given, whose regex matches at the start of its name (Python re.match: anchored at
// the start only; "$" is needed to anchor the end). That order is the file's dict order, which
// QJsonObject does not keep: the reader passes it explicitly.
class GptqDynamicRules {
    Q_DECLARE_TR_FUNCTIONS(GptqDynamicRules)

public:
    struct Rule {
        QString key;              // as written: "+:model\.layers\.\d+\.mlp\.down_proj$"
        bool excludes = false;    // "-:"
        QRegularExpression regex; // the key without its prefix
        QJsonObject overrides;    // for "+" rules: bits / group_size / sym / desc_act, others kept
    };

    // `keyOrder`: the keys of `dynamic` in file order (empty: QJsonObject's sorted order).
    // `where` names the field in messages ("…/config.json: quantization_config.dynamic"). Throws
    // Error for an invalid regex, a "+" value that is not an object, or an override of the wrong
    // type or range.
    static GptqDynamicRules fromJson(const QJsonObject& dynamic, const QStringList& keyOrder,
                                     const QString& where);

    const std::vector<Rule>& rules() const { return m_rules; }

    // Index of the first rule matching `module`, or -1.
    int firstMatch(const QString& module) const;
    // Every rule matching `module`, in order.
    std::vector<int> allMatches(const QString& module) const;
    // The settings `module` is stored with: `base` with the first matching "+" rule's overrides,
    // or nullopt when the first matching rule is a "-" rule.
    std::optional<GptqLayerSettings> resolve(const QString& module,
                                             const GptqLayerSettings& base) const;

    // `base` with the fields of a GPTQ config object that a kernel reads (bits, group_size, sym,
    // desc_act) taken from `fields` where present. `where` names the object in messages. Throws
    // Error for bits outside {2, 3, 4, 8}, a group_size other than -1 or a positive integer, or
    // flags that are not booleans.
    static GptqLayerSettings withOverrides(const GptqLayerSettings& base, const QJsonObject& fields,
                                           const QString& where);

private:
    std::vector<Rule> m_rules;
};

} // namespace qb
