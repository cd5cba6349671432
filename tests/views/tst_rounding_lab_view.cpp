// RoundingLabView checked for what its plots hold: after every slider move the points, the grid
// levels and the error bars are RoundingLab::round's result for the new setting (computed here
// from the same source, not read back from the view); 50 slider moves each recompute and redraw
// in under 50 ms on the offscreen platform; the GPTQ step-through draws GptqStepThrough's trace
// step by step.

#include "core/analysis/gptq_step_through.h"
#include "core/analysis/rounding_lab.h"
#include "views/rounding_lab_view.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace qb;

namespace {

// CPU time of this thread in ms: what a slider move costs, unaffected by other processes taking
// the cores (the tests share a loaded machine).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

std::vector<double> values(QCPGraph* graph)
{
    std::vector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out.push_back(it->value);
    return out;
}

std::vector<double> values(QCPBars* bars)
{
    std::vector<double> out;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        out.push_back(it->value);
    return out;
}

// The view's drawn data equals the core's result for `settings` on `source`.
void checkDrawn(RoundingLabView& view, const RoundingLabSource& source,
                const RoundingLabSettings& settings, int shownGroup)
{
    const RoundingLabResult expected = RoundingLab::round(source, settings);
    const std::vector<double> original = values(view.originalGraph());
    const std::vector<double> rounded = values(view.roundedGraph());
    QCOMPARE(original.size(), expected.original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        QCOMPARE(original[i],
                 double(expected.usesScales ? expected.scaled[i] : expected.original[i]));
        QCOMPARE(rounded[i],
                 double(expected.usesScales ? expected.roundedScaled[i] : expected.rounded[i]));
    }
    // The error bars (clipped ones apart) together hold every weight's error.
    std::vector<double> errors = values(view.errorBars());
    QCOMPARE(errors.size() + std::size_t(expected.clipped), expected.error.size());
    // The level lines: the shown group's levels, each as a segment.
    const RoundingLabGroup& group =
        expected.groups[std::size_t(settings.onlyGroup >= 0 ? 0 : shownGroup)];
    QCOMPARE(view.levelCurve()->data()->size(), int(3 * group.levels.size()));
    auto it = view.levelCurve()->data()->constBegin();
    for (float level : group.levels) {
        QCOMPARE(it->value, double(level));
        it += 3;
    }
}

} // namespace

