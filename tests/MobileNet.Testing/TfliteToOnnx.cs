using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace MobileNet.Testing;

/// <summary>
/// Converts a .tflite MobileNet into its float twin: ONNX opset 13, NCHW throughout, input <c>input</c>
/// [1,C,H,W], the weights dequantised (real = scale·(q − zero point)), and as output the values of the
/// .tflite's output tensor, or those of the operators it is cut at (a backbone's embedding, feature maps).
/// ONNX Runtime runs the twin as the tests' float reference and the generator reads it as ONNX. The
/// FlatBuffer is read here (tensorflow/lite/schema/schema.fbs), never through the generator's reader or
/// lowering: a reference derived through the code under test would share its bugs.
/// </summary>
public static class TfliteToOnnx
{
    // BuiltinOperator, TensorType, Padding and ActivationFunctionType values of schema.fbs.
    private const int Add = 0, AveragePool2D = 1, Conv2D = 3, DepthwiseConv2D = 4, Reshape = 22, Softmax = 25, Squeeze = 43;
    private const int Float32 = 0, Int32 = 2, UInt8 = 3, Int8 = 9;
    private const int Valid = 1;
    private const int None = 0, Relu = 1, Relu6 = 3;

    /// <summary>The twin of the whole file: its one output, named <c>output</c>, is the subgraph's output.</summary>
    public static byte[] Convert(byte[] tflite)
    {
        (int[] codes, Table graph, Table[] buffers) = Open(tflite);
        return Convert(codes, graph, buffers, [(graph.Ints(2).Single(), "output")], graph.Tables(3).Length - 1, "float twin of a .tflite", qdq: false);
    }

    /// <summary>
    /// The QDQ twin of a quantised file, in the form onnxruntime's quantizer writes (QuantFormat.QDQ), so that ONNX Runtime's
    /// graph optimiser fuses it to its integer operators (QLinearConv, QLinearAdd, …): the float twin's operators, each
    /// between DequantizeLinear of its inputs and QuantizeLinear of its result with the file's scales and zero points. The
    /// weights stay the file's 8-bit values behind a DequantizeLinear (per channel, with <c>axis</c>, where the file
    /// quantises per channel: opset 13 is the first with that), the biases its int32 values at scale input scale ·
    /// weight scale, as TFLite's kernels read them. The input <c>input</c> and the output <c>output</c> are the file's
    /// quantised tensors (uint8 or int8), NCHW.
    /// </summary>
    public static byte[] ConvertQdq(byte[] tflite)
    {
        (int[] codes, Table graph, Table[] buffers) = Open(tflite);
        return Convert(codes, graph, buffers, [(graph.Ints(2).Single(), "output")], graph.Tables(3).Length - 1, "QDQ twin of a .tflite", qdq: true);
    }

    /// <summary>
    /// The twin cut at intermediate layers: its outputs <c>output0</c>, <c>output1</c>, … are the results of the operators
    /// <paramref name="outputOperators"/> (indices as <see cref="Operators"/> lists them), in that order, NCHW like every value
    /// of the twin, after the operator's fused activation; the operators after the last of them are left out.
    /// </summary>
    public static byte[] Convert(byte[] tflite, IReadOnlyList<int> outputOperators)
    {
        (int[] codes, Table graph, Table[] buffers) = Open(tflite);
        Table[] operators = graph.Tables(3);
        if (outputOperators.Count == 0 || outputOperators.Distinct().Count() != outputOperators.Count || outputOperators.Any(i => i < 0 || i >= operators.Length))
            throw new ArgumentException($"the outputs must be distinct operators among the file's {operators.Length}, not [{string.Join(",", outputOperators)}]", nameof(outputOperators));
        (int, string)[] outputs = outputOperators.Select((op, k) => (operators[op].Ints(2).Single(), $"output{k}")).ToArray();
        return Convert(codes, graph, buffers, outputs, outputOperators.Max(), $"float twin of a .tflite, cut after operators {string.Join(",", outputOperators)}", qdq: false);
    }

