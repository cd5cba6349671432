#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace qb {

// Saving a plot the way every view offers it: PNG (at twice the widget's pixel density), SVG
// (vector, through QSvgGenerator) or PDF, chosen by the file's suffix (PNG when it has none).
// Returns an empty string on success, else a translated message naming the file.
QString savePlot(QCustomPlot* plot, const QString& path);

// Asks for a file (PNG, SVG or PDF) and saves the plot there. Returns an empty string when it was
// saved or the user cancelled, else the message of savePlot().
QString exportPlotInteractively(QCustomPlot* plot, QWidget* dialogParent);

} // namespace qb
