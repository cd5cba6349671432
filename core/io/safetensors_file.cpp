#include "core/io/safetensors_file.h"

#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace qb {

namespace {

// JSON numbers are doubles: integers are exact up to 2^53.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool isNonNegativeInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d >= 0 && d <= kMaxExactInteger && std::floor(d) == d;
}

} // namespace

std::int64_t TensorInfo::elementCount() const
{
    std::int64_t count = 1;
    for (std::int64_t d : shape)
        count *= d;
    return count;
}

QString TensorInfo::shapeText() const
{
    QStringList parts;
    for (std::int64_t d : shape)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

SafetensorsFile::~SafetensorsFile() = default;

void SafetensorsFile::fail(const QString& what) const
{
    throw Error(tr("%1: %2").arg(QDir::toNativeSeparators(m_path), what));
}

void SafetensorsFile::failTensor(const QString& tensor, const QString& what) const
{
    throw Error(tr("%1: tensor \"%2\": %3").arg(QDir::toNativeSeparators(m_path), tensor, what));
}

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const QString& path)
{
    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile);
    file->m_path = path;
    file->m_file = std::make_unique<QFile>(path);
    QFile& qfile = *file->m_file;

    if (!QFileInfo(path).isFile())
        file->fail(tr("the file does not exist"));
    if (!qfile.open(QIODevice::ReadOnly))
        file->fail(tr("cannot open the file: %1").arg(qfile.errorString()));
    file->m_fileSize = static_cast<std::uint64_t>(qfile.size());
    if (file->m_fileSize == 0)
        file->fail(tr("the file is empty"));
    if (file->m_fileSize < 8)
        file->fail(tr("the file is %n byte(s) long, too short to hold the 8-byte header length",
                      nullptr, static_cast<int>(file->m_fileSize)));

    uchar* map = qfile.map(0, qfile.size());
    if (!map)
        file->fail(tr("cannot map the file into memory: %1").arg(qfile.errorString()));
    const auto* base = reinterpret_cast<const std::byte*>(map);

    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, base, sizeof headerLength); // little-endian u64
    if (headerLength > file->m_fileSize - 8) {
        file->fail(tr("the header length %1 runs past the end of the file (%2 bytes after the "
                      "8-byte length field)")
                       .arg(headerLength)
                       .arg(file->m_fileSize - 8));
    }
    if (headerLength > kMaxHeaderBytes)
        file->fail(tr("the header length %1 is larger than the limit of %2 bytes")
                       .arg(headerLength)
                       .arg(kMaxHeaderBytes));

    file->m_data = base + 8 + headerLength;
    file->m_dataSize = file->m_fileSize - 8 - headerLength;
    file->parseHeader({base + 8, static_cast<std::size_t>(headerLength)});
    file->checkLayout();
    return file;
}

void SafetensorsFile::parseHeader(std::span<const std::byte> header)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(header.data()),
                                                    static_cast<qsizetype>(header.size()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        fail(tr("the header is not valid JSON (%1 at byte %2 of the header)")
                 .arg(parseError.errorString())
                 .arg(parseError.offset));
    if (!doc.isObject())
        fail(tr("the header is JSON but not an object"));

    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = it.key();
        if (name == QLatin1String("__metadata__")) {
            if (!it.value().isObject())
                fail(tr("__metadata__ must be an object of strings"));
            const QJsonObject metadata = it.value().toObject();
            for (auto m = metadata.begin(); m != metadata.end(); ++m) {
                if (!m.value().isString())
                    fail(tr("__metadata__ entry \"%1\" must be a string").arg(m.key()));
                m_metadata.insert(m.key(), m.value().toString());
            }
            continue;
        }
        if (!it.value().isObject())
            failTensor(
                name,
                tr("the header entry is %1, not an object").arg(JsonText::describe(it.value())));
        const QJsonObject entry = it.value().toObject();

        TensorInfo info;
        info.name = name;

        const QJsonValue dtypeValue = entry.value(QLatin1String("dtype"));
        if (!dtypeValue.isString())
            failTensor(
                name,
                tr("\"dtype\" must be a string, but it is %1").arg(JsonText::describe(dtypeValue)));
        const std::optional<DType> dtype = dtypeFromName(dtypeValue.toString());
        if (!dtype)
            failTensor(name, tr("unknown dtype \"%1\" (known: %2)")
                                 .arg(dtypeValue.toString(), knownDTypeNames()));
        info.dtype = *dtype;

        const QJsonValue shapeValue = entry.value(QLatin1String("shape"));
        if (!shapeValue.isArray())
            failTensor(name, tr("\"shape\" must be an array of non-negative integers, but it is %1")
                                 .arg(JsonText::describe(shapeValue)));
        // Element count with overflow check: shapes come from an untrusted file.
        std::uint64_t elements = 1;
        bool overflow = false;
        for (const QJsonValue& dim : shapeValue.toArray()) {
            if (!isNonNegativeInteger(dim))
                failTensor(name,
                           tr("\"shape\" must hold non-negative integers, but one entry is %1")
                               .arg(JsonText::describe(dim)));
            const auto d = static_cast<std::uint64_t>(dim.toDouble());
            info.shape.push_back(static_cast<std::int64_t>(d));
            if (d != 0 && elements > std::numeric_limits<std::uint64_t>::max() / d)
                overflow = true;
            elements *= d;
        }

        const QJsonValue offsetsValue = entry.value(QLatin1String("data_offsets"));
        const QJsonArray offsets = offsetsValue.toArray();
        if (!offsetsValue.isArray() || offsets.size() != 2 || !isNonNegativeInteger(offsets[0])
            || !isNonNegativeInteger(offsets[1]))
            failTensor(name, tr("\"data_offsets\" must be two non-negative integers [begin, end]"));
        info.begin = static_cast<std::uint64_t>(offsets[0].toDouble());
        info.end = static_cast<std::uint64_t>(offsets[1].toDouble());

        if (info.begin > info.end)
            failTensor(name, tr("data_offsets [%1, %2] are reversed: the end comes before the "
                                "beginning")
                                 .arg(info.begin)
                                 .arg(info.end));
        if (info.end > m_dataSize)
            failTensor(name, tr("data_offsets [%1, %2] run past the end of the data section "
                                "(%3 bytes; file size %4)")
                                 .arg(info.begin)
                                 .arg(info.end)
                                 .arg(m_dataSize)
                                 .arg(m_fileSize));
        const auto elementBytes = static_cast<std::uint64_t>(dtypeSize(info.dtype));
        if (overflow || elements > std::numeric_limits<std::uint64_t>::max() / elementBytes
            || elements * elementBytes != info.byteSize())
            failTensor(name, tr("shape %1 of %2 needs %3 bytes, but data_offsets [%4, %5] hold %6")
                                 .arg(info.shapeText(), dtypeName(info.dtype))
                                 .arg(overflow ? QStringLiteral("more than 2^64")
                                               : QString::number(elements * elementBytes))
                                 .arg(info.begin)
                                 .arg(info.end)
                                 .arg(info.byteSize()));
        m_tensors.push_back(std::move(info));
    }
}

