#include "core/model/transformer.h"

#include "core/model/loaded_model.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"

#include <QDir>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace qb {

namespace {

// Rows of the MLP processed at once: bounds the [rows, intermediate] buffers of gate and up.
constexpr std::int64_t kMlpTileRows = 1024;
// Vocabulary rows of a 16-bit lm_head converted to float32 at once.
constexpr std::int64_t kVocabTileRows = 8192;

// A tensor as float32: the mapped bytes of an aligned F32 tensor, else a converted copy.
class FloatTensor {
public:
    FloatTensor() = default;
    FloatTensor(const Checkpoint& checkpoint, const QString& name)
    {
        const Checkpoint::TensorRef ref = checkpoint.require(name);
        read(*ref.file, *ref.info, 0, ref.info->elementCount());
    }
    // Elements [first, first + count) of the tensor (row-major).
    FloatTensor(const Checkpoint::TensorRef& ref, std::int64_t first, std::int64_t count)
    {
        read(*ref.file, *ref.info, first, count);
    }

    const float* data() const { return m_data; }

private:
    void read(const SafetensorsFile& file, const TensorInfo& info, std::int64_t first,
              std::int64_t count)
    {
        const std::byte* bytes = file.bytes(info).data() + first * dtypeSize(info.dtype);
        if (info.dtype == DType::F32
            && reinterpret_cast<std::uintptr_t>(bytes) % alignof(float) == 0) {
            m_data = reinterpret_cast<const float*>(bytes);
            return;
        }
        // Not zero-filled first: every element is written by the conversion.
        m_owned = std::make_unique_for_overwrite<float[]>(static_cast<std::size_t>(count));
        parallelFor(count, std::int64_t(1) << 18, [&](std::int64_t begin, std::int64_t end) {
            file.readFloat(
                info, first + begin,
                std::span<float>(m_owned.get() + begin, static_cast<std::size_t>(end - begin)));
        });
        m_data = m_owned.get();
    }

    const float* m_data = nullptr;
    std::unique_ptr<float[]> m_owned;
};

// Rows up to which a linear reads 16-bit weights straight from the checkpoint instead of
// converting the matrix to float32 first: a generation step has one row, and converting (and
// writing) a billion weights for it costs several times the product.
constexpr std::int64_t kDirectRows = 8;

// y [rows, out] = x [rows, in] · Wᵀ (+ bias) for the few rows of a generation step, without a
// float32 copy of W [out, in]: `fillRow(r, buffer)` writes weight row r into a small buffer, which
// serves every row of x.
template <typename FillRow>
void linearByWeightRows(std::int64_t out, const RowMatrix& x, const float* bias, RowMatrix& y,
                        const FillRow& fillRow)
{
    const std::int64_t in = x.cols();
    y.resize(x.rows(), out);
    parallelFor(out, rowsPerChunk(in), [&](std::int64_t begin, std::int64_t end) {
        Eigen::VectorXf row(in);
        for (std::int64_t r = begin; r < end; ++r) {
            fillRow(r, std::span<float>(row.data(), static_cast<std::size_t>(in)));
            for (Eigen::Index t = 0; t < x.rows(); ++t)
                y(t, r) = x.row(t).dot(row.transpose()) + (bias ? bias[r] : 0.0f);
        }
    });
}

// W read in its F16/BF16 storage, a row converted at a time.
void linearFrom16Bit(const Checkpoint::TensorRef& ref, const RowMatrix& x, std::int64_t out,
                     const float* bias, RowMatrix& y)
{
    Q_ASSERT(ref.info->elementCount() == out * x.cols());
    linearByWeightRows(out, x, bias, y, [&](std::int64_t r, std::span<float> row) {
        ref.file->readFloat(*ref.info, r * x.cols(), row);
    });
}

// W dequantized from `tensor` a row at a time (the values of QuantizedTensor::dequantize).
void linearFromCodes(const QuantizedTensor& tensor, const RowMatrix& x, const float* bias,
                     RowMatrix& y)
{
    Q_ASSERT(tensor.cols == x.cols());
    linearByWeightRows(tensor.rows, x, bias, y,
                       [&](std::int64_t r, std::span<float> row) { tensor.dequantizeRow(r, row); });
}

// x · weight / sqrt(mean(x²) + eps), row by row, as transformers' LlamaRMSNorm does in float32.
RowMatrix rmsNorm(const Eigen::Ref<const RowMatrix>& x, const float* weight, double eps)
{
    RowMatrix out(x.rows(), x.cols());
    const auto cols = x.cols();
    parallelFor(x.rows(), 64, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t r = begin; r < end; ++r) {
            double sumSquares = 0.0;
            for (Eigen::Index c = 0; c < cols; ++c)
                sumSquares += double(x(r, c)) * double(x(r, c));
            const float variance = static_cast<float>(sumSquares / double(cols));
            const float inverse = 1.0f / std::sqrt(variance + static_cast<float>(eps));
            for (Eigen::Index c = 0; c < cols; ++c)
                out(r, c) = weight[c] * (x(r, c) * inverse);
        }
    });
    return out;
}

