// quantbench-cli generate (MODEL_DIR | PROJECT) --prompt TEXT [--max-tokens N] [--ignore-eos]
// [--json] [plan options] [--calib TEXT …] [--compare PATH]: what the model writes after a
// prompt, greedily; with a plan (or a project's), also what the quantized model writes — or with
// --compare what another checkpoint of the model writes — and how many leading tokens the two
// share.

#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "app/cli/project_options.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/model/text_generator.h"
#include "core/model/transformer.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

#include <memory>
#include <optional>

namespace qb::cli {

namespace {

QJsonObject toJson(const GeneratedText& generated)
{
    QJsonArray ids;
    for (int id : generated.newIds)
        ids.append(id);
    return QJsonObject{
        {QStringLiteral("continuation"), generated.continuation},
        {QStringLiteral("ids"), ids},
        {QStringLiteral("tokens"), qint64(generated.newIds.size())},
        {QStringLiteral("stopped_at_eos"), generated.stoppedAtEos},
        {QStringLiteral("seconds"), generated.seconds},
    };
}

// "As stored (64 tokens, 0.21 s):" then the prompt and its continuation.
QString section(const QString& title, const GeneratedText& generated)
{
    const QLocale locale;
    QString text = Cli::tr("%1 (%n token(s), %2 s%3):", nullptr, int(generated.newIds.size()))
                       .arg(title, locale.toString(generated.seconds, 'f', 2),
                            generated.stoppedAtEos ? Cli::tr(", ended with EOS") : QString());
    return text + QLatin1Char('\n') + generated.prompt + generated.continuation
           + QStringLiteral("\n\n");
}

} // namespace

int runGenerate(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Continues a prompt with the model, greedily (the most probable token each time, "
                "so the same prompt always gives the same text), the earlier positions' keys and "
                "values cached. With a plan (--method or --recipe), the model quantized by that "
                "plan continues it too, and the number of leading tokens the two continuations "
                "share is printed: where quantization first changes what the model writes. A "
                "plan that needs calibration (GPTQ, AWQ, SmoothQuant, the clip search) is first "
                "run on --calib, as quantize runs it. With --compare, another checkpoint of the "
                "model (one quantized elsewhere, or an export) continues it instead."));
    line.addPositional(QStringLiteral("MODEL"),
                       Cli::tr("Model folder, GGUF file or packed checkpoint folder; or a "
                               "project (.qbproj), whose plan is then used (its quantized layers "
                               "as they are while the plan and the calibration text are "
                               "unchanged)."));
    const QCommandLineOption prompt(QStringLiteral("prompt"), Cli::tr("The text to continue."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption maxTokens(QStringLiteral("max-tokens"),
                                       Cli::tr("Tokens to generate at most (default 64)."),
                                       QStringLiteral("N"));
    const QCommandLineOption ignoreEos(QStringLiteral("ignore-eos"),
                                       Cli::tr("Go on after the model ends the text (EOS)."));
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        Cli::tr("Continue the prompt with the model at PATH too (a checkpoint folder or GGUF file "
                "reading the same token ids, quantized or not) and compare the two. Not with a "
                "plan or a project."),
        QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the result as JSON (continuations, their token "
                                          "ids, the agreeing tokens) instead of text."));
    const PlanOptions planOptions;
    const CalibrationOptionsCli calibration;
    const BackendOptionCli backendOption;
    for (const QCommandLineOption* option : {&prompt, &maxTokens, &ignoreEos, &compare, &json})
        line.addOption(*option);
    planOptions.addTo(line);
    calibration.addTo(line);
    backendOption.addTo(line);
    if (!line.parse(arguments))
        return ExitSuccess;

    if (!line.isSet(prompt))
        throw UsageError(Cli::tr("--prompt TEXT is required"));
    GenerationOptions options;
    if (line.isSet(maxTokens))
        options.maxNewTokens = intOption(line, maxTokens.names().constFirst(), 1, 1 << 20);
    options.stopAtEos = !line.isSet(ignoreEos);

    const QString source = line.positional(0);
    if (line.isSet(compare)
        && (ProjectFile::isProjectPath(source) || planOptions.isGiven(line)
            || !calibration.givenOptions(line).isEmpty()))
        throw UsageError(Cli::tr("--compare continues the prompt with another checkpoint; it does "
                                 "not go with a plan, a project or the calibration options"));
    std::optional<QuantPlan> plan;
    std::optional<OpenedProject> opened;
    if (ProjectFile::isProjectPath(source)) {
        opened = ProjectOptionsCli::open(source, planOptions.givenOptions(line)
                                                     + calibration.givenOptions(line));
        plan = opened->project.plan;
    } else if (planOptions.isGiven(line)) {
        plan = planOptions.build(line);
        calibration.applyTo(line, *plan);
    }
    const auto backend = backendOption.create(line);
    const auto model = opened ? opened->model : LoadedModel::open(source);
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    const TransformerRunner runner(model, backend);

    std::unique_ptr<ForwardHooks> hooks;
    if (plan) {
        std::shared_ptr<const QuantizedModel> run;
        hooks = planHooks(line, source, opened ? &*opened : nullptr, model, *plan, calibration,
                          backend, run, PlanWeightHooks::Retention::AllBlocks);
    }
    std::shared_ptr<const LoadedModel> other;
    std::shared_ptr<const Tokenizer> otherTokenizer;
    if (line.isSet(compare)) {
        const PerplexityEvaluator::Compared compared =
            PerplexityEvaluator::openToCompare(line.value(compare), *model);
        other = compared.model;
        otherTokenizer = compared.tokenizer;
    }
    // The second continuation: the plan's quantized model, or the compared checkpoint.
    std::optional<GeneratedText> stored;
    std::optional<GeneratedText> quantized;
    {
        ConsoleProgress progress;
        stored = TextGenerator::greedy(runner, *tokenizer, line.value(prompt), options, nullptr,
                                       progress);
        if (hooks)
            quantized = TextGenerator::greedy(runner, *tokenizer, line.value(prompt), options,
                                              hooks.get(), progress);
        if (other) {
            const TransformerRunner otherRunner(other, backend);
            quantized = TextGenerator::greedy(otherRunner, *otherTokenizer, line.value(prompt),
                                              options, nullptr, progress);
            if (quantized->promptIds != stored->promptIds)
                throw Error(Cli::tr("%1 and %2 tokenize the prompt into different ids: only "
                                    "models that share a tokenizer can be compared")
                                .arg(QDir::toNativeSeparators(other->sourcePath()),
                                     QDir::toNativeSeparators(model->sourcePath())));
        }
    }

    if (line.isSet(json)) {
        QJsonObject out{
            {QStringLiteral("model"), model->sourcePath()},
            {QStringLiteral("prompt"), line.value(prompt)},
            {QStringLiteral("prompt_tokens"), qint64(stored->promptIds.size())},
            {QStringLiteral("max_tokens"), options.maxNewTokens},
            {QStringLiteral("stored"), toJson(*stored)},
        };
        insertImportNotes(out, *model);
        if (opened)
            out.insert(QStringLiteral("project"), QFileInfo(source).absoluteFilePath());
        if (quantized) {
            if (plan) {
                out.insert(QStringLiteral("recipe"), plan->toJson());
                out.insert(QStringLiteral("quantized"), toJson(*quantized));
            } else {
                QJsonObject compared = toJson(*quantized);
                compared.insert(QStringLiteral("model"), other->sourcePath());
                insertImportNotes(compared, *other);
                out.insert(QStringLiteral("compared"), compared);
            }
            out.insert(QStringLiteral("agreeing_tokens"),
                       TextGenerator::agreeingTokens(*stored, *quantized));
        }
        printJson(out);
        return ExitSuccess;
    }
    printImportNotes(*model);
    if (other)
        printImportNotes(*other);
    std::vector<std::pair<QString, QString>> fields{
        {Cli::tr("Model"), QDir::toNativeSeparators(model->sourcePath())},
        {Cli::tr("Prompt"), Cli::tr("%n token(s)%1", nullptr, int(stored->promptIds.size()))
                                .arg(tokenizer->addsBos() ? Cli::tr(", BOS included") : QString())},
    };
    if (plan)
        fields.emplace_back(Cli::tr("Plan"), plan->describe());
    if (other)
        fields.emplace_back(Cli::tr("Compared"), QDir::toNativeSeparators(other->sourcePath()));
    fields.emplace_back(Cli::tr("Backend"), backendLabel(ComputeUse::of(*runner.backend())));
    QString text = formatFields(fields) + QLatin1Char('\n');
    text += section(Cli::tr("As stored"), *stored);
    if (quantized) {
        text += section(other ? QFileInfo(other->sourcePath()).fileName() : Cli::tr("Quantized"),
                        *quantized);
        const int agreeing = TextGenerator::agreeingTokens(*stored, *quantized);
        const int longest = int(std::max(stored->newIds.size(), quantized->newIds.size()));
        if (agreeing == longest)
            text += Cli::tr("The two continuations are the same, token for token.");
        else if (agreeing == 0)
            text += Cli::tr("The two continuations differ from their first token on.");
        else
            text += Cli::tr("The two continuations share their first %n token(s) of %1.", nullptr,
                            agreeing)
                        .arg(longest);
        text += QLatin1Char('\n');
    }
    printOut(text);
    return ExitSuccess;
}

} // namespace qb::cli
