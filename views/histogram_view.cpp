#include "views/histogram_view.h"

#include "views/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

const QColor kBarColor(0x3C, 0x78, 0xB4);
const QColor kBeforeColor(0x3C, 0x78, 0xB4, 110);
const QColor kAfterColor(0xC8, 0x3C, 0x3C, 170);
const QColor kErrorColor(0x6A, 0x4C, 0x9C);
const QColor kGridColor(0xE0, 0x7B, 0x00);
const QColor kClippedColor(0xD0, 0x30, 0x30, 40);

// Grids with more levels than this draw only every n-th level (and the top one), so an 8-bit grid
// over a narrow range does not turn into a solid block.
constexpr int kMaxDrawnLevels = 64;

} // namespace

HistogramView::HistogramView(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_scope(new QComboBox(this))
    , m_display(new QComboBox(this))
    , m_row(new QSpinBox(this))
    , m_group(new QSpinBox(this))
    , m_bins(new QSpinBox(this))
    , m_log(new QCheckBox(tr("Log scale"), this))
    , m_info(new QLabel(this))
{
    m_plot->setObjectName(QStringLiteral("histogramPlot"));
    m_scope->setObjectName(QStringLiteral("histogramScope"));
    m_display->setObjectName(QStringLiteral("histogramDisplay"));
    m_row->setObjectName(QStringLiteral("histogramRow"));
    m_group->setObjectName(QStringLiteral("histogramGroup"));
    m_bins->setObjectName(QStringLiteral("histogramBins"));
    m_log->setObjectName(QStringLiteral("histogramLogScale"));
    m_info->setObjectName(QStringLiteral("histogramInfo"));

    m_scope->addItem(tr("Whole layer"), static_cast<int>(HistogramScope::Layer));
    m_scope->addItem(tr("Chosen row"), static_cast<int>(HistogramScope::Row));
    m_scope->addItem(tr("Chosen group"), static_cast<int>(HistogramScope::Group));
    m_scope->setToolTip(tr("Which weights the histogram counts"));
    m_display->addItem(tr("Weights and grid"), static_cast<int>(Display::Weights));
    m_display->addItem(tr("Before and after"), static_cast<int>(Display::BeforeAfter));
    m_display->addItem(tr("Rounding error"), static_cast<int>(Display::Error));
    m_display->setToolTip(
        tr("Weights with the quantization grid; the weights before and after quantization "
           "overlaid (the last run's result when it quantized this layer as planned, else "
           "round-to-nearest on the plan's grid); or the histogram of the error ŵ − w"));
    m_row->setToolTip(tr("Output row whose quantization grid is drawn"));
    m_group->setToolTip(tr("Group (run of input columns) of that row whose grid is drawn"));
    // Typed numbers ask for one snapshot on Enter or focus-out, not one per keystroke; arrows
    // and the wheel still ask at once.
    m_row->setKeyboardTracking(false);
    m_group->setKeyboardTracking(false);
    m_bins->setKeyboardTracking(false);
    m_bins->setRange(16, 1024);
    m_bins->setValue(128);
    m_bins->setToolTip(tr("Number of histogram bins"));
    m_log->setIcon(QIcon(QStringLiteral(":/icons/log-scale.svg")));
    m_log->setToolTip(tr("Logarithmic count axis: shows the sparse tails where outliers live"));
    auto* reset = new QToolButton(this);
    reset->setText(tr("Reset zoom"));
    reset->setToolTip(tr("Show the whole histogram again (also: double-click the plot)"));
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));

    // Two short rows keep the panel narrow enough to leave the layer table its width.
    auto* chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Show:"), this));
    chooser->addWidget(m_scope);
    chooser->addSpacing(8);
    chooser->addWidget(new QLabel(tr("Row:"), this));
    chooser->addWidget(m_row);
    chooser->addWidget(new QLabel(tr("Group:"), this));
    chooser->addWidget(m_group);
    chooser->addStretch(1);
    auto* displayRow = new QHBoxLayout;
    displayRow->addWidget(m_display);
    displayRow->addSpacing(8);
    displayRow->addWidget(new QLabel(tr("Bins:"), this));
    displayRow->addWidget(m_bins);
    displayRow->addSpacing(8);
    displayRow->addWidget(m_log);
    displayRow->addStretch(1);
    displayRow->addWidget(reset);
    displayRow->addWidget(exportButton);

    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(chooser);
    layout->addLayout(displayRow);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_info);

    m_plot->setMinimumSize(320, 220);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setLabel(tr("Weight value"));
    m_plot->yAxis->setLabel(tr("Weights per bin"));
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("Weights"));
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(kBarColor);
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_afterBars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_afterBars->setName(tr("After quantization"));
    m_afterBars->setPen(Qt::NoPen);
    m_afterBars->setBrush(kAfterColor);
    m_afterBars->setWidthType(QCPBars::wtPlotCoords);
    m_plot->legend->setVisible(false);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        Q_EMIT requestChanged();
    });
    connect(m_row, &QSpinBox::valueChanged, this, &HistogramView::requestChanged);
    connect(m_group, &QSpinBox::valueChanged, this, &HistogramView::requestChanged);
    connect(m_bins, &QSpinBox::valueChanged, this, &HistogramView::requestChanged);
    connect(m_log, &QCheckBox::toggled, this, [this](bool on) {
        redraw();
        Q_EMIT logScaleChanged(on);
    });
    connect(m_display, &QComboBox::currentIndexChanged, this, [this] {
        redraw();
        resetRanges();
        Q_EMIT displayChanged(display());
    });
    connect(reset, &QToolButton::clicked, this, &HistogramView::resetRanges);
    connect(exportButton, &QToolButton::clicked, this, [this] {
        const QString problem = exportPlotInteractively(m_plot, this);
        if (!problem.isEmpty())
            m_info->setText(problem);
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &HistogramView::resetRanges);
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showToolTip(event->pos()); });
    updateControls();
    showMessage(tr("Select a layer to see its weights."));
}

