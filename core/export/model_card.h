#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace qb {

struct EvaluationResult;
struct QuantizedModel;

// What the caller of an export measured and wants on the model card; nothing is invented: a
// perplexity not given is written as "not measured".
struct ModelCardFacts {
    std::optional<double> perplexityBefore; // the unquantized model's
    std::optional<double> perplexityAfter;  // the quantized model's, as evaluated in QuantBench
    std::optional<double> meanKl;           // of the quantized model from the original, nats/token
    std::optional<double> sameTopToken;     // fraction of positions with the same top token
    QString evaluationText;                 // what the perplexities were measured on

    // The perplexities of `result` (the quantized model's, its KL and same-top fraction only when
    // it scored one), measured on the text at `textPath` (named by its file name).
    static ModelCardFacts of(const EvaluationResult& result, const QString& textPath);
};

// The README.md every export writes beside its weights: the source model, the format, the
// mixture (per method, bits, group and symmetry: how many layers and which), the average bits
// per weight of the quantizable linear layers (QuantReport::averageBitsPerWeight), the
// perplexities when measured, and the export's limitations.
class ModelCard {
    Q_DECLARE_TR_FUNCTIONS(ModelCard)

public:
    static constexpr const char* kFileName = "README.md";

    static QString text(const QuantizedModel& quantized, const QStringList& limitations,
                        const ModelCardFacts& facts, const QString& formatName);
    // Writes text() to `path`. Throws Error naming the file on failure.
    static void write(const QString& path, const QuantizedModel& quantized,
                      const QStringList& limitations, const ModelCardFacts& facts,
                      const QString& formatName);
};

} // namespace qb
