#include "core/project/project_file.h"

#include "core/io/safetensors_file.h"
#include "core/io/safetensors_writer.h"
#include "core/io/staging_directory.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "core/util/json_reader.h"
#include "core/util/progress.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>

namespace qb {

namespace {

constexpr auto kMetadataKey = "quantbench.project";
constexpr auto kFormat = "quantbench-project";
constexpr int kVersion = 1;
static_assert(sizeof(GridParams) == 2 * sizeof(float), "a grid is written as (scale, zero) pairs");

QString layerTensor(const QString& layer, const char* part)
{
    return QStringLiteral("run/%1/%2").arg(layer, QLatin1String(part));
}

QString inputTensor(int inputGroup, const char* part)
{
    return QStringLiteral("run/inputs/%1/%2").arg(inputGroup).arg(QLatin1String(part));
}

template <typename T> std::span<const std::byte> bytesOf(const std::vector<T>& values)
{
    return std::as_bytes(std::span<const T>(values));
}

template <typename T, int Rows>
std::span<const std::byte> bytesOf(const Eigen::Matrix<T, Rows, 1>& v)
{
    return std::as_bytes(std::span<const T>(v.data(), static_cast<std::size_t>(v.size())));
}

// One tensor to write: its header and where its bytes are (borrowed from the project), or the
// codes to store two to a byte, packed as the tensor is written (no second copy of the run).
struct PendingTensor {
    TensorHeader header;
    std::span<const std::byte> bytes;
    const QuantizedTensor* nibbleCodes = nullptr;

    std::uint64_t size() const
    {
        return nibbleCodes ? std::uint64_t(header.shape[0] * header.shape[1]) : bytes.size();
    }
};

// Codes of at most 4 bits, two to a byte: column 2j in the low nibble, 2j + 1 in the high one,
// each row padded to whole bytes. A project of a 4-bit run is then half the size.
constexpr int kMaxNibbleBits = 4;

std::int64_t nibbleRowBytes(std::int64_t cols)
{
    return (cols + 1) / 2;
}

void packNibbles(const QuantizedTensor& t, std::vector<std::uint8_t>& out)
{
    const std::int64_t rowBytes = nibbleRowBytes(t.cols);
    out.assign(std::size_t(t.rows * rowBytes), 0);
    for (std::int64_t r = 0; r < t.rows; ++r) {
        const std::uint8_t* codes = t.codes.data() + r * t.cols;
        std::uint8_t* packed = out.data() + r * rowBytes;
        for (std::int64_t c = 0; c < t.cols; ++c)
            packed[c / 2] |= std::uint8_t((codes[c] & 0x0F) << (4 * (c % 2)));
    }
}

void unpackNibbles(const std::vector<std::uint8_t>& packed, QuantizedTensor& t)
{
    const std::int64_t rowBytes = nibbleRowBytes(t.cols);
    for (std::int64_t r = 0; r < t.rows; ++r) {
        const std::uint8_t* row = packed.data() + r * rowBytes;
        std::uint8_t* codes = t.codes.data() + r * t.cols;
        for (std::int64_t c = 0; c < t.cols; ++c)
            codes[c] = std::uint8_t((row[c / 2] >> (4 * (c % 2))) & 0x0F);
    }
}

// `path` relative to the project's folder (empty for an empty path), so that files moved
// together with the project are found again.
QString relativeToProject(const QString& projectPath, const QString& path)
{
    return path.isEmpty() ? QString()
                          : QFileInfo(projectPath)
                                .absoluteDir()
                                .relativeFilePath(QFileInfo(path).absoluteFilePath());
}

QJsonObject inputsToJson(const QString& projectPath, const QuantRunInputs& inputs)
{
    // The digest the inputs carry (a reopened project's), else the text's as it is now: the run
    // was made from it while its size and time still match.
    const QFileInfo text(inputs.textPath);
    const bool unchanged = !inputs.textPath.isEmpty() && text.size() == inputs.textSize
                           && text.lastModified() == inputs.textModified;
    return QJsonObject{
        {QStringLiteral("recipe"), QJsonDocument::fromJson(inputs.planJson).object()},
        {QStringLiteral("calibration_text"), inputs.textPath},
        {QStringLiteral("calibration_text_relative"),
         relativeToProject(projectPath, inputs.textPath)},
        {QStringLiteral("text_modified"), inputs.textModified.toString(Qt::ISODateWithMs)},
        {QStringLiteral("text_size"), inputs.textSize},
        {QStringLiteral("text_sha256"),
         QString::fromLatin1(!inputs.textSha256.isEmpty() ? inputs.textSha256
                             : unchanged ? QuantRunInputs::sha256Of(inputs.textPath)
                                         : QByteArray())},
        {QStringLiteral("true_sequential"), inputs.trueSequential},
    };
}

} // namespace

QuantRunInputs QuantRunInputs::of(const QuantPlan& plan, const LayerInventory& inventory,
                                  const QString& textPath, bool trueSequential,
                                  const QStringList& layers)
{
    QuantRunInputs inputs;
    inputs.planJson = QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact);
    inputs.trueSequential = trueSequential;
    bool needed = false;
    for (const LinearLayer& layer : inventory.layers()) {
        if ((layers.isEmpty() || layers.contains(layer.name))
            && plan.resolve(layer.name).needsCalibration())
            needed = true;
    }
    const QFileInfo file(textPath);
    // A needed text that has gone fails the run, which names the file.
    if (!textPath.isEmpty() && (needed || file.isFile())) {
        inputs.textPath = textPath;
        inputs.textModified = file.lastModified();
        inputs.textSize = file.size();
    }
    return inputs;
}

