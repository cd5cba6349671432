#include "core/export/gguf_exporter.h"

#include "core/export/export_folder.h"
#include "core/export/packed_export.h"
#include "core/io/gguf_writer.h"
#include "core/io/staging_directory.h"
#include "core/model/loaded_model.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace qb {

namespace {

constexpr std::uint32_t kAlignment = 32;
constexpr std::uint32_t kQuantizationVersion = 2; // GGML_QNT_VERSION

// Rows of `bytes` (`rows` rows of equal size) reordered so that row r holds source row
// hfRowOfGgufRow(r).
std::vector<std::byte> permutedRows(const std::vector<std::byte>& bytes, std::int64_t rows,
                                    int heads)
{
    const std::size_t rowBytes = bytes.size() / static_cast<std::size_t>(rows);
    std::vector<std::byte> out(bytes.size());
    for (std::int64_t r = 0; r < rows; ++r) {
        const std::int64_t source = llamaHfRowOfGgufRow(r, rows, heads);
        std::memcpy(out.data() + static_cast<std::size_t>(r) * rowBytes,
                    bytes.data() + static_cast<std::size_t>(source) * rowBytes, rowBytes);
    }
    return out;
}

QString baseNameOf(const QString& outFile)
{
    const QFileInfo info(outFile);
    QString name = info.fileName();
    if (name.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive))
        name.chop(5);
    return info.absoluteDir().filePath(name);
}

} // namespace

std::uint32_t GgufExporter::fileTypeOf(GgmlType type)
{
    return ggmlTraits(type).llamaFileType;
}

GgufExporter::Storage GgufExporter::storageFor(const QuantScheme& scheme, std::int64_t cols,
                                               bool symmetricGrid, bool actOrder)
{
    const bool rows32 = cols % 32 == 0;
    const bool rows256 = cols % 256 == 0;
    if (scheme.granularity == Granularity::Group && scheme.groupSize == 32 && rows32 && !actOrder) {
        if (scheme.bits == 4)
            return {symmetricGrid ? GgmlType::Q4_0 : GgmlType::Q4_1, true};
        if (scheme.bits == 5)
            return {symmetricGrid ? GgmlType::Q5_0 : GgmlType::Q5_1, true};
        if (scheme.bits == 8 && symmetricGrid)
            return {GgmlType::Q8_0, true};
    }
    // The k-quant of the plan's width where the rows are whole blocks of 256; otherwise the
    // narrowest 32-value type that holds the width (no reference quantizer writes Q5_0/Q5_1).
    const GgmlType fallback = !rows32            ? GgmlType::F32
                              : scheme.bits <= 4 ? GgmlType::Q4_1
                                                 : GgmlType::Q8_0;
    if (!rows256 || scheme.bits >= 7)
        return {fallback, false};
    static constexpr GgmlType kQuants[] = {GgmlType::Q2_K, GgmlType::Q3_K, GgmlType::Q4_K,
                                           GgmlType::Q5_K, GgmlType::Q6_K}; // 2 … 6 bits
    return {kQuants[std::clamp(scheme.bits, 2, 6) - 2], false};
}

int GgufExporter::codeBitsOf(GgmlType type)
{
    return ggmlTraits(type).codeBits;
}

QStringList GgufExporter::problemsFor(const LoadedModel& model)
{
    QStringList problems;
    const ModelSpec& spec = model.spec();
    if (spec.family != ModelFamily::Llama)
        problems << tr("GGUF export writes llama.cpp's \"llama\" architecture; this model is %1")
                        .arg(spec.modelType);
    if (spec.ropeScaling)
        problems << tr("the model uses rope_scaling \"%1\", which this GGUF export does not "
                       "write (llama.cpp needs a rope_freqs tensor for it)")
                        .arg(spec.ropeScaling->type);
    if (spec.headDim * spec.numAttentionHeads != spec.hiddenSize)
        problems << tr("head_dim %1 × %2 heads differs from hidden_size %3, which llama.cpp's "
                       "llama architecture assumes")
                        .arg(spec.headDim)
                        .arg(spec.numAttentionHeads)
                        .arg(spec.hiddenSize);
    const QString spm = QDir(model.directory()).filePath(QStringLiteral("tokenizer.model"));
    if (!QFileInfo::exists(spm))
        problems << tr("%1: GGUF export writes the sentencepiece tokenizer (tokenizer.ggml.model "
                       "\"llama\") and needs tokenizer.model; a tokenizer.json-only (BPE) model "
                       "is not supported")
                        .arg(QDir::toNativeSeparators(model.directory()));
    return problems;
}