HistogramScope HistogramView::scope() const
{
    return static_cast<HistogramScope>(m_scope->currentData().toInt());
}

std::int64_t HistogramView::row() const
{
    return m_row->value();
}
std::int64_t HistogramView::group() const
{
    return m_group->value();
}
int HistogramView::bins() const
{
    return m_bins->value();
}
bool HistogramView::isLogScale() const
{
    return m_log->isChecked();
}

HistogramView::Display HistogramView::display() const
{
    return static_cast<Display>(m_display->currentData().toInt());
}

void HistogramView::setDisplay(Display display)
{
    m_display->setCurrentIndex(m_display->findData(static_cast<int>(display)));
}

void HistogramView::setBins(int bins)
{
    m_bins->setValue(bins);
}

void HistogramView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

void HistogramView::updateControls()
{
    // The row and group choose the drawn grid in every scope; the scope only says what is counted.
    const bool hasGrid = m_snapshot && m_snapshot->hasGrid;
    m_group->setEnabled(hasGrid || scope() == HistogramScope::Group);
}

void HistogramView::setSnapshot(std::shared_ptr<const WeightHistogram> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_message.clear();
    if (m_snapshot) {
        // Fit the spin boxes to the layer without asking for yet another snapshot.
        const QSignalBlocker blockRow(m_row);
        const QSignalBlocker blockGroup(m_group);
        const QuantScheme& scheme = m_snapshot->request.config.scheme;
        const bool grouped = m_snapshot->request.config.method != QuantMethod::None;
        const std::int64_t groups = grouped ? scheme.groupsPerRow(m_snapshot->cols) : 1;
        m_row->setRange(0, static_cast<int>(std::max<std::int64_t>(m_snapshot->rows - 1, 0)));
        m_group->setRange(0, static_cast<int>(std::max<std::int64_t>(groups - 1, 0)));
        m_row->setValue(static_cast<int>(m_snapshot->request.row));
        m_group->setValue(static_cast<int>(m_snapshot->request.group));
    }
    updateControls();
    redraw();
    resetRanges();
}

void HistogramView::showMessage(const QString& message)
{
    m_snapshot.reset();
    m_message = message;
    updateControls();
    redraw();
}

