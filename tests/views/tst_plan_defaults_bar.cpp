// PlanDefaultsBar driven with QTest on its controls (found by objectName): setConfig shows a
// configuration without emitting; each user change emits configEdited once with the resulting
// LayerQuantConfig; all six methods are offered; "keep", SmoothQuant and W8A8 disable bits,
// group and grid (the last two showing their fixed int8 grid) and keep the scheme for later;
// the method's own options are shown and edited on the second row; typed group sizes are taken
// as typed and invalid ones refused.

#include "core/quant/quant_plan.h"
#include "views/method_options.h"
#include "views/plan_defaults_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace qb;

Q_DECLARE_METATYPE(qb::LayerQuantConfig)

namespace {

LayerQuantConfig rtn(int bits, int groupCode, bool symmetric)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Rtn;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return config;
}

LayerQuantConfig keep(const QuantScheme& scheme)
{
    LayerQuantConfig config;
    config.method = QuantMethod::None;
    config.scheme = scheme;
    return config;
}

// Exact equality: LayerQuantConfig's operator== ignores the scheme of a kept layer.
bool same(const LayerQuantConfig& a, const LayerQuantConfig& b)
{
    return a == b && a.scheme == b.scheme;
}

LayerQuantConfig withMethod(LayerQuantConfig config, QuantMethod method)
{
    config.method = method;
    return config;
}

QByteArray describe(const LayerQuantConfig& c)
{
    return (methodKey(c.method) + QLatin1Char(' ') + c.scheme.tag()).toUtf8();
}

} // namespace

