using System.Collections.Generic;
using System.Linq;

namespace MobileNet.Fuzz.Onnx;

/// <summary>
/// One protobuf field as read from the seed. Payload arrays are shared between clones and never
/// written to: a mutation replaces them, so cloning a tree for a case copies no weight data.
/// </summary>
internal sealed class ProtoField(int number, int wireType)
{
    public int Number { get; set; } = number;
    public int WireType { get; } = wireType;
    /// <summary>A varint's value, or a fixed32/fixed64 field's bits.</summary>
    public ulong Scalar { get; set; }
    /// <summary>A length-delimited field's bytes, unless it is parsed as a message or a packed list.</summary>
    public byte[] Bytes { get; set; } = [];
    public ProtoMessage? Message { get; set; }
    public List<long>? Varints { get; set; }
    /// <summary>Written in the key instead of the real wire type (the payload keeps its real encoding).</summary>
    public int? WireTypeLie { get; set; }
    /// <summary>Written as the length prefix instead of the real length.</summary>
    public ulong? LengthLie { get; set; }

    public ProtoField Clone() => new(Number, WireType)
    {
        Scalar = Scalar, Bytes = Bytes, Message = Message?.Clone(), Varints = Varints?.ToList(), WireTypeLie = WireTypeLie, LengthLie = LengthLie,
    };
}

/// <summary>A parsed message: its fields in file order.</summary>
internal sealed class ProtoMessage(Message kind, List<ProtoField> fields)
{
    public Message Kind { get; } = kind;
    public List<ProtoField> Fields { get; } = fields;

    public ProtoMessage Clone() => new(Kind, Fields.Select(f => f.Clone()).ToList());

    public IEnumerable<ProtoField> All(int number) => Fields.Where(f => f.Number == number);

    /// <summary>Every field of this message and of its submessages, each with the message that holds it.</summary>
    public IEnumerable<(ProtoMessage Owner, ProtoField Field)> Walk()
    {
        foreach (ProtoField field in Fields)
        {
            yield return (this, field);
            if (field.Message is { } child)
                foreach (var inner in child.Walk())
                    yield return inner;
        }
    }
}
