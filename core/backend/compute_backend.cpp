#include "core/backend/compute_backend.h"

#include "core/backend/cpu_backend.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace qb {

ComputeBackend::~ComputeBackend() = default;

QString ComputeDevice::describe() const
{
    if (!isOpenCl())
        return name;
    const double gib = double(globalMemoryBytes) / double(std::int64_t(1) << 30);
    return QCoreApplication::translate("qb::ComputeDevice",
                                       "OpenCL · %1 · %2 (%3 GiB, %n compute unit(s))", nullptr,
                                       computeUnits)
        .arg(platform, name, QString::number(gib, 'f', 1));
}

std::optional<std::pair<int, int>> ComputeDevice::openClIndices() const
{
    static const QRegularExpression indices(QStringLiteral("^opencl:(\\d{1,3}):(\\d{1,3})$"));
    const QRegularExpressionMatch match = indices.match(id);
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair{match.captured(1).toInt(), match.captured(2).toInt()};
}

std::shared_ptr<const ComputeBackend> ComputeBackend::cpu()
{
    static const auto backend = std::make_shared<const CpuBackend>();
    return backend;
}

} // namespace qb
