#pragma once

#include "views/channel_profile_view.h"

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
class HessianView : public ChannelProfileView {
    Q_OBJECT

public:
    explicit HessianView(QWidget* parent = nullptr);

    bool isActOrder() const;
    void setActOrder(bool on);
    bool isLogScale() const;
    void setLogScale(bool on);

    // What is drawn, for tests: the bar values in shownChannels() order, the positions of the
    // dead-channel markers and the summary line.
    std::vector<double> shownValues() const;
    std::vector<double> deadMarkerPositions() const;
    QString summary() const;

    QCustomPlot* plot() const { return m_plot; }
    QLabel* infoLabel() const { return m_info; }

private:
    void redraw() override;
    QString channelText(int channel) const; // one line per value
    void showToolTip(const QPoint& pixel);
    void exportPlot();

    QCustomPlot* m_plot;
    QComboBox* m_orderBox;
    QCheckBox* m_log;
    QLabel* m_headline;
    QLabel* m_summary;
    QLabel* m_info;
};

} // namespace qb
