#include "views/rounding_lab_view.h"

#include "views/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

namespace {

// The group sizes the slider steps through; the last is one grid for the whole row.
constexpr int kGroupSizes[] = {4, 8, 16, 32, 64, 128, QuantScheme::kPerChannel};
constexpr int kGroupSizeCount = int(std::size(kGroupSizes));
constexpr int kDefaultGroupIndex = 2; // 16

// Synthetic vectors: as long as a teaching plot stays readable.
constexpr std::int64_t kSyntheticLength = 64;

// Vectors longer than this are drawn with small unsmoothed markers: thousands of antialiased
// circles would not redraw within 50 ms.
constexpr std::int64_t kDenseVector = 512;

// Milliseconds between two steps while the step-through runs.
constexpr int kRunIntervalMs = 120;

const QColor kOriginalColour(0x1f, 0x77, 0xb4); // blue
const QColor kRoundedColour(0xff, 0x7f, 0x0e);  // orange
const QColor kGridColour(0x7f, 0x7f, 0x7f);     // grey
const QColor kClipColour(0xd6, 0x27, 0x28);     // red
const QColor kErrorColour(0x94, 0x67, 0xbd);    // purple
const QColor kGptqColour(0x2c, 0xa0, 0x2c);     // green
const QColor kBandColour(255, 200, 0, 60);      // the shown group / current column

double nan()
{
    return std::numeric_limits<double>::quiet_NaN();
}

QString number(double value, int precision = 4)
{
    return QLocale().toString(value, 'g', precision);
}

QCPAxisRect* addAxisRect(QCustomPlot* plot, int row)
{
    auto* rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, 0, rect);
    for (QCPAxis* axis : rect->axes())
        axis->setLayer(QStringLiteral("axes"));
    rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(4);
    return rect;
}

// A legend in one row above the axis rects (row 0 of the layout), where it hides no data.
QCPLegend* topLegend(QCustomPlot* plot)
{
    auto* legend = new QCPLegend;
    plot->plotLayout()->addElement(0, 0, legend);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    legend->setLayer(QStringLiteral("legend"));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(4);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setMargins(QMargins(4, 0, 4, 0));
    legend->setIconSize(16, 10);
    QFont font = legend->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    legend->setFont(font);
    plot->legend = legend;
    return legend;
}

// Axis rects stacked in one plot share their left margin, so their x axes line up.
void alignLeftMargins(QCustomPlot* plot, const QList<QCPAxisRect*>& rects)
{
    auto* group = new QCPMarginGroup(plot);
    for (QCPAxisRect* rect : rects)
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
}

QCPGraph* pointGraph(QCPAxisRect* rect, const QColor& colour, QCPScatterStyle::ScatterShape shape,
                     double size, bool filled)
{
    auto* graph = new QCPGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(shape, QPen(colour.darker(115), 1.4),
                                           filled ? QBrush(colour) : QBrush(Qt::white), size));
    return graph;
}

QCPGraph* impulseGraph(QCPAxisRect* rect, const QColor& colour)
{
    auto* graph = new QCPGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setLineStyle(QCPGraph::lsImpulse);
    graph->setPen(QPen(colour, 1.0, Qt::SolidLine, Qt::FlatCap));
    return graph;
}

