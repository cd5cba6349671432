#pragma once

class QCoreApplication;
class QLocale;

namespace qb {

// Installs QuantBench's translation for `locale` (embedded as :/i18n/quantbench_<lang>.qm) and
// Qt's own, when available. A locale without a catalogue gets the English one (plural forms
// only): a missing translation is not an error.
// Call once, on the main thread, after creating the application object.
void installTranslators(QCoreApplication& app, const QLocale& locale);

} // namespace qb
