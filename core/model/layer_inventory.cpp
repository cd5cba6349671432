#include "core/model/layer_inventory.h"

#include "core/io/checkpoint.h"
#include "core/model/model_spec.h"
#include "core/util/error.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <set>

namespace qb {

QString roleName(LayerRole role)
{
    switch (role) {
    case LayerRole::QProj:
        return QStringLiteral("q_proj");
    case LayerRole::KProj:
        return QStringLiteral("k_proj");
    case LayerRole::VProj:
        return QStringLiteral("v_proj");
    case LayerRole::OProj:
        return QStringLiteral("o_proj");
    case LayerRole::GateProj:
        return QStringLiteral("gate_proj");
    case LayerRole::UpProj:
        return QStringLiteral("up_proj");
    case LayerRole::DownProj:
        return QStringLiteral("down_proj");
    case LayerRole::LmHead:
        return QStringLiteral("lm_head");
    }
    return {};
}

std::optional<LayerRole> roleFromName(const QString& name)
{
    for (LayerRole role :
         {LayerRole::QProj, LayerRole::KProj, LayerRole::VProj, LayerRole::OProj,
          LayerRole::GateProj, LayerRole::UpProj, LayerRole::DownProj, LayerRole::LmHead}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

namespace {

// Checks that `name` exists with `shape`; `what` explains where the expected shape comes from.
const TensorInfo& requireTensor(const Checkpoint& checkpoint, const QString& name,
                                const std::vector<std::int64_t>& shape, const QString& what)
{
    const Checkpoint::TensorRef ref = checkpoint.find(name);
    const QString folder = QDir::toNativeSeparators(checkpoint.directory());
    if (!ref)
        throw Error(LayerInventory::tr("%1: tensor \"%2\", which config.json implies, is missing "
                                       "from the checkpoint")
                        .arg(folder, name));
    if (ref.info->shape != shape) {
        QStringList expected;
        for (std::int64_t d : shape)
            expected << QString::number(d);
        throw Error(LayerInventory::tr("%1: tensor \"%2\" has shape %3, but config.json implies "
                                       "[%4] (%5)")
                        .arg(folder, name, ref.info->shapeText(),
                             expected.join(QStringLiteral(", ")), what));
    }
    if (ref.info->dtype == DType::F8_E4M3)
        throw Error(LayerInventory::tr("%1: tensor \"%2\" is FP8 (F8_E4M3), whose values mean "
                                       "nothing without their scales; QuantBench reads FP8 "
                                       "weights with their scales from checkpoints whose "
                                       "config.json says how they were quantized "
                                       "(quantization_config: quant_method "
                                       "\"compressed-tensors\" or \"fp8\")")
                        .arg(folder, name));
    if (!traitsOf(ref.info->dtype).convertibleToFloat || ref.info->dtype == DType::F64)
        throw Error(LayerInventory::tr("%1: tensor \"%2\" has dtype %3; QuantBench reads "
                                       "checkpoints whose weights are F32, F16 or BF16")
                        .arg(folder, name, dtypeName(ref.info->dtype)));
    return *ref.info;
}

} // namespace

LayerInventory LayerInventory::build(const ModelSpec& spec, const Checkpoint& checkpoint)
{
    const QString folder = QDir::toNativeSeparators(checkpoint.directory());

    // A config that declares more blocks than the files hold gets one message for the whole
    // shortfall, not one about the first missing tensor.
    static const QRegularExpression blockPattern(QStringLiteral("^model\\.layers\\.(\\d+)\\."));
    std::set<int> blocksPresent;
    for (const QString& name : checkpoint.tensorNames()) {
        const QRegularExpressionMatch match = blockPattern.match(name);
        if (match.hasMatch())
            blocksPresent.insert(match.captured(1).toInt());
    }
    // Counted from the blocks present, not block by block: num_hidden_layers comes from an
    // untrusted file, and an absurd value must be refused at once.
    const auto presentBelowDeclared =
        std::distance(blocksPresent.begin(), blocksPresent.lower_bound(spec.numHiddenLayers));
    const int missingBlocks = spec.numHiddenLayers - static_cast<int>(presentBelowDeclared);
    if (missingBlocks > 0) {
        int firstMissing = 0;
        while (blocksPresent.count(firstMissing))
            ++firstMissing;
        throw Error(tr("%1: config.json declares num_hidden_layers = %2, but the checkpoint has "
                       "no tensors for %3 of those blocks (the first missing is model.layers.%4)")
                        .arg(folder)
                        .arg(spec.numHiddenLayers)
                        .arg(missingBlocks)
                        .arg(firstMissing));
    }

    const std::int64_t hidden = spec.hiddenSize;
    const std::int64_t inter = spec.intermediateSize;
    const std::int64_t qOut = std::int64_t(spec.numAttentionHeads) * spec.headDim;
    const std::int64_t kvOut = std::int64_t(spec.numKeyValueHeads) * spec.headDim;
    const std::int64_t vocab = spec.vocabSize;

    requireTensor(checkpoint, QStringLiteral("model.embed_tokens.weight"), {vocab, hidden},
                  tr("vocab_size × hidden_size"));

    LayerInventory inventory;
    auto addLayer = [&](const QString& name, int block, LayerRole role, std::int64_t out,
                        std::int64_t in, bool hasBias, const QString& why, int inputGroup,
                        FoldTarget fold) {
        LinearLayer layer;
        layer.name = name;
        layer.weightName = name + QStringLiteral(".weight");
        layer.block = block;
        layer.role = role;
        layer.outFeatures = out;
        layer.inFeatures = in;
        layer.dtype = requireTensor(checkpoint, layer.weightName, {out, in}, why).dtype;
        if (hasBias) {
            layer.biasName = name + QStringLiteral(".bias");
            requireTensor(checkpoint, layer.biasName, {out}, tr("bias of %1").arg(name));
        }
        layer.inputGroup = inputGroup;
        layer.foldTarget = std::move(fold);
        const int index = static_cast<int>(inventory.m_layers.size());
        inventory.m_indexByName.insert(layer.name, index);
        inventory.m_inputGroups[static_cast<std::size_t>(inputGroup)].push_back(index);
        inventory.m_layers.push_back(std::move(layer));
    };
    auto newInputGroup = [&] {
        inventory.m_inputGroups.emplace_back();
        return static_cast<int>(inventory.m_inputGroups.size() - 1);
    };

    const QString qShape = tr("num_attention_heads × head_dim, hidden_size");
    const QString kvShape = tr("num_key_value_heads × head_dim, hidden_size");
    for (int b = 0; b < spec.numHiddenLayers; ++b) {
        const QString prefix = QStringLiteral("model.layers.%1.").arg(b);
        const QString attn = prefix + QStringLiteral("self_attn.");
        const QString mlp = prefix + QStringLiteral("mlp.");
        const QString inputNorm = prefix + QStringLiteral("input_layernorm");
        const QString postNorm = prefix + QStringLiteral("post_attention_layernorm");
        requireTensor(checkpoint, inputNorm + QStringLiteral(".weight"), {hidden},
                      tr("hidden_size"));
        requireTensor(checkpoint, postNorm + QStringLiteral(".weight"), {hidden},
                      tr("hidden_size"));

        const FoldTarget byInputNorm{FoldTarget::Kind::Norm, inputNorm};
        const FoldTarget byPostNorm{FoldTarget::Kind::Norm, postNorm};
        const int attnInput = newInputGroup();
        addLayer(attn + QStringLiteral("q_proj"), b, LayerRole::QProj, qOut, hidden, spec.qkvBias,
                 qShape, attnInput, byInputNorm);
        addLayer(attn + QStringLiteral("k_proj"), b, LayerRole::KProj, kvOut, hidden, spec.qkvBias,
                 kvShape, attnInput, byInputNorm);
        addLayer(attn + QStringLiteral("v_proj"), b, LayerRole::VProj, kvOut, hidden, spec.qkvBias,
                 kvShape, attnInput, byInputNorm);
        // o_proj's inputs are v_proj's outputs mixed by attention: one to one with as many
        // key/value heads as query heads, else each v_proj output feeds the query heads sharing
        // its key/value head (FoldTarget::sharedBy), and only scales tied over those fold.
        FoldTarget oFold{FoldTarget::Kind::Linear, attn + QStringLiteral("v_proj")};
        if (kvOut != qOut) {
            oFold.sharedBy = spec.numAttentionHeads / spec.numKeyValueHeads;
            oFold.headDim = spec.headDim;
        }
        addLayer(attn + QStringLiteral("o_proj"), b, LayerRole::OProj, hidden, qOut, spec.oBias,
                 tr("hidden_size, num_attention_heads × head_dim"), newInputGroup(), oFold);
        const int mlpInput = newInputGroup();
        addLayer(mlp + QStringLiteral("gate_proj"), b, LayerRole::GateProj, inter, hidden,
                 spec.mlpBias, tr("intermediate_size × hidden_size"), mlpInput, byPostNorm);
        addLayer(mlp + QStringLiteral("up_proj"), b, LayerRole::UpProj, inter, hidden, spec.mlpBias,
                 tr("intermediate_size × hidden_size"), mlpInput, byPostNorm);
        addLayer(mlp + QStringLiteral("down_proj"), b, LayerRole::DownProj, hidden, inter,
                 spec.mlpBias, tr("hidden_size × intermediate_size"), newInputGroup(),
                 FoldTarget{FoldTarget::Kind::Linear, mlp + QStringLiteral("up_proj")});
    }
    requireTensor(checkpoint, QStringLiteral("model.norm.weight"), {hidden}, tr("hidden_size"));
    if (!spec.tieWordEmbeddings) {
        addLayer(QStringLiteral("lm_head"), -1, LayerRole::LmHead, vocab, hidden, false,
                 tr("vocab_size × hidden_size"), newInputGroup(),
                 FoldTarget{FoldTarget::Kind::Norm, QStringLiteral("model.norm")});
    }
    return inventory;
}

const LinearLayer& LayerInventory::blockLayer(int block, LayerRole role) const
{
    // Model order: the seven linears of each block in role order.
    constexpr int kPerBlock = static_cast<int>(LayerRole::DownProj) + 1;
    const LinearLayer& layer =
        m_layers[static_cast<std::size_t>(block * kPerBlock + static_cast<int>(role))];
    Q_ASSERT(layer.block == block && layer.role == role);
    return layer;
}

const LinearLayer* LayerInventory::find(const QString& name) const
{
    const int index = indexOf(name);
    return index < 0 ? nullptr : &m_layers[static_cast<std::size_t>(index)];
}

QStringList LayerInventory::sharesInputWith(const LinearLayer& layer) const
{
    QStringList names;
    for (int index : m_inputGroups[static_cast<std::size_t>(layer.inputGroup)]) {
        const LinearLayer& other = m_layers[static_cast<std::size_t>(index)];
        if (other.name != layer.name)
            names << other.name;
    }
    return names;
}

std::vector<std::vector<int>> LayerInventory::fusedFamilies() const
{
    const auto allIn = [this](const std::vector<int>& group,
                              std::initializer_list<LayerRole> roles) {
        return std::all_of(group.begin(), group.end(), [&](int index) {
            const LayerRole role = m_layers[static_cast<std::size_t>(index)].role;
            return std::find(roles.begin(), roles.end(), role) != roles.end();
        });
    };
    std::vector<std::vector<int>> families;
    for (const std::vector<int>& group : m_inputGroups) {
        if (group.size() >= 2
            && (allIn(group, {LayerRole::QProj, LayerRole::KProj, LayerRole::VProj})
                || allIn(group, {LayerRole::GateProj, LayerRole::UpProj})))
            families.push_back(group);
    }
    return families;
}

std::int64_t LayerInventory::totalParameters() const
{
    std::int64_t total = 0;
    for (const LinearLayer& layer : m_layers)
        total += layer.parameterCount();
    return total;
}

} // namespace qb
