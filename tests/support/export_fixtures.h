#pragma once

#include "core/io/checkpoint.h"
#include "core/io/dtype.h"
#include "core/io/safetensors_file.h"
#include "core/model/model_spec.h"
#include "core/quant/quant_plan.h"
#include "core/util/error.h"
#include "tests/support/synthetic_checkpoint.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <vector>

namespace qb {
class ForwardHooks;
class LayerInventory;
class LoadedModel;
class Progress;
struct LinearLayer;
struct QuantizedModel;
struct QuantizedTensor;
} // namespace qb

// What the tests of plans and exporters (tst_quant_plan, tst_fake_quant_export, tst_gptq_export,
// tst_awq_compressed_tensors_export) share: plans and tiny models to export, the folders and files
// an export leaves, and the checks that a packed export holds exactly what its run computed.
namespace qb::test {

// ---- plans and models ----------------------------------------------------------------------

// A plan quantizing every layer with RTN at `bits`, group size code `groupCode`.
QuantPlan rtnPlan(int bits, int groupCode, bool symmetric);
// An override for `match` that changes nothing until its fields are set.
PlanOverride planOverride(const QString& match);
// An override that keeps `match` unquantized (method none).
PlanOverride keepOverride(const QString& match);

// A tiny Llama whose every linear packs into 32-bit words at 2, 4 and 8 bits in the GPTQ, AWQ
// and compressed-tensors layouts: hidden 32, k/v 16 outputs, MLP 64.
TinyLlamaOptions packableTinyLlama(int layers = 2);
// Six windows of 48 token ids below `vocabSize`: calibration of a tiny model, which has no
// tokenizer.
std::vector<std::vector<int>> tinyCalibrationWindows(int vocabSize);
// The demo model's calibration windows: TinyStories-valid-subset in windows of at most 256
// tokens (19 of them).
std::vector<std::vector<int>> demoCalibrationWindows(const LoadedModel& demo);

// ---- files ---------------------------------------------------------------------------------

QByteArray toBytes(std::span<const std::byte> bytes);
// SHA-256 of every file under `dir` (hidden ones included) by relative path; folders map to an
// empty checksum so that a new empty folder is noticed too.
QMap<QString, QByteArray> snapshot(const QString& dir);
// Names in `dir`, hidden ones included, sorted.
QStringList entriesOf(const QString& dir);
// The JSON object in `path`, or an empty object when it cannot be read.
QJsonObject readJson(const QString& path);

// The message of the Error `f` throws, or a null string when it throws none.
template <typename F> QString errorOf(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.message();
    }
    return {};
}

