// FakeQuantExporter end to end: the demo model and synthetic checkpoints (F16, BF16, sharded,
// with NaN weights) exported with RTN, checked tensor by tensor against quantizeRtn; the output
// folder's companions, report and recipe; and the safety rules: an existing output is only
// replaced when asked, the input is never written, and a cancelled export leaves nothing behind.

#include "core/export/export_folder.h"
#include "core/export/fake_quant_exporter.h"
#include "core/io/safetensors_file.h"
#include "core/io/staging_directory.h"
#include "core/metrics/weight_error.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/cancel_on_text.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace qb;

namespace {

// What `quantize` does: the pipeline (RTN needs no calibration data), then the export. A
// cancelled run exports nothing.
QuantReport exportWithPlan(const std::shared_ptr<const LoadedModel>& model, const QuantPlan& plan,
                           const QString& outDir, const FakeQuantExporter::Options& options,
                           Progress& progress)
{
    const auto quantized = QuantizationPipeline::run(model, plan, {}, {}, progress);
    if (!quantized->report.complete)
        throw Cancelled();
    FakeQuantExporter::run(*quantized, outDir, options, progress);
    return quantized->report;
}

bool hasLeftovers(const QString& dir)
{
    for (const QString& name : test::entriesOf(dir)) {
        if (name.contains(QLatin1String(".partial-")) || name.contains(QLatin1String(".old-")))
            return true;
    }
    return false;
}

// A tiny checkpoint whose tensor `name` has `bits` (a raw element of the checkpoint's dtype)
// written at flat index `index`.
void writeTinyWithRawElement(const QString& dir, const test::TinyLlamaOptions& options,
                             const QString& name, std::int64_t index, std::uint32_t bits)
{
    QDir().mkpath(dir);
    test::writeJson(QDir(dir).filePath(QStringLiteral("config.json")),
                    test::tinyLlamaConfig(options));
    std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
    for (test::RawTensor& t : tensors) {
        if (t.name != name)
            continue;
        const int size = dtypeSize(t.dtype);
        std::memcpy(t.bytes.data() + index * size, &bits,
                    static_cast<std::size_t>(size)); // little-endian
    }
    test::writeSafetensors(QDir(dir).filePath(QStringLiteral("model.safetensors")), tensors);
}

} // namespace

