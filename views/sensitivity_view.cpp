#include "views/sensitivity_view.h"

#include "views/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

namespace {

// Most cells that get their value written in them (beyond, the texts would cost more than they
// tell).
constexpr int kMaxCellTexts = 600;
// A press that moves less than this (pixels) before the release is a click, not a drag.
constexpr int kClickSlop = 4;

// Sequential, light (harmless) to dark (sensitive), readable by colour-blind people (ColorBrewer
// YlOrBr).
QCPColorGradient sensitivityGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(255, 255, 229));
    gradient.setColorStopAt(0.2, QColor(254, 227, 145));
    gradient.setColorStopAt(0.45, QColor(254, 153, 41));
    gradient.setColorStopAt(0.7, QColor(204, 76, 2));
    gradient.setColorStopAt(1.0, QColor(102, 37, 6));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

// QCPColorMap puts its cells' centres at the ends of its range, so one cell needs two: both
// hold the same value, at ±0.25 around the cell's centre.
int mapSize(int cells)
{
    return cells == 1 ? 2 : cells;
}
QCPRange mapRange(int cells)
{
    return cells == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, std::max(cells - 1, 1));
}
int cellOfMapIndex(int cells, int index)
{
    return cells == 1 ? 0 : index;
}

QString unitKindText(SensitivityUnitKind kind)
{
    switch (kind) {
    case SensitivityUnitKind::Layer:
        return SensitivityView::tr("one layer at a time");
    case SensitivityUnitKind::Block:
        return SensitivityView::tr("one block at a time");
    case SensitivityUnitKind::Role:
        return SensitivityView::tr("one role across all blocks at a time");
    }
    return {};
}

} // namespace

