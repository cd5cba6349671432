#include "core/metrics/perplexity.h"

#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/json_reader.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <optional>

namespace qb {

double NllScore::perplexity() const
{
    return std::exp(nllPerToken());
}

double EvaluationResult::tokensPerSecond() const
{
    const int variants = modified ? 2 : 1;
    return seconds > 0.0 ? double(inputTokens) * variants / seconds : 0.0;
}

QJsonObject EvaluationResult::toJson() const
{
    QJsonObject json{
        {QStringLiteral("perplexity"), reference.perplexity()},
        {QStringLiteral("nll"), reference.nllPerToken()},
        {QStringLiteral("nll_total"), reference.totalNll},
        {QStringLiteral("tokens"), qint64(reference.tokensScored)},
        {QStringLiteral("input_tokens"), qint64(inputTokens)},
        {QStringLiteral("documents"), documents},
        {QStringLiteral("windows"), windows},
        {QStringLiteral("context_length"), contextLength},
        {QStringLiteral("stride"), stride},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("tokens_per_second"), tokensPerSecond()},
        {QStringLiteral("backend"), compute.toJson()},
    };
    if (modified) {
        json.insert(QStringLiteral("modified"),
                    QJsonObject{{QStringLiteral("perplexity"), modified->perplexity()},
                                {QStringLiteral("nll"), modified->nllPerToken()},
                                {QStringLiteral("nll_total"), modified->totalNll},
                                {QStringLiteral("tokens"), qint64(modified->tokensScored)}});
    }
    if (meanKl)
        json.insert(QStringLiteral("kl"), *meanKl);
    if (sameTopToken)
        json.insert(QStringLiteral("same_top"), *sameTopToken);
    return json;
}

EvaluationResult EvaluationResult::fromJson(const QJsonObject& json, const QString& source)
{
    constexpr double kMaxCount = 9.0e15; // exact in a double
    const JsonReader read(source);
    const QString top;
    const auto score = [&](const QJsonObject& object, const QString& where) {
        NllScore s;
        s.tokensScored = read.integer(object, where, QStringLiteral("tokens"), 0, kMaxCount);
        s.totalNll = read.number(object, where, QStringLiteral("nll_total"));
        if (s.totalNll < 0.0)
            read.fail(JsonReader::path(where, QStringLiteral("nll_total")),
                      PerplexityEvaluator::tr("a number of 0 or more"),
                      object.value(QLatin1String("nll_total")));
        return s;
    };
    EvaluationResult result;
    result.reference = score(json, top);
    result.inputTokens = read.integer(json, top, QStringLiteral("input_tokens"), 0, kMaxCount);
    result.documents = int(read.integer(json, top, QStringLiteral("documents"), 0, 1 << 30));
    result.windows = int(read.integer(json, top, QStringLiteral("windows"), 0, 1 << 30));
    result.contextLength =
        int(read.integer(json, top, QStringLiteral("context_length"), 0, 1 << 30));
    result.stride = int(read.integer(json, top, QStringLiteral("stride"), 0, 1 << 30));
    result.seconds = read.number(json, top, QStringLiteral("seconds"));
    result.compute = ComputeUse::fromJson(read.field(json, top, QStringLiteral("backend")), read,
                                          QStringLiteral("backend"));
    if (json.contains(QLatin1String("modified"))) {
        const QString where = QStringLiteral("modified");
        result.modified = score(read.object(json.value(where), where), where);
    }
    if (json.contains(QLatin1String("kl"))) {
        if (!result.modified)
            read.fail(QStringLiteral("kl"), PerplexityEvaluator::tr("absent without \"modified\""),
                      json.value(QLatin1String("kl")));
        result.meanKl = read.number(json, top, QStringLiteral("kl"));
    }
    if (json.contains(QLatin1String("same_top"))) {
        const QJsonValue value = json.value(QLatin1String("same_top"));
        if (!result.modified)
            read.fail(QStringLiteral("same_top"),
                      PerplexityEvaluator::tr("absent without \"modified\""), value);
        const double fraction = read.number(json, top, QStringLiteral("same_top"));
        if (fraction < 0.0 || fraction > 1.0)
            read.fail(QStringLiteral("same_top"), PerplexityEvaluator::tr("a fraction from 0 to 1"),
                      value);
        result.sameTopToken = fraction;
    }
    return result;
}

