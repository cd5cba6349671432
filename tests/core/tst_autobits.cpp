// Automatic bit allocation: the storage cost with its scale and zero-point overhead (checked by
// hand), the exact solver against brute force over every assignment, the greedy one never better,
// fused shards and scan units sharing a width, the errors (impossible target, missing results,
// another model's scan), the interaction factors of the prediction, and end to end on the demo:
// 3.5 bits asked, the recipe quantized by the pipeline stays within 3.5 bits per weight and is
// predicted nearer its measurement than by the plain sum.

#include "core/analysis/auto_bits.h"
#include "core/analysis/sensitivity_scan.h"
#include "core/metrics/perplexity.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

using namespace qb;

namespace {

// The layers sharing a width in a layer scan, by hand: q/k/v and gate/up of each block.
QString fusedFamily(const LinearLayer& layer)
{
    switch (layer.role) {
    case LayerRole::QProj:
    case LayerRole::KProj:
    case LayerRole::VProj:
        return QStringLiteral("%1.qkv").arg(layer.block);
    case LayerRole::GateProj:
    case LayerRole::UpProj:
        return QStringLiteral("%1.gate_up").arg(layer.block);
    default:
        return layer.name;
    }
}

// Bits of a layer [out, in] at `bits` with groups of `group` columns: codes, plus per group an
// fp16 scale and a zero point of `bits` bits — written out here independently of the code.
std::int64_t bitsByHand(const LinearLayer& layer, int bits, int group)
{
    const std::int64_t groupsPerRow = (layer.inFeatures + group - 1) / group;
    return layer.outFeatures * layer.inFeatures * bits
           + layer.outFeatures * groupsPerRow * (16 + bits);
}

// A scan made up: losses that fall with the width, with noise, per unit.
SensitivityScanResult madeUpScan(const LayerInventory& inventory, std::uint32_t seed,
                                 SensitivityUnitKind kind = SensitivityUnitKind::Layer,
                                 int group = 16)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    SensitivityScanResult scan;
    scan.bits = {2, 3, 4, 8};
    scan.quantization.method = QuantMethod::Rtn;
    scan.quantization.scheme = QuantScheme::fromGroupSizeCode(2, false, group);
    scan.unit = kind;
    scan.referencePerplexity = 3.5;
    scan.units = SensitivityScan::units(inventory, kind);
    for (SensitivityUnitResult& unit : scan.units) {
        const double scale = 0.01 + uniform(random);
        for (int bits : scan.bits) {
            SensitivityPoint point;
            point.bits = bits;
            point.kl = scale * std::exp2(-1.5 * bits) * (0.5 + uniform(random));
            point.perplexity = scan.referencePerplexity * std::exp(1.2 * point.kl);
            point.deltaPerplexity = point.perplexity - scan.referencePerplexity;
            unit.points.push_back(point);
        }
    }
    for (const LinearLayer& layer : inventory.layers()) {
        SensitivityLayer item;
        item.name = layer.name;
        item.role = layer.role;
        item.block = layer.block;
        item.parameters = layer.parameterCount();
        for (std::size_t u = 0; u < scan.units.size(); ++u) {
            if (scan.units[u].layers.contains(layer.name))
                item.unit = int(u);
        }
        scan.layers.push_back(item);
    }
    return scan;
}

// Brute force on plain items.
double bruteForce(const std::vector<AutoBits::Item>& items, std::int64_t budget)
{
    double best = std::numeric_limits<double>::infinity();
    std::vector<std::size_t> choice(items.size(), 0);
    for (;;) {
        std::int64_t total = 0;
        double sum = 0.0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            total += items[i].cost[choice[i]];
            sum += items[i].loss[choice[i]];
        }
        if (total <= budget)
            best = std::min(best, sum);
        std::size_t i = 0;
        while (i < items.size() && ++choice[i] == items[i].cost.size())
            choice[i++] = 0;
        if (i == items.size())
            break;
    }
    return best;
}