SensitivityView::SensitivityView(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_ranking(new SensitivityRankingModel(this))
    , m_table(new QTableView(this))
    , m_metric(new QComboBox(this))
    , m_log(new QCheckBox(tr("Log colour scale"), this))
    , m_rankBits(new QComboBox(this))
    , m_autoBits(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_checkLabel(new QLabel(this))
    , m_info(new QLabel(this))
{
    m_metric->setObjectName(QStringLiteral("sensitivityMetric"));
    m_metric->addItem(tr("Δ perplexity"), int(SensitivityMetric::DeltaPerplexity));
    m_metric->addItem(tr("KL divergence"), int(SensitivityMetric::Kl));
    m_metric->setToolTip(tr("What the colours and the ranking show: the change in perplexity, or "
                            "the mean KL divergence from the full-precision model"));
    m_log->setObjectName(QStringLiteral("sensitivityLog"));
    // On at first: each bit less multiplies the error, so the widths differ by orders of
    // magnitude and a linear scale shows the narrowest width alone.
    m_log->setChecked(true);
    m_log->setToolTip(tr("Logarithmic colour scale: the units differ by orders of magnitude "
                         "(changes of zero or less take the lightest colour)"));
    m_rankBits->setObjectName(QStringLiteral("sensitivityRankBits"));
    m_rankBits->setToolTip(tr("The bit-width the list ranks the units at"));
    auto* newScan = new QToolButton(this);
    newScan->setObjectName(QStringLiteral("sensitivityNewScan"));
    newScan->setText(tr("New Scan…"));
    newScan->setToolTip(tr("Run a sensitivity scan with other settings"));
    m_autoBits->setObjectName(QStringLiteral("sensitivityAutoBits"));
    m_autoBits->setText(tr("Automatic Bits…"));
    m_autoBits->setToolTip(tr("Choose each layer's bit-width from this scan for a target average "
                              "bits per weight"));
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the heatmap as PNG, SVG or PDF"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_metric);
    controls->addWidget(m_log);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Rank at:"), this));
    controls->addWidget(m_rankBits);
    controls->addStretch(1);
    controls->addWidget(exportButton);

    m_summary->setObjectName(QStringLiteral("sensitivitySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkLabel->setObjectName(QStringLiteral("sensitivityPlanCheck"));
    m_checkLabel->setWordWrap(true);
    m_checkLabel->setTextFormat(Qt::RichText);
    m_checkLabel->setStyleSheet(QStringLiteral("QLabel { background: #eef4fc; border: 1px solid "
                                               "#b8cde8; padding: 4px; }"));
    m_checkLabel->setToolTip(
        tr("The prediction adds up what each layer did alone in the scan, scaled per width by "
           "how much more the whole model lost at that width (quantized layers' errors "
           "compound); a scan without the whole-model measurements gives the plain sum, which "
           "is usually smaller than the measured change."));
    m_checkLabel->hide();
    m_info->setObjectName(QStringLiteral("sensitivityInfo"));
    m_info->setWordWrap(true);

    m_plot->setObjectName(QStringLiteral("sensitivityPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Few bit-widths, many units: pan and zoom along the units.
    m_plot->axisRect()->setRangeDrag(Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Vertical);
    m_plot->setMouseTracking(true);
    m_plot->yAxis->setRangeReversed(true); // model order from the top
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 3);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    QFont tickFont = m_plot->yAxis->tickLabelFont();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 0.9);
    m_plot->yAxis->setTickLabelFont(tickFont);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    m_map->setGradient(sensitivityGradient());
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    m_scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    m_table->setObjectName(QStringLiteral("sensitivityRanking"));
    m_table->setModel(m_ranking);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(QString());

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("sensitivitySplitter"));
    splitter->addWidget(m_plot);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // The heatmap's share: more than the table's, which scrolls.
    splitter->setSizes({600, 400});
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_checkLabel);
    layout->addWidget(splitter, 1);
    // The actions below, beside the wrapping info line, so that the tab stays narrow.
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_info, 1);
    footer->addWidget(newScan);
    footer->addWidget(m_autoBits);
    layout->addLayout(footer);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        m_ranking->setMetric(metric());
        redraw();
        m_table->resizeColumnsToContents(); // the shown figure's column is bold
    });
    connect(m_log, &QCheckBox::toggled, this, &SensitivityView::redraw);
    connect(m_rankBits, &QComboBox::currentIndexChanged, this, [this] {
        if (m_rankBits->currentIndex() >= 0)
            m_ranking->setBits(m_rankBits->currentData().toInt());
        updateSelectionMark();
        m_table->resizeColumnsToContents();
    });
    connect(newScan, &QToolButton::clicked, this, &SensitivityView::scanRequested);
    connect(m_autoBits, &QToolButton::clicked, this, &SensitivityView::autoBitsRequested);
    connect(exportButton, &QToolButton::clicked, this, &SensitivityView::exportPlot);
    connect(m_table, &QTableView::clicked, this,
            [this](const QModelIndex& index) { emitUnit(m_ranking->unitAt(index.row())); });
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showToolTip(event->pos()); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
        const QPoint pressed = m_plot->property("pressPosition").toPoint();
        if (event->button() != Qt::LeftButton
            || (event->pos() - pressed).manhattanLength() > kClickSlop)
            return;
        int unit = -1;
        int column = -1;
        if (cellAt(event->pos(), &unit, &column))
            emitUnit(unit);
    });
    connect(m_plot, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* event) { m_plot->setProperty("pressPosition", event->pos()); });
    // The unit labels and cell texts depend on how many pixels a cell has.
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        updateUnitTicks();
        updateCellTexts();
    });
    redraw();
}

SensitivityView::~SensitivityView() = default;

QSize SensitivityView::sizeHint() const
{
    return QWidget::sizeHint().expandedTo(QSize(760, 520));
}

