// EvaluationPanel draws an EvaluationResult: one row for the stored model, one for the quantized
// model with the KL; the options it holds; the stale mark.

#include "views/evaluation_panel.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace qb;

namespace {

std::shared_ptr<const EvaluationResult> sampleResult(bool withModified)
{
    auto result = std::make_shared<EvaluationResult>();
    result->documents = 5;
    result->windows = 6;
    result->inputTokens = 1809;
    result->contextLength = 512;
    result->stride = 512;
    result->reference = NllScore{1804, 1804 * 1.25};
    if (withModified) {
        result->modified = NllScore{1804, 1804 * 1.5};
        result->meanKl = 0.125;
        result->sameTopToken = 0.875;
    }
    result->seconds = 0.5;
    return result;
}

} // namespace

class TestEvaluationPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheStoredModelAlone()
    {
        EvaluationPanel panel;
        panel.setResult(sampleResult(false), QString());
        QTableWidget* table = panel.table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QLocale().toString(std::exp(1.25), 'f', 4));
        QCOMPARE(table->item(0, 3)->text(), QLocale().toString(1804));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("—"));
    }

    void showsTheQuantizedModelAndKl()
    {
        EvaluationPanel panel;
        panel.setResult(sampleResult(true), QStringLiteral("RTN, 4-bit"));
        QTableWidget* table = panel.table();
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(table->item(1, 0)->text().contains(QStringLiteral("RTN, 4-bit")));
        QCOMPARE(table->item(1, 1)->text(), QLocale().toString(std::exp(1.5), 'f', 4));
        QCOMPARE(table->item(1, 4)->text(), QLocale().toString(0.125, 'g', 4));
        QVERIFY2(table->item(1, 5)->text().startsWith(QLocale().toString(87.5, 'f', 1)),
                 qPrintable(table->item(1, 5)->text()));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("—"));
        panel.setStale(true);
        QVERIFY(table->item(1, 1)->font().italic());
        panel.setStale(false);
        QVERIFY(!table->item(1, 1)->font().italic());
        panel.clearResult(QStringLiteral("gone"));
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!panel.result());
    }

    // Shown while visible (Evaluate raises the panel first), the model's name still takes the
    // width the figures leave.
    void theModelColumnFillsTheTable()
    {
        EvaluationPanel panel;
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setResult(sampleResult(true), QStringLiteral("RTN, 4-bit"));
        QTableWidget* table = panel.table();
        QTest::qWait(20);
        int used = 0;
        for (int c = 0; c < table->columnCount(); ++c)
            used += table->columnWidth(c);
        QVERIFY2(used >= table->viewport()->width() - 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(used).arg(table->viewport()->width())));
    }

    void optionsAndSignals()
    {
        EvaluationPanel panel;
        QSignalSpy changed(&panel, &EvaluationPanel::optionsChanged);
        QSignalSpy evaluate(&panel, &EvaluationPanel::evaluateRequested);
        panel.findChild<QSpinBox*>(QStringLiteral("evaluationContext"))->setValue(128);
        QCOMPARE(panel.contextLength(), 128);
        QCOMPARE(changed.count(), 1);
        panel.setTextPath(QStringLiteral("/tmp/text.txt"));
        QCOMPARE(panel.textPath(), QStringLiteral("/tmp/text.txt"));
        QTest::mouseClick(panel.findChild<QWidget*>(QStringLiteral("evaluateButton")),
                          Qt::LeftButton);
        QCOMPARE(evaluate.count(), 1);
        QCOMPARE(panel.stride(), 0);
    }
};

QTEST_MAIN(TestEvaluationPanel)
#include "tst_evaluation_panel.moc"
