#include "tests/support/export_fixtures.h"

#include "core/calib/calibration_set.h"
#include "core/export/export_folder.h"
#include "core/model/layer_inventory.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/quant/quantized_model.h"
#include "core/quant/quantized_tensor.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/progress.h"
#include "tests/support/cancel_on_text.h"
#include "tests/support/quick_check.h"
#include "tests/support/test_paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace qb::test {

QuantPlan rtnPlan(int bits, int groupCode, bool symmetric)
{
    QuantPlan plan;
    plan.defaults.method = QuantMethod::Rtn;
    plan.defaults.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return plan;
}

PlanOverride planOverride(const QString& match)
{
    PlanOverride o;
    o.match = match;
    return o;
}

PlanOverride keepOverride(const QString& match)
{
    PlanOverride o = planOverride(match);
    o.method = QuantMethod::None;
    return o;
}

TinyLlamaOptions packableTinyLlama(int layers)
{
    TinyLlamaOptions options;
    options.hiddenSize = 32;
    options.intermediateSize = 64;
    options.numHeads = 4;
    options.numKvHeads = 2;
    options.numLayers = layers;
    return options;
}

std::vector<std::vector<int>> tinyCalibrationWindows(int vocabSize)
{
    std::vector<std::vector<int>> windows;
    for (int w = 0; w < 6; ++w) {
        windows.emplace_back();
        for (int i = 0; i < 48; ++i)
            windows.back().push_back((i * 7 + w * 3 + i * i) % vocabSize);
    }
    return windows;
}

std::vector<std::vector<int>> demoCalibrationWindows(const LoadedModel& demo)
{
    const auto tokenizer = Tokenizer::load(demo.directory(), demo.spec());
    const QStringList documents = TextDocuments::fromFile(
        QDir(dataDir()).filePath(QStringLiteral("tinystories/TinyStories-valid-subset.txt")));
    CalibrationOptions options;
    options.sequenceLength = 256;
    return CalibrationSet::build(*tokenizer, documents, options);
}

QByteArray toBytes(std::span<const std::byte> bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()),
                      static_cast<qsizetype>(bytes.size()));
}

QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> sums;
    const QDir root(dir);
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QByteArray sum;
        QFile file(path);
        if (QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly)) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            hash.addData(&file);
            sum = hash.result();
        }
        sums.insert(root.relativeFilePath(path), sum);
    }
    return sums;
}

QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool pythonReMatch(const QString& pattern, const QString& name)
{
    return QRegularExpression(pattern)
        .match(name, 0, QRegularExpression::NormalMatch,
               QRegularExpression::AnchorAtOffsetMatchOption)
        .hasMatch();
}

QuantizedTensor handMadeTensor()
{
    QuantizedTensor t =
        QuantizedTensor::allocate(QuantScheme::fromGroupSizeCode(4, false, 8), 8, 16);
    for (std::int64_t n = 0; n < 8; ++n) {
        for (std::int64_t k = 0; k < 16; ++k)
            t.codes[static_cast<std::size_t>(n * 16 + k)] = static_cast<std::uint8_t>((n + k) % 16);
        t.params[static_cast<std::size_t>(n * 2)] = {0.01f * float(n + 1), float(n + 1)};
        t.params[static_cast<std::size_t>(n * 2 + 1)] = {0.003f, float(8 + n)};
    }
    return t;
}

std::vector<float> expectedWeight(const QuantizedTensor& tensor, DType scaleType,
                                  const std::vector<float>& divisor)
{
    std::vector<float> weight(static_cast<std::size_t>(tensor.rows * tensor.cols));
    for (std::int64_t r = 0; r < tensor.rows; ++r) {
        for (std::int64_t c = 0; c < tensor.cols; ++c) {
            const GridParams& p = tensor.paramsAt(r, c);
            float scale =
                divisor.empty() ? p.scale : p.scale / divisor[static_cast<std::size_t>(r)];
            if (scaleType == DType::F16)
                scale = halfToFloat(floatToHalf(scale));
            else if (scaleType == DType::BF16)
                scale = bfloat16ToFloat(floatToBfloat16(scale));
            weight[static_cast<std::size_t>(r * tensor.cols + c)] =
                scale
                * (static_cast<float>(tensor.codes[static_cast<std::size_t>(r * tensor.cols + c)])
                   - p.zero);
        }
    }
    return weight;
}

