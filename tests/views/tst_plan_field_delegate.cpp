// PlanFieldDelegate in a QTableView over a QSortFilterProxyModel over LayerTableModel, set up as
// the main window sets it up: editors opened on a plan cell, driven with QTest and committed with
// Enter. An edit on a selected row goes to every selected row as one undo step; other rows keep
// their values; invalid typed group sizes are refused; a sorted and filtered proxy maps to the
// right layers. The options editor shows the fields of the edited row's method, commits only
// what was changed (on Enter, or when the focus leaves it), and Escape discards.

#include "core/model/loaded_model.h"
#include "core/quant/quant_plan.h"
#include "tests/support/test_paths.h"
#include "views/layer_table_model.h"
#include "views/method_options_editor.h"
#include "views/plan_field_delegate.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace qb;

namespace {

constexpr int kRows = 35;
constexpr int kK0 = 1; // kept by the fixture plan

LayerQuantConfig rtn(int bits, int groupCode, bool symmetric)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Rtn;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return config;
}

// RTN 4-bit asymmetric, groups of 32; block 0's k_proj kept.
QuantPlan fixturePlan()
{
    QuantPlan plan;
    plan.defaults = rtn(4, 32, false);
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

} // namespace

class TestPlanFieldDelegate : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_loaded;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<LayerTableModel> m_model;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    std::unique_ptr<QTableView> m_view;
    PlanFieldDelegate* m_delegate = nullptr;

    std::vector<LayerQuantConfig> resolvedConfigs() const
    {
        std::vector<LayerQuantConfig> configs;
        for (int row = 0; row < m_model->rowCount(); ++row)
            configs.push_back(m_model->plan().resolve(m_model->layerAt(row)->name));
        return configs;
    }

    // Selects whole rows of the view (proxy rows).
    void selectProxyRows(const QList<int>& rows)
    {
        QItemSelection selection;
        for (int row : rows)
            selection.select(m_proxy->index(row, 0),
                             m_proxy->index(row, LayerTableModel::ColumnCount - 1));
        m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect
                                                        | QItemSelectionModel::Rows);
    }

    // Opens the editor of a proxy cell as the user would and returns it.
    QWidget* openEditor(const QModelIndex& index)
    {
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        m_view->edit(index);
        return m_view->indexWidget(index);
    }

    // Presses Enter in the editor and waits until the view has committed and closed it.
    bool commitWithEnter(QWidget* editor, const QModelIndex& index)
    {
        QTest::keyClick(editor, Qt::Key_Return);
        return QTest::qWaitFor([&] { return !m_view->indexWidget(index); }, 5000);
    }

    // Checks that exactly `changedSourceRows` differ from `before`, each as `change` makes it,
    // and that one undo step restores the plan.
    template <typename Change>
    void verifyOneStep(const std::vector<LayerQuantConfig>& before, const QByteArray& beforeJson,
                       const QList<int>& changedSourceRows, Change change)
    {
        QCOMPARE(m_stack->count(), 1);
        const std::vector<LayerQuantConfig> after = resolvedConfigs();
        for (int row = 0; row < kRows; ++row) {
            LayerQuantConfig expected = before[std::size_t(row)];
            if (changedSourceRows.contains(row))
                change(expected);
            const QByteArray where = m_model->layerAt(row)->name.toUtf8();
            QVERIFY2(after[std::size_t(row)] == expected, where.constData());
            QVERIFY2(changedSourceRows.contains(row)
                         != (after[std::size_t(row)] == before[std::size_t(row)]),
                     where.constData());
        }
        m_stack->undo();
        QCOMPARE(jsonText(m_model->plan()), beforeJson);
    }

