#include "app/cli/sensitivity_options.h"

#include "app/cli/backend_options.h"
#include "app/cli/console_progress.h"
#include "app/cli/plan_options.h"
#include "core/calib/calibration_set.h"
#include "core/io/json_file.h"
#include "core/model/loaded_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"

#include <QDir>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace qb::cli {

namespace {

QString unitText(SensitivityUnitKind kind)
{
    switch (kind) {
    case SensitivityUnitKind::Layer:
        return Cli::tr("one layer at a time");
    case SensitivityUnitKind::Block:
        return Cli::tr("one block at a time");
    case SensitivityUnitKind::Role:
        return Cli::tr("one role across all blocks at a time");
    }
    return {};
}

} // namespace

void writeJsonFile(const QString& path, const QJsonObject& json)
{
    if (const QString reason = JsonFile::writeObject(path, json); !reason.isEmpty())
        throw Error(
            Cli::tr("%1: cannot write the file: %2").arg(QDir::toNativeSeparators(path), reason));
}

SensitivityOptionsCli::SensitivityOptionsCli()
    : m_eval(QStringLiteral("eval"),
             Cli::tr("The text the model is scored on after each quantization (%1).")
                 .arg(TextDocuments::formatDescription()),
             QStringLiteral("TEXT"))
    , m_evalDocs(QStringLiteral("eval-docs"),
                 Cli::tr("Score only the first N documents of --eval (default: all)."),
                 QStringLiteral("N"))
    , m_calib(QStringLiteral("calib"),
              Cli::tr("Calibration text for GPTQ (%1).").arg(TextDocuments::formatDescription()),
              QStringLiteral("TEXT"))
    , m_samples(QStringLiteral("samples"), Cli::tr("Calibration samples (default 128)."),
                QStringLiteral("N"))
    , m_seqlen(QStringLiteral("seqlen"), Cli::tr("Tokens per calibration sample (default 512)."),
               QStringLiteral("L"))
    , m_bits(QStringLiteral("bits"),
             Cli::tr("Comma-separated bit-widths, each from %1 to %2 (default 2,3,4,8).")
                 .arg(QuantScheme::kMinBits)
                 .arg(QuantScheme::kMaxBits),
             QStringLiteral("LIST"))
    , m_group(QStringLiteral("group"),
              Cli::tr("Input columns sharing a scale: a positive number, -1 or 'channel' for one "
                      "per output channel, 0 or 'tensor' for one per tensor (default 128)."),
              QStringLiteral("G"))
    , m_method(QStringLiteral("method"),
               Cli::tr("How each unit is quantized: rtn (the default) or gptq (calibrated on the "
                       "full-precision model's activations; needs --calib)."),
               QStringLiteral("METHOD"))
    , m_sym(QStringLiteral("sym"), Cli::tr("Symmetric grid (zero point fixed at the middle code)."))
    , m_asym(QStringLiteral("asym"), Cli::tr("Asymmetric grid with a zero point (the default)."))
    , m_unit(QStringLiteral("unit"),
             Cli::tr("What is quantized per measurement: layer (one linear layer; the default), "
                     "block (every layer of one decoder block) or role (one role, such as "
                     "q_proj, across all blocks)."),
             QStringLiteral("UNIT"))
{
}

void SensitivityOptionsCli::addTo(CommandLine& line) const
{
    for (const QCommandLineOption* option :
         {&m_eval, &m_evalDocs, &m_calib, &m_samples, &m_seqlen, &m_bits, &m_group, &m_method,
          &m_sym, &m_asym, &m_unit})
        line.addOption(*option);
}

bool SensitivityOptionsCli::isGiven(const CommandLine& line) const
{
    for (const QCommandLineOption* option : {&m_eval, &m_evalDocs, &m_calib, &m_samples, &m_seqlen,
                                             &m_group, &m_method, &m_sym, &m_asym, &m_unit}) {
        if (line.isSet(*option))
            return true;
    }
    return false;
}

std::vector<int> SensitivityOptionsCli::bitsList(const CommandLine& line)
{
    const QString text = line.value(QStringLiteral("bits"));
    std::vector<int> bits;
    for (const QString& item : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int value = item.trimmed().toInt(&ok);
        if (!ok || value < QuantScheme::kMinBits || value > QuantScheme::kMaxBits)
            throw UsageError(Cli::tr("--bits must be a comma-separated list of bit-widths from "
                                     "%1 to %2, not '%3'")
                                 .arg(QuantScheme::kMinBits)
                                 .arg(QuantScheme::kMaxBits)
                                 .arg(text));
        bits.push_back(value);
    }
    std::sort(bits.begin(), bits.end());
    bits.erase(std::unique(bits.begin(), bits.end()), bits.end());
    return bits;
}

