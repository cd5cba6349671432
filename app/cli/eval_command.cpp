// quantbench-cli eval MODEL_DIR --text FILE [--ctx N] [--stride N] [--json] [plan options]
// [--calib TEXT …] [--save-project FILE [--force]]: perplexity by the golden protocol; with a
// plan, also the quantized model's and the KL (the plan run through the quantization pipeline
// when it needs calibration). MODEL_DIR may be a project file instead, which brings the plan,
// the calibration text and the evaluation settings (ProjectOptionsCli).

#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "app/cli/project_options.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <limits>
#include <memory>
#include <optional>

namespace qb::cli {

namespace {

// `compared`: the model scored against the stored one with --compare, else empty.
QString toText(const EvaluationResult& result, const QString& modelDir, const QString& textPath,
               const std::optional<QuantPlan>& plan, const QString& compared)
{
    const QLocale locale;
    std::vector<std::pair<QString, QString>> fields{
        {Cli::tr("Model"), QDir::toNativeSeparators(modelDir)},
        {Cli::tr("Text"), Cli::tr("%1: %n document(s)", nullptr, result.documents)
                              .arg(QDir::toNativeSeparators(textPath))},
        {Cli::tr("Windows"), Cli::tr("%1 of at most %2 tokens, stride %3; %4 input tokens")
                                 .arg(result.windows)
                                 .arg(result.contextLength)
                                 .arg(result.stride)
                                 .arg(locale.toString(qlonglong(result.inputTokens)))},
    };
    if (plan)
        fields.emplace_back(Cli::tr("Plan"), plan->describe());
    if (!compared.isEmpty())
        fields.emplace_back(Cli::tr("Compared"), QDir::toNativeSeparators(compared));
    fields.emplace_back(Cli::tr("Backend"), backendLabel(result.compute));
    QString text = formatFields(fields) + QLatin1Char('\n');

    TextTable table;
    table.addColumn(Cli::tr("Model"));
    table.addColumn(Cli::tr("Perplexity"), TextTable::Align::Right);
    table.addColumn(Cli::tr("NLL/token"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Tokens scored"), TextTable::Align::Right);
    auto row = [&](const QString& name, const NllScore& score) {
        table.addRow({name, locale.toString(score.perplexity(), 'f', 4),
                      locale.toString(score.nllPerToken(), 'f', 4),
                      locale.toString(qlonglong(score.tokensScored))});
    };
    row(Cli::tr("as stored"), result.reference);
    if (result.modified)
        row(compared.isEmpty() ? Cli::tr("quantized") : QFileInfo(compared).fileName(),
            *result.modified);
    text += table.toString() + QLatin1Char('\n');
    if (result.meanKl)
        text += Cli::tr("Mean KL divergence from the stored model: %1 nats per token")
                    .arg(locale.toString(*result.meanKl, 'g', 5))
                + QLatin1Char('\n');
    if (result.sameTopToken)
        text += Cli::tr("Same top token as the stored model: %1 % of the scored positions")
                    .arg(locale.toString(*result.sameTopToken * 100.0, 'f', 2))
                + QLatin1Char('\n');
    text += Cli::tr("%1 tokens/s (%2 s)")
                .arg(locale.toString(result.tokensPerSecond(), 'f', 0),
                     locale.toString(result.seconds, 'f', 2))
            + QLatin1Char('\n');
    return text;
}

} // namespace

int runEval(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Scores every document of the text on its own as BOS + ids, in windows of at most "
                "the context "
                "length that start every stride tokens; each window predicts its tokens after the "
                "first that no earlier window scored. Perplexity = exp(total NLL / tokens "
                "scored).\n"
                "With a plan (--method or --recipe), the model quantized by that plan is scored "
                "on the same windows too, with the mean KL divergence of its next-token "
                "distributions from the stored model's. A plan that needs calibration (GPTQ, "
                "AWQ, SmoothQuant, the clip search) is first run on --calib, as quantize runs "
                "it; activation quantization (W8A8) is applied in the evaluation.\n"
                "With --compare, another checkpoint reading the same token ids (one quantized "
                "elsewhere: GPTQ, AWQ, compressed-tensors, FP8, GGUF, or an export) is scored on "
                "the same windows instead, with its KL divergence from MODEL_DIR and how often "
                "both rank the same next token first."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder to evaluate, or a QuantBench "
                               "project (.qbproj): its model is then scored with and without its "
                               "plan, on its evaluation text and settings unless --text, --ctx "
                               "or --stride say otherwise; the quantized layers saved in it are "
                               "used as they are while the plan and the calibration text are "
                               "unchanged."));
    const QCommandLineOption text(
        QStringLiteral("text"),
        Cli::tr("The text to score (%1).").arg(TextDocuments::formatDescription()),
        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("ctx"),
                                     Cli::tr("Tokens per window (default: the model's "
                                             "max_position_embeddings)."),
                                     QStringLiteral("N"));
    const QCommandLineOption stride(QStringLiteral("stride"),
                                    Cli::tr("Tokens between window starts (default: the context "
                                            "length, no overlap)."),
                                    QStringLiteral("N"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   Cli::tr("Replace the --save-project file if it exists."));
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        Cli::tr("Also score the model at PATH on the same windows, with the KL divergence of its "
                "next-token distributions from MODEL_DIR's (MODEL_DIR is the reference: the "
                "original model). PATH is a checkpoint folder or GGUF file of the same "
                "vocabulary and tokenizer, quantized or not. Not with a plan or a project."),
        QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the result as JSON (perplexity, nll, tokens, …) "
                                          "instead of the table."));
    const PlanOptions planOptions;
    const CalibrationOptionsCli calibration;
    const BackendOptionCli backendOption;
    const ProjectOptionsCli projectOptions;
    for (const QCommandLineOption* option : {&text, &context, &stride, &compare, &json})
        line.addOption(*option);
    planOptions.addTo(line);
    calibration.addTo(line);
    backendOption.addTo(line);
    projectOptions.addTo(line);
    line.addOption(force);
    if (!line.parse(arguments))
        return ExitSuccess;