// The float32 weights (and bias) of one linear for one sublayer run: the hooks' replacement, else
// the checkpoint's, converted from its dtype when first needed. On the CPU, a product of at most
// kDirectRows rows reads the hooks' codes (linearFromCodes) or F16/BF16 weights in place
// (linearFrom16Bit) instead.
class LinearWeight {
public:
    LinearWeight(const Checkpoint& checkpoint, const LinearLayer& layer, ForwardHooks* hooks)
        : m_ref(checkpoint.require(layer.weightName))
    {
        m_codes = hooks ? hooks->codesFor(layer) : nullptr;
        if (!m_codes)
            m_data = hooks ? hooks->weightFor(layer) : nullptr;
        if (!layer.biasName.isEmpty()) {
            m_bias = FloatTensor(checkpoint, layer.biasName);
            m_biasData = m_bias.data();
        }
    }

    // `layer` and `hooks` as given to the constructor.
    void apply(const ComputeBackend& backend, const LinearLayer& layer, const RowMatrix& x,
               RowMatrix& y, ForwardHooks* hooks)
    {
        const DType dtype = m_ref.info->dtype;
        const bool fewRows = x.rows() <= kDirectRows && !backend.device().isOpenCl();
        if (m_codes && fewRows) {
            linearFromCodes(*m_codes, x, m_biasData, y);
        } else if (!m_codes && !m_data && fewRows
                   && (dtype == DType::BF16 || dtype == DType::F16)) {
            linearFrom16Bit(m_ref, x, layer.outFeatures, m_biasData, y);
        } else {
            if (m_codes && !m_data)
                m_data = hooks->weightFor(layer);
            if (!m_data) {
                m_stored = FloatTensor(m_ref, 0, m_ref.info->elementCount());
                m_data = m_stored.data();
            }
            backend.linear(x, m_data, layer.outFeatures, m_biasData, y);
        }
        if (hooks)
            hooks->onOutput(layer, x, y);
    }

private:
    Checkpoint::TensorRef m_ref;
    const QuantizedTensor* m_codes = nullptr; // the hooks' codes, when they hold the layer so
    FloatTensor m_stored;
    const float* m_data = nullptr; // the hooks' or m_stored's, once converted
    FloatTensor m_bias;
    const float* m_biasData = nullptr;
};

} // namespace

// Rotary embedding frequencies, as transformers computes them in float32 (including the llama3
// and linear rope_scaling variants).
struct TransformerRunner::Rope {
    int headDim = 0;
    std::vector<float> inverseFrequency; // [headDim / 2]

    // cos and sin [positions, headDim / 2] of angle = position · inverseFrequency.
    void tables(std::int64_t positions, std::vector<float>& cosTable,
                std::vector<float>& sinTable) const
    {
        const auto half = static_cast<std::int64_t>(inverseFrequency.size());
        cosTable.resize(static_cast<std::size_t>(positions * half));
        sinTable.resize(static_cast<std::size_t>(positions * half));
        for (std::int64_t p = 0; p < positions; ++p) {
            for (std::int64_t i = 0; i < half; ++i) {
                // The angle is a float32 product, as in the reference; cos and sin of it exact.
                const float angle = inverseFrequency[static_cast<std::size_t>(i)] * float(p);
                cosTable[static_cast<std::size_t>(p * half + i)] = float(std::cos(double(angle)));
                sinTable[static_cast<std::size_t>(p * half + i)] = float(std::sin(double(angle)));
            }
        }
    }
};

