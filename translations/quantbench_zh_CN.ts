<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationRoundingText</name>
    <message>
        <source>int8 per token</source>
        <translation>每 token int8</translation>
    </message>
    <message>
        <source>FP8 E4M3 per token</source>
        <translation>每 token FP8 E4M3</translation>
    </message>
</context>
<context>
    <name>AutoBits</name>
    <message>
        <source>no bit-width is allowed</source>
        <translation>没有允许的位宽</translation>
    </message>
    <message>
        <source>the scan did not measure %1 bits (it measured %2)</source>
        <translation>扫描没有测量 %1 位（它测量的是 %2）</translation>
    </message>
    <message>
        <source>the target must be a positive number of bits per weight</source>
        <translation>目标必须是正的每权重位数</translation>
    </message>
    <message>
        <source>the scan has no result for %1 at %2 bits: it was cancelled before measuring it</source>
        <translation>扫描中没有 %1 在 %2 位下的结果：扫描在测量它之前已被取消</translation>
    </message>
    <message>
        <source>the target of %1 bits per weight cannot be met: the smallest average the allowed widths give is %2 bits per weight (every layer at %3 bits, scales and zero points included)</source>
        <translation>无法达到每权重 %1 位的目标：允许的位宽所能达到的最小平均值为每权重 %2 位（所有层均为 %3 位，含缩放因子和零点）</translation>
    </message>
    <message>
        <source>not applied: the scan did not measure the whole model at every allowed width (made by an older version, or cancelled); run a new scan</source>
        <translation>未应用：扫描未在每个允许的位宽下测量整个模型（由旧版本生成或已取消）；请重新扫描</translation>
    </message>
</context>
<context>
    <name>AwqCheckpoint</name>
    <message>
        <source>%1: quant_method must be &quot;awq&quot;, not %2</source>
        <translation>%1：quant_method 必须是 &quot;awq&quot;，而不是 %2</translation>
    </message>
    <message>
        <source>%1: version must be &quot;gemm&quot; (the layout QuantBench reads), not %2</source>
        <translation>%1：version 必须是 &quot;gemm&quot;（QuantBench 读取的布局），而不是 %2</translation>
    </message>
    <message>
        <source>%1: bits is missing</source>
        <translation>%1：缺少 bits</translation>
    </message>
    <message>
        <source>%1: %2 must be 4 (AWQ GEMM packs 4-bit codes only), not %3</source>
        <translation>%1：%2 必须是 4（AWQ GEMM 只打包 4 位代码），而不是 %3</translation>
    </message>
    <message>
        <source>%1: group_size is missing</source>
        <translation>%1：缺少 group_size</translation>
    </message>
    <message>
        <source>%1: %2 must be -1 or a positive integer, not %3</source>
        <translation>%1：%2 必须是 -1 或正整数，而不是 %3</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1：%2 必须是 true 或 false，而不是 %3</translation>
    </message>
    <message>
        <source>%1: modules_to_not_convert must hold module names, not %2</source>
        <translation>%1：modules_to_not_convert 必须包含模块名称，而不是 %2</translation>
    </message>
    <message>
        <source>%1: modules_to_not_convert must be a list of module names, not %2</source>
        <translation>%1：modules_to_not_convert 必须是模块名称列表，而不是 %2</translation>
    </message>
    <message>
        <source>%1: %2 is stored unquantized, but modules_to_not_convert does not name it, so AWQ loaders expect %3</source>
        <translation>%1：%2 以未量化形式存储，但 modules_to_not_convert 中没有列出它，因此 AWQ 加载器期望存在 %3</translation>
    </message>
    <message>
        <source>%1: %2 is stored quantized, but the quantization config leaves it unquantized (modules_to_not_convert, or lm_head)</source>
        <translation>%1：%2 以量化形式存储，但量化配置规定它不量化（modules_to_not_convert 或 lm_head）</translation>
    </message>
    <message>
        <source>%1: tensor %2 is empty (%3)</source>
        <translation>%1：张量 %2 为空（%3）</translation>
    </message>
    <message>
        <source>%1: %2 (%3): the group size does not divide the inputs</source>
        <translation>%1：%2（%3）：分组大小不能整除输入数</translation>
    </message>
</context>
<context>
    <name>AwqExporter</name>
    <message>
        <source>per-channel (group_size -1)</source>
        <translation>逐通道（group_size -1）</translation>
    </message>
    <message>
        <source>groups of %1</source>
        <translation>每组 %1</translation>
    </message>
    <message>
        <source>%1 is quantized, but AWQ loaders keep lm_head in full precision (transformers never converts it): keep it unquantized (method none) or choose --format gptq</source>
        <translation>%1 已量化，但 AWQ 加载器会将 lm_head 保持为全精度（transformers 从不转换它）：请保持其未量化（method none），或选择 --format gptq</translation>
    </message>
    <message>
        <source>%1: %2-bit codes; AWQ GEMM holds 4-bit codes only: quantize it to 4 bits, keep it unquantized, or choose --format gptq</source>
        <translation>%1：%2 位代码；AWQ GEMM 只能容纳 4 位代码：请将其量化为 4 位、保持未量化，或选择 --format gptq</translation>
    </message>
    <message>
        <source>%1 has GPTQ act-order groups, which AWQ GEMM cannot store (it has no group index, g_idx): turn act-order off or use static groups, or choose --format gptq</source>
        <translation>%1 使用 GPTQ act-order 分组，而 AWQ GEMM 无法存储这种分组（它没有分组索引 g_idx）：请关闭 act-order 或使用静态分组，或选择 --format gptq</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: AWQ GEMM packs 8 outputs per 32-bit word, so the number of outputs must be a multiple of 8; keep it unquantized or choose --format gptq</source>
        <translation>%1 [%2, %3]：AWQ GEMM 在每个 32 位字中打包 8 个输出，因此输出数必须是 8 的倍数；请保持其未量化，或选择 --format gptq</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: AWQ GEMM needs the group size to divide the %3 inputs, and %4 does not; choose a group size that does, or per-channel (-1)</source>
        <translation>%1 [%2, %3]：AWQ GEMM 要求分组大小能整除 %3 个输入，而 %4 不能；请选择能整除的分组大小，或逐通道（-1）</translation>
    </message>
    <message>
        <source>%1: %2, but the other layers use %3; an AWQ checkpoint has one group_size for all layers: give them one group size, or choose --format gptq</source>
        <translation>%1：%2，但其他层使用%3；AWQ 检查点的所有层共用一个 group_size：请为它们指定同一分组大小，或选择 --format gptq</translation>
    </message>
    <message>
        <source>%1: zero point %2 is not a 4-bit code</source>
        <translation>%1：零点 %2 不是 4 位代码</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in float16, the type AWQ stores scales in</source>
        <translation>%1：缩放因子 %2 超出 float16 的范围，而 AWQ 以 float16 存储缩放因子</translation>
    </message>
    <message>
        <source>%1: a code does not fit in 4 bits</source>
        <translation>%1：有代码超出 4 位</translation>
    </message>
    <message>
        <source>%1: the run kept no integer codes for this layer</source>
        <translation>%1：本次运行没有为该层保留整数代码</translation>
    </message>
    <message>
        <source>nothing is quantized: an AWQ checkpoint needs at least one quantized layer</source>
        <translation>没有任何层被量化：AWQ 检查点至少需要一个量化层</translation>
    </message>
    <message>
        <source>internal error: modules_to_not_convert entry %1 would leave the quantized layer %2 unquantized</source>
        <translation>内部错误：modules_to_not_convert 条目 %1 会使已量化的层 %2 保持未量化</translation>
    </message>
    <message>
        <source>vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer each, and only some of them are quantized in %1</source>
        <translation>vLLM 会拒绝此检查点：它把 q/k/v 和 gate/up 各自融合成一层，而在 %1 中只有其中一部分被量化</translation>
    </message>
    <message>
        <source>group_size -1 (per channel): vLLM serves it only with its Marlin AWQ kernels (GPUs of compute capability 8.0 or newer); its plain AWQ kernels need a positive group size</source>
        <translation>group_size -1（逐通道）：vLLM 只能用其 Marlin AWQ 内核运行它（计算能力 8.0 或更高的 GPU）；其普通 AWQ 内核需要正的分组大小</translation>
    </message>
</context>
<context>
    <name>AwqQuantizer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>AWQ&apos;s scale search was given no layers</source>
        <translation>未向 AWQ 的缩放因子搜索提供任何层</translation>
    </message>
    <message>
        <source>%1: no weights to quantize</source>
        <translation>%1：没有要量化的权重</translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input statistics %3</source>
        <translation>%1：该层有 %2 个输入通道，而其输入统计量有 %3 个</translation>
    </message>
    <message>
        <source>AWQ: searching input scales for %1</source>
        <translation>AWQ：正在为 %1 搜索输入缩放因子</translation>
    </message>
    <message>
        <source>%1: AWQ&apos;s scale search found no ratio with a finite loss</source>
        <translation>%1：AWQ 的缩放因子搜索未找到损失有限的比例</translation>
    </message>
    <message>
        <source>AWQ was given no layers to quantize</source>
        <translation>未向 AWQ 提供任何要量化的层</translation>
    </message>
    <message>
        <source>%1: AWQ needs the mean |x| of the layer&apos;s inputs</source>
        <translation>%1：AWQ 需要该层输入的平均 |x|</translation>
    </message>
    <message>
        <source>%1: AWQ&apos;s clip search needs input rows of the layer</source>
        <translation>%1：AWQ 的截断搜索需要该层的输入行</translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input rows %3</source>
        <translation>%1：该层有 %2 个输入通道，而其输入行有 %3 个</translation>
    </message>
    <message>
        <source>AWQ: clipping and quantizing %1</source>
        <translation>AWQ：正在截断并量化 %1</translation>
    </message>
    <message>
        <source>no clip search (query/key layer)</source>
        <translation>无截断搜索（query/key 层）</translation>
    </message>
    <message>
        <source>clip search shrank %1 % of the groups</source>
        <translation>截断搜索缩小了 %1 % 的分组</translation>
    </message>
    <message>
        <source>AWQ scale ratio %1; %2</source>
        <translation>AWQ 缩放比例 %1；%2</translation>
    </message>
    <message>
        <source>AWQ&apos;s output loss needs Σ x xᵀ of the layer&apos;s inputs (%1 × %1 over at least one row), not %2 × %3 over %4 rows</source>
        <translation>AWQ 的输出损失需要该层输入的 Σ x xᵀ（%1 × %1，至少基于一行），而不是 %2 × %3（基于 %4 行）</translation>
    </message>
    <message>
        <source>not scaled (nothing before the layer to fold a scale into); %1</source>
        <translation>未缩放（该层之前没有可折叠缩放因子的操作）；%1</translation>
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
        <translation>留出比例必须在 0 到 1 之间（不含 1），而不是 %1</translation>
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
    <name>CheckpointExport</name>
    <message>
        <source>Fake-quant (dequantized weights in the source dtype: any loader of the model)</source>
        <translation>伪量化（源数据类型的反量化权重：模型的任何加载器都能加载）</translation>
    </message>
    <message>
        <source>GPTQ (packed 2-, 3-, 4- or 8-bit weights: transformers, vLLM, GPTQModel)</source>
        <translation>GPTQ（打包的 2、3、4 或 8 位权重：transformers、vLLM、GPTQModel）</translation>
    </message>
    <message>
        <source>AWQ GEMM (packed 4-bit weights: transformers, vLLM)</source>
        <translation>AWQ GEMM（打包的 4 位权重：transformers、vLLM）</translation>
    </message>
    <message>
        <source>compressed-tensors (packed 4- or 8-bit weights: vLLM, transformers)</source>
        <translation>compressed-tensors（打包的 4 或 8 位权重：vLLM、transformers）</translation>
    </message>
    <message>
        <source>GGUF (one file of Q4_0/Q4_1/Q5/Q8_0 blocks and K-quants: llama.cpp, Ollama, LM Studio)</source>
        <translation>GGUF（单个文件，包含 Q4_0/Q4_1/Q5/Q8_0 块和 K-quants：llama.cpp、Ollama、LM Studio）</translation>
    </message>
</context>
<context>
    <name>CheckpointImport</name>
    <message>
        <source>%1: quantized module %2 is not a linear layer of a Llama block</source>
        <translation>%1：量化模块 %2 不是 Llama 块中的线性层</translation>
    </message>
    <message>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <source>%1: general.architecture is &quot;%2&quot;; QuantBench imports &quot;llama&quot; GGUF files</source>
        <translation>%1：general.architecture 为 &quot;%2&quot;；QuantBench 只导入 &quot;llama&quot; 架构的 GGUF 文件</translation>
    </message>
    <message>
        <source>%1: inconsistent hyperparameters: embedding_length %2, head_count %3, head_count_kv %4, block_count %5</source>
        <translation>%1：超参数不一致：embedding_length %2，head_count %3，head_count_kv %4，block_count %5</translation>
    </message>
    <message>
        <source>%1: tensor token_embd.weight is missing or is not [vocab, %2]</source>
        <translation>%1：张量 token_embd.weight 缺失或形状不是 [vocab, %2]</translation>
    </message>
    <message>
        <source>%1: the model uses rope scaling, which QuantBench does not import from GGUF</source>
        <translation>%1：该模型使用 rope 缩放，QuantBench 不从 GGUF 导入该设置</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; is not one of llama.cpp&apos;s llama tensors that QuantBench imports</source>
        <translation>%1：张量 &quot;%2&quot; 不属于 QuantBench 可导入的 llama.cpp llama 张量</translation>
    </message>
    <message>
        <source>%1: tensor &quot;%2&quot; has %3 rows, not a whole number of head pairs</source>
        <translation>%1：张量 &quot;%2&quot; 有 %3 行，不能构成整数个头对</translation>
    </message>
    <message>
        <source>%1: tokenizer.ggml.token_type[%2] is %3, not a token type (1 to 6)</source>
        <translation>%1：tokenizer.ggml.token_type[%2] 为 %3，不是有效的 token 类型（1 到 6）</translation>
    </message>
    <message>
        <source>%1: module %2 dequantizes to %3 values, but config.json makes it [%4, %5]</source>
        <translation>%1：模块 %2 反量化后有 %3 个值，但 config.json 给出的形状为 [%4, %5]</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>%1: not enough free space in %2 to import it: its float32 copy needs %3, the disk has %4 (set TMPDIR to a larger disk)</source>
        <translation>%1：%2 中的可用空间不足，无法导入：其 float32 副本需要 %3，磁盘只有 %4（请将 TMPDIR 设为更大的磁盘）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>List a model&apos;s quantizable linear layers and check its weights</source>
        <translation>列出模型中可量化的线性层并检查其权重</translation>
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
        <source>Quantize one layer from input rows and measure its output error</source>
        <translation>根据输入行量化单个层并测量其输出误差</translation>
    </message>
    <message>
        <source>Quantize a model with a plan and write the quantized checkpoint</source>
        <translation>按计划量化模型并写出量化后的检查点</translation>
    </message>
    <message>
        <source>Calibration samples (default: the recipe&apos;s, else 128).</source>
        <translation>校准样本数（默认：配方中的值，否则为 128）。</translation>
    </message>
    <message>
        <source>Tokens per calibration sample (default: the recipe&apos;s, else 512).</source>
        <translation>每个校准样本的 token 数（默认：配方中的值，否则为 512）。</translation>
    </message>
    <message>
        <source>Seed of the random windows and the row samples (default 0).</source>
        <translation>随机窗口和行采样的种子（默认 0）。</translation>
    </message>
    <message>
        <source>Fraction of the samples kept out of calibration to measure the output errors on, from 0 to 0.9 (default 0.1).</source>
        <translation>不参与校准、用于测量输出误差的样本比例，0 到 0.9（默认 0.1）。</translation>
    </message>
    <message>
        <source>Calibrate every layer on the full-precision model&apos;s activations instead of on what the already quantized layers give (faster, usually less accurate).</source>
        <translation>在全精度模型的激活值上校准每个层，而不是在已量化层给出的输出上校准（更快，但通常精度较低）。</translation>
    </message>
    <message>
        <source>%1 is quantized with %2, which needs calibration data: give --calib TEXT</source>
        <translation>%1 使用 %2 量化，需要校准数据：请指定 --calib TEXT</translation>
    </message>
    <message>
        <source>none (no output errors measured)</source>
        <translation>无（未测量输出误差）</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) fitted on (%1 tokens)</source>
        <translation>
            <numerusform>用于拟合的窗口 %n 个（%1 个 token）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n held out to measure the output errors (%1 tokens)</source>
        <translation>
            <numerusform>，留出 %n 个用于测量输出误差（%1 个 token）</numerusform>
        </translation>
    </message>
    <message>
        <source>, none held out: output errors measured on the fitting rows</source>
        <translation>，未留出：输出误差在拟合所用的行上测量</translation>
    </message>
    <message>
        <source>--%1 must be FILE.safetensors:TENSOR, not &apos;%2&apos;</source>
        <translation>--%1 必须是 FILE.safetensors:TENSOR，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: no such tensor in the file</source>
        <translation>%1：文件中没有此张量</translation>
    </message>
    <message>
        <source>%1: expected input rows of shape [rows, %2], found %3</source>
        <translation>%1：输入行的形状应为 [rows, %2]，实际为 %3</translation>
    </message>
    <message>
        <source>%1: the rows hold NaN or infinite values</source>
        <translation>%1：这些行中包含 NaN 或无穷大值</translation>
    </message>
    <message>
        <source>%1 already exists (use --force to replace it)</source>
        <translation>%1 已存在（使用 --force 替换）</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>Quantizes one linear layer of the model in isolation: its statistics come from the given calibration rows (the layer&apos;s inputs, e.g. recorded from the model), and its output error is measured on the given test rows: output_mse = mean over rows and outputs of (X Wᵀ − X Ŵᵀ)², rel_err = ‖ΔY‖ / ‖Y‖. AWQ judges its scales by the layer&apos;s own output, as the reference does for a single linear; SmoothQuant smooths the layer alone. --w8a8 with --method rtn is plain W8A8 (int8 per-channel weights, int8 per-token activations).</source>
        <translation>单独量化模型中的一个线性层：其统计量来自给定的校准行（该层的输入，例如从模型中记录），其输出误差在给定的测试行上测量：output_mse = (X Wᵀ − X Ŵᵀ)² 在所有行和输出上的平均值，rel_err = ‖ΔY‖ / ‖Y‖。AWQ 依据该层自身的输出评判其缩放因子，与参考实现对单个线性层的处理一致；SmoothQuant 仅平滑该层。--w8a8 配合 --method rtn 即为普通 W8A8（int8 逐通道权重，int8 逐 token 激活）。</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder holding the layer.</source>
        <translation>包含该层的 Hugging Face 检查点文件夹。</translation>
    </message>
    <message>
        <source>The layer&apos;s module name, e.g. model.layers.0.self_attn.q_proj.</source>
        <translation>该层的模块名称，例如 model.layers.0.self_attn.q_proj。</translation>
    </message>
    <message>
        <source>Int8 per-token activations with int8 per-channel weights (with --method rtn or smoothquant).</source>
        <translation>int8 逐 token 激活搭配 int8 逐通道权重（配合 --method rtn 或 smoothquant）。</translation>
    </message>
    <message>
        <source>The calibration input rows [n, in].</source>
        <translation>校准输入行 [n, in]。</translation>
    </message>
    <message>
        <source>The input rows [n, in] to measure the output error on.</source>
        <translation>用于测量输出误差的输入行 [n, in]。</translation>
    </message>
    <message>
        <source>Write the quantized layer&apos;s dequantized weight (in the original input space) to this safetensors file.</source>
        <translation>将量化层的反量化权重（位于原始输入空间）写入此 safetensors 文件。</translation>
    </message>
    <message>
        <source>Print the result as JSON instead of text.</source>
        <translation>以 JSON 而不是文本输出结果。</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>必须指定 --%1</translation>
    </message>
    <message>
        <source>--method is required (%1)</source>
        <translation>必须指定 --method（%1）</translation>
    </message>
    <message>
        <source>--w8a8 goes with --method rtn (plain W8A8) or smoothquant</source>
        <translation>--w8a8 需配合 --method rtn（普通 W8A8）或 smoothquant 使用</translation>
    </message>
    <message>
        <source>--method none leaves nothing to measure</source>
        <translation>--method none 没有可测量的内容</translation>
    </message>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>模型中没有名为 &quot;%1&quot; 的线性层</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>%1 calibration, %2 test</source>
        <translation>校准 %1 行，测试 %2 行</translation>
    </message>
    <message>
        <source>Output SQNR</source>
        <translation>输出 SQNR</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 必须是 %2 到 %3 之间的数，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>GPTQ: quantize the columns in descending order of their Hessian diagonal.</source>
        <translation>GPTQ：按 Hessian 对角线值从大到小的顺序量化各列。</translation>
    </message>
    <message>
        <source>GPTQ with --act-order: compute the group parameters up front, in column order.</source>
        <translation>GPTQ 配合 --act-order：预先按列顺序计算分组参数。</translation>
    </message>
    <message>
        <source>GPTQ: damping added to the Hessian diagonal, as a fraction of its mean (default 0.01).</source>
        <translation>GPTQ：加到 Hessian 对角线上的阻尼，以其均值的比例表示（默认 0.01）。</translation>
    </message>
    <message>
        <source>SmoothQuant and --smooth: migration strength from 0 to 1 (default 0.5).</source>
        <translation>SmoothQuant 和 --smooth：迁移强度，0 到 1（默认 0.5）。</translation>
    </message>
    <message>
        <source>RTN: search each group&apos;s clipping range against the layer&apos;s inputs.</source>
        <translation>RTN：根据该层的输入搜索每个分组的截断范围。</translation>
    </message>
    <message>
        <source>RTN, GPTQ: apply SmoothQuant&apos;s smoothing (--alpha) before quantizing.</source>
        <translation>RTN、GPTQ：量化前先应用 SmoothQuant 的平滑（--alpha）。</translation>
    </message>
    <message>
        <source>--damp must be above 0: without damping a singular Hessian cannot be inverted</source>
        <translation>--damp 必须大于 0：没有阻尼时，奇异的 Hessian 矩阵无法求逆</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>输出 MSE</translation>
    </message>
    <message>
        <source>Output rel. error</source>
        <translation>输出相对误差</translation>
    </message>
    <message>
        <source>Output SQNR dB</source>
        <translation>输出 SQNR dB</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Replace the output if it exists (only once the new output is complete).</source>
        <translation>若输出已存在则替换它（仅在新输出完整后进行）。</translation>
    </message>
    <message>
        <source>How the samples are cut from the text: &apos;documents&apos; (each document from its start, up to the sequence length) or &apos;random&apos; (windows at random places, drawn with --seed) (default: the recipe&apos;s, else documents).</source>
        <translation>如何从文本中截取样本：&apos;documents&apos;（每个文档从开头截取，至多为序列长度）或 &apos;random&apos;（在随机位置截取窗口，由 --seed 决定）（默认：配方中的设置，否则为 documents）。</translation>
    </message>
    <message>
        <source>--calib-mode must be &apos;documents&apos; or &apos;random&apos;, not &apos;%1&apos;</source>
        <translation>--calib-mode 必须是 &apos;documents&apos; 或 &apos;random&apos;，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>List where the heavy work can run: the CPU and OpenCL devices</source>
        <translation>列出繁重计算可以运行的位置：CPU 和 OpenCL 设备</translation>
    </message>
    <message>
        <source>Where the heavy work runs: cpu (the default), opencl (the first OpenCL device) or opencl:PLATFORM:DEVICE (see `quantbench-cli devices`). If the device cannot be used, or fails during the run, the work continues on the CPU with a warning.</source>
        <translation>繁重计算的运行位置：cpu（默认）、opencl（第一个 OpenCL 设备）或 opencl:平台:设备（见 `quantbench-cli devices`）。如果设备无法使用或在运行中出错，将给出警告并在 CPU 上继续。</translation>
    </message>
    <message>
        <source>--backend: %1</source>
        <translation>--backend：%1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>后端：%1</translation>
    </message>
    <message>
        <source>Lists the compute backends: the CPU, then every OpenCL device of every platform. The first column is the value to give --backend.</source>
        <translation>列出计算后端：先是 CPU，然后是每个平台的每个 OpenCL 设备。第一列是传给 --backend 的值。</translation>
    </message>
    <message>
        <source>Print the list as JSON instead of a table.</source>
        <translation>以 JSON 而不是表格输出列表。</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Largest buffer</source>
        <translation>最大缓冲区</translation>
    </message>
    <message>
        <source>Compute units</source>
        <translation>计算单元</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>no OpenCL device: %1</source>
        <translation>没有 OpenCL 设备：%1</translation>
    </message>
    <message>
        <source>%1 (fell back to the CPU)</source>
        <translation>%1（已退回 CPU）</translation>
    </message>
    <message>
        <source>With --format gptq: write the older v1 layout (zero points minus one), which holds symmetric layers only.</source>
        <translation>与 --format gptq 一起使用：写入旧的 v1 布局（零点减一），只能容纳对称层。</translation>
    </message>
    <message>
        <source>--gptq-v1 needs --format gptq</source>
        <translation>--gptq-v1 需要 --format gptq</translation>
    </message>
    <message>
        <source>Choose per-layer bit-widths for a target average, as a recipe</source>
        <translation>按目标平均位数选择逐层位宽，并写成配方</translation>
    </message>
    <message>
        <source>Measure how much quantizing each layer alone hurts perplexity</source>
        <translation>测量单独量化每个层会使困惑度变差多少</translation>
    </message>
    <message>
        <source>Write a random-weight Llama checkpoint for benchmarks</source>
        <translation>写出用于基准测试的随机权重 Llama 检查点</translation>
    </message>
    <message>
        <source>one layer at a time</source>
        <translation>每次一个层</translation>
    </message>
    <message>
        <source>one block at a time</source>
        <translation>每次一个块</translation>
    </message>
    <message>
        <source>one role across all blocks at a time</source>
        <translation>每次一个角色（跨所有块）</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1：无法写入文件：%2</translation>
    </message>
    <message>
        <source>Score only the first N documents of --eval (default: all).</source>
        <translation>只对 --eval 的前 N 个文档计分（默认：全部）。</translation>
    </message>
    <message>
        <source>Calibration samples (default 128).</source>
        <translation>校准样本数（默认 128）。</translation>
    </message>
    <message>
        <source>Tokens per calibration sample (default 512).</source>
        <translation>每个校准样本的 token 数（默认 512）。</translation>
    </message>
    <message>
        <source>Comma-separated bit-widths, each from %1 to %2 (default 2,3,4,8).</source>
        <translation>以逗号分隔的位宽，每个在 %1 到 %2 之间（默认 2,3,4,8）。</translation>
    </message>
    <message>
        <source>How each unit is quantized: rtn (the default) or gptq (calibrated on the full-precision model&apos;s activations; needs --calib).</source>
        <translation>每个单元的量化方式：rtn（默认）或 gptq（在全精度模型的激活上校准；需要 --calib）。</translation>
    </message>
    <message>
        <source>What is quantized per measurement: layer (one linear layer; the default), block (every layer of one decoder block) or role (one role, such as q_proj, across all blocks).</source>
        <translation>每次测量所量化的对象：layer（一个线性层；默认）、block（一个解码器块的所有层）或 role（跨所有块的一个角色，如 q_proj）。</translation>
    </message>
    <message>
        <source>--bits must be a comma-separated list of bit-widths from %1 to %2, not &apos;%3&apos;</source>
        <translation>--bits 必须是以逗号分隔的位宽列表，每个在 %1 到 %2 之间，而不是 &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--method must be rtn or gptq, not &apos;%1&apos;</source>
        <translation>--method 必须是 rtn 或 gptq，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--unit must be layer, block or role, not &apos;%1&apos;</source>
        <translation>--unit 必须是 layer、block 或 role，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--eval TEXT is required: the text each quantized model is scored on</source>
        <translation>必须指定 --eval TEXT：用于给每个量化模型计分的文本</translation>
    </message>
    <message>
        <source>%1 needs calibration data: give --calib TEXT</source>
        <translation>%1 需要校准数据：请指定 --calib TEXT</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>%1 at %2 bits, %3, group size %4</source>
        <translation>%1，%2 位，%3，分组大小 %4</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>对称</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>非对称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), %1 tokens scored</source>
        <translation>
            <numerusform>%n 个文档，计分 %1 个 token</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) (%1 tokens), full-precision activations</source>
        <translation>
            <numerusform>%n 个窗口（%1 个 token），全精度激活</numerusform>
        </translation>
    </message>
    <message>
        <source>none (not needed)</source>
        <translation>无（不需要）</translation>
    </message>
    <message>
        <source>Full-precision perplexity</source>
        <translation>全精度困惑度</translation>
    </message>
    <message>
        <source>Δ ppl %1-bit</source>
        <translation>Δ ppl %1 位</translation>
    </message>
    <message>
        <source>Most sensitive at %1 bits (by KL divergence from the full-precision model):</source>
        <translation>%1 位下最敏感的单元（按与全精度模型的 KL 散度排序）：</translation>
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
        <translation>KL (nats/token)</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) in %1 s</source>
        <translation>
            <numerusform>%n 次测量，用时 %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>For every unit — one linear layer by default, or one block, or one role across all blocks — and every bit-width, quantizes only that unit (everything else stays in full precision) and scores the model on the evaluation text as eval does: its perplexity, the change from the full-precision model&apos;s and the mean KL divergence from the full-precision model&apos;s next-token distributions. GPTQ calibrates each layer on the full-precision model&apos;s activations, recorded once for all layers and widths.
