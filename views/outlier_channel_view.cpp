#include "views/outlier_channel_view.h"

#include "views/layer_input_profile_text.h"
#include "views/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace qb {

namespace {

const QColor kActivationColour(0x1f, 0x77, 0xb4);
const QColor kWeightColour(0x7f, 0xa6, 0x7f);
const QColor kWeightMaxColour(0xb2, 0x22, 0x22);
const QColor kScaleColour(0x94, 0x67, 0xbd);
const QColor kSelectedColour(0xff, 0xaa, 0x00);

// Bars start this far below the smallest positive value on a log axis (a log axis has no 0).
constexpr double kLogFloorFactor = 0.5;

void setLog(QCPAxis* axis, bool log)
{
    axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    axis->setNumberFormat(QStringLiteral("gb"));
    axis->setNumberPrecision(3);
}

// Tick labels as powers of ten (10⁻², 10⁰) when a log axis spans two decades or more; plain
// numbers otherwise (the log ticker then also ticks between the powers).
void setTickFormat(QCPAxis* axis)
{
    const QCPRange range = axis->range();
    const bool decades = axis->scaleType() == QCPAxis::stLogarithmic && range.lower > 0.0
                         && range.upper / range.lower >= 100.0;
    axis->setNumberFormat(decades ? QStringLiteral("eb") : QStringLiteral("gb"));
    axis->setNumberPrecision(decades ? 0 : 3);
}

// The value range of `values` for an axis, linear from 0 or log from below the smallest
// positive value.
QCPRange valueRange(const std::vector<double>& values, bool log)
{
    double low = std::numeric_limits<double>::infinity();
    double high = 0.0;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        high = std::max(high, v);
        if (v > 0.0)
            low = std::min(low, v);
    }
    if (!(high > 0.0))
        return log ? QCPRange(1e-3, 1.0) : QCPRange(0.0, 1.0);
    if (log)
        return QCPRange(low * kLogFloorFactor, high * 1.6);
    return QCPRange(0.0, high * 1.06);
}

QString number(double value)
{
    return QLocale().toString(value, 'g', 5);
}

} // namespace

