#pragma once

#include "core/io/dtype.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace qb {

class Checkpoint;
struct ModelSpec;

// What a linear layer does in a Llama-family block.
enum class LayerRole : std::uint8_t {
    QProj,
    KProj,
    VProj,
    OProj,
    GateProj,
    UpProj,
    DownProj,
    LmHead
};

QString roleName(LayerRole role); // "q_proj", …, "lm_head" (not translated: it is a module name)
std::optional<LayerRole> roleFromName(const QString& name); // the inverse of roleName()

// The operation before a linear that a per-input-channel scale can be folded into (AWQ,
// SmoothQuant): the RMSNorm feeding it, or the linear whose outputs are its inputs.
//
// Under grouped-query attention o_proj's input channel (query head h, dim d) is v_proj's output
// channel (key/value head h / sharedBy, dim d), mixed over tokens by attention (repeat_kv):
// sharedBy = num_attention_heads / num_key_value_heads query heads read each key/value head. A
// scale s over o_proj's inputs then folds into v_proj (its output row j divided by s_j) only when
// s is equal on the sharedBy channels reading one row j: the fold takes tied scales only.
struct FoldTarget {
    enum class Kind : std::uint8_t { None, Norm, Linear };
    Kind kind = Kind::None;
    QString name;     // tensor prefix, e.g. "model.layers.0.input_layernorm"
    int sharedBy = 1; // Linear: input channels reading each output channel of the target
    int headDim = 0;  // channels per head, when sharedBy > 1

    // Whether any per-channel scale folds: a norm, or a linear feeding its outputs one to one.
    bool foldsAnyScale() const { return kind != Kind::None && sharedBy == 1; }
    // Whether only tied scales fold (o_proj under grouped-query attention).
    bool foldsTiedScale() const { return kind == Kind::Linear && sharedBy > 1; }
    // Whether AWQ scales the inputs of a layer with this target: any target that folds a free
    // scale, and a tied one only when AWQ may tie its scales (`tiedScales`,
    // LayerQuantConfig::tiedScales) — otherwise nothing before the layer could absorb the scale.
    // One rule for the pipeline's calibration, the quantizer's InputScaling and the plan's
    // warnings, so they cannot disagree.
    bool takesAwqScale(bool tiedScales) const
    {
        return foldsAnyScale() || (foldsTiedScale() && tiedScales);
    }
    // The target's output channel that input channel c reads (c itself unless tied).
    std::int64_t sourceChannel(std::int64_t c) const
    {
        if (sharedBy <= 1)
            return c;
        const std::int64_t head = c / headDim;
        return (head / sharedBy) * headDim + c % headDim;
    }
};

// One quantizable linear layer. Weights are stored [outFeatures, inFeatures] (PyTorch layout).
struct LinearLayer {
    QString name;       // module name: "model.layers.0.self_attn.q_proj"
    QString weightName; // "<name>.weight"
    QString biasName;   // "<name>.bias", or empty when the layer has no bias
    int block = -1;     // decoder block index; -1 for lm_head
    LayerRole role = LayerRole::QProj;
    std::int64_t outFeatures = 0;
    std::int64_t inFeatures = 0;
    DType dtype = DType::F32;
    int inputGroup = -1; // index into LayerInventory::inputGroups()
    FoldTarget foldTarget;

    std::int64_t parameterCount() const { return outFeatures * inFeatures; }
    std::uint64_t weightBytes() const
    {
        return static_cast<std::uint64_t>(parameterCount()) * dtypeSize(dtype);
    }
};

// Every quantizable linear of a model in model order (block by block: q, k, v, o, gate, up, down;
// then lm_head when it is not tied to the embeddings), built from the config and checked against
// the checkpoint: build() refuses a checkpoint that lacks a tensor the config implies or holds one
// of the wrong shape or a dtype QuantBench cannot read as floating point.
class LayerInventory {
    Q_DECLARE_TR_FUNCTIONS(LayerInventory)

public:
    static LayerInventory build(const ModelSpec& spec, const Checkpoint& checkpoint);

    const std::vector<LinearLayer>& layers() const { return m_layers; }
    // Groups of layer indices that read the same input (q/k/v of a block; gate/up of a block).
    const std::vector<std::vector<int>>& inputGroups() const { return m_inputGroups; }
    // The input groups runtimes such as vLLM fuse into one matrix (a block's q/k/v, its gate/up),
    // in model order: where a checkpoint must store every member alike.
    std::vector<std::vector<int>> fusedFamilies() const;

    int indexOf(const QString& name) const { return m_indexByName.value(name, -1); }
    const LinearLayer* find(const QString& name) const;
    // The layer of `role` (not LmHead) in decoder block `block`, which must exist.
    const LinearLayer& blockLayer(int block, LayerRole role) const;
    // The other layers reading the same input as `layer`.
    QStringList sharesInputWith(const LinearLayer& layer) const;
    std::int64_t totalParameters() const;

private:
    std::vector<LinearLayer> m_layers;
    std::vector<std::vector<int>> m_inputGroups;
    QHash<QString, int> m_indexByName;
};

} // namespace qb
