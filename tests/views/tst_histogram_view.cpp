// HistogramView checked for what its plot holds: bars equal to the snapshot's counts at the bin
// centres, one vertical line per drawn grid level (every level up to 64, every n-th beyond),
// clipped ranges shaded only where one grid covers every counted weight, the log scale, and which
// control changes ask for a new snapshot (requestChanged) and which do not; the before/after
// overlay and the rounding-error histogram hold the snapshot's after and error counts.

#include "core/metrics/weight_histogram.h"
#include "views/histogram_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <random>

using namespace qb;

Q_DECLARE_METATYPE(qb::HistogramScope)

namespace {

constexpr std::int64_t kRows = 6;
constexpr std::int64_t kCols = 64;

LayerQuantConfig rtn(int bits, int groupCode, bool symmetric)
{
    LayerQuantConfig config;
    config.method = QuantMethod::Rtn;
    config.scheme = QuantScheme::fromGroupSizeCode(bits, symmetric, groupCode);
    return config;
}

// Normal weights (σ = 0.05) with a few large outliers, the largest of them positive so that a
// symmetric grid clips it.
const std::vector<float>& weights()
{
    static const std::vector<float> w = [] {
        std::mt19937 rng(7);
        std::normal_distribution<float> normal(0.0f, 0.05f);
        std::vector<float> values(static_cast<std::size_t>(kRows * kCols));
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = normal(rng) * (i % 37 == 5 ? 8.0f : 1.0f);
        values[70] = 0.9f;
        return values;
    }();
    return w;
}

std::shared_ptr<const WeightHistogram> histogram(const LayerQuantConfig& config,
                                                 HistogramScope scope = HistogramScope::Layer,
                                                 std::int64_t row = 0, std::int64_t group = 0,
                                                 int bins = 48, std::int64_t rows = kRows,
                                                 std::int64_t cols = kCols)
{
    HistogramRequest request;
    request.layerName = QStringLiteral("test.layer");
    request.config = config;
    request.scope = scope;
    request.row = row;
    request.group = group;
    request.bins = bins;
    const std::span<const float> w(weights().data(), static_cast<std::size_t>(rows * cols));
    return std::make_shared<const WeightHistogram>(
        WeightHistogramBuilder::fromWeights(w, rows, cols, request));
}

template <typename Item> QList<Item*> itemsOf(const QCustomPlot* plot)
{
    QList<Item*> items;
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* item = qobject_cast<Item*>(plot->item(i)))
            items << item;
    }
    return items;
}

} // namespace