The table shows the change in perplexity per unit and width, then the most sensitive units. --json prints every figure; --out writes the same JSON to a file, which `quantbench-cli autobits --scan` reads.</source>
        <translation>对每个单元（默认为一个线性层，也可以是一个块，或跨所有块的一个角色）和每个位宽，只量化该单元（其余部分保持全精度），并像 eval 一样在评估文本上给模型计分：给出其困惑度、相对全精度模型困惑度的变化，以及其下一个 token 分布与全精度模型的平均 KL 散度。GPTQ 在全精度模型的激活上校准每个层，这些激活只记录一次，供所有层和位宽共用。
表格显示每个单元在每个位宽下的困惑度变化，然后列出最敏感的单元。--json 输出所有数值；--out 将相同的 JSON 写入文件，供 `quantbench-cli autobits --scan` 读取。</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to scan.</source>
        <translation>要扫描的 Hugging Face 检查点文件夹。</translation>
    </message>
    <message>
        <source>Print the scan as JSON instead of the table.</source>
        <translation>以 JSON 而不是表格输出扫描结果。</translation>
    </message>
    <message>
        <source>Also write the scan as JSON to this file (replaced if it exists).</source>
        <translation>同时将扫描结果以 JSON 写入此文件（若已存在则替换）。</translation>
    </message>
    <message>
        <source>%1-bit: %2</source>
        <translation>%1 位：%2</translation>
    </message>
    <message>
        <source>KL divergence (nats/token)</source>
        <translation>KL 散度（nats/token）</translation>
    </message>
    <message>
        <source>change in perplexity</source>
        <translation>困惑度变化</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Allowed widths</source>
        <translation>允许的位宽</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>%1 bits per weight</source>
        <translation>每权重 %1 位</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>实际达到</translation>
    </message>
    <message>
        <source>%1 bits per weight, scales and zero points included (possible: %2 to %3)</source>
        <translation>每权重 %1 位，含缩放因子和零点（可达范围：%2 到 %3）</translation>
    </message>
    <message>
        <source>Layers per width</source>
        <translation>各位宽的层数</translation>
    </message>
    <message>
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message numerus="yes">
        <source>exact (multiple-choice knapsack, %n choice(s))</source>
        <translation>
            <numerusform>精确（多选背包，%n 个选项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>greedy (largest loss reduction per extra bit, %n choice(s))</source>
        <translation>
            <numerusform>贪心（每增加一位损失降低最多者优先，%n 个选项）</numerusform>
        </translation>
    </message>
    <message>
        <source>Predicted loss</source>
        <translation>预测损失</translation>
    </message>
    <message>
        <source>Predicted perplexity</source>
        <translation>预测困惑度</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>每权重位数</translation>
    </message>
    <message>
        <source>KL at these bits</source>
        <translation>该位宽下的 KL</translation>
    </message>
    <message>
        <source>Δ ppl at these bits</source>
        <translation>该位宽下的 Δ ppl</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder the scan was made on.</source>
        <translation>进行扫描所用的 Hugging Face 检查点文件夹。</translation>
    </message>
    <message>
        <source>A sensitivity scan in JSON (from `quantbench-cli sensitivity --out`). Without it, the scan is made first.</source>
        <translation>JSON 格式的敏感度扫描结果（来自 `quantbench-cli sensitivity --out`）。未指定时，先进行扫描。</translation>
    </message>
    <message>
        <source>The average bits per weight to stay within, scales and zero points included (for example 3.5).</source>
        <translation>平均每权重位数的上限，含缩放因子和零点（例如 3.5）。</translation>
    </message>
    <message>
        <source>Use the greedy solver instead of the exact one.</source>
        <translation>使用贪心求解器而不是精确求解器。</translation>
    </message>
    <message>
        <source>What to minimise: kl (the KL divergence from the full-precision model; the default) or ppl (the change in perplexity).</source>
        <translation>要最小化的量：kl（与全精度模型的 KL 散度；默认）或 ppl（困惑度变化）。</translation>
    </message>
    <message>
        <source>The recipe file to write (replaced if it exists).</source>
        <translation>要写入的配方文件（若已存在则替换）。</translation>
    </message>
    <message>
        <source>Print the choice as JSON (per layer, the averages, the prediction and the recipe) instead of the table.</source>
        <translation>以 JSON（逐层选择、平均值、预测和配方）而不是表格输出选择结果。</translation>
    </message>
    <message>
        <source>--target BITS is required</source>
        <translation>必须指定 --target BITS</translation>
    </message>
    <message>
        <source>--out FILE is required: the recipe to write</source>
        <translation>必须指定 --out FILE：要写入的配方</translation>
    </message>
    <message>
        <source>--loss must be kl or ppl, not &apos;%1&apos;</source>
        <translation>--loss 必须是 kl 或 ppl，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--scan reads a finished scan: leave out the options of a new scan (--eval, --calib, --method, …)</source>
        <translation>--scan 读取已完成的扫描：请勿指定新扫描的选项（--eval、--calib、--method、…）</translation>
    </message>
    <message>
        <source>the scan was cancelled before it finished: layers it did not measure cannot be chosen for</source>
        <translation>扫描在完成前已被取消：无法为未测量的层选择位宽</translation>
    </message>
    <message>
        <source>made now</source>
        <translation>本次运行时进行</translation>
    </message>
    <message>
        <source>--format must be fake, gptq, awq, compressed-tensors or gguf, not &apos;%1&apos;</source>
        <translation>--format 必须是 fake、gptq、awq、compressed-tensors 或 gguf，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Quantizes the model block by block as the plan says (layer-sequential: each block is calibrated on what the already quantized blocks give) and writes the result. With --format fake (the default) every quantizable linear layer is stored dequantized in its original dtype, under the same tensor names, so any loader of the original model loads it; with --format gptq, awq or compressed-tensors the quantized layers are stored as packed integer codes with their scales and zero points, in the GPTQ, AWQ GEMM or compressed-tensors pack-quantized checkpoint format. config.json and the tokenizer are copied; quant_recipe.json, quant_report.json and quant_report.csv (per layer: weight error, output error on held-out calibration samples, GPTQ damping and fallbacks) are written beside them. The input is never written; the output appears only once complete.
The plan is read from a --recipe, whose default the other plan flags override, or given by --method alone. GPTQ, AWQ, SmoothQuant and the clip search need --calib. Layers with NaN or Inf weights are kept unquantized with a warning.</source>
        <translation>按计划逐块量化模型（逐层顺序：每个块都在已量化块给出的输出上校准）并写出结果。使用 --format fake（默认）时，每个可量化线性层都以其原始 dtype、相同的张量名称存储为反量化值，因此原模型的任何加载器都能加载它；使用 --format gptq、awq 或 compressed-tensors 时，量化层以打包的整数代码及其缩放因子和零点存储，分别采用 GPTQ、AWQ GEMM 或 compressed-tensors pack-quantized 检查点格式。config.json 和分词器会被复制；quant_recipe.json、quant_report.json 和 quant_report.csv（逐层记录：权重误差、在留出校准样本上的输出误差、GPTQ 阻尼及回退情况）写在它们旁边。输入永远不会被写入；输出仅在完整后才会出现。
计划从 --recipe 读取（其他计划选项会覆盖其默认值），或仅由 --method 给出。GPTQ、AWQ、SmoothQuant 和截断搜索需要 --calib。含有 NaN 或 Inf 权重的层保持未量化，并给出警告。</translation>
    </message>
    <message>
        <source>Checkpoint format: fake (dequantized weights in the source dtype; the default), gptq (packed integer weights as GPTQ loaders read them: transformers, vLLM, GPTQModel; gptq_v2 zero points; 2, 3, 4 or 8 bits), awq (AWQ GEMM as transformers and vLLM read it; 4 bits, one group size) or compressed-tensors (pack-quantized, as vLLM and transformers read it; 4 or 8 bits) or gguf (one .gguf file for llama.cpp: groups of 32 as Q4_0/Q4_1/Q5_0/Q5_1/Q8_0 from the codes, other layers re-quantized to K-quants; --out is then the file, and its recipe, report and model card are written beside it as NAME.recipe.json, NAME.report.json, NAME.report.csv and NAME.README.md).</source>
        <translation>检查点格式：fake（源 dtype 的反量化权重；默认）、gptq（GPTQ 加载器读取的打包整数权重：transformers、vLLM、GPTQModel；gptq_v2 零点；2、3、4 或 8 位）、awq（transformers 和 vLLM 读取的 AWQ GEMM；4 位，单一分组大小）、compressed-tensors（pack-quantized，供 vLLM 和 transformers 读取；4 或 8 位）或 gguf（供 llama.cpp 使用的单个 .gguf 文件：32 个一组的分组直接由代码存为 Q4_0/Q4_1/Q5_0/Q5_1/Q8_0，其他层重新量化为 K-quants；此时 --out 即为该文件，其配方、报告和模型卡写在它旁边，分别为 NAME.recipe.json、NAME.report.json、NAME.report.csv 和 NAME.README.md）。</translation>
    </message>
    <message>
        <source>Measure the perplexity of the model before and after quantization on this text (as eval does, each document on its own) and write both into the model card.</source>
        <translation>在此文本上测量模型量化前后的困惑度（与 eval 相同，每个文档单独计算），并将两者写入模型卡。</translation>
    </message>
    <message>
        <source>Perplexity on %1: %2 before, %3 after quantization</source>
        <translation>%1 上的困惑度：量化前 %2，量化后 %3</translation>
    </message>
    <message>
        <source>AWQ: leave o_proj unscaled under grouped-query attention, as llm-awq does (the default scales it with one scale per key/value head channel, folded into v_proj).</source>
        <translation>AWQ：在分组查询注意力下不缩放 o_proj，与 llm-awq 相同（默认按每个键/值头通道使用一个缩放因子，并折叠进 v_proj）。</translation>
    </message>
    <message>
        <source>%1-bit ×%2</source>
        <translation>%1 位 ×%2</translation>
    </message>
    <message>
        <source>Interaction factors</source>
        <translation>相互作用因子</translation>
    </message>
    <message>
        <source>%1, summed %2 (without the factors: %3)</source>
        <translation>%1，%2 之和（不含因子：%3）</translation>
    </message>
    <message>
        <source>%1 (without the factors: %2; full precision %3)</source>
        <translation>%1（不含因子：%2；全精度 %3）</translation>
    </message>
    <message>
        <source>Chooses each layer&apos;s bit-width from the allowed ones so that the loss the sensitivity scan predicts — the sum over layers of their KL divergence (or change in perplexity) at the chosen width — is smallest while the average bits per weight stays at or below the target. The average counts the overhead: per group of G weights one 16-bit scale and one zero point of the layer&apos;s width, i.e. bits + (16 + bits) / G per weight. Layers reading one input (q/k/v, gate/up) get one width. The exact solver (a multiple-choice knapsack) is the default; --greedy upgrades layers by the largest loss reduction per extra bit.
Quantized together, layers&apos; errors compound, more the fewer the bits. The scan also measures the whole model at each width; the prediction scales each width&apos;s losses by the whole model&apos;s figure over the sum of its layers&apos; (the interaction factor), so that a plan with one width everywhere is predicted as measured. The choice itself minimises the plain sum.
The scan is read from --scan (written by `quantbench-cli sensitivity --out`) or made here with the same options as the sensitivity command. The choice is written as a recipe for `quantbench-cli quantize --recipe`.</source>
        <translation>从允许的位宽中为每个层选择位宽，使敏感度扫描预测的损失——各层在所选位宽下的 KL 散度（或困惑度变化）之和——最小，同时平均每权重位数不超过目标。平均值计入开销：每组 G 个权重有一个 16 位缩放因子和一个与该层位宽相同的零点，即每权重 bits + (16 + bits) / G 位。读取同一输入的层（q/k/v、gate/up）使用同一位宽。默认使用精确求解器（多选背包）；--greedy 按每增加一位带来的最大损失降低依次提升层的位宽。
一起量化时，各层的误差会叠加，位数越少叠加越多。扫描还会在每个位宽下测量整个模型；预测将每个位宽的损失乘以整个模型的数值与其各层之和的比值（相互作用因子），使各层位宽相同的方案的预测与实测一致。选择本身仍最小化简单求和。
扫描结果从 --scan 读取（由 `quantbench-cli sensitivity --out` 写出），或在此处以与 sensitivity 命令相同的选项进行扫描。选择结果写为配方，供 `quantbench-cli quantize --recipe` 使用。</translation>
    </message>
    <message>
        <source>%1-bit: Δ ppl %2, KL %3 (the units&apos; sum %4)</source>
        <translation>%1 位：Δ ppl %2，KL %3（各单元之和 %4）</translation>
    </message>
    <message>
        <source>Every unit quantized at once:</source>
        <translation>所有单元同时量化：</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to evaluate, or a QuantBench project (.qbproj): its model is then scored with and without its plan, on its evaluation text and settings unless --text, --ctx or --stride say otherwise; the quantized layers saved in it are used as they are while the plan and the calibration text are unchanged.</source>
        <translation>要评估的 Hugging Face 检查点文件夹，或 QuantBench 项目（.qbproj）：此时在其评估文本和设置上（除非 --text、--ctx 或 --stride 另有指定）分别评估应用与不应用其方案的模型；只要方案和校准文本未变，就直接使用其中保存的量化层。</translation>
    </message>
    <message>
        <source>Replace the --save-project file if it exists.</source>
        <translation>若 --save-project 文件已存在则替换它。</translation>
    </message>
    <message>
        <source>--text FILE is required: the project %1 names no evaluation text</source>
        <translation>需要 --text FILE：项目 %1 未指定评估文本</translation>
    </message>
    <message>
        <source>Also save the session as a QuantBench project (.qbproj): the model&apos;s path, the plan, the calibration and evaluation texts and the quantized layers, which File › Open Project in the GUI and the quantize and eval commands open. Replaced only with --force.</source>
        <translation>同时将会话保存为 QuantBench 项目（.qbproj）：模型路径、方案、校准和评估文本以及量化层；GUI 中的“文件 › 打开项目”以及 quantize 和 eval 命令均可打开它。仅在指定 --force 时替换已有文件。</translation>
    </message>
    <message>
        <source>%1 cannot be given with a project (%2): the project brings its own plan and calibration text. Change them in the GUI, or give the model folder with a recipe instead.</source>
        <translation>%1 不能与项目（%2）一起指定：项目自带方案和校准文本。请在 GUI 中修改它们，或改为指定模型文件夹和配方。</translation>
    </message>
    <message>
        <source>Using the quantized layers saved in %1 (run finished %2)</source>
        <translation>使用 %1 中保存的量化层（运行完成于 %2）</translation>
    </message>
    <message>
        <source>%1: %2 is quantized with %3, which needs calibration data, and the project names no calibration text: choose one in the GUI&apos;s Calibration panel and save the project again</source>
        <translation>%1：%2 使用 %3 量化，需要校准数据，而项目未指定校准文本：请在 GUI 的校准面板中选择一个，然后重新保存项目</translation>
    </message>
    <message>
        <source>%1: the saved quantized layers were made from other inputs (the plan or the calibration text changed since): running the plan again</source>
        <translation>%1：保存的量化层来自不同的输入（此后方案或校准文本已更改）：正在重新运行方案</translation>
    </message>
    <message>
        <source>%1 already exists; give --force to replace it</source>
        <translation>%1 已存在；请指定 --force 以替换它</translation>
    </message>
    <message>
        <source>%1 is a folder, not a project file</source>
        <translation>%1 是文件夹，不是项目文件</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>Saved the project %1</source>
        <translation>已保存项目 %1</translation>
    </message>
    <message>
        <source>The Hugging Face checkpoint folder to quantize, or a QuantBench project (.qbproj): its model is then quantized by its plan on its calibration text, and the quantized layers saved in it are used as they are while the plan and the text are unchanged.</source>
        <translation>要量化的 Hugging Face 检查点文件夹，或 QuantBench 项目（.qbproj）：此时按其方案在其校准文本上量化其模型；只要方案和文本未变，就直接使用其中保存的量化层。</translation>
    </message>
    <message>
        <source>Also write the report to this file: an HTML page for people when it ends in .html (with the perplexities of --eval), the per-layer table when it ends in .csv, else the JSON report (quant_report.json).</source>
        <translation>同时将报告写入此文件：以 .html 结尾时为供人阅读的 HTML 页面（含 --eval 的困惑度），以 .csv 结尾时为逐层表格，否则为 JSON 报告（quant_report.json）。</translation>
    </message>
    <message>
        <source>finished %1, %2 of %3 layers quantized%4</source>
        <translation>完成于 %1，%3 层中已量化 %2 层%4</translation>
    </message>
    <message>
        <source>; current: quantize and eval use it</source>
        <translation>；当前有效：quantize 和 eval 将使用它</translation>
    </message>
    <message>
        <source>; made from other inputs (the plan or the calibration text changed since): quantize and eval run the plan again</source>
        <translation>；来自不同的输入（此后计划或校准文本已更改）：quantize 和 eval 将重新运行计划</translation>
    </message>
    <message>
        <source>perplexity %1 as stored, %2 quantized (%3)</source>
        <translation>困惑度：原始 %1，量化后 %2（%3）</translation>
    </message>
    <message>
        <source>perplexity %1 as stored</source>
        <translation>困惑度：原始 %1</translation>
    </message>
    <message>
        <source>; stale: the plan changed since</source>
        <translation>；已过时：此后计划已更改</translation>
    </message>
    <message>
        <source>by %1 at %2 bits%3</source>
        <translation>按 %1，位宽 %2%3</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Calibration text</source>
        <translation>校准文本</translation>
    </message>
    <message>
        <source>true-sequential</source>
        <translation>逐层顺序（true-sequential）</translation>
    </message>
    <message>
        <source>full-precision inputs</source>
        <translation>全精度输入</translation>
    </message>
    <message>
        <source>Evaluation text</source>
        <translation>评估文本</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Sensitivity scan</source>
        <translation>敏感度扫描</translation>
    </message>
    <message>
        <source>Prints the model summary from config.json and every quantizable linear layer (name, role, shape [out, in], dtype, parameters, bytes), then scans every tensor for NaN and Inf; tensors holding them are reported as warnings on stderr.
Given a QuantBench project (.qbproj), prints what it holds instead: its model, plan, texts, and whether its saved run and evaluation are current, then the run&apos;s layers (or the plan&apos;s).</source>
        <translation>输出 config.json 中的模型概要和每个可量化线性层（名称、角色、形状 [out, in]、数据类型、参数量、字节数），然后扫描每个张量中的 NaN 和 Inf；含有它们的张量将作为警告输出到 stderr。
若给定 QuantBench 项目（.qbproj），则改为输出其内容：模型、计划、文本，以及保存的运行和评估是否为当前有效，然后列出运行（或计划）的各层。</translation>
    </message>
    <message>
        <source>A Hugging Face checkpoint folder: config.json and model.safetensors (or shards with their index); or a QuantBench project (.qbproj).</source>
        <translation>Hugging Face 检查点文件夹：config.json 和 model.safetensors（或分片及其索引）；或 QuantBench 项目（.qbproj）。</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <source>Show one layer&apos;s input per channel: outliers, Hessian diagonal</source>
        <translation>逐通道显示某一层的输入：离群通道、Hessian 对角线</translation>
    </message>
    <message>
        <source>the statistics kept by the quantization run of %1 (%2 rows)</source>
        <translation>%1 的量化运行保存的统计（%2 行）</translation>
    </message>
    <message>
        <source>a full-precision pass over the calibration text (%1 rows)</source>
        <translation>在校准文本上的一次全精度前向（%1 行）</translation>
    </message>
    <message>
        <source>median %1; largest %2 (channel %3, %4× the median)</source>
        <translation>中位数 %1；最大 %2（通道 %3，为中位数的 %4 倍）</translation>
    </message>
    <message>
        <source>%1 [%2, %3], input %4 of block %5</source>
        <translation>%1 [%2, %3]，第 %5 块的输入 %4</translation>
    </message>
    <message>
        <source>Measured from</source>
        <translation>测量来源</translation>
    </message>
    <message>
        <source>Mean |x|</source>
        <translation>平均 |x|</translation>
    </message>
    <message>
        <source>Max |x|</source>
        <translation>最大 |x|</translation>
    </message>
    <message>
        <source>Dead channels</source>
        <translation>死通道</translation>
    </message>
    <message>
        <source>GPTQ&apos;s damped H</source>
        <translation>GPTQ 阻尼后的 H</translation>
    </message>
    <message>
        <source>condition estimate %1 with damping %2 × mean diag</source>
        <translation>条件数估计 %1，阻尼 %2 × 平均对角线</translation>
    </message>
    <message>
        <source>not known (the run kept no XᵀX)</source>
        <translation>未知（该运行未保存 XᵀX）</translation>
    </message>
    <message>
        <source>Quantized with</source>
        <translation>量化方法</translation>
    </message>
    <message>
        <source>%1, fell back to RTN</source>
        <translation>%1，已回退到 RTN</translation>
    </message>
    <message>
        <source>Input scale</source>
        <translation>输入缩放</translation>
    </message>
    <message>
        <source>AWQ&apos;s, divided out of the input</source>
        <translation>AWQ 的缩放，已从输入中除去</translation>
    </message>
    <message>
        <source>SmoothQuant&apos;s, divided out of the input</source>
        <translation>SmoothQuant 的缩放，已从输入中除去</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>× median</source>
        <translation>× 中位数</translation>
    </message>
    <message>
        <source>diag(XᵀX)</source>
        <translation>diag(XᵀX)</translation>
    </message>
    <message>
        <source>Weight column norm</source>
        <translation>权重列范数</translation>
    </message>
    <message>
        <source>Act-order rank</source>
        <translation>act-order 排名</translation>
    </message>
    <message numerus="yes">
        <source>The %n input channel(s) with the largest mean |x|:</source>
        <translation>
            <numerusform>平均 |x| 最大的 %n 个输入通道：</numerusform>
        </translation>
    </message>
    <message>
        <source>Measures the input of one linear layer per input channel, as the GUI&apos;s Outlier channels and Hessian tabs show it: mean and max |x| (outlier channels stand far above the median), diag(XᵀX) (GPTQ&apos;s Hessian without its 2/n), the weight&apos;s column norms, GPTQ&apos;s act-order, dead channels and the condition estimate of H damped by --damp.
