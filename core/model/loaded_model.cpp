#include "core/model/loaded_model.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>

namespace qb {

std::shared_ptr<const LoadedModel> LoadedModel::open(const QString& path)
{
    std::shared_ptr<LoadedModel> model(new LoadedModel);
    model->m_sourcePath = QFileInfo(path).absoluteFilePath();
    model->m_directory = model->m_sourcePath;
    model->m_importKind = CheckpointImport::detect(path);
    if (model->isImported()) {
        model->m_importFolder = std::make_shared<QTemporaryDir>(
            QDir(QDir::tempPath()).filePath(QStringLiteral("quantbench-import-XXXXXX")));
        if (!model->m_importFolder->isValid())
            throw Error(
                tr("%1: cannot create a temporary folder to import it into: %2")
                    .arg(QDir::toNativeSeparators(path), model->m_importFolder->errorString()));
        model->m_importCaveats = CheckpointImport::dequantizeInto(path, model->m_importKind,
                                                                  model->m_importFolder->path());
        model->m_directory = model->m_importFolder->path();
    } else if (QFileInfo(path).isFile()) {
        throw Error(tr("%1: not a GGUF file; open a checkpoint folder or a .gguf file")
                        .arg(QDir::toNativeSeparators(path)));
    }
    const QString directory = model->m_directory;
    if (!QFileInfo(directory).isDir())
        throw Error(tr("%1: the folder does not exist").arg(QDir::toNativeSeparators(directory)));
    model->m_spec = ModelSpec::fromConfigFile(model->m_directory);
    model->m_checkpoint = Checkpoint::open(model->m_directory);
    model->m_inventory = LayerInventory::build(model->m_spec, *model->m_checkpoint);
    return model;
}

QString LoadedModel::importNote() const
{
    return isImported() ? tr("imported from %1 and dequantized to float32")
                              .arg(CheckpointImport::kindName(m_importKind))
                        : QString();
}

QStringList LoadedModel::inputPaths() const
{
    QStringList paths{m_directory};
    if (m_sourcePath != m_directory)
        paths << m_sourcePath;
    return paths;
}

std::vector<float> LoadedModel::readWeight(const LinearLayer& layer) const
{
    const Checkpoint::TensorRef ref = m_checkpoint->require(layer.weightName);
    return ref.file->readFloat(*ref.info);
}

} // namespace qb