QString Project::evaluatedPlanDescription() const
{
    const QJsonObject json = QJsonDocument::fromJson(evaluatedPlanKey).object();
    if (json.isEmpty())
        return evaluatedPlan;
    try {
        return QuantPlan::fromJson(json, QString()).describe();
    } catch (const Error&) {
        return evaluatedPlan;
    }
}

bool Project::evaluationIsCurrent(const LayerInventory& inventory) const
{
    return evaluation && evaluatedPlanKey == plan.evaluationKey(inventory);
}

void Project::setEvaluation(std::shared_ptr<const EvaluationResult> result,
                            const LayerInventory& inventory)
{
    evaluation = std::move(result);
    evaluatedPlanKey = plan.evaluationKey(inventory);
    evaluatedPlan = plan.describe();
}

void Project::setRun(std::shared_ptr<const QuantizedModel> quantized,
                     const LayerInventory& inventory)
{
    run = std::move(quantized);
    runInputs = QuantRunInputs::of(plan, inventory, calibrationText, trueSequential);
}

bool ProjectFile::isProjectPath(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String(kSuffix), Qt::CaseInsensitive) == 0;
}

bool QuantRunInputs::matches(const QuantRunInputs& saved) const
{
    if (planJson != saved.planJson || trueSequential != saved.trueSequential
        || textPath.isEmpty() != saved.textPath.isEmpty())
        return false;
    if (textPath.isEmpty())
        return true;
    if (textSize != saved.textSize)
        return false;
    if (textPath == saved.textPath && textModified == saved.textModified)
        return true;
    return !saved.textSha256.isEmpty() && sha256Of(textPath) == saved.textSha256;
}

QByteArray QuantRunInputs::sha256Of(const QString& path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result().toHex();
}

