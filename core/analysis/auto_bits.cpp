#include "core/analysis/auto_bits.h"

#include "core/analysis/sensitivity_scan.h"
#include "core/io/dtype.h"
#include "core/model/layer_inventory.h"
#include "core/util/error.h"

#include <QJsonArray>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

namespace qb {

QString autoBitsLossKey(AutoBitsLoss loss)
{
    switch (loss) {
    case AutoBitsLoss::Kl:
        return QStringLiteral("kl");
    case AutoBitsLoss::DeltaPerplexity:
        return QStringLiteral("delta_perplexity");
    }
    return {};
}

std::optional<AutoBitsLoss> autoBitsLossFromKey(QStringView key)
{
    for (AutoBitsLoss loss : {AutoBitsLoss::Kl, AutoBitsLoss::DeltaPerplexity}) {
        if (key == autoBitsLossKey(loss))
            return loss;
    }
    return std::nullopt;
}

QString autoBitsSolverKey(AutoBitsSolver solver)
{
    return solver == AutoBitsSolver::Exact ? QStringLiteral("exact") : QStringLiteral("greedy");
}

std::optional<AutoBitsSolver> autoBitsSolverFromKey(QStringView key)
{
    for (AutoBitsSolver solver : {AutoBitsSolver::Exact, AutoBitsSolver::Greedy}) {
        if (key == autoBitsSolverKey(solver))
            return solver;
    }
    return std::nullopt;
}

namespace {

QJsonArray doubles(const std::vector<double>& values)
{
    QJsonArray array;
    for (double v : values)
        array.append(v);
    return array;
}

} // namespace

QJsonObject AutoBitsResult::toJson() const
{
    QJsonArray layerArray;
    for (const AutoBitsLayerChoice& layer : layers)
        layerArray.append(QJsonObject{{QStringLiteral("name"), layer.name},
                                      {QStringLiteral("bits"), layer.bits},
                                      {QStringLiteral("parameters"), qint64(layer.parameters)},
                                      {QStringLiteral("storage_bits"), qint64(layer.storageBits)},
                                      {QStringLiteral("loss"), layer.loss}});
    QJsonArray bitsArray;
    for (int b : allowedBits)
        bitsArray.append(b);
    return QJsonObject{
        {QStringLiteral("layers"), layerArray},
        {QStringLiteral("bits"), bitsArray},
        {QStringLiteral("loss"), autoBitsLossKey(loss)},
        {QStringLiteral("solver"), autoBitsSolverKey(solver)},
        {QStringLiteral("target_bits"), targetBitsPerWeight},
        {QStringLiteral("average_bits"), averageBitsPerWeight},
        {QStringLiteral("minimum_average_bits"), minimumBitsPerWeight},
        {QStringLiteral("maximum_average_bits"), maximumBitsPerWeight},
        {QStringLiteral("items"), items},
        {QStringLiteral("cost_resolution_bits"), qint64(costResolutionBits)},
        {QStringLiteral("predicted_loss"), predictedLoss},
        {QStringLiteral("additive_loss"), additiveLoss},
        {QStringLiteral("reference_perplexity"), referencePerplexity},
        {QStringLiteral("predicted_perplexity"), predictedPerplexity},
        {QStringLiteral("additive_perplexity"), additivePerplexity},
        {QStringLiteral("interaction"),
         QJsonObject{{QStringLiteral("applied"), interactionApplied},
                     {QStringLiteral("loss_factors"), doubles(lossInteraction)},
                     {QStringLiteral("nll_factors"), doubles(nllInteraction)},
                     {QStringLiteral("note"), interactionNote}}},
        {QStringLiteral("recipe"), plan.toJson()},
    };
}

std::int64_t AutoBits::storageBits(const LinearLayer& layer, const QuantScheme& scheme)
{
    return scheme.storageBits(layer.outFeatures, layer.inFeatures);
}

double AutoBits::averageBitsPerWeight(const LayerInventory& inventory, const QuantPlan& plan)
{
    std::int64_t bits = 0;
    std::int64_t parameters = 0;
    for (const LinearLayer& layer : inventory.layers()) {
        const LayerQuantConfig config = plan.resolve(layer.name);
        parameters += layer.parameterCount();
        if (config.method == QuantMethod::None)
            bits += layer.parameterCount() * std::int64_t(dtypeSize(layer.dtype)) * 8;
        else
            bits += storageBits(layer, config.weightScheme());
    }
    return parameters > 0 ? double(bits) / double(parameters) : 0.0;
}

namespace {

// Choices of one item ordered by cost (then loss), so that ties go to the cheaper one.
std::vector<int> choicesByCost(const AutoBits::Item& item)
{
    std::vector<int> order(item.cost.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto i = std::size_t(a), j = std::size_t(b);
        return item.cost[i] != item.cost[j] ? item.cost[i] < item.cost[j]
                                            : item.loss[i] < item.loss[j];
    });
    return order;
}

// Table cells (items × budget steps) the exact solver may use: one byte each for the choices.
constexpr std::int64_t kMaxTableCells = std::int64_t(1) << 26;

} // namespace