// The best total KL over every assignment of widths to the fused families of a layer scan
// within `budget` bits (brute force), or infinity when none fits.
double bruteForceOptimum(const LayerInventory& inventory, const SensitivityScanResult& scan,
                         int group, std::int64_t budget)
{
    std::vector<QString> families;
    std::map<QString, std::vector<const LinearLayer*>> members;
    for (const LinearLayer& layer : inventory.layers()) {
        const QString family = fusedFamily(layer);
        if (!members.contains(family))
            families.push_back(family);
        members[family].push_back(&layer);
    }
    std::vector<AutoBits::Item> items;
    for (const QString& family : families) {
        AutoBits::Item item;
        for (int bits : scan.bits) {
            std::int64_t cost = 0;
            double loss = 0.0;
            for (const LinearLayer* layer : members[family]) {
                cost += bitsByHand(*layer, bits, group);
                loss += scan.find(layer->name, bits)->kl;
            }
            item.cost.push_back(cost);
            item.loss.push_back(loss);
        }
        items.push_back(std::move(item));
    }
    return bruteForce(items, budget);
}

void totals(const std::vector<AutoBits::Item>& items, const std::vector<int>& choice,
            std::int64_t& cost, double& loss)
{
    cost = 0;
    loss = 0.0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        cost += items[i].cost[std::size_t(choice[i])];
        loss += items[i].loss[std::size_t(choice[i])];
    }
}

} // namespace