void ProjectFile::write(const QString& path, const Project& project, const LoadedModel& model,
                        Progress& progress)
{
    const QString shown = QDir::toNativeSeparators(path);
    StagingDirectory::refuseInputs(path, model.inputPaths());
    const QString modelPath = QFileInfo(project.modelDirectory).absoluteFilePath();
    const LayerInventory& inventory = model.inventory();

    QJsonObject json{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("model"), modelPath},
        {QStringLiteral("model_relative"), relativeToProject(path, modelPath)},
        {QStringLiteral("model_check"),
         QJsonObject{{QStringLiteral("layers"), qint64(inventory.layers().size())},
                     {QStringLiteral("parameters"), qint64(inventory.totalParameters())}}},
        {QStringLiteral("recipe"), project.plan.toJson()},
        {QStringLiteral("calibration_text"), project.calibrationText},
        {QStringLiteral("calibration_text_relative"),
         relativeToProject(path, project.calibrationText)},
        {QStringLiteral("true_sequential"), project.trueSequential},
    };
    QJsonObject evaluation{
        {QStringLiteral("text"), project.evaluationText},
        {QStringLiteral("text_relative"), relativeToProject(path, project.evaluationText)},
        {QStringLiteral("context"), project.evaluationContext},
        {QStringLiteral("stride"), project.evaluationStride}};
    if (project.evaluation) {
        evaluation.insert(QStringLiteral("result"), project.evaluation->toJson());
        evaluation.insert(QStringLiteral("plan_key"), QString::fromUtf8(project.evaluatedPlanKey));
        evaluation.insert(QStringLiteral("plan"), project.evaluatedPlan);
    }
    json.insert(QStringLiteral("evaluation"), evaluation);
    if (project.scan)
        json.insert(QStringLiteral("scan"), project.scan->toJson());

    std::vector<PendingTensor> tensors;
    if (project.run) {
        const QuantizedModel& run = *project.run;
        QJsonArray layers;
        for (const auto& [name, layer] : run.layers) {
            const QuantizedTensor& t = layer.tensor;
            const bool nibbles = t.scheme.bits <= kMaxNibbleBits;
            layers.append(QJsonObject{
                {QStringLiteral("name"), name},
                {QStringLiteral("codes"),
                 nibbles ? QStringLiteral("nibbles") : QStringLiteral("bytes")},
                {QStringLiteral("bits"), t.scheme.bits},
                {QStringLiteral("sym"), t.scheme.symmetric},
                {QStringLiteral("group_size"), t.scheme.groupSizeCode()},
                {QStringLiteral("group_width"), qint64(t.groupWidth)},
                {QStringLiteral("quantized_activations"), layer.quantizedActivations},
                {QStringLiteral("damping_used"), layer.dampingUsed},
                {QStringLiteral("damping_raises"), layer.dampingRaises},
                {QStringLiteral("fell_back_to_rtn"), layer.fellBackToRtn},
                {QStringLiteral("condition_estimate"), layer.conditionEstimate},
                {QStringLiteral("details"), layer.details},
                {QStringLiteral("warning"), layer.warning},
                {QStringLiteral("seconds"), layer.seconds},
            });
            if (nibbles)
                tensors.push_back({{layerTensor(name, "codes_nibbles"),
                                    DType::U8,
                                    {t.rows, nibbleRowBytes(t.cols)}},
                                   {},
                                   &t});
            else
                tensors.push_back(
                    {{layerTensor(name, "codes"), DType::U8, {t.rows, t.cols}}, bytesOf(t.codes)});
            tensors.push_back({{layerTensor(name, "grid"), DType::F32, {t.rows, t.groupsPerRow, 2}},
                               bytesOf(t.params)});
            if (!t.groupIndex.empty())
                tensors.push_back({{layerTensor(name, "group_index"), DType::I32, {t.cols}},
                                   bytesOf(t.groupIndex)});
            if (!layer.permutation.empty())
                tensors.push_back({{layerTensor(name, "permutation"),
                                    DType::I32,
                                    {std::int64_t(layer.permutation.size())}},
                                   bytesOf(layer.permutation)});
            if (!layer.inputScale.empty())
                tensors.push_back({{layerTensor(name, "input_scale"),
                                    DType::F32,
                                    {std::int64_t(layer.inputScale.size())}},
                                   bytesOf(layer.inputScale)});
        }
        QJsonArray inputs;
        for (const auto& [group, stats] : run.inputChannels) {
            inputs.append(QJsonObject{{QStringLiteral("input_group"), group},
                                      {QStringLiteral("block"), stats.block},
                                      {QStringLiteral("site"), stats.site},
                                      {QStringLiteral("tokens"), qint64(stats.tokens)}});
            const std::int64_t k = stats.absMean.size();
            tensors.push_back(
                {{inputTensor(group, "abs_mean"), DType::F64, {k}}, bytesOf(stats.absMean)});
            tensors.push_back(
                {{inputTensor(group, "abs_max"), DType::F32, {k}}, bytesOf(stats.absMax)});
            tensors.push_back(
                {{inputTensor(group, "square_sum"), DType::F64, {k}}, bytesOf(stats.squareSum)});
        }
        json.insert(
            QStringLiteral("run"),
            QJsonObject{{QStringLiteral("report"), run.report.toJson()},
                        {QStringLiteral("finished"), run.finished.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("inputs"), inputsToJson(path, project.runInputs)},
                        {QStringLiteral("layers"), layers},
                        {QStringLiteral("input_channels"), inputs}});
    }

    std::vector<TensorHeader> headers;
    std::uint64_t totalBytes = 0;
    for (const PendingTensor& tensor : tensors) {
        headers.push_back(tensor.header);
        totalBytes += tensor.size();
    }
    StagingDirectory::requireFreeSpaceAt(QFileInfo(path).absolutePath(), path, totalBytes);
    progress.throwIfCancelled();

    StagedFile staged(path);
    SafetensorsWriter writer(
        staged.path(), std::move(headers),
        {{QLatin1String(kMetadataKey),
          QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))}});
    std::uint64_t written = 0;
    std::vector<std::uint8_t> packed; // one layer's packed codes at a time
    for (const PendingTensor& tensor : tensors) {
        progress.throwIfCancelled();
        if (tensor.nibbleCodes) {
            packNibbles(*tensor.nibbleCodes, packed);
            writer.writeNext(bytesOf(packed));
        } else {
            writer.writeNext(tensor.bytes);
        }
        written += tensor.size();
        progress.report(totalBytes > 0 ? double(written) / double(totalBytes) : 1.0,
                        tr("Writing %1").arg(shown));
    }
    writer.finish();
    if (!staged.commit())
        throw Error(tr("%1: cannot rename the finished file into place").arg(shown));
    progress.report(1.0, tr("Saved %1").arg(shown));
}

