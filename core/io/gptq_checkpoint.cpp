#include "core/io/gptq_checkpoint.h"

#include "core/io/packed_checkpoint_reading.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

namespace qb {

namespace {

// The keys of the JSON object reached through `path` (object keys from the top) in the order the
// text holds them: Python reads `dynamic` in dict order, which QJsonObject does not keep. `text`
// has already been parsed by QJsonDocument; anything unexpected gives an empty list.
class JsonKeyOrder {
public:
    static QStringList keysAt(const QByteArray& text, const QStringList& path)
    {
        JsonKeyOrder scan(text);
        QStringList keys;
        if (scan.peek() != '{' || !scan.object(0, path, &keys))
            return {};
        keys.removeDuplicates(); // Python keeps a repeated key at its first position
        return keys;
    }

private:
    static constexpr int kMaxDepth = 512;

    explicit JsonKeyOrder(const QByteArray& text)
        : m_text(text)
    {
    }

    char peek()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                   || m_text[m_pos] == '\r'))
            ++m_pos;
        return m_pos < m_text.size() ? m_text[m_pos] : '\0';
    }

    std::optional<QString> string()
    {
        if (peek() != '"')
            return std::nullopt;
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        if (m_pos >= m_text.size())
            return std::nullopt;
        ++m_pos;
        // The JSON parser decodes the escapes.
        const QJsonDocument token =
            QJsonDocument::fromJson('[' + m_text.mid(start, m_pos - start) + ']');
        if (!token.isArray())
            return std::nullopt;
        return token.array().at(0).toString();
    }

    bool value(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        switch (peek()) {
        case '{':
            return object(depth, {}, nullptr);
        case '[':
            ++m_pos;
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            for (;;) {
                if (!value(depth + 1))
                    return false;
                const char next = peek();
                ++m_pos;
                if (next == ']')
                    return true;
                if (next != ',')
                    return false;
            }
        case '"':
            return string().has_value();
        case '\0':
            return false;
        default: // number, true, false, null
            while (m_pos < m_text.size() && !std::strchr(",]} \t\r\n", m_text[m_pos]))
                ++m_pos;
            return true;
        }
    }

    // The object at the cursor: its keys go to `keys` when `path` is empty, else the value under
    // path.front() is searched for the rest of the path.
    bool object(int depth, const QStringList& path, QStringList* keys)
    {
        ++m_pos; // '{'
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            const std::optional<QString> key = string();
            if (!key || peek() != ':')
                return false;
            ++m_pos;
            if (keys && path.isEmpty())
                keys->append(*key);
            const bool descend = keys && !path.isEmpty() && *key == path.front() && peek() == '{';
            if (!(descend ? object(depth + 1, path.mid(1), keys) : value(depth + 1)))
                return false;
            const char next = peek();
            ++m_pos;
            if (next == '}')
                return true;
            if (next != ',')
                return false;
        }
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
};

} // namespace

