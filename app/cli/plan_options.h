#pragma once

#include "app/cli/cli_command.h"
#include "core/quant/quant_plan.h"

#include <QCommandLineOption>

#include <vector>

namespace qb::cli {

// The options that describe a quantization plan, shared by the commands that take one
// (quantize, eval, layer): --method, --bits, --group, --sym/--asym, the method settings
// (--act-order, --static-groups, --damp, --alpha, --clip-search, --smooth, --untied-scales) and
// --recipe. The
// recipe's plan (or the built-in default) comes first; the explicit flags then override its
// default settings.
class PlanOptions {
public:
    enum class Recipe { Accepted, NotAccepted }; // `layer` quantizes one layer: no recipe
    explicit PlanOptions(Recipe recipe = Recipe::Accepted);

    void addTo(CommandLine& line) const;
    // Whether any plan option was given.
    bool isGiven(const CommandLine& line) const;
    // The options of this set that were given, as typed ("--method", "--bits", …).
    QStringList givenOptions(const CommandLine& line) const;
    // The plan the options describe. Throws UsageError for bad values (checked before any file
    // is read) and Error for a recipe that cannot be read.
    QuantPlan build(const CommandLine& line) const;

    static QStringList methodKeys();

private:
    std::vector<const QCommandLineOption*> options() const;

    Recipe m_recipeAccepted;
    QCommandLineOption m_method;
    QCommandLineOption m_bits;
    QCommandLineOption m_group;
    QCommandLineOption m_sym;
    QCommandLineOption m_asym;
    QCommandLineOption m_actOrder;
    QCommandLineOption m_staticGroups;
    QCommandLineOption m_damp;
    QCommandLineOption m_alpha;
    QCommandLineOption m_clipSearch;
    QCommandLineOption m_smooth;
    QCommandLineOption m_untiedScales;
    QCommandLineOption m_recipe;
};

// --group's value as a group-size code (the recipe's group_size): G > 0 columns, -1 or "channel"
// per channel, 0 or "tensor" per tensor. Throws UsageError for anything else.
int parseGroupSizeCode(const QString& text);

// "channel", "tensor" or the number of columns of a group-size code, for tables.
QString groupSizeLabel(int groupSizeCode);

} // namespace qb::cli
