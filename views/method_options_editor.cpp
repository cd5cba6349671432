#include "views/method_options_editor.h"

#include "views/method_options.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace qb {

MethodOptionsEditor::MethodOptionsEditor(QWidget* parent)
    : QFrame(parent)
    , m_none(new QLabel(tr("no options"), this))
    , m_actOrder(new QCheckBox(tr("act-order"), this))
    , m_staticGroups(new QCheckBox(tr("static groups"), this))
    , m_dampLabel(new QLabel(tr("damp"), this))
    , m_damp(new QDoubleSpinBox(this))
    , m_clipSearch(new QCheckBox(tr("clip search"), this))
    , m_smooth(new QCheckBox(tr("smooth"), this))
    , m_alphaLabel(new QLabel(tr("α"), this))
    , m_alpha(new QDoubleSpinBox(this))
    , m_tiedScales(new QCheckBox(tr("tied scales"), this))
{
    m_actOrder->setObjectName(QStringLiteral("optionActOrder"));
    m_staticGroups->setObjectName(QStringLiteral("optionStaticGroups"));
    m_damp->setObjectName(QStringLiteral("optionDamp"));
    m_clipSearch->setObjectName(QStringLiteral("optionClipSearch"));
    m_smooth->setObjectName(QStringLiteral("optionSmooth"));
    m_alpha->setObjectName(QStringLiteral("optionAlpha"));
    m_tiedScales->setObjectName(QStringLiteral("optionTiedScales"));
    m_none->setEnabled(false);

    m_actOrder->setToolTip(tr("GPTQ: quantize the columns in order of decreasing Hessian "
                              "diagonal (the inputs' energy), which helps at low bit widths"));
    m_staticGroups->setToolTip(tr("GPTQ: compute every group's grid from the unchanged weights "
                                  "before quantizing, so that act-order keeps groups of adjacent "
                                  "columns (for loaders without a column permutation)"));
    m_damp->setToolTip(tr("GPTQ: added to the Hessian's diagonal, as a fraction of its mean; "
                          "raised ten-fold while the Hessian is not positive definite"));
    m_dampLabel->setToolTip(m_damp->toolTip());
    m_clipSearch->setToolTip(tr("RTN: search each group's clipping range for the smallest output "
                                "error on the calibration inputs"));
    m_smooth->setToolTip(tr("SmoothQuant smoothing first: move the activations' outlier channels "
                            "into the weights with strength α, folding the scale into the "
                            "operation before the layer"));
    m_alpha->setToolTip(tr("Migration strength α: 0 leaves the activations as they are, 1 moves "
                           "all of their range into the weights"));
    m_alphaLabel->setToolTip(m_alpha->toolTip());
    m_tiedScales->setToolTip(
        tr("AWQ: under grouped-query attention, scale o_proj's inputs with one scale per "
           "key/value head channel (shared by the query heads reading it), folded into v_proj. "
           "Off: o_proj stays unscaled and is only clipped, as llm-awq does"));

    m_damp->setDecimals(4);
    m_damp->setRange(MethodOptions::kMinDamp, MethodOptions::kMaxDamp);
    m_damp->setSingleStep(0.005);
    m_damp->setKeyboardTracking(false);
    m_alpha->setDecimals(2);
    m_alpha->setRange(0.0, 1.0);
    m_alpha->setSingleStep(0.05);
    m_alpha->setKeyboardTracking(false);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_none);
    layout->addWidget(m_actOrder);
    layout->addWidget(m_staticGroups);
    layout->addWidget(m_dampLabel);
    layout->addWidget(m_damp);
    layout->addWidget(m_clipSearch);
    layout->addWidget(m_smooth);
    layout->addWidget(m_alphaLabel);
    layout->addWidget(m_alpha);
    layout->addWidget(m_tiedScales);

    connect(m_actOrder, &QCheckBox::toggled, this,
            [this](bool on) { userSet(MethodOptions::kActOrder, on); });
    connect(m_staticGroups, &QCheckBox::toggled, this,
            [this](bool on) { userSet(MethodOptions::kStaticGroups, on); });
    connect(m_clipSearch, &QCheckBox::toggled, this,
            [this](bool on) { userSet(MethodOptions::kClipSearch, on); });
    connect(m_smooth, &QCheckBox::toggled, this,
            [this](bool on) { userSet(MethodOptions::kSmooth, on); });
    connect(m_tiedScales, &QCheckBox::toggled, this,
            [this](bool on) { userSet(MethodOptions::kTiedScales, on); });
    connect(m_damp, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { userSet(MethodOptions::kDamp, value); });
    connect(m_alpha, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { userSet(MethodOptions::kAlpha, value); });
    showConfig();
}

void MethodOptionsEditor::setConfig(const LayerQuantConfig& config)
{
    m_initial = config;
    m_config = config;
    showConfig();
}

QVariantMap MethodOptionsEditor::changedOptions() const
{
    QVariantMap changed;
    for (const QString& key : MethodOptions::keysFor(m_config.method)) {
        const QVariant now = MethodOptions::value(m_config, key);
        if (now != MethodOptions::value(m_initial, key))
            changed.insert(key, now);
    }
    return changed;
}

bool MethodOptionsEditor::hasFields() const
{
    return MethodOptions::hasOptions(m_config.method);
}

void MethodOptionsEditor::userSet(const QString& key, const QVariant& value)
{
    if (MethodOptions::value(m_config, key) == value || !MethodOptions::set(m_config, key, value))
        return;
    showConfig(); // α follows the smoothing switch
    Q_EMIT edited();
}

void MethodOptionsEditor::showConfig()
{
    const QStringList keys = MethodOptions::keysFor(m_config.method);
    const QSignalBlocker b1(m_actOrder), b2(m_staticGroups), b3(m_damp), b4(m_clipSearch),
        b5(m_smooth), b6(m_alpha), b7(m_tiedScales);
    m_actOrder->setChecked(m_config.actOrder);
    m_staticGroups->setChecked(m_config.staticGroups);
    m_damp->setValue(m_config.damp);
    m_clipSearch->setChecked(m_config.clipSearch);
    m_smooth->setChecked(m_config.smooth);
    m_alpha->setValue(m_config.alpha);
    m_tiedScales->setChecked(m_config.tiedScales);

    const std::pair<QWidget*, bool> fields[] = {
        {m_none, keys.isEmpty()},
        {m_actOrder, keys.contains(MethodOptions::kActOrder)},
        {m_staticGroups, keys.contains(MethodOptions::kStaticGroups)},
        {m_dampLabel, keys.contains(MethodOptions::kDamp)},
        {m_damp, keys.contains(MethodOptions::kDamp)},
        {m_clipSearch, keys.contains(MethodOptions::kClipSearch)},
        {m_smooth, keys.contains(MethodOptions::kSmooth)},
        {m_alphaLabel, keys.contains(MethodOptions::kAlpha)},
        {m_alpha, keys.contains(MethodOptions::kAlpha)},
        {m_tiedScales, keys.contains(MethodOptions::kTiedScales)},
    };
    // Hide first, then show: a layout measured in between never holds both methods' fields (the
    // window would grow to that width and stay there).
    for (const auto& [field, shown] : fields) {
        if (!shown)
            field->hide();
    }
    for (const auto& [field, shown] : fields) {
        if (shown)
            field->show();
    }
    // RTN and GPTQ use α only to smooth; SmoothQuant always.
    const bool alphaUsed = m_config.method == QuantMethod::SmoothQuant || m_config.smooth;
    m_alphaLabel->setEnabled(alphaUsed);
    m_alpha->setEnabled(alphaUsed);
}

} // namespace qb
