#include "core/model/synthetic_model.h"

#include "core/io/checkpoint.h"
#include "core/io/json_file.h"
#include "core/io/safetensors_writer.h"
#include "core/io/staging_directory.h"
#include "core/model/model_spec.h"
#include "core/util/error.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"
#include "core/util/random.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace qb {

namespace {

// Llama 3.2 1B and Llama 2 7B as their published config.json files give them; tiny has the
// bundled demo model's (stories260K) shapes with two blocks instead of five.
constexpr SyntheticPreset kPresets[] = {
    {"tiny",
     QT_TRANSLATE_NOOP("SyntheticModel", "the demo model's shapes with 2 blocks, for fast tests"),
     64,
     172,
     2,
     8,
     4,
     0,
     512,
     true,
     10000.0,
     {},
     512,
     1e-5,
     2},
    {"llama-1b",
     QT_TRANSLATE_NOOP("SyntheticModel", "Llama 3.2 1B: 16 blocks, 1.24 billion parameters"),
     2048,
     8192,
     16,
     32,
     8,
     64,
     128256,
     true,
     500000.0,
     {"llama3", 32.0, 1.0, 4.0, 8192},
     131072,
     1e-5,
     8},
    {"llama-7b-block",
     QT_TRANSLATE_NOOP("SyntheticModel",
                       "one decoder block of Llama 2 7B with its embeddings and lm_head"),
     4096,
     11008,
     1,
     32,
     32,
     0,
     32000,
     false,
     10000.0,
     {},
     4096,
     1e-5,
     8},
};

// Chunks generated per parallelFor call and written with one writePart(): 4M elements, 8 MiB in
// BF16. Large enough to keep the threads busy, small enough for prompt cancellation and little
// memory. (Not part of the output's definition: only kChunkElements is.)
constexpr std::int64_t kBatchChunks = (std::int64_t{1} << 22) / SyntheticModel::kChunkElements;

constexpr const char* kTokenizerFiles[] = {"tokenizer.model", "tokenizer_config.json"};

// ---- random numbers -----------------------------------------------------------------------------

// What a generator is for; part of its key, so the streams of different purposes never overlap.
enum class Stream : std::uint64_t { WeightChunk = 1, HeavyRows, OutlierChannels, OutlierScales };

// A generator key from the seed, the purpose and two indices (tensor, chunk): each step is a
// splitmix64 finaliser, so neighbouring indices give unrelated keys.
std::uint64_t streamKey(std::uint64_t seed, Stream stream, std::uint64_t a, std::uint64_t b)
{
    std::uint64_t h = mix64(seed + kGolden);
    h = mix64(h ^ (static_cast<std::uint64_t>(stream) * 0xd1b54a32d192ed03ULL));
    h = mix64(h ^ ((a + 1) * 0x8cb92ba72f3d8dd7ULL));
    return mix64(h ^ ((b + 1) * 0xaef17502108ef2d9ULL));
}

// The layers of the ziggurat for the standard normal: 128 layers of equal area, as in Doornik,
// "An Improved Ziggurat Method to Generate Normal Random Samples" (2005). As in his variant the
// layer index is drawn independently of the abscissa (here bits 0-6 and 11-63 of one draw);
// Marsaglia and Tsang's original reuses bits of the abscissa, which correlates the values.
// Computed once; every thread reads them.
struct ZigguratTables {
    static constexpr int kLayers = 128;
    static constexpr double kR = 3.442619855899;      // where the tail begins
    static constexpr double kV = 9.91256303526217e-3; // the area of each layer
    double x[kLayers + 1];
    double ratio[kLayers]; // x[i + 1] / x[i]: below it a point is inside the curve for sure

    ZigguratTables()
    {
        double f = std::exp(-0.5 * kR * kR);
        x[0] = kV / f; // the base layer, including the tail, as a rectangle of the same area
        x[1] = kR;
        x[kLayers] = 0;
        for (int i = 2; i < kLayers; ++i) {
            x[i] = std::sqrt(-2.0 * std::log(kV / x[i - 1] + f));
            f = std::exp(-0.5 * x[i] * x[i]);
        }
        for (int i = 0; i < kLayers; ++i)
            ratio[i] = x[i + 1] / x[i];
    }
};

const ZigguratTables& zigguratTables()
{
    static const ZigguratTables tables;
    return tables;
}

// Standard normals by the ziggurat method: one 64-bit draw for about 99 % of the values, several
// times faster than Box–Muller's log/sin/cos, so that writing is bound by the disk.
class NormalSource {
public:
    explicit NormalSource(std::uint64_t key)
        : m_rng(key)
        , m_zig(zigguratTables())
    {
    }

