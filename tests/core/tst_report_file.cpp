// ReportFile: a run's report saved on its own as HTML, CSV or JSON by the file's suffix, and the
// average bits per weight the report, the model card and the HTML page state.

#include "core/export/model_card.h"
#include "core/export/report_file.h"
#include "core/io/json_file.h"
#include "core/model/loaded_model.h"
#include "core/quant/quantization_pipeline.h"
#include "core/quant/quantized_model.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/support/test_paths.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace qb;

namespace {

// The demo model quantized by `plan` without calibration (RTN needs none).
std::shared_ptr<const QuantizedModel> quantizeDemo(const QuantPlan& plan)
{
    static const auto model = LoadedModel::open(test::demoModelDir());
    SilentProgress progress;
    return QuantizationPipeline::run(model, plan, {}, {}, progress);
}

QuantPlan rtnPlan(int bits, int groupSize)
{
    QuantPlan plan;
    plan.defaults.method = QuantMethod::Rtn;
    plan.defaults.scheme = QuantScheme::fromGroupSizeCode(bits, false, groupSize);
    return plan;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReportFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Counted by hand for the demo model: per layer rows·cols·b bits of codes and, per group of
    // 32 columns (⌈cols/32⌉ per row: down_proj's 172 columns make 6 groups, the last of 12),
    // an fp16 scale and a b-bit zero point. A kept layer counts its F32 width.
    void averageBitsPerWeight()
    {
        QuantPlan plan = rtnPlan(3, 32);
        PlanOverride keepQ;
        keepQ.match = QStringLiteral("model.layers.0.self_attn.q_proj");
        keepQ.method = QuantMethod::None;
        plan.addOverride(keepQ);
        const auto quantized = quantizeDemo(plan);
        double bits = 0.0;
        double weights = 0.0;
        for (const LinearLayer& layer : quantized->model->inventory().layers()) {
            const double count = double(layer.outFeatures) * double(layer.inFeatures);
            weights += count;
            if (layer.name == keepQ.match) {
                bits += 32.0 * count;
                continue;
            }
            const double groups = double(layer.outFeatures) * double((layer.inFeatures + 31) / 32);
            bits += 3.0 * count + groups * (16.0 + 3.0);
        }
        QCOMPARE(quantized->report.averageBitsPerWeight(), bits / weights);
        // The model card states the same figure.
        const QString card = ModelCard::text(*quantized, {}, {}, QStringLiteral("fake"));
        QVERIFY2(card.contains(QString::number(bits / weights, 'f', 3)), qPrintable(card));
    }

    void formatFromSuffix()
    {
        QCOMPARE(ReportFile::formatOf(QStringLiteral("r.html")), ReportFile::Format::Html);
        QCOMPARE(ReportFile::formatOf(QStringLiteral("R.HTM")), ReportFile::Format::Html);
        QCOMPARE(ReportFile::formatOf(QStringLiteral("dir.d/r.csv")), ReportFile::Format::Csv);
        QCOMPARE(ReportFile::formatOf(QStringLiteral("r.json")), ReportFile::Format::Json);
        QCOMPARE(ReportFile::formatOf(QStringLiteral("report")), ReportFile::Format::Json);
    }

    // Every layer has its row (with its status as the row's class), the summary its figures, and
    // text from the report is escaped.
    void htmlPage()
    {
        const auto quantized = quantizeDemo(rtnPlan(4, 32));
        QuantReport report = quantized->report;
        report.layers[1].note = QStringLiteral("<script>alert(1)</script> & more");
        report.layers[2].status = LayerStatus::Skipped;
        report.complete = false;
        // A GPTQ layer fitted on fewer tokens than its 64 inputs: the run's warning is shown.
        report.layers[0].config.method = QuantMethod::Gptq;
        report.calibration.fitWindows = 1;
        report.calibration.fitTokens = 20;
        QCOMPARE(report.runWarnings().size(), 1);

        ModelCardFacts facts;
        facts.perplexityBefore = 3.5482;
        facts.perplexityAfter = 4.0180;
        facts.meanKl = 0.10959;
        facts.sameTopToken = 0.86;
        facts.evaluationText = QStringLiteral("tinystories_sample.txt");
        const QString page = QString::fromUtf8(ReportFile::html(report, facts));
        QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(page.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(!page.contains(QStringLiteral("<script>")));
        QVERIFY(page.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")));
        for (const LayerReport& layer : report.layers) {
            QVERIFY2(page.contains(QStringLiteral("<tr class=\"%1\"><td>%2</td>")
                                       .arg(layerStatusKey(layer.status), layer.name)),
                     qPrintable(layer.name));
        }
        QCOMPARE(page.count(QStringLiteral("<tr class=")), qsizetype(report.layers.size()));
        QVERIFY(page.contains(QStringLiteral("3.5482 before, 4.0180 after quantization")));
        QVERIFY2(page.contains(QStringLiteral("0.10959 nats per token"))
                     && page.contains(QStringLiteral("86.0 % of the positions")),
                 qPrintable(page.left(4000)));
        // The model card says the same.
        const QString card = ModelCard::text(*quantized, {}, facts, QStringLiteral("fake"));
        QVERIFY2(card.contains(QStringLiteral("(nats per token): 0.10959"))
                     && card.contains(QStringLiteral("original model's: 86.0 %")),
                 qPrintable(card));
        QVERIFY(page.contains(QStringLiteral("tinystories_sample.txt")));
        QVERIFY(page.contains(QStringLiteral("cancelled")));
        QVERIFY(page.contains(QStringLiteral("<p class=\"warning\">%1</p>")
                                  .arg(report.runWarnings().constFirst().toHtmlEscaped())));
        // The recipe, escaped: "re:" overrides hold regular expressions.
        QVERIFY(page.contains(QStringLiteral("&quot;default&quot;")));
        QVERIFY(page.contains(QString::number(report.averageBitsPerWeight(), 'f', 3)
                                  .replace('.', QLocale().decimalPoint())));
        // No calibration: no output errors, so no bars; the perplexity says when it is missing.
        QVERIFY(!page.contains(QStringLiteral("class=\"bar\"")));
        const QString unmeasured = QString::fromUtf8(ReportFile::html(quantized->report));
        QVERIFY(unmeasured.contains(QStringLiteral("not measured")));
        QVERIFY(!unmeasured.contains(QStringLiteral("cancelled")));
    }

    // With output errors the largest relative error gets the full bar (80 px).
    void htmlBarsScaleToTheLargestError()
    {
        QuantReport report = quantizeDemo(rtnPlan(4, 32))->report;
        for (std::size_t i = 0; i < report.layers.size(); ++i) {
            report.layers[i].output.rows = 10;
            report.layers[i].output.relativeError = 0.01 * double(i + 1);
        }
        const QString page = QString::fromUtf8(ReportFile::html(report));
        QCOMPARE(page.count(QStringLiteral("class=\"bar\"")), qsizetype(report.layers.size()));
        QCOMPARE(page.count(QStringLiteral("width:80px")), qsizetype(1));
        const QRegularExpression width(QStringLiteral("width:(\\d+)px"));
        for (auto it = width.globalMatch(page); it.hasNext();)
            QVERIFY(it.next().captured(1).toInt() <= 80);
    }

    void writesByTheSuffix()
    {
        const QuantReport report = quantizeDemo(rtnPlan(4, 32))->report;
        QTemporaryDir dir;
        ReportFile::write(dir.filePath(QStringLiteral("r.json")), report);
        QCOMPARE(JsonFile::readObject(dir.filePath(QStringLiteral("r.json"))), report.toJson());
        ReportFile::write(dir.filePath(QStringLiteral("r.csv")), report);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("r.csv"))), report.toCsv());
        ReportFile::write(dir.filePath(QStringLiteral("r.html")), report);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("r.html"))), ReportFile::html(report));
        QVERIFY_THROWS_EXCEPTION(
            Error, ReportFile::write(dir.filePath(QStringLiteral("missing/r.html")), report));
    }
};

QTEST_GUILESS_MAIN(TestReportFile)
#include "tst_report_file.moc"
