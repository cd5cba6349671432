#pragma once

#include <QString>

namespace qb {

// Something the user should know about that did not stop the operation: a non-finite weight, a
// layer kept unquantized, a fallback taken. Shown in the GUI's issues panel and on the CLI's
// stderr. `subject` names what it is about (a tensor, a layer, a file) so the GUI can go to it.
struct Issue {
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Warning;
    QString message;
    QString subject;
};

} // namespace qb
