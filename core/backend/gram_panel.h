#pragma once

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
    Best,     // the widest instruction set this CPU has that the build carries a kernel for
    Baseline, // the instruction set the whole build is compiled for (QB_CPU_ARCH)
};

struct GramPanelKernel {
    GramPanelProduct product = nullptr;
    const char* instructionSet = ""; // "AVX-512", or "" for the build's own instruction set
};

// The panel product for `set`. Best picks AVX-512 (x86-64-v4) when the build could compile that
// kernel (core/backend/gram_panel_avx512.cpp) and this CPU and OS support it; else the baseline.
GramPanelKernel gramPanelKernel(CpuKernelSet set);

} // namespace qb