private Q_SLOTS:
    void initTestCase() { m_loaded = LoadedModel::open(test::demoModelDir()); }

    void init()
    {
        m_stack = std::make_unique<QUndoStack>();
        m_model = std::make_unique<LayerTableModel>();
        m_model->setUndoStack(m_stack.get());
        m_model->resetModel(m_loaded, fixturePlan());
        // As MainWindow: sorted by the SortRole, filtered on the layer name.
        m_proxy = std::make_unique<QSortFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_proxy->setSortRole(LayerTableModel::SortRole);
        m_proxy->setFilterKeyColumn(LayerTableModel::NameColumn);
        m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_view = std::make_unique<QTableView>();
        m_view->setModel(m_proxy.get());
        m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                | QAbstractItemView::SelectedClicked);
        m_view->setSortingEnabled(true);
        m_view->sortByColumn(LayerTableModel::NameColumn, Qt::AscendingOrder);
        m_delegate = new PlanFieldDelegate(m_model.get(), m_view->selectionModel(), m_view.get());
        m_view->setItemDelegate(m_delegate);
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        QCOMPARE(m_proxy->rowCount(), kRows);
    }

    void cleanup()
    {
        m_view.reset();
        m_proxyTester.reset();
        m_proxy.reset();
        m_model.reset();
        m_stack.reset();
    }

    void editorsShowTheCurrentValue()
    {
        QModelIndex index = m_proxy->index(5, LayerTableModel::BitsColumn);
        auto* spin = qobject_cast<QSpinBox*>(openEditor(index));
        QVERIFY(spin);
        QCOMPARE(spin->value(), 4);
        QCOMPARE(spin->minimum(), QuantScheme::kMinBits);
        QCOMPARE(spin->maximum(), QuantScheme::kMaxBits);
        QTest::keyClick(spin, Qt::Key_Escape);
        QTRY_VERIFY(!m_view->indexWidget(index));

        index = m_proxy->index(5, LayerTableModel::GroupColumn);
        auto* group = qobject_cast<QComboBox*>(openEditor(index));
        QVERIFY(group);
        QVERIFY(group->isEditable());
        QCOMPARE(group->currentData(), QVariant(32));
        QCOMPARE(group->currentText(), QStringLiteral("32"));
        QCOMPARE(qsizetype(group->count()), PlanFieldDelegate::commonGroupSizes().size());
        QTest::keyClick(group, Qt::Key_Escape);
        QTRY_VERIFY(!m_view->indexWidget(index));

        index = m_proxy->index(kK0, LayerTableModel::MethodColumn);
        auto* method = qobject_cast<QComboBox*>(openEditor(index));
        QVERIFY(method);
        QCOMPARE(method->currentData(), QVariant(QStringLiteral("none")));
        QTest::keyClick(method, Qt::Key_Escape);
        QTRY_VERIFY(!m_view->indexWidget(index));

        // A group size not in the list shows as typed text.
        QVERIFY(m_model->setFieldForRows({5}, LayerTableModel::GroupColumn, 48));
        index = m_proxy->index(5, LayerTableModel::GroupColumn);
        group = qobject_cast<QComboBox*>(openEditor(index));
        QVERIFY(group);
        QCOMPARE(group->currentText(), QStringLiteral("48"));
        QTest::keyClick(group, Qt::Key_Escape);
        QTRY_VERIFY(!m_view->indexWidget(index));

        // Bits of a kept layer: no editor.
        index = m_proxy->index(kK0, LayerTableModel::BitsColumn);
        QTest::ignoreMessage(QtWarningMsg, "edit: editing failed");
        QVERIFY(!openEditor(index));
        QCOMPARE(m_stack->count(), 1);
    }

    void bitsOnSelectedRows()
    {
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({0, kK0, 2, 3, 8});
        const QModelIndex index = m_proxy->index(3, LayerTableModel::BitsColumn);
        auto* spin = qobject_cast<QSpinBox*>(openEditor(index));
        QVERIFY(spin);
        // Typed, as a user would: replace the text and press Enter.
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("3"));
        QVERIFY(commitWithEnter(spin, index));
        // The selection stays as it was.
        QCOMPARE(m_view->selectionModel()->selectedRows().size(), 5);
        verifyOneStep(before, beforeJson, {0, 2, 3, 8},
                      [](LayerQuantConfig& c) { c.scheme.bits = 3; });
    }

    void methodOnSelectedRows()
    {
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({4, 5, 6, 20});
        const QModelIndex index = m_proxy->index(5, LayerTableModel::MethodColumn);
        auto* combo = qobject_cast<QComboBox*>(openEditor(index));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(QStringLiteral("none")));
        QVERIFY(commitWithEnter(combo, index));
        QCOMPARE(m_stack->undoText(), QStringLiteral("Set Method of 4 layer(s)"));
        verifyOneStep(before, beforeJson, {4, 5, 6, 20},
                      [](LayerQuantConfig& c) { c.method = QuantMethod::None; });

        // And back to RTN, including the kept layer of the selection.
        selectProxyRows({kK0, 2});
        const QModelIndex kept = m_proxy->index(kK0, LayerTableModel::MethodColumn);
        combo = qobject_cast<QComboBox*>(openEditor(kept));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(QStringLiteral("rtn")));
        QVERIFY(commitWithEnter(combo, kept));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_model->plan().resolve(m_model->layerAt(kK0)->name), rtn(4, 32, false));
    }

    void group_data()
    {
        QTest::addColumn<QString>("choice"); // an item's text, or typed text when not an item
        QTest::addColumn<bool>("typed");
        QTest::addColumn<int>("expectedCode"); // -100: refused, nothing changes
        QTest::newRow("item: per tensor") << QStringLiteral("per tensor") << false << 0;
        QTest::newRow("item: per channel") << QStringLiteral("per channel") << false << -1;
        QTest::newRow("item: 128") << QStringLiteral("128") << false << 128;
        QTest::newRow("typed: 100") << QStringLiteral("100") << true << 100;
        QTest::newRow("typed: 48") << QStringLiteral("48") << true << 48;
        QTest::newRow("typed: 25 (prefix of 256)") << QStringLiteral("25") << true << 25;
        QTest::newRow("typed: 6 (prefix of 64)") << QStringLiteral("6") << true << 6;
        QTest::newRow("typed: 64 (an item)") << QStringLiteral("64") << true << 64;
        QTest::newRow("typed: abc") << QStringLiteral("abc") << true << -100;
        QTest::newRow("typed: 0") << QStringLiteral("0") << true << -100;
        QTest::newRow("typed: -5") << QStringLiteral("-5") << true << -100;
    }

    void group()
    {
        QFETCH(QString, choice);
        QFETCH(bool, typed);
        QFETCH(int, expectedCode);
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({7, 9, 30});
        const QModelIndex index = m_proxy->index(9, LayerTableModel::GroupColumn);
        auto* combo = qobject_cast<QComboBox*>(openEditor(index));
        QVERIFY(combo);
        if (typed) {
            combo->lineEdit()->selectAll();
            QTest::keyClicks(combo, choice);
        } else {
            const int item = combo->findText(choice);
            QVERIFY(item >= 0);
            combo->setCurrentIndex(item);
        }
        QVERIFY(commitWithEnter(combo, index));
        if (expectedCode == -100) {
            QCOMPARE(m_stack->count(), 0);
            QCOMPARE(jsonText(m_model->plan()), beforeJson);
            QCOMPARE(index.data(Qt::EditRole), QVariant(32));
            return;
        }
        verifyOneStep(before, beforeJson, {7, 9, 30}, [&](LayerQuantConfig& c) {
            c.scheme =
                QuantScheme::fromGroupSizeCode(c.scheme.bits, c.scheme.symmetric, expectedCode);
        });
    }

    void gridOnSelectedRows()
    {
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({kK0, 10, 11, 34});
        const QModelIndex index = m_proxy->index(11, LayerTableModel::GridColumn);
        auto* combo = qobject_cast<QComboBox*>(openEditor(index));
        QVERIFY(combo);
        QCOMPARE(combo->currentData(), QVariant(false));
        combo->setCurrentIndex(combo->findData(true));
        QVERIFY(commitWithEnter(combo, index));
        verifyOneStep(before, beforeJson, {10, 11, 34},
                      [](LayerQuantConfig& c) { c.scheme.symmetric = true; });
    }

    // Editing a row outside the selection changes that row only.
    void unselectedRowAlone()
    {
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({0, 2, 3});
        const QModelIndex index = m_proxy->index(12, LayerTableModel::BitsColumn);
        auto* spin = qobject_cast<QSpinBox*>(openEditor(index));
        QVERIFY(spin);
        spin->setValue(7);
        QVERIFY(commitWithEnter(spin, index));
        QCOMPARE(m_stack->undoText(), QStringLiteral("Set Bits of model.layers.1.mlp.up_proj"));
        verifyOneStep(before, beforeJson, {12}, [](LayerQuantConfig& c) { c.scheme.bits = 7; });
    }

    // setModelData called directly, as a view does on commitData.
    void setModelDataDirectly()
    {
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({15, 16});
        const QModelIndex index = m_proxy->index(16, LayerTableModel::BitsColumn);
        QStyleOptionViewItem option;
        std::unique_ptr<QWidget> editor(
            m_delegate->createEditor(m_view->viewport(), option, index));
        auto* spin = qobject_cast<QSpinBox*>(editor.get());
        QVERIFY(spin);
        m_delegate->setEditorData(spin, index);
        QCOMPARE(spin->value(), 4);
        spin->setValue(2);
        m_delegate->setModelData(spin, m_proxy.get(), index);
        verifyOneStep(before, beforeJson, {15, 16}, [](LayerQuantConfig& c) { c.scheme.bits = 2; });
    }

    // Sorted descending and filtered to the MLP layers: view rows are not source rows.
    void sortedAndFilteredProxy()
    {
        m_view->sortByColumn(LayerTableModel::NameColumn, Qt::DescendingOrder);
        m_proxy->setFilterRegularExpression(QStringLiteral("mlp"));
        QCOMPARE(m_proxy->rowCount(), 15);
        // View rows 0, 1, 2 are blocks 4's down, up and gate projections: source rows 34, 33, 32.
        QCOMPARE(m_proxy->index(0, 0).data().toString(),
                 QStringLiteral("model.layers.4.mlp.down_proj"));
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({0, 1, 2, 5});
        const QModelIndex index = m_proxy->index(1, LayerTableModel::BitsColumn);
        auto* spin = qobject_cast<QSpinBox*>(openEditor(index));
        QVERIFY(spin);
        spin->setValue(6);
        QVERIFY(commitWithEnter(spin, index));
        // View row 5: block 3's gate_proj (rows of block 3: 21 … 27), source row 25.
        verifyOneStep(before, beforeJson, {34, 33, 32, 25},
                      [](LayerQuantConfig& c) { c.scheme.bits = 6; });

        // Sorted by the edited column itself: rows move when their bits change, the edit still
        // lands on the selected layers.
        m_proxy->setFilterRegularExpression(QString());
        QVERIFY(m_model->setFieldForRows({3}, LayerTableModel::BitsColumn, 8));
        m_stack->clear();
        m_view->sortByColumn(LayerTableModel::BitsColumn, Qt::DescendingOrder);
        QCOMPARE(m_proxy->mapToSource(m_proxy->index(0, 0)).row(), 3);
        const auto sortedBefore = resolvedConfigs();
        const QByteArray sortedJson = jsonText(m_model->plan());
        selectProxyRows({0, 1});
        const int secondSource = m_proxy->mapToSource(m_proxy->index(1, 0)).row();
        QVERIFY(secondSource != 3 && secondSource != kK0);
        const QModelIndex first = m_proxy->index(0, LayerTableModel::BitsColumn);
        spin = qobject_cast<QSpinBox*>(openEditor(first));
        QVERIFY(spin);
        spin->setValue(2);
        QVERIFY(commitWithEnter(spin, first));
        verifyOneStep(sortedBefore, sortedJson, {3, secondSource},
                      [](LayerQuantConfig& c) { c.scheme.bits = 2; });
    }

    // The options of a GPTQ row, edited in the selection: act-order reaches the selected GPTQ
    // rows only (the RTN row has no act-order), in one step; Escape discards.
    void optionsOnSelectedRows()
    {
        QVERIFY(m_model->setFieldForRows({2, 3, 4}, LayerTableModel::MethodColumn,
                                         QStringLiteral("gptq")));
        m_stack->clear();
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        selectProxyRows({2, 3, 4, 5});
        const QModelIndex index = m_proxy->index(3, LayerTableModel::OptionsColumn);
        QCOMPARE(index.data().toString(), QStringLiteral("damp 0.01"));
        auto* editor = qobject_cast<MethodOptionsEditor*>(openEditor(index));
        QVERIFY(editor);
        auto* actOrder = editor->findChild<QCheckBox*>(QStringLiteral("optionActOrder"));
        QVERIFY(actOrder && actOrder->isVisible() && !actOrder->isChecked());
        QVERIFY(!editor->findChild<QCheckBox*>(QStringLiteral("optionClipSearch"))->isVisible());
        // All of it inside the viewport, as wide as its fields.
        QVERIFY(m_view->viewport()->rect().contains(editor->geometry()));
        QVERIFY(editor->width() >= editor->sizeHint().width());

        QTest::mouseClick(actOrder, Qt::LeftButton);
        QVERIFY(actOrder->isChecked());
        QVERIFY(commitWithEnter(actOrder, index));
        QCOMPARE(m_stack->undoText(), QStringLiteral("Set Options of 3 layer(s)"));
        QCOMPARE(index.data().toString(), QStringLiteral("act-order, damp 0.01"));
        verifyOneStep(before, beforeJson, {2, 3, 4},
                      [](LayerQuantConfig& c) { c.actOrder = true; });

        // Escape: nothing changes.
        editor = qobject_cast<MethodOptionsEditor*>(openEditor(index));
        QVERIFY(editor);
        auto* damp = editor->findChild<QDoubleSpinBox*>(QStringLiteral("optionDamp"));
        damp->setValue(0.5);
        QTest::keyClick(damp, Qt::Key_Escape);
        QTRY_VERIFY(!m_view->indexWidget(index));
        QTest::qWait(50);              // anything queued by the close has run
        QCOMPARE(m_stack->index(), 0); // the undone step is still there to redo: no new step
        QCOMPARE(jsonText(m_model->plan()), beforeJson);
    }

    // The focus leaving the editor commits it, as with the other editors.
    void optionsCommitWhenTheFocusLeaves()
    {
        const auto before = resolvedConfigs();
        const QByteArray beforeJson = jsonText(m_model->plan());
        const QModelIndex index = m_proxy->index(6, LayerTableModel::OptionsColumn);
        auto* editor = qobject_cast<MethodOptionsEditor*>(openEditor(index));
        QVERIFY(editor);
        auto* clip = editor->findChild<QCheckBox*>(QStringLiteral("optionClipSearch"));
        auto* smooth = editor->findChild<QCheckBox*>(QStringLiteral("optionSmooth"));
        auto* alpha = editor->findChild<QDoubleSpinBox*>(QStringLiteral("optionAlpha"));
        QVERIFY(clip && clip->isVisible() && smooth && alpha);
        QVERIFY(!editor->findChild<QCheckBox*>(QStringLiteral("optionActOrder"))->isVisible());
        QVERIFY(!alpha->isEnabled());
        QTest::mouseClick(clip, Qt::LeftButton);
        QTest::mouseClick(smooth, Qt::LeftButton);
        QVERIFY(alpha->isEnabled());
        alpha->setValue(0.8);
        m_view->setFocus();
        QTRY_VERIFY(!m_view->indexWidget(index));
        verifyOneStep(before, beforeJson, {6}, [](LayerQuantConfig& c) {
            c.clipSearch = true;
            c.smooth = true;
            c.alpha = 0.8;
        });
    }

    // Opening and closing the editor without a change is no step; a kept layer has no editor.
    void optionsUnchangedOrKept()
    {
        const QModelIndex index = m_proxy->index(0, LayerTableModel::OptionsColumn);
        QWidget* editor = openEditor(index);
        QVERIFY(qobject_cast<MethodOptionsEditor*>(editor));
        QVERIFY(commitWithEnter(editor, index));
        QCOMPARE(m_stack->count(), 0);
        QTest::ignoreMessage(QtWarningMsg, "edit: editing failed");
        QVERIFY(!openEditor(m_proxy->index(kK0, LayerTableModel::OptionsColumn)));
    }
};

QTEST_MAIN(TestPlanFieldDelegate)
#include "tst_plan_field_delegate.moc"
