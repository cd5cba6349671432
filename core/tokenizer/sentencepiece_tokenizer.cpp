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

std::vector<SentencePieceTokenizer::PieceInfo> SentencePieceTokenizer::pieces() const
{
    std::vector<PieceInfo> result(static_cast<std::size_t>(vocabularySize()));
    for (int id = 0; id < vocabularySize(); ++id) {
        PieceInfo& piece = result[static_cast<std::size_t>(id)];
        const std::string text = m_processor->IdToPiece(id);
        piece.text = QByteArray(text.data(), static_cast<qsizetype>(text.size()));
        piece.score = m_processor->GetScore(id);
        piece.type = m_processor->IsUnknown(id)   ? 2
                     : m_processor->IsControl(id) ? 3
                     : m_processor->IsUnused(id)  ? 5
                     : m_processor->IsByte(id)    ? 6
                                                  : 1;
    }
    return result;
}

std::optional<int> SentencePieceTokenizer::unknownId() const
{
    const int id = m_processor->unk_id();
    return id >= 0 ? std::optional<int>(id) : std::nullopt;
}

namespace {

// Protobuf wire format (https://protobuf.dev/programming-guides/encoding/): what a ModelProto
// needs, by field number and wire type.
void appendVarint(QByteArray& out, std::uint64_t value)
{
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

void appendTag(QByteArray& out, int field, int wireType)
{
    appendVarint(out,
                 static_cast<std::uint64_t>(field) << 3 | static_cast<std::uint64_t>(wireType));
}

void appendVarintField(QByteArray& out, int field, std::int64_t value)
{
    appendTag(out, field, 0);
    appendVarint(out, static_cast<std::uint64_t>(value)); // negatives: ten bytes, as int32 fields
}

void appendBytesField(QByteArray& out, int field, const QByteArray& bytes)
{
    appendTag(out, field, 2);
    appendVarint(out, static_cast<std::uint64_t>(bytes.size()));
    out.append(bytes);
}

void appendFloatField(QByteArray& out, int field, float value)
{
    appendTag(out, field, 5);
    out.append(reinterpret_cast<const char*>(&value), sizeof(value)); // little-endian
}

} // namespace

QByteArray SentencePieceTokenizer::llamaModelProto(const std::vector<PieceInfo>& pieces, int unkId,
                                                   int bosId, int eosId)
{
    // sentencepiece_model.proto: ModelProto {1: pieces, 2: trainer_spec, 3: normalizer_spec};
    // SentencePiece {1: piece, 2: score, 3: type}; TrainerSpec {3: model_type (2 = BPE),
    // 4: vocab_size, 35: byte_fallback, 40: unk_id, 41: bos_id, 42: eos_id, 43: pad_id};
    // NormalizerSpec {1: name, 3: add_dummy_prefix, 4: remove_extra_whitespaces,
    // 5: escape_whitespaces}.
    QByteArray proto;
    for (const PieceInfo& piece : pieces) {
        QByteArray message;
        appendBytesField(message, 1, piece.text);
        appendFloatField(message, 2, piece.score);
        appendVarintField(message, 3, piece.type);
        appendBytesField(proto, 1, message);
    }
    QByteArray trainer;
    appendVarintField(trainer, 3, 2);
    appendVarintField(trainer, 4, static_cast<std::int64_t>(pieces.size()));
    appendVarintField(trainer, 35, 1);
    appendVarintField(trainer, 40, unkId);
    appendVarintField(trainer, 41, bosId);
    appendVarintField(trainer, 42, eosId);
    appendVarintField(trainer, 43, -1);
    appendBytesField(proto, 2, trainer);
    QByteArray normalizer;
    appendBytesField(normalizer, 1, QByteArrayLiteral("identity"));
    appendVarintField(normalizer, 3, 1);
    appendVarintField(normalizer, 4, 0);
    appendVarintField(normalizer, 5, 1);
    appendBytesField(proto, 3, normalizer);
    return proto;
}

QString SentencePieceTokenizer::kind() const
{
    return tr("sentencepiece (tokenizer.model)");
}

} // namespace qb
