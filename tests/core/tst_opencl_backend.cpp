// The OpenCL backend against the CPU backend (the reference) on random inputs of awkward sizes (1,
// 7, 1000, 4099: never a multiple of a work-group or tile), for each kernel family the device can
// run: the device's own choice, the GPU kernels (local-memory tiles, one row per work-item), and
// the corrected division used where the device's '/' is not correctly rounded. Codes and grid
// parameters must be bit-exact, sums within float rounding, GPTQ within the rounding flips its
// reordered sums cause. Then: buffers larger than the device allows (tiled), the program cache,
// concurrent calls, and FallbackBackend's switch to the CPU on a device error.
//
// Skipped when no OpenCL device exists (the reason printed).

#include "core/backend/cpu_backend.h"
#include "core/backend/fallback_backend.h"
#include "core/backend/opencl/opencl_backend.h"
#include "core/backend/opencl/opencl_backend_impl.h"
#include "core/quant/gptq_quantizer.h"
#include "core/quant/quantized_tensor.h"
#include "core/util/error.h"
#include "tests/support/quick_check.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

using namespace qb;
using qb::test::num;

namespace {

struct NamedBackend {
    QString name;
    std::shared_ptr<const ComputeBackend> backend;
};

RowMatrix randomMatrix(std::int64_t rows, std::int64_t cols, std::uint32_t seed, float sigma = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, sigma);
    RowMatrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = normal(rng);
    return m;
}

std::vector<float> randomVector(std::int64_t n, std::uint32_t seed, float sigma = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, sigma);
    std::vector<float> v(static_cast<std::size_t>(n));
    for (float& x : v)
        x = normal(rng);
    return v;
}

// Weights whose rows stress the grid: normal rows, an all-zero row, a row of ±0, an all-positive
// and an all-negative row, a row on a coarse lattice (x / scale lands on exact halves, the
// round-half-even ties), and an outlier row.
std::vector<float> awkwardWeights(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 0.05f);
    std::uniform_int_distribution<int> lattice(-8, 8);
    std::vector<float> w(static_cast<std::size_t>(rows * cols));
    for (std::int64_t r = 0; r < rows; ++r) {
        for (std::int64_t c = 0; c < cols; ++c) {
            float v = normal(rng);
            switch (r % 9) {
            case 1:
                v = 0.0f;
                break;
            case 2:
                v = (c % 2) ? -0.0f : 0.0f;
                break;
            case 3:
                v = std::abs(v);
                break;
            case 4:
                v = -std::abs(v);
                break;
            case 5:
                v = float(lattice(rng)) * 0.125f;
                break;
            case 6:
                v = c == cols / 2 ? 40.0f : v;
                break;
            default:
                break;
            }
            w[static_cast<std::size_t>(r * cols + c)] = v;
        }
    }
    return w;
}

QuantScheme scheme(int bits, bool symmetric, int groupSizeCode)
{
    return QuantScheme::fromGroupSizeCode(bits, symmetric, groupSizeCode);
}

bool sameParams(const std::vector<GridParams>& a, const std::vector<GridParams>& b)
{
    return a.size() == b.size()
           && std::memcmp(a.data(), b.data(), a.size() * sizeof(GridParams)) == 0;
}

