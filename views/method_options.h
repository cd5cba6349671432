#pragma once

#include "core/quant/quant_plan.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace qb {

// The settings of a layer that only some methods use, under their recipe keys (see QuantPlan):
//   act_order, static_groups, damp   GPTQ
//   clip_search                      RTN
//   smooth                           RTN, GPTQ (SmoothQuant smoothing before quantizing)
//   alpha                            SmoothQuant, and the smoothing of RTN and GPTQ
//   tied_scales                      AWQ (o_proj under grouped-query attention)
// Keep and W8A8 have none (W8A8 has nothing to choose).
// Values are QVariant: bool for the flags, double for damp and alpha.
//
// The views need this table to show and edit only what applies; the ranges match what
// QuantPlan::fromJson accepts (damp in (0, 10], alpha in [0, 1]).
class MethodOptions {
    Q_DECLARE_TR_FUNCTIONS(MethodOptions)

public:
    static inline const QString kActOrder = QStringLiteral("act_order");
    static inline const QString kStaticGroups = QStringLiteral("static_groups");
    static inline const QString kDamp = QStringLiteral("damp");
    static inline const QString kClipSearch = QStringLiteral("clip_search");
    static inline const QString kSmooth = QStringLiteral("smooth");
    static inline const QString kAlpha = QStringLiteral("alpha");
    static inline const QString kTiedScales = QStringLiteral("tied_scales");

    static constexpr double kMinDamp = 1e-4; // the editors' lower limit (recipes: above 0)
    static constexpr double kMaxDamp = 10.0;

    // The option keys `method` uses, in the order the editors show them (empty: none).
    static QStringList keysFor(QuantMethod method);
    static bool hasOptions(QuantMethod method) { return !keysFor(method).isEmpty(); }

    // The options of `config` that its method uses, by key.
    static QVariantMap of(const LayerQuantConfig& config);
    static QVariant value(const LayerQuantConfig& config, const QString& key);
    // Whether `value` is a valid value of `key` (false for an unknown key).
    static bool isValid(const QString& key, const QVariant& value);
    // Sets one option; false (and `config` untouched) when the key is unknown or the value
    // invalid. The method is not checked: callers decide whether the key applies.
    static bool set(LayerQuantConfig& config, const QString& key, const QVariant& value);

    // A short form for a table cell or a button: "act-order, damp 0.01", "α 0.5",
    // "clip search, smoothed α 0.5", "tied scales"; "—" when the method has no options or none
    // is on. `tiedScalesApply`: whether the layer is one whose AWQ scales can only be tied
    // (FoldTarget::foldsTiedScale) — there the option shows on or off ("tied scales", "not
    // scaled"), elsewhere it changes nothing and is not shown; unknown (no layer, e.g. the
    // defaults): shown when on.
    static QString summary(const LayerQuantConfig& config,
                           std::optional<bool> tiedScalesApply = std::nullopt);
    // One line per option for a tooltip ("act-order: on", "damping: 0.01 × mean diag(H)");
    // `tiedScalesApply` false says that tied scales do not concern the layer.
    static QString describe(const LayerQuantConfig& config,
                            std::optional<bool> tiedScalesApply = std::nullopt);
};

} // namespace qb
