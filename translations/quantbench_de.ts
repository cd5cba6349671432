<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActivationRoundingText</name>
    <message>
        <source>int8 per token</source>
        <translation>int8 pro Token</translation>
    </message>
    <message>
        <source>FP8 E4M3 per token</source>
        <translation>FP8 E4M3 pro Token</translation>
    </message>
</context>
<context>
    <name>AutoBits</name>
    <message>
        <source>no bit-width is allowed</source>
        <translation>Keine Bitbreite ist zulässig</translation>
    </message>
    <message>
        <source>the scan did not measure %1 bits (it measured %2)</source>
        <translation>Der Scan hat %1 Bit nicht gemessen (gemessen wurden: %2)</translation>
    </message>
    <message>
        <source>the target must be a positive number of bits per weight</source>
        <translation>Das Ziel muss eine positive Zahl von Bits pro Gewicht sein</translation>
    </message>
    <message>
        <source>the scan has no result for %1 at %2 bits: it was cancelled before measuring it</source>
        <translation>Der Scan enthält kein Ergebnis für %1 bei %2 Bit: Er wurde abgebrochen, bevor er es gemessen hat</translation>
    </message>
    <message>
        <source>the target of %1 bits per weight cannot be met: the smallest average the allowed widths give is %2 bits per weight (every layer at %3 bits, scales and zero points included)</source>
        <translation>Das Ziel von %1 Bits pro Gewicht ist nicht erreichbar: Der kleinste Durchschnitt, den die zulässigen Bitbreiten ergeben, beträgt %2 Bits pro Gewicht (jede Schicht mit %3 Bit, Skalen und Nullpunkte eingerechnet)</translation>
    </message>
    <message>
        <source>not applied: the scan did not measure the whole model at every allowed width (made by an older version, or cancelled); run a new scan</source>
        <translation>nicht angewendet: Der Scan hat das ganze Modell nicht bei jeder zulässigen Bitbreite gemessen (von einer älteren Version erstellt oder abgebrochen); führen Sie einen neuen Scan aus</translation>
    </message>
</context>
<context>
    <name>AwqCheckpoint</name>
    <message>
        <source>%1: quant_method must be &quot;awq&quot;, not %2</source>
        <translation>%1: quant_method muss „awq“ sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: version must be &quot;gemm&quot; (the layout QuantBench reads), not %2</source>
        <translation>%1: version muss „gemm“ sein (das Layout, das QuantBench liest), nicht %2</translation>
    </message>
    <message>
        <source>%1: bits is missing</source>
        <translation>%1: bits fehlt</translation>
    </message>
    <message>
        <source>%1: %2 must be 4 (AWQ GEMM packs 4-bit codes only), not %3</source>
        <translation>%1: %2 muss 4 sein (AWQ GEMM packt nur 4-Bit-Codes), nicht %3</translation>
    </message>
    <message>
        <source>%1: group_size is missing</source>
        <translation>%1: group_size fehlt</translation>
    </message>
    <message>
        <source>%1: %2 must be -1 or a positive integer, not %3</source>
        <translation>%1: %2 muss -1 oder eine positive ganze Zahl sein, nicht %3</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1: %2 muss true oder false sein, nicht %3</translation>
    </message>
    <message>
        <source>%1: modules_to_not_convert must hold module names, not %2</source>
        <translation>%1: modules_to_not_convert muss Modulnamen enthalten, nicht %2</translation>
    </message>
    <message>
        <source>%1: modules_to_not_convert must be a list of module names, not %2</source>
        <translation>%1: modules_to_not_convert muss eine Liste von Modulnamen sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: %2 is stored unquantized, but modules_to_not_convert does not name it, so AWQ loaders expect %3</source>
        <translation>%1: %2 ist unquantisiert gespeichert, aber modules_to_not_convert nennt es nicht, daher erwarten AWQ-Loader %3</translation>
    </message>
    <message>
        <source>%1: %2 is stored quantized, but the quantization config leaves it unquantized (modules_to_not_convert, or lm_head)</source>
        <translation>%1: %2 ist quantisiert gespeichert, aber die Quantisierungskonfiguration lässt es unquantisiert (modules_to_not_convert oder lm_head)</translation>
    </message>
    <message>
        <source>%1: tensor %2 is empty (%3)</source>
        <translation>%1: Tensor %2 ist leer (%3)</translation>
    </message>
    <message>
        <source>%1: %2 (%3): the group size does not divide the inputs</source>
        <translation>%1: %2 (%3): die Gruppengröße teilt die Anzahl der Eingänge nicht</translation>
    </message>
</context>
<context>
    <name>AwqExporter</name>
    <message>
        <source>per-channel (group_size -1)</source>
        <translation>pro Kanal (group_size -1)</translation>
    </message>
    <message>
        <source>groups of %1</source>
        <translation>Gruppen zu %1</translation>
    </message>
    <message>
        <source>%1 is quantized, but AWQ loaders keep lm_head in full precision (transformers never converts it): keep it unquantized (method none) or choose --format gptq</source>
        <translation>%1 ist quantisiert, aber AWQ-Loader behalten den lm_head in voller Genauigkeit (transformers konvertiert ihn nie): lassen Sie ihn unquantisiert (Methode none) oder wählen Sie --format gptq</translation>
    </message>
    <message>
        <source>%1: %2-bit codes; AWQ GEMM holds 4-bit codes only: quantize it to 4 bits, keep it unquantized, or choose --format gptq</source>
        <translation>%1: %2-Bit-Codes; AWQ GEMM nimmt nur 4-Bit-Codes auf: quantisieren Sie die Schicht auf 4 Bit, lassen Sie sie unquantisiert oder wählen Sie --format gptq</translation>
    </message>
    <message>
        <source>%1 has GPTQ act-order groups, which AWQ GEMM cannot store (it has no group index, g_idx): turn act-order off or use static groups, or choose --format gptq</source>
        <translation>%1 hat GPTQ-act-order-Gruppen, die AWQ GEMM nicht speichern kann (es hat keinen Gruppenindex, g_idx): schalten Sie act-order aus oder verwenden Sie statische Gruppen, oder wählen Sie --format gptq</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: AWQ GEMM packs 8 outputs per 32-bit word, so the number of outputs must be a multiple of 8; keep it unquantized or choose --format gptq</source>
        <translation>%1 [%2, %3]: AWQ GEMM packt 8 Ausgänge pro 32-Bit-Wort, daher muss die Anzahl der Ausgänge ein Vielfaches von 8 sein; lassen Sie die Schicht unquantisiert oder wählen Sie --format gptq</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: AWQ GEMM needs the group size to divide the %3 inputs, and %4 does not; choose a group size that does, or per-channel (-1)</source>
        <translation>%1 [%2, %3]: AWQ GEMM verlangt, dass die Gruppengröße die %3 Eingänge teilt, und %4 tut das nicht; wählen Sie eine passende Gruppengröße oder pro Kanal (-1)</translation>
    </message>
    <message>
        <source>%1: %2, but the other layers use %3; an AWQ checkpoint has one group_size for all layers: give them one group size, or choose --format gptq</source>
        <translation>%1: %2, aber die anderen Schichten verwenden %3; ein AWQ-Checkpoint hat eine group_size für alle Schichten: geben Sie ihnen eine gemeinsame Gruppengröße oder wählen Sie --format gptq</translation>
    </message>
    <message>
        <source>%1: zero point %2 is not a 4-bit code</source>
        <translation>%1: Nullpunkt %2 ist kein 4-Bit-Code</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in float16, the type AWQ stores scales in</source>
        <translation>%1: Skala %2 passt nicht in float16, den Typ, in dem AWQ Skalen speichert</translation>
    </message>
    <message>
        <source>%1: a code does not fit in 4 bits</source>
        <translation>%1: ein Code passt nicht in 4 Bit</translation>
    </message>
    <message>
        <source>%1: the run kept no integer codes for this layer</source>
        <translation>%1: der Lauf hat für diese Schicht keine Ganzzahl-Codes behalten</translation>
    </message>
    <message>
        <source>nothing is quantized: an AWQ checkpoint needs at least one quantized layer</source>
        <translation>nichts ist quantisiert: ein AWQ-Checkpoint braucht mindestens eine quantisierte Schicht</translation>
    </message>
    <message>
        <source>internal error: modules_to_not_convert entry %1 would leave the quantized layer %2 unquantized</source>
        <translation>interner Fehler: der Eintrag %1 in modules_to_not_convert würde die quantisierte Schicht %2 unquantisiert lassen</translation>
    </message>
    <message>
        <source>vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer each, and only some of them are quantized in %1</source>
        <translation>vLLM wird diesen Checkpoint ablehnen: es fasst q/k/v und gate/up zu je einer Schicht zusammen, und in %1 ist nur ein Teil davon quantisiert</translation>
    </message>
    <message>
        <source>group_size -1 (per channel): vLLM serves it only with its Marlin AWQ kernels (GPUs of compute capability 8.0 or newer); its plain AWQ kernels need a positive group size</source>
        <translation>group_size -1 (pro Kanal): vLLM bedient dies nur mit seinen Marlin-AWQ-Kerneln (GPUs mit Compute Capability 8.0 oder neuer); seine einfachen AWQ-Kernel brauchen eine positive Gruppengröße</translation>
    </message>
</context>
<context>
    <name>AwqQuantizer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>AWQ&apos;s scale search was given no layers</source>
        <translation>Die Skalensuche von AWQ hat keine Schichten erhalten</translation>
    </message>
    <message>
        <source>%1: no weights to quantize</source>
        <translation>%1: Keine Gewichte zu quantisieren</translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input statistics %3</source>
        <translation>%1: Die Schicht hat %2 Eingabekanäle, ihre Eingabestatistiken %3</translation>
    </message>
    <message>
        <source>AWQ: searching input scales for %1</source>
        <translation>AWQ: Eingabeskalen für %1 werden gesucht</translation>
    </message>
    <message>
        <source>%1: AWQ&apos;s scale search found no ratio with a finite loss</source>
        <translation>%1: Die Skalensuche von AWQ hat kein Verhältnis mit endlichem Verlust gefunden</translation>
    </message>
    <message>
        <source>AWQ was given no layers to quantize</source>
        <translation>AWQ hat keine zu quantisierenden Schichten erhalten</translation>
    </message>
    <message>
        <source>%1: AWQ needs the mean |x| of the layer&apos;s inputs</source>
        <translation>%1: AWQ benötigt den Mittelwert von |x| der Eingaben der Schicht</translation>
    </message>
    <message>
        <source>%1: AWQ&apos;s clip search needs input rows of the layer</source>
        <translation>%1: Die Clipping-Suche von AWQ benötigt Eingabezeilen der Schicht</translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input rows %3</source>
        <translation>%1: Die Schicht hat %2 Eingabekanäle, ihre Eingabezeilen %3</translation>
    </message>
    <message>
        <source>AWQ: clipping and quantizing %1</source>
        <translation>AWQ: Clipping und Quantisierung von %1</translation>
    </message>
    <message>
        <source>no clip search (query/key layer)</source>
        <translation>keine Clipping-Suche (Query-/Key-Schicht)</translation>
    </message>
    <message>
        <source>clip search shrank %1 % of the groups</source>
        <translation>Clipping-Suche hat %1 % der Gruppen verkleinert</translation>
    </message>
    <message>
        <source>AWQ scale ratio %1; %2</source>
        <translation>AWQ-Skalenverhältnis %1; %2</translation>
    </message>
    <message>
        <source>AWQ&apos;s output loss needs Σ x xᵀ of the layer&apos;s inputs (%1 × %1 over at least one row), not %2 × %3 over %4 rows</source>
        <translation>Der Ausgabeverlust von AWQ benötigt Σ x xᵀ der Eingaben der Schicht (%1 × %1 über mindestens eine Zeile), nicht %2 × %3 über %4 Zeilen</translation>
    </message>
    <message>
        <source>not scaled (nothing before the layer to fold a scale into); %1</source>
        <translation>nicht skaliert (vor der Schicht liegt nichts, in das sich eine Skala einrechnen lässt); %1</translation>
    </message>
</context>
<context>
    <name>CalibrationSet</name>
    <message>
        <source>the number of calibration samples must be at least 1, not %1</source>
        <translation>Die Anzahl der Kalibrierungsstichproben muss mindestens 1 sein, nicht %1</translation>
    </message>
    <message>
        <source>the calibration sequence length must be at least 2 tokens, not %1</source>
        <translation>Die Länge der Kalibrierungssequenzen muss mindestens 2 Tokens betragen, nicht %1</translation>
    </message>
    <message>
        <source>the calibration text holds no document of two tokens or more</source>
        <translation>Der Kalibrierungstext enthält kein Dokument mit zwei oder mehr Tokens</translation>
    </message>
    <message>
        <source>the calibration text has %1 tokens, fewer than one window of %2</source>
        <translation>Der Kalibrierungstext hat %1 Tokens, weniger als ein Fenster von %2</translation>
    </message>
    <message>
        <source>the number of sampled rows must be 0 or more, not %1</source>
        <translation>Die Anzahl der Stichprobenzeilen muss 0 oder mehr betragen, nicht %1</translation>
    </message>
    <message>
        <source>the held-out fraction must be from 0 up to (not including) 1, not %1</source>
        <translation>Der zurückgehaltene Anteil muss mindestens 0 und kleiner als 1 sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>Checkpoint</name>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1: Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: the weights are in PyTorch .bin files; QuantBench reads safetensors (convert the checkpoint to model.safetensors first)</source>
        <translation>%1: Die Gewichte liegen in PyTorch-.bin-Dateien vor; QuantBench liest safetensors (konvertieren Sie den Checkpoint zuerst in model.safetensors)</translation>
    </message>
    <message>
        <source>%1: neither %2 nor %3 is in this folder</source>
        <translation>%1: Weder %2 noch %3 liegt in diesem Ordner</translation>
    </message>
    <message>
        <source>%1: &quot;weight_map&quot; must be an object mapping tensor names to shard files, but it is %2</source>
        <translation>%1: &quot;weight_map&quot; muss ein Objekt sein, das Tensornamen auf Shard-Dateien abbildet, ist aber %2</translation>
    </message>
    <message>
        <source>%1: the shard of tensor &quot;%2&quot; must be a file name, but it is %3</source>
        <translation>%1: Der Shard von Tensor &quot;%2&quot; muss ein Dateiname sein, ist aber %3</translation>
    </message>
    <message>
        <source>%1: shard &quot;%2&quot; of tensor &quot;%3&quot; is not a plain file name in the checkpoint folder</source>
        <translation>%1: Shard &quot;%2&quot; von Tensor &quot;%3&quot; ist kein einfacher Dateiname im Checkpoint-Ordner</translation>
    </message>
    <message>
        <source>%1: names shard &quot;%2&quot;, which is missing from the folder</source>
        <translation>%1: Nennt Shard &quot;%2&quot;, der im Ordner fehlt</translation>
    </message>
    <message>
        <source>%1: places tensor &quot;%2&quot; in shard &quot;%3&quot;, but that shard has no such tensor</source>
        <translation>%1: Ordnet Tensor &quot;%2&quot; dem Shard &quot;%3&quot; zu, aber dieser Shard enthält keinen solchen Tensor</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; appears in two shards, &quot;%3&quot; and &quot;%4&quot;</source>
        <translation>%1: Tensor &quot;%2&quot; kommt in zwei Shards vor, &quot;%3&quot; und &quot;%4&quot;</translation>
    </message>
    <message>
        <source>%1: the checkpoint has no tensor &quot;%2&quot;</source>
        <translation>%1: Der Checkpoint enthält keinen Tensor &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>CheckpointExport</name>
    <message>
        <source>Fake-quant (dequantized weights in the source dtype: any loader of the model)</source>
        <translation>Fake-Quant (dequantisierte Gewichte im Quell-Datentyp: jeder Loader des Modells)</translation>
    </message>
    <message>
        <source>GPTQ (packed 2-, 3-, 4- or 8-bit weights: transformers, vLLM, GPTQModel)</source>
        <translation>GPTQ (gepackte 2-, 3-, 4- oder 8-Bit-Gewichte: transformers, vLLM, GPTQModel)</translation>
    </message>
    <message>
        <source>AWQ GEMM (packed 4-bit weights: transformers, vLLM)</source>
        <translation>AWQ GEMM (gepackte 4-Bit-Gewichte: transformers, vLLM)</translation>
    </message>
    <message>
        <source>compressed-tensors (packed 4- or 8-bit weights: vLLM, transformers)</source>
        <translation>compressed-tensors (gepackte 4- oder 8-Bit-Gewichte: vLLM, transformers)</translation>
    </message>
    <message>
        <source>GGUF (one file of Q4_0/Q4_1/Q5/Q8_0 blocks and K-quants: llama.cpp, Ollama, LM Studio)</source>
        <translation>GGUF (eine Datei aus Q4_0/Q4_1/Q5/Q8_0-Blöcken und K-quants: llama.cpp, Ollama, LM Studio)</translation>
    </message>
</context>
<context>
    <name>CheckpointImport</name>
    <message>
        <source>%1: quantized module %2 is not a linear layer of a Llama block</source>
        <translation>%1: Das quantisierte Modul %2 ist keine lineare Schicht eines Llama-Blocks</translation>
    </message>
    <message>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <source>%1: general.architecture is &quot;%2&quot;; QuantBench imports &quot;llama&quot; GGUF files</source>
        <translation>%1: general.architecture ist &quot;%2&quot;; QuantBench importiert &quot;llama&quot;-GGUF-Dateien</translation>
    </message>
    <message>
        <source>%1: inconsistent hyperparameters: embedding_length %2, head_count %3, head_count_kv %4, block_count %5</source>
        <translation>%1: Widersprüchliche Hyperparameter: embedding_length %2, head_count %3, head_count_kv %4, block_count %5</translation>
    </message>
    <message>
        <source>%1: tensor token_embd.weight is missing or is not [vocab, %2]</source>
        <translation>%1: Der Tensor token_embd.weight fehlt oder ist nicht [vocab, %2]</translation>
    </message>
    <message>
        <source>%1: the model uses rope scaling, which QuantBench does not import from GGUF</source>
        <translation>%1: Das Modell verwendet Rope-Skalierung, die QuantBench nicht aus GGUF importiert</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; is not one of llama.cpp&apos;s llama tensors that QuantBench imports</source>
        <translation>%1: Tensor &quot;%2&quot; gehört nicht zu den llama-Tensoren von llama.cpp, die QuantBench importiert</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; has %3 rows, not a whole number of head pairs</source>
        <translation>%1: Tensor &quot;%2&quot; hat %3 Zeilen, keine ganze Zahl von Head-Paaren</translation>
    </message>
    <message>
        <source>%1: tokenizer.ggml.token_type[%2] is %3, not a token type (1 to 6)</source>
        <translation>%1: tokenizer.ggml.token_type[%2] ist %3, kein Token-Typ (1 bis 6)</translation>
    </message>
    <message>
        <source>%1: module %2 dequantizes to %3 values, but config.json makes it [%4, %5]</source>
        <translation>%1: Modul %2 wird zu %3 Werten dequantisiert, aber laut config.json ist es [%4, %5]</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>%1 kann nicht nach %2 kopiert werden</translation>
    </message>
    <message>
        <source>%1: not enough free space in %2 to import it: its float32 copy needs %3, the disk has %4 (set TMPDIR to a larger disk)</source>
        <translation>%1: nicht genug freier Speicher in %2 für den Import: die float32-Kopie braucht %3, der Datenträger hat %4 (setzen Sie TMPDIR auf einen größeren Datenträger)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>List a model&apos;s quantizable linear layers and check its weights</source>
        <translation>Die quantisierbaren linearen Schichten eines Modells auflisten und seine Gewichte prüfen</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>missing argument %1</source>
        <translation>Argument %1 fehlt</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>Unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>--%1 must be an integer from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein, nicht &apos;%4&apos;</translation>
    </message>
    <message>
        <source>quantbench-cli: warning: %1</source>
        <translation>quantbench-cli: Warnung: %1</translation>
    </message>
    <message>
        <source>Usage: quantbench-cli COMMAND [options] [arguments]</source>
        <translation>Aufruf: quantbench-cli COMMAND [Optionen] [Argumente]</translation>
    </message>
    <message>
        <source>QuantBench %1: quantize large language models and measure what it costs.</source>
        <translation>QuantBench %1: große Sprachmodelle quantisieren und messen, was es kostet.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Run &apos;quantbench-cli COMMAND --help&apos; for the arguments and options of a command.</source>
        <translation>Mit &apos;quantbench-cli COMMAND --help&apos; werden die Argumente und Optionen eines Befehls angezeigt.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Versuchen Sie &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>Kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (commands: %2)</source>
        <translation>Unbekannter Befehl &apos;%1&apos; (Befehle: %2)</translation>
    </message>
    <message>
        <source>quantbench-cli: error: %1</source>
        <translation>quantbench-cli: Fehler: %1</translation>
    </message>
    <message>
        <source>quantbench-cli: cancelled; nothing was written</source>
        <translation>quantbench-cli: abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1 (%2 … %3)</source>
        <translation>%1 (%2 … %3)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model type</source>
        <translation>Modelltyp</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Hidden Size</translation>
    </message>
    <message>
        <source>%1 (intermediate %2)</source>
        <translation>%1 (Zwischendimension %2)</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Heads</translation>
    </message>
    <message>
        <source>%1 (%2 key/value, head dim %3)</source>
        <translation>%1 (%2 Key/Value, Head-Dimension %3)</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>Tied embeddings</source>
        <translation>Gekoppelte Embeddings</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>DType</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Linear layers</source>
        <translation>Lineare Schichten</translation>
    </message>
    <message>
        <source>%1, %2 parameters, %3</source>
        <translation>%1, %2 Parameter, %3</translation>
    </message>
    <message>
        <source>All tensors</source>
        <translation>Alle Tensoren</translation>
    </message>
    <message>
        <source>%1 tensors, %2</source>
        <translation>%1 Tensoren, %2</translation>
    </message>
    <message>
        <source>Print one JSON object (model, layers, totals, nonfinite) to stdout instead of the table.</source>
        <translation>Ein einzelnes JSON-Objekt (model, layers, totals, nonfinite) statt der Tabelle auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Skip the NaN/Inf scan of the weights (faster on large models; &quot;nonfinite&quot; is then null).</source>
        <translation>Die NaN/Inf-Prüfung der Gewichte überspringen (schneller bei großen Modellen; &quot;nonfinite&quot; ist dann null).</translation>
    </message>
    <message>
        <source>--group must be a positive number of columns, -1 or &apos;channel&apos; (per channel), 0 or &apos;tensor&apos; (per tensor), not &apos;%1&apos;</source>
        <translation>--group muss eine positive Spaltenzahl, -1 oder &apos;channel&apos; (pro Kanal), 0 oder &apos;tensor&apos; (pro Tensor) sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantisiert</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Weight MSE</source>
        <translation>Gewichts-MSE</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s): %1 quantized, %2 kept, %3 skipped in %4 s</source>
        <translation>
            <numerusform>%n Schicht: %1 quantisiert, %2 beibehalten, %3 übersprungen in %4 s</numerusform>
            <numerusform>%n Schichten: %1 quantisiert, %2 beibehalten, %3 übersprungen in %4 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Quantization method: %1 (&apos;none&apos; keeps full precision).</source>
        <translation>Quantisierungsmethode: %1 (&apos;none&apos; behält volle Genauigkeit).</translation>
    </message>
    <message>
        <source>Bits per weight, %1 to %2 (default 4).</source>
        <translation>Bits pro Gewicht, %1 bis %2 (Standard 4).</translation>
    </message>
    <message>
        <source>Input columns sharing a scale: a positive number, -1 or &apos;channel&apos; for one per output channel, 0 or &apos;tensor&apos; for one per tensor (default 128).</source>
        <translation>Eingabespalten, die sich eine Skala teilen: eine positive Zahl, -1 oder &apos;channel&apos; für eine pro Ausgabekanal, 0 oder &apos;tensor&apos; für eine pro Tensor (Standard 128).</translation>
    </message>
    <message>
        <source>Symmetric grid (zero point fixed at the middle code).</source>
        <translation>Symmetrisches Raster (Nullpunkt fest auf dem mittleren Code).</translation>
    </message>
    <message>
        <source>Asymmetric grid with a zero point (the default).</source>
        <translation>Asymmetrisches Raster mit Nullpunkt (der Standard).</translation>
    </message>
    <message>
        <source>The folder to write. Must not exist unless --force is given.</source>
        <translation>Der zu schreibende Ordner. Darf nicht existieren, außer --force ist angegeben.</translation>
    </message>
    <message>
        <source>Read the plan (a default and per-layer overrides) from this recipe JSON file.</source>
        <translation>Den Plan (einen Standard und Überschreibungen pro Schicht) aus dieser Rezept-JSON-Datei lesen.</translation>
    </message>
    <message>
        <source>Print the report (quant_report.json) to stdout instead of the table.</source>
        <translation>Den Bericht (quant_report.json) statt der Tabelle auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>--out OUT_DIR is required</source>
        <translation>--out OUT_DIR ist erforderlich</translation>
    </message>
    <message>
        <source>give the plan explicitly: --method (%1) or --recipe FILE</source>
        <translation>Geben Sie den Plan explizit an: --method (%1) oder --recipe FILE</translation>
    </message>
    <message>
        <source>--sym and --asym exclude each other</source>
        <translation>--sym und --asym schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>--method must be one of %1, not &apos;%2&apos;</source>
        <translation>--method muss einer der Werte %1 sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence: the command&apos;s summary and a full stop</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>:</source>
        <translation>:</translation>
    </message>
    <message>
        <source>Measure a model&apos;s perplexity on a text (and a quantized model&apos;s)</source>
        <translation>Die Perplexität eines Modells auf einem Text messen (und die eines quantisierten Modells)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n document(s)</source>
        <translation>
            <numerusform>%1: %n Dokument</numerusform>
            <numerusform>%1: %n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>%1 of at most %2 tokens, stride %3; %4 input tokens</source>
        <translation>%1 mit höchstens %2 Tokens, Schrittweite %3; %4 Eingabetokens</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>NLL/token</source>
        <translation>NLL/Token</translation>
    </message>
    <message>
        <source>Tokens scored</source>
        <translation>Bewertete Tokens</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>wie gespeichert</translation>
    </message>
    <message>
        <source>Mean KL divergence from the stored model: %1 nats per token</source>
        <translation>Mittlere KL-Divergenz zum gespeicherten Modell: %1 nats pro Token</translation>
    </message>
    <message>
        <source>%1 tokens/s (%2 s)</source>
        <translation>%1 Tokens/s (%2 s)</translation>
    </message>
    <message>
        <source>Tokens per window (default: the model&apos;s max_position_embeddings).</source>
        <translation>Tokens pro Fenster (Standard: max_position_embeddings des Modells).</translation>
    </message>
    <message>
        <source>Tokens between window starts (default: the context length, no overlap).</source>
        <translation>Tokens zwischen den Fensteranfängen (Standard: die Kontextlänge, keine Überlappung).</translation>
    </message>
    <message>
        <source>Print the result as JSON (perplexity, nll, tokens, …) instead of the table.</source>
        <translation>Das Ergebnis statt der Tabelle als JSON (perplexity, nll, tokens, …) ausgeben.</translation>
    </message>
    <message>
        <source>--text FILE is required</source>
        <translation>--text FILE ist erforderlich</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetisch</translation>
    </message>
    <message>
        <source>%1 (random weights, not a trained model)</source>
        <translation>%1 (Zufallsgewichte, kein trainiertes Modell)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>--seed must be an integer from 0 to %1, not &apos;%2&apos;</source>
        <translation>--seed muss eine ganze Zahl von 0 bis %1 sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--dtype must be bf16 or f32, not &apos;%1&apos;</source>
        <translation>--dtype muss bf16 oder f32 sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--outlier-scale must be a positive number up to 1000000, not &apos;%1&apos;</source>
        <translation>--outlier-scale muss eine positive Zahl bis 1000000 sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <comment>an outlier channel and its factor</comment>
        <translation>%1 (×%2)</translation>
    </message>
    <message>
        <source>Writes a Hugging Face-layout Llama checkpoint with random weights: the shapes of a real model, weights N(0, 0.02²) with 2 % heavy-tailed rows (Student-t, 3 degrees of freedom), and RMSNorm weights of 1 except K outlier channels, whose activations then reach every linear input 20-100× larger than the rest, as in trained LLMs. It is for benchmarks and scale tests, not a trained model, and is labelled synthetic in config.json and in every safetensors file. The same options give byte-identical files. The tokenizer is the bundled demo model&apos;s.
Presets: %1.</source>
        <translation>Schreibt einen Llama-Checkpoint im Hugging-Face-Layout mit Zufallsgewichten: die Formen eines echten Modells, Gewichte N(0, 0.02²) mit 2 % endlastig verteilten Zeilen (Student-t, 3 Freiheitsgrade) und RMSNorm-Gewichte von 1 außer bei K Ausreißerkanälen, deren Aktivierungen dann an jedem linearen Eingang 20-100× größer ankommen als der Rest, wie in trainierten LLMs. Er ist für Benchmarks und Skalierungstests gedacht, kein trainiertes Modell, und ist in config.json und in jeder safetensors-Datei als synthetisch gekennzeichnet. Dieselben Optionen ergeben byteidentische Dateien. Der Tokenizer ist der des mitgelieferten Demo-Modells.