void SensitivityView::setScan(std::shared_ptr<const SensitivityScanResult> scan)
{
    m_scan = std::move(scan);
    const int wanted = rankBits();
    {
        const QSignalBlocker blocker(m_rankBits);
        m_rankBits->clear();
        if (m_scan) {
            for (int bits : m_scan->bits)
                m_rankBits->addItem(tr("%1 bits").arg(bits), bits);
        }
        const int index = m_rankBits->findData(wanted);
        m_rankBits->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_ranking->setScan(m_scan);
    m_ranking->setBits(rankBits());
    m_ranking->setMetric(metric());
    const QString selected = m_selected;
    m_selected.clear();
    setSelectedLayer(selected);
    redraw();
    m_table->resizeColumnsToContents();
}

SensitivityMetric SensitivityView::metric() const
{
    return SensitivityMetric(m_metric->currentData().toInt());
}

void SensitivityView::setMetric(SensitivityMetric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

bool SensitivityView::isLogScale() const
{
    return m_log->isChecked();
}

void SensitivityView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

int SensitivityView::rankBits() const
{
    return m_rankBits->currentIndex() >= 0 ? m_rankBits->currentData().toInt() : 0;
}

void SensitivityView::setRankBits(int bits)
{
    const int index = m_rankBits->findData(bits);
    if (index >= 0)
        m_rankBits->setCurrentIndex(index);
}

double SensitivityView::cellValue(int unit, int column) const
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (!m_scan || unit < 0 || unit >= int(m_scan->units.size()) || column < 0
        || column >= int(m_scan->bits.size()))
        return nan;
    // Read back from the map, so that tests see what is drawn.
    const int key = m_scan->bits.size() == 1 ? 0 : column;
    const int value = m_scan->units.size() == 1 ? 0 : unit;
    return m_map->data()->cell(key, value);
}

QPointF SensitivityView::cellCentre(int unit, int column) const
{
    return {double(column), double(unit)};
}

void SensitivityView::setSelectedLayer(const QString& layerName)
{
    m_selected = layerName;
    int unit = -1;
    if (m_scan) {
        if (const SensitivityLayer* layer = m_scan->findLayer(layerName))
            unit = layer->unit;
    }
    if (unit == m_selectedUnit && m_selectionMark)
        return;
    m_selectedUnit = unit;
    updateSelectionMark();
}

void SensitivityView::updateSelectionMark()
{
    if (m_selectionMark) {
        m_plot->removeItem(m_selectionMark);
        m_selectionMark = nullptr;
    }
    if (m_scan && m_selectedUnit >= 0) {
        m_selectionMark = new QCPItemRect(m_plot);
        m_selectionMark->setClipToAxisRect(true);
        m_selectionMark->topLeft->setCoords(-0.5, m_selectedUnit - 0.5);
        m_selectionMark->bottomRight->setCoords(double(m_scan->bits.size()) - 0.5,
                                                m_selectedUnit + 0.5);
        m_selectionMark->setPen(QPen(QColor(0x2f, 0x74, 0xd0), 2.5));
        m_selectionMark->setBrush(Qt::NoBrush);
        const int row = m_ranking->rowOf(m_selectedUnit);
        if (row >= 0) {
            m_table->selectRow(row);
            m_table->scrollTo(m_ranking->index(row, 0));
        }
    } else {
        m_table->clearSelection();
    }
    m_tickStep = 0; // relabel: the selected unit is always named
    m_plot->replot();
}

QString SensitivityView::unitLabel(int unit) const
{
    return sensitivityUnitLabel(*m_scan, unit);
}

void SensitivityView::updateUnitTicks()
{
    if (!m_scan || m_scan->units.empty())
        return;
    // Label every step-th unit so that the labels do not overlap at the current zoom.
    const double visible = std::max(1.0, m_plot->yAxis->range().size());
    const double pixels = std::max(20, m_plot->axisRect()->height());
    const double labelPixels = QFontMetrics(m_plot->yAxis->tickLabelFont()).height() + 1.0;
    const int step = std::max(1, int(std::ceil(visible * labelPixels / pixels)));
    if (step == m_tickStep)
        return;
    m_tickStep = step;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int units = int(m_scan->units.size());
    for (int unit = 0; unit < units; ++unit) {
        const bool selected = unit == m_selectedUnit;
        if (unit % step != 0 && !selected)
            continue;
        // The selected unit's neighbours give way to it.
        if (!selected && m_selectedUnit >= 0 && std::abs(unit - m_selectedUnit) < step)
            continue;
        ticker->addTick(unit, selected ? QStringLiteral("▶ ") + unitLabel(unit) : unitLabel(unit));
    }
    m_plot->yAxis->setTicker(ticker);
}

void SensitivityView::updateCellTexts()
{
    if (m_cellTexts.empty())
        return;
    const double cellHeight =
        std::abs(m_plot->yAxis->coordToPixel(1.0) - m_plot->yAxis->coordToPixel(0.0));
    const double cellWidth =
        std::abs(m_plot->xAxis->coordToPixel(1.0) - m_plot->xAxis->coordToPixel(0.0));
    const QFontMetrics metrics(static_cast<QCPItemText*>(m_cellTexts.front())->font());
    // Room for the text with a little margin, else none (the tooltip has the value).
    const bool room = cellHeight >= metrics.height() + 2
                      && cellWidth >= metrics.horizontalAdvance(QStringLiteral("-0.00000"));
    for (QCPAbstractItem* text : m_cellTexts)
        text->setVisible(room);
}

void SensitivityView::redraw()
{
    for (QCPAbstractItem* item : m_missingMarks)
        m_plot->removeItem(item);
    m_missingMarks.clear();
    for (QCPAbstractItem* item : m_cellTexts)
        m_plot->removeItem(item);
    m_cellTexts.clear();
    for (QCPAbstractItem* item : m_blockLines)
        m_plot->removeItem(item);
    m_blockLines.clear();
    m_tickStep = 0;

    const SensitivityMetric shown = metric();
    const bool logScale = isLogScale();
    const int units = m_scan ? int(m_scan->units.size()) : 0;
    const int widths = m_scan ? int(m_scan->bits.size()) : 0;
    m_autoBits->setEnabled(m_scan && m_scan->complete);
    m_rankBits->setEnabled(widths > 0);

    m_scale->axis()->setLabel(shown == SensitivityMetric::Kl
                                  ? tr("KL divergence (nats/token)")
                                  : tr("Δ perplexity (vs. full precision)"));
    m_plot->xAxis->setLabel(tr("Bit-width of the quantized unit (bits per weight)"));
    m_plot->yAxis->setLabel(!m_scan || m_scan->unit == SensitivityUnitKind::Layer
                                ? tr("Layer (block · role), in model order")
                            : m_scan->unit == SensitivityUnitKind::Block
                                ? tr("Block, in model order")
                                : tr("Role, across all blocks"));
    QSharedPointer<QCPAxisTickerText> bitsTicker(new QCPAxisTickerText);
    for (int column = 0; column < widths; ++column)
        bitsTicker->addTick(column, tr("%1-bit").arg(m_scan->bits[std::size_t(column)]));
    m_plot->xAxis->setTicker(bitsTicker);

    if (units == 0 || widths == 0) {
        m_map->data()->clear();
        m_map->setVisible(false);
        m_scale->setVisible(false);
        m_plot->xAxis->setRange(-0.5, 0.5);
        m_plot->yAxis->setRange(-0.5, 0.5);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
        updateLabels();
        m_plot->replot();
        return;
    }
    m_map->setVisible(true);
    m_scale->setVisible(true);

    // The figures, and the range the colours span.
    std::vector<double> values(std::size_t(units) * std::size_t(widths),
                               std::numeric_limits<double>::quiet_NaN());
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    double lowPositive = std::numeric_limits<double>::infinity();
    for (int unit = 0; unit < units; ++unit) {
        for (int column = 0; column < widths; ++column) {
            const SensitivityPoint* point =
                m_scan->units[std::size_t(unit)].find(m_scan->bits[std::size_t(column)]);
            if (!point)
                continue;
            const double v = sensitivityValue(*point, shown);
            values[std::size_t(unit) * std::size_t(widths) + std::size_t(column)] = v;
            low = std::min(low, v);
            high = std::max(high, v);
            if (v > 0.0)
                lowPositive = std::min(lowPositive, v);
        }
    }
    const bool anyValue = std::isfinite(low);
    QCPRange colourRange;
    if (logScale) {
        colourRange = std::isfinite(lowPositive)
                          ? QCPRange(lowPositive, std::max(high, lowPositive * 10.0))
                          : QCPRange(1e-6, 1.0);
    } else if (anyValue) {
        colourRange = QCPRange(std::min(0.0, low), high > std::min(0.0, low) ? high : low + 1.0);
    } else {
        colourRange = QCPRange(0.0, 1.0);
    }

    auto* data =
        new QCPColorMapData(mapSize(widths), mapSize(units), mapRange(widths), mapRange(units));
    for (int key = 0; key < mapSize(widths); ++key) {
        for (int row = 0; row < mapSize(units); ++row) {
            double v = values[std::size_t(cellOfMapIndex(units, row)) * std::size_t(widths)
                              + std::size_t(cellOfMapIndex(widths, key))];
            if (logScale && std::isfinite(v) && v <= 0.0)
                v = colourRange.lower;
            data->setCell(key, row, v);
        }
    }
    m_map->setData(data, false);
    m_map->setDataScaleType(logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_map->setDataRange(colourRange);
    if (logScale)
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));

    // Cells not measured (a cancelled scan): hatched.
    for (int unit = 0; unit < units; ++unit) {
        for (int column = 0; column < widths; ++column) {
            if (std::isfinite(
                    values[std::size_t(unit) * std::size_t(widths) + std::size_t(column)]))
                continue;
            auto* mark = new QCPItemRect(m_plot);
            mark->setClipToAxisRect(true);
            mark->topLeft->setCoords(column - 0.5, unit - 0.5);
            mark->bottomRight->setCoords(column + 0.5, unit + 0.5);
            mark->setPen(QPen(QColor(200, 200, 200)));
            mark->setBrush(QBrush(QColor(150, 150, 150), Qt::BDiagPattern));
            m_missingMarks.push_back(mark);
        }
    }
    // Layer units: a white line between blocks, so that the blocks stand out.
    if (m_scan->unit == SensitivityUnitKind::Layer) {
        for (int unit = 1; unit < units; ++unit) {
            const SensitivityLayer* above =
                m_scan->findLayer(m_scan->units[std::size_t(unit - 1)].name);
            const SensitivityLayer* below =
                m_scan->findLayer(m_scan->units[std::size_t(unit)].name);
            if (!above || !below || above->block == below->block)
                continue;
            auto* line = new QCPItemLine(m_plot);
            line->setClipToAxisRect(true);
            line->start->setCoords(-0.5, unit - 0.5);
            line->end->setCoords(widths - 0.5, unit - 0.5);
            line->setPen(QPen(Qt::white, 3));
            m_blockLines.push_back(line);
        }
    }
    // Each measured cell's value, in black or white by the colour beneath it.
    if (units * widths <= kMaxCellTexts) {
        const QLocale locale;
        QFont font = m_plot->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        for (int unit = 0; unit < units; ++unit) {
            for (int column = 0; column < widths; ++column) {
                const double v =
                    values[std::size_t(unit) * std::size_t(widths) + std::size_t(column)];
                if (!std::isfinite(v))
                    continue;
                auto* text = new QCPItemText(m_plot);
                text->setClipToAxisRect(true);
                text->position->setCoords(column, unit);
                text->setFont(font);
                text->setText(locale.toString(v, 'g', 3));
                double fraction = 0.0;
                if (logScale)
                    fraction = std::log(std::max(v, colourRange.lower) / colourRange.lower)
                               / std::log(colourRange.upper / colourRange.lower);
                else
                    fraction = (v - colourRange.lower) / colourRange.size();
                text->setColor(fraction > 0.5 ? Qt::white : QColor(40, 40, 40));
                m_cellTexts.push_back(text);
            }
        }
    }

    m_plot->xAxis->setRange(-0.5, widths - 0.5);
    m_plot->yAxis->setRange(-0.5, units - 0.5);
    updateLabels();
    updateSelectionMark(); // replots
}

