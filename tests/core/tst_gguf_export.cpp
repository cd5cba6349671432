// GgufExporter, GgufFile and CheckpointImport: the ggml block layouts against bytes computed by
// hand (Q4_0, Q4_1, Q5_0, Q8_0, Q2_K, Q3_K, Q5_K); the k-quant dequantizers against llama.cpp's
// loops written out here; the reference quantizers (Q4_0, Q4_1, Q8_0, Q2_K … Q6_K) within their
// step on random data, Q2_K/Q3_K/Q5_K per sub-block within half their stored step, from the data
// alone; a tiny Llama of 256-wide rows exported at 3/2/5 bits as Q3_K/Q2_K/Q5_K and read back; the
// demo model's GGUF (4-bit g32 symmetric everywhere, down_proj at 8 bits) checked field by field
// (header, metadata keys and types, tensor names, types, dims, alignment); read back through
// LoadedModel every weight equals the run's (exactly, with the scales rounded to fp16) and the
// model evaluates to the in-memory quantized model's perplexity; GPTQ, AWQ and compressed-tensors
// exports re-imported through LoadedModel equal the run exactly; hostile GGUF files refused with an
// Error naming the file and the field.

#include "core/export/checkpoint_export.h"
#include "core/export/gguf_exporter.h"
#include "core/io/dtype.h"
#include "core/io/gguf_file.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "core/util/random.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <utility>

using namespace qb;

namespace {

std::vector<std::uint8_t> bytesOfBlock(const void* block, std::size_t size)
{
    std::vector<std::uint8_t> bytes(size);
    std::memcpy(bytes.data(), block, size);
    return bytes;
}

// The demo plan of the issue: RTN 4-bit groups of 32 symmetric everywhere, down_proj at 8 bits.
QuantPlan mixedPlan(bool symmetric = true)
{
    QuantPlan plan = test::rtnPlan(4, 32, symmetric);
    PlanOverride down = test::planOverride(QStringLiteral("re:.*mlp\\.down_proj"));
    down.bits = 8;
    down.symmetric = true;
    plan.addOverride(down);
    return plan;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// ---- k-quants, written from llama.cpp's documented layouts independently of gguf_format.cpp ----

// dequantize_row_q2_K's loop: per half n, per shift, 16 values with qs[l] and 16 with qs[l + 16],
// each with the next scale byte (low nibble: scale, high nibble: min).
std::vector<float> expectedQ2K(const BlockQ2_K& b)
{
    std::vector<float> y;
    const float d = halfToFloat(b.d);
    const float dmin = halfToFloat(b.dmin);
    int is = 0;
    for (int n = 0; n < 2; ++n) {
        for (int shift = 0; shift < 8; shift += 2) {
            for (int part = 0; part < 2; ++part) {
                const std::uint8_t sc = b.scales[is++];
                const float dl = d * float(sc & 0xF);
                const float ml = dmin * float(sc >> 4);
                for (int l = 0; l < 16; ++l)
                    y.push_back(dl * float((b.qs[32 * n + 16 * part + l] >> shift) & 3) - ml);
            }
        }
    }
    return y;
}

// The 16 six-bit Q3_K scales as dequantize_row_q3_K unpacks them: the 12 bytes as three
// little-endian words a0, a1, tmp; scales 0-3 = low nibbles of a0 | bits 0-1 of tmp's bytes,
// 4-7 = low nibbles of a1 | bits 2-3, 8-11 = high nibbles of a0 | bits 4-5, 12-15 = high nibbles
// of a1 | bits 6-7 (the kmask1 = 0x03030303, kmask2 = 0x0f0f0f0f trick).
std::array<int, 16> q3KScales(const std::uint8_t* packed)
{
    std::uint32_t a[3];
    std::memcpy(a, packed, 12);
    const std::uint32_t kmask1 = 0x03030303;
    const std::uint32_t kmask2 = 0x0f0f0f0f;
    const std::uint32_t words[4] = {
        (a[0] & kmask2) | (((a[2] >> 0) & kmask1) << 4),
        (a[1] & kmask2) | (((a[2] >> 2) & kmask1) << 4),
        ((a[0] >> 4) & kmask2) | (((a[2] >> 4) & kmask1) << 4),
        ((a[1] >> 4) & kmask2) | (((a[2] >> 6) & kmask1) << 4),
    };
    std::array<int, 16> scales{};
    for (int s = 0; s < 16; ++s)
        scales[static_cast<std::size_t>(s)] = int((words[s / 4] >> (8 * (s % 4))) & 0xFF);
    return scales;
}

// dequantize_row_q3_K's loop: as Q2_K's, the hmask bit m = 1 << (4n + pass) meaning "4 is not
// subtracted", the scale 6 bits minus 32.
std::vector<float> expectedQ3K(const BlockQ3_K& b)
{
    std::vector<float> y;
    const float d = halfToFloat(b.d);
    const std::array<int, 16> scales = q3KScales(b.scales);
    int is = 0;
    for (int n = 0; n < 2; ++n) {
        for (int pass = 0; pass < 4; ++pass) {
            const int m = 1 << (4 * n + pass);
            for (int part = 0; part < 2; ++part) {
                const float dl = d * float(scales[static_cast<std::size_t>(is++)] - 32);
                for (int l = 0; l < 16; ++l) {
                    const int at = 16 * part + l;
                    const int low = (b.qs[32 * n + at] >> (2 * pass)) & 3;
                    y.push_back(dl * float(low - ((b.hmask[at] & m) ? 0 : 4)));
                }
            }
        }
    }
    return y;
}

// get_scale_min_k4 (Q4_K's and Q5_K's 6-bit scales and mins in 12 bytes).
std::pair<int, int> scaleMinOf(int j, const std::uint8_t* q)
{
    if (j < 4)
        return {q[j] & 63, q[j + 4] & 63};
    return {(q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4), (q[j + 4] >> 4) | ((q[j] >> 6) << 4)};
}

// dequantize_row_q5_K's loop: four chunks of 64, 32 low nibbles then 32 high nibbles of qs, the
// fifth bit from qh[l] under the masks u1 = 1 << 2c, u2 = 2 << 2c.
std::vector<float> expectedQ5K(const BlockQ5_K& b)
{
    std::vector<float> y;
    const float d = halfToFloat(b.d);
    const float dmin = halfToFloat(b.dmin);
    for (int c = 0; c < 4; ++c) {
        const auto [sc1, m1] = scaleMinOf(2 * c, b.scales);
        const auto [sc2, m2] = scaleMinOf(2 * c + 1, b.scales);
        const int u1 = 1 << (2 * c);
        const int u2 = 2 << (2 * c);
        for (int l = 0; l < 32; ++l)
            y.push_back(d * float(sc1) * float((b.qs[32 * c + l] & 0xF) + ((b.qh[l] & u1) ? 16 : 0))
                        - dmin * float(m1));
        for (int l = 0; l < 32; ++l)
            y.push_back(d * float(sc2) * float((b.qs[32 * c + l] >> 4) + ((b.qh[l] & u2) ? 16 : 0))
                        - dmin * float(m2));
    }
    return y;
}

template <typename Block> std::vector<float> dequantized(const Block& block, GgmlType type)
{
    std::vector<float> y(256);
    dequantizeGgml(type, reinterpret_cast<const std::byte*>(&block), y);
    return y;
}

template <typename Block> Block randomBlock(std::uint64_t seed)
{
    Block block;
    Xoshiro256 random(seed);
    auto* bytes = reinterpret_cast<std::uint8_t*>(&block);
    for (std::size_t i = 0; i < sizeof block; ++i)
        bytes[i] = std::uint8_t(random.next());
    return block;
}

// The largest error quantizeGgml's k-quant grids allow in each sub-block of the 256 values at x
// (gguf_format.h: half the stored step of the sub-block), bounded from the data alone:
//   Q2_K / Q5_K (levels L = 3 / 31, scales up to S = 15 / 63): a sub-block from lo = min(0, min x)
//     to hi = max x needs a step (hi − lo)/L; its stored min exceeds −lo by less than dmin ≈ M/S
//     (M the largest −lo), and its scale exceeds the need by less than d ≈ (R + dmin)/(L·S)
//     (R the largest hi − lo);
//   Q3_K (levels −4 … 3, |scale| up to 31): the smaller of max(N/4, P/3) and max(P/4, N/3) for
//     the largest value P and the most negative −N, plus d ≈ T/31 (T the largest such step).
// fp16 super-scales are rounded up by at most 2^-10 relative (2^-24 absolute when subnormal);
// float arithmetic adds a few ulps of the block's largest magnitude.
std::vector<double> kQuantErrorBounds(GgmlType type, const float* x)
{
    const bool symmetric = type == GgmlType::Q3_K;
    const int subSize = type == GgmlType::Q5_K ? 32 : 16;
    const int subBlocks = 256 / subSize;
    const double levels = type == GgmlType::Q2_K ? 3 : 31;
    const double maxScale = type == GgmlType::Q2_K ? 15 : 63;
    const double halfRounding = 1.0 + std::ldexp(1.0, -10);
    const double halfTiny = std::ldexp(1.0, -24);
    double amax = 0.0;
    for (int v = 0; v < 256; ++v)
        amax = std::max(amax, std::fabs(double(x[v])));
    std::vector<double> need(static_cast<std::size_t>(subBlocks));
    std::vector<double> range(static_cast<std::size_t>(subBlocks));
    double maxMin = 0.0;
    double maxRange = 0.0;
    double maxNeed = 0.0;
    for (int s = 0; s < subBlocks; ++s) {
        double lo = 0.0;
        double hi = -1e300;
        for (int l = 0; l < subSize; ++l) {
            lo = std::min(lo, double(x[s * subSize + l]));
            hi = std::max(hi, double(x[s * subSize + l]));
        }
        const auto at = static_cast<std::size_t>(s);
        if (symmetric) {
            const double p = std::max(0.0, hi);
            const double n = -lo;
            need[at] = std::min(std::max(n / 4, p / 3), std::max(p / 4, n / 3));
            maxNeed = std::max(maxNeed, need[at]);
        } else {
            range[at] = hi - lo;
            maxMin = std::max(maxMin, -lo);
            maxRange = std::max(maxRange, range[at]);
        }
    }
    std::vector<double> bounds(static_cast<std::size_t>(subBlocks));
    for (int s = 0; s < subBlocks; ++s) {
        const auto at = static_cast<std::size_t>(s);
        double step = 0.0;
        if (symmetric) {
            step = need[at] + maxNeed / 31 * halfRounding + halfTiny;
        } else {
            const double dmin = maxMin / maxScale * halfRounding + halfTiny;
            const double d = (maxRange + dmin) / (levels * maxScale) * halfRounding + halfTiny;
            step = (range[at] + dmin) / levels + d;
        }
        bounds[at] = step / 2 + 1e-6 * amax;
    }
    return bounds;
}

} // namespace

class TestGgufExport : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_demo;
    std::shared_ptr<const QuantizedModel> m_run; // mixedPlan()
    QTemporaryDir m_dir;
    QString m_gguf;

