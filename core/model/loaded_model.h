#pragma once

#include "core/io/checkpoint.h"
#include "core/model/layer_inventory.h"
#include "core/model/model_spec.h"
#include "core/util/issue.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace qb {

// A checkpoint folder opened and checked: its config, its mapped weights and its linear layers.
// open() either returns a complete model or throws; there is no half-loaded state.
//
// Immutable; shared between the GUI and worker threads as std::shared_ptr<const LoadedModel>.
class LoadedModel {
    Q_DECLARE_TR_FUNCTIONS(LoadedModel)

public:
    static std::shared_ptr<const LoadedModel> open(const QString& directory);

    const QString& directory() const { return m_directory; }
    const ModelSpec& spec() const { return m_spec; }
    const Checkpoint& checkpoint() const { return *m_checkpoint; }
    const LayerInventory& inventory() const { return m_inventory; }

    // A linear layer's weight as float32, row-major [outFeatures, inFeatures].
    std::vector<float> readWeight(const LinearLayer& layer) const;

private:
    LoadedModel() = default;

    QString m_directory;
    ModelSpec m_spec;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    LayerInventory m_inventory;
};

} // namespace qb
