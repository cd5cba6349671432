#include "core/model/linear_product.h"

#include "core/util/parallel.h"

#include <algorithm>

namespace qb {

std::int64_t linearColumnsPerTask(std::int64_t rows, std::int64_t inner)
{
    return std::max<std::int64_t>(16, (std::int64_t(1) << 20)
                                          / std::max<std::int64_t>(1, rows * inner));
}

void linearSliceProduct(const float* x, std::int64_t rows, std::int64_t inner, const float* w,
                        std::int64_t begin, std::int64_t end, float* y, std::int64_t ldy)
{
    const Eigen::Map<const RowMatrix> input(x, rows, inner);
    const Eigen::Map<const RowMatrix> weight(w + begin * inner, end - begin, inner);
    Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>> output(y + begin, rows, end - begin,
                                                          Eigen::OuterStride<>(ldy));
    output.noalias() = input * weight.transpose();
}

void linearProduct(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                   RowMatrix& y, LinearSliceProduct slice)
{
    if (!slice)
        slice = &linearSliceProduct;
    y.resize(x.rows(), out);
    parallelFor(out, linearColumnsPerTask(x.rows(), x.cols()),
                [&](std::int64_t begin, std::int64_t end) {
                    slice(x.data(), x.rows(), x.cols(), weight, begin, end, y.data(), out);
                });
    if (bias)
        y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bias, out);
}

} // namespace qb
