#include "core/export/fake_quant_exporter.h"

#include "core/io/safetensors_writer.h"
#include "core/io/staging_directory.h"
#include "core/model/loaded_model.h"
#include "core/quant/weight_quantization.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace qb {

namespace {

// Small files that travel with a checkpoint (config, tokenizer, licence); weights in any format
// are not copied.
bool isCompanionFile(const QFileInfo& file)
{
    static const QStringList weightSuffixes{QStringLiteral("safetensors"), QStringLiteral("bin"),
                                            QStringLiteral("pt"),          QStringLiteral("pth"),
                                            QStringLiteral("gguf"),        QStringLiteral("h5"),
                                            QStringLiteral("msgpack"),     QStringLiteral("onnx")};
    if (!file.isFile() || weightSuffixes.contains(file.suffix(), Qt::CaseInsensitive))
        return false;
    const QString name = file.fileName();
    return name != QLatin1String(FakeQuantExporter::kReportFileName)
           && name != QLatin1String(FakeQuantExporter::kRecipeFileName)
           && name != QLatin1String(Checkpoint::kIndexFileName);
}

void writeJsonFile(const QString& path, const QJsonObject& json)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        throw Error(FakeQuantExporter::tr("%1: cannot write: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
}

void copyFile(const QString& from, const QString& to)
{
    if (!QFile::copy(from, to))
        throw Error(FakeQuantExporter::tr("cannot copy %1 to %2")
                        .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)));
}

} // namespace

QuantReport FakeQuantExporter::run(const LoadedModel& model, const QuantPlan& plan,
                                   const QString& outDir, const Options& options,
                                   Progress& progress)
{
    const QStringList problems = plan.problemsFor(model.inventory());
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));

    QElapsedTimer timer;
    timer.start();
    StagingDirectory stage(outDir, options.replaceExisting, {model.directory()});
    const Checkpoint& checkpoint = model.checkpoint();
    stage.requireFreeSpace(checkpoint.totalBytes() + (1 << 20));

    QuantReport report;
    report.modelDirectory = model.directory();
    report.plan = plan;
    // Reports are collected per layer and put back in model order at the end.
    std::vector<LayerReport> byLayer(model.inventory().layers().size());

    const double totalBytes = std::max<double>(1.0, static_cast<double>(checkpoint.totalBytes()));
    double doneBytes = 0;
    std::vector<float> values;
    std::vector<std::byte> converted;
    for (const auto& shard : checkpoint.shards()) {
        std::vector<TensorHeader> headers;
        for (const TensorInfo& tensor : shard->tensors())
            headers.push_back({tensor.name, tensor.dtype, tensor.shape});
        QMap<QString, QString> metadata = shard->metadata();
        metadata.insert(QStringLiteral("format"), QStringLiteral("pt"));
        metadata.insert(
            QStringLiteral("quantized_by"),
            QStringLiteral("QuantBench %1").arg(QCoreApplication::applicationVersion()));
        metadata.insert(QStringLiteral("quantization"),
                        QStringLiteral("fake-quant: dequantized weights in the source dtype"));
        const QString shardName = QFileInfo(shard->path()).fileName();
        SafetensorsWriter writer(stage.filePath(shardName), std::move(headers), metadata);

        for (const TensorInfo& tensor : shard->tensors()) {
            progress.throwIfCancelled();
            progress.report(doneBytes / totalBytes, tr("Writing %1").arg(tensor.name));
            const QString layerName =
                tensor.name.endsWith(QLatin1String(".weight")) ? tensor.name.chopped(7) : QString();
            const int layerIndex = model.inventory().indexOf(layerName);
            if (layerIndex < 0) {
                writer.writeNext(shard->bytes(tensor));
            } else {
                const LinearLayer& layer =
                    model.inventory().layers()[static_cast<std::size_t>(layerIndex)];
                const LayerQuantConfig config = plan.resolve(layer.name);
                LayerReport& layerReport = byLayer[static_cast<std::size_t>(layerIndex)];
                layerReport = WeightQuantization::quantizeLayer(
                    model, layer, config, config.method == QuantMethod::None ? nullptr : &values);
                if (layerReport.status != LayerStatus::Quantized) {
                    // Kept and skipped layers are copied byte for byte: a round trip through
                    // float32 would quieten the signalling NaNs of an F16/BF16 layer.
                    writer.writeNext(shard->bytes(tensor));
                } else {
                    converted.resize(static_cast<std::size_t>(tensor.byteSize()));
                    convertFromFloat(tensor.dtype, values, converted.data());
                    writer.writeNext(converted);
                }
            }
            doneBytes += static_cast<double>(tensor.byteSize());
        }
        writer.finish();
    }

    if (checkpoint.isSharded())
        copyFile(checkpoint.indexPath(), stage.filePath(QLatin1String(Checkpoint::kIndexFileName)));
    const QFileInfoList entries =
        QDir(model.directory()).entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        if (isCompanionFile(entry))
            copyFile(entry.absoluteFilePath(), stage.filePath(entry.fileName()));
    }

    report.layers = std::move(byLayer);
    report.seconds = timer.nsecsElapsed() * 1e-9;
    writeJsonFile(stage.filePath(QLatin1String(kRecipeFileName)), plan.toJson());
    writeJsonFile(stage.filePath(QLatin1String(kReportFileName)), report.toJson());
    progress.throwIfCancelled();
    stage.commit();
    progress.report(1.0, tr("Wrote %1").arg(QDir::toNativeSeparators(outDir)));
    return report;
}

} // namespace qb