QCPItemRect* band(QCustomPlot* plot, QCPAxisRect* rect)
{
    auto* item = new QCPItemRect(plot);
    item->setClipAxisRect(rect);
    item->setLayer(QStringLiteral("background"));
    for (QCPItemPosition* position : {item->topLeft, item->bottomRight}) {
        position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        position->setAxisRect(rect);
        position->setTypeX(QCPItemPosition::ptPlotCoords);
        position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    item->setPen(Qt::NoPen);
    item->setBrush(kBandColour);
    return item;
}

// [lo, hi] with a margin, never empty.
QCPRange padded(double lo, double hi, double margin = 0.08)
{
    if (!(hi > lo)) {
        const double half = std::max(std::abs(lo), 1e-6);
        return {lo - half, hi + half};
    }
    const double pad = (hi - lo) * margin;
    return {lo - pad, hi + pad};
}

QSlider* slider(QWidget* parent, const QString& objectName, int lo, int hi, int value)
{
    auto* s = new QSlider(Qt::Horizontal, parent);
    s->setObjectName(objectName);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setPageStep(1);
    s->setMinimumWidth(60);
    return s;
}

QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setMinimumWidth(QFontMetrics(label->font()).horizontalAdvance(QStringLiteral("per row"))
                           + 6);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

RoundingLabView::RoundingLabView(QWidget* parent)
    : QWidget(parent)
    , m_pages(new QTabWidget(this))
    , m_source(new QComboBox(this))
    , m_row(new QSpinBox(this))
    , m_group(new QSpinBox(this))
    , m_outlier(slider(this, QStringLiteral("labOutlier"), 0, 40, 12))
    , m_outlierLabel(new QLabel(tr("Outlier:"), this))
    , m_outlierValue(valueLabel(this))
    , m_bits(
          slider(this, QStringLiteral("labBits"), QuantScheme::kMinBits, QuantScheme::kMaxBits, 3))
    , m_bitsValue(valueLabel(this))
    , m_groupSize(
          slider(this, QStringLiteral("labGroupSize"), 0, kGroupSizeCount - 1, kDefaultGroupIndex))
    , m_groupSizeValue(valueLabel(this))
    , m_symmetric(new QCheckBox(tr("Symmetric"), this))
    , m_clip(slider(this, QStringLiteral("labClip"), 50, 100, 100))
    , m_clipValue(valueLabel(this))
    , m_alpha(slider(this, QStringLiteral("labAlpha"), 0, 100, 0))
    , m_alphaValue(valueLabel(this))
    , m_record(new QPushButton(tr("Record Activations"), this))
    , m_readout(new QLabel(this))
    , m_info(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_stepPlot(new QCustomPlot(this))
    , m_stepButton(new QPushButton(tr("Step"), this))
    , m_runButton(new QPushButton(tr("Run"), this))
    , m_resetButton(new QPushButton(tr("Reset"), this))
    , m_stepRow(new QSpinBox(this))
    , m_stepReadout(new QLabel(this))
    , m_stepInfo(new QLabel(this))
    , m_runTimer(new QTimer(this))
{
    m_source->setObjectName(QStringLiteral("labSource"));
    m_source->addItem(tr("Selected layer: a row"), int(SourceKind::LayerRow));
    m_source->addItem(tr("Selected layer: one group"), int(SourceKind::LayerGroup));
    m_source->addItem(tr("Synthetic vector with an outlier"), int(SourceKind::Synthetic));
    m_source->setCurrentIndex(2);
    // The combo may narrow below its longest entry, so the tab fits beside the layer table.
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(14);
    m_source->setToolTip(tr("The weights to round: a row of the layer selected in the table, one "
                            "group of that row, or 64 synthetic Gaussian weights with one outlier "
                            "you can resize"));
    m_row->setObjectName(QStringLiteral("labRow"));
    m_row->setPrefix(tr("row "));
    m_row->setToolTip(tr("The layer's row (output channel) to round"));
    m_group->setObjectName(QStringLiteral("labGroup"));
    m_group->setPrefix(tr("group "));
    m_group->setToolTip(tr("The group whose grid levels are drawn (and, for \"one group\", the "
                           "group rounded); the GPTQ step-through starts at its first column"));
    m_outlier->setToolTip(tr("Drag: the size of the synthetic vector's outlier weight, in "
                             "standard deviations of the other weights"));
    m_bits->setToolTip(tr("Bits per weight: 2^bits levels per group"));
    m_groupSize->setToolTip(tr("Weights sharing one scale and zero point (one grid)"));
    m_symmetric->setObjectName(QStringLiteral("labSymmetric"));
    m_symmetric->setToolTip(tr("Symmetric: the grid is centred on zero (no zero point to store), "
                               "half of it wasted when the values are one-sided"));
    m_clip->setToolTip(tr("Clip ratio: each group's range [min, max] shrunk to [min·c, max·c]; "
                          "values outside are clamped — coarse outliers, finer steps for the "
                          "rest"));
    m_alpha->setToolTip(
        tr("AWQ scale: each weight is multiplied by s_j = (mean |x_j|)^α of its input channel "
           "before rounding and divided by it after, so the channels with large activations are "
           "rounded finer"));
    m_record->setObjectName(QStringLiteral("labRecord"));
    m_record->setToolTip(tr("Run the calibration text through the model up to this layer and "
                            "record its inputs' mean |x| and XᵀX (for α and the output error)"));
    m_readout->setObjectName(QStringLiteral("labReadout"));
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setWordWrap(true);
    m_readout->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); "
                                            "border-radius: 4px; padding: 4px 8px; }"));
    m_info->setObjectName(QStringLiteral("labInfo"));
    m_info->setWordWrap(true);

    // The knobs, shared by both pages: what to round, then how.
    auto* knobs = new QGridLayout;
    knobs->setHorizontalSpacing(8);
    knobs->setVerticalSpacing(2);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(new QLabel(tr("Round:"), this));
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_row);
    sourceRow->addWidget(m_group);
    knobs->addLayout(sourceRow, 0, 0, 1, 6);
    const auto addKnob = [&](int row, int column, QLabel* label, QSlider* s, QLabel* value) {
        label->setBuddy(s);
        knobs->addWidget(label, row, column * 3);
        knobs->addWidget(s, row, column * 3 + 1);
        knobs->addWidget(value, row, column * 3 + 2);
    };
    addKnob(1, 0, new QLabel(tr("Bits:"), this), m_bits, m_bitsValue);
    addKnob(1, 1, new QLabel(tr("Group size:"), this), m_groupSize, m_groupSizeValue);
    addKnob(2, 0, new QLabel(tr("Clip ratio:"), this), m_clip, m_clipValue);
    addKnob(2, 1, new QLabel(tr("AWQ α:"), this), m_alpha, m_alphaValue);
    addKnob(3, 0, m_outlierLabel, m_outlier, m_outlierValue);
    knobs->addWidget(m_symmetric, 3, 3);
    knobs->addWidget(m_record, 3, 4, 1, 2);
    knobs->setColumnStretch(1, 1);
    knobs->setColumnStretch(4, 1);

    auto* roundingPage = new QWidget(this);
    auto* stepPage = new QWidget(this);
    buildRoundingPage(roundingPage);
    buildStepPage(stepPage);
    m_pages->setObjectName(QStringLiteral("labPages"));
    m_pages->addTab(roundingPage, tr("Rounding"));
    m_pages->addTab(stepPage, tr("GPTQ Step-Through"));
    m_pages->setDocumentMode(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(knobs);
    layout->addWidget(m_pages, 1);

    const auto changed = [this] {
        if (m_updating)
            return;
        updateSliderLabels();
        updateGroupRange();
        invalidateTrace();
        recompute();
    };
    for (QSlider* s : {m_bits, m_groupSize, m_clip, m_alpha, m_outlier})
        connect(s, &QSlider::valueChanged, this, changed);
    connect(m_symmetric, &QCheckBox::toggled, this, changed);
    connect(m_group, &QSpinBox::valueChanged, this, changed);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] { onSourceChanged(); });
    connect(m_row, &QSpinBox::valueChanged, this, [this, changed](int row) {
        if (m_updating)
            return;
        if (m_layerSource
            && (row < m_layerSource->firstRow
                || row >= m_layerSource->firstRow + m_layerSource->rows)) {
            Q_EMIT layerRowsRequested(row);
            return;
        }
        changed();
    });
    connect(m_record, &QPushButton::clicked, this, &RoundingLabView::activationsRequested);
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == 1) {
            ensureTrace();
            drawStep();
        }
    });
    updateSliderLabels();
    onSourceChanged();
}

RoundingLabView::~RoundingLabView() = default;

