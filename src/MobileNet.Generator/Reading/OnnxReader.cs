using System;
using System.Collections.Generic;
using System.Threading;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Reading;

/// <summary>
/// Reads the ONNX protobuf subset that exporters write (onnx.proto: ModelProto, GraphProto, NodeProto,
/// AttributeProto, TensorProto, ValueInfoProto). Unknown fields are skipped, as protobuf requires. Every
/// count is checked against <see cref="ModelLimits"/> and against the bytes present before anything is
/// allocated for it, so no tensor is larger than its file; names shown in messages are sanitised here.
/// </summary>
internal sealed class OnnxReader
{
    private readonly CancellationToken _cancellationToken;
    /// <summary>Float elements of all tensors read so far, against <see cref="ModelLimits.Weights"/>.</summary>
    private long _weights;
    /// <summary>Node inputs, outputs and attributes read so far, against <see cref="ModelLimits.References"/>.</summary>
    private long _references;

    private OnnxReader(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>Reads a model; on a damaged file returns null and says why in <paramref name="error"/>.</summary>
    /// <exception cref="ModelLimitException">The file is past one of the <see cref="ModelLimits"/>.</exception>
    public static OnnxModel? TryRead(byte[] bytes, out string? error, CancellationToken cancellationToken = default)
    {
        try
        {
            error = null;
            return new OnnxReader(cancellationToken).ReadModel(new ProtobufReader(bytes));
        }
        catch (ModelFormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private OnnxModel ReadModel(ProtobufReader reader)
    {
        string producer = "";
        long opset = 0;
        ProtobufReader? graph = null;
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch (field)
            {
                // A producer's start says which program wrote the file: it is cut at the end, not around the middle as names are.
                case 2 when wire == ProtobufReader.LengthDelimited: producer = DisplayText.Clean(reader.ReadString(), DisplayText.NameLength); break;
                case 7 when wire == ProtobufReader.LengthDelimited: graph = reader.ReadMessage(); break;
                case 8 when wire == ProtobufReader.LengthDelimited: opset = Math.Max(opset, ReadOpset(reader.ReadMessage())); break;
                default: reader.Skip(wire); break;
            }
        }
        if (graph is null)
            throw new ModelFormatException("the file has no graph (is it an ONNX model?)");
        return ReadGraph(graph.Value, producer, opset);
    }

    private static long ReadOpset(ProtobufReader reader)
    {
        string domain = "";
        long version = 0;
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (field == 1 && wire == ProtobufReader.LengthDelimited) domain = reader.ReadString();
            else if (field == 2 && wire == ProtobufReader.Varint) version = reader.ReadInt64();
            else reader.Skip(wire);
        }
        return domain is "" or "ai.onnx" ? version : 0;
    }

    private OnnxModel ReadGraph(ProtobufReader reader, string producer, long opset)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        int initializerCount = 0; // counted as read: a repeated name replaces an entry, but its tensor was read all the same
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        while (reader.TryReadTag(out int field, out int wire))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (wire != ProtobufReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }
            switch (field)
            {
                case 1:
                    ModelLimits.Check(nodes.Count + 1L, ModelLimits.Nodes, "nodes in the graph");
                    nodes.Add(ReadNode(reader.ReadMessage()));
                    break;
                case 5:
                    ModelLimits.Check(++initializerCount, ModelLimits.Tensors, "initializers in the graph");
                    OnnxTensor tensor = ReadTensor(reader.ReadMessage());
                    initializers[tensor.Name] = tensor;
                    break;
                case 11:
                    ModelLimits.Check(inputs.Count + 1L, ModelLimits.Tensors, "inputs of the graph");
                    inputs.Add(ReadValueInfo(reader.ReadMessage()));
                    break;
                case 12:
                    ModelLimits.Check(outputs.Count + 1L, ModelLimits.Tensors, "outputs of the graph");
                    outputs.Add(ReadValueInfo(reader.ReadMessage()));
                    break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxModel(producer, opset, nodes, initializers, inputs, outputs);
    }

    private OnnxNode ReadNode(ProtobufReader reader)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        string name = "", opType = "";
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (wire != ProtobufReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }
            switch (field)
            {
                case 1: Add(inputs, reader.ReadString()); break;
                case 2: Add(outputs, reader.ReadString()); break;
                case 3: name = DisplayText.Name(reader.ReadString()); break;
                case 4: opType = DisplayText.Name(reader.ReadString()); break;
                case 5:
                    ModelLimits.Check(++_references, ModelLimits.References, "node inputs, outputs and attributes in the graph");
                    OnnxAttribute attribute = ReadAttribute(reader.ReadMessage());
                    attributes[attribute.Name] = attribute;
                    break;
                default: reader.Skip(wire); break;
            }
        }
        if (outputs.Count == 0 || outputs[0].Length == 0)
            throw new ModelFormatException($"node '{(name.Length > 0 ? name : opType)}' ({opType}) has no output");
        return new OnnxNode(name, opType, inputs.ToArray(), outputs.ToArray(), attributes);
    }

    private void Add(List<string> names, string name)
    {
        ModelLimits.Check(++_references, ModelLimits.References, "node inputs, outputs and attributes in the graph");
        names.Add(name);
    }

    private OnnxAttribute ReadAttribute(ProtobufReader reader)
    {
        string name = "";
        long integer = 0;
        float single = 0;
        string? text = null;
        OnnxTensor? tensor = null;
        var ints = new List<long>();
        var floats = new List<float>();
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch (field)
            {
                case 1 when wire == ProtobufReader.LengthDelimited: name = reader.ReadString(); break;
                case 2 when wire == ProtobufReader.Fixed32: single = reader.ReadFixed32Float(); break;
                case 3 when wire == ProtobufReader.Varint: integer = reader.ReadInt64(); break;
                case 4 when wire == ProtobufReader.LengthDelimited: text = reader.ReadString(); break;
                case 5 when wire == ProtobufReader.LengthDelimited: tensor = ReadTensor(reader.ReadMessage()); break;
                case 7: reader.ReadRepeatedFloat(wire, floats, ModelLimits.ListLength, "values in one attribute"); break;
                case 8: reader.ReadRepeatedInt64(wire, ints, ModelLimits.ListLength, "values in one attribute"); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxAttribute(name, integer, single, text, ints.ToArray(), floats.ToArray(), tensor);
    }

    /// <summary>
    /// Two passes over the tensor's message: the first finds its shape, type and raw data; the second
    /// decodes typed data into an array of exactly the checked element count.
    /// </summary>
    private OnnxTensor ReadTensor(ProtobufReader reader)
    {
        ProtobufReader data = reader;
        int messageBytes = reader.Remaining;
        var dims = new List<long>();
        int dataType = 0;
        string name = "";
        (int Offset, int Length)? raw = null;
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch (field)
            {
                case 1: reader.ReadRepeatedInt64(wire, dims, ModelLimits.Rank, "dimensions of one tensor"); break;
                case 2 when wire == ProtobufReader.Varint: dataType = (int)reader.ReadInt64(); break;
                case 8 when wire == ProtobufReader.LengthDelimited: name = reader.ReadString(); break;
                case 9 when wire == ProtobufReader.LengthDelimited: raw = reader.ReadSpan(); break;
                case 13: throw new ModelFormatException($"tensor '{DisplayText.Name(name)}' keeps its data in an external file; re-export the model with the weights inside the .onnx file");
                default: reader.Skip(wire); break;
            }
        }

        // Dimensions past int32 cannot be real; capping the product at 2^31 keeps it exact where it matters and free of overflow.
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0 || d > int.MaxValue)
                throw new ModelFormatException($"tensor '{DisplayText.Name(name)}' has an invalid dimension {d}");
            count = Math.Min(count * d, 1L << 31);
        }
        // Every encoding the generator decodes spends at least one byte per element, so a count past the message's size is a lie.
        if (dataType is OnnxTensor.Float or OnnxTensor.Double or OnnxTensor.Int32 or OnnxTensor.Int64 && count > messageBytes)
            throw new ModelFormatException($"tensor '{DisplayText.Name(name)}' has shape {Shape(dims)}, more elements than its {messageBytes} bytes can hold");

        float[]? floats = null;
        long[]? ints = null;
        switch (dataType)
        {
            case OnnxTensor.Float:
                CountWeights(count);
                floats = raw is { } r ? RawFloats(reader.Buffer, r, count, name) : Values(data, count, name, 4, 4, ProtobufReader.Fixed32, static (ref ProtobufReader p) => p.ReadFixed32Float());
                break;
            case OnnxTensor.Double:
                CountWeights(count);
                floats = raw is { } rd ? RawDoubles(reader.Buffer, rd, count, name) : Values(data, count, name, 10, 10, ProtobufReader.Fixed64, static (ref ProtobufReader p) => (float)p.ReadFixed64Double());
                break;
            case OnnxTensor.Int64:
            case OnnxTensor.Int32:
                ModelLimits.Check(count, ModelLimits.IntegerValues, $"values in the integer tensor '{DisplayText.Name(name)}'");
                // int32_data (5) and int64_data (7) are both varints.
                ints = raw is { } ri ? RawInts(reader.Buffer, ri, count, dataType == OnnxTensor.Int64 ? 8 : 4, name) : Values(data, count, name, 5, 7, ProtobufReader.Varint, static (ref ProtobufReader p) => p.ReadInt64());
                break;
        }
        return new OnnxTensor(name, dims.ToArray(), dataType, floats, ints);
    }

    private void CountWeights(long count)
    {
        _weights += count;
        ModelLimits.Check(_weights, ModelLimits.Weights, "weights in the file");
    }

    private delegate T Element<T>(ref ProtobufReader reader);

    /// <summary>The typed data of a tensor (repeated fields <paramref name="field"/> or <paramref name="otherField"/>, packed or not): exactly <paramref name="count"/> values.</summary>
    private static T[] Values<T>(ProtobufReader data, long count, string name, int field, int otherField, int elementWire, Element<T> read)
    {
        var values = new T[count];
        int n = 0;
        while (data.TryReadTag(out int f, out int wire))
        {
            if (f != field && f != otherField)
            {
                data.Skip(wire);
                continue;
            }
            if (wire == ProtobufReader.LengthDelimited)
            {
                ProtobufReader packed = data.ReadMessage();
                while (!packed.AtEnd)
                    Put(read(ref packed));
            }
            else
            {
                data.Expect(wire, elementWire);
                Put(read(ref data));
            }
        }
        if (n != count)
            throw new ModelFormatException($"tensor '{DisplayText.Name(name)}' has {count} elements but holds {n} values");
        return values;

        void Put(T value)
        {
            if (n == values.Length)
                throw new ModelFormatException($"tensor '{DisplayText.Name(name)}' has {count} elements but holds more values");
            values[n++] = value;
        }
    }

    private static void CheckRawLength((int Offset, int Length) raw, long count, int elementSize, string name)
    {
        if (raw.Length != count * elementSize)
            throw new ModelFormatException($"tensor '{DisplayText.Name(name)}' has {count} elements but {raw.Length} bytes of raw data (expected {count * elementSize})");
    }

    private static float[] RawFloats(byte[] buffer, (int Offset, int Length) raw, long count, string name)
    {
        CheckRawLength(raw, count, 4, name);
        var values = new float[count];
        System.Buffer.BlockCopy(buffer, raw.Offset, values, 0, raw.Length);
        return values;
    }

    private static float[] RawDoubles(byte[] buffer, (int Offset, int Length) raw, long count, string name)
    {
        CheckRawLength(raw, count, 8, name);
        var values = new float[count];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)BitConverter.ToDouble(buffer, raw.Offset + 8 * i);
        return values;
    }

    private static long[] RawInts(byte[] buffer, (int Offset, int Length) raw, long count, int elementSize, string name)
    {
        CheckRawLength(raw, count, elementSize, name);
        var values = new long[count];
        for (int i = 0; i < values.Length; i++)
            values[i] = elementSize == 8 ? BitConverter.ToInt64(buffer, raw.Offset + i * 8) : BitConverter.ToInt32(buffer, raw.Offset + i * 4);
        return values;
    }

    private static OnnxValueInfo ReadValueInfo(ProtobufReader reader)
    {
        string name = "";
        int elementType = 0;
        var shape = new List<long>();
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (field == 1 && wire == ProtobufReader.LengthDelimited)
                name = reader.ReadString();
            else if (field == 2 && wire == ProtobufReader.LengthDelimited)
                ReadType(reader.ReadMessage(), ref elementType, shape);
            else
                reader.Skip(wire);
        }
        return new OnnxValueInfo(name, elementType, shape.ToArray());
    }

    // TypeProto.tensor_type (1) → TypeProto.Tensor { elem_type (1), shape (2) → TensorShapeProto { dim (1) { dim_value (1) | dim_param (2) } } }
    private static void ReadType(ProtobufReader type, ref int elementType, List<long> shape)
    {
        while (type.TryReadTag(out int field, out int wire))
        {
            if (field != 1 || wire != ProtobufReader.LengthDelimited)
            {
                type.Skip(wire);
                continue;
            }
            ProtobufReader tensor = type.ReadMessage();
            while (tensor.TryReadTag(out int tf, out int tw))
            {
                if (tf == 1 && tw == ProtobufReader.Varint)
                    elementType = (int)tensor.ReadInt64();
                else if (tf == 2 && tw == ProtobufReader.LengthDelimited)
                    ReadShape(tensor.ReadMessage(), shape);
                else
                    tensor.Skip(tw);
            }
        }
    }

    private static void ReadShape(ProtobufReader reader, List<long> shape)
    {
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (field != 1 || wire != ProtobufReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }
            ProtobufReader dim = reader.ReadMessage();
            long value = -1;
            while (dim.TryReadTag(out int df, out int dw))
            {
                if (df == 1 && dw == ProtobufReader.Varint) value = dim.ReadInt64();
                else dim.Skip(dw);
            }
            ModelLimits.Check(shape.Count + 1L, ModelLimits.Rank, "dimensions of one graph input or output");
            shape.Add(value);
        }
    }

    private static string Shape(List<long> dims) => "[" + string.Join(",", dims) + "]";
}
