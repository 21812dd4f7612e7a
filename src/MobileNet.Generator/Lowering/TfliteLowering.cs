using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MobileNet.Generator.Model;
using MobileNet.Generator.Reading;

namespace MobileNet.Generator.Lowering;

/// <summary>
/// Lowers a TFLite subgraph to a <see cref="NetworkGraph"/>: weights from OHWI (conv) and
/// <c>[1, kh, kw, C·m]</c> (depthwise) to OIHW, SAME/VALID to explicit TF pads (asymmetric on
/// stride 2), fused activations to clamps, and QUANTIZE/DEQUANTIZE dropped from the float network (which
/// runs on weights the reader dequantised; the integer form keeps those at the ends, see
/// <see cref="IntegerEnds"/>). A quantised input states the normalisation it expects.
/// </summary>
internal sealed class TfliteLowering
{
    private readonly TfliteModel _model;
    private readonly Dictionary<int, List<TfliteOperator>> _consumers = [];
    /// <summary>The operation of the chain that produced each tensor walked so far, for residual ADDs.</summary>
    private readonly Dictionary<int, int> _producers = [];
    private ChainBuilder _chain = null!;
    private Padding _pendingPads;
    /// <summary>What the float path does with a quantised file's weights, as its description says.</summary>
    public const string Dequantised = " dequantised at build time";

    /// <summary>Why the network cannot run in integers (the first operator that stops it), or null.</summary>
    private string? _notInteger;
    /// <summary>The QUANTIZE operators at the file's ends that flip the sign bit (uint8 ↔ int8).</summary>
    private IntegerEnds _ends;
    /// <summary>
    /// The codes a QUANTIZE makes of a float input (TF2's default int8 files): the integer network's input,
    /// which the class's float Run computes as the QUANTIZE does; a DEQUANTIZE of the output is that Run's last step.
    /// </summary>
    private QuantizedTensor? _fromFloat;

    private TfliteLowering(TfliteModel model, CancellationToken cancellationToken)
    {
        _model = model;
        foreach (TfliteOperator op in model.Operators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (int input in op.Inputs)
                if (input >= 0 && !model.Tensors[input].IsConstant)
                {
                    if (!_consumers.TryGetValue(input, out List<TfliteOperator>? list))
                        _consumers[input] = list = [];
                    list.Add(op);
                }
        }
    }

    /// <exception cref="UnsupportedGraphException">The graph is not a chain this generator can run.</exception>
    public static NetworkGraph Lower(TfliteModel model, CancellationToken cancellationToken = default) => new TfliteLowering(model, cancellationToken).Walk(cancellationToken);

    private NetworkGraph Walk(CancellationToken cancellationToken)
    {
        if (_model.Inputs.Length != 1 || _model.Outputs.Length != 1)
            throw new UnsupportedGraphException($"the model has {_model.Inputs.Length} inputs and {_model.Outputs.Length} outputs; a MobileNet has one of each");
        TfliteTensor input = _model.Tensors[_model.Inputs[0]];
        if (input.Shape.Length != 4 || input.Shape.Skip(1).Any(d => d <= 0 || d > 4096))
            throw new UnsupportedGraphException($"the input '{input.Name}' has shape [{string.Join(",", input.Shape)}]; an image input is 1×H×W×C");
        int h = input.Shape[1], w = input.Shape[2], c = input.Shape[3];
        _chain = new ChainBuilder(c, h, w);

        _chain.Walk(_model.Inputs[0], tensor => tensor == _model.Outputs[0],
            tensor => Next(tensor) ?? throw new UnsupportedGraphException($"tensor '{_model.Tensors[tensor].Name}' is used by no operator and is not the model's output"),
            (op, tensor) => { Lower(op, tensor); return op.Outputs[0]; },
            op => $"{op.Index} '{Name(op)}'", tensor => _model.Tensors[tensor].Name, "operator", _producers, cancellationToken);
        if (_pendingPads != default)
            throw new UnsupportedGraphException("the model ends in a PAD; only a convolution may take a PAD's output");
        string weights = _model.Tensors.Any(t => t.IsConstant && t.Type is TfliteType.UInt8 or TfliteType.Int8)
            ? $"{(_model.Tensors.Any(t => t.IsConstant && t.Type == TfliteType.Int8) ? "int8" : "uint8")} weights{Dequantised}"
            : "float weights";
        QuantizedTensor? quantizedInput = Quantization(_model.Inputs[0]) ?? _fromFloat;
        if (quantizedInput is null && weights != "float weights")
            _notInteger ??= $"the input '{input.Name}' is {Describe(_model.Inputs[0])}, not 8-bit";
        return _chain.Build($"TFLite, {weights}", c, h, w, "NHWC", Normalization(input), quantizedInput, _notInteger, _ends);
    }

