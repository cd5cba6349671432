// The forward pass against the golden float32 reference of the demo model
// (tests/data/golden/stories260K/forward.safetensors): every block's residual stream and the
// logits within 1e-4 absolute.

#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace qb;

namespace {

constexpr double kTolerance = 1e-4;

// The largest |difference| between forward()'s logits of the first `length` ids and those of
// TransformerRunner::extend fed a prompt of 9, then one id at a time up to 29, then the rest.
double maxExtendDifference(const TransformerRunner& runner, const std::vector<int>& ids,
                           std::int64_t length)
{
    const std::int64_t vocab = runner.model().spec().vocabSize;
    const std::vector<int> sequence(ids.begin(), ids.begin() + length);
    RowMatrix whole(length, vocab);
    runner.forward({sequence}, [&](int, std::int64_t first, const RowMatrix& part) {
        whole.middleRows(first, part.rows()) = part;
    });
    KeyValueCache cache;
    RowMatrix incremental(length, vocab);
    RowMatrix part;
    std::int64_t done = 0;
    auto step = [&](std::int64_t count) {
        const RowMatrix hidden =
            runner.extend(std::span<const int>(sequence.data() + done, std::size_t(count)), cache);
        runner.logitRows(hidden, part);
        incremental.middleRows(done, count) = part;
        done += count;
    };
    step(9);
    while (done < 29)
        step(1);
    step(length - done);
    if (cache.positions() != length)
        return std::numeric_limits<double>::infinity();
    return double((incremental - whole).cwiseAbs().maxCoeff());
}

double maxAbsDifference(const RowMatrix& actual, const std::vector<float>& expected)
{
    double worst = 0.0;
    for (Eigen::Index i = 0; i < actual.size(); ++i)
        worst =
            std::max(worst, std::abs(double(actual.data()[i]) - double(expected[std::size_t(i)])));
    return worst;
}

} // namespace

