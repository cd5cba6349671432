<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n layer(s): %1 quantized, %2 kept, %3 skipped in %4 s</source>
        <translation>
            <numerusform>%n layer: %1 quantized, %2 kept, %3 skipped in %4 s</numerusform>
            <numerusform>%n layers: %1 quantized, %2 kept, %3 skipped in %4 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n document(s)</source>
        <translation>
            <numerusform>%1: %n document</numerusform>
            <numerusform>%1: %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) fitted on (%1 tokens)</source>
        <translation>
            <numerusform>%n window fitted on (%1 tokens)</numerusform>
            <numerusform>%n windows fitted on (%1 tokens)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n held out to measure the output errors (%1 tokens)</source>
        <translation>
            <numerusform>, %n held out to measure the output errors (%1 tokens)</numerusform>
            <numerusform>, %n held out to measure the output errors (%1 tokens)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), %1 tokens scored</source>
        <translation>
            <numerusform>%n document, %1 tokens scored</numerusform>
            <numerusform>%n documents, %1 tokens scored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) (%1 tokens), full-precision activations</source>
        <translation>
            <numerusform>%n window (%1 tokens), full-precision activations</numerusform>
            <numerusform>%n windows (%1 tokens), full-precision activations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) in %1 s</source>
        <translation>
            <numerusform>%n measurement in %1 s</numerusform>
            <numerusform>%n measurements in %1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exact (multiple-choice knapsack, %n choice(s))</source>
        <translation>
            <numerusform>exact (multiple-choice knapsack, %n choice)</numerusform>
            <numerusform>exact (multiple-choice knapsack, %n choices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>greedy (largest loss reduction per extra bit, %n choice(s))</source>
        <translation>
            <numerusform>greedy (largest loss reduction per extra bit, %n choice)</numerusform>
            <numerusform>greedy (largest loss reduction per extra bit, %n choices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n input channel(s) with the largest mean |x|:</source>
        <translation>
            <numerusform>The %n input channel with the largest mean |x|:</numerusform>
            <numerusform>The %n input channels with the largest mean |x|:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n token(s), %2 s%3):</source>
        <translation>
            <numerusform>%1 (%n token, %2 s%3):</numerusform>
            <numerusform>%1 (%n tokens, %2 s%3):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)%1</source>
        <translation>
            <numerusform>%n token%1</numerusform>
            <numerusform>%n tokens%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The two continuations share their first %n token(s) of %1.</source>
        <translation>
            <numerusform>The two continuations share their first token of %1.</numerusform>
            <numerusform>The two continuations share their first %n tokens of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompressedTensorsExporter</name>
    <message numerus="yes">
        <source>%n layer(s) do not fill whole 32-bit words (inputs, or the outputs of asymmetric layers, are not a multiple of 32 / bits: %1): compressed-tensors pads the last word and transformers reads them, but vLLM&apos;s kernels refuse them</source>
        <translation>
            <numerusform>%n layer does not fill whole 32-bit words (inputs, or the outputs of asymmetric layers, are not a multiple of 32 / bits: %1): compressed-tensors pads the last word and transformers reads it, but vLLM&apos;s kernels refuse it</numerusform>
            <numerusform>%n layers do not fill whole 32-bit words (inputs, or the outputs of asymmetric layers, are not a multiple of 32 / bits: %1): compressed-tensors pads the last word and transformers reads them, but vLLM&apos;s kernels refuse them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FakeQuantExporter</name>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); a fake-quant checkpoint stores only weights, so a loader of it computes those layers with full-precision activations</source>
        <translation>
            <numerusform>%n layer rounds its input activations to int8 (W8A8); a fake-quant checkpoint stores only weights, so a loader of it computes that layer with full-precision activations</numerusform>
            <numerusform>%n layers round their input activations to int8 (W8A8); a fake-quant checkpoint stores only weights, so a loader of it computes those layers with full-precision activations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GgufExporter</name>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); GGUF stores only weights, so llama.cpp computes those layers with full-precision activations</source>
        <translation>
            <numerusform>%n layer rounds its input activations to int8 (W8A8); GGUF stores only weights, so llama.cpp computes that layer with full-precision activations</numerusform>
            <numerusform>%n layers round their input activations to int8 (W8A8); GGUF stores only weights, so llama.cpp computes those layers with full-precision activations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GptqExporter</name>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); a GPTQ checkpoint stores only weights, so its loaders compute those layers with full-precision activations</source>
        <translation>
            <numerusform>%n layer rounds its input activations to int8 (W8A8); a GPTQ checkpoint stores only weights, so its loaders compute that layer with full-precision activations</numerusform>
            <numerusform>%n layers round their input activations to int8 (W8A8); a GPTQ checkpoint stores only weights, so its loaders compute those layers with full-precision activations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerInputProfileText</name>
    <message numerus="yes">
        <source>%1 · %n input channel(s) · %2 rows · %3</source>
        <translation>
            <numerusform>%1 · %n input channel · %2 rows · %3</numerusform>
            <numerusform>%1 · %n input channels · %2 rows · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerInputProfiler</name>
    <message numerus="yes">
        <source>Looking up the token embeddings of %n calibration window(s)</source>
        <translation>
            <numerusform>Looking up the token embeddings of %n calibration window</numerusform>
            <numerusform>Looking up the token embeddings of %n calibration windows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerSequentialCapture</name>
    <message numerus="yes">
        <source>Looking up the token embeddings of %n calibration window(s)</source>
        <translation>
            <numerusform>Looking up the token embeddings of %n calibration window</numerusform>
            <numerusform>Looking up the token embeddings of %n calibration windows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadedModel</name>
    <message numerus="yes">
        <source>%n layer(s) with their input activations rounded %1 as the checkpoint asks</source>
        <translation>
            <numerusform>%n layer with its input activations rounded %1 as the checkpoint asks</numerusform>
            <numerusform>%n layers with their input activations rounded %1 as the checkpoint asks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackedExport</name>
    <message numerus="yes">
        <source>… and %n more layer(s)</source>
        <translation>
            <numerusform>… and %n more layer</numerusform>
            <numerusform>… and %n more layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerplexityEvaluator</name>
    <message numerus="yes">
        <source>Tokenizing %n document(s)</source>
        <translation>
            <numerusform>Tokenizing %n document</numerusform>
            <numerusform>Tokenizing %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuantPlan</name>
    <message numerus="yes">
        <source>%1 (+%n override(s))</source>
        <translation>
            <numerusform>%1 (+%n override)</numerusform>
            <numerusform>%1 (+%n overrides)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuantReport</name>
    <message numerus="yes">
        <source>GPTQ fitted on %1 calibration tokens, fewer than the input channels of %n layer(s) (the widest, %2, has %3): their XᵀX is singular, so the damping rather than the data decides much of GPTQ&apos;s updates. Calibrate on at least %3 tokens, better many times more.</source>
        <translation>
            <numerusform>GPTQ fitted on %1 calibration tokens, fewer than the input channels of %n layer (%2, which has %3): its XᵀX is singular, so the damping rather than the data decides much of GPTQ&apos;s updates. Calibrate on at least %3 tokens, better many times more.</numerusform>
            <numerusform>GPTQ fitted on %1 calibration tokens, fewer than the input channels of %n layers (the widest, %2, has %3): their XᵀX is singular, so the damping rather than the data decides much of GPTQ&apos;s updates. Calibrate on at least %3 tokens, better many times more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuantizationPipeline</name>
    <message numerus="yes">
        <source>Preparing %n calibration window(s)</source>
        <translation>
            <numerusform>Preparing %n calibration window</numerusform>
            <numerusform>Preparing %n calibration windows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message numerus="yes">
        <source>%n window(s) (%1 tokens) fitted on, %2 held out (%3 tokens)</source>
        <translation>
            <numerusform>%n window (%1 tokens) fitted on, %2 held out (%3 tokens)</numerusform>
            <numerusform>%n windows (%1 tokens) fitted on, %2 held out (%3 tokens)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafetensorsFile</name>
    <message numerus="yes">
        <source>the file is %n byte(s) long, too short to hold the 8-byte header length</source>
        <translation>
            <numerusform>the file is %n byte long, too short to hold the 8-byte header length</numerusform>
            <numerusform>the file is %n bytes long, too short to hold the 8-byte header length</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::ComputeDevice</name>
    <message numerus="yes">
        <source>OpenCL · %1 · %2 (%3 GiB, %n compute unit(s))</source>
        <translation>
            <numerusform>OpenCL · %1 · %2 (%3 GiB, %n compute unit)</numerusform>
            <numerusform>OpenCL · %1 · %2 (%3 GiB, %n compute units)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (Eigen, %n thread(s))</source>
        <translation>
            <numerusform>CPU (Eigen, %n thread)</numerusform>
            <numerusform>CPU (Eigen, %n threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (Eigen, %n thread(s), %1)</source>
        <translation>
            <numerusform>CPU (Eigen, %n thread, %1)</numerusform>
            <numerusform>CPU (Eigen, %n threads, %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::EvaluationPanel</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) of up to %1 tokens, stride %2</source>
        <translation>
            <numerusform>%n window of up to %1 tokens, stride %2</numerusform>
            <numerusform>%n windows of up to %1 tokens, stride %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::GenerationPanel</name>
    <message numerus="yes">
        <source>The two continuations share their first %n token(s) of %1; each one&apos;s own text is highlighted.</source>
        <translation>
            <numerusform>The two continuations share their first token of %1; each one&apos;s own text is highlighted.</numerusform>
            <numerusform>The two continuations share their first %n tokens of %1; each one&apos;s own text is highlighted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) generated in %1 s</source>
        <translation>
            <numerusform>%n token generated in %1 s</numerusform>
            <numerusform>%n tokens generated in %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::HessianView</name>
    <message numerus="yes">
        <source>(raised ten-fold %n time(s) to make H invertible)</source>
        <translation>
            <numerusform>(raised ten-fold %n time to make H invertible)</numerusform>
            <numerusform>(raised ten-fold %n times to make H invertible)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::HistogramView</name>
    <message numerus="yes">
        <source>%n NaN/Inf not counted</source>
        <translation>
            <numerusform>%n NaN/Inf not counted</numerusform>
            <numerusform>%n NaN/Inf not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::IssuesPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::LayerErrorView</name>
    <message numerus="yes">
        <source>%n layer(s) measured. Click a bar to select its layer; drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>%n layer measured. Click a bar to select its layer; drag and scroll to pan and zoom.</numerusform>
            <numerusform>%n layers measured. Click a bar to select its layer; drag and scroll to pan and zoom.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::LayerTableModel</name>
    <message numerus="yes">
        <source>Set %1 of %n layer(s)</source>
        <translation>
            <numerusform>Set %1 of %n layer</numerusform>
            <numerusform>Set %1 of %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Output error on the %n token(s) it was fitted on (none were held out): %1</source>
        <translation>
            <numerusform>Output error on the %n token it was fitted on (none were held out): %1</numerusform>
            <numerusform>Output error on the %n tokens it was fitted on (none were held out): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Output error on %n held-out token(s): %1</source>
        <translation>
            <numerusform>Output error on %n held-out token: %1</numerusform>
            <numerusform>Output error on %n held-out tokens: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>GPTQ damping %1 × mean diag(H), raised %n time(s)</source>
        <translation>
            <numerusform>GPTQ damping %1 × mean diag(H), raised once</numerusform>
            <numerusform>GPTQ damping %1 × mean diag(H), raised %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::MainWindow</name>
    <message numerus="yes">
        <source>Quantizing %n layer(s)</source>
        <translation>
            <numerusform>Quantizing %n layer</numerusform>
            <numerusform>Quantizing %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(and %n more problem)</numerusform>
            <numerusform>(and %n more problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) of %1 tokens</source>
        <translation>
            <numerusform>%n sample of %1 tokens</numerusform>
            <numerusform>%n samples of %1 tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last run: fitted on %n window(s) (%1 tokens), output errors measured on %2 held-out window(s) (%3 tokens).</source>
        <translation>
            <numerusform>Last run: fitted on %n window (%1 tokens), output errors measured on %2 held-out window(s) (%3 tokens).</numerusform>
            <numerusform>Last run: fitted on %n windows (%1 tokens), output errors measured on %2 held-out window(s) (%3 tokens).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last quantization of this plan was cancelled: %n layer(s) were not reached and would be exported in full precision (the report beside the checkpoint says so).</source>
        <translation>
            <numerusform>The last quantization of this plan was cancelled: %n layer was not reached and would be exported in full precision (the report beside the checkpoint says so).</numerusform>
            <numerusform>The last quantization of this plan was cancelled: %n layers were not reached and would be exported in full precision (the report beside the checkpoint says so).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported a cancelled run: %n layer(s) were not reached and are stored in full precision.</source>
        <translation>
            <numerusform>Exported a cancelled run: %n layer was not reached and is stored in full precision.</numerusform>
            <numerusform>Exported a cancelled run: %n layers were not reached and are stored in full precision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The quantization run was cancelled: %n layer(s) were not reached and stay in full precision; the layers finished before are shown.</source>
        <translation>
            <numerusform>The quantization run was cancelled: %n layer was not reached and stays in full precision; the layers finished before are shown.</numerusform>
            <numerusform>The quantization run was cancelled: %n layers were not reached and stay in full precision; the layers finished before are shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The calibration text gave %1 of the %n sample(s) asked for: it has fewer documents. Random windows take more samples from the same text.</source>
        <translation>
            <numerusform>The calibration text gave %1 of the %n sample asked for: it has fewer documents. Random windows take more samples from the same text.</numerusform>
            <numerusform>The calibration text gave %1 of the %n samples asked for: it has fewer documents. Random windows take more samples from the same text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of layers that runtimes such as vLLM fuse into one matrix (a block&apos;s q/k/v, its gate/up) are planned with different settings; vLLM refuses such a checkpoint.</source>
        <translation>
            <numerusform>%n group of layers that runtimes such as vLLM fuse into one matrix (a block&apos;s q/k/v, its gate/up) is planned with different settings; vLLM refuses such a checkpoint.</numerusform>
            <numerusform>%n groups of layers that runtimes such as vLLM fuse into one matrix (a block&apos;s q/k/v, its gate/up) are planned with different settings; vLLM refuses such a checkpoint.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>GPTQ calibrates on %1: %n sample(s) of %2 tokens, the full-precision model&apos;s activations (Run › Calibration Settings…).</source>
        <translation>
            <numerusform>GPTQ calibrates on %1: %n sample of %2 tokens, the full-precision model&apos;s activations (Run › Calibration Settings…).</numerusform>
            <numerusform>GPTQ calibrates on %1: %n samples of %2 tokens, the full-precision model&apos;s activations (Run › Calibration Settings…).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::RoundingLabView</name>
    <message numerus="yes">
        <source>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n clipped</source>
        <translation>
            <numerusform>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n clipped</numerusform>
            <numerusform>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n clipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synthetic activations: %n token(s), input channel 5 ten times larger than the others. </source>
        <translation>
            <numerusform>Synthetic activations: %n token, input channel 5 ten times larger than the others. </numerusform>
            <numerusform>Synthetic activations: %n tokens, input channel 5 ten times larger than the others. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activations recorded over %n calibration token(s). </source>
        <translation>
            <numerusform>Activations recorded over %n calibration token. </numerusform>
            <numerusform>Activations recorded over %n calibration tokens. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each weight moves to the nearest of its group&apos;s %n level(s) (grey lines, shown for the highlighted group). Drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>Each weight moves to the nearest of its group&apos;s %n level (grey lines, shown for the highlighted group). Drag and scroll to pan and zoom.</numerusform>
            <numerusform>Each weight moves to the nearest of its group&apos;s %n levels (grey lines, shown for the highlighted group). Drag and scroll to pan and zoom.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Step %1 of %2&lt;/b&gt;: column %3 rounded (row %4: error %5), spread onto %n later column(s).</source>
        <translation>
            <numerusform>&lt;b&gt;Step %1 of %2&lt;/b&gt;: column %3 rounded (row %4: error %5), spread onto %n later column.</numerusform>
            <numerusform>&lt;b&gt;Step %1 of %2&lt;/b&gt;: column %3 rounded (row %4: error %5), spread onto %n later columns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>H = XᵀX of %n calibration token(s).</source>
        <translation>
            <numerusform>H = XᵀX of %n calibration token.</numerusform>
            <numerusform>H = XᵀX of %n calibration tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After %n column(s)</source>
        <translation>
            <numerusform>After %n column</numerusform>
            <numerusform>After %n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::SensitivityRankingModel</name>
    <message numerus="yes">
        <source>%n layer(s): %1</source>
        <translation>
            <numerusform>%n layer: %1</numerusform>
            <numerusform>%n layers: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::SensitivityScanDialog</name>
    <message numerus="yes">
        <source>%1 × %2 = %n measurement(s), each an evaluation of the text from the unit&apos;s first block on.</source>
        <translation>
            <numerusform>%1 × %2 = %n measurement, each an evaluation of the text from the unit&apos;s first block on.</numerusform>
            <numerusform>%1 × %2 = %n measurements, each an evaluation of the text from the unit&apos;s first block on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bit-width(s)</source>
        <translation>
            <numerusform>%n bit-width</numerusform>
            <numerusform>%n bit-widths</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::SensitivityView</name>
    <message numerus="yes">
        <source>The scan was cancelled: %1 of %n measurement(s) are missing (hatched). Automatic bits needs a complete scan.</source>
        <translation>
            <numerusform>The scan was cancelled: %1 of %n measurement is missing (hatched). Automatic bits needs a complete scan.</numerusform>
            <numerusform>The scan was cancelled: %1 of %n measurements are missing (hatched). Automatic bits needs a complete scan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) in %1 s. Click a cell or a row to select its layer; drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>%n measurement in %1 s. Click a cell or a row to select its layer; drag and scroll to pan and zoom.</numerusform>
            <numerusform>%n measurements in %1 s. Click a cell or a row to select its layer; drag and scroll to pan and zoom.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), first %1</source>
        <translation>
            <numerusform>%n layer, first %1</numerusform>
            <numerusform>%n layers, first %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 · full-precision perplexity %3 on %n document(s) (%4 tokens)</source>
        <translation>
            <numerusform>%1, %2 · full-precision perplexity %3 on %n document (%4 tokens)</numerusform>
            <numerusform>%1, %2 · full-precision perplexity %3 on %n documents (%4 tokens)</numerusform>
        </translation>
    </message>
</context>
</TS>
