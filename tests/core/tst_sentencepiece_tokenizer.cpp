// SentencePieceTokenizer on the demo model's tokenizer.model: the ids of the TinyStories sample
// match the golden ids of the reference sentencepiece library (tests/data/golden/stories260K/
// tokens.json), BOS/EOS and add-BOS come out of Tokenizer::load as config.json says, text
// round-trips (byte fallback covers what the 512 pieces do not), and a broken tokenizer.model is
// refused with an Error naming the file.

#include "core/model/model_spec.h"
#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <exception>
#include <optional>
#include <random>
#include <vector>

using namespace qb;

namespace {

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

QStringList lines(const QString& path)
{
    return QString::fromUtf8(readBytes(path)).split(QLatin1Char('\n'));
}

std::shared_ptr<const Tokenizer> demoTokenizer()
{
    const ModelSpec spec = ModelSpec::fromConfigFile(test::demoModelDir());
    return Tokenizer::load(test::demoModelDir(), spec);
}

QString show(const std::vector<int>& ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

std::optional<QString> openError(const QString& path)
{
    try {
        SentencePieceTokenizer::open(path);
    } catch (const Error& error) {
        return error.message();
    } catch (const std::exception& other) {
        return QStringLiteral("UNEXPECTED std::exception: ") + QString::fromLocal8Bit(other.what());
    }
    return std::nullopt;
}

} // namespace

class TestSentencePieceTokenizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void specialTokens()
    {
        const auto tokenizer = demoTokenizer();
        QCOMPARE(tokenizer->bosId(), std::optional<int>(1));
        QCOMPARE(tokenizer->eosIds(), std::vector<int>{2});
        QVERIFY(tokenizer->addsBos());
        QCOMPARE(tokenizer->vocabularySize(), 512);
        QCOMPARE(tokenizer->kind(), QStringLiteral("sentencepiece (tokenizer.model)"));
        QCOMPARE(tokenizer->piece(1), QStringLiteral("<s>"));
        QCOMPARE(tokenizer->pieceId(QStringLiteral("</s>")), std::optional<int>(2));
        QCOMPARE(tokenizer->pieceId(QStringLiteral("no such piece")), std::nullopt);
    }

    void goldenTokens()
    {
        // tokens.json: the sample split into documents at <|endoftext|>, each stripped, empty
        // ones dropped, encoded as BOS (1) followed by the reference library's ids.
        const QJsonObject golden =
            QJsonDocument::fromJson(readBytes(test::dataDir() + "/golden/stories260K/tokens.json"))
                .object();
        const QJsonArray documents = golden.value("documents").toArray();
        QStringList texts;
        const QString sample =
            QString::fromUtf8(readBytes(test::dataDir() + "/tinystories/tinystories_sample.txt"));
        for (const QString& part : sample.split(QStringLiteral("<|endoftext|>"))) {
            const QString document = part.trimmed();
            if (!document.isEmpty())
                texts << document;
        }
        QCOMPARE(texts.size(), documents.size());
        const auto tokenizer = demoTokenizer();
        for (qsizetype d = 0; d < texts.size(); ++d) {
            std::vector<int> expected;
            for (const QJsonValue& id : documents.at(d).toArray())
                expected.push_back(id.toInt());
            std::vector<int> ids{*tokenizer->bosId()};
            const std::vector<int> encoded = tokenizer->encode(texts[d]);
            ids.insert(ids.end(), encoded.begin(), encoded.end());
            QCOMPARE(show(ids), show(expected));
        }
    }

    void roundTrip()
    {
        const auto tokenizer = demoTokenizer();
        QStringList texts = lines(test::dataDir() + "/tinystories/TinyStories-valid-subset.txt");
        texts += lines(test::dataDir() + "/tinystories/tinystories_sample.txt");
        // Far outside the 512 pieces: byte fallback carries them.
        texts << QStringLiteral("你好，世界！") << QStringLiteral("Καλημέρα κόσμε")
              << QStringLiteral("مرحبا بالعالم")
              << QStringLiteral("🙂 👍🏽 👨‍👩‍👧")
              << QStringLiteral("naïve café ½ ✓");
        for (const QString& text : texts)
            QCOMPARE(tokenizer->decode(tokenizer->encode(text)), text);
        // BOS and EOS are left out of the text.
        std::vector<int> ids{1};
        const std::vector<int> encoded = tokenizer->encode(QStringLiteral("Once upon a time"));
        ids.insert(ids.end(), encoded.begin(), encoded.end());
        ids.push_back(2);
        QCOMPARE(tokenizer->decode(ids), QStringLiteral("Once upon a time"));
    }

    void malformedModel_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = readBytes(test::demoModelDir() + "/tokenizer.model");
        std::mt19937 rng(42);
        QByteArray random(4096, '\0');
        for (char& c : random)
            c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
        QTest::newRow("random bytes") << random;
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("truncated copy") << good.left(good.size() / 2);
        QTest::newRow("text file") << QByteArray("this is not a sentencepiece model\n");
    }

    void malformedModel()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("tokenizer.model");
        writeBytes(path, bytes);
        const std::optional<QString> message = openError(path);
        QVERIFY2(message.has_value(), "the broken model was accepted");
        QVERIFY2(message->startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": ")),
                 qPrintable(*message));

        // The same through Tokenizer::load on a model folder.
        test::writeJson(dir.filePath("config.json"), QJsonObject{{"model_type", "llama"},
                                                                 {"hidden_size", 64},
                                                                 {"intermediate_size", 172},
                                                                 {"num_hidden_layers", 2},
                                                                 {"num_attention_heads", 8},
                                                                 {"vocab_size", 512}});
        const ModelSpec spec = ModelSpec::fromConfigFile(dir.path());
        try {
            Tokenizer::load(dir.path(), spec);
            QFAIL("Tokenizer::load accepted the broken model");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QDir::toNativeSeparators(path)),
                     qPrintable(error.message()));
        }
    }

    void truncationsNeverCrash()
    {
        // Any prefix of a valid model either loads or is refused with an Error naming the file.
        const QByteArray good = readBytes(test::demoModelDir() + "/tokenizer.model");
        QTemporaryDir dir;
        const QString path = dir.filePath("tokenizer.model");
        int refused = 0;
        for (qsizetype length = 1; length < good.size(); length += good.size() / 37 + 1) {
            writeBytes(path, good.left(length));
            const std::optional<QString> message = openError(path);
            if (message) {
                QVERIFY2(message->startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": ")),
                         qPrintable(*message));
                ++refused;
            }
        }
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestSentencePieceTokenizer)
#include "tst_sentencepiece_tokenizer.moc"
