#pragma once

#include "core/quant/quant_plan.h"

#include <QFrame>
#include <QVariantMap>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace qb {

// Edits the method-specific settings of one layer configuration (MethodOptions) in a row of
// fields, showing only those its method uses: GPTQ's act-order, static groups and damping, RTN's
// clip search, smoothing with its α for RTN and GPTQ, SmoothQuant's α, AWQ's tied scales. α is
// enabled for RTN and
// GPTQ only while smoothing is on. Used inline by the plan defaults bar and as the layer table's
// editor of the Options column.
//
// setConfig() shows a configuration without emitting; every user change emits edited() once.
// Spin boxes apply on arrows, Enter or focus-out, not on every typed digit.
class MethodOptionsEditor : public QFrame {
    Q_OBJECT

public:
    explicit MethodOptionsEditor(QWidget* parent = nullptr);

    void setConfig(const LayerQuantConfig& config);
    // The configuration given to setConfig with the user's changes.
    LayerQuantConfig config() const { return m_config; }
    // The options the user changed since setConfig, by key, with their new values.
    QVariantMap changedOptions() const;
    // Whether the current method has any field to show.
    bool hasFields() const;

Q_SIGNALS:
    void edited();

private:
    void showConfig();
    void userSet(const QString& key, const QVariant& value);

    QLabel* m_none;
    QCheckBox* m_actOrder;
    QCheckBox* m_staticGroups;
    QLabel* m_dampLabel;
    QDoubleSpinBox* m_damp;
    QCheckBox* m_clipSearch;
    QCheckBox* m_smooth;
    QLabel* m_alphaLabel;
    QDoubleSpinBox* m_alpha;
    QCheckBox* m_tiedScales;
    LayerQuantConfig m_initial; // as last set
    LayerQuantConfig m_config;  // as shown
};

} // namespace qb
