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
    <name>QuantizationPipeline</name>
    <message numerus="yes">
        <source>Preparing %n calibration window(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <name>WeightQuantization</name>
    <message numerus="yes">
        <source>Quantized %n layer(s)</source>
        <translation>
            <numerusform>Quantized %n layer</numerusform>
            <numerusform>Quantized %n layers</numerusform>
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
    <name>qb::LayerTableModel</name>
    <message numerus="yes">
        <source>Set %1 of %n layer(s)</source>
        <translation>
            <numerusform>Set %1 of %n layer</numerusform>
            <numerusform>Set %1 of %n layers</numerusform>
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
</context>
</TS>