OutlierChannelView::OutlierChannelView(QWidget* parent)
    : ChannelProfileView(parent)
    , m_plot(new QCustomPlot(this))
    , m_weightRect(new QCPAxisRect(m_plot))
    , m_weightLegend(new QCPLegend)
    , m_statistic(new QComboBox(this))
    , m_orderBox(new QComboBox(this))
    , m_log(new QCheckBox(tr("Log scale"), this))
    , m_top(new QSpinBox(this))
    , m_headline(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_info(new QLabel(this))
{
    m_statistic->setObjectName(QStringLiteral("outlierStatistic"));
    m_statistic->addItem(tr("Mean |x|"), int(Statistic::MeanAbs));
    m_statistic->addItem(tr("Max |x|"), int(Statistic::MaxAbs));
    m_statistic->setToolTip(tr("Which activation statistic each bar shows, over every calibration "
                               "row the layer saw"));
    m_orderBox->setObjectName(QStringLiteral("outlierOrder"));
    m_orderBox->addItem(tr("Channel order"), false);
    m_orderBox->addItem(tr("Sorted, largest first"), true);
    // The boxes are as wide as their longest item when there is room, and may shrink below it
    // (the list still shows it whole): long translations would otherwise widen the window
    // beyond a laptop's screen.
    for (QComboBox* box : {m_statistic, m_orderBox})
        box->setMinimumWidth(box->fontMetrics().averageCharWidth() * 8 + 30);
    m_log->setObjectName(QStringLiteral("outlierLog"));
    m_log->setChecked(true);
    m_log->setToolTip(tr("Logarithmic value axes: outlier channels are often 10–100× the median"));
    m_top->setObjectName(QStringLiteral("outlierTopCount"));
    m_top->setRange(1, 256);
    m_top->setValue(16);
    m_top->setToolTip(tr("How many channels the table lists"));
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    m_headline->setObjectName(QStringLiteral("outlierHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setObjectName(QStringLiteral("outlierInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_statistic);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Order:"), this));
    controls->addWidget(m_orderBox);
    controls->addSpacing(8);
    controls->addWidget(m_log);
    controls->addStretch(1);
    controls->addWidget(new QLabel(tr("Top:"), this));
    controls->addWidget(m_top);
    controls->addWidget(exportButton);

    // Activations on top, the weight's columns below, on one channel axis; each plot's legend in
    // a row above it, where it hides no bar.
    m_plot->setObjectName(QStringLiteral("outlierPlot"));
    QCPLayoutGrid* grid = m_plot->plotLayout();
    grid->insertRow(0);
    grid->addElement(0, 0, m_plot->legend);
    grid->addElement(2, 0, m_weightLegend);
    grid->addElement(3, 0, m_weightRect);
    for (QCPLegend* legend : {m_plot->legend, m_weightLegend}) {
        legend->setFillOrder(QCPLegend::foColumnsFirst);
        legend->setBorderPen(Qt::NoPen);
        legend->setBrush(Qt::NoBrush);
        legend->setMargins(QMargins(4, 2, 4, 0));
        legend->setMinimumSize(0, 0);
    }
    grid->setRowStretchFactor(0, 0.001);
    grid->setRowStretchFactor(1, 3);
    grid->setRowStretchFactor(2, 0.001);
    grid->setRowStretchFactor(3, 2);
    grid->setRowSpacing(0);
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_weightRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_weightRect->axis(QCPAxis::atRight)->setVisible(true);
    m_weightRect->axis(QCPAxis::atRight)->setTickLabels(false);
    for (QCPAxisRect* rect : {m_plot->axisRect(), m_weightRect}) {
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setupFullAxesBox(false);
    }
    m_plot->yAxis2->setVisible(false);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_weightRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(m_weightRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::rangeChanged), m_plot->xAxis,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_plot->legend->setVisible(true);
    m_weightLegend->setLayer(QStringLiteral("legend"));
    m_plot->setMouseTracking(true);
    m_plot->setMinimumHeight(240);

    m_table->setObjectName(QStringLiteral("outlierTopTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAlternatingRowColors(true);
    m_table->setToolTip(tr("The channels with the largest statistic; click one to mark it"));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({700, 300}); // proportions: the plot first
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_headline);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_info);

    connect(m_statistic, &QComboBox::currentIndexChanged, this, &OutlierChannelView::redraw);
    connect(m_orderBox, &QComboBox::currentIndexChanged, this, &OutlierChannelView::redraw);
    connect(m_log, &QCheckBox::toggled, this, &OutlierChannelView::redraw);
    connect(m_top, &QSpinBox::valueChanged, this, &OutlierChannelView::fillTable);
    connect(exportButton, &QToolButton::clicked, this, &OutlierChannelView::exportPlot);
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showToolTip(event->pos()); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton)
            return;
        const int channel = channelAtPixel(event->pos());
        if (channel < 0)
            return;
        selectChannel(channel);
        Q_EMIT channelClicked(channel);
    });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        const int channel = m_table->item(row, 0)->data(Qt::UserRole).toInt();
        selectChannel(channel);
        Q_EMIT channelClicked(channel);
    });
    showMessage(tr("Select a layer to see its input channels."));
}

OutlierChannelView::Statistic OutlierChannelView::statistic() const
{
    return Statistic(m_statistic->currentData().toInt());
}

void OutlierChannelView::setStatistic(Statistic statistic)
{
    m_statistic->setCurrentIndex(m_statistic->findData(int(statistic)));
}

bool OutlierChannelView::isSorted() const
{
    return m_orderBox->currentData().toBool();
}

void OutlierChannelView::setSorted(bool sorted)
{
    m_orderBox->setCurrentIndex(sorted ? 1 : 0);
}

bool OutlierChannelView::isLogScale() const
{
    return m_log->isChecked();
}

void OutlierChannelView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

int OutlierChannelView::topCount() const
{
    return m_top->value();
}

const std::vector<double>& OutlierChannelView::values() const
{
    return statistic() == Statistic::MaxAbs ? m_profile->absMax : m_profile->absMean;
}

std::vector<double> OutlierChannelView::shownValues() const
{
    std::vector<double> shown;
    if (!m_profile)
        return shown;
    for (int channel : m_order)
        shown.push_back(values()[std::size_t(channel)]);
    return shown;
}

