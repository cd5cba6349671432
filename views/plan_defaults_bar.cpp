#include "views/plan_defaults_bar.h"

#include "views/layer_table_model.h"
#include "views/plan_field_delegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIntValidator>
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
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_group->lineEdit()->setValidator(nullptr);
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
    connect(m_bits, &QSpinBox::editingFinished, this, &PlanDefaultsBar::emitEdited);
    connect(m_bits, &QSpinBox::valueChanged, this, [this] {
        if (!m_bits->hasFocus()) // arrows and wheel: apply at once; typing: on Enter / focus out
            emitEdited();
    });
    connect(m_group, &QComboBox::activated, this, &PlanDefaultsBar::emitEdited);
    connect(m_group->lineEdit(), &QLineEdit::editingFinished, this, &PlanDefaultsBar::emitEdited);
    connect(m_grid, &QComboBox::activated, this, &PlanDefaultsBar::emitEdited);
    updateEnabled();
}

void PlanDefaultsBar::setConfig(const LayerQuantConfig& config)
{
    const QSignalBlocker b1(m_method), b2(m_bits), b3(m_group), b4(m_grid);
    m_method->setCurrentIndex(m_method->findData(methodKey(config.method)));
    m_bits->setValue(config.scheme.bits);
    const int code = config.scheme.groupSizeCode();
    const int found = m_group->findData(code);
    if (found >= 0)
        m_group->setCurrentIndex(found);
    else
        m_group->setEditText(QString::number(code));
    m_grid->setCurrentIndex(m_grid->findData(config.scheme.symmetric));
    updateEnabled();
}

LayerQuantConfig PlanDefaultsBar::config() const
{
    LayerQuantConfig config;
    config.method = methodFromKey(m_method->currentData().toString()).value_or(QuantMethod::Rtn);
    int code = QuantScheme::kPerChannel;
    const int found = m_group->findText(m_group->currentText());
    if (found >= 0) {
        code = m_group->itemData(found).toInt();
    } else {
        bool ok = false;
        const int typed = m_group->currentText().trimmed().toInt(&ok);
        code = ok && typed > 0 ? typed : 128;
    }
    config.scheme = QuantScheme::fromGroupSizeCode(m_bits->value(), m_grid->currentData().toBool(), code);
    return config;
}

void PlanDefaultsBar::emitEdited()
{
    updateEnabled();
    Q_EMIT configEdited(config());
}

void PlanDefaultsBar::updateEnabled()
{
    const bool quantized = m_method->currentData().toString() != methodKey(QuantMethod::None);
    m_bits->setEnabled(quantized);
    m_group->setEnabled(quantized);
    m_grid->setEnabled(quantized);
}

} // namespace qb