void RoundingLabView::buildRoundingPage(QWidget* page)
{
    m_plot->setParent(page);
    m_plot->setObjectName(QStringLiteral("labPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    // Explicit minimums: the legends' natural width would otherwise widen the whole window.
    m_plot->setMinimumSize(240, 110);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->plotLayout()->clear();
    m_valueRect = addAxisRect(m_plot, 1);
    m_errorRect = addAxisRect(m_plot, 2);
    m_plot->plotLayout()->setRowStretchFactor(1, 2.0);
    m_plot->plotLayout()->setRowStretchFactor(2, 1.0);
    alignLeftMargins(m_plot, {m_valueRect, m_errorRect});
    // Both panels show the same columns: x drags and zooms together.
    connect(m_valueRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_errorRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(m_errorRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_valueRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_errorRect->axis(QCPAxis::atBottom)->setLabel(tr("Input column of the row"));
    m_errorRect->axis(QCPAxis::atLeft)->setLabel(tr("Error ŵ − w\n(weight units)"));

    QCPLegend* legend = topLegend(m_plot);

    m_levels =
        new QCPCurve(m_valueRect->axis(QCPAxis::atBottom), m_valueRect->axis(QCPAxis::atLeft));
    m_levels->setPen(QPen(kGridColour, 1.0));
    m_levels->setName(tr("grid levels (shown group)"));
    m_clipLines =
        new QCPCurve(m_valueRect->axis(QCPAxis::atBottom), m_valueRect->axis(QCPAxis::atLeft));
    m_clipLines->setPen(QPen(kClipColour, 1.4, Qt::DashLine));
    m_clipLines->setName(tr("clip range"));
    m_original = pointGraph(m_valueRect, kOriginalColour, QCPScatterStyle::ssCircle, 7, true);
    m_original->setName(tr("original weights w"));
    m_rounded = pointGraph(m_valueRect, kRoundedColour, QCPScatterStyle::ssDiamond, 7, true);
    m_rounded->setName(tr("rounded ŵ"));
    m_groupBand = band(m_plot, m_valueRect);
    for (QCPAbstractPlottable* p : {static_cast<QCPAbstractPlottable*>(m_levels),
                                    static_cast<QCPAbstractPlottable*>(m_clipLines),
                                    static_cast<QCPAbstractPlottable*>(m_original),
                                    static_cast<QCPAbstractPlottable*>(m_rounded)})
        p->addToLegend(legend);
    // The bars' entries are added after them, below.

    // The errors as impulses (a vertical line from 0 per weight) whose pen is as wide as a bar
    // would be: QCPBars draws a polygon per bar, too slow for a 4096-weight row at 50 ms.
    m_errorBars = impulseGraph(m_errorRect, kErrorColour);
    m_errorBars->setName(tr("error ŵ − w"));
    m_clippedBars = impulseGraph(m_errorRect, kClipColour);
    m_clippedBars->setName(tr("error of a clipped weight"));
    m_errorBars->addToLegend(legend);
    m_clippedBars->addToLegend(legend);
    auto* zero = new QCPItemStraightLine(m_plot);
    zero->setClipAxisRect(m_errorRect);
    zero->point1->setAxes(m_errorRect->axis(QCPAxis::atBottom), m_errorRect->axis(QCPAxis::atLeft));
    zero->point2->setAxes(m_errorRect->axis(QCPAxis::atBottom), m_errorRect->axis(QCPAxis::atLeft));
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(QColor(0x60, 0x60, 0x60), 0.8));

    auto* exportButton = new QToolButton(page);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    connect(exportButton, &QToolButton::clicked, this, [this] { exportPlot(m_plot); });
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showRoundingToolTip(event->pos()); });

    auto* top = new QHBoxLayout;
    top->addWidget(m_readout, 1);
    top->addWidget(exportButton, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_info);
}

void RoundingLabView::buildStepPage(QWidget* page)
{
    m_stepPlot->setParent(page);
    m_stepPlot->setObjectName(QStringLiteral("labStepPlot"));
    m_stepPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_stepPlot->setMouseTracking(true);
    m_stepPlot->setMinimumSize(240, 120);
    m_stepPlot->setAutoAddPlottableToLegend(false);
    m_stepPlot->plotLayout()->clear();
    m_stepWeightRect = addAxisRect(m_stepPlot, 1);
    m_stepUpdateRect = addAxisRect(m_stepPlot, 2);
    m_stepErrorRect = addAxisRect(m_stepPlot, 3);
    alignLeftMargins(m_stepPlot, {m_stepWeightRect, m_stepUpdateRect, m_stepErrorRect});
    connect(m_stepWeightRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_stepUpdateRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(m_stepUpdateRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_stepWeightRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_stepWeightRect->axis(QCPAxis::atLeft)->setLabel(tr("Weight\n(weight units)"));
    m_stepUpdateRect->axis(QCPAxis::atLeft)->setLabel(tr("Change this step\n(weight units)"));
    m_stepUpdateRect->axis(QCPAxis::atBottom)->setLabel(tr("Input column of the layer"));
    m_stepErrorRect->axis(QCPAxis::atLeft)->setLabel(tr("Output error\n(per token)"));
    m_stepErrorRect->axis(QCPAxis::atBottom)->setLabel(tr("Columns rounded"));

    QCPLegend* legend = topLegend(m_stepPlot);

    m_columnBand = band(m_stepPlot, m_stepWeightRect);
    m_stepOriginal = pointGraph(m_stepWeightRect, kGridColour, QCPScatterStyle::ssCircle, 7, false);
    m_stepOriginal->setName(tr("original w"));
    m_stepPending =
        pointGraph(m_stepWeightRect, kOriginalColour, QCPScatterStyle::ssCircle, 6, true);
    m_stepPending->setName(tr("updated, to be rounded"));
    m_stepDone = pointGraph(m_stepWeightRect, kRoundedColour, QCPScatterStyle::ssDiamond, 7, true);
    m_stepDone->setName(tr("rounded ŵ"));
    for (QCPGraph* g : {m_stepOriginal, m_stepPending, m_stepDone})
        g->addToLegend(legend);

    m_stepErrorBar = new QCPBars(m_stepUpdateRect->axis(QCPAxis::atBottom),
                                 m_stepUpdateRect->axis(QCPAxis::atLeft));
    m_stepErrorBar->setWidth(0.7);
    m_stepErrorBar->setPen(QPen(kClipColour.darker(120)));
    m_stepErrorBar->setBrush(kClipColour);
    m_updateBars = new QCPBars(m_stepUpdateRect->axis(QCPAxis::atBottom),
                               m_stepUpdateRect->axis(QCPAxis::atLeft));
    m_updateBars->setWidth(0.7);
    m_updateBars->setPen(QPen(kOriginalColour.darker(120)));
    m_updateBars->setBrush(kOriginalColour.lighter(130));

    m_rtnCurve = new QCPGraph(m_stepErrorRect->axis(QCPAxis::atBottom),
                              m_stepErrorRect->axis(QCPAxis::atLeft));
    m_rtnCurve->setName(tr("output error: RTN"));
    m_rtnCurve->setPen(QPen(kRoundedColour, 2.0));
    m_gptqCurve = new QCPGraph(m_stepErrorRect->axis(QCPAxis::atBottom),
                               m_stepErrorRect->axis(QCPAxis::atLeft));
    m_gptqCurve->setName(tr("output error: GPTQ"));
    m_gptqCurve->setPen(QPen(kGptqColour, 2.0));
    m_stepErrorBar->setName(tr("its rounding ŵ − w"));
    m_updateBars->setName(tr("spread onto later columns"));
    for (QCPAbstractPlottable* p : {static_cast<QCPAbstractPlottable*>(m_stepErrorBar),
                                    static_cast<QCPAbstractPlottable*>(m_updateBars),
                                    static_cast<QCPAbstractPlottable*>(m_rtnCurve),
                                    static_cast<QCPAbstractPlottable*>(m_gptqCurve)})
        p->addToLegend(legend);
    m_stepCursor = new QCPItemStraightLine(m_stepPlot);
    m_stepCursor->setClipAxisRect(m_stepErrorRect);
    for (QCPItemPosition* p : {m_stepCursor->point1, m_stepCursor->point2}) {
        p->setAxes(m_stepErrorRect->axis(QCPAxis::atBottom),
                   m_stepErrorRect->axis(QCPAxis::atLeft));
        p->setAxisRect(m_stepErrorRect);
    }
    m_stepCursor->setPen(QPen(QColor(0x60, 0x60, 0x60), 1.0, Qt::DotLine));

    m_stepButton->setObjectName(QStringLiteral("labStep"));
    m_stepButton->setToolTip(tr("Round the next column and spread its error onto the later "
                                "columns"));
    m_runButton->setObjectName(QStringLiteral("labRun"));
    m_runButton->setCheckable(true);
    m_runButton->setToolTip(tr("Step through the remaining columns (press again to pause)"));
    m_resetButton->setObjectName(QStringLiteral("labReset"));
    m_resetButton->setToolTip(tr("Back to the unrounded slice"));
    m_stepRow->setObjectName(QStringLiteral("labStepRow"));
    m_stepRow->setPrefix(tr("show row "));
    m_stepRow->setToolTip(tr("The slice's row drawn in the upper panels (the output error counts "
                             "every row)"));
    m_stepReadout->setObjectName(QStringLiteral("labStepReadout"));
    m_stepReadout->setTextFormat(Qt::RichText);
    m_stepReadout->setWordWrap(true);
    m_stepReadout->setStyleSheet(m_readout->styleSheet());
    m_stepInfo->setObjectName(QStringLiteral("labStepInfo"));
    m_stepInfo->setWordWrap(true);
    m_runTimer->setInterval(kRunIntervalMs);
    const int line = fontMetrics().lineSpacing();
    for (QLabel* label : {m_readout, m_stepReadout})
        label->setMinimumHeight(2 * line + 10);
    for (QLabel* label : {m_info, m_stepInfo})
        label->setMinimumHeight(2 * line);

    auto* exportButton = new QToolButton(page);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    connect(exportButton, &QToolButton::clicked, this, [this] { exportPlot(m_stepPlot); });
    connect(m_stepButton, &QPushButton::clicked, this, &RoundingLabView::stepForward);
    connect(m_resetButton, &QPushButton::clicked, this, &RoundingLabView::resetSteps);
    connect(m_runButton, &QPushButton::toggled, this, [this](bool on) {
        if (on) {
            ensureTrace();
            if (m_trace && m_step + 1 >= int(m_trace->steps.size()))
                resetSteps();
            m_runTimer->start();
        } else {
            m_runTimer->stop();
        }
        m_runButton->setText(on ? tr("Pause") : tr("Run"));
    });
    connect(m_runTimer, &QTimer::timeout, this, [this] {
        stepForward();
        if (!m_trace || m_step + 1 >= int(m_trace->steps.size()))
            m_runButton->setChecked(false);
    });
    connect(m_stepRow, &QSpinBox::valueChanged, this, [this] { drawStep(); });
    connect(m_stepPlot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showStepToolTip(event->pos()); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_stepButton);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_resetButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_stepRow);
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_stepReadout);
    layout->addWidget(m_stepPlot, 1);
    layout->addWidget(m_stepInfo);
}

void RoundingLabView::setSelectedLayer(const QString& layerName)
{
    if (layerName == m_layerName)
        return;
    m_layerName = layerName;
    m_layerSource.reset();
    if (sourceKind() != SourceKind::Synthetic) {
        invalidateTrace();
        recompute();
    }
}

void RoundingLabView::setLayerSource(std::shared_ptr<const RoundingLabSource> source)
{
    m_layerSource = std::move(source);
    if (m_layerSource)
        m_layerName = m_layerSource->layerName;
    m_updating = true;
    if (m_layerSource) {
        m_row->setRange(0, int(m_layerSource->layerRows - 1));
        if (m_row->value() < m_layerSource->firstRow
            || m_row->value() >= m_layerSource->firstRow + m_layerSource->rows)
            m_row->setValue(int(m_layerSource->firstRow));
    }
    m_updating = false;
    if (sourceKind() != SourceKind::Synthetic) {
        updateGroupRange();
        invalidateTrace();
        recompute();
    }
}

void RoundingLabView::setLayerMessage(const QString& message)
{
    if (sourceKind() != SourceKind::Synthetic && !m_layerSource)
        m_info->setText(message);
    m_stepInfo->setText(sourceKind() != SourceKind::Synthetic && !m_layerSource ? message
                                                                                : QString());
}

RoundingLabView::SourceKind RoundingLabView::sourceKind() const
{
    return SourceKind(m_source->currentData().toInt());
}

void RoundingLabView::setSourceKind(SourceKind kind)
{
    m_source->setCurrentIndex(m_source->findData(int(kind)));
}

std::shared_ptr<const RoundingLabSource> RoundingLabView::source() const
{
    return sourceKind() == SourceKind::Synthetic ? m_synthetic : m_layerSource;
}

double RoundingLabView::outlierSize() const
{
    return double(m_outlier->value());
}

int RoundingLabView::layerRow() const
{
    return m_row->value();
}

int RoundingLabView::shownGroup() const
{
    return m_group->value();
}

RoundingLabSettings RoundingLabView::settings() const
{
    RoundingLabSettings s;
    s.bits = m_bits->value();
    s.groupSize = kGroupSizes[m_groupSize->value()];
    s.symmetric = m_symmetric->isChecked();
    s.clipRatio = m_clip->value() / 100.0;
    s.awqAlpha = m_alpha->value() / 100.0;
    const auto current = source();
    if (sourceKind() != SourceKind::Synthetic && current)
        s.row = std::clamp<std::int64_t>(m_row->value() - current->firstRow, 0, current->rows - 1);
    if (sourceKind() == SourceKind::LayerGroup)
        s.onlyGroup = m_group->value();
    return s;
}

void RoundingLabView::onSourceChanged()
{
    const bool synthetic = sourceKind() == SourceKind::Synthetic;
    m_outlier->setVisible(synthetic);
    m_outlierLabel->setVisible(synthetic);
    m_outlierValue->setVisible(synthetic);
    m_row->setVisible(!synthetic);
    m_record->setVisible(!synthetic);
    updateGroupRange();
    invalidateTrace();
    recompute();
}

void RoundingLabView::updateSliderLabels()
{
    const int bits = m_bits->value();
    m_bitsValue->setText(tr("%1 (%2 levels)").arg(bits).arg(1 << bits));
    const int group = kGroupSizes[m_groupSize->value()];
    m_groupSizeValue->setText(group > 0 ? QString::number(group) : tr("per row"));
    m_clipValue->setText(QLocale().toString(m_clip->value() / 100.0, 'f', 2));
    m_alphaValue->setText(QLocale().toString(m_alpha->value() / 100.0, 'f', 2));
    m_outlierValue->setText(tr("%1 σ").arg(m_outlier->value()));
}

void RoundingLabView::updateGroupRange()
{
    const auto current = source();
    const std::int64_t cols = current ? current->cols : kSyntheticLength;
    const QuantScheme scheme = settings().scheme();
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_group->setRange(0, int(std::max<std::int64_t>(1, scheme.groupsPerRow(cols)) - 1));
    m_group->setEnabled(m_group->maximum() > 0);
    m_updating = wasUpdating;
}

void RoundingLabView::recompute()
{
    QElapsedTimer timer;
    timer.start();
    if (sourceKind() == SourceKind::Synthetic && m_syntheticOutlier != outlierSize()) {
        m_synthetic = std::make_shared<const RoundingLabSource>(
            RoundingLab::synthetic(kSyntheticLength, outlierSize()));
        m_syntheticOutlier = outlierSize();
        updateGroupRange();
    }
    const auto current = source();
    if (current)
        m_result = RoundingLab::round(*current, settings());
    else
        m_result.reset();
    drawResult();
    m_lastRedrawMs = double(timer.nsecsElapsed()) * 1e-6;
}

void RoundingLabView::drawResult()
{
    QCPAxis* x = m_valueRect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_valueRect->axis(QCPAxis::atLeft);
    QCPAxis* ey = m_errorRect->axis(QCPAxis::atLeft);
    const auto current = source();
    m_record->setEnabled(current && !current->activations && !m_layerName.isEmpty());
    m_alpha->setEnabled(current && current->activations);
    if (!m_result || !current) {
        for (QCPGraph* g : {m_original, m_rounded})
            g->data()->clear();
        m_levels->data()->clear();
        m_clipLines->data()->clear();
        m_errorBars->data()->clear();
        m_clippedBars->data()->clear();
        m_groupBand->setVisible(false);
        m_readout->setText(tr("<b>Nothing to round yet.</b>"));
        m_info->setText(m_layerName.isEmpty()
                            ? tr("Select a layer in the table, or choose the synthetic vector.")
                            : tr("Reading %1…").arg(m_layerName));
        m_plot->replot();
        return;
    }
    const RoundingLabResult& r = *m_result;
    const std::int64_t n = r.size();
    const double x0 = double(r.firstColumn);

    QVector<double> keys(n);
    QVector<double> shown(n);
    QVector<double> rounded(n);
    QVector<double> errors;
    QVector<double> errorKeys;
    QVector<double> clipped;
    QVector<double> clippedKeys;
    errors.reserve(n);
    errorKeys.reserve(n);
    double lo = 0.0;
    double hi = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
        const auto k = std::size_t(i);
        keys[i] = x0 + double(i);
        // With α the grid rounds w·s: the upper panel shows that, the error stays in w's units.
        shown[i] = r.usesScales ? r.scaled[k] : r.original[k];
        rounded[i] = r.usesScales ? r.roundedScaled[k] : r.rounded[k];
        lo = std::min({lo, shown[i], rounded[i]});
        hi = std::max({hi, shown[i], rounded[i]});
        const int g = r.groupOf(i);
        const RoundingLabGroup& group = r.groups[std::size_t(g)];
        const bool wasClipped = r.scaled[k] < group.clipLow || r.scaled[k] > group.clipHigh;
        (wasClipped ? clippedKeys : errorKeys) << keys[i];
        (wasClipped ? clipped : errors) << double(r.error[k]);
    }
    m_original->setData(keys, shown, true);
    m_rounded->setData(keys, rounded, true);
    m_errorBars->setData(errorKeys, errors, true);
    m_clippedBars->setData(clippedKeys, clipped, true);

    // The shown group's levels: one horizontal segment per level across the group, NaN between.
    const int shownGroup =
        r.settings.onlyGroup >= 0 ? 0 : std::clamp(m_group->value(), 0, int(r.groups.size()) - 1);
    const RoundingLabGroup& group = r.groups[std::size_t(shownGroup)];
    const double left = x0 + double(group.first) - 0.5;
    const double right = x0 + double(group.first + group.count) - 0.5;
    QVector<double> t;
    QVector<double> lx;
    QVector<double> ly;
    const qsizetype levelCount = qsizetype(group.levels.size());
    t.reserve(levelCount * 3);
    lx.reserve(levelCount * 3);
    ly.reserve(levelCount * 3);
    for (float level : group.levels) {
        lx << left << right << nan();
        ly << level << level << nan();
        lo = std::min(lo, double(level));
        hi = std::max(hi, double(level));
    }
    for (qsizetype i = 0; i < lx.size(); ++i)
        t << double(i);
    m_levels->setData(t, lx, ly, true);
    // The clip range, when it cuts.
    if (r.settings.clipRatio < 1.0) {
        m_clipLines->setData(
            QVector<double>{0, 1, 2, 3, 4}, QVector<double>{left, right, nan(), left, right},
            QVector<double>{group.clipLow, group.clipLow, nan(), group.clipHigh, group.clipHigh},
            true);
        m_clipLines->addToLegend();
    } else {
        m_clipLines->data()->clear();
        m_clipLines->removeFromLegend();
    }
    m_groupBand->setVisible(r.groups.size() > 1);
    m_groupBand->topLeft->setCoords(left, 0.0);
    m_groupBand->bottomRight->setCoords(right, 1.0);

    x->setRange(x0 - 1.0, x0 + double(n));
    m_errorRect->axis(QCPAxis::atBottom)->setRange(x0 - 1.0, x0 + double(n));
    // Impulses 70 % of a column wide, like bars; a long row draws its points without
    // antialiasing (thousands of antialiased markers would not redraw within 50 ms).
    const double columnPixels = double(m_errorRect->width()) / double(n + 1);
    for (QCPGraph* g : {m_errorBars, m_clippedBars}) {
        QPen pen = g->pen();
        pen.setWidthF(std::clamp(0.7 * columnPixels, 1.0, 14.0));
        g->setPen(pen);
        g->setAntialiased(n <= kDenseVector);
    }
    const bool dense = n > kDenseVector;
    m_original->setScatterStyle(
        dense ? QCPScatterStyle(QCPScatterStyle::ssSquare, kOriginalColour, kOriginalColour, 2.5)
              : QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kOriginalColour.darker(115), 1.4),
                                QBrush(kOriginalColour), 7));
    m_rounded->setScatterStyle(
        dense ? QCPScatterStyle(QCPScatterStyle::ssSquare, kRoundedColour, kRoundedColour, 2.5)
              : QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(kRoundedColour.darker(115), 1.4),
                                QBrush(kRoundedColour), 7));
    m_original->setAntialiasedScatters(!dense);
    m_rounded->setAntialiasedScatters(!dense);
    y->setRange(padded(lo, hi));
    const double worst = std::max(r.maxError, 1e-12);
    ey->setRange(-worst * 1.15, worst * 1.15);
    y->setLabel(r.usesScales ? tr("Scaled weight w·s\n(weight units)")
                             : tr("Weight\n(weight units)"));

    // The read-out: the numbers a teacher points at.
    const QString scheme = r.scheme.describe();
    QString text = tr("<b>MSE %1</b> &nbsp;·&nbsp; max |ŵ − w| %2 &nbsp;·&nbsp; %n clipped",
                      nullptr, r.clipped)
                       .arg(number(r.mse, 3), number(r.maxError, 3));
    if (r.outputError)
        text += tr(" &nbsp;·&nbsp; output error %1 / token").arg(number(*r.outputError, 3));
    text += QStringLiteral("<br><span style='color:#555'>%1 — %2</span>")
                .arg(scheme.toHtmlEscaped(), current->description.toHtmlEscaped());
    m_readout->setText(text);

    QString info;
    if (current->activations && current->activations->synthetic)
        info = tr("Synthetic activations: %n token(s), input channel 5 ten times larger than the "
                  "others. ",
                  nullptr, int(current->activations->tokens));
    else if (current->activations)
        info = tr("Activations recorded over %n calibration token(s). ", nullptr,
                  int(current->activations->tokens));
    else
        info = tr("No activations recorded for this layer: α and the output error need them. ");
    info += tr("Each weight moves to the nearest of its group's %n level(s) (grey lines, shown "
               "for the highlighted group). Drag and scroll to pan and zoom.",
               nullptr, int(group.levels.size()));
    m_info->setText(info);
    m_plot->replot();
}