bool sameFloats(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// A random symmetric positive definite [n, n] Hessian with a spread-out diagonal (so that act-order
// reorders), as X^T X of correlated inputs plus a little damping.
Eigen::MatrixXd randomHessian(std::int64_t n, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> gain(0.2, 3.0);
    Eigen::MatrixXd x(n + 64, n);
    for (Eigen::Index c = 0; c < n; ++c) {
        const double g = gain(rng);
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            x(r, c) = g * normal(rng);
    }
    Eigen::MatrixXd h = x.transpose() * x / double(x.rows());
    h.diagonal().array() += 0.01 * h.diagonal().mean();
    return h;
}

// What GptqQuantizer hands a backend: the loop and a tensor prepared as it prepares them.
struct GptqCase {
    std::vector<float> weight;
    std::vector<std::int32_t> order;
    Eigen::MatrixXf upper;
    GptqColumnLoop loop;
    QuantizedTensor tensor;
};

void prepareGptq(GptqCase& gptq, std::int64_t rows, std::int64_t cols, const QuantScheme& s,
                 bool actOrder, bool staticGroups, int blockSize, std::uint32_t seed)
{
    gptq.weight = randomVector(rows * cols, seed, 0.05f);
    const Eigen::MatrixXd h = randomHessian(cols, seed + 1);
    gptq.order.resize(static_cast<std::size_t>(cols));
    std::iota(gptq.order.begin(), gptq.order.end(), 0);
    if (actOrder) {
        std::stable_sort(gptq.order.begin(), gptq.order.end(),
                         [&](std::int32_t a, std::int32_t b) { return h(a, a) > h(b, b); });
    }
    Eigen::MatrixXd permuted(cols, cols);
    for (std::int64_t i = 0; i < cols; ++i) {
        for (std::int64_t j = 0; j < cols; ++j)
            permuted(i, j) = h(gptq.order[std::size_t(i)], gptq.order[std::size_t(j)]);
    }
    Eigen::MatrixXd upper;
    QVERIFY(GptqQuantizer::inverseCholeskyUpper(permuted, upper));
    gptq.upper = upper.cast<float>();

    const bool grouped = s.granularity == Granularity::Group;
    gptq.tensor = QuantizedTensor::allocate(s, rows, cols);
    if (!grouped || staticGroups)
        gptq.tensor.params = minMaxGridForMatrix(gptq.weight, rows, cols, s);
    if (actOrder && grouped && !staticGroups) {
        gptq.tensor.groupIndex.resize(static_cast<std::size_t>(cols));
        for (std::int64_t p = 0; p < cols; ++p)
            gptq.tensor.groupIndex[std::size_t(gptq.order[std::size_t(p)])] =
                std::int32_t(p / gptq.tensor.groupWidth);
    }
    gptq.loop.weight = gptq.weight;
    gptq.loop.rows = rows;
    gptq.loop.cols = cols;
    gptq.loop.order = gptq.order;
    gptq.loop.upper = &gptq.upper;
    gptq.loop.blockSize = blockSize;
    gptq.loop.groupsInLoop = grouped && !staticGroups;
}

// A device whose every operation fails as a device would.
class FailingBackend final : public ComputeBackend {
public:
    FailingBackend()
    {
        m_device.id = QStringLiteral("opencl:7:0");
        m_device.platform = QStringLiteral("Test platform");
        m_device.name = QStringLiteral("Failing device");
    }
    const ComputeDevice& device() const override { return m_device; }
    void accumulateGram(const RowMatrix&, Eigen::MatrixXd&) const override { fail(); }
    void linear(const RowMatrix&, const float*, std::int64_t, const float*,
                RowMatrix&) const override
    {
        fail();
    }
    QuantizedTensor quantizeRtn(std::span<const float>, std::int64_t, std::int64_t,
                                const QuantScheme&) const override
    {
        fail();
    }
    std::vector<float> dequantize(const QuantizedTensor&) const override { fail(); }
    void gptqColumnLoop(const GptqColumnLoop&, QuantizedTensor&) const override { fail(); }
    std::vector<std::int64_t> histogram(std::span<const float>, float, float, int) const override
    {
        fail();
    }

private:
    [[noreturn]] static void fail()
    {
        throw Error(QStringLiteral("clEnqueueNDRangeKernel failed: CL_OUT_OF_RESOURCES (-5)"));
    }
    ComputeDevice m_device;
};

} // namespace

class TestOpenClBackend : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsDevices();
    void gram();
    void linear();
    void quantizeRtn();
    void dequantize();
    void gptq_data();
    void gptq();
    void histogram();
    void tilesBuffersLargerThanAllowed();
    void programCache();
    void concurrentCalls();
    void fallbackToCpu();

private:
    ComputeDevice m_device;
    std::vector<NamedBackend> m_backends;
    std::shared_ptr<const ComputeBackend> m_cpu = std::make_shared<CpuBackend>();
    QTemporaryDir m_cacheDir;
};

void TestOpenClBackend::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    qputenv("QB_OPENCL_CACHE_DIR", m_cacheDir.path().toLocal8Bit());
    QString problem;
    const std::vector<ComputeDevice> devices = opencl::listDevices(&problem);
    if (devices.empty())
        QSKIP(qPrintable(QStringLiteral("no OpenCL device: ") + problem));
    QVERIFY(problem.isEmpty());
    m_device = devices.front();
    qInfo("device: %s", qPrintable(m_device.describe()));

    opencl::Tuning gpuKernels;
    gpuKernels.kernels = opencl::Tuning::Kernels::Tiled;
    gpuKernels.vectorWidth = 1;
    opencl::Tuning correctedDivision;
    correctedDivision.allowCorrectlyRoundedDivide = false;
    m_backends.push_back({QStringLiteral("device default"), opencl::createBackend(m_device)});
    m_backends.push_back(
        {QStringLiteral("tiled kernels, 1 lane"), opencl::createBackend(m_device, gpuKernels)});
    m_backends.push_back(
        {QStringLiteral("corrected division"), opencl::createBackend(m_device, correctedDivision)});
    for (const NamedBackend& entry : m_backends) {
        const opencl::ProgramInfo info = opencl::programInfo(*entry.backend);
        qInfo("%s: %s", qPrintable(entry.name), qPrintable(info.buildOptions));
    }
    QVERIFY(!opencl::programInfo(*m_backends[2].backend).correctlyRoundedDivide);
    QVERIFY(opencl::programInfo(*m_backends[1].backend).kernels == opencl::Tuning::Kernels::Tiled);
    const opencl::ProgramInfo defaultInfo = opencl::programInfo(*m_backends[0].backend);
    if (defaultInfo.cpuDevice)
        QVERIFY(defaultInfo.kernels == opencl::Tuning::Kernels::Direct);
}

