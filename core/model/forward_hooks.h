#pragma once

#include <Eigen/Core>

#include <cstdint>

namespace qb {

struct LinearLayer;
struct QuantizedTensor;

// Activations of the forward pass: rows are tokens, row-major float32.
using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Observes or replaces what goes into and out of the linear layers of a forward pass: calibration
// records the inputs, quantized evaluation swaps the weights, activation quantization rewrites the
// inputs, analysis reads the outputs. Every method has a default that changes nothing.
//
// The runner calls, for each input site (a group of linears reading the same input, see
// LayerInventory::inputGroups()) and each tile of rows it processes:
//   onInput(group, X)                 once, before any linear of the group uses X;
//   codesFor(layer)                   per linear, once per block run; then, unless the runner
//                                     uses the codes, weightFor(layer);
//   onOutput(layer, X, Y)             per linear, after Y = X Wᵀ (+ bias).
// A block's rows may arrive in several tiles; the union of the tiles of one block run is every
// token of the batch. Calls come from the thread running the forward pass, one at a time.
class ForwardHooks {
public:
    virtual ~ForwardHooks() = default;

    // X [rows, in] is about to feed the linears of `inputGroup`; may be changed in place.
    virtual void onInput(int inputGroup, RowMatrix& input)
    {
        (void)inputGroup;
        (void)input;
    }
    // The weight [out, in] to use for `layer` instead of the checkpoint's, or nullptr. The data
    // must stay valid until the block run that asked for it has finished.
    virtual const float* weightFor(const LinearLayer& layer)
    {
        (void)layer;
        return nullptr;
    }
    // The weight to use for `layer` as codes on a grid, when the hooks hold it so, or nullptr.
    // Its dequantized values must be exactly what weightFor(layer) would give, and it must stay
    // valid like weightFor's data: a product of a few rows (a generation step) reads the codes
    // instead of a float32 copy of the matrix.
    virtual const QuantizedTensor* codesFor(const LinearLayer& layer)
    {
        (void)layer;
        return nullptr;
    }
    // Y [rows, out] = X Wᵀ (+ bias) was computed for `layer`; Y may be changed in place.
    virtual void onOutput(const LinearLayer& layer, const RowMatrix& input, RowMatrix& output)
    {
        (void)layer;
        (void)input;
        (void)output;
    }
};

} // namespace qb