    /// <summary>What a quantised input says about its pixels: uint8 inputs are the pixel itself, int8 inputs are pixel − 128.</summary>
    private static InputNormalization? Normalization(TfliteTensor input)
    {
        if (input.Quantization is not { Scale.Length: 1 } q)
            return null;
        float zero = q.ZeroPoint.Length > 0 ? q.ZeroPoint[0] : 0;
        return input.Type switch
        {
            // Invariant: the text goes into the generated docs, which must not depend on the build machine's culture.
            TfliteType.UInt8 => new InputNormalization(NormalizationKind.Quantized, zero, q.Scale[0], FormattableString.Invariant($"the file's uint8 input quantisation (scale {q.Scale[0]}, zero point {zero})")),
            TfliteType.Int8 => new InputNormalization(NormalizationKind.Quantized, zero + 128, q.Scale[0], FormattableString.Invariant($"the file's int8 input quantisation (scale {q.Scale[0]}, zero point {zero}, on pixel − 128)")),
            _ => null,
        };
    }

    /// <summary>The operator the walk continues with: the only consumer, or the non-ADD one of a tensor that also feeds a residual ADD.</summary>
    private TfliteOperator? Next(int tensor)
    {
        if (!_consumers.TryGetValue(tensor, out List<TfliteOperator>? ops) || ops.Count == 0)
            return null;
        if (ops.Count == 1)
            return ops[0];
        TfliteOperator[] main = ops.Where(o => o.Code != (int)TfliteOp.Add).ToArray();
        if (ops.Count == 2 && main.Length == 1)
            return main[0];
        throw new UnsupportedGraphException($"tensor '{_model.Tensors[tensor].Name}' feeds {ops.Count} operators; a MobileNet branches only into a residual ADD");
    }

    private void Lower(TfliteOperator op, int input)
    {
        string where = Where(op);
        if (_pendingPads != default && op.Code is not ((int)TfliteOp.Conv2D or (int)TfliteOp.DepthwiseConv2D))
            throw Unsupported(op, "it follows a PAD; only a convolution may take a PAD's output");
        switch ((TfliteOp)op.Code)
        {
            case TfliteOp.Conv2D: Conv(op, input, depthwise: false); break;
            case TfliteOp.DepthwiseConv2D: Conv(op, input, depthwise: true); break;
            case TfliteOp.AveragePool2D: AveragePool(op); _chain.Previous(where).Quantized = Activations(op, input); break;
            case TfliteOp.Mean:
                Mean(op);
                // LiteRT's integer MEAN rescales as the pool does not: not matched yet.
                NotInteger(op, "MEAN does not run in integers yet (AVERAGE_POOL_2D does)");
                break;
            case TfliteOp.FullyConnected: FullyConnected(op, input); break;
            case TfliteOp.Reshape or TfliteOp.Squeeze:
                _chain.Flatten(where);
                if (Quantization(input) != Quantization(op.Outputs[0]))
                    NotInteger(op, $"it changes the quantisation from {Describe(input)} to {Describe(op.Outputs[0])}");
                break;
            case TfliteOp.Softmax:
                if (op.Options.Beta != 1f)
                    throw Unsupported(op, $"a softmax with β = {op.Options.Beta} is not supported");
                _chain.Softmax(where, Name(op), overClasses: true);
                _chain.Previous(where).Quantized = Activations(op, input);
                break;
            case TfliteOp.Quantize when Quantization(input) is { } from && Quantization(op.Outputs[0]) is { } to && IntegerEnds.IsShift(from, to)
                                        && (input == _model.Inputs[0] || op.Outputs[0] == _model.Outputs[0]):
                // uint8 ↔ int8 at an end: the codes' sign bit flipped, as TFLite's QUANTIZE does it.
                _ends = input == _model.Inputs[0] ? _ends with { Input = to } : _ends with { Output = to };
                break;
            case TfliteOp.Quantize when input == _model.Inputs[0] && _model.Tensors[input].Type == TfliteType.Float32 && Quantization(op.Outputs[0]) is { } to:
                // Float in (TF2's default int8 file): the integer network starts at the QUANTIZE's codes; the class's float Run quantises as it does.
                _fromFloat = to;
                break;
            case TfliteOp.Dequantize when op.Outputs[0] == _model.Outputs[0] && Quantization(input) is not null && _model.Tensors[op.Outputs[0]].Type == TfliteType.Float32:
                // Float out: the integer network ends at the DEQUANTIZE's codes; the class's float Run dequantises as it does.
                break;
            case TfliteOp.Quantize or TfliteOp.Dequantize:
                NotInteger(op, $"a {(op.Code == (int)TfliteOp.Quantize ? "QUANTIZE" : "DEQUANTIZE")} from {Describe(input)} to {Describe(op.Outputs[0])} does not run in integers yet " +
                               "(a QUANTIZE of the float input, a DEQUANTIZE of the output and one that only shifts uint8 to int8 or back at either end do)");
                break;
            case TfliteOp.Relu or TfliteOp.Relu6 or TfliteOp.ReluN1To1:
                (float low, float high) = op.Code switch { (int)TfliteOp.Relu => (0f, float.PositiveInfinity), (int)TfliteOp.Relu6 => (0f, 6f), _ => (-1f, 1f) };
                _chain.Clamp(where, low, high);
                // Folded into the layer before it, the activation must not requantise: that layer writes on its own output's grid.
                if (Quantization(input) != Quantization(op.Outputs[0]))
                    NotInteger(op, $"it changes the quantisation from {Describe(input)} to {Describe(op.Outputs[0])}");
                break;
            case TfliteOp.Pad: Pad(op); break;
            case TfliteOp.Add: Residual(op, input); break;
            default: throw Unsupported(op, op.CustomCode is { } custom ? $"the custom operator '{custom}' is not supported" : $"the builtin operator {op.Code} is not supported");
        }
        if (op.Code is (int)TfliteOp.Conv2D or (int)TfliteOp.DepthwiseConv2D or (int)TfliteOp.FullyConnected or (int)TfliteOp.AveragePool2D or (int)TfliteOp.Add)
            FusedActivation(op);
    }