void SensitivityView::updateLabels()
{
    const QLocale locale;
    if (!m_scan) {
        m_summary->setText(tr("No sensitivity scan yet."));
        m_info->setText(tr("Run › Sensitivity Scan… quantizes one layer (or block, or role) at a "
                           "time at each bit-width, everything else in full precision, and "
                           "measures how much the model's perplexity suffers. The most sensitive "
                           "layers are the ones to keep at more bits."));
        m_info->setStyleSheet(QString());
        return;
    }
    m_summary->setText(tr("%1, %2 · full-precision perplexity %3 on %n document(s) (%4 tokens)",
                          nullptr, m_scan->evaluationDocuments)
                           .arg(scanQuantizationText(m_scan->quantization),
                                unitKindText(m_scan->unit),
                                locale.toString(m_scan->referencePerplexity, 'f', 4),
                                locale.toString(qlonglong(m_scan->evaluationTokens))));
    const int measurements = int(m_scan->units.size() * m_scan->bits.size());
    int measured = 0;
    for (const SensitivityUnitResult& unit : m_scan->units)
        measured += int(unit.points.size());
    if (!m_scan->complete) {
        m_info->setText(tr("The scan was cancelled: %1 of %n measurement(s) are missing "
                           "(hatched). Automatic bits needs a complete scan.",
                           nullptr, measurements)
                            .arg(measurements - measured));
        m_info->setStyleSheet(QStringLiteral("color: #8a5a00"));
    } else {
        QString text = tr("%n measurement(s) in %1 s. Click a cell or a row to select its "
                          "layer; drag and scroll to pan and zoom.",
                          nullptr, measurements)
                           .arg(locale.toString(m_scan->seconds, 'f', 1));
        if (!m_scan->uniform.empty()) {
            // The whole model at each width: how far the units' figures are from adding up.
            QStringList widths;
            for (const SensitivityPoint& point : m_scan->uniform)
                widths << tr("%1-bit %2")
                              .arg(point.bits)
                              .arg(locale.toString(point.perplexity, 'f', 2));
            text +=
                QLatin1Char('\n')
                + tr("Every layer at once, perplexity: %1").arg(widths.join(QStringLiteral(" · ")));
        }
        m_info->setText(text);
        m_info->setStyleSheet(QString());
    }
}

