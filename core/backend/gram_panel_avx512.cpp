// The X^T X panel product compiled for x86-64-v4 (AVX-512), called only on CPUs that have it
// (gramPanelKernel in gram_panel.cpp checks). On a CPU with AVX-512 Eigen's float product runs
// about 1.3–1.7× faster with it than with the build's AVX2 kernels, and X^T X is where
// calibration spends its time.
//
// Isolation: everything compiled here must stay private to this file, or the linker could pick
// this file's AVX-512 copy of an inline function for callers on CPUs without it. So:
// - Eigen is included with its namespace renamed (QbEigenAvx512), so none of its templates share a
//   name with the instances the rest of the build makes;
// - nothing else is included (no project header, no Qt, no std container is instantiated);
// - tests/core/check_isa_isolation.cmake fails the build's tests if this object defines any
//   external symbol but the entry point and QbEigenAvx512's.
#define Eigen QbEigenAvx512
#include <Eigen/Core>

#include <cstdint>

namespace qb::detail {

void gramPanelProductAvx512(const float* a, std::int64_t lda, std::int64_t m, std::int64_t rows,
                            std::int64_t width, float* partial)
{
    using RowBlock = QbEigenAvx512::Map<
        const QbEigenAvx512::Matrix<float, QbEigenAvx512::Dynamic, QbEigenAvx512::Dynamic,
                                    QbEigenAvx512::RowMajor>,
        0, QbEigenAvx512::OuterStride<>>;
    const RowBlock block(a, m, rows, QbEigenAvx512::OuterStride<>(lda));
    QbEigenAvx512::Map<QbEigenAvx512::MatrixXf> out(partial, rows, width);
    out.noalias() = block.transpose() * block.leftCols(width);
}

} // namespace qb::detail

#undef Eigen
