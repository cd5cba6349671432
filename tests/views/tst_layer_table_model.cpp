// LayerTableModel on the bundled demo model (5 blocks x 7 linears = 35 rows), watched by
// QAbstractItemModelTester for the whole of every test: shown values per column and role, flags,
// undoable plan edits (one command per call, undo restoring the plan exactly) of the scheme, the
// method options and the calibration settings, rejected values, merged quantization results
// (output and weight errors, status, warnings, tooltips, sorting) and when they turn stale.

#include "core/model/loaded_model.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quant_report.h"
#include "tests/support/test_paths.h"
#include "views/layer_table_model.h"
#include "views/method_options.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFont>
#include <QJsonDocument>
#include <QLocale>
#include <QPalette>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <limits>
#include <memory>

using namespace qb;

namespace {

// A metric as the table writes it: scientific notation with two decimals, in the locale.
QString sci(double value)
{
    return QLocale().toString(value, 'e', 2);
}

// Rows of the demo model: block b holds q, k, v, o, gate, up, down at rows 7b … 7b + 6.
constexpr int kQ0 = 0;
constexpr int kK0 = 1; // kept in full precision by the fixture plan
constexpr int kV0 = 2;
constexpr int kO0 = 3;
constexpr int kGate0 = 4;
constexpr int kUp0 = 5;
constexpr int kDown0 = 6; // 8-bit symmetric per channel by the fixture plan
constexpr int kQ1 = 7;
constexpr int kGate1 = 11;
constexpr int kDown1 = 13;
constexpr int kDown4 = 34;
constexpr int kRows = 35;

LayerQuantConfig rtn(int bits, int groupCode, bool symmetric)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Rtn;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return config;
}

// Defaults: RTN 4-bit asymmetric, groups of 32. Every down_proj: 8-bit symmetric per channel.
// Block 0's k_proj: kept.
QuantPlan fixturePlan()
{
    QuantPlan plan;
    plan.defaults = rtn(4, 32, false);
    PlanOverride down;
    down.match = QStringLiteral("re:.*down_proj");
    down.bits = 8;
    down.groupSizeCode = QuantScheme::kPerChannel;
    down.symmetric = true;
    plan.addOverride(down);
    PlanOverride keep;
    keep.match = QStringLiteral("model.layers.0.self_attn.k_proj");
    keep.method = QuantMethod::None;
    plan.addOverride(keep);
    return plan;
}

QByteArray jsonText(const QuantPlan& plan)
{
    return QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact);
}

// The result of a run for one layer, with the settings the current plan gives it.
LayerReport quantizedResult(const LayerTableModel& model, int row, double mse, double relativeError,
                            double sqnrDb)
{
    LayerReport report;
    report.name = model.layerAt(row)->name;
    report.config = model.plan().resolve(report.name);
    report.status = LayerStatus::Quantized;
    report.metrics.mse = mse;
    report.metrics.relativeError = relativeError;
    report.metrics.sqnrDb = sqnrDb;
    report.metrics.maxAbsError = 0.01;
    return report;
}

QString cellText(const LayerTableModel& model, int row, int column)
{
    return model.data(model.index(row, column), Qt::DisplayRole).toString();
}

QString toolTip(const LayerTableModel& model, int row, int column)
{
    return model.data(model.index(row, column), Qt::ToolTipRole).toString();
}

// Whether a cell is drawn in the palette's disabled text colour (an inactive or stale cell).
bool greyed(const LayerTableModel& model, int row, int column)
{
    const QVariant brush = model.data(model.index(row, column), Qt::ForegroundRole);
    return brush.isValid()
           && brush.value<QBrush>().color() == QPalette().color(QPalette::Disabled, QPalette::Text);
}

// The same result, with the error of the layer's output measured on `rows` held-out tokens.
LayerReport withOutput(LayerReport report, double mse, double relativeError, std::int64_t rows)
{
    report.output.mse = mse;
    report.output.relativeError = relativeError;
    report.output.sqnrDb = -10.0 * std::log10(relativeError * relativeError);
    report.output.rows = rows;
    return report;
}

} // namespace

class TestLayerTableModel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_loaded;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<LayerTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    std::vector<LayerQuantConfig> resolvedConfigs() const
    {
        std::vector<LayerQuantConfig> configs;
        for (int row = 0; row < m_model->rowCount(); ++row)
            configs.push_back(m_model->plan().resolve(m_model->layerAt(row)->name));
        return configs;
    }

