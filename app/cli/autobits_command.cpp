// quantbench-cli autobits MODEL_DIR (--scan FILE | the sensitivity options) --target BITS
// [--bits LIST] [--greedy] [--loss kl|ppl] --out RECIPE [--json]: each layer's bit-width chosen
// from a sensitivity scan for an average bits-per-weight target (AutoBits), written as a recipe
// that quantize --recipe reads.

#include "app/cli/backend_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/sensitivity_options.h"
#include "core/analysis/auto_bits.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <map>
#include <optional>

namespace qb::cli {

namespace {

QString toText(const AutoBitsResult& result, const QString& modelDir, const QString& scanSource,
               const QString& recipePath)
{
    const QLocale locale;
    QStringList allowed;
    for (int b : result.allowedBits)
        allowed << QString::number(b);
    std::map<int, int> layersAt;
    for (const AutoBitsLayerChoice& layer : result.layers)
        ++layersAt[layer.bits];
    QStringList perWidth;
    for (const auto& [bits, count] : layersAt)
        perWidth << Cli::tr("%1-bit: %2").arg(bits).arg(count);
    QString interaction = result.interactionNote;
    if (result.interactionApplied) {
        QStringList factors;
        for (std::size_t j = 0; j < result.allowedBits.size(); ++j)
            factors << Cli::tr("%1-bit ×%2")
                           .arg(result.allowedBits[j])
                           .arg(locale.toString(result.lossInteraction[j], 'f', 3));
        interaction = factors.join(QStringLiteral(", "));
    }
    const QString lossName = result.loss == AutoBitsLoss::Kl ? Cli::tr("KL divergence (nats/token)")
                                                             : Cli::tr("change in perplexity");
    QString text = formatFields({
        {Cli::tr("Model"), QDir::toNativeSeparators(modelDir)},
        {Cli::tr("Scan"), scanSource},
        {Cli::tr("Allowed widths"), allowed.join(QStringLiteral(", "))},
        {Cli::tr("Target"),
         Cli::tr("%1 bits per weight").arg(locale.toString(result.targetBitsPerWeight, 'g', 6))},
        {Cli::tr("Achieved"),
         Cli::tr("%1 bits per weight, scales and zero points included (possible: %2 to %3)")
             .arg(locale.toString(result.averageBitsPerWeight, 'f', 4),
                  locale.toString(result.minimumBitsPerWeight, 'f', 4),
                  locale.toString(result.maximumBitsPerWeight, 'f', 4))},
        {Cli::tr("Layers per width"), perWidth.join(QStringLiteral(", "))},
        {Cli::tr("Solver"),
         result.solver == AutoBitsSolver::Exact
             ? Cli::tr("exact (multiple-choice knapsack, %n choice(s))", nullptr, result.items)
             : Cli::tr("greedy (largest loss reduction per extra bit, %n "
                       "choice(s))",
                       nullptr, result.items)},
        {Cli::tr("Interaction factors"), interaction},
        {Cli::tr("Predicted loss"),
         Cli::tr("%1, summed %2 (without the factors: %3)")
             .arg(locale.toString(result.predictedLoss, 'g', 5), lossName,
                  locale.toString(result.additiveLoss, 'g', 5))},
        {Cli::tr("Predicted perplexity"),
         Cli::tr("%1 (without the factors: %2; full precision %3)")
             .arg(locale.toString(result.predictedPerplexity, 'f', 4),
                  locale.toString(result.additivePerplexity, 'f', 4),
                  locale.toString(result.referencePerplexity, 'f', 4))},
    });
    text += QLatin1Char('\n');

    TextTable table;
    table.addColumn(Cli::tr("Layer"));
    table.addColumn(Cli::tr("Bits"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Parameters"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Bits per weight"), TextTable::Align::Right);
    table.addColumn(result.loss == AutoBitsLoss::Kl ? Cli::tr("KL at these bits")
                                                    : Cli::tr("Δ ppl at these bits"),
                    TextTable::Align::Right);
    for (const AutoBitsLayerChoice& layer : result.layers)
        table.addRow({layer.name, QString::number(layer.bits),
                      locale.toString(qlonglong(layer.parameters)),
                      locale.toString(double(layer.storageBits) / double(layer.parameters), 'f', 3),
                      locale.toString(layer.loss, 'g', 4)});
    text += table.toString() + QLatin1Char('\n');
    text +=
        Cli::tr("Wrote %1").arg(QDir::toNativeSeparators(QFileInfo(recipePath).absoluteFilePath()))
        + QLatin1Char('\n');
    return text;
}

} // namespace

int runAutobits(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Chooses each layer's bit-width from the allowed ones so that the loss the "
                "sensitivity scan predicts — the sum over layers of their KL divergence (or "
                "change in perplexity) at the chosen width — is smallest while the average bits "
                "per weight stays at or below the target. The average counts the overhead: per "
                "group of G weights one 16-bit scale and one zero point of the layer's width, "
                "i.e. bits + (16 + bits) / G per weight. Layers reading one input (q/k/v, "
                "gate/up) get one width. The exact solver (a multiple-choice knapsack) is the "
                "default; --greedy upgrades layers by the largest loss reduction per extra bit.\n"
                "Quantized together, layers' errors compound, more the fewer the bits. The scan "
                "also measures the whole model at each width; the prediction scales each width's "
                "losses by the whole model's figure over the sum of its layers' (the interaction "
                "factor), so that a plan with one width everywhere is predicted as measured. The "
                "choice itself minimises the plain sum.\n"
                "The scan is read from --scan (written by `quantbench-cli sensitivity --out`) or "
                "made here with the same options as the sensitivity command. The choice is "
                "written as a recipe for `quantbench-cli quantize --recipe`."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder the scan was made on."));
    const QCommandLineOption scanFile(QStringLiteral("scan"),
                                      Cli::tr("A sensitivity scan in JSON (from `quantbench-cli "
                                              "sensitivity --out`). Without it, the scan is "
                                              "made first."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption target(QStringLiteral("target"),
                                    Cli::tr("The average bits per weight to stay within, scales "
                                            "and zero points included (for example 3.5)."),
                                    QStringLiteral("BITS"));
    const QCommandLineOption greedy(QStringLiteral("greedy"),
                                    Cli::tr("Use the greedy solver instead of the exact one."));
    const QCommandLineOption loss(QStringLiteral("loss"),
                                  Cli::tr("What to minimise: kl (the KL divergence from the "
                                          "full-precision model; the default) or ppl (the change "
                                          "in perplexity)."),
                                  QStringLiteral("LOSS"));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("out")},
                                 Cli::tr("The recipe file to write (replaced if it exists)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the choice as JSON (per layer, the averages, "
                                          "the prediction and the recipe) instead of the table."));
    const SensitivityOptionsCli scanOptions;
    const BackendOptionCli backendOption;
    for (const QCommandLineOption* option : {&scanFile, &target, &greedy, &loss, &out, &json})
        line.addOption(*option);
    scanOptions.addTo(line);
    backendOption.addTo(line);
    if (!line.parse(arguments))
        return ExitSuccess;

    // Every check of the command line comes before any work.
    if (!line.isSet(target))
        throw UsageError(Cli::tr("--target BITS is required"));
    if (!line.isSet(out))
        throw UsageError(Cli::tr("--out FILE is required: the recipe to write"));
    AutoBitsOptions options;
    options.targetBitsPerWeight = doubleOption(line, QStringLiteral("target"), 0.0, 64.0);
    if (line.isSet(greedy))
        options.solver = AutoBitsSolver::Greedy;
    if (line.isSet(loss)) {
        const QString value = line.value(loss);
        if (value == QLatin1String("kl"))
            options.loss = AutoBitsLoss::Kl;
        else if (value == QLatin1String("ppl"))
            options.loss = AutoBitsLoss::DeltaPerplexity;
        else
            throw UsageError(Cli::tr("--loss must be kl or ppl, not '%1'").arg(value));
    }
    if (line.isSet(QStringLiteral("bits")))
        options.bits = SensitivityOptionsCli::bitsList(line);
    std::optional<SensitivityOptions> scanSettings;
    if (line.isSet(scanFile)) {
        if (scanOptions.isGiven(line))
            throw UsageError(Cli::tr("--scan reads a finished scan: leave out the options of a "
                                     "new scan (--eval, --calib, --method, …)"));
    } else {
        scanSettings = scanOptions.build(line);
        scanSettings->backend = backendOption.create(line);
    }

    const auto model = LoadedModel::open(line.positional(0));
    const SensitivityScanResult scan = scanSettings
                                           ? scanOptions.run(line, model, *scanSettings)
                                           : SensitivityScanResult::fromFile(line.value(scanFile));
    if (!scan.complete)
        printWarning(Cli::tr("the scan was cancelled before it finished: layers it did not "
                             "measure cannot be chosen for"));
    const AutoBitsResult result = AutoBits::choose(scan, model->inventory(), options);
    const QStringList problems = result.plan.problemsFor(model->inventory());
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));
    writeJsonFile(line.value(out), result.plan.toJson());

    if (line.isSet(json)) {
        printJson(result.toJson());
    } else {
        const QString source = line.isSet(scanFile) ? QDir::toNativeSeparators(line.value(scanFile))
                                                    : Cli::tr("made now");
        printOut(toText(result, model->directory(), source, line.value(out)));
    }
    return ExitSuccess;
}

} // namespace qb::cli
