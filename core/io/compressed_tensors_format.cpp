#include "core/io/compressed_tensors_format.h"

#include "core/io/python_regex.h"

#include <QtGlobal>

#include <algorithm>

namespace qb {

void CompressedTensorsPacking::pack(std::span<const std::uint8_t> values, int bits,
                                    std::span<std::uint32_t> words)
{
    Q_ASSERT(readsBits(bits));
    Q_ASSERT(static_cast<std::int64_t>(words.size())
             == wordsFor(static_cast<std::int64_t>(values.size()), bits));
    const std::size_t perWord = static_cast<std::size_t>(valuesPerWord(bits));
    std::fill(words.begin(), words.end(), 0u);
    for (std::size_t j = 0; j < values.size(); ++j) {
        Q_ASSERT(values[j] < (1u << bits));
        words[j / perWord] |= std::uint32_t(values[j]) << (bits * static_cast<int>(j % perWord));
    }
}

void CompressedTensorsPacking::unpack(std::span<const std::uint32_t> words, int bits,
                                      std::span<std::uint8_t> values)
{
    Q_ASSERT(readsBits(bits));
    const std::size_t perWord = static_cast<std::size_t>(valuesPerWord(bits));
    Q_ASSERT(values.size() <= words.size() * perWord);
    const std::uint32_t mask = (1u << bits) - 1u;
    for (std::size_t j = 0; j < values.size(); ++j)
        values[j] = static_cast<std::uint8_t>(
            (words[j / perWord] >> (bits * static_cast<int>(j % perWord))) & mask);
}

CompressedTensorsTarget::CompressedTensorsTarget(const QString& target)
    : m_text(target)
{
    if (target.startsWith(QLatin1String(kRegexPrefix))) {
        m_kind = Match::Regex;
        m_regex = pythonReMatchRegex(target.mid(3));
    } else if (target == QLatin1String("Linear") || target == QLatin1String("LinearBase")) {
        m_kind = Match::Class;
    }
}

QString CompressedTensorsTarget::regexError() const
{
    return m_kind == Match::Regex && !m_regex.isValid() ? m_regex.errorString() : QString();
}

CompressedTensorsTarget::Match CompressedTensorsTarget::match(const QString& module) const
{
    switch (m_kind) {
    case Match::Name:
        return m_text == module ? Match::Name : Match::None;
    case Match::Regex:
        return m_regex.isValid() && m_regex.match(module).hasMatch() ? Match::Regex : Match::None;
    case Match::Class:
        return Match::Class;
    case Match::None:
        break;
    }
    return Match::None;
}

} // namespace qb
