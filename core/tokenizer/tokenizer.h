#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace qb {

struct ModelSpec;

// The text tokenizer of a checkpoint: sentencepiece `tokenizer.model` or Hugging Face
// `tokenizer.json` (BPE). Immutable after load(); encode() and decode() are thread-safe.
class Tokenizer {
    Q_DECLARE_TR_FUNCTIONS(Tokenizer)

public:
    virtual ~Tokenizer();

    // Token ids of `text` as the model's tokenizer produces them for a plain encode without
    // special tokens added: no BOS, no EOS (the caller adds BOS where its protocol wants one).
    virtual std::vector<int> encode(const QString& text) const = 0;
    // The text of `ids`. Special tokens (BOS, EOS, …) are left out, as the reference decoders do
    // with skip_special_tokens.
    virtual QString decode(std::span<const int> ids) const = 0;
    // Number of ids the tokenizer can produce (the largest id + 1).
    virtual int vocabularySize() const = 0;
    // The piece an id stands for ("▁the", "Ġthe", "<0x0A>"), or an empty string for an unknown id.
    virtual QString piece(int id) const = 0;
    virtual std::optional<int> pieceId(const QString& piece) const = 0;
    // A short description for people: "sentencepiece BPE", "byte-level BPE (tokenizer.json)".
    virtual QString kind() const = 0;

    std::optional<int> bosId() const { return m_bosId; }
    const std::vector<int>& eosIds() const { return m_eosIds; }
    // Whether sequences of this model start with BOS (the tokenizer's add_bos_token or its
    // post-processor template). Evaluation and calibration prepend BOS only when this is true.
    bool addsBos() const { return m_addsBos && m_bosId.has_value(); }

    // The tokenizer of the checkpoint in `directory`: tokenizer.json when present, else
    // tokenizer.model. BOS/EOS come from config.json (`spec`), else tokenizer_config.json.
    // Throws Error naming the file and what is wrong with it.
    static std::shared_ptr<const Tokenizer> load(const QString& directory, const ModelSpec& spec);

protected:
    std::optional<int> m_bosId;
    std::vector<int> m_eosIds;
    bool m_addsBos = true;

private:
    void resolveSpecialTokens(const QString& directory, const ModelSpec& spec);
};

} // namespace qb
