// tokenizer.json (Hugging Face `tokenizers`) with a BPE model, written from the format: the
// pipeline is added-token split → normalizers → pre-tokenizers → BPE per pre-token, and decoding
// runs the decoders over the pieces. Each stage follows what the reference library does,
// including its quirks, because a model was trained on exactly those ids.

#include "core/tokenizer/hf_tokenizer.h"

#include "core/io/json_file.h"
#include "core/util/error.h"
#include "core/util/json_text.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <mutex>
#include <shared_mutex>
#include <tuple>
#include <utility>

namespace qb {

namespace {

// ---------------------------------------------------------------------------------------------
// Text helpers

constexpr char32_t kReplacementCharacter = 0xFFFD;

// The code point starting at `i` and how many UTF-16 units it takes. An unpaired surrogate (only
// possible in a QString built by hand) reads as U+FFFD, as it would after a UTF-8 round trip.
std::pair<char32_t, int> codePointAt(const QString& s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, s.at(i + 1)), 2};
    if (c.isSurrogate())
        return {kReplacementCharacter, 1};
    return {c.unicode(), 1};
}

// The code point that ends just before `i` (i > 0).
char32_t codePointBefore(const QString& s, qsizetype i)
{
    const QChar c = s.at(i - 1);
    if (c.isLowSurrogate() && i >= 2 && s.at(i - 2).isHighSurrogate())
        return QChar::surrogateToUcs4(s.at(i - 2), c);
    if (c.isSurrogate())
        return kReplacementCharacter;
    return c.unicode();
}

// Not QString::fromUcs4, which would take U+FEFF for a byte order mark and drop it.
QString fromCodePoint(char32_t cp)
{
    if (cp < 0x10000)
        return QString(QChar(char16_t(cp)));
    const QChar pair[2] = {QChar(QChar::highSurrogate(cp)), QChar(QChar::lowSurrogate(cp))};
    return QString(pair, 2);
}

// The UTF-8 bytes of one code point; returns how many were written.
int encodeUtf8(char32_t cp, std::array<std::uint8_t, 4>& out)
{
    if (cp < 0x80) {
        out[0] = static_cast<std::uint8_t>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<std::uint8_t>(0xC0 | (cp >> 6));
        out[1] = static_cast<std::uint8_t>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<std::uint8_t>(0xE0 | (cp >> 12));
        out[1] = static_cast<std::uint8_t>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<std::uint8_t>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<std::uint8_t>(0xF0 | (cp >> 18));
    out[1] = static_cast<std::uint8_t>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<std::uint8_t>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<std::uint8_t>(0x80 | (cp & 0x3F));
    return 4;
}

// UTF-8 → QString with every maximal invalid subsequence replaced by one U+FFFD (the Unicode
// "substitution of maximal subparts" that Rust's String::from_utf8_lossy implements; QString's
// own decoder counts replacements differently). `valid` tells whether nothing was replaced.
QString decodeUtf8Lossy(const QByteArray& bytes, bool* valid = nullptr)
{
    QString out;
    out.reserve(bytes.size());
    bool clean = true;
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    auto byteAt = [&](qsizetype k) { return static_cast<std::uint8_t>(bytes.at(k)); };
    while (i < n) {
        const std::uint8_t b0 = byteAt(i);
        if (b0 < 0x80) {
            out.append(QChar(char16_t(b0)));
            ++i;
            continue;
        }
        int length = 0;
        std::uint8_t lo = 0x80;
        std::uint8_t hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            if (b0 == 0xE0)
                lo = 0xA0; // no overlong forms
            else if (b0 == 0xED)
                hi = 0x9F; // no surrogates
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            if (b0 == 0xF0)
                lo = 0x90;
            else if (b0 == 0xF4)
                hi = 0x8F; // nothing above U+10FFFF
        }
        if (length == 0) {
            out.append(QChar(char16_t(kReplacementCharacter)));
            clean = false;
            ++i;
            continue;
        }
        char32_t cp = b0 & (0xFF >> (length + 1));
        int consumed = 1;
        bool ok = true;
        for (; consumed < length; ++consumed) {
            if (i + consumed >= n) {
                ok = false;
                break;
            }
            const std::uint8_t b = byteAt(i + consumed);
            const std::uint8_t low = consumed == 1 ? lo : 0x80;
            const std::uint8_t high = consumed == 1 ? hi : 0xBF;
            if (b < low || b > high) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (!ok) {
            out.append(QChar(char16_t(kReplacementCharacter)));
            clean = false;
            i += consumed;
            continue;
        }
        out.append(fromCodePoint(cp));
        i += length;
    }
    if (valid)
        *valid = clean;
    return out;
}

// GPT-2's reversible byte ↔ printable character table: printable Latin-1 bytes stand for
// themselves, the other 68 bytes are mapped in order to U+0100…U+0143, so every byte string is a
// string of visible characters ("Ġ" = U+0120 is the space, byte 32).
struct ByteLevelTable {
    std::array<char16_t, 256> byteToChar{};
    std::array<std::int16_t, 0x144> charToByte{};

    ByteLevelTable()
    {
        charToByte.fill(-1);
        char16_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const bool printable =
                (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            byteToChar[b] = printable ? char16_t(b) : next++;
            charToByte[byteToChar[b]] = static_cast<std::int16_t>(b);
        }
    }
};

const ByteLevelTable& byteLevelTable()
{
    static const ByteLevelTable table;
    return table;
}

QString byteLevelEncode(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    const auto& table = byteLevelTable();
    QString out(utf8.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < utf8.size(); ++i)
        out[i] = QChar(table.byteToChar[static_cast<std::uint8_t>(utf8.at(i))]);
    return out;
}

// The token's bytes when every character is in the byte table; otherwise its UTF-8 as is (the
// library's rule, so that an added token like "[PA D]" decodes to itself).
void appendByteLevelBytes(const QString& token, QByteArray& out)
{
    const auto& table = byteLevelTable();
    const qsizetype start = out.size();
    for (QChar c : token) {
        const char16_t u = c.unicode();
        if (u >= table.charToByte.size() || table.charToByte[u] < 0) {
            out.truncate(start);
            out.append(token.toUtf8());
            return;
        }
        out.append(static_cast<char>(table.charToByte[u]));
    }
}

// Rust's regex `\w` (Unicode word characters), which the library uses for single_word added
// tokens and the Whitespace pre-tokenizer. PCRE2's own \w lacks marks and join controls.
const QString& wordClass()
{
    static const QString cls =
        QStringLiteral("[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\x{200C}\\x{200D}]");
    return cls;
}

bool isWordChar(char32_t cp)
{
    static const QRegularExpression re = [] {
        QRegularExpression r(QStringLiteral("^") + wordClass() + QStringLiteral("$"),
                             QRegularExpression::UseUnicodePropertiesOption);
        r.optimize(); // compiled once, before any thread shares it
        return r;
    }();
    return re.match(fromCodePoint(cp)).hasMatch();
}

// char::is_whitespace (White_Space) = QChar::isSpace for every code point; none is astral.
bool isWhitespace(QChar c)
{
    return c.isSpace();
}

// ---------------------------------------------------------------------------------------------
// Pipeline pieces

// {"String": "…"} (a literal; empty matches nothing) or {"Regex": "…"}.
struct Pattern {
    QString literal;
    std::optional<QRegularExpression> regex;

    // Non-overlapping matches, left to right, as [start, end) in UTF-16 units.
    std::vector<std::pair<qsizetype, qsizetype>> matches(const QString& text) const
    {
        std::vector<std::pair<qsizetype, qsizetype>> found;
        if (regex) {
            QRegularExpressionMatchIterator it = regex->globalMatch(text);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                found.emplace_back(m.capturedStart(), m.capturedEnd());
            }
        } else if (!literal.isEmpty()) {
            qsizetype from = 0;
            while (true) {
                const qsizetype at = text.indexOf(literal, from);
                if (at < 0)
                    break;
                found.emplace_back(at, at + literal.size());
                from = at + literal.size();
            }
        }
        return found;
    }

    // Every match replaced by `content`, taken literally (no $1 references, as in the library).
    QString replace(const QString& text, const QString& content) const
    {
        const auto found = matches(text);
        if (found.empty())
            return text;
        QString out;
        out.reserve(text.size());
        qsizetype prev = 0;
        for (const auto& [start, end] : found) {
            out.append(QStringView(text).mid(prev, start - prev));
            out.append(content);
            prev = end;
        }
        out.append(QStringView(text).mid(prev));
        return out;
    }
};

enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };
enum class PrependScheme { Always, First, Never };

struct Normalizer {
    enum class Kind { Prepend, Replace, Nfc, Nfd, Nfkc, Nfkd, Lowercase, Strip };
    Kind kind = Kind::Prepend;
    QString text; // Prepend: what to prepend; Replace: the replacement
    Pattern pattern;
    bool left = false;
    bool right = false;
};

struct PreTokenizer {
    enum class Kind { ByteLevel, Split, Metaspace, Digits, Whitespace, WhitespaceSplit };
    Kind kind = Kind::ByteLevel;
    bool addPrefixSpace = false;
    bool useRegex = true;
    Pattern pattern;
    SplitBehavior behavior = SplitBehavior::Isolated;
    bool invert = false;
    QString replacement;
    PrependScheme scheme = PrependScheme::Always;
    bool split = true;
    bool individualDigits = false;
};

struct Decoder {
    enum class Kind { ByteLevel, Replace, ByteFallback, Fuse, Strip, Metaspace };
    Kind kind = Kind::Fuse;
    Pattern pattern;
    QString content; // Replace: the replacement; Strip: the character stripped
    int start = 0;
    int stop = 0;
    QString replacement;
    PrependScheme scheme = PrependScheme::Always;
};

struct AddedToken {
    QString content;
    QString decoded; // what decode() hands the decoders: the normalized content if "normalized"
    int id = 0;
    bool special = false;
    bool normalized = true;
    bool lstrip = false;
    bool rstrip = false;
    bool singleWord = false;
};

// Finds added tokens in text, leftmost first and the longest at that position (aho-corasick's
// LeftmostLongest in the library). Candidates are bucketed by their first UTF-16 unit.
struct AddedMatcher {
    struct Candidate {
        QString pattern;
        int token; // index into Impl::added
    };
    QHash<char16_t, std::vector<Candidate>> byFirst;

    bool empty() const { return byFirst.isEmpty(); }

    void add(const QString& pattern, int token)
    {
        if (pattern.isEmpty())
            return;
        auto& bucket = byFirst[pattern.at(0).unicode()];
        bucket.push_back({pattern, token});
        std::stable_sort(bucket.begin(), bucket.end(), [](const Candidate& a, const Candidate& b) {
            return a.pattern.size() > b.pattern.size();
        });
    }

    // The first match at or after `from`: {start, length, token}, or start -1.
    std::tuple<qsizetype, qsizetype, int> find(const QString& text, qsizetype from) const
    {
        for (qsizetype i = from; i < text.size(); ++i) {
            const auto bucket = byFirst.constFind(text.at(i).unicode());
            if (bucket == byFirst.constEnd())
                continue;
            const QStringView rest = QStringView(text).mid(i);
            for (const Candidate& c : *bucket) {
                if (rest.startsWith(c.pattern))
                    return {i, c.pattern.size(), c.token};
            }
        }
        return {-1, 0, -1};
    }
};

// A stretch of text on its way through the pipeline: either an added token (id known) or text
// still to be normalized, pre-tokenized and run through BPE. `atStart` says whether it begins at
// offset 0 of the input (Metaspace's prepend_scheme "first" depends on it).
struct Piece {
    QString text;
    int addedId = -1;
    bool atStart = false;
};

struct Merge {
    int rank = 0;
    int newId = 0;
};

quint64 pairKey(int a, int b)
{
    return (quint64(quint32(a)) << 32) | quint32(b);
}

// The words the library's BPE cache holds at most, and the longest pre-token it caches.
constexpr qsizetype kCacheCapacity = 10000;
constexpr qsizetype kCacheMaxLength = 256;

// ---------------------------------------------------------------------------------------------
// Reading the JSON with messages that name the file and the JSON path

class Reader {
public:
    explicit Reader(QString shown)
        : m_shown(std::move(shown))
    {
    }

    const QString& shown() const { return m_shown; }

    [[noreturn]] void fail(const QString& path, const QString& what) const
    {
        //: %1 is the file, %2 the JSON path of the field ("model.merges[12]"), %3 what is wrong
        throw Error(HfTokenizer::tr("%1: %2: %3").arg(m_shown, path, what));
    }

    [[noreturn]] void wrongType(const QString& path, const QString& expected,
                                const QJsonValue& value) const
    {
        fail(path,
             HfTokenizer::tr("must be %1, but it is %2").arg(expected, JsonText::describe(value)));
    }

    [[noreturn]] void missing(const QString& path) const
    {
        fail(path, HfTokenizer::tr("required field is missing"));
    }

    static QString child(const QString& path, const char* key)
    {
        return path.isEmpty() ? QString::fromLatin1(key)
                              : path + QLatin1Char('.') + QLatin1String(key);
    }

    static QString item(const QString& path, qsizetype index)
    {
        return path + QStringLiteral("[%1]").arg(index);
    }

    QJsonObject object(const QJsonValue& value, const QString& path) const
    {
        if (!value.isObject())
            wrongType(path, HfTokenizer::tr("an object"), value);
        return value.toObject();
    }

    QJsonArray array(const QJsonValue& value, const QString& path) const
    {
        if (!value.isArray())
            wrongType(path, HfTokenizer::tr("an array"), value);
        return value.toArray();
    }

    QString string(const QJsonValue& value, const QString& path) const
    {
        if (!value.isString())
            wrongType(path, HfTokenizer::tr("a string"), value);
        return value.toString();
    }

