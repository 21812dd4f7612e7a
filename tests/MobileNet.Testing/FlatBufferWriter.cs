using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MobileNet.Testing;

/// <summary>A FlatBuffers object to serialise: a table, a vector or a string.</summary>
public abstract class FbNode;

/// <summary>A table: scalar fields (little-endian bytes) and references to other objects, by field index.</summary>
public sealed class FbTable : FbNode
{
    internal readonly SortedDictionary<int, object> Fields = [];

    public FbTable Int(int field, int value) { Fields[field] = BitConverter.GetBytes(value); return this; }
    public FbTable UInt(int field, uint value) { Fields[field] = BitConverter.GetBytes(value); return this; }
    public FbTable Byte(int field, byte value) { Fields[field] = new[] { value }; return this; }
    public FbTable Float(int field, float value) { Fields[field] = BitConverter.GetBytes(value); return this; }
    public FbTable Ref(int field, FbNode node) { Fields[field] = node; return this; }
    /// <summary>A scalar of any width, given as its little-endian bytes (to copy a field as another file has it).</summary>
    public FbTable Scalar(int field, byte[] littleEndian) { Fields[field] = littleEndian; return this; }
}

/// <summary>A vector of scalars (raw little-endian bytes, with the element size for alignment).</summary>
public sealed class FbScalars(byte[] data, int elementSize) : FbNode
{
    public byte[] Data { get; } = data;
    public int ElementSize { get; } = elementSize;

    public static FbScalars Ints(params int[] values) => new(Bytes(values, 4), 4);
    public static FbScalars Longs(params long[] values) => new(Bytes(values, 8), 8);
    public static FbScalars Floats(params float[] values) => new(Bytes(values, 4), 4);
    public static FbScalars Raw(byte[] values) => new(values, 1);

    private static byte[] Bytes(Array values, int size)
    {
        var bytes = new byte[values.Length * size];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}

public sealed class FbTables(IEnumerable<FbNode> items) : FbNode
{
    public List<FbNode> Items { get; } = [.. items];
}

public sealed class FbString(string value) : FbNode
{
    public string Value { get; } = value;
}

/// <summary>
/// Serialises FlatBuffers front to back: each object is written before the objects it refers to,
/// so every uoffset points forward, as the format requires; references are patched once known.
/// </summary>
public static class FlatBufferWriter
{
    public static byte[] Write(FbTable root, string identifier)
    {
        var buffer = new List<byte>(new byte[8]);
        for (int i = 0; i < 4; i++)
            buffer[4 + i] = (byte)identifier[i];
        var pending = new Queue<(int Slot, FbNode Node)>();
        pending.Enqueue((0, root));
        while (pending.Count > 0)
        {
            (int slot, FbNode node) = pending.Dequeue();
            int at = WriteNode(buffer, node, pending);
            Patch(buffer, slot, (uint)(at - slot));
        }
        return [.. buffer];
    }

    private static int WriteNode(List<byte> b, FbNode node, Queue<(int, FbNode)> pending)
    {
        switch (node)
        {
            case FbString s:
                Align(b, 4);
                int start = b.Count;
                byte[] text = Encoding.UTF8.GetBytes(s.Value);
                b.AddRange(BitConverter.GetBytes(text.Length));
                b.AddRange(text);
                b.Add(0);
                return start;
            case FbScalars v:
                // The length sits right before the first element, which must be aligned to its size.
                while ((b.Count + 4) % Math.Max(v.ElementSize, 4) != 0)
                    b.Add(0);
                int vector = b.Count;
                b.AddRange(BitConverter.GetBytes(v.Data.Length / v.ElementSize));
                b.AddRange(v.Data);
                return vector;
            case FbTables t:
                Align(b, 4);
                int list = b.Count;
                b.AddRange(BitConverter.GetBytes(t.Items.Count));
                for (int i = 0; i < t.Items.Count; i++)
                {
                    pending.Enqueue((b.Count, t.Items[i]));
                    b.AddRange(new byte[4]);
                }
                return list;
            case FbTable table:
                return WriteTable(b, table, pending);
            default:
                throw new ArgumentException($"unknown node {node.GetType().Name}");
        }
    }

    private static int WriteTable(List<byte> b, FbTable table, Queue<(int, FbNode)> pending)
    {
        int fieldCount = table.Fields.Count == 0 ? 0 : table.Fields.Keys.Max() + 1;
        // Lay the fields out after the 4-byte soffset, each aligned to its size (references are 4 bytes).
        var offsets = new ushort[fieldCount];
        int size = 4;
        foreach ((int field, object value) in table.Fields)
        {
            int width = value is byte[] bytes ? bytes.Length : 4;
            size = (size + width - 1) / width * width;
            offsets[field] = (ushort)size;
            size += width;
        }
        size = (size + 3) / 4 * 4;

        Align(b, 2);
        int vtable = b.Count;
        b.AddRange(BitConverter.GetBytes((ushort)(4 + 2 * fieldCount)));
        b.AddRange(BitConverter.GetBytes((ushort)size));
        foreach (ushort o in offsets)
            b.AddRange(BitConverter.GetBytes(o));
        Align(b, 8);
        int start = b.Count;
        b.AddRange(new byte[size]);
        Patch(b, start, (uint)(start - vtable));
        foreach ((int field, object value) in table.Fields)
        {
            if (value is byte[] bytes)
                for (int i = 0; i < bytes.Length; i++)
                    b[start + offsets[field] + i] = bytes[i];
            else
                pending.Enqueue((start + offsets[field], (FbNode)value));
        }
        return start;
    }

    private static void Align(List<byte> b, int alignment)
    {
        while (b.Count % alignment != 0)
            b.Add(0);
    }

    private static void Patch(List<byte> b, int at, uint value)
    {
        byte[] bytes = BitConverter.GetBytes(value);
        for (int i = 0; i < 4; i++)
            b[at + i] = bytes[i];
    }
}