    double next()
    {
        constexpr int kLayers = ZigguratTables::kLayers;
        for (;;) {
            const std::uint64_t bits = m_rng.next();
            const int layer = static_cast<int>(bits & (kLayers - 1));
            const double u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0; // [-1, 1)
            if (std::abs(u) < m_zig.ratio[layer])
                return u * m_zig.x[layer];
            if (layer == 0)
                return tail(u < 0);
            const double x = u * m_zig.x[layer];
            const double f0 = std::exp(-0.5 * (m_zig.x[layer] * m_zig.x[layer] - x * x));
            const double f1 = std::exp(-0.5 * (m_zig.x[layer + 1] * m_zig.x[layer + 1] - x * x));
            if (f1 + m_rng.uniform() * (f0 - f1) < 1.0)
                return x;
        }
    }

private:
    // Beyond kR (Marsaglia's method for the tail).
    double tail(bool negative)
    {
        constexpr double r = ZigguratTables::kR;
        double x = 0;
        double y = 0;
        do {
            x = std::log(1.0 - m_rng.uniform()) / r;
            y = std::log(1.0 - m_rng.uniform());
        } while (-2.0 * y < x * x);
        return negative ? x - r : r - x;
    }

    Xoshiro256 m_rng;
    const ZigguratTables& m_zig;
};

// The first `count` items of a seeded random permutation of [0, n) (partial Fisher–Yates), in
// the order drawn: a larger count keeps the earlier picks.
std::vector<std::int64_t> firstOfPermutation(std::int64_t n, std::int64_t count, Xoshiro256& rng)
{
    std::vector<std::int64_t> items(static_cast<std::size_t>(n));
    std::iota(items.begin(), items.end(), std::int64_t{0});
    for (std::int64_t i = 0; i < count; ++i)
        std::swap(items[static_cast<std::size_t>(i)],
                  items[static_cast<std::size_t>(i + rng.index(n - i))]);
    items.resize(static_cast<std::size_t>(count));
    return items;
}

float roundToBfloat16(double value)
{
    return bfloat16ToFloat(floatToBfloat16(static_cast<float>(value)));
}

// ---- generation -----------------------------------------------------------------------------

// Everything a worker needs to generate chunks of one random tensor.
struct RandomTensorJob {
    std::uint64_t seed = 0;
    std::uint64_t tensorIndex = 0;
    std::int64_t elements = 0;
    std::int64_t columns = 1;
    std::vector<char> heavyRow; // per row: drawn from the scaled Student-t
};

// Fills `out` with chunk `chunk` of the tensor: elements [chunk * kChunkElements, + out.size()).
void generateChunk(const RandomTensorJob& job, std::int64_t chunk, std::span<float> out)
{
    constexpr double sigma = SyntheticModel::kWeightStd;
    NormalSource normal(streamKey(job.seed, Stream::WeightChunk, job.tensorIndex,
                                  static_cast<std::uint64_t>(chunk)));
    const std::int64_t first = chunk * SyntheticModel::kChunkElements;
    const auto count = static_cast<std::int64_t>(out.size());
    std::int64_t i = 0;
    while (i < count) {
        const std::int64_t row = (first + i) / job.columns;
        const std::int64_t rowEnd = std::min(count, (row + 1) * job.columns - first);
        if (job.heavyRow.empty() || !job.heavyRow[static_cast<std::size_t>(row)]) {
            for (; i < rowEnd; ++i)
                out[static_cast<std::size_t>(i)] = static_cast<float>(sigma * normal.next());
        } else {
            // Student-t with 3 degrees of freedom, z / sqrt(χ²₃ / 3), has variance 3; scaled by
            // σ / √3 it is σ z / sqrt(χ²₃).
            static_assert(SyntheticModel::kStudentTDegrees == 3);
            for (; i < rowEnd; ++i) {
                const double z = normal.next();
                const double a = normal.next();
                const double b = normal.next();
                const double c = normal.next();
                out[static_cast<std::size_t>(i)] =
                    static_cast<float>(sigma * z / std::sqrt(a * a + b * b + c * c));
            }
        }
    }
}

QString shardFileName(int index, int count)
{
    return QStringLiteral("model-%1-of-%2.safetensors")
        .arg(index + 1, 5, 10, QLatin1Char('0'))
        .arg(count, 5, 10, QLatin1Char('0'));
}

const SyntheticPreset& requirePreset(const QString& name)
{
    const SyntheticPreset* preset = SyntheticModel::findPreset(name);
    if (!preset)
        throw Error(SyntheticModel::tr("unknown synthetic model preset \"%1\" (presets: %2)")
                        .arg(name, SyntheticModel::presetNames().join(QStringLiteral(", "))));
    return *preset;
}

QJsonObject configJson(const SyntheticPreset& preset, const SyntheticModel::Options& options,
                       const SyntheticModel::Outliers& outliers)
{
    QJsonArray channels;
    QJsonArray scales;
    for (std::size_t i = 0; i < outliers.channels.size(); ++i) {
        channels.append(outliers.channels[i]);
        scales.append(static_cast<double>(outliers.scales[i]));
    }
    const QJsonObject synthetic{
        {QStringLiteral("preset"), QLatin1String(preset.name)},
        {QStringLiteral("seed"), static_cast<qint64>(options.seed)},
        {QStringLiteral("dtype"), dtypeName(options.dtype)},
        {QStringLiteral("outlier_channels"), channels},
        {QStringLiteral("outlier_scales"), scales},
        {QStringLiteral("weight_std"), SyntheticModel::kWeightStd},
        {QStringLiteral("heavy_tailed_row_fraction"), SyntheticModel::kHeavyTailedRowFraction},
        {QStringLiteral("heavy_tailed_degrees_of_freedom"), SyntheticModel::kStudentTDegrees},
        {QStringLiteral("note"),
         SyntheticModel::metadataLabel(QLatin1String(preset.name), options.seed)},
    };

    QJsonValue ropeScaling(QJsonValue::Null);
    if (preset.ropeScaling.type) {
        const SyntheticRopeScaling& rope = preset.ropeScaling;
        ropeScaling = QJsonObject{
            {QStringLiteral("rope_type"), QLatin1String(rope.type)},
            {QStringLiteral("factor"), rope.factor},
            {QStringLiteral("low_freq_factor"), rope.lowFreqFactor},
            {QStringLiteral("high_freq_factor"), rope.highFreqFactor},
            {QStringLiteral("original_max_position_embeddings"),
             rope.originalMaxPositionEmbeddings},
        };
    }

    QJsonObject config{
        {QStringLiteral("architectures"), QJsonArray{QStringLiteral("LlamaForCausalLM")}},
        {QStringLiteral("model_type"), QStringLiteral("llama")},
        {QStringLiteral("hidden_size"), preset.hiddenSize},
        {QStringLiteral("intermediate_size"), preset.intermediateSize},
        {QStringLiteral("num_hidden_layers"), preset.numHiddenLayers},
        {QStringLiteral("num_attention_heads"), preset.numAttentionHeads},
        {QStringLiteral("num_key_value_heads"), preset.numKeyValueHeads},
        {QStringLiteral("vocab_size"), preset.vocabSize},
        {QStringLiteral("max_position_embeddings"), preset.maxPositionEmbeddings},
        {QStringLiteral("rms_norm_eps"), preset.rmsNormEps},
        {QStringLiteral("rope_theta"), preset.ropeTheta},
        {QStringLiteral("rope_scaling"), ropeScaling},
        {QStringLiteral("hidden_act"), QStringLiteral("silu")},
        {QStringLiteral("attention_bias"), false},
        {QStringLiteral("attention_dropout"), 0.0},
        {QStringLiteral("mlp_bias"), false},
        {QStringLiteral("tie_word_embeddings"), preset.tieWordEmbeddings},
        // The ids of the demo tokenizer the checkpoint ships with.
        {QStringLiteral("bos_token_id"), 1},
        {QStringLiteral("eos_token_id"), 2},
        {QStringLiteral("initializer_range"), SyntheticModel::kWeightStd},
        {QStringLiteral("pretraining_tp"), 1},
        {QStringLiteral("use_cache"), true},
        {QStringLiteral("torch_dtype"),
         options.dtype == DType::BF16 ? QStringLiteral("bfloat16") : QStringLiteral("float32")},
        {QLatin1String(SyntheticModel::kConfigKey), synthetic},
    };
    if (preset.headDim > 0)
        config.insert(QStringLiteral("head_dim"), preset.headDim);
    return config;
}

} // namespace

