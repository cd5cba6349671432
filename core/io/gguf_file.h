#pragma once

#include "core/io/gguf_format.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace qb {

// One tensor of a GGUF file. dims are ggml's ne, innermost first: a linear weight [N, K]
// (PyTorch layout) is stored with dims {K, N}.
struct GgufTensorInfo {
    QString name;
    std::vector<std::int64_t> dims;
    GgmlType type = GgmlType::F32;
    std::uint64_t offset = 0; // from the start of the data section
    std::uint64_t byteSize = 0;

    std::int64_t elementCount() const;
    // PyTorch order (outermost first): {N, K} for dims {K, N}.
    std::vector<std::int64_t> torchShape() const;
};

// A GGUF v3 file opened through a read-only memory map (llama.cpp's format: docs/gguf.md).
// open() validates everything before anything is used — magic, version 3, counts against the
// file size, every string length, metadata value types, general.alignment, tensor names (unique),
// ranks, dims, types (those of kGgmlTypeTraits; others are refused by number), the row length
// against the block size, offsets (aligned) and extents within the file — and refuses the file
// with one Error naming it and the field or tensor. Tensor data are touched only when read.
//
// Immutable after open(); const members are safe to call from several threads.
class GgufFile {
    Q_DECLARE_TR_FUNCTIONS(GgufFile)

public:
    static constexpr std::uint32_t kMagic = 0x46554747; // "GGUF" little-endian
    static constexpr std::uint32_t kVersion = 3;
    static constexpr std::uint32_t kDefaultAlignment = 32;
    static constexpr int kMaxDims = 4; // GGML_MAX_DIMS

    static std::shared_ptr<const GgufFile> open(const QString& path);
    // Whether the file at `path` starts with the GGUF magic (no further checks).
    static bool hasMagic(const QString& path);
    ~GgufFile();
    GgufFile(const GgufFile&) = delete;
    GgufFile& operator=(const GgufFile&) = delete;

    const QString& path() const { return m_path; }
    std::uint32_t version() const { return m_version; }
    std::uint32_t alignment() const { return m_alignment; }
    std::uint64_t dataOffset() const { return m_dataOffset; } // byte where the data section starts
    // Metadata in file order.
    const std::vector<std::pair<QString, GgufValue>>& metadata() const { return m_metadata; }
    const GgufValue* find(const QString& key) const;
    // Tensors in file order.
    const std::vector<GgufTensorInfo>& tensors() const { return m_tensors; }
    const GgufTensorInfo* findTensor(const QString& name) const;

    std::span<const std::byte> bytes(const GgufTensorInfo& tensor) const;
    // Every element of `tensor` dequantized to float32, in ggml order (row after row of dims[0]
    // values): row-major [N, K] for a linear weight.
    std::vector<float> readFloat(const GgufTensorInfo& tensor) const;

    // Checked metadata access for importers: the value of `key`, which must be there and of one
    // of the integer types (any width), a float type, or a string; Error naming the file and key
    // otherwise.
    std::int64_t requireInteger(const QString& key) const;
    double requireReal(const QString& key) const;
    QString requireString(const QString& key) const;
    // An array of `elementType` elements with `length` entries (length < 0: any), Error otherwise.
    const GgufValue& requireArray(const QString& key, GgufValueType elementType,
                                  std::int64_t length = -1) const;
    std::optional<std::int64_t> optionalInteger(const QString& key) const;

private:
    class Cursor;
    GgufFile() = default;
    void parse();
    GgufValue readValue(Cursor& cursor, GgufValueType type, const QString& key, bool inArray);
    [[noreturn]] void fail(const QString& what) const;

    QString m_path;
    std::unique_ptr<QFile> m_file;
    const std::byte* m_map = nullptr;
    std::uint64_t m_fileSize = 0;
    std::uint32_t m_version = 0;
    std::uint32_t m_alignment = kDefaultAlignment;
    std::uint64_t m_dataOffset = 0;
    std::vector<std::pair<QString, GgufValue>> m_metadata;
    QHash<QString, std::size_t> m_metadataIndex;
    std::vector<GgufTensorInfo> m_tensors;
    QHash<QString, std::size_t> m_tensorIndex;
};

} // namespace qb
