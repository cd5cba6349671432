// Benchmarks of the inference engine and of the pipeline's memory (label bench: outside the normal
// test run; scripts/bench): forward throughput on the demo model and on the synthetic llama-1b
// preset at context 512, the peak resident memory of evaluating llama-1b (target: at most 1.3 ×
// its BF16 file + 1 GiB), calibration-capture throughput, and the peak resident memory of
// quantizing llama-1b with GPTQ through the whole pipeline (target: the mapped file, the quantized
// result and ONE block's working set — nothing that grows with the number of blocks). Prints its
// figures and writes build/bench-results/inference.json.
//
// The llama-1b checkpoint is generated once into build/bench-data (SyntheticModel, seed 0) and
// reused. Its evaluation and quantization run as child `quantbench-cli` processes so that each
// one's peak memory can be read alone (wait4's rusage of that child).

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
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

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
    const QStringList lines =
        TextDocuments::fromFile(kTextDir + QStringLiteral("/TinyStories-valid-subset.txt"));
    QString text;
    for (const QString& line : lines) {
        text += line + QLatin1Char(' ');
        if (std::int64_t(tokenizer.encode(text).size()) >= tokens)
            return text.trimmed();
    }
    return text.trimmed();
}

double forwardTokensPerSecond(const std::shared_ptr<const LoadedModel>& model,
                              const QStringList& documents, int repeats)
{
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    std::vector<double> rates;
    for (int i = 0; i < repeats; ++i) {
        SilentProgress progress;
        PerplexityOptions options;
        options.contextLength = 512;
        rates.push_back(
            PerplexityEvaluator::evaluate(model, *tokenizer, documents, options, nullptr, progress)
                .tokensPerSecond());
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

double captureTokensPerSecond(const std::shared_ptr<const LoadedModel>& model,
                              const QStringList& documents, int samples, int length)
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

// A child process's result: exit status (-1 when it did not start or did not exit normally),
// its peak resident memory alone (bytes), and what it wrote to stdout and stderr.
struct ChildRun {
    int exitCode = -1;
    double peakBytes = 0.0;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs `program arguments` and waits for it. stdout and stderr go to files in a temporary folder
// (read back afterwards) so that no pipe can fill up while we wait.
ChildRun runMeasured(const QString& program, const QStringList& arguments)
{
    ChildRun run;
    QTemporaryDir dir;
    const QByteArray outPath = dir.filePath(QStringLiteral("stdout")).toLocal8Bit();
    const QByteArray errPath = dir.filePath(QStringLiteral("stderr")).toLocal8Bit();
    std::vector<QByteArray> storage{program.toLocal8Bit()};
    for (const QString& argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& bytes : storage)
        argv.push_back(bytes.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return run;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        return run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peakBytes = double(usage.ru_maxrss) * 1024.0;
    QFile out(QString::fromLocal8Bit(outPath));
    if (out.open(QIODevice::ReadOnly))
        run.standardOutput = out.readAll();
    QFile err(QString::fromLocal8Bit(errPath));
    if (err.open(QIODevice::ReadOnly))
        run.standardError = err.readAll();
    return run;
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
    const QStringList valid =
        TextDocuments::fromFile(kTextDir + QStringLiteral("/TinyStories-valid-subset.txt"));
    const double demoForward = forwardTokensPerSecond(demo, valid, 3);
    const double demoCapture = captureTokensPerSecond(demo, valid, 64, 512);
    say(QStringLiteral("demo model (stories260K): forward %1 tokens/s at context 512; calibration "
                       "capture %2 tokens/s")
            .arg(demoForward, 0, 'f', 0)
            .arg(demoCapture, 0, 'f', 0));
    results.insert(QStringLiteral("demo_forward_tokens_per_second"), demoForward);
    results.insert(QStringLiteral("demo_capture_tokens_per_second"), demoCapture);

    // ---- the synthetic llama-1b preset
    // ------------------------------------------------------------
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

    const ChildRun eval = runMeasured(
        kCli, {QStringLiteral("eval"), llama, QStringLiteral("--text"), textPath,
               QStringLiteral("--ctx"), QStringLiteral("512"), QStringLiteral("--json")});
    if (eval.exitCode != 0) {
        say(QStringLiteral("quantbench-cli eval failed: %1")
                .arg(QString::fromUtf8(eval.standardError)));
        return 1;
    }
    const QJsonObject evalJson = QJsonDocument::fromJson(eval.standardOutput).object();
    const double peakBytes = eval.peakBytes;
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

    const double llamaCapture =
        captureTokensPerSecond(model, {longDocument(*tokenizer, 2 * 512 + 1)}, 2, 512);
    say(QStringLiteral("llama-1b calibration capture: %1 tokens/s").arg(llamaCapture, 0, 'f', 1));

    // ---- the pipeline's memory: GPTQ on every layer of llama-1b, true-sequential
    // ------------------- What it may hold: the mapped file (the weights are read from the map),
    // the result (one code byte per weight, plus each group's scale and zero as float32), and one
    // block's working set: its weights converted to float32, GPTQ on the widest input (Σ x xᵀ in
    // double, its Cholesky factor and inverse, and a float32 copy of the weight: 4 × in² × 8 bytes
    // is generous), and the block run's activation budget (256 MiB, see
    // PipelineOptions::maxBatchTokens) twice over (the calibration rows and the held-out rows).
    // Nothing in it grows with the number of blocks.
    {
        const LayerInventory& inventory = model->inventory();
        double resultBytes = 0.0;
        double blockFloatBytes = 0.0;
        std::int64_t widestInput = 0;
        for (const LinearLayer& layer : inventory.layers()) {
            resultBytes += double(layer.parameterCount()) * (1.0 + 8.0 / 128.0);
            if (layer.block == 0)
                blockFloatBytes += double(layer.parameterCount()) * 4.0;
            widestInput = std::max(widestInput, layer.inFeatures);
        }
        const double gptqBytes = 4.0 * double(widestInput) * double(widestInput) * 8.0;
        const double activationBytes = 2.0 * 256.0 * 1024.0 * 1024.0;
        const double blockBytes = blockFloatBytes + gptqBytes + activationBytes;
        const double quantizeBudget = fileBytes + resultBytes + blockBytes;
        QTemporaryDir outParent(kBenchData + QStringLiteral("/quantize-XXXXXX"));
        const QString out = outParent.filePath(QStringLiteral("llama-1b-gptq"));
        const auto started = std::chrono::steady_clock::now();
        const ChildRun quantize = runMeasured(
            kCli,
            {QStringLiteral("quantize"), llama, QStringLiteral("--method"), QStringLiteral("gptq"),
             QStringLiteral("--bits"), QStringLiteral("4"), QStringLiteral("--group"),
             QStringLiteral("128"), QStringLiteral("--calib"), textPath,
             QStringLiteral("--samples"), QStringLiteral("4"), QStringLiteral("--seqlen"),
             QStringLiteral("512"), QStringLiteral("--calib-mode"), QStringLiteral("random"),
             QStringLiteral("--out"), out});
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (quantize.exitCode != 0) {
            say(QStringLiteral("quantbench-cli quantize failed: %1")
                    .arg(QString::fromUtf8(quantize.standardError)));
            return 1;
        }
        say(QStringLiteral(
                "llama-1b GPTQ 4-bit g128 through the pipeline (%1 blocks, 4 windows of 512 "
                "tokens, "
                "true-sequential, fake-quant checkpoint written): %2 s; peak resident memory "
                "%3 GB = file %4 GB + result %5 GB + %6 GB; target at most file + result + one "
                "block's working set (%7 GB: float32 weights %8 GB, GPTQ on %9 inputs %10 GB, "
                "activations %11 GB) = %12 GB: %13")
                .arg(model->spec().numHiddenLayers)
                .arg(seconds, 0, 'f', 0)
                .arg(quantize.peakBytes / 1e9, 0, 'f', 2)
                .arg(fileBytes / 1e9, 0, 'f', 2)
                .arg(resultBytes / 1e9, 0, 'f', 2)
                .arg((quantize.peakBytes - fileBytes - resultBytes) / 1e9, 0, 'f', 2)
                .arg(blockBytes / 1e9, 0, 'f', 2)
                .arg(blockFloatBytes / 1e9, 0, 'f', 2)
                .arg(widestInput)
                .arg(gptqBytes / 1e9, 0, 'f', 2)
                .arg(activationBytes / 1e9, 0, 'f', 2)
                .arg(quantizeBudget / 1e9, 0, 'f', 2)
                .arg(quantize.peakBytes <= quantizeBudget ? QStringLiteral("met")
                                                          : QStringLiteral("NOT MET")));
        targetsMet = targetsMet && quantize.peakBytes <= quantizeBudget;
        results.insert(QStringLiteral("llama1b_gptq_pipeline_seconds"), seconds);
        results.insert(QStringLiteral("llama1b_gptq_pipeline_peak_rss_bytes"), quantize.peakBytes);
        results.insert(QStringLiteral("llama1b_gptq_pipeline_peak_rss_budget_bytes"),
                       quantizeBudget);
    }

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
