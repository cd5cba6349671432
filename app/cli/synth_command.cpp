// quantbench-cli synth --preset P --out DIR [--seed S] [--dtype bf16|f32] [--outlier-channels K]
// [--outlier-scale X] [--force]: a synthetic Llama checkpoint written by SyntheticModel.

#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "core/model/synthetic_model.h"
#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace qb::cli {

namespace {

// The demo model the checkpoint takes its tokenizer from: <bin>/../share/quantbench/demo/
// stories260K, the rule of MainWindow::demoModelDirectory() (the CLI does not link the GUI), which
// holds in the build tree and in an installed tree alike.
QString demoModelDirectory()
{
    return QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral("../share/quantbench/demo/stories260K")));
}

QString presetHelp()
{
    QStringList items;
    for (const SyntheticPreset& preset : SyntheticModel::presets())
        items << Cli::tr("%1 (%2)").arg(QLatin1String(preset.name),
                                        SyntheticModel::tr(preset.summary));
    return items.join(QStringLiteral(", "));
}

std::uint64_t seedOption(const QString& text)
{
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (!ok || value > SyntheticModel::kMaxSeed)
        throw UsageError(Cli::tr("--seed must be an integer from 0 to %1, not '%2'")
                             .arg(SyntheticModel::kMaxSeed)
                             .arg(text));
    return value;
}

DType dtypeOption(const QString& text)
{
    if (text.compare(QLatin1String("bf16"), Qt::CaseInsensitive) == 0)
        return DType::BF16;
    if (text.compare(QLatin1String("f32"), Qt::CaseInsensitive) == 0)
        return DType::F32;
    throw UsageError(Cli::tr("--dtype must be bf16 or f32, not '%1'").arg(text));
}

double scaleOption(const QString& text)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !(value > 0) || !std::isfinite(value) || value > 1e6)
        throw UsageError(
            Cli::tr("--outlier-scale must be a positive number up to 1000000, not '%1'").arg(text));
    return value;
}

// "196 (×56.5), 610 (×51.25)": each outlier channel with its norm weight.
QString outliersText(const SyntheticModel::Outliers& outliers)
{
    if (outliers.channels.empty())
        return Cli::tr("none");
    const QLocale locale;
    QStringList items;
    for (std::size_t i = 0; i < outliers.channels.size(); ++i)
        items << Cli::tr("%1 (×%2)", "an outlier channel and its factor")
                     .arg(outliers.channels[i])
                     .arg(locale.toString(outliers.scales[i], 'g', 4));
    return items.join(QStringLiteral(", "));
}

} // namespace

