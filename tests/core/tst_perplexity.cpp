// Perplexity by the golden protocol (tests/data/golden/stories260K/ppl.json) on the demo model,
// the window arithmetic of context and stride, and the KL divergence of a modified model.

#include "core/metrics/perplexity.h"
#include "core/model/forward_hooks.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/reference_llama.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace qb;

namespace {

QString dataFile(const char* relative)
{
    return QDir(test::dataDir()).filePath(QLatin1String(relative));
}

// Replaces one linear's weight by a scaled copy: a modified model whose change is known.
class ScaledWeightHooks final : public ForwardHooks {
public:
    ScaledWeightHooks(const LoadedModel& model, const QString& layer, float factor)
        : m_layer(layer)
    {
        m_weight = model.readWeight(*model.inventory().find(layer));
        for (float& w : m_weight)
            w *= factor;
    }
    const float* weightFor(const LinearLayer& layer) override
    {
        return layer.name == m_layer ? m_weight.data() : nullptr;
    }

private:
    QString m_layer;
    std::vector<float> m_weight;
};

// The demo tokenizer with one id changed: a tokenizer of the same vocabulary that cuts a text into
// other ids wherever that id occurs.
class SwappedIdTokenizer final : public Tokenizer {
public:
    SwappedIdTokenizer(std::shared_ptr<const Tokenizer> inner, int from, int to)
        : m_inner(std::move(inner))
        , m_from(from)
        , m_to(to)
    {
        m_bosId = m_inner->bosId();
        m_eosIds = m_inner->eosIds();
        m_addsBos = m_inner->addsBos();
    }
    std::vector<int> encode(const QString& text) const override
    {
        std::vector<int> ids = m_inner->encode(text);
        std::replace(ids.begin(), ids.end(), m_from, m_to);
        return ids;
    }
    QString decode(std::span<const int> ids) const override { return m_inner->decode(ids); }
    int vocabularySize() const override { return m_inner->vocabularySize(); }
    QString piece(int id) const override { return m_inner->piece(id); }
    std::optional<int> pieceId(const QString& piece) const override
    {
        return m_inner->pieceId(piece);
    }
    QString kind() const override { return m_inner->kind(); }

private:
    std::shared_ptr<const Tokenizer> m_inner;
    int m_from;
    int m_to;
};

} // namespace