    /// <summary>
    /// The operators of the file's subgraph in execution order, each with its (first) output tensor: where
    /// <see cref="Convert(byte[], IReadOnlyList{int})"/> and <see cref="TfliteCut.Truncate"/> can cut.
    /// </summary>
    public static IReadOnlyList<TfliteOperatorInfo> Operators(byte[] tflite)
    {
        (int[] codes, Table graph, _) = Open(tflite);
        Table[] tensors = graph.Tables(0);
        return graph.Tables(3).Select((op, i) =>
        {
            int code = codes[op.Int(0)], output = op.Ints(2)[0];
            return new TfliteOperatorInfo(i, code, BuiltinNames.TryGetValue(code, out string? name) ? name : $"BUILTIN_{code}",
                output, tensors[output].String(3) ?? "", tensors[output].Ints(0));
        }).ToArray();
    }

    /// <summary>The names schema.fbs gives the BuiltinOperator codes that MobileNet files and their converters use.</summary>
    private static readonly Dictionary<int, string> BuiltinNames = new()
    {
        [0] = "ADD", [1] = "AVERAGE_POOL_2D", [2] = "CONCATENATION", [3] = "CONV_2D", [4] = "DEPTHWISE_CONV_2D", [6] = "DEQUANTIZE",
        [9] = "FULLY_CONNECTED", [14] = "LOGISTIC", [17] = "MAX_POOL_2D", [18] = "MUL", [19] = "RELU", [20] = "RELU_N1_TO_1", [21] = "RELU6",
        [22] = "RESHAPE", [25] = "SOFTMAX", [32] = "CUSTOM", [34] = "PAD", [39] = "TRANSPOSE", [40] = "MEAN", [43] = "SQUEEZE", [114] = "QUANTIZE",
        [117] = "HARD_SWISH",
    };

    /// <summary>The operator codes (builtin), the first subgraph and the buffers of a .tflite.</summary>
    private static (int[] Codes, Table Graph, Table[] Buffers) Open(byte[] tflite)
    {
        Table model = Model(tflite);
        // The builtin code moved to a 32-bit field when the byte ran out; writers fill both, the larger is the real one.
        int[] codes = model.Tables(1).Select(c => Math.Max(c.SByte(0), c.Int(3))).ToArray();
        return (codes, model.Tables(2)[0], model.Tables(4));
    }

    /// <summary>The root table of a .tflite, once its identifier says it is one.</summary>
    internal static Table Model(byte[] tflite) =>
        tflite.Length >= 8 && Encoding.ASCII.GetString(tflite, 4, 4) == "TFL3" ? Table.Root(tflite) : throw new InvalidDataException("not a TFLite file: no TFL3 identifier");

    /// <summary>Converts operators 0..<paramref name="last"/>; <paramref name="outputs"/> names the tensors that become the graph's outputs.</summary>
    private static byte[] Convert(int[] codes, Table graph, Table[] buffers, (int Tensor, string Name)[] outputs, int last, string graphName, bool qdq)
    {
        var converter = new Converter(graph.Tables(0), buffers, graph.Ints(1).Single(), outputs, qdq);
        Table[] operators = graph.Tables(3);
        for (int i = 0; i <= last; i++)
            converter.Operator(i, codes[operators[i].Int(0)], operators[i]);
        return converter.Build(graphName);
    }

    /// <summary>
    /// Writes the float twin or, with <paramref name="qdq"/>, the QDQ twin: one traversal, where the QDQ twin differs only in
    /// what an activation, a weight and a bias become (<see cref="Value"/>, <see cref="Quantize"/>, <see cref="Weights"/>, <see cref="Bias"/>).
    /// </summary>
    private sealed class Converter(Table[] tensors, Table[] buffers, int input, (int Tensor, string Name)[] outputs, bool qdq)
    {
        private readonly OnnxGraphBuilder _g = new();
        /// <summary>The ONNX value each activation tensor of the .tflite became: its real values, or in the QDQ twin its quantised ones.</summary>
        private readonly Dictionary<int, string> _values = new() { [input] = "input" };
        private readonly Dictionary<int, string> _outputNames = outputs.ToDictionary(o => o.Tensor, o => o.Name);
        private string? _zero, _six;
        /// <summary>The activations whose scale and zero point the QDQ twin has written as initializers.</summary>
        private readonly HashSet<int> _quantizers = [];

        public byte[] Build(string graphName) =>
            _g.Build(13, "input", Nchw(Shape(input)), outputs.Select(o => (_values[o.Tensor], Nchw(Shape(o.Tensor)))).ToArray(), graphName,
                qdq ? ElementType(input) : OnnxType.Float);

