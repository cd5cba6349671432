#include "views/layer_input_profile_text.h"

#include <QLocale>

namespace qb {

QString LayerInputProfileText::source(const LayerInputProfile& profile)
{
    const QString time = QLocale().toString(profile.computedAt.time(), QLocale::ShortFormat);
    if (profile.source == LayerInputProfile::Source::FullPrecisionCalibration)
        return tr("full-precision calibration at %1").arg(time);
    if (profile.quantizedWith)
        return tr("from the %1 run at %2").arg(methodDisplayName(*profile.quantizedWith), time);
    return tr("from the quantization run at %1").arg(time);
}

QString LayerInputProfileText::headline(const LayerInputProfile& profile)
{
    const QLocale locale;
    return tr("%1 · %n input channel(s) · %2 rows · %3", nullptr, profile.channels())
        .arg(profile.layerName, locale.toString(qlonglong(profile.rows)), source(profile));
}

QString LayerInputProfileText::scaleName(const LayerInputProfile& profile)
{
    switch (profile.scaleKind) {
    case LayerInputProfile::ScaleKind::Awq:
        return tr("AWQ scale s");
    case LayerInputProfile::ScaleKind::SmoothQuant:
        return tr("SmoothQuant factor s");
    case LayerInputProfile::ScaleKind::None:
        break;
    }
    return {};
}

} // namespace qb