void TestOpenClBackend::listsDevices()
{
    QString problem = QStringLiteral("stale");
    const std::vector<ComputeDevice> devices = opencl::listDevices(&problem);
    QVERIFY(!devices.empty());
    QVERIFY(problem.isEmpty());
    for (const ComputeDevice& device : devices) {
        QVERIFY(device.id.startsWith(QStringLiteral("opencl:")));
        QVERIFY(!device.name.isEmpty());
        QVERIFY(!device.platform.isEmpty());
        QVERIFY(device.deviceVersion.startsWith(QStringLiteral("OpenCL")));
        QVERIFY(device.globalMemoryBytes > 0);
        QVERIFY(device.maxAllocationBytes > 0);
        QVERIFY(device.computeUnits > 0);
    }
    ComputeDevice missing = devices.front();
    missing.id = QStringLiteral("opencl:99:0");
    QVERIFY_THROWS_EXCEPTION(Error, opencl::createBackend(missing));
}

// Lower triangles within 1e-5 of the largest |entry| (the CPU and the device sum each slab of
// 2048 rows in float, in different orders), added onto existing contents, upper triangle left.
void TestOpenClBackend::gram()
{
    const std::vector<std::pair<std::int64_t, std::int64_t>> shapes{
        {1, 1}, {7, 1000}, {1000, 7}, {4099, 257}, {2049, 1000}, {3, 4099}};
    double worst = 0.0;
    for (const NamedBackend& entry : m_backends) {
        for (const auto& [n, k] : shapes) {
            const RowMatrix x = randomMatrix(n, k, std::uint32_t(n * 31 + k));
            Eigen::MatrixXd start = Eigen::MatrixXd::Random(k, k);
            Eigen::MatrixXd expected = start;
            Eigen::MatrixXd actual = start;
            // Twice: the second call adds to the first.
            for (int call = 0; call < 2; ++call) {
                m_cpu->accumulateGram(x, expected);
                entry.backend->accumulateGram(x, actual);
            }
            const double scale =
                expected.triangularView<Eigen::Lower>().toDenseMatrix().cwiseAbs().maxCoeff();
            double error = 0.0;
            for (Eigen::Index j = 0; j < k; ++j) {
                for (Eigen::Index i = j; i < k; ++i)
                    error = std::max(error, std::abs(actual(i, j) - expected(i, j)));
                for (Eigen::Index i = 0; i < j; ++i)
                    QB_CHECK(actual(i, j) == start(i, j),
                             entry.name + QStringLiteral(": upper triangle changed"));
            }
            worst = std::max(worst, error / scale);
            QB_CHECK(error <= 1e-5 * scale, QStringLiteral("%1: gram %2 x %3: max error %4 of %5")
                                                .arg(entry.name)
                                                .arg(n)
                                                .arg(k)
                                                .arg(num(error), num(scale)));
        }
    }
    qInfo("gram: worst max |error| / max |entry| = %s", qPrintable(num(worst)));
}