TransformerRunner::TransformerRunner(std::shared_ptr<const LoadedModel> model,
                                     std::shared_ptr<const ComputeBackend> backend)
    : m_model(std::move(model))
    , m_backend(backend ? std::move(backend) : ComputeBackend::cpu())
    , m_rope(std::make_unique<Rope>())
{
    checkSupported();
    const ModelSpec& spec = m_model->spec();
    m_rope->headDim = spec.headDim;
    const int half = spec.headDim / 2;
    m_rope->inverseFrequency.resize(static_cast<std::size_t>(half));
    for (int i = 0; i < half; ++i) {
        const float exponent = float(2 * i) / float(spec.headDim);
        m_rope->inverseFrequency[static_cast<std::size_t>(i)] =
            1.0f / std::pow(static_cast<float>(spec.ropeTheta), exponent);
    }
    if (!spec.ropeScaling)
        return;
    const RopeScaling& scaling = *spec.ropeScaling;
    const auto factor = static_cast<float>(scaling.factor);
    if (scaling.type == QLatin1String("linear")) {
        for (float& f : m_rope->inverseFrequency)
            f /= factor;
    } else if (scaling.type == QLatin1String("llama3")) {
        // transformers' _compute_llama3_parameters: long wavelengths are slowed by `factor`,
        // short ones kept, the band between interpolated smoothly.
        const auto oldContext = static_cast<float>(scaling.originalMaxPositionEmbeddings);
        const auto low = static_cast<float>(scaling.lowFreqFactor);
        const auto high = static_cast<float>(scaling.highFreqFactor);
        const float lowFreqWavelength = oldContext / low;
        const float highFreqWavelength = oldContext / high;
        for (float& f : m_rope->inverseFrequency) {
            const float wavelength = 2.0f * std::numbers::pi_v<float> / f;
            const float scaled = wavelength > lowFreqWavelength ? f / factor : f;
            const bool medium =
                !(wavelength < highFreqWavelength) && !(wavelength > lowFreqWavelength);
            if (medium) {
                const float smooth = (oldContext / wavelength - low) / (high - low);
                f = (1.0f - smooth) * scaled / factor + smooth * scaled;
            } else {
                f = scaled;
            }
        }
    }
}

TransformerRunner::~TransformerRunner() = default;

void TransformerRunner::checkSupported() const
{
    const ModelSpec& spec = m_model->spec();
    const QString config = QDir::toNativeSeparators(
        QDir(m_model->directory()).filePath(QLatin1String(ModelSpec::kConfigFileName)));
    if (spec.headDim % 2 != 0)
        throw Error(tr("%1: head_dim %2 is odd; rotary embeddings need an even head size")
                        .arg(config)
                        .arg(spec.headDim));
    if (spec.ropeScaling) {
        const QString& type = spec.ropeScaling->type;
        if (type != QLatin1String("llama3") && type != QLatin1String("linear")
            && type != QLatin1String("default"))
            throw Error(tr("%1: rope_scaling type \"%2\" is not supported (supported: llama3, "
                           "linear, default)")
                            .arg(config, type));
    }
}

std::int64_t TransformerRunner::workingBytesPerToken() const
{
    const ModelSpec& spec = m_model->spec();
    const std::int64_t qDim = std::int64_t(spec.numAttentionHeads) * spec.headDim;
    const std::int64_t kvDim = std::int64_t(spec.numKeyValueHeads) * spec.headDim;
    // residual, normed input, q, k, v, attention output, o_proj output.
    return 4 * (3 * std::int64_t(spec.hiddenSize) + 2 * qDim + 2 * kvDim);
}

std::int64_t TransformerRunner::defaultBatchTokens() const
{
    return std::max<std::int64_t>(1, (std::int64_t(256) << 20)
                                         / std::max<std::int64_t>(1, workingBytesPerToken()));
}

HiddenStates TransformerRunner::embed(const std::vector<std::vector<int>>& sequences) const
{
    const ModelSpec& spec = m_model->spec();
    const Checkpoint::TensorRef table =
        m_model->checkpoint().require(QStringLiteral("model.embed_tokens.weight"));
    HiddenStates states;
    std::int64_t total = 0;
    for (const std::vector<int>& sequence : sequences) {
        states.starts.push_back(total);
        states.lengths.push_back(static_cast<std::int64_t>(sequence.size()));
        total += static_cast<std::int64_t>(sequence.size());
    }
    states.values.resize(total, spec.hiddenSize);
    std::int64_t row = 0;
    for (const std::vector<int>& sequence : sequences) {
        for (int id : sequence) {
            if (id < 0 || id >= spec.vocabSize)
                throw Error(tr("token id %1 is outside the model's vocabulary (0 to %2)")
                                .arg(id)
                                .arg(spec.vocabSize - 1));
            table.file->readFloat(*table.info, std::int64_t(id) * spec.hiddenSize,
                                  std::span<float>(states.values.row(row).data(),
                                                   static_cast<std::size_t>(spec.hiddenSize)));
            ++row;
        }
    }
    return states;
}

