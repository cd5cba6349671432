#pragma once

#include "core/backend/compute_backend.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace qb {

// Every place the heavy work can run: the CPU backend first, then each OpenCL device.
struct ComputeDeviceList {
    std::vector<ComputeDevice> devices;
    // Why no OpenCL device is listed, when none is ("built without OpenCL", "no OpenCL platform
    // (clGetPlatformIDs: CL_PLATFORM_NOT_FOUND_KHR)"); empty when there are some.
    QString openClProblem;
};

// What createComputeBackend made of a request.
struct BackendChoice {
    std::shared_ptr<const ComputeBackend> backend;
    // Why the backend is the CPU when something else was asked for (no such device, OpenCL not
    // available, the device failed to set up); empty otherwise.
    QString fallbackReason;
};

class ComputeBackends {
    Q_DECLARE_TR_FUNCTIONS(ComputeBackends)

public:
    // Whether this build contains the OpenCL backend.
    static bool openClBuiltIn();

    // Lists the devices (queries the OpenCL platforms each time; cheap).
    static ComputeDeviceList list();

    // A backend for `spec`: "cpu", "opencl" (the first OpenCL device) or "opencl:P:D" (platform
    // P, device D, as `quantbench-cli devices` numbers them). An OpenCL device that cannot be used
    // gives the CPU backend and the reason; an OpenCL backend is wrapped in a FallbackBackend, so
    // a later device error also continues on the CPU, telling `onFallback`. Throws Error for a
    // spec that is none of these forms.
    static BackendChoice create(const QString& spec,
                                std::function<void(const QString&)> onFallback = {});

    // The error message for a malformed spec, or empty when `spec` has one of the forms above.
    static QString specError(const QString& spec);
};

} // namespace qb