QStringList GgufExporter::limitations(const QuantizedModel& quantized)
{
    QStringList result;
    for (const LinearLayer& layer : quantized.model->inventory().layers()) {
        const QuantizedLayer* q = quantized.find(layer.name);
        if (!q)
            continue;
        const QuantizedTensor& tensor = q->tensor;
        const Storage storage =
            storageFor(tensor.scheme, tensor.cols, PackedExport::hasSymmetricGrid(tensor),
                       PackedExport::hasActOrderGroups(tensor));
        if (storage.fromCodes)
            continue;
        if (storage.type == GgmlType::F32)
            result << tr("%1: rows of %2 values fit no GGUF block (32 or 256 values), so its "
                         "dequantized %3-bit weight is stored in F32: exact, but not smaller")
                          .arg(layer.name)
                          .arg(tensor.cols)
                          .arg(tensor.scheme.bits);
        else if (codeBitsOf(storage.type) > tensor.scheme.bits && tensor.cols % 256 != 0)
            result << tr("%1: rows of %2 values are not whole k-quant blocks (256 values), so its "
                         "weights (%3) are re-quantized from the dequantized weight to %4: %5 bits "
                         "per weight, more than planned")
                          .arg(layer.name)
                          .arg(tensor.cols)
                          .arg(tensor.scheme.describe(), ggmlTypeName(storage.type))
                          .arg(codeBitsOf(storage.type));
        else if (codeBitsOf(storage.type) > tensor.scheme.bits)
            result << tr("%1: GGUF has no %2-bit type, so its weights (%3) are re-quantized from "
                         "the dequantized weight to %4: %5 bits per weight, more than planned")
                          .arg(layer.name)
                          .arg(tensor.scheme.bits)
                          .arg(tensor.scheme.describe(), ggmlTypeName(storage.type))
                          .arg(codeBitsOf(storage.type));
        else
            result << tr("%1: %2-bit %3 has no GGUF type holding its codes; re-quantized from "
                         "the dequantized weight to %4, which differs slightly from the run")
                          .arg(layer.name)
                          .arg(tensor.scheme.bits)
                          .arg(tensor.scheme.describe(), ggmlTypeName(storage.type));
    }
    const int activationLayers = PackedExport::activationRoundingLayers(quantized);
    if (activationLayers > 0)
        result << tr("%n layer(s) round their input activations to int8 (W8A8); GGUF stores "
                     "only weights, so llama.cpp computes those layers with full-precision "
                     "activations",
                     nullptr, activationLayers);
    if (!quantized.report.complete)
        result << ExportFolder::incompleteRunLimitation();
    return result;
}

