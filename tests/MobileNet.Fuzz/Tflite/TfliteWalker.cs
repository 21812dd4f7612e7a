using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace MobileNet.Fuzz.Tflite;

/// <summary>
/// A read-only walk over a well-formed .tflite file (TFLite's schema.fbs) that records where each
/// offset, vector length, vtable entry, index, dimension, type, quantisation parameter and option
/// lives. It trusts its input: it only ever reads the seeds, never a mutant.
/// </summary>
internal sealed class TfliteWalker
{
    private readonly byte[] _bytes;
    private readonly TfliteMap _map = new();

    private TfliteWalker(byte[] bytes) => _bytes = bytes;

    public static TfliteMap Walk(byte[] bytes)
    {
        var walker = new TfliteWalker(bytes);
        walker.Model();
        return walker._map;
    }

    // Builtin operator codes whose options tables the reader interprets.
    private const int Add = 0, AveragePool = 1, Conv = 3, Depthwise = 4, FullyConnected = 9, Reshape = 22, Softmax = 25, Mean = 40, Squeeze = 43;

    private void Model()
    {
        _map.Add(0, Spot.UOffset, 4);
        int model = Target(0);
        Table(model);
        var codes = new List<int>();
        foreach (int code in Tables(model, 1))
        {
            int deprecated = Scalar(code, 0, Spot.DeprecatedBuiltinCode, 1) is var d and >= 0 ? _bytes[d] : 0;
            int builtin = Scalar(code, 3, Spot.BuiltinCode, 4) is var b and >= 0 ? I32(b) : 0;
            codes.Add(Math.Max(deprecated, builtin));
        }
        _map.OpcodeCount = codes.Count;
        List<int> buffers = Tables(model, 4);
        _map.BufferCount = buffers.Count;
        foreach (int buffer in buffers)
            Vector(buffer, 0); // the bulk data itself is not structure
        List<int> subgraphs = Tables(model, 2);
        for (int s = 0; s < subgraphs.Count; s++)
            Subgraph(subgraphs[s], codes, first: s == 0);
    }

    private void Subgraph(int subgraph, List<int> codes, bool first)
    {
        List<int> tensors = Tables(subgraph, 0);
        if (first)
            _map.TensorCount = tensors.Count;
        foreach (int tensor in tensors)
            Tensor(tensor);
        Elements(subgraph, 1, Spot.TensorIndex, 4);
        List<int> outputs = Elements(subgraph, 2, Spot.TensorIndex, 4);
        if (first)
            _map.SubgraphOutputs.AddRange(outputs);
        List<int> operators = Tables(subgraph, 3);
        for (int i = 0; i < operators.Count; i++)
        {
            int op = operators[i];
            int opcode = Scalar(op, 0, Spot.OpcodeIndex, 4) is var o and >= 0 ? I32(o) : 0;
            var sites = new OperatorSites(i, Elements(op, 1, Spot.TensorIndex, 4), Elements(op, 2, Spot.TensorIndex, 4));
            if (first)
                _map.Operators.Add(sites);
            if (Reference(op, 4) is var options and >= 0 && opcode < codes.Count)
                Options(options, codes[opcode]);
        }
    }

    private void Tensor(int tensor)
    {
        Elements(tensor, 0, Spot.ShapeDim, 4);
        Scalar(tensor, 1, Spot.TensorType, 1);
        Scalar(tensor, 2, Spot.BufferIndex, 4);
        if (Vector(tensor, 3) is var (start, length) && start >= 0)
            _map.Add(start, Spot.NameBytes, length);
        if (Reference(tensor, 4) is var q and >= 0)
        {
            Table(q);
            Elements(q, 2, Spot.Scale, 4);
            Elements(q, 3, Spot.ZeroPoint, 8);
            Scalar(q, 6, Spot.QuantizedDimension, 4);
        }
    }