    QString requiredString(const QJsonObject& o, const QString& path, const char* key) const
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            missing(child(path, key));
        return string(v, child(path, key));
    }

    bool boolOr(const QJsonObject& o, const QString& path, const char* key, bool fallback) const
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool())
            wrongType(child(path, key), HfTokenizer::tr("true or false"), v);
        return v.toBool();
    }

    std::optional<QString> optionalString(const QJsonObject& o, const QString& path,
                                          const char* key) const
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        return string(v, child(path, key));
    }

    // A whole number in [0, max].
    int count(const QJsonValue& value, const QString& path, int max) const
    {
        const double d = value.toDouble();
        if (!value.isDouble() || std::floor(d) != d || d < 0 || d > max)
            wrongType(path,
                      HfTokenizer::tr("a whole number from 0 to %1").arg(QString::number(max)),
                      value);
        return static_cast<int>(d);
    }

    int countOr(const QJsonObject& o, const QString& path, const char* key, int fallback) const
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        return count(v, child(path, key), std::numeric_limits<int>::max());
    }

    // One code point, as Rust's `char` fields (Metaspace replacement, Strip content) require.
    QString character(const QJsonObject& o, const QString& path, const char* key) const
    {
        const QString s = requiredString(o, path, key);
        if (s.isEmpty() || codePointAt(s, 0).second != s.size())
            fail(child(path, key),
                 HfTokenizer::tr("must be a single character, but it is \"%1\"").arg(s));
        return s;
    }

    QString type(const QJsonObject& o, const QString& path) const
    {
        return requiredString(o, path, "type");
    }

    // `sentence` is a whole translated sentence with %1 for the type and %2 for the supported
    // types (one per kind of step, so that translations need not assemble grammar).
    [[noreturn]] void unsupportedType(const QString& path, const QString& sentence,
                                      const QString& type, const QStringList& supported) const
    {
        fail(child(path, "type"), sentence.arg(type, supported.join(QStringLiteral(", "))));
    }

    Pattern pattern(const QJsonObject& o, const QString& path) const
    {
        const QString patternPath = child(path, "pattern");
        const QJsonValue v = o.value(QLatin1String("pattern"));
        if (v.isUndefined() || v.isNull())
            missing(patternPath);
        const QJsonObject p = object(v, patternPath);
        Pattern result;
        if (p.contains(QLatin1String("String"))) {
            result.literal = string(p.value(QLatin1String("String")), child(patternPath, "String"));
            return result;
        }
        if (p.contains(QLatin1String("Regex"))) {
            const QString regexPath = child(patternPath, "Regex");
            const QString source = string(p.value(QLatin1String("Regex")), regexPath);
            QRegularExpression re(source, QRegularExpression::UseUnicodePropertiesOption);
            if (!re.isValid())
                fail(regexPath,
                     HfTokenizer::tr("not a valid regular expression: %1 (at "
                                     "character %2)")
                         .arg(re.errorString(), QString::number(re.patternErrorOffset())));
            // Compiled (and JIT-compiled) now, so that encode() only ever reads it and may run
            // on several threads at once.
            re.optimize();
            result.regex = re;
            return result;
        }
        fail(patternPath, HfTokenizer::tr("must be {\"String\": …} or {\"Regex\": …}"));
    }

    PrependScheme prependScheme(const QJsonObject& o, const QString& path) const
    {
        const std::optional<QString> scheme = optionalString(o, path, "prepend_scheme");
        if (scheme) {
            if (*scheme == QLatin1String("always"))
                return PrependScheme::Always;
            if (*scheme == QLatin1String("first"))
                return PrependScheme::First;
            if (*scheme == QLatin1String("never"))
                return PrependScheme::Never;
            fail(child(path, "prepend_scheme"),
                 HfTokenizer::tr("\"%1\" is not one of always, first, never").arg(*scheme));
        }
        // Files written before prepend_scheme existed say add_prefix_space.
        return boolOr(o, path, "add_prefix_space", true) ? PrependScheme::Always
                                                         : PrependScheme::Never;
    }

private:
    QString m_shown;
};

} // namespace

// ---------------------------------------------------------------------------------------------

struct HfTokenizer::Impl {
    QString shown;

    // The BPE model.
    QHash<QString, int> vocab;
    QHash<int, QString> vocabById;
    QHash<char32_t, int> charIds; // vocabulary pieces that are one code point
    QHash<quint64, Merge> merges;
    std::array<int, 256> byteIds{}; // "<0xAB>" pieces for byte fallback, -1 when absent
    std::optional<int> unkId;
    bool fuseUnk = false;
    bool byteFallback = false;
    bool ignoreMerges = false;

    std::vector<AddedToken> added;
    QHash<int, int> addedById; // id → index into `added`
    QHash<QString, int> addedByContent;
    QSet<QString> specialContents;
    AddedMatcher rawMatcher;        // tokens matched in the text as given
    AddedMatcher normalizedMatcher; // tokens matched after normalization

    std::vector<Normalizer> normalizers;
    std::vector<PreTokenizer> preTokenizers;
    std::vector<Decoder> decoders;
    bool hasDecoder = false;
    std::optional<int> templateBos;
    int vocabularySize = 0;
    bool byteLevel = false;

    // Results of short pre-tokens, shared by all threads (words repeat a lot in real text).
    mutable std::shared_mutex cacheMutex;
    mutable QHash<QString, std::vector<int>> cache;

    // Loading.
    void readModel(const Reader& r, const QJsonObject& json);
    void readNormalizer(const Reader& r, const QJsonValue& value, const QString& path);
    void readPreTokenizer(const Reader& r, const QJsonValue& value, const QString& path);
    void readDecoder(const Reader& r, const QJsonValue& value, const QString& path);
    void readAddedTokens(const Reader& r, const QJsonValue& value);
    std::optional<int> readTemplateBos(const Reader& r, const QJsonValue& value,
                                       const QString& path) const;

    // Encoding.
    std::vector<int> encode(const QString& text) const;
    QString normalize(QString text) const;
    void splitAdded(const Piece& piece, const AddedMatcher& matcher, std::vector<Piece>& out) const;
    std::vector<Piece> preTokenize(const PreTokenizer& step, std::vector<Piece> pieces) const;
    void bpe(const QString& word, std::vector<int>& out) const;
    std::vector<int> mergeWord(const QString& word) const;

    // Decoding.
    QString decode(std::span<const int> ids) const;
};

// ---------------------------------------------------------------------------------------------
// Loading

