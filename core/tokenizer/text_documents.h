#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace qb {

// Text for evaluation and calibration, split into documents the way the golden protocol does:
// at "<|endoftext|>" when the text holds that marker, otherwise one document per non-empty line;
// each document stripped of surrounding whitespace, empty ones dropped.
class TextDocuments {
    Q_DECLARE_TR_FUNCTIONS(TextDocuments)

public:
    static constexpr const char* kSeparator = "<|endoftext|>";

    static QStringList split(const QString& text);
    // Reads a UTF-8 text file and splits it. Throws Error naming the file when it cannot be read,
    // is not text (NUL bytes, invalid UTF-8) or holds no document.
    static QStringList fromFile(const QString& path);
};

} // namespace qb
