// Checkpoints that store their quantized values as they are, beside their scales: compressed-
// tensors FP8 E4M3 ("float-quantized": llm-compressor's FP8_DYNAMIC, FP8 and FP8_BLOCK schemes)
// and signed int8 ("int-quantized", "naive-quantized": W8A8 and older int checkpoints), read
// back by CompressedTensorsCheckpoint, and the "fp8" format of transformers and vLLM (DeepSeek's
// and Qwen's FP8 releases, AutoFP8), read back by Fp8Checkpoint; both imported by LoadedModel.
// The checkpoints are written here from random stored values and scales, and every weight read
// back must equal scale · (value − zero point) computed from them, with FP8 decoded from its
// definition, bit for bit.

#include "core/io/compressed_tensors_checkpoint.h"
#include "core/io/fp8_checkpoint.h"
#include "core/model/loaded_model.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/synthetic_checkpoint.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <random>

using namespace qb;

namespace {

// FP8 E4M3 from its definition (as in tst_dtype): (1 + m/8) · 2^(e−7), subnormal m/8 · 2^−6.
float fp8Value(int bits)
{
    const int exponent = (bits >> 3) & 0xF;
    const int mantissa = bits & 7;
    const double magnitude = exponent == 0 ? mantissa / 8.0 * std::pow(2.0, -6)
                                           : (1.0 + mantissa / 8.0) * std::pow(2.0, exponent - 7);
    return static_cast<float>((bits & 0x80) ? -magnitude : magnitude);
}

// How one checkpoint stores its linears.
struct Layout {
    bool hfFp8 = false; // quant_method "fp8" (the fields below but strategy, scaleType and
                        // inputScale are then compressed-tensors' only)
    QString activationScheme = QStringLiteral("dynamic"); // hfFp8
    QString format = QStringLiteral("float-quantized");   // the config's format
    bool floatValues = true;                              // FP8, else signed int8 values
    int bits = 8;
    bool symmetric = true;
    QString strategy = QStringLiteral("channel"); // tensor, channel, group, block
    int groupSize = 0;                            // group
    int blockRows = 0;                            // block
    int blockColumns = 0;
    DType scaleType = DType::F32;
    QJsonObject inputActivations; // empty: not quantized
    bool inputScale = false;      // static activations: an input_scale per module
};

// The checkpoint written and the weights a reader must give back.
struct Written {
    QStringList modules;
    std::map<QString, std::vector<float>> expected; // module -> [N, K]
};

bool isLinearWeight(const QString& name)
{
    return name.endsWith(QLatin1String("_proj.weight"));
}

// Writes a tiny Llama at `dir` whose linears are stored by `layout`, with random values, scales
// and zero points.
Written writeValueCheckpoint(const QString& dir, const Layout& layout)
{
    test::TinyLlamaOptions options; // q/o [16, 16], k/v [8, 16], gate/up [24, 16], down [16, 24]
    std::mt19937 rng(7);
    std::vector<test::RawTensor> tensors;
    Written written;
    for (test::RawTensor& tensor : test::tinyLlamaTensors(options)) {
        if (!isLinearWeight(tensor.name)) {
            tensors.push_back(std::move(tensor));
            continue;
        }
        const QString module = tensor.name.chopped(7); // ".weight"
        const std::int64_t n = tensor.shape[0];
        const std::int64_t k = tensor.shape[1];
        std::int64_t parameterRows = 1;
        std::int64_t parameterColumns = 1;
        if (layout.strategy == QLatin1String("channel")) {
            parameterRows = n;
        } else if (layout.strategy == QLatin1String("group")) {
            parameterRows = n;
            parameterColumns = (k + layout.groupSize - 1) / layout.groupSize;
        } else if (layout.strategy == QLatin1String("block")) {
            parameterRows = (n + layout.blockRows - 1) / layout.blockRows;
            parameterColumns = (k + layout.blockColumns - 1) / layout.blockColumns;
        }
        auto parameterOf = [&](std::int64_t row, std::int64_t column) {
            if (layout.strategy == QLatin1String("tensor"))
                return std::int64_t(0);
            if (layout.strategy == QLatin1String("channel"))
                return row;
            if (layout.strategy == QLatin1String("group"))
                return row * parameterColumns + column / layout.groupSize;
            return (row / layout.blockRows) * parameterColumns + column / layout.blockColumns;
        };

        // Scales, rounded to the dtype they are stored in.
        std::uniform_real_distribution<float> scaleDistribution(0.001f, 0.01f);
        std::vector<float> scales(static_cast<std::size_t>(parameterRows * parameterColumns));
        for (float& scale : scales)
            scale = scaleDistribution(rng);
        const QByteArray scaleBytes = test::encodeFloats(scales, layout.scaleType);
        std::vector<float> storedScales(scales.size());
        convertToFloat(layout.scaleType, reinterpret_cast<const std::byte*>(scaleBytes.data()),
                       storedScales);

        // Zero points (asymmetric int): signed values within the bits.
        const int lowest = -(1 << (layout.bits - 1));
        const int highest = (1 << (layout.bits - 1)) - 1;
        std::uniform_int_distribution<int> intValue(lowest, highest);
        std::vector<int> zeros(scales.size(), 0);
        if (!layout.symmetric) {
            for (int& zero : zeros)
                zero = intValue(rng);
        }

        QByteArray values(static_cast<qsizetype>(n * k), '\0');
        std::vector<float> expected(static_cast<std::size_t>(n * k));
        std::uniform_int_distribution<int> byte(0, 255);
        for (std::int64_t row = 0; row < n; ++row) {
            for (std::int64_t column = 0; column < k; ++column) {
                const auto at = static_cast<std::size_t>(row * k + column);
                const auto p = static_cast<std::size_t>(parameterOf(row, column));
                float value;
                if (layout.floatValues) {
                    int bits = byte(rng);
                    if ((bits & 0x7F) == 0x7F) // NaN: not a weight
                        bits &= 0xFE;
                    values[static_cast<qsizetype>(at)] = static_cast<char>(bits);
                    value = fp8Value(bits);
                } else {
                    const int q = intValue(rng);
                    values[static_cast<qsizetype>(at)] = static_cast<char>(q);
                    value = static_cast<float>(q - zeros[p]);
                }
                expected[at] = storedScales[p] * value;
            }
        }
        tensors.push_back(
            {module + ".weight", layout.floatValues ? DType::F8_E4M3 : DType::I8, {n, k}, values});
        const std::vector<std::int64_t> parameterShape =
            layout.strategy == QLatin1String("tensor")
                ? std::vector<std::int64_t>{1}
                : std::vector<std::int64_t>{parameterRows, parameterColumns};
        const QString scaleSuffix = layout.hfFp8 && layout.strategy == QLatin1String("block")
                                        ? QStringLiteral(".weight_scale_inv")
                                        : QStringLiteral(".weight_scale");
        tensors.push_back({module + scaleSuffix, layout.scaleType, parameterShape, scaleBytes});
        if (!layout.symmetric) {
            QByteArray zeroBytes(static_cast<qsizetype>(zeros.size()), '\0');
            for (std::size_t i = 0; i < zeros.size(); ++i)
                zeroBytes[static_cast<qsizetype>(i)] = static_cast<char>(zeros[i]);
            tensors.push_back(
                {module + ".weight_zero_point", DType::I8, parameterShape, zeroBytes});
        }
        if (layout.inputScale)
            tensors.push_back({module + ".input_scale",
                               DType::F32,
                               {1},
                               test::encodeFloats({0.02f}, DType::F32)});
        written.modules << module;
        written.expected[module] = std::move(expected);
    }
    written.modules.sort();

    QJsonObject weights{{"num_bits", layout.bits},
                        {"type", layout.floatValues ? "float" : "int"},
                        {"symmetric", layout.symmetric},
                        {"strategy", layout.strategy},
                        {"dynamic", false}};
    if (layout.strategy == QLatin1String("group"))
        weights["group_size"] = layout.groupSize;
    if (layout.strategy == QLatin1String("block"))
        weights["block_structure"] = QJsonArray{layout.blockRows, layout.blockColumns};
    QJsonObject group{{"targets", QJsonArray{"Linear"}}, {"weights", weights}};
    group["input_activations"] =
        layout.inputActivations.isEmpty() ? QJsonValue() : QJsonValue(layout.inputActivations);
    QJsonObject config = test::tinyLlamaConfig(options);
    if (layout.hfFp8) {
        QJsonObject fp8{{"quant_method", "fp8"}, {"activation_scheme", layout.activationScheme}};
        if (layout.strategy == QLatin1String("block"))
            fp8["weight_block_size"] = QJsonArray{layout.blockRows, layout.blockColumns};
        config["quantization_config"] = fp8;
    } else {
        config["quantization_config"] = QJsonObject{
            {"quant_method", "compressed-tensors"},
            {"format", layout.format},
            {"quantization_status", "compressed"},
            {"config_groups", QJsonObject{{"group_0", group}}},
            {"ignore", QJsonArray{"lm_head"}},
        };
    }
    QDir().mkpath(dir);
    test::writeSafetensors(QDir(dir).filePath("model.safetensors"), tensors);
    test::writeJson(QDir(dir).filePath("config.json"), config);
    return written;
}

QJsonObject dynamicPerToken(const char* type)
{
    return {{"num_bits", 8},
            {"type", type},
            {"symmetric", true},
            {"strategy", "token"},
            {"dynamic", true}};
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// Rewrites the checkpoint's model.safetensors: each tensor, in file order, goes through `alter`,
// which appends to `out` what is written in its place.
void rewriteTensors(
    const QString& dir,
    const std::function<void(test::RawTensor tensor, std::vector<test::RawTensor>& out)>& alter)
{
    std::vector<test::RawTensor> tensors;
    {
        const auto checkpoint = Checkpoint::open(dir);
        for (const QString& name : checkpoint->tensorNames()) {
            const auto ref = checkpoint->require(name);
            alter(
                {name, ref.info->dtype, ref.info->shape, test::toBytes(ref.file->bytes(*ref.info))},
                tensors);
        }
    }
    const QString path = QDir(dir).filePath("model.safetensors");
    test::writeSafetensors(path + ".new", tensors);
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::rename(path + ".new", path));
}

// Rewrites the checkpoint's config.json through `alter`, which edits the whole config (its
// "quantization_config" included).
void alterConfig(const QString& dir, const std::function<void(QJsonObject& config)>& alter)
{
    const QString path = QDir(dir).filePath("config.json");
    QJsonObject config = test::readJson(path);
    alter(config);
    test::writeJson(path, config);
}

// The reader lists every linear as quantized and gives back its expected weight bit for bit; its
// caveats are one naming `where` and holding `caveat`, or none for an empty `caveat`.
template <typename Reader>
void verifyReader(const std::shared_ptr<const Reader>& reader, const Written& written,
                  const QString& caveat, const char* where)
{
    QCOMPARE(reader->quantizedModules(), written.modules);
    for (const QString& module : written.modules)
        QVERIFY2(sameBits(reader->dequantizedWeight(module), written.expected.at(module)),
                 qPrintable(module));
    if (caveat.isEmpty()) {
        QVERIFY2(reader->caveats().isEmpty(), qPrintable(reader->caveats().join('\n')));
    } else {
        QCOMPARE(reader->caveats().size(), 1);
        QVERIFY2(reader->caveats().front().contains(caveat), qPrintable(reader->caveats().front()));
        QVERIFY2(reader->caveats().front().contains(QLatin1String(where)),
                 qPrintable(reader->caveats().front()));
    }
}

} // namespace