namespace {

// Reads the tensors of a project file, each checked for its dtype and shape.
class ProjectTensors {
public:
    ProjectTensors(const SafetensorsFile& file, QString source)
        : m_file(file)
        , m_source(std::move(source))
    {
    }

    bool has(const QString& name) const { return m_file.find(name) != nullptr; }

    template <typename T>
    void read(const QString& name, DType dtype, const std::vector<std::int64_t>& shape,
              T* out) const
    {
        const TensorInfo* info = m_file.find(name);
        if (!info)
            throw Error(ProjectFile::tr("%1: the tensor %2 is missing").arg(m_source, name));
        if (info->dtype != dtype || info->shape != shape) {
            QStringList dims;
            for (std::int64_t d : shape)
                dims << QString::number(d);
            throw Error(ProjectFile::tr("%1: the tensor %2 is %3 %4, %5 [%6] was expected")
                            .arg(m_source, name, dtypeName(info->dtype), info->shapeText(),
                                 dtypeName(dtype), dims.join(QStringLiteral(", "))));
        }
        const std::span<const std::byte> bytes = m_file.bytes(*info);
        std::memcpy(out, bytes.data(), bytes.size());
    }

private:
    const SafetensorsFile& m_file;
    QString m_source;
};

QString resolveModelPath(const QString& projectPath, const QJsonObject& json,
                         const JsonReader& read)
{
    const QString absolute = read.string(json, {}, QStringLiteral("model"));
    if (QFileInfo::exists(absolute))
        return absolute;
    const QString relative = json.value(QLatin1String("model_relative")).toString();
    if (!relative.isEmpty()) {
        const QString beside = QFileInfo(projectPath).absoluteDir().absoluteFilePath(relative);
        if (QFileInfo::exists(beside))
            return QDir::cleanPath(beside);
    }
    throw Error(ProjectFile::tr("%1: its model %2 is not there (nor at %3 beside the project)")
                    .arg(read.source(), QDir::toNativeSeparators(absolute),
                         QDir::toNativeSeparators(relative)));
}

// A text the project names: where it was, or — when it is not there — the same relative path
// from the project's folder if a file is there (texts moved together with the project). An empty
// path stays empty; a text found nowhere keeps its old path, which a run then names.
QString resolveTextPath(const QString& projectPath, const QJsonObject& json,
                        const QString& absoluteKey, const QString& relativeKey)
{
    const QString absolute = json.value(absoluteKey).toString();
    if (absolute.isEmpty() || QFileInfo::exists(absolute))
        return absolute;
    const QString relative = json.value(relativeKey).toString();
    if (!relative.isEmpty()) {
        const QString beside = QFileInfo(projectPath).absoluteDir().absoluteFilePath(relative);
        if (QFileInfo(beside).isFile())
            return QDir::cleanPath(beside);
    }
    return absolute;
}

QuantRunInputs inputsFromJson(const QString& projectPath, const QJsonObject& json,
                              const JsonReader& read)
{
    const QString at = QStringLiteral("run.inputs");
    QuantRunInputs inputs;
    inputs.planJson = QJsonDocument(read.object(read.field(json, at, QStringLiteral("recipe")),
                                                JsonReader::path(at, QStringLiteral("recipe"))))
                          .toJson(QJsonDocument::Compact);
    inputs.textPath = resolveTextPath(projectPath, json, QStringLiteral("calibration_text"),
                                      QStringLiteral("calibration_text_relative"));
    inputs.textSha256 = json.value(QLatin1String("text_sha256")).toString().toLatin1();
    // A text moved or copied with the project has another time. It is recognised here, once and
    // on the opening thread (a worker's), by its digest, and the inputs take its time: later
    // comparisons (QuantRunInputs::matches, on the GUI thread too) then need not read it.
    const QFileInfo text(inputs.textPath);
    if (!inputs.textSha256.isEmpty() && text.isFile() && text.size() == inputs.textSize
        && text.lastModified() != inputs.textModified
        && QuantRunInputs::sha256Of(inputs.textPath) == inputs.textSha256)
        inputs.textModified = text.lastModified();
    inputs.textModified = QDateTime::fromString(
        json.value(QLatin1String("text_modified")).toString(), Qt::ISODateWithMs);
    inputs.textSize = read.integer(json, at, QStringLiteral("text_size"), -1, 9.0e15);
    inputs.trueSequential = read.boolean(json, at, QStringLiteral("true_sequential"));
    return inputs;
}

} // namespace

