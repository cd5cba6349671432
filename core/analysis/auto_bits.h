#pragma once

#include "core/quant/quant_plan.h"
#include "core/quant/quant_scheme.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace qb {

class LayerInventory;
struct LinearLayer;
struct SensitivityScanResult;

// What AutoBits minimises: the sum over the chosen (unit, bit-width) pairs of a scan figure.
enum class AutoBitsLoss : std::uint8_t {
    // The mean KL divergence from the full-precision model (the default): never negative, and
    // for small independent perturbations it adds up (to second order each unit's KL is a
    // quadratic form in its own weight error; the cross terms between units are what the sum
    // leaves out). Δ perplexity of a single layer is often within the evaluation's noise and can
    // come out negative at 8 bits, which rewards nothing real.
    Kl,
    // The change in perplexity, for comparison.
    DeltaPerplexity,
};
QString autoBitsLossKey(AutoBitsLoss loss); // "kl", "delta_perplexity"
std::optional<AutoBitsLoss> autoBitsLossFromKey(QStringView key);

enum class AutoBitsSolver : std::uint8_t {
    Exact,  // multiple-choice knapsack by dynamic programming over the cost (the default)
    Greedy, // upgrades by the largest loss reduction per extra bit while the budget allows
};
QString autoBitsSolverKey(AutoBitsSolver solver); // "exact", "greedy"
std::optional<AutoBitsSolver> autoBitsSolverFromKey(QStringView key);

struct AutoBitsOptions {
    std::vector<int> bits;            // the widths a layer may get; empty: every width scanned
    double targetBitsPerWeight = 4.0; // counting the scale and zero-point overhead
    AutoBitsLoss loss = AutoBitsLoss::Kl;
    AutoBitsSolver solver = AutoBitsSolver::Exact;
};

struct AutoBitsLayerChoice {
    QString name;
    int bits = 0;
    std::int64_t parameters = 0;
    std::int64_t storageBits = 0; // AutoBits::storageBits at the chosen width
    // The scan's figure (the loss chosen) for this layer's unit at the chosen width; layers of a
    // block or role unit all show their unit's.
    double loss = 0.0;
};

// The choice AutoBits made: an immutable value, the plan ready to be applied as one step.
struct AutoBitsResult {
    // The scan's settings as defaults (method, grouping, symmetry, calibration) at the width most
    // layers got, and one exact-name override of "bits" for each layer that got another.
    QuantPlan plan;
    std::vector<AutoBitsLayerChoice> layers; // every linear layer, in model order
    std::vector<int> allowedBits;            // ascending
    AutoBitsLoss loss = AutoBitsLoss::Kl;
    AutoBitsSolver solver = AutoBitsSolver::Exact;
    double targetBitsPerWeight = 0.0;
    double averageBitsPerWeight = 0.0; // achieved, with overhead
    double minimumBitsPerWeight = 0.0; // every layer at the smallest allowed width
    double maximumBitsPerWeight = 0.0; // every layer at the largest
    int items = 0;                     // choices made (input groups merged with scan units)
    // The exact solver's cost grid in bits: 1 (or the costs' common divisor) means exact; larger
    // when the budget had to be coarsened to fit its table (costs then rounded up: still within
    // the target, optimal up to this resolution). 0 for the greedy solver.
    std::int64_t costResolutionBits = 0;
    // Per allowed width (in the order of allowedBits): the interaction factor of the loss, and
    // of the NLL change behind predictedPerplexity — 1 where not applied (see AutoBits).
    std::vector<double> lossInteraction;
    std::vector<double> nllInteraction;
    bool interactionApplied = false; // the scan measured the factors and the predictions use them
    QString interactionNote;         // why they do not, when they do not
    // Σ over the chosen units of the loss, each times its width's interaction factor.
    double predictedLoss = 0.0;
    double additiveLoss = 0.0; // the same sum without the factors: what the solver minimised
    double referencePerplexity = 0.0;
    // The full-precision perplexity times exp(Σ over the chosen units of γ_nll(b) · log(their
    // perplexity / the reference)): their NLL changes added up, scaled by the NLL factor.
    double predictedPerplexity = 0.0;
    double additivePerplexity = 0.0; // the same without the factors