void HistogramView::redraw()
{
    m_plot->clearItems();
    if (!m_snapshot) {
        // Nothing to draw but the message, if any; it survives redraws (the log-scale toggle).
        m_bars->data()->clear();
        m_afterBars->data()->clear();
        m_plot->legend->setVisible(false);
        m_info->clear();
        if (!m_message.isEmpty()) {
            auto* text = new QCPItemText(m_plot);
            text->position->setType(QCPItemPosition::ptAxisRectRatio);
            text->position->setCoords(0.5, 0.5);
            text->setText(m_message);
            text->setColor(palette().color(QPalette::PlaceholderText));
        }
        m_plot->replot();
        return;
    }
    const WeightHistogram& h = *m_snapshot;
    const bool log = isLogScale();
    const bool hasAfter = h.afterSource != WeightHistogram::AfterSource::None;
    const Display shown = hasAfter ? display() : Display::Weights;
    auto setBars = [](QCPBars* bars, const std::vector<double>& counts, double from, double width) {
        QVector<double> keys;
        QVector<double> values;
        keys.reserve(static_cast<qsizetype>(counts.size()));
        values.reserve(static_cast<qsizetype>(counts.size()));
        for (std::size_t i = 0; i < counts.size(); ++i) {
            keys << from + (static_cast<double>(i) + 0.5) * width;
            values << counts[i];
        }
        bars->setData(keys, values, true);
        bars->setWidth(width);
    };
    if (shown == Display::Error) {
        setBars(m_bars, h.errorCounts, h.errorLo, h.errorBinWidth());
        m_bars->setBrush(kErrorColor);
        m_bars->setName(tr("Rounding error"));
        m_afterBars->data()->clear();
        m_plot->xAxis->setLabel(tr("Rounding error ŵ − w (weight units)"));
    } else {
        setBars(m_bars, h.counts, h.lo, h.binWidth());
        m_bars->setBrush(shown == Display::BeforeAfter ? kBeforeColor : kBarColor);
        m_bars->setName(shown == Display::BeforeAfter ? tr("Before quantization") : tr("Weights"));
        if (shown == Display::BeforeAfter) {
            setBars(m_afterBars, h.afterCounts, h.lo, h.binWidth());
            m_afterBars->setName(h.afterSource == WeightHistogram::AfterSource::Run
                                     ? tr("After (%1, last run)").arg(h.runConfig)
                                     : tr("After (round-to-nearest on the plan's grid)"));
        } else {
            m_afterBars->data()->clear();
        }
        m_plot->xAxis->setLabel(tr("Weight value"));
    }
    m_plot->legend->setVisible(shown == Display::BeforeAfter);
    m_bars->setVisible(true);
    m_afterBars->setVisible(shown == Display::BeforeAfter);
    m_bars->setBaseValue(log ? 0.5 : 0.0);
    m_afterBars->setBaseValue(log ? 0.5 : 0.0);
    if (log) {
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setScaleType(QCPAxis::stLinear);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }

    if (shown != Display::Error && h.hasGrid && !h.gridLevels.empty()) {
        const double gridLo = h.gridLevels.front();
        const double gridHi = h.gridLevels.back();
        const double margin = (h.hi - h.lo) + std::abs(gridHi - gridLo);
        // Shade what the chosen group's grid cannot represent.
        auto shade = [&](double from, double to) {
            auto* rect = new QCPItemRect(m_plot);
            rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
            rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
            rect->topLeft->setCoords(from, 0.0);
            rect->bottomRight->setCoords(to, 1.0);
            rect->setPen(Qt::NoPen);
            rect->setBrush(kClippedColor);
            rect->setSelectable(false);
        };
        // Only where every counted weight shares the drawn grid does "outside" mean "clipped";
        // over a whole layer or a grouped row other groups have grids of their own.
        const QuantScheme& scheme = h.request.config.scheme;
        const bool oneGridForScope =
            h.request.scope == HistogramScope::Group || scheme.granularity == Granularity::PerTensor
            || (h.request.scope == HistogramScope::Row && scheme.groupsPerRow(h.cols) == 1);
        if (oneGridForScope) {
            shade(std::min(h.lo, gridLo) - margin, gridLo);
            shade(gridHi, std::max(h.hi, gridHi) + margin);
        }
        const int levels = static_cast<int>(h.gridLevels.size());
        const int step = std::max(1, (levels + kMaxDrawnLevels - 1) / kMaxDrawnLevels);
        QPen pen(kGridColor);
        pen.setWidthF(1.0);
        auto drawLevel = [&](int i) {
            auto* line = new QCPItemStraightLine(m_plot);
            line->point1->setCoords(h.gridLevels[static_cast<std::size_t>(i)], 0.0);
            line->point2->setCoords(h.gridLevels[static_cast<std::size_t>(i)], 1.0);
            line->setPen(pen);
            line->setSelectable(false);
        };
        for (int i = 0; i < levels; i += step)
            drawLevel(i);
        // The top level always shows, thinned or not: the clipped range starts there.
        if ((levels - 1) % step != 0)
            drawLevel(levels - 1);
    }
    m_info->setText(infoText());
    m_plot->replot();
}

void HistogramView::resetRanges()
{
    if (!m_snapshot)
        return;
    const WeightHistogram& h = *m_snapshot;
    const bool showError =
        display() == Display::Error && h.afterSource != WeightHistogram::AfterSource::None;
    double lo = showError ? h.errorLo : h.lo;
    double hi = showError ? h.errorHi : h.hi;
    if (!showError && h.hasGrid && !h.gridLevels.empty()) {
        lo = std::min(lo, h.gridLevels.front());
        hi = std::max(hi, h.gridLevels.back());
    }
    const double pad = (hi - lo) * 0.03;
    m_plot->xAxis->setRange(lo - pad, hi + pad);
    const std::vector<double>& counts = showError ? h.errorCounts : h.counts;
    double peak = counts.empty() ? 1.0 : *std::max_element(counts.begin(), counts.end());
    if (display() == Display::BeforeAfter && !h.afterCounts.empty())
        peak = std::max(peak, *std::max_element(h.afterCounts.begin(), h.afterCounts.end()));
    if (isLogScale())
        m_plot->yAxis->setRange(0.5, std::max(peak, 1.0) * 2.0);
    else
        m_plot->yAxis->setRange(0.0, std::max(peak, 1.0) * 1.05);
    m_plot->replot();
}

