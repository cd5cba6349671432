#include "core/io/checkpoint.h"

#include "core/io/json_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <map>

namespace qb {

std::shared_ptr<const Checkpoint> Checkpoint::open(const QString& directory)
{
    std::shared_ptr<Checkpoint> checkpoint(new Checkpoint);
    checkpoint->m_directory = directory;
    const QDir dir(directory);
    if (!QFileInfo(directory).isDir())
        throw Error(tr("%1: the folder does not exist").arg(QDir::toNativeSeparators(directory)));

    const QString indexPath = dir.filePath(QLatin1String(kIndexFileName));
    const QString singlePath = dir.filePath(QLatin1String(kSingleFileName));
    if (QFileInfo::exists(indexPath)) {
        checkpoint->openIndex(indexPath);
    } else if (QFileInfo::exists(singlePath)) {
        checkpoint->openSingle(singlePath);
    } else {
        const bool hasPyTorchBin =
            QFileInfo::exists(dir.filePath(QStringLiteral("pytorch_model.bin")))
            || QFileInfo::exists(dir.filePath(QStringLiteral("pytorch_model.bin.index.json")));
        throw Error(hasPyTorchBin
                        ? tr("%1: the weights are in PyTorch .bin files; QuantBench reads "
                             "safetensors (convert the checkpoint to model.safetensors first)")
                              .arg(QDir::toNativeSeparators(directory))
                        : tr("%1: neither %2 nor %3 is in this folder")
                              .arg(QDir::toNativeSeparators(directory),
                                   QLatin1String(kSingleFileName), QLatin1String(kIndexFileName)));
    }
    return checkpoint;
}

void Checkpoint::openSingle(const QString& path)
{
    auto file = SafetensorsFile::open(path);
    for (const TensorInfo& info : file->tensors())
        m_tensors.insert(info.name, TensorRef{file.get(), &info});
    m_shards.push_back(std::move(file));
}

void Checkpoint::openIndex(const QString& indexPath)
{
    m_indexPath = indexPath;
    const QString shownPath = QDir::toNativeSeparators(indexPath);
    const QJsonValue weightMapValue =
        JsonFile::readObject(indexPath).value(QLatin1String("weight_map"));
    if (!weightMapValue.isObject())
        throw Error(tr("%1: \"weight_map\" must be an object mapping tensor names to shard files, "
                       "but it is %2")
                        .arg(shownPath, JsonText::describe(weightMapValue)));
    const QJsonObject weightMap = weightMapValue.toObject();

    // Open each named shard once, in file-name order.
    std::map<QString, std::shared_ptr<const SafetensorsFile>> shardsByName;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        if (!it.value().isString())
            throw Error(tr("%1: the shard of tensor \"%2\" must be a file name, but it is %3")
                            .arg(shownPath, it.key(), JsonText::describe(it.value())));
        const QString shardName = it.value().toString();
        if (shardName.contains(QLatin1Char('/')) || shardName.contains(QLatin1Char('\\'))
            || shardName == QLatin1String("..")) {
            throw Error(tr("%1: shard \"%2\" of tensor \"%3\" is not a plain file name in the "
                           "checkpoint folder")
                            .arg(shownPath, shardName, it.key()));
        }
        shardsByName.emplace(shardName, nullptr);
    }
    const QDir dir(m_directory);
    for (auto& [shardName, file] : shardsByName) {
        const QString shardPath = dir.filePath(shardName);
        if (!QFileInfo::exists(shardPath))
            throw Error(tr("%1: names shard \"%2\", which is missing from the folder")
                            .arg(shownPath, shardName));
        file = SafetensorsFile::open(shardPath);
        m_shards.push_back(file);
    }

    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        const QString shardName = it.value().toString();
        const SafetensorsFile* shard = shardsByName.at(shardName).get();
        const TensorInfo* info = shard->find(it.key());
        if (!info)
            throw Error(tr("%1: places tensor \"%2\" in shard \"%3\", but that shard has no such "
                           "tensor")
                            .arg(shownPath, it.key(), shardName));
        m_tensors.insert(it.key(), TensorRef{shard, info});
    }
    // A tensor the index does not list is still usable, unless two shards both hold it.
    for (const auto& shard : m_shards) {
        for (const TensorInfo& info : shard->tensors()) {
            const auto existing = m_tensors.constFind(info.name);
            if (existing == m_tensors.cend()) {
                m_tensors.insert(info.name, TensorRef{shard.get(), &info});
            } else if (existing->file != shard.get() && !weightMap.contains(info.name)) {
                throw Error(tr("%1: tensor \"%2\" appears in two shards, \"%3\" and \"%4\"")
                                .arg(shownPath, info.name,
                                     QFileInfo(existing->file->path()).fileName(),
                                     QFileInfo(shard->path()).fileName()));
            }
        }
    }
}

Checkpoint::TensorRef Checkpoint::find(const QString& name) const
{
    return m_tensors.value(name);
}

Checkpoint::TensorRef Checkpoint::require(const QString& name) const
{
    const TensorRef ref = find(name);
    if (!ref)
        throw Error(tr("%1: the checkpoint has no tensor \"%2\"")
                        .arg(QDir::toNativeSeparators(m_directory), name));
    return ref;
}

QStringList Checkpoint::tensorNames() const
{
    QStringList names = m_tensors.keys();
    names.sort();
    return names;
}

std::uint64_t Checkpoint::totalBytes() const
{
    std::uint64_t total = 0;
    for (const auto& shard : m_shards)
        total += shard->fileSize();
    return total;
}

} // namespace qb