From a model folder the full-precision model runs over --calib up to the layer&apos;s block. From a project (.qbproj), the statistics its quantization run kept for the layer&apos;s input are used when it kept them (GPTQ, AWQ, SmoothQuant, the clip search), else the same full-precision pass over the project&apos;s calibration text, with the project&apos;s settings for the layer.</source>
        <translation>逐输入通道测量某一线性层的输入，与 GUI 的“离群通道”和“Hessian”选项卡所示相同：平均和最大 |x|（离群通道远高于中位数）、diag(XᵀX)（不含 2/n 的 GPTQ Hessian）、权重的列范数、GPTQ 的 act-order、死通道，以及以 --damp 阻尼后的 H 的条件数估计。
对于模型文件夹，全精度模型在 --calib 上运行到该层所在的块。对于项目（.qbproj），若其量化运行保存了该层输入的统计（GPTQ、AWQ、SmoothQuant、裁剪搜索）则使用它，否则以项目对该层的设置，在项目的校准文本上进行同样的全精度前向。</translation>
    </message>
    <message>
        <source>A Hugging Face checkpoint folder, or a QuantBench project (.qbproj).</source>
        <translation>Hugging Face 检查点文件夹，或 QuantBench 项目（.qbproj）。</translation>
    </message>
    <message>
        <source>The linear layer to profile (a name from inspect).</source>
        <translation>要分析的线性层（inspect 列出的名称）。</translation>
    </message>
    <message>
        <source>GPTQ damping, as a fraction of the mean of diag(H), for the condition estimate (default: the project&apos;s setting for the layer, else 0.01).</source>
        <translation>用于条件数估计的 GPTQ 阻尼，为 diag(H) 均值的比例（默认：项目对该层的设置，否则为 0.01）。</translation>
    </message>
    <message>
        <source>How many channels the table lists, largest mean |x| first (default 10).</source>
        <translation>表格列出的通道数，按平均 |x| 从大到小（默认 10）。</translation>
    </message>
    <message>
        <source>Print every channel&apos;s figures as JSON instead of the summary and table.</source>
        <translation>以 JSON 输出每个通道的数值，而不是摘要和表格。</translation>
    </message>
    <message>
        <source>--layer NAME is required</source>
        <translation>需要 --layer NAME</translation>
    </message>
    <message>
        <source>%1 has no linear layer %2 (quantbench-cli inspect lists them)</source>
        <translation>%1 中没有线性层 %2（quantbench-cli inspect 可列出它们）</translation>
    </message>
    <message>
        <source>give --calib TEXT: the layer&apos;s input is measured over a calibration text</source>
        <translation>请指定 --calib TEXT：该层的输入需在校准文本上测量</translation>
    </message>
    <message>
        <source>Calibration text (%1). Needed by GPTQ, AWQ, SmoothQuant and the clip search; with it, every layer&apos;s output error is measured too.</source>
        <translation>校准文本（%1）。GPTQ、AWQ、SmoothQuant 和截断搜索需要它；有了它，还会测量每一层的输出误差。</translation>
    </message>
    <message>
        <source>The text to score (%1).</source>
        <translation>要计分的文本（%1）。</translation>
    </message>
    <message>
        <source>The text the model is scored on after each quantization (%1).</source>
        <translation>每次量化后用来给模型计分的文本（%1）。</translation>
    </message>
    <message>
        <source>Calibration text for GPTQ (%1).</source>
        <translation>GPTQ 的校准文本（%1）。</translation>
    </message>
    <message>
        <source>Continue a prompt with a model (and with a quantized model)</source>
        <translation>用模型（以及量化后的模型）续写提示</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n token(s), %2 s%3):</source>
        <translation>
            <numerusform>%1（%n 个 token，%2 秒%3）：</numerusform>
        </translation>
    </message>
    <message>
        <source>, ended with EOS</source>
        <translation>，以 EOS 结束</translation>
    </message>
    <message>
        <source>Model folder, GGUF file or packed checkpoint folder; or a project (.qbproj), whose plan is then used (its quantized layers as they are while the plan and the calibration text are unchanged).</source>
        <translation>模型文件夹、GGUF 文件或打包检查点文件夹；或项目（.qbproj），此时使用其计划（在计划和校准文本未变时，直接使用其中已量化的层）。</translation>
    </message>
    <message>
        <source>The text to continue.</source>
        <translation>要续写的文本。</translation>
    </message>
    <message>
        <source>Tokens to generate at most (default 64).</source>
        <translation>最多生成的 token 数（默认 64）。</translation>
    </message>
    <message>
        <source>Go on after the model ends the text (EOS).</source>
        <translation>模型结束文本（EOS）后继续生成。</translation>
    </message>
    <message>
        <source>Print the result as JSON (continuations, their token ids, the agreeing tokens) instead of text.</source>
        <translation>以 JSON 输出结果（续写、其 token ID、一致的 token 数），而不是文本。</translation>
    </message>
    <message>
        <source>--prompt TEXT is required</source>
        <translation>需要 --prompt TEXT</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)%1</source>
        <translation>
            <numerusform>%n 个 token%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, BOS included</source>
        <translation>，含 BOS</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>存储的模型</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>量化后</translation>
    </message>
    <message>
        <source>The two continuations are the same, token for token.</source>
        <translation>两段续写完全相同，逐 token 一致。</translation>
    </message>
    <message>
        <source>The two continuations differ from their first token on.</source>
        <translation>两段续写从第一个 token 起就不同。</translation>
    </message>
    <message numerus="yes">
        <source>The two continuations share their first %n token(s) of %1.</source>
        <translation>
            <numerusform>两段续写的前 %n 个 token 相同（共 %1 个）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Same top token as the stored model: %1 % of the scored positions</source>
        <translation>与存储模型首选 token 相同：占计分位置的 %1 %</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Scores every document of the text on its own as BOS + ids, in windows of at most the context length that start every stride tokens; each window predicts its tokens after the first that no earlier window scored. Perplexity = exp(total NLL / tokens scored).
With a plan (--method or --recipe), the model quantized by that plan is scored on the same windows too, with the mean KL divergence of its next-token distributions from the stored model&apos;s. A plan that needs calibration (GPTQ, AWQ, SmoothQuant, the clip search) is first run on --calib, as quantize runs it; activation quantization (W8A8) is applied in the evaluation.
With --compare, another checkpoint reading the same token ids (one quantized elsewhere: GPTQ, AWQ, compressed-tensors, FP8, GGUF, or an export) is scored on the same windows instead, with its KL divergence from MODEL_DIR and how often both rank the same next token first.</source>
        <translation>对文本中的每个文档单独计分，输入为 BOS + ID，窗口长度最多为上下文长度，每隔 stride 个 token 开始一个窗口；每个窗口预测其第一个 token 之后、尚未被之前窗口计分的 token。困惑度 = exp(总 NLL / 计分 token 数)。
指定计划（--method 或 --recipe）时，还会在相同窗口上对按该计划量化的模型计分，并给出其下一个 token 分布相对于存储模型的平均 KL 散度。需要校准的计划（GPTQ、AWQ、SmoothQuant、截断搜索）会先像 quantize 命令一样在 --calib 上运行；评估时会应用激活量化（W8A8）。
使用 --compare 时，改为在相同窗口上对另一个读取相同 token ID 的检查点计分（在别处量化的检查点：GPTQ、AWQ、compressed-tensors、FP8、GGUF，或导出结果），并给出它相对于 MODEL_DIR 的 KL 散度，以及两者把同一个下一 token 排在首位的比例。</translation>
    </message>
    <message>
        <source>Also score the model at PATH on the same windows, with the KL divergence of its next-token distributions from MODEL_DIR&apos;s (MODEL_DIR is the reference: the original model). PATH is a checkpoint folder or GGUF file of the same vocabulary and tokenizer, quantized or not. Not with a plan or a project.</source>
        <translation>同时在相同窗口上对 PATH 处的模型计分，并给出其下一个 token 分布相对于 MODEL_DIR 的 KL 散度（MODEL_DIR 为参照：原始模型）。PATH 是词表和分词器相同的检查点文件夹或 GGUF 文件，量化与否均可。不能与计划或项目一起使用。</translation>
    </message>
    <message>
        <source>--compare scores another checkpoint against the model as stored; it does not go with a plan or a project</source>
        <translation>--compare 将另一个检查点与存储的模型对比计分；不能与计划或项目一起使用</translation>
    </message>
    <message>
        <source>--compare does not go with --save-project or the calibration options</source>
        <translation>--compare 不能与 --save-project 或校准选项一起使用</translation>
    </message>
    <message>
        <source>Continues a prompt with the model, greedily (the most probable token each time, so the same prompt always gives the same text), the earlier positions&apos; keys and values cached. With a plan (--method or --recipe), the model quantized by that plan continues it too, and the number of leading tokens the two continuations share is printed: where quantization first changes what the model writes. A plan that needs calibration (GPTQ, AWQ, SmoothQuant, the clip search) is first run on --calib, as quantize runs it. With --compare, another checkpoint of the model (one quantized elsewhere, or an export) continues it instead.</source>
        <translation>用模型贪心地续写提示（每次取概率最高的 token，因此同一提示总是得到同一文本），并缓存之前位置的键和值。指定计划（--method 或 --recipe）时，按该计划量化的模型也会续写，并输出两段续写共有的开头 token 数：即量化首次改变模型输出的位置。需要校准的计划（GPTQ、AWQ、SmoothQuant、截断搜索）会先像 quantize 命令一样在 --calib 上运行。使用 --compare 时，改为由该模型的另一个检查点（在别处量化的检查点或导出结果）续写。</translation>
    </message>
    <message>
        <source>Continue the prompt with the model at PATH too (a checkpoint folder or GGUF file reading the same token ids, quantized or not) and compare the two. Not with a plan or a project.</source>
        <translation>同时用 PATH 处的模型续写提示（读取相同 token ID 的检查点文件夹或 GGUF 文件，量化与否均可），并对比两者。不能与计划或项目一起使用。</translation>
    </message>
    <message>
        <source>--compare continues the prompt with another checkpoint; it does not go with a plan, a project or the calibration options</source>
        <translation>--compare 用另一个检查点续写提示；不能与计划、项目或校准选项一起使用</translation>
    </message>
    <message>
        <source>%1 and %2 tokenize the prompt into different ids: only models that share a tokenizer can be compared</source>
        <translation>%1 和 %2 将提示切分为不同的 ID：只有使用同一分词器的模型才能对比</translation>
    </message>
</context>
<context>
    <name>CompressedTensorsCheckpoint</name>
    <message>
        <source>%1: %2 must be %3, not %4</source>
        <translation>%1：%2 必须是 %3，而不是 %4</translation>
    </message>
    <message>
        <source>%1: config_groups must be a non-empty object, not %2</source>
        <translation>%1：config_groups 必须是非空对象，而不是 %2</translation>
    </message>
    <message>
        <source>%1 must be an object, not %2</source>
        <translation>%1 必须是对象，而不是 %2</translation>
    </message>
    <message>
        <source>%1: targets must be a non-empty list of names, not %2</source>
        <translation>%1：targets 必须是非空的名称列表，而不是 %2</translation>
    </message>
    <message>
        <source>%1: targets must hold names, not %2</source>
        <translation>%1：targets 必须包含名称，而不是 %2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid regular expression: %3</source>
        <translation>%1：&quot;%2&quot; 不是有效的正则表达式：%3</translation>
    </message>
    <message>
        <source>%1: weights must be an object, not %2</source>
        <translation>%1：weights 必须是对象，而不是 %2</translation>
    </message>
    <message>
        <source>%1: num_bits must be an integer from 1 to 8, not %2</source>
        <translation>%1：num_bits 必须是 1 到 8 之间的整数，而不是 %2</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1：%2 必须是 true 或 false，而不是 %3</translation>
    </message>
    <message>
        <source>%1: group_size must be -1 or a positive integer, not %2</source>
        <translation>%1：group_size 必须是 -1 或正整数，而不是 %2</translation>
    </message>
    <message>
        <source>%1: strategy &quot;group&quot; needs a positive group_size, not %2</source>
        <translation>%1：strategy &quot;group&quot; 需要正的 group_size，而不是 %2</translation>
    </message>
    <message>
        <source>%1: group_size %2 needs strategy &quot;group&quot;, not &quot;%3&quot;</source>
        <translation>%1：group_size %2 需要 strategy &quot;group&quot;，而不是 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: actorder &quot;group&quot; needs strategy &quot;group&quot;</source>
        <translation>%1：actorder &quot;group&quot; 需要 strategy &quot;group&quot;</translation>
    </message>
    <message>
        <source>%1: ignore must hold module names, not %2</source>
        <translation>%1：ignore 必须包含模块名称，而不是 %2</translation>
    </message>
    <message>
        <source>%1: ignore must be a list of module names, not %2</source>
        <translation>%1：ignore 必须是模块名称列表，而不是 %2</translation>
    </message>
    <message>
        <source>%1: %2 matches the targets of config groups %3 and %4 equally well</source>
        <translation>%1：%2 与配置组 %3 和 %4 的 targets 匹配程度相同</translation>
    </message>
    <message>
        <source>%1: %2 is stored unquantized, but config group %3 targets it, so loaders expect %4</source>
        <translation>%1：%2 以未量化形式存储，但配置组 %3 的 targets 包含它，因此加载器期望存在 %4</translation>
    </message>
    <message>
        <source>%1: %2 is stored quantized, but the quantization config leaves it unquantized (ignore, or no target)</source>
        <translation>%1：%2 以量化形式存储，但量化配置规定它不量化（ignore，或不在任何 targets 中）</translation>
    </message>
    <message>
        <source>%1: tensor %2 holds [%3, %4], which %5 %6 at %7 bits does not hold</source>
        <translation>%1：张量 %2 给出的形状为 [%3, %4]，而 %7 位下的 %5 %6 无法容纳它</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing</source>
        <translation>%1：缺少张量 %2</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be floating-point, not %3</source>
        <translation>%1：张量 %2 必须是浮点类型，而不是 %3</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (config group %3 is asymmetric)</source>
        <translation>%1：缺少张量 %2（配置组 %3 是非对称的）</translation>
    </message>
    <message>
        <source>%1: tensor %2: input %3 is in group %4, outside the %5 groups</source>
        <translation>%1：张量 %2：输入 %3 属于第 %4 组，超出了 %5 个组</translation>
    </message>
    <message>
        <source>%1: tensor %2 is present, but config group %3 has no actorder &quot;group&quot;</source>
        <translation>%1：存在张量 %2，但配置组 %3 没有 actorder &quot;group&quot;</translation>
    </message>
    <message>
        <source>%1: tensor %2: zero point %3 is not 0, as config group %4 is symmetric</source>
        <translation>%1：张量 %2：零点 %3 不为 0，而配置组 %4 是对称的</translation>
    </message>
    <message>
        <source>%1: tensor %2: zero point %3 is not a signed %4-bit value</source>
        <translation>%1：张量 %2：零点 %3 不是有符号 %4 位值</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be I8, not %3 %4</source>
        <translation>%1：张量 %2 必须是 I8，而不是 %3 %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be I32 (packed along the outputs) or I8, not %3 %4</source>
        <translation>%1：张量 %2 必须是 I32（沿输出维度打包）或 I8，而不是 %3 %4</translation>
    </message>
    <message>
        <source>%1: kv_cache_scheme: runtimes quantize the attention keys and values as the model runs; QuantBench imports the weights only, so its evaluation keeps them in full precision</source>
        <translation>%1：kv_cache_scheme：运行时会在模型运行时量化注意力的键和值；QuantBench 只导入权重，因此其评估中它们保持全精度</translation>
    </message>
    <message>
        <source>%1: output_activations are quantized, which QuantBench does not import</source>
        <translation>%1：output_activations 已量化，QuantBench 不导入这种检查点</translation>
    </message>
    <message>
        <source>%1: the input activations are quantized too (%2) as the model runs; QuantBench imports the weights only, so its evaluation keeps the activations in full precision</source>
        <translation>%1：模型运行时输入激活也会被量化（%2）；QuantBench 只导入权重，因此其评估中激活保持全精度</translation>
    </message>
    <message>
        <source>%1: float weights of %2 bits are not a format QuantBench reads (FP8 is num_bits 8)</source>
        <translation>%1：%2 位浮点权重不是 QuantBench 能读取的格式（FP8 为 num_bits 8）</translation>
    </message>
    <message>
        <source>%1: float weights are stored as values (float-quantized), not packed (%2)</source>
        <translation>%1：浮点权重按值存储（float-quantized），而不是打包存储（%2）</translation>
    </message>
    <message>
        <source>%1: float weights have no zero point; symmetric must be true</source>
        <translation>%1：浮点权重没有零点；symmetric 必须为 true</translation>
    </message>
    <message>
        <source>%1: strategy &quot;block&quot; needs block_structure [rows, columns] of positive integers, not %2</source>
        <translation>%1：strategy &quot;block&quot; 需要由正整数组成的 block_structure [行, 列]，而不是 %2</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (config group %3 is pack-quantized)</source>
        <translation>%1：缺少张量 %2（配置组 %3 是 pack-quantized）</translation>
    </message>
    <message>
        <source>%1: tensor %2 is present, but config group %3 stores its values unpacked in %4</source>
        <translation>%1：存在张量 %2，但配置组 %3 将其值未打包地存储在 %4 中</translation>
    </message>
    <message>
        <source>%1: tensor %2 is present, but config group %3 has float weights, which have no zero point</source>
        <translation>%1：存在张量 %2，但配置组 %3 的权重是浮点数，没有零点</translation>
    </message>
    <message>
        <source>%1: tensor %2: value %3 at [%4, %5] is not a signed %6-bit value</source>
        <translation>%1：张量 %2：位于 [%4, %5] 的值 %3 不是有符号 %6 位值</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (%3 holds %4 values)</source>
        <translation>%1：缺少张量 %2（%3 存有 %4 值）</translation>
    </message>
    <message>
        <source>%1: num_bits must be an integer from 1 to 32, not %2</source>
        <translation>%1：num_bits 必须是 1 到 32 之间的整数，而不是 %2</translation>
    </message>
    <message>
        <source>per token</source>
        <translation>逐 token</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>in groups of %1</source>
        <translation>每组 %1 个</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>逐张量</translation>
    </message>
    <message>
        <source>%1-bit %2, %3, %4</source>
        <translation>%1 位%2，%3，%4</translation>
    </message>
    <message>
        <source>float</source>
        <translation>浮点</translation>
    </message>
    <message>
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>动态</translation>
    </message>
    <message>
        <source>static (input_scale)</source>
        <translation>静态（input_scale）</translation>
    </message>
    <message>
        <source>%1: dynamic must be false for stored weights, not %2</source>
        <translation>%1：对于存储的权重，dynamic 必须是 false，而不是 %2</translation>
    </message>
</context>
<context>
    <name>CompressedTensorsExporter</name>
    <message>
        <source>%1, act-order</source>
        <translation>%1，act-order</translation>
    </message>
    <message>
        <source>%1 is quantized, but vLLM loads the lm_head of a compressed-tensors checkpoint unquantized only: keep it unquantized (method none) or choose --format gptq</source>
        <translation>%1 已量化，但 vLLM 只能加载未量化的 compressed-tensors 检查点 lm_head：请保持其未量化（method none），或选择 --format gptq</translation>
    </message>
    <message>
        <source>%1: %2-bit codes; pack-quantized compressed-tensors checkpoints hold 4 or 8 bits (vLLM serves no other width): choose --format gptq for 2- and 3-bit layers</source>
        <translation>%1：%2 位代码；pack-quantized 的 compressed-tensors 检查点只能容纳 4 或 8 位（vLLM 不支持其他位宽）：对于 2 位和 3 位的层，请选择 --format gptq</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: compressed-tensors needs the group size to divide the %3 inputs, and %4 does not; choose a group size that does, or per-channel (-1)</source>
        <translation>%1 [%2, %3]：compressed-tensors 要求分组大小能整除 %3 个输入，而 %4 不能；请选择能整除的分组大小，或逐通道（-1）</translation>
    </message>
    <message>
        <source>%1: zero point %2 is not a %3-bit code</source>
        <translation>%1：零点 %2 不是 %3 位代码</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in %3, the layer&apos;s scale type</source>
        <translation>%1：缩放因子 %2 超出 %3（该层缩放因子的类型）的范围</translation>
    </message>
    <message>
        <source>%1: a code does not fit in %2 bits</source>
        <translation>%1：有代码超出 %2 位</translation>
    </message>
    <message>
        <source>%1: the run kept no integer codes for this layer</source>
        <translation>%1：本次运行没有为该层保留整数代码</translation>
    </message>
    <message>
        <source>nothing is quantized: a compressed-tensors checkpoint needs at least one quantized layer</source>
        <translation>没有任何层被量化：compressed-tensors 检查点至少需要一个量化层</translation>
    </message>
    <message>
        <source>internal error: the config groups&apos; targets written for %1 do not give it its setting</source>
        <translation>内部错误：为 %1 写入的配置组 targets 没有得到它的设置</translation>
    </message>
    <message>
        <source>vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer each, and their settings differ in %1</source>
        <translation>vLLM 会拒绝此检查点：它把 q/k/v 和 gate/up 各自融合成一层，而它们的设置在 %1 中不同</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) do not fill whole 32-bit words (inputs, or the outputs of asymmetric layers, are not a multiple of 32 / bits: %1): compressed-tensors pads the last word and transformers reads them, but vLLM&apos;s kernels refuse them</source>
        <translation>
            <numerusform>%n 个层未填满整个 32 位字（输入数，或非对称层的输出数，不是 32 / bits 的倍数：%1）：compressed-tensors 会填充最后一个字，transformers 也能读取这些层，但 vLLM 的内核会拒绝它们</numerusform>
        </translation>
    </message>
    <message>
        <source>int8 weights per channel, int8 activations per token</source>
        <translation>每通道 int8 权重，每 token int8 激活</translation>
    </message>
    <message>
        <source>%1: int-quantized layers hold 8-bit symmetric per-channel weights, not %2</source>
        <translation>%1：int-quantized 层存放 8 位对称的每通道权重，而不是 %2</translation>
    </message>
    <message>
        <source>the plan mixes weight-only layers (pack-quantized) with W8A8 layers (int-quantized), so the config&apos;s format is &quot;mixed-precision&quot; with a format per config group: loaders that predate that format of compressed-tensors refuse it</source>
        <translation>该计划将仅权重量化的层（pack-quantized）与 W8A8 层（int-quantized）混合，因此配置的格式为 &quot;mixed-precision&quot;，每个配置组各有其格式：早于 compressed-tensors 这一格式的加载器会拒绝它</translation>
    </message>
</context>
<context>
    <name>ComputeBackends</name>
    <message>
        <source>this build of QuantBench has no OpenCL backend (the OpenCL headers were not found when it was built)</source>
        <translation>此 QuantBench 构建没有 OpenCL 后端（构建时未找到 OpenCL 头文件）</translation>
    </message>
    <message>
        <source>unknown backend &quot;%1&quot;: expected cpu, opencl or opencl:PLATFORM:DEVICE (see `quantbench-cli devices`)</source>
        <translation>未知后端“%1”：应为 cpu、opencl 或 opencl:平台:设备（见 `quantbench-cli devices`）</translation>
    </message>
    <message>
        <source>no OpenCL device (%1); running on the CPU</source>
        <translation>没有 OpenCL 设备（%1）；在 CPU 上运行</translation>
    </message>
    <message>
        <source>there is no OpenCL device %1 (see `quantbench-cli devices`); running on the CPU</source>
        <translation>不存在 OpenCL 设备 %1（见 `quantbench-cli devices`）；在 CPU 上运行</translation>
    </message>
    <message>
        <source>%1 could not be set up, running on the CPU: %2</source>
        <translation>无法设置 %1，在 CPU 上运行：%2</translation>
    </message>
    <message>
        <source>this build of QuantBench has no OpenCL backend; running on the CPU</source>
        <translation>此 QuantBench 构建没有 OpenCL 后端；在 CPU 上运行</translation>
    </message>
</context>
<context>
    <name>CpuSupport</name>
    <message>
        <source>This build of QuantBench uses instructions this processor does not have (%1). Rebuild it for this machine: scripts/build -DQB_CPU_ARCH=native</source>
        <translation>此 QuantBench 构建使用了该处理器不支持的指令（%1）。请为本机重新构建：scripts/build -DQB_CPU_ARCH=native</translation>
    </message>
</context>
<context>
    <name>ExportFolder</name>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>the quantization run was cancelled: the layers it did not reach are stored in full precision</source>
        <translation>量化运行已取消：未处理到的层以全精度存储</translation>
    </message>
</context>
<context>
    <name>FakeQuantExporter</name>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); a fake-quant checkpoint stores only weights, so a loader of it computes those layers with full-precision activations</source>
        <translation>
            <numerusform>%n 个层将其输入激活舍入为 int8（W8A8）；伪量化检查点只存储权重，因此其加载器会以全精度激活计算这些层</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FallbackBackend</name>
    <message>
        <source>out of host memory for the device&apos;s buffers</source>
        <translation>主机内存不足，无法分配设备缓冲区</translation>
    </message>
    <message>
        <source>%1 failed, continuing on the CPU: %2</source>
        <translation>%1 出错，在 CPU 上继续：%2</translation>
    </message>
