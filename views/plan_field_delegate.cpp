#include "views/plan_field_delegate.h"

#include "core/quant/quant_plan.h"
#include "views/layer_table_model.h"

#include <QAbstractProxyModel>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSpinBox>

namespace qb {

namespace {

// Maps an index of `model` (the layer table or a chain of proxies over it) to a source row.
int sourceRow(const QModelIndex& index)
{
    QModelIndex current = index;
    while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(current.model()))
        current = proxy->mapToSource(current);
    return current.row();
}

} // namespace

PlanFieldDelegate::PlanFieldDelegate(LayerTableModel* layers, QItemSelectionModel* selection,
                                     QObject* parent)
    : QStyledItemDelegate(parent)
    , m_layers(layers)
    , m_selection(selection)
{
}

QList<int> PlanFieldDelegate::commonGroupSizes()
{
    return {QuantScheme::kPerChannel, QuantScheme::kPerTensor, 32, 64, 128, 256, 512, 1024};
}

QWidget* PlanFieldDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const
{
    switch (index.column()) {
    case LayerTableModel::MethodColumn: {
        auto* combo = new QComboBox(parent);
        for (QuantMethod method : allMethods())
            combo->addItem(methodDisplayName(method), methodKey(method));
        return combo;
    }
    case LayerTableModel::BitsColumn: {
        auto* spin = new QSpinBox(parent);
        spin->setRange(QuantScheme::kMinBits, QuantScheme::kMaxBits);
        return spin;
    }
    case LayerTableModel::GroupColumn: {
        auto* combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        // No inline completion: typing "25" must give 25 columns, not complete to "256".
        combo->setCompleter(nullptr);
        for (int code : commonGroupSizes())
            combo->addItem(groupSizeText(code), code);
        return combo;
    }
    case LayerTableModel::GridColumn: {
        auto* combo = new QComboBox(parent);
        combo->addItem(LayerTableModel::tr("asymmetric"), false);
        combo->addItem(LayerTableModel::tr("symmetric"), true);
        return combo;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void PlanFieldDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const int found = combo->findData(value);
        if (found >= 0)
            combo->setCurrentIndex(found);
        else if (combo->isEditable())
            combo->setEditText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void PlanFieldDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const
{
    QVariant value;
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        value = spin->value();
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        if (combo->isEditable() && combo->findText(combo->currentText()) < 0) {
            // A typed group size: a positive number of columns.
            bool ok = false;
            const int typed = combo->currentText().trimmed().toInt(&ok);
            if (!ok || typed < 1)
                return; // rejected: the cell keeps its value
            value = typed;
        } else {
            value = combo->itemData(combo->findText(combo->currentText()));
        }
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    if (!m_layers)
        return;

    QList<int> rows;
    const bool inSelection = m_selection && m_selection->isRowSelected(index.row(), index.parent());
    if (inSelection) {
        for (const QModelIndex& selected : m_selection->selectedRows(index.column()))
            rows << sourceRow(selected);
    } else {
        rows << sourceRow(index);
    }
    std::sort(rows.begin(), rows.end());
    m_layers->setFieldForRows(rows, index.column(), value);
}

} // namespace qb