void RoundingLabView::invalidateTrace()
{
    m_trace.reset();
    m_step = -1;
    if (m_runButton->isChecked())
        m_runButton->setChecked(false);
    if (m_pages->currentIndex() == 1) {
        ensureTrace();
        drawStep();
    }
}

void RoundingLabView::ensureTrace()
{
    if (m_trace)
        return;
    const auto current = source();
    if (!current)
        return;
    // The slice: the source's rows × the columns of the shown group and the next (at least 16,
    // at most GptqStepThrough::kMaxColumns); per row, the first 64 columns.
    const RoundingLabSettings s = settings();
    const QuantScheme rowScheme = s.scheme();
    const std::int64_t width = rowScheme.groupWidth(current->cols);
    std::int64_t first = 0;
    std::int64_t count = std::min<std::int64_t>(current->cols, 64);
    if (rowScheme.granularity == Granularity::Group) {
        first = std::min<std::int64_t>(m_group->value() * width, current->cols - 1);
        count = std::min<std::int64_t>({current->cols - first, GptqStepThrough::kMaxColumns,
                                        std::max<std::int64_t>(2 * width, 16)});
    }
    const std::int64_t rows = std::min<std::int64_t>(current->rows, GptqStepThrough::kMaxRows);
    std::vector<float> slice(std::size_t(rows * count));
    for (std::int64_t r = 0; r < rows; ++r)
        std::copy_n(current->row(r) + first, count, slice.begin() + r * count);
    std::shared_ptr<const LabActivations> activations = current->activations;
    if (!activations)
        activations = RoundingLab::syntheticActivations(current->cols);
    const Eigen::MatrixXd xtx = activations->xtx.block(first, first, count, count);
    const QuantScheme scheme =
        rowScheme.granularity == Granularity::Group
            ? rowScheme
            : QuantScheme::fromGroupSizeCode(s.bits, s.symmetric, QuantScheme::kPerChannel);
    m_trace = GptqStepThrough::run(slice, rows, count, xtx, activations->tokens, scheme);
    m_traceFirstColumn = first;
    m_step = -1;
    m_updating = true;
    m_stepRow->setRange(int(current->firstRow), int(current->firstRow + rows - 1));
    m_updating = false;
}

