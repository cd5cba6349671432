// quantbench-cli eval MODEL_DIR --text FILE [--ctx N] [--stride N] [--json] [plan options]
// [--calib TEXT …]: perplexity by the golden protocol; with a plan, also the quantized model's
// and the KL (the plan run through the quantization pipeline when it needs calibration).

#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/quant/plan_weight_hooks.h"
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

QString toText(const EvaluationResult& result, const QString& modelDir, const QString& textPath,
               const std::optional<QuantPlan>& plan)
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
        row(Cli::tr("quantized"), *result.modified);
    text += table.toString() + QLatin1Char('\n');
    if (result.meanKl)
        text += Cli::tr("Mean KL divergence from the stored model: %1 nats per token")
                    .arg(locale.toString(*result.meanKl, 'g', 5))
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
        Cli::tr("Scores every document of the text on its own (split at <|endoftext|>, otherwise "
                "one document per non-empty line) as BOS + ids, in windows of at most the context "
                "length that start every stride tokens; each window predicts its tokens after the "
                "first that no earlier window scored. Perplexity = exp(total NLL / tokens "
                "scored).\n"
                "With a plan (--method or --recipe), the model quantized by that plan is scored "
                "on the same windows too, with the mean KL divergence of its next-token "
                "distributions from the stored model's. A plan that needs calibration (GPTQ, "
                "AWQ, SmoothQuant, the clip search) is first run on --calib, as quantize runs "
                "it; activation quantization (W8A8) is applied in the evaluation."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder to evaluate."));
    const QCommandLineOption text(QStringLiteral("text"), Cli::tr("The UTF-8 text file to score."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("ctx"),
                                     Cli::tr("Tokens per window (default: the model's "
                                             "max_position_embeddings)."),
                                     QStringLiteral("N"));
    const QCommandLineOption stride(QStringLiteral("stride"),
                                    Cli::tr("Tokens between window starts (default: the context "
                                            "length, no overlap)."),
                                    QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the result as JSON (perplexity, nll, tokens, …) "
                                          "instead of the table."));
    const PlanOptions planOptions;
    const CalibrationOptionsCli calibration;
    const BackendOptionCli backendOption;
    for (const QCommandLineOption* option : {&text, &context, &stride, &json})
        line.addOption(*option);
    planOptions.addTo(line);
    calibration.addTo(line);
    backendOption.addTo(line);
    if (!line.parse(arguments))
        return ExitSuccess;

    if (!line.isSet(QStringLiteral("text")))
        throw UsageError(Cli::tr("--text FILE is required"));
    PerplexityOptions options;
    const int maxInt = std::numeric_limits<int>::max();
    if (line.isSet(QStringLiteral("ctx")))
        options.contextLength = intOption(line, QStringLiteral("ctx"), 2, maxInt);
    if (line.isSet(QStringLiteral("stride")))
        options.stride = intOption(line, QStringLiteral("stride"), 1, maxInt);
    std::optional<QuantPlan> plan;
    if (planOptions.isGiven(line)) {
        plan = planOptions.build(line);
        calibration.applyTo(line, *plan);
    }

    const QString textPath = line.value(QStringLiteral("text"));
    options.backend = backendOption.create(line);
    const auto model = LoadedModel::open(line.positional(0));
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    const QStringList documents = TextDocuments::fromFile(textPath);
    // A plan that needs calibration runs through the pipeline first; one that does not is
    // quantized block by block as the evaluation goes (no quantized model is stored).
    std::unique_ptr<ForwardHooks> hooks;
    if (plan) {
        const QStringList problems = plan->problemsFor(model->inventory());
        if (!problems.isEmpty())
            throw Error(problems.join(QLatin1Char('\n')));
        if (plan->needsCalibration(model->inventory()))
            hooks = std::make_unique<QuantizedModelHooks>(
                calibration.quantize(line, model, *plan, options.backend));
        else
            hooks = std::make_unique<PlanWeightHooks>(model, *plan, options.backend);
    }

    EvaluationResult result;
    {
        ConsoleProgress progress;
        result = PerplexityEvaluator::evaluate(model, *tokenizer, documents, options, hooks.get(),
                                               progress);
    }
    if (line.isSet(QStringLiteral("json"))) {
        QJsonObject out = result.toJson();
        out.insert(QStringLiteral("model"), model->sourcePath());
        if (model->isImported())
            out.insert(QStringLiteral("imported"), model->importNote());
        out.insert(QStringLiteral("text"), QFileInfo(textPath).absoluteFilePath());
        if (plan)
            out.insert(QStringLiteral("recipe"), plan->toJson());
        printJson(out);
    } else {
        if (model->isImported())
            printWarning(Cli::tr("%1: %2").arg(QDir::toNativeSeparators(model->sourcePath()),
                                               model->importNote()));
        printOut(toText(result, model->sourcePath(), textPath, plan));
    }
    return ExitSuccess;
}

} // namespace qb::cli