        public void Operator(int index, int code, Table op)
        {
            int[] inputs = op.Ints(1);
            int result = op.Ints(2).Single();
            Table? options = op.Child(4);
            switch (code)
            {
                case Conv2D or DepthwiseConv2D:
                    Convolution(Name(index, code == Conv2D ? "conv_2d" : "depthwise_conv_2d", result), inputs, code == DepthwiseConv2D, Required(options, code));
                    break;
                case AveragePool2D:
                    Pool(Name(index, "average_pool_2d", result), inputs[0], Required(options, code));
                    break;
                case Add:
                    Emit(Name(index, "add", result), "Add", [Value(inputs[0]), Value(inputs[1])], options?.SByte(0) ?? None);
                    break;
                case Reshape or Squeeze:
                    Flatten(Name(index, code == Reshape ? "reshape" : "squeeze", result), inputs[0], result);
                    break;
                case Softmax:
                    SoftmaxOf(Name(index, "softmax", result), inputs[0], Required(options, code).Float(0));
                    break;
                default:
                    throw new NotSupportedException($"operator {index}: BuiltinOperator {code} is not supported");
            }
            if (qdq)
                Quantize(result);
        }

        private void Convolution(string name, int[] inputs, bool depthwise, Table options)
        {
            // Conv2DOptions: padding, stride_w, stride_h, activation, dilation_w, dilation_h;
            // DepthwiseConv2DOptions has depth_multiplier after the strides (redundant: the weights' shape says it).
            int shift = depthwise ? 1 : 0;
            int[] x = Shape(inputs[0]), w = Shape(inputs[1]);
            int kernelH = w[1], kernelW = w[2], strideW = options.Int(1), strideH = options.Int(2);
            int dilationW = options.Int(4 + shift, 1), dilationH = options.Int(5 + shift, 1);
            // TFLite keeps conv weights OHWI and depthwise weights [1,H,W,C·multiplier] with output channel c·multiplier + m,
            // which is the output order of an ONNX group convolution with one group per input channel.
            int outC = depthwise ? w[3] : w[0];
            var operands = new List<string> { Value(inputs[0]), Weights(name + "_W", inputs[1], [outC, depthwise ? 1 : w[3], kernelH, kernelW], depthwise ? [3, 0, 1, 2] : [0, 3, 1, 2]) };
            if (inputs.Length > 2 && inputs[2] >= 0)
                operands.Add(Bias(name + "_B", inputs[2], inputs[0], inputs[1]));
            Emit(name, "Conv", [.. operands], options.SByte(3 + shift),
                new OnnxAttr.Ints("kernel_shape", kernelH, kernelW), new OnnxAttr.Ints("strides", strideH, strideW),
                new OnnxAttr.Ints("dilations", dilationH, dilationW), new OnnxAttr.Int("group", depthwise ? x[3] : 1),
                Pads(options.SByte(0), x, kernelH, kernelW, strideH, strideW, dilationH, dilationW));
        }

        private void Pool(string name, int input, Table options)
        {
            // Pool2DOptions: padding, stride_w, stride_h, filter_width, filter_height, activation.
            int strideW = options.Int(1), strideH = options.Int(2), kernelW = options.Int(3), kernelH = options.Int(4);
            // TensorFlow averages over the window's cells inside the map only, as count_include_pad = 0 does.
            Emit(name, "AveragePool", [Value(input)], options.SByte(5),
                new OnnxAttr.Ints("kernel_shape", kernelH, kernelW), new OnnxAttr.Ints("strides", strideH, strideW),
                Pads(options.SByte(0), Shape(input), kernelH, kernelW, strideH, strideW, 1, 1), new OnnxAttr.Int("count_include_pad", 0));
        }

        private void Flatten(string name, int input, int result)
        {
            int[] from = Shape(input), to = Shape(result);
            // NHWC and NCHW order the elements alike only on a 1×1 map, so only there does the reshape keep its meaning.
            if (to.Length != 2 || from.Length != 2 && (from.Length != 4 || from[1] * from[2] != 1))
                throw new NotSupportedException($"'{name}': a reshape of [{string.Join(",", from)}] to [{string.Join(",", to)}] depends on the layout");
            Emit(name, "Flatten", [Value(input)], None, new OnnxAttr.Int("axis", 1));
        }

