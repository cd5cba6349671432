#include "core/io/gguf_writer.h"

#include "core/io/gguf_file.h"


namespace qb {

namespace {

template <typename T> void append(QByteArray& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

void appendString(QByteArray& out, const QByteArray& text)
{
    append<std::uint64_t>(out, static_cast<std::uint64_t>(text.size()));
    out.append(text);
}

void appendScalar(QByteArray& out, GgufValueType type, std::int64_t integer, double real)
{
    switch (type) {
    case GgufValueType::U8:
    case GgufValueType::Bool:
        append<std::uint8_t>(out, static_cast<std::uint8_t>(integer));
        break;
    case GgufValueType::I8:
        append<std::int8_t>(out, static_cast<std::int8_t>(integer));
        break;
    case GgufValueType::U16:
        append<std::uint16_t>(out, static_cast<std::uint16_t>(integer));
        break;
    case GgufValueType::I16:
        append<std::int16_t>(out, static_cast<std::int16_t>(integer));
        break;
    case GgufValueType::U32:
        append<std::uint32_t>(out, static_cast<std::uint32_t>(integer));
        break;
    case GgufValueType::I32:
        append<std::int32_t>(out, static_cast<std::int32_t>(integer));
        break;
    case GgufValueType::U64:
        append<std::uint64_t>(out, static_cast<std::uint64_t>(integer));
        break;
    case GgufValueType::I64:
        append<std::int64_t>(out, integer);
        break;
    case GgufValueType::F32:
        append<float>(out, static_cast<float>(real));
        break;
    case GgufValueType::F64:
        append<double>(out, real);
        break;
    case GgufValueType::String:
    case GgufValueType::Array:
        Q_ASSERT(false);
        break;
    }
}

void appendValue(QByteArray& out, const GgufValue& value)
{
    append<std::uint32_t>(out, static_cast<std::uint32_t>(value.type));
    if (value.type == GgufValueType::String) {
        appendString(out, value.string);
        return;
    }
    if (value.type != GgufValueType::Array) {
        appendScalar(out, value.type, value.integer, value.real);
        return;
    }
    append<std::uint32_t>(out, static_cast<std::uint32_t>(value.elementType));
    append<std::uint64_t>(out, value.arrayLength());
    switch (value.elementType) {
    case GgufValueType::String:
        for (const QByteArray& s : value.strings)
            appendString(out, s);
        break;
    case GgufValueType::F32:
    case GgufValueType::F64:
        for (double r : value.reals)
            appendScalar(out, value.elementType, 0, r);
        break;
    default:
        for (std::int64_t i : value.integers)
            appendScalar(out, value.elementType, i, 0.0);
        break;
    }
}

std::uint64_t alignUp(std::uint64_t value, std::uint64_t alignment)
{
    return (value + alignment - 1) / alignment * alignment;
}

} // namespace

std::uint64_t GgufWriter::byteSizeOf(const Tensor& tensor)
{
    std::uint64_t elements = 1;
    for (std::int64_t d : tensor.dims)
        elements *= static_cast<std::uint64_t>(d);
    return ggmlBytes(tensor.type, elements);
}

GgufWriter::GgufWriter(const QString& path,
                       const std::vector<std::pair<QString, GgufValue>>& metadata,
                       std::vector<Tensor> tensors, std::uint32_t alignment)
    : m_file(path)
    , m_tensors(std::move(tensors))
    , m_alignment(alignment)
{
    QByteArray header;
    append<std::uint32_t>(header, GgufFile::kMagic);
    append<std::uint32_t>(header, GgufFile::kVersion);
    append<std::uint64_t>(header, m_tensors.size());
    append<std::uint64_t>(header, metadata.size());
    for (const auto& [key, value] : metadata) {
        appendString(header, key.toUtf8());
        appendValue(header, value);
    }
    std::uint64_t offset = 0;
    for (const Tensor& tensor : m_tensors) {
        Q_ASSERT(tensor.dims.front() % ggmlTraits(tensor.type).blockSize == 0);
        appendString(header, tensor.name.toUtf8());
        append<std::uint32_t>(header, static_cast<std::uint32_t>(tensor.dims.size()));
        for (std::int64_t d : tensor.dims)
            append<std::uint64_t>(header, static_cast<std::uint64_t>(d));
        append<std::uint32_t>(header, static_cast<std::uint32_t>(tensor.type));
        append<std::uint64_t>(header, offset);
        offset = alignUp(offset + byteSizeOf(tensor), m_alignment);
    }
    const std::uint64_t dataStart = alignUp(static_cast<std::uint64_t>(header.size()), m_alignment);
    // The last tensor is padded too, as gguf-py does: the file ends on the alignment.
    m_expectedSize = dataStart + offset;

    m_file.open();
    write(header);
    pad();
}

void GgufWriter::write(const QByteArray& bytes)
{
    m_file.write(bytes);
    m_written += static_cast<std::uint64_t>(bytes.size());
}

void GgufWriter::pad()
{
    const std::uint64_t padding = alignUp(m_written, m_alignment) - m_written;
    if (padding > 0)
        write(QByteArray(static_cast<qsizetype>(padding), '\0'));
}

void GgufWriter::writeNext(std::span<const std::byte> data)
{
    Q_ASSERT(m_next < m_tensors.size());
    Q_ASSERT(data.size() == byteSizeOf(m_tensors[m_next]));
    m_file.write(data);
    m_written += data.size();
    pad();
    ++m_next;
}

void GgufWriter::finish()
{
    Q_ASSERT(m_next == m_tensors.size());
    m_file.finish(m_expectedSize);
}

} // namespace qb
