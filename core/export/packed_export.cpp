#include "core/export/packed_export.h"

#include "core/export/export_folder.h"
#include "core/io/json_file.h"
#include "core/io/staging_directory.h"
#include "core/model/loaded_model.h"
#include "core/model/model_spec.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <bit>
#include <cmath>

namespace qb {

static_assert(std::endian::native == std::endian::little,
              "safetensors data are little-endian and are written from memory as they are");

std::span<const float> PackedExport::Folds::outputDivisorOf(const QString& layer) const
{
    const auto found = outputDivisor.find(layer);
    return found == outputDivisor.end() ? std::span<const float>()
                                        : std::span<const float>(found->second);
}

PackedExport::Folds PackedExport::planFolds(const QuantizedModel& quantized,
                                            const QString& formatName)
{
    const LayerInventory& inventory = quantized.model->inventory();
    Folds folds;
    // Two scales folding into the same tensor (a previous linear feeding two sites) multiply.
    auto divideInto = [](std::map<QString, std::vector<float>>& divisors, const QString& key,
                         const std::vector<float>& s) {
        auto [it, inserted] = divisors.emplace(key, s);
        if (!inserted) {
            for (std::size_t i = 0; i < s.size(); ++i)
                it->second[i] *= s[i];
        }
    };
    // The fold changes the input of every layer of the site, so they must all be quantized with
    // the same scale.
    for (const std::vector<int>& group : inventory.inputGroups()) {
        const LinearLayer* scaledLayer = nullptr;
        const std::vector<float>* scale = nullptr;
        for (int index : group) {
            const LinearLayer& layer = inventory.layers()[static_cast<std::size_t>(index)];
            const QuantizedLayer* q = quantized.find(layer.name);
            if (q && !q->inputScale.empty()) {
                scaledLayer = &layer;
                scale = &q->inputScale;
                break;
            }
        }
        if (!scale)
            continue;
        for (int index : group) {
            const LinearLayer& layer = inventory.layers()[static_cast<std::size_t>(index)];
            const QuantizedLayer* q = quantized.find(layer.name);
            if (!q || q->inputScale != *scale)
                throw Error(tr("%1 and %2 read the same input, but their input scales (AWQ, "
                               "SmoothQuant or smoothing) differ: a %3 checkpoint can fold only "
                               "one scale into the operation before them")
                                .arg(scaledLayer->name, layer.name, formatName));
        }
        const FoldTarget& target = scaledLayer->foldTarget;
        const LinearLayer* previous =
            target.kind == FoldTarget::Kind::Linear ? inventory.find(target.name) : nullptr;
        // The divisor of the previous linear's output rows: s itself, or under grouped-query
        // attention s of the input channels reading each row, which must all be equal.
        std::vector<float> rowDivisor;
        if (previous && target.foldsTiedScale()) {
            rowDivisor.assign(static_cast<std::size_t>(previous->outFeatures), 0.0f);
            std::vector<bool> seen(rowDivisor.size(), false);
            for (std::size_t c = 0; c < scale->size(); ++c) {
                const std::int64_t row = target.sourceChannel(static_cast<std::int64_t>(c));
                if (row < 0 || row >= previous->outFeatures)
                    throw Error(tr("%1: its input scale has %2 channels, which do not fit the "
                                   "outputs of %3")
                                    .arg(scaledLayer->name)
                                    .arg(scale->size())
                                    .arg(previous->name));
                const auto r = static_cast<std::size_t>(row);
                if (seen[r] && rowDivisor[r] != (*scale)[c])
                    throw Error(tr("%1: its input scale differs between query heads sharing a "
                                   "key/value head (channel %2), so it cannot be folded into %3")
                                    .arg(scaledLayer->name)
                                    .arg(c)
                                    .arg(previous->name));
                rowDivisor[r] = (*scale)[c];
                seen[r] = true;
            }
        } else if (previous && previous->outFeatures == static_cast<std::int64_t>(scale->size())) {
            rowDivisor = *scale;
        }
        if (target.kind == FoldTarget::Kind::Norm) {
            divideInto(folds.tensorDivisor, target.name + QStringLiteral(".weight"), *scale);
        } else if (previous && !rowDivisor.empty()) {
            if (quantized.find(previous->name))
                divideInto(folds.outputDivisor, previous->name, rowDivisor);
            else
                divideInto(folds.tensorDivisor, previous->weightName, rowDivisor);
            if (!previous->biasName.isEmpty())
                divideInto(folds.tensorDivisor, previous->biasName, rowDivisor);
        } else {
            throw Error(tr("%1: its input scale has nothing before it to fold into")
                            .arg(scaledLayer->name));
        }
    }
    return folds;
}

void PackedExport::write(const QuantizedModel& quantized, const QString& outDir,
                         bool replaceExisting, const Folds& folds, const Format& format,
                         const QStringList& limitations, Progress& progress)
{
    const LoadedModel& model = *quantized.model;
    const Checkpoint& checkpoint = model.checkpoint();
    struct Replaced {
        const LinearLayer* layer = nullptr;
        const QuantizedTensor* tensor = nullptr;
    };
    std::map<QString, Replaced> quantizedByWeight;
    for (const LinearLayer& layer : model.inventory().layers()) {
        if (const QuantizedLayer* q = quantized.find(layer.name))
            quantizedByWeight.emplace(layer.weightName, Replaced{&layer, &q->tensor});
    }

    // Every shard's tensors, the quantized weights replaced by the format's tensors.
    std::vector<std::vector<TensorHeader>> shardHeaders;
    std::uint64_t totalBytes = 0;
    for (const auto& shard : checkpoint.shards()) {
        std::vector<TensorHeader> headers;
        for (const TensorInfo& tensor : shard->tensors()) {
            const auto found = quantizedByWeight.find(tensor.name);
            if (found == quantizedByWeight.end()) {
                headers.push_back({tensor.name, tensor.dtype, tensor.shape});
                continue;
            }
            for (TensorHeader& header :
                 format.tensorsOf(*found->second.layer, *found->second.tensor))
                headers.push_back(std::move(header));
        }
        for (const TensorHeader& header : headers)
            totalBytes += byteSizeOf(header);
        shardHeaders.push_back(std::move(headers));
    }

    StagingDirectory stage(outDir, replaceExisting, model.inputPaths());
    stage.requireFreeSpace(totalBytes + (1 << 20));

    const QString version = QCoreApplication::applicationVersion();
    const double progressTotal =
        std::max<double>(1.0, static_cast<double>(checkpoint.totalBytes()));
    double doneBytes = 0;
    QJsonObject weightMap;
    std::vector<std::byte> converted;
    for (std::size_t s = 0; s < checkpoint.shards().size(); ++s) {
        const SafetensorsFile& shard = *checkpoint.shards()[s];
        const QString shardName = QFileInfo(shard.path()).fileName();
        for (const TensorHeader& header : shardHeaders[s])
            weightMap.insert(header.name, shardName);
        QMap<QString, QString> metadata = shard.metadata();
        metadata.insert(QStringLiteral("format"), QStringLiteral("pt"));
        metadata.insert(QStringLiteral("quantized_by"),
                        QStringLiteral("QuantBench %1").arg(version));
        metadata.insert(QStringLiteral("quantization"), format.metadataTag);
        SafetensorsWriter writer(stage.filePath(shardName), shardHeaders[s], metadata);
        const TensorSink sink = [&writer](std::span<const std::byte> bytes) {
            writer.writeNext(bytes);
        };

        for (const TensorInfo& tensor : shard.tensors()) {
            progress.throwIfCancelled();
            progress.report(doneBytes / progressTotal, tr("Writing %1").arg(tensor.name));
            doneBytes += static_cast<double>(tensor.byteSize());
            if (const auto found = quantizedByWeight.find(tensor.name);
                found != quantizedByWeight.end()) {
                const Replaced& replaced = found->second;
                format.writeTensors(*replaced.layer, *replaced.tensor,
                                    folds.outputDivisorOf(replaced.layer->name), sink);
            } else if (const auto divisor = folds.tensorDivisor.find(tensor.name);
                       divisor != folds.tensorDivisor.end()) {
                // A fold: element i of dimension 0 (a norm's channel, a linear's output row)
                // divided by the scale, in float32, stored back in the source dtype.
                std::vector<float> values = shard.readFloat(tensor);
                const std::vector<float>& scale = divisor->second;
                Q_ASSERT(!tensor.shape.empty()
                         && tensor.shape.front() == static_cast<std::int64_t>(scale.size()));
                const std::size_t stride = values.size() / scale.size();
                for (std::size_t i = 0; i < values.size(); ++i)
                    values[i] /= scale[i / stride];
                converted.resize(static_cast<std::size_t>(tensor.byteSize()));
                convertFromFloat(tensor.dtype, values, converted.data());
                writer.writeNext(converted);
            } else {
                writer.writeNext(shard.bytes(tensor)); // byte for byte, NaN payloads included
            }
        }
        writer.finish();
    }

    if (checkpoint.isSharded()) {
        const QJsonObject index{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("total_size"), static_cast<qint64>(totalBytes)}}},
            {QStringLiteral("weight_map"), weightMap}};
        JsonFile::write(stage.filePath(QLatin1String(Checkpoint::kIndexFileName)), index);
    }
    const QString configName = QLatin1String(ModelSpec::kConfigFileName);
    QJsonObject config = JsonFile::readObject(QDir(model.directory()).filePath(configName));
    config.insert(QStringLiteral("quantization_config"), format.quantizationConfig);
    JsonFile::write(stage.filePath(configName), config);
    QStringList written{configName};
    for (const auto& [name, json] : format.extraJsonFiles) {
        JsonFile::write(stage.filePath(name), json);
        written << name;
    }
    ExportFolder::copyCompanionFiles(model.directory(), stage, written);
    ExportFolder::writeRecipeAndReport(quantized, limitations, SideFilePaths::inFolder(stage),
                                       format.card, format.displayName);
    progress.throwIfCancelled();
    stage.commit();
    progress.report(1.0, tr("Wrote %1").arg(QDir::toNativeSeparators(outDir)));
}

