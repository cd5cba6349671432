#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <cstdint>
#include <span>

namespace qb {

// A file written from scratch in one pass, for the checkpoint writers (SafetensorsWriter,
// GgufWriter): every failure throws Error naming the file, and finish() checks that the file on
// disk holds exactly the bytes the writer's header promised.
class OutputFile {
    Q_DECLARE_TR_FUNCTIONS(OutputFile)

public:
    explicit OutputFile(const QString& path);

    // Creates or truncates the file.
    void open();
    void write(std::span<const std::byte> bytes);
    void write(const QByteArray& bytes);
    // Flushes, closes, and checks the file's size is `expectedSize` bytes.
    void finish(std::uint64_t expectedSize);

private:
    [[noreturn]] void fail(const QString& what) const;

    QFile m_file;
};

} // namespace qb