OpenedProject ProjectFile::open(const QString& path, Progress& progress)
{
    const QString source = QDir::toNativeSeparators(path);
    progress.report(0.0, tr("Reading %1").arg(source));
    const std::shared_ptr<const SafetensorsFile> file = SafetensorsFile::open(path);
    const QString text = file->metadata().value(QLatin1String(kMetadataKey));
    if (text.isEmpty())
        throw Error(tr("%1 is not a QuantBench project: it has no \"%2\" metadata")
                        .arg(source, QLatin1String(kMetadataKey)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject())
        throw Error(
            tr("%1: the project's JSON is not readable: %2").arg(source, parseError.errorString()));
    const QJsonObject json = document.object();
    const JsonReader read(source);
    const QString top;
    if (read.string(json, top, QStringLiteral("format")) != QLatin1String(kFormat))
        read.fail(QStringLiteral("format"), QStringLiteral("\"%1\"").arg(QLatin1String(kFormat)),
                  json.value(QLatin1String("format")));
    const std::int64_t version = read.integer(json, top, QStringLiteral("version"), 1, 1 << 30);
    if (version > kVersion)
        throw Error(tr("%1 was written by a newer QuantBench (project version %2; this one reads "
                       "version %3)")
                        .arg(source)
                        .arg(version)
                        .arg(kVersion));

    OpenedProject opened;
    Project& project = opened.project;
    project.modelDirectory = resolveModelPath(path, json, read);
    progress.report(0.05, tr("Opening %1").arg(QDir::toNativeSeparators(project.modelDirectory)));
    opened.model = LoadedModel::open(project.modelDirectory);
    const LayerInventory& inventory = opened.model->inventory();
    progress.throwIfCancelled();

    const QJsonObject check = read.object(read.field(json, top, QStringLiteral("model_check")),
                                          QStringLiteral("model_check"));
    const std::int64_t parameters = inventory.totalParameters();
    const std::int64_t layerCount =
        read.integer(check, QStringLiteral("model_check"), QStringLiteral("layers"), 0, 9.0e15);
    const std::int64_t parameterCount =
        read.integer(check, QStringLiteral("model_check"), QStringLiteral("parameters"), 0, 9.0e15);
    if (layerCount != std::int64_t(inventory.layers().size()) || parameterCount != parameters)
        throw Error(tr("%1 was made on a model with %2 linear layers and %3 parameters in them; "
                       "%4 has %5 and %6")
                        .arg(source)
                        .arg(layerCount)
                        .arg(parameterCount)
                        .arg(QDir::toNativeSeparators(project.modelDirectory))
                        .arg(inventory.layers().size())
                        .arg(parameters));

    project.plan = QuantPlan::fromJson(
        read.object(read.field(json, top, QStringLiteral("recipe")), QStringLiteral("recipe")),
        source + QStringLiteral(": recipe"));
    if (const QStringList problems = project.plan.problemsFor(inventory); !problems.isEmpty())
        throw Error(tr("%1: its plan does not fit the model:\n%2")
                        .arg(source, problems.join(QLatin1Char('\n'))));
    project.calibrationText = resolveTextPath(path, json, QStringLiteral("calibration_text"),
                                              QStringLiteral("calibration_text_relative"));
    project.trueSequential = read.boolean(json, top, QStringLiteral("true_sequential"));
    const QJsonObject evaluation = read.object(read.field(json, top, QStringLiteral("evaluation")),
                                               QStringLiteral("evaluation"));
    project.evaluationText =
        resolveTextPath(path, evaluation, QStringLiteral("text"), QStringLiteral("text_relative"));
    project.evaluationContext = int(read.integer(evaluation, QStringLiteral("evaluation"),
                                                 QStringLiteral("context"), 0, 1 << 30));
    project.evaluationStride = int(read.integer(evaluation, QStringLiteral("evaluation"),
                                                QStringLiteral("stride"), 0, 1 << 30));
    if (const QJsonValue result = evaluation.value(QLatin1String("result"));
        !result.isUndefined()) {
        const QString where = QStringLiteral("evaluation.result");
        project.evaluation = std::make_shared<const EvaluationResult>(EvaluationResult::fromJson(
            read.object(result, where), source + QStringLiteral(": ") + where));
        project.evaluatedPlanKey =
            read.string(evaluation, QStringLiteral("evaluation"), QStringLiteral("plan_key"))
                .toUtf8();
        project.evaluatedPlan = evaluation.value(QLatin1String("plan")).toString();
    }

    if (const QJsonValue scan = json.value(QLatin1String("scan")); !scan.isUndefined()) {
        auto result = std::make_shared<SensitivityScanResult>(SensitivityScanResult::fromJson(
            read.object(scan, QStringLiteral("scan")), source + QStringLiteral(": scan")));
        if (const QStringList problems = result->problemsFor(inventory); !problems.isEmpty())
            throw Error(tr("%1: its sensitivity scan is not of the model:\n%2")
                            .arg(source, problems.join(QLatin1Char('\n'))));
        project.scan = std::move(result);
    }

    const QJsonValue runValue = json.value(QLatin1String("run"));
    if (runValue.isUndefined()) {
        progress.report(1.0);
        return opened;
    }
    const QJsonObject runJson = read.object(runValue, QStringLiteral("run"));
    const QString at = QStringLiteral("run");
    auto run = std::make_shared<QuantizedModel>();
    run->model = opened.model;
    run->report =
        QuantReport::fromJson(read.object(read.field(runJson, at, QStringLiteral("report")),
                                          QStringLiteral("run.report")),
                              inventory, source + QStringLiteral(": run.report"));
    run->finished = QDateTime::fromString(runJson.value(QLatin1String("finished")).toString(),
                                          Qt::ISODateWithMs);
    project.runInputs =
        inputsFromJson(path,
                       read.object(read.field(runJson, at, QStringLiteral("inputs")),
                                   QStringLiteral("run.inputs")),
                       read);

    const ProjectTensors tensors(*file, source);
    const QJsonArray layers = read.array(runJson, at, QStringLiteral("layers"));
    for (qsizetype i = 0; i < layers.size(); ++i) {
        progress.throwIfCancelled();
        const QString where = QStringLiteral("run.layers[%1]").arg(i);
        const QJsonObject item = read.object(layers[i], where);
        QuantizedLayer layer;
        layer.name = read.string(item, where, QStringLiteral("name"));
        const LinearLayer* linear = inventory.find(layer.name);
        const LayerReport* reported = run->report.find(layer.name);
        if (!linear || !reported || reported->status != LayerStatus::Quantized
            || run->layers.count(layer.name))
            throw Error(tr("%1: %2 is the layer \"%3\", which the run's report does not list as "
                           "quantized (or lists twice)")
                            .arg(source, where, layer.name));
        layer.config = reported->config;
        const QuantScheme scheme = QuantScheme::fromGroupSizeCode(
            int(read.integer(item, where, QStringLiteral("bits"), QuantScheme::kMinBits,
                             QuantScheme::kMaxBits)),
            read.boolean(item, where, QStringLiteral("sym")),
            int(read.integer(item, where, QStringLiteral("group_size"), -1, 1 << 30)));
        if (const QString error = scheme.validationError(); !error.isEmpty())
            throw Error(QStringLiteral("%1: %2: %3").arg(source, where, error));
        QuantizedTensor tensor =
            QuantizedTensor::allocate(scheme, linear->outFeatures, linear->inFeatures);
        if (read.integer(item, where, QStringLiteral("group_width"), 1, 9.0e15)
            != tensor.groupWidth)
            throw Error(tr("%1: %2 has groups of %3 columns where its grid has %4")
                            .arg(source, where)
                            .arg(item.value(QLatin1String("group_width")).toDouble())
                            .arg(tensor.groupWidth));
        const QString packing = item.value(QLatin1String("codes")).toString();
        if (packing == QLatin1String("nibbles")) {
            if (scheme.bits > kMaxNibbleBits)
                read.fail(JsonReader::path(where, QStringLiteral("codes")),
                          tr("\"bytes\" for a %1-bit grid").arg(scheme.bits),
                          item.value(QLatin1String("codes")));
            std::vector<std::uint8_t> packed(
                std::size_t(tensor.rows * nibbleRowBytes(tensor.cols)));
            tensors.read(layerTensor(layer.name, "codes_nibbles"), DType::U8,
                         {tensor.rows, nibbleRowBytes(tensor.cols)}, packed.data());
            unpackNibbles(packed, tensor);
        } else if (packing.isEmpty() || packing == QLatin1String("bytes")) {
            tensors.read(layerTensor(layer.name, "codes"), DType::U8, {tensor.rows, tensor.cols},
                         tensor.codes.data());
        } else {
            read.fail(JsonReader::path(where, QStringLiteral("codes")),
                      tr("\"bytes\" or \"nibbles\""), item.value(QLatin1String("codes")));
        }
        tensors.read(layerTensor(layer.name, "grid"), DType::F32,
                     {tensor.rows, tensor.groupsPerRow, 2}, tensor.params.data());
        const int maxCode = scheme.maxCode();
        for (std::uint8_t code : tensor.codes) {
            if (code > maxCode)
                throw Error(tr("%1: %2 holds a code of %3 on a %4-bit grid")
                                .arg(source, layerTensor(layer.name, "codes"))
                                .arg(code)
                                .arg(scheme.bits));
        }
        for (const GridParams& grid : tensor.params) {
            if (!std::isfinite(grid.scale) || !std::isfinite(grid.zero))
                throw Error(tr("%1: %2 holds a scale or zero point that is not finite")
                                .arg(source, layerTensor(layer.name, "grid")));
        }
        if (tensors.has(layerTensor(layer.name, "group_index"))) {
            tensor.groupIndex.resize(std::size_t(tensor.cols));
            tensors.read(layerTensor(layer.name, "group_index"), DType::I32, {tensor.cols},
                         tensor.groupIndex.data());
            for (std::int32_t group : tensor.groupIndex) {
                if (group < 0 || group >= tensor.groupsPerRow)
                    throw Error(tr("%1: %2 names group %3 of %4")
                                    .arg(source, layerTensor(layer.name, "group_index"))
                                    .arg(group)
                                    .arg(tensor.groupsPerRow));
            }
        }
        if (tensors.has(layerTensor(layer.name, "permutation"))) {
            layer.permutation.resize(std::size_t(tensor.cols));
            tensors.read(layerTensor(layer.name, "permutation"), DType::I32, {tensor.cols},
                         layer.permutation.data());
            std::vector<bool> seen(std::size_t(tensor.cols), false);
            for (std::int32_t column : layer.permutation) {
                if (column < 0 || column >= tensor.cols || seen[std::size_t(column)])
                    throw Error(tr("%1: %2 is not a permutation of the %3 columns")
                                    .arg(source, layerTensor(layer.name, "permutation"))
                                    .arg(tensor.cols));
                seen[std::size_t(column)] = true;
            }
        }
        if (tensors.has(layerTensor(layer.name, "input_scale"))) {
            layer.inputScale.resize(std::size_t(tensor.cols));
            tensors.read(layerTensor(layer.name, "input_scale"), DType::F32, {tensor.cols},
                         layer.inputScale.data());
            for (float s : layer.inputScale) {
                if (!std::isfinite(s) || s <= 0.0f)
                    throw Error(tr("%1: %2 holds a scale that is not a positive number")
                                    .arg(source, layerTensor(layer.name, "input_scale")));
            }
        }
        layer.tensor = std::move(tensor);
        layer.quantizedActivations =
            read.boolean(item, where, QStringLiteral("quantized_activations"));
        layer.dampingUsed = read.number(item, where, QStringLiteral("damping_used"));
        layer.dampingRaises =
            int(read.integer(item, where, QStringLiteral("damping_raises"), 0, 1 << 30));
        layer.fellBackToRtn = read.boolean(item, where, QStringLiteral("fell_back_to_rtn"));
        layer.conditionEstimate = read.number(item, where, QStringLiteral("condition_estimate"));
        layer.details = item.value(QLatin1String("details")).toString();
        layer.warning = item.value(QLatin1String("warning")).toString();
        layer.seconds = read.number(item, where, QStringLiteral("seconds"));
        run->layers.emplace(layer.name, std::move(layer));
        progress.report(0.1 + 0.85 * double(i + 1) / double(layers.size()),
                        tr("Reading %1").arg(source));
    }
    if (run->layers.size() != std::size_t(run->report.countWithStatus(LayerStatus::Quantized)))
        throw Error(tr("%1: the run's report lists %2 quantized layers, the file holds %3")
                        .arg(source)
                        .arg(run->report.countWithStatus(LayerStatus::Quantized))
                        .arg(run->layers.size()));

    const QJsonArray inputs = read.array(runJson, at, QStringLiteral("input_channels"));
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QString where = QStringLiteral("run.input_channels[%1]").arg(i);
        const QJsonObject item = read.object(inputs[i], where);
        InputChannelStats stats;
        stats.inputGroup = int(read.integer(item, where, QStringLiteral("input_group"), 0,
                                            double(inventory.inputGroups().size()) - 1));
        stats.block = int(read.integer(item, where, QStringLiteral("block"), -1, 1 << 30));
        stats.site = item.value(QLatin1String("site")).toString();
        stats.tokens = read.integer(item, where, QStringLiteral("tokens"), 0, 9.0e15);
        const std::int64_t k =
            inventory
                .layers()[std::size_t(
                    inventory.inputGroups()[std::size_t(stats.inputGroup)].front())]
                .inFeatures;
        stats.absMean.resize(k);
        stats.absMax.resize(k);
        stats.squareSum.resize(k);
        tensors.read(inputTensor(stats.inputGroup, "abs_mean"), DType::F64, {k},
                     stats.absMean.data());
        tensors.read(inputTensor(stats.inputGroup, "abs_max"), DType::F32, {k},
                     stats.absMax.data());
        tensors.read(inputTensor(stats.inputGroup, "square_sum"), DType::F64, {k},
                     stats.squareSum.data());
        run->inputChannels.emplace(stats.inputGroup, std::move(stats));
    }
    project.run = std::move(run);
    progress.report(1.0);
    return opened;
}

} // namespace qb
