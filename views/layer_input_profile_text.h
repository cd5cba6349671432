#pragma once

#include "core/analysis/layer_input_profile.h"

#include <QCoreApplication>
#include <QString>

namespace qb {

// The words the outlier-channel and Hessian views share about a LayerInputProfile: where its
// numbers come from and the one-line summary above each plot.
class LayerInputProfileText {
    Q_DECLARE_TR_FUNCTIONS(LayerInputProfileText)

public:
    // "from the GPTQ run at 14:03" or "full-precision calibration at 14:05".
    static QString source(const LayerInputProfile& profile);
    // "model.layers.0.self_attn.q_proj · 64 input channels · 11,776 rows · from the GPTQ run…"
    static QString headline(const LayerInputProfile& profile);
    // "AWQ scale s" / "SmoothQuant factor s" (empty without a scale).
    static QString scaleName(const LayerInputProfile& profile);
};

} // namespace qb
