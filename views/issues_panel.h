#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace qb {

class IssuesModel;

// The issues dock's content: the list of issues and a Clear button. Activating an issue
// (double-click or Enter) emits subjectActivated with what it concerns, so the window can go to
// that layer.
class IssuesPanel : public QWidget {
    Q_OBJECT

public:
    explicit IssuesPanel(IssuesModel* model, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }

Q_SIGNALS:
    void subjectActivated(const QString& subject);

private:
    void updateSummary();

    IssuesModel* m_model;
    QTreeView* m_view;
    QLabel* m_summary;
};

} // namespace qb
