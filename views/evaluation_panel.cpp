#include "views/evaluation_panel.h"

#include "core/tokenizer/text_documents.h"
#include "views/text_file_dialog.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace qb {

namespace {

enum Column {
    ModelColumn,
    PerplexityColumn,
    NllColumn,
    TokensColumn,
    KlColumn,
    SameTopColumn,
    ColumnCount
};

} // namespace

EvaluationPanel::EvaluationPanel(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_context(new QSpinBox(this))
    , m_stride(new QSpinBox(this))
    , m_evaluate(
          new QPushButton(QIcon(QStringLiteral(":/icons/quantize.svg")), tr("Evaluate"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
{
    m_text->setObjectName(QStringLiteral("evaluationText"));
    m_context->setObjectName(QStringLiteral("evaluationContext"));
    m_stride->setObjectName(QStringLiteral("evaluationStride"));
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    m_table->setObjectName(QStringLiteral("evaluationTable"));
    m_summary->setObjectName(QStringLiteral("evaluationSummary"));

    m_text->setPlaceholderText(tr("A UTF-8 text file or a JSON Lines dataset"));
    m_text->setToolTip(tr("The text scored: %1").arg(TextDocuments::formatDescription()));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    m_context->setRange(0, 1 << 20);
    m_context->setSpecialValueText(tr("model default"));
    m_context->setSuffix(tr(" tokens"));
    m_context->setToolTip(tr("Tokens per window"));
    m_stride->setRange(0, 1 << 20);
    m_stride->setSpecialValueText(tr("no overlap"));
    m_stride->setSuffix(tr(" tokens"));
    m_stride->setToolTip(tr("Tokens between window starts; smaller than the context gives every "
                            "prediction more context"));

    // One row of inputs, so that the result table keeps the dock's height: both its rows show
    // in a dock of the default size.
    auto* inputs = new QHBoxLayout;
    inputs->addWidget(new QLabel(tr("Text:"), this));
    inputs->addWidget(m_text, 1);
    inputs->addWidget(browse);
    inputs->addSpacing(8);
    inputs->addWidget(new QLabel(tr("Context:"), this));
    inputs->addWidget(m_context);
    inputs->addWidget(new QLabel(tr("stride"), this));
    inputs->addWidget(m_stride);
    inputs->addWidget(m_evaluate);

    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Perplexity"), tr("NLL/token"),
                                        tr("Tokens"), tr("KL (nats)"), tr("Same top")});
    m_table->horizontalHeaderItem(KlColumn)->setToolTip(
        tr("Mean KL divergence of the quantized model's next-token distribution from the stored "
           "model's"));
    m_table->horizontalHeaderItem(SameTopColumn)
        ->setToolTip(
            tr("Share of the scored positions where the quantized model ranks the same next token "
               "first as the stored model: how often greedy decoding would write the same token"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    // The header and both result rows.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 2 * m_table->verticalHeader()->defaultSectionSize()
                              + 2 * m_table->frameWidth());
    m_summary->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(inputs);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(browse, &QToolButton::clicked, this, &EvaluationPanel::chooseTextFile);
    connect(m_evaluate, &QPushButton::clicked, this, &EvaluationPanel::evaluateRequested);
    connect(m_text, &QLineEdit::editingFinished, this, &EvaluationPanel::optionsChanged);
    connect(m_context, &QSpinBox::valueChanged, this, &EvaluationPanel::optionsChanged);
    connect(m_stride, &QSpinBox::valueChanged, this, &EvaluationPanel::optionsChanged);
    clearResult(tr("Not evaluated yet."));
}

QString EvaluationPanel::textPath() const
{
    return m_text->text();
}
void EvaluationPanel::setTextPath(const QString& path)
{
    m_text->setText(path);
}
int EvaluationPanel::contextLength() const
{
    return m_context->value();
}
void EvaluationPanel::setContextLength(int tokens)
{
    m_context->setValue(tokens);
}
int EvaluationPanel::stride() const
{
    return m_stride->value();
}
void EvaluationPanel::setStride(int tokens)
{
    m_stride->setValue(tokens);
}

void EvaluationPanel::setModelContext(int tokens)
{
    const QString text = tr("model default (%1)").arg(tokens);
    m_context->setSpecialValueText(text);
    // The spin box sizes itself for its numbers; make room for the (longer) default text.
    m_context->setMinimumWidth(
        m_context->fontMetrics().horizontalAdvance(text + m_context->suffix()) + 40);
}

void EvaluationPanel::chooseTextFile()
{
    const QString path = TextFileDialog::ask(this, tr("Evaluation Text"), textPath());
    if (path.isEmpty())
        return;
    setTextPath(path);
    Q_EMIT optionsChanged();
}

void EvaluationPanel::clearResult(const QString& message)
{
    m_result.reset();
    m_planDescription.clear();
    m_comparedPath.clear();
    m_table->setRowCount(0);
    m_summary->setText(message);
}

void EvaluationPanel::setResult(std::shared_ptr<const EvaluationResult> result,
                                const QString& planDescription)
{
    m_result = std::move(result);
    m_planDescription = planDescription;
    m_comparedPath.clear();
    showResult(tr("Quantized: %1").arg(planDescription), planDescription);
}

void EvaluationPanel::setComparison(std::shared_ptr<const EvaluationResult> result,
                                    const QString& comparedPath)
{
    m_result = std::move(result);
    m_planDescription.clear();
    m_comparedPath = comparedPath;
    showResult(tr("Compared: %1").arg(QFileInfo(comparedPath).fileName()),
               QDir::toNativeSeparators(comparedPath));
}

void EvaluationPanel::showResult(const QString& modifiedName, const QString& toolTip)
{
    const EvaluationResult& r = *m_result;
    const QLocale locale;
    m_table->setRowCount(r.modified ? 2 : 1);
    auto setRow = [&](int row, const QString& name, const NllScore& score,
                      const std::optional<double>& kl, const std::optional<double>& sameTop) {
        const QString dash = QStringLiteral("—");
        const QStringList cells{name,
                                locale.toString(score.perplexity(), 'f', 4),
                                locale.toString(score.nllPerToken(), 'f', 4),
                                locale.toString(qlonglong(score.tokensScored)),
                                kl ? locale.toString(*kl, 'g', 4) : dash,
                                sameTop ? tr("%1 %").arg(locale.toString(*sameTop * 100.0, 'f', 1))
                                        : dash};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c != ModelColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
    };
    setRow(0, tr("As stored"), r.reference, std::nullopt, std::nullopt);
    if (r.modified) {
        setRow(1, modifiedName, *r.modified, r.meanKl, r.sameTopToken);
        m_table->item(1, ModelColumn)->setToolTip(toolTip);
    }
    // The figures fit their contents; the model's name takes the rest (a stretched section that
    // is resized to its contents stops stretching).
    for (int c = PerplexityColumn; c < ColumnCount; ++c)
        m_table->resizeColumnToContents(c);
    // One count per sentence, so each gets its plural form.
    m_summary->setText(QStringList{
        tr("%n document(s)", nullptr, r.documents),
        tr("%n window(s) of up to %1 tokens, stride %2", nullptr, r.windows)
            .arg(r.contextLength)
            .arg(r.stride),
        tr("%1 tokens scored").arg(locale.toString(qlonglong(r.reference.tokensScored))),
        tr("%1 tokens/s").arg(locale.toString(r.tokensPerSecond(), 'f', 0))}
                           .join(QStringLiteral(" · ")));
}

void EvaluationPanel::setStale(bool stale)
{
    if (!m_result || m_table->rowCount() < 2)
        return;
    for (int c = 0; c < ColumnCount; ++c) {
        QTableWidgetItem* item = m_table->item(1, c);
        QFont font = item->font();
        font.setItalic(stale);
        item->setFont(font);
        item->setForeground(stale ? palette().brush(QPalette::Disabled, QPalette::Text)
                                  : palette().brush(QPalette::Text));
    }
    m_table->item(1, ModelColumn)
        ->setToolTip(stale ? tr("The plan changed since this evaluation") : QString());
}

} // namespace qb
