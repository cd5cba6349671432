#include "core/quant/quantization_pipeline.h"

#include "core/calib/input_stats.h"
#include "core/metrics/output_error.h"
#include "core/metrics/weight_error.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/quant/awq_quantizer.h"
#include "core/quant/layer_quantizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <set>

namespace qb {

namespace {

// Input rows of chosen input sites, kept as a block run hands them over (in tiles, in row order).
class RowCapture {
public:
    void add(int group, const RowMatrix& rows) { m_tiles[group].push_back(rows); }

    // Every row of the site, in order; the capture forgets them.
    RowMatrix take(int group)
    {
        const auto it = m_tiles.find(group);
        if (it == m_tiles.end())
            return {};
        Eigen::Index total = 0;
        for (const RowMatrix& tile : it->second)
            total += tile.rows();
        RowMatrix rows(total, it->second.front().cols());
        Eigen::Index at = 0;
        for (const RowMatrix& tile : it->second) {
            rows.middleRows(at, tile.rows()) = tile;
            at += tile.rows();
        }
        m_tiles.erase(it);
        return rows;
    }

private:
    std::map<int, std::vector<RowMatrix>> m_tiles;
};

// The hooks of a calibration run of a block: the block's layers quantized so far transform the
// inputs first (so a site is recorded as the partly quantized block feeds it), then the sites
// being calibrated are recorded.
class CalibrationHooks final : public ForwardHooks {
public:
    // The recorder records only the sites it was told to (InputStatsRecorder::select).
    CalibrationHooks(ForwardHooks* quantized, InputStatsRecorder* recorder, RowCapture* rows,
                     std::set<int> rowSites)
        : m_quantized(quantized)
        , m_recorder(recorder)
        , m_rows(rows)
        , m_rowSites(std::move(rowSites))
    {
    }

    void onInput(int inputGroup, RowMatrix& input) override
    {
        if (m_quantized)
            m_quantized->onInput(inputGroup, input);
        if (m_recorder)
            m_recorder->onInput(inputGroup, input);
        if (m_rows && m_rowSites.contains(inputGroup))
            m_rows->add(inputGroup, input);
    }
    const float* weightFor(const LinearLayer& layer) override
    {
        return m_quantized ? m_quantized->weightFor(layer) : nullptr;
    }

private:
    ForwardHooks* m_quantized;
    InputStatsRecorder* m_recorder;
    RowCapture* m_rows;
    std::set<int> m_rowSites;
};

// Candidate weights of some layers (AWQ's loss); every other layer keeps the checkpoint's.
class CandidateHooks final : public ForwardHooks {
public:
    std::map<QString, const float*> weights;