    QJsonObject toJson() const;
};

// Mixed precision from a sensitivity scan: each layer's bit-width chosen from the allowed ones so
// that the predicted loss — the sum over units of their scan figure at the chosen width — is
// smallest while the model's average bits per weight, overhead included, stays at or below a
// target.
//
// Cost of a layer [out, in] at b bits (storageBits): out·in·b bits of codes, plus per group of
// its scheme one fp16 scale and one b-bit zero point, 16 + b bits — per group of g columns,
// ⌈in/g⌉ groups per row (the last may be shorter); per channel, one per row; per tensor, one.
// The zero point is counted for symmetric grids too, since GPTQ checkpoints store it. Average =
// Σ cost / Σ parameters over the linear layers (embeddings and norms are not counted). For groups
// of g that is b + (16 + b)/g bits per weight when g divides `in`.
//
// Layers that must share a width are one item: the layers reading one input (q/k/v, gate/up —
// fused into one matrix by most runtimes) and the layers the scan quantized together (a block or
// a role unit). An item's cost is the sum of its layers' costs, its loss the sum of its units'
// losses.
//
// Interaction. The scan measured each unit with the rest of the model in full precision, so the
// units' losses leave out what quantizing them together adds: their errors compound, more the
// fewer the bits (on the demo model the whole model at 3 bits has 1.9 times the KL divergence of
// its layers' sum, at 4 bits 1.16 times). The scan also measures the whole model at each width
// (SensitivityScanResult::uniform); the interaction factor of width b is that measurement over
// the sum of the units' at b, γ(b) = L_all(b) / Σ_u L_u(b), and the prediction scales every
// chosen unit's loss at b by γ(b). A plan with every layer at one width is then predicted exactly
// as measured; a mixed plan is interpolated between them. On the demo model (RTN g32, KL, the
// perplexity of the chosen plans at targets 3.6 / 4 / 4.5 bits): measured 7.05 / 5.06 / 4.07,
// predicted 6.95 / 5.21 / 4.23, by the plain sum 5.08 / 4.40 / 3.99. The factor is 1 where it
// cannot be formed (a sum or a measurement that is not positive), and for scans made without the
// whole-model measurements (interactionNote says so).
//
// The solver minimises the plain sum. One factor per width says how much errors compound on
// average, not which layers they compound in; choosing with the scaled losses made worse plans
// on the demo model (measured 5.15 instead of 5.06 at 4 bits, 4.21 instead of 4.07 at 4.5).
class AutoBits {
    Q_DECLARE_TR_FUNCTIONS(AutoBits)

public:
    // One item of the knapsack: per choice, its cost (bits) and loss. Costs need not be sorted.
    struct Item {
        std::vector<std::int64_t> cost;
        std::vector<double> loss;
    };

    // Bits a layer's weights take at `scheme`, overhead included (QuantScheme::storageBits).
    static std::int64_t storageBits(const LinearLayer& layer, const QuantScheme& scheme);
    // The average bits per weight of `plan` on `inventory`, overhead included: layers kept in
    // full precision count at their dtype's width, W8A8 and SmoothQuant at int8 per channel.
    static double averageBitsPerWeight(const LayerInventory& inventory, const QuantPlan& plan);

    // Chooses the widths. Throws Error when the scan does not fit the model (a layer missing or
    // extra), lacks a result it needs (a cancelled scan; a width not measured), or when the
    // target is below the smallest achievable average (naming that average).
    static AutoBitsResult choose(const SensitivityScanResult& scan, const LayerInventory& inventory,
                                 const AutoBitsOptions& options);

    // The solvers on plain items: one choice per item, total cost ≤ budget, minimum total loss.
    // Precondition: the cheapest choices fit the budget. solveExact is optimal (ties go to the
    // cheaper choice); `resolution` receives its cost grid (see costResolutionBits).
    static std::vector<int> solveExact(const std::vector<Item>& items, std::int64_t budget,
                                       std::int64_t* resolution = nullptr);
    static std::vector<int> solveGreedy(const std::vector<Item>& items, std::int64_t budget);
};

} // namespace qb
