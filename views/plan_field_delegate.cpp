#include "views/plan_field_delegate.h"

#include "core/quant/quant_plan.h"
#include "views/layer_table_model.h"
#include "views/method_options_editor.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>

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
    case LayerTableModel::OptionsColumn: {
        auto* editor = new MethodOptionsEditor(parent);
        editor->setObjectName(QStringLiteral("optionsEditor"));
        // Drawn over the cells beside it: opaque, framed, with a little room around the fields.
        editor->setAutoFillBackground(true);
        editor->setFrameShape(QFrame::StyledPanel);
        editor->layout()->setContentsMargins(4, 1, 4, 1);
        // The view commits an editor when its own focus goes; this one's fields have the focus,
        // so the editor watches for the focus leaving all of them. The check waits for the
        // event loop: when the view itself closes the editor it moves the focus first and hides
        // the editor after, and such a close must not commit again.
        auto* self = const_cast<PlanFieldDelegate*>(this);
        connect(qApp, &QApplication::focusChanged, editor, [self, editor](QWidget* old, QWidget*) {
            if (!old || !editor->isAncestorOf(old)) // isAncestorOf(editor) holds too
                return;
            QTimer::singleShot(0, self, [self, guard = QPointer<QWidget>(editor)] {
                if (!guard || !guard->isVisible())
                    return; // closed meanwhile
                const QWidget* focus = QApplication::focusWidget();
                if (focus && guard->isAncestorOf(focus))
                    return; // back inside
                Q_EMIT self->commitData(guard);
                Q_EMIT self->closeEditor(guard);
            });
        });
        return editor;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void PlanFieldDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* options = qobject_cast<MethodOptionsEditor*>(editor)) {
        const LinearLayer* layer = m_layers ? m_layers->layerAt(sourceRow(index)) : nullptr;
        if (layer)
            options->setConfig(m_layers->plan().resolve(layer->name));
        // The method's fields decide the width: placed before they were known, fit it again.
        placeOptionsEditor(options, options->geometry());
        return;
    }
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
    if (auto* options = qobject_cast<MethodOptionsEditor*>(editor)) {
        const QVariantMap changed = options->changedOptions();
        if (changed.isEmpty())
            return;
        value = changed;
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
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
    m_layers->setFieldForRows(targetRows(index), index.column(), value);
}

QList<int> PlanFieldDelegate::targetRows(const QModelIndex& index) const
{
    QList<int> rows;
    const bool inSelection = m_selection && m_selection->isRowSelected(index.row(), index.parent());
    if (inSelection) {
        for (const QModelIndex& selected : m_selection->selectedRows(index.column()))
            rows << sourceRow(selected);
    } else {
        rows << sourceRow(index);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void PlanFieldDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                             const QModelIndex& index) const
{
    if (!qobject_cast<MethodOptionsEditor*>(editor)) {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    placeOptionsEditor(editor, option.rect);
}

void PlanFieldDelegate::placeOptionsEditor(QWidget* editor, const QRect& cell)
{
    // As wide as its fields (more than the cell), at least as tall as the row, kept inside the
    // viewport so no field is cut off.
    const QSize hint = editor->sizeHint();
    QRect rect(cell.topLeft(),
               QSize(std::max(hint.width(), cell.width()), std::max(hint.height(), cell.height())));
    if (const QWidget* viewport = editor->parentWidget()) {
        const QRect area = viewport->rect();
        if (rect.right() > area.right())
            rect.moveRight(area.right());
        if (rect.left() < area.left())
            rect.moveLeft(area.left());
        if (rect.bottom() > area.bottom())
            rect.moveBottom(area.bottom());
        if (rect.top() < area.top())
            rect.moveTop(area.top());
    }
    editor->setGeometry(rect);
}

} // namespace qb
