using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MobileNet.Fuzz.Mutation;

namespace MobileNet.Fuzz.Onnx;

/// <summary>
/// Mutates an ONNX model as a protobuf field tree: lengths and wire types that lie, fields duplicated,
/// removed and reordered, nodes rewired into cycles and branches, integers, floats and strings replaced
/// by hostile values, tensors renamed everywhere (so the network still binds and the names reach the
/// emitted code). Then the tree is written back and, for a share of the mutations, hit with byte mutations.
/// </summary>
internal sealed class OnnxMutator(byte[] seed) : IMutator
{
    private readonly ProtoMessage _seed = ProtoCodec.Parse(seed);

    public Mutant Mutate(Rng rng)
    {
        ProtoMessage model = _seed.Clone();
        var log = new List<string>();
        int generic = Stacking.Structural(rng, log, () => Structural(model, rng));
        var hot = new List<int>();
        byte[] bytes = ProtoCodec.Write(model, hot);
        // Byte mutations come last: they act on the written file, whose structure the tree no longer describes.
        for (int i = 0; i < generic; i++)
            log.Add(ByteMutator.Mutate(ref bytes, hot, rng));
        return new Mutant(bytes, log);
    }

    private static string Structural(ProtoMessage model, Rng rng) => rng.Next(20) switch
    {
        < 3 => Rename(model, rng),
        < 5 => ReplaceString(model, rng),
        < 8 => ReplaceInteger(model, rng),
        < 10 => ReplaceFloat(model, rng),
        < 13 => Rewire(model, rng),
        < 15 => LieAboutLength(model, rng),
        15 => LieAboutWireType(model, rng),
        16 => Duplicate(model, rng),
        17 => Remove(model, rng),
        18 => Reorder(model, rng),
        _ => ResizeData(model, rng),
    };

    /// <summary>The graph, or an empty stand-in once an earlier mutation removed it (then graph mutations change nothing).</summary>
    private static ProtoMessage Graph(ProtoMessage model) =>
        model.All(OnnxSchema.ModelGraph).FirstOrDefault()?.Message ?? new ProtoMessage(Message.Graph, []);

    private static List<ProtoMessage> Nodes(ProtoMessage model) => Graph(model).All(OnnxSchema.GraphNode).Select(f => f.Message!).ToList();

    private static string Show(byte[] text) => Show(Encoding.UTF8.GetString(text));

    private static string Show(string text) =>
        text.Length > 40 ? $"{text.Length} chars starting '{Escape(text[..20])}'" : $"'{Escape(text)}'";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 0x20 || c is '\u0085' or '\u2028' or '\u2029' or '\u202E' or '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>Renames a node's output everywhere it appears, or a node, or the producer: the graph stays intact.</summary>
    private static string Rename(ProtoMessage model, Rng rng)
    {
        byte[] name = Interesting.TextBytes(rng);
        List<ProtoMessage> nodes = Nodes(model);
        if (nodes.Count == 0)
            return "rename: (no nodes)";
        ProtoMessage node = rng.Pick(nodes);
        switch (rng.Next(4))
        {
            case 0:
                Set(model.Fields, 2, name);
                return $"rename: producer_name := {Show(name)}";
            case 1:
                Set(node.Fields, 3, name);
                return $"rename: node {nodes.IndexOf(node)} name := {Show(name)}";
            default:
                ProtoField? output = node.All(OnnxSchema.NodeOutput).FirstOrDefault();
                if (output is null)
                    return "rename: (the node has no output)";
                byte[] old = output.Bytes;
                int renamed = 0;
                foreach ((ProtoMessage owner, ProtoField field) in model.Walk())
                    if (IsTensorName(owner, field) && field.Bytes.AsSpan().SequenceEqual(old))
                    {
                        field.Bytes = name;
                        renamed++;
                    }
                return $"rename: tensor {Show(old)} := {Show(name)} ({renamed} places)";
        }
    }

    private static bool IsTensorName(ProtoMessage owner, ProtoField field) => (owner.Kind, field.Number) is
        (Message.Node, OnnxSchema.NodeInput or OnnxSchema.NodeOutput) or (Message.Tensor, OnnxSchema.TensorName) or (Message.ValueInfo, OnnxSchema.ValueInfoName);

    private static void Set(List<ProtoField> fields, int number, byte[] value)
    {
        ProtoField? field = fields.FirstOrDefault(f => f.Number == number && f.WireType == 2);
        if (field is null)
            fields.Add(field = new ProtoField(number, 2));
        field.Bytes = value;
    }

