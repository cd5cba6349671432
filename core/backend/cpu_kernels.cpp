#include "core/backend/cpu_kernels.h"

#include <Eigen/Core>

#include <cstdlib>
#include <cstring>

namespace qb {

#ifdef QB_HAVE_AVX512_KERNELS
namespace detail {
// core/backend/cpu_kernels_avx512.cpp, compiled for x86-64-v4: call only where the CPU has it.
void gramPanelProductAvx512(const float* a, std::int64_t lda, std::int64_t m, std::int64_t rows,
                            std::int64_t width, float* partial);
void linearSliceProductAvx512(const float* x, std::int64_t rows, std::int64_t inner, const float* w,
                              std::int64_t begin, std::int64_t end, float* y, std::int64_t ldy);
} // namespace detail
#endif

namespace {

void gramPanelProductBaseline(const float* a, std::int64_t lda, std::int64_t m, std::int64_t rows,
                              std::int64_t width, float* partial)
{
    using Block =
        Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0,
                   Eigen::OuterStride<>>;
    const Block block(a, m, rows, Eigen::OuterStride<>(lda));
    Eigen::Map<Eigen::MatrixXf> out(partial, rows, width);
    out.noalias() = block.transpose() * block.leftCols(width);
}

#ifdef QB_HAVE_AVX512_KERNELS
// QUANTBENCH_CPU_KERNELS=baseline keeps every product on the build's own instruction set: float
// sums then round the same on every CPU the build runs on (results reproducible across machines).
bool baselineRequested()
{
    const char* value = std::getenv("QUANTBENCH_CPU_KERNELS");
    return value && std::strcmp(value, "baseline") == 0;
}

bool cpuRunsAvx512()
{
    // x86-64-v4's AVX-512 subsets; libgcc also checks that the OS saves the zmm registers.
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
           && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
           && __builtin_cpu_supports("avx512cd");
}
#endif

} // namespace

CpuKernels cpuKernels(CpuKernelSet set)
{
#ifdef QB_HAVE_AVX512_KERNELS
    static const bool avx512 = cpuRunsAvx512() && !baselineRequested();
    if (set == CpuKernelSet::Best && avx512)
        return {&detail::gramPanelProductAvx512, &detail::linearSliceProductAvx512, "AVX-512"};
#else
    static_cast<void>(set); // only the build's own kernels exist
#endif
    return {&gramPanelProductBaseline, &linearSliceProduct, ""};
}

} // namespace qb
