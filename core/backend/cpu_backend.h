#pragma once

#include "core/backend/compute_backend.h"
#include "core/backend/cpu_kernels.h"

namespace qb {

// The reference backend: Eigen products and plain loops spread over the worker threads
// (core/util/parallel). Every other backend is tested against it. X^T X and the linear product run
// on the widest instruction set the CPU has (cpu_kernels.h) unless `kernels` asks for the build's
// own.
class CpuBackend final : public ComputeBackend {
public:
    explicit CpuBackend(CpuKernelSet kernels = CpuKernelSet::Best);

    const ComputeDevice& device() const override { return m_device; }
    void accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const override;
    void linear(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                RowMatrix& y) const override;
    QuantizedTensor quantizeRtn(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                                const QuantScheme& scheme) const override;
    std::vector<float> dequantize(const QuantizedTensor& tensor) const override;
    void gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const override;
    std::vector<std::int64_t> histogram(std::span<const float> values, float lo, float hi,
                                        int bins) const override;

private:
    ComputeDevice m_device;
    CpuKernels m_kernels;
};

} // namespace qb
