#include "app/cli/plan_options.h"

#include <optional>

namespace qb::cli {

int parseGroupSizeCode(const QString& text)
{
    if (text == QLatin1String("channel"))
        return QuantScheme::kPerChannel;
    if (text == QLatin1String("tensor"))
        return QuantScheme::kPerTensor;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < QuantScheme::kPerChannel)
        throw UsageError(Cli::tr("--group must be a positive number of columns, -1 or 'channel' "
                                 "(per channel), 0 or 'tensor' (per tensor), not '%1'")
                             .arg(text));
    return value;
}

QString groupSizeLabel(int code)
{
    if (code == QuantScheme::kPerChannel)
        return Cli::tr("channel");
    if (code == QuantScheme::kPerTensor)
        return Cli::tr("tensor");
    return QString::number(code);
}

QStringList PlanOptions::methodKeys()
{
    QStringList keys;
    for (QuantMethod method : allMethods())
        keys << methodKey(method);
    return keys;
}

PlanOptions::PlanOptions(Recipe recipe)
    : m_recipeAccepted(recipe)
    , m_method(QStringLiteral("method"),
               Cli::tr("Quantization method: %1 ('none' keeps full precision).")
                   .arg(methodKeys().join(QStringLiteral(", "))),
               QStringLiteral("METHOD"))
    , m_bits(QStringLiteral("bits"),
             Cli::tr("Bits per weight, %1 to %2 (default 4).")
                 .arg(QuantScheme::kMinBits)
                 .arg(QuantScheme::kMaxBits),
             QStringLiteral("N"))
    , m_group(QStringLiteral("group"),
              Cli::tr("Input columns sharing a scale: a positive number, -1 or 'channel' for one "
                      "per output channel, 0 or 'tensor' for one per tensor (default 128)."),
              QStringLiteral("G"))
    , m_sym(QStringLiteral("sym"), Cli::tr("Symmetric grid (zero point fixed at the middle code)."))
    , m_asym(QStringLiteral("asym"), Cli::tr("Asymmetric grid with a zero point (the default)."))
    , m_actOrder(QStringLiteral("act-order"),
                 Cli::tr("GPTQ: quantize the columns in descending order of their Hessian "
                         "diagonal."))
    , m_staticGroups(QStringLiteral("static-groups"),
                     Cli::tr("GPTQ with --act-order: compute the group parameters up front, in "
                             "column order."))
    , m_damp(QStringLiteral("damp"),
             Cli::tr("GPTQ: damping added to the Hessian diagonal, as a fraction of its mean "
                     "(default 0.01)."),
             QStringLiteral("D"))
    , m_alpha(QStringLiteral("alpha"),
              Cli::tr("SmoothQuant and --smooth: migration strength from 0 to 1 (default 0.5)."),
              QStringLiteral("A"))
    , m_clipSearch(QStringLiteral("clip-search"),
                   Cli::tr("RTN: search each group's clipping range against the layer's inputs."))
    , m_smooth(QStringLiteral("smooth"),
               Cli::tr("RTN, GPTQ: apply SmoothQuant's smoothing (--alpha) before quantizing."))
    , m_untiedScales(QStringLiteral("untied-scales"),
                     Cli::tr("AWQ: leave o_proj unscaled under grouped-query attention, as "
                             "llm-awq does (the default scales it with one scale per key/value "
                             "head channel, folded into v_proj)."))
    , m_recipe(QStringLiteral("recipe"),
               Cli::tr("Read the plan (a default and per-layer overrides) from this recipe JSON "
                       "file."),
               QStringLiteral("FILE"))
{
}

std::vector<const QCommandLineOption*> PlanOptions::options() const
{
    std::vector<const QCommandLineOption*> list{
        &m_method,       &m_bits, &m_group, &m_sym,        &m_asym,   &m_actOrder,
        &m_staticGroups, &m_damp, &m_alpha, &m_clipSearch, &m_smooth, &m_untiedScales};
    if (m_recipeAccepted == Recipe::Accepted)
        list.push_back(&m_recipe);
    return list;
}

void PlanOptions::addTo(CommandLine& line) const
{
    for (const QCommandLineOption* option : options())
        line.addOption(*option);
}

bool PlanOptions::isGiven(const CommandLine& line) const
{
    return !givenOptions(line).isEmpty();
}

QStringList PlanOptions::givenOptions(const CommandLine& line) const
{
    QStringList given;
    for (const QCommandLineOption* option : options()) {
        if (line.isSet(*option))
            given << QStringLiteral("--") + option->names().constFirst();
    }
    return given;
}

QuantPlan PlanOptions::build(const CommandLine& line) const
{
    auto isSet = [&](const QCommandLineOption& option) { return line.isSet(option); };
    auto value = [&](const QCommandLineOption& option) { return line.value(option); };

    // Every check of the command line comes before any file is read.
    if (isSet(m_sym) && isSet(m_asym))
        throw UsageError(Cli::tr("--sym and --asym exclude each other"));
    std::optional<QuantMethod> method;
    if (isSet(m_method)) {
        method = methodFromKey(value(m_method));
        if (!method)
            throw UsageError(Cli::tr("--method must be one of %1, not '%2'")
                                 .arg(methodKeys().join(QStringLiteral(", ")), value(m_method)));
    }
    const int bits = isSet(m_bits) ? intOption(line, QStringLiteral("bits"), QuantScheme::kMinBits,
                                               QuantScheme::kMaxBits)
                                   : 0;
    const int group = isSet(m_group) ? parseGroupSizeCode(value(m_group)) : 0;
    const double damp = isSet(m_damp) ? doubleOption(line, QStringLiteral("damp"), 0.0, 10.0) : 0.0;
    if (isSet(m_damp) && damp == 0.0)
        throw UsageError(Cli::tr("--damp must be above 0: without damping a singular Hessian "
                                 "cannot be inverted"));
    const double alpha =
        isSet(m_alpha) ? doubleOption(line, QStringLiteral("alpha"), 0.0, 1.0) : 0.0;

    const bool readRecipe = m_recipeAccepted == Recipe::Accepted && isSet(m_recipe);
    QuantPlan plan = readRecipe ? QuantPlan::fromFile(value(m_recipe)) : QuantPlan{};
    if (method)
        plan.defaults.method = *method;
    const QuantScheme current = plan.defaults.scheme;
    plan.defaults.scheme = QuantScheme::fromGroupSizeCode(
        isSet(m_bits) ? bits : current.bits,
        isSet(m_sym) || isSet(m_asym) ? isSet(m_sym) : current.symmetric,
        isSet(m_group) ? group : current.groupSizeCode());
    LayerQuantConfig& defaults = plan.defaults;
    if (isSet(m_actOrder))
        defaults.actOrder = true;
    if (isSet(m_staticGroups))
        defaults.staticGroups = true;
    if (isSet(m_damp))
        defaults.damp = damp;
    if (isSet(m_alpha))
        defaults.alpha = alpha;
    if (isSet(m_clipSearch))
        defaults.clipSearch = true;
    if (isSet(m_smooth))
        defaults.smooth = true;
    if (isSet(m_untiedScales))
        defaults.tiedScales = false;
    return plan;
}

} // namespace qb::cli
