#include "core/quant/quant_plan.h"

#include "core/io/json_file.h"
#include "core/model/layer_inventory.h"
#include "core/quant/smooth_quant.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <tuple>

namespace qb {

QString methodKey(QuantMethod method)
{
    switch (method) {
    case QuantMethod::None:
        return QStringLiteral("none");
    case QuantMethod::Rtn:
        return QStringLiteral("rtn");
    case QuantMethod::Gptq:
        return QStringLiteral("gptq");
    case QuantMethod::Awq:
        return QStringLiteral("awq");
    case QuantMethod::SmoothQuant:
        return QStringLiteral("smoothquant");
    case QuantMethod::W8A8:
        return QStringLiteral("w8a8");
    }
    return {};
}

std::optional<QuantMethod> methodFromKey(QStringView key)
{
    for (QuantMethod method : allMethods()) {
        if (key == methodKey(method))
            return method;
    }
    return std::nullopt;
}

QString methodDisplayName(QuantMethod method)
{
    switch (method) {
    case QuantMethod::None:
        return QuantPlan::tr("Keep");
    case QuantMethod::Rtn:
        return QuantPlan::tr("RTN");
    case QuantMethod::Gptq:
        return QuantPlan::tr("GPTQ");
    case QuantMethod::Awq:
        return QuantPlan::tr("AWQ");
    case QuantMethod::SmoothQuant:
        return QuantPlan::tr("SmoothQuant");
    case QuantMethod::W8A8:
        return QuantPlan::tr("W8A8");
    }
    return {};
}

std::vector<QuantMethod> allMethods()
{
    return {QuantMethod::None, QuantMethod::Rtn,         QuantMethod::Gptq,
            QuantMethod::Awq,  QuantMethod::SmoothQuant, QuantMethod::W8A8};
}

bool methodNeedsCalibration(QuantMethod method)
{
    return method == QuantMethod::Gptq || method == QuantMethod::Awq
           || method == QuantMethod::SmoothQuant;
}

QuantScheme LayerQuantConfig::weightScheme() const
{
    return methodUsesScheme(method) ? scheme : w8a8WeightScheme();
}

bool methodUsesScheme(QuantMethod method)
{
    return method == QuantMethod::Rtn || method == QuantMethod::Gptq || method == QuantMethod::Awq;
}

bool methodScalesInputs(QuantMethod method)
{
    return method == QuantMethod::Awq || method == QuantMethod::SmoothQuant;
}

namespace {

// A "re:" match as a regular expression anchored at both ends: it must match the whole name.
QRegularExpression anchoredRegex(const QString& match)
{
    return QRegularExpression(QStringLiteral("\\A(?:%1)\\z").arg(match.mid(3)));
}

// Reports a field's value as invalid: where, the key, what it must be.
using Fail = std::function<void(const QString& expected)>;

bool isInteger(const QJsonValue& v)
{
    return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
}

// Every recipe field of a layer's settings, in the order they are applied (group_size after bits
// and sym, whose values it keeps). One row per field: how to read it from JSON into an override,
// how an override and a config hold it, and how a config writes it.
struct Field {
    const char* key;
    void (*read)(const QJsonValue& value, PlanOverride& o, const Fail& fail);
    QJsonValue (*overrideValue)(const PlanOverride& o); // Undefined when unset
    void (*apply)(const PlanOverride& o, LayerQuantConfig& c);
    QJsonValue (*configValue)(const LayerQuantConfig& c);
    void (*take)(PlanOverride& o, const LayerQuantConfig& c); // o's field := c's value
    // Whether the field matters for a layer quantized with `method` (setLayerConfig stores only
    // those).
    bool (*appliesTo)(QuantMethod method);
};

template <typename T> QJsonValue optionalJson(const std::optional<T>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Undefined);
}

void readBool(const QJsonValue& v, std::optional<bool>& slot, const Fail& fail)
{
    if (!v.isBool())
        fail(QuantPlan::tr("true or false"));
    slot = v.toBool();
}

// One row per optional member of PlanOverride.
const std::array<Field, 11>& fields()
{
    static const std::array<Field, 11> table{{
        {"method",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             o.method = methodFromKey(v.toString());
             if (!v.isString() || !o.method) {
                 QStringList keys;
                 for (QuantMethod m : allMethods())
                     keys << methodKey(m);
                 fail(QuantPlan::tr("one of %1").arg(keys.join(QStringLiteral(", "))));
             }
         },
         [](const PlanOverride& o) {
             return o.method ? QJsonValue(methodKey(*o.method)) : QJsonValue(QJsonValue::Undefined);
         },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.method = *o.method; },
         [](const LayerQuantConfig& c) { return QJsonValue(methodKey(c.method)); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.method = c.method; },
         [](QuantMethod) { return true; }},
        {"bits",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             if (!isInteger(v) || v.toDouble() < QuantScheme::kMinBits
                 || v.toDouble() > QuantScheme::kMaxBits)
                 fail(QuantPlan::tr("an integer from %1 to %2")
                          .arg(QuantScheme::kMinBits)
                          .arg(QuantScheme::kMaxBits));
             o.bits = v.toInt();
         },
         [](const PlanOverride& o) { return optionalJson(o.bits); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.scheme.bits = *o.bits; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.scheme.bits); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.bits = c.scheme.bits; },
         methodUsesScheme},
        {"sym",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             readBool(v, o.symmetric, fail);
         },
         [](const PlanOverride& o) { return optionalJson(o.symmetric); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.scheme.symmetric = *o.symmetric; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.scheme.symmetric); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.symmetric = c.scheme.symmetric; },
         methodUsesScheme},
        {"group_size",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             if (!isInteger(v) || v.toDouble() < -1 || v.toDouble() > (1 << 30))
                 fail(QuantPlan::tr("a positive number of columns, -1 (per channel) or 0 "
                                    "(per tensor)"));
             o.groupSizeCode = v.toInt();
         },
         [](const PlanOverride& o) { return optionalJson(o.groupSizeCode); },
         [](const PlanOverride& o, LayerQuantConfig& c) {
             c.scheme = QuantScheme::fromGroupSizeCode(c.scheme.bits, c.scheme.symmetric,
                                                       *o.groupSizeCode);
         },
         [](const LayerQuantConfig& c) { return QJsonValue(c.scheme.groupSizeCode()); },
         [](PlanOverride& o, const LayerQuantConfig& c) {
             o.groupSizeCode = c.scheme.groupSizeCode();
         },
         methodUsesScheme},
        {"act_order",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             readBool(v, o.actOrder, fail);
         },
         [](const PlanOverride& o) { return optionalJson(o.actOrder); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.actOrder = *o.actOrder; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.actOrder); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.actOrder = c.actOrder; },
         [](QuantMethod m) { return m == QuantMethod::Gptq; }},
        {"static_groups",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             readBool(v, o.staticGroups, fail);
         },
         [](const PlanOverride& o) { return optionalJson(o.staticGroups); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.staticGroups = *o.staticGroups; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.staticGroups); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.staticGroups = c.staticGroups; },
         [](QuantMethod m) { return m == QuantMethod::Gptq; }},
        {"damp",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             if (!v.isDouble() || !(v.toDouble() > 0.0) || v.toDouble() > 10.0)
                 fail(QuantPlan::tr("a number above 0 and at most 10"));
             o.damp = v.toDouble();
         },
         [](const PlanOverride& o) { return optionalJson(o.damp); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.damp = *o.damp; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.damp); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.damp = c.damp; },
         [](QuantMethod m) { return m == QuantMethod::Gptq; }},
        {"alpha",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             if (!v.isDouble() || v.toDouble() < 0.0 || v.toDouble() > 1.0)
                 fail(QuantPlan::tr("a number from 0 to 1"));
             o.alpha = v.toDouble();
         },
         [](const PlanOverride& o) { return optionalJson(o.alpha); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.alpha = *o.alpha; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.alpha); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.alpha = c.alpha; },
         [](QuantMethod m) {
             return m == QuantMethod::SmoothQuant || m == QuantMethod::Rtn
                    || m == QuantMethod::Gptq;
         }},
        {"clip_search",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             readBool(v, o.clipSearch, fail);
         },
         [](const PlanOverride& o) { return optionalJson(o.clipSearch); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.clipSearch = *o.clipSearch; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.clipSearch); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.clipSearch = c.clipSearch; },
         [](QuantMethod m) { return m == QuantMethod::Rtn; }},
        {"smooth",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             readBool(v, o.smooth, fail);
         },
         [](const PlanOverride& o) { return optionalJson(o.smooth); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.smooth = *o.smooth; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.smooth); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.smooth = c.smooth; },
         [](QuantMethod m) { return m == QuantMethod::Rtn || m == QuantMethod::Gptq; }},
        {"tied_scales",
         [](const QJsonValue& v, PlanOverride& o, const Fail& fail) {
             readBool(v, o.tiedScales, fail);
         },
         [](const PlanOverride& o) { return optionalJson(o.tiedScales); },
         [](const PlanOverride& o, LayerQuantConfig& c) { c.tiedScales = *o.tiedScales; },
         [](const LayerQuantConfig& c) { return QJsonValue(c.tiedScales); },
         [](PlanOverride& o, const LayerQuantConfig& c) { o.tiedScales = c.tiedScales; },
         [](QuantMethod m) { return m == QuantMethod::Awq; }},
    }};
    return table;
}