void SensitivityView::setPlanCheck(std::optional<PlanCheck> check)
{
    m_check = check;
    m_checkLabel->setVisible(m_check.has_value());
    m_checkLabel->setText(planCheckText());
}

QString SensitivityView::planCheckText() const
{
    if (!m_check)
        return {};
    const QLocale locale;
    const PlanCheck& c = *m_check;
    QString text =
        tr("<b>Automatic bits:</b> %1 bits/weight (target %2) · perplexity predicted <b>%3</b> "
           "(%4 over full precision %5)")
            .arg(locale.toString(c.bitsPerWeight, 'f', 3),
                 locale.toString(c.targetBitsPerWeight, 'f', 2),
                 locale.toString(c.predictedPerplexity, 'f', 4),
                 signedNumber(c.predictedPerplexity - c.referencePerplexity, 4),
                 locale.toString(c.referencePerplexity, 'f', 4));
    if (c.measuredPerplexity) {
        text += QStringLiteral(" · ")
                + tr("measured <b>%1</b> (%2)")
                      .arg(locale.toString(*c.measuredPerplexity, 'f', 4),
                           signedNumber(*c.measuredPerplexity
                                            - c.measuredReference.value_or(c.referencePerplexity),
                                        4));
        if (c.measuredReference
            && std::abs(*c.measuredReference - c.referencePerplexity)
                   > 1e-6 * std::abs(c.referencePerplexity))
            text += QLatin1Char(' ')
                    + tr("— evaluated on another text or context than the scan (full precision "
                         "%1 there), so the two differ by more than the prediction's error")
                          .arg(locale.toString(*c.measuredReference, 'f', 4));
    } else {
        text +=
            QStringLiteral(" · ") + tr("measured: evaluate the plan (Run › Evaluate) to compare");
    }
    if (c.planEdited)
        text += QStringLiteral(" · <i>") + tr("the plan has been edited since")
                + QStringLiteral("</i>");
    return text;
}

