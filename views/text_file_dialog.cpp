#include "views/text_file_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace qb {

QString TextFileDialog::ask(QWidget* parent, const QString& title, const QString& currentPath)
{
    const QString current = QDir::fromNativeSeparators(currentPath.trimmed());
    const QString start = current.isEmpty() ? QString() : QFileInfo(current).absolutePath();
    return QFileDialog::getOpenFileName(parent, title, start,
                                        tr("Text and datasets (*.txt *.jsonl *.ndjson *.json);;"
                                           "All files (*)"));
}

} // namespace qb