void RoundingLabView::stepForward()
{
    ensureTrace();
    if (!m_trace || m_step + 1 >= int(m_trace->steps.size()))
        return;
    ++m_step;
    drawStep();
}

void RoundingLabView::resetSteps()
{
    m_step = -1;
    drawStep();
}

void RoundingLabView::showStepThrough(bool on)
{
    m_pages->setCurrentIndex(on ? 1 : 0);
}

void RoundingLabView::drawStep()
{
    const auto current = source();
    QCPAxis* wx = m_stepWeightRect->axis(QCPAxis::atBottom);
    if (!m_trace || !current || !m_trace->factored) {
        for (QCPGraph* g : {m_stepOriginal, m_stepPending, m_stepDone, m_gptqCurve, m_rtnCurve})
            g->data()->clear();
        m_updateBars->data()->clear();
        m_stepErrorBar->data()->clear();
        m_stepReadout->setText(m_trace && !m_trace->factored
                                   ? tr("<b>The slice's Hessian is not invertible</b>, even with "
                                        "raised damping: GPTQ cannot run on it.")
                                   : tr("<b>Nothing to step through yet.</b>"));
        m_stepButton->setEnabled(false);
        m_runButton->setEnabled(false);
        m_resetButton->setEnabled(false);
        m_stepPlot->replot();
        return;
    }
    const GptqTrace& trace = *m_trace;
    const std::int64_t cols = trace.cols;
    const std::int64_t row =
        std::clamp<std::int64_t>(m_stepRow->value() - current->firstRow, 0, trace.rows - 1);
    const double x0 = double(m_traceFirstColumn);
    const GptqStep* step = m_step >= 0 ? &trace.steps[std::size_t(m_step)] : nullptr;

    QVector<double> keys(cols);
    QVector<double> original(cols);
    QVector<double> pendingKeys;
    QVector<double> pending;
    QVector<double> doneKeys;
    QVector<double> done;
    double lo = 0.0;
    double hi = 0.0;
    for (std::int64_t c = 0; c < cols; ++c) {
        const auto i = std::size_t(row * cols + c);
        keys[c] = x0 + double(c);
        original[c] = trace.original[i];
        const double now = step ? step->weights[i] : trace.original[i];
        (c <= m_step ? doneKeys : pendingKeys) << keys[c];
        (c <= m_step ? done : pending) << now;
        lo = std::min({lo, original[c], now});
        hi = std::max({hi, original[c], now});
    }
    m_stepOriginal->setData(keys, original, true);
    m_stepPending->setData(pendingKeys, pending, true);
    m_stepDone->setData(doneKeys, done, true);
    wx->setRange(x0 - 1.0, x0 + double(cols));
    m_stepUpdateRect->axis(QCPAxis::atBottom)->setRange(x0 - 1.0, x0 + double(cols));
    m_stepWeightRect->axis(QCPAxis::atLeft)->setRange(padded(lo, hi));
    m_columnBand->setVisible(step != nullptr);
    if (step) {
        m_columnBand->topLeft->setCoords(x0 + double(step->column) - 0.5, 0.0);
        m_columnBand->bottomRight->setCoords(x0 + double(step->column) + 0.5, 1.0);
    }

    // This step's changes of the shown row: the rounded column (red) and the later ones (blue).
    QVector<double> updateKeys;
    QVector<double> updates;
    double largest = 0.0;
    if (step) {
        const double own = -double(step->roundingError[std::size_t(row)]);
        m_stepErrorBar->setData(QVector<double>{x0 + double(step->column)}, QVector<double>{own},
                                true);
        largest = std::abs(own);
        for (std::int64_t c = step->column + 1; c < cols; ++c) {
            const double change = -double(step->update[std::size_t(row * cols + c)]);
            updateKeys << x0 + double(c);
            updates << change;
            largest = std::max(largest, std::abs(change));
        }
    } else {
        m_stepErrorBar->data()->clear();
    }
    m_updateBars->setData(updateKeys, updates, true);
    largest = std::max(largest, 1e-9);
    m_stepUpdateRect->axis(QCPAxis::atLeft)->setRange(-largest * 1.15, largest * 1.15);

    // The output error curves up to this step, on axes that hold the whole run.
    QVector<double> stepKeys;
    QVector<double> gptq;
    QVector<double> rtn;
    stepKeys << 0.0;
    gptq << 0.0;
    rtn << 0.0;
    double top = 0.0;
    for (std::size_t s = 0; s < trace.steps.size(); ++s) {
        top = std::max({top, trace.steps[s].outputError, trace.steps[s].rtnOutputError});
        if (int(s) <= m_step) {
            stepKeys << double(s + 1);
            gptq << trace.steps[s].outputError;
            rtn << trace.steps[s].rtnOutputError;
        }
    }
    m_gptqCurve->setData(stepKeys, gptq, true);
    m_rtnCurve->setData(stepKeys, rtn, true);
    m_stepErrorRect->axis(QCPAxis::atBottom)->setRange(0.0, double(cols) + 0.5);
    m_stepErrorRect->axis(QCPAxis::atLeft)->setRange(0.0, std::max(top, 1e-12) * 1.1);
    m_stepCursor->point1->setCoords(m_step + 1, 0.0);
    m_stepCursor->point2->setCoords(m_step + 1, 1.0);

    const QLocale locale;
    if (step) {
        const double g = step->outputError;
        const double r = step->rtnOutputError;
        QString text =
            tr("<b>Step %1 of %2</b>: column %3 rounded (row %4: error %5), spread onto %n later "
               "column(s).",
               nullptr, int(cols - 1 - step->column))
                .arg(m_step + 1)
                .arg(cols)
                .arg(x0 + double(step->column))
                .arg(current->firstRow + row)
                .arg(number(-double(step->roundingError[std::size_t(row)]), 3));
        text += QStringLiteral("<br>")
                + tr("Output error: <b><span style='color:%1'>GPTQ %2</span></b> vs "
                     "<b><span style='color:%3'>RTN %4</span></b>")
                      .arg(kGptqColour.name(), number(g, 3), kRoundedColour.darker(110).name(),
                           number(r, 3));
        if (r > 0.0)
            text += tr(" (GPTQ %1 %)").arg(locale.toString(100.0 * (g - r) / r, 'f', 0));
        m_stepReadout->setText(text);
    } else {
        m_stepReadout->setText(
            tr("<b>%1 rows × %2 columns</b> (columns %3–%4), %5. Press Step: GPTQ rounds one "
               "column at a time and moves the columns not yet rounded to make up for its error.")
                .arg(trace.rows)
                .arg(cols)
                .arg(x0)
                .arg(x0 + double(cols - 1))
                .arg(trace.scheme.describe().toHtmlEscaped()));
    }
    QString info = current->activations
                       ? (current->activations->synthetic
                              ? tr("H = XᵀX of synthetic activations (channel 5 ten times larger).")
                              : tr("H = XᵀX of %n calibration token(s).", nullptr,
                                   int(current->activations->tokens)))
                       : tr("No calibration inputs for this layer: H = XᵀX of synthetic "
                            "activations. Record Activations for the real ones.");
    info += QLatin1Char(' ')
            + tr("Damping %1 × mean diag(H). The update is the rounding error times row i of the "
                 "inverse Hessian's Cholesky factor.")
                  .arg(locale.toString(trace.damp, 'g', 3));
    m_stepInfo->setText(info);
    m_stepButton->setEnabled(m_step + 1 < int(cols));
    m_runButton->setEnabled(m_step + 1 < int(cols) || m_runButton->isChecked());
    m_resetButton->setEnabled(m_step >= 0);
    m_stepPlot->replot();
}

