#include "core/model/checkpoint_import.h"

#include "core/io/awq_checkpoint.h"
#include "core/io/checkpoint.h"
#include "core/io/compressed_tensors_checkpoint.h"
#include "core/io/fp8_checkpoint.h"
#include "core/io/gguf_file.h"
#include "core/io/gptq_checkpoint.h"
#include "core/io/json_file.h"
#include "core/io/safetensors_writer.h"
#include "core/model/model_spec.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStorageInfo>

#include <cstring>
#include <functional>
#include <map>

namespace qb {

namespace {

struct CheckpointImportText {
    Q_DECLARE_TR_FUNCTIONS(CheckpointImport)
};

// Refuses before anything is written when `folder`'s disk cannot hold the float32 copy (a
// 4-bit 7B checkpoint becomes some 28 GB): `source` names what was being imported.
void requireSpaceFor(const std::vector<TensorHeader>& headers, const QString& folder,
                     const QString& source)
{
    std::uint64_t bytes = 1 << 20; // header, config and tokenizer
    for (const TensorHeader& header : headers)
        bytes += byteSizeOf(header);
    const qint64 available = QStorageInfo(folder).bytesAvailable();
    if (available >= 0 && static_cast<std::uint64_t>(available) < bytes) {
        const QLocale locale;
        throw Error(CheckpointImportText::tr(
                        "%1: not enough free space in %2 to import it: its float32 copy needs "
                        "%3, the disk has %4 (set TMPDIR to a larger disk)")
                        .arg(source, QDir::toNativeSeparators(folder),
                             locale.formattedDataSize(static_cast<qint64>(bytes)),
                             locale.formattedDataSize(available)));
    }
}

QJsonObject quietJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::span<const std::byte> floatBytes(const std::vector<float>& values)
{
    return std::as_bytes(std::span(values));
}

// The [N, K] shape of a Llama linear module from its config: what a packed checkpoint's weight
// dequantizes to, known before any of them is read so the output header can be written first.
std::vector<std::int64_t> linearShape(const ModelSpec& spec, const QString& module,
                                      const QString& folder)
{
    const std::int64_t hidden = spec.hiddenSize;
    const std::int64_t q = static_cast<std::int64_t>(spec.numAttentionHeads) * spec.headDim;
    const std::int64_t kv = static_cast<std::int64_t>(spec.numKeyValueHeads) * spec.headDim;
    const std::int64_t inter = spec.intermediateSize;
    const QString role = module.section(QLatin1Char('.'), -1);
    if (role == QLatin1String("q_proj"))
        return {q, hidden};
    if (role == QLatin1String("k_proj") || role == QLatin1String("v_proj"))
        return {kv, hidden};
    if (role == QLatin1String("o_proj"))
        return {hidden, q};
    if (role == QLatin1String("gate_proj") || role == QLatin1String("up_proj"))
        return {inter, hidden};
    if (role == QLatin1String("down_proj"))
        return {hidden, inter};
    if (role == QLatin1String("lm_head"))
        return {spec.vocabSize, hidden};
    throw Error(CheckpointImport::tr("%1: quantized module %2 is not a linear layer of a Llama "
                                     "block")
                    .arg(QDir::toNativeSeparators(folder), module));
}

} // namespace

CheckpointImport::Kind CheckpointImport::detect(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return GgufFile::hasMagic(path) ? Kind::Gguf : Kind::Plain;
    if (!info.isDir())
        return Kind::Plain;
    const QDir dir(path);
    const QJsonObject config = quietJson(dir.filePath(QLatin1String(ModelSpec::kConfigFileName)));
    const QString method = config.value(QStringLiteral("quantization_config"))
                               .toObject()
                               .value(QStringLiteral("quant_method"))
                               .toString()
                               .toLower();
    if (method == QLatin1String("gptq"))
        return Kind::Gptq;
    if (method == QLatin1String("awq"))
        return Kind::Awq;
    if (method == QLatin1String("compressed-tensors"))
        return Kind::CompressedTensors;
    if (method == QLatin1String("fp8"))
        return Kind::Fp8;
    if (method.isEmpty()
        && QFileInfo::exists(dir.filePath(QLatin1String(GptqCheckpoint::kQuantizeConfigFileName))))
        return Kind::Gptq;
    if (method.isEmpty()
        && QFileInfo::exists(dir.filePath(QLatin1String(AwqCheckpoint::kQuantConfigFileName))))
        return Kind::Awq;
    return Kind::Plain;
}

QString CheckpointImport::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Plain:
        return tr("safetensors");
    case Kind::Gguf:
        return QStringLiteral("GGUF");
    case Kind::Gptq:
        return QStringLiteral("GPTQ");
    case Kind::Awq:
        return QStringLiteral("AWQ");
    case Kind::CompressedTensors:
        return QStringLiteral("compressed-tensors");
    case Kind::Fp8:
        return QStringLiteral("FP8");
    }
    return {};
}