std::int64_t SyntheticTensor::elementCount() const
{
    std::int64_t n = 1;
    for (std::int64_t d : shape)
        n *= d;
    return n;
}

std::span<const SyntheticPreset> SyntheticModel::presets()
{
    return kPresets;
}

const SyntheticPreset* SyntheticModel::findPreset(QStringView name)
{
    for (const SyntheticPreset& preset : kPresets) {
        if (name == QLatin1String(preset.name))
            return &preset;
    }
    return nullptr;
}

QStringList SyntheticModel::presetNames()
{
    QStringList names;
    for (const SyntheticPreset& preset : kPresets)
        names << QLatin1String(preset.name);
    return names;
}

QString SyntheticModel::metadataLabel(const QString& preset, std::uint64_t seed)
{
    return QStringLiteral(
               "QuantBench synthetic checkpoint (preset %1, seed %2); not a trained model")
        .arg(preset)
        .arg(seed);
}

std::vector<SyntheticTensor> SyntheticModel::tensors(const SyntheticPreset& preset,
                                                     std::uint64_t seed)
{
    const std::int64_t hidden = preset.hiddenSize;
    const std::int64_t intermediate = preset.intermediateSize;
    const std::int64_t headDim =
        preset.headDim > 0 ? preset.headDim : preset.hiddenSize / preset.numAttentionHeads;
    const std::int64_t qOut = preset.numAttentionHeads * headDim;
    const std::int64_t kvOut = preset.numKeyValueHeads * headDim;

    std::vector<SyntheticTensor> out;
    auto add = [&](QString name, SyntheticTensor::Kind kind, std::vector<std::int64_t> shape) {
        SyntheticTensor tensor{std::move(name), kind, std::move(shape), {}};
        if (kind == SyntheticTensor::Kind::Linear) {
            const std::int64_t rows = tensor.shape.front();
            const std::int64_t heavy = std::clamp<std::int64_t>(
                std::llround(static_cast<double>(rows) * kHeavyTailedRowFraction), 1, rows);
            Xoshiro256 rng(streamKey(seed, Stream::HeavyRows, out.size(), 0));
            tensor.heavyTailedRows = firstOfPermutation(rows, heavy, rng);
            std::sort(tensor.heavyTailedRows.begin(), tensor.heavyTailedRows.end());
        }
        out.push_back(std::move(tensor));
    };

    using Kind = SyntheticTensor::Kind;
    add(QStringLiteral("model.embed_tokens.weight"), Kind::Embedding, {preset.vocabSize, hidden});
    for (int b = 0; b < preset.numHiddenLayers; ++b) {
        const QString p = QStringLiteral("model.layers.%1.").arg(b);
        add(p + QStringLiteral("input_layernorm.weight"), Kind::Norm, {hidden});
        add(p + QStringLiteral("self_attn.q_proj.weight"), Kind::Linear, {qOut, hidden});
        add(p + QStringLiteral("self_attn.k_proj.weight"), Kind::Linear, {kvOut, hidden});
        add(p + QStringLiteral("self_attn.v_proj.weight"), Kind::Linear, {kvOut, hidden});
        add(p + QStringLiteral("self_attn.o_proj.weight"), Kind::Linear, {hidden, qOut});
        add(p + QStringLiteral("post_attention_layernorm.weight"), Kind::Norm, {hidden});
        add(p + QStringLiteral("mlp.gate_proj.weight"), Kind::Linear, {intermediate, hidden});
        add(p + QStringLiteral("mlp.up_proj.weight"), Kind::Linear, {intermediate, hidden});
        add(p + QStringLiteral("mlp.down_proj.weight"), Kind::Linear, {hidden, intermediate});
    }
    add(QStringLiteral("model.norm.weight"), Kind::Norm, {hidden});
    if (!preset.tieWordEmbeddings)
        add(QStringLiteral("lm_head.weight"), Kind::Linear, {preset.vocabSize, hidden});
    return out;
}