</context>
<context>
    <name>Fp8Checkpoint</name>
    <message>
        <source>%1: quant_method must be &quot;fp8&quot;, not %2</source>
        <translation>%1：quant_method 必须为 &quot;fp8&quot;，而不是 %2</translation>
    </message>
    <message>
        <source>%1: weight_block_size must be [rows, columns] of positive integers, not %2</source>
        <translation>%1：weight_block_size 必须是由正整数组成的 [行, 列]，而不是 %2</translation>
    </message>
    <message>
        <source>%1: activation_scheme must be &quot;dynamic&quot; or &quot;static&quot;, not %2</source>
        <translation>%1：activation_scheme 必须为 &quot;dynamic&quot; 或 &quot;static&quot;，而不是 %2</translation>
    </message>
    <message>
        <source>with the static input_scale of each layer</source>
        <translation>使用每层的静态 input_scale</translation>
    </message>
    <message>
        <source>per token, in groups of %1 channels</source>
        <translation>逐 token，每组 %1 个通道</translation>
    </message>
    <message>
        <source>per token</source>
        <translation>逐 token</translation>
    </message>
    <message>
        <source>%1: runtimes quantize the input activations to FP8 too (%2) as the model runs; QuantBench imports the weights only, so its evaluation keeps the activations in full precision</source>
        <translation>%1：模型运行时，运行时也会将输入激活量化为 FP8（%2）；QuantBench 只导入权重，因此其评估中激活保持全精度</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing (%3 holds FP8 values)</source>
        <translation>%1：缺少张量 %2（%3 存有 FP8 值）</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be floating-point, not %3</source>
        <translation>%1：张量 %2 必须是浮点类型，而不是 %3</translation>
    </message>
    <message>
        <source>%1: tensor %2 has shape %3; %4 %5 needs one scale, or one per output (%6)</source>
        <translation>%1：张量 %2 的形状为 %3；%4 %5 需要一个缩放因子，或每个输出一个（%6）</translation>
    </message>
</context>
<context>
    <name>GgufExporter</name>
    <message>
        <source>GGUF export writes llama.cpp&apos;s &quot;llama&quot; architecture; this model is %1</source>
        <translation>GGUF 导出写入的是 llama.cpp 的 &quot;llama&quot; 架构；此模型为 %1</translation>
    </message>
    <message>
        <source>the model uses rope_scaling &quot;%1&quot;, which this GGUF export does not write (llama.cpp needs a rope_freqs tensor for it)</source>
        <translation>该模型使用 rope_scaling &quot;%1&quot;，此 GGUF 导出不支持写入（llama.cpp 需要为其提供 rope_freqs 张量）</translation>
    </message>
    <message>
        <source>head_dim %1 × %2 heads differs from hidden_size %3, which llama.cpp&apos;s llama architecture assumes</source>
        <translation>head_dim %1 × %2 个头不等于 hidden_size %3，而 llama.cpp 的 llama 架构假定二者相等</translation>
    </message>
    <message>
        <source>%1: GGUF export writes the sentencepiece tokenizer (tokenizer.ggml.model &quot;llama&quot;) and needs tokenizer.model; a tokenizer.json-only (BPE) model is not supported</source>
        <translation>%1：GGUF 导出写入 sentencepiece 分词器（tokenizer.ggml.model &quot;llama&quot;），需要 tokenizer.model；不支持仅有 tokenizer.json（BPE）的模型</translation>
    </message>
    <message>
        <source>%1: rows of %2 values fit no GGUF block (32 or 256 values), so its dequantized %3-bit weight is stored in F32: exact, but not smaller</source>
        <translation>%1：%2 个值的行无法放入任何 GGUF 块（32 或 256 个值），因此其反量化的 %3 位权重以 F32 存储：精确，但不会更小</translation>
    </message>
    <message>
        <source>%1: %2-bit %3 has no GGUF type holding its codes; re-quantized from the dequantized weight to %4, which differs slightly from the run</source>
        <translation>%1：%2 位的 %3 没有可容纳其代码的 GGUF 类型；已从反量化权重重新量化为 %4，与本次运行的结果略有不同</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); GGUF stores only weights, so llama.cpp computes those layers with full-precision activations</source>
        <translation>
            <numerusform>%n 个层将其输入激活舍入为 int8（W8A8）；GGUF 只存储权重，因此 llama.cpp 会以全精度激活计算这些层</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 already exists; give --force (or confirm) to replace it</source>
        <translation>%1 已存在；请指定 --force（或确认）以替换它</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>tokenizer.model has %1 pieces but the model&apos;s vocab_size is %2</source>
        <translation>tokenizer.model 有 %1 个词片，但模型的 vocab_size 为 %2</translation>
    </message>
    <message>
        <source>%1: a code does not fit in %2 bits</source>
        <translation>%1：有代码超出 %2 位</translation>
    </message>
    <message>
        <source>%1: tensor %2 has dtype %3, which GGUF export does not write</source>
        <translation>%1：张量 %2 的 dtype 为 %3，GGUF 导出不支持写入该类型</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in the fp16 of a GGUF block</source>
        <translation>%1：缩放因子 %2 超出 GGUF 块中 fp16 的范围</translation>
    </message>
    <message>
        <source>%1: cannot rename the finished file into place</source>
        <translation>%1：无法将完成的文件重命名到目标位置</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>%1: rows of %2 values are not whole k-quant blocks (256 values), so its weights (%3) are re-quantized from the dequantized weight to %4: %5 bits per weight, more than planned</source>
        <translation>%1：每行 %2 个值不是完整的 K-quant 块（256 个值），因此其权重（%3）将从反量化后的权重重新量化为 %4：每个权重 %5 位，超出计划</translation>
    </message>
    <message>
        <source>%1: GGUF has no %2-bit type, so its weights (%3) are re-quantized from the dequantized weight to %4: %5 bits per weight, more than planned</source>
        <translation>%1：GGUF 没有 %2 位类型，因此其权重（%3）将从反量化后的权重重新量化为 %4：每个权重 %5 位，超出计划</translation>
    </message>
</context>
<context>
    <name>GgufFile</name>
    <message>
        <source>%1 at byte %2 runs past the end of the file (%3 bytes)</source>
        <translation>字节 %2 处的 %1 超出了文件末尾（文件共 %3 字节）</translation>
    </message>
    <message>
        <source>the length of %1</source>
        <translation>%1 的长度</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
    <message>
        <source>cannot map the file: %1</source>
        <translation>无法映射文件：%1</translation>
    </message>
    <message>
        <source>the value of metadata key &quot;%1&quot;</source>
        <translation>元数据键 &quot;%1&quot; 的值</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: a BOOL must be 0 or 1, but it is %2</source>
        <translation>元数据键 &quot;%1&quot;：BOOL 必须为 0 或 1，但实际为 %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: arrays of arrays are not supported</source>
        <translation>元数据键 &quot;%1&quot;：不支持数组的数组</translation>
    </message>
    <message>
        <source>the element type of %1</source>
        <translation>%1 的元素类型</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: unknown array element type %2</source>
        <translation>元数据键 &quot;%1&quot;：未知的数组元素类型 %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: an array of %2 elements does not fit in the rest of the file (%3 bytes)</source>
        <translation>元数据键 &quot;%1&quot;：%2 个元素的数组超出了文件的剩余部分（%3 字节）</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot;: unknown value type %2</source>
        <translation>元数据键 &quot;%1&quot;：未知的值类型 %2</translation>
    </message>
    <message>
        <source>the magic</source>
        <translation>魔数</translation>
    </message>
    <message>
        <source>not a GGUF file: the magic is 0x%1, not &quot;GGUF&quot;</source>
        <translation>不是 GGUF 文件：魔数为 0x%1，而不是 &quot;GGUF&quot;</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>版本号</translation>
    </message>
    <message>
        <source>GGUF version %1; QuantBench reads version %2</source>
        <translation>GGUF 版本 %1；QuantBench 读取的是版本 %2</translation>
    </message>
    <message>
        <source>the tensor count</source>
        <translation>张量数量</translation>
    </message>
    <message>
        <source>the metadata count</source>
        <translation>元数据数量</translation>
    </message>
    <message>
        <source>the metadata count %1 cannot fit in the file (%2 bytes)</source>
        <translation>元数据数量 %1 超出了文件的容量（%2 字节）</translation>
    </message>
    <message>
        <source>the tensor count %1 cannot fit in the file (%2 bytes)</source>
        <translation>张量数量 %1 超出了文件的容量（%2 字节）</translation>
    </message>
    <message>
        <source>metadata key %1</source>
        <translation>元数据键 %1</translation>
    </message>
    <message>
        <source>metadata key %1 is empty</source>
        <translation>元数据键 %1 为空</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; appears twice</source>
        <translation>元数据键 &quot;%1&quot; 出现了两次</translation>
    </message>
    <message>
        <source>the type of metadata key &quot;%1&quot;</source>
        <translation>元数据键 &quot;%1&quot; 的类型</translation>
    </message>
    <message>
        <source>general.alignment must be a UINT32, but it is a %1</source>
        <translation>general.alignment 必须为 UINT32，但实际为 %1</translation>
    </message>
    <message>
        <source>general.alignment %1 is not a power of two</source>
        <translation>general.alignment %1 不是 2 的幂</translation>
    </message>
    <message>
        <source>the name of tensor %1</source>
        <translation>张量 %1 的名称</translation>
    </message>
    <message>
        <source>tensor %1 has an empty name</source>
        <translation>张量 %1 的名称为空</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; appears twice</source>
        <translation>张量 &quot;%1&quot; 出现了两次</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot;</source>
        <translation>张量 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the rank of %1</source>
        <translation>%1 的维数</translation>
    </message>
    <message>
        <source>%1: rank %2; ggml tensors have 1 to %3 dimensions</source>
        <translation>%1：维数为 %2；ggml 张量有 1 到 %3 个维度</translation>
    </message>
    <message>
        <source>dimension %1 of %2</source>
        <translation>%2 的第 %1 维</translation>
    </message>
    <message>
        <source>%1: dimension %2 is %3, which is zero or makes the tensor too large</source>
        <translation>%1：第 %2 维为 %3，为零或会使张量过大</translation>
    </message>
    <message>
        <source>the type of %1</source>
        <translation>%1 的类型</translation>
    </message>
    <message>
        <source>%1: rows of %2 values are not a whole number of %3 blocks of %4</source>
        <translation>%1：每行 %2 个值，不能构成整数个 %3 块（每块 %4 个）</translation>
    </message>
    <message>
        <source>the offset of %1</source>
        <translation>%1 的偏移量</translation>
    </message>
    <message>
        <source>%1: offset %2 is not a multiple of the alignment %3</source>
        <translation>%1：偏移量 %2 不是对齐值 %3 的倍数</translation>
    </message>
    <message>
        <source>the data section (from byte %1) starts past the end of the file (%2 bytes)</source>
        <translation>数据区（从字节 %1 开始）的起点超出了文件末尾（文件共 %2 字节）</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot;: its data [%2, %3) run past the end of the data section (%4 bytes; file size %5)</source>
        <translation>张量 &quot;%1&quot;：其数据 [%2, %3) 超出了数据区末尾（数据区 %4 字节；文件大小 %5）</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; is missing</source>
        <translation>缺少元数据键 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be an integer, but it is a %2</source>
        <translation>元数据键 &quot;%1&quot; 必须为整数，但实际为 %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be a FLOAT32, but it is a %2</source>
        <translation>元数据键 &quot;%1&quot; 必须为 FLOAT32，但实际为 %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be a STRING, but it is a %2</source>
        <translation>元数据键 &quot;%1&quot; 必须为 STRING，但实际为 %2</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; must be an array of %2</source>
        <translation>元数据键 &quot;%1&quot; 必须为 %2 数组</translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; has %2 entries, but %3 are expected</source>
        <translation>元数据键 &quot;%1&quot; 有 %2 个条目，但应为 %3 个</translation>
    </message>
    <message>
        <source>%1: ggml type %2 is not one QuantBench reads (%3)</source>
        <translation>%1：QuantBench 不读取 ggml 类型 %2（%3）</translation>
    </message>
</context>
<context>
    <name>GptqCheckpoint</name>
    <message>
        <source>%1: quant_method must be &quot;gptq&quot;, not %2</source>
        <translation>%1：quant_method 必须是“gptq”，而不是 %2</translation>
    </message>
    <message>
        <source>%1: bits is missing</source>
        <translation>%1：缺少 bits</translation>
    </message>
    <message>
        <source>%1: %2 must be &quot;gptq&quot; or &quot;gptq_v2&quot;, not %3</source>
        <translation>%1：%2 必须是“gptq”或“gptq_v2”，而不是 %3</translation>
    </message>
    <message>
        <source>%1: checkpoint_format and format disagree</source>
        <translation>%1：checkpoint_format 与 format 不一致</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1：%2 必须是 true 或 false，而不是 %3</translation>
    </message>
    <message>
        <source>%1: dynamic must be an object, not %2</source>
        <translation>%1：dynamic 必须是对象，而不是 %2</translation>
    </message>
    <message>
        <source>%1: %2 is stored quantized, but the quantization config leaves it unquantized (%3)</source>
        <translation>%1：%2 以量化形式存储，但量化配置规定它不量化（%3）</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing</source>
        <translation>%1：缺少张量 %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3) cannot be packed: K and N must fill whole 32-bit words</source>
        <translation>%1：%2（%3）无法打包：K 和 N 必须填满整个 32 位字</translation>
    </message>
    <message>
        <source>%1: tensor %2: input %3 is in group %4, outside the %5 groups</source>
        <translation>%1：张量 %2：输入 %3 属于第 %4 组，超出了 %5 个组</translation>
    </message>
</context>
<context>
    <name>GptqDynamicRules</name>
    <message>
        <source>%1: &quot;%2&quot; is not a valid regular expression: %3</source>
        <translation>%1：“%2”不是有效的正则表达式：%3</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must map to an object of overrides, not %3</source>
        <translation>%1：“%2”必须对应一个覆盖设置对象，而不是 %3</translation>
    </message>
    <message>
        <source>%1: bits must be 2, 3, 4 or 8, not %2</source>
        <translation>%1：bits 必须是 2、3、4 或 8，而不是 %2</translation>
    </message>
    <message>
        <source>%1: group_size must be -1 or a positive integer, not %2</source>
        <translation>%1：group_size 必须是 -1 或正整数，而不是 %2</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not %3</source>
        <translation>%1：%2 必须是 true 或 false，而不是 %3</translation>
    </message>
</context>
<context>
    <name>GptqExporter</name>
    <message>
        <source>%1: %2-bit codes; GPTQ packs 2, 3, 4 or 8 bits</source>
        <translation>%1：%2 位代码；GPTQ 只打包 2、3、4 或 8 位</translation>
    </message>
    <message>
        <source>%1 [%2, %3]: GPTQ packs codes into 32-bit words, so at %4 bits both dimensions must be multiples of %5</source>
        <translation>%1 [%2, %3]：GPTQ 将代码打包进 32 位字，因此在 %4 位时两个维度都必须是 %5 的倍数</translation>
    </message>
    <message>
        <source>%1 is asymmetric: GPTQ v1 stores each zero point minus one, so a zero point of 0 would wrap; export gptq_v2 (the default) instead</source>
        <translation>%1 是非对称的：GPTQ v1 将每个零点减一存储，零点为 0 时会回绕；请改为导出 gptq_v2（默认）</translation>
    </message>
    <message>
        <source>%1: zero point %2 is not a %3-bit code</source>
        <translation>%1：零点 %2 不是 %3 位代码</translation>
    </message>
    <message>
        <source>%1: scale %2 does not fit in float16, the type GPTQ stores scales in</source>
        <translation>%1：缩放 %2 超出 float16 的范围，而 GPTQ 以 float16 存储缩放</translation>
    </message>
    <message>
        <source>%1: a code does not fit in %2 bits</source>
        <translation>%1：有代码超出 %2 位</translation>
    </message>
    <message>
        <source>%1: the run kept no integer codes for this layer</source>
        <translation>%1：本次运行没有为该层保留整数代码</translation>
    </message>
    <message>
        <source>nothing is quantized: a GPTQ checkpoint needs at least one quantized layer</source>
        <translation>没有任何层被量化：GPTQ 检查点至少需要一个量化层</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) round their input activations to int8 (W8A8); a GPTQ checkpoint stores only weights, so its loaders compute those layers with full-precision activations</source>
        <translation>
            <numerusform>%n 层将输入激活舍入为 int8（W8A8）；GPTQ 检查点只存储权重，因此其加载器会以全精度激活计算这些层</numerusform>
        </translation>
    </message>
    <message>
        <source>vLLM will refuse this checkpoint: it fuses q/k/v and gate/up into one layer each, and their settings differ in %1</source>
        <translation>vLLM 会拒绝此检查点：它把 q/k/v 和 gate/up 各自融合成一层，而它们的设置在 %1 中不同</translation>
    </message>
    <message>
        <source>internal error: the dynamic rules written for %1 do not give it its setting (%2)</source>
        <translation>内部错误：为 %1 写入的 dynamic 规则没有得到它的设置（%2）</translation>
    </message>
</context>
<context>
    <name>GptqQuantizer</name>
    <message>
        <source>the inputs&apos; Hessian is not positive definite even with %1 × its mean diagonal added; rounded to nearest instead</source>
        <translation>即使加上 %1 × 平均对角线值，输入的 Hessian 矩阵仍不是正定的；已改用就近舍入</translation>
    </message>
    <message>
        <source>damping raised to %1 × the mean Hessian diagonal to make it invertible</source>
        <translation>阻尼已提高到 %1 × Hessian 平均对角线值，以使其可逆</translation>
    </message>
</context>
<context>
    <name>GptqStepThrough</name>
    <message>
        <source>the GPTQ step-through takes 1 to %1 rows of 1 to %2 columns, not %3 × %4</source>
        <translation>GPTQ 逐步演示接受 1 到 %1 行、1 到 %2 列，而不是 %3 × %4</translation>
    </message>
    <message>
        <source>the slice has %1 columns, its Hessian %2</source>
        <translation>该切片有 %1 列，而其 Hessian 为 %2</translation>
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
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>%1: %2 must be %3, but it is %4</source>
        <translation>%1：%2 必须是%3，但它是%4</translation>
    </message>
    <message>
        <source>%1: %2 has no &quot;%3&quot;</source>
        <translation>%1：%2 没有“%3”</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>非空字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
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
    <name>LayerInputProfileText</name>
    <message>
        <source>full-precision calibration at %1</source>
        <translation>全精度校准，于 %1</translation>
    </message>
    <message>
        <source>from the %1 run at %2</source>
        <translation>来自 %2 的 %1 运行</translation>
    </message>
    <message>
        <source>from the quantization run at %1</source>
        <translation>来自 %1 的量化运行</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n input channel(s) · %2 rows · %3</source>
        <translation>
            <numerusform>%1 · %n 个输入通道 · %2 行 · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>AWQ scale s</source>
        <translation>AWQ 缩放因子 s</translation>
    </message>
    <message>
        <source>SmoothQuant factor s</source>
        <translation>SmoothQuant 因子 s</translation>
    </message>
</context>
<context>
    <name>LayerInputProfiler</name>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>模型中没有名为 &quot;%1&quot; 的线性层</translation>
    </message>
    <message>
        <source>%1: the input statistics have %2 channels, the layer has %3 inputs</source>
        <translation>%1：输入统计量有 %2 个通道，而该层有 %3 个输入</translation>
    </message>
    <message>
        <source>there is no input site %1 in the model</source>
        <translation>模型中没有输入位置 %1</translation>
    </message>
    <message>
        <source>there is no calibration window to run</source>
        <translation>没有可运行的校准窗口</translation>
    </message>
    <message numerus="yes">
        <source>Looking up the token embeddings of %n calibration window(s)</source>
        <translation>
            <numerusform>正在查找 %n 个校准窗口的 token 嵌入</numerusform>
        </translation>
    </message>
    <message>
        <source>Full-precision pass: block %1 of %2</source>
        <translation>全精度前向传播：第 %1 个块（共 %2 个）</translation>
    </message>
    <message>
        <source>the calibration pass did not reach input site %1</source>
        <translation>校准前向传播未到达输入位置 %1</translation>
    </message>
    <message>
        <source>Estimating the condition of the damped Hessian</source>
        <translation>正在估计带阻尼 Hessian 的条件数</translation>
    </message>
    <message>
        <source>%1: the measurement is of another input site</source>
        <translation>%1：该测量属于另一个输入位置</translation>
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
    <message>
        <source>%1: tensor &quot;%2&quot; is FP8 (F8_E4M3), whose values mean nothing without their scales; QuantBench reads FP8 weights with their scales from checkpoints whose config.json says how they were quantized (quantization_config: quant_method &quot;compressed-tensors&quot; or &quot;fp8&quot;)</source>
        <translation>%1：张量 &quot;%2&quot; 是 FP8（F8_E4M3），没有缩放因子其值毫无意义；QuantBench 从 config.json 说明了量化方式的检查点中读取带缩放因子的 FP8 权重（quantization_config：quant_method 为 &quot;compressed-tensors&quot; 或 &quot;fp8&quot;）</translation>
    </message>
</context>
<context>
    <name>LayerQuantizer</name>
    <message>
        <source>%1: %2 needs the calibration statistics of the layer&apos;s inputs</source>
        <translation>%1：%2 需要该层输入的校准统计量</translation>
    </message>
    <message>
        <source>%1: %2 is not quantized layer by layer</source>
        <translation>%1：%2 不是逐层量化的</translation>
    </message>
    <message>
        <source>not quantized: %1 NaN and %2 infinite weight(s), the first at %3</source>
        <translation>未量化：有 %1 个 NaN 和 %2 个无穷大权重，第一个位于 %3</translation>
    </message>
    <message>
        <source>smoothed with α = %1</source>
        <translation>已平滑，α = %1</translation>
    </message>
    <message>
        <source>not smoothed: nothing before the layer can absorb a scale</source>
        <translation>未平滑：该层之前没有可吸收缩放因子的操作</translation>
    </message>
    <message>
        <source>; one scale per key/value head channel, shared by the query heads reading it</source>
        <translation>；每个键/值头通道一个缩放因子，由读取它的查询头共享</translation>
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
    <message>
        <source>%1: cannot create a temporary folder to import it into: %2</source>
        <translation>%1：无法创建用于导入的临时文件夹：%2</translation>
    </message>
    <message>
        <source>%1: not a GGUF file; open a checkpoint folder or a .gguf file</source>
        <translation>%1：不是 GGUF 文件；请打开检查点文件夹或 .gguf 文件</translation>
    </message>
    <message>
        <source>imported from %1 and dequantized to float32</source>
        <translation>从 %1 导入并反量化为 float32</translation>
    </message>
    <message>
        <source>%1 read one input, but the checkpoint rounds it differently for each of them (as runtimes do, per layer); QuantBench rounds an input once for all the layers reading it, so these keep their activations in full precision</source>
        <translation>%1 读取同一个输入，但检查点对其中每一层的舍入方式不同（运行时按层处理）；QuantBench 对一个输入只为读取它的所有层舍入一次，因此这些层的激活保持全精度</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) with their input activations rounded %1 as the checkpoint asks</source>
        <translation>
            <numerusform>%n 个层的输入激活按检查点要求以%1舍入</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
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
        <translation>静态分组</translation>
    </message>
    <message>
        <source>damp %1</source>
        <translation>阻尼 %1</translation>
    </message>
    <message>
        <source>clip search</source>
        <translation>截断搜索</translation>
    </message>
    <message>
        <source>α %1</source>
        <translation>α %1</translation>
    </message>
    <message>
        <source>smoothed α %1</source>
        <translation>平滑 α %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>act-order: %1</source>
        <translation>act-order：%1</translation>
    </message>
    <message>
        <source>static groups: %1</source>
        <translation>静态分组：%1</translation>
    </message>
    <message>
        <source>damping: %1 × mean diag(H)</source>
        <translation>阻尼：%1 × mean diag(H)</translation>
    </message>
    <message>
        <source>clip search: %1</source>
        <translation>截断搜索：%1</translation>
    </message>
    <message>
        <source>smoothing: %1</source>
        <translation>平滑：%1</translation>
    </message>
    <message>
        <source>α (migration strength): %1</source>
        <translation>α（迁移强度）：%1</translation>
    </message>
    <message>
        <source>tied scales</source>
        <translation>绑定缩放</translation>
    </message>
    <message>
        <source>tied scales (o_proj under grouped-query attention): %1</source>
        <translation>绑定缩放（分组查询注意力下的 o_proj）：%1</translation>
    </message>
    <message>
        <source>not scaled</source>
        <translation>不缩放</translation>
    </message>
    <message>
        <source>tied scales: %1 (only o_proj under grouped-query attention uses it)</source>
        <translation>绑定缩放：%1（仅分组查询注意力下的 o_proj 使用）</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>Quantized with QuantBench %1 from `%2`.</source>
        <translation>使用 QuantBench %1 从 `%2` 量化。</translation>
    </message>
    <message>
        <source>Mixture</source>
        <translation>混合</translation>
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
        <source>Symmetric</source>
        <translation>对称</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>哪些层</translation>
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
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>before quantization</source>
        <translation>量化前</translation>
    </message>
    <message>
        <source>after quantization</source>
        <translation>量化后</translation>
    </message>
    <message>
        <source>evaluation text</source>
        <translation>评估文本</translation>
    </message>
    <message>
        <source>Limitations</source>
        <translation>局限性</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (blocks %2)</source>
        <translation>%1（块 %2）</translation>
    </message>
    <message>
        <source>Average bits per weight of the quantizable linear layers: %1 (each group&apos;s fp16 scale and b-bit zero point counted: b + (16 + b) / g bits per weight for groups of g).</source>
        <translation>可量化线性层的平均每权重位数：%1（计入每组的 fp16 缩放因子和 b 位零点：分组大小为 g 时每权重 b + (16 + b) / g 位）。</translation>
    </message>
    <message>
        <source>mean KL divergence from the original model (nats per token)</source>
        <translation>相对原始模型的平均 KL 散度（每 token 奈特）</translation>
    </message>
    <message>
        <source>positions where the most probable next token is the original model&apos;s</source>
        <translation>最可能的下一 token 与原始模型相同的位置</translation>
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
    <name>OpenClBackend</name>
    <message>
        <source>there is no OpenCL device %1</source>
        <translation>不存在 OpenCL 设备 %1</translation>
    </message>
    <message>
        <source>%1 allows work-groups of only %2 work-items; QuantBench&apos;s kernels need 256</source>
        <translation>%1 的工作组最多只有 %2 个工作项；QuantBench 的内核需要 256 个</translation>
    </message>
    <message>
        <source>the OpenCL kernels do not build for %1 (%2): %3</source>
        <translation>OpenCL 内核无法为 %1 构建（%2）：%3</translation>
    </message>
    <message>
        <source>X^T X of %1 input channels needs larger buffers than the device allows (%2 MiB)</source>
        <translation>%1 个输入通道的 X^T X 需要的缓冲区超过设备允许的大小（%2 MiB）</translation>
    </message>
    <message>
        <source>a product with %1 inputs needs larger buffers than the device allows (%2 MiB)</source>
        <translation>有 %1 个输入的乘积需要的缓冲区超过设备允许的大小（%2 MiB）</translation>
    </message>
    <message>
        <source>a row of %1 weights is larger than the device&apos;s largest buffer</source>
        <translation>一行 %1 个权重超过了设备的最大缓冲区</translation>
    </message>
    <message>
        <source>GPTQ&apos;s inverse Hessian factor for %1 columns (%2 MiB) is larger than the device&apos;s largest buffer (%3 MiB)</source>
        <translation>GPTQ 对 %1 列的逆 Hessian 因子（%2 MiB）超过了设备的最大缓冲区（%3 MiB）</translation>
    </message>
    <message>
        <source>GPTQ on %1 columns needs larger buffers than the device allows (%2 MiB)</source>
        <translation>对 %1 列做 GPTQ 需要的缓冲区超过设备允许的大小（%2 MiB）</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
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
    <name>PackedCheckpointReading</name>
    <message>
        <source>%1: quantization_config must be an object, not %2</source>
        <translation>%1：quantization_config 必须是对象，而不是 %2</translation>
    </message>
    <message>
        <source>%1: no %2 quantization config (no quantization_config in config.json)</source>
        <translation>%1：没有 %2 量化配置（config.json 中没有 quantization_config）</translation>
    </message>
    <message>
        <source>%1: no %2 quantization config (neither quantization_config in config.json nor %3)</source>
        <translation>%1：没有 %2 量化配置（config.json 中没有 quantization_config，也没有 %3）</translation>
    </message>
    <message>
        <source>%1: tensor %2 is missing</source>
        <translation>%1：缺少张量 %2</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be %3, not %4</source>
        <translation>%1：张量 %2 必须是 %3，而不是 %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 must have %3 dimension(s), not shape %4</source>
        <translation>%1：张量 %2 必须有 %3 个维度，而不是形状 %4</translation>
    </message>
    <message>
        <source>%1: tensor %2 has shape %3, but %4 needs [%5]</source>
        <translation>%1：张量 %2 的形状为 %3，但 %4 需要 [%5]</translation>
    </message>
    <message>
        <source>%1: neither %2 nor %3 is in the checkpoint</source>
        <translation>%1：检查点中既没有 %2 也没有 %3</translation>
    </message>
    <message>
        <source>%1: tensor %2 must be a 2-D floating-point weight, not %3 %4</source>
        <translation>%1：张量 %2 必须是二维浮点权重，而不是 %3 %4</translation>
    </message>
