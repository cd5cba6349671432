#pragma once

#include "core/io/checkpoint.h"
#include "core/model/activation_rounding.h"
#include "core/model/checkpoint_import.h"
#include "core/model/layer_inventory.h"
#include "core/model/model_spec.h"
#include "core/util/issue.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <vector>

namespace qb {

// A checkpoint folder opened and checked: its config, its mapped weights and its linear layers.
// open() either returns a complete model or throws; there is no half-loaded state.
//
// open() also takes a checkpoint in a packed format (CheckpointImport: a GGUF file, a GPTQ, AWQ
// or compressed-tensors folder): it is dequantized once into a float32 Hugging Face folder in a
// private temporary folder that the model owns and removes when the last reference to it goes;
// directory() is then that folder (config, weights and tokenizer are found there as for any
// model) and sourcePath() the path the user opened.
//
// Immutable; shared between the GUI and worker threads as std::shared_ptr<const LoadedModel>.
class LoadedModel {
    Q_DECLARE_TR_FUNCTIONS(LoadedModel)

public:
    // `path`: a checkpoint folder, or a packed checkpoint to import (see above).
    static std::shared_ptr<const LoadedModel> open(const QString& path);

    // The folder holding config.json, the safetensors weights and the tokenizer.
    const QString& directory() const { return m_directory; }
    // What the user opened: directory(), or the imported file or folder.
    const QString& sourcePath() const { return m_sourcePath; }
    // What an output must never replace or be written into: the folder read and, for an
    // imported checkpoint, the file or folder the user opened as well.
    QStringList inputPaths() const;
    bool isImported() const { return m_importKind != CheckpointImport::Kind::Plain; }
    CheckpointImport::Kind importKind() const { return m_importKind; }
    // For people: "imported from GGUF and dequantized to float32", with the activation rounding
    // it applies when there is some; empty for a model that was not imported.
    QString importNote() const;
    // What the imported checkpoint makes runtimes do that this float32 model leaves out (its
    // activations quantized as it runs, …), one sentence each; empty for most.
    const QStringList& importCaveats() const { return m_importCaveats; }
    // How the input of input site `inputGroup` (LayerInventory::inputGroups()) is rounded as the
    // model runs: what an imported checkpoint has its runtimes do to the activations and the
    // forward pass can reproduce (CheckpointImport::Imported::activationRounding, when every
    // layer of the site agrees); None for a plain model.
    ActivationRounding activationRounding(int inputGroup) const;
    // Rounds x [rows, in], the input of site `inputGroup`, as activationRounding() says: the
    // forward pass calls it before any hook sees the input.
    void roundActivations(int inputGroup, RowMatrix& x) const;
    const ModelSpec& spec() const { return m_spec; }
    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    const LayerInventory& inventory() const { return m_inventory; }

    // A linear layer's weight as float32, row-major [outFeatures, inFeatures].
    std::vector<float> readWeight(const LinearLayer& layer) const;

private:
    LoadedModel() = default;
    // Sets m_activationRounding from an import's rounding per module; sites whose layers disagree
    // stay None, with a caveat.
    void applyActivationRounding(const std::map<QString, ActivationRounding>& byModule);

    QString m_directory;
    QString m_sourcePath;
    CheckpointImport::Kind m_importKind = CheckpointImport::Kind::Plain;
    std::shared_ptr<QTemporaryDir> m_importFolder; // owns directory() for an import
    QStringList m_importCaveats;
    std::vector<ActivationRounding> m_activationRounding; // [input sites], or empty: none
    ModelSpec m_spec;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    LayerInventory m_inventory;
};

} // namespace qb
