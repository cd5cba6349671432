// quantbench-cli profile (MODEL_DIR --calib TEXT | PROJECT) --layer NAME [--damp D] [--top K]
// [--json]: what the Outlier channels and Hessian tabs show of one layer's input, headless — per
// input channel mean and max |x|, diag(XᵀX), the weight's column norms, GPTQ's act-order, dead
// channels and the condition estimate of its damped H.

#include "app/cli/calibration_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/project_options.h"
#include "core/analysis/layer_input_profile.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantized_model.h"
#include "core/util/error.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace qb::cli {

namespace {

template <typename T> QJsonArray toArray(const std::vector<T>& values)
{
    QJsonArray array;
    for (const T& value : values)
        array.append(value);
    return array;
}

QString sourceText(const LayerInputProfile& profile)
{
    const QLocale locale;
    return profile.source == LayerInputProfile::Source::QuantizationRun
               ? Cli::tr("the statistics kept by the quantization run of %1 (%2 rows)")
                     .arg(locale.toString(profile.computedAt, QLocale::ShortFormat),
                          locale.toString(qlonglong(profile.rows)))
               : Cli::tr("a full-precision pass over the calibration text (%1 rows)")
                     .arg(locale.toString(qlonglong(profile.rows)));
}

QJsonObject toJson(const LayerInputProfile& profile)
{
    QJsonObject json{
        {QStringLiteral("layer"), profile.layerName},
        {QStringLiteral("block"), profile.block},
        {QStringLiteral("site"), profile.site},
        {QStringLiteral("shape"),
         QJsonArray{qint64(profile.outFeatures), qint64(profile.inFeatures)}},
        {QStringLiteral("source"), profile.source == LayerInputProfile::Source::QuantizationRun
                                       ? QStringLiteral("run")
                                       : QStringLiteral("full_precision")},
        {QStringLiteral("rows"), qint64(profile.rows)},
        {QStringLiteral("abs_mean"), toArray(profile.absMean)},
        {QStringLiteral("abs_max"), toArray(profile.absMax)},
        {QStringLiteral("hessian_diagonal"), toArray(profile.hessianDiagonal)},
        {QStringLiteral("weight_column_norm"), toArray(profile.weightColumnNorm)},
        {QStringLiteral("weight_column_max_abs"), toArray(profile.weightColumnMaxAbs)},
        {QStringLiteral("act_order"), toArray(profile.actOrder)},
        {QStringLiteral("dead_channels"), toArray(profile.deadChannels)},
        {QStringLiteral("median_abs_mean"), profile.medianAbsMean()},
        {QStringLiteral("median_abs_max"), profile.medianAbsMax()},
        {QStringLiteral("config"), profile.config.toJson()},
        {QStringLiteral("condition_estimate"), profile.conditionEstimate},
        {QStringLiteral("condition_damp"), profile.conditionDamp},
        {QStringLiteral("input_scale"), toArray(profile.inputScale)},
    };
    if (profile.quantizedWith) {
        json.insert(QStringLiteral("quantized_with"), methodKey(*profile.quantizedWith));
        json.insert(QStringLiteral("damping_used"), profile.dampingUsed);
        json.insert(QStringLiteral("damping_raises"), profile.dampingRaises);
        json.insert(QStringLiteral("fell_back_to_rtn"), profile.fellBackToRtn);
    }
    return json;
}

QString toText(const LayerInputProfile& profile, int top)
{
    const QLocale locale;
    const auto number = [&](double value) { return locale.toString(value, 'g', 4); };
    const double medianMean = profile.medianAbsMean();
    const double medianMax = profile.medianAbsMax();
    const std::vector<int> byMean = profile.topChannels(1, false);
    const std::vector<int> byMax = profile.topChannels(1, true);
    const auto largest = [&](const std::vector<int>& channel, const std::vector<double>& values,
                             double median) {
        if (channel.empty())
            return QStringLiteral("-");
        const double value = values[std::size_t(channel.front())];
        return Cli::tr("median %1; largest %2 (channel %3, %4× the median)")
            .arg(number(median), number(value))
            .arg(channel.front())
            .arg(median > 0.0 ? number(value / median) : QStringLiteral("-"));
    };
    std::vector<std::pair<QString, QString>> fields{
        {Cli::tr("Layer"), Cli::tr("%1 [%2, %3], input %4 of block %5")
                               .arg(profile.layerName)
                               .arg(profile.outFeatures)
                               .arg(profile.inFeatures)
                               .arg(profile.site)
                               .arg(profile.block)},
        {Cli::tr("Measured from"), sourceText(profile)},
        {Cli::tr("Mean |x|"), largest(byMean, profile.absMean, medianMean)},
        {Cli::tr("Max |x|"), largest(byMax, profile.absMax, medianMax)},
        {Cli::tr("Dead channels"), profile.deadChannels.empty()
                                       ? Cli::tr("none")
                                       : QString::number(profile.deadChannels.size())},
        {Cli::tr("GPTQ's damped H"),
         profile.conditionEstimate > 0.0
             ? Cli::tr("condition estimate %1 with damping %2 × mean diag")
                   .arg(locale.toString(profile.conditionEstimate, 'e', 2),
                        number(profile.conditionDamp))
             : Cli::tr("not known (the run kept no XᵀX)")},
    };
    if (profile.quantizedWith)
        fields.emplace_back(
            Cli::tr("Quantized with"),
            profile.fellBackToRtn
                ? Cli::tr("%1, fell back to RTN").arg(methodDisplayName(*profile.quantizedWith))
                : methodDisplayName(*profile.quantizedWith));
    if (profile.scaleKind != LayerInputProfile::ScaleKind::None)
        fields.emplace_back(Cli::tr("Input scale"),
                            profile.scaleKind == LayerInputProfile::ScaleKind::Awq
                                ? Cli::tr("AWQ's, divided out of the input")
                                : Cli::tr("SmoothQuant's, divided out of the input"));
    QString text = formatFields(fields) + QLatin1Char('\n');

    // Rank of each channel in GPTQ's act-order (0: quantized first).
    std::vector<int> rank(profile.actOrder.size(), -1);
    for (std::size_t i = 0; i < profile.actOrder.size(); ++i)
        rank[std::size_t(profile.actOrder[i])] = int(i);
    TextTable table;
    table.addColumn(Cli::tr("Channel"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Mean |x|"), TextTable::Align::Right);
    table.addColumn(Cli::tr("× median"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Max |x|"), TextTable::Align::Right);
    table.addColumn(Cli::tr("diag(XᵀX)"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Weight column norm"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Act-order rank"), TextTable::Align::Right);
    for (int channel : profile.topChannels(top, false)) {
        const auto c = std::size_t(channel);
        table.addRow(
            {QString::number(channel), number(profile.absMean[c]),
             medianMean > 0.0 ? number(profile.absMean[c] / medianMean) : QStringLiteral("-"),
             number(profile.absMax[c]), number(profile.hessianDiagonal[c]),
             number(profile.weightColumnNorm[c]),
             c < rank.size() && rank[c] >= 0 ? QString::number(rank[c]) : QStringLiteral("-")});
    }
    text += Cli::tr("The %n input channel(s) with the largest mean |x|:", nullptr,
                    int(std::min<std::size_t>(std::size_t(top), profile.absMean.size())))
            + QLatin1Char('\n') + table.toString();
    return text;
}

} // namespace

int runProfile(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Measures the input of one linear layer per input channel, as the GUI's Outlier "
                "channels and Hessian tabs show it: mean and max |x| (outlier channels stand "
                "far above the median), diag(XᵀX) (GPTQ's Hessian without its 2/n), the "
                "weight's column norms, GPTQ's act-order, dead channels and the condition "
                "estimate of H damped by --damp.\n"
                "From a model folder the full-precision model runs over --calib up to the "
                "layer's block. From a project (.qbproj), the statistics its quantization run "
                "kept for the layer's input are used when it kept them (GPTQ, AWQ, SmoothQuant, "
                "the clip search), else the same full-precision pass over the project's "
                "calibration text, with the project's settings for the layer."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("A Hugging Face checkpoint folder, or a QuantBench project "
                               "(.qbproj)."));
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   Cli::tr("The linear layer to profile (a name from inspect)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption damp(QStringLiteral("damp"),
                                  Cli::tr("GPTQ damping, as a fraction of the mean of diag(H), "
                                          "for the condition estimate (default: the project's "
                                          "setting for the layer, else 0.01)."),
                                  QStringLiteral("D"));
    const QCommandLineOption top(QStringLiteral("top"),
                                 Cli::tr("How many channels the table lists, largest mean |x| "
                                         "first (default 10)."),
                                 QStringLiteral("K"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print every channel's figures as JSON instead of the "
                                          "summary and table."));
    const CalibrationOptionsCli calibration(CalibrationOptionsCli::TrueSequential::NotOffered);
    for (const QCommandLineOption* option : {&layer, &damp, &top, &json})
        line.addOption(*option);
    calibration.addTo(line);
    if (!line.parse(arguments))
        return ExitSuccess;

    if (!line.isSet(layer))
        throw UsageError(Cli::tr("--layer NAME is required"));
    const int topCount =
        line.isSet(top) ? intOption(line, QStringLiteral("top"), 1, std::numeric_limits<int>::max())
                        : 10;
    // --damp measures afresh: a run's statistics hold the condition estimate of its own damping.
    const bool dampGiven = line.isSet(damp);
    const double dampValue = dampGiven ? doubleOption(line, QStringLiteral("damp"), 0.0, 1.0) : 0.0;
    const QString source = line.positional(0);
    const QString name = line.value(layer);

    // The model, the plan's settings for the layer, the calibration text and a run to read.
    std::shared_ptr<const LoadedModel> model;
    QuantPlan plan;
    QString textPath;
    std::shared_ptr<const QuantizedModel> run;
    if (ProjectFile::isProjectPath(source)) {
        const OpenedProject opened =
            ProjectOptionsCli::open(source, calibration.givenOptions(line));
        model = opened.model;
        plan = opened.project.plan;
        textPath = ProjectOptionsCli::calibrationText(opened.project);
        run = opened.project.run;
    } else {
        calibration.applyTo(line, plan);
        textPath = calibration.calibrationText(line);
        model = LoadedModel::open(source);
    }
    const LinearLayer* linear = model->inventory().find(name);
    if (!linear)
        throw Error(Cli::tr("%1 has no linear layer %2 (quantbench-cli inspect lists them)")
                        .arg(QDir::toNativeSeparators(source), name));
    LayerQuantConfig config = plan.resolve(name);
    if (dampGiven)
        config.damp = dampValue;

    std::shared_ptr<const LayerInputProfile> profile;
    if (run && run->inputChannels.contains(linear->inputGroup) && !dampGiven) {
        profile = LayerInputProfiler::fromRun(*run, name);
    } else {
        if (textPath.isEmpty())
            throw UsageError(Cli::tr("give --calib TEXT: the layer's input is measured over a "
                                     "calibration text"));
        const auto windows = LayerInputProfiler::fittingWindows(
            CalibrationSet::fromTextFile(*model, textPath, plan.calibration),
            plan.calibration.holdoutFraction);
        ConsoleProgress progress;
        const auto measurement = LayerInputProfiler::measureSite(model, linear->inputGroup, windows,
                                                                 config.damp, progress);
        profile = LayerInputProfiler::fromMeasurement(*model, name, *measurement, config,
                                                      run ? run->find(name) : nullptr);
    }
    if (line.isSet(json))
        printJson(toJson(*profile));
    else
        printOut(toText(*profile, topCount));
    return ExitSuccess;
}

} // namespace qb::cli
