// Matrix products C [M, N] (op)= A · B for the linear layers, X^T X (gram.cl) and GPTQ's lazy
// block updates, and the transposition that lays operands out for them.
//
// Operand layouts (all float32, offsets and strides in floats):
//   A (m, k) = A[offA + m * sAm + k * sAk]   any strides: x row-major (sAm = in, sAk = 1) or a
//                                            k-major panel (sAm = 1, sAk = ld)
//   B (k, n) = B[offB + k * ldb + n]         n contiguous
//   C (m, n) = C[offC + m * ldc + n]
// Padding contract of the direct kernels (they load and store whole vectors of columns): B's and
// C's rows hold at least roundUp(N, QB_GEMM_TNV · QB_VW) floats from n = 0, and B's entries beyond
// N are finite (the host zero-fills them); C's columns beyond N are overwritten with junk. The
// tiled kernels check every bound. Rows of A beyond M are never read.
//
// Two kernels for one product, chosen by the host per device:
//   *_direct  no local memory and no barriers: a work-item computes QB_GEMM_RB row blocks of
//             C under one strip of columns, each a QB_GEMM_TM × (QB_GEMM_TNV · QB_VW) block held in
//             registers while A's values are broadcast onto vectors of B's row (the outer-product
//             form of CPU BLAS micro-kernels), K taken in cache-sized slices. For CPU devices
//             (PoCL), where local memory is ordinary memory and barriers split the kernel into
//             loops.
//   *_tiled   GPU form: a 16 × 16 work-group computes a 64 × 64 block of C, staging 16-deep
//             slices of A and B in local memory with coalesced loads; each work-item holds 4 × 4
//             outputs at (ty + 16 i, tx + 16 j), so local reads are broadcasts (A) or
//             consecutive (B).

#define QB_GEMM_STORE 0    // C = A·B (+ bias[n] when hasBias)
#define QB_GEMM_SUBTRACT 1 // C = C − A·B

#define QB_TILE 64
#define QB_TILE_K 16

// The direct kernels' sums, a row block at a time and K a slice at a time.
//
// Why slices: a row block's registers hold a QB_GEMM_TM × (QB_GEMM_TNV · QB_VW) block of C, and
// its sum streams the strip of B under it (K rows of the strip: 512 KiB for K = 4096 and 32
// columns), which falls out of L1 and L2 before the next row block reads it again. A work-item
// therefore takes QB_GEMM_RB row blocks under one strip and runs all of them through one slice of
// QB_GEMM_KB rows of the strip before the next slice, which keeps the slice in L1 for all of them
// (PoCL on 2 cores, 2048 × 4096 · 4096 × 4096: the kernel alone 0.40 s → 0.24 s; linear() with
// its uploads and transposition 0.50 s → 0.34 s). Between slices a block's sums
// wait in a partial-sum matrix P [M, ldp] in global memory (C itself where the result only
// overwrites C) as the same floats, so every sum is still added over k in order: the result is
// the unsliced one bit for bit. (Keeping them in a private array instead made linear() 0.46 s.)

// The row blocks a direct work-item computes: QB_GEMM_RB of them from row mBase, fewer at the
// bottom of the matrix.
inline int qb_direct_row_blocks(int M, int mBase)
{
    return min(QB_GEMM_RB, (M - mBase + QB_GEMM_TM - 1) / QB_GEMM_TM);
}

// sum[i][v] = Σ_k A(m0 + i, k) · B(k, n0 + v·QB_VW …) over k in [k0, k1), in order of k, added
// to 0 when k0 == 0, else to P's rows m0 + i; `sum` is a floatv [QB_GEMM_TM][QB_GEMM_TNV] of the
// caller. Rows of A past M repeat row M − 1 (their sums are never stored).
// A macro, not a function: PoCL keeps `sum` in registers only when it is the kernel's own array;
// passed to a function as a parameter it lived in memory, and linear() took 0.48–0.52 s instead
// of 0.34 s.
#define QB_GEMM_DIRECT_SLICE(sum, M, k0, k1, A, offA, sAm, sAk, B, offB, ldb, P, ldp, m0, n0)     \
    {                                                                                              \
        int aRow_[QB_GEMM_TM];                                                                     \
        _Pragma("unroll") for (int i_ = 0; i_ < QB_GEMM_TM; ++i_)                                  \
        {                                                                                          \
            aRow_[i_] = (offA) + min((m0) + i_, (M) - 1) * (sAm) + (k0) * (sAk);                   \
            __global const float* p_ = (P) + min((m0) + i_, (M) - 1) * (ldp) + (n0);               \
            _Pragma("unroll") for (int v_ = 0; v_ < QB_GEMM_TNV; ++v_) sum[i_][v_] =               \
                (k0) == 0 ? (floatv)(0.0f) : vloadv(0, p_ + v_ * QB_VW);                           \
        }                                                                                          \
        __global const float* b_ = (B) + (offB) + (k0) * (ldb) + (n0);                             \
        int aK_ = 0;                                                                               \
        for (int k_ = (k0); k_ < (k1); ++k_) {                                                     \
            floatv bv_[QB_GEMM_TNV];                                                               \
            _Pragma("unroll") for (int v_ = 0; v_ < QB_GEMM_TNV; ++v_) bv_[v_] =                   \
                vloadv(0, b_ + v_ * QB_VW);                                                        \
            _Pragma("unroll") for (int i_ = 0; i_ < QB_GEMM_TM; ++i_)                              \
            {                                                                                      \
                const floatv a_ = (floatv)((A)[aRow_[i_] + aK_]);                                  \
                _Pragma("unroll") for (int v_ = 0; v_ < QB_GEMM_TNV; ++v_) sum[i_][v_] =           \
                    mad(a_, bv_[v_], sum[i_][v_]);                                                 \
            }                                                                                      \
            b_ += (ldb);                                                                           \
            aK_ += (sAk);                                                                          \
        }                                                                                          \
    }

