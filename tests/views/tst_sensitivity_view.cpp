// SensitivityView checked for what it holds: each heatmap cell equals the scan's figure (Δ
// perplexity or KL, by the switch) for its unit and width; the units in model order from the top;
// missing measurements of a cancelled scan hatched; clicking a cell or a ranked row names the
// unit's (first) layer; the selected layer's unit outlined. SensitivityRankingModel under
// QAbstractItemModelTester, its order equal to sorting the scan's values here.

#include "core/analysis/sensitivity_scan.h"
#include "views/sensitivity_ranking_model.h"
#include "views/sensitivity_view.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

using namespace qb;

namespace {

const QStringList kRoles{"self_attn.q_proj", "self_attn.k_proj", "mlp.down_proj"};

// Two blocks of three layers measured at 2, 4 and 8 bits with figures that differ per layer and
// width (and a negative Δ perplexity at 8 bits, as real scans give); `measured` points per unit
// at most (a cancelled scan).
std::shared_ptr<SensitivityScanResult> makeScan(std::size_t measured = 3)
{
    auto scan = std::make_shared<SensitivityScanResult>();
    scan->bits = {2, 4, 8};
    scan->quantization.method = QuantMethod::Rtn;
    scan->quantization.scheme = QuantScheme::fromGroupSizeCode(4, false, 32);
    scan->referencePerplexity = 10.0;
    scan->evaluationDocuments = 5;
    scan->evaluationTokens = 1234;
    for (int block = 0; block < 2; ++block) {
        for (int r = 0; r < kRoles.size(); ++r) {
            const QString name = QStringLiteral("model.layers.%1.%2").arg(block).arg(kRoles[r]);
            SensitivityLayer layer;
            layer.name = name;
            layer.block = block;
            layer.parameters = 1000 * (r + 1);
            layer.unit = int(scan->units.size());
            scan->layers.push_back(layer);
            SensitivityUnitResult unit;
            unit.name = name;
            unit.layers = {name};
            const double weight = 1.0 + 0.7 * r + 2.3 * block * ((r + 1) % 2);
            for (std::size_t i = 0; i < std::min<std::size_t>(measured, scan->bits.size()); ++i) {
                SensitivityPoint point;
                point.bits = scan->bits[i];
                point.deltaPerplexity =
                    i == 2 ? 0.02 * weight - 0.05 : weight * std::pow(4.0, 2 - int(i));
                point.perplexity = 10.0 + point.deltaPerplexity;
                point.kl = 0.01 * weight * weight * std::pow(3.0, 2 - int(i));
                unit.points.push_back(point);
            }
            scan->units.push_back(unit);
        }
    }
    scan->complete = measured >= scan->bits.size();
    return scan;
}

} // namespace

