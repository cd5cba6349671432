#include "views/hessian_view.h"

#include "views/layer_input_profile_text.h"
#include "views/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
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

const QColor kDiagonalColour(0x1f, 0x77, 0xb4);
const QColor kDeadColour(0xd6, 0x27, 0x28);
const QColor kDampingColour(0x2c, 0xa0, 0x2c);
const QColor kSelectedColour(0xff, 0xaa, 0x00);

QString number(double value)
{
    return QLocale().toString(value, 'g', 5);
}

double meanOf(const std::vector<double>& values)
{
    return values.empty()
               ? 0.0
               : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

} // namespace

HessianView::HessianView(QWidget* parent)
    : ChannelProfileView(parent)
    , m_plot(new QCustomPlot(this))
    , m_orderBox(new QComboBox(this))
    , m_log(new QCheckBox(tr("Log scale"), this))
    , m_headline(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_info(new QLabel(this))
{
    m_orderBox->setObjectName(QStringLiteral("hessianOrder"));
    m_orderBox->addItem(tr("Channel order"), false);
    m_orderBox->addItem(tr("Act-order (GPTQ's column order)"), true);
    m_orderBox->setToolTip(tr("Act-order: the channels by descending diag(H), the order GPTQ "
                              "quantizes the weight's columns in with act-order on"));
    m_log->setObjectName(QStringLiteral("hessianLog"));
    m_log->setChecked(true);
    m_log->setToolTip(tr("Logarithmic value axis: the diagonal spans orders of magnitude"));
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    m_headline->setObjectName(QStringLiteral("hessianHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("hessianSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setObjectName(QStringLiteral("hessianInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Order:"), this));
    controls->addWidget(m_orderBox);
    controls->addSpacing(8);
    controls->addWidget(m_log);
    controls->addStretch(1);
    controls->addWidget(exportButton);

    m_plot->setObjectName(QStringLiteral("hessianPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setupFullAxesBox(false);
    m_plot->xAxis2->setTickLabels(false);
    m_plot->yAxis2->setTickLabels(false);
    // The legend in a row above the plot, where it hides no bar.
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 0));
    m_plot->legend->setVisible(true);
    m_plot->setMouseTracking(true);
    m_plot->setMinimumHeight(220);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_headline);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_info);

    connect(m_orderBox, &QComboBox::currentIndexChanged, this, &HessianView::redraw);
    connect(m_log, &QCheckBox::toggled, this, &HessianView::redraw);
    connect(exportButton, &QToolButton::clicked, this, &HessianView::exportPlot);
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showToolTip(event->pos()); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton || !m_plot->axisRect()->rect().contains(event->pos()))
            return;
        const int channel = channelAt(m_plot->xAxis->pixelToCoord(event->pos().x()));
        if (channel < 0)
            return;
        selectChannel(channel);
        Q_EMIT channelClicked(channel);
    });
    showMessage(tr("Select a layer to see its Hessian diagonal."));
}

bool HessianView::isActOrder() const
{
    return m_orderBox->currentData().toBool();
}

void HessianView::setActOrder(bool on)
{
    m_orderBox->setCurrentIndex(on ? 1 : 0);
}

bool HessianView::isLogScale() const
{
    return m_log->isChecked();
}

void HessianView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

std::vector<double> HessianView::shownValues() const
{
    std::vector<double> shown;
    if (!m_profile)
        return shown;
    for (int channel : m_order)
        shown.push_back(m_profile->hessianDiagonal[std::size_t(channel)]);
    return shown;
}

std::vector<double> HessianView::deadMarkerPositions() const
{
    std::vector<double> positions;
    if (!m_profile)
        return positions;
    for (int channel : m_profile->deadChannels)
        positions.push_back(m_positionOf[std::size_t(channel)]);
    std::sort(positions.begin(), positions.end());
    return positions;
}

QString HessianView::summary() const
{
    return m_summary->text();
}