    const float* weightFor(const LinearLayer& layer) override
    {
        const auto it = weights.find(layer.name);
        return it == weights.end() ? nullptr : it->second;
    }
};

// What a site's layers need from calibration.
struct SiteNeeds {
    bool stats = false;   // InputStats (mean/max |x|, the row sample)
    bool gram = false;    // Σ x xᵀ in them
    bool fitRows = false; // every fitting row (AWQ judged on a sublayer's output)
};

// What calibration gave a site.
struct SiteData {
    InputStats stats;
    RowMatrix fitRows;     // when SiteNeeds::fitRows
    RowMatrix measureRows; // held-out rows (or the fitting rows when none are held out)
};

bool judgedBySublayer(LayerRole role)
{
    return role == LayerRole::QProj || role == LayerRole::GateProj;
}

// One run of the pipeline: its state between blocks.
class PipelineRun {
public:
    PipelineRun(std::shared_ptr<const LoadedModel> model, const QuantPlan& plan,
                const std::vector<std::vector<int>>& windows, const PipelineOptions& options,
                Progress& progress)
        : m_model(std::move(model))
        , m_inventory(m_model->inventory())
        , m_plan(plan)
        , m_options(options)
        , m_progress(progress)
        , m_runner(m_model, options.backend)
    {
        m_batchTokens =
            options.maxBatchTokens > 0 ? options.maxBatchTokens : m_runner.defaultBatchTokens();
        const int held = QuantizationPipeline::heldOutWindowCount(static_cast<int>(windows.size()),
                                                                  plan.calibration.holdoutFraction);
        const auto fitCount = static_cast<std::ptrdiff_t>(windows.size()) - held;
        if (fitCount > 0)
            m_fit = m_runner.embed({windows.begin(), windows.begin() + fitCount});
        if (held > 0)
            m_held = m_runner.embed({windows.begin() + fitCount, windows.end()});

        m_result = std::make_shared<QuantizedModel>();
        m_result->model = m_model;
        QuantReport& report = m_result->report;
        report.modelDirectory = m_model->directory();
        report.plan = plan;
        report.calibration.fitWindows = static_cast<int>(fitCount);
        report.calibration.heldOutWindows = held;
        report.calibration.fitTokens = m_fit.tokens();
        report.calibration.heldOutTokens = m_held.tokens();
        for (const QString& name : options.layers) {
            if (!m_inventory.find(name))
                throw Error(QuantizationPipeline::tr("the model has no linear layer named \"%1\"")
                                .arg(name));
        }
        m_selected = std::set<QString>(options.layers.begin(), options.layers.end());
        for (const LinearLayer& layer : m_inventory.layers()) {
            if (!isSelected(layer))
                continue;
            m_reportIndex.emplace(layer.name, report.layers.size());
            LayerReport item;
            item.name = layer.name;
            item.role = layer.role;
            item.block = layer.block;
            item.outFeatures = layer.outFeatures;
            item.inFeatures = layer.inFeatures;
            item.dtype = layer.dtype;
            item.config = plan.resolve(layer.name);
            item.status = LayerStatus::NotRun;
            report.layers.push_back(std::move(item));
        }
    }

    std::shared_ptr<const QuantizedModel> run()
    {
        QElapsedTimer timer;
        timer.start();
        // Blocks after the last selected layer need not run.
        int lastBlock = -1;
        bool head = false;
        for (const LinearLayer& layer : m_inventory.layers()) {
            if (!isSelected(layer))
                continue;
            if (layer.block < 0)
                head = true;
            else
                lastBlock = std::max(lastBlock, layer.block);
        }
        const int blocks = head ? m_model->spec().numHiddenLayers : lastBlock + 1;
        m_totalSites = blocks * 4 + (head ? 1 : 0);
        try {
            for (int b = 0; b < blocks; ++b)
                quantizeBlock(b);
            if (head)
                quantizeHead();
        } catch (const Cancelled&) {
            m_result->report.complete = false;
        }
        for (auto& [name, layer] : m_layers) {
            layer.weight.clear();
            layer.weight.shrink_to_fit();
        }
        m_result->layers = std::move(m_layers);
        m_result->report.seconds = timer.nsecsElapsed() * 1e-9;
        m_result->finished = QDateTime::currentDateTime();
        const ComputeBackend& backend = *m_runner.backend();
        m_result->report.compute = ComputeUse::of(backend);
        m_progress.report(1.0);
        return m_result;
    }

private:
    bool calibrating() const { return m_fit.tokens() > 0; }

    bool isSelected(const LinearLayer& layer) const
    {
        return m_selected.empty() || m_selected.contains(layer.name);
    }

    // The selected layers reading the input of `group`.
    std::vector<const LinearLayer*> membersOf(int group) const
    {
        std::vector<const LinearLayer*> members;
        for (int index : m_inventory.inputGroups()[static_cast<std::size_t>(group)]) {
            const LinearLayer& layer = m_inventory.layers()[static_cast<std::size_t>(index)];
            if (isSelected(layer))
                members.push_back(&layer);
        }
        return members;
    }

    LayerReport& reportOf(const LinearLayer& layer)
    {
        return m_result->report.layers[m_reportIndex.at(layer.name)];
    }

    SiteNeeds needsOf(int group) const
    {
        SiteNeeds needs;
        for (const LinearLayer* layer : membersOf(group)) {
            const LayerQuantConfig config = m_plan.resolve(layer->name);
            if (!config.needsCalibration())
                continue;
            needs.stats = true;
            if (config.method == QuantMethod::Gptq
                || (config.method == QuantMethod::Rtn && config.clipSearch))
                needs.gram = true;
            if (config.method == QuantMethod::Awq
                && layer->foldTarget.takesAwqScale(config.tiedScales)) {
                if (judgedBySublayer(layer->role))
                    needs.fitRows = true;
                else
                    needs.gram = true;
            }
        }
        return needs;
    }