std::vector<int> AutoBits::solveExact(const std::vector<Item>& items, std::int64_t budget,
                                      std::int64_t* resolution)
{
    // Costs above each item's cheapest choice ("extra"), in units of their greatest common
    // divisor: the table then has one column per cost that can actually differ.
    const std::size_t n = items.size();
    std::vector<std::vector<int>> order(n);
    std::int64_t base = 0;
    std::int64_t extraMax = 0;
    std::int64_t divisor = 0;
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = choicesByCost(items[i]);
        const std::int64_t cheapest = items[i].cost[std::size_t(order[i].front())];
        base += cheapest;
        extraMax += items[i].cost[std::size_t(order[i].back())] - cheapest;
        for (int j : order[i])
            divisor = std::gcd(divisor, items[i].cost[std::size_t(j)] - cheapest);
    }
    Q_ASSERT(base <= budget);
    const std::int64_t slack = std::min(budget - base, extraMax);
    std::int64_t unit = std::max<std::int64_t>(divisor, 1);
    bool roundUp = false;
    const std::int64_t maxColumns = std::max<std::int64_t>(
        2, kMaxTableCells / std::max<std::int64_t>(static_cast<std::int64_t>(n), 1));
    if (slack / unit + 1 > maxColumns) {
        // Too fine for the table: a coarser grid, costs rounded up so the answer still fits.
        unit = (slack + maxColumns - 2) / (maxColumns - 1);
        roundUp = true;
    }
    if (resolution)
        *resolution = unit;
    const std::int64_t columns = slack / unit + 1;
    auto extraOf = [&](std::size_t i, int j) {
        const std::int64_t extra =
            items[i].cost[std::size_t(j)] - items[i].cost[std::size_t(order[i].front())];
        return roundUp ? (extra + unit - 1) / unit : extra / unit;
    };

    // best[c]: the smallest loss of the items so far with extra cost ≤ c (every item's cheapest
    // choice costs no extra, so every cell is reachable).
    std::vector<double> best(static_cast<std::size_t>(columns), 0.0);
    std::vector<double> next(best.size());
    std::vector<std::uint8_t> taken(n * static_cast<std::size_t>(columns));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::int64_t c = 0; c < columns; ++c) {
            double bestLoss = std::numeric_limits<double>::infinity();
            std::uint8_t bestChoice = 0;
            for (std::size_t k = 0; k < order[i].size(); ++k) {
                const std::int64_t extra = extraOf(i, order[i][k]);
                if (extra > c)
                    break;
                const double loss =
                    best[std::size_t(c - extra)] + items[i].loss[std::size_t(order[i][k])];
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestChoice = static_cast<std::uint8_t>(k);
                }
            }
            next[std::size_t(c)] = bestLoss;
            taken[i * std::size_t(columns) + std::size_t(c)] = bestChoice;
        }
        std::swap(best, next);
    }
    std::vector<int> choice(n);
    std::int64_t c = columns - 1;
    for (std::size_t i = n; i-- > 0;) {
        const int j = order[i][taken[i * std::size_t(columns) + std::size_t(c)]];
        choice[i] = j;
        c -= extraOf(i, j);
    }
    return choice;
}

