#pragma once

#include "app/cli/cli_command.h"
#include "core/project/project_file.h"
#include "core/quant/plan_weight_hooks.h"

#include <QCommandLineOption>

#include <memory>

namespace qb {
class ComputeBackend;
class ForwardHooks;
class LoadedModel;
} // namespace qb

namespace qb::cli {

// Projects on the command line, so that a session moves between the GUI and a server. quantize
// and eval take a project file (*.qbproj, as File › Save Project writes it) where they take a model
// folder: the project's model, plan, calibration text and true-sequential setting are used, and
// its saved run is reused while it was made from what the project gives now. --save-project FILE
// writes the session a command made (the plan, the texts and the run), for File › Open Project
// or a later command.
class ProjectOptionsCli {
public:
    ProjectOptionsCli();

    void addTo(CommandLine& line) const;

    // Opens the project at `path` (ProjectFile::open) with a progress line. `conflicting` are the
    // plan and calibration options given: a project brings its own, so any of them is a
    // UsageError, raised before the file is read.
    static OpenedProject open(const QString& path, const QStringList& conflicting);

    // The calibration text a run of `project` is made from: the project's own, else the text its
    // saved run was made from (the GUI calibrates its demo model on the bundled text without
    // naming it in the project). Empty when there is none.
    static QString calibrationText(const Project& project);

    // The project's saved run when it is complete and a new run would be made from equal inputs
    // (the same plan, calibration text unchanged on disk, true-sequential); otherwise null.
    static std::shared_ptr<const QuantizedModel> reusableRun(const OpenedProject& opened);

    // When quantize() runs the plan: always (quantize), or only when it needs calibration (eval
    // streams a calibration-free plan's weights instead).
    enum class Run { Always, WhenCalibrated };

    // reusableRun() (saying so on stderr), or else the project's plan run again on
    // calibrationText() (runPlan); with Run::WhenCalibrated, null instead when the plan needs no
    // calibration. Throws Error naming the project when the plan needs a calibration text and
    // the project has none, and as runPlan() does.
    static std::shared_ptr<const QuantizedModel>
    quantize(const QString& path, const OpenedProject& opened,
             std::shared_ptr<const ComputeBackend> backend, Run when = Run::Always);

    // Checks --save-project, when given, before any work is done: Error when the file exists and
    // `replaceExisting` is false, when its folder does not exist, or when it is one of `model`'s
    // input files or lies in the model's folder.
    void checkSaveTarget(const CommandLine& line, const LoadedModel& model,
                         bool replaceExisting) const;
    // Writes `project` to --save-project, when given, with a progress line, and says so on
    // stderr.
    void save(const CommandLine& line, const Project& project, const LoadedModel& model) const;

private:
    QCommandLineOption m_saveProject;
};

class CalibrationOptionsCli;

// The forward-pass hooks of `model` as `plan` quantizes it, for eval and generate. From a project
// (`opened`, read from `source`): its saved run while current, else its plan run again
// (ProjectOptionsCli::quantize with Run::WhenCalibrated). Otherwise a plan that needs
// calibration runs through the pipeline on --calib (CalibrationOptionsCli::quantize). A plan
// that needs none gets PlanWeightHooks, which quantize block by block as a pass goes (no
// quantized model is stored; with `retention` AllBlocks, for generation, each block's codes are
// kept). `run` receives the run used, null for PlanWeightHooks. Throws Error for a plan that does
// not fit the model, and as those calls do.
std::unique_ptr<ForwardHooks>
planHooks(const CommandLine& line, const QString& source, const OpenedProject* opened,
          const std::shared_ptr<const LoadedModel>& model, const QuantPlan& plan,
          const CalibrationOptionsCli& calibration,
          const std::shared_ptr<const ComputeBackend>& backend,
          std::shared_ptr<const QuantizedModel>& run,
          PlanWeightHooks::Retention retention = PlanWeightHooks::Retention::OneBlock);

} // namespace qb::cli