    private void Residual(TfliteOperator op, int input)
    {
        if (op.Inputs.Length != 2)
            throw Unsupported(op, $"it has {op.Inputs.Length} inputs");
        int skip = op.Inputs[0] == input ? op.Inputs[1] : op.Inputs[0];
        if (skip < 0 || !_producers.TryGetValue(skip, out int from))
            throw Unsupported(op, "its other input does not come from earlier in the network (a constant ADD is not supported)");
        _chain.AddResidual(Where(op), Name(op), from);
        if (Activations(op, input) is { } q && Quantization(skip) is { } other)
            _chain.Previous(Where(op)).Quantized = new QuantizedOp { Input = q.Input, Output = q.Output, Skip = other };
        else if (Quantization(skip) is null)
            NotInteger(op, $"its skip input is {Describe(skip)}, not 8-bit");
    }

    private void Conv(TfliteOperator op, int input, bool depthwise)
    {
        TfliteTensor weights = Constant(op, 1, "weights");
        int[] s = weights.Shape;
        if (s.Length != 4 || weights.Values is null)
            throw Unsupported(op, $"the weights [{string.Join(",", s)}] are not a 4-D float or quantised tensor");
        if (op.Options.DilationH != 1 || op.Options.DilationW != 1)
            throw Unsupported(op, "dilated convolutions are not supported");
        int kernelH = s[1], kernelW = s[2], inC = _chain.C;
        int outC = depthwise ? s[3] : s[0];
        if (depthwise ? s[0] != 1 || outC % inC != 0 : s[3] != inC)
            throw Unsupported(op, $"the weights [{string.Join(",", s)}] do not fit an input of {inC} channels");

        // To OIHW: conv OHWI → [o][i][y][x]; depthwise [1][y][x][o] (o = input channel · multiplier + j) → [o][0][y][x].
        int perOut = depthwise ? 1 : inC;
        T[] Oihw<T>(T[] values)
        {
            var oihw = new T[values.Length];
            for (int o = 0; o < outC; o++)
                for (int i = 0; i < perOut; i++)
                    for (int y = 0; y < kernelH; y++)
                        for (int x = 0; x < kernelW; x++)
                            oihw[((o * perOut + i) * kernelH + y) * kernelW + x] = depthwise
                                ? values[(y * kernelW + x) * outC + o]
                                : values[((o * kernelH + y) * kernelW + x) * inC + i];
            return oihw;
        }

        float[]? bias = Bias(op);
        Padding pads = Pads(op, kernelH, kernelW);
        GraphOp conv = _chain.AddConv(Where(op), Name(op), Oihw(weights.Values), bias, outC, kernelH, kernelW, op.Options.StrideH, op.Options.StrideW, depthwise ? inC : 1, pads);
        conv.Quantized = Weighted(op, input, weights, Oihw);
        CheckShape(op);
    }

