#include "tests/support/test_paths.h"

namespace qb::test {

QString dataDir()
{
    return QStringLiteral(QB_TEST_DATA_DIR);
}

QString demoModelDir()
{
    return QStringLiteral(QB_DEMO_MODEL_DIR);
}

QString binDir()
{
    return QStringLiteral(QB_BUILD_BIN_DIR);
}

} // namespace qb::test