template <typename Visit> void forEachField(Visit visit)
{
    for (const Field& field : fields())
        visit(field);
}

QString knownFieldNames(bool withMatch)
{
    QStringList names;
    if (withMatch)
        names << QStringLiteral("match");
    forEachField([&](const Field& f) { names << QLatin1String(f.key); });
    return names.join(QStringLiteral(", "));
}

} // namespace

bool LayerQuantConfig::needsCalibration() const
{
    return methodNeedsCalibration(method) || (method == QuantMethod::Rtn && clipSearch)
           || ((method == QuantMethod::Rtn || method == QuantMethod::Gptq) && smooth);
}

QJsonObject LayerQuantConfig::toJson() const
{
    QJsonObject json;
    forEachField([&](const Field& f) { json.insert(QLatin1String(f.key), f.configValue(*this)); });
    return json;
}

QString LayerQuantConfig::describe() const
{
    switch (method) {
    case QuantMethod::None:
    case QuantMethod::W8A8:
        return methodDisplayName(method);
    case QuantMethod::SmoothQuant:
        return QuantPlan::tr("%1, α = %2").arg(methodDisplayName(method)).arg(alpha);
    default:
        break;
    }
    QString text = QuantPlan::tr("%1, %2").arg(methodDisplayName(method), scheme.describe());
    if (method == QuantMethod::Gptq && actOrder)
        text += staticGroups ? QuantPlan::tr(", act-order, static groups")
                             : QuantPlan::tr(", act-order");
    if (method == QuantMethod::Rtn && clipSearch)
        text += QuantPlan::tr(", clip search");
    if (smooth && (method == QuantMethod::Rtn || method == QuantMethod::Gptq))
        text += QuantPlan::tr(", smoothed (α = %1)").arg(alpha);
    if (method == QuantMethod::Awq && !tiedScales)
        text += QuantPlan::tr(", without tied scales");
    return text;
}

