#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace qb {

// Text for evaluation and calibration, split into documents the way the golden protocol does:
// at "<|endoftext|>" when the text holds that marker, otherwise one document per non-empty line;
// each document stripped of surrounding whitespace, empty ones dropped. Datasets as Hugging Face
// `datasets` exports them are read too: JSON Lines (*.jsonl, *.ndjson; one record per line) and
// JSON (*.json; an array of records), where a record — a string, or an object whose "text" field
// is a string — is one document, line breaks and all.
class TextDocuments {
    Q_DECLARE_TR_FUNCTIONS(TextDocuments)

public:
    static constexpr const char* kSeparator = "<|endoftext|>";

    static QStringList split(const QString& text);
    // Reads a UTF-8 file (a leading byte-order mark skipped) and splits it: by its records when
    // its suffix says JSON Lines or JSON (isDataset), as text otherwise. Throws Error naming the
    // file — and for a dataset the line or record — when it cannot be read, is not text (NUL bytes,
    // invalid UTF-8), holds a record that is not JSON or has no string "text", or holds no
    // document.
    static QStringList fromFile(const QString& path);
    // Whether `path` names a JSON Lines or JSON dataset by its suffix (case-insensitive).
    static bool isDataset(const QString& path);
    // The files fromFile() reads, in a phrase for help texts and tooltips (translated).
    static QString formatDescription();
};

} // namespace qb
