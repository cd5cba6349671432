#include "views/plot_export.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace qb {

namespace {

struct PlotExportText {
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
};

bool saveSvg(QCustomPlot* plot, const QString& path)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(plot->size());
    generator.setViewBox(QRect(QPoint(0, 0), plot->size()));
    generator.setTitle(plot->windowTitle());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    plot->toPainter(&painter, plot->width(), plot->height());
    return painter.end();
}

} // namespace

QString savePlot(QCustomPlot* plot, const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool saved = false;
    if (suffix == QLatin1String("pdf"))
        saved = plot->savePdf(path);
    else if (suffix == QLatin1String("svg"))
        saved = saveSvg(plot, path);
    else
        saved = plot->savePng(path, 0, 0, 2.0);
    return saved ? QString() : PlotExportText::tr("Could not save the plot to %1").arg(path);
}

QString exportPlotInteractively(QCustomPlot* plot, QWidget* dialogParent)
{
    const QString path = QFileDialog::getSaveFileName(
        dialogParent, PlotExportText::tr("Export Plot"), QString(),
        PlotExportText::tr("PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf)"));
    return path.isEmpty() ? QString() : savePlot(plot, path);
}

} // namespace qb
