// X^T X for the calibration Hessian: one launch per slab of at most 2048 rows of X, as the CPU
// backend (float within a slab), added into a float pair (hi, lo) across slabs so that the sum
// over slabs keeps about 48 bits (the CPU adds the slabs in double).
//
// For a panel of rows [c0, c0 + M) of X^T X [k, k], its columns [c0, k) (N = k − c0), with X's slab
// uploaded row-major with rows padded to ld floats (zeros past k): A (m, r) = X[r, c0 + m]
// (sAm = 1, sAk = ld), B (r, n) = X[r, c0 + n]; C (m, n) = X^T X (c0 + m, c0 + n). Only blocks that
// touch the upper triangle (n >= m) are computed (the host reads row j of the result as column j
// of the lower triangle it is asked for); entries below the diagonal inside those blocks are
// written too, the rest of the lower triangle is left alone.

// (hi, lo) += p: Knuth's two-sum puts hi + p's rounding error into lo. hi + lo then tracks the
// exact sum to about 2^-48 relative (lo's own rounding), as a double accumulator would.
inline void qb_pair_add(__global float* hi, __global float* lo, int index, float p)
{
    const float h = hi[index];
    const float s = h + p;
    const float bp = s - h;
    const float error = (h - (s - bp)) + (p - bp);
    hi[index] = s;
    lo[index] = lo[index] + error;
}

#if QB_VW > 1
inline void qb_pair_addv(__global float* hi, __global float* lo, int index, floatv p)
{
    const floatv h = vloadv(0, hi + index);
    const floatv s = h + p;
    const floatv bp = s - h;
    const floatv error = (h - (s - bp)) + (p - bp);
    vstorev(s, 0, hi + index);
    vstorev(vloadv(0, lo + index) + error, 0, lo + index);
}
#else
#define qb_pair_addv qb_pair_add
#endif

// Global size as gemm_direct. hi and lo [M, ldc] follow gemm_direct's padding contract for C;
// P [M, ldc] holds the partial sums between slices of K (unused when K <= QB_GEMM_KB).
__kernel void gram_direct(int M, int N, int K, __global const float* X, int c0, int ld,
                          __global float* hi, __global float* lo, int ldc, __global float* P)
{
    const int n0 = get_global_id(0) * (QB_GEMM_TNV * QB_VW);
    const int mBase = get_global_id(1) * (QB_GEMM_TM * QB_GEMM_RB);
    const int nLast = n0 + QB_GEMM_TNV * QB_VW - 1;
    if (n0 >= N || mBase >= M || nLast < mBase)
        return;
    // Only the row blocks that touch the upper triangle: a block starting at row m0 does when
    // m0 <= nLast, and the later ones start further down.
    const int blocks = min(qb_direct_row_blocks(M, mBase), (nLast - mBase) / QB_GEMM_TM + 1);
    for (int k0 = 0; k0 < K; k0 += QB_GEMM_KB) {
        const int k1 = min(k0 + QB_GEMM_KB, K);
        for (int r = 0; r < blocks; ++r) {
            const int m0 = mBase + r * QB_GEMM_TM;
            floatv sum[QB_GEMM_TM][QB_GEMM_TNV];
            QB_GEMM_DIRECT_SLICE(sum, M, k0, k1, X, c0, 1, ld, X, c0, ld, P, ldc, m0, n0);
            if (k1 < K) {
                QB_GEMM_DIRECT_KEEP(sum, M, P, ldc, m0, n0);
                continue;
            }
#pragma unroll
            for (int i = 0; i < QB_GEMM_TM; ++i) {
                if (m0 + i >= M)
                    break;
#pragma unroll
                for (int v = 0; v < QB_GEMM_TNV; ++v)
                    qb_pair_addv(hi, lo, (m0 + i) * ldc + n0 + v * QB_VW, sum[i][v]);
            }
        }
    }
}

// Global size and local size as gemm_tiled.
__kernel __attribute__((reqd_work_group_size(16, 16, 1))) void
gram_tiled(int M, int N, int K, __global const float* X, int c0, int ld, __global float* hi,
           __global float* lo, int ldc)
{
    __local float As[QB_TILE_K * (QB_TILE + 1)];
    __local float Bs[QB_TILE_K * QB_TILE];
    const int n0 = get_group_id(0) * QB_TILE;
    const int m0 = get_group_id(1) * QB_TILE;
    if (n0 + QB_TILE - 1 < m0)
        return; // the whole work-group: below the diagonal
    float acc[4][4];
    qb_gemm_tiled_accumulate(acc, As, Bs, M, N, K, X, c0, 1, ld, X, c0, ld, m0, n0);
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        const int m = m0 + ty + 16 * i;
#pragma unroll
        for (int j = 0; j < 4; ++j) {
            const int n = n0 + tx + 16 * j;
            if (m < M && n < N)
                qb_pair_add(hi, lo, m * ldc + n, acc[i][j]);
        }
    }
}
