// Shared by every kernel file; the build concatenates common, gemm, gram, quantize, gptq and
// histogram.cl (in that order) into one OpenCL C 1.2 program (core/backend/opencl).
//
// The results must equal the CPU backend's: grid parameters and codes bit for bit, sums to float
// rounding. Hence no contraction: a * b + c is two roundings unless a kernel writes mad() or fma()
// itself (the sums do, where only the rounding order matters).
#pragma OPENCL FP_CONTRACT OFF

// Build-time configuration, passed by the host as -D options (part of the program cache key):
//   QB_VW           lanes per work-item of the vectorised kernels (1, 2, 4, 8 or 16): rows of W
//                   in the GPTQ block loop, columns of C in gemm_direct / gram_direct
//   QB_GEMM_TM      rows of C per work-item of the direct GEMM kernels
//   QB_GEMM_TNV     vectors of QB_VW columns of C per work-item of the direct GEMM kernels
//   QB_GEMM_RB      row blocks (of QB_GEMM_TM rows) per work-item of the direct GEMM kernels
//   QB_GEMM_KB      depth of the slices of K the direct GEMM kernels run their row blocks through
//   QB_CORRECT_DIV  1 when '/' is correctly rounded (built with
//                   -cl-fp32-correctly-rounded-divide-sqrt), 0 to use qb_div's corrected quotient
#ifndef QB_VW
#define QB_VW 1
#endif
#ifndef QB_GEMM_TM
#define QB_GEMM_TM 4
#endif
#ifndef QB_GEMM_TNV
#define QB_GEMM_TNV 2
#endif
#ifndef QB_GEMM_RB
#define QB_GEMM_RB 16
#endif
#ifndef QB_GEMM_KB
#define QB_GEMM_KB 128
#endif
#ifndef QB_CORRECT_DIV
#define QB_CORRECT_DIV 0
#endif

#define QB_CAT_(a, b) a##b
#define QB_CAT(a, b) QB_CAT_(a, b)

// floatv: QB_VW floats. vloadv / vstorev take an offset in vectors, like vloadn / vstoren, and
// serve any element type.
// ucharv: QB_VW codes; convert_ucharv truncates (only ever applied to integers in 0 … 255).
#if QB_VW == 1
typedef float floatv;
typedef uchar ucharv;
#define vloadv(offset, pointer) ((pointer)[offset])
#define vstorev(value, offset, pointer) ((pointer)[offset] = (value))
#define convert_floatv convert_float
#define convert_ucharv convert_uchar
#else
typedef QB_CAT(float, QB_VW) floatv;
typedef QB_CAT(uchar, QB_VW) ucharv;
#define vloadv QB_CAT(vload, QB_VW)
#define vstorev QB_CAT(vstore, QB_VW)
#define convert_floatv QB_CAT(convert_float, QB_VW)
#define convert_ucharv QB_CAT(convert_uchar, QB_VW)
#endif

// a / b correctly rounded (round to nearest even), as the CPU's IEEE division: the grid's
// scale = range / maxq, x / scale before rint() and GPTQ's error / U[p, p] must be bit-exact.
//
// With QB_CORRECT_DIV the device's '/' is (the host builds with
// -cl-fp32-correctly-rounded-divide-sqrt). Otherwise '/' may be 2.5 ulp off (OpenCL 1.2 §7.4),
// and the quotient is corrected: a Newton step on the reciprocal and one on the quotient (fma
// residuals, exact) bring q within 1 ulp of a / b; then of q and its two neighbours the one with
// the smallest exact residual |a − b·q| is the correctly rounded quotient (a quotient of two
// floats is never a midpoint, so there is no tie). a = ±0 keeps its sign: rint(−0 / scale) = −0
// is the reference's zero point of a group without negative values.
// Exact: a = ±0, and whenever a, b and a / b are normal floats with |b| < 2^126.
// Not exact: quotients below 2^-126 in magnitude (subnormal) may be 1 ulp off — rint() of them
// is still 0, but a GPTQ error that small may differ in its last bit; b = 0, ±inf, NaN and
// infinite a are not handled (never passed: scales and U's diagonal are positive and normal,
// weights finite). Devices that flush subnormals (no CL_FP_DENORM) also differ from the CPU for
// groups whose range is below 2^-126 · maxq, whatever the division.
inline float qb_div(float a, float b)
{
#if QB_CORRECT_DIV
    return a / b;
#else
    float y = 1.0f / b;
    y = fma(fma(-b, y, 1.0f), y, y);
    float q = a * y;
    q = fma(fma(-b, q, a), y, q);
    const float below = nextafter(q, -INFINITY);
    const float above = nextafter(q, INFINITY);
    const float r = fabs(fma(-b, q, a));
    const float rBelow = fabs(fma(-b, below, a));
    const float rAbove = fabs(fma(-b, above, a));
    q = rBelow < r ? below : q;
    q = rAbove < fmin(r, rBelow) ? above : q;
    return a == 0.0f ? a * y : q; // ±0 / b: the residual steps would lose the zero's sign
#endif
}

#if QB_VW == 1
#define qb_divv qb_div
#else
inline floatv qb_divv(floatv a, floatv b)
{
#if QB_CORRECT_DIV
    return a / b;
#else
    floatv y = 1.0f / b;
    y = fma(fma(-b, y, (floatv)(1.0f)), y, y);
    floatv q = a * y;
    q = fma(fma(-b, q, a), y, q);
    const floatv below = nextafter(q, (floatv)(-INFINITY));
    const floatv above = nextafter(q, (floatv)(INFINITY));
    const floatv r = fabs(fma(-b, q, a));
    const floatv rBelow = fabs(fma(-b, below, a));
    const floatv rAbove = fabs(fma(-b, above, a));
    q = rBelow < r ? below : q;
    q = rAbove < fmin(r, rBelow) ? above : q;
    return a == (floatv)(0.0f) ? a * y : q;
#endif
}
#endif

// The reference min/max grid of one group from its extremes (minMaxGridParams in
// core/quant/minmax_grid.cpp, statement for statement): xmin, xmax as the running
// min(values, 0) and max(values, 0) with strict comparisons, so that a group of zeros and -0s keeps
// xmin = +0 exactly as std::min(0.0f, -0.0f) does. Returns (scale, zero).
inline float2 qb_grid_params(float xmin, float xmax, float maxq, int symmetric)
{
    if (symmetric) {
        const float magnitude = fabs(xmin);
        xmax = magnitude < xmax ? xmax : magnitude; // std::max(|xmin|, xmax)
        if (xmin < 0.0f)
            xmin = -xmax;
    }
    if (xmin == 0.0f && xmax == 0.0f) {
        xmin = -1.0f;
        xmax = 1.0f;
    }
    const float scale = qb_div(xmax - xmin, maxq);
    const float zero = symmetric ? (maxq + 1.0f) / 2.0f : rint(qb_div(-xmin, scale));
    return (float2)(scale, zero);
}

// The running extremes of minMaxGridParams: std::min(xmin, v) is (v < xmin ? v : xmin).
inline float qb_min(float xmin, float v)
{
    return v < xmin ? v : xmin;
}
inline float qb_max(float xmax, float v)
{
    return xmax < v ? v : xmax;
}

// quantizeToCode: clamp(rint(x / scale) + zero, 0, maxq), a float holding an integer.
inline float qb_code(float x, float scale, float zero, float maxq)
{
    const float q = rint(qb_div(x, scale)) + zero;
    return q < 0.0f ? 0.0f : (q > maxq ? maxq : q);
}
