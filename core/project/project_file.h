#pragma once

#include "core/analysis/sensitivity_scan.h"
#include "core/metrics/perplexity.h"
#include "core/quant/quant_plan.h"
#include "core/quant/quantized_model.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace qb {

class LayerInventory;
class LoadedModel;
class Progress;

// What a quantization run of the whole plan was made from, beyond the model: the plan (as its
// recipe JSON), the calibration text as it was on disk, and true-sequential. A kept run is
// reused (evaluation, export) only while a new run would be made from equal inputs.
struct QuantRunInputs {
    QByteArray planJson;
    QString textPath; // empty: no calibration text
    QDateTime textModified;
    qint64 textSize = -1;
    // The text's SHA-256 (hex), recorded when a project is saved (empty otherwise): a text that
    // was copied or moved with the project is still recognised as the same.
    QByteArray textSha256;
    bool trueSequential = true;
    friend bool operator==(const QuantRunInputs&, const QuantRunInputs&) = default;

    // Whether a run made from `saved` is a run of these inputs (the ones of() gives now): the
    // same plan and true-sequential, and the same calibration text — at the same path with the
    // same size and modification time, or, when `saved` records its SHA-256, any file of the same
    // size and digest (a project and its text copied to another machine).
    bool matches(const QuantRunInputs& saved) const;
    // The SHA-256 of the file at `path` in hex; empty when it cannot be read.
    static QByteArray sha256Of(const QString& path);

    // The inputs a run of `plan` on the model of `inventory` would be made from now, for the
    // layers named in `layers` (all when empty). The text at `textPath` is an input, with its
    // modification time and size as the file system gives them, when one of those layers needs
    // calibration or when it exists: a text nobody needs that has gone is simply not used.
    static QuantRunInputs of(const QuantPlan& plan, const LayerInventory& inventory,
                             const QString& textPath, bool trueSequential,
                             const QStringList& layers = {});
};

// A working session: the model it is about and what the user made of it.
struct Project {
    QString modelDirectory;  // what the user opened (LoadedModel::sourcePath), absolute
    QuantPlan plan;          // the layer table's plan, calibration options included
    QString calibrationText; // empty: none chosen
    bool trueSequential = true;
    QString evaluationText;
    int evaluationContext = 0; // tokens per window; 0: the model's default
    int evaluationStride = 0;  // tokens between windows; 0: no overlap
    // The last evaluation shown (or null), with the evaluation key (QuantPlan::evaluationKey) and
    // the description of the plan it measured: it is current while the plan's key is that one.
    std::shared_ptr<const EvaluationResult> evaluation;
    QByteArray evaluatedPlanKey;
    QString evaluatedPlan;

    // The evaluated plan described in the application's language (from evaluatedPlanKey);
    // evaluatedPlan, as it was written, when the key does not read as a plan.
    QString evaluatedPlanDescription() const;
    // Whether `evaluation` is of the plan as it is now (its key equals the plan's).
    bool evaluationIsCurrent(const LayerInventory& inventory) const;
    // Records `result` as the evaluation of the project's plan on `inventory`'s model.
    void setEvaluation(std::shared_ptr<const EvaluationResult> result,
                       const LayerInventory& inventory);
    // Records `quantized` as the run of the project's plan, made from its calibration text and
    // true-sequential setting as they are now.
    void setRun(std::shared_ptr<const QuantizedModel> quantized, const LayerInventory& inventory);
    std::shared_ptr<const SensitivityScanResult> scan; // or null
    // The last run of the whole plan (its model the project's), or null, with its inputs.
    std::shared_ptr<const QuantizedModel> run;
    QuantRunInputs runInputs;
};

// A project file as opened: the model it names, opened, and the project checked against it.
struct OpenedProject {
    std::shared_ptr<const LoadedModel> model;
    Project project;
};

// The project file (*.qbproj): one safetensors file whose metadata entry "quantbench.project"
// holds the session as JSON (format "quantbench-project", version 1; the last evaluation, when
// there is one, in evaluation.result with the key and description of the plan it measured; the
// run's inputs with the calibration text's SHA-256) and whose tensors hold the kept run's
// quantized layers — per layer "run/<name>/codes" U8 [rows, cols] (or, for grids of at most 4
// bits, "/codes_nibbles" U8 [rows, ⌈cols/2⌉], two codes a byte), "/grid" F32 [rows, groups,
// 2] (scale, zero), and when present "/group_index" I32 [cols], "/permutation" I32 [cols],
// "/input_scale" F32 [cols] — and its per-site input statistics ("run/inputs/<g>/abs_mean" F64,
// "/abs_max" F32, "/square_sum" F64, each [K]). The model and the texts are referenced, not
// copied: by their absolute paths and by their paths relative to the project file, tried in that
// order, so a project moved or copied together with them still finds them.
//
// Reentrant; both functions run on the calling thread (a worker's).
class ProjectFile {
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)

public:
    static constexpr const char* kSuffix = "qbproj";

    // Whether `path` names a project file rather than a model: its suffix is .qbproj (in any
    // case).
    static bool isProjectPath(const QString& path);

    // Writes `project` to `path` atomically (a temporary file renamed into place). Throws Error
    // naming the file on I/O failure or when `path` is an input of `model` (the project's);
    // Cancelled when cancelled (nothing is then written).
    static void write(const QString& path, const Project& project, const LoadedModel& model,
                      Progress& progress);

    // Opens the project at `path` and the model it names, and checks everything against that
    // model: the plan (QuantPlan::problemsFor), the scan (SensitivityScanResult::problemsFor),
    // and every layer of the run (its name, shape, grid and codes). Throws Error naming the file
    // and the field, tensor or layer that is wrong; Cancelled when cancelled.
    static OpenedProject open(const QString& path, Progress& progress);
};

} // namespace qb
