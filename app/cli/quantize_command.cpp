// quantbench-cli quantize MODEL_DIR (--recipe FILE | --method M) [plan flags] [--calib TEXT
// [--samples N --seqlen L …]] --out DIR [--format fake|gptq|awq|compressed-tensors|gguf
// [--gptq-v1]] [--report FILE] [--eval TEXT] [--save-project FILE] [--force] [--json]: the
// quantization pipeline, then the checkpoint written by CheckpointExport. MODEL_DIR may be a
// project file instead, which brings the plan and calibration text (ProjectOptionsCli).

#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "app/cli/project_options.h"
#include "app/cli/report_table.h"
#include "core/export/checkpoint_export.h"
#include "core/export/packed_export.h"
#include "core/export/report_file.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cmath>
#include <optional>

namespace qb::cli {

namespace {

QString toText(const QuantReport& report, const QString& outDir)
{
    QString text = formatFields({
        {Cli::tr("Model"), QDir::toNativeSeparators(report.modelDirectory)},
        {Cli::tr("Plan"), report.plan.describe()},
        {Cli::tr("Calibration"), CalibrationOptionsCli::describe(report.calibration)},
        {Cli::tr("Backend"), backendLabel(report.compute)},
    });
    text += QLatin1Char('\n') + quantReportTable(report);
    text += Cli::tr("Wrote %1").arg(QDir::toNativeSeparators(QFileInfo(outDir).absoluteFilePath()))
            + QLatin1Char('\n');
    return text;
}

} // namespace

int runQuantize(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr(
            "Quantizes the model block by block as the plan says (layer-sequential: each "
            "block is calibrated on what the already quantized blocks give) and writes the "
            "result. With --format fake (the default) every quantizable linear layer is "
            "stored dequantized in its original dtype, under the same tensor names, so any "
            "loader of the original model loads it; with --format gptq, awq or compressed-tensors "
            "the quantized layers are stored as packed integer codes with their scales and zero "
            "points, in the GPTQ, AWQ GEMM or compressed-tensors pack-quantized checkpoint "
            "format. config.json and the tokenizer are copied; quant_recipe.json, "
            "quant_report.json and quant_report.csv (per layer: weight error, output error on "
            "held-out "
            "calibration samples, GPTQ damping and fallbacks) are written beside them. The "
            "input is never written; the output appears only once complete.\n"
            "The plan is read from a --recipe, whose default the other plan flags override, "
            "or given by --method alone. GPTQ, AWQ, SmoothQuant and the clip search need "
            "--calib. Layers with NaN or Inf weights are kept unquantized with a warning."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder to quantize, or a QuantBench "
                               "project (.qbproj): its model is then quantized by its plan on "
                               "its calibration text, and the quantized layers saved in it are "
                               "used as they are while the plan and the text are unchanged."));
    const PlanOptions planOptions;
    const CalibrationOptionsCli calibration;
    const ProjectOptionsCli projectOptions;
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("out")},
                                 Cli::tr("The folder to write. Must not exist unless --force is "
                                         "given."),
                                 QStringLiteral("OUT_DIR"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        Cli::tr("Checkpoint format: fake (dequantized weights in the "
                "source dtype; the default), gptq (packed integer "
                "weights as GPTQ loaders read them: transformers, "
                "vLLM, GPTQModel; gptq_v2 zero points; 2, 3, 4 or 8 "
                "bits), awq (AWQ GEMM as transformers and vLLM read "
                "it; 4 bits, one group size) or compressed-tensors "
                "(pack-quantized, as vLLM and transformers read it; 4 "
                "or 8 bits) or gguf (one .gguf file for llama.cpp: "
                "groups of 32 as Q4_0/Q4_1/Q5_0/Q5_1/Q8_0 from the "
                "codes, other layers re-quantized to K-quants; --out "
                "is then the file, and its recipe, report and model "
                "card are written beside it as NAME.recipe.json, "
                "NAME.report.json, NAME.report.csv and NAME.README.md)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption gptqV1(QStringLiteral("gptq-v1"),
                                    Cli::tr("With --format gptq: write the older v1 layout (zero "
                                            "points minus one), which holds symmetric layers "
                                            "only."));
    const QCommandLineOption reportFile(
        QStringLiteral("report"),
        Cli::tr("Also write the report to this file: an HTML page for people when it ends in "
                ".html (with the perplexities of --eval), the per-layer table when it ends in "
                ".csv, else the JSON report (quant_report.json)."),
        QStringLiteral("FILE"));
    const QCommandLineOption evalText(QStringLiteral("eval"),
                                      Cli::tr("Measure the perplexity of the model before and "
                                              "after quantization on this text (as eval does, "
                                              "each document on its own) and write both into "
                                              "the model card."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption force = forceOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the report (quant_report.json) to stdout "
                                          "instead of the table."));
    const BackendOptionCli backendOption;
    planOptions.addTo(line);
    calibration.addTo(line);
    backendOption.addTo(line);
    for (const QCommandLineOption* option :
         {&out, &format, &gptqV1, &reportFile, &evalText, &force, &json})
        line.addOption(*option);
    projectOptions.addTo(line);
    if (!line.parse(arguments))
        return ExitSuccess;

    // Every check of the command line comes before any work, so a usage error never leaves a
    // half-done run behind.
    if (!line.isSet(out))
        throw UsageError(Cli::tr("--out OUT_DIR is required"));
    const QString formatName = line.isSet(format) ? line.value(format) : QStringLiteral("fake");
    const std::optional<CheckpointFormat> chosen = CheckpointExport::formatFromKey(formatName);
    if (!chosen)
        throw UsageError(Cli::tr("--format must be fake, gptq, awq, compressed-tensors or gguf, "
                                 "not '%1'")
                             .arg(formatName));
    if (line.isSet(gptqV1) && *chosen != CheckpointFormat::Gptq)
        throw UsageError(Cli::tr("--gptq-v1 needs --format gptq"));
    const QString source = line.positional(0);
    std::optional<OpenedProject> opened;
    if (ProjectFile::isProjectPath(source)) {
        opened = ProjectOptionsCli::open(source, planOptions.givenOptions(line)
                                                     + calibration.givenOptions(line));
    } else if (!line.isSet(QStringLiteral("method")) && !line.isSet(QStringLiteral("recipe"))) {
        throw UsageError(Cli::tr("give the plan explicitly: --method (%1) or --recipe FILE")
                             .arg(PlanOptions::methodKeys().join(QStringLiteral(", "))));
    }
    // What the run is made of: the project's, or the command line's.
    Project project;
    if (opened) {
        project = opened->project;
        project.calibrationText = ProjectOptionsCli::calibrationText(project);
    } else {
        project.plan = planOptions.build(line);
        calibration.applyTo(line, project.plan);
        project.calibrationText = calibration.calibrationText(line);
        project.trueSequential = calibration.trueSequential(line);
    }
    const QuantPlan& plan = project.plan;

    const auto backend = backendOption.create(line);
    const auto model = opened ? opened->model : LoadedModel::open(source);
    project.modelDirectory = model->sourcePath();
    CheckpointExportOptions exportOptions;
    exportOptions.format = *chosen;
    exportOptions.replaceExisting = line.isSet(force);
    exportOptions.gptqV1 = line.isSet(gptqV1);
    exportOptions.trueSequential = project.trueSequential;
    {
        // Refused before the run rather than after it.
        const QStringList problems = CheckpointExport::problemsFor(exportOptions, plan, *model);
        if (!problems.isEmpty())
            throw Error(PackedExport::summarize(problems));
    }
    projectOptions.checkSaveTarget(line, *model, line.isSet(force));
    const auto quantized = opened ? ProjectOptionsCli::quantize(source, *opened, backend)
                                  : calibration.quantize(line, model, plan, backend);
    // The model card takes the perplexities of a project's evaluation while it is of this plan
    // and, for a calibrated plan, of the saved run used here (--eval measures them afresh).
    if (opened && project.evaluationIsCurrent(model->inventory()) && project.evaluation->modified
        && (quantized == opened->project.run || !plan.needsCalibration(model->inventory())))
        exportOptions.card = ModelCardFacts::of(*project.evaluation, project.evaluationText);
    if (line.isSet(evalText)) {
        // The stored model and the quantized one in lockstep on the same windows.
        const QString textPath = line.value(evalText);
        const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
        PerplexityOptions options;
        options.backend = backend;
        QuantizedModelHooks hooks(quantized);
        ConsoleProgress progress;
        const EvaluationResult result = PerplexityEvaluator::evaluate(
            model, *tokenizer, TextDocuments::fromFile(textPath), options, &hooks, progress);
        exportOptions.card = ModelCardFacts::of(result, textPath);
        printErr(Cli::tr("Perplexity on %1: %2 before, %3 after quantization")
                     .arg(QFileInfo(textPath).fileName(),
                          QLocale().toString(result.reference.perplexity(), 'f', 4),
                          QLocale().toString(result.modified->perplexity(), 'f', 4))
                 + QLatin1Char('\n'));
        project.evaluationText = QFileInfo(textPath).absoluteFilePath();
        project.evaluationContext = options.contextLength;
        project.evaluationStride = options.stride;
        project.setEvaluation(std::make_shared<const EvaluationResult>(result), model->inventory());
    }
    // Saved before the export, so that the run is kept even if writing the checkpoint fails.
    project.setRun(quantized, model->inventory());
    projectOptions.save(line, project, *model);
    QStringList limitations;
    {
        ConsoleProgress progress;
        limitations = CheckpointExport::run(exportOptions, *quantized, line.value(out), progress);
    }
    const QuantReport& report = quantized->report;
    if (line.isSet(reportFile))
        ReportFile::write(line.value(reportFile), report, exportOptions.card);

    for (const QString& limitation : limitations)
        printWarning(limitation);
    if (line.isSet(json))
        printJson(report.toJson());
    else
        printOut(toText(report, line.value(out)));
    return ExitSuccess;
}

} // namespace qb::cli
