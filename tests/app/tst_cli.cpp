// quantbench-cli end to end: the real binary run through QProcess on the demo model and on small
// synthetic checkpoints (broken ones, one with a NaN weight). Checks exit codes (0 success,
// 1 failure, 2 usage), where messages go (results on stdout, everything else on stderr), the
// outputs written and that the input is never touched; the single-layer command against the
// golden reference results; the calibrated pipeline through quantize and eval.

#include "core/io/checkpoint.h"
#include "core/io/dtype.h"
#include "core/io/json_file.h"
#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/tokenizer/text_documents.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/golden_layers.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace qb;

namespace {

constexpr int kTimeoutMs = 120'000;

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject parseObject(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning() << "not a JSON object:" << error.errorString() << text.left(400);
    return doc.object();
}

// The golden layer results (tests/data/golden/stories260K), read once.
const test::GoldenLayers& goldenLayers()
{
    static const test::GoldenLayers golden;
    return golden;
}

// The golden layers' input rows, and one tensor of them as the FILE:TENSOR that --calib-rows and
// --test-rows take.
QString goldenRowsFile()
{
    return test::dataDir() + "/golden/stories260K/layer_inputs.safetensors";
}

QString goldenRows(const QString& tensor)
{
    return goldenRowsFile() + ':' + tensor;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_fixtures;

    QString fixture(const QString& name) const { return m_fixtures.filePath(name); }

    // `{demo}`, `{fixtures}` and `{out}` in the arguments stand for the demo model, the fixture
    // folder and `out`.
    QStringList expand(QStringList args, const QString& out = {}) const
    {
        for (QString& arg : args) {
            arg.replace(QStringLiteral("{demo}"), test::demoModelDir());
            arg.replace(QStringLiteral("{fixtures}"), m_fixtures.path());
            arg.replace(QStringLiteral("{out}"), out);
        }
        return args;
    }

    static CliRun run(const QStringList& args)
    {
        QProcess process;
        process.start(test::binDir() + QStringLiteral("/quantbench-cli"), args);
        CliRun result;
        if (!process.waitForStarted(kTimeoutMs) || !process.waitForFinished(kTimeoutMs)) {
            process.kill();
            process.waitForFinished();
            qWarning() << "quantbench-cli did not finish:" << args << process.errorString();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    // Quantizes the demo model with `flags` and --json into a fresh folder; returns the report.
    QJsonObject quantizeDemoReport(const QStringList& flags)
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        const CliRun r = run(QStringList{QStringLiteral("quantize"), test::demoModelDir(),
                                         QStringLiteral("--out"), out, QStringLiteral("--json")}
                             + flags);
        if (r.exitCode != 0)
            qWarning() << "quantize failed:" << r.exitCode << r.err;
        return parseObject(r.out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString binary = test::binDir() + QStringLiteral("/quantbench-cli");
        QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary + " is not built"));
        QVERIFY(m_fixtures.isValid());

        // Well-formed config, weights file cut short: its header length now runs past the end.
        test::writeTinyLlama(fixture("truncated"));
        QVERIFY(QFile::resize(fixture("truncated/model.safetensors"), 64));

        QDir().mkpath(fixture("no-config"));
        test::writeSafetensors(fixture("no-config/model.safetensors"), test::tinyLlamaTensors({}));

        test::TinyLlamaOptions gpt2;
        gpt2.modelType = QStringLiteral("gpt2");
        test::writeTinyLlama(fixture("gpt2"), gpt2);

        // One NaN in model.layers.1.mlp.up_proj.weight [24, 16], at row 2, column 5.
        const test::TinyLlamaOptions options;
        std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
        bool planted = false;
        for (test::RawTensor& t : tensors) {
            if (t.name == QLatin1String("model.layers.1.mlp.up_proj.weight")) {
                const float nan = std::numeric_limits<float>::quiet_NaN();
                std::memcpy(t.bytes.data() + (2 * 16 + 5) * sizeof(float), &nan, sizeof nan);
                planted = true;
            }
        }
        QVERIFY(planted);
        QDir().mkpath(fixture("nan"));
        test::writeJson(fixture("nan/config.json"), test::tinyLlamaConfig(options));
        test::writeSafetensors(fixture("nan/model.safetensors"), tensors);

        test::writeJson(fixture("bad_recipe.json"),
                        QJsonObject{{"default", QJsonObject{{"method", "rtn"}, {"bitz", 4}}}});
        test::writeJson(
            fixture("stray_override.json"),
            QJsonObject{
                {"overrides",
                 QJsonArray{QJsonObject{{"match", "model.layers.9.mlp.down_proj"}, {"bits", 8}}}}});
        test::writeJson(
            fixture("mixed_recipe.json"),
            QJsonObject{
                {"default",
                 QJsonObject{{"method", "rtn"}, {"bits", 8}, {"group_size", 32}, {"sym", true}}},
                {"overrides",
                 QJsonArray{QJsonObject{{"match", "re:.*\\.down_proj"}, {"bits", 6}}}}});
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("tool --help") << QStringList{"--help"} << QStringList{"inspect", "quantize"};
        QTest::newRow("tool -h") << QStringList{"-h"} << QStringList{"inspect", "quantize"};
        QTest::newRow("inspect --help")
            << QStringList{"inspect", "--help"} << QStringList{"MODEL_DIR", "--json", "--no-scan"};
        QTest::newRow("quantize --help")
            << QStringList{"quantize", "--help"}
            << QStringList{"MODEL_DIR", "--method", "--bits",  "--group",  "--sym",
                           "--asym",    "--out",    "--force", "--recipe", "--json"};
        QTest::newRow("quantize -h with other options")
            << QStringList{"quantize", "--method", "rtn", "-h"} << QStringList{"--method"};
        QTest::newRow("profile --help")
            << QStringList{"profile", "--help"}
            << QStringList{"MODEL_DIR", "--layer", "--damp", "--top", "--calib", "--json"};
        QTest::newRow("synth --help")
            << QStringList{"synth", "--help"}
            << QStringList{"--preset",        "--out",   "--seed", "--dtype",  "--outlier-channels",
                           "--outlier-scale", "--force", "tiny",   "llama-1b", "llama-7b-block"};
    }

    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        for (const QString& word : mentions)
            QVERIFY2(r.out.contains(word), qPrintable(word + " not in:\n" + r.out));
    }

