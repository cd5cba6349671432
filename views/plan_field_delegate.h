#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

class QItemSelectionModel;

namespace qb {

class LayerTableModel;

// Editors for the plan columns of the layer table (method, bits, group size, grid). When the
// edited row is part of a multi-row selection, the value goes to every selected row as one
// undoable step (LayerTableModel::setFieldForRows). Works through a proxy model: indices are
// mapped to the LayerTableModel's rows.
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

    // Group sizes offered in the editor; any other positive size can be typed.
    static QList<int> commonGroupSizes();

private:
    QPointer<LayerTableModel> m_layers;
    QPointer<QItemSelectionModel> m_selection;
};

} // namespace qb
