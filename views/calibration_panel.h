#pragma once

#include "core/calib/calibration_set.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace qb {

// The calibration inputs of a quantization run: the text the windows are cut from, how they are
// cut (samples, sequence length, documents or random windows, seed), the share held out to
// measure each layer's output error, and whether the run is true-sequential. The first five
// belong to the plan (QuantPlan::calibration: undoable, saved in the recipe), the text and
// true-sequential to the application; the owner stores each where it belongs.
//
// setCalibration(), setTextPath() and setTrueSequential() show values without emitting; each
// user change emits the matching signal once. The status line (setStatus) is the owner's: what
// the plan needs and what the last run used.
class CalibrationPanel : public QWidget {
    Q_OBJECT

public:
    explicit CalibrationPanel(QWidget* parent = nullptr);

    void setCalibration(const CalibrationOptions& options);

    QString textPath() const;
    void setTextPath(const QString& path);
    // What an empty text field stands for ("the bundled TinyStories text" or "none").
    void setTextPlaceholder(const QString& text);
    bool trueSequential() const;
    void setTrueSequential(bool on);

    // Rich text under the fields.
    void setStatus(const QString& richText);
    QString statusText() const;

Q_SIGNALS:
    void calibrationEdited(const qb::CalibrationOptions& options);
    void textPathEdited(const QString& path);
    void trueSequentialEdited(bool on);

private:
    void chooseTextFile();
    void emitIfChanged();
    void showOptions();

    QLineEdit* m_text;
    QSpinBox* m_samples;
    QSpinBox* m_sequenceLength;
    QComboBox* m_mode;
    QSpinBox* m_seed;
    QDoubleSpinBox* m_holdout;
    QCheckBox* m_trueSequential;
    QLabel* m_status;
    CalibrationOptions m_options; // as last set or emitted
};

} // namespace qb
