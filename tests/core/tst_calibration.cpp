// Calibration against the golden statistics of the demo model
// (tests/data/golden/stories260K/calib.safetensors: the non-empty lines of
// TinyStories-valid-subset.txt as documents, BOS + ids cut to 256 tokens), the window modes, the
// row sample, and the true-sequential hand-over between blocks.

#include "core/backend/cpu_backend.h"
#include "core/calib/calibration_set.h"
#include "core/calib/input_stats.h"
#include "core/calib/layer_sequential_capture.h"
#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <set>

using namespace qb;

namespace {

QString dataFile(const char* relative)
{
    return QDir(test::dataDir()).filePath(QLatin1String(relative));
}

// max |a - b| / max |b|: the error relative to the size of the values compared.
template <typename A, typename B> double relativeMaxError(const A& actual, const B& expected)
{
    return (actual - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff();
}

} // namespace

class TestCalibration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_tokenizer = Tokenizer::load(test::demoModelDir(), m_model->spec());
        m_documents = TextDocuments::fromFile(dataFile("tinystories/TinyStories-valid-subset.txt"));
    }

    void goldenStatistics()
    {
        const auto golden = SafetensorsFile::open(dataFile("golden/stories260K/calib.safetensors"));
        CalibrationOptions options;
        options.sequenceLength = 256;
        options.sampleRows = 1000;
        const auto windows = CalibrationSet::build(*m_tokenizer, m_documents, options);
        QCOMPARE(windows.size(), std::size_t(19));
        std::vector<BlockStats> blocks;
        SilentProgress progress;
        const CaptureSummary summary = LayerSequentialCapture::run(
            m_model, windows, options,
            [&](BlockStats& stats) -> ForwardHooks* {
                blocks.push_back(std::move(stats));
                return nullptr;
            },
            progress);
        QCOMPARE(blocks.size(), std::size_t(5));
        std::set<QString> compared;
        double worstXtx = 0.0, worstMean = 0.0, worstMax = 0.0;
        for (const BlockStats& stats : blocks) {
            QCOMPARE(stats.sites.size(), std::size_t(4));
            for (const auto& [group, site] : stats.sites) {
                const QString prefix = QStringLiteral("l%1.%2.").arg(stats.block).arg(site.site);
                QCOMPARE(site.tokens, std::int64_t(4864));
                const TensorInfo* xtxInfo = golden->find(prefix + QStringLiteral("xtx"));
                QVERIFY2(xtxInfo, qPrintable(prefix));
                const auto k = static_cast<Eigen::Index>(xtxInfo->shape[0]);
                QCOMPARE(site.channels(), int(k));
                // The golden X^T X is F64: read its bytes as doubles.
                Eigen::MatrixXd expectedXtx(k, k);
                std::memcpy(expectedXtx.data(), golden->bytes(*xtxInfo).data(),
                            std::size_t(k * k) * sizeof(double));
                const std::vector<float> absMean =
                    golden->readFloat(*golden->find(prefix + QStringLiteral("absmean")));
                const std::vector<float> absMax =
                    golden->readFloat(*golden->find(prefix + QStringLiteral("absmax")));
                const Eigen::Map<const Eigen::VectorXf> expectedMean(absMean.data(), k);
                const Eigen::Map<const Eigen::VectorXf> expectedMax(absMax.data(), k);
                worstXtx = std::max(worstXtx, relativeMaxError(site.xtx, expectedXtx));
                worstMean = std::max(worstMean,
                                     relativeMaxError(site.absMean().cast<float>(), expectedMean));
                worstMax = std::max(worstMax, relativeMaxError(site.absMax, expectedMax));
                QCOMPARE(site.sample.rows(), Eigen::Index(1000));
                compared.insert(prefix);
            }
        }
        qInfo("worst relative errors: xtx %.3g, absmean %.3g, absmax %.3g; %.0f tokens/s", worstXtx,
              worstMean, worstMax, summary.tokensPerSecond());
        QCOMPARE(compared.size(), std::size_t(20)); // 5 blocks × 4 sites
        QCOMPARE(summary.tokens, std::int64_t(4864));
        QVERIFY(worstXtx <= 1e-6);
        QVERIFY(worstMean <= 1e-5);
        QVERIFY(worstMax <= 1e-5);
    }

    // X^T X and the linear product through the build's own kernels and through the widest ones this
    // CPU has (AVX-512 where present), on shapes that cut the 256-column panels and 2048-row slabs
    // unevenly, against double products. The demo's golden statistics above go through the widest.
    void kernelSetsAgree()
    {
        const CpuBackend baseline(CpuKernelSet::Baseline);
        const CpuBackend best(CpuKernelSet::Best);
        std::mt19937 random(7);
        std::lognormal_distribution<float> scale(0.0f, 1.0f);
        std::normal_distribution<float> normal;
        const std::pair<Eigen::Index, Eigen::Index> shapes[] = {
            {1, 1}, {5, 7}, {2049, 33}, {300, 257}, {4100, 513}, {2048, 600}};
        for (const auto& [n, k] : shapes) {
            RowMatrix x(n, k);
            Eigen::VectorXf channelScale(k);
            for (Eigen::Index c = 0; c < k; ++c)
                channelScale(c) = scale(random); // uneven channels, as activations have
            for (Eigen::Index r = 0; r < n; ++r)
                for (Eigen::Index c = 0; c < k; ++c)
                    x(r, c) = normal(random) * channelScale(c);
            const Eigen::MatrixXd xd = x.cast<double>();
            const Eigen::MatrixXd expected = xd.transpose() * xd;
            // Called twice: the second call adds onto the first.
            Eigen::MatrixXd viaBaseline = Eigen::MatrixXd::Zero(k, k);
            Eigen::MatrixXd viaBest = Eigen::MatrixXd::Zero(k, k);
            for (int call = 0; call < 2; ++call) {
                baseline.accumulateGram(x, viaBaseline);
                best.accumulateGram(x, viaBest);
            }
            const Eigen::MatrixXd lower = (2.0 * expected).triangularView<Eigen::Lower>();
            const QByteArray shape =
                QByteArray::number(qint64(n)) + " x " + QByteArray::number(qint64(k));
            QVERIFY2(
                relativeMaxError(Eigen::MatrixXd(viaBaseline.triangularView<Eigen::Lower>()), lower)
                    <= 1e-6,
                shape.constData());
            QVERIFY2(
                relativeMaxError(Eigen::MatrixXd(viaBest.triangularView<Eigen::Lower>()), lower)
                    <= 1e-6,
                shape.constData());
        }
        // The linear product (y = x Wᵀ + b) through both kernel sets, on the same shapes as
        // weights: its output slices cut at the threads' task boundaries.
        for (const auto& [n, k] : shapes) {
            const Eigen::Index out = k + 37;
            RowMatrix x(n, k);
            std::vector<float> weight(static_cast<std::size_t>(out * k));
            std::vector<float> bias(static_cast<std::size_t>(out));
            for (Eigen::Index i = 0; i < x.size(); ++i)
                x.data()[i] = normal(random);
            for (float& w : weight)
                w = 0.02f * normal(random);
            for (float& b : bias)
                b = normal(random);
            const Eigen::Map<const RowMatrix> w(weight.data(), out, k);
            const Eigen::MatrixXd expected =
                (x.cast<double>() * w.cast<double>().transpose()).rowwise()
                + Eigen::Map<const Eigen::RowVectorXf>(bias.data(), out).cast<double>();
            RowMatrix viaBaseline, viaBest;
            baseline.linear(x, weight.data(), out, bias.data(), viaBaseline);
            best.linear(x, weight.data(), out, bias.data(), viaBest);
            const QByteArray shape =
                QByteArray::number(qint64(n)) + " x " + QByteArray::number(qint64(k));
            QVERIFY2(relativeMaxError(viaBaseline.cast<double>(), expected) <= 1e-6,
                     shape.constData());
            QVERIFY2(relativeMaxError(viaBest.cast<double>(), expected) <= 1e-6, shape.constData());
        }
        if (!*cpuKernels(CpuKernelSet::Best).instructionSet)
            QSKIP("This CPU (or build) has no AVX-512 kernels: only the build's own were checked");
        QVERIFY(best.device().name.contains(QLatin1String("AVX-512")));
        QVERIFY(!baseline.device().name.contains(QLatin1String("AVX-512")));
    }

    void randomWindows()
    {
        CalibrationOptions options;
        options.mode = CalibrationOptions::Mode::RandomWindows;
        options.samples = 7;
        options.sequenceLength = 33;
        options.seed = 5;
        const auto a = CalibrationSet::build(*m_tokenizer, m_documents, options);
        const auto b = CalibrationSet::build(*m_tokenizer, m_documents, options);
        QCOMPARE(a.size(), std::size_t(7));
        QCOMPARE(a, b); // the seed fixes the windows
        for (const auto& window : a)
            QCOMPARE(window.size(), std::size_t(33));
        options.seed = 6;
        QVERIFY(CalibrationSet::build(*m_tokenizer, m_documents, options) != a);
        // Every window is a run of the concatenated stream of BOS + ids documents.
        std::vector<int> stream;
        for (const QString& document : m_documents) {
            stream.push_back(1);
            const auto ids = m_tokenizer->encode(document);
            stream.insert(stream.end(), ids.begin(), ids.end());
        }
        for (const auto& window : a)
            QVERIFY(std::search(stream.begin(), stream.end(), window.begin(), window.end())
                    != stream.end());
    }

    void badOptionsAndShortText()
    {
        CalibrationOptions options;
        options.samples = 0;
        QVERIFY_THROWS_EXCEPTION(Error, CalibrationSet::build(*m_tokenizer, m_documents, options));
        options = CalibrationOptions{};
        options.mode = CalibrationOptions::Mode::RandomWindows;
        options.sequenceLength = 100000; // longer than the whole text
        QVERIFY_THROWS_EXCEPTION(Error, CalibrationSet::build(*m_tokenizer, m_documents, options));
    }

    // The row sample is uniform: every calibration row is equally likely to be kept.
    void rowSampleIsUniform()
    {
        LayerInventory inventory = m_model->inventory();
        const int group = inventory.layers().front().inputGroup;
        std::vector<int> kept(4000, 0);
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            InputStatsRecorder recorder(inventory, 0, 100, seed);
            // Rows tagged by their index in column 0, offered in tiles as the runner does.
            for (int tile = 0; tile < 4; ++tile) {
                RowMatrix rows = RowMatrix::Zero(1000, 64);
                for (int r = 0; r < 1000; ++r)
                    rows(r, 0) = float(tile * 1000 + r);
                recorder.onInput(group, rows);
            }
            const auto stats = recorder.take();
            const InputStats& site = stats.at(group);
            QCOMPARE(site.sample.rows(), Eigen::Index(100));
            QCOMPARE(site.tokens, std::int64_t(4000));
            for (Eigen::Index r = 0; r < site.sample.rows(); ++r)
                ++kept[std::size_t(site.sample(r, 0))];
        }
        // 200 × 100 of 4000 rows: 5 expected per row; each quarter of the rows gets about a
        // quarter.
        for (int quarter = 0; quarter < 4; ++quarter) {
            int sum = 0;
            for (int r = quarter * 1000; r < (quarter + 1) * 1000; ++r)
                sum += kept[std::size_t(r)];
            QVERIFY2(std::abs(sum - 5000) < 400, qPrintable(QString::number(sum)));
        }
    }

    // A visitor's hooks change what the next block sees (true-sequential), and only that.
    void visitorHooksFeedTheNextBlock()
    {
        struct ZeroOutput final : ForwardHooks {
            void onOutput(const LinearLayer& layer, const RowMatrix&, RowMatrix& output) override
            {
                if (layer.role == LayerRole::DownProj)
                    output.setZero();
            }
        } zero;
        CalibrationOptions options;
        options.samples = 3;
        options.sequenceLength = 64;
        options.sampleRows = 0;
        const auto windows = CalibrationSet::build(*m_tokenizer, m_documents, options);
        std::map<int, Eigen::MatrixXd> plain, changed;
        SilentProgress progress;
        LayerSequentialCapture::run(
            m_model, windows, options,
            [&](BlockStats& stats) -> ForwardHooks* {
                plain[stats.block] = stats.sites.begin()->second.xtx;
                return nullptr;
            },
            progress);
        LayerSequentialCapture::run(
            m_model, windows, options,
            [&](BlockStats& stats) -> ForwardHooks* {
                changed[stats.block] = stats.sites.begin()->second.xtx;
                return stats.block == 0 ? &zero : nullptr;
            },
            progress);
        QVERIFY(relativeMaxError(changed[0], plain[0]) < 1e-12); // block 0's own inputs unchanged
        QVERIFY(relativeMaxError(changed[1], plain[1]) > 1e-3);  // block 1 sees the change
    }

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    QStringList m_documents;
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
