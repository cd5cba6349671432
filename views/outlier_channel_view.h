#pragma once

#include "views/channel_profile_view.h"

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPAxisRect;
class QCPLegend;
class QCustomPlot;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace qb {

// The outlier channels of one linear layer's input: per input channel, mean |x| or max |x| from
// calibration as bars (in channel order or sorted, linear or log), the weight's column L2 norm
// and largest |w| per channel in a second plot below on the same channel axis, the AWQ scales or
// SmoothQuant factors on a right-hand axis when the run computed them, and a table of the top-k
// channels with their ratio to the median. Clicking a bar (or a table row) selects the channel
// and shows its values. It only draws the LayerInputProfile it is given.
class OutlierChannelView : public ChannelProfileView {
    Q_OBJECT

public:
    enum class Statistic { MeanAbs, MaxAbs };

    explicit OutlierChannelView(QWidget* parent = nullptr);

    Statistic statistic() const;
    void setStatistic(Statistic statistic);
    bool isSorted() const;
    void setSorted(bool sorted);
    bool isLogScale() const;
    void setLogScale(bool on);
    int topCount() const;

    // What is drawn, for tests: the activation bars' and the weight norms' values in
    // shownChannels() order, and the channels in the top-k table.
    std::vector<double> shownValues() const;
    std::vector<double> shownWeightNorms() const;
    std::vector<int> tableChannels() const;

    QCustomPlot* plot() const { return m_plot; }
    QTableWidget* topTable() const { return m_table; }
    QLabel* infoLabel() const { return m_info; }

private:
    void redraw() override;
    void fillTable();
    void showToolTip(const QPoint& pixel);
    int channelAtPixel(const QPoint& pixel) const;
    QString channelText(int channel) const; // one line per value
    const std::vector<double>& values() const;
    void exportPlot();

    QCustomPlot* m_plot;
    QCPAxisRect* m_weightRect;
    QCPLegend* m_weightLegend; // of the weight plot (the plot's own legend is the top one's)
    QComboBox* m_statistic;
    QComboBox* m_orderBox;
    QCheckBox* m_log;
    QSpinBox* m_top;
    QLabel* m_headline;
    QTableWidget* m_table;
    QLabel* m_info;
};

} // namespace qb
