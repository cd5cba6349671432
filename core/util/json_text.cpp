#include "core/util/json_text.h"

#include <QLocale>

namespace qb {

QString JsonText::describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? tr("the boolean true") : tr("the boolean false");
    case QJsonValue::Double:
        // Shortest round-trip form: the default 6 significant digits would print 2.0000001 as
        // "2" in a message that refuses it for not being an integer.
        return tr("the number %1").arg(value.toDouble(), 0, 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String:
        return tr("the string \"%1\"").arg(value.toString());
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("missing");
}

} // namespace qb
