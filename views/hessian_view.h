#pragma once

#include "core/analysis/layer_input_profile.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;

namespace qb {

// GPTQ's Hessian of one linear layer's input, per input channel: diag(XᵀX) (H = 2/n · XᵀX; the
// factor is left out) as bars on a log axis, in channel order or in the act-order it implies
// (descending diagonal, the order GPTQ quantizes the columns in), dead channels (a zero diagonal)
// marked red on the axis, and a line with the damping used, the plan's percdamp, the condition
// estimate of the damped H and the number of dead channels. Clicking a bar selects the channel
// and shows its values. It only draws the LayerInputProfile it is given.
class HessianView : public QWidget {
    Q_OBJECT

public:
    explicit HessianView(QWidget* parent = nullptr);

    // As OutlierChannelView: profiles of another layer than the selected one are ignored.
    void setSelectedLayer(const QString& layerName);
    QString selectedLayer() const { return m_layer; }
    void setProfile(std::shared_ptr<const LayerInputProfile> profile);
    const std::shared_ptr<const LayerInputProfile>& profile() const { return m_profile; }
    void showMessage(const QString& message);
    QString message() const { return m_message; }

    bool isActOrder() const;
    void setActOrder(bool on);
    bool isLogScale() const;
    void setLogScale(bool on);

    // What is drawn, for tests: the channel at each bar position, the bar values in that order,
    // the positions of the dead-channel markers, the channel under plot coordinate x (-1: none),
    // the summary line and the selected channel (-1: none).
    const std::vector<int>& shownChannels() const { return m_order; }
    std::vector<double> shownValues() const;
    std::vector<double> deadMarkerPositions() const;
    int channelAt(double x) const;
    QString summary() const;
    int selectedChannel() const { return m_selectedChannel; }
    void selectChannel(int channel);

    QCustomPlot* plot() const { return m_plot; }
    QLabel* infoLabel() const { return m_info; }

Q_SIGNALS:
    void channelClicked(int channel);

private:
    void redraw();
    QString channelText(int channel) const; // one line per value
    void showToolTip(const QPoint& pixel);
    void exportPlot();

    std::shared_ptr<const LayerInputProfile> m_profile;
    QString m_layer;
    QString m_message;
    std::vector<int> m_order;      // channel at each x position
    std::vector<int> m_positionOf; // x position of each channel
    int m_selectedChannel = -1;
    QCustomPlot* m_plot;
    QComboBox* m_orderBox;
    QCheckBox* m_log;
    QLabel* m_headline;
    QLabel* m_summary;
    QLabel* m_info;
};

} // namespace qb