bool operator==(const LayerQuantConfig& a, const LayerQuantConfig& b)
{
    if (a.method != b.method)
        return false;
    bool same = true;
    forEachField([&](const Field& f) {
        if (f.appliesTo(a.method) && f.configValue(a) != f.configValue(b))
            same = false;
    });
    // The group size in a scheme that is not grouped compares by granularity (see QuantScheme).
    return same && (!methodUsesScheme(a.method) || a.scheme == b.scheme);
}

QString QuantPlan::describe() const
{
    const QString settings = defaults.describe();
    if (m_overrides.empty())
        return settings;
    return tr("%1 (+%n override(s))", nullptr, static_cast<int>(m_overrides.size())).arg(settings);
}

bool PlanOverride::matches(const QString& layerName) const
{
    if (!isRegex())
        return match == layerName;
    if (m_regex.pattern().isEmpty()) // not compiled by QuantPlan::addOverride: compile here
        return anchoredRegex(match).match(layerName).hasMatch();
    return m_regex.match(layerName).hasMatch();
}

bool PlanOverride::isEmpty() const
{
    bool empty = true;
    forEachField([&](const Field& f) { empty = empty && f.overrideValue(*this).isUndefined(); });
    return empty;
}

void PlanOverride::applyTo(LayerQuantConfig& config) const
{
    forEachField([&](const Field& f) {
        if (!f.overrideValue(*this).isUndefined())
            f.apply(*this, config);
    });
}