void TransformerRunner::runBlock(int block, HiddenStates& states, ForwardHooks* hooks,
                                 std::int64_t maxBatchTokens, const Progress* progress) const
{
    if (maxBatchTokens <= 0 || states.tokens() <= maxBatchTokens) {
        runBlockOnce(block, states, hooks, progress);
        return;
    }
    for (int first = 0; first < states.sequences();) {
        HiddenStates batch;
        int last = first;
        std::int64_t tokens = 0;
        while (last < states.sequences()
               && (last == first || tokens + states.lengths[std::size_t(last)] <= maxBatchTokens)) {
            batch.starts.push_back(tokens);
            batch.lengths.push_back(states.lengths[std::size_t(last)]);
            tokens += states.lengths[std::size_t(last)];
            ++last;
        }
        const std::int64_t offset = states.starts[std::size_t(first)];
        batch.values = states.values.middleRows(offset, tokens);
        runBlockOnce(block, batch, hooks, progress);
        states.values.middleRows(offset, tokens) = batch.values;
        first = last;
    }
}

void TransformerRunner::prepareInput(int inputGroup, RowMatrix& x, ForwardHooks* hooks) const
{
    m_model->roundActivations(inputGroup, x);
    if (hooks)
        hooks->onInput(inputGroup, x);
}

void TransformerRunner::runBlockOnce(int block, HiddenStates& states, ForwardHooks* hooks,
                                     const Progress* progress, KeyValueCache* cache) const
{
    const ModelSpec& spec = m_model->spec();
    const Checkpoint& checkpoint = m_model->checkpoint();
    const QString prefix = QStringLiteral("model.layers.%1.").arg(block);
    const FloatTensor inputNorm(checkpoint, prefix + QStringLiteral("input_layernorm.weight"));
    const FloatTensor postNorm(checkpoint,
                               prefix + QStringLiteral("post_attention_layernorm.weight"));

    {
        RowMatrix x = rmsNorm(states.values, inputNorm.data(), spec.rmsNormEps);
        prepareInput(m_model->inventory().blockLayer(block, LayerRole::QProj).inputGroup, x, hooks);
        RowMatrix projected;
        attentionSublayer(block, x, states.starts, states.lengths, hooks, projected, progress,
                          cache);
        states.values += projected;
    }

    {
        RowMatrix x = rmsNorm(states.values, postNorm.data(), spec.rmsNormEps);
        prepareInput(m_model->inventory().blockLayer(block, LayerRole::GateProj).inputGroup, x,
                     hooks);
        RowMatrix down;
        mlpSublayer(block, x, hooks, down, progress);
        states.values += down;
    }
}

