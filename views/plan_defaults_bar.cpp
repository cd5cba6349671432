#include "views/plan_defaults_bar.h"

#include "views/layer_table_model.h"
#include "views/plan_field_delegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace qb {

PlanDefaultsBar::PlanDefaultsBar(QWidget* parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_bits(new QSpinBox(this))
    , m_group(new QComboBox(this))
    , m_grid(new QComboBox(this))
{
    m_method->setObjectName(QStringLiteral("defaultMethod"));
    m_bits->setObjectName(QStringLiteral("defaultBits"));
    m_group->setObjectName(QStringLiteral("defaultGroup"));
    m_grid->setObjectName(QStringLiteral("defaultGrid"));
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

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Defaults:"), this));
    layout->addWidget(m_method);
    layout->addWidget(m_bits);
    layout->addWidget(new QLabel(tr("group"), this));
    layout->addWidget(m_group);
    layout->addWidget(m_grid);
    layout->addStretch(1);

    connect(m_method, &QComboBox::activated, this, &PlanDefaultsBar::emitEdited);
    connect(m_bits, &QSpinBox::valueChanged, this, &PlanDefaultsBar::emitEdited);
    connect(m_group, &QComboBox::activated, this, &PlanDefaultsBar::emitEdited);
    connect(m_group->lineEdit(), &QLineEdit::editingFinished, this, &PlanDefaultsBar::emitEdited);
    connect(m_grid, &QComboBox::activated, this, &PlanDefaultsBar::emitEdited);
    setConfig(LayerQuantConfig());
}

void PlanDefaultsBar::setConfig(const LayerQuantConfig& config)
{
    const QSignalBlocker b1(m_method), b2(m_bits), b3(m_group), b4(m_grid);
    m_method->setCurrentIndex(m_method->findData(methodKey(config.method)));
    m_bits->setValue(config.scheme.bits);
    showGroupCode(config.scheme.groupSizeCode());
    m_grid->setCurrentIndex(m_grid->findData(config.scheme.symmetric));
    updateEnabled();
    m_config = this->config();
}

LayerQuantConfig PlanDefaultsBar::config() const
{
    LayerQuantConfig config;
    config.method = methodFromKey(m_method->currentData().toString()).value_or(QuantMethod::Rtn);
    config.scheme =
        QuantScheme::fromGroupSizeCode(m_bits->value(), m_grid->currentData().toBool(),
                                       groupCode().value_or(m_config.scheme.groupSizeCode()));
    return config;
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

void PlanDefaultsBar::emitEdited()
{
    updateEnabled();
    if (!groupCode()) {
        showGroupCode(m_config.scheme.groupSizeCode());
        return;
    }
    // Several signals can report one change (a typed item: activated, then editingFinished), and
    // focus leaving an unchanged field reports none.
    const LayerQuantConfig edited = config();
    if (edited == m_config && edited.scheme == m_config.scheme)
        return;
    m_config = edited;
    Q_EMIT configEdited(edited);
}

void PlanDefaultsBar::updateEnabled()
{
    const bool quantized = m_method->currentData().toString() != methodKey(QuantMethod::None);
    m_bits->setEnabled(quantized);
    m_group->setEnabled(quantized);
    m_grid->setEnabled(quantized);
}

} // namespace qb
