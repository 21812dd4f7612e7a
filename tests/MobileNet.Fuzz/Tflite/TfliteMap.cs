using System.Collections.Generic;

namespace MobileNet.Fuzz.Tflite;

/// <summary>What the bytes at a recorded position of a .tflite file mean.</summary>
internal enum Spot
{
    UOffset, VtableOffset, VectorLength, VtableEntry,
    TensorIndex, BufferIndex, OpcodeIndex, BuiltinCode, DeprecatedBuiltinCode,
    ShapeDim, TensorType, Scale, ZeroPoint, QuantizedDimension,
    Padding, Stride, Activation, Dilation, FilterSize, DepthMultiplier, Beta, KeepDims,
    NameBytes,
}

/// <summary>A recorded position: <paramref name="Size"/> bytes at <paramref name="Position"/>.</summary>
internal readonly record struct Site(int Position, Spot Spot, int Size);

/// <summary>One operator's tensor-index positions, for the rewiring mutations.</summary>
internal sealed record OperatorSites(int Index, List<int> Inputs, List<int> Outputs);

/// <summary>Everything the walker found in a seed: the sites, the operators, and the counts indices range over.</summary>
internal sealed class TfliteMap
{
    public List<Site> Sites { get; } = [];
    public List<OperatorSites> Operators { get; } = [];
    /// <summary>The positions of the first subgraph's own input and output indices.</summary>
    public List<int> SubgraphOutputs { get; } = [];
    /// <summary>Every table's start, for offsets that point at the wrong table.</summary>
    public List<int> Tables { get; } = [];
    public int TensorCount { get; set; }
    public int BufferCount { get; set; }
    public int OpcodeCount { get; set; }

    public void Add(int position, Spot spot, int size) => Sites.Add(new Site(position, spot, size));
}