    private static string ReplaceString(ProtoMessage model, Rng rng)
    {
        var strings = model.Walk().Where(p => p.Field.WireType == 2 && OnnxSchema.Kind(p.Owner.Kind, p.Field.Number) == Payload.String).ToList();
        (ProtoMessage owner, ProtoField field) = rng.Pick(strings);
        byte[] old = field.Bytes;
        // Another string of the same model is often more dangerous than noise: an op type in a name's place, a name in an op type's.
        field.Bytes = rng.Chance(0.5) ? Interesting.TextBytes(rng) : rng.Pick(strings).Field.Bytes;
        return $"string: {owner.Kind}.{field.Number} {Show(old)} := {Show(field.Bytes)}";
    }

    private static string ReplaceInteger(ProtoMessage model, Rng rng)
    {
        long value = Interesting.Integer(rng);
        if (rng.Chance(0.5))
        {
            var lists = model.Walk().Where(p => p.Field.Varints is { Count: > 0 }).ToList();
            if (lists.Count > 0)
            {
                (ProtoMessage owner, ProtoField field) = rng.Pick(lists);
                int index = rng.Next(field.Varints!.Count);
                long old = field.Varints[index];
                field.Varints[index] = value;
                return $"integer: {owner.Kind}.{field.Number}[{index}] {old} := {value}";
            }
        }
        var scalars = model.Walk().Where(p => p.Field.WireType == 0).ToList();
        (ProtoMessage o, ProtoField f) = rng.Pick(scalars);
        long was = (long)f.Scalar;
        f.Scalar = (ulong)value;
        return $"integer: {o.Kind}.{f.Number} {was} := {value}";
    }

    private static string ReplaceFloat(ProtoMessage model, Rng rng)
    {
        float value = Interesting.Float(rng);
        var candidates = model.Walk().Where(p => p.Field.WireType == 5
            || p.Field.Bytes.Length >= 4 && (OnnxSchema.Kind(p.Owner.Kind, p.Field.Number) == Payload.PackedFloats || IsFloatRawData(p.Owner, p.Field))).ToList();
        if (candidates.Count == 0)
            return "float: (no float in the model)";
        (ProtoMessage owner, ProtoField field) = rng.Pick(candidates);
        if (field.WireType == 5)
        {
            field.Scalar = BitConverter.SingleToUInt32Bits(value);
            return $"float: {owner.Kind}.{field.Number} := {value}";
        }
        int index = rng.Next(field.Bytes.Length / 4);
        byte[] copy = (byte[])field.Bytes.Clone();
        BitConverter.TryWriteBytes(copy.AsSpan(4 * index), value);
        field.Bytes = copy;
        return $"float: {owner.Kind}.{field.Number} element {index} of {Name(owner)} := {value}";
    }

    private static bool IsFloatRawData(ProtoMessage owner, ProtoField field) =>
        owner.Kind == Message.Tensor && field.Number == OnnxSchema.TensorRawData && owner.All(OnnxSchema.TensorDataType).Any(f => f.Scalar == 1);

    private static string Name(ProtoMessage tensor) =>
        tensor.All(OnnxSchema.TensorName).FirstOrDefault() is { } name ? Show(name.Bytes) : "a tensor";

    /// <summary>Wires node outputs back into earlier inputs (cycles), or inputs to later or earlier tensors.</summary>
    private static string Rewire(ProtoMessage model, Rng rng)
    {
        List<ProtoMessage> nodes = Nodes(model);
        if (nodes.Count < 2)
            return "rewire: (too few nodes)";
        int k = rng.Next(1, nodes.Count), j = rng.Next(k);
        ProtoField? Input(int n) => nodes[n].All(OnnxSchema.NodeInput).FirstOrDefault();
        ProtoField? Output(int n) => nodes[n].All(OnnxSchema.NodeOutput).FirstOrDefault();
        if (Input(k) is not { } inputK || Output(k) is not { } outputK || Input(j) is not { } inputJ || Output(j) is not { } outputJ)
            return "rewire: (a node without inputs or outputs)";
        switch (rng.Next(5))
        {
            case 0:
                outputK.Bytes = inputK.Bytes;
                return $"rewire: node {k}'s output := its own input {Show(inputK.Bytes)} (cycle)";
            case 1:
                outputK.Bytes = inputJ.Bytes;
                return $"rewire: node {k}'s output := node {j}'s input {Show(inputJ.Bytes)} (cycle)";
            case 2:
                inputJ.Bytes = outputK.Bytes;
                return $"rewire: node {j}'s input := node {k}'s output {Show(outputK.Bytes)} (cycle)";
            case 3:
                inputK.Bytes = outputJ.Bytes;
                return $"rewire: node {k}'s input := node {j}'s output {Show(outputJ.Bytes)} (branch)";
            default:
                ProtoField? graphOutput = Graph(model).All(OnnxSchema.GraphOutput).FirstOrDefault()?.Message?.All(OnnxSchema.ValueInfoName).FirstOrDefault();
                if (graphOutput is null)
                    return "rewire: (no graph output)";
                graphOutput.Bytes = outputJ.Bytes;
                return $"rewire: the graph output := node {j}'s output {Show(outputJ.Bytes)}";
        }
    }

