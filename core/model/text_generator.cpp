#include "core/model/text_generator.h"

#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QElapsedTimer>

#include <algorithm>

namespace qb {

namespace {

// The most probable id of one row of logits; the lowest id on a tie.
int argmax(const RowMatrix& logits, Eigen::Index row)
{
    Eigen::Index best = 0;
    logits.row(row).maxCoeff(&best);
    return static_cast<int>(best);
}

// The text `newIds` add after `promptIds`: decoded together, so that a leading space (a
// sentencepiece "▁" the decoder drops at the start of a text) is kept.
QString continuationOf(const Tokenizer& tokenizer, const std::vector<int>& promptIds,
                       const QString& prompt, const std::vector<int>& newIds)
{
    std::vector<int> all = promptIds;
    all.insert(all.end(), newIds.begin(), newIds.end());
    const QString whole = tokenizer.decode(all);
    return whole.startsWith(prompt) ? whole.mid(prompt.size()) : tokenizer.decode(newIds);
}

} // namespace

GeneratedText TextGenerator::greedy(const TransformerRunner& runner, const Tokenizer& tokenizer,
                                    const QString& prompt, const GenerationOptions& options,
                                    ForwardHooks* hooks, Progress& progress,
                                    const TokenConsumer& onToken)
{
    QElapsedTimer timer;
    timer.start();
    GeneratedText result;
    if (tokenizer.addsBos())
        result.promptIds.push_back(*tokenizer.bosId());
    const std::vector<int> ids = tokenizer.encode(prompt);
    result.promptIds.insert(result.promptIds.end(), ids.begin(), ids.end());
    if (result.promptIds.empty())
        throw Error(tr("the prompt is empty: there is nothing to continue"));
    result.prompt = tokenizer.decode(result.promptIds);

    const std::int64_t limit = runner.model().spec().maxPositionEmbeddings;
    const auto promptLength = static_cast<std::int64_t>(result.promptIds.size());
    if (limit > 0 && promptLength >= limit)
        throw Error(tr("the prompt is %1 tokens long; the model reads at most %2")
                        .arg(promptLength)
                        .arg(limit));
    const int wanted = std::max(0, options.maxNewTokens);
    const auto& eos = tokenizer.eosIds();

    KeyValueCache cache;
    RowMatrix hidden = runner.extend(result.promptIds, cache, hooks, &progress);
    RowMatrix logits;
    for (int n = 0; n < wanted; ++n) {
        if (limit > 0 && cache.positions() >= limit)
            break;
        progress.throwIfCancelled();
        runner.logitRows(hidden.bottomRows(1), logits, hooks);
        const int next = argmax(logits, 0);
        result.newIds.push_back(next);
        result.continuation =
            continuationOf(tokenizer, result.promptIds, result.prompt, result.newIds);
        if (onToken)
            onToken(next, result.continuation);
        progress.report(double(n + 1) / wanted,
                        tr("Generating: %1 of %2 tokens").arg(n + 1).arg(wanted));
        if (options.stopAtEos && std::find(eos.begin(), eos.end(), next) != eos.end()) {
            result.stoppedAtEos = true;
            break;
        }
        if (n + 1 < wanted)
            hidden = runner.extend(std::span<const int>(&result.newIds.back(), 1), cache, hooks,
                                   &progress);
    }
    result.seconds = timer.nsecsElapsed() * 1e-9;
    return result;
}

GenerationComparison TextGenerator::compare(const Tokenizer& tokenizer, GeneratedText stored,
                                            std::optional<GeneratedText> quantized,
                                            QString planDescription)
{
    GenerationComparison comparison;
    comparison.planDescription = std::move(planDescription);
    if (quantized) {
        comparison.agreeingTokens = agreeingTokens(stored, *quantized);
        const std::vector<int> shared(stored.newIds.begin(),
                                      stored.newIds.begin() + comparison.agreeingTokens);
        const QString sharedText =
            continuationOf(tokenizer, stored.promptIds, stored.prompt, shared);
        if (stored.continuation.startsWith(sharedText)
            && quantized->continuation.startsWith(sharedText)) {
            comparison.sharedLength = int(sharedText.size());
        } else {
            const QString& a = stored.continuation;
            const QString& b = quantized->continuation;
            const auto [endA, endB] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
            comparison.sharedLength = int(endA - a.begin());
        }
    } else {
        comparison.agreeingTokens = int(stored.newIds.size());
        comparison.sharedLength = int(stored.continuation.size());
    }
    comparison.stored = std::move(stored);
    comparison.quantized = std::move(quantized);
    return comparison;
}

int TextGenerator::agreeingTokens(const GeneratedText& a, const GeneratedText& b)
{
    const auto [endA, endB] =
        std::mismatch(a.newIds.begin(), a.newIds.end(), b.newIds.begin(), b.newIds.end());
    return static_cast<int>(endA - a.newIds.begin());
}

} // namespace qb