QString PackedExport::fusedName(LayerRole role)
{
    switch (role) {
    case LayerRole::QProj:
    case LayerRole::KProj:
    case LayerRole::VProj:
        return QStringLiteral("qkv_proj");
    case LayerRole::GateProj:
    case LayerRole::UpProj:
        return QStringLiteral("gate_up_proj");
    default:
        return {};
    }
}

QStringList
PackedExport::fusedFamiliesThatDiffer(const QuantizedModel& quantized,
                                      const std::function<QString(const LinearLayer&)>& storageOf)
{
    const LayerInventory& inventory = quantized.model->inventory();
    QStringList families;
    for (const std::vector<int>& group : inventory.fusedFamilies()) {
        const LinearLayer& first = inventory.layers()[static_cast<std::size_t>(group.front())];
        const QString storage = storageOf(first);
        const bool differ = std::any_of(group.begin(), group.end(), [&](int index) {
            return storageOf(inventory.layers()[static_cast<std::size_t>(index)]) != storage;
        });
        if (differ)
            families << first.name.section(QLatin1Char('.'), 0, -2);
    }
    return families;
}

int PackedExport::activationRoundingLayers(const QuantizedModel& quantized)
{
    return static_cast<int>(
        std::count_if(quantized.layers.begin(), quantized.layers.end(),
                      [](const auto& entry) { return entry.second.quantizedActivations; }));
}

