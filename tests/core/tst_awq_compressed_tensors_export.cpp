// AwqExporter / AwqCheckpoint and CompressedTensorsExporter / CompressedTensorsCheckpoint: the bit
// layouts against words computed by hand (AWQ's interleaved [0, 2, 4, 6, 1, 3, 5, 7] order along
// the outputs; compressed-tensors' signed values shifted by 2^(b−1) along the inputs, zero points
// packed along the outputs); the demo model exported tensor by tensor (names, dtypes, shapes, the
// configs) and read back exactly equal to the run's weights with the scales rounded to the type
// they are stored in (float16; compressed-tensors: the weight dtype, bfloat16 included); the
// compressed-tensors config groups' "re:" targets matched with Python's re.match semantics; input
// scales folded (the read-back model computes what the run's model computes); the refusals before
// anything is written (bits, act-order, group sizes, shapes, lm_head); W8A8 and SmoothQuant
// layers int-quantized with per-token int8 activations, which the export reopened as a model
// rounds as the run did; hostile files; staging and cancel.

#include "core/export/awq_exporter.h"
#include "core/export/compressed_tensors_exporter.h"
#include "core/export/export_folder.h"
#include "core/io/awq_checkpoint.h"
#include "core/io/compressed_tensors_checkpoint.h"
#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace qb;

namespace {

using Words = std::vector<std::uint32_t>;

// Records, per input site, whether every row the forward pass fed it lies on its own symmetric
// int8 grid (each value an integer multiple, within ±127, of max|row| / 127).
class OnInt8Grid final : public ForwardHooks {
public:
    std::map<int, bool> sites;

    void onInput(int inputGroup, RowMatrix& input) override
    {
        bool onGrid = true;
        for (Eigen::Index r = 0; r < input.rows() && onGrid; ++r) {
            const float scale = std::max(input.row(r).cwiseAbs().maxCoeff(), 1e-5f) / 127.0f;
            for (Eigen::Index c = 0; c < input.cols() && onGrid; ++c) {
                const float steps = input(r, c) / scale;
                onGrid = std::abs(steps - std::nearbyint(steps)) < 1e-3f;
            }
        }
        const auto [it, added] = sites.emplace(inputGroup, onGrid);
        if (!added)
            it->second = it->second && onGrid;
    }
};

} // namespace

