// OutlierChannelView and HessianView checked for what their plots hold against the
// LayerInputProfile they are given: one bar per input channel equal to the profile's mean |x|,
// max |x|, weight column norm or diag(XᵀX), in channel order, sorted or act-order; the top-k table
// with its ratios to the median; the AWQ scales overlaid; dead channels marked; log toggles; a
// click on a bar names its channel; profiles of another layer than the selected one ignored.

#include "core/analysis/layer_input_profile.h"
#include "views/hessian_view.h"
#include "views/outlier_channel_view.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <memory>

using namespace qb;

namespace {

const QString kLayer = "model.layers.0.self_attn.q_proj";

// Eight channels: channel 5 an outlier, channel 2 dead, with AWQ scales.
std::shared_ptr<const LayerInputProfile> profile(bool withScale)
{
    auto p = std::make_shared<LayerInputProfile>();
    p->layerName = kLayer;
    p->block = 0;
    p->site = "attn_in";
    p->inFeatures = 8;
    p->outFeatures = 4;
    p->rows = 100;
    p->source = LayerInputProfile::Source::QuantizationRun;
    p->computedAt = QDateTime(QDate(2024, 5, 1), QTime(14, 3));
    p->quantizedWith = withScale ? QuantMethod::Awq : QuantMethod::Gptq;
    p->absMean = {0.5, 0.7, 0.0, 0.4, 0.6, 9.0, 0.3, 0.8};
    p->absMax = {2.0, 3.0, 0.0, 1.5, 2.5, 40.0, 1.0, 5.0};
    p->hessianDiagonal = {30.0, 55.0, 0.0, 20.0, 40.0, 9000.0, 12.0, 70.0};
    p->weightColumnNorm = {1.0, 1.1, 0.9, 1.2, 0.8, 0.3, 1.0, 1.05};
    p->weightColumnMaxAbs = {0.6, 0.7, 0.5, 0.7, 0.4, 0.2, 0.6, 0.65};
    p->actOrder = {5, 7, 1, 4, 0, 3, 6, 2};
    p->deadChannels = {2};
    p->config.method = QuantMethod::Gptq;
    p->config.damp = 0.01;
    p->dampingUsed = 0.1;
    p->dampingRaises = 1;
    p->conditionEstimate = 1234.5;
    p->conditionDamp = 0.1;
    if (withScale) {
        p->inputScale = {1.0, 1.1, 1.0, 0.9, 1.0, 3.0, 0.8, 1.2};
        p->scaleKind = LayerInputProfile::ScaleKind::Awq;
    }
    return p;
}

QCPBars* firstBars(QCustomPlot* plot, QCPAxis* keyAxis)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* bars = qobject_cast<QCPBars*>(plot->plottable(i));
        if (bars && bars->keyAxis() == keyAxis)
            return bars;
    }
    return nullptr;
}

std::vector<double> barValues(QCPBars* bars)
{
    std::vector<double> values;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

// Clicks the plot at channel position x, in the axis rect of `axis`.
void clickAt(QCustomPlot* plot, QCPAxis* keyAxis, double x)
{
    const QRect rect = keyAxis->axisRect()->rect();
    const QPoint pixel(int(keyAxis->coordToPixel(x)), rect.center().y());
    QTest::mouseClick(plot, Qt::LeftButton, {}, pixel);
}

} // namespace

class TestInputProfileViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void outlierBarsHoldTheProfile()
    {
        OutlierChannelView view;
        view.resize(1000, 600);
        view.show();
        view.setSelectedLayer(kLayer);
        const auto p = profile(true);
        view.setProfile(p);
        QCOMPARE(view.profile(), p);
        QCOMPARE(view.shownChannels(), std::vector<int>({0, 1, 2, 3, 4, 5, 6, 7}));
        // Log scale is on by default: the dead channel (0) has no bar on a log axis, but the
        // view's data hold it.
        view.setLogScale(false);
        QCPBars* activations = firstBars(view.plot(), view.plot()->xAxis);
        QVERIFY(activations);
        QCOMPARE(barValues(activations), p->absMean);
        QCOMPARE(view.shownValues(), p->absMean);
        QCOMPARE(view.shownWeightNorms(), p->weightColumnNorm);
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLinear);

        view.setStatistic(OutlierChannelView::Statistic::MaxAbs);
        QCOMPARE(barValues(firstBars(view.plot(), view.plot()->xAxis)), p->absMax);

        // Sorted: largest max |x| first; the weight bars follow the same channels.
        view.setSorted(true);
        QCOMPARE(view.shownChannels(), std::vector<int>({5, 7, 1, 4, 0, 3, 6, 2}));
        QCOMPARE(view.shownValues(), std::vector<double>({40, 5, 3, 2.5, 2, 1.5, 1, 0}));
        QCOMPARE(view.shownWeightNorms(),
                 std::vector<double>({0.3, 1.05, 1.1, 0.8, 1.0, 1.2, 1.0, 0.9}));
        view.setLogScale(true);
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);

        // The AWQ scales on the right-hand axis, in the shown order.
        QVERIFY(view.plot()->yAxis2->visible());
        QCPGraph* scales = nullptr;
        for (int i = 0; i < view.plot()->graphCount(); ++i) {
            if (view.plot()->graph(i)->valueAxis() == view.plot()->yAxis2)
                scales = view.plot()->graph(i);
        }
        QVERIFY(scales);
        QCOMPARE(scales->data()->size(), 8);
        QCOMPARE(scales->data()->at(0)->value, 3.0); // channel 5
        QCOMPARE(scales->data()->at(1)->value, 1.2); // channel 7
        QVERIFY(scales->name().contains("AWQ"));
        QVERIFY(view.findChild<QLabel*>("outlierHeadline")->text().contains("14:03"));
    }

    // SmoothQuant's factors take the right-hand axis under their own name.
    void outlierViewNamesSmoothQuantFactors()
    {
        OutlierChannelView view;
        view.resize(1000, 600);
        view.show();
        view.setSelectedLayer(kLayer);
        auto p = std::make_shared<LayerInputProfile>(*profile(true));
        p->quantizedWith = QuantMethod::SmoothQuant;
        p->scaleKind = LayerInputProfile::ScaleKind::SmoothQuant;
        p->inputScale = {0.5, 0.6, 1e-5, 0.4, 0.55, 4.0, 0.3, 0.7};
        view.setProfile(p);
        view.setSorted(false);
        QCPGraph* factors = nullptr;
        for (int i = 0; i < view.plot()->graphCount(); ++i) {
            if (view.plot()->graph(i)->valueAxis() == view.plot()->yAxis2)
                factors = view.plot()->graph(i);
        }
        QVERIFY(factors);
        QVERIFY(factors->name().contains("SmoothQuant"));
        QVERIFY(!factors->name().contains("AWQ"));
        QVERIFY(view.plot()->yAxis2->label().contains("SmoothQuant"));
        QCOMPARE(factors->data()->size(), 8);
        for (int c = 0; c < 8; ++c)
            QCOMPARE(factors->data()->at(c)->value, p->inputScale[std::size_t(c)]);
    }

    void outlierTopTableListsRatiosToTheMedian()
    {
        OutlierChannelView view;
        view.setSelectedLayer(kLayer);
        const auto p = profile(false);
        view.setProfile(p);
        QVERIFY(view.topCount() >= 3);
        QCOMPARE(view.tableChannels().front(), 5);
        QCOMPARE(view.tableChannels().size(), std::size_t(8));
        QTableWidget* table = view.topTable();
        QCOMPARE(table->columnCount(), 6); // no scale column without scales
        // The ratio to the median of mean |x| (0.55): 9 / 0.55.
        const double ratio = QLocale().toDouble(table->item(0, 3)->text());
        QCOMPARE(QLocale().toString(ratio, 'g', 3), QLocale().toString(9.0 / 0.55, 'g', 3));
        QCOMPARE(QLocale().toDouble(table->item(0, 4)->text()), 0.3);
        view.setStatistic(OutlierChannelView::Statistic::MaxAbs);
        QCOMPARE(view.tableChannels(), p->topChannels(view.topCount(), true));
    }

    void outlierClickReportsTheChannel()
    {
        OutlierChannelView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSelectedLayer(kLayer);
        view.setProfile(profile(false));
        view.setSorted(true);
        view.plot()->replot();
        QSignalSpy clicked(&view, &OutlierChannelView::channelClicked);
        clickAt(view.plot(), view.plot()->xAxis, 1.0); // second bar: channel 7 (mean |x| 0.8)
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.front().front().toInt(), 7);
        QCOMPARE(view.selectedChannel(), 7);
        QVERIFY(view.infoLabel()->text().contains("channel 7"));
        QCOMPARE(view.channelAt(0.0), 5);
        QCOMPARE(view.channelAt(7.6), -1);
        // A click in the weight plot below selects the same way.
        QCPAxis* weightAxis = view.plot()->axisRect(1)->axis(QCPAxis::atBottom);
        clickAt(view.plot(), weightAxis, 0.0);
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.back().front().toInt(), 5);
    }

    void staleProfilesAreIgnored()
    {
        OutlierChannelView outliers;
        HessianView hessian;
        outliers.setSelectedLayer("model.layers.1.mlp.down_proj");
        hessian.setSelectedLayer("model.layers.1.mlp.down_proj");
        outliers.setProfile(profile(false));
        hessian.setProfile(profile(false));
        QVERIFY(!outliers.profile());
        QVERIFY(!hessian.profile());
        outliers.setSelectedLayer(kLayer);
        outliers.setProfile(profile(false));
        QVERIFY(outliers.profile());
        outliers.setSelectedLayer("other");
        QVERIFY(!outliers.profile());
        outliers.showMessage("No calibration text");
        QCOMPARE(outliers.message(), QString("No calibration text"));
        QVERIFY(outliers.shownValues().empty());
    }

    void hessianBarsAndActOrder()
    {
        HessianView view;
        view.resize(1000, 500);
        view.show();
        view.setSelectedLayer(kLayer);
        const auto p = profile(false);
        view.setProfile(p);
        QVERIFY(view.isLogScale());
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(view.shownValues(), p->hessianDiagonal);
        // On the log axis the dead channel has no bar; every other channel has its diagonal.
        QCPBars* bars = firstBars(view.plot(), view.plot()->xAxis);
        QCOMPARE(bars->data()->size(), 7);
        QCOMPARE(bars->data()->at(5)->key, 6.0);
        QCOMPARE(bars->data()->at(4)->value, 9000.0);
        // The dead channel is marked where its bar would be.
        QCOMPARE(view.deadMarkerPositions(), std::vector<double>({2.0}));

        view.setActOrder(true);
        QCOMPARE(view.shownChannels(), p->actOrder);
        QCOMPARE(view.shownValues(), std::vector<double>({9000, 70, 55, 40, 30, 20, 12, 0}));
        QCOMPARE(view.deadMarkerPositions(), std::vector<double>({7.0}));
        view.setLogScale(false);
        QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLinear);
        QCOMPARE(firstBars(view.plot(), view.plot()->xAxis)->data()->size(), 8);

        // The summary line: damping used, the plan's percdamp, the estimate, dead count.
        const QString summary = view.summary();
        QVERIFY2(summary.contains(QLocale().toString(0.1, 'g', 5)), qPrintable(summary));
        QVERIFY2(summary.contains(QLocale().toString(0.01, 'g', 5)), qPrintable(summary));
        QVERIFY2(summary.contains(QLocale().toString(1234.5, 'g', 3)), qPrintable(summary));
        QVERIFY2(summary.contains("1 of 8"), qPrintable(summary));
        QVERIFY2(summary.contains("raised"), qPrintable(summary));
    }

    void hessianClickReportsTheChannel()
    {
        HessianView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSelectedLayer(kLayer);
        view.setProfile(profile(false));
        view.setActOrder(true);
        view.plot()->replot();
        QSignalSpy clicked(&view, &HessianView::channelClicked);
        clickAt(view.plot(), view.plot()->xAxis, 2.0); // act-order position 2: channel 1
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.front().front().toInt(), 1);
        QCOMPARE(view.selectedChannel(), 1);
        QVERIFY2(view.infoLabel()->text().contains("act-order position 2"),
                 qPrintable(view.infoLabel()->text()));
    }
};

QTEST_MAIN(TestInputProfileViews)
#include "tst_input_profile_views.moc"
