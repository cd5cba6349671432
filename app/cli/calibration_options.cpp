#include "app/cli/calibration_options.h"

#include "app/cli/console_progress.h"
#include "core/calib/calibration_set.h"
#include "core/model/loaded_model.h"
#include "core/quant/quant_plan.h"
#include "core/tokenizer/text_documents.h"
#include "core/util/error.h"

#include <QFileInfo>
#include <QLocale>

#include <limits>

namespace qb::cli {

CalibrationOptionsCli::CalibrationOptionsCli(TrueSequential trueSequential)
    : m_calib(QStringLiteral("calib"),
              Cli::tr("Calibration text (%1). Needed by GPTQ, AWQ, SmoothQuant and the clip "
                      "search; with it, every layer's output error is measured too.")
                  .arg(TextDocuments::formatDescription()),
              QStringLiteral("TEXT"))
    , m_mode(QStringLiteral("calib-mode"),
             Cli::tr("How the samples are cut from the text: 'documents' (each document from "
                     "its start, up to the sequence length) or 'random' (windows at random "
                     "places, drawn with --seed) (default: the recipe's, else documents)."),
             QStringLiteral("MODE"))
    , m_samples(QStringLiteral("samples"),
                Cli::tr("Calibration samples (default: the recipe's, else 128)."),
                QStringLiteral("N"))
    , m_seqlen(QStringLiteral("seqlen"),
               Cli::tr("Tokens per calibration sample (default: the recipe's, else 512)."),
               QStringLiteral("L"))
    , m_seed(QStringLiteral("seed"),
             Cli::tr("Seed of the random windows and the row samples (default 0)."),
             QStringLiteral("S"))
    , m_holdout(QStringLiteral("holdout"),
                Cli::tr("Fraction of the samples kept out of calibration to measure the output "
                        "errors on, from 0 to 0.9 (default 0.1)."),
                QStringLiteral("F"))
    , m_noTrueSequential(QStringLiteral("no-true-sequential"),
                         Cli::tr("Calibrate every layer on the full-precision model's "
                                 "activations instead of on what the already quantized layers "
                                 "give (faster, usually less accurate)."))
    , m_trueSequentialOffered(trueSequential)
{
}

std::vector<const QCommandLineOption*> CalibrationOptionsCli::options() const
{
    std::vector<const QCommandLineOption*> list{&m_calib,  &m_mode, &m_samples,
                                                &m_seqlen, &m_seed, &m_holdout};
    if (m_trueSequentialOffered == TrueSequential::Offered)
        list.push_back(&m_noTrueSequential);
    return list;
}

void CalibrationOptionsCli::addTo(CommandLine& line) const
{
    for (const QCommandLineOption* option : options())
        line.addOption(*option);
}

void CalibrationOptionsCli::applyTo(const CommandLine& line, QuantPlan& plan) const
{
    const int maxInt = std::numeric_limits<int>::max();
    CalibrationOptions& calibration = plan.calibration;
    if (line.isSet(m_mode)) {
        const QString value = line.value(m_mode);
        const auto mode = CalibrationOptions::modeFromKey(value);
        if (!mode)
            throw UsageError(
                Cli::tr("--calib-mode must be 'documents' or 'random', not '%1'").arg(value));
        calibration.mode = *mode;
    }
    if (line.isSet(m_samples))
        calibration.samples = intOption(line, QStringLiteral("samples"), 1, maxInt);
    if (line.isSet(m_seqlen))
        calibration.sequenceLength = intOption(line, QStringLiteral("seqlen"), 2, maxInt);
    if (line.isSet(m_seed))
        calibration.seed =
            static_cast<std::uint64_t>(intOption(line, QStringLiteral("seed"), 0, maxInt));
    if (line.isSet(m_holdout))
        calibration.holdoutFraction = doubleOption(line, QStringLiteral("holdout"), 0.0, 0.9);
}

QStringList CalibrationOptionsCli::givenOptions(const CommandLine& line) const
{
    QStringList given;
    for (const QCommandLineOption* option : options()) {
        if (line.isSet(*option))
            given << QStringLiteral("--") + option->names().constFirst();
    }
    return given;
}

std::shared_ptr<const QuantizedModel> CalibrationOptionsCli::quantize(
    const CommandLine& line, const std::shared_ptr<const LoadedModel>& model, const QuantPlan& plan,
    std::shared_ptr<const ComputeBackend> backend) const
{
    if (const LinearLayer* layer = plan.firstLayerNeedingCalibration(model->inventory());
        layer && !line.isSet(m_calib))
        throw UsageError(Cli::tr("%1 is quantized with %2, which needs calibration data: give "
                                 "--calib TEXT")
                             .arg(layer->name, plan.resolve(layer->name).describe()));
    return runPlan(model, plan, calibrationText(line), trueSequential(line), std::move(backend));
}

QString CalibrationOptionsCli::calibrationText(const CommandLine& line) const
{
    return line.isSet(m_calib) ? QFileInfo(line.value(m_calib)).absoluteFilePath() : QString();
}

QString CalibrationOptionsCli::describe(const CalibrationUse& use)
{
    const QLocale locale;
    if (use.fitWindows == 0)
        return Cli::tr("none (no output errors measured)");
    QString text = Cli::tr("%n window(s) fitted on (%1 tokens)", nullptr, use.fitWindows)
                       .arg(locale.toString(qlonglong(use.fitTokens)));
    if (use.heldOutWindows > 0)
        text += Cli::tr(", %n held out to measure the output errors (%1 tokens)", nullptr,
                        use.heldOutWindows)
                    .arg(locale.toString(qlonglong(use.heldOutTokens)));
    else
        text += Cli::tr(", none held out: output errors measured on the fitting rows");
    return text;
}

std::shared_ptr<const QuantizedModel> runPlan(const std::shared_ptr<const LoadedModel>& model,
                                              const QuantPlan& plan, const QString& textPath,
                                              bool trueSequential,
                                              std::shared_ptr<const ComputeBackend> backend)
{
    const QStringList problems = plan.problemsFor(model->inventory());
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));
    for (const QString& warning : plan.warningsFor(model->inventory()))
        printWarning(warning);
    std::vector<std::vector<int>> windows;
    if (!textPath.isEmpty())
        windows = CalibrationSet::fromTextFile(*model, textPath, plan.calibration);
    PipelineOptions options;
    options.trueSequential = trueSequential;
    options.backend = std::move(backend);
    ConsoleProgress progress;
    auto quantized = QuantizationPipeline::run(model, plan, windows, options, progress);
    if (!quantized->report.complete)
        throw Cancelled(); // Ctrl-C: nothing half-done is written
    printRunWarnings(quantized->report);
    return quantized;
}

void printRunWarnings(const QuantReport& report)
{
    for (const QString& warning : report.runWarnings())
        printWarning(warning);
    for (const LayerReport& layer : report.layers) {
        if (!layer.note.isEmpty())
            printWarning(Cli::tr("%1: %2").arg(layer.name, layer.note));
    }
}

} // namespace qb::cli
