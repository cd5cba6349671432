// GptqExporter and GptqCheckpoint: the bit layout of qweight/qzeros against words computed by hand
// (2, 3, 4 and 8 bits, v1 and v2 zero points); a mixed plan on the demo model (4-bit groups of 32,
// the MLP at 8 bits, one layer at 3 bits, one kept) with RTN and with GPTQ act-order, checked
// tensor by tensor, its config and `dynamic` rules applied with Python's re.match semantics, and
// read back exactly equal to the run's weights with float16 scales; AWQ and SmoothQuant scales
// folded into the norms and linears before them (the read-back model computes what the run's
// model computes); the refusals (shapes that do not pack, v1 with asymmetric layers, bits GPTQ
// lacks) before anything is written; hostile GPTQ files; staging and cancel.

#include "core/export/export_folder.h"
#include "core/export/gptq_exporter.h"
#include "core/export/packed_export.h"
#include "core/io/gptq_checkpoint.h"
#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/smooth_quant.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/quick_check.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace qb;

namespace {

using Words = std::vector<std::uint32_t>;

Words packed(const std::vector<std::uint8_t>& values, int bits)
{
    Words words(static_cast<std::size_t>(
        GptqPacking::wordsFor(static_cast<std::int64_t>(values.size()), bits)));
    GptqPacking::pack(values, bits, words);
    return words;
}

// How a loader reads a module's setting from the config: the rules it matches (the exporter
// promises at most one, so their order does not matter), then the top level. Returns an empty
// object for a module a "-:" rule leaves unquantized.
QJsonObject settingsFromConfig(const QJsonObject& config, const QString& module, int* matches)
{
    QJsonObject settings{{"bits", config["bits"]},
                         {"group_size", config["group_size"]},
                         {"sym", config["sym"]},
                         {"desc_act", config["desc_act"]}};
    *matches = 0;
    QJsonObject result = settings;
    const QJsonObject dynamic = config["dynamic"].toObject();
    for (auto it = dynamic.begin(); it != dynamic.end(); ++it) {
        const QString key = it.key();
        const bool exclude = key.startsWith("-:");
        const QString pattern = key.startsWith("-:") || key.startsWith("+:") ? key.mid(2) : key;
        if (!test::pythonReMatch(pattern, module))
            continue;
        ++*matches;
        if (exclude) {
            result = {};
        } else {
            result = settings;
            const QJsonObject overrides = it.value().toObject();
            for (auto o = overrides.begin(); o != overrides.end(); ++o)
                result.insert(o.key(), o.value());
        }
    }
    return result;
}

// What the plan asks of a layer, in the config's words (empty: not quantized).
QJsonObject settingsFromPlan(const QuantPlan& plan, const QString& layer)
{
    const LayerQuantConfig config = plan.resolve(layer);
    if (config.method == QuantMethod::None)
        return {};
    const QuantScheme scheme = methodUsesScheme(config.method) ? config.scheme : w8a8WeightScheme();
    const bool grouped = scheme.granularity == Granularity::Group;
    return QJsonObject{{"bits", scheme.bits},
                       {"group_size", grouped ? scheme.groupSize : -1},
                       {"sym", scheme.symmetric},
                       {"desc_act", config.method == QuantMethod::Gptq && config.actOrder
                                        && !config.staticGroups && grouped}};
}

} // namespace

