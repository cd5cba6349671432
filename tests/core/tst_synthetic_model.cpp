// SyntheticModel: the tiny preset written, opened and measured. The checkpoint is loadable and
// labelled, byte-identical for the same options (one thread or several), different for another
// seed; BF16 is the F32 checkpoint rounded; the norms hold the outlier factors; linear weights
// have σ ≈ 0.02 with heavy-tailed rows; the output is refused when it exists and absent after a
// cancel. The large presets are only checked on paper (shapes, parameter counts): generating them
// belongs to the benchmarks.

#include "core/io/checkpoint.h"
#include "core/model/loaded_model.h"
#include "core/model/synthetic_model.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace qb;

namespace {

// Every file of a folder: name -> contents.
QMap<QString, QByteArray> contents(const QString& directory)
{
    QMap<QString, QByteArray> files;
    for (const QFileInfo& info : QDir(directory).entryInfoList(QDir::Files | QDir::Hidden)) {
        QFile file(info.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly))
            files.insert(info.fileName(), file.readAll());
    }
    return files;
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::vector<float> readFloats(const Checkpoint& checkpoint, const QString& name)
{
    const Checkpoint::TensorRef ref = checkpoint.require(name);
    std::vector<float> values(static_cast<std::size_t>(ref.info->elementCount()));
    convertToFloat(ref.info->dtype, ref.file->bytes(*ref.info).data(), values);
    return values;
}

// Bytes of tensor data (without the headers).
qint64 dataBytes(const Checkpoint& checkpoint)
{
    qint64 bytes = 0;
    for (const QString& name : checkpoint.tensorNames())
        bytes += qint64(checkpoint.require(name).info->byteSize());
    return bytes;
}

// Mean, standard deviation and excess kurtosis of a sample.
struct Moments {
    double mean = 0;
    double std = 0;
    double excessKurtosis = 0;
};

Moments moments(const std::vector<double>& x)
{
    const double n = static_cast<double>(x.size());
    double mean = 0;
    for (double v : x)
        mean += v;
    mean /= n;
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
        const double d = (v - mean) * (v - mean);
        m2 += d;
        m4 += d * d;
    }
    m2 /= n;
    m4 /= n;
    return {mean, std::sqrt(m2), m4 / (m2 * m2) - 3.0};
}

// Cancels the operation the first time it reports progress past the start.
class CancelOnProgress final : public Progress {
protected:
    void deliver(double fraction, const QString&) override
    {
        if (fraction > 0)
            m_cancelled = true;
    }
    bool cancelRequested() const override { return m_cancelled; }

private:
    bool m_cancelled = false;
};

} // namespace

class TestSyntheticModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static SyntheticModel::Options tinyOptions()
    {
        SyntheticModel::Options options;
        options.preset = "tiny";
        options.tokenizerSource = test::demoModelDir();
        return options;
    }

    static SyntheticModel::Result write(const QString& out, const SyntheticModel::Options& options)
    {
        SilentProgress progress;
        return SyntheticModel::write(out, options, progress);
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The presets' shapes add up to the published parameter counts.
    void presets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("parameters");
        QTest::addColumn<int>("tensors");
        QTest::newRow("tiny")
            << "tiny" << qint64(32768 + 2 * (64 * (64 + 32 + 32 + 64) + 3 * 64 * 172 + 2 * 64) + 64)
            << 1 + 2 * 9 + 1;
        // Llama 3.2 1B: 1,235,814,400 parameters (tied embeddings).
        QTest::newRow("llama-1b") << "llama-1b" << qint64(1'235'814'400) << 1 + 16 * 9 + 1;
        // One Llama 2 7B block (202,383,360 with its norms) plus embeddings, norm and lm_head.
        QTest::newRow("llama-7b-block")
            << "llama-7b-block" << qint64(202'383'360 + 2 * 131'072'000 + 4096) << 1 + 9 + 1 + 1;
    }

    void presets()
    {
        QFETCH(QString, name);
        QFETCH(qint64, parameters);
        QFETCH(int, tensors);
        const SyntheticPreset* preset = SyntheticModel::findPreset(name);
        QVERIFY(preset);
        const std::vector<SyntheticTensor> plan = SyntheticModel::tensors(*preset, 0);
        QCOMPARE(int(plan.size()), tensors);
        qint64 total = 0;
        for (const SyntheticTensor& tensor : plan) {
            total += tensor.elementCount();
            if (tensor.kind == SyntheticTensor::Kind::Linear) {
                const std::int64_t rows = tensor.shape[0];
                const auto expected = std::max<std::int64_t>(1, std::llround(rows * 0.02));
                QCOMPARE(std::int64_t(tensor.heavyTailedRows.size()), expected);
                QVERIFY(
                    std::is_sorted(tensor.heavyTailedRows.begin(), tensor.heavyTailedRows.end()));
                QVERIFY(tensor.heavyTailedRows.back() < rows);
            } else {
                QVERIFY(tensor.heavyTailedRows.empty());
            }
        }
        QCOMPARE(total, parameters);
        QVERIFY(!SyntheticModel::findPreset(u"nope"));
    }

    void tinyIsALabelledLoadableCheckpoint()
    {
        const QString out = path("tiny");
        const SyntheticModel::Result result = write(out, tinyOptions());
        QCOMPARE(result.preset, QString("tiny"));
        QCOMPARE(result.shards, 1);
        QCOMPARE(result.outliers.channels.size(), std::size_t(2));
        QVERIFY(result.bytes > 2 * std::uint64_t(result.parameters));

        const auto model = LoadedModel::open(out);
        const ModelSpec& spec = model->spec();
        QCOMPARE(spec.hiddenSize, 64);
        QCOMPARE(spec.intermediateSize, 172);
        QCOMPARE(spec.numHiddenLayers, 2);
        QCOMPARE(spec.numAttentionHeads, 8);
        QCOMPARE(spec.numKeyValueHeads, 4);
        QCOMPARE(spec.vocabSize, 512);
        QVERIFY(spec.tieWordEmbeddings);
        QVERIFY(spec.bosTokenId == 1);
        QVERIFY(spec.eosTokenIds == std::vector<int>{2});
        QCOMPARE(spec.torchDtype, QString("bfloat16"));
        QVERIFY(spec.synthetic);
        QCOMPARE(spec.synthetic->preset, QString("tiny"));
        QCOMPARE(spec.synthetic->seed, std::optional<qint64>(0));
        QCOMPARE(spec.synthetic->describe(), QString("tiny preset, seed 0"));
        QCOMPARE(model->inventory().layers().size(), std::size_t(14));
        for (const LinearLayer& layer : model->inventory().layers())
            QCOMPARE(layer.dtype, DType::BF16);
        QCOMPARE(qint64(result.parameters), dataBytes(model->checkpoint()) / 2);

        const QJsonObject label =
            readJson(QDir(out).filePath("config.json")).value("quantbench_synthetic").toObject();
        QCOMPARE(label["preset"].toString(), QString("tiny"));
        QCOMPARE(label["seed"].toInteger(), qint64(0));
        QCOMPARE(label["dtype"].toString(), QString("BF16"));
        QCOMPARE(label["outlier_channels"].toArray().size(), 2);
        QCOMPARE(label["outlier_scales"].toArray().size(), 2);
        for (const auto& shard : model->checkpoint().shards()) {
            const QString synthetic = shard->metadata().value("synthetic");
            QCOMPARE(synthetic, QString("QuantBench synthetic checkpoint (preset tiny, seed 0); "
                                        "not a trained model"));
        }

        // The tokenizer is the demo model's, and generation_config.json has its ids.
        for (const char* name : {"tokenizer.model", "tokenizer_config.json"}) {
            QFile copy(QDir(out).filePath(name));
            QFile original(QDir(test::demoModelDir()).filePath(name));
            QVERIFY(copy.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
            QCOMPARE(copy.readAll(), original.readAll());
        }
        const QJsonObject generation = readJson(QDir(out).filePath("generation_config.json"));
        QCOMPARE(generation["bos_token_id"].toInt(), 1);
        QCOMPARE(generation["eos_token_id"].toInt(), 2);

        // Nothing else beside it: the stage was renamed into place.
        QVERIFY(!QDir(m_dir.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .filter("partial")
                     .size());

        // A real model carries no label.
        QVERIFY(!LoadedModel::open(test::demoModelDir())->spec().synthetic);
    }

    void deterministic()
    {
        SyntheticModel::Options options = tinyOptions();
        write(path("det-a"), options);
        write(path("det-b"), options);
        options.parallel = false;
        write(path("det-serial"), options);
        const QMap<QString, QByteArray> a = contents(path("det-a"));
        QVERIFY(a.contains("model.safetensors"));
        QCOMPARE(contents(path("det-b")), a);
        QCOMPARE(contents(path("det-serial")), a);

        options.parallel = true;
        options.seed = 1;
        write(path("det-seed1"), options);
        const QMap<QString, QByteArray> other = contents(path("det-seed1"));
        QCOMPARE(other.keys(), a.keys());
        QVERIFY(other["model.safetensors"] != a["model.safetensors"]);
        QCOMPARE(other["model.safetensors"].size(), a["model.safetensors"].size());
    }

    // BF16 holds the F32 checkpoint's values rounded; both open with their dtype.
    void dtypes()
    {
        SyntheticModel::Options options = tinyOptions();
        options.seed = 7;
        options.dtype = DType::F32;
        write(path("f32"), options);
        options.dtype = DType::BF16;
        write(path("bf16"), options);
        const auto f32 = LoadedModel::open(path("f32"));
        const auto bf16 = LoadedModel::open(path("bf16"));
        QCOMPARE(f32->spec().torchDtype, QString("float32"));
        QCOMPARE(readJson(path("f32/config.json"))
                     .value("quantbench_synthetic")
                     .toObject()
                     .value("dtype")
                     .toString(),
                 QString("F32"));
        QCOMPARE(dataBytes(f32->checkpoint()), 2 * dataBytes(bf16->checkpoint()));
        QCOMPARE(f32->checkpoint().tensorNames(), bf16->checkpoint().tensorNames());
        for (const QString& name : f32->checkpoint().tensorNames()) {
            const Checkpoint::TensorRef wide = f32->checkpoint().require(name);
            const Checkpoint::TensorRef narrow = bf16->checkpoint().require(name);
            QCOMPARE(wide.info->dtype, DType::F32);
            QCOMPARE(narrow.info->dtype, DType::BF16);
            const std::vector<float> values = readFloats(f32->checkpoint(), name);
            std::vector<std::byte> rounded(values.size() * 2);
            convertFromFloat(DType::BF16, values, rounded.data());
            const std::span<const std::byte> stored = narrow.file->bytes(*narrow.info);
            QVERIFY2(std::equal(stored.begin(), stored.end(), rounded.begin(), rounded.end()),
                     qPrintable(name));
        }
    }

    void outlierNorms_data()
    {
        QTest::addColumn<int>("channels"); // -1: the preset's default
        QTest::addColumn<double>("scale"); // 0: drawn
        QTest::newRow("default") << -1 << 0.0;
        QTest::newRow("5 channels at 50") << 5 << 50.0;
        QTest::newRow("none") << 0 << 0.0;
    }

    void outlierNorms()
    {
        QFETCH(int, channels);
        QFETCH(double, scale);
        SyntheticModel::Options options = tinyOptions();
        options.seed = 3;
        if (channels >= 0)
            options.outlierChannels = channels;
        if (scale > 0)
            options.outlierScale = scale;
        const QString out = path(QString("outliers-%1").arg(QTest::currentDataTag()));
        const SyntheticModel::Result result = write(out, options);
        const std::size_t expectedCount = channels >= 0 ? std::size_t(channels) : 2;
        QCOMPARE(result.outliers.channels.size(), expectedCount);
        QCOMPARE(result.outliers.scales.size(), expectedCount);
        QVERIFY(std::is_sorted(result.outliers.channels.begin(), result.outliers.channels.end()));
        QCOMPARE(
            std::set<int>(result.outliers.channels.begin(), result.outliers.channels.end()).size(),
            expectedCount);
        for (float s : result.outliers.scales) {
            if (scale > 0)
                QCOMPARE(s, float(scale));
            else
                QVERIFY2(s >= 20 && s <= 100, qPrintable(QString::number(s)));
        }

        // config.json records exactly what the norms hold.
        const QJsonObject label =
            readJson(QDir(out).filePath("config.json")).value("quantbench_synthetic").toObject();
        const QJsonArray configChannels = label["outlier_channels"].toArray();
        const QJsonArray configScales = label["outlier_scales"].toArray();
        QCOMPARE(configChannels.size(), qsizetype(expectedCount));
        for (std::size_t i = 0; i < expectedCount; ++i) {
            QCOMPARE(configChannels[qsizetype(i)].toInt(), result.outliers.channels[i]);
            QCOMPARE(float(configScales[qsizetype(i)].toDouble()), result.outliers.scales[i]);
        }

        const auto model = LoadedModel::open(out);
        QStringList norms{"model.norm.weight"};
        for (int b = 0; b < 2; ++b) {
            norms << QString("model.layers.%1.input_layernorm.weight").arg(b)
                  << QString("model.layers.%1.post_attention_layernorm.weight").arg(b);
        }
        for (const QString& name : norms) {
            const std::vector<float> weights = readFloats(model->checkpoint(), name);
            QCOMPARE(weights.size(), std::size_t(64));
            for (std::size_t c = 0; c < weights.size(); ++c) {
                const auto it = std::find(result.outliers.channels.begin(),
                                          result.outliers.channels.end(), int(c));
                const float expected =
                    it == result.outliers.channels.end()
                        ? 1.0f
                        : result.outliers
                              .scales[std::size_t(it - result.outliers.channels.begin())];
                QCOMPARE(weights[c], expected);
            }
        }
    }

    // A larger K keeps the seed's first channels (with their factors), so K only adds outliers.
    void outlierChannelsNest()
    {
        SyntheticModel::Options options = tinyOptions();
        options.seed = 11;
        options.outlierChannels = 3;
        const SyntheticModel::Outliers three = SyntheticModel::outliers(options);
        options.outlierChannels = 10;
        const SyntheticModel::Outliers ten = SyntheticModel::outliers(options);
        for (std::size_t i = 0; i < three.channels.size(); ++i) {
            const auto it = std::find(ten.channels.begin(), ten.channels.end(), three.channels[i]);
            QVERIFY(it != ten.channels.end());
            QCOMPARE(ten.scales[std::size_t(it - ten.channels.begin())], three.scales[i]);
        }
        options.seed = 12;
        QVERIFY(SyntheticModel::outliers(options).channels != ten.channels);
    }

    // σ ≈ 0.02 everywhere; ordinary rows Gaussian (excess kurtosis ≈ 0), the heavy-tailed rows
    // clearly leptokurtic with larger maxima; embeddings Gaussian.
    void statistics_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("seed 0") << quint64(0);
        QTest::newRow("seed 1") << quint64(1);
    }

    void statistics()
    {
        QFETCH(quint64, seed);
        SyntheticModel::Options options = tinyOptions();
        options.seed = seed;
        options.dtype = DType::F32;
        const QString out = path(QString("stats-%1").arg(seed));
        write(out, options);
        const auto model = LoadedModel::open(out);
        const std::vector<SyntheticTensor> plan =
            SyntheticModel::tensors(*SyntheticModel::findPreset(u"tiny"), seed);

        std::vector<double> ordinary;
        std::vector<double> heavy;
        std::vector<double> embeddings;
        double ordinaryMax = 0;
        double heavyMax = 0;
        for (const SyntheticTensor& tensor : plan) {
            const std::vector<float> values = readFloats(model->checkpoint(), tensor.name);
            if (tensor.kind == SyntheticTensor::Kind::Embedding) {
                embeddings.assign(values.begin(), values.end());
                continue;
            }
            if (tensor.kind != SyntheticTensor::Kind::Linear)
                continue;
            const std::int64_t columns = tensor.shape[1];
            for (std::int64_t row = 0; row < tensor.shape[0]; ++row) {
                const bool isHeavy = std::binary_search(tensor.heavyTailedRows.begin(),
                                                        tensor.heavyTailedRows.end(), row);
                std::vector<double>& sink = isHeavy ? heavy : ordinary;
                double& max = isHeavy ? heavyMax : ordinaryMax;
                for (std::int64_t c = 0; c < columns; ++c) {
                    const double v = values[std::size_t(row * columns + c)];
                    sink.push_back(v);
                    max = std::max(max, std::abs(v));
                }
            }
        }
        const Moments o = moments(ordinary);
        const Moments h = moments(heavy);
        const Moments e = moments(embeddings);
        const QString summary =
            QString("ordinary n=%1 mean=%2 std=%3 kurt=%4 max=%5; heavy n=%6 "
                    "mean=%7 std=%8 kurt=%9 max=%10; embeddings std=%11 kurt=%12")
                .arg(ordinary.size())
                .arg(o.mean)
                .arg(o.std)
                .arg(o.excessKurtosis)
                .arg(ordinaryMax)
                .arg(heavy.size())
                .arg(h.mean)
                .arg(h.std)
                .arg(h.excessKurtosis)
                .arg(heavyMax)
                .arg(e.std)
                .arg(e.excessKurtosis);
        qInfo().noquote() << summary;

        QVERIFY2(std::abs(o.mean) < 0.0005, qPrintable(summary));
        QVERIFY2(std::abs(o.std - 0.02) < 0.0004, qPrintable(summary));
        QVERIFY2(std::abs(o.excessKurtosis) < 0.1, qPrintable(summary));
        QVERIFY2(std::abs(e.std - 0.02) < 0.0004, qPrintable(summary));
        QVERIFY2(std::abs(e.excessKurtosis) < 0.1, qPrintable(summary));
        // The Gaussian tail: P(|z| > 3) = 0.27 %.
        const auto beyond3Sigma = std::count_if(ordinary.begin(), ordinary.end(),
                                                [](double v) { return std::abs(v) > 0.06; });
        const double tailFraction = double(beyond3Sigma) / double(ordinary.size());
        QVERIFY2(tailFraction > 0.0021 && tailFraction < 0.0033,
                 qPrintable(QString::number(tailFraction)));
        // Student-t with 3 degrees of freedom has infinite kurtosis; any sample's is large.
        QVERIFY2(h.excessKurtosis > 2.0, qPrintable(summary));
        QVERIFY2(std::abs(h.std - 0.02) < 0.006, qPrintable(summary)); // t₃'s spread is noisy
        QVERIFY2(heavyMax > 1.5 * ordinaryMax, qPrintable(summary));
    }

    // Over the shard limit: model-0000i-of-0000n.safetensors with an index, the same tensors.
    void shards()
    {
        SyntheticModel::Options options = tinyOptions();
        options.maxShardBytes = 64 * 1024;
        const SyntheticModel::Result result = write(path("sharded"), options);
        QVERIFY(result.shards > 1);
        const auto sharded = LoadedModel::open(path("sharded"));
        QVERIFY(sharded->checkpoint().isSharded());
        QCOMPARE(int(sharded->checkpoint().shards().size()), result.shards);
        QVERIFY(QFileInfo::exists(path(QString("sharded/model-00001-of-%1.safetensors")
                                           .arg(result.shards, 5, 10, QChar('0')))));
        QVERIFY(!QFileInfo::exists(path("sharded/model.safetensors")));
        const QJsonObject index = readJson(path("sharded/model.safetensors.index.json"));
        QCOMPARE(index["metadata"]["total_size"].toInteger(), dataBytes(sharded->checkpoint()));
        for (const auto& shard : sharded->checkpoint().shards())
            QVERIFY(shard->metadata().value("synthetic").contains("not a trained model"));

        write(path("unsharded"), tinyOptions());
        const auto single = LoadedModel::open(path("unsharded"));
        QCOMPARE(sharded->checkpoint().tensorNames(), single->checkpoint().tensorNames());
        for (const QString& name : single->checkpoint().tensorNames())
            QCOMPARE(readFloats(sharded->checkpoint(), name),
                     readFloats(single->checkpoint(), name));
    }

    void existingOutputRefused()
    {
        const QString out = path("existing");
        write(out, tinyOptions());
        const QMap<QString, QByteArray> before = contents(out);
        SyntheticModel::Options options = tinyOptions();
        options.seed = 5;
        try {
            write(out, options);
            QFAIL("an existing folder was replaced without replaceExisting");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains("already exists"), qPrintable(e.message()));
        }
        QCOMPARE(contents(out), before);

        options.replaceExisting = true;
        write(out, options);
        QCOMPARE(LoadedModel::open(out)->spec().synthetic->describe(),
                 QString("tiny preset, seed 5"));
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir parent;
        const QString out = parent.filePath("cancelled");
        CancelOnProgress progress;
        QVERIFY_THROWS_EXCEPTION(Cancelled, SyntheticModel::write(out, tinyOptions(), progress));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(
            QDir(parent.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{});
    }

    // ModelSpec reads the label; a malformed one is refused like any other config field.
    void specLabel_data()
    {
        QTest::addColumn<QJsonValue>("label");
        QTest::addColumn<QString>("description"); // "!…": an Error mentioning …
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << "";
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << "";
        QTest::newRow("preset and seed")
            << QJsonValue(QJsonObject{{"preset", "llama-1b"}, {"seed", 42}})
            << "llama-1b preset, seed 42";
        QTest::newRow("no seed") << QJsonValue(QJsonObject{{"preset", "tiny"}}) << "tiny preset";
        QTest::newRow("not an object") << QJsonValue(5) << "!quantbench_synthetic";
        QTest::newRow("preset not a string") << QJsonValue(QJsonObject{{"preset", 3}}) << "!preset";
    }

    void specLabel()
    {
        QFETCH(QJsonValue, label);
        QFETCH(QString, description);
        QJsonObject config{{"model_type", "llama"},    {"hidden_size", 64},
                           {"intermediate_size", 172}, {"num_hidden_layers", 2},
                           {"num_attention_heads", 8}, {"vocab_size", 512}};
        if (!label.isUndefined())
            config.insert("quantbench_synthetic", label);
        if (description.startsWith('!')) {
            try {
                ModelSpec::fromJson(config, "config.json");
                QFAIL("a malformed label was accepted");
            } catch (const Error& e) {
                QVERIFY2(e.message().contains(description.mid(1)), qPrintable(e.message()));
            }
            return;
        }
        const auto synthetic = ModelSpec::fromJson(config, "config.json").synthetic;
        QCOMPARE(synthetic ? synthetic->describe() : QString(), description);
    }

    void invalidOptions_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("channels");
        QTest::addColumn<double>("scale");
        QTest::addColumn<bool>("tokenizer");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown preset") << "nope" << -1 << 0.0 << true << "nope";
        QTest::newRow("too many channels") << "tiny" << 65 << 0.0 << true << "65";
        QTest::newRow("negative scale") << "tiny" << 2 << -3.0 << true << "-3";
        QTest::newRow("no tokenizer files") << "tiny" << -1 << 0.0 << false << "tokenizer";
    }

    void invalidOptions()
    {
        QFETCH(QString, preset);
        QFETCH(int, channels);
        QFETCH(double, scale);
        QFETCH(bool, tokenizer);
        QFETCH(QString, problem);
        SyntheticModel::Options options = tinyOptions();
        options.preset = preset;
        if (channels >= 0)
            options.outlierChannels = channels;
        if (scale != 0)
            options.outlierScale = scale;
        if (!tokenizer)
            options.tokenizerSource = m_dir.path(); // a folder without tokenizer files
        QTemporaryDir parent;
        const QString out = parent.filePath("out");
        try {
            write(out, options);
            QFAIL("invalid options were accepted");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(problem), qPrintable(e.message()));
        }
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(
            QDir(parent.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestSyntheticModel)
#include "tst_synthetic_model.moc"
