#include "views/plan_defaults_bar.h"

#include "views/layer_table_model.h"
#include "views/method_options_editor.h"
#include "views/plan_field_delegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qb {

PlanDefaultsBar::PlanDefaultsBar(QWidget* parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_bits(new QSpinBox(this))
    , m_groupLabel(new QLabel(tr("group"), this))
    , m_group(new QComboBox(this))
    , m_grid(new QComboBox(this))
    , m_optionsLabel(new QLabel(this))
    , m_options(new MethodOptionsEditor(this))
{
    m_method->setObjectName(QStringLiteral("defaultMethod"));
    m_bits->setObjectName(QStringLiteral("defaultBits"));
    m_group->setObjectName(QStringLiteral("defaultGroup"));
    m_grid->setObjectName(QStringLiteral("defaultGrid"));
    m_options->setObjectName(QStringLiteral("defaultOptions"));
    for (QuantMethod method : allMethods())
        m_method->addItem(methodDisplayName(method), methodKey(method));
    m_bits->setRange(QuantScheme::kMinBits, QuantScheme::kMaxBits);
    m_bits->setSuffix(tr(" bits"));
    // Arrows, wheel and step buttons apply at once; typed digits on Enter or focus-out.
    m_bits->setKeyboardTracking(false);
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    // No inline completion: typing "25" must give 25 columns, not complete to "256".
    m_group->setCompleter(nullptr);
    for (int code : PlanFieldDelegate::commonGroupSizes())
        m_group->addItem(groupSizeText(code), code);
    m_grid->addItem(LayerTableModel::tr("asymmetric"), false);
    m_grid->addItem(LayerTableModel::tr("symmetric"), true);

    const QString tip = tr("Settings of every layer that has no setting of its own");
    for (QWidget* w : {static_cast<QWidget*>(m_method), static_cast<QWidget*>(m_bits),
                       static_cast<QWidget*>(m_group), static_cast<QWidget*>(m_grid)})
        w->setToolTip(tip);

    // Two rows, so that the bar stays narrow: the scheme, then the method's own options.
    auto* schemeRow = new QHBoxLayout;
    schemeRow->addWidget(new QLabel(tr("Defaults:"), this));
    schemeRow->addWidget(m_method);
    schemeRow->addWidget(m_bits);
    schemeRow->addWidget(m_groupLabel);
    schemeRow->addWidget(m_group);
    schemeRow->addWidget(m_grid);
    schemeRow->addStretch(1);
    auto* optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_optionsLabel);
    optionsRow->addWidget(m_options);
    optionsRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(schemeRow);
    layout->addLayout(optionsRow);

    connect(m_method, &QComboBox::activated, this, [this] {
        LayerQuantConfig edited = m_config;
        edited.method = methodFromKey(m_method->currentData().toString()).value_or(edited.method);
        commit(edited);
    });
    connect(m_bits, &QSpinBox::valueChanged, this, &PlanDefaultsBar::onSchemeEdited);
    connect(m_group, &QComboBox::activated, this, &PlanDefaultsBar::onSchemeEdited);
    connect(m_group->lineEdit(), &QLineEdit::editingFinished, this,
            &PlanDefaultsBar::onSchemeEdited);
    connect(m_grid, &QComboBox::activated, this, &PlanDefaultsBar::onSchemeEdited);
    connect(m_options, &MethodOptionsEditor::edited, this, [this] {
        LayerQuantConfig edited = m_options->config();
        edited.method = m_config.method;
        edited.scheme = m_config.scheme;
        commit(edited);
    });
    setConfig(LayerQuantConfig());
}

void PlanDefaultsBar::setConfig(const LayerQuantConfig& config)
{
    m_config = config;
    showConfig();
}

void PlanDefaultsBar::showConfig()
{
    const QSignalBlocker b1(m_method), b2(m_bits), b3(m_group), b4(m_grid);
    m_method->setCurrentIndex(m_method->findData(methodKey(m_config.method)));
    const bool kept = m_config.method == QuantMethod::None;
    const bool usesScheme = methodUsesScheme(m_config.method);
    // SmoothQuant and W8A8: the fixed grid they use, not the remembered one.
    const QuantScheme shown =
        usesScheme || kept ? m_config.scheme
                           : QuantScheme::fromGroupSizeCode(8, true, QuantScheme::kPerChannel);
    m_bits->setValue(shown.bits);
    showGroupCode(shown.groupSizeCode());
    m_grid->setCurrentIndex(m_grid->findData(shown.symmetric));
    m_bits->setEnabled(usesScheme);
    m_group->setEnabled(usesScheme);
    m_groupLabel->setEnabled(usesScheme);
    m_grid->setEnabled(usesScheme);
    m_options->setConfig(m_config);
    m_options->setVisible(m_options->hasFields());
    m_optionsLabel->setVisible(m_options->hasFields());
    // Just the method's name: the row of its options is the bar's widest.
    m_optionsLabel->setText(tr("%1:").arg(methodDisplayName(m_config.method)));
    m_optionsLabel->setToolTip(tr("%1 options").arg(methodDisplayName(m_config.method)));
}

void PlanDefaultsBar::onSchemeEdited()
{
    if (!methodUsesScheme(m_config.method))
        return;
    const std::optional<int> code = groupCode();
    if (!code) {
        showGroupCode(m_config.scheme.groupSizeCode());
        return;
    }
    LayerQuantConfig edited = m_config;
    edited.scheme =
        QuantScheme::fromGroupSizeCode(m_bits->value(), m_grid->currentData().toBool(), *code);
    commit(edited);
}

void PlanDefaultsBar::commit(const LayerQuantConfig& edited)
{
    // Several signals can report one change (a typed item: activated, then editingFinished), and
    // focus leaving an unchanged field reports none. Exact comparison: fields the method does not
    // use count too, so that what is shown is what is stored.
    if (edited.toJson() == m_config.toJson())
        return;
    m_config = edited;
    showConfig();
    Q_EMIT configEdited(edited);
}

std::optional<int> PlanDefaultsBar::groupCode() const
{
    const int found = m_group->findText(m_group->currentText());
    if (found >= 0)
        return m_group->itemData(found).toInt();
    bool ok = false;
    const int typed = m_group->currentText().trimmed().toInt(&ok);
    if (!ok || typed < 1)
        return std::nullopt;
    return typed;
}

void PlanDefaultsBar::showGroupCode(int code)
{
    const QSignalBlocker blocker(m_group);
    const int found = m_group->findData(code);
    if (found >= 0)
        m_group->setCurrentIndex(found);
    else
        m_group->setEditText(QString::number(code));
}

} // namespace qb
