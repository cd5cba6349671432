#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace qb {

// Reading and writing the small JSON files of a checkpoint and of QuantBench itself (config.json,
// the shard index, recipes, reports); reading with one set of messages.
class JsonFile {
    Q_DECLARE_TR_FUNCTIONS(JsonFile)

public:
    // The JSON object held by the file at `path`. Throws Error naming the file when it cannot be
    // opened, is not valid JSON (with the parser's reason and byte offset) or is not an object.
    static QJsonObject readObject(const QString& path);
    // Writes `json`, indented, to `path` atomically, replacing the file. Returns why it could not
    // be written, or an empty string when it was: each caller names the file in its own message.
    [[nodiscard]] static QString writeObject(const QString& path, const QJsonObject& json);
};

} // namespace qb
