// What the code was compiled for, read by CpuSupport (compiled for the baseline).
extern "C" {
#ifdef __AVX2__
extern const bool qbBuiltWithAvx2 = true;
#else
extern const bool qbBuiltWithAvx2 = false;
#endif
#ifdef __FMA__
extern const bool qbBuiltWithFma = true;
#else
extern const bool qbBuiltWithFma = false;
#endif
#ifdef __AVX512F__
extern const bool qbBuiltWithAvx512 = true;
#else
extern const bool qbBuiltWithAvx512 = false;
#endif
}
