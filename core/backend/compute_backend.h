#pragma once

#include "core/model/forward_hooks.h"
#include "core/quant/quantized_tensor.h"

#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace qb {

// One place the heavy arithmetic can run: the CPU (always), or an OpenCL device.
struct ComputeDevice {
    QString id;       // "cpu", or "opencl:P:D" (platform and device index as the ICD lists them)
    QString platform; // OpenCL platform name (empty for the CPU backend)
    QString name;     // device name, or "CPU (Eigen, N threads[, AVX-512])"
    QString deviceVersion; // "OpenCL 1.2 pocl …" (empty for the CPU backend)
    QString driverVersion; // (empty for the CPU backend)
    std::int64_t globalMemoryBytes = 0;
    std::int64_t maxAllocationBytes = 0; // the largest single buffer (CL_DEVICE_MAX_MEM_ALLOC_SIZE)
    int computeUnits = 0;

    bool isOpenCl() const { return id.startsWith(QStringLiteral("opencl")); }
    // Platform P and device D of an id "opencl:P:D" (each of 1 to 3 digits), else nothing.
    std::optional<std::pair<int, int>> openClIndices() const;
    // For people: "OpenCL · Portable Computing Language · cpu-haswell-… (24.0 GiB, 2 compute
    // units)" or "CPU (Eigen, 2 threads)".
    QString describe() const;
};

// What the GPTQ column loop needs beyond the weights, prepared by GptqQuantizer (dead columns,
// act-order, the inverse Hessian's Cholesky factor): see GptqQuantizer for the algorithm.
struct GptqColumnLoop {
    std::span<const float> weight; // [rows, cols] row-major, original column order, dead columns 0
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::span<const std::int32_t> order; // [cols] quantization position -> original column
    const Eigen::MatrixXf* upper =
        nullptr;         // [cols, cols] U in quantization order (upper part read)
    int blockSize = 128; // columns per lazy-update block
    // Grouped and not static: each group's grid is computed at its first position, from the
    // weights as updated by the earlier blocks, and a column's group is position / width;
    // otherwise tensor.params is already filled and, grouped (static groups), a column's group is
    // column / width.
    bool groupsInLoop = false;
};

// Rows of x per float32 partial of X^T X (accumulateGram): every backend rounds sums of this many
// terms in float before adding them into its wider accumulator, so that their results agree to
// float32 rounding. Part of the accuracy contract below: a backend must not use other slabs.
inline constexpr std::int64_t kGramSlabRows = 2048;

// The operations the pipeline spends its time in, on one device. Every backend gives the CPU
// backend's result: codes and grid parameters bit for bit; sums (products, X^T X, the GPTQ updates)
// to float32 rounding, since they are added in another order.
//
// Thread-safe: a backend may be called from several threads at once (a device backend serialises
// its queue). Errors of a device are thrown as Error naming the failing call; FallbackBackend turns
// them into a switch to the CPU.
class ComputeBackend {
public:
    virtual ~ComputeBackend();

    virtual const ComputeDevice& device() const = 0;

    // xtx [k, k] += xᵀ x for x [n, k], accumulated in double precision (or float pairs) across
    // calls. Only the lower triangle is guaranteed; callers mirror it.
    virtual void accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const = 0;

    // y [rows, out] = x [rows, in] · weightᵀ (+ bias [out] when not null); weight [out, in]
    // row-major. The product of every linear layer.
    virtual void linear(const RowMatrix& x, const float* weight, std::int64_t out,
                        const float* bias, RowMatrix& y) const = 0;

    // Round-to-nearest on the reference min/max grid (quantizeRtn in core/quant).
    virtual QuantizedTensor quantizeRtn(std::span<const float> weight, std::int64_t rows,
                                        std::int64_t cols, const QuantScheme& scheme) const = 0;

    // Every weight of `tensor` back in float32, [rows, cols].
    virtual std::vector<float> dequantize(const QuantizedTensor& tensor) const = 0;

    // GPTQ's column loop with its lazy block updates: fills tensor.codes, and tensor.params when
    // loop.groupsInLoop. `tensor` comes from QuantizedTensor::allocate with params filled as
    // GptqColumnLoop says and groupIndex set for act-order.
    virtual void gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const = 0;

    // Counts of `values` in `bins` equal bins over [lo, hi): bin = floor((v − lo) · (bins /
    // (hi − lo))) in float32, clamped to [0, bins − 1]; NaN and infinities are not counted.
    // Precondition: hi > lo, bins >= 1.
    virtual std::vector<std::int64_t> histogram(std::span<const float> values, float lo, float hi,
                                                int bins) const = 0;

    // The most device memory held at once so far, in bytes (0 for the CPU backend).
    virtual std::int64_t peakDeviceBytes() const { return 0; }

    // Why this backend is not running where it was asked to (FallbackBackend after a device
    // error), or empty.
    virtual QString fallbackReason() const { return {}; }

    // The CPU backend shared by everything that was given no backend.
    static std::shared_ptr<const ComputeBackend> cpu();
};

} // namespace qb
