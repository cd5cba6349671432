#include "app/cli/cli_command.h"

#include "core/model/loaded_model.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

namespace qb::cli {

namespace {

// The command table. To add a command: write app/cli/<name>_command.cpp with its run function,
// declare that function in cli_command.h, add a row here and the file to app/CMakeLists.txt.
constexpr Command kCommands[] = {
    {"autobits",
     QT_TRANSLATE_NOOP("Cli", "Choose per-layer bit-widths for a target average, as a recipe"),
     &runAutobits},
    {"devices",
     QT_TRANSLATE_NOOP("Cli", "List where the heavy work can run: the CPU and OpenCL devices"),
     &runDevices},
    {"eval",
     QT_TRANSLATE_NOOP("Cli", "Measure a model's perplexity on a text (and a quantized model's)"),
     &runEval},
    {"generate",
     QT_TRANSLATE_NOOP("Cli", "Continue a prompt with a model (and with a quantized model)"),
     &runGenerate},
    {"inspect",
     QT_TRANSLATE_NOOP("Cli", "List a model's quantizable linear layers and check its weights"),
     &runInspect},
    {"layer",
     QT_TRANSLATE_NOOP("Cli", "Quantize one layer from input rows and measure its output error"),
     &runLayer},
    {"profile",
     QT_TRANSLATE_NOOP("Cli", "Show one layer's input per channel: outliers, Hessian diagonal"),
     &runProfile},
    {"quantize",
     QT_TRANSLATE_NOOP("Cli", "Quantize a model with a plan and write the quantized checkpoint"),
     &runQuantize},
    {"sensitivity",
     QT_TRANSLATE_NOOP("Cli", "Measure how much quantizing each layer alone hurts perplexity"),
     &runSensitivity},
    {"synth", QT_TRANSLATE_NOOP("Cli", "Write a random-weight Llama checkpoint for benchmarks"),
     &runSynth},
};

constexpr int kHelpWidth = 80;

void write(std::FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// East Asian wide and fullwidth characters (CJK ideographs, kana, hangul, fullwidth forms) take
// two terminal columns.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
           || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// A word cut where a line may break: between two characters when either is wide (CJK text has no
// spaces between words), never inside a run of narrow characters.
QStringList breakablePieces(const QString& word)
{
    QStringList pieces;
    QString current;
    bool previousWide = false;
    for (char32_t c : word.toUcs4()) {
        const bool wide = isWide(c);
        if (!current.isEmpty() && (wide || previousWide)) {
            pieces << current;
            current.clear();
        }
        current += QString::fromUcs4(&c, 1);
        previousWide = wide;
    }
    if (!current.isEmpty())
        pieces << current;
    return pieces;
}

// `text` broken into lines of at most `width` terminal columns, at spaces and between wide
// characters, every line after the first indented by `indent` spaces (the first is placed by the
// caller).
QString wrapped(const QString& text, int indent, int width)
{
    QString out;
    int column = indent;
    bool lineEmpty = true;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool firstPiece = true;
        for (const QString& piece : breakablePieces(word)) {
            const int pieceWidth = displayWidth(piece);
            const int space = firstPiece && !lineEmpty ? 1 : 0;
            if (!lineEmpty && column + space + pieceWidth > width) {
                out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
                column = indent;
                lineEmpty = true;
            } else if (space) {
                out += QLatin1Char(' ');
                ++column;
            }
            out += piece;
            column += pieceWidth;
            lineEmpty = false;
            firstPiece = false;
        }
    }
    return out;
}

// `text` padded with spaces to `width` terminal columns, on the right or on the left.
QString padded(const QString& text, qsizetype width, bool alignRight)
{
    const QString fill(std::max<qsizetype>(0, width - displayWidth(text)), QLatin1Char(' '));
    return alignRight ? fill + text : text + fill;
}

} // namespace

QCommandLineOption forceOption()
{
    return QCommandLineOption(QStringLiteral("force"),
                              Cli::tr("Replace the output if it exists (only once the new "
                                      "output is complete)."));
}

int displayWidth(const QString& text)
{
    int width = 0;
    for (char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QString formatTerms(const std::vector<std::pair<QString, QString>>& terms)
{
    qsizetype termWidth = 0;
    for (const auto& [term, description] : terms)
        termWidth = std::max<qsizetype>(termWidth, displayWidth(term));
    const int indent = 2 + static_cast<int>(termWidth) + 3;
    QString out;
    for (const auto& [term, description] : terms) {
        out += QStringLiteral("  ") + padded(term, termWidth, false) + QStringLiteral("   ")
               + wrapped(description, indent, kHelpWidth) + QLatin1Char('\n');
    }
    return out;
}

UsageError::UsageError(QString message)
    : m_message(std::move(message))
{
}

std::span<const Command> commands()
{
    return kCommands;
}

const Command* findCommand(const QString& name)
{
    for (const Command& command : kCommands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

CommandLine::CommandLine(const Command& command, QString description)
    : m_command(command)
    , m_description(std::move(description))
{
    addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                 Cli::tr("Show this help and exit.")));
}

void CommandLine::addPositional(const QString& name, const QString& description)
{
    m_positionals.emplace_back(name, description);
    m_parser.addPositionalArgument(name, description);
}

void CommandLine::addOption(const QCommandLineOption& option)
{
    m_options.push_back(option);
    m_parser.addOption(option);
}

bool CommandLine::parse(const QStringList& arguments)
{
    // parse() skips the first word, which it takes for the program name.
    if (!m_parser.parse(QStringList{QString::fromLatin1(m_command.name)} + arguments))
        throw UsageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        printOut(helpText());
        return false;
    }
    const QStringList given = m_parser.positionalArguments();
    if (given.size() < static_cast<qsizetype>(m_positionals.size()))
        throw UsageError(Cli::tr("missing argument %1").arg(m_positionals[given.size()].first));
    if (given.size() > static_cast<qsizetype>(m_positionals.size()))
        throw UsageError(Cli::tr("unexpected argument '%1'").arg(given[m_positionals.size()]));
    return true;
}

QString CommandLine::helpText() const
{
    QString usage = QStringLiteral("quantbench-cli %1 [%2]")
                        .arg(QLatin1String(m_command.name), Cli::tr("options"));
    for (const auto& positional : m_positionals)
        usage += QLatin1Char(' ') + positional.first;

    QString text = Cli::tr("Usage: %1").arg(usage) + QStringLiteral("\n\n")
                   + wrapped(Cli::tr("%1.", "a sentence: the command's summary and a full stop")
                                 .arg(m_command.translatedSummary()),
                             0, kHelpWidth)
                   + QLatin1Char('\n');
    if (!m_description.isEmpty()) {
        for (const QString& paragraph : m_description.split(QLatin1Char('\n')))
            text += QLatin1Char('\n') + wrapped(paragraph, 0, kHelpWidth) + QLatin1Char('\n');
    }
    if (!m_positionals.empty())
        text += QLatin1Char('\n') + Cli::tr("Arguments:") + QLatin1Char('\n')
                + formatTerms(m_positionals);

    std::vector<std::pair<QString, QString>> options;
    for (const QCommandLineOption& option : m_options) {
        QStringList names;
        for (const QString& name : option.names())
            names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
        QString term = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            term += QLatin1Char(' ') + option.valueName();
        options.emplace_back(term, option.description());
    }
    text += QLatin1Char('\n') + Cli::tr("Options:") + QLatin1Char('\n') + formatTerms(options);
    return text;
}

int intOption(const CommandLine& line, const QString& name, int min, int max)
{
    const QString text = line.value(name);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        throw UsageError(Cli::tr("--%1 must be an integer from %2 to %3, not '%4'")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(text));
    return value;
}

double doubleOption(const CommandLine& line, const QString& name, double min, double max)
{
    bool ok = false;
    const QString text = line.value(name);
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= min && value <= max))
        throw UsageError(Cli::tr("--%1 must be a number from %2 to %3, not '%4'")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(text));
    return value;
}

