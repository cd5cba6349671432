#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace qb {

// Writes a folder atomically: files go into a hidden temporary folder beside the destination,
// and commit() renames it into place, so the destination is either untouched or complete. If the
// object is destroyed without commit() (an error, a cancel) the temporary folder is removed.
//
// With `replaceExisting`, an existing destination is moved aside at commit() and deleted only once
// the new folder is in place. Creating the stage refuses a destination that is, contains or lies
// inside any of the `protectedPaths` (the input model), so an input is never written.
class StagingDirectory {
    Q_DECLARE_TR_FUNCTIONS(StagingDirectory)

public:
    StagingDirectory(const QString& destination, bool replaceExisting,
                     const QStringList& protectedPaths);
    ~StagingDirectory();
    StagingDirectory(const StagingDirectory&) = delete;
    StagingDirectory& operator=(const StagingDirectory&) = delete;

    // The temporary folder to write into.
    const QString& path() const { return m_stagePath; }
    QString filePath(const QString& name) const;
    // Throws Error when the destination's file system has fewer than `bytes` free.
    void requireFreeSpace(std::uint64_t bytes) const;

    // What every output (this folder, or a single file such as a GGUF) must pass before anything
    // is written: Error when `destination` is, contains or lies inside any of `protectedPaths`
    // (symbolic links resolved, also for paths that do not exist yet).
    static void refuseInputs(const QString& destination, const QStringList& protectedPaths);
    // Error naming `destination` when the file system holding `folder` has fewer than `bytes`
    // free.
    static void requireFreeSpaceAt(const QString& folder, const QString& destination,
                                   std::uint64_t bytes);
    // Moves the stage into place. Throws Error if the rename fails (the stage is then removed).
    void commit();

private:
    QString m_destination;
    QString m_stagePath;
    bool m_replaceExisting = false;
    bool m_committed = false;
};

// Writes one file atomically: the writer writes path(), a hidden temporary file beside the
// destination, and commit() renames it over the destination (atomic on POSIX), so the destination
// holds either its old content or the complete new one. Destroyed without a successful commit()
// (an error, a cancel), the temporary file is removed.
class StagedFile {
public:
    explicit StagedFile(const QString& destination);
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    const QString& path() const { return m_path; }
    // Renames the file into place, replacing what is there; false when the rename failed.
    bool commit();

private:
    QString m_destination;
    QString m_path;
    bool m_committed = false;
};

} // namespace qb
