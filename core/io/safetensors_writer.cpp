#include "core/io/safetensors_writer.h"


#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qb {

std::uint64_t byteSizeOf(const TensorHeader& tensor)
{
    std::uint64_t elements = 1;
    for (std::int64_t d : tensor.shape)
        elements *= static_cast<std::uint64_t>(d);
    return elements * static_cast<std::uint64_t>(dtypeSize(tensor.dtype));
}

SafetensorsWriter::SafetensorsWriter(const QString& path, std::vector<TensorHeader> tensors,
                                     const QMap<QString, QString>& metadata)
    : m_file(path)
    , m_tensors(std::move(tensors))
{
    QJsonObject header;
    if (!metadata.isEmpty()) {
        QJsonObject meta;
        for (auto it = metadata.begin(); it != metadata.end(); ++it)
            meta.insert(it.key(), it.value());
        header.insert(QStringLiteral("__metadata__"), meta);
    }
    std::uint64_t offset = 0;
    for (const TensorHeader& tensor : m_tensors) {
        QJsonArray shape;
        for (std::int64_t d : tensor.shape)
            shape.append(qint64(d));
        const std::uint64_t size = byteSizeOf(tensor);
        header.insert(tensor.name,
                      QJsonObject{{QStringLiteral("dtype"), dtypeName(tensor.dtype)},
                                  {QStringLiteral("shape"), shape},
                                  {QStringLiteral("data_offsets"),
                                   QJsonArray{qint64(offset), qint64(offset + size)}}});
        offset += size;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while ((json.size() + 8) % 8 != 0)
        json.append(' ');

    m_file.open();
    const auto headerLength = static_cast<std::uint64_t>(json.size());
    m_file.write(std::as_bytes(std::span(&headerLength, 1)));
    m_file.write(json);
    m_expectedSize = 8 + headerLength + offset;
}

void SafetensorsWriter::writeNext(std::span<const std::byte> data)
{
    Q_ASSERT(m_next < m_tensors.size());
    Q_ASSERT(m_writtenOfNext == 0);
    Q_ASSERT(data.size() == byteSizeOf(m_tensors[m_next]));
    m_file.write(data);
    ++m_next;
}

void SafetensorsWriter::writePart(std::span<const std::byte> data)
{
    Q_ASSERT(m_next < m_tensors.size());
    const std::uint64_t size = byteSizeOf(m_tensors[m_next]);
    Q_ASSERT(m_writtenOfNext + data.size() <= size);
    m_file.write(data);
    m_writtenOfNext += data.size();
    if (m_writtenOfNext == size) {
        m_writtenOfNext = 0;
        ++m_next;
    }
}

void SafetensorsWriter::finish()
{
    Q_ASSERT(m_next == m_tensors.size());
    m_file.finish(m_expectedSize);
}

} // namespace qb
