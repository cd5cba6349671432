// Benchmarks of issue "run the model" (label bench: outside the normal test run; scripts/bench):
// forward throughput on the demo model and on the synthetic llama-1b preset at context 512, the
// peak resident memory of evaluating llama-1b (target: at most 1.3 × its BF16 file + 1 GiB), and
// calibration-capture throughput. Prints a table and writes build/bench-results/inference.json.
//
// The llama-1b checkpoint is generated once into build/bench-data (SyntheticModel, seed 0) and
// reused. Its evaluation runs as a child `quantbench-cli eval` so that its peak memory can be read
// alone (getrusage of the children).

#include "core/calib/calibration_set.h"
#include "core/calib/layer_sequential_capture.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/model/synthetic_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/progress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace qb;

namespace {

const QString kDemoModel = QStringLiteral(QB_DEMO_MODEL_DIR);
const QString kTextDir = QStringLiteral(QB_TEST_DATA_DIR "/tinystories");
const QString kBenchData = QStringLiteral(QB_BENCH_DATA_DIR);
const QString kResults = QStringLiteral(QB_BENCH_RESULTS_DIR);
const QString kCli = QStringLiteral(QB_BIN_DIR "/quantbench-cli");

void say(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// One long document of TinyStories text holding at least `tokens` tokens of `tokenizer`, so that
// every evaluation window is full.
QString longDocument(const Tokenizer& tokenizer, std::int64_t tokens)
{
    const QStringList lines = TextDocuments::fromFile(kTextDir + QStringLiteral("/TinyStories-valid-subset.txt"));
    QString text;
    for (const QString& line : lines) {
        text += line + QLatin1Char(' ');
        if (std::int64_t(tokenizer.encode(text).size()) >= tokens)
            return text.trimmed();
    }
    return text.trimmed();
}

double forwardTokensPerSecond(const std::shared_ptr<const LoadedModel>& model, const QStringList& documents,
                              int repeats)
{
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    std::vector<double> rates;
    for (int i = 0; i < repeats; ++i) {
        SilentProgress progress;
        PerplexityOptions options;
        options.contextLength = 512;
        rates.push_back(PerplexityEvaluator::evaluate(model, *tokenizer, documents, options, nullptr, progress)
                            .tokensPerSecond());
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

double captureTokensPerSecond(const std::shared_ptr<const LoadedModel>& model, const QStringList& documents,
                              int samples, int length)
{
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    CalibrationOptions options;
    options.mode = CalibrationOptions::Mode::RandomWindows;
    options.samples = samples;
    options.sequenceLength = length;
    const auto windows = CalibrationSet::build(*tokenizer, documents, options);
    SilentProgress progress;
    const CaptureSummary summary = LayerSequentialCapture::run(
        model, windows, options, [](BlockStats&) -> ForwardHooks* { return nullptr; }, progress);
    return summary.tokensPerSecond();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QDir().mkpath(kBenchData);
    QDir().mkpath(kResults);
    QJsonObject results;
    bool targetsMet = true;

    // ---- the demo model -------------------------------------------------------------------------
    const auto demo = LoadedModel::open(kDemoModel);
    const QStringList valid = TextDocuments::fromFile(kTextDir + QStringLiteral("/TinyStories-valid-subset.txt"));
    const double demoForward = forwardTokensPerSecond(demo, valid, 3);
    const double demoCapture = captureTokensPerSecond(demo, valid, 64, 512);
    say(QStringLiteral("demo model (stories260K): forward %1 tokens/s at context 512; calibration "
                       "capture %2 tokens/s")
            .arg(demoForward, 0, 'f', 0)
            .arg(demoCapture, 0, 'f', 0));
    results.insert(QStringLiteral("demo_forward_tokens_per_second"), demoForward);
    results.insert(QStringLiteral("demo_capture_tokens_per_second"), demoCapture);

    // ---- the synthetic llama-1b preset ------------------------------------------------------------
    const QString llama = kBenchData + QStringLiteral("/llama-1b-bf16-seed0");
    if (!QFileInfo::exists(llama + QStringLiteral("/config.json"))) {
        say(QStringLiteral("generating the synthetic llama-1b checkpoint into %1").arg(llama));
        SyntheticModel::Options options;
        options.preset = QStringLiteral("llama-1b");
        options.tokenizerSource = kDemoModel;
        options.replaceExisting = true;
        SilentProgress progress;
        SyntheticModel::write(llama, options, progress);
    }
    const auto model = LoadedModel::open(llama);
    const double fileBytes = double(model->checkpoint().totalBytes());
    const auto tokenizer = Tokenizer::load(llama, model->spec());
    // Four full windows of 512 for the forward pass, two for the capture.
    const QString textPath = kBenchData + QStringLiteral("/long-document.txt");
    {
        QFile file(textPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 2;
        file.write(longDocument(*tokenizer, 4 * 511 + 1).toUtf8() + '\n');
    }

    QProcess eval;
    eval.start(kCli, {QStringLiteral("eval"), llama, QStringLiteral("--text"), textPath,
                      QStringLiteral("--ctx"), QStringLiteral("512"), QStringLiteral("--json")});
    if (!eval.waitForFinished(-1) || eval.exitCode() != 0) {
        say(QStringLiteral("quantbench-cli eval failed: %1").arg(QString::fromUtf8(eval.readAllStandardError())));
        return 1;
    }
    const QJsonObject evalJson = QJsonDocument::fromJson(eval.readAllStandardOutput()).object();
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const double peakBytes = double(usage.ru_maxrss) * 1024.0;
    const double budget = 1.3 * fileBytes + 1024.0 * 1024.0 * 1024.0;
    const double llamaForward = evalJson.value(QStringLiteral("tokens_per_second")).toDouble();
    say(QStringLiteral("llama-1b (synthetic, BF16, %1 GB): forward %2 tokens/s at context 512 "
                       "(%3 tokens, %4 s)")
            .arg(fileBytes / 1e9, 0, 'f', 2)
            .arg(llamaForward, 0, 'f', 1)
            .arg(evalJson.value(QStringLiteral("input_tokens")).toInt())
            .arg(evalJson.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1));
    say(QStringLiteral("llama-1b peak resident memory while evaluating: %1 GB = %2 × the file; "
                       "target at most 1.3 × file + 1 GiB = %3 GB: %4")
            .arg(peakBytes / 1e9, 0, 'f', 2)
            .arg(peakBytes / fileBytes, 0, 'f', 3)
            .arg(budget / 1e9, 0, 'f', 2)
            .arg(peakBytes <= budget ? QStringLiteral("met") : QStringLiteral("NOT MET")));
    targetsMet = targetsMet && peakBytes <= budget;

    const double llamaCapture = captureTokensPerSecond(model, {longDocument(*tokenizer, 2 * 512 + 1)}, 2, 512);
    say(QStringLiteral("llama-1b calibration capture: %1 tokens/s").arg(llamaCapture, 0, 'f', 1));

    results.insert(QStringLiteral("llama1b_file_bytes"), fileBytes);
    results.insert(QStringLiteral("llama1b_forward_tokens_per_second"), llamaForward);
    results.insert(QStringLiteral("llama1b_eval_peak_rss_bytes"), peakBytes);
    results.insert(QStringLiteral("llama1b_eval_peak_rss_budget_bytes"), budget);
    results.insert(QStringLiteral("llama1b_capture_tokens_per_second"), llamaCapture);
    results.insert(QStringLiteral("targets_met"), targetsMet);
    QFile out(kResults + QStringLiteral("/inference.json"));
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(QJsonDocument(results).toJson());
    say(QStringLiteral("results written to %1").arg(out.fileName()));
    return targetsMet ? 0 : 1;
}
