#pragma once

#include "core/tokenizer/tokenizer.h"

#include <QCoreApplication>

#include <memory>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace qb {

// A sentencepiece `tokenizer.model` (unigram or BPE), run by libsentencepiece, the reference
// implementation. Its BOS/EOS come from the model unless config.json says otherwise.
class SentencePieceTokenizer final : public Tokenizer {
    Q_DECLARE_TR_FUNCTIONS(SentencePieceTokenizer)

public:
    // Throws Error naming the file when it cannot be read or is not a sentencepiece model.
    static std::shared_ptr<SentencePieceTokenizer> open(const QString& path);
    ~SentencePieceTokenizer() override;

    std::vector<int> encode(const QString& text) const override;
    QString decode(std::span<const int> ids) const override;
    int vocabularySize() const override;
    QString piece(int id) const override;
    std::optional<int> pieceId(const QString& piece) const override;
    QString kind() const override;

private:
    SentencePieceTokenizer();
    std::unique_ptr<sentencepiece::SentencePieceProcessor> m_processor;
};

} // namespace qb
