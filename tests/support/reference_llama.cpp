#include "tests/support/reference_llama.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <map>
#include <stdexcept>

namespace qb::test {

namespace {

// Minimal safetensors reading, on purpose not through core/io: header JSON, then raw bytes.
std::map<QString, std::vector<float>> readAllTensors(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open " + path.toStdString());
    const QByteArray bytes = file.readAll();
    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, bytes.constData(), 8);
    const QJsonObject header =
        QJsonDocument::fromJson(bytes.mid(8, qsizetype(headerLength))).object();
    const char* data = bytes.constData() + 8 + headerLength;
    std::map<QString, std::vector<float>> tensors;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QJsonObject entry = it.value().toObject();
        const QString dtype = entry.value(QLatin1String("dtype")).toString();
        const auto begin =
            qint64(entry.value(QLatin1String("data_offsets")).toArray()[0].toDouble());
        const auto end = qint64(entry.value(QLatin1String("data_offsets")).toArray()[1].toDouble());
        std::vector<float> values;
        if (dtype == QLatin1String("F32")) {
            values.resize(std::size_t((end - begin) / 4));
            std::memcpy(values.data(), data + begin, std::size_t(end - begin));
        } else if (dtype == QLatin1String("BF16")) {
            for (qint64 i = begin; i < end; i += 2) {
                std::uint16_t h;
                std::memcpy(&h, data + i, 2);
                const std::uint32_t bits = std::uint32_t(h) << 16;
                float f;
                std::memcpy(&f, &bits, 4);
                values.push_back(f);
            }
        } else if (dtype == QLatin1String("F16")) {
            for (qint64 i = begin; i < end; i += 2) {
                std::uint16_t h;
                std::memcpy(&h, data + i, 2);
                // ldexp-based decoding, independent of the bit tricks in core/io/dtype.cpp.
                const int sign = (h >> 15) ? -1 : 1;
                const int exponent = (h >> 10) & 0x1F;
                const int mantissa = h & 0x3FF;
                float f;
                if (exponent == 0)
                    f = float(sign * std::ldexp(double(mantissa), -24));
                else if (exponent == 31)
                    f = mantissa ? NAN : float(sign) * INFINITY;
                else
                    f = float(sign * std::ldexp(1.0 + mantissa / 1024.0, exponent - 15));
                values.push_back(f);
            }
        } else {
            continue;
        }
        tensors[it.key()] = std::move(values);
    }
    return tensors;
}

// out[o] = Σ_i w[o * in + i] · x[i]
void matVec(const std::vector<float>& w, const float* x, int in, int out, float* y)
{
    for (int o = 0; o < out; ++o) {
        float sum = 0.0f;
        const float* row = w.data() + std::size_t(o) * std::size_t(in);
        for (int i = 0; i < in; ++i)
            sum += row[i] * x[i];
        y[o] = sum;
    }
}

void rmsNorm(const float* x, const std::vector<float>& weight, int n, float eps, float* y)
{
    float sum = 0.0f;
    for (int i = 0; i < n; ++i)
        sum += x[i] * x[i];
    const float scale = 1.0f / std::sqrt(sum / float(n) + eps);
    for (int i = 0; i < n; ++i)
        y[i] = weight[std::size_t(i)] * (x[i] * scale);
}

} // namespace

