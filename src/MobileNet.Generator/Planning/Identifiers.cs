using System;
using System.Linq;
using MobileNet.Generator.Kernels.Depthwise;
using MobileNet.Generator.Kernels.Gemm;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Planning;

/// <summary>
/// Every name the generated class declares for a layer or an output: layer methods, the kernels they
/// share, weight fields, output constants and <c>Run</c>'s parameters. The planner names the layers
/// and outputs with it, the emitters ask it for the rest, so that a declaration and its uses agree.
/// </summary>
internal static class Identifiers
{
    /// <summary>The stages of a row-streamed layer: each a method of its own and, with the layer's number, a weight field.</summary>
    public const string Expand = "Expand", Depthwise = "Depthwise", Project = "Project";

    /// <summary>
    /// A layer's method, its number and what it runs: "Layer03_Bottleneck6S1", "Layer00_Conv3x3S2".
    /// <paramref name="op"/> is the layer's operation (a row-streamed layer's depthwise filter), <paramref name="expansion"/> a bottleneck's ratio.
    /// </summary>
    public static string LayerMethod(int index, KernelKind kernel, PlannedOp op, int expansion = 0) => $"Layer{index:D2}_" + kernel switch
    {
        KernelKind.ConvKxK => $"Conv{op.KernelH}x{op.KernelW}S{op.Stride}",
        KernelKind.Depthwise3x3 => $"Depthwise3x3S{op.Stride}",
        KernelKind.Pointwise => "Pointwise",
        KernelKind.GlobalAveragePool => "GlobalAveragePool",
        KernelKind.Dense => "Dense",
        KernelKind.Bottleneck => $"Bottleneck{expansion}S{op.Stride}",
        KernelKind.DepthwiseSeparable => $"DepthwiseSeparableS{op.Stride}",
        _ => "Softmax",
    };

    /// <summary>
    /// A depthwise kernel, named by what it computes, so that layers of one shape share it:
    /// "Depthwise3x3S1P1_2x56to56x144_ReLU6" makes two output rows of 56 pixels × 144 channels from rows
    /// of 56 at stride 1, one padding column on the left, then ReLU6.
    /// </summary>
    public static string DepthwiseKernel(DepthwiseSchedule s, Clamp clamp) =>
        $"Depthwise3x3S{s.Stride}P{s.PadLeft}_{s.OutRows}x{s.InW}to{s.OutW}x{s.Layout.Stride}{Activation(clamp)}";

    /// <summary>
    /// A 1×1 convolution's GEMM kernel, named by what it computes: "Gemm112x144to24_Residual" takes 112
    /// pixels of 144 channels to 24 and adds a residual; "Gemm56x24to144_ReLU6" clamps; "Gemm49x1024to128of1024_ReLU6"
    /// makes 128 of a layer's 1024 channels.
    /// </summary>
    public static string GemmKernel(GemmSchedule s, Clamp clamp, bool residual) =>
        $"Gemm{s.Pixels}x{s.Layout.InStride}to{s.Layout.OutStride}{(s.OutputStride != s.Layout.OutStride ? $"of{s.OutputStride}" : "")}{Activation(clamp)}{(residual ? "_Residual" : "")}";

    /// <summary>A clamp as a name's suffix: "_ReLU6", "_ReLU", none, or its bounds' bits, which no two clamps share.</summary>
    private static string Activation(Clamp clamp) => clamp.Activation switch
    {
        "" => "",
        { } name => "_" + name,
        null => $"_Clamp{BitConverter.ToUInt32(BitConverter.GetBytes(clamp.Min), 0):X8}to{BitConverter.ToUInt32(BitConverter.GetBytes(clamp.Max), 0):X8}",
    };

    /// <summary>The method that runs one part of a layer split between threads: "Layer04Part".</summary>
    public static string PartMethod(int index) => $"Layer{index:D2}Part";

    /// <summary>The field of a layer's packed weights: "Layer03Project", or "Layer00" for a layer's single array (<paramref name="suffix"/> "").</summary>
    public static string WeightField(int index, string suffix) => $"Layer{index:D2}{suffix}";

    /// <summary>
    /// The constant prefix and parameter of an output: "Output" and "output" for a network's single output;
    /// "Block13Expand" and "block13Expand" for the map <c>FeatureMaps</c> calls "block13/expand". Null for a
    /// name that is not a layer name (letters and digits, one "/" between two parts), which never becomes code.
    /// </summary>
    public static (string Identifier, string Parameter)? Output(string? name)
    {
        if (name is null)
            return ("Output", "output");
        string[] parts = name.Split('/');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || !char.IsLetter(p[0]) || !p.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')))
            return null;
        string identifier = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        return (identifier, char.ToLowerInvariant(identifier[0]) + identifier.Substring(1));
    }
}