void HfTokenizer::Impl::readModel(const Reader& r, const QJsonObject& json)
{
    const QJsonValue modelValue = json.value(QLatin1String("model"));
    if (modelValue.isUndefined() || modelValue.isNull())
        r.missing(QStringLiteral("model"));
    const QString path = QStringLiteral("model");
    const QJsonObject model = r.object(modelValue, path);

    // Old files leave out the type of a BPE model; vocab + merges identify it.
    const std::optional<QString> type = r.optionalString(model, path, "type");
    if (!type && !model.contains(QLatin1String("merges")))
        r.missing(Reader::child(path, "type"));
    if (type && *type != QLatin1String("BPE"))
        r.fail(Reader::child(path, "type"),
               HfTokenizer::tr("the model type \"%1\" is not supported: QuantBench runs BPE "
                               "tokenizers (GPT-2, Llama 2/3, Mistral, Qwen2); WordPiece, "
                               "Unigram and WordLevel models are not supported")
                   .arg(*type));

    const QJsonValue dropout = model.value(QLatin1String("dropout"));
    if (!dropout.isUndefined() && !dropout.isNull()) {
        if (!dropout.isDouble())
            r.wrongType(Reader::child(path, "dropout"), HfTokenizer::tr("null or a number"),
                        dropout);
        if (dropout.toDouble() != 0.0)
            r.fail(Reader::child(path, "dropout"),
                   HfTokenizer::tr("BPE dropout %1 is not supported: evaluation needs the "
                                   "deterministic tokenization (null or 0)")
                       .arg(QString::number(dropout.toDouble())));
    }
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"}) {
        const std::optional<QString> affix = r.optionalString(model, path, key);
        if (affix && !affix->isEmpty())
            r.fail(Reader::child(path, key),
                   HfTokenizer::tr("\"%1\" is not supported: QuantBench runs BPE models "
                                   "without subword prefixes or word suffixes")
                       .arg(*affix));
    }
    fuseUnk = r.boolOr(model, path, "fuse_unk", false);
    byteFallback = r.boolOr(model, path, "byte_fallback", false);
    ignoreMerges = r.boolOr(model, path, "ignore_merges", false);

    const QString vocabPath = Reader::child(path, "vocab");
    const QJsonValue vocabValue = model.value(QLatin1String("vocab"));
    if (vocabValue.isUndefined() || vocabValue.isNull())
        r.missing(vocabPath);
    if (!vocabValue.isObject())
        r.wrongType(vocabPath, HfTokenizer::tr("an object mapping pieces to ids"), vocabValue);
    const QJsonObject vocabObject = vocabValue.toObject();
    vocab.reserve(vocabObject.size());
    vocabById.reserve(vocabObject.size());
    for (auto it = vocabObject.constBegin(); it != vocabObject.constEnd(); ++it) {
        const QString piece = it.key();
        const QString entryPath = vocabPath + QStringLiteral("[\"%1\"]").arg(piece);
        // Ids stay below INT_MAX so that "largest id + 1" is an int.
        const int id = r.count(it.value(), entryPath, std::numeric_limits<int>::max() - 1);
        const auto clash = vocabById.constFind(id);
        if (clash != vocabById.constEnd())
            r.fail(
                entryPath,
                HfTokenizer::tr("id %1 is also the id of \"%2\"").arg(QString::number(id), *clash));
        vocab.insert(piece, id);
        vocabById.insert(id, piece);
        vocabularySize = std::max(vocabularySize, id + 1);
        if (!piece.isEmpty()) {
            const auto [cp, units] = codePointAt(piece, 0);
            if (units == piece.size())
                charIds.insert(cp, id);
        }
    }

    byteIds.fill(-1);
    for (int b = 0; b < 256; ++b) {
        // The library writes "<0x0A>": lower-case x, upper-case hex digits.
        const QString piece = QStringLiteral("<0x%1>").arg(
            QString::number(b, 16).toUpper().rightJustified(2, QLatin1Char('0')));
        const auto found = vocab.constFind(piece);
        if (found != vocab.constEnd())
            byteIds[b] = *found;
    }

    const std::optional<QString> unk = r.optionalString(model, path, "unk_token");
    if (unk) {
        const auto found = vocab.constFind(*unk);
        if (found == vocab.constEnd())
            r.fail(Reader::child(path, "unk_token"),
                   HfTokenizer::tr("the unknown-token piece \"%1\" is not in the vocabulary")
                       .arg(*unk));
        unkId = *found;
    }

    const QString mergesPath = Reader::child(path, "merges");
    const QJsonValue mergesValue = model.value(QLatin1String("merges"));
    const QJsonArray mergeArray = (mergesValue.isUndefined() || mergesValue.isNull())
                                      ? QJsonArray()
                                      : r.array(mergesValue, mergesPath);
    merges.reserve(mergeArray.size());
    int rank = 0;
    for (qsizetype i = 0; i < mergeArray.size(); ++i) {
        const QString itemPath = Reader::item(mergesPath, i);
        const QJsonValue m = mergeArray.at(i);
        QString left;
        QString right;
        if (m.isString()) {
            const QString line = m.toString();
            // merges.txt heritage: a "#version" line is a comment and takes no rank.
            if (line.startsWith(QLatin1String("#version")))
                continue;
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() != 2)
                r.fail(itemPath, HfTokenizer::tr("a merge must be two pieces separated by one "
                                                 "space, but it is \"%1\"")
                                     .arg(line));
            left = parts.at(0);
            right = parts.at(1);
        } else if (m.isArray() && m.toArray().size() == 2 && m.toArray().at(0).isString()
                   && m.toArray().at(1).isString()) {
            left = m.toArray().at(0).toString();
            right = m.toArray().at(1).toString();
        } else {
            r.wrongType(itemPath, HfTokenizer::tr("\"a b\" or a pair of strings"), m);
        }
        const auto a = vocab.constFind(left);
        if (a == vocab.constEnd())
            r.fail(itemPath,
                   HfTokenizer::tr("the piece \"%1\" is not in the vocabulary").arg(left));
        const auto b = vocab.constFind(right);
        if (b == vocab.constEnd())
            r.fail(itemPath,
                   HfTokenizer::tr("the piece \"%1\" is not in the vocabulary").arg(right));
        const auto merged = vocab.constFind(left + right);
        if (merged == vocab.constEnd())
            r.fail(itemPath, HfTokenizer::tr("the merged piece \"%1\" is not in the vocabulary "
                                             "(every merge must produce a piece of it)")
                                 .arg(left + right));
        // A repeated pair takes its later rank, as the library's map insertion does.
        merges.insert(pairKey(*a, *b), Merge{rank, *merged});
        ++rank;
    }
}

void HfTokenizer::Impl::readNormalizer(const Reader& r, const QJsonValue& value,
                                       const QString& path)
{
    if (value.isUndefined() || value.isNull())
        return;
    const QJsonObject o = r.object(value, path);
    const QString type = r.type(o, path);
    Normalizer n;
    if (type == QLatin1String("Sequence")) {
        const QString listPath = Reader::child(path, "normalizers");
        const QJsonArray list = r.array(o.value(QLatin1String("normalizers")), listPath);
        for (qsizetype i = 0; i < list.size(); ++i)
            readNormalizer(r, list.at(i), Reader::item(listPath, i));
        return;
    } else if (type == QLatin1String("Prepend")) {
        n.kind = Normalizer::Kind::Prepend;
        n.text = r.requiredString(o, path, "prepend");
    } else if (type == QLatin1String("Replace")) {
        n.kind = Normalizer::Kind::Replace;
        n.pattern = r.pattern(o, path);
        n.text = r.requiredString(o, path, "content");
    } else if (type == QLatin1String("NFC")) {
        n.kind = Normalizer::Kind::Nfc;
    } else if (type == QLatin1String("NFD")) {
        n.kind = Normalizer::Kind::Nfd;
    } else if (type == QLatin1String("NFKC")) {
        n.kind = Normalizer::Kind::Nfkc;
    } else if (type == QLatin1String("NFKD")) {
        n.kind = Normalizer::Kind::Nfkd;
    } else if (type == QLatin1String("Lowercase")) {
        n.kind = Normalizer::Kind::Lowercase;
    } else if (type == QLatin1String("Strip")) {
        n.kind = Normalizer::Kind::Strip;
        n.left = r.boolOr(o, path, "strip_left", true);
        n.right = r.boolOr(o, path, "strip_right", true);
    } else {
        r.unsupportedType(
            path, HfTokenizer::tr("the normalizer type \"%1\" is not supported (supported: %2)"),
            type,
            {QStringLiteral("Sequence"), QStringLiteral("Prepend"), QStringLiteral("Replace"),
             QStringLiteral("NFC"), QStringLiteral("NFD"), QStringLiteral("NFKC"),
             QStringLiteral("NFKD"), QStringLiteral("Lowercase"), QStringLiteral("Strip")});
    }
    normalizers.push_back(std::move(n));
}