QStringList GgufExporter::run(const QuantizedModel& quantized, const QString& outFile,
                              const Options& options, Progress& progress)
{
    const LoadedModel& model = *quantized.model;
    const ModelSpec& spec = model.spec();
    if (const QStringList problems = problemsFor(model); !problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));
    const QFileInfo outInfo(outFile);
    const QString shownOut = QDir::toNativeSeparators(outInfo.absoluteFilePath());
    if (outInfo.exists() && !options.replaceExisting)
        throw Error(tr("%1 already exists; give --force (or confirm) to replace it").arg(shownOut));
    if (!outInfo.absoluteDir().exists())
        throw Error(tr("%1: the folder does not exist")
                        .arg(QDir::toNativeSeparators(outInfo.absolutePath())));
    StagingDirectory::refuseInputs(outInfo.absoluteFilePath(), model.inputPaths());

    // ---- tokenizer ----------------------------------------------------------------------
    const auto spm = SentencePieceTokenizer::open(
        QDir(model.directory()).filePath(QStringLiteral("tokenizer.model")));
    const auto tokenizer = Tokenizer::load(model.directory(), spec);
    std::vector<SentencePieceTokenizer::PieceInfo> pieces = spm->pieces();
    if (static_cast<int>(pieces.size()) > spec.vocabSize)
        throw Error(tr("tokenizer.model has %1 pieces but the model's vocab_size is %2")
                        .arg(pieces.size())
                        .arg(spec.vocabSize));
    // Padded as convert_hf_to_gguf pads a vocabulary smaller than the embedding.
    for (int id = static_cast<int>(pieces.size()); id < spec.vocabSize; ++id)
        pieces.push_back({QStringLiteral("[PAD%1]").arg(id).toUtf8(), 0.0f, 5});
    QByteArrayList tokens;
    std::vector<double> scores;
    std::vector<std::int64_t> tokenTypes;
    for (const auto& piece : pieces) {
        tokens << piece.text;
        scores.push_back(piece.score);
        tokenTypes.push_back(piece.type);
    }

    // ---- tensors ------------------------------------------------------------------------
    const PackedExport::Folds folds = PackedExport::planFolds(quantized, QStringLiteral("GGUF"));
    struct Planned {
        GgufWriter::Tensor gguf;
        const SafetensorsFile* shard = nullptr;
        const TensorInfo* info = nullptr;
        const LinearLayer* layer = nullptr; // quantized layer, or null
        Storage storage;
        int permuteHeads = 0; // q/k rows: heads to permute over; 0: none
    };
    std::map<QString, const LinearLayer*> quantizedByWeight;
    for (const LinearLayer& layer : model.inventory().layers()) {
        if (quantized.find(layer.name))
            quantizedByWeight.emplace(layer.weightName, &layer);
    }
    std::vector<Planned> planned;
    std::map<GgmlType, std::int64_t> weightsByType;
    std::uint64_t totalBytes = 0;
    for (const auto& shard : model.checkpoint().shards()) {
        for (const TensorInfo& info : shard->tensors()) {
            const QString name = llamaGgufTensorName(info.name);
            if (name.isEmpty())
                continue; // rotary inv_freq and the like: llama.cpp computes them
            Planned p;
            p.shard = shard.get();
            p.info = &info;
            p.gguf.name = name;
            p.gguf.dims.assign(info.shape.rbegin(), info.shape.rend());
            if (info.name.contains(QLatin1String(".q_proj.")))
                p.permuteHeads = spec.numAttentionHeads;
            else if (info.name.contains(QLatin1String(".k_proj.")))
                p.permuteHeads = spec.numKeyValueHeads;
            if (const auto found = quantizedByWeight.find(info.name);
                found != quantizedByWeight.end()) {
                p.layer = found->second;
                const QuantizedTensor& tensor = quantized.find(p.layer->name)->tensor;
                p.storage =
                    storageFor(tensor.scheme, tensor.cols, PackedExport::hasSymmetricGrid(tensor),
                               PackedExport::hasActOrderGroups(tensor));
                if (p.storage.fromCodes && !PackedExport::codesFit(tensor, tensor.scheme.bits))
                    throw Error(tr("%1: a code does not fit in %2 bits")
                                    .arg(p.layer->name)
                                    .arg(tensor.scheme.bits));
                p.gguf.type = p.storage.type;
                weightsByType[p.storage.type] += info.elementCount();
            } else if (info.shape.size() == 1 || info.dtype == DType::F32
                       || info.dtype == DType::F64) {
                p.gguf.type = GgmlType::F32; // norms, biases, float32 sources
            } else if (info.dtype == DType::F16) {
                p.gguf.type = GgmlType::F16;
            } else if (info.dtype == DType::BF16) {
                p.gguf.type = GgmlType::BF16;
            } else {
                throw Error(tr("%1: tensor %2 has dtype %3, which GGUF export does not write")
                                .arg(QDir::toNativeSeparators(shard->path()), info.name,
                                     dtypeName(info.dtype)));
            }
            if (info.shape.size() == 2 && !p.layer && p.gguf.type != GgmlType::F32)
                weightsByType[p.gguf.type] += info.elementCount();
            totalBytes += GgufWriter::byteSizeOf(p.gguf) + kAlignment;
            planned.push_back(std::move(p));
        }
    }
    GgmlType mostCommon = GgmlType::F32;
    std::int64_t most = 0;
    for (const auto& [type, count] : weightsByType) {
        if (count > most) {
            most = count;
            mostCommon = type;
        }
    }

    // ---- metadata -----------------------------------------------------------------------
    const QString arch = QStringLiteral("llama");
    auto key = [&](const char* suffix) { return arch + QLatin1Char('.') + QLatin1String(suffix); };
    std::vector<std::pair<QString, GgufValue>> metadata{
        {QStringLiteral("general.architecture"), GgufValue::text(arch)},
        {QStringLiteral("general.name"), GgufValue::text(QFileInfo(model.directory()).fileName())},
        {QStringLiteral("general.quantized_by"),
         GgufValue::text(
             QStringLiteral("QuantBench %1").arg(QCoreApplication::applicationVersion()))},
        {QStringLiteral("general.alignment"), GgufValue::u32(kAlignment)},
        {QStringLiteral("general.file_type"), GgufValue::u32(fileTypeOf(mostCommon))},
        {QStringLiteral("general.quantization_version"), GgufValue::u32(kQuantizationVersion)},
        {key("vocab_size"), GgufValue::u32(static_cast<std::uint32_t>(spec.vocabSize))},
        {key("context_length"),
         GgufValue::u32(static_cast<std::uint32_t>(spec.maxPositionEmbeddings))},
        {key("embedding_length"), GgufValue::u32(static_cast<std::uint32_t>(spec.hiddenSize))},
        {key("block_count"), GgufValue::u32(static_cast<std::uint32_t>(spec.numHiddenLayers))},
        {key("feed_forward_length"),
         GgufValue::u32(static_cast<std::uint32_t>(spec.intermediateSize))},
        {key("attention.head_count"),
         GgufValue::u32(static_cast<std::uint32_t>(spec.numAttentionHeads))},
        {key("attention.head_count_kv"),
         GgufValue::u32(static_cast<std::uint32_t>(spec.numKeyValueHeads))},
        {key("attention.layer_norm_rms_epsilon"),
         GgufValue::f32(static_cast<float>(spec.rmsNormEps))},
        {key("rope.freq_base"), GgufValue::f32(static_cast<float>(spec.ropeTheta))},
        {key("rope.dimension_count"), GgufValue::u32(static_cast<std::uint32_t>(spec.headDim))},
        {QStringLiteral("tokenizer.ggml.model"), GgufValue::text(QStringLiteral("llama"))},
        {QStringLiteral("tokenizer.ggml.tokens"), GgufValue::textArray(tokens)},
        {QStringLiteral("tokenizer.ggml.scores"), GgufValue::f32Array(scores)},
        {QStringLiteral("tokenizer.ggml.token_type"), GgufValue::i32Array(tokenTypes)},
    };
    if (tokenizer->bosId())
        metadata.emplace_back(QStringLiteral("tokenizer.ggml.bos_token_id"),
                              GgufValue::u32(static_cast<std::uint32_t>(*tokenizer->bosId())));
    if (!tokenizer->eosIds().empty())
        metadata.emplace_back(
            QStringLiteral("tokenizer.ggml.eos_token_id"),
            GgufValue::u32(static_cast<std::uint32_t>(tokenizer->eosIds().front())));
    if (const auto unk = spm->unknownId())
        metadata.emplace_back(QStringLiteral("tokenizer.ggml.unknown_token_id"),
                              GgufValue::u32(static_cast<std::uint32_t>(*unk)));
    metadata.emplace_back(QStringLiteral("tokenizer.ggml.add_bos_token"),
                          GgufValue::boolean(tokenizer->addsBos()));
    metadata.emplace_back(QStringLiteral("tokenizer.ggml.add_eos_token"),
                          GgufValue::boolean(false));

    // ---- write --------------------------------------------------------------------------
    StagingDirectory::requireFreeSpaceAt(outInfo.absolutePath(), outInfo.absoluteFilePath(),
                                         totalBytes + (1 << 20));
    StagedFile staged(outInfo.absoluteFilePath());
    std::vector<GgufWriter::Tensor> headers;
    for (const Planned& p : planned)
        headers.push_back(p.gguf);
    GgufWriter writer(staged.path(), metadata, std::move(headers), kAlignment);
    const double progressTotal = std::max<double>(1.0, static_cast<double>(planned.size()));
    for (std::size_t t = 0; t < planned.size(); ++t) {
        const Planned& p = planned[t];
        progress.throwIfCancelled();
        progress.report(static_cast<double>(t) / progressTotal, tr("Writing %1").arg(p.gguf.name));
        const TensorInfo& info = *p.info;
        const std::int64_t rows = info.shape.front();
        std::vector<std::byte> bytes(static_cast<std::size_t>(GgufWriter::byteSizeOf(p.gguf)));
        if (p.layer) {
            const QuantizedLayer& q = *quantized.find(p.layer->name);
            const QuantizedTensor& tensor = q.tensor;
            const std::span<const float> divisor = folds.outputDivisorOf(p.layer->name);
            const std::int64_t cols = tensor.cols;
            const std::size_t rowBytes = static_cast<std::size_t>(
                ggmlBytes(p.storage.type, static_cast<std::uint64_t>(cols)));
            if (p.storage.fromCodes) {
                for (std::int64_t n = 0; n < tensor.rows; ++n) {
                    std::byte* row = bytes.data() + static_cast<std::size_t>(n) * rowBytes;
                    for (std::int64_t b = 0; b < cols / 32; ++b) {
                        const GridParams& grid =
                            tensor.params[static_cast<std::size_t>(n * tensor.groupsPerRow + b)];
                        const float scale = PackedExport::dividedScale(grid.scale, divisor, n);
                        if (!std::isfinite(halfToFloat(floatToHalf(scale)))
                            || !std::isfinite(halfToFloat(floatToHalf(-scale * grid.zero))))
                            throw Error(tr("%1: scale %2 does not fit in the fp16 of a GGUF "
                                           "block")
                                            .arg(p.layer->name)
                                            .arg(scale));
                        const std::span<const std::uint8_t> codes(
                            tensor.codes.data() + n * cols + b * 32, 32);
                        std::byte* dst = row
                                         + static_cast<std::size_t>(b)
                                               * static_cast<std::size_t>(
                                                   ggmlTraits(p.storage.type).bytesPerBlock);
                        auto store = [dst](const auto& block) {
                            std::memcpy(dst, &block, sizeof(block));
                        };
                        switch (p.storage.type) {
                        case GgmlType::Q4_0:
                            store(packQ4_0(codes, scale));
                            break;
                        case GgmlType::Q4_1:
                            store(packQ4_1(codes, scale, grid.zero));
                            break;
                        case GgmlType::Q5_0:
                            store(packQ5_0(codes, scale));
                            break;
                        case GgmlType::Q5_1:
                            store(packQ5_1(codes, scale, grid.zero));
                            break;
                        case GgmlType::Q8_0:
                            store(packQ8_0(codes, scale));
                            break;
                        default:
                            Q_ASSERT(false);
                        }
                    }
                }
            } else {
                std::vector<float> weight = q.dequantizedWeight();
                for (std::int64_t n = 0; n < tensor.rows; ++n) {
                    std::span<float> row(weight.data() + n * cols, static_cast<std::size_t>(cols));
                    if (!divisor.empty()) {
                        for (float& w : row)
                            w /= divisor[static_cast<std::size_t>(n)];
                    }
                    quantizeGgml(p.storage.type, row,
                                 bytes.data() + static_cast<std::size_t>(n) * rowBytes);
                }
            }
        } else {
            std::vector<float> values = p.shard->readFloat(info);
            if (const auto divisor = folds.tensorDivisor.find(info.name);
                divisor != folds.tensorDivisor.end()) {
                const std::vector<float>& scale = divisor->second;
                const std::size_t stride = values.size() / scale.size();
                for (std::size_t i = 0; i < values.size(); ++i)
                    values[i] /= scale[i / stride];
            }
            quantizeGgml(p.gguf.type, values, bytes.data());
        }
        if (p.permuteHeads > 0)
            bytes = permutedRows(bytes, rows, p.permuteHeads);
        writer.writeNext(bytes);
    }
    writer.finish();

    // ---- beside the file ----------------------------------------------------------------
    const QStringList notes = limitations(quantized);
    const QString base = baseNameOf(outFile);
    progress.throwIfCancelled();
    ExportFolder::writeRecipeAndReport(
        quantized, notes,
        {base + QStringLiteral(".recipe.json"), base + QStringLiteral(".report.json"),
         base + QStringLiteral(".report.csv"), base + QStringLiteral(".README.md")},
        options.card, QStringLiteral("GGUF"));
    if (!staged.commit())
        throw Error(tr("%1: cannot rename the finished file into place").arg(shownOut));
    progress.report(1.0, tr("Wrote %1").arg(shownOut));
    return notes;
}

} // namespace qb
