// GPTQ's column loop (CpuBackend::gptqColumnLoop, the reference) for a slice of rows, which never
// mix: the host gathers W column-major in quantization order (transpose_tiles with the order as
// permutation), W[p · ldw + r] for position p and row r < ldw (rows padded with zeros to ldw, a
// multiple of QB_VW and of the GEMM's column block), then per block of positions [i1, i1 + count):
//   gptq_group_params  the grids of the groups that start in the block, from W as the earlier
//                      blocks left it (groupsInLoop only);
//   gptq_block         the block's columns one after the other: codes, errors, and each error
//                      spread onto the block's later columns (in place in W);
//   gemm (subtract)    the block's errors onto every later column: W[i2:, :] −= U[i1:i2, i2:]^T · E.
// The in-place block update is safe: the CPU's working copy differs from W only in the block's
// columns, and nothing reads those after the block — except the grids of the groups that start
// in it, which the CPU takes from W before the block's updates, hence gptq_group_params first.

// One work-item per (row r, group i of the block), global size (roundUp(rows, local), groups):
// group g = firstGroup + i covers positions [g · width, min((g + 1) · width, cols)).
__kernel void gptq_group_params(__global const float* w, int ldw, int rows, int cols,
                                int firstGroup, int width, float maxq, int symmetric,
                                __global float2* params, int groupsPerRow)
{
    const int r = get_global_id(0);
    const int g = firstGroup + get_global_id(1);
    if (r >= rows)
        return;
    const int first = g * width;
    const int count = min(width, cols - first);
    float xmin = 0.0f;
    float xmax = 0.0f;
    for (int c = 0; c < count; ++c) {
        const float v = w[(first + c) * ldw + r];
        xmin = qb_min(xmin, v);
        xmax = qb_max(xmax, v);
    }
    params[r * groupsPerRow + g] = qb_grid_params(xmin, xmax, maxq, symmetric);
}

// One work-item per QB_VW consecutive rows [r0, r0 + QB_VW), global size (ldw / QB_VW rounded up
// to the local size). For the block of positions [i1, i1 + count):
//   order [cols]          position -> original column
//   ublock                U[i1 + i, i1 + j] at ublockOffset + i · bs + j (the block's diagonal
//                         block of U, row-major; its upper triangle is read)
//   params [rows, groupsPerRow]; the group of position p, column c: groupMode 0 → 0,
//                         1 → p / width, 2 → c / width (static groups)
//   codes [rows, cols]    uchar, row-major in original column order (written for r < rows)
//   err [count, ldw]      (w − q) / U[p, p], column-major like W, the B operand of the update
__kernel void gptq_block(__global float* w, int ldw, int rows, int cols, int i1, int count,
                         __global const int* order, __global const float* ublock, int ublockOffset,
                         int bs,
                         __global const float2* params, int groupsPerRow, int groupMode,
                         int width, float maxq, __global uchar* codes, __global float* err)
{
    const int r0 = get_global_id(0) * QB_VW;
    if (r0 >= ldw)
        return;
    float scales[QB_VW];
    float zeros[QB_VW];
    int loadedGroup = -1;
    for (int i = 0; i < count; ++i) {
        const int p = i1 + i;
        const int column = order[p];
        const int group = groupMode == 0 ? 0 : (groupMode == 1 ? p : column) / width;
        if (group != loadedGroup) {
            for (int l = 0; l < QB_VW; ++l) {
                const float2 pair = params[min(r0 + l, rows - 1) * groupsPerRow + group];
                scales[l] = pair.x;
                zeros[l] = pair.y;
            }
            loadedGroup = group;
        }
#if QB_VW == 1
        const floatv scale = scales[0];
        const floatv zero = zeros[0];
#else
        const floatv scale = vloadv(0, scales);
        const floatv zero = vloadv(0, zeros);
#endif
        __global float* wp = w + p * ldw + r0;
        const floatv value = vloadv(0, wp);
        floatv q = rint(qb_divv(value, scale)) + zero;
        q = q < (floatv)(0.0f) ? (floatv)(0.0f) : (q > (floatv)(maxq) ? (floatv)(maxq) : q);
#if QB_VW == 1
        if (r0 < rows)
            codes[r0 * cols + column] = (uchar)q;
#else
        float qs[QB_VW];
        vstorev(q, 0, qs);
        for (int l = 0; l < QB_VW && r0 + l < rows; ++l)
            codes[(r0 + l) * cols + column] = (uchar)qs[l];
#endif
        // The error and the updates in fma(), as the CPU backend's build (x86-64-v3, where GCC
        // contracts value − scale · (q − zero) and Eigen's w − e · u into one rounding each):
        // with the same roundings the device's codes equal the CPU's but for the products'
        // summation order.
        __global const float* u = ublock + ublockOffset + i * bs;
        const floatv e = qb_divv(fma(-scale, q - zero, value), (floatv)(u[i]));
        vstorev(e, 0, err + i * ldw + r0);
        for (int j = i + 1; j < count; ++j) {
            __global float* wj = w + (i1 + j) * ldw + r0;
            vstorev(fma(-e, (floatv)(u[j]), vloadv(0, wj)), 0, wj);
        }
    }
}