void TransformerRunner::attentionSublayer(int block, RowMatrix& x,
                                          std::span<const std::int64_t> starts,
                                          std::span<const std::int64_t> lengths,
                                          ForwardHooks* hooks, RowMatrix& out,
                                          const Progress* progress, KeyValueCache* cache) const
{
    auto pollCancel = [&] {
        if (progress)
            progress->throwIfCancelled();
    };
    const ModelSpec& spec = m_model->spec();
    const Checkpoint& checkpoint = m_model->checkpoint();
    const LinearLayer& qLayer = m_model->inventory().blockLayer(block, LayerRole::QProj);
    const LinearLayer& kLayer = m_model->inventory().blockLayer(block, LayerRole::KProj);
    const LinearLayer& vLayer = m_model->inventory().blockLayer(block, LayerRole::VProj);
    const LinearLayer& oLayer = m_model->inventory().blockLayer(block, LayerRole::OProj);
    const auto sequences = static_cast<std::int64_t>(lengths.size());
    Q_ASSERT(!cache || sequences == 1);
    // Positions before these rows: the cached ones (their keys and values are not recomputed).
    const std::int64_t past = cache ? cache->m_filled[static_cast<std::size_t>(block)] : 0;

    RowMatrix q, k, v;
    {
        LinearWeight wq(checkpoint, qLayer, hooks);
        LinearWeight wk(checkpoint, kLayer, hooks);
        LinearWeight wv(checkpoint, vLayer, hooks);
        wq.apply(*m_backend, qLayer, x, q, hooks);
        wk.apply(*m_backend, kLayer, x, k, hooks);
        wv.apply(*m_backend, vLayer, x, v, hooks);
    }
    const std::int64_t tokens = x.rows();
    x.resize(0, 0);

    const int heads = spec.numAttentionHeads;
    const int kvHeads = spec.numKeyValueHeads;
    const int headDim = spec.headDim;
    const int half = headDim / 2;
    const std::int64_t longest =
        lengths.empty() ? 0 : *std::max_element(lengths.begin(), lengths.end());
    std::vector<float> cosTable, sinTable;
    m_rope->tables(past + longest, cosTable, sinTable);

    // Rotary embeddings on q and k (rotate_half convention), position = past + index in sequence.
    auto rotate = [&](RowMatrix& m, int headCount) {
        for (std::int64_t s = 0; s < sequences; ++s) {
            const std::int64_t start = starts[static_cast<std::size_t>(s)];
            parallelFor(lengths[static_cast<std::size_t>(s)], 16,
                        [&](std::int64_t begin, std::int64_t end) {
                            for (std::int64_t p = begin; p < end; ++p) {
                                float* row = m.row(start + p).data();
                                const float* c = cosTable.data() + (past + p) * half;
                                const float* sn = sinTable.data() + (past + p) * half;
                                for (int h = 0; h < headCount; ++h) {
                                    float* x1 = row + h * headDim;
                                    float* x2 = x1 + half;
                                    for (int i = 0; i < half; ++i) {
                                        const float a = x1[i];
                                        const float b = x2[i];
                                        x1[i] = a * c[i] - b * sn[i];
                                        x2[i] = b * c[i] + a * sn[i];
                                    }
                                }
                            }
                        });
        }
    };
    rotate(q, heads);
    rotate(k, kvHeads);
    if (cache) {
        // Append the new keys and values, doubling the capacity when it runs out.
        const auto b = static_cast<std::size_t>(block);
        RowMatrix& keys = cache->m_keys[b];
        RowMatrix& values = cache->m_values[b];
        if (keys.rows() < past + tokens) {
            const std::int64_t capacity = std::max<std::int64_t>(2 * keys.rows(), past + tokens);
            RowMatrix grownKeys(capacity, k.cols());
            RowMatrix grownValues(capacity, v.cols());
            grownKeys.topRows(past) = keys.topRows(past);
            grownValues.topRows(past) = values.topRows(past);
            keys = std::move(grownKeys);
            values = std::move(grownValues);
        }
        keys.middleRows(past, tokens) = k;
        values.middleRows(past, tokens) = v;
        cache->m_filled[b] = past + tokens;
    }
    // The keys and values the rows attend to: sequence s's are rows [keyStart(s), keyStart(s) +
    // past + lengths[s]) of these.
    const RowMatrix& allKeys = cache ? cache->m_keys[static_cast<std::size_t>(block)] : k;
    const RowMatrix& allValues = cache ? cache->m_values[static_cast<std::size_t>(block)] : v;
    auto keyStart = [&](std::int64_t s) { return cache ? 0 : starts[static_cast<std::size_t>(s)]; };

    RowMatrix attention(tokens, std::int64_t(heads) * headDim);
    const float scale = 1.0f / std::sqrt(static_cast<float>(headDim));
    const int group = heads / kvHeads;
    const std::int64_t window =
        spec.slidingWindow > 0 ? spec.slidingWindow : std::numeric_limits<std::int64_t>::max();
    for (std::int64_t s = 0; s < sequences; ++s) {
        const std::int64_t start = starts[static_cast<std::size_t>(s)];
        const std::int64_t length = lengths[static_cast<std::size_t>(s)];
        if (length == 0)
            continue;
        pollCancel();
        const std::int64_t keyCount = past + length;
        parallelFor(heads, 1, [&](std::int64_t firstHead, std::int64_t endHead) {
            RowMatrix scores(length, keyCount);
            for (std::int64_t h = firstHead; h < endHead; ++h) {
                const std::int64_t g = h / group;
                const auto qh = q.block(start, h * headDim, length, headDim);
                const auto kh = allKeys.block(keyStart(s), g * headDim, keyCount, headDim);
                const auto vh = allValues.block(keyStart(s), g * headDim, keyCount, headDim);
                scores.noalias() = qh * kh.transpose();
                // Causal (and windowed) softmax in float32, row by row; row i is position
                // past + i and sees positions [first, past + i].
                for (std::int64_t i = 0; i < length; ++i) {
                    float* row = scores.row(i).data();
                    const std::int64_t position = past + i;
                    const std::int64_t first = position >= window ? position - window + 1 : 0;
                    float peak = -std::numeric_limits<float>::infinity();
                    for (std::int64_t j = first; j <= position; ++j) {
                        row[j] *= scale;
                        peak = std::max(peak, row[j]);
                    }
                    float sum = 0.0f;
                    for (std::int64_t j = first; j <= position; ++j) {
                        row[j] = std::exp(row[j] - peak);
                        sum += row[j];
                    }
                    const float inverse = 1.0f / sum;
                    for (std::int64_t j = 0; j < first; ++j)
                        row[j] = 0.0f;
                    for (std::int64_t j = first; j <= position; ++j)
                        row[j] *= inverse;
                    for (std::int64_t j = position + 1; j < keyCount; ++j)
                        row[j] = 0.0f;
                }
                attention.block(start, h * headDim, length, headDim).noalias() = scores * vh;
            }
        });
    }
    q.resize(0, 0);
    k.resize(0, 0);
    v.resize(0, 0);

    LinearWeight wo(checkpoint, oLayer, hooks);
    prepareInput(oLayer.inputGroup, attention, hooks);
    wo.apply(*m_backend, oLayer, attention, out, hooks);
}

