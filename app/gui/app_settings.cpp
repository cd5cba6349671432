#include "app/gui/app_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>

#include <array>

namespace qb {

namespace {

struct SettingSpec {
    AppSettings::Key key;
    const char* name;
    QVariant defaultValue;
};

// Every setting the GUI keeps, with its default. Add new settings here.
const std::array<SettingSpec, 21>& settingTable()
{
    static const std::array<SettingSpec, 21> table{{
        {AppSettings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {AppSettings::Key::WindowState, "window/state", QByteArray()},
        {AppSettings::Key::MainSplitterState, "window/mainSplitter", QByteArray()},
        // "2": the table gained columns; a state saved for the old ones is not restored.
        {AppSettings::Key::LayerHeaderState, "layers/headerState2", QByteArray()},
        {AppSettings::Key::RecentModels, "models/recent", QStringList()},
        {AppSettings::Key::LastModelDirectory, "models/lastDirectory", QDir::homePath()},
        {AppSettings::Key::LastExportDirectory, "export/lastDirectory", QDir::homePath()},
        {AppSettings::Key::LastPlanDirectory, "plan/lastDirectory", QDir::homePath()},
        {AppSettings::Key::DefaultQuantConfig, "plan/defaultConfig",
         QJsonDocument(LayerQuantConfig{}.toJson()).toJson(QJsonDocument::Compact)},
        {AppSettings::Key::HistogramLogScale, "histogram/logScale", false},
        {AppSettings::Key::HistogramBins, "histogram/bins", 128},
        // HistogramView::Display: weights and grid, before and after, rounding error.
        {AppSettings::Key::HistogramDisplay, "histogram/display", 0},
        // The objectName of the plot tab shown last.
        {AppSettings::Key::CurrentPlotTab, "window/plotTab", QString()},
        // Empty: the bundled TinyStories sample, when installed.
        {AppSettings::Key::EvaluationText, "evaluation/text", QString()},
        {AppSettings::Key::EvaluationContext, "evaluation/context", 0},
        {AppSettings::Key::EvaluationStride, "evaluation/stride", 0},
        {AppSettings::Key::DefaultCalibration, "plan/defaultCalibration",
         QJsonDocument(CalibrationOptions{}.toJson()).toJson(QJsonDocument::Compact)},
        // Empty: the bundled TinyStories text when the demo model is open, else none.
        {AppSettings::Key::CalibrationText, "calibration/text", QString()},
        {AppSettings::Key::TrueSequential, "calibration/trueSequential", true},
        // A --backend value: "cpu", "opencl:P:D".
        {AppSettings::Key::ComputeBackend, "compute/backend", QStringLiteral("cpu")},
        // A --format value: "fake", "gptq", "awq", "compressed-tensors".
        {AppSettings::Key::ExportFormat, "export/format", QStringLiteral("fake")},
    }};
    return table;
}

const SettingSpec& specOf(AppSettings::Key key)
{
    for (const SettingSpec& spec : settingTable()) {
        if (spec.key == key)
            return spec;
    }
    Q_UNREACHABLE();
}

QString& overrideFile()
{
    static QString path;
    return path;
}

} // namespace

void AppSettings::useFile(const QString& iniPath)
{
    overrideFile() = iniPath;
}

AppSettings::AppSettings()
{
    QString path = overrideFile();
    if (path.isEmpty())
        path = qEnvironmentVariable("QUANTBENCH_SETTINGS");
    m_settings = path.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(path, QSettings::IniFormat);
}

AppSettings::~AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    return QString::fromLatin1(specOf(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return specOf(key).defaultValue;
}

QVariant AppSettings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    m_settings->setValue(keyName(key), value);
}

QStringList AppSettings::recentModels() const
{
    QStringList existing;
    for (const QString& path : value(Key::RecentModels).toStringList()) {
        if (QFileInfo(path).isDir() && !existing.contains(path))
            existing << path;
    }
    return existing;
}

void AppSettings::addRecentModel(const QString& directory)
{
    const QString path = QFileInfo(directory).absoluteFilePath();
    QStringList recent = recentModels();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentModels)
        recent.removeLast();
    setValue(Key::RecentModels, recent);
}

void AppSettings::clearRecentModels()
{
    setValue(Key::RecentModels, QStringList());
}

LayerQuantConfig AppSettings::defaultQuantConfig() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(value(Key::DefaultQuantConfig).toByteArray());
    try {
        // Stored as a recipe's "default" object, so it is validated the same way.
        return QuantPlan::fromJson(QJsonObject{{QStringLiteral("default"), doc.object()}},
                                   keyName(Key::DefaultQuantConfig))
            .defaults;
    } catch (const std::exception&) {
        return LayerQuantConfig{}; // a damaged setting falls back to the default
    }
}

CalibrationOptions AppSettings::defaultCalibration() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(value(Key::DefaultCalibration).toByteArray());
    try {
        // Stored as a recipe's "calibration" object, so it is validated the same way.
        return QuantPlan::fromJson(QJsonObject{{QStringLiteral("calibration"), doc.object()}},
                                   keyName(Key::DefaultCalibration))
            .calibration;
    } catch (const std::exception&) {
        return CalibrationOptions{}; // a damaged setting falls back to the default
    }
}

void AppSettings::setDefaultCalibration(const CalibrationOptions& options)
{
    setValue(Key::DefaultCalibration,
             QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact));
}

void AppSettings::setDefaultQuantConfig(const LayerQuantConfig& config)
{
    setValue(Key::DefaultQuantConfig,
             QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace qb
