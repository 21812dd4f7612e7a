using System;
using System.Collections.Generic;
using System.Threading;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Reading;

/// <summary>
/// Reads a .tflite file (FlatBuffers, schema.fbs of TensorFlow Lite): the first subgraph's tensors and
/// operators. Constant tensors are dequantised here (uint8 per-tensor, int8 per-axis, int32 biases), so
/// that the float path after the reader sees float weights; quantised ones also keep their stored integers
/// for the integer path.
/// </summary>
internal static class TfliteReader
{
    private const string Identifier = "TFL3";

    /// <summary>True when the bytes carry TFLite's file identifier.</summary>
    public static bool IsTflite(byte[] bytes) =>
        bytes.Length >= 8 && bytes[4] == 'T' && bytes[5] == 'F' && bytes[6] == 'L' && bytes[7] == '3';

    /// <summary>Reads a model; on a damaged file returns null and says why in <paramref name="error"/>.</summary>
    /// <exception cref="ModelLimitException">The file is past one of the <see cref="ModelLimits"/>.</exception>
    public static TfliteModel? TryRead(byte[] bytes, out string? error, CancellationToken cancellationToken = default)
    {
        try
        {
            error = null;
            return Read(new FlatBufferReader(bytes), cancellationToken);
        }
        catch (ModelFormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    // Table field numbers, in schema order (a union takes two: its type and its value).
    private const int ModelOperatorCodes = 1, ModelSubgraphs = 2, ModelBuffers = 4;
    private const int SubgraphTensors = 0, SubgraphInputs = 1, SubgraphOutputs = 2, SubgraphOperators = 3;
    private const int TensorShape = 0, TensorType = 1, TensorBuffer = 2, TensorName = 3, TensorQuantization = 4, TensorSparsity = 6;
    private const int OperatorOpcode = 0, OperatorInputs = 1, OperatorOutputs = 2, OperatorOptions = 4;

    private static TfliteModel Read(FlatBufferReader fb, CancellationToken cancellationToken)
    {
        int model = fb.Root(Identifier);
        (int codesStart, int codeCount) = fb.Vector(model, ModelOperatorCodes, 4);
        ModelLimits.Check(codeCount, ModelLimits.Tensors, "operator codes in the model");
        var codes = new (int Code, string? Custom)[codeCount];
        for (int i = 0; i < codeCount; i++)
        {
            int code = fb.TableAt(codesStart, i);
            // builtin_code (field 3) replaced the byte-wide deprecated_builtin_code (field 0) once codes passed 127.
            codes[i] = (Math.Max(fb.Byte(code, 0), fb.Int(code, 3)), fb.String(code, 1) is { } custom ? DisplayText.Name(custom) : null);
        }

        (int subgraphsStart, int subgraphCount) = fb.Vector(model, ModelSubgraphs, 4);
        if (subgraphCount == 0)
            throw new ModelFormatException("the model has no subgraph");
        int subgraph = fb.TableAt(subgraphsStart, 0);
        (int buffersStart, int bufferCount) = fb.Vector(model, ModelBuffers, 4);
        ModelLimits.Check(bufferCount, ModelLimits.Tensors, "buffers in the model");

        (int tensorsStart, int tensorCount) = fb.Vector(subgraph, SubgraphTensors, 4);
        ModelLimits.Check(tensorCount, ModelLimits.Tensors, "tensors in the subgraph");
        var tensors = new TfliteTensor[tensorCount];
        long weights = 0;
        for (int i = 0; i < tensorCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tensors[i] = ReadTensor(fb, fb.TableAt(tensorsStart, i), buffersStart, bufferCount, ref weights);
        }

        (int operatorsStart, int operatorCount) = fb.Vector(subgraph, SubgraphOperators, 4);
        ModelLimits.Check(operatorCount, ModelLimits.Nodes, "operators in the subgraph");
        var operators = new List<TfliteOperator>(operatorCount);
        for (int i = 0; i < operatorCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int op = fb.TableAt(operatorsStart, i);
            int opcode = fb.Int(op, OperatorOpcode);
            if (opcode < 0 || opcode >= codes.Length)
                throw new ModelFormatException($"operator {i} names operator code {opcode} of {codes.Length}");
            // An operator's optional inputs may be −1 (absent); its outputs may not.
            int[] inputs = CheckIndices(fb.Ints(op, OperatorInputs, ModelLimits.ListLength, "inputs of one operator"), tensorCount, $"operator {i}'s inputs", optional: true);
            int[] outputs = CheckIndices(fb.Ints(op, OperatorOutputs, ModelLimits.ListLength, "outputs of one operator"), tensorCount, $"operator {i}'s outputs", optional: false);
            if (outputs.Length == 0)
                throw new ModelFormatException($"operator {i} has no output");
            operators.Add(new TfliteOperator(i, codes[opcode].Code, codes[opcode].Custom, inputs, outputs, ReadOptions(fb, codes[opcode].Code, fb.Table(op, OperatorOptions))));
        }

        return new TfliteModel(tensors, operators,
            CheckIndices(fb.Ints(subgraph, SubgraphInputs, ModelLimits.ListLength, "inputs of the subgraph"), tensorCount, "the subgraph's inputs", optional: false),
            CheckIndices(fb.Ints(subgraph, SubgraphOutputs, ModelLimits.ListLength, "outputs of the subgraph"), tensorCount, "the subgraph's outputs", optional: false));
    }

    private static int[] CheckIndices(int[] indices, int count, string owner, bool optional)
    {
        foreach (int index in indices)
            if (index < (optional ? -1 : 0) || index >= count)
                throw new ModelFormatException($"{owner} name tensor {index} of {count}");
        return indices;
    }

    private static TfliteOptions ReadOptions(FlatBufferReader fb, int code, int table)
    {
        if (table < 0)
            return new TfliteOptions();
        switch ((TfliteOp)code)
        {
            case TfliteOp.Conv2D: // Conv2DOptions: padding, stride_w, stride_h, fused_activation_function, dilation_w_factor, dilation_h_factor
                return new TfliteOptions
                {
                    Padding = fb.Byte(table, 0), StrideW = fb.Int(table, 1), StrideH = fb.Int(table, 2), Activation = fb.Byte(table, 3),
                    DilationW = fb.Int(table, 4, 1), DilationH = fb.Int(table, 5, 1),
                };
            case TfliteOp.DepthwiseConv2D: // padding, stride_w, stride_h, depth_multiplier, fused_activation_function, dilation_w, dilation_h
                return new TfliteOptions
                {
                    Padding = fb.Byte(table, 0), StrideW = fb.Int(table, 1), StrideH = fb.Int(table, 2), Activation = fb.Byte(table, 4),
                    DilationW = fb.Int(table, 5, 1), DilationH = fb.Int(table, 6, 1),
                };
            case TfliteOp.AveragePool2D: // Pool2DOptions: padding, stride_w, stride_h, filter_width, filter_height, fused_activation_function
                return new TfliteOptions
                {
                    Padding = fb.Byte(table, 0), StrideW = fb.Int(table, 1), StrideH = fb.Int(table, 2),
                    FilterW = fb.Int(table, 3), FilterH = fb.Int(table, 4), Activation = fb.Byte(table, 5),
                };
            case TfliteOp.FullyConnected: // fused_activation_function, weights_format, keep_num_dims
            case TfliteOp.Add: // AddOptions: fused_activation_function
                return new TfliteOptions { Activation = fb.Byte(table, 0) };
            case TfliteOp.Softmax: // SoftmaxOptions: beta
                return new TfliteOptions { Beta = fb.Float(table, 0, 0) };
            case TfliteOp.Mean: // ReducerOptions: keep_dims
                return new TfliteOptions { KeepDims = fb.Byte(table, 0) != 0 };
            default:
                return new TfliteOptions();
        }
    }

    /// <param name="weights">Elements of the constant tensors read so far, against <see cref="ModelLimits.Weights"/>.</param>
    private static TfliteTensor ReadTensor(FlatBufferReader fb, int tensor, int buffersStart, int bufferCount, ref long weights)
    {
        // Names are only shown (operators refer to tensors by index), so they are sanitised once, here.
        string name = DisplayText.Name(fb.String(tensor, TensorName) ?? "");
        int[] shape = fb.Ints(tensor, TensorShape, ModelLimits.Rank, $"dimensions of tensor '{name}'");
        var type = (TfliteType)fb.Byte(tensor, TensorType);
        if (fb.Field(tensor, TensorSparsity) >= 0)
            throw new ModelFormatException($"tensor '{name}' is sparse; densify the model when converting it");

        TfliteQuantization? quantization = null;
        int q = fb.Table(tensor, TensorQuantization);
        if (q >= 0)
        {
            float[] scale = fb.Floats(q, 2);
            if (scale.Length > 0)
                quantization = CheckQuantization(name, type, new TfliteQuantization(scale, fb.Longs(q, 3), fb.Int(q, 6)));
        }

        int bufferIndex = fb.Int(tensor, TensorBuffer);
        if (bufferIndex < 0 || bufferIndex >= Math.Max(bufferCount, 1))
            throw new ModelFormatException($"tensor '{name}' names buffer {bufferIndex} of {bufferCount}");
        if (bufferIndex == 0 || bufferCount == 0)
            return new TfliteTensor(name, shape, type, quantization, null, null);
        int buffer = fb.TableAt(buffersStart, bufferIndex);
        (int dataStart, int dataLength) = fb.Vector(buffer, 0, 1);
        if (dataStart < 0 || dataLength == 0)
        {
            if (fb.Field(buffer, 1) >= 0)
                throw new ModelFormatException($"tensor '{name}' keeps its data outside the FlatBuffer (a model over 2 GB); it cannot be a MobileNet");
            return new TfliteTensor(name, shape, type, quantization, null, null);
        }

        int size = type switch { TfliteType.Float32 or TfliteType.Int32 => 4, TfliteType.UInt8 or TfliteType.Int8 => 1, TfliteType.Int64 => 8, TfliteType.Float16 or TfliteType.Int16 => 2, _ => 0 };
        if (size == 0)
            throw new ModelFormatException($"constant tensor '{name}' has type {type}, which the generator does not read");
        // The element count may not pass the bytes present at any step, so the product cannot wrap.
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0)
                throw new ModelFormatException($"constant tensor '{name}' has a negative dimension");
            count *= d;
            if (count * size > dataLength)
                break;
        }
        if (count * size != dataLength)
            throw new ModelFormatException($"tensor '{name}' has shape [{string.Join(",", shape)}] ({count} elements of {size} bytes) but {dataLength} bytes of data");
        if (type is TfliteType.Int32 or TfliteType.Int64 && quantization is null)
            ModelLimits.Check(count, ModelLimits.IntegerValues, $"values in the integer tensor '{name}'");
        else
            ModelLimits.Check(weights += count, ModelLimits.Weights, "weights in the file");

        byte[] data = fb.Buffer;
        return type switch
        {
            TfliteType.Float32 => new TfliteTensor(name, shape, type, quantization, Copy(data, dataStart, (int)count), null),
            TfliteType.Int64 => new TfliteTensor(name, shape, type, quantization, null, Longs(data, dataStart, (int)count, 8)),
            TfliteType.Int32 when quantization is null => new TfliteTensor(name, shape, type, null, null, Longs(data, dataStart, (int)count, 4)),
            TfliteType.Int32 or TfliteType.UInt8 or TfliteType.Int8 or TfliteType.Int16 when quantization is not null =>
                Quantized(name, shape, type, quantization, Raw(data, dataStart, (int)count, type)),
            _ => throw new ModelFormatException($"constant tensor '{name}' has type {type}{(quantization is null ? " without quantisation parameters" : "")}; it cannot be read as weights"),
        };
    }

