#include "core/analysis/sensitivity_scan.h"

#include "core/calib/input_stats.h"
#include "core/io/json_file.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/model/transformer.h"
#include "core/quant/layer_quantizer.h"
#include "core/util/error.h"
#include "core/util/json_reader.h"
#include "core/util/parallel.h"
#include "core/util/progress.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace qb {

QString sensitivityUnitKey(SensitivityUnitKind kind)
{
    switch (kind) {
    case SensitivityUnitKind::Layer:
        return QStringLiteral("layer");
    case SensitivityUnitKind::Block:
        return QStringLiteral("block");
    case SensitivityUnitKind::Role:
        return QStringLiteral("role");
    }
    return {};
}

std::optional<SensitivityUnitKind> sensitivityUnitFromKey(QStringView key)
{
    for (SensitivityUnitKind kind :
         {SensitivityUnitKind::Layer, SensitivityUnitKind::Block, SensitivityUnitKind::Role}) {
        if (key == sensitivityUnitKey(kind))
            return kind;
    }
    return std::nullopt;
}

namespace {

// The point of `points` measured at `bits`, or null.
const SensitivityPoint* findPoint(const std::vector<SensitivityPoint>& points, int bits)
{
    for (const SensitivityPoint& point : points) {
        if (point.bits == bits)
            return &point;
    }
    return nullptr;
}

} // namespace

const SensitivityPoint* SensitivityUnitResult::find(int bits) const
{
    return findPoint(points, bits);
}

const SensitivityLayer* SensitivityScanResult::findLayer(const QString& name) const
{
    for (const SensitivityLayer& layer : layers) {
        if (layer.name == name)
            return &layer;
    }
    return nullptr;
}

const SensitivityPoint* SensitivityScanResult::find(const QString& layerName, int bitsWanted) const
{
    const SensitivityLayer* layer = findLayer(layerName);
    if (!layer || layer->unit < 0 || layer->unit >= static_cast<int>(units.size()))
        return nullptr;
    return units[static_cast<std::size_t>(layer->unit)].find(bitsWanted);
}

const SensitivityPoint* SensitivityScanResult::findUniform(int bitsWanted) const
{
    return findPoint(uniform, bitsWanted);
}

QStringList SensitivityScanResult::problemsFor(const LayerInventory& inventory) const
{
    QStringList problems;
    for (const LinearLayer& layer : inventory.layers()) {
        const SensitivityLayer* scanned = findLayer(layer.name);
        if (!scanned)
            problems << tr("the scan has no result for the layer %1: was it made on another "
                           "model?")
                            .arg(layer.name);
        else if (scanned->parameters != layer.parameterCount())
            problems << tr("the scan's layer %1 has %2 parameters, this model's %3: it was made "
                           "on another model")
                            .arg(layer.name)
                            .arg(scanned->parameters)
                            .arg(layer.parameterCount());
    }
    for (const SensitivityLayer& scanned : layers) {
        if (!inventory.find(scanned.name))
            problems << tr("the scan lists the layer %1, which this model does not have")
                            .arg(scanned.name);
    }
    return problems;
}

namespace {

QJsonArray pointsToJson(const std::vector<SensitivityPoint>& points)
{
    QJsonArray array;
    for (const SensitivityPoint& point : points)
        array.append(QJsonObject{{QStringLiteral("bits"), point.bits},
                                 {QStringLiteral("perplexity"), point.perplexity},
                                 {QStringLiteral("delta_perplexity"), point.deltaPerplexity},
                                 {QStringLiteral("kl"), point.kl}});
    return array;
}

// The quantization settings and calibration options of a scan as a recipe (its bits are the
// scan's smallest width: the recipe form needs one).
QuantPlan settingsAsPlan(const SensitivityScanResult& scan)
{
    QuantPlan plan;
    plan.defaults = scan.quantization;
    plan.calibration = scan.calibration;
    return plan;
}

} // namespace

