#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

class QItemSelectionModel;

namespace qb {

class LayerTableModel;

// Editors for the plan columns of the layer table (method, bits, group size, grid, options). When
// the edited row is part of a multi-row selection, the value goes to every selected row as one
// undoable step (LayerTableModel::setFieldForRows). Works through a proxy model: indices are
// mapped to the LayerTableModel's rows.
//
// The options editor (a MethodOptionsEditor over the cell, as wide as its fields need) shows the
// fields of the edited row's method and commits only the options the user changed, so a
// selection mixing methods gets just those (where they apply). It commits on Enter, when the
// current cell changes and when the focus leaves it; Escape discards.
class PlanFieldDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    PlanFieldDelegate(LayerTableModel* layers, QItemSelectionModel* selection,
                      QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

    // Group sizes offered in the editor; any other positive size can be typed.
    static QList<int> commonGroupSizes();

private:
    // The rows an edit of `index` applies to: the selection when `index` is in it.
    QList<int> targetRows(const QModelIndex& index) const;
    // Places the options editor at `cell`'s top left, sized for its fields, inside the viewport.
    static void placeOptionsEditor(QWidget* editor, const QRect& cell);

    QPointer<LayerTableModel> m_layers;
    QPointer<QItemSelectionModel> m_selection;
};

} // namespace qb
