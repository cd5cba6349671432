#include "core/io/gptq_format.h"

#include "core/io/packed_checkpoint_reading.h"
#include "core/io/python_regex.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QJsonValue>

namespace qb {

namespace {

const QLatin1String kExcludePrefix("-:");
const QLatin1String kIncludePrefix("+:");

} // namespace

QString gptqFormatKey(GptqFormat format)
{
    return format == GptqFormat::V1 ? QStringLiteral("gptq") : QStringLiteral("gptq_v2");
}

std::optional<GptqFormat> gptqFormatFromKey(const QString& key)
{
    if (key.compare(QLatin1String("gptq"), Qt::CaseInsensitive) == 0)
        return GptqFormat::V1;
    if (key.compare(QLatin1String("gptq_v2"), Qt::CaseInsensitive) == 0)
        return GptqFormat::V2;
    return std::nullopt;
}

void GptqPacking::pack(std::span<const std::uint8_t> values, int bits,
                       std::span<std::uint32_t> words)
{
    Q_ASSERT(supportsBits(bits));
    Q_ASSERT(static_cast<std::int64_t>(words.size())
             == wordsFor(static_cast<std::int64_t>(values.size()), bits));
    std::fill(words.begin(), words.end(), 0u);
    for (std::size_t j = 0; j < values.size(); ++j) {
        const std::size_t offset = j * static_cast<std::size_t>(bits);
        const std::size_t word = offset / 32;
        const unsigned shift = offset % 32;
        const std::uint32_t value = values[j];
        words[word] |= value << shift;
        if (shift + static_cast<unsigned>(bits) > 32) // 3 bits: the high part opens the next word
            words[word + 1] |= value >> (32 - shift);
    }
}

void GptqPacking::unpack(std::span<const std::uint32_t> words, int bits,
                         std::span<std::uint8_t> values)
{
    Q_ASSERT(supportsBits(bits));
    Q_ASSERT(values.size() * static_cast<std::size_t>(bits) == words.size() * 32);
    const std::uint32_t mask = (1u << bits) - 1u;
    for (std::size_t j = 0; j < values.size(); ++j) {
        const std::size_t offset = j * static_cast<std::size_t>(bits);
        const std::size_t word = offset / 32;
        const unsigned shift = offset % 32;
        std::uint32_t value = words[word] >> shift;
        if (shift + static_cast<unsigned>(bits) > 32)
            value |= words[word + 1] << (32 - shift);
        values[j] = static_cast<std::uint8_t>(value & mask);
    }
}

QJsonObject GptqLayerSettings::toJson() const
{
    return QJsonObject{{QStringLiteral("bits"), bits},
                       {QStringLiteral("group_size"), groupSize},
                       {QStringLiteral("sym"), symmetric},
                       {QStringLiteral("desc_act"), descAct}};
}

QString GptqLayerSettings::describe() const
{
    return QStringLiteral("bits=%1 group_size=%2 sym=%3 desc_act=%4")
        .arg(bits)
        .arg(groupSize)
        .arg(symmetric ? QLatin1String("true") : QLatin1String("false"),
             descAct ? QLatin1String("true") : QLatin1String("false"));
}

GptqDynamicRules GptqDynamicRules::fromJson(const QJsonObject& dynamic, const QStringList& keyOrder,
                                            const QString& where)
{
    const QStringList keys = keyOrder.isEmpty() ? dynamic.keys() : keyOrder;
    GptqDynamicRules result;
    for (const QString& key : keys) {
        const QJsonValue value = dynamic.value(key);
        Rule rule;
        rule.key = key;
        rule.excludes = key.startsWith(kExcludePrefix);
        const QString pattern =
            (rule.excludes || key.startsWith(kIncludePrefix)) ? key.mid(2) : key;
        rule.regex = pythonReMatchRegex(pattern);
        if (!rule.regex.isValid())
            throw Error(tr("%1: \"%2\" is not a valid regular expression: %3")
                            .arg(where, key, rule.regex.errorString()));
        if (!rule.excludes) {
            if (!value.isObject())
                throw Error(tr("%1: \"%2\" must map to an object of overrides, not %3")
                                .arg(where, key, JsonText::describe(value)));
            rule.overrides = value.toObject();
            withOverrides({}, rule.overrides, QStringLiteral("%1 \"%2\"").arg(where, key));
        }
        result.m_rules.push_back(std::move(rule));
    }
    return result;
}

int GptqDynamicRules::firstMatch(const QString& module) const
{
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].regex.match(module).hasMatch())
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<int> GptqDynamicRules::allMatches(const QString& module) const
{
    std::vector<int> result;
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].regex.match(module).hasMatch())
            result.push_back(static_cast<int>(i));
    }
    return result;
}

std::optional<GptqLayerSettings> GptqDynamicRules::resolve(const QString& module,
                                                           const GptqLayerSettings& base) const
{
    const int index = firstMatch(module);
    if (index < 0)
        return base;
    const Rule& rule = m_rules[static_cast<std::size_t>(index)];
    if (rule.excludes)
        return std::nullopt;
    return withOverrides(base, rule.overrides, rule.key);
}

GptqLayerSettings GptqDynamicRules::withOverrides(const GptqLayerSettings& base,
                                                  const QJsonObject& fields, const QString& where)
{
    GptqLayerSettings settings = base;
    const QJsonValue bits = fields.value(QStringLiteral("bits"));
    if (!bits.isUndefined()) {
        const auto value = PackedCheckpointReading::integerOf(bits);
        if (!value || !GptqPacking::supportsBits(*value))
            throw Error(
                tr("%1: bits must be 2, 3, 4 or 8, not %2").arg(where, JsonText::describe(bits)));
        settings.bits = *value;
    }
    const QJsonValue groupSize = fields.value(QStringLiteral("group_size"));
    if (!groupSize.isUndefined()) {
        const auto value = PackedCheckpointReading::integerOf(groupSize);
        if (!value || (*value != -1 && *value <= 0))
            throw Error(tr("%1: group_size must be -1 or a positive integer, not %2")
                            .arg(where, JsonText::describe(groupSize)));
        settings.groupSize = *value;
    }
    for (const auto& [key, flag] : {std::pair{QStringLiteral("sym"), &settings.symmetric},
                                    std::pair{QStringLiteral("desc_act"), &settings.descAct}}) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined())
            continue;
        if (!value.isBool())
            throw Error(tr("%1: %2 must be true or false, not %3")
                            .arg(where, key, JsonText::describe(value)));
        *flag = value.toBool();
    }
    return settings;
}

} // namespace qb
