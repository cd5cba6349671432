// SafetensorsFile: well-formed files read back exactly, and every kind of hostile file refused
// with a qb::Error whose message names the file, the tensor and the problem, never a crash.

#include "core/io/safetensors_file.h"
#include "core/io/safetensors_writer.h"
#include "core/util/error.h"
#include "tests/support/synthetic_checkpoint.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <exception>
#include <optional>
#include <random>

using namespace qb;

namespace {

// The bytes of a safetensors file: 8-byte little-endian length, header, data. `headerLength`
// overrides the length field when >= 0.
QByteArray fileBytes(const QByteArray& header, const QByteArray& data = {},
                     std::int64_t headerLength = -1)
{
    const std::uint64_t length = headerLength >= 0 ? static_cast<std::uint64_t>(headerLength)
                                                   : static_cast<std::uint64_t>(header.size());
    QByteArray bytes(8, '\0');
    std::memcpy(bytes.data(), &length, 8);
    return bytes + header + data;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Runs SafetensorsFile::open and returns the message of the qb::Error it throws, or nothing if it
// succeeds. Any other exception fails the test.
std::optional<QString> openError(const QString& path)
{
    try {
        SafetensorsFile::open(path);
    } catch (const Error& error) {
        return error.message();
    } catch (const std::exception& other) {
        return QStringLiteral("UNEXPECTED std::exception: ") + QString::fromLocal8Bit(other.what());
    }
    return std::nullopt;
}

std::vector<float> randomValues(std::size_t count, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> values(count);
    for (float& v : values)
        v = normal(rng);
    return values;
}

// What reading `values` stored as `dtype` gives back as float32.
std::vector<float> roundTripped(const std::vector<float>& values, DType dtype)
{
    std::vector<float> out(values.size());
    const QByteArray bytes = test::encodeFloats(values, dtype);
    convertToFloat(dtype, reinterpret_cast<const std::byte*>(bytes.constData()), out);
    return out;
}

QByteArray int32Bytes(const std::vector<std::int32_t>& values)
{
    return QByteArray(reinterpret_cast<const char*>(values.data()),
                      static_cast<qsizetype>(values.size() * sizeof(std::int32_t)));
}

// One row of hostile_data(): the file's bytes, the substrings the error message must hold, and
// a size to extend the file to (sparse) when > 0.
void addHostileRow(const char* tag, const QByteArray& bytes, const QStringList& expected,
                   qint64 resizeTo = 0)
{
    QTest::newRow(tag) << bytes << resizeTo << expected;
}

} // namespace

class TestSafetensorsFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("model.safetensors"));

        const std::vector<float> a = randomValues(12, 1);
        const std::vector<float> b = randomValues(5, 2);
        const std::vector<float> c = randomValues(6, 3);
        const std::vector<float> d = randomValues(2, 4);
        const std::vector<std::int32_t> e{7, -3, 1 << 30};
        // Declared in this order, so data offsets follow it; names sort differently on purpose.
        test::writeSafetensors(
            path,
            {{QStringLiteral("z.f32"), DType::F32, {3, 4}, test::encodeFloats(a, DType::F32)},
             {QStringLiteral("y.f16"), DType::F16, {5}, test::encodeFloats(b, DType::F16)},
             {QStringLiteral("x.bf16"), DType::BF16, {2, 3}, test::encodeFloats(c, DType::BF16)},
             {QStringLiteral("w.f64"), DType::F64, {1, 2}, test::encodeFloats(d, DType::F64)},
             {QStringLiteral("v.i32"), DType::I32, {3}, int32Bytes(e)}},
            QJsonObject{{QStringLiteral("format"), QStringLiteral("pt")},
                        {QStringLiteral("note"), QStringLiteral("ünïcode ok")}});

        const auto file = SafetensorsFile::open(path);
        QCOMPARE(file->path(), path);
        QCOMPARE(file->fileSize(), static_cast<std::uint64_t>(QFileInfo(path).size()));
        QCOMPARE(file->metadata().size(), 2);
        QCOMPARE(file->metadata().value(QStringLiteral("format")), QStringLiteral("pt"));
        QCOMPARE(file->metadata().value(QStringLiteral("note")), QStringLiteral("ünïcode ok"));

        // tensors() is in data-offset order, not the header's (alphabetical) key order.
        const auto& tensors = file->tensors();
        QCOMPARE(tensors.size(), std::size_t(5));
        const QStringList order{"z.f32", "y.f16", "x.bf16", "w.f64", "v.i32"};
        for (std::size_t i = 0; i < tensors.size(); ++i)
            QCOMPARE(tensors[i].name, order[int(i)]);

        struct Expected {
            const char* name;
            DType dtype;
            std::vector<std::int64_t> shape;
            const std::vector<float>* values;
        };
        const Expected expected[] = {{"z.f32", DType::F32, {3, 4}, &a},
                                     {"y.f16", DType::F16, {5}, &b},
                                     {"x.bf16", DType::BF16, {2, 3}, &c},
                                     {"w.f64", DType::F64, {1, 2}, &d}};
        for (const Expected& x : expected) {
            const TensorInfo* info = file->find(QString::fromLatin1(x.name));
            QVERIFY2(info, x.name);
            QCOMPARE(info->dtype, x.dtype); // the source dtype is kept, not the float32 it reads as
            QCOMPARE(info->shape, x.shape);
            QCOMPARE(info->elementCount(), std::int64_t(x.values->size()));
            QCOMPARE(info->byteSize(), std::uint64_t(x.values->size()) * dtypeSize(x.dtype));
            QCOMPARE(file->bytes(*info).size(), std::size_t(info->byteSize()));
            QCOMPARE(file->readFloat(*info), roundTripped(*x.values, x.dtype));
        }
        QCOMPARE(file->readFloat(*file->find(QStringLiteral("z.f32"))), a); // F32 is exact
        QCOMPARE(file->find(QStringLiteral("z.f32"))->shapeText(), QStringLiteral("[3, 4]"));

        // A non-float tensor is listed, its bytes are there, but it cannot be read as float.
        const TensorInfo* ints = file->find(QStringLiteral("v.i32"));
        QVERIFY(ints);
        QCOMPARE(ints->dtype, DType::I32);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(file->bytes(*ints).data()), 12),
                 int32Bytes(e));
        try {
            file->readFloat(*ints);
            QFAIL("reading an I32 tensor as float must throw");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(path), qPrintable(error.message()));
            QVERIFY2(error.message().contains(QStringLiteral("\"v.i32\"")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(QStringLiteral("I32")), qPrintable(error.message()));
        }

        QVERIFY(!file->find(QStringLiteral("nope")));
        QVERIFY(!file->find(QStringLiteral("__metadata__")));
    }

    void partialRead_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<qlonglong>("first");
        QTest::addColumn<int>("count");
        QTest::newRow("F32 middle") << int(DType::F32) << 37LL << 50;
        QTest::newRow("F16 odd start") << int(DType::F16) << 1LL << 99;
        QTest::newRow("BF16 last element") << int(DType::BF16) << 199LL << 1;
        QTest::newRow("F64 whole") << int(DType::F64) << 0LL << 200;
        QTest::newRow("F32 empty span at end") << int(DType::F32) << 200LL << 0;
    }

    void partialRead()
    {
        QFETCH(int, dtype);
        QFETCH(qlonglong, first);
        QFETCH(int, count);
        const auto type = static_cast<DType>(dtype);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("part.safetensors"));
        const std::vector<float> values = randomValues(200, 9);
        // A one-byte tensor first so the float tensor's data start unaligned in the map.
        test::writeSafetensors(
            path, {{QStringLiteral("pad"), DType::U8, {1}, QByteArray(1, '\x5a')},
                   {QStringLiteral("t"), type, {10, 20}, test::encodeFloats(values, type)}});
        const auto file = SafetensorsFile::open(path);
        const TensorInfo* info = file->find(QStringLiteral("t"));
        QVERIFY(info);
        const std::vector<float> all = roundTripped(values, type);
        std::vector<float> part(static_cast<std::size_t>(count), -12345.0f);
        file->readFloat(*info, first, part);
        const auto begin = all.begin() + first;
        QCOMPARE(part, std::vector<float>(begin, begin + count));
    }

    void zeroSizeTensors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("zeros.safetensors"));
        const std::vector<float> a = randomValues(2, 5);
        const std::vector<float> b = randomValues(3, 6);
        test::writeSafetensors(
            path,
            {{QStringLiteral("empty.first"), DType::F32, {0}, {}},
             {QStringLiteral("a"), DType::F32, {2}, test::encodeFloats(a, DType::F32)},
             {QStringLiteral("empty.middle"), DType::F16, {4, 0}, {}},
             {QStringLiteral("b"), DType::BF16, {3}, test::encodeFloats(b, DType::BF16)},
             {QStringLiteral("empty.last"), DType::I64, {0, 7, 3}, {}},
             {QStringLiteral("scalar"), DType::F32, {}, test::encodeFloats({2.5f}, DType::F32)}});
        const auto file = SafetensorsFile::open(path);
        QCOMPARE(file->tensors().size(), std::size_t(6));
        for (const char* name : {"empty.first", "empty.middle", "empty.last"}) {
            const TensorInfo* info = file->find(QString::fromLatin1(name));
            QVERIFY2(info, name);
            QCOMPARE(info->elementCount(), std::int64_t(0));
            QCOMPARE(info->byteSize(), std::uint64_t(0));
            QVERIFY(file->bytes(*info).empty());
            if (traitsOf(info->dtype).convertibleToFloat)
                QVERIFY(file->readFloat(*info).empty());
        }
        QCOMPARE(file->find(QStringLiteral("empty.middle"))->shapeText(), QStringLiteral("[4, 0]"));
        QCOMPARE(file->readFloat(*file->find(QStringLiteral("a"))), a);
        QCOMPARE(file->readFloat(*file->find(QStringLiteral("b"))), roundTripped(b, DType::BF16));
        const TensorInfo* scalar = file->find(QStringLiteral("scalar"));
        QVERIFY(scalar);
        QVERIFY(scalar->shape.empty());
        QCOMPARE(scalar->elementCount(), std::int64_t(1));
        QCOMPARE(scalar->shapeText(), QStringLiteral("[]"));
        QCOMPARE(file->readFloat(*scalar), std::vector<float>{2.5f});
    }

    void onlyZeroSizeAndEmptyHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("tensorCount");
        QTest::newRow("empty object") << fileBytes("{}") << 0;
        QTest::newRow("only metadata") << fileBytes(R"({"__metadata__":{"format":"pt"}})") << 0;
        QTest::newRow("header padded with spaces") << fileBytes(R"({}      )") << 0;
        QTest::newRow("only zero-size tensors")
            << fileBytes(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},)"
                         R"("b":{"dtype":"BF16","shape":[3,0],"data_offsets":[0,0]}})")
            << 2;
    }

    void onlyZeroSizeAndEmptyHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, tensorCount);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("empty.safetensors"));
        writeFile(path, bytes);
        const auto file = SafetensorsFile::open(path);
        QCOMPARE(int(file->tensors().size()), tensorCount);
    }

    // A file streamed by SafetensorsWriter (header padded to 8 bytes) reads back.
    void readsWriterOutput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("written.safetensors"));
        const std::vector<float> a = randomValues(6, 11);
        const std::vector<float> b = randomValues(4, 12);
        SafetensorsWriter writer(path,
                                 {{QStringLiteral("b.weight"), DType::F16, {2, 3}},
                                  {QStringLiteral("a.weight"), DType::F32, {4}}},
                                 {{QStringLiteral("format"), QStringLiteral("pt")}});
        const QByteArray aBytes = test::encodeFloats(a, DType::F16);
        const QByteArray bBytes = test::encodeFloats(b, DType::F32);
        writer.writeNext(std::as_bytes(std::span(aBytes.constData(), std::size_t(aBytes.size()))));
        writer.writeNext(std::as_bytes(std::span(bBytes.constData(), std::size_t(bBytes.size()))));
        writer.finish();
        const auto file = SafetensorsFile::open(path);
        QCOMPARE(file->fileSize(), writer.expectedSize());
        QCOMPARE(file->readFloat(*file->find(QStringLiteral("b.weight"))),
                 roundTripped(a, DType::F16));
        QCOMPARE(file->readFloat(*file->find(QStringLiteral("a.weight"))), b);
        QCOMPARE(file->metadata().value(QStringLiteral("format")), QStringLiteral("pt"));
    }

    void missingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("absent.safetensors"));
        const std::optional<QString> message = openError(path);
        QVERIFY(message);
        QVERIFY2(message->contains(path), qPrintable(*message));
        QVERIFY2(message->contains(QStringLiteral("does not exist")), qPrintable(*message));
        // A folder where a file is expected is refused the same way.
        const std::optional<QString> folderMessage = openError(dir.path());
        QVERIFY(folderMessage);
        QVERIFY2(folderMessage->contains(dir.path()), qPrintable(*folderMessage));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("resizeTo"); // > 0: extend the file (sparse) to this size
        QTest::addColumn<QStringList>("expected");

        const QByteArray eight(8, '\x11');
        const QByteArray sixteen(16, '\x22');
        const QByteArray twenty(20, '\x33');

        addHostileRow("empty file", QByteArray(), {"the file is empty"});
        addHostileRow("5 bytes", QByteArray("\x01\x02\x03\x04\x05", 5),
                      {"5 byte", "too short", "header length"});
        addHostileRow("7 bytes", QByteArray(7, '\0'), {"7 byte", "too short"});
        addHostileRow("header length beyond the file", fileBytes("{}", {}, 1000),
                      {"header length 1000", "runs past the end of the file", "2 bytes after"});
        addHostileRow("header length 2^64-1",
                      fileBytes("{}", {}, -1).replace(0, 8, QByteArray(8, '\xff')),
                      {"header length 18446744073709551615", "past the end of the file"});
        addHostileRow("only the length field", fileBytes({}, {}, 0), {"not valid JSON"});
        addHostileRow("header not JSON", fileBytes(R"({"a": {"dtype": )"),
                      {"header is not valid JSON", "at byte"});
        addHostileRow("header binary garbage", fileBytes(QByteArray("\xff\xfe\x00\x01garbage", 11)),
                      {"header is not valid JSON"});
        addHostileRow("header JSON array", fileBytes("[1, 2, 3]"),
                      {"header is JSON but not an object"});
        addHostileRow("entry not an object", fileBytes(R"({"w": 5})"),
                      {"tensor \"w\"", "not an object", "the number 5"});
        addHostileRow("dtype missing",
                      fileBytes(R"({"w": {"shape": [1], "data_offsets": [0, 4]}})", eight.left(4)),
                      {"tensor \"w\"", "\"dtype\" must be a string", "missing"});
        addHostileRow("dtype a number",
                      fileBytes(R"({"w": {"dtype": 32, "shape": [1], "data_offsets": [0, 4]}})",
                                eight.left(4)),
                      {"tensor \"w\"", "\"dtype\" must be a string", "the number 32"});
        addHostileRow(
            "unknown dtype F17",
            fileBytes(R"({"w": {"dtype": "F17", "shape": [2], "data_offsets": [0, 8]}})", eight),
            {"tensor \"w\"", "unknown dtype \"F17\"", "BF16"});
        addHostileRow(
            "shape not an array",
            fileBytes(R"({"w": {"dtype": "F32", "shape": 2, "data_offsets": [0, 8]}})", eight),
            {"tensor \"w\"", "\"shape\" must be an array", "the number 2"});
        addHostileRow("shape missing",
                      fileBytes(R"({"w": {"dtype": "F32", "data_offsets": [0, 8]}})", eight),
                      {"tensor \"w\"", "\"shape\" must be an array", "missing"});
        addHostileRow(
            "shape negative dim",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [-1, 2], "data_offsets": [0, 8]}})",
                      eight),
            {"tensor \"w\"", "non-negative integers", "the number -1"});
        addHostileRow(
            "shape fractional dim",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2.5], "data_offsets": [0, 8]}})", eight),
            {"tensor \"w\"", "non-negative integers", "the number 2.5"});
        addHostileRow(
            "shape dim almost an integer",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2.0000001], "data_offsets": [0, 8]}})",
                      eight),
            {"tensor \"w\"", "non-negative integers", "the number 2.0000001"});
        addHostileRow(
            "shape dim a string",
            fileBytes(R"({"w": {"dtype": "F32", "shape": ["2"], "data_offsets": [0, 8]}})", eight),
            {"tensor \"w\"", "non-negative integers", "the string \"2\""});
        addHostileRow(
            "shape dim 1e300",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [1e300], "data_offsets": [0, 8]}})",
                      eight),
            {"tensor \"w\"", "non-negative integers"});
        addHostileRow("shape elements overflow",
                      fileBytes(R"({"w": {"dtype": "F32", "shape": [4294967296, 4294967296, 2],)"
                                R"( "data_offsets": [0, 8]}})",
                                eight),
                      {"tensor \"w\"", "more than 2^64", "hold 8"});
        addHostileRow("data_offsets missing",
                      fileBytes(R"({"w": {"dtype": "F32", "shape": [2]}})", eight),
                      {"tensor \"w\"", "\"data_offsets\" must be two non-negative integers"});
        addHostileRow(
            "data_offsets one number",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [8]}})", eight),
            {"tensor \"w\"", "\"data_offsets\""});
        addHostileRow(
            "data_offsets three numbers",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8, 8]}})", eight),
            {"tensor \"w\"", "\"data_offsets\""});
        addHostileRow(
            "data_offsets negative",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [-8, 0]}})", eight),
            {"tensor \"w\"", "\"data_offsets\""});
        addHostileRow(
            "data_offsets strings",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": ["0", "8"]}})",
                      eight),
            {"tensor \"w\"", "\"data_offsets\""});
        addHostileRow(
            "data_offsets reversed",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}})", eight),
            {"tensor \"w\"", "[8, 0]", "reversed"});
        addHostileRow(
            "data_offsets past the end",
            fileBytes(R"({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}})", eight),
            {"tensor \"w\"", "[0, 16]", "run past the end", "8 bytes"});
        addHostileRow("data_offsets far past the end",
                      fileBytes(R"({"w": {"dtype": "U8", "shape": [1],)"
                                R"( "data_offsets": [9007199254740991, 9007199254740992]}})",
                                eight),
                      {"tensor \"w\"", "run past the end"});
        addHostileRow("overlapping tensors",
                      fileBytes(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},)"
                                R"( "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}})",
                                sixteen.left(12)),
                      {"tensor \"b\"", "[4, 12]", "overlap", "\"a\" [0, 8]"});
        addHostileRow("identical ranges",
                      fileBytes(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},)"
                                R"( "b": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}})",
                                eight),
                      {"overlap", "\"a\"", "\"b\""});
        addHostileRow(
            "tensor inside another",
            fileBytes(R"({"big": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},)"
                      R"( "small": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})",
                      sixteen),
            {"tensor \"small\"", "overlap", "\"big\""});
        addHostileRow(
            "gap between tensors",
            fileBytes(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},)"
                      R"( "b": {"dtype": "F32", "shape": [2], "data_offsets": [12, 20]}})",
                      twenty),
            {"tensor \"b\"", "gap of 4 bytes", "\"a\" (ending at 8)", "starting at 12"});
        addHostileRow("gap before the first tensor",
                      fileBytes(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}})",
                                sixteen.left(12)),
                      {"tensor \"a\"", "gap of 4 bytes", "before this first tensor"});
        addHostileRow("trailing bytes",
                      fileBytes(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}})",
                                sixteen.left(12)),
                      {"4 bytes after the last tensor", "\"a\""});
        addHostileRow("data but no tensors", fileBytes("{}", eight),
                      {"lists no tensors", "8 bytes"});
        addHostileRow(
            "shape x dtype too big for range",
            fileBytes(R"({"a": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 12]}})",
                      sixteen.left(12)),
            {"tensor \"a\"", "shape [2, 2] of F32 needs 16 bytes", "[0, 12] hold 12"});
        addHostileRow(
            "shape x dtype too small for range",
            fileBytes(R"({"a": {"dtype": "F16", "shape": [3], "data_offsets": [0, 8]}})", eight),
            {"tensor \"a\"", "F16 needs 6 bytes", "hold 8"});
        addHostileRow(
            "zero-size shape, non-empty range",
            fileBytes(R"({"a": {"dtype": "F32", "shape": [0, 4], "data_offsets": [0, 8]}})", eight),
            {"tensor \"a\"", "needs 0 bytes", "hold 8"});
        addHostileRow("metadata not an object", fileBytes(R"({"__metadata__": ["pt"]})"),
                      {"__metadata__", "object"});
        addHostileRow("metadata value not a string",
                      fileBytes(R"({"__metadata__": {"format": 1}})"),
                      {"__metadata__", "\"format\"", "must be a string"});
        // Header length within the file but over the 100 MB limit: a sparse 100 MB file, so the
        // limit is what refuses it (a shorter file is refused earlier as running past its end).
        addHostileRow("header over 100 MB limit", fileBytes("{}", {}, 100'000'001),
                      {"header length 100000001", "larger than the limit", "100000000 bytes"},
                      qint64(8 + 100'000'001));
    }

    void hostile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, resizeTo);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("hostile.safetensors"));
        writeFile(path, bytes);
        if (resizeTo > 0)
            QVERIFY(QFile::resize(path, resizeTo));

        const std::optional<QString> message = openError(path);
        QVERIFY2(message, "open() accepted a hostile file");
        QVERIFY2(!message->startsWith(QStringLiteral("UNEXPECTED")), qPrintable(*message));
        QVERIFY2(message->contains(QDir::toNativeSeparators(path)), qPrintable(*message));
        for (const QString& part : expected)
            QVERIFY2(message->contains(part),
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, *message)));
    }

    // Random damage to a valid file: open() either succeeds (then every tensor reads without
    // touching memory outside the file) or throws qb::Error. Never a crash, a hang or another
    // exception type.
    void fuzz()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString validPath = dir.filePath(QStringLiteral("valid.safetensors"));
        test::writeSafetensors(validPath,
                               {{QStringLiteral("a.weight"),
                                 DType::F32,
                                 {3, 2},
                                 test::encodeFloats(randomValues(6, 1), DType::F32)},
                                {QStringLiteral("b.weight"),
                                 DType::F16,
                                 {4},
                                 test::encodeFloats(randomValues(4, 2), DType::F16)},
                                {QStringLiteral("c.bias"),
                                 DType::BF16,
                                 {2},
                                 test::encodeFloats(randomValues(2, 3), DType::BF16)},
                                {QStringLiteral("d.empty"), DType::F32, {0}, {}},
                                {QStringLiteral("e.ids"), DType::I64, {1}, QByteArray(8, '\x01')}},
                               QJsonObject{{QStringLiteral("format"), QStringLiteral("pt")}});
        QFile validFile(validPath);
        QVERIFY(validFile.open(QIODevice::ReadOnly));
        const QByteArray valid = validFile.readAll();
        QVERIFY(SafetensorsFile::open(validPath));

        std::mt19937 rng(0x5AFE7E45u);
        auto uniform = [&](qsizetype below) {
            return static_cast<qsizetype>(
                std::uniform_int_distribution<qsizetype>(0, below - 1)(rng));
        };
        static const char kInteresting[] = "{}[]\",:0123456789-.eE \x00\xff";
        const QByteArray interesting(kInteresting, sizeof kInteresting - 1); // NUL included
        const QString path = dir.filePath(QStringLiteral("fuzzed.safetensors"));
        int opened = 0;
        int refused = 0;
        QElapsedTimer timer;
        timer.start();
        constexpr int kVariants = 600;
        for (int variant = 0; variant < kVariants; ++variant) {
            QByteArray bytes = valid;
            switch (variant % 5) {
            case 0: // flip single bits
                for (int i = 0, n = 1 + int(uniform(4)); i < n; ++i)
                    bytes[uniform(bytes.size())] ^= char(1 << uniform(8));
                break;
            case 1: // overwrite bytes with JSON punctuation, digits and extremes
                for (int i = 0, n = 1 + int(uniform(3)); i < n; ++i)
                    bytes[uniform(bytes.size())] = interesting[uniform(interesting.size())];
                break;
            case 2: // truncate
                bytes.truncate(uniform(bytes.size()));
                break;
            case 3: // damage the length field
                bytes[uniform(8)] = char(uniform(256));
                break;
            case 4: // append or insert random bytes
                bytes.insert(uniform(bytes.size() + 1),
                             QByteArray(1 + int(uniform(9)), char(uniform(256))));
                break;
            }
            writeFile(path, bytes);
            try {
                const auto file = SafetensorsFile::open(path);
                ++opened;
                std::uint64_t covered = 0;
                for (const TensorInfo& tensor : file->tensors()) {
                    covered += tensor.byteSize();
                    QVERIFY(tensor.end <= file->fileSize());
                    if (traitsOf(tensor.dtype).convertibleToFloat)
                        QCOMPARE(file->readFloat(tensor).size(),
                                 std::size_t(tensor.elementCount()));
                }
                QVERIFY(covered < file->fileSize());
            } catch (const Error& error) {
                ++refused;
                QVERIFY2(error.message().contains(path), qPrintable(error.message()));
            } catch (const std::exception& other) {
                QFAIL(qPrintable(QStringLiteral("variant %1: unexpected exception %2")
                                     .arg(variant)
                                     .arg(QString::fromLocal8Bit(other.what()))));
            }
        }
        QCOMPARE(opened + refused, kVariants);
        // Both outcomes must occur, or the mutations are not exercising the parser.
        QVERIFY2(opened > 0 && refused > 0,
                 qPrintable(QStringLiteral("%1 opened, %2 refused").arg(opened).arg(refused)));
        QVERIFY2(timer.elapsed() < 60'000,
                 "fuzzing took over a minute: something is close to hanging");
        qInfo("fuzz: %d variants opened, %d refused", opened, refused);
    }
};

QTEST_GUILESS_MAIN(TestSafetensorsFile)
#include "tst_safetensors_file.moc"
