#pragma once

#include "core/quant/quant_plan.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QSpinBox;

namespace qb {

// Edits the plan's default settings — what every layer without its own override gets: method,
// bits, group size and grid. Emits configEdited once for each user change that alters the
// settings; setConfig() (from the plan) does not emit. A typed group size that is not a positive
// number of columns is refused: the field shows the last valid one again.
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
    // The group-size code the group field shows; nullopt for typed text that is neither one of
    // its items nor a positive number.
    std::optional<int> groupCode() const;
    void showGroupCode(int code);

    QComboBox* m_method;
    QSpinBox* m_bits;
    QComboBox* m_group;
    QComboBox* m_grid;
    LayerQuantConfig m_config; // as last set or emitted
};

} // namespace qb