void TransformerRunner::mlpSublayer(int block, RowMatrix& x, ForwardHooks* hooks, RowMatrix& out,
                                    const Progress* progress) const
{
    const Checkpoint& checkpoint = m_model->checkpoint();
    const LinearLayer& gateLayer = m_model->inventory().blockLayer(block, LayerRole::GateProj);
    const LinearLayer& upLayer = m_model->inventory().blockLayer(block, LayerRole::UpProj);
    const LinearLayer& downLayer = m_model->inventory().blockLayer(block, LayerRole::DownProj);
    LinearWeight wg(checkpoint, gateLayer, hooks);
    LinearWeight wu(checkpoint, upLayer, hooks);
    LinearWeight wd(checkpoint, downLayer, hooks);
    out.resize(x.rows(), downLayer.outFeatures);
    RowMatrix tile, gate, up, down;
    for (std::int64_t first = 0; first < x.rows(); first += kMlpTileRows) {
        if (progress)
            progress->throwIfCancelled();
        const std::int64_t rows = std::min(kMlpTileRows, x.rows() - first);
        tile = x.middleRows(first, rows);
        wg.apply(*m_backend, gateLayer, tile, gate, hooks);
        wu.apply(*m_backend, upLayer, tile, up, hooks);
        // SwiGLU: silu(gate) ⊙ up, silu(g) = g · sigmoid(g).
        gate = gate.array() / (1.0f + (-gate.array()).exp());
        gate.array() *= up.array();
        prepareInput(downLayer.inputGroup, gate, hooks);
        wd.apply(*m_backend, downLayer, gate, down, hooks);
        out.middleRows(first, rows) = down;
    }
    x.resize(0, 0);
}

void TransformerRunner::logits(const HiddenStates& states, const LogitsConsumer& consume,
                               ForwardHooks* hooks) const
{
    RowMatrix out;
    for (int s = 0; s < states.sequences(); ++s) {
        const std::int64_t start = states.starts[static_cast<std::size_t>(s)];
        const std::int64_t length = states.lengths[static_cast<std::size_t>(s)];
        for (std::int64_t first = 0; first < length; first += kLogitRows) {
            const std::int64_t rows = std::min(kLogitRows, length - first);
            logitRows(states.values.middleRows(start + first, rows), out, hooks);
            consume(s, first, out);
        }
    }
}

RowMatrix TransformerRunner::finalNormRows(const Eigen::Ref<const RowMatrix>& rows) const
{
    const FloatTensor finalNorm(m_model->checkpoint(), QStringLiteral("model.norm.weight"));
    return rmsNorm(rows, finalNorm.data(), m_model->spec().rmsNormEps);
}

