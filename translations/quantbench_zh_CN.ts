<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Block %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: running the calibration windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: passing the quantized outputs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not quantized: it shares its input scale with %1, which has non-finite weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 needs calibration data, and none reached it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed with α = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AwqQuantizer</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1：%2</translation>
    </message>
    <message>
        <source>AWQ&apos;s scale search was given no layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no weights to quantize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input statistics %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWQ: searching input scales for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: AWQ&apos;s scale search found no ratio with a finite loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWQ was given no layers to quantize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: AWQ needs the mean |x| of the layer&apos;s inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: AWQ&apos;s clip search needs input rows of the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input rows %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWQ: clipping and quantizing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no clip search (query/key layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip search shrank %1 % of the groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWQ scale ratio %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWQ&apos;s output loss needs Σ x xᵀ of the layer&apos;s inputs (%1 × %1 over at least one row), not %2 × %3 over %4 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scaled (nothing before the layer to fold a scale into); %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalibrationSet</name>
    <message>
        <source>the number of calibration samples must be at least 1, not %1</source>
        <translation>校准样本数必须至少为 1，而不是 %1</translation>
    </message>
    <message>
        <source>the calibration sequence length must be at least 2 tokens, not %1</source>
        <translation>校准序列长度必须至少为 2 个 token，而不是 %1</translation>
    </message>
    <message>
        <source>the calibration text holds no document of two tokens or more</source>
        <translation>校准文本中没有包含两个或更多 token 的文档</translation>
    </message>
    <message>
        <source>the calibration text has %1 tokens, fewer than one window of %2</source>
        <translation>校准文本只有 %1 个 token，不足一个长度为 %2 的窗口</translation>
    </message>
    <message>
        <source>the number of sampled rows must be 0 or more, not %1</source>
        <translation>采样行数必须为 0 或更多，而不是 %1</translation>
    </message>
    <message>
        <source>the held-out fraction must be from 0 up to (not including) 1, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checkpoint</name>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: the weights are in PyTorch .bin files; QuantBench reads safetensors (convert the checkpoint to model.safetensors first)</source>
        <translation>%1：权重存储在 PyTorch .bin 文件中；QuantBench 读取的是 safetensors（请先将检查点转换为 model.safetensors）</translation>
    </message>
    <message>
        <source>%1: neither %2 nor %3 is in this folder</source>
        <translation>%1：此文件夹中既没有 %2，也没有 %3</translation>
    </message>
    <message>
        <source>%1: &quot;weight_map&quot; must be an object mapping tensor names to shard files, but it is %2</source>
        <translation>%1：&quot;weight_map&quot; 必须是将张量名称映射到分片文件的对象，但实际为%2</translation>
    </message>
    <message>
        <source>%1: the shard of tensor &quot;%2&quot; must be a file name, but it is %3</source>
        <translation>%1：张量 &quot;%2&quot; 的分片必须是文件名，但实际为%3</translation>
    </message>
    <message>
        <source>%1: shard &quot;%2&quot; of tensor &quot;%3&quot; is not a plain file name in the checkpoint folder</source>
        <translation>%1：张量 &quot;%3&quot; 的分片 &quot;%2&quot; 不是检查点文件夹中的普通文件名</translation>
    </message>
    <message>
        <source>%1: names shard &quot;%2&quot;, which is missing from the folder</source>
        <translation>%1：引用了分片 &quot;%2&quot;，但文件夹中没有该分片</translation>
    </message>
    <message>
        <source>%1: places tensor &quot;%2&quot; in shard &quot;%3&quot;, but that shard has no such tensor</source>
        <translation>%1：将张量 &quot;%2&quot; 指定到分片 &quot;%3&quot;，但该分片中没有此张量</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; appears in two shards, &quot;%3&quot; and &quot;%4&quot;</source>
        <translation>%1：张量 &quot;%2&quot; 出现在两个分片中：&quot;%3&quot; 和 &quot;%4&quot;</translation>
    </message>
    <message>
        <source>%1: the checkpoint has no tensor &quot;%2&quot;</source>
        <translation>%1：检查点中没有张量 &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>List a model&apos;s quantizable linear layers and check its weights</source>
        <translation>列出模型中可量化的线性层并检查其权重</translation>
    </message>
    <message>
        <source>Quantize a model and write a fake-quant (dequantized) checkpoint</source>
        <translation>量化模型并写出伪量化（已反量化）检查点</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>missing argument %1</source>
        <translation>缺少参数 %1</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>意外的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>--%1 must be an integer from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>quantbench-cli: warning: %1</source>
        <translation>quantbench-cli：警告：%1</translation>
    </message>
    <message>
        <source>Usage: quantbench-cli COMMAND [options] [arguments]</source>
        <translation>用法：quantbench-cli COMMAND [选项] [参数]</translation>
    </message>
    <message>
        <source>QuantBench %1: quantize large language models and measure what it costs.</source>
        <translation>QuantBench %1：量化大语言模型并衡量其代价。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>Run &apos;quantbench-cli COMMAND --help&apos; for the arguments and options of a command.</source>
        <translation>运行 &apos;quantbench-cli COMMAND --help&apos; 查看某个命令的参数和选项。</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>请尝试 &apos;%1 --help&apos;。</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>未指定命令</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (commands: %2)</source>
        <translation>未知命令 &apos;%1&apos;（可用命令：%2）</translation>
    </message>
    <message>
        <source>quantbench-cli: error: %1</source>
        <translation>quantbench-cli：错误：%1</translation>
    </message>
    <message>
        <source>quantbench-cli: cancelled; nothing was written</source>
        <translation>quantbench-cli：已取消，未写入任何内容</translation>
    </message>
    <message>
        <source>%1 (%2 … %3)</source>
        <translation>%1（%2 … %3）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model type</source>
        <translation>模型类型</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层维度</translation>
    </message>
    <message>
        <source>%1 (intermediate %2)</source>
        <translation>%1（中间维度 %2）</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>%1 (%2 key/value, head dim %3)</source>
        <translation>%1（键/值 %2 个，头维度 %3）</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Tied embeddings</source>
        <translation>共享嵌入权重</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>分片</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>DType</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Linear layers</source>
        <translation>线性层</translation>
    </message>
    <message>
        <source>%1, %2 parameters, %3</source>
        <translation>%1，%2 个参数，%3</translation>
    </message>
    <message>
        <source>All tensors</source>
        <translation>全部张量</translation>
    </message>
    <message>
        <source>%1 tensors, %2</source>
        <translation>%1 个张量，%2</translation>
    </message>
    <message>
        <source>Prints the model summary from config.json and every quantizable linear layer (name, role, shape [out, in], dtype, parameters, bytes), then scans every tensor for NaN and Inf; tensors holding them are reported as warnings on stderr.</source>
        <translation>输出 config.json 中的模型摘要以及每个可量化线性层（名称、角色、形状 [out, in]、dtype、参数、字节），然后扫描每个张量中的 NaN 和 Inf；包含这些值的张量会作为警告输出到 stderr。</translation>
    </message>
    <message>
        <source>A Hugging Face checkpoint folder: config.json and model.safetensors (or shards with their index).</source>
        <translation>Hugging Face 检查点文件夹：包含 config.json 和 model.safetensors（或分片及其索引）。</translation>
    </message>
    <message>
        <source>Print one JSON object (model, layers, totals, nonfinite) to stdout instead of the table.</source>
        <translation>向 stdout 输出一个 JSON 对象（model、layers、totals、nonfinite），而不是表格。</translation>
    </message>
    <message>
        <source>Skip the NaN/Inf scan of the weights (faster on large models; &quot;nonfinite&quot; is then null).</source>
        <translation>跳过对权重的 NaN/Inf 扫描（对大模型更快；此时 &quot;nonfinite&quot; 为 null）。</translation>
    </message>
    <message>
        <source>--group must be a positive number of columns, -1 or &apos;channel&apos; (per channel), 0 or &apos;tensor&apos; (per tensor), not &apos;%1&apos;</source>
        <translation>--group 必须是正的列数、-1 或 &apos;channel&apos;（逐通道）、0 或 &apos;tensor&apos;（逐张量），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>逐张量</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>已量化</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Weight MSE</source>
        <translation>权重 MSE</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s): %1 quantized, %2 kept, %3 skipped in %4 s</source>
        <translation>
            <numerusform>%n 个层：%1 个已量化，%2 个保留，%3 个已跳过，用时 %4 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Every quantizable linear layer is quantized as the plan says and stored dequantized in its original dtype, under the same tensor names, so any loader of the original model loads the result. config.json and the tokenizer are copied; quant_recipe.json and quant_report.json are written beside them. The input is never written; the output appears only once complete.