        private void SoftmaxOf(string name, int input, float beta)
        {
            string logits = Value(input);
            if (beta != 1f)
            {
                _g.Node("Mul", [logits, _g.Initializer(name + "_beta", [], [beta])], [name + "_scaled"]);
                logits = name + "_scaled";
            }
            // Axis 1 holds the channels of an NCHW map and the classes once flattened: TFLite's last axis either way.
            Emit(name, "Softmax", [logits], None, new OnnxAttr.Int("axis", 1));
        }

        /// <summary>
        /// TensorFlow's padding as explicit ONNX pads (top, left, bottom, right): SAME gives ceil(size / stride)
        /// outputs and puts the odd cell of the padding after the map, VALID pads nothing.
        /// </summary>
        private static OnnxAttr Pads(int padding, int[] nhwc, int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW)
        {
            static int Total(int size, int kernel, int stride, int dilation) =>
                Math.Max(((size + stride - 1) / stride - 1) * stride + (kernel - 1) * dilation + 1 - size, 0);
            int h = padding == Valid ? 0 : Total(nhwc[1], kernelH, strideH, dilationH);
            int w = padding == Valid ? 0 : Total(nhwc[2], kernelW, strideW, dilationW);
            return new OnnxAttr.Ints("pads", h / 2, w / 2, h - h / 2, w - w / 2);
        }

        /// <summary>Writes a node and then its fused activation; the last of them yields the ONNX value <paramref name="name"/>.</summary>
        private void Emit(string name, string opType, string[] inputs, int activation, params OnnxAttr[] attributes)
        {
            string linear = activation == None ? name : name + "_linear";
            _g.Node(opType, inputs, [linear], attributes);
            switch (activation)
            {
                case None:
                    break;
                case Relu:
                    _g.Node("Relu", [linear], [name]);
                    break;
                case Relu6:
                    _zero ??= _g.Initializer("relu6_min", [], [0f]);
                    _six ??= _g.Initializer("relu6_max", [], [6f]);
                    _g.Node("Clip", [linear, _zero, _six], [name]);
                    break;
                default:
                    throw new NotSupportedException($"'{name}': fused activation {activation} is not supported");
            }
        }

        /// <summary>
        /// Names the ONNX value of an operator's result after the operator (as a reader would see it in Netron), or as the graph
        /// output it is; returns the name the operator writes its real values to (in the QDQ twin, what <see cref="Quantize"/> reads).
        /// </summary>
        private string Name(int index, string kind, int result)
        {
            string value = _values[result] = _outputNames.TryGetValue(result, out string? output) ? output : $"op{index}_{kind}";
            return qdq ? Real(value) : value;
        }

        private static string Real(string quantized) => quantized + "_real";

        /// <summary>
        /// An activation's real values as an operator reads them. In the QDQ twin each use gets a DequantizeLinear of its own, so that
        /// each operator with the DequantizeLinear before it and the QuantizeLinear after it is a group ONNX Runtime fuses on its own.
        /// </summary>
        private string Value(int tensor)
        {
            if (!_values.TryGetValue(tensor, out string? value))
                throw new NotSupportedException($"tensor {tensor} is a constant or not yet computed where an activation is expected");
            if (!qdq)
                return value;
            string real = _g.Fresh(Real(value));
            _g.Node("DequantizeLinear", [value, .. ActivationQuantization(tensor)], [real]);
            return real;
        }

        /// <summary>The QDQ twin's QuantizeLinear of an operator's result: its real values to the file's quantised tensor.</summary>
        private void Quantize(int result) =>
            _g.Node("QuantizeLinear", [Real(_values[result]), .. ActivationQuantization(result)], [_values[result]]);

        /// <summary>An activation's scale and zero point as initializers (one per-tensor pair: TFLite quantises activations per tensor).</summary>
        private string[] ActivationQuantization(int tensor)
        {
            string scale = $"t{tensor}_scale", zeroPoint = $"t{tensor}_zero_point";
            if (_quantizers.Add(tensor))
            {
                (float[] scales, long[] zeroPoints, _) = Quantization(tensor) ?? throw new NotSupportedException($"tensor {tensor}: an activation without a scale has no QDQ twin");
                if (scales.Length != 1)
                    throw new NotSupportedException($"tensor {tensor}: an activation quantised per channel");
                _g.Initializer(scale, [], [scales[0]]);
                ZeroPoints(zeroPoint, [], ElementType(tensor), zeroPoints);
            }
            return [scale, zeroPoint];
        }

