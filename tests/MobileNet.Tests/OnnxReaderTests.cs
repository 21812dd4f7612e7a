using System;
using System.Linq;
using MobileNet.Generator.Reading;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

public sealed class OnnxReaderTests
{
    private static byte[] TinyModel()
    {
        var g = new OnnxGraphBuilder();
        g.Node("Conv", ["input", g.Initializer("W", [4, 3, 3, 3], Enumerable.Range(0, 108).Select(i => i / 10f).ToArray())], ["y"],
            new OnnxAttr.Ints("kernel_shape", 3, 3), new OnnxAttr.Ints("pads", 0, 0, 1, 1), new OnnxAttr.Str("auto_pad", "NOTSET"), new OnnxAttr.Float("alpha", 0.5f));
        return g.Build(13, "input", [1, 3, 8, 8], "y", [1, 4, 4, 4]);
    }

    [Fact]
    public void ReadsEveryFieldTheGeneratorUses()
    {
        OnnxModel model = OnnxReader.TryRead(TinyModel(), out string? error)!;
        Assert.Null(error);
        Assert.Equal("MobileNetGen tests", model.Producer);
        Assert.Equal(13, model.OpsetVersion);
        OnnxNode conv = Assert.Single(model.Nodes);
        Assert.Equal("Conv", conv.OpType);
        Assert.Equal(["input", "W"], conv.Inputs);
        Assert.Equal([0L, 0, 1, 1], conv.Attributes["pads"].Ints);
        Assert.Equal("NOTSET", conv.Attributes["auto_pad"].String);
        Assert.Equal(0.5f, conv.Attributes["alpha"].Float);
        OnnxTensor w = model.Initializers["W"];
        Assert.Equal([4L, 3, 3, 3], w.Dims);
        Assert.Equal(10.7f, w.Floats![107]);
        Assert.Equal([1L, 3, 8, 8], Assert.Single(model.Inputs).Shape);
        Assert.Equal([1L, 4, 4, 4], Assert.Single(model.Outputs).Shape);
    }

    [Fact]
    public void EveryTruncationIsAnErrorOrAShorterModelNeverAnException()
    {
        byte[] model = TinyModel();
        int errors = 0;
        for (int length = 0; length < model.Length; length++)
        {
            OnnxModel? read = OnnxReader.TryRead(model[..length], out string? error);
            Assert.True(read is not null ^ error is not null, $"prefix {length}: a model or an error, not both");
            errors += read is null ? 1 : 0;
        }
        Assert.True(errors > model.Length / 2, $"only {errors} of {model.Length} prefixes were rejected");
    }

    [Theory]
    [InlineData(new byte[] { 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "truncated")]           // graph of 2^64−1 bytes
    [InlineData(new byte[] { 0x3A, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, "longer than 10 bytes")]
    [InlineData(new byte[] { 0x3B }, "wire type 3")]                                                                 // a group start
    [InlineData(new byte[] { 0x08, 0x07 }, "no graph")]                                                              // ir_version only
    public void HostileBytesAreRejectedWithAReason(byte[] bytes, string reason)
    {
        Assert.Null(OnnxReader.TryRead(bytes, out string? error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void HugeDimensionsAreRejectedBeforeAllocating()
    {
        // A tensor claiming 2^20 × 2^20 floats with 4 bytes of data.
        byte[] tensor = new ProtoWriter().PackedInt64(1, [1 << 20, 1 << 20]).Varint(2, 1).String(8, "big").Bytes(9, new byte[4]).ToArray();
        byte[] model = new ProtoWriter().Message(7, g => g.Bytes(5, tensor)).ToArray();
        Assert.Null(OnnxReader.TryRead(model, out string? error));
        Assert.Contains("has shape [1048576,1048576], more elements than its", error);
    }

    [Fact]
    public void RawDataMustMatchTheShape()
    {
        byte[] tensor = new ProtoWriter().PackedInt64(1, [2, 2]).Varint(2, 1).String(8, "t").Bytes(9, new byte[12]).ToArray();
        Assert.Null(OnnxReader.TryRead(new ProtoWriter().Message(7, g => g.Bytes(5, tensor)).ToArray(), out string? error));
        Assert.Contains("tensor 't' has 4 elements but 12 bytes of raw data", error);
    }

    [Fact]
    public void ExternalDataIsRefusedWithAFix()
    {
        byte[] tensor = new ProtoWriter().PackedInt64(1, [2]).Varint(2, 1).String(8, "t").Message(13, e => e.String(1, "location")).ToArray();
        Assert.Null(OnnxReader.TryRead(new ProtoWriter().Message(7, g => g.Bytes(5, tensor)).ToArray(), out string? error));
        Assert.Contains("re-export the model with the weights inside", error);
    }
}
