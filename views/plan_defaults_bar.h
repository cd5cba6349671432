#pragma once

#include "core/quant/quant_plan.h"

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace qb {

// Edits the plan's default settings — what every layer without its own override gets: method,
// bits, group size and grid. Emits configEdited on each user change; setConfig() (from the plan)
// does not emit.
class PlanDefaultsBar : public QWidget {
    Q_OBJECT

public:
    explicit PlanDefaultsBar(QWidget* parent = nullptr);

    void setConfig(const LayerQuantConfig& config);
    LayerQuantConfig config() const;

Q_SIGNALS:
    void configEdited(const qb::LayerQuantConfig& config);

private:
    void emitEdited();
    void updateEnabled();

    QComboBox* m_method;
    QSpinBox* m_bits;
    QComboBox* m_group;
    QComboBox* m_grid;
};

} // namespace qb
