#pragma once

#include "core/export/model_card.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace qb {

struct QuantReport;

// A run's report saved on its own (the GUI's File › Save Report…, quantbench-cli quantize
// --report), in the format its file name says: ".html" or ".htm" an HTML page, ".csv" the
// per-layer table (QuantReport::toCsv), anything else the JSON report (QuantReport::toJson, as
// quant_report.json beside an export).
//
// The HTML page is for people to read and pass on: self-contained (inline CSS, no scripts, no
// external files), UTF-8, in the application's language. It holds the summary — the model, the
// plan, the calibration, the device, the time, the layers by status, the average bits per weight
// (QuantReport::averageBitsPerWeight), the perplexities when `facts` has them — and one row per
// layer with its method and grid, its output errors on the held-out rows (with a bar scaled to
// the largest relative error, so that the sensitive layers stand out), its weight error, time,
// GPTQ damping and notes. Every text taken from the report is HTML-escaped.
class ReportFile {
    Q_DECLARE_TR_FUNCTIONS(ReportFile)

public:
    enum class Format { Json, Csv, Html };
    static Format formatOf(const QString& path);

    static QByteArray html(const QuantReport& report, const ModelCardFacts& facts = {});
    // Writes the report to `path` (atomically) in formatOf(path). Throws Error naming the file on
    // failure.
    static void write(const QString& path, const QuantReport& report,
                      const ModelCardFacts& facts = {});
};

} // namespace qb
