#include "core/io/output_file.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>

namespace qb {

OutputFile::OutputFile(const QString& path)
    : m_file(path)
{
}

void OutputFile::fail(const QString& what) const
{
    throw Error(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(m_file.fileName()), what));
}

void OutputFile::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(m_file.errorString());
}

void OutputFile::write(std::span<const std::byte> bytes)
{
    const auto size = static_cast<qint64>(bytes.size());
    if (m_file.write(reinterpret_cast<const char*>(bytes.data()), size) != size)
        fail(m_file.errorString());
}

void OutputFile::write(const QByteArray& bytes)
{
    write(std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
}

void OutputFile::finish(std::uint64_t expectedSize)
{
    if (!m_file.flush())
        fail(m_file.errorString());
    m_file.close();
    if (static_cast<std::uint64_t>(QFileInfo(m_file.fileName()).size()) != expectedSize)
        fail(tr("the file has the wrong size after writing"));
}

} // namespace qb