The plan is either given by --method (with --bits, --group, --sym/--asym) or read from a --recipe, whose default those flags then override. Layers with NaN or Inf weights are kept unquantized with a warning.</source>
        <translation>每个可量化线性层都按计划进行量化，并以反量化后的形式、使用原始 dtype 和相同的张量名称存储，因此原模型的任何加载器都能加载结果。config.json 和分词器会被复制；quant_recipe.json 和 quant_report.json 写在它们旁边。输入永远不会被写入；输出仅在完整后才会出现。
计划要么通过 --method（配合 --bits、--group、--sym/--asym）给出，要么从 --recipe 读取，此时上述选项会覆盖配方中的默认值。含有 NaN 或 Inf 权重的层保持未量化，并给出警告。</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to quantize.</source>
        <translation>要量化的 Hugging Face 检查点文件夹。</translation>
    </message>
    <message>
        <source>Quantization method: %1 (&apos;none&apos; keeps full precision).</source>
        <translation>量化方法：%1（&apos;none&apos; 保持全精度）。</translation>
    </message>
    <message>
        <source>Bits per weight, %1 to %2 (default 4).</source>
        <translation>每个权重的位数，%1 到 %2（默认 4）。</translation>
    </message>
    <message>
        <source>Input columns sharing a scale: a positive number, -1 or &apos;channel&apos; for one per output channel, 0 or &apos;tensor&apos; for one per tensor (default 128).</source>
        <translation>共享一个缩放因子的输入列数：正数；-1 或 &apos;channel&apos; 表示每个输出通道一个；0 或 &apos;tensor&apos; 表示每个张量一个（默认 128）。</translation>
    </message>
    <message>
        <source>Symmetric grid (zero point fixed at the middle code).</source>
        <translation>对称网格（零点固定在中间编码）。</translation>
    </message>
    <message>
        <source>Asymmetric grid with a zero point (the default).</source>
        <translation>带零点的非对称网格（默认）。</translation>
    </message>
    <message>
        <source>The folder to write. Must not exist unless --force is given.</source>
        <translation>要写入的文件夹。除非指定 --force，否则该文件夹不得已存在。</translation>
    </message>
    <message>
        <source>Replace OUT_DIR if it exists (only once the new output is complete).</source>
        <translation>若 OUT_DIR 已存在则替换它（仅在新输出完整后进行）。</translation>
    </message>
    <message>
        <source>Read the plan (a default and per-layer overrides) from this recipe JSON file.</source>
        <translation>从此配方 JSON 文件读取计划（一个默认值和逐层覆盖项）。</translation>
    </message>
    <message>
        <source>Print the report (quant_report.json) to stdout instead of the table.</source>
        <translation>向 stdout 输出报告（quant_report.json），而不是表格。</translation>
    </message>
    <message>
        <source>--out OUT_DIR is required</source>
        <translation>必须指定 --out OUT_DIR</translation>
    </message>
    <message>
        <source>give the plan explicitly: --method (%1) or --recipe FILE</source>
        <translation>请明确给出计划：--method（%1）或 --recipe FILE</translation>
    </message>
    <message>
        <source>--sym and --asym exclude each other</source>
        <translation>--sym 和 --asym 不能同时使用</translation>
    </message>
    <message>
        <source>--method must be one of %1, not &apos;%2&apos;</source>
        <translation>--method 必须是 %1 之一，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence: the command&apos;s summary and a full stop</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Measure a model&apos;s perplexity on a text (and a quantized model&apos;s)</source>
        <translation>测量模型在文本上的困惑度（以及量化模型的困惑度）</translation>
    </message>
    <message>
        <source>Write a synthetic (random-weight) Llama checkpoint for benchmarks</source>
        <translation>写出用于基准测试的合成（随机权重）Llama 检查点</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n document(s)</source>
        <translation>
            <numerusform>%1：%n 个文档</numerusform>
        </translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>%1 of at most %2 tokens, stride %3; %4 input tokens</source>
        <translation>%1 个，每个最多 %2 个 token，步长 %3；共 %4 个输入 token</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>NLL/token</source>
        <translation>NLL/token</translation>
    </message>
    <message>
        <source>Tokens scored</source>
        <translation>计分 token 数</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>存储原样</translation>
    </message>
    <message>
        <source>Mean KL divergence from the stored model: %1 nats per token</source>
        <translation>与存储模型的平均 KL 散度：每个 token %1 nats</translation>
    </message>
    <message>
        <source>%1 tokens/s (%2 s)</source>
        <translation>%1 token/s（%2 s）</translation>
    </message>
    <message>
        <source>Scores every document of the text on its own (split at &lt;|endoftext|&gt;, otherwise one document per non-empty line) as BOS + ids, in windows of at most the context length that start every stride tokens; each window predicts its tokens after the first that no earlier window scored. Perplexity = exp(total NLL / tokens scored).
With a plan (--method or --recipe), the model quantized by that plan is scored on the same windows too, with the mean KL divergence of its next-token distributions from the stored model&apos;s.</source>
        <translation>对文本中的每个文档单独计分（在 &lt;|endoftext|&gt; 处分割，否则每个非空行为一个文档），输入为 BOS + ID，窗口长度最多为上下文长度，每隔 stride 个 token 开始一个窗口；每个窗口预测其第一个 token 之后、尚未被更早的窗口计分的 token。困惑度 = exp(总 NLL / 计分 token 数)。
若给出计划（--method 或 --recipe），则按该计划量化的模型也会在相同的窗口上计分，并给出其下一个 token 分布相对于存储模型的平均 KL 散度。</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to evaluate.</source>
        <translation>要评估的 Hugging Face 检查点文件夹。</translation>
    </message>
    <message>
        <source>The UTF-8 text file to score.</source>
        <translation>要计分的 UTF-8 文本文件。</translation>
    </message>
    <message>
        <source>Tokens per window (default: the model&apos;s max_position_embeddings).</source>
        <translation>每个窗口的 token 数（默认：模型的 max_position_embeddings）。</translation>
    </message>
    <message>
        <source>Tokens between window starts (default: the context length, no overlap).</source>
        <translation>相邻窗口起点之间的 token 数（默认：上下文长度，即不重叠）。</translation>
    </message>
    <message>
        <source>Print the result as JSON (perplexity, nll, tokens, …) instead of the table.</source>
        <translation>以 JSON（perplexity、nll、tokens、…）输出结果，而不是表格。</translation>
    </message>
    <message>
        <source>--text FILE is required</source>
        <translation>必须指定 --text FILE</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>%1 (random weights, not a trained model)</source>
        <translation>%1（随机权重，不是训练过的模型）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>--seed must be an integer from 0 to %1, not &apos;%2&apos;</source>
        <translation>--seed 必须是 0 到 %1 之间的整数，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--dtype must be bf16 or f32, not &apos;%1&apos;</source>
        <translation>--dtype 必须是 bf16 或 f32，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--outlier-scale must be a positive number up to 1000000, not &apos;%1&apos;</source>
        <translation>--outlier-scale 必须是不超过 1000000 的正数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <comment>an outlier channel and its factor</comment>
        <translation>%1（×%2）</translation>
    </message>
    <message>
        <source>Writes a Hugging Face-layout Llama checkpoint with random weights: the shapes of a real model, weights N(0, 0.02²) with 2 % heavy-tailed rows (Student-t, 3 degrees of freedom), and RMSNorm weights of 1 except K outlier channels, whose activations then reach every linear input 20-100× larger than the rest, as in trained LLMs. It is for benchmarks and scale tests, not a trained model, and is labelled synthetic in config.json and in every safetensors file. The same options give byte-identical files. The tokenizer is the bundled demo model&apos;s.
