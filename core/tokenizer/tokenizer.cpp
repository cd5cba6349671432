#include "core/tokenizer/tokenizer.h"

#include "core/io/json_file.h"
#include "core/model/model_spec.h"
#include "core/tokenizer/hf_tokenizer.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QFileInfo>

namespace qb {

Tokenizer::~Tokenizer() = default;

namespace {

// A special token of tokenizer_config.json: "<s>" or {"content": "<s>", …}.
std::optional<QString> specialTokenText(const QJsonObject& config, const char* key)
{
    const QJsonValue value = config.value(QLatin1String(key));
    if (value.isString())
        return value.toString();
    if (value.isObject() && value.toObject().value(QLatin1String("content")).isString())
        return value.toObject().value(QLatin1String("content")).toString();
    return std::nullopt;
}

} // namespace

std::shared_ptr<const Tokenizer> Tokenizer::load(const QString& directory, const ModelSpec& spec)
{
    const QDir dir(directory);
    const QString jsonPath = dir.filePath(QStringLiteral("tokenizer.json"));
    const QString modelPath = dir.filePath(QStringLiteral("tokenizer.model"));
    std::shared_ptr<Tokenizer> tokenizer;
    if (QFileInfo::exists(jsonPath)) {
        auto hf = HfTokenizer::open(jsonPath);
        // A post-processor template that starts with a special token adds it as BOS.
        hf->m_addsBos = hf->templateBosId().has_value();
        if (hf->templateBosId() && !hf->m_bosId)
            hf->m_bosId = hf->templateBosId();
        tokenizer = hf;
    } else if (QFileInfo::exists(modelPath)) {
        tokenizer = SentencePieceTokenizer::open(modelPath);
    } else {
        throw Error(tr("%1: neither tokenizer.json nor tokenizer.model is in this folder; "
                       "evaluation and calibration need the model's tokenizer")
                        .arg(QDir::toNativeSeparators(directory)));
    }
    tokenizer->resolveSpecialTokens(directory, spec);
    return tokenizer;
}

void Tokenizer::resolveSpecialTokens(const QString& directory, const ModelSpec& spec)
{
    const QString configPath = QDir(directory).filePath(QStringLiteral("tokenizer_config.json"));
    QJsonObject config;
    if (QFileInfo::exists(configPath))
        config = JsonFile::readObject(configPath);
    const QString shownConfig = QDir::toNativeSeparators(configPath);

    auto idOf = [&](const char* key) -> std::optional<int> {
        const std::optional<QString> text = specialTokenText(config, key);
        if (!text)
            return std::nullopt;
        const std::optional<int> id = pieceId(*text);
        if (!id)
            throw Error(tr("%1: %2 \"%3\" is not a token of the tokenizer")
                            .arg(shownConfig, QLatin1String(key), *text));
        return id;
    };
    // config.json is what transformers' generation and the model use; tokenizer_config.json
    // fills in what it leaves out; the tokenizer's own defaults come last.
    if (spec.bosTokenId)
        m_bosId = spec.bosTokenId;
    else if (const auto id = idOf("bos_token"))
        m_bosId = id;
    if (!spec.eosTokenIds.empty())
        m_eosIds = spec.eosTokenIds;
    else if (const auto id = idOf("eos_token"))
        m_eosIds = {*id};

    const QJsonValue addBos = config.value(QLatin1String("add_bos_token"));
    if (addBos.isBool())
        m_addsBos = addBos.toBool();
    else if (!addBos.isUndefined() && !addBos.isNull())
        throw Error(tr("%1: field \"add_bos_token\" must be true or false, but it is %2")
                        .arg(shownConfig, JsonText::describe(addBos)));

    const QString source =
        QDir::toNativeSeparators(QDir(directory).filePath(QStringLiteral("config.json")));
    const int vocabulary = vocabularySize();
    if (m_bosId && (*m_bosId < 0 || *m_bosId >= vocabulary))
        throw Error(tr("%1: bos_token_id %2 is not an id of the tokenizer (it has %3 tokens)")
                        .arg(source)
                        .arg(*m_bosId)
                        .arg(vocabulary));
    for (int eos : m_eosIds) {
        if (eos < 0 || eos >= vocabulary)
            throw Error(tr("%1: eos_token_id %2 is not an id of the tokenizer (it has %3 tokens)")
                            .arg(source)
                            .arg(eos)
                            .arg(vocabulary));
    }
}

} // namespace qb
