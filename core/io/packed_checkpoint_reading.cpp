#include "core/io/packed_checkpoint_reading.h"

#include "core/io/json_file.h"
#include "core/io/safetensors_file.h"
#include "core/model/model_spec.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace qb {

static_assert(std::endian::native == std::endian::little,
              "safetensors data are little-endian and are read in place");

namespace {

// The JSON object held by the file at `path`, its bytes going to `text`: read once. Throws Error
// as JsonFile::readObject() does.
QJsonObject readObject(const QString& path, QByteArray* text)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        *text = file.readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(*text);
        if (doc.isObject())
            return doc.object();
    }
    // Unreadable, invalid or not an object: JsonFile says which.
    text->clear();
    return JsonFile::readObject(path);
}

} // namespace

PackedCheckpointReading::ConfigSource
PackedCheckpointReading::findConfig(const QString& directory, const QString& sideFileName,
                                    const QString& formatName)
{
    const QDir dir(directory);
    const QString configPath = dir.filePath(QLatin1String(ModelSpec::kConfigFileName));
    ConfigSource source;
    if (QFileInfo::exists(configPath)) {
        const QJsonValue value =
            readObject(configPath, &source.text).value(QStringLiteral("quantization_config"));
        if (value.isObject()) {
            source.config = value.toObject();
            source.pathInFile = QStringList{QStringLiteral("quantization_config")};
            source.where =
                QStringLiteral("%1: quantization_config").arg(QDir::toNativeSeparators(configPath));
            return source;
        }
        if (!value.isUndefined() && !value.isNull())
            throw Error(tr("%1: quantization_config must be an object, not %2")
                            .arg(QDir::toNativeSeparators(configPath), JsonText::describe(value)));
    }
    const QString sidePath = sideFileName.isEmpty() ? QString() : dir.filePath(sideFileName);
    if (!sidePath.isEmpty() && QFileInfo::exists(sidePath)) {
        source.config = readObject(sidePath, &source.text);
        source.where = QDir::toNativeSeparators(sidePath);
        return source;
    }
    if (sideFileName.isEmpty())
        throw Error(tr("%1: no %2 quantization config (no quantization_config in config.json)")
                        .arg(QDir::toNativeSeparators(directory), formatName));
    throw Error(tr("%1: no %2 quantization config (neither quantization_config in config.json "
                   "nor %3)")
                    .arg(QDir::toNativeSeparators(directory), formatName, sideFileName));
}

QJsonValue PackedCheckpointReading::unexpectedQuantMethod(const QJsonObject& config,
                                                          QLatin1String expected)
{
    const QJsonValue method = config.value(QStringLiteral("quant_method"));
    if (method.isUndefined() || method.toString().compare(expected, Qt::CaseInsensitive) == 0)
        return QJsonValue(QJsonValue::Undefined);
    return method;
}

QStringList PackedCheckpointReading::modulesWithTensor(const Checkpoint& checkpoint,
                                                       QLatin1String packedSuffix)
{
    QStringList modules;
    for (const QString& name : checkpoint.tensorNames()) {
        if (name.endsWith(packedSuffix))
            modules << name.chopped(packedSuffix.size());
    }
    return modules;
}

bool PackedCheckpointReading::isLmHead(const QString& module)
{
    return module == QLatin1String("lm_head") || module.endsWith(QLatin1String(".lm_head"));
}

Checkpoint::TensorRef PackedCheckpointReading::require(const Checkpoint& checkpoint,
                                                       const QString& folder, const QString& name,
                                                       std::initializer_list<DType> dtypes,
                                                       std::size_t rank)
{
    const Checkpoint::TensorRef ref = checkpoint.find(name);
    if (!ref)
        throw Error(tr("%1: tensor %2 is missing").arg(folder, name));
    if (std::find(dtypes.begin(), dtypes.end(), ref.info->dtype) == dtypes.end())
        throw Error(tr("%1: tensor %2 must be %3, not %4")
                        .arg(folder, name, dtypeName(*dtypes.begin()), dtypeName(ref.info->dtype)));
    if (ref.info->shape.size() != rank)
        throw Error(tr("%1: tensor %2 must have %3 dimension(s), not shape %4")
                        .arg(folder, name)
                        .arg(rank)
                        .arg(ref.info->shapeText()));
    return ref;
}

void PackedCheckpointReading::requireShape(const Checkpoint::TensorRef& ref, const QString& folder,
                                           const std::vector<std::int64_t>& expected,
                                           const QString& layout)
{
    if (ref.info->shape == expected)
        return;
    QStringList dims;
    for (std::int64_t d : expected)
        dims << QString::number(d);
    throw Error(tr("%1: tensor %2 has shape %3, but %4 needs [%5]")
                    .arg(folder, ref.info->name, ref.info->shapeText(), layout,
                         dims.join(QStringLiteral(", "))));
}

std::vector<float> PackedCheckpointReading::unquantizedWeight(const Checkpoint& checkpoint,
                                                              const QString& folder,
                                                              const QString& module,
                                                              const QString& packedName)
{
    const QString weightName = module + QStringLiteral(".weight");
    const Checkpoint::TensorRef weight = checkpoint.find(weightName);
    if (!weight)
        throw Error(
            tr("%1: neither %2 nor %3 is in the checkpoint").arg(folder, packedName, weightName));
    if (weight.info->shape.size() != 2 || !traitsOf(weight.info->dtype).convertibleToFloat)
        throw Error(
            tr("%1: tensor %2 must be a 2-D floating-point weight, not %3 %4")
                .arg(folder, weightName, dtypeName(weight.info->dtype), weight.info->shapeText()));
    return weight.file->readFloat(*weight.info);
}

std::vector<std::uint32_t> PackedCheckpointReading::words(const Checkpoint::TensorRef& ref)
{
    const std::span<const std::byte> bytes = ref.file->bytes(*ref.info);
    std::vector<std::uint32_t> result(bytes.size() / sizeof(std::uint32_t));
    std::memcpy(result.data(), bytes.data(), result.size() * sizeof(std::uint32_t));
    return result;
}

std::vector<std::int64_t> PackedCheckpointReading::integers(const Checkpoint::TensorRef& ref)
{
    const std::span<const std::byte> bytes = ref.file->bytes(*ref.info);
    std::vector<std::int64_t> result;
    if (ref.info->dtype == DType::I64) {
        result.resize(bytes.size() / sizeof(std::int64_t));
        std::memcpy(result.data(), bytes.data(), result.size() * sizeof(std::int64_t));
    } else {
        Q_ASSERT(ref.info->dtype == DType::I32);
        std::vector<std::int32_t> narrow(bytes.size() / sizeof(std::int32_t));
        std::memcpy(narrow.data(), bytes.data(), narrow.size() * sizeof(std::int32_t));
        result.assign(narrow.begin(), narrow.end());
    }
    return result;
}

std::optional<int> PackedCheckpointReading::integerOf(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || std::abs(number) > 1e9)
        return std::nullopt;
    return static_cast<int>(number);
}

} // namespace qb