Voreinstellungen: %1.</translation>
    </message>
    <message>
        <source>The model to imitate: %1.</source>
        <translation>Das nachzubildende Modell: %1.</translation>
    </message>
    <message>
        <source>Seed of every random choice (default 0).</source>
        <translation>Seed aller Zufallsentscheidungen (Standard 0).</translation>
    </message>
    <message>
        <source>Element type of the weights: bf16 (default) or f32.</source>
        <translation>Elementtyp der Gewichte: bf16 (Standard) oder f32.</translation>
    </message>
    <message>
        <source>Number of outlier input channels (default 2 for tiny, 8 for the others; 0 for none).</source>
        <translation>Anzahl der Ausreißer-Eingabekanäle (Standard 2 für tiny, 8 für die anderen; 0 für keine).</translation>
    </message>
    <message>
        <source>The norm weight of every outlier channel, rounded to bfloat16 precision (default: each drawn from 20 to 100).</source>
        <translation>Das Norm-Gewicht jedes Ausreißerkanals, auf bfloat16-Genauigkeit gerundet (Standard: jeweils zufällig aus 20 bis 100 gezogen).</translation>
    </message>
    <message>
        <source>--preset is required (%1)</source>
        <translation>--preset ist erforderlich (%1)</translation>
    </message>
    <message>
        <source>--preset must be one of %1, not &apos;%2&apos;</source>
        <translation>--preset muss einer der Werte %1 sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the demo model, whose tokenizer a synthetic checkpoint gets, is not installed: expected it in %1</source>
        <translation>Das Demo-Modell, dessen Tokenizer ein synthetischer Checkpoint erhält, ist nicht installiert: erwartet in %1</translation>
    </message>
    <message>
        <source>%1 shards with model.safetensors.index.json</source>
        <translation>%1 Shards mit model.safetensors.index.json</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Outlier channels</source>
        <translation>Ausreißerkanäle</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>This is a synthetic checkpoint: random weights with realistic shapes and statistics, not a trained model. config.json and every safetensors file say so.</source>
        <translation>Dies ist ein synthetischer Checkpoint: Zufallsgewichte mit realistischen Formen und Statistiken, kein trainiertes Modell. config.json und jede safetensors-Datei weisen darauf hin.</translation>
    </message>
    <message>
        <source>Quantize one layer from input rows and measure its output error</source>
        <translation>Eine Schicht anhand von Eingabezeilen quantisieren und ihren Ausgabefehler messen</translation>
    </message>
    <message>
        <source>Quantize a model with a plan and write the quantized checkpoint</source>
        <translation>Ein Modell nach einem Plan quantisieren und den quantisierten Checkpoint schreiben</translation>
    </message>
    <message>
        <source>Calibration samples (default: the recipe&apos;s, else 128).</source>
        <translation>Kalibrierungsstichproben (Standard: die des Rezepts, sonst 128).</translation>
    </message>
    <message>
        <source>Tokens per calibration sample (default: the recipe&apos;s, else 512).</source>
        <translation>Tokens pro Kalibrierungsstichprobe (Standard: die des Rezepts, sonst 512).</translation>
    </message>
    <message>
        <source>Seed of the random windows and the row samples (default 0).</source>
        <translation>Seed der Zufallsfenster und der Zeilenstichproben (Standard 0).</translation>
    </message>
    <message>
        <source>Fraction of the samples kept out of calibration to measure the output errors on, from 0 to 0.9 (default 0.1).</source>
        <translation>Anteil der Stichproben, der von der Kalibrierung zurückgehalten wird, um darauf die Ausgabefehler zu messen, von 0 bis 0.9 (Standard 0.1).</translation>
    </message>
    <message>
        <source>Calibrate every layer on the full-precision model&apos;s activations instead of on what the already quantized layers give (faster, usually less accurate).</source>
        <translation>Jede Schicht auf den Aktivierungen des Modells in voller Genauigkeit kalibrieren statt auf dem, was die bereits quantisierten Schichten liefern (schneller, meist ungenauer).</translation>
    </message>
    <message>
        <source>%1 is quantized with %2, which needs calibration data: give --calib TEXT</source>
        <translation>%1 wird mit %2 quantisiert, das Kalibrierungsdaten benötigt: Geben Sie --calib TEXT an</translation>
    </message>
    <message>
        <source>none (no output errors measured)</source>
        <translation>keine (keine Ausgabefehler gemessen)</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) fitted on (%1 tokens)</source>
        <translation>
            <numerusform>%n Fenster zum Anpassen (%1 Tokens)</numerusform>
            <numerusform>%n Fenster zum Anpassen (%1 Tokens)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n held out to measure the output errors (%1 tokens)</source>
        <translation>
            <numerusform>, %n zur Messung der Ausgabefehler zurückgehalten (%1 Tokens)</numerusform>
            <numerusform>, %n zur Messung der Ausgabefehler zurückgehalten (%1 Tokens)</numerusform>
        </translation>
    </message>
    <message>
        <source>, none held out: output errors measured on the fitting rows</source>
        <translation>, keines zurückgehalten: Ausgabefehler auf den Anpassungszeilen gemessen</translation>
    </message>
    <message>
        <source>--%1 must be FILE.safetensors:TENSOR, not &apos;%2&apos;</source>
        <translation>--%1 muss FILE.safetensors:TENSOR sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: no such tensor in the file</source>
        <translation>%1: Kein solcher Tensor in der Datei</translation>
    </message>
    <message>
        <source>%1: expected input rows of shape [rows, %2], found %3</source>
        <translation>%1: Erwartet wurden Eingabezeilen der Form [Zeilen, %2], gefunden: %3</translation>
    </message>
    <message>
        <source>%1: the rows hold NaN or infinite values</source>
        <translation>%1: Die Zeilen enthalten NaN oder unendliche Werte</translation>
    </message>
    <message>
        <source>%1 already exists (use --force to replace it)</source>
        <translation>%1 existiert bereits (mit --force ersetzen)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>Quantizes one linear layer of the model in isolation: its statistics come from the given calibration rows (the layer&apos;s inputs, e.g. recorded from the model), and its output error is measured on the given test rows: output_mse = mean over rows and outputs of (X Wᵀ − X Ŵᵀ)², rel_err = ‖ΔY‖ / ‖Y‖. AWQ judges its scales by the layer&apos;s own output, as the reference does for a single linear; SmoothQuant smooths the layer alone. --w8a8 with --method rtn is plain W8A8 (int8 per-channel weights, int8 per-token activations).</source>
        <translation>Quantisiert eine lineare Schicht des Modells isoliert: Ihre Statistiken stammen aus den angegebenen Kalibrierungszeilen (den Eingaben der Schicht, z. B. aus dem Modell aufgezeichnet), und ihr Ausgabefehler wird auf den angegebenen Testzeilen gemessen: output_mse = Mittelwert über Zeilen und Ausgaben von (X Wᵀ − X Ŵᵀ)², rel_err = ‖ΔY‖ / ‖Y‖. AWQ beurteilt seine Skalen anhand der eigenen Ausgabe der Schicht, wie es die Referenzimplementierung für eine einzelne lineare Schicht tut; SmoothQuant glättet nur diese Schicht. --w8a8 mit --method rtn ist reines W8A8 (int8-Gewichte pro Kanal, int8-Aktivierungen pro Token).</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder holding the layer.</source>
        <translation>Der Hugging-Face-Checkpoint-Ordner, der die Schicht enthält.</translation>
    </message>
    <message>
        <source>The layer&apos;s module name, e.g. model.layers.0.self_attn.q_proj.</source>
        <translation>Der Modulname der Schicht, z. B. model.layers.0.self_attn.q_proj.</translation>
    </message>
    <message>
        <source>Int8 per-token activations with int8 per-channel weights (with --method rtn or smoothquant).</source>
        <translation>Int8-Aktivierungen pro Token mit int8-Gewichten pro Kanal (mit --method rtn oder smoothquant).</translation>
    </message>
    <message>
        <source>The calibration input rows [n, in].</source>
        <translation>Die Kalibrierungs-Eingabezeilen [n, in].</translation>
    </message>
    <message>
        <source>The input rows [n, in] to measure the output error on.</source>
        <translation>Die Eingabezeilen [n, in], auf denen der Ausgabefehler gemessen wird.</translation>
    </message>
    <message>
        <source>Write the quantized layer&apos;s dequantized weight (in the original input space) to this safetensors file.</source>
        <translation>Das dequantisierte Gewicht der quantisierten Schicht (im ursprünglichen Eingaberaum) in diese safetensors-Datei schreiben.</translation>
    </message>
    <message>
        <source>Print the result as JSON instead of text.</source>
        <translation>Das Ergebnis als JSON statt als Text ausgeben.</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>--%1 ist erforderlich</translation>
    </message>
    <message>
        <source>--method is required (%1)</source>
        <translation>--method ist erforderlich (%1)</translation>
    </message>
    <message>
        <source>--w8a8 goes with --method rtn (plain W8A8) or smoothquant</source>
        <translation>--w8a8 gehört zu --method rtn (reines W8A8) oder smoothquant</translation>
    </message>
    <message>
        <source>--method none leaves nothing to measure</source>
        <translation>Mit --method none gibt es nichts zu messen</translation>
    </message>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>Das Modell hat keine lineare Schicht namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>%1 calibration, %2 test</source>
        <translation>%1 Kalibrierung, %2 Test</translation>
    </message>
    <message>
        <source>Output SQNR</source>
        <translation>Ausgabe-SQNR</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 muss eine Zahl von %2 bis %3 sein, nicht &apos;%4&apos;</translation>
    </message>
    <message>
        <source>GPTQ: quantize the columns in descending order of their Hessian diagonal.</source>
        <translation>GPTQ: die Spalten absteigend nach ihrem Eintrag auf der Diagonale der Hesse-Matrix quantisieren.</translation>
    </message>
    <message>
        <source>GPTQ with --act-order: compute the group parameters up front, in column order.</source>
        <translation>GPTQ mit --act-order: die Gruppenparameter vorab in Spaltenreihenfolge berechnen.</translation>
    </message>
    <message>
        <source>GPTQ: damping added to the Hessian diagonal, as a fraction of its mean (default 0.01).</source>
        <translation>GPTQ: Dämpfung, die zur Diagonale der Hesse-Matrix addiert wird, als Anteil ihres Mittelwerts (Standard 0.01).</translation>
    </message>
    <message>
        <source>SmoothQuant and --smooth: migration strength from 0 to 1 (default 0.5).</source>
        <translation>SmoothQuant und --smooth: Migrationsstärke von 0 bis 1 (Standard 0.5).</translation>
    </message>
    <message>
        <source>RTN: search each group&apos;s clipping range against the layer&apos;s inputs.</source>
        <translation>RTN: den Clipping-Bereich jeder Gruppe anhand der Eingaben der Schicht suchen.</translation>
    </message>
    <message>
        <source>RTN, GPTQ: apply SmoothQuant&apos;s smoothing (--alpha) before quantizing.</source>
        <translation>RTN, GPTQ: vor dem Quantisieren die Glättung von SmoothQuant (--alpha) anwenden.</translation>
    </message>
    <message>
        <source>--damp must be above 0: without damping a singular Hessian cannot be inverted</source>
        <translation>--damp muss größer als 0 sein: Ohne Dämpfung lässt sich eine singuläre Hesse-Matrix nicht invertieren</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>Ausgabe-MSE</translation>
    </message>
    <message>
        <source>Output rel. error</source>
        <translation>Rel. Ausgabefehler</translation>
    </message>
    <message>
        <source>Output SQNR dB</source>
        <translation>Ausgabe-SQNR dB</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Replace the output if it exists (only once the new output is complete).</source>
        <translation>Die Ausgabe ersetzen, falls sie existiert (erst wenn die neue Ausgabe vollständig ist).</translation>
    </message>
    <message>
        <source>How the samples are cut from the text: &apos;documents&apos; (each document from its start, up to the sequence length) or &apos;random&apos; (windows at random places, drawn with --seed) (default: the recipe&apos;s, else documents).</source>
        <translation>Wie die Stichproben aus dem Text geschnitten werden: &apos;documents&apos; (jedes Dokument von seinem Anfang an, bis zur Sequenzlänge) oder &apos;random&apos; (Fenster an zufälligen Stellen, gezogen mit --seed) (Standard: die des Rezepts, sonst documents).</translation>
    </message>
    <message>
        <source>--calib-mode must be &apos;documents&apos; or &apos;random&apos;, not &apos;%1&apos;</source>
        <translation>--calib-mode muss &apos;documents&apos; oder &apos;random&apos; sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>List where the heavy work can run: the CPU and OpenCL devices</source>
        <translation>Auflisten, wo die Rechenarbeit laufen kann: die CPU und OpenCL-Geräte</translation>
    </message>
    <message>
        <source>Where the heavy work runs: cpu (the default), opencl (the first OpenCL device) or opencl:PLATFORM:DEVICE (see `quantbench-cli devices`). If the device cannot be used, or fails during the run, the work continues on the CPU with a warning.</source>
        <translation>Wo die Rechenarbeit läuft: cpu (Standard), opencl (das erste OpenCL-Gerät) oder opencl:PLATTFORM:GERÄT (siehe `quantbench-cli devices`). Ist das Gerät nicht nutzbar oder fällt es während des Laufs aus, geht die Arbeit mit einer Warnung auf der CPU weiter.</translation>
    </message>
    <message>
        <source>--backend: %1</source>
        <translation>--backend: %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>Lists the compute backends: the CPU, then every OpenCL device of every platform. The first column is the value to give --backend.</source>
        <translation>Listet die Rechen-Backends auf: die CPU, dann jedes OpenCL-Gerät jeder Plattform. Die erste Spalte ist der Wert für --backend.</translation>
    </message>
    <message>
        <source>Print the list as JSON instead of a table.</source>
        <translation>Die Liste als JSON statt als Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Largest buffer</source>
        <translation>Größter Puffer</translation>
    </message>
    <message>
        <source>Compute units</source>
        <translation>Recheneinheiten</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>no OpenCL device: %1</source>
        <translation>kein OpenCL-Gerät: %1</translation>
    </message>
    <message>
        <source>%1 (fell back to the CPU)</source>
        <translation>%1 (auf die CPU ausgewichen)</translation>
    </message>
    <message>
        <source>With --format gptq: write the older v1 layout (zero points minus one), which holds symmetric layers only.</source>
        <translation>Mit --format gptq: das ältere v1-Layout schreiben (Nullpunkte minus eins), das nur symmetrische Schichten aufnehmen kann.</translation>
    </message>
    <message>
        <source>--gptq-v1 needs --format gptq</source>
        <translation>--gptq-v1 braucht --format gptq</translation>
    </message>
    <message>
        <source>Choose per-layer bit-widths for a target average, as a recipe</source>
        <translation>Bitbreiten pro Schicht für einen Zieldurchschnitt wählen, als Rezept</translation>
    </message>
    <message>
        <source>Measure how much quantizing each layer alone hurts perplexity</source>
        <translation>Messen, wie sehr das Quantisieren jeder einzelnen Schicht die Perplexität verschlechtert</translation>
    </message>
    <message>
        <source>Write a random-weight Llama checkpoint for benchmarks</source>
        <translation>Einen Llama-Checkpoint mit Zufallsgewichten für Benchmarks schreiben</translation>
    </message>
    <message>
        <source>one layer at a time</source>
        <translation>jeweils eine Schicht</translation>
    </message>
    <message>
        <source>one block at a time</source>
        <translation>jeweils ein Block</translation>
    </message>
    <message>
        <source>one role across all blocks at a time</source>
        <translation>jeweils eine Rolle über alle Blöcke</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1: Die Datei kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Score only the first N documents of --eval (default: all).</source>
        <translation>Nur die ersten N Dokumente von --eval bewerten (Standard: alle).</translation>
    </message>
    <message>
        <source>Calibration samples (default 128).</source>
        <translation>Kalibrierungsstichproben (Standard 128).</translation>
    </message>
    <message>
        <source>Tokens per calibration sample (default 512).</source>
        <translation>Tokens pro Kalibrierungsstichprobe (Standard 512).</translation>
    </message>
    <message>
        <source>Comma-separated bit-widths, each from %1 to %2 (default 2,3,4,8).</source>
        <translation>Kommagetrennte Bitbreiten, jeweils von %1 bis %2 (Standard 2,3,4,8).</translation>
    </message>
    <message>
        <source>How each unit is quantized: rtn (the default) or gptq (calibrated on the full-precision model&apos;s activations; needs --calib).</source>
        <translation>Wie jede Einheit quantisiert wird: rtn (Standard) oder gptq (kalibriert auf den Aktivierungen des Modells in voller Genauigkeit; braucht --calib).</translation>
    </message>
    <message>
        <source>What is quantized per measurement: layer (one linear layer; the default), block (every layer of one decoder block) or role (one role, such as q_proj, across all blocks).</source>
        <translation>Was pro Messung quantisiert wird: layer (eine lineare Schicht; Standard), block (jede Schicht eines Decoder-Blocks) oder role (eine Rolle wie q_proj über alle Blöcke).</translation>
    </message>
    <message>
        <source>--bits must be a comma-separated list of bit-widths from %1 to %2, not &apos;%3&apos;</source>
        <translation>--bits muss eine kommagetrennte Liste von Bitbreiten von %1 bis %2 sein, nicht &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--method must be rtn or gptq, not &apos;%1&apos;</source>
        <translation>--method muss rtn oder gptq sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--unit must be layer, block or role, not &apos;%1&apos;</source>
        <translation>--unit muss layer, block oder role sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--eval TEXT is required: the text each quantized model is scored on</source>
        <translation>--eval TEXT ist erforderlich: der Text, auf dem jedes quantisierte Modell bewertet wird</translation>
    </message>
    <message>
        <source>%1 needs calibration data: give --calib TEXT</source>
        <translation>%1 benötigt Kalibrierungsdaten: Geben Sie --calib TEXT an</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>%1 at %2 bits, %3, group size %4</source>
        <translation>%1 mit %2 Bit, %3, Gruppengröße %4</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>symmetrisch</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asymmetrisch</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), %1 tokens scored</source>
        <translation>
            <numerusform>%n Dokument, %1 Tokens bewertet</numerusform>
            <numerusform>%n Dokumente, %1 Tokens bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) (%1 tokens), full-precision activations</source>
        <translation>
            <numerusform>%n Fenster (%1 Tokens), Aktivierungen in voller Genauigkeit</numerusform>
            <numerusform>%n Fenster (%1 Tokens), Aktivierungen in voller Genauigkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>none (not needed)</source>
        <translation>keine (nicht benötigt)</translation>
    </message>
    <message>
        <source>Full-precision perplexity</source>
        <translation>Perplexität in voller Genauigkeit</translation>
    </message>
    <message>
        <source>Δ ppl %1-bit</source>
        <translation>Δ ppl %1 Bit</translation>
    </message>
    <message>
        <source>Most sensitive at %1 bits (by KL divergence from the full-precision model):</source>
        <translation>Am empfindlichsten bei %1 Bit (nach KL-Divergenz zum Modell in voller Genauigkeit):</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Δ ppl</source>
        <translation>Δ ppl</translation>
    </message>
    <message>
        <source>KL (nats/token)</source>
        <translation>KL (nats/Token)</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) in %1 s</source>
        <translation>
            <numerusform>%n Messung in %1 s</numerusform>
            <numerusform>%n Messungen in %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>For every unit — one linear layer by default, or one block, or one role across all blocks — and every bit-width, quantizes only that unit (everything else stays in full precision) and scores the model on the evaluation text as eval does: its perplexity, the change from the full-precision model&apos;s and the mean KL divergence from the full-precision model&apos;s next-token distributions. GPTQ calibrates each layer on the full-precision model&apos;s activations, recorded once for all layers and widths.
The table shows the change in perplexity per unit and width, then the most sensitive units. --json prints every figure; --out writes the same JSON to a file, which `quantbench-cli autobits --scan` reads.</source>
        <translation>Quantisiert für jede Einheit – standardmäßig eine lineare Schicht, sonst ein Block oder eine Rolle über alle Blöcke – und jede Bitbreite nur diese Einheit (alles andere bleibt in voller Genauigkeit) und bewertet das Modell wie eval auf dem Auswertungstext: seine Perplexität, deren Änderung gegenüber der des Modells in voller Genauigkeit und die mittlere KL-Divergenz zu den Verteilungen des nächsten Tokens des Modells in voller Genauigkeit. GPTQ kalibriert jede Schicht auf den Aktivierungen des Modells in voller Genauigkeit, die einmal für alle Schichten und Bitbreiten aufgezeichnet werden.