QString HessianView::channelText(int channel) const
{
    const LayerInputProfile& p = *m_profile;
    const auto c = std::size_t(channel);
    const auto rank = std::find(p.actOrder.begin(), p.actOrder.end(), channel) - p.actOrder.begin();
    const double mean = meanOf(p.hessianDiagonal);
    QStringList lines;
    lines << tr("channel %1").arg(channel);
    lines << tr("diag(XᵀX) = Σ x² = %1 (%2× the mean diagonal)")
                 .arg(number(p.hessianDiagonal[c]),
                      number(mean > 0.0 ? p.hessianDiagonal[c] / mean : 0.0));
    lines << tr("act-order position %1 of %2").arg(rank).arg(p.channels());
    lines << tr("mean x² %1 · mean |x| %2")
                 .arg(number(p.rows > 0 ? p.hessianDiagonal[c] / double(p.rows) : 0.0),
                      number(p.absMean[c]));
    if (p.hessianDiagonal[c] == 0.0)
        lines << tr("dead: never non-zero in calibration (GPTQ zeroes its weight column)");
    return lines.join(QLatin1Char('\n'));
}

void HessianView::redraw()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    setShownChannels({});
    const bool log = isLogScale();
    const bool actOrder = isActOrder();
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->yAxis->setNumberPrecision(3);
    m_plot->yAxis->setLabel(tr("diag(XᵀX) = Σ x² (input units²)"));
    m_plot->xAxis->setLabel(actOrder
                                ? tr("Position in GPTQ's act-order (descending diag(H); channel in "
                                     "the tooltip)")
                                : tr("Input channel"));

    if (!m_profile) {
        m_headline->setText(m_message);
        m_summary->clear();
        m_info->clear();
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(log ? QCPRange(1e-3, 1.0) : QCPRange(0.0, 1.0));
        m_plot->replot();
        return;
    }
    const LayerInputProfile& p = *m_profile;
    const int n = p.channels();
    if (actOrder && int(p.actOrder.size()) == n) {
        setShownChannels(p.actOrder);
    } else {
        std::vector<int> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        setShownChannels(std::move(order));
    }

    // The value range: log from below the smallest positive diagonal.
    double low = std::numeric_limits<double>::infinity();
    double high = 0.0;
    for (double v : p.hessianDiagonal) {
        high = std::max(high, v);
        if (v > 0.0)
            low = std::min(low, v);
    }
    if (!(high > 0.0)) {
        low = 1e-3;
        high = 1.0;
    }
    // The damping GPTQ adds to every diagonal entry (the run's, else the plan's): channels below
    // it are dominated by it. Kept inside the axis range.
    const double mean = meanOf(p.hessianDiagonal);
    const bool gptqRan = p.quantizedWith == QuantMethod::Gptq && !p.fellBackToRtn;
    const double damp = gptqRan ? p.dampingUsed : p.config.damp;
    const double dampingLevel = damp * mean;
    if (dampingLevel > 0.0)
        low = std::min(low, dampingLevel);
    const QCPRange range = log ? QCPRange(low / 3.0, high * 1.6) : QCPRange(0.0, high * 1.06);
    const double floor = log ? range.lower : 0.0;

    auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(tr("diag(XᵀX) per input channel"));
    bars->setWidth(n > 400 ? 1.0 : 0.8);
    bars->setPen(n > 400 ? QPen(kDiagonalColour) : QPen(kDiagonalColour.darker(130)));
    bars->setBrush(kDiagonalColour);
    bars->setBaseValue(floor);
    QVector<double> keys, values;
    for (int i = 0; i < n; ++i) {
        const double v = p.hessianDiagonal[std::size_t(m_order[std::size_t(i)])];
        if (log && v <= 0.0)
            continue;
        keys << i;
        values << v;
    }
    bars->setData(keys, values, true);

    if (dampingLevel > 0.0) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, damp * mean);
        line->point2->setCoords(1, damp * mean);
        line->setPen(QPen(kDampingColour, 1.5, Qt::DashLine));
        auto* label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        label->position->setTypeY(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(0.995, damp * mean);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        // Above the bars (the "axes" layer is drawn after the plottables' "main").
        line->setLayer(QStringLiteral("axes"));
        label->setLayer(QStringLiteral("axes"));
        label->setColor(kDampingColour.darker(150));
        label->setBrush(QColor(255, 255, 255, 210));
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setText(tr("damping %1 × mean diag = %2").arg(number(damp), number(damp * mean)));
    }

    // Dead channels: red crosses on the axis.
    if (!p.deadChannels.empty()) {
        auto* dead = m_plot->addGraph();
        dead->setName(tr("dead channel (Σ x² = 0)"));
        dead->setLineStyle(QCPGraph::lsNone);
        dead->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kDeadColour, 2), QBrush(), 10));
        const double at = log ? range.lower * 1.4 : high * 0.02;
        QVector<double> deadKeys, deadValues;
        for (int channel : p.deadChannels) {
            deadKeys << m_positionOf[std::size_t(channel)];
            deadValues << at;
        }
        dead->setData(deadKeys, deadValues);
    }

    if (m_selectedChannel >= 0) {
        auto* mark = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        mark->setWidth(std::max(0.8, n / 300.0));
        mark->setPen(QPen(kSelectedColour.darker(140)));
        mark->setBrush(kSelectedColour);
        mark->setBaseValue(floor);
        const double v = p.hessianDiagonal[std::size_t(m_selectedChannel)];
        mark->addData(m_positionOf[std::size_t(m_selectedChannel)],
                      log && v <= 0.0 ? range.lower : v);
        mark->removeFromLegend();
    }
    m_plot->xAxis->setRange(-0.7, n - 0.3);
    m_plot->yAxis->setRange(range);
    // Powers of ten when the axis spans two decades or more, plain numbers otherwise.
    const bool decades = log && range.upper / range.lower >= 100.0;
    m_plot->yAxis->setNumberFormat(decades ? QStringLiteral("eb") : QStringLiteral("gb"));
    m_plot->yAxis->setNumberPrecision(decades ? 0 : 3);

    // The summary line.
    const QLocale locale;
    QStringList parts;
    if (gptqRan) {
        QString used = tr("Damping used: %1 × mean diag").arg(number(p.dampingUsed));
        if (p.dampingRaises > 0)
            used +=
                QLatin1Char(' ')
                + tr("(raised ten-fold %n time(s) to make H invertible)", nullptr, p.dampingRaises);
        parts << used;
    } else if (p.quantizedWith == QuantMethod::Gptq) {
        parts << tr("GPTQ fell back to RTN: H was not invertible even with raised damping");
    } else {
        parts << tr("Damping used: none (not quantized with GPTQ)");
    }
    parts << tr("percdamp (plan): %1").arg(number(p.config.damp));
    QStringList second;
    if (p.conditionEstimate > 0.0)
        second << tr("condition estimate λmax/λmin ≈ %1 (of H + %2 × mean diag)")
                      .arg(locale.toString(p.conditionEstimate, 'g', 3), number(p.conditionDamp));
    else
        second << tr("condition estimate: not known (the run kept no XᵀX for this layer)");
    second << tr("dead channels: %1 of %2").arg(p.deadChannels.size()).arg(n);
    m_headline->setText(LayerInputProfileText::headline(p));
    m_summary->setText(parts.join(QStringLiteral(" · ")) + QLatin1Char('\n')
                       + second.join(QStringLiteral(" · ")));
    m_info->setText(
        m_selectedChannel >= 0
            ? channelText(m_selectedChannel).replace(QLatin1Char('\n'), QStringLiteral(" · "))
            : tr("Click a bar for a channel's values; drag and scroll to pan and zoom "
                 "the channel axis."));
    m_plot->replot();
}

void HessianView::showToolTip(const QPoint& pixel)
{
    const int channel = m_profile && m_plot->axisRect()->rect().contains(pixel)
                            ? channelAt(m_plot->xAxis->pixelToCoord(pixel.x()))
                            : -1;
    if (channel < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(m_plot->mapToGlobal(pixel), channelText(channel), m_plot);
}

void HessianView::exportPlot()
{
    const QString problem = exportPlotInteractively(m_plot, this);
    if (!problem.isEmpty())
        m_info->setText(problem);
}

} // namespace qb
