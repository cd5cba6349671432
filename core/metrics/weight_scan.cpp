#include "core/metrics/weight_scan.h"

#include "core/io/checkpoint.h"
#include "core/util/progress.h"

#include <cmath>

namespace qb {

namespace {

QString positionOf(const std::vector<std::int64_t>& shape, std::int64_t index)
{
    if (shape.size() != 2 || shape[1] == 0)
        return QStringLiteral("[%1]").arg(index);
    return QStringLiteral("[%1, %2]").arg(index / shape[1]).arg(index % shape[1]);
}

} // namespace

NonFiniteTensor WeightScan::scanValues(const QString& name, const std::vector<std::int64_t>& shape,
                                       const float* values, std::int64_t count)
{
    NonFiniteTensor result;
    result.name = name;
    result.elements = count;
    for (std::int64_t i = 0; i < count; ++i) {
        const float v = values[i];
        if (std::isfinite(v))
            continue;
        if (std::isnan(v))
            ++result.nanCount;
        else
            ++result.infCount;
        if (result.firstIndex < 0)
            result.firstIndex = i;
    }
    if (result.firstIndex >= 0)
        result.firstPosition = positionOf(shape, result.firstIndex);
    return result;
}

std::vector<NonFiniteTensor> WeightScan::run(const Checkpoint& checkpoint, Progress& progress)
{
    std::vector<NonFiniteTensor> found;
    const double totalBytes = std::max<double>(1.0, static_cast<double>(checkpoint.totalBytes()));
    double doneBytes = 0;
    constexpr std::int64_t kChunk = 1 << 20; // elements converted at a time
    std::vector<float> buffer;
    for (const auto& shard : checkpoint.shards()) {
        for (const TensorInfo& tensor : shard->tensors()) {
            if (!traitsOf(tensor.dtype).convertibleToFloat) {
                doneBytes += static_cast<double>(tensor.byteSize());
                continue;
            }
            progress.report(doneBytes / totalBytes,
                            tr("Checking %1 for NaN and Inf").arg(tensor.name));
            NonFiniteTensor total;
            total.name = tensor.name;
            total.elements = tensor.elementCount();
            for (std::int64_t first = 0; first < total.elements; first += kChunk) {
                progress.throwIfCancelled();
                const std::int64_t count = std::min(kChunk, total.elements - first);
                buffer.resize(static_cast<std::size_t>(count));
                shard->readFloat(tensor, first, buffer);
                const NonFiniteTensor part = scanValues(tensor.name, {}, buffer.data(), count);
                total.nanCount += part.nanCount;
                total.infCount += part.infCount;
                if (total.firstIndex < 0 && part.firstIndex >= 0)
                    total.firstIndex = first + part.firstIndex;
            }
            if (total.firstIndex >= 0) {
                total.firstPosition = positionOf(tensor.shape, total.firstIndex);
                found.push_back(std::move(total));
            }
            doneBytes += static_cast<double>(tensor.byteSize());
        }
    }
    progress.report(1.0);
    return found;
}

Issue WeightScan::toIssue(const NonFiniteTensor& tensor)
{
    Issue issue;
    issue.severity = Issue::Severity::Warning;
    issue.subject = tensor.name;
    issue.message = tr("tensor \"%1\" holds %2 NaN and %3 infinite value(s) among %4 (the first "
                       "at %5); a layer with such weights is kept unquantized")
                        .arg(tensor.name)
                        .arg(tensor.nanCount)
                        .arg(tensor.infCount)
                        .arg(tensor.elements)
                        .arg(tensor.firstPosition);
    return issue;
}

} // namespace qb
