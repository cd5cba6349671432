#pragma once

#include <QString>
#include <QTest>

// Fails the current test with a message built only when the condition is false (QVERIFY2 builds
// its message every time, which is too slow inside loops over every weight).
#define QB_CHECK(condition, message)                                                               \
    do {                                                                                           \
        if (!(condition))                                                                          \
            QFAIL(qPrintable(message));                                                            \
    } while (false)

namespace qb::test {

// A number for a failure message, with every digit that matters.
inline QString num(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace qb::test
