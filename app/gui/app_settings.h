#pragma once

#include "core/analysis/auto_bits.h"
#include "core/analysis/sensitivity_scan.h"
#include "core/quant/quant_plan.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

class QSettings;

namespace qb {

// The GUI's persistent settings: one table of keys and defaults (app_settings.cpp), typed helpers
// for the composite values. Settings live in the platform's standard place unless a file was
// chosen with useFile() (tests use this to isolate themselves) or the QUANTBENCH_SETTINGS
// environment variable names one.
class AppSettings {
public:
    enum class Key {
        WindowGeometry,
        WindowState,
        MainSplitterState,
        LayerHeaderState,
        RecentModels,
        LastModelDirectory,
        LastExportDirectory,
        LastPlanDirectory,
        LastScanDirectory,
        LastProjectDirectory,
        DefaultQuantConfig,
        HistogramLogScale,
        HistogramBins,
        HistogramDisplay,
        CurrentPlotTab,
        EvaluationText,
        EvaluationContext,
        EvaluationStride,
        DefaultCalibration,
        CalibrationText,
        TrueSequential,
        ComputeBackend,
        ExportFormat,
        LastSensitivityScan,
        AutoBitsOptions,
    };

    static constexpr int kMaxRecentModels = 10;

    // Use `iniPath` for every AppSettings created afterwards (empty: back to the default).
    static void useFile(const QString& iniPath);

    AppSettings();
    ~AppSettings();

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);

    // Most recent first, no duplicates: the model folders and the files opened as models or
    // sessions (GGUF files, projects) that still exist.
    QStringList recentModels() const;
    void addRecentModel(const QString& opened);
    void clearRecentModels();

    // The quantization settings new models start with: the last defaults the user chose.
    LayerQuantConfig defaultQuantConfig() const;
    void setDefaultQuantConfig(const LayerQuantConfig& config);
    // The calibration settings new models start with: the last the user chose.
    CalibrationOptions defaultCalibration() const;
    void setDefaultCalibration(const CalibrationOptions& options);
    // What the Sensitivity Scan dialog last ran (widths, method and grouping, unit, evaluation
    // text and documents); nothing when none was saved or the saved one is damaged. The owner's
    // calibration, context and device are not part of it.
    std::optional<SensitivityScanRequest> lastSensitivityScan() const;
    void setLastSensitivityScan(const SensitivityScanRequest& request);
    // What the Automatic Bits dialog last applied; the defaults when none was saved or it is
    // damaged.
    AutoBitsOptions autoBitsOptions() const;
    void setAutoBitsOptions(const AutoBitsOptions& options);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace qb
