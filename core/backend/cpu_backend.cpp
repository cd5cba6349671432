#include "core/backend/cpu_backend.h"

#include "core/model/linear_product.h"
#include "core/util/parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

// Σ x xᵀ is formed by column panels of the lower triangle: panel j holds columns
// [j·kGramPanel, (j+1)·kGramPanel) from the diagonal down, and is a float32 GEMM over slabs of at
// most kGramSlabRows (compute_backend.h) rows whose result is added into the double accumulator.
// Float within a slab, double across slabs and calls.
//
// Why float: two AVX2/FMA cores do about twice the float32 throughput of double, and X^T X is the
// cost of calibration (65,536 rows of 4096 channels: 1.1 TFLOP with the symmetry). Why tall panels
// and 2048-row slabs: measured fastest on 2 cores (about 210 GFLOP/s of useful work with AVX2,
// against 170 for 256 × 256 blocks over 512-row slabs), the double additions being a small part.
// The panel product itself is cpu_kernels.h's, AVX-512 where the CPU has it. Precision:
// tst_calibration holds the result to 1e-6 of a double accumulation on real activations.
constexpr Eigen::Index kGramPanel = 256;

// Rows per task of the GPTQ column loop at least, so that small layers stay on one thread; larger
// layers are cut into about kRowTasksPerThread tasks per thread, handed out one at a time.
constexpr std::int64_t kMinGptqRowsPerTask = 64;
constexpr std::int64_t kGptqRowTasksPerThread = 2;

// Where a column's grid parameters are in QuantizedTensor::params of a row, for column position
// `position` in quantization order (original column `column`): grouped, by position when the
// loop computes the grids, else (static groups) by column.
std::int64_t gptqGroupOf(const GptqColumnLoop& loop, const QuantizedTensor& tensor,
                         std::int64_t position, std::int64_t column)
{
    if (tensor.scheme.granularity != Granularity::Group)
        return 0;
    return (loop.groupsInLoop ? position : column) / tensor.groupWidth;
}

} // namespace

CpuBackend::CpuBackend(CpuKernelSet kernels)
    : m_kernels(cpuKernels(kernels))
{
    m_device.id = QStringLiteral("cpu");
    const int threads = workerThreadCount();
    m_device.name =
        *m_kernels.instructionSet
            ? QCoreApplication::translate("qb::ComputeDevice", "CPU (Eigen, %n thread(s), %1)",
                                          nullptr, threads)
                  .arg(QLatin1String(m_kernels.instructionSet))
            : QCoreApplication::translate("qb::ComputeDevice", "CPU (Eigen, %n thread(s))", nullptr,
                                          threads);
    m_device.computeUnits = threads;
}

// xtx [k, k] += inputᵀ input on and below the diagonal (plus the upper triangle of the diagonal
// blocks). Panels are handed out one at a time, tallest first, so the threads finish together
// even when one is slowed by other load.
void CpuBackend::accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const
{
    const Eigen::Index k = x.cols();
    const Eigen::Index n = x.rows();
    Q_ASSERT(xtx.rows() == k && xtx.cols() == k);
    if (k == 0 || n == 0)
        return;
    const Eigen::Index panels = (k + kGramPanel - 1) / kGramPanel;
    parallelTasks(panels, [&](std::int64_t panel) {
        const Eigen::Index c0 = panel * kGramPanel;
        const Eigen::Index width = std::min(kGramPanel, k - c0);
        auto target = xtx.block(c0, c0, k - c0, width);
        Eigen::MatrixXf partial(k - c0, width);
        for (Eigen::Index s = 0; s < n; s += kGramSlabRows) {
            const Eigen::Index m = std::min<Eigen::Index>(kGramSlabRows, n - s);
            m_kernels.gramPanel(x.data() + s * k + c0, k, m, k - c0, width, partial.data());
            target += partial.cast<double>();
        }
    });
}

void CpuBackend::linear(const RowMatrix& x, const float* weight, std::int64_t out,
                        const float* bias, RowMatrix& y) const
{
    linearProduct(x, weight, out, bias, y, m_kernels.linearSlice);
}

QuantizedTensor CpuBackend::quantizeRtn(std::span<const float> weight, std::int64_t rows,
                                        std::int64_t cols, const QuantScheme& scheme) const
{
    return qb::quantizeRtn(weight, rows, cols, scheme);
}

std::vector<float> CpuBackend::dequantize(const QuantizedTensor& tensor) const
{
    return tensor.dequantize();
}

