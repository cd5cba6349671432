#pragma once

// The window tests' settings isolation: while an IsolatedSettings lives, every AppSettings reads
// and writes a fresh settings.ini in a temporary folder, so a test neither sees nor changes the
// user's settings or another test's.

#include "app/gui/app_settings.h"

#include <QTemporaryDir>

namespace qb::test {

class IsolatedSettings {
public:
    IsolatedSettings() { AppSettings::useFile(m_dir.filePath(QStringLiteral("settings.ini"))); }
    ~IsolatedSettings() { AppSettings::useFile({}); }
    IsolatedSettings(const IsolatedSettings&) = delete;
    IsolatedSettings& operator=(const IsolatedSettings&) = delete;

private:
    QTemporaryDir m_dir;
};

} // namespace qb::test
