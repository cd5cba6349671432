#pragma once

#include "core/util/issue.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace qb {

// The issues of the session, newest last: errors that stopped an operation and warnings that did
// not (non-finite weights, skipped layers). A flat table: severity and message, subject, time.
class IssuesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { MessageColumn, SubjectColumn, TimeColumn, ColumnCount };
    static constexpr int SubjectRole = Qt::UserRole;
    static constexpr int SeverityRole = Qt::UserRole + 1;

    explicit IssuesModel(QObject* parent = nullptr);

    void addIssue(const Issue& issue);
    void clear();
    int countWithSeverity(Issue::Severity severity) const;
    const Issue& issueAt(int row) const { return m_entries[static_cast<std::size_t>(row)].issue; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Entry {
        Issue issue;
        QDateTime time;
    };
    std::vector<Entry> m_entries;
};

} // namespace qb