    /// <summary>The options fields the reader uses, per operator (Conv2DOptions, DepthwiseConv2DOptions, Pool2DOptions, …).</summary>
    private void Options(int table, int code)
    {
        Table(table);
        (int Field, Spot Spot, int Size)[] fields = code switch
        {
            Conv => [(0, Spot.Padding, 1), (1, Spot.Stride, 4), (2, Spot.Stride, 4), (3, Spot.Activation, 1), (4, Spot.Dilation, 4), (5, Spot.Dilation, 4)],
            Depthwise => [(0, Spot.Padding, 1), (1, Spot.Stride, 4), (2, Spot.Stride, 4), (3, Spot.DepthMultiplier, 4), (4, Spot.Activation, 1), (5, Spot.Dilation, 4), (6, Spot.Dilation, 4)],
            AveragePool => [(0, Spot.Padding, 1), (1, Spot.Stride, 4), (2, Spot.Stride, 4), (3, Spot.FilterSize, 4), (4, Spot.FilterSize, 4), (5, Spot.Activation, 1)],
            FullyConnected or Add => [(0, Spot.Activation, 1)],
            Softmax => [(0, Spot.Beta, 4)],
            Mean => [(0, Spot.KeepDims, 1)],
            _ => [],
        };
        foreach ((int field, Spot spot, int size) in fields)
            Scalar(table, field, spot, size);
        if (code is Reshape or Squeeze)
            Elements(table, 0, Spot.ShapeDim, 4);
    }

    /// <summary>Records a table's vtable offset and vtable entries; returns the vtable's position.</summary>
    private int Table(int table)
    {
        _map.Tables.Add(table);
        _map.Add(table, Spot.VtableOffset, 4);
        int vtable = table - I32(table);
        int vtableSize = U16(vtable);
        for (int entry = 0; entry < vtableSize; entry += 2)
            _map.Add(vtable + entry, Spot.VtableEntry, 2);
        return vtable;
    }

    /// <summary>The position of a table's field, or −1 when the vtable leaves it out.</summary>
    private int Field(int table, int field)
    {
        int vtable = table - I32(table);
        int entry = 4 + 2 * field;
        if (entry >= U16(vtable))
            return -1;
        int offset = U16(vtable + entry);
        return offset == 0 ? -1 : table + offset;
    }

    private int Scalar(int table, int field, Spot spot, int size)
    {
        int at = Field(table, field);
        if (at >= 0)
            _map.Add(at, spot, size);
        return at;
    }

    /// <summary>Follows an offset field to the table, vector or string it points at; −1 if absent.</summary>
    private int Reference(int table, int field)
    {
        int at = Field(table, field);
        if (at < 0)
            return -1;
        _map.Add(at, Spot.UOffset, 4);
        return Target(at);
    }

    private (int Start, int Length) Vector(int table, int field)
    {
        int at = Reference(table, field);
        if (at < 0)
            return (-1, 0);
        _map.Add(at, Spot.VectorLength, 4);
        return (at + 4, I32(at));
    }

    /// <summary>Records each element of a scalar vector; returns their positions.</summary>
    private List<int> Elements(int table, int field, Spot spot, int size)
    {
        var positions = new List<int>();
        (int start, int length) = Vector(table, field);
        for (int i = 0; i < length; i++)
        {
            _map.Add(start + size * i, spot, size);
            positions.Add(start + size * i);
        }
        return positions;
    }

    /// <summary>A vector of tables: records each element's offset and each table; returns the tables.</summary>
    private List<int> Tables(int table, int field)
    {
        var tables = new List<int>();
        (int start, int length) = Vector(table, field);
        for (int i = 0; i < length; i++)
        {
            _map.Add(start + 4 * i, Spot.UOffset, 4);
            int element = Target(start + 4 * i);
            Table(element);
            tables.Add(element);
        }
        return tables;
    }

    private int Target(int at) => at + I32(at);

    private int I32(int at) => BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(at));

    private int U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(at));
}
