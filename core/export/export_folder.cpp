#include "core/export/export_folder.h"

#include "core/io/checkpoint.h"
#include "core/io/json_file.h"
#include "core/io/staging_directory.h"
#include "core/quant/quantized_model.h"
#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace qb {

namespace {

// Small files that travel with a checkpoint (config, tokenizer, licence); weights in any format
// are not copied.
bool isCompanionFile(const QFileInfo& file, const QStringList& skip)
{
    static const QStringList weightSuffixes{QStringLiteral("safetensors"), QStringLiteral("bin"),
                                            QStringLiteral("pt"),          QStringLiteral("pth"),
                                            QStringLiteral("gguf"),        QStringLiteral("h5"),
                                            QStringLiteral("msgpack"),     QStringLiteral("onnx")};
    if (!file.isFile() || weightSuffixes.contains(file.suffix(), Qt::CaseInsensitive))
        return false;
    const QString name = file.fileName();
    return name != QLatin1String(ExportFolder::kReportFileName)
           && name != QLatin1String(ExportFolder::kReportCsvFileName)
           && name != QLatin1String(ExportFolder::kRecipeFileName)
           && name != QLatin1String(Checkpoint::kIndexFileName)
           && name != QLatin1String(ModelCard::kFileName) && !skip.contains(name);
}

} // namespace

void ExportFolder::copyCompanionFiles(const QString& modelDirectory, const StagingDirectory& stage,
                                      const QStringList& skip)
{
    const QFileInfoList entries =
        QDir(modelDirectory).entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        if (isCompanionFile(entry, skip))
            copyFile(entry.absoluteFilePath(), stage.filePath(entry.fileName()));
    }
}

SideFilePaths SideFilePaths::inFolder(const StagingDirectory& stage)
{
    return {stage.filePath(QLatin1String(ExportFolder::kRecipeFileName)),
            stage.filePath(QLatin1String(ExportFolder::kReportFileName)),
            stage.filePath(QLatin1String(ExportFolder::kReportCsvFileName)),
            stage.filePath(QLatin1String(ModelCard::kFileName))};
}

void ExportFolder::writeRecipeAndReport(const QuantizedModel& quantized,
                                        const QStringList& limitations, const SideFilePaths& paths,
                                        const ModelCardFacts& card, const QString& formatName)
{
    QJsonObject report = quantized.report.toJson();
    if (!limitations.isEmpty())
        report.insert(QStringLiteral("export_limitations"),
                      QJsonArray::fromStringList(limitations));
    JsonFile::write(paths.recipe, quantized.report.plan.toJson());
    JsonFile::write(paths.report, report);
    JsonFile::writeBytes(paths.reportCsv, quantized.report.toCsv());
    ModelCard::write(paths.modelCard, quantized, limitations, card, formatName);
}

QString ExportFolder::incompleteRunLimitation()
{
    return tr("the quantization run was cancelled: the layers it did not reach are stored in "
              "full precision");
}

void ExportFolder::copyFile(const QString& from, const QString& to)
{
    if (!QFile::copy(from, to))
        throw Error(tr("cannot copy %1 to %2")
                        .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)));
}

} // namespace qb
