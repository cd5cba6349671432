// LayerErrorView checked for what its plot holds: one bar per measured layer and run, equal to
// the report's output MSE, relative error or SQNR; the layers in model order with a gap between
// blocks; several runs side by side; clicking a bar names its layer; the selected layer is marked.

#include "core/quant/quant_report.h"
#include "views/layer_error_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <memory>

using namespace qb;

namespace {

LayerReport layer(const QString& name, int block, double mse, LayerStatus status)
{
    LayerReport report;
    report.name = name;
    report.block = block;
    report.status = status;
    report.output.mse = mse;
    report.output.relativeError = std::sqrt(mse);
    report.output.sqnrDb = -10.0 * std::log10(mse);
    report.output.rows = 100;
    return report;
}

// Two blocks of two layers, plus a kept layer (no output error: no bar).
std::shared_ptr<const QuantReport> report(double scale)
{
    auto result = std::make_shared<QuantReport>();
    result->layers = {layer("model.layers.0.self_attn.q_proj", 0, 1e-3 * scale, LayerStatus::Quantized),
                      layer("model.layers.0.mlp.down_proj", 0, 4e-5 * scale, LayerStatus::Quantized),
                      layer("model.layers.1.self_attn.q_proj", 1, 2e-2 * scale, LayerStatus::Quantized),
                      layer("model.layers.1.mlp.down_proj", 1, 0.0, LayerStatus::Kept)};
    return result;
}

} // namespace

class TestLayerErrorView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void barsHoldTheReportsValues()
    {
        LayerErrorView view;
        view.resize(800, 400);
        view.setRuns({{"GPTQ", report(1.0)}, {"RTN", report(3.0)}});
        QCOMPARE(view.layers(),
                 QStringList({"model.layers.0.self_attn.q_proj", "model.layers.0.mlp.down_proj",
                              "model.layers.1.self_attn.q_proj"}));
        QCOMPARE(view.plot()->plottableCount(), 2);
        for (int run = 0; run < 2; ++run) {
            auto* bars = qobject_cast<QCPBars*>(view.plot()->plottable(run));
            QVERIFY(bars);
            QCOMPARE(bars->data()->size(), 3);
            const double scale = run == 0 ? 1.0 : 3.0;
            QCOMPARE(bars->data()->at(0)->value, 1e-3 * scale);
            QCOMPARE(bars->data()->at(1)->value, 4e-5 * scale);
            QCOMPARE(bars->data()->at(2)->value, 2e-2 * scale);
        }
        // A gap between the blocks: layers 0 and 1 one apart, 1 and 2 further.
        const double p0 = view.position("model.layers.0.self_attn.q_proj");
        const double p1 = view.position("model.layers.0.mlp.down_proj");
        const double p2 = view.position("model.layers.1.self_attn.q_proj");
        QCOMPARE(p1 - p0, 1.0);
        QVERIFY(p2 - p1 > 1.0);

        view.setMetric(LayerErrorView::Metric::Sqnr);
        auto* bars = qobject_cast<QCPBars*>(view.plot()->plottable(0));
        QCOMPARE(bars->data()->at(0)->value, -10.0 * std::log10(1e-3));
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLinear); // SQNR is already in dB
        view.setMetric(LayerErrorView::Metric::RelativeError);
        QCOMPARE(qobject_cast<QCPBars*>(view.plot()->plottable(1))->data()->at(2)->value,
                 std::sqrt(2e-2 * 3.0));
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        view.setLogScale(false);
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLinear);
    }

    void clickingABarSelectsItsLayer()
    {
        LayerErrorView view;
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRuns({{"GPTQ", report(1.0)}});
        QSignalSpy clicked(&view, &LayerErrorView::layerClicked);
        const QString target = "model.layers.1.self_attn.q_proj";
        QCustomPlot* plot = view.plot();
        const QPoint pixel(int(plot->xAxis->coordToPixel(view.position(target))),
                           int(plot->yAxis->coordToPixel(1e-3)));
        QTest::mouseClick(plot, Qt::LeftButton, {}, pixel);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toString(), target);

        view.setSelectedLayer(target);
        QCOMPARE(view.selectedLayer(), target);
        QCOMPARE(plot->itemCount(), 1); // the band behind the selected layer's bars
        view.setSelectedLayer("not a layer");
        QCOMPARE(plot->itemCount(), 0);
    }

    void emptyAndPinning()
    {
        LayerErrorView view;
        QCOMPARE(view.plot()->plottableCount(), 0);
        auto* pin = view.findChild<QToolButton*>("layerErrorPin");
        QVERIFY(pin && !pin->isEnabled());
        view.setRuns({{"a", report(1.0)}, {"b", report(2.0)}, {"c", report(3.0)},
                      {"d", report(4.0)}, {"e", report(5.0)}});
        QCOMPARE(int(view.runs().size()), LayerErrorView::kMaxRuns);
        QVERIFY(pin->isEnabled());
        QSignalSpy pinned(&view, &LayerErrorView::pinRequested);
        pin->click();
        QCOMPARE(pinned.count(), 1);
    }
};

QTEST_MAIN(TestLayerErrorView)
#include "tst_layer_error_view.moc"