Die Tabelle zeigt die Änderung der Perplexität pro Einheit und Bitbreite, dann die empfindlichsten Einheiten. --json gibt alle Werte aus; --out schreibt dasselbe JSON in eine Datei, die `quantbench-cli autobits --scan` liest.</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to scan.</source>
        <translation>Der zu scannende Hugging-Face-Checkpoint-Ordner.</translation>
    </message>
    <message>
        <source>Print the scan as JSON instead of the table.</source>
        <translation>Den Scan als JSON statt der Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>Also write the scan as JSON to this file (replaced if it exists).</source>
        <translation>Den Scan zusätzlich als JSON in diese Datei schreiben (wird ersetzt, falls vorhanden).</translation>
    </message>
    <message>
        <source>%1-bit: %2</source>
        <translation>%1 Bit: %2</translation>
    </message>
    <message>
        <source>KL divergence (nats/token)</source>
        <translation>KL-Divergenz (nats/Token)</translation>
    </message>
    <message>
        <source>change in perplexity</source>
        <translation>Änderung der Perplexität</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Allowed widths</source>
        <translation>Zulässige Bitbreiten</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>%1 bits per weight</source>
        <translation>%1 Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>%1 bits per weight, scales and zero points included (possible: %2 to %3)</source>
        <translation>%1 Bits pro Gewicht, Skalen und Nullpunkte eingerechnet (möglich: %2 bis %3)</translation>
    </message>
    <message>
        <source>Layers per width</source>
        <translation>Schichten pro Bitbreite</translation>
    </message>
    <message>
        <source>Solver</source>
        <translation>Löser</translation>
    </message>
    <message numerus="yes">
        <source>exact (multiple-choice knapsack, %n choice(s))</source>
        <translation>
            <numerusform>exakt (Multiple-Choice-Rucksackproblem, %n Auswahlmöglichkeit)</numerusform>
            <numerusform>exakt (Multiple-Choice-Rucksackproblem, %n Auswahlmöglichkeiten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>greedy (largest loss reduction per extra bit, %n choice(s))</source>
        <translation>
            <numerusform>greedy (größte Verlustsenkung pro zusätzlichem Bit, %n Auswahlmöglichkeit)</numerusform>
            <numerusform>greedy (größte Verlustsenkung pro zusätzlichem Bit, %n Auswahlmöglichkeiten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Predicted loss</source>
        <translation>Vorhergesagter Verlust</translation>
    </message>
    <message>
        <source>Predicted perplexity</source>
        <translation>Vorhergesagte Perplexität</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>KL at these bits</source>
        <translation>KL bei diesen Bits</translation>
    </message>
    <message>
        <source>Δ ppl at these bits</source>
        <translation>Δ ppl bei diesen Bits</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder the scan was made on.</source>
        <translation>Der Hugging-Face-Checkpoint-Ordner, auf dem der Scan erstellt wurde.</translation>
    </message>
    <message>
        <source>A sensitivity scan in JSON (from `quantbench-cli sensitivity --out`). Without it, the scan is made first.</source>
        <translation>Ein Sensitivitätsscan als JSON (aus `quantbench-cli sensitivity --out`). Ohne ihn wird der Scan zuerst erstellt.</translation>
    </message>
    <message>
        <source>The average bits per weight to stay within, scales and zero points included (for example 3.5).</source>
        <translation>Die durchschnittlichen Bits pro Gewicht, die nicht überschritten werden dürfen, Skalen und Nullpunkte eingerechnet (zum Beispiel 3.5).</translation>
    </message>
    <message>
        <source>Use the greedy solver instead of the exact one.</source>
        <translation>Den Greedy-Löser statt des exakten verwenden.</translation>
    </message>
    <message>
        <source>What to minimise: kl (the KL divergence from the full-precision model; the default) or ppl (the change in perplexity).</source>
        <translation>Was minimiert wird: kl (die KL-Divergenz zum Modell in voller Genauigkeit; Standard) oder ppl (die Änderung der Perplexität).</translation>
    </message>
    <message>
        <source>The recipe file to write (replaced if it exists).</source>
        <translation>Die zu schreibende Rezeptdatei (wird ersetzt, falls vorhanden).</translation>
    </message>
    <message>
        <source>Print the choice as JSON (per layer, the averages, the prediction and the recipe) instead of the table.</source>
        <translation>Die Auswahl als JSON (pro Schicht, die Durchschnitte, die Vorhersage und das Rezept) statt der Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>--target BITS is required</source>
        <translation>--target BITS ist erforderlich</translation>
    </message>
    <message>
        <source>--out FILE is required: the recipe to write</source>
        <translation>--out FILE ist erforderlich: das zu schreibende Rezept</translation>
    </message>
    <message>
        <source>--loss must be kl or ppl, not &apos;%1&apos;</source>
        <translation>--loss muss kl oder ppl sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--scan reads a finished scan: leave out the options of a new scan (--eval, --calib, --method, …)</source>
        <translation>--scan liest einen fertigen Scan: Lassen Sie die Optionen eines neuen Scans weg (--eval, --calib, --method, …)</translation>
    </message>
    <message>
        <source>the scan was cancelled before it finished: layers it did not measure cannot be chosen for</source>
        <translation>Der Scan wurde vor seinem Ende abgebrochen: Für Schichten, die er nicht gemessen hat, kann keine Bitbreite gewählt werden</translation>
    </message>
    <message>
        <source>made now</source>
        <translation>jetzt erstellt</translation>
    </message>
    <message>
        <source>--format must be fake, gptq, awq, compressed-tensors or gguf, not &apos;%1&apos;</source>
        <translation>--format muss fake, gptq, awq, compressed-tensors oder gguf sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Quantizes the model block by block as the plan says (layer-sequential: each block is calibrated on what the already quantized blocks give) and writes the result. With --format fake (the default) every quantizable linear layer is stored dequantized in its original dtype, under the same tensor names, so any loader of the original model loads it; with --format gptq, awq or compressed-tensors the quantized layers are stored as packed integer codes with their scales and zero points, in the GPTQ, AWQ GEMM or compressed-tensors pack-quantized checkpoint format. config.json and the tokenizer are copied; quant_recipe.json, quant_report.json and quant_report.csv (per layer: weight error, output error on held-out calibration samples, GPTQ damping and fallbacks) are written beside them. The input is never written; the output appears only once complete.
The plan is read from a --recipe, whose default the other plan flags override, or given by --method alone. GPTQ, AWQ, SmoothQuant and the clip search need --calib. Layers with NaN or Inf weights are kept unquantized with a warning.</source>
        <translation>Quantisiert das Modell Block für Block nach dem Plan (schichtsequenziell: jeder Block wird auf dem kalibriert, was die bereits quantisierten Blöcke liefern) und schreibt das Ergebnis. Mit --format fake (Standard) wird jede quantisierbare lineare Schicht dequantisiert in ihrem ursprünglichen dtype unter denselben Tensornamen gespeichert, sodass jeder Loader des Originalmodells das Ergebnis lädt; mit --format gptq, awq oder compressed-tensors werden die quantisierten Schichten als gepackte Ganzzahl-Codes mit ihren Skalen und Nullpunkten gespeichert, im Checkpoint-Format GPTQ, AWQ GEMM bzw. compressed-tensors (pack-quantized). config.json und der Tokenizer werden kopiert; quant_recipe.json, quant_report.json und quant_report.csv (pro Schicht: Gewichtsfehler, Ausgabefehler auf zurückgehaltenen Kalibrierungsstichproben, GPTQ-Dämpfung und Rückfälle) werden daneben geschrieben. Die Eingabe wird nie verändert; die Ausgabe erscheint erst, wenn sie vollständig ist.
Der Plan wird aus einem --recipe gelesen, dessen Standard die übrigen Plan-Optionen überschreiben, oder allein durch --method angegeben. GPTQ, AWQ, SmoothQuant und die Clipping-Suche brauchen --calib. Schichten mit NaN- oder Inf-Gewichten bleiben mit einer Warnung unquantisiert.</translation>
    </message>
    <message>
        <source>Checkpoint format: fake (dequantized weights in the source dtype; the default), gptq (packed integer weights as GPTQ loaders read them: transformers, vLLM, GPTQModel; gptq_v2 zero points; 2, 3, 4 or 8 bits), awq (AWQ GEMM as transformers and vLLM read it; 4 bits, one group size) or compressed-tensors (pack-quantized, as vLLM and transformers read it; 4 or 8 bits) or gguf (one .gguf file for llama.cpp: groups of 32 as Q4_0/Q4_1/Q5_0/Q5_1/Q8_0 from the codes, other layers re-quantized to K-quants; --out is then the file, and its recipe, report and model card are written beside it as NAME.recipe.json, NAME.report.json, NAME.report.csv and NAME.README.md).</source>
        <translation>Checkpoint-Format: fake (dequantisierte Gewichte im Quell-dtype; Standard), gptq (gepackte Ganzzahl-Gewichte, wie GPTQ-Loader sie lesen: transformers, vLLM, GPTQModel; Nullpunkte nach gptq_v2; 2, 3, 4 oder 8 Bit), awq (AWQ GEMM, wie transformers und vLLM es lesen; 4 Bit, eine Gruppengröße), compressed-tensors (pack-quantized, wie vLLM und transformers es lesen; 4 oder 8 Bit) oder gguf (eine .gguf-Datei für llama.cpp: Gruppen zu 32 als Q4_0/Q4_1/Q5_0/Q5_1/Q8_0 aus den Codes, andere Schichten neu quantisiert zu K-quants; --out ist dann die Datei, und Rezept, Bericht und Modellkarte werden daneben als NAME.recipe.json, NAME.report.json, NAME.report.csv und NAME.README.md geschrieben).</translation>
    </message>
    <message>
        <source>Measure the perplexity of the model before and after quantization on this text (as eval does, each document on its own) and write both into the model card.</source>
        <translation>Die Perplexität des Modells vor und nach der Quantisierung auf diesem Text messen (wie eval, jedes Dokument für sich) und beide in die Modellkarte schreiben.</translation>
    </message>
    <message>
        <source>Perplexity on %1: %2 before, %3 after quantization</source>
        <translation>Perplexität auf %1: %2 vorher, %3 nach der Quantisierung</translation>
    </message>
    <message>
        <source>AWQ: leave o_proj unscaled under grouped-query attention, as llm-awq does (the default scales it with one scale per key/value head channel, folded into v_proj).</source>
        <translation>AWQ: o_proj bei Grouped-Query-Attention unskaliert lassen, wie llm-awq (die Vorgabe skaliert es mit einer Skala je Kanal eines Key/Value-Kopfs, in v_proj gefaltet).</translation>
    </message>
    <message>
        <source>%1-bit ×%2</source>
        <translation>%1 Bit ×%2</translation>
    </message>
    <message>
        <source>Interaction factors</source>
        <translation>Wechselwirkungsfaktoren</translation>
    </message>
    <message>
        <source>%1, summed %2 (without the factors: %3)</source>
        <translation>%1, summierte %2 (ohne die Faktoren: %3)</translation>
    </message>
    <message>
        <source>%1 (without the factors: %2; full precision %3)</source>
        <translation>%1 (ohne die Faktoren: %2; volle Genauigkeit %3)</translation>
    </message>
    <message>
        <source>Chooses each layer&apos;s bit-width from the allowed ones so that the loss the sensitivity scan predicts — the sum over layers of their KL divergence (or change in perplexity) at the chosen width — is smallest while the average bits per weight stays at or below the target. The average counts the overhead: per group of G weights one 16-bit scale and one zero point of the layer&apos;s width, i.e. bits + (16 + bits) / G per weight. Layers reading one input (q/k/v, gate/up) get one width. The exact solver (a multiple-choice knapsack) is the default; --greedy upgrades layers by the largest loss reduction per extra bit.
Quantized together, layers&apos; errors compound, more the fewer the bits. The scan also measures the whole model at each width; the prediction scales each width&apos;s losses by the whole model&apos;s figure over the sum of its layers&apos; (the interaction factor), so that a plan with one width everywhere is predicted as measured. The choice itself minimises the plain sum.
The scan is read from --scan (written by `quantbench-cli sensitivity --out`) or made here with the same options as the sensitivity command. The choice is written as a recipe for `quantbench-cli quantize --recipe`.</source>
        <translation>Wählt die Bitbreite jeder Schicht so aus den zulässigen, dass der vom Sensitivitätsscan vorhergesagte Verlust – die Summe der KL-Divergenz (oder der Änderung der Perplexität) der Schichten bei der gewählten Bitbreite – möglichst klein ist, während der Durchschnitt der Bits pro Gewicht das Ziel nicht überschreitet. Der Durchschnitt berücksichtigt den Overhead: pro Gruppe von G Gewichten eine 16-Bit-Skala und einen Nullpunkt mit der Bitbreite der Schicht, also bits + (16 + bits) / G pro Gewicht. Schichten, die dieselbe Eingabe lesen (q/k/v, gate/up), erhalten eine gemeinsame Bitbreite. Standard ist der exakte Löser (ein Multiple-Choice-Rucksackproblem); --greedy stuft Schichten nach der größten Verlustsenkung pro zusätzlichem Bit hoch.
Gemeinsam quantisiert verstärken sich die Fehler der Schichten, umso mehr, je weniger Bits. Der Scan misst auch das ganze Modell bei jeder Bitbreite; die Vorhersage skaliert die Verluste jeder Bitbreite mit dem Wert des ganzen Modells geteilt durch die Summe seiner Schichten (dem Wechselwirkungsfaktor), sodass ein Plan mit überall derselben Bitbreite so vorhergesagt wird, wie er gemessen wurde. Die Auswahl selbst minimiert die einfache Summe.
Der Scan wird aus --scan gelesen (geschrieben von `quantbench-cli sensitivity --out`) oder hier mit denselben Optionen wie beim Befehl sensitivity erstellt. Die Auswahl wird als Rezept für `quantbench-cli quantize --recipe` geschrieben.</translation>
    </message>
    <message>
        <source>%1-bit: Δ ppl %2, KL %3 (the units&apos; sum %4)</source>
        <translation>%1 Bit: Δ ppl %2, KL %3 (Summe der Einheiten %4)</translation>
    </message>
    <message>
        <source>Every unit quantized at once:</source>
        <translation>Alle Einheiten gleichzeitig quantisiert:</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to evaluate, or a QuantBench project (.qbproj): its model is then scored with and without its plan, on its evaluation text and settings unless --text, --ctx or --stride say otherwise; the quantized layers saved in it are used as they are while the plan and the calibration text are unchanged.</source>
        <translation>Der Hugging-Face-Checkpoint-Ordner, der ausgewertet wird, oder ein QuantBench-Projekt (.qbproj): Dessen Modell wird dann mit und ohne seinen Plan bewertet, auf seinem Auswertungstext und mit seinen Einstellungen, sofern --text, --ctx oder --stride nichts anderes angeben; die darin gespeicherten quantisierten Schichten werden unverändert verwendet, solange Plan und Kalibrierungstext unverändert sind.</translation>
    </message>
    <message>
        <source>Replace the --save-project file if it exists.</source>
        <translation>Die Datei von --save-project ersetzen, falls sie existiert.</translation>
    </message>
    <message>
        <source>--text FILE is required: the project %1 names no evaluation text</source>
        <translation>--text DATEI ist erforderlich: Das Projekt %1 nennt keinen Auswertungstext</translation>
    </message>
    <message>
        <source>Also save the session as a QuantBench project (.qbproj): the model&apos;s path, the plan, the calibration and evaluation texts and the quantized layers, which File › Open Project in the GUI and the quantize and eval commands open. Replaced only with --force.</source>
        <translation>Die Sitzung zusätzlich als QuantBench-Projekt (.qbproj) speichern: Pfad des Modells, Plan, Kalibrierungs- und Auswertungstext und die quantisierten Schichten; Datei › Projekt öffnen in der GUI sowie die Befehle quantize und eval öffnen es. Wird nur mit --force ersetzt.</translation>
    </message>
    <message>
        <source>%1 cannot be given with a project (%2): the project brings its own plan and calibration text. Change them in the GUI, or give the model folder with a recipe instead.</source>
        <translation>%1 kann nicht zusammen mit einem Projekt (%2) angegeben werden: Das Projekt bringt seinen eigenen Plan und Kalibrierungstext mit. Ändern Sie diese in der GUI, oder geben Sie stattdessen den Modellordner mit einem Rezept an.</translation>
    </message>
    <message>
        <source>Using the quantized layers saved in %1 (run finished %2)</source>
        <translation>Verwende die in %1 gespeicherten quantisierten Schichten (Lauf beendet %2)</translation>
    </message>
    <message>
        <source>%1: %2 is quantized with %3, which needs calibration data, and the project names no calibration text: choose one in the GUI&apos;s Calibration panel and save the project again</source>
        <translation>%1: %2 wird mit %3 quantisiert, das Kalibrierungsdaten braucht, und das Projekt nennt keinen Kalibrierungstext: Wählen Sie einen im Kalibrierungsbereich der GUI und speichern Sie das Projekt erneut</translation>
    </message>
    <message>
        <source>%1: the saved quantized layers were made from other inputs (the plan or the calibration text changed since): running the plan again</source>
        <translation>%1: Die gespeicherten quantisierten Schichten wurden aus anderen Eingaben erzeugt (der Plan oder der Kalibrierungstext hat sich seitdem geändert): Der Plan wird erneut ausgeführt</translation>
    </message>
    <message>
        <source>%1 already exists; give --force to replace it</source>
        <translation>%1 existiert bereits; zum Ersetzen --force angeben</translation>
    </message>
    <message>
        <source>%1 is a folder, not a project file</source>
        <translation>%1 ist ein Ordner, keine Projektdatei</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1: Der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>Saved the project %1</source>
        <translation>Projekt %1 gespeichert</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to quantize, or a QuantBench project (.qbproj): its model is then quantized by its plan on its calibration text, and the quantized layers saved in it are used as they are while the plan and the text are unchanged.</source>
        <translation>Der Hugging-Face-Checkpoint-Ordner, der quantisiert wird, oder ein QuantBench-Projekt (.qbproj): Dessen Modell wird dann nach seinem Plan auf seinem Kalibrierungstext quantisiert, und die darin gespeicherten quantisierten Schichten werden unverändert verwendet, solange Plan und Text unverändert sind.</translation>
    </message>
    <message>
        <source>Also write the report to this file: an HTML page for people when it ends in .html (with the perplexities of --eval), the per-layer table when it ends in .csv, else the JSON report (quant_report.json).</source>
        <translation>Den Bericht zusätzlich in diese Datei schreiben: eine HTML-Seite zum Lesen, wenn sie auf .html endet (mit den Perplexitäten von --eval), die Tabelle je Schicht, wenn sie auf .csv endet, sonst den JSON-Bericht (quant_report.json).</translation>
    </message>
    <message>
        <source>finished %1, %2 of %3 layers quantized%4</source>
        <translation>beendet %1, %2 von %3 Schichten quantisiert%4</translation>
    </message>
    <message>
        <source>; current: quantize and eval use it</source>
        <translation>; aktuell: quantize und eval verwenden ihn</translation>
    </message>
    <message>
        <source>; made from other inputs (the plan or the calibration text changed since): quantize and eval run the plan again</source>
        <translation>; aus anderen Eingaben erzeugt (Plan oder Kalibrierungstext haben sich seitdem geändert): quantize und eval führen den Plan erneut aus</translation>
    </message>
    <message>
        <source>perplexity %1 as stored, %2 quantized (%3)</source>
        <translation>Perplexität %1 gespeichert, %2 quantisiert (%3)</translation>
    </message>
    <message>
        <source>perplexity %1 as stored</source>
        <translation>Perplexität %1 gespeichert</translation>
    </message>
    <message>
        <source>; stale: the plan changed since</source>
        <translation>; veraltet: Der Plan hat sich seitdem geändert</translation>
    </message>
    <message>
        <source>by %1 at %2 bits%3</source>
        <translation>je %1 bei %2 Bits%3</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Calibration text</source>
        <translation>Kalibrierungstext</translation>
    </message>
    <message>
        <source>true-sequential</source>
        <translation>true-sequential</translation>
    </message>
    <message>
        <source>full-precision inputs</source>
        <translation>Eingaben in voller Genauigkeit</translation>
    </message>
    <message>
        <source>Evaluation text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Sensitivity scan</source>
        <translation>Sensitivitätsscan</translation>
    </message>
    <message>
        <source>Prints the model summary from config.json and every quantizable linear layer (name, role, shape [out, in], dtype, parameters, bytes), then scans every tensor for NaN and Inf; tensors holding them are reported as warnings on stderr.
Given a QuantBench project (.qbproj), prints what it holds instead: its model, plan, texts, and whether its saved run and evaluation are current, then the run&apos;s layers (or the plan&apos;s).</source>
        <translation>Gibt die Modellübersicht aus config.json und jede quantisierbare lineare Schicht aus (Name, Rolle, Form [out, in], Datentyp, Parameter, Bytes) und durchsucht dann jeden Tensor nach NaN und Inf; Tensoren, die welche enthalten, werden als Warnungen auf stderr gemeldet.
Bei einem QuantBench-Projekt (.qbproj) wird stattdessen dessen Inhalt ausgegeben: Modell, Plan, Texte und ob gespeicherter Lauf und Auswertung aktuell sind, dann die Schichten des Laufs (oder des Plans).</translation>
    </message>
    <message>
        <source>A Hugging Face checkpoint folder: config.json and model.safetensors (or shards with their index); or a QuantBench project (.qbproj).</source>
        <translation>Ein Hugging-Face-Checkpoint-Ordner: config.json und model.safetensors (oder Shards mit ihrem Index); oder ein QuantBench-Projekt (.qbproj).</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(abgebrochen)</translation>
    </message>
    <message>
        <source>Show one layer&apos;s input per channel: outliers, Hessian diagonal</source>
        <translation>Eingabe einer Schicht je Kanal zeigen: Ausreißer, Hesse-Diagonale</translation>
    </message>
    <message>
        <source>the statistics kept by the quantization run of %1 (%2 rows)</source>
        <translation>der vom Quantisierungslauf vom %1 aufbewahrten Statistik (%2 Zeilen)</translation>
    </message>
    <message>
        <source>a full-precision pass over the calibration text (%1 rows)</source>
        <translation>einem Durchlauf in voller Genauigkeit über den Kalibrierungstext (%1 Zeilen)</translation>
    </message>
    <message>
        <source>median %1; largest %2 (channel %3, %4× the median)</source>
        <translation>Median %1; größter Wert %2 (Kanal %3, %4× der Median)</translation>
    </message>
    <message>
        <source>%1 [%2, %3], input %4 of block %5</source>
        <translation>%1 [%2, %3], Eingabe %4 von Block %5</translation>
    </message>
    <message>
        <source>Measured from</source>
        <translation>Gemessen aus</translation>
    </message>
    <message>
        <source>Mean |x|</source>
        <translation>Mittleres |x|</translation>
    </message>
    <message>
        <source>Max |x|</source>
        <translation>Max |x|</translation>
    </message>
    <message>
        <source>Dead channels</source>
        <translation>Tote Kanäle</translation>
    </message>
    <message>
        <source>GPTQ&apos;s damped H</source>
        <translation>Gedämpftes H von GPTQ</translation>
    </message>
    <message>
        <source>condition estimate %1 with damping %2 × mean diag</source>
        <translation>Konditionsschätzung %1 bei Dämpfung %2 × mittlere Diagonale</translation>
    </message>
    <message>
        <source>not known (the run kept no XᵀX)</source>
        <translation>nicht bekannt (der Lauf hat kein XᵀX aufbewahrt)</translation>
    </message>
    <message>
        <source>Quantized with</source>
        <translation>Quantisiert mit</translation>
    </message>
    <message>
        <source>%1, fell back to RTN</source>
        <translation>%1, Rückfall auf RTN</translation>
    </message>
    <message>
        <source>Input scale</source>
        <translation>Eingabeskalierung</translation>
    </message>
    <message>
        <source>AWQ&apos;s, divided out of the input</source>
        <translation>die von AWQ, aus der Eingabe herausgeteilt</translation>
    </message>
    <message>
        <source>SmoothQuant&apos;s, divided out of the input</source>
        <translation>die von SmoothQuant, aus der Eingabe herausgeteilt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>× median</source>
        <translation>× Median</translation>
    </message>
    <message>
        <source>diag(XᵀX)</source>
        <translation>diag(XᵀX)</translation>
    </message>
    <message>
        <source>Weight column norm</source>
        <translation>Norm der Gewichtsspalte</translation>
    </message>
    <message>
        <source>Act-order rank</source>
        <translation>Rang in act-order</translation>
    </message>
    <message numerus="yes">
        <source>The %n input channel(s) with the largest mean |x|:</source>
        <translation>
            <numerusform>Der %n Eingabekanal mit dem größten mittleren |x|:</numerusform>
            <numerusform>Die %n Eingabekanäle mit dem größten mittleren |x|:</numerusform>
        </translation>
    </message>
    <message>
        <source>Measures the input of one linear layer per input channel, as the GUI&apos;s Outlier channels and Hessian tabs show it: mean and max |x| (outlier channels stand far above the median), diag(XᵀX) (GPTQ&apos;s Hessian without its 2/n), the weight&apos;s column norms, GPTQ&apos;s act-order, dead channels and the condition estimate of H damped by --damp.
From a model folder the full-precision model runs over --calib up to the layer&apos;s block. From a project (.qbproj), the statistics its quantization run kept for the layer&apos;s input are used when it kept them (GPTQ, AWQ, SmoothQuant, the clip search), else the same full-precision pass over the project&apos;s calibration text, with the project&apos;s settings for the layer.</source>
        <translation>Misst die Eingabe einer linearen Schicht je Eingabekanal, wie die Reiter Ausreißerkanäle und Hesse-Matrix der GUI sie zeigen: mittleres und maximales |x| (Ausreißerkanäle liegen weit über dem Median), diag(XᵀX) (GPTQs Hesse-Matrix ohne ihr 2/n), die Spaltennormen des Gewichts, GPTQs act-order, tote Kanäle und die Konditionsschätzung von H, gedämpft mit --damp.
Bei einem Modellordner läuft das Modell in voller Genauigkeit über --calib bis zum Block der Schicht. Bei einem Projekt (.qbproj) wird die Statistik verwendet, die sein Quantisierungslauf für die Eingabe der Schicht aufbewahrt hat (GPTQ, AWQ, SmoothQuant, Clip-Suche), sonst derselbe Durchlauf in voller Genauigkeit über den Kalibrierungstext des Projekts, mit den Einstellungen des Projekts für die Schicht.</translation>
    </message>
    <message>
        <source>A Hugging Face checkpoint folder, or a QuantBench project (.qbproj).</source>
        <translation>Ein Hugging-Face-Checkpoint-Ordner oder ein QuantBench-Projekt (.qbproj).</translation>
    </message>
    <message>
        <source>The linear layer to profile (a name from inspect).</source>
        <translation>Die zu untersuchende lineare Schicht (ein Name aus inspect).</translation>
    </message>
    <message>
        <source>GPTQ damping, as a fraction of the mean of diag(H), for the condition estimate (default: the project&apos;s setting for the layer, else 0.01).</source>
        <translation>GPTQ-Dämpfung als Anteil am Mittel von diag(H), für die Konditionsschätzung (Standard: die Einstellung des Projekts für die Schicht, sonst 0,01).</translation>
    </message>
    <message>
        <source>How many channels the table lists, largest mean |x| first (default 10).</source>
        <translation>Wie viele Kanäle die Tabelle auflistet, größtes mittleres |x| zuerst (Standard 10).</translation>
    </message>
    <message>
        <source>Print every channel&apos;s figures as JSON instead of the summary and table.</source>
        <translation>Die Werte jedes Kanals als JSON statt Übersicht und Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>--layer NAME is required</source>
        <translation>--layer NAME ist erforderlich</translation>
    </message>
    <message>
        <source>%1 has no linear layer %2 (quantbench-cli inspect lists them)</source>
        <translation>%1 hat keine lineare Schicht %2 (quantbench-cli inspect listet sie auf)</translation>
    </message>
    <message>
        <source>give --calib TEXT: the layer&apos;s input is measured over a calibration text</source>
        <translation>--calib TEXT angeben: Die Eingabe der Schicht wird über einen Kalibrierungstext gemessen</translation>
    </message>
    <message>
        <source>Calibration text (%1). Needed by GPTQ, AWQ, SmoothQuant and the clip search; with it, every layer&apos;s output error is measured too.</source>
        <translation>Kalibrierungstext (%1). Benötigt von GPTQ, AWQ, SmoothQuant und der Clipping-Suche; damit wird auch der Ausgabefehler jeder Schicht gemessen.</translation>
    </message>
    <message>
        <source>The text to score (%1).</source>
        <translation>Der zu bewertende Text (%1).</translation>
    </message>
    <message>
        <source>The text the model is scored on after each quantization (%1).</source>
        <translation>Der Text, auf dem das Modell nach jeder Quantisierung bewertet wird (%1).</translation>
    </message>
    <message>
        <source>Calibration text for GPTQ (%1).</source>
        <translation>Kalibrierungstext für GPTQ (%1).</translation>
    </message>
    <message>
        <source>Continue a prompt with a model (and with a quantized model)</source>
        <translation>Einen Prompt mit einem Modell fortsetzen (und mit einem quantisierten Modell)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n token(s), %2 s%3):</source>
        <translation>
            <numerusform>%1 (%n Token, %2 s%3):</numerusform>
            <numerusform>%1 (%n Tokens, %2 s%3):</numerusform>
        </translation>
    </message>
    <message>
        <source>, ended with EOS</source>
        <translation>, mit EOS beendet</translation>
    </message>
    <message>
        <source>Model folder, GGUF file or packed checkpoint folder; or a project (.qbproj), whose plan is then used (its quantized layers as they are while the plan and the calibration text are unchanged).</source>
        <translation>Modellordner, GGUF-Datei oder Ordner eines gepackten Checkpoints; oder ein Projekt (.qbproj), dessen Plan dann verwendet wird (seine quantisierten Schichten unverändert, solange Plan und Kalibrierungstext unverändert sind).</translation>
    </message>
    <message>
        <source>The text to continue.</source>
        <translation>Der fortzusetzende Text.</translation>
    </message>
    <message>
        <source>Tokens to generate at most (default 64).</source>
        <translation>Höchstens so viele Tokens erzeugen (Standard 64).</translation>
    </message>
    <message>
        <source>Go on after the model ends the text (EOS).</source>
        <translation>Weitermachen, nachdem das Modell den Text beendet (EOS).</translation>
    </message>
    <message>
        <source>Print the result as JSON (continuations, their token ids, the agreeing tokens) instead of text.</source>
        <translation>Das Ergebnis als JSON ausgeben (Fortsetzungen, ihre Token-IDs, die übereinstimmenden Tokens) statt als Text.</translation>
    </message>
    <message>
        <source>--prompt TEXT is required</source>
        <translation>--prompt TEXT ist erforderlich</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)%1</source>
        <translation>
            <numerusform>%n Token%1</numerusform>
            <numerusform>%n Tokens%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, BOS included</source>
        <translation>, BOS eingeschlossen</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>Quantisiert</translation>
    </message>
    <message>
        <source>The two continuations are the same, token for token.</source>
        <translation>Die beiden Fortsetzungen sind gleich, Token für Token.</translation>
    </message>
    <message>
        <source>The two continuations differ from their first token on.</source>
        <translation>Die beiden Fortsetzungen unterscheiden sich ab dem ersten Token.</translation>
    </message>
    <message numerus="yes">
        <source>The two continuations share their first %n token(s) of %1.</source>
        <translation>
            <numerusform>Die beiden Fortsetzungen stimmen im ersten Token überein (%n von %1).</numerusform>
            <numerusform>Die beiden Fortsetzungen stimmen in den ersten %n Tokens überein (von %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Same top token as the stored model: %1 % of the scored positions</source>
        <translation>Gleiches wahrscheinlichstes Token wie das gespeicherte Modell: an %1 % der bewerteten Positionen</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Verglichen</translation>
    </message>
    <message>
        <source>Scores every document of the text on its own as BOS + ids, in windows of at most the context length that start every stride tokens; each window predicts its tokens after the first that no earlier window scored. Perplexity = exp(total NLL / tokens scored).
With a plan (--method or --recipe), the model quantized by that plan is scored on the same windows too, with the mean KL divergence of its next-token distributions from the stored model&apos;s. A plan that needs calibration (GPTQ, AWQ, SmoothQuant, the clip search) is first run on --calib, as quantize runs it; activation quantization (W8A8) is applied in the evaluation.
With --compare, another checkpoint reading the same token ids (one quantized elsewhere: GPTQ, AWQ, compressed-tensors, FP8, GGUF, or an export) is scored on the same windows instead, with its KL divergence from MODEL_DIR and how often both rank the same next token first.</source>
        <translation>Bewertet jedes Dokument des Textes für sich als BOS + IDs, in Fenstern von höchstens der Kontextlänge, die jeweils im Abstand der Schrittweite (stride) beginnen; jedes Fenster sagt seine Tokens nach dem ersten vorher, die noch kein früheres Fenster bewertet hat. Perplexität = exp(gesamte NLL / bewertete Tokens).
Mit einem Plan (--method oder --recipe) wird auch das nach diesem Plan quantisierte Modell auf denselben Fenstern bewertet, zusammen mit der mittleren KL-Divergenz seiner Verteilungen des nächsten Tokens zu denen des gespeicherten Modells. Ein Plan, der Kalibrierung benötigt (GPTQ, AWQ, SmoothQuant, die Clipping-Suche), wird zuerst auf --calib ausgeführt, so wie quantize ihn ausführt; Aktivierungsquantisierung (W8A8) wird bei der Auswertung angewendet.
Mit --compare wird stattdessen ein anderer Checkpoint, der dieselben Token-IDs liest (einer, der anderswo quantisiert wurde: GPTQ, AWQ, compressed-tensors, FP8, GGUF, oder ein Export), auf denselben Fenstern bewertet, mit seiner KL-Divergenz zu MODEL_DIR und dem Anteil der Positionen, an denen beide dasselbe nächste Token vorn sehen.</translation>
    </message>
    <message>
        <source>Also score the model at PATH on the same windows, with the KL divergence of its next-token distributions from MODEL_DIR&apos;s (MODEL_DIR is the reference: the original model). PATH is a checkpoint folder or GGUF file of the same vocabulary and tokenizer, quantized or not. Not with a plan or a project.</source>
        <translation>Auch das Modell unter PATH auf denselben Fenstern bewerten, mit der KL-Divergenz seiner Verteilungen des nächsten Tokens zu denen von MODEL_DIR (MODEL_DIR ist die Referenz: das Originalmodell). PATH ist ein Checkpoint-Ordner oder eine GGUF-Datei mit demselben Vokabular und Tokenizer, quantisiert oder nicht. Nicht zusammen mit einem Plan oder Projekt.</translation>
    </message>
    <message>
        <source>--compare scores another checkpoint against the model as stored; it does not go with a plan or a project</source>
        <translation>--compare bewertet einen anderen Checkpoint gegen das gespeicherte Modell; es geht nicht zusammen mit einem Plan oder Projekt</translation>
    </message>
    <message>
        <source>--compare does not go with --save-project or the calibration options</source>
        <translation>--compare geht nicht zusammen mit --save-project oder den Kalibrierungsoptionen</translation>
    </message>
    <message>
        <source>Continues a prompt with the model, greedily (the most probable token each time, so the same prompt always gives the same text), the earlier positions&apos; keys and values cached. With a plan (--method or --recipe), the model quantized by that plan continues it too, and the number of leading tokens the two continuations share is printed: where quantization first changes what the model writes. A plan that needs calibration (GPTQ, AWQ, SmoothQuant, the clip search) is first run on --calib, as quantize runs it. With --compare, another checkpoint of the model (one quantized elsewhere, or an export) continues it instead.</source>
        <translation>Setzt einen Prompt mit dem Modell gierig fort (jedes Mal das wahrscheinlichste Token, sodass derselbe Prompt immer denselben Text ergibt), wobei Schlüssel und Werte der früheren Positionen zwischengespeichert werden. Mit einem Plan (--method oder --recipe) setzt ihn auch das nach diesem Plan quantisierte Modell fort, und die Zahl der führenden Tokens, die beide Fortsetzungen teilen, wird ausgegeben: wo die Quantisierung erstmals ändert, was das Modell schreibt. Ein Plan, der Kalibrierung benötigt (GPTQ, AWQ, SmoothQuant, die Clipping-Suche), wird zuerst auf --calib ausgeführt, so wie quantize ihn ausführt. Mit --compare setzt ihn stattdessen ein anderer Checkpoint des Modells fort (einer, der anderswo quantisiert wurde, oder ein Export).</translation>
    </message>
    <message>
        <source>Continue the prompt with the model at PATH too (a checkpoint folder or GGUF file reading the same token ids, quantized or not) and compare the two. Not with a plan or a project.</source>
        <translation>Den Prompt auch mit dem Modell unter PATH fortsetzen (ein Checkpoint-Ordner oder eine GGUF-Datei, die dieselben Token-IDs liest, quantisiert oder nicht) und beide vergleichen. Nicht zusammen mit einem Plan oder Projekt.</translation>
    </message>
    <message>
        <source>--compare continues the prompt with another checkpoint; it does not go with a plan, a project or the calibration options</source>
        <translation>--compare setzt den Prompt mit einem anderen Checkpoint fort; es geht nicht zusammen mit einem Plan, einem Projekt oder den Kalibrierungsoptionen</translation>
    </message>
    <message>
        <source>%1 and %2 tokenize the prompt into different ids: only models that share a tokenizer can be compared</source>
        <translation>%1 und %2 zerlegen den Prompt in verschiedene IDs: nur Modelle mit demselben Tokenizer lassen sich vergleichen</translation>
    </message>
</context>
<context>
    <name>CompressedTensorsCheckpoint</name>
    <message>
        <source>%1: %2 must be %3, not %4</source>
        <translation>%1: %2 muss %3 sein, nicht %4</translation>
    </message>
    <message>
        <source>%1: config_groups must be a non-empty object, not %2</source>
        <translation>%1: config_groups muss ein nicht leeres Objekt sein, nicht %2</translation>
    </message>
    <message>
        <source>%1 must be an object, not %2</source>
        <translation>%1 muss ein Objekt sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: targets must be a non-empty list of names, not %2</source>
        <translation>%1: targets muss eine nicht leere Liste von Namen sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: targets must hold names, not %2</source>
        <translation>%1: targets muss Namen enthalten, nicht %2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid regular expression: %3</source>
        <translation>%1: „%2“ ist kein gültiger regulärer Ausdruck: %3</translation>
    </message>
    <message>
        <source>%1: weights must be an object, not %2</source>
        <translation>%1: weights muss ein Objekt sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: num_bits must be an integer from 1 to 8, not %2</source>
        <translation>%1: num_bits muss eine ganze Zahl von 1 bis 8 sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1: %2 muss true oder false sein, nicht %3</translation>
    </message>
    <message>
        <source>%1: group_size must be -1 or a positive integer, not %2</source>
        <translation>%1: group_size muss -1 oder eine positive ganze Zahl sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: strategy &quot;group&quot; needs a positive group_size, not %2</source>
        <translation>%1: strategy „group“ braucht eine positive group_size, nicht %2</translation>
    </message>
    <message>
        <source>%1: group_size %2 needs strategy &quot;group&quot;, not &quot;%3&quot;</source>
        <translation>%1: group_size %2 braucht strategy „group“, nicht „%3“</translation>
    </message>
    <message>
        <source>%1: actorder &quot;group&quot; needs strategy &quot;group&quot;</source>
        <translation>%1: actorder „group“ braucht strategy „group“</translation>
    </message>
    <message>
        <source>%1: ignore must hold module names, not %2</source>
        <translation>%1: ignore muss Modulnamen enthalten, nicht %2</translation>
    </message>
    <message>
        <source>%1: ignore must be a list of module names, not %2</source>
        <translation>%1: ignore muss eine Liste von Modulnamen sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: %2 matches the targets of config groups %3 and %4 equally well</source>
        <translation>%1: %2 passt gleich gut auf die targets der Konfigurationsgruppen %3 und %4</translation>
    </message>
    <message>
        <source>%1: %2 is stored unquantized, but config group %3 targets it, so loaders expect %4</source>
        <translation>%1: %2 ist unquantisiert gespeichert, aber Konfigurationsgruppe %3 zielt darauf, daher erwarten Loader %4</translation>
    </message>
    <message>
        <source>%1: %2 is stored quantized, but the quantization config leaves it unquantized (ignore, or no target)</source>
        <translation>%1: %2 ist quantisiert gespeichert, aber die Quantisierungskonfiguration lässt es unquantisiert (ignore oder kein passender Eintrag in targets)</translation>
    </message>
    <message>
        <source>%1: tensor %2 holds [%3, %4], which %5 %6 at %7 bits does not hold</source>
        <translation>%1: Tensor %2 enthält [%3, %4], was %5 %6 bei %7 Bit nicht aufnehmen kann</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing</source>
        <translation>%1: Tensor %2 fehlt</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be floating-point, not %3</source>
        <translation>%1: Tensor %2 muss einen Gleitkommatyp haben, nicht %3</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (config group %3 is asymmetric)</source>
        <translation>%1: Tensor %2 fehlt (Konfigurationsgruppe %3 ist asymmetrisch)</translation>
    </message>
    <message>
        <source>%1: tensor %2: input %3 is in group %4, outside the %5 groups</source>
        <translation>%1: Tensor %2: Eingang %3 liegt in Gruppe %4, außerhalb der %5 Gruppen</translation>
    </message>
    <message>
        <source>%1: tensor %2 is present, but config group %3 has no actorder &quot;group&quot;</source>
        <translation>%1: Tensor %2 ist vorhanden, aber Konfigurationsgruppe %3 hat kein actorder „group“</translation>
    </message>
    <message>
        <source>%1: tensor %2: zero point %3 is not 0, as config group %4 is symmetric</source>
        <translation>%1: Tensor %2: Nullpunkt %3 ist nicht 0, obwohl Konfigurationsgruppe %4 symmetrisch ist</translation>
    </message>
    <message>
        <source>%1: tensor %2: zero point %3 is not a signed %4-bit value</source>
        <translation>%1: Tensor %2: Nullpunkt %3 ist kein vorzeichenbehafteter %4-Bit-Wert</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be I8, not %3 %4</source>
        <translation>%1: Tensor %2 muss I8 sein, nicht %3 %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be I32 (packed along the outputs) or I8, not %3 %4</source>
        <translation>%1: Tensor %2 muss I32 (entlang der Ausgänge gepackt) oder I8 sein, nicht %3 %4</translation>
    </message>
    <message>
        <source>%1: kv_cache_scheme: runtimes quantize the attention keys and values as the model runs; QuantBench imports the weights only, so its evaluation keeps them in full precision</source>
        <translation>%1: kv_cache_scheme: Laufzeitumgebungen quantisieren die Schlüssel und Werte der Attention während der Ausführung; QuantBench importiert nur die Gewichte, seine Auswertung lässt sie also in voller Genauigkeit</translation>
    </message>
    <message>
        <source>%1: output_activations are quantized, which QuantBench does not import</source>
        <translation>%1: output_activations sind quantisiert, was QuantBench nicht importiert</translation>
    </message>
    <message>
        <source>%1: the input activations are quantized too (%2) as the model runs; QuantBench imports the weights only, so its evaluation keeps the activations in full precision</source>
        <translation>%1: auch die Eingangsaktivierungen werden während der Ausführung quantisiert (%2); QuantBench importiert nur die Gewichte, seine Auswertung lässt die Aktivierungen also in voller Genauigkeit</translation>
    </message>
    <message>
        <source>%1: float weights of %2 bits are not a format QuantBench reads (FP8 is num_bits 8)</source>
        <translation>%1: Gleitkommagewichte mit %2 Bit sind kein Format, das QuantBench liest (FP8 ist num_bits 8)</translation>
    </message>
    <message>
        <source>%1: float weights are stored as values (float-quantized), not packed (%2)</source>
        <translation>%1: Gleitkommagewichte werden als Werte gespeichert (float-quantized), nicht gepackt (%2)</translation>
    </message>
    <message>
        <source>%1: float weights have no zero point; symmetric must be true</source>
        <translation>%1: Gleitkommagewichte haben keinen Nullpunkt; symmetric muss true sein</translation>
    </message>
    <message>
        <source>%1: strategy &quot;block&quot; needs block_structure [rows, columns] of positive integers, not %2</source>
        <translation>%1: strategy &quot;block&quot; braucht block_structure [Zeilen, Spalten] aus positiven ganzen Zahlen, nicht %2</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (config group %3 is pack-quantized)</source>
        <translation>%1: Tensor %2 fehlt (Konfigurationsgruppe %3 ist pack-quantized)</translation>
    </message>
    <message>
        <source>%1: tensor %2 is present, but config group %3 stores its values unpacked in %4</source>
        <translation>%1: Tensor %2 ist vorhanden, aber Konfigurationsgruppe %3 speichert ihre Werte ungepackt in %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 is present, but config group %3 has float weights, which have no zero point</source>
        <translation>%1: Tensor %2 ist vorhanden, aber Konfigurationsgruppe %3 hat Gleitkommagewichte, die keinen Nullpunkt haben</translation>
    </message>
    <message>
        <source>%1: tensor %2: value %3 at [%4, %5] is not a signed %6-bit value</source>
        <translation>%1: Tensor %2: Wert %3 bei [%4, %5] ist kein vorzeichenbehafteter %6-Bit-Wert</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (%3 holds %4 values)</source>
        <translation>%1: Tensor %2 fehlt (%3 enthält %4-Werte)</translation>
    </message>
    <message>
        <source>%1: num_bits must be an integer from 1 to 32, not %2</source>
        <translation>%1: num_bits muss eine ganze Zahl von 1 bis 32 sein, nicht %2</translation>
    </message>
    <message>
        <source>per token</source>
        <translation>pro Token</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>pro Kanal</translation>
    </message>
    <message>
        <source>in groups of %1</source>
        <translation>in Gruppen zu %1</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>%1-bit %2, %3, %4</source>
        <translation>%1 Bit %2, %3, %4</translation>
    </message>
    <message>
        <source>float</source>
        <translation>Gleitkomma</translation>
    </message>
    <message>
        <source>int</source>
        <translation>Ganzzahl</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>dynamisch</translation>
    </message>
    <message>
        <source>static (input_scale)</source>
        <translation>statisch (input_scale)</translation>
    </message>
    <message>
        <source>%1: dynamic must be false for stored weights, not %2</source>
        <translation>%1: dynamic muss für gespeicherte Gewichte false sein, nicht %2</translation>
    </message>
</context>
<context>
    <name>CompressedTensorsExporter</name>
    <message>
        <source>%1, act-order</source>
        <translation>%1, act-order</translation>
    </message>
    <message>
        <source>%1 is quantized, but vLLM loads the lm_head of a compressed-tensors checkpoint unquantized only: keep it unquantized (method none) or choose --format gptq</source>
        <translation>%1 ist quantisiert, aber vLLM lädt den lm_head eines compressed-tensors-Checkpoints nur unquantisiert: lassen Sie ihn unquantisiert (Methode none) oder wählen Sie --format gptq</translation>
    </message>
    <message>
        <source>%1: %2-bit codes; pack-quantized compressed-tensors checkpoints hold 4 or 8 bits (vLLM serves no other width): choose --format gptq for 2- and 3-bit layers</source>
        <translation>%1: %2-Bit-Codes; compressed-tensors-Checkpoints im Format pack-quantized nehmen 4 oder 8 Bit auf (vLLM bedient keine andere Bitbreite): wählen Sie --format gptq für 2- und 3-Bit-Schichten</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: compressed-tensors needs the group size to divide the %3 inputs, and %4 does not; choose a group size that does, or per-channel (-1)</source>
        <translation>%1 [%2, %3]: compressed-tensors verlangt, dass die Gruppengröße die %3 Eingänge teilt, und %4 tut das nicht; wählen Sie eine passende Gruppengröße oder pro Kanal (-1)</translation>
    </message>
    <message>
        <source>%1: zero point %2 is not a %3-bit code</source>
        <translation>%1: Nullpunkt %2 ist kein %3-Bit-Code</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in %3, the layer&apos;s scale type</source>
        <translation>%1: Skala %2 passt nicht in %3, den Skalentyp der Schicht</translation>
    </message>
    <message>
        <source>%1: a code does not fit in %2 bits</source>
        <translation>%1: ein Code passt nicht in %2 Bit</translation>
    </message>
    <message>
        <source>%1: the run kept no integer codes for this layer</source>
        <translation>%1: der Lauf hat für diese Schicht keine Ganzzahl-Codes behalten</translation>
    </message>
    <message>
        <source>nothing is quantized: a compressed-tensors checkpoint needs at least one quantized layer</source>
        <translation>nichts ist quantisiert: ein compressed-tensors-Checkpoint braucht mindestens eine quantisierte Schicht</translation>
    </message>
    <message>
        <source>internal error: the config groups&apos; targets written for %1 do not give it its setting</source>
        <translation>interner Fehler: die für %1 geschriebenen targets der Konfigurationsgruppen ergeben nicht seine Einstellung</translation>
    </message>
    <message>
        <source>vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer each, and their settings differ in %1</source>
        <translation>vLLM wird diesen Checkpoint ablehnen: es fasst q/k/v und gate/up zu je einer Schicht zusammen, und deren Einstellungen unterscheiden sich in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) do not fill whole 32-bit words (inputs, or the outputs of asymmetric layers, are not a multiple of 32 / bits: %1): compressed-tensors pads the last word and transformers reads them, but vLLM&apos;s kernels refuse them</source>
        <translation>
            <numerusform>%n Schicht füllt keine ganzen 32-Bit-Wörter (die Eingänge oder, bei asymmetrischen Schichten, die Ausgänge sind kein Vielfaches von 32 / bits: %1): compressed-tensors füllt das letzte Wort auf und transformers liest sie, aber die Kernel von vLLM lehnen sie ab</numerusform>
            <numerusform>%n Schichten füllen keine ganzen 32-Bit-Wörter (die Eingänge oder, bei asymmetrischen Schichten, die Ausgänge sind kein Vielfaches von 32 / bits: %1): compressed-tensors füllt das letzte Wort auf und transformers liest sie, aber die Kernel von vLLM lehnen sie ab</numerusform>
        </translation>
    </message>
    <message>
        <source>int8 weights per channel, int8 activations per token</source>
        <translation>int8-Gewichte pro Kanal, int8-Aktivierungen pro Token</translation>
    </message>
    <message>
        <source>%1: int-quantized layers hold 8-bit symmetric per-channel weights, not %2</source>
        <translation>%1: int-quantized-Schichten enthalten symmetrische 8-Bit-Gewichte pro Kanal, nicht %2</translation>
    </message>
    <message>
        <source>the plan mixes weight-only layers (pack-quantized) with W8A8 layers (int-quantized), so the config&apos;s format is &quot;mixed-precision&quot; with a format per config group: loaders that predate that format of compressed-tensors refuse it</source>
        <translation>der Plan mischt Schichten mit nur quantisierten Gewichten (pack-quantized) mit W8A8-Schichten (int-quantized), daher ist das Format der Konfiguration „mixed-precision“ mit einem Format pro Konfigurationsgruppe: Ladeprogramme, die älter als dieses Format von compressed-tensors sind, lehnen sie ab</translation>
    </message>
</context>
<context>
    <name>ComputeBackends</name>
    <message>
        <source>this build of QuantBench has no OpenCL backend (the OpenCL headers were not found when it was built)</source>
        <translation>dieser Build von QuantBench hat kein OpenCL-Backend (beim Bauen wurden die OpenCL-Header nicht gefunden)</translation>
    </message>
    <message>
        <source>unknown backend &quot;%1&quot;: expected cpu, opencl or opencl:PLATFORM:DEVICE (see `quantbench-cli devices`)</source>
        <translation>unbekanntes Backend „%1“: erwartet cpu, opencl oder opencl:PLATTFORM:GERÄT (siehe `quantbench-cli devices`)</translation>
    </message>
    <message>
        <source>no OpenCL device (%1); running on the CPU</source>
        <translation>kein OpenCL-Gerät (%1); es wird auf der CPU gerechnet</translation>
    </message>
    <message>
        <source>there is no OpenCL device %1 (see `quantbench-cli devices`); running on the CPU</source>
        <translation>es gibt kein OpenCL-Gerät %1 (siehe `quantbench-cli devices`); es wird auf der CPU gerechnet</translation>
    </message>
    <message>
        <source>%1 could not be set up, running on the CPU: %2</source>
        <translation>%1 ließ sich nicht einrichten, es wird auf der CPU gerechnet: %2</translation>
    </message>
    <message>
        <source>this build of QuantBench has no OpenCL backend; running on the CPU</source>
        <translation>dieser Build von QuantBench hat kein OpenCL-Backend; es wird auf der CPU gerechnet</translation>
    </message>
</context>
<context>
    <name>CpuSupport</name>
    <message>
        <source>This build of QuantBench uses instructions this processor does not have (%1). Rebuild it for this machine: scripts/build -DQB_CPU_ARCH=native</source>
        <translation>Dieser Build von QuantBench verwendet Befehle, die dieser Prozessor nicht hat (%1). Erstellen Sie ihn für diesen Rechner neu: scripts/build -DQB_CPU_ARCH=native</translation>
    </message>
</context>
<context>
    <name>ExportFolder</name>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>%1 kann nicht nach %2 kopiert werden</translation>
    </message>
    <message>
        <source>the quantization run was cancelled: the layers it did not reach are stored in full precision</source>
        <translation>der Quantisierungslauf wurde abgebrochen: die Schichten, die er nicht erreicht hat, werden in voller Genauigkeit gespeichert</translation>
    </message>
</context>
<context>
    <name>FakeQuantExporter</name>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); a fake-quant checkpoint stores only weights, so a loader of it computes those layers with full-precision activations</source>
        <translation>
            <numerusform>%n Schicht rundet ihre Eingabeaktivierungen auf int8 (W8A8); ein Fake-Quant-Checkpoint speichert nur Gewichte, daher berechnet ein Loader diese Schicht mit Aktivierungen in voller Genauigkeit</numerusform>
            <numerusform>%n Schichten runden ihre Eingabeaktivierungen auf int8 (W8A8); ein Fake-Quant-Checkpoint speichert nur Gewichte, daher berechnet ein Loader diese Schichten mit Aktivierungen in voller Genauigkeit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FallbackBackend</name>
    <message>
        <source>out of host memory for the device&apos;s buffers</source>
        <translation>kein Hauptspeicher mehr für die Puffer des Geräts</translation>
    </message>
    <message>
        <source>%1 failed, continuing on the CPU: %2</source>
        <translation>%1 ist ausgefallen, es geht auf der CPU weiter: %2</translation>
    </message>
</context>
<context>
    <name>Fp8Checkpoint</name>
    <message>
        <source>%1: quant_method must be &quot;fp8&quot;, not %2</source>
        <translation>%1: quant_method muss &quot;fp8&quot; sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: weight_block_size must be [rows, columns] of positive integers, not %2</source>
        <translation>%1: weight_block_size muss [Zeilen, Spalten] aus positiven ganzen Zahlen sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: activation_scheme must be &quot;dynamic&quot; or &quot;static&quot;, not %2</source>
        <translation>%1: activation_scheme muss &quot;dynamic&quot; oder &quot;static&quot; sein, nicht %2</translation>
    </message>
    <message>
        <source>with the static input_scale of each layer</source>
        <translation>mit dem statischen input_scale jeder Schicht</translation>
    </message>
    <message>
        <source>per token, in groups of %1 channels</source>
        <translation>pro Token, in Gruppen zu %1 Kanälen</translation>
    </message>
    <message>
        <source>per token</source>
        <translation>pro Token</translation>
    </message>
    <message>
        <source>%1: runtimes quantize the input activations to FP8 too (%2) as the model runs; QuantBench imports the weights only, so its evaluation keeps the activations in full precision</source>
        <translation>%1: Laufzeitumgebungen quantisieren während der Ausführung auch die Eingangsaktivierungen zu FP8 (%2); QuantBench importiert nur die Gewichte, seine Auswertung lässt die Aktivierungen also in voller Genauigkeit</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (%3 holds FP8 values)</source>
        <translation>%1: Tensor %2 fehlt (%3 enthält FP8-Werte)</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be floating-point, not %3</source>
        <translation>%1: Tensor %2 muss ein Gleitkommatyp sein, nicht %3</translation>
    </message>
    <message>
        <source>%1: tensor %2 has shape %3; %4 %5 needs one scale, or one per output (%6)</source>
        <translation>%1: Tensor %2 hat die Form %3; %4 %5 braucht eine Skala oder eine pro Ausgang (%6)</translation>
    </message>
</context>
<context>
    <name>GgufExporter</name>
    <message>
        <source>GGUF export writes llama.cpp&apos;s &quot;llama&quot; architecture; this model is %1</source>
        <translation>Der GGUF-Export schreibt die &quot;llama&quot;-Architektur von llama.cpp; dieses Modell ist %1</translation>
    </message>
    <message>
        <source>the model uses rope_scaling &quot;%1&quot;, which this GGUF export does not write (llama.cpp needs a rope_freqs tensor for it)</source>
        <translation>Das Modell verwendet rope_scaling &quot;%1&quot;, das dieser GGUF-Export nicht schreibt (llama.cpp braucht dafür einen rope_freqs-Tensor)</translation>
    </message>
    <message>
        <source>head_dim %1 × %2 heads differs from hidden_size %3, which llama.cpp&apos;s llama architecture assumes</source>
        <translation>head_dim %1 × %2 Heads weicht von hidden_size %3 ab, was die llama-Architektur von llama.cpp voraussetzt</translation>
    </message>
    <message>
        <source>%1: GGUF export writes the sentencepiece tokenizer (tokenizer.ggml.model &quot;llama&quot;) and needs tokenizer.model; a tokenizer.json-only (BPE) model is not supported</source>
        <translation>%1: Der GGUF-Export schreibt den sentencepiece-Tokenizer (tokenizer.ggml.model &quot;llama&quot;) und braucht tokenizer.model; ein Modell nur mit tokenizer.json (BPE) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>%1: rows of %2 values fit no GGUF block (32 or 256 values), so its dequantized %3-bit weight is stored in F32: exact, but not smaller</source>
        <translation>%1: Zeilen aus %2 Werten passen in keinen GGUF-Block (32 oder 256 Werte), daher wird das dequantisierte %3-Bit-Gewicht in F32 gespeichert: exakt, aber nicht kleiner</translation>
    </message>
    <message>
        <source>%1: %2-bit %3 has no GGUF type holding its codes; re-quantized from the dequantized weight to %4, which differs slightly from the run</source>
        <translation>%1: Für %2-Bit-%3 gibt es keinen GGUF-Typ, der die Codes aufnimmt; aus dem dequantisierten Gewicht neu quantisiert zu %4, was geringfügig vom Lauf abweicht</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); GGUF stores only weights, so llama.cpp computes those layers with full-precision activations</source>
        <translation>
            <numerusform>%n Schicht rundet ihre Eingabeaktivierungen auf int8 (W8A8); GGUF speichert nur Gewichte, daher berechnet llama.cpp diese Schicht mit Aktivierungen in voller Genauigkeit</numerusform>
            <numerusform>%n Schichten runden ihre Eingabeaktivierungen auf int8 (W8A8); GGUF speichert nur Gewichte, daher berechnet llama.cpp diese Schichten mit Aktivierungen in voller Genauigkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 already exists; give --force (or confirm) to replace it</source>
        <translation>%1 existiert bereits; zum Ersetzen --force angeben (oder bestätigen)</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1: Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>tokenizer.model has %1 pieces but the model&apos;s vocab_size is %2</source>
        <translation>tokenizer.model hat %1 Pieces, aber vocab_size des Modells ist %2</translation>
    </message>
    <message>
        <source>%1: a code does not fit in %2 bits</source>
        <translation>%1: Ein Code passt nicht in %2 Bit</translation>
    </message>
    <message>
        <source>%1: tensor %2 has dtype %3, which GGUF export does not write</source>
        <translation>%1: Tensor %2 hat den dtype %3, den der GGUF-Export nicht schreibt</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in the fp16 of a GGUF block</source>
        <translation>%1: Skala %2 passt nicht in das fp16 eines GGUF-Blocks</translation>
    </message>
    <message>
        <source>%1: cannot rename the finished file into place</source>
        <translation>%1: Die fertige Datei lässt sich nicht an ihren Platz umbenennen</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>%1: rows of %2 values are not whole k-quant blocks (256 values), so its weights (%3) are re-quantized from the dequantized weight to %4: %5 bits per weight, more than planned</source>
        <translation>%1: Zeilen aus %2 Werten sind keine ganzen K-Quant-Blöcke (256 Werte), daher werden die Gewichte (%3) aus dem dequantisierten Gewicht nach %4 neu quantisiert: %5 Bit pro Gewicht, mehr als geplant</translation>
    </message>
    <message>
        <source>%1: GGUF has no %2-bit type, so its weights (%3) are re-quantized from the dequantized weight to %4: %5 bits per weight, more than planned</source>
        <translation>%1: GGUF hat keinen %2-Bit-Typ, daher werden die Gewichte (%3) aus dem dequantisierten Gewicht nach %4 neu quantisiert: %5 Bit pro Gewicht, mehr als geplant</translation>
    </message>