Q_DECLARE_METATYPE(Layout)

class TestValueCheckpoints : public QObject {
    Q_OBJECT

private slots:
    void readsStoredValues_data()
    {
        QTest::addColumn<Layout>("layout");
        QTest::addColumn<QString>("caveat"); // in the caveats, or "" for none
        Layout fp8Dynamic;                   // llm-compressor FP8_DYNAMIC
        fp8Dynamic.scaleType = DType::BF16;
        fp8Dynamic.inputActivations = dynamicPerToken("float");
        // Dynamic per-token activations are no caveat: Scheme::tokenActivations carries them.
        QTest::newRow("FP8 per channel, dynamic activations") << fp8Dynamic << QString();
        Layout fp8Static; // FP8: per-tensor weights, static per-tensor activations
        fp8Static.strategy = "tensor";
        fp8Static.inputActivations = {{"num_bits", 8}, {"type", "float"}, {"strategy", "tensor"}};
        fp8Static.inputScale = true;
        QTest::newRow("FP8 per tensor, static activations")
            << fp8Static << "8-bit float, per tensor, static (input_scale)";
        Layout fp8Block; // FP8_BLOCK, with partial blocks (24 is not a multiple of 16)
        fp8Block.strategy = "block";
        fp8Block.blockRows = 16;
        fp8Block.blockColumns = 8;
        fp8Block.inputActivations = dynamicPerToken("float");
        fp8Block.inputActivations["strategy"] = "group";
        fp8Block.inputActivations["group_size"] = 128;
        QTest::newRow("FP8 blocks of 16 x 8") << fp8Block << "in groups of 128";
        Layout fp8Weights; // weights only
        fp8Weights.strategy = "group";
        fp8Weights.groupSize = 8;
        fp8Weights.scaleType = DType::F16;
        QTest::newRow("FP8 groups of 8, weights only") << fp8Weights << QString();
        Layout w8a8; // int8 W8A8
        w8a8.format = "int-quantized";
        w8a8.floatValues = false;
        w8a8.inputActivations = dynamicPerToken("int");
        QTest::newRow("int8 per channel, dynamic activations") << w8a8 << QString();
        Layout w8a8Asymmetric = w8a8; // asymmetric per-token activations: not reproduced
        w8a8Asymmetric.inputActivations["symmetric"] = false;
        QTest::newRow("int8 per channel, asymmetric dynamic activations")
            << w8a8Asymmetric << "8-bit int, per token, dynamic";
        Layout int4; // asymmetric 4-bit values in int8, with int8 zero points
        int4.format = "naive-quantized";
        int4.floatValues = false;
        int4.bits = 4;
        int4.symmetric = false;
        int4.strategy = "group";
        int4.groupSize = 8;
        QTest::newRow("int4 asymmetric groups of 8") << int4 << QString();

        Layout deepSeek; // quant_method "fp8" with weight_block_size, as DeepSeek-V3 and Qwen3
        deepSeek.hfFp8 = true;
        deepSeek.strategy = "block";
        deepSeek.blockRows = 16;
        deepSeek.blockColumns = 8;
        QTest::newRow("fp8 blocks of 16 x 8 (weight_scale_inv)")
            << deepSeek << "FP8 too (per token, in groups of 8 channels)";
        Layout autoFp8; // quant_method "fp8" per tensor, static activations, as AutoFP8
        autoFp8.hfFp8 = true;
        autoFp8.strategy = "tensor";
        autoFp8.activationScheme = "static";
        autoFp8.inputScale = true;
        QTest::newRow("fp8 per tensor, static") << autoFp8 << "static input_scale";
        Layout perChannel; // quant_method "fp8" per channel
        perChannel.hfFp8 = true;
        perChannel.scaleType = DType::BF16;
        QTest::newRow("fp8 per channel") << perChannel << "FP8 too (per token)";
    }

