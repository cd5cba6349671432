#pragma once

#include "core/metrics/perplexity.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace qb {

// Evaluation inputs and its last result: the text file, context and stride, an Evaluate button,
// and a table with the perplexity of the model as stored and as the plan quantizes it, with the
// KL divergence between them. Draws an immutable EvaluationResult; the owner runs the evaluation.
class EvaluationPanel : public QWidget {
    Q_OBJECT

public:
    explicit EvaluationPanel(QWidget* parent = nullptr);

    QString textPath() const;
    void setTextPath(const QString& path);
    int contextLength() const; // 0: the model's default
    void setContextLength(int tokens);
    int stride() const; // 0: the context length
    void setStride(int tokens);
    // The model's max_position_embeddings, shown as the default context.
    void setModelContext(int tokens);

    // Shows `result` for `planDescription` (empty when no layer is quantized).
    void setResult(std::shared_ptr<const EvaluationResult> result, const QString& planDescription);
    // Shows `result` of a comparison with the checkpoint at `comparedPath` (its modified model):
    // no plan, and never stale.
    void setComparison(std::shared_ptr<const EvaluationResult> result, const QString& comparedPath);
    // The checkpoint the shown result compares with, or empty.
    const QString& comparedPath() const { return m_comparedPath; }
    std::shared_ptr<const EvaluationResult> result() const { return m_result; }
    // The plan description the shown result was given with.
    const QString& planDescription() const { return m_planDescription; }
    // Marks the shown result as not matching the current plan any more.
    void setStale(bool stale);
    void clearResult(const QString& message);
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void evaluateRequested();
    void optionsChanged();

private:
    void chooseTextFile();
    // Fills the table with `result`, its modified model's row named `modifiedName` (`toolTip`).
    void showResult(const QString& modifiedName, const QString& toolTip);

    std::shared_ptr<const EvaluationResult> m_result;
    QString m_planDescription;
    QString m_comparedPath;
    QLineEdit* m_text;
    QSpinBox* m_context;
    QSpinBox* m_stride;
    QPushButton* m_evaluate;
    QTableWidget* m_table;
    QLabel* m_summary;
};

} // namespace qb
