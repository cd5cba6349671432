#include "core/tokenizer/text_documents.h"

#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace qb {

namespace {

bool isJsonLines(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson");
}

bool isJsonArray(const QString& path)
{
    return QFileInfo(path).suffix().toLower() == QLatin1String("json");
}

// One record's document, or an Error naming `where` ("FILE: line 3", "FILE: [2]").
QString recordText(const QJsonValue& record, const QString& where)
{
    if (record.isString())
        return record.toString();
    if (!record.isObject())
        throw Error(TextDocuments::tr("%1: a record must be a string or an object with a string "
                                      "field \"text\", but it is %2")
                        .arg(where, JsonText::describe(record)));
    const QJsonObject object = record.toObject();
    const QJsonValue text = object.value(QLatin1String("text"));
    if (text.isUndefined()) {
        QStringList fields;
        for (const QString& key : object.keys())
            fields << QLatin1Char('"') + key + QLatin1Char('"');
        throw Error(TextDocuments::tr("%1: the record has no field \"text\" (its fields: %2)")
                        .arg(where, fields.isEmpty() ? TextDocuments::tr("none")
                                                     : fields.join(QStringLiteral(", "))));
    }
    if (!text.isString())
        throw Error(TextDocuments::tr("%1: the record's \"text\" must be a string, but it is %2")
                        .arg(where, JsonText::describe(text)));
    return text.toString();
}

void appendDocument(QStringList& documents, const QString& text)
{
    const QString document = text.trimmed();
    if (!document.isEmpty())
        documents << document;
}

} // namespace

bool TextDocuments::isDataset(const QString& path)
{
    return isJsonLines(path) || isJsonArray(path);
}

QString TextDocuments::formatDescription()
{
    return tr("UTF-8 text, documents split at <|endoftext|>, otherwise one per non-empty line; or "
              "a JSON Lines (*.jsonl) or JSON (*.json) dataset, one document per record: a string "
              "or an object's \"text\"");
}

QStringList TextDocuments::split(const QString& text)
{
    const QString separator = QLatin1String(kSeparator);
    const QStringList parts =
        text.contains(separator) ? text.split(separator) : text.split(QLatin1Char('\n'));
    QStringList documents;
    for (const QString& part : parts) {
        const QString document = part.trimmed();
        if (!document.isEmpty())
            documents << document;
    }
    return documents;
}

QStringList TextDocuments::fromFile(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(tr("%1: cannot open the file: %2").arg(shown, file.errorString()));
    QByteArray bytes = file.readAll();
    // A UTF-8 byte-order mark (editors on Windows write one) is not text.
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.contains('\0'))
        throw Error(tr("%1: not a text file (it holds NUL bytes)").arg(shown));
    // Stateless: a multi-byte sequence cut off at the end of the file is an error, not held back.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        throw Error(tr("%1: not UTF-8 text").arg(shown));
    QStringList documents;
    if (isJsonLines(path)) {
        const QList<QByteArray> lines = bytes.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            if (line.isEmpty())
                continue;
            const QString where = tr("%1: line %2").arg(shown, QString::number(i + 1));
            // A top-level string is not a JSON document for QJsonDocument: wrap the line.
            QJsonParseError error;
            const QJsonDocument wrapped = QJsonDocument::fromJson('[' + line + ']', &error);
            if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
                throw Error(tr("%1: not one JSON value (%2)")
                                .arg(where, error.error != QJsonParseError::NoError
                                                ? error.errorString()
                                                : tr("several values on one line")));
            appendDocument(documents, recordText(wrapped.array().first(), where));
        }
    } else if (isJsonArray(path)) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError)
            throw Error(tr("%1: not JSON: %2 at byte %3")
                            .arg(shown, error.errorString(), QString::number(error.offset)));
        if (!json.isArray())
            throw Error(tr("%1: a JSON dataset must be an array of records (strings, or objects "
                           "with a string field \"text\"); for JSON Lines name the file *.jsonl")
                            .arg(shown));
        const QJsonArray records = json.array();
        for (qsizetype i = 0; i < records.size(); ++i)
            appendDocument(
                documents,
                recordText(records[i], QStringLiteral("%1: [%2]").arg(shown, QString::number(i))));
    } else {
        documents = split(text);
    }
    if (documents.isEmpty())
        throw Error(tr("%1: the file holds no text").arg(shown));
    return documents;
}

} // namespace qb
