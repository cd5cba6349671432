#pragma once

#include <QString>

namespace qb::test {

// tests/data in the source tree (golden references, TinyStories text).
QString dataDir();
// The bundled demo model, resources/demo/stories260K in the source tree.
QString demoModelDir();
// build/bin, where quantbench and quantbench-cli are built.
QString binDir();

} // namespace qb::test