class TestAutoBits : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const LoadedModel> m_tiny; // 2 blocks and an lm_head: 15 layers, 9 families

    const LayerInventory& tiny() const { return m_tiny->inventory(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::TinyLlamaOptions options;
        options.tieWordEmbeddings = false;
        test::writeTinyLlama(m_dir.filePath("tiny"), options);
        m_tiny = LoadedModel::open(m_dir.filePath("tiny"));
        QCOMPARE(tiny().layers().size(), std::size_t(15));
        QCOMPARE(tiny().totalParameters(), std::int64_t(4352));
    }

    // Codes plus one fp16 scale and one zero point per group, worked out by hand.
    void storageWithOverhead()
    {
        const LinearLayer& q = *tiny().find("model.layers.0.self_attn.q_proj"); // [16, 16]
        const LinearLayer& down = *tiny().find("model.layers.1.mlp.down_proj"); // [16, 24]
        const auto scheme = [](int bits, int group) {
            return QuantScheme::fromGroupSizeCode(bits, false, group);
        };
        QCOMPARE(AutoBits::storageBits(q, scheme(3, 16)), std::int64_t(16 * 16 * 3 + 16 * 19));
        // 24 columns in groups of 16: a full group and one of 8, each with its scale and zero.
        QCOMPARE(AutoBits::storageBits(down, scheme(3, 16)), std::int64_t(384 * 3 + 32 * 19));
        QCOMPARE(AutoBits::storageBits(q, scheme(4, QuantScheme::kPerChannel)),
                 std::int64_t(1024 + 16 * 20));
        QCOMPARE(AutoBits::storageBits(q, scheme(4, QuantScheme::kPerTensor)),
                 std::int64_t(1024 + 20));
        // The symmetric grid's zero point is counted too (GPTQ checkpoints store it).
        QCOMPARE(AutoBits::storageBits(q, QuantScheme::fromGroupSizeCode(3, true, 16)),
                 std::int64_t(16 * 16 * 3 + 16 * 19));

        // The whole model: 4352 weights in 288 groups of 16 (or fewer) columns.
        QuantPlan plan;
        plan.defaults.method = QuantMethod::Rtn;
        plan.defaults.scheme = scheme(4, 16);
        QCOMPARE(AutoBits::averageBitsPerWeight(tiny(), plan), (4352.0 * 4 + 288 * 20) / 4352);
        PlanOverride keep;
        keep.match = "lm_head";
        keep.method = QuantMethod::None;
        plan.addOverride(keep);
        QCOMPARE(AutoBits::averageBitsPerWeight(tiny(), plan),
                 (3840.0 * 4 + 256 * 20 + 512 * 32) / 4352);

        // Everything allowed: every layer at 8 bits, at the cost worked out above.
        AutoBitsOptions options;
        options.targetBitsPerWeight = 16.0;
        const AutoBitsResult all = AutoBits::choose(madeUpScan(tiny(), 1), tiny(), options);
        QCOMPARE(all.averageBitsPerWeight, (4352.0 * 8 + 288 * 24) / 4352);
        QCOMPARE(all.minimumBitsPerWeight, (4352.0 * 2 + 288 * 18) / 4352);
        QCOMPARE(all.maximumBitsPerWeight, all.averageBitsPerWeight);
        for (const AutoBitsLayerChoice& layer : all.layers)
            QCOMPARE(layer.bits, 8);
        QCOMPARE(all.plan.defaults.scheme.bits, 8);
        QVERIFY(all.plan.overrides().empty());
    }

    // The exact solver finds the best assignment brute force finds, within the target.
    void exactIsOptimal_data()
    {
        QTest::addColumn<std::uint32_t>("seed");
        QTest::addColumn<double>("target");
        for (std::uint32_t seed : {1u, 2u, 3u}) {
            for (double target : {3.2, 3.5, 4.0, 4.4, 5.0, 6.5, 9.0}) {
                QTest::addRow("seed %u, %.1f bits", seed, target) << seed << target;
            }
        }
    }

    void exactIsOptimal()
    {
        QFETCH(std::uint32_t, seed);
        QFETCH(double, target);
        const SensitivityScanResult scan = madeUpScan(tiny(), seed);
        AutoBitsOptions options;
        options.targetBitsPerWeight = target;
        const AutoBitsResult exact = AutoBits::choose(scan, tiny(), options);
        const auto budget = static_cast<std::int64_t>(std::floor(target * 4352));
        const double best = bruteForceOptimum(tiny(), scan, 16, budget);
        QVERIFY2(std::abs(exact.additiveLoss - best) <= 1e-12 * best,
                 qPrintable(QString("%1 vs %2").arg(exact.additiveLoss).arg(best)));
        // Without whole-model measurements, the prediction is the plain sum.
        QVERIFY(!exact.interactionApplied);
        QVERIFY(exact.interactionNote.contains("did not measure the whole model"));
        QCOMPARE(exact.predictedLoss, exact.additiveLoss);
        QCOMPARE(exact.predictedPerplexity, exact.additivePerplexity);
        QCOMPARE(exact.lossInteraction, std::vector<double>(4, 1.0));
        QVERIFY(exact.averageBitsPerWeight <= target);
        QCOMPARE(exact.items, 9);

        // The choice as reported: its cost and loss add up.
        std::int64_t cost = 0;
        for (const AutoBitsLayerChoice& layer : exact.layers) {
            const LinearLayer& l = *tiny().find(layer.name);
            QCOMPARE(layer.storageBits, bitsByHand(l, layer.bits, 16));
            QCOMPARE(layer.loss, scan.find(layer.name, layer.bits)->kl);
            cost += layer.storageBits;
        }
        QCOMPARE(exact.averageBitsPerWeight, double(cost) / 4352);

        // Greedy: never better, always within the target.
        options.solver = AutoBitsSolver::Greedy;
        const AutoBitsResult greedy = AutoBits::choose(scan, tiny(), options);
        QVERIFY(greedy.additiveLoss >= exact.additiveLoss - 1e-15);
        QVERIFY(greedy.averageBitsPerWeight <= target);
    }

    // The plain solvers on random items (costs and losses in any order, losses not monotone).
    void solversOnRandomItems()
    {
        std::mt19937 random(7);
        int greedyWorse = 0;
        for (int round = 0; round < 300; ++round) {
            const int n = 1 + int(random() % 6);
            std::vector<AutoBits::Item> items(static_cast<std::size_t>(n));
            std::int64_t cheapest = 0, dearest = 0;
            for (AutoBits::Item& item : items) {
                const int choices = 1 + int(random() % 4);
                for (int j = 0; j < choices; ++j) {
                    item.cost.push_back(std::int64_t(3 * (1 + random() % 40)));
                    item.loss.push_back(double(random() % 1000) / 100.0);
                }
                cheapest += *std::min_element(item.cost.begin(), item.cost.end());
                dearest += *std::max_element(item.cost.begin(), item.cost.end());
            }
            const std::int64_t budget =
                cheapest + std::int64_t(random() % std::uint64_t(dearest - cheapest + 5));
            const double best = bruteForce(items, budget);
            std::int64_t resolution = 0;
            std::int64_t cost = 0;
            double loss = 0.0;
            totals(items, AutoBits::solveExact(items, budget, &resolution), cost, loss);
            QVERIFY(cost <= budget);
            QVERIFY2(std::abs(loss - best) < 1e-9, qPrintable(QString("round %1").arg(round)));
            QVERIFY(resolution == 1 || resolution % 3 == 0); // the costs' common divisor
            totals(items, AutoBits::solveGreedy(items, budget), cost, loss);
            QVERIFY(cost <= budget);
            QVERIFY(loss >= best - 1e-9);
            greedyWorse += loss > best + 1e-9;
        }
        qInfo("greedy worse than exact in %d of 300 random cases", greedyWorse);
        QVERIFY(greedyWorse > 0); // the random cases do tell the two apart
    }

    // Costs far too fine for the table: a coarser grid, still within the budget and close.
    void coarseGridStaysFeasible()
    {
        std::mt19937_64 random(3);
        std::vector<AutoBits::Item> items(5);
        for (AutoBits::Item& item : items) {
            for (int j = 0; j < 4; ++j) {
                item.cost.push_back(std::int64_t(1'000'000'000'000 + random() % 1'000'000'000'000));
                item.loss.push_back(double(random() % 1000));
            }
        }
        const std::int64_t budget = std::int64_t(7'500'000'000'000);
        std::int64_t resolution = 0, cost = 0;
        double loss = 0.0;
        totals(items, AutoBits::solveExact(items, budget, &resolution), cost, loss);
        QVERIFY(resolution > 1000);
        QVERIFY(cost <= budget);
        QVERIFY(loss >= bruteForce(items, budget) - 1e-9);
    }

    // q/k/v of a block share a width, gate/up too; a block scan's units share one.
    void fusedShardsAlike()
    {
        AutoBitsOptions options;
        options.targetBitsPerWeight = 4.4;
        const AutoBitsResult result = AutoBits::choose(madeUpScan(tiny(), 5), tiny(), options);
        std::map<QString, int> widthOf;
        std::set<int> used;
        for (const AutoBitsLayerChoice& layer : result.layers) {
            const QString family = fusedFamily(*tiny().find(layer.name));
            const auto [it, added] = widthOf.emplace(family, layer.bits);
            QCOMPARE(layer.bits, it->second);
            QCOMPARE(result.plan.resolve(layer.name).scheme.bits, layer.bits);
            used.insert(layer.bits);
        }
        QVERIFY(used.size() > 1); // a mixed choice, so the check above means something

        const AutoBitsResult blocks =
            AutoBits::choose(madeUpScan(tiny(), 5, SensitivityUnitKind::Block), tiny(), options);
        QCOMPARE(blocks.items, 3); // two blocks and lm_head
        for (const AutoBitsLayerChoice& layer : blocks.layers) {
            const LinearLayer& l = *tiny().find(layer.name);
            if (l.block >= 0)
                QCOMPARE(layer.bits,
                         blocks
                             .layers[std::size_t(tiny().indexOf(
                                 QStringLiteral("model.layers.%1.self_attn.q_proj").arg(l.block)))]
                             .bits);
        }
        // Role units: q, k and v are three units on one input, so one item.
        const AutoBitsResult roles =
            AutoBits::choose(madeUpScan(tiny(), 5, SensitivityUnitKind::Role), tiny(), options);
        QCOMPARE(roles.items, 5); // q/k/v, o, gate/up, down, lm_head
    }

    // The recipe: the most common width as default, exact-name overrides for the rest.
    void planHoldsTheChoice()
    {
        const SensitivityScanResult scan = madeUpScan(tiny(), 9, SensitivityUnitKind::Layer, 8);
        AutoBitsOptions options;
        options.targetBitsPerWeight = 6.0;
        options.bits = {2, 4, 8};
        const AutoBitsResult result = AutoBits::choose(scan, tiny(), options);
        QCOMPARE(result.allowedBits, (std::vector<int>{2, 4, 8}));
        const QuantPlan plan = QuantPlan::fromJson(result.plan.toJson(), "recipe");
        QVERIFY(plan.problemsFor(tiny()).isEmpty());
        QCOMPARE(plan.defaults.method, QuantMethod::Rtn);
        QCOMPARE(plan.defaults.scheme.groupSizeCode(), 8);
        std::map<int, int> counts;
        for (const AutoBitsLayerChoice& layer : result.layers) {
            QCOMPARE(plan.resolve(layer.name).scheme.bits, layer.bits);
            QVERIFY(layer.bits == 2 || layer.bits == 4 || layer.bits == 8);
            ++counts[layer.bits];
        }
        QCOMPARE(int(plan.overrides().size()), 15 - counts[plan.defaults.scheme.bits]);
        for (const auto& [bits, count] : counts)
            QVERIFY(count <= counts[plan.defaults.scheme.bits]);
        for (const PlanOverride& o : plan.overrides())
            QVERIFY(!o.isRegex() && o.bits && !o.method && !o.groupSizeCode);
        QCOMPARE(AutoBits::averageBitsPerWeight(tiny(), plan), result.averageBitsPerWeight);
    }

    // The interaction factors: the whole model's figure over the units' sum, per width. A plan at
    // one width is predicted as the whole model was measured; a mixed one sums each unit's loss
    // times its width's factor. The choice is the plain sum's.
    void interactionFactors()
    {
        SensitivityScanResult scan = madeUpScan(tiny(), 11);
        const double reference = scan.referencePerplexity;
        std::map<int, double> klSum;
        std::map<int, double> nllSum;
        for (const SensitivityUnitResult& unit : scan.units) {
            for (const SensitivityPoint& point : unit.points) {
                klSum[point.bits] += point.kl;
                nllSum[point.bits] += std::log(point.perplexity / reference);
            }
        }
        const std::map<int, double> klFactor{{2, 2.5}, {3, 1.8}, {4, 1.2}, {8, 0.9}};
        const std::map<int, double> nllFactor{{2, 3.0}, {3, 2.0}, {4, 1.1}, {8, 1.0}};
        for (int bits : scan.bits) {
            SensitivityPoint whole;
            whole.bits = bits;
            whole.kl = klFactor.at(bits) * klSum[bits];
            whole.perplexity = reference * std::exp(nllFactor.at(bits) * nllSum[bits]);
            whole.deltaPerplexity = whole.perplexity - reference;
            scan.uniform.push_back(whole);
        }
        const SensitivityScanResult plain = madeUpScan(tiny(), 11);

        AutoBitsOptions options;
        options.bits = {3};
        options.targetBitsPerWeight = 8.0;
        AutoBitsResult result = AutoBits::choose(scan, tiny(), options);
        QVERIFY(result.interactionApplied);
        QVERIFY(result.interactionNote.isEmpty());
        QCOMPARE(result.lossInteraction.size(), std::size_t(1));
        QVERIFY(std::abs(result.lossInteraction[0] - 1.8) < 1e-12);
        QVERIFY(std::abs(result.nllInteraction[0] - 2.0) < 1e-12);
        QVERIFY(std::abs(result.predictedLoss - scan.findUniform(3)->kl) < 1e-12);
        QVERIFY(std::abs(result.predictedPerplexity - scan.findUniform(3)->perplexity) < 1e-9);
        QVERIFY(std::abs(result.additiveLoss - klSum[3]) < 1e-12);

        // Mixed widths: Σ over layers of the unit's KL at its width times that width's factor.
        options.bits.clear();
        options.targetBitsPerWeight = 4.5;
        result = AutoBits::choose(scan, tiny(), options);
        double predicted = 0.0;
        double nll = 0.0;
        std::set<int> widths;
        for (const AutoBitsLayerChoice& layer : result.layers) {
            const SensitivityPoint* point = scan.find(layer.name, layer.bits);
            predicted += point->kl * klFactor.at(layer.bits);
            nll += std::log(point->perplexity / reference) * nllFactor.at(layer.bits);
            widths.insert(layer.bits);
        }
        QVERIFY(widths.size() > 1);
        QVERIFY2(std::abs(result.predictedLoss - predicted) <= 1e-12 * predicted,
                 qPrintable(QString("%1 vs %2").arg(result.predictedLoss).arg(predicted)));
        QVERIFY(std::abs(result.predictedPerplexity - reference * std::exp(nll)) < 1e-9);
        const AutoBitsResult withoutWhole = AutoBits::choose(plain, tiny(), options);
        for (std::size_t i = 0; i < result.layers.size(); ++i)
            QCOMPARE(result.layers[i].bits, withoutWhole.layers[i].bits);
        QCOMPARE(result.additiveLoss, withoutWhole.predictedLoss);

        // A factor that cannot be formed (the units' sum is not positive) is 1.
        for (SensitivityUnitResult& unit : scan.units)
            unit.points[3].kl = 0.0;
        options.loss = AutoBitsLoss::Kl;
        options.bits = {8};
        options.targetBitsPerWeight = 10.0;
        result = AutoBits::choose(scan, tiny(), options);
        QCOMPARE(result.lossInteraction, std::vector<double>{1.0});
        QVERIFY(result.toJson()[QStringLiteral("interaction")][QStringLiteral("applied")].toBool());
    }

    void errors_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("target below the minimum")
            << 0 << "the smallest average the allowed widths give is 3.1912 bits per weight";
        QTest::newRow("width not scanned") << 1 << "did not measure 5 bits";
        QTest::newRow("missing result")
            << 2 << "no result for model.layers.1.mlp.up_proj at 4 bits";
        QTest::newRow("another model") << 3 << "no result for the layer lm_head";
    }

    void errors()
    {
        QFETCH(int, what);
        QFETCH(QString, message);
        SensitivityScanResult scan = madeUpScan(tiny(), 3);
        AutoBitsOptions options;
        options.targetBitsPerWeight = 4.0;
        switch (what) {
        case 0:
            options.targetBitsPerWeight = 3.0; // 2 bits + 18 bits per group of ≤ 16: 3.19
            break;
        case 1:
            options.bits = {2, 5};
            break;
        case 2:
            scan.units[std::size_t(tiny().indexOf("model.layers.1.mlp.up_proj"))].points.resize(2);
            break;
        case 3:
            scan.layers.pop_back();
            break;
        }
        try {
            AutoBits::choose(scan, tiny(), options);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
    }

    // The demo: 3.5 bits per weight from {2, 3, 4, 8} in groups of 32; the recipe quantized by
    // the pipeline meets the target, and the prediction is set against the measurement.
    void demoEndToEnd()
    {
        const auto model = LoadedModel::open(test::demoModelDir());
        const auto tokenizer = Tokenizer::load(test::demoModelDir(), model->spec());
        const QStringList evaluation = TextDocuments::fromFile(
            QDir(test::dataDir()).filePath("tinystories/tinystories_sample.txt"));
        SensitivityOptions scanOptions;
        scanOptions.bits = {2, 3, 4, 8};
        scanOptions.quantization.method = QuantMethod::Rtn;
        scanOptions.quantization.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        SilentProgress progress;
        const SensitivityScanResult scan =
            SensitivityScan::run(model, *tokenizer, {}, evaluation, scanOptions, progress);

        AutoBitsOptions options;
        options.targetBitsPerWeight = 3.5;
        const AutoBitsResult result = AutoBits::choose(scan, model->inventory(), options);
        QVERIFY(result.averageBitsPerWeight <= 3.5);
        QVERIFY(result.averageBitsPerWeight > 3.3); // the budget is used
        const QuantPlan recipe = QuantPlan::fromJson(result.plan.toJson(), "recipe.json");

        const auto quantized = QuantizationPipeline::run(model, recipe, {}, {}, progress);
        QVERIFY(quantized->report.complete);
        std::int64_t bits = 0;
        std::int64_t weights = 0;
        for (const LayerReport& layer : quantized->report.layers) {
            QCOMPARE(layer.status, LayerStatus::Quantized);
            QCOMPARE(layer.config.scheme.groupSizeCode(), 32);
            const LinearLayer& l = *model->inventory().find(layer.name);
            bits += bitsByHand(l, layer.config.scheme.bits, 32);
            weights += l.parameterCount();
            const QString family = fusedFamily(l);
            for (const LayerReport& other : quantized->report.layers) {
                if (fusedFamily(*model->inventory().find(other.name)) == family)
                    QCOMPARE(other.config.scheme.bits, layer.config.scheme.bits);
            }
        }
        const double average = double(bits) / double(weights);
        QVERIFY2(average <= 3.5, qPrintable(QString::number(average)));
        QCOMPARE(average, result.averageBitsPerWeight);

        QuantizedModelHooks hooks(quantized);
        const EvaluationResult measured =
            PerplexityEvaluator::evaluate(model, *tokenizer, evaluation, {}, &hooks, progress);
        qInfo("3.5 bits asked: %.4f bits per weight; perplexity %.4f predicted, %.4f measured "
              "(full precision %.4f); KL %.5f predicted, %.5f measured",
              result.averageBitsPerWeight, result.predictedPerplexity,
              measured.modified->perplexity(), scan.referencePerplexity, result.predictedLoss,
              *measured.meanKl);
        QVERIFY(measured.modified->perplexity() > scan.referencePerplexity);
        QVERIFY(result.predictedPerplexity > scan.referencePerplexity);
        // The scan's own whole-model measurements bring the prediction nearer the measurement
        // than the plain sum of the layers' losses (which leaves out how their errors compound).
        QVERIFY(result.interactionApplied);
        qInfo("plain sum: perplexity %.4f, KL %.5f", result.additivePerplexity,
              result.additiveLoss);
        const double truth = measured.modified->perplexity();
        QVERIFY2(std::abs(result.predictedPerplexity - truth)
                     < std::abs(result.additivePerplexity - truth),
                 qPrintable(QString("%1 vs %2").arg(result.predictedPerplexity).arg(truth)));
        QVERIFY(std::abs(result.predictedLoss - *measured.meanKl)
                < std::abs(result.additiveLoss - *measured.meanKl));
    }
};

QTEST_GUILESS_MAIN(TestAutoBits)
#include "tst_autobits.moc"
