using System.IO;
using System.Linq;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Reading;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

/// <summary>
/// The integer form a quantised file's graph carries: each operation's 8-bit weights as stored, their zero
/// points and scales, the int32 biases, and the quantisation of every activation, chained from the input.
/// </summary>
public sealed class QuantizedGraphTests
{
    private static NetworkGraph Lower(string path) =>
        TfliteLowering.Lower(TfliteReader.TryRead(File.ReadAllBytes(RepositoryFiles.Path(path)), out _)!);

    [Fact]
    public void CoralsUint8FileHasAnIntegerFormChainedFromItsInput()
    {
        NetworkGraph graph = Lower("models/coral/mobilenet_v1_0.25_128_quant.tflite");
        Assert.Null(graph.NotInteger);
        Assert.Equal(new QuantizedTensor(false, 0.0078125f, 128), graph.QuantizedInput);

        QuantizedTensor previous = graph.QuantizedInput!.Value;
        foreach (GraphOp op in graph.Ops)
        {
            QuantizedOp q = op.Quantized!;
            Assert.Equal(previous, q.Input);
            previous = q.Output;
            if (op.Kind is OpKind.Conv or OpKind.FullyConnected)
            {
                Assert.False(q.WeightsSigned);
                Assert.Equal(op.Weights.Length, q.Weights.Length);
                Assert.Single(q.WeightScales);
                Assert.Equal(op.OutC, q.Bias.Length);
                Assert.All(q.Weights, w => Assert.InRange(w, 0, 255));
                // The stored integers are the float weights' source, element for element: real = scale · (q − zero point).
                for (int i = 0; i < q.Weights.Length; i += 97)
                    Assert.Equal(q.WeightScales[0] * (q.Weights[i] - q.WeightZeroPoint), op.Weights[i]);
                // The biases' scale is the input's × the weights', as the file rounds it to float.
                for (int o = 0; o < op.OutC; o++)
                    Assert.True(System.Math.Abs(q.Input.Scale * q.WeightScales[0] * q.Bias[o] - op.Bias[o]) <= 1e-6 * System.Math.Abs(op.Bias[o]), $"bias {o} of {op.Name}");
            }
        }
        // Coral's weights have zero points other than 0, which the integer kernels must handle.
        Assert.Contains(graph.Ops, op => op.Quantized!.WeightZeroPoint != 0);
        // The softmax writes uint8 probabilities in 256ths.
        Assert.Equal(new QuantizedTensor(false, 1f / 256, 0), graph.Ops[^1].Quantized!.Output);
    }

    [Fact]
    public void PersonDetectHasInt8WeightsWithAScalePerOutputChannel()
    {
        NetworkGraph graph = Lower("models/tflm/person_detect.tflite");
        Assert.Null(graph.NotInteger);
        Assert.True(graph.QuantizedInput!.Value.Signed);
        GraphOp first = graph.Ops[0];
        Assert.True(first.IsDepthwise || first.Group == 1);
        QuantizedOp q = first.Quantized!;
        Assert.True(q.WeightsSigned);
        Assert.Equal(0, q.WeightZeroPoint);
        Assert.Equal(first.OutC, q.WeightScales.Length);
        Assert.All(graph.Ops.Where(op => op.Kind is OpKind.Conv), op => Assert.Equal(op.OutC, op.Quantized!.WeightScales.Length));
        // Per channel: weight i of output channel o is scale[o] · q.
        int perOut = q.Weights.Length / first.OutC;
        for (int i = 0; i < q.Weights.Length; i++)
            Assert.Equal(q.WeightScales[i / perOut] * q.Weights[i], first.Weights[i]);
    }

    [Fact]
    public void V2sResidualAddsKnowBothInputsQuantisation()
    {
        NetworkGraph graph = Lower("models/coral/mobilenet_v2_1.0_224_quant.tflite");
        Assert.Null(graph.NotInteger);
        GraphOp[] adds = graph.Ops.Where(op => op.Kind == OpKind.Add).ToArray();
        Assert.Equal(10, adds.Length);
        foreach (GraphOp add in adds)
            Assert.Equal(graph.Ops[add.ResidualFrom].Quantized!.Output, add.Quantized!.Skip);
    }

    [Fact]
    public void AFloatFileSaysItHasNoIntegerForm()
    {
        byte[] file = MobileNet.Testing.SyntheticTfliteV1.Build(new MobileNet.Testing.TfliteV1Options(0.25, 32) { Classes = 4 }).Tflite;
        NetworkGraph graph = TfliteLowering.Lower(TfliteReader.TryRead(file, out _)!);
        Assert.Equal("the file's weights are float", graph.NotInteger);
        Assert.Null(graph.QuantizedInput);
    }
}