std::vector<double> OutlierChannelView::shownWeightNorms() const
{
    std::vector<double> shown;
    if (!m_profile)
        return shown;
    for (int channel : m_order)
        shown.push_back(m_profile->weightColumnNorm[std::size_t(channel)]);
    return shown;
}

int OutlierChannelView::channelAtPixel(const QPoint& pixel) const
{
    for (QCPAxisRect* rect : {m_plot->axisRect(), m_weightRect}) {
        if (rect->rect().contains(pixel))
            return channelAt(rect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()));
    }
    return -1;
}

std::vector<int> OutlierChannelView::tableChannels() const
{
    std::vector<int> channels;
    for (int row = 0; row < m_table->rowCount(); ++row)
        channels.push_back(m_table->item(row, 0)->data(Qt::UserRole).toInt());
    return channels;
}

QString OutlierChannelView::channelText(int channel) const
{
    const LayerInputProfile& p = *m_profile;
    const auto c = std::size_t(channel);
    const double medianMean = p.medianAbsMean();
    const double medianMax = p.medianAbsMax();
    QStringList parts;
    parts << tr("channel %1").arg(channel);
    parts << tr("mean |x| %1 (%2× median)")
                 .arg(number(p.absMean[c]),
                      number(medianMean > 0.0 ? p.absMean[c] / medianMean : 0.0));
    parts << tr("max |x| %1 (%2× median)")
                 .arg(number(p.absMax[c]), number(medianMax > 0.0 ? p.absMax[c] / medianMax : 0.0));
    parts << tr("‖W[:, %1]‖₂ %2").arg(channel).arg(number(p.weightColumnNorm[c]));
    parts << tr("max |w| %1").arg(number(p.weightColumnMaxAbs[c]));
    if (!p.inputScale.empty())
        parts << tr("%1 = %2").arg(LayerInputProfileText::scaleName(p), number(p.inputScale[c]));
    return parts.join(QLatin1Char('\n'));
}

