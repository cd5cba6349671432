// GgufExporter, GgufFile and CheckpointImport: the ggml block layouts against bytes computed by
// hand (Q4_0, Q4_1, Q5_0, Q8_0); the reference quantizers (Q4_0, Q4_1, Q8_0, Q4_K, Q6_K) within
// their step on random data; the demo model's GGUF (4-bit g32 symmetric everywhere, down_proj at
// 8 bits) checked field by field (header, metadata keys and types, tensor names, types, dims,
// alignment); read back through LoadedModel every weight equals the run's (exactly, with the scales
// rounded to fp16) and the model evaluates to the in-memory quantized model's perplexity; GPTQ,
// AWQ and compressed-tensors exports re-imported through LoadedModel equal the run exactly;
// hostile GGUF files refused with an Error naming the file and the field.

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

#include <cmath>
#include <cstring>

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

} // namespace

class TestGgufExport : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_demo;
    std::shared_ptr<const QuantizedModel> m_run; // mixedPlan()
    QTemporaryDir m_dir;
    QString m_gguf;

    std::shared_ptr<const QuantizedModel> quantize(const QuantPlan& plan)
    {
        SilentProgress progress;
        return QuantizationPipeline::run(m_demo, plan, {}, {}, progress);
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

    void fuzz()
    {
        const QByteArray good = readAll(m_gguf);
        Xoshiro256 random(11);
        const QString path = m_dir.filePath(QStringLiteral("fuzz.gguf"));
        for (int i = 0; i < 200; ++i) {
            QByteArray bytes = good.left(static_cast<qsizetype>(
                std::min<double>(good.size(), 24 + random.uniform() * 20000)));
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
