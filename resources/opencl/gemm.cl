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
//   *_direct  no local memory and no barriers: a work-item keeps a QB_GEMM_TM × (QB_GEMM_TNV ·
//             QB_VW) block of C in registers, broadcasting A's values onto vectors of B's row
//             (the outer-product form of CPU BLAS micro-kernels). For CPU devices (PoCL), where
//             local memory is ordinary memory and barriers split the kernel into loops.
//   *_tiled   GPU form: a 16 × 16 work-group computes a 64 × 64 block of C, staging 16-deep
//             slices of A and B in local memory with coalesced loads; each work-item holds 4 × 4
//             outputs at (ty + 16 i, tx + 16 j), so local reads are broadcasts (A) or
//             consecutive (B).

#define QB_GEMM_STORE 0    // C = A·B (+ bias[n] when hasBias)
#define QB_GEMM_SUBTRACT 1 // C = C − A·B

#define QB_TILE 64
#define QB_TILE_K 16

// acc[i][v] = Σ_k A(m0 + i, k) · B(k, n0 + v·QB_VW …), k over [0, K). Rows of A past M repeat row
// M − 1 (their sums are never stored).
inline void qb_gemm_direct_accumulate(floatv acc[QB_GEMM_TM][QB_GEMM_TNV], int M, int K,
                                      __global const float* A, int offA, int sAm, int sAk,
                                      __global const float* B, int offB, int ldb, int m0, int n0)
{
    int aRow[QB_GEMM_TM];
#pragma unroll
    for (int i = 0; i < QB_GEMM_TM; ++i) {
        aRow[i] = offA + min(m0 + i, M - 1) * sAm;
#pragma unroll
        for (int v = 0; v < QB_GEMM_TNV; ++v)
            acc[i][v] = (floatv)(0.0f);
    }
    __global const float* b = B + offB + n0;
    int aK = 0;
    for (int k = 0; k < K; ++k) {
        floatv bv[QB_GEMM_TNV];
#pragma unroll
        for (int v = 0; v < QB_GEMM_TNV; ++v)
            bv[v] = vloadv(0, b + v * QB_VW);
#pragma unroll
        for (int i = 0; i < QB_GEMM_TM; ++i) {
            const floatv a = (floatv)(A[aRow[i] + aK]);
#pragma unroll
            for (int v = 0; v < QB_GEMM_TNV; ++v)
                acc[i][v] = mad(a, bv[v], acc[i][v]);
        }
        b += ldb;
        aK += sAk;
    }
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

// Global size (roundUp(N, QB_GEMM_TNV · QB_VW) / (QB_GEMM_TNV · QB_VW), roundUp(M, QB_GEMM_TM) /
// QB_GEMM_TM), any local size. bias [N] (padded like B's rows) is read when hasBias.
__kernel void gemm_direct(int M, int N, int K, __global const float* A, int offA, int sAm,
                          int sAk, __global const float* B, int offB, int ldb, __global float* C,
                          int offC, int ldc, __global const float* bias, int hasBias, int mode)
{
    const int n0 = get_global_id(0) * (QB_GEMM_TNV * QB_VW);
    const int m0 = get_global_id(1) * QB_GEMM_TM;
    if (n0 >= N || m0 >= M)
        return;
    floatv acc[QB_GEMM_TM][QB_GEMM_TNV];
    qb_gemm_direct_accumulate(acc, M, K, A, offA, sAm, sAk, B, offB, ldb, m0, n0);
#pragma unroll
    for (int i = 0; i < QB_GEMM_TM; ++i) {
        if (m0 + i >= M)
            break;
        __global float* c = C + offC + (m0 + i) * ldc + n0;
#pragma unroll
        for (int v = 0; v < QB_GEMM_TNV; ++v) {
            floatv value = acc[i][v];
            if (mode == QB_GEMM_SUBTRACT)
                value = vloadv(0, c + v * QB_VW) - value;
            else if (hasBias)
                value = value + vloadv(0, bias + n0 + v * QB_VW);
            vstorev(value, 0, c + v * QB_VW);
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
