// The dtype table and the F16/BF16 <-> F32 conversions of core/io/dtype.h, checked exhaustively
// where that is possible (all 65,536 16-bit patterns) and against references elsewhere: Qt's
// qfloat16, a brute-force nearest-value search, and hand-computed rounding cases.

#include "core/io/dtype.h"

#include <QFloat16>
#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace qb;

namespace {

float floatFromBits(std::uint32_t bits)
{
    return std::bit_cast<float>(bits);
}

std::uint32_t bitsOf(float value)
{
    return std::bit_cast<std::uint32_t>(value);
}

float qtHalfToFloat(std::uint16_t bits)
{
    return static_cast<float>(std::bit_cast<qfloat16>(bits));
}

std::uint16_t qtFloatToHalf(float value)
{
    return std::bit_cast<std::uint16_t>(qfloat16(value));
}

bool isHalfNan(std::uint16_t bits)
{
    return (bits & 0x7C00u) == 0x7C00u && (bits & 0x03FFu) != 0;
}

bool isBfloat16Nan(std::uint16_t bits)
{
    return (bits & 0x7F80u) == 0x7F80u && (bits & 0x007Fu) != 0;
}

// The value of a non-negative, non-NaN 16-bit pattern as a double, with infinity standing in as
// the next power of two above the largest finite value. IEEE 754 overflow under
// round-to-nearest-even is exactly "round as if infinity were that power of two, whose
// significand is even", so a plain nearest search over these values is a complete reference.
// FP8 E4M3 (float8_e4m3fn) decoded from its definition with pow(), independently of the table
// in dtype.cpp: NaN for S.1111.111, subnormal m/8 · 2^−6 for exponent 0, else (1 + m/8) · 2^(e−7).
double referenceFp8E4M3(int bits)
{
    const int exponent = (bits >> 3) & 0xF;
    const int mantissa = bits & 7;
    double magnitude;
    if (exponent == 15 && mantissa == 7)
        magnitude = std::numeric_limits<double>::quiet_NaN();
    else if (exponent == 0)
        magnitude = mantissa / 8.0 * std::pow(2.0, -6);
    else
        magnitude = (1.0 + mantissa / 8.0) * std::pow(2.0, exponent - 7);
    return (bits & 0x80) ? -magnitude : magnitude;
}

// The FP8 E4M3 pattern a value rounds to, by search: the nearest finite value, ties to the even
// pattern (an even mantissa), beyond ±448 saturated, as floatToFp8E4M3 promises.
std::uint8_t referenceFloatToFp8E4M3(float value)
{
    const double v = std::clamp(static_cast<double>(value), -448.0, 448.0);
    int best = -1;
    double bestDistance = 0.0;
    for (int bits = 0; bits < 256; ++bits) {
        const double candidate = referenceFp8E4M3(bits);
        if (std::isnan(candidate) || (std::signbit(candidate) != std::signbit(v)))
            continue;
        const double distance = std::abs(candidate - v);
        if (best < 0 || distance < bestDistance
            || (distance == bestDistance && (bits & 1) == 0 && (best & 1) == 1)) {
            best = bits;
            bestDistance = distance;
        }
    }
    return static_cast<std::uint8_t>(best);
}

double positiveHalfValue(std::uint16_t bits)
{
    return bits == 0x7C00u ? 65536.0 : static_cast<double>(halfToFloat(bits));
}

// Brute-force float -> half: the nearest of all non-negative halves (ties to the even pattern).
std::uint16_t referenceFloatToHalf(float value)
{
    static const std::vector<double> table = [] {
        std::vector<double> values;
        for (std::uint32_t h = 0; h <= 0x7C00u; ++h)
            values.push_back(positiveHalfValue(static_cast<std::uint16_t>(h)));
        return values;
    }();
    const std::uint16_t sign = std::signbit(value) ? 0x8000u : 0u;
    const double magnitude = std::fabs(static_cast<double>(value));
    if (magnitude >= 65536.0)
        return static_cast<std::uint16_t>(sign | 0x7C00u);
    const auto above = std::lower_bound(table.begin(), table.end(), magnitude);
    auto hi = static_cast<std::uint16_t>(above - table.begin());
    if (table[hi] == magnitude || hi == 0)
        return static_cast<std::uint16_t>(sign | hi);
    const auto lo = static_cast<std::uint16_t>(hi - 1);
    const double dLo = magnitude - table[lo];
    const double dHi = table[hi] - magnitude;
    const std::uint16_t nearest = dLo < dHi ? lo : dHi < dLo ? hi : ((lo & 1u) ? hi : lo);
    return static_cast<std::uint16_t>(sign | nearest);
}

// Reference float -> bfloat16 by comparing the two candidates in double (exact for floats).
std::uint16_t referenceFloatToBfloat16(float value)
{
    const std::uint32_t bits = bitsOf(value);
    const std::uint32_t sign = bits & 0x80000000u;
    const std::uint32_t magnitudeBits = bits & 0x7FFFFFFFu;
    const std::uint32_t loBits = magnitudeBits & 0xFFFF0000u;
    const std::uint32_t hiBits = loBits + 0x10000u; // 0x7F800000 (infinity) at the top
    if (loBits == magnitudeBits)
        return static_cast<std::uint16_t>((sign | loBits) >> 16);
    const double magnitude = static_cast<double>(floatFromBits(magnitudeBits));
    const double lo = static_cast<double>(floatFromBits(loBits));
    const double hi =
        hiBits == 0x7F800000u ? std::ldexp(1.0, 128) : static_cast<double>(floatFromBits(hiBits));
    const double dLo = magnitude - lo;
    const double dHi = hi - magnitude;
    const std::uint32_t nearest = dLo < dHi   ? loBits
                                  : dHi < dLo ? hiBits
                                              : (((loBits >> 16) & 1u) ? hiBits : loBits);
    return static_cast<std::uint16_t>((sign | nearest) >> 16);
}

QString hex(std::uint32_t bits, int width)
{
    return QStringLiteral("0x%1").arg(bits, width, 16, QLatin1Char('0'));
}

// Edge floats for float -> half: zeros, the subnormal and normal boundaries, ties, overflow.
std::vector<float> halfEdgeFloats()
{
    std::vector<float> values{
        0.0f,
        -0.0f,
        1.0f,
        -1.0f,
        0.5f,
        2.0f,
        65504.0f,
        -65504.0f,
        65519.0f,
        65519.996f,
        65520.0f,
        -65520.0f,
        65536.0f,
        1e10f,
        -1e10f,
        std::numeric_limits<float>::max(),
        std::numeric_limits<float>::lowest(),
        std::numeric_limits<float>::min(),
        std::numeric_limits<float>::denorm_min(),
        std::numeric_limits<float>::infinity(),
        -std::numeric_limits<float>::infinity(),
        std::ldexp(1.0f, -24),
        std::ldexp(1.0f, -25),
        std::ldexp(1.0f, -26),
        std::ldexp(3.0f, -25),
        std::ldexp(5.0f, -25),
        std::ldexp(1.0f, -14),
        std::ldexp(1.0f, -14) - std::ldexp(1.0f, -25),
        std::ldexp(1.0f, -15),
        1.0f + std::ldexp(1.0f, -11),
        1.0f + std::ldexp(3.0f, -11),
        2049.0f,
        2051.0f,
        4097.0f,
        0.1f,
        0.2f,
        0.3f,
        3.14159265f,
        1e-5f,
        1e-7f,
        6e-8f,
        5.96e-8f,
        2.98e-8f,
        3e-8f,
    };
    // Every half's neighbourhood: the value itself, the midpoint to the next half and one float
    // ulp either side of that midpoint, for every positive finite half and both signs.
    for (std::uint32_t h = 0; h < 0x7C00u; ++h) {
        const float here = halfToFloat(static_cast<std::uint16_t>(h));
        const float next =
            h + 1 == 0x7C00u ? 65536.0f : halfToFloat(static_cast<std::uint16_t>(h + 1));
        const float mid = here + (next - here) / 2; // exact: needs one bit more than a half
        for (float v : {here, mid, std::nextafter(mid, 0.0f), std::nextafter(mid, 1e30f)}) {
            values.push_back(v);
            values.push_back(-v);
        }
    }
    return values;
}

// Random floats: uniform bit patterns (every exponent) and values spread over the half range.
std::vector<float> randomFloats(std::size_t count, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> anyBits;
    std::uniform_int_distribution<std::uint32_t> halfRangeExponent(127 - 26, 127 + 16);
    std::vector<float> values;
    values.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t bits = anyBits(rng);
        if (i % 2 == 0) {
            values.push_back(floatFromBits(bits));
        } else {
            const std::uint32_t exponent = halfRangeExponent(rng);
            values.push_back(floatFromBits((bits & 0x807FFFFFu) | (exponent << 23)));
        }
    }
    return values;
}

} // namespace

