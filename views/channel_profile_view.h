#pragma once

#include "core/analysis/layer_input_profile.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace qb {

// What the views of a LayerInputProfile share (OutlierChannelView, HessianView): the layer they
// follow, the profile or the message shown instead, the channel order of the bars and the
// selected channel. Subclasses draw in redraw(); each bar position x = 0, 1, … holds the channel
// shownChannels()[x].
class ChannelProfileView : public QWidget {
    Q_OBJECT

public:
    explicit ChannelProfileView(QWidget* parent = nullptr);

    // The layer the owner follows: a profile of another layer is then ignored (a late result),
    // and the plot waits, empty, for this layer's profile.
    void setSelectedLayer(const QString& layerName);
    QString selectedLayer() const { return m_layer; }
    // Draws `profile` when it is of the selected layer (or no layer is selected).
    void setProfile(std::shared_ptr<const LayerInputProfile> profile);
    const std::shared_ptr<const LayerInputProfile>& profile() const { return m_profile; }
    // Clears the plot and says why (no calibration text, being measured, failed).
    void showMessage(const QString& message);
    QString message() const { return m_message; }

    // The channel at each bar position, and the channel under plot coordinate x (-1: none).
    const std::vector<int>& shownChannels() const { return m_order; }
    int channelAt(double x) const;
    int selectedChannel() const { return m_selectedChannel; }
    // Marks `channel` (-1 or out of range: none) and redraws.
    void selectChannel(int channel);

Q_SIGNALS:
    void channelClicked(int channel);

protected:
    virtual void redraw() = 0;
    // Sets the channel at each bar position (a permutation of 0 … n−1, or empty for none) and
    // its inverse.
    void setShownChannels(std::vector<int> order);

    std::shared_ptr<const LayerInputProfile> m_profile;
    QString m_layer;
    QString m_message;
    std::vector<int> m_order;      // channel at each x position
    std::vector<int> m_positionOf; // x position of each channel
    int m_selectedChannel = -1;
};

} // namespace qb
