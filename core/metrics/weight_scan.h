#pragma once

#include "core/util/issue.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <vector>

namespace qb {

class Checkpoint;
class Progress;

// Non-finite values found in one floating-point tensor.
struct NonFiniteTensor {
    QString name;
    std::int64_t elements = 0;
    std::int64_t nanCount = 0;
    std::int64_t infCount = 0;
    std::int64_t firstIndex = -1; // flat row-major index of the first non-finite value
    QString firstPosition;        // that index as "[row, column]" for 2-D tensors
};

// Scans every floating-point tensor of a checkpoint for NaN and ±Inf. Non-finite weights are
// reported per tensor, not refused: the model still opens, and quantization keeps a layer holding
// them unquantized with a warning.
class WeightScan {
    Q_DECLARE_TR_FUNCTIONS(WeightScan)

public:
    // Reads every tensor once (progress by bytes; cancellable between chunks).
    static std::vector<NonFiniteTensor> run(const Checkpoint& checkpoint, Progress& progress);
    // Scans one float32 buffer; `name` and `shape` only label the result.
    static NonFiniteTensor scanValues(const QString& name, const std::vector<std::int64_t>& shape,
                                      const float* values, std::int64_t count);
    static Issue toIssue(const NonFiniteTensor& tensor);
};

} // namespace qb