class TestRoundingLabView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void slidersRedrawTheCoreResult()
    {
        RoundingLabView view;
        view.resize(900, 600);
        view.show();
        QCOMPARE(view.sourceKind(), RoundingLabView::SourceKind::Synthetic);
        auto* bits = view.findChild<QSlider*>("labBits");
        auto* group = view.findChild<QSlider*>("labGroupSize");
        auto* clip = view.findChild<QSlider*>("labClip");
        auto* alpha = view.findChild<QSlider*>("labAlpha");
        auto* outlier = view.findChild<QSlider*>("labOutlier");
        auto* symmetric = view.findChild<QCheckBox*>("labSymmetric");
        auto* shown = view.findChild<QSpinBox*>("labGroup");
        QVERIFY(bits && group && clip && alpha && outlier && symmetric && shown);

        const auto check = [&](int expectBits, int expectGroup, double expectClip,
                               double expectAlpha, bool expectSymmetric, double expectOutlier) {
            const RoundingLabSettings s = view.settings();
            QCOMPARE(s.bits, expectBits);
            QCOMPARE(s.groupSize, expectGroup);
            QCOMPARE(s.clipRatio, expectClip);
            QCOMPARE(s.awqAlpha, expectAlpha);
            QCOMPARE(s.symmetric, expectSymmetric);
            QCOMPARE(view.outlierSize(), expectOutlier);
            // Compared with the core on an independently built source.
            const RoundingLabSource source = RoundingLab::synthetic(64, expectOutlier);
            QCOMPARE(view.source()->weight, source.weight);
            RoundingLabSettings settings;
            settings.bits = expectBits;
            settings.groupSize = expectGroup;
            settings.clipRatio = expectClip;
            settings.awqAlpha = expectAlpha;
            settings.symmetric = expectSymmetric;
            checkDrawn(view, source, settings, view.shownGroup());
        };
        bits->setValue(2);
        check(2, 16, 1.0, 0.0, false, 12.0);
        group->setValue(3); // 32
        check(2, 32, 1.0, 0.0, false, 12.0);
        shown->setValue(1);
        check(2, 32, 1.0, 0.0, false, 12.0);
        clip->setValue(80);
        check(2, 32, 0.8, 0.0, false, 12.0);
        QVERIFY(view.result()->clipped > 0);
        alpha->setValue(50);
        check(2, 32, 0.8, 0.5, false, 12.0);
        QVERIFY(view.result()->usesScales);
        symmetric->setChecked(true);
        check(2, 32, 0.8, 0.5, true, 12.0);
        outlier->setValue(30);
        check(2, 32, 0.8, 0.5, true, 30.0);
        group->setValue(6); // per row
        check(2, -1, 0.8, 0.5, true, 30.0);
        bits->setValue(8);
        check(8, -1, 0.8, 0.5, true, 30.0);

        // One group of a layer's rows: the vector is that group.
        auto layer = std::make_shared<RoundingLabSource>(RoundingLab::synthetic(48, 5.0, 3));
        layer->layerName = "model.layers.0.mlp.up_proj";
        layer->firstRow = 8;
        layer->layerRows = 40;
        view.setSelectedLayer(layer->layerName);
        view.setLayerSource(layer);
        view.setSourceKind(RoundingLabView::SourceKind::LayerGroup);
        group->setValue(2); // 16
        shown->setValue(2);
        RoundingLabSettings settings = view.settings();
        QCOMPARE(settings.onlyGroup, 2);
        QCOMPARE(settings.row, std::int64_t(0));
        checkDrawn(view, *layer, settings, 2);
        QCOMPARE(view.result()->firstColumn, std::int64_t(32));
        // A row outside the rows held is asked for.
        QSignalSpy rows(&view, &RoundingLabView::layerRowsRequested);
        view.findChild<QSpinBox*>("labRow")->setValue(11);
        QCOMPARE(rows.size(), 0);
        QCOMPARE(view.settings().row, std::int64_t(3));
        view.findChild<QSpinBox*>("labRow")->setValue(30);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().front().toInt(), 30);
    }

    // The stated requirement: redrawn within 50 ms while a slider moves. Each of 50 moves of
    // every slider is timed from the slot's start to the end of the replot: its CPU time must
    // stay under 50 ms every time, and its wall time under 50 ms at the median (a single move
    // may be preempted by another process).
    void sliderMovesRedrawWithin50Ms()
    {
        RoundingLabView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // A long real-sized row: 4096 weights with activations (the output error is O(n²)).
        auto layer = std::make_shared<RoundingLabSource>(RoundingLab::synthetic(4096, 8.0, 5));
        layer->layerName = "big";
        layer->layerRows = 8;
        view.setSelectedLayer("big");
        view.setLayerSource(layer);
        view.setSourceKind(RoundingLabView::SourceKind::LayerRow);
        view.findChild<QSlider*>("labAlpha")->setValue(40);
        double worstCpu = 0.0;
        std::vector<double> walls;
        const auto move = [&](QSlider* slider, int value) {
            const auto before = view.result()->settings;
            QElapsedTimer timer;
            timer.start();
            const double cpu = threadCpuMs();
            slider->setValue(value);
            worstCpu = std::max(worstCpu, threadCpuMs() - cpu);
            const double wall = double(timer.nsecsElapsed()) * 1e-6;
            walls.push_back(wall);
            // Every move recomputed (the settings drawn changed) within the timed call.
            QVERIFY(!(view.result()->settings == before) || slider->objectName() == "labOutlier");
            QVERIFY(view.lastRedrawMilliseconds() <= wall);
        };
        for (const char* name : {"labBits", "labGroupSize", "labClip", "labAlpha"}) {
            auto* slider = view.findChild<QSlider*>(name);
            for (int i = 0; i < 50; ++i) {
                int next = slider->value() + 1 + i % 3;
                if (next > slider->maximum())
                    next = slider->minimum();
                move(slider, next);
            }
        }
        // The synthetic outlier slider, with its source rebuilt on every move.
        view.setSourceKind(RoundingLabView::SourceKind::Synthetic);
        auto* outlier = view.findChild<QSlider*>("labOutlier");
        for (int i = 0; i < 50; ++i)
            move(outlier, (outlier->value() + 1) % 41);
        std::sort(walls.begin(), walls.end());
        const double median = walls[walls.size() / 2];
        qInfo("slider moves: slowest CPU %.2f ms, median wall %.2f ms, slowest wall %.2f ms",
              worstCpu, median, walls.back());
        QVERIFY2(worstCpu < 50.0, qPrintable(QString("slowest move %1 ms CPU").arg(worstCpu)));
        QVERIFY2(median < 50.0, qPrintable(QString("median move %1 ms").arg(median)));
    }

    void stepThroughDrawsTheTrace()
    {
        RoundingLabView view;
        view.resize(900, 700);
        view.show();
        view.showStepThrough(true);
        QVERIFY(view.trace().has_value());
        QCOMPARE(view.currentStep(), -1);
        // The slice: the synthetic source's 8 rows × the columns of groups 0 and 1 (16 each).
        const RoundingLabSource source = RoundingLab::synthetic(64, 12.0);
        std::vector<float> slice(8 * 32);
        for (int r = 0; r < 8; ++r)
            std::copy_n(source.row(r), 32, slice.begin() + r * 32);
        const GptqTrace expected =
            GptqStepThrough::run(slice, 8, 32, source.activations->xtx.topLeftCorner(32, 32),
                                 source.activations->tokens, view.settings().scheme());
        QCOMPARE(view.trace()->codes, expected.codes);
        QCOMPARE(view.gptqErrorGraph()->data()->size(), 1);

        auto* step = view.findChild<QPushButton*>("labStep");
        for (int i = 0; i < 5; ++i)
            QTest::mouseClick(step, Qt::LeftButton);
        QCOMPARE(view.currentStep(), 4);
        // The update bars are step 4's update of row 0 onto columns 5…31, negated (the change).
        const std::vector<double> bars = values(view.updateBars());
        QCOMPARE(bars.size(), std::size_t(27));
        for (int c = 5; c < 32; ++c)
            QCOMPARE(bars[std::size_t(c - 5)], -double(expected.steps[4].update[std::size_t(c)]));
        // The curves hold steps 0…5 (0 = nothing rounded).
        const std::vector<double> gptq = values(view.gptqErrorGraph());
        const std::vector<double> rtn = values(view.rtnErrorGraph());
        QCOMPARE(gptq.size(), std::size_t(6));
        QCOMPARE(gptq[5], expected.steps[4].outputError);
        QCOMPARE(rtn[5], expected.steps[4].rtnOutputError);

        // Run steps to the end on its timer; Reset goes back before the first column.
        auto* run = view.findChild<QPushButton*>("labRun");
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.currentStep(), 31, 10000);
        QVERIFY(!run->isChecked());
        QCOMPARE(values(view.gptqErrorGraph()).back(), expected.finalOutputError());
        QTest::mouseClick(view.findChild<QPushButton*>("labReset"), Qt::LeftButton);
        QCOMPARE(view.currentStep(), -1);
        // A slider move recomputes the trace for the new setting.
        view.findChild<QSlider*>("labBits")->setValue(4);
        QVERIFY(view.trace().has_value());
        QVERIFY(view.trace()->scheme.bits == 4);
    }
};

QTEST_MAIN(TestRoundingLabView)
#include "tst_rounding_lab_view.moc"
