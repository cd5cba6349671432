#pragma once

#include <QString>

#include <vector>

namespace qb::test {

// An independent, deliberately plain float32 implementation of the Llama forward pass and of the
// perplexity protocol, for cross-checking TransformerRunner and PerplexityEvaluator: scalar loops
// over weights read straight from the safetensors files, written from the transformers
// definitions (RMSNorm, rotate_half RoPE, grouped-query attention, SwiGLU, tied or separate
// lm_head), sharing no code with core/model. Slow; for small models only. Supports F32, F16 and
// BF16 weights, no rope_scaling, no biases.
class ReferenceLlama {
public:
    explicit ReferenceLlama(const QString& modelDirectory);

    // Log-probabilities [tokens.size(), vocab] of the next token after each position.
    std::vector<std::vector<float>> logProbabilities(const std::vector<int>& tokens) const;

    // Total NLL (nats) and tokens scored of a window scoring tokens[firstScored..] (each predicted
    // from the window's earlier tokens).
    std::pair<double, long long> windowNll(const std::vector<int>& tokens, long long firstScored) const;

private:
    struct Layer;
    int m_hidden = 0, m_intermediate = 0, m_heads = 0, m_kvHeads = 0, m_headDim = 0, m_vocab = 0;
    float m_eps = 0.0f;
    float m_theta = 0.0f;
    std::vector<float> m_embed, m_finalNorm, m_lmHead;
    std::vector<std::vector<float>> m_inputNorm, m_postNorm, m_q, m_k, m_v, m_o, m_gate, m_up, m_down;
};

} // namespace qb::test
