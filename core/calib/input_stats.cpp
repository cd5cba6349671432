#include "core/calib/input_stats.h"

#include "core/model/layer_inventory.h"
#include "core/util/parallel.h"

#include <algorithm>

namespace qb {

namespace {

// absSum [k] += Σ |x|, squareSum [k] += Σ x² (in double; only when `squares`: with X^T X
// recorded, its diagonal is the same sum) and absMax [k] = max(absMax, max |x|) over the rows of
// `input` [n, k], the channels spread over the workers.
void accumulateAbsStatistics(Eigen::VectorXd& absSum, Eigen::VectorXd& squareSum, bool squares,
                             Eigen::VectorXf& absMax, const RowMatrix& input)
{
    const Eigen::Index k = input.cols();
    parallelFor(k, 256, [&](std::int64_t begin, std::int64_t end) {
        const Eigen::Index width = end - begin;
        auto sum = absSum.segment(begin, width);
        auto squareSums = squareSum.segment(begin, width);
        auto largest = absMax.segment(begin, width);
        for (Eigen::Index r = 0; r < input.rows(); ++r) {
            const auto values = input.row(r).segment(begin, width).transpose().cwiseAbs();
            sum += values.cast<double>();
            if (squares)
                squareSums += values.cast<double>().cwiseAbs2();
            largest = largest.cwiseMax(values);
        }
    });
}

} // namespace

Eigen::VectorXd InputStats::absMean() const
{
    return tokens > 0 ? Eigen::VectorXd(absSum / double(tokens))
                      : Eigen::VectorXd::Zero(absSum.size());
}

InputChannelStats InputChannelStats::of(const InputStats& stats)
{
    InputChannelStats channels;
    channels.inputGroup = stats.inputGroup;
    channels.block = stats.block;
    channels.site = stats.site;
    channels.tokens = stats.tokens;
    channels.absMean = stats.absMean();
    channels.absMax = stats.absMax;
    channels.squareSum = stats.squareSum;
    return channels;
}

QString inputSiteName(const LayerInventory& inventory, int inputGroup)
{
    const int first = inventory.inputGroups()[static_cast<std::size_t>(inputGroup)].front();
    switch (inventory.layers()[static_cast<std::size_t>(first)].role) {
    case LayerRole::QProj:
    case LayerRole::KProj:
    case LayerRole::VProj:
        return QStringLiteral("attn_in");
    case LayerRole::OProj:
        return QStringLiteral("o_in");
    case LayerRole::GateProj:
    case LayerRole::UpProj:
        return QStringLiteral("mlp_in");
    case LayerRole::DownProj:
        return QStringLiteral("down_in");
    case LayerRole::LmHead:
        return QStringLiteral("lm_head_in");
    }
    return {};
}

InputStatsRecorder::InputStatsRecorder(const LayerInventory& inventory, int block,
                                       std::int64_t sampleRows, std::uint64_t seed,
                                       std::shared_ptr<const ComputeBackend> backend)
    : m_inventory(inventory)
    , m_block(block)
    , m_sampleRows(sampleRows)
    , m_seed(seed)
    , m_backend(backend ? std::move(backend) : ComputeBackend::cpu())
{
}

void InputStatsRecorder::select(std::set<int> groups, std::set<int> gramGroups)
{
    m_selected = true;
    m_groups = std::move(groups);
    m_gramGroups = std::move(gramGroups);
}

void InputStatsRecorder::onInput(int inputGroup, RowMatrix& input)
{
    if (m_selected && !m_groups.contains(inputGroup))
        return;
    const LinearLayer& first = m_inventory.layers()[static_cast<std::size_t>(
        m_inventory.inputGroups()[static_cast<std::size_t>(inputGroup)].front())];
    if (m_block >= 0 && first.block != m_block)
        return;
    const Eigen::Index k = input.cols();
    const bool wantsGram = !m_selected || m_gramGroups.contains(inputGroup);
    auto [it, inserted] = m_stats.try_emplace(inputGroup);
    InputStats& stats = it->second;
    if (inserted) {
        stats.inputGroup = inputGroup;
        stats.block = first.block;
        stats.site = inputSiteName(m_inventory, inputGroup);
        if (wantsGram)
            stats.xtx = Eigen::MatrixXd::Zero(k, k);
        stats.absSum = Eigen::VectorXd::Zero(k);
        stats.absMax = Eigen::VectorXf::Zero(k);
        stats.squareSum = Eigen::VectorXd::Zero(k);
        stats.sample.resize(0, k);
        // One generator per site, seeded from the site, so the samples do not depend on the
        // order sites are visited in.
        m_random.emplace(inputGroup,
                         std::mt19937_64(m_seed * 1000003u + std::uint64_t(inputGroup)));
    }

    if (wantsGram)
        m_backend->accumulateGram(input, stats.xtx);
    accumulateAbsStatistics(stats.absSum, stats.squareSum, !wantsGram, stats.absMax, input);
    stats.tokens += input.rows();

    // Reservoir sampling (Algorithm R): every row seen has the same chance to be kept.
    if (m_sampleRows > 0) {
        std::mt19937_64& random = m_random.at(inputGroup);
        for (Eigen::Index r = 0; r < input.rows(); ++r) {
            const std::int64_t seen = stats.sampleOffered++;
            if (seen < m_sampleRows) {
                // Room grows by doubling (up to the cap); take() trims what is unused.
                if (seen == stats.sample.rows())
                    stats.sample.conservativeResize(
                        std::min<std::int64_t>(m_sampleRows, std::max<std::int64_t>(64, 2 * seen)),
                        Eigen::NoChange);
                stats.sample.row(seen) = input.row(r);
            } else {
                const auto slot = static_cast<std::int64_t>(random() % std::uint64_t(seen + 1));
                if (slot < m_sampleRows)
                    stats.sample.row(slot) = input.row(r);
            }
        }
    }
}

std::map<int, InputStats> InputStatsRecorder::take()
{
    for (auto& [group, stats] : m_stats) {
        if (stats.xtx.size() > 0) {
            stats.xtx.triangularView<Eigen::StrictlyUpper>() = stats.xtx.transpose();
            stats.squareSum = stats.xtx.diagonal(); // not summed again beside X^T X
        }
        stats.sample.conservativeResize(std::min(stats.sampleOffered, m_sampleRows),
                                        Eigen::NoChange);
    }
    std::map<int, InputStats> result;
    result.swap(m_stats);
    m_random.clear();
    return result;
}

} // namespace qb