SyntheticModel::Outliers SyntheticModel::outliers(const Options& options)
{
    const SyntheticPreset& preset = requirePreset(options.preset);
    const int count = options.outlierChannels.value_or(preset.defaultOutlierChannels);
    if (count < 0 || count > preset.hiddenSize)
        throw Error(tr("the number of outlier channels must be from 0 to %1 (the hidden size of "
                       "preset %2), not %3")
                        .arg(preset.hiddenSize)
                        .arg(QLatin1String(preset.name))
                        .arg(count));
    if (options.outlierScale
        && !(*options.outlierScale > 0 && std::isfinite(roundToBfloat16(*options.outlierScale))))
        throw Error(
            tr("the outlier scale must be a positive number, not %1").arg(*options.outlierScale));

    // Channels and factors from generators of their own, so K and the scale option change
    // nothing else, and a larger K keeps a seed's first channels.
    Xoshiro256 channelRng(streamKey(options.seed, Stream::OutlierChannels, 0, 0));
    Xoshiro256 scaleRng(streamKey(options.seed, Stream::OutlierScales, 0, 0));
    const std::vector<std::int64_t> picked =
        firstOfPermutation(preset.hiddenSize, count, channelRng);
    std::vector<std::pair<int, float>> chosen;
    for (std::int64_t channel : picked) {
        const double drawn =
            kOutlierScaleMin + (kOutlierScaleMax - kOutlierScaleMin) * scaleRng.uniform();
        chosen.emplace_back(static_cast<int>(channel),
                            roundToBfloat16(options.outlierScale.value_or(drawn)));
    }
    std::sort(chosen.begin(), chosen.end());
    Outliers result;
    for (const auto& [channel, scale] : chosen) {
        result.channels.push_back(channel);
        result.scales.push_back(scale);
    }
    return result;
}