void OutlierChannelView::fillTable()
{
    m_table->clear();
    m_table->setRowCount(0);
    const bool scaled = m_profile && !m_profile->inputScale.empty();
    QStringList headers{tr("Channel"),  tr("Mean |x|"), tr("Max |x|"),
                        tr("× median"), tr("‖W col‖₂"), tr("Max |w|")};
    if (scaled)
        headers << tr("Scale s");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    if (!m_profile)
        return;
    const bool byMax = statistic() == Statistic::MaxAbs;
    const double median = byMax ? m_profile->medianAbsMax() : m_profile->medianAbsMean();
    const std::vector<int> top = m_profile->topChannels(topCount(), byMax);
    m_table->setRowCount(int(top.size()));
    m_table->horizontalHeaderItem(3)->setToolTip(
        byMax ? tr("Max |x| divided by the median over channels of max |x|")
              : tr("Mean |x| divided by the median over channels of mean |x|"));
    for (int row = 0; row < int(top.size()); ++row) {
        const auto c = std::size_t(top[std::size_t(row)]);
        const double value = byMax ? m_profile->absMax[c] : m_profile->absMean[c];
        const std::vector<double> cells{double(c),
                                        m_profile->absMean[c],
                                        m_profile->absMax[c],
                                        median > 0.0 ? value / median : 0.0,
                                        m_profile->weightColumnNorm[c],
                                        m_profile->weightColumnMaxAbs[c],
                                        scaled ? m_profile->inputScale[c] : 0.0};
        for (int column = 0; column < m_table->columnCount(); ++column) {
            auto* item = new QTableWidgetItem(
                column == 0 ? QLocale().toString(int(c))
                            : QLocale().toString(cells[std::size_t(column)], 'g', 3));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setData(Qt::UserRole, int(c));
            m_table->setItem(row, column, item);
        }
        if (int(c) == m_selectedChannel)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    // Wide enough for every column (no horizontal scrolling); the plot takes the rest.
    const int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width()
                      + m_table->horizontalHeader()->length() + 2;
    m_table->setMinimumWidth(std::min(width, 560));
}

void OutlierChannelView::redraw()
{
    m_weightLegend->clearItems(); // before its plottables go
    m_plot->clearPlottables();
    m_plot->clearItems();
    setShownChannels({});
    QCPAxis* channelAxis = m_plot->xAxis;
    QCPAxis* valueAxis = m_plot->yAxis;
    QCPAxis* scaleAxis = m_plot->yAxis2;
    QCPAxis* weightChannelAxis = m_weightRect->axis(QCPAxis::atBottom);
    QCPAxis* weightAxis = m_weightRect->axis(QCPAxis::atLeft);
    const bool log = isLogScale();
    setLog(valueAxis, log);
    // The weight's columns stay linear: their norms rarely span decades, and a log axis over
    // less than one decade reads badly.
    setLog(weightAxis, false);
    const bool byMax = statistic() == Statistic::MaxAbs;
    valueAxis->setLabel(byMax ? tr("max |x| (input units)") : tr("mean |x| (input units)"));
    weightAxis->setLabel(tr("|w| (weight units)"));
    const bool sorted = isSorted();
    weightChannelAxis->setLabel(sorted ? tr("Rank of the input channel, largest %1 first")
                                             .arg(byMax ? tr("max |x|") : tr("mean |x|"))
                                       : tr("Input channel"));
    channelAxis->setLabel(QString());

    if (!m_profile) {
        m_headline->setText(m_message);
        m_info->clear();
        scaleAxis->setVisible(false);
        channelAxis->setRange(0, 1);
        valueAxis->setRange(log ? QCPRange(1e-3, 1.0) : QCPRange(0.0, 1.0));
        weightAxis->setRange(0.0, 1.0);
        fillTable();
        m_plot->replot();
        return;
    }

    const LayerInputProfile& p = *m_profile;
    const int n = p.channels();
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    const std::vector<double>& shown = values();
    if (sorted)
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return shown[std::size_t(a)] > shown[std::size_t(b)];
        });
    setShownChannels(std::move(order));

    const double activationFloor = valueRange(shown, true).lower;
    auto addBars = [&](QCPAxis* key, QCPAxis* value, const std::vector<double>& data,
                       const QColor& colour, const QString& name, double floor) {
        auto* bars = new QCPBars(key, value);
        bars->setName(name);
        bars->setWidth(n > 400 ? 1.0 : 0.8);
        bars->setPen(n > 400 ? QPen(colour) : QPen(colour.darker(130)));
        bars->setBrush(colour);
        bars->setBaseValue(log ? floor : 0.0);
        QVector<double> keys, values;
        keys.reserve(n);
        values.reserve(n);
        for (int i = 0; i < n; ++i) {
            keys << i;
            values << data[std::size_t(m_order[std::size_t(i)])];
        }
        bars->setData(keys, values, true);
        return bars;
    };
    addBars(channelAxis, valueAxis, shown, kActivationColour,
            byMax ? tr("max |x| per input channel") : tr("mean |x| per input channel"),
            activationFloor);
    // The median, the yardstick of "outlier".
    const double median = byMax ? p.medianAbsMax() : p.medianAbsMean();
    auto* medianLine = new QCPItemStraightLine(m_plot);
    medianLine->point1->setCoords(0, median);
    medianLine->point2->setCoords(1, median);
    medianLine->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
    auto* medianText = new QCPItemText(m_plot);
    medianText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    medianText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    medianText->position->setCoords(0.005, median);
    medianText->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    medianText->setText(tr("median %1").arg(number(median)));
    medianText->setColor(QColor(0x33, 0x33, 0x33));
    medianText->setBrush(QColor(255, 255, 255, 210));
    medianText->setPadding(QMargins(3, 1, 3, 1));
    // Above the bars (the "axes" layer is drawn after the plottables' "main").
    medianLine->setLayer(QStringLiteral("axes"));
    medianText->setLayer(QStringLiteral("axes"));

    // The AWQ scales or SmoothQuant factors, on the right-hand axis.
    const bool scaled = !p.inputScale.empty();
    scaleAxis->setVisible(scaled);
    if (scaled) {
        auto* graph = m_plot->addGraph(channelAxis, scaleAxis);
        graph->setName(LayerInputProfileText::scaleName(p));
        graph->setPen(QPen(kScaleColour, 1.5));
        graph->setLineStyle(n > 200 ? QCPGraph::lsLine : QCPGraph::lsNone);
        graph->setScatterStyle(n > 200 ? QCPScatterStyle(QCPScatterStyle::ssNone)
                                       : QCPScatterStyle(QCPScatterStyle::ssDiamond, 6));
        QVector<double> keys, values;
        for (int i = 0; i < n; ++i) {
            keys << i;
            values << p.inputScale[std::size_t(m_order[std::size_t(i)])];
        }
        graph->setData(keys, values, true);
        scaleAxis->setLabel(tr("%1 (no unit; x ÷ s)").arg(LayerInputProfileText::scaleName(p)));
        setLog(scaleAxis, log);
        scaleAxis->setRange(valueRange(p.inputScale, log));
        scaleAxis->setTickLabels(true);
    }

    // The weight's columns below.
    addBars(weightChannelAxis, weightAxis, p.weightColumnNorm, kWeightColour,
            tr("‖W[:, j]‖₂ (column L2 norm)"), 0.0);
    auto* maxGraph = m_plot->addGraph(weightChannelAxis, weightAxis);
    maxGraph->setName(tr("max |W[:, j]|"));
    maxGraph->setLineStyle(QCPGraph::lsNone);
    maxGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, kWeightMaxColour, n > 400 ? 2.5 : 5.0));
    {
        QVector<double> keys, values;
        for (int i = 0; i < n; ++i) {
            keys << i;
            values << p.weightColumnMaxAbs[std::size_t(m_order[std::size_t(i)])];
        }
        maxGraph->setData(keys, values, true);
    }
    // The plot's legend gets every plottable; the weight ones move to the lower legend.
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = m_plot->plottable(i);
        if (plottable->keyAxis() == weightChannelAxis) {
            plottable->removeFromLegend(m_plot->legend);
            plottable->addToLegend(m_weightLegend);
        }
    }
    m_weightLegend->setVisible(true);
    m_plot->legend->setVisible(true);

    // The selected channel: its bars again, in the highlight colour.
    if (m_selectedChannel >= 0) {
        const int x = m_positionOf[std::size_t(m_selectedChannel)];
        const auto c = std::size_t(m_selectedChannel);
        for (auto [key, value, v] :
             {std::tuple{channelAxis, valueAxis, shown[c]},
              std::tuple{weightChannelAxis, weightAxis, p.weightColumnNorm[c]}}) {
            auto* mark = new QCPBars(key, value);
            mark->setWidth(std::max(0.8, n / 300.0));
            mark->setPen(QPen(kSelectedColour.darker(140)));
            mark->setBrush(kSelectedColour);
            mark->setBaseValue(log ? (value == valueAxis
                                          ? activationFloor
                                          : valueRange(p.weightColumnMaxAbs, true).lower)
                                   : 0.0);
            mark->addData(x, v);
            mark->removeFromLegend();
        }
    }

    channelAxis->setRange(-0.7, n - 0.3);
    valueAxis->setRange(valueRange(shown, log));
    setTickFormat(valueAxis);
    if (scaled)
        setTickFormat(scaleAxis);
    std::vector<double> weights = p.weightColumnNorm;
    weights.insert(weights.end(), p.weightColumnMaxAbs.begin(), p.weightColumnMaxAbs.end());
    weightAxis->setRange(valueRange(weights, false));

    m_headline->setText(LayerInputProfileText::headline(p));
    m_info->setText(
        m_selectedChannel >= 0
            ? channelText(m_selectedChannel).replace(QLatin1Char('\n'), QStringLiteral(" · "))
            : tr("Click a bar or a table row for a channel's values; drag and scroll "
                 "to pan and zoom the channel axis."));
    fillTable();
    m_plot->replot();
}

void OutlierChannelView::showToolTip(const QPoint& pixel)
{
    const int channel = m_profile ? channelAtPixel(pixel) : -1;
    if (channel < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(m_plot->mapToGlobal(pixel), channelText(channel), m_plot);
}

void OutlierChannelView::exportPlot()
{
    const QString problem = exportPlotInteractively(m_plot, this);
    if (!problem.isEmpty())
        m_info->setText(problem);
}

} // namespace qb