void printOut(const QString& text)
{
    write(stdout, text);
}

void printErr(const QString& text)
{
    write(stderr, text);
}

void printWarning(const QString& message)
{
    printErr(Cli::tr("quantbench-cli: warning: %1").arg(message) + QLatin1Char('\n'));
}

void printJson(const QJsonObject& json)
{
    write(stdout, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void printImportNotes(const LoadedModel& model)
{
    if (!model.isImported())
        return;
    printWarning(
        Cli::tr("%1: %2").arg(QDir::toNativeSeparators(model.sourcePath()), model.importNote()));
    for (const QString& caveat : model.importCaveats())
        printWarning(caveat);
}

void insertImportNotes(QJsonObject& json, const LoadedModel& model)
{
    if (!model.isImported())
        return;
    json.insert(QStringLiteral("imported"), model.importNote());
    if (!model.importCaveats().isEmpty())
        json.insert(QStringLiteral("import_caveats"),
                    QJsonArray::fromStringList(model.importCaveats()));
}

void TextTable::addColumn(const QString& header, Align align)
{
    m_columns.push_back({header, align});
}

void TextTable::addRow(const QStringList& cells)
{
    Q_ASSERT(cells.size() == static_cast<qsizetype>(m_columns.size()));
    m_rows.push_back(cells);
}

QString TextTable::toString() const
{
    std::vector<qsizetype> widths;
    for (const Column& column : m_columns)
        widths.push_back(displayWidth(column.header));
    for (const QStringList& row : m_rows) {
        for (std::size_t c = 0; c < m_columns.size(); ++c)
            widths[c] =
                std::max<qsizetype>(widths[c], displayWidth(row.value(static_cast<qsizetype>(c))));
    }
    auto line = [&](auto cellAt) {
        QString out;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const QString cell = cellAt(c);
            if (c > 0)
                out += QStringLiteral("  ");
            out += padded(cell, widths[c], m_columns[c].align == Align::Right);
        }
        // Left-aligned last columns would otherwise leave trailing spaces.
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out + QLatin1Char('\n');
    };
    QString text = line([&](std::size_t c) { return m_columns[c].header; });
    text += line([&](std::size_t c) { return QString(widths[c], QLatin1Char('-')); });
    for (const QStringList& row : m_rows)
        text += line([&](std::size_t c) { return row.value(static_cast<qsizetype>(c)); });
    return text;
}

QString formatFields(const std::vector<std::pair<QString, QString>>& fields)
{
    qsizetype labelWidth = 0;
    for (const auto& [label, value] : fields)
        labelWidth = std::max<qsizetype>(labelWidth, displayWidth(label) + 1);
    QString out;
    for (const auto& [label, value] : fields)
        out += padded(label + Cli::tr(":"), labelWidth + 2, false) + value + QLatin1Char('\n');
    return out;
}

} // namespace qb::cli
