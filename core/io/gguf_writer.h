#pragma once

#include "core/io/gguf_format.h"
#include "core/io/output_file.h"

#include <QString>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace qb {

// Streams a GGUF v3 file: the header (magic, version, counts, metadata, tensor infos) is written
// up front from the declared tensors, then the data of each tensor in declaration order, each
// starting at a multiple of the alignment (zero padding), as llama.cpp's gguf writer lays them
// out. Not thread-safe.
class GgufWriter {
public:
    struct Tensor {
        QString name;
        std::vector<std::int64_t> dims; // ggml ne, innermost first: {K, N} for a weight [N, K]
        GgmlType type = GgmlType::F32;
    };

    // Creates `path` (truncating it) and writes the header. `metadata` is written as given, in
    // order; when `alignment` is not the default 32 it must hold general.alignment with that
    // value. Throws Error on I/O failure.
    GgufWriter(const QString& path, const std::vector<std::pair<QString, GgufValue>>& metadata,
               std::vector<Tensor> tensors, std::uint32_t alignment = 32);

    // The bytes of the next declared tensor; their size must be ggmlBytes() of its elements.
    void writeNext(std::span<const std::byte> data);
    // Checks every tensor was written and flushes. Throws Error on I/O failure.
    void finish();

    static std::uint64_t byteSizeOf(const Tensor& tensor);
    std::uint64_t expectedSize() const { return m_expectedSize; }

private:
    void write(const QByteArray& bytes);
    void pad();

    OutputFile m_file;
    std::vector<Tensor> m_tensors;
    std::uint32_t m_alignment = 32;
    std::size_t m_next = 0;
    std::uint64_t m_written = 0;
    std::uint64_t m_expectedSize = 0;
};

} // namespace qb