class TestSensitivityView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cellsHoldTheScansValues()
    {
        const auto scan = makeScan();
        SensitivityView view;
        view.resize(900, 500);
        QVERIFY(view.isLogScale()); // the default
        view.setLogScale(false);
        view.setScan(scan);
        QCOMPARE(view.colorMap()->data()->keySize(), 3);
        QCOMPARE(view.colorMap()->data()->valueSize(), 6);
        for (int unit = 0; unit < 6; ++unit) {
            for (int column = 0; column < 3; ++column) {
                const SensitivityPoint& point =
                    scan->units[std::size_t(unit)].points[std::size_t(column)];
                QCOMPARE(view.cellValue(unit, column), point.deltaPerplexity);
                // The map's cell at that unit's and width's coordinates is the same cell.
                const QPointF centre = view.cellCentre(unit, column);
                QCOMPARE(view.colorMap()->data()->data(centre.x(), centre.y()),
                         point.deltaPerplexity);
            }
        }
        QCOMPARE(view.missingCells(), 0);
        // Model order from the top: unit 0 above unit 5.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        QVERIFY(view.plot()->yAxis->coordToPixel(0) < view.plot()->yAxis->coordToPixel(5));
        QVERIFY(view.colorScale()->axis()->label().contains("perplexity"));

        // The switch to KL redraws every cell, and the ranking follows.
        view.setMetric(SensitivityMetric::Kl);
        QVERIFY(view.colorScale()->axis()->label().contains("KL"));
        for (int unit = 0; unit < 6; ++unit) {
            for (int column = 0; column < 3; ++column)
                QCOMPARE(view.cellValue(unit, column),
                         scan->units[std::size_t(unit)].points[std::size_t(column)].kl);
        }
        QCOMPARE(view.rankingModel()->metric(), SensitivityMetric::Kl);

        // Log colour scale: positive figures as they are, the scale logarithmic.
        view.setLogScale(true);
        QCOMPARE(view.colorMap()->dataScaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(view.cellValue(3, 1), scan->units[3].points[1].kl);
        // Δ perplexity in log scale: the negative 8-bit figures drawn at the smallest positive.
        view.setMetric(SensitivityMetric::DeltaPerplexity);
        double smallestPositive = 1e300;
        for (const auto& unit : scan->units)
            for (const auto& point : unit.points)
                if (point.deltaPerplexity > 0)
                    smallestPositive = std::min(smallestPositive, point.deltaPerplexity);
        QVERIFY(scan->units[0].points[2].deltaPerplexity < 0);
        QCOMPARE(view.cellValue(0, 2), smallestPositive);
        QCOMPARE(view.cellValue(0, 0), scan->units[0].points[0].deltaPerplexity);
    }

    void cancelledScanHatchesTheMissingCells()
    {
        const auto scan = makeScan(1); // only the 2-bit points
        SensitivityView view;
        view.resize(900, 500);
        view.setLogScale(false);
        view.setScan(scan);
        QCOMPARE(view.missingCells(), 6 * 2);
        QVERIFY(std::isnan(view.cellValue(2, 1)));
        QVERIFY(std::isnan(view.cellValue(2, 2)));
        QCOMPARE(view.cellValue(2, 0), scan->units[2].points[0].deltaPerplexity);
        // The ranking at a width nobody reached: every unit unranked, in model order.
        view.setRankBits(8);
        QCOMPARE(view.rankingModel()->bits(), 8);
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(view.rankingModel()->unitAt(row), row);
            QVERIFY(std::isnan(view.rankingModel()
                                   ->index(row, 0)
                                   .data(SensitivityRankingModel::ValueRole)
                                   .toDouble()));
        }
    }

    void clickingACellOrRowSelectsItsLayer()
    {
        const auto scan = makeScan();
        SensitivityView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setScan(scan);
        view.plot()->replot();
        QSignalSpy clicked(&view, &SensitivityView::layerClicked);
        QCustomPlot* plot = view.plot();
        const QPointF centre = view.cellCentre(4, 1);
        const QPoint pixel(int(plot->xAxis->coordToPixel(centre.x())),
                           int(plot->yAxis->coordToPixel(centre.y())));
        QTest::mouseClick(plot, Qt::LeftButton, {}, pixel);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toString(), scan->units[4].layers.front());

        // A row of the ranking: its unit's layer.
        QTableView* table = view.rankingView();
        const int row = view.rankingModel()->rowOf(2);
        const QRect rect = table->visualRect(view.rankingModel()->index(row, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(clicked.count(), 2);
        QCOMPARE(clicked.last().first().toString(), scan->units[2].layers.front());

        view.setSelectedLayer(scan->units[5].layers.front());
        QCOMPARE(view.selectedUnit(), 5);
        QCOMPARE(table->selectionModel()->selectedRows().value(0).row(),
                 view.rankingModel()->rowOf(5));
        view.setSelectedLayer("not a layer");
        QCOMPARE(view.selectedUnit(), -1);
    }

    void rankingOrderEqualsSortedScanValues_data()
    {
        QTest::addColumn<int>("metric");
        QTest::addColumn<int>("bits");
        for (int bits : {2, 4, 8}) {
            QTest::addRow("delta %d", bits) << int(SensitivityMetric::DeltaPerplexity) << bits;
            QTest::addRow("kl %d", bits) << int(SensitivityMetric::Kl) << bits;
        }
    }
    void rankingOrderEqualsSortedScanValues()
    {
        QFETCH(int, metric);
        QFETCH(int, bits);
        const auto scan = makeScan();
        SensitivityRankingModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setScan(scan);
        model.setMetric(SensitivityMetric(metric));
        model.setBits(bits);
        // Sorted here from the scan: descending by the figure at `bits`, ties in model order.
        std::vector<int> expected(scan->units.size());
        std::iota(expected.begin(), expected.end(), 0);
        const auto figure = [&](int unit) {
            const SensitivityPoint* p = scan->units[std::size_t(unit)].find(bits);
            return metric == int(SensitivityMetric::Kl) ? p->kl : p->deltaPerplexity;
        };
        std::stable_sort(expected.begin(), expected.end(),
                         [&](int a, int b) { return figure(a) > figure(b); });
        QCOMPARE(model.rowCount(), int(expected.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.unitAt(row), expected[std::size_t(row)]);
            QCOMPARE(model.rowOf(expected[std::size_t(row)]), row);
            QCOMPARE(model.index(row, SensitivityRankingModel::UnitColumn).data().toString(),
                     sensitivityUnitLabel(*scan, expected[std::size_t(row)]));
            QCOMPARE(model.index(row, 0).data(SensitivityRankingModel::ValueRole).toDouble(),
                     figure(expected[std::size_t(row)]));
            QCOMPARE(model.index(row, SensitivityRankingModel::RankColumn).data().toInt(), row + 1);
        }
        model.setScan(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void planCheckShowsPredictionAndMeasurement()
    {
        SensitivityView view;
        view.setScan(makeScan());
        QVERIFY(view.planCheckText().isEmpty());
        SensitivityView::PlanCheck check;
        check.bitsPerWeight = 3.49;
        check.targetBitsPerWeight = 3.5;
        check.referencePerplexity = 10.0;
        check.predictedPerplexity = 10.5;
        view.setPlanCheck(check);
        QVERIFY(view.planCheckText().contains(QLocale().toString(10.5, 'f', 4)));
        QVERIFY(view.planCheckText().contains("evaluate"));
        check.measuredPerplexity = 10.75;
        check.measuredReference = 10.0;
        view.setPlanCheck(check);
        QVERIFY(view.planCheckText().contains(QLocale().toString(10.75, 'f', 4)));
        QVERIFY(!view.planCheckText().contains("another text"));
        check.measuredReference = 11.0;
        view.setPlanCheck(check);
        QVERIFY(view.planCheckText().contains("another text"));
    }
};

QTEST_MAIN(TestSensitivityView)
#include "tst_sensitivity_view.moc"
