#include "core/io/gguf_file.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <cstring>
#include <limits>

namespace qb {

// Reads little-endian fields from the map, each read checked against the end of the file.
class GgufFile::Cursor {
public:
    explicit Cursor(const GgufFile& file)
        : m_file(file)
    {
    }

    std::uint64_t position() const { return m_pos; }
    std::uint64_t remaining() const { return m_file.m_fileSize - m_pos; }

    void need(std::uint64_t bytes, const QString& what) const
    {
        if (bytes > remaining())
            m_file.fail(GgufFile::tr("%1 at byte %2 runs past the end of the file (%3 bytes)")
                            .arg(what)
                            .arg(m_pos)
                            .arg(m_file.m_fileSize));
    }
    template <typename T> T read(const QString& what)
    {
        need(sizeof(T), what);
        T value;
        std::memcpy(&value, m_file.m_map + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return value;
    }
    QByteArray string(const QString& what)
    {
        const auto length = read<std::uint64_t>(GgufFile::tr("the length of %1").arg(what));
        need(length, GgufFile::tr("%1 (%2 bytes)").arg(what).arg(length));
        QByteArray bytes(reinterpret_cast<const char*>(m_file.m_map + m_pos),
                         static_cast<qsizetype>(length));
        m_pos += length;
        return bytes;
    }

private:
    const GgufFile& m_file;
    std::uint64_t m_pos = 0;
};

namespace {

// Bytes of one scalar of `type`, or 0 for String and Array (variable) and unknown types.
std::uint64_t scalarBytes(GgufValueType type)
{
    switch (type) {
    case GgufValueType::U8:
    case GgufValueType::I8:
    case GgufValueType::Bool:
        return 1;
    case GgufValueType::U16:
    case GgufValueType::I16:
        return 2;
    case GgufValueType::U32:
    case GgufValueType::I32:
    case GgufValueType::F32:
        return 4;
    case GgufValueType::U64:
    case GgufValueType::I64:
    case GgufValueType::F64:
        return 8;
    default:
        return 0;
    }
}

bool isIntegerType(GgufValueType type)
{
    switch (type) {
    case GgufValueType::U8:
    case GgufValueType::I8:
    case GgufValueType::U16:
    case GgufValueType::I16:
    case GgufValueType::U32:
    case GgufValueType::I32:
    case GgufValueType::U64:
    case GgufValueType::I64:
    case GgufValueType::Bool:
        return true;
    default:
        return false;
    }
}

} // namespace

std::int64_t GgufTensorInfo::elementCount() const
{
    std::int64_t count = 1;
    for (std::int64_t d : dims)
        count *= d;
    return count;
}

std::vector<std::int64_t> GgufTensorInfo::torchShape() const
{
    return std::vector<std::int64_t>(dims.rbegin(), dims.rend());
}

GgufFile::~GgufFile() = default;

void GgufFile::fail(const QString& what) const
{
    throw Error(tr("%1: %2").arg(QDir::toNativeSeparators(m_path), what));
}

bool GgufFile::hasMagic(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4);
    return head == QByteArrayLiteral("GGUF");
}

std::shared_ptr<const GgufFile> GgufFile::open(const QString& path)
{
    std::shared_ptr<GgufFile> file(new GgufFile);
    file->m_path = path;
    file->m_file = std::make_unique<QFile>(path);
    if (!QFileInfo(path).isFile())
        file->fail(tr("the file does not exist"));
    if (!file->m_file->open(QIODevice::ReadOnly))
        file->fail(tr("cannot open the file: %1").arg(file->m_file->errorString()));
    file->m_fileSize = static_cast<std::uint64_t>(file->m_file->size());
    if (file->m_fileSize == 0)
        file->fail(tr("the file is empty"));
    file->m_map = reinterpret_cast<const std::byte*>(
        file->m_file->map(0, static_cast<qint64>(file->m_fileSize)));
    if (!file->m_map)
        file->fail(tr("cannot map the file: %1").arg(file->m_file->errorString()));
    file->parse();
    return file;
}

GgufValue GgufFile::readValue(Cursor& cursor, GgufValueType type, const QString& key, bool inArray)
{
    const QString what = tr("the value of metadata key \"%1\"").arg(key);
    GgufValue value;
    value.type = type;
    switch (type) {
    case GgufValueType::U8:
        value.integer = cursor.read<std::uint8_t>(what);
        break;
    case GgufValueType::I8:
        value.integer = cursor.read<std::int8_t>(what);
        break;
    case GgufValueType::U16:
        value.integer = cursor.read<std::uint16_t>(what);
        break;
    case GgufValueType::I16:
        value.integer = cursor.read<std::int16_t>(what);
        break;
    case GgufValueType::U32:
        value.integer = cursor.read<std::uint32_t>(what);
        break;
    case GgufValueType::I32:
        value.integer = cursor.read<std::int32_t>(what);
        break;
    case GgufValueType::U64:
        value.integer = static_cast<std::int64_t>(cursor.read<std::uint64_t>(what));
        break;
    case GgufValueType::I64:
        value.integer = cursor.read<std::int64_t>(what);
        break;
    case GgufValueType::F32:
        value.real = cursor.read<float>(what);
        break;
    case GgufValueType::F64:
        value.real = cursor.read<double>(what);
        break;
    case GgufValueType::Bool: {
        const auto b = cursor.read<std::uint8_t>(what);
        if (b > 1)
            fail(tr("metadata key \"%1\": a BOOL must be 0 or 1, but it is %2").arg(key).arg(b));
        value.integer = b;
        break;
    }
    case GgufValueType::String:
        value.string = cursor.string(what);
        break;
    case GgufValueType::Array: {
        if (inArray)
            fail(tr("metadata key \"%1\": arrays of arrays are not supported").arg(key));
        const auto elementType = cursor.read<std::uint32_t>(tr("the element type of %1").arg(what));
        if (elementType > static_cast<std::uint32_t>(GgufValueType::F64)
            || elementType == static_cast<std::uint32_t>(GgufValueType::Array))
            fail(
                tr("metadata key \"%1\": unknown array element type %2").arg(key).arg(elementType));
        value.elementType = static_cast<GgufValueType>(elementType);
        const auto count = cursor.read<std::uint64_t>(tr("the length of %1").arg(what));
        // Every element takes at least one byte (a string at least its 8-byte length).
        const std::uint64_t minBytes =
            value.elementType == GgufValueType::String ? 8 : scalarBytes(value.elementType);
        if (count > cursor.remaining() / minBytes)
            fail(tr("metadata key \"%1\": an array of %2 elements does not fit in the rest of "
                    "the file (%3 bytes)")
                     .arg(key)
                     .arg(count)
                     .arg(cursor.remaining()));
        for (std::uint64_t i = 0; i < count; ++i) {
            GgufValue element = readValue(cursor, value.elementType, key, true);
            if (value.elementType == GgufValueType::String)
                value.strings.push_back(std::move(element.string));
            else if (value.elementType == GgufValueType::F32
                     || value.elementType == GgufValueType::F64)
                value.reals.push_back(element.real);
            else
                value.integers.push_back(element.integer);
        }
        break;
    }
    default:
        fail(tr("metadata key \"%1\": unknown value type %2")
                 .arg(key)
                 .arg(static_cast<std::uint32_t>(type)));
    }
    return value;
}

void GgufFile::parse()
{
    Cursor cursor(*this);
    const auto magic = cursor.read<std::uint32_t>(tr("the magic"));
    if (magic != kMagic)
        fail(tr("not a GGUF file: the magic is 0x%1, not \"GGUF\"")
                 .arg(magic, 8, 16, QLatin1Char('0')));
    m_version = cursor.read<std::uint32_t>(tr("the version"));
    if (m_version != kVersion)
        fail(tr("GGUF version %1; QuantBench reads version %2").arg(m_version).arg(kVersion));
    const auto tensorCount = cursor.read<std::uint64_t>(tr("the tensor count"));
    const auto metadataCount = cursor.read<std::uint64_t>(tr("the metadata count"));
    // A metadata entry takes at least 8 + 4 + 1 bytes, a tensor info at least 8 + 4 + 8 + 4 + 8.
    if (metadataCount > cursor.remaining() / 13)
        fail(tr("the metadata count %1 cannot fit in the file (%2 bytes)")
                 .arg(metadataCount)
                 .arg(m_fileSize));
    if (tensorCount > cursor.remaining() / 32)
        fail(tr("the tensor count %1 cannot fit in the file (%2 bytes)")
                 .arg(tensorCount)
                 .arg(m_fileSize));

    for (std::uint64_t i = 0; i < metadataCount; ++i) {
        const QByteArray keyBytes = cursor.string(tr("metadata key %1").arg(i));
        const QString key = QString::fromUtf8(keyBytes);
        if (key.isEmpty())
            fail(tr("metadata key %1 is empty").arg(i));
        if (m_metadataIndex.contains(key))
            fail(tr("metadata key \"%1\" appears twice").arg(key));
        const auto type =
            cursor.read<std::uint32_t>(tr("the type of metadata key \"%1\"").arg(key));
        if (type > static_cast<std::uint32_t>(GgufValueType::F64))
            fail(tr("metadata key \"%1\": unknown value type %2").arg(key).arg(type));
        GgufValue value = readValue(cursor, static_cast<GgufValueType>(type), key, false);
        m_metadataIndex.insert(key, m_metadata.size());
        m_metadata.emplace_back(key, std::move(value));
    }

    if (const GgufValue* alignment = find(QStringLiteral("general.alignment"))) {
        if (alignment->type != GgufValueType::U32)
            fail(tr("general.alignment must be a UINT32, but it is a %1")
                     .arg(ggufValueTypeName(alignment->type)));
        const auto a = static_cast<std::uint64_t>(alignment->integer);
        if (a == 0 || (a & (a - 1)) != 0)
            fail(tr("general.alignment %1 is not a power of two").arg(a));
        m_alignment = static_cast<std::uint32_t>(a);
    }

    for (std::uint64_t i = 0; i < tensorCount; ++i) {
        GgufTensorInfo tensor;
        const QByteArray nameBytes = cursor.string(tr("the name of tensor %1").arg(i));
        tensor.name = QString::fromUtf8(nameBytes);
        if (tensor.name.isEmpty())
            fail(tr("tensor %1 has an empty name").arg(i));
        if (m_tensorIndex.contains(tensor.name))
            fail(tr("tensor \"%1\" appears twice").arg(tensor.name));
        const QString where = tr("tensor \"%1\"").arg(tensor.name);
        const auto rank = cursor.read<std::uint32_t>(tr("the rank of %1").arg(where));
        if (rank == 0 || rank > static_cast<std::uint32_t>(kMaxDims))
            fail(tr("%1: rank %2; ggml tensors have 1 to %3 dimensions")
                     .arg(where)
                     .arg(rank)
                     .arg(kMaxDims));
        std::uint64_t elements = 1;
        for (std::uint32_t d = 0; d < rank; ++d) {
            const auto dim = cursor.read<std::uint64_t>(tr("dimension %1 of %2").arg(d).arg(where));
            if (dim == 0
                || dim > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                || elements
                       > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) / dim)
                fail(tr("%1: dimension %2 is %3, which is zero or makes the tensor too large")
                         .arg(where)
                         .arg(d)
                         .arg(dim));
            elements *= dim;
            tensor.dims.push_back(static_cast<std::int64_t>(dim));
        }
        const auto type = cursor.read<std::uint32_t>(tr("the type of %1").arg(where));
        const GgmlTypeTraits* traits = ggmlTraitsOf(type);
        if (!traits) {
            QStringList known;
            for (const GgmlTypeTraits& t : kGgmlTypeTraits)
                known << QLatin1String(t.name);
            fail(tr("%1: ggml type %2 is not one QuantBench reads (%3)")
                     .arg(where)
                     .arg(type)
                     .arg(known.join(QLatin1String(", "))));
        }
        tensor.type = traits->type;
        if (tensor.dims[0] % traits->blockSize != 0)
            fail(tr("%1: rows of %2 values are not a whole number of %3 blocks of %4")
                     .arg(where)
                     .arg(tensor.dims[0])
                     .arg(QLatin1String(traits->name))
                     .arg(traits->blockSize));
        tensor.byteSize = elements / static_cast<std::uint64_t>(traits->blockSize)
                          * static_cast<std::uint64_t>(traits->bytesPerBlock);
        tensor.offset = cursor.read<std::uint64_t>(tr("the offset of %1").arg(where));
        if (tensor.offset % m_alignment != 0)
            fail(tr("%1: offset %2 is not a multiple of the alignment %3")
                     .arg(where)
                     .arg(tensor.offset)
                     .arg(m_alignment));
        m_tensorIndex.insert(tensor.name, m_tensors.size());
        m_tensors.push_back(std::move(tensor));
    }

