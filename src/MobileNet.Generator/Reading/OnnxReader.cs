using System;
using System.Collections.Generic;

namespace MobileNet.Generator.Reading;

/// <summary>
/// Reads the ONNX protobuf subset that exporters write (onnx.proto: ModelProto, GraphProto, NodeProto,
/// AttributeProto, TensorProto, ValueInfoProto). Unknown fields are skipped, as protobuf requires.
/// </summary>
internal static class OnnxReader
{
    // Dimension products beyond this cannot be a MobileNet tensor; refusing them bounds every allocation.
    private const long MaxElements = 1L << 28;

    /// <summary>Reads a model; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static OnnxModel? TryRead(byte[] bytes, out string? error)
    {
        try
        {
            error = null;
            return ReadModel(new ProtobufReader(bytes));
        }
        catch (ModelFormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static OnnxModel ReadModel(ProtobufReader reader)
    {
        string producer = "";
        long opset = 0;
        ProtobufReader? graph = null;
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch (field)
            {
                case 2 when wire == ProtobufReader.LengthDelimited: producer = reader.ReadString(); break;
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

    private static OnnxModel ReadGraph(ProtobufReader reader, string producer, long opset)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (wire != ProtobufReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }
            switch (field)
            {
                case 1: nodes.Add(ReadNode(reader.ReadMessage())); break;
                case 5:
                    OnnxTensor tensor = ReadTensor(reader.ReadMessage());
                    initializers[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ReadValueInfo(reader.ReadMessage())); break;
                case 12: outputs.Add(ReadValueInfo(reader.ReadMessage())); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxModel(producer, opset, nodes, initializers, inputs, outputs);
    }

    private static OnnxNode ReadNode(ProtobufReader reader)
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
                case 1: inputs.Add(reader.ReadString()); break;
                case 2: outputs.Add(reader.ReadString()); break;
                case 3: name = reader.ReadString(); break;
                case 4: opType = reader.ReadString(); break;
                case 5:
                    OnnxAttribute attribute = ReadAttribute(reader.ReadMessage());
                    attributes[attribute.Name] = attribute;
                    break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxNode(name, opType, inputs.ToArray(), outputs.ToArray(), attributes);
    }

    private static OnnxAttribute ReadAttribute(ProtobufReader reader)
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
                case 7: reader.ReadRepeatedFloat(wire, floats); break;
                case 8: reader.ReadRepeatedInt64(wire, ints); break;
                default: reader.Skip(wire); break;
            }
        }
        return new OnnxAttribute(name, integer, single, text, ints.ToArray(), floats.ToArray(), tensor);
    }

    private static OnnxTensor ReadTensor(ProtobufReader reader)
    {
        var dims = new List<long>();
        var floatData = new List<float>();
        var intData = new List<long>();
        var doubleData = new List<double>();
        int dataType = 0;
        string name = "";
        (int Offset, int Length)? raw = null;
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch (field)
            {
                case 1: reader.ReadRepeatedInt64(wire, dims); break;
                case 2 when wire == ProtobufReader.Varint: dataType = (int)reader.ReadInt64(); break;
                case 4: reader.ReadRepeatedFloat(wire, floatData); break;
                case 5: reader.ReadRepeatedInt64(wire, intData); break; // int32_data: varints
                case 7: reader.ReadRepeatedInt64(wire, intData); break; // int64_data
                case 8 when wire == ProtobufReader.LengthDelimited: name = reader.ReadString(); break;
                case 9 when wire == ProtobufReader.LengthDelimited: raw = reader.ReadSpan(); break;
                case 10: ReadRepeatedDouble(ref reader, wire, doubleData); break;
                case 13: throw new ModelFormatException($"tensor '{name}' keeps its data in an external file; re-export the model with the weights inside the .onnx file");
                default: reader.Skip(wire); break;
            }
        }

        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0 || d > MaxElements)
                throw new ModelFormatException($"tensor '{name}' has an invalid dimension {d}");
            count *= d;
            if (count > MaxElements)
                throw new ModelFormatException($"tensor '{name}' is too large ({string.Join("×", dims)} elements)");
        }

        float[]? floats = null;
        long[]? ints = null;
        switch (dataType)
        {
            case OnnxTensor.Float:
                floats = raw is { } r ? RawFloats(reader.Buffer, r, count, name) : floatData.ToArray();
                break;
            case OnnxTensor.Double:
                floats = raw is { } rd ? Array.ConvertAll(RawDoubles(reader.Buffer, rd, count, name), d => (float)d) : Array.ConvertAll(doubleData.ToArray(), d => (float)d);
                break;
            case OnnxTensor.Int64:
            case OnnxTensor.Int32:
                ints = raw is { } ri ? RawInts(reader.Buffer, ri, count, dataType == OnnxTensor.Int64 ? 8 : 4, name) : intData.ToArray();
                break;
        }
        long stored = floats?.LongLength ?? ints?.LongLength ?? count;
        if (stored != count)
            throw new ModelFormatException($"tensor '{name}' has shape {string.Join("×", dims)} ({count} elements) but holds {stored} values");
        return new OnnxTensor(name, dims.ToArray(), dataType, floats, ints);
    }

    private static void ReadRepeatedDouble(ref ProtobufReader reader, int wire, List<double> into)
    {
        if (wire == ProtobufReader.Fixed64)
        {
            into.Add(reader.ReadFixed64Double());
            return;
        }
        reader.Expect(wire, ProtobufReader.LengthDelimited);
        ProtobufReader packed = reader.ReadMessage();
        while (!packed.AtEnd)
            into.Add(packed.ReadFixed64Double());
    }

    private static void CheckRawLength((int Offset, int Length) raw, long count, int elementSize, string name)
    {
        if (raw.Length != count * elementSize)
            throw new ModelFormatException($"tensor '{name}' has {count} elements but {raw.Length} bytes of raw data (expected {count * elementSize})");
    }

    private static float[] RawFloats(byte[] buffer, (int Offset, int Length) raw, long count, string name)
    {
        CheckRawLength(raw, count, 4, name);
        var values = new float[count];
        System.Buffer.BlockCopy(buffer, raw.Offset, values, 0, raw.Length);
        return values;
    }

    private static double[] RawDoubles(byte[] buffer, (int Offset, int Length) raw, long count, string name)
    {
        CheckRawLength(raw, count, 8, name);
        var values = new double[count];
        System.Buffer.BlockCopy(buffer, raw.Offset, values, 0, raw.Length);
        return values;
    }

    private static long[] RawInts(byte[] buffer, (int Offset, int Length) raw, long count, int elementSize, string name)
    {
        CheckRawLength(raw, count, elementSize, name);
        var values = new long[count];
        for (int i = 0; i < count; i++)
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
            shape.Add(value);
        }
    }
}