void HfTokenizer::Impl::readPreTokenizer(const Reader& r, const QJsonValue& value,
                                         const QString& path)
{
    if (value.isUndefined() || value.isNull())
        return;
    const QJsonObject o = r.object(value, path);
    const QString type = r.type(o, path);
    PreTokenizer p;
    if (type == QLatin1String("Sequence")) {
        const QString listPath = Reader::child(path, "pretokenizers");
        const QJsonArray list = r.array(o.value(QLatin1String("pretokenizers")), listPath);
        for (qsizetype i = 0; i < list.size(); ++i)
            readPreTokenizer(r, list.at(i), Reader::item(listPath, i));
        return;
    } else if (type == QLatin1String("ByteLevel")) {
        p.kind = PreTokenizer::Kind::ByteLevel;
        p.addPrefixSpace = r.boolOr(o, path, "add_prefix_space", true);
        p.useRegex = r.boolOr(o, path, "use_regex", true);
        if (p.useRegex) {
            // GPT-2's pre-tokenizer pattern, fixed in the library.
            QRegularExpression re(
                QStringLiteral("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+"
                               "|\\s+(?!\\S)|\\s+"),
                QRegularExpression::UseUnicodePropertiesOption);
            re.optimize();
            p.pattern.regex = re;
        }
        byteLevel = true;
    } else if (type == QLatin1String("Split")) {
        p.kind = PreTokenizer::Kind::Split;
        p.pattern = r.pattern(o, path);
        const QString behavior = r.requiredString(o, path, "behavior");
        static const std::pair<const char*, SplitBehavior> behaviors[] = {
            {"Removed", SplitBehavior::Removed},
            {"Isolated", SplitBehavior::Isolated},
            {"MergedWithPrevious", SplitBehavior::MergedWithPrevious},
            {"MergedWithNext", SplitBehavior::MergedWithNext},
            {"Contiguous", SplitBehavior::Contiguous}};
        const auto found =
            std::find_if(std::begin(behaviors), std::end(behaviors),
                         [&](const auto& b) { return behavior == QLatin1String(b.first); });
        if (found == std::end(behaviors))
            r.fail(Reader::child(path, "behavior"),
                   HfTokenizer::tr("\"%1\" is not one of Removed, Isolated, MergedWithPrevious, "
                                   "MergedWithNext, Contiguous")
                       .arg(behavior));
        p.behavior = found->second;
        p.invert = r.boolOr(o, path, "invert", false);
    } else if (type == QLatin1String("Metaspace")) {
        p.kind = PreTokenizer::Kind::Metaspace;
        p.replacement = r.character(o, path, "replacement");
        p.scheme = r.prependScheme(o, path);
        p.split = r.boolOr(o, path, "split", true);
    } else if (type == QLatin1String("Digits")) {
        p.kind = PreTokenizer::Kind::Digits;
        p.individualDigits = r.boolOr(o, path, "individual_digits", false);
    } else if (type == QLatin1String("Whitespace")) {
        p.kind = PreTokenizer::Kind::Whitespace;
        QRegularExpression re(wordClass() + QStringLiteral("+|[^") + wordClass().mid(1).chopped(1)
                                  + QStringLiteral("\\s]+"),
                              QRegularExpression::UseUnicodePropertiesOption);
        re.optimize();
        p.pattern.regex = re;
    } else if (type == QLatin1String("WhitespaceSplit")) {
        p.kind = PreTokenizer::Kind::WhitespaceSplit;
    } else {
        r.unsupportedType(
            path, HfTokenizer::tr("the pre-tokenizer type \"%1\" is not supported (supported: %2)"),
            type,
            {QStringLiteral("Sequence"), QStringLiteral("ByteLevel"), QStringLiteral("Split"),
             QStringLiteral("Metaspace"), QStringLiteral("Digits"), QStringLiteral("Whitespace"),
             QStringLiteral("WhitespaceSplit")});
    }
    preTokenizers.push_back(std::move(p));
}

void HfTokenizer::Impl::readDecoder(const Reader& r, const QJsonValue& value, const QString& path)
{
    if (value.isUndefined() || value.isNull())
        return;
    hasDecoder = true;
    const QJsonObject o = r.object(value, path);
    const QString type = r.type(o, path);
    Decoder d;
    if (type == QLatin1String("Sequence")) {
        const QString listPath = Reader::child(path, "decoders");
        const QJsonArray list = r.array(o.value(QLatin1String("decoders")), listPath);
        for (qsizetype i = 0; i < list.size(); ++i)
            readDecoder(r, list.at(i), Reader::item(listPath, i));
        return;
    } else if (type == QLatin1String("ByteLevel")) {
        d.kind = Decoder::Kind::ByteLevel;
    } else if (type == QLatin1String("Replace")) {
        d.kind = Decoder::Kind::Replace;
        d.pattern = r.pattern(o, path);
        d.content = r.requiredString(o, path, "content");
    } else if (type == QLatin1String("ByteFallback")) {
        d.kind = Decoder::Kind::ByteFallback;
    } else if (type == QLatin1String("Fuse")) {
        d.kind = Decoder::Kind::Fuse;
    } else if (type == QLatin1String("Strip")) {
        d.kind = Decoder::Kind::Strip;
        d.content = r.character(o, path, "content");
        d.start = r.countOr(o, path, "start", 0);
        d.stop = r.countOr(o, path, "stop", 0);
    } else if (type == QLatin1String("Metaspace")) {
        d.kind = Decoder::Kind::Metaspace;
        d.replacement = r.character(o, path, "replacement");
        d.scheme = r.prependScheme(o, path);
    } else {
        r.unsupportedType(
            path, HfTokenizer::tr("the decoder type \"%1\" is not supported (supported: %2)"), type,
            {QStringLiteral("Sequence"), QStringLiteral("ByteLevel"), QStringLiteral("Replace"),
             QStringLiteral("ByteFallback"), QStringLiteral("Fuse"), QStringLiteral("Strip"),
             QStringLiteral("Metaspace")});
    }
    decoders.push_back(std::move(d));
}

void HfTokenizer::Impl::readAddedTokens(const Reader& r, const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return;
    const QString path = QStringLiteral("added_tokens");
    const QJsonArray list = r.array(value, path);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString itemPath = Reader::item(path, i);
        const QJsonObject o = r.object(list.at(i), itemPath);
        AddedToken t;
        const QJsonValue id = o.value(QLatin1String("id"));
        if (id.isUndefined() || id.isNull())
            r.missing(Reader::child(itemPath, "id"));
        t.id = r.count(id, Reader::child(itemPath, "id"), std::numeric_limits<int>::max() - 1);
        t.content = r.requiredString(o, itemPath, "content");
        t.special = r.boolOr(o, itemPath, "special", false);
        t.normalized = r.boolOr(o, itemPath, "normalized", !t.special);
        t.lstrip = r.boolOr(o, itemPath, "lstrip", false);
        t.rstrip = r.boolOr(o, itemPath, "rstrip", false);
        t.singleWord = r.boolOr(o, itemPath, "single_word", false);
        if (t.content.isEmpty()) // the library ignores empty added tokens
            continue;
        const int index = static_cast<int>(added.size());
        addedById.insert(t.id, index);
        addedByContent.insert(t.content, index);
        if (t.special)
            specialContents.insert(t.content);
        vocabularySize = std::max(vocabularySize, t.id + 1);
        // Tokens marked "normalized" are looked for in the normalized text, in their normalized
        // form; the others in the text as given, before any normalizer runs.
        // The library also decodes such a token from its normalized form, which is what the
        // decoders can invert (e.g. a byte-level normalizer).
        t.decoded = t.normalized ? normalize(t.content) : t.content;
        if (t.normalized)
            normalizedMatcher.add(t.decoded, index);
        else
            rawMatcher.add(t.content, index);
        added.push_back(std::move(t));
    }
}

std::optional<int> HfTokenizer::Impl::readTemplateBos(const Reader& r, const QJsonValue& value,
                                                      const QString& path) const
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("Sequence")) {
        const QString listPath = Reader::child(path, "processors");
        const QJsonArray list = r.array(o.value(QLatin1String("processors")), listPath);
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto id = readTemplateBos(r, list.at(i), Reader::item(listPath, i)))
                return id;
        }
        return std::nullopt;
    }
    if (type != QLatin1String("TemplateProcessing"))
        return std::nullopt;

    const QString singlePath = Reader::child(path, "single");
    const QJsonValue single = o.value(QLatin1String("single"));
    QString first;
    if (single.isString()) {
        // The short form "<s> $A" (a piece "$A", "$B:1", "<s>:0" per word).
        const QStringList words = single.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty() || words.first().startsWith(QLatin1Char('$')))
            return std::nullopt;
        first = words.first().section(QLatin1Char(':'), 0, 0);
    } else {
        const QJsonArray pieces = r.array(single, singlePath);
        if (pieces.isEmpty())
            return std::nullopt;
        const QString firstPath = Reader::item(singlePath, 0);
        const QJsonObject piece = r.object(pieces.at(0), firstPath);
        if (!piece.contains(QLatin1String("SpecialToken")))
            return std::nullopt;
        const QString tokenPath = Reader::child(firstPath, "SpecialToken");
        first = r.requiredString(r.object(piece.value(QLatin1String("SpecialToken")), tokenPath),
                                 tokenPath, "id");
    }
    const QString specialPath = Reader::child(path, "special_tokens");
    const QJsonObject specials = r.object(o.value(QLatin1String("special_tokens")), specialPath);
    const QString entryPath = specialPath + QStringLiteral("[\"%1\"]").arg(first);
    if (!specials.contains(first))
        r.fail(specialPath,
               HfTokenizer::tr("the template's special token \"%1\" is not listed").arg(first));
    const QJsonObject entry = r.object(specials.value(first), entryPath);
    const QString idsPath = Reader::child(entryPath, "ids");
    const QJsonArray ids = r.array(entry.value(QLatin1String("ids")), idsPath);
    if (ids.isEmpty())
        r.fail(idsPath, HfTokenizer::tr("the special token \"%1\" has no id").arg(first));
    const QString idPath = Reader::item(idsPath, 0);
    const int id = r.count(ids.at(0), idPath, std::numeric_limits<int>::max() - 1);
    // Checked here, where the message can name this file, before it becomes the BOS id.
    if (!addedById.contains(id) && !vocabById.contains(id))
        r.fail(idPath,
               HfTokenizer::tr("%1 is not an id of the tokenizer").arg(QString::number(id)));
    return id;
}

