// quantbench-cli inspect MODEL_DIR [--json] [--no-scan]: what a checkpoint holds and whether its
// weights are finite.

#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "app/cli/project_options.h"
#include "app/cli/report_table.h"
#include "core/io/checkpoint.h"
#include "core/metrics/weight_scan.h"
#include "core/model/loaded_model.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace qb::cli {

namespace {

// The multi-dimensional index of flat row-major element `flat` of a tensor of `shape`.
QJsonArray unravel(std::int64_t flat, const std::vector<std::int64_t>& shape)
{
    std::vector<std::int64_t> index(shape.size(), 0);
    for (std::size_t d = shape.size(); d-- > 0;) {
        if (shape[d] > 0) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
    }
    QJsonArray out;
    for (std::int64_t i : index)
        out.append(qint64(i));
    return out;
}

QJsonArray shapeJson(const LinearLayer& layer)
{
    return QJsonArray{qint64(layer.outFeatures), qint64(layer.inFeatures)};
}

QString shapeText(const LinearLayer& layer)
{
    return QStringLiteral("[%1, %2]").arg(layer.outFeatures).arg(layer.inFeatures);
}

std::uint64_t linearBytes(const LayerInventory& inventory)
{
    std::uint64_t bytes = 0;
    for (const LinearLayer& layer : inventory.layers())
        bytes += layer.weightBytes();
    return bytes;
}

QJsonObject toJson(const LoadedModel& model, const std::vector<NonFiniteTensor>* nonFinite)
{
    const LayerInventory& inventory = model.inventory();
    const Checkpoint& checkpoint = model.checkpoint();

    QJsonObject modelJson = model.spec().toJson();
    modelJson.insert(QStringLiteral("directory"), model.sourcePath());
    insertImportNotes(modelJson, model);
    modelJson.insert(QStringLiteral("shards"), qint64(checkpoint.shards().size()));
    // null for a real model; a synthetic one (random weights) is always labelled.
    const std::optional<SyntheticLabel>& synthetic = model.spec().synthetic;
    modelJson.insert(QStringLiteral("synthetic"),
                     synthetic ? QJsonValue(synthetic->toJson()) : QJsonValue(QJsonValue::Null));

    QJsonArray layers;
    for (const LinearLayer& layer : inventory.layers()) {
        layers.append(QJsonObject{
            {QStringLiteral("name"), layer.name},
            {QStringLiteral("role"), roleName(layer.role)},
            {QStringLiteral("block"), layer.block},
            {QStringLiteral("shape"), shapeJson(layer)},
            {QStringLiteral("dtype"), dtypeName(layer.dtype)},
            {QStringLiteral("parameters"), qint64(layer.parameterCount())},
            {QStringLiteral("bytes"), qint64(layer.weightBytes())},
            {QStringLiteral("shares_input_with"),
             QJsonArray::fromStringList(inventory.sharesInputWith(layer))},
            {QStringLiteral("fold_target"), layer.foldTarget.kind == FoldTarget::Kind::None
                                                ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(layer.foldTarget.name)},
            // Input channels reading each output of the fold target: > 1 for o_proj under
            // grouped-query attention, whose input scale folds only when tied.
            {QStringLiteral("fold_shared_by"), layer.foldTarget.sharedBy},
        });
    }

    const QJsonObject totals{
        {QStringLiteral("layers"), qint64(inventory.layers().size())},
        {QStringLiteral("linear_parameters"), qint64(inventory.totalParameters())},
        {QStringLiteral("linear_bytes"), qint64(linearBytes(inventory))},
        {QStringLiteral("tensors"), qint64(checkpoint.tensorNames().size())},
        {QStringLiteral("checkpoint_bytes"), qint64(checkpoint.totalBytes())},
    };

    // null when the scan was not run (--no-scan), so "none found" and "not looked" differ.
    QJsonValue nonFiniteJson(QJsonValue::Null);
    if (nonFinite) {
        QJsonArray found;
        for (const NonFiniteTensor& tensor : *nonFinite) {
            const Checkpoint::TensorRef ref = checkpoint.find(tensor.name);
            found.append(QJsonObject{
                {QStringLiteral("tensor"), tensor.name},
                {QStringLiteral("elements"), qint64(tensor.elements)},
                {QStringLiteral("nan"), qint64(tensor.nanCount)},
                {QStringLiteral("inf"), qint64(tensor.infCount)},
                {QStringLiteral("first"),
                 unravel(tensor.firstIndex, ref ? ref.info->shape : std::vector<std::int64_t>{})},
            });
        }
        nonFiniteJson = found;
    }

    return QJsonObject{{QStringLiteral("model"), modelJson},
                       {QStringLiteral("layers"), layers},
                       {QStringLiteral("totals"), totals},
                       {QStringLiteral("nonfinite"), nonFiniteJson}};
}

QString toText(const LoadedModel& model)
{
    const ModelSpec& spec = model.spec();
    const LayerInventory& inventory = model.inventory();
    const Checkpoint& checkpoint = model.checkpoint();
    const QLocale locale;
    auto size = [&](std::uint64_t bytes) {
        return locale.formattedDataSize(static_cast<qint64>(bytes), 1);
    };

    QStringList shardNames;
    for (const auto& shard : checkpoint.shards())
        shardNames << QFileInfo(shard->path()).fileName();
    const QString shards = checkpoint.shards().size() == 1
                               ? shardNames.first()
                               : Cli::tr("%1 (%2 … %3)")
                                     .arg(checkpoint.shards().size())
                                     .arg(shardNames.first(), shardNames.last());

    std::vector<std::pair<QString, QString>> fields{
        {Cli::tr("Model"), model.isImported() ? Cli::tr("%1 (%2)").arg(
                               QDir::toNativeSeparators(model.sourcePath()), model.importNote())
                                              : QDir::toNativeSeparators(model.directory())},
        {Cli::tr("Model type"), spec.modelType},
        {Cli::tr("Hidden size"),
         Cli::tr("%1 (intermediate %2)")
             .arg(locale.toString(spec.hiddenSize), locale.toString(spec.intermediateSize))},
        {Cli::tr("Blocks"), locale.toString(spec.numHiddenLayers)},
        {Cli::tr("Attention heads"),
         Cli::tr("%1 (%2 key/value, head dim %3)")
             .arg(locale.toString(spec.numAttentionHeads), locale.toString(spec.numKeyValueHeads),
                  locale.toString(spec.headDim))},
        {Cli::tr("Vocabulary"), locale.toString(spec.vocabSize)},
        {Cli::tr("Tied embeddings"), spec.tieWordEmbeddings ? Cli::tr("yes") : Cli::tr("no")},
        {Cli::tr("Shards"), shards},
    };
    if (spec.synthetic)
        fields.emplace_back(
            Cli::tr("Synthetic"),
            Cli::tr("%1 (random weights, not a trained model)").arg(spec.synthetic->describe()));
    QString text = formatFields(fields);

    TextTable table;
    table.addColumn(Cli::tr("Layer"));
    table.addColumn(Cli::tr("Role"));
    table.addColumn(Cli::tr("Shape"));
    table.addColumn(Cli::tr("DType"));
    table.addColumn(Cli::tr("Parameters"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Bytes"), TextTable::Align::Right);
    for (const LinearLayer& layer : inventory.layers()) {
        table.addRow({layer.name, roleName(layer.role), shapeText(layer), dtypeName(layer.dtype),
                      locale.toString(qint64(layer.parameterCount())), size(layer.weightBytes())});
    }
    text += QLatin1Char('\n') + table.toString() + QLatin1Char('\n');

    text += formatFields({
        {Cli::tr("Linear layers"), Cli::tr("%1, %2 parameters, %3")
                                       .arg(locale.toString(qint64(inventory.layers().size())),
                                            locale.toString(qint64(inventory.totalParameters())),
                                            size(linearBytes(inventory)))},
        {Cli::tr("All tensors"), Cli::tr("%1 tensors, %2")
                                     .arg(locale.toString(qint64(checkpoint.tensorNames().size())),
                                          size(checkpoint.totalBytes()))},
    });
    return text;
}

// Whether the project's saved run and evaluation are of what the project gives now.
struct ProjectCurrency {
    bool run = false;
    bool evaluation = false;
};

ProjectCurrency currencyOf(const OpenedProject& opened)
{
    const Project& project = opened.project;
    ProjectCurrency currency;
    currency.run = project.run && ProjectOptionsCli::reusableRun(opened) == project.run;
    currency.evaluation = project.evaluationIsCurrent(opened.model->inventory());
    return currency;
}

QJsonObject projectJson(const QString& path, const OpenedProject& opened)
{
    const Project& project = opened.project;
    const ProjectCurrency currency = currencyOf(opened);
    QJsonObject evaluation{{QStringLiteral("text"), project.evaluationText},
                           {QStringLiteral("context"), project.evaluationContext},
                           {QStringLiteral("stride"), project.evaluationStride},
                           {QStringLiteral("result"), QJsonValue(QJsonValue::Null)}};
    if (project.evaluation) {
        evaluation.insert(QStringLiteral("result"), project.evaluation->toJson());
        evaluation.insert(QStringLiteral("plan"), project.evaluatedPlan);
        evaluation.insert(QStringLiteral("current"), currency.evaluation);
    }
    QJsonValue run(QJsonValue::Null);
    if (project.run)
        run = QJsonObject{
            {QStringLiteral("report"), project.run->report.toJson()},
            {QStringLiteral("finished"), project.run->finished.toString(Qt::ISODateWithMs)},
            {QStringLiteral("current"), currency.run},
        };
    return QJsonObject{
        {QStringLiteral("project"), QFileInfo(path).absoluteFilePath()},
        {QStringLiteral("model"), opened.model->sourcePath()},
        {QStringLiteral("recipe"), project.plan.toJson()},
        {QStringLiteral("calibration_text"), ProjectOptionsCli::calibrationText(project)},
        {QStringLiteral("true_sequential"), project.trueSequential},
        {QStringLiteral("evaluation"), evaluation},
        {QStringLiteral("scan"),
         project.scan ? QJsonValue(project.scan->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("run"), run},
    };
}

QString projectText(const QString& path, const OpenedProject& opened)
{
    const Project& project = opened.project;
    const ProjectCurrency currency = currencyOf(opened);
    const QLocale locale;
    const QString none = Cli::tr("none");
    const QString calibration = ProjectOptionsCli::calibrationText(project);

    QString run = none;
    if (project.run) {
        const QuantReport& report = project.run->report;
        run = Cli::tr("finished %1, %2 of %3 layers quantized%4")
                  .arg(locale.toString(project.run->finished, QLocale::ShortFormat))
                  .arg(report.countWithStatus(LayerStatus::Quantized))
                  .arg(report.layers.size())
                  .arg(report.complete ? QString() : QStringLiteral(" ") + Cli::tr("(cancelled)"));
        run += currency.run ? Cli::tr("; current: quantize and eval use it")
                            : Cli::tr("; made from other inputs (the plan or the calibration "
                                      "text changed since): quantize and eval run the plan again");
    }
    QString evaluation = none;
    if (project.evaluation) {
        const EvaluationResult& result = *project.evaluation;
        evaluation = result.modified
                         ? Cli::tr("perplexity %1 as stored, %2 quantized (%3)")
                               .arg(locale.toString(result.reference.perplexity(), 'f', 4),
                                    locale.toString(result.modified->perplexity(), 'f', 4),
                                    project.evaluatedPlanDescription())
                         : Cli::tr("perplexity %1 as stored")
                               .arg(locale.toString(result.reference.perplexity(), 'f', 4));
        if (!currency.evaluation)
            evaluation += Cli::tr("; stale: the plan changed since");
    }
    QString scan = none;
    if (project.scan) {
        QStringList widths;
        for (int bits : project.scan->bits)
            widths << QString::number(bits);
        scan = Cli::tr("by %1 at %2 bits%3")
                   .arg(sensitivityUnitKey(project.scan->unit), widths.join(QStringLiteral(", ")),
                        project.scan->complete ? QString()
                                               : QStringLiteral(" ") + Cli::tr("(cancelled)"));
    }
    QString text = formatFields({
        {Cli::tr("Project"), QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())},
        {Cli::tr("Model"), QDir::toNativeSeparators(opened.model->sourcePath())},
        {Cli::tr("Plan"), project.plan.describe()},
        {Cli::tr("Calibration text"),
         calibration.isEmpty()
             ? none
             : Cli::tr("%1 (%2)").arg(QDir::toNativeSeparators(calibration),
                                      project.trueSequential ? Cli::tr("true-sequential")
                                                             : Cli::tr("full-precision inputs"))},
        {Cli::tr("Evaluation text"), project.evaluationText.isEmpty()
                                         ? none
                                         : QDir::toNativeSeparators(project.evaluationText)},
        {Cli::tr("Run"), run},
        {Cli::tr("Evaluation"), evaluation},
        {Cli::tr("Sensitivity scan"), scan},
    });
    text += QLatin1Char('\n');
    if (project.run)
        return text + quantReportTable(project.run->report);
    // No run: the plan per layer.
    TextTable table;
    table.addColumn(Cli::tr("Layer"));
    table.addColumn(Cli::tr("Method"));
    table.addColumn(Cli::tr("Bits"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Group"), TextTable::Align::Right);
    const QString dash = QStringLiteral("-");
    for (const LinearLayer& layer : opened.model->inventory().layers()) {
        const LayerQuantConfig config = project.plan.resolve(layer.name);
        const bool quantizing = config.method != QuantMethod::None;
        const QuantScheme scheme = config.weightScheme();
        table.addRow({layer.name, methodDisplayName(config.method),
                      quantizing ? QString::number(scheme.bits) : dash,
                      quantizing ? groupSizeLabel(scheme.groupSizeCode()) : dash});
    }
    return text + table.toString();
}

} // namespace

int runInspect(const Command& command, const QStringList& arguments)
{
    CommandLine line(command,
                     Cli::tr("Prints the model summary from config.json and every quantizable "
                             "linear layer (name, role, shape [out, in], dtype, parameters, "
                             "bytes), then scans every tensor for NaN and Inf; tensors holding "
                             "them are reported as warnings on stderr.\n"
                             "Given a QuantBench project (.qbproj), prints what it holds instead: "
                             "its model, plan, texts, and whether its saved run and evaluation "
                             "are current, then the run's layers (or the plan's)."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("A Hugging Face checkpoint folder: config.json and "
                               "model.safetensors (or shards with their index); or a QuantBench "
                               "project (.qbproj)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print one JSON object (model, layers, totals, "
                                          "nonfinite) to stdout instead of the table."));
    const QCommandLineOption noScan(QStringLiteral("no-scan"),
                                    Cli::tr("Skip the NaN/Inf scan of the weights (faster on "
                                            "large models; \"nonfinite\" is then null)."));
    line.addOption(json);
    line.addOption(noScan);
    if (!line.parse(arguments))
        return ExitSuccess;

    if (ProjectFile::isProjectPath(line.positional(0))) {
        const QString path = line.positional(0);
        const OpenedProject opened = ProjectOptionsCli::open(path, {});
        if (line.isSet(json.names().first()))
            printJson(projectJson(path, opened));
        else
            printOut(projectText(path, opened));
        return ExitSuccess;
    }
    const auto model = LoadedModel::open(line.positional(0));

    std::vector<NonFiniteTensor> nonFinite;
    const bool scan = !line.isSet(noScan.names().first());
    if (scan) {
        ConsoleProgress progress;
        nonFinite = WeightScan::run(model->checkpoint(), progress);
    }
    for (const NonFiniteTensor& tensor : nonFinite)
        printWarning(WeightScan::toIssue(tensor).message);
    for (const QString& caveat : model->importCaveats())
        printWarning(caveat);

    if (line.isSet(json.names().first()))
        printJson(toJson(*model, scan ? &nonFinite : nullptr));
    else
        printOut(toText(*model));
    return ExitSuccess;
}

} // namespace qb::cli
