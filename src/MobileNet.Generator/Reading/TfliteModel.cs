using System.Collections.Generic;

namespace MobileNet.Generator.Reading;

/// <summary>The main subgraph of a TFLite model: its tensors, operators in execution order, inputs and outputs.</summary>
internal sealed class TfliteModel(IReadOnlyList<TfliteTensor> tensors, IReadOnlyList<TfliteOperator> operators, int[] inputs, int[] outputs)
{
    public IReadOnlyList<TfliteTensor> Tensors { get; } = tensors;
    public IReadOnlyList<TfliteOperator> Operators { get; } = operators;
    public int[] Inputs { get; } = inputs;
    public int[] Outputs { get; } = outputs;
}

internal enum TfliteType { Float32 = 0, Float16 = 1, Int32 = 2, UInt8 = 3, Int64 = 4, Int16 = 7, Int8 = 9 }

/// <summary>Per-tensor or per-axis affine quantisation: real = scale · (q − zero point).</summary>
internal sealed class TfliteQuantization(float[] scale, long[] zeroPoint, int dimension)
{
    public float[] Scale { get; } = scale;
    public long[] ZeroPoint { get; } = zeroPoint;
    public int Dimension { get; } = dimension;
}

/// <summary>
/// A tensor. Constant tensors carry their values: <see cref="Values"/> for float and quantised data
/// (already dequantised), <see cref="Ints"/> for plain int32 and int64 data such as shapes, and
/// <see cref="Quantized"/> for quantised data as stored (uint8, int8, int16 or int32 values).
/// </summary>
internal sealed class TfliteTensor(string name, int[] shape, TfliteType type, TfliteQuantization? quantization, float[]? values, long[]? ints, int[]? quantized = null)
{
    public string Name { get; } = name;
    public int[] Shape { get; } = shape;
    public TfliteType Type { get; } = type;
    public TfliteQuantization? Quantization { get; } = quantization;
    public float[]? Values { get; } = values;
    public long[]? Ints { get; } = ints;
    public int[]? Quantized { get; } = quantized;
    public bool IsConstant => Values is not null || Ints is not null;
}

internal enum TfliteOp
{
    Add = 0, AveragePool2D = 1, Conv2D = 3, DepthwiseConv2D = 4, Dequantize = 6, FullyConnected = 9,
    Relu = 19, ReluN1To1 = 20, Relu6 = 21, Reshape = 22, Softmax = 25, Pad = 34, Mean = 40, Squeeze = 43, Quantize = 114,
}

/// <summary>The builtin options the lowering reads; unused ones keep their schema defaults.</summary>
internal sealed record TfliteOptions
{
    /// <summary>0 = SAME, 1 = VALID.</summary>
    public int Padding { get; init; }
    public int StrideW { get; init; } = 1;
    public int StrideH { get; init; } = 1;
    public int DilationW { get; init; } = 1;
    public int DilationH { get; init; } = 1;
    public int FilterW { get; init; }
    public int FilterH { get; init; }
    /// <summary>0 NONE, 1 RELU, 2 RELU_N1_TO_1, 3 RELU6, 4 TANH, 5 SIGN_BIT.</summary>
    public int Activation { get; init; }
    public float Beta { get; init; } = 1;
    public bool KeepDims { get; init; }
}

internal sealed class TfliteOperator(int index, int code, string? customCode, int[] inputs, int[] outputs, TfliteOptions options)
{
    public int Index { get; } = index;
    /// <summary>The BuiltinOperator code (see <see cref="TfliteOp"/> for the ones MobileNets use).</summary>
    public int Code { get; } = code;
    public string? CustomCode { get; } = customCode;
    public int[] Inputs { get; } = inputs;
    public int[] Outputs { get; } = outputs;
    public TfliteOptions Options { get; } = options;
}