    private Padding Pads(TfliteOperator op, int kernelH, int kernelW)
    {
        Padding pending = _pendingPads;
        _pendingPads = default;
        if (op.Options.Padding == 1) // VALID, possibly after an explicit PAD (Keras' ZeroPadding2D)
            return pending;
        if (pending != default)
            throw Unsupported(op, "a PAD before a SAME-padded convolution is not supported");
        return _chain.SamePadding(Where(op), kernelH, kernelW, op.Options.StrideH, op.Options.StrideW);
    }

    private void Pad(TfliteOperator op)
    {
        long[] p = Constant(op, 1, "paddings").Ints ?? [];
        // [[batch], [top, bottom], [left, right], [channels]], row-major.
        if (p.Length != 8 || p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0 || p.Any(v => v < 0 || v > 16))
            throw Unsupported(op, $"only spatial zero padding is supported, found [{string.Join(",", p)}]");
        _pendingPads = new Padding((int)p[2], (int)p[4], (int)p[3], (int)p[5]);
        if (Quantization(op.Inputs[0]) != Quantization(op.Outputs[0]))
            NotInteger(op, $"it changes the quantisation from {Describe(op.Inputs[0])} to {Describe(op.Outputs[0])}");
        // The padded tensor is only seen by the next convolution, which takes the pads over.
    }

    private void AveragePool(TfliteOperator op)
    {
        TfliteOptions o = op.Options;
        bool global = o.FilterH == _chain.H && o.FilterW == _chain.W && (o.Padding == 1 || o.StrideH >= _chain.H && o.StrideW >= _chain.W);
        if (!global)
            throw Unsupported(op, $"AVERAGE_POOL_2D {o.FilterH}×{o.FilterW} on a {_chain.H}×{_chain.W} map is not global; MobileNet pools the whole final map");
        _chain.GlobalPool(Name(op));
    }

    private void Mean(TfliteOperator op)
    {
        long[] axes = Constant(op, 1, "axes").Ints ?? [];
        if (!axes.Select(a => a < 0 ? a + 4 : a).OrderBy(a => a).SequenceEqual([1L, 2]))
            throw Unsupported(op, $"MEAN over axes [{string.Join(",", axes)}] is not a global average pool (axes 1,2)");
        _chain.GlobalPool(Name(op), flatten: !op.Options.KeepDims);
    }

    private void FullyConnected(TfliteOperator op, int input)
    {
        TfliteTensor weights = Constant(op, 1, "weights");
        if (weights.Shape.Length != 2 || weights.Values is null)
            throw Unsupported(op, $"the weights [{string.Join(",", weights.Shape)}] are not a float or quantised matrix");
        float[]? bias = Bias(op);
        _chain.FullyConnected(Where(op), Name(op), weights.Values, bias);
        _chain.Previous(Where(op)).Quantized = Weighted(op, input, weights, values => values);
    }

    /// <summary>An 8-bit activation tensor's quantisation (one scale and zero point), or null for any other tensor.</summary>
    private QuantizedTensor? Quantization(int tensor)
    {
        TfliteTensor t = _model.Tensors[tensor];
        if (t.Type is not (TfliteType.UInt8 or TfliteType.Int8) || t.Quantization is not { Scale.Length: 1 } q || q.ZeroPoint.Length > 1)
            return null;
        return new QuantizedTensor(t.Type == TfliteType.Int8, q.Scale[0], q.ZeroPoint.Length == 0 ? 0 : (int)q.ZeroPoint[0]);
    }

    private string Describe(int tensor) => Quantization(tensor)?.ToString() ?? _model.Tensors[tensor].Type.ToString().ToLowerInvariant();

    /// <summary>The integer form of an operation without weights (pool, softmax, ADD): its input and output quantisation.</summary>
    private QuantizedOp? Activations(TfliteOperator op, int input)
    {
        if (Quantization(input) is not { } inQ || Quantization(op.Outputs[0]) is not { } outQ)
        {
            NotInteger(op, $"its input is {Describe(input)} and its output {Describe(op.Outputs[0])}, not both 8-bit");
            return null;
        }
        if (!(inQ.Scale > 0 && outQ.Scale > 0))
        {
            NotInteger(op, $"its input is {inQ} and its output {outQ}: an activation's scale must be above 0");
            return null;
        }
        return new QuantizedOp { Input = inQ, Output = outQ };
    }