</context>
<context>
    <name>GgufFile</name>
    <message>
        <source>%1 at byte %2 runs past the end of the file (%3 bytes)</source>
        <translation>%1 an Byte %2 reicht über das Dateiende hinaus (%3 Bytes)</translation>
    </message>
    <message>
        <source>the length of %1</source>
        <translation>die Länge von %1</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>Die Datei existiert nicht</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>Die Datei lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>Die Datei ist leer</translation>
    </message>
    <message>
        <source>cannot map the file: %1</source>
        <translation>Die Datei lässt sich nicht in den Speicher abbilden: %1</translation>
    </message>
    <message>
        <source>the value of metadata key &quot;%1&quot;</source>
        <translation>der Wert des Metadatenschlüssels &quot;%1&quot;</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: a BOOL must be 0 or 1, but it is %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot;: Ein BOOL muss 0 oder 1 sein, ist aber %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: arrays of arrays are not supported</source>
        <translation>Metadatenschlüssel &quot;%1&quot;: Arrays aus Arrays werden nicht unterstützt</translation>
    </message>
    <message>
        <source>the element type of %1</source>
        <translation>der Elementtyp von %1</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: unknown array element type %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot;: Unbekannter Array-Elementtyp %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: an array of %2 elements does not fit in the rest of the file (%3 bytes)</source>
        <translation>Metadatenschlüssel &quot;%1&quot;: Ein Array aus %2 Elementen passt nicht in den Rest der Datei (%3 Bytes)</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: unknown value type %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot;: Unbekannter Werttyp %2</translation>
    </message>
    <message>
        <source>the magic</source>
        <translation>die Magic-Zahl</translation>
    </message>
    <message>
        <source>not a GGUF file: the magic is 0x%1, not &quot;GGUF&quot;</source>
        <translation>Keine GGUF-Datei: Die Magic-Zahl ist 0x%1, nicht &quot;GGUF&quot;</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>die Version</translation>
    </message>
    <message>
        <source>GGUF version %1; QuantBench reads version %2</source>
        <translation>GGUF-Version %1; QuantBench liest Version %2</translation>
    </message>
    <message>
        <source>the tensor count</source>
        <translation>die Tensoranzahl</translation>
    </message>
    <message>
        <source>the metadata count</source>
        <translation>die Metadatenanzahl</translation>
    </message>
    <message>
        <source>the metadata count %1 cannot fit in the file (%2 bytes)</source>
        <translation>Die Metadatenanzahl %1 passt nicht in die Datei (%2 Bytes)</translation>
    </message>
    <message>
        <source>the tensor count %1 cannot fit in the file (%2 bytes)</source>
        <translation>Die Tensoranzahl %1 passt nicht in die Datei (%2 Bytes)</translation>
    </message>
    <message>
        <source>metadata key %1</source>
        <translation>Metadatenschlüssel %1</translation>
    </message>
    <message>
        <source>metadata key %1 is empty</source>
        <translation>Metadatenschlüssel %1 ist leer</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; appears twice</source>
        <translation>Metadatenschlüssel &quot;%1&quot; kommt doppelt vor</translation>
    </message>
    <message>
        <source>the type of metadata key &quot;%1&quot;</source>
        <translation>der Typ des Metadatenschlüssels &quot;%1&quot;</translation>
    </message>
    <message>
        <source>general.alignment must be a UINT32, but it is a %1</source>
        <translation>general.alignment muss ein UINT32 sein, ist aber ein %1</translation>
    </message>
    <message>
        <source>general.alignment %1 is not a power of two</source>
        <translation>general.alignment %1 ist keine Zweierpotenz</translation>
    </message>
    <message>
        <source>the name of tensor %1</source>
        <translation>der Name von Tensor %1</translation>
    </message>
    <message>
        <source>tensor %1 has an empty name</source>
        <translation>Tensor %1 hat einen leeren Namen</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; appears twice</source>
        <translation>Tensor &quot;%1&quot; kommt doppelt vor</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot;</source>
        <translation>Tensor &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the rank of %1</source>
        <translation>der Rang von %1</translation>
    </message>
    <message>
        <source>%1: rank %2; ggml tensors have 1 to %3 dimensions</source>
        <translation>%1: Rang %2; ggml-Tensoren haben 1 bis %3 Dimensionen</translation>
    </message>
    <message>
        <source>dimension %1 of %2</source>
        <translation>Dimension %1 von %2</translation>
    </message>
    <message>
        <source>%1: dimension %2 is %3, which is zero or makes the tensor too large</source>
        <translation>%1: Dimension %2 ist %3, was null ist oder den Tensor zu groß macht</translation>
    </message>
    <message>
        <source>the type of %1</source>
        <translation>der Typ von %1</translation>
    </message>
    <message>
        <source>%1: rows of %2 values are not a whole number of %3 blocks of %4</source>
        <translation>%1: Zeilen aus %2 Werten sind keine ganze Zahl von %3-Blöcken zu %4</translation>
    </message>
    <message>
        <source>the offset of %1</source>
        <translation>der Offset von %1</translation>
    </message>
    <message>
        <source>%1: offset %2 is not a multiple of the alignment %3</source>
        <translation>%1: Offset %2 ist kein Vielfaches der Ausrichtung %3</translation>
    </message>
    <message>
        <source>the data section (from byte %1) starts past the end of the file (%2 bytes)</source>
        <translation>Der Datenabschnitt (ab Byte %1) beginnt hinter dem Dateiende (%2 Bytes)</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot;: its data [%2, %3) run past the end of the data section (%4 bytes; file size %5)</source>
        <translation>Tensor &quot;%1&quot;: Seine Daten [%2, %3) reichen über das Ende des Datenabschnitts hinaus (%4 Bytes; Dateigröße %5)</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; is missing</source>
        <translation>Metadatenschlüssel &quot;%1&quot; fehlt</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be an integer, but it is a %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot; muss eine Ganzzahl sein, ist aber ein %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be a FLOAT32, but it is a %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot; muss ein FLOAT32 sein, ist aber ein %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be a STRING, but it is a %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot; muss ein STRING sein, ist aber ein %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be an array of %2</source>
        <translation>Metadatenschlüssel &quot;%1&quot; muss ein Array aus %2 sein</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; has %2 entries, but %3 are expected</source>
        <translation>Metadatenschlüssel &quot;%1&quot; hat %2 Einträge, erwartet werden aber %3</translation>
    </message>
    <message>
        <source>%1: ggml type %2 is not one QuantBench reads (%3)</source>
        <translation>%1: Den ggml-Typ %2 liest QuantBench nicht (%3)</translation>
    </message>
</context>
<context>
    <name>GptqCheckpoint</name>
    <message>
        <source>%1: quant_method must be &quot;gptq&quot;, not %2</source>
        <translation>%1: quant_method muss „gptq“ sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: bits is missing</source>
        <translation>%1: bits fehlt</translation>
    </message>
    <message>
        <source>%1: %2 must be &quot;gptq&quot; or &quot;gptq_v2&quot;, not %3</source>
        <translation>%1: %2 muss „gptq“ oder „gptq_v2“ sein, nicht %3</translation>
    </message>
    <message>
        <source>%1: checkpoint_format and format disagree</source>
        <translation>%1: checkpoint_format und format widersprechen sich</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1: %2 muss true oder false sein, nicht %3</translation>
    </message>
    <message>
        <source>%1: dynamic must be an object, not %2</source>
        <translation>%1: dynamic muss ein Objekt sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: %2 is stored quantized, but the quantization config leaves it unquantized (%3)</source>
        <translation>%1: %2 ist quantisiert gespeichert, aber die Quantisierungskonfiguration lässt es unquantisiert (%3)</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing</source>
        <translation>%1: Tensor %2 fehlt</translation>
    </message>
    <message>
        <source>%1: %2 (%3) cannot be packed: K and N must fill whole 32-bit words</source>
        <translation>%1: %2 (%3) lässt sich nicht packen: K und N müssen ganze 32-Bit-Wörter füllen</translation>
    </message>
    <message>
        <source>%1: tensor %2: input %3 is in group %4, outside the %5 groups</source>
        <translation>%1: Tensor %2: Eingang %3 liegt in Gruppe %4, außerhalb der %5 Gruppen</translation>
    </message>
</context>
<context>
    <name>GptqDynamicRules</name>
    <message>
        <source>%1: &quot;%2&quot; is not a valid regular expression: %3</source>
        <translation>%1: „%2“ ist kein gültiger regulärer Ausdruck: %3</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must map to an object of overrides, not %3</source>
        <translation>%1: „%2“ muss auf ein Objekt mit Abweichungen zeigen, nicht auf %3</translation>
    </message>
    <message>
        <source>%1: bits must be 2, 3, 4 or 8, not %2</source>
        <translation>%1: bits muss 2, 3, 4 oder 8 sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: group_size must be -1 or a positive integer, not %2</source>
        <translation>%1: group_size muss -1 oder eine positive ganze Zahl sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1: %2 muss true oder false sein, nicht %3</translation>
    </message>
</context>
<context>
    <name>GptqExporter</name>
    <message>
        <source>%1: %2-bit codes; GPTQ packs 2, 3, 4 or 8 bits</source>
        <translation>%1: %2-Bit-Codes; GPTQ packt 2, 3, 4 oder 8 Bit</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: GPTQ packs codes into 32-bit words, so at %4 bits both dimensions must be multiples of %5</source>
        <translation>%1 [%2, %3]: GPTQ packt Codes in 32-Bit-Wörter, daher müssen bei %4 Bit beide Dimensionen Vielfache von %5 sein</translation>
    </message>
    <message>
        <source>%1 is asymmetric: GPTQ v1 stores each zero point minus one, so a zero point of 0 would wrap; export gptq_v2 (the default) instead</source>
        <translation>%1 ist asymmetrisch: GPTQ v1 speichert jeden Nullpunkt minus eins, ein Nullpunkt von 0 würde also überlaufen; stattdessen gptq_v2 (Standard) exportieren</translation>
    </message>
    <message>
        <source>%1: zero point %2 is not a %3-bit code</source>
        <translation>%1: Nullpunkt %2 ist kein %3-Bit-Code</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in float16, the type GPTQ stores scales in</source>
        <translation>%1: Skala %2 passt nicht in float16, den Typ, in dem GPTQ Skalen speichert</translation>
    </message>
    <message>
        <source>%1: a code does not fit in %2 bits</source>
        <translation>%1: ein Code passt nicht in %2 Bit</translation>
    </message>
    <message>
        <source>%1: the run kept no integer codes for this layer</source>
        <translation>%1: der Lauf hat für diese Schicht keine Ganzzahl-Codes behalten</translation>
    </message>
    <message>
        <source>nothing is quantized: a GPTQ checkpoint needs at least one quantized layer</source>
        <translation>nichts ist quantisiert: ein GPTQ-Checkpoint braucht mindestens eine quantisierte Schicht</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); a GPTQ checkpoint stores only weights, so its loaders compute those layers with full-precision activations</source>
        <translation>
            <numerusform>%n Schicht rundet ihre Eingangsaktivierungen auf int8 (W8A8); ein GPTQ-Checkpoint speichert nur Gewichte, seine Lader rechnen diese Schicht daher mit Aktivierungen in voller Genauigkeit</numerusform>
            <numerusform>%n Schichten runden ihre Eingangsaktivierungen auf int8 (W8A8); ein GPTQ-Checkpoint speichert nur Gewichte, seine Lader rechnen diese Schichten daher mit Aktivierungen in voller Genauigkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer each, and their settings differ in %1</source>
        <translation>vLLM wird diesen Checkpoint ablehnen: es fasst q/k/v und gate/up zu je einer Schicht zusammen, und deren Einstellungen unterscheiden sich in %1</translation>
    </message>
    <message>
        <source>internal error: the dynamic rules written for %1 do not give it its setting (%2)</source>
        <translation>interner Fehler: die für %1 geschriebenen dynamic-Regeln ergeben nicht seine Einstellung (%2)</translation>
    </message>
</context>
<context>
    <name>GptqQuantizer</name>
    <message>
        <source>the inputs&apos; Hessian is not positive definite even with %1 × its mean diagonal added; rounded to nearest instead</source>
        <translation>Die Hesse-Matrix der Eingaben ist auch nach Addition von %1 × ihrem Diagonalmittel nicht positiv definit; stattdessen auf den nächsten Wert gerundet</translation>
    </message>
    <message>
        <source>damping raised to %1 × the mean Hessian diagonal to make it invertible</source>
        <translation>Dämpfung auf %1 × das Diagonalmittel der Hesse-Matrix erhöht, um sie invertierbar zu machen</translation>
    </message>
</context>
<context>
    <name>GptqStepThrough</name>
    <message>
        <source>the GPTQ step-through takes 1 to %1 rows of 1 to %2 columns, not %3 × %4</source>
        <translation>Der GPTQ-Schrittmodus nimmt 1 bis %1 Zeilen aus 1 bis %2 Spalten, nicht %3 × %4</translation>
    </message>
    <message>
        <source>the slice has %1 columns, its Hessian %2</source>
        <translation>Der Ausschnitt hat %1 Spalten, seine Hesse-Matrix %2</translation>
    </message>
</context>
<context>
    <name>HfTokenizer</name>
    <message>
        <source>%1: %2: %3</source>
        <extracomment>%1 is the file, %2 the JSON path of the field (&quot;model.merges[12]&quot;), %3 what is wrong</extracomment>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>must be %1, but it is %2</source>
        <translation>Muss %1 sein, ist aber %2</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>Pflichtfeld fehlt</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a whole number from 0 to %1</source>
        <translation>eine ganze Zahl von 0 bis %1</translation>
    </message>
    <message>
        <source>must be a single character, but it is &quot;%1&quot;</source>
        <translation>Muss ein einzelnes Zeichen sein, ist aber &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not a valid regular expression: %1 (at character %2)</source>
        <translation>Kein gültiger regulärer Ausdruck: %1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <source>must be {&quot;String&quot;: …} or {&quot;Regex&quot;: …}</source>
        <translation>Muss {&quot;String&quot;: …} oder {&quot;Regex&quot;: …} sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of always, first, never</source>
        <translation>&quot;%1&quot; ist keiner der Werte always, first, never</translation>
    </message>
    <message>
        <source>the model type &quot;%1&quot; is not supported: QuantBench runs BPE tokenizers (GPT-2, Llama 2/3, Mistral, Qwen2); WordPiece, Unigram and WordLevel models are not supported</source>
        <translation>Der Modelltyp &quot;%1&quot; wird nicht unterstützt: QuantBench führt BPE-Tokenizer aus (GPT-2, Llama 2/3, Mistral, Qwen2); WordPiece-, Unigram- und WordLevel-Modelle werden nicht unterstützt</translation>
    </message>
    <message>
        <source>null or a number</source>
        <translation>null oder eine Zahl</translation>
    </message>
    <message>
        <source>BPE dropout %1 is not supported: evaluation needs the deterministic tokenization (null or 0)</source>
        <translation>BPE-Dropout %1 wird nicht unterstützt: Die Auswertung braucht die deterministische Tokenisierung (null oder 0)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported: QuantBench runs BPE models without subword prefixes or word suffixes</source>
        <translation>&quot;%1&quot; wird nicht unterstützt: QuantBench führt BPE-Modelle ohne Subwort-Präfixe oder Wortsuffixe aus</translation>
    </message>
    <message>
        <source>an object mapping pieces to ids</source>
        <translation>ein Objekt, das Pieces auf IDs abbildet</translation>
    </message>
    <message>
        <source>id %1 is also the id of &quot;%2&quot;</source>
        <translation>ID %1 ist auch die ID von &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the unknown-token piece &quot;%1&quot; is not in the vocabulary</source>
        <translation>Das Piece &quot;%1&quot; für unbekannte Tokens ist nicht im Vokabular</translation>
    </message>
    <message>
        <source>a merge must be two pieces separated by one space, but it is &quot;%1&quot;</source>
        <translation>Ein Merge muss aus zwei durch ein Leerzeichen getrennten Pieces bestehen, ist aber &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;a b&quot; or a pair of strings</source>
        <translation>&quot;a b&quot; oder ein Paar von Zeichenketten</translation>
    </message>
    <message>
        <source>the piece &quot;%1&quot; is not in the vocabulary</source>
        <translation>Das Piece &quot;%1&quot; ist nicht im Vokabular</translation>
    </message>
    <message>
        <source>the merged piece &quot;%1&quot; is not in the vocabulary (every merge must produce a piece of it)</source>
        <translation>Das zusammengeführte Piece &quot;%1&quot; ist nicht im Vokabular (jeder Merge muss ein Piece daraus ergeben)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous</source>
        <translation>&quot;%1&quot; ist keiner der Werte Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous</translation>
    </message>
    <message>
        <source>the template&apos;s special token &quot;%1&quot; is not listed</source>
        <translation>Das Spezialtoken &quot;%1&quot; der Vorlage ist nicht aufgeführt</translation>
    </message>
    <message>
        <source>the special token &quot;%1&quot; has no id</source>
        <translation>Das Spezialtoken &quot;%1&quot; hat keine ID</translation>
    </message>
    <message>
        <source>byte-level BPE (tokenizer.json)</source>
        <translation>Byte-Level-BPE (tokenizer.json)</translation>
    </message>
    <message>
        <source>BPE with byte fallback (tokenizer.json)</source>
        <translation>BPE mit Byte-Fallback (tokenizer.json)</translation>
    </message>
    <message>
        <source>BPE (tokenizer.json)</source>
        <translation>BPE (tokenizer.json)</translation>
    </message>
    <message>
        <source>%1 is not an id of the tokenizer</source>
        <translation>%1 ist keine ID des Tokenizers</translation>
    </message>
    <message>
        <source>the normalizer type &quot;%1&quot; is not supported (supported: %2)</source>
        <translation>Der Normalisierer-Typ &quot;%1&quot; wird nicht unterstützt (unterstützt: %2)</translation>
    </message>
    <message>
        <source>the pre-tokenizer type &quot;%1&quot; is not supported (supported: %2)</source>
        <translation>Der Pre-Tokenizer-Typ &quot;%1&quot; wird nicht unterstützt (unterstützt: %2)</translation>
    </message>
    <message>
        <source>the decoder type &quot;%1&quot; is not supported (supported: %2)</source>
        <translation>Der Decoder-Typ &quot;%1&quot; wird nicht unterstützt (unterstützt: %2)</translation>
    </message>
</context>
<context>
    <name>JsonFile</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: Die Datei lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1: Kein gültiges JSON (%2 bei Byte %3)</translation>
    </message>
    <message>
        <source>%1: the file must hold a JSON object</source>
        <translation>%1: Die Datei muss ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>%1: %2 must be %3, but it is %4</source>
        <translation>%1: %2 muss %3 sein, ist aber %4</translation>
    </message>
    <message>
        <source>%1: %2 has no &quot;%3&quot;</source>
        <translation>%1: %2 hat kein „%3“</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
</context>
<context>
    <name>JsonText</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>the boolean true</source>
        <translation>der boolesche Wert true</translation>
    </message>
    <message>
        <source>the boolean false</source>
        <translation>der boolesche Wert false</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>die Zahl %1</translation>
    </message>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation>die Zeichenkette &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>LayerInputProfileText</name>
    <message>
        <source>full-precision calibration at %1</source>
        <translation>Kalibrierung in voller Genauigkeit um %1</translation>
    </message>
    <message>
        <source>from the %1 run at %2</source>
        <translation>aus dem %1-Lauf um %2</translation>
    </message>
    <message>
        <source>from the quantization run at %1</source>
        <translation>aus dem Quantisierungslauf um %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n input channel(s) · %2 rows · %3</source>
        <translation>
            <numerusform>%1 · %n Eingabekanal · %2 Zeilen · %3</numerusform>
            <numerusform>%1 · %n Eingabekanäle · %2 Zeilen · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>AWQ scale s</source>
        <translation>AWQ-Skala s</translation>
    </message>
    <message>
        <source>SmoothQuant factor s</source>
        <translation>SmoothQuant-Faktor s</translation>
    </message>
</context>
<context>
    <name>LayerInputProfiler</name>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>Das Modell hat keine lineare Schicht namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: the input statistics have %2 channels, the layer has %3 inputs</source>
        <translation>%1: Die Eingabestatistiken haben %2 Kanäle, die Schicht hat %3 Eingänge</translation>
    </message>
    <message>
        <source>there is no input site %1 in the model</source>
        <translation>Im Modell gibt es keine Eingabestelle %1</translation>
    </message>
    <message>
        <source>there is no calibration window to run</source>
        <translation>Es gibt kein Kalibrierungsfenster zum Ausführen</translation>
    </message>
    <message numerus="yes">
        <source>Looking up the token embeddings of %n calibration window(s)</source>
        <translation>
            <numerusform>Token-Embeddings von %n Kalibrierungsfenster werden nachgeschlagen</numerusform>
            <numerusform>Token-Embeddings von %n Kalibrierungsfenstern werden nachgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Full-precision pass: block %1 of %2</source>
        <translation>Durchlauf in voller Genauigkeit: Block %1 von %2</translation>
    </message>
    <message>
        <source>the calibration pass did not reach input site %1</source>
        <translation>Der Kalibrierungsdurchlauf hat die Eingabestelle %1 nicht erreicht</translation>
    </message>
    <message>
        <source>Estimating the condition of the damped Hessian</source>
        <translation>Die Kondition der gedämpften Hesse-Matrix wird geschätzt</translation>
    </message>
    <message>
        <source>%1: the measurement is of another input site</source>
        <translation>%1: Die Messung gehört zu einer anderen Eingabestelle</translation>
    </message>
</context>
<context>
    <name>LayerInventory</name>
    <message>
        <source>%1: tensor &quot;%2&quot;, which config.json implies, is missing from the checkpoint</source>
        <translation>%1: Tensor &quot;%2&quot;, den config.json voraussetzt, fehlt im Checkpoint</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; has shape %3, but config.json implies [%4] (%5)</source>
        <translation>%1: Tensor &quot;%2&quot; hat die Form %3, aber config.json ergibt [%4] (%5)</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; has dtype %3; QuantBench reads checkpoints whose weights are F32, F16 or BF16</source>
        <translation>%1: Tensor &quot;%2&quot; hat den dtype %3; QuantBench liest Checkpoints, deren Gewichte F32, F16 oder BF16 sind</translation>
    </message>
    <message>
        <source>%1: config.json declares num_hidden_layers = %2, but the checkpoint has no tensors for %3 of those blocks (the first missing is model.layers.%4)</source>
        <translation>%1: config.json gibt num_hidden_layers = %2 an, aber der Checkpoint enthält für %3 dieser Blöcke keine Tensoren (der erste fehlende ist model.layers.%4)</translation>
    </message>
    <message>
        <source>vocab_size × hidden_size</source>
        <translation>vocab_size × hidden_size</translation>
    </message>
    <message>
        <source>bias of %1</source>
        <translation>Bias von %1</translation>
    </message>
    <message>
        <source>num_attention_heads × head_dim, hidden_size</source>
        <translation>num_attention_heads × head_dim, hidden_size</translation>
    </message>
    <message>
        <source>num_key_value_heads × head_dim, hidden_size</source>
        <translation>num_key_value_heads × head_dim, hidden_size</translation>
    </message>
    <message>
        <source>hidden_size</source>
        <translation>hidden_size</translation>
    </message>
    <message>
        <source>hidden_size, num_attention_heads × head_dim</source>
        <translation>hidden_size, num_attention_heads × head_dim</translation>
    </message>
    <message>
        <source>intermediate_size × hidden_size</source>
        <translation>intermediate_size × hidden_size</translation>
    </message>
    <message>
        <source>hidden_size × intermediate_size</source>
        <translation>hidden_size × intermediate_size</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; is FP8 (F8_E4M3), whose values mean nothing without their scales; QuantBench reads FP8 weights with their scales from checkpoints whose config.json says how they were quantized (quantization_config: quant_method &quot;compressed-tensors&quot; or &quot;fp8&quot;)</source>
        <translation>%1: Tensor &quot;%2&quot; ist FP8 (F8_E4M3), dessen Werte ohne ihre Skalen nichts bedeuten; QuantBench liest FP8-Gewichte mit ihren Skalen aus Checkpoints, deren config.json sagt, wie sie quantisiert wurden (quantization_config: quant_method &quot;compressed-tensors&quot; oder &quot;fp8&quot;)</translation>
    </message>
</context>
<context>
    <name>LayerQuantizer</name>
    <message>
        <source>%1: %2 needs the calibration statistics of the layer&apos;s inputs</source>
        <translation>%1: %2 benötigt die Kalibrierungsstatistiken der Eingaben der Schicht</translation>
    </message>
    <message>
        <source>%1: %2 is not quantized layer by layer</source>
        <translation>%1: %2 wird nicht Schicht für Schicht quantisiert</translation>
    </message>
    <message>
        <source>not quantized: %1 NaN and %2 infinite weight(s), the first at %3</source>
        <translation>nicht quantisiert: %1 NaN- und %2 unendliche Gewicht(e), das erste bei %3</translation>
    </message>
    <message>
        <source>smoothed with α = %1</source>
        <translation>geglättet mit α = %1</translation>
    </message>
    <message>
        <source>not smoothed: nothing before the layer can absorb a scale</source>
        <translation>nicht geglättet: Nichts vor der Schicht kann eine Skala aufnehmen</translation>
    </message>
    <message>
        <source>; one scale per key/value head channel, shared by the query heads reading it</source>
        <translation>; eine Skala je Kanal eines Key/Value-Kopfs, geteilt von den Query-Köpfen, die ihn lesen</translation>
    </message>
</context>
<context>
    <name>LayerSequentialCapture</name>
    <message>
        <source>there is no calibration window to run</source>
        <translation>Es gibt kein Kalibrierungsfenster zum Ausführen</translation>
    </message>
    <message>
        <source>Calibrating block %1 of %2</source>
        <translation>Block %1 von %2 wird kalibriert</translation>
    </message>
    <message numerus="yes">
        <source>Looking up the token embeddings of %n calibration window(s)</source>
        <translation>
            <numerusform>Token-Embeddings von %n Kalibrierungsfenster werden nachgeschlagen</numerusform>
            <numerusform>Token-Embeddings von %n Kalibrierungsfenstern werden nachgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadedModel</name>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1: Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder to import it into: %2</source>
        <translation>%1: Es lässt sich kein temporärer Ordner für den Import anlegen: %2</translation>
    </message>
    <message>
        <source>%1: not a GGUF file; open a checkpoint folder or a .gguf file</source>
        <translation>%1: Keine GGUF-Datei; öffnen Sie einen Checkpoint-Ordner oder eine .gguf-Datei</translation>
    </message>
    <message>
        <source>imported from %1 and dequantized to float32</source>
        <translation>importiert aus %1 und zu float32 dequantisiert</translation>
    </message>
    <message>
        <source>%1 read one input, but the checkpoint rounds it differently for each of them (as runtimes do, per layer); QuantBench rounds an input once for all the layers reading it, so these keep their activations in full precision</source>
        <translation>%1 lesen eine gemeinsame Eingabe, doch der Checkpoint rundet sie für jede dieser Schichten anders (wie Laufzeitumgebungen es pro Schicht tun); QuantBench rundet eine Eingabe einmal für alle Schichten, die sie lesen, daher behalten diese ihre Aktivierungen in voller Genauigkeit</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) with their input activations rounded %1 as the checkpoint asks</source>
        <translation>
            <numerusform>%n Schicht, deren Eingabeaktivierungen wie vom Checkpoint verlangt %1 gerundet werden</numerusform>
            <numerusform>%n Schichten, deren Eingabeaktivierungen wie vom Checkpoint verlangt %1 gerundet werden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>MethodOptions</name>
    <message>
        <source>act-order</source>
        <translation>act-order</translation>
    </message>
    <message>
        <source>static groups</source>
        <translation>statische Gruppen</translation>
    </message>
    <message>
        <source>damp %1</source>
        <translation>Dämpfung %1</translation>
    </message>
    <message>
        <source>clip search</source>
        <translation>Clipping-Suche</translation>
    </message>
    <message>
        <source>α %1</source>
        <translation>α %1</translation>
    </message>
    <message>
        <source>smoothed α %1</source>
        <translation>geglättet α %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>act-order: %1</source>
        <translation>act-order: %1</translation>
    </message>
    <message>
        <source>static groups: %1</source>
        <translation>statische Gruppen: %1</translation>
    </message>
    <message>
        <source>damping: %1 × mean diag(H)</source>
        <translation>Dämpfung: %1 × mittlere diag(H)</translation>
    </message>
    <message>
        <source>clip search: %1</source>
        <translation>Clipping-Suche: %1</translation>
    </message>
    <message>
        <source>smoothing: %1</source>
        <translation>Glättung: %1</translation>
    </message>
    <message>
        <source>α (migration strength): %1</source>
        <translation>α (Migrationsstärke): %1</translation>
    </message>
    <message>
        <source>tied scales</source>
        <translation>gekoppelte Skalen</translation>
    </message>
    <message>
        <source>tied scales (o_proj under grouped-query attention): %1</source>
        <translation>gekoppelte Skalen (o_proj bei Grouped-Query-Attention): %1</translation>
    </message>
    <message>
        <source>not scaled</source>
        <translation>nicht skaliert</translation>
    </message>
    <message>
        <source>tied scales: %1 (only o_proj under grouped-query attention uses it)</source>
        <translation>gekoppelte Skalen: %1 (nur o_proj bei Grouped-Query-Attention verwendet sie)</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>Quantized with QuantBench %1 from `%2`.</source>
        <translation>Quantisiert mit QuantBench %1 aus `%2`.</translation>
    </message>
    <message>
        <source>Mixture</source>
        <translation>Zusammensetzung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Symmetric</source>
        <translation>Symmetrisch</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Welche</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>beibehalten</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>before quantization</source>
        <translation>vor der Quantisierung</translation>
    </message>
    <message>
        <source>after quantization</source>
        <translation>nach der Quantisierung</translation>
    </message>
    <message>
        <source>evaluation text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>Limitations</source>
        <translation>Einschränkungen</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>%1 (blocks %2)</source>
        <translation>%1 (Blöcke %2)</translation>
    </message>
    <message>
        <source>Average bits per weight of the quantizable linear layers: %1 (each group&apos;s fp16 scale and b-bit zero point counted: b + (16 + b) / g bits per weight for groups of g).</source>
        <translation>Durchschnittliche Bits pro Gewicht der quantisierbaren linearen Schichten: %1 (fp16-Skala und b-Bit-Nullpunkt jeder Gruppe mitgezählt: b + (16 + b) / g Bits pro Gewicht bei Gruppen von g).</translation>
    </message>
    <message>
        <source>mean KL divergence from the original model (nats per token)</source>
        <translation>mittlere KL-Divergenz zum Originalmodell (Nats pro Token)</translation>
    </message>
    <message>
        <source>positions where the most probable next token is the original model&apos;s</source>
        <translation>Positionen, an denen das wahrscheinlichste nächste Token das des Originalmodells ist</translation>
    </message>
</context>
<context>
    <name>ModelSpec</name>
    <message>
        <source>%1: field &quot;%2&quot; must be %3, but it is %4</source>
        <translation>%1: Feld &quot;%2&quot; muss %3 sein, ist aber %4</translation>
    </message>
    <message>
        <source>%1: required field &quot;%2&quot; is missing</source>
        <translation>%1: Das Pflichtfeld &quot;%2&quot; fehlt</translation>
    </message>
    <message>
        <source>a positive integer</source>
        <translation>eine positive ganze Zahl</translation>
    </message>
    <message>
        <source>a non-negative integer token id</source>
        <translation>eine nicht negative ganzzahlige Token-ID</translation>
    </message>
    <message>
        <source>a token id or a list of token ids</source>
        <translation>eine Token-ID oder eine Liste von Token-IDs</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>eine positive Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an object or null</source>
        <translation>ein Objekt oder null</translation>
    </message>
    <message>
        <source>%1: config.json is missing; a Hugging Face checkpoint folder needs it to describe the model</source>
        <translation>%1: config.json fehlt; ein Hugging-Face-Checkpoint-Ordner braucht sie, um das Modell zu beschreiben</translation>
    </message>
    <message>
        <source>%1: required field &quot;model_type&quot; is missing</source>
        <translation>%1: Das Pflichtfeld &quot;model_type&quot; fehlt</translation>
    </message>
    <message>
        <source>%1: model_type &quot;%2&quot; is not supported (supported: %3)</source>
        <translation>%1: model_type &quot;%2&quot; wird nicht unterstützt (unterstützt: %3)</translation>
    </message>
    <message>
        <source>%1: hidden_size %2 is not a multiple of num_attention_heads %3</source>
        <translation>%1: hidden_size %2 ist kein Vielfaches von num_attention_heads %3</translation>
    </message>
    <message>
        <source>%1: num_attention_heads %2 is not a multiple of num_key_value_heads %3</source>
        <translation>%1: num_attention_heads %2 ist kein Vielfaches von num_key_value_heads %3</translation>
    </message>
    <message>
        <source>%1: field &quot;rope_type&quot; is missing</source>
        <translation>%1: Das Feld &quot;rope_type&quot; fehlt</translation>
    </message>
    <message>
        <source>%1 preset, seed %2</source>
        <translation>Voreinstellung %1, Seed %2</translation>
    </message>
    <message>
        <source>%1 preset</source>
        <translation>Voreinstellung %1</translation>
    </message>
</context>
<context>
    <name>OpenClBackend</name>
    <message>
        <source>there is no OpenCL device %1</source>
        <translation>es gibt kein OpenCL-Gerät %1</translation>
    </message>
    <message>
        <source>%1 allows work-groups of only %2 work-items; QuantBench&apos;s kernels need 256</source>
        <translation>%1 erlaubt Arbeitsgruppen von nur %2 Work-Items; die Kernel von QuantBench brauchen 256</translation>
    </message>
    <message>
        <source>the OpenCL kernels do not build for %1 (%2): %3</source>
        <translation>die OpenCL-Kernel lassen sich für %1 nicht bauen (%2): %3</translation>
    </message>
    <message>
        <source>X^T X of %1 input channels needs larger buffers than the device allows (%2 MiB)</source>
        <translation>X^T X von %1 Eingangskanälen braucht größere Puffer, als das Gerät erlaubt (%2 MiB)</translation>
    </message>
    <message>
        <source>a product with %1 inputs needs larger buffers than the device allows (%2 MiB)</source>
        <translation>ein Produkt mit %1 Eingängen braucht größere Puffer, als das Gerät erlaubt (%2 MiB)</translation>
    </message>
    <message>
        <source>a row of %1 weights is larger than the device&apos;s largest buffer</source>
        <translation>eine Zeile von %1 Gewichten ist größer als der größte Puffer des Geräts</translation>
    </message>
    <message>
        <source>GPTQ&apos;s inverse Hessian factor for %1 columns (%2 MiB) is larger than the device&apos;s largest buffer (%3 MiB)</source>
        <translation>der Faktor der inversen Hesse-Matrix von GPTQ für %1 Spalten (%2 MiB) ist größer als der größte Puffer des Geräts (%3 MiB)</translation>
    </message>
    <message>
        <source>GPTQ on %1 columns needs larger buffers than the device allows (%2 MiB)</source>
        <translation>GPTQ auf %1 Spalten braucht größere Puffer, als das Gerät erlaubt (%2 MiB)</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>the file has the wrong size after writing</source>
        <translation>Die Datei hat nach dem Schreiben die falsche Größe</translation>
    </message>
</context>
<context>
    <name>PackedCheckpointReading</name>
    <message>
        <source>%1: quantization_config must be an object, not %2</source>
        <translation>%1: quantization_config muss ein Objekt sein, nicht %2</translation>
    </message>
    <message>
        <source>%1: no %2 quantization config (no quantization_config in config.json)</source>
        <translation>%1: keine %2-Quantisierungskonfiguration (kein quantization_config in config.json)</translation>
    </message>
    <message>
        <source>%1: no %2 quantization config (neither quantization_config in config.json nor %3)</source>
        <translation>%1: keine %2-Quantisierungskonfiguration (weder quantization_config in config.json noch %3)</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing</source>
        <translation>%1: Tensor %2 fehlt</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be %3, not %4</source>
        <translation>%1: Tensor %2 muss %3 sein, nicht %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 must have %3 dimension(s), not shape %4</source>
        <translation>%1: Tensor %2 muss %3 Dimension(en) haben, nicht die Form %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 has shape %3, but %4 needs [%5]</source>
        <translation>%1: Tensor %2 hat die Form %3, aber %4 erfordert [%5]</translation>
    </message>
    <message>
        <source>%1: neither %2 nor %3 is in the checkpoint</source>
        <translation>%1: weder %2 noch %3 ist im Checkpoint enthalten</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be a 2-D floating-point weight, not %3 %4</source>
        <translation>%1: Tensor %2 muss ein zweidimensionales Gleitkomma-Gewicht sein, nicht %3 %4</translation>
    </message>
</context>
<context>
    <name>PackedExport</name>
    <message>
        <source>%1 and %2 read the same input, but their input scales (AWQ, SmoothQuant or smoothing) differ: a %3 checkpoint can fold only one scale into the operation before them</source>
        <translation>%1 und %2 lesen dieselbe Eingabe, aber ihre Eingabeskalen (AWQ, SmoothQuant oder Glättung) unterscheiden sich: ein %3-Checkpoint kann nur eine Skala in die Operation vor ihnen einrechnen</translation>
    </message>
    <message>
        <source>%1: its input scale has nothing before it to fold into</source>
        <translation>%1: vor der Schicht liegt nichts, in das sich ihre Eingabeskala einrechnen lässt</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more layer(s)</source>
        <translation>
            <numerusform>… und %n weitere Schicht</numerusform>
            <numerusform>… und %n weitere Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: its input scale has %2 channels, which do not fit the outputs of %3</source>
        <translation>%1: Die Eingangsskala hat %2 Kanäle, die nicht zu den Ausgängen von %3 passen</translation>
    </message>
    <message>
        <source>%1: its input scale differs between query heads sharing a key/value head (channel %2), so it cannot be folded into %3</source>
        <translation>%1: Die Eingangsskala unterscheidet sich zwischen Query-Köpfen, die sich einen Key/Value-Kopf teilen (Kanal %2), daher kann sie nicht in %3 gefaltet werden</translation>
    </message>