    // Progress: the sites done so far, plus `within` of the current one.
    void reportSite(double within, const QString& text)
    {
        m_progress.report((m_doneSites + within) / std::max(1, m_totalSites), text);
    }

    // Runs `block` over the fitting windows (recording the statistics and rows `sites` need) and
    // over the held-out ones (recording their rows), with `quantized` transforming the inputs.
    // With `advance` the runs update the residual streams in place (they feed the next block);
    // otherwise they run on copies.
    std::map<int, SiteData> calibrate(int block, const std::vector<int>& sites,
                                      ForwardHooks* quantized, bool advance)
    {
        std::map<int, SiteData> data;
        if (!calibrating())
            return data;
        const bool measureOnFit = m_held.tokens() == 0;
        std::set<int> statsSites, gramSites, fitRowSites;
        for (int group : sites) {
            const SiteNeeds needs = needsOf(group);
            if (needs.stats)
                statsSites.insert(group);
            if (needs.gram)
                gramSites.insert(group);
            if (needs.fitRows || measureOnFit)
                fitRowSites.insert(group);
        }
        if (advance || !statsSites.empty() || !fitRowSites.empty()) {
            InputStatsRecorder recorder(m_inventory, block, m_plan.calibration.sampleRows,
                                        m_plan.calibration.seed, m_runner.backend());
            recorder.select(statsSites, gramSites);
            RowCapture rows;
            CalibrationHooks hooks(quantized, &recorder, &rows, fitRowSites);
            runOn(block, m_fit, hooks, advance);
            std::map<int, InputStats> stats = recorder.take();
            for (int group : sites) {
                SiteData& site = data[group];
                if (const auto it = stats.find(group); it != stats.end())
                    site.stats = std::move(it->second);
                site.fitRows = rows.take(group);
                if (measureOnFit)
                    site.measureRows = site.fitRows;
            }
        }
        if (!measureOnFit) {
            RowCapture rows;
            CalibrationHooks hooks(quantized, nullptr, &rows, {sites.begin(), sites.end()});
            runOn(block, m_held, hooks, advance);
            for (int group : sites)
                data[group].measureRows = rows.take(group);
        }
        return data;
    }

    void runOn(int block, HiddenStates& states, ForwardHooks& hooks, bool advance)
    {
        if (advance) {
            m_runner.runBlock(block, states, &hooks, m_batchTokens, &m_progress);
        } else {
            HiddenStates copy = states;
            m_runner.runBlock(block, copy, &hooks, m_batchTokens, &m_progress);
        }
    }