QJsonObject SensitivityScanResult::toJson() const
{
    QJsonArray layerArray;
    for (const SensitivityLayer& layer : layers) {
        const SensitivityUnitResult& owner = units[static_cast<std::size_t>(layer.unit)];
        QJsonObject item{{QStringLiteral("name"), layer.name},
                         {QStringLiteral("role"), roleName(layer.role)},
                         {QStringLiteral("block"), layer.block},
                         {QStringLiteral("parameters"), qint64(layer.parameters)},
                         {QStringLiteral("results"), pointsToJson(owner.points)}};
        if (unit != SensitivityUnitKind::Layer)
            item.insert(QStringLiteral("unit"), owner.name);
        if (!layer.note.isEmpty())
            item.insert(QStringLiteral("note"), layer.note);
        layerArray.append(item);
    }
    QJsonArray bitsArray;
    for (int b : bits)
        bitsArray.append(b);
    QJsonObject json{
        {QStringLiteral("model"), modelDirectory},
        {QStringLiteral("layers"), layerArray},
        {QStringLiteral("reference_perplexity"), referencePerplexity},
        {QStringLiteral("bits"), bitsArray},
        {QStringLiteral("group_size"), quantization.scheme.groupSizeCode()},
        {QStringLiteral("sym"), quantization.scheme.symmetric},
        {QStringLiteral("method"), methodKey(quantization.method)},
        {QStringLiteral("unit"), sensitivityUnitKey(unit)},
        {QStringLiteral("complete"), complete},
        {QStringLiteral("recipe"), settingsAsPlan(*this).toJson()},
        {QStringLiteral("evaluation"),
         QJsonObject{{QStringLiteral("documents"), evaluationDocuments},
                     {QStringLiteral("windows"), evaluationWindows},
                     {QStringLiteral("tokens"), qint64(evaluationTokens)},
                     {QStringLiteral("context_length"), contextLength},
                     {QStringLiteral("stride"), stride}}},
        {QStringLiteral("calibration"),
         QJsonObject{{QStringLiteral("windows"), calibrationWindows},
                     {QStringLiteral("tokens"), qint64(calibrationTokens)}}},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("backend"), compute.toJson()},
    };
    if (!uniform.empty())
        json.insert(QStringLiteral("uniform"), pointsToJson(uniform));
    if (unit != SensitivityUnitKind::Layer) {
        QJsonArray unitArray;
        for (const SensitivityUnitResult& u : units)
            unitArray.append(
                QJsonObject{{QStringLiteral("name"), u.name},
                            {QStringLiteral("layers"), QJsonArray::fromStringList(u.layers)},
                            {QStringLiteral("results"), pointsToJson(u.points)}});
        json.insert(QStringLiteral("units"), unitArray);
    }
    return json;
}

namespace {

// JsonReader plus the scan's lists of measurements.
class ScanJsonReader : public JsonReader {
public:
    using JsonReader::JsonReader;

    std::vector<SensitivityPoint> points(const QJsonArray& array, const QString& where,
                                         const std::vector<int>& bits) const
    {
        std::vector<SensitivityPoint> result;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
            const QJsonObject item = object(array[i], at);
            SensitivityPoint point;
            point.bits = static_cast<int>(integer(item, at, QStringLiteral("bits"),
                                                  QuantScheme::kMinBits, QuantScheme::kMaxBits));
            if (std::find(bits.begin(), bits.end(), point.bits) == bits.end())
                throw Error(SensitivityScanResult::tr("%1: %2 is a result at %3 bits, which are "
                                                      "not among the scan's \"bits\"")
                                .arg(source(), at)
                                .arg(point.bits));
            point.perplexity = number(item, at, QStringLiteral("perplexity"));
            point.deltaPerplexity = number(item, at, QStringLiteral("delta_perplexity"));
            point.kl = number(item, at, QStringLiteral("kl"));
            result.push_back(point);
        }
        return result;
    }
};

} // namespace