CheckpointImport::Imported CheckpointImport::dequantizeInto(const QString& path, Kind kind,
                                                            const QString& folder)
{
    if (kind == Kind::Gguf) {
        ggufInto(*GgufFile::open(path), folder);
        return {};
    }
    return packedInto(path, kind, folder);
}

void CheckpointImport::ggufInto(const GgufFile& gguf, const QString& folder)
{
    const QString shown = QDir::toNativeSeparators(gguf.path());
    const QString arch = gguf.requireString(QStringLiteral("general.architecture"));
    if (arch != QLatin1String("llama"))
        throw Error(tr("%1: general.architecture is \"%2\"; QuantBench imports \"llama\" GGUF "
                       "files")
                        .arg(shown, arch));
    auto key = [&](const char* suffix) { return arch + QLatin1Char('.') + QLatin1String(suffix); };
    const std::int64_t hidden = gguf.requireInteger(key("embedding_length"));
    const std::int64_t heads = gguf.requireInteger(key("attention.head_count"));
    const std::int64_t kvHeads =
        gguf.optionalInteger(key("attention.head_count_kv")).value_or(heads);
    const std::int64_t blocks = gguf.requireInteger(key("block_count"));
    if (heads <= 0 || kvHeads <= 0 || hidden <= 0 || blocks <= 0 || hidden % heads != 0
        || heads % kvHeads != 0)
        throw Error(tr("%1: inconsistent hyperparameters: embedding_length %2, head_count %3, "
                       "head_count_kv %4, block_count %5")
                        .arg(shown)
                        .arg(hidden)
                        .arg(heads)
                        .arg(kvHeads)
                        .arg(blocks));
    const GgufTensorInfo* embedding = gguf.findTensor(QStringLiteral("token_embd.weight"));
    if (!embedding || embedding->dims.size() != 2 || embedding->dims[0] != hidden)
        throw Error(tr("%1: tensor token_embd.weight is missing or is not [vocab, %2]")
                        .arg(shown)
                        .arg(hidden));
    const std::int64_t vocab = embedding->dims[1];

    QJsonObject config{
        {QStringLiteral("architectures"), QJsonArray{QStringLiteral("LlamaForCausalLM")}},
        {QStringLiteral("model_type"), QStringLiteral("llama")},
        {QStringLiteral("hidden_size"), qint64(hidden)},
        {QStringLiteral("intermediate_size"),
         qint64(gguf.requireInteger(key("feed_forward_length")))},
        {QStringLiteral("num_hidden_layers"), qint64(blocks)},
        {QStringLiteral("num_attention_heads"), qint64(heads)},
        {QStringLiteral("num_key_value_heads"), qint64(kvHeads)},
        {QStringLiteral("vocab_size"), qint64(vocab)},
        {QStringLiteral("max_position_embeddings"),
         qint64(gguf.requireInteger(key("context_length")))},
        {QStringLiteral("rms_norm_eps"), gguf.requireReal(key("attention.layer_norm_rms_epsilon"))},
        {QStringLiteral("rope_theta"),
         gguf.find(key("rope.freq_base")) ? gguf.requireReal(key("rope.freq_base")) : 10000.0},
        {QStringLiteral("hidden_act"), QStringLiteral("silu")},
        {QStringLiteral("tie_word_embeddings"), !gguf.findTensor(QStringLiteral("output.weight"))},
        {QStringLiteral("torch_dtype"), QStringLiteral("float32")},
    };
    if (const auto dims = gguf.optionalInteger(key("rope.dimension_count"));
        dims && *dims != hidden / heads)
        config.insert(QStringLiteral("head_dim"), qint64(*dims));
    if (const auto bos = gguf.optionalInteger(QStringLiteral("tokenizer.ggml.bos_token_id")))
        config.insert(QStringLiteral("bos_token_id"), qint64(*bos));
    if (const auto eos = gguf.optionalInteger(QStringLiteral("tokenizer.ggml.eos_token_id")))
        config.insert(QStringLiteral("eos_token_id"), qint64(*eos));
    if (gguf.find(key("rope.scaling.type")) || gguf.findTensor(QStringLiteral("rope_freqs.weight")))
        throw Error(tr("%1: the model uses rope scaling, which QuantBench does not import from "
                       "GGUF")
                        .arg(shown));

    // Tensors: every one must be a llama tensor QuantBench knows.
    std::vector<TensorHeader> headers;
    std::vector<const GgufTensorInfo*> sources;
    for (const GgufTensorInfo& tensor : gguf.tensors()) {
        const QString name = llamaHfTensorName(tensor.name);
        if (name.isEmpty())
            throw Error(tr("%1: tensor \"%2\" is not one of llama.cpp's llama tensors that "
                           "QuantBench imports")
                            .arg(shown, tensor.name));
        headers.push_back({name, DType::F32, tensor.torchShape()});
        sources.push_back(&tensor);
    }
    requireSpaceFor(headers, folder, shown);
    SafetensorsWriter writer(
        QDir(folder).filePath(QLatin1String(Checkpoint::kSingleFileName)), headers,
        {{QStringLiteral("format"), QStringLiteral("pt")},
         {QStringLiteral("imported_from"), QFileInfo(gguf.path()).fileName()}});
    for (std::size_t t = 0; t < sources.size(); ++t) {
        const GgufTensorInfo& tensor = *sources[t];
        std::vector<float> values = gguf.readFloat(tensor);
        const QString& name = headers[t].name;
        int permuteHeads = 0;
        if (name.contains(QLatin1String(".q_proj.")))
            permuteHeads = static_cast<int>(heads);
        else if (name.contains(QLatin1String(".k_proj.")))
            permuteHeads = static_cast<int>(kvHeads);
        if (permuteHeads > 0) {
            const std::int64_t rows = headers[t].shape.front();
            if (rows % (2 * permuteHeads) != 0)
                throw Error(tr("%1: tensor \"%2\" has %3 rows, not a whole number of head pairs")
                                .arg(shown, tensor.name)
                                .arg(rows));
            const std::size_t rowSize = values.size() / static_cast<std::size_t>(rows);
            std::vector<float> hf(values.size());
            for (std::int64_t r = 0; r < rows; ++r)
                std::memcpy(
                    hf.data()
                        + static_cast<std::size_t>(llamaHfRowOfGgufRow(r, rows, permuteHeads))
                              * rowSize,
                    values.data() + static_cast<std::size_t>(r) * rowSize, rowSize * sizeof(float));
            values = std::move(hf);
        }
        writer.writeNext(floatBytes(values));
    }
    writer.finish();
    JsonFile::write(QDir(folder).filePath(QLatin1String(ModelSpec::kConfigFileName)), config);

    // Tokenizer: llama.cpp's "llama" vocabulary is a sentencepiece model.
    const GgufValue* model = gguf.find(QStringLiteral("tokenizer.ggml.model"));
    if (model && model->type == GgufValueType::String && model->string == "llama") {
        const GgufValue& tokens =
            gguf.requireArray(QStringLiteral("tokenizer.ggml.tokens"), GgufValueType::String);
        const auto count = static_cast<std::int64_t>(tokens.arrayLength());
        const GgufValue& scores =
            gguf.requireArray(QStringLiteral("tokenizer.ggml.scores"), GgufValueType::F32, count);
        const GgufValue& types = gguf.requireArray(QStringLiteral("tokenizer.ggml.token_type"),
                                                   GgufValueType::I32, count);
        std::vector<SentencePieceTokenizer::PieceInfo> pieces;
        for (std::int64_t i = 0; i < count; ++i) {
            const auto at = static_cast<std::size_t>(i);
            const std::int64_t type = types.integers[at];
            if (type < 1 || type > 6)
                throw Error(tr("%1: tokenizer.ggml.token_type[%2] is %3, not a token type (1 to 6)")
                                .arg(shown)
                                .arg(i)
                                .arg(type));
            pieces.push_back({tokens.strings[static_cast<qsizetype>(i)],
                              static_cast<float>(scores.reals[at]), static_cast<int>(type)});
        }
        auto id = [&](const char* name) {
            return static_cast<int>(gguf.optionalInteger(QLatin1String(name)).value_or(-1));
        };
        const QByteArray proto = SentencePieceTokenizer::llamaModelProto(
            pieces, id("tokenizer.ggml.unknown_token_id"), id("tokenizer.ggml.bos_token_id"),
            id("tokenizer.ggml.eos_token_id"));
        JsonFile::writeBytes(QDir(folder).filePath(QStringLiteral("tokenizer.model")), proto);
        QJsonObject tokenizerConfig;
        if (const GgufValue* addBos = gguf.find(QStringLiteral("tokenizer.ggml.add_bos_token"));
            addBos && addBos->type == GgufValueType::Bool)
            tokenizerConfig.insert(QStringLiteral("add_bos_token"), addBos->integer != 0);
        JsonFile::write(QDir(folder).filePath(QStringLiteral("tokenizer_config.json")),
                        tokenizerConfig);
    }
}