void QuantPlan::addOverride(PlanOverride override)
{
    if (override.isRegex()) {
        override.m_regex = anchoredRegex(override.match);
        if (!override.m_regex.isValid())
            throw Error(tr("\"%1\" is not a valid regular expression: %2")
                            .arg(override.match, override.m_regex.errorString()));
    }
    m_overrides.push_back(std::move(override));
}

LayerQuantConfig QuantPlan::resolve(const QString& layerName) const
{
    LayerQuantConfig config = defaults;
    for (const PlanOverride& override : m_overrides) {
        if (override.matches(layerName))
            override.applyTo(config);
    }
    return config;
}

QByteArray QuantPlan::evaluationKey(const LayerInventory& inventory) const
{
    QJsonObject json = toJson();
    if (!needsCalibration(inventory))
        json.remove(QStringLiteral("calibration"));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

bool QuantPlan::needsCalibration(const LayerInventory& inventory) const
{
    return firstLayerNeedingCalibration(inventory) != nullptr;
}

bool QuantPlan::quantizesAnyLayer(const LayerInventory& inventory) const
{
    return std::any_of(
        inventory.layers().begin(), inventory.layers().end(),
        [&](const LinearLayer& layer) { return resolve(layer.name).method != QuantMethod::None; });
}

const LinearLayer* QuantPlan::firstLayerNeedingCalibration(const LayerInventory& inventory) const
{
    for (const LinearLayer& layer : inventory.layers()) {
        if (resolve(layer.name).needsCalibration())
            return &layer;
    }
    return nullptr;
}

void QuantPlan::setLayerConfig(const QString& layerName, const LayerQuantConfig& config)
{
    std::erase_if(m_overrides,
                  [&](const PlanOverride& o) { return !o.isRegex() && o.match == layerName; });
    const LayerQuantConfig inherited = resolve(layerName);
    PlanOverride override;
    override.match = layerName;
    // Only the fields that matter for the layer's method and differ from what it inherits.
    forEachField([&](const Field& f) {
        if (f.appliesTo(config.method) && f.configValue(config) != f.configValue(inherited))
            f.take(override, config);
    });
    if (!override.isEmpty())
        m_overrides.push_back(std::move(override));
}

namespace {

// How much precision a config keeps, for choosing a fused family's common settings: full
// precision above everything, then more bits, then narrower groups (per channel and per tensor
// as one group of all columns).
std::tuple<bool, int, std::int64_t> precisionRank(const LayerQuantConfig& config)
{
    const QuantScheme& scheme = config.scheme;
    const std::int64_t width = scheme.granularity == Granularity::Group
                                   ? scheme.groupSize
                                   : std::numeric_limits<std::int64_t>::max();
    return {config.method == QuantMethod::None, scheme.bits, -width};
}

} // namespace

std::vector<QStringList> QuantPlan::fusedFamiliesThatDiffer(const LayerInventory& inventory) const
{
    std::vector<QStringList> families;
    for (const std::vector<int>& group : inventory.fusedFamilies()) {
        QStringList names;
        for (int index : group)
            names << inventory.layers()[std::size_t(index)].name;
        const LayerQuantConfig first = resolve(names.front());
        if (std::any_of(names.begin() + 1, names.end(),
                        [&](const QString& name) { return !(resolve(name) == first); }))
            families.push_back(names);
    }
    return families;
}

QuantPlan QuantPlan::withFusedFamiliesAligned(const LayerInventory& inventory) const
{
    QuantPlan aligned = *this;
    for (const QStringList& family : fusedFamiliesThatDiffer(inventory)) {
        LayerQuantConfig best = resolve(family.front());
        for (const QString& name : family) {
            const LayerQuantConfig config = resolve(name);
            if (precisionRank(config) > precisionRank(best))
                best = config;
        }
        for (const QString& name : family)
            aligned.setLayerConfig(name, best);
    }
    return aligned;
}

QJsonObject QuantPlan::toJson() const
{
    QJsonArray overrides;
    for (const PlanOverride& o : m_overrides) {
        QJsonObject item{{QStringLiteral("match"), o.match}};
        forEachField([&](const Field& f) {
            const QJsonValue value = f.overrideValue(o);
            if (!value.isUndefined())
                item.insert(QLatin1String(f.key), value);
        });
        overrides.append(item);
    }
    return QJsonObject{{QStringLiteral("default"), defaults.toJson()},
                       {QStringLiteral("overrides"), overrides},
                       {QStringLiteral("calibration"), calibration.toJson()}};
}

namespace {

// Reads the settings fields of a "default" or "overrides[i]" object into an override.
void readSettings(const QJsonObject& object, const QString& where, bool allowMatch,
                  PlanOverride& out)
{
    std::map<QString, const Field*> byKey;
    forEachField([&](const Field& f) { byKey[QLatin1String(f.key)] = &f; });
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const Fail fail = [&](const QString& expected) {
            throw Error(QuantPlan::tr("%1.%2 must be %3, but it is %4")
                            .arg(where, key, expected, JsonText::describe(value)));
        };
        if (key == QLatin1String("match") && allowMatch) {
            if (!value.isString() || value.toString().isEmpty())
                fail(QuantPlan::tr("a layer name or \"re:\" followed by a regular expression"));
            out.match = value.toString();
        } else if (const auto field = byKey.find(key); field != byKey.end()) {
            field->second->read(value, out, fail);
        } else {
            throw Error(QuantPlan::tr("%1: unknown field \"%2\" (known: %3)")
                            .arg(where, key, knownFieldNames(allowMatch)));
        }
    }
}

// The "calibration" object of a recipe.
CalibrationOptions readCalibration(const QJsonObject& object, const QString& where)
{
    CalibrationOptions options;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        auto fail = [&](const QString& expected) {
            throw Error(QuantPlan::tr("%1.%2 must be %3, but it is %4")
                            .arg(where, key, expected, JsonText::describe(value)));
        };
        auto positiveInteger = [&](double max) {
            if (!isInteger(value) || value.toDouble() < 1 || value.toDouble() > max)
                fail(QuantPlan::tr("a whole number from 1 to %1").arg(max));
            return value.toInteger();
        };
        if (key == QLatin1String("mode")) {
            const auto mode = CalibrationOptions::modeFromKey(value.toString());
            if (!value.isString() || !mode)
                fail(QuantPlan::tr("\"documents\" or \"random\""));
            options.mode = *mode;
        } else if (key == QLatin1String("samples")) {
            options.samples = static_cast<int>(positiveInteger(1 << 20));
        } else if (key == QLatin1String("seqlen")) {
            options.sequenceLength = static_cast<int>(positiveInteger(1 << 20));
        } else if (key == QLatin1String("seed")) {
            if (!isInteger(value) || value.toDouble() < 0 || value.toDouble() > 9007199254740991.0)
                fail(QuantPlan::tr("a whole number of 0 or more"));
            options.seed = static_cast<std::uint64_t>(value.toInteger());
        } else if (key == QLatin1String("sample_rows")) {
            if (!isInteger(value) || value.toDouble() < 0 || value.toDouble() > 1e9)
                fail(QuantPlan::tr("a whole number of 0 or more"));
            options.sampleRows = value.toInteger();
        } else if (key == QLatin1String("holdout")) {
            if (!value.isDouble() || value.toDouble() < 0.0 || value.toDouble() >= 1.0)
                fail(QuantPlan::tr("a fraction from 0 up to (not including) 1"));
            options.holdoutFraction = value.toDouble();
        } else {
            throw Error(QuantPlan::tr("%1: unknown field \"%2\" (known: mode, samples, seqlen, "
                                      "seed, sample_rows, holdout)")
                            .arg(where, key));
        }
    }
    const QString error = options.validationError();
    if (!error.isEmpty())
        throw Error(QStringLiteral("%1: %2").arg(where, error));
    return options;
}

} // namespace

