#pragma once

#include "core/io/dtype.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace qb {

class Progress;

// rope_scaling of a preset; `type` nullptr means none (config.json then says null).
struct SyntheticRopeScaling {
    const char* type = nullptr; // "llama3"
    double factor = 1.0;
    double lowFreqFactor = 1.0;
    double highFreqFactor = 4.0;
    int originalMaxPositionEmbeddings = 0;
};

// The shapes and config.json values of one synthetic Llama. headDim 0 means hiddenSize /
// numAttentionHeads (config.json then has no head_dim).
struct SyntheticPreset {
    const char* name;    // as given to `quantbench-cli synth --preset`
    const char* summary; // for people; QT_TRANSLATE_NOOP("SyntheticModel", …)
    int hiddenSize;
    int intermediateSize;
    int numHiddenLayers;
    int numAttentionHeads;
    int numKeyValueHeads;
    int headDim;
    int vocabSize;
    bool tieWordEmbeddings;
    double ropeTheta;
    SyntheticRopeScaling ropeScaling;
    int maxPositionEmbeddings;
    double rmsNormEps;
    int defaultOutlierChannels;
};

// One tensor of a synthetic checkpoint, in the order it is written.
struct SyntheticTensor {
    enum class Kind : std::uint8_t {
        Embedding, // model.embed_tokens: N(0, σ²)
        Linear,    // projections and an untied lm_head: N(0, σ²) rows, some heavy-tailed
        Norm       // RMSNorm weights: 1, the outlier channels their factor
    };
    QString name;
    Kind kind = Kind::Linear;
    std::vector<std::int64_t> shape; // PyTorch layout: [out, in] for linears
    // Linear only: the rows (output channels) drawn from the heavy-tailed distribution, ascending.
    std::vector<std::int64_t> heavyTailedRows;

    std::int64_t elementCount() const;
};

