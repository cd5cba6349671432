// quantbench-cli layer MODEL_DIR --layer NAME --method M [plan flags] [--w8a8]
// --calib-rows FILE:TENSOR --test-rows FILE:TENSOR [--save-weight OUT.safetensors] [--force]
// [--json]: one layer quantized in isolation from given input rows, scored on others — the
// protocol of the golden reference results.

#include "app/cli/backend_options.h"
#include "app/cli/cli_command.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "core/calib/input_stats.h"
#include "core/io/safetensors_file.h"
#include "core/io/safetensors_writer.h"
#include "core/metrics/output_error.h"
#include "core/metrics/weight_error.h"
#include "core/model/loaded_model.h"
#include "core/quant/awq_quantizer.h"
#include "core/quant/layer_quantizer.h"
#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <filesystem>

namespace qb::cli {

namespace {

// "FILE.safetensors:TENSOR", split at the last colon (a Windows path has one of its own).
struct RowsSource {
    QString file;
    QString tensor;
};

RowsSource parseRowsSource(const QString& option, const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        throw UsageError(
            Cli::tr("--%1 must be FILE.safetensors:TENSOR, not '%2'").arg(option, text));
    return {text.left(colon), text.mid(colon + 1)};
}

// The rows [n, in] of a 2-D floating-point tensor.
RowMatrix readRows(const RowsSource& source, std::int64_t in)
{
    const auto file = SafetensorsFile::open(source.file);
    const TensorInfo* info = file->find(source.tensor);
    const QString where =
        QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(source.file), source.tensor);
    if (!info)
        throw Error(Cli::tr("%1: no such tensor in the file").arg(where));
    if (info->shape.size() != 2 || info->shape[1] != in || info->shape[0] < 1)
        throw Error(Cli::tr("%1: expected input rows of shape [rows, %2], found %3")
                        .arg(where)
                        .arg(in)
                        .arg(info->shapeText()));
    const std::vector<float> values = file->readFloat(*info);
    RowMatrix rows = Eigen::Map<const RowMatrix>(values.data(), info->shape[0], info->shape[1]);
    if (!rows.allFinite())
        throw Error(Cli::tr("%1: the rows hold NaN or infinite values").arg(where));
    return rows;
}

// Writes the layer's weight (original input space) as `<layer>.weight` F32, through a temporary
// file renamed into place, so an existing file is never left half-written.
void saveWeight(const QString& path, const LinearLayer& layer, const QuantizedLayer& quantized,
                bool replace)
{
    if (QFileInfo::exists(path) && !replace)
        throw Error(Cli::tr("%1 already exists (use --force to replace it)")
                        .arg(QDir::toNativeSeparators(path)));
    const std::vector<float> weight = quantized.weightInOriginalSpace();
    QMap<QString, QString> metadata{
        {QStringLiteral("format"), QStringLiteral("pt")},
        {QStringLiteral("quantization"), quantized.config.describe()},
    };
    const QString partial = path + QStringLiteral(".partial");
    try {
        SafetensorsWriter writer(
            partial, {{layer.weightName, DType::F32, {layer.outFeatures, layer.inFeatures}}},
            metadata);
        writer.writeNext(std::as_bytes(std::span(weight)));
        writer.finish();
        std::error_code error;
        std::filesystem::rename(partial.toStdString(), path.toStdString(), error);
        if (error)
            throw Error(
                Cli::tr("%1: cannot write: %2")
                    .arg(QDir::toNativeSeparators(path), QString::fromStdString(error.message())));
    } catch (...) {
        QFile::remove(partial);
        throw;
    }
}

QString number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

} // namespace

