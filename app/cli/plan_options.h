#pragma once

#include "app/cli/cli_command.h"
#include "core/quant/quant_plan.h"

#include <QCommandLineOption>

namespace qb::cli {

// The options that describe a quantization plan, shared by the commands that take one
// (quantize, eval): --method, --bits, --group, --sym/--asym and --recipe. The recipe's plan (or
// the built-in default) comes first; the explicit flags then override its default settings.
class PlanOptions {
public:
    PlanOptions();

    void addTo(CommandLine& line) const;
    // Whether any plan option was given.
    bool isGiven(const CommandLine& line) const;
    // The plan the options describe. Throws UsageError for bad values (checked before any file
    // is read) and Error for a recipe that cannot be read.
    QuantPlan build(const CommandLine& line) const;

    static QStringList methodKeys();

private:
    QCommandLineOption m_method;
    QCommandLineOption m_bits;
    QCommandLineOption m_group;
    QCommandLineOption m_sym;
    QCommandLineOption m_asym;
    QCommandLineOption m_recipe;
};

// "channel", "tensor" or the number of columns of a group-size code, for tables.
QString groupSizeLabel(int groupSizeCode);

} // namespace qb::cli
