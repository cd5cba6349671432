#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace qb {

// Words for JSON values in error messages: "the string \"64\"", "an array", "null".
class JsonText {
    Q_DECLARE_TR_FUNCTIONS(JsonText)

public:
    static QString describe(const QJsonValue& value);
};

} // namespace qb