ReferenceLlama::ReferenceLlama(const QString& modelDirectory)
{
    const QDir dir(modelDirectory);
    QFile configFile(dir.filePath(QStringLiteral("config.json")));
    if (!configFile.open(QIODevice::ReadOnly))
        throw std::runtime_error("no config.json");
    const QJsonObject config = QJsonDocument::fromJson(configFile.readAll()).object();
    m_hidden = config.value(QLatin1String("hidden_size")).toInt();
    m_intermediate = config.value(QLatin1String("intermediate_size")).toInt();
    m_heads = config.value(QLatin1String("num_attention_heads")).toInt();
    m_kvHeads = config.value(QLatin1String("num_key_value_heads")).toInt(m_heads);
    m_headDim = m_hidden / m_heads;
    m_vocab = config.value(QLatin1String("vocab_size")).toInt();
    m_eps = float(config.value(QLatin1String("rms_norm_eps")).toDouble());
    m_theta = float(config.value(QLatin1String("rope_theta")).toDouble(10000.0));
    const int layers = config.value(QLatin1String("num_hidden_layers")).toInt();
    const bool tied = config.value(QLatin1String("tie_word_embeddings")).toBool();

    auto tensors = readAllTensors(dir.filePath(QStringLiteral("model.safetensors")));
    auto take = [&](const QString& name) {
        auto it = tensors.find(name);
        if (it == tensors.end())
            throw std::runtime_error("missing " + name.toStdString());
        return std::move(it->second);
    };
    m_embed = take(QStringLiteral("model.embed_tokens.weight"));
    m_finalNorm = take(QStringLiteral("model.norm.weight"));
    m_lmHead = tied ? m_embed : take(QStringLiteral("lm_head.weight"));
    for (int l = 0; l < layers; ++l) {
        const QString p = QStringLiteral("model.layers.%1.").arg(l);
        m_inputNorm.push_back(take(p + QStringLiteral("input_layernorm.weight")));
        m_postNorm.push_back(take(p + QStringLiteral("post_attention_layernorm.weight")));
        m_q.push_back(take(p + QStringLiteral("self_attn.q_proj.weight")));
        m_k.push_back(take(p + QStringLiteral("self_attn.k_proj.weight")));
        m_v.push_back(take(p + QStringLiteral("self_attn.v_proj.weight")));
        m_o.push_back(take(p + QStringLiteral("self_attn.o_proj.weight")));
        m_gate.push_back(take(p + QStringLiteral("mlp.gate_proj.weight")));
        m_up.push_back(take(p + QStringLiteral("mlp.up_proj.weight")));
        m_down.push_back(take(p + QStringLiteral("mlp.down_proj.weight")));
    }
}