class TestDType : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void halfToFloatAllPatterns()
    {
        for (std::uint32_t h = 0; h <= 0xFFFFu; ++h) {
            const auto bits = static_cast<std::uint16_t>(h);
            const float ours = halfToFloat(bits);
            const float qt = qtHalfToFloat(bits);
            if (isHalfNan(bits)) {
                if (!std::isnan(ours))
                    QFAIL(qPrintable(QStringLiteral("half %1 is NaN, decoded as %2")
                                         .arg(hex(h, 4))
                                         .arg(static_cast<double>(ours))));
                QCOMPARE(std::signbit(ours), (h & 0x8000u) != 0);
                continue;
            }
            if (bitsOf(ours) != bitsOf(qt))
                QFAIL(qPrintable(QStringLiteral("half %1: ours %2, qfloat16 %3")
                                     .arg(hex(h, 4), hex(bitsOf(ours), 8), hex(bitsOf(qt), 8))));
        }
    }

    void halfToFloatKnownValues()
    {
        QCOMPARE(bitsOf(halfToFloat(0x0000)), 0x00000000u);
        QCOMPARE(bitsOf(halfToFloat(0x8000)), 0x80000000u); // -0 keeps its sign
        QCOMPARE(halfToFloat(0x3C00), 1.0f);
        QCOMPARE(halfToFloat(0xC000), -2.0f);
        QCOMPARE(halfToFloat(0x7BFF), 65504.0f);
        QCOMPARE(halfToFloat(0x0001), std::ldexp(1.0f, -24));    // smallest subnormal
        QCOMPARE(halfToFloat(0x03FF), std::ldexp(1023.0f, -24)); // largest subnormal
        QCOMPARE(halfToFloat(0x0400), std::ldexp(1.0f, -14));    // smallest normal
        QCOMPARE(halfToFloat(0x7C00), std::numeric_limits<float>::infinity());
        QCOMPARE(halfToFloat(0xFC00), -std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(halfToFloat(0x7C01)));
        QVERIFY(std::isnan(halfToFloat(0x7E00)));
        QVERIFY(std::isnan(halfToFloat(0xFFFF)));
    }

    // Widening is exact, so narrowing the result must give the same pattern back.
    void halfRoundTripAllPatterns()
    {
        for (std::uint32_t h = 0; h <= 0xFFFFu; ++h) {
            const auto bits = static_cast<std::uint16_t>(h);
            const std::uint16_t back = floatToHalf(halfToFloat(bits));
            if (isHalfNan(bits)) {
                QVERIFY2(isHalfNan(back), qPrintable(hex(h, 4)));
                QCOMPARE(back & 0x8000u, bits & 0x8000u);
            } else if (back != bits) {
                QFAIL(qPrintable(
                    QStringLiteral("half %1 came back as %2").arg(hex(h, 4), hex(back, 4))));
            }
        }
    }

    void floatToHalfHandComputed_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<int>("expected");
        QTest::newRow("+0") << 0.0f << 0x0000;
        QTest::newRow("-0") << -0.0f << 0x8000;
        QTest::newRow("1") << 1.0f << 0x3C00;
        QTest::newRow("-2") << -2.0f << 0xC000;
        QTest::newRow("max half") << 65504.0f << 0x7BFF;
        QTest::newRow("just below overflow tie") << 65519.996f << 0x7BFF;
        QTest::newRow("overflow tie 65520 -> inf") << 65520.0f << 0x7C00;
        QTest::newRow("-65520 -> -inf") << -65520.0f << 0xFC00;
        QTest::newRow("1e10 -> inf") << 1e10f << 0x7C00;
        QTest::newRow("float max -> inf") << std::numeric_limits<float>::max() << 0x7C00;
        QTest::newRow("+inf") << std::numeric_limits<float>::infinity() << 0x7C00;
        QTest::newRow("-inf") << -std::numeric_limits<float>::infinity() << 0xFC00;
        // Ties between normals go to the even significand.
        QTest::newRow("1 + 2^-11 tie -> 1") << 1.0f + std::ldexp(1.0f, -11) << 0x3C00;
        QTest::newRow("1 + 3*2^-11 tie -> up") << 1.0f + std::ldexp(3.0f, -11) << 0x3C02;
        QTest::newRow("above tie rounds up")
            << 1.0f + std::ldexp(1.0f, -11) + std::ldexp(1.0f, -23) << 0x3C01;
        QTest::newRow("below tie rounds down")
            << 1.0f + std::ldexp(1.0f, -11) - std::ldexp(1.0f, -23) << 0x3C00;
        QTest::newRow("2049 tie -> 2048") << 2049.0f << 0x6800;
        QTest::newRow("2051 tie -> 2052") << 2051.0f << 0x6802;
        QTest::newRow("carry into exponent") << 2047.5f << 0x6800; // 0x67FF + tie (odd) -> 2048
        // Subnormals and underflow.
        QTest::newRow("smallest subnormal") << std::ldexp(1.0f, -24) << 0x0001;
        QTest::newRow("-smallest subnormal") << -std::ldexp(1.0f, -24) << 0x8001;
        QTest::newRow("2^-25 tie -> 0") << std::ldexp(1.0f, -25) << 0x0000;
        QTest::newRow("-2^-25 tie -> -0") << -std::ldexp(1.0f, -25) << 0x8000;
        QTest::newRow("just above 2^-25 -> 1 ulp")
            << std::nextafter(std::ldexp(1.0f, -25), 1.0f) << 0x0001;
        QTest::newRow("2^-26 -> 0") << std::ldexp(1.0f, -26) << 0x0000;
        QTest::newRow("float denorm_min -> 0")
            << std::numeric_limits<float>::denorm_min() << 0x0000;
        QTest::newRow("3*2^-25 tie -> 2 ulp") << std::ldexp(3.0f, -25) << 0x0002;
        QTest::newRow("5*2^-25 tie -> 2 ulp") << std::ldexp(5.0f, -25) << 0x0002;
        QTest::newRow("largest subnormal") << std::ldexp(1023.0f, -24) << 0x03FF;
        QTest::newRow("subnormal/normal tie -> normal") << std::ldexp(2047.0f, -25) << 0x0400;
        QTest::newRow("smallest normal") << std::ldexp(1.0f, -14) << 0x0400;
        QTest::newRow("0.1") << 0.1f << 0x2E66;
        QTest::newRow("pi") << 3.14159265f << 0x4248;
    }

    void floatToHalfHandComputed()
    {
        QFETCH(float, value);
        QFETCH(int, expected);
        QCOMPARE(hex(floatToHalf(value), 4), hex(static_cast<std::uint32_t>(expected), 4));
        QCOMPARE(hex(qtFloatToHalf(value), 4), hex(static_cast<std::uint32_t>(expected), 4));
        QCOMPARE(hex(referenceFloatToHalf(value), 4), hex(static_cast<std::uint32_t>(expected), 4));
    }

    void floatToHalfNan()
    {
        const float nans[] = {std::numeric_limits<float>::quiet_NaN(),
                              -std::numeric_limits<float>::quiet_NaN(),
                              std::numeric_limits<float>::signaling_NaN(),
                              floatFromBits(0x7F800001u), // payload only in the low bits
                              floatFromBits(0xFF800001u),
                              floatFromBits(0x7FFFFFFFu)};
        for (float nan : nans) {
            const std::uint16_t half = floatToHalf(nan);
            QVERIFY2(isHalfNan(half),
                     qPrintable(hex(bitsOf(nan), 8) + QStringLiteral(" -> ") + hex(half, 4)));
            QCOMPARE(half & 0x8000u, (bitsOf(nan) >> 16) & 0x8000u);
            QVERIFY(std::isnan(halfToFloat(half)));
        }
    }

    void floatToHalfEdgesAgainstQFloat16()
    {
        const std::vector<float> values = halfEdgeFloats();
        QVERIFY(values.size() > 200'000);
        for (float v : values) {
            const std::uint16_t ours = floatToHalf(v);
            const std::uint16_t qt = qtFloatToHalf(v);
            const std::uint16_t reference = referenceFloatToHalf(v);
            if (ours != qt || ours != reference)
                QFAIL(qPrintable(
                    QStringLiteral("float %1 (%2): ours %3, qfloat16 %4, reference %5")
                        .arg(static_cast<double>(v), 0, 'g', 9)
                        .arg(hex(bitsOf(v), 8), hex(ours, 4), hex(qt, 4), hex(reference, 4))));
        }
    }

    void floatToHalfRandomAgainstQFloat16()
    {
        const std::vector<float> values = randomFloats(1'000'000, 20240601);
        for (float v : values) {
            const std::uint16_t ours = floatToHalf(v);
            if (std::isnan(v)) {
                QVERIFY(isHalfNan(ours));
                continue;
            }
            const std::uint16_t qt = qtFloatToHalf(v);
            const std::uint16_t reference = referenceFloatToHalf(v);
            if (ours != qt || ours != reference)
                QFAIL(qPrintable(
                    QStringLiteral("float %1 (%2): ours %3, qfloat16 %4, reference %5")
                        .arg(static_cast<double>(v), 0, 'g', 9)
                        .arg(hex(bitsOf(v), 8), hex(ours, 4), hex(qt, 4), hex(reference, 4))));
        }
    }

    void bfloat16ToFloatAllPatterns()
    {
        for (std::uint32_t b = 0; b <= 0xFFFFu; ++b) {
            const auto bits = static_cast<std::uint16_t>(b);
            const float value = bfloat16ToFloat(bits);
            QCOMPARE(bitsOf(value), b << 16); // bfloat16 is the top half of a float, NaN included
            const std::uint16_t back = floatToBfloat16(value);
            if (isBfloat16Nan(bits)) {
                QVERIFY(std::isnan(value));
                QVERIFY2(isBfloat16Nan(back), qPrintable(hex(b, 4)));
                QCOMPARE(back & 0x8000u, bits & 0x8000u);
            } else if (back != bits) {
                QFAIL(qPrintable(
                    QStringLiteral("bfloat16 %1 came back as %2").arg(hex(b, 4), hex(back, 4))));
            }
        }
    }

    void floatToBfloat16HandComputed_data()
    {
        QTest::addColumn<uint>("floatBits");
        QTest::addColumn<int>("expected");
        QTest::newRow("+0") << 0x00000000u << 0x0000;
        QTest::newRow("-0") << 0x80000000u << 0x8000;
        QTest::newRow("1") << 0x3F800000u << 0x3F80;
        QTest::newRow("exact bf16 value") << 0xC0490000u << 0xC049;
        QTest::newRow("below tie -> down") << 0x3F807FFFu << 0x3F80;
        QTest::newRow("tie, even below -> down") << 0x3F808000u << 0x3F80;
        QTest::newRow("above tie -> up") << 0x3F808001u << 0x3F81;
        QTest::newRow("tie, odd below -> up") << 0x3F818000u << 0x3F82;
        QTest::newRow("-tie, even below -> down") << 0xBF808000u << 0xBF80;
        QTest::newRow("-tie, odd below -> up") << 0xBF818000u << 0xBF82;
        QTest::newRow("just below 1 + ulp") << 0x3F80FFFFu << 0x3F81;
        QTest::newRow("carry into exponent") << 0x3FFFFFFFu << 0x4000;
        QTest::newRow("pi") << 0x40490FDBu << 0x4049;
        QTest::newRow("0.1") << 0x3DCCCCCDu << 0x3DCD;
        QTest::newRow("largest finite bf16") << 0x7F7F0000u << 0x7F7F;
        QTest::newRow("below overflow tie") << 0x7F7F7FFFu << 0x7F7F;
        QTest::newRow("overflow tie -> inf") << 0x7F7F8000u << 0x7F80;
        QTest::newRow("float max -> inf") << 0x7F7FFFFFu << 0x7F80;
        QTest::newRow("-float max -> -inf") << 0xFF7FFFFFu << 0xFF80;
        QTest::newRow("+inf") << 0x7F800000u << 0x7F80;
        QTest::newRow("-inf") << 0xFF800000u << 0xFF80;
        QTest::newRow("subnormal tie, even -> 0") << 0x00008000u << 0x0000;
        QTest::newRow("subnormal tie, odd -> up") << 0x00018000u << 0x0002;
        QTest::newRow("subnormal above tie") << 0x00008001u << 0x0001;
        QTest::newRow("largest subnormal -> smallest normal") << 0x007FFFFFu << 0x0080;
        QTest::newRow("denorm_min -> 0") << 0x00000001u << 0x0000;
    }

    void floatToBfloat16HandComputed()
    {
        QFETCH(uint, floatBits);
        QFETCH(int, expected);
        const float value = floatFromBits(floatBits);
        QCOMPARE(hex(floatToBfloat16(value), 4), hex(static_cast<std::uint32_t>(expected), 4));
        QCOMPARE(hex(referenceFloatToBfloat16(value), 4),
                 hex(static_cast<std::uint32_t>(expected), 4));
    }

    void floatToBfloat16Nan()
    {
        // Truncating these would give infinity (payload only in the low 16 bits): they must stay
        // NaN.
        for (std::uint32_t bits : {0x7F800001u, 0xFF800001u, 0x7F80FFFFu, 0x7FC00000u, 0xFFFFFFFFu,
                                   0x7FBFFFFFu, 0x7FFF8000u}) {
            const std::uint16_t b = floatToBfloat16(floatFromBits(bits));
            QVERIFY2(isBfloat16Nan(b),
                     qPrintable(hex(bits, 8) + QStringLiteral(" -> ") + hex(b, 4)));
            QCOMPARE(b & 0x8000u, (bits >> 16) & 0x8000u);
        }
    }

    void floatToBfloat16Random()
    {
        const std::vector<float> values = randomFloats(1'000'000, 7);
        for (float v : values) {
            const std::uint16_t ours = floatToBfloat16(v);
            if (std::isnan(v)) {
                QVERIFY(isBfloat16Nan(ours));
                continue;
            }
            const std::uint16_t reference = referenceFloatToBfloat16(v);
            if (ours != reference)
                QFAIL(qPrintable(QStringLiteral("float %1: ours %2, reference %3")
                                     .arg(hex(bitsOf(v), 8), hex(ours, 4), hex(reference, 4))));
        }
    }

    void fp8E4M3ToFloatAllPatterns()
    {
        for (int bits = 0; bits < 256; ++bits) {
            const float ours = fp8E4M3ToFloat(static_cast<std::uint8_t>(bits));
            const double reference = referenceFp8E4M3(bits);
            if (std::isnan(reference)) {
                QVERIFY(std::isnan(ours));
                continue;
            }
            QCOMPARE(static_cast<double>(ours), reference);
            QCOMPARE(std::signbit(ours), (bits & 0x80) != 0); // 0x80 is −0
        }
        QCOMPARE(fp8E4M3ToFloat(0x7E), 448.0f);
        QCOMPARE(fp8E4M3ToFloat(0x38), 1.0f);
        QCOMPARE(fp8E4M3ToFloat(0x08), 0.015625f);    // 2^−6, the smallest normal
        QCOMPARE(fp8E4M3ToFloat(0x01), 0.001953125f); // 2^−9, the smallest subnormal
    }

    void floatToFp8E4M3HandComputed_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<int>("expected");
        QTest::newRow("1") << 1.0f << 0x38;
        QTest::newRow("-2") << -2.0f << 0xC0;
        QTest::newRow("tie 1.0625 to even 1") << 1.0625f << 0x38;
        QTest::newRow("tie 1.1875 to even 1.25") << 1.1875f << 0x3A;
        QTest::newRow("above tie 1.07") << 1.07f << 0x39;
        QTest::newRow("448") << 448.0f << 0x7E;
        QTest::newRow("460 rounds to 448") << 460.0f << 0x7E;
        QTest::newRow("500 saturates") << 500.0f << 0x7E;
        QTest::newRow("-1e30 saturates") << -1e30f << 0xFE;
        QTest::newRow("inf saturates") << std::numeric_limits<float>::infinity() << 0x7E;
        QTest::newRow("smallest subnormal") << 0.001953125f << 0x01;
        QTest::newRow("half the smallest subnormal: tie to 0") << 0.0009765625f << 0x00;
        QTest::newRow("1.5 subnormals: tie to 2") << 0.0029296875f << 0x02;
        QTest::newRow("7.5 subnormals: tie to the smallest normal") << 0.0146484375f << 0x08;
        QTest::newRow("tiny") << 1e-30f << 0x00;
        QTest::newRow("-0") << -0.0f << 0x80;
    }

    void floatToFp8E4M3HandComputed()
    {
        QFETCH(float, value);
        QFETCH(int, expected);
        QCOMPARE(int(floatToFp8E4M3(value)), expected);
    }

    void floatToFp8E4M3Nan()
    {
        const std::uint8_t bits = floatToFp8E4M3(std::numeric_limits<float>::quiet_NaN());
        QCOMPARE(bits & 0x7F, 0x7F);
        QVERIFY(std::isnan(fp8E4M3ToFloat(bits)));
    }

    // Every finite pattern survives a round trip; values between them round as the search says.
    void floatToFp8E4M3AgainstSearch()
    {
        for (int bits = 0; bits < 256; ++bits) {
            if ((bits & 0x7F) == 0x7F)
                continue;
            QCOMPARE(int(floatToFp8E4M3(fp8E4M3ToFloat(static_cast<std::uint8_t>(bits)))), bits);
        }
        std::mt19937 rng(11);
        std::uniform_real_distribution<float> exponent(-12.0f, 10.0f);
        std::bernoulli_distribution negative(0.5);
        for (int i = 0; i < 200000; ++i) {
            float v = std::exp2(exponent(rng));
            if (negative(rng))
                v = -v;
            const std::uint8_t ours = floatToFp8E4M3(v);
            const std::uint8_t reference = referenceFloatToFp8E4M3(v);
            if (ours != reference)
                QFAIL(qPrintable(QStringLiteral("float %1: ours %2, reference %3")
                                     .arg(hex(bitsOf(v), 8), hex(ours, 2), hex(reference, 2))));
        }
        // The midpoints between neighbours, where ties decide.
        for (int bits = 0; bits < 0x7E; ++bits) {
            const double mid = (referenceFp8E4M3(bits) + referenceFp8E4M3(bits + 1)) / 2.0;
            const auto v = static_cast<float>(mid); // exact: a few significant bits
            QCOMPARE(int(floatToFp8E4M3(v)), int(referenceFloatToFp8E4M3(v)));
            QCOMPARE(int(floatToFp8E4M3(-v)), int(referenceFloatToFp8E4M3(-v)));
        }
    }

    // convertToFloat / convertFromFloat on unaligned buffers, every float dtype.
    void bufferConversions_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("F32") << int(DType::F32);
        QTest::newRow("F16") << int(DType::F16);
        QTest::newRow("BF16") << int(DType::BF16);
        QTest::newRow("F64") << int(DType::F64);
        QTest::newRow("F8_E4M3") << int(DType::F8_E4M3);
    }

    void bufferConversions()
    {
        QFETCH(int, dtype);
        const auto type = static_cast<DType>(dtype);
        std::mt19937 rng(3);
        std::normal_distribution<float> normal(0.0f, 3.0f);
        std::vector<float> values(257);
        for (float& v : values)
            v = normal(rng);
        values[0] = std::numeric_limits<float>::infinity();
        values[1] = -0.0f;

        const std::size_t bytes = values.size() * static_cast<std::size_t>(dtypeSize(type));
        std::vector<std::byte> storage(bytes + 1);
        std::byte* unaligned = storage.data() + 1;
        convertFromFloat(type, values, unaligned);
        std::vector<float> back(values.size());
        convertToFloat(type, unaligned, back);
        for (std::size_t i = 0; i < values.size(); ++i) {
            float expected = values[i];
            if (type == DType::F16)
                expected = halfToFloat(floatToHalf(values[i]));
            else if (type == DType::BF16)
                expected = bfloat16ToFloat(floatToBfloat16(values[i]));
            else if (type == DType::F8_E4M3)
                expected = fp8E4M3ToFloat(floatToFp8E4M3(values[i]));
            QCOMPARE(bitsOf(back[i]), bitsOf(expected));
        }
    }

    void traitsTable()
    {
        for (std::size_t i = 0; i < kDTypeTraits.size(); ++i) {
            // The table is indexed by the enum: every entry must sit at its own value.
            QCOMPARE(static_cast<std::size_t>(kDTypeTraits[i].type), i);
            QVERIFY(kDTypeTraits[i].bytes == 1 || kDTypeTraits[i].bytes == 2
                    || kDTypeTraits[i].bytes == 4 || kDTypeTraits[i].bytes == 8);
        }
        QCOMPARE(dtypeSize(DType::F32), 4);
        QCOMPARE(dtypeSize(DType::F16), 2);
        QCOMPARE(dtypeSize(DType::BF16), 2);
        QCOMPARE(dtypeSize(DType::F64), 8);
        QCOMPARE(dtypeSize(DType::I64), 8);
        QCOMPARE(dtypeSize(DType::F8_E4M3), 1);
        QVERIFY(traitsOf(DType::F32).convertibleToFloat);
        QVERIFY(traitsOf(DType::F16).convertibleToFloat);
        QVERIFY(traitsOf(DType::BF16).convertibleToFloat);
        QVERIFY(traitsOf(DType::F64).convertibleToFloat);
        QVERIFY(!traitsOf(DType::I32).convertibleToFloat);
        QVERIFY(!traitsOf(DType::F8_E5M2).convertibleToFloat);
        // FP8 converts, but only a scale beside it makes its values weights.
        QVERIFY(!traitsOf(DType::F8_E4M3).convertibleToFloat);
    }

    void dtypeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("dtype");
        QTest::newRow("BOOL") << "BOOL" << int(DType::Bool);
        QTest::newRow("U8") << "U8" << int(DType::U8);
        QTest::newRow("I8") << "I8" << int(DType::I8);
        QTest::newRow("I16") << "I16" << int(DType::I16);
        QTest::newRow("U16") << "U16" << int(DType::U16);
        QTest::newRow("I32") << "I32" << int(DType::I32);
        QTest::newRow("U32") << "U32" << int(DType::U32);
        QTest::newRow("I64") << "I64" << int(DType::I64);
        QTest::newRow("U64") << "U64" << int(DType::U64);
        QTest::newRow("F16") << "F16" << int(DType::F16);
        QTest::newRow("BF16") << "BF16" << int(DType::BF16);
        QTest::newRow("F32") << "F32" << int(DType::F32);
        QTest::newRow("F64") << "F64" << int(DType::F64);
        QTest::newRow("F8_E4M3") << "F8_E4M3" << int(DType::F8_E4M3);
        QTest::newRow("F8_E5M2") << "F8_E5M2" << int(DType::F8_E5M2);
    }

    void dtypeNames()
    {
        QFETCH(QString, name);
        QFETCH(int, dtype);
        const auto type = static_cast<DType>(dtype);
        QCOMPARE(dtypeName(type), name);
        const std::optional<DType> parsed = dtypeFromName(name);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, type);
        QVERIFY(knownDTypeNames().split(QStringLiteral(", ")).contains(name));
    }

    void unknownDTypeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("F17") << "F17";
        QTest::newRow("empty") << "";
        QTest::newRow("lower case") << "f32"; // safetensors spells dtypes in upper case
        QTest::newRow("torch spelling") << "float32";
        QTest::newRow("trailing space") << "F32 ";
        QTest::newRow("F8 without variant") << "F8";
    }

    void unknownDTypeNames()
    {
        QFETCH(QString, name);
        QVERIFY(!dtypeFromName(name).has_value());
    }

    void knownDTypeNamesList()
    {
        const QString names = knownDTypeNames();
        QVERIFY(names.startsWith(QStringLiteral("BOOL, U8, ")));
        const QStringList list = names.split(QStringLiteral(", "));
        QCOMPARE(list.size(), qsizetype(kDTypeTraits.size()));
        QVERIFY(list.contains(QStringLiteral("BF16")));
        QVERIFY(list.contains(QStringLiteral("F8_E5M2")));
    }
};

QTEST_GUILESS_MAIN(TestDType)
#include "tst_dtype.moc"
