#pragma once

#include "core/analysis/layer_input_profile.h"

#include <QWidget>

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
class OutlierChannelView : public QWidget {
    Q_OBJECT

public:
    enum class Statistic { MeanAbs, MaxAbs };

    explicit OutlierChannelView(QWidget* parent = nullptr);

    // The layer the owner follows: a profile of another layer is then ignored (a late result),
    // and the plot waits, empty, for this layer's profile.
    void setSelectedLayer(const QString& layerName);
    QString selectedLayer() const { return m_layer; }
    // Draws `profile` when it is of the selected layer (or no layer is selected).
    void setProfile(std::shared_ptr<const LayerInputProfile> profile);
    const std::shared_ptr<const LayerInputProfile>& profile() const { return m_profile; }
    // Clears the plot and says why (no calibration text, being measured, failed).
    void showMessage(const QString& message);
    QString message() const;

    Statistic statistic() const;
    void setStatistic(Statistic statistic);
    bool isSorted() const;
    void setSorted(bool sorted);
    bool isLogScale() const;
    void setLogScale(bool on);
    int topCount() const;

    // What is drawn, for tests: the channel at each bar position (x = 0, 1, …), the activation
    // bar and weight values in that order, the channel under plot coordinate x (-1: none), the
    // channels in the top-k table, and the selected channel (-1: none).
    const std::vector<int>& shownChannels() const { return m_order; }
    std::vector<double> shownValues() const;
    std::vector<double> shownWeightNorms() const;
    int channelAt(double x) const;
    std::vector<int> tableChannels() const;
    int selectedChannel() const { return m_selectedChannel; }
    void selectChannel(int channel);

    QCustomPlot* plot() const { return m_plot; }
    QTableWidget* topTable() const { return m_table; }
    QLabel* infoLabel() const { return m_info; }

Q_SIGNALS:
    void channelClicked(int channel);

private:
    void redraw();
    void fillTable();
    void showToolTip(const QPoint& pixel);
    int channelAtPixel(const QPoint& pixel) const;
    QString channelText(int channel) const; // one line per value
    const std::vector<double>& values() const;
    void exportPlot();

    std::shared_ptr<const LayerInputProfile> m_profile;
    QString m_layer;
    QString m_message;
    std::vector<int> m_order;      // channel at each x position
    std::vector<int> m_positionOf; // x position of each channel
    int m_selectedChannel = -1;
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
