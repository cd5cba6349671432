#include "core/analysis/gptq_step_through.h"

#include "core/quant/gptq_quantizer.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"

#include <cmath>

namespace qb {

namespace {

// Σ_r Δ_r H Δ_rᵀ / tokens for Δ = a − b [rows, cols]: the mean over tokens of the squared output
// difference summed over the rows' outputs. In double.
double outputError(const Eigen::MatrixXd& xtx, std::int64_t tokens, const float* a, const float* b,
                   std::int64_t rows, std::int64_t cols)
{
    Eigen::VectorXd delta(cols);
    double sum = 0.0;
    for (std::int64_t r = 0; r < rows; ++r) {
        for (std::int64_t c = 0; c < cols; ++c)
            delta[c] = double(a[r * cols + c]) - double(b[r * cols + c]);
        sum += delta.dot(xtx * delta);
    }
    return tokens > 0 ? sum / double(tokens) : sum;
}

} // namespace

GptqTrace GptqStepThrough::run(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                               const Eigen::MatrixXd& xtx, std::int64_t tokens,
                               const QuantScheme& scheme, double damp)
{
    const QString problem = scheme.validationError();
    if (!problem.isEmpty())
        throw Error(problem);
    if (rows < 1 || rows > kMaxRows || cols < 1 || cols > kMaxColumns
        || static_cast<std::int64_t>(weight.size()) != rows * cols)
        throw Error(tr("the GPTQ step-through takes 1 to %1 rows of 1 to %2 columns, not %3 × %4")
                        .arg(kMaxRows)
                        .arg(kMaxColumns)
                        .arg(rows)
                        .arg(cols));
    if (xtx.rows() != cols || xtx.cols() != cols)
        throw Error(tr("the slice has %1 columns, its Hessian %2").arg(cols).arg(xtx.rows()));

    GptqTrace trace;
    trace.scheme = scheme;
    trace.rows = rows;
    trace.cols = cols;
    trace.original.assign(weight.begin(), weight.end());
    trace.rtnRounded = quantizeRtn(weight, rows, cols, scheme).dequantize();

    QuantizedTensor tensor = QuantizedTensor::allocate(scheme, rows, cols);
    const bool grouped = scheme.granularity == Granularity::Group;
    if (!grouped)
        tensor.params = minMaxGridForMatrix(weight, rows, cols, scheme);

    // Dead columns, as GptqQuantizer.
    Eigen::MatrixXd h = xtx;
    std::vector<float> working(weight.begin(), weight.end());
    for (Eigen::Index i = 0; i < cols; ++i) {
        if (h(i, i) != 0.0)
            continue;
        h(i, i) = 1.0;
        for (std::int64_t r = 0; r < rows; ++r)
            working[static_cast<std::size_t>(r * cols + i)] = 0.0f;
    }
    double diagonalSum = 0.0;
    for (Eigen::Index i = 0; i < cols; ++i)
        diagonalSum += h(i, i);
    const double meanDiagonal = diagonalSum / double(cols);
    Eigen::MatrixXd upperDouble;
    trace.factored = false;
    for (int raise = 0; raise <= GptqQuantizer::kMaxDampingRaises && !trace.factored; ++raise) {
        if (raise > 0)
            damp *= 10.0;
        Eigen::MatrixXd damped = h;
        damped.diagonal().array() += damp * meanDiagonal;
        trace.factored =
            std::isfinite(meanDiagonal) && GptqQuantizer::inverseCholeskyUpper(damped, upperDouble);
        if (trace.factored)
            trace.dampingRaises = raise;
    }
    trace.damp = damp;
    if (!trace.factored)
        return trace;
    const Eigen::MatrixXf u = upperDouble.cast<float>();

    // The column loop of CpuBackend::gptqColumnLoop for one block, one column per step, with the
    // same Eigen expressions (so the same float arithmetic).
    Eigen::MatrixXf block(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r) {
        for (Eigen::Index c = 0; c < cols; ++c)
            block(r, c) = working[static_cast<std::size_t>(r * cols + c)];
    }
    const Eigen::MatrixXf w = block; // the weights as the earlier blocks left them (none)
    Eigen::MatrixXf errors(rows, cols);
    std::vector<float> groupValues(static_cast<std::size_t>(tensor.groupWidth));
    const float maxCode = static_cast<float>(scheme.maxCode());
    trace.steps.reserve(static_cast<std::size_t>(cols));
    std::vector<float> current(working.size());
    std::vector<float> rtnNow = trace.original;
    for (Eigen::Index i = 0; i < cols; ++i) {
        if (grouped && i % tensor.groupWidth == 0) {
            const std::int64_t width = std::min(tensor.groupWidth, cols - i);
            const std::int64_t group = i / tensor.groupWidth;
            for (Eigen::Index r = 0; r < rows; ++r) {
                for (std::int64_t c = 0; c < width; ++c)
                    groupValues[static_cast<std::size_t>(c)] = w(r, i + c);
                tensor.params[static_cast<std::size_t>(r * tensor.groupsPerRow + group)] =
                    minMaxGridParams(groupValues.data(), width, scheme.bits, scheme.symmetric);
            }
        }
        GptqStep step;
        step.column = i;
        step.roundingError.resize(static_cast<std::size_t>(rows));
        const float diagonal = u(i, i);
        for (Eigen::Index r = 0; r < rows; ++r) {
            const GridParams& p = tensor.paramsAt(r, i);
            const float value = block(r, i);
            const float code = quantizeToCode(value, p, maxCode);
            tensor.codes[static_cast<std::size_t>(r * cols + i)] = static_cast<std::uint8_t>(code);
            const float rounded = dequantizeCode(code, p);
            step.roundingError[static_cast<std::size_t>(r)] = value - rounded;
            errors(r, i) = (value - rounded) / diagonal;
        }
        step.update.assign(static_cast<std::size_t>(rows * cols), 0.0f);
        const Eigen::Index later = cols - i - 1;
        if (later > 0) {
            for (Eigen::Index r = 0; r < rows; ++r) {
                for (Eigen::Index c = i + 1; c < cols; ++c)
                    step.update[static_cast<std::size_t>(r * cols + c)] = errors(r, i) * u(i, c);
            }
            block.middleCols(i + 1, later).noalias() -=
                errors.col(i) * u.row(i).segment(i + 1, later);
        }
        // The working weights now: rounded values up to column i, updated values after it.
        for (Eigen::Index r = 0; r < rows; ++r) {
            for (Eigen::Index c = 0; c < cols; ++c)
                current[static_cast<std::size_t>(r * cols + c)] =
                    c <= i ? tensor.dequantizedAt(r, c) : block(r, c);
            rtnNow[static_cast<std::size_t>(r * cols + i)] =
                trace.rtnRounded[static_cast<std::size_t>(r * cols + i)];
        }
        step.weights = current;
        step.outputError =
            outputError(xtx, tokens, current.data(), trace.original.data(), rows, cols);
        step.rtnOutputError =
            outputError(xtx, tokens, rtnNow.data(), trace.original.data(), rows, cols);
        trace.steps.push_back(std::move(step));
    }
    trace.params = tensor.params;
    trace.codes = tensor.codes;
    return trace;
}

} // namespace qb
