// TextGenerator: greedy generation with cached keys and values gives the tokens of the plain
// definition — the whole sequence run again for every new token, the most probable one taken —
// for the stored model and a quantized one; it stops at EOS and at the model's context length.

#include "core/model/loaded_model.h"
#include "core/model/text_generator.h"
#include "core/model/transformer.h"
#include "core/quant/plan_weight_hooks.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace qb;

namespace {

// The definition: each step runs the whole sequence so far and takes the most probable next id
// (the lowest on a tie), `count` times.
std::vector<int> greedyByFullPasses(const TransformerRunner& runner, std::vector<int> sequence,
                                    int count, ForwardHooks* hooks)
{
    std::vector<int> generated;
    for (int n = 0; n < count; ++n) {
        int next = -1;
        runner.forward(
            {sequence},
            [&](int, std::int64_t first, const RowMatrix& part) {
                if (first + part.rows() == std::int64_t(sequence.size())) {
                    Eigen::Index best = 0;
                    part.row(part.rows() - 1).maxCoeff(&best);
                    next = int(best);
                }
            },
            hooks);
        generated.push_back(next);
        sequence.push_back(next);
    }
    return generated;
}

} // namespace

class TestTextGenerator : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_tokenizer = Tokenizer::load(m_model->directory(), m_model->spec());
    }

    void cachedEqualsFullPasses()
    {
        const TransformerRunner runner(m_model);
        GenerationOptions options;
        options.maxNewTokens = 40;
        SilentProgress progress;
        QStringList streamed;
        const GeneratedText text = TextGenerator::greedy(
            runner, *m_tokenizer, QStringLiteral("Once upon a time"), options, nullptr, progress,
            [&](int, const QString& continuation) { streamed << continuation; });
        QCOMPARE(text.promptIds.front(), 1); // BOS
        QCOMPARE(text.prompt, QStringLiteral("Once upon a time"));
        QCOMPARE(int(text.newIds.size()), 40);
        QCOMPARE(text.newIds, greedyByFullPasses(runner, text.promptIds, 40, nullptr));
        // The continuation keeps the space between the prompt and its first word.
        QVERIFY2(text.continuation.startsWith(QStringLiteral(", there was")),
                 qPrintable(text.continuation));
        QCOMPARE(streamed.size(), 40);
        QCOMPARE(streamed.constLast(), text.continuation);
        QVERIFY(!text.stoppedAtEos);
    }

    // A quantized model through its hooks: the same equality, and a different text than the
    // stored model's (3-bit RTN changes what this small model writes).
    void quantizedModel()
    {
        const QuantPlan plan = test::rtnPlan(3, 32, false);
        SilentProgress progress;
        const auto run = QuantizationPipeline::run(m_model, plan, {}, {}, progress);
        QuantizedModelHooks hooks(run);
        const TransformerRunner runner(m_model);
        GenerationOptions options;
        options.maxNewTokens = 40;
        const GeneratedText stored = TextGenerator::greedy(
            runner, *m_tokenizer, QStringLiteral("Once upon a time"), options, nullptr, progress);
        const GeneratedText quantized = TextGenerator::greedy(
            runner, *m_tokenizer, QStringLiteral("Once upon a time"), options, &hooks, progress);
        QCOMPARE(quantized.newIds, greedyByFullPasses(runner, quantized.promptIds, 40, &hooks));
        const int agreeing = TextGenerator::agreeingTokens(stored, quantized);
        QVERIFY(agreeing < 40);
        QVERIFY(std::equal(stored.newIds.begin(), stored.newIds.begin() + agreeing,
                           quantized.newIds.begin()));
        QVERIFY(stored.newIds[std::size_t(agreeing)] != quantized.newIds[std::size_t(agreeing)]);
        QCOMPARE(TextGenerator::agreeingTokens(stored, stored), 40);

        // The comparison the GUI draws: the shared tokens' text opens both continuations and
        // ends where their texts part.
        const GenerationComparison comparison =
            TextGenerator::compare(*m_tokenizer, stored, quantized, QStringLiteral("RTN"));
        QCOMPARE(comparison.agreeingTokens, agreeing);
        const int shared = comparison.sharedLength;
        QVERIFY(shared > 0 && shared < stored.continuation.size());
        QCOMPARE(quantized.continuation.left(shared), stored.continuation.left(shared));
        const std::vector<int> sharedIds(stored.newIds.begin(), stored.newIds.begin() + agreeing);
        std::vector<int> withPrompt = stored.promptIds;
        withPrompt.insert(withPrompt.end(), sharedIds.begin(), sharedIds.end());
        QCOMPARE(stored.prompt + stored.continuation.left(shared), m_tokenizer->decode(withPrompt));
        const GenerationComparison alone =
            TextGenerator::compare(*m_tokenizer, stored, std::nullopt, QString());
        QCOMPARE(alone.sharedLength, int(stored.continuation.size()));
        QVERIFY(!alone.quantized);
    }

    // The ways to hold a calibration-free plan's layers give the same generation: a pipeline run
    // (codes, read directly by one-row steps), PlanWeightHooks keeping every block's codes, and
    // PlanWeightHooks quantizing each block again at every visit. The one-row steps' logits read
    // from the codes equal whole-sequence passes through the dequantized weights.
    void quantizedLayersHeldEveryWay()
    {
        const QuantPlan plan = test::rtnPlan(4, 32, false);
        SilentProgress progress;
        const auto run = QuantizationPipeline::run(m_model, plan, {}, {}, progress);
        const TransformerRunner runner(m_model);
        GenerationOptions options;
        options.maxNewTokens = 24;
        const QString prompt = QStringLiteral("Lily and Tom");
        auto generate = [&](ForwardHooks* hooks) {
            return TextGenerator::greedy(runner, *m_tokenizer, prompt, options, hooks, progress)
                .newIds;
        };
        QuantizedModelHooks fromRun(run);
        PlanWeightHooks allBlocks(m_model, plan, nullptr, PlanWeightHooks::Retention::AllBlocks);
        PlanWeightHooks oneBlock(m_model, plan, nullptr, PlanWeightHooks::Retention::OneBlock);
        const std::vector<int> expected = generate(&fromRun);
        QCOMPARE(generate(&allBlocks), expected);
        QCOMPARE(generate(&oneBlock), expected);

        std::vector<int> sequence = m_tokenizer->encode(prompt);
        sequence.insert(sequence.begin(), 1);
        sequence.insert(sequence.end(), expected.begin(), expected.end());
        const auto length = std::int64_t(sequence.size());
        RowMatrix whole(length, m_model->spec().vocabSize);
        runner.forward(
            {sequence},
            [&](int, std::int64_t first, const RowMatrix& part) {
                whole.middleRows(first, part.rows()) = part;
            },
            &fromRun);
        KeyValueCache cache;
        RowMatrix logits;
        double worst = 0.0;
        for (std::int64_t p = 0; p < length; ++p) {
            const RowMatrix hidden =
                runner.extend(std::span<const int>(&sequence[std::size_t(p)], 1), cache, &fromRun);
            runner.logitRows(hidden, logits, &fromRun);
            worst = std::max(worst, double((logits.row(0) - whole.row(p)).cwiseAbs().maxCoeff()));
        }
        qInfo("one-row steps from the codes against whole passes: max |difference| %.3g", worst);
        QVERIFY(worst < 1e-4 * double(whole.cwiseAbs().maxCoeff()));
    }

    // Generation stops right after the model's EOS unless told to go on. (This model marks the
    // end of a story with BOS, as llama2.c does, so a copy names a token it writes as its EOS.)
    void stopsAtEos()
    {
        const TransformerRunner runner(m_model);
        SilentProgress progress;
        GenerationOptions options;
        options.maxNewTokens = 40;
        const QString prompt = QStringLiteral("Once upon a time");
        const GeneratedText onward =
            TextGenerator::greedy(runner, *m_tokenizer, prompt, options, nullptr, progress);
        const int endId = onward.newIds[10];
        const auto end = std::find(onward.newIds.begin(), onward.newIds.end(), endId);

        QTemporaryDir dir;
        const auto copy = demoCopy(dir, {{QStringLiteral("eos_token_id"), endId}});
        const auto tokenizer = Tokenizer::load(copy->directory(), copy->spec());
        QCOMPARE(tokenizer->eosIds(), std::vector<int>{endId});
        const TransformerRunner copyRunner(copy);
        const GeneratedText stopped =
            TextGenerator::greedy(copyRunner, *tokenizer, prompt, options, nullptr, progress);
        QVERIFY(stopped.stoppedAtEos);
        QCOMPARE(stopped.newIds, std::vector<int>(onward.newIds.begin(), end + 1));
        options.stopAtEos = false;
        const GeneratedText ignored =
            TextGenerator::greedy(copyRunner, *tokenizer, prompt, options, nullptr, progress);
        QVERIFY(!ignored.stoppedAtEos);
        QCOMPARE(ignored.newIds, onward.newIds);
    }

    // The prompt and its continuation never exceed max_position_embeddings; a prompt that fills
    // it is refused.
    void staysWithinTheContext()
    {
        QTemporaryDir dir;
        const auto model = demoCopy(dir, {{QStringLiteral("max_position_embeddings"), 20}});
        const TransformerRunner runner(model);
        SilentProgress progress;
        GenerationOptions options;
        options.maxNewTokens = 64;
        const GeneratedText text = TextGenerator::greedy(
            runner, *m_tokenizer, QStringLiteral("Once upon a time"), options, nullptr, progress);
        QCOMPARE(int(text.promptIds.size() + text.newIds.size()), 20);
        QVERIFY_THROWS_EXCEPTION(Error,
                                 TextGenerator::greedy(runner, *m_tokenizer,
                                                       QStringLiteral("a b c d e f g h i j k l m "
                                                                      "n o p q r s t u v w"),
                                                       options, nullptr, progress));
    }

private:
    // The demo model copied into `dir` with `changes` made to its config.json.
    static std::shared_ptr<const LoadedModel> demoCopy(const QTemporaryDir& dir,
                                                       const QJsonObject& changes)
    {
        const QDir demo(test::demoModelDir());
        for (const char* name : {"model.safetensors", "tokenizer.model", "tokenizer_config.json"})
            if (!QFile::copy(demo.filePath(QLatin1String(name)), dir.filePath(QLatin1String(name))))
                qFatal("cannot copy %s", name);
        QFile configFile(demo.filePath(QStringLiteral("config.json")));
        if (!configFile.open(QIODevice::ReadOnly))
            qFatal("cannot read the demo's config.json");
        QJsonObject config = QJsonDocument::fromJson(configFile.readAll()).object();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            config.insert(it.key(), it.value());
        test::writeJson(dir.filePath(QStringLiteral("config.json")), config);
        return LoadedModel::open(dir.path());
    }
};

QTEST_GUILESS_MAIN(TestTextGenerator)
#include "tst_text_generator.moc"