Presets: %1.</source>
        <translation>写出 Hugging Face 布局、权重随机的 Llama 检查点：形状与真实模型相同，权重服从 N(0, 0.02²)，其中 2 % 的行为重尾分布（Student-t，3 个自由度）；RMSNorm 权重为 1，但 K 个离群通道除外，这些通道的激活值到达每个线性层输入时比其余通道大 20-100 倍，与训练过的 LLM 相同。它用于基准测试和规模测试，不是训练过的模型，并在 config.json 和每个 safetensors 文件中标记为合成。相同的选项生成逐字节相同的文件。分词器取自内置的演示模型。
预设：%1。</translation>
    </message>
    <message>
        <source>The model to imitate: %1.</source>
        <translation>要模仿的模型：%1。</translation>
    </message>
    <message>
        <source>Seed of every random choice (default 0).</source>
        <translation>所有随机选择的种子（默认 0）。</translation>
    </message>
    <message>
        <source>Element type of the weights: bf16 (default) or f32.</source>
        <translation>权重的元素类型：bf16（默认）或 f32。</translation>
    </message>
    <message>
        <source>Number of outlier input channels (default 2 for tiny, 8 for the others; 0 for none).</source>
        <translation>离群输入通道的数量（tiny 默认 2，其他默认 8；0 表示没有）。</translation>
    </message>
    <message>
        <source>The norm weight of every outlier channel, rounded to bfloat16 precision (default: each drawn from 20 to 100).</source>
        <translation>每个离群通道的归一化层权重，舍入到 bfloat16 精度（默认：各自在 20 到 100 之间随机抽取）。</translation>
    </message>
    <message>
        <source>--preset is required (%1)</source>
        <translation>必须指定 --preset（%1）</translation>
    </message>
    <message>
        <source>--preset must be one of %1, not &apos;%2&apos;</source>
        <translation>--preset 必须是 %1 之一，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the demo model, whose tokenizer a synthetic checkpoint gets, is not installed: expected it in %1</source>
        <translation>演示模型（合成检查点使用它的分词器）未安装：应位于 %1</translation>
    </message>
    <message>
        <source>%1 shards with model.safetensors.index.json</source>
        <translation>%1 个分片及 model.safetensors.index.json</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Outlier channels</source>
        <translation>离群通道</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>This is a synthetic checkpoint: random weights with realistic shapes and statistics, not a trained model. config.json and every safetensors file say so.</source>
        <translation>这是一个合成检查点：具有真实形状和统计特性的随机权重，不是训练过的模型。config.json 和每个 safetensors 文件中都注明了这一点。</translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CpuSupport</name>
    <message>
        <source>This build of QuantBench uses instructions this processor does not have (%1). Rebuild it for this machine: scripts/build -DQB_CPU_ARCH=native</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FakeQuantExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>GptqQuantizer</name>
    <message>
        <source>the inputs&apos; Hessian is not positive definite even with %1 × its mean diagonal added; rounded to nearest instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damping raised to %1 × the mean Hessian diagonal to make it invertible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HfTokenizer</name>
    <message>
        <source>%1: %2: %3</source>
        <extracomment>%1 is the file, %2 the JSON path of the field (&quot;model.merges[12]&quot;), %3 what is wrong</extracomment>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>must be %1, but it is %2</source>
        <translation>必须是%1，但实际为%2</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>缺少必需字段</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number from 0 to %1</source>
        <translation>0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>must be a single character, but it is &quot;%1&quot;</source>
        <translation>必须是单个字符，但实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not a valid regular expression: %1 (at character %2)</source>
        <translation>不是有效的正则表达式：%1（位于字符 %2）</translation>
    </message>
    <message>
        <source>must be {&quot;String&quot;: …} or {&quot;Regex&quot;: …}</source>
        <translation>必须是 {&quot;String&quot;: …} 或 {&quot;Regex&quot;: …}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of always, first, never</source>
        <translation>&quot;%1&quot; 不是 always、first、never 之一</translation>
    </message>
    <message>
        <source>the model type &quot;%1&quot; is not supported: QuantBench runs BPE tokenizers (GPT-2, Llama 2/3, Mistral, Qwen2); WordPiece, Unigram and WordLevel models are not supported</source>
        <translation>不支持模型类型 &quot;%1&quot;：QuantBench 运行的是 BPE 分词器（GPT-2、Llama 2/3、Mistral、Qwen2）；不支持 WordPiece、Unigram 和 WordLevel 模型</translation>
    </message>
    <message>
        <source>null or a number</source>
        <translation>null 或数字</translation>
    </message>
    <message>
        <source>BPE dropout %1 is not supported: evaluation needs the deterministic tokenization (null or 0)</source>
        <translation>不支持 BPE dropout %1：评估需要确定性的分词（null 或 0）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported: QuantBench runs BPE models without subword prefixes or word suffixes</source>
        <translation>不支持 &quot;%1&quot;：QuantBench 运行的是没有子词前缀或词后缀的 BPE 模型</translation>
    </message>
    <message>
        <source>an object mapping pieces to ids</source>
        <translation>将词片映射到 ID 的对象</translation>
    </message>
    <message>
        <source>id %1 is also the id of &quot;%2&quot;</source>
        <translation>ID %1 同时也是 &quot;%2&quot; 的 ID</translation>
    </message>
    <message>
        <source>the unknown-token piece &quot;%1&quot; is not in the vocabulary</source>
        <translation>未知 token 词片 &quot;%1&quot; 不在词表中</translation>
    </message>
    <message>
        <source>a merge must be two pieces separated by one space, but it is &quot;%1&quot;</source>
        <translation>合并规则必须是以一个空格分隔的两个词片，但实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;a b&quot; or a pair of strings</source>
        <translation>&quot;a b&quot; 或一对字符串</translation>
    </message>
    <message>
        <source>the piece &quot;%1&quot; is not in the vocabulary</source>
        <translation>词片 &quot;%1&quot; 不在词表中</translation>
    </message>
    <message>
        <source>the merged piece &quot;%1&quot; is not in the vocabulary (every merge must produce a piece of it)</source>
        <translation>合并后的词片 &quot;%1&quot; 不在词表中（每条合并规则都必须产生词表中的词片）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous</source>
        <translation>&quot;%1&quot; 不是 Removed、Isolated、MergedWithPrevious、MergedWithNext、Contiguous 之一</translation>
    </message>
    <message>
        <source>the template&apos;s special token &quot;%1&quot; is not listed</source>
        <translation>模板中的特殊 token &quot;%1&quot; 未列出</translation>
    </message>
    <message>
        <source>the special token &quot;%1&quot; has no id</source>
        <translation>特殊 token &quot;%1&quot; 没有 ID</translation>
    </message>
    <message>
        <source>byte-level BPE (tokenizer.json)</source>
        <translation>字节级 BPE（tokenizer.json）</translation>
    </message>
    <message>
        <source>BPE with byte fallback (tokenizer.json)</source>
        <translation>带字节回退的 BPE（tokenizer.json）</translation>
    </message>
    <message>
        <source>BPE (tokenizer.json)</source>
        <translation>BPE（tokenizer.json）</translation>
    </message>
    <message>
        <source>%1 is not an id of the tokenizer</source>
        <translation>%1 不是分词器的 ID</translation>
    </message>
    <message>
        <source>the normalizer type &quot;%1&quot; is not supported (supported: %2)</source>
        <translation>不支持规范化器类型 &quot;%1&quot;（支持：%2）</translation>
    </message>
    <message>
        <source>the pre-tokenizer type &quot;%1&quot; is not supported (supported: %2)</source>
        <translation>不支持预分词器类型 &quot;%1&quot;（支持：%2）</translation>
    </message>
    <message>
        <source>the decoder type &quot;%1&quot; is not supported (supported: %2)</source>
        <translation>不支持解码器类型 &quot;%1&quot;（支持：%2）</translation>
    </message>
