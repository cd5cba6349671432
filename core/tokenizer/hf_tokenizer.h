#pragma once

#include "core/tokenizer/tokenizer.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace qb {

// A Hugging Face `tokenizer.json` with a BPE model, implemented here (no dependency): byte-level
// BPE with its pre-tokenizer split (GPT-2, Llama 3, Qwen2) and sentencepiece-style BPE with "▁"
// and byte fallback (Llama 2, Mistral); added and special tokens; the normalizers,
// pre-tokenizers and decoders those files use. Anything else in the file is refused by open()
// with a message naming the field, rather than tokenized wrongly.
class HfTokenizer final : public Tokenizer {
    Q_DECLARE_TR_FUNCTIONS(HfTokenizer)

public:
    // Throws Error naming the file and the field when the file is not a tokenizer.json this class
    // can run (broken JSON, a non-BPE model, an unknown normalizer/pre-tokenizer/decoder type,
    // merges naming pieces not in the vocabulary, …).
    static std::shared_ptr<HfTokenizer> open(const QString& path);
    static std::shared_ptr<HfTokenizer> fromJson(const QJsonObject& json, const QString& source);
    ~HfTokenizer() override;

    std::vector<int> encode(const QString& text) const override;
    QString decode(std::span<const int> ids) const override;
    int vocabularySize() const override;
    QString piece(int id) const override;
    std::optional<int> pieceId(const QString& piece) const override;
    QString kind() const override;

    // Whether the file's post-processor template starts sequences with a special token, and
    // which: how tokenizer.json says "add BOS" (nullopt when it has no template).
    std::optional<int> templateBosId() const;

private:
    struct Impl;
    explicit HfTokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace qb
