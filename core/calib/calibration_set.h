#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace qb {

class LoadedModel;
class Tokenizer;

// How calibration text becomes token windows. The defaults are GPTQ's usual 128 samples of 512
// tokens, taken as documents (the golden data's protocol) so that every sample is real running
// text from its start.
struct CalibrationOptions {
    enum class Mode {
        Documents,     // each document as BOS + ids, cut to sequenceLength, in file order
        RandomWindows, // windows of exactly sequenceLength tokens at random places of the
                       // concatenated documents (each BOS + ids), drawn with `seed`
    };
    Mode mode = Mode::Documents;
    int samples = 128;        // documents or windows taken (fewer if the text has fewer documents)
    int sequenceLength = 512; // tokens per sample, BOS included
    std::uint64_t seed = 0;   // RandomWindows, and the row samples of the statistics
    // Input rows each site keeps, uniformly sampled, for the searches of AWQ and SmoothQuant.
    std::int64_t sampleRows = 8192;
    // Fraction of the windows (the last ones) kept out of the statistics the quantizers fit on,
    // to measure each quantized layer's output error on rows it has not seen. With a single
    // window there is nothing to hold out: errors are then measured on the fitting rows.
    double holdoutFraction = 0.1;

    static QString modeKey(Mode mode); // "documents", "random"
    static std::optional<Mode> modeFromKey(QStringView key);
    QJsonObject toJson() const;
    QString validationError() const; // empty when valid
};

class CalibrationSet {
    Q_DECLARE_TR_FUNCTIONS(CalibrationSet)

public:
    // The token windows of `documents` (see CalibrationOptions::Mode). Throws Error when the
    // options are invalid or the text is too short for them.
    static std::vector<std::vector<int>> build(const Tokenizer& tokenizer,
                                               const QStringList& documents,
                                               const CalibrationOptions& options);
    // The windows of the UTF-8 text file at `textPath` (TextDocuments::fromFile) as `model`'s
    // own tokenizer encodes it. Throws Error naming the file or the tokenizer when either cannot
    // be read, and as build() does.
    static std::vector<std::vector<int>> fromTextFile(const LoadedModel& model,
                                                      const QString& textPath,
                                                      const CalibrationOptions& options);
};

} // namespace qb
