namespace MobileNet.Fuzz.Onnx;

/// <summary>The ONNX messages the fuzzer parses into a tree; every other length-delimited field stays opaque bytes.</summary>
internal enum Message { Model, OperatorSet, Graph, Node, Attribute, Tensor, ValueInfo, Type, TypeTensor, Shape, Dimension }

/// <summary>What a length-delimited field of an ONNX message holds (onnx.proto field numbers).</summary>
internal enum Payload { Opaque, Message, String, PackedVarints, PackedFloats }

internal static class OnnxSchema
{
    /// <summary>The message type of a submessage field, if it is one.</summary>
    public static Message? Child(Message parent, int field) => (parent, field) switch
    {
        (Message.Model, 7) => Message.Graph,
        (Message.Model, 8) => Message.OperatorSet,
        (Message.Graph, 1) => Message.Node,
        (Message.Graph, 5) => Message.Tensor,
        (Message.Graph, 11 or 12 or 13) => Message.ValueInfo,
        (Message.Node, 5) => Message.Attribute,
        (Message.Attribute, 5) => Message.Tensor,
        (Message.ValueInfo, 2) => Message.Type,
        (Message.Type, 1) => Message.TypeTensor,
        (Message.TypeTensor, 2) => Message.Shape,
        (Message.Shape, 1) => Message.Dimension,
        _ => null,
    };

    public static Payload Kind(Message parent, int field) => Child(parent, field) is not null ? Payload.Message : (parent, field) switch
    {
        (Message.Model, 2) or (Message.OperatorSet, 1) or (Message.Graph, 2) => Payload.String,
        (Message.Node, 1 or 2 or 3 or 4) => Payload.String,
        (Message.Attribute, 1 or 4) => Payload.String,
        (Message.Attribute, 8) => Payload.PackedVarints,
        (Message.Attribute, 7) => Payload.PackedFloats,
        (Message.Tensor, 1 or 5 or 7) => Payload.PackedVarints,
        (Message.Tensor, 4) => Payload.PackedFloats,
        (Message.Tensor, 8) => Payload.String,
        (Message.ValueInfo, 1) or (Message.Dimension, 2) => Payload.String,
        _ => Payload.Opaque,
    };

    // ModelProto, GraphProto and NodeProto field numbers the rewiring and renaming mutations use.
    public const int ModelGraph = 7, GraphNode = 1, GraphInitializer = 5, GraphInput = 11, GraphOutput = 12, GraphValueInfo = 13;
    public const int NodeInput = 1, NodeOutput = 2, TensorName = 8, TensorDataType = 2, TensorRawData = 9, ValueInfoName = 1;
}
