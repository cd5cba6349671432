// savePlot writes what the suffix asks for: a PNG, an SVG document with the plot's text in it,
// or a PDF; an unwritable path gives a message naming it.
#include "views/plot_export.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

class TestPlotExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesEachFormat()
    {
        QCustomPlot plot;
        plot.resize(400, 300);
        plot.xAxis->setLabel(QStringLiteral("input channel"));
        auto* graph = plot.addGraph();
        graph->setData({0, 1, 2}, {1, 4, 2});
        plot.rescaleAxes();
        plot.replot();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("plot.png"));
        const QString svg = dir.filePath(QStringLiteral("plot.svg"));
        const QString pdf = dir.filePath(QStringLiteral("plot.pdf"));
        QCOMPARE(qb::savePlot(&plot, png), QString());
        QCOMPARE(qb::savePlot(&plot, svg), QString());
        QCOMPARE(qb::savePlot(&plot, pdf), QString());

        const QImage image(png);
        QCOMPARE(image.width(), 800); // twice the widget's pixels
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("input channel"));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");

        const QString bad = dir.filePath(QStringLiteral("missing/folder/plot.svg"));
        QVERIFY(qb::savePlot(&plot, bad).contains(bad));
    }
};

QTEST_MAIN(TestPlotExport)
#include "tst_plot_export.moc"