void TransformerRunner::logitRows(const Eigen::Ref<const RowMatrix>& rows, RowMatrix& out,
                                  ForwardHooks* hooks) const
{
    const ModelSpec& spec = m_model->spec();
    const Checkpoint& checkpoint = m_model->checkpoint();
    // The output matrix [vocab, hidden]: lm_head, or the embeddings when tied; a hook may replace
    // an untied lm_head (a quantized one).
    const LinearLayer* head = m_model->inventory().find(QStringLiteral("lm_head"));
    const float* override = head && hooks ? hooks->weightFor(*head) : nullptr;
    const Checkpoint::TensorRef table = checkpoint.require(
        spec.tieWordEmbeddings || !head ? QStringLiteral("model.embed_tokens.weight")
                                        : head->weightName);
    const std::int64_t vocab = spec.vocabSize;
    const std::int64_t hidden = spec.hiddenSize;

    RowMatrix x = finalNormRows(rows);
    if (head)
        prepareInput(head->inputGroup, x, hooks);
    out.resize(x.rows(), vocab);
    if (override) {
        m_backend->linear(x, override, vocab, nullptr, out);
    } else if (x.rows() <= kDirectRows && !m_backend->device().isOpenCl()
               && (table.info->dtype == DType::BF16 || table.info->dtype == DType::F16)) {
        linearFrom16Bit(table, x, vocab, nullptr, out);
    } else {
        // A 16-bit table is converted a tile of the vocabulary at a time (an F32 one is used in
        // place, and a tile is then just a view), so its float32 copy is never whole in memory.
        RowMatrix part;
        for (std::int64_t v0 = 0; v0 < vocab; v0 += kVocabTileRows) {
            const std::int64_t n = std::min(kVocabTileRows, vocab - v0);
            const FloatTensor tile(table, v0 * hidden, n * hidden);
            m_backend->linear(x, tile.data(), n, nullptr, part);
            out.middleCols(v0, n) = part;
        }
    }
    if (head && hooks)
        hooks->onOutput(*head, x, out);
}

std::int64_t KeyValueCache::bytes() const
{
    std::int64_t total = 0;
    for (std::size_t b = 0; b < m_keys.size(); ++b)
        total += (m_keys[b].size() + m_values[b].size()) * std::int64_t(sizeof(float));
    return total;
}

RowMatrix TransformerRunner::extend(std::span<const int> ids, KeyValueCache& cache,
                                    ForwardHooks* hooks, const Progress* progress) const
{
    const ModelSpec& spec = m_model->spec();
    const auto count = static_cast<std::int64_t>(ids.size());
    if (spec.maxPositionEmbeddings > 0 && cache.positions() + count > spec.maxPositionEmbeddings)
        throw Error(tr("the sequence would be %1 tokens long, more than the model's "
                       "max_position_embeddings (%2)")
                        .arg(cache.positions() + count)
                        .arg(spec.maxPositionEmbeddings));
    const auto blocks = static_cast<std::size_t>(spec.numHiddenLayers);
    if (cache.m_filled.empty()) {
        cache.m_keys.resize(blocks);
        cache.m_values.resize(blocks);
        cache.m_filled.assign(blocks, 0);
    }
    Q_ASSERT(cache.m_filled.size() == blocks);
    HiddenStates states = embed({std::vector<int>(ids.begin(), ids.end())});
    // A cancel or an error part-way leaves the cache as it was: rows past m_filled are unused.
    const std::vector<std::int64_t> filled = cache.m_filled;
    try {
        for (int b = 0; b < spec.numHiddenLayers; ++b) {
            if (progress)
                progress->throwIfCancelled();
            runBlockOnce(b, states, hooks, progress, &cache);
        }
    } catch (...) {
        cache.m_filled = filled;
        throw;
    }
    cache.m_positions += count;
    return std::move(states.values);
}

void TransformerRunner::forward(const std::vector<std::vector<int>>& sequences,
                                const LogitsConsumer& consume, ForwardHooks* hooks,
                                Progress* progress) const
{
    HiddenStates states = embed(sequences);
    const int blocks = m_model->spec().numHiddenLayers;
    for (int b = 0; b < blocks; ++b) {
        if (progress) {
            progress->throwIfCancelled();
            progress->report(double(b) / (blocks + 1));
        }
        runBlock(b, states, hooks, 0, progress);
    }
    logits(states, consume, hooks);
    if (progress)
        progress->report(1.0);
}

} // namespace qb