// ‖Δ‖ / ‖y‖ within 1e-5, and every entry within 1e-5 of √in · max|x| · max|w|.
void TestOpenClBackend::linear()
{
    struct Shape {
        std::int64_t rows, in, out;
        bool bias;
    };
    const std::vector<Shape> shapes{
        {1, 1, 1, true},        {1, 7, 4099, false}, {7, 1000, 1000, true}, {1000, 129, 7, true},
        {4099, 64, 257, false}, {0, 5, 3, true},     {3, 5, 0, true},       {3, 0, 4, true}};
    double worstRelative = 0.0;
    double worstAbsolute = 0.0;
    for (const NamedBackend& entry : m_backends) {
        for (const Shape& shape : shapes) {
            const RowMatrix x = randomMatrix(shape.rows, shape.in, 11);
            const std::vector<float> w = randomVector(shape.out * shape.in, 12, 0.1f);
            const std::vector<float> b = randomVector(shape.out, 13);
            RowMatrix expected;
            RowMatrix actual(2, 2); // resized by the backend
            m_cpu->linear(x, w.data(), shape.out, shape.bias ? b.data() : nullptr, expected);
            entry.backend->linear(x, w.data(), shape.out, shape.bias ? b.data() : nullptr, actual);
            QCOMPARE(actual.rows(), expected.rows());
            QCOMPARE(actual.cols(), expected.cols());
            if (expected.size() == 0)
                continue;
            const double relative =
                double((actual - expected).norm()) / std::max(1e-30, double(expected.norm()));
            const float maxX = x.size() ? x.cwiseAbs().maxCoeff() : 0.0f;
            float maxW = 0.0f;
            for (float v : w)
                maxW = std::max(maxW, std::abs(v));
            const double scale = std::sqrt(double(std::max<std::int64_t>(shape.in, 1)))
                                     * double(maxX) * std::abs(double(maxW))
                                 + 1e-30;
            const double absolute = double((actual - expected).cwiseAbs().maxCoeff()) / scale;
            worstRelative = std::max(worstRelative, relative);
            worstAbsolute = std::max(worstAbsolute, absolute);
            QB_CHECK(relative <= 1e-5 && absolute <= 1e-5,
                     QStringLiteral("%1: linear %2 x %3 -> %4: relative %5, max %6 of scale")
                         .arg(entry.name)
                         .arg(shape.rows)
                         .arg(shape.in)
                         .arg(shape.out)
                         .arg(num(relative), num(absolute)));
        }
    }
    qInfo("linear: worst ‖Δ‖/‖y‖ = %s, worst max|Δ| / (√in·max|x|·max|w|) = %s",
          qPrintable(num(worstRelative)), qPrintable(num(worstAbsolute)));
}

// Every grid: bits 2 … 8 × symmetric or not × per tensor, per channel, groups of 32, 128 and
// 1000 (a partial last group at 4099 columns, wider than the row at 7); codes and parameters bit
// for bit, and dequantize of the result bit for bit.
void TestOpenClBackend::quantizeRtn()
{
    const std::vector<std::pair<std::int64_t, std::int64_t>> shapes{{7, 4099}, {1000, 7}, {1, 1}};
    const std::vector<int> groupings{QuantScheme::kPerTensor, QuantScheme::kPerChannel, 32, 128,
                                     1000};
    int checked = 0;
    for (const NamedBackend& entry : m_backends) {
        for (const auto& [rows, cols] : shapes) {
            const std::vector<float> w = awkwardWeights(rows, cols, std::uint32_t(rows + cols));
            for (int bits = QuantScheme::kMinBits; bits <= QuantScheme::kMaxBits; ++bits) {
                for (bool symmetric : {false, true}) {
                    for (int grouping : groupings) {
                        const QuantScheme s = scheme(bits, symmetric, grouping);
                        const QString what = QStringLiteral("%1: %2 on %3 x %4")
                                                 .arg(entry.name, s.tag())
                                                 .arg(rows)
                                                 .arg(cols);
                        const QuantizedTensor expected = m_cpu->quantizeRtn(w, rows, cols, s);
                        const QuantizedTensor actual = entry.backend->quantizeRtn(w, rows, cols, s);
                        QB_CHECK(actual.codes == expected.codes, what + QStringLiteral(": codes"));
                        QB_CHECK(sameParams(actual.params, expected.params),
                                 what + QStringLiteral(": params"));
                        QB_CHECK(
                            sameFloats(entry.backend->dequantize(actual), expected.dequantize()),
                            what + QStringLiteral(": dequantized"));
                        ++checked;
                    }
                }
            }
        }
    }
    // One larger matrix per backend.
    for (const NamedBackend& entry : m_backends) {
        const std::vector<float> w = awkwardWeights(1000, 4099, 5);
        for (const QuantScheme& s :
             {scheme(4, false, 128), scheme(3, true, QuantScheme::kPerTensor)}) {
            const QuantizedTensor expected = m_cpu->quantizeRtn(w, 1000, 4099, s);
            const QuantizedTensor actual = entry.backend->quantizeRtn(w, 1000, 4099, s);
            QB_CHECK(actual.codes == expected.codes, entry.name + QStringLiteral(": large codes"));
            QB_CHECK(sameParams(actual.params, expected.params),
                     entry.name + QStringLiteral(": large params"));
            ++checked;
        }
    }
    qInfo("quantizeRtn: %d cases bit-exact in codes, parameters and dequantized values", checked);
}

