#include "core/model/loaded_model.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>

namespace qb {

std::shared_ptr<const LoadedModel> LoadedModel::open(const QString& path)
{
    std::shared_ptr<LoadedModel> model(new LoadedModel);
    CheckpointImport::Imported imported;
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
        imported = CheckpointImport::dequantizeInto(path, model->m_importKind,
                                                    model->m_importFolder->path());
        model->m_importCaveats = imported.caveats;
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
    if (!imported.activationRounding.empty())
        model->applyActivationRounding(imported.activationRounding);
    return model;
}

void LoadedModel::applyActivationRounding(const std::map<QString, ActivationRounding>& byModule)
{
    const auto& sites = m_inventory.inputGroups();
    m_activationRounding.assign(sites.size(), ActivationRounding::None);
    for (std::size_t site = 0; site < sites.size(); ++site) {
        // One input is rounded once for all the layers reading it: only when they agree.
        QStringList names;
        std::vector<ActivationRounding> roundings;
        for (int index : sites[site]) {
            const LinearLayer& layer = m_inventory.layers()[static_cast<std::size_t>(index)];
            const auto found = byModule.find(layer.name);
            names << layer.name;
            roundings.push_back(found == byModule.end() ? ActivationRounding::None : found->second);
        }
        if (std::all_of(roundings.begin(), roundings.end(),
                        [&](ActivationRounding r) { return r == roundings.front(); })) {
            m_activationRounding[site] = roundings.front();
            continue;
        }
        m_importCaveats << tr("%1 read one input, but the checkpoint rounds it differently for "
                              "each of them (as runtimes do, per layer); QuantBench rounds an "
                              "input once for all the layers reading it, so these keep their "
                              "activations in full precision")
                               .arg(names.join(QStringLiteral(", ")));
    }
}

ActivationRounding LoadedModel::activationRounding(int inputGroup) const
{
    return m_activationRounding.empty()
               ? ActivationRounding::None
               : m_activationRounding[static_cast<std::size_t>(inputGroup)];
}

void LoadedModel::roundActivations(int inputGroup, RowMatrix& x) const
{
    roundActivationsPerToken(x, activationRounding(inputGroup));
}

QString LoadedModel::importNote() const
{
    if (!isImported())
        return {};
    const QString note = tr("imported from %1 and dequantized to float32")
                             .arg(CheckpointImport::kindName(m_importKind));
    // The layers whose inputs the forward pass rounds, by rounding.
    std::map<ActivationRounding, int> rounded;
    const auto& sites = m_inventory.inputGroups();
    for (std::size_t site = 0; site < m_activationRounding.size(); ++site) {
        if (m_activationRounding[site] != ActivationRounding::None)
            rounded[m_activationRounding[site]] += static_cast<int>(sites[site].size());
    }
    QStringList parts;
    for (const auto& [rounding, layers] : rounded)
        parts << tr("%n layer(s) with their input activations rounded %1 as the checkpoint asks",
                    nullptr, layers)
                     .arg(ActivationRoundingText::describe(rounding));
    return parts.isEmpty() ? note : tr("%1; %2").arg(note, parts.join(QStringLiteral("; ")));
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