void SafetensorsFile::checkLayout()
{
    // The tensors must tile the data section: no gap, no overlap, nothing left over.
    std::sort(m_tensors.begin(), m_tensors.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::uint64_t covered = 0;
    const TensorInfo* previous = nullptr;
    for (const TensorInfo& tensor : m_tensors) {
        if (tensor.begin < covered) {
            failTensor(tensor.name, tr("data_offsets [%1, %2] overlap tensor \"%3\" [%4, %5]")
                                        .arg(tensor.begin)
                                        .arg(tensor.end)
                                        .arg(previous->name)
                                        .arg(previous->begin)
                                        .arg(previous->end));
        }
        if (tensor.begin > covered) {
            failTensor(tensor.name,
                       previous ? tr("a gap of %1 bytes lies between tensor \"%2\" (ending at %3) "
                                     "and this tensor (starting at %4)")
                                      .arg(tensor.begin - covered)
                                      .arg(previous->name)
                                      .arg(covered)
                                      .arg(tensor.begin)
                                : tr("a gap of %1 bytes lies before this first tensor: the data "
                                     "section must start with a tensor")
                                      .arg(tensor.begin));
        }
        covered = tensor.end;
        previous = &tensor;
    }
    for (std::size_t i = 0; i < m_tensors.size(); ++i)
        m_index.insert(m_tensors[i].name, i);
    if (covered < m_dataSize) {
        fail(previous ? tr("%1 bytes after the last tensor \"%2\" belong to no tensor")
                            .arg(m_dataSize - covered)
                            .arg(previous->name)
                      : tr("the header lists no tensors, but %1 bytes of data follow it")
                            .arg(m_dataSize));
    }
}

const TensorInfo* SafetensorsFile::find(const QString& name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : &m_tensors[*it];
}

std::span<const std::byte> SafetensorsFile::bytes(const TensorInfo& tensor) const
{
    return {m_data + tensor.begin, static_cast<std::size_t>(tensor.byteSize())};
}

std::vector<float> SafetensorsFile::readFloat(const TensorInfo& tensor) const
{
    std::vector<float> values(static_cast<std::size_t>(tensor.elementCount()));
    readFloat(tensor, 0, values);
    return values;
}

void SafetensorsFile::readFloat(const TensorInfo& tensor, std::int64_t first,
                                std::span<float> out) const
{
    if (!traitsOf(tensor.dtype).convertibleToFloat)
        failTensor(tensor.name, tr("dtype %1 cannot be read as floating point (QuantBench reads "
                                   "F32, F16, BF16 and F64)")
                                    .arg(dtypeName(tensor.dtype)));
    Q_ASSERT(first >= 0 && first + static_cast<std::int64_t>(out.size()) <= tensor.elementCount());
    const std::byte* src =
        m_data + tensor.begin + static_cast<std::uint64_t>(first) * dtypeSize(tensor.dtype);
    convertToFloat(tensor.dtype, src, out);
}

} // namespace qb
