#include "core/export/checkpoint_export.h"

#include "core/export/awq_exporter.h"
#include "core/export/compressed_tensors_exporter.h"
#include "core/export/fake_quant_exporter.h"
#include "core/export/gguf_exporter.h"
#include "core/export/gptq_exporter.h"
#include "core/model/loaded_model.h"

namespace qb {

namespace {

constexpr CheckpointFormat kFormats[] = {CheckpointFormat::Fake, CheckpointFormat::Gptq,
                                         CheckpointFormat::Awq, CheckpointFormat::CompressedTensors,
                                         CheckpointFormat::Gguf};

GptqExporter::Options gptqOptions(const CheckpointExportOptions& options)
{
    GptqExporter::Options gptq;
    gptq.replaceExisting = options.replaceExisting;
    gptq.format = options.gptqV1 ? GptqFormat::V1 : GptqFormat::V2;
    gptq.trueSequential = options.trueSequential;
    gptq.card = options.card;
    return gptq;
}

} // namespace

QStringList CheckpointExport::formatKeys()
{
    QStringList keys;
    for (CheckpointFormat format : kFormats)
        keys << formatKey(format);
    return keys;
}

std::optional<CheckpointFormat> CheckpointExport::formatFromKey(const QString& key)
{
    for (CheckpointFormat format : kFormats) {
        if (formatKey(format) == key)
            return format;
    }
    return std::nullopt;
}

QString CheckpointExport::formatKey(CheckpointFormat format)
{
    switch (format) {
    case CheckpointFormat::Fake:
        return QStringLiteral("fake");
    case CheckpointFormat::Gptq:
        return QStringLiteral("gptq");
    case CheckpointFormat::Awq:
        return QStringLiteral("awq");
    case CheckpointFormat::CompressedTensors:
        return QStringLiteral("compressed-tensors");
    case CheckpointFormat::Gguf:
        return QStringLiteral("gguf");
    }
    return {};
}

QString CheckpointExport::describe(CheckpointFormat format)
{
    switch (format) {
    case CheckpointFormat::Fake:
        return tr("Fake-quant (dequantized weights in the source dtype: any loader of the model)");
    case CheckpointFormat::Gptq:
        return tr("GPTQ (packed 2-, 3-, 4- or 8-bit weights: transformers, vLLM, GPTQModel)");
    case CheckpointFormat::Awq:
        return tr("AWQ GEMM (packed 4-bit weights: transformers, vLLM)");
    case CheckpointFormat::CompressedTensors:
        return tr("compressed-tensors (packed 4- or 8-bit weights: vLLM, transformers)");
    case CheckpointFormat::Gguf:
        return tr("GGUF (one file of Q4_0/Q4_1/Q5/Q8_0 blocks and K-quants: llama.cpp, Ollama, "
                  "LM Studio)");
    }
    return {};
}

QStringList CheckpointExport::problemsFor(const CheckpointExportOptions& options,
                                          const QuantPlan& plan, const LoadedModel& model)
{
    const LayerInventory& inventory = model.inventory();
    switch (options.format) {
    case CheckpointFormat::Fake:
        return {};
    case CheckpointFormat::Gptq:
        return GptqExporter::problemsFor(plan, inventory, gptqOptions(options));
    case CheckpointFormat::Awq:
        return AwqExporter::problemsFor(plan, inventory);
    case CheckpointFormat::CompressedTensors:
        return CompressedTensorsExporter::problemsFor(plan, inventory);
    case CheckpointFormat::Gguf:
        return GgufExporter::problemsFor(model);
    }
    return {};
}

bool CheckpointExport::writesSingleFile(CheckpointFormat format)
{
    return format == CheckpointFormat::Gguf;
}

QStringList CheckpointExport::run(const CheckpointExportOptions& options,
                                  const QuantizedModel& quantized, const QString& outDir,
                                  Progress& progress)
{
    switch (options.format) {
    case CheckpointFormat::Fake: {
        FakeQuantExporter::Options fake;
        fake.replaceExisting = options.replaceExisting;
        fake.card = options.card;
        return FakeQuantExporter::run(quantized, outDir, fake, progress);
    }
    case CheckpointFormat::Gptq:
        return GptqExporter::run(quantized, outDir, gptqOptions(options), progress);
    case CheckpointFormat::Awq: {
        AwqExporter::Options awq;
        awq.replaceExisting = options.replaceExisting;
        awq.card = options.card;
        return AwqExporter::run(quantized, outDir, awq, progress);
    }
    case CheckpointFormat::CompressedTensors: {
        CompressedTensorsExporter::Options compressed;
        compressed.replaceExisting = options.replaceExisting;
        compressed.card = options.card;
        return CompressedTensorsExporter::run(quantized, outDir, compressed, progress);
    }
    case CheckpointFormat::Gguf: {
        GgufExporter::Options gguf;
        gguf.replaceExisting = options.replaceExisting;
        gguf.card = options.card;
        return GgufExporter::run(quantized, outDir, gguf, progress);
    }
    }
    return {};
}

} // namespace qb
