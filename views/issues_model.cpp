#include "views/issues_model.h"

#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace qb {

IssuesModel::IssuesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void IssuesModel::addIssue(const Issue& issue)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_entries.push_back({issue, QDateTime::currentDateTime()});
    endInsertRows();
}

void IssuesModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int IssuesModel::countWithSeverity(Issue::Severity severity) const
{
    return static_cast<int>(std::count_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) {
        return e.issue.severity == severity;
    }));
}

int IssuesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int IssuesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssuesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn:
            return entry.issue.message;
        case SubjectColumn:
            return entry.issue.subject;
        case TimeColumn:
            return QLocale().toString(entry.time.time(), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == TimeColumn ? QLocale().toString(entry.time, QLocale::LongFormat)
                                            : entry.issue.message;
    case Qt::DecorationRole:
        if (index.column() != MessageColumn)
            return {};
        switch (entry.issue.severity) {
        case Issue::Severity::Error:
            return QIcon(QStringLiteral(":/icons/error.svg"));
        case Issue::Severity::Warning:
            return QIcon(QStringLiteral(":/icons/warning.svg"));
        case Issue::Severity::Info:
            return QIcon(QStringLiteral(":/icons/info.svg"));
        }
        return {};
    case SubjectRole:
        return entry.issue.subject;
    case SeverityRole:
        return static_cast<int>(entry.issue.severity);
    default:
        return {};
    }
}

QVariant IssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MessageColumn:
        return tr("Message");
    case SubjectColumn:
        return tr("Concerns");
    case TimeColumn:
        return tr("Time");
    default:
        return {};
    }
}

} // namespace qb
