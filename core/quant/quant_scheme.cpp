#include "core/quant/quant_scheme.h"

#include <algorithm>

namespace qb {

QuantScheme QuantScheme::fromGroupSizeCode(int bits, bool symmetric, int groupSizeCode)
{
    QuantScheme scheme;
    scheme.bits = bits;
    scheme.symmetric = symmetric;
    if (groupSizeCode == kPerChannel) {
        scheme.granularity = Granularity::PerChannel;
    } else if (groupSizeCode == kPerTensor) {
        scheme.granularity = Granularity::PerTensor;
    } else {
        scheme.granularity = Granularity::Group;
        scheme.groupSize = groupSizeCode;
    }
    return scheme;
}

int QuantScheme::groupSizeCode() const
{
    switch (granularity) {
    case Granularity::PerTensor:
        return kPerTensor;
    case Granularity::PerChannel:
        return kPerChannel;
    case Granularity::Group:
        break;
    }
    return groupSize;
}

std::int64_t QuantScheme::groupWidth(std::int64_t inFeatures) const
{
    if (granularity == Granularity::Group)
        return std::min<std::int64_t>(groupSize, std::max<std::int64_t>(inFeatures, 1));
    return std::max<std::int64_t>(inFeatures, 1);
}

std::int64_t QuantScheme::groupsPerRow(std::int64_t inFeatures) const
{
    const std::int64_t width = groupWidth(inFeatures);
    return (inFeatures + width - 1) / width;
}

std::int64_t QuantScheme::storageBits(std::int64_t rows, std::int64_t cols) const
{
    const std::int64_t groups =
        granularity == Granularity::PerTensor ? 1 : rows * groupsPerRow(cols);
    return rows * cols * bits + groups * (16 + bits);
}

QString QuantScheme::tag() const
{
    const QString prefix = QStringLiteral("%1%2").arg(symmetric ? 's' : 'a').arg(bits);
    switch (granularity) {
    case Granularity::PerTensor:
        return prefix + QStringLiteral("pt");
    case Granularity::PerChannel:
        return prefix + QStringLiteral("pc");
    case Granularity::Group:
        break;
    }
    return prefix + QStringLiteral("g%1").arg(groupSize);
}

QString QuantScheme::describe() const
{
    const QString grid =
        symmetric ? tr("%1-bit symmetric").arg(bits) : tr("%1-bit asymmetric").arg(bits);
    switch (granularity) {
    case Granularity::PerTensor:
        return tr("%1, per tensor").arg(grid);
    case Granularity::PerChannel:
        return tr("%1, per channel").arg(grid);
    case Granularity::Group:
        break;
    }
    return tr("%1, groups of %2").arg(grid).arg(groupSize);
}

QString QuantScheme::groupText() const
{
    switch (granularity) {
    case Granularity::Group:
        return QString::number(groupSize);
    case Granularity::PerChannel:
        return tr("per channel");
    case Granularity::PerTensor:
        return tr("per tensor");
    }
    return {};
}

QString QuantScheme::validationError() const
{
    if (bits < kMinBits || bits > kMaxBits)
        return tr("bits must be between %1 and %2, not %3").arg(kMinBits).arg(kMaxBits).arg(bits);
    if (granularity == Granularity::Group && groupSize < 1)
        return tr("the group size must be a positive number of columns, -1 (per channel) or 0 "
                  "(per tensor), not %1")
            .arg(groupSize);
    return {};
}

} // namespace qb
