#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace qb {

// Reading and writing the small files of a checkpoint and of QuantBench itself (config.json, the
// shard index, recipes, reports, a rebuilt tokenizer.model), with one set of messages. Writes are
// atomic (QSaveFile): a file is replaced whole or not at all.
class JsonFile {
    Q_DECLARE_TR_FUNCTIONS(JsonFile)

public:
    // The JSON object held by the file at `path`. Throws Error naming the file when it cannot be
    // opened, is not valid JSON (with the parser's reason and byte offset) or is not an object.
    static QJsonObject readObject(const QString& path);
    // Writes `json`, indented, to `path` atomically, replacing the file. Returns why it could not
    // be written, or an empty string when it was: each caller names the file in its own message.
    [[nodiscard]] static QString writeObject(const QString& path, const QJsonObject& json);
    // The same, throwing Error "PATH: cannot write: REASON" on failure.
    static void write(const QString& path, const QJsonObject& json);
    // `bytes` into `path`, atomically. Throws Error naming the file on failure.
    static void writeBytes(const QString& path, const QByteArray& bytes);
};

} // namespace qb
