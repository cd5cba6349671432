#pragma once

#include "app/cli/cli_command.h"
#include "core/backend/compute_backend.h"

#include <QCommandLineOption>

#include <memory>

namespace qb {
struct ComputeUse;
}

namespace qb::cli {

// --backend cpu|opencl[:PLATFORM:DEVICE], shared by eval, quantize and layer.
class BackendOptionCli {
public:
    BackendOptionCli();

    void addTo(CommandLine& line) const;

    // The backend the option asks for (the CPU when it is not given). A malformed value is a
    // UsageError; a device that cannot be used, and a device error later in the run, are
    // warnings on stderr and the work continues on the CPU. When the option is given, the device
    // used is printed on stderr.
    std::shared_ptr<const ComputeBackend> create(const CommandLine& line) const;

private:
    QCommandLineOption m_backend;
};

// The "Backend" field of a result's text: the device it ran on, marked when the run fell back to
// the CPU.
QString backendLabel(const ComputeUse& compute);

} // namespace qb::cli
