#pragma once

#include "core/backend/compute_backend.h"
#include "core/model/forward_hooks.h"

#include <QString>

#include <Eigen/Core>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>

namespace qb {

class LayerInventory;

// What calibration records about the input of one input site (the linears reading the same
// input: q/k/v of a block, gate/up, o_proj, down_proj, lm_head), over every token it saw.
struct InputStats {
    int inputGroup = -1;
    int block = -1;
    QString site; // "attn_in", "o_in", "mlp_in", "down_in", "lm_head_in"
    std::int64_t tokens = 0;
    Eigen::MatrixXd xtx;    // [K, K] Σ x xᵀ over the tokens, accumulated in double, symmetric
                            // (empty when not asked for, see InputStatsRecorder::select)
    Eigen::VectorXd absSum; // [K] Σ |x|
    Eigen::VectorXf absMax; // [K] max |x|
    // [K] Σ x² = diag(X^T X), for every site: xtx's diagonal when X^T X is recorded, else each
    // float32 x squared and summed in double (O(K), without the cost of X^T X)
    Eigen::VectorXd squareSum;
    RowMatrix sample;               // [≤ sampleRows, K] a uniform sample of the input rows
    std::int64_t sampleOffered = 0; // rows offered to the sample (reservoir sampling)

    int channels() const { return static_cast<int>(absSum.size()); }
    Eigen::VectorXd absMean() const;
};

// The per-channel part of InputStats, O(K): what a quantization run keeps of every site it
// calibrated (QuantizedModel::inputChannels), for the outlier-channel and Hessian views.
struct InputChannelStats {
    int inputGroup = -1;
    int block = -1;
    QString site;
    std::int64_t tokens = 0;
    Eigen::VectorXd absMean;   // [K] mean |x|
    Eigen::VectorXf absMax;    // [K] max |x|
    Eigen::VectorXd squareSum; // [K] Σ x² = diag(X^T X)

    static InputChannelStats of(const InputStats& stats);
};

// The site name of an input group ("attn_in", …): the golden data's names.
QString inputSiteName(const LayerInventory& inventory, int inputGroup);

// A ForwardHooks that records InputStats for the input sites of one block (or for every site it
// sees when block is -1). X^T X is accumulated in double from row tiles on `backend` (null: the
// CPU); the row sample is a reservoir sample with a fixed seed, so it is reproducible and uniform
// over all rows seen.
class InputStatsRecorder final : public ForwardHooks {
public:
    InputStatsRecorder(const LayerInventory& inventory, int block, std::int64_t sampleRows,
                       std::uint64_t seed, std::shared_ptr<const ComputeBackend> backend = nullptr);

    // Records only the input groups in `groups`, and Σ x xᵀ only for those also in
    // `gramGroups` (the other statistics are cheap; X^T X is the cost of calibration). By
    // default every site of the block is recorded in full.
    void select(std::set<int> groups, std::set<int> gramGroups);

    void onInput(int inputGroup, RowMatrix& input) override;

    // The statistics, by input group; X^T X made symmetric. The recorder is empty afterwards.
    std::map<int, InputStats> take();

private:
    const LayerInventory& m_inventory;
    int m_block;
    std::int64_t m_sampleRows;
    std::uint64_t m_seed;
    std::shared_ptr<const ComputeBackend> m_backend;
    bool m_selected = false;
    std::set<int> m_groups;
    std::set<int> m_gramGroups;
    std::map<int, InputStats> m_stats;
    std::map<int, std::mt19937_64> m_random;
};

} // namespace qb