private Q_SLOTS:
    void initTestCase() { m_loaded = LoadedModel::open(test::demoModelDir()); }

    // A fresh model per test, under the tester from before its first reset.
    void init()
    {
        m_stack = std::make_unique<QUndoStack>();
        m_model = std::make_unique<LayerTableModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setUndoStack(m_stack.get());
        m_model->resetModel(m_loaded, fixturePlan());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_stack.reset();
    }

    void shapeAndHeaders_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("header");
        QTest::newRow("name") << int(LayerTableModel::NameColumn) << QStringLiteral("Layer");
        QTest::newRow("role") << int(LayerTableModel::RoleColumn) << QStringLiteral("Role");
        QTest::newRow("shape") << int(LayerTableModel::ShapeColumn) << QStringLiteral("Shape");
        QTest::newRow("params") << int(LayerTableModel::ParametersColumn)
                                << QStringLiteral("Params");
        QTest::newRow("dtype") << int(LayerTableModel::DTypeColumn) << QStringLiteral("DType");
        QTest::newRow("method") << int(LayerTableModel::MethodColumn) << QStringLiteral("Method");
        QTest::newRow("bits") << int(LayerTableModel::BitsColumn) << QStringLiteral("Bits");
        QTest::newRow("group") << int(LayerTableModel::GroupColumn) << QStringLiteral("Group");
        QTest::newRow("grid") << int(LayerTableModel::GridColumn) << QStringLiteral("Grid");
        QTest::newRow("options") << int(LayerTableModel::OptionsColumn)
                                 << QStringLiteral("Options");
        QTest::newRow("status") << int(LayerTableModel::StatusColumn) << QStringLiteral("Status");
        QTest::newRow("output mse")
            << int(LayerTableModel::OutputMseColumn) << QStringLiteral("Output MSE");
        QTest::newRow("output error")
            << int(LayerTableModel::OutputErrorColumn) << QStringLiteral("Output error");
        QTest::newRow("mse") << int(LayerTableModel::MseColumn) << QStringLiteral("Weight MSE");
        QTest::newRow("relerr") << int(LayerTableModel::RelativeErrorColumn)
                                << QStringLiteral("Weight error");
        QTest::newRow("sqnr") << int(LayerTableModel::SqnrColumn) << QStringLiteral("SQNR (dB)");
    }

    void shapeAndHeaders()
    {
        QFETCH(int, column);
        QFETCH(QString, header);
        QCOMPARE(m_model->rowCount(), kRows);
        QCOMPARE(m_model->columnCount(), 16);
        QCOMPARE(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(), header);
        QVERIFY(!m_model->headerData(column, Qt::Vertical, Qt::DisplayRole).isValid());
        // A table: no children anywhere.
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
        QCOMPARE(m_model->columnCount(m_model->index(0, 0)), 0);
    }

    void rowsFollowTheInventory()
    {
        for (int row = 0; row < kRows; ++row) {
            const LinearLayer* layer = m_model->layerAt(row);
            QVERIFY(layer);
            QCOMPARE(layer->name, m_loaded->inventory().layers()[std::size_t(row)].name);
            QCOMPARE(m_model->rowOf(layer->name), row);
            QCOMPARE(cellText(*m_model, row, LayerTableModel::NameColumn), layer->name);
        }
        QVERIFY(!m_model->layerAt(-1));
        QVERIFY(!m_model->layerAt(kRows));
        QCOMPARE(m_model->rowOf(QStringLiteral("model.layers.9.mlp.up_proj")), -1);
    }

    void displayData_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        const QString dash = QStringLiteral("—");
        auto count = [](qlonglong n) { return QLocale().toString(n); };

        QTest::newRow("q0 name") << kQ0 << int(LayerTableModel::NameColumn)
                                 << QStringLiteral("model.layers.0.self_attn.q_proj");
        QTest::newRow("q0 role") << kQ0 << int(LayerTableModel::RoleColumn)
                                 << QStringLiteral("q_proj");
        QTest::newRow("q0 shape") << kQ0 << int(LayerTableModel::ShapeColumn)
                                  << QStringLiteral("64 × 64");
        QTest::newRow("q0 params") << kQ0 << int(LayerTableModel::ParametersColumn) << count(4096);
        QTest::newRow("q0 dtype") << kQ0 << int(LayerTableModel::DTypeColumn)
                                  << QStringLiteral("F32");
        QTest::newRow("q0 method")
            << kQ0 << int(LayerTableModel::MethodColumn) << QStringLiteral("RTN");
        QTest::newRow("q0 bits") << kQ0 << int(LayerTableModel::BitsColumn) << QStringLiteral("4");
        QTest::newRow("q0 group") << kQ0 << int(LayerTableModel::GroupColumn)
                                  << QStringLiteral("32");
        QTest::newRow("q0 grid") << kQ0 << int(LayerTableModel::GridColumn)
                                 << QStringLiteral("asym");
        QTest::newRow("q0 options")
            << kQ0 << int(LayerTableModel::OptionsColumn) << QStringLiteral("—");
        QTest::newRow("q0 output mse") << kQ0 << int(LayerTableModel::OutputMseColumn) << QString();
        QTest::newRow("q0 mse") << kQ0 << int(LayerTableModel::MseColumn) << QString();
        QTest::newRow("q0 status") << kQ0 << int(LayerTableModel::StatusColumn) << QString();

        QTest::newRow("k0 role") << kK0 << int(LayerTableModel::RoleColumn)
                                 << QStringLiteral("k_proj");
        QTest::newRow("k0 shape") << kK0 << int(LayerTableModel::ShapeColumn)
                                  << QStringLiteral("32 × 64");
        QTest::newRow("k0 params") << kK0 << int(LayerTableModel::ParametersColumn) << count(2048);
        QTest::newRow("k0 method")
            << kK0 << int(LayerTableModel::MethodColumn) << QStringLiteral("Keep");
        QTest::newRow("k0 bits") << kK0 << int(LayerTableModel::BitsColumn) << dash;
        QTest::newRow("k0 group") << kK0 << int(LayerTableModel::GroupColumn) << dash;
        QTest::newRow("k0 grid") << kK0 << int(LayerTableModel::GridColumn) << dash;
        QTest::newRow("k0 options") << kK0 << int(LayerTableModel::OptionsColumn) << dash;

        QTest::newRow("down0 role")
            << kDown0 << int(LayerTableModel::RoleColumn) << QStringLiteral("down_proj");
        QTest::newRow("down0 shape")
            << kDown0 << int(LayerTableModel::ShapeColumn) << QStringLiteral("64 × 172");
        QTest::newRow("down0 bits")
            << kDown0 << int(LayerTableModel::BitsColumn) << QStringLiteral("8");
        QTest::newRow("down0 group")
            << kDown0 << int(LayerTableModel::GroupColumn) << QStringLiteral("per channel");
        QTest::newRow("down0 grid")
            << kDown0 << int(LayerTableModel::GridColumn) << QStringLiteral("sym");

        QTest::newRow("gate1 name") << kGate1 << int(LayerTableModel::NameColumn)
                                    << QStringLiteral("model.layers.1.mlp.gate_proj");
        QTest::newRow("gate1 shape")
            << kGate1 << int(LayerTableModel::ShapeColumn) << QStringLiteral("172 × 64");
        QTest::newRow("gate1 params")
            << kGate1 << int(LayerTableModel::ParametersColumn) << count(11008);
        QTest::newRow("gate1 method")
            << kGate1 << int(LayerTableModel::MethodColumn) << QStringLiteral("RTN");
        QTest::newRow("down4 name") << kDown4 << int(LayerTableModel::NameColumn)
                                    << QStringLiteral("model.layers.4.mlp.down_proj");
        QTest::newRow("down4 bits")
            << kDown4 << int(LayerTableModel::BitsColumn) << QStringLiteral("8");
    }

    void displayData()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, text);
        QCOMPARE(cellText(*m_model, row, column), text);
    }

    void editAndSortRoles_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("value");
        const int edit = Qt::EditRole;
        const int sort = LayerTableModel::SortRole;
        QTest::newRow("q0 method edit")
            << kQ0 << int(LayerTableModel::MethodColumn) << edit << QVariant(QStringLiteral("rtn"));
        QTest::newRow("k0 method edit") << kK0 << int(LayerTableModel::MethodColumn) << edit
                                        << QVariant(QStringLiteral("none"));
        QTest::newRow("q0 bits edit")
            << kQ0 << int(LayerTableModel::BitsColumn) << edit << QVariant(4);
        QTest::newRow("down0 bits edit")
            << kDown0 << int(LayerTableModel::BitsColumn) << edit << QVariant(8);
        QTest::newRow("q0 group edit")
            << kQ0 << int(LayerTableModel::GroupColumn) << edit << QVariant(32);
        QTest::newRow("down0 group edit")
            << kDown0 << int(LayerTableModel::GroupColumn) << edit << QVariant(-1);
        QTest::newRow("q0 grid edit")
            << kQ0 << int(LayerTableModel::GridColumn) << edit << QVariant(false);
        QTest::newRow("down0 grid edit")
            << kDown0 << int(LayerTableModel::GridColumn) << edit << QVariant(true);
        QTest::newRow("q0 name edit")
            << kQ0 << int(LayerTableModel::NameColumn) << edit
            << QVariant(QStringLiteral("model.layers.0.self_attn.q_proj"));

        QTest::newRow("q1 name sort")
            << kQ1 << int(LayerTableModel::NameColumn) << sort << QVariant(kQ1);
        QTest::newRow("down4 name sort")
            << kDown4 << int(LayerTableModel::NameColumn) << sort << QVariant(kDown4);
        QTest::newRow("k0 params sort")
            << kK0 << int(LayerTableModel::ParametersColumn) << sort << QVariant(qlonglong(2048));
        QTest::newRow("gate1 params sort") << kGate1 << int(LayerTableModel::ParametersColumn)
                                           << sort << QVariant(qlonglong(11008));
        QTest::newRow("gate1 shape sort")
            << kGate1 << int(LayerTableModel::ShapeColumn) << sort << QVariant(qlonglong(11008));
        QTest::newRow("down0 bits sort")
            << kDown0 << int(LayerTableModel::BitsColumn) << sort << QVariant(8);
        QTest::newRow("down0 group sort")
            << kDown0 << int(LayerTableModel::GroupColumn) << sort << QVariant(-1);
        QTest::newRow("q0 mse sort (none yet)")
            << kQ0 << int(LayerTableModel::MseColumn) << sort << QVariant(-1.0);
        QTest::newRow("q0 sqnr sort (none yet)")
            << kQ0 << int(LayerTableModel::SqnrColumn) << sort << QVariant(-1.0);
    }

    void editAndSortRoles()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QVariant, value);
        const QVariant actual = m_model->data(m_model->index(row, column), role);
        QCOMPARE(actual.typeId(), value.typeId());
        QCOMPARE(actual, value);
    }

    // The SortRole makes a proxy sort numerically and in model order, not as text.
    void sortRoleSortsNumerically()
    {
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        proxy.setSortRole(LayerTableModel::SortRole);
        proxy.sort(LayerTableModel::ParametersColumn, Qt::AscendingOrder);
        qlonglong previous = 0;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const qlonglong params =
                m_model->layerAt(proxy.mapToSource(proxy.index(row, 0)).row())->parameterCount();
            QVERIFY2(params >= previous, qPrintable(QString::number(row)));
            previous = params;
        }
        QCOMPARE(previous, qlonglong(11008));

        // Names sort in model order: layers.1 … after layers.0 …, q before k within a block.
        proxy.sort(LayerTableModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), kDown4);
        QCOMPARE(proxy.mapToSource(proxy.index(kRows - 1, 0)).row(), kQ0);
        QCOMPARE(proxy.mapToSource(proxy.index(kRows - 2, 0)).row(), kK0);
    }

    void flags_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("editable");
        QTest::newRow("q0 name") << kQ0 << int(LayerTableModel::NameColumn) << false;
        QTest::newRow("q0 shape") << kQ0 << int(LayerTableModel::ShapeColumn) << false;
        QTest::newRow("q0 method") << kQ0 << int(LayerTableModel::MethodColumn) << true;
        QTest::newRow("q0 bits") << kQ0 << int(LayerTableModel::BitsColumn) << true;
        QTest::newRow("q0 group") << kQ0 << int(LayerTableModel::GroupColumn) << true;
        QTest::newRow("q0 grid") << kQ0 << int(LayerTableModel::GridColumn) << true;
        QTest::newRow("q0 options (RTN)") << kQ0 << int(LayerTableModel::OptionsColumn) << true;
        QTest::newRow("q0 mse") << kQ0 << int(LayerTableModel::MseColumn) << false;
        QTest::newRow("q0 output mse") << kQ0 << int(LayerTableModel::OutputMseColumn) << false;
        QTest::newRow("q0 status") << kQ0 << int(LayerTableModel::StatusColumn) << false;
        QTest::newRow("kept options") << kK0 << int(LayerTableModel::OptionsColumn) << false;
        QTest::newRow("kept method") << kK0 << int(LayerTableModel::MethodColumn) << true;
        QTest::newRow("kept bits") << kK0 << int(LayerTableModel::BitsColumn) << false;
        QTest::newRow("kept group") << kK0 << int(LayerTableModel::GroupColumn) << false;
        QTest::newRow("kept grid") << kK0 << int(LayerTableModel::GridColumn) << false;
        QTest::newRow("down4 bits") << kDown4 << int(LayerTableModel::BitsColumn) << true;
    }

    void flags()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(bool, editable);
        const Qt::ItemFlags f = m_model->flags(m_model->index(row, column));
        QVERIFY(f.testFlag(Qt::ItemIsEnabled));
        QVERIFY(f.testFlag(Qt::ItemIsSelectable));
        QCOMPARE(f.testFlag(Qt::ItemIsEditable), editable);
        QCOMPARE(m_model->flags(QModelIndex()), Qt::ItemFlags(Qt::NoItemFlags));
    }

    // Editability follows the plan: keeping a layer makes its bits read-only, and back.
    void flagsFollowTheMethod()
    {
        const QModelIndex bits = m_model->index(kQ0, LayerTableModel::BitsColumn);
        QVERIFY(m_model->flags(bits).testFlag(Qt::ItemIsEditable));
        QVERIFY(
            m_model->setFieldForRows({kQ0}, LayerTableModel::MethodColumn, QStringLiteral("none")));
        QVERIFY(!m_model->flags(bits).testFlag(Qt::ItemIsEditable));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::BitsColumn), QStringLiteral("—"));
        m_stack->undo();
        QVERIFY(m_model->flags(bits).testFlag(Qt::ItemIsEditable));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::BitsColumn), QStringLiteral("4"));
    }

    void setFieldForRows_data()
    {
        QTest::addColumn<QList<int>>("rows");
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QList<int>>("changedRows");
        QTest::addColumn<QString>("undoText");
        const int bits = LayerTableModel::BitsColumn;
        const int group = LayerTableModel::GroupColumn;
        const int grid = LayerTableModel::GridColumn;
        const int method = LayerTableModel::MethodColumn;
        QTest::newRow("bits, one row")
            << QList<int>{kQ0} << bits << QVariant(3) << QList<int>{kQ0}
            << QStringLiteral("Set Bits of model.layers.0.self_attn.q_proj");
        QTest::newRow("bits, several rows")
            << QList<int>{kQ0, kO0, kDown0, kDown4} << bits << QVariant(2)
            << QList<int>{kQ0, kO0, kDown0, kDown4} << QStringLiteral("Set Bits of 4 layer(s)");
        // The kept layer in the selection is left alone.
        QTest::newRow("bits, kept row skipped")
            << QList<int>{kQ0, kK0, kV0} << bits << QVariant(3) << QList<int>{kQ0, kV0}
            << QStringLiteral("Set Bits of 2 layer(s)");
        // A row that already has the value counts as unchanged.
        QTest::newRow("bits, one already set")
            << QList<int>{kQ0, kDown0} << bits << QVariant(8) << QList<int>{kQ0}
            << QStringLiteral("Set Bits of 1 layer(s)");
        QTest::newRow("group, per tensor")
            << QList<int>{kQ0, kGate0} << group << QVariant(0) << QList<int>{kQ0, kGate0}
            << QStringLiteral("Set Group of 2 layer(s)");
        QTest::newRow("group, per channel")
            << QList<int>{kUp0} << group << QVariant(-1) << QList<int>{kUp0}
            << QStringLiteral("Set Group of model.layers.0.mlp.up_proj");
        QTest::newRow("group, custom size")
            << QList<int>{kUp0, kDown1} << group << QVariant(48) << QList<int>{kUp0, kDown1}
            << QStringLiteral("Set Group of 2 layer(s)");
        QTest::newRow("grid, symmetric")
            << QList<int>{kQ0, kK0, kDown0, kQ1} << grid << QVariant(true) << QList<int>{kQ0, kQ1}
            << QStringLiteral("Set Grid of 2 layer(s)");
        QTest::newRow("method, keep")
            << QList<int>{kQ0, kGate1} << method << QVariant(QStringLiteral("none"))
            << QList<int>{kQ0, kGate1} << QStringLiteral("Set Method of 2 layer(s)");
        QTest::newRow("method, quantize a kept layer")
            << QList<int>{kK0} << method << QVariant(QStringLiteral("rtn")) << QList<int>{kK0}
            << QStringLiteral("Set Method of model.layers.0.self_attn.k_proj");
    }

    void setFieldForRows()
    {
        QFETCH(QList<int>, rows);
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QList<int>, changedRows);
        QFETCH(QString, undoText);

        const std::vector<LayerQuantConfig> before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        // What each changed row should become: its old settings with the one field replaced.
        std::vector<LayerQuantConfig> expected = before;
        for (int row : changedRows) {
            LayerQuantConfig& c = expected[std::size_t(row)];
            switch (column) {
            case LayerTableModel::MethodColumn:
                c.method = *methodFromKey(value.toString());
                break;
            case LayerTableModel::BitsColumn:
                c.scheme.bits = value.toInt();
                break;
            case LayerTableModel::GroupColumn:
                c.scheme = QuantScheme::fromGroupSizeCode(c.scheme.bits, c.scheme.symmetric,
                                                          value.toInt());
                break;
            case LayerTableModel::GridColumn:
                c.scheme.symmetric = value.toBool();
                break;
            }
            QVERIFY(!(c == before[std::size_t(row)]));
        }

        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setFieldForRows(rows, column, value));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), undoText);
        QCOMPARE(planChanged.count(), 1);
        QVERIFY(dataChanged.count() >= 1);
        const QModelIndex topLeft = dataChanged.last().at(0).toModelIndex();
        const QModelIndex bottomRight = dataChanged.last().at(1).toModelIndex();
        for (int row : changedRows) {
            QVERIFY(topLeft.row() <= row && row <= bottomRight.row());
            QVERIFY(topLeft.column() <= column && column <= bottomRight.column());
        }

        const std::vector<LayerQuantConfig> after = resolvedConfigs();
        for (int row = 0; row < kRows; ++row) {
            const QByteArray where = m_model->layerAt(row)->name.toUtf8();
            // Exactly: also the scheme a kept layer would get if quantized again.
            QVERIFY2(after[std::size_t(row)] == expected[std::size_t(row)]
                         && after[std::size_t(row)].scheme == expected[std::size_t(row)].scheme,
                     where.constData());
        }
        const QByteArray afterJson = jsonText(m_model->plan());
        QVERIFY(afterJson != beforeJson);

        m_stack->undo();
        QCOMPARE(jsonText(m_model->plan()), beforeJson);
        QCOMPARE(planChanged.count(), 2);
        const std::vector<LayerQuantConfig> undone = resolvedConfigs();
        for (int row = 0; row < kRows; ++row)
            QVERIFY(undone[std::size_t(row)] == before[std::size_t(row)]);

        m_stack->redo();
        QCOMPARE(jsonText(m_model->plan()), afterJson);
        QCOMPARE(planChanged.count(), 3);
        QCOMPARE(m_stack->count(), 1);
        const std::vector<LayerQuantConfig> redone = resolvedConfigs();
        for (int row = 0; row < kRows; ++row)
            QVERIFY(redone[std::size_t(row)] == expected[std::size_t(row)]);
    }

    // setData is the one-row form of setFieldForRows, through the same undo stack.
    void setDataIsUndoable()
    {
        const QModelIndex bits = m_model->index(kV0, LayerTableModel::BitsColumn);
        QVERIFY(m_model->setData(bits, 6));
        QCOMPARE(bits.data(Qt::EditRole), QVariant(6));
        QCOMPARE(m_stack->count(), 1);
        QVERIFY(m_model->setData(m_model->index(kV0, LayerTableModel::GroupColumn), 64));
        QCOMPARE(m_stack->count(), 2);
        QCOMPARE(m_model->plan().resolve(m_model->layerAt(kV0)->name), rtn(6, 64, false));
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(jsonText(m_model->plan()), jsonText(fixturePlan()));
        // Only the edit role edits.
        QVERIFY(!m_model->setData(bits, 6, Qt::DisplayRole));
        QVERIFY(!m_model->setData(QModelIndex(), 6));
        QCOMPARE(m_stack->count(), 2);
        QCOMPARE(m_stack->index(), 0);
    }

    // Setting what a row already has is accepted and changes nothing: no command, no signal.
    void unchangedValueIsNoStep()
    {
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        QVERIFY(m_model->setFieldForRows({kQ0, kO0}, LayerTableModel::BitsColumn, 4));
        QVERIFY(m_model->setFieldForRows({kDown0}, LayerTableModel::GroupColumn, -1));
        QVERIFY(
            m_model->setFieldForRows({kQ0}, LayerTableModel::MethodColumn, QStringLiteral("rtn")));
        QVERIFY(m_model->setFieldForRows({}, LayerTableModel::BitsColumn, 3));
        QCOMPARE(m_stack->count(), 0);
        QCOMPARE(planChanged.count(), 0);
        QCOMPARE(jsonText(m_model->plan()), jsonText(fixturePlan()));
    }

    void invalidValuesRejected_data()
    {
        QTest::addColumn<QList<int>>("rows");
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        const int bits = LayerTableModel::BitsColumn;
        const int group = LayerTableModel::GroupColumn;
        const int method = LayerTableModel::MethodColumn;
        QTest::newRow("bits 9") << QList<int>{kQ0} << bits << QVariant(9);
        QTest::newRow("bits 1") << QList<int>{kQ0, kV0} << bits << QVariant(1);
        QTest::newRow("bits text") << QList<int>{kQ0} << bits << QVariant(QStringLiteral("four"));
        QTest::newRow("group -2") << QList<int>{kQ0} << group << QVariant(-2);
        QTest::newRow("group text")
            << QList<int>{kQ0, kO0} << group << QVariant(QStringLiteral("abc"));
        QTest::newRow("method gptq2")
            << QList<int>{kQ0} << method << QVariant(QStringLiteral("gptq2"));
        QTest::newRow("method empty") << QList<int>{kK0} << method << QVariant(QString());
        QTest::newRow("method display name")
            << QList<int>{kQ0} << method << QVariant(QStringLiteral("Keep"));
        QTest::newRow("grid text") << QList<int>{kQ0} << int(LayerTableModel::GridColumn)
                                   << QVariant(QStringLiteral("abc"));
        QTest::newRow("name column")
            << QList<int>{kQ0} << int(LayerTableModel::NameColumn) << QVariant(QStringLiteral("x"));
        QTest::newRow("mse column")
            << QList<int>{kQ0} << int(LayerTableModel::MseColumn) << QVariant(1.0);
        QTest::newRow("output mse column")
            << QList<int>{kQ0} << int(LayerTableModel::OutputMseColumn) << QVariant(1.0);
        const int options = LayerTableModel::OptionsColumn;
        QTest::newRow("options not a map")
            << QList<int>{kQ0} << options << QVariant(QStringLiteral("clip search"));
        QTest::newRow("options: unknown key")
            << QList<int>{kQ0} << options << QVariant(QVariantMap{{QStringLiteral("clip"), true}});
        QTest::newRow("options: flag as text")
            << QList<int>{kQ0} << options
            << QVariant(QVariantMap{{MethodOptions::kClipSearch, QStringLiteral("yes")}});
        QTest::newRow("options: alpha 1.5")
            << QList<int>{kQ0} << options << QVariant(QVariantMap{{MethodOptions::kAlpha, 1.5}});
        QTest::newRow("options: damp 0")
            << QList<int>{kQ0} << options << QVariant(QVariantMap{{MethodOptions::kDamp, 0.0}});
        // RTN has no act-order, a kept layer no options at all: nothing to apply them to.
        QTest::newRow("options: act-order on RTN")
            << QList<int>{kQ0, kV0} << options
            << QVariant(QVariantMap{{MethodOptions::kActOrder, true}});
        QTest::newRow("options of a kept layer")
            << QList<int>{kK0} << options << QVariant(QVariantMap{{MethodOptions::kSmooth, true}});
        QTest::newRow("options: empty map")
            << QList<int>{kQ0} << options << QVariant(QVariantMap{});
        QTest::newRow("row out of range") << QList<int>{kQ0, kRows} << bits << QVariant(3);
        QTest::newRow("negative row") << QList<int>{-1} << bits << QVariant(3);
        // Bits of a kept layer are not editable (flags()), and an invalid value stays invalid
        // even where every row would skip it.
        QTest::newRow("bits of a kept layer") << QList<int>{kK0} << bits << QVariant(3);
        QTest::newRow("bits 9 on a kept layer") << QList<int>{kK0} << bits << QVariant(9);
        QTest::newRow("group -2 on a kept layer") << QList<int>{kK0} << group << QVariant(-2);
    }

    void invalidValuesRejected()
    {
        QFETCH(QList<int>, rows);
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(!m_model->setFieldForRows(rows, column, value));
        if (rows.size() == 1 && rows.front() >= 0 && rows.front() < kRows)
            QVERIFY(!m_model->setData(m_model->index(rows.front(), column), value));
        QCOMPARE(m_stack->count(), 0);
        QCOMPARE(planChanged.count(), 0);
        QCOMPARE(dataChanged.count(), 0);
        QCOMPARE(jsonText(m_model->plan()), jsonText(fixturePlan()));
    }

    void setDefaultsIsUndoable()
    {
        const LayerQuantConfig before = m_model->plan().defaults;
        const LayerQuantConfig newDefaults = rtn(3, QuantScheme::kPerChannel, true);
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        m_model->setDefaults(newDefaults);
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(planChanged.count(), 1);
        QCOMPARE(m_model->plan().defaults, newDefaults);
        QCOMPARE(m_model->plan().overrides().size(), std::size_t(2));
        // Layers without settings of their own follow; the others keep theirs.
        QCOMPARE(m_model->plan().resolve(m_model->layerAt(kQ0)->name), newDefaults);
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::BitsColumn), QStringLiteral("3"));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::GroupColumn),
                 QStringLiteral("per channel"));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::GridColumn), QStringLiteral("sym"));
        QCOMPARE(m_model->plan().resolve(m_model->layerAt(kDown0)->name), rtn(8, -1, true));
        QCOMPARE(m_model->plan().resolve(m_model->layerAt(kK0)->name).method, QuantMethod::None);

        // The same defaults again: no step.
        m_model->setDefaults(newDefaults);
        QCOMPARE(m_stack->count(), 1);
        // Only the grouping differs: a step.
        m_model->setDefaults(rtn(3, 64, true));
        QCOMPARE(m_stack->count(), 2);

        m_stack->undo();
        m_stack->undo();
        QCOMPARE(m_model->plan().defaults, before);
        QCOMPARE(m_model->plan().defaults.scheme, before.scheme);
        QCOMPARE(jsonText(m_model->plan()), jsonText(fixturePlan()));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::BitsColumn), QStringLiteral("4"));
        m_stack->redo();
        QCOMPARE(m_model->plan().defaults, newDefaults);
        QCOMPARE(planChanged.count(), 5);
    }

    void applyPlanEditIsOneStep()
    {
        QuantPlan recipe;
        recipe.defaults = rtn(2, 16, true);
        m_model->applyPlanEdit(recipe, QStringLiteral("Load recipe"));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Load recipe"));
        QCOMPARE(jsonText(m_model->plan()), jsonText(recipe));
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::MethodColumn), QStringLiteral("RTN"));
        QCOMPARE(cellText(*m_model, kDown0, LayerTableModel::GroupColumn), QStringLiteral("16"));
        m_stack->undo();
        QCOMPARE(jsonText(m_model->plan()), jsonText(fixturePlan()));
    }

    // Without an undo stack, edits apply directly.
    void editsWithoutUndoStack()
    {
        m_model->setUndoStack(nullptr);
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        QVERIFY(m_model->setFieldForRows({kQ0, kV0}, LayerTableModel::BitsColumn, 5));
        QCOMPARE(planChanged.count(), 1);
        QCOMPARE(m_model->plan().resolve(m_model->layerAt(kV0)->name).scheme.bits, 5);
        m_model->setDefaults(rtn(6, 128, false));
        QCOMPARE(m_model->plan().defaults, rtn(6, 128, false));
        QCOMPARE(m_stack->count(), 0);
    }

    void mergeReport()
    {
        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QuantReport first;
        first.layers.push_back(quantizedResult(*m_model, kQ0, 1.5e-5, 0.0123, 38.27));
        first.layers.push_back(quantizedResult(*m_model, kDown0, 2.25e-7, 0.0041, 47.71));
        LayerReport unknown;
        unknown.name = QStringLiteral("model.layers.7.mlp.up_proj"); // not in this model: ignored
        unknown.status = LayerStatus::Quantized;
        first.layers.push_back(unknown);
        m_model->mergeReport(first);
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(dataChanged.last().at(0).toModelIndex(),
                 m_model->index(0, LayerTableModel::FirstResultColumn));
        QCOMPARE(dataChanged.last().at(1).toModelIndex(),
                 m_model->index(kRows - 1, LayerTableModel::ColumnCount - 1));

        // Scientific notation as the locale writes it ("1.50E-05" in English, "1.50e-05" in C).
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::MseColumn), sci(1.50e-05));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::RelativeErrorColumn),
                 QStringLiteral("1.23 %"));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::SqnrColumn), QStringLiteral("38.3"));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));
        QCOMPARE(cellText(*m_model, kDown0, LayerTableModel::MseColumn), sci(2.25e-07));
        QCOMPARE(cellText(*m_model, kDown0, LayerTableModel::SqnrColumn), QStringLiteral("47.7"));
        QCOMPARE(m_model->data(m_model->index(kDown0, LayerTableModel::MseColumn),
                               LayerTableModel::SortRole),
                 QVariant(2.25e-7));
        QCOMPARE(m_model->data(m_model->index(kQ0, LayerTableModel::SqnrColumn),
                               LayerTableModel::SortRole),
                 QVariant(38.27));
        for (int row = 0; row < kRows; ++row) {
            if (row == kQ0 || row == kDown0)
                continue;
            QVERIFY(!m_model->resultAt(row));
            for (int column = LayerTableModel::FirstResultColumn;
                 column < LayerTableModel::ColumnCount; ++column)
                QCOMPARE(cellText(*m_model, row, column), QString());
        }
        QVERIFY(m_model->resultAt(kQ0));
        QCOMPARE(m_model->resultAt(kQ0)->metrics.mse, 1.5e-5);
        QCOMPARE(m_model->data(m_model->index(kQ0, LayerTableModel::MseColumn), Qt::ToolTipRole)
                     .toString()
                     .section(QLatin1Char('\n'), 0, 0),
                 rtn(4, 32, false).describe());
        // No calibration data in that run: the output error shows as not measured.
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::OutputMseColumn), QStringLiteral("—"));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::OutputErrorColumn), QStringLiteral("—"));

        // A second run over other layers: they get results, the earlier ones stay.
        QuantReport second;
        second.layers.push_back(quantizedResult(*m_model, kDown1, 3.0e-6, 0.02,
                                                std::numeric_limits<double>::infinity()));
        LayerReport kept;
        kept.name = m_model->layerAt(kK0)->name;
        kept.config = m_model->plan().resolve(kept.name);
        kept.status = LayerStatus::Kept;
        second.layers.push_back(kept);
        LayerReport skipped = quantizedResult(*m_model, kV0, 0, 0, 0);
        skipped.status = LayerStatus::Skipped;
        skipped.note = QStringLiteral("2 weights are NaN or infinite");
        second.layers.push_back(skipped);
        m_model->mergeReport(second);
        QCOMPARE(dataChanged.count(), 2);

        QCOMPARE(cellText(*m_model, kDown1, LayerTableModel::MseColumn), sci(3.00e-06));
        QCOMPARE(cellText(*m_model, kDown1, LayerTableModel::RelativeErrorColumn),
                 QStringLiteral("2.00 %"));
        QCOMPARE(cellText(*m_model, kDown1, LayerTableModel::SqnrColumn), QStringLiteral("∞"));
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::StatusColumn), QStringLiteral("kept"));
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::MseColumn), QString());
        QCOMPARE(m_model->data(m_model->index(kK0, LayerTableModel::MseColumn),
                               LayerTableModel::SortRole),
                 QVariant(-1.0));
        QCOMPARE(cellText(*m_model, kV0, LayerTableModel::StatusColumn), QStringLiteral("skipped"));
        QCOMPARE(cellText(*m_model, kV0, LayerTableModel::SqnrColumn), QString());
        QCOMPARE(m_model->data(m_model->index(kV0, LayerTableModel::StatusColumn), Qt::ToolTipRole)
                     .toString(),
                 skipped.note);
        // Earlier results kept.
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::MseColumn), sci(1.50e-05));
        QCOMPARE(cellText(*m_model, kDown0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));
        // A newer result for a layer replaces its older one.
        QuantReport third;
        third.layers.push_back(quantizedResult(*m_model, kQ0, 4.0e-5, 0.05, 26.0));
        m_model->mergeReport(third);
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::MseColumn), sci(4.00e-05));
        QCOMPARE(cellText(*m_model, kDown1, LayerTableModel::MseColumn), sci(3.00e-06));

        m_model->clearResults();
        QCOMPARE(dataChanged.count(), 4);
        for (int row = 0; row < kRows; ++row) {
            QVERIFY(!m_model->resultAt(row));
            QCOMPARE(cellText(*m_model, row, LayerTableModel::StatusColumn), QString());
        }
    }

    // A result whose layer's settings changed is "stale": status text, italic font; undo makes
    // it current again.
    void staleResults()
    {
        QuantReport report;
        report.layers.push_back(quantizedResult(*m_model, kQ0, 1e-5, 0.01, 40.0));
        report.layers.push_back(quantizedResult(*m_model, kDown0, 1e-6, 0.001, 60.0));
        LayerReport kept;
        kept.name = m_model->layerAt(kK0)->name;
        kept.config = m_model->plan().resolve(kept.name);
        kept.status = LayerStatus::Kept;
        report.layers.push_back(kept);
        m_model->mergeReport(report);

        auto italic = [&](int row, int column) {
            const QVariant font = m_model->data(m_model->index(row, column), Qt::FontRole);
            return font.isValid() && font.value<QFont>().italic();
        };
        for (int row : {kQ0, kDown0, kK0}) {
            QVERIFY(!m_model->isResultStale(row));
            QVERIFY(!italic(row, LayerTableModel::MseColumn));
        }
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));

        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setFieldForRows({kQ0}, LayerTableModel::BitsColumn, 3));
        // The change reaches the result columns too, so views redraw the status.
        QVERIFY(dataChanged.count() >= 1);
        QVERIFY(dataChanged.last().at(1).toModelIndex().column()
                == LayerTableModel::ColumnCount - 1);
        QVERIFY(m_model->isResultStale(kQ0));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::StatusColumn), QStringLiteral("stale"));
        for (int column = LayerTableModel::FirstResultColumn; column < LayerTableModel::ColumnCount;
             ++column)
            QVERIFY(italic(kQ0, column));
        QVERIFY(!italic(kQ0, LayerTableModel::NameColumn));
        QVERIFY(!italic(kQ0, LayerTableModel::BitsColumn));
        // The metrics stay visible (in italics), and the other results are untouched.
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::MseColumn), sci(1.00e-05));
        QVERIFY(m_model->data(m_model->index(kQ0, LayerTableModel::StatusColumn), Qt::ToolTipRole)
                    .toString()
                    .endsWith(QStringLiteral("The settings changed since this result")));
        QVERIFY(!m_model->isResultStale(kDown0));
        QCOMPARE(cellText(*m_model, kDown0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));

        m_stack->undo();
        QVERIFY(!m_model->isResultStale(kQ0));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));
        QVERIFY(!italic(kQ0, LayerTableModel::StatusColumn));
        m_stack->redo();
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::StatusColumn), QStringLiteral("stale"));
        m_stack->undo();

        // New defaults make stale what follows them, not what has settings of its own.
        m_model->setDefaults(rtn(4, 64, false));
        QVERIFY(m_model->isResultStale(kQ0));
        QVERIFY(!m_model->isResultStale(kDown0));
        QVERIFY(!m_model->isResultStale(kK0));
        m_stack->undo();
        QVERIFY(!m_model->isResultStale(kQ0));

        // A kept layer that is now to be quantized.
        QVERIFY(
            m_model->setFieldForRows({kK0}, LayerTableModel::MethodColumn, QStringLiteral("rtn")));
        QVERIFY(m_model->isResultStale(kK0));
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::StatusColumn), QStringLiteral("stale"));
        QVERIFY(italic(kK0, LayerTableModel::StatusColumn));
        m_stack->undo();
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::StatusColumn), QStringLiteral("kept"));
        QVERIFY(!m_model->isResultStale(kK0));
    }

    // SmoothQuant and W8A8 store int8 per-channel symmetric weights: their bits, group and grid
    // cells show that, greyed and read-only; the options column follows each method.
    void cellsFollowTheMethod()
    {
        // Block 1's q, k and v read one input: SmoothQuant on all three. Block 1's gate and up:
        // W8A8. Block 2's q: GPTQ; its o: AWQ.
        const QList<int> qkv1 = {7, 8, 9};
        QVERIFY(m_model->setFieldForRows(qkv1, LayerTableModel::MethodColumn,
                                         QStringLiteral("smoothquant")));
        QVERIFY(m_model->setFieldForRows({kGate1, 12}, LayerTableModel::MethodColumn,
                                         QStringLiteral("w8a8")));
        QVERIFY(
            m_model->setFieldForRows({14}, LayerTableModel::MethodColumn, QStringLiteral("gptq")));
        QVERIFY(
            m_model->setFieldForRows({17}, LayerTableModel::MethodColumn, QStringLiteral("awq")));
        // Block 2's gate and up: AWQ, where tied scales change nothing (not o_proj).
        QVERIFY(m_model->setFieldForRows({18, 19}, LayerTableModel::MethodColumn,
                                         QStringLiteral("awq")));
        struct Expected {
            int row;
            QString method, bits, group, grid, options;
            bool schemeEditable, optionsEditable;
        };
        const QList<Expected> rows = {
            {kQ1, QStringLiteral("SmoothQuant"), QStringLiteral("8"), QStringLiteral("per channel"),
             QStringLiteral("sym"), QStringLiteral("α 0.5"), false, true},
            {kGate1, QStringLiteral("W8A8"), QStringLiteral("8"), QStringLiteral("per channel"),
             QStringLiteral("sym"), QStringLiteral("—"), false, false},
            {14, QStringLiteral("GPTQ"), QStringLiteral("4"), QStringLiteral("32"),
             QStringLiteral("asym"), QStringLiteral("damp 0.01"), true, true},
            {17, QStringLiteral("AWQ"), QStringLiteral("4"), QStringLiteral("32"),
             QStringLiteral("asym"), QStringLiteral("tied scales"), true, true},
            {18, QStringLiteral("AWQ"), QStringLiteral("4"), QStringLiteral("32"),
             QStringLiteral("asym"), QStringLiteral("—"), true, true},
            {kQ0, QStringLiteral("RTN"), QStringLiteral("4"), QStringLiteral("32"),
             QStringLiteral("asym"), QStringLiteral("—"), true, true},
        };
        for (const Expected& e : rows) {
            const QByteArray where = m_model->layerAt(e.row)->name.toUtf8();
            QCOMPARE(cellText(*m_model, e.row, LayerTableModel::MethodColumn), e.method);
            QCOMPARE(cellText(*m_model, e.row, LayerTableModel::BitsColumn), e.bits);
            QCOMPARE(cellText(*m_model, e.row, LayerTableModel::GroupColumn), e.group);
            QCOMPARE(cellText(*m_model, e.row, LayerTableModel::GridColumn), e.grid);
            QCOMPARE(cellText(*m_model, e.row, LayerTableModel::OptionsColumn), e.options);
            for (int column : {int(LayerTableModel::BitsColumn), int(LayerTableModel::GroupColumn),
                               int(LayerTableModel::GridColumn)}) {
                QVERIFY2(m_model->flags(m_model->index(e.row, column)).testFlag(Qt::ItemIsEditable)
                             == e.schemeEditable,
                         where.constData());
                QVERIFY2(greyed(*m_model, e.row, column) == !e.schemeEditable, where.constData());
            }
            QVERIFY2(m_model->flags(m_model->index(e.row, LayerTableModel::OptionsColumn))
                             .testFlag(Qt::ItemIsEditable)
                         == e.optionsEditable,
                     where.constData());
            QVERIFY2(greyed(*m_model, e.row, LayerTableModel::OptionsColumn) == !e.optionsEditable,
                     where.constData());
            QVERIFY(m_model->flags(m_model->index(e.row, LayerTableModel::MethodColumn))
                        .testFlag(Qt::ItemIsEditable));
        }
        // The fixed grid sorts and edits as what it is.
        QCOMPARE(m_model->data(m_model->index(kQ1, LayerTableModel::BitsColumn),
                               LayerTableModel::SortRole),
                 QVariant(8));
        QVERIFY(toolTip(*m_model, kQ1, LayerTableModel::BitsColumn)
                    .contains(QStringLiteral("8-bit symmetric per channel")));
        QCOMPARE(
            m_model->data(m_model->index(14, LayerTableModel::OptionsColumn), Qt::EditRole).toMap(),
            (QVariantMap{{MethodOptions::kActOrder, false},
                         {MethodOptions::kStaticGroups, false},
                         {MethodOptions::kDamp, 0.01},
                         {MethodOptions::kSmooth, false},
                         {MethodOptions::kAlpha, 0.5}}));
        // Tied scales concern only o_proj under grouped-query attention: off there, it shows
        // that the layer stays unscaled (as llm-awq leaves it); gate/up's tooltip says the
        // option is not theirs.
        QVERIFY(m_model->setFieldForRows({17}, LayerTableModel::OptionsColumn,
                                         QVariantMap{{MethodOptions::kTiedScales, false}}));
        QCOMPARE(cellText(*m_model, 17, LayerTableModel::OptionsColumn),
                 QStringLiteral("not scaled"));
        QVERIFY(toolTip(*m_model, 18, LayerTableModel::OptionsColumn)
                    .contains(QStringLiteral("only o_proj under grouped-query attention")));
        // A multi-row bits edit skips the rows whose method has a fixed grid.
        QVERIFY(m_model->setFieldForRows({kQ1, 14}, LayerTableModel::BitsColumn, 3));
        QCOMPARE(m_stack->undoText(), QStringLiteral("Set Bits of 1 layer(s)"));
        QCOMPARE(cellText(*m_model, kQ1, LayerTableModel::BitsColumn), QStringLiteral("8"));
        QCOMPARE(cellText(*m_model, 14, LayerTableModel::BitsColumn), QStringLiteral("3"));
        // Only fixed-grid rows: refused, as on a read-only cell.
        QVERIFY(!m_model->setFieldForRows(qkv1, LayerTableModel::GridColumn, false));
    }

    void setOptionsForRows_data()
    {
        QTest::addColumn<QList<int>>("gptqRows"); // set to GPTQ before the edit
        QTest::addColumn<QList<int>>("rows");
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QList<int>>("changedRows");
        QTest::addColumn<QString>("undoText");
        QTest::addColumn<QString>("summaryOfFirst"); // the first changed row's Options cell
        QTest::newRow("GPTQ act-order, two rows")
            << QList<int>{kQ0, kV0} << QList<int>{kQ0, kV0}
            << QVariantMap{{MethodOptions::kActOrder, true}} << QList<int>{kQ0, kV0}
            << QStringLiteral("Set Options of 2 layer(s)")
            << QStringLiteral("act-order, damp 0.01");
        QTest::newRow("GPTQ damp and static groups, one row")
            << QList<int>{kO0} << QList<int>{kO0}
            << QVariantMap{{MethodOptions::kDamp, 0.1}, {MethodOptions::kStaticGroups, true}}
            << QList<int>{kO0} << QStringLiteral("Set Options of model.layers.0.self_attn.o_proj")
            << QStringLiteral("static groups, damp 0.1");
        QTest::newRow("RTN clip search")
            << QList<int>{} << QList<int>{kQ0, kDown0}
            << QVariantMap{{MethodOptions::kClipSearch, true}} << QList<int>{kQ0, kDown0}
            << QStringLiteral("Set Options of 2 layer(s)") << QStringLiteral("clip search");
        // Smoothing applies to RTN and GPTQ alike: both rows of the mixed selection change; the
        // kept layer of the selection is left alone.
        QTest::newRow("smoothing, RTN and GPTQ")
            << QList<int>{kV0} << QList<int>{kQ0, kK0, kV0}
            << QVariantMap{{MethodOptions::kSmooth, true}, {MethodOptions::kAlpha, 0.75}}
            << QList<int>{kQ0, kV0} << QStringLiteral("Set Options of 2 layer(s)")
            << QStringLiteral("smoothed α 0.75");
        // Act-order is GPTQ's: the RTN row of the selection keeps its settings.
        QTest::newRow("act-order, RTN row skipped")
            << QList<int>{kV0} << QList<int>{kQ0, kV0}
            << QVariantMap{{MethodOptions::kActOrder, true}} << QList<int>{kV0}
            << QStringLiteral("Set Options of 1 layer(s)")
            << QStringLiteral("act-order, damp 0.01");
    }

    // Options edits are one undoable step per call; each row gets the options its method uses.
    void setOptionsForRows()
    {
        QFETCH(QList<int>, gptqRows);
        QFETCH(QList<int>, rows);
        QFETCH(QVariantMap, options);
        QFETCH(QList<int>, changedRows);
        QFETCH(QString, undoText);
        QFETCH(QString, summaryOfFirst);
        if (!gptqRows.isEmpty()) {
            QVERIFY(m_model->setFieldForRows(gptqRows, LayerTableModel::MethodColumn,
                                             QStringLiteral("gptq")));
            m_stack->clear();
        }
        const std::vector<LayerQuantConfig> before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        QVERIFY(m_model->setFieldForRows(rows, LayerTableModel::OptionsColumn, options));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), undoText);
        QCOMPARE(planChanged.count(), 1);
        const std::vector<LayerQuantConfig> after = resolvedConfigs();
        for (int row = 0; row < kRows; ++row) {
            const QByteArray where = m_model->layerAt(row)->name.toUtf8();
            LayerQuantConfig expected = before[std::size_t(row)];
            if (changedRows.contains(row)) {
                for (const QString& key : MethodOptions::keysFor(expected.method)) {
                    if (options.contains(key))
                        QVERIFY(MethodOptions::set(expected, key, options.value(key)));
                }
                QVERIFY2(!(expected == before[std::size_t(row)]), where.constData());
            }
            QVERIFY2(after[std::size_t(row)] == expected, where.constData());
            QCOMPARE(after[std::size_t(row)].method, before[std::size_t(row)].method);
        }
        QCOMPARE(cellText(*m_model, changedRows.front(), LayerTableModel::OptionsColumn),
                 summaryOfFirst);
        // The same edit again changes nothing: no second step.
        QVERIFY(m_model->setFieldForRows(rows, LayerTableModel::OptionsColumn, options));
        QCOMPARE(m_stack->count(), 1);
        const QString afterJson = jsonText(m_model->plan());
        m_stack->undo();
        QCOMPARE(jsonText(m_model->plan()), beforeJson);
        m_stack->redo();
        QCOMPARE(jsonText(m_model->plan()), afterJson);
        QVERIFY(resolvedConfigs()[std::size_t(changedRows.front())]
                == after[std::size_t(changedRows.front())]);
    }

    // The output error of every layer is shown, sorted numerically (unmeasured first), and
    // explained in the tooltip with the rows it was measured on.
    void outputErrorColumns()
    {
        QuantReport report;
        report.layers.push_back(
            withOutput(quantizedResult(*m_model, kQ0, 1e-5, 0.01, 40.0), 2.5e-4, 0.0312, 896));
        report.layers.push_back(
            withOutput(quantizedResult(*m_model, kV0, 2e-5, 0.02, 34.0), 7.0e-6, 0.0045, 896));
        LayerReport fit =
            withOutput(quantizedResult(*m_model, kO0, 3e-5, 0.03, 30.0), 1.0e-3, 0.123, 128);
        fit.outputOnFitRows = true;
        report.layers.push_back(fit);
        report.layers.push_back(quantizedResult(*m_model, kGate0, 4e-5, 0.04, 28.0)); // unmeasured
        m_model->mergeReport(report);

        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::OutputMseColumn), sci(2.5e-4));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::OutputErrorColumn),
                 QLocale().toString(3.12, 'f', 2) + QStringLiteral(" %"));
        QCOMPARE(cellText(*m_model, kV0, LayerTableModel::OutputMseColumn), sci(7.0e-6));
        QCOMPARE(cellText(*m_model, kGate0, LayerTableModel::OutputMseColumn), QStringLiteral("—"));
        QVERIFY(greyed(*m_model, kGate0, LayerTableModel::OutputMseColumn));
        QVERIFY(!greyed(*m_model, kQ0, LayerTableModel::OutputMseColumn));
        QCOMPARE(m_model->data(m_model->index(kQ0, LayerTableModel::OutputMseColumn),
                               LayerTableModel::SortRole),
                 QVariant(2.5e-4));
        QCOMPARE(m_model->data(m_model->index(kV0, LayerTableModel::OutputErrorColumn),
                               LayerTableModel::SortRole),
                 QVariant(0.0045));
        QCOMPARE(m_model->data(m_model->index(kGate0, LayerTableModel::OutputMseColumn),
                               LayerTableModel::SortRole),
                 QVariant(-1.0));

        const QString tip = toolTip(*m_model, kQ0, LayerTableModel::OutputMseColumn);
        QVERIFY2(tip.contains(QStringLiteral("held-out")) && tip.contains(QStringLiteral("896")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Weight error")), qPrintable(tip));
        QVERIFY(toolTip(*m_model, kO0, LayerTableModel::OutputMseColumn)
                    .contains(QStringLiteral("fitted on")));
        QVERIFY(toolTip(*m_model, kGate0, LayerTableModel::OutputMseColumn)
                    .contains(QStringLiteral("not measured")));

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        proxy.setSortRole(LayerTableModel::SortRole);
        proxy.sort(LayerTableModel::OutputMseColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), kO0);
        QCOMPARE(proxy.mapToSource(proxy.index(1, 0)).row(), kQ0);
        QCOMPARE(proxy.mapToSource(proxy.index(2, 0)).row(), kV0);
        proxy.sort(LayerTableModel::OutputErrorColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.mapToSource(proxy.index(kRows - 1, 0)).row(), kO0);
        QCOMPARE(proxy.mapToSource(proxy.index(kRows - 3, 0)).row(), kV0);
    }

    // Not run, skipped, and quantized otherwise than planned: each says so, the last two in the
    // warning colour.
    void statusesAndWarnings()
    {
        QVERIFY(
            m_model->setFieldForRows({kV0}, LayerTableModel::MethodColumn, QStringLiteral("gptq")));
        QuantReport report;
        report.complete = false;
        LayerReport fallback =
            withOutput(quantizedResult(*m_model, kV0, 1e-5, 0.01, 40.0), 1e-4, 0.05, 100);
        fallback.fellBackToRtn = true;
        fallback.dampingUsed = 10.0;
        fallback.dampingRaises = 3;
        fallback.note = QStringLiteral("the Hessian stayed singular: fell back to RTN");
        fallback.details = QStringLiteral("columns in act order");
        report.layers.push_back(fallback);
        LayerReport plain = quantizedResult(*m_model, kQ0, 1e-5, 0.01, 40.0);
        report.layers.push_back(plain);
        LayerReport notRun;
        notRun.name = m_model->layerAt(kDown4)->name;
        notRun.config = m_model->plan().resolve(notRun.name);
        notRun.status = LayerStatus::NotRun;
        report.layers.push_back(notRun);
        m_model->mergeReport(report);

        QCOMPARE(cellText(*m_model, kDown4, LayerTableModel::StatusColumn),
                 QStringLiteral("not run"));
        QCOMPARE(cellText(*m_model, kDown4, LayerTableModel::OutputMseColumn), QString());
        QVERIFY(greyed(*m_model, kDown4, LayerTableModel::StatusColumn));
        QVERIFY(toolTip(*m_model, kDown4, LayerTableModel::StatusColumn)
                    .contains(QStringLiteral("cancelled")));
        QVERIFY(!m_model->hasWarning(kDown4));

        QCOMPARE(cellText(*m_model, kV0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));
        QVERIFY(m_model->hasWarning(kV0));
        QVERIFY(!m_model->hasWarning(kQ0));
        const QVariant warning =
            m_model->data(m_model->index(kV0, LayerTableModel::StatusColumn), Qt::ForegroundRole);
        QVERIFY(warning.isValid());
        QCOMPARE(warning.value<QBrush>().color(), QColor(0xB0, 0x5A, 0x00));
        QVERIFY(
            !m_model->data(m_model->index(kQ0, LayerTableModel::StatusColumn), Qt::ForegroundRole)
                 .isValid());
        const QString tip = toolTip(*m_model, kV0, LayerTableModel::StatusColumn);
        QVERIFY2(tip.contains(QStringLiteral("fell back to round-to-nearest"))
                     && tip.contains(fallback.note) && tip.contains(fallback.details),
                 qPrintable(tip));

        LayerReport raised = quantizedResult(*m_model, kV0, 1e-5, 0.01, 40.0);
        raised.dampingUsed = 0.1;
        raised.dampingRaises = 1;
        raised.note = QStringLiteral("damping raised to 0.1");
        QuantReport second;
        second.layers.push_back(raised);
        m_model->mergeReport(second);
        QVERIFY(toolTip(*m_model, kV0, LayerTableModel::MseColumn)
                    .contains(QStringLiteral("GPTQ damping 0.1 × mean diag(H), raised")));
        QVERIFY(m_model->hasWarning(kV0));
    }

    // The calibration settings are a plan edit; results fitted on calibration data turn stale
    // when they change, results that need none do not.
    void calibrationEdits()
    {
        QVERIFY(
            m_model->setFieldForRows({kV0}, LayerTableModel::MethodColumn, QStringLiteral("gptq")));
        QuantReport report;
        report.plan = m_model->plan();
        report.layers.push_back(quantizedResult(*m_model, kQ0, 1e-5, 0.01, 40.0)); // RTN
        report.layers.push_back(quantizedResult(*m_model, kV0, 1e-5, 0.01, 40.0)); // GPTQ
        m_model->mergeReport(report);
        m_stack->clear();
        const QByteArray beforeJson = jsonText(m_model->plan());

        CalibrationOptions options = m_model->plan().calibration;
        options.samples = 8;
        options.sequenceLength = 128;
        options.mode = CalibrationOptions::Mode::RandomWindows;
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        QVERIFY(m_model->setCalibration(options));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Change the calibration settings"));
        QCOMPARE(planChanged.count(), 1);
        QCOMPARE(m_model->plan().calibration.samples, 8);
        QCOMPARE(m_model->plan().calibration.sequenceLength, 128);
        QVERIFY(m_model->isResultStale(kV0));
        QVERIFY(!m_model->isResultStale(kQ0));
        QCOMPARE(cellText(*m_model, kV0, LayerTableModel::StatusColumn), QStringLiteral("stale"));
        QVERIFY(
            toolTip(*m_model, kV0, LayerTableModel::StatusColumn)
                .endsWith(QStringLiteral("The calibration settings changed since this result")));

        // The same again: no step. Invalid: refused, nothing changes.
        QVERIFY(m_model->setCalibration(options));
        QCOMPARE(m_stack->count(), 1);
        CalibrationOptions invalid = options;
        invalid.samples = 0;
        QVERIFY(!m_model->setCalibration(invalid));
        invalid = options;
        invalid.holdoutFraction = 1.0;
        QVERIFY(!m_model->setCalibration(invalid));
        QCOMPARE(m_stack->count(), 1);

        m_stack->undo();
        QCOMPARE(jsonText(m_model->plan()), beforeJson);
        QVERIFY(!m_model->isResultStale(kV0));
        QCOMPARE(cellText(*m_model, kV0, LayerTableModel::StatusColumn),
                 QStringLiteral("quantized"));
    }

    void resetModelClearsResults()
    {
        QuantReport report;
        report.layers.push_back(quantizedResult(*m_model, kQ0, 1e-5, 0.01, 40.0));
        m_model->mergeReport(report);
        QVERIFY(m_model->resultAt(kQ0));

        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy planChanged(m_model.get(), &LayerTableModel::planChanged);
        const QuantPlan plain;
        m_model->resetModel(m_loaded, plain);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(planChanged.count(), 1);
        QCOMPARE(m_model->rowCount(), kRows);
        QVERIFY(!m_model->resultAt(kQ0));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::StatusColumn), QString());
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::MethodColumn), QStringLiteral("RTN"));
        QCOMPARE(cellText(*m_model, kQ0, LayerTableModel::GroupColumn), QStringLiteral("128"));
        QCOMPARE(m_model->loadedModel(), m_loaded);

        // No model: an empty table that refuses edits.
        m_model->resetModel(nullptr, plain);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("model.layers.0.self_attn.q_proj")), -1);
        QVERIFY(!m_model->setFieldForRows({0}, LayerTableModel::BitsColumn, 3));
        m_model->mergeReport(report);
        m_model->clearResults();
        QCOMPARE(m_stack->count(), 0);

        m_model->resetModel(m_loaded, fixturePlan());
        QCOMPARE(m_model->rowCount(), kRows);
        QCOMPARE(cellText(*m_model, kK0, LayerTableModel::MethodColumn), QStringLiteral("Keep"));
    }
};

QTEST_MAIN(TestLayerTableModel)
#include "tst_layer_table_model.moc"