    void quantizeBlock(int block)
    {
        const int blocks = m_model->spec().numHiddenLayers;
        const std::vector<int> sites{
            m_inventory.blockLayer(block, LayerRole::QProj).inputGroup,
            m_inventory.blockLayer(block, LayerRole::OProj).inputGroup,
            m_inventory.blockLayer(block, LayerRole::GateProj).inputGroup,
            m_inventory.blockLayer(block, LayerRole::DownProj).inputGroup,
        };
        const QString blockText =
            QuantizationPipeline::tr("Block %1 of %2").arg(block + 1).arg(blocks);
        const bool anySelected = std::any_of(sites.begin(), sites.end(),
                                             [&](int group) { return !membersOf(group).empty(); });
        if (!anySelected) {
            // Nothing to quantize here: the block just passes its outputs on.
            reportSite(
                0.0,
                QuantizationPipeline::tr("%1: running the calibration windows").arg(blockText));
            if (m_fit.tokens() > 0)
                m_runner.runBlock(block, m_fit, nullptr, m_batchTokens, &m_progress);
            if (m_held.tokens() > 0)
                m_runner.runBlock(block, m_held, nullptr, m_batchTokens, &m_progress);
            m_doneSites += static_cast<int>(sites.size());
            return;
        }
        QuantizedLayerHooks quantized(m_inventory, m_layers);
        if (!m_options.trueSequential) {
            // Every site from the full-precision block, whose outputs feed the next block.
            reportSite(
                0.0,
                QuantizationPipeline::tr("%1: running the calibration windows").arg(blockText));
            std::map<int, SiteData> data = calibrate(block, sites, nullptr, true);
            for (int group : sites) {
                quantizeSite(block, group, data[group], blockText);
                ++m_doneSites;
            }
        } else {
            for (int group : sites) {
                reportSite(
                    0.0,
                    QuantizationPipeline::tr("%1: running the calibration windows").arg(blockText));
                std::map<int, SiteData> data = calibrate(block, {group}, &quantized, false);
                quantizeSite(block, group, data[group], blockText);
                ++m_doneSites;
            }
            if (calibrating()) {
                // The next block calibrates on what this quantized block gives.
                reportSite(0.0, QuantizationPipeline::tr("%1: passing the quantized outputs on")
                                    .arg(blockText));
                m_runner.runBlock(block, m_fit, &quantized, m_batchTokens, &m_progress);
                if (m_held.tokens() > 0)
                    m_runner.runBlock(block, m_held, &quantized, m_batchTokens, &m_progress);
            }
        }
        // The block is done: keep its layers as codes only.
        for (auto& [name, layer] : m_layers) {
            layer.weight.clear();
            layer.weight.shrink_to_fit();
        }
    }

    void quantizeHead()
    {
        const LinearLayer& head = *m_inventory.find(QStringLiteral("lm_head"));
        const int group = head.inputGroup;
        SiteData data;
        if (calibrating()) {
            const SiteNeeds needs = needsOf(group);
            const bool measureOnFit = m_held.tokens() == 0;
            RowMatrix fitRows = m_runner.finalNormRows(m_fit.values);
            if (needs.stats) {
                InputStatsRecorder recorder(m_inventory, -1, m_plan.calibration.sampleRows,
                                            m_plan.calibration.seed, m_runner.backend());
                recorder.select({group}, needs.gram ? std::set<int>{group} : std::set<int>{});
                recorder.onInput(group, fitRows);
                std::map<int, InputStats> stats = recorder.take();
                data.stats = std::move(stats[group]);
            }
            data.measureRows =
                measureOnFit ? std::move(fitRows) : m_runner.finalNormRows(m_held.values);
        }
        quantizeSite(-1, group, data, QuantizationPipeline::tr("Output layer"));
        ++m_doneSites;
    }

    // The sublayer output [fitting tokens, hidden] AWQ judges q/k/v (attention) or gate/up (MLP)
    // by, from the site's recorded fitting rows, with `hooks` supplying candidate weights.
    RowMatrix sublayerOutput(int block, LayerRole role, const RowMatrix& rows, ForwardHooks* hooks)
    {
        RowMatrix out(rows.rows(), m_model->spec().hiddenSize);
        RowMatrix x, part;
        // Whole sequences per run, at most the batch budget (a longer sequence alone).
        for (int first = 0; first < m_fit.sequences();) {
            std::vector<std::int64_t> starts, lengths;
            std::int64_t tokens = 0;
            int last = first;
            while (
                last < m_fit.sequences()
                && (last == first || tokens + m_fit.lengths[std::size_t(last)] <= m_batchTokens)) {
                starts.push_back(tokens);
                lengths.push_back(m_fit.lengths[std::size_t(last)]);
                tokens += m_fit.lengths[std::size_t(last)];
                ++last;
            }
            const std::int64_t offset = m_fit.starts[std::size_t(first)];
            x = rows.middleRows(offset, tokens);
            if (role == LayerRole::QProj)
                m_runner.attentionSublayer(block, x, starts, lengths, hooks, part, &m_progress);
            else
                m_runner.mlpSublayer(block, x, hooks, part, &m_progress);
            out.middleRows(offset, tokens) = part;
            first = last;
        }
        return out;
    }