std::shared_ptr<const GptqCheckpoint> GptqCheckpoint::open(const QString& directory)
{
    std::shared_ptr<GptqCheckpoint> result(new GptqCheckpoint);
    result->m_directory = directory;
    const PackedCheckpointReading::ConfigSource source = PackedCheckpointReading::findConfig(
        directory, QLatin1String(kQuantizeConfigFileName), QStringLiteral("GPTQ"));
    result->m_configSource = source.where;

    const QJsonObject& config = source.config;
    const QString& where = result->m_configSource;
    if (const QJsonValue method =
            PackedCheckpointReading::unexpectedQuantMethod(config, QLatin1String("gptq"));
        !method.isUndefined())
        throw Error(
            tr("%1: quant_method must be \"gptq\", not %2").arg(where, JsonText::describe(method)));
    if (!config.contains(QStringLiteral("bits")))
        throw Error(tr("%1: bits is missing").arg(where));

    // The format: checkpoint_format (transformers) and format (GPTQModel) must agree; loaders
    // take a config with neither to be v1.
    std::optional<GptqFormat> format;
    for (const QString& key : {QStringLiteral("checkpoint_format"), QStringLiteral("format")}) {
        const QJsonValue value = config.value(key);
        if (value.isUndefined())
            continue;
        const std::optional<GptqFormat> named = gptqFormatFromKey(value.toString());
        if (!value.isString() || !named)
            throw Error(tr("%1: %2 must be \"gptq\" or \"gptq_v2\", not %3")
                            .arg(where, key, JsonText::describe(value)));
        if (format && *format != *named)
            throw Error(tr("%1: checkpoint_format and format disagree").arg(where));
        format = named;
    }
    result->m_format = format.value_or(GptqFormat::V1);

    // transformers' defaults for the fields a config may leave out.
    GptqLayerSettings defaults;
    defaults.groupSize = 128;
    defaults.symmetric = true;
    defaults.descAct = false;
    result->m_base = GptqDynamicRules::withOverrides(defaults, config, where);

    const QJsonValue lmHead = config.value(QStringLiteral("lm_head"));
    if (!lmHead.isUndefined() && !lmHead.isNull() && !lmHead.isBool())
        throw Error(tr("%1: %2 must be true or false, not %3")
                        .arg(where, QStringLiteral("lm_head"), JsonText::describe(lmHead)));
    result->m_lmHead = lmHead.toBool(false);

    const QJsonValue dynamic = config.value(QStringLiteral("dynamic"));
    if (dynamic.isObject()) {
        const QJsonObject rules = dynamic.toObject();
        QStringList order = JsonKeyOrder::keysAt(
            source.text, source.pathInFile + QStringList{QStringLiteral("dynamic")});
        QStringList sortedOrder = order;
        sortedOrder.sort();
        if (sortedOrder != rules.keys())
            order.clear(); // the scan did not see what the parser saw: fall back to sorted keys
        result->m_dynamic =
            GptqDynamicRules::fromJson(rules, order, QStringLiteral("%1.dynamic").arg(where));
    } else if (!dynamic.isUndefined() && !dynamic.isNull()) {
        throw Error(
            tr("%1: dynamic must be an object, not %2").arg(where, JsonText::describe(dynamic)));
    }

    result->m_checkpoint = Checkpoint::open(directory);
    return result;
}

QStringList GptqCheckpoint::quantizedModules() const
{
    return PackedCheckpointReading::modulesWithTensor(*m_checkpoint, QLatin1String(".qweight"));
}

std::optional<GptqLayerSettings> GptqCheckpoint::settingsFor(const QString& module) const
{
    if (PackedCheckpointReading::isLmHead(module) && !m_lmHead)
        return std::nullopt;
    return m_dynamic.resolve(module, m_base);
}

