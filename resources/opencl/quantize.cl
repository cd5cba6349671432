// Round-to-nearest on the min/max grid, and back (core/quant/quantized_tensor.cpp): every
// parameter and code bit for bit equal to the CPU's (see qb_div and qb_grid_params in common.cl).
//
// Layouts: weights [rows, cols] row-major float; codes [rows, cols] uchar; params [rows, groups]
// (scale, zero) pairs, as GridParams; groupOf [cols] int: the group of each column (c / width, or
// QuantizedTensor::groupIndex for act-order), so that no kernel divides per element.

// One work-item per (group g, row r), global size (groups, rows): the extremes of the values
// [g · width, min((g + 1) · width, cols)) of row r. minMaxOnly: writes (xmin, xmax) to params —
// the per-tensor grid, finished on the host over all rows — else the group's (scale, zero).
__kernel void group_params(__global const float* weight, int rows, int cols, int width,
                           int groups, float maxq, int symmetric, int minMaxOnly,
                           __global float2* params)
{
    const int g = get_global_id(0);
    const int r = get_global_id(1);
    if (g >= groups || r >= rows)
        return;
    const int first = g * width;
    const int count = min(width, cols - first);
    __global const float* values = weight + r * cols + first;
    float xmin = 0.0f;
    float xmax = 0.0f;
    for (int c = 0; c < count; ++c) {
        const float v = values[c];
        xmin = qb_min(xmin, v);
        xmax = qb_max(xmax, v);
    }
    params[r * groups + g] =
        minMaxOnly ? (float2)(xmin, xmax) : qb_grid_params(xmin, xmax, maxq, symmetric);
}

// The grid parameters of columns [c0, c0 + QB_VW) of row r as vectors. sameGroup: the run is one
// group (then one load serves all lanes), else each lane loads its own.
inline void qb_lane_params(__global const int* groupOf, __global const float2* params, int groups,
                           int r, int c0, int sameGroup, floatv* scale, floatv* zero)
{
    if (sameGroup) {
        const float2 p = params[r * groups + groupOf[c0]];
        *scale = (floatv)(p.x);
        *zero = (floatv)(p.y);
        return;
    }
    float scales[QB_VW];
    float zeros[QB_VW];
    for (int l = 0; l < QB_VW; ++l) {
        const float2 p = params[r * groups + groupOf[c0 + l]];
        scales[l] = p.x;
        zeros[l] = p.y;
    }
#if QB_VW == 1
    *scale = scales[0];
    *zero = zeros[0];
#else
    *scale = vloadv(0, scales);
    *zero = vloadv(0, zeros);
#endif
}

// One work-item per QB_VW consecutive weights of a row (the last run of a row may be shorter),
// global size (roundUp(cols / QB_VW rounded up, local), rows). groupsAscending: groupOf never
// decreases along the row (c / width), so a run whose first and last columns share a group is
// one group; else (act-order's group index) every lane looks its group up.
__kernel void quantize_codes(__global const float* weight, int rows, int cols,
                             __global const int* groupOf, int groupsAscending,
                             __global const float2* params, int groups, float maxq,
                             __global uchar* codes)
{
    const int c0 = get_global_id(0) * QB_VW;
    const int r = get_global_id(1);
    if (c0 >= cols || r >= rows)
        return;
    const int index = r * cols + c0;
    if (c0 + QB_VW <= cols) {
        floatv scale;
        floatv zero;
        qb_lane_params(groupOf, params, groups, r, c0,
                       groupsAscending && groupOf[c0] == groupOf[c0 + QB_VW - 1], &scale, &zero);
        floatv q = rint(qb_divv(vloadv(0, weight + index), scale)) + zero;
        q = q < (floatv)(0.0f) ? (floatv)(0.0f) : (q > (floatv)(maxq) ? (floatv)(maxq) : q);
        vstorev(convert_ucharv(q), 0, codes + index);
        return;
    }
    for (int c = c0; c < cols; ++c) {
        const float2 p = params[r * groups + groupOf[c]];
        codes[r * cols + c] = (uchar)qb_code(weight[r * cols + c], p.x, p.y, maxq);
    }
}

// dequantizeCode: scale · (code − zero). Work-items and global size as quantize_codes.
__kernel void dequantize_codes(__global const uchar* codes, int rows, int cols,
                               __global const int* groupOf, int groupsAscending,
                               __global const float2* params, int groups, __global float* values)
{
    const int c0 = get_global_id(0) * QB_VW;
    const int r = get_global_id(1);
    if (c0 >= cols || r >= rows)
        return;
    const int index = r * cols + c0;
    if (c0 + QB_VW <= cols) {
        floatv scale;
        floatv zero;
        qb_lane_params(groupOf, params, groups, r, c0,
                       groupsAscending && groupOf[c0] == groupOf[c0 + QB_VW - 1], &scale, &zero);
        vstorev(scale * (convert_floatv(vloadv(0, codes + index)) - zero), 0, values + index);
        return;
    }
    for (int c = c0; c < cols; ++c) {
        const float2 p = params[r * groups + groupOf[c]];
        values[r * cols + c] = p.x * ((float)codes[r * cols + c] - p.y);
    }
}