    void quantizeSite(int block, int group, SiteData& data, const QString& where)
    {
        const std::vector<const LinearLayer*> members = membersOf(group);
        if (members.empty())
            return;
        // What the site's inputs looked like, O(in), for the views.
        if (data.stats.tokens > 0)
            m_result->inputChannels.insert_or_assign(group, InputChannelStats::of(data.stats));
        std::vector<LayerQuantConfig> configs;
        std::vector<std::vector<float>> weights;
        for (const LinearLayer* layer : members) {
            configs.push_back(m_plan.resolve(layer->name));
            weights.push_back(m_model->readWeight(*layer));
        }
        const auto count = members.size();
        const bool scaledTogether = std::any_of(configs.begin(), configs.end(), [](const auto& c) {
            return methodScalesInputs(c.method) || c.smooth;
        });

        // Layers that cannot be quantized (non-finite weights) stay as they are; when the site's
        // layers share one input scale, none of them is scaled.
        std::vector<bool> skip(count, false);
        QString badName;
        for (std::size_t i = 0; i < count; ++i) {
            if (configs[i].method == QuantMethod::None)
                continue;
            if (const std::optional<QString> reason =
                    LayerQuantizer::unquantizableReason(*members[i], weights[i])) {
                skip[i] = true;
                reportOf(*members[i]).note = *reason;
                badName = members[i]->name;
            }
        }
        if (scaledTogether && !badName.isEmpty()) {
            for (std::size_t i = 0; i < count; ++i) {
                if (!skip[i] && configs[i].method != QuantMethod::None) {
                    skip[i] = true;
                    reportOf(*members[i]).note =
                        QuantizationPipeline::tr(
                            "not quantized: it shares its input scale with %1, which "
                            "has non-finite weights")
                            .arg(badName);
                }
            }
        }
        for (std::size_t i = 0; i < count; ++i) {
            LayerReport& report = reportOf(*members[i]);
            if (configs[i].method == QuantMethod::None)
                report.status = LayerStatus::Kept;
            else if (skip[i])
                report.status = LayerStatus::Skipped;
        }

        std::vector<std::size_t> active;
        for (std::size_t i = 0; i < count; ++i) {
            if (!skip[i] && configs[i].method != QuantMethod::None)
                active.push_back(i);
        }
        if (active.empty())
            return;

        const Eigen::VectorXd absMean =
            data.stats.tokens > 0 ? data.stats.absMean() : Eigen::VectorXd();
        LayerInputs inputs;
        inputs.tokens = data.stats.tokens;
        if (data.stats.xtx.size() > 0)
            inputs.xtx = &data.stats.xtx;
        if (absMean.size() > 0)
            inputs.absMean = &absMean;
        if (data.stats.absMax.size() > 0)
            inputs.absMax = &data.stats.absMax;
        if (data.stats.sample.rows() > 0)
            inputs.sample = &data.stats.sample;

        const LayerQuantConfig& lead = configs[active.front()];
        const QString names = [&] {
            QStringList list;
            for (std::size_t i : active)
                list << members[i]->name;
            return list.join(QStringLiteral(", "));
        }();
        reportSite(0.5, QuantizationPipeline::tr("%1: %2 on %3")
                            .arg(where, methodDisplayName(lead.method), names));
        for (std::size_t i : active) {
            if (configs[i].needsCalibration() && data.stats.tokens == 0)
                throw Error(
                    QuantizationPipeline::tr("%1: %2 needs calibration data, and none reached it")
                        .arg(members[i]->name, configs[i].describe()));
        }

        std::vector<LayerQuantizer::SiteLayer> siteLayers;
        for (std::size_t i : active)
            siteLayers.push_back({members[i], configs[i], weights[i]});
        AwqLoss awqLoss;
        RowMatrix reference; // the sublayer's full-precision output, for AWQ's loss
        const LayerRole role = members.front()->role;
        const LayerQuantizer::InputScaling scaling = LayerQuantizer::InputScaling::of(
            members.front()->foldTarget, members.front()->inFeatures, lead.tiedScales);
        if (lead.method != QuantMethod::Awq || !scaling.allowed) {
            // No AWQ loss: not AWQ, or nothing before the layer to fold a scale into.
        } else if (judgedBySublayer(role) && block >= 0) {
            reference = sublayerOutput(block, role, data.fitRows, nullptr);
            awqLoss = [&](const std::vector<const float*>& candidates) {
                CandidateHooks hooks;
                for (std::size_t k = 0; k < active.size(); ++k)
                    hooks.weights[members[active[k]]->name] = candidates[k];
                const RowMatrix out = sublayerOutput(block, role, data.fitRows, &hooks);
                return (out - reference).cast<double>().squaredNorm() / double(out.size());
            };
        } else {
            const std::size_t i = active.front();
            awqLoss = AwqQuantizer::singleLinearLoss(data.stats.xtx, data.stats.tokens,
                                                     weights[i].data(), members[i]->outFeatures,
                                                     members[i]->inFeatures, m_runner.backend());
        }
        std::vector<QuantizedLayer> results = LayerQuantizer::quantizeSite(
            siteLayers, inputs, awqLoss, scaling, *m_runner.backend(), m_progress);

        Q_ASSERT(results.size() == active.size());
        for (std::size_t k = 0; k < active.size(); ++k) {
            const std::size_t i = active[k];
            QuantizedLayer& result = results[k]; // named and configured by quantizeSite
            LayerReport& report = reportOf(*members[i]);
            report.status = LayerStatus::Quantized;
            report.metrics = measureWeightError(weights[i], result.weightInOriginalSpace());
            if (data.measureRows.rows() > 0) {
                RowMatrix exact;
                m_runner.backend()->linear(data.measureRows, weights[i].data(),
                                           members[i]->outFeatures, nullptr, exact);
                OutputErrorAccumulator accumulator;
                accumulator.add(exact, result.forward(data.measureRows, *m_runner.backend()));
                report.output = accumulator.result();
                report.outputOnFitRows = m_held.tokens() == 0;
            }
            report.note = result.warning;
            report.details = result.details;
            report.dampingUsed = result.dampingUsed;
            report.dampingRaises = result.dampingRaises;
            report.fellBackToRtn = result.fellBackToRtn;
            report.seconds = result.seconds;
            m_layers.insert_or_assign(result.name, std::move(result));
        }
    }