    void readsStoredValues()
    {
        QFETCH(Layout, layout);
        QFETCH(QString, caveat);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath("ct");
        const Written written = writeValueCheckpoint(dir, layout);
        QCOMPARE(written.modules.size(), 14);

        if (layout.hfFp8) {
            verifyReader(Fp8Checkpoint::open(dir), written, caveat, "quantization_config");
        } else {
            const auto reader = CompressedTensorsCheckpoint::open(dir);
            verifyReader(reader, written, caveat, "config_groups.group_0");
            // What an importer rounds the activations to: only the dynamic per-token schemes.
            using TokenActivations = CompressedTensorsCheckpoint::Scheme::TokenActivations;
            const bool perToken = layout.inputActivations.value("strategy") == "token"
                                  && layout.inputActivations.value("symmetric") == true;
            const bool floatType = layout.inputActivations.value("type") == "float";
            for (const QString& module : written.modules)
                QCOMPARE(reader->schemeFor(module)->tokenActivations,
                         !perToken   ? TokenActivations::None
                         : floatType ? TokenActivations::Fp8E4M3
                                     : TokenActivations::Int8);
        }
        if (QTest::currentTestFailed())
            return;
        const QStringList caveats = layout.hfFp8
                                        ? Fp8Checkpoint::open(dir)->caveats()
                                        : CompressedTensorsCheckpoint::open(dir)->caveats();

        // Imported: the same weights in float32, nothing left of the storage, the caveats kept.
        const auto model = LoadedModel::open(dir);
        QVERIFY(model->isImported());
        QCOMPARE(model->importCaveats(), caveats);
        QCOMPARE(model->inventory().layers().size(), std::size_t(14));
        for (const LinearLayer& layer : model->inventory().layers()) {
            QCOMPARE(model->checkpoint().require(layer.weightName).info->dtype, DType::F32);
            QVERIFY2(sameBits(model->readWeight(layer), written.expected.at(layer.name)),
                     qPrintable(layer.name));
        }
        for (const QString& name : model->checkpoint().tensorNames())
            QVERIFY2(!name.endsWith("_scale") && !name.endsWith("_zero_point"), qPrintable(name));
    }