CheckpointImport::Imported CheckpointImport::packedInto(const QString& directory, Kind kind,
                                                        const QString& folder)
{
    const QString shown = QDir::toNativeSeparators(directory);
    std::function<std::vector<float>(const QString&)> dequantized;
    QStringList modules;
    QStringList suffixes;
    const Checkpoint* checkpoint = nullptr; // the reader's: `dequantized` keeps the reader alive
    Imported imported;
    // What every reader gives: its checkpoint, its quantized modules, their float32 weights, and
    // the tensor-name suffixes (`storage`) those weights replace.
    auto use = [&](const auto& reader, QStringList storage) {
        checkpoint = &reader->checkpoint();
        modules = reader->quantizedModules();
        dequantized = [reader](const QString& m) { return reader->dequantizedWeight(m); };
        suffixes = std::move(storage);
    };
    switch (kind) {
    case Kind::Gptq:
        use(GptqCheckpoint::open(directory), {QStringLiteral("qweight"), QStringLiteral("qzeros"),
                                              QStringLiteral("scales"), QStringLiteral("g_idx")});
        break;
    case Kind::Awq:
        use(AwqCheckpoint::open(directory),
            {QStringLiteral("qweight"), QStringLiteral("qzeros"), QStringLiteral("scales")});
        break;
    case Kind::CompressedTensors: {
        const auto reader = CompressedTensorsCheckpoint::open(directory);
        use(reader, CompressedTensorsCheckpoint::storageSuffixes());
        imported.caveats = reader->caveats();
        using TokenActivations = CompressedTensorsCheckpoint::Scheme::TokenActivations;
        for (const QString& module : modules) {
            const auto scheme = reader->schemeFor(module);
            if (scheme && scheme->tokenActivations == TokenActivations::Int8)
                imported.activationRounding[module] = ActivationRounding::Int8PerToken;
            else if (scheme && scheme->tokenActivations == TokenActivations::Fp8E4M3)
                imported.activationRounding[module] = ActivationRounding::Fp8E4M3PerToken;
        }
        break;
    }
    case Kind::Fp8: {
        const auto reader = Fp8Checkpoint::open(directory);
        use(reader, Fp8Checkpoint::storageSuffixes());
        imported.caveats = reader->caveats();
        break;
    }
    default:
        Q_ASSERT(false);
        return {};
    }
    const QString configPath = QDir(directory).filePath(QLatin1String(ModelSpec::kConfigFileName));
    QJsonObject config = JsonFile::readObject(configPath);
    config.remove(QStringLiteral("quantization_config"));
    const ModelSpec spec = ModelSpec::fromJson(config, configPath);

    // The other tensors as they are, then each quantized module's float32 weight.
    std::vector<TensorHeader> headers;
    std::vector<Checkpoint::TensorRef> copied;
    for (const QString& name : checkpoint->tensorNames()) {
        if (modules.contains(name.section(QLatin1Char('.'), 0, -2))
            && suffixes.contains(name.section(QLatin1Char('.'), -1)))
            continue;
        const Checkpoint::TensorRef ref = checkpoint->require(name);
        headers.push_back({name, ref.info->dtype, ref.info->shape});
        copied.push_back(ref);
    }
    for (const QString& module : modules)
        headers.push_back(
            {module + QStringLiteral(".weight"), DType::F32, linearShape(spec, module, shown)});
    requireSpaceFor(headers, folder, shown);
    SafetensorsWriter writer(QDir(folder).filePath(QLatin1String(Checkpoint::kSingleFileName)),
                             headers,
                             {{QStringLiteral("format"), QStringLiteral("pt")},
                              {QStringLiteral("imported_from"), kindName(kind)}});
    for (const Checkpoint::TensorRef& ref : copied)
        writer.writeNext(ref.file->bytes(*ref.info));
    for (std::size_t m = 0; m < static_cast<std::size_t>(modules.size()); ++m) {
        const std::vector<float> weight = dequantized(modules[static_cast<qsizetype>(m)]);
        const TensorHeader& header = headers[copied.size() + m];
        if (static_cast<std::int64_t>(weight.size()) != header.shape[0] * header.shape[1])
            throw Error(tr("%1: module %2 dequantizes to %3 values, but config.json makes it "
                           "[%4, %5]")
                            .arg(shown, modules[static_cast<qsizetype>(m)])
                            .arg(weight.size())
                            .arg(header.shape[0])
                            .arg(header.shape[1]));
        writer.writeNext(floatBytes(weight));
    }
    writer.finish();
    JsonFile::write(QDir(folder).filePath(QLatin1String(ModelSpec::kConfigFileName)), config);

    // The tokenizer and other small files; not the weights or the quantization side files.
    const QStringList skipped{QLatin1String(ModelSpec::kConfigFileName),
                              QLatin1String(Checkpoint::kIndexFileName),
                              QLatin1String(GptqCheckpoint::kQuantizeConfigFileName),
                              QLatin1String(AwqCheckpoint::kQuantConfigFileName)};
    for (const QFileInfo& entry :
         QDir(directory).entryInfoList(QDir::Files | QDir::NoDotAndDotDot)) {
        if (entry.suffix() == QLatin1String("safetensors") || skipped.contains(entry.fileName()))
            continue;
        const QString target = QDir(folder).filePath(entry.fileName());
        if (!QFile::copy(entry.absoluteFilePath(), target))
            throw Error(tr("cannot copy %1 to %2")
                            .arg(QDir::toNativeSeparators(entry.absoluteFilePath()),
                                 QDir::toNativeSeparators(target)));
    }
    return imported;
}

} // namespace qb