int runLayer(const Command& command, const QStringList& arguments)
{
    CommandLine line(
        command,
        Cli::tr("Quantizes one linear layer of the model in isolation: its statistics come from "
                "the given calibration rows (the layer's inputs, e.g. recorded from the model), "
                "and its output error is measured on the given test rows: output_mse = mean over "
                "rows and outputs of (X Wᵀ − X Ŵᵀ)², rel_err = ‖ΔY‖ / ‖Y‖. AWQ judges its "
                "scales by the layer's own output, as the reference does for a single linear; "
                "SmoothQuant smooths the layer alone. --w8a8 with --method rtn is plain W8A8 "
                "(int8 per-channel weights, int8 per-token activations)."));
    line.addPositional(QStringLiteral("MODEL_DIR"),
                       Cli::tr("The Hugging Face checkpoint folder holding the layer."));
    const QCommandLineOption layerName(QStringLiteral("layer"),
                                       Cli::tr("The layer's module name, e.g. "
                                               "model.layers.0.self_attn.q_proj."),
                                       QStringLiteral("NAME"));
    const PlanOptions planOptions(PlanOptions::Recipe::NotAccepted);
    const QCommandLineOption w8a8(QStringLiteral("w8a8"),
                                  Cli::tr("Int8 per-token activations with int8 per-channel "
                                          "weights (with --method rtn or smoothquant)."));
    const QCommandLineOption calibRows(QStringLiteral("calib-rows"),
                                       Cli::tr("The calibration input rows [n, in]."),
                                       QStringLiteral("FILE:TENSOR"));
    const QCommandLineOption testRows(QStringLiteral("test-rows"),
                                      Cli::tr("The input rows [n, in] to measure the output "
                                              "error on."),
                                      QStringLiteral("FILE:TENSOR"));
    const QCommandLineOption saveWeightOption(
        QStringLiteral("save-weight"),
        Cli::tr("Write the quantized layer's dequantized weight (in the original input space) "
                "to this safetensors file."),
        QStringLiteral("OUT"));
    const QCommandLineOption force = forceOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  Cli::tr("Print the result as JSON instead of text."));
    const BackendOptionCli backendOption;
    line.addOption(layerName);
    planOptions.addTo(line);
    backendOption.addTo(line);
    for (const QCommandLineOption* option :
         {&w8a8, &calibRows, &testRows, &saveWeightOption, &force, &json})
        line.addOption(*option);
    if (!line.parse(arguments))
        return ExitSuccess;

    for (const QCommandLineOption* required : {&layerName, &calibRows, &testRows}) {
        if (!line.isSet(*required))
            throw UsageError(Cli::tr("--%1 is required").arg(required->names().constLast()));
    }
    if (!line.isSet(QStringLiteral("method")))
        throw UsageError(Cli::tr("--method is required (%1)")
                             .arg(PlanOptions::methodKeys().join(QStringLiteral(", "))));
    LayerQuantConfig config = planOptions.build(line).defaults;
    if (line.isSet(w8a8)) {
        if (config.method == QuantMethod::Rtn)
            config.method = QuantMethod::W8A8;
        else if (config.method != QuantMethod::SmoothQuant && config.method != QuantMethod::W8A8)
            throw UsageError(Cli::tr("--w8a8 goes with --method rtn (plain W8A8) or smoothquant"));
    }
    if (config.method == QuantMethod::None)
        throw UsageError(Cli::tr("--method none leaves nothing to measure"));
    const RowsSource calibSource =
        parseRowsSource(QStringLiteral("calib-rows"), line.value(calibRows));
    const RowsSource testSource =
        parseRowsSource(QStringLiteral("test-rows"), line.value(testRows));

    const auto backend = backendOption.create(line);
    const auto model = LoadedModel::open(line.positional(0));
    const LinearLayer* layer = model->inventory().find(line.value(layerName));
    if (!layer)
        throw Error(
            Cli::tr("the model has no linear layer named \"%1\"").arg(line.value(layerName)));
    RowMatrix calib = readRows(calibSource, layer->inFeatures);
    const RowMatrix test = readRows(testSource, layer->inFeatures);
    const std::vector<float> weight = model->readWeight(*layer);
    if (const auto reason = LayerQuantizer::unquantizableReason(*layer, weight))
        throw Error(Cli::tr("%1: %2").arg(layer->name, *reason));

    // Every calibration row: Σ x xᵀ, mean and max |x|, and the rows themselves (AWQ's clip search
    // subsamples them as the reference does).
    InputStatsRecorder recorder(model->inventory(), -1, calib.rows(), 0, backend);
    recorder.select({layer->inputGroup}, {layer->inputGroup});
    recorder.onInput(layer->inputGroup, calib);
    const InputStats stats = std::move(recorder.take().at(layer->inputGroup));
    const Eigen::VectorXd absMean = stats.absMean();
    LayerInputs inputs;
    inputs.xtx = &stats.xtx;
    inputs.tokens = stats.tokens;
    inputs.absMean = &absMean;
    inputs.absMax = &stats.absMax;
    inputs.sample = &stats.sample;

    QuantizedLayer quantized;
    {
        ConsoleProgress progress;
        const AwqLoss loss =
            config.method == QuantMethod::Awq
                ? AwqQuantizer::singleLinearLoss(stats.xtx, stats.tokens, weight.data(),
                                                 layer->outFeatures, layer->inFeatures, backend)
                : AwqLoss{};
        // The layer alone: its input scale is free, whatever could absorb it in the model.
        quantized = std::move(LayerQuantizer::quantizeSite({{layer, config, weight}}, inputs, loss,
                                                           LayerQuantizer::InputScaling::free(),
                                                           *backend, progress)
                                  .front());
    }

    RowMatrix exact;
    backend->linear(test, weight.data(), layer->outFeatures, nullptr, exact);
    OutputErrorAccumulator accumulator;
    accumulator.add(exact, quantized.forward(test, *backend));
    const OutputErrorMetrics output = accumulator.result();
    const WeightErrorMetrics weightError =
        measureWeightError(weight, quantized.weightInOriginalSpace());

    if (line.isSet(saveWeightOption))
        saveWeight(line.value(saveWeightOption), *layer, quantized, line.isSet(force));
    if (!quantized.warning.isEmpty())
        printWarning(Cli::tr("%1: %2").arg(layer->name, quantized.warning));

    const QuantScheme scheme = config.weightScheme();
    if (line.isSet(json)) {
        QJsonObject out{
            {QStringLiteral("layer"), layer->name},
            {QStringLiteral("config"), config.toJson()},
            {QStringLiteral("bits"), scheme.bits},
            {QStringLiteral("group"), scheme.groupSizeCode()},
            {QStringLiteral("sym"), scheme.symmetric},
            {QStringLiteral("calib_rows"), qint64(calib.rows())},
            {QStringLiteral("test_rows"), qint64(test.rows())},
            {QStringLiteral("output_mse"), output.mse},
            {QStringLiteral("rel_err"), output.relativeError},
            {QStringLiteral("sqnr_db"),
             std::isfinite(output.sqnrDb) ? QJsonValue(output.sqnrDb) : QJsonValue()},
            {QStringLiteral("weight_mse"), weightError.mse},
            {QStringLiteral("seconds"), quantized.seconds},
            {QStringLiteral("backend"), backend->device().id},
            {QStringLiteral("device"), backend->device().describe()},
        };
        if (!backend->fallbackReason().isEmpty())
            out.insert(QStringLiteral("backend_fallback"), backend->fallbackReason());
        if (config.method == QuantMethod::Gptq) {
            out.insert(QStringLiteral("damping"), quantized.dampingUsed);
            out.insert(QStringLiteral("damping_raises"), quantized.dampingRaises);
            out.insert(QStringLiteral("fell_back_to_rtn"), quantized.fellBackToRtn);
        }
        if (!quantized.details.isEmpty())
            out.insert(QStringLiteral("details"), quantized.details);
        printJson(out);
    } else {
        std::vector<std::pair<QString, QString>> fields{
            {Cli::tr("Layer"), layer->name},
            {Cli::tr("Method"), config.describe()},
            {Cli::tr("Rows"),
             Cli::tr("%1 calibration, %2 test").arg(calib.rows()).arg(test.rows())},
            {QStringLiteral("output_mse"), number(output.mse)},
            {QStringLiteral("rel_err"), number(output.relativeError)},
            {Cli::tr("Output SQNR"),
             Cli::tr("%1 dB").arg(QLocale().toString(output.sqnrDb, 'f', 2))},
            {Cli::tr("Weight MSE"), number(weightError.mse)},
            {Cli::tr("Time"), Cli::tr("%1 s").arg(QLocale().toString(quantized.seconds, 'f', 3))},
            {Cli::tr("Backend"), backend->device().describe()},
        };
        if (!quantized.details.isEmpty())
            fields.emplace_back(Cli::tr("Details"), quantized.details);
        printOut(formatFields(fields));
    }
    return ExitSuccess;
}

} // namespace qb::cli