    std::shared_ptr<const LoadedModel> m_model;
    const LayerInventory& m_inventory;
    const QuantPlan& m_plan;
    const PipelineOptions& m_options;
    Progress& m_progress;
    TransformerRunner m_runner;
    std::int64_t m_batchTokens = 0;
    HiddenStates m_fit;
    HiddenStates m_held;
    std::map<QString, QuantizedLayer> m_layers;
    std::shared_ptr<QuantizedModel> m_result;
    std::set<QString> m_selected; // empty: every layer
    std::map<QString, std::size_t> m_reportIndex;
    int m_totalSites = 1;
    int m_doneSites = 0;
};

} // namespace

int QuantizationPipeline::heldOutWindowCount(int windows, double holdoutFraction)
{
    if (windows < 2 || holdoutFraction <= 0.0)
        return 0;
    const int held = static_cast<int>(std::lround(holdoutFraction * windows));
    return std::clamp(held, 1, windows - 1);
}

std::shared_ptr<const QuantizedModel>
QuantizationPipeline::run(std::shared_ptr<const LoadedModel> model, const QuantPlan& plan,
                          const std::vector<std::vector<int>>& windows,
                          const PipelineOptions& options, Progress& progress)
{
    const QStringList problems = plan.problemsFor(model->inventory());
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));
    if (windows.empty()) {
        for (const LinearLayer& layer : model->inventory().layers()) {
            if (!options.layers.isEmpty() && !options.layers.contains(layer.name))
                continue;
            const LayerQuantConfig config = plan.resolve(layer.name);
            if (config.needsCalibration())
                throw Error(tr("%1: %2 needs calibration data, and none was given")
                                .arg(layer.name, config.describe()));
        }
    }
    progress.report(
        0.0, tr("Preparing %n calibration window(s)", nullptr, static_cast<int>(windows.size())));
    PipelineRun run(std::move(model), plan, windows, options, progress);
    return run.run();
}

} // namespace qb