std::vector<EvaluationWindow> PerplexityEvaluator::windows(const Tokenizer& tokenizer,
                                                           const QStringList& documents,
                                                           int contextLength, int stride)
{
    std::vector<EvaluationWindow> result;
    for (const QString& document : documents) {
        std::vector<int> ids;
        if (tokenizer.addsBos())
            ids.push_back(*tokenizer.bosId());
        const std::vector<int> encoded = tokenizer.encode(document);
        ids.insert(ids.end(), encoded.begin(), encoded.end());
        const auto length = static_cast<std::int64_t>(ids.size());
        std::int64_t scoredUpTo = 0; // tokens before this index are scored (or are the first)
        for (std::int64_t begin = 0; begin < length; begin += stride) {
            const std::int64_t end = std::min<std::int64_t>(begin + contextLength, length);
            const std::int64_t firstTarget = std::max(scoredUpTo, begin + 1);
            if (firstTarget < end) {
                EvaluationWindow window;
                window.tokens.assign(ids.begin() + begin, ids.begin() + end);
                window.firstScored = firstTarget - begin;
                result.push_back(std::move(window));
            }
            scoredUpTo = end;
            if (end == length)
                break;
        }
    }
    return result;
}

EvaluationProtocol PerplexityEvaluator::protocol(const ModelSpec& spec, const Tokenizer& tokenizer,
                                                 const QStringList& documents,
                                                 const PerplexityOptions& options,
                                                 Progress& progress)
{
    EvaluationProtocol protocol;
    const int context =
        options.contextLength > 0 ? options.contextLength : spec.maxPositionEmbeddings;
    const int stride = options.stride > 0 ? options.stride : context;
    if (context < 2)
        throw Error(tr("the context length must be at least 2 tokens, not %1").arg(context));
    if (stride > context)
        throw Error(tr("the stride (%1) must not exceed the context length (%2): tokens between "
                       "windows would never be scored")
                        .arg(stride)
                        .arg(context));
    if (tokenizer.vocabularySize() > spec.vocabSize)
        throw Error(tr("the tokenizer has %1 tokens but the model only %2: they do not belong "
                       "together")
                        .arg(tokenizer.vocabularySize())
                        .arg(spec.vocabSize));

    progress.report(0.0, tr("Tokenizing %n document(s)", nullptr, int(documents.size())));
    protocol.contextLength = context;
    protocol.stride = stride;
    protocol.windows = windows(tokenizer, documents, context, stride);
    if (protocol.windows.empty())
        throw Error(tr("the text has no token to score (every document is a single token)"));
    return protocol;
}

std::vector<std::pair<std::size_t, std::size_t>>
PerplexityEvaluator::batches(const std::vector<EvaluationWindow>& windows, int contextLength,
                             std::int64_t batchBytes, std::int64_t bytesPerToken)
{
    const std::int64_t batchTokens = std::max<std::int64_t>(
        contextLength, batchBytes / std::max<std::int64_t>(1, bytesPerToken));
    std::vector<std::pair<std::size_t, std::size_t>> result;
    for (std::size_t first = 0; first < windows.size();) {
        std::int64_t batchSize = 0;
        std::size_t last = first;
        while (last < windows.size()
               && (last == first
                   || batchSize + std::int64_t(windows[last].tokens.size()) <= batchTokens)) {
            batchSize += std::int64_t(windows[last].tokens.size());
            ++last;
        }
        result.emplace_back(first, last);
        first = last;
    }
    return result;
}

double PerplexityEvaluator::logSumExp(const float* logits, std::int64_t vocab)
{
    float peak = logits[0];
    for (std::int64_t i = 1; i < vocab; ++i)
        peak = std::max(peak, logits[i]);
    double sum = 0.0;
    for (std::int64_t i = 0; i < vocab; ++i)
        sum += std::exp(double(logits[i]) - double(peak));
    return double(peak) + std::log(sum);
}

double PerplexityEvaluator::klDivergence(const float* reference, double referenceLse,
                                         const float* modified, double modifiedLse,
                                         std::int64_t vocab)
{
    double kl = 0.0;
    for (std::int64_t v = 0; v < vocab; ++v) {
        const double logP = double(reference[v]) - referenceLse;
        const double logQ = double(modified[v]) - modifiedLse;
        kl += std::exp(logP) * (logP - logQ);
    }
    return kl;
}

namespace {

struct PositionScore {
    double referenceNll = 0.0;
    double modifiedNll = 0.0;
    double kl = 0.0;
    bool sameTop = false;
    bool scored = false;
};

// The index of the largest of `count` logits; the lowest on a tie.
std::int64_t topToken(const float* logits, std::int64_t count)
{
    return std::max_element(logits, logits + count) - logits;
}

} // namespace