// Random codes and parameters, with and without an act-order group index: bit for bit.
void TestOpenClBackend::dequantize()
{
    std::mt19937 rng(21);
    for (const NamedBackend& entry : m_backends) {
        for (const auto& [rows, cols] :
             std::vector<std::pair<std::int64_t, std::int64_t>>{{7, 4099}, {1000, 7}, {1, 1}}) {
            for (bool withIndex : {false, true}) {
                QuantizedTensor tensor =
                    QuantizedTensor::allocate(scheme(5, false, 32), rows, cols);
                std::uniform_int_distribution<int> code(0, tensor.scheme.maxCode());
                std::uniform_real_distribution<float> scale(1e-4f, 0.1f);
                std::uniform_int_distribution<int> zero(0, tensor.scheme.maxCode());
                for (std::uint8_t& c : tensor.codes)
                    c = std::uint8_t(code(rng));
                for (GridParams& p : tensor.params)
                    p = GridParams{scale(rng), float(zero(rng))};
                if (withIndex) {
                    std::vector<std::int32_t> order(static_cast<std::size_t>(cols));
                    std::iota(order.begin(), order.end(), 0);
                    std::shuffle(order.begin(), order.end(), rng);
                    tensor.groupIndex.resize(static_cast<std::size_t>(cols));
                    for (std::int64_t p = 0; p < cols; ++p)
                        tensor.groupIndex[std::size_t(order[std::size_t(p)])] =
                            std::int32_t(p / tensor.groupWidth);
                }
                QB_CHECK(sameFloats(entry.backend->dequantize(tensor), tensor.dequantize()),
                         QStringLiteral("%1: dequantize %2 x %3, group index %4")
                             .arg(entry.name)
                             .arg(rows)
                             .arg(cols)
                             .arg(withIndex));
            }
        }
    }
}

void TestOpenClBackend::gptq_data()
{
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<qint64>("cols");
    QTest::addColumn<int>("groupSizeCode");
    QTest::addColumn<bool>("symmetric");
    QTest::addColumn<bool>("actOrder");
    QTest::addColumn<bool>("staticGroups");
    QTest::addColumn<int>("blockSize");
    QTest::newRow("a4g128 4099x300")
        << qint64(4099) << qint64(300) << 128 << false << false << false << 128;
    QTest::newRow("a4g32 act-order 1000x257")
        << qint64(1000) << qint64(257) << 32 << false << true << false << 128;
    QTest::newRow("s3pc 7x1000") << qint64(7) << qint64(1000) << int(QuantScheme::kPerChannel)
                                 << true << false << false << 128;
    QTest::newRow("a4pt act-order 1000x129")
        << qint64(1000) << qint64(129) << int(QuantScheme::kPerTensor) << false << true << false
        << 128;
    QTest::newRow("a4g32 static act-order 1000x200")
        << qint64(1000) << qint64(200) << 32 << false << true << true << 128;
    QTest::newRow("a8g1000 1000x300 (group wider than the row)")
        << qint64(1000) << qint64(300) << 1000 << false << false << false << 128;
    QTest::newRow("a2g32 block 50 (groups across blocks) 1000x200")
        << qint64(1000) << qint64(200) << 32 << false << false << false << 50;
    QTest::newRow("a4g128 1x7") << qint64(1) << qint64(7) << 128 << false << false << false << 128;
    // Lazy updates deeper than the direct products' slice of K (gemm.cl): their partial sums go
    // through a matrix of their own, not the weights they are subtracted from.
    QTest::newRow("a4g32 block 200 (updates in two slices) 1000x450")
        << qint64(1000) << qint64(450) << 32 << false << false << false << 200;
}

