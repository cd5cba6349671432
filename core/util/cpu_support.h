#pragma once

#include <QCoreApplication>
#include <QString>

namespace qb {

// Whether this CPU can run this build: the code is compiled for an instruction set (QB_CPU_ARCH,
// by default x86-64-v3 = AVX2 + FMA) that older CPUs lack; running it there would crash with an
// illegal instruction somewhere deep inside. Both executables call this first thing and refuse
// with the message instead.
class CpuSupport {
    Q_DECLARE_TR_FUNCTIONS(CpuSupport)

public:
    // Empty when the CPU has every feature the build uses, else what is missing and what to do.
    static QString problem();
};

} // namespace qb
