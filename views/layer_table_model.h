#pragma once

#include "core/quant/quant_plan.h"
#include "core/quant/quant_report.h"

#include <QAbstractTableModel>

#include <memory>

class QUndoStack;

namespace qb {

class LoadedModel;
struct LinearLayer;

// The layers of the open model as a table: what each is (name, role, shape, parameters, dtype),
// what the plan does with it (method, bits, group size, grid) and what the last quantization run
// measured (weight MSE, relative error, SQNR, status).
//
// The model holds the document's QuantPlan. Edits (setData, setFieldForRows) go through the undo
// stack when one is set, one command per edit however many rows it touches. Results shown are an
// immutable QuantReport snapshot; a result whose settings no longer match the plan is "stale".
//
// EditRole returns raw values (method key, bits, group-size code, symmetric flag); SortRole
// (Qt::UserRole) returns numbers for numeric columns so a proxy sorts them correctly.
class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        RoleColumn,
        ShapeColumn,
        ParametersColumn,
        DTypeColumn,
        MethodColumn,
        BitsColumn,
        GroupColumn,
        GridColumn,
        MseColumn,
        RelativeErrorColumn,
        SqnrColumn,
        StatusColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit LayerTableModel(QObject* parent = nullptr);

    // Replaces the model, its plan and clears results (not undoable: a new document).
    void resetModel(std::shared_ptr<const LoadedModel> model, const QuantPlan& plan);
    std::shared_ptr<const LoadedModel> loadedModel() const { return m_model; }

    const QuantPlan& plan() const { return m_plan; }
    // Replaces the plan without touching the undo stack (undo commands call this).
    void setPlan(const QuantPlan& plan);
    // Sets one plan column (Method, Bits, Group or Grid) to `value` (EditRole form) on several
    // rows as one undoable step; rows kept in full precision are skipped for Bits, Group and
    // Grid. Returns false when the column is not editable (not a plan column, or every row is
    // skipped), a row is out of range or the value is invalid; true when applied or when nothing
    // changed.
    bool setFieldForRows(const QList<int>& rows, int column, const QVariant& value);
    // Changes the plan's default settings (what every layer without an override gets) as one
    // undoable step.
    void setDefaults(const LayerQuantConfig& defaults);
    // Replaces the whole plan as one undoable step named `text` (loading a recipe).
    void applyPlanEdit(const QuantPlan& after, const QString& text);
    void setUndoStack(QUndoStack* stack) { m_undoStack = stack; }

    // Shows the results of `report`: layers it holds replace earlier results of the same name,
    // others keep theirs.
    void mergeReport(const QuantReport& report);
    void clearResults();
    const LayerReport* resultAt(int row) const;
    bool isResultStale(int row) const;

    const LinearLayer* layerAt(int row) const;
    int rowOf(const QString& layerName) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static bool isPlanColumn(int column);

Q_SIGNALS:
    // The plan changed (an edit, an undo or redo, or a new model).
    void planChanged();

private:
    QVariant displayData(int row, int column) const;
    QVariant editData(int row, int column) const;
    QVariant sortData(int row, int column) const;
    QVariant toolTipData(int row, int column) const;

    std::shared_ptr<const LoadedModel> m_model;
    QuantPlan m_plan;
    std::vector<std::optional<LayerReport>> m_results; // by row
    QUndoStack* m_undoStack = nullptr;
};

// Text for a group-size code: "per channel", "per tensor" or the number of columns.
QString groupSizeText(int groupSizeCode);

} // namespace qb