// Codes may differ where the device's float sums, added in another order than Eigen's, land on
// the other side of a rounding boundary (a flip also changes the rest of that row's updates).
// Hence: at most 1e-3 of the codes differ; where they agree, the dequantized weights within 1e-4
// of the weights' norm (‖ΔQ‖ / ‖W‖: in-loop grids come from the updated weights, so their
// parameters may differ in the last bits); the quantization error ‖W − Q‖ within 1e-4 relative
// of the CPU's. Fixed grids (per channel, per tensor, static groups) stay bit for bit.
void TestOpenClBackend::gptq()
{
    QFETCH(qint64, rows);
    QFETCH(qint64, cols);
    QFETCH(int, groupSizeCode);
    QFETCH(bool, symmetric);
    QFETCH(bool, actOrder);
    QFETCH(bool, staticGroups);
    QFETCH(int, blockSize);
    const int bits = QString::fromLatin1(QTest::currentDataTag()).mid(1, 1).toInt();
    const QuantScheme s = scheme(bits, symmetric, groupSizeCode);

    GptqCase reference;
    prepareGptq(reference, rows, cols, s, actOrder, staticGroups, blockSize, 77);
    m_cpu->gptqColumnLoop(reference.loop, reference.tensor);
    const std::vector<float> expected = reference.tensor.dequantize();
    double weightNorm = 0.0;
    double expectedLoss = 0.0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        weightNorm += double(reference.weight[i]) * reference.weight[i];
        const double d = double(reference.weight[i]) - expected[i];
        expectedLoss += d * d;
    }
    for (const NamedBackend& entry : m_backends) {
        GptqCase device;
        prepareGptq(device, rows, cols, s, actOrder, staticGroups, blockSize, 77);
        entry.backend->gptqColumnLoop(device.loop, device.tensor);
        const std::vector<float> actual = device.tensor.dequantize();
        std::int64_t mismatches = 0;
        double difference = 0.0; // over the weights whose codes agree
        double actualLoss = 0.0;
        for (std::size_t i = 0; i < actual.size(); ++i) {
            if (device.tensor.codes[i] != reference.tensor.codes[i]) {
                ++mismatches;
            } else {
                const double d = double(actual[i]) - expected[i];
                difference += d * d;
            }
            const double e = double(device.weight[i]) - actual[i];
            actualLoss += e * e;
        }
        const double fraction = double(mismatches) / double(actual.size());
        const double relative = std::sqrt(difference / std::max(weightNorm, 1e-30));
        const double lossChange = std::abs(std::sqrt(actualLoss) - std::sqrt(expectedLoss))
                                  / std::max(std::sqrt(expectedLoss), 1e-30);
        qInfo("%s: %lld of %zu codes differ (%s), ‖ΔQ‖/‖W‖ where they agree %s, ‖W − Q‖ "
              "change %s",
              qPrintable(entry.name), static_cast<long long>(mismatches), actual.size(),
              qPrintable(num(fraction)), qPrintable(num(relative)), qPrintable(num(lossChange)));
        QB_CHECK(fraction <= 1e-3, entry.name + QStringLiteral(": too many codes differ"));
        QB_CHECK(relative <= 1e-4, entry.name + QStringLiteral(": dequantized weights differ"));
        QB_CHECK(lossChange <= 1e-4, entry.name + QStringLiteral(": quantization error differs"));
        if (!reference.loop.groupsInLoop) {
            QB_CHECK(sameParams(device.tensor.params, reference.tensor.params),
                     entry.name + QStringLiteral(": fixed parameters changed"));
        }
    }
}

// Exact counts, with values at and beyond both ends, NaN and infinities, for bin counts that fit
// local memory and one that does not.
void TestOpenClBackend::histogram()
{
    std::vector<float> values = randomVector(1000003, 31);
    const float lo = -2.0f;
    const float hi = 3.0f;
    values[0] = lo;
    values[1] = hi;
    values[2] = std::nextafter(hi, 0.0f);
    values[3] = -1e30f;
    values[4] = 1e30f;
    values[5] = std::numeric_limits<float>::quiet_NaN();
    values[6] = std::numeric_limits<float>::infinity();
    values[7] = -std::numeric_limits<float>::infinity();
    values[8] = -0.0f;
    for (const NamedBackend& entry : m_backends) {
        for (int bins : {1, 7, 256, 4099, 300007}) {
            QB_CHECK(entry.backend->histogram(values, lo, hi, bins)
                         == m_cpu->histogram(values, lo, hi, bins),
                     QStringLiteral("%1: histogram of %2 bins").arg(entry.name).arg(bins));
        }
        QB_CHECK(entry.backend->histogram(std::span<const float>(values.data(), 7), lo, hi, 7)
                     == m_cpu->histogram(std::span<const float>(values.data(), 7), lo, hi, 7),
                 entry.name + QStringLiteral(": histogram of 7 values"));
        QVERIFY(entry.backend->histogram({}, lo, hi, 3) == std::vector<std::int64_t>(3, 0));
    }
}

