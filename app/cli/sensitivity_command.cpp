// quantbench-cli sensitivity MODEL_DIR --eval TEXT [--calib TEXT --samples N --seqlen L]
// [--bits 2,3,4,8] [--group G] [--method rtn|gptq] [--sym|--asym] [--unit layer|block|role]
// [--eval-docs N] [--backend …] [--json] [--out FILE]: each unit quantized alone at each width,
// the model scored on the evaluation text (SensitivityScan).

#include "app/cli/backend_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/sensitivity_options.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"

#include <QLocale>

#include <algorithm>

namespace qb::cli {

namespace {

// How many of the most sensitive units the text lists.
constexpr int kMostSensitiveShown = 10;

QString toText(const SensitivityScanResult& scan)
{
    const QLocale locale;
    QString text = formatFields(SensitivityOptionsCli::describe(scan)) + QLatin1Char('\n');

    // Units × widths: the change in perplexity.
    const bool layerUnits = scan.unit == SensitivityUnitKind::Layer;
    TextTable table;
    table.addColumn(layerUnits ? Cli::tr("Layer") : Cli::tr("Unit"));
    table.addColumn(Cli::tr("Parameters"), TextTable::Align::Right);
    for (int bits : scan.bits)
        table.addColumn(Cli::tr("Δ ppl %1-bit").arg(bits), TextTable::Align::Right);
    for (const SensitivityUnitResult& unit : scan.units) {
        std::int64_t parameters = 0;
        for (const QString& name : unit.layers)
            parameters += scan.findLayer(name)->parameters;
        QStringList row{unit.name, locale.toString(qlonglong(parameters))};
        for (int bits : scan.bits) {
            const SensitivityPoint* point = unit.find(bits);
            row << (point ? locale.toString(point->deltaPerplexity, 'f', 4) : QStringLiteral("-"));
        }
        table.addRow(row);
    }
    text += table.toString() + QLatin1Char('\n');

    // The whole model at each width: what the units' figures come to once they interact.
    if (!scan.uniform.empty()) {
        QStringList widths;
        for (const SensitivityPoint& point : scan.uniform) {
            double sum = 0.0;
            for (const SensitivityUnitResult& unit : scan.units)
                sum += unit.find(point.bits)->kl;
            widths << Cli::tr("%1-bit: Δ ppl %2, KL %3 (the units' sum %4)")
                          .arg(point.bits)
                          .arg(locale.toString(point.deltaPerplexity, 'f', 4),
                               locale.toString(point.kl, 'g', 4), locale.toString(sum, 'g', 4));
        }
        text += Cli::tr("Every unit quantized at once:") + QLatin1Char('\n');
        for (const QString& line : widths)
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
        text += QLatin1Char('\n');
    }

    // The most sensitive units at the smallest width, by KL divergence.
    const int narrowest = scan.bits.front();
    std::vector<const SensitivityUnitResult*> ranked;
    for (const SensitivityUnitResult& unit : scan.units) {
        if (unit.find(narrowest))
            ranked.push_back(&unit);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](const auto* a, const auto* b) {
        return a->find(narrowest)->kl > b->find(narrowest)->kl;
    });
    ranked.resize(std::min<std::size_t>(ranked.size(), kMostSensitiveShown));
    text += Cli::tr("Most sensitive at %1 bits (by KL divergence from the full-precision model):")
                .arg(narrowest)
            + QLatin1Char('\n');
    TextTable ranking;
    ranking.addColumn(Cli::tr("#"), TextTable::Align::Right);
    ranking.addColumn(layerUnits ? Cli::tr("Layer") : Cli::tr("Unit"));
    ranking.addColumn(Cli::tr("Perplexity"), TextTable::Align::Right);
    ranking.addColumn(Cli::tr("Δ ppl"), TextTable::Align::Right);
    ranking.addColumn(Cli::tr("KL (nats/token)"), TextTable::Align::Right);
    int rank = 0;
    for (const SensitivityUnitResult* unit : ranked) {
        const SensitivityPoint& point = *unit->find(narrowest);
        ranking.addRow(
            {QString::number(++rank), unit->name, locale.toString(point.perplexity, 'f', 4),
             locale.toString(point.deltaPerplexity, 'f', 4), locale.toString(point.kl, 'g', 4)});
    }
    text += ranking.toString() + QLatin1Char('\n');
    text += Cli::tr("%n measurement(s) in %1 s", nullptr,
                    static_cast<int>(scan.units.size() * scan.bits.size()))
                .arg(locale.toString(scan.seconds, 'f', 2))
            + QLatin1Char('\n');
    return text;
}

} // namespace

int runSensitivity(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("For every unit — one linear layer by default, or one block, or one role across "
                "all blocks — and every bit-width, quantizes only that unit (everything else "
                "stays in full precision) and scores the model on the evaluation text as eval "
                "does: its perplexity, the change from the full-precision model's and the mean "
                "KL divergence from the full-precision model's next-token distributions. GPTQ "
                "calibrates each layer on the full-precision model's activations, recorded once "
                "for all layers and widths.\n"
                "The table shows the change in perplexity per unit and width, then the most "
                "sensitive units. --json prints every figure; --out writes the same JSON to a "
                "file, which `quantbench-cli autobits --scan` reads."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder to scan."));
    const SensitivityOptionsCli scanOptions;
    const BackendOptionCli backendOption;
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the scan as JSON instead of the table."));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("out")},
                                 Cli::tr("Also write the scan as JSON to this file (replaced if "
                                         "it exists)."),
                                 QStringLiteral("FILE"));
    scanOptions.addTo(line);
    backendOption.addTo(line);
    line.addOption(json);
    line.addOption(out);
    if (!line.parse(arguments))
        return ExitSuccess;

    SensitivityOptions options = scanOptions.build(line);
    options.backend = backendOption.create(line);
    const auto model = LoadedModel::open(line.positional(0));
    const SensitivityScanResult scan = scanOptions.run(line, model, options);
    for (const SensitivityLayer& layer : scan.layers) {
        if (!layer.note.isEmpty())
            printWarning(Cli::tr("%1: %2").arg(layer.name, layer.note));
    }
    if (line.isSet(out))
        writeJsonFile(line.value(out), scan.toJson());
    if (line.isSet(json))
        printJson(scan.toJson());
    else
        printOut(toText(scan));
    return ExitSuccess;
}

} // namespace qb::cli
