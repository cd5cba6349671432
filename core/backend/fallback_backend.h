#pragma once

#include "core/backend/compute_backend.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <mutex>

namespace qb {

// A device backend that never stops a run: the first error it throws (an OpenCL call failing,
// a buffer larger than the device allows) is recorded, that operation is redone on the CPU
// backend, and every later one runs there too. fallbackReason() says what happened, for the
// status bar, the log and the report; the optional listener hears it once, when it happens.
class FallbackBackend final : public ComputeBackend {
    Q_DECLARE_TR_FUNCTIONS(FallbackBackend)

public:
    using Listener = std::function<void(const QString& reason)>;

    FallbackBackend(std::shared_ptr<const ComputeBackend> device,
                    std::shared_ptr<const ComputeBackend> cpu, Listener listener = {});

    // The device asked for (also after a fallback: the report names both).
    const ComputeDevice& device() const override { return m_device->device(); }
    void accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const override;
    void linear(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                RowMatrix& y) const override;
    QuantizedTensor quantizeRtn(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                                const QuantScheme& scheme) const override;
    std::vector<float> dequantize(const QuantizedTensor& tensor) const override;
    void gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const override;
    std::vector<std::int64_t> histogram(std::span<const float> values, float lo, float hi,
                                        int bins) const override;
    std::int64_t peakDeviceBytes() const override { return m_device->peakDeviceBytes(); }
    QString fallbackReason() const override;

    bool fellBack() const { return m_fellBack.load(); }

private:
    // Runs `operation` on the device unless it failed before; on an Error, records it and runs
    // it on the CPU. `operation` must leave its outputs fully rewritten when rerun.
    template <typename Operation> auto guarded(const Operation& operation) const;
    void recordFailure(const QString& message) const;

    std::shared_ptr<const ComputeBackend> m_device;
    std::shared_ptr<const ComputeBackend> m_cpu;
    Listener m_listener;
    mutable std::atomic<bool> m_fellBack{false};
    mutable std::mutex m_mutex;
    mutable QString m_reason;
};

} // namespace qb
