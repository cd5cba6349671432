#include "app/cli/project_options.h"

#include "app/cli/calibration_options.h"
#include "app/cli/console_progress.h"
#include "core/io/staging_directory.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantized_model.h"
#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace qb::cli {

ProjectOptionsCli::ProjectOptionsCli()
    : m_saveProject(QStringLiteral("save-project"),
                    Cli::tr("Also save the session as a QuantBench project (.qbproj): the model's "
                            "path, the plan, the calibration and evaluation texts and the "
                            "quantized layers, which File › Open Project in the GUI and the "
                            "quantize and eval commands open. Replaced only with --force."),
                    QStringLiteral("FILE"))
{
}

void ProjectOptionsCli::addTo(CommandLine& line) const
{
    line.addOption(m_saveProject);
}

OpenedProject ProjectOptionsCli::open(const QString& path, const QStringList& conflicting)
{
    if (!conflicting.isEmpty())
        throw UsageError(
            Cli::tr("%1 cannot be given with a project (%2): the project brings its "
                    "own plan and calibration text. Change them in the GUI, or give "
                    "the model folder with a recipe instead.")
                .arg(conflicting.join(QStringLiteral(", ")), QDir::toNativeSeparators(path)));
    ConsoleProgress progress;
    return ProjectFile::open(path, progress);
}

QString ProjectOptionsCli::calibrationText(const Project& project)
{
    if (!project.calibrationText.isEmpty())
        return QFileInfo(project.calibrationText).absoluteFilePath();
    return project.run ? project.runInputs.textPath : QString();
}

std::shared_ptr<const QuantizedModel> ProjectOptionsCli::reusableRun(const OpenedProject& opened)
{
    const Project& project = opened.project;
    if (!project.run || !project.run->report.complete)
        return nullptr;
    const QuantRunInputs now = QuantRunInputs::of(project.plan, opened.model->inventory(),
                                                  calibrationText(project), project.trueSequential);
    return now.matches(project.runInputs) ? project.run : nullptr;
}

std::shared_ptr<const QuantizedModel>
ProjectOptionsCli::quantize(const QString& path, const OpenedProject& opened,
                            std::shared_ptr<const ComputeBackend> backend, Run when)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (auto run = reusableRun(opened)) {
        printErr(Cli::tr("Using the quantized layers saved in %1 (run finished %2)")
                     .arg(shown, QLocale().toString(run->finished, QLocale::ShortFormat))
                 + QLatin1Char('\n'));
        printRunWarnings(run->report);
        return run;
    }
    const Project& project = opened.project;
    const LayerInventory& inventory = opened.model->inventory();
    if (when == Run::WhenCalibrated && !project.plan.needsCalibration(inventory))
        return nullptr;
    const QString text = calibrationText(project);
    if (const LinearLayer* layer = project.plan.firstLayerNeedingCalibration(inventory);
        layer && text.isEmpty())
        throw Error(Cli::tr("%1: %2 is quantized with %3, which needs calibration data, "
                            "and the project names no calibration text: choose one in "
                            "the GUI's Calibration panel and save the project again")
                        .arg(shown, layer->name, project.plan.resolve(layer->name).describe()));
    if (project.run)
        printErr(Cli::tr("%1: the saved quantized layers were made from other inputs (the plan "
                         "or the calibration text changed since): running the plan again")
                     .arg(shown)
                 + QLatin1Char('\n'));
    return runPlan(opened.model, project.plan, text, project.trueSequential, std::move(backend));
}

void ProjectOptionsCli::checkSaveTarget(const CommandLine& line, const LoadedModel& model,
                                        bool replaceExisting) const
{
    if (!line.isSet(m_saveProject))
        return;
    const QString path = line.value(m_saveProject);
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (info.exists() && !replaceExisting)
        throw Error(Cli::tr("%1 already exists; give --force to replace it").arg(shown));
    if (info.isDir())
        throw Error(Cli::tr("%1 is a folder, not a project file").arg(shown));
    if (!info.absoluteDir().exists())
        throw Error(Cli::tr("%1: the folder %2 does not exist")
                        .arg(shown, QDir::toNativeSeparators(info.absolutePath())));
    StagingDirectory::refuseInputs(path, model.inputPaths());
}

void ProjectOptionsCli::save(const CommandLine& line, const Project& project,
                             const LoadedModel& model) const
{
    if (!line.isSet(m_saveProject))
        return;
    const QString path = line.value(m_saveProject);
    {
        ConsoleProgress progress;
        ProjectFile::write(path, project, model, progress);
    }
    printErr(Cli::tr("Saved the project %1").arg(QDir::toNativeSeparators(path))
             + QLatin1Char('\n'));
}

std::unique_ptr<ForwardHooks>
planHooks(const CommandLine& line, const QString& source, const OpenedProject* opened,
          const std::shared_ptr<const LoadedModel>& model, const QuantPlan& plan,
          const CalibrationOptionsCli& calibration,
          const std::shared_ptr<const ComputeBackend>& backend,
          std::shared_ptr<const QuantizedModel>& run, PlanWeightHooks::Retention retention)
{
    const QStringList problems = plan.problemsFor(model->inventory());
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char('\n')));
    run = opened ? ProjectOptionsCli::quantize(source, *opened, backend,
                                               ProjectOptionsCli::Run::WhenCalibrated)
          : plan.needsCalibration(model->inventory())
              ? calibration.quantize(line, model, plan, backend)
              : nullptr;
    return planForwardHooks(run, model, plan, backend, retention);
}

} // namespace qb::cli
