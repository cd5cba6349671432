#pragma once

#include "core/analysis/sensitivity_scan.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace qb {

// Run › Sensitivity Scan…: the bit-widths to measure, grouping, symmetry, RTN or GPTQ, what one
// measurement quantizes (a layer, a block, a role), the evaluation text and how many of its
// documents, with how many measurements that makes. It only edits a request; the owner runs it.
class SensitivityScanDialog : public QDialog {
    Q_OBJECT

public:
    // `units`: how many units each kind has on the open model (layer, block, role), for the
    // count of measurements.
    SensitivityScanDialog(const SensitivityScanRequest& initial, std::array<int, 3> units,
                          QWidget* parent = nullptr);

    SensitivityScanRequest request() const;
    void setRequest(const SensitivityScanRequest& request);
    // Says where GPTQ's calibration comes from (or that a text must be chosen first).
    void setCalibrationNote(const QString& text);

private:
    void chooseText();
    void updateState();
    std::vector<int> chosenBits() const;

    std::array<int, 3> m_units;
    std::vector<QCheckBox*> m_bits; // kMinBits … kMaxBits
    QComboBox* m_group;
    QComboBox* m_grid;
    QComboBox* m_method;
    QComboBox* m_unit;
    QLineEdit* m_text;
    QSpinBox* m_documents;
    QLabel* m_calibrationNote;
    QLabel* m_estimate;
    QDialogButtonBox* m_buttons;
};

} // namespace qb
