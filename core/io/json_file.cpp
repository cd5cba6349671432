#include "core/io/json_file.h"

#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace qb {

QJsonObject JsonFile::readObject(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(tr("%1: cannot open the file: %2").arg(shown, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw Error(tr("%1: not valid JSON (%2 at byte %3)")
                        .arg(shown, parseError.errorString())
                        .arg(parseError.offset));
    if (!doc.isObject())
        throw Error(tr("%1: the file must hold a JSON object").arg(shown));
    return doc.object();
}

QString JsonFile::writeObject(const QString& path, const QJsonObject& json)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return file.errorString();
    return {};
}

void JsonFile::write(const QString& path, const QJsonObject& json)
{
    if (const QString reason = writeObject(path, json); !reason.isEmpty())
        throw Error(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), reason));
}

void JsonFile::writeBytes(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(
            tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
}

} // namespace qb