    /// <summary>
    /// The integer form of a convolution or the classifier: 8-bit activations, 8-bit weights (uint8 with one
    /// zero point, or int8 symmetric, one scale per tensor or per output channel), int32 biases on the scale
    /// input scale × weight scale. <paramref name="layout"/> reorders the stored weights as the float ones were.
    /// </summary>
    private QuantizedOp? Weighted(TfliteOperator op, int input, TfliteTensor weights, Func<int[], int[]> layout)
    {
        if (Activations(op, input) is not { } q)
            return null;
        if (weights.Type is not (TfliteType.UInt8 or TfliteType.Int8) || weights.Quantized is null || weights.Quantization is not { } w)
        {
            NotInteger(op, $"its weights are {weights.Type.ToString().ToLowerInvariant()}, not 8-bit");
            return null;
        }
        bool signed = weights.Type == TfliteType.Int8;
        int outputs = _chain.C;
        if (signed ? w.ZeroPoint.Any(z => z != 0) : w.ZeroPoint.Length > 1)
        {
            NotInteger(op, signed ? "its int8 weights have a zero point other than 0 (TFLite's int8 weights are symmetric)" : "its uint8 weights have one zero point per channel");
            return null;
        }
        if (w.Scale.Length != 1 && w.Scale.Length != outputs)
        {
            NotInteger(op, $"its weights have {w.Scale.Length} scales for {outputs} output channels");
            return null;
        }
        int[] bias;
        if (op.Inputs.Length <= 2 || op.Inputs[2] < 0)
            bias = new int[outputs];
        else if (_model.Tensors[op.Inputs[2]] is { Type: TfliteType.Int32, Quantized: { } raw } && raw.Length == outputs)
            bias = raw;
        else
        {
            NotInteger(op, "its bias is not an int32 tensor");
            return null;
        }
        return new QuantizedOp
        {
            Input = q.Input, Output = q.Output,
            Weights = layout(weights.Quantized), WeightsSigned = signed, WeightZeroPoint = w.ZeroPoint.Length == 0 ? 0 : (int)w.ZeroPoint[0],
            WeightScales = w.Scale, Bias = bias,
        };
    }

    /// <summary>Notes the first reason the file cannot run in integers; it still runs in float.</summary>
    private void NotInteger(TfliteOperator op, string reason) => _notInteger ??= $"{Where(op)}: {reason}";

    private void FusedActivation(TfliteOperator op)
    {
        switch (op.Options.Activation)
        {
            case 0: break;
            case 1: _chain.Clamp(Where(op), 0, float.PositiveInfinity); break;
            case 2: _chain.Clamp(Where(op), -1, 1); break;
            case 3: _chain.Clamp(Where(op), 0, 6); break;
            default: throw Unsupported(op, $"the fused activation {op.Options.Activation} (TANH or SIGN_BIT) is not supported");
        }
    }

    /// <summary>The file states each output's shape; a disagreement means the lowering misread the operator.</summary>
    private void CheckShape(TfliteOperator op)
    {
        int[] shape = _model.Tensors[op.Outputs[0]].Shape;
        if (shape.Length == 4 && (shape[1] != _chain.H || shape[2] != _chain.W || shape[3] != _chain.C))
            throw Unsupported(op, $"the file says the output is {shape[1]}×{shape[2]}×{shape[3]}, but the weights and padding give {_chain.H}×{_chain.W}×{_chain.C}");
    }

    private TfliteTensor Constant(TfliteOperator op, int index, string what)
    {
        if (op.Inputs.Length <= index || op.Inputs[index] < 0 || !_model.Tensors[op.Inputs[index]].IsConstant)
            throw Unsupported(op, $"its {what} must be a constant tensor");
        return _model.Tensors[op.Inputs[index]];
    }

    /// <summary>The optional bias (input 2): float, or quantised and dequantised by the reader.</summary>
    private float[]? Bias(TfliteOperator op) =>
        op.Inputs.Length <= 2 || op.Inputs[2] < 0 ? null
            : Constant(op, 2, "bias").Values ?? throw Unsupported(op, "its bias is an integer tensor without quantisation parameters");

    private string Name(TfliteOperator op) => _model.Tensors[op.Outputs[0]].Name;

    private string Where(TfliteOperator op) => $"operator {op.Index} '{Name(op)}' ({OpName(op.Code)})";

    private static string OpName(int code) => Enum.IsDefined(typeof(TfliteOp), code) ? Enum.GetName(typeof(TfliteOp), code)! : $"builtin {code}";

    private UnsupportedGraphException Unsupported(TfliteOperator op, string message) => ChainBuilder.Unsupported(Where(op), message);
}