std::vector<int> AutoBits::solveGreedy(const std::vector<Item>& items, std::int64_t budget)
{
    std::vector<int> choice(items.size());
    std::int64_t spent = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        choice[i] = choicesByCost(items[i]).front();
        spent += items[i].cost[std::size_t(choice[i])];
    }
    Q_ASSERT(spent <= budget);
    // Each step takes the upgrade (to any dearer choice of any item) that removes the most loss
    // per extra bit and still fits; it stops when none does.
    for (;;) {
        double bestRate = 0.0;
        std::size_t bestItem = 0;
        int bestChoice = -1;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::size_t now = std::size_t(choice[i]);
            for (std::size_t j = 0; j < items[i].cost.size(); ++j) {
                const std::int64_t extra = items[i].cost[j] - items[i].cost[now];
                const double gain = items[i].loss[now] - items[i].loss[j];
                if (extra <= 0 || gain <= 0.0 || spent + extra > budget)
                    continue;
                const double rate = gain / double(extra);
                if (rate > bestRate) {
                    bestRate = rate;
                    bestItem = i;
                    bestChoice = static_cast<int>(j);
                }
            }
        }
        if (bestChoice < 0)
            break;
        spent += items[bestItem].cost[std::size_t(bestChoice)]
                 - items[bestItem].cost[std::size_t(choice[bestItem])];
        choice[bestItem] = bestChoice;
    }
    return choice;
}

namespace {

// Disjoint sets of layer indices (union by size, path halving).
class LayerSets {
public:
    explicit LayerSets(std::size_t count)
        : m_parent(count)
        , m_size(count, 1)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t(0));
    }

    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }

    void join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_size[a] < m_size[b])
            std::swap(a, b);
        m_parent[b] = a;
        m_size[a] += m_size[b];
    }

private:
    std::vector<std::size_t> m_parent;
    std::vector<std::size_t> m_size;
};

QString bitsList(const std::vector<int>& bits)
{
    QStringList list;
    for (int b : bits)
        list << QString::number(b);
    return list.join(QStringLiteral(", "));
}

} // namespace