</context>
<context>
    <name>PerplexityEvaluator</name>
    <message>
        <source>the context length must be at least 2 tokens, not %1</source>
        <translation>Die Kontextlänge muss mindestens 2 Tokens betragen, nicht %1</translation>
    </message>
    <message>
        <source>the stride (%1) must not exceed the context length (%2): tokens between windows would never be scored</source>
        <translation>Die Schrittweite (%1) darf die Kontextlänge (%2) nicht überschreiten: Tokens zwischen den Fenstern würden nie bewertet</translation>
    </message>
    <message>
        <source>the tokenizer has %1 tokens but the model only %2: they do not belong together</source>
        <translation>Der Tokenizer hat %1 Tokens, das Modell aber nur %2: Sie gehören nicht zusammen</translation>
    </message>
    <message numerus="yes">
        <source>Tokenizing %n document(s)</source>
        <translation>
            <numerusform>Tokenisierung von %n Dokument</numerusform>
            <numerusform>Tokenisierung von %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>the text has no token to score (every document is a single token)</source>
        <translation>Der Text hat kein zu bewertendes Token (jedes Dokument ist ein einzelnes Token)</translation>
    </message>
    <message>
        <source>Evaluating: block %1 of %2</source>
        <translation>Auswertung: Block %1 von %2</translation>
    </message>
    <message>
        <source>Evaluating: scoring</source>
        <translation>Auswertung: Bewertung der Tokens</translation>
    </message>
    <message>
        <source>Perplexity %1</source>
        <translation>Perplexität %1</translation>
    </message>
    <message>
        <source>a number of 0 or more</source>
        <translation>eine Zahl von 0 oder mehr</translation>
    </message>
    <message>
        <source>absent without &quot;modified&quot;</source>
        <translation>ohne &quot;modified&quot; abwesend</translation>
    </message>
    <message>
        <source>a fraction from 0 to 1</source>
        <translation>ein Anteil von 0 bis 1</translation>
    </message>
    <message>
        <source>%1 has a vocabulary of %2 tokens and %3 one of %4: only models that read the same token ids can be compared</source>
        <translation>%1 hat ein Vokabular von %2 Tokens und %3 eines von %4: nur Modelle, die dieselben Token-IDs lesen, lassen sich vergleichen</translation>
    </message>
    <message>
        <source>%1 reads at most %2 positions, fewer than the windows of %3 tokens; give a shorter context length</source>
        <translation>%1 liest höchstens %2 Positionen, weniger als die Fenster von %3 Tokens; geben Sie eine kürzere Kontextlänge an</translation>
    </message>
    <message>
        <source>%1 and %2 tokenize the text into different ids (window %3 differs): only models that share a tokenizer can be compared</source>
        <translation>%1 und %2 zerlegen den Text in verschiedene IDs (Fenster %3 unterscheidet sich): nur Modelle mit demselben Tokenizer lassen sich vergleichen</translation>
    </message>
    <message>
        <source>%1 and %2 tokenize the text into different ids (%3 windows against %4): only models that share a tokenizer can be compared</source>
        <translation>%1 und %2 zerlegen den Text in verschiedene IDs (%3 Fenster gegen %4): nur Modelle mit demselben Tokenizer lassen sich vergleichen</translation>
    </message>
</context>
<context>
    <name>PlanWeightHooks</name>
    <message>
        <source>%1: %2 needs calibration data</source>
        <translation>%1: %2 benötigt Kalibrierungsdaten</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Could not save the plot to %1</source>
        <translation>Das Diagramm konnte nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>Writing %1</source>
        <translation>Schreibe %1</translation>
    </message>
    <message>
        <source>%1: cannot rename the finished file into place</source>
        <translation>%1: Die fertige Datei kann nicht an ihren Platz umbenannt werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>%1: the tensor %2 is missing</source>
        <translation>%1: Der Tensor %2 fehlt</translation>
    </message>
    <message>
        <source>%1: the tensor %2 is %3 %4, %5 [%6] was expected</source>
        <translation>%1: Der Tensor %2 ist %3 %4, erwartet war %5 [%6]</translation>
    </message>
    <message>
        <source>%1: its model %2 is not there (nor at %3 beside the project)</source>
        <translation>%1: Sein Modell %2 ist nicht vorhanden (auch nicht unter %3 neben dem Projekt)</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>%1 is not a QuantBench project: it has no &quot;%2&quot; metadata</source>
        <translation>%1 ist kein QuantBench-Projekt: Es hat keine Metadaten „%2“</translation>
    </message>
    <message>
        <source>%1: the project&apos;s JSON is not readable: %2</source>
        <translation>%1: Das JSON des Projekts ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer QuantBench (project version %2; this one reads version %3)</source>
        <translation>%1 wurde von einem neueren QuantBench geschrieben (Projektversion %2; diese Version liest Version %3)</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffne %1</translation>
    </message>
    <message>
        <source>%1 was made on a model with %2 linear layers and %3 parameters in them; %4 has %5 and %6</source>
        <translation>%1 wurde für ein Modell mit %2 linearen Schichten und %3 Parametern darin erstellt; %4 hat %5 und %6</translation>
    </message>
    <message>
        <source>%1: its plan does not fit the model:
%2</source>
        <translation>%1: Sein Plan passt nicht zum Modell:
%2</translation>
    </message>
    <message>
        <source>%1: its sensitivity scan is not of the model:
%2</source>
        <translation>%1: Sein Sensitivitäts-Scan gehört nicht zu diesem Modell:
%2</translation>
    </message>
    <message>
        <source>%1: %2 is the layer &quot;%3&quot;, which the run&apos;s report does not list as quantized (or lists twice)</source>
        <translation>%1: %2 ist die Schicht „%3“, die der Bericht des Laufs nicht als quantisiert aufführt (oder doppelt aufführt)</translation>
    </message>
    <message>
        <source>%1: %2 has groups of %3 columns where its grid has %4</source>
        <translation>%1: %2 hat Gruppen von %3 Spalten, sein Raster aber %4</translation>
    </message>
    <message>
        <source>%1: %2 holds a code of %3 on a %4-bit grid</source>
        <translation>%1: %2 enthält einen Code %3 auf einem %4-Bit-Raster</translation>
    </message>
    <message>
        <source>%1: %2 holds a scale or zero point that is not finite</source>
        <translation>%1: %2 enthält eine Skala oder einen Nullpunkt, der nicht endlich ist</translation>
    </message>
    <message>
        <source>%1: %2 names group %3 of %4</source>
        <translation>%1: %2 nennt Gruppe %3 von %4</translation>
    </message>
    <message>
        <source>%1: %2 is not a permutation of the %3 columns</source>
        <translation>%1: %2 ist keine Permutation der %3 Spalten</translation>
    </message>
    <message>
        <source>%1: %2 holds a scale that is not a positive number</source>
        <translation>%1: %2 enthält eine Skala, die keine positive Zahl ist</translation>
    </message>
    <message>
        <source>%1: the run&apos;s report lists %2 quantized layers, the file holds %3</source>
        <translation>%1: Der Bericht des Laufs führt %2 quantisierte Schichten auf, die Datei enthält %3</translation>
    </message>
    <message>
        <source>&quot;bytes&quot; for a %1-bit grid</source>
        <translation>&quot;bytes&quot; bei einem %1-Bit-Raster</translation>
    </message>
    <message>
        <source>&quot;bytes&quot; or &quot;nibbles&quot;</source>
        <translation>&quot;bytes&quot; oder &quot;nibbles&quot;</translation>
    </message>
</context>
<context>
    <name>QuantPlan</name>
    <message>
        <source>Keep</source>
        <translation>Beibehalten</translation>
    </message>
    <message>
        <source>RTN</source>
        <translation>RTN</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2</source>
        <translation>&quot;%1&quot; ist kein gültiger regulärer Ausdruck: %2</translation>
    </message>
    <message>
        <source>%1.%2 must be %3, but it is %4</source>
        <translation>%1.%2 muss %3 sein, ist aber %4</translation>
    </message>
    <message>
        <source>a layer name or &quot;re:&quot; followed by a regular expression</source>
        <translation>ein Schichtname oder &quot;re:&quot; gefolgt von einem regulären Ausdruck</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>einer der Werte %1</translation>
    </message>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>a positive number of columns, -1 (per channel) or 0 (per tensor)</source>
        <translation>eine positive Spaltenzahl, -1 (pro Kanal) oder 0 (pro Tensor)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: %3)</source>
        <translation>%1: Unbekanntes Feld &quot;%2&quot; (bekannt: %3)</translation>
    </message>
    <message>
        <source>%1: &quot;default&quot; must be an object, but it is %2</source>
        <translation>%1: &quot;default&quot; muss ein Objekt sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1: &quot;overrides&quot; must be an array, but it is %2</source>
        <translation>%1: &quot;overrides&quot; muss ein Array sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1 must be an object, but it is %2</source>
        <translation>%1 muss ein Objekt sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1 has no &quot;match&quot; naming the layers it applies to</source>
        <translation>%1 hat kein &quot;match&quot;, das die Schichten benennt, für die es gilt</translation>
    </message>
    <message>
        <source>%1: default: %2</source>
        <translation>%1: default: %2</translation>
    </message>
    <message>
        <source>overrides[%1]: the regular expression &quot;%2&quot; matches no layer of this model</source>
        <translation>overrides[%1]: Der reguläre Ausdruck &quot;%2&quot; passt auf keine Schicht dieses Modells</translation>
    </message>
    <message>
        <source>overrides[%1]: this model has no layer named &quot;%2&quot;</source>
        <translation>overrides[%1]: Dieses Modell hat keine Schicht namens &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n override(s))</source>
        <translation>
            <numerusform>%1 (+%n Überschreibung)</numerusform>
            <numerusform>%1 (+%n Überschreibungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ</source>
        <translation>GPTQ</translation>
    </message>
    <message>
        <source>AWQ</source>
        <translation>AWQ</translation>
    </message>
    <message>
        <source>SmoothQuant</source>
        <translation>SmoothQuant</translation>
    </message>
    <message>
        <source>W8A8</source>
        <translation>W8A8</translation>
    </message>
    <message>
        <source>a number above 0 and at most 10</source>
        <translation>eine Zahl größer als 0 und höchstens 10</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>eine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <source>%1, α = %2</source>
        <translation>%1, α = %2</translation>
    </message>
    <message>
        <source>, act-order, static groups</source>
        <translation>, act-order, statische Gruppen</translation>
    </message>
    <message>
        <source>, act-order</source>
        <translation>, act-order</translation>
    </message>
    <message>
        <source>, clip search</source>
        <translation>, Clipping-Suche</translation>
    </message>
    <message>
        <source>, smoothed (α = %1)</source>
        <translation>, geglättet (α = %1)</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation>eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <source>&quot;documents&quot; or &quot;random&quot;</source>
        <translation>&quot;documents&quot; oder &quot;random&quot;</translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation>eine ganze Zahl von 0 oder mehr</translation>
    </message>
    <message>
        <source>a fraction from 0 up to (not including) 1</source>
        <translation>ein Anteil von 0 bis ausschließlich 1</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: mode, samples, seqlen, seed, sample_rows, holdout)</source>
        <translation>%1: Unbekanntes Feld &quot;%2&quot; (bekannt: mode, samples, seqlen, seed, sample_rows, holdout)</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: default, overrides, calibration)</source>
        <translation>%1: Unbekanntes Feld &quot;%2&quot; (bekannt: default, overrides, calibration)</translation>
    </message>
    <message>
        <source>%1: &quot;calibration&quot; must be an object, but it is %2</source>
        <translation>%1: &quot;calibration&quot; muss ein Objekt sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1 read the same input, so they must treat it alike: AWQ and smoothing fold one scale into the operation before them, and W8A8 rounds the input itself. Give them the same method (awq, smoothquant or w8a8) or smoothing with the same alpha</source>
        <translation>%1 lesen dieselbe Eingabe und müssen sie daher gleich behandeln: AWQ und Glättung rechnen eine Skala in die Operation vor ihnen ein, und W8A8 rundet die Eingabe selbst. Geben Sie ihnen dieselbe Methode (awq, smoothquant oder w8a8) oder Glättung mit demselben alpha</translation>
    </message>
    <message>
        <source>, without tied scales</source>
        <translation>, ohne gekoppelte Skalen</translation>
    </message>
    <message>
        <source>%1: nothing before these layers can absorb an input scale, so AWQ does not scale them and only searches their clipping, as llm-awq does</source>
        <translation>%1: Nichts vor diesen Schichten kann eine Eingangsskala aufnehmen, daher skaliert AWQ sie nicht und sucht nur ihr Clipping, wie llm-awq</translation>
    </message>
    <message>
        <source>%1: with tied_scales off, AWQ does not scale these layers and only searches their clipping, as llm-awq does (their inputs are mixed by attention over shared key/value heads, so only scales tied over the query heads sharing each key/value head fold into the layer before them)</source>
        <translation>%1: Mit ausgeschaltetem tied_scales skaliert AWQ diese Schichten nicht und sucht nur ihr Clipping, wie llm-awq (ihre Eingänge werden von der Attention über geteilte Key/Value-Köpfe gemischt, daher lassen sich nur Skalen, die über die Query-Köpfe eines Key/Value-Kopfs gekoppelt sind, in die Schicht davor falten)</translation>
    </message>
    <message>
        <source>%1: nothing before these layers can absorb a smoothing scale (their inputs are mixed by attention over shared key/value heads, so only scales tied over the query heads sharing each key/value head would fold, and smoothing does not tie its scales), so they are not smoothed: SmoothQuant quantizes them as plain W8A8, as the reference does</source>
        <translation>%1: Nichts vor diesen Schichten kann eine Glättungsskala aufnehmen (ihre Eingänge werden von der Attention über geteilte Key/Value-Köpfe gemischt, daher ließen sich nur über die Query-Köpfe eines Key/Value-Kopfs gekoppelte Skalen falten, und die Glättung koppelt ihre Skalen nicht), daher werden sie nicht geglättet: SmoothQuant quantisiert sie als einfaches W8A8, wie die Referenz</translation>
    </message>
</context>
<context>
    <name>QuantReport</name>
    <message>
        <source>%1: the report has %2 layers, the model %3</source>
        <translation>%1: Der Bericht hat %2 Schichten, das Modell %3</translation>
    </message>
    <message>
        <source>%1: %2 is the layer &quot;%3&quot; where the model has &quot;%4&quot;</source>
        <translation>%1: %2 ist die Schicht „%3“, wo das Modell „%4“ hat</translation>
    </message>
    <message>
        <source>&quot;quantized&quot;, &quot;kept&quot;, &quot;skipped&quot; or &quot;not_run&quot;</source>
        <translation>„quantized“, „kept“, „skipped“ oder „not_run“</translation>
    </message>
    <message>
        <source>%1: %2 (%3) has other settings than the recipe gives it (%4)</source>
        <translation>%1: %2 (%3) hat andere Einstellungen, als das Rezept ihr gibt (%4)</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantisiert</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>beibehalten</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message numerus="yes">
        <source>GPTQ fitted on %1 calibration tokens, fewer than the input channels of %n layer(s) (the widest, %2, has %3): their XᵀX is singular, so the damping rather than the data decides much of GPTQ&apos;s updates. Calibrate on at least %3 tokens, better many times more.</source>
        <translation>
            <numerusform>GPTQ wurde an %1 Kalibrierungs-Tokens angepasst, weniger als die Eingangskanäle von %n Schicht (%2 hat %3): Die Matrix XᵀX dieser Schicht ist singulär, sodass eher die Dämpfung als die Daten einen Großteil der GPTQ-Aktualisierungen bestimmt. Kalibrieren Sie auf mindestens %3 Tokens, besser ein Vielfaches davon.</numerusform>
            <numerusform>GPTQ wurde an %1 Kalibrierungs-Tokens angepasst, weniger als die Eingangskanäle von %n Schichten (die breiteste, %2, hat %3): Die Matrix XᵀX dieser Schichten ist singulär, sodass eher die Dämpfung als die Daten einen Großteil der GPTQ-Aktualisierungen bestimmt. Kalibrieren Sie auf mindestens %3 Tokens, besser ein Vielfaches davon.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuantScheme</name>
    <message>
        <source>%1-bit symmetric</source>
        <translation>%1 Bit symmetrisch</translation>
    </message>
    <message>
        <source>%1-bit asymmetric</source>
        <translation>%1 Bit asymmetrisch</translation>
    </message>
    <message>
        <source>%1, per tensor</source>
        <translation>%1, pro Tensor</translation>
    </message>
    <message>
        <source>%1, per channel</source>
        <translation>%1, pro Kanal</translation>
    </message>
    <message>
        <source>%1, groups of %2</source>
        <translation>%1, Gruppen zu %2</translation>
    </message>
    <message>
        <source>bits must be between %1 and %2, not %3</source>
        <translation>Die Bitzahl muss zwischen %1 und %2 liegen, nicht %3</translation>
    </message>
    <message>
        <source>the group size must be a positive number of columns, -1 (per channel) or 0 (per tensor), not %1</source>
        <translation>Die Gruppengröße muss eine positive Spaltenzahl, -1 (pro Kanal) oder 0 (pro Tensor) sein, nicht %1</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>pro Kanal</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
</context>
<context>
    <name>QuantizationPipeline</name>
    <message>
        <source>%1: %2 needs calibration data, and none was given</source>
        <translation>%1: %2 benötigt Kalibrierungsdaten, aber es wurden keine angegeben</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n calibration window(s)</source>
        <translation>
            <numerusform>Vorbereitung von %n Kalibrierungsfenster</numerusform>
            <numerusform>Vorbereitung von %n Kalibrierungsfenstern</numerusform>
        </translation>
    </message>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>Das Modell hat keine lineare Schicht namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Block %1 of %2</source>
        <translation>Block %1 von %2</translation>
    </message>
    <message>
        <source>%1: running the calibration windows</source>
        <translation>%1: Kalibrierungsfenster werden durchlaufen</translation>
    </message>
    <message>
        <source>%1: passing the quantized outputs on</source>
        <translation>%1: Quantisierte Ausgaben werden weitergereicht</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>Ausgabeschicht</translation>
    </message>
    <message>
        <source>not quantized: it shares its input scale with %1, which has non-finite weights</source>
        <translation>nicht quantisiert: Die Schicht teilt ihre Eingabeskala mit %1, deren Gewichte nicht endlich sind</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1: %2 auf %3</translation>
    </message>
    <message>
        <source>%1: %2 needs calibration data, and none reached it</source>
        <translation>%1: %2 benötigt Kalibrierungsdaten, hat aber keine erhalten</translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <source>%1: quantization report</source>
        <translation>%1: Quantisierungsbericht</translation>
    </message>
    <message>
        <source>Made with QuantBench %1</source>
        <translation>Erstellt mit QuantBench %1</translation>
    </message>
    <message>
        <source>The run was cancelled: the layers it did not reach are in full precision.</source>
        <translation>Der Lauf wurde abgebrochen: Die Schichten, die er nicht erreicht hat, sind in voller Genauigkeit.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>none (no output errors measured)</source>
        <translation>keine (keine Ausgabefehler gemessen)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 in all: %2 quantized, %3 kept, %4 skipped, %5 not run</source>
        <translation>%1 insgesamt: %2 quantisiert, %3 beibehalten, %4 übersprungen, %5 nicht ausgeführt</translation>
    </message>
    <message>
        <source>Average bits per weight</source>
        <translation>Durchschnittliche Bits pro Gewicht</translation>
    </message>
    <message>
        <source>%1 (each group&apos;s fp16 scale and zero point counted)</source>
        <translation>%1 (fp16-Skala und Nullpunkt jeder Gruppe mitgezählt)</translation>
    </message>
    <message>
        <source>%1 before, %2 after quantization (%3 %)</source>
        <translation>%1 vor, %2 nach der Quantisierung (%3 %)</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Output errors are measured on the held-out calibration rows (on the fitting rows when none were held out); the bar is the relative error against the largest one.</source>
        <translation>Ausgabefehler werden auf den zurückgehaltenen Kalibrierungszeilen gemessen (auf den Anpassungszeilen, wenn keine zurückgehalten wurden); der Balken zeigt den relativen Fehler im Verhältnis zum größten.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Output rel. error</source>
        <translation>Rel. Ausgabefehler</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>Ausgabe-MSE</translation>
    </message>
    <message>
        <source>Output SQNR dB</source>
        <translation>Ausgabe-SQNR dB</translation>
    </message>
    <message>
        <source>Weight rel. error</source>
        <translation>Rel. Gewichtsfehler</translation>
    </message>
    <message>
        <source>Damping</source>
        <translation>Dämpfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>sym</source>
        <translation>sym</translation>
    </message>
    <message>
        <source>asym</source>
        <translation>asym</translation>
    </message>
    <message>
        <source>, fell back to RTN</source>
        <translation>, Rückfall auf RTN</translation>
    </message>
    <message>
        <source>Time ms</source>
        <translation>Zeit ms</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>The plan of this run, as File › Save Plan… and quantbench-cli quantize --recipe read it.</source>
        <translation>Der Plan dieses Laufs, wie Datei › Plan speichern… und quantbench-cli quantize --recipe ihn lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) (%1 tokens) fitted on, %2 held out (%3 tokens)</source>
        <translation>
            <numerusform>%n Fenster (%1 Tokens) zum Anpassen, %2 zurückgehalten (%3 Tokens)</numerusform>
            <numerusform>%n Fenster (%1 Tokens) zum Anpassen, %2 zurückgehalten (%3 Tokens)</numerusform>
        </translation>
    </message>
    <message>
        <source>Next-token agreement</source>
        <translation>Übereinstimmung beim nächsten Token</translation>
    </message>
    <message>
        <source>mean KL divergence %1 nats per token; the same most probable next token at %2 % of the positions</source>
        <translation>mittlere KL-Divergenz %1 Nats pro Token; dasselbe wahrscheinlichste nächste Token an %2 % der Positionen</translation>
    </message>
</context>
<context>
    <name>RoundingLab</name>
    <message>
        <source>synthetic: %1 weights ~ N(0, 0.02²), one weight of %2 σ</source>
        <translation>synthetisch: %1 Gewichte ~ N(0, 0.02²), ein Gewicht von %2 σ</translation>
    </message>
    <message>
        <source>the model has no linear layer %1</source>
        <translation>Das Modell hat keine lineare Schicht %1</translation>
    </message>
    <message>
        <source>%1, row %2 of %3</source>
        <translation>%1, Zeile %2 von %3</translation>
    </message>
    <message>
        <source>%1 is not in a decoder block: its inputs are not recorded here</source>
        <translation>%1 liegt in keinem Decoder-Block: Seine Eingaben werden hier nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>there is no calibration window to run</source>
        <translation>Es gibt kein Kalibrierungsfenster zum Ausführen</translation>
    </message>
    <message>
        <source>Running block %1 of %2</source>
        <translation>Block %1 von %2 wird ausgeführt</translation>
    </message>
    <message>
        <source>Recording the inputs of %1</source>
        <translation>Eingaben von %1 werden aufgezeichnet</translation>
    </message>
    <message>
        <source>%1: no input was recorded</source>
        <translation>%1: Es wurde keine Eingabe aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>RtnClipSearch</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the clip search needs the Gram matrix of the layer&apos;s inputs</source>
        <translation>%1: Die Clipping-Suche benötigt die Gram-Matrix der Eingaben der Schicht</translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input statistics %3</source>
        <translation>%1: Die Schicht hat %2 Eingabekanäle, ihre Eingabestatistiken %3</translation>
    </message>
    <message>
        <source>RTN: searching clipping ranges for %1</source>
        <translation>RTN: Clipping-Bereiche für %1 werden gesucht</translation>
    </message>
    <message>
        <source>clip search shrank %1 % of the groups</source>
        <translation>Clipping-Suche hat %1 % der Gruppen verkleinert</translation>
    </message>
