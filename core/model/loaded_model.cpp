#include "core/model/loaded_model.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>

namespace qb {

std::shared_ptr<const LoadedModel> LoadedModel::open(const QString& directory)
{
    std::shared_ptr<LoadedModel> model(new LoadedModel);
    model->m_directory = QFileInfo(directory).absoluteFilePath();
    if (!QFileInfo(directory).isDir())
        throw Error(tr("%1: the folder does not exist").arg(QDir::toNativeSeparators(directory)));
    model->m_spec = ModelSpec::fromConfigFile(model->m_directory);
    model->m_checkpoint = Checkpoint::open(model->m_directory);
    model->m_inventory = LayerInventory::build(model->m_spec, *model->m_checkpoint);
    return model;
}

std::vector<float> LoadedModel::readWeight(const LinearLayer& layer) const
{
    const Checkpoint::TensorRef ref = m_checkpoint->require(layer.weightName);
    return ref.file->readFloat(*ref.info);
}

} // namespace qb