</context>
<context>
    <name>PackedExport</name>
    <message>
        <source>%1 and %2 read the same input, but their input scales (AWQ, SmoothQuant or smoothing) differ: a %3 checkpoint can fold only one scale into the operation before them</source>
        <translation>%1 和 %2 读取同一输入，但它们的输入缩放因子（AWQ、SmoothQuant 或平滑）不同：%3 检查点只能把一个缩放因子折叠进它们之前的操作</translation>
    </message>
    <message>
        <source>%1: its input scale has nothing before it to fold into</source>
        <translation>%1：它之前没有可折叠其输入缩放因子的操作</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more layer(s)</source>
        <translation>
            <numerusform>……以及另外 %n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: its input scale has %2 channels, which do not fit the outputs of %3</source>
        <translation>%1：其输入缩放有 %2 个通道，与 %3 的输出不匹配</translation>
    </message>
    <message>
        <source>%1: its input scale differs between query heads sharing a key/value head (channel %2), so it cannot be folded into %3</source>
        <translation>%1：共享同一键/值头的查询头之间输入缩放不同（通道 %2），因此无法折叠进 %3</translation>
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
    <message>
        <source>a number of 0 or more</source>
        <translation>大于或等于 0 的数</translation>
    </message>
    <message>
        <source>absent without &quot;modified&quot;</source>
        <translation>在没有 &quot;modified&quot; 时不存在</translation>
    </message>
    <message>
        <source>a fraction from 0 to 1</source>
        <translation>0 到 1 之间的比例</translation>
    </message>
    <message>
        <source>%1 has a vocabulary of %2 tokens and %3 one of %4: only models that read the same token ids can be compared</source>
        <translation>%1 的词表有 %2 个 token，而 %3 的有 %4 个：只有读取相同 token ID 的模型才能对比</translation>
    </message>
    <message>
        <source>%1 reads at most %2 positions, fewer than the windows of %3 tokens; give a shorter context length</source>
        <translation>%1 最多读取 %2 个位置，少于 %3 个 token 的窗口；请指定更短的上下文长度</translation>
    </message>
    <message>
        <source>%1 and %2 tokenize the text into different ids (window %3 differs): only models that share a tokenizer can be compared</source>
        <translation>%1 和 %2 将文本切分为不同的 ID（第 %3 个窗口不同）：只有使用同一分词器的模型才能对比</translation>
    </message>
    <message>
        <source>%1 and %2 tokenize the text into different ids (%3 windows against %4): only models that share a tokenizer can be compared</source>
        <translation>%1 和 %2 将文本切分为不同的 ID（%3 个窗口对 %4 个）：只有使用同一分词器的模型才能对比</translation>
    </message>
</context>
<context>
    <name>PlanWeightHooks</name>
    <message>
        <source>%1: %2 needs calibration data</source>
        <translation>%1：%2 需要校准数据</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Could not save the plot to %1</source>
        <translation>无法将图表保存到 %1</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>%1: cannot rename the finished file into place</source>
        <translation>%1：无法将完成的文件重命名到目标位置</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>%1: the tensor %2 is missing</source>
        <translation>%1：缺少张量 %2</translation>
    </message>
    <message>
        <source>%1: the tensor %2 is %3 %4, %5 [%6] was expected</source>
        <translation>%1：张量 %2 是 %3 %4，应为 %5 [%6]</translation>
    </message>
    <message>
        <source>%1: its model %2 is not there (nor at %3 beside the project)</source>
        <translation>%1：其模型 %2 不存在（项目旁的 %3 也没有）</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>%1 is not a QuantBench project: it has no &quot;%2&quot; metadata</source>
        <translation>%1 不是 QuantBench 项目：它没有“%2”元数据</translation>
    </message>
    <message>
        <source>%1: the project&apos;s JSON is not readable: %2</source>
        <translation>%1：无法读取项目的 JSON：%2</translation>
    </message>
    <message>
        <source>%1 was written by a newer QuantBench (project version %2; this one reads version %3)</source>
        <translation>%1 由更新版本的 QuantBench 写入（项目版本 %2；此版本读取版本 %3）</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>%1 was made on a model with %2 linear layers and %3 parameters in them; %4 has %5 and %6</source>
        <translation>%1 是在一个有 %2 个线性层、其中 %3 个参数的模型上创建的；%4 有 %5 个和 %6 个</translation>
    </message>
    <message>
        <source>%1: its plan does not fit the model:
%2</source>
        <translation>%1：其方案不适合该模型：
%2</translation>
    </message>
    <message>
        <source>%1: its sensitivity scan is not of the model:
%2</source>
        <translation>%1：其敏感度扫描不属于该模型：
%2</translation>
    </message>
    <message>
        <source>%1: %2 is the layer &quot;%3&quot;, which the run&apos;s report does not list as quantized (or lists twice)</source>
        <translation>%1：%2 是层“%3”，运行报告未将其列为已量化（或列出两次）</translation>
    </message>
    <message>
        <source>%1: %2 has groups of %3 columns where its grid has %4</source>
        <translation>%1：%2 的分组为 %3 列，而其网格为 %4 列</translation>
    </message>
    <message>
        <source>%1: %2 holds a code of %3 on a %4-bit grid</source>
        <translation>%1：%2 在 %4 位网格上含有代码 %3</translation>
    </message>
    <message>
        <source>%1: %2 holds a scale or zero point that is not finite</source>
        <translation>%1：%2 含有非有限的缩放或零点</translation>
    </message>
    <message>
        <source>%1: %2 names group %3 of %4</source>
        <translation>%1：%2 指向第 %3 组（共 %4 组）</translation>
    </message>
    <message>
        <source>%1: %2 is not a permutation of the %3 columns</source>
        <translation>%1：%2 不是 %3 列的排列</translation>
    </message>
    <message>
        <source>%1: %2 holds a scale that is not a positive number</source>
        <translation>%1：%2 含有非正数的缩放</translation>
    </message>
    <message>
        <source>%1: the run&apos;s report lists %2 quantized layers, the file holds %3</source>
        <translation>%1：运行报告列出 %2 个已量化层，文件中有 %3 个</translation>
    </message>
    <message>
        <source>&quot;bytes&quot; for a %1-bit grid</source>
        <translation>&quot;bytes&quot;（%1 位网格）</translation>
    </message>
    <message>
        <source>&quot;bytes&quot; or &quot;nibbles&quot;</source>
        <translation>&quot;bytes&quot; 或 &quot;nibbles&quot;</translation>
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
        <translation>大于 0 且不超过 10 的数</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>0 到 1 之间的数</translation>
    </message>
    <message>
        <source>%1, α = %2</source>
        <translation>%1，α = %2</translation>
    </message>
    <message>
        <source>, act-order, static groups</source>
        <translation>，act-order，静态分组</translation>
    </message>
    <message>
        <source>, act-order</source>
        <translation>，act-order</translation>
    </message>
    <message>
        <source>, clip search</source>
        <translation>，截断搜索</translation>
    </message>
    <message>
        <source>, smoothed (α = %1)</source>
        <translation>，已平滑（α = %1）</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation>1 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>&quot;documents&quot; or &quot;random&quot;</source>
        <translation>&quot;documents&quot; 或 &quot;random&quot;</translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation>大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>a fraction from 0 up to (not including) 1</source>
        <translation>0 到 1 之间的比例（不含 1）</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: mode, samples, seqlen, seed, sample_rows, holdout)</source>
        <translation>%1：未知字段 &quot;%2&quot;（已知字段：mode、samples、seqlen、seed、sample_rows、holdout）</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: default, overrides, calibration)</source>
        <translation>%1：未知字段 &quot;%2&quot;（已知字段：default、overrides、calibration）</translation>
    </message>
    <message>
        <source>%1: &quot;calibration&quot; must be an object, but it is %2</source>
        <translation>%1：&quot;calibration&quot; 必须是对象，但实际为%2</translation>
    </message>
    <message>
        <source>%1 read the same input, so they must treat it alike: AWQ and smoothing fold one scale into the operation before them, and W8A8 rounds the input itself. Give them the same method (awq, smoothquant or w8a8) or smoothing with the same alpha</source>
        <translation>%1 读取同一输入，因此必须以相同方式处理它：AWQ 和平滑会把同一个缩放因子折叠到它们之前的操作中，而 W8A8 会直接对输入舍入。请为它们指定相同的方法（awq、smoothquant 或 w8a8），或使用相同 alpha 的平滑</translation>
    </message>
    <message>
        <source>, without tied scales</source>
        <translation>，不使用绑定缩放</translation>
    </message>
    <message>
        <source>%1: nothing before these layers can absorb an input scale, so AWQ does not scale them and only searches their clipping, as llm-awq does</source>
        <translation>%1：这些层之前没有能吸收输入缩放的运算，因此 AWQ 不缩放它们，只搜索其裁剪，与 llm-awq 相同</translation>
    </message>
    <message>
        <source>%1: with tied_scales off, AWQ does not scale these layers and only searches their clipping, as llm-awq does (their inputs are mixed by attention over shared key/value heads, so only scales tied over the query heads sharing each key/value head fold into the layer before them)</source>
        <translation>%1：关闭 tied_scales 时，AWQ 不缩放这些层，只搜索其裁剪，与 llm-awq 相同（它们的输入经注意力在共享的键/值头上混合，因此只有在共享同一键/值头的查询头之间绑定的缩放才能折叠进前一层）</translation>
    </message>
    <message>
        <source>%1: nothing before these layers can absorb a smoothing scale (their inputs are mixed by attention over shared key/value heads, so only scales tied over the query heads sharing each key/value head would fold, and smoothing does not tie its scales), so they are not smoothed: SmoothQuant quantizes them as plain W8A8, as the reference does</source>
        <translation>%1：这些层之前没有能吸收平滑缩放的运算（它们的输入经注意力在共享的键/值头上混合，只有在共享同一键/值头的查询头之间绑定的缩放才能折叠，而平滑不绑定其缩放），因此不对它们做平滑：SmoothQuant 将其量化为普通 W8A8，与参考实现相同</translation>
    </message>
</context>
<context>
    <name>QuantReport</name>
    <message>
        <source>%1: the report has %2 layers, the model %3</source>
        <translation>%1：报告有 %2 层，模型有 %3 层</translation>
    </message>
    <message>
        <source>%1: %2 is the layer &quot;%3&quot; where the model has &quot;%4&quot;</source>
        <translation>%1：%2 是层“%3”，而模型此处为“%4”</translation>
    </message>
    <message>
        <source>&quot;quantized&quot;, &quot;kept&quot;, &quot;skipped&quot; or &quot;not_run&quot;</source>
        <translation>“quantized”、“kept”、“skipped”或“not_run”</translation>
    </message>
    <message>
        <source>%1: %2 (%3) has other settings than the recipe gives it (%4)</source>
        <translation>%1：%2（%3）的设置与配方给出的不同（%4）</translation>
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
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message numerus="yes">
        <source>GPTQ fitted on %1 calibration tokens, fewer than the input channels of %n layer(s) (the widest, %2, has %3): their XᵀX is singular, so the damping rather than the data decides much of GPTQ&apos;s updates. Calibrate on at least %3 tokens, better many times more.</source>
        <translation>
            <numerusform>GPTQ 仅在 %1 个校准 token 上拟合，少于 %n 个层的输入通道数（最宽的 %2 有 %3 个）：这些层的 XᵀX 是奇异的，GPTQ 的更新在很大程度上由阻尼而非数据决定。请至少用 %3 个 token 校准，最好多出许多倍。</numerusform>
        </translation>
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
    <message>
        <source>per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>逐张量</translation>
    </message>
</context>
<context>
    <name>QuantizationPipeline</name>
    <message>
        <source>%1: %2 needs calibration data, and none was given</source>
        <translation>%1：%2 需要校准数据，但未提供</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n calibration window(s)</source>
        <translation>
            <numerusform>正在准备 %n 个校准窗口</numerusform>
        </translation>
    </message>
    <message>
        <source>the model has no linear layer named &quot;%1&quot;</source>
        <translation>模型中没有名为 &quot;%1&quot; 的线性层</translation>
    </message>
    <message>
        <source>Block %1 of %2</source>
        <translation>第 %1 个块（共 %2 个）</translation>
    </message>
    <message>
        <source>%1: running the calibration windows</source>
        <translation>%1：正在运行校准窗口</translation>
    </message>
    <message>
        <source>%1: passing the quantized outputs on</source>
        <translation>%1：正在向后传递量化后的输出</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>not quantized: it shares its input scale with %1, which has non-finite weights</source>
        <translation>未量化：它与 %1 共享输入缩放因子，而 %1 含有非有限权重</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1：对 %3 执行 %2</translation>
    </message>
    <message>
        <source>%1: %2 needs calibration data, and none reached it</source>
        <translation>%1：%2 需要校准数据，但没有校准数据到达该层</translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <source>%1: quantization report</source>
        <translation>%1：量化报告</translation>
    </message>
    <message>
        <source>Made with QuantBench %1</source>
        <translation>由 QuantBench %1 生成</translation>
    </message>
    <message>
        <source>The run was cancelled: the layers it did not reach are in full precision.</source>
        <translation>运行已取消：未处理到的层保持全精度。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>none (no output errors measured)</source>
        <translation>无（未测量输出误差）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
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
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>%1 in all: %2 quantized, %3 kept, %4 skipped, %5 not run</source>
        <translation>共 %1 个：已量化 %2，保留 %3，跳过 %4，未运行 %5</translation>
    </message>
    <message>
        <source>Average bits per weight</source>
        <translation>平均每权重位数</translation>
    </message>
    <message>
        <source>%1 (each group&apos;s fp16 scale and zero point counted)</source>
        <translation>%1（计入每组的 fp16 缩放因子和零点）</translation>
    </message>
    <message>
        <source>%1 before, %2 after quantization (%3 %)</source>
        <translation>量化前 %1，量化后 %2（%3 %）</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>基于 %1</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>Output errors are measured on the held-out calibration rows (on the fitting rows when none were held out); the bar is the relative error against the largest one.</source>
        <translation>输出误差在留出的校准行上测量（若无留出行则在拟合行上测量）；条形表示相对误差与最大值之比。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
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
        <source>Output rel. error</source>
        <translation>输出相对误差</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>输出 MSE</translation>
    </message>
    <message>
        <source>Output SQNR dB</source>
        <translation>输出 SQNR dB</translation>
    </message>
    <message>
        <source>Weight rel. error</source>
        <translation>权重相对误差</translation>
    </message>
    <message>
        <source>Damping</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
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
        <source>, fell back to RTN</source>
        <translation>，已回退到 RTN</translation>
    </message>
    <message>
        <source>Time ms</source>
        <translation>时间 ms</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <source>The plan of this run, as File › Save Plan… and quantbench-cli quantize --recipe read it.</source>
        <translation>本次运行的计划，格式与“文件 › 保存计划…”和 quantbench-cli quantize --recipe 读取的相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) (%1 tokens) fitted on, %2 held out (%3 tokens)</source>
        <translation>
            <numerusform>拟合 %n 个窗口（%1 个 token），留出 %2 个（%3 个 token）</numerusform>
        </translation>
    </message>
    <message>
        <source>Next-token agreement</source>
        <translation>下一 token 一致性</translation>
    </message>
    <message>
        <source>mean KL divergence %1 nats per token; the same most probable next token at %2 % of the positions</source>
        <translation>平均 KL 散度为每 token %1 奈特；%2 % 的位置上最可能的下一 token 相同</translation>
    </message>
</context>
<context>
    <name>RoundingLab</name>
    <message>
        <source>synthetic: %1 weights ~ N(0, 0.02²), one weight of %2 σ</source>
        <translation>合成：%1 个权重 ~ N(0, 0.02²)，其中一个权重为 %2 σ</translation>
    </message>
    <message>
        <source>the model has no linear layer %1</source>
        <translation>模型中没有线性层 %1</translation>
    </message>
    <message>
        <source>%1, row %2 of %3</source>
        <translation>%1，第 %2 行（共 %3 行）</translation>
    </message>
    <message>
        <source>%1 is not in a decoder block: its inputs are not recorded here</source>
        <translation>%1 不在解码器块中：此处不记录其输入</translation>
    </message>
    <message>
        <source>there is no calibration window to run</source>
        <translation>没有可运行的校准窗口</translation>
    </message>
    <message>
        <source>Running block %1 of %2</source>
        <translation>正在运行第 %1 个块（共 %2 个）</translation>
    </message>
    <message>
        <source>Recording the inputs of %1</source>
        <translation>正在记录 %1 的输入</translation>
    </message>
    <message>
        <source>%1: no input was recorded</source>
        <translation>%1：未记录到任何输入</translation>
    </message>
</context>
<context>
    <name>RtnClipSearch</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the clip search needs the Gram matrix of the layer&apos;s inputs</source>
        <translation>%1：截断搜索需要该层输入的 Gram 矩阵</translation>
    </message>
    <message>
        <source>%1: the layer has %2 input channels, its input statistics %3</source>
        <translation>%1：该层有 %2 个输入通道，而其输入统计量有 %3 个</translation>
    </message>
    <message>
        <source>RTN: searching clipping ranges for %1</source>
        <translation>RTN：正在为 %1 搜索截断范围</translation>
    </message>
    <message>
        <source>clip search shrank %1 % of the groups</source>
        <translation>截断搜索缩小了 %1 % 的分组</translation>
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
    <name>SensitivityScan</name>
    <message>
        <source>the sensitivity scan quantizes with RTN or GPTQ, not %1</source>
        <translation>敏感度扫描使用 RTN 或 GPTQ 量化，而不是 %1</translation>
    </message>
    <message>
        <source>the sensitivity scan cannot smooth the inputs: smoothing rescales every layer reading an input, not one unit</source>
        <translation>敏感度扫描无法对输入进行平滑：平滑会重新缩放读取同一输入的所有层，而不只是一个单元</translation>
    </message>
    <message>
        <source>no bit-width to measure</source>
        <translation>没有要测量的位宽</translation>
    </message>
    <message>
        <source>%1 needs calibration data, and none was given</source>
        <translation>%1 需要校准数据，但未提供</translation>
    </message>
    <message>
        <source>Scoring the full-precision model</source>
        <translation>正在为全精度模型计分</translation>
    </message>
    <message>
        <source>Block %1 of %2: calibration statistics</source>
        <translation>第 %1 个块（共 %2 个）：校准统计量</translation>
    </message>
    <message>
        <source>Output layer: calibration statistics</source>
        <translation>输出层：校准统计量</translation>
    </message>
    <message>
        <source>Quantizing %1 at %2 bits</source>
        <translation>正在以 %2 位量化 %1</translation>
    </message>
    <message>
        <source>Measuring %1 at %2 bits (%3 of %4)</source>
        <translation>正在测量 %2 位下的 %1（第 %3 个，共 %4 个）</translation>
    </message>
    <message>
        <source>Measuring every layer at %1 bits</source>
        <translation>正在测量所有层均为 %1 位时的结果</translation>
    </message>
</context>
<context>
    <name>SensitivityScanResult</name>
    <message>
        <source>%1: %2 is a result at %3 bits, which are not among the scan&apos;s &quot;bits&quot;</source>
        <translation>%1：%2 是 %3 位下的结果，但该位数不在扫描的 &quot;bits&quot; 中</translation>
    </message>
    <message>
        <source>a list of whole numbers from %1 to %2</source>
        <translation>由 %1 到 %2 之间的整数组成的列表</translation>
    </message>
    <message>
        <source>%1: &quot;bits&quot; is empty</source>
        <translation>%1：&quot;bits&quot; 为空</translation>
    </message>
    <message>
        <source>&quot;rtn&quot; or &quot;gptq&quot;</source>
        <translation>&quot;rtn&quot; 或 &quot;gptq&quot;</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>&quot;layer&quot;, &quot;block&quot; or &quot;role&quot;</source>
        <translation>&quot;layer&quot;、&quot;block&quot; 或 &quot;role&quot;</translation>
    </message>
    <message>
        <source>%1: %2 repeats the unit &quot;%3&quot;</source>
        <translation>%1：%2 重复了单元 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: %2 repeats the layer &quot;%3&quot;</source>
        <translation>%1：%2 重复了层 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>a layer role</source>
        <translation>层角色</translation>
    </message>
    <message>
        <source>%1: %2 names the unit &quot;%3&quot;, which does not list it</source>
        <translation>%1：%2 指明了单元 &quot;%3&quot;，但该单元没有列出它</translation>
    </message>
    <message>
        <source>%1: the unit &quot;%2&quot; lists the layer &quot;%3&quot;, which &quot;layers&quot; does not</source>
        <translation>%1：单元 &quot;%2&quot; 列出了层 &quot;%3&quot;，但 &quot;layers&quot; 中没有该层</translation>
    </message>
    <message>
        <source>%1: &quot;uniform&quot; must list each width once, in ascending order</source>
        <translation>%1：&quot;uniform&quot; 必须按升序将每个位宽各列出一次</translation>
    </message>
    <message>
        <source>the scan has no result for the layer %1: was it made on another model?</source>
        <translation>扫描中没有层 %1 的结果：该扫描是否是在另一个模型上进行的？</translation>
    </message>
    <message>
        <source>the scan&apos;s layer %1 has %2 parameters, this model&apos;s %3: it was made on another model</source>
        <translation>扫描中的层 %1 有 %2 个参数，此模型的有 %3 个：该扫描是在另一个模型上进行的</translation>
    </message>
    <message>
        <source>the scan lists the layer %1, which this model does not have</source>
        <translation>扫描列出了层 %1，但此模型没有该层</translation>
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
        <translation>%1：位于 [%2, %3] 的权重不是有限值；W8A8 和 SmoothQuant 需要有限的权重</translation>
    </message>
    <message>
        <source>%1 and %2 read the same input but have %3 and %4 input features</source>
        <translation>%1 和 %2 读取同一输入，但输入特征数分别为 %3 和 %4</translation>
    </message>
    <message>
        <source>the SmoothQuant α must be between 0 and 1, not %1</source>
        <translation>SmoothQuant 的 α 必须在 0 到 1 之间，而不是 %1</translation>
    </message>
    <message>
        <source>the inputs have %1 channels but the weights %2 input features</source>
        <translation>输入有 %1 个通道，但权重有 %2 个输入特征</translation>
    </message>
    <message>
        <source>the smoothing scale of input channel %1 is not finite (max |x| = %2, max |w| = %3)</source>
        <translation>输入通道 %1 的平滑缩放因子不是有限值（max |x| = %2，max |w| = %3）</translation>
    </message>
    <message>
        <source>%1: smoothing needs the maximum |x| of the layer&apos;s inputs from calibration</source>
        <translation>%1：平滑需要校准得到的该层输入的最大 |x|</translation>
    </message>
    <message>
        <source>%1: the calibration statistics have %2 input channels, the layer %3</source>
        <translation>%1：校准统计量有 %2 个输入通道，而该层有 %3 个</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>α = %1, smoothing scales %2 to %3</source>
        <translation>α = %1，平滑缩放因子 %2 到 %3</translation>
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
    <message>
        <source>%1: a record must be a string or an object with a string field &quot;text&quot;, but it is %2</source>
        <translation>%1：记录必须是字符串或带有字符串字段 &quot;text&quot; 的对象，但它是 %2</translation>
    </message>
    <message>
        <source>%1: the record has no field &quot;text&quot; (its fields: %2)</source>
        <translation>%1：该记录没有字段 &quot;text&quot;（其字段：%2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: the record&apos;s &quot;text&quot; must be a string, but it is %2</source>
        <translation>%1：记录的 &quot;text&quot; 必须是字符串，但它是 %2</translation>
    </message>
    <message>
        <source>UTF-8 text, documents split at &lt;|endoftext|&gt;, otherwise one per non-empty line; or a JSON Lines (*.jsonl) or JSON (*.json) dataset, one document per record: a string or an object&apos;s &quot;text&quot;</source>
        <translation>UTF-8 文本，文档在 &lt;|endoftext|&gt; 处分割，否则每个非空行为一个文档；或 JSON Lines（*.jsonl）或 JSON（*.json）数据集，每条记录一个文档：字符串或对象的 &quot;text&quot;</translation>
    </message>
    <message>
        <source>%1: line %2</source>
        <translation>%1：第 %2 行</translation>
    </message>
    <message>
        <source>%1: not one JSON value (%2)</source>
        <translation>%1：不是单个 JSON 值（%2）</translation>
    </message>
    <message>
        <source>several values on one line</source>
        <translation>一行中有多个值</translation>
    </message>
    <message>
        <source>%1: not JSON: %2 at byte %3</source>
        <translation>%1：不是 JSON：%2，位于字节 %3</translation>
    </message>
    <message>
        <source>%1: a JSON dataset must be an array of records (strings, or objects with a string field &quot;text&quot;); for JSON Lines name the file *.jsonl</source>
        <translation>%1：JSON 数据集必须是记录数组（字符串，或带有字符串字段 &quot;text&quot; 的对象）；JSON Lines 文件请命名为 *.jsonl</translation>
    </message>