// With buffers capped at 256 KiB every operation cuts its work into tiles (rows, output columns,
// panels, slices, chunks) and still gives the CPU's result; GPTQ whose U alone is larger says so.
void TestOpenClBackend::tilesBuffersLargerThanAllowed()
{
    constexpr std::int64_t kCap = 256 * 1024;
    for (opencl::Tuning::Kernels kernels :
         {opencl::Tuning::Kernels::Direct, opencl::Tuning::Kernels::Tiled}) {
        opencl::Tuning tuning;
        tuning.kernels = kernels;
        tuning.maxBufferBytes = kCap;
        const auto backend = opencl::createBackend(m_device, tuning);
        const QString name = kernels == opencl::Tuning::Kernels::Direct ? QStringLiteral("direct")
                                                                        : QStringLiteral("tiled");

        const RowMatrix x = randomMatrix(3000, 300, 41);
        Eigen::MatrixXd expectedGram = Eigen::MatrixXd::Zero(300, 300);
        Eigen::MatrixXd actualGram = expectedGram;
        m_cpu->accumulateGram(x, expectedGram);
        backend->accumulateGram(x, actualGram);
        const double gramError = (actualGram - expectedGram)
                                     .triangularView<Eigen::Lower>()
                                     .toDenseMatrix()
                                     .cwiseAbs()
                                     .maxCoeff();
        QB_CHECK(gramError <= 1e-5 * expectedGram.cwiseAbs().maxCoeff(),
                 name + QStringLiteral(": tiled gram error ") + num(gramError));

        const std::vector<float> w = randomVector(700 * 300, 42, 0.1f);
        const std::vector<float> bias = randomVector(700, 43);
        RowMatrix expectedY;
        RowMatrix actualY;
        m_cpu->linear(x.topRows(500), w.data(), 700, bias.data(), expectedY);
        backend->linear(x.topRows(500), w.data(), 700, bias.data(), actualY);
        QB_CHECK(double((actualY - expectedY).norm()) <= 1e-5 * double(expectedY.norm()),
                 name + QStringLiteral(": tiled linear"));

        const std::vector<float> weights = awkwardWeights(1000, 300, 44);
        for (const QuantScheme& s :
             {scheme(4, false, 128), scheme(4, true, QuantScheme::kPerTensor)}) {
            const QuantizedTensor expected = m_cpu->quantizeRtn(weights, 1000, 300, s);
            const QuantizedTensor actual = backend->quantizeRtn(weights, 1000, 300, s);
            QB_CHECK(actual.codes == expected.codes && sameParams(actual.params, expected.params),
                     name + QStringLiteral(": tiled quantizeRtn ") + s.tag());
            QB_CHECK(sameFloats(backend->dequantize(actual), expected.dequantize()),
                     name + QStringLiteral(": tiled dequantize"));
        }

        GptqCase reference;
        prepareGptq(reference, 1500, 120, scheme(4, false, 32), true, false, 128, 45);
        m_cpu->gptqColumnLoop(reference.loop, reference.tensor);
        GptqCase device;
        prepareGptq(device, 1500, 120, scheme(4, false, 32), true, false, 128, 45);
        backend->gptqColumnLoop(device.loop, device.tensor);
        std::int64_t mismatches = 0;
        for (std::size_t i = 0; i < device.tensor.codes.size(); ++i)
            mismatches += device.tensor.codes[i] != reference.tensor.codes[i];
        QB_CHECK(double(mismatches) <= 1e-3 * double(device.tensor.codes.size()),
                 name + QStringLiteral(": tiled GPTQ, codes differing: ")
                     + QString::number(mismatches));

        GptqCase tooLarge;
        prepareGptq(tooLarge, 8, 300, scheme(4, false, 128), false, false, 128, 46);
        try {
            backend->gptqColumnLoop(tooLarge.loop, tooLarge.tensor);
            QFAIL("GPTQ with U larger than the largest buffer did not fail");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QStringLiteral("largest buffer")),
                     qPrintable(error.message()));
        }

        const std::vector<float> values = randomVector(100000, 47);
        QVERIFY(backend->histogram(values, -1.0f, 1.0f, 64)
                == m_cpu->histogram(values, -1.0f, 1.0f, 64));

        QVERIFY(backend->peakDeviceBytes() > 0);
        QB_CHECK(backend->peakDeviceBytes() <= 8 * kCap,
                 name + QStringLiteral(": peak device bytes ")
                     + QString::number(backend->peakDeviceBytes()));
    }
}

// A second backend for the same device loads the program from the cache; a damaged cache file
// is rebuilt and rewritten; results from a cached program are the same.
void TestOpenClBackend::programCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray previous = qgetenv("QB_OPENCL_CACHE_DIR");
    qputenv("QB_OPENCL_CACHE_DIR", dir.path().toLocal8Bit());
    const auto restore = qScopeGuard([&] { qputenv("QB_OPENCL_CACHE_DIR", previous); });

    const auto first = opencl::createBackend(m_device);
    const opencl::ProgramInfo firstInfo = opencl::programInfo(*first);
    QVERIFY(!firstInfo.fromCache);
    QVERIFY(firstInfo.cacheFile.startsWith(dir.path()));
    QVERIFY(QFile::exists(firstInfo.cacheFile));

    const auto second = opencl::createBackend(m_device);
    QVERIFY(opencl::programInfo(*second).fromCache);
    QCOMPARE(opencl::programInfo(*second).cacheFile, firstInfo.cacheFile);
    const std::vector<float> w = awkwardWeights(20, 300, 51);
    const QuantizedTensor expected = m_cpu->quantizeRtn(w, 20, 300, scheme(4, false, 128));
    QVERIFY(second->quantizeRtn(w, 20, 300, scheme(4, false, 128)).codes == expected.codes);

    // Damaged in the middle, then cut short: each time rebuilt from source and rewritten.
    for (bool truncate : {false, true}) {
        QFile file(firstInfo.cacheFile);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        if (truncate) {
            bytes.truncate(bytes.size() / 3);
        } else {
            for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i)
                bytes[i] = char(bytes[i] ^ 0x5a);
        }
        QVERIFY(file.resize(0));
        QVERIFY(file.seek(0));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();

        const auto rebuilt = opencl::createBackend(m_device);
        QVERIFY(!opencl::programInfo(*rebuilt).fromCache);
        QVERIFY(rebuilt->quantizeRtn(w, 20, 300, scheme(4, false, 128)).codes == expected.codes);
        const auto cached = opencl::createBackend(m_device);
        QVERIFY(opencl::programInfo(*cached).fromCache);
    }

    // Other build options (another kernel shape) are another cache entry.
    opencl::Tuning tiled;
    tiled.kernels = opencl::Tuning::Kernels::Tiled;
    tiled.vectorWidth = 1;
    const auto other = opencl::createBackend(m_device, tiled);
    QVERIFY(opencl::programInfo(*other).cacheFile != firstInfo.cacheFile);
}

