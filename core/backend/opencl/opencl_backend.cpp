// The OpenCL backend: one context and in-order queue per device, the program (resources/opencl,
// embedded) built once per source, options, device and driver and cached on disk, and every
// operation of ComputeBackend as uploads, kernel launches and reads under one lock.
//
// Device memory: every buffer is created for one operation and released at its end (DeviceBuffer,
// which also counts the current and peak bytes); none is larger than the device allows (or than
// Tuning::maxBufferBytes): operations that would need more work by tiles — row slabs and column
// panels of X^T X, row and output-column blocks of the products, row slices of the quantizers
// and of GPTQ. Host memory passed in is only read during the call (blocking writes).
//
// Errors: every cl::Error becomes an Error naming the call and its code ("clEnqueueNDRangeKernel
// failed: CL_OUT_OF_RESOURCES (-5)"); outputs the caller owns are written only once the device
// work has succeeded (xtx) or are fully rewritten by a rerun (codes, parameters), as
// FallbackBackend's rerun on the CPU needs.
#include "core/backend/opencl/opencl_backend.h"

#include "core/backend/opencl/opencl_backend_impl.h"
#include "core/backend/opencl/opencl_kernel_sources.h"
#include "core/util/error.h"
#include "core/util/parallel.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <CL/opencl.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>