</context>
<context>
    <name>TextFileDialog</name>
    <message>
        <source>Text and datasets (*.txt *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>文本和数据集 (*.txt *.jsonl *.ndjson *.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TextGenerator</name>
    <message>
        <source>the prompt is empty: there is nothing to continue</source>
        <translation>提示为空：没有可续写的内容</translation>
    </message>
    <message>
        <source>the prompt is %1 tokens long; the model reads at most %2</source>
        <translation>提示长 %1 个 token；模型最多读取 %2 个</translation>
    </message>
    <message>
        <source>Generating: %1 of %2 tokens</source>
        <translation>正在生成：第 %1 个，共 %2 个 token</translation>
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
    <message>
        <source>the sequence would be %1 tokens long, more than the model&apos;s max_position_embeddings (%2)</source>
        <translation>序列将有 %1 个 token，超过模型的 max_position_embeddings（%2）</translation>
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
    <message>
        <source>the run&apos;s layer %1 does not have the shape of the weights (%2×%3)</source>
        <translation>本次运行的层 %1 与权重的形状（%2×%3）不符</translation>
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
        <translation>QuantBench</translation>
    </message>
    <message>
        <source>Load the plan from the recipe FILE after opening (with --screenshot).</source>
        <translation>打开后从配方 FILE 加载计划（配合 --screenshot）。</translation>
    </message>
    <message>
        <source>Show the plot tab titled NAME (with --screenshot).</source>
        <translation>显示标题为 NAME 的图表标签页（配合 --screenshot）。</translation>
    </message>
    <message>
        <source>Open the sensitivity scan FILE (JSON) after opening (with --screenshot).</source>
        <translation>打开后载入敏感度扫描文件 FILE（JSON）（与 --screenshot 一起使用）。</translation>
    </message>
    <message>
        <source>Model folder, GGUF file or project (.qbproj) to open (default: the bundled demo model).</source>
        <translation>要打开的模型文件夹、GGUF 文件或项目（.qbproj）（默认：自带的演示模型）。</translation>
    </message>
    <message>
        <source>Continue the Generation panel&apos;s prompt after opening (with --screenshot).</source>
        <translation>打开后续写“生成”面板中的提示（与 --screenshot 一起使用）。</translation>
    </message>
    <message>
        <source>Compare the checkpoint at PATH with the model after opening (with --screenshot; instead of --evaluate).</source>
        <translation>打开后将 PATH 处的检查点与模型对比（与 --screenshot 一起使用；代替 --evaluate）。</translation>
    </message>
</context>
<context>
    <name>qb::AutoBitsDialog</name>
    <message>
        <source>Automatic Bits</source>
        <translation>自动位宽</translation>
    </message>
    <message>
        <source>Chooses each layer&apos;s bit-width so that the loss the sensitivity scan predicts is smallest while the average bits per weight — scales and zero points included — stays at or below the target. Layers sharing an input (q/k/v, gate/up) get the same width. The plan is replaced in one step you can undo.</source>
        <translation>为每个层选择位宽，使敏感度扫描预测的损失最小，同时平均每权重位数（含缩放因子和零点）不超过目标。共享同一输入的层（q/k/v、gate/up）使用相同位宽。计划会在一步中被替换，可以撤销。</translation>
    </message>
    <message>
        <source> bits/weight</source>
        <translation> 位/权重</translation>
    </message>
    <message>
        <source>%1-bit</source>
        <translation>%1 位</translation>
    </message>
    <message>
        <source>KL divergence (recommended)</source>
        <translation>KL 散度（推荐）</translation>
    </message>
    <message>
        <source>Δ perplexity</source>
        <translation>Δ 困惑度</translation>
    </message>
    <message>
        <source>The scan figure summed over the layers: the KL divergence is never negative and adds up; a single layer&apos;s Δ perplexity is often within the evaluation&apos;s noise</source>
        <translation>扫描数值在各层上求和：KL 散度永不为负且可以累加；单个层的 Δ 困惑度往往在评估的噪声范围内</translation>
    </message>
    <message>
        <source>Exact (knapsack)</source>
        <translation>精确（背包）</translation>
    </message>
    <message>
        <source>Greedy (largest gain per bit)</source>
        <translation>贪心（每位增益最大者优先）</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Allowed widths:</source>
        <translation>允许的位宽：</translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation>量化：</translation>
    </message>
    <message>
        <source>Minimise:</source>
        <translation>最小化：</translation>
    </message>
    <message>
        <source>Solver:</source>
        <translation>求解器：</translation>
    </message>
    <message>
        <source>Apply to Plan</source>
        <translation>应用到计划</translation>
    </message>
    <message>
        <source>Allow at least one width.</source>
        <translation>请至少允许一种位宽。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 — as the scan measured; run a new scan to change them</source>
        <translation>%1 — 与扫描测量时相同；要更改，请运行新的扫描</translation>
    </message>
</context>
<context>
    <name>qb::CalibrationPanel</name>
    <message>
        <source>True-sequential</source>
        <translation>逐层顺序校准</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Calibration samples: documents, or random windows</source>
        <translation>校准样本：文档或随机窗口</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>Tokens per sample, the start-of-text token included</source>
        <translation>每个样本的 token 数，含文本起始 token</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>random windows</source>
        <translation>随机窗口</translation>
    </message>
    <message>
        <source>Documents: each document from its start, in file order. Random windows: windows of exactly the sequence length at random places of the whole text</source>
        <translation>文档：按文件顺序，每个文档从其开头取。随机窗口：在整个文本的随机位置取长度恰为序列长度的窗口</translation>
    </message>
    <message>
        <source>Seed of the random windows and of the input rows sampled for AWQ&apos;s and SmoothQuant&apos;s searches</source>
        <translation>随机窗口以及为 AWQ 和 SmoothQuant 搜索所采样输入行的种子</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the samples (the last ones) the quantizers do not see: each layer&apos;s output error is measured on them</source>
        <translation>量化器看不到的样本（最后几个）所占比例：每个层的输出误差在这些样本上测量</translation>
    </message>
    <message>
        <source>Calibrate every layer on the inputs the model gives with everything before it already quantized (GPTQ&apos;s true-sequential). Off: on the full-precision model&apos;s inputs, one pass per block, as AWQ does</source>
        <translation>在其之前的所有部分均已量化的情况下，用模型给出的输入校准每个层（GPTQ 的 true-sequential）。关闭时：与 AWQ 一样，使用全精度模型的输入，每个块运行一遍</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>as</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>校准文本</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>留出：</translation>
    </message>
    <message>
        <source>The text the calibration windows are taken from (%1). GPTQ, AWQ, SmoothQuant, the clip search and smoothing need it; with it, every quantized layer&apos;s output error is measured too</source>
        <translation>用于截取校准窗口的文本（%1）。GPTQ、AWQ、SmoothQuant、截断搜索和平滑需要它；有了它，还会测量每个量化层的输出误差</translation>
    </message>
</context>
<context>
    <name>qb::ComputeDevice</name>
    <message numerus="yes">
        <source>OpenCL · %1 · %2 (%3 GiB, %n compute unit(s))</source>
        <translation>
            <numerusform>OpenCL · %1 · %2（%3 GiB，%n 个计算单元）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (Eigen, %n thread(s))</source>
        <translation>
            <numerusform>CPU（Eigen，%n 个线程）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (Eigen, %n thread(s), %1)</source>
        <translation>
            <numerusform>CPU（Eigen，%n 个线程，%1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::ComputeDeviceDialog</name>
    <message>
        <source>Compute Device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <source>Where calibration (X&lt;sup&gt;T&lt;/sup&gt;X), the linear layers&apos; products, the quantization grids and GPTQ&apos;s column loop run. Results are the same on every device to float rounding; if a device fails during a run, the run continues on the CPU and says so.</source>
        <translation>校准（X&lt;sup&gt;T&lt;/sup&gt;X）、线性层的乘积、量化网格和 GPTQ 的逐列循环在何处运行。各设备的结果在浮点舍入范围内相同；如果设备在运行中出错，运行会在 CPU 上继续并给出提示。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Largest buffer</source>
        <translation>最大缓冲区</translation>
    </message>
    <message>
        <source>Compute units</source>
        <translation>计算单元</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
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
后端标识：%2</translation>
    </message>
    <message>
        <source>No OpenCL device is available: %1</source>
        <translation>没有可用的 OpenCL 设备：%1</translation>
    </message>
</context>
<context>
    <name>qb::EvaluationPanel</name>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
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
    <message>
        <source>A UTF-8 text file or a JSON Lines dataset</source>
        <translation>UTF-8 文本文件或 JSON Lines 数据集</translation>
    </message>
    <message>
        <source>The text scored: %1</source>
        <translation>计分的文本：%1</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>首选相同</translation>
    </message>
    <message>
        <source>Share of the scored positions where the quantized model ranks the same next token first as the stored model: how often greedy decoding would write the same token</source>
        <translation>量化模型与存储模型把同一个下一 token 排在首位的计分位置所占比例：即贪心解码写出相同 token 的频率</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation>对比：%1</translation>
    </message>
</context>
<context>
    <name>qb::GenerationPanel</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>A prompt for the model to continue</source>
        <translation>供模型续写的提示</translation>
    </message>
    <message>
        <source>Both models continue it greedily (the most probable token each time), so the same prompt always gives the same text</source>
        <translation>两个模型都贪心地续写（每次取概率最高的 token），因此同一提示总是得到同一文本</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>Tokens to generate at most (generation also ends at the model&apos;s end-of-text token)</source>
        <translation>最多生成的 token 数（遇到模型的文本结束 token 时也会停止）</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>存储的模型</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate.</source>
        <translation>输入提示后点击“生成”。</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>量化后</translation>
    </message>
    <message>
        <source>[end of text]</source>
        <translation>[文本结束]</translation>
    </message>
    <message>
        <source>Quantized: %1</source>
        <translation>量化后：%1</translation>
    </message>
    <message>
        <source>The two continuations are the same, token for token.</source>
        <translation>两段续写完全相同，逐 token 一致。</translation>
    </message>
    <message>
        <source>The two continuations differ from their first token on (highlighted).</source>
        <translation>两段续写从第一个 token 起就不同（已高亮）。</translation>
    </message>
    <message numerus="yes">
        <source>The two continuations share their first %n token(s) of %1; each one&apos;s own text is highlighted.</source>
        <translation>
            <numerusform>两段续写的前 %n 个 token 相同（共 %1 个）；各自不同的文本已高亮。</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan keeps every layer in full precision.</source>
        <translation>该计划将所有层保持为全精度。</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) generated in %1 s</source>
        <translation>
            <numerusform>%1 秒内生成了 %n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantized: %1 (the plan has changed since)</source>
        <translation>量化后：%1（计划已更改）</translation>
    </message>
</context>
<context>
    <name>qb::HessianView</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>通道顺序</translation>
    </message>
    <message>
        <source>Act-order (GPTQ&apos;s column order)</source>
        <translation>Act-order（GPTQ 的列顺序）</translation>
    </message>
    <message>
        <source>Act-order: the channels by descending diag(H), the order GPTQ quantizes the weight&apos;s columns in with act-order on</source>
        <translation>Act-order：按 diag(H) 降序排列的通道，即启用 act-order 时 GPTQ 量化权重各列的顺序</translation>
    </message>
    <message>
        <source>Logarithmic value axis: the diagonal spans orders of magnitude</source>
        <translation>对数值轴：对角线值跨越多个数量级</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>顺序：</translation>
    </message>
    <message>
        <source>Select a layer to see its Hessian diagonal.</source>
        <translation>选择一个层以查看其 Hessian 对角线。</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>diag(XᵀX) = Σ x² = %1 (%2× the mean diagonal)</source>
        <translation>diag(XᵀX) = Σ x² = %1（平均对角线值的 %2×）</translation>
    </message>
    <message>
        <source>act-order position %1 of %2</source>
        <translation>act-order 中的位置 %1（共 %2 个）</translation>
    </message>
    <message>
        <source>mean x² %1 · mean |x| %2</source>
        <translation>平均 x² %1 · 平均 |x| %2</translation>
    </message>
    <message>
        <source>dead: never non-zero in calibration (GPTQ zeroes its weight column)</source>
        <translation>死通道：在校准中从未非零（GPTQ 将其权重列置零）</translation>
    </message>
    <message>
        <source>diag(XᵀX) = Σ x² (input units²)</source>
        <translation>diag(XᵀX) = Σ x²（输入单位²）</translation>
    </message>
    <message>
        <source>Position in GPTQ&apos;s act-order (descending diag(H); channel in the tooltip)</source>
        <translation>在 GPTQ act-order 中的位置（按 diag(H) 降序；通道见工具提示）</translation>
    </message>
    <message>
        <source>Input channel</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>diag(XᵀX) per input channel</source>
        <translation>每个输入通道的 diag(XᵀX)</translation>
    </message>
    <message>
        <source>damping %1 × mean diag = %2</source>
        <translation>阻尼 %1 × 平均对角线值 = %2</translation>
    </message>
    <message>
        <source>dead channel (Σ x² = 0)</source>
        <translation>死通道（Σ x² = 0）</translation>
    </message>
    <message>
        <source>Damping used: %1 × mean diag</source>
        <translation>使用的阻尼：%1 × 平均对角线值</translation>
    </message>
    <message numerus="yes">
        <source>(raised ten-fold %n time(s) to make H invertible)</source>
        <translation>
            <numerusform>（为使 H 可逆，阻尼已 %n 次提高十倍）</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ fell back to RTN: H was not invertible even with raised damping</source>
        <translation>GPTQ 已回退为 RTN：即使提高阻尼，H 仍不可逆</translation>
    </message>
    <message>
        <source>Damping used: none (not quantized with GPTQ)</source>
        <translation>使用的阻尼：无（未使用 GPTQ 量化）</translation>
    </message>
    <message>
        <source>percdamp (plan): %1</source>
        <translation>percdamp（计划）：%1</translation>
    </message>
    <message>
        <source>condition estimate λmax/λmin ≈ %1 (of H + %2 × mean diag)</source>
        <translation>条件数估计 λmax/λmin ≈ %1（H + %2 × 平均对角线值）</translation>
    </message>
    <message>
        <source>condition estimate: not known (the run kept no XᵀX for this layer)</source>
        <translation>条件数估计：未知（本次运行未保留该层的 XᵀX）</translation>
    </message>
    <message>
        <source>dead channels: %1 of %2</source>
        <translation>死通道：%1 / %2</translation>
    </message>
    <message>
        <source>Click a bar for a channel&apos;s values; drag and scroll to pan and zoom the channel axis.</source>
        <translation>点击柱条可查看该通道的数值；拖动和滚动可平移和缩放通道轴。</translation>
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
    <message>
        <source>Weights and grid</source>
        <translation>权重与网格</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>量化前后</translation>
    </message>
    <message>
        <source>Rounding error</source>
        <translation>舍入误差</translation>
    </message>
    <message>
        <source>Weights with the quantization grid; the weights before and after quantization overlaid (the last run&apos;s result when it quantized this layer as planned, else round-to-nearest on the plan&apos;s grid); or the histogram of the error ŵ − w</source>
        <translation>带量化网格的权重；量化前后的权重叠加显示（若上次运行按计划量化了该层，则为其结果，否则为在计划网格上的就近舍入）；或误差 ŵ − w 的直方图</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>After quantization</source>
        <translation>量化后</translation>
    </message>
    <message>
        <source>Rounding error ŵ − w (weight units)</source>
        <translation>舍入误差 ŵ − w（权重单位）</translation>
    </message>
    <message>
        <source>Before quantization</source>
        <translation>量化前</translation>
    </message>
    <message>
        <source>After (%1, last run)</source>
        <translation>量化后（%1，上次运行）</translation>
    </message>
    <message>
        <source>After (round-to-nearest on the plan&apos;s grid)</source>
        <translation>量化后（在计划网格上就近舍入）</translation>
    </message>
    <message>
        <source>%1 (last run): the input channels were scaled before rounding, so each column has its own grid in the original space</source>
        <translation>%1（上次运行）：输入通道在舍入前经过缩放，因此在原始空间中每列都有各自的网格</translation>
    </message>
    <message>
        <source>rounding error: RMS %1, largest %2 (%3)</source>
        <translation>舍入误差：RMS %1，最大 %2（%3）</translation>
    </message>
    <message>
        <source>the last run&apos;s weights</source>
        <translation>上次运行的权重</translation>
    </message>
    <message>
        <source>round-to-nearest on the plan&apos;s grid</source>
        <translation>在计划网格上就近舍入</translation>
    </message>
    <message>
        <source>after quantization: %1 weights</source>
        <translation>量化后：%1 权重</translation>
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
    <name>qb::LayerErrorView</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>输出 MSE</translation>
    </message>
    <message>
        <source>Relative output error</source>
        <translation>相对输出误差</translation>
    </message>
    <message>
        <source>Output SQNR</source>
        <translation>输出 SQNR</translation>
    </message>
    <message>
        <source>What each bar shows, measured on the held-out calibration rows</source>
        <translation>每个柱条显示的指标，在留出的校准行上测量</translation>
    </message>
    <message>
        <source>Logarithmic value axis: errors of different layers differ by orders of magnitude</source>
        <translation>对数数值轴：不同层的误差相差几个数量级</translation>
    </message>
    <message>
        <source>Keep for Comparison</source>
        <translation>保留以作比较</translation>
    </message>
    <message>
        <source>Keep the latest run&apos;s bars beside the next runs&apos; (up to %1 runs)</source>
        <translation>将最近一次运行的柱条保留在之后各次运行的柱条旁边（最多 %1 次运行）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Output MSE (squared output units)</source>
        <translation>输出 MSE（输出单位的平方）</translation>
    </message>
    <message>
        <source>Relative output error ‖ΔY‖/‖Y‖</source>
        <translation>相对输出误差 ‖ΔY‖/‖Y‖</translation>
    </message>
    <message>
        <source>Output SQNR (dB, higher is better)</source>
        <translation>输出 SQNR（dB，越高越好）</translation>
    </message>
    <message>
        <source>Quantize with calibration text to see every layer&apos;s output error here.</source>
        <translation>使用校准文本进行量化，即可在此查看每个层的输出误差。</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) measured. Click a bar to select its layer; drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>已测量 %n 个层。点击柱条可选中对应的层；拖动和滚动可平移和缩放。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): MSE %3 · relative %4 · SQNR %5 dB</source>
        <translation>%1（%2）：MSE %3 · 相对误差 %4 · SQNR %5 dB</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <source>Layer, in model order</source>
        <translation>层（按模型顺序）</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
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
        <source>Change the calibration settings</source>
        <translation>更改校准设置</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Output MSE</source>
        <translation>输出 MSE</translation>
    </message>
    <message>
        <source>Output error</source>
        <translation>输出误差</translation>
    </message>
    <message>
        <source>Weight error</source>
        <translation>权重误差</translation>
    </message>
    <message>
        <source>Settings of the layer&apos;s method: GPTQ&apos;s act-order, static groups and damping, RTN&apos;s clip search, smoothing and its α (double-click to edit)</source>
        <translation>该层所用方法的设置：GPTQ 的 act-order、静态分组和阻尼，RTN 的截断搜索，平滑及其 α（双击编辑）</translation>
    </message>
    <message>
        <source>quantized; kept (full precision, as planned); skipped (could not be quantized); not run (a cancelled run stopped before it); stale (the settings changed since)</source>
        <translation>已量化；保留（按计划保持全精度）；已跳过（无法量化）；未运行（已取消的运行在此之前停止）；已过期（之后设置已更改）</translation>
    </message>
    <message>
        <source>Mean squared difference between the layer&apos;s outputs with the original and with the quantized weights, on held-out calibration tokens: the error the rest of the model sees</source>
        <translation>在留出的校准 token 上，该层使用原始权重与使用量化权重时输出之间的均方差：即模型其余部分所感受到的误差</translation>
    </message>
    <message>
        <source>‖Y − Ŷ‖ / ‖Y‖ of the layer&apos;s outputs on held-out calibration tokens</source>
        <translation>该层输出在留出校准 token 上的 ‖Y − Ŷ‖ / ‖Y‖</translation>
    </message>
    <message>
        <source>Weights: 8-bit symmetric per channel; inputs rounded to 8 bits per token</source>
        <translation>权重：8 位对称逐通道；输入逐 token 舍入为 8 位</translation>
    </message>
    <message>
        <source>%1 has no options of its own</source>
        <translation>%1 没有自己的选项</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>双击编辑</translation>
    </message>
    <message>
        <source>Not reached: the run was cancelled before this layer, which stays in full precision</source>
        <translation>未处理到：运行在此层之前被取消，此层保持全精度</translation>
    </message>
    <message>
        <source>MSE %1, relative error %2, SQNR %3 dB</source>
        <translation>MSE %1，相对误差 %2，SQNR %3 dB</translation>
    </message>
    <message>
        <source>Output error not measured: the run had no calibration text</source>
        <translation>未测量输出误差：本次运行没有校准文本</translation>
    </message>
    <message numerus="yes">
        <source>Output error on the %n token(s) it was fitted on (none were held out): %1</source>
        <translation>
            <numerusform>在拟合所用的 %n 个 token 上的输出误差（未留出任何 token）：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Output error on %n held-out token(s): %1</source>
        <translation>
            <numerusform>在 %n 个留出 token 上的输出误差：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight error: MSE %1, relative error %2, SQNR %3 dB, max |error| %4</source>
        <translation>权重误差：MSE %1，相对误差 %2，SQNR %3 dB，最大 |误差| %4</translation>
    </message>
    <message>
        <source>GPTQ fell back to round-to-nearest</source>
        <translation>GPTQ 已回退为就近舍入</translation>
    </message>
    <message numerus="yes">
        <source>GPTQ damping %1 × mean diag(H), raised %n time(s)</source>
        <translation>
            <numerusform>GPTQ 阻尼 %1 × mean diag(H)，提高了 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ damping %1 × mean diag(H)</source>
        <translation>GPTQ 阻尼 %1 × mean diag(H)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Quantized in %1 s</source>
        <translation>量化用时 %1 s</translation>
    </message>
    <message>
        <source>The calibration settings changed since this result</source>
        <translation>此结果产生后校准设置已更改</translation>
    </message>
    <message>
        <source>Quantized in %1 ms</source>
        <translation>量化用时 %1 ms</translation>
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
        <source>Open &amp;Demo Model</source>
        <translation>打开演示模型(&amp;D)</translation>
    </message>
    <message>
        <source>Open the bundled stories260K model</source>
        <translation>打开内置的 stories260K 模型</translation>
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
        <source>Quantize &amp;All Layers</source>
        <translation>量化所有层(&amp;A)</translation>
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
    <message>
        <source>Reading the calibration text %1</source>
        <translation>正在读取校准文本 %1</translation>
    </message>
    <message>
        <source>Quantize the selected layers as the plan says, the others kept in full precision, and measure their errors</source>
        <translation>按计划量化所选层，其他层保持全精度，并测量其误差</translation>
    </message>
    <message>
        <source>Ca&amp;libration Settings…</source>
        <translation>校准设置(&amp;L)…</translation>
    </message>
    <message>
        <source>The text and the samples the quantizers calibrate on</source>
        <translation>量化器用于校准的文本和样本</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>The plan cannot run on this model: %1</source>
        <translation>该计划无法在此模型上运行：%1</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>（另有 %n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>the bundled %1</source>
        <translation>内置的 %1</translation>
    </message>
    <message>
        <source>RTN with %1</source>
        <translation>RTN（%1）</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) of %1 tokens</source>
        <translation>
            <numerusform>%n 个样本，每个 %1 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>Calibration: none (not needed by this plan; with a text, each layer&apos;s output error is measured too).</source>
        <translation>校准：无（此计划不需要；若提供文本，还会测量每个层的输出误差）。</translation>
    </message>
    <message>
        <source>to measure the output errors</source>
        <translation>用于测量输出误差</translation>
    </message>
    <message>
        <source>needed by %1</source>
        <translation>%1 需要</translation>
    </message>
    <message>
        <source>Calibration: %1 from %2, %3 held out · %4</source>
        <translation>校准：%1，取自 %2，留出 %3 · %4</translation>
    </message>
    <message>
        <source>each a document from its start</source>
        <translation>每个取自一个文档的开头</translation>
    </message>
    <message>
        <source>at random places (seed %1)</source>
        <translation>取自随机位置（种子 %1）</translation>
    </message>
    <message>
        <source>Last run: without calibration data.</source>
        <translation>上次运行：无校准数据。</translation>
    </message>
    <message numerus="yes">
        <source>Last run: fitted on %n window(s) (%1 tokens), output errors measured on %2 held-out window(s) (%3 tokens).</source>
        <translation>
            <numerusform>上次运行：在 %n 个窗口（%1 个 token）上拟合，在 %2 个留出窗口（%3 个 token）上测量输出误差。</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan cannot run on this model:
%1</source>
        <translation>该计划无法在此模型上运行：
%1</translation>
    </message>
    <message>
        <source>The plan cannot run on this model: see the Issues panel.</source>
        <translation>该计划无法在此模型上运行：请查看“问题”面板。</translation>
    </message>
    <message>
        <source>Choose a calibration text first.</source>
        <translation>请先选择校准文本。</translation>
    </message>
    <message>
        <source>Export an Incomplete Run?</source>
        <translation>导出未完成的运行结果？</translation>
    </message>
    <message numerus="yes">
        <source>The last quantization of this plan was cancelled: %n layer(s) were not reached and would be exported in full precision (the report beside the checkpoint says so).</source>
        <translation>
            <numerusform>此计划的上次量化已被取消：有 %n 个层未处理到，将以全精度导出（检查点旁的报告会注明这一点）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Incomplete</source>
        <translation>导出未完成结果</translation>
    </message>
    <message>
        <source>Quantize Everything First</source>
        <translation>先全部量化</translation>
    </message>
    <message numerus="yes">
        <source>Exported a cancelled run: %n layer(s) were not reached and are stored in full precision.</source>
        <translation>
            <numerusform>已导出被取消的运行结果：有 %n 个层未处理到，以全精度存储。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The quantization run was cancelled: %n layer(s) were not reached and stay in full precision; the layers finished before are shown.</source>
        <translation>
            <numerusform>量化运行已取消：有 %n 个层未处理到，保持全精度；已显示此前完成的层。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cancelled; what was finished is shown.</source>
        <translation>%1：已取消，已显示完成的部分。</translation>
    </message>
    <message>
        <source>Quantize every layer as the plan says, block by block, and measure each layer&apos;s output and weight errors</source>
        <translation>按计划逐块量化每个层，并测量每个层的输出误差和权重误差</translation>
    </message>
    <message>
        <source>Windows: %1, %2 — %3.</source>
        <translation>窗口：%1，%2 — %3。</translation>
    </message>
    <message numerus="yes">
        <source>The calibration text gave %1 of the %n sample(s) asked for: it has fewer documents. Random windows take more samples from the same text.</source>
        <translation>
            <numerusform>校准文本只提供了所需 %n 个样本中的 %1 个：其文档数较少。随机窗口可从同一文本中取出更多样本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Calibration: a text is needed (by %1), but none is chosen.</source>
        <translation>校准：需要文本（%1 需要），但未选择。</translation>
    </message>
    <message>
        <source>A calibration text is needed (by %1): choose a text file in the Calibration panel.</source>
        <translation>需要校准文本（%1 需要）：请在“校准”面板中选择一个文本文件。</translation>
    </message>
    <message>
        <source>Compute &amp;Device…</source>
        <translation>计算设备(&amp;D)…</translation>
    </message>
    <message>
        <source>Choose where the heavy work runs: the CPU or an OpenCL device</source>
        <translation>选择繁重计算的运行位置：CPU 或 OpenCL 设备</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Where the heavy work runs (Edit › Compute Device…)</source>
        <translation>繁重计算的运行位置（编辑 › 计算设备…）</translation>
    </message>
    <message>
        <source>Device: CPU (fell back from %1)</source>
        <translation>设备：CPU（从 %1 退回）</translation>
    </message>
    <message>
        <source>Device: preparing %1…</source>
        <translation>设备：正在准备 %1…</translation>
    </message>
    <message>
        <source>Preparing the compute device</source>
        <translation>正在准备计算设备</translation>
    </message>
    <message>
        <source>Layer errors</source>
        <translation>层误差</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>最新：%1</translation>
    </message>
    <message>
        <source>Kept %1: %2</source>
        <translation>保留 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Export Checkpoint…</source>
        <translation>导出检查点(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the quantized model as a fake-quant, GPTQ, AWQ or compressed-tensors checkpoint</source>
        <translation>将量化后的模型写为伪量化、GPTQ、AWQ 或 compressed-tensors 检查点</translation>
    </message>
    <message>
        <source>Export Checkpoint</source>
        <translation>导出检查点</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>The plan cannot be written as %1:</source>
        <translation>该计划无法写为 %1：</translation>
    </message>
    <message>
        <source>Export Checkpoint to Folder</source>
        <translation>将检查点导出到文件夹</translation>
    </message>
    <message>
        <source>The plan cannot be written as %1; nothing was exported.</source>
        <translation>该计划无法写为 %1；未导出任何内容。</translation>
    </message>
    <message>
        <source>Exported a %1 checkpoint to %2</source>
        <translation>已将 %1 检查点导出到 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of layers that runtimes such as vLLM fuse into one matrix (a block&apos;s q/k/v, its gate/up) are planned with different settings; vLLM refuses such a checkpoint.</source>
        <translation>
            <numerusform>有 %n 组层会被 vLLM 等运行时融合为一个矩阵（块的 q/k/v、gate/up），但计划为它们设置了不同的参数；vLLM 会拒绝此类检查点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Align gives each group the settings of its most precise member (no layer loses precision); you can undo it.</source>
        <translation>“对齐”会为每组赋予其中精度最高成员的设置（没有层会损失精度）；可以撤销。</translation>
    </message>
    <message>
        <source>Align Them</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Export As Planned</source>
        <translation>按计划导出</translation>
    </message>
    <message>
        <source>Align Fused Layers</source>
        <translation>对齐融合层</translation>
    </message>
    <message>
        <source>Open a Hugging Face checkpoint folder (config.json and safetensors; GPTQ, AWQ and compressed-tensors folders are dequantized on opening)</source>
        <translation>打开 Hugging Face 检查点文件夹（config.json 和 safetensors；GPTQ、AWQ 和 compressed-tensors 文件夹在打开时会被反量化）</translation>
    </message>
    <message>
        <source>Open &amp;GGUF File…</source>
        <translation>打开 GGUF 文件(&amp;G)…</translation>
    </message>
    <message>
        <source>Open a llama.cpp GGUF file (llama architecture), dequantized to float32 on opening</source>
        <translation>打开 llama.cpp GGUF 文件（llama 架构），打开时反量化为 float32</translation>
    </message>
    <message>
        <source>Open GGUF File</source>
        <translation>打开 GGUF 文件</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>GGUF 文件 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>gptq_v2: zero points as stored (every grid)</source>
        <translation>gptq_v2：按原样存储零点（适用于所有网格）</translation>
    </message>
    <message>
        <source>gptq v1: for older loaders (symmetric grids only)</source>
        <translation>gptq v1：用于较旧的加载器（仅限对称网格）</translation>
    </message>
    <message>
        <source>GPTQ layout:</source>
        <translation>GPTQ 布局：</translation>
    </message>
    <message>
        <source>Export Checkpoint to File</source>
        <translation>将检查点导出到文件</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf)</source>
        <translation>GGUF 文件 (*.gguf)</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the exported checkpoint once the export has completed?</source>
        <translation>%1 已存在。要在导出完成后用导出的检查点替换它吗？</translation>
    </message>
    <message>
        <source>Sensitivity &amp;Scan…</source>
        <translation>敏感度扫描(&amp;S)…</translation>
    </message>
    <message>
        <source>Quantize one layer (or block, or role) at a time at each bit-width and measure how much perplexity suffers</source>
        <translation>每次在每个位宽下量化一个层（或块、或角色），并测量困惑度受到的影响</translation>
    </message>
    <message>
        <source>&amp;Automatic Bits…</source>
        <translation>自动位宽(&amp;A)…</translation>
    </message>
    <message>
        <source>Choose each layer&apos;s bit-width from the sensitivity scan for a target average bits per weight</source>
        <translation>根据敏感度扫描为每个层选择位宽，以达到目标平均每权重位数</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <source>Auto Bits</source>
        <translation>自动位宽</translation>
    </message>
    <message>
        <source>Outlier channels</source>
        <translation>离群通道</translation>
    </message>
    <message>
        <source>Hessian</source>
        <translation>Hessian</translation>
    </message>
    <message>
        <source>Rounding lab</source>
        <translation>舍入实验室</translation>
    </message>
    <message>
        <source>Select a layer to see its input channels and Hessian diagonal.</source>
        <translation>选择一个层以查看其输入通道和 Hessian 对角线。</translation>
    </message>
    <message>
        <source>Input profile of %1</source>
        <translation>%1 的输入概况</translation>
    </message>
    <message>
        <source>Shown when this tab is open.</source>
        <translation>在此标签页打开时显示。</translation>
    </message>
    <message>
        <source>No calibration text: choose one in the Calibration panel to measure the inputs of %1 with the full-precision model, or quantize with a method that calibrates (GPTQ, AWQ, SmoothQuant) to see the run&apos;s statistics.</source>
        <translation>没有校准文本：请在“校准”面板中选择一个，以用全精度模型测量 %1 的输入；或使用需要校准的方法（GPTQ、AWQ、SmoothQuant）进行量化，以查看本次运行的统计量。</translation>
    </message>
    <message>
        <source>Measuring the inputs of %1: a full-precision pass over the calibration windows up to its block…</source>
        <translation>正在测量 %1 的输入：在校准窗口上对其所在块及之前的部分进行全精度前向传播…</translation>
    </message>
    <message>
        <source>Choose a calibration text (Calibration panel) to record the layer&apos;s inputs.</source>
        <translation>请选择校准文本（“校准”面板）以记录该层的输入。</translation>
    </message>
    <message>
        <source>Recording the inputs of %1…</source>
        <translation>正在记录 %1 的输入…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Recording the inputs of %1</source>
        <translation>正在记录 %1 的输入</translation>
    </message>
    <message>
        <source>Automatic bits: perplexity %1 predicted, %2 measured</source>
        <translation>自动位宽：预测困惑度 %1，实测 %2</translation>
    </message>
    <message>
        <source>GPTQ needs a calibration text: choose one in Run › Calibration Settings….</source>
        <translation>GPTQ 需要校准文本：请在“运行 › 校准设置…”中选择。</translation>
    </message>
    <message numerus="yes">
        <source>GPTQ calibrates on %1: %n sample(s) of %2 tokens, the full-precision model&apos;s activations (Run › Calibration Settings…).</source>
        <translation>
            <numerusform>GPTQ 在 %1 上校准：%n 个样本，每个 %2 个 token，使用全精度模型的激活（运行 › 校准设置…）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no such evaluation text; the sensitivity scan did not run.</source>
        <translation>%1：评估文本不存在；敏感度扫描未运行。</translation>
    </message>
    <message>
        <source>Choose an evaluation text for the sensitivity scan.</source>
        <translation>请为敏感度扫描选择评估文本。</translation>
    </message>
    <message>
        <source>Sensitivity scan</source>
        <translation>敏感度扫描</translation>
    </message>
    <message>
        <source>Reading the evaluation text %1</source>
        <translation>正在读取评估文本 %1</translation>
    </message>
    <message>
        <source>The sensitivity scan was cancelled: the measurements it did not make are hatched, and automatic bits needs a complete scan.</source>
        <translation>敏感度扫描已取消：未完成的测量以斜线阴影标出，而自动位宽需要完整的扫描。</translation>
    </message>
    <message>
        <source>There is no sensitivity scan of this model yet.</source>
        <translation>此模型尚无敏感度扫描。</translation>
    </message>
    <message>
        <source>The latest sensitivity scan was cancelled before it measured every layer.</source>
        <translation>最近一次敏感度扫描在测量完所有层之前已被取消。</translation>
    </message>
    <message>
        <source>Automatic Bits</source>
        <translation>自动位宽</translation>
    </message>
    <message>
        <source>Automatic bits chooses from one. Run a sensitivity scan now?</source>
        <translation>自动位宽依据敏感度扫描进行选择。现在运行敏感度扫描吗？</translation>
    </message>
    <message>
        <source>%1-bit × %2</source>
        <translation>%1 位 × %2</translation>
    </message>
    <message>
        <source>Predicted perplexity &lt;b&gt;%1&lt;/b&gt; (%2 over full precision %3)</source>
        <translation>预测困惑度 &lt;b&gt;%1&lt;/b&gt;（比全精度 %3 高 %2）</translation>
    </message>
    <message>
        <source>, KL %1 nats/token</source>
        <translation>，KL %1 nats/token</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 bits/weight&lt;/b&gt; achieved (target %2; %3 to %4 possible)</source>
        <translation>实际达到 &lt;b&gt;每权重 %1 位&lt;/b&gt;（目标 %2；可达范围 %3 到 %4）</translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation>层：%1</translation>
    </message>
    <message>
        <source>Previewing automatic bits</source>
        <translation>正在预览自动位宽</translation>
    </message>
    <message>
        <source>Choosing bits</source>
        <translation>正在选择位宽</translation>
    </message>
    <message>
        <source>Automatic bits: %1 bits/weight</source>
        <translation>自动位宽：每权重 %1 位</translation>
    </message>
    <message>
        <source>Automatic bits: %1 bits/weight, perplexity %2 predicted. Evaluate the plan to measure it.</source>
        <translation>自动位宽：每权重 %1 位，预测困惑度 %2。评估该计划以实测困惑度。</translation>
    </message>
    <message>
        <source>The prediction adds up what each layer did alone in the scan (%1); the measured change is usually larger.</source>
        <translation>预测值是将扫描中每个层单独造成的影响相加（%1）；实测变化通常更大。</translation>
    </message>
    <message>
        <source>%1-bit ×%2</source>
        <translation>%1 位 ×%2</translation>
    </message>
    <message>
        <source>The prediction adds up what each layer did alone in the scan, scaled per width by how much more the whole model lost at that width (%1); the plain sum predicts %2.</source>
        <translation>预测值是将扫描中每个层单独造成的影响相加，并按位宽乘以整个模型在该位宽下额外损失的倍数（%1）；简单求和预测为 %2。</translation>
    </message>
    <message>
        <source>Open Sensitivity Sc&amp;an…</source>
        <translation>打开敏感度扫描(&amp;A)…</translation>
    </message>
    <message>
        <source>Show a sensitivity scan saved as JSON (also by quantbench-cli sensitivity --out) for this model</source>
        <translation>为此模型显示以 JSON 保存的敏感度扫描（也可由 quantbench-cli sensitivity --out 生成）</translation>
    </message>
    <message>
        <source>Save Sensitivity Scan…</source>
        <translation>保存敏感度扫描…</translation>
    </message>
    <message>
        <source>Save the sensitivity scan as JSON, as quantbench-cli sensitivity --out writes it (quantbench-cli autobits --scan reads it)</source>
        <translation>将敏感度扫描保存为 JSON，格式与 quantbench-cli sensitivity --out 相同（quantbench-cli autobits --scan 可读取）</translation>
    </message>
    <message>
        <source>Open Sensitivity Scan</source>
        <translation>打开敏感度扫描</translation>
    </message>
    <message>
        <source>Sensitivity scans (*.json)</source>
        <translation>敏感度扫描 (*.json)</translation>
    </message>
    <message>
        <source>%1 is not a scan of this model:
%2</source>
        <translation>%1 不是此模型的扫描：
