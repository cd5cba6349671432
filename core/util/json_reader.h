#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstdint>

namespace qb {

// Reads fields of a JSON document that QuantBench wrote (scans, reports, projects) and refuses a
// missing or mistyped one with an Error naming the source, the field's path and what it held:
// "scan.json: layers[3].kl must be a number, but it is the string \"x\"".
//
// `where` is the path of the object a field is read from ("layers[3]"; empty for the top level).
class JsonReader {
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    explicit JsonReader(QString source);

    const QString& source() const { return m_source; }

    // "where.key", or "key" at the top level.
    static QString path(const QString& where, const QString& key);

    [[noreturn]] void fail(const QString& where, const QString& expected,
                           const QJsonValue& value) const;
    // The field, which must be present.
    QJsonValue field(const QJsonObject& object, const QString& where, const QString& key) const;
    // A finite number.
    double number(const QJsonObject& object, const QString& where, const QString& key) const;
    // A whole number in [min, max].
    std::int64_t integer(const QJsonObject& object, const QString& where, const QString& key,
                         double min, double max) const;
    bool boolean(const QJsonObject& object, const QString& where, const QString& key) const;
    // A non-empty string.
    QString string(const QJsonObject& object, const QString& where, const QString& key) const;
    QJsonArray array(const QJsonObject& object, const QString& where, const QString& key) const;
    QJsonObject object(const QJsonValue& value, const QString& where) const;

private:
    QString m_source;
};

} // namespace qb