        /// <summary>
        /// A convolution's weights, reordered to ONNX's by <paramref name="order"/> (see <see cref="Permute"/>): dequantised in the float twin,
        /// the file's 8-bit values and a DequantizeLinear in the QDQ twin, per channel along the axis the file's quantised dimension became.
        /// </summary>
        /// <summary>Zero points as the 8-bit type of the tensor they belong to, as QuantizeLinear and DequantizeLinear require.</summary>
        private string ZeroPoints(string name, long[] dims, OnnxType type, long[] zeroPoints) =>
            type == OnnxType.UInt8 ? _g.Initializer(name, dims, type, Array.ConvertAll(zeroPoints, z => checked((byte)z)))
                : _g.Initializer(name, dims, type, Array.ConvertAll(zeroPoints, z => checked((sbyte)z)));

        private float ActivationScale(int tensor) =>
            Quantization(tensor) is ([var scale], _, _) ? scale : throw new NotSupportedException($"tensor {tensor}: an activation needs one scale");

        /// <summary>The 8-bit ONNX type of a quantised tensor.</summary>
        private OnnxType ElementType(int tensor) => tensors[tensor].SByte(1) switch
        {
            UInt8 => OnnxType.UInt8,
            Int8 => OnnxType.Int8,
            var type => throw new NotSupportedException($"tensor {tensor}: TensorType {type} is not an 8-bit quantised type"),
        };

        private string Weights(string name, int tensor, long[] dims, int[] order)
        {
            int[] shape = Shape(tensor);
            if (!qdq)
                return _g.Initializer(name, dims, Permute(Values(tensor), shape, order));
            (float[] scales, long[] zeroPoints, int dimension) = Quantization(tensor) ?? throw new NotSupportedException($"tensor {tensor}: float weights have no QDQ twin");
            OnnxType type = ElementType(tensor);
            byte[] data = Permute(buffers[tensors[tensor].UInt(2)].Bytes(0), shape, order);
            string quantized = type == OnnxType.UInt8 ? _g.Initializer(name + "_quantized", dims, type, data) : _g.Initializer(name + "_quantized", dims, type, Array.ConvertAll(data, b => (sbyte)b));
            long[] channels = scales.Length == 1 ? [] : [scales.Length];
            _g.Node("DequantizeLinear", [quantized, _g.Initializer(name + "_scale", channels, scales), ZeroPoints(name + "_zero_point", channels, type, zeroPoints)], [name],
                scales.Length == 1 ? [] : [new OnnxAttr.Int("axis", Array.IndexOf(order, dimension))]);
            return name;
        }

        /// <summary>
        /// A convolution's bias: in the QDQ twin the file's int32 values, whose scale TFLite's kernels take to be the input's scale
        /// times the weights' (per output channel where the weights have one each), with zero point 0.
        /// </summary>
        private string Bias(string name, int tensor, int input, int weights)
        {
            if (!qdq)
                return _g.Initializer(name, [Shape(tensor)[0]], Values(tensor));
            if (tensors[tensor].SByte(1) != Int32)
                throw new NotSupportedException($"tensor {tensor}: a quantised convolution's bias must be int32 for its QDQ twin");
            float inputScale = ActivationScale(input);
            float[] scales = Array.ConvertAll(Quantization(weights)!.Value.Scales, w => inputScale * w);
            long[] channels = scales.Length == 1 ? [] : [scales.Length];
            int[] data = MemoryMarshal.Cast<byte, int>(buffers[tensors[tensor].UInt(2)].Bytes(0)).ToArray();
            _g.Node("DequantizeLinear", [_g.Initializer(name + "_quantized", [data.Length], OnnxType.Int32, data), _g.Initializer(name + "_scale", channels, scales),
                _g.Initializer(name + "_zero_point", channels, OnnxType.Int32, new int[scales.Length])],
                [name], scales.Length == 1 ? [] : [new OnnxAttr.Int("axis", 0)]);
            return name;
        }

        private int[] Shape(int tensor) => tensors[tensor].Ints(0);

