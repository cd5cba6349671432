// The translations: every message of translations/quantbench_<language>.ts has a finished
// translation that keeps its source's placeholders, keyboard accelerator, plural forms and
// surrounding whitespace; the catalogues compiled into quantbench_core (:/i18n/*.qm) load and
// translate; and quantbench-cli speaks the language of the locale it runs in.

#include "tests/support/test_paths.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

constexpr int kTimeoutMs = 60'000;

// One <message> of a .ts file.
struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    bool hasTranslation = false;
    QString type;        // the <translation>'s type attribute ("unfinished", ...); empty if done
    QString translation; // the text of a message without plural forms
    QStringList forms;   // the <numerusform>s of a plural message
};

struct TsFile {
    QString language; // the <TS language="..."> attribute
    QList<TsMessage> messages;
    QString error; // set when the file cannot be read or is not well-formed XML
};

QString tsPath(const QString& language)
{
    return QStringLiteral(QB_SOURCE_DIR) + QStringLiteral("/translations/quantbench_") + language
           + QStringLiteral(".ts");
}

TsFile readTs(const QString& language)
{
    TsFile ts;
    const QString path = tsPath(language);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = path + QStringLiteral(": ") + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == u"TS") {
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                message = TsMessage{};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
                inMessage = true;
            } else if (inMessage && name == u"source") {
                message.source = xml.readElementText();
            } else if (inMessage && name == u"translation") {
                message.hasTranslation = true;
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus) // a plural translation holds <numerusform>s instead
                    message.translation = xml.readElementText();
            } else if (inMessage && name == u"numerusform") {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ts.messages << message;
            inMessage = false;
        }
    }
    if (xml.hasError())
        ts.error =
            QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

const TsMessage* findMessage(const TsFile& ts, const QString& context, const QString& source)
{
    for (const TsMessage& message : ts.messages) {
        if (message.context == context && message.source == source)
            return &message;
    }
    return nullptr;
}

// The translation of a message without plural forms, or an empty string.
QString translationOf(const TsFile& ts, const QString& context, const QString& source)
{
    const TsMessage* message = findMessage(ts, context, source);
    return message ? message->translation : QString();
}

// %1 … %99, %L1 …, %n and %Ln.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