// ---------------------------------------------------------------------------------------------
// Encoding

QString HfTokenizer::Impl::normalize(QString text) const
{
    for (const Normalizer& n : normalizers) {
        switch (n.kind) {
        case Normalizer::Kind::Prepend:
            if (!text.isEmpty())
                text.prepend(n.text);
            break;
        case Normalizer::Kind::Replace:
            text = n.pattern.replace(text, n.text);
            break;
        case Normalizer::Kind::Nfc:
            text = text.normalized(QString::NormalizationForm_C);
            break;
        case Normalizer::Kind::Nfd:
            text = text.normalized(QString::NormalizationForm_D);
            break;
        case Normalizer::Kind::Nfkc:
            text = text.normalized(QString::NormalizationForm_KC);
            break;
        case Normalizer::Kind::Nfkd:
            text = text.normalized(QString::NormalizationForm_KD);
            break;
        case Normalizer::Kind::Lowercase:
            text = text.toLower();
            break;
        case Normalizer::Kind::Strip: {
            qsizetype begin = 0;
            qsizetype end = text.size();
            if (n.left) {
                while (begin < end && isWhitespace(text.at(begin)))
                    ++begin;
            }
            if (n.right) {
                while (end > begin && isWhitespace(text.at(end - 1)))
                    --end;
            }
            text = text.mid(begin, end - begin);
            break;
        }
        }
    }
    return text;
}

// Cuts `piece` around the added tokens `matcher` finds, following the library's rules for
// single_word (no match inside a word), lstrip and rstrip (the token swallows the whitespace
// beside it).
void HfTokenizer::Impl::splitAdded(const Piece& piece, const AddedMatcher& matcher,
                                   std::vector<Piece>& out) const
{
    // Like the library, text that is (or became) empty is dropped here, so that no
    // pre-tokenizer prepends anything to it.
    if (piece.addedId < 0 && piece.text.isEmpty())
        return;
    if (piece.addedId >= 0 || matcher.empty()) {
        out.push_back(piece);
        return;
    }
    const QString& s = piece.text;
    const qsizetype n = s.size();
    qsizetype done = 0; // end of the last piece emitted
    qsizetype from = 0; // where the search continues
    auto emitText = [&](qsizetype start, qsizetype end) {
        if (end > start)
            out.push_back(Piece{s.mid(start, end - start), -1, piece.atStart && start == 0});
    };
    while (from < n) {
        const auto [found, length, index] = matcher.find(s, from);
        if (found < 0)
            break;
        qsizetype start = found;
        qsizetype stop = found + length;
        from = stop;
        const AddedToken& token = added[static_cast<std::size_t>(index)];
        if (token.singleWord) {
            const bool wordBefore = start > 0 && isWordChar(codePointBefore(s, start));
            const bool wordAfter = stop < n && isWordChar(codePointAt(s, stop).first);
            if (wordBefore || wordAfter)
                continue;
        }
        if (token.lstrip) {
            while (start > done && isWhitespace(s.at(start - 1)))
                --start;
        }
        if (token.rstrip) {
            while (stop < n && isWhitespace(s.at(stop)))
                ++stop;
            // The library searches on inside the swallowed whitespace, which could only find an
            // added token that starts with whitespace and overlap this one; here it cannot.
            from = stop;
        }
        emitText(done, start);
        out.push_back(Piece{s.mid(start, stop - start), token.id, false});
        done = stop;
    }
    emitText(done, n);
}

namespace {

struct Span {
    qsizetype start;
    qsizetype end;
    bool isMatch;
};

// The library's split of a text by delimiter matches: the matches and the gaps between them
// cover the text; `behavior` decides what becomes of the matches. Returns the kept ranges.
std::vector<std::pair<qsizetype, qsizetype>>
splitRanges(qsizetype length, const std::vector<std::pair<qsizetype, qsizetype>>& matches,
            SplitBehavior behavior, bool invert)
{
    std::vector<Span> spans;
    spans.reserve(matches.size() * 2 + 1);
    qsizetype prev = 0;
    for (const auto& [start, end] : matches) {
        if (prev != start)
            spans.push_back({prev, start, invert});
        spans.push_back({start, end, !invert});
        prev = end;
    }
    if (prev != length || spans.empty())
        spans.push_back({prev, length, invert});

    std::vector<std::pair<qsizetype, qsizetype>> kept;
    kept.reserve(spans.size());
    switch (behavior) {
    case SplitBehavior::Isolated:
        for (const Span& s : spans)
            kept.emplace_back(s.start, s.end);
        break;
    case SplitBehavior::Removed:
        for (const Span& s : spans) {
            if (!s.isMatch)
                kept.emplace_back(s.start, s.end);
        }
        break;
    case SplitBehavior::Contiguous: {
        bool previous = false;
        for (const Span& s : spans) {
            if (s.isMatch == previous && !kept.empty())
                kept.back().second = s.end;
            else
                kept.emplace_back(s.start, s.end);
            previous = s.isMatch;
        }
        break;
    }
    case SplitBehavior::MergedWithPrevious: {
        bool previous = false;
        for (const Span& s : spans) {
            if (s.isMatch && !previous && !kept.empty())
                kept.back().second = s.end;
            else
                kept.emplace_back(s.start, s.end);
            previous = s.isMatch;
        }
        break;
    }
    case SplitBehavior::MergedWithNext: {
        bool previous = false;
        for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
            if (it->isMatch && !previous && !kept.empty())
                kept.back().first = it->start;
            else
                kept.emplace_back(it->start, it->end);
            previous = it->isMatch;
        }
        std::reverse(kept.begin(), kept.end());
        break;
    }
    }
    return kept;
}

// Every code point for which `predicate` holds, as a match of its own (the library's
// character patterns).
template <typename Predicate>
std::vector<std::pair<qsizetype, qsizetype>> characterMatches(const QString& text,
                                                              Predicate predicate)
{
    std::vector<std::pair<qsizetype, qsizetype>> found;
    for (qsizetype i = 0; i < text.size();) {
        const auto [cp, units] = codePointAt(text, i);
        if (predicate(cp))
            found.emplace_back(i, i + units);
        i += units;
    }
    return found;
}

void appendSplit(const Piece& piece, const QString& text,
                 const std::vector<std::pair<qsizetype, qsizetype>>& ranges,
                 std::vector<Piece>& out)
{
    for (const auto& [start, end] : ranges) {
        if (end > start)
            out.push_back(Piece{text.mid(start, end - start), -1, piece.atStart && start == 0});
    }
}

} // namespace