// The column loop in float32, as the reference; every worker takes a slice of rows and runs the
// whole loop on it, since GPTQ's updates never mix rows.
void CpuBackend::gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const
{
    const std::int64_t rows = loop.rows;
    const std::int64_t cols = loop.cols;
    const Eigen::MatrixXf& u = *loop.upper;
    const QuantScheme& scheme = tensor.scheme;
    const float maxCode = static_cast<float>(scheme.maxCode());
    const std::int64_t blockSize = loop.blockSize;
    const auto& order = loop.order;

    const auto runRows = [&](std::int64_t firstRow, std::int64_t endRow) {
        const Eigen::Index n = endRow - firstRow;
        // Column-major, in quantization order: a column's update is one contiguous axpy.
        Eigen::MatrixXf w(n, cols);
        for (Eigen::Index r = 0; r < n; ++r) {
            const float* source = loop.weight.data() + (firstRow + r) * cols;
            for (Eigen::Index p = 0; p < cols; ++p)
                w(r, p) = source[order[static_cast<std::size_t>(p)]];
        }
        Eigen::MatrixXf block(n, blockSize);
        Eigen::MatrixXf errors(n, blockSize);
        std::vector<float> groupValues(static_cast<std::size_t>(tensor.groupWidth));

        for (Eigen::Index i1 = 0; i1 < cols; i1 += blockSize) {
            const Eigen::Index count = std::min<Eigen::Index>(blockSize, cols - i1);
            block.leftCols(count) = w.middleCols(i1, count);
            for (Eigen::Index i = 0; i < count; ++i) {
                const Eigen::Index position = i1 + i;
                const std::int32_t column = order[static_cast<std::size_t>(position)];
                if (loop.groupsInLoop && position % tensor.groupWidth == 0) {
                    // As the reference: from the weights updated by the earlier blocks, not by
                    // this block's own column updates.
                    const std::int64_t width = std::min(tensor.groupWidth, cols - position);
                    const std::int64_t group = position / tensor.groupWidth;
                    for (Eigen::Index r = 0; r < n; ++r) {
                        for (std::int64_t c = 0; c < width; ++c)
                            groupValues[static_cast<std::size_t>(c)] = w(r, position + c);
                        tensor.params[static_cast<std::size_t>((firstRow + r) * tensor.groupsPerRow
                                                               + group)] =
                            minMaxGridParams(groupValues.data(), width, scheme.bits,
                                             scheme.symmetric);
                    }
                }
                const std::int64_t group = gptqGroupOf(loop, tensor, position, column);
                const float diagonal = u(position, position);
                for (Eigen::Index r = 0; r < n; ++r) {
                    const std::int64_t row = firstRow + r;
                    const GridParams& p =
                        tensor.params[static_cast<std::size_t>(row * tensor.groupsPerRow + group)];
                    const float value = block(r, i);
                    const float code = quantizeToCode(value, p, maxCode);
                    tensor.codes[static_cast<std::size_t>(row * cols + column)] =
                        static_cast<std::uint8_t>(code);
                    errors(r, i) = (value - dequantizeCode(code, p)) / diagonal;
                }
                // Spread this column's error onto the block's later columns.
                const Eigen::Index later = count - i - 1;
                if (later > 0)
                    block.middleCols(i + 1, later).noalias() -=
                        errors.col(i) * u.row(position).segment(position + 1, later);
            }
            // The lazy update: the block's errors onto every column after it, as one product.
            const Eigen::Index rest = cols - i1 - count;
            if (rest > 0)
                w.rightCols(rest).noalias() -=
                    errors.leftCols(count) * u.block(i1, i1 + count, count, rest);
        }
    };
    const std::int64_t tasks = std::clamp<std::int64_t>(
        rows / kMinGptqRowsPerTask, 1, std::int64_t(workerThreadCount()) * kGptqRowTasksPerThread);
    parallelTasks(
        tasks, [&](std::int64_t task) { runRows(rows * task / tasks, rows * (task + 1) / tasks); });
}

std::vector<std::int64_t> CpuBackend::histogram(std::span<const float> values, float lo, float hi,
                                                int bins) const
{
    Q_ASSERT(hi > lo && bins >= 1);
    const float scale = static_cast<float>(bins) / (hi - lo);
    const auto count = static_cast<std::int64_t>(values.size());
    const int chunks = std::max(1, workerThreadCount());
    std::vector<std::vector<std::int64_t>> partial(
        static_cast<std::size_t>(chunks),
        std::vector<std::int64_t>(static_cast<std::size_t>(bins)));
    parallelTasks(chunks, [&](std::int64_t chunk) {
        std::vector<std::int64_t>& counts = partial[static_cast<std::size_t>(chunk)];
        const std::int64_t begin = count * chunk / chunks;
        const std::int64_t end = count * (chunk + 1) / chunks;
        for (std::int64_t i = begin; i < end; ++i) {
            const float v = values[static_cast<std::size_t>(i)];
            if (!std::isfinite(v))
                continue;
            const float position = std::floor((v - lo) * scale);
            const int bin = position < 0.0f
                                ? 0
                                : (position >= float(bins) ? bins - 1 : static_cast<int>(position));
            ++counts[static_cast<std::size_t>(bin)];
        }
    });
    std::vector<std::int64_t> counts(static_cast<std::size_t>(bins), 0);
    for (const auto& part : partial) {
        for (int b = 0; b < bins; ++b)
            counts[static_cast<std::size_t>(b)] += part[static_cast<std::size_t>(b)];
    }
    return counts;
}

} // namespace qb
