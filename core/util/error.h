#pragma once

#include <QString>

#include <exception>
#include <string>

namespace qb {

// An error a user can act on. The message names the file, tensor or field concerned and what is
// wrong with it, and is already translated. Thrown by core/ and caught at the edges (the job
// runner in the GUI, the command dispatcher in the CLI), where it is shown to the user.
class Error : public std::exception {
public:
    explicit Error(QString message);

    const QString& message() const noexcept { return m_message; }
    const char* what() const noexcept override { return m_utf8.c_str(); }

private:
    QString m_message;
    std::string m_utf8;
};

// Thrown by Progress::throwIfCancelled() when the user cancelled the operation. Not an error:
// callers report it as "cancelled" and leave no partial output behind.
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

} // namespace qb
