#pragma once

#include "core/backend/compute_backend.h"

#include <QString>

#include <cstdint>
#include <memory>

// The OpenCL backend's knobs and state beyond ComputeBackend, for tests and benchmarks (the
// application uses opencl_backend.h only).
namespace qb::opencl {

// How the backend lays out its work on a device. The defaults follow the device; tests override
// them to run the GPU kernels on a CPU device, the corrected division where '/' is already exact,
// and the tiling of buffers larger than a device allows on small inputs.
struct Tuning {
    enum class Kernels : std::uint8_t {
        Automatic, // Direct on CL_DEVICE_TYPE_CPU devices, Tiled on the others
        Direct,    // register-blocked products without local memory (gemm.cl: *_direct)
        Tiled,     // work-group tiles staged in local memory (gemm.cl: *_tiled)
    };
    Kernels kernels = Kernels::Automatic;
    // Lanes per work-item of the vectorised kernels (QB_VW in common.cl): 1, 2, 4, 8 or 16; 0 =
    // the device's preferred float vector width on CPU devices, 1 on the others.
    int vectorWidth = 0;
    // The largest buffer the backend creates, in bytes; 0 = CL_DEVICE_MAX_MEM_ALLOC_SIZE. Never
    // more than 2^31 − 1 (kernels index with int).
    std::int64_t maxBufferBytes = 0;
    // false: never build with -cl-fp32-correctly-rounded-divide-sqrt, so that the kernels use the
    // corrected quotient of qb_div (common.cl) as on devices without correctly rounded division.
    bool allowCorrectlyRoundedDivide = true;
};

// A backend on `device` (one of listDevices()) with `tuning`; throws Error as createBackend.
std::shared_ptr<const ComputeBackend> createBackend(const ComputeDevice& device,
                                                    const Tuning& tuning);

// How an OpenCL backend's program was made.
struct ProgramInfo {
    bool fromCache = false; // loaded from the on-disk program cache (else built from source)
    QString buildOptions;   // as passed to clBuildProgram
    QString cacheFile;      // the cache file for this source, options, device and driver
    bool correctlyRoundedDivide = false; // built with -cl-fp32-correctly-rounded-divide-sqrt
    // The kernel family the backend launches: Direct or Tiled (Automatic resolved), or Automatic
    // for a backend that does not come from createBackend.
    Tuning::Kernels kernels = Tuning::Kernels::Automatic;
    bool cpuDevice = false; // the device is of CL_DEVICE_TYPE_CPU (Automatic chooses Direct)
};

// The program of `backend`, which must come from createBackend (else a default ProgramInfo).
ProgramInfo programInfo(const ComputeBackend& backend);

} // namespace qb::opencl
