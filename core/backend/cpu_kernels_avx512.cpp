// The CPU backend's float products (cpu_kernels.h) compiled for x86-64-v4 (AVX-512), called only
// on CPUs that have it (cpuKernels in cpu_kernels.cpp checks). On a CPU with AVX-512 Eigen's float
// products run about 1.3–1.7× faster with it than with the build's AVX2 kernels; X^T X is where
// calibration spends its time, and the linear product where the forward passes do.
//
// Isolation: everything compiled here must stay private to this file, or the linker could pick
// this file's AVX-512 copy of an inline function for callers on CPUs without it. So:
// - Eigen is included with its namespace renamed (QbEigenAvx512), so none of its templates share a
//   name with the instances the rest of the build makes;
// - nothing else is included (no project header, no Qt, no std container is instantiated);
// - tests/core/check_isa_isolation.cmake fails the build's tests if this object defines any
//   external symbol but the entry points and QbEigenAvx512's.
#define Eigen QbEigenAvx512
#include <Eigen/Core>

#include <cstdint>

namespace qb::detail {

namespace {
using RowMajorFloat = QbEigenAvx512::Matrix<float, QbEigenAvx512::Dynamic, QbEigenAvx512::Dynamic,
                                            QbEigenAvx512::RowMajor>;
using Strided = QbEigenAvx512::OuterStride<>;
} // namespace

// As gramPanelProductBaseline (cpu_kernels.cpp).
void gramPanelProductAvx512(const float* a, std::int64_t lda, std::int64_t m, std::int64_t rows,
                            std::int64_t width, float* partial)
{
    const QbEigenAvx512::Map<const RowMajorFloat, 0, Strided> block(a, m, rows, Strided(lda));
    QbEigenAvx512::Map<QbEigenAvx512::MatrixXf> out(partial, rows, width);
    out.noalias() = block.transpose() * block.leftCols(width);
}

// As linearSliceProduct (core/model/linear_product.cpp).
void linearSliceProductAvx512(const float* x, std::int64_t rows, std::int64_t inner, const float* w,
                              std::int64_t begin, std::int64_t end, float* y, std::int64_t ldy)
{
    const QbEigenAvx512::Map<const RowMajorFloat> input(x, rows, inner);
    const QbEigenAvx512::Map<const RowMajorFloat> weight(w + begin * inner, end - begin, inner);
    QbEigenAvx512::Map<RowMajorFloat, 0, Strided> output(y + begin, rows, end - begin,
                                                         Strided(ldy));
    output.noalias() = input * weight.transpose();
}

} // namespace qb::detail

#undef Eigen