QuantPlan QuantPlan::fromJson(const QJsonObject& json, const QString& source)
{
    QuantPlan plan;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("default") && it.key() != QLatin1String("overrides")
            && it.key() != QLatin1String("calibration"))
            throw Error(tr("%1: unknown field \"%2\" (known: default, overrides, calibration)")
                            .arg(source, it.key()));
    }
    const QJsonValue defaultValue = json.value(QLatin1String("default"));
    if (!defaultValue.isUndefined()) {
        if (!defaultValue.isObject())
            throw Error(tr("%1: \"default\" must be an object, but it is %2")
                            .arg(source, JsonText::describe(defaultValue)));
        PlanOverride fields;
        readSettings(defaultValue.toObject(), source + QStringLiteral(": default"), false, fields);
        fields.applyTo(plan.defaults);
    }
    const QJsonValue overridesValue = json.value(QLatin1String("overrides"));
    if (!overridesValue.isUndefined() && !overridesValue.isArray())
        throw Error(tr("%1: \"overrides\" must be an array, but it is %2")
                        .arg(source, JsonText::describe(overridesValue)));
    const QJsonArray overrides = overridesValue.toArray();
    for (qsizetype i = 0; i < overrides.size(); ++i) {
        const QString where = QStringLiteral("%1: overrides[%2]").arg(source).arg(i);
        if (!overrides[i].isObject())
            throw Error(tr("%1 must be an object, but it is %2")
                            .arg(where, JsonText::describe(overrides[i])));
        PlanOverride override;
        readSettings(overrides[i].toObject(), where, true, override);
        if (override.match.isEmpty())
            throw Error(tr("%1 has no \"match\" naming the layers it applies to").arg(where));
        try {
            plan.addOverride(std::move(override));
        } catch (const Error& e) {
            throw Error(QStringLiteral("%1: %2").arg(where, e.message()));
        }
    }
    const QJsonValue calibrationValue = json.value(QLatin1String("calibration"));
    if (!calibrationValue.isUndefined()) {
        if (!calibrationValue.isObject())
            throw Error(tr("%1: \"calibration\" must be an object, but it is %2")
                            .arg(source, JsonText::describe(calibrationValue)));
        plan.calibration =
            readCalibration(calibrationValue.toObject(), source + QStringLiteral(": calibration"));
    }
    const QString schemeError = plan.defaults.scheme.validationError();
    if (!schemeError.isEmpty())
        throw Error(tr("%1: default: %2").arg(source, schemeError));
    return plan;
}

