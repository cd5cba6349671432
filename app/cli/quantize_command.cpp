// quantbench-cli quantize MODEL_DIR --method M [--bits N] [--group G] [--sym|--asym] --out DIR
// [--force] [--recipe FILE] [--json]: a fake-quant checkpoint written by FakeQuantExporter.

#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
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

QStringList methodKeys()
{
    QStringList keys;
    for (QuantMethod method : allMethods())
        keys << methodKey(method);
    return keys;
}

// --group: G > 0 columns, -1 or "channel" per channel, 0 or "tensor" per tensor (the recipe's
// group_size code).
int groupSizeCode(const QString& text)
{
    if (text == QLatin1String("channel"))
        return QuantScheme::kPerChannel;
    if (text == QLatin1String("tensor"))
        return QuantScheme::kPerTensor;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < QuantScheme::kPerChannel)
        throw UsageError(Cli::tr("--group must be a positive number of columns, -1 or 'channel' "
                                 "(per channel), 0 or 'tensor' (per tensor), not '%1'")
                             .arg(text));
    return value;
}

QString groupText(int code)
{
    if (code == QuantScheme::kPerChannel)
        return Cli::tr("channel");
    if (code == QuantScheme::kPerTensor)
        return Cli::tr("tensor");
    return QString::number(code);
}

QString statusText(LayerStatus status)
{
    switch (status) {
    case LayerStatus::Quantized:
        return Cli::tr("quantized");
    case LayerStatus::Kept:
        return Cli::tr("kept");
    case LayerStatus::Skipped:
        return Cli::tr("skipped");
    }
    return {};
}

QString describe(const LayerQuantConfig& config)
{
    if (config.method == QuantMethod::None)
        return methodDisplayName(config.method);
    return Cli::tr("%1, %2").arg(methodDisplayName(config.method), config.scheme.describe());
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
            quantizing ? groupText(layer.config.scheme.groupSizeCode()) : dash,
            measured ? locale.toString(m.mse, 'e', 3) : dash,
            measured ? locale.toString(m.relativeError, 'f', 4) : dash,
            !measured                 ? dash
            : std::isfinite(m.sqnrDb) ? locale.toString(m.sqnrDb, 'f', 1)
                                      : QStringLiteral("inf"),
            statusText(layer.status),
        });
    }

    const int overrides = static_cast<int>(report.plan.overrides().size());
    QString plan = describe(report.plan.defaults);
    if (overrides > 0)
        plan += QLatin1Char(' ') + Cli::tr("(+%n override(s))", nullptr, overrides);

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
    const QCommandLineOption method(QStringLiteral("method"),
                                    Cli::tr("Quantization method: %1 ('none' keeps full "
                                            "precision).")
                                        .arg(methodKeys().join(QStringLiteral(", "))),
                                    QStringLiteral("METHOD"));
    const QCommandLineOption bits(QStringLiteral("bits"),
                                  Cli::tr("Bits per weight, %1 to %2 (default 4).")
                                      .arg(QuantScheme::kMinBits)
                                      .arg(QuantScheme::kMaxBits),
                                  QStringLiteral("N"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   Cli::tr("Input columns sharing a scale: a positive number, -1 "
                                           "or 'channel' for one per output channel, 0 or "
                                           "'tensor' for one per tensor (default 128)."),
                                   QStringLiteral("G"));
    const QCommandLineOption sym(QStringLiteral("sym"),
                                 Cli::tr("Symmetric grid (zero point fixed at the middle code)."));
    const QCommandLineOption asym(QStringLiteral("asym"),
                                  Cli::tr("Asymmetric grid with a zero point (the default)."));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("out")},
                                 Cli::tr("The folder to write. Must not exist unless --force is "
                                         "given."),
                                 QStringLiteral("OUT_DIR"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   Cli::tr("Replace OUT_DIR if it exists (only once the new output "
                                           "is complete)."));
    const QCommandLineOption recipe(QStringLiteral("recipe"),
                                    Cli::tr("Read the plan (a default and per-layer overrides) "
                                            "from this recipe JSON file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the report (quant_report.json) to stdout "
                                          "instead of the table."));
    for (const QCommandLineOption* option :
         {&method, &bits, &group, &sym, &asym, &out, &force, &recipe, &json})
        line.addOption(*option);
    if (!line.parse(arguments))
        return ExitSuccess;

    auto isSet = [&](const QCommandLineOption& option) {
        return line.isSet(option.names().last());
    };
    auto value = [&](const QCommandLineOption& option) {
        return line.value(option.names().last());
    };

    // Every check of the command line comes before any work, so a usage error never leaves a
    // half-done run behind.
    if (!isSet(out))
        throw UsageError(Cli::tr("--out OUT_DIR is required"));
    if (!isSet(method) && !isSet(recipe))
        throw UsageError(Cli::tr("give the plan explicitly: --method (%1) or --recipe FILE")
                             .arg(methodKeys().join(QStringLiteral(", "))));
    if (isSet(sym) && isSet(asym))
        throw UsageError(Cli::tr("--sym and --asym exclude each other"));
    std::optional<QuantMethod> methodValue;
    if (isSet(method)) {
        methodValue = methodFromKey(value(method));
        if (!methodValue)
            throw UsageError(Cli::tr("--method must be one of %1, not '%2'")
                                 .arg(methodKeys().join(QStringLiteral(", ")), value(method)));
    }
    // Read now (usage errors first), applied below when set.
    const int bitsValue = isSet(bits) ? intOption(line, QStringLiteral("bits"),
                                                  QuantScheme::kMinBits, QuantScheme::kMaxBits)
                                      : 0;
    const int groupValue = isSet(group) ? groupSizeCode(value(group)) : 0;

    // The plan: the recipe's (or the built-in default), then the explicit flags over its default.
    QuantPlan plan = isSet(recipe) ? QuantPlan::fromFile(value(recipe)) : QuantPlan{};
    if (methodValue)
        plan.defaults.method = *methodValue;
    const QuantScheme current = plan.defaults.scheme;
    plan.defaults.scheme =
        QuantScheme::fromGroupSizeCode(isSet(bits) ? bitsValue : current.bits,
                                       isSet(sym) || isSet(asym) ? isSet(sym) : current.symmetric,
                                       isSet(group) ? groupValue : current.groupSizeCode());

    const auto model = LoadedModel::open(line.positional(0));
    FakeQuantExporter::Options options;
    options.replaceExisting = isSet(force);
    QuantReport report;
    {
        ConsoleProgress progress;
        report = FakeQuantExporter::run(*model, plan, value(out), options, progress);
    }

    for (const LayerReport& layer : report.layers) {
        if (layer.status == LayerStatus::Skipped)
            printWarning(Cli::tr("%1: %2").arg(layer.name, layer.note));
    }
    if (isSet(json))
        printJson(report.toJson());
    else
        printOut(toText(report, value(out)));
    return ExitSuccess;
}

} // namespace qb::cli