std::vector<float> GptqCheckpoint::dequantizedWeight(const QString& module) const
{
    const QString folder = QDir::toNativeSeparators(m_directory);
    const Checkpoint& checkpoint = *m_checkpoint;
    const QString qweightName = module + QStringLiteral(".qweight");
    const Checkpoint::TensorRef qweight = checkpoint.find(qweightName);
    const std::optional<GptqLayerSettings> settings = settingsFor(module);

    if (!qweight)
        return PackedCheckpointReading::unquantizedWeight(checkpoint, folder, module, qweightName);
    if (!settings) {
        const int rule = m_dynamic.firstMatch(module);
        throw Error(tr("%1: %2 is stored quantized, but the quantization config leaves it "
                       "unquantized (%3)")
                        .arg(folder, module,
                             rule >= 0 ? m_dynamic.rules()[static_cast<std::size_t>(rule)].key
                                       : QStringLiteral("lm_head: false")));
    }
    const int bits = settings->bits;

    // Present, of the right dtype and rank; shapes are checked once K and N are known.
    auto require = [&](const QString& suffix, std::initializer_list<DType> dtypes,
                       std::size_t rank) {
        return PackedCheckpointReading::require(checkpoint, folder, module + suffix, dtypes, rank);
    };
    require(QStringLiteral(".qweight"), {DType::I32}, 2);
    const Checkpoint::TensorRef qzeros = require(QStringLiteral(".qzeros"), {DType::I32}, 2);
    const Checkpoint::TensorRef scales =
        require(QStringLiteral(".scales"), {DType::F16, DType::BF16, DType::F32}, 2);
    const Checkpoint::TensorRef gIdx = checkpoint.find(module + QStringLiteral(".g_idx"));
    if (gIdx)
        require(QStringLiteral(".g_idx"), {DType::I32}, 1);
    else if (settings->descAct)
        throw Error(tr("%1: tensor %2 is missing").arg(folder, module + QStringLiteral(".g_idx")));

    // K: g_idx's length, else what qweight's rows hold; N: qweight's columns.
    const std::int64_t wordRows = qweight.info->shape[0];
    const std::int64_t outputs = qweight.info->shape[1];
    const std::int64_t inputs = gIdx ? gIdx.info->shape[0] : wordRows * 32 / bits;
    const std::int64_t groups =
        settings->groupSize == -1 ? 1 : (inputs + settings->groupSize - 1) / settings->groupSize;
    const QString layout =
        QStringLiteral("K=%1 N=%2 %3").arg(inputs).arg(outputs).arg(settings->describe());
    auto requireShape = [&](const Checkpoint::TensorRef& ref,
                            const std::vector<std::int64_t>& expected) {
        PackedCheckpointReading::requireShape(ref, folder, expected, layout);
    };
    if (inputs <= 0 || outputs <= 0 || !GptqPacking::fillsWords(inputs, bits)
        || !GptqPacking::fillsWords(outputs, bits))
        throw Error(tr("%1: %2 (%3) cannot be packed: K and N must fill whole 32-bit words")
                        .arg(folder, module, layout));
    requireShape(qweight, {GptqPacking::wordsFor(inputs, bits), outputs});
    requireShape(qzeros, {groups, GptqPacking::wordsFor(outputs, bits)});
    requireShape(scales, {groups, outputs});

    std::vector<std::int32_t> groupOf(static_cast<std::size_t>(inputs));
    if (gIdx) {
        const std::vector<std::uint32_t> raw = PackedCheckpointReading::words(gIdx);
        for (std::int64_t k = 0; k < inputs; ++k) {
            const auto g = static_cast<std::int32_t>(raw[static_cast<std::size_t>(k)]);
            if (g < 0 || g >= groups)
                throw Error(tr("%1: tensor %2: input %3 is in group %4, outside the %5 groups")
                                .arg(folder, gIdx.info->name)
                                .arg(k)
                                .arg(g)
                                .arg(groups));
            groupOf[static_cast<std::size_t>(k)] = g;
        }
    } else {
        const std::int64_t width = settings->groupSize == -1 ? inputs : settings->groupSize;
        for (std::int64_t k = 0; k < inputs; ++k)
            groupOf[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(k / width);
    }

    // Zero points [G, N]: v1 stores zero − 1, and loaders add the 1 back masked to the width.
    const std::uint32_t mask = (1u << bits) - 1u;
    const std::vector<std::uint32_t> zeroWords = PackedCheckpointReading::words(qzeros);
    std::vector<std::uint8_t> zeros(static_cast<std::size_t>(groups * outputs));
    const std::int64_t zeroWordsPerRow = GptqPacking::wordsFor(outputs, bits);
    for (std::int64_t g = 0; g < groups; ++g)
        GptqPacking::unpack(
            std::span(zeroWords).subspan(static_cast<std::size_t>(g * zeroWordsPerRow),
                                         static_cast<std::size_t>(zeroWordsPerRow)),
            bits,
            std::span(zeros).subspan(static_cast<std::size_t>(g * outputs),
                                     static_cast<std::size_t>(outputs)));
    if (m_format == GptqFormat::V1) {
        for (std::uint8_t& z : zeros)
            z = static_cast<std::uint8_t>((z + 1u) & mask);
    }
    const std::vector<float> scaleValues = scales.file->readFloat(*scales.info);

    // qweight [Kw, N] holds column n's codes down its rows: gather the column, then unpack.
    const std::vector<std::uint32_t> codeWords = PackedCheckpointReading::words(qweight);
    const std::int64_t wordsPerColumn = GptqPacking::wordsFor(inputs, bits);
    std::vector<float> weight(static_cast<std::size_t>(outputs * inputs));
    std::vector<std::uint32_t> column(static_cast<std::size_t>(wordsPerColumn));
    std::vector<std::uint8_t> codes(static_cast<std::size_t>(inputs));
    for (std::int64_t n = 0; n < outputs; ++n) {
        for (std::int64_t w = 0; w < wordsPerColumn; ++w)
            column[static_cast<std::size_t>(w)] =
                codeWords[static_cast<std::size_t>(w * outputs + n)];
        GptqPacking::unpack(column, bits, codes);
        float* row = weight.data() + n * inputs;
        for (std::int64_t k = 0; k < inputs; ++k) {
            const auto g = static_cast<std::size_t>(groupOf[static_cast<std::size_t>(k)]);
            const auto at = g * static_cast<std::size_t>(outputs) + static_cast<std::size_t>(n);
            // The in-memory grid's order of operations: scale * (code - zero) in float32.
            row[k] = scaleValues[at]
                     * (static_cast<float>(codes[static_cast<std::size_t>(k)])
                        - static_cast<float>(zeros[at]));
        }
    }
    return weight;
}

} // namespace qb