QString sorted(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return QLatin1Char('{') + list.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// Keyboard accelerators: each '&' that is not part of a literal "&&" or of an HTML entity
// ("&nbsp;", "&#183;") in rich text.
int accelerators(const QString& text)
{
    static const QRegularExpression entity(QStringLiteral("^&(?:[A-Za-z]+|#[0-9]+);"));
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (i + 1 < text.size() && text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (entity.match(QStringView(text).mid(i)).hasMatch())
            continue;
        ++count;
    }
    return count;
}

QString leadingSpace(const QString& text)
{
    qsizetype n = 0;
    while (n < text.size() && text[n].isSpace())
        ++n;
    return text.left(n);
}

QString trailingSpace(const QString& text)
{
    qsizetype n = 0;
    while (n < text.size() && text[text.size() - 1 - n].isSpace())
        ++n;
    return text.right(n);
}

// What is wrong with one translated text (a translation or one plural form) of `source`.
QStringList textProblems(const QString& source, const QString& text)
{
    QStringList problems;
    if (text.isEmpty()) {
        problems << QStringLiteral("empty translation");
        return problems;
    }
    if (placeholders(text) != placeholders(source)) {
        problems << QStringLiteral("placeholders %1, but the source has %2")
                        .arg(sorted(placeholders(text)), sorted(placeholders(source)));
    }
    const int sourceAccelerators = accelerators(source);
    const int textAccelerators = accelerators(text);
    if (textAccelerators != sourceAccelerators || textAccelerators > 1) {
        problems << QStringLiteral("%1 accelerator(s) '&', but the source has %2")
                        .arg(textAccelerators)
                        .arg(sourceAccelerators);
    }
    if (leadingSpace(text) != leadingSpace(source))
        problems << QStringLiteral("leading whitespace differs from the source's");
    if (trailingSpace(text) != trailingSpace(source))
        problems << QStringLiteral("trailing whitespace differs from the source's");
    return problems;
}

// What is wrong with one message, given how many plural forms the language has.
QStringList messageProblems(const TsMessage& message, int pluralForms)
{
    QStringList problems;
    if (!message.hasTranslation)
        return {QStringLiteral("no <translation>")};
    if (!message.type.isEmpty())
        problems << QStringLiteral("the translation is %1").arg(message.type);
    if (message.numerus) {
        if (message.forms.size() != pluralForms) {
            problems << QStringLiteral("%1 plural form(s), the language has %2")
                            .arg(message.forms.size())
                            .arg(pluralForms);
        }
        for (const QString& form : message.forms)
            problems << textProblems(message.source, form);
    } else {
        if (!message.forms.isEmpty())
            problems << QStringLiteral("plural forms in a message without numerus=\"yes\"");
        problems << textProblems(message.source, message.translation);
    }
    return problems;
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// quantbench-cli run with LANGUAGE and LC_ALL set as given (the rest of the environment kept).
CliRun runCli(const QStringList& args, const QString& language, const QString& lcAll)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), language);
    env.insert(QStringLiteral("LC_ALL"), lcAll);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qb::test::binDir() + QStringLiteral("/quantbench-cli"), args);
    CliRun result;
    if (!process.waitForStarted(kTimeoutMs) || !process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning() << "quantbench-cli did not finish:" << args << process.errorString();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("pluralForms");
        QTest::newRow("de") << QStringLiteral("de") << 2;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1;
    }

    // Finished, and consistent with the source: placeholders, accelerator, plural forms, spaces.
    void everyMessageTranslated()
    {
        QFETCH(QString, language);
        QFETCH(int, pluralForms);
        const TsFile ts = readTs(language);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, language);
        QVERIFY2(!ts.messages.isEmpty(), "the file holds no messages");

        QStringList report;
        int plurals = 0;
        for (const TsMessage& message : ts.messages) {
            plurals += message.numerus ? 1 : 0;
            const QStringList problems = messageProblems(message, pluralForms);
            if (!problems.isEmpty()) {
                report << QStringLiteral("[%1] \"%2\": %3")
                              .arg(message.context, message.source,
                                   problems.join(QStringLiteral("; ")));
            }
        }
        QVERIFY2(plurals > 0, "no plural message found: is numerus=\"yes\" read?");
        QVERIFY2(report.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages in %3:\n")
                                                  .arg(report.size())
                                                  .arg(ts.messages.size())
                                                  .arg(tsPath(language))
                                              + report.join(QLatin1Char('\n'))));
    }

    // Both files translate the same messages (the build refreshes them from the same sources).
    void sameMessagesInBothFiles()
    {
        const TsFile de = readTs(QStringLiteral("de"));
        const TsFile zh = readTs(QStringLiteral("zh_CN"));
        QVERIFY2(de.error.isEmpty(), qPrintable(de.error));
        QVERIFY2(zh.error.isEmpty(), qPrintable(zh.error));
        auto keys = [](const TsFile& ts) {
            QSet<QString> set;
            for (const TsMessage& message : ts.messages)
                set.insert(message.context + QStringLiteral(" / ") + message.source);
            return set;
        };
        const QSet<QString> deKeys = keys(de);
        const QSet<QString> zhKeys = keys(zh);
        QVERIFY2(deKeys == zhKeys,
                 qPrintable(QStringLiteral("only in de: %1\nonly in zh_CN: %2")
                                .arg(sorted(deKeys - zhKeys), sorted(zhKeys - deKeys))));
    }

    void embeddedCatalogues_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // The .qm files compiled into quantbench_core hold the translations of the .ts files.
    void embeddedCatalogues()
    {
        QFETCH(QString, language);
        const TsFile ts = readTs(language);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QTranslator translator;
        const QString qm = QStringLiteral(":/i18n/quantbench_%1.qm").arg(language);
        QVERIFY2(translator.load(qm), qPrintable(qm + QStringLiteral(" does not load")));
        QCOMPARE(translator.language().replace(QLatin1Char('-'), QLatin1Char('_')), language);

        const std::pair<const char*, const char*> samples[] = {
            {"qb::MainWindow", "&Open Model Folder…"},
            {"qb::MainWindow", "Quantize &All Layers"},
            {"SafetensorsFile", "the file is empty"},
            {"LoadedModel", "%1: the folder does not exist"},
            {"Cli", "quantbench-cli: error: %1"},
            {"qb::LayerTableModel", "Weight MSE"},
        };
        for (const auto& [context, source] : samples) {
            const QString expected =
                translationOf(ts, QString::fromUtf8(context), QString::fromUtf8(source));
            QVERIFY2(!expected.isEmpty(),
                     qPrintable(QStringLiteral("not in the .ts file: [%1] %2")
                                    .arg(QString::fromUtf8(context), QString::fromUtf8(source))));
            QVERIFY(expected != QString::fromUtf8(source));
            QCOMPARE(translator.translate(context, source), expected);
        }

        // A plural message: the form the language's rules pick for 1 and for 5.
        const TsMessage* plural =
            findMessage(ts, QStringLiteral("qb::IssuesPanel"), QStringLiteral("%n warning(s)"));
        QVERIFY(plural && plural->numerus && !plural->forms.isEmpty());
        QCOMPARE(translator.translate("qb::IssuesPanel", "%n warning(s)", nullptr, 1),
                 plural->forms.first());
        QCOMPARE(translator.translate("qb::IssuesPanel", "%n warning(s)", nullptr, 5),
                 plural->forms.last());
    }

    void cliSpeaksTheLocalesLanguage_data()
    {
        QTest::addColumn<QString>("language");  // LANGUAGE
        QTest::addColumn<QString>("lcAll");     // LC_ALL
        QTest::addColumn<QString>("catalogue"); // the .ts file expected; empty for English
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("de_DE.UTF-8")
                            << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN.UTF-8")
                               << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("C.UTF-8") << QString();
    }

    // The error for a missing model folder and the usage line of --help, in the locale's language.
    void cliSpeaksTheLocalesLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, lcAll);
        QFETCH(QString, catalogue);
        TsFile ts;
        if (!catalogue.isEmpty()) {
            ts = readTs(catalogue);
            QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        }
        auto tr = [&](const char* context, const char* source) {
            return catalogue.isEmpty()
                       ? QString::fromUtf8(source)
                       : translationOf(ts, QString::fromUtf8(context), QString::fromUtf8(source));
        };

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("nonexistent"));
        const CliRun r = runCli({QStringLiteral("inspect"), missing}, language, lcAll);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        // Whichever of the loaders notices first: both say the same.
        QSet<QString> expected;
        for (const char* context : {"LoadedModel", "Checkpoint"}) {
            const QString reason = tr(context, "%1: the folder does not exist");
            if (!reason.isEmpty())
                expected.insert(tr("Cli", "quantbench-cli: error: %1").arg(reason.arg(missing)));
        }
        QVERIFY(!expected.isEmpty());
        QVERIFY2(expected.contains(r.err.trimmed()),
                 qPrintable(QStringLiteral("stderr: %1\nexpected: %2")
                                .arg(r.err, QStringList(expected.cbegin(), expected.cend())
                                                .join(QStringLiteral(" | ")))));

        const CliRun help = runCli({QStringLiteral("--help")}, language, lcAll);
        QCOMPARE(help.exitCode, 0);
        const QString usage = tr("Cli", "Usage: quantbench-cli COMMAND [options] [arguments]");
        QVERIFY(!usage.isEmpty());
        QVERIFY2(help.out.startsWith(usage), qPrintable(help.out));
    }

    // Chinese headers are two terminal columns per character: the CLI's tables still line up.
    void cliTablesLineUpInChinese()
    {
        const CliRun r = runCli(
            {QStringLiteral("inspect"), qb::test::demoModelDir(), QStringLiteral("--no-scan")},
            QStringLiteral("zh_CN"), QStringLiteral("zh_CN.UTF-8"));
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        // The rule under the header: dashes and spaces only.
        const auto rule = std::find_if(lines.begin(), lines.end(), [](const QString& line) {
            return line.startsWith(QLatin1String("---"))
                   && line.count(QLatin1Char('-')) + line.count(QLatin1Char(' ')) == line.size();
        });
        QVERIFY(rule != lines.begin() && rule != lines.end());
        const int width = terminalWidth(*rule);
        // The header (with CJK text) and every layer row end where the rule ends: the last
        // column (bytes) is right-aligned.
        QCOMPARE(terminalWidth(*(rule - 1)), width);
        int rows = 0;
        for (auto line = rule + 1; line != lines.end() && line->startsWith(QLatin1String("model."));
             ++line) {
            QCOMPARE(terminalWidth(*line), width);
            ++rows;
        }
        QCOMPARE(rows, 35);
    }

private:
    // Terminal columns of `text`: CJK ideographs, CJK punctuation and fullwidth forms take two.
    static int terminalWidth(const QString& text)
    {
        int width = 0;
        for (char32_t c : text.toUcs4())
            width += (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1;
        return width;
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
