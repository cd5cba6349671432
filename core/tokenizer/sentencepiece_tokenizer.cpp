#include "core/tokenizer/sentencepiece_tokenizer.h"

#include "core/util/error.h"

#include <QDir>
#include <QFile>

#include <sentencepiece_processor.h>

namespace qb {

SentencePieceTokenizer::SentencePieceTokenizer()
    : m_processor(std::make_unique<sentencepiece::SentencePieceProcessor>())
{
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::shared_ptr<SentencePieceTokenizer> SentencePieceTokenizer::open(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(tr("%1: cannot open the file: %2").arg(shown, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        throw Error(tr("%1: the file is empty").arg(shown));

    std::shared_ptr<SentencePieceTokenizer> tokenizer(new SentencePieceTokenizer);
    // Loaded from memory so that a path in any encoding works and the file is read once.
    const auto status = tokenizer->m_processor->LoadFromSerializedProto(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!status.ok())
        throw Error(tr("%1: not a sentencepiece model: %2")
                        .arg(shown, QString::fromStdString(status.ToString())));
    if (tokenizer->m_processor->GetPieceSize() <= 0)
        throw Error(tr("%1: the sentencepiece model has no pieces").arg(shown));
    const int bos = tokenizer->m_processor->bos_id();
    const int eos = tokenizer->m_processor->eos_id();
    if (bos >= 0)
        tokenizer->m_bosId = bos;
    if (eos >= 0)
        tokenizer->m_eosIds = {eos};
    return tokenizer;
}

std::vector<int> SentencePieceTokenizer::encode(const QString& text) const
{
    std::vector<int> ids;
    const QByteArray utf8 = text.toUtf8();
    const auto status = m_processor->Encode(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), &ids);
    if (!status.ok()) // only on an internal error of the library: the input is valid UTF-8
        throw Error(tr("sentencepiece could not encode the text: %1")
                        .arg(QString::fromStdString(status.ToString())));
    return ids;
}

QString SentencePieceTokenizer::decode(std::span<const int> ids) const
{
    std::vector<int> pieces;
    pieces.reserve(ids.size());
    for (int id : ids) {
        if (id >= 0 && id < vocabularySize() && !m_processor->IsControl(id))
            pieces.push_back(id);
    }
    std::string text;
    const auto status = m_processor->Decode(pieces, &text);
    if (!status.ok())
        throw Error(tr("sentencepiece could not decode the ids: %1")
                        .arg(QString::fromStdString(status.ToString())));
    return QString::fromStdString(text);
}

int SentencePieceTokenizer::vocabularySize() const
{
    return m_processor->GetPieceSize();
}

QString SentencePieceTokenizer::piece(int id) const
{
    if (id < 0 || id >= vocabularySize())
        return {};
    return QString::fromStdString(m_processor->IdToPiece(id));
}

std::optional<int> SentencePieceTokenizer::pieceId(const QString& piece) const
{
    const int id = m_processor->PieceToId(piece.toStdString());
    // PieceToId answers unk_id for unknown pieces: only the unk piece itself maps there.
    if (id == m_processor->unk_id() && m_processor->IdToPiece(id) != piece.toStdString())
        return std::nullopt;
    return id;
}

QString SentencePieceTokenizer::kind() const
{
    return tr("sentencepiece (tokenizer.model)");
}

} // namespace qb
