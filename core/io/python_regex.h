#pragma once

#include <QRegularExpression>
#include <QString>

namespace qb {

// A regex that matches the start of a text the way Python's re.match(pattern, text) does: anchored
// at the start only ("$" is needed to anchor the end). Checkpoint configs written for Python
// loaders (GPTQ's `dynamic`, compressed-tensors' "re:" targets) are matched with it. The group
// keeps an alternation inside `pattern` under the anchor. Check isValid() before use.
inline QRegularExpression pythonReMatchRegex(const QString& pattern)
{
    return QRegularExpression(QStringLiteral("\\A(?:%1)").arg(pattern));
}

} // namespace qb
