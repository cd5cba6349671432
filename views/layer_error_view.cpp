#include "views/layer_error_view.h"

#include "views/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace qb {

namespace {

// Space between the groups of bars of two blocks, in layers.
constexpr double kBlockGap = 0.8;
// The width the bars of one layer share, in layers.
constexpr double kGroupWidth = 0.8;

// Colours of the runs: the latest first; distinguishable in colour-blind palettes.
const QColor kRunColours[LayerErrorView::kMaxRuns] = {
    QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
    QColor(0x94, 0x67, 0xbd)};

double metricValue(const LayerReport& layer, LayerErrorView::Metric metric)
{
    if (layer.status != LayerStatus::Quantized || layer.output.rows == 0)
        return std::numeric_limits<double>::quiet_NaN();
    switch (metric) {
    case LayerErrorView::Metric::OutputMse:
        return layer.output.mse;
    case LayerErrorView::Metric::RelativeError:
        return layer.output.relativeError;
    case LayerErrorView::Metric::Sqnr:
        return layer.output.sqnrDb;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

// "q" of "model.layers.3.self_attn.q_proj": the tick label under a bar (the block is on the
// axis above).
QString shortName(const QString& layerName)
{
    QString name = layerName.section(QLatin1Char('.'), -1);
    if (name.endsWith(QLatin1String("_proj")))
        name.chop(5);
    return name;
}

} // namespace

LayerErrorView::LayerErrorView(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_metric(new QComboBox(this))
    , m_log(new QCheckBox(tr("Log scale"), this))
    , m_pin(new QToolButton(this))
    , m_info(new QLabel(this))
{
    m_metric->setObjectName(QStringLiteral("layerErrorMetric"));
    m_metric->addItem(tr("Output MSE"), int(Metric::OutputMse));
    m_metric->addItem(tr("Relative output error"), int(Metric::RelativeError));
    m_metric->addItem(tr("Output SQNR"), int(Metric::Sqnr));
    m_metric->setToolTip(tr("What each bar shows, measured on the held-out calibration rows"));
    m_log->setObjectName(QStringLiteral("layerErrorLog"));
    m_log->setChecked(true);
    m_log->setToolTip(tr("Logarithmic value axis: errors of different layers differ by orders "
                         "of magnitude"));
    m_pin->setObjectName(QStringLiteral("layerErrorPin"));
    m_pin->setText(tr("Keep for Comparison"));
    m_pin->setToolTip(
        tr("Keep the latest run's bars beside the next runs' (up to %1 runs)").arg(kMaxRuns));
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    m_info->setObjectName(QStringLiteral("layerErrorInfo"));
    m_info->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_metric);
    controls->addWidget(m_log);
    controls->addStretch(1);
    controls->addWidget(m_pin);
    controls->addWidget(exportButton);

    m_plot->setObjectName(QStringLiteral("layerErrorPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    // The legend in a row below the plot, where it hides no bar.
    m_plot->legend->setVisible(false);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->legend->setFillOrder(QCPLegend::foRowsFirst);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->xAxis->setTickLabelRotation(90);
    QFont tickFont = m_plot->xAxis->tickLabelFont();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 0.85);
    m_plot->xAxis->setTickLabelFont(tickFont);
    // The blocks, named above their groups of bars.
    m_plot->xAxis2->setVisible(true);
    m_plot->xAxis2->setTickLength(0, 0);
    m_plot->xAxis2->setSubTicks(false);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), m_plot->xAxis2,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_plot->setMouseTracking(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_info);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &LayerErrorView::redraw);
    connect(m_log, &QCheckBox::toggled, this, &LayerErrorView::redraw);
    connect(m_pin, &QToolButton::clicked, this, &LayerErrorView::pinRequested);
    connect(exportButton, &QToolButton::clicked, this, &LayerErrorView::exportPlot);
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showToolTip(event->pos()); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton)
            return;
        const QString layer = layerAt(m_plot->xAxis->pixelToCoord(event->pos().x()));
        if (!layer.isEmpty())
            Q_EMIT layerClicked(layer);
    });
    redraw();
}

