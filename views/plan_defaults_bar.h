#pragma once

#include "core/quant/quant_plan.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace qb {

class MethodOptionsEditor;

// Edits the plan's default settings — what every layer without its own override gets: method,
// bits, group size, grid and, on a second row, the method's own options (MethodOptionsEditor).
// Emits configEdited once for each user change that alters the settings; setConfig() (from the
// plan) does not emit. A typed group size that is not a positive number of columns is refused: the
// field shows the last valid one again.
//
// Bits, group and grid are disabled for methods that do not use them: "keep" shows the scheme a
// layer would get if quantized again; SmoothQuant and W8A8 show their fixed int8 per-channel
// symmetric grid. Either way the scheme chosen before is kept for when a method uses it again.
class PlanDefaultsBar : public QWidget {
    Q_OBJECT

public:
    explicit PlanDefaultsBar(QWidget* parent = nullptr);

    void setConfig(const LayerQuantConfig& config);
    LayerQuantConfig config() const { return m_config; }

Q_SIGNALS:
    void configEdited(const qb::LayerQuantConfig& config);

private:
    void showConfig();
    void commit(const LayerQuantConfig& edited);
    void onSchemeEdited();
    // The group-size code the group field shows; nullopt for typed text that is neither one of
    // its items nor a positive number.
    std::optional<int> groupCode() const;
    void showGroupCode(int code);

    QComboBox* m_method;
    QSpinBox* m_bits;
    QLabel* m_groupLabel;
    QComboBox* m_group;
    QComboBox* m_grid;
    QLabel* m_optionsLabel;
    MethodOptionsEditor* m_options;
    LayerQuantConfig m_config; // as last set or emitted
};

} // namespace qb
