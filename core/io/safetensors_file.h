#pragma once

#include "core/io/dtype.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QString>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

class QFile;

namespace qb {

// One tensor's entry in a safetensors header. Offsets are relative to the start of the data
// section (the byte after the header), as in the file.
struct TensorInfo {
    QString name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;

    std::int64_t elementCount() const;
    std::uint64_t byteSize() const { return end - begin; }
    QString shapeText() const; // "[64, 172]"
};

// A safetensors file opened through a read-only memory map. open() validates the whole header
// (JSON, dtypes, shapes, offsets that tile the data section exactly) and refuses the file with a
// message naming it, the tensor and the problem; tensor data are only touched when read.
//
// Immutable after open(); all const members are safe to call from several threads. The map lives
// as long as the object.
class SafetensorsFile {
    Q_DECLARE_TR_FUNCTIONS(SafetensorsFile)

public:
    // Headers larger than this are refused (the reference implementation's limit).
    static constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

    static std::shared_ptr<const SafetensorsFile> open(const QString& path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const QString& path() const { return m_path; }
    std::uint64_t fileSize() const { return m_fileSize; }
    // The `__metadata__` string map of the header (empty when absent).
    const QMap<QString, QString>& metadata() const { return m_metadata; }
    // Every tensor, in data-offset order.
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    const TensorInfo* find(const QString& name) const;

    // The raw little-endian bytes of a tensor, inside the map (no alignment guaranteed).
    std::span<const std::byte> bytes(const TensorInfo& tensor) const;
    // A float32 copy of a tensor of a float dtype (F32, F16, BF16, F64); throws Error otherwise.
    std::vector<float> readFloat(const TensorInfo& tensor) const;
    // Converts elements [first, first + out.size()) of the tensor (row-major) into `out`.
    void readFloat(const TensorInfo& tensor, std::int64_t first, std::span<float> out) const;

private:
    SafetensorsFile() = default;
    void parseHeader(std::span<const std::byte> header);
    void checkLayout();
    [[noreturn]] void fail(const QString& what) const;
    [[noreturn]] void failTensor(const QString& tensor, const QString& what) const;

    QString m_path;
    std::unique_ptr<QFile> m_file;
    const std::byte* m_data = nullptr; // start of the data section inside the map
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_dataSize = 0;
    std::vector<TensorInfo> m_tensors;
    QMap<QString, QString> m_metadata;
    QHash<QString, std::size_t> m_index; // name -> position in m_tensors
};

} // namespace qb
