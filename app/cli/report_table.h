#pragma once

#include <QString>

namespace qb {
struct QuantReport;
} // namespace qb

namespace qb::cli {

// A run's layers as the CLI prints them (quantize, and inspect on a project): one row per layer
// with its method, bits, group, weight MSE, output MSE, relative error and SQNR on the held-out
// rows and status, then "35 layers: 34 quantized, 1 kept, 0 skipped in 1.40 s".
QString quantReportTable(const QuantReport& report);

} // namespace qb::cli
