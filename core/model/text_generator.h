#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace qb {

class ForwardHooks;
class Progress;
class Tokenizer;
class TransformerRunner;

struct GenerationOptions {
    int maxNewTokens = 64;
    bool stopAtEos = true; // stop after the model gives one of its EOS ids
};

// A prompt and the continuation a model gave it.
struct GeneratedText {
    std::vector<int> promptIds; // BOS when the model starts sequences with it, then the prompt's
    std::vector<int> newIds;    // the continuation, the EOS that ended it included
    QString prompt;             // the prompt as its ids decode
    QString continuation;       // the text newIds add to the prompt (leading space kept)
    bool stoppedAtEos = false;
    double seconds = 0.0; // the whole generation: prompt and continuation
};

// The stored model's and the quantized model's continuations of one prompt, and where they part:
// the snapshot the GUI's Generation panel draws.
struct GenerationComparison {
    GeneratedText stored;
    std::optional<GeneratedText> quantized; // none when the plan quantizes nothing
    QString planDescription;                // of the quantized model's plan
    int agreeingTokens = 0;                 // leading tokens the two continuations share
    // Characters the shared tokens make up at the start of both continuations: where each one's
    // own text starts (the whole stored continuation when there is no quantized one).
    int sharedLength = 0;
};

// Text generation, for seeing what quantization does to what a model writes. Greedy: each next
// token is the most probable one (the lowest id on a tie), so that a run is deterministic and the
// same prompt shows exactly where a quantized model departs from the stored one. The prompt runs
// once and every new token once, the earlier positions' keys and values cached
// (TransformerRunner::extend).
class TextGenerator {
    Q_DECLARE_TR_FUNCTIONS(TextGenerator)

public:
    // Called with each new token's id and the continuation so far, as it is generated.
    using TokenConsumer = std::function<void(int id, const QString& continuation)>;

    // Generates up to options.maxNewTokens tokens after `prompt` (stopping at the model's
    // max_position_embeddings too) with `hooks` (null: the model as stored). Throws Error for an
    // empty prompt (no token), Cancelled through `progress` (polled between tokens and blocks).
    static GeneratedText greedy(const TransformerRunner& runner, const Tokenizer& tokenizer,
                                const QString& prompt, const GenerationOptions& options,
                                ForwardHooks* hooks, Progress& progress,
                                const TokenConsumer& onToken = {});

    // How many leading tokens two continuations share.
    static int agreeingTokens(const GeneratedText& a, const GeneratedText& b);

    // `stored` and `quantized` compared: the shared tokens and the length of the text they make up
    // in each continuation (decoded with the prompt, as the continuations are; the common prefix
    // of the two texts when a tokenizer's pieces do not decode as a prefix).
    static GenerationComparison compare(const Tokenizer& tokenizer, GeneratedText stored,
                                        std::optional<GeneratedText> quantized,
                                        QString planDescription);
};

} // namespace qb
