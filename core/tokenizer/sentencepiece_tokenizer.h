#pragma once

#include "core/tokenizer/tokenizer.h"

#include <QByteArray>
#include <QCoreApplication>

#include <memory>
#include <optional>
#include <vector>

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

    // One piece of the vocabulary as the model stores it: its UTF-8 text, score and type — the
    // ModelProto piece types, which llama.cpp's token_type uses too: 1 normal, 2 unknown,
    // 3 control, 5 unused, 6 byte (libsentencepiece does not tell user-defined pieces apart, so
    // they are reported as normal).
    struct PieceInfo {
        QByteArray text;
        float score = 0.0f;
        int type = 1;
    };
    std::vector<PieceInfo> pieces() const;
    std::optional<int> unknownId() const;

    // A serialized sentencepiece ModelProto (protobuf wire format) of a byte-fallback BPE model
    // with `pieces`, the special ids given (-1: none) and Llama's normalizer (identity, a dummy
    // prefix, whitespace kept): what llama.cpp's "llama" tokenizer and Llama's tokenizer.model
    // are. Loads with open().
    static QByteArray llamaModelProto(const std::vector<PieceInfo>& pieces, int unkId, int bosId,
                                      int eosId);

private:
    SentencePieceTokenizer();
    std::unique_ptr<sentencepiece::SentencePieceProcessor> m_processor;
};

} // namespace qb