QString HistogramView::infoText() const
{
    if (!m_snapshot)
        return {};
    const WeightHistogram& h = *m_snapshot;
    const QLocale locale;
    QStringList parts;
    parts << tr("%1 weights in [%2, %3]")
                 .arg(locale.toString(static_cast<qlonglong>(h.total)))
                 .arg(locale.toString(h.minValue, 'g', 5), locale.toString(h.maxValue, 'g', 5));
    if (h.nonFinite > 0)
        parts << tr("%n NaN/Inf not counted", nullptr, static_cast<int>(h.nonFinite));
    const LayerQuantConfig& config = h.request.config;
    if (config.method == QuantMethod::None) {
        parts << tr("kept in full precision: no grid");
    } else if (h.hasGrid) {
        parts << tr("%1; grid of row %2, group %3 (columns %4–%5): scale %6, zero point %7")
                     .arg(config.scheme.describe())
                     .arg(h.request.row)
                     .arg(h.request.group)
                     .arg(h.groupFirstColumn)
                     .arg(h.groupFirstColumn + h.groupColumns - 1)
                     .arg(locale.toString(h.grid.scale, 'g', 5),
                          locale.toString(h.grid.zero, 'f', 0));
        parts << tr("clipped: %1 % (%2 weights)")
                     .arg(locale.toString(h.clippedFraction() * 100.0, 'f', 3))
                     .arg(locale.toString(static_cast<qlonglong>(h.clipped)));
    } else if (h.scaledColumns) {
        parts << tr("%1 (last run): the input channels were scaled before rounding, so each "
                    "column has its own grid in the original space")
                     .arg(h.runConfig);
    }
    if (h.afterSource != WeightHistogram::AfterSource::None)
        parts << tr("rounding error: RMS %1, largest %2 (%3)")
                     .arg(locale.toString(std::sqrt(h.errorMse), 'g', 4),
                          locale.toString(h.errorMaxAbs, 'g', 4),
                          h.afterSource == WeightHistogram::AfterSource::Run
                              ? tr("the last run's weights")
                              : tr("round-to-nearest on the plan's grid"));
    return parts.join(QStringLiteral(" · "));
}

void HistogramView::showToolTip(const QPoint& position)
{
    if (!m_snapshot || m_snapshot->counts.empty())
        return;
    const WeightHistogram& h = *m_snapshot;
    const double x = m_plot->xAxis->pixelToCoord(position.x());
    QString text;
    // A grid level within 3 pixels takes precedence over the bar beneath it.
    if (h.hasGrid && display() != Display::Error) {
        for (std::size_t code = 0; code < h.gridLevels.size(); ++code) {
            const double px = m_plot->xAxis->coordToPixel(h.gridLevels[code]);
            if (std::abs(px - position.x()) <= 3.0) {
                text = tr("Grid level: code %1 = %2")
                           .arg(code)
                           .arg(QLocale().toString(h.gridLevels[code], 'g', 9));
                break;
            }
        }
    }
    const bool showError =
        display() == Display::Error && h.afterSource != WeightHistogram::AfterSource::None;
    if (text.isEmpty()) {
        const double from = showError ? h.errorLo : h.lo;
        const double width = showError ? h.errorBinWidth() : h.binWidth();
        const std::vector<double>& counts = showError ? h.errorCounts : h.counts;
        const auto bin = static_cast<std::int64_t>(std::floor((x - from) / width));
        if (bin < 0 || bin >= static_cast<std::int64_t>(counts.size())) {
            QToolTip::hideText();
            return;
        }
        const double binFrom = from + static_cast<double>(bin) * width;
        const QLocale locale;
        text = tr("[%1, %2): %3 weights")
                   .arg(locale.toString(binFrom, 'g', 6), locale.toString(binFrom + width, 'g', 6))
                   .arg(locale.toString(counts[static_cast<std::size_t>(bin)], 'f', 0));
        if (display() == Display::BeforeAfter && !h.afterCounts.empty())
            text +=
                QLatin1Char('\n')
                + tr("after quantization: %1 weights")
                      .arg(locale.toString(h.afterCounts[static_cast<std::size_t>(bin)], 'f', 0));
    }
    QToolTip::showText(m_plot->mapToGlobal(position), text, m_plot);
}

} // namespace qb
