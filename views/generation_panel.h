#pragma once

#include "core/model/text_generator.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace qb {

// What the model writes after a prompt, as stored and as the plan quantizes it, side by side: the
// prompt, the shared opening, then each model's own text highlighted from the first token where
// they part. Inputs: the prompt, the tokens to generate, a Generate button. Draws an immutable
// GenerationComparison; the owner runs the generation.
class GenerationPanel : public QWidget {
    Q_OBJECT

public:
    explicit GenerationPanel(QWidget* parent = nullptr);

    QString prompt() const;
    void setPrompt(const QString& prompt);
    int maxNewTokens() const;
    void setMaxNewTokens(int tokens);

    void setResult(std::shared_ptr<const GenerationComparison> result);
    std::shared_ptr<const GenerationComparison> result() const { return m_result; }
    // Marks the quantized continuation as not of the current plan any more.
    void setStale(bool stale);
    void clearResult(const QString& message);

    QTextBrowser* storedText() const { return m_stored; }
    QTextBrowser* quantizedText() const { return m_quantized; }
    QLabel* summary() const { return m_summary; }

Q_SIGNALS:
    void generateRequested();

private:
    // The prompt, then `continuation` with its characters from `sharedLength` on highlighted.
    QString html(const GeneratedText& text, int sharedLength) const;

    std::shared_ptr<const GenerationComparison> m_result;
    bool m_stale = false;
    QLineEdit* m_prompt;
    QSpinBox* m_tokens;
    QPushButton* m_generate;
    QLabel* m_storedTitle;
    QLabel* m_quantizedTitle;
    QTextBrowser* m_stored;
    QTextBrowser* m_quantized;
    QLabel* m_summary;
};

} // namespace qb