SensitivityScanResult SensitivityScanResult::fromJson(const QJsonObject& json,
                                                      const QString& source)
{
    const ScanJsonReader read(source);
    const QString top; // fields of the top-level object
    SensitivityScanResult scan;
    scan.modelDirectory = json.value(QLatin1String("model")).toString();

    for (const QJsonValue& value : read.array(json, top, QStringLiteral("bits"))) {
        const double d = value.toDouble();
        if (!value.isDouble() || d != std::floor(d) || d < QuantScheme::kMinBits
            || d > QuantScheme::kMaxBits)
            read.fail(QStringLiteral("bits"),
                      tr("a list of whole numbers from %1 to %2")
                          .arg(QuantScheme::kMinBits)
                          .arg(QuantScheme::kMaxBits),
                      value);
        scan.bits.push_back(static_cast<int>(d));
    }
    std::sort(scan.bits.begin(), scan.bits.end());
    scan.bits.erase(std::unique(scan.bits.begin(), scan.bits.end()), scan.bits.end());
    if (scan.bits.empty())
        throw Error(tr("%1: \"bits\" is empty").arg(source));

    // The full settings and calibration options from the recipe; the summary fields win.
    if (const QJsonValue recipe = json.value(QLatin1String("recipe")); !recipe.isUndefined()) {
        const QuantPlan plan = QuantPlan::fromJson(read.object(recipe, QStringLiteral("recipe")),
                                                   source + QStringLiteral(": recipe"));
        scan.quantization = plan.defaults;
        scan.calibration = plan.calibration;
    }
    const QString methodName = read.string(json, top, QStringLiteral("method"));
    const std::optional<QuantMethod> method = methodFromKey(methodName);
    if (!method || (*method != QuantMethod::Rtn && *method != QuantMethod::Gptq))
        read.fail(QStringLiteral("method"), tr("\"rtn\" or \"gptq\""),
                  json.value(QLatin1String("method")));
    scan.quantization.method = *method;
    const QJsonValue symmetric = read.field(json, top, QStringLiteral("sym"));
    if (!symmetric.isBool())
        read.fail(QStringLiteral("sym"), tr("true or false"), symmetric);
    scan.quantization.scheme = QuantScheme::fromGroupSizeCode(
        scan.bits.front(), symmetric.toBool(),
        static_cast<int>(read.integer(json, top, QStringLiteral("group_size"),
                                      QuantScheme::kPerChannel, 1 << 30)));
    if (const QString error = scan.quantization.scheme.validationError(); !error.isEmpty())
        throw Error(QStringLiteral("%1: %2").arg(source, error));

    const QJsonValue unitValue = json.value(QLatin1String("unit"));
    if (!unitValue.isUndefined()) {
        const auto kind = sensitivityUnitFromKey(unitValue.toString());
        if (!unitValue.isString() || !kind)
            read.fail(QStringLiteral("unit"), tr("\"layer\", \"block\" or \"role\""), unitValue);
        scan.unit = *kind;
    }
    const QJsonValue completeValue = json.value(QLatin1String("complete"));
    if (!completeValue.isUndefined() && !completeValue.isBool())
        read.fail(QStringLiteral("complete"), tr("true or false"), completeValue);
    scan.complete = completeValue.toBool(true);
    scan.referencePerplexity = read.number(json, top, QStringLiteral("reference_perplexity"));

    // Block and role scans: the units first, so that each layer can name its own.
    std::map<QString, int> unitIndex;
    if (scan.unit != SensitivityUnitKind::Layer) {
        const QJsonArray units = read.array(json, top, QStringLiteral("units"));
        for (qsizetype i = 0; i < units.size(); ++i) {
            const QString at = QStringLiteral("units[%1]").arg(i);
            const QJsonObject item = read.object(units[i], at);
            SensitivityUnitResult unit;
            unit.name = read.string(item, at, QStringLiteral("name"));
            for (const QJsonValue& layer : read.array(item, at, QStringLiteral("layers")))
                unit.layers << layer.toString();
            unit.points = read.points(read.array(item, at, QStringLiteral("results")),
                                      at + QStringLiteral(".results"), scan.bits);
            if (!unitIndex.emplace(unit.name, static_cast<int>(scan.units.size())).second)
                throw Error(tr("%1: %2 repeats the unit \"%3\"").arg(source, at, unit.name));
            scan.units.push_back(std::move(unit));
        }
    }
    const QJsonArray layers = read.array(json, top, QStringLiteral("layers"));
    std::set<QString> seen;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString at = QStringLiteral("layers[%1]").arg(i);
        const QJsonObject item = read.object(layers[i], at);
        SensitivityLayer layer;
        layer.name = read.string(item, at, QStringLiteral("name"));
        if (!seen.insert(layer.name).second)
            throw Error(tr("%1: %2 repeats the layer \"%3\"").arg(source, at, layer.name));
        const QString role = read.string(item, at, QStringLiteral("role"));
        if (const auto known = roleFromName(role))
            layer.role = *known;
        else
            read.fail(ScanJsonReader::path(at, QStringLiteral("role")), tr("a layer role"),
                      item.value(QLatin1String("role")));
        layer.block =
            static_cast<int>(read.integer(item, at, QStringLiteral("block"), -1, 1 << 20));
        layer.parameters = read.integer(item, at, QStringLiteral("parameters"), 1, 9.0e15);
        layer.note = item.value(QLatin1String("note")).toString();
        if (scan.unit == SensitivityUnitKind::Layer) {
            layer.unit = static_cast<int>(scan.units.size());
            SensitivityUnitResult unit;
            unit.name = layer.name;
            unit.layers = QStringList{layer.name};
            unit.points = read.points(read.array(item, at, QStringLiteral("results")),
                                      at + QStringLiteral(".results"), scan.bits);
            scan.units.push_back(std::move(unit));
        } else {
            const QString unitName = read.string(item, at, QStringLiteral("unit"));
            const auto it = unitIndex.find(unitName);
            if (it == unitIndex.end()
                || !scan.units[static_cast<std::size_t>(it->second)].layers.contains(layer.name))
                throw Error(tr("%1: %2 names the unit \"%3\", which does not list it")
                                .arg(source, at, unitName));
            layer.unit = it->second;
        }
        scan.layers.push_back(std::move(layer));
    }
    for (const SensitivityUnitResult& unit : scan.units) {
        for (const QString& name : unit.layers) {
            if (!seen.contains(name))
                throw Error(tr("%1: the unit \"%2\" lists the layer \"%3\", which \"layers\" does "
                               "not")
                                .arg(source, unit.name, name));
        }
    }

    if (json.contains(QLatin1String("uniform"))) {
        scan.uniform = read.points(read.array(json, top, QStringLiteral("uniform")),
                                   QStringLiteral("uniform"), scan.bits);
        for (std::size_t i = 1; i < scan.uniform.size(); ++i) {
            if (scan.uniform[i].bits <= scan.uniform[i - 1].bits)
                throw Error(tr("%1: \"uniform\" must list each width once, in ascending order")
                                .arg(source));
        }
    }

    // Informational fields: kept when present.
    const QJsonObject evaluation = json.value(QLatin1String("evaluation")).toObject();
    scan.evaluationDocuments = evaluation.value(QLatin1String("documents")).toInt();
    scan.evaluationWindows = evaluation.value(QLatin1String("windows")).toInt();
    scan.evaluationTokens = evaluation.value(QLatin1String("tokens")).toInteger();
    scan.contextLength = evaluation.value(QLatin1String("context_length")).toInt();
    scan.stride = evaluation.value(QLatin1String("stride")).toInt();
    const QJsonObject calibration = json.value(QLatin1String("calibration")).toObject();
    scan.calibrationWindows = calibration.value(QLatin1String("windows")).toInt();
    scan.calibrationTokens = calibration.value(QLatin1String("tokens")).toInteger();
    scan.seconds = json.value(QLatin1String("seconds")).toDouble();
    const QJsonObject backend = json.value(QLatin1String("backend")).toObject();
    scan.compute.deviceId = backend.value(QLatin1String("device_id")).toString();
    scan.compute.device = backend.value(QLatin1String("device")).toString();
    scan.compute.fallbackReason = backend.value(QLatin1String("fallback")).toString();
    return scan;
}