void LayerErrorView::setRuns(std::vector<Run> runs)
{
    if (runs.size() > std::size_t(kMaxRuns))
        runs.resize(kMaxRuns);
    m_runs = std::move(runs);
    // Each run's layers by name, so that drawing is linear in runs × layers.
    m_reportsByName.assign(m_runs.size(), {});
    for (std::size_t r = 0; r < m_runs.size(); ++r) {
        if (!m_runs[r].report)
            continue;
        for (const LayerReport& layer : m_runs[r].report->layers)
            m_reportsByName[r].insert(layer.name, &layer);
    }
    redraw();
}

const LayerReport* LayerErrorView::reportOf(int run, const QString& layerName) const
{
    if (run < 0 || run >= int(m_reportsByName.size()))
        return nullptr;
    return m_reportsByName[std::size_t(run)].value(layerName, nullptr);
}

void LayerErrorView::setSelectedLayer(const QString& layerName)
{
    if (layerName == m_selected)
        return;
    m_selected = layerName;
    redraw();
}

LayerErrorView::Metric LayerErrorView::metric() const
{
    return Metric(m_metric->currentData().toInt());
}

void LayerErrorView::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

bool LayerErrorView::isLogScale() const
{
    return m_log->isChecked();
}

void LayerErrorView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

double LayerErrorView::value(int run, const QString& layerName) const
{
    const LayerReport* layer = reportOf(run, layerName);
    return layer ? metricValue(*layer, metric()) : std::numeric_limits<double>::quiet_NaN();
}

double LayerErrorView::position(const QString& layerName) const
{
    const qsizetype index = m_layers.indexOf(layerName);
    return index < 0 ? std::numeric_limits<double>::quiet_NaN() : m_positions[std::size_t(index)];
}

QString LayerErrorView::layerAt(double x) const
{
    for (qsizetype i = 0; i < m_layers.size(); ++i) {
        if (std::abs(x - m_positions[std::size_t(i)]) <= kGroupWidth / 2)
            return m_layers[i];
    }
    return {};
}