bool SensitivityView::cellAt(const QPoint& pixel, int* unit, int* column) const
{
    if (!m_scan || !m_plot->axisRect()->rect().contains(pixel))
        return false;
    const int c = int(std::lround(m_plot->xAxis->pixelToCoord(pixel.x())));
    const int u = int(std::lround(m_plot->yAxis->pixelToCoord(pixel.y())));
    if (c < 0 || c >= int(m_scan->bits.size()) || u < 0 || u >= int(m_scan->units.size()))
        return false;
    *unit = u;
    *column = c;
    return true;
}

void SensitivityView::showToolTip(const QPoint& pixel)
{
    int unit = -1;
    int column = -1;
    if (!cellAt(pixel, &unit, &column)) {
        QToolTip::hideText();
        return;
    }
    const QLocale locale;
    const SensitivityUnitResult& result = m_scan->units[std::size_t(unit)];
    const int bits = m_scan->bits[std::size_t(column)];
    QStringList lines{result.name};
    if (result.layers.size() > 1)
        lines << tr("%n layer(s), first %1", nullptr, int(result.layers.size()))
                     .arg(result.layers.front());
    if (const SensitivityPoint* point = result.find(bits))
        lines << tr("%1 bits: perplexity %2 (Δ %3 from %4)")
                     .arg(bits)
                     .arg(locale.toString(point->perplexity, 'f', 6),
                          signedNumber(point->deltaPerplexity, 6),
                          locale.toString(m_scan->referencePerplexity, 'f', 6))
              << tr("KL divergence %1 nats/token").arg(locale.toString(point->kl, 'g', 6));
    else
        lines << tr("%1 bits: not measured (the scan was cancelled first)").arg(bits);
    QToolTip::showText(m_plot->mapToGlobal(pixel), lines.join(QLatin1Char('\n')), m_plot);
}

void SensitivityView::emitUnit(int unit)
{
    if (!m_scan || unit < 0 || unit >= int(m_scan->units.size())
        || m_scan->units[std::size_t(unit)].layers.isEmpty())
        return;
    Q_EMIT layerClicked(m_scan->units[std::size_t(unit)].layers.front());
}

void SensitivityView::exportPlot()
{
    const QString problem = exportPlotInteractively(m_plot, this);
    if (!problem.isEmpty())
        m_info->setText(problem);
}

} // namespace qb
