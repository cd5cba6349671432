#pragma once

#include "core/backend/compute_backend.h"
#include "core/model/forward_hooks.h"

#include <QCoreApplication>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace qb {

class LoadedModel;
class Progress;

// The residual stream of a batch of token sequences: all tokens of all sequences stacked as rows
// of one matrix [total tokens, hidden], sequence s occupying rows [starts[s], starts[s] +
// lengths[s]).
struct HiddenStates {
    RowMatrix values;
    std::vector<std::int64_t> starts;
    std::vector<std::int64_t> lengths;

    std::int64_t tokens() const { return values.rows(); }
    int sequences() const { return static_cast<int>(lengths.size()); }
};

// The rotated keys and the values of the positions one sequence has gone through, per block: what
// incremental decoding (TransformerRunner::extend) attends to instead of recomputing them. Rows
// are kept with spare capacity, so that extending by one position copies nothing.
class KeyValueCache {
public:
    // Positions the cache holds (the length of the sequence so far).
    std::int64_t positions() const { return m_positions; }
    // Bytes of float32 keys and values held, capacity included.
    std::int64_t bytes() const;

private:
    friend class TransformerRunner;
    std::vector<RowMatrix> m_keys;      // per block: [capacity, kvHeads · headDim], rotary applied
    std::vector<RowMatrix> m_values;    // per block: [capacity, kvHeads · headDim]
    std::vector<std::int64_t> m_filled; // per block: rows in use
    std::int64_t m_positions = 0;
};

// The Llama-family forward pass (llama, mistral, qwen2) as transformers computes it in float32:
// RMSNorm, rotary embeddings (rope_theta, the "llama3" rope_scaling), grouped-query attention
// with a causal mask, SwiGLU MLP, optional q/k/v biases, tied or separate lm_head. Each sequence
// of a batch attends only to itself; positions start at 0 in every sequence.
//
// It runs block by block so that callers (evaluation, layer-sequential calibration) decide what
// lives in memory: weights are read from the memory map in their own dtype and converted to
// float32 one block at a time (F32 weights are used in place), activations are float32. The linear
// layers' products run on the ComputeBackend; attention heads run in parallel.
//
// Immutable; one runner may serve several threads, each with its own HiddenStates.
class TransformerRunner {
    Q_DECLARE_TR_FUNCTIONS(TransformerRunner)

public:
    // Every linear layer's product runs on `backend` (null: the CPU); the rest (norms, rotary
    // embeddings, attention, activations) on the CPU's worker threads.
    explicit TransformerRunner(std::shared_ptr<const LoadedModel> model,
                               std::shared_ptr<const ComputeBackend> backend = nullptr);
    ~TransformerRunner();

    const LoadedModel& model() const { return *m_model; }
    const std::shared_ptr<const ComputeBackend>& backend() const { return m_backend; }

    // Checks what the forward pass needs beyond what loading checked (rope_scaling type, head
    // sizes); throws Error naming the field.
    void checkSupported() const;

    // The embeddings of `sequences`. Throws Error for an id outside the vocabulary.
    HiddenStates embed(const std::vector<std::vector<int>>& sequences) const;
    // Runs decoder block `block` over every sequence of `states`, in place. With maxBatchTokens,
    // the sequences go through in consecutive batches of at most that many tokens (a sequence
    // longer than that alone), which bounds the activations of a large calibration set; hooks
    // then see each batch as its own run. With `progress`, cancellation is polled between
    // sequences and row tiles (a block of a large model takes seconds): Cancelled is thrown and
    // `states` is then undefined.
    void runBlock(int block, HiddenStates& states, ForwardHooks* hooks = nullptr,
                  std::int64_t maxBatchTokens = 0, const Progress* progress = nullptr) const;
    // Receives the logits [rows, vocab] of positions [firstPosition, firstPosition + rows) of one
    // sequence. The matrix is reused after the call returns.
    using LogitsConsumer =
        std::function<void(int sequence, std::int64_t firstPosition, const RowMatrix& logits)>;
    // Maximum rows per LogitsConsumer call: a sequence longer than this arrives in parts.
    static constexpr std::int64_t kLogitRows = 512;

