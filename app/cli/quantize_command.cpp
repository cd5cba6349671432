// quantbench-cli quantize MODEL_DIR --method M [--bits N] [--group G] [--sym|--asym] --out DIR
// [--force] [--recipe FILE] [--json]: a fake-quant checkpoint written by FakeQuantExporter.

#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "core/export/fake_quant_exporter.h"
#include "core/model/loaded_model.h"
#include "core/quant/quant_plan.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cmath>
#include <optional>

namespace qb::cli {

namespace {

QString statusText(LayerStatus status)
{
    switch (status) {
    case LayerStatus::Quantized:
        return Cli::tr("quantized");
    case LayerStatus::Kept:
        return Cli::tr("kept");
    case LayerStatus::Skipped:
        return Cli::tr("skipped");
    case LayerStatus::NotRun:
        return Cli::tr("not run");
    }
    return {};
}

QString toText(const QuantReport& report, const QString& outDir)
{
    const QLocale locale;
    const QString dash = QStringLiteral("-");
    TextTable table;
    table.addColumn(Cli::tr("Layer"));
    table.addColumn(Cli::tr("Method"));
    table.addColumn(Cli::tr("Bits"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Group"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Weight MSE"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Rel. error"), TextTable::Align::Right);
    table.addColumn(Cli::tr("SQNR dB"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Status"));
    for (const LayerReport& layer : report.layers) {
        const bool quantizing = layer.config.method != QuantMethod::None;
        const bool measured = layer.status == LayerStatus::Quantized;
        const WeightErrorMetrics& m = layer.metrics;
        table.addRow({
            layer.name,
            methodDisplayName(layer.config.method),
            quantizing ? QString::number(layer.config.scheme.bits) : dash,
            quantizing ? groupSizeLabel(layer.config.scheme.groupSizeCode()) : dash,
            measured ? locale.toString(m.mse, 'e', 3) : dash,
            measured ? locale.toString(m.relativeError, 'f', 4) : dash,
            !measured                 ? dash
            : std::isfinite(m.sqnrDb) ? locale.toString(m.sqnrDb, 'f', 1)
                                      : QStringLiteral("inf"),
            statusText(layer.status),
        });
    }

    const QString plan = report.plan.describe();

    QString text = formatFields({
        {Cli::tr("Model"), QDir::toNativeSeparators(report.modelDirectory)},
        {Cli::tr("Plan"), plan},
    });
    text += QLatin1Char('\n') + table.toString() + QLatin1Char('\n');
    text += Cli::tr("%n layer(s): %1 quantized, %2 kept, %3 skipped in %4 s", nullptr,
                    static_cast<int>(report.layers.size()))
                .arg(report.countWithStatus(LayerStatus::Quantized))
                .arg(report.countWithStatus(LayerStatus::Kept))
                .arg(report.countWithStatus(LayerStatus::Skipped))
                .arg(locale.toString(report.seconds, 'f', 2))
            + QLatin1Char('\n');
    text += Cli::tr("Wrote %1").arg(QDir::toNativeSeparators(QFileInfo(outDir).absoluteFilePath()))
            + QLatin1Char('\n');
    return text;
}

} // namespace

int runQuantize(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Every quantizable linear layer is quantized as the plan says and stored "
                "dequantized in its original dtype, under the same tensor names, so any loader of "
                "the original model loads the result. config.json and the tokenizer are copied; "
                "quant_recipe.json and quant_report.json are written beside them. The input is "
                "never written; the output appears only once complete.\n"
                "The plan is either given by --method (with --bits, --group, --sym/--asym) or "
                "read from a --recipe, whose default those flags then override. Layers with NaN "
                "or Inf weights are kept unquantized with a warning."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder to quantize."));
    const PlanOptions planOptions;
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("out")},
                                 Cli::tr("The folder to write. Must not exist unless --force is "
                                         "given."),
                                 QStringLiteral("OUT_DIR"));
    const QCommandLineOption force = forceOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the report (quant_report.json) to stdout "
                                          "instead of the table."));
    planOptions.addTo(line);
    for (const QCommandLineOption* option : {&out, &force, &json})
        line.addOption(*option);
    if (!line.parse(arguments))
        return ExitSuccess;

    // Every check of the command line comes before any work, so a usage error never leaves a
    // half-done run behind.
    if (!line.isSet(out))
        throw UsageError(Cli::tr("--out OUT_DIR is required"));
    if (!line.isSet(QStringLiteral("method")) && !line.isSet(QStringLiteral("recipe")))
        throw UsageError(Cli::tr("give the plan explicitly: --method (%1) or --recipe FILE")
                             .arg(PlanOptions::methodKeys().join(QStringLiteral(", "))));
    const QuantPlan plan = planOptions.build(line);

    const auto model = LoadedModel::open(line.positional(0));
    FakeQuantExporter::Options options;
    options.replaceExisting = line.isSet(force);
    QuantReport report;
    {
        ConsoleProgress progress;
        report = FakeQuantExporter::run(*model, plan, line.value(out), options, progress);
    }

    for (const LayerReport& layer : report.layers) {
        if (layer.status == LayerStatus::Skipped)
            printWarning(Cli::tr("%1: %2").arg(layer.name, layer.note));
    }
    if (line.isSet(json))
        printJson(report.toJson());
    else
        printOut(toText(report, line.value(out)));
    return ExitSuccess;
}

} // namespace qb::cli