EvaluationResult PerplexityEvaluator::evaluate(const std::shared_ptr<const LoadedModel>& model,
                                               const Tokenizer& tokenizer,
                                               const QStringList& documents,
                                               const PerplexityOptions& options,
                                               ForwardHooks* modified, Progress& progress)
{
    const EvaluationProtocol protocol =
        PerplexityEvaluator::protocol(model->spec(), tokenizer, documents, options, progress);
    return run(model, protocol, static_cast<int>(documents.size()), options, modified, nullptr,
               progress);
}

void PerplexityEvaluator::requireSameVocabulary(const LoadedModel& model, const LoadedModel& other)
{
    if (other.spec().vocabSize != model.spec().vocabSize)
        throw Error(tr("%1 has a vocabulary of %2 tokens and %3 one of %4: only models that read "
                       "the same token ids can be compared")
                        .arg(QDir::toNativeSeparators(other.sourcePath()))
                        .arg(other.spec().vocabSize)
                        .arg(QDir::toNativeSeparators(model.sourcePath()))
                        .arg(model.spec().vocabSize));
}

PerplexityEvaluator::Compared PerplexityEvaluator::openToCompare(const QString& path,
                                                                 const LoadedModel& reference)
{
    Compared compared;
    compared.model = LoadedModel::open(path);
    requireSameVocabulary(reference, *compared.model);
    compared.tokenizer = Tokenizer::load(compared.model->directory(), compared.model->spec());
    return compared;
}

EvaluationResult PerplexityEvaluator::compare(const std::shared_ptr<const LoadedModel>& model,
                                              const Tokenizer& tokenizer,
                                              const std::shared_ptr<const LoadedModel>& other,
                                              const Tokenizer& otherTokenizer,
                                              const QStringList& documents,
                                              const PerplexityOptions& options, Progress& progress)
{
    const QString modelPath = QDir::toNativeSeparators(model->sourcePath());
    const QString otherPath = QDir::toNativeSeparators(other->sourcePath());
    requireSameVocabulary(*model, *other);
    const EvaluationProtocol protocol =
        PerplexityEvaluator::protocol(model->spec(), tokenizer, documents, options, progress);
    if (other->spec().maxPositionEmbeddings < protocol.contextLength)
        throw Error(tr("%1 reads at most %2 positions, fewer than the windows of %3 tokens; give "
                       "a shorter context length")
                        .arg(otherPath)
                        .arg(other->spec().maxPositionEmbeddings)
                        .arg(protocol.contextLength));
    // Both models must see the same ids: the other tokenizer cuts the text the same way.
    const std::vector<EvaluationWindow> otherWindows =
        windows(otherTokenizer, documents, protocol.contextLength, protocol.stride);
    for (std::size_t w = 0; w < protocol.windows.size(); ++w) {
        if (w >= otherWindows.size() || otherWindows[w].tokens != protocol.windows[w].tokens)
            throw Error(tr("%1 and %2 tokenize the text into different ids (window %3 differs): "
                           "only models that share a tokenizer can be compared")
                            .arg(otherPath, modelPath)
                            .arg(w + 1));
    }
    if (otherWindows.size() != protocol.windows.size())
        throw Error(tr("%1 and %2 tokenize the text into different ids (%3 windows against %4): "
                       "only models that share a tokenizer can be compared")
                        .arg(otherPath, modelPath)
                        .arg(otherWindows.size())
                        .arg(protocol.windows.size()));
    return run(model, protocol, static_cast<int>(documents.size()), options, nullptr, other,
               progress);
}