QuantPlan QuantPlan::fromFile(const QString& path)
{
    return fromJson(JsonFile::readObject(path), QDir::toNativeSeparators(path));
}

QStringList QuantPlan::problemsFor(const LayerInventory& inventory) const
{
    QStringList problems;
    for (std::size_t i = 0; i < m_overrides.size(); ++i) {
        const PlanOverride& o = m_overrides[i];
        const bool matchesAny =
            std::any_of(inventory.layers().begin(), inventory.layers().end(),
                        [&](const LinearLayer& l) { return o.matches(l.name); });
        if (matchesAny)
            continue;
        problems << (o.isRegex() ? tr("overrides[%1]: the regular expression \"%2\" matches no "
                                      "layer of this model")
                                       .arg(i)
                                       .arg(o.match.mid(3))
                                 : tr("overrides[%1]: this model has no layer named \"%2\"")
                                       .arg(i)
                                       .arg(o.match));
    }
    for (const LinearLayer& layer : inventory.layers()) {
        const LayerQuantConfig config = resolve(layer.name);
        const QString error = config.scheme.validationError();
        if (methodUsesScheme(config.method) && !error.isEmpty())
            problems << tr("%1: %2").arg(layer.name, error);
    }
    // Layers reading one input share what is done to it: its scaling is folded into the one
    // operation before them, and W8A8 rounds the input itself (as a runtime does for the fused
    // projections). They must agree on both.
    for (const std::vector<int>& group : inventory.inputGroups()) {
        if (group.size() < 2)
            continue;
        auto treatment = [&](int index) {
            const LayerQuantConfig c = resolve(inventory.layers()[std::size_t(index)].name);
            QString key;
            if (c.method == QuantMethod::Awq)
                key = QStringLiteral("awq");
            else if (c.method == QuantMethod::SmoothQuant || c.smooth)
                key = QStringLiteral("smooth %1").arg(c.alpha);
            if (c.method == QuantMethod::SmoothQuant || c.method == QuantMethod::W8A8)
                key += QStringLiteral(" int8 activations");
            return key;
        };
        const QString first = treatment(group.front());
        for (int index : group) {
            if (treatment(index) == first)
                continue;
            QStringList names;
            for (int member : group)
                names << inventory.layers()[std::size_t(member)].name;
            problems << tr("%1 read the same input, so they must treat it alike: AWQ and "
                           "smoothing fold one scale into the operation before them, and W8A8 "
                           "rounds the input itself. Give them the same method (awq, smoothquant "
                           "or w8a8) or smoothing with the same alpha")
                            .arg(names.join(QStringLiteral(", ")));
            break;
        }
    }
    return problems;
}