    // The tiny Llama of 256-wide rows and its k-quant export (kQuantPlan()).
    QTemporaryDir m_kquantDir;
    std::shared_ptr<const LoadedModel> m_kquantModel;
    std::shared_ptr<const QuantizedModel> m_kquantRun;
    QString m_kquantGguf;

    std::shared_ptr<const QuantizedModel> quantize(const QuantPlan& plan)
    {
        SilentProgress progress;
        return QuantizationPipeline::run(m_demo, plan, {}, {}, progress);
    }

    // Attention at 3 bits, gate/up at 2, down at 5, all asymmetric in groups of 128.
    static QuantPlan kQuantPlan()
    {
        QuantPlan plan = test::rtnPlan(3, 128, false);
        PlanOverride gateUp = test::planOverride(QStringLiteral("re:.*mlp\\.(gate|up)_proj"));
        gateUp.bits = 2;
        plan.addOverride(gateUp);
        PlanOverride down = test::planOverride(QStringLiteral("re:.*mlp\\.down_proj"));
        down.bits = 5;
        plan.addOverride(down);
        return plan;
    }

    QString exportAs(CheckpointFormat format, const QuantizedModel& run, const QString& name)
    {
        CheckpointExportOptions options;
        options.format = format;
        SilentProgress progress;
        const QString out = m_dir.filePath(name);
        CheckpointExport::run(options, run, out, progress);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = LoadedModel::open(test::demoModelDir());
        m_run = quantize(mixedPlan());
        m_gguf = exportAs(CheckpointFormat::Gguf, *m_run, QStringLiteral("demo.gguf"));

        QVERIFY(m_kquantDir.isValid());
        test::TinyLlamaOptions tiny;
        tiny.hiddenSize = 256;
        tiny.intermediateSize = 512;
        tiny.numHeads = 4;
        tiny.numKvHeads = 2;
        tiny.vocabSize = 512; // the demo tokenizer's
        test::writeTinyLlama(m_kquantDir.path(), tiny);
        for (const char* file : {"tokenizer.model", "tokenizer_config.json"})
            QVERIFY(QFile::copy(QDir(test::demoModelDir()).filePath(QLatin1String(file)),
                                m_kquantDir.filePath(QLatin1String(file))));
        m_kquantModel = LoadedModel::open(m_kquantDir.path());
        SilentProgress progress;
        m_kquantRun = QuantizationPipeline::run(m_kquantModel, kQuantPlan(), {}, {}, progress);
        m_kquantGguf = exportAs(CheckpointFormat::Gguf, *m_kquantRun, QStringLiteral("kq.gguf"));
    }

    // ==== block layouts ==========================================================================

