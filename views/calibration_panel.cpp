#include "views/calibration_panel.h"

#include "core/tokenizer/text_documents.h"
#include "views/text_file_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

namespace {

// The seed as the spin box can show it (recipes allow up to 2^53).
int shownSeed(std::uint64_t seed)
{
    return static_cast<int>(std::min<std::uint64_t>(seed, std::numeric_limits<int>::max()));
}

} // namespace

CalibrationPanel::CalibrationPanel(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_samples(new QSpinBox(this))
    , m_sequenceLength(new QSpinBox(this))
    , m_mode(new QComboBox(this))
    , m_seed(new QSpinBox(this))
    , m_holdout(new QDoubleSpinBox(this))
    , m_trueSequential(new QCheckBox(tr("True-sequential"), this))
    , m_status(new QLabel(this))
{
    m_text->setObjectName(QStringLiteral("calibrationText"));
    m_samples->setObjectName(QStringLiteral("calibrationSamples"));
    m_sequenceLength->setObjectName(QStringLiteral("calibrationSequenceLength"));
    m_mode->setObjectName(QStringLiteral("calibrationMode"));
    m_seed->setObjectName(QStringLiteral("calibrationSeed"));
    m_holdout->setObjectName(QStringLiteral("calibrationHoldout"));
    m_trueSequential->setObjectName(QStringLiteral("calibrationTrueSequential"));
    m_status->setObjectName(QStringLiteral("calibrationStatus"));

    m_text->setToolTip(tr("The text the calibration windows are taken from (%1). GPTQ, AWQ, "
                          "SmoothQuant, the clip search and smoothing need it; with it, "
                          "every quantized layer's output error is measured too")
                           .arg(TextDocuments::formatDescription()));
    auto* browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("calibrationBrowse"));
    browse->setText(tr("Browse…"));

    // Spin boxes apply on arrows, Enter or focus-out: each is one plan edit, not one per digit.
    for (QAbstractSpinBox* spin :
         {static_cast<QAbstractSpinBox*>(m_samples),
          static_cast<QAbstractSpinBox*>(m_sequenceLength), static_cast<QAbstractSpinBox*>(m_seed),
          static_cast<QAbstractSpinBox*>(m_holdout)})
        spin->setKeyboardTracking(false);
    m_samples->setRange(1, 1 << 20);
    m_samples->setToolTip(tr("Calibration samples: documents, or random windows"));
    m_sequenceLength->setRange(2, 1 << 20);
    m_sequenceLength->setSuffix(tr(" tokens"));
    m_sequenceLength->setToolTip(tr("Tokens per sample, the start-of-text token included"));
    m_mode->addItem(tr("documents"), QVariant::fromValue(int(CalibrationOptions::Mode::Documents)));
    m_mode->addItem(tr("random windows"),
                    QVariant::fromValue(int(CalibrationOptions::Mode::RandomWindows)));
    m_mode->setToolTip(tr("Documents: each document from its start, in file order. Random "
                          "windows: windows of exactly the sequence length at random places of "
                          "the whole text"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("Seed of the random windows and of the input rows sampled for AWQ's and "
                          "SmoothQuant's searches"));
    m_holdout->setRange(0.0, 95.0);
    m_holdout->setDecimals(1);
    m_holdout->setSingleStep(5.0);
    m_holdout->setSuffix(tr(" %"));
    m_holdout->setToolTip(tr("Share of the samples (the last ones) the quantizers do not see: each "
                             "layer's output error is measured on them"));
    m_trueSequential->setToolTip(
        tr("Calibrate every layer on the inputs the model gives with everything before it "
           "already quantized (GPTQ's true-sequential). Off: on the full-precision model's "
           "inputs, one pass per block, as AWQ does"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(browse);
    grid->addWidget(new QLabel(tr("Text:"), this), 0, 0);
    grid->addLayout(textRow, 0, 1);

    auto* samplesRow = new QHBoxLayout;
    samplesRow->addWidget(m_samples);
    samplesRow->addWidget(new QLabel(tr("×"), this));
    samplesRow->addWidget(m_sequenceLength);
    samplesRow->addSpacing(12);
    samplesRow->addWidget(new QLabel(tr("as"), this));
    samplesRow->addWidget(m_mode);
    samplesRow->addWidget(new QLabel(tr("seed"), this));
    samplesRow->addWidget(m_seed);
    samplesRow->addStretch(1);
    grid->addWidget(new QLabel(tr("Samples:"), this), 1, 0);
    grid->addLayout(samplesRow, 1, 1);
    auto* holdoutRow = new QHBoxLayout;
    holdoutRow->addWidget(m_holdout);
    holdoutRow->addSpacing(12);
    holdoutRow->addWidget(m_trueSequential);
    holdoutRow->addStretch(1);
    grid->addWidget(new QLabel(tr("Held out:"), this), 2, 0);
    grid->addLayout(holdoutRow, 2, 1);
    grid->addWidget(m_status, 3, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(4, 1);

    connect(browse, &QToolButton::clicked, this, &CalibrationPanel::chooseTextFile);
    connect(m_text, &QLineEdit::editingFinished, this, [this] {
        if (m_text->isModified()) {
            m_text->setModified(false);
            Q_EMIT textPathEdited(textPath());
        }
    });
    connect(m_samples, &QSpinBox::valueChanged, this, &CalibrationPanel::emitIfChanged);
    connect(m_sequenceLength, &QSpinBox::valueChanged, this, &CalibrationPanel::emitIfChanged);
    connect(m_mode, &QComboBox::activated, this, &CalibrationPanel::emitIfChanged);
    connect(m_seed, &QSpinBox::valueChanged, this, &CalibrationPanel::emitIfChanged);
    connect(m_holdout, &QDoubleSpinBox::valueChanged, this, &CalibrationPanel::emitIfChanged);
    connect(m_trueSequential, &QCheckBox::toggled, this, &CalibrationPanel::trueSequentialEdited);
    showOptions();
}

void CalibrationPanel::setCalibration(const CalibrationOptions& options)
{
    m_options = options;
    showOptions();
}

void CalibrationPanel::showOptions()
{
    const QSignalBlocker b1(m_samples), b2(m_sequenceLength), b3(m_mode), b4(m_seed), b5(m_holdout);
    m_samples->setValue(m_options.samples);
    m_sequenceLength->setValue(m_options.sequenceLength);
    m_mode->setCurrentIndex(m_mode->findData(int(m_options.mode)));
    m_seed->setValue(shownSeed(m_options.seed));
    m_holdout->setValue(m_options.holdoutFraction * 100.0);
}

void CalibrationPanel::emitIfChanged()
{
    // Only the field the user touched changes: a seed beyond the spin box's range, or a held-out
    // fraction finer than it shows, survives an edit of another field.
    CalibrationOptions edited = m_options;
    if (m_samples->value() != m_options.samples)
        edited.samples = m_samples->value();
    if (m_sequenceLength->value() != m_options.sequenceLength)
        edited.sequenceLength = m_sequenceLength->value();
    edited.mode = static_cast<CalibrationOptions::Mode>(m_mode->currentData().toInt());
    if (m_seed->value() != shownSeed(m_options.seed))
        edited.seed = static_cast<std::uint64_t>(m_seed->value());
    if (std::abs(m_holdout->value() - m_options.holdoutFraction * 100.0) > 0.05)
        edited.holdoutFraction = m_holdout->value() / 100.0;
    if (edited.toJson() == m_options.toJson())
        return;
    m_options = edited;
    Q_EMIT calibrationEdited(edited);
}

QString CalibrationPanel::textPath() const
{
    return m_text->text().trimmed();
}

void CalibrationPanel::setTextPath(const QString& path)
{
    m_text->setText(path);
    m_text->setModified(false);
}

void CalibrationPanel::setTextPlaceholder(const QString& text)
{
    m_text->setPlaceholderText(text);
}

bool CalibrationPanel::trueSequential() const
{
    return m_trueSequential->isChecked();
}

void CalibrationPanel::setTrueSequential(bool on)
{
    const QSignalBlocker blocker(m_trueSequential);
    m_trueSequential->setChecked(on);
}

void CalibrationPanel::setStatus(const QString& richText)
{
    m_status->setText(richText);
}

QString CalibrationPanel::statusText() const
{
    return m_status->text();
}

void CalibrationPanel::chooseTextFile()
{
    const QString path = TextFileDialog::ask(this, tr("Calibration Text"), textPath());
    if (path.isEmpty())
        return;
    setTextPath(path);
    Q_EMIT textPathEdited(path);
}

} // namespace qb
