// Compiled for the baseline instruction set whatever QB_CPU_ARCH says (see core/CMakeLists.txt):
// this code runs on CPUs the rest of the program cannot run on.
#include "core/util/cpu_support.h"

#include <QStringList>

// What the rest of the build was compiled for, from core/util/cpu_features.cpp (compiled with
// the project's flags). Reading these variables executes no instruction of that set.
extern "C" const bool qbBuiltWithAvx2;
extern "C" const bool qbBuiltWithFma;
extern "C" const bool qbBuiltWithAvx512;

namespace qb {

QString CpuSupport::problem()
{
    QStringList missing;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (qbBuiltWithAvx2 && !__builtin_cpu_supports("avx2"))
        missing << QStringLiteral("AVX2");
    if (qbBuiltWithFma && !__builtin_cpu_supports("fma"))
        missing << QStringLiteral("FMA");
    if (qbBuiltWithAvx512 && !__builtin_cpu_supports("avx512f"))
        missing << QStringLiteral("AVX-512");
#endif
    if (missing.isEmpty())
        return {};
    return tr("This build of QuantBench uses instructions this processor does not have (%1). "
              "Rebuild it for this machine: scripts/build -DQB_CPU_ARCH=native")
        .arg(missing.join(QStringLiteral(", ")));
}

} // namespace qb