    /// <summary>Scales finite and not negative, one zero point per scale (or none) within the type's range, a per-axis dimension within the shape: checked once, here.</summary>
    private static TfliteQuantization CheckQuantization(string name, TfliteType type, TfliteQuantization q)
    {
        foreach (float scale in q.Scale)
            if (float.IsNaN(scale) || float.IsInfinity(scale) || scale < 0)
                throw new ModelFormatException($"tensor '{name}' has the quantisation scale {scale}; a scale is a finite number, not negative");
        if (q.ZeroPoint.Length != 0 && q.ZeroPoint.Length != q.Scale.Length)
            throw new ModelFormatException($"tensor '{name}' has {q.Scale.Length} scales but {q.ZeroPoint.Length} zero points");
        (long min, long max) = type switch
        {
            TfliteType.UInt8 => (0L, 255L),
            TfliteType.Int8 => (-128L, 127L),
            TfliteType.Int16 => (short.MinValue, short.MaxValue),
            _ => (int.MinValue, int.MaxValue),
        };
        foreach (long zero in q.ZeroPoint)
            if (zero < min || zero > max)
                throw new ModelFormatException($"tensor '{name}' has the zero point {zero}, outside the range of its type {type} ({min} to {max})");
        return q;
    }

    private static float[] Copy(byte[] data, int start, int count)
    {
        var values = new float[count];
        System.Buffer.BlockCopy(data, start, values, 0, count * 4);
        return values;
    }

