#include "app/cli/report_table.h"

#include "app/cli/cli_command.h"
#include "app/cli/plan_options.h"
#include "core/quant/quant_report.h"

#include <QLocale>

#include <cmath>

namespace qb::cli {

namespace {

// A number for the table, or "-" when there is none.
QString metric(bool available, double value, char format, int precision)
{
    return available ? QLocale().toString(value, format, precision) : QStringLiteral("-");
}

} // namespace

QString quantReportTable(const QuantReport& report)
{
    const QString dash = QStringLiteral("-");
    TextTable table;
    table.addColumn(Cli::tr("Layer"));
    table.addColumn(Cli::tr("Method"));
    table.addColumn(Cli::tr("Bits"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Group"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Weight MSE"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Output MSE"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Output rel. error"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Output SQNR dB"), TextTable::Align::Right);
    table.addColumn(Cli::tr("Status"));
    for (const LayerReport& layer : report.layers) {
        const bool quantizing = layer.config.method != QuantMethod::None;
        const bool measured = layer.status == LayerStatus::Quantized;
        const bool output = measured && layer.output.rows > 0;
        const QuantScheme scheme = layer.config.weightScheme();
        table.addRow({
            layer.name,
            methodDisplayName(layer.config.method),
            quantizing ? QString::number(scheme.bits) : dash,
            quantizing ? groupSizeLabel(scheme.groupSizeCode()) : dash,
            metric(measured, layer.metrics.mse, 'e', 3),
            metric(output, layer.output.mse, 'e', 3),
            metric(output, layer.output.relativeError, 'f', 4),
            !output                              ? dash
            : std::isfinite(layer.output.sqnrDb) ? QLocale().toString(layer.output.sqnrDb, 'f', 1)
                                                 : QStringLiteral("inf"),
            layerStatusDisplayName(layer.status),
        });
    }
    return table.toString() + QLatin1Char('\n')
           + Cli::tr("%n layer(s): %1 quantized, %2 kept, %3 skipped in %4 s", nullptr,
                     static_cast<int>(report.layers.size()))
                 .arg(report.countWithStatus(LayerStatus::Quantized))
                 .arg(report.countWithStatus(LayerStatus::Kept))
                 .arg(report.countWithStatus(LayerStatus::Skipped))
                 .arg(QLocale().toString(report.seconds, 'f', 2))
           + QLatin1Char('\n');
}

} // namespace qb::cli