        /// <summary>A constant tensor's values in float: quantised ones as scale·(q − zero point), per channel along the quantised dimension.</summary>
        private float[] Values(int tensor)
        {
            Table t = tensors[tensor];
            int[] shape = t.Ints(0);
            byte[] data = buffers[t.UInt(2)].Bytes(0);
            double[] raw = t.SByte(1) switch
            {
                Float32 => Array.ConvertAll(MemoryMarshal.Cast<byte, float>(data).ToArray(), v => (double)v),
                Int32 => Array.ConvertAll(MemoryMarshal.Cast<byte, int>(data).ToArray(), v => (double)v),
                UInt8 => Array.ConvertAll(data, v => (double)v),
                Int8 => Array.ConvertAll(data, v => (double)(sbyte)v),
                var type => throw new NotSupportedException($"tensor {tensor}: TensorType {type} is not supported"),
            };
            if (raw.Length != shape.Aggregate(1, (a, d) => a * d))
                throw new InvalidDataException($"tensor {tensor}: {raw.Length} values for shape [{string.Join(",", shape)}]");
            if (Quantization(tensor) is not (float[] scales, long[] zeroPoints, int dimension))
                return t.SByte(1) == Float32 ? Array.ConvertAll(raw, v => (float)v) : throw new NotSupportedException($"tensor {tensor}: integer data without a scale");
            bool perChannel = scales.Length > 1;
            int inner = shape.Skip(dimension + 1).Aggregate(1, (a, d) => a * d);
            var values = new float[raw.Length];
            for (int i = 0; i < raw.Length; i++)
            {
                int channel = perChannel ? i / inner % scales.Length : 0;
                values[i] = (float)(scales[channel] * (raw[i] - zeroPoints[channel]));
            }
            return values;
        }

        /// <summary>
        /// A tensor's quantisation (real = scale·(q − zero point)), one scale and zero point per index of <c>Dimension</c> when it has
        /// several; null for a tensor without scales (float).
        /// </summary>
        private (float[] Scales, long[] ZeroPoints, int Dimension)? Quantization(int tensor)
        {
            Table t = tensors[tensor];
            if (t.Child(4) is not { } q || q.Floats(2) is not { Length: > 0 } scales)
                return null;
            int[] shape = t.Ints(0);
            long[] zeroPoints = q.Longs(3);
            // A bias has one dimension whatever its parameters say: TFLite's converter copies the depthwise weights' 3 into them.
            int dimension = shape.Length == 1 ? 0 : q.Int(6);
            if (scales.Length > 1 && (dimension >= shape.Length || scales.Length != shape[dimension]) || zeroPoints.Length != scales.Length)
                throw new InvalidDataException($"tensor {tensor}: {scales.Length} scales and {zeroPoints.Length} zero points for dimension {dimension} of [{string.Join(",", shape)}]");
            return (scales, zeroPoints, dimension);
        }

        private static Table Required(Table? options, int code) =>
            options ?? throw new InvalidDataException($"BuiltinOperator {code} has no options table");

        private static long[] Nchw(int[] shape) =>
            (shape.Length == 4 ? new[] { shape[0], shape[3], shape[1], shape[2] } : shape).Select(d => (long)d).ToArray();
    }

    /// <summary>Reorders a row-major 4-D tensor: result axis k is source axis <paramref name="order"/>[k].</summary>
    private static T[] Permute<T>(T[] source, int[] shape, int[] order)
    {
        int[] stride = [shape[1] * shape[2] * shape[3], shape[2] * shape[3], shape[3], 1];
        int[] size = order.Select(a => shape[a]).ToArray();
        var result = new T[source.Length];
        int at = 0;
        for (int a = 0; a < size[0]; a++)
            for (int b = 0; b < size[1]; b++)
                for (int c = 0; c < size[2]; c++)
                    for (int d = 0; d < size[3]; d++)
                        result[at++] = source[a * stride[order[0]] + b * stride[order[1]] + c * stride[order[2]] + d * stride[order[3]]];
        return result;
    }

