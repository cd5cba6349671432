#pragma once

#include "core/backend/backend_registry.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace qb {

// Preferences › Compute: every place the heavy work can run — the CPU backend and each OpenCL
// device of each platform, with its memory, largest buffer and compute units — and the one chosen.
// When OpenCL offers nothing, the dialog says why (the list's openClProblem). It only shows and
// returns a choice; the owner creates the backend.
class ComputeDeviceDialog : public QDialog {
    Q_OBJECT

public:
    // `current`: the id in use ("cpu", "opencl:0:0"); the CPU is selected when it is not listed.
    ComputeDeviceDialog(const ComputeDeviceList& devices, const QString& current,
                        QWidget* parent = nullptr);

    // The id of the selected device.
    QString selectedId() const;
    void selectId(const QString& id);

private:
    QTreeWidget* m_list = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace qb
