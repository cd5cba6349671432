#include "core/quant/quantized_model.h"

#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"

namespace qb {

const QuantizedLayer* QuantizedModel::find(const QString& layerName) const
{
    const auto it = layers.find(layerName);
    return it == layers.end() ? nullptr : &it->second;
}

QuantizedLayerHooks::QuantizedLayerHooks(const LayerInventory& inventory,
                                         const std::map<QString, QuantizedLayer>& layers)
    : m_inventory(inventory)
    , m_layers(layers)
{
}

void QuantizedLayerHooks::enterBlock(int block)
{
    if (block == m_block)
        return;
    m_weights.clear();
    m_block = block;
    prepareBlock(block);
}

const QuantizedLayer* QuantizedLayerHooks::firstQuantizedOf(int inputGroup) const
{
    for (int index : m_inventory.inputGroups()[static_cast<std::size_t>(inputGroup)]) {
        const auto it = m_layers.find(m_inventory.layers()[static_cast<std::size_t>(index)].name);
        if (it != m_layers.end())
            return &it->second;
    }
    return nullptr;
}

void QuantizedLayerHooks::onInput(int inputGroup, RowMatrix& input)
{
    const std::vector<int>& members =
        m_inventory.inputGroups()[static_cast<std::size_t>(inputGroup)];
    enterBlock(m_inventory.layers()[static_cast<std::size_t>(members.front())].block);
    if (const QuantizedLayer* layer = firstQuantizedOf(inputGroup))
        layer->prepareInput(input);
}

const QuantizedTensor* QuantizedLayerHooks::codesFor(const LinearLayer& layer)
{
    enterBlock(layer.block);
    const auto it = m_layers.find(layer.name);
    if (it == m_layers.end() || !it->second.weight.empty() || it->second.tensor.codes.empty())
        return nullptr;
    return &it->second.tensor;
}

const float* QuantizedLayerHooks::weightFor(const LinearLayer& layer)
{
    enterBlock(layer.block);
    const auto cached = m_weights.find(layer.name);
    if (cached != m_weights.end())
        return cached->second.data();
    const auto it = m_layers.find(layer.name);
    if (it == m_layers.end())
        return nullptr;
    const QuantizedLayer& quantized = it->second;
    if (!quantized.weight.empty())
        return quantized.weight.data();
    return m_weights.emplace(layer.name, quantized.dequantizedWeight()).first->second.data();
}

QuantizedModelHooks::QuantizedModelHooks(std::shared_ptr<const QuantizedModel> model)
    : QuantizedLayerHooks(model->model->inventory(), model->layers)
    , m_model(std::move(model))
{
}

} // namespace qb