    /// <summary>A FlatBuffers table, its fields found by their index in the schema through the vtable (a missing field has its default).</summary>
    internal readonly struct Table(byte[] bytes, int position)
    {
        public static Table Root(byte[] bytes) => new(bytes, BitConverter.ToInt32(bytes, 0));

        public int Int(int field, int fallback = 0) { int at = Field(field); return at < 0 ? fallback : BitConverter.ToInt32(bytes, at); }
        public uint UInt(int field) { int at = Field(field); return at < 0 ? 0 : BitConverter.ToUInt32(bytes, at); }
        public int SByte(int field) { int at = Field(field); return at < 0 ? 0 : (sbyte)bytes[at]; }
        public float Float(int field) { int at = Field(field); return at < 0 ? 0 : BitConverter.ToSingle(bytes, at); }
        public Table? Child(int field) { int at = Field(field); return at < 0 ? null : new Table(bytes, Target(at)); }

        public int[] Ints(int field) => MemoryMarshal.Cast<byte, int>(Vector(field, 4)).ToArray();
        public long[] Longs(int field) => MemoryMarshal.Cast<byte, long>(Vector(field, 8)).ToArray();
        public float[] Floats(int field) => MemoryMarshal.Cast<byte, float>(Vector(field, 4)).ToArray();
        public byte[] Bytes(int field) => Raw(field, 1);
        /// <summary>A vector of scalars of <paramref name="elementSize"/> bytes, as its little-endian bytes.</summary>
        public byte[] Raw(int field, int elementSize) => Vector(field, elementSize).ToArray();
        public string? String(int field) => Has(field) ? Encoding.UTF8.GetString(Vector(field, 1)) : null;

        /// <summary>True when the vtable has the field (a writer may leave out one at its default).</summary>
        public bool Has(int field) => Field(field) >= 0;
        /// <summary>How many fields the vtable has room for: the fields of the writer's schema, present or not.</summary>
        public int FieldSlots => (BitConverter.ToUInt16(bytes, position - BitConverter.ToInt32(bytes, position)) - 4) / 2;
        /// <summary>A scalar field's <paramref name="width"/> little-endian bytes (only for a field that <see cref="Has"/>).</summary>
        public byte[] Scalar(int field, int width) => bytes.AsSpan(Field(field), width).ToArray();

        public Table[] Tables(int field)
        {
            int[] offsets = Ints(field);
            int first = offsets.Length == 0 ? 0 : Target(Field(field)) + 4;
            var tables = new Table[offsets.Length];
            for (int i = 0; i < tables.Length; i++)
                tables[i] = new Table(bytes, first + 4 * i + offsets[i]);
            return tables;
        }

        /// <summary>The field's position in the buffer, or −1 when the vtable leaves it out.</summary>
        private int Field(int field)
        {
            int vtable = position - BitConverter.ToInt32(bytes, position);
            int slot = 4 + 2 * field;
            int offset = slot < BitConverter.ToUInt16(bytes, vtable) ? BitConverter.ToUInt16(bytes, vtable + slot) : 0;
            return offset == 0 ? -1 : position + offset;
        }

        /// <summary>A vector field's elements as bytes (a missing vector is empty).</summary>
        private ReadOnlySpan<byte> Vector(int field, int elementSize)
        {
            int at = Field(field);
            if (at < 0)
                return [];
            int vector = Target(at);
            return bytes.AsSpan(vector + 4, checked(BitConverter.ToInt32(bytes, vector) * elementSize));
        }

        /// <summary>Follows a uoffset: it counts from where it is stored.</summary>
        private int Target(int at) => at + BitConverter.ToInt32(bytes, at);
    }
}

/// <summary>One operator of a .tflite, as <see cref="TfliteToOnnx.Operators"/> lists it.</summary>
/// <param name="Code">The BuiltinOperator code of schema.fbs.</param>
/// <param name="Kind">Its name there, e.g. <c>CONV_2D</c> (<c>BUILTIN_n</c> for a code the list does not name).</param>
/// <param name="OutputTensor">The index of its (first) output tensor.</param>
/// <param name="OutputShape">That tensor's shape, NHWC for a map as TFLite keeps it.</param>
/// <remarks>Named apart from the generator's internal <c>TfliteOperator</c>, which the tests can also see.</remarks>
public sealed record TfliteOperatorInfo(int Index, int Code, string Kind, int OutputTensor, string OutputName, int[] OutputShape)
{
    public override string ToString() => $"{Index} {Kind} [{string.Join(",", OutputShape)}] {OutputName}";
}

/// <summary>The float twins of the .tflite files, each converted once per process.</summary>
public static class FloatTwin
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Twins = new(StringComparer.Ordinal);

    /// <summary>The twin of the .tflite file at <paramref name="tflitePath"/>; callers share it, so none may change it.</summary>
    public static byte[] Of(string tflitePath) =>
        Twins.GetOrAdd(Path.GetFullPath(tflitePath), path => new Lazy<byte[]>(() => TfliteToOnnx.Convert(File.ReadAllBytes(path)))).Value;
}