// Writes a Hugging Face-layout Llama checkpoint with random weights whose shapes are those of a
// real model and whose statistics resemble a trained one's where quantization notices: so the
// benchmarks and scale tests have something large to run on where no real LLM can be downloaded.
// It is labelled synthetic wherever it appears: config.json carries a "quantbench_synthetic"
// object (preset, seed, dtype, outlier channels and factors), which ModelSpec reads into
// syntheticDescription, and every safetensors file's __metadata__ has a "synthetic" entry.
//
// Statistics (σ = kWeightStd = 0.02, the initializer_range of Llama configs and about the spread
// of trained Llama projection weights):
// - Linear weights (q/k/v/o, gate/up/down, an untied lm_head): each element N(0, σ²), except in
//   a fraction kHeavyTailedRowFraction (2 %, at least one row per tensor) of the rows, chosen
//   per tensor by the seed, whose elements follow a Student-t with kStudentTDegrees (3) degrees
//   of freedom scaled to the same standard deviation (t₃ has variance 3, so scale σ/√3). Those
//   rows have the same spread but maxima several times larger, so row norms and per-channel
//   ranges vary the way real checkpoints' do and per-channel grids see uneven rows.
// - Embeddings: N(0, σ²).
// - RMSNorm weights (input_layernorm and post_attention_layernorm of every block and the final
//   model.norm): 1, except K outlier input channels — the same channels in every norm, chosen by
//   the seed — whose weight is the channel's outlier factor. The norm scales those channels of
//   the hidden state on their way into q/k/v, gate/up and lm_head, so their activations at every
//   such linear input are 20–100× the rest: how real LLM activation outliers arise, and what
//   AWQ / SmoothQuant style methods exist to handle. By default each outlier channel's factor is
//   drawn uniformly from [kOutlierScaleMin, kOutlierScaleMax]; Options::outlierScale sets one
//   factor for all. Factors are rounded to bfloat16 precision, so a BF16 and an F32 checkpoint of
//   the same seed hold the same factors and config.json records exactly what the norms hold.
//
// Determinism: the same options give byte-identical files whatever the number of threads (on one
// platform: the ziggurat's tables and its rare exp/log calls come from the C library). Every
// tensor is generated in chunks of kChunkElements elements, each from its own xoshiro256**
// generator seeded (through splitmix64) from (seed, tensor index, chunk index); normals come from
// a 128-layer ziggurat (Doornik's variant). Chunks are generated in parallel with parallelFor and
// written in order. The heavy-tailed rows and the outlier channels and factors come from generators
// of their own, so changing K keeps the first channels (and the weights) of a seed.
//
// Output: tensors are streamed one after another through SafetensorsWriter (memory use is one
// batch of 4M elements, never a whole tensor); one model.safetensors, or — when the tensor data
// exceed Options::maxShardBytes (4 GiB) — model-0000i-of-0000n.safetensors shards with
// model.safetensors.index.json. config.json, generation_config.json (bos 1, eos 2: the demo
// tokenizer's ids) and the tokenizer files copied from Options::tokenizerSource (tokenizer.model,
// tokenizer_config.json: the demo model's, whose 512 ids are valid in every preset's vocabulary)
// complete the folder, so evaluation and calibration run on it. Everything goes through a
// StagingDirectory: nothing appears at `outDir` until it is complete, and a cancel or an error
// leaves nothing behind.
class SyntheticModel {
    Q_DECLARE_TR_FUNCTIONS(SyntheticModel)

public:
    static constexpr double kWeightStd = 0.02;
    static constexpr double kHeavyTailedRowFraction = 0.02;
    static constexpr int kStudentTDegrees = 3;
    static constexpr double kOutlierScaleMin = 20.0;
    static constexpr double kOutlierScaleMax = 100.0;
    // Seeds are stored in config.json as JSON numbers: up to 2^53 - 1 every reader gets exactly.
    static constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 53) - 1;
    // Part of the output's definition: another chunk size would give other values. Small, so
    // that even the tiny preset's tensors span several chunks (and threads).
    static constexpr std::int64_t kChunkElements = 4096;
    static constexpr std::uint64_t kDefaultMaxShardBytes = std::uint64_t{4} << 30;
    static constexpr const char* kConfigKey = "quantbench_synthetic";

    struct Options {
        QString preset = QStringLiteral("tiny");
        std::uint64_t seed = 0;             // at most kMaxSeed
        DType dtype = DType::BF16;          // BF16 or F32
        std::optional<int> outlierChannels; // K, 0..hidden size; default: the preset's
        std::optional<double> outlierScale; // > 0; default: drawn per channel from [20, 100]
        QString tokenizerSource;      // holds tokenizer.model, tokenizer_config.json; empty: none
        bool replaceExisting = false; // replace an existing outDir (the CLI's --force)
        // Tensor data above this are split into shards (tests set it low to get shards).
        std::uint64_t maxShardBytes = kDefaultMaxShardBytes;
        // false: generate on the calling thread only. The output is the same; tests compare the
        // two to show it does not depend on the thread count.
        bool parallel = true;
    };

    // The outlier channels (ascending) and each one's factor, as the options resolve them.
    struct Outliers {
        std::vector<int> channels;
        std::vector<float> scales; // scales[i] belongs to channels[i]
    };

    struct Result {
        QString directory; // the folder written (absolute)
        QString preset;
        DType dtype = DType::BF16;
        std::uint64_t seed = 0;
        std::int64_t parameters = 0;
        std::uint64_t bytes = 0; // all files written
        int shards = 1;
        Outliers outliers;
        double seconds = 0;
    };

    static std::span<const SyntheticPreset> presets();
    // The preset called `name`, or nullptr.
    static const SyntheticPreset* findPreset(QStringView name);
    static QStringList presetNames();

    // The tensors of `preset` in the order they are written (embeddings; per block
    // input_layernorm, q, k, v, o, post_attention_layernorm, gate, up, down; model.norm; lm_head
    // when untied), with the heavy-tailed rows `seed` picks.
    static std::vector<SyntheticTensor> tensors(const SyntheticPreset& preset, std::uint64_t seed);
    // The outlier channels and factors `options` give. Throws Error for invalid options.
    static Outliers outliers(const Options& options);

    // Writes the checkpoint to `outDir`. Throws Error for invalid options (naming the option), an
    // existing outDir without replaceExisting, too little free space or an I/O failure, and
    // Cancelled when `progress` is cancelled; outDir is then untouched. Progress is reported by
    // bytes written; cancellation is polled between batches of chunks.
    static Result write(const QString& outDir, const Options& options, Progress& progress);

    // "QuantBench synthetic checkpoint (preset tiny, seed 0); not a trained model": the
    // __metadata__ "synthetic" entry of every safetensors file (data, not translated).
    static QString metadataLabel(const QString& preset, std::uint64_t seed);
};

} // namespace qb
