#pragma once

#include "app/cli/cli_command.h"
#include "core/quant/quantization_pipeline.h"

#include <QCommandLineOption>

#include <memory>
#include <vector>

namespace qb {
class LoadedModel;
class QuantPlan;
} // namespace qb

namespace qb::cli {

// The options that choose the calibration data of the commands that quantize a whole model
// (quantize, eval): --calib TEXT and the shortcuts --calib-mode, --samples, --seqlen, --seed,
// --holdout that override the recipe's "calibration" section, and --no-true-sequential.
class CalibrationOptionsCli {
public:
    // `profile` measures the full-precision model only: it has no --no-true-sequential.
    enum class TrueSequential { Offered, NotOffered };
    explicit CalibrationOptionsCli(TrueSequential trueSequential = TrueSequential::Offered);

    void addTo(CommandLine& line) const;
    // Applies the shortcuts to plan.calibration. Throws UsageError for bad values (checked before
    // any file is read).
    void applyTo(const CommandLine& line, QuantPlan& plan) const;
    // Whether each block calibrates on the quantized blocks' outputs (no --no-true-sequential).
    bool trueSequential(const CommandLine& line) const
    {
        return m_trueSequentialOffered == TrueSequential::NotOffered
               || !line.isSet(m_noTrueSequential);
    }

    // The --calib file as an absolute path, or empty when it is not given.
    QString calibrationText(const CommandLine& line) const;
    // The options of this set that were given, as typed ("--calib", "--samples", …).
    QStringList givenOptions(const CommandLine& line) const;

    // runPlan() on the text of --calib. Throws UsageError when the plan needs calibration and
    // --calib is missing, and as runPlan() does.
    std::shared_ptr<const QuantizedModel>
    quantize(const CommandLine& line, const std::shared_ptr<const LoadedModel>& model,
             const QuantPlan& plan, std::shared_ptr<const ComputeBackend> backend) const;

    // "17 windows (4,349 tokens) fitted, 2 held out (515 tokens)" for the summaries.
    static QString describe(const CalibrationUse& use);

private:
    std::vector<const QCommandLineOption*> options() const;

    QCommandLineOption m_calib;
    QCommandLineOption m_mode;
    QCommandLineOption m_samples;
    QCommandLineOption m_seqlen;
    QCommandLineOption m_seed;
    QCommandLineOption m_holdout;
    QCommandLineOption m_noTrueSequential;
    TrueSequential m_trueSequentialOffered;
};

// Runs QuantizationPipeline for `plan` (its problems refused, its warnings printed) with the
// windows of the text at `textPath` (none when it is empty), on `backend`, with a progress line;
// then prints the run's warnings (printRunWarnings).
// Throws Error for a plan that does not fit the model or an unreadable text, Cancelled on Ctrl-C
// (a partial result is not kept: the caller writes nothing).
std::shared_ptr<const QuantizedModel> runPlan(const std::shared_ptr<const LoadedModel>& model,
                                              const QuantPlan& plan, const QString& textPath,
                                              bool trueSequential,
                                              std::shared_ptr<const ComputeBackend> backend);

// Prints to stderr what a run found that needs the user's attention: the report's runWarnings()
// and every layer's note (a GPTQ fallback, a skipped layer, …).
void printRunWarnings(const QuantReport& report);

} // namespace qb::cli