class TestHistogramView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<HistogramView> m_view;

    template <typename W> W* control(const char* name) const
    {
        return m_view->findChild<W*>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<HistogramView>();
        m_view->resize(640, 480);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup() { m_view.reset(); }

    void initialState()
    {
        QVERIFY(!m_view->snapshot());
        QCOMPARE(m_view->bars()->data()->size(), 0);
        // The hint to pick a layer.
        const QList<QCPItemText*> texts = itemsOf<QCPItemText>(m_view->plot());
        QCOMPARE(texts.size(), 1);
        QVERIFY(!texts.front()->text().isEmpty());
        QCOMPARE(m_view->scope(), HistogramScope::Layer);
        QCOMPARE(m_view->bins(), 128);
        QVERIFY(!m_view->isLogScale());
        QVERIFY(control<QComboBox>("histogramScope"));
        QVERIFY(control<QSpinBox>("histogramRow"));
        QVERIFY(control<QSpinBox>("histogramGroup"));
        QVERIFY(control<QSpinBox>("histogramBins"));
        QVERIFY(control<QCheckBox>("histogramLogScale"));
    }

    void barsHoldTheCounts_data()
    {
        QTest::addColumn<HistogramScope>("scope");
        QTest::addColumn<int>("bins");
        QTest::newRow("layer, 48 bins") << HistogramScope::Layer << 48;
        QTest::newRow("layer, 16 bins") << HistogramScope::Layer << 16;
        QTest::newRow("row, 100 bins") << HistogramScope::Row << 100;
        QTest::newRow("group, 20 bins") << HistogramScope::Group << 20;
    }

    void barsHoldTheCounts()
    {
        QFETCH(HistogramScope, scope);
        QFETCH(int, bins);
        const auto h = histogram(rtn(4, 16, false), scope, 1, 2, bins);
        m_view->setSnapshot(h);
        QCOMPARE(m_view->snapshot(), h);

        const auto data = m_view->bars()->data();
        QCOMPARE(data->size(), bins);
        QCOMPARE(h->counts.size(), std::size_t(bins));
        const double width = (h->hi - h->lo) / bins;
        QVERIFY(width > 0);
        QCOMPARE(m_view->bars()->width(), width);
        double sum = 0;
        int i = 0;
        for (auto it = data->constBegin(); it != data->constEnd(); ++it, ++i) {
            QCOMPARE(it->key, h->lo + (i + 0.5) * width);
            QCOMPARE(it->value, h->counts[std::size_t(i)]);
            sum += it->value;
        }
        // Every finite weight of the scope is in a bar.
        const std::int64_t expectedTotal = scope == HistogramScope::Layer ? kRows * kCols
                                           : scope == HistogramScope::Row ? kCols
                                                                          : 16;
        QCOMPARE(h->total, expectedTotal);
        QCOMPARE(sum, double(expectedTotal));
        QCOMPARE(m_view->bars()->baseValue(), 0.0);
        QCOMPARE(m_view->plot()->yAxis->scaleType(), QCPAxis::stLinear);
        // The x range shows the bars and the grid.
        const QCPRange x = m_view->plot()->xAxis->range();
        QVERIFY(x.lower <= std::min(h->lo, h->gridLevels.front()));
        QVERIFY(x.upper >= std::max(h->hi, h->gridLevels.back()));
    }

    void gridLines_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("drawn");
        QTest::addColumn<int>("step");
        QTest::newRow("2 bits") << 2 << 4 << 1;
        QTest::newRow("4 bits") << 4 << 16 << 1;
        QTest::newRow("6 bits: 64 levels, all drawn") << 6 << 64 << 1;
        QTest::newRow("7 bits: every 2nd and the top") << 7 << 65 << 2;
        QTest::newRow("8 bits: every 4th and the top") << 8 << 65 << 4;
    }

    void gridLines()
    {
        QFETCH(int, bits);
        QFETCH(int, drawn);
        QFETCH(int, step);
        const auto h = histogram(rtn(bits, 32, false), HistogramScope::Row, 2, 1);
        QVERIFY(h->hasGrid);
        QCOMPARE(h->gridLevels.size(), std::size_t(1) << bits);
        m_view->setSnapshot(h);
        const QList<QCPItemStraightLine*> lines = itemsOf<QCPItemStraightLine>(m_view->plot());
        QCOMPARE(lines.size(), drawn);
        for (int i = 0; i < lines.size(); ++i) {
            // Every step-th level; a thinned grid ends with its top level.
            const bool top = step > 1 && i == lines.size() - 1;
            const double level = top ? h->gridLevels.back() : h->gridLevels[std::size_t(i * step)];
            QCOMPARE(lines[i]->point1->coords().x(), level);
            QCOMPARE(lines[i]->point2->coords().x(), level); // vertical
            QVERIFY(lines[i]->point1->coords().y() != lines[i]->point2->coords().y());
        }
        // Redrawing (the log toggle) does not pile up lines.
        m_view->setLogScale(true);
        QCOMPARE(itemsOf<QCPItemStraightLine>(m_view->plot()).size(), drawn);
        m_view->setSnapshot(h);
        QCOMPARE(itemsOf<QCPItemStraightLine>(m_view->plot()).size(), drawn);
    }

    void clippedShading_data()
    {
        QTest::addColumn<HistogramScope>("scope");
        QTest::addColumn<int>("groupCode");
        QTest::addColumn<bool>("shaded");
        QTest::newRow("layer, grouped") << HistogramScope::Layer << 16 << false;
        QTest::newRow("layer, per channel") << HistogramScope::Layer << -1 << false;
        QTest::newRow("layer, per tensor") << HistogramScope::Layer << 0 << true;
        QTest::newRow("row, grouped") << HistogramScope::Row << 16 << false;
        QTest::newRow("row, one group as wide as the row") << HistogramScope::Row << 64 << true;
        QTest::newRow("row, per channel") << HistogramScope::Row << -1 << true;
        QTest::newRow("row, per tensor") << HistogramScope::Row << 0 << true;
        QTest::newRow("group, grouped") << HistogramScope::Group << 16 << true;
        QTest::newRow("group, per channel") << HistogramScope::Group << -1 << true;
    }

    void clippedShading()
    {
        QFETCH(HistogramScope, scope);
        QFETCH(int, groupCode);
        QFETCH(bool, shaded);
        const auto h = histogram(rtn(4, groupCode, true), scope, 1, 1);
        QVERIFY(h->hasGrid);
        m_view->setSnapshot(h);
        const QList<QCPItemRect*> rects = itemsOf<QCPItemRect>(m_view->plot());
        QCOMPARE(rects.size(), shaded ? 2 : 0);
        QCOMPARE(itemsOf<QCPItemStraightLine>(m_view->plot()).size(), 16);
        if (!shaded)
            return;
        // Below the lowest level and above the highest, reaching past the data.
        QCOMPARE(rects[0]->bottomRight->coords().x(), h->gridLevels.front());
        QVERIFY(rects[0]->topLeft->coords().x() < std::min(h->lo, h->gridLevels.front()));
        QCOMPARE(rects[1]->topLeft->coords().x(), h->gridLevels.back());
        QVERIFY(rects[1]->bottomRight->coords().x() > std::max(h->hi, h->gridLevels.back()));
    }

    void keptLayerHasNoGrid()
    {
        LayerQuantConfig keep;
        keep.method = QuantMethod::None;
        const auto h = histogram(keep, HistogramScope::Row, 3, 0);
        QVERIFY(!h->hasGrid);
        m_view->setSnapshot(h);
        QCOMPARE(itemsOf<QCPItemStraightLine>(m_view->plot()).size(), 0);
        QCOMPARE(itemsOf<QCPItemRect>(m_view->plot()).size(), 0);
        QCOMPARE(m_view->bars()->data()->size(), 48);
        QVERIFY(m_view->infoText().contains(QStringLiteral("no grid")));
        QVERIFY(!m_view->infoText().contains(QStringLiteral("clipped")));
        QCOMPARE(control<QSpinBox>("histogramGroup")->maximum(), 0);
    }

    void infoText()
    {
        // Symmetric per tensor: the largest positive weight rounds to code 16 of 0 … 15.
        const auto h = histogram(rtn(4, 0, true));
        QVERIFY(h->clipped > 0);
        m_view->setSnapshot(h);
        const QString info = m_view->infoText();
        QVERIFY2(info.contains(QStringLiteral("clipped: %1 % (%2 weights)")
                                   .arg(h->clippedFraction() * 100.0, 0, 'f', 3)
                                   .arg(h->clipped)),
                 qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("scale %1").arg(h->grid.scale, 0, 'g', 5)),
                 qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("%1 weights").arg(kRows * kCols)), qPrintable(info));
        QVERIFY2(info.contains(h->request.config.scheme.describe()), qPrintable(info));
        QCOMPARE(control<QLabel>("histogramInfo")->text(), info);
    }

    void logScale()
    {
        const auto h = histogram(rtn(4, 16, false));
        m_view->setSnapshot(h);
        QSignalSpy request(m_view.get(), &HistogramView::requestChanged);
        QSignalSpy logChanged(m_view.get(), &HistogramView::logScaleChanged);
        auto* box = control<QCheckBox>("histogramLogScale");
        QTest::mouseClick(box, Qt::LeftButton, {}, box->rect().center());
        QVERIFY(m_view->isLogScale());
        QCOMPARE(logChanged.count(), 1);
        QCOMPARE(logChanged.last().at(0).toBool(), true);
        QCOMPARE(m_view->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(m_view->bars()->baseValue(), 0.5);
        // Same bars.
        QCOMPARE(m_view->bars()->data()->size(), 48);
        QCOMPARE(m_view->bars()->data()->at(10)->value, h->counts[10]);

        m_view->setLogScale(false);
        QCOMPARE(logChanged.count(), 2);
        QCOMPARE(m_view->plot()->yAxis->scaleType(), QCPAxis::stLinear);
        QCOMPARE(m_view->bars()->baseValue(), 0.0);
        QCOMPARE(request.count(), 0);
    }

    void rangesFitTheLayer_data()
    {
        QTest::addColumn<LayerQuantConfig>("config");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("requestedRow");
        QTest::addColumn<qint64>("requestedGroup");
        QTest::addColumn<int>("rowMax");
        QTest::addColumn<int>("groupMax");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("group");
        QTest::newRow("g16: 4 groups")
            << rtn(4, 16, false) << qint64(6) << qint64(2) << qint64(3) << 5 << 3 << 2 << 3;
        QTest::newRow("g24: last group shorter")
            << rtn(4, 24, false) << qint64(6) << qint64(5) << qint64(2) << 5 << 2 << 5 << 2;
        QTest::newRow("per channel")
            << rtn(4, -1, false) << qint64(6) << qint64(1) << qint64(0) << 5 << 0 << 1 << 0;
        QTest::newRow("per tensor")
            << rtn(3, 0, true) << qint64(6) << qint64(4) << qint64(0) << 5 << 0 << 4 << 0;
        QTest::newRow("clamped to a smaller layer")
            << rtn(4, 32, false) << qint64(3) << qint64(9) << qint64(7) << 2 << 1 << 2 << 1;
    }

    void rangesFitTheLayer()
    {
        QFETCH(LayerQuantConfig, config);
        QFETCH(qint64, rows);
        QFETCH(qint64, requestedRow);
        QFETCH(qint64, requestedGroup);
        QFETCH(int, rowMax);
        QFETCH(int, groupMax);
        QFETCH(int, row);
        QFETCH(int, group);
        // A first snapshot with other ranges, so the second has to change them.
        m_view->setSnapshot(histogram(rtn(2, 8, false), HistogramScope::Layer, 5, 7));
        QSignalSpy request(m_view.get(), &HistogramView::requestChanged);
        m_view->setSnapshot(
            histogram(config, HistogramScope::Layer, requestedRow, requestedGroup, 48, rows));
        QCOMPARE(request.count(), 0);
        auto* rowBox = control<QSpinBox>("histogramRow");
        auto* groupBox = control<QSpinBox>("histogramGroup");
        QCOMPARE(rowBox->minimum(), 0);
        QCOMPARE(rowBox->maximum(), rowMax);
        QCOMPARE(groupBox->minimum(), 0);
        QCOMPARE(groupBox->maximum(), groupMax);
        QCOMPARE(rowBox->value(), row);
        QCOMPARE(groupBox->value(), group);
        QCOMPARE(m_view->row(), qint64(row));
        QCOMPARE(m_view->group(), qint64(group));
    }

    // Each user change of what to count asks for a new snapshot, once.
    void controlsRequestOnce()
    {
        m_view->setSnapshot(histogram(rtn(4, 16, false), HistogramScope::Layer, 1, 1));
        QSignalSpy request(m_view.get(), &HistogramView::requestChanged);
        auto* scope = control<QComboBox>("histogramScope");
        auto* row = control<QSpinBox>("histogramRow");
        auto* group = control<QSpinBox>("histogramGroup");
        auto* bins = control<QSpinBox>("histogramBins");
        QVERIFY(group->isEnabled());

        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Down);
        QCOMPARE(request.count(), 1);
        QCOMPARE(m_view->scope(), HistogramScope::Row);

        QTest::keyClick(row, Qt::Key_Up);
        QCOMPARE(request.count(), 2);
        QCOMPARE(m_view->row(), qint64(2));

        QTest::keyClick(group, Qt::Key_Up);
        QCOMPARE(request.count(), 3);
        QCOMPARE(m_view->group(), qint64(2));

        QTest::keyClick(bins, Qt::Key_Up);
        QCOMPARE(request.count(), 4);
        QCOMPARE(m_view->bins(), 129);

        // Typed numbers ask once, on Enter.
        bins->setFocus();
        bins->selectAll();
        QTest::keyClicks(bins, QStringLiteral("200"));
        QCOMPARE(request.count(), 4);
        QTest::keyClick(bins, Qt::Key_Return);
        QCOMPARE(request.count(), 5);
        QCOMPARE(m_view->bins(), 200);
        row->setFocus();
        row->selectAll();
        QTest::keyClicks(row, QStringLiteral("4"));
        QTest::keyClick(row, Qt::Key_Return);
        QCOMPARE(request.count(), 6);
        QCOMPARE(m_view->row(), qint64(4));

        // setBins (restoring a setting) asks as well; the same value does not.
        m_view->setBins(64);
        QCOMPARE(request.count(), 7);
        m_view->setBins(64);
        QCOMPARE(request.count(), 7);
    }

    void showMessageClears()
    {
        const auto h = histogram(rtn(4, 0, true));
        m_view->setSnapshot(h);
        QVERIFY(m_view->bars()->data()->size() > 0);
        QVERIFY(!m_view->infoText().isEmpty());
        QSignalSpy request(m_view.get(), &HistogramView::requestChanged);

        m_view->showMessage(QStringLiteral("Cannot read the layer"));
        QVERIFY(!m_view->snapshot());
        QCOMPARE(m_view->bars()->data()->size(), 0);
        QCOMPARE(itemsOf<QCPItemStraightLine>(m_view->plot()).size(), 0);
        QCOMPARE(itemsOf<QCPItemRect>(m_view->plot()).size(), 0);
        QList<QCPItemText*> texts = itemsOf<QCPItemText>(m_view->plot());
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.front()->text(), QStringLiteral("Cannot read the layer"));
        QCOMPARE(m_view->infoText(), QString());
        QCOMPARE(control<QLabel>("histogramInfo")->text(), QString());

        // The message stays through a log-scale toggle.
        m_view->setLogScale(true);
        texts = itemsOf<QCPItemText>(m_view->plot());
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.front()->text(), QStringLiteral("Cannot read the layer"));
        QCOMPARE(m_view->bars()->data()->size(), 0);

        // A snapshot replaces the message.
        m_view->setSnapshot(h);
        QCOMPARE(itemsOf<QCPItemText>(m_view->plot()).size(), 0);
        QCOMPARE(m_view->bars()->data()->size(), 48);
        QCOMPARE(m_view->bars()->baseValue(), 0.5);
        QCOMPARE(request.count(), 0);
    }

    // A null snapshot clears the plot: no bars, lines or text left from the previous one.
    void nullSnapshotClears()
    {
        m_view->setSnapshot(histogram(rtn(4, 0, true)));
        m_view->setSnapshot(nullptr);
        QVERIFY(!m_view->snapshot());
        QCOMPARE(m_view->bars()->data()->size(), 0);
        QCOMPARE(m_view->plot()->itemCount(), 0);
        QCOMPARE(m_view->infoText(), QString());
        QCOMPARE(control<QLabel>("histogramInfo")->text(), QString());
    }

    void beforeAfterAndError()
    {
        const auto h = histogram(rtn(3, 16, false), HistogramScope::Group, 2, 1, 40);
        QCOMPARE(int(h->afterSource), int(WeightHistogram::AfterSource::PlanRoundToNearest));
        m_view->setSnapshot(h);
        QSignalSpy requests(m_view.get(), &HistogramView::requestChanged);
        QSignalSpy displays(m_view.get(), &HistogramView::displayChanged);

        // Weights: no overlay.
        QVERIFY(!m_view->afterBars()->visible() || m_view->afterBars()->data()->isEmpty());

        auto* display = control<QComboBox>("histogramDisplay");
        QVERIFY(display);
        display->setCurrentIndex(display->findData(int(HistogramView::Display::BeforeAfter)));
        QCOMPARE(m_view->display(), HistogramView::Display::BeforeAfter);
        QCOMPARE(displays.size(), 1);
        QCOMPARE(requests.size(), 0); // the snapshot already holds everything: only a redraw
        QVERIFY(m_view->afterBars()->visible());
        QVERIFY(m_view->plot()->legend->visible());
        auto after = m_view->afterBars()->data();
        QCOMPARE(after->size(), 40);
        int i = 0;
        for (auto it = after->constBegin(); it != after->constEnd(); ++it, ++i) {
            QCOMPARE(it->key, h->lo + (i + 0.5) * h->binWidth());
            QCOMPARE(it->value, h->afterCounts[std::size_t(i)]);
        }
        // One group: its rounded weights sit on at most 2^bits levels, at most 8 bars non-empty.
        int filled = 0;
        for (double c : h->afterCounts)
            filled += c > 0 ? 1 : 0;
        QVERIFY(filled >= 2 && filled <= 8);

        m_view->setDisplay(HistogramView::Display::Error);
        QCOMPARE(displays.size(), 2);
        QVERIFY(!m_view->plot()->legend->visible());
        auto errors = m_view->bars()->data();
        QCOMPARE(errors->size(), 40);
        i = 0;
        for (auto it = errors->constBegin(); it != errors->constEnd(); ++it, ++i) {
            QCOMPARE(it->key, h->errorLo + (i + 0.5) * h->errorBinWidth());
            QCOMPARE(it->value, h->errorCounts[std::size_t(i)]);
        }
        QVERIFY(itemsOf<QCPItemStraightLine>(m_view->plot()).isEmpty()); // no grid on errors
        const QCPRange x = m_view->plot()->xAxis->range();
        QVERIFY(x.lower <= h->errorLo && x.upper >= h->errorHi);
        QVERIFY(m_view->infoText().contains(QStringLiteral("RMS")));

        // A kept layer has no "after": the display falls back to the weights.
        LayerQuantConfig kept;
        kept.method = QuantMethod::None;
        m_view->setSnapshot(histogram(kept));
        QCOMPARE(m_view->bars()->data()->size(), 48);
        QVERIFY(m_view->afterBars()->data()->isEmpty());
    }
};

QTEST_MAIN(TestHistogramView)
#include "tst_histogram_view.moc"