void RoundingLabView::showRoundingToolTip(const QPoint& pixel)
{
    if (!m_result) {
        QToolTip::hideText();
        return;
    }
    const RoundingLabResult& r = *m_result;
    QCPAxisRect* rect = m_valueRect->rect().contains(pixel)   ? m_valueRect
                        : m_errorRect->rect().contains(pixel) ? m_errorRect
                                                              : nullptr;
    if (!rect) {
        QToolTip::hideText();
        return;
    }
    const double key = rect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x());
    const auto i = std::int64_t(std::lround(key - double(r.firstColumn)));
    if (i < 0 || i >= r.size()) {
        QToolTip::hideText();
        return;
    }
    const auto k = std::size_t(i);
    const int g = r.groupOf(i);
    const RoundingLabGroup& group = r.groups[std::size_t(g)];
    QStringList lines;
    lines << tr("Column %1 (group %2)").arg(r.firstColumn + i).arg(g);
    lines << tr("w = %1").arg(number(r.original[k], 6));
    if (r.usesScales)
        lines << tr("s = %1, w·s = %2").arg(number(r.scales[k], 5), number(r.scaled[k], 6));
    lines << tr("code %1 of 0…%2 → level %3")
                 .arg(r.codes[k])
                 .arg(r.scheme.maxCode())
                 .arg(number(r.roundedScaled[k], 6));
    lines << tr("ŵ = %1, error ŵ − w = %2").arg(number(r.rounded[k], 6), number(r.error[k], 4));
    lines << tr("group scale %1, zero point %2")
                 .arg(number(group.params.scale, 5), number(group.params.zero, 4));
    if (r.scaled[k] < group.clipLow || r.scaled[k] > group.clipHigh)
        lines << tr("clipped to [%1, %2]").arg(number(group.clipLow, 5), number(group.clipHigh, 5));
    QToolTip::showText(m_plot->mapToGlobal(pixel), lines.join(QLatin1Char('\n')), m_plot);
}

