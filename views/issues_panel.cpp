#include "views/issues_panel.h"

#include "views/issues_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace qb {

IssuesPanel::IssuesPanel(IssuesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("issuesView"));
    m_summary->setObjectName(QStringLiteral("issuesSummary"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(IssuesModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(IssuesModel::SubjectColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(IssuesModel::TimeColumn, QHeaderView::ResizeToContents);
    m_view->header()->resizeSection(IssuesModel::SubjectColumn, 260);

    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("clearIssuesButton"));
    connect(clear, &QPushButton::clicked, model, &IssuesModel::clear);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString subject = index.data(IssuesModel::SubjectRole).toString();
        if (!subject.isEmpty())
            Q_EMIT subjectActivated(subject);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int, int last) {
                m_view->scrollTo(m_model->index(last, 0));
                updateSummary();
            });
    connect(model, &QAbstractItemModel::modelReset, this, &IssuesPanel::updateSummary);
    updateSummary();
}

void IssuesPanel::updateSummary()
{
    const int errors = m_model->countWithSeverity(Issue::Severity::Error);
    const int warnings = m_model->countWithSeverity(Issue::Severity::Warning);
    m_summary->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(" · ")
                       + tr("%n warning(s)", nullptr, warnings));
}

} // namespace qb
