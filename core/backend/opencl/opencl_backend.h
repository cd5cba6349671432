#pragma once

#include "core/backend/compute_backend.h"

#include <QString>

#include <memory>
#include <vector>

namespace qb::opencl {

// Every device of every OpenCL platform, in the ICD loader's order, with ids "opencl:P:D".
// `problem` receives why the list is empty (no ICD installed, clGetPlatformIDs failing: the call
// and its error code), else is cleared. Never throws.
std::vector<ComputeDevice> listDevices(QString* problem);

// A backend on `device` (one of listDevices()): creates the context and queue and builds the
// kernels, from the on-disk program cache when it holds this source for this device and driver.
// Throws Error naming the failing OpenCL call and its error code (or the build log).
std::shared_ptr<const ComputeBackend> createBackend(const ComputeDevice& device);

} // namespace qb::opencl