    const QString source = line.positional(0);
    const bool fromProject = ProjectFile::isProjectPath(source);
    const bool comparing = line.isSet(compare);
    if (comparing && (fromProject || planOptions.isGiven(line)))
        throw UsageError(Cli::tr("--compare scores another checkpoint against the model as "
                                 "stored; it does not go with a plan or a project"));
    if (comparing
        && (line.isSet(QStringLiteral("save-project"))
            || !calibration.givenOptions(line).isEmpty()))
        throw UsageError(Cli::tr("--compare does not go with --save-project or the calibration "
                                 "options"));
    if (!fromProject && !line.isSet(QStringLiteral("text")))
        throw UsageError(Cli::tr("--text FILE is required"));
    PerplexityOptions options;
    const int maxInt = std::numeric_limits<int>::max();
    if (line.isSet(QStringLiteral("ctx")))
        options.contextLength = intOption(line, QStringLiteral("ctx"), 2, maxInt);
    if (line.isSet(QStringLiteral("stride")))
        options.stride = intOption(line, QStringLiteral("stride"), 1, maxInt);
    std::optional<QuantPlan> plan;
    std::optional<OpenedProject> opened;
    if (fromProject) {
        opened = ProjectOptionsCli::open(source, planOptions.givenOptions(line)
                                                     + calibration.givenOptions(line));
        plan = opened->project.plan;
    } else if (planOptions.isGiven(line)) {
        plan = planOptions.build(line);
        calibration.applyTo(line, *plan);
    }
    // What the command is made of, for --save-project: the project's, or the command line's.
    Project project;
    if (opened) {
        project = opened->project;
        project.calibrationText = ProjectOptionsCli::calibrationText(project);
        if (!line.isSet(QStringLiteral("ctx")) && project.evaluationContext > 0)
            options.contextLength = project.evaluationContext;
        if (!line.isSet(QStringLiteral("stride")) && project.evaluationStride > 0)
            options.stride = project.evaluationStride;
    } else {
        if (plan)
            project.plan = *plan;
        project.calibrationText = calibration.calibrationText(line);
        project.trueSequential = calibration.trueSequential(line);
    }
    const QString textPath = line.isSet(QStringLiteral("text")) ? line.value(QStringLiteral("text"))
                                                                : project.evaluationText;
    if (textPath.isEmpty())
        throw UsageError(Cli::tr("--text FILE is required: the project %1 names no evaluation "
                                 "text")
                             .arg(QDir::toNativeSeparators(source)));
    project.evaluationText = QFileInfo(textPath).absoluteFilePath();
    project.evaluationContext = options.contextLength;
    project.evaluationStride = options.stride;

    options.backend = backendOption.create(line);
    const auto model = opened ? opened->model : LoadedModel::open(source);
    project.modelDirectory = model->sourcePath();
    projectOptions.checkSaveTarget(line, *model, line.isSet(force));
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    const QStringList documents = TextDocuments::fromFile(textPath);
    // A plan that needs calibration runs through the pipeline first (or a project's saved run is
    // used); one that does not is quantized block by block as the evaluation goes (no quantized
    // model is stored).
    std::unique_ptr<ForwardHooks> hooks;
    if (plan) {
        std::shared_ptr<const QuantizedModel> run;
        hooks = planHooks(line, source, opened ? &*opened : nullptr, model, *plan, calibration,
                          options.backend, run);
        if (run)
            project.setRun(run, model->inventory());
    }
    EvaluationResult result;
    std::shared_ptr<const LoadedModel> other;
    if (comparing) {
        const PerplexityEvaluator::Compared compared =
            PerplexityEvaluator::openToCompare(line.value(compare), *model);
        other = compared.model;
        ConsoleProgress progress;
        result = PerplexityEvaluator::compare(model, *tokenizer, other, *compared.tokenizer,
                                              documents, options, progress);
    } else {
        ConsoleProgress progress;
        result = PerplexityEvaluator::evaluate(model, *tokenizer, documents, options, hooks.get(),
                                               progress);
    }
    if (plan)
        project.setEvaluation(std::make_shared<const EvaluationResult>(result), model->inventory());
    projectOptions.save(line, project, *model);
    if (line.isSet(QStringLiteral("json"))) {
        QJsonObject out = result.toJson();
        out.insert(QStringLiteral("model"), model->sourcePath());
        insertImportNotes(out, *model);
        out.insert(QStringLiteral("text"), QFileInfo(textPath).absoluteFilePath());
        if (opened)
            out.insert(QStringLiteral("project"), QFileInfo(source).absoluteFilePath());
        if (plan)
            out.insert(QStringLiteral("recipe"), plan->toJson());
        if (other) {
            QJsonObject compared{{QStringLiteral("model"), other->sourcePath()}};
            insertImportNotes(compared, *other);
            out.insert(QStringLiteral("compared"), compared);
        }
        printJson(out);
    } else {
        printImportNotes(*model);
        if (other)
            printImportNotes(*other);
        printOut(toText(result, model->sourcePath(), textPath, plan,
                        other ? other->sourcePath() : QString()));
    }
    return ExitSuccess;
}

} // namespace qb::cli