// The elements of tensor `name` of `checkpoint` as values of T (its dtype's size and layout).
template <typename T> std::vector<T> valuesOf(const Checkpoint& checkpoint, const QString& name)
{
    const auto ref = checkpoint.require(name);
    const auto bytes = ref.file->bytes(*ref.info);
    std::vector<T> values(bytes.size() / sizeof(T));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

// ---- packed exports against their run ------------------------------------------------------

// Python's re.match, written independently of the code under test: the pattern must match at
// the start of the name and may stop anywhere.
bool pythonReMatch(const QString& pattern, const QString& name);

// A hand-made 4-bit tensor [N = 8, K = 16] in two groups of 8: code (n + k) % 16, group 0 zero
// n + 1 (1 … 8) and scale 0.01 (n + 1), group 1 zero 8 + n (8 … 15) and scale 0.003.
QuantizedTensor handMadeTensor();

// The weight a kernel computes with for `tensor`: its codes and zero points, its scales (÷
// `divisor` per output row when a scale was folded into them) rounded to `scaleType` (F16 or
// BF16; any other type leaves them as they are).
std::vector<float> expectedWeight(const QuantizedTensor& tensor, DType scaleType,
                                  const std::vector<float>& divisor = {});

// A checkpoint reader's dequantized weight [N, K] of a module.
using WeightReader = std::function<std::vector<float>(const QString& module)>;
// The reader's dequantizedWeight() (GptqCheckpoint, AwqCheckpoint, CompressedTensorsCheckpoint).
template <typename Reader> WeightReader dequantizedWeightsOf(std::shared_ptr<const Reader> reader)
{
    return [reader](const QString& module) { return reader->dequantizedWeight(module); };
}

// Every module of `quantized`'s model read back through `read` equals the run's weight with the
// scales rounded to `scaleType` (quantized) or the source weight (kept), bit for bit; when a scale
// was folded into a layer, its `divisors` entry [N] divides its scales (quantized) or its weight
// rows in float32 (kept).
void verifyReadBack(const QuantizedModel& quantized, const WeightReader& read,
                    const std::function<DType(const LinearLayer&)>& scaleType,
                    const std::map<QString, std::vector<float>>& divisors = {});

// `rows` := what o_proj's input scale s [heads · headDim] divides v_proj's output rows
// [kvHeads · headDim] by when it is folded: s of query head h, dim d goes to row
// (h / (heads / kvHeads), d). Written from the attention's head layout, independently of
// FoldTarget; fails the test unless the query heads sharing a key/value head agree, which a fold
// needs (callers check QTest::currentTestFailed()).
void vProjRowDivisor(const ModelSpec& spec, const std::vector<float>& oScale,
                     std::vector<float>& rows);

// Tensor `name` of the export `out` is that of its input `in` in the same dtype, element j of
// dimension 0 divided by divisor[j] (a folded input scale: a norm's weight, a linear's bias).
void verifyFolded(const Checkpoint& in, const Checkpoint& out, const QString& name,
                  const std::vector<float>& divisor);

// The export at `packedDir` as a plain float checkpoint at `floatDir`: the tensors of every
// quantized module (`module.suffix` for `suffixes`) replaced by `read`'s float32 weight [N, K]
// (shapes from `inventory`), everything else copied; config.json without quantization_config.
void writeFloatCopy(const QString& packedDir, const LayerInventory& inventory,
                    const QStringList& modules, const QStringList& suffixes,
                    const WeightReader& read, const QString& floatDir);

// The export at `goodDir` (one model.safetensors) rewritten at `badDir` with something broken,
// for a reader's refusals: each tensor, in file order, goes through `alterTensor`, which appends
// to `out` what is written in its place (nothing: the tensor is dropped); config.json's
// quantization_config goes through `alterConfig`.
void writeAlteredExport(
    const QString& goodDir, const QString& badDir,
    const std::function<void(RawTensor tensor, std::vector<RawTensor>& out)>& alterTensor,
    const std::function<void(QJsonObject& quantizationConfig)>& alterConfig);

// Tensor `name` of `checkpoint` is there, with `dtype` and `shape`.
void verifyTensorHeader(const Checkpoint& checkpoint, const QString& name, DType dtype,
                        const std::vector<std::int64_t>& shape);

// What an exporter's staging promises, checked on `run` (an export, with replaceExisting as
// given, into an output folder that already exists under `root`): without replaceExisting it is
// refused, naming --force; cancelled once it writes model.layers.1.self_attn.q_proj.weight, it
// leaves nothing behind; either way everything under `root` stays as it was. Then it runs to the
// end.
void verifyStagedExport(const QString& root,
                        const std::function<void(bool replaceExisting, Progress& progress)>& run);

// What the export of a single-shard input holds: the input's files but its .safetensors
// (`inputFiles`, relative paths), model.safetensors, the format's `configFiles`, the recipe and
// the report; sorted.
QStringList exportedFiles(const QStringList& inputFiles, const QStringList& configFiles);

// Logits [tokens, vocab] of one sequence, concatenated.
std::vector<float> logitsOf(const std::shared_ptr<const LoadedModel>& model,
                            const std::vector<int>& tokens, ForwardHooks* hooks = nullptr);
double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b);

// The float copy at `floatDir` of an export of `quantized` computes the run's logits on
// `tokens` (without int8 activations, which no packed format holds) up to the rounding of the
// scales: far closer to them than the run is to the original model (under a fifth of that
// distance).
void compareLogitsWithRun(const QuantizedModel& quantized, const QString& floatDir,
                          const std::vector<int>& tokens);

} // namespace qb::test