bool PackedExport::hasSymmetricGrid(const QuantizedTensor& tensor)
{
    const float middle = static_cast<float>(1 << (tensor.scheme.bits - 1));
    return tensor.scheme.symmetric
           && std::all_of(tensor.params.begin(), tensor.params.end(),
                          [&](const GridParams& p) { return p.zero == middle; });
}

bool PackedExport::hasActOrderGroups(const QuantizedTensor& tensor)
{
    if (tensor.groupIndex.empty())
        return false;
    for (std::int64_t k = 0; k < tensor.cols; ++k) {
        if (tensor.groupIndex[static_cast<std::size_t>(k)] != k / tensor.groupWidth)
            return true;
    }
    return false;
}

PackedExport::BlockNameParts PackedExport::blockNameParts(const LinearLayer& layer)
{
    Q_ASSERT(layer.block >= 0);
    const QString marker = QStringLiteral(".%1.").arg(layer.block);
    const qsizetype at = layer.name.indexOf(marker);
    Q_ASSERT(at > 0);
    return {layer.name.left(at), layer.name.mid(at + marker.size())};
}

int PackedExport::groupSizeOf(const QuantScheme& scheme)
{
    return scheme.granularity == Granularity::Group ? scheme.groupSize : -1;
}

bool PackedExport::isCode(float zero, int bits)
{
    const float maxCode = static_cast<float>((1 << bits) - 1);
    return zero >= 0.0f && zero <= maxCode && zero == std::nearbyint(zero);
}

