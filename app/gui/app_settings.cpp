#include "app/gui/app_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
const std::array<SettingSpec, 25>& settingTable()
{
    static const std::array<SettingSpec, 25> table{{
        {AppSettings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {AppSettings::Key::WindowState, "window/state", QByteArray()},
        {AppSettings::Key::MainSplitterState, "window/mainSplitter", QByteArray()},
        // "2": the table gained columns; a state saved for the old ones is not restored.
        {AppSettings::Key::LayerHeaderState, "layers/headerState2", QByteArray()},
        {AppSettings::Key::RecentModels, "models/recent", QStringList()},
        {AppSettings::Key::LastModelDirectory, "models/lastDirectory", QDir::homePath()},
        {AppSettings::Key::LastExportDirectory, "export/lastDirectory", QDir::homePath()},
        {AppSettings::Key::LastPlanDirectory, "plan/lastDirectory", QDir::homePath()},
        {AppSettings::Key::LastScanDirectory, "sensitivity/lastDirectory", QDir::homePath()},
        {AppSettings::Key::LastProjectDirectory, "project/lastDirectory", QDir::homePath()},
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
        // JSON objects (AppSettings::lastSensitivityScan, autoBitsOptions); empty: none saved.
        {AppSettings::Key::LastSensitivityScan, "sensitivity/lastScan", QByteArray()},
        {AppSettings::Key::AutoBitsOptions, "autobits/options", QByteArray()},
    }};
    return table;
}

QJsonArray widthsToJson(const std::vector<int>& widths)
{
    QJsonArray array;
    for (int bits : widths)
        array.append(bits);
    return array;
}

// Widths in QuantScheme's range, in the order saved; nothing when any entry is not one.
std::optional<std::vector<int>> widthsFromJson(const QJsonValue& value)
{
    if (!value.isArray())
        return std::nullopt;
    std::vector<int> widths;
    for (const QJsonValue& entry : value.toArray()) {
        const int bits = entry.toInt(0);
        if (bits < QuantScheme::kMinBits || bits > QuantScheme::kMaxBits)
            return std::nullopt;
        widths.push_back(bits);
    }
    return widths;
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
        // Model folders, and the files opened as models or sessions: GGUF files, projects.
        if (QFileInfo::exists(path) && !existing.contains(path))
            existing << path;
    }
    return existing;
}

void AppSettings::addRecentModel(const QString& opened)
{
    const QString path = QFileInfo(opened).absoluteFilePath();
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

std::optional<SensitivityScanRequest> AppSettings::lastSensitivityScan() const
{
    const QJsonObject saved =
        QJsonDocument::fromJson(value(Key::LastSensitivityScan).toByteArray()).object();
    if (saved.isEmpty())
        return std::nullopt;
    const std::optional<std::vector<int>> widths =
        widthsFromJson(saved.value(QStringLiteral("bits")));
    const std::optional<SensitivityUnitKind> unit =
        sensitivityUnitFromKey(saved.value(QStringLiteral("unit")).toString());
    if (!widths || widths->empty() || !unit)
        return std::nullopt;
    SensitivityScanRequest request;
    try {
        // Stored as a recipe's "default" object, so it is validated the same way.
        request.options.quantization =
            QuantPlan::fromJson(QJsonObject{{QStringLiteral("default"),
                                             saved.value(QStringLiteral("quantization"))}},
                                keyName(Key::LastSensitivityScan))
                .defaults;
    } catch (const std::exception&) {
        return std::nullopt; // a damaged setting: the dialog starts from its defaults
    }
    request.options.bits = *widths;
    request.options.unit = *unit;
    request.evaluationText = saved.value(QStringLiteral("text")).toString();
    request.evaluationDocuments = std::max(0, saved.value(QStringLiteral("documents")).toInt());
    return request;
}

void AppSettings::setLastSensitivityScan(const SensitivityScanRequest& request)
{
    const QJsonObject saved{
        {QStringLiteral("bits"), widthsToJson(request.options.bits)},
        {QStringLiteral("quantization"), request.options.quantization.toJson()},
        {QStringLiteral("unit"), sensitivityUnitKey(request.options.unit)},
        {QStringLiteral("text"), request.evaluationText},
        {QStringLiteral("documents"), request.evaluationDocuments},
    };
    setValue(Key::LastSensitivityScan, QJsonDocument(saved).toJson(QJsonDocument::Compact));
}

AutoBitsOptions AppSettings::autoBitsOptions() const
{
    const QJsonObject saved =
        QJsonDocument::fromJson(value(Key::AutoBitsOptions).toByteArray()).object();
    AutoBitsOptions options;
    if (const auto widths = widthsFromJson(saved.value(QStringLiteral("bits"))))
        options.bits = *widths;
    const double target = saved.value(QStringLiteral("target")).toDouble(0.0);
    if (target > 0.0 && target <= 32.0)
        options.targetBitsPerWeight = target;
    if (const auto loss = autoBitsLossFromKey(saved.value(QStringLiteral("loss")).toString()))
        options.loss = *loss;
    if (const auto solver = autoBitsSolverFromKey(saved.value(QStringLiteral("solver")).toString()))
        options.solver = *solver;
    return options;
}

void AppSettings::setAutoBitsOptions(const AutoBitsOptions& options)
{
    const QJsonObject saved{
        {QStringLiteral("bits"), widthsToJson(options.bits)},
        {QStringLiteral("target"), options.targetBitsPerWeight},
        {QStringLiteral("loss"), autoBitsLossKey(options.loss)},
        {QStringLiteral("solver"), autoBitsSolverKey(options.solver)},
    };
    setValue(Key::AutoBitsOptions, QJsonDocument(saved).toJson(QJsonDocument::Compact));
}

} // namespace qb
