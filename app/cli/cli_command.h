#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <exception>
#include <span>
#include <utility>
#include <vector>

class QJsonObject;

namespace qb {
class LoadedModel;
}

namespace qb::cli {

// The translation context of every user-visible string of quantbench-cli.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// The exit status of quantbench-cli, the same for every command. Scripts rely on it.
enum ExitCode : int {
    ExitSuccess = 0,
    ExitFailure = 1,    // a qb::Error: the operation could not be done
    ExitUsage = 2,      // the command line is wrong: nothing was attempted
    ExitCancelled = 130 // interrupted by Ctrl-C (128 + SIGINT, as the shell reports it)
};

// A problem with the command line. Thrown by a command's argument handling and caught by the
// dispatcher, which prints the message with a hint to the command's --help and exits with
// ExitUsage. The message is translated and names the offending argument.
class UsageError : public std::exception {
public:
    explicit UsageError(QString message);
    const QString& message() const noexcept { return m_message; }
    const char* what() const noexcept override { return "usage error"; }

private:
    QString m_message;
};

// One entry of the command table.
struct Command {
    const char* name;    // as typed on the command line: "inspect"
    const char* summary; // one line for `quantbench-cli --help`; QT_TRANSLATE_NOOP("Cli", …)
    // Runs the command. `arguments` are the words after the command name. Returns an ExitCode;
    // throws UsageError, qb::Error or qb::Cancelled, which the dispatcher turns into messages.
    int (*run)(const Command& command, const QStringList& arguments);

    QString translatedSummary() const { return Cli::tr(summary); }
};

// Terminal columns `text` takes: 2 for each East Asian wide or fullwidth character, else 1.
// Tables and wrapped help text are laid out by this width, so Chinese output lines up.
int displayWidth(const QString& text);

// Every command, in the order `--help` lists them.
std::span<const Command> commands();
// The command called `name`, or nullptr.
const Command* findCommand(const QString& name);

// Entry points, one file each (app/cli/<name>_command.cpp).
int runAutobits(const Command& command, const QStringList& arguments);
int runDevices(const Command& command, const QStringList& arguments);
int runEval(const Command& command, const QStringList& arguments);
int runGenerate(const Command& command, const QStringList& arguments);
int runInspect(const Command& command, const QStringList& arguments);
int runLayer(const Command& command, const QStringList& arguments);
int runProfile(const Command& command, const QStringList& arguments);
int runQuantize(const Command& command, const QStringList& arguments);
int runSensitivity(const Command& command, const QStringList& arguments);
int runSynth(const Command& command, const QStringList& arguments);

// The options and positional arguments of one command: parsed with QCommandLineParser::parse()
// (never process(), which would exit on its own terms) and described by helpText(). Every
// command gets -h/--help. Positional arguments are all required, in order.
class CommandLine {
public:
    CommandLine(const Command& command, QString description);

    void addPositional(const QString& name, const QString& description);
    void addOption(const QCommandLineOption& option);

    // Parses `arguments` (the words after the command name). Returns false when --help was given:
    // the help text has then been printed to stdout and the command should return ExitSuccess.
    // Throws UsageError for an unknown option, a missing option value, a missing or extra
    // positional argument.
    bool parse(const QStringList& arguments);

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    bool isSet(const QCommandLineOption& option) const { return m_parser.isSet(option); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QString value(const QCommandLineOption& option) const { return m_parser.value(option); }
    // Positional argument `index` (in the order of addPositional); valid after parse().
    QString positional(int index) const { return m_parser.positionalArguments().value(index); }

    QString helpText() const;

private:
    const Command& m_command;
    QString m_description;
    QCommandLineParser m_parser;
    std::vector<std::pair<QString, QString>> m_positionals; // name, description
    std::vector<QCommandLineOption> m_options;
};

// --force, the same for every command that writes a folder or file: replace an existing output, and
// only once the new one is complete.
QCommandLineOption forceOption();

// Typed option values; each throws UsageError naming the option and the bad value.
// An integer in [min, max].
int intOption(const CommandLine& line, const QString& name, int min, int max);
// A floating-point number in [min, max].
double doubleOption(const CommandLine& line, const QString& name, double min, double max);

// Output. stdout carries the result (a table or JSON), stderr everything else; both are written
// in the locale's encoding and flushed, so they interleave correctly with a progress line.
void printOut(const QString& text);
void printErr(const QString& text);
// "quantbench-cli: warning: <message>" on stderr.
void printWarning(const QString& message);
// The object as indented JSON on stdout.
void printJson(const QJsonObject& json);
// For a model imported from a packed checkpoint: how (LoadedModel::importNote) and what its
// float32 weights leave out (importCaveats), as warnings; nothing for a plain folder.
void printImportNotes(const LoadedModel& model);
// The same into a JSON object: "imported" (the note) and "import_caveats" (a list, when any).
void insertImportNotes(QJsonObject& json, const LoadedModel& model);

// Text laid out in aligned columns for people. Widths come from the content, so translated
// headers of any length still line up.
class TextTable {
public:
    enum class Align { Left, Right };

    void addColumn(const QString& header, Align align = Align::Left);
    void addRow(const QStringList& cells); // one cell per column
    QString toString() const;              // header, rule, rows; each line ends with '\n'

private:
    struct Column {
        QString header;
        Align align;
    };
    std::vector<Column> m_columns;
    std::vector<QStringList> m_rows;
};

// "  TERM   description" lines for --help texts, descriptions aligned and wrapped to 80 columns.
QString formatTerms(const std::vector<std::pair<QString, QString>>& terms);

// "Label:  value" lines with the values aligned, for summaries above a table.
QString formatFields(const std::vector<std::pair<QString, QString>>& fields);

} // namespace qb::cli
