#include "app/cli/backend_options.h"

#include "core/backend/backend_registry.h"
#include "core/quant/quant_report.h"

namespace qb::cli {

BackendOptionCli::BackendOptionCli()
    : m_backend(QStringLiteral("backend"),
                Cli::tr("Where the heavy work runs: cpu (the default), opencl (the first OpenCL "
                        "device) or opencl:PLATFORM:DEVICE (see `quantbench-cli devices`). If the "
                        "device cannot be used, or fails during the run, the work continues on "
                        "the CPU with a warning."),
                QStringLiteral("BACKEND"), QStringLiteral("cpu"))
{
}

void BackendOptionCli::addTo(CommandLine& line) const
{
    line.addOption(m_backend);
}

std::shared_ptr<const ComputeBackend> BackendOptionCli::create(const CommandLine& line) const
{
    const QString spec = line.value(m_backend);
    if (const QString problem = ComputeBackends::specError(spec); !problem.isEmpty())
        throw UsageError(Cli::tr("--backend: %1").arg(problem));
    BackendChoice choice =
        ComputeBackends::create(spec, [](const QString& reason) { printWarning(reason); });
    if (!choice.fallbackReason.isEmpty())
        printWarning(choice.fallbackReason);
    if (line.isSet(m_backend)) // asked for: say what it resolved to (the CPU default is quiet)
        printErr(Cli::tr("Backend: %1").arg(choice.backend->device().describe())
                 + QLatin1Char('\n'));
    return choice.backend;
}

QString backendLabel(const ComputeUse& compute)
{
    return compute.fallbackReason.isEmpty()
               ? compute.device
               : Cli::tr("%1 (fell back to the CPU)").arg(compute.device);
}

} // namespace qb::cli
