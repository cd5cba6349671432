// The project file: a session written and opened again is the same session — the plan, the
// texts, the scan and the kept run down to every code, grid and statistic, computing the same
// logits — and a file that does not fit (another model, a missing model, a damaged run, not a
// project at all) is refused with a message naming it and what is wrong.

#include "core/analysis/sensitivity_scan.h"
#include "core/calib/calibration_set.h"
#include "core/io/safetensors_file.h"
#include "core/model/loaded_model.h"
#include "core/project/project_file.h"
#include "core/quant/quantization_pipeline.h"
#include "core/tokenizer/text_documents.h"
#include "core/tokenizer/tokenizer.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/export_fixtures.h"
#include "tests/support/synthetic_checkpoint.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace qb;

namespace {

// A copy of the demo model's folder at `target`.
void copyDemoModel(const QString& target)
{
    QVERIFY(QDir().mkpath(target));
    const QDir source(test::demoModelDir());
    for (const QString& name : source.entryList(QDir::Files))
        QVERIFY(QFile::copy(source.filePath(name), QDir(target).filePath(name)));
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const LoadedModel> m_model;
    std::vector<std::vector<int>> m_windows;
    std::shared_ptr<const QuantizedModel> m_run;
    std::shared_ptr<const SensitivityScanResult> m_scan;

    // Every method and every kind of stored tensor: act-order GPTQ (group index, permutation),
    // AWQ (input scales), SmoothQuant (int8 activations), RTN, and a layer kept.
    static QuantPlan mixedPlan()
    {
        QuantPlan plan = test::rtnPlan(3, 32, false);
        PlanOverride gptq =
            test::planOverride(QStringLiteral("re:model\\.layers\\.0\\.self_attn\\.(q|k|v)_proj"));
        gptq.method = QuantMethod::Gptq;
        gptq.actOrder = true;
        PlanOverride awq =
            test::planOverride(QStringLiteral("re:model\\.layers\\.1\\.mlp\\.(gate|up)_proj"));
        awq.method = QuantMethod::Awq;
        PlanOverride smooth =
            test::planOverride(QStringLiteral("re:model\\.layers\\.2\\.self_attn\\.(q|k|v)_proj"));
        smooth.method = QuantMethod::SmoothQuant;
        for (const PlanOverride& o :
             {gptq, awq, smooth,
              test::keepOverride(QStringLiteral("model.layers.3.mlp.down_proj"))})
            plan.addOverride(o);
        plan.calibration.sequenceLength = 256;
        return plan;
    }

    Project project(const QString& modelDirectory) const
    {
        Project p;
        p.modelDirectory = modelDirectory;
        p.plan = mixedPlan();
        p.calibrationText =
            QDir(test::dataDir())
                .filePath(QStringLiteral("tinystories/TinyStories-valid-subset.txt"));
        p.trueSequential = false;
        p.evaluationText =
            QDir(test::dataDir()).filePath(QStringLiteral("tinystories/tinystories_sample.txt"));
        p.evaluationContext = 128;
        p.evaluationStride = 64;
        p.scan = m_scan;
        p.run = m_run;
        p.runInputs.planJson = QJsonDocument(p.plan.toJson()).toJson(QJsonDocument::Compact);
        p.runInputs.textPath = p.calibrationText;
        p.runInputs.textModified = QFileInfo(p.calibrationText).lastModified();
        p.runInputs.textSize = QFileInfo(p.calibrationText).size();
        p.runInputs.trueSequential = true;
        EvaluationResult evaluation;
        evaluation.documents = 3;
        evaluation.windows = 4;
        evaluation.inputTokens = 700;
        evaluation.contextLength = 128;
        evaluation.stride = 64;
        evaluation.reference = {650, 820.125};
        evaluation.modified = NllScore{650, 1001.5};
        evaluation.meanKl = 0.3125;
        evaluation.seconds = 0.25;
        evaluation.compute = {QStringLiteral("cpu"), QStringLiteral("CPU"), QString(), 0};
        p.evaluation = std::make_shared<const EvaluationResult>(evaluation);
        p.evaluatedPlanKey = p.plan.evaluationKey(m_model->inventory());
        p.evaluatedPlan = p.plan.describe();
        return p;
    }

    static QString errorOpening(const QString& path)
    {
        return test::errorOf([&] {
            SilentProgress progress;
            ProjectFile::open(path, progress);
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_model = LoadedModel::open(test::demoModelDir());
        m_windows = test::demoCalibrationWindows(*m_model);
        SilentProgress progress;
        m_run = QuantizationPipeline::run(m_model, mixedPlan(), m_windows, {}, progress);
        QVERIFY(m_run->report.complete);

        const auto tokenizer = Tokenizer::load(m_model->directory(), m_model->spec());
        SensitivityOptions options;
        options.bits = {3, 8};
        options.unit = SensitivityUnitKind::Role;
        options.quantization.scheme = QuantScheme::fromGroupSizeCode(3, false, 32);
        const QStringList documents = TextDocuments::fromFile(
            QDir(test::dataDir()).filePath(QStringLiteral("tinystories/tinystories_sample.txt")));
        m_scan = std::make_shared<const SensitivityScanResult>(SensitivityScan::run(
            m_model, *tokenizer, m_windows, documents.mid(0, 2), options, progress));
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("session.qbproj"));
        const Project written = project(test::demoModelDir());
        SilentProgress progress;
        ProjectFile::write(path, written, *m_model, progress);

        const OpenedProject opened = ProjectFile::open(path, progress);
        QCOMPARE(opened.model->sourcePath(), QFileInfo(test::demoModelDir()).absoluteFilePath());
        const Project& read = opened.project;
        QCOMPARE(read.plan.toJson(), written.plan.toJson());
        QCOMPARE(read.calibrationText, written.calibrationText);
        QCOMPARE(read.trueSequential, false);
        QCOMPARE(read.evaluationText, written.evaluationText);
        QCOMPARE(read.evaluationContext, 128);
        QCOMPARE(read.evaluationStride, 64);
        // The run's inputs come back with the text's digest, and match what they were.
        QCOMPARE(read.runInputs.textSha256, QuantRunInputs::sha256Of(written.calibrationText));
        QCOMPARE(read.runInputs.textSha256.size(), 64);
        QuantRunInputs withoutDigest = read.runInputs;
        withoutDigest.textSha256.clear();
        QVERIFY(withoutDigest == written.runInputs);
        QVERIFY(written.runInputs.matches(read.runInputs));
        QVERIFY(read.scan);
        QCOMPARE(read.scan->toJson(), m_scan->toJson());
        QVERIFY(read.evaluation);
        QCOMPARE(read.evaluation->toJson(), written.evaluation->toJson());
        QCOMPARE(read.evaluation->modified->totalNll, 1001.5);
        QCOMPARE(read.evaluatedPlanKey, written.evaluatedPlanKey);
        QCOMPARE(read.evaluatedPlan, written.evaluatedPlan);
        // Described again from its key (so in the reader's language), else as written.
        QCOMPARE(read.evaluatedPlanDescription(), written.plan.describe());
        Project unreadable = read;
        unreadable.evaluatedPlan = QStringLiteral("as written");
        unreadable.evaluatedPlanKey = "{\"default\": {\"bitz\": 4}}";
        QCOMPARE(unreadable.evaluatedPlanDescription(), QStringLiteral("as written"));

        // The run: the report as written, and every layer bit for bit.
        QVERIFY(read.run);
        const QuantizedModel& run = *read.run;
        QCOMPARE(run.model, opened.model);
        QCOMPARE(run.report.toJson(), m_run->report.toJson());
        QCOMPARE(run.finished, m_run->finished);
        QCOMPARE(run.layers.size(), m_run->layers.size());
        int permuted = 0, scaled = 0, int8 = 0;
        for (const auto& [name, expected] : m_run->layers) {
            QVERIFY2(run.layers.count(name), qPrintable(name));
            const QuantizedLayer& layer = run.layers.at(name);
            QVERIFY(layer.config == expected.config);
            QCOMPARE(layer.config, m_run->report.find(name)->config);
            QCOMPARE(layer.tensor.scheme.bits, expected.tensor.scheme.bits);
            QCOMPARE(layer.tensor.scheme.groupSizeCode(), expected.tensor.scheme.groupSizeCode());
            QCOMPARE(layer.tensor.scheme.symmetric, expected.tensor.scheme.symmetric);
            QCOMPARE(layer.tensor.codes, expected.tensor.codes);
            QCOMPARE(layer.tensor.params.size(), expected.tensor.params.size());
            QVERIFY(std::memcmp(layer.tensor.params.data(), expected.tensor.params.data(),
                                expected.tensor.params.size() * sizeof(GridParams))
                    == 0);
            QCOMPARE(layer.tensor.groupIndex, expected.tensor.groupIndex);
            QCOMPARE(layer.permutation, expected.permutation);
            QCOMPARE(layer.inputScale, expected.inputScale);
            QCOMPARE(layer.quantizedActivations, expected.quantizedActivations);
            QCOMPARE(layer.dampingUsed, expected.dampingUsed);
            QCOMPARE(layer.conditionEstimate, expected.conditionEstimate);
            QCOMPARE(layer.details, expected.details);
            QCOMPARE(layer.dequantizedWeight(), expected.dequantizedWeight());
            permuted += !layer.permutation.empty();
            scaled += !layer.inputScale.empty();
            int8 += layer.quantizedActivations;
        }
        // The plan put each kind of tensor in the file: 3 act-order, 2 AWQ and 3 SmoothQuant
        // layers (which have input scales too).
        QCOMPARE(permuted, 3);
        QCOMPARE(scaled, 5);
        QCOMPARE(int8, 3);
        QVERIFY(!m_run->inputChannels.empty());
        QCOMPARE(run.inputChannels.size(), m_run->inputChannels.size());
        for (const auto& [group, expected] : m_run->inputChannels) {
            const InputChannelStats& stats = run.inputChannels.at(group);
            QCOMPARE(stats.site, expected.site);
            QCOMPARE(stats.tokens, expected.tokens);
            QVERIFY(stats.absMean == expected.absMean);
            QVERIFY(stats.absMax == expected.absMax);
            QVERIFY(stats.squareSum == expected.squareSum);
        }

        // The opened run computes exactly the logits the run computed.
        const std::vector<int> tokens(m_windows.front().begin(), m_windows.front().begin() + 64);
        QuantizedModelHooks before(m_run);
        QuantizedModelHooks after(read.run);
        QCOMPARE(test::logitsOf(opened.model, tokens, &after),
                 test::logitsOf(m_model, tokens, &before));
    }

    // A project with nothing run and no scan opens with neither.
    void withoutRunScanOrEvaluation()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan-only.qbproj"));
        Project written = project(test::demoModelDir());
        written.run.reset();
        written.scan.reset();
        written.evaluation.reset();
        SilentProgress progress;
        ProjectFile::write(path, written, *m_model, progress);
        const OpenedProject opened = ProjectFile::open(path, progress);
        QVERIFY(!opened.project.run);
        QVERIFY(!opened.project.scan);
        QVERIFY(!opened.project.evaluation);
        QCOMPARE(opened.project.plan.toJson(), written.plan.toJson());
    }

    // A project moved together with its model finds the model beside it.
    void movedWithItsModel()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first"));
        copyDemoModel(first + QStringLiteral("/stories260K"));
        const auto copy = LoadedModel::open(first + QStringLiteral("/stories260K"));
        Project written = project(copy->sourcePath());
        written.run.reset();
        SilentProgress progress;
        ProjectFile::write(first + QStringLiteral("/work.qbproj"), written, *copy, progress);

        const QString moved = dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().rename(first, moved));
        const OpenedProject opened =
            ProjectFile::open(moved + QStringLiteral("/work.qbproj"), progress);
        QCOMPARE(opened.model->sourcePath(), moved + QStringLiteral("/stories260K"));
        QVERIFY(opened.project.scan);