class TestPlanDefaultsBar : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QWidget> m_window;
    PlanDefaultsBar* m_bar = nullptr;
    QLineEdit* m_elsewhere = nullptr; // somewhere for the focus to go
    QComboBox* m_method = nullptr;
    QSpinBox* m_bits = nullptr;
    QComboBox* m_group = nullptr;
    QComboBox* m_grid = nullptr;

    LayerQuantConfig lastEdited(const QSignalSpy& spy) const
    {
        return spy.last().at(0).value<LayerQuantConfig>();
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<LayerQuantConfig>(); }

    void init()
    {
        m_window = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(m_window.get());
        m_bar = new PlanDefaultsBar(m_window.get());
        m_elsewhere = new QLineEdit(m_window.get());
        layout->addWidget(m_bar);
        layout->addWidget(m_elsewhere);
        m_method = m_bar->findChild<QComboBox*>(QStringLiteral("defaultMethod"));
        m_bits = m_bar->findChild<QSpinBox*>(QStringLiteral("defaultBits"));
        m_group = m_bar->findChild<QComboBox*>(QStringLiteral("defaultGroup"));
        m_grid = m_bar->findChild<QComboBox*>(QStringLiteral("defaultGrid"));
        QVERIFY(m_method && m_bits && m_group && m_grid);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_bar->setConfig(rtn(4, 128, false));
    }

    void cleanup() { m_window.reset(); }

    // Before any setConfig the bar shows the built-in defaults.
    void initialState()
    {
        PlanDefaultsBar fresh;
        QVERIFY(same(fresh.config(), LayerQuantConfig()));
        auto* method = fresh.findChild<QComboBox*>(QStringLiteral("defaultMethod"));
        QVERIFY(method);
        QCOMPARE(method->currentData(), QVariant(QStringLiteral("rtn")));
    }

    void setConfigShowsWithoutEmitting_data()
    {
        QTest::addColumn<LayerQuantConfig>("config");
        QTest::addColumn<QString>("methodKey");
        QTest::addColumn<int>("bits");
        QTest::addColumn<QString>("groupText");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("a4 g128") << rtn(4, 128, false) << QStringLiteral("rtn") << 4
                                 << QStringLiteral("128") << false << true;
        QTest::newRow("s8 per channel") << rtn(8, -1, true) << QStringLiteral("rtn") << 8
                                        << QStringLiteral("per channel") << true << true;
        QTest::newRow("a3 per tensor") << rtn(3, 0, false) << QStringLiteral("rtn") << 3
                                       << QStringLiteral("per tensor") << false << true;
        QTest::newRow("s2 g32") << rtn(2, 32, true) << QStringLiteral("rtn") << 2
                                << QStringLiteral("32") << true << true;
        QTest::newRow("a5 g48 (not an item)") << rtn(5, 48, false) << QStringLiteral("rtn") << 5
                                              << QStringLiteral("48") << false << true;
        QTest::newRow("keep") << keep(rtn(6, 64, true).scheme) << QStringLiteral("none") << 6
                              << QStringLiteral("64") << true << false;
        QTest::newRow("gptq a3 g64")
            << withMethod(rtn(3, 64, false), QuantMethod::Gptq) << QStringLiteral("gptq") << 3
            << QStringLiteral("64") << false << true;
        QTest::newRow("awq a4 g128")
            << withMethod(rtn(4, 128, false), QuantMethod::Awq) << QStringLiteral("awq") << 4
            << QStringLiteral("128") << false << true;
        // The fixed grid is shown; the scheme behind it stays for later.
        QTest::newRow("smoothquant")
            << withMethod(rtn(4, 128, false), QuantMethod::SmoothQuant)
            << QStringLiteral("smoothquant") << 8 << QStringLiteral("per channel") << true << false;
        QTest::newRow("w8a8") << withMethod(rtn(3, 32, false), QuantMethod::W8A8)
                              << QStringLiteral("w8a8") << 8 << QStringLiteral("per channel")
                              << true << false;
    }

    void setConfigShowsWithoutEmitting()
    {
        QFETCH(LayerQuantConfig, config);
        QFETCH(QString, methodKey);
        QFETCH(int, bits);
        QFETCH(QString, groupText);
        QFETCH(bool, symmetric);
        QFETCH(bool, enabled);
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_bar->setConfig(config);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(m_method->currentData(), QVariant(methodKey));
        QCOMPARE(m_bits->value(), bits);
        QCOMPARE(m_group->currentText(), groupText);
        QCOMPARE(m_grid->currentData(), QVariant(symmetric));
        QVERIFY2(same(m_bar->config(), config), describe(m_bar->config()).constData());
        QCOMPARE(m_bar->config().toJson(), config.toJson());
        QVERIFY(m_method->isEnabled());
        QCOMPARE(m_bits->isEnabled(), enabled);
        QCOMPARE(m_group->isEnabled(), enabled);
        QCOMPARE(m_grid->isEnabled(), enabled);
        // Showing the same again, or focus passing through, is no edit either.
        m_bar->setConfig(config);
        m_group->setFocus();
        m_elsewhere->setFocus();
        QCOMPARE(edited.count(), 0);
    }

    void methodKeepDisablesTheRest()
    {
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_method->setFocus();
        // Items: Keep, RTN. Up from RTN picks Keep.
        QTest::keyClick(m_method, Qt::Key_Up);
        QCOMPARE(edited.count(), 1);
        QVERIFY2(same(lastEdited(edited), keep(rtn(4, 128, false).scheme)),
                 describe(lastEdited(edited)).constData());
        QVERIFY(!m_bits->isEnabled());
        QVERIFY(!m_group->isEnabled());
        QVERIFY(!m_grid->isEnabled());

        QTest::keyClick(m_method, Qt::Key_Down);
        QCOMPARE(edited.count(), 2);
        QVERIFY(same(lastEdited(edited), rtn(4, 128, false)));
        QVERIFY(m_bits->isEnabled());
        QVERIFY(m_group->isEnabled());
        QVERIFY(m_grid->isEnabled());
    }

    // Arrow keys (like the wheel and the step buttons) apply at once, one signal per step.
    void bitsStepApplyAtOnce()
    {
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_bits->setFocus();
        QVERIFY(m_bits->hasFocus());
        QTest::keyClick(m_bits, Qt::Key_Up);
        QCOMPARE(edited.count(), 1);
        QVERIFY(same(lastEdited(edited), rtn(5, 128, false)));
        QTest::keyClick(m_bits, Qt::Key_Up);
        QTest::keyClick(m_bits, Qt::Key_Up);
        QCOMPARE(edited.count(), 3);
        QVERIFY(same(lastEdited(edited), rtn(7, 128, false)));
        // Leaving the field after stepping adds nothing.
        m_elsewhere->setFocus();
        QCOMPARE(edited.count(), 3);
    }

    // Typed digits apply on Enter, once.
    void bitsTypedApplyOnEnter()
    {
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_bits->setFocus();
        m_bits->selectAll();
        QTest::keyClicks(m_bits, QStringLiteral("6"));
        QCOMPARE(edited.count(), 0);
        QTest::keyClick(m_bits, Qt::Key_Return);
        QCOMPARE(edited.count(), 1);
        QVERIFY(same(lastEdited(edited), rtn(6, 128, false)));
        m_elsewhere->setFocus();
        QCOMPARE(edited.count(), 1);
        QCOMPARE(m_bar->config().scheme.bits, 6);
    }

    void groupItem()
    {
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_group->setFocus();
        // Items: per channel, per tensor, 32, 64, 128, 256, …: Down from 128 picks 256.
        QTest::keyClick(m_group, Qt::Key_Down);
        QCOMPARE(edited.count(), 1);
        QVERIFY(same(lastEdited(edited), rtn(4, 256, false)));
        QTest::keyClick(m_group, Qt::Key_Up);
        QTest::keyClick(m_group, Qt::Key_Up);
        QCOMPARE(edited.count(), 3);
        QVERIFY(same(lastEdited(edited), rtn(4, 64, false)));
        // Leaving the field after picking adds nothing.
        m_elsewhere->setFocus();
        QCOMPARE(edited.count(), 3);
    }

    void groupTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("code"); // 0 … : the group-size code; -100: refused
        QTest::newRow("48") << QStringLiteral("48") << 48;
        QTest::newRow("25 (prefix of 256)") << QStringLiteral("25") << 25;
        QTest::newRow("6 (prefix of 64)") << QStringLiteral("6") << 6;
        QTest::newRow("64 (an item)") << QStringLiteral("64") << 64;
        QTest::newRow("per tensor (an item)") << QStringLiteral("per tensor") << 0;
        QTest::newRow(" 96 (spaces)") << QStringLiteral(" 96 ") << 96;
        QTest::newRow("abc") << QStringLiteral("abc") << -100;
        QTest::newRow("0") << QStringLiteral("0") << -100;
        QTest::newRow("-4") << QStringLiteral("-4") << -100;
        QTest::newRow("empty") << QString() << -100;
    }

    void groupTyped()
    {
        QFETCH(QString, typed);
        QFETCH(int, code);
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_group->setFocus();
        m_group->lineEdit()->selectAll();
        QTest::keyClick(m_group, Qt::Key_Delete);
        if (!typed.isEmpty())
            QTest::keyClicks(m_group, typed);
        QTest::keyClick(m_group, Qt::Key_Return);
        m_elsewhere->setFocus();
        if (code == -100) {
            // Refused: nothing emitted, the field shows the last valid size again.
            QCOMPARE(edited.count(), 0);
            QCOMPARE(m_group->currentText(), QStringLiteral("128"));
            QVERIFY(same(m_bar->config(), rtn(4, 128, false)));
            return;
        }
        QCOMPARE(edited.count(), 1);
        QVERIFY2(same(lastEdited(edited), rtn(4, code, false)),
                 describe(lastEdited(edited)).constData());
        QVERIFY(same(m_bar->config(), rtn(4, code, false)));
    }

    void grid()
    {
        m_bar->setConfig(rtn(3, 32, false));
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_grid->setFocus();
        QTest::keyClick(m_grid, Qt::Key_Down);
        QCOMPARE(edited.count(), 1);
        QVERIFY(same(lastEdited(edited), rtn(3, 32, true)));
        // Already the last item: no change, no signal.
        QTest::keyClick(m_grid, Qt::Key_Down);
        QCOMPARE(edited.count(), 1);
        QTest::keyClick(m_grid, Qt::Key_Up);
        QCOMPARE(edited.count(), 2);
        QVERIFY(same(lastEdited(edited), rtn(3, 32, false)));
    }

    void offersAllMethods()
    {
        QCOMPARE(m_method->count(), 6);
        QStringList keys;
        for (int i = 0; i < m_method->count(); ++i)
            keys << m_method->itemData(i).toString();
        QCOMPARE(keys, (QStringList{QStringLiteral("none"), QStringLiteral("rtn"),
                                    QStringLiteral("gptq"), QStringLiteral("awq"),
                                    QStringLiteral("smoothquant"), QStringLiteral("w8a8")}));
        QCOMPARE(m_method->itemText(4), QStringLiteral("SmoothQuant"));
    }

    // Choosing W8A8 greys the scheme (showing int8 per channel) but forgets nothing: back on RTN
    // the earlier 4-bit groups of 128 return.
    void fixedGridMethodsKeepTheScheme()
    {
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        m_method->setFocus();
        QTest::keyClick(m_method, Qt::Key_End); // W8A8, the last item
        QCOMPARE(edited.count(), 1);
        QVERIFY(same(lastEdited(edited), withMethod(rtn(4, 128, false), QuantMethod::W8A8)));
        QCOMPARE(lastEdited(edited).scheme, rtn(4, 128, false).scheme);
        QCOMPARE(m_bits->value(), 8);
        QCOMPARE(m_group->currentText(), QStringLiteral("per channel"));
        QCOMPARE(m_grid->currentData(), QVariant(true));
        QVERIFY(!m_bits->isEnabled() && !m_group->isEnabled() && !m_grid->isEnabled());

        QTest::keyClick(m_method, Qt::Key_Up); // SmoothQuant
        QCOMPARE(edited.count(), 2);
        QCOMPARE(lastEdited(edited).method, QuantMethod::SmoothQuant);
        QCOMPARE(m_bits->value(), 8);

        m_method->setCurrentIndex(m_method->findData(QStringLiteral("rtn")));
        Q_EMIT m_method->activated(m_method->currentIndex());
        QCOMPARE(edited.count(), 3);
        QVERIFY(same(lastEdited(edited), rtn(4, 128, false)));
        QCOMPARE(m_bits->value(), 4);
        QCOMPARE(m_group->currentText(), QStringLiteral("128"));
        QVERIFY(m_bits->isEnabled());
    }

    // The second row holds just the options of the default method.
    void optionsRowFollowsTheMethod_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QStringList>("shown"); // objectNames of the visible option fields
        const QString actOrder = QStringLiteral("optionActOrder");
        const QString staticGroups = QStringLiteral("optionStaticGroups");
        const QString damp = QStringLiteral("optionDamp");
        const QString clip = QStringLiteral("optionClipSearch");
        const QString smooth = QStringLiteral("optionSmooth");
        const QString alpha = QStringLiteral("optionAlpha");
        const QString tied = QStringLiteral("optionTiedScales");
        QTest::newRow("gptq") << QStringLiteral("gptq")
                              << QStringList{actOrder, staticGroups, damp, smooth, alpha};
        QTest::newRow("rtn") << QStringLiteral("rtn") << QStringList{clip, smooth, alpha};
        QTest::newRow("smoothquant") << QStringLiteral("smoothquant") << QStringList{alpha};
        QTest::newRow("awq") << QStringLiteral("awq") << QStringList{tied};
        QTest::newRow("w8a8") << QStringLiteral("w8a8") << QStringList{};
        QTest::newRow("none") << QStringLiteral("none") << QStringList{};
    }

    void optionsRowFollowsTheMethod()
    {
        QFETCH(QString, method);
        QFETCH(QStringList, shown);
        m_bar->setConfig(withMethod(rtn(4, 128, false), *methodFromKey(method)));
        auto* row = m_bar->findChild<QWidget*>(QStringLiteral("defaultOptions"));
        QVERIFY(row);
        QCOMPARE(row->isVisible(), !shown.isEmpty());
        for (const QString& name :
             {QStringLiteral("optionActOrder"), QStringLiteral("optionStaticGroups"),
              QStringLiteral("optionDamp"), QStringLiteral("optionClipSearch"),
              QStringLiteral("optionSmooth"), QStringLiteral("optionAlpha"),
              QStringLiteral("optionTiedScales")}) {
            auto* field = m_bar->findChild<QWidget*>(name);
            QVERIFY(field);
            QVERIFY2(field->isVisible() == shown.contains(name), qPrintable(name));
        }
    }

    // Each option change is one edit of the defaults; α is live only while smoothing (RTN, GPTQ).
    void editOptions()
    {
        const LayerQuantConfig gptq = withMethod(rtn(4, 128, false), QuantMethod::Gptq);
        m_bar->setConfig(gptq);
        QSignalSpy edited(m_bar, &PlanDefaultsBar::configEdited);
        auto* actOrder = m_bar->findChild<QCheckBox*>(QStringLiteral("optionActOrder"));
        auto* damp = m_bar->findChild<QDoubleSpinBox*>(QStringLiteral("optionDamp"));
        auto* smooth = m_bar->findChild<QCheckBox*>(QStringLiteral("optionSmooth"));
        auto* alpha = m_bar->findChild<QDoubleSpinBox*>(QStringLiteral("optionAlpha"));
        QVERIFY(actOrder && damp && smooth && alpha);
        QVERIFY(!alpha->isEnabled());

        QTest::mouseClick(actOrder, Qt::LeftButton);
        QCOMPARE(edited.count(), 1);
        LayerQuantConfig expected = gptq;
        expected.actOrder = true;
        QVERIFY(same(lastEdited(edited), expected));

        damp->setFocus();
        damp->selectAll();
        QTest::keyClicks(damp, QStringLiteral("0.05"));
        QCOMPARE(edited.count(), 1); // typed digits wait for Enter
        QTest::keyClick(damp, Qt::Key_Return);
        QCOMPARE(edited.count(), 2);
        expected.damp = 0.05;
        QVERIFY(same(lastEdited(edited), expected));

        QTest::mouseClick(smooth, Qt::LeftButton);
        QCOMPARE(edited.count(), 3);
        expected.smooth = true;
        QVERIFY(same(lastEdited(edited), expected));
        QVERIFY(alpha->isEnabled());
        alpha->setFocus();
        QTest::keyClick(alpha, Qt::Key_Up);
        QCOMPARE(edited.count(), 4);
        expected.alpha = 0.55;
        QVERIFY(same(lastEdited(edited), expected));
        QCOMPARE(MethodOptions::summary(m_bar->config()),
                 QStringLiteral("act-order, damp 0.05, smoothed α 0.55"));

        // setConfig shows options without emitting.
        LayerQuantConfig shown = gptq;
        shown.staticGroups = true;
        m_bar->setConfig(shown);
        QCOMPARE(edited.count(), 4);
        QVERIFY(m_bar->findChild<QCheckBox*>(QStringLiteral("optionStaticGroups"))->isChecked());
        QVERIFY(!actOrder->isChecked());
        QVERIFY(!alpha->isEnabled());
    }
};

QTEST_MAIN(TestPlanDefaultsBar)
#include "tst_plan_defaults_bar.moc"
