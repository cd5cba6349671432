#include "core/util/json_reader.h"

#include "core/util/error.h"
#include "core/util/json_text.h"

#include <cmath>

namespace qb {

JsonReader::JsonReader(QString source)
    : m_source(std::move(source))
{
}

QString JsonReader::path(const QString& where, const QString& key)
{
    return where.isEmpty() ? key : where + QLatin1Char('.') + key;
}

void JsonReader::fail(const QString& where, const QString& expected, const QJsonValue& value) const
{
    throw Error(tr("%1: %2 must be %3, but it is %4")
                    .arg(m_source, where, expected, JsonText::describe(value)));
}

QJsonValue JsonReader::field(const QJsonObject& object, const QString& where,
                             const QString& key) const
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        throw Error(
            tr("%1: %2 has no \"%3\"").arg(m_source, where.isEmpty() ? m_source : where, key));
    return value;
}

double JsonReader::number(const QJsonObject& object, const QString& where, const QString& key) const
{
    const QJsonValue value = field(object, where, key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        fail(path(where, key), tr("a number"), value);
    return value.toDouble();
}

std::int64_t JsonReader::integer(const QJsonObject& object, const QString& where,
                                 const QString& key, double min, double max) const
{
    const QJsonValue value = field(object, where, key);
    const double d = value.toDouble();
    if (!value.isDouble() || d != std::floor(d) || d < min || d > max)
        fail(path(where, key), tr("a whole number from %1 to %2").arg(min).arg(max), value);
    return static_cast<std::int64_t>(d);
}

bool JsonReader::boolean(const QJsonObject& object, const QString& where, const QString& key) const
{
    const QJsonValue value = field(object, where, key);
    if (!value.isBool())
        fail(path(where, key), tr("true or false"), value);
    return value.toBool();
}

QString JsonReader::string(const QJsonObject& object, const QString& where,
                           const QString& key) const
{
    const QJsonValue value = field(object, where, key);
    if (!value.isString() || value.toString().isEmpty())
        fail(path(where, key), tr("a non-empty string"), value);
    return value.toString();
}

QJsonArray JsonReader::array(const QJsonObject& object, const QString& where,
                             const QString& key) const
{
    const QJsonValue value = field(object, where, key);
    if (!value.isArray())
        fail(path(where, key), tr("an array"), value);
    return value.toArray();
}

QJsonObject JsonReader::object(const QJsonValue& value, const QString& where) const
{
    if (!value.isObject())
        fail(where, tr("an object"), value);
    return value.toObject();
}

} // namespace qb