</context>
<context>
    <name>JsonFile</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1：不是有效的 JSON（%2，位于字节 %3）</translation>
    </message>
    <message>
        <source>%1: the file must hold a JSON object</source>
        <translation>%1：文件必须包含一个 JSON 对象</translation>
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
        <translation>布尔值 true</translation>
    </message>
    <message>
        <source>the boolean false</source>
        <translation>布尔值 false</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation>字符串 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>LayerInventory</name>
    <message>
        <source>%1: tensor &quot;%2&quot;, which config.json implies, is missing from the checkpoint</source>
        <translation>%1：config.json 所要求的张量 &quot;%2&quot; 在检查点中缺失</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; has shape %3, but config.json implies [%4] (%5)</source>
        <translation>%1：张量 &quot;%2&quot; 的形状为 %3，但 config.json 推出的形状为 [%4]（%5）</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; has dtype %3; QuantBench reads checkpoints whose weights are F32, F16 or BF16</source>
        <translation>%1：张量 &quot;%2&quot; 的 dtype 为 %3；QuantBench 读取权重为 F32、F16 或 BF16 的检查点</translation>
    </message>
    <message>
        <source>%1: config.json declares num_hidden_layers = %2, but the checkpoint has no tensors for %3 of those blocks (the first missing is model.layers.%4)</source>
        <translation>%1：config.json 声明 num_hidden_layers = %2，但检查点中有 %3 个块没有张量（第一个缺失的是 model.layers.%4）</translation>
    </message>
    <message>
        <source>vocab_size × hidden_size</source>
        <translation>vocab_size × hidden_size</translation>
    </message>
    <message>
        <source>bias of %1</source>
        <translation>%1 的偏置</translation>
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
</context>
<context>
    <name>LayerQuantizer</name>
    <message>
        <source>%1: %2 needs the calibration statistics of the layer&apos;s inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not quantized layer by layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not quantized: %1 NaN and %2 infinite weight(s), the first at %3</source>
        <translation type="unfinished">未量化：%1 个 NaN 权重和 %2 个无穷大权重，第一个位于 %3</translation>
    </message>
</context>
<context>
    <name>LayerSequentialCapture</name>
    <message>
        <source>there is no calibration window to run</source>
        <translation>没有可运行的校准窗口</translation>
    </message>
    <message>
        <source>Calibrating block %1 of %2</source>
        <translation>正在校准第 %1 个块（共 %2 个）</translation>
    </message>
    <message numerus="yes">
        <source>Looking up the token embeddings of %n calibration window(s)</source>
        <translation>
            <numerusform>正在查找 %n 个校准窗口的 token 嵌入</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadedModel</name>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
</context>
<context>
    <name>ModelSpec</name>
    <message>
        <source>%1: field &quot;%2&quot; must be %3, but it is %4</source>
        <translation>%1：字段 &quot;%2&quot; 必须是%3，但实际为%4</translation>
    </message>
    <message>
        <source>%1: required field &quot;%2&quot; is missing</source>
        <translation>%1：缺少必需字段 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>a positive integer</source>
        <translation>正整数</translation>
    </message>
    <message>
        <source>a non-negative integer token id</source>
        <translation>非负整数 token ID</translation>
    </message>
    <message>
        <source>a token id or a list of token ids</source>
        <translation>一个 token ID 或 token ID 列表</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>正数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an object or null</source>
        <translation>对象或 null</translation>
    </message>
    <message>
        <source>%1: config.json is missing; a Hugging Face checkpoint folder needs it to describe the model</source>
        <translation>%1：缺少 config.json；Hugging Face 检查点文件夹需要它来描述模型</translation>
    </message>
    <message>
        <source>%1: required field &quot;model_type&quot; is missing</source>
        <translation>%1：缺少必需字段 &quot;model_type&quot;</translation>
    </message>
    <message>
        <source>%1: model_type &quot;%2&quot; is not supported (supported: %3)</source>
        <translation>%1：不支持 model_type &quot;%2&quot;（支持：%3）</translation>
    </message>
    <message>
        <source>%1: hidden_size %2 is not a multiple of num_attention_heads %3</source>
        <translation>%1：hidden_size %2 不是 num_attention_heads %3 的倍数</translation>
    </message>
    <message>
        <source>%1: num_attention_heads %2 is not a multiple of num_key_value_heads %3</source>
        <translation>%1：num_attention_heads %2 不是 num_key_value_heads %3 的倍数</translation>
    </message>
    <message>
        <source>%1: field &quot;rope_type&quot; is missing</source>
        <translation>%1：缺少字段 &quot;rope_type&quot;</translation>
    </message>
    <message>
        <source>%1 preset, seed %2</source>
        <translation>%1 预设，种子 %2</translation>
    </message>
    <message>
        <source>%1 preset</source>
        <translation>%1 预设</translation>
    </message>
</context>
<context>
    <name>PerplexityEvaluator</name>
    <message>
        <source>the context length must be at least 2 tokens, not %1</source>
        <translation>上下文长度必须至少为 2 个 token，而不是 %1</translation>
    </message>
    <message>
        <source>the stride (%1) must not exceed the context length (%2): tokens between windows would never be scored</source>
        <translation>步长（%1）不能超过上下文长度（%2）：否则窗口之间的 token 永远不会被计分</translation>
    </message>
    <message>
        <source>the tokenizer has %1 tokens but the model only %2: they do not belong together</source>
        <translation>分词器有 %1 个 token，而模型只有 %2 个：两者不匹配</translation>
    </message>
    <message numerus="yes">
        <source>Tokenizing %n document(s)</source>
        <translation>
            <numerusform>正在对 %n 个文档分词</numerusform>
        </translation>
    </message>
    <message>
        <source>the text has no token to score (every document is a single token)</source>
        <translation>文本中没有可计分的 token（每个文档都只有一个 token）</translation>
    </message>
    <message>
        <source>Evaluating: block %1 of %2</source>
        <translation>评估：第 %1 个块（共 %2 个）</translation>
    </message>
    <message>
        <source>Evaluating: scoring</source>
        <translation>评估：计分</translation>
    </message>
    <message>
        <source>Perplexity %1</source>
        <translation>困惑度 %1</translation>
    </message>
