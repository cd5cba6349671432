#include "core/calib/calibration_set.h"

#include "core/model/loaded_model.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"

#include <random>

namespace qb {

QString CalibrationOptions::modeKey(Mode mode)
{
    return mode == Mode::Documents ? QStringLiteral("documents") : QStringLiteral("random");
}

std::optional<CalibrationOptions::Mode> CalibrationOptions::modeFromKey(QStringView key)
{
    if (key == QLatin1String("documents"))
        return Mode::Documents;
    if (key == QLatin1String("random"))
        return Mode::RandomWindows;
    return std::nullopt;
}

QJsonObject CalibrationOptions::toJson() const
{
    return QJsonObject{{QStringLiteral("mode"), modeKey(mode)},
                       {QStringLiteral("samples"), samples},
                       {QStringLiteral("seqlen"), sequenceLength},
                       {QStringLiteral("seed"), qint64(seed)},
                       {QStringLiteral("sample_rows"), qint64(sampleRows)},
                       {QStringLiteral("holdout"), holdoutFraction}};
}

QString CalibrationOptions::validationError() const
{
    if (samples < 1)
        return CalibrationSet::tr("the number of calibration samples must be at least 1, not %1")
            .arg(samples);
    if (sequenceLength < 2)
        return CalibrationSet::tr(
                   "the calibration sequence length must be at least 2 tokens, not %1")
            .arg(sequenceLength);
    if (!(holdoutFraction >= 0.0 && holdoutFraction < 1.0))
        return CalibrationSet::tr("the held-out fraction must be from 0 up to (not including) 1, "
                                  "not %1")
            .arg(holdoutFraction);
    if (sampleRows < 0)
        return CalibrationSet::tr("the number of sampled rows must be 0 or more, not %1")
            .arg(sampleRows);
    return {};
}

std::vector<std::vector<int>> CalibrationSet::build(const Tokenizer& tokenizer,
                                                    const QStringList& documents,
                                                    const CalibrationOptions& options)
{
    const QString error = options.validationError();
    if (!error.isEmpty())
        throw Error(error);
    auto tokensOf = [&](const QString& document) {
        std::vector<int> ids;
        if (tokenizer.addsBos())
            ids.push_back(*tokenizer.bosId());
        const std::vector<int> encoded = tokenizer.encode(document);
        ids.insert(ids.end(), encoded.begin(), encoded.end());
        return ids;
    };

    std::vector<std::vector<int>> windows;
    if (options.mode == CalibrationOptions::Mode::Documents) {
        for (const QString& document : documents) {
            if (static_cast<int>(windows.size()) == options.samples)
                break;
            std::vector<int> ids = tokensOf(document);
            if (static_cast<int>(ids.size()) > options.sequenceLength)
                ids.resize(static_cast<std::size_t>(options.sequenceLength));
            if (ids.size() >= 2) // a lone BOS says nothing about the model's inputs
                windows.push_back(std::move(ids));
        }
        if (windows.empty())
            throw Error(tr("the calibration text holds no document of two tokens or more"));
        return windows;
    }

    std::vector<int> stream;
    for (const QString& document : documents) {
        const std::vector<int> ids = tokensOf(document);
        stream.insert(stream.end(), ids.begin(), ids.end());
    }
    const auto length = static_cast<std::int64_t>(options.sequenceLength);
    if (static_cast<std::int64_t>(stream.size()) < length)
        throw Error(tr("the calibration text has %1 tokens, fewer than one window of %2")
                        .arg(stream.size())
                        .arg(length));
    // mt19937_64 is specified exactly by the standard, so the windows are the same everywhere.
    std::mt19937_64 random(options.seed);
    const auto starts =
        static_cast<std::uint64_t>(stream.size()) - static_cast<std::uint64_t>(length) + 1;
    for (int i = 0; i < options.samples; ++i) {
        const auto start = static_cast<std::int64_t>(random() % starts);
        windows.emplace_back(stream.begin() + start, stream.begin() + start + length);
    }
    return windows;
}

std::vector<std::vector<int>> CalibrationSet::fromTextFile(const LoadedModel& model,
                                                           const QString& textPath,
                                                           const CalibrationOptions& options)
{
    const auto tokenizer = Tokenizer::load(model.directory(), model.spec());
    return build(*tokenizer, TextDocuments::fromFile(textPath), options);
}

} // namespace qb