    private static readonly ulong[] Lengths = [0, 1, 0x7FFFFFFF, 0xFFFFFFFF, 1UL << 40, ulong.MaxValue];

    private static string LieAboutLength(ProtoMessage model, Rng rng)
    {
        (ProtoMessage owner, ProtoField field) = rng.Pick(model.Walk().Where(p => p.Field.WireType == 2).ToList());
        long real = ProtoCodec.ContentLength(field);
        // Off by a few bytes is as interesting as absurd: it makes the next field's key start mid-value.
        field.LengthLie = rng.Chance(0.5) ? rng.Pick(Lengths) : (ulong)Math.Max(0, real + rng.Next(-3, 4));
        return $"length: {owner.Kind}.{field.Number} claims {field.LengthLie} bytes of {real}";
    }

    private static string LieAboutWireType(ProtoMessage model, Rng rng)
    {
        (ProtoMessage owner, ProtoField field) = rng.Pick(model.Walk().ToList());
        field.WireTypeLie = (field.WireType + rng.Next(1, 8)) % 8;
        return $"wire type: {owner.Kind}.{field.Number} {field.WireType} := {field.WireTypeLie}";
    }

    /// <summary>A message to change: the graph half the time (nodes, initializers, inputs), else any message.</summary>
    private static ProtoMessage Owner(ProtoMessage model, Rng rng)
    {
        if (rng.Chance(0.5))
            return Graph(model);
        List<ProtoMessage> messages = [model, .. model.Walk().Where(p => p.Field.Message is { Fields.Count: > 0 }).Select(p => p.Field.Message!)];
        return rng.Pick(messages);
    }

    private static string Duplicate(ProtoMessage model, Rng rng)
    {
        ProtoMessage owner = Owner(model, rng);
        if (owner.Fields.Count == 0)
            return "duplicate: (an empty message)";
        ProtoField field = rng.Pick(owner.Fields);
        int at = rng.Next(owner.Fields.Count + 1);
        owner.Fields.Insert(at, field.Clone());
        return $"duplicate: {owner.Kind}.{field.Number} again at position {at}";
    }

    private static string Remove(ProtoMessage model, Rng rng)
    {
        ProtoMessage owner = Owner(model, rng);
        if (owner.Fields.Count == 0)
            return "remove: (an empty message)";
        int at = rng.Next(owner.Fields.Count);
        int number = owner.Fields[at].Number;
        owner.Fields.RemoveAt(at);
        return $"remove: {owner.Kind}.{number} at position {at}";
    }

    private static string Reorder(ProtoMessage model, Rng rng)
    {
        List<ProtoField> fields = Graph(model).Fields;
        List<int> nodes = Enumerable.Range(0, fields.Count).Where(i => fields[i].Number == OnnxSchema.GraphNode).ToList();
        if (nodes.Count == 0)
            return "reorder: (no nodes)";
        switch (rng.Next(3))
        {
            case 0:
                int a = rng.Pick(nodes), b = rng.Pick(nodes);
                (fields[a], fields[b]) = (fields[b], fields[a]);
                return $"reorder: swap graph fields {a} and {b} (nodes)";
            case 1:
                List<ProtoField> reversed = nodes.Select(i => fields[i]).Reverse().ToList();
                for (int i = 0; i < nodes.Count; i++)
                    fields[nodes[i]] = reversed[i];
                return "reorder: nodes reversed";
            default:
                // Value infos, inputs and outputs before or among the nodes.
                int from = rng.Next(fields.Count), to = rng.Next(fields.Count);
                ProtoField moved = fields[from];
                fields.RemoveAt(from);
                fields.Insert(to, moved);
                return $"reorder: graph field {from} (Graph.{moved.Number}) moved to {to}";
        }
    }

    /// <summary>Weight data of the wrong size, or none: the reader must compare it with the dims.</summary>
    private static string ResizeData(ProtoMessage model, Rng rng)
    {
        var data = model.Walk().Where(p => p.Owner.Kind == Message.Tensor && p.Field.WireType == 2 && p.Field.Number is OnnxSchema.TensorRawData or 4).ToList();
        if (data.Count == 0)
            return "resize: (no tensor data)";
        (ProtoMessage tensor, ProtoField field) = rng.Pick(data);
        int length = field.Bytes.Length;
        int size = rng.Next(4) switch { 0 => 0, 1 => Math.Max(0, length - 4), 2 => length + 4, _ => Math.Max(0, length - 1) };
        byte[] resized = new byte[size];
        field.Bytes.AsSpan(0, Math.Min(length, size)).CopyTo(resized);
        field.Bytes = resized;
        return $"resize: data of {Name(tensor)} {length} := {size} bytes";
    }
}