SensitivityScanResult SensitivityScanResult::fromFile(const QString& path)
{
    return fromJson(JsonFile::readObject(path), QDir::toNativeSeparators(path));
}

std::vector<SensitivityUnitResult> SensitivityScan::units(const LayerInventory& inventory,
                                                          SensitivityUnitKind kind)
{
    std::vector<SensitivityUnitResult> result;
    std::map<QString, std::size_t> byName;
    for (const LinearLayer& layer : inventory.layers()) {
        QString name;
        switch (kind) {
        case SensitivityUnitKind::Layer:
            name = layer.name;
            break;
        case SensitivityUnitKind::Block:
            name =
                layer.block >= 0 ? QStringLiteral("model.layers.%1").arg(layer.block) : layer.name;
            break;
        case SensitivityUnitKind::Role:
            name = roleName(layer.role);
            break;
        }
        auto [it, added] = byName.emplace(name, result.size());
        if (added)
            result.push_back(SensitivityUnitResult{name, {}, {}});
        result[it->second].layers << layer.name;
    }
    return result;
}

namespace {

// The quantized weights of the unit being measured in place of the checkpoint's; every other
// layer as stored.
class UnitWeightHooks final : public ForwardHooks {
public:
    std::map<QString, std::vector<float>> weights; // [out, in] by layer name

    const float* weightFor(const LinearLayer& layer) override
    {
        const auto it = weights.find(layer.name);
        return it == weights.end() ? nullptr : it->second.data();
    }
};

// One batch of evaluation windows, as PerplexityEvaluator::batches() forms them, with what the
// scan keeps of the full-precision model on it. The scan scores them with the evaluator's
// logSumExp() and klDivergence(), so that its figures equal an evaluation of the same plan.
struct EvaluationBatch {
    std::vector<std::vector<int>> tokens; // the windows' tokens
    std::vector<std::int64_t> firstScored;
    HiddenStates fullPrecision;       // the FP residual stream at the input of ScanRun::m_fpStage
    RowMatrix referenceLogits;        // [tokens, vocab] when ScanRun::m_cacheLogits
    HiddenStates finalStates;         // the FP output of the last block otherwise
    std::vector<double> referenceLse; // [tokens] log Σ exp of the reference logits per row
};

// Rows [part, part + rows) of one window of a batch, whose logits are computed together (at most
// TransformerRunner::kLogitRows of them).
struct LogitSlice {
    std::int64_t start = 0;  // the window's first row in the batch's residual stream
    std::int64_t part = 0;   // the slice's first position in the window
    std::int64_t rows = 0;   // positions in the slice
    std::int64_t length = 0; // the window's length
    std::int64_t firstScored = 0;
    const std::vector<int>* window = nullptr; // the window's tokens

