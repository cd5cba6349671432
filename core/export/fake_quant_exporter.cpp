#include "core/export/fake_quant_exporter.h"

#include "core/export/export_folder.h"
#include "core/export/packed_export.h"
#include "core/io/safetensors_writer.h"
#include "core/io/staging_directory.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QDir>
#include <QFileInfo>

namespace qb {

QStringList FakeQuantExporter::limitations(const QuantizedModel& quantized)
{
    const int activationLayers = PackedExport::activationRoundingLayers(quantized);
    QStringList result;
    if (activationLayers > 0)
        result << tr("%n layer(s) round their input activations to int8 (W8A8); a fake-quant "
                     "checkpoint stores only weights, so a loader of it computes those layers "
                     "with full-precision activations",
                     nullptr, activationLayers);
    if (!quantized.report.complete)
        result << ExportFolder::incompleteRunLimitation();
    return result;
}

QStringList FakeQuantExporter::run(const QuantizedModel& quantized, const QString& outDir,
                                   const Options& options, Progress& progress)
{
    const LoadedModel& model = *quantized.model;
    StagingDirectory stage(outDir, options.replaceExisting, model.inputPaths());
    const Checkpoint& checkpoint = model.checkpoint();
    stage.requireFreeSpace(checkpoint.totalBytes() + (1 << 20));

    const double totalBytes = std::max<double>(1.0, static_cast<double>(checkpoint.totalBytes()));
    double doneBytes = 0;
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
            const QuantizedLayer* layer = quantized.find(layerName);
            if (!layer) {
                // Kept, skipped and unreached layers are copied byte for byte: a round trip
                // through float32 would quieten the signalling NaNs of an F16/BF16 layer.
                writer.writeNext(shard->bytes(tensor));
            } else {
                const std::vector<float> values = layer->weightInOriginalSpace();
                converted.resize(static_cast<std::size_t>(tensor.byteSize()));
                convertFromFloat(tensor.dtype, values, converted.data());
                writer.writeNext(converted);
            }
            doneBytes += static_cast<double>(tensor.byteSize());
        }
        writer.finish();
    }

    if (checkpoint.isSharded())
        ExportFolder::copyFile(checkpoint.indexPath(),
                               stage.filePath(QLatin1String(Checkpoint::kIndexFileName)));
    ExportFolder::copyCompanionFiles(model.directory(), stage);
    const QStringList notes = limitations(quantized);
    ExportFolder::writeRecipeAndReport(quantized, notes, SideFilePaths::inFolder(stage),
                                       options.card, QStringLiteral("fake-quant"));
    progress.throwIfCancelled();
    stage.commit();
    progress.report(1.0, tr("Wrote %1").arg(QDir::toNativeSeparators(outDir)));
    return notes;
}

} // namespace qb
