using System;
using System.Collections.Generic;
using System.IO;

namespace MobileNet.Fuzz.Onnx;

/// <summary>
/// Parses protobuf bytes into a <see cref="ProtoMessage"/> tree with the ONNX schema's help, and writes
/// a (mutated) tree back, noting where the structural bytes (keys, lengths, scalars, short strings) land.
/// </summary>
internal static class ProtoCodec
{
    public static ProtoMessage Parse(byte[] bytes) => Parse(bytes, 0, bytes.Length, Message.Model);

    private static ProtoMessage Parse(byte[] bytes, int start, int end, Message kind)
    {
        var fields = new List<ProtoField>();
        int at = start;
        while (at < end)
        {
            ulong key = ReadVarint(bytes, ref at);
            var field = new ProtoField((int)(key >> 3), (int)(key & 7));
            switch (field.WireType)
            {
                case 0: field.Scalar = ReadVarint(bytes, ref at); break;
                case 1: field.Scalar = BitConverter.ToUInt64(bytes, at); at += 8; break;
                case 5: field.Scalar = BitConverter.ToUInt32(bytes, at); at += 4; break;
                case 2:
                    int length = checked((int)ReadVarint(bytes, ref at));
                    ReadPayload(field, bytes, at, length, kind);
                    at += length;
                    break;
                default: throw new InvalidDataException($"the seed has wire type {field.WireType} at byte {at}; seeds must be well-formed");
            }
            fields.Add(field);
        }
        return new ProtoMessage(kind, fields);
    }

    private static void ReadPayload(ProtoField field, byte[] bytes, int at, int length, Message kind)
    {
        switch (OnnxSchema.Kind(kind, field.Number))
        {
            case Payload.Message:
                field.Message = Parse(bytes, at, at + length, OnnxSchema.Child(kind, field.Number)!.Value);
                break;
            case Payload.PackedVarints:
                field.Varints = [];
                for (int p = at; p < at + length;)
                    field.Varints.Add((long)ReadVarint(bytes, ref p));
                break;
            default:
                field.Bytes = bytes.AsSpan(at, length).ToArray();
                break;
        }
    }

    private static ulong ReadVarint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }

    /// <summary>Writes the tree; <paramref name="hot"/> receives the positions of its structural bytes.</summary>
    public static byte[] Write(ProtoMessage message, List<int> hot)
    {
        var output = new MemoryStream();
        Write(output, message, hot);
        return output.ToArray();
    }

    private const int ShortString = 64;

    private static void Write(MemoryStream output, ProtoMessage message, List<int> hot)
    {
        foreach (ProtoField field in message.Fields)
        {
            Hot(output, hot, () => WriteVarint(output, (ulong)field.Number << 3 | (uint)(field.WireTypeLie ?? field.WireType)));
            switch (field.WireType)
            {
                case 0: Hot(output, hot, () => WriteVarint(output, field.Scalar)); break;
                case 1: Hot(output, hot, () => output.Write(BitConverter.GetBytes(field.Scalar))); break;
                case 5: Hot(output, hot, () => output.Write(BitConverter.GetBytes((uint)field.Scalar))); break;
                default:
                    long length = ContentLength(field);
                    Hot(output, hot, () => WriteVarint(output, field.LengthLie ?? (ulong)length));
                    if (field.Message is { } child)
                        Write(output, child, hot);
                    else if (field.Varints is { } varints)
                        Hot(output, hot, () => varints.ForEach(v => WriteVarint(output, (ulong)v)));
                    else if (field.Bytes.Length <= ShortString)
                        Hot(output, hot, () => output.Write(field.Bytes));
                    else
                        output.Write(field.Bytes);
                    break;
            }
        }
    }

    private static void Hot(MemoryStream output, List<int> hot, Action write)
    {
        long start = output.Position;
        write();
        for (long p = start; p < output.Position; p++)
            hot.Add((int)p);
    }

    /// <summary>The real length of a length-delimited field's content, whatever its prefix claims.</summary>
    public static long ContentLength(ProtoField field)
    {
        if (field.Message is { } child)
        {
            long total = 0;
            foreach (ProtoField f in child.Fields)
                total += FieldLength(f);
            return total;
        }
        if (field.Varints is { } varints)
        {
            long total = 0;
            foreach (long v in varints)
                total += VarintLength((ulong)v);
            return total;
        }
        return field.Bytes.Length;
    }

    private static long FieldLength(ProtoField field)
    {
        long key = VarintLength((ulong)field.Number << 3 | (uint)(field.WireTypeLie ?? field.WireType));
        return key + field.WireType switch
        {
            0 => VarintLength(field.Scalar),
            1 => 8,
            5 => 4,
            _ => VarintLength(field.LengthLie ?? (ulong)ContentLength(field)) + ContentLength(field),
        };
    }

    private static int VarintLength(ulong value)
    {
        int length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }

    private static void WriteVarint(MemoryStream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }
}
