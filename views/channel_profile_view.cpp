#include "views/channel_profile_view.h"

#include <cmath>

namespace qb {

ChannelProfileView::ChannelProfileView(QWidget* parent)
    : QWidget(parent)
{
}

void ChannelProfileView::setSelectedLayer(const QString& layerName)
{
    if (layerName == m_layer)
        return;
    m_layer = layerName;
    if (m_profile && m_profile->layerName != layerName) {
        m_profile.reset();
        m_selectedChannel = -1;
        redraw();
    }
}

void ChannelProfileView::setProfile(std::shared_ptr<const LayerInputProfile> profile)
{
    if (profile && !m_layer.isEmpty() && profile->layerName != m_layer)
        return;
    if (!profile || !m_profile || profile->layerName != m_profile->layerName
        || profile->channels() != m_profile->channels())
        m_selectedChannel = -1;
    m_profile = std::move(profile);
    m_message.clear();
    redraw();
}

void ChannelProfileView::showMessage(const QString& message)
{
    m_profile.reset();
    m_selectedChannel = -1;
    m_message = message;
    redraw();
}

int ChannelProfileView::channelAt(double x) const
{
    const long position = std::lround(x);
    if (position < 0 || position >= long(m_order.size()) || std::abs(x - double(position)) > 0.5)
        return -1;
    return m_order[std::size_t(position)];
}

void ChannelProfileView::selectChannel(int channel)
{
    if (!m_profile || channel < 0 || channel >= m_profile->channels())
        channel = -1;
    m_selectedChannel = channel;
    redraw();
}

void ChannelProfileView::setShownChannels(std::vector<int> order)
{
    m_order = std::move(order);
    m_positionOf.assign(m_order.size(), 0);
    for (std::size_t i = 0; i < m_order.size(); ++i)
        m_positionOf[std::size_t(m_order[i])] = int(i);
}

} // namespace qb
