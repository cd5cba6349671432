#include "core/tokenizer/text_documents.h"

#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QStringDecoder>

namespace qb {

QStringList TextDocuments::split(const QString& text)
{
    const QString separator = QLatin1String(kSeparator);
    const QStringList parts =
        text.contains(separator) ? text.split(separator) : text.split(QLatin1Char('\n'));
    QStringList documents;
    for (const QString& part : parts) {
        const QString document = part.trimmed();
        if (!document.isEmpty())
            documents << document;
    }
    return documents;
}

QStringList TextDocuments::fromFile(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(tr("%1: cannot open the file: %2").arg(shown, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        throw Error(tr("%1: not a text file (it holds NUL bytes)").arg(shown));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        throw Error(tr("%1: not UTF-8 text").arg(shown));
    const QStringList documents = split(text);
    if (documents.isEmpty())
        throw Error(tr("%1: the file holds no text").arg(shown));
    return documents;
}

} // namespace qb