    std::int64_t streamRow(std::int64_t p) const { return start + part + p; }
    // Whether position p of the slice predicts a scored token (the evaluator's rule), and which.
    bool scores(std::int64_t p) const
    {
        const std::int64_t target = part + p + 1;
        return target >= firstScored && target < length;
    }
    int target(std::int64_t p) const { return (*window)[std::size_t(part + p + 1)]; }
};

// Calls fn(slice) for the slices of every window of `states` (one batch's residual stream), in
// position order, polling cancellation per window.
template <typename Fn>
void forEachLogitSlice(const EvaluationBatch& batch, const HiddenStates& states, Progress& progress,
                       Fn&& fn)
{
    for (int s = 0; s < states.sequences(); ++s) {
        progress.throwIfCancelled();
        LogitSlice slice;
        slice.start = states.starts[std::size_t(s)];
        slice.length = states.lengths[std::size_t(s)];
        slice.window = &batch.tokens[std::size_t(s)];
        slice.firstScored = batch.firstScored[std::size_t(s)];
        for (slice.part = 0; slice.part < slice.length;
             slice.part += TransformerRunner::kLogitRows) {
            slice.rows = std::min(TransformerRunner::kLogitRows, slice.length - slice.part);
            fn(std::as_const(slice));
        }
    }
}

// A unit as the scan walks it: its layers (inventory indices) and the stages they lie in (the
// block, or the number of blocks for lm_head).
struct ScanUnit {
    std::vector<int> layers;
    int firstStage = 0;
    int lastStage = 0;
};

class ScanRun {
public:
    ScanRun(const std::shared_ptr<const LoadedModel>& model, const Tokenizer& tokenizer,
            const std::vector<std::vector<int>>& calibrationWindows,
            const QStringList& evaluationDocuments, const SensitivityOptions& options,
            Progress& progress)
        : m_model(model)
        , m_inventory(model->inventory())
        , m_options(options)
        , m_progress(progress)
        , m_runner(model, options.backend)
        , m_blocks(model->spec().numHiddenLayers)
    {
        m_result.modelDirectory = model->directory();
        m_result.bits = options.bits;
        std::sort(m_result.bits.begin(), m_result.bits.end());
        m_result.bits.erase(std::unique(m_result.bits.begin(), m_result.bits.end()),
                            m_result.bits.end());
        m_result.quantization = options.quantization;
        m_result.calibration = options.calibration;
        m_result.unit = options.unit;
        checkOptions(calibrationWindows);
        if (!m_result.bits.empty())
            m_result.quantization.scheme.bits = m_result.bits.front();

        m_result.units = SensitivityScan::units(m_inventory, options.unit);
        for (const SensitivityUnitResult& unit : m_result.units) {
            ScanUnit scanUnit;
            scanUnit.firstStage = m_blocks;
            for (const QString& name : unit.layers) {
                const int index = m_inventory.indexOf(name);
                scanUnit.layers.push_back(index);
                const int stage = stageOf(m_inventory.layers()[static_cast<std::size_t>(index)]);
                scanUnit.firstStage = std::min(scanUnit.firstStage, stage);
                scanUnit.lastStage = std::max(scanUnit.lastStage, stage);
            }
            m_units.push_back(std::move(scanUnit));
        }
        for (const LinearLayer& layer : m_inventory.layers()) {
            SensitivityLayer item;
            item.name = layer.name;
            item.role = layer.role;
            item.block = layer.block;
            item.parameters = layer.parameterCount();
            m_result.layers.push_back(std::move(item));
        }
        for (std::size_t u = 0; u < m_units.size(); ++u) {
            for (int index : m_units[u].layers)
                m_result.layers[static_cast<std::size_t>(index)].unit = static_cast<int>(u);
        }

        prepareEvaluation(tokenizer, evaluationDocuments);
        if (needsStatistics()) {
            m_calibration = m_runner.embed(calibrationWindows);
            m_result.calibrationWindows = static_cast<int>(calibrationWindows.size());
            m_result.calibrationTokens = m_calibration.tokens();
        }
    }

    SensitivityScanResult run()
    {
        QElapsedTimer timer;
        timer.start();
        m_total = 1 + static_cast<int>((m_units.size() + 1) * m_result.bits.size());
        try {
            scoreReference();
            ++m_done;
            startUniform();
            int lastStage = 0;
            for (const ScanUnit& unit : m_units)
                lastStage = std::max(lastStage, unit.lastStage);
            for (int stage = 0; stage <= lastStage; ++stage) {
                m_progress.throwIfCancelled();
                std::map<int, InputStats> statistics;
                if (needsStatistics())
                    statistics = captureStatistics(stage);
                quantizeStage(stage, statistics);
                statistics.clear();
                advanceUniform(stage);
                if (stage == lastStage)
                    finishUniform(lastStage);
                for (std::size_t u = 0; u < m_units.size(); ++u) {
                    if (m_units[u].lastStage == stage)
                        measureUnit(u);
                }
            }
        } catch (const Cancelled&) {
            m_result.complete = false;
        }
        m_result.seconds = timer.nsecsElapsed() * 1e-9;
        m_result.compute = ComputeUse::of(*m_runner.backend());
        m_progress.report(1.0);
        return std::move(m_result);
    }

private:
    int stageOf(const LinearLayer& layer) const
    {
        return layer.block >= 0 ? layer.block : m_blocks;
    }

    // Whether the quantizer fits on calibration statistics (X^T X of its inputs).
    bool needsStatistics() const { return m_options.quantization.needsCalibration(); }

    void checkOptions(const std::vector<std::vector<int>>& calibrationWindows)
    {
        const LayerQuantConfig& config = m_options.quantization;
        if (config.method != QuantMethod::Rtn && config.method != QuantMethod::Gptq)
            throw Error(SensitivityScan::tr("the sensitivity scan quantizes with RTN or GPTQ, "
                                            "not %1")
                            .arg(methodDisplayName(config.method)));
        if (config.smooth)
            throw Error(SensitivityScan::tr("the sensitivity scan cannot smooth the inputs: "
                                            "smoothing rescales every layer reading an input, "
                                            "not one unit"));
        if (m_result.bits.empty())
            throw Error(SensitivityScan::tr("no bit-width to measure"));
        for (int bits : m_result.bits) {
            QuantScheme scheme = config.scheme;
            scheme.bits = bits;
            if (const QString error = scheme.validationError(); !error.isEmpty())
                throw Error(error);
        }
        if (needsStatistics() && calibrationWindows.empty())
            throw Error(SensitivityScan::tr("%1 needs calibration data, and none was given")
                            .arg(config.describe()));
    }