    void q4_0Bytes()
    {
        // Codes j for values j = 0 … 15 and 15 − (j − 16) for j = 16 … 31: byte j holds value j in
        // its low nibble and value j + 16 in its high nibble.
        std::uint8_t codes[32];
        for (int j = 0; j < 32; ++j)
            codes[j] = static_cast<std::uint8_t>(j < 16 ? j : 31 - j);
        const BlockQ4_0 block = packQ4_0(codes, 0.5f);
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(18));
        QCOMPARE(bytes[0], std::uint8_t(0x00)); // fp16 0.5 = 0x3800, little-endian
        QCOMPARE(bytes[1], std::uint8_t(0x38));
        QCOMPARE(bytes[2], std::uint8_t(0xF0));  // value 0 = 0, value 16 = 15
        QCOMPARE(bytes[3], std::uint8_t(0xE1));  // value 1 = 1, value 17 = 14
        QCOMPARE(bytes[17], std::uint8_t(0x0F)); // value 15 = 15, value 31 = 0
        float values[32];
        dequantizeGgml(GgmlType::Q4_0, reinterpret_cast<const std::byte*>(&block), values);
        QCOMPARE(values[0], -4.0f); // 0.5 · (0 − 8)
        QCOMPARE(values[16], 3.5f); // 0.5 · (15 − 8)
        QCOMPARE(values[15], 3.5f);
        QCOMPARE(values[31], -4.0f);
    }

    void q4_1Bytes()
    {
        std::uint8_t codes[32] = {};
        codes[0] = 3;
        codes[16] = 10;
        // scale 0.25, zero 4: d = 0.25 (0x3400), m = −1 (0xBC00).
        const BlockQ4_1 block = packQ4_1(codes, 0.25f, 4.0f);
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(20));
        QCOMPARE(bytes[0], std::uint8_t(0x00));
        QCOMPARE(bytes[1], std::uint8_t(0x34));
        QCOMPARE(bytes[2], std::uint8_t(0x00));
        QCOMPARE(bytes[3], std::uint8_t(0xBC));
        QCOMPARE(bytes[4], std::uint8_t(0xA3));
        float values[32];
        dequantizeGgml(GgmlType::Q4_1, reinterpret_cast<const std::byte*>(&block), values);
        QCOMPARE(values[0], -0.25f); // 0.25 · 3 − 1 = 0.25 · (3 − 4)
        QCOMPARE(values[16], 1.5f);  // 0.25 · (10 − 4)
        QCOMPARE(values[1], -1.0f);
    }

    void q8_0Bytes()
    {
        std::uint8_t codes[32];
        for (int j = 0; j < 32; ++j)
            codes[j] = 128;
        codes[0] = 0;   // −128
        codes[1] = 255; // 127
        codes[2] = 129; // 1
        const BlockQ8_0 block = packQ8_0(codes, 2.0f);
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(34));
        QCOMPARE(bytes[0], std::uint8_t(0x00)); // fp16 2.0 = 0x4000
        QCOMPARE(bytes[1], std::uint8_t(0x40));
        QCOMPARE(bytes[2], std::uint8_t(0x80));
        QCOMPARE(bytes[3], std::uint8_t(0x7F));
        QCOMPARE(bytes[4], std::uint8_t(0x01));
        QCOMPARE(bytes[5], std::uint8_t(0x00));
        float values[32];
        dequantizeGgml(GgmlType::Q8_0, reinterpret_cast<const std::byte*>(&block), values);
        QCOMPARE(values[0], -256.0f);
        QCOMPARE(values[1], 254.0f);
        QCOMPARE(values[2], 2.0f);
    }

    void q5_0Bytes()
    {
        std::uint8_t codes[32] = {};
        codes[0] = 17;  // high bit → qh bit 0, low nibble 1
        codes[17] = 31; // high bit → qh bit 17, low nibble 15 in byte 1's high nibble
        const BlockQ5_0 block = packQ5_0(codes, 1.0f);
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(22));
        QCOMPARE(bytes[2], std::uint8_t(0x01)); // qh bits 0 … 7
        QCOMPARE(bytes[4], std::uint8_t(0x02)); // qh bits 16 … 23
        QCOMPARE(bytes[6], std::uint8_t(0x01));
        QCOMPARE(bytes[7], std::uint8_t(0xF0));
        float values[32];
        dequantizeGgml(GgmlType::Q5_0, reinterpret_cast<const std::byte*>(&block), values);
        QCOMPARE(values[0], 1.0f);   // 17 − 16
        QCOMPARE(values[17], 15.0f); // 31 − 16
        QCOMPARE(values[1], -16.0f);
    }

    // ---- k-quants: bytes of blocks whose grid is known, worked out from the layout ------------

    // Q2_K: sub-block s has scale c = 15 − s mod 15 steps of d = 0.25 and min m = s steps of dmin =
    // 0.125, its values d·c·q − dmin·m with q = (7v + v / 16) mod 4 (every sub-block holds levels 0
    // and 3, so the quantizer's grid is exactly this one).
    void q2_KBytes()
    {
        std::uint8_t q[256];
        std::vector<float> x(256);
        for (int v = 0; v < 256; ++v) {
            const int s = v / 16;
            q[v] = std::uint8_t((7 * v + s) % 4);
            x[std::size_t(v)] = 0.25f * float(15 - s % 15) * float(q[v]) - 0.125f * float(s);
        }
        BlockQ2_K block;
        quantizeGgml(GgmlType::Q2_K, x, reinterpret_cast<std::byte*>(&block));
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(84));
        // scales[s] = c | m << 4.
        QCOMPARE(bytes[0], std::uint8_t(0x0F));  // c 15, m 0
        QCOMPARE(bytes[1], std::uint8_t(0x1E));  // c 14, m 1
        QCOMPARE(bytes[15], std::uint8_t(0xFF)); // c 15, m 15
        for (int s = 0; s < 16; ++s)
            QCOMPARE(bytes[std::size_t(s)], std::uint8_t((15 - s % 15) | (s << 4)));
        // qs[0] holds values 0, 32, 64, 96 (levels 0, 2, 0, 2), qs[1] values 1, 33, 65, 97
        // (3, 1, 3, 1), two bits each from the lowest.
        QCOMPARE(bytes[16], std::uint8_t(0x88));
        QCOMPARE(bytes[17], std::uint8_t(0x77));
        for (int j = 0; j < 64; ++j) {
            const int base = 128 * (j / 32) + j % 32;
            QCOMPARE(bytes[std::size_t(16 + j)],
                     std::uint8_t(q[base] | (q[base + 32] << 2) | (q[base + 64] << 4)
                                  | (q[base + 96] << 6)));
        }
        QCOMPARE(bytes[80], std::uint8_t(0x00)); // d = 0.25 = fp16 0x3400
        QCOMPARE(bytes[81], std::uint8_t(0x34));
        QCOMPARE(bytes[82], std::uint8_t(0x00)); // dmin = 0.125 = fp16 0x3000
        QCOMPARE(bytes[83], std::uint8_t(0x30));
        QCOMPARE(dequantized(block, GgmlType::Q2_K), x);
    }

    // Q3_K: sub-block s has the signed scale c[s] steps of d = 0.25 (−32 … 31, stored + 32), its
    // values d·c·q with q = (3v + v / 16) mod 8 − 4 (levels −4 and 3 in every sub-block, so the
    // grid is this one whichever sign c has).
    void q3_KBytes()
    {
        const int c[16] = {-32, 31, 1, -1, 5, -7, 12, -20, 3, 17, -4, 9, 30, -31, 2, -9};
        int q[256];
        std::vector<float> x(256);
        for (int v = 0; v < 256; ++v) {
            const int s = v / 16;
            q[v] = (3 * v + s) % 8 - 4;
            x[std::size_t(v)] = 0.25f * float(c[s]) * float(q[v]);
        }
        BlockQ3_K block;
        quantizeGgml(GgmlType::Q3_K, x, reinterpret_cast<std::byte*>(&block));
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(110));
        // hmask (bytes 0 … 31): bit k of byte j is set when value 32k + j has q ≥ 0. Values 0, 32,
        // …, 224 have q −4, −2, 0, 2, −4, −2, 0, 2: bits 2, 3, 6, 7.
        QCOMPARE(bytes[0], std::uint8_t(0xCC));
        // qs (bytes 32 … 95): q + 4 when q < 0, else q, two bits per value; qs[0] holds values 0,
        // 32, 64, 96: 0, 2, 0, 2.
        QCOMPARE(bytes[32], std::uint8_t(0x88));
        for (int j = 0; j < 32; ++j) {
            int mask = 0;
            for (int k = 0; k < 8; ++k)
                mask |= (q[32 * k + j] >= 0 ? 1 : 0) << k;
            QCOMPARE(bytes[std::size_t(j)], std::uint8_t(mask));
        }
        for (int j = 0; j < 64; ++j) {
            const int base = 128 * (j / 32) + j % 32;
            int packed = 0;
            for (int k = 0; k < 4; ++k)
                packed |= ((q[base + 32 * k] + 4) & 3) << (2 * k);
            QCOMPARE(bytes[std::size_t(32 + j)], std::uint8_t(packed));
        }
        // scales (bytes 96 … 107): stored u = c + 32. Byte j < 8: low nibble u[j] & 15, high
        // nibble u[j + 8] & 15; byte 8 + k: the top 2 bits of u[k], u[k + 4], u[k + 8], u[k + 12]
        // from the lowest. Byte 104 by hand: u[0] = 0, u[4] = 37, u[8] = 35, u[12] = 62 → top
        // bits 0, 2, 2, 3 → 0b11'10'10'00.
        QCOMPARE(bytes[104], std::uint8_t(0xE8));
        QCOMPARE(bytes[96], std::uint8_t(0x30)); // u[0] = 0, u[8] = 35 → 3 in the high nibble
        for (int j = 0; j < 8; ++j)
            QCOMPARE(bytes[std::size_t(96 + j)],
                     std::uint8_t(((c[j] + 32) & 15) | (((c[j + 8] + 32) & 15) << 4)));
        for (int k = 0; k < 4; ++k) {
            int top = 0;
            for (int i = 0; i < 4; ++i)
                top |= ((c[k + 4 * i] + 32) >> 4) << (2 * i);
            QCOMPARE(bytes[std::size_t(104 + k)], std::uint8_t(top));
        }
        QCOMPARE(bytes[108], std::uint8_t(0x00)); // d = 0.25
        QCOMPARE(bytes[109], std::uint8_t(0x34));
        QCOMPARE(dequantized(block, GgmlType::Q3_K), x);
    }

    // Q5_K: sub-block s (of 32) has scale c[s] steps of d = 0.25 and min m[s] steps of dmin =
    // 0.125, values d·c·q − dmin·m with q = (5v + v / 32) mod 32 (levels 0 and 31 in each).
    void q5_KBytes()
    {
        const int c[8] = {63, 1, 17, 40, 5, 33, 62, 20};
        const int m[8] = {0, 63, 7, 16, 32, 48, 1, 63};
        int q[256];
        std::vector<float> x(256);
        for (int v = 0; v < 256; ++v) {
            const int s = v / 32;
            q[v] = (5 * v + s) % 32;
            x[std::size_t(v)] = 0.25f * float(c[s]) * float(q[v]) - 0.125f * float(m[s]);
        }
        BlockQ5_K block;
        quantizeGgml(GgmlType::Q5_K, x, reinterpret_cast<std::byte*>(&block));
        const auto bytes = bytesOfBlock(&block, sizeof block);
        QCOMPARE(bytes.size(), std::size_t(176));
        QCOMPARE(bytes[0], std::uint8_t(0x00)); // d = 0.25
        QCOMPARE(bytes[1], std::uint8_t(0x34));
        QCOMPARE(bytes[2], std::uint8_t(0x00)); // dmin = 0.125
        QCOMPARE(bytes[3], std::uint8_t(0x30));
        // scales (bytes 4 … 15) as Q4_K's: byte j < 4 = c[j] | top 2 bits of c[j + 4] << 6,
        // byte 4 + j = m[j] | top 2 bits of m[j + 4] << 6, byte 8 + j = c[j + 4] & 15 |
        // (m[j + 4] & 15) << 4. By hand: c[0] = 63, c[4] = 5 → 0x3F; c[1] = 1, c[5] = 33 → 0x81;
        // m[0] = 0, m[4] = 32 → 0x80; c[7] = 20, m[7] = 63 → 0xF4.
        QCOMPARE(bytes[4], std::uint8_t(0x3F));
        QCOMPARE(bytes[5], std::uint8_t(0x81));
        QCOMPARE(bytes[8], std::uint8_t(0x80));
        QCOMPARE(bytes[15], std::uint8_t(0xF4));
        for (int j = 0; j < 4; ++j) {
            QCOMPARE(bytes[std::size_t(4 + j)], std::uint8_t(c[j] | ((c[j + 4] >> 4) << 6)));
            QCOMPARE(bytes[std::size_t(8 + j)], std::uint8_t(m[j] | ((m[j + 4] >> 4) << 6)));
            QCOMPARE(bytes[std::size_t(12 + j)],
                     std::uint8_t((c[j + 4] & 15) | ((m[j + 4] & 15) << 4)));
        }
        // qh (bytes 16 … 47): bit 2k of byte l is the fifth bit of value 64k + l, bit 2k + 1 that
        // of value 64k + 32 + l. Values 5, 37, …, 229 have q 25, 26, 27, 28, 29, 30, 31, 0.
        QCOMPARE(bytes[16 + 5], std::uint8_t(0x7F));
        // qs (bytes 48 … 175): byte 32k + l = low 4 bits of value 64k + l | those of value
        // 64k + 32 + l << 4. Values 5 and 37: 25 and 26 → 9 | 10 << 4.
        QCOMPARE(bytes[48 + 5], std::uint8_t(0xA9));
        for (int l = 0; l < 32; ++l) {
            int high = 0;
            for (int k = 0; k < 4; ++k)
                high |=
                    ((q[64 * k + l] >> 4) << (2 * k)) | ((q[64 * k + 32 + l] >> 4) << (2 * k + 1));
            QCOMPARE(bytes[std::size_t(16 + l)], std::uint8_t(high));
            for (int k = 0; k < 4; ++k)
                QCOMPARE(bytes[std::size_t(48 + 32 * k + l)],
                         std::uint8_t((q[64 * k + l] & 15) | ((q[64 * k + 32 + l] & 15) << 4)));
        }
        QCOMPARE(dequantized(block, GgmlType::Q5_K), x);
    }

    // Dequantization of blocks of arbitrary bytes (finite fp16 scales) against llama.cpp's loops
    // written out above, and a few values by hand.
    void kQuantDequantization()
    {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            auto q2 = randomBlock<BlockQ2_K>(seed);
            q2.d = floatToHalf(0.01f * float(seed));
            q2.dmin = floatToHalf(0.003f * float(seed));
            QCOMPARE(dequantized(q2, GgmlType::Q2_K), expectedQ2K(q2));
            auto q3 = randomBlock<BlockQ3_K>(seed + 100);
            q3.d = floatToHalf(-0.02f * float(seed)); // d may be negative, as llama.cpp writes it
            QCOMPARE(dequantized(q3, GgmlType::Q3_K), expectedQ3K(q3));
            auto q5 = randomBlock<BlockQ5_K>(seed + 200);
            q5.d = floatToHalf(0.001f * float(seed));
            q5.dmin = floatToHalf(0.0007f * float(seed));
            QCOMPARE(dequantized(q5, GgmlType::Q5_K), expectedQ5K(q5));
        }

        // Q2_K: d 0.5, dmin 0.25; sub-block 1 scale byte 0x53 (scale 3, min 5); value 16 is bits
        // 0-1 of qs[16], value 48 bits 2-3 of qs[16]: 2 and 1 → 0.5·3·2 − 0.25·5 = 1.75, 0.25.
        BlockQ2_K q2{};
        q2.d = floatToHalf(0.5f);
        q2.dmin = floatToHalf(0.25f);
        q2.scales[1] = 0x53;
        q2.scales[3] = 0x53;
        q2.qs[16] = 0b0110;
        auto y2 = dequantized(q2, GgmlType::Q2_K);
        QCOMPARE(y2[16], 1.75f);
        QCOMPARE(y2[48], 0.25f);
        QCOMPARE(y2[17], -1.25f); // level 0: −dmin·min
        QCOMPARE(y2[0], 0.0f);    // sub-block 0: scale and min 0

        // Q3_K: d 2; scale of sub-block 9 (values 144 … 159): low nibble in the high nibble of
        // scales[1], top bits in bits 4-5 of scales[9]; 0x3 and 0b10 → 0b10'0011 = 35 → 35 − 32
        // = 3. Value 144 = 128 + 16: qs[48] bits 0-1, hmask[16] bit 4.
        BlockQ3_K q3{};
        q3.d = floatToHalf(2.0f);
        q3.scales[1] = 0x30;
        q3.scales[9] = 0b10'0000;
        q3.qs[48] = 0b01;  // low bits 1
        q3.hmask[16] = 0;  // high bit clear: 1 − 4 = −3
        q3.qs[49] = 0b10;  // value 145: 2, and
        q3.hmask[17] = 16; // high bit set: 2
        auto y3 = dequantized(q3, GgmlType::Q3_K);
        QCOMPARE(y3[144], -18.0f);              // 2 · 3 · (−3)
        QCOMPARE(y3[145], 12.0f);               // 2 · 3 · 2
        QCOMPARE(y3[0], 2.0f * -32.0f * -4.0f); // all zero: scale 0 − 32, level 0 − 4

        // Q5_K: d 1, dmin 0.5; sub-block 5 (values 160 … 191): scale from scales[9] low nibble |
        // scales[1] top 2 bits, min from scales[9] high nibble | scales[5] top 2 bits. Value 161 is
        // the high nibble of qs[65] (chunk 2, second half) with bit 5 of qh[1].
        BlockQ5_K q5{};
        q5.d = floatToHalf(1.0f);
        q5.dmin = floatToHalf(0.5f);
        q5.scales[9] = 0x72;        // scale low 2, min low 7
        q5.scales[1] = 0b01'000000; // scale top bits 1: 16 + 2 = 18
        q5.scales[5] = 0b10'000000; // min top bits 2: 32 + 7 = 39
        q5.qs[65] = 0xB0;           // high nibble 11
        q5.qh[1] = 1 << 5;          // + 16: 27
        auto y5 = dequantized(q5, GgmlType::Q5_K);
        QCOMPARE(y5[161], 18.0f * 27.0f - 0.5f * 39.0f);
        QCOMPARE(y5[160], -0.5f * 39.0f);
    }

    // The k-quant reference quantizers on random data with outliers, zeros, constants and uneven
    // sub-blocks: every value within the bound of its sub-block (kQuantErrorBounds), zeros exact.
    void kQuantRoundTrip_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("Q2_K") << int(GgmlType::Q2_K);
        QTest::newRow("Q3_K") << int(GgmlType::Q3_K);
        QTest::newRow("Q5_K") << int(GgmlType::Q5_K);
    }
    void kQuantRoundTrip()
    {
        QFETCH(int, type);
        const auto ggml = static_cast<GgmlType>(type);
        Xoshiro256 random(23);
        auto uniform = [&] { return float(random.uniform() * 2.0 - 1.0); };
        std::vector<float> x;
        for (int b = 0; b < 6; ++b) { // random, 5 % outliers ×8
            for (int v = 0; v < 256; ++v)
                x.push_back(uniform() * 0.05f * (random.uniform() < 0.05 ? 8.0f : 1.0f));
        }
        x.insert(x.end(), 256, 0.0f);   // zeros
        x.insert(x.end(), 256, 0.37f);  // constant
        x.insert(x.end(), 256, -1.25f); // constant negative
        for (int v = 0; v < 256; ++v)   // one outlier among zeros
            x.push_back(v == 77 ? 30.0f : 0.0f);
        for (int v = 0; v < 256; ++v) // positive only, negative only, halves
            x.push_back(v < 128 ? std::fabs(uniform()) + 0.5f : -std::fabs(uniform()) - 2.0f);
        for (int v = 0; v < 256; ++v) // sub-blocks of very different magnitudes
            x.push_back(uniform() * std::pow(10.0f, float(v / 32 % 4 - 3)));
        for (int v = 0; v < 256; ++v) // half zeros, half random
            x.push_back(v % 64 < 32 ? 0.0f : uniform());
        std::vector<std::byte> packed(static_cast<std::size_t>(ggmlBytes(ggml, x.size())));
        quantizeGgml(ggml, x, packed.data());
        std::vector<float> y(x.size());
        dequantizeGgml(ggml, packed.data(), y);
        for (std::size_t b = 0; b < x.size(); b += 256) {
            const std::vector<double> bounds = kQuantErrorBounds(ggml, x.data() + b);
            const std::size_t subSize = 256 / bounds.size();
            for (std::size_t v = 0; v < 256; ++v) {
                const double error = std::fabs(double(x[b + v]) - double(y[b + v]));
                QVERIFY2(std::isfinite(y[b + v]) && error <= bounds[v / subSize],
                         qPrintable(QStringLiteral("block %1 value %2: %3 for %4, error %5 > %6")
                                        .arg(b / 256)
                                        .arg(v)
                                        .arg(double(y[b + v]))
                                        .arg(double(x[b + v]))
                                        .arg(error)
                                        .arg(bounds[v / subSize])));
                if (x[b + v] == 0.0f && b / 256 == 6)
                    QCOMPARE(y[b + v], 0.0f);
            }
        }
        // The constant blocks come back within fp16's relative precision.
        for (std::size_t v = 7 * 256; v < 8 * 256; ++v)
            QVERIFY(std::fabs(y[v] - 0.37f) <= 0.37f * 2e-3f);
        for (std::size_t v = 8 * 256; v < 9 * 256; ++v)
            QVERIFY(std::fabs(y[v] + 1.25f) <= 1.25f * 2e-3f);
        // The bound is not vacuous: on the random blocks it is under 3/4 of a plain grid's
        // full step over the block's range (the error of a grid with no sub-blocks at all).
        for (std::size_t b = 0; b < 6 * 256; b += 256) {
            const auto [lo, hi] =
                std::minmax_element(x.begin() + long(b), x.begin() + long(b) + 256);
            const double levels = ggml == GgmlType::Q2_K ? 3 : ggml == GgmlType::Q3_K ? 7 : 31;
            const std::vector<double> bounds = kQuantErrorBounds(ggml, x.data() + b);
            QVERIFY(*std::max_element(bounds.begin(), bounds.end())
                    < 0.75 * double(*hi - std::min(0.0f, *lo)) / levels);
        }
    }

    // Each reference quantizer reproduces random weights within its grid's step.
    void referenceQuantizers_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("relativeStep"); // max error / max |x| of a block, at most
        // The value of largest magnitude maps to −8: one of the other sign clips at +7, a step.
        QTest::newRow("Q4_0") << int(GgmlType::Q4_0) << 1.0 / 8 * 1.05;
        QTest::newRow("Q4_1") << int(GgmlType::Q4_1) << 2.0 / 15 / 2 * 1.01;
        // Half a step, plus |q| ≤ 127 times the fp16 rounding of d (2^-11 relative).
        QTest::newRow("Q8_0") << int(GgmlType::Q8_0) << 0.57 / 127;
        // Sub-block scales rounded to 6 bits: a step of up to ~1.1× the ideal one.
        QTest::newRow("Q4_K") << int(GgmlType::Q4_K) << 2.0 / 15 * 0.6;
        QTest::newRow("Q6_K") << int(GgmlType::Q6_K) << 1.0 / 32 * 0.6;
        // Half a step over the sub-block's range (≤ 2 max |x|) plus the rounded-up scales.
        QTest::newRow("Q2_K") << int(GgmlType::Q2_K) << 2.0 / 3 / 2 * 1.15;
        QTest::newRow("Q3_K") << int(GgmlType::Q3_K) << 1.0 / 3 / 2 * 1.1;
        QTest::newRow("Q5_K") << int(GgmlType::Q5_K) << 2.0 / 31 / 2 * 1.1;
    }
    void referenceQuantizers()
    {
        QFETCH(int, type);
        QFETCH(double, relativeStep);
        const auto ggml = static_cast<GgmlType>(type);
        Xoshiro256 random(7);
        std::vector<float> x(1024);
        for (float& v : x)
            v = static_cast<float>(random.uniform() * 2.0 - 1.0)
                * (random.uniform() < 0.05 ? 5.0f : 1.0f);
        std::vector<std::byte> packed(static_cast<std::size_t>(ggmlBytes(ggml, x.size())));
        quantizeGgml(ggml, x, packed.data());
        std::vector<float> y(x.size());
        dequantizeGgml(ggml, packed.data(), y);
        const std::size_t block = static_cast<std::size_t>(ggmlTraits(ggml).blockSize);
        for (std::size_t b = 0; b < x.size(); b += block) {
            float amax = 0.0f;
            float maxError = 0.0f;
            for (std::size_t j = b; j < b + block; ++j) {
                amax = std::max(amax, std::fabs(x[j]));
                maxError = std::max(maxError, std::fabs(x[j] - y[j]));
            }
            QVERIFY2(maxError <= relativeStep * amax,
                     qPrintable(QStringLiteral("block %1: error %2 > %3 × %4")
                                    .arg(b / block)
                                    .arg(maxError)
                                    .arg(relativeStep)
                                    .arg(amax)));
        }
    }

    void storageChoice()
    {
        const auto g32 = [](int bits, bool sym) {
            return QuantScheme::fromGroupSizeCode(bits, sym, 32);
        };
        QCOMPARE(GgufExporter::storageFor(g32(4, true), 64, true, false).type, GgmlType::Q4_0);
        QVERIFY(GgufExporter::storageFor(g32(4, true), 64, true, false).fromCodes);
        QCOMPARE(GgufExporter::storageFor(g32(4, false), 64, false, false).type, GgmlType::Q4_1);
        QCOMPARE(GgufExporter::storageFor(g32(5, true), 64, true, false).type, GgmlType::Q5_0);
        QCOMPARE(GgufExporter::storageFor(g32(5, false), 64, false, false).type, GgmlType::Q5_1);
        QCOMPARE(GgufExporter::storageFor(g32(8, true), 64, true, false).type, GgmlType::Q8_0);
        // Rows not a multiple of 32: F32, exact.
        QCOMPARE(GgufExporter::storageFor(g32(8, true), 172, true, false).type, GgmlType::F32);
        QVERIFY(!GgufExporter::storageFor(g32(8, true), 172, true, false).fromCodes);
        // Other groups: re-quantized, K-quants when rows are a multiple of 256.
        const QuantScheme g128 = QuantScheme::fromGroupSizeCode(4, true, 128);
        QCOMPARE(GgufExporter::storageFor(g128, 512, true, false).type, GgmlType::Q4_K);
        QCOMPARE(GgufExporter::storageFor(g128, 128, true, false).type, GgmlType::Q4_1);
        QCOMPARE(
            GgufExporter::storageFor(QuantScheme::fromGroupSizeCode(6, true, -1), 256, true, false)
                .type,
            GgmlType::Q6_K);
        QCOMPARE(GgufExporter::storageFor(g32(4, true), 64, true, true).type, GgmlType::Q4_1);
        QVERIFY(!GgufExporter::storageFor(g32(4, true), 64, true, true).fromCodes);
        // 2, 3 and 5 bits on rows of whole k-quant blocks: Q2_K, Q3_K, Q5_K; otherwise the
        // 32-value types that hold them (Q4_1, Q8_0), or F32.
        const auto asym128 = [](int bits) {
            return QuantScheme::fromGroupSizeCode(bits, false, 128);
        };
        QCOMPARE(GgufExporter::storageFor(asym128(2), 512, false, false).type, GgmlType::Q2_K);
        QCOMPARE(GgufExporter::storageFor(asym128(3), 256, false, false).type, GgmlType::Q3_K);
        QCOMPARE(GgufExporter::storageFor(asym128(5), 768, false, false).type, GgmlType::Q5_K);
        QCOMPARE(GgufExporter::storageFor(asym128(6), 768, false, false).type, GgmlType::Q6_K);
        QVERIFY(!GgufExporter::storageFor(asym128(3), 256, false, false).fromCodes);
        QCOMPARE(GgufExporter::storageFor(asym128(2), 128, false, false).type, GgmlType::Q4_1);
        QCOMPARE(GgufExporter::storageFor(asym128(3), 384, false, false).type, GgmlType::Q4_1);
        QCOMPARE(GgufExporter::storageFor(asym128(5), 128, false, false).type, GgmlType::Q8_0);
        QCOMPARE(GgufExporter::storageFor(asym128(3), 100, false, false).type, GgmlType::F32);
        QCOMPARE(GgufExporter::storageFor(asym128(7), 512, false, false).type, GgmlType::Q8_0);
        // 3 bits in groups of 32 (no 3-bit type holds codes) and 5 bits with act-order.
        QCOMPARE(GgufExporter::storageFor(g32(3, true), 256, true, false).type, GgmlType::Q3_K);
        QCOMPARE(GgufExporter::storageFor(g32(5, false), 256, false, true).type, GgmlType::Q5_K);
        // …while 5-bit groups of 32 keep their codes.
        QCOMPARE(GgufExporter::storageFor(g32(5, true), 256, true, false).type, GgmlType::Q5_0);
        QVERIFY(GgufExporter::storageFor(g32(5, true), 256, true, false).fromCodes);
        // llama.h's llama_ftype.
        QCOMPARE(GgufExporter::fileTypeOf(GgmlType::Q2_K), 10u); // MOSTLY_Q2_K
        QCOMPARE(GgufExporter::fileTypeOf(GgmlType::Q3_K), 12u); // MOSTLY_Q3_K_M
        QCOMPARE(GgufExporter::fileTypeOf(GgmlType::Q4_K), 15u); // MOSTLY_Q4_K_M
        QCOMPARE(GgufExporter::fileTypeOf(GgmlType::Q5_K), 17u); // MOSTLY_Q5_K_M
        QCOMPARE(GgufExporter::fileTypeOf(GgmlType::Q6_K), 18u);
        // ggml.h's type ids and block sizes.
        QCOMPARE(int(GgmlType::Q2_K), 10);
        QCOMPARE(int(GgmlType::Q3_K), 11);
        QCOMPARE(int(GgmlType::Q5_K), 13);
        QCOMPARE(ggmlBytes(GgmlType::Q2_K, 512), std::uint64_t(2 * 84));
        QCOMPARE(ggmlBytes(GgmlType::Q3_K, 512), std::uint64_t(2 * 110));
        QCOMPARE(ggmlBytes(GgmlType::Q5_K, 512), std::uint64_t(2 * 176));
    }

    void nameMapAndPermutation()
    {
        QCOMPARE(llamaGgufTensorName(QStringLiteral("model.layers.3.self_attn.q_proj.weight")),
                 QStringLiteral("blk.3.attn_q.weight"));
        QCOMPARE(
            llamaGgufTensorName(QStringLiteral("model.layers.0.post_attention_layernorm.weight")),
            QStringLiteral("blk.0.ffn_norm.weight"));
        QCOMPARE(llamaGgufTensorName(QStringLiteral("model.embed_tokens.weight")),
                 QStringLiteral("token_embd.weight"));
        QCOMPARE(llamaGgufTensorName(QStringLiteral("lm_head.weight")),
                 QStringLiteral("output.weight"));
        QCOMPARE(llamaHfTensorName(QStringLiteral("blk.12.ffn_down.weight")),
                 QStringLiteral("model.layers.12.mlp.down_proj.weight"));
        QVERIFY(llamaGgufTensorName(QStringLiteral("model.layers.0.self_attn.rotary_emb.inv_freq"))
                    .isEmpty());
        // One head of 8 rows: GGUF rows 0 … 7 are HF rows 0, 4, 1, 5, 2, 6, 3, 7
        // (convert_hf_to_gguf: reshape(1, 2, 4).swapaxes(1, 2)).
        const std::int64_t expected[] = {0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15};
        for (std::int64_t r = 0; r < 16; ++r)
            QCOMPARE(llamaHfRowOfGgufRow(r, 16, 2), expected[r]);
    }

    // ==== the demo model's file =================================================================

    void structure()
    {
        const auto file = GgufFile::open(m_gguf);
        QCOMPARE(file->version(), 3u);
        QCOMPARE(file->alignment(), 32u);
        QCOMPARE(file->dataOffset() % 32, std::uint64_t(0));
        const QByteArray bytes = readAll(m_gguf);
        QCOMPARE(bytes.left(4), QByteArray("GGUF"));
        QCOMPARE(QFileInfo(m_gguf).size() % 32, 0);

        auto typeOf = [&](const char* key) {
            const GgufValue* value = file->find(QLatin1String(key));
            return value ? int(value->type) : -1;
        };
        QCOMPARE(file->requireString(QStringLiteral("general.architecture")),
                 QStringLiteral("llama"));
        QCOMPARE(file->requireString(QStringLiteral("general.name")),
                 QStringLiteral("stories260K"));
        QCOMPARE(file->requireInteger(QStringLiteral("general.file_type")), 2); // MOSTLY_Q4_0
        const std::pair<const char*, std::int64_t> u32Keys[] = {
            {"general.alignment", 32},
            {"llama.context_length", 512},
            {"llama.embedding_length", 64},
            {"llama.block_count", 5},
            {"llama.feed_forward_length", 172},
            {"llama.attention.head_count", 8},
            {"llama.attention.head_count_kv", 4},
            {"llama.rope.dimension_count", 8},
            {"llama.vocab_size", 512},
            {"tokenizer.ggml.bos_token_id", 1},
            {"tokenizer.ggml.eos_token_id", 2},
            {"tokenizer.ggml.unknown_token_id", 0},
        };
        for (const auto& [key, value] : u32Keys) {
            QCOMPARE(typeOf(key), int(GgufValueType::U32));
            QCOMPARE(file->requireInteger(QLatin1String(key)), value);
        }
        QCOMPARE(typeOf("llama.attention.layer_norm_rms_epsilon"), int(GgufValueType::F32));
        QCOMPARE(file->requireReal(QStringLiteral("llama.attention.layer_norm_rms_epsilon")),
                 double(1e-5f));
        QCOMPARE(file->requireReal(QStringLiteral("llama.rope.freq_base")), 10000.0);
        QCOMPARE(file->requireString(QStringLiteral("tokenizer.ggml.model")),
                 QStringLiteral("llama"));
        QCOMPARE(typeOf("tokenizer.ggml.add_bos_token"), int(GgufValueType::Bool));
        const GgufValue& tokens =
            file->requireArray(QStringLiteral("tokenizer.ggml.tokens"), GgufValueType::String, 512);
        QCOMPARE(tokens.strings.at(1), QByteArray("<s>"));
        file->requireArray(QStringLiteral("tokenizer.ggml.scores"), GgufValueType::F32, 512);
        const GgufValue& types = file->requireArray(QStringLiteral("tokenizer.ggml.token_type"),
                                                    GgufValueType::I32, 512);
        QCOMPARE(types.integers[0], std::int64_t(2)); // <unk>: UNKNOWN
        QCOMPARE(types.integers[1], std::int64_t(3)); // <s>: CONTROL

        // Tensors: 2 + 9 per block (tied embeddings: no output.weight), names, types, dims.
        QCOMPARE(file->tensors().size(), std::size_t(2 + 9 * 5));
        QVERIFY(!file->findTensor(QStringLiteral("output.weight")));
        auto check = [&](const char* name, GgmlType type, std::vector<std::int64_t> dims) {
            const GgufTensorInfo* tensor = file->findTensor(QLatin1String(name));
            QVERIFY2(tensor, name);
            QCOMPARE(tensor->type, type);
            QCOMPARE(tensor->dims, dims);
            QCOMPARE(tensor->offset % 32, std::uint64_t(0));
        };
        check("token_embd.weight", GgmlType::F32, {64, 512});
        check("output_norm.weight", GgmlType::F32, {64});
        for (int b = 0; b < 5; ++b) {
            const QByteArray blk = "blk." + QByteArray::number(b) + ".";
            check(blk + "attn_norm.weight", GgmlType::F32, {64});
            check(blk + "ffn_norm.weight", GgmlType::F32, {64});
            check(blk + "attn_q.weight", GgmlType::Q4_0, {64, 64});
            check(blk + "attn_k.weight", GgmlType::Q4_0, {64, 32});
            check(blk + "attn_v.weight", GgmlType::Q4_0, {64, 32});
            check(blk + "attn_output.weight", GgmlType::Q4_0, {64, 64});
            check(blk + "ffn_gate.weight", GgmlType::Q4_0, {64, 172});
            check(blk + "ffn_up.weight", GgmlType::Q4_0, {64, 172});
            check(blk + "ffn_down.weight", GgmlType::F32, {172, 64}); // rows of 172: no block
        }

        // The first block of attn_v (not permuted): the run's codes and fp16 scale, by hand.
        const QuantizedTensor& v =
            m_run->find(QStringLiteral("model.layers.0.self_attn.v_proj"))->tensor;
        const auto raw = file->bytes(*file->findTensor(QStringLiteral("blk.0.attn_v.weight")));
        const std::uint16_t d = floatToHalf(v.params[0].scale);
        QCOMPARE(std::uint8_t(raw[0]), std::uint8_t(d & 0xFF));
        QCOMPARE(std::uint8_t(raw[1]), std::uint8_t(d >> 8));
        for (int j = 0; j < 16; ++j)
            QCOMPARE(std::uint8_t(raw[2 + j]), std::uint8_t(v.codes[j] | (v.codes[j + 16] << 4)));

        // Beside it: recipe, report, model card.
        for (const char* suffix : {".recipe.json", ".report.json", ".README.md"})
            QVERIFY(
                QFileInfo::exists(m_dir.filePath(QStringLiteral("demo") + QLatin1String(suffix))));
        const QString card =
            QString::fromUtf8(readAll(m_dir.filePath(QStringLiteral("demo.README.md"))));
        // The mixture names the roles (every block's), not 35 layer names.
        QVERIFY2(card.contains(QStringLiteral(
                     "| RTN | 4 | 32 | yes | 30 | q_proj, k_proj, v_proj, o_proj, gate_proj, "
                     "up_proj |")),
                 qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("| RTN | 8 | 32 | yes | 5 | down_proj |")),
                 qPrintable(card));
        QVERIFY(card.contains(QStringLiteral("not measured")));
    }

    // Every weight read back (names mapped back, q/k rows un-permuted) equals the run's: the
    // codes with the fp16 scale for Q4_0 / Q4_1, the dequantized weight for F32.
    void reimportEqualsRun_data()
    {
        QTest::addColumn<bool>("symmetric");
        QTest::newRow("Q4_0 (symmetric)") << true;
        QTest::newRow("Q4_1 (asymmetric)") << false;
    }
    void reimportEqualsRun()
    {
        QFETCH(bool, symmetric);
        std::shared_ptr<const QuantizedModel> run = m_run;
        QString path = m_gguf;
        if (!symmetric) {
            run = quantize(mixedPlan(false));
            path = exportAs(CheckpointFormat::Gguf, *run, QStringLiteral("asym.gguf"));
        }
        const auto imported = LoadedModel::open(path);
        QVERIFY(imported->isImported());
        QCOMPARE(imported->sourcePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(imported->inventory().layers().size(), m_demo->inventory().layers().size());
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const QuantizedLayer* q = run->find(layer.name);
            QVERIFY(q);
            const std::vector<float> got =
                imported->readWeight(*imported->inventory().find(layer.name));
            std::vector<float> expected;
            if (layer.role == LayerRole::DownProj) {
                expected = q->dequantizedWeight(); // F32: exact
            } else if (symmetric) {
                expected = test::expectedWeight(q->tensor, DType::F16);
            } else {
                // Q4_1: w = d · q + m with d and m = −scale · zero rounded to fp16.
                const QuantizedTensor& t = q->tensor;
                expected.resize(static_cast<std::size_t>(t.rows * t.cols));
                for (std::int64_t r = 0; r < t.rows; ++r) {
                    for (std::int64_t c = 0; c < t.cols; ++c) {
                        const GridParams& p = t.paramsAt(r, c);
                        const float d = halfToFloat(floatToHalf(p.scale));
                        const float m = halfToFloat(floatToHalf(-p.scale * p.zero));
                        const auto at = static_cast<std::size_t>(r * t.cols + c);
                        expected[at] = static_cast<float>(t.codes[at]) * d + m;
                    }
                }
            }
            QVERIFY2(got == expected, qPrintable(layer.name));
        }
        // Norms and the embedding exactly as stored.
        for (const QString& name :
             {QStringLiteral("model.embed_tokens.weight"), QStringLiteral("model.norm.weight"),
              QStringLiteral("model.layers.2.input_layernorm.weight")}) {
            const auto a = m_demo->checkpoint().require(name);
            const auto b = imported->checkpoint().require(name);
            QVERIFY2(a.file->readFloat(*a.info) == b.file->readFloat(*b.info), qPrintable(name));
        }
    }

    // The criterion: the GGUF, opened through LoadedModel, evaluates to the perplexity of
    // the in-memory quantized model within 1e-3.
    void perplexityMatchesRun()
    {
        const QStringList text = TextDocuments::fromFile(
            QDir(test::dataDir()).filePath(QStringLiteral("tinystories/tinystories_sample.txt")));
        const auto tokenizer = Tokenizer::load(m_demo->directory(), m_demo->spec());
        QuantizedModelHooks hooks(m_run);
        SilentProgress progress;
        const EvaluationResult inMemory =
            PerplexityEvaluator::evaluate(m_demo, *tokenizer, text, {}, &hooks, progress);

        const auto imported = LoadedModel::open(m_gguf);
        const auto importedTokenizer = Tokenizer::load(imported->directory(), imported->spec());
        // The rebuilt tokenizer.model tokenizes as the original.
        for (const QString& document : text.mid(0, 20))
            QCOMPARE(importedTokenizer->encode(document), tokenizer->encode(document));
        QCOMPARE(importedTokenizer->bosId(), tokenizer->bosId());
        QCOMPARE(importedTokenizer->addsBos(), tokenizer->addsBos());
        const EvaluationResult fromFile = PerplexityEvaluator::evaluate(
            imported, *importedTokenizer, text, {}, nullptr, progress);
        qInfo("perplexity: full precision %.6f, in-memory quantized %.6f, GGUF %.6f",
              inMemory.reference.perplexity(), inMemory.modified->perplexity(),
              fromFile.reference.perplexity());
        QCOMPARE(fromFile.reference.tokensScored, inMemory.modified->tokensScored);
        QVERIFY(std::fabs(fromFile.reference.perplexity() - inMemory.modified->perplexity())
                < 1e-3);
        // …and it is the quantized model, not the original.
        QVERIFY(std::fabs(fromFile.reference.perplexity() - inMemory.reference.perplexity())
                > 1e-2);
    }

    void importFolderIsRemoved()
    {
        QString folder;
        {
            const auto imported = LoadedModel::open(m_gguf);
            folder = imported->directory();
            QVERIFY(QFileInfo(folder).isDir());
            QVERIFY(!imported->importNote().isEmpty());
        }
        QVERIFY(!QFileInfo::exists(folder));
    }

    // ==== k-quants in a file =====================================================================

    // A tiny Llama with rows of 256 and 512 inputs (the demo tokenizer's 512 ids), attention at
    // 3 bits, gate/up at 2, down at 5, groups of 128: written as Q3_K, Q2_K and Q5_K.
    void kQuantExport()
    {
        const auto file = GgufFile::open(m_kquantGguf);
        QCOMPARE(file->requireInteger(QStringLiteral("general.file_type")), 10); // MOSTLY_Q2_K
        auto check = [&](const QString& name, GgmlType type, std::vector<std::int64_t> dims) {
            const GgufTensorInfo* tensor = file->findTensor(name);
            QVERIFY2(tensor, qPrintable(name));
            QCOMPARE(tensor->type, type);
            QCOMPARE(tensor->dims, dims);
            QCOMPARE(tensor->byteSize, ggmlBytes(type, std::uint64_t(tensor->elementCount())));
        };
        for (int b = 0; b < 2; ++b) {
            const QString blk = QStringLiteral("blk.%1.").arg(b);
            check(blk + "attn_q.weight", GgmlType::Q3_K, {256, 256});
            check(blk + "attn_k.weight", GgmlType::Q3_K, {256, 128});
            check(blk + "attn_v.weight", GgmlType::Q3_K, {256, 128});
            check(blk + "attn_output.weight", GgmlType::Q3_K, {256, 256});
            check(blk + "ffn_gate.weight", GgmlType::Q2_K, {256, 512});
            check(blk + "ffn_up.weight", GgmlType::Q2_K, {256, 512});
            check(blk + "ffn_down.weight", GgmlType::Q5_K, {512, 256});
        }
        // Every layer warned about as re-quantized to its k-quant, none as larger than planned.
        const QStringList notes = GgufExporter::limitations(*m_kquantRun);
        QCOMPARE(notes.size(), 14);
        for (const QString& note : notes)
            QVERIFY2(note.contains(QStringLiteral("re-quantized"))
                         && !note.contains(QStringLiteral("more than planned"))
                         && (note.contains(QStringLiteral("to Q2_K"))
                             || note.contains(QStringLiteral("to Q3_K"))
                             || note.contains(QStringLiteral("to Q5_K"))),
                     qPrintable(note));

        // Through LoadedModel: every weight is the reader's dequantization (q/k rows back in HF
        // order), which is quantizeGgml of the run's weight read back, within the k-quant grid of
        // the run's weight.
        const auto imported = LoadedModel::open(m_kquantGguf);
        QVERIFY(imported->isImported());
        for (const LinearLayer& layer : m_kquantModel->inventory().layers()) {
            const QuantizedLayer* q = m_kquantRun->find(layer.name);
            QVERIFY(q);
            const QString ggufName = llamaGgufTensorName(layer.weightName);
            const GgufTensorInfo& tensor = *file->findTensor(ggufName);
            const std::vector<float> stored = file->readFloat(tensor);
            const std::int64_t rows = q->tensor.rows;
            const std::int64_t cols = q->tensor.cols;
            int heads = 0;
            if (layer.role == LayerRole::QProj)
                heads = 4;
            else if (layer.role == LayerRole::KProj)
                heads = 2;
            std::vector<float> expected(stored.size());
            for (std::int64_t r = 0; r < rows; ++r) {
                const std::int64_t hfRow = heads ? llamaHfRowOfGgufRow(r, rows, heads) : r;
                std::copy_n(stored.begin() + r * cols, cols, expected.begin() + hfRow * cols);
            }
            QVERIFY2(imported->readWeight(*imported->inventory().find(layer.name)) == expected,
                     qPrintable(layer.name));

            const std::vector<float> run = q->dequantizedWeight();
            std::vector<std::byte> bytes(ggmlBytes(tensor.type, run.size()));
            quantizeGgml(tensor.type, run, bytes.data());
            std::vector<float> requantized(run.size());
            dequantizeGgml(tensor.type, bytes.data(), requantized);
            QVERIFY2(requantized == expected, qPrintable(layer.name));
            for (std::size_t b = 0; b < run.size(); b += 256) {
                const std::vector<double> bounds = kQuantErrorBounds(tensor.type, run.data() + b);
                const std::size_t subSize = 256 / bounds.size();
                for (std::size_t v = 0; v < 256; ++v)
                    QVERIFY2(std::fabs(double(run[b + v]) - double(expected[b + v]))
                                 <= bounds[v / subSize],
                             qPrintable(layer.name));
            }
        }
        // Q3_K/Q2_K/Q5_K take 3.44/2.63/5.5 bits per weight: the file is well under one at Q4_K.
        std::uint64_t quantizedBytes = 0;
        std::uint64_t q4kBytes = 0;
        for (const GgufTensorInfo& tensor : file->tensors()) {
            if (tensor.type == GgmlType::Q2_K || tensor.type == GgmlType::Q3_K
                || tensor.type == GgmlType::Q5_K) {
                quantizedBytes += tensor.byteSize;
                q4kBytes += ggmlBytes(GgmlType::Q4_K, std::uint64_t(tensor.elementCount()));
            }
        }
        QVERIFY2(double(quantizedBytes) < 0.85 * double(q4kBytes),
                 qPrintable(QStringLiteral("%1 vs %2").arg(quantizedBytes).arg(q4kBytes)));
    }

    // The demo model's rows of 64 are no whole k-quant block: a 3-bit plan keeps Q4_1 there (a
    // warning says it holds more bits than planned) and F32 for down_proj's rows of 172.
    void kQuantFallbackOnDemo()
    {
        QuantPlan plan = test::rtnPlan(3, 32, false);
        const auto run = quantize(plan);
        const QString path = exportAs(CheckpointFormat::Gguf, *run, QStringLiteral("demo3.gguf"));
        const auto file = GgufFile::open(path);
        QCOMPARE(file->findTensor(QStringLiteral("blk.0.attn_q.weight"))->type, GgmlType::Q4_1);
        QCOMPARE(file->findTensor(QStringLiteral("blk.4.ffn_up.weight"))->type, GgmlType::Q4_1);
        QCOMPARE(file->findTensor(QStringLiteral("blk.4.ffn_down.weight"))->type, GgmlType::F32);
        QCOMPARE(file->requireInteger(QStringLiteral("general.file_type")), 3); // MOSTLY_Q4_1
        const QStringList notes = GgufExporter::limitations(*run);
        QCOMPARE(notes.size(), 35);
        const QString q = notes.filter(QStringLiteral("layers.0.self_attn.q_proj:")).value(0);
        QVERIFY2(q.contains(QStringLiteral("rows of 64 values are not whole k-quant blocks"))
                     && q.contains(QStringLiteral("to Q4_1: 4 bits per weight, more than planned")),
                 qPrintable(q));
        const QString down = notes.filter(QStringLiteral("layers.0.mlp.down_proj:")).value(0);
        QVERIFY2(down.contains(QStringLiteral("F32")), qPrintable(down));
    }

    // ==== packed folders through LoadedModel ====================================================

    // Plans each format holds for the demo model (whose MLP is 172 wide): GPTQ keeps gate/up
    // (172 outputs are not whole 32-bit words at 4 bits), AWQ quantizes attention only,
    // compressed-tensors stores down_proj per channel (groups of 32 do not divide 172 inputs).
    void packedReimport_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("variant");
        QTest::newRow("gptq") << int(CheckpointFormat::Gptq) << QStringLiteral("keep gate/up");
        QTest::newRow("awq") << int(CheckpointFormat::Awq) << QStringLiteral("attention only");
        QTest::newRow("compressed-tensors")
            << int(CheckpointFormat::CompressedTensors) << QStringLiteral("down per channel");
    }
    void packedReimport()
    {
        QFETCH(int, format);
        QFETCH(QString, variant);
        QuantPlan plan = mixedPlan();
        if (variant == QLatin1String("keep gate/up")) {
            plan.addOverride(test::keepOverride(QStringLiteral("re:.*mlp\\.(gate|up)_proj")));
        } else if (variant == QLatin1String("attention only")) {
            plan = test::rtnPlan(4, 32, true);
            plan.addOverride(test::keepOverride(QStringLiteral("re:.*mlp\\..*")));
        } else {
            PlanOverride down = test::planOverride(QStringLiteral("re:.*mlp\\.down_proj"));
            down.groupSizeCode = -1;
            plan.addOverride(down);
        }
        const auto run = quantize(plan);
        const auto chosen = static_cast<CheckpointFormat>(format);
        const QString out = exportAs(
            chosen, *run, QStringLiteral("packed-%1").arg(CheckpointExport::formatKey(chosen)));
        std::shared_ptr<const LoadedModel> imported;
        const QString error = test::errorOf([&] { imported = LoadedModel::open(out); });
        QVERIFY2(error.isNull(), qPrintable(error));
        QVERIFY(imported->isImported());
        QVERIFY(
            imported->importNote().contains(CheckpointImport::kindName(imported->importKind())));
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const QuantizedLayer* q = run->find(layer.name);
            const DType scaleType =
                chosen == CheckpointFormat::CompressedTensors ? layer.dtype : DType::F16;
            const std::vector<float> expected =
                q ? test::expectedWeight(q->tensor, scaleType) : m_demo->readWeight(layer);
            QVERIFY2(imported->readWeight(*imported->inventory().find(layer.name)) == expected,
                     qPrintable(layer.name));
        }
        // Every export has its model card: the mixture, and no perplexity it did not measure.
        const QString card =
            QString::fromUtf8(readAll(QDir(out).filePath(QStringLiteral("README.md"))));
        QVERIFY2(card.contains(QStringLiteral("| RTN | 4 | 32 | yes |")), qPrintable(card));
        QVERIFY(card.contains(QStringLiteral("not measured")));
        // The tokenizer came along.
        QVERIFY(QFileInfo::exists(
            QDir(imported->directory()).filePath(QStringLiteral("tokenizer.model"))));
    }

    // ==== hostile files =========================================================================

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // in the message, beside the file name
        const QByteArray good = readAll(m_gguf);
        const auto file = GgufFile::open(m_gguf);
        QTest::newRow("truncated header") << good.left(10) << QStringLiteral("tensor count");
        QTest::newRow("truncated metadata")
            << good.left(2000) << QStringLiteral("\"tokenizer.ggml.tokens\"");
        QByteArray magic = good;
        magic[0] = 'X';
        QTest::newRow("bad magic") << magic << QStringLiteral("magic");
        QByteArray version = good;
        version[4] = 2;
        QTest::newRow("wrong version") << version << QStringLiteral("version 2");
        QTest::newRow("tensor past end of file")
            << good.left(static_cast<qsizetype>(file->dataOffset() + 100))
            << QStringLiteral("run past the end of the data section");
        // The type field of the first tensor info: after its name, rank, dims.
        const GgufTensorInfo& first = file->tensors().front();
        const QByteArray name = first.name.toUtf8();
        QByteArray lengthAndName(8, '\0');
        const auto nameLength = static_cast<std::uint64_t>(name.size());
        std::memcpy(lengthAndName.data(), &nameLength, 8);
        lengthAndName += name;
        const qsizetype nameAt = good.indexOf(lengthAndName) + 8;
        QVERIFY(nameAt > 8);
        QByteArray unknownType = good;
        const qsizetype typeAt =
            nameAt + name.size() + 4 + 8 * static_cast<qsizetype>(first.dims.size());
        const std::uint32_t bogus = 99;
        std::memcpy(unknownType.data() + typeAt, &bogus, 4);
        QTest::newRow("unknown type") << unknownType << QStringLiteral("ggml type 99");
        QByteArray misaligned = good;
        const std::uint64_t offset = 4;
        std::memcpy(misaligned.data() + typeAt + 4, &offset, 8);
        QTest::newRow("misaligned offset") << misaligned << QStringLiteral("alignment");
        // A k-quant type on rows that are no whole 256-value block.
        QByteArray q2kRows = good;
        const std::uint32_t q2k = 10;
        std::memcpy(q2kRows.data() + typeAt, &q2k, 4);
        QTest::newRow("Q2_K on rows of 64")
            << q2kRows << QStringLiteral("rows of 64 values are not a whole number of Q2_K blocks");

        // The k-quant file cut in the middle of the last tensor of each k-quant type.
        const QByteArray kquant = readAll(m_kquantGguf);
        const auto kquantFile = GgufFile::open(m_kquantGguf);
        for (const GgmlType type : {GgmlType::Q2_K, GgmlType::Q3_K, GgmlType::Q5_K}) {
            const GgufTensorInfo* last = nullptr;
            for (const GgufTensorInfo& tensor : kquantFile->tensors()) {
                if (tensor.type == type)
                    last = &tensor;
            }
            QVERIFY(last);
            const auto cut = kquantFile->dataOffset() + last->offset + last->byteSize / 2;
            QTest::addRow("truncated %s tensor", qPrintable(ggmlTypeName(type)))
                << kquant.left(static_cast<qsizetype>(cut))
                << QStringLiteral("tensor \"%1\": its data").arg(last->name);
        }
    }
    void hostile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(QStringLiteral("bad.gguf"));
        writeAll(path, bytes);
        const QString message = test::errorOf([&] { GgufFile::open(path); });
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        // Through LoadedModel too: the same refusal, no crash, no folder left behind.
        const QString opened = test::errorOf([&] { LoadedModel::open(path); });
        QVERIFY2(!opened.isEmpty(), qPrintable(opened));
    }

    // Cut and corrupted files are refused with an Error or read (garbage in, no crash): the demo
    // file cut within its header and metadata, the k-quant file anywhere, often whole, so that
    // corrupted Q2_K/Q3_K/Q5_K blocks are dequantized too.
    void fuzz_data()
    {
        QTest::addColumn<bool>("kquants");
        QTest::newRow("demo") << false;
        QTest::newRow("k-quants") << true;
    }
    void fuzz()
    {
        QFETCH(bool, kquants);
        const QByteArray good = readAll(kquants ? m_kquantGguf : m_gguf);
        Xoshiro256 random(11);
        const QString path = m_dir.filePath(QStringLiteral("fuzz.gguf"));
        for (int i = 0; i < 200; ++i) {
            const double length = !kquants                 ? 24 + random.uniform() * 20000
                                  : random.uniform() < 0.5 ? good.size()
                                                           : 24 + random.uniform() * good.size();
            QByteArray bytes =
                good.left(static_cast<qsizetype>(std::min<double>(good.size(), length)));
            for (int k = 0; k < 4; ++k) {
                const auto at = static_cast<qsizetype>(random.uniform() * bytes.size());
                bytes[at] = static_cast<char>(random.uniform() * 256);
            }
            writeAll(path, bytes);
            try {
                const auto file = GgufFile::open(path);
                for (const GgufTensorInfo& tensor : file->tensors())
                    (void)file->readFloat(tensor);
            } catch (const Error&) {
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGgufExport)
#include "tst_gguf_export.moc"
