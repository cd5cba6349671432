#pragma once

#include "core/export/model_card.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace qb {

class StagingDirectory;
struct QuantizedModel;

// Where ExportFolder::writeRecipeAndReport puts each of the files that travel with an export: the
// standard names in an export folder (inFolder), or names beside a single-file export (GGUF's
// model.recipe.json, model.report.json, …).
struct SideFilePaths {
    QString recipe;    // the plan
    QString report;    // the per-layer report, JSON
    QString reportCsv; // the same layers, CSV
    QString modelCard; // the model card (Markdown)

    // quant_recipe.json, quant_report.json, quant_report.csv and README.md in `stage`'s folder.
    static SideFilePaths inFolder(const StagingDirectory& stage);
};

// What every exporter writes besides the weights, the same way: the input's small companion
// files (config, tokenizer, licence) copied, and the plan (quant_recipe.json) and per-layer
// report (quant_report.json and quant_report.csv) of the run. Writes go into a StagingDirectory's
// folder.
class ExportFolder {
    Q_DECLARE_TR_FUNCTIONS(ExportFolder)

public:
    static constexpr const char* kReportFileName = "quant_report.json";
    static constexpr const char* kReportCsvFileName = "quant_report.csv";
    static constexpr const char* kRecipeFileName = "quant_recipe.json";

    // Copies every regular file of `modelDirectory` into the stage except weights (safetensors,
    // bin, pt, gguf, …), the shard index, an earlier export's recipe and report, and the names in
    // `skip` (files the exporter writes itself). Throws Error when a copy fails.
    static void copyCompanionFiles(const QString& modelDirectory, const StagingDirectory& stage,
                                   const QStringList& skip = {});
    // The plan (quant_recipe.json in a folder), the report (quant_report.json, with `limitations`
    // as "export_limitations" when there are any), its layers as CSV (quant_report.csv) and the
    // model card (README.md, ModelCard; an input README.md is replaced), written in that order to
    // `paths`. `formatName` ("GPTQ") names the format on the card.
    static void writeRecipeAndReport(const QuantizedModel& quantized,
                                     const QStringList& limitations, const SideFilePaths& paths,
                                     const ModelCardFacts& card, const QString& formatName);
    // The limitation every format shares when the run was cancelled (report.complete false):
    // the layers it did not reach are stored in full precision.
    static QString incompleteRunLimitation();
    // Throws Error naming both files on failure.
    static void copyFile(const QString& from, const QString& to);
};

} // namespace qb
