#include "core/io/safetensors_writer.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
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

    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        failIo(m_file.errorString());
    const auto headerLength = static_cast<std::uint64_t>(json.size());
    if (m_file.write(reinterpret_cast<const char*>(&headerLength), 8) != 8
        || m_file.write(json) != json.size())
        failIo(m_file.errorString());
    m_expectedSize = 8 + headerLength + offset;
}

void SafetensorsWriter::failIo(const QString& what) const
{
    throw Error(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(m_file.fileName()), what));
}

void SafetensorsWriter::writeNext(std::span<const std::byte> data)
{
    Q_ASSERT(m_next < m_tensors.size());
    Q_ASSERT(m_writtenOfNext == 0);
    Q_ASSERT(data.size() == byteSizeOf(m_tensors[m_next]));
    if (m_file.write(reinterpret_cast<const char*>(data.data()), static_cast<qint64>(data.size()))
        != static_cast<qint64>(data.size()))
        failIo(m_file.errorString());
    ++m_next;
}

void SafetensorsWriter::writePart(std::span<const std::byte> data)
{
    Q_ASSERT(m_next < m_tensors.size());
    const std::uint64_t size = byteSizeOf(m_tensors[m_next]);
    Q_ASSERT(m_writtenOfNext + data.size() <= size);
    if (m_file.write(reinterpret_cast<const char*>(data.data()), static_cast<qint64>(data.size()))
        != static_cast<qint64>(data.size()))
        failIo(m_file.errorString());
    m_writtenOfNext += data.size();
    if (m_writtenOfNext == size) {
        m_writtenOfNext = 0;
        ++m_next;
    }
}

void SafetensorsWriter::finish()
{
    Q_ASSERT(m_next == m_tensors.size());
    if (!m_file.flush())
        failIo(m_file.errorString());
    m_file.close();
    if (static_cast<std::uint64_t>(QFileInfo(m_file.fileName()).size()) != m_expectedSize)
        failIo(tr("the file has the wrong size after writing"));
}

} // namespace qb
