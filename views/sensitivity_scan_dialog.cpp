#include "views/sensitivity_scan_dialog.h"

#include "views/layer_table_model.h"
#include "views/plan_field_delegate.h"
#include "views/text_file_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace qb {

SensitivityScanDialog::SensitivityScanDialog(const SensitivityScanRequest& initial,
                                             std::array<int, 3> units, QWidget* parent)
    : QDialog(parent)
    , m_units(units)
    , m_group(new QComboBox(this))
    , m_grid(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_unit(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_documents(new QSpinBox(this))
    , m_calibrationNote(new QLabel(this))
    , m_estimate(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("sensitivityScanDialog"));
    setWindowTitle(tr("Sensitivity Scan"));

    auto* intro = new QLabel(tr("Each unit is quantized alone at each bit-width, everything else "
                                "kept in full precision, and the model is scored on the "
                                "evaluation text: the change in perplexity and the KL divergence "
                                "show which layers suffer most."),
                             this);
    intro->setWordWrap(true);

    auto* bitsRow = new QHBoxLayout;
    for (int bits = QuantScheme::kMinBits; bits <= QuantScheme::kMaxBits; ++bits) {
        auto* box = new QCheckBox(QString::number(bits), this);
        box->setObjectName(QStringLiteral("scanBits%1").arg(bits));
        bitsRow->addWidget(box);
        m_bits.push_back(box);
        connect(box, &QCheckBox::toggled, this, &SensitivityScanDialog::updateState);
    }
    bitsRow->addStretch(1);

    m_group->setObjectName(QStringLiteral("scanGroup"));
    for (int code : PlanFieldDelegate::commonGroupSizes())
        m_group->addItem(groupSizeText(code), code);
    m_grid->setObjectName(QStringLiteral("scanGrid"));
    m_grid->addItem(LayerTableModel::tr("asymmetric"), false);
    m_grid->addItem(LayerTableModel::tr("symmetric"), true);
    auto* schemeRow = new QHBoxLayout;
    schemeRow->addWidget(m_group);
    schemeRow->addWidget(m_grid);
    schemeRow->addStretch(1);

    m_method->setObjectName(QStringLiteral("scanMethod"));
    m_method->addItem(methodDisplayName(QuantMethod::Rtn), int(QuantMethod::Rtn));
    m_method->addItem(methodDisplayName(QuantMethod::Gptq), int(QuantMethod::Gptq));
    m_method->setToolTip(tr("RTN needs no calibration; GPTQ calibrates each layer on the "
                            "full-precision model's activations"));
    m_unit->setObjectName(QStringLiteral("scanUnit"));
    m_unit->addItem(tr("One layer"), int(SensitivityUnitKind::Layer));
    m_unit->addItem(tr("One block (all its layers)"), int(SensitivityUnitKind::Block));
    m_unit->addItem(tr("One role across all blocks"), int(SensitivityUnitKind::Role));

    m_text->setObjectName(QStringLiteral("scanEvaluationText"));
    m_text->setPlaceholderText(tr("a UTF-8 text file"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(browse);
    m_documents->setObjectName(QStringLiteral("scanDocuments"));
    m_documents->setRange(0, 1000000);
    m_documents->setSpecialValueText(tr("all"));
    m_documents->setToolTip(tr("Score only the first documents of the text: fewer make the scan "
                               "faster and the figures noisier"));
    m_calibrationNote->setObjectName(QStringLiteral("scanCalibrationNote"));
    m_calibrationNote->setWordWrap(true);
    m_estimate->setObjectName(QStringLiteral("scanEstimate"));
    m_estimate->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Bit-widths:"), bitsRow);
    form->addRow(tr("Grouping:"), schemeRow);
    form->addRow(tr("Method:"), m_method);
    form->addRow(QString(), m_calibrationNote);
    form->addRow(tr("Quantize per measurement:"), m_unit);
    form->addRow(tr("Evaluation text:"), textRow);
    form->addRow(tr("Documents:"), m_documents);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run Scan"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_estimate);
    layout->addWidget(m_buttons);

    connect(browse, &QToolButton::clicked, this, &SensitivityScanDialog::chooseText);
    connect(m_text, &QLineEdit::textChanged, this, &SensitivityScanDialog::updateState);
    connect(m_method, &QComboBox::currentIndexChanged, this, &SensitivityScanDialog::updateState);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &SensitivityScanDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setRequest(initial);
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

void SensitivityScanDialog::setRequest(const SensitivityScanRequest& request)
{
    const SensitivityOptions& options = request.options;
    for (std::size_t i = 0; i < m_bits.size(); ++i)
        m_bits[i]->setChecked(
            std::find(options.bits.begin(), options.bits.end(), QuantScheme::kMinBits + int(i))
            != options.bits.end());
    const int code = options.quantization.scheme.groupSizeCode();
    if (m_group->findData(code) < 0)
        m_group->addItem(groupSizeText(code), code);
    m_group->setCurrentIndex(m_group->findData(code));
    m_grid->setCurrentIndex(m_grid->findData(options.quantization.scheme.symmetric));
    m_method->setCurrentIndex(std::max(0, m_method->findData(int(options.quantization.method))));
    m_unit->setCurrentIndex(m_unit->findData(int(options.unit)));
    m_text->setText(QDir::toNativeSeparators(request.evaluationText));
    m_documents->setValue(request.evaluationDocuments);
    updateState();
}

std::vector<int> SensitivityScanDialog::chosenBits() const
{
    std::vector<int> bits;
    for (std::size_t i = 0; i < m_bits.size(); ++i) {
        if (m_bits[i]->isChecked())
            bits.push_back(QuantScheme::kMinBits + int(i));
    }
    return bits;
}

SensitivityScanRequest SensitivityScanDialog::request() const
{
    SensitivityScanRequest request;
    SensitivityOptions& options = request.options;
    options.bits = chosenBits();
    options.quantization.method = QuantMethod(m_method->currentData().toInt());
    options.quantization.scheme = QuantScheme::fromGroupSizeCode(
        options.bits.empty() ? 4 : options.bits.front(), m_grid->currentData().toBool(),
        m_group->currentData().toInt());
    options.unit = SensitivityUnitKind(m_unit->currentData().toInt());
    request.evaluationText = QDir::fromNativeSeparators(m_text->text().trimmed());
    request.evaluationDocuments = m_documents->value();
    return request;
}

void SensitivityScanDialog::setCalibrationNote(const QString& text)
{
    m_calibrationNote->setText(text);
    updateState();
}

void SensitivityScanDialog::chooseText()
{
    const QString path = TextFileDialog::ask(this, tr("Evaluation Text"), m_text->text());
    if (!path.isEmpty())
        m_text->setText(QDir::toNativeSeparators(path));
}

void SensitivityScanDialog::updateState()
{
    const std::vector<int> bits = chosenBits();
    const int units = m_units[std::size_t(std::clamp(m_unit->currentIndex(), 0, 2))];
    const bool gptq = QuantMethod(m_method->currentData().toInt()) == QuantMethod::Gptq;
    m_calibrationNote->setVisible(gptq && !m_calibrationNote->text().isEmpty());
    const QString text = m_text->text().trimmed();
    QString problem;
    if (bits.empty())
        problem = tr("Choose at least one bit-width.");
    else if (text.isEmpty() || !QFileInfo(QDir::fromNativeSeparators(text)).isFile())
        problem = tr("Choose an existing evaluation text.");
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    const int measurements = units * int(bits.size());
    m_estimate->setText(problem.isEmpty()
                            ? tr("%1 × %2 = %n measurement(s), each an evaluation of the text "
                                 "from the unit's first block on.",
                                 nullptr, measurements)
                                  .arg(tr("%n unit(s)", nullptr, units),
                                       tr("%n bit-width(s)", nullptr, int(bits.size())))
                            : problem);
}

} // namespace qb
