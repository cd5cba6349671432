#include "core/model/linear_product.h"

#include "core/util/parallel.h"

#include <algorithm>

namespace qb {

std::int64_t linearColumnsPerTask(std::int64_t rows, std::int64_t inner)
{
    return std::max<std::int64_t>(16, (std::int64_t(1) << 20)
                                          / std::max<std::int64_t>(1, rows * inner));
}

void linearProduct(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                   RowMatrix& y)
{
    const Eigen::Map<const RowMatrix> w(weight, out, x.cols());
    y.resize(x.rows(), out);
    parallelFor(out, linearColumnsPerTask(x.rows(), x.cols()),
                [&](std::int64_t begin, std::int64_t end) {
                    y.middleCols(begin, end - begin).noalias() =
                        x * w.middleRows(begin, end - begin).transpose();
                });
    if (bias)
        y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bias, out);
}

} // namespace qb