        // Gone from both places: the message names where it looked.
        QVERIFY(QDir(moved + QStringLiteral("/stories260K")).removeRecursively());
        const QString error = errorOpening(moved + QStringLiteral("/work.qbproj"));
        QVERIFY2(error.contains(QStringLiteral("is not there")) && error.contains(first),
                 qPrintable(error));
    }

    // Texts moved together with the project are found beside it, and a run made from the text
    // is still its run when the copy has another time (opening recognises it by its digest); a
    // text of the same size but other content is not.
    void movedWithItsTexts()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first"));
        QVERIFY(QDir().mkpath(first + QStringLiteral("/texts")));
        const QString calibration = first + QStringLiteral("/texts/calib.txt");
        const QString evaluation = first + QStringLiteral("/texts/eval.txt");
        QVERIFY(
            QFile::copy(QDir(test::dataDir())
                            .filePath(QStringLiteral("tinystories/TinyStories-valid-subset.txt")),
                        calibration));
        QVERIFY(QFile::copy(
            QDir(test::dataDir()).filePath(QStringLiteral("tinystories/tinystories_sample.txt")),
            evaluation));
        Project written = project(test::demoModelDir());
        written.calibrationText = calibration;
        written.evaluationText = evaluation;
        written.runInputs = QuantRunInputs::of(written.plan, m_model->inventory(), calibration,
                                               written.trueSequential);
        SilentProgress progress;
        ProjectFile::write(first + QStringLiteral("/work.qbproj"), written, *m_model, progress);

        const QString moved = dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().rename(first, moved));
        const QString movedText = moved + QStringLiteral("/texts/calib.txt");
        {
            QFile text(movedText); // a copy with another time
            QVERIFY(text.open(QIODevice::ReadWrite));
            QVERIFY(text.setFileTime(QDateTime::currentDateTime().addDays(1),
                                     QFileDevice::FileModificationTime));
        }
        OpenedProject opened = ProjectFile::open(moved + QStringLiteral("/work.qbproj"), progress);
        const Project& read = opened.project;
        QCOMPARE(read.calibrationText, movedText);
        QCOMPARE(read.evaluationText, moved + QStringLiteral("/texts/eval.txt"));
        QCOMPARE(read.runInputs.textPath, movedText);
        const QuantRunInputs now = QuantRunInputs::of(read.plan, opened.model->inventory(),
                                                      read.calibrationText, read.trueSequential);
        QVERIFY(!(now == read.runInputs)); // the saved inputs carry the digest
        QVERIFY(now.matches(read.runInputs));

        // The same size, other content: not the run's text.
        QFile text(movedText);
        QVERIFY(text.open(QIODevice::ReadWrite));
        QByteArray bytes = text.readAll();
        bytes[10] = bytes[10] == 'x' ? 'y' : 'x';
        QVERIFY(text.seek(0));
        QCOMPARE(text.write(bytes), bytes.size());
        text.close();
        const QuantRunInputs changed = QuantRunInputs::of(
            read.plan, opened.model->inventory(), read.calibrationText, read.trueSequential);
        QCOMPARE(changed.textSize, now.textSize);
        QVERIFY(!changed.matches(read.runInputs));
    }

    // Codes of grids up to 4 bits are stored two to a byte, rows of an odd width padded; wider
    // codes one to a byte. Both come back exactly.
    void codesTwoToAByte()
    {
        QTemporaryDir dir;
        test::TinyLlamaOptions options;
        options.intermediateSize = 25; // down_proj [16, 25]: odd rows of codes
        const QString modelDir = dir.filePath(QStringLiteral("tiny"));
        test::writeTinyLlama(modelDir, options);
        const auto model = LoadedModel::open(modelDir);
        QuantPlan plan = test::rtnPlan(3, 8, false);
        PlanOverride wide = test::planOverride(QStringLiteral("re:.*self_attn\\.q_proj"));
        wide.bits = 6;
        plan.addOverride(wide);
        SilentProgress progress;
        Project written;
        written.modelDirectory = modelDir;
        written.plan = plan;
        written.run = QuantizationPipeline::run(model, plan, {}, {}, progress);
        const QString path = dir.filePath(QStringLiteral("tiny.qbproj"));
        ProjectFile::write(path, written, *model, progress);

        const auto file = SafetensorsFile::open(path);
        const TensorInfo* down =
            file->find(QStringLiteral("run/model.layers.0.mlp.down_proj/codes_nibbles"));
        QVERIFY(down);
        QCOMPARE(down->shape, (std::vector<std::int64_t>{16, 13}));
        QVERIFY(!file->find(QStringLiteral("run/model.layers.0.mlp.down_proj/codes")));
        QVERIFY(file->find(QStringLiteral("run/model.layers.0.self_attn.q_proj/codes")));

        const OpenedProject opened = ProjectFile::open(path, progress);
        QVERIFY(opened.project.run);
        for (const auto& [name, layer] : written.run->layers)
            QCOMPARE(opened.project.run->layers.at(name).tensor.codes, layer.tensor.codes);
    }

    void refusesWhatDoesNotFit()
    {
        QTemporaryDir dir;
        SilentProgress progress;

        // Not a project at all.
        const QString weights =
            QDir(test::demoModelDir()).filePath(QStringLiteral("model.safetensors"));
        QString error = errorOpening(weights);
        QVERIFY2(error.contains(QStringLiteral("is not a QuantBench project")), qPrintable(error));
        QVERIFY(errorOpening(dir.filePath(QStringLiteral("none.qbproj")))
                    .contains(QStringLiteral("none.qbproj")));

        // Its model replaced by another one at the same place.
        const QString modelDir = dir.filePath(QStringLiteral("model"));
        copyDemoModel(modelDir);
        const auto copy = LoadedModel::open(modelDir);
        Project written = project(modelDir);
        written.run.reset();
        written.scan.reset();
        const QString path = dir.filePath(QStringLiteral("other.qbproj"));
        ProjectFile::write(path, written, *copy, progress);
        QVERIFY(QDir(modelDir).removeRecursively());
        test::writeTinyLlama(modelDir);
        error = errorOpening(path);
        QVERIFY2(error.contains(QStringLiteral("was made on a model with 35 linear layers")),
                 qPrintable(error));

        // Truncated: the safetensors reader names the file.
        const QString full = dir.filePath(QStringLiteral("full.qbproj"));
        ProjectFile::write(full, project(test::demoModelDir()), *m_model, progress);
        QFile file(full);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        error = errorOpening(full);
        QVERIFY2(error.contains(QStringLiteral("full.qbproj")), qPrintable(error));

        // A run whose codes do not fit its grid.
        auto damaged = std::make_shared<QuantizedModel>(*m_run);
        QuantizedLayer& layer = damaged->layers.begin()->second;
        layer.tensor.codes[5] = std::uint8_t(layer.tensor.scheme.maxCode() + 1);
        Project bad = project(test::demoModelDir());
        bad.run = damaged;
        const QString badPath = dir.filePath(QStringLiteral("damaged.qbproj"));
        ProjectFile::write(badPath, bad, *m_model, progress);
        error = errorOpening(badPath);
        QVERIFY2(error.contains(QStringLiteral("holds a code of 8 on a 3-bit grid"))
                     && error.contains(layer.name),
                 qPrintable(error));

        // An evaluation with a negative log-likelihood.
        Project badEvaluation = project(test::demoModelDir());
        EvaluationResult negative = *badEvaluation.evaluation;
        negative.modified->totalNll = -1.0;
        badEvaluation.evaluation = std::make_shared<const EvaluationResult>(negative);
        ProjectFile::write(badPath, badEvaluation, *m_model, progress);
        error = errorOpening(badPath);
        QVERIFY2(error.contains(QStringLiteral("evaluation.result"))
                     && error.contains(QStringLiteral("modified.nll_total")),
                 qPrintable(error));
    }

    // Nothing is written into the model's folder, and a cancelled save leaves nothing behind.
    void neverWritesTheModelOrHalfAFile()
    {
        SilentProgress progress;
        const QString inside = QDir(test::demoModelDir()).filePath(QStringLiteral("x.qbproj"));
        const QString error = test::errorOf(
            [&] { ProjectFile::write(inside, project(test::demoModelDir()), *m_model, progress); });
        QVERIFY2(!error.isEmpty() && !QFileInfo::exists(inside), qPrintable(error));

        QTemporaryDir dir;
        SilentProgress cancelled;
        cancelled.cancel();
        const QString path = dir.filePath(QStringLiteral("cancelled.qbproj"));
        QVERIFY_THROWS_EXCEPTION(Cancelled, ProjectFile::write(path, project(test::demoModelDir()),
                                                               *m_model, cancelled));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_project_file.moc"