    // A KV cache quantized by the runtime is a caveat of its own.
    void kvCacheSchemeIsACaveat()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath("ct");
        writeValueCheckpoint(dir, Layout{});
        alterConfig(dir, [](QJsonObject& config) {
            QJsonObject qc = config["quantization_config"].toObject();
            qc["kv_cache_scheme"] = QJsonObject{{"num_bits", 8}, {"type", "float"}};
            config["quantization_config"] = qc;
        });
        const auto reader = CompressedTensorsCheckpoint::open(dir);
        QCOMPARE(reader->caveats().size(), 1);
        QVERIFY2(reader->caveats().front().contains("kv_cache_scheme"),
                 qPrintable(reader->caveats().front()));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("FP8 without a quantization config")
            << "no config"
            << "is FP8 (F8_E4M3), whose values mean nothing without their scales";
        QTest::newRow("float of 4 bits") << "float bits 4"
                                         << "float weights of 4 bits";
        QTest::newRow("float asymmetric") << "float asym"
                                          << "symmetric must be true";
        QTest::newRow("float packed") << "float packed"
                                      << "not packed (pack-quantized)";
        QTest::newRow("float zero point") << "float zero point"
                                          << "which have no zero point";
        QTest::newRow("int config, FP8 values") << "type int"
                                                << "must be I8, not F8_E4M3";
        QTest::newRow("block without structure") << "block"
                                                 << "needs block_structure";
        QTest::newRow("scale missing")
            << "drop scale"
            << "up_proj.weight_scale is missing (model.layers.0.mlp.up_proj.weight holds F8_E4M3 "
               "values)";
        QTest::newRow("scale shape") << "scale shape"
                                     << "has shape [1, 24]";
        QTest::newRow("output activations") << "outputs"
                                            << "output_activations are quantized";
        QTest::newRow("int4 value out of range") << "int4 range"
                                                 << "is not a signed 4-bit value";
        QTest::newRow("unknown format") << "format"
                                        << "format must be";
    }

    void refuses()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath("ct");
        Layout layout;
        if (change == "int4 range") {
            layout.format = "int-quantized";
            layout.floatValues = false;
            layout.bits = 8; // the values are written as int8; the config then says 4 bits
        }
        writeValueCheckpoint(dir, layout);
        const QString module = "model.layers.0.mlp.up_proj";

        alterConfig(dir, [&](QJsonObject& config) {
            QJsonObject qc = config["quantization_config"].toObject();
            QJsonObject groups = qc["config_groups"].toObject();
            QJsonObject group = groups["group_0"].toObject();
            QJsonObject weights = group["weights"].toObject();
            if (change == "float bits 4" || change == "int4 range")
                weights["num_bits"] = 4;
            if (change == "float asym")
                weights["symmetric"] = false;
            if (change == "float packed")
                qc["format"] = "pack-quantized";
            if (change == "type int")
                weights["type"] = "int";
            if (change == "block")
                weights["strategy"] = "block";
            if (change == "outputs")
                group["output_activations"] = dynamicPerToken("float");
            if (change == "format")
                qc["format"] = "nvfp4-pack-quantized";
            group["weights"] = weights;
            groups["group_0"] = group;
            qc["config_groups"] = groups;
            config["quantization_config"] = qc;
            if (change == "no config")
                config.remove("quantization_config");
        });

        if (change == "float zero point" || change == "drop scale" || change == "scale shape") {
            rewriteTensors(dir, [&](test::RawTensor tensor, std::vector<test::RawTensor>& out) {
                if (tensor.name == module + ".weight_scale") {
                    if (change == "drop scale")
                        return;
                    if (change == "scale shape")
                        tensor.shape = {1, tensor.shape[0]};
                    if (change == "float zero point")
                        out.push_back(
                            {module + ".weight_zero_point", DType::I8, tensor.shape,
                             QByteArray(qsizetype(tensor.shape[0] * tensor.shape[1]), '\0')});
                }
                out.push_back(std::move(tensor));
            });
        }

        const QString message = test::errorOf([&] { LoadedModel::open(dir); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        if (change != "no config") // every message names the checkpoint
            QVERIFY2(message.contains(QDir::toNativeSeparators(dir)), qPrintable(message));
    }

    void refusesFp8_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("block size of one number") << "block size"
                                                  << "weight_block_size must be";
        QTest::newRow("unknown activation scheme")
            << "scheme"
            << "activation_scheme must be \"dynamic\" or \"static\"";
        QTest::newRow("scale missing")
            << "drop scale"
            << "up_proj.weight_scale_inv is missing (model.layers.0.mlp.up_proj.weight holds FP8";
        QTest::newRow("scale shape") << "scale shape"
                                     << "weight_block_size [16, 8] on [24, 16]";
        QTest::newRow("scale of another dtype") << "scale dtype"
                                                << "must be floating-point";
    }

    void refusesFp8()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath("fp8");
        Layout layout;
        layout.hfFp8 = true;
        layout.strategy = "block";
        layout.blockRows = 16;
        layout.blockColumns = 8;
        writeValueCheckpoint(dir, layout);
        alterConfig(dir, [&](QJsonObject& config) {
            QJsonObject qc = config["quantization_config"].toObject();
            if (change == "block size")
                qc["weight_block_size"] = QJsonArray{16};
            if (change == "scheme")
                qc["activation_scheme"] = "sometimes";
            config["quantization_config"] = qc;
        });
        const QString scale = "model.layers.0.mlp.up_proj.weight_scale_inv";
        rewriteTensors(dir, [&](test::RawTensor tensor, std::vector<test::RawTensor>& out) {
            if (tensor.name == scale) {
                if (change == "drop scale")
                    return;
                if (change == "scale shape") // [2, 2] blocks as [1, 4]
                    tensor.shape = {1, tensor.shape[0] * tensor.shape[1]};
                if (change == "scale dtype")
                    tensor.dtype = DType::I32;
            }
            out.push_back(std::move(tensor));
        });
        const QString message = test::errorOf([&] { LoadedModel::open(dir); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(dir)), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestValueCheckpoints)
#include "tst_value_checkpoints.moc"
