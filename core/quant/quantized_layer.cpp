#include "core/quant/quantized_layer.h"

#include "core/model/activation_rounding.h"
#include "core/quant/smooth_quant.h"

namespace qb {

std::vector<float> QuantizedLayer::dequantizedWeight() const
{
    return weight.empty() ? tensor.dequantize() : weight;
}

std::vector<float> QuantizedLayer::weightInOriginalSpace() const
{
    std::vector<float> result = dequantizedWeight();
    if (inputScale.empty())
        return result;
    const std::size_t cols = inputScale.size();
    for (std::size_t i = 0; i < result.size(); ++i)
        result[i] /= inputScale[i % cols];
    return result;
}

void QuantizedLayer::prepareInput(RowMatrix& x) const
{
    if (!inputScale.empty())
        divideInputChannels(x, inputScale);
    if (quantizedActivations)
        roundActivationsPerToken(x, ActivationRounding::Int8PerToken);
}

RowMatrix QuantizedLayer::forward(const RowMatrix& x, const ComputeBackend& backend) const
{
    RowMatrix input = x;
    prepareInput(input);
    RowMatrix output;
    if (weight.empty()) {
        const std::vector<float> dequantized = backend.dequantize(tensor);
        backend.linear(input, dequantized.data(), tensor.rows, nullptr, output);
    } else {
        backend.linear(input, weight.data(), tensor.rows, nullptr, output);
    }
    return output;
}

} // namespace qb