void verifyReadBack(const QuantizedModel& quantized, const WeightReader& read,
                    const std::function<DType(const LinearLayer&)>& scaleType,
                    const std::map<QString, std::vector<float>>& divisors)
{
    for (const LinearLayer& layer : quantized.model->inventory().layers()) {
        const std::vector<float> got = read(layer.name);
        const QuantizedLayer* q = quantized.find(layer.name);
        const auto divisor = divisors.find(layer.name);
        const bool folded = divisor != divisors.end();
        std::vector<float> expected =
            q ? expectedWeight(q->tensor, scaleType(layer),
                               folded ? divisor->second : std::vector<float>())
              : quantized.model->readWeight(layer);
        if (!q && folded) {
            for (std::size_t i = 0; i < expected.size(); ++i)
                expected[i] /= divisor->second[i / static_cast<std::size_t>(layer.inFeatures)];
        }
        QCOMPARE(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            QB_CHECK(got[i] == expected[i] || (std::isnan(got[i]) && std::isnan(expected[i])),
                     QStringLiteral("%1[%2]: read %3, expected %4")
                         .arg(layer.name)
                         .arg(i)
                         .arg(num(got[i]), num(expected[i])));
    }
}

void vProjRowDivisor(const ModelSpec& spec, const std::vector<float>& oScale,
                     std::vector<float>& rows)
{
    const int headDim = spec.headDim;
    const int perKvHead = spec.numAttentionHeads / spec.numKeyValueHeads;
    rows.assign(static_cast<std::size_t>(spec.numKeyValueHeads * headDim), 0.0f);
    QCOMPARE(oScale.size(), static_cast<std::size_t>(spec.numAttentionHeads * headDim));
    for (int head = 0; head < spec.numAttentionHeads; ++head) {
        for (int d = 0; d < headDim; ++d) {
            const float s = oScale[static_cast<std::size_t>(head * headDim + d)];
            float& row = rows[static_cast<std::size_t>((head / perKvHead) * headDim + d)];
            if (head % perKvHead == 0)
                row = s;
            else
                QB_CHECK(row == s, QStringLiteral("query head %1, dim %2: scale %3, its key/value "
                                                  "head's first query head %4")
                                       .arg(head)
                                       .arg(d)
                                       .arg(num(s), num(row)));
        }
    }
}

void verifyFolded(const Checkpoint& in, const Checkpoint& out, const QString& name,
                  const std::vector<float>& divisor)
{
    QVERIFY2(!divisor.empty(), qPrintable(name));
    const auto before = in.require(name);
    const auto after = out.require(name);
    QCOMPARE(after.info->dtype, before.info->dtype);
    const std::vector<float> old = before.file->readFloat(*before.info);
    const std::vector<float> now = after.file->readFloat(*after.info);
    for (std::size_t j = 0; j < old.size(); ++j)
        QB_CHECK(now[j] == old[j] / divisor[j], name + QStringLiteral("[%1]").arg(j));
}

void writeFloatCopy(const QString& packedDir, const LayerInventory& inventory,
                    const QStringList& modules, const QStringList& suffixes,
                    const WeightReader& read, const QString& floatDir)
{
    const auto packed = Checkpoint::open(packedDir);
    std::vector<RawTensor> tensors;
    for (const QString& name : packed->tensorNames()) {
        if (modules.contains(name.section(QLatin1Char('.'), 0, -2))
            && suffixes.contains(name.section(QLatin1Char('.'), -1)))
            continue;
        const Checkpoint::TensorRef ref = packed->require(name);
        tensors.push_back(
            {name, ref.info->dtype, ref.info->shape, toBytes(ref.file->bytes(*ref.info))});
    }
    for (const QString& module : modules) {
        const LinearLayer* layer = inventory.find(module);
        QVERIFY(layer);
        tensors.push_back({module + QStringLiteral(".weight"),
                           DType::F32,
                           {layer->outFeatures, layer->inFeatures},
                           encodeFloats(read(module), DType::F32)});
    }
    QDir().mkpath(floatDir);
    writeSafetensors(QDir(floatDir).filePath(QStringLiteral("model.safetensors")), tensors);
    QJsonObject config = readJson(QDir(packedDir).filePath(QStringLiteral("config.json")));
    config.remove(QStringLiteral("quantization_config"));
    writeJson(QDir(floatDir).filePath(QStringLiteral("config.json")), config);
}

void writeAlteredExport(
    const QString& goodDir, const QString& badDir,
    const std::function<void(RawTensor tensor, std::vector<RawTensor>& out)>& alterTensor,
    const std::function<void(QJsonObject& quantizationConfig)>& alterConfig)
{
    const auto source =
        SafetensorsFile::open(QDir(goodDir).filePath(QStringLiteral("model.safetensors")));
    std::vector<RawTensor> tensors;
    for (const TensorInfo& info : source->tensors())
        alterTensor(RawTensor{info.name, info.dtype, info.shape, toBytes(source->bytes(info))},
                    tensors);
    QDir().mkpath(badDir);
    writeSafetensors(QDir(badDir).filePath(QStringLiteral("model.safetensors")), tensors);
    QJsonObject config = readJson(QDir(goodDir).filePath(QStringLiteral("config.json")));
    QJsonObject quantizationConfig = config[QStringLiteral("quantization_config")].toObject();
    alterConfig(quantizationConfig);
    config[QStringLiteral("quantization_config")] = quantizationConfig;
    writeJson(QDir(badDir).filePath(QStringLiteral("config.json")), config);
}

void verifyTensorHeader(const Checkpoint& checkpoint, const QString& name, DType dtype,
                        const std::vector<std::int64_t>& shape)
{
    const auto ref = checkpoint.find(name);
    QVERIFY2(ref, qPrintable(name));
    QCOMPARE(ref.info->dtype, dtype);
    QCOMPARE(ref.info->shape, shape);
}

void verifyStagedExport(const QString& root,
                        const std::function<void(bool replaceExisting, Progress& progress)>& run)
{
    const QMap<QString, QByteArray> before = snapshot(root);

    // An existing output is not replaced unless asked.
    SilentProgress silent;
    const QString message = errorOf([&] { run(false, silent); });
    QVERIFY2(message.contains(QLatin1String("--force")), qPrintable(message));
    QCOMPARE(snapshot(root), before);

    CancelOnText progress(QStringLiteral("Writing model.layers.1.self_attn.q_proj.weight"));
    QVERIFY_THROWS_EXCEPTION(Cancelled, run(true, progress));
    QVERIFY(progress.fired());
    QCOMPARE(snapshot(root), before);

    SilentProgress done;
    run(true, done);
}

QStringList exportedFiles(const QStringList& inputFiles, const QStringList& configFiles)
{
    QStringList files;
    for (const QString& name : inputFiles) {
        if (!name.endsWith(QLatin1String(".safetensors")))
            files << name;
    }
    files << QStringLiteral("model.safetensors") << configFiles
          << QLatin1String(ExportFolder::kRecipeFileName)
          << QLatin1String(ExportFolder::kReportFileName)
          << QLatin1String(ExportFolder::kReportCsvFileName) << QLatin1String(ModelCard::kFileName);
    files.removeDuplicates(); // an input README.md is replaced by the model card
    files.sort();
    return files;
}

std::vector<float> logitsOf(const std::shared_ptr<const LoadedModel>& model,
                            const std::vector<int>& tokens, ForwardHooks* hooks)
{
    std::vector<float> result;
    TransformerRunner runner(model);
    runner.forward(
        {tokens},
        [&](int, std::int64_t, const RowMatrix& logits) {
            result.insert(result.end(), logits.data(), logits.data() + logits.size());
        },
        hooks);
    return result;
}

double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    double worst = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(double(a[i]) - double(b[i])));
    return worst;
}

void compareLogitsWithRun(const QuantizedModel& quantized, const QString& floatDir,
                          const std::vector<int>& tokens)
{
    auto weightsOnly = std::make_shared<QuantizedModel>(quantized);
    for (auto& [name, layer] : weightsOnly->layers)
        layer.quantizedActivations = false;
    QuantizedModelHooks hooks(weightsOnly);
    const std::vector<float> run = logitsOf(quantized.model, tokens, &hooks);
    const std::vector<float> original = logitsOf(quantized.model, tokens);
    const std::vector<float> exported = logitsOf(LoadedModel::open(floatDir), tokens);
    const double quantizationEffect = maxAbsDifference(run, original);
    const double exportEffect = maxAbsDifference(exported, run);
    QVERIFY2(exportEffect < 0.2 * quantizationEffect,
             qPrintable(QStringLiteral("export %1, quantization %2")
                            .arg(num(exportEffect), num(quantizationEffect))));
}

} // namespace qb::test