SensitivityOptions SensitivityOptionsCli::build(const CommandLine& line) const
{
    const int maxInt = std::numeric_limits<int>::max();
    SensitivityOptions options;
    if (line.isSet(m_bits))
        options.bits = bitsList(line);
    if (line.isSet(m_sym) && line.isSet(m_asym))
        throw UsageError(Cli::tr("--sym and --asym exclude each other"));
    if (line.isSet(m_method)) {
        const QString value = line.value(m_method);
        const auto method = methodFromKey(value);
        if (!method || (*method != QuantMethod::Rtn && *method != QuantMethod::Gptq))
            throw UsageError(Cli::tr("--method must be rtn or gptq, not '%1'").arg(value));
        options.quantization.method = *method;
    }
    options.quantization.scheme = QuantScheme::fromGroupSizeCode(
        options.bits.front(), line.isSet(m_sym),
        line.isSet(m_group) ? parseGroupSizeCode(line.value(m_group))
                            : options.quantization.scheme.groupSizeCode());
    if (line.isSet(m_unit)) {
        const QString value = line.value(m_unit);
        const auto unit = sensitivityUnitFromKey(value);
        if (!unit)
            throw UsageError(Cli::tr("--unit must be layer, block or role, not '%1'").arg(value));
        options.unit = *unit;
    }
    if (line.isSet(m_samples))
        options.calibration.samples = intOption(line, QStringLiteral("samples"), 1, maxInt);
    if (line.isSet(m_seqlen))
        options.calibration.sequenceLength = intOption(line, QStringLiteral("seqlen"), 2, maxInt);
    if (line.isSet(m_evalDocs))
        intOption(line, QStringLiteral("eval-docs"), 1, maxInt); // checked before any file is read
    if (!line.isSet(m_eval))
        throw UsageError(Cli::tr("--eval TEXT is required: the text each quantized model is "
                                 "scored on"));
    if (options.quantization.needsCalibration() && !line.isSet(m_calib))
        throw UsageError(Cli::tr("%1 needs calibration data: give --calib TEXT")
                             .arg(methodDisplayName(options.quantization.method)));
    return options;
}

SensitivityScanResult SensitivityOptionsCli::run(const CommandLine& line,
                                                 const std::shared_ptr<const LoadedModel>& model,
                                                 const SensitivityOptions& options) const
{
    const auto tokenizer = Tokenizer::load(model->directory(), model->spec());
    QStringList documents = TextDocuments::fromFile(line.value(m_eval));
    if (line.isSet(m_evalDocs))
        documents = documents.mid(
            0, intOption(line, QStringLiteral("eval-docs"), 1, std::numeric_limits<int>::max()));
    std::vector<std::vector<int>> windows;
    if (options.quantization.needsCalibration())
        windows = CalibrationSet::build(*tokenizer, TextDocuments::fromFile(line.value(m_calib)),
                                        options.calibration);
    ConsoleProgress progress;
    SensitivityScanResult scan =
        SensitivityScan::run(model, *tokenizer, windows, documents, options, progress);
    if (!scan.complete)
        throw Cancelled(); // Ctrl-C: nothing half-done is written
    return scan;
}

std::vector<std::pair<QString, QString>>
SensitivityOptionsCli::describe(const SensitivityScanResult& scan)
{
    const QLocale locale;
    QStringList bits;
    for (int b : scan.bits)
        bits << QString::number(b);
    const QuantScheme& scheme = scan.quantization.scheme;
    std::vector<std::pair<QString, QString>> fields{
        {Cli::tr("Model"), QDir::toNativeSeparators(scan.modelDirectory)},
        {Cli::tr("Quantization"),
         Cli::tr("%1 at %2 bits, %3, group size %4")
             .arg(methodDisplayName(scan.quantization.method), bits.join(QStringLiteral(", ")),
                  scheme.symmetric ? Cli::tr("symmetric") : Cli::tr("asymmetric"),
                  groupSizeLabel(scheme.groupSizeCode()))},
        {Cli::tr("Unit"), unitText(scan.unit)},
        {Cli::tr("Evaluation"),
         Cli::tr("%n document(s), %1 tokens scored", nullptr, scan.evaluationDocuments)
             .arg(locale.toString(qlonglong(scan.evaluationTokens)))},
        {Cli::tr("Calibration"),
         scan.calibrationWindows > 0
             ? Cli::tr("%n window(s) (%1 tokens), full-precision activations", nullptr,
                       scan.calibrationWindows)
                   .arg(locale.toString(qlonglong(scan.calibrationTokens)))
             : Cli::tr("none (not needed)")},
        {Cli::tr("Backend"), backendLabel(scan.compute)},
        {Cli::tr("Full-precision perplexity"), locale.toString(scan.referencePerplexity, 'f', 4)},
    };
    return fields;
}

} // namespace qb::cli
