#pragma once

#include "core/backend/compute_backend.h"
#include "core/quant/quant_report.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace qb {

class ForwardHooks;
class LoadedModel;
class Progress;
class Tokenizer;
struct ModelSpec;

struct PerplexityOptions {
    int contextLength = 0; // inputs per window; 0: the model's max_position_embeddings
    int stride = 0; // tokens between window starts; 0: contextLength (windows do not overlap)
    // Working memory for one batch of windows (activations; weights are extra). Larger batches
    // convert each block's weights fewer times.
    std::int64_t batchBytes = std::int64_t(256) << 20;
    // Where the linear layers' products run (null: the CPU).
    std::shared_ptr<const ComputeBackend> backend;
};

// Negative log-likelihood of the scored tokens, in nats.
struct NllScore {
    std::int64_t tokensScored = 0;
    double totalNll = 0.0;

    double nllPerToken() const { return tokensScored > 0 ? totalNll / double(tokensScored) : 0.0; }
    double perplexity() const;
};

// The result of an evaluation: the model as stored, and optionally a modified model (quantized
// weights through hooks) on exactly the same windows with the mean KL divergence between them.
struct EvaluationResult {
    int documents = 0;
    int windows = 0;
    std::int64_t inputTokens = 0; // tokens fed to the model per variant
    int contextLength = 0;
    int stride = 0;
    NllScore reference;
    std::optional<NllScore> modified;
    // Mean over scored positions of KL(P_reference ‖ P_modified) of the next-token distributions,
    // in nats.
    std::optional<double> meanKl;
    // Fraction of scored positions where both models rank the same next token first (llama.cpp's
    // "same top p"): how often quantization changes what greedy decoding would write.
    std::optional<double> sameTopToken;
    double seconds = 0.0;
    ComputeUse compute; // where the products ran

    // Forward throughput: input tokens of all variants per second.
    double tokensPerSecond() const;
    QJsonObject toJson() const;
    // Reads what toJson() wrote ("same_top" may be absent: evaluations saved before it). Throws
    // Error naming `source` and the field when one is missing, mistyped or out of range (negative
    // counts, a non-finite NLL, a KL or a same-top fraction without a modified model).
    static EvaluationResult fromJson(const QJsonObject& json, const QString& source);
};

// One window of the protocol: the tokens fed to the model, and the index of the first token it
// scores (every later token is predicted from the window's earlier tokens).
struct EvaluationWindow {
    std::vector<int> tokens;
    std::int64_t firstScored = 1;
};

// The windows of an evaluation and the context length and stride they were cut with.
struct EvaluationProtocol {
    int contextLength = 0;
    int stride = 0;
    std::vector<EvaluationWindow> windows;
};

// Perplexity by the protocol of the golden data (tests/data/golden/stories260K/ppl.json): each
// document scored alone as BOS + ids (BOS when the tokenizer adds one), in windows of at most
// contextLength inputs starting every `stride` tokens; a window scores the tokens after its first
// that no earlier window scored. perplexity = exp(total NLL / tokens scored).
class PerplexityEvaluator {
    Q_DECLARE_TR_FUNCTIONS(PerplexityEvaluator)

public:
    static std::vector<EvaluationWindow> windows(const Tokenizer& tokenizer,
                                                 const QStringList& documents, int contextLength,
                                                 int stride);
    // The protocol of `options` on a model of `spec` (its context length and stride resolved,
    // PerplexityOptions says how) and the windows of `documents`, reporting the tokenizing on
    // `progress`. Throws Error when the context length or stride is unusable, the tokenizer does
    // not belong to the model, or no token is left to score.
    static EvaluationProtocol protocol(const ModelSpec& spec, const Tokenizer& tokenizer,
                                       const QStringList& documents,
                                       const PerplexityOptions& options, Progress& progress);
    // How `windows` are run in batches: consecutive ranges [first, last) of whole windows, each
    // within the tokens that `batchBytes` of working memory holds at `bytesPerToken`
    // (TransformerRunner::workingBytesPerToken()), or `contextLength` when that is more, and
    // each of at least one window.
    static std::vector<std::pair<std::size_t, std::size_t>>
    batches(const std::vector<EvaluationWindow>& windows, int contextLength,
            std::int64_t batchBytes, std::int64_t bytesPerToken);

    // log Σ exp(logits) of one row of `vocab` logits, in double: the row's log normalizer.
    static double logSumExp(const float* logits, std::int64_t vocab);
    // KL(P ‖ Q) in nats of the next-token distributions of two rows of `vocab` logits, given each
    // row's logSumExp().
    static double klDivergence(const float* reference, double referenceLse, const float* modified,
                               double modifiedLse, std::int64_t vocab);

    // Evaluates `documents`. With `modified`, runs the model twice in lockstep — as stored and
    // through the hooks — and also reports the modified perplexity and the mean KL. Throws Error
    // for options that do not fit the model, Cancelled when cancelled.
    static EvaluationResult evaluate(const std::shared_ptr<const LoadedModel>& model,
                                     const Tokenizer& tokenizer, const QStringList& documents,
                                     const PerplexityOptions& options, ForwardHooks* modified,
                                     Progress& progress);
    // Evaluates `documents` with `model` and, in lockstep on exactly the same windows, with
    // `other`: another model reading the same token ids — a checkpoint quantized elsewhere, an
    // export read back, a GGUF — run with its own embeddings, norms and head. `other` is the
    // modified model of the result (its perplexity, the KL of its next-token distributions from
    // `model`'s and the same-top share). Throws Error when `other` has another vocabulary size,
    // a shorter context than the windows need, or its tokenizer (`otherTokenizer`) cuts the
    // text into other ids; Cancelled when cancelled.
    // Throws Error unless `other` reads the token ids of `model` (the same vocabulary size): what
    // compare() checks first.
    static void requireSameVocabulary(const LoadedModel& model, const LoadedModel& other);
    // A checkpoint opened to be compared with a model, and its tokenizer.
    struct Compared {
        std::shared_ptr<const LoadedModel> model;
        std::shared_ptr<const Tokenizer> tokenizer;
    };
    // Opens the checkpoint at `path` (LoadedModel::open: a folder or a GGUF file, imported when
    // packed) for compare() or a side-by-side generation with `reference`: checks its vocabulary
    // (requireSameVocabulary) before loading its tokenizer, so that a model of another vocabulary
    // is refused for that reason. Throws Error.
    static Compared openToCompare(const QString& path, const LoadedModel& reference);
    static EvaluationResult compare(const std::shared_ptr<const LoadedModel>& model,
                                    const Tokenizer& tokenizer,
                                    const std::shared_ptr<const LoadedModel>& other,
                                    const Tokenizer& otherTokenizer, const QStringList& documents,
                                    const PerplexityOptions& options, Progress& progress);

private:
    // evaluate() and compare(): the modified variant is `model` through `hooks`, or `other`.
    static EvaluationResult run(const std::shared_ptr<const LoadedModel>& model,
                                const EvaluationProtocol& protocol, int documents,
                                const PerplexityOptions& options, ForwardHooks* hooks,
                                const std::shared_ptr<const LoadedModel>& other,
                                Progress& progress);
};

} // namespace qb