</context>
<context>
    <name>SafetensorsFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot;: %3</source>
        <translation>%1: Tensor &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>Die Datei existiert nicht</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>Die Datei lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>Die Datei ist leer</translation>
    </message>
    <message numerus="yes">
        <source>the file is %n byte(s) long, too short to hold the 8-byte header length</source>
        <translation>
            <numerusform>Die Datei ist %n Byte lang, zu kurz für die 8 Byte lange Headerlänge</numerusform>
            <numerusform>Die Datei ist %n Bytes lang, zu kurz für die 8 Byte lange Headerlänge</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot map the file into memory: %1</source>
        <translation>Die Datei lässt sich nicht in den Speicher abbilden: %1</translation>
    </message>
    <message>
        <source>the header length %1 runs past the end of the file (%2 bytes after the 8-byte length field)</source>
        <translation>Die Headerlänge %1 reicht über das Dateiende hinaus (%2 Bytes nach dem 8 Byte langen Längenfeld)</translation>
    </message>
    <message>
        <source>the header length %1 is larger than the limit of %2 bytes</source>
        <translation>Die Headerlänge %1 überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>the header is not valid JSON (%1 at byte %2 of the header)</source>
        <translation>Der Header ist kein gültiges JSON (%1 bei Byte %2 des Headers)</translation>
    </message>
    <message>
        <source>the header is JSON but not an object</source>
        <translation>Der Header ist JSON, aber kein Objekt</translation>
    </message>
    <message>
        <source>__metadata__ must be an object of strings</source>
        <translation>__metadata__ muss ein Objekt aus Zeichenketten sein</translation>
    </message>
    <message>
        <source>__metadata__ entry &quot;%1&quot; must be a string</source>
        <translation>__metadata__-Eintrag &quot;%1&quot; muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>the header entry is %1, not an object</source>
        <translation>Der Header-Eintrag ist %1, kein Objekt</translation>
    </message>
    <message>
        <source>&quot;dtype&quot; must be a string, but it is %1</source>
        <translation>&quot;dtype&quot; muss eine Zeichenkette sein, ist aber %1</translation>
    </message>
    <message>
        <source>unknown dtype &quot;%1&quot; (known: %2)</source>
        <translation>Unbekannter dtype &quot;%1&quot; (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;shape&quot; must be an array of non-negative integers, but it is %1</source>
        <translation>&quot;shape&quot; muss ein Array nicht negativer ganzer Zahlen sein, ist aber %1</translation>
    </message>
    <message>
        <source>&quot;shape&quot; must hold non-negative integers, but one entry is %1</source>
        <translation>&quot;shape&quot; muss nicht negative ganze Zahlen enthalten, aber ein Eintrag ist %1</translation>
    </message>
    <message>
        <source>&quot;data_offsets&quot; must be two non-negative integers [begin, end]</source>
        <translation>&quot;data_offsets&quot; müssen zwei nicht negative ganze Zahlen [begin, end] sein</translation>
    </message>
    <message>
        <source>data_offsets [%1, %2] are reversed: the end comes before the beginning</source>
        <translation>data_offsets [%1, %2] sind vertauscht: Das Ende liegt vor dem Anfang</translation>
    </message>
    <message>
        <source>data_offsets [%1, %2] run past the end of the data section (%3 bytes; file size %4)</source>
        <translation>data_offsets [%1, %2] reichen über das Ende des Datenbereichs hinaus (%3 Bytes; Dateigröße %4)</translation>
    </message>
    <message>
        <source>shape %1 of %2 needs %3 bytes, but data_offsets [%4, %5] hold %6</source>
        <translation>Form %1 mit %2 benötigt %3 Bytes, aber data_offsets [%4, %5] umfassen %6</translation>
    </message>
    <message>
        <source>data_offsets [%1, %2] overlap tensor &quot;%3&quot; [%4, %5]</source>
        <translation>data_offsets [%1, %2] überlappen Tensor &quot;%3&quot; [%4, %5]</translation>
    </message>
    <message>
        <source>a gap of %1 bytes lies between tensor &quot;%2&quot; (ending at %3) and this tensor (starting at %4)</source>
        <translation>Zwischen Tensor &quot;%2&quot; (endet bei %3) und diesem Tensor (beginnt bei %4) liegt eine Lücke von %1 Bytes</translation>
    </message>
    <message>
        <source>a gap of %1 bytes lies before this first tensor: the data section must start with a tensor</source>
        <translation>Vor diesem ersten Tensor liegt eine Lücke von %1 Bytes: Der Datenbereich muss mit einem Tensor beginnen</translation>
    </message>
    <message>
        <source>%1 bytes after the last tensor &quot;%2&quot; belong to no tensor</source>
        <translation>%1 Bytes nach dem letzten Tensor &quot;%2&quot; gehören zu keinem Tensor</translation>
    </message>
    <message>
        <source>the header lists no tensors, but %1 bytes of data follow it</source>
        <translation>Der Header listet keine Tensoren auf, aber ihm folgen %1 Bytes an Daten</translation>
    </message>
    <message>
        <source>dtype %1 cannot be read as floating point (QuantBench reads F32, F16, BF16 and F64)</source>
        <translation>dtype %1 lässt sich nicht als Gleitkommazahl lesen (QuantBench liest F32, F16, BF16 und F64)</translation>
    </message>
</context>
<context>
    <name>SensitivityScan</name>
    <message>
        <source>the sensitivity scan quantizes with RTN or GPTQ, not %1</source>
        <translation>Der Sensitivitätsscan quantisiert mit RTN oder GPTQ, nicht mit %1</translation>
    </message>
    <message>
        <source>the sensitivity scan cannot smooth the inputs: smoothing rescales every layer reading an input, not one unit</source>
        <translation>Der Sensitivitätsscan kann die Eingaben nicht glätten: Die Glättung skaliert jede Schicht um, die eine Eingabe liest, nicht nur eine Einheit</translation>
    </message>
    <message>
        <source>no bit-width to measure</source>
        <translation>Keine Bitbreite zu messen</translation>
    </message>
    <message>
        <source>%1 needs calibration data, and none was given</source>
        <translation>%1 benötigt Kalibrierungsdaten, aber es wurden keine angegeben</translation>
    </message>
    <message>
        <source>Scoring the full-precision model</source>
        <translation>Das Modell in voller Genauigkeit wird bewertet</translation>
    </message>
    <message>
        <source>Block %1 of %2: calibration statistics</source>
        <translation>Block %1 von %2: Kalibrierungsstatistiken</translation>
    </message>
    <message>
        <source>Output layer: calibration statistics</source>
        <translation>Ausgabeschicht: Kalibrierungsstatistiken</translation>
    </message>
    <message>
        <source>Quantizing %1 at %2 bits</source>
        <translation>%1 wird mit %2 Bit quantisiert</translation>
    </message>
    <message>
        <source>Measuring %1 at %2 bits (%3 of %4)</source>
        <translation>%1 wird mit %2 Bit gemessen (%3 von %4)</translation>
    </message>
    <message>
        <source>Measuring every layer at %1 bits</source>
        <translation>Messe alle Schichten bei %1 Bit</translation>
    </message>
</context>
<context>
    <name>SensitivityScanResult</name>
    <message>
        <source>%1: %2 is a result at %3 bits, which are not among the scan&apos;s &quot;bits&quot;</source>
        <translation>%1: %2 ist ein Ergebnis bei %3 Bit, die nicht unter den „bits“ des Scans sind</translation>
    </message>
    <message>
        <source>a list of whole numbers from %1 to %2</source>
        <translation>eine Liste ganzer Zahlen von %1 bis %2</translation>
    </message>
    <message>
        <source>%1: &quot;bits&quot; is empty</source>
        <translation>%1: „bits“ ist leer</translation>
    </message>
    <message>
        <source>&quot;rtn&quot; or &quot;gptq&quot;</source>
        <translation>„rtn“ oder „gptq“</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>&quot;layer&quot;, &quot;block&quot; or &quot;role&quot;</source>
        <translation>„layer“, „block“ oder „role“</translation>
    </message>
    <message>
        <source>%1: %2 repeats the unit &quot;%3&quot;</source>
        <translation>%1: %2 wiederholt die Einheit „%3“</translation>
    </message>
    <message>
        <source>%1: %2 repeats the layer &quot;%3&quot;</source>
        <translation>%1: %2 wiederholt die Schicht „%3“</translation>
    </message>
    <message>
        <source>a layer role</source>
        <translation>eine Schichtrolle</translation>
    </message>
    <message>
        <source>%1: %2 names the unit &quot;%3&quot;, which does not list it</source>
        <translation>%1: %2 nennt die Einheit „%3“, die diese Schicht nicht aufführt</translation>
    </message>
    <message>
        <source>%1: the unit &quot;%2&quot; lists the layer &quot;%3&quot;, which &quot;layers&quot; does not</source>
        <translation>%1: Die Einheit „%2“ führt die Schicht „%3“ auf, die in „layers“ fehlt</translation>
    </message>
    <message>
        <source>%1: &quot;uniform&quot; must list each width once, in ascending order</source>
        <translation>%1: &quot;uniform&quot; muss jede Bitbreite einmal auflisten, aufsteigend geordnet</translation>
    </message>
    <message>
        <source>the scan has no result for the layer %1: was it made on another model?</source>
        <translation>Der Scan enthält kein Ergebnis für die Schicht %1: Wurde er an einem anderen Modell erstellt?</translation>
    </message>
    <message>
        <source>the scan&apos;s layer %1 has %2 parameters, this model&apos;s %3: it was made on another model</source>
        <translation>Die Schicht %1 des Scans hat %2 Parameter, die dieses Modells %3: Er wurde an einem anderen Modell erstellt</translation>
    </message>
    <message>
        <source>the scan lists the layer %1, which this model does not have</source>
        <translation>Der Scan führt die Schicht %1 auf, die dieses Modell nicht hat</translation>
    </message>
</context>
<context>
    <name>SentencePieceTokenizer</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: Die Datei lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: Die Datei ist leer</translation>
    </message>
    <message>
        <source>%1: not a sentencepiece model: %2</source>
        <translation>%1: Kein sentencepiece-Modell: %2</translation>
    </message>
    <message>
        <source>%1: the sentencepiece model has no pieces</source>
        <translation>%1: Das sentencepiece-Modell enthält keine Pieces</translation>
    </message>
    <message>
        <source>sentencepiece could not encode the text: %1</source>
        <translation>sentencepiece konnte den Text nicht kodieren: %1</translation>
    </message>
    <message>
        <source>sentencepiece could not decode the ids: %1</source>
        <translation>sentencepiece konnte die IDs nicht dekodieren: %1</translation>
    </message>
    <message>
        <source>sentencepiece (tokenizer.model)</source>
        <translation>sentencepiece (tokenizer.model)</translation>
    </message>
</context>
<context>
    <name>SmoothQuant</name>
    <message>
        <source>%1: the weight at [%2, %3] is not finite; W8A8 and SmoothQuant need finite weights</source>
        <translation>%1: Das Gewicht bei [%2, %3] ist nicht endlich; W8A8 und SmoothQuant benötigen endliche Gewichte</translation>
    </message>
    <message>
        <source>%1 and %2 read the same input but have %3 and %4 input features</source>
        <translation>%1 und %2 lesen dieselbe Eingabe, haben aber %3 und %4 Eingabemerkmale</translation>
    </message>
    <message>
        <source>the SmoothQuant α must be between 0 and 1, not %1</source>
        <translation>Das α von SmoothQuant muss zwischen 0 und 1 liegen, nicht %1</translation>
    </message>
    <message>
        <source>the inputs have %1 channels but the weights %2 input features</source>
        <translation>Die Eingaben haben %1 Kanäle, die Gewichte aber %2 Eingabemerkmale</translation>
    </message>
    <message>
        <source>the smoothing scale of input channel %1 is not finite (max |x| = %2, max |w| = %3)</source>
        <translation>Die Glättungsskala von Eingabekanal %1 ist nicht endlich (max |x| = %2, max |w| = %3)</translation>
    </message>
    <message>
        <source>%1: smoothing needs the maximum |x| of the layer&apos;s inputs from calibration</source>
        <translation>%1: Die Glättung benötigt das Maximum von |x| der Eingaben der Schicht aus der Kalibrierung</translation>
    </message>
    <message>
        <source>%1: the calibration statistics have %2 input channels, the layer %3</source>
        <translation>%1: Die Kalibrierungsstatistiken haben %2 Eingabekanäle, die Schicht %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>α = %1, smoothing scales %2 to %3</source>
        <translation>α = %1, Glättungsskalen %2 bis %3</translation>
    </message>
</context>
<context>
    <name>StagingDirectory</name>
    <message>
        <source>%1: refusing to write here, it would replace the input %2</source>
        <translation>%1: Schreiben hier verweigert, es würde die Eingabe %2 ersetzen</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1: Existiert und ist kein Ordner</translation>
    </message>
    <message>
        <source>%1: the folder already exists (use --force to replace it)</source>
        <translation>%1: Der Ordner existiert bereits (mit --force ersetzen)</translation>
    </message>
    <message>
        <source>%1: cannot create the parent folder</source>
        <translation>%1: Der übergeordnete Ordner lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder beside it: %2</source>
        <translation>%1: Daneben lässt sich kein temporärer Ordner anlegen: %2</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder beside it</source>
        <translation>%1: Daneben lässt sich kein temporärer Ordner anlegen</translation>
    </message>
    <message>
        <source>%1: not enough free space: the output needs %2, the disk has %3</source>
        <translation>%1: Nicht genug freier Speicherplatz: Die Ausgabe braucht %2, auf dem Datenträger sind %3 frei</translation>
    </message>
    <message>
        <source>%1: cannot move the existing folder aside</source>
        <translation>%1: Der vorhandene Ordner lässt sich nicht beiseiteschieben</translation>
    </message>
    <message>
        <source>%1: cannot rename the finished output into place</source>
        <translation>%1: Die fertige Ausgabe lässt sich nicht an ihren Platz umbenennen</translation>
    </message>
    <message>
        <source>%1: refusing to write inside the input folder %2; choose a folder outside it</source>
        <translation>%1: Schreiben im Eingabeordner %2 verweigert; wählen Sie einen Ordner außerhalb davon</translation>
    </message>
</context>
<context>
    <name>SyntheticModel</name>
    <message>
        <source>the demo model&apos;s shapes with 2 blocks, for fast tests</source>
        <translation>die Formen des Demo-Modells mit 2 Blöcken, für schnelle Tests</translation>
    </message>
    <message>
        <source>Llama 3.2 1B: 16 blocks, 1.24 billion parameters</source>
        <translation>Llama 3.2 1B: 16 Blöcke, 1,24 Milliarden Parameter</translation>
    </message>
    <message>
        <source>one decoder block of Llama 2 7B with its embeddings and lm_head</source>
        <translation>ein Decoder-Block von Llama 2 7B mit seinen Embeddings und lm_head</translation>
    </message>
    <message>
        <source>unknown synthetic model preset &quot;%1&quot; (presets: %2)</source>
        <translation>Unbekannte Voreinstellung &quot;%1&quot; für synthetische Modelle (Voreinstellungen: %2)</translation>
    </message>
    <message>
        <source>the number of outlier channels must be from 0 to %1 (the hidden size of preset %2), not %3</source>
        <translation>Die Anzahl der Ausreißerkanäle muss zwischen 0 und %1 liegen (die Hidden Size der Voreinstellung %2), nicht %3</translation>
    </message>
    <message>
        <source>the outlier scale must be a positive number, not %1</source>
        <translation>Die Ausreißerskala muss eine positive Zahl sein, nicht %1</translation>
    </message>
    <message>
        <source>a synthetic checkpoint is written in BF16 or F32, not %1</source>
        <translation>Ein synthetischer Checkpoint wird in BF16 oder F32 geschrieben, nicht in %1</translation>
    </message>
    <message>
        <source>the seed must be from 0 to %1, not %2</source>
        <translation>Der Seed muss zwischen 0 und %1 liegen, nicht %2</translation>
    </message>
    <message>
        <source>%1: the tokenizer file to copy is missing</source>
        <translation>%1: Die zu kopierende Tokenizer-Datei fehlt</translation>
    </message>
    <message>
        <source>Generating %1</source>
        <translation>%1 wird erzeugt</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>%1 kann nicht nach %2 kopiert werden</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
</context>
<context>
    <name>TextDocuments</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: Die Datei lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1: not a text file (it holds NUL bytes)</source>
        <translation>%1: Keine Textdatei (sie enthält NUL-Bytes)</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1: Kein UTF-8-Text</translation>
    </message>
    <message>
        <source>%1: the file holds no text</source>
        <translation>%1: Die Datei enthält keinen Text</translation>
    </message>
    <message>
        <source>%1: a record must be a string or an object with a string field &quot;text&quot;, but it is %2</source>
        <translation>%1: Ein Datensatz muss ein String oder ein Objekt mit einem String-Feld &quot;text&quot; sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1: the record has no field &quot;text&quot; (its fields: %2)</source>
        <translation>%1: Der Datensatz hat kein Feld &quot;text&quot; (seine Felder: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1: the record&apos;s &quot;text&quot; must be a string, but it is %2</source>
        <translation>%1: Das Feld &quot;text&quot; des Datensatzes muss ein String sein, ist aber %2</translation>
    </message>
    <message>
        <source>UTF-8 text, documents split at &lt;|endoftext|&gt;, otherwise one per non-empty line; or a JSON Lines (*.jsonl) or JSON (*.json) dataset, one document per record: a string or an object&apos;s &quot;text&quot;</source>
        <translation>UTF-8-Text, Dokumente getrennt an &lt;|endoftext|&gt;, sonst eines pro nicht leerer Zeile; oder ein Datensatz als JSON Lines (*.jsonl) oder JSON (*.json), ein Dokument pro Datensatz: ein String oder das Feld &quot;text&quot; eines Objekts</translation>
    </message>
    <message>
        <source>%1: line %2</source>
        <translation>%1: Zeile %2</translation>
    </message>
    <message>
        <source>%1: not one JSON value (%2)</source>
        <translation>%1: kein einzelner JSON-Wert (%2)</translation>
    </message>
    <message>
        <source>several values on one line</source>
        <translation>mehrere Werte in einer Zeile</translation>
    </message>
    <message>
        <source>%1: not JSON: %2 at byte %3</source>
        <translation>%1: kein JSON: %2 bei Byte %3</translation>
    </message>
    <message>
        <source>%1: a JSON dataset must be an array of records (strings, or objects with a string field &quot;text&quot;); for JSON Lines name the file *.jsonl</source>
        <translation>%1: Ein JSON-Datensatz muss ein Array von Datensätzen sein (Strings oder Objekte mit einem String-Feld &quot;text&quot;); für JSON Lines benennen Sie die Datei *.jsonl</translation>
    </message>
</context>
<context>
    <name>TextFileDialog</name>
    <message>
        <source>Text and datasets (*.txt *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>Text und Datensätze (*.txt *.jsonl *.ndjson *.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TextGenerator</name>
    <message>
        <source>the prompt is empty: there is nothing to continue</source>
        <translation>der Prompt ist leer: Es gibt nichts fortzusetzen</translation>
    </message>
    <message>
        <source>the prompt is %1 tokens long; the model reads at most %2</source>
        <translation>der Prompt ist %1 Tokens lang; das Modell liest höchstens %2</translation>
    </message>
    <message>
        <source>Generating: %1 of %2 tokens</source>
        <translation>Erzeugen: %1 von %2 Tokens</translation>
    </message>
</context>
<context>
    <name>Tokenizer</name>
    <message>
        <source>%1: neither tokenizer.json nor tokenizer.model is in this folder; evaluation and calibration need the model&apos;s tokenizer</source>
        <translation>%1: Weder tokenizer.json noch tokenizer.model liegt in diesem Ordner; Auswertung und Kalibrierung brauchen den Tokenizer des Modells</translation>
    </message>
    <message>
        <source>%1: %2 &quot;%3&quot; is not a token of the tokenizer</source>
        <translation>%1: %2 &quot;%3&quot; ist kein Token des Tokenizers</translation>
    </message>
    <message>
        <source>%1: field &quot;add_bos_token&quot; must be true or false, but it is %2</source>
        <translation>%1: Feld &quot;add_bos_token&quot; muss true oder false sein, ist aber %2</translation>
    </message>
    <message>
        <source>%1: bos_token_id %2 is not an id of the tokenizer (it has %3 tokens)</source>
        <translation>%1: bos_token_id %2 ist keine ID des Tokenizers (er hat %3 Tokens)</translation>
    </message>
    <message>
        <source>%1: eos_token_id %2 is not an id of the tokenizer (it has %3 tokens)</source>
        <translation>%1: eos_token_id %2 ist keine ID des Tokenizers (er hat %3 Tokens)</translation>
    </message>
</context>
<context>
    <name>TransformerRunner</name>
    <message>
        <source>%1: head_dim %2 is odd; rotary embeddings need an even head size</source>
        <translation>%1: head_dim %2 ist ungerade; Rotary Embeddings brauchen eine gerade Head-Dimension</translation>
    </message>
    <message>
        <source>%1: rope_scaling type &quot;%2&quot; is not supported (supported: llama3, linear, default)</source>
        <translation>%1: rope_scaling-Typ &quot;%2&quot; wird nicht unterstützt (unterstützt: llama3, linear, default)</translation>
    </message>
    <message>
        <source>token id %1 is outside the model&apos;s vocabulary (0 to %2)</source>
        <translation>Token-ID %1 liegt außerhalb des Vokabulars des Modells (0 bis %2)</translation>
    </message>
    <message>
        <source>the sequence would be %1 tokens long, more than the model&apos;s max_position_embeddings (%2)</source>
        <translation>die Sequenz wäre %1 Tokens lang, mehr als max_position_embeddings des Modells (%2)</translation>
    </message>
</context>
<context>
    <name>WeightHistogramBuilder</name>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>Das Modell hat keine lineare Schicht namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>the run&apos;s layer %1 does not have the shape of the weights (%2×%3)</source>
        <translation>Die Schicht %1 des Laufs hat nicht die Form der Gewichte (%2×%3)</translation>
    </message>
</context>
<context>
    <name>WeightScan</name>
    <message>
        <source>Checking %1 for NaN and Inf</source>
        <translation>%1 wird auf NaN und Inf geprüft</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; holds %2 NaN and %3 infinite value(s) among %4 (the first at %5); a layer with such weights is kept unquantized</source>
        <translation>Tensor &quot;%1&quot; enthält unter %4 Werten %2 NaN- und %3 unendliche Wert(e) (der erste bei %5); eine Schicht mit solchen Gewichten bleibt unquantisiert</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>QuantBench: a workbench for quantizing large language models.</source>
        <translation>QuantBench: eine Workbench zur Quantisierung großer Sprachmodelle.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the model is open, then quit.</source>
        <translation>Ein Bild des Fensters in FILE speichern, sobald das Modell geöffnet ist, dann beenden.</translation>
    </message>
    <message>
        <source>Select LAYER after opening (with --screenshot).</source>
        <translation>LAYER nach dem Öffnen auswählen (mit --screenshot).</translation>
    </message>
    <message>
        <source>Quantize all layers after opening (with --screenshot).</source>
        <translation>Alle Schichten nach dem Öffnen quantisieren (mit --screenshot).</translation>
    </message>
    <message>
        <source>Evaluate the perplexity after opening (with --screenshot).</source>
        <translation>Die Perplexität nach dem Öffnen auswerten (mit --screenshot).</translation>
    </message>
    <message>
        <source>QuantBench</source>
        <translation>QuantBench</translation>
    </message>
    <message>
        <source>Load the plan from the recipe FILE after opening (with --screenshot).</source>
        <translation>Den Plan nach dem Öffnen aus der Rezeptdatei FILE laden (mit --screenshot).</translation>
    </message>
    <message>
        <source>Show the plot tab titled NAME (with --screenshot).</source>
        <translation>Den Diagramm-Tab mit dem Titel NAME anzeigen (mit --screenshot).</translation>
    </message>
    <message>
        <source>Open the sensitivity scan FILE (JSON) after opening (with --screenshot).</source>
        <translation>Nach dem Öffnen den Sensitivitätsscan FILE (JSON) öffnen (mit --screenshot).</translation>
    </message>
    <message>
        <source>Model folder, GGUF file or project (.qbproj) to open (default: the bundled demo model).</source>
        <translation>Zu öffnender Modellordner, GGUF-Datei oder Projekt (.qbproj) (Standard: das mitgelieferte Demomodell).</translation>
    </message>
    <message>
        <source>Continue the Generation panel&apos;s prompt after opening (with --screenshot).</source>
        <translation>Nach dem Öffnen den Prompt der Generierungsleiste fortsetzen (mit --screenshot).</translation>
    </message>
    <message>
        <source>Compare the checkpoint at PATH with the model after opening (with --screenshot; instead of --evaluate).</source>
        <translation>Nach dem Öffnen den Checkpoint unter PATH mit dem Modell vergleichen (mit --screenshot; statt --evaluate).</translation>
    </message>
</context>
<context>
    <name>qb::AutoBitsDialog</name>
    <message>
        <source>Automatic Bits</source>
        <translation>Automatische Bitwahl</translation>
    </message>
    <message>
        <source>Chooses each layer&apos;s bit-width so that the loss the sensitivity scan predicts is smallest while the average bits per weight — scales and zero points included — stays at or below the target. Layers sharing an input (q/k/v, gate/up) get the same width. The plan is replaced in one step you can undo.</source>
        <translation>Wählt die Bitbreite jeder Schicht so, dass der vom Sensitivitätsscan vorhergesagte Verlust möglichst klein ist, während der Durchschnitt der Bits pro Gewicht – Skalen und Nullpunkte eingerechnet – das Ziel nicht überschreitet. Schichten mit gemeinsamer Eingabe (q/k/v, gate/up) erhalten dieselbe Bitbreite. Der Plan wird in einem Schritt ersetzt, den Sie rückgängig machen können.</translation>
    </message>
    <message>
        <source> bits/weight</source>
        <translation> Bits/Gewicht</translation>
    </message>
    <message>
        <source>%1-bit</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>KL divergence (recommended)</source>
        <translation>KL-Divergenz (empfohlen)</translation>
    </message>
    <message>
        <source>Δ perplexity</source>
        <translation>Δ Perplexität</translation>
    </message>
    <message>
        <source>The scan figure summed over the layers: the KL divergence is never negative and adds up; a single layer&apos;s Δ perplexity is often within the evaluation&apos;s noise</source>
        <translation>Der Wert des Scans, summiert über die Schichten: Die KL-Divergenz ist nie negativ und summiert sich auf; die Δ Perplexität einer einzelnen Schicht liegt oft im Rauschen der Auswertung</translation>
    </message>
    <message>
        <source>Exact (knapsack)</source>
        <translation>Exakt (Rucksackproblem)</translation>
    </message>
    <message>
        <source>Greedy (largest gain per bit)</source>
        <translation>Greedy (größter Gewinn pro Bit)</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Allowed widths:</source>
        <translation>Zulässige Bitbreiten:</translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation>Quantisierung:</translation>
    </message>
    <message>
        <source>Minimise:</source>
        <translation>Minimieren:</translation>
    </message>
    <message>
        <source>Solver:</source>
        <translation>Löser:</translation>
    </message>
    <message>
        <source>Apply to Plan</source>
        <translation>Auf Plan anwenden</translation>
    </message>
    <message>
        <source>Allow at least one width.</source>
        <translation>Lassen Sie mindestens eine Bitbreite zu.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>%1 — as the scan measured; run a new scan to change them</source>
        <translation>%1 – wie vom Scan gemessen; führen Sie einen neuen Scan aus, um sie zu ändern</translation>
    </message>
</context>
<context>
    <name>qb::CalibrationPanel</name>
    <message>
        <source>True-sequential</source>
        <translation>Streng sequenziell</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Calibration samples: documents, or random windows</source>
        <translation>Kalibrierungsstichproben: Dokumente oder Zufallsfenster</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Tokens per sample, the start-of-text token included</source>
        <translation>Tokens pro Stichprobe, einschließlich des Textanfangs-Tokens</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>random windows</source>
        <translation>Zufallsfenster</translation>
    </message>
    <message>
        <source>Documents: each document from its start, in file order. Random windows: windows of exactly the sequence length at random places of the whole text</source>
        <translation>Dokumente: jedes Dokument ab seinem Anfang, in Dateireihenfolge. Zufallsfenster: Fenster von genau der Sequenzlänge an zufälligen Stellen des gesamten Textes</translation>
    </message>
    <message>
        <source>Seed of the random windows and of the input rows sampled for AWQ&apos;s and SmoothQuant&apos;s searches</source>
        <translation>Seed der Zufallsfenster und der Eingabezeilen, die für die Suchen von AWQ und SmoothQuant gezogen werden</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the samples (the last ones) the quantizers do not see: each layer&apos;s output error is measured on them</source>
        <translation>Anteil der Stichproben (die letzten), den die Quantisierer nicht sehen: Auf ihnen wird der Ausgabefehler jeder Schicht gemessen</translation>
    </message>
    <message>
        <source>Calibrate every layer on the inputs the model gives with everything before it already quantized (GPTQ&apos;s true-sequential). Off: on the full-precision model&apos;s inputs, one pass per block, as AWQ does</source>
        <translation>Jede Schicht auf den Eingaben kalibrieren, die das Modell liefert, wenn alles vor ihr bereits quantisiert ist (true-sequential von GPTQ). Aus: auf den Eingaben des Modells in voller Genauigkeit, ein Durchlauf pro Block, wie bei AWQ</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>as</source>
        <translation>als</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Stichproben:</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>Kalibrierungstext</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>Zurückgehalten:</translation>
    </message>
    <message>
        <source>The text the calibration windows are taken from (%1). GPTQ, AWQ, SmoothQuant, the clip search and smoothing need it; with it, every quantized layer&apos;s output error is measured too</source>
        <translation>Der Text, aus dem die Kalibrierungsfenster genommen werden (%1). GPTQ, AWQ, SmoothQuant, die Clipping-Suche und die Glättung benötigen ihn; damit wird auch der Ausgabefehler jeder quantisierten Schicht gemessen</translation>
    </message>
</context>
<context>
    <name>qb::ComputeDevice</name>
    <message numerus="yes">
        <source>OpenCL · %1 · %2 (%3 GiB, %n compute unit(s))</source>
        <translation>
            <numerusform>OpenCL · %1 · %2 (%3 GiB, %n Recheneinheit)</numerusform>
            <numerusform>OpenCL · %1 · %2 (%3 GiB, %n Recheneinheiten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (Eigen, %n thread(s))</source>
        <translation>
            <numerusform>CPU (Eigen, %n Thread)</numerusform>
            <numerusform>CPU (Eigen, %n Threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (Eigen, %n thread(s), %1)</source>
        <translation>
            <numerusform>CPU (Eigen, %n Thread, %1)</numerusform>
            <numerusform>CPU (Eigen, %n Threads, %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::ComputeDeviceDialog</name>
    <message>
        <source>Compute Device</source>
        <translation>Rechengerät</translation>
    </message>
    <message>
        <source>Where calibration (X&lt;sup&gt;T&lt;/sup&gt;X), the linear layers&apos; products, the quantization grids and GPTQ&apos;s column loop run. Results are the same on every device to float rounding; if a device fails during a run, the run continues on the CPU and says so.</source>
        <translation>Wo die Kalibrierung (X&lt;sup&gt;T&lt;/sup&gt;X), die Produkte der linearen Schichten, die Quantisierungsgitter und die Spaltenschleife von GPTQ laufen. Die Ergebnisse sind auf jedem Gerät bis auf Gleitkomma-Rundung gleich; fällt ein Gerät während eines Laufs aus, geht der Lauf auf der CPU weiter und meldet das.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Largest buffer</source>
        <translation>Größter Puffer</translation>
    </message>
    <message>
        <source>Compute units</source>
        <translation>Recheneinheiten</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>OpenCL</source>
        <translation>OpenCL</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1
Backend id: %2</source>
        <translation>%1
Backend-Kennung: %2</translation>
    </message>
    <message>
        <source>No OpenCL device is available: %1</source>
        <translation>Kein OpenCL-Gerät verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>qb::EvaluationPanel</name>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Tokens per window</source>
        <translation>Tokens pro Fenster</translation>
    </message>
    <message>
        <source>no overlap</source>
        <translation>keine Überlappung</translation>
    </message>
    <message>
        <source>Tokens between window starts; smaller than the context gives every prediction more context</source>
        <translation>Tokens zwischen den Fensteranfängen; kleiner als der Kontext gibt jeder Vorhersage mehr Kontext</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>NLL/token</source>
        <translation>NLL/Token</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <source>Mean KL divergence of the quantized model&apos;s next-token distribution from the stored model&apos;s</source>
        <translation>Mittlere KL-Divergenz der Verteilung des nächsten Tokens des quantisierten Modells gegenüber der des gespeicherten Modells</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>Noch nicht ausgewertet.</translation>
    </message>
    <message>
        <source>model default (%1)</source>
        <translation>Modellstandard (%1)</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <source>Quantized: %1</source>
        <translation>Quantisiert: %1</translation>
    </message>
    <message>
        <source>The plan changed since this evaluation</source>
        <translation>Der Plan hat sich seit dieser Auswertung geändert</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) of up to %1 tokens, stride %2</source>
        <translation>
            <numerusform>%n Fenster mit bis zu %1 Tokens, Schrittweite %2</numerusform>
            <numerusform>%n Fenster mit bis zu %1 Tokens, Schrittweite %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens scored</source>
        <translation>%1 Tokens bewertet</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <source>A UTF-8 text file or a JSON Lines dataset</source>
        <translation>Eine UTF-8-Textdatei oder ein JSON-Lines-Datensatz</translation>
    </message>
    <message>
        <source>The text scored: %1</source>
        <translation>Der bewertete Text: %1</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Gleiches Top-Token</translation>
    </message>
    <message>
        <source>Share of the scored positions where the quantized model ranks the same next token first as the stored model: how often greedy decoding would write the same token</source>
        <translation>Anteil der bewerteten Positionen, an denen das quantisierte Modell dasselbe nächste Token an die erste Stelle setzt wie das gespeicherte Modell: wie oft gierige Dekodierung dasselbe Token schreiben würde</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation>Verglichen: %1</translation>
    </message>
</context>
<context>
    <name>qb::GenerationPanel</name>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>A prompt for the model to continue</source>
        <translation>Ein Prompt, den das Modell fortsetzt</translation>
    </message>
    <message>
        <source>Both models continue it greedily (the most probable token each time), so the same prompt always gives the same text</source>
        <translation>Beide Modelle setzen ihn gierig fort (jedes Mal das wahrscheinlichste Token), sodass derselbe Prompt immer denselben Text ergibt</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Tokens to generate at most (generation also ends at the model&apos;s end-of-text token)</source>
        <translation>Höchstens so viele Tokens erzeugen (die Generierung endet auch am Textende-Token des Modells)</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate.</source>
        <translation>Geben Sie einen Prompt ein und klicken Sie auf Generieren.</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>Quantisiert</translation>
    </message>
    <message>
        <source>[end of text]</source>
        <translation>[Textende]</translation>
    </message>
    <message>
        <source>Quantized: %1</source>
        <translation>Quantisiert: %1</translation>
    </message>
    <message>
        <source>The two continuations are the same, token for token.</source>
        <translation>Die beiden Fortsetzungen sind gleich, Token für Token.</translation>
    </message>
    <message>
        <source>The two continuations differ from their first token on (highlighted).</source>
        <translation>Die beiden Fortsetzungen unterscheiden sich ab dem ersten Token (hervorgehoben).</translation>
    </message>
    <message numerus="yes">
        <source>The two continuations share their first %n token(s) of %1; each one&apos;s own text is highlighted.</source>
        <translation>
            <numerusform>Die beiden Fortsetzungen stimmen im ersten Token überein (%n von %1); der eigene Text jeder Fortsetzung ist hervorgehoben.</numerusform>
            <numerusform>Die beiden Fortsetzungen stimmen in den ersten %n Tokens überein (von %1); der eigene Text jeder Fortsetzung ist hervorgehoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan keeps every layer in full precision.</source>
        <translation>Der Plan behält jede Schicht in voller Genauigkeit.</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) generated in %1 s</source>
        <translation>
            <numerusform>%n Token in %1 s erzeugt</numerusform>
            <numerusform>%n Tokens in %1 s erzeugt</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantized: %1 (the plan has changed since)</source>
        <translation>Quantisiert: %1 (der Plan hat sich seitdem geändert)</translation>
    </message>
</context>
<context>
    <name>qb::HessianView</name>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>Kanalreihenfolge</translation>
    </message>
    <message>
        <source>Act-order (GPTQ&apos;s column order)</source>
        <translation>Act-order (Spaltenreihenfolge von GPTQ)</translation>
    </message>
    <message>
        <source>Act-order: the channels by descending diag(H), the order GPTQ quantizes the weight&apos;s columns in with act-order on</source>
        <translation>Act-order: die Kanäle absteigend nach diag(H), die Reihenfolge, in der GPTQ bei aktivem act-order die Spalten des Gewichts quantisiert</translation>
    </message>
    <message>
        <source>Logarithmic value axis: the diagonal spans orders of magnitude</source>
        <translation>Logarithmische Werteachse: Die Diagonale erstreckt sich über Größenordnungen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>Das Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <source>Select a layer to see its Hessian diagonal.</source>
        <translation>Wählen Sie eine Schicht, um die Diagonale ihrer Hesse-Matrix zu sehen.</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>diag(XᵀX) = Σ x² = %1 (%2× the mean diagonal)</source>
        <translation>diag(XᵀX) = Σ x² = %1 (%2× die mittlere Diagonale)</translation>
    </message>
    <message>
        <source>act-order position %1 of %2</source>
        <translation>act-order-Position %1 von %2</translation>
    </message>
    <message>
        <source>mean x² %1 · mean |x| %2</source>
        <translation>mittleres x² %1 · mittleres |x| %2</translation>
    </message>
    <message>
        <source>dead: never non-zero in calibration (GPTQ zeroes its weight column)</source>
        <translation>tot: in der Kalibrierung nie ungleich null (GPTQ setzt die Gewichtsspalte auf null)</translation>
    </message>
    <message>
        <source>diag(XᵀX) = Σ x² (input units²)</source>
        <translation>diag(XᵀX) = Σ x² (Eingabeeinheiten²)</translation>
    </message>
    <message>
        <source>Position in GPTQ&apos;s act-order (descending diag(H); channel in the tooltip)</source>
        <translation>Position in der act-order von GPTQ (absteigend nach diag(H); Kanal im Tooltip)</translation>
    </message>
    <message>
        <source>Input channel</source>
        <translation>Eingabekanal</translation>
    </message>
    <message>
        <source>diag(XᵀX) per input channel</source>
        <translation>diag(XᵀX) pro Eingabekanal</translation>
    </message>
    <message>
        <source>damping %1 × mean diag = %2</source>
        <translation>Dämpfung %1 × mittlere Diag. = %2</translation>
    </message>
    <message>
        <source>dead channel (Σ x² = 0)</source>
        <translation>toter Kanal (Σ x² = 0)</translation>
    </message>
    <message>
        <source>Damping used: %1 × mean diag</source>
        <translation>Verwendete Dämpfung: %1 × mittlere Diag.</translation>
    </message>
    <message numerus="yes">
        <source>(raised ten-fold %n time(s) to make H invertible)</source>
        <translation>
            <numerusform>(%n-mal verzehnfacht, um H invertierbar zu machen)</numerusform>
            <numerusform>(%n-mal verzehnfacht, um H invertierbar zu machen)</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ fell back to RTN: H was not invertible even with raised damping</source>
        <translation>GPTQ ist auf RTN zurückgefallen: H war auch mit erhöhter Dämpfung nicht invertierbar</translation>
    </message>
    <message>
        <source>Damping used: none (not quantized with GPTQ)</source>
        <translation>Verwendete Dämpfung: keine (nicht mit GPTQ quantisiert)</translation>
    </message>
    <message>
        <source>percdamp (plan): %1</source>
        <translation>percdamp (Plan): %1</translation>
    </message>
    <message>
        <source>condition estimate λmax/λmin ≈ %1 (of H + %2 × mean diag)</source>
        <translation>Konditionsschätzung λmax/λmin ≈ %1 (von H + %2 × mittlere Diag.)</translation>
    </message>
    <message>
        <source>condition estimate: not known (the run kept no XᵀX for this layer)</source>
        <translation>Konditionsschätzung: unbekannt (der Lauf hat für diese Schicht kein XᵀX behalten)</translation>
    </message>
    <message>
        <source>dead channels: %1 of %2</source>
        <translation>tote Kanäle: %1 von %2</translation>
    </message>
    <message>
        <source>Click a bar for a channel&apos;s values; drag and scroll to pan and zoom the channel axis.</source>
        <translation>Klicken Sie auf einen Balken, um die Werte eines Kanals zu sehen; ziehen und scrollen Sie, um die Kanalachse zu verschieben und zu zoomen.</translation>
    </message>
</context>
<context>
    <name>qb::HistogramView</name>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Whole layer</source>
        <translation>Ganze Schicht</translation>
    </message>
    <message>
        <source>Chosen row</source>
        <translation>Gewählte Zeile</translation>
    </message>
    <message>
        <source>Chosen group</source>
        <translation>Gewählte Gruppe</translation>
    </message>
    <message>
        <source>Which weights the histogram counts</source>
        <translation>Welche Gewichte das Histogramm zählt</translation>
    </message>
    <message>
        <source>Output row whose quantization grid is drawn</source>
        <translation>Ausgabezeile, deren Quantisierungsraster gezeichnet wird</translation>
    </message>
    <message>
        <source>Group (run of input columns) of that row whose grid is drawn</source>
        <translation>Gruppe (Folge von Eingabespalten) dieser Zeile, deren Raster gezeichnet wird</translation>
    </message>
    <message>
        <source>Number of histogram bins</source>
        <translation>Anzahl der Histogramm-Bins</translation>
    </message>
    <message>
        <source>Logarithmic count axis: shows the sparse tails where outliers live</source>
        <translation>Logarithmische Anzahlachse: zeigt die dünn besetzten Ränder, in denen Ausreißer liegen</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole histogram again (also: double-click the plot)</source>
        <translation>Das ganze Histogramm wieder anzeigen (auch: Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <source>Bins:</source>
        <translation>Bins:</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>Weights per bin</source>
        <translation>Gewichte pro Bin</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Select a layer to see its weights.</source>
        <translation>Wählen Sie eine Schicht, um ihre Gewichte zu sehen.</translation>
    </message>
    <message>
        <source>%1 weights in [%2, %3]</source>
        <translation>%1 Gewichte in [%2, %3]</translation>
    </message>
    <message numerus="yes">
        <source>%n NaN/Inf not counted</source>
        <translation>
            <numerusform>%n NaN/Inf nicht gezählt</numerusform>
            <numerusform>%n NaN/Inf nicht gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>kept in full precision: no grid</source>
        <translation>in voller Genauigkeit beibehalten: kein Raster</translation>
    </message>
    <message>
        <source>%1; grid of row %2, group %3 (columns %4–%5): scale %6, zero point %7</source>
        <translation>%1; Raster von Zeile %2, Gruppe %3 (Spalten %4–%5): Skala %6, Nullpunkt %7</translation>
    </message>
    <message>
        <source>clipped: %1 % (%2 weights)</source>
        <translation>abgeschnitten: %1 % (%2 Gewichte)</translation>
    </message>
    <message>
        <source>Grid level: code %1 = %2</source>
        <translation>Rasterstufe: Code %1 = %2</translation>
    </message>
    <message>
        <source>[%1, %2): %3 weights</source>
        <translation>[%1, %2): %3 Gewichte</translation>
    </message>
    <message>
        <source>Weights and grid</source>
        <translation>Gewichte und Raster</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>Vorher und nachher</translation>
    </message>
    <message>
        <source>Rounding error</source>
        <translation>Rundungsfehler</translation>
    </message>
    <message>
        <source>Weights with the quantization grid; the weights before and after quantization overlaid (the last run&apos;s result when it quantized this layer as planned, else round-to-nearest on the plan&apos;s grid); or the histogram of the error ŵ − w</source>
        <translation>Gewichte mit dem Quantisierungsraster; die Gewichte vor und nach der Quantisierung überlagert (das Ergebnis des letzten Laufs, wenn er diese Schicht wie geplant quantisiert hat, sonst Runden zum nächsten Wert auf dem Raster des Plans); oder das Histogramm des Fehlers ŵ − w</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>Das Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>After quantization</source>
        <translation>Nach der Quantisierung</translation>
    </message>
    <message>
        <source>Rounding error ŵ − w (weight units)</source>
        <translation>Rundungsfehler ŵ − w (Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>Before quantization</source>
        <translation>Vor der Quantisierung</translation>
    </message>
    <message>
        <source>After (%1, last run)</source>
        <translation>Nachher (%1, letzter Lauf)</translation>
    </message>
    <message>
        <source>After (round-to-nearest on the plan&apos;s grid)</source>
        <translation>Nachher (Runden zum nächsten Wert auf dem Raster des Plans)</translation>
    </message>
    <message>
        <source>%1 (last run): the input channels were scaled before rounding, so each column has its own grid in the original space</source>
        <translation>%1 (letzter Lauf): Die Eingabekanäle wurden vor dem Runden skaliert, daher hat jede Spalte im ursprünglichen Raum ihr eigenes Raster</translation>
    </message>
    <message>
        <source>rounding error: RMS %1, largest %2 (%3)</source>
        <translation>Rundungsfehler: RMS %1, größter %2 (%3)</translation>
    </message>
    <message>
        <source>the last run&apos;s weights</source>
        <translation>die Gewichte des letzten Laufs</translation>
    </message>
    <message>
        <source>round-to-nearest on the plan&apos;s grid</source>
        <translation>Runden zum nächsten Wert auf dem Raster des Plans</translation>
    </message>
    <message>
        <source>after quantization: %1 weights</source>
        <translation>nach der Quantisierung: %1 Gewichte</translation>
    </message>
</context>
<context>
    <name>qb::IssuesModel</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>qb::IssuesPanel</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::JobRunner</name>
    <message>
        <source>not enough memory for this operation</source>
        <translation>Nicht genug Arbeitsspeicher für diesen Vorgang</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>Interner Fehler: %1</translation>
    </message>
    <message>
        <source>internal error: an unknown exception</source>
        <translation>Interner Fehler: eine unbekannte Ausnahme</translation>
    </message>
</context>
<context>
    <name>qb::LayerErrorView</name>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>Ausgabe-MSE</translation>
    </message>
    <message>
        <source>Relative output error</source>
        <translation>Relativer Ausgabefehler</translation>
    </message>
    <message>
        <source>Output SQNR</source>
        <translation>Ausgabe-SQNR</translation>
    </message>
    <message>
        <source>What each bar shows, measured on the held-out calibration rows</source>
        <translation>Was jeder Balken zeigt, gemessen auf den zurückgehaltenen Kalibrierungszeilen</translation>
    </message>
    <message>
        <source>Logarithmic value axis: errors of different layers differ by orders of magnitude</source>
        <translation>Logarithmische Werteachse: Die Fehler verschiedener Schichten unterscheiden sich um Größenordnungen</translation>
    </message>
    <message>
        <source>Keep for Comparison</source>
        <translation>Zum Vergleich behalten</translation>
    </message>
    <message>
        <source>Keep the latest run&apos;s bars beside the next runs&apos; (up to %1 runs)</source>
        <translation>Die Balken des letzten Laufs neben denen der nächsten Läufe behalten (bis zu %1 Läufe)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Output MSE (squared output units)</source>
        <translation>Ausgabe-MSE (quadrierte Ausgabeeinheiten)</translation>
    </message>
    <message>
        <source>Relative output error ‖ΔY‖/‖Y‖</source>
        <translation>Relativer Ausgabefehler ‖ΔY‖/‖Y‖</translation>
    </message>
    <message>
        <source>Output SQNR (dB, higher is better)</source>
        <translation>Ausgabe-SQNR (dB, höher ist besser)</translation>
    </message>
    <message>
        <source>Quantize with calibration text to see every layer&apos;s output error here.</source>
        <translation>Quantisieren Sie mit einem Kalibrierungstext, um hier den Ausgabefehler jeder Schicht zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) measured. Click a bar to select its layer; drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>%n Schicht gemessen. Klicken Sie auf einen Balken, um seine Schicht auszuwählen; ziehen und scrollen Sie zum Verschieben und Zoomen.</numerusform>
            <numerusform>%n Schichten gemessen. Klicken Sie auf einen Balken, um seine Schicht auszuwählen; ziehen und scrollen Sie zum Verschieben und Zoomen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): MSE %3 · relative %4 · SQNR %5 dB</source>
        <translation>%1 (%2): MSE %3 · relativ %4 · SQNR %5 dB</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Layer, in model order</source>
        <translation>Schicht, in Modellreihenfolge</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>Das Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
</context>
<context>
    <name>qb::LayerTableModel</name>
    <message>
        <source>per channel</source>
        <translation>pro Kanal</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 festlegen</translation>
    </message>
    <message numerus="yes">
        <source>Set %1 of %n layer(s)</source>
        <translation>
            <numerusform>%1 von %n Schicht festlegen</numerusform>
            <numerusform>%1 von %n Schichten festlegen</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the default settings</source>
        <translation>Standardeinstellungen ändern</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>DType</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Weight MSE</source>
        <translation>Gewichts-MSE</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>[output features, input features] of the weight matrix</source>
        <translation>[Ausgabemerkmale, Eingabemerkmale] der Gewichtsmatrix</translation>
    </message>
    <message>
        <source>Input columns sharing one scale and zero point; per channel = one per output row</source>
        <translation>Eingabespalten, die sich eine Skala und einen Nullpunkt teilen; pro Kanal = eine pro Ausgabezeile</translation>
    </message>
    <message>
        <source>Symmetric grids fix the zero point at the middle code; asymmetric grids fit it to each group&apos;s minimum and maximum</source>
        <translation>Symmetrische Raster legen den Nullpunkt auf den mittleren Code fest; asymmetrische Raster passen ihn an Minimum und Maximum jeder Gruppe an</translation>
    </message>
    <message>
        <source>Mean squared difference between the original and the quantized weights</source>
        <translation>Mittlere quadratische Abweichung zwischen den ursprünglichen und den quantisierten Gewichten</translation>
    </message>
    <message>
        <source>‖W − Ŵ‖ / ‖W‖ (Frobenius norms)</source>
        <translation>‖W − Ŵ‖ / ‖W‖ (Frobeniusnormen)</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of the weights, in decibels</source>
        <translation>Signal-Quantisierungsrausch-Verhältnis der Gewichte in Dezibel</translation>
    </message>
    <message>
        <source>sym</source>
        <translation>sym</translation>
    </message>
    <message>
        <source>asym</source>
        <translation>asym</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Shares its input with: %1</source>
        <translation>Teilt die Eingabe mit: %1</translation>
    </message>
    <message>
        <source>Kept in full precision</source>
        <translation>In voller Genauigkeit beibehalten</translation>
    </message>
    <message>
        <source>Not quantized yet</source>
        <translation>Noch nicht quantisiert</translation>
    </message>
    <message>
        <source>The settings changed since this result</source>
        <translation>Die Einstellungen haben sich seit diesem Ergebnis geändert</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asymmetrisch</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>symmetrisch</translation>
    </message>
    <message>
        <source>Change the calibration settings</source>
        <translation>Kalibrierungseinstellungen ändern</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>Ausgabe-MSE</translation>
    </message>
    <message>
        <source>Output error</source>
        <translation>Ausgabefehler</translation>
    </message>
    <message>
        <source>Weight error</source>
        <translation>Gewichtsfehler</translation>
    </message>
    <message>
        <source>Settings of the layer&apos;s method: GPTQ&apos;s act-order, static groups and damping, RTN&apos;s clip search, smoothing and its α (double-click to edit)</source>
        <translation>Einstellungen der Methode der Schicht: act-order, statische Gruppen und Dämpfung von GPTQ, Clipping-Suche von RTN, Glättung und ihr α (zum Bearbeiten doppelklicken)</translation>
    </message>
    <message>
        <source>quantized; kept (full precision, as planned); skipped (could not be quantized); not run (a cancelled run stopped before it); stale (the settings changed since)</source>
        <translation>quantisiert; beibehalten (volle Genauigkeit, wie geplant); übersprungen (konnte nicht quantisiert werden); nicht ausgeführt (ein abgebrochener Lauf endete vorher); veraltet (die Einstellungen haben sich seitdem geändert)</translation>
    </message>
    <message>
        <source>Mean squared difference between the layer&apos;s outputs with the original and with the quantized weights, on held-out calibration tokens: the error the rest of the model sees</source>
        <translation>Mittlere quadratische Abweichung zwischen den Ausgaben der Schicht mit den ursprünglichen und mit den quantisierten Gewichten, auf zurückgehaltenen Kalibrierungstokens: der Fehler, den der Rest des Modells sieht</translation>
    </message>
    <message>
        <source>‖Y − Ŷ‖ / ‖Y‖ of the layer&apos;s outputs on held-out calibration tokens</source>
        <translation>‖Y − Ŷ‖ / ‖Y‖ der Ausgaben der Schicht auf zurückgehaltenen Kalibrierungstokens</translation>
    </message>
    <message>
        <source>Weights: 8-bit symmetric per channel; inputs rounded to 8 bits per token</source>
        <translation>Gewichte: 8 Bit symmetrisch pro Kanal; Eingaben pro Token auf 8 Bit gerundet</translation>
    </message>
    <message>
        <source>%1 has no options of its own</source>
        <translation>%1 hat keine eigenen Optionen</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>Zum Bearbeiten doppelklicken</translation>
    </message>
    <message>
        <source>Not reached: the run was cancelled before this layer, which stays in full precision</source>
        <translation>Nicht erreicht: Der Lauf wurde vor dieser Schicht abgebrochen, sie bleibt in voller Genauigkeit</translation>
    </message>
    <message>
        <source>MSE %1, relative error %2, SQNR %3 dB</source>
        <translation>MSE %1, relativer Fehler %2, SQNR %3 dB</translation>
    </message>
    <message>
        <source>Output error not measured: the run had no calibration text</source>
        <translation>Ausgabefehler nicht gemessen: Der Lauf hatte keinen Kalibrierungstext</translation>
    </message>
    <message numerus="yes">
        <source>Output error on the %n token(s) it was fitted on (none were held out): %1</source>
        <translation>
            <numerusform>Ausgabefehler auf dem %n Token, an das angepasst wurde (keine zurückgehalten): %1</numerusform>
            <numerusform>Ausgabefehler auf den %n Tokens, an die angepasst wurde (keine zurückgehalten): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Output error on %n held-out token(s): %1</source>
        <translation>
            <numerusform>Ausgabefehler auf %n zurückgehaltenen Token: %1</numerusform>
            <numerusform>Ausgabefehler auf %n zurückgehaltenen Tokens: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight error: MSE %1, relative error %2, SQNR %3 dB, max |error| %4</source>
        <translation>Gewichtsfehler: MSE %1, relativer Fehler %2, SQNR %3 dB, max |Fehler| %4</translation>
    </message>
    <message>
        <source>GPTQ fell back to round-to-nearest</source>
        <translation>GPTQ ist auf Runden zum nächsten Wert zurückgefallen</translation>
    </message>
    <message numerus="yes">
        <source>GPTQ damping %1 × mean diag(H), raised %n time(s)</source>
        <translation>
            <numerusform>GPTQ-Dämpfung %1 × mittlere diag(H), %n-mal erhöht</numerusform>
            <numerusform>GPTQ-Dämpfung %1 × mittlere diag(H), %n-mal erhöht</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ damping %1 × mean diag(H)</source>
        <translation>GPTQ-Dämpfung %1 × mittlere diag(H)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Quantized in %1 s</source>
        <translation>Quantisiert in %1 s</translation>
    </message>
    <message>
        <source>The calibration settings changed since this result</source>
        <translation>Die Kalibrierungseinstellungen haben sich seit diesem Ergebnis geändert</translation>
    </message>
    <message>
        <source>Quantized in %1 ms</source>
        <translation>Quantisiert in %1 ms</translation>
    </message>
</context>
<context>
    <name>qb::MainWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>QuantBench</source>
        <translation>QuantBench</translation>
    </message>
    <message>
        <source>Open a model folder to begin.</source>
        <translation>Öffnen Sie einen Modellordner, um zu beginnen.</translation>
    </message>
    <message>
        <source>&amp;Open Model Folder…</source>
        <translation>Modell&amp;ordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Model</source>
        <translation>&amp;Demo-Modell öffnen</translation>
    </message>
    <message>
        <source>Open the bundled stories260K model</source>
        <translation>Das mitgelieferte Modell stories260K öffnen</translation>
    </message>
    <message>
        <source>Save the per-layer plan as a recipe (JSON)</source>
        <translation>Den Plan pro Schicht als Rezept (JSON) speichern</translation>
    </message>
    <message>
        <source>&amp;Load Plan…</source>
        <translation>Plan &amp;laden…</translation>
    </message>
    <message>
        <source>Load a recipe (JSON) as the plan of this model</source>
        <translation>Ein Rezept (JSON) als Plan dieses Modells laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Quantize &amp;Selected Layers</source>
        <translation>&amp;Ausgewählte Schichten quantisieren</translation>
    </message>
    <message>
        <source>Quantize &amp;All Layers</source>
        <translation>A&amp;lle Schichten quantisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Stop the running operation</source>
        <translation>Den laufenden Vorgang anhalten</translation>
    </message>
    <message>
        <source>&amp;About QuantBench</source>
        <translation>Ü&amp;ber QuantBench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>Filter layers (regular expression, e.g. mlp|layers\.0\.)</source>
        <translation>Schichten filtern (regulärer Ausdruck, z. B. mlp|layers\.0\.)</translation>
    </message>
    <message>
        <source>Weight histogram</source>
        <translation>Gewichtshistogramm</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <source>The demo model is not installed: expected it in %1</source>
        <translation>Das Demo-Modell ist nicht installiert: erwartet in %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 blocks · hidden %4 · %5 linear layers, %6 parameters in %7 · %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 Blöcke · Hidden Size %4 · %5 lineare Schichten, %6 Parameter in %7 · %8</translation>
    </message>
    <message>
        <source>Checking weights</source>
        <translation>Prüfung der Gewichte</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Select a layer to see its weights.</source>
        <translation>Wählen Sie eine Schicht, um ihre Gewichte zu sehen.</translation>
    </message>
    <message>
        <source>Histogram of %1</source>
        <translation>Histogramm von %1</translation>
    </message>
    <message>
        <source>Select the layers to quantize first.</source>
        <translation>Wählen Sie zuerst die zu quantisierenden Schichten aus.</translation>
    </message>
    <message numerus="yes">
        <source>Quantizing %n layer(s)</source>
        <translation>
            <numerusform>Quantisierung von %n Schicht</numerusform>
            <numerusform>Quantisierung von %n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace Folder?</source>
        <translation>Ordner ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the exported checkpoint? Its current contents are deleted once the export has completed.</source>
        <translation>%1 existiert bereits. Durch den exportierten Checkpoint ersetzen? Der aktuelle Inhalt wird gelöscht, sobald der Export abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Export nach %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>Rezepte (*.json)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>Saved the plan to %1</source>
        <translation>Plan in %1 gespeichert</translation>
    </message>
    <message>
        <source>Load Plan</source>
        <translation>Plan laden</translation>
    </message>
    <message>
        <source>%1 does not fit this model:
%2</source>
        <translation>%1 passt nicht zu diesem Modell:
%2</translation>
    </message>
    <message>
        <source>Load plan %1</source>
        <translation>Plan %1 laden</translation>
    </message>
    <message>
        <source>Loaded the plan %1</source>
        <translation>Plan %1 geladen</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>%1: done in %2.</source>
        <translation>%1: fertig in %2.</translation>
    </message>
    <message>
        <source>%1: cancelled; nothing was changed.</source>
        <translation>%1: abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>About QuantBench</source>
        <translation>Über QuantBench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantBench %1&lt;/h3&gt;&lt;p&gt;A workbench for quantizing large language models: see, layer by layer, what rounding does to a model, choose per layer, and ship the result.&lt;/p&gt;&lt;p&gt;The bundled demo model is stories260K by Andrej Karpathy (MIT licence).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QuantBench %1&lt;/h3&gt;&lt;p&gt;Eine Workbench zur Quantisierung großer Sprachmodelle: Sehen Sie Schicht für Schicht, was das Runden mit einem Modell macht, entscheiden Sie pro Schicht und liefern Sie das Ergebnis aus.&lt;/p&gt;&lt;p&gt;Das mitgelieferte Demo-Modell ist stories260K von Andrej Karpathy (MIT-Lizenz).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Demo Model</source>
        <translation>Demo-Modell</translation>
    </message>
    <message>
        <source>Quantize Selected</source>
        <translation>Auswahl quantisieren</translation>
    </message>
    <message>
        <source>Quantize All</source>
        <translation>Alle quantisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Evaluate Perplexity</source>
        <translation>&amp;Perplexität auswerten</translation>
    </message>
    <message>
        <source>Measure the perplexity of the model as stored and as the plan quantizes it, and the KL divergence between them</source>
        <translation>Die Perplexität des Modells wie gespeichert und wie vom Plan quantisiert messen, dazu die KL-Divergenz zwischen beiden</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>Noch nicht ausgewertet.</translation>
    </message>
    <message>
        <source>Choose a text file to evaluate on first.</source>
        <translation>Wählen Sie zuerst eine Textdatei für die Auswertung.</translation>
    </message>
    <message>
        <source>Evaluating on %1</source>
        <translation>Auswertung auf %1</translation>
    </message>
    <message>
        <source>synthetic: %1, random weights</source>
        <translation>synthetisch: %1, zufällige Gewichte</translation>
    </message>
    <message>
        <source>Reading the calibration text %1</source>
        <translation>Kalibrierungstext %1 wird gelesen</translation>
    </message>
    <message>
        <source>Quantize the selected layers as the plan says, the others kept in full precision, and measure their errors</source>
        <translation>Die ausgewählten Schichten nach dem Plan quantisieren, die übrigen in voller Genauigkeit beibehalten, und ihre Fehler messen</translation>
    </message>
    <message>
        <source>Ca&amp;libration Settings…</source>
        <translation>&amp;Kalibrierungseinstellungen…</translation>
    </message>
    <message>
        <source>The text and the samples the quantizers calibrate on</source>
        <translation>Der Text und die Stichproben, auf denen die Quantisierer kalibrieren</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>The plan cannot run on this model: %1</source>
        <translation>Der Plan kann auf diesem Modell nicht ausgeführt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(und %n weiteres Problem)</numerusform>
            <numerusform>(und %n weitere Probleme)</numerusform>
        </translation>
    </message>
    <message>
        <source>the bundled %1</source>
        <translation>die mitgelieferte Datei %1</translation>
    </message>
    <message>
        <source>RTN with %1</source>
        <translation>RTN mit %1</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) of %1 tokens</source>
        <translation>
            <numerusform>%n Stichprobe mit %1 Tokens</numerusform>
            <numerusform>%n Stichproben mit %1 Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Calibration: none (not needed by this plan; with a text, each layer&apos;s output error is measured too).</source>
        <translation>Kalibrierung: keine (von diesem Plan nicht benötigt; mit einem Text wird auch der Ausgabefehler jeder Schicht gemessen).</translation>
    </message>
    <message>
        <source>to measure the output errors</source>
        <translation>zur Messung der Ausgabefehler</translation>
    </message>
    <message>
        <source>needed by %1</source>
        <translation>benötigt von %1</translation>
    </message>
    <message>
        <source>Calibration: %1 from %2, %3 held out · %4</source>
        <translation>Kalibrierung: %1 aus %2, %3 zurückgehalten · %4</translation>
    </message>
    <message>
        <source>each a document from its start</source>
        <translation>jeweils ein Dokument ab seinem Anfang</translation>
    </message>
    <message>
        <source>at random places (seed %1)</source>
        <translation>an zufälligen Stellen (Seed %1)</translation>
    </message>
    <message>
        <source>Last run: without calibration data.</source>
        <translation>Letzter Lauf: ohne Kalibrierungsdaten.</translation>
    </message>
    <message numerus="yes">
        <source>Last run: fitted on %n window(s) (%1 tokens), output errors measured on %2 held-out window(s) (%3 tokens).</source>
        <translation>
            <numerusform>Letzter Lauf: angepasst auf %n Fenster (%1 Tokens), Ausgabefehler gemessen auf %2 zurückgehaltenen Fenster(n) (%3 Tokens).</numerusform>
            <numerusform>Letzter Lauf: angepasst auf %n Fenstern (%1 Tokens), Ausgabefehler gemessen auf %2 zurückgehaltenen Fenster(n) (%3 Tokens).</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan cannot run on this model:
%1</source>
        <translation>Der Plan kann auf diesem Modell nicht ausgeführt werden:
%1</translation>
    </message>
    <message>
        <source>The plan cannot run on this model: see the Issues panel.</source>
        <translation>Der Plan kann auf diesem Modell nicht ausgeführt werden: Details im Bereich Probleme.</translation>
    </message>
    <message>
        <source>Choose a calibration text first.</source>
        <translation>Wählen Sie zuerst einen Kalibrierungstext.</translation>
    </message>
    <message>
        <source>Export an Incomplete Run?</source>
        <translation>Unvollständigen Lauf exportieren?</translation>
    </message>
    <message numerus="yes">
        <source>The last quantization of this plan was cancelled: %n layer(s) were not reached and would be exported in full precision (the report beside the checkpoint says so).</source>
        <translation>
            <numerusform>Die letzte Quantisierung dieses Plans wurde abgebrochen: %n Schicht wurde nicht erreicht und würde in voller Genauigkeit exportiert (der Bericht neben dem Checkpoint vermerkt dies).</numerusform>
            <numerusform>Die letzte Quantisierung dieses Plans wurde abgebrochen: %n Schichten wurden nicht erreicht und würden in voller Genauigkeit exportiert (der Bericht neben dem Checkpoint vermerkt dies).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Incomplete</source>
        <translation>Unvollständig exportieren</translation>
    </message>
    <message>
        <source>Quantize Everything First</source>
        <translation>Zuerst alles quantisieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported a cancelled run: %n layer(s) were not reached and are stored in full precision.</source>
        <translation>
            <numerusform>Abgebrochener Lauf exportiert: %n Schicht wurde nicht erreicht und ist in voller Genauigkeit gespeichert.</numerusform>
            <numerusform>Abgebrochener Lauf exportiert: %n Schichten wurden nicht erreicht und sind in voller Genauigkeit gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The quantization run was cancelled: %n layer(s) were not reached and stay in full precision; the layers finished before are shown.</source>
        <translation>
            <numerusform>Der Quantisierungslauf wurde abgebrochen: %n Schicht wurde nicht erreicht und bleibt in voller Genauigkeit; die zuvor fertiggestellten Schichten werden angezeigt.</numerusform>
            <numerusform>Der Quantisierungslauf wurde abgebrochen: %n Schichten wurden nicht erreicht und bleiben in voller Genauigkeit; die zuvor fertiggestellten Schichten werden angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cancelled; what was finished is shown.</source>
        <translation>%1: abgebrochen; das bereits Fertiggestellte wird angezeigt.</translation>
    </message>
    <message>
        <source>Quantize every layer as the plan says, block by block, and measure each layer&apos;s output and weight errors</source>
        <translation>Jede Schicht nach dem Plan Block für Block quantisieren und die Ausgabe- und Gewichtsfehler jeder Schicht messen</translation>
    </message>
    <message>
        <source>Windows: %1, %2 — %3.</source>
        <translation>Fenster: %1, %2 — %3.</translation>
    </message>
    <message numerus="yes">
        <source>The calibration text gave %1 of the %n sample(s) asked for: it has fewer documents. Random windows take more samples from the same text.</source>
        <translation>
            <numerusform>Der Kalibrierungstext lieferte nur %1 der %n angeforderten Stichprobe: Er hat weniger Dokumente. Zufallsfenster entnehmen demselben Text mehr Stichproben.</numerusform>
            <numerusform>Der Kalibrierungstext lieferte nur %1 der %n angeforderten Stichproben: Er hat weniger Dokumente. Zufallsfenster entnehmen demselben Text mehr Stichproben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calibration: a text is needed (by %1), but none is chosen.</source>
        <translation>Kalibrierung: Ein Text wird benötigt (von %1), aber keiner ist ausgewählt.</translation>
    </message>
    <message>
        <source>A calibration text is needed (by %1): choose a text file in the Calibration panel.</source>
        <translation>Ein Kalibrierungstext wird benötigt (von %1): Wählen Sie im Bereich Kalibrierung eine Textdatei.</translation>
    </message>
    <message>
        <source>Compute &amp;Device…</source>
        <translation>Rechen&amp;gerät…</translation>
    </message>
    <message>
        <source>Choose where the heavy work runs: the CPU or an OpenCL device</source>
        <translation>Wählen, wo die Rechenarbeit läuft: auf der CPU oder einem OpenCL-Gerät</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Where the heavy work runs (Edit › Compute Device…)</source>
        <translation>Wo die Rechenarbeit läuft (Bearbeiten › Rechengerät…)</translation>
    </message>
    <message>
        <source>Device: CPU (fell back from %1)</source>
        <translation>Gerät: CPU (ausgewichen von %1)</translation>
    </message>
    <message>
        <source>Device: preparing %1…</source>
        <translation>Gerät: %1 wird vorbereitet…</translation>
    </message>
    <message>
        <source>Preparing the compute device</source>
        <translation>Rechengerät wird vorbereitet</translation>
    </message>
    <message>
        <source>Layer errors</source>
        <translation>Schichtfehler</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>Letzter Lauf: %1</translation>
    </message>
    <message>
        <source>Kept %1: %2</source>
        <translation>Behaltener Lauf %1: %2</translation>
    </message>
    <message>
        <source>&amp;Export Checkpoint…</source>
        <translation>Checkpoint &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write the quantized model as a fake-quant, GPTQ, AWQ or compressed-tensors checkpoint</source>
        <translation>Das quantisierte Modell als Fake-Quant-, GPTQ-, AWQ- oder compressed-tensors-Checkpoint schreiben</translation>
    </message>
    <message>
        <source>Export Checkpoint</source>
        <translation>Checkpoint exportieren</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>The plan cannot be written as %1:</source>
        <translation>Der Plan lässt sich nicht als %1 schreiben:</translation>
    </message>
    <message>
        <source>Export Checkpoint to Folder</source>
        <translation>Checkpoint in Ordner exportieren</translation>
    </message>
    <message>
        <source>The plan cannot be written as %1; nothing was exported.</source>
        <translation>Der Plan lässt sich nicht als %1 schreiben; nichts wurde exportiert.</translation>
    </message>
    <message>
        <source>Exported a %1 checkpoint to %2</source>
        <translation>%1-Checkpoint nach %2 exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of layers that runtimes such as vLLM fuse into one matrix (a block&apos;s q/k/v, its gate/up) are planned with different settings; vLLM refuses such a checkpoint.</source>
        <translation>
            <numerusform>%n Gruppe von Schichten, die Laufzeiten wie vLLM zu einer Matrix zusammenfassen (q/k/v eines Blocks, sein gate/up), ist mit unterschiedlichen Einstellungen geplant; vLLM lehnt einen solchen Checkpoint ab.</numerusform>
            <numerusform>%n Gruppen von Schichten, die Laufzeiten wie vLLM zu einer Matrix zusammenfassen (q/k/v eines Blocks, sein gate/up), sind mit unterschiedlichen Einstellungen geplant; vLLM lehnt einen solchen Checkpoint ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Align gives each group the settings of its most precise member (no layer loses precision); you can undo it.</source>
        <translation>Angleichen gibt jeder Gruppe die Einstellungen ihres genauesten Mitglieds (keine Schicht verliert an Genauigkeit); Sie können es rückgängig machen.</translation>
    </message>
    <message>
        <source>Align Them</source>
        <translation>Angleichen</translation>
    </message>
    <message>
        <source>Export As Planned</source>
        <translation>Wie geplant exportieren</translation>
    </message>
    <message>
        <source>Align Fused Layers</source>
        <translation>Zusammengefasste Schichten angleichen</translation>
    </message>
    <message>
        <source>Open a Hugging Face checkpoint folder (config.json and safetensors; GPTQ, AWQ and compressed-tensors folders are dequantized on opening)</source>
        <translation>Einen Hugging-Face-Checkpoint-Ordner öffnen (config.json und safetensors; GPTQ-, AWQ- und compressed-tensors-Ordner werden beim Öffnen dequantisiert)</translation>
    </message>
    <message>
        <source>Open &amp;GGUF File…</source>
        <translation>&amp;GGUF-Datei öffnen…</translation>
    </message>
    <message>
        <source>Open a llama.cpp GGUF file (llama architecture), dequantized to float32 on opening</source>
        <translation>Eine GGUF-Datei von llama.cpp öffnen (llama-Architektur), beim Öffnen zu float32 dequantisiert</translation>
    </message>
    <message>
        <source>Open GGUF File</source>
        <translation>GGUF-Datei öffnen</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>GGUF-Dateien (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>gptq_v2: zero points as stored (every grid)</source>
        <translation>gptq_v2: Nullpunkte wie gespeichert (jedes Raster)</translation>
    </message>
    <message>
        <source>gptq v1: for older loaders (symmetric grids only)</source>
        <translation>gptq v1: für ältere Loader (nur symmetrische Raster)</translation>
    </message>
    <message>
        <source>GPTQ layout:</source>
        <translation>GPTQ-Layout:</translation>
    </message>
    <message>
        <source>Export Checkpoint to File</source>
        <translation>Checkpoint in Datei exportieren</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf)</source>
        <translation>GGUF-Dateien (*.gguf)</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the exported checkpoint once the export has completed?</source>
        <translation>%1 existiert bereits. Nach Abschluss des Exports durch den exportierten Checkpoint ersetzen?</translation>
    </message>
    <message>
        <source>Sensitivity &amp;Scan…</source>
        <translation>Sensitivitäts&amp;scan…</translation>
    </message>
    <message>
        <source>Quantize one layer (or block, or role) at a time at each bit-width and measure how much perplexity suffers</source>
        <translation>Jeweils eine Schicht (oder einen Block oder eine Rolle) mit jeder Bitbreite quantisieren und messen, wie sehr die Perplexität leidet</translation>
    </message>
    <message>
        <source>&amp;Automatic Bits…</source>
        <translation>Automatische &amp;Bitwahl…</translation>
    </message>
    <message>
        <source>Choose each layer&apos;s bit-width from the sensitivity scan for a target average bits per weight</source>
        <translation>Die Bitbreite jeder Schicht anhand des Sensitivitätsscans für einen Zieldurchschnitt an Bits pro Gewicht wählen</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <source>Auto Bits</source>
        <translation>Auto-Bits</translation>
    </message>
    <message>
        <source>Outlier channels</source>
        <translation>Ausreißerkanäle</translation>
    </message>
    <message>
        <source>Hessian</source>
        <translation>Hesse-Matrix</translation>
    </message>
    <message>
        <source>Rounding lab</source>
        <translation>Rundungslabor</translation>
    </message>
    <message>
        <source>Select a layer to see its input channels and Hessian diagonal.</source>
        <translation>Wählen Sie eine Schicht, um ihre Eingabekanäle und die Diagonale ihrer Hesse-Matrix zu sehen.</translation>
    </message>
    <message>
        <source>Input profile of %1</source>
        <translation>Eingabeprofil von %1</translation>
    </message>
    <message>
        <source>Shown when this tab is open.</source>
        <translation>Wird angezeigt, wenn dieser Tab geöffnet ist.</translation>
    </message>
    <message>
        <source>No calibration text: choose one in the Calibration panel to measure the inputs of %1 with the full-precision model, or quantize with a method that calibrates (GPTQ, AWQ, SmoothQuant) to see the run&apos;s statistics.</source>
        <translation>Kein Kalibrierungstext: Wählen Sie im Bereich Kalibrierung einen, um die Eingaben von %1 mit dem Modell in voller Genauigkeit zu messen, oder quantisieren Sie mit einer kalibrierenden Methode (GPTQ, AWQ, SmoothQuant), um die Statistiken des Laufs zu sehen.</translation>
    </message>
    <message>
        <source>Measuring the inputs of %1: a full-precision pass over the calibration windows up to its block…</source>
        <translation>Eingaben von %1 werden gemessen: ein Durchlauf in voller Genauigkeit über die Kalibrierungsfenster bis zu ihrem Block…</translation>
    </message>
    <message>
        <source>Choose a calibration text (Calibration panel) to record the layer&apos;s inputs.</source>
        <translation>Wählen Sie einen Kalibrierungstext (Bereich Kalibrierung), um die Eingaben der Schicht aufzuzeichnen.</translation>
    </message>
    <message>
        <source>Recording the inputs of %1…</source>
        <translation>Eingaben von %1 werden aufgezeichnet…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Recording the inputs of %1</source>
        <translation>Eingaben von %1 werden aufgezeichnet</translation>
    </message>
    <message>
        <source>Automatic bits: perplexity %1 predicted, %2 measured</source>
        <translation>Automatische Bitwahl: Perplexität %1 vorhergesagt, %2 gemessen</translation>
    </message>
    <message>
        <source>GPTQ needs a calibration text: choose one in Run › Calibration Settings….</source>
        <translation>GPTQ braucht einen Kalibrierungstext: Wählen Sie einen unter Ausführen › Kalibrierungseinstellungen….</translation>
    </message>
    <message numerus="yes">
        <source>GPTQ calibrates on %1: %n sample(s) of %2 tokens, the full-precision model&apos;s activations (Run › Calibration Settings…).</source>
        <translation>
            <numerusform>GPTQ kalibriert auf %1: %n Stichprobe mit %2 Tokens, Aktivierungen des Modells in voller Genauigkeit (Ausführen › Kalibrierungseinstellungen…).</numerusform>
            <numerusform>GPTQ kalibriert auf %1: %n Stichproben mit je %2 Tokens, Aktivierungen des Modells in voller Genauigkeit (Ausführen › Kalibrierungseinstellungen…).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no such evaluation text; the sensitivity scan did not run.</source>
        <translation>%1: Kein solcher Auswertungstext; der Sensitivitätsscan wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Choose an evaluation text for the sensitivity scan.</source>
        <translation>Wählen Sie einen Auswertungstext für den Sensitivitätsscan.</translation>
    </message>
    <message>
        <source>Sensitivity scan</source>
        <translation>Sensitivitätsscan</translation>
    </message>
    <message>
        <source>Reading the evaluation text %1</source>
        <translation>Auswertungstext %1 wird gelesen</translation>
    </message>
    <message>
        <source>The sensitivity scan was cancelled: the measurements it did not make are hatched, and automatic bits needs a complete scan.</source>
        <translation>Der Sensitivitätsscan wurde abgebrochen: Die nicht durchgeführten Messungen sind schraffiert, und die automatische Bitwahl braucht einen vollständigen Scan.</translation>
    </message>
    <message>
        <source>There is no sensitivity scan of this model yet.</source>
        <translation>Für dieses Modell gibt es noch keinen Sensitivitätsscan.</translation>
    </message>
    <message>
        <source>The latest sensitivity scan was cancelled before it measured every layer.</source>
        <translation>Der letzte Sensitivitätsscan wurde abgebrochen, bevor er jede Schicht gemessen hat.</translation>
    </message>
    <message>
        <source>Automatic Bits</source>
        <translation>Automatische Bitwahl</translation>
    </message>
    <message>
        <source>Automatic bits chooses from one. Run a sensitivity scan now?</source>
        <translation>Die automatische Bitwahl stützt sich auf einen solchen Scan. Jetzt einen Sensitivitätsscan ausführen?</translation>
    </message>
    <message>
        <source>%1-bit × %2</source>
        <translation>%1 Bit × %2</translation>
    </message>
    <message>
        <source>Predicted perplexity &lt;b&gt;%1&lt;/b&gt; (%2 over full precision %3)</source>
        <translation>Vorhergesagte Perplexität &lt;b&gt;%1&lt;/b&gt; (%2 gegenüber voller Genauigkeit %3)</translation>
    </message>
    <message>
        <source>, KL %1 nats/token</source>
        <translation>, KL %1 nats/Token</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 bits/weight&lt;/b&gt; achieved (target %2; %3 to %4 possible)</source>
        <translation>&lt;b&gt;%1 Bit/Gewicht&lt;/b&gt; erreicht (Ziel %2; %3 bis %4 möglich)</translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation>Schichten: %1</translation>
    </message>
    <message>
        <source>Previewing automatic bits</source>
        <translation>Vorschau der automatischen Bitwahl</translation>
    </message>
    <message>
        <source>Choosing bits</source>
        <translation>Bitbreiten werden gewählt</translation>
    </message>
    <message>
        <source>Automatic bits: %1 bits/weight</source>
        <translation>Automatische Bitwahl: %1 Bit/Gewicht</translation>
    </message>
    <message>
        <source>Automatic bits: %1 bits/weight, perplexity %2 predicted. Evaluate the plan to measure it.</source>
        <translation>Automatische Bitwahl: %1 Bit/Gewicht, Perplexität %2 vorhergesagt. Werten Sie den Plan aus, um sie zu messen.</translation>
    </message>
    <message>
        <source>The prediction adds up what each layer did alone in the scan (%1); the measured change is usually larger.</source>
        <translation>Die Vorhersage summiert, was jede Schicht im Scan allein bewirkt hat (%1); die gemessene Änderung ist meist größer.</translation>
    </message>
    <message>
        <source>%1-bit ×%2</source>
        <translation>%1 Bit ×%2</translation>
    </message>
    <message>
        <source>The prediction adds up what each layer did alone in the scan, scaled per width by how much more the whole model lost at that width (%1); the plain sum predicts %2.</source>
        <translation>Die Vorhersage summiert, was jede Schicht im Scan allein bewirkt hat, skaliert je Bitbreite damit, wie viel mehr das ganze Modell bei dieser Bitbreite verlor (%1); die einfache Summe sagt %2 vorher.</translation>
    </message>
    <message>
        <source>Open Sensitivity Sc&amp;an…</source>
        <translation>Sensitivitäts&amp;scan öffnen…</translation>
    </message>
    <message>
        <source>Show a sensitivity scan saved as JSON (also by quantbench-cli sensitivity --out) for this model</source>
        <translation>Einen als JSON gespeicherten Sensitivitätsscan (auch von quantbench-cli sensitivity --out) für dieses Modell anzeigen</translation>
    </message>
    <message>
        <source>Save Sensitivity Scan…</source>
        <translation>Sensitivitätsscan speichern…</translation>
    </message>
    <message>
        <source>Save the sensitivity scan as JSON, as quantbench-cli sensitivity --out writes it (quantbench-cli autobits --scan reads it)</source>
        <translation>Den Sensitivitätsscan als JSON speichern, wie quantbench-cli sensitivity --out ihn schreibt (quantbench-cli autobits --scan liest ihn)</translation>
    </message>
    <message>
        <source>Open Sensitivity Scan</source>
        <translation>Sensitivitätsscan öffnen</translation>
    </message>
    <message>
        <source>Sensitivity scans (*.json)</source>
        <translation>Sensitivitätsscans (*.json)</translation>
    </message>
    <message>
        <source>%1 is not a scan of this model:
%2</source>
        <translation>%1 ist kein Scan dieses Modells:
%2</translation>
    </message>
    <message>
        <source>%1 holds a cancelled scan: the measurements it did not make are hatched, and automatic bits needs a complete scan.</source>
        <translation>%1 enthält einen abgebrochenen Scan: Die nicht durchgeführten Messungen sind schraffiert, und automatische Bits benötigen einen vollständigen Scan.</translation>
    </message>
    <message>
        <source>Opened the sensitivity scan %1</source>
        <translation>Sensitivitätsscan %1 geöffnet</translation>
    </message>
    <message>
        <source>Save Sensitivity Scan</source>
        <translation>Sensitivitätsscan speichern</translation>
    </message>
    <message>
        <source>Saved the sensitivity scan to %1</source>
        <translation>Sensitivitätsscan in %1 gespeichert</translation>
    </message>
    <message>
        <source>Open Pro&amp;ject…</source>
        <translation>Pro&amp;jekt öffnen…</translation>
    </message>
    <message>
        <source>Open a saved session: its model, plan, texts, sensitivity scan and quantized layers</source>
        <translation>Eine gespeicherte Sitzung öffnen: ihr Modell, Plan, Texte, Sensitivitäts-Scan und quantisierte Schichten</translation>
    </message>
    <message>
        <source>Save this session in one file: the model&apos;s path, the plan, the calibration and evaluation texts, the sensitivity scan and the last run&apos;s quantized layers</source>
        <translation>Diese Sitzung in einer Datei speichern: den Pfad des Modells, den Plan, die Kalibrierungs- und Auswertungstexte, den Sensitivitäts-Scan und die quantisierten Schichten des letzten Laufs</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>QuantBench projects (*.qbproj)</source>
        <translation>QuantBench-Projekte (*.qbproj)</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Speichere %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>%1: the quantized layers were made from other inputs than the project&apos;s plan and texts now give (the plan or the calibration text changed after the run): evaluating or exporting runs the plan again.</source>
        <translation>%1: Die quantisierten Schichten wurden aus anderen Eingaben erzeugt, als Plan und Texte des Projekts jetzt ergeben (der Plan oder der Kalibrierungstext hat sich nach dem Lauf geändert): Auswerten oder Exportieren führt den Plan erneut aus.</translation>
    </message>
    <message>
        <source>Save &amp;Plan…</source>
        <translation>&amp;Plan speichern…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save this session in a new project file</source>
        <translation>Diese Sitzung in einer neuen Projektdatei speichern</translation>
    </message>
    <message>
        <source>%1[*] — QuantBench</source>
        <translation>%1[*] — QuantBench</translation>
    </message>
    <message>
        <source>%1[*] — %2 — QuantBench</source>
        <translation>%1[*] — %2 — QuantBench</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save this session as a project?</source>
        <translation>Diese Sitzung als Projekt speichern?</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>The plan, the texts, the sensitivity scan or the quantized layers changed since the session was last saved. It cannot be saved while a job runs: choose Cancel and save it once the job is done, or discard the changes.</source>
        <translation>Plan, Texte, Sensitivitätsscan oder quantisierte Schichten haben sich seit dem letzten Speichern der Sitzung geändert. Solange ein Auftrag läuft, kann sie nicht gespeichert werden: Wählen Sie Abbrechen und speichern Sie nach dem Auftrag, oder verwerfen Sie die Änderungen.</translation>
    </message>
    <message>
        <source>The plan, the texts, the sensitivity scan or the quantized layers changed since the session was last saved. Without saving, the changes are lost.</source>
        <translation>Plan, Texte, Sensitivitätsscan oder quantisierte Schichten haben sich seit dem letzten Speichern der Sitzung geändert. Ohne Speichern gehen die Änderungen verloren.</translation>
    </message>
    <message>
        <source>Save &amp;Report…</source>
        <translation>&amp;Bericht speichern…</translation>
    </message>
    <message>
        <source>Save the latest run&apos;s per-layer report: an HTML page to read and share, a CSV table or JSON</source>
        <translation>Den Bericht je Schicht des letzten Laufs speichern: als HTML-Seite zum Lesen und Weitergeben, als CSV-Tabelle oder als JSON</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>HTML report (*.html);;CSV table (*.csv);;JSON report (*.json)</source>
        <translation>HTML-Bericht (*.html);;CSV-Tabelle (*.csv);;JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>Saved the report to %1</source>
        <translation>Bericht in %1 gespeichert</translation>
    </message>
    <message>
        <source>none: choose a text file or a dataset</source>
        <translation>keiner: Wählen Sie eine Textdatei oder einen Datensatz</translation>
    </message>
    <message>
        <source>&amp;Generate Text</source>
        <translation>Text &amp;generieren</translation>
    </message>
    <message>
        <source>Continue the Generation panel&apos;s prompt with the model as stored and as the plan quantizes it, side by side</source>
        <translation>Den Prompt der Generierungsleiste mit dem Modell wie gespeichert und wie der Plan es quantisiert fortsetzen, nebeneinander</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generierung</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate.</source>
        <translation>Geben Sie einen Prompt ein und klicken Sie auf Generieren.</translation>
    </message>
    <message>
        <source>Type a prompt for the model to continue first.</source>
        <translation>Geben Sie zuerst einen Prompt ein, den das Modell fortsetzen soll.</translation>
    </message>
    <message>
        <source>Generating text</source>
        <translation>Text wird generiert</translation>
    </message>
    <message>
        <source>&amp;Compare With Checkpoint Folder…</source>
        <translation>Mit &amp;Checkpoint-Ordner vergleichen…</translation>
    </message>
    <message>
        <source>Score another checkpoint of this model (GPTQ, AWQ, compressed-tensors, FP8, an export…) against the model as stored, with the KL divergence between them</source>
        <translation>Einen anderen Checkpoint dieses Modells (GPTQ, AWQ, compressed-tensors, FP8, ein Export …) gegen das gespeicherte Modell bewerten, mit der KL-Divergenz zwischen beiden</translation>
    </message>
    <message>
        <source>Compare With Checkpoint Folder</source>
        <translation>Mit Checkpoint-Ordner vergleichen</translation>
    </message>
    <message>
        <source>Compare With GG&amp;UF File…</source>
        <translation>Mit GG&amp;UF-Datei vergleichen…</translation>
    </message>
    <message>
        <source>Score a GGUF file of this model against the model as stored, with the KL divergence between them</source>
        <translation>Eine GGUF-Datei dieses Modells gegen das gespeicherte Modell bewerten, mit der KL-Divergenz zwischen beiden</translation>
    </message>
    <message>
        <source>Compare With GGUF File</source>
        <translation>Mit GGUF-Datei vergleichen</translation>
    </message>
    <message>
        <source>Co&amp;mpare With</source>
        <translation>&amp;Vergleichen mit</translation>
    </message>
    <message>
        <source>Comparing with %1</source>
        <translation>Vergleiche mit %1</translation>
    </message>
</context>
<context>
    <name>qb::MethodOptionsEditor</name>
    <message>
        <source>no options</source>
        <translation>keine Optionen</translation>
    </message>
    <message>
        <source>act-order</source>
        <translation>act-order</translation>
    </message>
    <message>
        <source>static groups</source>
        <translation>statische Gruppen</translation>
    </message>
    <message>
        <source>damp</source>
        <translation>Dämpfung</translation>
    </message>
    <message>
        <source>clip search</source>
        <translation>Clipping-Suche</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>glätten</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>GPTQ: quantize the columns in order of decreasing Hessian diagonal (the inputs&apos; energy), which helps at low bit widths</source>
        <translation>GPTQ: die Spalten absteigend nach der Diagonale der Hesse-Matrix (der Energie der Eingaben) quantisieren, was bei geringen Bitbreiten hilft</translation>
    </message>
    <message>
        <source>GPTQ: compute every group&apos;s grid from the unchanged weights before quantizing, so that act-order keeps groups of adjacent columns (for loaders without a column permutation)</source>
        <translation>GPTQ: das Raster jeder Gruppe vor dem Quantisieren aus den unveränderten Gewichten berechnen, damit act-order Gruppen benachbarter Spalten beibehält (für Loader ohne Spaltenpermutation)</translation>
    </message>
    <message>
        <source>GPTQ: added to the Hessian&apos;s diagonal, as a fraction of its mean; raised ten-fold while the Hessian is not positive definite</source>
        <translation>GPTQ: wird zur Diagonale der Hesse-Matrix addiert, als Anteil ihres Mittelwerts; verzehnfacht, solange die Hesse-Matrix nicht positiv definit ist</translation>
    </message>
    <message>
        <source>RTN: search each group&apos;s clipping range for the smallest output error on the calibration inputs</source>
        <translation>RTN: für jede Gruppe den Clipping-Bereich mit dem kleinsten Ausgabefehler auf den Kalibrierungseingaben suchen</translation>
    </message>
    <message>
        <source>SmoothQuant smoothing first: move the activations&apos; outlier channels into the weights with strength α, folding the scale into the operation before the layer</source>
        <translation>Zuerst SmoothQuant-Glättung: die Ausreißerkanäle der Aktivierungen mit Stärke α in die Gewichte verschieben und die Skala in die Operation vor der Schicht einrechnen</translation>
    </message>
    <message>
        <source>Migration strength α: 0 leaves the activations as they are, 1 moves all of their range into the weights</source>
        <translation>Migrationsstärke α: 0 lässt die Aktivierungen unverändert, 1 verschiebt ihren gesamten Wertebereich in die Gewichte</translation>
    </message>
    <message>
        <source>tied scales</source>
        <translation>gekoppelte Skalen</translation>
    </message>
    <message>
        <source>AWQ: under grouped-query attention, scale o_proj&apos;s inputs with one scale per key/value head channel (shared by the query heads reading it), folded into v_proj. Off: o_proj stays unscaled and is only clipped, as llm-awq does</source>
        <translation>AWQ: Bei Grouped-Query-Attention die Eingänge von o_proj mit einer Skala je Kanal eines Key/Value-Kopfs skalieren (geteilt von den Query-Köpfen, die ihn lesen), in v_proj gefaltet. Aus: o_proj bleibt unskaliert und wird nur geclippt, wie bei llm-awq</translation>
    </message>
</context>
<context>
    <name>qb::OpenClBackend</name>
    <message>
        <source>%1 failed: %2 (%3)</source>
        <translation>%1 fehlgeschlagen: %2 (%3)</translation>
    </message>
    <message>
        <source>listing the OpenCL devices failed: %1</source>
        <translation>das Auflisten der OpenCL-Geräte ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the OpenCL platforms list no device</source>
        <translation>die OpenCL-Plattformen führen kein Gerät auf</translation>
    </message>
</context>
<context>
    <name>qb::OutlierChannelView</name>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Mean |x|</source>
        <translation>Mittleres |x|</translation>
    </message>
    <message>
        <source>Max |x|</source>
        <translation>Max |x|</translation>
    </message>
    <message>
        <source>Which activation statistic each bar shows, over every calibration row the layer saw</source>
        <translation>Welche Aktivierungsstatistik jeder Balken zeigt, über alle Kalibrierungszeilen, die die Schicht gesehen hat</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>Kanalreihenfolge</translation>
    </message>
    <message>
        <source>Sorted, largest first</source>
        <translation>Sortiert, größte zuerst</translation>
    </message>
    <message>
        <source>Logarithmic value axes: outlier channels are often 10–100× the median</source>
        <translation>Logarithmische Werteachsen: Ausreißerkanäle sind oft 10–100× so groß wie der Median</translation>
    </message>
    <message>
        <source>How many channels the table lists</source>
        <translation>Wie viele Kanäle die Tabelle auflistet</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>Top:</translation>
    </message>
    <message>
        <source>The channels with the largest statistic; click one to mark it</source>
        <translation>Die Kanäle mit der größten Statistik; klicken Sie auf einen, um ihn zu markieren</translation>
    </message>
    <message>
        <source>Select a layer to see its input channels.</source>
        <translation>Wählen Sie eine Schicht, um ihre Eingabekanäle zu sehen.</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>mean |x| %1 (%2× median)</source>
        <translation>mittleres |x| %1 (%2× Median)</translation>
    </message>
    <message>
        <source>max |x| %1 (%2× median)</source>
        <translation>max |x| %1 (%2× Median)</translation>
    </message>
    <message>
        <source>‖W[:, %1]‖₂ %2</source>
        <translation>‖W[:, %1]‖₂ %2</translation>
    </message>
    <message>
        <source>max |w| %1</source>
        <translation>max |w| %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>× median</source>
        <translation>× Median</translation>
    </message>
    <message>
        <source>‖W col‖₂</source>
        <translation>‖W-Spalte‖₂</translation>
    </message>
    <message>
        <source>Max |w|</source>
        <translation>Max |w|</translation>
    </message>
    <message>
        <source>Scale s</source>
        <translation>Skala s</translation>
    </message>
    <message>
        <source>Max |x| divided by the median over channels of max |x|</source>
        <translation>Max |x| geteilt durch den Median von max |x| über alle Kanäle</translation>
    </message>
    <message>
        <source>Mean |x| divided by the median over channels of mean |x|</source>
        <translation>Mittleres |x| geteilt durch den Median des mittleren |x| über alle Kanäle</translation>
    </message>
    <message>
        <source>max |x| (input units)</source>
        <translation>max |x| (Eingabeeinheiten)</translation>
    </message>
    <message>
        <source>mean |x| (input units)</source>
        <translation>mittleres |x| (Eingabeeinheiten)</translation>
    </message>
    <message>
        <source>|w| (weight units)</source>
        <translation>|w| (Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>Rank of the input channel, largest %1 first</source>
        <translation>Rang des Eingabekanals, nach %1 absteigend</translation>
    </message>
    <message>
        <source>max |x|</source>
        <translation>max |x|</translation>
    </message>
    <message>
        <source>mean |x|</source>
        <translation>mittleres |x|</translation>
    </message>
    <message>
        <source>Input channel</source>
        <translation>Eingabekanal</translation>
    </message>
    <message>
        <source>max |x| per input channel</source>
        <translation>max |x| pro Eingabekanal</translation>
    </message>
    <message>
        <source>mean |x| per input channel</source>
        <translation>mittleres |x| pro Eingabekanal</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>Median %1</translation>
    </message>
    <message>
        <source>%1 (no unit; x ÷ s)</source>
        <translation>%1 (ohne Einheit; x ÷ s)</translation>
    </message>
    <message>
        <source>‖W[:, j]‖₂ (column L2 norm)</source>
        <translation>‖W[:, j]‖₂ (L2-Norm der Spalte)</translation>
    </message>
    <message>
        <source>max |W[:, j]|</source>
        <translation>max |W[:, j]|</translation>
    </message>
    <message>
        <source>Click a bar or a table row for a channel&apos;s values; drag and scroll to pan and zoom the channel axis.</source>
        <translation>Klicken Sie auf einen Balken oder eine Tabellenzeile, um die Werte eines Kanals zu sehen; ziehen und scrollen Sie zum Verschieben und Zoomen der Kanalachse.</translation>
    </message>
</context>
<context>
    <name>qb::PlanDefaultsBar</name>
    <message>
        <source> bits</source>
        <translation> Bit</translation>
    </message>
    <message>
        <source>Settings of every layer that has no setting of its own</source>
        <translation>Einstellungen jeder Schicht, die keine eigene Einstellung hat</translation>
    </message>
    <message>
        <source>Defaults:</source>
        <translation>Standardwerte:</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1 options</source>
        <translation>Optionen für %1</translation>
    </message>
</context>
<context>
    <name>qb::RoundingLabView</name>
    <message>
        <source>Outlier:</source>
        <translation>Ausreißer:</translation>
    </message>
    <message>
        <source>Symmetric</source>
        <translation>Symmetrisch</translation>
    </message>
    <message>
        <source>Record Activations</source>
        <translation>Aktivierungen aufzeichnen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Selected layer: a row</source>
        <translation>Gewählte Schicht: eine Zeile</translation>
    </message>
    <message>
        <source>Selected layer: one group</source>
        <translation>Gewählte Schicht: eine Gruppe</translation>
    </message>
    <message>
        <source>Synthetic vector with an outlier</source>
        <translation>Synthetischer Vektor mit einem Ausreißer</translation>
    </message>
    <message>
        <source>The weights to round: a row of the layer selected in the table, one group of that row, or 64 synthetic Gaussian weights with one outlier you can resize</source>
        <translation>Die zu rundenden Gewichte: eine Zeile der in der Tabelle gewählten Schicht, eine Gruppe dieser Zeile oder 64 synthetische gaußverteilte Gewichte mit einem Ausreißer, dessen Größe Sie ändern können</translation>
    </message>
    <message>
        <source>row </source>
        <translation>Zeile </translation>
    </message>
    <message>
        <source>The layer&apos;s row (output channel) to round</source>
        <translation>Die zu rundende Zeile (Ausgabekanal) der Schicht</translation>
    </message>
    <message>
        <source>group </source>
        <translation>Gruppe </translation>
    </message>
    <message>
        <source>The group whose grid levels are drawn (and, for &quot;one group&quot;, the group rounded); the GPTQ step-through starts at its first column</source>
        <translation>Die Gruppe, deren Rasterstufen gezeichnet werden (und bei „eine Gruppe“ die gerundete Gruppe); GPTQ schrittweise beginnt bei ihrer ersten Spalte</translation>
    </message>
    <message>
        <source>Drag: the size of the synthetic vector&apos;s outlier weight, in standard deviations of the other weights</source>
        <translation>Ziehen: die Größe des Ausreißergewichts des synthetischen Vektors, in Standardabweichungen der übrigen Gewichte</translation>
    </message>
    <message>
        <source>Bits per weight: 2^bits levels per group</source>
        <translation>Bits pro Gewicht: 2^bits Stufen pro Gruppe</translation>
    </message>
    <message>
        <source>Weights sharing one scale and zero point (one grid)</source>
        <translation>Gewichte, die sich eine Skala und einen Nullpunkt teilen (ein Raster)</translation>
    </message>
    <message>
        <source>Symmetric: the grid is centred on zero (no zero point to store), half of it wasted when the values are one-sided</source>
        <translation>Symmetrisch: Das Raster ist um null zentriert (kein Nullpunkt zu speichern), seine Hälfte bleibt ungenutzt, wenn die Werte einseitig sind</translation>
    </message>
    <message>
        <source>Clip ratio: each group&apos;s range [min, max] shrunk to [min·c, max·c]; values outside are clamped — coarse outliers, finer steps for the rest</source>
        <translation>Clipping-Verhältnis: Der Bereich [min, max] jeder Gruppe wird auf [min·c, max·c] verkleinert; Werte außerhalb werden abgeschnitten – grobe Ausreißer, feinere Stufen für den Rest</translation>
    </message>
    <message>
        <source>AWQ scale: each weight is multiplied by s_j = (mean |x_j|)^α of its input channel before rounding and divided by it after, so the channels with large activations are rounded finer</source>
        <translation>AWQ-Skala: Jedes Gewicht wird vor dem Runden mit s_j = (mean |x_j|)^α seines Eingabekanals multipliziert und danach wieder dadurch geteilt, sodass die Kanäle mit großen Aktivierungen feiner gerundet werden</translation>
    </message>
    <message>
        <source>Run the calibration text through the model up to this layer and record its inputs&apos; mean |x| and XᵀX (for α and the output error)</source>
        <translation>Den Kalibrierungstext bis zu dieser Schicht durch das Modell laufen lassen und mittleres |x| und XᵀX ihrer Eingaben aufzeichnen (für α und den Ausgabefehler)</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Runden:</translation>
    </message>
    <message>
        <source>Bits:</source>
        <translation>Bits:</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>Gruppengröße:</translation>
    </message>
    <message>
        <source>Clip ratio:</source>
        <translation>Clipping-Verhältnis:</translation>
    </message>
    <message>
        <source>AWQ α:</source>
        <translation>AWQ α:</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Rundung</translation>
    </message>
    <message>
        <source>GPTQ Step-Through</source>
        <translation>GPTQ schrittweise</translation>
    </message>
    <message>
        <source>Input column of the row</source>
        <translation>Eingabespalte der Zeile</translation>
    </message>
    <message>
        <source>Error ŵ − w
(weight units)</source>
        <translation>Fehler ŵ − w
(Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>grid levels (shown group)</source>
        <translation>Rasterstufen (gezeigte Gruppe)</translation>
    </message>
    <message>
        <source>clip range</source>
        <translation>Clipping-Bereich</translation>
    </message>
    <message>
        <source>original weights w</source>
        <translation>ursprüngliche Gewichte w</translation>
    </message>
    <message>
        <source>rounded ŵ</source>
        <translation>gerundet ŵ</translation>
    </message>
    <message>
        <source>error ŵ − w</source>
        <translation>Fehler ŵ − w</translation>
    </message>
    <message>
        <source>error of a clipped weight</source>
        <translation>Fehler eines abgeschnittenen Gewichts</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Weight
(weight units)</source>
        <translation>Gewicht
(Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>Change this step
(weight units)</source>
        <translation>Änderung in diesem Schritt
(Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>Input column of the layer</source>
        <translation>Eingabespalte der Schicht</translation>
    </message>
    <message>
        <source>Output error
(per token)</source>
        <translation>Ausgabefehler
(pro Token)</translation>
    </message>
    <message>
        <source>Columns rounded</source>
        <translation>Gerundete Spalten</translation>
    </message>
    <message>
        <source>original w</source>
        <translation>ursprüngliches w</translation>
    </message>
    <message>
        <source>updated, to be rounded</source>
        <translation>aktualisiert, noch zu runden</translation>
    </message>
    <message>
        <source>output error: RTN</source>
        <translation>Ausgabefehler: RTN</translation>
    </message>
    <message>
        <source>output error: GPTQ</source>
        <translation>Ausgabefehler: GPTQ</translation>
    </message>
    <message>
        <source>its rounding ŵ − w</source>
        <translation>seine Rundung ŵ − w</translation>
    </message>
    <message>
        <source>spread onto later columns</source>
        <translation>auf spätere Spalten verteilt</translation>
    </message>
    <message>
        <source>Round the next column and spread its error onto the later columns</source>
        <translation>Die nächste Spalte runden und ihren Fehler auf die späteren Spalten verteilen</translation>
    </message>
    <message>
        <source>Step through the remaining columns (press again to pause)</source>
        <translation>Die übrigen Spalten schrittweise durchlaufen (erneut drücken zum Anhalten)</translation>
    </message>
    <message>
        <source>Back to the unrounded slice</source>
        <translation>Zurück zum ungerundeten Ausschnitt</translation>
    </message>
    <message>
        <source>show row </source>
        <translation>angezeigte Zeile </translation>
    </message>
    <message>
        <source>The slice&apos;s row drawn in the upper panels (the output error counts every row)</source>
        <translation>Die Zeile des Ausschnitts, die in den oberen Diagrammen gezeichnet wird (der Ausgabefehler zählt jede Zeile)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>%1 (%2 levels)</source>
        <translation>%1 (%2 Stufen)</translation>
    </message>
    <message>
        <source>per row</source>
        <translation>pro Zeile</translation>
    </message>
    <message>
        <source>%1 σ</source>
        <translation>%1 σ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to round yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Noch nichts zu runden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a layer in the table, or choose the synthetic vector.</source>
        <translation>Wählen Sie eine Schicht in der Tabelle oder den synthetischen Vektor.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Scaled weight w·s
(weight units)</source>
        <translation>Skaliertes Gewicht w·s
(Gewichtseinheiten)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n clipped</source>
        <translation>
            <numerusform>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n abgeschnitten</numerusform>
            <numerusform>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n abgeschnitten</numerusform>
        </translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; output error %1 / token</source>
        <translation> &amp;nbsp;·&amp;nbsp; Ausgabefehler %1 / Token</translation>
    </message>
    <message numerus="yes">
        <source>Synthetic activations: %n token(s), input channel 5 ten times larger than the others. </source>
        <translation>
            <numerusform>Synthetische Aktivierungen: %n Token, Eingabekanal 5 zehnmal größer als die anderen. </numerusform>
            <numerusform>Synthetische Aktivierungen: %n Tokens, Eingabekanal 5 zehnmal größer als die anderen. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activations recorded over %n calibration token(s). </source>
        <translation>
            <numerusform>Aktivierungen über %n Kalibrierungstoken aufgezeichnet. </numerusform>
            <numerusform>Aktivierungen über %n Kalibrierungstokens aufgezeichnet. </numerusform>
        </translation>
    </message>
    <message>
        <source>No activations recorded for this layer: α and the output error need them. </source>
        <translation>Für diese Schicht wurden keine Aktivierungen aufgezeichnet: α und der Ausgabefehler brauchen sie. </translation>
    </message>
    <message numerus="yes">
        <source>Each weight moves to the nearest of its group&apos;s %n level(s) (grey lines, shown for the highlighted group). Drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>Jedes Gewicht wandert zur nächstgelegenen Stufe seiner Gruppe (%n Stufe; graue Linien, für die hervorgehobene Gruppe gezeigt). Ziehen und scrollen Sie zum Verschieben und Zoomen.</numerusform>
            <numerusform>Jedes Gewicht wandert zur nächstgelegenen Stufe seiner Gruppe (%n Stufen; graue Linien, für die hervorgehobene Gruppe gezeigt). Ziehen und scrollen Sie zum Verschieben und Zoomen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The slice&apos;s Hessian is not invertible&lt;/b&gt;, even with raised damping: GPTQ cannot run on it.</source>
        <translation>&lt;b&gt;Die Hesse-Matrix des Ausschnitts ist nicht invertierbar&lt;/b&gt;, auch nicht mit erhöhter Dämpfung: GPTQ kann darauf nicht laufen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to step through yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Noch nichts zum schrittweisen Durchlaufen.&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Step %1 of %2&lt;/b&gt;: column %3 rounded (row %4: error %5), spread onto %n later column(s).</source>
        <translation>
            <numerusform>&lt;b&gt;Schritt %1 von %2&lt;/b&gt;: Spalte %3 gerundet (Zeile %4: Fehler %5), auf %n spätere Spalte verteilt.</numerusform>
            <numerusform>&lt;b&gt;Schritt %1 von %2&lt;/b&gt;: Spalte %3 gerundet (Zeile %4: Fehler %5), auf %n spätere Spalten verteilt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Output error: &lt;b&gt;&lt;span style=&apos;color:%1&apos;&gt;GPTQ %2&lt;/span&gt;&lt;/b&gt; vs &lt;b&gt;&lt;span style=&apos;color:%3&apos;&gt;RTN %4&lt;/span&gt;&lt;/b&gt;</source>
        <translation>Ausgabefehler: &lt;b&gt;&lt;span style=&apos;color:%1&apos;&gt;GPTQ %2&lt;/span&gt;&lt;/b&gt; vs. &lt;b&gt;&lt;span style=&apos;color:%3&apos;&gt;RTN %4&lt;/span&gt;&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (GPTQ %1 %)</source>
        <translation> (GPTQ %1 %)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 rows × %2 columns&lt;/b&gt; (columns %3–%4), %5. Press Step: GPTQ rounds one column at a time and moves the columns not yet rounded to make up for its error.</source>
        <translation>&lt;b&gt;%1 Zeilen × %2 Spalten&lt;/b&gt; (Spalten %3–%4), %5. Drücken Sie „Schritt“: GPTQ rundet jeweils eine Spalte und verschiebt die noch nicht gerundeten Spalten, um ihren Fehler auszugleichen.</translation>
    </message>
    <message>
        <source>H = XᵀX of synthetic activations (channel 5 ten times larger).</source>
        <translation>H = XᵀX synthetischer Aktivierungen (Kanal 5 zehnmal größer).</translation>
    </message>
    <message numerus="yes">
        <source>H = XᵀX of %n calibration token(s).</source>
        <translation>
            <numerusform>H = XᵀX von %n Kalibrierungstoken.</numerusform>
            <numerusform>H = XᵀX von %n Kalibrierungstokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>No calibration inputs for this layer: H = XᵀX of synthetic activations. Record Activations for the real ones.</source>
        <translation>Keine Kalibrierungseingaben für diese Schicht: H = XᵀX synthetischer Aktivierungen. Zeichnen Sie die echten mit „Aktivierungen aufzeichnen“ auf.</translation>
    </message>
    <message>
        <source>Damping %1 × mean diag(H). The update is the rounding error times row i of the inverse Hessian&apos;s Cholesky factor.</source>
        <translation>Dämpfung %1 × mittlere diag(H). Die Aktualisierung ist der Rundungsfehler mal Zeile i des Cholesky-Faktors der inversen Hesse-Matrix.</translation>
    </message>
    <message>
        <source>Column %1 (group %2)</source>
        <translation>Spalte %1 (Gruppe %2)</translation>
    </message>
    <message>
        <source>w = %1</source>
        <translation>w = %1</translation>
    </message>
    <message>
        <source>s = %1, w·s = %2</source>
        <translation>s = %1, w·s = %2</translation>
    </message>
    <message>
        <source>code %1 of 0…%2 → level %3</source>
        <translation>Code %1 von 0…%2 → Stufe %3</translation>
    </message>
    <message>
        <source>ŵ = %1, error ŵ − w = %2</source>
        <translation>ŵ = %1, Fehler ŵ − w = %2</translation>
    </message>
    <message>
        <source>group scale %1, zero point %2</source>
        <translation>Gruppenskala %1, Nullpunkt %2</translation>
    </message>
    <message>
        <source>clipped to [%1, %2]</source>
        <translation>abgeschnitten auf [%1, %2]</translation>
    </message>
    <message numerus="yes">
        <source>After %n column(s)</source>
        <translation>
            <numerusform>Nach %n Spalte</numerusform>
            <numerusform>Nach %n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ output error %1</source>
        <translation>GPTQ-Ausgabefehler %1</translation>
    </message>
    <message>
        <source>RTN output error %1</source>
        <translation>RTN-Ausgabefehler %1</translation>
    </message>
    <message>
        <source>Column %1, row %2</source>
        <translation>Spalte %1, Zeile %2</translation>
    </message>
    <message>
        <source>original %1</source>
        <translation>ursprünglich %1</translation>
    </message>
    <message>
        <source>rounded %1</source>
        <translation>gerundet %1</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>jetzt %1</translation>
    </message>
    <message>
        <source>changed this step by %1</source>
        <translation>in diesem Schritt um %1 geändert</translation>
    </message>
    <message>
        <source>RTN would give %1</source>
        <translation>RTN ergäbe %1</translation>
    </message>
</context>
<context>
    <name>qb::SensitivityRankingModel</name>
    <message>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s): %1</source>
        <translation>
            <numerusform>%n Schicht: %1</numerusform>
            <numerusform>%n Schichten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1 bits: perplexity %2 (Δ %3), KL %4 nats/token</source>
        <translation>Bei %1 Bit: Perplexität %2 (Δ %3), KL %4 nats/Token</translation>
    </message>
    <message>
        <source>Not measured at %1 bits: the scan was cancelled first.</source>
        <translation>Bei %1 Bit nicht gemessen: Der Scan wurde vorher abgebrochen.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Layer (block · role)</source>
        <translation>Schicht (Block · Rolle)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Δ ppl</source>
        <translation>Δ ppl</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>Rank by the shown figure at the chosen bit-width: 1 is the most sensitive</source>
        <translation>Rang nach dem angezeigten Wert bei der gewählten Bitbreite: 1 ist am empfindlichsten</translation>
    </message>
    <message>
        <source>Perplexity with only this unit quantized at %1 bits, minus the full-precision model&apos;s</source>
        <translation>Perplexität, wenn nur diese Einheit mit %1 Bit quantisiert ist, minus die des Modells in voller Genauigkeit</translation>
    </message>
    <message>
        <source>Mean KL divergence (nats/token) of the next-token distributions from the full-precision model&apos;s, with only this unit quantized at %1 bits</source>
        <translation>Mittlere KL-Divergenz (nats/Token) der Verteilungen des nächsten Tokens gegenüber denen des Modells in voller Genauigkeit, wenn nur diese Einheit mit %1 Bit quantisiert ist</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>groups of %1</source>
        <translation>Gruppen zu %1</translation>
    </message>
</context>
<context>
    <name>qb::SensitivityScanDialog</name>
    <message>
        <source>Sensitivity Scan</source>
        <translation>Sensitivitätsscan</translation>
    </message>
    <message>
        <source>Each unit is quantized alone at each bit-width, everything else kept in full precision, and the model is scored on the evaluation text: the change in perplexity and the KL divergence show which layers suffer most.</source>
        <translation>Jede Einheit wird allein bei jeder Bitbreite quantisiert, alles andere bleibt in voller Genauigkeit, und das Modell wird auf dem Auswertungstext bewertet: Die Änderung der Perplexität und die KL-Divergenz zeigen, welche Schichten am meisten leiden.</translation>
    </message>
    <message>
        <source>RTN needs no calibration; GPTQ calibrates each layer on the full-precision model&apos;s activations</source>
        <translation>RTN braucht keine Kalibrierung; GPTQ kalibriert jede Schicht auf den Aktivierungen des Modells in voller Genauigkeit</translation>
    </message>
    <message>
        <source>One layer</source>
        <translation>Eine Schicht</translation>
    </message>
    <message>
        <source>One block (all its layers)</source>
        <translation>Ein Block (alle seine Schichten)</translation>
    </message>
    <message>
        <source>One role across all blocks</source>
        <translation>Eine Rolle über alle Blöcke</translation>
    </message>
    <message>
        <source>a UTF-8 text file</source>
        <translation>eine UTF-8-Textdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Score only the first documents of the text: fewer make the scan faster and the figures noisier</source>
        <translation>Nur die ersten Dokumente des Textes bewerten: Weniger machen den Scan schneller und die Werte verrauschter</translation>
    </message>
    <message>
        <source>Bit-widths:</source>
        <translation>Bitbreiten:</translation>
    </message>
    <message>
        <source>Grouping:</source>
        <translation>Gruppierung:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Quantize per measurement:</source>
        <translation>Pro Messung quantisieren:</translation>
    </message>
    <message>
        <source>Evaluation text:</source>
        <translation>Auswertungstext:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Dokumente:</translation>
    </message>
    <message>
        <source>Run Scan</source>
        <translation>Scan ausführen</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>Choose at least one bit-width.</source>
        <translation>Wählen Sie mindestens eine Bitbreite.</translation>
    </message>
    <message>
        <source>Choose an existing evaluation text.</source>
        <translation>Wählen Sie einen vorhandenen Auswertungstext.</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 = %n measurement(s), each an evaluation of the text from the unit&apos;s first block on.</source>
        <translation>
            <numerusform>%1 × %2 = %n Messung, jeweils eine Auswertung des Textes ab dem ersten Block der Einheit.</numerusform>
            <numerusform>%1 × %2 = %n Messungen, jeweils eine Auswertung des Textes ab dem ersten Block der Einheit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bit-width(s)</source>
        <translation>
            <numerusform>%n Bitbreite</numerusform>
            <numerusform>%n Bitbreiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::SensitivityView</name>
    <message>
        <source>one layer at a time</source>
        <translation>jeweils eine Schicht</translation>
    </message>
    <message>
        <source>one block at a time</source>
        <translation>jeweils ein Block</translation>
    </message>
    <message>
        <source>one role across all blocks at a time</source>
        <translation>jeweils eine Rolle über alle Blöcke</translation>
    </message>
    <message>
        <source>Log colour scale</source>
        <translation>Log-Farbskala</translation>
    </message>
    <message>
        <source>Δ perplexity</source>
        <translation>Δ Perplexität</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source>What the colours and the ranking show: the change in perplexity, or the mean KL divergence from the full-precision model</source>
        <translation>Was die Farben und die Rangliste zeigen: die Änderung der Perplexität oder die mittlere KL-Divergenz zum Modell in voller Genauigkeit</translation>
    </message>
    <message>
        <source>Logarithmic colour scale: the units differ by orders of magnitude (changes of zero or less take the lightest colour)</source>
        <translation>Logarithmische Farbskala: Die Einheiten unterscheiden sich um Größenordnungen (Änderungen von null oder weniger erhalten die hellste Farbe)</translation>
    </message>
    <message>
        <source>The bit-width the list ranks the units at</source>
        <translation>Die Bitbreite, nach der die Liste die Einheiten ordnet</translation>
    </message>
    <message>
        <source>New Scan…</source>
        <translation>Neuer Scan…</translation>
    </message>
    <message>
        <source>Run a sensitivity scan with other settings</source>
        <translation>Einen Sensitivitätsscan mit anderen Einstellungen ausführen</translation>
    </message>
    <message>
        <source>Automatic Bits…</source>
        <translation>Automatische Bitwahl…</translation>
    </message>
    <message>
        <source>Choose each layer&apos;s bit-width from this scan for a target average bits per weight</source>
        <translation>Die Bitbreite jeder Schicht anhand dieses Scans für einen Zieldurchschnitt an Bits pro Gewicht wählen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the heatmap as PNG, SVG or PDF</source>
        <translation>Heatmap als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Rank at:</source>
        <translation>Rang bei:</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>KL divergence (nats/token)</source>
        <translation>KL-Divergenz (nats/Token)</translation>
    </message>
    <message>
        <source>Δ perplexity (vs. full precision)</source>
        <translation>Δ Perplexität (gegenüber voller Genauigkeit)</translation>
    </message>
    <message>
        <source>Bit-width of the quantized unit (bits per weight)</source>
        <translation>Bitbreite der quantisierten Einheit (Bits pro Gewicht)</translation>
    </message>
    <message>
        <source>Layer (block · role), in model order</source>
        <translation>Schicht (Block · Rolle), in Modellreihenfolge</translation>
    </message>
    <message>
        <source>Block, in model order</source>
        <translation>Block, in Modellreihenfolge</translation>
    </message>
    <message>
        <source>Role, across all blocks</source>
        <translation>Rolle, über alle Blöcke</translation>
    </message>
    <message>
        <source>%1-bit</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>No sensitivity scan yet.</source>
        <translation>Noch kein Sensitivitätsscan.</translation>
    </message>
    <message>
        <source>Run › Sensitivity Scan… quantizes one layer (or block, or role) at a time at each bit-width, everything else in full precision, and measures how much the model&apos;s perplexity suffers. The most sensitive layers are the ones to keep at more bits.</source>
        <translation>Ausführen › Sensitivitätsscan… quantisiert jeweils eine Schicht (oder einen Block oder eine Rolle) bei jeder Bitbreite, alles andere in voller Genauigkeit, und misst, wie sehr die Perplexität des Modells leidet. Die empfindlichsten Schichten sollten mehr Bits behalten.</translation>
    </message>
    <message numerus="yes">
        <source>The scan was cancelled: %1 of %n measurement(s) are missing (hatched). Automatic bits needs a complete scan.</source>
        <translation>
            <numerusform>Der Scan wurde abgebrochen: %1 von %n Messung fehlt (schraffiert). Die automatische Bitwahl braucht einen vollständigen Scan.</numerusform>
            <numerusform>Der Scan wurde abgebrochen: %1 von %n Messungen fehlen (schraffiert). Die automatische Bitwahl braucht einen vollständigen Scan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) in %1 s. Click a cell or a row to select its layer; drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>%n Messung in %1 s. Klicken Sie auf eine Zelle oder eine Zeile, um ihre Schicht auszuwählen; ziehen und scrollen Sie zum Verschieben und Zoomen.</numerusform>
            <numerusform>%n Messungen in %1 s. Klicken Sie auf eine Zelle oder eine Zeile, um ihre Schicht auszuwählen; ziehen und scrollen Sie zum Verschieben und Zoomen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Automatic bits:&lt;/b&gt; %1 bits/weight (target %2) · perplexity predicted &lt;b&gt;%3&lt;/b&gt; (%4 over full precision %5)</source>
        <translation>&lt;b&gt;Automatische Bitwahl:&lt;/b&gt; %1 Bit/Gewicht (Ziel %2) · vorhergesagte Perplexität &lt;b&gt;%3&lt;/b&gt; (%4 gegenüber voller Genauigkeit %5)</translation>
    </message>
    <message>
        <source>measured &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>gemessen &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>— evaluated on another text or context than the scan (full precision %1 there), so the two differ by more than the prediction&apos;s error</source>
        <translation>— auf einem anderen Text oder Kontext als der Scan ausgewertet (dort volle Genauigkeit %1), daher weichen beide um mehr als den Fehler der Vorhersage voneinander ab</translation>
    </message>
    <message>
        <source>measured: evaluate the plan (Run › Evaluate) to compare</source>
        <translation>gemessen: Werten Sie den Plan aus (Ausführen › Auswerten), um zu vergleichen</translation>
    </message>
    <message>
        <source>the plan has been edited since</source>
        <translation>der Plan wurde seitdem bearbeitet</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), first %1</source>
        <translation>
            <numerusform>%n Schicht, erste: %1</numerusform>
            <numerusform>%n Schichten, erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bits: perplexity %2 (Δ %3 from %4)</source>
        <translation>%1 Bit: Perplexität %2 (Δ %3 gegenüber %4)</translation>
    </message>
    <message>
        <source>KL divergence %1 nats/token</source>
        <translation>KL-Divergenz %1 nats/Token</translation>
    </message>
    <message>
        <source>%1 bits: not measured (the scan was cancelled first)</source>
        <translation>%1 Bit: nicht gemessen (der Scan wurde vorher abgebrochen)</translation>
    </message>
    <message>
        <source>%1-bit %2</source>
        <translation>%1 Bit %2</translation>
    </message>
    <message>
        <source>Every layer at once, perplexity: %1</source>
        <translation>Alle Schichten gleichzeitig, Perplexität: %1</translation>
    </message>
    <message>
        <source>The prediction adds up what each layer did alone in the scan, scaled per width by how much more the whole model lost at that width (quantized layers&apos; errors compound); a scan without the whole-model measurements gives the plain sum, which is usually smaller than the measured change.</source>
        <translation>Die Vorhersage summiert, was jede Schicht im Scan allein bewirkt hat, skaliert je Bitbreite damit, wie viel mehr das ganze Modell bei dieser Bitbreite verlor (die Fehler quantisierter Schichten verstärken sich); ein Scan ohne die Messungen des ganzen Modells ergibt die einfache Summe, die meist kleiner ist als die gemessene Änderung.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 · full-precision perplexity %3 on %n document(s) (%4 tokens)</source>
        <translation>
            <numerusform>%1, %2 · Perplexität in voller Genauigkeit %3 auf %n Dokument (%4 Tokens)</numerusform>
            <numerusform>%1, %2 · Perplexität in voller Genauigkeit %3 auf %n Dokumenten (%4 Tokens)</numerusform>
        </translation>
    </message>
</context>
</TS>