class TestFakeQuantExport : public QObject {
    Q_OBJECT

private:
    // Checks the exported folder against the input, tensor by tensor: the same shards, names,
    // shapes and dtypes; each linear the plan quantizes equal to quantizeRtn(...).dequantize() of
    // the original converted to the source dtype; everything else (embeddings, norms, kept and
    // non-finite layers) byte for byte the original.
    void verifyTensors(const LoadedModel& input, const QString& outDir, const QuantPlan& plan)
    {
        const Checkpoint& in = input.checkpoint();
        const auto out = Checkpoint::open(outDir);
        QCOMPARE(out->shards().size(), in.shards().size());
        QCOMPARE(out->isSharded(), in.isSharded());
        int quantized = 0;
        for (std::size_t s = 0; s < in.shards().size(); ++s) {
            const SafetensorsFile& inShard = *in.shards()[s];
            const SafetensorsFile& outShard = *out->shards()[s];
            QCOMPARE(QFileInfo(outShard.path()).fileName(), QFileInfo(inShard.path()).fileName());
            QCOMPARE(outShard.tensors().size(), inShard.tensors().size());
            for (std::size_t t = 0; t < inShard.tensors().size(); ++t) {
                const TensorInfo& a = inShard.tensors()[t];
                const TensorInfo& b = outShard.tensors()[t];
                QCOMPARE(b.name, a.name);
                QCOMPARE(b.shape, a.shape);
                QCOMPARE(b.dtype, a.dtype);
                const QByteArray original = test::toBytes(inShard.bytes(a));
                const QByteArray written = test::toBytes(outShard.bytes(b));

                const LinearLayer* layer = a.name.endsWith(QLatin1String(".weight"))
                                               ? input.inventory().find(a.name.chopped(7))
                                               : nullptr;
                const LayerQuantConfig config =
                    layer ? plan.resolve(layer->name) : LayerQuantConfig{};
                const std::vector<float> values = inShard.readFloat(a);
                const bool finite = std::all_of(values.begin(), values.end(),
                                                [](float v) { return std::isfinite(v); });
                if (!layer || config.method == QuantMethod::None || !finite) {
                    QVERIFY2(written == original, qPrintable(a.name + QStringLiteral(" changed")));
                    continue;
                }
                const std::vector<float> expected =
                    quantizeRtn(values, layer->outFeatures, layer->inFeatures, config.scheme)
                        .dequantize();
                QVERIFY2(written == test::encodeFloats(expected, a.dtype),
                         qPrintable(a.name + QStringLiteral(" is not the dequantized original")));
                QVERIFY2(written != original,
                         qPrintable(a.name + QStringLiteral(" was not quantized")));
                ++quantized;
            }
        }
        QVERIFY(quantized > 0);
    }

private Q_SLOTS:
    void demoModelRtn4g32()
    {
        const QString demo = test::demoModelDir();
        const QMap<QString, QByteArray> inputBefore = test::snapshot(demo);
        const auto model = LoadedModel::open(demo);
        const QuantPlan plan = test::rtnPlan(4, 32, false);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString outDir = tmp.filePath(QStringLiteral("stories260K-rtn-a4g32"));
        SilentProgress progress;
        const QuantReport report = exportWithPlan(model, plan, outDir, {}, progress);

        verifyTensors(*model, outDir, plan);
        if (QTest::currentTestFailed())
            return;

        // The output holds the input's files (weights rewritten, companions copied byte for byte)
        // plus the recipe and the report, and nothing is left beside it.
        QCOMPARE(test::entriesOf(tmp.path()), QStringList{QStringLiteral("stories260K-rtn-a4g32")});
        const QMap<QString, QByteArray> output = test::snapshot(outDir);
        QStringList expectedNames = inputBefore.keys();
        expectedNames << QLatin1String(ExportFolder::kRecipeFileName)
                      << QLatin1String(ExportFolder::kReportFileName)
                      << QLatin1String(ExportFolder::kReportCsvFileName)
                      << QLatin1String(ModelCard::kFileName);
        expectedNames.sort();
        QCOMPARE(output.keys(), expectedNames);
        for (const QString& name : inputBefore.keys()) {
            if (!name.endsWith(QLatin1String(".safetensors")))
                QVERIFY2(output.value(name) == inputBefore.value(name), qPrintable(name));
        }
        for (const char* companion : {"config.json", "tokenizer.model", "tokenizer_config.json"})
            QVERIFY2(output.contains(QLatin1String(companion)), companion);

        // The returned report and quant_report.json: 35 layers in model order, all quantized.
        const auto& layers = model->inventory().layers();
        QCOMPARE(report.layers.size(), std::size_t(35));
        QCOMPARE(report.countWithStatus(LayerStatus::Quantized), 35);
        const QJsonObject json =
            test::readJson(QDir(outDir).filePath(QLatin1String(ExportFolder::kReportFileName)));
        const QJsonArray jsonLayers = json.value(QStringLiteral("layers")).toArray();
        QCOMPARE(jsonLayers.size(), 35);
        QCOMPARE(json.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("quantized"))
                     .toInt(),
                 35);
        QCOMPARE(json.value(QStringLiteral("recipe")).toObject(), plan.toJson());
        for (int i = 0; i < 35; ++i) {
            const LinearLayer& layer = layers[static_cast<std::size_t>(i)];
            const QJsonObject item = jsonLayers[i].toObject();
            QCOMPARE(item.value(QStringLiteral("name")).toString(), layer.name);
            QCOMPARE(report.layers[static_cast<std::size_t>(i)].name, layer.name);
            QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("quantized"));
            QCOMPARE(item.value(QStringLiteral("method")).toString(), QStringLiteral("rtn"));
            QCOMPARE(item.value(QStringLiteral("bits")).toInt(), 4);
            QCOMPARE(item.value(QStringLiteral("group_size")).toInt(), 32);
            QCOMPARE(item.value(QStringLiteral("sym")).toBool(), false);
            QCOMPARE(item.value(QStringLiteral("shape")).toArray(),
                     (QJsonArray{qint64(layer.outFeatures), qint64(layer.inFeatures)}));
            const std::vector<float> original = model->readWeight(layer);
            const WeightErrorMetrics expected =
                measureWeightError(original, quantizeRtn(original, layer.outFeatures,
                                                         layer.inFeatures, plan.defaults.scheme)
                                                 .dequantize());
            QVERIFY(expected.mse > 0.0);
            QCOMPARE(item.value(QStringLiteral("weight_mse")).toDouble(), expected.mse);
            QCOMPARE(item.value(QStringLiteral("weight_rel_error")).toDouble(),
                     expected.relativeError);
            QCOMPARE(item.value(QStringLiteral("weight_sqnr_db")).toDouble(), expected.sqnrDb);
            QCOMPARE(item.value(QStringLiteral("weight_max_abs_error")).toDouble(),
                     expected.maxAbsError);
            QCOMPARE(report.layers[static_cast<std::size_t>(i)].metrics.mse, expected.mse);
        }

        // The CSV: a header and one row per layer, the same figures as the JSON.
        QFile csv(QDir(outDir).filePath(QLatin1String(ExportFolder::kReportCsvFileName)));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> csvLines = csv.readAll().split('\n');
        QCOMPARE(csvLines.size(), 37); // header, 35 layers, the empty piece after the last \r\n
        QCOMPARE(QString::fromUtf8(csvLines[0].trimmed()), QuantReport::csvColumns().join(u','));
        const int mseColumn = int(QuantReport::csvColumns().indexOf(QStringLiteral("weight_mse")));
        for (int i = 0; i < 35; ++i) {
            const QList<QByteArray> cells = csvLines[i + 1].trimmed().split(',');
            QCOMPARE(cells.size(), QuantReport::csvColumns().size());
            QCOMPARE(QString::fromUtf8(cells[0]), layers[std::size_t(i)].name);
            QCOMPARE(cells[mseColumn].toDouble(), report.layers[std::size_t(i)].metrics.mse);
        }

        // The recipe parses back into an equal plan.
        const QuantPlan recipe = QuantPlan::fromFile(
            QDir(outDir).filePath(QLatin1String(ExportFolder::kRecipeFileName)));
        QCOMPARE(recipe.toJson(), plan.toJson());
        QVERIFY(recipe.defaults == plan.defaults);

        // The output is a model QuantBench opens, and the input is untouched.
        const auto reopened = LoadedModel::open(outDir);
        QCOMPARE(reopened->inventory().layers().size(), std::size_t(35));
        QCOMPARE(reopened->spec().hiddenSize, model->spec().hiddenSize);
        QCOMPARE(test::snapshot(demo), inputBefore);
    }

    void halfPrecisionSource_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("F16") << int(DType::F16);
        QTest::newRow("BF16") << int(DType::BF16);
    }

    void halfPrecisionSource()
    {
        QFETCH(int, dtype);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::TinyLlamaOptions options;
        options.dtype = static_cast<DType>(dtype);
        options.intermediateSize = 40; // g32 leaves a partial group of 8 in down_proj
        test::writeTinyLlama(inDir, options);
        const auto model = LoadedModel::open(inDir);
        QuantPlan plan = test::rtnPlan(4, 32, false);
        plan.addOverride(test::keepOverride(QStringLiteral("re:.*down_proj")));
        PlanOverride symmetricQ;
        symmetricQ.match = QStringLiteral("re:.*q_proj");
        symmetricQ.symmetric = true;
        symmetricQ.groupSizeCode = QuantScheme::kPerChannel;
        plan.addOverride(symmetricQ);

        const QString outDir = tmp.filePath(QStringLiteral("out"));
        SilentProgress progress;
        const QuantReport report = exportWithPlan(model, plan, outDir, {}, progress);
        QCOMPARE(report.countWithStatus(LayerStatus::Kept), 2);
        QCOMPARE(report.countWithStatus(LayerStatus::Quantized), 12);
        verifyTensors(*model, outDir, plan);
        const auto out = Checkpoint::open(outDir);
        for (const TensorInfo& t : out->shards().front()->tensors())
            QCOMPARE(t.dtype, static_cast<DType>(dtype));
    }

    void shardedInput()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::TinyLlamaOptions options;
        options.shards = 3;
        test::writeTinyLlama(inDir, options);
        const QMap<QString, QByteArray> inputBefore = test::snapshot(inDir);
        const auto model = LoadedModel::open(inDir);
        QVERIFY(model->checkpoint().isSharded());
        const QuantPlan plan = test::rtnPlan(3, 8, true);

        const QString outDir = tmp.filePath(QStringLiteral("out"));
        SilentProgress progress;
        exportWithPlan(model, plan, outDir, {}, progress);
        verifyTensors(*model, outDir, plan);

        const QMap<QString, QByteArray> output = test::snapshot(outDir);
        const QStringList shardNames{QStringLiteral("model-00001-of-00003.safetensors"),
                                     QStringLiteral("model-00002-of-00003.safetensors"),
                                     QStringLiteral("model-00003-of-00003.safetensors")};
        for (const QString& name : shardNames)
            QVERIFY2(output.contains(name), qPrintable(name));
        QVERIFY(!output.contains(QStringLiteral("model.safetensors")));
        const QString index = QLatin1String(Checkpoint::kIndexFileName);
        QVERIFY(output.contains(index));
        QCOMPARE(output.value(index), inputBefore.value(index));
        QCOMPARE(output.value(QStringLiteral("config.json")),
                 inputBefore.value(QStringLiteral("config.json")));
        QCOMPARE(LoadedModel::open(outDir)->inventory().layers().size(), std::size_t(14));
        QCOMPARE(test::snapshot(inDir), inputBefore);
    }

    void existingOutput()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::writeTinyLlama(inDir);
        const auto model = LoadedModel::open(inDir);
        const QString outDir = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(outDir));
        test::writeJson(QDir(outDir).filePath(QStringLiteral("old.json")), QJsonObject{});
        const QMap<QString, QByteArray> oldOutput = test::snapshot(outDir);
        const QuantPlan plan = test::rtnPlan(4, 32, false);

        SilentProgress progress;
        const QString message =
            test::errorOf([&] { exportWithPlan(model, plan, outDir, {}, progress); });
        QVERIFY2(message.contains(QStringLiteral("already exists")) && message.contains(outDir),
                 qPrintable(message));
        QCOMPARE(test::snapshot(outDir), oldOutput);
        QVERIFY(!hasLeftovers(tmp.path()));

        FakeQuantExporter::Options replace;
        replace.replaceExisting = true;
        exportWithPlan(model, plan, outDir, replace, progress);
        QVERIFY(!QFileInfo::exists(QDir(outDir).filePath(QStringLiteral("old.json"))));
        QVERIFY(QFileInfo::exists(QDir(outDir).filePath(QStringLiteral("model.safetensors"))));
        QCOMPARE(test::entriesOf(tmp.path()),
                 (QStringList{QStringLiteral("in"), QStringLiteral("out")}));
        verifyTensors(*model, outDir, plan);

        // A plain file in the way is never replaced by a folder.
        const QString file = tmp.filePath(QStringLiteral("file"));
        test::writeJson(file, QJsonObject{});
        const QString fileMessage =
            test::errorOf([&] { exportWithPlan(model, plan, file, replace, progress); });
        QVERIFY2(fileMessage.contains(QStringLiteral("not a folder")), qPrintable(fileMessage));
        QVERIFY(QFileInfo(file).isFile());
        QVERIFY(!hasLeftovers(tmp.path()));
    }

    // StagingDirectory, which the exporter's guarantees rest on: an existing output survives until
    // the new one is in place, and is put back when the new one cannot be renamed into place.
    void stagingKeepsOldOutputUntilReplaced()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dest = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(dest));
        test::writeJson(QDir(dest).filePath(QStringLiteral("old.json")), QJsonObject{});
        const QMap<QString, QByteArray> before = test::snapshot(dest);
        {
            StagingDirectory stage(dest, true, {});
            // The stage disappears (another program deleted it): the final rename fails.
            QVERIFY(QDir(stage.path()).removeRecursively());
            const QString message = test::errorOf([&] { stage.commit(); });
            QVERIFY2(
                message.contains(QStringLiteral("cannot rename the finished output into place")),
                qPrintable(message));
        }
        QCOMPARE(test::snapshot(dest), before);
        QVERIFY(!hasLeftovers(tmp.path()));
        {
            StagingDirectory stage(dest, true, {});
            test::writeJson(stage.filePath(QStringLiteral("new.json")), QJsonObject{});
            stage.commit();
        }
        QCOMPARE(test::entriesOf(dest), QStringList{QStringLiteral("new.json")});
        QCOMPARE(test::entriesOf(tmp.path()), QStringList{QStringLiteral("out")});
    }

    // Replacing an output that is a symbolic link to a folder replaces the link: the folder it
    // points to, which the user did not name, keeps its files.
    void replacesSymlinkNotItsTarget()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::writeTinyLlama(inDir);
        const auto model = LoadedModel::open(inDir);
        const QString elsewhere = tmp.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(elsewhere));
        test::writeJson(QDir(elsewhere).filePath(QStringLiteral("precious.json")), QJsonObject{});
        const QMap<QString, QByteArray> elsewhereBefore = test::snapshot(elsewhere);
        const QString outDir = tmp.filePath(QStringLiteral("out"));
        QVERIFY(QFile::link(elsewhere, outDir));

        FakeQuantExporter::Options replace;
        replace.replaceExisting = true;
        SilentProgress progress;
        exportWithPlan(model, test::rtnPlan(4, 32, false), outDir, replace, progress);
        QCOMPARE(test::snapshot(elsewhere), elsewhereBefore);
        QVERIFY(!QFileInfo(outDir).isSymLink());
        QVERIFY(QFileInfo(QDir(outDir).filePath(QStringLiteral("model.safetensors"))).isFile());
        QCOMPARE(test::entriesOf(tmp.path()),
                 (QStringList{QStringLiteral("elsewhere"), QStringLiteral("in"),
                              QStringLiteral("out")}));
    }

    // The input folder, or a folder containing it, is refused even with replaceExisting.
    void refusesToReplaceInput_data()
    {
        QTest::addColumn<QString>("target"); // relative to the temporary folder; "in" is the input
        QTest::addColumn<QString>("expected");
        const QString replace = QStringLiteral("it would replace the input");
        const QString inside = QStringLiteral("inside the input folder");
        QTest::newRow("input itself") << QStringLiteral("work/in") << replace;
        QTest::newRow("input with trailing slash") << QStringLiteral("work/in/") << replace;
        QTest::newRow("input via ..") << QStringLiteral("work/in/../in") << replace;
        QTest::newRow("parent of input") << QStringLiteral("work") << replace;
        QTest::newRow("symlink to input") << QStringLiteral("link") << replace;
        QTest::newRow("symlink to parent") << QStringLiteral("parentlink") << replace;
        QTest::newRow("new folder inside input") << QStringLiteral("work/in/out") << inside;
        QTest::newRow("deeper inside input") << QStringLiteral("work/in/a/b") << inside;
        QTest::newRow("inside input via symlink") << QStringLiteral("link/out") << inside;
    }

    void refusesToReplaceInput()
    {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("work/in"));
        test::writeTinyLlama(inDir);
        QVERIFY(QFile::link(inDir, tmp.filePath(QStringLiteral("link"))));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("work")),
                            tmp.filePath(QStringLiteral("parentlink"))));
        const QMap<QString, QByteArray> before = test::snapshot(tmp.path());
        const auto model = LoadedModel::open(inDir);

        for (bool replaceExisting : {false, true}) {
            FakeQuantExporter::Options options;
            options.replaceExisting = replaceExisting;
            SilentProgress progress;
            const QString message = test::errorOf([&] {
                exportWithPlan(model, test::rtnPlan(4, 32, false),
                               tmp.path() + QLatin1Char('/') + target, options, progress);
            });
            QVERIFY2(message.contains(expected), qPrintable(message));
            QCOMPARE(test::snapshot(tmp.path()), before);
        }
    }

    void cancelled_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<QString>("trigger"); // empty: cancelled before the export starts
        QTest::addColumn<bool>("outputExists");
        QTest::newRow("before start") << 1 << QString() << false;
        QTest::newRow("before start, existing output") << 1 << QString() << true;
        QTest::newRow("first tensor") << 1 << QStringLiteral("model.embed_tokens.weight") << false;
        QTest::newRow("middle") << 1 << QStringLiteral("model.layers.1.self_attn.q_proj.weight")
                                << false;
        // After the last tensor: caught by the check just before the folder is renamed into place.
        QTest::newRow("last tensor") << 1 << QStringLiteral("model.norm.weight") << false;
        QTest::newRow("sharded, second shard")
            << 3 << QStringLiteral("model.layers.1.self_attn.q_proj.weight") << false;
        QTest::newRow("middle, existing output")
            << 1 << QStringLiteral("model.layers.0.mlp.up_proj.weight") << true;
    }

    void cancelled()
    {
        QFETCH(int, shards);
        QFETCH(QString, trigger);
        QFETCH(bool, outputExists);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::TinyLlamaOptions options;
        options.shards = shards;
        test::writeTinyLlama(inDir, options);
        const auto model = LoadedModel::open(inDir);
        const QString outDir = tmp.filePath(QStringLiteral("out"));
        if (outputExists) {
            QVERIFY(QDir().mkpath(outDir));
            test::writeJson(QDir(outDir).filePath(QStringLiteral("old.json")), QJsonObject{});
        }
        const QMap<QString, QByteArray> before = test::snapshot(tmp.path());

        FakeQuantExporter::Options exportOptions;
        exportOptions.replaceExisting = true;
        bool cancelled = false;
        try {
            if (trigger.isEmpty()) {
                // Only the export is cancelled: a cancelled pipeline would not reach it.
                SilentProgress pipelineProgress;
                const auto quantized = QuantizationPipeline::run(model, test::rtnPlan(4, 32, false),
                                                                 {}, {}, pipelineProgress);
                SilentProgress progress;
                progress.cancel();
                FakeQuantExporter::run(*quantized, outDir, exportOptions, progress);
            } else {
                test::CancelOnText progress(QStringLiteral("Writing ") + trigger);
                try {
                    exportWithPlan(model, test::rtnPlan(4, 32, false), outDir, exportOptions,
                                   progress);
                } catch (const Cancelled&) {
                    QVERIFY(progress.fired());
                    throw;
                }
            }
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        // Neither an output nor a stage: the folder is exactly as before (an old output intact).
        QCOMPARE(test::snapshot(tmp.path()), before);
        QCOMPARE(QFileInfo::exists(outDir), outputExists);
    }

    // Kept layers are written byte for byte, whatever the dtype.
    void methodNoneIsByteIdentical_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("F32") << int(DType::F32);
        QTest::newRow("F16") << int(DType::F16);
        QTest::newRow("BF16") << int(DType::BF16);
    }

    void methodNoneIsByteIdentical()
    {
        QFETCH(int, dtype);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::TinyLlamaOptions options;
        options.dtype = static_cast<DType>(dtype);
        test::writeTinyLlama(inDir, options);
        const auto model = LoadedModel::open(inDir);
        QuantPlan plan = test::rtnPlan(2, 8, false);
        plan.addOverride(test::keepOverride(QStringLiteral("re:.*\\.mlp\\..*")));

        const QString outDir = tmp.filePath(QStringLiteral("out"));
        SilentProgress progress;
        const QuantReport report = exportWithPlan(model, plan, outDir, {}, progress);
        QCOMPARE(report.countWithStatus(LayerStatus::Kept), 6);
        QCOMPARE(report.countWithStatus(LayerStatus::Quantized), 8);
        verifyTensors(*model, outDir, plan);

        const QJsonArray layers =
            test::readJson(QDir(outDir).filePath(QLatin1String(ExportFolder::kReportFileName)))
                .value(QStringLiteral("layers"))
                .toArray();
        QCOMPARE(layers.size(), 14);
        for (const QJsonValue& value : layers) {
            const QJsonObject item = value.toObject();
            const bool mlp =
                item.value(QStringLiteral("name")).toString().contains(QLatin1String(".mlp."));
            QCOMPARE(item.value(QStringLiteral("status")).toString(),
                     mlp ? QStringLiteral("kept") : QStringLiteral("quantized"));
            QCOMPARE(item.value(QStringLiteral("method")).toString(),
                     mlp ? QStringLiteral("none") : QStringLiteral("rtn"));
            QCOMPARE(item.contains(QStringLiteral("weight_mse")), !mlp);
        }
    }

    // A layer holding a NaN is skipped with a note and written exactly as it was (the NaN's bits
    // included, signalling ones too).
    void nanLayerSkipped_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<quint32>("nanBits");
        QTest::newRow("F32 quiet NaN") << int(DType::F32) << quint32(0x7FC00001u);
        QTest::newRow("F32 signalling NaN") << int(DType::F32) << quint32(0xFF800001u);
        QTest::newRow("F16 quiet NaN") << int(DType::F16) << quint32(0x7E00u);
        QTest::newRow("F16 signalling NaN") << int(DType::F16) << quint32(0x7C01u);
        QTest::newRow("BF16 signalling NaN") << int(DType::BF16) << quint32(0x7F81u);
        QTest::newRow("F32 infinity") << int(DType::F32) << quint32(0x7F800000u);
    }

    void nanLayerSkipped()
    {
        QFETCH(int, dtype);
        QFETCH(quint32, nanBits);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString inDir = tmp.filePath(QStringLiteral("in"));
        test::TinyLlamaOptions options;
        options.dtype = static_cast<DType>(dtype);
        const QString layerName = QStringLiteral("model.layers.1.self_attn.v_proj");
        // Row 1, column 5 of an [8, 16] weight.
        writeTinyWithRawElement(inDir, options, layerName + QStringLiteral(".weight"), 16 + 5,
                                nanBits);
        const auto model = LoadedModel::open(inDir);
        const QuantPlan plan = test::rtnPlan(4, 32, false);

        const QString outDir = tmp.filePath(QStringLiteral("out"));
        SilentProgress progress;
        const QuantReport report = exportWithPlan(model, plan, outDir, {}, progress);
        QCOMPARE(report.countWithStatus(LayerStatus::Skipped), 1);
        QCOMPARE(report.countWithStatus(LayerStatus::Quantized), 13);
        const LayerReport* skipped = report.find(layerName);
        QVERIFY(skipped);
        QCOMPARE(skipped->status, LayerStatus::Skipped);
        const bool isInf = nanBits == 0x7F800000u;
        QVERIFY2(skipped->note.contains(isInf ? QStringLiteral("0 NaN and 1 infinite")
                                              : QStringLiteral("1 NaN"))
                     && skipped->note.contains(QStringLiteral("[1, 5]")),
                 qPrintable(skipped->note));
        verifyTensors(*model, outDir, plan);

        const QJsonArray layers =
            test::readJson(QDir(outDir).filePath(QLatin1String(ExportFolder::kReportFileName)))
                .value(QStringLiteral("layers"))
                .toArray();
        bool found = false;
        for (const QJsonValue& value : layers) {
            const QJsonObject item = value.toObject();
            if (item.value(QStringLiteral("name")).toString() != layerName)
                continue;
            found = true;
            QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
            QCOMPARE(item.value(QStringLiteral("note")).toString(), skipped->note);
            QVERIFY(!item.contains(QStringLiteral("weight_mse")));
        }
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestFakeQuantExport)
#include "tst_fake_quant_export.moc"
