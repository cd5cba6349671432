#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace qb {

// Reading the small JSON files of a checkpoint and of QuantBench itself (config.json, the shard
// index, recipes) with one set of messages.
class JsonFile {
    Q_DECLARE_TR_FUNCTIONS(JsonFile)

public:
    // The JSON object held by the file at `path`. Throws Error naming the file when it cannot be
    // opened, is not valid JSON (with the parser's reason and byte offset) or is not an object.
    static QJsonObject readObject(const QString& path);
};

} // namespace qb
