#include "views/auto_bits_dialog.h"

#include "views/sensitivity_ranking_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace qb {

AutoBitsDialog::AutoBitsDialog(const SensitivityScanResult& scan, const AutoBitsOptions& initial,
                               QWidget* parent)
    : QDialog(parent)
    , m_scanBits(scan.bits)
    , m_target(new QDoubleSpinBox(this))
    , m_loss(new QComboBox(this))
    , m_solver(new QComboBox(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("autoBitsDialog"));
    setWindowTitle(tr("Automatic Bits"));

    auto* intro = new QLabel(
        tr("Chooses each layer's bit-width so that the loss the sensitivity scan predicts is "
           "smallest while the average bits per weight — scales and zero points included — stays "
           "at or below the target. Layers sharing an input (q/k/v, gate/up) get the same "
           "width. The plan is replaced in one step you can undo."),
        this);
    intro->setWordWrap(true);

    m_target->setObjectName(QStringLiteral("autoBitsTarget"));
    m_target->setRange(1.0, 32.0);
    m_target->setDecimals(2);
    m_target->setSingleStep(0.25);
    m_target->setSuffix(tr(" bits/weight"));
    m_target->setKeyboardTracking(false);

    auto* bitsRow = new QHBoxLayout;
    for (int bits : m_scanBits) {
        auto* box = new QCheckBox(tr("%1-bit").arg(bits), this);
        box->setObjectName(QStringLiteral("autoBitsWidth%1").arg(bits));
        bitsRow->addWidget(box);
        m_bits.push_back(box);
        connect(box, &QCheckBox::toggled, this, &AutoBitsDialog::onEdited);
    }
    bitsRow->addStretch(1);

    m_loss->setObjectName(QStringLiteral("autoBitsLoss"));
    m_loss->addItem(tr("KL divergence (recommended)"), int(AutoBitsLoss::Kl));
    m_loss->addItem(tr("Δ perplexity"), int(AutoBitsLoss::DeltaPerplexity));
    m_loss->setToolTip(tr("The scan figure summed over the layers: the KL divergence is never "
                          "negative and adds up; a single layer's Δ perplexity is often within "
                          "the evaluation's noise"));
    m_solver->setObjectName(QStringLiteral("autoBitsSolver"));
    m_solver->addItem(tr("Exact (knapsack)"), int(AutoBitsSolver::Exact));
    m_solver->addItem(tr("Greedy (largest gain per bit)"), int(AutoBitsSolver::Greedy));

    auto* grouping = new QLabel(tr("%1 — as the scan measured; run a new scan to change them")
                                    .arg(scanQuantizationText(scan.quantization)),
                                this);
    grouping->setObjectName(QStringLiteral("autoBitsGrouping"));
    grouping->setWordWrap(true);

    m_preview->setObjectName(QStringLiteral("autoBitsPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setMinimumHeight(m_preview->fontMetrics().height() * 3);
    m_preview->setStyleSheet(QStringLiteral("QLabel { background: #f4f6f9; border: 1px solid "
                                            "#d5dbe3; padding: 6px; }"));

    auto* form = new QFormLayout;
    form->addRow(tr("Target:"), m_target);
    form->addRow(tr("Allowed widths:"), bitsRow);
    form->addRow(tr("Quantization:"), grouping);
    form->addRow(tr("Minimise:"), m_loss);
    form->addRow(tr("Solver:"), m_solver);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply to Plan"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);

    connect(m_target, &QDoubleSpinBox::valueChanged, this, &AutoBitsDialog::onEdited);
    connect(m_loss, &QComboBox::currentIndexChanged, this, &AutoBitsDialog::onEdited);
    connect(m_solver, &QComboBox::currentIndexChanged, this, &AutoBitsDialog::onEdited);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setOptions(initial);
    resize(sizeHint().expandedTo(QSize(540, 0)));
}

AutoBitsOptions AutoBitsDialog::options() const
{
    AutoBitsOptions options;
    options.targetBitsPerWeight = m_target->value();
    for (std::size_t i = 0; i < m_bits.size(); ++i) {
        if (m_bits[i]->isChecked())
            options.bits.push_back(m_scanBits[i]);
    }
    options.loss = AutoBitsLoss(m_loss->currentData().toInt());
    options.solver = AutoBitsSolver(m_solver->currentData().toInt());
    return options;
}

void AutoBitsDialog::setOptions(const AutoBitsOptions& options)
{
    {
        const QSignalBlocker b1(m_target), b2(m_loss), b3(m_solver);
        m_target->setValue(options.targetBitsPerWeight);
        m_loss->setCurrentIndex(m_loss->findData(int(options.loss)));
        m_solver->setCurrentIndex(m_solver->findData(int(options.solver)));
        for (std::size_t i = 0; i < m_bits.size(); ++i) {
            const QSignalBlocker blocker(m_bits[i]);
            // No widths given: every width scanned.
            m_bits[i]->setChecked(
                options.bits.empty()
                || std::find(options.bits.begin(), options.bits.end(), m_scanBits[i])
                       != options.bits.end());
        }
    }
    onEdited();
}

void AutoBitsDialog::onEdited()
{
    if (options().bits.empty()) {
        setPreview(tr("Allow at least one width."), true);
        return;
    }
    m_preview->setText(tr("Computing…"));
    Q_EMIT optionsChanged();
}

void AutoBitsDialog::setPreview(const QString& text, bool error)
{
    m_preview->setText(
        error ? QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(text.toHtmlEscaped())
              : text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!error);
}

QString AutoBitsDialog::previewText() const
{
    return m_preview->text();
}

} // namespace qb