std::vector<Piece> HfTokenizer::Impl::preTokenize(const PreTokenizer& step,
                                                  std::vector<Piece> pieces) const
{
    std::vector<Piece> out;
    out.reserve(pieces.size());
    for (Piece& piece : pieces) {
        if (piece.addedId >= 0) {
            out.push_back(std::move(piece));
            continue;
        }
        QString text = std::move(piece.text);
        switch (step.kind) {
        case PreTokenizer::Kind::ByteLevel: {
            if (step.addPrefixSpace && !text.startsWith(QLatin1Char(' ')))
                text.prepend(QLatin1Char(' '));
            const std::size_t first = out.size();
            if (step.useRegex)
                appendSplit(piece, text,
                            splitRanges(text.size(), step.pattern.matches(text),
                                        SplitBehavior::Isolated, false),
                            out);
            else if (!text.isEmpty())
                out.push_back(Piece{text, -1, piece.atStart});
            for (std::size_t i = first; i < out.size(); ++i)
                out[i].text = byteLevelEncode(out[i].text);
            break;
        }
        case PreTokenizer::Kind::Split:
            appendSplit(
                piece, text,
                splitRanges(text.size(), step.pattern.matches(text), step.behavior, step.invert),
                out);
            break;
        case PreTokenizer::Kind::Metaspace: {
            text.replace(QLatin1Char(' '), step.replacement);
            const bool prepend = step.scheme == PrependScheme::Always
                                 || (step.scheme == PrependScheme::First && piece.atStart);
            if (prepend && !text.startsWith(step.replacement))
                text.prepend(step.replacement);
            if (step.split) {
                Pattern delimiter;
                delimiter.literal = step.replacement;
                appendSplit(piece, text,
                            splitRanges(text.size(), delimiter.matches(text),
                                        SplitBehavior::MergedWithNext, false),
                            out);
            } else if (!text.isEmpty()) {
                out.push_back(Piece{text, -1, piece.atStart});
            }
            break;
        }
        case PreTokenizer::Kind::Digits:
            appendSplit(
                piece, text,
                splitRanges(text.size(),
                            characterMatches(text, [](char32_t c) { return QChar::isNumber(c); }),
                            step.individualDigits ? SplitBehavior::Isolated
                                                  : SplitBehavior::Contiguous,
                            false),
                out);
            break;
        case PreTokenizer::Kind::Whitespace:
            // Words and runs of punctuation are the matches; the whitespace between goes.
            appendSplit(
                piece, text,
                splitRanges(text.size(), step.pattern.matches(text), SplitBehavior::Removed, true),
                out);
            break;
        case PreTokenizer::Kind::WhitespaceSplit:
            appendSplit(piece, text,
                        splitRanges(text.size(),
                                    characterMatches(text,
                                                     [](char32_t c) {
                                                         return c <= 0xFFFF
                                                                && isWhitespace(QChar(char16_t(c)));
                                                     }),
                                    SplitBehavior::Removed, false),
                        out);
            break;
        }
    }
    return out;
}

std::vector<int> HfTokenizer::Impl::encode(const QString& text) const
{
    std::vector<Piece> pieces;
    splitAdded(Piece{text, -1, true}, rawMatcher, pieces);

    std::vector<Piece> normalized;
    normalized.reserve(pieces.size());
    for (Piece& piece : pieces) {
        if (piece.addedId < 0)
            piece.text = normalize(std::move(piece.text));
        splitAdded(piece, normalizedMatcher, normalized);
    }
    pieces = std::move(normalized);

    for (const PreTokenizer& step : preTokenizers)
        pieces = preTokenize(step, std::move(pieces));

    std::vector<int> ids;
    ids.reserve(static_cast<std::size_t>(text.size()) / 3 + 1);
    for (const Piece& piece : pieces) {
        if (piece.addedId >= 0)
            ids.push_back(piece.addedId);
        else if (!piece.text.isEmpty())
            bpe(piece.text, ids);
    }
    return ids;
}

void HfTokenizer::Impl::bpe(const QString& word, std::vector<int>& out) const
{
    // Llama 3: a pre-token that is a piece of the vocabulary is that piece, whatever the merges
    // would make of it.
    if (ignoreMerges) {
        const auto whole = vocab.constFind(word);
        if (whole != vocab.constEnd()) {
            out.push_back(*whole);
            return;
        }
    }
    const bool cacheable = word.size() < kCacheMaxLength;
    if (cacheable) {
        std::shared_lock lock(cacheMutex);
        const auto hit = cache.constFind(word);
        if (hit != cache.constEnd()) {
            out.insert(out.end(), hit->begin(), hit->end());
            return;
        }
    }
    std::vector<int> ids = mergeWord(word);
    out.insert(out.end(), ids.begin(), ids.end());
    if (cacheable) {
        std::unique_lock lock(cacheMutex);
        if (cache.size() < kCacheCapacity)
            cache.insert(word, std::move(ids));
    }
}

// The BPE of one pre-token. Symbols form a doubly linked list over a vector; a min-heap holds
// candidate merges of adjacent symbols by (rank, position). A popped candidate is applied only
// if its left symbol is still alive and still forms the same pair; otherwise it is stale and
// skipped. Each merge adds at most two candidates, so a word of n symbols costs O(n log n) —
// which matters because sentencepiece-style files have no pre-tokenizer and a whole document is
// one word. Ties in rank go to the leftmost pair, as in the library.
std::vector<int> HfTokenizer::Impl::mergeWord(const QString& word) const
{
    struct Symbol {
        int id;
        int prev;
        int next;
        bool alive;
    };
    std::vector<Symbol> symbols;
    symbols.reserve(static_cast<std::size_t>(word.size()));
    auto add = [&](int id) {
        const int index = static_cast<int>(symbols.size());
        if (index > 0)
            symbols.back().next = index;
        symbols.push_back({id, index - 1, -1, true});
    };

    // Characters missing from the vocabulary become their "<0xAB>" bytes (byte_fallback), else
    // the unknown piece (several in a row fused into one with fuse_unk), else nothing. Like the
    // library, a pending unknown is not flushed before byte-fallback pieces.
    const int unk = unkId.value_or(-1);
    int pendingUnk = -1;
    for (qsizetype i = 0; i < word.size();) {
        const auto [cp, units] = codePointAt(word, i);
        i += units;
        const auto known = charIds.constFind(cp);
        if (known != charIds.constEnd()) {
            if (pendingUnk >= 0) {
                add(pendingUnk);
                pendingUnk = -1;
            }
            add(*known);
            continue;
        }
        if (byteFallback) {
            std::array<std::uint8_t, 4> bytes{};
            const int count = encodeUtf8(cp, bytes);
            const bool all = std::all_of(bytes.begin(), bytes.begin() + count,
                                         [&](std::uint8_t b) { return byteIds[b] >= 0; });
            if (all) {
                for (int k = 0; k < count; ++k)
                    add(byteIds[bytes[static_cast<std::size_t>(k)]]);
                continue;
            }
        }
        if (unk >= 0) {
            if (pendingUnk >= 0 && !fuseUnk)
                add(pendingUnk);
            pendingUnk = unk;
        }
    }
    if (pendingUnk >= 0)
        add(pendingUnk);

    struct Candidate {
        int rank;
        int pos;
        int newId;
    };
    auto later = [](const Candidate& a, const Candidate& b) {
        return a.rank != b.rank ? a.rank > b.rank : a.pos > b.pos;
    };
    std::vector<Candidate> heap; // a min-heap through std::push_heap / std::pop_heap
    heap.reserve(symbols.size());
    auto consider = [&](int left) {
        const int right = symbols[static_cast<std::size_t>(left)].next;
        if (right < 0)
            return;
        const auto m = merges.constFind(pairKey(symbols[static_cast<std::size_t>(left)].id,
                                                symbols[static_cast<std::size_t>(right)].id));
        if (m != merges.constEnd()) {
            heap.push_back({m->rank, left, m->newId});
            std::push_heap(heap.begin(), heap.end(), later);
        }
    };
    for (int i = 0; i + 1 < static_cast<int>(symbols.size()); ++i)
        consider(i);

    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const Candidate top = heap.back();
        heap.pop_back();
        Symbol& left = symbols[static_cast<std::size_t>(top.pos)];
        if (!left.alive || left.next < 0)
            continue;
        Symbol& right = symbols[static_cast<std::size_t>(left.next)];
        const auto m = merges.constFind(pairKey(left.id, right.id));
        if (m == merges.constEnd() || m->newId != top.newId)
            continue; // stale: the pair changed since this candidate was queued
        left.id = top.newId;
        left.next = right.next;
        right.alive = false;
        if (left.next >= 0)
            symbols[static_cast<std::size_t>(left.next)].prev = top.pos;
        if (left.prev >= 0)
            consider(left.prev);
        consider(top.pos);
    }

    std::vector<int> ids;
    for (const Symbol& s : symbols) {
        if (s.alive)
            ids.push_back(s.id);
    }
    return ids;
}

