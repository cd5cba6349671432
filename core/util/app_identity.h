#pragma once

namespace qb {

// Sets the organisation and application names and the version on the running QCoreApplication,
// the same for the GUI and the CLI (QSettings paths and --version depend on them).
void setApplicationIdentity();

} // namespace qb