// Keeps a row block's sums in P until the next slice (a macro for the reason above).
#define QB_GEMM_DIRECT_KEEP(sum, M, P, ldp, m0, n0)                                                \
    _Pragma("unroll") for (int i_ = 0; i_ < QB_GEMM_TM && (m0) + i_ < (M); ++i_)                   \
    {                                                                                              \
        _Pragma("unroll") for (int v_ = 0; v_ < QB_GEMM_TNV; ++v_)                                 \
            vstorev(sum[i_][v_], 0, (P) + ((m0) + i_) * (ldp) + (n0) + v_ * QB_VW);                \
    }

// The work-group's 64 × 64 block of A·B at (m0, n0); acc[i][j] is C(m0 + ty + 16 i, n0 + tx + 16 j).
// Work-group (16, 16). Out-of-range operands read as 0.
inline void qb_gemm_tiled_accumulate(float acc[4][4], __local float* As, __local float* Bs, int M,
                                     int N, int K, __global const float* A, int offA, int sAm,
                                     int sAk, __global const float* B, int offB, int ldb, int m0,
                                     int n0)
{
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
    const int lid = ty * 16 + tx;
    // As is [QB_TILE_K][QB_TILE + 1]: the extra column keeps the k-contiguous stores of a
    // row-major A (below) off a single bank.
    const int aLd = QB_TILE + 1;
#pragma unroll
    for (int i = 0; i < 4; ++i) {
#pragma unroll
        for (int j = 0; j < 4; ++j)
            acc[i][j] = 0.0f;
    }
    for (int k0 = 0; k0 < K; k0 += QB_TILE_K) {
        // 16 × 64 values of each operand, 4 per work-item; consecutive work-items read
        // consecutive addresses of A (along k when sAk == 1, else along m) and of B (along n).
#pragma unroll
        for (int l = 0; l < 4; ++l) {
            const int e = lid + 256 * l;
            const int am = sAk == 1 ? e / QB_TILE_K : e % QB_TILE;
            const int ak = sAk == 1 ? e % QB_TILE_K : e / QB_TILE;
            const int gm = m0 + am;
            const int gk = k0 + ak;
            As[ak * aLd + am] = gm < M && gk < K ? A[offA + gm * sAm + gk * sAk] : 0.0f;
            const int bn = e % QB_TILE;
            const int bk = e / QB_TILE;
            Bs[bk * QB_TILE + bn] =
                n0 + bn < N && k0 + bk < K ? B[offB + (k0 + bk) * ldb + n0 + bn] : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
#pragma unroll 4
        for (int k = 0; k < QB_TILE_K; ++k) {
            float a[4];
            float b[4];
#pragma unroll
            for (int i = 0; i < 4; ++i) {
                a[i] = As[k * aLd + ty + 16 * i];
                b[i] = Bs[k * QB_TILE + tx + 16 * i];
            }
#pragma unroll
            for (int i = 0; i < 4; ++i) {
#pragma unroll
                for (int j = 0; j < 4; ++j)
                    acc[i][j] = mad(a[i], b[j], acc[i][j]);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
}

// Global size (roundUp(N, QB_GEMM_TNV · QB_VW) / (QB_GEMM_TNV · QB_VW), ceil(roundUp(M,
// QB_GEMM_TM) / (QB_GEMM_TM · QB_GEMM_RB))), any local size. bias [N] (padded like B's rows) is
// read when hasBias. P [M, ldp] holds the partial sums between slices of K (padded like C): C
// itself in QB_GEMM_STORE mode; in QB_GEMM_SUBTRACT mode, where C's values are still needed, a
// separate matrix unless K <= QB_GEMM_KB (one slice, P unused).
__kernel void gemm_direct(int M, int N, int K, __global const float* A, int offA, int sAm,
                          int sAk, __global const float* B, int offB, int ldb, __global float* C,
                          int offC, int ldc, __global const float* bias, int hasBias, int mode,
                          __global float* P, int offP, int ldp)
{
    const int n0 = get_global_id(0) * (QB_GEMM_TNV * QB_VW);
    const int mBase = get_global_id(1) * (QB_GEMM_TM * QB_GEMM_RB);
    if (n0 >= N || mBase >= M)
        return;
    const int blocks = qb_direct_row_blocks(M, mBase);
    P += offP;
    for (int k0 = 0; k0 < K; k0 += QB_GEMM_KB) {
        const int k1 = min(k0 + QB_GEMM_KB, K);
        for (int r = 0; r < blocks; ++r) {
            const int m0 = mBase + r * QB_GEMM_TM;
            floatv sum[QB_GEMM_TM][QB_GEMM_TNV];
            QB_GEMM_DIRECT_SLICE(sum, M, k0, k1, A, offA, sAm, sAk, B, offB, ldb, P, ldp, m0, n0);
            if (k1 < K) {
                QB_GEMM_DIRECT_KEEP(sum, M, P, ldp, m0, n0);
                continue;
            }
#pragma unroll
            for (int i = 0; i < QB_GEMM_TM; ++i) {
                if (m0 + i >= M)
                    break;
                __global float* c = C + offC + (m0 + i) * ldc + n0;
#pragma unroll
                for (int v = 0; v < QB_GEMM_TNV; ++v) {
                    floatv value = sum[i][v];
                    if (mode == QB_GEMM_SUBTRACT)
                        value = vloadv(0, c + v * QB_VW) - value;
                    else if (hasBias)
                        value = value + vloadv(0, bias + n0 + v * QB_VW);
                    vstorev(value, 0, c + v * QB_VW);
                }
            }
        }
    }
}

// Global size (roundUp(N, 64) / 4, roundUp(M, 64) / 4), local size (16, 16).
__kernel __attribute__((reqd_work_group_size(16, 16, 1))) void
gemm_tiled(int M, int N, int K, __global const float* A, int offA, int sAm, int sAk,
           __global const float* B, int offB, int ldb, __global float* C, int offC, int ldc,
           __global const float* bias, int hasBias, int mode)
{
    __local float As[QB_TILE_K * (QB_TILE + 1)];
    __local float Bs[QB_TILE_K * QB_TILE];
    const int n0 = get_group_id(0) * QB_TILE;
    const int m0 = get_group_id(1) * QB_TILE;
    float acc[4][4];
    qb_gemm_tiled_accumulate(acc, As, Bs, M, N, K, A, offA, sAm, sAk, B, offB, ldb, m0, n0);
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        const int m = m0 + ty + 16 * i;
#pragma unroll
        for (int j = 0; j < 4; ++j) {
            const int n = n0 + tx + 16 * j;
            if (m < M && n < N) {
                const int index = offC + m * ldc + n;
                if (mode == QB_GEMM_SUBTRACT)
                    C[index] = C[index] - acc[i][j];
                else
                    C[index] = hasBias ? acc[i][j] + bias[n] : acc[i][j];
            }
        }
    }
}

// dst [c, r] = src [r, column(c)] for r < rows, c < cols, with column(c) = permutation[c] when
// hasPermutation, else c; zero for rows ≤ r < rowsPadded (dst's padding). src is contiguous (row
// stride cols); dst row c starts at c * ldDst. Global size (roundUp(rowsPadded, 16), roundUp(cols,
// 16)), local size (16, 16): each work-group moves a 16 × 16 tile through local memory, reading
// rows and writing columns of src with consecutive work-items on consecutive addresses.
__kernel __attribute__((reqd_work_group_size(16, 16, 1))) void
transpose_tiles(__global const float* src, int rows, int cols, int rowsPadded,
                __global const int* permutation, int hasPermutation, __global float* dst, int ldDst)
{
    __local float tile[16][17];
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
    const int r0 = get_group_id(0) * 16;
    const int c0 = get_group_id(1) * 16;
    // Read: work-item (tx, ty) takes src row r0 + ty, column c0 + tx.
    {
        const int r = r0 + ty;
        const int c = c0 + tx;
        float value = 0.0f;
        if (r < rows && c < cols) {
            const int column = hasPermutation ? permutation[c] : c;
            value = src[r * cols + column];
        }
        tile[ty][tx] = value;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    // Write: work-item (tx, ty) puts dst row c0 + ty, column r0 + tx.
    const int c = c0 + ty;
    const int r = r0 + tx;
    if (c < cols && r < rowsPadded)
        dst[c * ldDst + r] = tile[tx][ty];
}