// ---------------------------------------------------------------------------------------------
// Decoding

namespace {

int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// "<0xAB>" → 0xAB, as the ByteFallback decoder reads byte pieces (either case of hex digits).
std::optional<std::uint8_t> bytePiece(const QString& token)
{
    if (token.size() != 6 || !token.startsWith(QLatin1String("<0x"))
        || !token.endsWith(QLatin1Char('>')))
        return std::nullopt;
    const int high = hexDigit(token.at(3));
    const int low = hexDigit(token.at(4));
    if (high < 0 || low < 0)
        return std::nullopt;
    return static_cast<std::uint8_t>(high * 16 + low);
}

std::vector<QString> applyDecoder(const Decoder& d, std::vector<QString> tokens)
{
    switch (d.kind) {
    case Decoder::Kind::ByteLevel: {
        QByteArray bytes;
        for (const QString& t : tokens)
            appendByteLevelBytes(t, bytes);
        return {decodeUtf8Lossy(bytes)};
    }
    case Decoder::Kind::Replace:
        for (QString& t : tokens)
            t = d.pattern.replace(t, d.content);
        return tokens;
    case Decoder::Kind::ByteFallback: {
        // Runs of byte pieces become their text when they are valid UTF-8; otherwise one U+FFFD
        // per byte piece (the library's rule).
        std::vector<QString> out;
        out.reserve(tokens.size());
        QByteArray run;
        qsizetype runPieces = 0;
        auto flush = [&] {
            if (runPieces == 0)
                return;
            bool valid = false;
            const QString text = decodeUtf8Lossy(run, &valid);
            if (valid)
                out.push_back(text);
            else
                out.insert(out.end(), static_cast<std::size_t>(runPieces),
                           QString(QChar(char16_t(kReplacementCharacter))));
            run.clear();
            runPieces = 0;
        };
        for (QString& t : tokens) {
            if (const auto byte = bytePiece(t)) {
                run.append(static_cast<char>(*byte));
                ++runPieces;
            } else {
                flush();
                out.push_back(std::move(t));
            }
        }
        flush();
        return out;
    }
    case Decoder::Kind::Fuse: {
        QString all;
        for (const QString& t : tokens)
            all.append(t);
        return {all};
    }
    case Decoder::Kind::Strip:
        for (QString& t : tokens) {
            qsizetype begin = 0;
            for (int k = 0; k < d.start && QStringView(t).mid(begin).startsWith(d.content); ++k)
                begin += d.content.size();
            qsizetype end = t.size();
            for (int k = 0; k < d.stop && end - begin >= d.content.size()
                            && QStringView(t).mid(begin, end - begin).endsWith(d.content);
                 ++k)
                end -= d.content.size();
            t = t.mid(begin, end - begin);
        }
        return tokens;
    case Decoder::Kind::Metaspace:
        // Every replacement character is a space, except in the first piece when a space was
        // prepended on the way in: there they are dropped (all of them, as the library does).
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (i == 0 && d.scheme != PrependScheme::Never)
                tokens[i].remove(d.replacement);
            else
                tokens[i].replace(d.replacement, QStringLiteral(" "));
        }
        return tokens;
    }
    return tokens;
}

} // namespace

QString HfTokenizer::Impl::decode(std::span<const int> ids) const
{
    std::vector<QString> tokens;
    tokens.reserve(ids.size());
    for (int id : ids) {
        // Special tokens are skipped by id, and also a vocabulary piece spelled like one (the
        // library compares the text). Unlike the library, a special token whose normalized form
        // differs from its content is still skipped.
        if (const auto a = addedById.constFind(id); a != addedById.constEnd()) {
            const AddedToken& token = added[static_cast<std::size_t>(*a)];
            if (!token.special)
                tokens.push_back(token.decoded);
        } else if (const auto v = vocabById.constFind(id); v != vocabById.constEnd()) {
            if (!specialContents.contains(*v))
                tokens.push_back(*v);
        } // else: not an id of this tokenizer
    }
    // Without a decoder the library joins the pieces with spaces.
    if (!hasDecoder) {
        QStringList list(tokens.begin(), tokens.end());
        return list.join(QLatin1Char(' '));
    }
    for (const Decoder& d : decoders)
        tokens = applyDecoder(d, std::move(tokens));
    QString text;
    for (const QString& t : tokens)
        text.append(t);
    return text;
}

// ---------------------------------------------------------------------------------------------

HfTokenizer::HfTokenizer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

HfTokenizer::~HfTokenizer() = default;

std::shared_ptr<HfTokenizer> HfTokenizer::open(const QString& path)
{
    return fromJson(JsonFile::readObject(path), path);
}

std::shared_ptr<HfTokenizer> HfTokenizer::fromJson(const QJsonObject& json, const QString& source)
{
    auto impl = std::make_unique<Impl>();
    impl->shown = QDir::toNativeSeparators(source);
    const Reader r(impl->shown);
    impl->readModel(r, json);
    impl->readNormalizer(r, json.value(QLatin1String("normalizer")), QStringLiteral("normalizer"));
    impl->readPreTokenizer(r, json.value(QLatin1String("pre_tokenizer")),
                           QStringLiteral("pre_tokenizer"));
    impl->readDecoder(r, json.value(QLatin1String("decoder")), QStringLiteral("decoder"));
    // After the normalizers: normalized added tokens are matched in their normalized form.
    impl->readAddedTokens(r, json.value(QLatin1String("added_tokens")));
    impl->templateBos = impl->readTemplateBos(r, json.value(QLatin1String("post_processor")),
                                              QStringLiteral("post_processor"));
    return std::shared_ptr<HfTokenizer>(new HfTokenizer(std::move(impl)));
}

std::vector<int> HfTokenizer::encode(const QString& text) const
{
    return m_impl->encode(text);
}

QString HfTokenizer::decode(std::span<const int> ids) const
{
    return m_impl->decode(ids);
}

int HfTokenizer::vocabularySize() const
{
    return m_impl->vocabularySize;
}

QString HfTokenizer::piece(int id) const
{
    if (const auto a = m_impl->addedById.constFind(id); a != m_impl->addedById.constEnd())
        return m_impl->added[static_cast<std::size_t>(*a)].content;
    return m_impl->vocabById.value(id);
}

std::optional<int> HfTokenizer::pieceId(const QString& piece) const
{
    if (const auto a = m_impl->addedByContent.constFind(piece);
        a != m_impl->addedByContent.constEnd())
        return m_impl->added[static_cast<std::size_t>(*a)].id;
    if (const auto v = m_impl->vocab.constFind(piece); v != m_impl->vocab.constEnd())
        return *v;
    return std::nullopt;
}

QString HfTokenizer::kind() const
{
    if (m_impl->byteLevel)
        return tr("byte-level BPE (tokenizer.json)");
    if (m_impl->byteFallback)
        return tr("BPE with byte fallback (tokenizer.json)");
    return tr("BPE (tokenizer.json)");
}

std::optional<int> HfTokenizer::templateBosId() const
{
    return m_impl->templateBos;
}

} // namespace qb