%2</translation>
    </message>
    <message>
        <source>%1 holds a cancelled scan: the measurements it did not make are hatched, and automatic bits needs a complete scan.</source>
        <translation>%1 包含一个已取消的扫描：未完成的测量以阴影显示，自动位宽需要完整的扫描。</translation>
    </message>
    <message>
        <source>Opened the sensitivity scan %1</source>
        <translation>已打开敏感度扫描 %1</translation>
    </message>
    <message>
        <source>Save Sensitivity Scan</source>
        <translation>保存敏感度扫描</translation>
    </message>
    <message>
        <source>Saved the sensitivity scan to %1</source>
        <translation>已将敏感度扫描保存到 %1</translation>
    </message>
    <message>
        <source>Open Pro&amp;ject…</source>
        <translation>打开项目(&amp;J)…</translation>
    </message>
    <message>
        <source>Open a saved session: its model, plan, texts, sensitivity scan and quantized layers</source>
        <translation>打开已保存的会话：其模型、方案、文本、敏感度扫描和已量化的层</translation>
    </message>
    <message>
        <source>Save this session in one file: the model&apos;s path, the plan, the calibration and evaluation texts, the sensitivity scan and the last run&apos;s quantized layers</source>
        <translation>将此会话保存到一个文件：模型路径、方案、校准和评估文本、敏感度扫描以及上次运行的已量化层</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>QuantBench projects (*.qbproj)</source>
        <translation>QuantBench 项目 (*.qbproj)</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>正在保存 %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>%1: the quantized layers were made from other inputs than the project&apos;s plan and texts now give (the plan or the calibration text changed after the run): evaluating or exporting runs the plan again.</source>
        <translation>%1：已量化的层来自与项目当前方案和文本不同的输入（运行后方案或校准文本已更改）：评估或导出将重新运行该方案。</translation>
    </message>
    <message>
        <source>Save &amp;Plan…</source>
        <translation>保存计划(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save this session in a new project file</source>
        <translation>将此会话保存到新的项目文件</translation>
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
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save this session as a project?</source>
        <translation>将此会话保存为项目？</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>保存对 %1 的更改？</translation>
    </message>
    <message>
        <source>The plan, the texts, the sensitivity scan or the quantized layers changed since the session was last saved. It cannot be saved while a job runs: choose Cancel and save it once the job is done, or discard the changes.</source>
        <translation>自上次保存会话以来，计划、文本、敏感度扫描或量化层已更改。任务运行期间无法保存：请选择“取消”并在任务完成后保存，或放弃这些更改。</translation>
    </message>
    <message>
        <source>The plan, the texts, the sensitivity scan or the quantized layers changed since the session was last saved. Without saving, the changes are lost.</source>
        <translation>自上次保存会话以来，计划、文本、敏感度扫描或量化层已更改。若不保存，这些更改将丢失。</translation>
    </message>
    <message>
        <source>Save &amp;Report…</source>
        <translation>保存报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Save the latest run&apos;s per-layer report: an HTML page to read and share, a CSV table or JSON</source>
        <translation>保存最近一次运行的逐层报告：可供阅读和分享的 HTML 页面、CSV 表格或 JSON</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>HTML report (*.html);;CSV table (*.csv);;JSON report (*.json)</source>
        <translation>HTML 报告 (*.html);;CSV 表格 (*.csv);;JSON 报告 (*.json)</translation>
    </message>
    <message>
        <source>Saved the report to %1</source>
        <translation>已将报告保存到 %1</translation>
    </message>
    <message>
        <source>none: choose a text file or a dataset</source>
        <translation>无：请选择文本文件或数据集</translation>
    </message>
    <message>
        <source>&amp;Generate Text</source>
        <translation>生成文本(&amp;G)</translation>
    </message>
    <message>
        <source>Continue the Generation panel&apos;s prompt with the model as stored and as the plan quantizes it, side by side</source>
        <translation>用存储的模型和按计划量化的模型并排续写“生成”面板中的提示</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate.</source>
        <translation>输入提示后点击“生成”。</translation>
    </message>
    <message>
        <source>Type a prompt for the model to continue first.</source>
        <translation>请先输入供模型续写的提示。</translation>
    </message>
    <message>
        <source>Generating text</source>
        <translation>正在生成文本</translation>
    </message>
    <message>
        <source>&amp;Compare With Checkpoint Folder…</source>
        <translation>与检查点文件夹对比(&amp;C)…</translation>
    </message>
    <message>
        <source>Score another checkpoint of this model (GPTQ, AWQ, compressed-tensors, FP8, an export…) against the model as stored, with the KL divergence between them</source>
        <translation>将此模型的另一个检查点（GPTQ、AWQ、compressed-tensors、FP8、导出结果…）与存储的模型对比计分，并给出两者之间的 KL 散度</translation>
    </message>
    <message>
        <source>Compare With Checkpoint Folder</source>
        <translation>与检查点文件夹对比</translation>
    </message>
    <message>
        <source>Compare With GG&amp;UF File…</source>
        <translation>与 GGUF 文件对比(&amp;U)…</translation>
    </message>
    <message>
        <source>Score a GGUF file of this model against the model as stored, with the KL divergence between them</source>
        <translation>将此模型的 GGUF 文件与存储的模型对比计分，并给出两者之间的 KL 散度</translation>
    </message>
    <message>
        <source>Compare With GGUF File</source>
        <translation>与 GGUF 文件对比</translation>
    </message>
    <message>
        <source>Co&amp;mpare With</source>
        <translation>对比(&amp;M)</translation>
    </message>
    <message>
        <source>Comparing with %1</source>
        <translation>正在与 %1 对比</translation>
    </message>
</context>
<context>
    <name>qb::MethodOptionsEditor</name>
    <message>
        <source>no options</source>
        <translation>无选项</translation>
    </message>
    <message>
        <source>act-order</source>
        <translation>act-order</translation>
    </message>
    <message>
        <source>static groups</source>
        <translation>静态分组</translation>
    </message>
    <message>
        <source>damp</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>clip search</source>
        <translation>截断搜索</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>GPTQ: quantize the columns in order of decreasing Hessian diagonal (the inputs&apos; energy), which helps at low bit widths</source>
        <translation>GPTQ：按 Hessian 对角线值（输入的能量）从大到小的顺序量化各列，有助于低位宽量化</translation>
    </message>
    <message>
        <source>GPTQ: compute every group&apos;s grid from the unchanged weights before quantizing, so that act-order keeps groups of adjacent columns (for loaders without a column permutation)</source>
        <translation>GPTQ：在量化前根据未改动的权重计算每个分组的网格，使 act-order 保持由相邻列组成的分组（适用于不支持列置换的加载器）</translation>
    </message>
    <message>
        <source>GPTQ: added to the Hessian&apos;s diagonal, as a fraction of its mean; raised ten-fold while the Hessian is not positive definite</source>
        <translation>GPTQ：加到 Hessian 对角线上的值，以其均值的比例表示；只要 Hessian 矩阵不是正定的，就提高十倍</translation>
    </message>
    <message>
        <source>RTN: search each group&apos;s clipping range for the smallest output error on the calibration inputs</source>
        <translation>RTN：为每个分组搜索截断范围，使其在校准输入上的输出误差最小</translation>
    </message>
    <message>
        <source>SmoothQuant smoothing first: move the activations&apos; outlier channels into the weights with strength α, folding the scale into the operation before the layer</source>
        <translation>先进行 SmoothQuant 平滑：以强度 α 将激活的离群通道迁移到权重中，并将缩放因子折叠到该层之前的操作中</translation>
    </message>
    <message>
        <source>Migration strength α: 0 leaves the activations as they are, 1 moves all of their range into the weights</source>
        <translation>迁移强度 α：0 表示保持激活不变，1 表示将其全部范围迁移到权重中</translation>
    </message>
    <message>
        <source>tied scales</source>
        <translation>绑定缩放</translation>
    </message>
    <message>
        <source>AWQ: under grouped-query attention, scale o_proj&apos;s inputs with one scale per key/value head channel (shared by the query heads reading it), folded into v_proj. Off: o_proj stays unscaled and is only clipped, as llm-awq does</source>
        <translation>AWQ：在分组查询注意力下，按每个键/值头通道一个缩放因子（由读取它的查询头共享）缩放 o_proj 的输入，并折叠进 v_proj。关闭：o_proj 不缩放，只做裁剪，与 llm-awq 相同</translation>
    </message>
</context>
<context>
    <name>qb::OpenClBackend</name>
    <message>
        <source>%1 failed: %2 (%3)</source>
        <translation>%1 失败：%2（%3）</translation>
    </message>
    <message>
        <source>listing the OpenCL devices failed: %1</source>
        <translation>列出 OpenCL 设备失败：%1</translation>
    </message>
    <message>
        <source>the OpenCL platforms list no device</source>
        <translation>OpenCL 平台没有列出任何设备</translation>
    </message>
</context>
<context>
    <name>qb::OutlierChannelView</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Mean |x|</source>
        <translation>平均 |x|</translation>
    </message>
    <message>
        <source>Max |x|</source>
        <translation>最大 |x|</translation>
    </message>
    <message>
        <source>Which activation statistic each bar shows, over every calibration row the layer saw</source>
        <translation>每个柱条显示的激活统计量，基于该层见到的所有校准行</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>通道顺序</translation>
    </message>
    <message>
        <source>Sorted, largest first</source>
        <translation>排序，从大到小</translation>
    </message>
    <message>
        <source>Logarithmic value axes: outlier channels are often 10–100× the median</source>
        <translation>对数数值轴：离群通道通常是中位数的 10–100 倍</translation>
    </message>
    <message>
        <source>How many channels the table lists</source>
        <translation>表格列出的通道数</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>顺序：</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>列出前：</translation>
    </message>
    <message>
        <source>The channels with the largest statistic; click one to mark it</source>
        <translation>统计量最大的通道；点击某个通道可将其标记</translation>
    </message>
    <message>
        <source>Select a layer to see its input channels.</source>
        <translation>选择一个层以查看其输入通道。</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>mean |x| %1 (%2× median)</source>
        <translation>平均 |x| %1（中位数的 %2 倍）</translation>
    </message>
    <message>
        <source>max |x| %1 (%2× median)</source>
        <translation>最大 |x| %1（中位数的 %2 倍）</translation>
    </message>
    <message>
        <source>‖W[:, %1]‖₂ %2</source>
        <translation>‖W[:, %1]‖₂ %2</translation>
    </message>
    <message>
        <source>max |w| %1</source>
        <translation>最大 |w| %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>× median</source>
        <translation>× 中位数</translation>
    </message>
    <message>
        <source>‖W col‖₂</source>
        <translation>‖W 列‖₂</translation>
    </message>
    <message>
        <source>Max |w|</source>
        <translation>最大 |w|</translation>
    </message>
    <message>
        <source>Scale s</source>
        <translation>缩放因子 s</translation>
    </message>
    <message>
        <source>Max |x| divided by the median over channels of max |x|</source>
        <translation>最大 |x| 除以各通道最大 |x| 的中位数</translation>
    </message>
    <message>
        <source>Mean |x| divided by the median over channels of mean |x|</source>
        <translation>平均 |x| 除以各通道平均 |x| 的中位数</translation>
    </message>
    <message>
        <source>max |x| (input units)</source>
        <translation>最大 |x|（输入单位）</translation>
    </message>
    <message>
        <source>mean |x| (input units)</source>
        <translation>平均 |x|（输入单位）</translation>
    </message>
    <message>
        <source>|w| (weight units)</source>
        <translation>|w|（权重单位）</translation>
    </message>
    <message>
        <source>Rank of the input channel, largest %1 first</source>
        <translation>输入通道的排名，%1 最大者在前</translation>
    </message>
    <message>
        <source>max |x|</source>
        <translation>最大 |x|</translation>
    </message>
    <message>
        <source>mean |x|</source>
        <translation>平均 |x|</translation>
    </message>
    <message>
        <source>Input channel</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>max |x| per input channel</source>
        <translation>每个输入通道的最大 |x|</translation>
    </message>
    <message>
        <source>mean |x| per input channel</source>
        <translation>每个输入通道的平均 |x|</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>中位数 %1</translation>
    </message>
    <message>
        <source>%1 (no unit; x ÷ s)</source>
        <translation>%1（无单位；x ÷ s）</translation>
    </message>
    <message>
        <source>‖W[:, j]‖₂ (column L2 norm)</source>
        <translation>‖W[:, j]‖₂（列 L2 范数）</translation>
    </message>
    <message>
        <source>max |W[:, j]|</source>
        <translation>最大 |W[:, j]|</translation>
    </message>
    <message>
        <source>Click a bar or a table row for a channel&apos;s values; drag and scroll to pan and zoom the channel axis.</source>
        <translation>点击柱条或表格行可查看通道的数值；拖动和滚动可平移和缩放通道轴。</translation>
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
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>%1 options</source>
        <translation>%1 选项</translation>
    </message>
</context>
<context>
    <name>qb::RoundingLabView</name>
    <message>
        <source>Outlier:</source>
        <translation>离群值：</translation>
    </message>
    <message>
        <source>Symmetric</source>
        <translation>对称</translation>
    </message>
    <message>
        <source>Record Activations</source>
        <translation>记录激活</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Selected layer: a row</source>
        <translation>所选层：一行</translation>
    </message>
    <message>
        <source>Selected layer: one group</source>
        <translation>所选层：一个分组</translation>
    </message>
    <message>
        <source>Synthetic vector with an outlier</source>
        <translation>含一个离群值的合成向量</translation>
    </message>
    <message>
        <source>The weights to round: a row of the layer selected in the table, one group of that row, or 64 synthetic Gaussian weights with one outlier you can resize</source>
        <translation>要舍入的权重：表格中所选层的一行、该行的一个分组，或 64 个合成高斯权重（含一个可调整大小的离群值）</translation>
    </message>
    <message>
        <source>row </source>
        <translation>行 </translation>
    </message>
    <message>
        <source>The layer&apos;s row (output channel) to round</source>
        <translation>要舍入的层中的行（输出通道）</translation>
    </message>
    <message>
        <source>group </source>
        <translation>分组 </translation>
    </message>
    <message>
        <source>The group whose grid levels are drawn (and, for &quot;one group&quot;, the group rounded); the GPTQ step-through starts at its first column</source>
        <translation>绘制其网格级别的分组（在“一个分组”模式下也是被舍入的分组）；GPTQ 单步演示从其第一列开始</translation>
    </message>
    <message>
        <source>Drag: the size of the synthetic vector&apos;s outlier weight, in standard deviations of the other weights</source>
        <translation>拖动：合成向量中离群权重的大小，以其他权重的标准差为单位</translation>
    </message>
    <message>
        <source>Bits per weight: 2^bits levels per group</source>
        <translation>每权重位数：每个分组 2^bits 个级别</translation>
    </message>
    <message>
        <source>Weights sharing one scale and zero point (one grid)</source>
        <translation>共享同一缩放因子和零点的权重数（一个网格）</translation>
    </message>
    <message>
        <source>Symmetric: the grid is centred on zero (no zero point to store), half of it wasted when the values are one-sided</source>
        <translation>对称：网格以零为中心（无需存储零点），数值只在一侧时会浪费一半网格</translation>
    </message>
    <message>
        <source>Clip ratio: each group&apos;s range [min, max] shrunk to [min·c, max·c]; values outside are clamped — coarse outliers, finer steps for the rest</source>
        <translation>截断比例：每个分组的范围 [min, max] 缩小为 [min·c, max·c]；超出的值被截断——离群值更粗糙，其余值步长更细</translation>
    </message>
    <message>
        <source>AWQ scale: each weight is multiplied by s_j = (mean |x_j|)^α of its input channel before rounding and divided by it after, so the channels with large activations are rounded finer</source>
        <translation>AWQ 缩放：每个权重在舍入前乘以其输入通道的 s_j = (mean |x_j|)^α，舍入后再除以它，从而使激活较大的通道舍入得更精细</translation>
    </message>
    <message>
        <source>Run the calibration text through the model up to this layer and record its inputs&apos; mean |x| and XᵀX (for α and the output error)</source>
        <translation>将校准文本输入模型并运行到此层，记录其输入的平均 |x| 和 XᵀX（用于 α 和输出误差）</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>舍入对象：</translation>
    </message>
    <message>
        <source>Bits:</source>
        <translation>位数：</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>分组大小：</translation>
    </message>
    <message>
        <source>Clip ratio:</source>
        <translation>截断比例：</translation>
    </message>
    <message>
        <source>AWQ α:</source>
        <translation>AWQ α：</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>舍入</translation>
    </message>
    <message>
        <source>GPTQ Step-Through</source>
        <translation>GPTQ 单步演示</translation>
    </message>
    <message>
        <source>Input column of the row</source>
        <translation>该行的输入列</translation>
    </message>
    <message>
        <source>Error ŵ − w
(weight units)</source>
        <translation>误差 ŵ − w
（权重单位）</translation>
    </message>
    <message>
        <source>grid levels (shown group)</source>
        <translation>网格级别（所显示的分组）</translation>
    </message>
    <message>
        <source>clip range</source>
        <translation>截断范围</translation>
    </message>
    <message>
        <source>original weights w</source>
        <translation>原始权重 w</translation>
    </message>
    <message>
        <source>rounded ŵ</source>
        <translation>舍入后 ŵ</translation>
    </message>
    <message>
        <source>error ŵ − w</source>
        <translation>误差 ŵ − w</translation>
    </message>
    <message>
        <source>error of a clipped weight</source>
        <translation>被截断权重的误差</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Weight
(weight units)</source>
        <translation>权重
（权重单位）</translation>
    </message>
    <message>
        <source>Change this step
(weight units)</source>
        <translation>本步变化
（权重单位）</translation>
    </message>
    <message>
        <source>Input column of the layer</source>
        <translation>该层的输入列</translation>
    </message>
    <message>
        <source>Output error
(per token)</source>
        <translation>输出误差
（每 token）</translation>
    </message>
    <message>
        <source>Columns rounded</source>
        <translation>已舍入的列数</translation>
    </message>
    <message>
        <source>original w</source>
        <translation>原始 w</translation>
    </message>
    <message>
        <source>updated, to be rounded</source>
        <translation>已更新，待舍入</translation>
    </message>
    <message>
        <source>output error: RTN</source>
        <translation>输出误差：RTN</translation>
    </message>
    <message>
        <source>output error: GPTQ</source>
        <translation>输出误差：GPTQ</translation>
    </message>
    <message>
        <source>its rounding ŵ − w</source>
        <translation>其舍入 ŵ − w</translation>
    </message>
    <message>
        <source>spread onto later columns</source>
        <translation>分摊到后续列</translation>
    </message>
    <message>
        <source>Round the next column and spread its error onto the later columns</source>
        <translation>舍入下一列，并将其误差分摊到后续列</translation>
    </message>
    <message>
        <source>Step through the remaining columns (press again to pause)</source>
        <translation>逐步处理剩余的列（再按一次可暂停）</translation>
    </message>
    <message>
        <source>Back to the unrounded slice</source>
        <translation>回到未舍入的切片</translation>
    </message>
    <message>
        <source>show row </source>
        <translation>显示行 </translation>
    </message>
    <message>
        <source>The slice&apos;s row drawn in the upper panels (the output error counts every row)</source>
        <translation>在上方面板中绘制的切片行（输出误差计入所有行）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>%1 (%2 levels)</source>
        <translation>%1（%2 个级别）</translation>
    </message>
    <message>
        <source>per row</source>
        <translation>逐行</translation>
    </message>
    <message>
        <source>%1 σ</source>
        <translation>%1 σ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to round yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚无可舍入的内容。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a layer in the table, or choose the synthetic vector.</source>
        <translation>请在表格中选择一个层，或选择合成向量。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Scaled weight w·s
(weight units)</source>
        <translation>缩放后的权重 w·s
（权重单位）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; max |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n clipped</source>
        <translation>
            <numerusform>&lt;b&gt;MSE %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; 最大 |ŵ − w| %2 &amp;nbsp;·&amp;nbsp; %n 个被截断</numerusform>
        </translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; output error %1 / token</source>
        <translation> &amp;nbsp;·&amp;nbsp; 输出误差 %1 / token</translation>
    </message>
    <message numerus="yes">
        <source>Synthetic activations: %n token(s), input channel 5 ten times larger than the others. </source>
        <translation>
            <numerusform>合成激活：%n 个 token，输入通道 5 比其他通道大十倍。 </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activations recorded over %n calibration token(s). </source>
        <translation>
            <numerusform>已在 %n 个校准 token 上记录激活。 </numerusform>
        </translation>
    </message>
    <message>
        <source>No activations recorded for this layer: α and the output error need them. </source>
        <translation>此层未记录激活：α 和输出误差需要它们。 </translation>
    </message>
    <message numerus="yes">
        <source>Each weight moves to the nearest of its group&apos;s %n level(s) (grey lines, shown for the highlighted group). Drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>每个权重移到其分组 %n 个级别中最近的一个（灰线，显示的是高亮分组的级别）。拖动和滚动可平移和缩放。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The slice&apos;s Hessian is not invertible&lt;/b&gt;, even with raised damping: GPTQ cannot run on it.</source>
        <translation>&lt;b&gt;该切片的 Hessian 矩阵不可逆&lt;/b&gt;，即使提高阻尼也不行：GPTQ 无法在其上运行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to step through yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚无可单步演示的内容。&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Step %1 of %2&lt;/b&gt;: column %3 rounded (row %4: error %5), spread onto %n later column(s).</source>
        <translation>
            <numerusform>&lt;b&gt;第 %1 步（共 %2 步）&lt;/b&gt;：已舍入第 %3 列（第 %4 行：误差 %5），并分摊到后续 %n 列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Output error: &lt;b&gt;&lt;span style=&apos;color:%1&apos;&gt;GPTQ %2&lt;/span&gt;&lt;/b&gt; vs &lt;b&gt;&lt;span style=&apos;color:%3&apos;&gt;RTN %4&lt;/span&gt;&lt;/b&gt;</source>
        <translation>输出误差：&lt;b&gt;&lt;span style=&apos;color:%1&apos;&gt;GPTQ %2&lt;/span&gt;&lt;/b&gt; 对比 &lt;b&gt;&lt;span style=&apos;color:%3&apos;&gt;RTN %4&lt;/span&gt;&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (GPTQ %1 %)</source>
        <translation> （GPTQ %1 %）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 rows × %2 columns&lt;/b&gt; (columns %3–%4), %5. Press Step: GPTQ rounds one column at a time and moves the columns not yet rounded to make up for its error.</source>
        <translation>&lt;b&gt;%1 行 × %2 列&lt;/b&gt;（列 %3–%4），%5。按“单步”：GPTQ 每次舍入一列，并调整尚未舍入的列以弥补其误差。</translation>
    </message>
    <message>
        <source>H = XᵀX of synthetic activations (channel 5 ten times larger).</source>
        <translation>H = 合成激活的 XᵀX（通道 5 大十倍）。</translation>
    </message>
    <message numerus="yes">
        <source>H = XᵀX of %n calibration token(s).</source>
        <translation>
            <numerusform>H = %n 个校准 token 的 XᵀX。</numerusform>
        </translation>
    </message>
    <message>
        <source>No calibration inputs for this layer: H = XᵀX of synthetic activations. Record Activations for the real ones.</source>
        <translation>此层没有校准输入：H = 合成激活的 XᵀX。点击“记录激活”以获取真实激活。</translation>
    </message>
    <message>
        <source>Damping %1 × mean diag(H). The update is the rounding error times row i of the inverse Hessian&apos;s Cholesky factor.</source>
        <translation>阻尼 %1 × mean diag(H)。更新量为舍入误差乘以逆 Hessian 矩阵 Cholesky 因子的第 i 行。</translation>
    </message>
    <message>
        <source>Column %1 (group %2)</source>
        <translation>第 %1 列（分组 %2）</translation>
    </message>
    <message>
        <source>w = %1</source>
        <translation>w = %1</translation>
    </message>
    <message>
        <source>s = %1, w·s = %2</source>
        <translation>s = %1，w·s = %2</translation>
    </message>
    <message>
        <source>code %1 of 0…%2 → level %3</source>
        <translation>编码 %1（0…%2）→ 级别 %3</translation>
    </message>
    <message>
        <source>ŵ = %1, error ŵ − w = %2</source>
        <translation>ŵ = %1，误差 ŵ − w = %2</translation>
    </message>
    <message>
        <source>group scale %1, zero point %2</source>
        <translation>分组缩放因子 %1，零点 %2</translation>
    </message>
    <message>
        <source>clipped to [%1, %2]</source>
        <translation>截断到 [%1, %2]</translation>
    </message>
    <message numerus="yes">
        <source>After %n column(s)</source>
        <translation>
            <numerusform>%n 列之后</numerusform>
        </translation>
    </message>
    <message>
        <source>GPTQ output error %1</source>
        <translation>GPTQ 输出误差 %1</translation>
    </message>
    <message>
        <source>RTN output error %1</source>
        <translation>RTN 输出误差 %1</translation>
    </message>
    <message>
        <source>Column %1, row %2</source>
        <translation>第 %1 列，第 %2 行</translation>
    </message>
    <message>
        <source>original %1</source>
        <translation>原始 %1</translation>
    </message>
    <message>
        <source>rounded %1</source>
        <translation>舍入后 %1</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>当前 %1</translation>
    </message>
    <message>
        <source>changed this step by %1</source>
        <translation>本步变化 %1</translation>
    </message>
    <message>
        <source>RTN would give %1</source>
        <translation>RTN 将得到 %1</translation>
    </message>
</context>
<context>
    <name>qb::SensitivityRankingModel</name>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s): %1</source>
        <translation>
            <numerusform>%n 个层：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1 bits: perplexity %2 (Δ %3), KL %4 nats/token</source>
        <translation>%1 位时：困惑度 %2（Δ %3），KL %4 nats/token</translation>
    </message>
    <message>
        <source>Not measured at %1 bits: the scan was cancelled first.</source>
        <translation>未在 %1 位下测量：扫描已先被取消。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Layer (block · role)</source>
        <translation>层（块 · 角色）</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
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
        <translation>按所选位宽下所显示的指标排名：1 为最敏感</translation>
    </message>
    <message>
        <source>Perplexity with only this unit quantized at %1 bits, minus the full-precision model&apos;s</source>
        <translation>仅将此单元量化为 %1 位时的困惑度，减去全精度模型的困惑度</translation>
    </message>
    <message>
        <source>Mean KL divergence (nats/token) of the next-token distributions from the full-precision model&apos;s, with only this unit quantized at %1 bits</source>
        <translation>仅将此单元量化为 %1 位时，下一个 token 分布与全精度模型的平均 KL 散度（nats/token）</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>groups of %1</source>
        <translation>每组 %1</translation>
    </message>
</context>
<context>
    <name>qb::SensitivityScanDialog</name>
    <message>
        <source>Sensitivity Scan</source>
        <translation>敏感度扫描</translation>
    </message>
    <message>
        <source>Each unit is quantized alone at each bit-width, everything else kept in full precision, and the model is scored on the evaluation text: the change in perplexity and the KL divergence show which layers suffer most.</source>
        <translation>每个单元在每个位宽下单独量化，其余部分保持全精度，并在评估文本上为模型计分：困惑度的变化和 KL 散度表明哪些层受影响最大。</translation>
    </message>
    <message>
        <source>RTN needs no calibration; GPTQ calibrates each layer on the full-precision model&apos;s activations</source>
        <translation>RTN 无需校准；GPTQ 在全精度模型的激活上校准每个层</translation>
    </message>
    <message>
        <source>One layer</source>
        <translation>一个层</translation>
    </message>
    <message>
        <source>One block (all its layers)</source>
        <translation>一个块（其所有层）</translation>
    </message>
    <message>
        <source>One role across all blocks</source>
        <translation>一个角色（跨所有块）</translation>
    </message>
    <message>
        <source>a UTF-8 text file</source>
        <translation>UTF-8 文本文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Score only the first documents of the text: fewer make the scan faster and the figures noisier</source>
        <translation>只对文本的前若干个文档计分：数量越少，扫描越快，但数值噪声越大</translation>
    </message>
    <message>
        <source>Bit-widths:</source>
        <translation>位宽：</translation>
    </message>
    <message>
        <source>Grouping:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Quantize per measurement:</source>
        <translation>每次测量量化：</translation>
    </message>
    <message>
        <source>Evaluation text:</source>
        <translation>评估文本：</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文档数：</translation>
    </message>
    <message>
        <source>Run Scan</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>评估文本</translation>
    </message>
    <message>
        <source>Choose at least one bit-width.</source>
        <translation>请至少选择一个位宽。</translation>
    </message>
    <message>
        <source>Choose an existing evaluation text.</source>
        <translation>请选择一个已存在的评估文本。</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 = %n measurement(s), each an evaluation of the text from the unit&apos;s first block on.</source>
        <translation>
            <numerusform>%1 × %2 = %n 次测量，每次都从该单元的第一个块开始对文本进行评估。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 个单元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bit-width(s)</source>
        <translation>
            <numerusform>%n 个位宽</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qb::SensitivityView</name>
    <message>
        <source>one layer at a time</source>
        <translation>每次一个层</translation>
    </message>
    <message>
        <source>one block at a time</source>
        <translation>每次一个块</translation>
    </message>
    <message>
        <source>one role across all blocks at a time</source>
        <translation>每次一个角色（跨所有块）</translation>
    </message>
    <message>
        <source>Log colour scale</source>
        <translation>对数颜色刻度</translation>
    </message>
    <message>
        <source>Δ perplexity</source>
        <translation>Δ 困惑度</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <source>What the colours and the ranking show: the change in perplexity, or the mean KL divergence from the full-precision model</source>
        <translation>颜色和排名所显示的内容：困惑度的变化，或与全精度模型的平均 KL 散度</translation>
    </message>
    <message>
        <source>Logarithmic colour scale: the units differ by orders of magnitude (changes of zero or less take the lightest colour)</source>
        <translation>对数颜色刻度：各单元之间相差几个数量级（变化小于等于零时显示为最浅的颜色）</translation>
    </message>
    <message>
        <source>The bit-width the list ranks the units at</source>
        <translation>列表对各单元排名所依据的位宽</translation>
    </message>
    <message>
        <source>New Scan…</source>
        <translation>新建扫描…</translation>
    </message>
    <message>
        <source>Run a sensitivity scan with other settings</source>
        <translation>使用其他设置运行敏感度扫描</translation>
    </message>
    <message>
        <source>Automatic Bits…</source>
        <translation>自动位宽…</translation>
    </message>
    <message>
        <source>Choose each layer&apos;s bit-width from this scan for a target average bits per weight</source>
        <translation>根据此扫描为每个层选择位宽，以达到目标平均每权重位数</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the heatmap as PNG, SVG or PDF</source>
        <translation>将热力图保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Rank at:</source>
        <translation>排名位宽：</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 位</translation>
    </message>
    <message>
        <source>KL divergence (nats/token)</source>
        <translation>KL 散度（nats/token）</translation>
    </message>
    <message>
        <source>Δ perplexity (vs. full precision)</source>
        <translation>Δ 困惑度（相对全精度）</translation>
    </message>
    <message>
        <source>Bit-width of the quantized unit (bits per weight)</source>
        <translation>被量化单元的位宽（每权重位数）</translation>
    </message>
    <message>
        <source>Layer (block · role), in model order</source>
        <translation>层（块 · 角色），按模型顺序</translation>
    </message>
    <message>
        <source>Block, in model order</source>
        <translation>块，按模型顺序</translation>
    </message>
    <message>
        <source>Role, across all blocks</source>
        <translation>角色，跨所有块</translation>
    </message>
    <message>
        <source>%1-bit</source>
        <translation>%1 位</translation>
    </message>
    <message>
        <source>No sensitivity scan yet.</source>
        <translation>尚无敏感度扫描。</translation>
    </message>
    <message>
        <source>Run › Sensitivity Scan… quantizes one layer (or block, or role) at a time at each bit-width, everything else in full precision, and measures how much the model&apos;s perplexity suffers. The most sensitive layers are the ones to keep at more bits.</source>
        <translation>“运行 › 敏感度扫描…”会在每个位宽下每次量化一个层（或块、或角色），其余部分保持全精度，并测量模型的困惑度因此变差多少。最敏感的层应保留更多位数。</translation>
    </message>
    <message numerus="yes">
        <source>The scan was cancelled: %1 of %n measurement(s) are missing (hatched). Automatic bits needs a complete scan.</source>
        <translation>
            <numerusform>扫描已取消：%n 次测量中缺少 %1 次（以斜线阴影标出）。自动位宽需要完整的扫描。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) in %1 s. Click a cell or a row to select its layer; drag and scroll to pan and zoom.</source>
        <translation>
            <numerusform>%n 次测量，用时 %1 s。点击单元格或行可选中对应的层；拖动和滚动可平移和缩放。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Automatic bits:&lt;/b&gt; %1 bits/weight (target %2) · perplexity predicted &lt;b&gt;%3&lt;/b&gt; (%4 over full precision %5)</source>
        <translation>&lt;b&gt;自动位宽：&lt;/b&gt;每权重 %1 位（目标 %2）· 预测困惑度 &lt;b&gt;%3&lt;/b&gt;（比全精度 %5 高 %4）</translation>
    </message>
    <message>
        <source>measured &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>实测 &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>— evaluated on another text or context than the scan (full precision %1 there), so the two differ by more than the prediction&apos;s error</source>
        <translation>——评估所用的文本或上下文与扫描不同（该处全精度为 %1），因此两者之差超出预测误差</translation>
    </message>
    <message>
        <source>measured: evaluate the plan (Run › Evaluate) to compare</source>
        <translation>实测：评估该计划（运行 › 评估）以进行比较</translation>
    </message>
    <message>
        <source>the plan has been edited since</source>
        <translation>此后计划已被编辑</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), first %1</source>
        <translation>
            <numerusform>%n 个层，第一个为 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bits: perplexity %2 (Δ %3 from %4)</source>
        <translation>%1 位：困惑度 %2（相对 %4 的 Δ %3）</translation>
    </message>
    <message>
        <source>KL divergence %1 nats/token</source>
        <translation>KL 散度 %1 nats/token</translation>
    </message>
    <message>
        <source>%1 bits: not measured (the scan was cancelled first)</source>
        <translation>%1 位：未测量（扫描已先被取消）</translation>
    </message>
    <message>
        <source>%1-bit %2</source>
        <translation>%1 位 %2</translation>
    </message>
    <message>
        <source>Every layer at once, perplexity: %1</source>
        <translation>所有层同时量化，困惑度：%1</translation>
    </message>
    <message>
        <source>The prediction adds up what each layer did alone in the scan, scaled per width by how much more the whole model lost at that width (quantized layers&apos; errors compound); a scan without the whole-model measurements gives the plain sum, which is usually smaller than the measured change.</source>
        <translation>预测值是将扫描中每个层单独造成的影响相加，并按位宽乘以整个模型在该位宽下额外损失的倍数（已量化层的误差会叠加）；没有整体模型测量的扫描给出简单求和，通常小于实测变化。</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 · full-precision perplexity %3 on %n document(s) (%4 tokens)</source>
        <translation>
            <numerusform>%1，%2 · 在 %n 个文档（%4 个 token）上的全精度困惑度 %3</numerusform>
        </translation>
    </message>
</context>
</TS>
