// quantbench-cli: everything the GUI does, headless. This file sets the application up, picks
// the command and turns what the command throws into messages and exit codes (see ExitCode).

#include "app/cli/cli_command.h"
#include "core/util/app_identity.h"
#include "core/util/cpu_support.h"
#include "core/util/error.h"
#include "core/util/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

#include <exception>

namespace qb::cli {

namespace {

QString toolHelpText()
{
    std::vector<std::pair<QString, QString>> commandTerms;
    for (const Command& command : commands())
        commandTerms.emplace_back(QString::fromLatin1(command.name), command.translatedSummary());
    return Cli::tr("Usage: quantbench-cli COMMAND [options] [arguments]") + QStringLiteral("\n\n")
           + Cli::tr("QuantBench %1: quantize large language models and measure what it costs.")
                 .arg(QCoreApplication::applicationVersion())
           + QStringLiteral("\n\n") + Cli::tr("Commands:") + QLatin1Char('\n')
           + formatTerms(commandTerms) + QLatin1Char('\n') + Cli::tr("Options:") + QLatin1Char('\n')
           + formatTerms({{QStringLiteral("-h, --help"), Cli::tr("Show this help and exit.")},
                          {QStringLiteral("-v, --version"), Cli::tr("Show the version and exit.")}})
           + QLatin1Char('\n')
           + Cli::tr("Run 'quantbench-cli COMMAND --help' for the arguments and options of a "
                     "command.")
           + QLatin1Char('\n');
}

void printUsageError(const Command* command, const QString& message)
{
    const QString prefix =
        command ? QStringLiteral("quantbench-cli %1").arg(QLatin1String(command->name))
                : QStringLiteral("quantbench-cli");
    printErr(QStringLiteral("%1: %2\n").arg(prefix, message)
             + Cli::tr("Try '%1 --help'.").arg(prefix) + QLatin1Char('\n'));
}

// `arguments` as QCoreApplication::arguments() gives them (the program first).
int dispatch(const QStringList& arguments)
{
    const Command* command = nullptr;
    try {
        QCommandLineParser parser;
        const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
        const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                         QString());
        parser.addOption(help);
        parser.addOption(version);
        parser.addPositionalArgument(QStringLiteral("command"), QString());
        // Everything from the command name on belongs to the command's own parser.
        parser.setOptionsAfterPositionalArgumentsMode(
            QCommandLineParser::ParseAsPositionalArguments);
        if (!parser.parse(arguments))
            throw UsageError(parser.errorText());
        if (parser.isSet(help)) {
            printOut(toolHelpText());
            return ExitSuccess;
        }
        if (parser.isSet(version)) {
            printOut(
                QStringLiteral("quantbench-cli %1\n").arg(QCoreApplication::applicationVersion()));
            return ExitSuccess;
        }
        const QStringList words = parser.positionalArguments();
        if (words.isEmpty())
            throw UsageError(Cli::tr("no command given"));
        command = findCommand(words.first());
        if (!command) {
            QStringList names;
            for (const Command& c : commands())
                names << QString::fromLatin1(c.name);
            throw UsageError(Cli::tr("unknown command '%1' (commands: %2)")
                                 .arg(words.first(), names.join(QStringLiteral(", "))));
        }
        return command->run(*command, words.mid(1));
    } catch (const UsageError& e) {
        printUsageError(command, e.message());
        return ExitUsage;
    } catch (const Error& e) {
        printErr(Cli::tr("quantbench-cli: error: %1").arg(e.message()) + QLatin1Char('\n'));
        return ExitFailure;
    } catch (const Cancelled&) {
        printErr(Cli::tr("quantbench-cli: cancelled; nothing was written") + QLatin1Char('\n'));
        return ExitCancelled;
    } catch (const std::exception& e) {
        // Not ours (out of memory, a library's exception): still a failure with a message.
        printErr(Cli::tr("quantbench-cli: error: %1").arg(QString::fromLocal8Bit(e.what()))
                 + QLatin1Char('\n'));
        return ExitFailure;
    }
}

} // namespace

} // namespace qb::cli

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    qb::setApplicationIdentity();
    qb::installTranslators(app, QLocale::system());
    if (const QString problem = qb::CpuSupport::problem(); !problem.isEmpty()) {
        qb::cli::printErr(QStringLiteral("quantbench-cli: ") + problem + QLatin1Char('\n'));
        return qb::cli::ExitFailure;
    }
    return qb::cli::dispatch(QCoreApplication::arguments());
}