EvaluationResult PerplexityEvaluator::run(const std::shared_ptr<const LoadedModel>& model,
                                          const EvaluationProtocol& protocol, int documents,
                                          const PerplexityOptions& options, ForwardHooks* hooks,
                                          const std::shared_ptr<const LoadedModel>& other,
                                          Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    const ModelSpec& spec = model->spec();
    const int context = protocol.contextLength;
    const std::vector<EvaluationWindow>& windows = protocol.windows;
    EvaluationResult result;
    result.documents = documents;
    result.windows = static_cast<int>(windows.size());
    result.contextLength = context;
    result.stride = protocol.stride;
    const bool modified = hooks || other;
    if (modified)
        result.modified = NllScore{};
    for (const EvaluationWindow& w : windows)
        result.inputTokens += static_cast<std::int64_t>(w.tokens.size());

    const TransformerRunner runner(model, options.backend);
    // The modified variant's runner: the other model's own, or this one with the hooks.
    std::optional<TransformerRunner> otherRunner;
    if (other)
        otherRunner.emplace(other, options.backend);
    const TransformerRunner& changedRunner = otherRunner ? *otherRunner : runner;
    const int blocks = spec.numHiddenLayers;
    const int changedBlocks = changedRunner.model().spec().numHiddenLayers;
    const int steps = std::max(blocks, changedBlocks);
    const std::int64_t vocab = spec.vocabSize;
    double klSum = 0.0;
    std::int64_t sameTopCount = 0;
    std::int64_t tokensDone = 0;

    for (const auto& [first, last] :
         batches(windows, context, options.batchBytes,
                 std::max(runner.workingBytesPerToken(), changedRunner.workingBytesPerToken()))) {
        std::vector<std::vector<int>> batch;
        std::int64_t batchSize = 0;
        for (std::size_t w = first; w < last; ++w) {
            batch.push_back(windows[w].tokens);
            batchSize += std::int64_t(windows[w].tokens.size());
        }

        HiddenStates reference = runner.embed(batch);
        std::optional<HiddenStates> changed;
        if (other)
            changed = changedRunner.embed(batch);
        else if (hooks)
            changed = reference;
        for (int b = 0; b < steps; ++b) {
            progress.throwIfCancelled();
            progress.report((double(tokensDone) + double(batchSize) * b / (steps + 1))
                                / double(result.inputTokens),
                            tr("Evaluating: block %1 of %2").arg(b + 1).arg(steps));
            if (b < blocks)
                runner.runBlock(b, reference, nullptr, 0, &progress);
            if (changed && b < changedBlocks)
                changedRunner.runBlock(b, *changed, hooks, 0, &progress);
        }
        progress.report((double(tokensDone) + double(batchSize) * steps / (steps + 1))
                            / double(result.inputTokens),
                        tr("Evaluating: scoring"));

        RowMatrix referenceLogits;
        RowMatrix changedLogits;
        for (int s = 0; s < reference.sequences(); ++s) {
            progress.throwIfCancelled();
            const EvaluationWindow& window = windows[first + std::size_t(s)];
            const std::int64_t start = reference.starts[std::size_t(s)];
            const std::int64_t length = reference.lengths[std::size_t(s)];
            for (std::int64_t part = 0; part < length; part += TransformerRunner::kLogitRows) {
                const std::int64_t rows = std::min(TransformerRunner::kLogitRows, length - part);
                runner.logitRows(reference.values.middleRows(start + part, rows), referenceLogits);
                if (changed)
                    changedRunner.logitRows(changed->values.middleRows(start + part, rows),
                                            changedLogits, hooks);
                std::vector<PositionScore> scores(static_cast<std::size_t>(rows));
                parallelFor(rows, 4, [&](std::int64_t begin, std::int64_t end) {
                    for (std::int64_t p = begin; p < end; ++p) {
                        // Position part + p predicts token part + p + 1 of the window.
                        const std::int64_t target = part + p + 1;
                        if (target < window.firstScored || target >= length)
                            continue;
                        PositionScore& score = scores[std::size_t(p)];
                        score.scored = true;
                        const int token = window.tokens[std::size_t(target)];
                        const float* ref = referenceLogits.row(p).data();
                        const double refLse = logSumExp(ref, vocab);
                        score.referenceNll = refLse - double(ref[token]);
                        if (!changed)
                            continue;
                        const float* mod = changedLogits.row(p).data();
                        const double modLse = logSumExp(mod, vocab);
                        score.modifiedNll = modLse - double(mod[token]);
                        score.kl = klDivergence(ref, refLse, mod, modLse, vocab);
                        score.sameTop = topToken(ref, vocab) == topToken(mod, vocab);
                    }
                });
                // Summed in position order, so the result does not depend on the threads.
                for (const PositionScore& score : scores) {
                    if (!score.scored)
                        continue;
                    ++result.reference.tokensScored;
                    result.reference.totalNll += score.referenceNll;
                    if (result.modified) {
                        ++result.modified->tokensScored;
                        result.modified->totalNll += score.modifiedNll;
                        klSum += score.kl;
                        sameTopCount += score.sameTop ? 1 : 0;
                    }
                }
            }
        }
        tokensDone += batchSize;
    }
    if (result.modified) {
        const auto scored = double(result.reference.tokensScored);
        result.meanKl = scored > 0 ? klSum / scored : 0.0;
        result.sameTopToken = scored > 0 ? double(sameTopCount) / scored : 1.0;
    }
    result.seconds = timer.nsecsElapsed() * 1e-9;
    result.compute = ComputeUse::of(*runner.backend());
    progress.report(
        1.0, tr("Perplexity %1").arg(QLocale().toString(result.reference.perplexity(), 'f', 4)));
    return result;
}

} // namespace qb
