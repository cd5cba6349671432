#pragma once

#include "core/quant/quant_scheme.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace qb {

class LayerInventory;

// What to do with a layer's weights.
enum class QuantMethod : std::uint8_t {
    None, // keep full precision
    Rtn,  // round to nearest on the min/max grid
};

QString methodKey(QuantMethod method); // "none", "rtn": the recipe spelling
std::optional<QuantMethod> methodFromKey(QStringView key);
QString methodDisplayName(QuantMethod method); // translated: "Keep", "RTN"
std::vector<QuantMethod> allMethods();

// The resolved settings of one layer.
struct LayerQuantConfig {
    QuantMethod method = QuantMethod::Rtn;
    QuantScheme scheme;

    QJsonObject toJson() const; // {"method", "bits", "group_size", "sym"}
    // For people: "RTN, 4-bit asymmetric, groups of 128" or "Keep".
    QString describe() const;
    friend bool operator==(const LayerQuantConfig& a, const LayerQuantConfig& b)
    {
        return a.method == b.method && (a.method == QuantMethod::None || a.scheme == b.scheme);
    }
};

// One override of a recipe: the fields it sets, for the layers its `match` selects (an exact
// module name, or with the "re:" prefix a regular expression that must match the whole name).
struct PlanOverride {
    QString match;
    std::optional<QuantMethod> method;
    std::optional<int> bits;
    std::optional<int> groupSizeCode; // G > 0, -1 per channel, 0 per tensor
    std::optional<bool> symmetric;

    bool isRegex() const { return match.startsWith(QLatin1String("re:")); }
    bool matches(const QString& layerName) const;
    void applyTo(LayerQuantConfig& config) const;

private:
    friend class QuantPlan;
    QRegularExpression m_regex; // compiled once for "re:" matches
};

// The per-layer quantization plan, stored as a recipe: default settings, then overrides applied
// in order, later ones winning field by field. JSON:
//   {"default": {"method": "rtn", "bits": 4, "group_size": 128, "sym": false},
//    "overrides": [{"match": "re:.*mlp\\.down_proj", "bits": 8},
//                  {"match": "model.layers.0.self_attn.q_proj", "method": "none"}]}
// A value type: copy it freely; the GUI keeps one per document and edits it through undo commands.
class QuantPlan {
    Q_DECLARE_TR_FUNCTIONS(QuantPlan)

public:
    LayerQuantConfig defaults;

    const std::vector<PlanOverride>& overrides() const { return m_overrides; }
    void addOverride(PlanOverride override); // throws Error on an invalid regular expression

    LayerQuantConfig resolve(const QString& layerName) const;
    // For people: the default settings and how many overrides follow them,
    // "RTN, 4-bit asymmetric, groups of 128 (+2 overrides)".
    QString describe() const;

    // Makes `layerName` resolve to `config` with an exact-name override placed last, holding only
    // the fields that differ from what the rest of the plan gives (none when nothing differs).
    void setLayerConfig(const QString& layerName, const LayerQuantConfig& config);

    QJsonObject toJson() const;
    // `source` names the recipe in messages. Throws Error on unknown fields, wrong types, values
    // out of range and invalid regular expressions.
    static QuantPlan fromJson(const QJsonObject& json, const QString& source);
    static QuantPlan fromFile(const QString& path);

    // Problems of this plan for a given model: overrides naming no layer, regular expressions
    // matching none. Empty when the plan fits the model.
    QStringList problemsFor(const LayerInventory& inventory) const;

private:
    std::vector<PlanOverride> m_overrides;
};

} // namespace qb