AutoBitsResult AutoBits::choose(const SensitivityScanResult& scan, const LayerInventory& inventory,
                                const AutoBitsOptions& options)
{
    const QLocale locale;
    AutoBitsResult result;
    result.loss = options.loss;
    result.solver = options.solver;
    result.targetBitsPerWeight = options.targetBitsPerWeight;
    result.referencePerplexity = scan.referencePerplexity;
    result.allowedBits = options.bits.empty() ? scan.bits : options.bits;
    std::sort(result.allowedBits.begin(), result.allowedBits.end());
    result.allowedBits.erase(std::unique(result.allowedBits.begin(), result.allowedBits.end()),
                             result.allowedBits.end());
    const std::vector<int>& allowed = result.allowedBits;
    if (allowed.empty())
        throw Error(tr("no bit-width is allowed"));
    for (int b : allowed) {
        if (std::find(scan.bits.begin(), scan.bits.end(), b) == scan.bits.end())
            throw Error(tr("the scan did not measure %1 bits (it measured %2)")
                            .arg(b)
                            .arg(bitsList(scan.bits)));
    }
    if (!std::isfinite(options.targetBitsPerWeight) || options.targetBitsPerWeight <= 0.0)
        throw Error(tr("the target must be a positive number of bits per weight"));

    // Each layer of the model and its scan unit.
    if (const QStringList problems = scan.problemsFor(inventory); !problems.isEmpty())
        throw Error(problems.front());
    const std::vector<LinearLayer>& layers = inventory.layers();
    std::vector<int> unitOf(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i)
        unitOf[i] = scan.findLayer(layers[i].name)->unit;

    // Items: layers reading one input, and layers of one scan unit, choose together.
    LayerSets sets(layers.size());
    for (const std::vector<int>& group : inventory.inputGroups()) {
        for (int index : group)
            sets.join(std::size_t(group.front()), std::size_t(index));
    }
    std::map<int, std::size_t> firstOfUnit;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto [it, added] = firstOfUnit.emplace(unitOf[i], i);
        if (!added)
            sets.join(it->second, i);
    }
    std::map<std::size_t, std::size_t> itemOfRoot;
    std::vector<std::vector<std::size_t>> itemLayers;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto [it, added] = itemOfRoot.emplace(sets.find(i), itemLayers.size());
        if (added)
            itemLayers.emplace_back();
        itemLayers[it->second].push_back(i);
    }

    auto schemeAt = [&](int bits) {
        QuantScheme scheme = scan.quantization.scheme;
        scheme.bits = bits;
        return scheme;
    };
    auto pointOf = [&](int unit, int bits) {
        const SensitivityUnitResult& u = scan.units[std::size_t(unit)];
        const SensitivityPoint* point = u.find(bits);
        if (!point)
            throw Error(tr("the scan has no result for %1 at %2 bits: it was cancelled before "
                           "measuring it")
                            .arg(u.name)
                            .arg(bits));
        return *point;
    };
    auto lossOf = [&](const SensitivityPoint& point) {
        return options.loss == AutoBitsLoss::Kl ? point.kl : point.deltaPerplexity;
    };

    // The interaction factors per allowed width: the whole model's figure over the sum of the
    // units' (1 where either is not positive, or without the whole-model measurement).
    const bool measured = std::all_of(allowed.begin(), allowed.end(),
                                      [&](int b) { return scan.findUniform(b) != nullptr; });
    result.interactionApplied = measured;
    if (!measured)
        result.interactionNote = tr("not applied: the scan did not measure the whole model at "
                                    "every allowed width (made by an older version, or "
                                    "cancelled); run a new scan");
    auto nllOf = [&](const SensitivityPoint& point) {
        return std::log(point.perplexity / scan.referencePerplexity);
    };
    auto factor = [](double whole, double sum) {
        return whole > 0.0 && sum > 0.0 && std::isfinite(whole / sum) ? whole / sum : 1.0;
    };
    for (int bits : allowed) {
        double lossFactor = 1.0;
        double nllFactor = 1.0;
        if (const SensitivityPoint* whole = scan.findUniform(bits)) {
            double lossSum = 0.0;
            double nllSum = 0.0;
            for (std::size_t u = 0; u < scan.units.size(); ++u) {
                const SensitivityPoint point = pointOf(static_cast<int>(u), bits);
                lossSum += lossOf(point);
                nllSum += nllOf(point);
            }
            lossFactor = factor(lossOf(*whole), lossSum);
            nllFactor = factor(nllOf(*whole), nllSum);
        }
        result.lossInteraction.push_back(measured ? lossFactor : 1.0);
        result.nllInteraction.push_back(measured ? nllFactor : 1.0);
    }

    std::vector<Item> items(itemLayers.size());
    std::int64_t parameters = 0;
    std::int64_t minimumCost = 0;
    std::int64_t maximumCost = 0;
    for (std::size_t t = 0; t < items.size(); ++t) {
        std::set<int> units;
        for (std::size_t i : itemLayers[t])
            units.insert(unitOf[i]);
        for (std::size_t j = 0; j < allowed.size(); ++j) {
            std::int64_t cost = 0;
            for (std::size_t i : itemLayers[t])
                cost += storageBits(layers[i], schemeAt(allowed[j]));
            double loss = 0.0;
            for (int unit : units)
                loss += lossOf(pointOf(unit, allowed[j]));
            items[t].cost.push_back(cost);
            items[t].loss.push_back(loss);
        }
        for (std::size_t i : itemLayers[t])
            parameters += layers[i].parameterCount();
        minimumCost += *std::min_element(items[t].cost.begin(), items[t].cost.end());
        maximumCost += *std::max_element(items[t].cost.begin(), items[t].cost.end());
    }
    result.items = static_cast<int>(items.size());
    result.minimumBitsPerWeight = double(minimumCost) / double(parameters);
    result.maximumBitsPerWeight = double(maximumCost) / double(parameters);
    // The largest whole number of bits within the target.
    const auto budget = static_cast<std::int64_t>(
        std::floor(static_cast<long double>(options.targetBitsPerWeight) * parameters));
    if (minimumCost > budget)
        throw Error(tr("the target of %1 bits per weight cannot be met: the smallest average "
                       "the allowed widths give is %2 bits per weight (every layer at %3 bits, "
                       "scales and zero points included)")
                        .arg(locale.toString(options.targetBitsPerWeight, 'g', 6),
                             locale.toString(result.minimumBitsPerWeight, 'f', 4))
                        .arg(allowed.front()));

    std::vector<int> choice;
    if (options.solver == AutoBitsSolver::Exact)
        choice = solveExact(items, budget, &result.costResolutionBits);
    else
        choice = solveGreedy(items, budget);

    // Per layer, and the predictions.
    std::vector<int> bitsOf(layers.size());
    std::int64_t cost = 0;
    std::set<std::pair<int, std::size_t>> chosenUnits; // (unit, index into allowed)
    for (std::size_t t = 0; t < items.size(); ++t) {
        const std::size_t j = std::size_t(choice[t]);
        cost += items[t].cost[j];
        result.additiveLoss += items[t].loss[j];
        result.predictedLoss += items[t].loss[j] * result.lossInteraction[j];
        for (std::size_t i : itemLayers[t]) {
            bitsOf[i] = allowed[j];
            chosenUnits.emplace(unitOf[i], j);
        }
    }
    double nll = 0.0;
    double additiveNll = 0.0;
    for (const auto& [unit, j] : chosenUnits) {
        const double unitNll = nllOf(pointOf(unit, allowed[j]));
        nll += unitNll * result.nllInteraction[j];
        additiveNll += unitNll;
    }
    result.predictedPerplexity = scan.referencePerplexity * std::exp(nll);
    result.additivePerplexity = scan.referencePerplexity * std::exp(additiveNll);
    result.averageBitsPerWeight = double(cost) / double(parameters);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        AutoBitsLayerChoice layer;
        layer.name = layers[i].name;
        layer.bits = bitsOf[i];
        layer.parameters = layers[i].parameterCount();
        layer.storageBits = storageBits(layers[i], schemeAt(bitsOf[i]));
        layer.loss = lossOf(pointOf(unitOf[i], bitsOf[i]));
        result.layers.push_back(std::move(layer));
    }

    // The plan: the width most layers got as the default (the narrower on a tie), the others
    // as exact-name overrides.
    std::map<int, int> layersAt;
    for (int b : bitsOf)
        ++layersAt[b];
    int common = layersAt.begin()->first;
    for (const auto& [bits, count] : layersAt) {
        if (count > layersAt.at(common))
            common = bits;
    }
    result.plan.defaults = scan.quantization;
    result.plan.defaults.scheme.bits = common;
    result.plan.calibration = scan.calibration;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (bitsOf[i] == common)
            continue;
        PlanOverride override;
        override.match = layers[i].name;
        override.bits = bitsOf[i];
        result.plan.addOverride(std::move(override));
    }
    return result;
}

} // namespace qb
