// ModelSpec::fromJson: the defaults of each family's transformers configuration class, the forms
// config.json fields come in (eos_token_id as a list, rope_scaling variants, head_dim, null), and
// refusals that name the file and the field.

#include "core/model/model_spec.h"
#include "core/util/error.h"

#include <QJsonArray>
#include <QTest>

#include <exception>
#include <optional>

using namespace qb;

namespace {

const QString kSource = QStringLiteral("/models/test/config.json");

// The fields every config.json must have; the rest is left to the defaults.
QJsonObject minimalConfig(const QString& modelType = QStringLiteral("llama"))
{
    return QJsonObject{{"model_type", modelType},  {"hidden_size", 64},
                       {"intermediate_size", 172}, {"num_hidden_layers", 2},
                       {"num_attention_heads", 8}, {"vocab_size", 512}};
}

QJsonObject with(QJsonObject config, const QString& key, const QJsonValue& value)
{
    config.insert(key, value);
    return config;
}

std::optional<QString> specError(const QJsonObject& config)
{
    try {
        ModelSpec::fromJson(config, kSource);
    } catch (const Error& error) {
        return error.message();
    } catch (const std::exception& other) {
        return QStringLiteral("UNEXPECTED std::exception: ") + QString::fromLocal8Bit(other.what());
    }
    return std::nullopt;
}

} // namespace

class TestModelSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsPerFamily_data()
    {
        QTest::addColumn<QString>("modelType");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("maxPositions");
        QTest::addColumn<bool>("qkvBias");
        // max_position_embeddings defaults of LlamaConfig (2048), MistralConfig (4096 * 32) and
        // Qwen2Config (32768); qwen2 always has q/k/v biases.
        QTest::newRow("llama") << "llama" << int(ModelFamily::Llama) << 2048 << false;
        QTest::newRow("mistral") << "mistral" << int(ModelFamily::Mistral) << 131072 << false;
        QTest::newRow("qwen2") << "qwen2" << int(ModelFamily::Qwen2) << 32768 << true;
    }

    void defaultsPerFamily()
    {
        QFETCH(QString, modelType);
        QFETCH(int, family);
        QFETCH(int, maxPositions);
        QFETCH(bool, qkvBias);
        const ModelSpec spec = ModelSpec::fromJson(minimalConfig(modelType), kSource);
        QCOMPARE(spec.modelType, modelType);
        QCOMPARE(int(spec.family), family);
        QCOMPARE(spec.hiddenSize, 64);
        QCOMPARE(spec.intermediateSize, 172);
        QCOMPARE(spec.numHiddenLayers, 2);
        QCOMPARE(spec.numAttentionHeads, 8);
        QCOMPARE(spec.numKeyValueHeads, 8); // defaults to num_attention_heads (no GQA)
        QCOMPARE(spec.headDim, 8);          // hidden_size / num_attention_heads
        QCOMPARE(spec.vocabSize, 512);
        QCOMPARE(spec.maxPositionEmbeddings, maxPositions);
        QCOMPARE(spec.rmsNormEps, 1e-6);
        QCOMPARE(spec.ropeTheta, 10000.0);
        QVERIFY(!spec.ropeScaling);
        QVERIFY(!spec.tieWordEmbeddings);
        QCOMPARE(spec.qkvBias, qkvBias);
        QVERIFY(!spec.oBias);
        QVERIFY(!spec.mlpBias);
        QVERIFY(!spec.bosTokenId);
        QVERIFY(spec.eosTokenIds.empty());
        QVERIFY(spec.torchDtype.isEmpty());
    }

    void explicitValues()
    {
        QJsonObject config = minimalConfig();
        config.insert("num_key_value_heads", 2);
        config.insert("max_position_embeddings", 4096);
        config.insert("rms_norm_eps", 1e-5);
        config.insert("rope_theta", 500000.0);
        config.insert("tie_word_embeddings", true);
        config.insert("bos_token_id", 1);
        config.insert("eos_token_id", 2);
        config.insert("torch_dtype", "bfloat16");
        config.insert("architectures", QJsonArray{"LlamaForCausalLM"}); // unknown keys are ignored
        const ModelSpec spec = ModelSpec::fromJson(config, kSource);
        QCOMPARE(spec.numKeyValueHeads, 2);
        QCOMPARE(spec.maxPositionEmbeddings, 4096);
        QCOMPARE(spec.rmsNormEps, 1e-5);
        QCOMPARE(spec.ropeTheta, 500000.0);
        QVERIFY(spec.tieWordEmbeddings);
        QCOMPARE(spec.bosTokenId.value_or(-1), 1);
        QCOMPARE(spec.eosTokenIds, std::vector<int>{2});
        QCOMPARE(spec.torchDtype, QStringLiteral("bfloat16"));

        const QJsonObject summary = spec.toJson();
        QCOMPARE(summary.value("model_type").toString(), QStringLiteral("llama"));
        QCOMPARE(summary.value("num_key_value_heads").toInt(), 2);
        QCOMPARE(summary.value("head_dim").toInt(), 8);
        QCOMPARE(summary.value("bos_token_id").toInt(), 1);
        QCOMPARE(summary.value("eos_token_ids").toArray(), QJsonArray{2});
        QVERIFY(!summary.contains("rope_scaling"));
    }

    void biases_data()
    {
        QTest::addColumn<QString>("modelType");
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<bool>("qkvBias");
        QTest::addColumn<bool>("oBias");
        QTest::addColumn<bool>("mlpBias");
        QTest::newRow("llama attention_bias")
            << "llama" << QJsonObject{{"attention_bias", true}} << true << true << false;
        QTest::newRow("llama mlp_bias")
            << "llama" << QJsonObject{{"mlp_bias", true}} << false << false << true;
        QTest::newRow("llama both false")
            << "llama" << QJsonObject{{"attention_bias", false}, {"mlp_bias", false}} << false
            << false << false;
        QTest::newRow("qwen2 attention_bias false")
            << "qwen2" << QJsonObject{{"attention_bias", false}} << true << false << false;
        QTest::newRow("qwen2 mlp_bias ignored")
            << "qwen2" << QJsonObject{{"mlp_bias", true}} << true << false << false;
        QTest::newRow("mistral mlp_bias ignored")
            << "mistral" << QJsonObject{{"mlp_bias", true}} << false << false << false;
        QTest::newRow("mistral attention_bias ignored")
            << "mistral" << QJsonObject{{"attention_bias", true}} << false << false << false;
    }

    void biases()
    {
        QFETCH(QString, modelType);
        QFETCH(QJsonObject, extra);
        QFETCH(bool, qkvBias);
        QFETCH(bool, oBias);
        QFETCH(bool, mlpBias);
        QJsonObject config = minimalConfig(modelType);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            config.insert(it.key(), it.value());
        const ModelSpec spec = ModelSpec::fromJson(config, kSource);
        QCOMPARE(spec.qkvBias, qkvBias);
        QCOMPARE(spec.oBias, oBias);
        QCOMPARE(spec.mlpBias, mlpBias);
    }

    void eosTokenIds_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<std::vector<int>>("expected");
        QTest::newRow("one id") << QJsonValue(2) << std::vector<int>{2};
        QTest::newRow("zero") << QJsonValue(0) << std::vector<int>{0};
        QTest::newRow("list (Llama 3.1)") << QJsonValue(QJsonArray{128001, 128008, 128009})
                                          << std::vector<int>{128001, 128008, 128009};
        QTest::newRow("list of one") << QJsonValue(QJsonArray{151643}) << std::vector<int>{151643};
        QTest::newRow("empty list") << QJsonValue(QJsonArray{}) << std::vector<int>{};
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << std::vector<int>{};
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << std::vector<int>{};
    }

    void eosTokenIds()
    {
        QFETCH(QJsonValue, value);
        QFETCH(std::vector<int>, expected);
        QJsonObject config = minimalConfig();
        if (!value.isUndefined())
            config.insert("eos_token_id", value);
        const ModelSpec spec = ModelSpec::fromJson(config, kSource);
        QCOMPARE(spec.eosTokenIds, expected);
        QJsonArray summary;
        for (int id : expected)
            summary.append(id);
        QCOMPARE(spec.toJson().value("eos_token_ids").toArray(), summary);
    }

    void bosTokenId()
    {
        QCOMPARE(ModelSpec::fromJson(with(minimalConfig(), "bos_token_id", 128000), kSource)
                     .bosTokenId.value_or(-1),
                 128000);
        QVERIFY(
            !ModelSpec::fromJson(with(minimalConfig(), "bos_token_id", QJsonValue::Null), kSource)
                 .bosTokenId);
    }

    void ropeScalingLlama3()
    {
        QJsonObject config = with(minimalConfig(), "max_position_embeddings", 131072);
        config.insert("rope_theta", 500000.0);
        config.insert("rope_scaling", QJsonObject{{"rope_type", "llama3"},
                                                  {"factor", 8.0},
                                                  {"low_freq_factor", 1.0},
                                                  {"high_freq_factor", 4.0},
                                                  {"original_max_position_embeddings", 8192}});
        const ModelSpec spec = ModelSpec::fromJson(config, kSource);
        QVERIFY(spec.ropeScaling);
        QCOMPARE(spec.ropeScaling->type, QStringLiteral("llama3"));
        QCOMPARE(spec.ropeScaling->factor, 8.0);
        QCOMPARE(spec.ropeScaling->lowFreqFactor, 1.0);
        QCOMPARE(spec.ropeScaling->highFreqFactor, 4.0);
        QCOMPARE(spec.ropeScaling->originalMaxPositionEmbeddings, 8192);
        QCOMPARE(spec.ropeTheta, 500000.0);
        QCOMPARE(spec.maxPositionEmbeddings, 131072);
        const QJsonObject summary = spec.toJson().value("rope_scaling").toObject();
        QCOMPARE(summary.value("rope_type").toString(), QStringLiteral("llama3"));
        QCOMPARE(summary.value("factor").toDouble(), 8.0);

        // Llama 3.2 spells the factors differently; only the values matter.
        config.insert("rope_scaling", QJsonObject{{"rope_type", "llama3"},
                                                  {"factor", 32.0},
                                                  {"low_freq_factor", 2},
                                                  {"high_freq_factor", 8},
                                                  {"original_max_position_embeddings", 8192}});
        const ModelSpec spec32 = ModelSpec::fromJson(config, kSource);
        QCOMPARE(spec32.ropeScaling->factor, 32.0);
        QCOMPARE(spec32.ropeScaling->lowFreqFactor, 2.0);
        QCOMPARE(spec32.ropeScaling->highFreqFactor, 8.0);
    }

    void ropeScalingForms_data()
    {
        QTest::addColumn<QJsonValue>("ropeScaling");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("type");
        QTest::addColumn<double>("factor");
        QTest::addColumn<int>("originalMax");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false << QString() << 1.0 << 0;
        QTest::newRow("empty object")
            << QJsonValue(QJsonObject{}) << false << QString() << 1.0 << 0;
        // Older configs write "type"; the original context defaults to max_position_embeddings.
        QTest::newRow("linear, old 'type' key")
            << QJsonValue(QJsonObject{{"type", "linear"}, {"factor", 2.0}}) << true << "linear"
            << 2.0 << 2048;
        QTest::newRow("dynamic") << QJsonValue(QJsonObject{{"rope_type", "dynamic"}, {"factor", 4}})
                                 << true << "dynamic" << 4.0 << 2048;
        QTest::newRow("rope_type wins over type")
            << QJsonValue(QJsonObject{{"type", "linear"}, {"rope_type", "llama3"}, {"factor", 8.0}})
            << true << "llama3" << 8.0 << 2048;
        QTest::newRow("null factors take the defaults")
            << QJsonValue(QJsonObject{{"rope_type", "llama3"},
                                      {"factor", QJsonValue::Null},
                                      {"low_freq_factor", QJsonValue::Null}})
            << true << "llama3" << 1.0 << 2048;
    }

    void ropeScalingForms()
    {
        QFETCH(QJsonValue, ropeScaling);
        QFETCH(bool, present);
        QFETCH(QString, type);
        QFETCH(double, factor);
        QFETCH(int, originalMax);
        const ModelSpec spec =
            ModelSpec::fromJson(with(minimalConfig(), "rope_scaling", ropeScaling), kSource);
        QCOMPARE(spec.ropeScaling.has_value(), present);
        if (!present) {
            QVERIFY(!spec.toJson().contains("rope_scaling"));
            return;
        }
        QCOMPARE(spec.ropeScaling->type, type);
        QCOMPARE(spec.ropeScaling->factor, factor);
        QCOMPARE(spec.ropeScaling->lowFreqFactor, 1.0);
        QCOMPARE(spec.ropeScaling->highFreqFactor, 4.0);
        QCOMPARE(spec.ropeScaling->originalMaxPositionEmbeddings, originalMax);
    }

    void headDim_data()
    {
        QTest::addColumn<int>("hiddenSize");
        QTest::addColumn<int>("heads");
        QTest::addColumn<QJsonValue>("headDimValue");
        QTest::addColumn<int>("headDim");
        QTest::newRow("derived") << 64 << 8 << QJsonValue(QJsonValue::Undefined) << 8;
        QTest::newRow("null: derived") << 64 << 8 << QJsonValue(QJsonValue::Null) << 8;
        QTest::newRow("same as derived") << 64 << 8 << QJsonValue(8) << 8;
        // Mistral Nemo / Qwen3 style: heads × head_dim ≠ hidden_size.
        QTest::newRow("override larger") << 64 << 8 << QJsonValue(16) << 16;
        QTest::newRow("override smaller") << 64 << 8 << QJsonValue(4) << 4;
        QTest::newRow("hidden not a multiple of heads") << 60 << 8 << QJsonValue(8) << 8;
    }

    void headDim()
    {
        QFETCH(int, hiddenSize);
        QFETCH(int, heads);
        QFETCH(QJsonValue, headDimValue);
        QFETCH(int, headDim);
        QJsonObject config = minimalConfig(QStringLiteral("mistral"));
        config.insert("hidden_size", hiddenSize);
        config.insert("num_attention_heads", heads);
        config.insert("num_key_value_heads", 2);
        if (!headDimValue.isUndefined())
            config.insert("head_dim", headDimValue);
        const ModelSpec spec = ModelSpec::fromJson(config, kSource);
        QCOMPARE(spec.headDim, headDim);
        QCOMPARE(spec.hiddenSize, hiddenSize);
        QCOMPARE(spec.toJson().value("head_dim").toInt(), headDim);
    }

    void numKeyValueHeads_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("expected");
        QTest::newRow("absent: num_attention_heads") << QJsonValue(QJsonValue::Undefined) << 8;
        QTest::newRow("null: num_attention_heads") << QJsonValue(QJsonValue::Null) << 8;
        QTest::newRow("GQA") << QJsonValue(2) << 2;
        QTest::newRow("MQA") << QJsonValue(1) << 1;
        QTest::newRow("MHA") << QJsonValue(8) << 8;
    }

    void numKeyValueHeads()
    {
        QFETCH(QJsonValue, value);
        QFETCH(int, expected);
        for (const QString& type : ModelSpec::supportedModelTypes()) {
            QJsonObject config = minimalConfig(type);
            if (!value.isUndefined())
                config.insert("num_key_value_heads", value);
            QCOMPARE(ModelSpec::fromJson(config, kSource).numKeyValueHeads, expected);
        }
    }

    void supportedModelTypes()
    {
        QCOMPARE(ModelSpec::supportedModelTypes(), QStringList({"llama", "mistral", "qwen2"}));
    }

    void refused_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QStringList>("expected");
        const QJsonObject base = minimalConfig();
        QJsonObject noHidden = base;
        noHidden.remove("hidden_size");
        QTest::newRow("hidden_size missing")
            << noHidden << QStringList{"required field \"hidden_size\" is missing"};
        QTest::newRow("model_type not a string")
            << with(base, "model_type", 1) << QStringList{"\"model_type\"", "a string"};
        QTest::newRow("model_type mixtral")
            << with(base, "model_type", "mixtral")
            << QStringList{"model_type \"mixtral\"", "not supported"};
        QTest::newRow("model_type wrong case")
            << with(base, "model_type", "Llama") << QStringList{"\"Llama\"", "not supported"};
        QTest::newRow("num_attention_heads negative")
            << with(base, "num_attention_heads", -8)
            << QStringList{"\"num_attention_heads\"", "positive integer", "-8"};
        // The value is quoted exactly, not rounded to 6 digits (which would print "2").
        QTest::newRow("num_hidden_layers almost an integer")
            << with(base, "num_hidden_layers", 2.0000001)
            << QStringList{"\"num_hidden_layers\"", "the number 2.0000001"};
        QTest::newRow("vocab_size huge")
            << with(base, "vocab_size", 1e12) << QStringList{"\"vocab_size\"", "positive integer"};
        QTest::newRow("num_key_value_heads zero")
            << with(base, "num_key_value_heads", 0)
            << QStringList{"\"num_key_value_heads\"", "positive integer"};
        QTest::newRow("kv heads not dividing heads")
            << with(base, "num_key_value_heads", 3)
            << QStringList{"num_attention_heads 8", "num_key_value_heads 3"};
        QTest::newRow("kv heads more than heads")
            << with(base, "num_key_value_heads", 16)
            << QStringList{"num_attention_heads 8", "num_key_value_heads 16"};
        QTest::newRow("hidden not a multiple of heads")
            << with(base, "hidden_size", 60)
            << QStringList{"hidden_size 60", "num_attention_heads 8"};
        QTest::newRow("head_dim zero")
            << with(base, "head_dim", 0) << QStringList{"\"head_dim\"", "positive integer"};
        QTest::newRow("max_position_embeddings a string")
            << with(base, "max_position_embeddings", "4k")
            << QStringList{"\"max_position_embeddings\"", "the string \"4k\""};
        QTest::newRow("rms_norm_eps zero")
            << with(base, "rms_norm_eps", 0) << QStringList{"\"rms_norm_eps\"", "positive number"};
        QTest::newRow("rope_theta a string")
            << with(base, "rope_theta", "1e4") << QStringList{"\"rope_theta\"", "positive number"};
        QTest::newRow("mlp_bias a string")
            << with(base, "mlp_bias", "no") << QStringList{"\"mlp_bias\"", "true or false"};
        QTest::newRow("attention_bias 1") << with(base, "attention_bias", 1)
                                          << QStringList{"\"attention_bias\"", "true or false"};
        QTest::newRow("torch_dtype a number")
            << with(base, "torch_dtype", 16) << QStringList{"\"torch_dtype\"", "a string"};
        QTest::newRow("bos_token_id negative")
            << with(base, "bos_token_id", -1) << QStringList{"\"bos_token_id\"", "token id"};
        QTest::newRow("eos_token_id an object")
            << with(base, "eos_token_id", QJsonObject{}) << QStringList{"\"eos_token_id\""};
        QTest::newRow("eos_token_id list with a string")
            << with(base, "eos_token_id", QJsonArray{2, "3"})
            << QStringList{"\"eos_token_id\"", "list of token ids"};
        QTest::newRow("rope_scaling an array")
            << with(base, "rope_scaling", QJsonArray{})
            << QStringList{"\"rope_scaling\"", "an object or null"};
        QTest::newRow("rope_scaling without a type")
            << with(base, "rope_scaling", QJsonObject{{"factor", 8.0}})
            << QStringList{"rope_scaling", "\"rope_type\"", "missing"};
        QTest::newRow("rope_scaling type a number")
            << with(base, "rope_scaling", QJsonObject{{"rope_type", 3}})
            << QStringList{"rope_scaling", "\"rope_type\"", "a string"};
        QTest::newRow("rope_scaling factor negative")
            << with(base, "rope_scaling", QJsonObject{{"rope_type", "linear"}, {"factor", -2.0}})
            << QStringList{"rope_scaling", "\"factor\"", "positive number", "-2"};
        QTest::newRow("rope_scaling original_max fractional")
            << with(base, "rope_scaling",
                    QJsonObject{{"rope_type", "llama3"},
                                {"original_max_position_embeddings", 8192.5}})
            << QStringList{"rope_scaling", "\"original_max_position_embeddings\"",
                           "positive integer"};
    }

    void refused()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QStringList, expected);
        const std::optional<QString> message = specError(config);
        QVERIFY2(message, "fromJson accepted a bad config");
        QVERIFY2(!message->startsWith(QStringLiteral("UNEXPECTED")), qPrintable(*message));
        QVERIFY2(message->contains(kSource), qPrintable(*message));
        for (const QString& part : expected)
            QVERIFY2(message->contains(part),
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, *message)));
    }
};

QTEST_GUILESS_MAIN(TestModelSpec)
#include "tst_model_spec.moc"