    // The final norm and lm_head, sequence by sequence and in parts of at most kLogitRows rows.
    // An lm_head stored in 16 bits is converted in vocabulary tiles, never whole, so its float32
    // copy is never in memory.
    void logits(const HiddenStates& states, const LogitsConsumer& consume,
                ForwardHooks* hooks = nullptr) const;
    // The final norm and lm_head of `rows` [n, hidden] (at most kLogitRows) into `out` [n, vocab].
    void logitRows(const Eigen::Ref<const RowMatrix>& rows, RowMatrix& out,
                   ForwardHooks* hooks = nullptr) const;
    // The final RMSNorm of `rows` [n, hidden]: the input of lm_head.
    RowMatrix finalNormRows(const Eigen::Ref<const RowMatrix>& rows) const;
    // Runs `ids`, the next positions of the one sequence `cache` holds (an empty cache: a new
    // sequence from position 0), through every block with the cached keys and values of the
    // earlier positions, appends the new ones to `cache`, and returns the last block's output
    // rows [ids, hidden] — logitRows() gives their logits, which equal forward()'s on the whole
    // sequence up to float rounding. For generation, where forward() would recompute every
    // earlier position at every step. Throws Error for an id outside the vocabulary or a
    // sequence longer than max_position_embeddings; Cancelled through `progress` (the cache is
    // then as it was before the call).
    RowMatrix extend(std::span<const int> ids, KeyValueCache& cache, ForwardHooks* hooks = nullptr,
                     const Progress* progress = nullptr) const;
    // embed, every block, logits: a convenience for small inputs and tests. Progress by block.
    void forward(const std::vector<std::vector<int>>& sequences, const LogitsConsumer& consume,
                 ForwardHooks* hooks = nullptr, Progress* progress = nullptr) const;

    // The two halves of a block, for quantizers that judge candidate weights by a sublayer's
    // output (AWQ). `x` holds rows that went through the sublayer's RMSNorm (and the input
    // site's prepareInput, which these functions do not call); it is consumed. `out`
    // receives the sublayer's output [rows, hidden], before the residual addition. Hooks are
    // used as in runBlock for everything inside (weights, outputs, the inputs of o_proj and
    // down_proj). The attention needs the sequences: rows [starts[s], starts[s] + lengths[s]).
    // With `cache` (one sequence only), the rows are the positions after the cached ones, which
    // they attend to too, and their keys and values are appended to it.
    void attentionSublayer(int block, RowMatrix& x, std::span<const std::int64_t> starts,
                           std::span<const std::int64_t> lengths, ForwardHooks* hooks,
                           RowMatrix& out, const Progress* progress = nullptr,
                           KeyValueCache* cache = nullptr) const;
    void mlpSublayer(int block, RowMatrix& x, ForwardHooks* hooks, RowMatrix& out,
                     const Progress* progress = nullptr) const;

    // Bytes of float32 working memory per token a block run needs (activations of one row tile),
    // so callers can size their batches.
    std::int64_t workingBytesPerToken() const;
    // Tokens per block run that keep its working memory near 256 MiB: the default batch of the
    // calibration runs.
    std::int64_t defaultBatchTokens() const;

private:
    // What every input site's input goes through before its linears read it: the model's own
    // activation rounding (an imported W8A8 or FP8 checkpoint, LoadedModel::roundActivations),
    // then hooks->onInput.
    void prepareInput(int inputGroup, RowMatrix& x, ForwardHooks* hooks) const;
    void runBlockOnce(int block, HiddenStates& states, ForwardHooks* hooks,
                      const Progress* progress, KeyValueCache* cache = nullptr) const;

    struct Rope;
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const ComputeBackend> m_backend;
    std::unique_ptr<Rope> m_rope;
};

} // namespace qb