    const std::uint64_t headerEnd = cursor.position();
    m_dataOffset = (headerEnd + m_alignment - 1) / m_alignment * m_alignment;
    if (m_dataOffset > m_fileSize && !m_tensors.empty())
        fail(tr("the data section (from byte %1) starts past the end of the file (%2 bytes)")
                 .arg(m_dataOffset)
                 .arg(m_fileSize));
    const std::uint64_t dataSize = m_fileSize > m_dataOffset ? m_fileSize - m_dataOffset : 0;
    for (const GgufTensorInfo& tensor : m_tensors) {
        if (tensor.offset > dataSize || tensor.byteSize > dataSize - tensor.offset)
            fail(tr("tensor \"%1\": its data [%2, %3) run past the end of the data section (%4 "
                    "bytes; file size %5)")
                     .arg(tensor.name)
                     .arg(tensor.offset)
                     .arg(tensor.offset + tensor.byteSize)
                     .arg(dataSize)
                     .arg(m_fileSize));
    }
}

const GgufValue* GgufFile::find(const QString& key) const
{
    const auto it = m_metadataIndex.constFind(key);
    return it == m_metadataIndex.constEnd() ? nullptr : &m_metadata[*it].second;
}

const GgufTensorInfo* GgufFile::findTensor(const QString& name) const
{
    const auto it = m_tensorIndex.constFind(name);
    return it == m_tensorIndex.constEnd() ? nullptr : &m_tensors[*it];
}

