using System;
using System.Text;

namespace MobileNet.Generator.Reading;

/// <summary>
/// Reads FlatBuffers tables, vectors and strings by position, checking every offset and length
/// against the buffer, so that a hostile file can neither read out of bounds nor allocate more than
/// its own size. Positions are absolute byte offsets into the file.
/// </summary>
internal sealed class FlatBufferReader(byte[] buffer)
{
    /// <summary>
    /// Bytes of vectors and strings decoded so far. Offsets may point many tables at one vector, so a
    /// file could have the same megabytes decoded thousands of times; a converter writes each once, so
    /// twice the file (plus a little) is more than any real file needs.
    /// </summary>
    private long _decoded;

    public byte[] Buffer => buffer;

    /// <summary>The root table, after checking the 4-byte file identifier that follows the root offset.</summary>
    public int Root(string identifier)
    {
        if (buffer.Length < 8)
            throw new ModelFormatException($"the file has {buffer.Length} bytes; a FlatBuffer has at least 8");
        if (Encoding.ASCII.GetString(buffer, 4, 4) != identifier)
            throw new ModelFormatException($"the file identifier is not '{identifier}'");
        return Target(0);
    }

    /// <summary>Follows a uoffset stored at <paramref name="at"/>.</summary>
    private int Target(int at)
    {
        long target = (long)at + UInt32(at);
        if (target >= buffer.Length)
            throw new ModelFormatException($"an offset at byte {at} points past the end of the file");
        return (int)target;
    }

    /// <summary>The position of field <paramref name="field"/> of the table at <paramref name="table"/>, or −1 if absent.</summary>
    public int Field(int table, int field)
    {
        long vtable = (long)table - Int32(table);
        if (vtable < 0 || vtable + 4 > buffer.Length)
            throw new ModelFormatException($"the table at byte {table} has its vtable outside the file");
        int vtableSize = UInt16((int)vtable), tableSize = UInt16((int)vtable + 2);
        if (vtableSize < 4 || vtableSize % 2 != 0 || vtable + vtableSize > buffer.Length || (long)table + tableSize > buffer.Length)
            throw new ModelFormatException($"the table at byte {table} has a damaged vtable");
        int slot = 4 + 2 * field;
        if (slot + 2 > vtableSize)
            return -1;
        int offset = UInt16((int)vtable + slot);
        if (offset == 0)
            return -1;
        if (offset >= tableSize)
            throw new ModelFormatException($"field {field} of the table at byte {table} lies outside the table");
        return table + offset;
    }

    public int Table(int table, int field) => Field(table, field) is var at and >= 0 ? Target(at) : -1;

    public int Int(int table, int field, int fallback = 0) => Field(table, field) is var at and >= 0 ? Int32(at) : fallback;

    public byte Byte(int table, int field, byte fallback = 0) => Field(table, field) is var at and >= 0 ? UInt8(at) : fallback;

    public float Float(int table, int field, float fallback = 0) => Field(table, field) is var at and >= 0 ? BitConverter.ToSingle(buffer, Check(at, 4)) : fallback;

    public string? String(int table, int field)
    {
        (int start, int length) = Decode(table, field, 1);
        return start < 0 ? null : Encoding.UTF8.GetString(buffer, start, length);
    }

    /// <summary>The first element's position and the element count of a vector field, or (−1, 0) if absent.</summary>
    public (int Start, int Length) Vector(int table, int field, int elementSize)
    {
        int at = Table(table, field);
        if (at < 0)
            return (-1, 0);
        uint length = UInt32(at);
        if (length > (buffer.Length - (long)at - 4) / elementSize)
            throw new ModelFormatException($"a vector of {length} elements at byte {at} runs past the end of the file");
        return (at + 4, (int)length);
    }

    /// <summary>The position of table element <paramref name="index"/> of a vector of tables.</summary>
    public int TableAt(int start, int index) => Target(start + 4 * index);

    /// <summary>An int vector of at most <paramref name="limit"/> elements (checked before it is read).</summary>
    public int[] Ints(int table, int field, int limit, string what)
    {
        (int start, int length) = Decode(table, field, 4);
        ModelLimits.Check(length, limit, what);
        var values = new int[Math.Max(length, 0)];
        for (int i = 0; i < values.Length; i++)
            values[i] = Int32(start + 4 * i);
        return values;
    }

    public long[] Longs(int table, int field)
    {
        (int start, int length) = Decode(table, field, 8);
        var values = new long[Math.Max(length, 0)];
        for (int i = 0; i < values.Length; i++)
            values[i] = BitConverter.ToInt64(buffer, start + 8 * i);
        return values;
    }

    public float[] Floats(int table, int field)
    {
        (int start, int length) = Decode(table, field, 4);
        var values = new float[Math.Max(length, 0)];
        for (int i = 0; i < values.Length; i++)
            values[i] = BitConverter.ToSingle(buffer, start + 4 * i);
        return values;
    }

    /// <summary>A vector about to be decoded into memory, counted against the decoding budget.</summary>
    private (int Start, int Length) Decode(int table, int field, int elementSize)
    {
        (int start, int length) = Vector(table, field, elementSize);
        _decoded += (long)length * elementSize;
        ModelLimits.Check(_decoded, 2L * buffer.Length + (64 << 10), "bytes of vectors and strings decoded (tables that share data)");
        return (start, length);
    }

    private int Check(int at, int size)
    {
        if (at < 0 || (long)at + size > buffer.Length)
            throw new ModelFormatException($"a {size}-byte value at byte {at} lies outside the file");
        return at;
    }

    private byte UInt8(int at) => buffer[Check(at, 1)];

    private int UInt16(int at) => BitConverter.ToUInt16(buffer, Check(at, 2));

    private int Int32(int at) => BitConverter.ToInt32(buffer, Check(at, 4));

    private uint UInt32(int at) => BitConverter.ToUInt32(buffer, Check(at, 4));
}