class TestPerplexity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_tokenizer = Tokenizer::load(test::demoModelDir(), m_model->spec());
    }

    void goldenPerplexity()
    {
        QFile file(dataFile("golden/stories260K/ppl.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject golden = QJsonDocument::fromJson(file.readAll()).object();
        const QStringList documents =
            TextDocuments::fromFile(dataFile("tinystories/tinystories_sample.txt"));
        QCOMPARE(documents.size(), 5);
        SilentProgress progress;
        const EvaluationResult result = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, PerplexityOptions{}, nullptr, progress);
        qInfo("perplexity %.6f (reference %.6f), %lld tokens, %.0f tokens/s",
              result.reference.perplexity(), golden.value(QStringLiteral("perplexity")).toDouble(),
              static_cast<long long>(result.reference.tokensScored), result.tokensPerSecond());
        QCOMPARE(result.contextLength, 512); // max_position_embeddings
        QCOMPARE(result.reference.tokensScored,
                 std::int64_t(golden.value(QStringLiteral("tokens_scored")).toInt()));
        QVERIFY(std::abs(result.reference.perplexity() - 3.5482) <= 0.001);
        QVERIFY(std::abs(result.reference.nllPerToken()
                         - golden.value(QStringLiteral("nll_per_token")).toDouble())
                < 1e-4);
        QVERIFY(!result.modified && !result.meanKl);
        QVERIFY(result.tokensPerSecond() > 0);
    }

    void windows_data()
    {
        QTest::addColumn<int>("length"); // tokens of the sequence
        QTest::addColumn<int>("context");
        QTest::addColumn<int>("stride");
        QTest::addColumn<QList<int>>("starts");      // window start offsets
        QTest::addColumn<QList<int>>("ends");        // window end offsets
        QTest::addColumn<QList<int>>("firstScored"); // within each window
        QTest::addColumn<int>("scored");             // tokens scored in all
        // Shorter than the context: one window scoring tokens 1..9.
        QTest::newRow("short") << 10 << 16 << 16 << QList<int>{0} << QList<int>{10} << QList<int>{1}
                               << 9;
        // Non-overlapping windows: the first token of each is context only.
        QTest::newRow("no overlap") << 10 << 4 << 4 << QList<int>{0, 4, 8} << QList<int>{4, 8, 10}
                                    << QList<int>{1, 1, 1} << 7;
        // Stride 2 of 4: each window scores only the tokens no earlier window scored.
        QTest::newRow("overlap") << 8 << 4 << 2 << QList<int>{0, 2, 4} << QList<int>{4, 6, 8}
                                 << QList<int>{1, 2, 2} << 7;
        // A last window of one token has nothing to score and is left out.
        QTest::newRow("tail") << 9 << 4 << 4 << QList<int>{0, 4} << QList<int>{4, 8}
                              << QList<int>{1, 1} << 6;
    }

    void windows()
    {
        QFETCH(int, length);
        QFETCH(int, context);
        QFETCH(int, stride);
        QFETCH(QList<int>, starts);
        QFETCH(QList<int>, ends);
        QFETCH(QList<int>, firstScored);
        QFETCH(int, scored);
        // A document of `length` tokens: BOS and length - 1 ids. The letter "a" is one piece of
        // the demo tokenizer after the first (which carries the dummy-prefix space).
        QString text = QStringLiteral("a");
        std::vector<int> ids{1};
        while (true) {
            ids = m_tokenizer->encode(text);
            ids.insert(ids.begin(), 1);
            if (std::int64_t(ids.size()) >= length)
                break;
            text += QStringLiteral(" a");
        }
        QCOMPARE(std::int64_t(ids.size()), std::int64_t(length));
        const auto windows = PerplexityEvaluator::windows(*m_tokenizer, {text}, context, stride);
        QCOMPARE(int(windows.size()), starts.size());
        std::int64_t total = 0;
        for (int i = 0; i < starts.size(); ++i) {
            const std::vector<int> expected(ids.begin() + starts[i], ids.begin() + ends[i]);
            QCOMPARE(windows[std::size_t(i)].tokens, expected);
            QCOMPARE(windows[std::size_t(i)].firstScored, std::int64_t(firstScored[i]));
            total += ends[i] - starts[i] - firstScored[i];
        }
        QCOMPARE(total, std::int64_t(scored));
    }

    void strideScoresEveryTokenOnce()
    {
        const QStringList documents =
            TextDocuments::fromFile(dataFile("tinystories/tinystories_sample.txt"));
        SilentProgress progress;
        PerplexityOptions options;
        options.contextLength = 128;
        options.stride = 64;
        const EvaluationResult overlapping = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, options, nullptr, progress);
        QCOMPARE(overlapping.reference.tokensScored, std::int64_t(1804));
        // More context per prediction than non-overlapping windows of 128: a lower perplexity,
        // and one between that and the full-context 3.548.
        options.stride = 128;
        const EvaluationResult disjoint = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, options, nullptr, progress);
        QCOMPARE(disjoint.reference.tokensScored, std::int64_t(1804 - (disjoint.windows - 5)));
        QVERIFY(overlapping.reference.perplexity() < disjoint.reference.perplexity());
        QVERIFY(overlapping.reference.perplexity() > 3.5482 - 0.001);
    }

    void batchingDoesNotChangeTheResult()
    {
        const QStringList documents =
            TextDocuments::fromFile(dataFile("tinystories/tinystories_sample.txt"));
        SilentProgress progress;
        PerplexityOptions small;
        small.batchBytes = 1; // one window per batch
        const EvaluationResult one = PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                                   small, nullptr, progress);
        const EvaluationResult all = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, PerplexityOptions{}, nullptr, progress);
        QVERIFY(std::abs(one.reference.totalNll - all.reference.totalNll)
                < 1e-6 * all.reference.totalNll);
    }

    void klOfAModifiedModel()
    {
        const QStringList documents =
            TextDocuments::fromFile(dataFile("tinystories/tinystories_sample.txt"));
        SilentProgress progress;
        // Unchanged weights: the same perplexity and a KL of zero.
        ScaledWeightHooks identity(*m_model, QStringLiteral("model.layers.2.mlp.down_proj"), 1.0f);
        const EvaluationResult same = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, PerplexityOptions{}, &identity, progress);
        QVERIFY(same.modified && same.meanKl);
        QCOMPARE(same.modified->tokensScored, same.reference.tokensScored);
        QVERIFY(std::abs(same.modified->perplexity() - same.reference.perplexity()) < 1e-9);
        QVERIFY(std::abs(*same.meanKl) < 1e-9);
        QCOMPARE(same.sameTopToken, std::optional<double>(1.0));
        // A damaged layer: a worse perplexity and a positive KL. One window per batch, so that
        // the logits are those of the whole-window passes below to the bit.
        ScaledWeightHooks damaged(*m_model, QStringLiteral("model.layers.2.mlp.down_proj"), 3.0f);
        PerplexityOptions oneWindow;
        oneWindow.batchBytes = 1;
        const EvaluationResult worse = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, oneWindow, &damaged, progress);
        QVERIFY(std::abs(worse.reference.perplexity() - 3.5482) <= 0.001);
        QVERIFY(worse.modified->perplexity() > worse.reference.perplexity());
        QVERIFY(*worse.meanKl > 1e-3);
        qInfo("damaged down_proj: perplexity %.4f, KL %.4f, same top token %.4f",
              worse.modified->perplexity(), *worse.meanKl, worse.sameTopToken.value_or(-1.0));

        // The same top token, counted by whole-window forward passes of both models over the
        // protocol's windows: the positions where the two argmaxes (lowest id on a tie) agree.
        const TransformerRunner runner(m_model);
        std::int64_t agreeing = 0;
        std::int64_t scored = 0;
        for (const EvaluationWindow& window : PerplexityEvaluator::windows(
                 *m_tokenizer, documents, m_model->spec().maxPositionEmbeddings,
                 m_model->spec().maxPositionEmbeddings)) {
            const auto length = std::int64_t(window.tokens.size());
            std::vector<std::int64_t> tops[2];
            for (int variant = 0; variant < 2; ++variant) {
                runner.forward(
                    {window.tokens},
                    [&](int, std::int64_t, const RowMatrix& part) {
                        for (Eigen::Index r = 0; r < part.rows(); ++r) {
                            Eigen::Index best = 0;
                            part.row(r).maxCoeff(&best);
                            tops[variant].push_back(best);
                        }
                    },
                    variant == 0 ? nullptr : &damaged);
            }
            for (std::int64_t p = window.firstScored - 1; p + 1 < length; ++p) {
                ++scored;
                agreeing += tops[0][std::size_t(p)] == tops[1][std::size_t(p)];
            }
        }
        QCOMPARE(scored, worse.reference.tokensScored);
        QVERIFY(agreeing < scored);
        QCOMPARE(*worse.sameTopToken, double(agreeing) / double(scored));

        // Saved and read back.
        const EvaluationResult read =
            EvaluationResult::fromJson(worse.toJson(), QStringLiteral("x"));
        QCOMPARE(read.sameTopToken, worse.sameTopToken);
        QJsonObject bad = worse.toJson();
        bad.insert(QStringLiteral("same_top"), 1.5);
        QVERIFY_THROWS_EXCEPTION(Error, EvaluationResult::fromJson(bad, QStringLiteral("x")));
        bad.remove(QStringLiteral("same_top"));
        QVERIFY(!EvaluationResult::fromJson(bad, QStringLiteral("x")).sameTopToken);
    }

    // compare() runs another model on the same windows with its own runner: the model against
    // itself gives the same perplexity twice, a KL of zero and the same top token everywhere; a
    // tokenizer that cuts the text into other ids is refused.
    void compareWithAnotherModel()
    {
        const QStringList documents =
            TextDocuments::fromFile(dataFile("tinystories/tinystories_sample.txt"));
        SilentProgress progress;
        const auto again = LoadedModel::open(test::demoModelDir());
        const EvaluationResult same = PerplexityEvaluator::compare(
            m_model, *m_tokenizer, again, *m_tokenizer, documents, PerplexityOptions{}, progress);
        QVERIFY(same.modified && same.meanKl && same.sameTopToken);
        QVERIFY(std::abs(same.reference.perplexity() - 3.5482) <= 0.001);
        QCOMPARE(same.modified->totalNll, same.reference.totalNll);
        QCOMPARE(*same.meanKl, 0.0);
        QCOMPARE(*same.sameTopToken, 1.0);

        const std::vector<int> ids = m_tokenizer->encode(documents.front());
        QVERIFY(ids.size() > 3);
        const SwappedIdTokenizer other(m_tokenizer, ids[2], ids[2] + 1);
        const QString message = [&] {
            try {
                PerplexityEvaluator::compare(m_model, *m_tokenizer, again, other, documents,
                                             PerplexityOptions{}, progress);
            } catch (const Error& e) {
                return e.message();
            }
            return QString();
        }();
        QVERIFY2(message.contains("tokenize the text into different ids (window 1 differs)"),
                 qPrintable(message));
    }

    // The other TinyStories file, scored by an independent plain float32 implementation of the
    // forward pass and of the protocol (tests/support/reference_llama.cpp, its own windows here):
    // the perplexities agree to 0.1 % (in practice to ~1e-6).
    void agreesWithAnIndependentImplementation()
    {
        const QStringList documents =
            TextDocuments::fromFile(dataFile("tinystories/TinyStories-valid-subset.txt"));
        SilentProgress progress;
        PerplexityOptions options;
        options.contextLength = 256; // several windows per document: the window rule is exercised
        const EvaluationResult ours = PerplexityEvaluator::evaluate(
            m_model, *m_tokenizer, documents, options, nullptr, progress);
        const test::ReferenceLlama reference(test::demoModelDir());
        double nll = 0.0;
        long long scored = 0;
        for (const QString& document : documents) {
            std::vector<int> ids{1};
            const auto encoded = m_tokenizer->encode(document);
            ids.insert(ids.end(), encoded.begin(), encoded.end());
            // Disjoint windows of 256: each scores every token after its first.
            for (std::size_t begin = 0; begin < ids.size(); begin += 256) {
                const std::vector<int> window(
                    ids.begin() + std::ptrdiff_t(begin),
                    ids.begin() + std::ptrdiff_t(std::min(begin + 256, ids.size())));
                const auto [windowNll, windowScored] = reference.windowNll(window, 1);
                nll += windowNll;
                scored += windowScored;
            }
        }
        const double referencePerplexity = std::exp(nll / double(scored));
        qInfo("TinyStories-valid-subset, context 256: %.6f here, %.6f independent, %lld tokens",
              ours.reference.perplexity(), referencePerplexity, scored);
        QCOMPARE(ours.reference.tokensScored, std::int64_t(scored));
        QVERIFY(std::abs(ours.reference.perplexity() / referencePerplexity - 1.0) < 1e-3);
    }

    void badOptionsAreRefused()
    {
        const QStringList documents{QStringLiteral("Once upon a time")};
        SilentProgress progress;
        PerplexityOptions options;
        options.contextLength = 8;
        options.stride = 9;
        QVERIFY_THROWS_EXCEPTION(Error,
                                 PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                               options, nullptr, progress));
        SilentProgress cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, PerplexityEvaluator::evaluate(m_model, *m_tokenizer, documents,
                                                     PerplexityOptions{}, nullptr, cancelled));
    }

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
};

QTEST_GUILESS_MAIN(TestPerplexity)
#include "tst_perplexity.moc"
