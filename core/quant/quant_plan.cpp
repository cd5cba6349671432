#include "core/quant/quant_plan.h"

#include "core/io/json_file.h"
#include "core/model/layer_inventory.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QJsonArray>

#include <cmath>

namespace qb {

QString methodKey(QuantMethod method)
{
    switch (method) {
    case QuantMethod::None:
        return QStringLiteral("none");
    case QuantMethod::Rtn:
        return QStringLiteral("rtn");
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
    }
    return {};
}

std::vector<QuantMethod> allMethods()
{
    return {QuantMethod::None, QuantMethod::Rtn};
}

QJsonObject LayerQuantConfig::toJson() const
{
    return QJsonObject{{QStringLiteral("method"), methodKey(method)},
                       {QStringLiteral("bits"), scheme.bits},
                       {QStringLiteral("group_size"), scheme.groupSizeCode()},
                       {QStringLiteral("sym"), scheme.symmetric}};
}

namespace {

// A "re:" match as a regular expression anchored at both ends: it must match the whole name.
QRegularExpression anchoredRegex(const QString& match)
{
    return QRegularExpression(QStringLiteral("\\A(?:%1)\\z").arg(match.mid(3)));
}

} // namespace

QString LayerQuantConfig::describe() const
{
    if (method == QuantMethod::None)
        return methodDisplayName(method);
    return QuantPlan::tr("%1, %2").arg(methodDisplayName(method), scheme.describe());
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

void PlanOverride::applyTo(LayerQuantConfig& config) const
{
    if (method)
        config.method = *method;
    if (bits)
        config.scheme.bits = *bits;
    if (symmetric)
        config.scheme.symmetric = *symmetric;
    if (groupSizeCode)
        config.scheme = QuantScheme::fromGroupSizeCode(config.scheme.bits, config.scheme.symmetric,
                                                       *groupSizeCode);
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

void QuantPlan::setLayerConfig(const QString& layerName, const LayerQuantConfig& config)
{
    std::erase_if(m_overrides,
                  [&](const PlanOverride& o) { return !o.isRegex() && o.match == layerName; });
    const LayerQuantConfig inherited = resolve(layerName);
    PlanOverride override;
    override.match = layerName;
    if (config.method != inherited.method)
        override.method = config.method;
    if (config.method != QuantMethod::None) {
        if (config.scheme.bits != inherited.scheme.bits)
            override.bits = config.scheme.bits;
        if (config.scheme.symmetric != inherited.scheme.symmetric)
            override.symmetric = config.scheme.symmetric;
        if (config.scheme.groupSizeCode() != inherited.scheme.groupSizeCode())
            override.groupSizeCode = config.scheme.groupSizeCode();
    }
    if (override.method || override.bits || override.symmetric || override.groupSizeCode)
        m_overrides.push_back(std::move(override));
}

QJsonObject QuantPlan::toJson() const
{
    QJsonArray overrides;
    for (const PlanOverride& o : m_overrides) {
        QJsonObject item{{QStringLiteral("match"), o.match}};
        if (o.method)
            item.insert(QStringLiteral("method"), methodKey(*o.method));
        if (o.bits)
            item.insert(QStringLiteral("bits"), *o.bits);
        if (o.groupSizeCode)
            item.insert(QStringLiteral("group_size"), *o.groupSizeCode);
        if (o.symmetric)
            item.insert(QStringLiteral("sym"), *o.symmetric);
        overrides.append(item);
    }
    return QJsonObject{{QStringLiteral("default"), defaults.toJson()},
                       {QStringLiteral("overrides"), overrides}};
}

namespace {

// Reads the settings fields of a "default" or "overrides[i]" object into an override.
void readSettings(const QJsonObject& object, const QString& where, bool allowMatch,
                  PlanOverride& out)
{
    auto fail = [&](const QString& key, const QString& expected) {
        throw Error(QuantPlan::tr("%1.%2 must be %3, but it is %4")
                        .arg(where, key, expected, JsonText::describe(object.value(key))));
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("match") && allowMatch) {
            if (!value.isString() || value.toString().isEmpty())
                fail(key,
                     QuantPlan::tr("a layer name or \"re:\" followed by a regular expression"));
            out.match = value.toString();
        } else if (key == QLatin1String("method")) {
            const std::optional<QuantMethod> method = methodFromKey(value.toString());
            if (!value.isString() || !method) {
                QStringList keys;
                for (QuantMethod m : allMethods())
                    keys << methodKey(m);
                fail(key, QuantPlan::tr("one of %1").arg(keys.join(QStringLiteral(", "))));
            }
            out.method = method;
        } else if (key == QLatin1String("bits")) {
            const double d = value.toDouble();
            if (!value.isDouble() || std::floor(d) != d || d < QuantScheme::kMinBits
                || d > QuantScheme::kMaxBits)
                fail(key, QuantPlan::tr("an integer from %1 to %2")
                              .arg(QuantScheme::kMinBits)
                              .arg(QuantScheme::kMaxBits));
            out.bits = static_cast<int>(d);
        } else if (key == QLatin1String("group_size")) {
            const double d = value.toDouble();
            if (!value.isDouble() || std::floor(d) != d || d < -1 || d > (1 << 30))
                fail(key, QuantPlan::tr("a positive number of columns, -1 (per channel) or 0 "
                                        "(per tensor)"));
            out.groupSizeCode = static_cast<int>(d);
        } else if (key == QLatin1String("sym")) {
            if (!value.isBool())
                fail(key, QuantPlan::tr("true or false"));
            out.symmetric = value.toBool();
        } else {
            throw Error(QuantPlan::tr("%1: unknown field \"%2\" (known: %3)")
                            .arg(where, key,
                                 allowMatch ? QStringLiteral("match, method, bits, group_size, sym")
                                            : QStringLiteral("method, bits, group_size, sym")));
        }
    }
}

} // namespace

QuantPlan QuantPlan::fromJson(const QJsonObject& json, const QString& source)
{
    QuantPlan plan;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("default") && it.key() != QLatin1String("overrides"))
            throw Error(
                tr("%1: unknown field \"%2\" (known: default, overrides)").arg(source, it.key()));
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
    // Every layer's resolved scheme must be valid (an override may set bits out of range only
    // through the API; JSON input is checked field by field).
    for (const LinearLayer& layer : inventory.layers()) {
        const LayerQuantConfig config = resolve(layer.name);
        const QString error = config.scheme.validationError();
        if (config.method != QuantMethod::None && !error.isEmpty())
            problems << tr("%1: %2").arg(layer.name, error);
    }
    return problems;
}

} // namespace qb
