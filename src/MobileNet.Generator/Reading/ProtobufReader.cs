using System;
using System.Text;

namespace MobileNet.Generator.Reading;

/// <summary>
/// A reader for the protobuf wire format over one message's bytes. Every length is checked against
/// what is left of the message, so a hostile file can neither read out of bounds nor make us allocate
/// more than its own size.
/// </summary>
internal struct ProtobufReader(byte[] buffer, int start, int end)
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    private int _position = start;

    public ProtobufReader(byte[] buffer) : this(buffer, 0, buffer.Length) { }

    public readonly bool AtEnd => _position >= end;

    public readonly int Position => _position;

    /// <summary>Bytes left in this message.</summary>
    public readonly int Remaining => end - _position;

    /// <summary>Reads a field key; returns false at the end of the message.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        field = wireType = 0;
        if (AtEnd)
            return false;
        ulong key = ReadVarint();
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        if (field <= 0 || key >> 3 > int.MaxValue)
            throw new ModelFormatException($"invalid protobuf field number at byte {_position}");
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (_position >= end)
                throw Truncated("a varint");
            byte b = buffer[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
        throw new ModelFormatException($"a varint longer than 10 bytes ends at byte {_position}");
    }

    public long ReadInt64() => (long)ReadVarint();

    public float ReadFixed32Float()
    {
        if (end - _position < 4)
            throw Truncated("a 32-bit value");
        float value = BitConverter.ToSingle(buffer, _position);
        _position += 4;
        return value;
    }

    public double ReadFixed64Double()
    {
        if (end - _position < 8)
            throw Truncated("a 64-bit value");
        double value = BitConverter.ToDouble(buffer, _position);
        _position += 8;
        return value;
    }

    /// <summary>Reads a length prefix and returns a reader over just those bytes.</summary>
    public ProtobufReader ReadMessage()
    {
        (int offset, int length) = ReadSpan();
        return new ProtobufReader(buffer, offset, offset + length);
    }

    public (int Offset, int Length) ReadSpan()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(end - _position))
            throw Truncated($"a field of {length} bytes");
        int offset = _position;
        _position += (int)length;
        return (offset, (int)length);
    }

    public string ReadString()
    {
        (int offset, int length) = ReadSpan();
        return Encoding.UTF8.GetString(buffer, offset, length);
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: Advance(8); break;
            case LengthDelimited: ReadSpan(); break;
            case Fixed32: Advance(4); break;
            default: throw new ModelFormatException($"unknown protobuf wire type {wireType} at byte {_position}");
        }
    }

    /// <summary>Reads a repeated int64 field in either encoding (packed, or one value per key), at most <paramref name="limit"/> values in all.</summary>
    public void ReadRepeatedInt64(int wireType, System.Collections.Generic.List<long> into, int limit, string what)
    {
        if (wireType == Varint)
        {
            Add(into, ReadInt64(), limit, what);
            return;
        }
        Expect(wireType, LengthDelimited);
        ProtobufReader packed = ReadMessage();
        while (!packed.AtEnd)
            Add(into, packed.ReadInt64(), limit, what);
    }

    /// <summary>Reads a repeated float field in either encoding, at most <paramref name="limit"/> values in all.</summary>
    public void ReadRepeatedFloat(int wireType, System.Collections.Generic.List<float> into, int limit, string what)
    {
        if (wireType == Fixed32)
        {
            Add(into, ReadFixed32Float(), limit, what);
            return;
        }
        Expect(wireType, LengthDelimited);
        ProtobufReader packed = ReadMessage();
        while (!packed.AtEnd)
            Add(into, packed.ReadFixed32Float(), limit, what);
    }

    private static void Add<T>(System.Collections.Generic.List<T> into, T value, int limit, string what)
    {
        ModelLimits.Check(into.Count + 1L, limit, what);
        into.Add(value);
    }

    public readonly byte[] Buffer => buffer;

    public readonly void Expect(int wireType, int expected)
    {
        if (wireType != expected)
            throw new ModelFormatException($"wire type {wireType} where {expected} was expected, before byte {_position}");
    }

    private void Advance(int count)
    {
        if (end - _position < count)
            throw Truncated($"{count} bytes");
        _position += count;
    }

    private readonly ModelFormatException Truncated(string what) =>
        new($"the file is truncated: {what} at byte {_position} runs past the end of its message (byte {end})");
}