SyntheticModel::Result SyntheticModel::write(const QString& outDir, const Options& options,
                                             Progress& progress)
{
    QElapsedTimer timer;
    timer.start();

    // Every option is checked before anything is created.
    const SyntheticPreset& preset = requirePreset(options.preset);
    if (options.dtype != DType::BF16 && options.dtype != DType::F32)
        throw Error(tr("a synthetic checkpoint is written in BF16 or F32, not %1")
                        .arg(dtypeName(options.dtype)));
    if (options.seed > kMaxSeed)
        throw Error(tr("the seed must be from 0 to %1, not %2").arg(kMaxSeed).arg(options.seed));
    const Outliers outliers = SyntheticModel::outliers(options);
    if (!options.tokenizerSource.isEmpty()) {
        for (const char* name : kTokenizerFiles) {
            const QString path = QDir(options.tokenizerSource).filePath(QLatin1String(name));
            if (!QFileInfo(path).isFile())
                throw Error(tr("%1: the tokenizer file to copy is missing")
                                .arg(QDir::toNativeSeparators(path)));
        }
    }

    const std::vector<SyntheticTensor> plan = tensors(preset, options.seed);
    const int elementBytes = dtypeSize(options.dtype);

    // Shards: consecutive tensors, a new shard whenever the next tensor would take the current
    // one over the limit (as transformers' save_pretrained does).
    std::uint64_t dataBytes = 0;
    std::vector<int> shardOf;
    int shardCount = 1;
    {
        std::uint64_t inShard = 0;
        for (const SyntheticTensor& tensor : plan) {
            const auto bytes = static_cast<std::uint64_t>(tensor.elementCount()) * elementBytes;
            if (inShard > 0 && inShard + bytes > options.maxShardBytes) {
                ++shardCount;
                inShard = 0;
            }
            inShard += bytes;
            dataBytes += bytes;
            shardOf.push_back(shardCount - 1);
        }
    }

    QStringList protectedPaths;
    if (!options.tokenizerSource.isEmpty())
        protectedPaths << options.tokenizerSource;
    StagingDirectory stage(outDir, options.replaceExisting, protectedPaths);
    stage.requireFreeSpace(dataBytes + (std::uint64_t{1} << 20));

    const QString label = metadataLabel(QLatin1String(preset.name), options.seed);
    const QMap<QString, QString> metadata{{QStringLiteral("format"), QStringLiteral("pt")},
                                          {QStringLiteral("synthetic"), label}};
    const double totalBytes = std::max(1.0, static_cast<double>(dataBytes));
    double doneBytes = 0;
    std::int64_t parameters = 0;
    std::vector<std::byte> buffer;
    QJsonObject weightMap;

    std::size_t next = 0;
    for (int shard = 0; shard < shardCount; ++shard) {
        const QString fileName = shardCount == 1 ? QLatin1String(Checkpoint::kSingleFileName)
                                                 : shardFileName(shard, shardCount);
        const std::size_t begin = next;
        std::vector<TensorHeader> headers;
        for (; next < plan.size() && shardOf[next] == shard; ++next) {
            headers.push_back({plan[next].name, options.dtype, plan[next].shape});
            weightMap.insert(plan[next].name, fileName);
        }
        SafetensorsWriter writer(stage.filePath(fileName), std::move(headers), metadata);

        for (std::size_t t = begin; t < next; ++t) {
            const SyntheticTensor& tensor = plan[t];
            const std::int64_t elements = tensor.elementCount();
            parameters += elements;
            progress.throwIfCancelled();
            progress.report(doneBytes / totalBytes, tr("Generating %1").arg(tensor.name));

            if (tensor.kind == SyntheticTensor::Kind::Norm) {
                std::vector<float> values(static_cast<std::size_t>(elements), 1.0f);
                for (std::size_t i = 0; i < outliers.channels.size(); ++i)
                    values[static_cast<std::size_t>(outliers.channels[i])] = outliers.scales[i];
                buffer.resize(values.size() * elementBytes);
                convertFromFloat(options.dtype, values, buffer.data());
                writer.writeNext(buffer);
                doneBytes += static_cast<double>(buffer.size());
                continue;
            }

            RandomTensorJob job;
            job.seed = options.seed;
            job.tensorIndex = t;
            job.elements = elements;
            job.columns = tensor.shape.back();
            if (!tensor.heavyTailedRows.empty()) {
                job.heavyRow.assign(static_cast<std::size_t>(tensor.shape.front()), 0);
                for (std::int64_t row : tensor.heavyTailedRows)
                    job.heavyRow[static_cast<std::size_t>(row)] = 1;
            }
            const std::int64_t chunks = (elements + kChunkElements - 1) / kChunkElements;
            for (std::int64_t c0 = 0; c0 < chunks; c0 += kBatchChunks) {
                progress.throwIfCancelled();
                const std::int64_t c1 = std::min(chunks, c0 + kBatchChunks);
                const std::int64_t first = c0 * kChunkElements;
                const std::int64_t last = std::min(elements, c1 * kChunkElements);
                buffer.resize(static_cast<std::size_t>(last - first) * elementBytes);
                const std::int64_t minChunk =
                    options.parallel ? 1 : std::numeric_limits<std::int64_t>::max();
                parallelFor(c1 - c0, minChunk, [&](std::int64_t b, std::int64_t e) {
                    std::vector<float> values;
                    for (std::int64_t c = c0 + b; c < c0 + e; ++c) {
                        const std::int64_t start = c * kChunkElements;
                        values.resize(
                            static_cast<std::size_t>(std::min(kChunkElements, elements - start)));
                        generateChunk(job, c, values);
                        convertFromFloat(
                            options.dtype, values,
                            buffer.data() + static_cast<std::size_t>(start - first) * elementBytes);
                    }
                });
                writer.writePart(buffer);
                doneBytes += static_cast<double>(buffer.size());
                progress.report(doneBytes / totalBytes);
            }
        }
        writer.finish();
    }

    if (shardCount > 1) {
        JsonFile::write(
            stage.filePath(QLatin1String(Checkpoint::kIndexFileName)),
            QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("total_size"),
                                                                  static_cast<qint64>(dataBytes)}}},
                        {QStringLiteral("weight_map"), weightMap}});
    }
    JsonFile::write(stage.filePath(QLatin1String(ModelSpec::kConfigFileName)),
                    configJson(preset, options, outliers));
    JsonFile::write(
        stage.filePath(QStringLiteral("generation_config.json")),
        QJsonObject{{QStringLiteral("bos_token_id"), 1}, {QStringLiteral("eos_token_id"), 2}});
    if (!options.tokenizerSource.isEmpty()) {
        for (const char* name : kTokenizerFiles) {
            const QString from = QDir(options.tokenizerSource).filePath(QLatin1String(name));
            const QString to = stage.filePath(QLatin1String(name));
            if (!QFile::copy(from, to))
                throw Error(tr("cannot copy %1 to %2")
                                .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)));
        }
    }

    Result result;
    for (const QFileInfo& file : QDir(stage.path()).entryInfoList(QDir::Files))
        result.bytes += static_cast<std::uint64_t>(file.size());
    progress.throwIfCancelled();
    stage.commit();

    result.directory = QDir::cleanPath(QFileInfo(outDir).absoluteFilePath());
    result.preset = QLatin1String(preset.name);
    result.dtype = options.dtype;
    result.seed = options.seed;
    result.parameters = parameters;
    result.shards = shardCount;
    result.outliers = outliers;
    result.seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    progress.report(1.0, tr("Wrote %1").arg(QDir::toNativeSeparators(result.directory)));
    return result;
}

} // namespace qb
