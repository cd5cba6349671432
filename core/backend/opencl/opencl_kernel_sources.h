#pragma once

#include <string>

namespace qb::opencl {

// The OpenCL C 1.2 source of every kernel (resources/opencl/*.cl, in the order core/CMakeLists.txt
// lists them), embedded at build time (cmake/EmbedOpenClKernels.cmake).
const std::string& kernelSource();

} // namespace qb::opencl
