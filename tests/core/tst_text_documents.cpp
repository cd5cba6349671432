// TextDocuments: calibration and evaluation text split into documents — plain text by the golden
// protocol, JSON Lines and JSON datasets by their records — and every way such a file can be
// unusable refused with the file and the line or record named.

#include "core/tokenizer/text_documents.h"
#include "core/util/error.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace qb;

class TestTextDocuments : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void plainText()
    {
        QCOMPARE(TextDocuments::split(QStringLiteral(" one \n\n two\n")),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        // With the marker, line breaks stay inside a document.
        QCOMPARE(TextDocuments::split(QStringLiteral("a\nb<|endoftext|> <|endoftext|>c")),
                 (QStringList{QStringLiteral("a\nb"), QStringLiteral("c")}));
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("t.txt"), "x\ny\n")),
                 (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    }

    // Records as Hugging Face datasets export them: an object's "text", or a plain string; one
    // document each, line breaks kept; blank lines and empty records skipped; the suffix in any
    // case.
    void jsonLines()
    {
        const QByteArray lines = "{\"text\": \"First story.\\nIt goes on.\", \"id\": 1}\n"
                                 "\n"
                                 "\"A plain string record\"\r\n"
                                 "{\"text\": \"  \"}\n"
                                 "{\"meta\": {\"text\": 3}, \"text\": \"Third \\u00e9\"}";
        const QStringList expected{QStringLiteral("First story.\nIt goes on."),
                                   QStringLiteral("A plain string record"),
                                   QStringLiteral("Third \u00e9")};
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("d.jsonl"), lines)), expected);
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("d.NDJSON"), lines)), expected);
        // The same bytes named .txt are text: one document per line.
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("d.txt"), lines)).size(), 4);
        QVERIFY(TextDocuments::isDataset(QStringLiteral("/x/y.JsonL")));
        QVERIFY(!TextDocuments::isDataset(QStringLiteral("/x/y.json.txt")));
    }

    // A byte-order mark at the start is skipped: the first record parses, the first document
    // does not begin with U+FEFF.
    void byteOrderMark()
    {
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("bom.jsonl"),
                                               "\xEF\xBB\xBF{\"text\": \"one\"}\n\"two\"")),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("bom.txt"), "\xEF\xBB\xBFone\ntwo")),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    }

    void jsonArray()
    {
        const QByteArray json =
            "[{\"text\": \"one\"}, \"two\", {\"text\": \"\"}, {\"text\": \"a\\nb\"}]";
        QCOMPARE(
            TextDocuments::fromFile(write(QStringLiteral("d.json"), json)),
            (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("a\nb")}));
    }

    // The demo's calibration text as a JSON Lines dataset, a document per record, reads as the
    // same documents.
    void datasetOfTheDemoText()
    {
        const QStringList documents = TextDocuments::fromFile(
            QDir(test::dataDir())
                .filePath(QStringLiteral("tinystories/TinyStories-valid-subset.txt")));
        QVERIFY(documents.size() > 10);
        QByteArray lines;
        for (const QString& document : documents)
            lines += QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("text"), document}}})
                         .toJson(QJsonDocument::Compact)
                         .mid(1)
                         .chopped(1)
                     + '\n';
        QCOMPARE(TextDocuments::fromFile(write(QStringLiteral("demo.jsonl"), lines)), documents);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("said");

        QTest::newRow("empty text")
            << "e.txt" << QByteArray(" \n\n") << QStringList{"holds no text"};
        QTest::newRow("NUL bytes") << "n.txt" << QByteArray("a\0b", 3) << QStringList{"NUL"};
        QTest::newRow("not UTF-8") << "u.txt" << QByteArray("caf\xe9!") << QStringList{"UTF-8"};
        // A sequence cut off by the end of the file (the decoder must not hold it back).
        QTest::newRow("UTF-8 cut off") << "c.txt" << QByteArray("caf\xc3") << QStringList{"UTF-8"};
        QTest::newRow("line not JSON")
            << "b.jsonl" << QByteArray("{\"text\": \"ok\"}\n{\"text\": \"cut\n")
            << QStringList{"b.jsonl: line 2", "not one JSON value"};
        QTest::newRow("two values on a line")
            << "two.jsonl" << QByteArray("\"a\", \"b\"\n") << QStringList{"line 1", "several"};
        QTest::newRow("no text field")
            << "f.jsonl" << QByteArray("{\"text\": \"ok\"}\n{\"content\": \"x\", \"id\": 2}\n")
            << QStringList{"line 2", "no field \"text\"", "\"content\", \"id\""};
        QTest::newRow("text not a string")
            << "s.jsonl" << QByteArray("{\"text\": [\"x\"]}") << QStringList{"line 1", "an array"};
        QTest::newRow("record a number")
            << "r.jsonl" << QByteArray("7") << QStringList{"line 1", "7"};
        QTest::newRow("empty dataset")
            << "z.jsonl" << QByteArray("{\"text\": \"\"}\n\n") << QStringList{"holds no text"};
        QTest::newRow("JSON not an array") << "o.json" << QByteArray("{\"text\": \"x\"}")
                                           << QStringList{"array of records", ".jsonl"};
        QTest::newRow("JSON Lines named .json")
            << "l.json" << QByteArray("{\"text\": \"a\"}\n{\"text\": \"b\"}\n")
            << QStringList{"l.json", "not JSON"};
        QTest::newRow("array record without text")
            << "a.json" << QByteArray("[\"ok\", {\"body\": \"x\"}]")
            << QStringList{"a.json: [1]", "\"body\""};
    }

    void refused()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, said);
        const QString path = write(name, bytes);
        try {
            TextDocuments::fromFile(path);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QDir::toNativeSeparators(path)), qPrintable(e.message()));
            for (const QString& words : said)
                QVERIFY2(e.message().contains(words), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestTextDocuments)
#include "tst_text_documents.moc"
