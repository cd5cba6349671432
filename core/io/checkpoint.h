#pragma once

#include "core/io/safetensors_file.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace qb {

// The weights of a Hugging Face checkpoint folder: either one model.safetensors or the shards
// named by model.safetensors.index.json. Every shard is memory-mapped and its header validated on
// open; tensor data are read lazily through the SafetensorsFile that holds them.
//
// Immutable after open(); safe to read from several threads.
class Checkpoint {
    Q_DECLARE_TR_FUNCTIONS(Checkpoint)

public:
    static constexpr const char* kSingleFileName = "model.safetensors";
    static constexpr const char* kIndexFileName = "model.safetensors.index.json";

    struct TensorRef {
        const SafetensorsFile* file = nullptr;
        const TensorInfo* info = nullptr;
        explicit operator bool() const { return info != nullptr; }
    };

    static std::shared_ptr<const Checkpoint> open(const QString& directory);

    const QString& directory() const { return m_directory; }
    bool isSharded() const { return !m_indexPath.isEmpty(); }
    const QString& indexPath() const { return m_indexPath; }
    // Shards in the order of their file names (a single file: one shard).
    const std::vector<std::shared_ptr<const SafetensorsFile>>& shards() const { return m_shards; }

    TensorRef find(const QString& name) const;
    // Like find(), but throws an Error naming the tensor when it is absent.
    TensorRef require(const QString& name) const;
    // Every tensor name, sorted.
    QStringList tensorNames() const;
    std::uint64_t totalBytes() const;

private:
    Checkpoint() = default;
    void openSingle(const QString& path);
    void openIndex(const QString& indexPath);

    QString m_directory;
    QString m_indexPath;
    std::vector<std::shared_ptr<const SafetensorsFile>> m_shards;
    QHash<QString, TensorRef> m_tensors;
};

} // namespace qb