    // The evaluation windows and their batches, as PerplexityEvaluator makes them.
    void prepareEvaluation(const Tokenizer& tokenizer, const QStringList& documents)
    {
        const ModelSpec& spec = m_model->spec();
        PerplexityOptions protocolOptions;
        protocolOptions.contextLength = m_options.contextLength;
        protocolOptions.stride = m_options.stride;
        const EvaluationProtocol protocol =
            PerplexityEvaluator::protocol(spec, tokenizer, documents, protocolOptions, m_progress);
        const int context = protocol.contextLength;
        const std::vector<EvaluationWindow>& windows = protocol.windows;
        m_result.evaluationDocuments = static_cast<int>(documents.size());
        m_result.evaluationWindows = static_cast<int>(windows.size());
        m_result.contextLength = context;
        m_result.stride = protocol.stride;

        std::int64_t totalTokens = 0;
        for (const auto& [first, last] : PerplexityEvaluator::batches(
                 windows, context, protocolOptions.batchBytes, m_runner.workingBytesPerToken())) {
            EvaluationBatch batch;
            for (std::size_t w = first; w < last; ++w) {
                batch.tokens.push_back(windows[w].tokens);
                batch.firstScored.push_back(windows[w].firstScored);
                totalTokens += std::int64_t(windows[w].tokens.size());
            }
            m_batches.push_back(std::move(batch));
        }
        m_cacheLogits =
            totalTokens * spec.vocabSize * std::int64_t(sizeof(float)) <= kLogitCacheBytes;
    }

    // How the model scores one batch: the per-position NLL and KL, summed in position order
    // exactly as PerplexityEvaluator sums them.
    struct Score {
        std::int64_t tokens = 0;
        double referenceNll = 0.0;
        double modifiedNll = 0.0;
        double kl = 0.0;

        Score& operator+=(const Score& other)
        {
            tokens += other.tokens;
            referenceNll += other.referenceNll;
            modifiedNll += other.modifiedNll;
            kl += other.kl;
            return *this;
        }
    };

    // The full-precision model on every batch: the reference perplexity, the logits kept.
    void scoreReference()
    {
        m_progress.report(0.0, SensitivityScan::tr("Scoring the full-precision model"));
        const std::int64_t vocab = m_model->spec().vocabSize;
        Score score;
        for (EvaluationBatch& batch : m_batches) {
            HiddenStates states = m_runner.embed(batch.tokens);
            for (int b = 0; b < m_blocks; ++b)
                m_runner.runBlock(b, states, nullptr, 0, &m_progress);
            batch.referenceLse.assign(static_cast<std::size_t>(states.tokens()), 0.0);
            if (m_cacheLogits)
                batch.referenceLogits.resize(states.tokens(), vocab);
            RowMatrix logits;
            forEachLogitSlice(batch, states, m_progress, [&](const LogitSlice& at) {
                m_runner.logitRows(states.values.middleRows(at.streamRow(0), at.rows), logits);
                std::vector<double> nll(static_cast<std::size_t>(at.rows), 0.0);
                parallelFor(at.rows, 4, [&](std::int64_t begin, std::int64_t end) {
                    for (std::int64_t p = begin; p < end; ++p) {
                        const double lse =
                            PerplexityEvaluator::logSumExp(logits.row(p).data(), vocab);
                        batch.referenceLse[std::size_t(at.streamRow(p))] = lse;
                        if (at.scores(p))
                            nll[std::size_t(p)] = lse - double(logits(p, at.target(p)));
                    }
                });
                for (std::int64_t p = 0; p < at.rows; ++p) {
                    if (!at.scores(p))
                        continue;
                    ++score.tokens;
                    score.referenceNll += nll[std::size_t(p)];
                }
                if (m_cacheLogits)
                    batch.referenceLogits.middleRows(at.streamRow(0), at.rows) = logits;
            });
            if (!m_cacheLogits)
                batch.finalStates = std::move(states);
        }
        m_result.evaluationTokens = score.tokens;
        m_result.referencePerplexity = NllScore{score.tokens, score.referenceNll}.perplexity();
    }

    // Brings every batch's full-precision residual stream to the input of `stage`.
    void advanceFullPrecision(int stage)
    {
        if (m_fpStage < 0 || stage < m_fpStage) {
            for (EvaluationBatch& batch : m_batches)
                batch.fullPrecision = m_runner.embed(batch.tokens);
            m_fpStage = 0;
        }
        for (; m_fpStage < stage && m_fpStage < m_blocks; ++m_fpStage) {
            for (EvaluationBatch& batch : m_batches)
                m_runner.runBlock(m_fpStage, batch.fullPrecision, nullptr, 0, &m_progress);
        }
    }

    // X^T X of every input site of `stage` on the full-precision calibration activations (as
    // the pipeline records them with trueSequential off); the calibration stream moves on past
    // the block.
    std::map<int, InputStats> captureStatistics(int stage)
    {
        m_progress.report(fraction(),
                          stage < m_blocks
                              ? SensitivityScan::tr("Block %1 of %2: calibration statistics")
                                    .arg(stage + 1)
                                    .arg(m_blocks)
                              : SensitivityScan::tr("Output layer: calibration statistics"));
        std::set<int> sites;
        for (const LinearLayer& layer : m_inventory.layers()) {
            if (stageOf(layer) == stage)
                sites.insert(layer.inputGroup);
        }
        InputStatsRecorder recorder(m_inventory, stage < m_blocks ? stage : -1, 0,
                                    m_options.calibration.seed, m_runner.backend());
        recorder.select(sites, sites);
        if (stage < m_blocks) {
            m_runner.runBlock(stage, m_calibration, &recorder, m_runner.defaultBatchTokens(),
                              &m_progress);
        } else {
            RowMatrix rows = m_runner.finalNormRows(m_calibration.values);
            for (int site : sites)
                recorder.onInput(site, rows);
        }
        return recorder.take();
    }

