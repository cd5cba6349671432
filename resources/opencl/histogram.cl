// Histogram of weights (CpuBackend::histogram): bin = floor((v − lo) · scale) in float32 with
// scale = bins / (hi − lo) computed by the host in float, clamped to [0, bins − 1]; NaN and
// infinities not counted. 32-bit counters: the host launches at most 2^30 values at a time and
// adds each launch's counts into 64-bit ones.

inline int qb_bin(float v, float lo, float scale, int bins)
{
    const float position = floor((v - lo) * scale);
    return position < 0.0f ? 0 : (position >= (float)bins ? bins - 1 : (int)position);
}

// Each work-group counts its share (a grid-stride loop over the values) into local counters, then
// adds them to counts [bins] with one atomic per bin. counters is bins uints.
__kernel void histogram_local(__global const float* values, int count, float lo, float scale,
                              int bins, __local uint* counters, __global uint* counts)
{
    for (int b = get_local_id(0); b < bins; b += get_local_size(0))
        counters[b] = 0;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        const float v = values[i];
        if (isfinite(v))
            atomic_inc(&counters[qb_bin(v, lo, scale, bins)]);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int b = get_local_id(0); b < bins; b += get_local_size(0)) {
        const uint n = counters[b];
        if (n != 0)
            atomic_add(&counts[b], n);
    }
}

// For more bins than local memory holds: every value straight into the global counters.
__kernel void histogram_global(__global const float* values, int count, float lo, float scale,
                               int bins, __global uint* counts)
{
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        const float v = values[i];
        if (isfinite(v))
            atomic_inc(&counts[qb_bin(v, lo, scale, bins)]);
    }
}

// For CPU devices (PoCL): there, atomics on shared counters serialise the work-items, so each
// work-item counts a contiguous run of values into private counters (bins <= QB_PRIVATE_BINS) and
// adds them to counts once at the end. Launched with one work-item per work-group.
#define QB_PRIVATE_BINS 512

__kernel void histogram_private(__global const float* values, int count, float lo, float scale,
                                int bins, __global uint* counts)
{
    uint own[QB_PRIVATE_BINS];
    for (int b = 0; b < bins; ++b)
        own[b] = 0;
    const long items = get_global_size(0);
    const long item = get_global_id(0);
    const int first = (int)(count * item / items);
    const int end = (int)(count * (item + 1) / items);
    for (int i = first; i < end; ++i) {
        const float v = values[i];
        if (isfinite(v))
            ++own[qb_bin(v, lo, scale, bins)];
    }
    for (int b = 0; b < bins; ++b) {
        if (own[b] != 0)
            atomic_add(&counts[b], own[b]);
    }
}
