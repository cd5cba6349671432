#include "views/compute_device_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qb {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString memoryText(std::int64_t bytes)
{
    return bytes > 0 ? QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat)
                     : QStringLiteral("—");
}

} // namespace

ComputeDeviceDialog::ComputeDeviceDialog(const ComputeDeviceList& devices, const QString& current,
                                         QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("computeDeviceDialog"));
    setWindowTitle(tr("Compute Device"));

    auto* intro = new QLabel(
        tr("Where calibration (X<sup>T</sup>X), the linear layers' products, the quantization "
           "grids and GPTQ's column loop run. Results are the same on every device to float "
           "rounding; if a device fails during a run, the run continues on the CPU and says so."),
        this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("deviceList"));
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("Device"), tr("Kind"), tr("Platform"), tr("Memory"),
                             tr("Largest buffer"), tr("Compute units"), tr("Version")});
    for (const ComputeDevice& device : devices.devices) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, device.name);
        item->setText(1, device.isOpenCl() ? tr("OpenCL") : tr("CPU"));
        item->setText(2, device.platform.isEmpty() ? QStringLiteral("—") : device.platform);
        item->setText(3, memoryText(device.globalMemoryBytes));
        item->setText(4, memoryText(device.maxAllocationBytes));
        item->setText(5, QLocale().toString(device.computeUnits));
        item->setText(6,
                      device.deviceVersion.isEmpty() ? QStringLiteral("—") : device.deviceVersion);
        for (int column = 3; column <= 5; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, tr("%1\nBackend id: %2").arg(device.describe(), device.id));
        item->setData(0, kIdRole, device.id);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("openClNote"));
    m_note->setWordWrap(true);
    m_note->setText(devices.openClProblem.isEmpty()
                        ? QString()
                        : tr("No OpenCL device is available: %1").arg(devices.openClProblem));
    m_note->setVisible(!devices.openClProblem.isEmpty());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(1000, 320);
    selectId(current);
}

QString ComputeDeviceDialog::selectedId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kIdRole).toString() : QStringLiteral("cpu");
}

void ComputeDeviceDialog::selectId(const QString& id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toString() == id) {
            m_list->setCurrentItem(item);
            return;
        }
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

} // namespace qb
