using System.Collections.Generic;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Reading;

/// <summary>The part of an ONNX file the generator needs: the graph's nodes, constant tensors, inputs and outputs.</summary>
internal sealed class OnnxModel(string producer, long opsetVersion, IReadOnlyList<OnnxNode> nodes,
    IReadOnlyDictionary<string, OnnxTensor> initializers, IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyList<OnnxValueInfo> outputs)
{
    public string Producer { get; } = producer;
    public long OpsetVersion { get; } = opsetVersion;
    public IReadOnlyList<OnnxNode> Nodes { get; } = nodes;
    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; } = initializers;
    public IReadOnlyList<OnnxValueInfo> Inputs { get; } = inputs;
    public IReadOnlyList<OnnxValueInfo> Outputs { get; } = outputs;
}

internal sealed class OnnxNode(string name, string opType, string[] inputs, string[] outputs, IReadOnlyDictionary<string, OnnxAttribute> attributes)
{
    public string Name { get; } = name;
    public string OpType { get; } = opType;
    public string[] Inputs { get; } = inputs;
    public string[] Outputs { get; } = outputs;
    public IReadOnlyDictionary<string, OnnxAttribute> Attributes { get; } = attributes;

    /// <summary>The node's name (sanitised by the reader), or its first output where the exporter left it unnamed.</summary>
    public string DisplayName => Name.Length > 0 ? Name : DisplayText.Name(Outputs[0]);
}

internal sealed class OnnxAttribute(string name, long integer, float @float, string? text, long[] integers, float[] floats, OnnxTensor? tensor)
{
    public string Name { get; } = name;
    public long Int { get; } = integer;
    public float Float { get; } = @float;
    public string? String { get; } = text;
    public long[] Ints { get; } = integers;
    public float[] Floats { get; } = floats;
    public OnnxTensor? Tensor { get; } = tensor;
}

/// <summary>A constant tensor. Floating-point data (float, double) is in <see cref="Floats"/>, integer data (int32, int64) in <see cref="Ints"/>.</summary>
internal sealed class OnnxTensor(string name, long[] dims, int dataType, float[]? floats, long[]? ints)
{
    public const int Float = 1, Int32 = 6, Int64 = 7, Double = 11;

    public string Name { get; } = name;
    public long[] Dims { get; } = dims;
    public int DataType { get; } = dataType;
    public float[]? Floats { get; } = floats;
    public long[]? Ints { get; } = ints;
}

/// <summary>A graph input or output: name, element type and shape (a negative dimension is symbolic).</summary>
internal sealed class OnnxValueInfo(string name, int elementType, long[] shape)
{
    public string Name { get; } = name;
    public int ElementType { get; } = elementType;
    public long[] Shape { get; } = shape;
}
