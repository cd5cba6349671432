#include "core/backend/fallback_backend.h"

#include "core/util/error.h"

namespace qb {

FallbackBackend::FallbackBackend(std::shared_ptr<const ComputeBackend> device,
                                 std::shared_ptr<const ComputeBackend> cpu, Listener listener)
    : m_device(std::move(device))
    , m_cpu(std::move(cpu))
    , m_listener(std::move(listener))
{
}

template <typename Operation> auto FallbackBackend::guarded(const Operation& operation) const
{
    if (!m_fellBack.load()) {
        try {
            return operation(*m_device);
        } catch (const Error& error) {
            recordFailure(error.message());
        } catch (const std::bad_alloc&) {
            recordFailure(tr("out of host memory for the device's buffers"));
        }
    }
    return operation(*m_cpu);
}

void FallbackBackend::recordFailure(const QString& message) const
{
    QString reason;
    {
        const std::lock_guard lock(m_mutex);
        if (m_fellBack.load())
            return;
        m_reason =
            tr("%1 failed, continuing on the CPU: %2").arg(m_device->device().describe(), message);
        m_fellBack = true;
        reason = m_reason;
    }
    if (m_listener)
        m_listener(reason);
}

QString FallbackBackend::fallbackReason() const
{
    const std::lock_guard lock(m_mutex);
    return m_reason;
}

void FallbackBackend::accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const
{
    // The device adds into xtx only once it has the whole result, so a failure leaves xtx as it
    // was and the CPU can add instead.
    guarded([&](const ComputeBackend& backend) { backend.accumulateGram(x, xtx); });
}

void FallbackBackend::linear(const RowMatrix& x, const float* weight, std::int64_t out,
                             const float* bias, RowMatrix& y) const
{
    guarded([&](const ComputeBackend& backend) { backend.linear(x, weight, out, bias, y); });
}

QuantizedTensor FallbackBackend::quantizeRtn(std::span<const float> weight, std::int64_t rows,
                                             std::int64_t cols, const QuantScheme& scheme) const
{
    return guarded([&](const ComputeBackend& backend) {
        return backend.quantizeRtn(weight, rows, cols, scheme);
    });
}

std::vector<float> FallbackBackend::dequantize(const QuantizedTensor& tensor) const
{
    return guarded([&](const ComputeBackend& backend) { return backend.dequantize(tensor); });
}

void FallbackBackend::gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const
{
    // The loop rewrites every code and every in-loop parameter, so a rerun starts clean.
    guarded([&](const ComputeBackend& backend) { backend.gptqColumnLoop(loop, tensor); });
}

std::vector<std::int64_t> FallbackBackend::histogram(std::span<const float> values, float lo,
                                                     float hi, int bins) const
{
    return guarded(
        [&](const ComputeBackend& backend) { return backend.histogram(values, lo, hi, bins); });
}

} // namespace qb
