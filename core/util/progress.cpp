#include "core/util/progress.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace qb {

void Progress::report(double fraction, const QString& text)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    const bool textChanged = !text.isEmpty() && text != m_lastText;
    const bool moved = std::abs(fraction - m_lastFraction) >= 0.001;
    const bool finished = fraction >= 1.0 && m_lastFraction < 1.0;
    if (!textChanged && !moved && !finished)
        return;
    m_lastFraction = fraction;
    if (!text.isEmpty())
        m_lastText = text;
    deliver(fraction, m_lastText);
}

void Progress::throwIfCancelled() const
{
    if (cancelRequested())
        throw Cancelled();
}

} // namespace qb