    // Every layer of `stage` at every bit-width, kept as codes until its unit is measured.
    void quantizeStage(int stage, const std::map<int, InputStats>& statistics)
    {
        for (std::size_t i = 0; i < m_inventory.layers().size(); ++i) {
            const LinearLayer& layer = m_inventory.layers()[i];
            if (stageOf(layer) != stage)
                continue;
            const std::vector<float> weight = m_model->readWeight(layer);
            if (const std::optional<QString> reason =
                    LayerQuantizer::unquantizableReason(layer, weight)) {
                // Kept in full precision in its unit's measurements, as the pipeline keeps it.
                m_result.layers[i].note = *reason;
                continue;
            }
            LayerInputs inputs;
            if (const auto it = statistics.find(layer.inputGroup); it != statistics.end()) {
                inputs.tokens = it->second.tokens;
                if (it->second.xtx.size() > 0)
                    inputs.xtx = &it->second.xtx;
            }
            for (std::size_t b = 0; b < m_result.bits.size(); ++b) {
                m_progress.report(fraction(), SensitivityScan::tr("Quantizing %1 at %2 bits")
                                                  .arg(layer.name)
                                                  .arg(m_result.bits[b]));
                LayerQuantConfig config = m_options.quantization;
                config.scheme.bits = m_result.bits[b];
                // The quantizer's own reports stay at the scan's current fraction.
                ProgressRange step(m_progress, fraction(), fraction());
                QuantizedLayer quantized = LayerQuantizer::quantize(layer, config, weight, inputs,
                                                                    *m_runner.backend(), step);
                // Codes only until measured: the weights are dequantized from them, as
                // QuantizedModelHooks does for a pipeline's result.
                quantized.weight.clear();
                quantized.weight.shrink_to_fit();
                m_quantized.insert_or_assign({static_cast<int>(i), static_cast<int>(b)},
                                             std::move(quantized));
            }
        }
    }

    double fraction() const { return double(m_done) / double(std::max(1, m_total)); }

    void measureUnit(std::size_t u)
    {
        SensitivityUnitResult& unit = m_result.units[u];
        for (std::size_t b = 0; b < m_result.bits.size(); ++b) {
            m_progress.report(fraction(), SensitivityScan::tr("Measuring %1 at %2 bits (%3 of %4)")
                                              .arg(unit.name)
                                              .arg(m_result.bits[b])
                                              .arg(m_done)
                                              .arg(m_total - 1));
            unit.points.push_back(measure(m_units[u], static_cast<int>(b)));
            ++m_done;
        }
        for (int index : m_units[u].layers) {
            for (std::size_t b = 0; b < m_result.bits.size(); ++b)
                m_quantized.erase({index, static_cast<int>(b)});
        }
    }

    // The model with `unit` quantized at bit-width index `bitsIndex`, scored against the
    // reference position by position (PerplexityEvaluator's loop, from the unit's first block).
    SensitivityPoint measure(const ScanUnit& unit, int bitsIndex)
    {
        UnitWeightHooks hooks;
        for (int index : unit.layers)
            addQuantized(hooks, index, bitsIndex);
        advanceFullPrecision(unit.firstStage);
        Score score;
        for (EvaluationBatch& batch : m_batches) {
            HiddenStates states = batch.fullPrecision;
            score += scoreFrom(batch, states, unit.firstStage, hooks);
        }
        return pointOf(score, bitsIndex);
    }

    // Puts the quantized layer (inventory index, bit-width index) into `hooks`, if it was
    // quantized (a layer the pipeline would skip stays in full precision).
    void addQuantized(UnitWeightHooks& hooks, int index, int bitsIndex) const
    {
        const auto it = m_quantized.find({index, bitsIndex});
        if (it != m_quantized.end())
            hooks.weights.emplace(it->second.name, it->second.dequantizedWeight());
    }

    // Runs the blocks from `firstStage` on `states` (one batch's residual stream at that block's
    // input) with `hooks`, then scores the logits against the batch's reference.
    Score scoreFrom(EvaluationBatch& batch, HiddenStates& states, int firstStage,
                    UnitWeightHooks& hooks)
    {
        const std::int64_t vocab = m_model->spec().vocabSize;
        Score score;
        RowMatrix modified;
        RowMatrix recomputed;
        for (int b = firstStage; b < m_blocks; ++b)
            m_runner.runBlock(b, states, &hooks, 0, &m_progress);
        forEachLogitSlice(batch, states, m_progress, [&](const LogitSlice& at) {
            m_runner.logitRows(states.values.middleRows(at.streamRow(0), at.rows), modified,
                               &hooks);
            if (!m_cacheLogits)
                m_runner.logitRows(batch.finalStates.values.middleRows(at.streamRow(0), at.rows),
                                   recomputed);
            const auto reference = m_cacheLogits
                                       ? batch.referenceLogits.middleRows(at.streamRow(0), at.rows)
                                       : recomputed.middleRows(0, at.rows);
            std::vector<Score> scores(static_cast<std::size_t>(at.rows));
            parallelFor(at.rows, 4, [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t p = begin; p < end; ++p) {
                    if (!at.scores(p))
                        continue;
                    Score& position = scores[std::size_t(p)];
                    position.tokens = 1;
                    const float* ref = reference.row(p).data();
                    const double refLse = batch.referenceLse[std::size_t(at.streamRow(p))];
                    const float* mod = modified.row(p).data();
                    const double modLse = PerplexityEvaluator::logSumExp(mod, vocab);
                    position.modifiedNll = modLse - double(mod[at.target(p)]);
                    position.kl =
                        PerplexityEvaluator::klDivergence(ref, refLse, mod, modLse, vocab);
                }
            });
            // Summed in position order, so the result does not depend on the threads.
            for (const Score& position : scores) {
                if (position.tokens != 0)
                    score += position;
            }
        });
        return score;
    }

