#include "views/generation_panel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

namespace {

// The highlight of a continuation's own text (where it departs from the other model's): a light
// amber that reads in the light and the dark palette's text colour alike.
constexpr const char* kDepartureColour = "#ffd9a0";

} // namespace

GenerationPanel::GenerationPanel(QWidget* parent)
    : QWidget(parent)
    , m_prompt(new QLineEdit(this))
    , m_tokens(new QSpinBox(this))
    , m_generate(
          new QPushButton(QIcon(QStringLiteral(":/icons/quantize.svg")), tr("Generate"), this))
    , m_storedTitle(new QLabel(this))
    , m_quantizedTitle(new QLabel(this))
    , m_stored(new QTextBrowser(this))
    , m_quantized(new QTextBrowser(this))
    , m_summary(new QLabel(this))
{
    m_prompt->setObjectName(QStringLiteral("generationPrompt"));
    m_tokens->setObjectName(QStringLiteral("generationTokens"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_stored->setObjectName(QStringLiteral("storedContinuation"));
    m_quantized->setObjectName(QStringLiteral("quantizedContinuation"));
    m_summary->setObjectName(QStringLiteral("generationSummary"));

    m_prompt->setPlaceholderText(tr("A prompt for the model to continue"));
    m_prompt->setToolTip(tr("Both models continue it greedily (the most probable token each "
                            "time), so the same prompt always gives the same text"));
    m_tokens->setRange(1, 4096);
    m_tokens->setValue(64);
    m_tokens->setSuffix(tr(" tokens"));
    m_tokens->setToolTip(tr("Tokens to generate at most (generation also ends at the model's "
                            "end-of-text token)"));

    auto* inputs = new QHBoxLayout;
    inputs->addWidget(new QLabel(tr("Prompt:"), this));
    inputs->addWidget(m_prompt, 1);
    inputs->addWidget(m_tokens);
    inputs->addWidget(m_generate);

    for (QTextBrowser* text : {m_stored, m_quantized}) {
        text->setOpenLinks(false);
        text->setMinimumHeight(3 * text->fontMetrics().lineSpacing());
    }
    m_storedTitle->setText(tr("As stored"));
    m_quantizedTitle->setWordWrap(false);
    auto* texts = new QGridLayout;
    texts->addWidget(m_storedTitle, 0, 0);
    texts->addWidget(m_quantizedTitle, 0, 1);
    texts->addWidget(m_stored, 1, 0);
    texts->addWidget(m_quantized, 1, 1);
    texts->setColumnStretch(0, 1);
    texts->setColumnStretch(1, 1);
    texts->setRowStretch(1, 1);
    m_summary->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(inputs);
    layout->addLayout(texts, 1);
    layout->addWidget(m_summary);

    connect(m_generate, &QPushButton::clicked, this, &GenerationPanel::generateRequested);
    connect(m_prompt, &QLineEdit::returnPressed, this, &GenerationPanel::generateRequested);
    clearResult(tr("Type a prompt and press Generate."));
}

QString GenerationPanel::prompt() const
{
    return m_prompt->text();
}
void GenerationPanel::setPrompt(const QString& prompt)
{
    m_prompt->setText(prompt);
}
int GenerationPanel::maxNewTokens() const
{
    return m_tokens->value();
}
void GenerationPanel::setMaxNewTokens(int tokens)
{
    m_tokens->setValue(tokens);
}

void GenerationPanel::clearResult(const QString& message)
{
    m_result.reset();
    m_stale = false;
    m_quantizedTitle->setEnabled(true);
    m_quantized->setEnabled(true);
    m_stored->clear();
    m_quantized->clear();
    m_quantizedTitle->setText(tr("Quantized"));
    m_summary->setText(message);
}

QString GenerationPanel::html(const GeneratedText& text, int sharedLength) const
{
    const QString& continuation = text.continuation;
    const auto shared = std::min<qsizetype>(sharedLength, continuation.size());
    auto escaped = [](const QString& plain) {
        return plain.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    QString page = QStringLiteral("<b>%1</b>").arg(escaped(text.prompt));
    page += escaped(continuation.left(shared));
    if (shared < continuation.size())
        page += QStringLiteral("<span style=\"background-color:%1; color:#000000\">%2</span>")
                    .arg(QLatin1String(kDepartureColour), escaped(continuation.mid(shared)));
    if (text.stoppedAtEos)
        page += QStringLiteral(" <i style=\"color:gray\">%1</i>").arg(tr("[end of text]"));
    return page;
}

void GenerationPanel::setResult(std::shared_ptr<const GenerationComparison> result)
{
    m_result = std::move(result);
    m_stale = false;
    m_quantizedTitle->setEnabled(true);
    m_quantized->setEnabled(true);
    const GenerationComparison& r = *m_result;
    const QLocale locale;
    m_stored->setHtml(html(r.stored, r.sharedLength));
    QStringList facts;
    if (r.quantized) {
        m_quantizedTitle->setText(tr("Quantized: %1").arg(r.planDescription));
        m_quantizedTitle->setToolTip(r.planDescription);
        m_quantized->setHtml(html(*r.quantized, r.sharedLength));
        const int longest = int(std::max(r.stored.newIds.size(), r.quantized->newIds.size()));
        if (r.agreeingTokens == longest)
            facts << tr("The two continuations are the same, token for token.");
        else if (r.agreeingTokens == 0)
            facts << tr("The two continuations differ from their first token on (highlighted).");
        else
            facts << tr("The two continuations share their first %n token(s) of %1; each one's "
                        "own text is highlighted.",
                        nullptr, r.agreeingTokens)
                         .arg(longest);
    } else {
        m_quantizedTitle->setText(tr("Quantized"));
        m_quantized->setPlainText(tr("The plan keeps every layer in full precision."));
    }
    facts << tr("%n token(s) generated in %1 s", nullptr, int(r.stored.newIds.size()))
                 .arg(locale.toString(r.stored.seconds + (r.quantized ? r.quantized->seconds : 0.0),
                                      'f', 2));
    m_summary->setText(facts.join(QStringLiteral(" · ")));
}

void GenerationPanel::setStale(bool stale)
{
    if (!m_result || !m_result->quantized || stale == m_stale)
        return;
    m_stale = stale;
    m_quantizedTitle->setText(
        stale ? tr("Quantized: %1 (the plan has changed since)").arg(m_result->planDescription)
              : tr("Quantized: %1").arg(m_result->planDescription));
    m_quantizedTitle->setEnabled(!stale);
    m_quantized->setEnabled(!stale);
}

} // namespace qb