void LayerErrorView::redraw()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_layers.clear();
    m_positions.clear();
    m_plot->legend->clearItems();

    // The layers: every layer any run measured, in the first run's (model) order.
    std::vector<int> blocks;
    QSet<QString> listed;
    for (const Run& run : m_runs) {
        if (!run.report)
            continue;
        for (const LayerReport& layer : run.report->layers) {
            if (layer.status == LayerStatus::Quantized && layer.output.rows > 0
                && !listed.contains(layer.name)) {
                listed.insert(layer.name);
                m_layers << layer.name;
                blocks.push_back(layer.block);
            }
        }
    }
    const Metric shown = metric();
    const bool logScale = isLogScale() && shown != Metric::Sqnr;

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QSharedPointer<QCPAxisTickerText> blockTicker(new QCPAxisTickerText);
    double x = 0.0;
    double blockStart = 0.0;
    for (qsizetype i = 0; i < m_layers.size(); ++i) {
        const int block = blocks[std::size_t(i)];
        if (i > 0 && block != blocks[std::size_t(i - 1)]) {
            x += kBlockGap;
            blockStart = x;
        }
        m_positions.push_back(x);
        const QString label = shortName(m_layers[i]);
        ticker->addTick(x, m_layers[i] == m_selected ? QStringLiteral("▶ ") + label : label);
        const bool lastOfBlock = i + 1 == m_layers.size() || blocks[std::size_t(i + 1)] != block;
        if (lastOfBlock)
            blockTicker->addTick((blockStart + x) / 2.0,
                                 block >= 0 ? tr("block %1").arg(block) : tr("head"));
        x += 1.0;
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis2->setTicker(blockTicker);
    m_plot->xAxis->setLabel(tr("Layer, in model order"));
    switch (shown) {
    case Metric::OutputMse:
        m_plot->yAxis->setLabel(tr("Output MSE (squared output units)"));
        break;
    case Metric::RelativeError:
        m_plot->yAxis->setLabel(tr("Relative output error ‖ΔY‖/‖Y‖"));
        break;
    case Metric::Sqnr:
        m_plot->yAxis->setLabel(tr("Output SQNR (dB, higher is better)"));
        break;
    }
    m_plot->yAxis->setScaleType(logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logScale)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));

    const int runCount = int(m_runs.size());
    const double barWidth = runCount > 0 ? kGroupWidth / runCount : kGroupWidth;
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (int r = 0; r < runCount; ++r) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(m_runs[std::size_t(r)].label);
        bars->setWidth(barWidth);
        bars->setWidthType(QCPBars::wtPlotCoords);
        const QColor colour = kRunColours[r];
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(colour);
        if (logScale)
            bars->setBaseValue(0.0);
        QVector<double> keys;
        QVector<double> values;
        const double offset = (r - (runCount - 1) / 2.0) * barWidth;
        for (qsizetype i = 0; i < m_layers.size(); ++i) {
            const double v = value(r, m_layers[i]);
            if (!std::isfinite(v) || (logScale && v <= 0.0))
                continue;
            keys << m_positions[std::size_t(i)] + offset;
            values << v;
            low = std::min(low, v);
            high = std::max(high, v);
        }
        bars->setData(keys, values, true);
    }
    m_plot->legend->setVisible(runCount > 1);

    if (m_layers.isEmpty()) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(logScale ? 1e-6 : 0.0, 1.0);
    } else {
        m_plot->xAxis->setRange(-0.6, x - 0.4);
        if (logScale)
            m_plot->yAxis->setRange(low / 2.0, high * 2.0);
        else
            m_plot->yAxis->setRange(std::min(0.0, low), high * 1.05);
    }
    // The selected layer: a light band behind its bars.
    if (const double selected = position(m_selected); std::isfinite(selected)) {
        auto* band = new QCPItemRect(m_plot);
        band->setLayer(QStringLiteral("background"));
        band->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->topLeft->setCoords(selected - 0.5, 0.0);
        band->bottomRight->setCoords(selected + 0.5, 1.0);
        band->setPen(Qt::NoPen);
        band->setBrush(QColor(255, 200, 0, 70));
    }
    m_pin->setEnabled(!m_runs.empty());
    m_info->setText(m_runs.empty()
                        ? tr("Quantize with calibration text to see every layer's output error "
                             "here.")
                        : tr("%n layer(s) measured. Click a bar to select its layer; drag and "
                             "scroll to pan and zoom.",
                             nullptr, int(m_layers.size())));
    m_plot->replot();
}

void LayerErrorView::showToolTip(const QPoint& pixel)
{
    const QString layer = layerAt(m_plot->xAxis->pixelToCoord(pixel.x()));
    if (layer.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const QLocale locale;
    QStringList lines{layer};
    for (int r = 0; r < int(m_runs.size()); ++r) {
        const LayerReport* report = reportOf(r, layer);
        if (!report || report->status != LayerStatus::Quantized || report->output.rows == 0)
            continue;
        lines << tr("%1 (%2): MSE %3 · relative %4 · SQNR %5 dB")
                     .arg(m_runs[std::size_t(r)].label, report->config.describe(),
                          locale.toString(report->output.mse, 'g', 4),
                          locale.toString(report->output.relativeError, 'g', 4),
                          locale.toString(report->output.sqnrDb, 'f', 2));
    }
    QToolTip::showText(m_plot->mapToGlobal(pixel), lines.join(QLatin1Char('\n')), m_plot);
}

void LayerErrorView::exportPlot()
{
    const QString problem = exportPlotInteractively(m_plot, this);
    if (!problem.isEmpty())
        m_info->setText(problem);
}

} // namespace qb
