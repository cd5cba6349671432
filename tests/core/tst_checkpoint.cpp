// Checkpoint and LoadedModel on synthetic checkpoint folders: single-file and sharded checkpoints
// give the same tensors; every kind of broken folder is refused with one qb::Error naming the file,
// tensor or config key; non-finite weights are reported by WeightScan, not refused; the layer
// inventory of qwen2, tied/untied lm_head and full multi-head attention models.

#include "core/io/checkpoint.h"
#include "core/metrics/weight_scan.h"
#include "core/model/loaded_model.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/synthetic_checkpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <optional>
#include <random>

using namespace qb;

// Builds a (broken) checkpoint inside the given folder.
using FolderWriter = std::function<void(const QString& folder)>;
Q_DECLARE_METATYPE(FolderWriter)

namespace {

constexpr const char* kShard1 = "model-00001-of-00003.safetensors";
constexpr const char* kShard2 = "model-00002-of-00003.safetensors";
constexpr const char* kShard3 = "model-00003-of-00003.safetensors";

QString in(const QString& folder, const char* name)
{
    return QDir(folder).filePath(QString::fromLatin1(name));
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
}

void truncateBy(const QString& path, qint64 bytes)
{
    if (!QFile::resize(path, QFileInfo(path).size() - bytes))
        qFatal("cannot resize %s", qPrintable(path));
}

// A tiny model written normally, then its config.json edited.
FolderWriter withConfig(std::function<void(QJsonObject&)> edit, test::TinyLlamaOptions options = {})
{
    return [=](const QString& folder) {
        test::writeTinyLlama(folder, options);
        QJsonObject config = readJson(in(folder, "config.json"));
        edit(config);
        test::writeJson(in(folder, "config.json"), config);
    };
}

// A tiny single-file model whose tensor list is edited before model.safetensors is written.
FolderWriter withTensors(std::function<void(std::vector<test::RawTensor>&)> edit,
                         test::TinyLlamaOptions options = {})
{
    return [=](const QString& folder) {
        test::writeTinyLlama(folder, options);
        std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
        edit(tensors);
        test::writeSafetensors(in(folder, "model.safetensors"), tensors);
    };
}

// A tiny model in three shards, then its index edited.
FolderWriter withIndex(std::function<void(QJsonObject&)> edit)
{
    return [=](const QString& folder) {
        test::TinyLlamaOptions options;
        options.shards = 3;
        test::writeTinyLlama(folder, options);
        QJsonObject index = readJson(in(folder, "model.safetensors.index.json"));
        edit(index);
        test::writeJson(in(folder, "model.safetensors.index.json"), index);
    };
}

std::vector<test::RawTensor>::iterator findTensor(std::vector<test::RawTensor>& tensors,
                                                  const QString& name)
{
    const auto it = std::find_if(tensors.begin(), tensors.end(),
                                 [&](const test::RawTensor& t) { return t.name == name; });
    if (it == tensors.end())
        qFatal("no tensor %s in the synthetic model", qPrintable(name));
    return it;
}

void removeTensor(std::vector<test::RawTensor>& tensors, const QString& name)
{
    tensors.erase(findTensor(tensors, name));
}

test::RawTensor randomTensor(const QString& name, DType dtype, std::vector<std::int64_t> shape)
{
    std::int64_t count = 1;
    for (std::int64_t d : shape)
        count *= d;
    std::mt19937 rng(static_cast<std::uint32_t>(qHash(name)));
    std::normal_distribution<float> normal(0.0f, 0.02f);
    std::vector<float> values(static_cast<std::size_t>(count));
    for (float& v : values)
        v = normal(rng);
    return {name, dtype, std::move(shape), test::encodeFloats(values, dtype)};
}

// The message of the qb::Error LoadedModel::open throws, or nothing when it succeeds.
std::optional<QString> loadError(const QString& folder)
{
    try {
        LoadedModel::open(folder);
    } catch (const Error& error) {
        return error.message();
    } catch (const std::exception& other) {
        return QStringLiteral("UNEXPECTED std::exception: ") + QString::fromLocal8Bit(other.what());
    }
    return std::nullopt;
}

// One row of hostileFolder_data(): the folder to build, the substrings the error message must
// hold ("{dir}" stands for the folder's path), and where to open it ("" = the folder itself).
void addFolderRow(const char* tag, const FolderWriter& write, const QStringList& expected,
                  const QString& openPath = {})
{
    QTest::newRow(tag) << write << openPath << expected;
}

std::vector<float> readAll(const Checkpoint& checkpoint, const QString& name)
{
    const Checkpoint::TensorRef ref = checkpoint.require(name);
    return ref.file->readFloat(*ref.info);
}

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void singleAndShardedAgree_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<bool>("tied");
        QTest::newRow("F32 tied") << int(DType::F32) << true;
        QTest::newRow("F16 untied") << int(DType::F16) << false;
        QTest::newRow("BF16 tied") << int(DType::BF16) << true;
    }

    void singleAndShardedAgree()
    {
        QFETCH(int, dtype);
        QFETCH(bool, tied);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options;
        options.dtype = static_cast<DType>(dtype);
        options.tieWordEmbeddings = tied;
        const QString singleFolder = dir.filePath(QStringLiteral("single"));
        const QString shardedFolder = dir.filePath(QStringLiteral("sharded"));
        test::writeTinyLlama(singleFolder, options);
        options.shards = 3;
        test::writeTinyLlama(shardedFolder, options);

        const auto single = Checkpoint::open(singleFolder);
        const auto sharded = Checkpoint::open(shardedFolder);
        QVERIFY(!single->isSharded());
        QVERIFY(single->indexPath().isEmpty());
        QCOMPARE(single->shards().size(), std::size_t(1));
        QVERIFY(sharded->isSharded());
        QCOMPARE(sharded->indexPath(), in(shardedFolder, "model.safetensors.index.json"));
        QCOMPARE(sharded->shards().size(), std::size_t(3));
        QCOMPARE(QFileInfo(sharded->shards()[0]->path()).fileName(), QString::fromLatin1(kShard1));
        QCOMPARE(QFileInfo(sharded->shards()[2]->path()).fileName(), QString::fromLatin1(kShard3));

        std::uint64_t shardBytes = 0;
        for (const auto& shard : sharded->shards())
            shardBytes += shard->fileSize();
        QCOMPARE(sharded->totalBytes(), shardBytes);
        QCOMPARE(
            single->totalBytes(),
            static_cast<std::uint64_t>(QFileInfo(in(singleFolder, "model.safetensors")).size()));

        const QStringList names = single->tensorNames();
        QCOMPARE(sharded->tensorNames(), names);
        QCOMPARE(names.size(), qsizetype(test::tinyLlamaTensors(options).size()));
        const QJsonObject weightMap = readJson(in(shardedFolder, "model.safetensors.index.json"))
                                          .value(QStringLiteral("weight_map"))
                                          .toObject();
        for (const QString& name : names) {
            const Checkpoint::TensorRef a = single->require(name);
            const Checkpoint::TensorRef b = sharded->require(name);
            QCOMPARE(a.info->dtype, options.dtype);
            QCOMPARE(b.info->dtype, a.info->dtype);
            QCOMPARE(b.info->shape, a.info->shape);
            QCOMPARE(readAll(*sharded, name), readAll(*single, name));
            // The tensor is read from the shard the index names.
            QCOMPARE(QFileInfo(b.file->path()).fileName(), weightMap.value(name).toString());
        }

        const auto singleModel = LoadedModel::open(singleFolder);
        const auto shardedModel = LoadedModel::open(shardedFolder);
        const auto& layers = singleModel->inventory().layers();
        QCOMPARE(layers.size(), std::size_t(tied ? 14 : 15));
        QCOMPARE(shardedModel->inventory().layers().size(), layers.size());
        for (const LinearLayer& layer : layers) {
            const LinearLayer* other = shardedModel->inventory().find(layer.name);
            QVERIFY(other);
            QCOMPARE(other->dtype, layer.dtype);
            QCOMPARE(shardedModel->readWeight(*other), singleModel->readWeight(layer));
        }
    }

    void requireNamesTheTensor()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::writeTinyLlama(dir.path());
        const auto checkpoint = Checkpoint::open(dir.path());
        QVERIFY(!checkpoint->find(QStringLiteral("model.layers.9.mlp.up_proj.weight")));
        try {
            checkpoint->require(QStringLiteral("model.layers.9.mlp.up_proj.weight"));
            QFAIL("require() of an absent tensor must throw");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(dir.path()), qPrintable(error.message()));
            QVERIFY2(
                error.message().contains(QStringLiteral("\"model.layers.9.mlp.up_proj.weight\"")),
                qPrintable(error.message()));
        }
    }

    void hostileFolder_data()
    {
        QTest::addColumn<FolderWriter>("write");
        QTest::addColumn<QString>("openPath"); // relative to the temporary folder
        QTest::addColumn<QStringList>("expected");

        // config.json
        addFolderRow("missing config.json",
                     [](const QString& folder) {
                         test::writeTinyLlama(folder);
                         QFile::remove(in(folder, "config.json"));
                     },
                     {"{dir}/config.json", "config.json is missing"});
        addFolderRow("config.json not JSON",
                     [](const QString& folder) {
                         test::writeTinyLlama(folder);
                         writeText(in(folder, "config.json"), "{\"model_type\": \"llama\",");
                     },
                     {"{dir}/config.json", "not valid JSON"});
        addFolderRow("config.json an array",
                     [](const QString& folder) {
                         test::writeTinyLlama(folder);
                         writeText(in(folder, "config.json"), "[{\"model_type\": \"llama\"}]");
                     },
                     {"{dir}/config.json", "JSON object"});
        addFolderRow(
            "model_type gpt2", withConfig([](QJsonObject& c) {
                c[QStringLiteral("model_type")] = QStringLiteral("gpt2");
            }),
            {"{dir}/config.json", "model_type \"gpt2\"", "not supported", "llama, mistral, qwen2"});
        addFolderRow("model_type missing",
                     withConfig([](QJsonObject& c) { c.remove(QStringLiteral("model_type")); }),
                     {"{dir}/config.json", "\"model_type\"", "missing"});
        addFolderRow(
            "hidden_size a string", withConfig([](QJsonObject& c) {
                c[QStringLiteral("hidden_size")] = QStringLiteral("64");
            }),
            {"{dir}/config.json", "\"hidden_size\"", "positive integer", "the string \"64\""});
        addFolderRow("hidden_size zero",
                     withConfig([](QJsonObject& c) { c[QStringLiteral("hidden_size")] = 0; }),
                     {"{dir}/config.json", "\"hidden_size\"", "positive integer", "the number 0"});
        addFolderRow("num_hidden_layers fractional", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("num_hidden_layers")] = 2.5;
                     }),
                     {"{dir}/config.json", "\"num_hidden_layers\"", "positive integer", "2.5"});
        addFolderRow("tie_word_embeddings yes", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("tie_word_embeddings")] = QStringLiteral("yes");
                     }),
                     {"{dir}/config.json", "\"tie_word_embeddings\"", "true or false",
                      "the string \"yes\""});
        addFolderRow("rms_norm_eps -1",
                     withConfig([](QJsonObject& c) { c[QStringLiteral("rms_norm_eps")] = -1; }),
                     {"{dir}/config.json", "\"rms_norm_eps\"", "positive number", "the number -1"});
        addFolderRow("rope_theta an array", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("rope_theta")] = QJsonArray{10000};
                     }),
                     {"{dir}/config.json", "\"rope_theta\"", "positive number", "an array"});
        addFolderRow("intermediate_size missing", withConfig([](QJsonObject& c) {
                         c.remove(QStringLiteral("intermediate_size"));
                     }),
                     {"{dir}/config.json", "required field \"intermediate_size\" is missing"});
        addFolderRow("vocab_size null", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("vocab_size")] = QJsonValue::Null;
                     }),
                     {"{dir}/config.json", "\"vocab_size\"", "missing"});
        addFolderRow(
            "hidden_size not divisible by heads", withConfig([](QJsonObject& c) {
                c[QStringLiteral("num_attention_heads")] = 3;
                c[QStringLiteral("num_key_value_heads")] = 1;
            }),
            {"{dir}/config.json", "hidden_size 16", "num_attention_heads 3", "not a multiple"});
        addFolderRow("heads not divisible by kv heads", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("num_key_value_heads")] = 3;
                     }),
                     {"{dir}/config.json", "num_attention_heads 4", "num_key_value_heads 3"});
        addFolderRow("eos_token_id a string", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("eos_token_id")] = QStringLiteral("</s>");
                     }),
                     {"{dir}/config.json", "\"eos_token_id\"", "the string \"</s>\""});
        addFolderRow("eos_token_id list with a negative id", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("eos_token_id")] = QJsonArray{2, -1};
                     }),
                     {"{dir}/config.json", "\"eos_token_id\""});
        addFolderRow("rope_scaling a string", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("rope_scaling")] = QStringLiteral("llama3");
                     }),
                     {"{dir}/config.json", "\"rope_scaling\"", "an object or null"});
        addFolderRow(
            "rope_scaling without a type", withConfig([](QJsonObject& c) {
                c[QStringLiteral("rope_scaling")] = QJsonObject{{QStringLiteral("factor"), 8.0}};
            }),
            {"{dir}/config.json", "rope_scaling", "\"rope_type\"", "missing"});

        // config.json against the tensors
        addFolderRow("one layer more than the files",
                     withConfig([](QJsonObject& c) { c[QStringLiteral("num_hidden_layers")] = 3; }),
                     {"{dir}", "num_hidden_layers = 3", "no tensors for 1 of those blocks",
                      "model.layers.2"});
        addFolderRow("three layers more than the files",
                     withConfig([](QJsonObject& c) { c[QStringLiteral("num_hidden_layers")] = 5; }),
                     {"{dir}", "num_hidden_layers = 5", "3 of those blocks", "model.layers.2"});
        // Refused at once: the shortfall is counted from the blocks present, not block by block.
        addFolderRow("num_hidden_layers absurd", withConfig([](QJsonObject& c) {
                         c[QStringLiteral("num_hidden_layers")] = 2147483647;
                     }),
                     {"{dir}", "num_hidden_layers = 2147483647", "2147483645 of those blocks",
                      "model.layers.2"});
        addFolderRow("a block in the middle missing",
                     [](const QString& folder) {
                         test::TinyLlamaOptions options;
                         options.numLayers = 4;
                         test::writeTinyLlama(folder, options);
                         std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
                         std::erase_if(tensors, [](const test::RawTensor& t) {
                             return t.name.startsWith(QStringLiteral("model.layers.1."));
                         });
                         test::writeSafetensors(in(folder, "model.safetensors"), tensors);
                     },
                     {"{dir}", "num_hidden_layers = 4", "1 of those blocks", "model.layers.1)"});
        addFolderRow(
            "a linear missing", withTensors([](auto& t) {
                removeTensor(t, QStringLiteral("model.layers.1.mlp.up_proj.weight"));
            }),
            {"{dir}", "\"model.layers.1.mlp.up_proj.weight\"", "config.json implies", "missing"});
        addFolderRow("final norm missing", withTensors([](auto& t) {
                         removeTensor(t, QStringLiteral("model.norm.weight"));
                     }),
                     {"{dir}", "\"model.norm.weight\"", "missing"});
        addFolderRow("embeddings missing", withTensors([](auto& t) {
                         removeTensor(t, QStringLiteral("model.embed_tokens.weight"));
                     }),
                     {"{dir}", "\"model.embed_tokens.weight\"", "missing"});
        {
            test::TinyLlamaOptions untied;
            untied.tieWordEmbeddings = false;
            addFolderRow(
                "untied lm_head missing",
                withTensors([](auto& t) { removeTensor(t, QStringLiteral("lm_head.weight")); },
                            untied),
                {"{dir}", "\"lm_head.weight\"", "missing"});
        }
        addFolderRow("k_proj of the wrong shape", withTensors([](auto& t) {
                         *findTensor(t, QStringLiteral("model.layers.0.self_attn.k_proj.weight")) =
                             randomTensor(QStringLiteral("model.layers.0.self_attn.k_proj.weight"),
                                          DType::F32, {16, 16});
                     }),
                     {"{dir}", "\"model.layers.0.self_attn.k_proj.weight\"", "has shape [16, 16]",
                      "[8, 16]"});
        addFolderRow(
            "down_proj transposed", withTensors([](auto& t) {
                *findTensor(t, QStringLiteral("model.layers.1.mlp.down_proj.weight")) =
                    randomTensor(QStringLiteral("model.layers.1.mlp.down_proj.weight"), DType::F32,
                                 {24, 16});
            }),
            {"{dir}", "\"model.layers.1.mlp.down_proj.weight\"", "has shape [24, 16]", "[16, 24]"});
        addFolderRow(
            "norm of the wrong shape", withTensors([](auto& t) {
                *findTensor(t, QStringLiteral("model.layers.0.post_attention_layernorm.weight")) =
                    randomTensor(QStringLiteral("model.layers.0.post_attention_layernorm.weight"),
                                 DType::F32, {1, 16});
            }),
            {"{dir}", "\"model.layers.0.post_attention_layernorm.weight\"", "[1, 16]", "[16]"});
        addFolderRow(
            "weight of dtype I32", withTensors([](auto& t) {
                findTensor(t, QStringLiteral("model.layers.1.self_attn.o_proj.weight"))->dtype =
                    DType::I32;
            }),
            {"{dir}", "\"model.layers.1.self_attn.o_proj.weight\"", "dtype I32",
             "F32, F16 or BF16"});
        addFolderRow("weight of dtype F64", withTensors([](auto& t) {
                         *findTensor(t, QStringLiteral("model.layers.0.mlp.gate_proj.weight")) =
                             randomTensor(QStringLiteral("model.layers.0.mlp.gate_proj.weight"),
                                          DType::F64, {24, 16});
                     }),
                     {"{dir}", "\"model.layers.0.mlp.gate_proj.weight\"", "dtype F64"});
        {
            test::TinyLlamaOptions qwen;
            qwen.modelType = QStringLiteral("qwen2");
            addFolderRow("qwen2 v_proj bias missing",
                         withTensors(
                             [](auto& t) {
                                 removeTensor(
                                     t, QStringLiteral("model.layers.1.self_attn.v_proj.bias"));
                             },
                             qwen),
                         {"{dir}", "\"model.layers.1.self_attn.v_proj.bias\"", "missing"});
            addFolderRow(
                "qwen2 q_proj bias of the wrong shape",
                withTensors(
                    [](auto& t) {
                        *findTensor(t, QStringLiteral("model.layers.0.self_attn.q_proj.bias")) =
                            randomTensor(QStringLiteral("model.layers.0.self_attn.q_proj.bias"),
                                         DType::F32, {8});
                    },
                    qwen),
                {"{dir}", "\"model.layers.0.self_attn.q_proj.bias\"", "has shape [8]", "[16]"});
        }

        // The weight files
        addFolderRow(
            "model.safetensors truncated",
            [](const QString& folder) {
                test::writeTinyLlama(folder);
                truncateBy(in(folder, "model.safetensors"), 4);
            },
            {"{dir}/model.safetensors", "tensor \"model.norm.weight\"", "run past the end"});
        addFolderRow(
            "index names a missing shard",
            [](const QString& folder) {
                test::TinyLlamaOptions options;
                options.shards = 3;
                test::writeTinyLlama(folder, options);
                QFile::remove(in(folder, kShard2));
            },
            {"{dir}/model.safetensors.index.json", QString::fromLatin1(kShard2), "missing"});
        addFolderRow(
            "index places a tensor in a shard that lacks it", withIndex([](QJsonObject& index) {
                QJsonObject map = index.value(QStringLiteral("weight_map")).toObject();
                map[QStringLiteral("model.embed_tokens.weight")] = QString::fromLatin1(kShard3);
                index[QStringLiteral("weight_map")] = map;
            }),
            {"{dir}/model.safetensors.index.json", "\"model.embed_tokens.weight\"",
             QString::fromLatin1(kShard3), "no such tensor"});
        addFolderRow("weight_map an array", withIndex([](QJsonObject& index) {
                         index[QStringLiteral("weight_map")] = QJsonArray{};
                     }),
                     {"{dir}/model.safetensors.index.json", "\"weight_map\"", "an array"});
        addFolderRow("weight_map missing", withIndex([](QJsonObject& index) {
                         index.remove(QStringLiteral("weight_map"));
                     }),
                     {"{dir}/model.safetensors.index.json", "\"weight_map\"", "missing"});
        addFolderRow("index not JSON",
                     [](const QString& folder) {
                         test::TinyLlamaOptions options;
                         options.shards = 3;
                         test::writeTinyLlama(folder, options);
                         writeText(in(folder, "model.safetensors.index.json"),
                                   "{\"weight_map\": {");
                     },
                     {"{dir}/model.safetensors.index.json", "not valid JSON"});
        addFolderRow("index shard outside the folder", withIndex([](QJsonObject& index) {
                         QJsonObject map = index.value(QStringLiteral("weight_map")).toObject();
                         map[QStringLiteral("model.norm.weight")] =
                             QStringLiteral("../elsewhere.safetensors");
                         index[QStringLiteral("weight_map")] = map;
                     }),
                     {"{dir}/model.safetensors.index.json", "../elsewhere.safetensors",
                      "\"model.norm.weight\"", "not a plain file name"});
        addFolderRow(
            "index shard not a string", withIndex([](QJsonObject& index) {
                QJsonObject map = index.value(QStringLiteral("weight_map")).toObject();
                map[QStringLiteral("model.norm.weight")] = 3;
                index[QStringLiteral("weight_map")] = map;
            }),
            {"{dir}/model.safetensors.index.json", "\"model.norm.weight\"", "the number 3"});
        addFolderRow("unlisted tensor in two shards",
                     [](const QString& folder) {
                         test::TinyLlamaOptions options;
                         options.shards = 3;
                         test::writeTinyLlama(folder, options);
                         // A copy of an extra tensor the index does not list, in shards 1 and 3.
                         const test::RawTensor extra =
                             randomTensor(QStringLiteral("extra.scale"), DType::F32, {2});
                         for (const char* shard : {kShard1, kShard3}) {
                             std::vector<test::RawTensor> tensors;
                             {
                                 // Copied out and unmapped before the file is rewritten.
                                 const auto file = SafetensorsFile::open(in(folder, shard));
                                 for (const TensorInfo& info : file->tensors()) {
                                     const auto bytes = file->bytes(info);
                                     tensors.push_back(
                                         {info.name, info.dtype, info.shape,
                                          QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                                     qsizetype(bytes.size()))});
                                 }
                             }
                             tensors.push_back(extra);
                             test::writeSafetensors(in(folder, shard), tensors);
                         }
                     },
                     {"{dir}/model.safetensors.index.json", "\"extra.scale\"", "two shards",
                      QString::fromLatin1(kShard1), QString::fromLatin1(kShard3)});
        addFolderRow("a shard truncated",
                     [](const QString& folder) {
                         test::TinyLlamaOptions options;
                         options.shards = 3;
                         test::writeTinyLlama(folder, options);
                         truncateBy(in(folder, kShard2), 1);
                     },
                     {QStringLiteral("{dir}/") + QString::fromLatin1(kShard2), "run past the end"});

        // The folder itself
        addFolderRow(
            "folder does not exist", [](const QString&) {},
            {"{dir}/no/such/model", "does not exist"}, QStringLiteral("no/such/model"));
        addFolderRow(
            "a file, not a folder",
            [](const QString& folder) { writeText(in(folder, "model.safetensors.txt"), "x"); },
            {"{dir}/model.safetensors.txt", "not a GGUF file"},
            QStringLiteral("model.safetensors.txt"));
        addFolderRow("only pytorch_model.bin",
                     [](const QString& folder) {
                         test::writeJson(in(folder, "config.json"), test::tinyLlamaConfig({}));
                         writeText(in(folder, "pytorch_model.bin"), QByteArray("PK\x03\x04", 4));
                     },
                     {"{dir}", "PyTorch .bin", "safetensors"});
        addFolderRow("only a pytorch_model.bin index",
                     [](const QString& folder) {
                         test::writeJson(in(folder, "config.json"), test::tinyLlamaConfig({}));
                         writeText(in(folder, "pytorch_model.bin.index.json"),
                                   "{\"weight_map\": {}}");
                     },
                     {"{dir}", "PyTorch .bin", "safetensors"});
        addFolderRow("pytorch_model.bin without config.json",
                     [](const QString& folder) {
                         writeText(in(folder, "pytorch_model.bin"), QByteArray("PK\x03\x04", 4));
                     },
                     {"{dir}/config.json", "missing"});
        addFolderRow("config.json but no weights",
                     [](const QString& folder) {
                         test::writeJson(in(folder, "config.json"), test::tinyLlamaConfig({}));
                     },
                     {"{dir}", "neither model.safetensors nor model.safetensors.index.json"});
    }

    void hostileFolder()
    {
        QFETCH(FolderWriter, write);
        QFETCH(QString, openPath);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        write(dir.path());
        const QString folder = openPath.isEmpty() ? dir.path() : dir.filePath(openPath);

        const std::optional<QString> message = loadError(folder);
        QVERIFY2(message, "LoadedModel::open accepted a broken checkpoint folder");
        QVERIFY2(!message->startsWith(QStringLiteral("UNEXPECTED")), qPrintable(*message));
        for (QString part : expected) {
            part.replace(QStringLiteral("{dir}"), dir.path());
            QVERIFY2(message->contains(QDir::toNativeSeparators(part)),
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, *message)));
        }
    }

    // NaN and ±Inf in weights open fine; WeightScan finds each such tensor, counts and locates
    // them.
    void nonFiniteWeights_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<int>("shards");
        QTest::newRow("F32") << int(DType::F32) << 1;
        QTest::newRow("F16") << int(DType::F16) << 1;
        QTest::newRow("BF16 sharded") << int(DType::BF16) << 3;
    }

    void nonFiniteWeights()
    {
        QFETCH(int, dtype);
        QFETCH(int, shards);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options;
        options.dtype = static_cast<DType>(dtype);
        options.shards = shards;
        test::writeTinyLlama(dir.path(), options);

        // Re-encode three tensors with non-finite values at known places, keeping the layout.
        struct Poison {
            const char* tensor;
            std::int64_t columns; // 0: 1-D
            std::vector<std::pair<std::int64_t, float>> values;
        };
        const Poison poisons[] = {
            {"model.layers.1.mlp.gate_proj.weight",
             16,
             {{2 * 16 + 3, nan}, {5 * 16 + 7, inf}, {10 * 16, nan}, {23 * 16 + 15, -inf}}},
            {"model.embed_tokens.weight", 16, {{31 * 16 + 15, inf}}},
            {"model.layers.0.input_layernorm.weight", 0, {{7, -nan}}},
        };
        std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
        for (const Poison& poison : poisons) {
            test::RawTensor& t = *findTensor(tensors, QString::fromLatin1(poison.tensor));
            std::vector<float> values(t.bytes.size() / dtypeSize(t.dtype));
            convertToFloat(t.dtype, reinterpret_cast<const std::byte*>(t.bytes.constData()),
                           values);
            for (const auto& [index, value] : poison.values)
                values[std::size_t(index)] = value;
            t.bytes = test::encodeFloats(values, t.dtype);
        }
        if (shards == 1) {
            test::writeSafetensors(in(dir.path(), "model.safetensors"), tensors);
        } else {
            // Rewrite each shard with the poisoned versions of the tensors it holds.
            for (const char* shard : {kShard1, kShard2, kShard3}) {
                std::vector<test::RawTensor> part;
                {
                    // Unmapped before the file is rewritten.
                    const auto file = SafetensorsFile::open(in(dir.path(), shard));
                    for (const TensorInfo& info : file->tensors())
                        part.push_back(*findTensor(tensors, info.name));
                }
                test::writeSafetensors(in(dir.path(), shard), part);
            }
        }

        const auto model = LoadedModel::open(dir.path()); // not fatal
        QCOMPARE(model->inventory().layers().size(), std::size_t(14));
        SilentProgress progress;
        std::vector<NonFiniteTensor> found = WeightScan::run(model->checkpoint(), progress);
        QCOMPARE(found.size(), std::size_t(3));
        std::sort(found.begin(), found.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });

        QCOMPARE(found[0].name, QStringLiteral("model.embed_tokens.weight"));
        QCOMPARE(found[0].elements, std::int64_t(32 * 16));
        QCOMPARE(found[0].nanCount, std::int64_t(0));
        QCOMPARE(found[0].infCount, std::int64_t(1));
        QCOMPARE(found[0].firstIndex, std::int64_t(31 * 16 + 15));
        QCOMPARE(found[0].firstPosition, QStringLiteral("[31, 15]"));

        QCOMPARE(found[1].name, QStringLiteral("model.layers.0.input_layernorm.weight"));
        QCOMPARE(found[1].nanCount, std::int64_t(1));
        QCOMPARE(found[1].infCount, std::int64_t(0));
        QCOMPARE(found[1].firstPosition, QStringLiteral("[7]"));

        QCOMPARE(found[2].name, QStringLiteral("model.layers.1.mlp.gate_proj.weight"));
        QCOMPARE(found[2].elements, std::int64_t(24 * 16));
        QCOMPARE(found[2].nanCount, std::int64_t(2));
        QCOMPARE(found[2].infCount, std::int64_t(2));
        QCOMPARE(found[2].firstIndex, std::int64_t(2 * 16 + 3));
        QCOMPARE(found[2].firstPosition, QStringLiteral("[2, 3]"));

        const Issue issue = WeightScan::toIssue(found[2]);
        QCOMPARE(issue.severity, Issue::Severity::Warning);
        QCOMPARE(issue.subject, found[2].name);
        for (const QString& part :
             {QStringLiteral("\"model.layers.1.mlp.gate_proj.weight\""), QStringLiteral("2 NaN"),
              QStringLiteral("2 infinite"), QStringLiteral("384"), QStringLiteral("[2, 3]")})
            QVERIFY2(issue.message.contains(part), qPrintable(issue.message));

        // The layer itself still reads, NaN and all.
        const std::vector<float> gate = model->readWeight(
            *model->inventory().find(QStringLiteral("model.layers.1.mlp.gate_proj")));
        QVERIFY(std::isnan(gate[2 * 16 + 3]));
        QVERIFY(std::isinf(gate[23 * 16 + 15]) && gate[23 * 16 + 15] < 0);
    }

    // WeightScan reads big tensors in chunks of 2^20 elements: the first non-finite value is
    // located correctly when it lies in a later chunk.
    void nonFiniteAcrossChunks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::int64_t rows = 1100;
        const std::int64_t columns = 1000;
        std::vector<float> values(std::size_t(rows * columns), 0.25f);
        const std::int64_t firstNan = 1 << 20; // first element of the second chunk
        values[std::size_t(firstNan)] = std::numeric_limits<float>::quiet_NaN();
        values.back() = std::numeric_limits<float>::infinity();
        test::writeSafetensors(in(dir.path(), "model.safetensors"),
                               {{QStringLiteral("big"),
                                 DType::F16,
                                 {rows, columns},
                                 test::encodeFloats(values, DType::F16)},
                                {QStringLiteral("clean"),
                                 DType::F32,
                                 {3},
                                 test::encodeFloats({1, 2, 3}, DType::F32)}});
        const auto checkpoint = Checkpoint::open(dir.path());
        SilentProgress progress;
        const std::vector<NonFiniteTensor> found = WeightScan::run(*checkpoint, progress);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].name, QStringLiteral("big"));
        QCOMPARE(found[0].elements, rows * columns);
        QCOMPARE(found[0].nanCount, std::int64_t(1));
        QCOMPARE(found[0].infCount, std::int64_t(1));
        QCOMPARE(found[0].firstIndex, firstNan);
        QCOMPARE(found[0].firstPosition, QStringLiteral("[1048, 576]"));
    }

    void weightScanCancels()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::writeTinyLlama(dir.path());
        const auto checkpoint = Checkpoint::open(dir.path());
        SilentProgress progress;
        QVERIFY(WeightScan::run(*checkpoint, progress).empty());
        progress.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, WeightScan::run(*checkpoint, progress));
    }

    void qwen2Biases()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options;
        options.modelType = QStringLiteral("qwen2");
        test::writeTinyLlama(dir.path(), options);
        const auto model = LoadedModel::open(dir.path());
        QCOMPARE(model->spec().family, ModelFamily::Qwen2);
        QVERIFY(model->spec().qkvBias);
        QVERIFY(!model->spec().oBias);
        QVERIFY(!model->spec().mlpBias);
        const auto& layers = model->inventory().layers();
        QCOMPARE(layers.size(), std::size_t(14));
        for (const LinearLayer& layer : layers) {
            const bool qkv = layer.role == LayerRole::QProj || layer.role == LayerRole::KProj
                             || layer.role == LayerRole::VProj;
            QCOMPARE(layer.biasName, qkv ? layer.name + QStringLiteral(".bias") : QString());
            if (qkv) {
                const Checkpoint::TensorRef bias = model->checkpoint().require(layer.biasName);
                QCOMPARE(bias.info->shape, std::vector<std::int64_t>{layer.outFeatures});
            }
        }
        // A llama checkpoint that carries bias tensors its config does not ask for still opens;
        // the biases are simply not part of the layers.
        QTemporaryDir llamaDir;
        QVERIFY(llamaDir.isValid());
        test::TinyLlamaOptions llama;
        test::writeTinyLlama(llamaDir.path(), llama);
        // The qwen2 options write the same tensors plus q/k/v biases.
        test::writeSafetensors(in(llamaDir.path(), "model.safetensors"),
                               test::tinyLlamaTensors(options));
        const auto llamaModel = LoadedModel::open(llamaDir.path());
        for (const LinearLayer& layer : llamaModel->inventory().layers())
            QVERIFY(layer.biasName.isEmpty());
    }

    void tiedAndUntiedLmHead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options;
        options.numLayers = 5;
        options.tieWordEmbeddings = true;
        test::writeTinyLlama(dir.filePath(QStringLiteral("tied")), options);
        options.tieWordEmbeddings = false;
        test::writeTinyLlama(dir.filePath(QStringLiteral("untied")), options);

        const auto tied = LoadedModel::open(dir.filePath(QStringLiteral("tied")));
        QCOMPARE(tied->inventory().layers().size(), std::size_t(35));
        QVERIFY(!tied->inventory().find(QStringLiteral("lm_head")));
        QCOMPARE(tied->inventory().layers().back().name,
                 QStringLiteral("model.layers.4.mlp.down_proj"));

        const auto untied = LoadedModel::open(dir.filePath(QStringLiteral("untied")));
        const auto& layers = untied->inventory().layers();
        QCOMPARE(layers.size(), std::size_t(36));
        const LinearLayer& head = layers.back();
        QCOMPARE(head.name, QStringLiteral("lm_head"));
        QCOMPARE(untied->inventory().indexOf(QStringLiteral("lm_head")), 35);
        QCOMPARE(head.weightName, QStringLiteral("lm_head.weight"));
        QVERIFY(head.biasName.isEmpty());
        QCOMPARE(head.block, -1);
        QCOMPARE(head.role, LayerRole::LmHead);
        QCOMPARE(roleName(head.role), QStringLiteral("lm_head"));
        QCOMPARE(head.outFeatures, std::int64_t(32));
        QCOMPARE(head.inFeatures, std::int64_t(16));
        QCOMPARE(head.foldTarget.kind, FoldTarget::Kind::Norm);
        QCOMPARE(head.foldTarget.name, QStringLiteral("model.norm"));
        QVERIFY(untied->inventory().sharesInputWith(head).isEmpty());
        QCOMPARE(untied->inventory().totalParameters(),
                 tied->inventory().totalParameters() + 32 * 16);
        QCOMPARE(untied->readWeight(head).size(), std::size_t(32 * 16));

        // A tied config ignores an lm_head.weight present in the files.
        const QString extra = dir.filePath(QStringLiteral("tied-with-head"));
        options.tieWordEmbeddings = true;
        test::writeTinyLlama(extra, options);
        options.tieWordEmbeddings = false;
        test::writeSafetensors(in(extra, "model.safetensors"), test::tinyLlamaTensors(options));
        QCOMPARE(LoadedModel::open(extra)->inventory().layers().size(), std::size_t(35));
    }

    // num_key_value_heads == num_attention_heads: o_proj's inputs are v_proj's outputs one to one,
    // so o_proj's scales fold into v_proj.
    void inventoryGroupsAndFoldTargets()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options;
        options.numHeads = 4;
        options.numKvHeads = 4;
        options.tieWordEmbeddings = false;
        test::writeTinyLlama(dir.path(), options);
        const auto model = LoadedModel::open(dir.path());
        const LayerInventory& inventory = model->inventory();
        QCOMPARE(model->spec().numKeyValueHeads, 4);
        QCOMPARE(inventory.layers().size(), std::size_t(15));

        // Per block: {q, k, v}, {o}, {gate, up}, {down}; then {lm_head}.
        const auto& groups = inventory.inputGroups();
        QCOMPARE(groups.size(), std::size_t(9));
        for (int b = 0; b < 2; ++b) {
            const int base = 7 * b;
            QCOMPARE(groups[std::size_t(4 * b)], (std::vector<int>{base, base + 1, base + 2}));
            QCOMPARE(groups[std::size_t(4 * b + 1)], (std::vector<int>{base + 3}));
            QCOMPARE(groups[std::size_t(4 * b + 2)], (std::vector<int>{base + 4, base + 5}));
            QCOMPARE(groups[std::size_t(4 * b + 3)], (std::vector<int>{base + 6}));
        }
        QCOMPARE(groups[8], std::vector<int>{14});
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (int index : groups[g])
                QCOMPARE(inventory.layers()[std::size_t(index)].inputGroup, int(g));

        for (int b = 0; b < 2; ++b) {
            const QString p = QStringLiteral("model.layers.%1.").arg(b);
            auto layer = [&](const char* suffix) {
                const LinearLayer* found = inventory.find(p + QString::fromLatin1(suffix));
                if (!found)
                    qFatal("missing layer %s", suffix);
                return found;
            };
            const LinearLayer* q = layer("self_attn.q_proj");
            const LinearLayer* k = layer("self_attn.k_proj");
            const LinearLayer* v = layer("self_attn.v_proj");
            const LinearLayer* o = layer("self_attn.o_proj");
            const LinearLayer* gate = layer("mlp.gate_proj");
            const LinearLayer* up = layer("mlp.up_proj");
            const LinearLayer* down = layer("mlp.down_proj");
            QCOMPARE(k->outFeatures, std::int64_t(16)); // 4 kv heads × head_dim 4
            QCOMPARE(v->outFeatures, std::int64_t(16));
            for (const LinearLayer* l : {q, k, v}) {
                QCOMPARE(l->block, b);
                QCOMPARE(l->foldTarget.kind, FoldTarget::Kind::Norm);
                QCOMPARE(l->foldTarget.name, p + QStringLiteral("input_layernorm"));
            }
            QCOMPARE(inventory.sharesInputWith(*q),
                     QStringList({p + "self_attn.k_proj", p + "self_attn.v_proj"}));
            QCOMPARE(inventory.sharesInputWith(*v),
                     QStringList({p + "self_attn.q_proj", p + "self_attn.k_proj"}));
            QCOMPARE(o->foldTarget.kind, FoldTarget::Kind::Linear);
            QCOMPARE(o->foldTarget.name, p + QStringLiteral("self_attn.v_proj"));
            QVERIFY(inventory.sharesInputWith(*o).isEmpty());
            for (const LinearLayer* l : {gate, up}) {
                QCOMPARE(l->foldTarget.kind, FoldTarget::Kind::Norm);
                QCOMPARE(l->foldTarget.name, p + QStringLiteral("post_attention_layernorm"));
            }
            QCOMPARE(inventory.sharesInputWith(*up), QStringList{p + "mlp.gate_proj"});
            QCOMPARE(down->foldTarget.kind, FoldTarget::Kind::Linear);
            QCOMPARE(down->foldTarget.name, p + QStringLiteral("mlp.up_proj"));
            QCOMPARE(down->inFeatures, std::int64_t(24));
        }

        std::int64_t parameters = 0;
        for (const LinearLayer& l : inventory.layers())
            parameters += l.outFeatures * l.inFeatures;
        QCOMPARE(inventory.totalParameters(), parameters);
        QCOMPARE(inventory.indexOf(QStringLiteral("model.layers.1.mlp.up_proj")), 12);
        QCOMPARE(inventory.indexOf(QStringLiteral("model.layers.2.mlp.up_proj")), -1);
    }

    // config.json's head_dim decides the attention shapes, even when hidden_size / heads differs.
    void headDimOverride()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TinyLlamaOptions options;
        options.numLayers = 1;
        test::writeTinyLlama(dir.path(), options);
        QJsonObject config = readJson(in(dir.path(), "config.json"));
        config[QStringLiteral("head_dim")] = 8; // 4 heads × 8 = 32 ≠ hidden_size 16
        test::writeJson(in(dir.path(), "config.json"), config);
        std::vector<test::RawTensor> tensors = test::tinyLlamaTensors(options);
        const QString attn = QStringLiteral("model.layers.0.self_attn.");
        const std::pair<const char*, std::vector<std::int64_t>> shapes[] = {
            {"q_proj.weight", {32, 16}},
            {"k_proj.weight", {16, 16}},
            {"v_proj.weight", {16, 16}},
            {"o_proj.weight", {16, 32}}};
        for (const auto& [suffix, shape] : shapes)
            *findTensor(tensors, attn + QString::fromLatin1(suffix)) =
                randomTensor(attn + QString::fromLatin1(suffix), DType::F32, shape);
        test::writeSafetensors(in(dir.path(), "model.safetensors"), tensors);

        const auto model = LoadedModel::open(dir.path());
        QCOMPARE(model->spec().headDim, 8);
        const LinearLayer* o = model->inventory().find(attn + QStringLiteral("o_proj"));
        QVERIFY(o);
        QCOMPARE(o->inFeatures, std::int64_t(32));
        QCOMPARE(o->outFeatures, std::int64_t(16));
        QCOMPARE(model->inventory().find(attn + QStringLiteral("k_proj"))->outFeatures,
                 std::int64_t(16));
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