class TestTransformer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_golden = SafetensorsFile::open(
            QDir(test::dataDir())
                .filePath(QStringLiteral("golden/stories260K/forward.safetensors")));
        const TensorInfo* tokens = m_golden->find(QStringLiteral("tokens"));
        QVERIFY(tokens);
        QCOMPARE(tokens->dtype, DType::I32);
        const auto bytes = m_golden->bytes(*tokens);
        m_tokens.resize(bytes.size() / 4);
        std::memcpy(m_tokens.data(), bytes.data(), bytes.size());
        QCOMPARE(m_tokens.size(), std::size_t(128));
        m_model = LoadedModel::open(test::demoModelDir());
    }

    void hiddenStatesAndLogitsMatchTheReference()
    {
        const TransformerRunner runner(m_model);
        HiddenStates states = runner.embed({m_tokens});
        QCOMPARE(states.tokens(), std::int64_t(128));
        for (int block = 0; block < 5; ++block) {
            runner.runBlock(block, states);
            const std::vector<float> expected =
                m_golden->readFloat(*m_golden->find(QStringLiteral("hidden.%1").arg(block)));
            QCOMPARE(std::size_t(states.values.size()), expected.size());
            const double worst = maxAbsDifference(states.values, expected);
            qInfo("hidden.%d: max |difference| %.3g", block, worst);
            QVERIFY2(worst <= kTolerance,
                     qPrintable(QStringLiteral("hidden.%1: %2").arg(block).arg(worst)));
        }
        const std::vector<float> expected =
            m_golden->readFloat(*m_golden->find(QStringLiteral("logits")));
        RowMatrix logits(128, 512);
        int calls = 0;
        runner.logits(states, [&](int sequence, std::int64_t first, const RowMatrix& part) {
            QCOMPARE(sequence, 0);
            logits.middleRows(first, part.rows()) = part;
            ++calls;
        });
        QCOMPARE(calls, 1);
        const double worst = maxAbsDifference(logits, expected);
        qInfo("logits: max |difference| %.3g", worst);
        QVERIFY2(worst <= kTolerance, qPrintable(QString::number(worst)));
    }

    // Sequences of a batch do not see each other: a batch gives the logits of each sequence
    // alone.
    void batchEqualsSequencesAlone()
    {
        const TransformerRunner runner(m_model);
        const std::vector<int> a(m_tokens.begin(), m_tokens.begin() + 100);
        const std::vector<int> b(m_tokens.begin() + 20, m_tokens.end());
        auto logitsOf = [&](const std::vector<std::vector<int>>& batch) {
            std::vector<RowMatrix> result(batch.size());
            for (std::size_t s = 0; s < batch.size(); ++s)
                result[s].resize(std::int64_t(batch[s].size()), 512);
            runner.forward(batch, [&](int s, std::int64_t first, const RowMatrix& part) {
                result[std::size_t(s)].middleRows(first, part.rows()) = part;
            });
            return result;
        };
        const auto together = logitsOf({a, b});
        const auto aloneA = logitsOf({a});
        const auto aloneB = logitsOf({b});
        // Float32 sums come out in another order when the products are split differently, so
        // the results agree to rounding (a leak between sequences would change logits by far
        // more than the golden tolerance).
        const float differenceA = (together[0] - aloneA[0]).cwiseAbs().maxCoeff();
        const float differenceB = (together[1] - aloneB[0]).cwiseAbs().maxCoeff();
        qInfo("batch vs alone: %.3g, %.3g", double(differenceA), double(differenceB));
        QVERIFY(differenceA < kTolerance);
        QVERIFY(differenceB < kTolerance);
    }

    // A sequence longer than kLogitRows arrives in parts; by causality its first part equals the
    // logits of its prefix alone.
    void longSequenceArrivesInParts()
    {
        const TransformerRunner runner(m_model);
        std::vector<int> sequence;
        while (sequence.size() < 600)
            sequence.insert(sequence.end(), m_tokens.begin(), m_tokens.end());
        sequence.resize(600);
        RowMatrix whole(600, 512);
        QList<std::int64_t> parts;
        runner.forward({sequence}, [&](int, std::int64_t first, const RowMatrix& part) {
            parts << first;
            whole.middleRows(first, part.rows()) = part;
        });
        QCOMPARE(parts, (QList<std::int64_t>{0, TransformerRunner::kLogitRows}));
        const std::vector<int> prefix(sequence.begin(), sequence.begin() + 512);
        RowMatrix alone(512, 512);
        runner.forward({prefix}, [&](int, std::int64_t first, const RowMatrix& part) {
            alone.middleRows(first, part.rows()) = part;
        });
        QVERIFY((whole.topRows(512) - alone).cwiseAbs().maxCoeff() < kTolerance);
    }

    // Incremental decoding: a prompt, then one token at a time, then a chunk, with the earlier
    // positions' keys and values cached, gives forward()'s logits at every position.
    void extendEqualsForward()
    {
        const TransformerRunner runner(m_model);
        QVERIFY2(maxExtendDifference(runner, m_tokens, 41) < kTolerance, "demo model");

        // Over max_position_embeddings: refused, and the cache is left as it was.
        KeyValueCache cache;
        runner.extend(std::span<const int>(m_tokens.data(), 8), cache);
        const std::vector<int> tooLong(std::size_t(m_model->spec().maxPositionEmbeddings), 1);
        QVERIFY_THROWS_EXCEPTION(Error, runner.extend(tooLong, cache));
        QCOMPARE(cache.positions(), std::int64_t(8));
        QVERIFY(cache.bytes() > 0);
    }

    // Mistral's sliding window in incremental decoding: positions further back than the window
    // are not attended to, as in forward() (which the window visibly changes).
    void extendKeepsTheSlidingWindow()
    {
        QTemporaryDir dir;
        test::TinyLlamaOptions options;
        options.modelType = QStringLiteral("mistral");
        options.vocabSize = 64;
        test::writeTinyLlama(dir.path(), options);
        QJsonObject config = test::tinyLlamaConfig(options);
        const std::vector<int> sequence = [] {
            std::vector<int> ids;
            for (int i = 0; i < 40; ++i)
                ids.push_back((i * 37 + 5) % 64);
            return ids;
        }();
        auto logitsOf = [&](const TransformerRunner& runner) {
            RowMatrix logits(40, 64);
            runner.forward({sequence}, [&](int, std::int64_t first, const RowMatrix& part) {
                logits.middleRows(first, part.rows()) = part;
            });
            return logits;
        };
        const RowMatrix unwindowed = logitsOf(TransformerRunner(LoadedModel::open(dir.path())));
        config.insert(QStringLiteral("sliding_window"), 8);
        test::writeJson(QDir(dir.path()).filePath(QStringLiteral("config.json")), config);
        const auto windowedModel = LoadedModel::open(dir.path());
        QCOMPARE(windowedModel->spec().slidingWindow, 8);
        const TransformerRunner runner(windowedModel);
        const RowMatrix windowed = logitsOf(runner);
        const double scale = windowed.cwiseAbs().maxCoeff();
        QVERIFY((windowed - unwindowed).cwiseAbs().maxCoeff() > 1e-3 * scale);
        QVERIFY(maxExtendDifference(runner, sequence, 40) < 1e-5 * scale);
    }

    // 16-bit checkpoints: products of a few rows (generation steps) read F16/BF16 weights in
    // place, longer ones convert the matrix first; both give the same logits, for the blocks'
    // linears and for an lm_head, tied or not.
    void extendOn16BitWeights_data()
    {
        QTest::addColumn<DType>("dtype");
        QTest::addColumn<bool>("tied");
        QTest::newRow("bf16 tied") << DType::BF16 << true;
        QTest::newRow("bf16 untied") << DType::BF16 << false;
        QTest::newRow("f16 untied") << DType::F16 << false;
    }

    void extendOn16BitWeights()
    {
        QFETCH(DType, dtype);
        QFETCH(bool, tied);
        QTemporaryDir dir;
        test::TinyLlamaOptions options;
        options.dtype = dtype;
        options.tieWordEmbeddings = tied;
        options.vocabSize = 64;
        test::writeTinyLlama(dir.path(), options);
        const TransformerRunner runner(LoadedModel::open(dir.path()));
        std::vector<int> sequence;
        for (int i = 0; i < 40; ++i)
            sequence.push_back((i * 29 + 3) % 64);
        RowMatrix logits(40, 64);
        runner.forward({sequence}, [&](int, std::int64_t first, const RowMatrix& part) {
            logits.middleRows(first, part.rows()) = part;
        });
        const double scale = logits.cwiseAbs().maxCoeff();
        QVERIFY(scale > 0.0);
        const double difference = maxExtendDifference(runner, sequence, 40);
        qInfo("max |difference| %.3g of %.3g", difference, scale);
        QVERIFY(difference < 1e-5 * scale);
    }

    // A long block run polls cancellation inside (between sequences and row tiles), not only
    // between blocks.
    void blockRunStopsWhenCancelled()
    {
        const TransformerRunner runner(m_model);
        HiddenStates states = runner.embed({m_tokens, m_tokens});
        SilentProgress progress;
        progress.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, runner.runBlock(0, states, nullptr, 0, &progress));
        // Without cancellation the same call runs.
        SilentProgress running;
        runner.runBlock(0, states, nullptr, 0, &running);
    }

    void outOfVocabularyTokenIsRefused()
    {
        const TransformerRunner runner(m_model);
        bool threw = false;
        try {
            runner.embed({{1, 512}});
        } catch (const std::exception& e) {
            threw = QString::fromUtf8(e.what()).contains(QStringLiteral("512"));
        }
        QVERIFY(threw);
    }

private:
    std::shared_ptr<const SafetensorsFile> m_golden;
    std::vector<int> m_tokens;
    std::shared_ptr<const LoadedModel> m_model;
};

QTEST_GUILESS_MAIN(TestTransformer)
#include "tst_transformer.moc"
