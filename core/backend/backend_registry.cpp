#include "core/backend/backend_registry.h"

#include "core/backend/fallback_backend.h"
#include "core/util/error.h"

#ifdef QB_HAVE_OPENCL
#include "core/backend/opencl/opencl_backend.h"
#endif

#include <optional>
#include <utility>

namespace qb {

namespace {

struct ParsedSpec {
    bool openCl = false;
    std::optional<std::pair<int, int>> indices; // platform and device; none: the first device
};

std::optional<ParsedSpec> parseSpec(const QString& spec)
{
    if (spec == QLatin1String("cpu"))
        return ParsedSpec{};
    if (spec == QLatin1String("opencl"))
        return ParsedSpec{true, std::nullopt};
    // "opencl:P:D" is the id of the device it names.
    ComputeDevice named;
    named.id = spec;
    const std::optional<std::pair<int, int>> indices = named.openClIndices();
    if (!indices)
        return std::nullopt;
    return ParsedSpec{true, indices};
}

} // namespace

bool ComputeBackends::openClBuiltIn()
{
#ifdef QB_HAVE_OPENCL
    return true;
#else
    return false;
#endif
}

ComputeDeviceList ComputeBackends::list()
{
    ComputeDeviceList result;
    result.devices.push_back(ComputeBackend::cpu()->device());
#ifdef QB_HAVE_OPENCL
    for (ComputeDevice& device : opencl::listDevices(&result.openClProblem))
        result.devices.push_back(std::move(device));
#else
    result.openClProblem = tr("this build of QuantBench has no OpenCL backend (the OpenCL headers "
                              "were not found when it was built)");
#endif
    return result;
}

QString ComputeBackends::specError(const QString& spec)
{
    if (parseSpec(spec))
        return {};
    return tr("unknown backend \"%1\": expected cpu, opencl or opencl:PLATFORM:DEVICE (see "
              "`quantbench-cli devices`)")
        .arg(spec);
}

BackendChoice ComputeBackends::create(const QString& spec,
                                      std::function<void(const QString&)> onFallback)
{
    const std::optional<ParsedSpec> parsed = parseSpec(spec);
    if (!parsed)
        throw Error(specError(spec));
    BackendChoice choice;
    choice.backend = ComputeBackend::cpu();
    if (!parsed->openCl)
        return choice;

#ifdef QB_HAVE_OPENCL
    QString problem;
    const std::vector<ComputeDevice> devices = opencl::listDevices(&problem);
    const ComputeDevice* chosen = nullptr;
    for (const ComputeDevice& device : devices) {
        if (!parsed->indices || device.openClIndices() == parsed->indices) {
            chosen = &device;
            break;
        }
    }
    if (!chosen) {
        choice.fallbackReason =
            devices.empty()
                ? tr("no OpenCL device (%1); running on the CPU").arg(problem)
                : tr("there is no OpenCL device %1 (see `quantbench-cli devices`); running on "
                     "the CPU")
                      .arg(spec);
        return choice;
    }
    try {
        choice.backend = std::make_shared<const FallbackBackend>(
            opencl::createBackend(*chosen), ComputeBackend::cpu(), std::move(onFallback));
    } catch (const Error& error) {
        choice.fallbackReason = tr("%1 could not be set up, running on the CPU: %2")
                                    .arg(chosen->describe(), error.message());
    }
#else
    (void)onFallback;
    choice.fallbackReason =
        tr("this build of QuantBench has no OpenCL backend; running on the CPU");
#endif
    return choice;
}

} // namespace qb