QStringList QuantPlan::warningsFor(const LayerInventory& inventory) const
{
    // Layers whose input channels a method would scale but whose scale nothing before them can
    // absorb: the pipeline leaves their inputs unscaled, as the reference implementations do —
    // worth knowing, not an error. Under grouped-query attention o_proj takes only scales tied
    // over the query heads sharing a key/value head (FoldTarget::sharedBy): AWQ ties its scales
    // unless tied_scales is off; smoothing never does.
    QStringList awqUnfoldable, awqUntied, smoothed;
    for (const LinearLayer& layer : inventory.layers()) {
        const FoldTarget& fold = layer.foldTarget;
        if (fold.foldsAnyScale())
            continue;
        const LayerQuantConfig config = resolve(layer.name);
        if (config.method == QuantMethod::Awq) {
            if (!fold.takesAwqScale(config.tiedScales))
                (fold.foldsTiedScale() ? awqUntied : awqUnfoldable) << layer.name;
        } else if (config.method == QuantMethod::SmoothQuant
                   || ((config.method == QuantMethod::Rtn || config.method == QuantMethod::Gptq)
                       && config.smooth)) {
            smoothed << layer.name;
        }
    }
    QStringList warnings;
    if (!awqUnfoldable.isEmpty())
        warnings << tr("%1: nothing before these layers can absorb an input scale, so AWQ does "
                       "not scale them and only searches their clipping, as llm-awq does")
                        .arg(awqUnfoldable.join(QStringLiteral(", ")));
    if (!awqUntied.isEmpty())
        warnings << tr("%1: with tied_scales off, AWQ does not scale these layers and only "
                       "searches their clipping, as llm-awq does (their inputs are mixed by "
                       "attention over shared key/value heads, so only scales tied over the query "
                       "heads sharing each key/value head fold into the layer before them)")
                        .arg(awqUntied.join(QStringLiteral(", ")));
    if (!smoothed.isEmpty())
        warnings << tr("%1: nothing before these layers can absorb a smoothing scale (their "
                       "inputs are mixed by attention over shared key/value heads, so only scales "
                       "tied over the query heads sharing each key/value head would fold, and "
                       "smoothing does not tie its scales), so they are not smoothed: SmoothQuant "
                       "quantizes them as plain W8A8, as the reference does")
                        .arg(smoothed.join(QStringLiteral(", ")));
    return warnings;
}

} // namespace qb
