#pragma once

#include "app/cli/cli_command.h"
#include "core/analysis/sensitivity_scan.h"

#include <QCommandLineOption>

#include <memory>
#include <vector>

namespace qb {
class LoadedModel;
} // namespace qb

namespace qb::cli {

// The options of a sensitivity scan, shared by `sensitivity` and by `autobits` when it scans
// first: --eval TEXT, --eval-docs N, --calib TEXT, --samples N, --seqlen L, --bits LIST, --group G,
// --method rtn|gptq, --sym/--asym, --unit layer|block|role.
class SensitivityOptionsCli {
public:
    SensitivityOptionsCli();

    void addTo(CommandLine& line) const;
    // Whether any of the scan's own options (all but --bits) was given.
    bool isGiven(const CommandLine& line) const;
    // The scan settings the options describe (no backend). Throws UsageError for bad values or
    // a missing --eval, or --calib missing for GPTQ; nothing is read.
    SensitivityOptions build(const CommandLine& line) const;
    // Reads the texts, builds the calibration windows and runs the scan with a console progress
    // line. Throws Error for unreadable text, Cancelled on Ctrl-C (nothing is kept).
    SensitivityScanResult run(const CommandLine& line,
                              const std::shared_ptr<const LoadedModel>& model,
                              const SensitivityOptions& options) const;

    // --bits: "2,3,4,8" as ascending distinct widths. Throws UsageError naming the option.
    static std::vector<int> bitsList(const CommandLine& line);
    // The summary fields shown above a scan's table (and autobits' when it scanned).
    static std::vector<std::pair<QString, QString>> describe(const SensitivityScanResult& scan);

private:
    QCommandLineOption m_eval;
    QCommandLineOption m_evalDocs;
    QCommandLineOption m_calib;
    QCommandLineOption m_samples;
    QCommandLineOption m_seqlen;
    QCommandLineOption m_bits;
    QCommandLineOption m_group;
    QCommandLineOption m_method;
    QCommandLineOption m_sym;
    QCommandLineOption m_asym;
    QCommandLineOption m_unit;
};

// Writes `json` (indented) to `path` atomically, replacing it. Throws Error naming the file.
void writeJsonFile(const QString& path, const QJsonObject& json);

} // namespace qb::cli