std::span<const std::byte> GgufFile::bytes(const GgufTensorInfo& tensor) const
{
    return {m_map + m_dataOffset + tensor.offset, static_cast<std::size_t>(tensor.byteSize)};
}

std::vector<float> GgufFile::readFloat(const GgufTensorInfo& tensor) const
{
    std::vector<float> values(static_cast<std::size_t>(tensor.elementCount()));
    dequantizeGgml(tensor.type, bytes(tensor).data(), values);
    return values;
}

std::int64_t GgufFile::requireInteger(const QString& key) const
{
    const GgufValue* value = find(key);
    if (!value)
        fail(tr("metadata key \"%1\" is missing").arg(key));
    if (!isIntegerType(value->type) || value->type == GgufValueType::Bool)
        fail(tr("metadata key \"%1\" must be an integer, but it is a %2")
                 .arg(key, ggufValueTypeName(value->type)));
    return value->integer;
}

std::optional<std::int64_t> GgufFile::optionalInteger(const QString& key) const
{
    if (!find(key))
        return std::nullopt;
    return requireInteger(key);
}

double GgufFile::requireReal(const QString& key) const
{
    const GgufValue* value = find(key);
    if (!value)
        fail(tr("metadata key \"%1\" is missing").arg(key));
    if (value->type != GgufValueType::F32 && value->type != GgufValueType::F64)
        fail(tr("metadata key \"%1\" must be a FLOAT32, but it is a %2")
                 .arg(key, ggufValueTypeName(value->type)));
    return value->real;
}

QString GgufFile::requireString(const QString& key) const
{
    const GgufValue* value = find(key);
    if (!value)
        fail(tr("metadata key \"%1\" is missing").arg(key));
    if (value->type != GgufValueType::String)
        fail(tr("metadata key \"%1\" must be a STRING, but it is a %2")
                 .arg(key, ggufValueTypeName(value->type)));
    return QString::fromUtf8(value->string);
}

const GgufValue& GgufFile::requireArray(const QString& key, GgufValueType elementType,
                                        std::int64_t length) const
{
    const GgufValue* value = find(key);
    if (!value)
        fail(tr("metadata key \"%1\" is missing").arg(key));
    if (!value->isArray() || value->elementType != elementType)
        fail(tr("metadata key \"%1\" must be an array of %2")
                 .arg(key, ggufValueTypeName(elementType)));
    if (length >= 0 && value->arrayLength() != static_cast<std::uint64_t>(length))
        fail(tr("metadata key \"%1\" has %2 entries, but %3 are expected")
                 .arg(key)
                 .arg(value->arrayLength())
                 .arg(length));
    return *value;
}

} // namespace qb