// Two threads on one backend: every call serialised, every result right.
void TestOpenClBackend::concurrentCalls()
{
    const auto& backend = m_backends.front().backend;
    const RowMatrix x = randomMatrix(300, 200, 61);
    const std::vector<float> w = randomVector(150 * 200, 62, 0.1f);
    RowMatrix expected;
    m_cpu->linear(x, w.data(), 150, nullptr, expected);
    std::atomic<int> wrong{0};
    const auto work = [&] {
        for (int i = 0; i < 20; ++i) {
            RowMatrix y;
            backend->linear(x, w.data(), 150, nullptr, y);
            if (!(double((y - expected).norm()) <= 1e-5 * double(expected.norm())))
                ++wrong;
        }
    };
    std::thread other(work);
    work();
    other.join();
    QCOMPARE(wrong.load(), 0);
}

// A device that fails: FallbackBackend gives the CPU's results, names the error, tells its
// listener once. The same with the real backend failing (GPTQ whose U is too large).
void TestOpenClBackend::fallbackToCpu()
{
    int heard = 0;
    QString heardReason;
    FallbackBackend fallback(std::make_shared<FailingBackend>(), m_cpu, [&](const QString& reason) {
        ++heard;
        heardReason = reason;
    });
    const RowMatrix x = randomMatrix(50, 20, 71);
    Eigen::MatrixXd expectedGram = Eigen::MatrixXd::Zero(20, 20);
    Eigen::MatrixXd gram = expectedGram;
    m_cpu->accumulateGram(x, expectedGram);
    fallback.accumulateGram(x, gram);
    QVERIFY(gram == expectedGram);
    const std::vector<float> w = randomVector(30 * 20, 72);
    RowMatrix y;
    RowMatrix expectedY;
    fallback.linear(x, w.data(), 30, nullptr, y);
    m_cpu->linear(x, w.data(), 30, nullptr, expectedY);
    QVERIFY(y == expectedY);
    QVERIFY(fallback.quantizeRtn(w, 30, 20, scheme(4, false, 8)).codes
            == m_cpu->quantizeRtn(w, 30, 20, scheme(4, false, 8)).codes);
    QVERIFY(fallback.histogram(w, -1.0f, 1.0f, 10) == m_cpu->histogram(w, -1.0f, 1.0f, 10));
    QVERIFY(fallback.fellBack());
    QCOMPARE(heard, 1);
    QVERIFY(fallback.fallbackReason().contains(QStringLiteral("clEnqueueNDRangeKernel")));
    QVERIFY(fallback.fallbackReason().contains(QStringLiteral("CL_OUT_OF_RESOURCES")));
    QCOMPARE(heardReason, fallback.fallbackReason());

    opencl::Tuning small;
    small.maxBufferBytes = 64 * 1024;
    int realHeard = 0;
    FallbackBackend real(opencl::createBackend(m_device, small), m_cpu,
                         [&](const QString&) { ++realHeard; });
    GptqCase reference;
    prepareGptq(reference, 16, 200, scheme(4, false, 64), false, false, 128, 73);
    m_cpu->gptqColumnLoop(reference.loop, reference.tensor);
    GptqCase device;
    prepareGptq(device, 16, 200, scheme(4, false, 64), false, false, 128, 73);
    real.gptqColumnLoop(device.loop, device.tensor);
    QVERIFY(device.tensor.codes == reference.tensor.codes);
    QVERIFY(sameParams(device.tensor.params, reference.tensor.params));
    QCOMPARE(realHeard, 1);
    QVERIFY2(real.fallbackReason().contains(QStringLiteral("largest buffer")),
             qPrintable(real.fallbackReason()));
}

QTEST_GUILESS_MAIN(TestOpenClBackend)
#include "tst_opencl_backend.moc"
