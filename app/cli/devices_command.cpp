// quantbench-cli devices [--json]: where the heavy work can run, as --backend names it.

#include "app/cli/cli_command.h"
#include "core/backend/backend_registry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace qb::cli {

namespace {

QString memoryText(std::int64_t bytes)
{
    return bytes > 0 ? QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat)
                     : QStringLiteral("—");
}

} // namespace

int runDevices(const Command& command, const QStringList& arguments)
{
    CommandLine line(command,
                     Cli::tr("Lists the compute backends: the CPU, then every OpenCL device of "
                             "every platform. The first column is the value to give --backend."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the list as JSON instead of a table."));
    line.addOption(json);
    if (!line.parse(arguments))
        return ExitSuccess;

    const ComputeDeviceList list = ComputeBackends::list();
    if (line.isSet(json)) {
        QJsonArray devices;
        for (const ComputeDevice& device : list.devices) {
            devices.append(QJsonObject{
                {QStringLiteral("id"), device.id},
                {QStringLiteral("kind"),
                 device.isOpenCl() ? QStringLiteral("OpenCL") : QStringLiteral("CPU")},
                {QStringLiteral("platform"), device.platform},
                {QStringLiteral("name"), device.name},
                {QStringLiteral("device_version"), device.deviceVersion},
                {QStringLiteral("driver_version"), device.driverVersion},
                {QStringLiteral("global_memory_bytes"), qint64(device.globalMemoryBytes)},
                {QStringLiteral("max_allocation_bytes"), qint64(device.maxAllocationBytes)},
                {QStringLiteral("compute_units"), device.computeUnits}});
        }
        QJsonObject result{{QStringLiteral("devices"), devices},
                           {QStringLiteral("opencl_built_in"), ComputeBackends::openClBuiltIn()}};
        if (!list.openClProblem.isEmpty())
            result.insert(QStringLiteral("opencl_problem"), list.openClProblem);
        printJson(result);
        return ExitSuccess;
    }

    TextTable table;
    table.addColumn(Cli::tr("Backend"));
    table.addColumn(Cli::tr("Kind"));
    table.addColumn(Cli::tr("Platform"));
    table.addColumn(Cli::tr("Device"));
    table.addColumn(Cli::tr("Memory"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Largest buffer"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Compute units"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Version"));
    for (const ComputeDevice& device : list.devices) {
        table.addRow(
            {device.id, device.isOpenCl() ? QStringLiteral("OpenCL") : QStringLiteral("CPU"),
             device.platform.isEmpty() ? QStringLiteral("—") : device.platform, device.name,
             memoryText(device.globalMemoryBytes), memoryText(device.maxAllocationBytes),
             QLocale().toString(device.computeUnits),
             device.deviceVersion.isEmpty() ? QStringLiteral("—") : device.deviceVersion});
    }
    printOut(table.toString());
    if (!list.openClProblem.isEmpty())
        printWarning(Cli::tr("no OpenCL device: %1").arg(list.openClProblem));
    return ExitSuccess;
}

} // namespace qb::cli