class TestGptqExport : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_demo;
    std::vector<std::vector<int>> m_windows; // 19 windows of ≤ 256 tokens of TinyStories

    std::shared_ptr<const QuantizedModel> quantize(const QuantPlan& plan,
                                                   const std::shared_ptr<const LoadedModel>& model,
                                                   bool calibrated = true)
    {
        SilentProgress progress;
        return QuantizationPipeline::run(
            model, plan, calibrated ? m_windows : decltype(m_windows){}, {}, progress);
    }

    // The plan of the structural test: 4-bit asymmetric groups of 32, gate/up at 8 bits,
    // down_proj at 8 bits symmetric, block 4's o_proj at 3 bits, block 2's o_proj kept.
    static QuantPlan mixedPlan(QuantMethod method)
    {
        QuantPlan plan;
        plan.defaults.method = method;
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        plan.defaults.actOrder = method == QuantMethod::Gptq;
        plan.calibration.sequenceLength = 256;
        PlanOverride gateUp = test::planOverride("re:.*mlp\\.(gate|up)_proj");
        gateUp.bits = 8;
        plan.addOverride(gateUp);
        PlanOverride down = test::planOverride("re:.*mlp\\.down_proj");
        down.bits = 8;
        down.symmetric = true;
        plan.addOverride(down);
        PlanOverride kept = test::planOverride("model.layers.2.self_attn.o_proj");
        kept.method = QuantMethod::None;
        plan.addOverride(kept);
        PlanOverride threeBits = test::planOverride("model.layers.4.self_attn.o_proj");
        threeBits.bits = 3;
        plan.addOverride(threeBits);
        return plan;
    }

    // Every module of `quantized`'s model read back from `outDir` through GptqCheckpoint equals
    // the run's weight with float16 scales (quantized) or the source weight (kept), bit for bit.
    static void verifyReadBack(const QuantizedModel& quantized, const QString& outDir,
                               const std::map<QString, std::vector<float>>& divisors = {})
    {
        test::verifyReadBack(
            quantized, test::dequantizedWeightsOf(GptqCheckpoint::open(outDir)),
            [](const LinearLayer&) { return DType::F16; }, divisors);
    }

    // The GPTQ export at `gptqDir` as a plain float checkpoint at `floatDir`: every quantized
    // module replaced by the reader's float32 weight, everything else copied.
    static void writeFloatCopy(const QString& gptqDir, const LayerInventory& inventory,
                               const QString& floatDir)
    {
        const auto gptq = GptqCheckpoint::open(gptqDir);
        test::writeFloatCopy(gptqDir, inventory, gptq->quantizedModules(),
                             {"qweight", "qzeros", "scales", "g_idx"},
                             test::dequantizedWeightsOf(gptq), floatDir);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = LoadedModel::open(test::demoModelDir());
        m_windows = test::demoCalibrationWindows(*m_demo);
        QCOMPARE(m_windows.size(), std::size_t(19));
    }

    // ---- bit layout ---------------------------------------------------------------------------

    void packedWords_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<QList<int>>("values");
        QTest::addColumn<QList<quint32>>("words");
        QTest::newRow("4-bit 0..7")
            << 4 << QList<int>{0, 1, 2, 3, 4, 5, 6, 7} << QList<quint32>{0x76543210u};
        QTest::newRow("4-bit 15, 0, …")
            << 4 << QList<int>{15, 0, 0, 0, 0, 0, 0, 9} << QList<quint32>{0x9000000Fu};
        QTest::newRow("2-bit") << 2 << QList<int>{0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3}
                               << QList<quint32>{0xC0001BE4u};
        QTest::newRow("8-bit") << 8 << QList<int>{0x01, 0x80, 0xFF, 0x10, 7, 0, 0, 0}
                               << QList<quint32>{0x10FF8001u, 0x00000007u};
        // 3 bits: one 96-bit stream over three words. Value 10 sits at stream bits 30-32: its
        // low two bits end word 0, its high bit opens word 1. Value 21 at bits 63-65: its low bit
        // ends word 1, its high bits open word 2.
        QList<int> three(32, 0);
        three[10] = 7;
        QTest::newRow("3-bit value 10")
            << 3 << three << QList<quint32>{0xC0000000u, 0x00000001u, 0u};
        three[10] = 0;
        three[21] = 5; // 0b101: bit 63 set, bit 64 clear, bit 65 set
        QTest::newRow("3-bit value 21")
            << 3 << three << QList<quint32>{0u, 0x80000000u, 0x00000002u};
        three[0] = 1;
        three[1] = 6;
        three[31] = 4;
        QTest::newRow("3-bit ends")
            << 3 << three << QList<quint32>{0x00000031u, 0x80000000u, 0x80000002u};
    }

    void packedWords()
    {
        QFETCH(int, bits);
        QFETCH(QList<int>, values);
        QFETCH(QList<quint32>, words);
        const std::vector<std::uint8_t> codes(values.begin(), values.end());
        QVERIFY(GptqPacking::fillsWords(static_cast<std::int64_t>(codes.size()), bits));
        const Words result = packed(codes, bits);
        QCOMPARE(QList<quint32>(result.begin(), result.end()), words);
        std::vector<std::uint8_t> back(codes.size());
        GptqPacking::unpack(result, bits, back);
        QCOMPARE(back, codes);
    }

    // Every code of every width survives pack + unpack, wherever it sits in the stream.
    void packRoundTrip()
    {
        for (int bits : {2, 3, 4, 8}) {
            std::vector<std::uint8_t> codes(96);
            for (std::size_t i = 0; i < codes.size(); ++i)
                codes[i] = static_cast<std::uint8_t>((i * 7 + i / 5) % (1u << bits));
            std::vector<std::uint8_t> back(codes.size());
            GptqPacking::unpack(packed(codes, bits), bits, back);
            QCOMPARE(back, codes);
        }
        QVERIFY(!GptqPacking::fillsWords(16, 3));
        QVERIFY(GptqPacking::fillsWords(32, 3));
        QVERIFY(!GptqPacking::fillsWords(172, 4));
        QVERIFY(GptqPacking::fillsWords(172, 8));
    }

    // A hand-made 4-bit tensor [N = 8, K = 16] in two groups of 8: qweight packs each output's
    // inputs down its column, qzeros packs the outputs of a group along a row, v1 stores zero − 1.
    void packLayer_data()
    {
        QTest::addColumn<bool>("v1");
        QTest::addColumn<bool>("actOrder");
        QTest::addColumn<bool>("folded");
        QTest::newRow("v2") << false << false << false;
        QTest::newRow("v1") << true << false << false;
        QTest::newRow("v2 act-order g_idx") << false << true << false;
        QTest::newRow("v2 scales divided by a fold") << false << false << true;
    }

    void packLayer()
    {
        QFETCH(bool, v1);
        QFETCH(bool, actOrder);
        QFETCH(bool, folded);
        QuantizedTensor t = test::handMadeTensor();
        QCOMPARE(t.groupsPerRow, std::int64_t(2));
        if (actOrder) {
            t.groupIndex.assign(16, 0);
            for (int k : {1, 4, 5, 9, 10, 11, 14, 15})
                t.groupIndex[static_cast<std::size_t>(k)] = 1;
        }
        std::vector<float> divisor;
        if (folded)
            divisor = {2.0f, 0.5f, 3.0f, 1.0f, 1.5f, 7.0f, 0.25f, 1.0f};

        const GptqExporter::PackedLayer p =
            GptqExporter::pack(t, v1 ? GptqFormat::V1 : GptqFormat::V2, "layer", divisor);
        QCOMPARE(p.groups, std::int64_t(2));
        // qweight [16 · 4 / 32 = 2, 8]: word w of column n holds inputs 8w … 8w + 7 of output n.
        QCOMPARE(p.qweight.size(), std::size_t(16));
        QCOMPARE(p.qweight[0 * 8 + 0], 0x76543210u); // output 0, inputs 0-7: codes 0 … 7
        QCOMPARE(p.qweight[1 * 8 + 0], 0xFEDCBA98u); // output 0, inputs 8-15: codes 8 … 15
        QCOMPARE(p.qweight[0 * 8 + 1], 0x87654321u); // output 1, inputs 0-7: codes 1 … 8
        QCOMPARE(p.qweight[1 * 8 + 7], 0x6543210Fu); // output 7, inputs 8-15: 15, 0, 1, … 6
        // qzeros [2, 8 · 4 / 32 = 1]: output n of a group at bits 4n.
        QCOMPARE(p.qzeros.size(), std::size_t(2));
        QCOMPARE(p.qzeros[0], v1 ? 0x76543210u : 0x87654321u);
        QCOMPARE(p.qzeros[1], v1 ? 0xEDCBA987u : 0xFEDCBA98u);
        // scales [2, 8] in float16.
        for (std::int64_t g = 0; g < 2; ++g) {
            for (std::int64_t n = 0; n < 8; ++n) {
                float scale = t.params[static_cast<std::size_t>(n * 2 + g)].scale;
                if (folded)
                    scale /= divisor[static_cast<std::size_t>(n)];
                QCOMPARE(p.scales[static_cast<std::size_t>(g * 8 + n)], floatToHalf(scale));
            }
        }
        const std::vector<std::int32_t> expectedGroups =
            actOrder ? t.groupIndex
                     : std::vector<std::int32_t>{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
        QCOMPARE(p.gIdx, expectedGroups);
    }

    void packRefuses()
    {
        // K = 12 does not fill 4-bit words (8 per word).
        QuantizedTensor t =
            QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(4, false, 4), 8, 12);
        QString message = test::errorOf([&] { GptqExporter::pack(t, GptqFormat::V2, "x.proj"); });
        QVERIFY2(message.contains("x.proj [8, 12]") && message.contains("multiples of 8"),
                 qPrintable(message));
        // 3 bits need multiples of 32.
        t = QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(3, false, 8), 32, 16);
        message = test::errorOf([&] { GptqExporter::pack(t, GptqFormat::V2, "y.proj"); });
        QVERIFY2(message.contains("y.proj [32, 16]") && message.contains("multiples of 32"),
                 qPrintable(message));
        // 5 bits do not exist in GPTQ.
        t = QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(5, false, 8), 32, 32);
        message = test::errorOf([&] { GptqExporter::pack(t, GptqFormat::V2, "z.proj"); });
        QVERIFY2(message.contains("z.proj: 5-bit"), qPrintable(message));
        // v1 cannot hold a zero point of 0.
        t = QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(4, false, 8), 8, 8);
        message = test::errorOf([&] { GptqExporter::pack(t, GptqFormat::V1, "w.proj"); });
        QVERIFY2(message.contains("w.proj is asymmetric"), qPrintable(message));
    }

    // ---- the demo model, a mixed plan ----------------------------------------------------------

    void demoMixedPlan_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("RTN") << int(QuantMethod::Rtn);
        QTest::newRow("GPTQ act-order") << int(QuantMethod::Gptq);
    }

    void demoMixedPlan()
    {
        QFETCH(int, method);
        const QuantPlan plan = mixedPlan(static_cast<QuantMethod>(method));
        const bool gptq = static_cast<QuantMethod>(method) == QuantMethod::Gptq;
        const QString demo = test::demoModelDir();
        const QMap<QString, QByteArray> inputBefore = test::snapshot(demo);
        const auto quantized = quantize(plan, m_demo, gptq);
        QVERIFY(GptqExporter::problemsFor(plan, m_demo->inventory(), {}).isEmpty());
        QVERIFY(GptqExporter::limitations(*quantized).isEmpty());

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("gptq");
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, {}, progress);
        // Staged, renamed, nothing beside.
        QCOMPARE(test::entriesOf(tmp.path()), QStringList{"gptq"});
        QCOMPARE(test::snapshot(demo), inputBefore);

        // The folder: the input's companions, the weights, both configs, recipe and report.
        QCOMPARE(test::entriesOf(outDir),
                 test::exportedFiles(inputBefore.keys(), {"quantize_config.json"}));
        for (const char* copied :
             {"tokenizer.model", "tokenizer_config.json", "generation_config.json"})
            QCOMPARE(test::snapshot(outDir).value(copied), inputBefore.value(copied));
        QCOMPARE(test::readJson(QDir(outDir).filePath(ExportFolder::kRecipeFileName)),
                 plan.toJson());
        QCOMPARE(test::readJson(QDir(outDir).filePath(ExportFolder::kReportFileName))["layers"]
                     .toArray()
                     .size(),
                 qsizetype(35));

        // Tensors: names, dtypes, shapes; everything but the quantized weights byte for byte.
        const Checkpoint& in = m_demo->checkpoint();
        const auto out = Checkpoint::open(outDir);
        const auto& layers = m_demo->inventory().layers();
        int quantizedLayers = 0;
        for (const LinearLayer& layer : layers) {
            const QJsonObject wanted = settingsFromPlan(plan, layer.name);
            if (wanted.isEmpty()) {
                QVERIFY(!out->find(layer.name + ".qweight"));
                const auto weight = out->require(layer.weightName);
                const auto source = in.require(layer.weightName);
                QCOMPARE(test::toBytes(weight.file->bytes(*weight.info)),
                         test::toBytes(source.file->bytes(*source.info)));
                continue;
            }
            ++quantizedLayers;
            QVERIFY2(!out->find(layer.weightName), qPrintable(layer.name));
            const int bits = wanted["bits"].toInt();
            const std::int64_t k = layer.inFeatures;
            const std::int64_t n = layer.outFeatures;
            const std::int64_t groups = (k + 31) / 32;
            test::verifyTensorHeader(*out, layer.name + ".qweight", DType::I32, {k * bits / 32, n});
            test::verifyTensorHeader(*out, layer.name + ".qzeros", DType::I32,
                                     {groups, n * bits / 32});
            test::verifyTensorHeader(*out, layer.name + ".scales", DType::F16, {groups, n});
            test::verifyTensorHeader(*out, layer.name + ".g_idx", DType::I32, {k});
            // g_idx: k / 32, or GPTQ's act-order groups (not monotonic).
            const std::vector<std::int32_t> groupOf =
                test::valuesOf<std::int32_t>(*out, layer.name + ".g_idx");
            const QuantizedTensor& tensor = quantized->find(layer.name)->tensor;
            bool monotonic = true;
            for (std::int64_t c = 0; c < k; ++c) {
                QCOMPARE(groupOf[static_cast<std::size_t>(c)], std::int32_t(tensor.groupOf(c)));
                if (!gptq)
                    QCOMPARE(groupOf[static_cast<std::size_t>(c)], std::int32_t(c / 32));
                monotonic =
                    monotonic && (c == 0 || groupOf[std::size_t(c)] >= groupOf[std::size_t(c - 1)]);
            }
            if (gptq && k > 32)
                QVERIFY2(!monotonic, qPrintable(layer.name));
        }
        QCOMPARE(quantizedLayers, 34);
        for (const SafetensorsFile* shard : {in.shards().front().get()}) {
            for (const TensorInfo& t : shard->tensors()) {
                if (m_demo->inventory().find(t.name.section('.', 0, -2)))
                    continue;
                const auto written = out->require(t.name);
                QCOMPARE(test::toBytes(written.file->bytes(*written.info)),
                         test::toBytes(shard->bytes(t)));
            }
        }

        // The configs: quantize_config.json is config.json's quantization_config; the rest of
        // config.json is the input's.
        const QJsonObject config = test::readJson(QDir(outDir).filePath("quantize_config.json"));
        QJsonObject fullConfig = test::readJson(QDir(outDir).filePath("config.json"));
        QCOMPARE(fullConfig["quantization_config"].toObject(), config);
        fullConfig.remove("quantization_config");
        QCOMPARE(fullConfig, test::readJson(QDir(demo).filePath("config.json")));
        QCOMPARE(config["bits"].toInt(), 4);
        QCOMPARE(config["group_size"].toInt(), 32);
        QCOMPARE(config["sym"].toBool(), false);
        QCOMPARE(config["desc_act"].toBool(), gptq);
        QCOMPARE(config["quant_method"].toString(), QString("gptq"));
        QCOMPARE(config["checkpoint_format"].toString(), QString("gptq_v2"));
        QCOMPARE(config["format"].toString(), QString("gptq_v2"));
        QCOMPARE(config["lm_head"].toBool(), false);
        QCOMPARE(config["static_groups"].toBool(), false);
        QCOMPARE(config["true_sequential"].toBool(), true);
        QCOMPARE(config["damp_percent"].toDouble(), 0.01);

        // `dynamic`: four rules (gate/up and down_proj for every block, block 4's o_proj, block
        // 2's o_proj excluded), and each module matches at most one, giving what the plan says.
        const QJsonObject dynamic = config["dynamic"].toObject();
        QCOMPARE(dynamic.size(), qsizetype(4));
        QVERIFY(dynamic.contains("+:model\\.layers\\.\\d+\\.mlp\\.down_proj$"));
        QVERIFY(dynamic.contains("-:model\\.layers\\.2\\.self_attn\\.o_proj$"));
        QVERIFY(dynamic.contains("+:model\\.layers\\.4\\.self_attn\\.o_proj$"));
        for (const LinearLayer& layer : layers) {
            int matches = 0;
            const QJsonObject read = settingsFromConfig(config, layer.name, &matches);
            QVERIFY2(matches <= 1, qPrintable(layer.name));
            QCOMPARE(read, settingsFromPlan(plan, layer.name));
        }
        // vLLM matches its fused layers' names: they get their shards' settings.
        int matches = 0;
        QCOMPARE(
            settingsFromConfig(config, "model.layers.3.mlp.gate_up_proj", &matches)["bits"].toInt(),
            8);

        // Read back: exactly the run's weights with float16 scales.
        verifyReadBack(*quantized, outDir);
        const auto reader = GptqCheckpoint::open(outDir);
        QCOMPARE(reader->format(), GptqFormat::V2);
        QCOMPARE(reader->quantizedModules().size(), qsizetype(34));
        QVERIFY(!reader->settingsFor("model.layers.2.self_attn.o_proj"));
        QCOMPARE(reader->settingsFor("model.layers.4.self_attn.o_proj")->bits, 3);
        QCOMPARE(reader->settingsFor("model.layers.0.mlp.down_proj")->symmetric, true);
    }

    // v1 zero points (zero − 1) for a symmetric W8A8 plan: stored 127, read back as 128; the int8
    // activations are reported as what GPTQ cannot hold.
    void w8a8AsV1()
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::W8A8;
        const auto quantized = quantize(plan, m_demo, false);
        const QStringList notes = GptqExporter::limitations(*quantized);
        QCOMPARE(notes.size(), qsizetype(1));
        QVERIFY2(notes.front().contains("35 layer") && notes.front().contains("W8A8"),
                 qPrintable(notes.front()));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("v1");
        GptqExporter::Options options;
        options.format = GptqFormat::V1;
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, options, progress);
        const QJsonObject config = test::readJson(QDir(outDir).filePath("quantize_config.json"));
        QCOMPARE(config["checkpoint_format"].toString(), QString("gptq"));
        QCOMPARE(config["bits"].toInt(), 8);
        QCOMPARE(config["group_size"].toInt(), -1);
        QCOMPARE(config["sym"].toBool(), true);
        QCOMPARE(config["dynamic"].toObject().size(), qsizetype(0));
        const auto out = Checkpoint::open(outDir);
        const auto qzeros = out->require("model.layers.0.self_attn.q_proj.qzeros");
        QCOMPARE(qzeros.info->shape, (std::vector<std::int64_t>{1, 64 * 8 / 32}));
        std::uint32_t word = 0;
        std::memcpy(&word, qzeros.file->bytes(*qzeros.info).data(), 4);
        QCOMPARE(word, 0x7F7F7F7Fu);
        QVERIFY(test::readJson(QDir(outDir).filePath(ExportFolder::kReportFileName))
                    .contains("export_limitations"));
        verifyReadBack(*quantized, outDir);
    }

    // A per-tensor scheme is written as per-channel (group_size -1) with its one scale in every
    // output: exact.
    void perTensorAsPerChannel()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized =
            quantize(test::rtnPlan(4, QuantScheme::kPerTensor, false), model, false);
        const QString outDir = tmp.filePath("out");
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, {}, progress);
        const QJsonObject config = test::readJson(QDir(outDir).filePath("quantize_config.json"));
        QCOMPARE(config["group_size"].toInt(), -1);
        const auto out = Checkpoint::open(outDir);
        const auto scales = out->require("model.layers.1.mlp.up_proj.scales");
        QCOMPARE(scales.info->shape, (std::vector<std::int64_t>{1, 64}));
        const std::vector<float> values = scales.file->readFloat(*scales.info);
        for (float v : values)
            QCOMPARE(v, values.front());
        verifyReadBack(*quantized, outDir);
    }

    // One rule for a role with the blocks that differ skipped by a negative lookahead.
    void roleRuleWithExceptions_data()
    {
        QTest::addColumn<int>("lastBlockBits"); // block 3's down_proj; blocks 0-2 are at 8
        QTest::addColumn<int>("rules");
        QTest::newRow("last block at the base") << 4 << 1;
        QTest::newRow("last block at 2 bits") << 2 << 2;
    }

    void roleRuleWithExceptions()
    {
        QFETCH(int, lastBlockBits);
        QFETCH(int, rules);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama(4));
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QuantPlan plan = test::rtnPlan(4, 16, false);
        PlanOverride down = test::planOverride("re:.*down_proj");
        down.bits = 8;
        plan.addOverride(down);
        PlanOverride last = test::planOverride("model.layers.3.mlp.down_proj");
        last.bits = lastBlockBits;
        plan.addOverride(last);
        const auto quantized = quantize(plan, model, false);
        const QString outDir = tmp.filePath("out");
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, {}, progress);
        const QJsonObject config = test::readJson(QDir(outDir).filePath("quantize_config.json"));
        const QJsonObject dynamic = config["dynamic"].toObject();
        QCOMPARE(dynamic.size(), qsizetype(rules));
        QVERIFY2(dynamic.contains("+:model\\.layers\\.(?!(?:3)\\.)\\d+\\.mlp\\.down_proj$"),
                 qPrintable(QJsonDocument(dynamic).toJson()));
        for (const LinearLayer& layer : model->inventory().layers()) {
            int matches = 0;
            QCOMPARE(settingsFromConfig(config, layer.name, &matches),
                     settingsFromPlan(plan, layer.name));
            QVERIFY(matches <= 1);
        }
        verifyReadBack(*quantized, outDir);
    }

    // q/k/v or gate/up with different settings: vLLM refuses such a checkpoint; said, not hidden.
    void fusedShardsDifferWarns()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QuantPlan plan = test::rtnPlan(4, 16, false);
        PlanOverride q = test::planOverride("model.layers.0.self_attn.q_proj");
        q.bits = 8;
        plan.addOverride(q);
        PlanOverride up = test::planOverride("model.layers.1.mlp.up_proj");
        up.method = QuantMethod::None;
        plan.addOverride(up);
        const auto quantized = quantize(plan, model, false);
        const QStringList notes = GptqExporter::limitations(*quantized);
        QCOMPARE(notes.size(), qsizetype(1));
        QVERIFY2(notes.front().contains("vLLM")
                     && notes.front().contains("model.layers.0.self_attn, model.layers.1.mlp"),
                 qPrintable(notes.front()));
        const QString outDir = tmp.filePath("out");
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, {}, progress);
        const QJsonObject config = test::readJson(QDir(outDir).filePath("quantize_config.json"));
        for (const LinearLayer& layer : model->inventory().layers()) {
            int matches = 0;
            QCOMPARE(settingsFromConfig(config, layer.name, &matches),
                     settingsFromPlan(plan, layer.name));
        }
        verifyReadBack(*quantized, outDir);
    }

    // ---- input scales folded ------------------------------------------------------------------

    void foldsInputScales_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("AWQ") << int(QuantMethod::Awq);
        QTest::newRow("SmoothQuant") << int(QuantMethod::SmoothQuant);
    }

    void foldsInputScales()
    {
        QFETCH(int, method);
        QuantPlan plan;
        plan.defaults.method = static_cast<QuantMethod>(method);
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        plan.calibration.sequenceLength = 256;
        PlanOverride mlp = test::planOverride("re:.*\\.mlp\\..*");
        mlp.bits = 8; // intermediate_size 172 packs at 8 bits only
        plan.addOverride(mlp);
        const auto quantized = quantize(plan, m_demo);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("gptq");
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, {}, progress);
        const auto out = Checkpoint::open(outDir);
        const Checkpoint& in = m_demo->checkpoint();

        const auto reader = GptqCheckpoint::open(outDir);

        // Norms: divided by the scale of the layers they feed. Layers whose scale folds into a
        // quantized linear (down_proj into up_proj): that linear's scales are divided per row.
        std::map<QString, std::vector<float>> divisors;
        int folds = 0;
        for (int block = 0; block < m_demo->spec().numHiddenLayers; ++block) {
            const QString prefix = QStringLiteral("model.layers.%1.").arg(block);
            const std::vector<float>& qScale =
                quantized->find(prefix + "self_attn.q_proj")->inputScale;
            const std::vector<float>& gateScale =
                quantized->find(prefix + "mlp.gate_proj")->inputScale;
            const std::vector<float>& downScale =
                quantized->find(prefix + "mlp.down_proj")->inputScale;
            QVERIFY(!qScale.empty() && !gateScale.empty() && !downScale.empty());
            // o_proj under grouped-query attention: AWQ's scale is tied per key/value head and
            // folds into v_proj's rows (scales, quantized); SmoothQuant leaves it unsmoothed.
            const std::vector<float>& oScale =
                quantized->find(prefix + "self_attn.o_proj")->inputScale;
            if (static_cast<QuantMethod>(method) == QuantMethod::Awq) {
                test::vProjRowDivisor(m_demo->spec(), oScale,
                                      divisors[prefix + "self_attn.v_proj"]);
                if (QTest::currentTestFailed())
                    return;
            } else {
                QVERIFY(oScale.empty());
            }
            divisors[prefix + "mlp.up_proj"] = downScale;
            for (const auto& [norm, s] :
                 {std::pair{prefix + "input_layernorm.weight", &qScale},
                  std::pair{prefix + "post_attention_layernorm.weight", &gateScale}}) {
                test::verifyFolded(in, *out, norm, *s);
                ++folds;
            }
            // norm_new[j] · W_new[:, j] = norm_old[j] · W_q[:, j] / s[j]: the block computes
            // the same function (W_q with float16 scales).
            const QString q = prefix + "self_attn.q_proj";
            const std::vector<float> wNew = reader->dequantizedWeight(q);
            const std::vector<float> wq =
                test::expectedWeight(quantized->find(q)->tensor, DType::F16);
            const auto normOld = in.require(prefix + "input_layernorm.weight");
            const auto normNew = out->require(prefix + "input_layernorm.weight");
            const std::vector<float> gOld = normOld.file->readFloat(*normOld.info);
            const std::vector<float> gNew = normNew.file->readFloat(*normNew.info);
            const std::int64_t k = m_demo->spec().hiddenSize;
            for (std::size_t i = 0; i < wNew.size(); ++i) {
                const std::size_t j = i % static_cast<std::size_t>(k);
                const double lhs = double(gNew[j]) * wNew[i];
                const double rhs = double(gOld[j]) * wq[i] / qScale[j];
                QB_CHECK(std::abs(lhs - rhs) <= 1e-6 * std::abs(rhs) + 1e-12,
                         QStringLiteral("%1[%2]: %3 vs %4")
                             .arg(q)
                             .arg(i)
                             .arg(test::num(lhs), test::num(rhs)));
            }
        }
        QCOMPARE(folds, 10);
        verifyReadBack(*quantized, outDir, divisors);

        // The read-back model's logits are the run's (without int8 activations, which GPTQ does
        // not hold), up to the float16 rounding of the scales: far closer to them than the run
        // is to the original model.
        const QString floatDir = tmp.filePath("float");
        writeFloatCopy(outDir, m_demo->inventory(), floatDir);
        test::compareLogitsWithRun(
            *quantized, floatDir,
            std::vector<int>(m_windows.front().begin(), m_windows.front().begin() + 64));
        const QStringList notes = GptqExporter::limitations(*quantized);
        QCOMPARE(notes.size(),
                 qsizetype(static_cast<QuantMethod>(method) == QuantMethod::SmoothQuant ? 1 : 0));

        if (static_cast<QuantMethod>(method) == QuantMethod::Awq) {
            // An o_proj scale that differs between the query heads of one key/value head has no
            // v_proj row to go to: refused, not folded wrongly.
            QuantizedModel untied = *quantized;
            const QString o = "model.layers.2.self_attn.o_proj";
            untied.layers.at(o).inputScale[8 + 3] *= 1.5f; // head 1 shares head 0's key/value
            const QString message =
                test::errorOf([&] { PackedExport::planFolds(untied, QStringLiteral("GPTQ")); });
            QVERIFY2(message.contains(o) && message.contains("key/value"), qPrintable(message));
        }
    }

    // Without grouped-query sharing o_proj's scale folds into v_proj — quantized, with a bias
    // (Qwen2) — and an untied lm_head's into the final norm; lm_head is then quantized too.
    void foldsIntoBiasedLinearAndLmHead_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("AWQ") << int(QuantMethod::Awq);
        QTest::newRow("SmoothQuant") << int(QuantMethod::SmoothQuant);
    }

    void foldsIntoBiasedLinearAndLmHead()
    {
        QFETCH(int, method);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.modelType = "qwen2";
        options.numKvHeads = options.numHeads;
        options.tieWordEmbeddings = false;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QuantPlan plan = test::rtnPlan(4, 16, false);
        plan.defaults.method = static_cast<QuantMethod>(method);
        const std::vector<std::vector<int>> windows =
            test::tinyCalibrationWindows(options.vocabSize);
        SilentProgress progress;
        const auto quantized = QuantizationPipeline::run(model, plan, windows, {}, progress);
        const QString outDir = tmp.filePath("gptq");
        GptqExporter::run(*quantized, outDir, {}, progress);
        QCOMPARE(test::readJson(QDir(outDir).filePath("quantize_config.json"))["lm_head"].toBool(),
                 true);

        const Checkpoint& in = model->checkpoint();
        const auto out = Checkpoint::open(outDir);
        std::map<QString, std::vector<float>> divisors;
        for (int block = 0; block < options.numLayers; ++block) {
            const QString prefix = QStringLiteral("model.layers.%1.").arg(block);
            const std::vector<float>& oScale =
                quantized->find(prefix + "self_attn.o_proj")->inputScale;
            test::verifyFolded(in, *out, prefix + "self_attn.v_proj.bias", oScale);
            divisors[prefix + "self_attn.v_proj"] = oScale;
            divisors[prefix + "mlp.up_proj"] =
                quantized->find(prefix + "mlp.down_proj")->inputScale;
            for (const char* bias : {"self_attn.q_proj.bias", "self_attn.k_proj.bias"}) {
                const auto a = in.require(prefix + bias);
                const auto b = out->require(prefix + bias);
                QCOMPARE(test::toBytes(b.file->bytes(*b.info)),
                         test::toBytes(a.file->bytes(*a.info)));
            }
        }
        test::verifyFolded(in, *out, "model.norm.weight", quantized->find("lm_head")->inputScale);
        verifyReadBack(*quantized, outDir, divisors);

        const QString floatDir = tmp.filePath("float");
        writeFloatCopy(outDir, model->inventory(), floatDir);
        test::compareLogitsWithRun(*quantized, floatDir, windows.front());
    }

    // ---- refusals, before anything is written --------------------------------------------------

    void refuses_data()
    {
        QTest::addColumn<int>("intermediate");
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<bool>("v1");
        QTest::addColumn<QString>("expected");
        QTest::newRow("MLP 20 at 4 bits")
            << 20 << 4 << false << false
            << "model.layers.0.mlp.gate_proj [20, 32]: GPTQ packs codes into 32-bit words, so at 4 "
               "bits both dimensions must be multiples of 8";
        QTest::newRow("3 bits, 16 k/v outputs")
            << 64 << 3 << true << false << "model.layers.0.self_attn.k_proj [16, 32]";
        QTest::newRow("5 bits") << 64 << 5 << true << false
                                << "model.layers.0.self_attn.q_proj: 5-bit codes";
        QTest::newRow("v1 with asymmetric layers")
            << 64 << 4 << false << true
            << "model.layers.0.self_attn.q_proj is asymmetric: GPTQ v1 stores each zero point "
               "minus one";
    }

    void refuses()
    {
        QFETCH(int, intermediate);
        QFETCH(int, bits);
        QFETCH(bool, symmetric);
        QFETCH(bool, v1);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.intermediateSize = intermediate;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const QMap<QString, QByteArray> before = test::snapshot(tmp.path());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const QuantPlan plan = test::rtnPlan(bits, 16, symmetric);
        GptqExporter::Options exportOptions;
        exportOptions.format = v1 ? GptqFormat::V1 : GptqFormat::V2;
        const QStringList problems =
            GptqExporter::problemsFor(plan, model->inventory(), exportOptions);
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.join('\n').contains(expected), qPrintable(problems.join('\n')));

        const auto quantized = quantize(plan, model, false);
        SilentProgress progress;
        const QString message = test::errorOf(
            [&] { GptqExporter::run(*quantized, tmp.filePath("out"), exportOptions, progress); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(test::snapshot(tmp.path()), before); // no output, no stage
    }

    // ---- staging ------------------------------------------------------------------------------

    void cancelledLeavesNothing()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.shards = 2;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 16, false), model, false);
        const QString outDir = tmp.filePath("out");
        QVERIFY(QDir().mkpath(outDir));
        test::writeJson(QDir(outDir).filePath("old.json"), QJsonObject{});
        test::verifyStagedExport(tmp.path(), [&](bool replace, Progress& progress) {
            GptqExporter::Options options;
            options.replaceExisting = replace;
            GptqExporter::run(*quantized, outDir, options, progress);
        });

        // Sharded: the same shard files and an index naming the new tensors.
        const QJsonObject index = test::readJson(QDir(outDir).filePath(Checkpoint::kIndexFileName));
        const QJsonObject weightMap = index["weight_map"].toObject();
        QVERIFY(weightMap.contains("model.layers.1.mlp.down_proj.qweight"));
        QVERIFY(!weightMap.contains("model.layers.1.mlp.down_proj.weight"));
        const auto out = Checkpoint::open(outDir);
        QCOMPARE(out->shards().size(), std::size_t(2));
        verifyReadBack(*quantized, outDir);
    }

    // ---- the reader on hostile files -----------------------------------------------------------

    void readerRefuses_data()
    {
        QTest::addColumn<QString>("tensor"); // tensor to alter ("" = none)
        QTest::addColumn<QString>("change"); // what to do to it, or to the config
        QTest::addColumn<QString>("expected");
        const QString module = "model.layers.0.mlp.up_proj";
        QTest::newRow("g_idx out of range") << module + ".g_idx"
                                            << "gidx"
                                            << "outside the 2 groups";
        QTest::newRow("qzeros F32") << module + ".qzeros"
                                    << "f32"
                                    << "must be I32, not F32";
        QTest::newRow("scales shape") << module + ".scales"
                                      << "shape"
                                      << "up_proj.scales has shape [1, 128]";
        QTest::newRow("scales missing") << module + ".scales"
                                        << "drop"
                                        << ".scales is missing";
        QTest::newRow("qweight 1-D") << module + ".qweight"
                                     << "flat"
                                     << "must have 2 dimension";
        QTest::newRow("bits 5") << QString() << "bits"
                                << "bits must be 2, 3, 4 or 8";
        QTest::newRow("dynamic regex") << QString() << "regex"
                                       << "is not a valid regular expression";
        QTest::newRow("format") << QString() << "format"
                                << "must be \"gptq\" or \"gptq_v2\"";
        QTest::newRow("excluded but quantized") << QString() << "exclude"
                                                << "is stored quantized";
    }

    void readerRefuses()
    {
        QFETCH(QString, tensor);
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 16, false), model, false);
        const QString good = tmp.filePath("good");
        SilentProgress progress;
        GptqExporter::run(*quantized, good, {}, progress);

        // The export, rewritten with one thing broken.
        const QString bad = tmp.filePath("bad");
        test::writeAlteredExport(
            good, bad,
            [&](test::RawTensor t, std::vector<test::RawTensor>& out) {
                if (t.name == tensor) {
                    if (change == "drop")
                        return;
                    if (change == "gidx")
                        std::memcpy(t.bytes.data() + 4 * 5, "\x04\x00\x00\x00", 4);
                    if (change == "f32")
                        t.dtype = DType::F32;
                    if (change == "shape")
                        t.shape = {t.shape[0] / 2, t.shape[1] * 2};
                    if (change == "flat")
                        t.shape = {t.shape[0] * t.shape[1]};
                }
                out.push_back(t);
            },
            [&](QJsonObject& qc) {
                if (change == "bits")
                    qc["bits"] = 5;
                if (change == "regex")
                    qc["dynamic"] = QJsonObject{{"+:model\\.layers\\.(\\d+\\.mlp", QJsonObject{}}};
                if (change == "format")
                    qc["checkpoint_format"] = "gptq_v3";
                if (change == "exclude")
                    qc["dynamic"] = QJsonObject{{"-:.*up_proj", QJsonObject{}}};
            });

        const QString message = test::errorOf([&] {
            const auto reader = GptqCheckpoint::open(bad);
            reader->dequantizedWeight("model.layers.0.mlp.up_proj");
        });
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    // `dynamic` is applied in the file's order, which QJsonObject does not keep.
    void readerKeepsRuleOrder()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QuantPlan plan = test::rtnPlan(4, 16, false);
        PlanOverride down = test::planOverride("re:.*down_proj");
        down.bits = 8;
        plan.addOverride(down);
        const auto quantized = quantize(plan, model, false);
        const QString outDir = tmp.filePath("out");
        SilentProgress progress;
        GptqExporter::run(*quantized, outDir, {}, progress);
        // The narrow rule first: in file order it wins for down_proj, though sorted "+:.*" would
        // come before "+:.*down_proj$" and win.
        QFile::remove(QDir(outDir).filePath("config.json"));
        QFile file(QDir(outDir).filePath("quantize_config.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"bits": 4, "group_size": 16, "sym": false, "desc_act": false,
                       "quant_method": "gptq", "checkpoint_format": "gptq_v2",
                       "dynamic": {"+:.*down_proj$": {"bits": 8}, "+:.*": {"bits": 2}}})");
        file.close();
        auto reader = GptqCheckpoint::open(outDir);
        QCOMPARE(reader->settingsFor("model.layers.0.mlp.down_proj")->bits, 8);
        QCOMPARE(reader->settingsFor("model.layers.0.mlp.up_proj")->bits, 2);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"bits": 4, "group_size": 16, "sym": false, "desc_act": false,
                       "dynamic": {"+:.*": {"bits": 2}, "+:.*down_proj$": {"bits": 8}}})");
        file.close();
        reader = GptqCheckpoint::open(outDir);
        QCOMPARE(reader->settingsFor("model.layers.0.mlp.down_proj")->bits, 2);
        QCOMPARE(reader->format(), GptqFormat::V1); // no checkpoint_format: loaders assume v1
    }
};

QTEST_GUILESS_MAIN(TestGptqExport)
#include "tst_gptq_export.moc"