    private static long[] Longs(byte[] data, int start, int count, int size)
    {
        var values = new long[count];
        for (int i = 0; i < count; i++)
            values[i] = size == 8 ? BitConverter.ToInt64(data, start + 8 * i) : BitConverter.ToInt32(data, start + 4 * i);
        return values;
    }

    /// <summary>The stored integers of a quantised tensor.</summary>
    private static int[] Raw(byte[] data, int start, int count, TfliteType type)
    {
        var raw = new int[count];
        for (int i = 0; i < count; i++)
            raw[i] = type switch
            {
                TfliteType.UInt8 => data[start + i],
                TfliteType.Int8 => (sbyte)data[start + i],
                TfliteType.Int16 => BitConverter.ToInt16(data, start + 2 * i),
                _ => BitConverter.ToInt32(data, start + 4 * i),
            };
        return raw;
    }

    /// <summary>A quantised constant: its stored integers, and real = scale · (q − zero point) with one scale per tensor or one per index of the quantised dimension.</summary>
    private static TfliteTensor Quantized(string name, int[] shape, TfliteType type, TfliteQuantization q, int[] raw)
    {
        int channels = q.Scale.Length;
        int inner = 1;
        // Converters copy the weights' quantized_dimension onto the 1-D bias; there it can only mean axis 0.
        int dimension = shape.Length == 1 ? 0 : q.Dimension;
        if (channels > 1)
        {
            if (dimension < 0 || dimension >= shape.Length || shape[dimension] != channels)
                throw new ModelFormatException($"tensor '{name}' has {channels} scales for dimension {q.Dimension} of [{string.Join(",", shape)}]");
            for (int d = dimension + 1; d < shape.Length; d++)
                inner *= shape[d];
        }

        var values = new float[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            int c = channels == 1 ? 0 : i / inner % channels;
            long zero = q.ZeroPoint.Length == 0 ? 0 : q.ZeroPoint[c];
            values[i] = q.Scale[c] * (raw[i] - zero);
        }
        return new TfliteTensor(name, shape, type, q, values, null, raw);
    }
}
