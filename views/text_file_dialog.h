#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace qb {

// The file dialog for picking a UTF-8 text file (calibration or evaluation text): one filter and
// one starting folder rule for every panel that asks for one.
class TextFileDialog {
    Q_DECLARE_TR_FUNCTIONS(TextFileDialog)

public:
    // Asks for an existing text file, starting in the folder of `currentPath` (the working folder
    // when it is empty). Returns the chosen path, or an empty string when the user cancelled.
    static QString ask(QWidget* parent, const QString& title, const QString& currentPath);
};

} // namespace qb