void RoundingLabView::showStepToolTip(const QPoint& pixel)
{
    if (!m_trace || m_trace->steps.empty()) {
        QToolTip::hideText();
        return;
    }
    const GptqTrace& trace = *m_trace;
    const auto current = source();
    QStringList lines;
    if (m_stepErrorRect->rect().contains(pixel)) {
        const auto s =
            std::lround(m_stepErrorRect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()));
        if (s < 1 || s > std::min<long>(long(trace.steps.size()), m_step + 1)) {
            QToolTip::hideText();
            return;
        }
        const GptqStep& step = trace.steps[std::size_t(s - 1)];
        lines << tr("After %n column(s)", nullptr, int(s));
        lines << tr("GPTQ output error %1").arg(number(step.outputError, 6));
        lines << tr("RTN output error %1").arg(number(step.rtnOutputError, 6));
    } else {
        QCPAxisRect* rect = m_stepWeightRect->rect().contains(pixel)   ? m_stepWeightRect
                            : m_stepUpdateRect->rect().contains(pixel) ? m_stepUpdateRect
                                                                       : nullptr;
        if (!rect || !current) {
            QToolTip::hideText();
            return;
        }
        const auto c = std::int64_t(std::lround(
            rect->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()) - m_traceFirstColumn));
        if (c < 0 || c >= trace.cols) {
            QToolTip::hideText();
            return;
        }
        const std::int64_t row =
            std::clamp<std::int64_t>(m_stepRow->value() - current->firstRow, 0, trace.rows - 1);
        const auto i = std::size_t(row * trace.cols + c);
        lines << tr("Column %1, row %2").arg(m_traceFirstColumn + c).arg(current->firstRow + row);
        lines << tr("original %1").arg(number(trace.original[i], 6));
        if (m_step >= 0) {
            const GptqStep& step = trace.steps[std::size_t(m_step)];
            lines
                << (c <= m_step ? tr("rounded %1") : tr("now %1")).arg(number(step.weights[i], 6));
            if (c > m_step)
                lines << tr("changed this step by %1").arg(number(-step.update[i], 4));
        }
        lines << tr("RTN would give %1").arg(number(trace.rtnRounded[i], 6));
    }
    QToolTip::showText(m_stepPlot->mapToGlobal(pixel), lines.join(QLatin1Char('\n')), m_stepPlot);
}

void RoundingLabView::exportPlot(QCustomPlot* plot)
{
    const QString problem = exportPlotInteractively(plot, this);
    if (!problem.isEmpty())
        m_info->setText(problem);
}

} // namespace qb
