#pragma once

#include "core/util/progress.h"

#include <QString>

#include <atomic>

namespace qb::test {

// Cancels the operation once a progress text containing `trigger` is delivered (exporters report
// "Writing <tensor>" before each tensor, so a test can stop one in the middle).
class CancelOnText final : public Progress {
public:
    explicit CancelOnText(QString trigger)
        : m_trigger(std::move(trigger))
    {
    }
    bool fired() const { return m_cancelled; }

protected:
    void deliver(double, const QString& text) override
    {
        if (text.contains(m_trigger))
            m_cancelled = true;
    }
    bool cancelRequested() const override { return m_cancelled; }

private:
    QString m_trigger;
    std::atomic<bool> m_cancelled{false};
};

} // namespace qb::test
