#pragma once

#include "core/quant/quant_plan.h"
#include "core/quant/quant_report.h"

#include <QAbstractTableModel>
#include <QJsonObject>

#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace qb {

class LoadedModel;
struct LinearLayer;

// The layers of the open model as a table: what each is (name, role, shape, parameters, dtype),
// what the plan does with it (method, bits, group size, grid, the method's own options) and what
// the last quantization run gave it (status; the error of its output on held-out calibration
// rows; the error of its weights).
//
// The model holds the document's QuantPlan. Edits (setData, setFieldForRows, setDefaults,
// setCalibration) go through the undo stack when one is set, one command per edit however many
// rows it touches. Results shown are immutable LayerReport values from QuantReport snapshots; a
// result whose settings no longer match the plan is "stale" (for layers fitted on calibration
// data, also when the plan's calibration settings changed).
//
// EditRole returns raw values (method key, bits, group-size code, symmetric flag, and for the
// options a QVariantMap of MethodOptions keys); SortRole (Qt::UserRole) returns numbers for
// numeric columns so a proxy sorts them correctly (-1 where nothing was measured).
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
        OptionsColumn, // the method's own settings (MethodOptions), in short form
        // The results, from here to the last column.
        StatusColumn,
        OutputMseColumn,   // of the layer's output on the held-out calibration rows
        OutputErrorColumn, // ‖Y − Ŷ‖ / ‖Y‖ on the same rows
        MseColumn,         // of the weights
        RelativeErrorColumn,
        SqnrColumn,
        ColumnCount
    };
    static constexpr int FirstResultColumn = StatusColumn;
    static constexpr int SortRole = Qt::UserRole;

    explicit LayerTableModel(QObject* parent = nullptr);

    // Replaces the model, its plan and clears results (not undoable: a new document).
    void resetModel(std::shared_ptr<const LoadedModel> model, const QuantPlan& plan);
    std::shared_ptr<const LoadedModel> loadedModel() const { return m_model; }

    const QuantPlan& plan() const { return m_plan; }
    // Replaces the plan without touching the undo stack (undo commands call this).
    void setPlan(const QuantPlan& plan);
    // Sets one plan column (Method, Bits, Group, Grid or Options) to `value` (EditRole form) on
    // several rows as one undoable step. Bits, Group and Grid skip the rows whose method does not
    // use them (keep, SmoothQuant, W8A8: their weights are int8 per channel symmetric). Options
    // takes a QVariantMap of MethodOptions keys and sets, on each row, those its method uses
    // (rows using none are skipped), so a map holding only the changed options edits a mixed
    // selection safely. Returns false when the column is not editable (not a plan column, or
    // every row is skipped), a row is out of range or a value is invalid; true when applied or
    // when nothing changed.
    bool setFieldForRows(const QList<int>& rows, int column, const QVariant& value);
    // Changes the plan's default settings (what every layer without an override gets) as one
    // undoable step.
    void setDefaults(const LayerQuantConfig& defaults);
    // Changes the plan's calibration settings as one undoable step. Returns false (and changes
    // nothing) when they are invalid (CalibrationOptions::validationError).
    bool setCalibration(const CalibrationOptions& calibration);
    // Replaces the whole plan as one undoable step named `text` (loading a recipe).
    void applyPlanEdit(const QuantPlan& after, const QString& text);
    void setUndoStack(QUndoStack* stack) { m_undoStack = stack; }

    // Shows the results of `report`: layers it holds replace earlier results of the same name,
    // others keep theirs. report.plan.calibration is remembered with them (for staleness).
    void mergeReport(const QuantReport& report);
    void clearResults();
    const LayerReport* resultAt(int row) const;
    bool isResultStale(int row) const;
    // Whether the result needs a warning: skipped, or quantized otherwise than planned (a note:
    // GPTQ raised its damping or fell back to RTN, …).
    bool hasWarning(int row) const;

    const LinearLayer* layerAt(int row) const;
    int rowOf(const QString& layerName) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static bool isPlanColumn(int column);
    static bool isResultColumn(int column) { return column >= FirstResultColumn; }
    // Whether `column` (Bits, Group, Grid or Options) means something for a layer quantized with
    // `method`; the Method column always does.
    static bool columnApplies(int column, QuantMethod method);

Q_SIGNALS:
    // The plan changed (an edit, an undo or redo, or a new model).
    void planChanged();

private:
    QVariant displayData(int row, int column) const;
    QVariant editData(int row, int column) const;
    QVariant sortData(int row, int column) const;
    QVariant toolTipData(int row, int column) const;
    QString resultToolTip(int row) const;
    QVariant foreground(int row, int column) const;
    bool setOptionsForRows(const QList<int>& rows, const QVariantMap& options);
    // The end of an edit of `column` over `rows`: refused (false) when the field applies to none
    // of them (`applicable` == 0), a no-op when no layer changed, else `after` as one undoable
    // step named after the field.
    bool finishRowsEdit(const QList<int>& rows, int column, int applicable, int changed,
                        const QuantPlan& after);
    void emitResultsChanged();

    // A layer's last result and the calibration settings of the run that made it.
    struct Result {
        LayerReport report;
        QJsonObject calibration;
    };

    std::shared_ptr<const LoadedModel> m_model;
    QuantPlan m_plan;
    std::vector<std::optional<Result>> m_results; // by row
    QUndoStack* m_undoStack = nullptr;
};

// Text for a group-size code: "per channel", "per tensor" or the number of columns.
QString groupSizeText(int groupSizeCode);

} // namespace qb
