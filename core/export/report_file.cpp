#include "core/export/report_file.h"

#include "core/io/json_file.h"
#include "core/quant/quant_report.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

// Styles for screen and print; the bar's width is set per row.
constexpr auto kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin-top: 1.6em; }
.sub { color: #666; margin-top: 0; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.summary th { background: none; position: static; font-weight: 600; }
tr.kept td, tr.not_run td { color: #888; }
tr.skipped td { background: #fff4e5; }
.track { display: inline-block; width: 80px; text-align: left; margin-right: 0.4em; }
.bar { display: inline-block; height: 0.7em; background: #4e79a7; vertical-align: middle; }
.warning { background: #fff4e5; border-left: 4px solid #e8a33d; padding: 0.5em 0.8em; }
pre { background: #f6f6f6; padding: 0.8em; font-size: 0.85em; overflow-x: auto; }
)";

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString summaryRow(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(escaped(label), valueHtml);
}

} // namespace

ReportFile::Format ReportFile::formatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    return Format::Json;
}

QByteArray ReportFile::html(const QuantReport& report, const ModelCardFacts& facts)
{
    const QLocale locale;
    const QString dash = QStringLiteral("–");
    const QString modelName = QFileInfo(report.modelDirectory).fileName();
    const QString title = tr("%1: quantization report").arg(modelName);

    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"generator\" content=\"QuantBench %2\">\n"
                           "<title>%3</title>\n<style>%4</style>\n</head>\n<body>\n")
                .arg(escaped(locale.bcp47Name()), escaped(QCoreApplication::applicationVersion()),
                     escaped(title), QLatin1String(kStyle));
    page +=
        QStringLiteral("<h1>%1</h1>\n<p class=\"sub\">%2</p>\n")
            .arg(
                escaped(title),
                escaped(tr("Made with QuantBench %1").arg(QCoreApplication::applicationVersion())));
    if (!report.complete)
        page += QStringLiteral("<p class=\"warning\">%1</p>\n")
                    .arg(escaped(tr("The run was cancelled: the layers it did not reach are in "
                                    "full precision.")));
    for (const QString& warning : report.runWarnings())
        page += QStringLiteral("<p class=\"warning\">%1</p>\n").arg(escaped(warning));

    // ---- summary
    page += QStringLiteral("<table class=\"summary\">\n");
    page += summaryRow(tr("Model"), escaped(QDir::toNativeSeparators(report.modelDirectory)));
    page += summaryRow(tr("Plan"), escaped(report.plan.describe()));
    const CalibrationUse& calibration = report.calibration;
    page +=
        summaryRow(tr("Calibration"),
                   escaped(calibration.fitWindows == 0
                               ? tr("none (no output errors measured)")
                               : tr("%n window(s) (%1 tokens) fitted on, %2 held out (%3 tokens)",
                                    nullptr, calibration.fitWindows)
                                     .arg(locale.toString(qlonglong(calibration.fitTokens)),
                                          locale.toString(calibration.heldOutWindows),
                                          locale.toString(qlonglong(calibration.heldOutTokens)))));
    QString device = report.compute.device;
    if (!report.compute.fallbackReason.isEmpty())
        device += QStringLiteral(" — ") + report.compute.fallbackReason;
    page += summaryRow(tr("Device"), escaped(device));
    page +=
        summaryRow(tr("Time"), escaped(tr("%1 s").arg(locale.toString(report.seconds, 'f', 2))));
    page += summaryRow(tr("Layers"),
                       escaped(tr("%1 in all: %2 quantized, %3 kept, %4 skipped, %5 not run")
                                   .arg(report.layers.size())
                                   .arg(report.countWithStatus(LayerStatus::Quantized))
                                   .arg(report.countWithStatus(LayerStatus::Kept))
                                   .arg(report.countWithStatus(LayerStatus::Skipped))
                                   .arg(report.countWithStatus(LayerStatus::NotRun))));
    page += summaryRow(tr("Average bits per weight"),
                       escaped(tr("%1 (each group's fp16 scale and zero point counted)")
                                   .arg(locale.toString(report.averageBitsPerWeight(), 'f', 3))));
    if (facts.perplexityBefore && facts.perplexityAfter) {
        const double before = *facts.perplexityBefore;
        const double after = *facts.perplexityAfter;
        QString text = tr("%1 before, %2 after quantization (%3 %)")
                           .arg(locale.toString(before, 'f', 4), locale.toString(after, 'f', 4),
                                locale.toString(100.0 * (after - before) / before, 'f', 2));
        if (!facts.evaluationText.isEmpty())
            text += QStringLiteral(" — ") + tr("on %1").arg(facts.evaluationText);
        page += summaryRow(tr("Perplexity"), escaped(text));
        if (facts.meanKl && facts.sameTopToken)
            page += summaryRow(
                tr("Next-token agreement"),
                escaped(
                    tr("mean KL divergence %1 nats per token; the same most probable next token "
                       "at %2 % of the positions")
                        .arg(locale.toString(*facts.meanKl, 'f', 5),
                             locale.toString(*facts.sameTopToken * 100.0, 'f', 1))));
    } else {
        page += summaryRow(tr("Perplexity"), escaped(tr("not measured")));
    }
    page += QStringLiteral("</table>\n");

    // ---- layers
    double largestError = 0.0;
    for (const LayerReport& layer : report.layers) {
        if (layer.status == LayerStatus::Quantized && layer.output.rows > 0
            && std::isfinite(layer.output.relativeError))
            largestError = std::max(largestError, layer.output.relativeError);
    }
    page += QStringLiteral("<h2>%1</h2>\n").arg(escaped(tr("Layers")));
    page += QStringLiteral("<p class=\"sub\">%1</p>\n")
                .arg(escaped(tr("Output errors are measured on the held-out calibration rows (on "
                                "the fitting rows when none were held out); the bar is the "
                                "relative error against the largest one.")));
    page += QStringLiteral("<table class=\"layers\">\n<thead><tr>");
    for (const QString& header :
         {tr("Layer"), tr("Shape"), tr("Method"), tr("Bits"), tr("Group"), tr("Grid"),
          tr("Output rel. error"), tr("Output MSE"), tr("Output SQNR dB"), tr("Weight rel. error"),
          tr("Time ms"), tr("Damping"), tr("Status"), tr("Notes")})
        page += QStringLiteral("<th>%1</th>").arg(escaped(header));
    page += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const LayerReport& layer : report.layers) {
        const bool quantized = layer.status == LayerStatus::Quantized;
        const bool output = quantized && layer.output.rows > 0;
        const QuantScheme scheme = layer.config.weightScheme();
        const bool usesGrid = layer.config.method != QuantMethod::None;
        QString errorCell = dash;
        if (output) {
            const double share = largestError > 0.0 && std::isfinite(layer.output.relativeError)
                                     ? layer.output.relativeError / largestError
                                     : 0.0;
            errorCell = QStringLiteral("<span class=\"track\"><span class=\"bar\" "
                                       "style=\"width:%1px\"></span></span>%2")
                            .arg(qRound(80.0 * share))
                            .arg(locale.toString(layer.output.relativeError, 'f', 4));
        }
        QString notes = layer.note;
        if (!layer.details.isEmpty())
            notes += (notes.isEmpty() ? QString() : QStringLiteral(" ")) + layer.details;
        const auto cell = [](const QString& html, bool numeric = false) {
            return numeric ? QStringLiteral("<td class=\"num\">%1</td>").arg(html)
                           : QStringLiteral("<td>%1</td>").arg(html);
        };
        QString row = QStringLiteral("<tr class=\"%1\">").arg(layerStatusKey(layer.status));
        row += cell(escaped(layer.name));
        row += cell(QStringLiteral("%1 × %2").arg(layer.outFeatures).arg(layer.inFeatures), true);
        row += cell(escaped(methodDisplayName(layer.config.method)));
        row += cell(usesGrid ? QString::number(scheme.bits) : dash, true);
        row += cell(usesGrid ? escaped(scheme.groupText()) : dash, true);
        row += cell(usesGrid ? escaped(scheme.symmetric ? tr("sym") : tr("asym")) : dash);
        row += cell(errorCell, true);
        row += cell(output ? locale.toString(layer.output.mse, 'e', 3) : dash, true);
        row +=
            cell(!output                              ? dash
                 : std::isfinite(layer.output.sqnrDb) ? locale.toString(layer.output.sqnrDb, 'f', 1)
                                                      : QStringLiteral("∞"),
                 true);
        row += cell(quantized ? locale.toString(layer.metrics.relativeError, 'f', 4) : dash, true);
        row += cell(quantized ? locale.toString(1000.0 * layer.seconds, 'f', 1) : dash, true);
        row += cell(quantized && layer.config.method == QuantMethod::Gptq
                        ? escaped(locale.toString(layer.dampingUsed, 'g', 3)
                                  + (layer.fellBackToRtn ? tr(", fell back to RTN") : QString()))
                        : dash,
                    true);
        row += cell(escaped(layerStatusDisplayName(layer.status)));
        row += cell(escaped(notes));
        page += row + QStringLiteral("</tr>\n");
    }
    page += QStringLiteral("</tbody>\n</table>\n");

    // ---- the plan as a recipe, to run it again (quantbench-cli quantize --recipe)
    page += QStringLiteral("<h2>%1</h2>\n<p class=\"sub\">%2</p>\n<pre>%3</pre>\n")
                .arg(escaped(tr("Recipe")),
                     escaped(tr("The plan of this run, as File › Save Plan… and quantbench-cli "
                                "quantize --recipe read it.")),
                     escaped(QString::fromUtf8(
                         QJsonDocument(report.plan.toJson()).toJson(QJsonDocument::Indented))));
    page += QStringLiteral("</body>\n</html>\n");
    return page.toUtf8();
}

void ReportFile::write(const QString& path, const QuantReport& report, const ModelCardFacts& facts)
{
    switch (formatOf(path)) {
    case Format::Html:
        JsonFile::writeBytes(path, html(report, facts));
        return;
    case Format::Csv:
        JsonFile::writeBytes(path, report.toCsv());
        return;
    case Format::Json:
        JsonFile::write(path, report.toJson());
        return;
    }
}

} // namespace qb
