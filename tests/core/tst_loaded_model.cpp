// The demo model (stories260K) opened end to end: config, checkpoint and layer inventory.

#include "core/model/loaded_model.h"
#include "tests/support/test_paths.h"

#include <QTest>

#include <utility>
#include <vector>

using namespace qb;

class TestLoadedModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void demoModelSpec()
    {
        const auto model = LoadedModel::open(test::demoModelDir());
        const ModelSpec& spec = model->spec();
        QCOMPARE(spec.modelType, QStringLiteral("llama"));
        QCOMPARE(spec.hiddenSize, 64);
        QCOMPARE(spec.intermediateSize, 172);
        QCOMPARE(spec.numHiddenLayers, 5);
        QCOMPARE(spec.numAttentionHeads, 8);
        QCOMPARE(spec.numKeyValueHeads, 4);
        QCOMPARE(spec.headDim, 8);
        QCOMPARE(spec.vocabSize, 512);
        QCOMPARE(spec.maxPositionEmbeddings, 512);
        QCOMPARE(spec.rmsNormEps, 1e-5);
        QVERIFY(spec.tieWordEmbeddings);
        QCOMPARE(spec.bosTokenId.value_or(-1), 1);
        QCOMPARE(spec.eosTokenIds, std::vector<int>{2});
        QVERIFY(!spec.ropeScaling);
    }

    void demoModelInventory()
    {
        const auto model = LoadedModel::open(test::demoModelDir());
        const auto& layers = model->inventory().layers();
        QCOMPARE(layers.size(), std::size_t(35)); // 5 blocks × 7, lm_head tied
        const QStringList roles{"q_proj",    "k_proj",  "v_proj",   "o_proj",
                                "gate_proj", "up_proj", "down_proj"};
        for (std::size_t i = 0; i < layers.size(); ++i) {
            QCOMPARE(layers[i].block, int(i / 7));
            QCOMPARE(roleName(layers[i].role), roles[int(i % 7)]);
            QCOMPARE(layers[i].dtype, DType::F32);
        }
        const LinearLayer* k =
            model->inventory().find(QStringLiteral("model.layers.2.self_attn.k_proj"));
        QVERIFY(k);
        QCOMPARE(k->outFeatures, 32); // 4 kv heads × 8
        QCOMPARE(k->inFeatures, 64);
        QCOMPARE(
            model->inventory().sharesInputWith(*k),
            QStringList({"model.layers.2.self_attn.q_proj", "model.layers.2.self_attn.v_proj"}));
        const LinearLayer* down =
            model->inventory().find(QStringLiteral("model.layers.4.mlp.down_proj"));
        QVERIFY(down);
        QCOMPARE(down->inFeatures, 172);
        QVERIFY(model->inventory().sharesInputWith(*down).isEmpty());
        QCOMPARE(down->foldTarget.kind, FoldTarget::Kind::Linear);
        QCOMPARE(down->foldTarget.name, QStringLiteral("model.layers.4.mlp.up_proj"));
        QVERIFY(down->foldTarget.foldsAnyScale());
        // GQA (8 query heads of 8 dims, 4 key/value heads): o_proj's input (head h, dim d) is
        // v_proj's output (h / 2, d), so only scales tied over head pairs fold into v_proj.
        const FoldTarget& o =
            model->inventory().find(QStringLiteral("model.layers.0.self_attn.o_proj"))->foldTarget;
        QCOMPARE(o.kind, FoldTarget::Kind::Linear);
        QCOMPARE(o.name, QStringLiteral("model.layers.0.self_attn.v_proj"));
        QCOMPARE(o.sharedBy, 2);
        QCOMPARE(o.headDim, 8);
        QVERIFY(!o.foldsAnyScale());
        QVERIFY(o.foldsTiedScale());
        for (const auto& [input, output] : std::vector<std::pair<int, int>>{
                 {0, 0}, {7, 7}, {8, 0}, {15, 7}, {16, 8}, {27, 11}, {53, 29}, {63, 31}})
            QCOMPARE(o.sourceChannel(input), std::int64_t(output));

        const std::vector<float> w = model->readWeight(*down);
        QCOMPARE(w.size(), std::size_t(64 * 172));
    }
};

QTEST_GUILESS_MAIN(TestLoadedModel)
#include "tst_loaded_model.moc"
