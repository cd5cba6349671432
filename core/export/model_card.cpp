#include "core/export/model_card.h"

#include "core/io/json_file.h"
#include "core/metrics/perplexity.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantized_model.h"

#include <QFileInfo>
#include <QLocale>

#include <map>
#include <tuple>

namespace qb {

namespace {

// Which layers a mixture row holds, short enough for a table cell: "all", one layer's name, or
// the roles ("down_proj" for every block's, "q_proj (blocks 0, 3)" for some). The full
// per-layer list is in the report beside the card.
QString whichLayers(const QStringList& names, const LoadedModel& model)
{
    const LayerInventory& inventory = model.inventory();
    if (names.size() == static_cast<qsizetype>(inventory.layers().size()))
        return ModelCard::tr("all");
    if (names.size() == 1)
        return names.front();
    QStringList roles; // in the order they first appear
    std::map<QString, QStringList> blocksOf;
    for (const QString& name : names) {
        const LinearLayer* layer = inventory.find(name);
        const QString role = layer ? roleName(layer->role) : name;
        if (!blocksOf.count(role))
            roles << role;
        QStringList& blocks = blocksOf[role];
        if (layer && layer->block >= 0)
            blocks << QString::number(layer->block);
    }
    QStringList parts;
    for (const QString& role : roles) {
        const QStringList& blocks = blocksOf[role];
        if (blocks.isEmpty() || blocks.size() == model.spec().numHiddenLayers)
            parts << role;
        else
            parts << ModelCard::tr("%1 (blocks %2)").arg(role, blocks.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

ModelCardFacts ModelCardFacts::of(const EvaluationResult& result, const QString& textPath)
{
    ModelCardFacts facts;
    facts.perplexityBefore = result.reference.perplexity();
    if (result.modified) {
        facts.perplexityAfter = result.modified->perplexity();
        facts.meanKl = result.meanKl;
        facts.sameTopToken = result.sameTopToken;
    }
    facts.evaluationText = QFileInfo(textPath).fileName();
    return facts;
}

QString ModelCard::text(const QuantizedModel& quantized, const QStringList& limitations,
                        const ModelCardFacts& facts, const QString& formatName)
{
    const QLocale locale = QLocale::c(); // a model card is read on the hub: one notation
    const QString modelName = QFileInfo(quantized.model->directory()).fileName();
    QString md;
    md += QStringLiteral("# %1 (%2)\n\n").arg(modelName, formatName);
    md += tr("Quantized with QuantBench %1 from `%2`.")
              .arg(QCoreApplication::applicationVersion(), modelName)
          + QStringLiteral("\n\n");

    // Mixture: method, bits, group, symmetry → layers.
    std::map<std::tuple<QString, int, QString, bool>, QStringList> mixture;
    QStringList kept;
    for (const LinearLayer& layer : quantized.model->inventory().layers()) {
        const QuantizedLayer* q = quantized.find(layer.name);
        if (!q) {
            kept << layer.name;
            continue;
        }
        const QuantScheme& scheme = q->tensor.scheme;
        mixture[{methodDisplayName(q->config.method), scheme.bits, scheme.groupText(),
                 scheme.symmetric}]
            << layer.name;
    }
    md += QStringLiteral("## ") + tr("Mixture") + QStringLiteral("\n\n");
    md +=
        QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n|---|---|---|---|---|---|\n")
            .arg(tr("Method"), tr("Bits"), tr("Group"), tr("Symmetric"), tr("Layers"), tr("Which"));
    for (const auto& [key, layers] : mixture) {
        const auto& [method, bits, group, symmetric] = key;
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                  .arg(method)
                  .arg(bits)
                  .arg(group, symmetric ? tr("yes") : tr("no"))
                  .arg(layers.size())
                  .arg(whichLayers(layers, *quantized.model));
    }
    if (!kept.isEmpty())
        md += QStringLiteral("| %1 | - | - | - | %2 | %3 |\n")
                  .arg(tr("kept"))
                  .arg(kept.size())
                  .arg(whichLayers(kept, *quantized.model));
    md += QLatin1Char('\n')
          + tr("Average bits per weight of the quantizable linear layers: %1 (each group's fp16 "
               "scale and b-bit zero point counted: b + (16 + b) / g bits per weight for groups "
               "of g).")
                .arg(locale.toString(quantized.report.averageBitsPerWeight(), 'f', 3))
          + QStringLiteral("\n\n");

    md += QStringLiteral("## ") + tr("Perplexity") + QStringLiteral("\n\n");
    auto ppl = [&](const std::optional<double>& value) {
        return value ? locale.toString(*value, 'f', 4) : tr("not measured");
    };
    md += QStringLiteral("- %1: %2\n- %3: %4\n")
              .arg(tr("before quantization"), ppl(facts.perplexityBefore), tr("after quantization"),
                   ppl(facts.perplexityAfter));
    if (facts.meanKl)
        md += QStringLiteral("- %1: %2\n")
                  .arg(tr("mean KL divergence from the original model (nats per token)"),
                       locale.toString(*facts.meanKl, 'f', 5));
    if (facts.sameTopToken)
        md += QStringLiteral("- %1: %2 %\n")
                  .arg(tr("positions where the most probable next token is the original model's"),
                       locale.toString(*facts.sameTopToken * 100.0, 'f', 1));
    if (!facts.evaluationText.isEmpty())
        md += QStringLiteral("- %1: %2\n").arg(tr("evaluation text"), facts.evaluationText);
    md += QLatin1Char('\n');

    if (!limitations.isEmpty()) {
        md += QStringLiteral("## ") + tr("Limitations") + QStringLiteral("\n\n");
        for (const QString& limitation : limitations)
            md += QStringLiteral("- ") + limitation + QLatin1Char('\n');
        md += QLatin1Char('\n');
    }
    return md;
}

void ModelCard::write(const QString& path, const QuantizedModel& quantized,
                      const QStringList& limitations, const ModelCardFacts& facts,
                      const QString& formatName)
{
    JsonFile::writeBytes(path, text(quantized, limitations, facts, formatName).toUtf8());
}

} // namespace qb
