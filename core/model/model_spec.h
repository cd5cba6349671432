#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace qb {

// The architectures QuantBench runs: the Llama family and its close relatives.
enum class ModelFamily { Llama, Mistral, Qwen2 };

// rope_scaling of config.json. Only the fields the Llama family uses are kept; `type` is the
// "rope_type" (or older "type") string, e.g. "llama3", "linear", "dynamic".
struct RopeScaling {
    QString type;
    double factor = 1.0;
    double lowFreqFactor = 1.0;
    double highFreqFactor = 4.0;
    int originalMaxPositionEmbeddings = 0;
};

// The label of a checkpoint SyntheticModel wrote: which preset and seed made it.
struct SyntheticLabel {
    QString preset;
    std::optional<qint64> seed;

    // For people, translated: "llama-1b preset, seed 0".
    QString describe() const;
    // For machines, not translated: {"preset": "llama-1b", "seed": 0}.
    QJsonObject toJson() const;
};

// A Llama-family model as config.json describes it. Built by fromConfigFile(), which checks every
// field's type and the relations between fields and refuses a bad config with a message naming
// the file and the field.
struct ModelSpec {
    Q_DECLARE_TR_FUNCTIONS(ModelSpec)

public:
    static constexpr const char* kConfigFileName = "config.json";

    QString modelType; // as written: "llama", "mistral", "qwen2"
    ModelFamily family = ModelFamily::Llama;
    int hiddenSize = 0;
    int intermediateSize = 0;
    int numHiddenLayers = 0;
    int numAttentionHeads = 0;
    int numKeyValueHeads = 0;
    int headDim = 0; // hidden_size / num_attention_heads unless config.json sets head_dim
    int vocabSize = 0;
    int maxPositionEmbeddings = 0;
    double rmsNormEps = 1e-6;
    double ropeTheta = 10000.0;
    std::optional<RopeScaling> ropeScaling;
    // Attention sees at most this many previous tokens (Mistral's sliding_window; Qwen2's when
    // use_sliding_window is true); 0 = the whole sequence.
    int slidingWindow = 0;
    bool tieWordEmbeddings = false;
    bool qkvBias = false; // q/k/v projections have a bias (always for qwen2)
    bool oBias = false;   // o_proj has a bias (llama's attention_bias)
    bool mlpBias = false; // gate/up/down have a bias (llama's mlp_bias)
    std::optional<int> bosTokenId;
    std::vector<int> eosTokenIds; // config.json may give one id or a list
    QString torchDtype;
    // Set when config.json carries the "quantbench_synthetic" label of a SyntheticModel
    // checkpoint (random weights, not a trained model); empty for any other model.
    std::optional<SyntheticLabel> synthetic;

    // Reads `<directory>/config.json`.
    static ModelSpec fromConfigFile(const QString& directory);
    // `sourceName` names the file in error messages.
    static ModelSpec fromJson(const QJsonObject& config, const QString& sourceName);

    static QStringList supportedModelTypes();
    QJsonObject toJson() const; // a summary for reports and `inspect --json`
};

} // namespace qb
