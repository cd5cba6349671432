#pragma once

#include "core/analysis/auto_bits.h"
#include "core/analysis/sensitivity_scan.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

namespace qb {

// Plan › Automatic Bits…: the target average bits per weight (scale and zero-point overhead
// included), the widths a layer may get (of those the scan measured), what is minimised (KL or
// Δ perplexity) and the solver (exact or greedy), with the grouping the scan fixed. The owner
// computes a preview of each choice (setPreview) and applies the accepted one.
class AutoBitsDialog : public QDialog {
    Q_OBJECT

public:
    AutoBitsDialog(const SensitivityScanResult& scan, const AutoBitsOptions& initial,
                   QWidget* parent = nullptr);

    AutoBitsOptions options() const;
    void setOptions(const AutoBitsOptions& options);
    // What the current options give (achieved bits per weight, predicted perplexity), or why
    // they give nothing (`error`: OK is disabled).
    void setPreview(const QString& text, bool error);
    QString previewText() const;

Q_SIGNALS:
    void optionsChanged();

private:
    void onEdited();

    std::vector<int> m_scanBits;
    QDoubleSpinBox* m_target;
    std::vector<QCheckBox*> m_bits; // one per scanned width
    QComboBox* m_loss;
    QComboBox* m_solver;
    QLabel* m_preview;
    QDialogButtonBox* m_buttons;
};

} // namespace qb
