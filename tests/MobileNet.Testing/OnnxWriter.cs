using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace MobileNet.Testing;

/// <summary>Writes protobuf fields: just what <see cref="OnnxGraphBuilder"/> needs.</summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream _stream = new();

    public ProtoWriter Varint(int field, long value) { Tag(field, 0); Raw((ulong)value); return this; }

    public ProtoWriter Float(int field, float value) { Tag(field, 5); _stream.Write(BitConverter.GetBytes(value)); return this; }

    public ProtoWriter Bytes(int field, byte[] value) { Tag(field, 2); Raw((ulong)value.Length); _stream.Write(value); return this; }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, Action<ProtoWriter> write)
    {
        var inner = new ProtoWriter();
        write(inner);
        return Bytes(field, inner.ToArray());
    }

    public ProtoWriter PackedInt64(int field, IEnumerable<long> values)
    {
        var inner = new ProtoWriter();
        foreach (long v in values)
            inner.Raw((ulong)v);
        return Bytes(field, inner.ToArray());
    }

    public byte[] ToArray() => _stream.ToArray();

    private void Tag(int field, int wire) => Raw((ulong)(field << 3 | wire));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _stream.WriteByte((byte)value);
    }
}

/// <summary>An ONNX attribute value for <see cref="OnnxGraphBuilder.Node"/>.</summary>
public abstract record OnnxAttr(string Name)
{
    public sealed record Int(string Name, long Value) : OnnxAttr(Name);
    public sealed record Ints(string Name, params long[] Values) : OnnxAttr(Name);
    public sealed record Float(string Name, float Value) : OnnxAttr(Name);
    public sealed record Str(string Name, string Value) : OnnxAttr(Name);
}

/// <summary>Builds an ONNX model (onnx.proto field numbers) for the tests' synthetic networks.</summary>
public sealed class OnnxGraphBuilder
{
    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private int _next;

    public string Fresh(string prefix) => $"{prefix}_{_next++}";

    public string Initializer(string name, long[] dims, float[] data) => Initializer(name, dims, OnnxType.Float, data);

    public string Int64Initializer(string name, long[] dims, long[] data) => Initializer(name, dims, OnnxType.Int64, data);

    /// <summary>A tensor of any fixed-size element type, stored as its little-endian bytes (raw_data).</summary>
    public string Initializer<T>(string name, long[] dims, OnnxType type, T[] data) where T : unmanaged
    {
        byte[] bytes = MemoryMarshal.AsBytes(data.AsSpan()).ToArray();
        _initializers.Add(new ProtoWriter().PackedInt64(1, dims).Varint(2, (int)type).String(8, name).Bytes(9, bytes).ToArray());
        return name;
    }

    public void Node(string opType, string[] inputs, string[] outputs, params OnnxAttr[] attributes)
    {
        var node = new ProtoWriter();
        foreach (string i in inputs) node.String(1, i);
        foreach (string o in outputs) node.String(2, o);
        node.String(3, outputs[0] + "_node").String(4, opType);
        foreach (OnnxAttr a in attributes)
            node.Message(5, w =>
            {
                w.String(1, a.Name);
                switch (a)
                {
                    case OnnxAttr.Int i: w.Varint(3, i.Value).Varint(20, 2); break;
                    case OnnxAttr.Ints i: w.PackedInt64(8, i.Values).Varint(20, 7); break;
                    case OnnxAttr.Float f: w.Float(2, f.Value).Varint(20, 1); break;
                    case OnnxAttr.Str s: w.String(4, s.Value).Varint(20, 3); break;
                }
            });
        _nodes.Add(node.ToArray());
    }

    public byte[] Build(int opset, string input, long[] inputShape, string output, long[] outputShape, string graphName = "synthetic") =>
        Build(opset, input, inputShape, [(output, outputShape)], graphName);

    /// <summary>
    /// A graph with several outputs, declared in the order given (ONNX Runtime returns them in that order); the input and
    /// the outputs are tensors of <paramref name="type"/> (a QDQ graph takes and gives the quantised bytes).
    /// </summary>
    public byte[] Build(int opset, string input, long[] inputShape, IReadOnlyList<(string Name, long[] Shape)> outputs, string graphName = "synthetic", OnnxType type = OnnxType.Float) =>
        new ProtoWriter()
            .Varint(1, opset >= 13 ? 7 : 5)
            .String(2, "MobileNetGen tests")
            .Message(7, g =>
            {
                foreach (byte[] n in _nodes) g.Bytes(1, n);
                g.String(2, graphName);
                foreach (byte[] t in _initializers) g.Bytes(5, t);
                g.Message(11, v => ValueInfo(v, input, inputShape, type));
                foreach ((string name, long[] shape) in outputs)
                    g.Message(12, v => ValueInfo(v, name, shape, type));
            })
            .Message(8, o => o.String(1, "").Varint(2, opset))
            .ToArray();

    private static void ValueInfo(ProtoWriter v, string name, long[] shape, OnnxType type) =>
        v.String(1, name).Message(2, t => t.Message(1, tt => tt.Varint(1, (int)type).Message(2, s =>
        {
            foreach (long d in shape) s.Message(1, dim => dim.Varint(1, d));
        })));
}

/// <summary>TensorProto.DataType values of onnx.proto: the element types the tests' graphs use.</summary>
public enum OnnxType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
}
