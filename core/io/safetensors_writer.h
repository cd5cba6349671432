#pragma once

#include "core/io/dtype.h"
#include "core/io/output_file.h"

#include <QMap>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace qb {

struct TensorHeader {
    QString name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
};

// Bytes of `tensor`'s data: its elements times the size of its dtype.
std::uint64_t byteSizeOf(const TensorHeader& tensor);

// Streams a safetensors file: the header is written up front from the declared tensors, then the
// data of each tensor in declaration order, so a model larger than memory can be written one
// tensor at a time. The header is padded with spaces to a multiple of 8 bytes so tensor data are
// aligned. Not thread-safe.
class SafetensorsWriter {
public:
    // Creates `path` (truncating it) and writes the header. Throws Error on I/O failure.
    SafetensorsWriter(const QString& path, std::vector<TensorHeader> tensors,
                      const QMap<QString, QString>& metadata = {});

    // The bytes of the next declared tensor; their size must match its shape and dtype.
    void writeNext(std::span<const std::byte> data);
    // Part of the bytes of the next declared tensor, for a tensor too large to hold whole: its
    // parts, given in order, must add up to exactly its size; the writer moves on to the
    // following tensor once they do. Parts and writeNext() must not be mixed within one tensor.
    void writePart(std::span<const std::byte> data);
    // Checks every tensor was written and flushes. Throws Error on I/O failure.
    void finish();

    // Bytes the file will have: header plus data.
    std::uint64_t expectedSize() const { return m_expectedSize; }

private:
    OutputFile m_file;
    std::vector<TensorHeader> m_tensors;
    std::size_t m_next = 0;
    std::uint64_t m_writtenOfNext = 0; // bytes of tensor m_next written by writePart()
    std::uint64_t m_expectedSize = 0;
};

} // namespace qb
