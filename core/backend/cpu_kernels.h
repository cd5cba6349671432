#pragma once

#include "core/model/linear_product.h"

#include <cstdint>

namespace qb {

// One panel of X^T X in float32, the inner step of CpuBackend::accumulateGram:
//   partial [rows, width] (column-major, leading dimension `rows`) = Aᵀ · A[:, 0:width]
// where A is the m × rows block of a row-major float matrix that starts at `a`, with row stride
// `lda` (≥ rows) floats. `partial` is overwritten. Sums over the m rows are rounded in float.
using GramPanelProduct = void (*)(const float* a, std::int64_t lda, std::int64_t m,
                                  std::int64_t rows, std::int64_t width, float* partial);

// Which code the CPU backend runs its products with.
enum class CpuKernelSet {
    Best,     // the widest instruction set this CPU has that the build carries kernels for
    Baseline, // the instruction set the whole build is compiled for (QB_CPU_ARCH)
};

// The CPU backend's two float products — X^T X's panels and the linear layers' output slices
// (linear_product.h) — for one instruction set.
struct CpuKernels {
    GramPanelProduct gramPanel = nullptr;
    LinearSliceProduct linearSlice = nullptr;
    const char* instructionSet = ""; // "AVX-512", or "" for the build's own instruction set
};

// The kernels for `set`. Best picks AVX-512 (x86-64-v4) when the build could compile those kernels
// (core/backend/cpu_kernels_avx512.cpp) and this CPU and OS support it, unless the environment
// variable QUANTBENCH_CPU_KERNELS is "baseline" (read once); else the baseline.
CpuKernels cpuKernels(CpuKernelSet set);

} // namespace qb
