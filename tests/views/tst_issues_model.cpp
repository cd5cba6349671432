// IssuesModel under QAbstractItemModelTester (adding, clearing, columns, roles, counts by
// severity) and IssuesPanel driven with QTest: activating an issue (double-click or Enter) emits
// the subject it concerns; the summary counts errors and warnings; Clear empties the list.

#include "core/util/issue.h"
#include "views/issues_model.h"
#include "views/issues_panel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace qb;

Q_DECLARE_METATYPE(qb::Issue::Severity)

namespace {

Issue issue(Issue::Severity severity, const QString& message, const QString& subject = {})
{
    Issue i;
    i.severity = severity;
    i.message = message;
    i.subject = subject;
    return i;
}

const QString kUp0 = QStringLiteral("model.layers.0.mlp.up_proj");
const QString kTensor = QStringLiteral("model.layers.3.self_attn.v_proj.weight");

} // namespace

class TestIssuesModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<IssuesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    void addFixtureIssues()
    {
        m_model->addIssue(
            issue(Issue::Severity::Error, QStringLiteral("cannot read the layer"), kUp0));
        m_model->addIssue(
            issue(Issue::Severity::Warning, QStringLiteral("2 weights are NaN"), kTensor));
        m_model->addIssue(issue(Issue::Severity::Info, QStringLiteral("using the CPU backend")));
        m_model->addIssue(issue(Issue::Severity::Warning, QStringLiteral("layer skipped"), kUp0));
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<IssuesModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void headers()
    {
        QCOMPARE(m_model->columnCount(), 3);
        QCOMPARE(m_model->headerData(IssuesModel::MessageColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("Message"));
        QCOMPARE(m_model->headerData(IssuesModel::SubjectColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("Concerns"));
        QCOMPARE(m_model->headerData(IssuesModel::TimeColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("Time"));
        QVERIFY(!m_model->headerData(0, Qt::Vertical, Qt::DisplayRole).isValid());
        QCOMPARE(m_model->rowCount(), 0);
    }

    void addAppendsRows()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        addFixtureIssues();
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(inserted.count(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(inserted.at(i).at(1).toInt(), i);
            QCOMPARE(inserted.at(i).at(2).toInt(), i);
        }
        // Newest last.
        QCOMPARE(m_model->issueAt(3).message, QStringLiteral("layer skipped"));
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
    }

    void data_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<Issue::Severity>("severity");
        QTest::newRow("error") << 0 << QStringLiteral("cannot read the layer") << kUp0
                               << Issue::Severity::Error;
        QTest::newRow("warning") << 1 << QStringLiteral("2 weights are NaN") << kTensor
                                 << Issue::Severity::Warning;
        QTest::newRow("info, no subject")
            << 2 << QStringLiteral("using the CPU backend") << QString() << Issue::Severity::Info;
        QTest::newRow("second warning")
            << 3 << QStringLiteral("layer skipped") << kUp0 << Issue::Severity::Warning;
    }

    void data()
    {
        QFETCH(int, row);
        QFETCH(QString, message);
        QFETCH(QString, subject);
        QFETCH(Issue::Severity, severity);
        addFixtureIssues();
        const QModelIndex messageIndex = m_model->index(row, IssuesModel::MessageColumn);
        const QModelIndex subjectIndex = m_model->index(row, IssuesModel::SubjectColumn);
        const QModelIndex timeIndex = m_model->index(row, IssuesModel::TimeColumn);
        QCOMPARE(messageIndex.data().toString(), message);
        QCOMPARE(messageIndex.data(Qt::ToolTipRole).toString(), message);
        QCOMPARE(subjectIndex.data().toString(), subject);
        QVERIFY(!timeIndex.data().toString().isEmpty());
        QVERIFY(!timeIndex.data(Qt::ToolTipRole).toString().isEmpty());
        // The roles the panel and the window use, on every column.
        for (const QModelIndex& index : {messageIndex, subjectIndex, timeIndex}) {
            QCOMPARE(index.data(IssuesModel::SubjectRole).toString(), subject);
            QCOMPARE(index.data(IssuesModel::SeverityRole).toInt(), int(severity));
        }
        // The severity icon sits in the message column only.
        QVERIFY(messageIndex.data(Qt::DecorationRole).isValid());
        QVERIFY(!subjectIndex.data(Qt::DecorationRole).isValid());
        QCOMPARE(m_model->issueAt(row).severity, severity);
    }

    void countWithSeverity()
    {
        QCOMPARE(m_model->countWithSeverity(Issue::Severity::Error), 0);
        addFixtureIssues();
        QCOMPARE(m_model->countWithSeverity(Issue::Severity::Error), 1);
        QCOMPARE(m_model->countWithSeverity(Issue::Severity::Warning), 2);
        QCOMPARE(m_model->countWithSeverity(Issue::Severity::Info), 1);
    }

    void clear()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->clear(); // already empty: nothing to announce
        QCOMPARE(reset.count(), 0);
        addFixtureIssues();
        m_model->clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->countWithSeverity(Issue::Severity::Warning), 0);
        m_model->addIssue(issue(Issue::Severity::Error, QStringLiteral("again")));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("again"));
    }

    void panelActivation()
    {
        IssuesPanel panel(m_model.get());
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        addFixtureIssues();
        QSignalSpy activated(&panel, &IssuesPanel::subjectActivated);
        QTreeView* view = panel.view();
        QCOMPARE(view, panel.findChild<QTreeView*>(QStringLiteral("issuesView")));
        QCOMPARE(view->model(), m_model.get());

        // Double-click on the message of the first issue.
        const QModelIndex first = m_model->index(0, IssuesModel::MessageColumn);
        view->scrollTo(first);
        // A real double-click: press and release, then the double-click event and its release.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(activated.count(), 0);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.last().at(0).toString(), kUp0);

        // Enter on the second, from the keyboard.
        activated.clear();
        view->setFocus();
        view->setCurrentIndex(m_model->index(1, IssuesModel::SubjectColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.last().at(0).toString(), kTensor);

        // An issue about nothing in particular goes nowhere.
        activated.clear();
        view->setCurrentIndex(m_model->index(2, IssuesModel::MessageColumn));
        QTest::keyClick(view, Qt::Key_Return);
        Q_EMIT view->activated(m_model->index(2, IssuesModel::TimeColumn));
        QCOMPARE(activated.count(), 0);
    }

    void panelSummaryAndClear()
    {
        IssuesPanel panel(m_model.get());
        auto* summary = panel.findChild<QLabel*>(QStringLiteral("issuesSummary"));
        QVERIFY(summary);
        QCOMPARE(summary->text(), QStringLiteral("0 error(s) · 0 warning(s)"));
        addFixtureIssues();
        QCOMPARE(summary->text(), QStringLiteral("1 error(s) · 2 warning(s)"));
        m_model->addIssue(issue(Issue::Severity::Error, QStringLiteral("export failed")));
        QCOMPARE(summary->text(), QStringLiteral("2 error(s) · 2 warning(s)"));
        m_model->addIssue(issue(Issue::Severity::Info, QStringLiteral("done")));
        QCOMPARE(summary->text(), QStringLiteral("2 error(s) · 2 warning(s)"));

        auto* clearButton = panel.findChild<QPushButton*>(QStringLiteral("clearIssuesButton"));
        QVERIFY(clearButton);
        clearButton->click();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(summary->text(), QStringLiteral("0 error(s) · 0 warning(s)"));
    }
};

QTEST_MAIN(TestIssuesModel)
#include "tst_issues_model.moc"
