#pragma once

#include "core/backend/compute_backend.h"

namespace qb {

// The reference backend: Eigen products and plain loops spread over the worker threads
// (core/util/parallel). Every other backend is tested against it.
class CpuBackend final : public ComputeBackend {
public:
    CpuBackend();

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
};

} // namespace qb