bool PackedExport::codesFit(const QuantizedTensor& tensor, int bits)
{
    const int maxCode = (1 << bits) - 1;
    return std::none_of(tensor.codes.begin(), tensor.codes.end(),
                        [&](std::uint8_t code) { return code > maxCode; });
}

void PackedExport::checkGrid(const QuantizedTensor& tensor, int bits, DType scaleType,
                             std::span<const float> outputDivisor, const GridMessages& messages)
{
    forEachGridParam(tensor, outputDivisor, [&](const GridParams& p, float scale) {
        if (!isCode(p.zero, bits))
            throw Error(messages.zeroNotCode(p.zero));
        if (messages.zeroRefused) {
            if (const QString problem = messages.zeroRefused(p.zero); !problem.isEmpty())
                throw Error(problem);
        }
        if (!std::isfinite(roundedTo(scaleType, scale)))
            throw Error(messages.scaleOverflows(scale));
    });
    if (!messages.codeTooWide.isEmpty() && !codesFit(tensor, bits))
        throw Error(messages.codeTooWide);
}

std::vector<PackedExport::PlannedLayer> PackedExport::plannedLayers(const QuantPlan& plan,
                                                                    const LayerInventory& inventory)
{
    std::vector<PlannedLayer> result;
    for (const LinearLayer& layer : inventory.layers()) {
        const LayerQuantConfig config = plan.resolve(layer.name);
        if (config.method != QuantMethod::None)
            result.push_back({&layer, config, plannedWeightScheme(config)});
    }
    return result;
}

QuantScheme PackedExport::plannedWeightScheme(const LayerQuantConfig& config)
{
    return config.weightScheme();
}

bool PackedExport::plannedActOrderGroups(const LayerQuantConfig& config)
{
    return config.method == QuantMethod::Gptq && config.actOrder && !config.staticGroups
           && config.scheme.granularity == Granularity::Group;
}

float PackedExport::roundedTo(DType dtype, float value)
{
    switch (dtype) {
    case DType::F16:
        return halfToFloat(floatToHalf(value));
    case DType::BF16:
        return bfloat16ToFloat(floatToBfloat16(value));
    default:
        return value; // F32 holds it; F64 too
    }
}

QString PackedExport::summarize(const QStringList& problems, int shown)
{
    if (problems.size() <= shown)
        return problems.join(QLatin1Char('\n'));
    return problems.mid(0, shown).join(QLatin1Char('\n')) + QLatin1Char('\n')
           + tr("… and %n more layer(s)", nullptr, static_cast<int>(problems.size() - shown));
}

} // namespace qb
