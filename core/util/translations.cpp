#include "core/util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace qb {

void installTranslators(QCoreApplication& app, const QLocale& locale)
{
    // The locale's catalogue, or else the English one, which holds only plural forms (the source
    // texts are English; "%n layer(s)" needs a catalogue to become "1 layer" / "2 layers").
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("quantbench"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))
        || own->load(QStringLiteral(":/i18n/quantbench_en.qm")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace qb
