#include "core/io/staging_directory.h"

#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <filesystem>

namespace qb {

namespace {

// The path with symbolic links resolved, also for a path that does not exist yet: the nearest
// existing ancestor is resolved and the rest appended, so "link-to-input/new-folder" is seen to
// lie inside the input.
QString canonicalOrAbsolute(const QString& path)
{
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString rest;
    while (!QFileInfo::exists(existing) && existing != QDir::rootPath()) {
        const QFileInfo info(existing);
        rest = rest.isEmpty() ? info.fileName() : info.fileName() + QLatin1Char('/') + rest;
        existing = info.absolutePath();
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    const QString base = canonical.isEmpty() ? existing : canonical;
    return rest.isEmpty() ? base : QDir::cleanPath(base + QLatin1Char('/') + rest);
}

bool isSameOrInside(const QString& inner, const QString& outer)
{
    return inner == outer || inner.startsWith(outer + QLatin1Char('/'));
}

} // namespace

StagingDirectory::StagingDirectory(const QString& destination, bool replaceExisting,
                                   const QStringList& protectedPaths)
    : m_destination(QDir::cleanPath(QFileInfo(destination).absoluteFilePath()))
    , m_replaceExisting(replaceExisting)
{
    const QString shown = QDir::toNativeSeparators(m_destination);
    refuseInputs(m_destination, protectedPaths);
    const QFileInfo info(m_destination);
    if (info.exists() && !info.isDir())
        throw Error(tr("%1: exists and is not a folder").arg(shown));
    if (info.exists() && !replaceExisting)
        throw Error(tr("%1: the folder already exists (use --force to replace it)").arg(shown));

    const QDir parent = info.absoluteDir();
    if (!parent.exists() && !QDir().mkpath(parent.absolutePath()))
        throw Error(tr("%1: cannot create the parent folder").arg(shown));
    QTemporaryDir stage(parent.filePath(QStringLiteral(".%1.partial-XXXXXX").arg(info.fileName())));
    if (!stage.isValid())
        throw Error(tr("%1: cannot create a temporary folder beside it: %2")
                        .arg(shown, stage.errorString()));
    stage.setAutoRemove(false); // removed by our destructor unless committed
    // QTemporaryDir makes the folder private (0700), and the rename in commit() would carry that
    // onto the output. Keep the unique name but make the folder afresh, so it gets the
    // permissions of any new folder (those the umask allows), as cp or mkdir would.
    const QString stagePath = stage.path();
    if (!QDir().rmdir(stagePath) || !QDir().mkdir(stagePath))
        throw Error(tr("%1: cannot create a temporary folder beside it").arg(shown));
    m_stagePath = stagePath;
}

StagingDirectory::~StagingDirectory()
{
    if (!m_committed && !m_stagePath.isEmpty())
        QDir(m_stagePath).removeRecursively();
}

QString StagingDirectory::filePath(const QString& name) const
{
    return QDir(m_stagePath).filePath(name);
}

void StagingDirectory::requireFreeSpace(std::uint64_t bytes) const
{
    requireFreeSpaceAt(m_stagePath, m_destination, bytes);
}

void StagingDirectory::refuseInputs(const QString& destination, const QStringList& protectedPaths)
{
    const QString shown = QDir::toNativeSeparators(destination);
    const QString destinationCanonical = canonicalOrAbsolute(destination);
    for (const QString& input : protectedPaths) {
        const QString inputCanonical = canonicalOrAbsolute(input);
        if (isSameOrInside(inputCanonical, destinationCanonical))
            throw Error(tr("%1: refusing to write here, it would replace the input %2")
                            .arg(shown, QDir::toNativeSeparators(input)));
        if (isSameOrInside(destinationCanonical, inputCanonical))
            throw Error(tr("%1: refusing to write inside the input folder %2; choose a folder "
                           "outside it")
                            .arg(shown, QDir::toNativeSeparators(input)));
    }
}

void StagingDirectory::requireFreeSpaceAt(const QString& folder, const QString& destination,
                                          std::uint64_t bytes)
{
    const qint64 available = QStorageInfo(folder).bytesAvailable();
    if (available >= 0 && static_cast<std::uint64_t>(available) < bytes) {
        const QLocale locale;
        throw Error(tr("%1: not enough free space: the output needs %2, the disk has %3")
                        .arg(QDir::toNativeSeparators(destination),
                             locale.formattedDataSize(static_cast<qint64>(bytes)),
                             locale.formattedDataSize(available)));
    }
}

void StagingDirectory::commit()
{
    const QString shown = QDir::toNativeSeparators(m_destination);
    const QFileInfo info(m_destination);
    QString aside;
    if (info.exists()) {
        Q_ASSERT(m_replaceExisting);
        QTemporaryDir asideDir(
            info.absoluteDir().filePath(QStringLiteral(".%1.old-XXXXXX").arg(info.fileName())));
        if (!asideDir.isValid())
            throw Error(tr("%1: cannot move the existing folder aside").arg(shown));
        // Only a unique name is wanted. Auto-removal must be off before the old folder takes that
        // name: QTemporaryDir's destructor removes its path again even after remove(), which
        // would delete the old folder before the new one is in place.
        asideDir.setAutoRemove(false);
        aside = asideDir.path();
        QDir().rmdir(aside);
        if (!QDir().rename(m_destination, aside))
            throw Error(tr("%1: cannot move the existing folder aside").arg(shown));
    }
    if (!QDir().rename(m_stagePath, m_destination)) {
        if (!aside.isEmpty())
            QDir().rename(aside, m_destination); // put the old folder back
        throw Error(tr("%1: cannot rename the finished output into place").arg(shown));
    }
    m_committed = true;
    if (aside.isEmpty())
        return;
    // A destination that was a symbolic link to a folder is replaced as a link: removing it
    // recursively would empty the folder it points to, which the user never named.
    if (QFileInfo(aside).isSymLink())
        QFile::remove(aside);
    else
        QDir(aside).removeRecursively();
}

StagedFile::StagedFile(const QString& destination)
    : m_destination(QFileInfo(destination).absoluteFilePath())
{
    const QFileInfo info(m_destination);
    m_path = info.absoluteDir().filePath(
        QStringLiteral(".%1.partial-%2")
            .arg(info.fileName())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
}

StagedFile::~StagedFile()
{
    if (!m_committed)
        QFile::remove(m_path);
}

bool StagedFile::commit()
{
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(m_path).toStdString(),
                            QFile::encodeName(m_destination).toStdString(), error);
    m_committed = !error;
    return m_committed;
}

} // namespace qb
