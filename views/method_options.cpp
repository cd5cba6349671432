#include "views/method_options.h"

#include <QLocale>

namespace qb {

namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

bool isNumber(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::LongLong:
        return true;
    default:
        return false;
    }
}

} // namespace

QStringList MethodOptions::keysFor(QuantMethod method)
{
    switch (method) {
    case QuantMethod::Gptq:
        return {kActOrder, kStaticGroups, kDamp, kSmooth, kAlpha};
    case QuantMethod::Rtn:
        return {kClipSearch, kSmooth, kAlpha};
    case QuantMethod::SmoothQuant:
        return {kAlpha};
    case QuantMethod::Awq:
        return {kTiedScales};
    case QuantMethod::None:
    case QuantMethod::W8A8:
        break;
    }
    return {};
}

QVariant MethodOptions::value(const LayerQuantConfig& config, const QString& key)
{
    if (key == kActOrder)
        return config.actOrder;
    if (key == kStaticGroups)
        return config.staticGroups;
    if (key == kDamp)
        return config.damp;
    if (key == kClipSearch)
        return config.clipSearch;
    if (key == kSmooth)
        return config.smooth;
    if (key == kAlpha)
        return config.alpha;
    if (key == kTiedScales)
        return config.tiedScales;
    return {};
}

QVariantMap MethodOptions::of(const LayerQuantConfig& config)
{
    QVariantMap options;
    for (const QString& key : keysFor(config.method))
        options.insert(key, value(config, key));
    return options;
}

bool MethodOptions::isValid(const QString& key, const QVariant& value)
{
    if (key == kActOrder || key == kStaticGroups || key == kClipSearch || key == kSmooth
        || key == kTiedScales)
        return value.typeId() == QMetaType::Bool;
    if (key == kDamp)
        return isNumber(value) && value.toDouble() > 0.0 && value.toDouble() <= kMaxDamp;
    if (key == kAlpha)
        return isNumber(value) && value.toDouble() >= 0.0 && value.toDouble() <= 1.0;
    return false;
}

bool MethodOptions::set(LayerQuantConfig& config, const QString& key, const QVariant& value)
{
    if (!isValid(key, value))
        return false;
    if (key == kActOrder)
        config.actOrder = value.toBool();
    else if (key == kStaticGroups)
        config.staticGroups = value.toBool();
    else if (key == kDamp)
        config.damp = value.toDouble();
    else if (key == kClipSearch)
        config.clipSearch = value.toBool();
    else if (key == kSmooth)
        config.smooth = value.toBool();
    else if (key == kAlpha)
        config.alpha = value.toDouble();
    else if (key == kTiedScales)
        config.tiedScales = value.toBool();
    return true;
}

QString MethodOptions::summary(const LayerQuantConfig& config, std::optional<bool> tiedScalesApply)
{
    QStringList parts;
    switch (config.method) {
    case QuantMethod::Gptq:
        if (config.actOrder)
            parts << tr("act-order");
        if (config.staticGroups)
            parts << tr("static groups");
        parts << tr("damp %1").arg(number(config.damp));
        break;
    case QuantMethod::Rtn:
        if (config.clipSearch)
            parts << tr("clip search");
        break;
    case QuantMethod::SmoothQuant:
        parts << tr("α %1").arg(number(config.alpha));
        break;
    case QuantMethod::Awq:
        if (tiedScalesApply.value_or(config.tiedScales))
            parts << (config.tiedScales ? tr("tied scales") : tr("not scaled"));
        break;
    case QuantMethod::None:
    case QuantMethod::W8A8:
        break;
    }
    if (config.smooth && (config.method == QuantMethod::Rtn || config.method == QuantMethod::Gptq))
        parts << tr("smoothed α %1").arg(number(config.alpha));
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

QString MethodOptions::describe(const LayerQuantConfig& config, std::optional<bool> tiedScalesApply)
{
    const auto onOff = [](bool on) { return on ? tr("on") : tr("off"); };
    QStringList lines;
    for (const QString& key : keysFor(config.method)) {
        if (key == kActOrder)
            lines << tr("act-order: %1").arg(onOff(config.actOrder));
        else if (key == kStaticGroups)
            lines << tr("static groups: %1").arg(onOff(config.staticGroups));
        else if (key == kDamp)
            lines << tr("damping: %1 × mean diag(H)").arg(number(config.damp));
        else if (key == kClipSearch)
            lines << tr("clip search: %1").arg(onOff(config.clipSearch));
        else if (key == kSmooth)
            lines << tr("smoothing: %1").arg(onOff(config.smooth));
        else if (key == kAlpha && (config.method == QuantMethod::SmoothQuant || config.smooth))
            lines << tr("α (migration strength): %1").arg(number(config.alpha));
        else if (key == kTiedScales && tiedScalesApply == false)
            lines << tr("tied scales: %1 (only o_proj under grouped-query attention uses it)")
                         .arg(onOff(config.tiedScales));
        else if (key == kTiedScales)
            lines << tr("tied scales (o_proj under grouped-query attention): %1")
                         .arg(onOff(config.tiedScales));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace qb
