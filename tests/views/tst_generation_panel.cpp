// GenerationPanel draws a GenerationComparison: the prompt and both continuations, each one's own
// text highlighted from where they part, the summary; the inputs it holds; the stale mark.

#include "views/generation_panel.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>

using namespace qb;

namespace {

GeneratedText text(const QString& continuation, int tokens)
{
    GeneratedText generated;
    generated.promptIds = {1, 10, 11};
    generated.prompt = QStringLiteral("Once upon");
    generated.continuation = continuation;
    for (int i = 0; i < tokens; ++i)
        generated.newIds.push_back(100 + i);
    generated.seconds = 0.25;
    return generated;
}

// Whether the character at `position` of the browser's plain text has a background colour.
bool highlighted(QTextBrowser* browser, int position)
{
    QTextCursor cursor(browser->document());
    cursor.setPosition(position + 1); // the format of the character before the cursor
    return cursor.charFormat().background().style() != Qt::NoBrush;
}

} // namespace

class TestGenerationPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsWhereTheContinuationsPart()
    {
        GenerationPanel panel;
        auto comparison = std::make_shared<GenerationComparison>();
        comparison->stored = text(QStringLiteral(" a time, there was a <girl>"), 8);
        comparison->quantized = text(QStringLiteral(" a time, there lived a cat"), 8);
        comparison->planDescription = QStringLiteral("RTN, 3-bit");
        comparison->agreeingTokens = 4;
        comparison->sharedLength = int(QStringLiteral(" a time, there").size());
        panel.setResult(comparison);

        const QString stored = panel.storedText()->toPlainText();
        QCOMPARE(stored, QStringLiteral("Once upon a time, there was a <girl>"));
        const QString quantized = panel.quantizedText()->toPlainText();
        QCOMPARE(quantized, QStringLiteral("Once upon a time, there lived a cat"));
        // The prompt and the shared opening plain; each one's own text highlighted.
        const int part = int(QStringLiteral("Once upon a time, there").size());
        for (QTextBrowser* browser : {panel.storedText(), panel.quantizedText()}) {
            QVERIFY(!highlighted(browser, 0));
            QVERIFY(!highlighted(browser, part - 1));
            QVERIFY(highlighted(browser, part));
            QVERIFY(highlighted(browser, int(browser->toPlainText().size()) - 1));
        }
        QVERIFY2(panel.summary()->text().contains(QStringLiteral("first 4 token"))
                     && panel.summary()->text().contains(QStringLiteral("of 8")),
                 qPrintable(panel.summary()->text()));

        panel.setStale(true);
        QVERIFY(!panel.quantizedText()->isEnabled());
        panel.setStale(false);
        QVERIFY(panel.quantizedText()->isEnabled());
        // A new result is of the current plan.
        panel.setStale(true);
        panel.setResult(comparison);
        QVERIFY(panel.quantizedText()->isEnabled());
    }

    void theSameTextIsNotHighlighted()
    {
        GenerationPanel panel;
        auto comparison = std::make_shared<GenerationComparison>();
        comparison->stored = text(QStringLiteral(" a time"), 2);
        comparison->quantized = comparison->stored;
        comparison->agreeingTokens = 2;
        comparison->sharedLength = 7;
        panel.setResult(comparison);
        const int end = int(panel.storedText()->toPlainText().size()) - 1;
        QVERIFY(!highlighted(panel.storedText(), end));
        QVERIFY(!highlighted(panel.quantizedText(), end));
    }

    void withoutAQuantizedModel()
    {
        GenerationPanel panel;
        auto comparison = std::make_shared<GenerationComparison>();
        comparison->stored = text(QStringLiteral(" a time"), 2);
        comparison->sharedLength = 7;
        panel.setResult(comparison);
        QCOMPARE(panel.storedText()->toPlainText(), QStringLiteral("Once upon a time"));
        QVERIFY(!panel.quantizedText()->toPlainText().contains(QStringLiteral("Once")));
        panel.clearResult(QStringLiteral("cleared"));
        QVERIFY(panel.storedText()->toPlainText().isEmpty());
        QCOMPARE(panel.summary()->text(), QStringLiteral("cleared"));
    }

    void inputs()
    {
        GenerationPanel panel;
        panel.setPrompt(QStringLiteral("Tom"));
        panel.setMaxNewTokens(12);
        QCOMPARE(panel.prompt(), QStringLiteral("Tom"));
        QCOMPARE(panel.maxNewTokens(), 12);
        QSignalSpy requested(&panel, &GenerationPanel::generateRequested);
        QLineEdit* prompt = panel.findChild<QLineEdit*>(QStringLiteral("generationPrompt"));
        QVERIFY(prompt);
        QTest::keyClick(prompt, Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
    }
};

QTEST_MAIN(TestGenerationPanel)
#include "tst_generation_panel.moc"