    // Whatever commands the table grows, each answers --help.
    void helpForEveryCommand()
    {
        const CliRun tool = run({"--help"});
        QCOMPARE(tool.exitCode, 0);
        const QStringList lines = tool.out.split('\n');
        const qsizetype start = lines.indexOf("Commands:");
        QVERIFY(start >= 0);
        QStringList names;
        for (qsizetype i = start + 1; i < lines.size() && !lines[i].trimmed().isEmpty(); ++i)
            names << lines[i].trimmed().section(' ', 0, 0);
        QVERIFY(names.contains("inspect") && names.contains("quantize"));
        for (const QString& name : names) {
            const CliRun r = run({name, "--help"});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains("quantbench-cli " + name), qPrintable(r.out));
            QVERIFY2(r.out.contains("--help"), qPrintable(r.out));
        }
    }

    void version()
    {
        const CliRun r = run({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            QRegularExpression("^quantbench-cli \\d+\\.\\d+\\.\\d+\\n$").match(r.out).hasMatch(),
            qPrintable(r.out));
    }

    void inspectText()
    {
        const CliRun r = run({"inspect", test::demoModelDir()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no NaN; no progress line off a terminal
        QVERIFY(r.out.contains("llama"));
        QVERIFY(r.out.contains(QRegularExpression("Tied embeddings:\\s+yes")));
        QVERIFY(r.out.contains(QRegularExpression("Hidden size:\\s+64")));
        QStringList layerLines;
        for (const QString& line : r.out.split('\n')) {
            if (line.startsWith("model.layers."))
                layerLines << line;
        }
        QCOMPARE(layerLines.size(), 35);
        const QStringList down = layerLines.filter("model.layers.4.mlp.down_proj ");
        QCOMPARE(down.size(), 1);
        QVERIFY2(down.first().contains("down_proj") && down.first().contains("[64, 172]")
                     && down.first().contains("F32"),
                 qPrintable(down.first()));
        // An aligned table: every layer line has its shape in the same column.
        const qsizetype column = layerLines.first().indexOf('[');
        for (const QString& line : layerLines)
            QCOMPARE(line.indexOf('['), column);
    }

    void inspectJson()
    {
        const CliRun r = run({"inspect", test::demoModelDir(), "--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject json = parseObject(r.out);

        const QJsonObject model = json["model"].toObject();
        QCOMPARE(model["model_type"].toString(), QString("llama"));
        QCOMPARE(model["hidden_size"].toInt(), 64);
        QCOMPARE(model["num_hidden_layers"].toInt(), 5);
        QCOMPARE(model["num_key_value_heads"].toInt(), 4);
        QCOMPARE(model["tie_word_embeddings"].toBool(), true);
        QCOMPARE(model["shards"].toInt(), 1);
        QCOMPARE(QFileInfo(model["directory"].toString()).canonicalFilePath(),
                 QFileInfo(test::demoModelDir()).canonicalFilePath());

        const QJsonArray layers = json["layers"].toArray();
        QCOMPARE(layers.size(), 35);
        for (const QJsonValue& value : layers) {
            const QJsonObject layer = value.toObject();
            QVERIFY(layer["name"].toString().startsWith("model.layers."));
            QVERIFY(!layer["role"].toString().isEmpty());
            QCOMPARE(layer["shape"].toArray().size(), 2);
            QCOMPARE(layer["dtype"].toString(), QString("F32"));
            const QJsonArray shape = layer["shape"].toArray();
            QCOMPARE(layer["parameters"].toInteger(), shape[0].toInteger() * shape[1].toInteger());
            QCOMPARE(layer["bytes"].toInteger(), 4 * layer["parameters"].toInteger());
        }
        const QJsonObject down = layers[34].toObject();
        QCOMPARE(down["name"].toString(), QString("model.layers.4.mlp.down_proj"));
        QCOMPARE(down["role"].toString(), QString("down_proj"));
        QCOMPARE(down["block"].toInt(), 4);
        QCOMPARE(down["shape"].toArray(), (QJsonArray{64, 172}));
        QCOMPARE(down["fold_target"].toString(), QString("model.layers.4.mlp.up_proj"));
        QVERIFY(down["shares_input_with"].toArray().isEmpty());
        const QJsonObject k = layers[1].toObject();
        QCOMPARE(k["shares_input_with"].toArray(), (QJsonArray{"model.layers.0.self_attn.q_proj",
                                                               "model.layers.0.self_attn.v_proj"}));
        // o_proj under GQA: folds into v_proj, whose outputs each feed two query heads.
        QCOMPARE(layers[3].toObject()["fold_target"].toString(),
                 QString("model.layers.0.self_attn.v_proj"));
        QCOMPARE(layers[3].toObject()["fold_shared_by"].toInt(), 2);
        QCOMPARE(down["fold_shared_by"].toInt(), 1);

        const auto opened = LoadedModel::open(test::demoModelDir());
        const QJsonObject totals = json["totals"].toObject();
        QCOMPARE(totals["layers"].toInt(), 35);
        QCOMPARE(totals["linear_parameters"].toInteger(), opened->inventory().totalParameters());
        QCOMPARE(totals["linear_bytes"].toInteger(), 4 * opened->inventory().totalParameters());
        QCOMPARE(totals["checkpoint_bytes"].toInteger(), qint64(opened->checkpoint().totalBytes()));

        QVERIFY(json["nonfinite"].isArray());
        QVERIFY(json["nonfinite"].toArray().isEmpty());
        QVERIFY(model["synthetic"].isNull()); // a real model
    }

    // A synthetic checkpoint is written, loadable, and labelled wherever it is inspected.
    void synthTiny()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("synthetic");
        const QStringList args{"synth", "--preset", "tiny", "--out", out, "--seed", "3"};
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression("Preset:\\s+tiny")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression("Parameters:\\s+\\d")), qPrintable(r.out));
        QVERIFY2(r.out.contains("synthetic checkpoint"), qPrintable(r.out));
        QVERIFY2(r.out.contains(out), qPrintable(r.out));
        QVERIFY(QFileInfo::exists(QDir(out).filePath("tokenizer.model")));

        const CliRun text = run({"inspect", out});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QRegularExpression("Synthetic:\\s+tiny preset, seed 3")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QRegularExpression("Hidden size:\\s+64")));

        const CliRun json = run({"inspect", out, "--json", "--no-scan"});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject model = parseObject(json.out)["model"].toObject();
        // Data, not a translated sentence: the same in every locale.
        QCOMPARE(model["synthetic"].toObject()["preset"].toString(), QString("tiny"));
        QCOMPARE(model["synthetic"].toObject()["seed"].toInt(), 3);
        QCOMPARE(model["num_hidden_layers"].toInt(), 2);

        // An existing output is refused without --force.
        const CliRun again = run(args);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("--force"), qPrintable(again.err));
        QCOMPARE(run(QStringList(args) << "--force").exitCode, 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{"synthetic"});
    }

    void quantizeDemo()
    {
        const QMap<QString, QByteArray> before = test::snapshot(test::demoModelDir());
        QVERIFY(!before.isEmpty());
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const QStringList args{"quantize", test::demoModelDir(),
                               "--method", "rtn",
                               "--bits",   "4",
                               "--group",  "128",
                               "--out",    out};

        const CliRun first = run(args);
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        QVERIFY2(first.out.contains(out), qPrintable(first.out));
        QVERIFY(first.out.contains(
            QRegularExpression("model\\.layers\\.4\\.mlp\\.down_proj\\s+RTN\\s+4\\s+128\\s")));

        // The output is a loadable checkpoint with the same layers, weights rounded.
        const auto input = LoadedModel::open(test::demoModelDir());
        const auto output = LoadedModel::open(out);
        QCOMPARE(output->inventory().layers().size(), std::size_t(35));
        QCOMPARE(output->checkpoint().tensorNames(), input->checkpoint().tensorNames());
        const LinearLayer& down = *output->inventory().find("model.layers.4.mlp.down_proj");
        QVERIFY(output->readWeight(down) != input->readWeight(down));
        QVERIFY(QFileInfo::exists(QDir(out).filePath("tokenizer.model")));
        QVERIFY(QFileInfo::exists(QDir(out).filePath("quant_recipe.json")));

        const QJsonObject report = test::readJson(QDir(out).filePath("quant_report.json"));
        const QJsonArray layers = report["layers"].toArray();
        QCOMPARE(layers.size(), 35);
        for (const QJsonValue& value : layers) {
            const QJsonObject layer = value.toObject();
            QCOMPARE(layer["status"].toString(), QString("quantized"));
            QCOMPARE(layer["bits"].toInt(), 4);
            QCOMPARE(layer["group_size"].toInt(), 128);
            QVERIFY(layer["weight_mse"].toDouble() > 0);
            QVERIFY(layer["weight_rel_error"].toDouble() > 0);
            QVERIFY(layer["weight_rel_error"].toDouble() < 0.5);
            QVERIFY(layer["weight_sqnr_db"].toDouble() > 10);
        }

        // An existing output is refused without --force, and left as it was.
        const QMap<QString, QByteArray> written = test::snapshot(out);
        const CliRun second = run(args);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.startsWith("quantbench-cli: error: "), qPrintable(second.err));
        QVERIFY2(second.err.contains("--force"), qPrintable(second.err));
        QVERIFY(second.out.isEmpty());
        QCOMPARE(test::snapshot(out), written);

        const CliRun forced = run(QStringList(args) << "--force"
                                                    << "--bits"
                                                    << "8");
        QCOMPARE(forced.exitCode, 0);
        QCOMPARE(
            test::readJson(QDir(out).filePath("quant_report.json"))["layers"][0]["bits"].toInt(),
            8);

        // Nothing but the output beside it (no staging or moved-aside folders left), and the
        // input untouched.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{"out"});
        QCOMPARE(test::snapshot(test::demoModelDir()), before);
    }

    void quantizeJson()
    {
        const QJsonObject report = quantizeDemoReport({"--method", "rtn"});
        const QJsonArray layers = report["layers"].toArray();
        QCOMPARE(layers.size(), 35);
        QCOMPARE(report["summary"]["quantized"].toInt(), 35);
        QVERIFY(layers[0].toObject()["weight_mse"].toDouble() > 0);
    }

    // --format writes each packed checkpoint the plan fits, with its quantization config, and
    // refuses — before any run, writing nothing — the ones it cannot hold, naming the layer.
    void quantizePackedFormats_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // quant_method in config.json, or the error's text
        QTest::newRow("gptq 8-bit")
            << QStringList{"--format", "gptq", "--bits", "8", "--group", "32"} << 0 << "gptq";
        // The demo's down_proj has 172 inputs: compressed-tensors needs groups that divide them.
        QTest::newRow("compressed-tensors 4-bit g4")
            << QStringList{"--format", "compressed-tensors", "--bits", "4", "--group", "4"} << 0
            << "compressed-tensors";
        QTest::newRow("awq 4-bit, N = 172 refused")
            << QStringList{"--format", "awq", "--bits", "4", "--group", "32"} << 1
            << "model.layers.0.mlp.gate_proj";
        QTest::newRow("awq 8-bit refused")
            << QStringList{"--format", "awq", "--bits", "8", "--group", "32"} << 1 << "4-bit";
        QTest::newRow("compressed-tensors 3-bit refused")
            << QStringList{"--format", "compressed-tensors", "--bits", "3", "--group", "32"} << 1
            << "--format gptq";
        QTest::newRow("compressed-tensors g32 refused")
            << QStringList{"--format", "compressed-tensors", "--bits", "4", "--group", "32"} << 1
            << "model.layers.0.mlp.down_proj";
        QTest::newRow("unknown format") << QStringList{"--format", "gguf2"} << 2 << "--format";
    }

    void quantizePackedFormats()
    {
        QFETCH(QStringList, flags);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const CliRun r = run(
            QStringList{"quantize", test::demoModelDir(), "--method", "rtn", "--asym", "--out", out}
            + flags);
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode != 0) {
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(out));
            return;
        }
        QFile config(QDir(out).filePath("config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QJsonObject quantization =
            QJsonDocument::fromJson(config.readAll()).object()["quantization_config"].toObject();
        QCOMPARE(quantization["quant_method"].toString(), expected);
        QVERIFY(QFileInfo::exists(QDir(out).filePath("quant_report.json")));
    }

    // How the flags become the plan's default (no recipe): method, bits, group code, symmetry.
    void quantizeSchemes_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("group");
        QTest::addColumn<bool>("sym");
        QTest::newRow("rtn defaults")
            << QStringList{"--method", "rtn"} << "rtn" << 4 << 128 << false;
        QTest::newRow("3-bit sym per channel")
            << QStringList{"--method", "rtn", "--bits", "3", "--sym", "--group", "channel"} << "rtn"
            << 3 << -1 << true;
        QTest::newRow("group -1") << QStringList{"--method", "rtn", "--group", "-1"} << "rtn" << 4
                                  << -1 << false;
        QTest::newRow("group tensor")
            << QStringList{"--method", "rtn", "--group", "tensor"} << "rtn" << 4 << 0 << false;
        QTest::newRow("group 0") << QStringList{"--method", "rtn", "--group=0"} << "rtn" << 4 << 0
                                 << false;
        QTest::newRow("8-bit asym g32")
            << QStringList{"--method", "rtn", "--asym", "--bits", "8", "--group", "32"} << "rtn"
            << 8 << 32 << false;
        QTest::newRow("keep") << QStringList{"--method", "none"} << "none" << 4 << 128 << false;
    }

    void quantizeSchemes()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, method);
        QFETCH(int, bits);
        QFETCH(int, group);
        QFETCH(bool, sym);
        const QJsonObject report = quantizeDemoReport(flags);
        const QJsonObject defaults = report["recipe"]["default"].toObject();
        QCOMPARE(defaults["method"].toString(), method);
        QCOMPARE(defaults["bits"].toInt(), bits);
        QCOMPARE(defaults["group_size"].toInt(), group);
        QCOMPARE(defaults["sym"].toBool(), sym);
        const QJsonArray layers = report["layers"].toArray();
        QCOMPARE(layers.size(), 35);
        const QJsonObject first = layers[0].toObject();
        QCOMPARE(first["method"].toString(), method);
        QCOMPARE(first["status"].toString(), QString(method == "none" ? "kept" : "quantized"));
        if (method != "none") {
            QCOMPARE(first["bits"].toInt(), bits);
            QCOMPARE(first["group_size"].toInt(), group);
            QCOMPARE(first["sym"].toBool(), sym);
        }
    }

    // A recipe gives the plan; explicit flags override its default, not its per-layer overrides.
    void quantizeRecipe()
    {
        const QJsonObject plain = quantizeDemoReport({"--recipe", fixture("mixed_recipe.json")});
        QCOMPARE(plain["layers"][0]["bits"].toInt(), 8);
        QCOMPARE(plain["layers"][0]["group_size"].toInt(), 32);
        QCOMPARE(plain["layers"][6]["bits"].toInt(), 6); // model.layers.0.mlp.down_proj

        const QJsonObject overridden =
            quantizeDemoReport({"--recipe", fixture("mixed_recipe.json"), "--bits", "3", "--asym"});
        const QJsonObject q = overridden["layers"][0].toObject();
        QCOMPARE(q["name"].toString(), QString("model.layers.0.self_attn.q_proj"));
        QCOMPARE(q["bits"].toInt(), 3);
        QCOMPARE(q["group_size"].toInt(), 32);
        QCOMPARE(q["sym"].toBool(), false);
        const QJsonObject down = overridden["layers"][6].toObject();
        QCOMPARE(down["name"].toString(), QString("model.layers.0.mlp.down_proj"));
        QCOMPARE(down["bits"].toInt(), 6);
        QCOMPARE(overridden["recipe"]["overrides"].toArray().size(), 1);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("problem"); // part of the message naming the problem
        QTest::addColumn<QString>("hint");
        const QString tool = "Try 'quantbench-cli --help'.";
        const QString inspect = "Try 'quantbench-cli inspect --help'.";
        const QString quantize = "Try 'quantbench-cli quantize --help'.";
        const QStringList q{"quantize", "{demo}", "--out", "{out}"};

        QTest::newRow("no command") << QStringList{} << "no command" << tool;
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "frobnicate" << tool;
        QTest::newRow("unknown tool option") << QStringList{"--frob"} << "frob" << tool;
        QTest::newRow("unknown option")
            << QStringList{"inspect", "{demo}", "--frob"} << "frob" << inspect;
        QTest::newRow("missing MODEL_DIR") << QStringList{"inspect"} << "MODEL_DIR" << inspect;
        QTest::newRow("quantize missing MODEL_DIR")
            << QStringList{"quantize", "--method", "rtn", "--out", "{out}"} << "MODEL_DIR"
            << quantize;
        QTest::newRow("extra argument")
            << QStringList{"inspect", "{demo}", "more"} << "more" << inspect;
        QTest::newRow("--bits 9") << q + QStringList{"--method", "rtn", "--bits", "9"} << "--bits"
                                  << quantize;
        QTest::newRow("--bits 1") << q + QStringList{"--method", "rtn", "--bits", "1"} << "--bits"
                                  << quantize;
        QTest::newRow("--bits four")
            << q + QStringList{"--method", "rtn", "--bits", "four"} << "four" << quantize;
        QTest::newRow("--bits without value")
            << q + QStringList{"--method", "rtn", "--bits"} << "--bits" << quantize;
        QTest::newRow("--group abc")
            << q + QStringList{"--method", "rtn", "--group", "abc"} << "--group" << quantize;
        QTest::newRow("--group -2")
            << q + QStringList{"--method", "rtn", "--group", "-2"} << "-2" << quantize;
        QTest::newRow("--sym with --asym") << q + QStringList{"--method", "rtn", "--sym", "--asym"}
                                           << "--sym and --asym" << quantize;
        QTest::newRow("unknown method")
            << q + QStringList{"--method", "gptq4"} << "gptq4" << quantize;
        QTest::newRow("quantize without --out")
            << QStringList{"quantize", "{demo}", "--method", "rtn"} << "--out" << quantize;
        QTest::newRow("quantize without --method or --recipe") << q << "--method" << quantize;
        const QString eval = "Try 'quantbench-cli eval --help'.";
        const QStringList compare{"eval",      "{demo}", "--text", "{demo}/config.json",
                                  "--compare", "{demo}"};
        QTest::newRow("eval --compare with a plan")
            << compare + QStringList{"--method", "rtn"} << "--compare" << eval;
        QTest::newRow("eval --compare with --calib")
            << compare + QStringList{"--calib", "{demo}/config.json"} << "--compare" << eval;
        QTest::newRow("generate --compare with a plan")
            << QStringList{"generate",  "{demo}", "--prompt", "x",
                           "--compare", "{demo}", "--method", "rtn"}
            << "--compare"
            << "Try 'quantbench-cli generate --help'.";
        const QString synth = "Try 'quantbench-cli synth --help'.";
        QTest::newRow("synth unknown preset")
            << QStringList{"synth", "--preset", "nope", "--out", "{out}"} << "nope" << synth;
        QTest::newRow("synth without --out")
            << QStringList{"synth", "--preset", "tiny"} << "--out" << synth;
        QTest::newRow("synth without --preset")
            << QStringList{"synth", "--out", "{out}"} << "--preset" << synth;
        QTest::newRow("synth --dtype f16")
            << QStringList{"synth", "--preset", "tiny", "--out", "{out}", "--dtype", "f16"} << "f16"
            << synth;
        QTest::newRow("synth too many outlier channels")
            << QStringList{"synth", "--preset",           "tiny", "--out",
                           "{out}", "--outlier-channels", "65"}
            << "--outlier-channels" << synth;
        QTest::newRow("synth --outlier-scale 0")
            << QStringList{"synth", "--preset", "tiny", "--out", "{out}", "--outlier-scale", "0"}
            << "--outlier-scale" << synth;
        QTest::newRow("synth --seed -1")
            << QStringList{"synth", "--preset", "tiny", "--out", "{out}", "--seed", "-1"}
            << "--seed" << synth;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, problem);
        QFETCH(QString, hint);
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const CliRun r = run(expand(args, out));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.contains(problem), qPrintable(r.err));
        QVERIFY2(r.err.trimmed().endsWith(hint), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("problem"); // each part must be in the message
        QTest::newRow("nonexistent folder") << QStringList{"inspect", "{fixtures}/missing"}
                                            << QStringList{"missing", "the folder does not exist"};
        QTest::newRow("quantize nonexistent folder")
            << QStringList{"quantize", "{fixtures}/missing", "--method", "rtn", "--out", "{out}"}
            << QStringList{"missing", "the folder does not exist"};
        QTest::newRow("no config.json") << QStringList{"inspect", "{fixtures}/no-config"}
                                        << QStringList{"no-config", "config.json is missing"};
        QTest::newRow("unknown model_type")
            << QStringList{"inspect", "{fixtures}/gpt2"}
            << QStringList{"model_type \"gpt2\" is not supported", "llama"};
        QTest::newRow("truncated safetensors")
            << QStringList{"inspect", "{fixtures}/truncated"}
            << QStringList{"model.safetensors", "header length", "runs past the end of the file"};
        QTest::newRow("quantize truncated safetensors")
            << QStringList{"quantize", "{fixtures}/truncated", "--method", "rtn", "--out", "{out}"}
            << QStringList{"model.safetensors", "runs past the end of the file"};
        QTest::newRow("recipe with an unknown field")
            << QStringList{"quantize", "{demo}", "--recipe", "{fixtures}/bad_recipe.json",
                           "--out",    "{out}"}
            << QStringList{"bad_recipe.json", "unknown field \"bitz\""};
        QTest::newRow("missing recipe")
            << QStringList{"quantize", "{demo}", "--recipe", "{fixtures}/none.json",
                           "--out",    "{out}"}
            << QStringList{"none.json", "cannot open the file"};
        QTest::newRow("recipe naming no layer")
            << QStringList{"quantize", "{demo}", "--recipe", "{fixtures}/stray_override.json",
                           "--out",    "{out}"}
            << QStringList{"model.layers.9.mlp.down_proj"};
        QTest::newRow("output is the input")
            << QStringList{"quantize", "{demo}", "--method", "rtn", "--out", "{demo}", "--force"}
            << QStringList{"would replace the input"};
    }

    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, problem);
        const QMap<QString, QByteArray> demoBefore = test::snapshot(test::demoModelDir());
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const CliRun r = run(expand(args, out));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.startsWith("quantbench-cli: error: "), qPrintable(r.err));
        for (const QString& part : problem)
            QVERIFY2(r.err.contains(part), qPrintable(part + " not in: " + r.err));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{});
        QCOMPARE(test::snapshot(test::demoModelDir()), demoBefore);
    }

    // `layer` reproduces the reference results on the golden rows (the protocol they were made
    // with: one layer, its calibration rows, its test rows).
    void layerGolden_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<double>("tolerance");
        const QStringList a4g32{"--bits", "4", "--group", "32", "--asym"};
        for (const test::GoldenLayerCase& c : test::goldenLayerCases()) {
            auto row = [&](const char* tag, const QStringList& flags, double tolerance) {
                QTest::addRow("%s|%s", qPrintable(c.layer), tag)
                    << c.layer << c.site << QString(tag) << flags << tolerance;
            };
            row("rtn.a3g32", QStringList{"--method", "rtn", "--bits", "3", "--group", "32"}, 1e-6);
            row("gptq.s4pc",
                QStringList{"--method", "gptq", "--bits", "4", "--group", "channel", "--sym"},
                0.01);
            row("gptq_actorder_static.a4g32",
                QStringList{"--method", "gptq", "--act-order", "--static-groups"} + a4g32, 0.01);
            row("smoothquant.w8a8", QStringList{"--method", "smoothquant", "--w8a8"}, 0.01);
            row("plain.w8a8", QStringList{"--method", "rtn", "--w8a8"}, 0.01);
        }
        // AWQ on o_proj (q_proj's golden AWQ results were made with the clip search the reference
        // skips for query layers; tests/core/tst_awq.cpp covers them).
        QTest::addRow("o_proj|awq.a4g32")
            << "model.layers.3.self_attn.o_proj"
            << "l3.o_in"
            << "awq.a4g32" << (QStringList{"--method", "awq"} + a4g32) << 0.02;
    }

    void layerGolden()
    {
        QFETCH(QString, layer);
        QFETCH(QString, site);
        QFETCH(QString, tag);
        QFETCH(QStringList, flags);
        QFETCH(double, tolerance);
        const CliRun r = run(QStringList{"layer", test::demoModelDir(), "--layer", layer,
                                         "--calib-rows", goldenRows(site + ".calib"), "--test-rows",
                                         goldenRows(site + ".test"), "--json"}
                             + flags);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject result = parseObject(r.out);
        const double reference = goldenLayers().result(layer, tag)["mse"].toDouble();
        const double ours = result["output_mse"].toDouble();
        QVERIFY2(std::abs(ours - reference) <= tolerance * reference,
                 qPrintable(QString("output_mse %1, reference %2").arg(ours).arg(reference)));
        QCOMPARE(result["test_rows"].toInt(), 1809);
        QCOMPARE(result["calib_rows"].toInt(), 4864);
        QVERIFY(result["rel_err"].toDouble() > 0.0);
    }

    // `devices` lists the CPU and every OpenCL device (a line naming OpenCL, its platform and
    // device) — PoCL in CI; with --json the same as data. Without any OpenCL device it says why.
    void devices()
    {
        const CliRun r = run({"devices"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("cpu"));
        const CliRun j = run({"devices", "--json"});
        QCOMPARE(j.exitCode, 0);
        const QJsonObject list = parseObject(j.out);
        const QJsonArray devices = list["devices"].toArray();
        QVERIFY(!devices.isEmpty());
        QCOMPARE(devices.first().toObject()["id"].toString(), QString("cpu"));
        int openCl = 0;
        for (const QJsonValue& value : devices) {
            const QJsonObject device = value.toObject();
            if (device["kind"].toString() != "OpenCL")
                continue;
            ++openCl;
            // The table has one line per device with the word OpenCL, its platform and its name.
            const QStringList lines = r.out.split('\n');
            QVERIFY(std::any_of(lines.begin(), lines.end(), [&](const QString& line) {
                return line.contains(device["id"].toString()) && line.contains("OpenCL")
                       && line.contains(device["platform"].toString())
                       && line.contains(device["name"].toString());
            }));
            QVERIFY(device["global_memory_bytes"].toDouble() > 0);
            QVERIFY(device["compute_units"].toInt() > 0);
        }
        if (openCl == 0) {
            QVERIFY(list.contains("opencl_problem"));
            QVERIFY(r.err.contains(list["opencl_problem"].toString()));
            QSKIP(qPrintable("no OpenCL device to list: " + list["opencl_problem"].toString()));
        }
    }

    // `layer --backend opencl` and `--backend cpu` agree on a golden layer for every method, and
    // the OpenCL run says where it ran.
    void layerOnBothBackends_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::newRow("rtn") << QStringList{"--method", "rtn", "--bits", "3", "--group", "32"};
        QTest::newRow("gptq act-order")
            << QStringList{"--method", "gptq", "--bits", "4", "--group", "32", "--act-order"};
        QTest::newRow("awq") << QStringList{"--method", "awq", "--bits", "4", "--group", "32"};
        QTest::newRow("smoothquant") << QStringList{"--method", "smoothquant", "--w8a8"};
    }

    void layerOnBothBackends()
    {
        QFETCH(QStringList, flags);
        const QStringList common = QStringList{"layer",        test::demoModelDir(),
                                               "--layer",      "model.layers.3.self_attn.o_proj",
                                               "--calib-rows", goldenRows("l3.o_in.calib"),
                                               "--test-rows",  goldenRows("l3.o_in.test"),
                                               "--json"}
                                   + flags;
        const CliRun listed = run({"devices", "--json"});
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject list = parseObject(listed.out);
        const QJsonArray devices = list["devices"].toArray();
        if (std::none_of(devices.begin(), devices.end(), [](const QJsonValue& device) {
                return device["kind"].toString() == "OpenCL";
            }))
            QSKIP(qPrintable("no OpenCL device: " + list["opencl_problem"].toString()));
        const CliRun cpu = run(common + QStringList{"--backend", "cpu"});
        QCOMPARE(cpu.exitCode, 0);
        const CliRun cl = run(common + QStringList{"--backend", "opencl"});
        QCOMPARE(cl.exitCode, 0);
        const QJsonObject onCpu = parseObject(cpu.out);
        const QJsonObject onCl = parseObject(cl.out);
        QCOMPARE(onCpu["backend"].toString(), QString("cpu"));
        // A listed device must be used: a run that fell back to the CPU is a broken backend.
        QVERIFY2(onCl["backend"].toString().startsWith("opencl"), qPrintable(cl.err.trimmed()));
        QVERIFY2(!onCl.contains("backend_fallback"),
                 qPrintable(onCl["backend_fallback"].toString()));
        QVERIFY(cl.err.contains("Backend: OpenCL"));
        const double a = onCpu["output_mse"].toDouble();
        const double b = onCl["output_mse"].toDouble();
        QVERIFY2(std::abs(a - b) <= 1e-4 * a,
                 qPrintable(QString("CPU %1, OpenCL %2").arg(a).arg(b)));
    }

    // A malformed --backend is a usage error; a device that does not exist is a warning and the
    // work is done on the CPU.
    void backendChoiceErrors()
    {
        const QStringList common{"layer",        test::demoModelDir(),
                                 "--layer",      "model.layers.3.self_attn.o_proj",
                                 "--calib-rows", goldenRows("l3.o_in.calib"),
                                 "--test-rows",  goldenRows("l3.o_in.test"),
                                 "--method",     "rtn",
                                 "--json"};
        const CliRun bad = run(common + QStringList{"--backend", "gpu"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--backend"));
        QVERIFY(bad.err.contains("gpu"));
        const CliRun missing = run(common + QStringList{"--backend", "opencl:42:7"});
        QCOMPARE(missing.exitCode, 0);
        QVERIFY(missing.err.contains("warning"));
        QCOMPARE(parseObject(missing.out)["backend"].toString(), QString("cpu"));
    }

    // --save-weight writes the dequantized weight, the reference's to within rounding ties; an
    // existing file is replaced only with --force.
    void layerSaveWeight()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("q.safetensors");
        const QStringList args{"layer",         test::demoModelDir(),
                               "--layer",       "model.layers.2.mlp.down_proj",
                               "--method",      "gptq",
                               "--bits",        "4",
                               "--group",       "32",
                               "--calib-rows",  goldenRows("l2.down_in.calib"),
                               "--test-rows",   goldenRows("l2.down_in.test"),
                               "--save-weight", file};
        QCOMPARE(run(args).exitCode, 0);
        const auto saved = SafetensorsFile::open(file);
        const TensorInfo* info = saved->find("model.layers.2.mlp.down_proj.weight");
        QVERIFY(info);
        const std::vector<float> ours = saved->readFloat(*info);
        const std::vector<float> reference =
            goldenLayers().referenceWeight("model.layers.2.mlp.down_proj", "gptq.a4g32");
        QCOMPARE(ours.size(), reference.size());
        int differing = 0;
        for (std::size_t i = 0; i < ours.size(); ++i)
            differing +=
                std::abs(ours[i] - reference[i]) > 1e-4f * std::max(std::abs(reference[i]), 1e-3f);
        QVERIFY2(differing <= int(ours.size()) / 1000, qPrintable(QString::number(differing)));

        const CliRun again = run(args);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("--force"), qPrintable(again.err));
        QCOMPARE(run(QStringList(args) << "--force").exitCode, 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"q.safetensors"});
    }

    void layerErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("problem");
        const QString rows = goldenRowsFile();
        const QStringList base{"layer",    "{demo}", "--layer", "model.layers.3.self_attn.o_proj",
                               "--method", "gptq"};
        const QStringList goodRows{"--calib-rows", rows + ":l3.o_in.calib", "--test-rows",
                                   rows + ":l3.o_in.test"};
        QTest::newRow("no --calib-rows")
            << base + QStringList{"--test-rows", rows + ":l3.o_in.test"} << 2
            << QStringList{"--calib-rows"};
        QTest::newRow("no colon") << base + QStringList{"--calib-rows", rows, "--test-rows", rows}
                                  << 2 << QStringList{"FILE.safetensors:TENSOR"};
        QTest::newRow("--w8a8 with gptq")
            << base + goodRows + QStringList{"--w8a8"} << 2 << QStringList{"--w8a8"};
        QTest::newRow("unknown layer")
            << QStringList{"layer", "{demo}", "--layer", "model.layers.3.attn.o", "--method", "rtn"}
                   + goodRows
            << 1 << QStringList{"model.layers.3.attn.o"};
        QTest::newRow("missing tensor") << base
                                               + QStringList{"--calib-rows", rows + ":l3.o_in.nope",
                                                             "--test-rows", rows + ":l3.o_in.test"}
                                        << 1 << QStringList{"l3.o_in.nope", "no such tensor"};
        QTest::newRow("rows of another width")
            << base
                   + QStringList{"--calib-rows", rows + ":l2.down_in.calib", "--test-rows",
                                 rows + ":l3.o_in.test"}
            << 1 << QStringList{"l2.down_in.calib", "[rows, 64]", "[4864, 172]"};
    }

    void layerErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, problem);
        const CliRun r = run(expand(args));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        for (const QString& part : problem)
            QVERIFY2(r.err.contains(part), qPrintable(part + " not in: " + r.err));
    }

    // The calibrated pipeline: GPTQ needs --calib; with it every layer gets an output error on
    // the held-out samples, and --report writes the same report as quant_report.json.
    void quantizeCalibrated()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const QString text = test::dataDir() + "/tinystories/TinyStories-valid-subset.txt";
        const QStringList base{
            "quantize", test::demoModelDir(), "--method", "gptq", "--group", "32", "--out", out};
        const CliRun missing = run(base);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("--calib"), qPrintable(missing.err));
        QVERIFY(!QFileInfo::exists(out));

        const QString reportPath = dir.filePath("report.json");
        const CliRun r = run(base
                             + QStringList{"--calib", text, "--samples", "8", "--seqlen", "128",
                                           "--report", reportPath});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Output MSE"), qPrintable(r.out));
        const QJsonObject report = test::readJson(QDir(out).filePath("quant_report.json"));
        QCOMPARE(test::readJson(reportPath), report);
        QCOMPARE(report["calibration"]["fit_windows"].toInt(), 7);
        QCOMPARE(report["calibration"]["held_out_windows"].toInt(), 1);
        QCOMPARE(report["complete"].toBool(), true);
        QCOMPARE(report["recipe"]["calibration"]["samples"].toInt(), 8);
        for (const QJsonValue& value : report["layers"].toArray()) {
            const QJsonObject layer = value.toObject();
            QCOMPARE(layer["status"].toString(), QString("quantized"));
            QVERIFY(layer["output_mse"].toDouble() > 0.0);
            QCOMPARE(layer["output_rows"].toInt(),
                     report["calibration"]["held_out_tokens"].toInt());
            QCOMPARE(layer["damping_raises"].toInt(), 0);
        }
        QCOMPARE(report["warnings"].toArray().size(), 0);
        QVERIFY2(!r.err.contains("warning"), qPrintable(r.err));

        // Fitted on fewer tokens than down_proj's 172 input channels: said on stderr and in the
        // report, naming the widest layer.
        const QString shortOut = dir.filePath("short");
        const CliRun fewTokens =
            run({"quantize", test::demoModelDir(), "--method", "gptq", "--group", "32", "--out",
                 shortOut, "--calib", text, "--samples", "1", "--seqlen", "100", "--report",
                 dir.filePath("short.html")});
        QCOMPARE(fewTokens.exitCode, 0);
        QVERIFY2(fewTokens.err.contains("warning: GPTQ fitted on 100 calibration tokens")
                     && fewTokens.err.contains("model.layers.0.mlp.down_proj, has 172"),
                 qPrintable(fewTokens.err));
        const QJsonObject shortReport =
            test::readJson(QDir(shortOut).filePath("quant_report.json"));
        QCOMPARE(shortReport["calibration"]["fit_tokens"].toInt(), 100);
        QCOMPARE(shortReport["warnings"].toArray().size(), 1);
        QVERIFY(shortReport["warnings"].toArray().at(0).toString().contains("5 layers"));
        QFile page(dir.filePath("short.html"));
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(page.readAll());
        QVERIFY2(html.contains("1 window (100 tokens) fitted on, 0 held out")
                     && html.contains("<p class=\"warning\">GPTQ fitted on 100"),
                 qPrintable(html.left(3000)));

        const CliRun badFormat = run(base + QStringList{"--calib", text, "--format", "ggml"});
        QCOMPARE(badFormat.exitCode, 2);
        QVERIFY2(badFormat.err.contains("ggml"), qPrintable(badFormat.err));

        // --calib-mode overrides the recipe's mode: random windows give every sample asked for.
        const CliRun badMode = run(base + QStringList{"--calib", text, "--calib-mode", "lines"});
        QCOMPARE(badMode.exitCode, 2);
        QVERIFY2(badMode.err.contains("--calib-mode") && badMode.err.contains("lines"),
                 qPrintable(badMode.err));
        const QString randomOut = dir.filePath("random");
        const CliRun random = run({"quantize", test::demoModelDir(), "--method", "rtn", "--out",
                                   randomOut, "--calib", text, "--calib-mode", "random",
                                   "--samples", "40", "--seqlen", "64", "--seed", "3"});
        QCOMPARE(random.exitCode, 0);
        const QJsonObject randomReport =
            test::readJson(QDir(randomOut).filePath("quant_report.json"));
        QCOMPARE(randomReport["recipe"]["calibration"]["mode"].toString(), QString("random"));
        QCOMPARE(randomReport["recipe"]["calibration"]["seed"].toInt(), 3);
        QCOMPARE(randomReport["calibration"]["fit_windows"].toInt()
                     + randomReport["calibration"]["held_out_windows"].toInt(),
                 40);
    }

    // quantize --format gguf writes one .gguf file with its recipe, report and model card
    // beside it; eval opens the file (dequantized) and scores the quantized model, saying so.
    void quantizeGgufAndEvaluateIt()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("demo.gguf");
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const CliRun quantized =
            run({"quantize", test::demoModelDir(), "--method", "rtn", "--bits", "4", "--group",
                 "32", "--sym", "--format", "gguf", "--out", out, "--eval", sample});
        QCOMPARE(quantized.exitCode, 0);
        // --eval: both perplexities on the model card (the stored model's is the golden one).
        QFile card(dir.filePath("demo.README.md"));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QString cardText = QString::fromUtf8(card.readAll());
        QVERIFY2(cardText.contains("3.5482"), qPrintable(cardText));
        const QRegularExpression afterLine("after quantization: ([0-9.]+)");
        const QRegularExpressionMatch after = afterLine.match(cardText);
        QVERIFY2(after.hasMatch(), qPrintable(cardText));
        const double inMemory = after.captured(1).toDouble();
        // And how far the quantized model's next-token distributions moved.
        const QRegularExpression sameTopLine(
            "positions where the most probable next token is the original model's: ([0-9.]+) %");
        const QRegularExpressionMatch sameTop = sameTopLine.match(cardText);
        QVERIFY2(sameTop.hasMatch() && sameTop.captured(1).toDouble() > 50.0
                     && sameTop.captured(1).toDouble() < 100.0,
                 qPrintable(cardText));
        QVERIFY2(
            cardText.contains("mean KL divergence from the original model (nats per token): 0."),
            qPrintable(cardText));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{"demo.README.md", "demo.gguf", "demo.recipe.json", "demo.report.csv",
                              "demo.report.json"}));
        // The demo's down_proj rows (172) fit no block: stored in F32, with a warning.
        QVERIFY2(quantized.err.contains("model.layers.0.mlp.down_proj"), qPrintable(quantized.err));

        const CliRun evaluated = run({"eval", out, "--text", sample, "--json"});
        QCOMPARE(evaluated.exitCode, 0);
        const QJsonObject result = parseObject(evaluated.out);
        QCOMPARE(result["model"].toString(), QFileInfo(out).absoluteFilePath());
        QVERIFY(result["imported"].toString().contains("GGUF"));
        const double perplexity = result["perplexity"].toDouble();
        // Quantized: above the full-precision 3.5482, and not absurdly; and the GGUF, read back,
        // scores what the in-memory quantized model scored (up to the fp16 rounding of the
        // Q4_0 scales).
        QVERIFY2(perplexity > 3.56 && perplexity < 5.0, qPrintable(evaluated.out));
        QVERIFY2(std::abs(perplexity - inMemory) < 1e-3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(perplexity).arg(inMemory)));
    }

    // An FP8 checkpoint as llm-compressor's FP8_DYNAMIC scheme writes it (compressed-tensors
    // "float-quantized": E4M3 weights with a BF16 scale per output channel, activations quantized
    // per token as the model runs), made here from the demo model: evaluated through the
    // import, it scores close to the full-precision 3.5482 (FP8 keeps 4 significant bits), and
    // the activation quantization the import leaves out is said on stderr and in the JSON.
    void evaluateFp8Checkpoint()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fp8 = dir.filePath("stories260K-FP8-dynamic");
        QVERIFY(QDir().mkpath(fp8));
        const QDir demo(test::demoModelDir());
        for (const char* file : {"tokenizer.model", "tokenizer_config.json"})
            QVERIFY(QFile::copy(demo.filePath(file), QDir(fp8).filePath(file)));
        const auto checkpoint = Checkpoint::open(demo.path());
        std::vector<test::RawTensor> tensors;
        for (const QString& name : checkpoint->tensorNames()) {
            const auto ref = checkpoint->require(name);
            if (!name.endsWith("_proj.weight")) {
                tensors.push_back({name, ref.info->dtype, ref.info->shape,
                                   test::toBytes(ref.file->bytes(*ref.info))});
                continue;
            }
            const std::vector<float> weight = ref.file->readFloat(*ref.info);
            const std::int64_t rows = ref.info->shape[0];
            const std::int64_t cols = ref.info->shape[1];
            std::vector<float> scales(static_cast<std::size_t>(rows));
            QByteArray values(static_cast<qsizetype>(rows * cols), '\0');
            for (std::int64_t r = 0; r < rows; ++r) {
                float largest = 0.0f;
                for (std::int64_t c = 0; c < cols; ++c)
                    largest = std::max(largest, std::abs(weight[std::size_t(r * cols + c)]));
                // The scale as stored (BF16), so that the values are rounded against it.
                const float scale = bfloat16ToFloat(floatToBfloat16(largest / 448.0f));
                scales[std::size_t(r)] = scale;
                for (std::int64_t c = 0; c < cols; ++c)
                    values[qsizetype(r * cols + c)] = static_cast<char>(
                        floatToFp8E4M3(weight[std::size_t(r * cols + c)] / scale));
            }
            const QString module = name.chopped(7);
            tensors.push_back({name, DType::F8_E4M3, ref.info->shape, values});
            tensors.push_back({module + ".weight_scale",
                               DType::BF16,
                               {rows, 1},
                               test::encodeFloats(scales, DType::BF16)});
        }
        test::writeSafetensors(QDir(fp8).filePath("model.safetensors"), tensors);
        QJsonObject config = test::readJson(demo.filePath("config.json"));
        const QJsonObject perToken{{"num_bits", 8},
                                   {"type", "float"},
                                   {"symmetric", true},
                                   {"strategy", "token"},
                                   {"dynamic", true}};
        const QJsonObject perChannel{{"num_bits", 8},
                                     {"type", "float"},
                                     {"symmetric", true},
                                     {"strategy", "channel"},
                                     {"dynamic", false}};
        config["quantization_config"] = QJsonObject{
            {"quant_method", "compressed-tensors"},
            {"format", "float-quantized"},
            {"quantization_status", "compressed"},
            {"config_groups",
             QJsonObject{{"group_0", QJsonObject{{"targets", QJsonArray{"Linear"}},
                                                 {"weights", perChannel},
                                                 {"input_activations", perToken}}}}},
            {"ignore", QJsonArray{"lm_head"}},
        };
        test::writeJson(QDir(fp8).filePath("config.json"), config);

        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const CliRun evaluated = run({"eval", fp8, "--text", sample, "--json"});
        QCOMPARE(evaluated.exitCode, 0);
        const QJsonObject result = parseObject(evaluated.out);
        // The per-token FP8 activations are reproduced, not a caveat.
        QVERIFY2(result["imported"].toString().contains("compressed-tensors")
                     && result["imported"].toString().contains(
                         "35 layers with their input activations rounded FP8 E4M3 per token"),
                 qPrintable(result["imported"].toString()));
        QVERIFY2(result["import_caveats"].toArray().isEmpty(), qPrintable(evaluated.out));

        // The same weights with a static per-tensor activation scheme, which QuantBench does not
        // reproduce: a caveat, as a warning beside the result too, and the weights-only figure.
        config["quantization_config"] = [&] {
            QJsonObject quantization = config["quantization_config"].toObject();
            QJsonObject groups = quantization["config_groups"].toObject();
            QJsonObject group = groups["group_0"].toObject();
            QJsonObject perTensor = perToken;
            perTensor["strategy"] = "tensor";
            perTensor["dynamic"] = false;
            group["input_activations"] = perTensor;
            groups["group_0"] = group;
            quantization["config_groups"] = groups;
            return quantization;
        }();
        test::writeJson(QDir(fp8).filePath("config.json"), config);
        const CliRun weightsOnly = run({"eval", fp8, "--text", sample, "--json"});
        QCOMPARE(weightsOnly.exitCode, 0);
        const QJsonObject weightsResult = parseObject(weightsOnly.out);
        const QJsonArray caveats = weightsResult["import_caveats"].toArray();
        QCOMPARE(caveats.size(), 1);
        QVERIFY2(caveats[0].toString().contains("8-bit float, per tensor, static"),
                 qPrintable(caveats[0].toString()));
        const CliRun shown = run({"eval", fp8, "--text", sample});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.err.contains("warning: ") && shown.err.contains("8-bit float, per tensor"),
                 qPrintable(shown.err));

        // FP8 weights move the perplexity a little, and not by nothing (the weights did change);
        // rounding the activations too moves it again.
        const double perplexity = result["perplexity"].toDouble();
        const double weightsPerplexity = weightsResult["perplexity"].toDouble();
        qInfo("FP8 per-channel weights: perplexity %.4f; with FP8 per-token activations %.4f "
              "(FP32 3.5482)",
              weightsPerplexity, perplexity);
        QVERIFY2(weightsPerplexity > 3.5482 && weightsPerplexity < 3.60,
                 qPrintable(weightsOnly.out));
        QVERIFY2(perplexity > 3.5482 && perplexity < 3.65 && perplexity != weightsPerplexity,
                 qPrintable(evaluated.out));
    }

    // eval --compare scores a checkpoint against the original on the same windows: a fake-quant
    // export holds exactly the run's float32 weights, so it scores exactly what the in-memory
    // evaluation of the same plan scores, KL and same-top share included; the original is the
    // reference either way.
    void compareWithAnExport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const QStringList plan{"--method", "rtn", "--bits", "3", "--group", "32", "--asym"};
        const QString exported = dir.filePath("rtn3");
        QCOMPARE(
            run(QStringList{"quantize", test::demoModelDir(), "--out", exported} + plan).exitCode,
            0);
        const CliRun inMemory =
            run(QStringList{"eval", test::demoModelDir(), "--text", sample, "--json"} + plan);
        QCOMPARE(inMemory.exitCode, 0);
        const CliRun compared =
            run({"eval", test::demoModelDir(), "--text", sample, "--compare", exported, "--json"});
        QCOMPARE(compared.exitCode, 0);
        const QJsonObject a = parseObject(inMemory.out);
        const QJsonObject b = parseObject(compared.out);
        QCOMPARE(b["compared"].toObject()["model"].toString(),
                 QFileInfo(exported).absoluteFilePath());
        QCOMPARE(b["perplexity"].toDouble(), a["perplexity"].toDouble());
        const double modified = a["modified"].toObject()["perplexity"].toDouble();
        QVERIFY2(modified > 4.0, qPrintable(inMemory.out)); // 3-bit RTN moved it
        QVERIFY(std::abs(b["modified"].toObject()["perplexity"].toDouble() - modified)
                < 1e-9 * modified);
        QVERIFY(std::abs(b["kl"].toDouble() - a["kl"].toDouble()) < 1e-9);
        QCOMPARE(b["same_top"].toDouble(), a["same_top"].toDouble());

        // The table names the compared checkpoint.
        const CliRun shown =
            run({"eval", test::demoModelDir(), "--text", sample, "--compare", exported});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains("rtn3 ") && shown.out.contains("Compared:"),
                 qPrintable(shown.out));

        // generate --compare: the export writes what the plan's quantized model writes.
        const QStringList generate{
            "generate", test::demoModelDir(), "--prompt", "Once upon a time", "--max-tokens", "40",
            "--json"};
        const CliRun planned = run(generate + plan);
        QCOMPARE(planned.exitCode, 0);
        const CliRun against = run(generate + QStringList{"--compare", exported});
        QCOMPARE(against.exitCode, 0);
        const QJsonObject p = parseObject(planned.out);
        const QJsonObject c = parseObject(against.out);
        QCOMPARE(c["stored"].toObject()["ids"], p["stored"].toObject()["ids"]);
        QCOMPARE(c["compared"].toObject()["ids"], p["quantized"].toObject()["ids"]);
        QCOMPARE(c["compared"].toObject()["model"].toString(),
                 QFileInfo(exported).absoluteFilePath());
        QCOMPARE(c["agreeing_tokens"], p["agreeing_tokens"]);
        QVERIFY2(p["agreeing_tokens"].toInt() < 40, qPrintable(planned.out)); // 3 bits tell

        // A model of another vocabulary reads other token ids: refused, naming both.
        const QString tiny = dir.filePath("tiny");
        test::writeTinyLlama(tiny);
        const CliRun refused =
            run({"eval", test::demoModelDir(), "--text", sample, "--compare", tiny});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("vocabulary of 32 tokens"), qPrintable(refused.err));
    }

    // An imported checkpoint is an input like any other: an export onto the file or folder it
    // came from is refused, --force or not, and the input stays as it was.
    void exportOntoAnImportedInputIsRefused()
    {
        QTemporaryDir dir;
        const QString gguf = dir.filePath("demo.gguf");
        QCOMPARE(run({"quantize", test::demoModelDir(), "--method", "rtn", "--bits", "4", "--group",
                      "32", "--sym", "--format", "gguf", "--out", gguf})
                     .exitCode,
                 0);
        const QString gptq = dir.filePath("gptq");
        QCOMPARE(run({"quantize", test::demoModelDir(), "--method", "rtn", "--bits", "8", "--group",
                      "32", "--sym", "--format", "gptq", "--out", gptq})
                     .exitCode,
                 0);
        const QMap<QString, QByteArray> before = test::snapshot(dir.path());
        const QList<QStringList> exports{{"quantize", gguf, "--method", "rtn", "--bits", "8",
                                          "--format", "gguf", "--out", gguf, "--force"},
                                         {"quantize", gptq, "--method", "rtn", "--bits", "8",
                                          "--format", "fake", "--out", gptq, "--force"},
                                         {"quantize", gptq, "--method", "rtn", "--bits", "8",
                                          "--format", "gptq", "--out", gptq + "/inside",
                                          "--force"}};
        for (const QStringList& args : exports) {
            const CliRun refused = run(args);
            QVERIFY2(refused.exitCode == 1, qPrintable(args.join(' ') + "\n" + refused.err));
            QVERIFY2(refused.err.contains("refusing to write"), qPrintable(refused.err));
        }
        QCOMPARE(test::snapshot(dir.path()), before);
    }

    // eval scores the plan's model: through the pipeline when the plan needs calibration.
    void evalQuantized()
    {
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const QString calib = test::dataDir() + "/tinystories/TinyStories-valid-subset.txt";
        const QStringList base{"eval", test::demoModelDir(), "--text", sample, "--json"};
        const CliRun plain = run(base);
        QCOMPARE(plain.exitCode, 0);
        const double fp32 = parseObject(plain.out)["perplexity"].toDouble();
        QVERIFY2(std::abs(fp32 - 3.5482) < 1e-3, qPrintable(plain.out));

        const CliRun noCalib = run(base + QStringList{"--method", "gptq", "--bits", "3"});
        QCOMPARE(noCalib.exitCode, 2);
        QVERIFY2(noCalib.err.contains("--calib"), qPrintable(noCalib.err));

        const CliRun gptq =
            run(base
                + QStringList{"--method", "gptq", "--bits", "3", "--group", "32", "--calib", calib,
                              "--samples", "8", "--seqlen", "128"});
        QCOMPARE(gptq.exitCode, 0);
        const QJsonObject result = parseObject(gptq.out);
        const double quantized = result["modified"]["perplexity"].toDouble();
        QVERIFY2(quantized > fp32 && quantized < 2 * fp32, qPrintable(gptq.out));
        QVERIFY(result["kl"].toDouble() > 0.0);
        const double sameTop = result["same_top"].toDouble(-1.0);
        QVERIFY2(sameTop > 0.5 && sameTop < 1.0, qPrintable(gptq.out));

        // The same documents as datasets — the sample as JSON Lines, the calibration text as a
        // JSON array of {"text": …} records — give exactly the same figures.
        QTemporaryDir dir;
        QByteArray lines;
        for (const QString& document : TextDocuments::fromFile(sample))
            lines +=
                QJsonDocument(QJsonArray{document}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
                + '\n';
        QJsonArray records;
        for (const QString& document : TextDocuments::fromFile(calib))
            records.append(QJsonObject{{"text", document}, {"source", "tinystories"}});
        const QString sampleLines = dir.filePath("sample.jsonl");
        const QString calibArray = dir.filePath("calib.json");
        QFile sampleFile(sampleLines);
        QFile calibFile(calibArray);
        QVERIFY(sampleFile.open(QIODevice::WriteOnly) && sampleFile.write(lines) == lines.size());
        QVERIFY(calibFile.open(QIODevice::WriteOnly)
                && calibFile.write(QJsonDocument(records).toJson()) > 0);
        sampleFile.close();
        calibFile.close();
        const CliRun datasets = run({"eval", test::demoModelDir(), "--text", sampleLines, "--json",
                                     "--method", "gptq", "--bits", "3", "--group", "32", "--calib",
                                     calibArray, "--samples", "8", "--seqlen", "128"});
        QCOMPARE(datasets.exitCode, 0);
        const QJsonObject fromDatasets = parseObject(datasets.out);
        QCOMPARE(fromDatasets["perplexity"].toDouble(), result["perplexity"].toDouble());
        QCOMPARE(fromDatasets["modified"]["perplexity"].toDouble(), quantized);
        QCOMPARE(fromDatasets["kl"].toDouble(), result["kl"].toDouble());
    }

    // generate continues a prompt with the stored model and, with a plan, the quantized one, and
    // says how many leading tokens they share.
    void generateContinuesAPrompt()
    {
        const QStringList base{"generate",         test::demoModelDir(), "--prompt",
                               "Once upon a time", "--max-tokens",       "24"};
        const CliRun missing = run({"generate", test::demoModelDir()});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("--prompt"), qPrintable(missing.err));

        const CliRun json =
            run(base + QStringList{"--json", "--method", "rtn", "--bits", "3", "--group", "32"});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject result = parseObject(json.out);
        QCOMPARE(result["prompt_tokens"].toInt(), 5);
        QCOMPARE(result["stored"]["tokens"].toInt(), 24);
        QCOMPARE(result["stored"]["ids"].toArray().size(), 24);
        QVERIFY2(result["stored"]["continuation"].toString().startsWith(", there was"),
                 qPrintable(json.out));
        QCOMPARE(result["quantized"]["tokens"].toInt(), 24);
        const int agreeing = result["agreeing_tokens"].toInt(-1);
        QVERIFY2(agreeing >= 0 && agreeing < 24, qPrintable(json.out));
        const QJsonArray storedIds = result["stored"]["ids"].toArray();
        const QJsonArray quantizedIds = result["quantized"]["ids"].toArray();
        for (int i = 0; i < agreeing; ++i)
            QCOMPARE(storedIds[i], quantizedIds[i]);
        QVERIFY(storedIds[agreeing] != quantizedIds[agreeing]);

        const CliRun text = run(base);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("As stored (24 tokens")
                     && text.out.contains("Once upon a time"
                                          + result["stored"]["continuation"].toString())
                     && !text.out.contains("Quantized"),
                 qPrintable(text.out));
    }

    // --report writes by its suffix: an HTML page (with --eval's perplexities), the CSV table
    // beside the export, else JSON.
    void reportFormats()
    {
        QTemporaryDir dir;
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const QStringList base{
            "quantize", test::demoModelDir(), "--method", "rtn", "--bits", "4", "--group", "32"};
        const QString html = dir.filePath("report.html");
        const CliRun withHtml =
            run(base + QStringList{"--out", dir.filePath("a"), "--eval", sample, "--report", html});
        QVERIFY2(withHtml.exitCode == 0, qPrintable(withHtml.err));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(page.readAll());
        QVERIFY(text.startsWith("<!DOCTYPE html>"));
        QVERIFY2(text.contains("3.5482 before"), qPrintable(text.left(3000)));
        QVERIFY2(text.contains("Next-token agreement") && text.contains("% of the positions"),
                 qPrintable(text.left(3000)));
        QVERIFY(text.contains("model.layers.4.mlp.down_proj"));

        const QString csv = dir.filePath("report.csv");
        QCOMPARE(run(base + QStringList{"--out", dir.filePath("b"), "--report", csv}).exitCode, 0);
        QCOMPARE(test::snapshot(dir.path())["report.csv"],
                 test::snapshot(dir.filePath("b"))["quant_report.csv"]);
    }

    // A project copied to another machine with its model and text (other paths, other file
    // times) still finds both and still uses its saved run: the text is recognised by its digest.
    void projectMovesWithItsModelAndText()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath("laptop");
        QVERIFY(QDir().mkpath(first + "/stories260K"));
        const QDir demo(test::demoModelDir());
        for (const QString& name : demo.entryList(QDir::Files))
            QVERIFY(QFile::copy(demo.filePath(name), first + "/stories260K/" + name));
        QVERIFY(QFile::copy(test::dataDir() + "/tinystories/TinyStories-valid-subset.txt",
                            first + "/calib.txt"));
        QCOMPARE(
            run({"quantize", first + "/stories260K", "--method", "gptq", "--bits", "3", "--group",
                 "32", "--calib", first + "/calib.txt", "--samples", "8", "--seqlen", "128",
                 "--out", dir.filePath("out"), "--save-project", first + "/session.qbproj"})
                .exitCode,
            0);

        const QString server = dir.filePath("server");
        QVERIFY(QDir().rename(first, server));
        {
            QFile text(server + "/calib.txt");
            QVERIFY(text.open(QIODevice::ReadWrite));
            QVERIFY(text.setFileTime(QDateTime::currentDateTime().addDays(1),
                                     QFileDevice::FileModificationTime));
        }
        const CliRun moved =
            run({"quantize", server + "/session.qbproj", "--out", dir.filePath("again")});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QVERIFY2(moved.err.contains("Using the quantized layers saved in"), qPrintable(moved.err));
        QCOMPARE(test::snapshot(dir.filePath("again"))["model.safetensors"],
                 test::snapshot(dir.filePath("out"))["model.safetensors"]);
        const QJsonObject held =
            parseObject(run({"inspect", server + "/session.qbproj", "--json"}).out);
        QCOMPARE(held["model"].toString(), server + "/stories260K");
        QCOMPARE(held["calibration_text"].toString(), server + "/calib.txt");
    }

    // profile: one layer's input per channel. The first input site (block 0's attention input)
    // is the same whether the project's run kept it or the full-precision model runs again:
    // nothing before it is quantized.
    void profileOneLayersInput()
    {
        QTemporaryDir dir;
        const QString calib = test::dataDir() + "/tinystories/TinyStories-valid-subset.txt";
        const QString project = dir.filePath("p.qbproj");
        QCOMPARE(run({"quantize", test::demoModelDir(), "--method", "gptq", "--bits", "4",
                      "--group", "32", "--calib", calib, "--samples", "8", "--seqlen", "128",
                      "--out", dir.filePath("out"), "--save-project", project})
                     .exitCode,
                 0);
        const QString layer = "model.layers.0.self_attn.q_proj";
        const CliRun fromRun = run({"profile", project, "--layer", layer, "--json"});
        QVERIFY2(fromRun.exitCode == 0, qPrintable(fromRun.err));
        const CliRun afresh =
            run({"profile", project, "--layer", layer, "--damp", "0.01", "--json"});
        QVERIFY2(afresh.exitCode == 0, qPrintable(afresh.err));
        const QJsonObject a = parseObject(fromRun.out);
        const QJsonObject b = parseObject(afresh.out);
        QCOMPARE(a["source"].toString(), QString("run"));
        QCOMPARE(b["source"].toString(), QString("full_precision"));
        QCOMPARE(a["quantized_with"].toString(), QString("gptq"));
        QCOMPARE(a["rows"].toInt(), b["rows"].toInt());
        const QJsonArray meanA = a["abs_mean"].toArray();
        const QJsonArray meanB = b["abs_mean"].toArray();
        QCOMPARE(meanA.size(), 64);
        QCOMPARE(meanB.size(), 64);
        for (qsizetype c = 0; c < meanA.size(); ++c)
            QVERIFY(std::abs(meanA[c].toDouble() - meanB[c].toDouble())
                    <= 1e-5 * std::abs(meanB[c].toDouble()));
        QCOMPARE(a["act_order"].toArray(), b["act_order"].toArray());

        // From a model folder, over --calib; the table leads with the largest mean |x|.
        const QString down = "model.layers.2.mlp.down_proj";
        const CliRun text = run({"profile", test::demoModelDir(), "--layer", down, "--calib", calib,
                                 "--samples", "8", "--seqlen", "128", "--top", "3"});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        const CliRun full = run({"profile", test::demoModelDir(), "--layer", down, "--calib", calib,
                                 "--samples", "8", "--seqlen", "128", "--json"});
        const QJsonArray mean = parseObject(full.out)["abs_mean"].toArray();
        QCOMPARE(mean.size(), 172);
        qsizetype largest = 0;
        for (qsizetype c = 1; c < mean.size(); ++c)
            if (mean[c].toDouble() > mean[largest].toDouble())
                largest = c;
        const QStringList lines = text.out.split('\n');
        const qsizetype rule = lines.indexOf(QRegularExpression("^-+  -+.*"));
        QVERIFY2(rule > 0 && rule + 3 < lines.size(), qPrintable(text.out));
        QCOMPARE(lines[rule + 1].split(' ', Qt::SkipEmptyParts).value(0), QString::number(largest));
        QVERIFY(lines[rule + 4].trimmed().isEmpty()); // --top 3

        // Errors: no layer, an unknown one, no text to measure on.
        QCOMPARE(run({"profile", test::demoModelDir(), "--calib", calib}).exitCode, 2);
        const CliRun unknown =
            run({"profile", test::demoModelDir(), "--layer", "nope", "--calib", calib});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("nope"), qPrintable(unknown.err));
        QCOMPARE(run({"profile", test::demoModelDir(), "--layer", down}).exitCode, 2);
    }

    // A project carries a session between commands (and the GUI): quantize --save-project
    // writes the plan, the texts and the run; eval and quantize given the project reuse that run
    // while its calibration text is unchanged, run the plan again once it has changed, and refuse
    // plan options (the project brings its own).
    void projectsCarryASessionBetweenCommands()
    {
        QTemporaryDir dir;
        const QString calib = dir.filePath("calib.txt");
        QVERIFY(QFile::copy(test::dataDir() + "/tinystories/TinyStories-valid-subset.txt", calib));
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const QString project = dir.filePath("session.qbproj");
        const QStringList plan{"--method", "gptq", "--bits",    "3", "--group",  "32",
                               "--calib",  calib,  "--samples", "8", "--seqlen", "128"};
        const CliRun made =
            run(QStringList{"quantize", test::demoModelDir(), "--out", dir.filePath("direct"),
                            "--eval", sample, "--save-project", project}
                + plan);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(made.err.contains("Saved the project"), qPrintable(made.err));
        QVERIFY(QFileInfo(project).isFile());

        // eval: the project's evaluation text (quantize's --eval), its run used as saved, and the
        // same perplexity as the plan run afresh from the command line.
        const CliRun fresh =
            run(QStringList{"eval", test::demoModelDir(), "--text", sample, "--json"} + plan);
        QCOMPARE(fresh.exitCode, 0);
        const CliRun reused = run({"eval", project, "--json"});
        QVERIFY2(reused.exitCode == 0, qPrintable(reused.err));
        QVERIFY2(reused.err.contains("Using the quantized layers saved in"),
                 qPrintable(reused.err));
        const QJsonObject freshResult = parseObject(fresh.out);
        const QJsonObject reusedResult = parseObject(reused.out);
        QCOMPARE(reusedResult["text"].toString(), QFileInfo(sample).absoluteFilePath());
        QCOMPARE(reusedResult["project"].toString(), QFileInfo(project).absoluteFilePath());
        QCOMPARE(reusedResult["modified"]["perplexity"].toDouble(),
                 freshResult["modified"]["perplexity"].toDouble());
        QVERIFY(reusedResult["modified"]["perplexity"].toDouble()
                > reusedResult["perplexity"].toDouble());

        // quantize: the saved run exported as it is, the same weights as the direct export.
        const QString again = dir.filePath("again");
        const CliRun exported = run({"quantize", project, "--out", again});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.err.contains("Using the quantized layers saved in"),
                 qPrintable(exported.err));
        QCOMPARE(test::snapshot(again)["model.safetensors"],
                 test::snapshot(dir.filePath("direct"))["model.safetensors"]);
        // Its model card has the perplexities the project's evaluation (quantize --eval) saved.
        const auto perplexities = [](const QString& folder) {
            QFile card(QDir(folder).filePath("README.md"));
            if (!card.open(QIODevice::ReadOnly))
                return QStringList();
            QStringList lines = QString::fromUtf8(card.readAll()).split('\n');
            lines.removeIf([](const QString& line) { return !line.contains("quantization:"); });
            return lines;
        };
        const QStringList onCard = perplexities(again);
        QCOMPARE(onCard.size(), 2);
        QVERIFY2(onCard.front().contains("3.5482"), qPrintable(onCard.join('\n')));
        QCOMPARE(onCard, perplexities(dir.filePath("direct")));

        // The project brings its plan and calibration: such options are usage errors.
        const CliRun withMethod =
            run({"quantize", project, "--out", dir.filePath("x"), "--bits", "4"});
        QCOMPARE(withMethod.exitCode, 2);
        QVERIFY2(withMethod.err.contains("--bits"), qPrintable(withMethod.err));
        const CliRun withCalib = run({"eval", project, "--calib", calib});
        QCOMPARE(withCalib.exitCode, 2);
        QVERIFY2(withCalib.err.contains("--calib"), qPrintable(withCalib.err));

        // An existing project is replaced only with --force; none is written into the model.
        const QByteArray saved = test::snapshot(dir.path())["session.qbproj"];
        const CliRun exists = run({"eval", project, "--save-project", project});
        QCOMPARE(exists.exitCode, 1);
        QVERIFY2(exists.err.contains("--force"), qPrintable(exists.err));
        QCOMPARE(test::snapshot(dir.path())["session.qbproj"], saved);
        const CliRun intoModel =
            run({"eval", project, "--save-project", test::demoModelDir() + "/session.qbproj"});
        QCOMPARE(intoModel.exitCode, 1);
        QVERIFY2(intoModel.err.contains("refusing to write"), qPrintable(intoModel.err));
        QVERIFY(!QFileInfo::exists(test::demoModelDir() + "/session.qbproj"));

        // inspect says what the project holds and whether its run and evaluation are current.
        const CliRun inspected = run({"inspect", project, "--json"});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        const QJsonObject held = parseObject(inspected.out);
        QCOMPARE(held["project"].toString(), QFileInfo(project).absoluteFilePath());
        QCOMPARE(held["recipe"]["default"]["method"].toString(), QString("gptq"));
        QCOMPARE(held["run"]["current"].toBool(), true);
        QCOMPARE(held["run"]["report"]["layers"].toArray().size(), 35);
        QCOMPARE(held["evaluation"]["current"].toBool(), true);
        QVERIFY(held["scan"].isNull());
        const CliRun inspectedText = run({"inspect", project});
        QVERIFY2(inspectedText.out.contains("current: quantize and eval use it")
                     && inspectedText.out.contains("model.layers.4.mlp.down_proj"),
                 qPrintable(inspectedText.out));

        // A changed calibration text: the plan runs again (without the first document every
        // sample is another, so the result moves).
        {
            QFile text(calib);
            QVERIFY(text.open(QIODevice::ReadOnly));
            QStringList lines = QString::fromUtf8(text.readAll()).split('\n');
            text.close();
            QVERIFY(lines.size() > 8);
            lines.removeFirst();
            QVERIFY(text.open(QIODevice::WriteOnly | QIODevice::Truncate));
            text.write(lines.join('\n').toUtf8());
        }
        const CliRun rerun = run({"eval", project, "--json"});
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        QVERIFY2(rerun.err.contains("running the plan again"), qPrintable(rerun.err));
        const QJsonObject stale = parseObject(run({"inspect", project, "--json"}).out);
        QCOMPARE(stale["run"]["current"].toBool(), false);
        const QJsonObject rerunResult = parseObject(rerun.out);
        QVERIFY(rerunResult["modified"]["perplexity"].toDouble()
                != reusedResult["modified"]["perplexity"].toDouble());
    }

    void nonFiniteWeights()
    {
        const QString model = fixture("nan");
        const QString tensor = "model.layers.1.mlp.up_proj.weight";

        const CliRun text = run({"inspect", model});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.err.startsWith("quantbench-cli: warning: "), qPrintable(text.err));
        QVERIFY2(text.err.contains(tensor) && text.err.contains("[2, 5]"), qPrintable(text.err));
        QCOMPARE(text.err.count('\n'), 1); // that tensor only
        QVERIFY(text.out.contains("model.layers.1.mlp.up_proj"));

        const CliRun json = run({"inspect", model, "--json"});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.err.contains(tensor));
        const QJsonArray nonFinite = parseObject(json.out)["nonfinite"].toArray();
        QCOMPARE(nonFinite.size(), 1);
        QCOMPARE(nonFinite[0]["tensor"].toString(), tensor);
        QCOMPARE(nonFinite[0]["nan"].toInt(), 1);
        QCOMPARE(nonFinite[0]["inf"].toInt(), 0);
        QCOMPARE(nonFinite[0]["first"].toArray(), (QJsonArray{2, 5}));

        const CliRun unscanned = run({"inspect", model, "--json", "--no-scan"});
        QCOMPARE(unscanned.exitCode, 0);
        QVERIFY2(unscanned.err.isEmpty(), qPrintable(unscanned.err));
        QVERIFY(parseObject(unscanned.out)["nonfinite"].isNull());

        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const CliRun quantized = run({"quantize", model, "--method", "rtn", "--out", out});
        QCOMPARE(quantized.exitCode, 0);
        QVERIFY2(quantized.err.contains("warning")
                     && quantized.err.contains("model.layers.1.mlp.up_proj"),
                 qPrintable(quantized.err));
        QVERIFY(quantized.out.contains(
            QRegularExpression("model\\.layers\\.1\\.mlp\\.up_proj\\s.*skipped")));
        const QJsonObject report = test::readJson(QDir(out).filePath("quant_report.json"));
        int skipped = 0;
        for (const QJsonValue& value : report["layers"].toArray()) {
            const QJsonObject layer = value.toObject();
            const bool isNanLayer = layer["name"].toString() == "model.layers.1.mlp.up_proj";
            QCOMPARE(layer["status"].toString(), QString(isNanLayer ? "skipped" : "quantized"));
            skipped += isNanLayer;
        }
        QCOMPARE(skipped, 1);
        // The skipped layer is stored as it was, NaN included.
        const auto output = LoadedModel::open(out);
        const std::vector<float> w =
            output->readWeight(*output->inventory().find("model.layers.1.mlp.up_proj"));
        QVERIFY(std::isnan(w[2 * 16 + 5]));
    }

    // sensitivity --json: one entry per linear layer (35 on the demo), each with a result at
    // every width asked for; --out writes the same JSON; block units with GPTQ.
    void sensitivityJson()
    {
        QTemporaryDir dir;
        const QString scanPath = dir.filePath("scan.json");
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const QString calib = test::dataDir() + "/tinystories/TinyStories-valid-subset.txt";
        const CliRun r = run({"sensitivity", test::demoModelDir(), "--eval", sample, "--bits",
                              "8,2,3,4", "--group", "32", "--json", "--out", scanPath});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject scan = parseObject(r.out);
        QCOMPARE(test::readJson(scanPath), scan);
        QCOMPARE(scan["method"].toString(), QString("rtn"));
        QCOMPARE(scan["complete"].toBool(), true);
        QCOMPARE(scan["bits"].toArray(), (QJsonArray{2, 3, 4, 8}));
        QVERIFY(std::abs(scan["reference_perplexity"].toDouble() - 3.5482) < 1e-3);
        const QJsonArray layers = scan["layers"].toArray();
        QCOMPARE(layers.size(), 35);
        QCOMPARE(layers[0]["name"].toString(), QString("model.layers.0.self_attn.q_proj"));
        for (const QJsonValue& layer : layers) {
            const QJsonArray results = layer["results"].toArray();
            QCOMPARE(results.size(), 4);
            for (qsizetype i = 0; i < results.size(); ++i) {
                QCOMPARE(results[i]["bits"].toInt(), (QList<int>{2, 3, 4, 8}[i]));
                QVERIFY(results[i]["perplexity"].toDouble() > 0.0);
                QVERIFY(results[i].toObject().contains("kl"));
                QVERIFY(results[i]["kl"].toDouble() >= 0.0);
            }
        }

        const CliRun text = run({"sensitivity", test::demoModelDir(), "--eval", sample,
                                 "--eval-docs", "2", "--bits", "2"});
        QCOMPARE(text.exitCode, 0);
        const qsizetype ranking = text.out.indexOf("Most sensitive at 2 bits");
        QVERIFY2(ranking >= 0, qPrintable(text.out));
        QVERIFY2(text.out.mid(ranking).contains("model.layers.4.mlp.down_proj"),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains("Every unit quantized at once:\n  2-bit: Δ ppl"),
                 qPrintable(text.out));

        const CliRun blocks =
            run({"sensitivity", test::demoModelDir(), "--eval", sample, "--eval-docs", "2",
                 "--method", "gptq", "--calib", calib, "--samples", "4", "--seqlen", "64", "--unit",
                 "block", "--bits", "3", "--json"});
        QCOMPARE(blocks.exitCode, 0);
        const QJsonObject blockScan = parseObject(blocks.out);
        QCOMPARE(blockScan["units"].toArray().size(), 5);
        QCOMPARE(blockScan["layers"].toArray().size(), 35);
        QCOMPARE(blockScan["layers"][8]["unit"].toString(), QString("model.layers.1"));
        QCOMPARE(blockScan["calibration"]["windows"].toInt(), 4);

        const QStringList base{"sensitivity", test::demoModelDir(), "--eval", sample};
        for (const auto& [args, words] : std::vector<std::pair<QStringList, QString>>{
                 {{"--method", "gptq"}, "--calib"},
                 {{"--method", "awq"}, "--method"},
                 {{"--bits", "2,9"}, "--bits"},
                 {{"--unit", "head"}, "--unit"},
             }) {
            const CliRun bad = run(base + args);
            QCOMPARE(bad.exitCode, 2);
            QVERIFY2(bad.err.contains(words), qPrintable(bad.err));
        }
        const CliRun noEval = run({"sensitivity", test::demoModelDir()});
        QCOMPARE(noEval.exitCode, 2);
        QVERIFY2(noEval.err.contains("--eval"), qPrintable(noEval.err));
    }

    // autobits writes a recipe within the target that quantize --recipe accepts.
    void autobitsRecipe()
    {
        QTemporaryDir dir;
        const QString sample = test::dataDir() + "/tinystories/tinystories_sample.txt";
        const QString scanPath = dir.filePath("scan.json");
        const CliRun scan =
            run({"sensitivity", test::demoModelDir(), "--eval", sample, "--eval-docs", "3",
                 "--bits", "2,3,4,8", "--group", "32", "--out", scanPath});
        QCOMPARE(scan.exitCode, 0);

        const QString recipe = dir.filePath("recipe.json");
        const CliRun r = run({"autobits", test::demoModelDir(), "--scan", scanPath, "--target",
                              "3.5", "--bits", "2,3,4,8", "--out", recipe, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject choice = parseObject(r.out);
        QVERIFY(choice["average_bits"].toDouble() <= 3.5);
        QVERIFY(choice["average_bits"].toDouble() > 3.0);
        QCOMPARE(choice["solver"].toString(), QString("exact"));
        QCOMPARE(test::readJson(recipe), choice["recipe"].toObject());
        // The scan measured the whole model at each width: the prediction uses the interaction
        // factors, and the plain sum is reported beside it.
        QCOMPARE(test::readJson(scanPath)["uniform"].toArray().size(), 4);
        QVERIFY(choice["interaction"]["applied"].toBool());
        QCOMPARE(choice["interaction"]["loss_factors"].toArray().size(), 4);
        QVERIFY(choice["predicted_perplexity"].toDouble()
                > choice["additive_perplexity"].toDouble());
        const QJsonArray chosen = choice["layers"].toArray();
        QCOMPARE(chosen.size(), 35);

        const QJsonObject report = quantizeDemoReport({"--recipe", recipe});
        const QJsonArray layers = report["layers"].toArray();
        QCOMPARE(layers.size(), 35);
        for (qsizetype i = 0; i < layers.size(); ++i) {
            QCOMPARE(layers[i]["name"].toString(), chosen[i]["name"].toString());
            QCOMPARE(layers[i]["bits"].toInt(), chosen[i]["bits"].toInt());
            QCOMPARE(layers[i]["group_size"].toInt(), 32);
        }

        const CliRun text = run({"autobits", test::demoModelDir(), "--scan", scanPath, "--target",
                                 "3.5", "--greedy", "--out", dir.filePath("greedy.json")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("bits per weight") && text.out.contains("greedy")
                     && text.out.contains("greedy.json") && text.out.contains("2-bit ×")
                     && text.out.contains("without the factors"),
                 qPrintable(text.out));

        // A scan written before the whole-model measurements existed: the plain sum, said so.
        QJsonObject older = test::readJson(scanPath);
        older.remove("uniform");
        const QString olderPath = dir.filePath("older.json");
        QVERIFY(JsonFile::writeObject(olderPath, older).isEmpty());
        const CliRun plain = run({"autobits", test::demoModelDir(), "--scan", olderPath, "--target",
                                  "3.5", "--out", dir.filePath("plain.json")});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains("did not measure the whole model"), qPrintable(plain.out));

        // Scanning first, with the sensitivity options.
        const QString fresh = dir.filePath("fresh.json");
        const CliRun scanned =
            run({"autobits", test::demoModelDir(), "--eval", sample, "--eval-docs", "2", "--bits",
                 "2,4", "--group", "32", "--target", "3.5", "--out", fresh, "--json"});
        QCOMPARE(scanned.exitCode, 0);
        QVERIFY(parseObject(scanned.out)["average_bits"].toDouble() <= 3.5);
        QVERIFY(QFileInfo::exists(fresh));

        const CliRun impossible = run({"autobits", test::demoModelDir(), "--scan", scanPath,
                                       "--target", "2", "--out", dir.filePath("no.json")});
        QCOMPARE(impossible.exitCode, 1);
        QVERIFY2(impossible.err.contains("smallest average"), qPrintable(impossible.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("no.json")));
        const CliRun both = run({"autobits", test::demoModelDir(), "--scan", scanPath, "--eval",
                                 sample, "--target", "3.5", "--out", dir.filePath("no.json")});
        QCOMPARE(both.exitCode, 2);
        const CliRun noTarget =
            run({"autobits", test::demoModelDir(), "--scan", scanPath, "--out", recipe});
        QCOMPARE(noTarget.exitCode, 2);
        QVERIFY2(noTarget.err.contains("--target"), qPrintable(noTarget.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