std::vector<std::vector<float>>
ReferenceLlama::logProbabilities(const std::vector<int>& tokens) const
{
    const int t = int(tokens.size());
    const int h = m_hidden;
    const int kvDim = m_kvHeads * m_headDim;
    std::vector<std::vector<float>> x(static_cast<std::size_t>(t),
                                      std::vector<float>(static_cast<std::size_t>(h)));
    for (int i = 0; i < t; ++i)
        std::copy_n(m_embed.begin() + std::ptrdiff_t(tokens[std::size_t(i)]) * h, h,
                    x[std::size_t(i)].begin());

    std::vector<float> normed(static_cast<std::size_t>(h)),
        gate(static_cast<std::size_t>(m_intermediate)),
        up(static_cast<std::size_t>(m_intermediate)), out(static_cast<std::size_t>(h));
    for (std::size_t layer = 0; layer < m_q.size(); ++layer) {
        std::vector<std::vector<float>> q(std::size_t(t),
                                          std::vector<float>(static_cast<std::size_t>(h)));
        std::vector<std::vector<float>> k(std::size_t(t),
                                          std::vector<float>(static_cast<std::size_t>(kvDim)));
        std::vector<std::vector<float>> v(std::size_t(t),
                                          std::vector<float>(static_cast<std::size_t>(kvDim)));
        for (int i = 0; i < t; ++i) {
            rmsNorm(x[std::size_t(i)].data(), m_inputNorm[layer], h, m_eps, normed.data());
            matVec(m_q[layer], normed.data(), h, h, q[std::size_t(i)].data());
            matVec(m_k[layer], normed.data(), h, kvDim, k[std::size_t(i)].data());
            matVec(m_v[layer], normed.data(), h, kvDim, v[std::size_t(i)].data());
            // rotate_half RoPE at position i: pairs (j, j + d/2) of every head.
            auto rotate = [&](std::vector<float>& vec, int heads) {
                for (int head = 0; head < heads; ++head) {
                    float* base = vec.data() + head * m_headDim;
                    for (int j = 0; j < m_headDim / 2; ++j) {
                        const float inverse =
                            1.0f / std::pow(m_theta, float(2 * j) / float(m_headDim));
                        const float angle = float(i) * inverse;
                        const float c = std::cos(angle), s = std::sin(angle);
                        const float a = base[j], b = base[j + m_headDim / 2];
                        base[j] = a * c - b * s;
                        base[j + m_headDim / 2] = b * c + a * s;
                    }
                }
            };
            rotate(q[std::size_t(i)], m_heads);
            rotate(k[std::size_t(i)], m_kvHeads);
        }
        std::vector<std::vector<float>> attended(std::size_t(t),
                                                 std::vector<float>(static_cast<std::size_t>(h)));
        const int group = m_heads / m_kvHeads;
        for (int i = 0; i < t; ++i) {
            for (int head = 0; head < m_heads; ++head) {
                const int kvHead = head / group;
                std::vector<float> scores(std::size_t(i + 1));
                float peak = -INFINITY;
                for (int j = 0; j <= i; ++j) {
                    float dot = 0.0f;
                    for (int d = 0; d < m_headDim; ++d)
                        dot += q[std::size_t(i)][std::size_t(head * m_headDim + d)]
                               * k[std::size_t(j)][std::size_t(kvHead * m_headDim + d)];
                    scores[std::size_t(j)] = dot / std::sqrt(float(m_headDim));
                    peak = std::max(peak, scores[std::size_t(j)]);
                }
                float total = 0.0f;
                for (float& s : scores) {
                    s = std::exp(s - peak);
                    total += s;
                }
                for (int d = 0; d < m_headDim; ++d) {
                    float sum = 0.0f;
                    for (int j = 0; j <= i; ++j)
                        sum += scores[std::size_t(j)] / total
                               * v[std::size_t(j)][std::size_t(kvHead * m_headDim + d)];
                    attended[std::size_t(i)][std::size_t(head * m_headDim + d)] = sum;
                }
            }
        }
        for (int i = 0; i < t; ++i) {
            matVec(m_o[layer], attended[std::size_t(i)].data(), h, h, out.data());
            for (int c = 0; c < h; ++c)
                x[std::size_t(i)][std::size_t(c)] += out[std::size_t(c)];
            rmsNorm(x[std::size_t(i)].data(), m_postNorm[layer], h, m_eps, normed.data());
            matVec(m_gate[layer], normed.data(), h, m_intermediate, gate.data());
            matVec(m_up[layer], normed.data(), h, m_intermediate, up.data());
            for (int c = 0; c < m_intermediate; ++c) {
                const float g = gate[std::size_t(c)];
                gate[std::size_t(c)] = g / (1.0f + std::exp(-g)) * up[std::size_t(c)];
            }
            matVec(m_down[layer], gate.data(), m_intermediate, h, out.data());
            for (int c = 0; c < h; ++c)
                x[std::size_t(i)][std::size_t(c)] += out[std::size_t(c)];
        }
    }
    std::vector<std::vector<float>> result(std::size_t(t),
                                           std::vector<float>(static_cast<std::size_t>(m_vocab)));
    for (int i = 0; i < t; ++i) {
        rmsNorm(x[std::size_t(i)].data(), m_finalNorm, h, m_eps, normed.data());
        std::vector<float>& logits = result[std::size_t(i)];
        matVec(m_lmHead, normed.data(), h, m_vocab, logits.data());
        const float peak = *std::max_element(logits.begin(), logits.end());
        float total = 0.0f;
        for (float l : logits)
            total += std::exp(l - peak);
        const float logTotal = peak + std::log(total);
        for (float& l : logits)
            l -= logTotal;
    }
    return result;
}

std::pair<double, long long> ReferenceLlama::windowNll(const std::vector<int>& tokens,
                                                       long long firstScored) const
{
    const auto logProbs = logProbabilities(tokens);
    double nll = 0.0;
    long long scored = 0;
    for (long long target = firstScored; target < static_cast<long long>(tokens.size()); ++target) {
        nll -= double(logProbs[std::size_t(target - 1)][std::size_t(tokens[std::size_t(target)])]);
        ++scored;
    }
    return {nll, scored};
}

} // namespace qb::test