namespace qb::opencl {

namespace {

static_assert(sizeof(GridParams) == 2 * sizeof(float) && alignof(GridParams) <= 8,
              "GridParams must be laid out as the kernels' float2 (scale, zero)");

// Leading dimensions of the products' padded operands are multiples of this: a multiple of the
// direct kernels' column block (16 or 32 floats) and of the tiled kernels' 64.
constexpr std::int64_t kColumnPad = 64;

// Work-group sizes. kWideLocal: the histogram's work-groups, and the element-wise kernels' on GPUs;
// the tiled kernels and transpose_tiles require 16 × 16.
constexpr std::size_t kWideLocal = 256;
constexpr std::size_t kTileLocal = 16;
// Element-wise kernels on CPU devices: the kernels vectorise themselves (QB_VW), and short rows
// should not drag along many idle work-items.
constexpr std::int64_t kRowItemsLocalCpu = 16;
constexpr int kHistogramGroupsPerUnit = 32;
// The Direct kernel family (CPU devices) counts in private counters (histogram_private) when the
// bins fit them: this many bins at most (QB_PRIVATE_BINS in histogram.cl), with this many
// work-items per compute unit.
constexpr int kHistogramPrivateBins = 512;
constexpr int kHistogramPrivateItemsPerUnit = 4;
// At most this many values per histogram launch, so that no 32-bit counter can overflow and
// the kernel's int index with its grid stride stays below 2^31.
constexpr std::int64_t kHistogramChunk = std::int64_t(1) << 30;

// Cache files: this magic, the SHA-256 of the binary that follows, the binary. Checked before the
// binary reaches the driver, since some drivers crash on a damaged one.
constexpr char kCacheMagic[8] = {'Q', 'B', 'C', 'L', 'B', 'I', 'N', '1'};
constexpr int kBuildLogLimit = 4000; // characters of a build log in an error message

std::int64_t roundUp(std::int64_t value, std::int64_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

QString clErrorName(cl_int code)
{
    switch (code) {
#define QB_CL_ERROR(name)                                                                          \
    case name:                                                                                     \
        return QStringLiteral(#name);
        QB_CL_ERROR(CL_DEVICE_NOT_FOUND)
        QB_CL_ERROR(CL_DEVICE_NOT_AVAILABLE)
        QB_CL_ERROR(CL_COMPILER_NOT_AVAILABLE)
        QB_CL_ERROR(CL_MEM_OBJECT_ALLOCATION_FAILURE)
        QB_CL_ERROR(CL_OUT_OF_RESOURCES)
        QB_CL_ERROR(CL_OUT_OF_HOST_MEMORY)
        QB_CL_ERROR(CL_PROFILING_INFO_NOT_AVAILABLE)
        QB_CL_ERROR(CL_MEM_COPY_OVERLAP)
        QB_CL_ERROR(CL_IMAGE_FORMAT_MISMATCH)
        QB_CL_ERROR(CL_IMAGE_FORMAT_NOT_SUPPORTED)
        QB_CL_ERROR(CL_BUILD_PROGRAM_FAILURE)
        QB_CL_ERROR(CL_MAP_FAILURE)
        QB_CL_ERROR(CL_MISALIGNED_SUB_BUFFER_OFFSET)
        QB_CL_ERROR(CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST)
        QB_CL_ERROR(CL_COMPILE_PROGRAM_FAILURE)
        QB_CL_ERROR(CL_LINKER_NOT_AVAILABLE)
        QB_CL_ERROR(CL_LINK_PROGRAM_FAILURE)
        QB_CL_ERROR(CL_DEVICE_PARTITION_FAILED)
        QB_CL_ERROR(CL_KERNEL_ARG_INFO_NOT_AVAILABLE)
        QB_CL_ERROR(CL_INVALID_VALUE)
        QB_CL_ERROR(CL_INVALID_DEVICE_TYPE)
        QB_CL_ERROR(CL_INVALID_PLATFORM)
        QB_CL_ERROR(CL_INVALID_DEVICE)
        QB_CL_ERROR(CL_INVALID_CONTEXT)
        QB_CL_ERROR(CL_INVALID_QUEUE_PROPERTIES)
        QB_CL_ERROR(CL_INVALID_COMMAND_QUEUE)
        QB_CL_ERROR(CL_INVALID_HOST_PTR)
        QB_CL_ERROR(CL_INVALID_MEM_OBJECT)
        QB_CL_ERROR(CL_INVALID_IMAGE_FORMAT_DESCRIPTOR)
        QB_CL_ERROR(CL_INVALID_IMAGE_SIZE)
        QB_CL_ERROR(CL_INVALID_SAMPLER)
        QB_CL_ERROR(CL_INVALID_BINARY)
        QB_CL_ERROR(CL_INVALID_BUILD_OPTIONS)
        QB_CL_ERROR(CL_INVALID_PROGRAM)
        QB_CL_ERROR(CL_INVALID_PROGRAM_EXECUTABLE)
        QB_CL_ERROR(CL_INVALID_KERNEL_NAME)
        QB_CL_ERROR(CL_INVALID_KERNEL_DEFINITION)
        QB_CL_ERROR(CL_INVALID_KERNEL)
        QB_CL_ERROR(CL_INVALID_ARG_INDEX)
        QB_CL_ERROR(CL_INVALID_ARG_VALUE)
        QB_CL_ERROR(CL_INVALID_ARG_SIZE)
        QB_CL_ERROR(CL_INVALID_KERNEL_ARGS)
        QB_CL_ERROR(CL_INVALID_WORK_DIMENSION)
        QB_CL_ERROR(CL_INVALID_WORK_GROUP_SIZE)
        QB_CL_ERROR(CL_INVALID_WORK_ITEM_SIZE)
        QB_CL_ERROR(CL_INVALID_GLOBAL_OFFSET)
        QB_CL_ERROR(CL_INVALID_EVENT_WAIT_LIST)
        QB_CL_ERROR(CL_INVALID_EVENT)
        QB_CL_ERROR(CL_INVALID_OPERATION)
        QB_CL_ERROR(CL_INVALID_GL_OBJECT)
        QB_CL_ERROR(CL_INVALID_BUFFER_SIZE)
        QB_CL_ERROR(CL_INVALID_MIP_LEVEL)
        QB_CL_ERROR(CL_INVALID_GLOBAL_WORK_SIZE)
        QB_CL_ERROR(CL_INVALID_PROPERTY)
        QB_CL_ERROR(CL_INVALID_IMAGE_DESCRIPTOR)
        QB_CL_ERROR(CL_INVALID_COMPILER_OPTIONS)
        QB_CL_ERROR(CL_INVALID_LINKER_OPTIONS)
        QB_CL_ERROR(CL_INVALID_DEVICE_PARTITION_COUNT)
#undef QB_CL_ERROR
    case -1001:
        return QStringLiteral("CL_PLATFORM_NOT_FOUND_KHR");
    default:
        break;
    }
    return QStringLiteral("unknown OpenCL error");
}

// "clEnqueueNDRangeKernel failed: CL_OUT_OF_RESOURCES (-5)". cl::Error::what() is the name of the
// failing call.
QString describeClError(const cl::Error& error)
{
    return QCoreApplication::translate("qb::OpenClBackend", "%1 failed: %2 (%3)")
        .arg(QString::fromLatin1(error.what()), clErrorName(error.err()))
        .arg(error.err());
}

QString fromStd(const std::string& text)
{
    // Drivers pad some strings with NULs and blanks.
    return QString::fromStdString(std::string(text.c_str())).trimmed();
}

// The group of every column of `tensor` ([cols]), as the kernels' group-index argument.
std::vector<std::int32_t> columnGroups(const QuantizedTensor& tensor)
{
    std::vector<std::int32_t> groups(static_cast<std::size_t>(tensor.cols));
    for (std::int64_t c = 0; c < tensor.cols; ++c)
        groups[static_cast<std::size_t>(c)] = static_cast<std::int32_t>(tensor.groupOf(c));
    return groups;
}

QString cacheDirectory()
{
    const QString configured = qEnvironmentVariable("QB_OPENCL_CACHE_DIR");
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
           + QStringLiteral("/quantbench/opencl");
}

// The kernels' sizes for one device: what the -D options say and how the host launches them.
struct KernelShape {
    bool direct = true; // *_direct kernels, else *_tiled
    int vectorWidth = 1;
    int rowsPerItem = 4;       // QB_GEMM_TM
    int vectorsPerItem = 4;    // QB_GEMM_TNV
    int rowBlocksPerItem = 16; // QB_GEMM_RB
    int sliceDepth = 128;      // QB_GEMM_KB
    int columnsPerItem() const { return vectorWidth * vectorsPerItem; }
};

class OpenClBackend;

// A device buffer that counts its bytes into its backend's current and peak figures while it
// lives. Created only within an operation (under the backend's lock).
class DeviceBuffer {
public:
    DeviceBuffer(const OpenClBackend& backend, std::int64_t bytes);
    ~DeviceBuffer();
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;

    const cl::Buffer& get() const { return m_buffer; }
    std::int64_t bytes() const { return m_bytes; }

private:
    const OpenClBackend& m_backend;
    std::int64_t m_bytes;
    cl::Buffer m_buffer;
};

class OpenClBackend final : public ComputeBackend {
    Q_DECLARE_TR_FUNCTIONS(OpenClBackend)

public:
    OpenClBackend(const ComputeDevice& device, const Tuning& tuning);

    const ComputeDevice& device() const override { return m_device; }
    void accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const override;
    void linear(const RowMatrix& x, const float* weight, std::int64_t out, const float* bias,
                RowMatrix& y) const override;
    QuantizedTensor quantizeRtn(std::span<const float> weight, std::int64_t rows, std::int64_t cols,
                                const QuantScheme& scheme) const override;
    std::vector<float> dequantize(const QuantizedTensor& tensor) const override;
    void gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const override;
    std::vector<std::int64_t> histogram(std::span<const float> values, float lo, float hi,
                                        int bins) const override;
    std::int64_t peakDeviceBytes() const override { return m_peakBytes.load(); }

    const ProgramInfo& programInfo() const { return m_programInfo; }

private:
    friend class DeviceBuffer;

    // Runs `operation` under the lock, as Error when OpenCL fails.
    template <typename Operation> auto guarded(const Operation& operation) const;

    void buildProgram();
    bool loadCachedProgram(const QString& path);
    void storeCachedProgram(const QString& path) const;

    // The largest number of floats one buffer may hold.
    std::int64_t maxBufferFloats() const { return m_maxBufferBytes / std::int64_t(sizeof(float)); }
    // `value` as a kernel's int argument (every size the backend launches fits by construction).
    static int toInt(std::int64_t value);

    template <typename... Args> static void setArgs(cl::Kernel& kernel, const Args&... args)
    {
        cl_uint index = 0;
        (kernel.setArg(index++, args), ...);
    }
    // Sets the arguments from position `first` on: those only one kernel family takes.
    template <typename... Args>
    static void setTrailingArgs(cl::Kernel& kernel, cl_uint first, const Args&... args)
    {
        (kernel.setArg(first++, args), ...);
    }
    void launch(const cl::Kernel& kernel, const cl::NDRange& global, const cl::NDRange& local) const
    {
        m_queue.enqueueNDRangeKernel(kernel, cl::NullRange, global, local);
    }
    void write(const DeviceBuffer& buffer, const void* data, std::int64_t bytes,
               std::int64_t offset = 0) const;
    void read(const DeviceBuffer& buffer, void* data, std::int64_t bytes,
              std::int64_t offset = 0) const;
    void fillZero(const DeviceBuffer& buffer) const;

    // C [M, N] = A · B (+ bias) or C −= A · B with the layouts of gemm.cl, by the kernel shape's
    // product kernel. Direct kernels: B's and C's rows padded as gemm.cl says.
    struct Operand {
        const cl::Buffer* buffer = nullptr;
        std::int64_t offset = 0;
        std::int64_t strideM = 0; // A: m stride; B, C: unused
        std::int64_t strideK = 0; // A: k stride; B: row stride (k); C: row stride (m)
    };
    void gemm(std::int64_t m, std::int64_t n, std::int64_t k, const Operand& a, const Operand& b,
              const Operand& c, const cl::Buffer* bias, bool subtract) const;
    // Launches a product kernel of the kernel shape's family (gemm_*, gram_*), its arguments set,
    // over a result of `m` rows and `n` columns.
    void launchProduct(const cl::Kernel& kernel, std::int64_t m, std::int64_t n) const;

    // dst [cols, rowsPadded] (row stride ldDst) = src [rows, cols]ᵀ with src's columns taken
    // through `permutation` when given; rows [rows, rowsPadded) of the result are zero.
    void transpose(const DeviceBuffer& src, std::int64_t rows, std::int64_t cols,
                   std::int64_t rowsPadded, const DeviceBuffer* permutation,
                   const DeviceBuffer& dst) const;

    // An element-wise kernel over [rows, cols] whose work-items take QB_VW columns each.
    void launchRows(const cl::Kernel& kernel, std::int64_t cols, std::int64_t rows) const;
    // Rows per slice of a [rows, cols] float matrix that fits the largest buffer (all of them
    // when they fit); throws Error when not even one row fits.
    std::int64_t sliceRowsFor(std::int64_t rows, std::int64_t cols) const;

    ComputeDevice m_device;
    KernelShape m_shape;
    std::int64_t m_maxBufferBytes = 0;
    std::int64_t m_localMemoryBytes = 0;
    bool m_cpuDevice = false;
    ProgramInfo m_programInfo;

    cl::Device m_clDevice;
    cl::Context m_context;
    // OpenCL objects whose state (the queue's commands, the kernels' arguments) every operation
    // changes: guarded by m_mutex, hence mutable in the const operations.
    mutable std::mutex m_mutex;
    mutable cl::CommandQueue m_queue;
    cl::Program m_program;
    struct Kernels {
        cl::Kernel gemm;
        cl::Kernel gram;
        cl::Kernel transpose;
        cl::Kernel groupParams;
        cl::Kernel quantizeCodes;
        cl::Kernel dequantizeCodes;
        cl::Kernel gptqGroupParams;
        cl::Kernel gptqBlock;
        cl::Kernel histogramLocal;
        cl::Kernel histogramGlobal;
        cl::Kernel histogramPrivate;
    };
    mutable Kernels m_kernels;
    // A 4-byte buffer for buffer arguments a launch does not use (bias without a bias, a
    // transpose without a permutation): some drivers mishandle null buffer arguments.
    cl::Buffer m_unused;

    mutable std::atomic<std::int64_t> m_currentBytes{0};
    mutable std::atomic<std::int64_t> m_peakBytes{0};
};

DeviceBuffer::DeviceBuffer(const OpenClBackend& backend, std::int64_t bytes)
    : m_backend(backend)
    , m_bytes(std::max<std::int64_t>(bytes, sizeof(float)))
{
    Q_ASSERT(m_bytes <= backend.m_maxBufferBytes);
    m_buffer = cl::Buffer(backend.m_context, CL_MEM_READ_WRITE, static_cast<std::size_t>(m_bytes));
    const std::int64_t current = (backend.m_currentBytes += m_bytes);
    std::int64_t peak = backend.m_peakBytes.load();
    while (current > peak && !backend.m_peakBytes.compare_exchange_weak(peak, current)) {
    }
}

DeviceBuffer::~DeviceBuffer()
{
    m_backend.m_currentBytes -= m_bytes;
}

OpenClBackend::OpenClBackend(const ComputeDevice& device, const Tuning& tuning)
    : m_device(device)
{
    try {
        const std::optional<std::pair<int, int>> index = device.openClIndices();
        std::vector<cl::Platform> platforms;
        cl::Platform::get(&platforms);
        std::vector<cl::Device> devices;
        if (index && index->first < int(platforms.size()))
            platforms[static_cast<std::size_t>(index->first)].getDevices(CL_DEVICE_TYPE_ALL,
                                                                         &devices);
        if (!index || index->second >= int(devices.size()))
            throw Error(tr("there is no OpenCL device %1").arg(device.id));
        m_clDevice = devices[static_cast<std::size_t>(index->second)];

        m_cpuDevice = (m_clDevice.getInfo<CL_DEVICE_TYPE>() & CL_DEVICE_TYPE_CPU) != 0;
        m_localMemoryBytes = std::int64_t(m_clDevice.getInfo<CL_DEVICE_LOCAL_MEM_SIZE>());
        const std::size_t maxWorkGroup = m_clDevice.getInfo<CL_DEVICE_MAX_WORK_GROUP_SIZE>();
        const std::vector<std::size_t> maxItems =
            m_clDevice.getInfo<CL_DEVICE_MAX_WORK_ITEM_SIZES>();
        // The tiled kernels and transpose_tiles run 16 × 16 work-groups, the element-wise ones
        // 256 × 1; every GPU and CPU OpenCL device of the last decade allows both.
        if (maxWorkGroup < kWideLocal || maxItems.size() < 2 || maxItems[0] < kWideLocal
            || maxItems[1] < kTileLocal)
            throw Error(tr("%1 allows work-groups of only %2 work-items; QuantBench's kernels "
                           "need 256")
                            .arg(device.name)
                            .arg(maxWorkGroup));

        std::int64_t maxBuffer = std::int64_t(m_clDevice.getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>());
        if (tuning.maxBufferBytes > 0)
            maxBuffer = std::min(maxBuffer, tuning.maxBufferBytes);
        m_maxBufferBytes = std::min<std::int64_t>(maxBuffer, std::numeric_limits<int>::max());

        m_programInfo.cpuDevice = m_cpuDevice;
        switch (tuning.kernels) {
        case Tuning::Kernels::Automatic:
            m_shape.direct = m_cpuDevice;
            break;
        case Tuning::Kernels::Direct:
            m_shape.direct = true;
            break;
        case Tuning::Kernels::Tiled:
            m_shape.direct = false;
            break;
        }
        int width = tuning.vectorWidth;
        if (width == 0) {
            width =
                m_cpuDevice ? int(m_clDevice.getInfo<CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT>()) : 1;
        }
        // The widest power of two in 1 … 16 not above the request.
        m_shape.vectorWidth = 1;
        while (m_shape.vectorWidth * 2 <= std::min(width, 16))
            m_shape.vectorWidth *= 2;
        // Register blocks of the direct products: 8 × 32 with 16-wide vectors (16 of the 32
        // AVX-512 registers hold C), else 4 × 16, which fits 16 registers from 4 lanes up.
        m_shape.rowsPerItem = m_shape.vectorWidth == 16 ? 8 : 4;
        m_shape.vectorsPerItem =
            std::max(1, (m_shape.vectorWidth == 16 ? 32 : 16) / m_shape.vectorWidth);

        const bool correctDivide = tuning.allowCorrectlyRoundedDivide
                                   && (m_clDevice.getInfo<CL_DEVICE_SINGLE_FP_CONFIG>()
                                       & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT)
                                          != 0;
        QString options = QStringLiteral("-cl-std=CL1.2");
        if (correctDivide)
            options += QStringLiteral(" -cl-fp32-correctly-rounded-divide-sqrt");
        options +=
            QStringLiteral(" -DQB_CORRECT_DIV=%1 -DQB_VW=%2 -DQB_GEMM_TM=%3 -DQB_GEMM_TNV=%4 "
                           "-DQB_GEMM_RB=%5 -DQB_GEMM_KB=%6")
                .arg(correctDivide ? 1 : 0)
                .arg(m_shape.vectorWidth)
                .arg(m_shape.rowsPerItem)
                .arg(m_shape.vectorsPerItem)
                .arg(m_shape.rowBlocksPerItem)
                .arg(m_shape.sliceDepth);
        m_programInfo.buildOptions = options;
        m_programInfo.kernels = m_shape.direct ? Tuning::Kernels::Direct : Tuning::Kernels::Tiled;
        m_programInfo.correctlyRoundedDivide = correctDivide;

        m_context = cl::Context(m_clDevice);
        m_queue = cl::CommandQueue(m_context, m_clDevice);
        buildProgram();

        const char* const gemmName = m_shape.direct ? "gemm_direct" : "gemm_tiled";
        const char* const gramName = m_shape.direct ? "gram_direct" : "gram_tiled";
        m_kernels.gemm = cl::Kernel(m_program, gemmName);
        m_kernels.gram = cl::Kernel(m_program, gramName);
        m_kernels.transpose = cl::Kernel(m_program, "transpose_tiles");
        m_kernels.groupParams = cl::Kernel(m_program, "group_params");
        m_kernels.quantizeCodes = cl::Kernel(m_program, "quantize_codes");
        m_kernels.dequantizeCodes = cl::Kernel(m_program, "dequantize_codes");
        m_kernels.gptqGroupParams = cl::Kernel(m_program, "gptq_group_params");
        m_kernels.gptqBlock = cl::Kernel(m_program, "gptq_block");
        m_kernels.histogramLocal = cl::Kernel(m_program, "histogram_local");
        m_kernels.histogramGlobal = cl::Kernel(m_program, "histogram_global");
        m_kernels.histogramPrivate = cl::Kernel(m_program, "histogram_private");
        m_unused = cl::Buffer(m_context, CL_MEM_READ_WRITE, sizeof(float));
    } catch (const cl::Error& error) {
        throw Error(describeClError(error));
    }
}

// The program from the cache when it holds a valid binary for this source, options, device and
// driver; else built from source and stored there (a failure to store is only a slower next
// start).
void OpenClBackend::buildProgram()
{
    const std::string& source = kernelSource();
    // The key names the device as it answers now (not as `device` was listed, which may be stale).
    const cl::Platform platform(m_clDevice.getInfo<CL_DEVICE_PLATFORM>());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& part :
         {m_programInfo.buildOptions, fromStd(platform.getInfo<CL_PLATFORM_NAME>()),
          fromStd(m_clDevice.getInfo<CL_DEVICE_NAME>()),
          fromStd(m_clDevice.getInfo<CL_DEVICE_VERSION>()),
          fromStd(m_clDevice.getInfo<CL_DRIVER_VERSION>())}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    hash.addData(QByteArrayView(source.data(), qsizetype(source.size())));
    const QString path =
        cacheDirectory() + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex());
    m_programInfo.cacheFile = path;
    if (loadCachedProgram(path)) {
        m_programInfo.fromCache = true;
        return;
    }
    m_programInfo.fromCache = false;
    m_program = cl::Program(m_context, source);
    const std::string options = m_programInfo.buildOptions.toStdString();
    try {
        m_program.build({m_clDevice}, options.c_str());
    } catch (const cl::Error& error) {
        if (error.err() != CL_BUILD_PROGRAM_FAILURE && error.err() != CL_INVALID_BUILD_OPTIONS)
            throw;
        QString log = fromStd(m_program.getBuildInfo<CL_PROGRAM_BUILD_LOG>(m_clDevice));
        if (log.size() > kBuildLogLimit)
            log = log.left(kBuildLogLimit) + QStringLiteral(" …");
        throw Error(tr("the OpenCL kernels do not build for %1 (%2): %3")
                        .arg(m_device.name, clErrorName(error.err()), log));
    }
    storeCachedProgram(path);
}

bool OpenClBackend::loadCachedProgram(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray contents = file.readAll();
    const qsizetype header = qsizetype(sizeof(kCacheMagic)) + 32;
    if (contents.size() <= header
        || std::memcmp(contents.constData(), kCacheMagic, sizeof(kCacheMagic)) != 0)
        return false;
    const QByteArrayView binary(contents.constData() + header, contents.size() - header);
    if (QCryptographicHash::hash(binary, QCryptographicHash::Sha256)
        != contents.mid(sizeof(kCacheMagic), 32))
        return false;
    try {
        const auto* bytes = reinterpret_cast<const unsigned char*>(binary.data());
        cl::Program::Binaries binaries{std::vector<unsigned char>(bytes, bytes + binary.size())};
        std::vector<cl_int> status;
        cl::Program program(m_context, {m_clDevice}, binaries, &status);
        if (status.empty() || status[0] != CL_SUCCESS)
            return false;
        program.build({m_clDevice}, m_programInfo.buildOptions.toStdString().c_str());
        m_program = program;
        return true;
    } catch (const cl::Error&) {
        return false; // a stale or damaged binary: rebuilt from source
    }
}

void OpenClBackend::storeCachedProgram(const QString& path) const
{
    try {
        const std::vector<std::vector<unsigned char>> binaries =
            m_program.getInfo<CL_PROGRAM_BINARIES>();
        if (binaries.size() != 1 || binaries[0].empty())
            return;
        const QByteArrayView binary(reinterpret_cast<const char*>(binaries[0].data()),
                                    qsizetype(binaries[0].size()));
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return;
        QSaveFile file(path); // a temporary file, renamed over `path` on commit
        if (!file.open(QIODevice::WriteOnly))
            return;
        file.write(kCacheMagic, sizeof(kCacheMagic));
        file.write(QCryptographicHash::hash(binary, QCryptographicHash::Sha256));
        file.write(binary.data(), binary.size());
        file.commit();
    } catch (const cl::Error&) {
        // No binary to store: the next start builds from source again.
    }
}

template <typename Operation> auto OpenClBackend::guarded(const Operation& operation) const
{
    const std::lock_guard lock(m_mutex);
    try {
        return operation();
    } catch (const cl::Error& error) {
        // Let the commands already queued finish before their buffers and the caller's host
        // memory go away.
        try {
            m_queue.finish();
        } catch (const cl::Error&) {
        }
        throw Error(describeClError(error));
    }
}

int OpenClBackend::toInt(std::int64_t value)
{
    Q_ASSERT(value >= 0 && value <= std::numeric_limits<int>::max());
    return static_cast<int>(value);
}

void OpenClBackend::write(const DeviceBuffer& buffer, const void* data, std::int64_t bytes,
                          std::int64_t offset) const
{
    if (bytes > 0)
        m_queue.enqueueWriteBuffer(buffer.get(), CL_TRUE, std::size_t(offset), std::size_t(bytes),
                                   data);
}

void OpenClBackend::read(const DeviceBuffer& buffer, void* data, std::int64_t bytes,
                         std::int64_t offset) const
{
    if (bytes > 0)
        m_queue.enqueueReadBuffer(buffer.get(), CL_TRUE, std::size_t(offset), std::size_t(bytes),
                                  data);
}

void OpenClBackend::fillZero(const DeviceBuffer& buffer) const
{
    m_queue.enqueueFillBuffer(buffer.get(), cl_uint(0), 0, std::size_t(buffer.bytes()));
}

void OpenClBackend::launchRows(const cl::Kernel& kernel, std::int64_t cols, std::int64_t rows) const
{
    const std::int64_t items = (cols + m_shape.vectorWidth - 1) / m_shape.vectorWidth;
    const std::int64_t local = m_cpuDevice ? kRowItemsLocalCpu : std::int64_t(kWideLocal);
    launch(kernel, cl::NDRange(std::size_t(roundUp(items, local)), std::size_t(rows)),
           cl::NDRange(std::size_t(local), 1));
}

std::int64_t OpenClBackend::sliceRowsFor(std::int64_t rows, std::int64_t cols) const
{
    const std::int64_t sliceRows = std::min(rows, maxBufferFloats() / cols);
    if (sliceRows < 1)
        throw Error(tr("a row of %1 weights is larger than the device's largest buffer").arg(cols));
    return sliceRows;
}

void OpenClBackend::gemm(std::int64_t m, std::int64_t n, std::int64_t k, const Operand& a,
                         const Operand& b, const Operand& c, const cl::Buffer* bias,
                         bool subtract) const
{
    cl::Kernel& kernel = m_kernels.gemm;
    setArgs(kernel, toInt(m), toInt(n), toInt(k), *a.buffer, toInt(a.offset), toInt(a.strideM),
            toInt(a.strideK), *b.buffer, toInt(b.offset), toInt(b.strideK), *c.buffer,
            toInt(c.offset), toInt(c.strideK), bias ? *bias : m_unused, bias ? 1 : 0,
            subtract ? 1 : 0);
    // gemm_direct's partial sums between slices of K (gemm.cl): in C when the result overwrites
    // it, else in a matrix of C's layout when there is more than one slice.
    std::optional<DeviceBuffer> partial;
    if (m_shape.direct) {
        if (subtract && k > m_shape.sliceDepth) {
            partial.emplace(*this, m * c.strideK * std::int64_t(sizeof(float)));
            setTrailingArgs(kernel, 16, partial->get(), 0, toInt(c.strideK));
        } else {
            setTrailingArgs(kernel, 16, *c.buffer, toInt(c.offset), toInt(c.strideK));
        }
    }
    launchProduct(kernel, m, n);
}

void OpenClBackend::launchProduct(const cl::Kernel& kernel, std::int64_t m, std::int64_t n) const
{
    if (m_shape.direct) {
        const std::int64_t blocksN = (n + m_shape.columnsPerItem() - 1) / m_shape.columnsPerItem();
        const std::int64_t rowsPerItem =
            std::int64_t(m_shape.rowsPerItem) * m_shape.rowBlocksPerItem;
        const std::int64_t itemsM = (m + rowsPerItem - 1) / rowsPerItem;
        launch(kernel, cl::NDRange(std::size_t(blocksN), std::size_t(itemsM)), cl::NDRange(1, 1));
    } else {
        launch(kernel,
               cl::NDRange(std::size_t(roundUp(n, 64) / 4), std::size_t(roundUp(m, 64) / 4)),
               cl::NDRange(kTileLocal, kTileLocal));
    }
}

void OpenClBackend::transpose(const DeviceBuffer& src, std::int64_t rows, std::int64_t cols,
                              std::int64_t rowsPadded, const DeviceBuffer* permutation,
                              const DeviceBuffer& dst) const
{
    cl::Kernel& kernel = m_kernels.transpose;
    setArgs(kernel, src.get(), toInt(rows), toInt(cols), toInt(rowsPadded),
            permutation ? permutation->get() : m_unused, permutation ? 1 : 0, dst.get(),
            toInt(rowsPadded));
    launch(kernel,
           cl::NDRange(std::size_t(roundUp(rowsPadded, kTileLocal)),
                       std::size_t(roundUp(cols, kTileLocal))),
           cl::NDRange(kTileLocal, kTileLocal));
}

// X^T X per panel of rows (all of them unless [k, k] floats exceed the largest buffer) and per
// slab of at most kGramSlabRows rows of x (fewer when a slab of k columns would exceed it): each
// slab's float32 product is added into the panel's float pair (hi, lo) on the device (gram.cl), and
// the panels are read back and added into xtx in double once all have succeeded.
//
// The device forms the upper triangle, row-major: its row j is column j of xtx's lower triangle
// (the matrix is symmetric), so that the final additions stream through both.
void OpenClBackend::accumulateGram(const RowMatrix& x, Eigen::MatrixXd& xtx) const
{
    const std::int64_t k = x.cols();
    const std::int64_t n = x.rows();
    Q_ASSERT(xtx.rows() == k && xtx.cols() == k);
    if (k == 0 || n == 0)
        return;
    const std::int64_t ld = roundUp(k, kColumnPad);
    const std::int64_t slabRows = std::min({kGramSlabRows, n, maxBufferFloats() / ld});
    // Rows per panel: a multiple of kColumnPad unless one panel holds them all, so that every
    // panel's first column c0 keeps the products' B vectors inside x's padded rows.
    std::int64_t panel = k;
    if (k * ld > maxBufferFloats())
        panel = maxBufferFloats() / ld / kColumnPad * kColumnPad;
    if (slabRows < 1 || panel < 1)
        throw Error(tr("X^T X of %1 input channels needs larger buffers than the device allows "
                       "(%2 MiB)")
                        .arg(k)
                        .arg(m_maxBufferBytes >> 20));

    // The upper triangle of the sum as float pairs, [k, k] row-major, until every panel is done.
    std::vector<float> hiAll(static_cast<std::size_t>(k * k));
    std::vector<float> loAll(static_cast<std::size_t>(k * k));
    guarded([&] {
        DeviceBuffer slab(*this, slabRows * ld * std::int64_t(sizeof(float)));
        fillZero(slab); // the padding columns stay zero
        for (std::int64_t c0 = 0; c0 < k; c0 += panel) {
            const std::int64_t height = std::min(panel, k - c0); // rows [c0, c0 + height)
            const std::int64_t width = k - c0;                   // columns [c0, k)
            const std::int64_t widthPadded = roundUp(width, kColumnPad);
            DeviceBuffer hi(*this, height * widthPadded * std::int64_t(sizeof(float)));
            DeviceBuffer lo(*this, height * widthPadded * std::int64_t(sizeof(float)));
            fillZero(hi);
            fillZero(lo);
            // gram_direct's partial sums between slices of a slab's rows (gemm.cl).
            std::optional<DeviceBuffer> partial;
            if (m_shape.direct && std::min(slabRows, n) > m_shape.sliceDepth)
                partial.emplace(*this, height * widthPadded * std::int64_t(sizeof(float)));
            for (std::int64_t s = 0; s < n; s += slabRows) {
                const std::int64_t m = std::min(slabRows, n - s);
                m_queue.enqueueWriteBufferRect(slab.get(), CL_TRUE, {0, 0, 0},
                                               {0, std::size_t(s), 0},
                                               {std::size_t(k) * sizeof(float), std::size_t(m), 1},
                                               std::size_t(ld) * sizeof(float), 0,
                                               std::size_t(k) * sizeof(float), 0, x.data());
                cl::Kernel& kernel = m_kernels.gram;
                setArgs(kernel, toInt(height), toInt(width), toInt(m), slab.get(), toInt(c0),
                        toInt(ld), hi.get(), lo.get(), toInt(widthPadded));
                if (m_shape.direct)
                    setTrailingArgs(kernel, 9, partial ? partial->get() : m_unused);
                launchProduct(kernel, height, width);
            }
            for (auto [buffer, target] : {std::pair{&hi, &hiAll}, std::pair{&lo, &loAll}}) {
                m_queue.enqueueReadBufferRect(
                    buffer->get(), CL_TRUE, {0, 0, 0},
                    {std::size_t(c0) * sizeof(float), std::size_t(c0), 0},
                    {std::size_t(width) * sizeof(float), std::size_t(height), 1},
                    std::size_t(widthPadded) * sizeof(float), 0, std::size_t(k) * sizeof(float), 0,
                    target->data());
            }
        }
    });
    // xtx(i, j), i >= j, is the device's (j, i): xtx's column j is the pairs' row j.
    parallelFor(k, std::max<std::int64_t>(1, (std::int64_t(1) << 16) / k),
                [&](std::int64_t begin, std::int64_t end) {
                    for (std::int64_t j = begin; j < end; ++j) {
                        const float* hiRow = hiAll.data() + j * k;
                        const float* loRow = loAll.data() + j * k;
                        double* column = xtx.col(j).data();
                        for (std::int64_t i = j; i < k; ++i)
                            column[i] += double(hiRow[i]) + double(loRow[i]);
                    }
                });
}

// y = x · weightᵀ (+ bias): weightᵀ transposed on the device into a [in, out] operand (n
// contiguous, as the products want B), by blocks of output columns and of rows small enough for
// the device's largest buffer.
void OpenClBackend::linear(const RowMatrix& x, const float* weight, std::int64_t out,
                           const float* bias, RowMatrix& y) const
{
    const std::int64_t rows = x.rows();
    const std::int64_t in = x.cols();
    y.resize(rows, out);
    if (rows == 0 || out == 0)
        return;
    if (in == 0) {
        y.setZero();
        if (bias)
            y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bias, out);
        return;
    }
    const std::int64_t limit = maxBufferFloats();
    std::int64_t columns = out; // output columns per block
    if (in * roundUp(out, kColumnPad) > limit)
        columns = limit / in / kColumnPad * kColumnPad;
    const std::int64_t columnsPadded = roundUp(std::min(columns, out), kColumnPad);
    const std::int64_t rowBlock =
        columnsPadded > 0 ? std::min({rows, limit / in, limit / columnsPadded}) : 0;
    if (columns < 1 || rowBlock < 1)
        throw Error(tr("a product with %1 inputs needs larger buffers than the device allows "
                       "(%2 MiB)")
                        .arg(in)
                        .arg(m_maxBufferBytes >> 20));

    guarded([&] {
        std::optional<DeviceBuffer> xBlock;
        std::int64_t residentRow = -1;
        DeviceBuffer wt(*this, in * columnsPadded * std::int64_t(sizeof(float)));
        DeviceBuffer biasBlock(*this, columnsPadded * std::int64_t(sizeof(float)));
        DeviceBuffer yBlock(*this, rowBlock * columnsPadded * std::int64_t(sizeof(float)));
        for (std::int64_t o0 = 0; o0 < out; o0 += columns) {
            const std::int64_t width = std::min(columns, out - o0);
            const std::int64_t widthPadded = roundUp(width, kColumnPad);
            {
                DeviceBuffer w(*this, width * in * std::int64_t(sizeof(float)));
                write(w, weight + o0 * in, width * in * std::int64_t(sizeof(float)));
                transpose(w, width, in, widthPadded, nullptr, wt);
            }
            if (bias) {
                fillZero(biasBlock);
                write(biasBlock, bias + o0, width * std::int64_t(sizeof(float)));
            }
            for (std::int64_t r0 = 0; r0 < rows; r0 += rowBlock) {
                const std::int64_t height = std::min(rowBlock, rows - r0);
                if (residentRow != r0) {
                    if (!xBlock)
                        xBlock.emplace(*this, rowBlock * in * std::int64_t(sizeof(float)));
                    write(*xBlock, x.data() + r0 * in, height * in * std::int64_t(sizeof(float)));
                    residentRow = r0;
                }
                gemm(height, width, in, {&xBlock->get(), 0, in, 1}, {&wt.get(), 0, 0, widthPadded},
                     {&yBlock.get(), 0, 0, widthPadded}, bias ? &biasBlock.get() : nullptr, false);
                m_queue.enqueueReadBufferRect(
                    yBlock.get(), CL_TRUE, {0, 0, 0},
                    {std::size_t(o0) * sizeof(float), std::size_t(r0), 0},
                    {std::size_t(width) * sizeof(float), std::size_t(height), 1},
                    std::size_t(widthPadded) * sizeof(float), 0, std::size_t(out) * sizeof(float),
                    0, y.data());
            }
        }
    });
}

// The grids (group_params) and codes (quantize_codes) by slices of rows that fit the largest
// buffer. Per tensor, a first pass takes every row's extremes and the host finishes the one grid
// with the reference function itself (its result depends on the extremes only).
QuantizedTensor OpenClBackend::quantizeRtn(std::span<const float> weight, std::int64_t rows,
                                           std::int64_t cols, const QuantScheme& scheme) const
{
    Q_ASSERT(static_cast<std::int64_t>(weight.size()) == rows * cols);
    if (rows == 0 || cols == 0)
        return qb::quantizeRtn(weight, rows, cols, scheme);
    QuantizedTensor result = QuantizedTensor::allocate(scheme, rows, cols);
    const std::int64_t width = result.groupWidth;
    const std::int64_t groups = result.groupsPerRow;
    const std::int64_t sliceRows = sliceRowsFor(rows, cols);
    const bool perTensor = scheme.granularity == Granularity::PerTensor;
    const float maxq = float(scheme.maxCode());
    const std::int64_t floatBytes = sizeof(float);
    const std::int64_t paramBytes = sizeof(GridParams);

    const std::vector<std::int32_t> groupOf = columnGroups(result);

    guarded([&] {
        DeviceBuffer values(*this, sliceRows * cols * floatBytes);
        DeviceBuffer params(*this, sliceRows * groups * paramBytes);
        DeviceBuffer codes(*this, sliceRows * cols);
        DeviceBuffer groupIndex(*this, cols * std::int64_t(sizeof(std::int32_t)));
        write(groupIndex, groupOf.data(), cols * std::int64_t(sizeof(std::int32_t)));
        std::int64_t resident = -1; // first row of the slice in `values`
        const auto upload = [&](std::int64_t r0, std::int64_t height) {
            if (resident != r0)
                write(values, weight.data() + r0 * cols, height * cols * floatBytes);
            resident = r0;
        };
        const auto gridParams = [&](std::int64_t height, bool minMaxOnly) {
            cl::Kernel& kernel = m_kernels.groupParams;
            setArgs(kernel, values.get(), toInt(height), toInt(cols), toInt(width), toInt(groups),
                    maxq, scheme.symmetric ? 1 : 0, minMaxOnly ? 1 : 0, params.get());
            launch(kernel, cl::NDRange(std::size_t(groups), std::size_t(height)), cl::NullRange);
        };

        if (perTensor) {
            std::vector<float> extremes(static_cast<std::size_t>(2 * rows));
            for (std::int64_t r0 = 0; r0 < rows; r0 += sliceRows) {
                const std::int64_t height = std::min(sliceRows, rows - r0);
                upload(r0, height);
                gridParams(height, true);
                read(params, extremes.data() + 2 * r0, height * paramBytes);
            }
            std::fill(result.params.begin(), result.params.end(),
                      minMaxGridParams(extremes.data(), 2 * rows, scheme.bits, scheme.symmetric));
        }
        for (std::int64_t r0 = 0; r0 < rows; r0 += sliceRows) {
            const std::int64_t height = std::min(sliceRows, rows - r0);
            upload(r0, height);
            if (perTensor)
                write(params, result.params.data() + r0, height * paramBytes);
            else
                gridParams(height, false);
            cl::Kernel& kernel = m_kernels.quantizeCodes;
            setArgs(kernel, values.get(), toInt(height), toInt(cols), groupIndex.get(), 1,
                    params.get(), toInt(groups), maxq, codes.get());
            launchRows(kernel, cols, height);
            read(codes, result.codes.data() + r0 * cols, height * cols);
            if (!perTensor)
                read(params, result.params.data() + r0 * groups, height * groups * paramBytes);
        }
    });
    return result;
}

std::vector<float> OpenClBackend::dequantize(const QuantizedTensor& tensor) const
{
    const std::int64_t rows = tensor.rows;
    const std::int64_t cols = tensor.cols;
    std::vector<float> values(static_cast<std::size_t>(rows * cols));
    if (rows == 0 || cols == 0)
        return values;
    const std::int64_t groups = tensor.groupsPerRow;
    const std::int64_t sliceRows = sliceRowsFor(rows, cols);
    const std::vector<std::int32_t> groupOf = columnGroups(tensor);
    const std::int64_t paramBytes = sizeof(GridParams);

    guarded([&] {
        DeviceBuffer codes(*this, sliceRows * cols);
        DeviceBuffer params(*this, sliceRows * groups * paramBytes);
        DeviceBuffer output(*this, sliceRows * cols * std::int64_t(sizeof(float)));
        DeviceBuffer groupIndex(*this, cols * std::int64_t(sizeof(std::int32_t)));
        write(groupIndex, groupOf.data(), cols * std::int64_t(sizeof(std::int32_t)));
        for (std::int64_t r0 = 0; r0 < rows; r0 += sliceRows) {
            const std::int64_t height = std::min(sliceRows, rows - r0);
            write(codes, tensor.codes.data() + r0 * cols, height * cols);
            write(params, tensor.params.data() + r0 * groups, height * groups * paramBytes);
            cl::Kernel& kernel = m_kernels.dequantizeCodes;
            setArgs(kernel, codes.get(), toInt(height), toInt(cols), groupIndex.get(),
                    tensor.groupIndex.empty() ? 1 : 0, params.get(), toInt(groups), output.get());
            launchRows(kernel, cols, height);
            read(output, values.data() + r0 * cols, height * cols * std::int64_t(sizeof(float)));
        }
    });
    return values;
}

// GPTQ by slices of rows (they never mix), each through the whole loop of gptq.cl: W gathered
// column-major in quantization order, per block the in-loop grids, the in-block loop and the lazy
// update as a product with U (uploaded once, as Eigen stores it: column-major U is the row-major
// Uᵀ the product reads with m stride cols and k stride 1).
void OpenClBackend::gptqColumnLoop(const GptqColumnLoop& loop, QuantizedTensor& tensor) const
{
    const std::int64_t rows = loop.rows;
    const std::int64_t cols = loop.cols;
    if (rows == 0 || cols == 0)
        return;
    const Eigen::MatrixXf& u = *loop.upper;
    Q_ASSERT(u.rows() == cols && u.cols() == cols);
    const std::int64_t blockSize = std::max(1, loop.blockSize);
    const std::int64_t blocks = (cols + blockSize - 1) / blockSize;
    const std::int64_t limit = maxBufferFloats();
    if (cols * cols > limit)
        throw Error(tr("GPTQ's inverse Hessian factor for %1 columns (%2 MiB) is larger than the "
                       "device's largest buffer (%3 MiB)")
                        .arg(cols)
                        .arg(cols * cols * std::int64_t(sizeof(float)) >> 20)
                        .arg(m_maxBufferBytes >> 20));
    // Rows per slice: W (gathered and padded) must fit; a multiple of kColumnPad unless one
    // slice holds every row.
    std::int64_t sliceRows = rows;
    if (cols * roundUp(rows, kColumnPad) > limit || blockSize * roundUp(rows, kColumnPad) > limit)
        sliceRows = std::min(limit / cols, limit / blockSize) / kColumnPad * kColumnPad;
    if (sliceRows < 1)
        throw Error(tr("GPTQ on %1 columns needs larger buffers than the device allows (%2 MiB)")
                        .arg(cols)
                        .arg(m_maxBufferBytes >> 20));

    // The diagonal blocks of U, each [blockSize, blockSize] row-major (upper triangle filled).
    std::vector<float> diagonalBlocks(static_cast<std::size_t>(blocks * blockSize * blockSize));
    for (std::int64_t b = 0; b < blocks; ++b) {
        const std::int64_t i1 = b * blockSize;
        const std::int64_t count = std::min(blockSize, cols - i1);
        float* target = diagonalBlocks.data() + b * blockSize * blockSize;
        for (std::int64_t i = 0; i < count; ++i) {
            for (std::int64_t j = i; j < count; ++j)
                target[i * blockSize + j] = u(i1 + i, i1 + j);
        }
    }
    const bool grouped = tensor.scheme.granularity == Granularity::Group;
    const int groupMode = grouped ? (loop.groupsInLoop ? 1 : 2) : 0; // 2: static groups
    const std::int64_t width = tensor.groupWidth;
    const std::int64_t groups = tensor.groupsPerRow;
    const float maxq = float(tensor.scheme.maxCode());
    const std::int64_t floatBytes = sizeof(float);
    const std::int64_t paramBytes = sizeof(GridParams);

    guarded([&] {
        DeviceBuffer upper(*this, cols * cols * floatBytes);
        write(upper, u.data(), cols * cols * floatBytes);
        DeviceBuffer diagonal(*this, std::int64_t(diagonalBlocks.size()) * floatBytes);
        write(diagonal, diagonalBlocks.data(), std::int64_t(diagonalBlocks.size()) * floatBytes);
        DeviceBuffer order(*this, cols * std::int64_t(sizeof(std::int32_t)));
        write(order, loop.order.data(), cols * std::int64_t(sizeof(std::int32_t)));

        for (std::int64_t r0 = 0; r0 < rows; r0 += sliceRows) {
            const std::int64_t height = std::min(sliceRows, rows - r0);
            const std::int64_t ldw = roundUp(height, kColumnPad);
            DeviceBuffer w(*this, cols * ldw * floatBytes);
            {
                DeviceBuffer source(*this, height * cols * floatBytes);
                write(source, loop.weight.data() + r0 * cols, height * cols * floatBytes);
                transpose(source, height, cols, ldw, &order, w);
            }
            DeviceBuffer params(*this, height * groups * paramBytes);
            if (!loop.groupsInLoop)
                write(params, tensor.params.data() + r0 * groups, height * groups * paramBytes);
            DeviceBuffer codes(*this, height * cols);
            DeviceBuffer errors(*this, blockSize * ldw * floatBytes);

            for (std::int64_t b = 0; b < blocks; ++b) {
                const std::int64_t i1 = b * blockSize;
                const std::int64_t count = std::min(blockSize, cols - i1);
                if (loop.groupsInLoop) {
                    const std::int64_t firstGroup = (i1 + width - 1) / width;
                    const std::int64_t lastGroup = (i1 + count - 1) / width;
                    if (firstGroup <= lastGroup) {
                        cl::Kernel& kernel = m_kernels.gptqGroupParams;
                        setArgs(kernel, w.get(), toInt(ldw), toInt(height), toInt(cols),
                                toInt(firstGroup), toInt(width), maxq,
                                tensor.scheme.symmetric ? 1 : 0, params.get(), toInt(groups));
                        launch(kernel,
                               cl::NDRange(std::size_t(roundUp(height, 64)),
                                           std::size_t(lastGroup - firstGroup + 1)),
                               cl::NDRange(64, 1));
                    }
                }
                {
                    cl::Kernel& kernel = m_kernels.gptqBlock;
                    setArgs(kernel, w.get(), toInt(ldw), toInt(height), toInt(cols), toInt(i1),
                            toInt(count), order.get(), diagonal.get(),
                            toInt(b * blockSize * blockSize), toInt(blockSize), params.get(),
                            toInt(groups), groupMode, toInt(width), maxq, codes.get(),
                            errors.get());
                    const std::int64_t items = ldw / m_shape.vectorWidth;
                    const std::int64_t local = m_cpuDevice ? 8 : 64;
                    launch(kernel, cl::NDRange(std::size_t(roundUp(items, local))),
                           cl::NDRange(std::size_t(local)));
                }
                const std::int64_t i2 = i1 + count;
                if (i2 < cols) {
                    // W[i2:, rows] −= U[i1:i2, i2:]ᵀ · E: A (m = column c − i2, k = j) =
                    // U(i1 + j, c) = Uᵀ[c · cols + i1 + j].
                    gemm(cols - i2, height, count, {&upper.get(), i2 * cols + i1, cols, 1},
                         {&errors.get(), 0, 0, ldw}, {&w.get(), i2 * ldw, 0, ldw}, nullptr, true);
                }
            }
            read(codes, tensor.codes.data() + r0 * cols, height * cols);
            if (loop.groupsInLoop)
                read(params, tensor.params.data() + r0 * groups, height * groups * paramBytes);
        }
    });
}

std::vector<std::int64_t> OpenClBackend::histogram(std::span<const float> values, float lo,
                                                   float hi, int bins) const
{
    Q_ASSERT(hi > lo && bins >= 1);
    std::vector<std::int64_t> counts(static_cast<std::size_t>(bins), 0);
    const auto count = static_cast<std::int64_t>(values.size());
    if (count == 0)
        return counts;
    const float scale = static_cast<float>(bins) / (hi - lo);
    const std::int64_t chunk = std::min({count, kHistogramChunk, maxBufferFloats()});
    const bool useLocal = std::int64_t(bins) * 4 <= m_localMemoryBytes / 2;
    const std::int64_t maxGroups = std::max(1, m_device.computeUnits) * kHistogramGroupsPerUnit;

    guarded([&] {
        // The private-counter kernel reads the values in place (no input buffer to fill).
        const bool privateCounts = m_shape.direct && bins <= kHistogramPrivateBins;
        DeviceBuffer input(*this, privateCounts ? 0 : chunk * std::int64_t(sizeof(float)));
        DeviceBuffer counters(*this, std::int64_t(bins) * std::int64_t(sizeof(cl_uint)));
        std::vector<cl_uint> partial(static_cast<std::size_t>(bins));
        for (std::int64_t first = 0; first < count; first += chunk) {
            const std::int64_t n = std::min(chunk, count - first);
            if (!privateCounts)
                write(input, values.data() + first, n * std::int64_t(sizeof(float)));
            fillZero(counters);
            const std::int64_t groups = std::clamp<std::int64_t>(
                (n + kWideLocal * 16 - 1) / (kWideLocal * 16), 1, maxGroups);
            const cl::NDRange global(std::size_t(groups) * kWideLocal);
            if (privateCounts) {
                cl::Kernel& kernel = m_kernels.histogramPrivate;
                // On a CPU device the kernel reads the caller's values where they are: copying
                // them into a buffer first costs as much as counting them.
                const cl::Buffer hostValues(m_context, CL_MEM_READ_ONLY | CL_MEM_USE_HOST_PTR,
                                            static_cast<std::size_t>(n) * sizeof(float),
                                            const_cast<float*>(values.data() + first));
                setArgs(kernel, hostValues, toInt(n), lo, scale, bins, counters.get());
                const std::int64_t items =
                    std::clamp<std::int64_t>(n / 4096, 1,
                                             std::int64_t(std::max(1, m_device.computeUnits))
                                                 * kHistogramPrivateItemsPerUnit);
                launch(kernel, cl::NDRange(std::size_t(items)), cl::NDRange(1));
            } else if (useLocal) {
                cl::Kernel& kernel = m_kernels.histogramLocal;
                setArgs(kernel, input.get(), toInt(n), lo, scale, bins,
                        cl::Local(std::size_t(bins) * sizeof(cl_uint)), counters.get());
                launch(kernel, global, cl::NDRange(kWideLocal));
            } else {
                cl::Kernel& kernel = m_kernels.histogramGlobal;
                setArgs(kernel, input.get(), toInt(n), lo, scale, bins, counters.get());
                launch(kernel, global, cl::NDRange(kWideLocal));
            }
            read(counters, partial.data(), std::int64_t(bins) * std::int64_t(sizeof(cl_uint)));
            for (int b = 0; b < bins; ++b)
                counts[static_cast<std::size_t>(b)] += partial[static_cast<std::size_t>(b)];
        }
    });
    return counts;
}

} // namespace

std::vector<ComputeDevice> listDevices(QString* problem)
{
    if (problem)
        problem->clear();
    std::vector<ComputeDevice> devices;
    try {
        std::vector<cl::Platform> platforms;
        cl::Platform::get(&platforms);
        for (std::size_t p = 0; p < platforms.size(); ++p) {
            std::vector<cl::Device> platformDevices;
            try {
                platforms[p].getDevices(CL_DEVICE_TYPE_ALL, &platformDevices);
            } catch (const cl::Error& error) {
                if (error.err() == CL_DEVICE_NOT_FOUND)
                    continue; // a platform without devices (an ICD whose hardware is absent)
                throw;
            }
            const QString platformName = fromStd(platforms[p].getInfo<CL_PLATFORM_NAME>());
            for (std::size_t d = 0; d < platformDevices.size(); ++d) {
                const cl::Device& device = platformDevices[d];
                ComputeDevice entry;
                entry.id = QStringLiteral("opencl:%1:%2").arg(p).arg(d);
                entry.platform = platformName;
                entry.name = fromStd(device.getInfo<CL_DEVICE_NAME>());
                entry.deviceVersion = fromStd(device.getInfo<CL_DEVICE_VERSION>());
                entry.driverVersion = fromStd(device.getInfo<CL_DRIVER_VERSION>());
                entry.globalMemoryBytes = std::int64_t(device.getInfo<CL_DEVICE_GLOBAL_MEM_SIZE>());
                entry.maxAllocationBytes =
                    std::int64_t(device.getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>());
                entry.computeUnits = int(device.getInfo<CL_DEVICE_MAX_COMPUTE_UNITS>());
                devices.push_back(std::move(entry));
            }
        }
    } catch (const cl::Error& error) {
        if (problem)
            *problem = describeClError(error);
        return {};
    } catch (const std::exception& error) {
        if (problem)
            *problem = QCoreApplication::translate("qb::OpenClBackend",
                                                   "listing the OpenCL devices failed: %1")
                           .arg(QString::fromLocal8Bit(error.what()));
        return {};
    }
    if (devices.empty() && problem)
        *problem =
            QCoreApplication::translate("qb::OpenClBackend", "the OpenCL platforms list no device");
    return devices;
}

std::shared_ptr<const ComputeBackend> createBackend(const ComputeDevice& device)
{
    return createBackend(device, Tuning{});
}

std::shared_ptr<const ComputeBackend> createBackend(const ComputeDevice& device,
                                                    const Tuning& tuning)
{
    return std::make_shared<const OpenClBackend>(device, tuning);
}

ProgramInfo programInfo(const ComputeBackend& backend)
{
    if (const auto* openCl = dynamic_cast<const OpenClBackend*>(&backend))
        return openCl->programInfo();
    return {};
}

} // namespace qb::opencl