class TestAwqCompressedTensorsExport : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_demo;
    std::vector<std::vector<int>> m_windows; // 19 windows of ≤ 256 tokens of TinyStories

    std::shared_ptr<const QuantizedModel> quantize(const QuantPlan& plan,
                                                   const std::shared_ptr<const LoadedModel>& model,
                                                   const std::vector<std::vector<int>>& windows)
    {
        SilentProgress progress;
        return QuantizationPipeline::run(model, plan, windows, {}, progress);
    }

    static DType f16(const LinearLayer&) { return DType::F16; }
    static DType weightType(const LinearLayer& layer)
    {
        return CompressedTensorsExporter::scaleDTypeFor(layer.dtype);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = LoadedModel::open(test::demoModelDir());
        m_windows = test::demoCalibrationWindows(*m_demo);
        QCOMPARE(m_windows.size(), std::size_t(19));
    }

    // ==== AWQ GEMM
    // ================================================================================

    // Word c of a row holds outputs c·8 + [0, 2, 4, 6, 1, 3, 5, 7][i] at bits 4i.
    void awqPackedWords_data()
    {
        QTest::addColumn<QList<int>>("values");
        QTest::addColumn<QList<quint32>>("words");
        // Codes 0 … 7 for outputs 0 … 7: nibble i holds output order[i], whose code is order[i],
        // so the nibbles from bit 0 up read 0, 2, 4, 6, 1, 3, 5, 7: 0x75316420.
        QTest::newRow("codes 0..7")
            << QList<int>{0, 1, 2, 3, 4, 5, 6, 7} << QList<quint32>{0x75316420u};
        // Output 0 (15) at bits 0-3; output 1 (9) is order[4], so at bits 16-19.
        QTest::newRow("outputs 0 and 1")
            << QList<int>{15, 9, 0, 0, 0, 0, 0, 0} << QList<quint32>{0x0009000Fu};
        // Output 7 is order[7] (bits 28-31); output 6 is order[3] (bits 12-15); the second word
        // holds outputs 8 … 15 the same way.
        QTest::newRow("two words") << QList<int>{0, 0, 0, 0, 0, 0, 3, 12, 1, 0, 0, 0, 0, 0, 0, 0}
                                   << QList<quint32>{0xC0003000u, 0x00000001u};
    }

    void awqPackedWords()
    {
        QFETCH(QList<int>, values);
        QFETCH(QList<quint32>, words);
        const std::vector<std::uint8_t> codes(values.begin(), values.end());
        Words packed(codes.size() / 8);
        AwqPacking::pack(codes, packed);
        QCOMPARE(QList<quint32>(packed.begin(), packed.end()), words);
        std::vector<std::uint8_t> back(codes.size());
        AwqPacking::unpack(packed, back);
        QCOMPARE(back, codes);
    }

    // The hand-made tensor [N = 8, K = 16], two groups of 8: qweight [16, 1] holds input k's
    // codes of the 8 outputs, qzeros [2, 1] each group's zero points, scales [2, 8] float16.
    void awqPackLayer_data()
    {
        QTest::addColumn<bool>("folded");
        QTest::newRow("plain") << false;
        QTest::newRow("scales divided by a fold") << true;
    }

    void awqPackLayer()
    {
        QFETCH(bool, folded);
        const QuantizedTensor t = test::handMadeTensor();
        std::vector<float> divisor;
        if (folded)
            divisor = {2.0f, 0.5f, 3.0f, 1.0f, 1.5f, 7.0f, 0.25f, 1.0f};
        const AwqExporter::PackedLayer p = AwqExporter::pack(t, "layer", divisor);
        QCOMPARE(p.groups, std::int64_t(2));
        QCOMPARE(p.qweight.size(), std::size_t(16));
        // Input 0: codes 0 … 7 of outputs 0 … 7 (see awqPackedWords).
        QCOMPARE(p.qweight[0], 0x75316420u);
        // Input 1: codes 1 … 8; nibble i holds order[i] + 1: 1, 3, 5, 7, 2, 4, 6, 8.
        QCOMPARE(p.qweight[1], 0x86427531u);
        // Input 15: output n has code (n + 15) % 16 = 15, 0, 1, … 6; nibble i holds output
        // order[i]: 15, 1, 3, 5, 0, 2, 4, 6.
        QCOMPARE(p.qweight[15], 0x6420531Fu);
        // qzeros: group 0 zeros n + 1 (as input 1's codes), group 1 zeros 8 + n: nibble i holds
        // 8 + order[i] = 8, A, C, E, 9, B, D, F.
        QCOMPARE(p.qzeros, (Words{0x86427531u, 0xFDB9ECA8u}));
        for (std::int64_t g = 0; g < 2; ++g) {
            for (std::int64_t n = 0; n < 8; ++n) {
                float scale = t.params[static_cast<std::size_t>(n * 2 + g)].scale;
                if (folded)
                    scale /= divisor[static_cast<std::size_t>(n)];
                QCOMPARE(p.scales[static_cast<std::size_t>(g * 8 + n)], floatToHalf(scale));
            }
        }
    }

    void awqPackRefuses()
    {
        // N = 12 is not a multiple of 8.
        QuantizedTensor t =
            QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(4, false, 8), 12, 16);
        QString message = test::errorOf([&] { AwqExporter::pack(t, "x.proj"); });
        QVERIFY2(message.contains("x.proj [12, 16]") && message.contains("multiple of 8"),
                 qPrintable(message));
        // 8 bits.
        t = QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(8, false, 8), 8, 16);
        message = test::errorOf([&] { AwqExporter::pack(t, "y.proj"); });
        QVERIFY2(message.contains("y.proj: 8-bit codes; AWQ GEMM holds 4-bit codes only"),
                 qPrintable(message));
        // Act-order groups: no g_idx in AWQ GEMM.
        t = test::handMadeTensor();
        t.groupIndex.assign(16, 0);
        for (int k : {1, 4, 5, 9, 10, 11, 14, 15})
            t.groupIndex[static_cast<std::size_t>(k)] = 1;
        message = test::errorOf([&] { AwqExporter::pack(t, "z.proj"); });
        QVERIFY2(message.contains("z.proj has GPTQ act-order groups"), qPrintable(message));
        // A group index that is just k / 8 is no act-order: stored.
        for (std::size_t k = 0; k < 16; ++k)
            t.groupIndex[k] = static_cast<std::int32_t>(k / 8);
        QCOMPARE(AwqExporter::pack(t, "z.proj").qweight[0], 0x75316420u);
        // Groups of 6 do not divide K = 16.
        t = QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(4, false, 6), 8, 16);
        message = test::errorOf([&] { AwqExporter::pack(t, "w.proj"); });
        QVERIFY2(message.contains("w.proj [8, 16]: AWQ GEMM needs the group size to divide"),
                 qPrintable(message));
    }

    // The demo model (intermediate_size 172: gate/up have 172 outputs, which AWQ cannot pack, so
    // they are kept; down_proj's K = 172 takes groups of 4 or per-channel).
    void awqDemo_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("groupCode");
        QTest::newRow("RTN per-channel") << int(QuantMethod::Rtn) << -1;
        QTest::newRow("AWQ groups of 4") << int(QuantMethod::Awq) << 4;
    }

    void awqDemo()
    {
        QFETCH(int, method);
        QFETCH(int, groupCode);
        const bool awq = static_cast<QuantMethod>(method) == QuantMethod::Awq;
        QuantPlan plan;
        plan.defaults.method = static_cast<QuantMethod>(method);
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, groupCode);
        plan.calibration.sequenceLength = 256;
        plan.addOverride(test::keepOverride("re:.*mlp\\.(gate|up)_proj"));
        QVERIFY(AwqExporter::problemsFor(plan, m_demo->inventory()).isEmpty());
        // Without the override the 172-output layers are refused, before any run.
        const QStringList problems =
            AwqExporter::problemsFor(test::rtnPlan(4, 4, false), m_demo->inventory());
        QCOMPARE(problems.size(), qsizetype(10));
        QVERIFY2(problems.front().startsWith("model.layers.0.mlp.gate_proj [172, 64]"),
                 qPrintable(problems.front()));

        const QString demo = test::demoModelDir();
        const QMap<QString, QByteArray> inputBefore = test::snapshot(demo);
        const auto quantized = quantize(plan, m_demo, awq ? m_windows : decltype(m_windows){});
        const QStringList notes = AwqExporter::limitations(*quantized);
        QCOMPARE(notes.size(), qsizetype(awq ? 0 : 1));
        if (!awq)
            QVERIFY2(notes.front().contains("group_size -1"), qPrintable(notes.front()));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("awq");
        SilentProgress progress;
        AwqExporter::run(*quantized, outDir, {}, progress);
        // Staged, renamed, nothing beside.
        QCOMPARE(test::entriesOf(tmp.path()), QStringList{"awq"});
        QCOMPARE(test::snapshot(demo), inputBefore);

        QCOMPARE(test::entriesOf(outDir),
                 test::exportedFiles(inputBefore.keys(), {"quant_config.json"}));
        QCOMPARE(test::readJson(QDir(outDir).filePath(ExportFolder::kRecipeFileName)),
                 plan.toJson());

        // Tensors: names, dtypes, shapes; without folds everything else byte for byte.
        const Checkpoint& in = m_demo->checkpoint();
        const auto out = Checkpoint::open(outDir);
        int quantizedLayers = 0;
        QStringList kept;
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            if (!quantized->find(layer.name)) {
                kept << layer.name;
                QVERIFY(!out->find(layer.name + ".qweight"));
                QVERIFY(out->find(layer.weightName));
                continue;
            }
            ++quantizedLayers;
            QVERIFY2(!out->find(layer.weightName), qPrintable(layer.name));
            QVERIFY(!out->find(layer.name + ".g_idx"));
            const std::int64_t k = layer.inFeatures;
            const std::int64_t n = layer.outFeatures;
            const std::int64_t groups = groupCode == -1 ? 1 : k / groupCode;
            test::verifyTensorHeader(*out, layer.name + ".qweight", DType::I32, {k, n / 8});
            test::verifyTensorHeader(*out, layer.name + ".qzeros", DType::I32, {groups, n / 8});
            test::verifyTensorHeader(*out, layer.name + ".scales", DType::F16, {groups, n});
        }
        QCOMPARE(quantizedLayers, 25);
        QCOMPARE(kept.size(), qsizetype(10));
        if (!awq) {
            for (const TensorInfo& t : in.shards().front()->tensors()) {
                if (quantized->find(t.name.section('.', 0, -2)))
                    continue;
                const auto written = out->require(t.name);
                QCOMPARE(test::toBytes(written.file->bytes(*written.info)),
                         test::toBytes(in.shards().front()->bytes(t)));
            }
        }

        // The configs.
        const QJsonObject config =
            test::readJson(QDir(outDir).filePath("config.json"))["quantization_config"].toObject();
        QStringList notConverted = kept;
        for (int block = 0; block < 5; ++block)
            notConverted << QStringLiteral("model.layers.%1.mlp.gate_up_proj").arg(block);
        QCOMPARE(config, (QJsonObject{{"quant_method", "awq"},
                                      {"bits", 4},
                                      {"group_size", groupCode},
                                      {"zero_point", true},
                                      {"version", "gemm"},
                                      {"modules_to_not_convert",
                                       QJsonArray::fromStringList(notConverted)}}));
        QCOMPARE(
            test::readJson(QDir(outDir).filePath("quant_config.json")),
            (QJsonObject{{"zero_point", true},
                         {"q_group_size", groupCode},
                         {"w_bit", 4},
                         {"version", "GEMM"},
                         {"modules_to_not_convert", QJsonArray::fromStringList(notConverted)}}));
        QJsonObject fullConfig = test::readJson(QDir(outDir).filePath("config.json"));
        fullConfig.remove("quantization_config");
        QCOMPARE(fullConfig, test::readJson(QDir(demo).filePath("config.json")));
        // Loaders skip a module when an entry is a substring of its name: only the kept ones.
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const bool skipped =
                std::any_of(notConverted.begin(), notConverted.end(),
                            [&](const QString& e) { return layer.name.contains(e); });
            QCOMPARE(skipped, kept.contains(layer.name));
        }

        // Read back: exactly the run's weights with float16 scales. With AWQ, down_proj's input
        // scale folds into the kept up_proj's rows, q/k/v's into input_layernorm, o_proj's (tied
        // per key/value head) into v_proj's scales.
        const auto reader = AwqCheckpoint::open(outDir);
        QCOMPARE(reader->groupSize(), groupCode);
        QCOMPARE(reader->quantizedModules().size(), qsizetype(25));
        std::map<QString, std::vector<float>> keptDivisors;
        for (int block = 0; awq && block < 5; ++block) {
            const QString prefix = QStringLiteral("model.layers.%1.").arg(block);
            const std::vector<float>& s = quantized->find(prefix + "mlp.down_proj")->inputScale;
            QVERIFY(!s.empty());
            keptDivisors[prefix + "mlp.up_proj"] = s;
            test::vProjRowDivisor(m_demo->spec(),
                                  quantized->find(prefix + "self_attn.o_proj")->inputScale,
                                  keptDivisors[prefix + "self_attn.v_proj"]);
            if (QTest::currentTestFailed())
                return;
        }
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), f16, keptDivisors);

        // The model read back computes what the run's model computes.
        const QString floatDir = tmp.filePath("float");
        test::writeFloatCopy(outDir, m_demo->inventory(), reader->quantizedModules(),
                             {"qweight", "qzeros", "scales"}, test::dequantizedWeightsOf(reader),
                             floatDir);
        test::compareLogitsWithRun(
            *quantized, floatDir,
            std::vector<int>(m_windows.front().begin(), m_windows.front().begin() + 64));
    }

    // Symmetric layers keep zero point 8 (zero_point true): qzeros are all 0x88888888; a bfloat16
    // model's scales are still float16.
    void awqSymmetricBf16()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.dtype = DType::BF16;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 16, true), model, {});
        SilentProgress progress;
        AwqExporter::run(*quantized, tmp.filePath("out"), {}, progress);
        const auto out = Checkpoint::open(tmp.filePath("out"));
        for (const LinearLayer& layer : model->inventory().layers()) {
            for (std::uint32_t word : test::valuesOf<std::uint32_t>(*out, layer.name + ".qzeros"))
                QCOMPARE(word, 0x88888888u);
            QCOMPARE(out->require(layer.name + ".scales").info->dtype, DType::F16);
        }
        const auto reader = AwqCheckpoint::open(tmp.filePath("out"));
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), f16);
        QCOMPARE(reader->modulesNotConverted(), QStringList());
    }

    void awqRefuses_data()
    {
        QTest::addColumn<int>("intermediate");
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<QString>("override"); // "down32": down_proj in groups of 32;
                                               // "lm_head": untied, quantized lm_head
        QTest::addColumn<QString>("expected");
        const int rtn = int(QuantMethod::Rtn);
        QTest::newRow("3 bits")
            << 64 << rtn << 3 << 16 << ""
            << "model.layers.0.self_attn.q_proj: 3-bit codes; AWQ GEMM holds 4-bit codes only";
        QTest::newRow("W8A8 (8 bits)")
            << 64 << int(QuantMethod::W8A8) << 4 << 16 << ""
            << "model.layers.0.self_attn.q_proj: 8-bit codes; AWQ GEMM holds 4-bit codes only";
        QTest::newRow("MLP of 20 outputs")
            << 20 << rtn << 4 << 4 << ""
            << "model.layers.0.mlp.gate_proj [20, 32]: AWQ GEMM packs 8 outputs per 32-bit word";
        QTest::newRow("groups of 32, K = 48")
            << 48 << rtn << 4 << 32 << ""
            << "model.layers.0.mlp.down_proj [32, 48]: AWQ GEMM needs the group size to divide "
               "the 48 inputs, and 32 does not";
        QTest::newRow("mixed group sizes")
            << 64 << rtn << 4 << 16 << "down32"
            << "model.layers.0.mlp.down_proj: groups of 32, but the other layers use groups of "
               "16; an AWQ checkpoint has one group_size for all layers";
        QTest::newRow("quantized lm_head")
            << 64 << rtn << 4 << 16 << "lm_head"
            << "lm_head is quantized, but AWQ loaders keep lm_head in full precision";
        QTest::newRow("GPTQ act-order")
            << 64 << int(QuantMethod::Gptq) << 4 << 16 << ""
            << "model.layers.0.self_attn.q_proj has GPTQ act-order groups, which AWQ GEMM cannot "
               "store";
    }

    void awqRefuses()
    {
        QFETCH(int, intermediate);
        QFETCH(int, method);
        QFETCH(int, bits);
        QFETCH(int, groupCode);
        QFETCH(QString, override);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.intermediateSize = intermediate;
        options.tieWordEmbeddings = override != "lm_head";
        test::writeTinyLlama(tmp.filePath("in"), options);
        const QMap<QString, QByteArray> before = test::snapshot(tmp.path());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QuantPlan plan = test::rtnPlan(bits, groupCode, false);
        plan.defaults.method = static_cast<QuantMethod>(method);
        plan.defaults.actOrder = true; // GPTQ only
        if (override == "down32") {
            PlanOverride down = test::planOverride("re:.*down_proj");
            down.groupSizeCode = 32;
            plan.addOverride(down);
        }
        const QStringList problems = AwqExporter::problemsFor(plan, model->inventory());
        QVERIFY2(problems.join('\n').contains(expected), qPrintable(problems.join('\n')));

        const auto quantized = quantize(plan, model,
                                        plan.needsCalibration(model->inventory())
                                            ? test::tinyCalibrationWindows(options.vocabSize)
                                            : decltype(m_windows){});
        SilentProgress progress;
        const QString message =
            test::errorOf([&] { AwqExporter::run(*quantized, tmp.filePath("out"), {}, progress); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(test::snapshot(tmp.path()), before); // no output, no stage
    }

    void awqReaderRefuses_data()
    {
        QTest::addColumn<QString>("tensor"); // tensor to alter ("" = none)
        QTest::addColumn<QString>("change"); // what to do to it, or to the config
        QTest::addColumn<QString>("expected");
        const QString module = "model.layers.0.mlp.up_proj";
        QTest::newRow("qzeros F32") << module + ".qzeros"
                                    << "f32"
                                    << "must be I32, not F32";
        QTest::newRow("scales shape") << module + ".scales"
                                      << "shape"
                                      << "up_proj.scales has shape [1, 128]";
        QTest::newRow("qzeros missing") << module + ".qzeros"
                                        << "drop"
                                        << ".qzeros is missing";
        QTest::newRow("qweight 1-D") << module + ".qweight"
                                     << "flat"
                                     << "must have 2 dimension";
        QTest::newRow("bits 8") << QString() << "bits"
                                << "bits must be 4";
        QTest::newRow("version gemv") << QString() << "gemv"
                                      << "version must be \"gemm\"";
        QTest::newRow("group_size 0") << QString() << "group0"
                                      << "group_size must be -1 or a positive integer";
        QTest::newRow("group_size 24") << QString() << "group24"
                                       << "the group size does not divide the inputs";
        QTest::newRow("not converted, but quantized")
            << QString() << "exclude"
            << "is stored quantized, but the quantization config";
        QTest::newRow("converted, but stored float")
            << module + ".qweight"
            << "float"
            << "is stored unquantized, but modules_to_not_convert";
    }

    void awqReaderRefuses()
    {
        QFETCH(QString, tensor);
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 16, false), model, {});
        const QString good = tmp.filePath("good");
        SilentProgress progress;
        AwqExporter::run(*quantized, good, {}, progress);

        const QString bad = tmp.filePath("bad");
        test::writeAlteredExport(
            good, bad,
            [&](test::RawTensor t, std::vector<test::RawTensor>& out) {
                if (t.name == tensor) {
                    if (change == "drop")
                        return;
                    if (change == "f32")
                        t.dtype = DType::F32;
                    if (change == "shape")
                        t.shape = {t.shape[0] / 2, t.shape[1] * 2};
                    if (change == "flat")
                        t.shape = {t.shape[0] * t.shape[1]};
                    if (change == "float") {
                        const LinearLayer* layer = model->inventory().find(t.name.chopped(8));
                        out.push_back({layer->weightName,
                                       DType::F32,
                                       {layer->outFeatures, layer->inFeatures},
                                       test::encodeFloats(model->readWeight(*layer), DType::F32)});
                        return;
                    }
                }
                if (change == "float" && t.name.startsWith(tensor.chopped(8) + "."))
                    return; // the module's other quantized tensors
                out.push_back(t);
            },
            [&](QJsonObject& qc) {
                if (change == "bits")
                    qc["bits"] = 8;
                if (change == "gemv")
                    qc["version"] = "gemv";
                if (change == "group0")
                    qc["group_size"] = 0;
                if (change == "group24")
                    qc["group_size"] = 24;
                if (change == "exclude")
                    qc["modules_to_not_convert"] = QJsonArray{"up_proj"};
            });

        const QString message = test::errorOf([&] {
            const auto reader = AwqCheckpoint::open(bad);
            reader->dequantizedWeight("model.layers.0.mlp.up_proj");
        });
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    // AutoAWQ's quant_config.json alone (w_bit, q_group_size) is understood.
    void awqReaderSideFile()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 32, false), model, {});
        const QString outDir = tmp.filePath("out");
        SilentProgress progress;
        AwqExporter::run(*quantized, outDir, {}, progress);
        QJsonObject config = test::readJson(QDir(outDir).filePath("config.json"));
        config.remove("quantization_config");
        test::writeJson(QDir(outDir).filePath("config.json"), config);
        const auto reader = AwqCheckpoint::open(outDir);
        QCOMPARE(reader->groupSize(), 32);
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), f16);
    }

    // ==== compressed-tensors
    // ======================================================================

    // pack_to_int32: values along the inputs, least significant first, 32 / bits per word, the
    // last word padded with zeros; what is stored is the signed value + 2^(bits−1).
    void ctPackedWords_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<QList<int>>("signedValues");
        QTest::addColumn<QList<quint32>>("words");
        // Signed −8 … −1 are stored 0 … 7: nibble j holds value j.
        QTest::newRow("4-bit -8..-1")
            << 4 << QList<int>{-8, -7, -6, -5, -4, -3, -2, -1} << QList<quint32>{0x76543210u};
        // 0 is stored 8, 7 is stored 15, −8 is stored 0.
        QTest::newRow("4-bit 0, 7, -8")
            << 4 << QList<int>{0, 7, -8, 0, 0, 0, 0, 0} << QList<quint32>{0x888880F8u};
        // pack_to_int32's own example: 8-bit [1, 2] → [129, 130, 0 (pad), 0 (pad)] → 33409.
        QTest::newRow("8-bit 1, 2 (padded)") << 8 << QList<int>{1, 2} << QList<quint32>{33409u};
        // 8-bit: −128 → 0x00, 127 → 0xFF, −1 → 0x7F, 0 → 0x80; five values take two words.
        QTest::newRow("8-bit five values")
            << 8 << QList<int>{-128, 127, -1, 0, 5} << QList<quint32>{0x807FFF00u, 0x00000085u};
        // Ten 4-bit values: the second word holds values 8 and 9 and six zeros of padding.
        QTest::newRow("4-bit ten values") << 4 << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 1, -1}
                                          << QList<quint32>{0x88888888u, 0x00000079u};
    }

    void ctPackedWords()
    {
        QFETCH(int, bits);
        QFETCH(QList<int>, signedValues);
        QFETCH(QList<quint32>, words);
        std::vector<std::uint8_t> stored;
        for (int v : signedValues)
            stored.push_back(static_cast<std::uint8_t>(v + (1 << (bits - 1))));
        Words packed(static_cast<std::size_t>(
            CompressedTensorsPacking::wordsFor(static_cast<std::int64_t>(stored.size()), bits)));
        CompressedTensorsPacking::pack(stored, bits, packed);
        QCOMPARE(QList<quint32>(packed.begin(), packed.end()), words);
        std::vector<std::uint8_t> back(stored.size());
        CompressedTensorsPacking::unpack(packed, bits, back);
        QCOMPARE(back, stored);
    }

    // The hand-made tensor [N = 8, K = 16] in groups of 8: weight_packed [8, 2] holds output n's
    // codes (the stored values) along its row, weight_zero_point [1, 2] each group's zero points
    // packed along the outputs, weight_scale [8, 2] in the scale dtype.
    void ctPackLayer_data()
    {
        QTest::addColumn<int>("scaleType");
        QTest::addColumn<bool>("actOrder");
        QTest::addColumn<bool>("symmetric");
        QTest::newRow("F32 scales") << int(DType::F32) << false << false;
        QTest::newRow("BF16 scales, act-order") << int(DType::BF16) << true << false;
        QTest::newRow("F16 scales, symmetric") << int(DType::F16) << false << true;
    }

    void ctPackLayer()
    {
        QFETCH(int, scaleType);
        QFETCH(bool, actOrder);
        QFETCH(bool, symmetric);
        QuantizedTensor t = test::handMadeTensor();
        if (symmetric) {
            t.scheme.symmetric = true;
            for (GridParams& p : t.params)
                p.zero = 8.0f;
        }
        if (actOrder) {
            t.groupIndex.assign(16, 0);
            for (int k : {1, 4, 5, 9, 10, 11, 14, 15})
                t.groupIndex[static_cast<std::size_t>(k)] = 1;
        }
        const auto type = static_cast<DType>(scaleType);
        const CompressedTensorsExporter::PackedLayer p =
            CompressedTensorsExporter::pack(t, type, "layer");
        QCOMPARE(p.groups, std::int64_t(2));
        QCOMPARE(p.weightShape, (std::array<std::int64_t, 2>{8, 16}));
        QCOMPARE(p.scheme.symmetric, symmetric);
        QCOMPARE(p.scheme.actOrder, actOrder);
        QCOMPARE(p.weightPacked.size(), std::size_t(16));
        QCOMPARE(p.weightPacked[0 * 2 + 0], 0x76543210u); // output 0, inputs 0-7: codes 0 … 7
        QCOMPARE(p.weightPacked[0 * 2 + 1], 0xFEDCBA98u); // output 0, inputs 8-15: codes 8 … 15
        QCOMPARE(p.weightPacked[1 * 2 + 0], 0x87654321u); // output 1, inputs 0-7: codes 1 … 8
        QCOMPARE(p.weightPacked[7 * 2 + 1], 0x6543210Fu); // output 7, inputs 8-15: 15, 0, 1 … 6
        if (symmetric) {
            QVERIFY(p.weightZeroPoint.empty());
        } else {
            // [ceil(8 / 8) = 1, 2]: group 0's zeros 1 … 8 (signed −7 … 0), group 1's 8 … 15
            // (signed 0 … 7), output n at bits 4n.
            QCOMPARE(p.weightZeroPoint, (Words{0x87654321u, 0xFEDCBA98u}));
        }
        std::vector<float> scales(16);
        convertToFloat(type, p.weightScale.data(), scales);
        for (std::int64_t n = 0; n < 8; ++n) {
            for (std::int64_t g = 0; g < 2; ++g) {
                const float scale = t.params[static_cast<std::size_t>(n * 2 + g)].scale;
                const float expected = type == DType::BF16 ? bfloat16ToFloat(floatToBfloat16(scale))
                                       : type == DType::F16 ? halfToFloat(floatToHalf(scale))
                                                            : scale;
                QCOMPARE(scales[static_cast<std::size_t>(n * 2 + g)], expected);
            }
        }
        QCOMPARE(p.gIdx, actOrder ? t.groupIndex : std::vector<std::int32_t>());
    }

    void ctPackRefuses()
    {
        QuantizedTensor t =
            QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(3, false, 8), 8, 16);
        QString message =
            test::errorOf([&] { CompressedTensorsExporter::pack(t, DType::F16, "x.proj"); });
        QVERIFY2(message.contains("x.proj: 3-bit codes") && message.contains("--format gptq"),
                 qPrintable(message));
        t = QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(4, false, 6), 8, 16);
        message = test::errorOf([&] { CompressedTensorsExporter::pack(t, DType::F16, "y.proj"); });
        QVERIFY2(message.contains("y.proj [8, 16]: compressed-tensors needs the group size"),
                 qPrintable(message));
        // A scale that overflows float16.
        t = test::handMadeTensor();
        t.params[3].scale = 1e6f;
        message = test::errorOf([&] { CompressedTensorsExporter::pack(t, DType::F16, "z.proj"); });
        QVERIFY2(message.contains("z.proj: scale") && message.contains("F16"), qPrintable(message));
        QCOMPARE(CompressedTensorsExporter::pack(t, DType::BF16, "z.proj").groups, std::int64_t(2));
    }

    // The exact targets of a mixed set of modules.
    void ctTargets()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama(12));
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QStringList modules;
        for (const LinearLayer& layer : model->inventory().layers()) {
            if (layer.role == LayerRole::QProj || layer.role == LayerRole::KProj
                || (layer.role == LayerRole::DownProj && (layer.block == 1 || layer.block == 10))
                || (layer.role == LayerRole::OProj && layer.block == 1))
                modules << layer.name;
        }
        const QStringList targets =
            CompressedTensorsExporter::targetsFor(modules, model->inventory());
        QCOMPARE(
            targets,
            (QStringList{"re:model\\.layers\\.\\d+\\.(?:self_attn\\.q_proj|self_attn\\.k_proj)$",
                         "re:model\\.layers\\.1\\.self_attn\\.o_proj$",
                         "re:model\\.layers\\.(?:1|10)\\.mlp\\.down_proj$"}));
        // Exactly the modules, by Python's re.match: block 1's pattern does not match block 10,
        // nor block 10's block 1 or 100.
        for (const LinearLayer& layer : model->inventory().layers()) {
            const bool matched = std::any_of(targets.begin(), targets.end(), [&](const QString& t) {
                return test::pythonReMatch(t.mid(3), layer.name);
            });
            QCOMPARE(matched, modules.contains(layer.name));
        }
        QVERIFY(!test::pythonReMatch(targets[1].mid(3), "model.layers.1.self_attn.o_proj.weight"));
    }

    // The demo model with a mixed plan: 4-bit asymmetric groups of 32, down_proj at 8 bits
    // per-channel symmetric, block 4's o_proj 8-bit asymmetric groups of 32, block 2's kept; with
    // RTN and with GPTQ act-order.
    void ctDemo_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("RTN") << int(QuantMethod::Rtn);
        QTest::newRow("GPTQ act-order") << int(QuantMethod::Gptq);
    }

    void ctDemo()
    {
        QFETCH(int, method);
        const bool gptq = static_cast<QuantMethod>(method) == QuantMethod::Gptq;
        QuantPlan plan;
        plan.defaults.method = static_cast<QuantMethod>(method);
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        plan.defaults.actOrder = gptq;
        plan.calibration.sequenceLength = 256;
        PlanOverride down = test::planOverride("re:.*mlp\\.down_proj");
        down.bits = 8;
        down.symmetric = true;
        down.groupSizeCode = -1;
        plan.addOverride(down);
        plan.addOverride(test::keepOverride("model.layers.2.self_attn.o_proj"));
        PlanOverride eight = test::planOverride("model.layers.4.self_attn.o_proj");
        eight.bits = 8;
        plan.addOverride(eight);
        QVERIFY(CompressedTensorsExporter::problemsFor(plan, m_demo->inventory()).isEmpty());

        const QString demo = test::demoModelDir();
        const QMap<QString, QByteArray> inputBefore = test::snapshot(demo);
        const auto quantized = quantize(plan, m_demo, gptq ? m_windows : decltype(m_windows){});
        // vLLM needs whole words: down_proj's K = 172 at 8 bits is 43 words, but the zero points
        // of gate/up (4-bit asymmetric, N = 172) end in a padded word.
        const QStringList notes = CompressedTensorsExporter::limitations(*quantized);
        QCOMPARE(notes.size(), qsizetype(1));
        QVERIFY2(notes.front().startsWith("10 layer")
                     && notes.front().contains("model.layers.0.mlp.gate_proj")
                     && !notes.front().contains("down_proj"),
                 qPrintable(notes.front()));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("ct");
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, outDir, {}, progress);
        QCOMPARE(test::entriesOf(tmp.path()), QStringList{"ct"});
        QCOMPARE(test::snapshot(demo), inputBefore);
        QCOMPARE(test::entriesOf(outDir), test::exportedFiles(inputBefore.keys(), {}));

        // The config: three groups in model order, exact targets, the kept layer ignored.
        const QJsonObject config =
            test::readJson(QDir(outDir).filePath("config.json"))["quantization_config"].toObject();
        QCOMPARE(config["quant_method"].toString(), QString("compressed-tensors"));
        QCOMPARE(config["format"].toString(), QString("pack-quantized"));
        QCOMPARE(config["quantization_status"].toString(), QString("compressed"));
        QCOMPARE(config["ignore"].toArray(), (QJsonArray{"model.layers.2.self_attn.o_proj"}));
        const QJsonObject groups = config["config_groups"].toObject();
        QCOMPARE(groups.keys(), (QStringList{"group_0", "group_1", "group_2"}));
        const QJsonValue actorder = gptq ? QJsonValue("group") : QJsonValue();
        auto weights = [&](int bits, bool symmetric, int groupSize, bool actOrder) {
            return QJsonObject{{"num_bits", bits},
                               {"type", "int"},
                               {"symmetric", symmetric},
                               {"group_size", groupSize > 0 ? QJsonValue(groupSize) : QJsonValue()},
                               {"strategy", groupSize > 0 ? "group" : "channel"},
                               {"block_structure", QJsonValue()},
                               {"dynamic", false},
                               {"actorder", actOrder ? actorder : QJsonValue()}};
        };
        auto group = [](const QStringList& targets, const QJsonObject& w) {
            return QJsonObject{{"targets", QJsonArray::fromStringList(targets)},
                               {"weights", w},
                               {"input_activations", QJsonValue()},
                               {"output_activations", QJsonValue()}};
        };
        QCOMPARE(groups["group_0"].toObject(),
                 group({"re:model\\.layers\\.\\d+\\.(?:self_attn\\.q_proj|self_attn\\.k_proj|"
                        "self_attn\\.v_proj|mlp\\.gate_proj|mlp\\.up_proj)$",
                        "re:model\\.layers\\.(?:0|1|3)\\.self_attn\\.o_proj$"},
                       weights(4, false, 32, true)));
        QCOMPARE(
            groups["group_1"].toObject(),
            group({"re:model\\.layers\\.\\d+\\.mlp\\.down_proj$"}, weights(8, true, -1, false)));
        QCOMPARE(
            groups["group_2"].toObject(),
            group({"re:model\\.layers\\.4\\.self_attn\\.o_proj$"}, weights(8, false, 32, true)));
        QJsonObject fullConfig = test::readJson(QDir(outDir).filePath("config.json"));
        fullConfig.remove("quantization_config");
        QCOMPARE(fullConfig, test::readJson(QDir(demo).filePath("config.json")));

        // Every module (and its parents) matched as a loader matches: quantized layers by their
        // own group's targets only, with the plan's settings; nothing else by any.
        const auto out = Checkpoint::open(outDir);
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            for (const QString& name : {layer.name, layer.name.section('.', 0, -2)}) {
                QStringList matched;
                for (const QString& key : groups.keys()) {
                    for (const QJsonValue& t : groups[key]["targets"].toArray()) {
                        if (test::pythonReMatch(t.toString().mid(3), name)
                            && !matched.contains(key))
                            matched << key;
                    }
                }
                const LayerQuantConfig wanted = plan.resolve(layer.name);
                if (name != layer.name || wanted.method == QuantMethod::None) {
                    QVERIFY2(matched.isEmpty(), qPrintable(name));
                    continue;
                }
                QCOMPARE(matched.size(), qsizetype(1));
                const QJsonObject w = groups[matched.front()]["weights"].toObject();
                QCOMPARE(w["num_bits"].toInt(), wanted.scheme.bits);
                QCOMPARE(w["symmetric"].toBool(), wanted.scheme.symmetric);
                QCOMPARE(
                    w["strategy"].toString(),
                    QString(wanted.scheme.granularity == Granularity::Group ? "group" : "channel"));
            }
        }

        // Tensors: names, dtypes, shapes.
        int quantizedLayers = 0;
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const QuantizedLayer* q = quantized->find(layer.name);
            if (!q) {
                QVERIFY(!out->find(layer.name + ".weight_packed"));
                QVERIFY(out->find(layer.weightName));
                continue;
            }
            ++quantizedLayers;
            QVERIFY(!out->find(layer.weightName));
            const int bits = q->tensor.scheme.bits;
            const std::int64_t perWord = 32 / bits;
            const std::int64_t k = layer.inFeatures;
            const std::int64_t n = layer.outFeatures;
            const std::int64_t groupCount = q->tensor.groupsPerRow;
            const bool asymmetric = !q->tensor.scheme.symmetric;
            const bool grouped = q->tensor.scheme.granularity == Granularity::Group;
            QCOMPARE(groupCount, grouped ? k / 32 : 1);
            auto check = [&](const QString& suffix, DType dtype, std::vector<std::int64_t> shape) {
                test::verifyTensorHeader(*out, layer.name + suffix, dtype, shape);
            };
            check(".weight_packed", DType::I32, {n, (k + perWord - 1) / perWord});
            check(".weight_scale", DType::F32, {n, groupCount}); // the demo model is float32
            check(".weight_shape", DType::I64, {2});
            QCOMPARE(test::valuesOf<std::int64_t>(*out, layer.name + ".weight_shape"),
                     (std::vector<std::int64_t>{n, k}));
            QCOMPARE(bool(out->find(layer.name + ".weight_zero_point")), asymmetric);
            if (asymmetric)
                check(".weight_zero_point", DType::I32, {(n + perWord - 1) / perWord, groupCount});
            QCOMPARE(bool(out->find(layer.name + ".weight_g_idx")), gptq && grouped);
            if (gptq && grouped) {
                check(".weight_g_idx", DType::I32, {k});
                const std::vector<std::int32_t> gIdx =
                    test::valuesOf<std::int32_t>(*out, layer.name + ".weight_g_idx");
                for (std::int64_t c = 0; c < k; ++c)
                    QCOMPARE(gIdx[static_cast<std::size_t>(c)], std::int32_t(q->tensor.groupOf(c)));
                QVERIFY(!std::is_sorted(gIdx.begin(), gIdx.end()));
            }
        }
        QCOMPARE(quantizedLayers, 34);

        // Read back: the run's weights exactly (float32 scales).
        const auto reader = CompressedTensorsCheckpoint::open(outDir);
        QCOMPARE(reader->quantizedModules().size(), qsizetype(34));
        QVERIFY(!reader->schemeFor("model.layers.2.self_attn.o_proj"));
        QCOMPARE(reader->schemeFor("model.layers.4.self_attn.o_proj")->bits, 8);
        QCOMPARE(reader->schemeFor("model.layers.0.mlp.down_proj")->symmetric, true);
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), weightType);
    }

    // A bfloat16 model: scales in bfloat16, read back exactly with bfloat16-rounded scales; an
    // untied lm_head kept unquantized is ignored.
    void ctBf16()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.dtype = DType::BF16;
        options.tieWordEmbeddings = false;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const auto model = LoadedModel::open(tmp.filePath("in"));
        QuantPlan plan = test::rtnPlan(4, 16, false);
        plan.addOverride(test::keepOverride("lm_head"));
        const auto quantized = quantize(plan, model, {});
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, tmp.filePath("out"), {}, progress);
        const auto out = Checkpoint::open(tmp.filePath("out"));
        QCOMPARE(out->require("model.layers.1.mlp.up_proj.weight_scale").info->dtype, DType::BF16);
        const QJsonObject config =
            test::readJson(QDir(tmp.filePath("out")).filePath("config.json"))["quantization_config"]
                .toObject();
        QCOMPARE(config["ignore"].toArray(), QJsonArray{"lm_head"});
        QCOMPARE(config["config_groups"].toObject().size(), qsizetype(1));
        const auto reader = CompressedTensorsCheckpoint::open(tmp.filePath("out"));
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), weightType);
    }

    // AWQ's input scales folded into the norms and into up_proj's and v_proj's scales (quantized;
    // o_proj's tied per key/value head): the model read back computes what the run's model
    // computes.
    void ctFoldsInputScales()
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::Awq;
        plan.defaults.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
        plan.calibration.sequenceLength = 256;
        PlanOverride mlp = test::planOverride("re:.*\\.mlp\\..*");
        mlp.bits = 8;
        mlp.groupSizeCode = -1; // K = 172 takes no groups of 32
        plan.addOverride(mlp);
        const auto quantized = quantize(plan, m_demo, m_windows);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("ct");
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, outDir, {}, progress);
        const auto out = Checkpoint::open(outDir);
        const Checkpoint& in = m_demo->checkpoint();
        std::map<QString, std::vector<float>> divisors;
        for (int block = 0; block < m_demo->spec().numHiddenLayers; ++block) {
            const QString prefix = QStringLiteral("model.layers.%1.").arg(block);
            divisors[prefix + "mlp.up_proj"] =
                quantized->find(prefix + "mlp.down_proj")->inputScale;
            test::vProjRowDivisor(m_demo->spec(),
                                  quantized->find(prefix + "self_attn.o_proj")->inputScale,
                                  divisors[prefix + "self_attn.v_proj"]);
            if (QTest::currentTestFailed())
                return;
            for (const auto& [norm, layer] :
                 {std::pair{prefix + "input_layernorm.weight", prefix + "self_attn.q_proj"},
                  std::pair{prefix + "post_attention_layernorm.weight",
                            prefix + "mlp.gate_proj"}}) {
                test::verifyFolded(in, *out, norm, quantized->find(layer)->inputScale);
            }
        }
        const auto reader = CompressedTensorsCheckpoint::open(outDir);
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), weightType, divisors);
        const QString floatDir = tmp.filePath("float");
        test::writeFloatCopy(
            outDir, m_demo->inventory(), reader->quantizedModules(),
            {"weight_packed", "weight_scale", "weight_shape", "weight_zero_point", "weight_g_idx"},
            test::dequantizedWeightsOf(reader), floatDir);
        test::compareLogitsWithRun(
            *quantized, floatDir,
            std::vector<int>(m_windows.front().begin(), m_windows.front().begin() + 64));
    }

    // W8A8 layers (SmoothQuant) are int-quantized with dynamic per-token int8 activations, as
    // llm-compressor's W8A8 scheme: int8 weights equal to the run's codes − 128, per-channel
    // scales, the smoothing folded into the norms and up_proj; alone the config's format is
    // "int-quantized", beside pack-quantized layers "mixed-precision" with a format per group.
    void ctW8A8_data()
    {
        QTest::addColumn<bool>("smooth");
        QTest::addColumn<bool>("mixed");
        QTest::newRow("SmoothQuant everywhere") << true << false;
        QTest::newRow("SmoothQuant, q/k/v 4-bit RTN") << true << true;
        QTest::newRow("W8A8 everywhere") << false << false;
    }

    void ctW8A8()
    {
        QFETCH(bool, smooth);
        QFETCH(bool, mixed);
        QuantPlan plan;
        plan.defaults.method = smooth ? QuantMethod::SmoothQuant : QuantMethod::W8A8;
        plan.calibration.sequenceLength = 256;
        if (mixed) {
            PlanOverride qkv = test::planOverride("re:.*self_attn\\.[qkv]_proj");
            qkv.method = QuantMethod::Rtn;
            qkv.bits = 4;
            qkv.symmetric = true;
            qkv.groupSizeCode = 32;
            plan.addOverride(qkv);
        }
        QVERIFY(CompressedTensorsExporter::problemsFor(plan, m_demo->inventory()).isEmpty());
        const auto quantized = quantize(plan, m_demo, m_windows);
        const QStringList notes = CompressedTensorsExporter::limitations(*quantized);
        QCOMPARE(notes.size(), qsizetype(mixed ? 1 : 0));
        if (mixed)
            QVERIFY2(notes.front().contains("mixed-precision"), qPrintable(notes.front()));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath("ct");
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, outDir, {}, progress);

        const QJsonObject config =
            test::readJson(QDir(outDir).filePath("config.json"))["quantization_config"].toObject();
        QCOMPARE(config["format"].toString(), QString(mixed ? "mixed-precision" : "int-quantized"));
        const QJsonObject groups = config["config_groups"].toObject();
        QCOMPARE(groups.size(), qsizetype(mixed ? 2 : 1));
        const QJsonObject tokenInt8{{"num_bits", 8},       {"type", "int"},
                                    {"symmetric", true},   {"group_size", QJsonValue()},
                                    {"strategy", "token"}, {"block_structure", QJsonValue()},
                                    {"dynamic", true},     {"actorder", QJsonValue()}};
        const QJsonObject w8a8 = groups[mixed ? "group_1" : "group_0"].toObject();
        QCOMPARE(w8a8["input_activations"].toObject(), tokenInt8);
        QCOMPARE(w8a8["weights"]["num_bits"].toInt(), 8);
        QCOMPARE(w8a8["weights"]["strategy"].toString(), QString("channel"));
        QCOMPARE(w8a8["weights"]["symmetric"].toBool(), true);
        QCOMPARE(w8a8.contains("format"), mixed);
        if (mixed) {
            QCOMPARE(w8a8["format"].toString(), QString("int-quantized"));
            const QJsonObject weightOnly = groups["group_0"].toObject();
            QCOMPARE(weightOnly["format"].toString(), QString("pack-quantized"));
            QVERIFY(weightOnly["input_activations"].isNull());
            QCOMPARE(weightOnly["targets"].toArray(),
                     (QJsonArray{"re:model\\.layers\\.\\d+\\.(?:self_attn\\.q_proj|"
                                 "self_attn\\.k_proj|self_attn\\.v_proj)$"}));
        }

        // Tensors: int8 codes − 128 and one scale per output row for every W8A8 layer.
        const auto out = Checkpoint::open(outDir);
        int w8a8Layers = 0;
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const QuantizedLayer* q = quantized->find(layer.name);
            QVERIFY(q);
            if (!q->quantizedActivations) {
                QVERIFY(out->find(layer.name + ".weight_packed"));
                continue;
            }
            ++w8a8Layers;
            QVERIFY(!out->find(layer.name + ".weight_packed"));
            QVERIFY(!out->find(layer.name + ".weight_zero_point"));
            const std::int64_t n = layer.outFeatures;
            const std::int64_t k = layer.inFeatures;
            test::verifyTensorHeader(*out, layer.name + ".weight", DType::I8, {n, k});
            test::verifyTensorHeader(*out, layer.name + ".weight_scale", DType::F32, {n, 1});
            const std::vector<std::int8_t> values =
                test::valuesOf<std::int8_t>(*out, layer.name + ".weight");
            for (std::size_t i = 0; i < values.size(); ++i)
                QCOMPARE(int(values[i]), int(q->tensor.codes[i]) - 128);
        }
        QCOMPARE(w8a8Layers, mixed ? 20 : 35);

        // Read back: the run's weights with the smoothing folded.
        std::map<QString, std::vector<float>> divisors;
        for (int block = 0; block < m_demo->spec().numHiddenLayers; ++block) {
            const QString prefix = QStringLiteral("model.layers.%1.").arg(block);
            QVERIFY(quantized->find(prefix + "self_attn.o_proj")->inputScale.empty());
            const std::vector<float>& downScale =
                quantized->find(prefix + "mlp.down_proj")->inputScale;
            const std::vector<float>& gateScale =
                quantized->find(prefix + "mlp.gate_proj")->inputScale;
            const std::vector<float>& qScale =
                quantized->find(prefix + "self_attn.q_proj")->inputScale;
            QCOMPARE(downScale.empty(), !smooth);
            QCOMPARE(qScale.empty(), !smooth || mixed);
            if (!smooth)
                continue;
            divisors[prefix + "mlp.up_proj"] = downScale;
            test::verifyFolded(m_demo->checkpoint(), *out,
                               prefix + "post_attention_layernorm.weight", gateScale);
            if (!mixed)
                test::verifyFolded(m_demo->checkpoint(), *out, prefix + "input_layernorm.weight",
                                   qScale);
        }
        const auto reader = CompressedTensorsCheckpoint::open(outDir);
        QCOMPARE(reader->quantizedModules().size(), qsizetype(35));
        test::verifyReadBack(*quantized, test::dequantizedWeightsOf(reader), weightType, divisors);
        QVERIFY(reader->caveats().isEmpty());
        QCOMPARE(reader->schemeFor("model.layers.0.mlp.down_proj")->tokenActivations,
                 CompressedTensorsCheckpoint::Scheme::TokenActivations::Int8);
        QCOMPARE(reader->schemeFor("model.layers.0.self_attn.q_proj")->tokenActivations,
                 mixed ? CompressedTensorsCheckpoint::Scheme::TokenActivations::None
                       : CompressedTensorsCheckpoint::Scheme::TokenActivations::Int8);
        const QString floatDir = tmp.filePath("float");
        test::writeFloatCopy(outDir, m_demo->inventory(), reader->quantizedModules(),
                             {"weight", "weight_packed", "weight_scale", "weight_shape"},
                             test::dequantizedWeightsOf(reader), floatDir);
        test::compareLogitsWithRun(
            *quantized, floatDir,
            std::vector<int>(m_windows.front().begin(), m_windows.front().begin() + 64));

        // Opened as a model, the export rounds the inputs of its W8A8 layers per token, as the
        // run does, and no other input.
        const auto imported = LoadedModel::open(outDir);
        QVERIFY2(imported->importNote().contains(mixed ? "20 layer" : "35 layer")
                     && imported->importNote().contains("int8 per token"),
                 qPrintable(imported->importNote()));
        QVERIFY(imported->importCaveats().isEmpty());
        const std::vector<int> tokens(m_windows.front().begin(), m_windows.front().begin() + 64);
        OnInt8Grid grid;
        test::logitsOf(imported, tokens, &grid);
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const auto found = grid.sites.find(layer.inputGroup);
            QVERIFY2(found != grid.sites.end(), qPrintable(layer.name));
            QVERIFY2(found->second == quantized->find(layer.name)->quantizedActivations,
                     qPrintable(layer.name));
        }
        if (smooth)
            return; // the folds round the norms in float32: no longer the run's exact sums
        // Without folds the export computes what the run computes with activation rounding,
        // float for float.
        QuantizedModelHooks withActivations(quantized);
        const std::vector<float> run = test::logitsOf(m_demo, tokens, &withActivations);
        const std::vector<float> exported = test::logitsOf(imported, tokens);
        QCOMPARE(test::maxAbsDifference(exported, run), 0.0);
        // …which the activation rounding moves visibly.
        auto weightsOnly = std::make_shared<QuantizedModel>(*quantized);
        for (auto& [name, layer] : weightsOnly->layers)
            layer.quantizedActivations = false;
        QuantizedModelHooks withoutActivations(weightsOnly);
        QVERIFY(
            test::maxAbsDifference(exported, test::logitsOf(m_demo, tokens, &withoutActivations))
            > 0.01);
    }

    // One input whose layers the checkpoint rounds differently (q_proj W8A8, k/v int8 weights
    // with full-precision activations: QuantBench's plans refuse that, a hand-edited config can
    // say it): runtimes round it for q_proj alone, which a forward pass rounding each input once
    // cannot do, so the import rounds nothing there and says so, naming the layers.
    void ctW8A8SharedInput()
    {
        QuantPlan plan;
        plan.defaults.method = QuantMethod::W8A8;
        const auto quantized = quantize(plan, m_demo, {});
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, tmp.filePath("ct"), {}, progress);
        // k_proj and v_proj by name (an exact name wins over group_0's regex), without
        // activation quantization.
        const QString configPath = QDir(tmp.filePath("ct")).filePath("config.json");
        QJsonObject config = test::readJson(configPath);
        QJsonObject quantization = config["quantization_config"].toObject();
        QJsonObject groups = quantization["config_groups"].toObject();
        QJsonObject weightOnly = groups["group_0"].toObject();
        QJsonArray names;
        for (int block = 0; block < m_demo->spec().numHiddenLayers; ++block) {
            names.append(QStringLiteral("model.layers.%1.self_attn.k_proj").arg(block));
            names.append(QStringLiteral("model.layers.%1.self_attn.v_proj").arg(block));
        }
        weightOnly["targets"] = names;
        weightOnly["input_activations"] = QJsonValue();
        groups["group_1"] = weightOnly;
        quantization["config_groups"] = groups;
        config["quantization_config"] = quantization;
        test::writeJson(configPath, config);

        const auto imported = LoadedModel::open(tmp.filePath("ct"));
        const QStringList caveats = imported->importCaveats();
        QCOMPARE(caveats.size(), qsizetype(m_demo->spec().numHiddenLayers));
        QVERIFY2(caveats.front().startsWith("model.layers.0.self_attn.q_proj, "
                                            "model.layers.0.self_attn.k_proj, "
                                            "model.layers.0.self_attn.v_proj read one input")
                     && caveats.front().contains("full precision"),
                 qPrintable(caveats.front()));
        // The other sites (o_proj, gate/up, down_proj) are rounded.
        QVERIFY2(imported->importNote().contains("20 layer"), qPrintable(imported->importNote()));
        OnInt8Grid grid;
        test::logitsOf(imported, {1, 400, 30, 80}, &grid);
        for (const LinearLayer& layer : m_demo->inventory().layers()) {
            const bool attentionInput = layer.role == LayerRole::QProj
                                        || layer.role == LayerRole::KProj
                                        || layer.role == LayerRole::VProj;
            QVERIFY2(grid.sites.at(layer.inputGroup) != attentionInput, qPrintable(layer.name));
        }
    }

    // Layers whose inputs (or, asymmetric, outputs) do not fill whole words are written padded,
    // read back exactly, and named in the limitations (vLLM refuses them).
    void ctPadded()
    {
        QuantPlan plan = test::rtnPlan(4, -1, false);
        const auto quantized = quantize(plan, m_demo, {});
        const QStringList notes = CompressedTensorsExporter::limitations(*quantized);
        QCOMPARE(notes.size(), qsizetype(1));
        QVERIFY2(notes.front().startsWith("15 layer") && notes.front().contains("vLLM"),
                 qPrintable(notes.front()));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, tmp.filePath("out"), {}, progress);
        const auto out = Checkpoint::open(tmp.filePath("out"));
        // down_proj: K = 172 → 22 words (the last holds 4 values); gate_proj's 172 zero points
        // → 22 words.
        QCOMPARE(out->require("model.layers.0.mlp.down_proj.weight_packed").info->shape,
                 (std::vector<std::int64_t>{64, 22}));
        QCOMPARE(out->require("model.layers.0.mlp.gate_proj.weight_zero_point").info->shape,
                 (std::vector<std::int64_t>{22, 1}));
        test::verifyReadBack(
            *quantized,
            test::dequantizedWeightsOf(CompressedTensorsCheckpoint::open(tmp.filePath("out"))),
            weightType);
    }

    void ctRefuses_data()
    {
        QTest::addColumn<int>("intermediate");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("lmHead");
        QTest::addColumn<QString>("expected");
        QTest::newRow("3 bits")
            << 64 << 3 << 16 << false
            << "model.layers.0.self_attn.q_proj: 3-bit codes; pack-quantized compressed-tensors "
               "checkpoints hold 4 or 8 bits (vLLM serves no other width): choose --format gptq";
        QTest::newRow("2 bits") << 64 << 2 << 16 << false
                                << "model.layers.0.self_attn.q_proj: 2-bit codes";
        QTest::newRow("groups of 32, K = 48")
            << 48 << 4 << 32 << false
            << "model.layers.0.mlp.down_proj [32, 48]: compressed-tensors needs the group size "
               "to divide the 48 inputs, and 32 does not";
        QTest::newRow("quantized lm_head")
            << 64 << 4 << 16 << true
            << "lm_head is quantized, but vLLM loads the lm_head of a compressed-tensors "
               "checkpoint unquantized only";
    }

    void ctRefuses()
    {
        QFETCH(int, intermediate);
        QFETCH(int, bits);
        QFETCH(int, groupCode);
        QFETCH(bool, lmHead);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.intermediateSize = intermediate;
        options.tieWordEmbeddings = !lmHead;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const QMap<QString, QByteArray> before = test::snapshot(tmp.path());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const QuantPlan plan = test::rtnPlan(bits, groupCode, false);
        const QStringList problems =
            CompressedTensorsExporter::problemsFor(plan, model->inventory());
        QVERIFY2(problems.join('\n').contains(expected), qPrintable(problems.join('\n')));
        const auto quantized = quantize(plan, model, {});
        SilentProgress progress;
        const QString message = test::errorOf(
            [&] { CompressedTensorsExporter::run(*quantized, tmp.filePath("out"), {}, progress); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(test::snapshot(tmp.path()), before);
    }

    void ctReaderRefuses_data()
    {
        QTest::addColumn<QString>("tensor"); // tensor to alter ("" = none)
        QTest::addColumn<QString>("change"); // what to do to it, or to the config
        QTest::addColumn<QString>("expected");
        const QString module = "model.layers.0.mlp.up_proj";
        QTest::newRow("weight_shape wrong") << module + ".weight_shape"
                                            << "shape values"
                                            << "holds [64, 40]";
        QTest::newRow("weight_packed F32") << module + ".weight_packed"
                                           << "f32"
                                           << "must be I32, not F32";
        QTest::newRow("weight_scale shape") << module + ".weight_scale"
                                            << "transpose"
                                            << "up_proj.weight_scale has shape [2, 64]";
        QTest::newRow("zero point missing") << module + ".weight_zero_point"
                                            << "drop"
                                            << ".weight_zero_point is missing";
        QTest::newRow("g_idx without actorder") << module + ".weight_scale"
                                                << "gidx"
                                                << "weight_g_idx is present, but config group";
        QTest::newRow("actorder without g_idx") << QString() << "actorder"
                                                << ".weight_g_idx is missing";
        QTest::newRow("ambiguous groups") << QString() << "ambiguous"
                                          << "matches the targets of config groups";
        QTest::newRow("ignored but quantized") << QString() << "ignore"
                                               << "is stored quantized, but the quantization";
        QTest::newRow("invalid regex") << QString() << "regex"
                                       << "is not a valid regular expression";
        QTest::newRow("naive-quantized") << QString() << "naive"
                                         << "stores its values unpacked";
        QTest::newRow("num_bits 9") << QString() << "bits"
                                    << "num_bits must be an integer from 1 to 8";
        QTest::newRow("output activations") << QString() << "activations"
                                            << "output_activations are quantized";
    }

    void ctReaderRefuses()
    {
        QFETCH(QString, tensor);
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeTinyLlama(tmp.filePath("in"), test::packableTinyLlama());
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 16, false), model, {});
        const QString good = tmp.filePath("good");
        SilentProgress progress;
        CompressedTensorsExporter::run(*quantized, good, {}, progress);

        const QString bad = tmp.filePath("bad");
        test::writeAlteredExport(
            good, bad,
            [&](test::RawTensor t, std::vector<test::RawTensor>& out) {
                if (t.name == tensor) {
                    if (change == "drop")
                        return;
                    if (change == "f32")
                        t.dtype = DType::F32;
                    if (change == "transpose")
                        t.shape = {t.shape[1], t.shape[0]};
                    if (change == "shape values") {
                        const std::int64_t wrong[2] = {64, 40};
                        std::memcpy(t.bytes.data(), wrong, sizeof(wrong));
                    }
                    if (change == "gidx")
                        out.push_back({t.name.chopped(5) + "g_idx",
                                       DType::I32,
                                       {32},
                                       QByteArray(32 * 4, '\0')});
                }
                out.push_back(t);
            },
            [&](QJsonObject& qc) {
                QJsonObject groups = qc["config_groups"].toObject();
                QJsonObject group0 = groups["group_0"].toObject();
                QJsonObject weights = group0["weights"].toObject();
                if (change == "actorder")
                    weights["actorder"] = "group";
                if (change == "bits")
                    weights["num_bits"] = 9;
                if (change == "activations")
                    group0["output_activations"] = QJsonObject{{"num_bits", 8}};
                if (change == "regex")
                    group0["targets"] = QJsonArray{"re:model\\.layers\\.(\\d+"};
                group0["weights"] = weights;
                groups["group_0"] = group0;
                if (change == "ambiguous")
                    groups["group_1"] = group0;
                qc["config_groups"] = groups;
                if (change == "ignore")
                    qc["ignore"] = QJsonArray{"re:.*up_proj$"};
                if (change == "naive")
                    qc["format"] = "naive-quantized";
            });

        const QString message = test::errorOf([&] {
            const auto reader = CompressedTensorsCheckpoint::open(bad);
            reader->dequantizedWeight("model.layers.0.mlp.up_proj");
        });
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    // ==== staging, both formats
    // ===================================================================

    void cancelledLeavesNothing_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("awq") << "awq";
        QTest::newRow("compressed-tensors") << "compressed-tensors";
    }

    void cancelledLeavesNothing()
    {
        QFETCH(QString, format);
        const bool awq = format == "awq";
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::TinyLlamaOptions options = test::packableTinyLlama();
        options.shards = 2;
        test::writeTinyLlama(tmp.filePath("in"), options);
        const auto model = LoadedModel::open(tmp.filePath("in"));
        const auto quantized = quantize(test::rtnPlan(4, 16, false), model, {});
        const QString outDir = tmp.filePath("out");
        QVERIFY(QDir().mkpath(outDir));
        test::writeJson(QDir(outDir).filePath("old.json"), QJsonObject{});
        test::verifyStagedExport(tmp.path(), [&](bool replace, Progress& progress) {
            if (awq) {
                AwqExporter::Options o;
                o.replaceExisting = replace;
                AwqExporter::run(*quantized, outDir, o, progress);
            } else {
                CompressedTensorsExporter::Options o;
                o.replaceExisting = replace;
                CompressedTensorsExporter::run(*quantized, outDir, o, progress);
            }
        });

        // Sharded: the same shard files and an index naming the new tensors.
        const QJsonObject weightMap =
            test::readJson(QDir(outDir).filePath(Checkpoint::kIndexFileName))["weight_map"]
                .toObject();
        QVERIFY(weightMap.contains(awq ? "model.layers.1.mlp.down_proj.qweight"
                                       : "model.layers.1.mlp.down_proj.weight_packed"));
        QVERIFY(!weightMap.contains("model.layers.1.mlp.down_proj.weight"));
        QCOMPARE(Checkpoint::open(outDir)->shards().size(), std::size_t(2));
        if (awq)
            test::verifyReadBack(*quantized,
                                 test::dequantizedWeightsOf(AwqCheckpoint::open(outDir)), f16);
        else
            test::verifyReadBack(
                *quantized, test::dequantizedWeightsOf(CompressedTensorsCheckpoint::open(outDir)),
                weightType);
    }
};

QTEST_GUILESS_MAIN(TestAwqCompressedTensorsExport)
#include "tst_awq_compressed_tensors_export.moc"
