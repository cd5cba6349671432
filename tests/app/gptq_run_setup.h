#pragma once

// What the window-level tests that need a real GPTQ run of the demo model share: the plan and
// calibration text they start it with (3-bit asymmetric groups of 32, calibrated on the bundled
// TinyStories subset).

#include "app/gui/main_window.h"
#include "core/quant/quant_plan.h"
#include "tests/support/test_paths.h"
#include "views/calibration_panel.h"
#include "views/layer_table_model.h"

#include <QDir>

namespace qb::test {

// Sets the calibration text and a GPTQ a3g32 plan in `window` (a model open) and starts the
// whole-plan run; the caller waits for it (window.lastRun()).
inline void startGptq3Run(MainWindow& window)
{
    window.calibrationPanel()->setTextPath(
        QDir(dataDir()).filePath(QStringLiteral("tinystories/TinyStories-valid-subset.txt")));
    LayerQuantConfig gptq;
    gptq.method = QuantMethod::Gptq;
    gptq.scheme = QuantScheme::fromGroupSizeCode(3, false, 32);
    window.layerModel()->setDefaults(gptq);
    window.quantizeLayers(false);
}

} // namespace qb::test
