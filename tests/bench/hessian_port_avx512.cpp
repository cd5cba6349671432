// The product step of bench_quant's X^T X port (GPTQ's add_batch) compiled for AVX-512, called
// only where the CPU has it: it tells how the port would do if the reference's BLAS used AVX-512
// too (the published reference does not: its 20.8 s are 106 GFLOP/s, half the AVX2 port's rate).
// Isolated as core/backend/cpu_kernels_avx512.cpp is: Eigen under a renamed namespace, nothing else
// included.
#define Eigen QbEigenAvx512
#include <Eigen/Core>

#include <cstdint>

namespace qb::bench {

// product[:, begin:end] = inp · inp[begin:end, :]ᵀ for inp [k, b] and product [k, k], both
// column-major.
void hessianPortProductAvx512(const float* inp, std::int64_t k, std::int64_t b, std::int64_t begin,
                              std::int64_t end, float* product)
{
    const QbEigenAvx512::Map<const QbEigenAvx512::MatrixXf> in(inp, k, b);
    QbEigenAvx512::Map<QbEigenAvx512::MatrixXf> out(product, k, k);
    out.middleCols(begin, end - begin).noalias() =
        in * in.middleRows(begin, end - begin).transpose();
}

} // namespace qb::bench

#undef Eigen