int runSynth(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Writes a Hugging Face-layout Llama checkpoint with random weights: the shapes of "
                "a real model, weights N(0, 0.02²) with 2 % heavy-tailed rows (Student-t, 3 "
                "degrees of freedom), and RMSNorm weights of 1 except K outlier channels, whose "
                "activations then reach every linear input 20-100× larger than the rest, as in "
                "trained LLMs. It is for benchmarks and scale tests, not a trained model, and is "
                "labelled synthetic in config.json and in every safetensors file. The same options "
                "give byte-identical files. The tokenizer is the bundled demo model's.\n"
                "Presets: %1.")
            .arg(presetHelp()));
    const QCommandLineOption preset(
        QStringLiteral("preset"),
        Cli::tr("The model to imitate: %1.")
            .arg(SyntheticModel::presetNames().join(QStringLiteral(", "))),
        QStringLiteral("PRESET"));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("out")},
                                 Cli::tr("The folder to write. Must not exist unless --force is "
                                         "given."),
                                 QStringLiteral("OUT_DIR"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  Cli::tr("Seed of every random choice (default 0)."),
                                  QStringLiteral("S"));
    const QCommandLineOption dtype(QStringLiteral("dtype"),
                                   Cli::tr("Element type of the weights: bf16 (default) or f32."),
                                   QStringLiteral("DTYPE"));
    const QCommandLineOption outlierChannels(
        QStringLiteral("outlier-channels"),
        Cli::tr("Number of outlier input channels (default 2 for tiny, 8 for the others; 0 for "
                "none)."),
        QStringLiteral("K"));
    const QCommandLineOption outlierScale(QStringLiteral("outlier-scale"),
                                          Cli::tr("The norm weight of every outlier channel, "
                                                  "rounded to bfloat16 precision (default: each "
                                                  "drawn from 20 to 100)."),
                                          QStringLiteral("X"));
    const QCommandLineOption force = forceOption();
    for (const QCommandLineOption* option :
         {&preset, &out, &seed, &dtype, &outlierChannels, &outlierScale, &force})
        line.addOption(*option);
    if (!line.parse(arguments))
        return ExitSuccess;

    // Every check of the command line comes before any work.
    if (!line.isSet(preset))
        throw UsageError(Cli::tr("--preset is required (%1)")
                             .arg(SyntheticModel::presetNames().join(QStringLiteral(", "))));
    const SyntheticPreset* presetValue = SyntheticModel::findPreset(line.value(preset));
    if (!presetValue)
        throw UsageError(
            Cli::tr("--preset must be one of %1, not '%2'")
                .arg(SyntheticModel::presetNames().join(QStringLiteral(", ")), line.value(preset)));
    if (!line.isSet(out))
        throw UsageError(Cli::tr("--out OUT_DIR is required"));
    SyntheticModel::Options options;
    options.preset = QLatin1String(presetValue->name);
    if (line.isSet(seed))
        options.seed = seedOption(line.value(seed));
    if (line.isSet(dtype))
        options.dtype = dtypeOption(line.value(dtype));
    if (line.isSet(outlierChannels))
        options.outlierChannels =
            intOption(line, QStringLiteral("outlier-channels"), 0, presetValue->hiddenSize);
    if (line.isSet(outlierScale))
        options.outlierScale = scaleOption(line.value(outlierScale));
    options.replaceExisting = line.isSet(force);

    options.tokenizerSource = demoModelDirectory();
    if (!QFileInfo(options.tokenizerSource).isDir())
        throw Error(Cli::tr("the demo model, whose tokenizer a synthetic checkpoint gets, is not "
                            "installed: expected it in %1")
                        .arg(QDir::toNativeSeparators(options.tokenizerSource)));

    SyntheticModel::Result result;
    {
        ConsoleProgress progress;
        result = SyntheticModel::write(line.value(out), options, progress);
    }

    const QLocale locale;
    const QString files =
        result.shards == 1
            ? QStringLiteral("model.safetensors")
            : Cli::tr("%1 shards with model.safetensors.index.json").arg(result.shards);
    QString text = formatFields({
        {Cli::tr("Preset"),
         Cli::tr("%1 (%2)").arg(result.preset, SyntheticModel::tr(presetValue->summary))},
        {Cli::tr("Parameters"), locale.toString(qint64(result.parameters))},
        {Cli::tr("DType"), dtypeName(result.dtype)},
        {Cli::tr("Seed"), QString::number(result.seed)},
        {Cli::tr("Outlier channels"), outliersText(result.outliers)},
        {Cli::tr("Weights"), files},
        {Cli::tr("Size"), locale.formattedDataSize(qint64(result.bytes), 2)},
        {Cli::tr("Time"), Cli::tr("%1 s").arg(locale.toString(result.seconds, 'f', 2))},
    });
    text += QLatin1Char('\n') + Cli::tr("Wrote %1").arg(QDir::toNativeSeparators(result.directory))
            + QLatin1Char('\n')
            + Cli::tr("This is a synthetic checkpoint: random weights with realistic shapes and "
                      "statistics, not a trained model. config.json and every safetensors file "
                      "say so.")
            + QLatin1Char('\n');
    printOut(text);
    return ExitSuccess;
}

} // namespace qb::cli