    SensitivityPoint pointOf(const Score& score, int bitsIndex) const
    {
        Q_ASSERT(score.tokens == m_result.evaluationTokens);
        SensitivityPoint point;
        point.bits = m_result.bits[static_cast<std::size_t>(bitsIndex)];
        point.perplexity = NllScore{score.tokens, score.modifiedNll}.perplexity();
        point.deltaPerplexity = point.perplexity - m_result.referencePerplexity;
        point.kl = score.tokens > 0 ? score.kl / double(score.tokens) : 0.0;
        return point;
    }

    // The whole model at every width (SensitivityScanResult::uniform), carried along the scan:
    // each width's residual stream is moved through a block with the block's layers quantized
    // at that width right after they are quantized, so no layer is kept longer than the scan
    // keeps it anyway.
    void startUniform()
    {
        m_uniformStates.assign(m_result.bits.size(), {});
        for (auto& states : m_uniformStates) {
            for (EvaluationBatch& batch : m_batches)
                states.push_back(m_runner.embed(batch.tokens));
        }
    }

    UnitWeightHooks stageHooks(int stage, int bitsIndex) const
    {
        UnitWeightHooks hooks;
        for (std::size_t i = 0; i < m_inventory.layers().size(); ++i) {
            if (stageOf(m_inventory.layers()[i]) == stage)
                addQuantized(hooks, static_cast<int>(i), bitsIndex);
        }
        return hooks;
    }

    void advanceUniform(int stage)
    {
        if (stage >= m_blocks)
            return;
        for (std::size_t b = 0; b < m_uniformStates.size(); ++b) {
            UnitWeightHooks hooks = stageHooks(stage, static_cast<int>(b));
            for (HiddenStates& states : m_uniformStates[b])
                m_runner.runBlock(stage, states, &hooks, 0, &m_progress);
        }
    }

    // Scores the whole-model streams once the last stage with a unit (`lastStage`) is quantized
    // and applied: the blocks after it have nothing to quantize; lm_head's own stage is applied
    // through the logits' hooks.
    void finishUniform(int lastStage)
    {
        for (std::size_t b = 0; b < m_uniformStates.size(); ++b) {
            m_progress.report(
                fraction(),
                SensitivityScan::tr("Measuring every layer at %1 bits").arg(m_result.bits[b]));
            UnitWeightHooks hooks = stageHooks(m_blocks, static_cast<int>(b));
            Score score;
            for (std::size_t t = 0; t < m_batches.size(); ++t)
                score += scoreFrom(m_batches[t], m_uniformStates[b][t],
                                   std::min(lastStage + 1, m_blocks), hooks);
            m_result.uniform.push_back(pointOf(score, static_cast<int>(b)));
            m_uniformStates[b].clear();
            ++m_done;
        }
    }

    // Reference logits are kept when they take at most this much memory.
    static constexpr std::int64_t kLogitCacheBytes = std::int64_t(256) << 20;

    std::shared_ptr<const LoadedModel> m_model;
    const LayerInventory& m_inventory;
    const SensitivityOptions& m_options;
    Progress& m_progress;
    TransformerRunner m_runner;
    int m_blocks = 0;
    SensitivityScanResult m_result;
    std::vector<ScanUnit> m_units; // parallel to m_result.units
    std::vector<EvaluationBatch> m_batches;
    bool m_cacheLogits = true;
    int m_fpStage = -1;         // the block whose input the batches' fullPrecision holds
    HiddenStates m_calibration; // the calibration windows' FP residual stream, moving on
    // The quantized layers of units not measured yet, by (inventory index, bit-width index).
    std::map<std::pair<int, int>, QuantizedLayer> m_quantized;
    // Per bit-width index, per batch: the residual stream of the whole model quantized at that
    // width, at the input of the stage the scan has reached.
    std::vector<std::vector<HiddenStates>> m_uniformStates;
    // Progress steps: the reference, every (unit, bit-width), every whole-model width.
    int m_total = 1;
    int m_done = 0;
};

} // namespace

SensitivityScanResult SensitivityScan::run(const std::shared_ptr<const LoadedModel>& model,
                                           const Tokenizer& tokenizer,
                                           const std::vector<std::vector<int>>& calibrationWindows,
                                           const QStringList& evaluationDocuments,
                                           const SensitivityOptions& options, Progress& progress)
{
    ScanRun run(model, tokenizer, calibrationWindows, evaluationDocuments, options, progress);
    return run.run();
}

} // namespace qb
