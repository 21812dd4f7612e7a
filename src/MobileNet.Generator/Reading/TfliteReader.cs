using System;
using System.Collections.Generic;

namespace MobileNet.Generator.Reading;

/// <summary>
/// Reads a .tflite file (FlatBuffers, schema.fbs of TensorFlow Lite): the first subgraph's tensors and
/// operators. Constant tensors are dequantised here (uint8 per-tensor, int8 per-axis, int32 biases),
/// so that everything after the reader sees float weights.
/// </summary>
internal static class TfliteReader
{
    private const string Identifier = "TFL3";

    /// <summary>True when the bytes carry TFLite's file identifier.</summary>
    public static bool IsTflite(byte[] bytes) =>
        bytes.Length >= 8 && bytes[4] == 'T' && bytes[5] == 'F' && bytes[6] == 'L' && bytes[7] == '3';

    public static TfliteModel? TryRead(byte[] bytes, out string? error)
    {
        try
        {
            error = null;
            return Read(new FlatBufferReader(bytes));
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

    private static TfliteModel Read(FlatBufferReader fb)
    {
        int model = fb.Root(Identifier);
        (int codesStart, int codeCount) = fb.Vector(model, ModelOperatorCodes, 4);
        var codes = new (int Code, string? Custom)[codeCount];
        for (int i = 0; i < codeCount; i++)
        {
            int code = fb.TableAt(codesStart, i);
            // builtin_code (field 3) replaced the byte-wide deprecated_builtin_code (field 0) once codes passed 127.
            codes[i] = (Math.Max(fb.Byte(code, 0), fb.Int(code, 3)), fb.String(code, 1));
        }

        (int subgraphsStart, int subgraphCount) = fb.Vector(model, ModelSubgraphs, 4);
        if (subgraphCount == 0)
            throw new ModelFormatException("the model has no subgraph");
        int subgraph = fb.TableAt(subgraphsStart, 0);
        (int buffersStart, int bufferCount) = fb.Vector(model, ModelBuffers, 4);

        (int tensorsStart, int tensorCount) = fb.Vector(subgraph, SubgraphTensors, 4);
        var tensors = new TfliteTensor[tensorCount];
        for (int i = 0; i < tensorCount; i++)
            tensors[i] = ReadTensor(fb, fb.TableAt(tensorsStart, i), buffersStart, bufferCount);

        (int operatorsStart, int operatorCount) = fb.Vector(subgraph, SubgraphOperators, 4);
        var operators = new List<TfliteOperator>(operatorCount);
        for (int i = 0; i < operatorCount; i++)
        {
            int op = fb.TableAt(operatorsStart, i);
            int opcode = fb.Int(op, OperatorOpcode);
            if (opcode < 0 || opcode >= codes.Length)
                throw new ModelFormatException($"operator {i} names operator code {opcode} of {codes.Length}");
            int[] inputs = CheckIndices(fb.Ints(op, OperatorInputs), tensorCount, $"operator {i}");
            int[] outputs = CheckIndices(fb.Ints(op, OperatorOutputs), tensorCount, $"operator {i}");
            operators.Add(new TfliteOperator(i, codes[opcode].Code, codes[opcode].Custom, inputs, outputs, ReadOptions(fb, codes[opcode].Code, fb.Table(op, OperatorOptions))));
        }

        return new TfliteModel(tensors, operators,
            CheckIndices(fb.Ints(subgraph, SubgraphInputs), tensorCount, "the subgraph's inputs"),
            CheckIndices(fb.Ints(subgraph, SubgraphOutputs), tensorCount, "the subgraph's outputs"));
    }

    private static int[] CheckIndices(int[] indices, int count, string owner)
    {
        foreach (int index in indices)
            if (index < -1 || index >= count)
                throw new ModelFormatException($"{owner} names tensor {index} of {count}");
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

    private static TfliteTensor ReadTensor(FlatBufferReader fb, int tensor, int buffersStart, int bufferCount)
    {
        string name = fb.String(tensor, TensorName) ?? "";
        int[] shape = fb.Ints(tensor, TensorShape);
        var type = (TfliteType)fb.Byte(tensor, TensorType);
        if (fb.Field(tensor, TensorSparsity) >= 0)
            throw new ModelFormatException($"tensor '{name}' is sparse; densify the model when converting it");

        TfliteQuantization? quantization = null;
        int q = fb.Table(tensor, TensorQuantization);
        if (q >= 0)
        {
            float[] scale = fb.Floats(q, 2);
            if (scale.Length > 0)
                quantization = new TfliteQuantization(scale, fb.Longs(q, 3), fb.Int(q, 6));
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

        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0)
                throw new ModelFormatException($"constant tensor '{name}' has a negative dimension");
            count *= d;
        }
        int size = type switch { TfliteType.Float32 or TfliteType.Int32 => 4, TfliteType.UInt8 or TfliteType.Int8 => 1, TfliteType.Int64 => 8, TfliteType.Float16 or TfliteType.Int16 => 2, _ => 0 };
        if (size == 0)
            throw new ModelFormatException($"constant tensor '{name}' has type {type}, which the generator does not read");
        if (count * size != dataLength)
            throw new ModelFormatException($"tensor '{name}' has shape [{string.Join(",", shape)}] ({count} elements of {size} bytes) but {dataLength} bytes of data");

        byte[] data = fb.Buffer;
        return type switch
        {
            TfliteType.Float32 => new TfliteTensor(name, shape, type, quantization, Copy(data, dataStart, (int)count), null),
            TfliteType.Int64 => new TfliteTensor(name, shape, type, quantization, null, Longs(data, dataStart, (int)count, 8)),
            TfliteType.Int32 when quantization is null => new TfliteTensor(name, shape, type, null, null, Longs(data, dataStart, (int)count, 4)),
            TfliteType.Int32 or TfliteType.UInt8 or TfliteType.Int8 or TfliteType.Int16 when quantization is not null =>
                new TfliteTensor(name, shape, type, quantization, Dequantize(name, data, dataStart, shape, type, quantization), null),
            _ => throw new ModelFormatException($"constant tensor '{name}' has type {type} without quantisation parameters; it cannot be read as weights"),
        };
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

    /// <summary>real = scale · (q − zero point), with one scale per tensor or one per index of the quantised dimension.</summary>
    private static float[] Dequantize(string name, byte[] data, int start, int[] shape, TfliteType type, TfliteQuantization q)
    {
        int count = 1;
        foreach (int d in shape)
            count *= d;
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
        if (q.ZeroPoint.Length != 0 && q.ZeroPoint.Length != channels)
            throw new ModelFormatException($"tensor '{name}' has {channels} scales but {q.ZeroPoint.Length} zero points");

        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            int c = channels == 1 ? 0 : i / inner % channels;
            long raw = type switch
            {
                TfliteType.UInt8 => data[start + i],
                TfliteType.Int8 => (sbyte)data[start + i],
                TfliteType.Int16 => BitConverter.ToInt16(data, start + 2 * i),
                _ => BitConverter.ToInt32(data, start + 4 * i),
            };
            long zero = q.ZeroPoint.Length == 0 ? 0 : q.ZeroPoint[c];
            values[i] = q.Scale[c] * (raw - zero);
        }
        return values;
    }
}