</context>
<context>
    <name>PlanWeightHooks</name>
    <message>
        <source>%1: %2 needs calibration data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuantPlan</name>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>RTN</source>
        <translation>RTN</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2</source>
        <translation>&quot;%1&quot; 不是有效的正则表达式：%2</translation>
    </message>
    <message>
        <source>%1.%2 must be %3, but it is %4</source>
        <translation>%1.%2 必须是%3，但实际为%4</translation>
    </message>
    <message>
        <source>a layer name or &quot;re:&quot; followed by a regular expression</source>
        <translation>层名称，或 &quot;re:&quot; 后接正则表达式</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 之一</translation>
    </message>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>a positive number of columns, -1 (per channel) or 0 (per tensor)</source>
        <translation>正的列数、-1（逐通道）或 0（逐张量）</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: %3)</source>
        <translation>%1：未知字段 &quot;%2&quot;（已知字段：%3）</translation>
    </message>
    <message>
        <source>%1: &quot;default&quot; must be an object, but it is %2</source>
        <translation>%1：&quot;default&quot; 必须是对象，但实际为%2</translation>
    </message>
    <message>
        <source>%1: &quot;overrides&quot; must be an array, but it is %2</source>
        <translation>%1：&quot;overrides&quot; 必须是数组，但实际为%2</translation>
    </message>
    <message>
        <source>%1 must be an object, but it is %2</source>
        <translation>%1 必须是对象，但实际为%2</translation>
    </message>
    <message>
        <source>%1 has no &quot;match&quot; naming the layers it applies to</source>
        <translation>%1 缺少指明其适用层的 &quot;match&quot;</translation>
    </message>
    <message>
        <source>%1: default: %2</source>
        <translation>%1：default：%2</translation>
    </message>
    <message>
        <source>overrides[%1]: the regular expression &quot;%2&quot; matches no layer of this model</source>
        <translation>overrides[%1]：正则表达式 &quot;%2&quot; 未匹配此模型的任何层</translation>
    </message>
    <message>
        <source>overrides[%1]: this model has no layer named &quot;%2&quot;</source>
        <translation>overrides[%1]：此模型没有名为 &quot;%2&quot; 的层</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n override(s))</source>
        <translation>
            <numerusform>%1（+%n 个覆盖项）</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmoothQuant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W8A8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number above 0 and at most 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, α = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, act-order, static groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, act-order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, clip search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, smoothed (α = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation type="unfinished">0 到 %1 之间的整数 {1 ?}</translation>
    </message>
    <message>
        <source>&quot;documents&quot; or &quot;random&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fraction from 0 up to (not including) 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: mode, samples, seqlen, seed, sample_rows, holdout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: default, overrides, calibration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;calibration&quot; must be an object, but it is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read the same input, so they must treat it alike: AWQ and smoothing fold one scale into the operation before them, and W8A8 rounds the input itself. Give them the same method (awq, smoothquant or w8a8) or smoothing with the same alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: smoothing scales the layer&apos;s input channels and folds the scales into the operation before it, but this layer has none to fold them into (its inputs are mixed by attention over shared key/value heads)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuantScheme</name>
    <message>
        <source>%1-bit symmetric</source>
        <translation>%1 位对称</translation>
    </message>
    <message>
        <source>%1-bit asymmetric</source>
        <translation>%1 位非对称</translation>
    </message>
    <message>
        <source>%1, per tensor</source>
        <translation>%1，逐张量</translation>
    </message>
    <message>
        <source>%1, per channel</source>
        <translation>%1，逐通道</translation>
    </message>
    <message>
        <source>%1, groups of %2</source>
        <translation>%1，每组 %2</translation>
    </message>
    <message>
        <source>bits must be between %1 and %2, not %3</source>
        <translation>位数必须在 %1 到 %2 之间，而不是 %3</translation>
    </message>
    <message>
        <source>the group size must be a positive number of columns, -1 (per channel) or 0 (per tensor), not %1</source>
        <translation>分组大小必须是正的列数、-1（逐通道）或 0（逐张量），而不是 %1</translation>
    </message>
</context>
<context>
    <name>QuantizationPipeline</name>
    <message>
        <source>%1: %2 needs calibration data, and none was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n calibration window(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RtnClipSearch</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1：%2</translation>
    </message>
    <message>
        <source>%1: the clip search needs the Gram matrix of the layer&apos;s inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input statistics %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTN: searching clipping ranges for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip search shrank %1 % of the groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetensorsFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot;: %3</source>
        <translation>%1：张量 &quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message numerus="yes">
        <source>the file is %n byte(s) long, too short to hold the 8-byte header length</source>
        <translation>
            <numerusform>文件长度为 %n 字节，不足以容纳 8 字节的头部长度</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot map the file into memory: %1</source>
        <translation>无法将文件映射到内存：%1</translation>
    </message>
    <message>
        <source>the header length %1 runs past the end of the file (%2 bytes after the 8-byte length field)</source>
        <translation>头部长度 %1 超出了文件末尾（8 字节长度字段之后只有 %2 字节）</translation>
    </message>
    <message>
        <source>the header length %1 is larger than the limit of %2 bytes</source>
        <translation>头部长度 %1 超过了 %2 字节的上限</translation>
    </message>
    <message>
        <source>the header is not valid JSON (%1 at byte %2 of the header)</source>
        <translation>头部不是有效的 JSON（%1，位于头部的字节 %2）</translation>
    </message>
    <message>
        <source>the header is JSON but not an object</source>
        <translation>头部是 JSON，但不是对象</translation>
    </message>
    <message>
        <source>__metadata__ must be an object of strings</source>
        <translation>__metadata__ 必须是由字符串组成的对象</translation>
    </message>
    <message>
        <source>__metadata__ entry &quot;%1&quot; must be a string</source>
        <translation>__metadata__ 条目 &quot;%1&quot; 必须是字符串</translation>
    </message>
    <message>
        <source>the header entry is %1, not an object</source>
        <translation>头部条目是%1，而不是对象</translation>
    </message>
    <message>
        <source>&quot;dtype&quot; must be a string, but it is %1</source>
        <translation>&quot;dtype&quot; 必须是字符串，但实际为%1</translation>
    </message>
    <message>
        <source>unknown dtype &quot;%1&quot; (known: %2)</source>
        <translation>未知 dtype &quot;%1&quot;（已知：%2）</translation>
    </message>
    <message>
        <source>&quot;shape&quot; must be an array of non-negative integers, but it is %1</source>
        <translation>&quot;shape&quot; 必须是非负整数数组，但实际为%1</translation>
    </message>
    <message>
        <source>&quot;shape&quot; must hold non-negative integers, but one entry is %1</source>
        <translation>&quot;shape&quot; 必须只包含非负整数，但其中一个条目为%1</translation>
    </message>
    <message>
        <source>&quot;data_offsets&quot; must be two non-negative integers [begin, end]</source>
        <translation>&quot;data_offsets&quot; 必须是两个非负整数 [begin, end]</translation>
    </message>
    <message>
        <source>data_offsets [%1, %2] are reversed: the end comes before the beginning</source>
        <translation>data_offsets [%1, %2] 顺序颠倒：结束位置在起始位置之前</translation>
    </message>
    <message>
        <source>data_offsets [%1, %2] run past the end of the data section (%3 bytes; file size %4)</source>
        <translation>data_offsets [%1, %2] 超出了数据区末尾（数据区 %3 字节；文件大小 %4）</translation>
    </message>
    <message>
        <source>shape %1 of %2 needs %3 bytes, but data_offsets [%4, %5] hold %6</source>
        <translation>dtype 为 %2、形状为 %1 的张量需要 %3 字节，但 data_offsets [%4, %5] 包含 %6 字节</translation>
    </message>
    <message>
        <source>data_offsets [%1, %2] overlap tensor &quot;%3&quot; [%4, %5]</source>
        <translation>data_offsets [%1, %2] 与张量 &quot;%3&quot; [%4, %5] 重叠</translation>
    </message>
    <message>
        <source>a gap of %1 bytes lies between tensor &quot;%2&quot; (ending at %3) and this tensor (starting at %4)</source>
        <translation>张量 &quot;%2&quot;（结束于 %3）与此张量（起始于 %4）之间有 %1 字节的空隙</translation>
    </message>
    <message>
        <source>a gap of %1 bytes lies before this first tensor: the data section must start with a tensor</source>
        <translation>第一个张量之前有 %1 字节的空隙：数据区必须以张量开头</translation>
    </message>
    <message>
        <source>%1 bytes after the last tensor &quot;%2&quot; belong to no tensor</source>
        <translation>最后一个张量 &quot;%2&quot; 之后的 %1 字节不属于任何张量</translation>
    </message>
    <message>
        <source>the header lists no tensors, but %1 bytes of data follow it</source>
        <translation>头部未列出任何张量，但其后还有 %1 字节的数据</translation>
    </message>
    <message>
        <source>dtype %1 cannot be read as floating point (QuantBench reads F32, F16, BF16 and F64)</source>
        <translation>dtype %1 无法读取为浮点数（QuantBench 支持读取 F32、F16、BF16 和 F64）</translation>
    </message>
</context>
<context>
    <name>SafetensorsWriter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>the file has the wrong size after writing</source>
        <translation>写入后文件大小不正确</translation>
    </message>
</context>
<context>
    <name>SentencePieceTokenizer</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1：文件为空</translation>
    </message>
    <message>
        <source>%1: not a sentencepiece model: %2</source>
        <translation>%1：不是 sentencepiece 模型：%2</translation>
    </message>
    <message>
        <source>%1: the sentencepiece model has no pieces</source>
        <translation>%1：sentencepiece 模型中没有任何词片</translation>
    </message>
    <message>
        <source>sentencepiece could not encode the text: %1</source>
        <translation>sentencepiece 无法编码文本：%1</translation>
    </message>
    <message>
        <source>sentencepiece could not decode the ids: %1</source>
        <translation>sentencepiece 无法解码 ID：%1</translation>
    </message>
    <message>
        <source>sentencepiece (tokenizer.model)</source>
        <translation>sentencepiece（tokenizer.model）</translation>
    </message>
</context>
<context>
    <name>SmoothQuant</name>
    <message>
        <source>%1: the weight at [%2, %3] is not finite; W8A8 and SmoothQuant need finite weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 read the same input but have %3 and %4 input features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SmoothQuant α must be between 0 and 1, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inputs have %1 channels but the weights %2 input features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the smoothing scale of input channel %1 is not finite (max |x| = %2, max |w| = %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: smoothing needs the maximum |x| of the layer&apos;s inputs from calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the calibration statistics have %2 input channels, the layer %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1：%2</translation>
    </message>
    <message>
        <source>α = %1, smoothing scales %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StagingDirectory</name>
    <message>
        <source>%1: refusing to write here, it would replace the input %2</source>
        <translation>%1：拒绝写入此处，否则会替换输入 %2</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1：已存在且不是文件夹</translation>
    </message>
    <message>
        <source>%1: the folder already exists (use --force to replace it)</source>
        <translation>%1：文件夹已存在（使用 --force 替换）</translation>
    </message>
    <message>
        <source>%1: cannot create the parent folder</source>
        <translation>%1：无法创建父文件夹</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder beside it: %2</source>
        <translation>%1：无法在其旁边创建临时文件夹：%2</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder beside it</source>
        <translation>%1：无法在其旁边创建临时文件夹</translation>
    </message>
    <message>
        <source>%1: not enough free space: the output needs %2, the disk has %3</source>
        <translation>%1：可用空间不足：输出需要 %2，磁盘剩余 %3</translation>
    </message>
    <message>
        <source>%1: cannot move the existing folder aside</source>
        <translation>%1：无法将现有文件夹移开</translation>
    </message>
    <message>
        <source>%1: cannot rename the finished output into place</source>
        <translation>%1：无法将完成的输出重命名到目标位置</translation>
    </message>
    <message>
        <source>%1: refusing to write inside the input folder %2; choose a folder outside it</source>
        <translation>%1：拒绝在输入文件夹 %2 内写入；请选择该文件夹之外的位置</translation>
    </message>
</context>
<context>
    <name>SyntheticModel</name>
    <message>
        <source>the demo model&apos;s shapes with 2 blocks, for fast tests</source>
        <translation>演示模型的形状，2 个块，用于快速测试</translation>
    </message>
    <message>
        <source>Llama 3.2 1B: 16 blocks, 1.24 billion parameters</source>
        <translation>Llama 3.2 1B：16 个块，12.4 亿个参数</translation>
    </message>
    <message>
        <source>one decoder block of Llama 2 7B with its embeddings and lm_head</source>
        <translation>Llama 2 7B 的一个解码器块，含其嵌入和 lm_head</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>unknown synthetic model preset &quot;%1&quot; (presets: %2)</source>
        <translation>未知的合成模型预设 &quot;%1&quot;（可用预设：%2）</translation>
    </message>
    <message>
        <source>the number of outlier channels must be from 0 to %1 (the hidden size of preset %2), not %3</source>
        <translation>离群通道数必须在 0 到 %1（预设 %2 的隐藏层维度）之间，而不是 %3</translation>
    </message>
    <message>
        <source>the outlier scale must be a positive number, not %1</source>
        <translation>离群缩放系数必须是正数，而不是 %1</translation>
    </message>
    <message>
        <source>a synthetic checkpoint is written in BF16 or F32, not %1</source>
        <translation>合成检查点以 BF16 或 F32 写入，而不是 %1</translation>
    </message>
    <message>
        <source>the seed must be from 0 to %1, not %2</source>
        <translation>种子必须在 0 到 %1 之间，而不是 %2</translation>
    </message>
    <message>
        <source>%1: the tokenizer file to copy is missing</source>
        <translation>%1：缺少要复制的分词器文件</translation>
    </message>
    <message>
        <source>Generating %1</source>
        <translation>正在生成 %1</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>TextDocuments</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
    <message>
        <source>%1: not a text file (it holds NUL bytes)</source>
        <translation>%1：不是文本文件（包含 NUL 字节）</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1：不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>%1: the file holds no text</source>
        <translation>%1：文件中没有文本</translation>
    </message>
</context>
<context>
    <name>Tokenizer</name>
    <message>
        <source>%1: neither tokenizer.json nor tokenizer.model is in this folder; evaluation and calibration need the model&apos;s tokenizer</source>
        <translation>%1：此文件夹中既没有 tokenizer.json，也没有 tokenizer.model；评估和校准需要模型的分词器</translation>
    </message>
    <message>
        <source>%1: %2 &quot;%3&quot; is not a token of the tokenizer</source>
        <translation>%1：%2 &quot;%3&quot; 不是分词器中的 token</translation>
    </message>
    <message>
        <source>%1: field &quot;add_bos_token&quot; must be true or false, but it is %2</source>
        <translation>%1：字段 &quot;add_bos_token&quot; 必须是 true 或 false，但实际为%2</translation>
    </message>
    <message>
        <source>%1: bos_token_id %2 is not an id of the tokenizer (it has %3 tokens)</source>
        <translation>%1：bos_token_id %2 不是分词器的 ID（分词器共有 %3 个 token）</translation>
    </message>
    <message>
        <source>%1: eos_token_id %2 is not an id of the tokenizer (it has %3 tokens)</source>
        <translation>%1：eos_token_id %2 不是分词器的 ID（分词器共有 %3 个 token）</translation>
    </message>
</context>
<context>
    <name>TransformerRunner</name>
    <message>
        <source>%1: head_dim %2 is odd; rotary embeddings need an even head size</source>
        <translation>%1：head_dim %2 为奇数；旋转位置编码需要偶数的头维度</translation>
    </message>
    <message>
        <source>%1: rope_scaling type &quot;%2&quot; is not supported (supported: llama3, linear, default)</source>
        <translation>%1：不支持 rope_scaling 类型 &quot;%2&quot;（支持：llama3、linear、default）</translation>
    </message>
    <message>
        <source>token id %1 is outside the model&apos;s vocabulary (0 to %2)</source>
        <translation>token ID %1 超出了模型的词表范围（0 到 %2）</translation>
    </message>
</context>
<context>
    <name>WeightHistogramBuilder</name>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>模型中没有名为 &quot;%1&quot; 的线性层</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
</context>
<context>
    <name>WeightQuantization</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not quantized: %1 NaN and %2 infinite weight(s), the first at %3</source>
        <translation>未量化：%1 个 NaN 权重和 %2 个无穷大权重，第一个位于 %3</translation>
    </message>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>模型中没有名为 &quot;%1&quot; 的线性层</translation>
    </message>
    <message>
        <source>Quantizing %1</source>
        <translation>正在量化 %1</translation>
    </message>
    <message numerus="yes">
        <source>Quantized %n layer(s)</source>
        <translation>
            <numerusform>已量化 %n 个层</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightScan</name>
    <message>
        <source>Checking %1 for NaN and Inf</source>
        <translation>正在检查 %1 中的 NaN 和 Inf</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; holds %2 NaN and %3 infinite value(s) among %4 (the first at %5); a layer with such weights is kept unquantized</source>
        <translation>张量 &quot;%1&quot; 的 %4 个值中有 %2 个 NaN 和 %3 个无穷大值（第一个位于 %5）；含有此类权重的层保持未量化</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>QuantBench: a workbench for quantizing large language models.</source>
        <translation>QuantBench：用于量化大语言模型的工作台。</translation>
    </message>
    <message>
        <source>Model folder to open (default: the bundled demo model).</source>
        <translation>要打开的模型文件夹（默认：内置的演示模型）。</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the model is open, then quit.</source>
        <translation>模型打开后将窗口截图保存到 FILE，然后退出。</translation>
    </message>
    <message>
        <source>Select LAYER after opening (with --screenshot).</source>
        <translation>打开后选中 LAYER（配合 --screenshot）。</translation>
    </message>
    <message>
        <source>Quantize all layers after opening (with --screenshot).</source>
        <translation>打开后量化所有层（配合 --screenshot）。</translation>
    </message>
    <message>
        <source>Evaluate the perplexity after opening (with --screenshot).</source>
        <translation>打开后评估困惑度（配合 --screenshot）。</translation>
    </message>
    <message>
        <source>QuantBench</source>
        <translation type="unfinished">QuantBench</translation>
    </message>
</context>
<context>
    <name>qb::EvaluationPanel</name>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>A UTF-8 text file</source>
        <translation>UTF-8 文本文件</translation>
    </message>
    <message>
        <source>Documents are split at &lt;|endoftext|&gt;, otherwise one per non-empty line</source>
        <translation>文档在 &lt;|endoftext|&gt; 处分割，否则每个非空行为一个文档</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>Tokens per window</source>
        <translation>每个窗口的 token 数</translation>
    </message>
    <message>
        <source>no overlap</source>
        <translation>不重叠</translation>
    </message>
    <message>
        <source>Tokens between window starts; smaller than the context gives every prediction more context</source>
        <translation>相邻窗口起点之间的 token 数；小于上下文长度时，每次预测都能获得更多上下文</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>NLL/token</source>
        <translation>NLL/token</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <source>KL (nats)</source>
        <translation>KL (nats)</translation>
    </message>
    <message>
        <source>Mean KL divergence of the quantized model&apos;s next-token distribution from the stored model&apos;s</source>
        <translation>量化模型的下一个 token 分布相对于存储模型的平均 KL 散度</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>model default (%1)</source>
        <translation>模型默认值（%1）</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>评估文本</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>存储原样</translation>
    </message>
    <message>
        <source>Quantized: %1</source>
        <translation>已量化：%1</translation>
    </message>
    <message>
        <source>The plan changed since this evaluation</source>
        <translation>此评估之后计划已更改</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 个文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) of up to %1 tokens, stride %2</source>
        <translation>
            <numerusform>%n 个窗口，每个最多 %1 个 token，步长 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens scored</source>
        <translation>已计分 %1 个 token</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 token/秒</translation>
    </message>
</context>
<context>
    <name>qb::HistogramView</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Whole layer</source>
        <translation>整个层</translation>
    </message>
    <message>
        <source>Chosen row</source>
        <translation>所选行</translation>
    </message>
    <message>
        <source>Chosen group</source>
        <translation>所选分组</translation>
    </message>
    <message>
        <source>Which weights the histogram counts</source>
        <translation>直方图统计哪些权重</translation>
    </message>
    <message>
        <source>Output row whose quantization grid is drawn</source>
        <translation>绘制其量化网格的输出行</translation>
    </message>
    <message>
        <source>Group (run of input columns) of that row whose grid is drawn</source>
        <translation>该行中绘制其网格的分组（一段连续的输入列）</translation>
    </message>
    <message>
        <source>Number of histogram bins</source>
        <translation>直方图的分箱数</translation>
    </message>
    <message>
        <source>Logarithmic count axis: shows the sparse tails where outliers live</source>
        <translation>对数计数轴：显示离群值所在的稀疏尾部</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Show the whole histogram again (also: double-click the plot)</source>
        <translation>重新显示整个直方图（也可双击图表）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Bins:</source>
        <translation>分箱：</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <source>Weights per bin</source>
        <translation>每个分箱的权重数</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Select a layer to see its weights.</source>
        <translation>选择一个层以查看其权重。</translation>
    </message>
    <message>
        <source>%1 weights in [%2, %3]</source>
        <translation>[%2, %3] 中的 %1 个权重</translation>
    </message>
    <message numerus="yes">
        <source>%n NaN/Inf not counted</source>
        <translation>
            <numerusform>%n 个 NaN/Inf 未计入</numerusform>
        </translation>
    </message>
    <message>
        <source>kept in full precision: no grid</source>
        <translation>保持全精度：无网格</translation>
    </message>
    <message>
        <source>%1; grid of row %2, group %3 (columns %4–%5): scale %6, zero point %7</source>
        <translation>%1；第 %2 行第 %3 组（列 %4–%5）的网格：缩放因子 %6，零点 %7</translation>
    </message>
    <message>
        <source>clipped: %1 % (%2 weights)</source>
        <translation>截断：%1 %（%2 个权重）</translation>
    </message>
    <message>
        <source>Grid level: code %1 = %2</source>
        <translation>网格级别：编码 %1 = %2</translation>
    </message>
    <message>
        <source>[%1, %2): %3 weights</source>
        <translation>[%1, %2)：%3 个权重</translation>
    </message>
</context>
<context>
    <name>qb::IssuesModel</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>qb::IssuesPanel</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::JobRunner</name>
    <message>
        <source>not enough memory for this operation</source>
        <translation>内存不足，无法执行此操作</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <source>internal error: an unknown exception</source>
        <translation>内部错误：未知异常</translation>
    </message>
</context>
<context>
    <name>qb::LayerTableModel</name>
    <message>
        <source>per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>逐张量</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>设置 %2 的%1</translation>
    </message>
    <message numerus="yes">
        <source>Set %1 of %n layer(s)</source>
        <translation>
            <numerusform>设置 %n 个层的%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the default settings</source>
        <translation>更改默认设置</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>DType</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Weight MSE</source>
        <translation>权重 MSE</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>[output features, input features] of the weight matrix</source>
        <translation>权重矩阵的 [输出特征数, 输入特征数]</translation>
    </message>
    <message>
        <source>Input columns sharing one scale and zero point; per channel = one per output row</source>
        <translation>共享同一缩放因子和零点的输入列数；逐通道 = 每个输出行一组</translation>
    </message>
    <message>
        <source>Symmetric grids fix the zero point at the middle code; asymmetric grids fit it to each group&apos;s minimum and maximum</source>
        <translation>对称网格将零点固定在中间编码；非对称网格根据每组的最小值和最大值拟合零点</translation>
    </message>
    <message>
        <source>Mean squared difference between the original and the quantized weights</source>
        <translation>原始权重与量化权重之间的均方差</translation>
    </message>
    <message>
        <source>‖W − Ŵ‖ / ‖W‖ (Frobenius norms)</source>
        <translation>‖W − Ŵ‖ / ‖W‖（Frobenius 范数）</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of the weights, in decibels</source>
        <translation>权重的信号与量化噪声比，单位为分贝</translation>
    </message>
    <message>
        <source>sym</source>
        <translation>对称</translation>
    </message>
    <message>
        <source>asym</source>
        <translation>非对称</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>已量化</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Shares its input with: %1</source>
        <translation>与以下层共享输入：%1</translation>
    </message>
    <message>
        <source>Kept in full precision</source>
        <translation>保持全精度</translation>
    </message>
    <message>
        <source>Not quantized yet</source>
        <translation>尚未量化</translation>
    </message>
    <message>
        <source>%1
MSE %2
relative error %3
SQNR %4 dB
max |error| %5%6</source>
        <translation>%1
MSE %2
相对误差 %3
SQNR %4 dB
最大 |误差| %5%6</translation>
    </message>
    <message>
        <source>The settings changed since this result</source>
        <translation>此结果产生后设置已更改</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>非对称</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>对称</translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
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
        <translation>打开一个模型文件夹以开始。</translation>
    </message>
    <message>
        <source>&amp;Open Model Folder…</source>
        <translation>打开模型文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a Hugging Face checkpoint folder (config.json and safetensors)</source>
        <translation>打开 Hugging Face 检查点文件夹（config.json 和 safetensors）</translation>
    </message>
    <message>
        <source>Open &amp;Demo Model</source>
        <translation>打开演示模型(&amp;D)</translation>
    </message>
    <message>
        <source>Open the bundled stories260K model</source>
        <translation>打开内置的 stories260K 模型</translation>
    </message>
    <message>
        <source>&amp;Export Fake-Quant Checkpoint…</source>
        <translation>导出伪量化检查点(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the model with every quantized weight replaced by its dequantized value, loadable by any evaluator</source>
        <translation>写出模型，其中每个量化权重都替换为其反量化值，可被任何评估工具加载</translation>
    </message>
    <message>
        <source>&amp;Save Plan…</source>
        <translation>保存计划(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the per-layer plan as a recipe (JSON)</source>
        <translation>将逐层计划保存为配方（JSON）</translation>
    </message>
    <message>
        <source>&amp;Load Plan…</source>
        <translation>加载计划(&amp;L)…</translation>
    </message>
    <message>
        <source>Load a recipe (JSON) as the plan of this model</source>
        <translation>加载配方（JSON）作为此模型的计划</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Quantize &amp;Selected Layers</source>
        <translation>量化所选层(&amp;S)</translation>
    </message>
    <message>
        <source>Quantize the selected layers as the plan says and measure their weight error</source>
        <translation>按计划量化所选层并测量其权重误差</translation>
    </message>
    <message>
        <source>Quantize &amp;All Layers</source>
        <translation>量化所有层(&amp;A)</translation>
    </message>
    <message>
        <source>Quantize every layer as the plan says and measure its weight error</source>
        <translation>按计划量化每个层并测量其权重误差</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the running operation</source>
        <translation>停止正在运行的操作</translation>
    </message>
    <message>
        <source>&amp;About QuantBench</source>
        <translation>关于 QuantBench(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Filter layers (regular expression, e.g. mlp|layers\.0\.)</source>
        <translation>筛选层（正则表达式，例如 mlp|layers\.0\.）</translation>
    </message>
    <message>
        <source>Weight histogram</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <source>The demo model is not installed: expected it in %1</source>
        <translation>演示模型未安装：应位于 %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 blocks · hidden %4 · %5 linear layers, %6 parameters in %7 · %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 个块 · 隐藏层维度 %4 · %5 个线性层，%6 个 %7 参数 · %8</translation>
    </message>
    <message>
        <source>%1 — QuantBench</source>
        <translation>%1 — QuantBench</translation>
    </message>
    <message>
        <source>Checking weights</source>
        <translation>检查权重</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Select a layer to see its weights.</source>
        <translation>选择一个层以查看其权重。</translation>
    </message>
    <message>
        <source>Histogram of %1</source>
        <translation>%1 的直方图</translation>
    </message>
    <message>
        <source>Select the layers to quantize first.</source>
        <translation>请先选择要量化的层。</translation>
    </message>
    <message numerus="yes">
        <source>Quantizing %n layer(s)</source>
        <translation>
            <numerusform>量化 %n 个层</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Fake-Quant Checkpoint to Folder</source>
        <translation>将伪量化检查点导出到文件夹</translation>
    </message>
    <message>
        <source>Replace Folder?</source>
        <translation>替换文件夹？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the exported checkpoint? Its current contents are deleted once the export has completed.</source>
        <translation>%1 已存在。要用导出的检查点替换它吗？导出完成后，其当前内容将被删除。</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>导出到 %1</translation>
    </message>
    <message>
        <source>Exported a fake-quant checkpoint to %1</source>
        <translation>已将伪量化检查点导出到 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>配方 (*.json)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>Saved the plan to %1</source>
        <translation>已将计划保存到 %1</translation>
    </message>
    <message>
        <source>Load Plan</source>
        <translation>加载计划</translation>
    </message>
    <message>
        <source>%1 does not fit this model:
%2</source>
        <translation>%1 与此模型不匹配：
%2</translation>
    </message>
    <message>
        <source>Load plan %1</source>
        <translation>加载计划 %1</translation>
    </message>
    <message>
        <source>Loaded the plan %1</source>
        <translation>已加载计划 %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>剩余约 %1</translation>
    </message>
    <message>
        <source>%1: done in %2.</source>
        <translation>%1：完成，用时 %2。</translation>
    </message>
    <message>
        <source>%1: cancelled; nothing was changed.</source>
        <translation>%1：已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1：失败：%2</translation>
    </message>
    <message>
        <source>About QuantBench</source>
        <translation>关于 QuantBench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantBench %1&lt;/h3&gt;&lt;p&gt;A workbench for quantizing large language models: see, layer by layer, what rounding does to a model, choose per layer, and ship the result.&lt;/p&gt;&lt;p&gt;The bundled demo model is stories260K by Andrej Karpathy (MIT licence).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QuantBench %1&lt;/h3&gt;&lt;p&gt;一款用于量化大语言模型的工作台：逐层查看舍入对模型的影响，逐层做出选择，并交付结果。&lt;/p&gt;&lt;p&gt;内置的演示模型是 Andrej Karpathy 的 stories260K（MIT 许可证）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Demo Model</source>
        <translation>演示模型</translation>
    </message>
    <message>
        <source>Quantize Selected</source>
        <translation>量化所选</translation>
    </message>
    <message>
        <source>Quantize All</source>
        <translation>全部量化</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Evaluate Perplexity</source>
        <translation>评估困惑度(&amp;E)</translation>
    </message>
    <message>
        <source>Measure the perplexity of the model as stored and as the plan quantizes it, and the KL divergence between them</source>
        <translation>测量模型按存储原样和按计划量化后的困惑度，以及两者之间的 KL 散度</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Choose a text file to evaluate on first.</source>
        <translation>请先选择用于评估的文本文件。</translation>
    </message>
    <message>
        <source>Evaluating on %1</source>
        <translation>在 %1 上评估</translation>
    </message>
    <message>
        <source>synthetic: %1, random weights</source>
        <translation>合成模型：%1，随机权重</translation>
    </message>
</context>
<context>
    <name>qb::PlanDefaultsBar</name>
    <message>
        <source> bits</source>
        <translation> 位</translation>
    </message>
    <message>
        <source>Settings of every layer that has no setting of its own</source>
        <translation>所有未单独设置的层所使用的设置</translation>
    </message>
    <message>
        <source>Defaults:</source>
        <translation>默认值：</translation>
    </message>
    <message>
        <source>group</source>
        <translation>分组</translation>
    </message>
</context>
</TS>
